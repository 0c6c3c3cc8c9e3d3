//! What the build writes beside the page, from the content (feature `ssr`, for the prerender
//! binary only: none of it reaches the wasm): the `<head>` tags ([`head`]) and the story in other
//! forms ([`export`]).

pub mod export;
pub mod head;

/// Escapes text for an HTML attribute value or element content.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// `value` as JSON that is safe inside a `<script>` data block: `</script>` cannot close it, nor
/// `<!--` open a comment in it.
pub fn script_json(value: &serde_json::Value) -> String {
    value.to_string().replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape_html("a \"b\" <c> & d"), "a &quot;b&quot; &lt;c&gt; &amp; d");
        assert_eq!(script_json(&"say \"hi\"</script>\n".into()), "\"say \\\"hi\\\"\\u003c/script>\\n\"");
    }
}
