//! JSON-LD for search engines: a `BlogPosting` on every post page.

use super::config::SiteConfig;
use super::post::Post;
use serde_json::{json, Value};

/// The `<script type="application/ld+json">` element describing `post` at `url`.
pub fn blog_posting(config: &SiteConfig, post: &Post, url: &str) -> String {
    let mut data = json!({
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": post.title,
        "datePublished": post.date.machine(),
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": config.language,
        "isPartOf": { "@type": "Blog", "name": config.title, "url": config.base.url() },
    });
    if let Value::Object(fields) = &mut data {
        if !post.summary.is_empty() {
            fields.insert("description".into(), json!(post.summary));
        }
        if !post.tags.is_empty() {
            fields.insert("keywords".into(), json!(post.tags));
        }
        if !config.author.is_empty() {
            fields.insert(
                "author".into(),
                json!({ "@type": "Person", "name": config.author }),
            );
        }
    }
    // `<` escaped so no text can close the script element early.
    let text = data.to_string().replace('<', "\\u003c");
    format!("<script type=\"application/ld+json\">{text}</script>\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describes_the_post_and_cannot_close_its_script() {
        let config = SiteConfig {
            author: "Ann".into(),
            ..SiteConfig::default()
        };
        let post = Post {
            tags: vec!["rust".into()],
            summary: "Ends </script> here".into(),
            ..Post::example("a", "A <b>", "2024-05-01")
        };
        let html = blog_posting(&config, &post, "https://x.org/posts/a/");
        assert!(
            html.starts_with("<script type=\"application/ld+json\">{"),
            "{html}"
        );
        assert_eq!(html.matches("</script>").count(), 1, "{html}");
        let json = html
            .trim_start_matches("<script type=\"application/ld+json\">")
            .trim_end()
            .trim_end_matches("</script>");
        let value: Value = serde_json::from_str(json).unwrap();
        assert_eq!(value["@type"], "BlogPosting");
        assert_eq!(value["headline"], "A <b>");
        assert_eq!(value["description"], "Ends </script> here");
        assert_eq!(value["datePublished"], "2024-05-01");
        assert_eq!(value["author"]["name"], "Ann");
        assert_eq!(value["keywords"][0], "rust");
    }
}
