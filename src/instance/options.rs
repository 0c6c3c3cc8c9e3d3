//! What a host page may choose for an embedded story, and how a bad choice is handled: one
//! warning per bad option, naming the key and the accepted values, and that option keeps its
//! default. Nothing here fails. Pure: tested natively; the browser side (`mount`) turns a JS
//! object, `data-*` attributes or the iframe's query into [`Value`]s.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::story::STORY;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    /// The reader's system setting.
    Auto,
    Light,
    Dark,
}

/// Where the graphic stands against the text (the `layout` option).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// Beside the text where the story is at least 900 px wide, above it where it is narrower.
    Auto,
    /// Beside the text at any width (where the window is tall enough for a pinned graphic).
    Side,
    /// Above the text at any width.
    Stacked,
    /// No pinned graphic: each passage shows its own state of it, nothing depends on scroll.
    Flat,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Options {
    pub theme: Theme,
    pub layout: Placement,
    /// The event to open at (an index into the story's events).
    pub start: Option<usize>,
    /// A reading-progress bar at the top of the story.
    pub progress_bar: bool,
    /// Whether reading and moving write the passage into the address (`#history-2`).
    pub update_url: bool,
}

impl Options {
    /// The stand-alone page.
    pub const PAGE: Options =
        Options { theme: Theme::Auto, layout: Placement::Auto, start: None, progress_bar: true, update_url: true };
    /// Inside somebody else's page: light (a host's page is rarely dark), no bar, the host's address
    /// left alone.
    pub const EMBEDDED: Options =
        Options { theme: Theme::Light, layout: Placement::Auto, start: None, progress_bar: false, update_url: false };
}

/// An option's value as the host gave it.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// A JS boolean.
    Bool(bool),
    /// A JS string.
    Text(String),
    /// An attribute or query parameter: always text, a boolean spelled `true` or `false` (an
    /// empty one, `data-progress-bar` alone, means true).
    Attribute(String),
    /// JS `undefined`: as if the key were not there.
    Missing,
    /// Anything else, by the name of its type (`number`, `null`, `object`, `array`).
    Other(&'static str),
}

/// Reads a JS value ([`Reader`](super::js::Reader)) by its kind: `undefined` is none, `null`
/// unit; the contents of an array or object are passed over, only its kind is kept.
impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an option's value")
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Missing)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Other("null"))
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Value, E> {
        Ok(Value::Text(text.into()))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<Value, E> {
        Ok(Value::Text(text))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Value, E> {
        Ok(Value::Other("number"))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Value, E> {
        Ok(Value::Other("number"))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Value, E> {
        Ok(Value::Other("number"))
    }

    /// Only the kind is kept: the items are never read (the Reader lists an object's entries only
    /// when asked), so a value that holds itself or the window is not walked.
    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<Value, A::Error> {
        Ok(Value::Other("array"))
    }

    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<Value, A::Error> {
        Ok(Value::Other("object"))
    }
}

/// A host's options object, key by key, in its order; `undefined` or `null` is no options. A
/// value that cannot be read at all (a function) is kept as a value of another kind, so that it
/// warns like any wrong value and the keys after it are still read.
#[derive(Debug, Default, PartialEq)]
pub struct Entries(pub Vec<(String, Value)>);

impl<'de> Deserialize<'de> for Entries {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Entries, D::Error> {
        deserializer.deserialize_map(EntriesVisitor)
    }
}

struct EntriesVisitor;

impl<'de> Visitor<'de> for EntriesVisitor {
    type Value = Entries;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object of options")
    }

    fn visit_none<E: de::Error>(self) -> Result<Entries, E> {
        Ok(Entries::default())
    }

    fn visit_unit<E: de::Error>(self) -> Result<Entries, E> {
        Ok(Entries::default())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut entries: A) -> Result<Entries, A::Error> {
        let mut all = Vec::new();
        while let Some(key) = entries.next_key::<String>()? {
            let value = entries.next_value::<Value>().unwrap_or(Value::Other("value of another kind"));
            all.push((key, value));
        }
        Ok(Entries(all))
    }
}

/// Every option, in the order warnings list them.
pub const KEYS: [&str; 5] = ["theme", "layout", "start", "progress_bar", "update_url"];

/// Prefixes every message, so a host developer sees at once whose warning it is.
const WHO: &str = "pak-us-timeline:";

/// The key as written in JS (`progress_bar`) from an attribute or parameter name
/// (`data-progress-bar`, `progress-bar`).
pub fn key_of(name: &str) -> String {
    name.strip_prefix("data-").unwrap_or(name).replace('-', "_")
}

fn quoted(values: &[&str]) -> String {
    let all: Vec<String> = values.iter().map(|v| format!("\"{v}\"")).collect();
    match all.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => all.join(""),
    }
}

fn described(value: &Value) -> String {
    match value {
        Value::Bool(b) => b.to_string(),
        Value::Text(t) | Value::Attribute(t) => format!("\"{t}\""),
        Value::Missing => "undefined".into(),
        Value::Other(kind) => format!("a {kind}"),
    }
}

/// One of `choices` (JS or attribute text), or the warning for anything else.
fn choice<T: Copy>(key: &str, value: &Value, choices: &[(&str, T)], default: &str) -> Result<T, String> {
    if let Value::Text(t) | Value::Attribute(t) = value {
        if let Some(&(_, v)) = choices.iter().find(|(name, _)| name == t) {
            return Ok(v);
        }
    }
    let names: Vec<&str> = choices.iter().map(|(n, _)| *n).collect();
    Err(format!("{WHO} option \"{key}\" is {}; use {}. Using \"{default}\".", described(value), quoted(&names)))
}

fn boolean(key: &str, value: &Value, default: bool) -> Result<bool, String> {
    match value {
        Value::Bool(b) => Ok(*b),
        Value::Attribute(t) if t.is_empty() || t == "true" => Ok(true),
        Value::Attribute(t) if t == "false" => Ok(false),
        _ => Err(format!("{WHO} option \"{key}\" is {}; use true or false. Using {default}.", described(value))),
    }
}

fn event(value: &Value) -> Result<usize, String> {
    if let Value::Text(t) | Value::Attribute(t) = value {
        if let Some(i) = STORY.events.iter().position(|e| e.id == t) {
            return Ok(i);
        }
    }
    let ids: Vec<&str> = STORY.events.iter().map(|e| e.id).collect();
    Err(format!(
        "{WHO} option \"start\" is {}, which is no event of the story; use one of {}. Starting at the top.",
        described(value),
        quoted(&ids)
    ))
}

fn theme_name(t: Theme) -> &'static str {
    THEMES.iter().find(|(_, v)| *v == t).map_or("auto", |(n, _)| n)
}

