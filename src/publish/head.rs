//! What a shared link and a search engine read: the `<head>` tags of the page, written from the
//! content at build time by the prerender binary. Absolute addresses come from one setting, the
//! public base URL. The seed gives no publication date, so none is claimed.

use serde_json::json;

use super::{escape_html, script_json};
use crate::assets::{OEMBED_FILE, SHARE_IMAGE};
use crate::story::STORY;

/// The `<head>` tags for a page published at `base_url` (which ends with `/`).
pub fn head_tags(base_url: &str) -> String {
    let title = format!("{} — {}", STORY.title, STORY.publisher);
    let (t, d) = (escape_html(&title), escape_html(STORY.standfirst));
    let image = format!("{base_url}{SHARE_IMAGE}");
    let json_ld = script_json(&json!({
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": STORY.title,
        "description": STORY.standfirst,
        "url": base_url,
        "image": image,
        "author": { "@type": "Person", "name": STORY.author },
        "publisher": { "@type": "Organization", "name": STORY.publisher },
    }));
    [
        format!("<title>{t}</title>"),
        format!("<meta name=\"description\" content=\"{d}\">"),
        format!("<meta name=\"author\" content=\"{}\">", escape_html(STORY.author)),
        format!("<link rel=\"canonical\" href=\"{}\">", escape_html(base_url)),
        format!(
            "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}{}\" title=\"{t}\">",
            escape_html(base_url),
            OEMBED_FILE
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
}
