//! What a shared link and a search engine read: the `<head>` tags of the page, written from the
//! content at build time by the prerender binary. Absolute addresses come from one setting, the
//! public base URL. The seed gives no publication date, so none is claimed.

use crate::story::STORY;

/// The share image (1200 × 630), relative to the base URL.
pub const SHARE_IMAGE: &str = "share.png";

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

/// Escapes text as a JSON string (with quotes), safe inside a `<script>` data block.
pub fn json_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            // `</script>` cannot close the block, nor `<!--` open a comment in it.
            '<' => out.push_str("\\u003c"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The `<head>` tags for a page published at `base_url` (which ends with `/`).
pub fn head_tags(base_url: &str) -> String {
    let title = format!("{} — {}", STORY.title, STORY.publisher);
    let (t, d) = (escape_html(&title), escape_html(STORY.standfirst));
    let image = format!("{base_url}{SHARE_IMAGE}");
    let json_ld = format!(
        concat!(
            "{{\"@context\":\"https://schema.org\",\"@type\":\"Article\",",
            "\"headline\":{},\"description\":{},\"url\":{},\"image\":{},",
            "\"author\":{{\"@type\":\"Person\",\"name\":{}}},",
            "\"publisher\":{{\"@type\":\"Organization\",\"name\":{}}}}}"
        ),
        json_string(STORY.title),
        json_string(STORY.standfirst),
        json_string(base_url),
        json_string(&image),
        json_string(STORY.author),
        json_string(STORY.publisher),
    );
    [
        format!("<title>{t}</title>"),
        format!("<meta name=\"description\" content=\"{d}\">"),
        format!("<meta name=\"author\" content=\"{}\">", escape_html(STORY.author)),
        format!("<link rel=\"canonical\" href=\"{}\">", escape_html(base_url)),
        format!(
            "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}{}\" title=\"{t}\">",
            escape_html(base_url),
            crate::export::OEMBED_FILE
        ),
        "<meta property=\"og:type\" content=\"article\">".to_string(),
        format!("<meta property=\"og:title\" content=\"{}\">", escape_html(STORY.title)),
        format!("<meta property=\"og:description\" content=\"{d}\">"),
        format!("<meta property=\"og:url\" content=\"{}\">", escape_html(base_url)),
        format!("<meta property=\"og:site_name\" content=\"{}\">", escape_html(STORY.ui.site_name)),
        format!("<meta property=\"og:image\" content=\"{}\">", escape_html(&image)),
        "<meta property=\"og:image:width\" content=\"1200\">".to_string(),
        "<meta property=\"og:image:height\" content=\"630\">".to_string(),
        "<meta name=\"twitter:card\" content=\"summary_large_image\">".to_string(),
        format!("<meta name=\"twitter:title\" content=\"{}\">", escape_html(STORY.title)),
        format!("<meta name=\"twitter:description\" content=\"{d}\">"),
        format!("<meta name=\"twitter:image\" content=\"{}\">", escape_html(&image)),
        format!("<script type=\"application/ld+json\">{json_ld}</script>"),
    ]
    .join("\n    ")
}

/// The note for readers without JavaScript, placed before the app.
pub fn noscript() -> String {
    format!("<noscript><p class=\"put-noscript\">{}</p></noscript>", escape_html(STORY.ui.noscript))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_head_describes_the_article_with_absolute_addresses() {
        let head = head_tags("https://example.org/story/");
        assert!(head.contains("<title>Pakistan and US Relations: A History of Betrayal — Paradigm Shift</title>"));
        assert!(head.contains("<link rel=\"canonical\" href=\"https://example.org/story/\">"));
        assert!(head.contains("<meta property=\"og:image\" content=\"https://example.org/story/share.png\">"));
        // Article, not OpinionNewsArticle: "opinion" is our label, not the publisher's classification.
        assert!(head.contains("\"@type\":\"Article\""));
        assert!(head.contains("\"author\":{\"@type\":\"Person\",\"name\":\"Muhammad Hamza Tanvir\"}"));
        assert!(!head.contains("datePublished"), "the seed gives no date");
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape_html("a \"b\" <c> & d"), "a &quot;b&quot; &lt;c&gt; &amp; d");
        assert_eq!(json_string("say \"hi\"</script>\n"), "\"say \\\"hi\\\"\\u003c/script>\\n\"");
    }
}