fn layout_name(l: Placement) -> &'static str {
    LAYOUTS.iter().find(|(_, v)| *v == l).map_or("auto", |(n, _)| n)
}

const THEMES: [(&str, Theme); 3] = [("auto", Theme::Auto), ("light", Theme::Light), ("dark", Theme::Dark)];
const LAYOUTS: [(&str, Placement); 4] =
    [("auto", Placement::Auto), ("side", Placement::Side), ("stacked", Placement::Stacked), ("flat", Placement::Flat)];

impl Theme {
    /// The value of the root's `data-put-theme` (none for auto: the stylesheet follows the system).
    pub fn attribute(self) -> Option<&'static str> {
        (self != Theme::Auto).then(|| theme_name(self))
    }
}

impl Placement {
    /// The value of the root's `data-put-layout` (none for auto: the stylesheet decides by width).
    pub fn attribute(self) -> Option<&'static str> {
        (self != Placement::Auto).then(|| layout_name(self))
    }
}

/// Applies `entries` over `defaults`: every good option is taken, every bad one (an unknown key,
/// a wrong type, a value out of its set) gives one warning and keeps its default.
pub fn parse(entries: impl IntoIterator<Item = (String, Value)>, defaults: Options) -> (Options, Vec<String>) {
    let mut options = defaults;
    let mut warnings = Vec::new();
    for (key, value) in entries {
        if value == Value::Missing {
            continue;
        }
        let taken = match key.as_str() {
            "theme" => choice(&key, &value, &THEMES, theme_name(defaults.theme)).map(|t| options.theme = t),
            "layout" => choice(&key, &value, &LAYOUTS, layout_name(defaults.layout)).map(|l| options.layout = l),
            "start" => event(&value).map(|e| options.start = Some(e)),
            "progress_bar" => boolean(&key, &value, defaults.progress_bar).map(|b| options.progress_bar = b),
            "update_url" => boolean(&key, &value, defaults.update_url).map(|b| options.update_url = b),
            _ => Err(format!("{WHO} unknown option \"{key}\" is ignored; the options are {}.", KEYS.join(", "))),
        };
        if let Err(warning) = taken {
            warnings.push(warning);
        }
    }
    (options, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn js(pairs: &[(&str, Value)]) -> (Options, Vec<String>) {
        parse(pairs.iter().map(|(k, v)| (k.to_string(), v.clone())), Options::EMBEDDED)
    }

    fn text(s: &str) -> Value {
        Value::Text(s.into())
    }

    #[test]
    fn good_options_are_taken() {
        let (o, w) = js(&[
            ("theme", text("dark")),
            ("layout", text("flat")),
            ("start", text("seato")),
            ("progress_bar", Value::Bool(true)),
            ("update_url", Value::Bool(true)),
        ]);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(o.theme, Theme::Dark);
        assert_eq!(o.layout, Placement::Flat);
        assert_eq!(o.start.map(|e| STORY.events[e].id), Some("seato"));
        assert!(o.progress_bar && o.update_url);
    }

    #[test]
    fn no_options_give_the_embedded_defaults() {
        let (o, w) = js(&[]);
        assert_eq!((o, w.len()), (Options::EMBEDDED, 0));
        assert_eq!(o.theme, Theme::Light);
        assert!(!o.progress_bar && !o.update_url);
    }

    #[test]
    fn each_bad_option_warns_once_names_its_key_and_values_and_keeps_its_default() {
        let (o, w) = js(&[
            ("theme", text("blue")),
            ("layout", Value::Other("number")),
            ("start", text("no-such-event")),
            ("progress_bar", text("yes")),
            ("colour", text("red")),
            ("update_url", Value::Bool(true)),
        ]);
        assert_eq!(w.len(), 5, "{w:#?}");
        assert_eq!(
            w[0],
            "pak-us-timeline: option \"theme\" is \"blue\"; use \"auto\", \"light\" or \"dark\". Using \"light\"."
        );
        assert!(w[1].contains("\"layout\" is a number; use \"auto\", \"side\", \"stacked\" or \"flat\""), "{}", w[1]);
        assert!(w[2].contains("\"start\" is \"no-such-event\"") && w[2].contains("\"seato\""), "{}", w[2]);
        assert!(w[3].contains("\"progress_bar\" is \"yes\"; use true or false. Using false."), "{}", w[3]);
        assert!(
            w[4].contains("unknown option \"colour\"")
                && w[4].contains("theme, layout, start, progress_bar, update_url")
        );
        assert_eq!(o, Options { update_url: true, ..Options::EMBEDDED }, "the good one is still taken");
    }

    #[test]
    fn a_js_string_is_not_a_boolean_but_an_attribute_may_spell_one() {
        assert_eq!(js(&[("progress_bar", text("true"))]).1.len(), 1);
        let attrs = |v: &str| {
            parse([(key_of("data-progress-bar"), Value::Attribute(v.into()))], Options::EMBEDDED).0.progress_bar
        };
        assert!(attrs("true") && attrs(""));
        assert!(!attrs("false"));
    }

    #[test]
    fn undefined_is_as_if_absent_and_null_is_wrong() {
        assert_eq!(js(&[("theme", Value::Missing)]), (Options::EMBEDDED, vec![]));
        assert_eq!(js(&[("theme", Value::Other("null"))]).1.len(), 1);
    }

    #[test]
    fn an_options_object_is_read_key_by_key_by_kind() {
        let entries: Entries =
            toml::from_str("theme = \"dark\"\nprogress_bar = true\nlayout = 3\nstart = 1.5\nx = [1]\n[y]\nz = 2\n")
                .unwrap();
        let kinds: Vec<(&str, Value)> = entries.0.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
        assert_eq!(
            kinds,
            [
                ("theme", text("dark")),
                ("progress_bar", Value::Bool(true)),
                ("layout", Value::Other("number")),
                ("start", Value::Other("number")),
                ("x", Value::Other("array")),
                ("y", Value::Other("object")),
            ]
        );
        let (options, warnings) = parse(entries.0, Options::EMBEDDED);
        assert_eq!((options.theme, options.progress_bar, warnings.len()), (Theme::Dark, true, 4), "{warnings:#?}");
    }

    #[test]
    fn attribute_and_parameter_names_map_to_js_keys() {
        assert_eq!(key_of("data-update-url"), "update_url");
        assert_eq!(key_of("progress-bar"), "progress_bar");
        assert_eq!(key_of("theme"), "theme");
    }

    #[test]
    fn auto_has_no_attribute() {
        assert_eq!(Theme::Auto.attribute(), None);
        assert_eq!(Theme::Dark.attribute(), Some("dark"));
        assert_eq!(Placement::Auto.attribute(), None);
        assert_eq!(Placement::Stacked.attribute(), Some("stacked"));
    }
}
