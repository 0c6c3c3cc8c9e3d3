//! A serde [`Deserializer`](de::Deserializer) over a JS value, through which the script embed's
//! options object reaches [`options::Entries`](super::options::Entries).
//!
//! Why not `serde_wasm_bindgen::from_value`: its error path describes the unexpected value, a
//! JS number as `Unexpected::Float`, and that `Display` links Rust's float formatting into the
//! wasm (some 10 KB brotli) whatever type is read. Here every error names the kind of value only
//! ([`Error::invalid_type`]), so no float is ever formatted; and `undefined` (a key written but
//! not set, as absent) stays apart from `null` (set, and wrong), which that crate reads alike.

use std::fmt;

use serde::de::{self, DeserializeSeed, Expected, MapAccess, SeqAccess, Unexpected, Visitor};
use wasm_bindgen::{JsCast, JsValue};

/// A failed read. For a value of the wrong type, the message is what was found (`a string`,
/// `a function`), for the warning to say what was expected.
#[derive(Debug)]
pub struct Error(pub String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

/// The kind of an unexpected value, never the value itself (see the module's comment).
fn kind(unexpected: &Unexpected<'_>) -> &'static str {
    match unexpected {
        Unexpected::Bool(_) => "a boolean",
        Unexpected::Unsigned(_) | Unexpected::Signed(_) | Unexpected::Float(_) => "a number",
        Unexpected::Char(_) | Unexpected::Str(_) => "a string",
        Unexpected::Unit | Unexpected::Option => "null",
        Unexpected::Seq => "an array",
        Unexpected::Map => "an object",
        _ => "a value of another kind",
    }
}

impl de::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Error(message.to_string())
    }

    fn invalid_type(unexpected: Unexpected<'_>, _: &dyn Expected) -> Self {
        Error(kind(&unexpected).into())
    }

    fn invalid_value(unexpected: Unexpected<'_>, _: &dyn Expected) -> Self {
        Error(kind(&unexpected).into())
    }
}

/// Reads one JS value as serde's data model: `undefined` as none, `null` as unit, booleans,
/// strings, numbers (as `f64`), arrays as sequences and other objects as maps of their own
/// enumerable string keys. Functions, symbols and big integers are errors.
pub struct Reader(pub JsValue);

impl<'de> de::Deserializer<'de> for Reader {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let value = self.0;
        if value.is_undefined() {
            visitor.visit_none()
        } else if value.is_null() {
            visitor.visit_unit()
        } else if let Some(b) = value.as_bool() {
            visitor.visit_bool(b)
        } else if let Some(text) = value.as_string() {
            visitor.visit_string(text)
        } else if let Some(number) = value.as_f64() {
            visitor.visit_f64(number)
        } else if js_sys::Array::is_array(&value) {
            visitor.visit_seq(Items { array: value.unchecked_into(), next: 0 })
        } else if value.is_object() {
            visitor.visit_map(Entries { object: value, entries: None, value: None })
        } else {
            let what = value.js_typeof().as_string().unwrap_or_default();
            Err(Error(format!("a {what}")))
        }
    }

    /// A value passed over is not read at all: an object that holds the window (or itself) is
    /// never walked.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
        identifier
    }
}

/// An array's items.
struct Items {
    array: js_sys::Array,
    next: u32,
}

impl Iterator for Items {
    type Item = JsValue;

    fn next(&mut self) -> Option<JsValue> {
        let item = (self.next < self.array.length()).then(|| self.array.get(self.next));
        self.next += 1;
        item
    }
}

impl<'de> SeqAccess<'de> for Items {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        self.next().map(|item| seed.deserialize(Reader(item))).transpose()
    }
}

/// An object's `[key, value]` entries, listed when the first key is asked for (a visitor that
/// keeps only the kind lists none). A key is always read as a string (JS keys are), so a key type
/// never meets a number.
struct Entries {
    object: JsValue,
    entries: Option<Items>,
    value: Option<JsValue>,
}

impl<'de> MapAccess<'de> for Entries {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        let object = &self.object;
        let entries = self
            .entries
            .get_or_insert_with(|| Items { array: js_sys::Object::entries(object.unchecked_ref()), next: 0 });
        let Some(entry) = entries.next() else { return Ok(None) };
        let entry: js_sys::Array = entry.unchecked_into();
        self.value = Some(entry.get(1));
        let key = entry.get(0).as_string().unwrap_or_default();
        seed.deserialize(de::value::StringDeserializer::<Error>::new(key)).map(Some)
    }

    /// Takes the value of the last key read, so that after an error (a function, say) the next
    /// key is still there to read.
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        seed.deserialize(Reader(self.value.take().unwrap_or(JsValue::UNDEFINED)))
    }
}
