//! The Pym.js 1.3 child protocol (NPR's `pym.js`, what news sites use to size iframes), as pure
//! functions: the message format, and the parent's position report. The browser side is in
//! [`super::frame`].
//!
//! A message is one string, `pym` + `xPYMx` + child id + `xPYMx` + type + `xPYMx` + value, posted
//! between the frames. The child sends `height` (its body's height in px), `parentPositionInfo`
//! (asking for a position report) and `scrollToChildPos` (asking the parent to scroll so that
//! this offset of the child is at the top of its window); the parent sends `width` and, on
//! scroll and resize when created with `trackscroll`, `viewport-iframe-position`.

/// Separates the parts of a Pym message.
pub const DELIMITER: &str = "xPYMx";

/// The query parameters a Pym parent adds to the iframe's address (not options of ours).
pub const PARAMETERS: [&str; 4] = ["initialWidth", "childId", "parentTitle", "parentUrl"];

/// A message from the child `id`.
pub fn message(id: &str, kind: &str, value: &str) -> String {
    format!("pym{DELIMITER}{id}{DELIMITER}{kind}{DELIMITER}{value}")
}

/// The type and value of a message addressed to child `id`; `None` for anything else (another
/// child's message, another library's, a malformed one).
pub fn parse<'a>(id: &str, data: &'a str) -> Option<(&'a str, &'a str)> {
    let rest = data.strip_prefix("pym")?.strip_prefix(DELIMITER)?.strip_prefix(id)?.strip_prefix(DELIMITER)?;
    let (kind, value) = rest.split_once(DELIMITER)?;
    // Pym's own pattern: a type of one or more non-space characters, a value on one line.
    let well_formed = !kind.is_empty() && !kind.contains(char::is_whitespace) && !value.contains('\n');
    well_formed.then_some((kind, value))
}

/// What the story needs of a `viewport-iframe-position` value (the parent's viewport size, then
/// the iframe's bounding rectangle in the parent's viewport).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParentView {
    pub viewport_height: f64,
    /// The iframe's top edge, relative to the parent's viewport (negative once scrolled past).
    pub top: f64,
}

/// A number as JS writes a pixel position: `-120.5`, `800`. (Exponents, which JS uses only below
/// 1e-6, are refused; a position that small is 0 anyway.) Written out because the standard float
/// parser would be the largest thing in the wasm it is needed for.
fn number(text: &str) -> Option<f64> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !all_digits(whole) || !all_digits(fraction) || whole.len() > 15 {
        return None;
    }
    let mut value = whole.bytes().fold(0.0, |v, b| v * 10.0 + f64::from(b - b'0'));
    let mut scale = 1.0;
    for b in fraction.bytes().take(9) {
        scale /= 10.0;
        value += f64::from(b - b'0') * scale;
    }
    Some(if negative { -value } else { value })
}

/// Parses `"width height top left bottom right"`; `None` unless all six are numbers.
pub fn parse_position(value: &str) -> Option<ParentView> {
    let numbers: Vec<f64> = value.split_whitespace().map(number).collect::<Option<_>>()?;
    let &[_width, viewport_height, top, _left, _bottom, _right] = numbers.as_slice() else {
        return None;
    };
    (viewport_height > 0.0).then_some(ParentView { viewport_height, top })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_in_pym_format() {
        assert_eq!(message("story", "height", "5120"), "pymxPYMxstoryxPYMxheightxPYMx5120");
        assert_eq!(message("story", "parentPositionInfo", ""), "pymxPYMxstoryxPYMxparentPositionInfoxPYMx");
    }

    #[test]
    fn only_messages_for_this_child_are_read() {
        assert_eq!(parse("story", "pymxPYMxstoryxPYMxwidthxPYMx720"), Some(("width", "720")));
        let position = "pymxPYMxstoryxPYMxviewport-iframe-positionxPYMx1280 800 -120 0 4880 1280";
        assert_eq!(parse("story", position), Some(("viewport-iframe-position", "1280 800 -120 0 4880 1280")));
        assert_eq!(parse("story", "pymxPYMxotherxPYMxwidthxPYMx720"), None);
        assert_eq!(parse("story", "pymxPYMxstory2xPYMxwidthxPYMx720"), None);
        assert_eq!(parse("story", "{\"sentinel\":\"amp\"}"), None);
        assert_eq!(parse("story", "pymxPYMxstoryxPYMxwidth"), None);
        assert_eq!(parse("story", "pymxPYMxstoryxPYMxa bxPYMx1"), None);
    }

    #[test]
    fn a_message_round_trips() {
        let m = message("c1", "scrollToChildPos", "1234");
        assert_eq!(parse("c1", &m), Some(("scrollToChildPos", "1234")));
    }

    #[test]
    fn positions_are_read_as_js_writes_them() {
        assert_eq!(number("800"), Some(800.0));
        assert_eq!(number("-2499.890625"), Some(-2499.890625));
        assert_eq!(number("0.5"), Some(0.5));
        for bad in ["", "-", ".5", "1e-7", "12px", "1.2.3", "NaN"] {
            assert_eq!(number(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_position_report_is_six_numbers() {
        let v = parse_position("1280 800 -120.5 0 4880 1280").unwrap();
        assert_eq!(v, ParentView { viewport_height: 800.0, top: -120.5 });
        assert_eq!(parse_position("1280 800 -120"), None);
        assert_eq!(parse_position("1280 800 x 0 4880 1280"), None);
        assert_eq!(parse_position("1280 0 0 0 0 0"), None, "no viewport, nothing to follow");
    }
}
