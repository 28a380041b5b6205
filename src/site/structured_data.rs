//! JSON-LD for search engines: a `BlogPosting` on every post page.

use super::config::SiteConfig;
use super::page::Icon;
use super::post::Post;
use crate::model::json::write_string;

/// The `<script type="application/ld+json">` element describing `post` at `url`.
///
/// Written directly, keys in the sorted order `serde_json` gives an object (what this wrote
/// before): building a `serde_json::Value` per page cost about 1% of a build.
pub fn blog_posting(config: &SiteConfig, post: &Post, url: &str) -> String {
    let mut out = String::with_capacity(640 + 2 * (post.title.len() + post.summary.len()));
    out.push_str("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"BlogPosting\"");
    if !config.author.is_empty() {
        out.push_str(",\"author\":{\"@type\":\"Person\",\"name\":");
        write_string(&config.author, &mut out);
        out.push('}');
    }
    if post.last_changed() != &post.date {
        field(&mut out, "dateModified", &post.last_changed().machine());
    }
    field(&mut out, "datePublished", &post.date.machine());
    if !post.summary.is_empty() {
        field(&mut out, "description", &post.summary);
    }
    field(&mut out, "headline", &post.title);
    if let Some(cover) = &post.cover {
        field(&mut out, "image", &cover.url(config.base.url()));
    }
    field(&mut out, "inLanguage", &config.language);
    out.push_str(",\"isPartOf\":{\"@type\":\"Blog\",\"name\":");
    write_string(&config.title, &mut out);
    out.push_str(",\"url\":");
    write_string(config.base.url(), &mut out);
    out.push('}');
    if !post.tags.is_empty() {
        out.push_str(",\"keywords\":[");
        for (at, tag) in post.tags.iter().enumerate() {
            if at > 0 {
                out.push(',');
            }
            write_string(tag, &mut out);
        }
        out.push(']');
    }
    field(&mut out, "mainEntityOfPage", url);
    field(&mut out, "url", url);
    out.push_str("}</script>\n");
    out
}

/// `,"key":"value"`.
fn field(out: &mut String, key: &str, value: &str) {
    out.push_str(",\"");
    out.push_str(key);
    out.push_str("\":");
    write_string(value, out);
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

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

    /// What this module wrote when it built a `serde_json::Value`: the same bytes are expected.
    fn through_serde(config: &SiteConfig, post: &Post, url: &str) -> String {
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
        let text = data.to_string().replace('<', "\\u003c");
        format!("<script type=\"application/ld+json\">{text}</script>\n")
    }

    #[test]
    fn escapes_every_string_as_serde_json_does() {
        let odd = "q\"b\\s/ <tag> \u{1}\u{8}\u{c}\n\r\t\u{1f}\u{7f} é — 日本 \u{2028}";
        for (author, tags, summary) in [
            ("", vec![], ""),
            (odd, vec!["a".to_owned(), odd.to_owned()], odd),
            ("Ann", vec!["rust".to_owned()], "Plain."),
        ] {
            let config = SiteConfig {
                author: author.into(),
                title: odd.into(),
                ..SiteConfig::default()
            };
            let post = Post {
                tags,
                summary: summary.into(),
                ..Post::example("a", odd, "2024-05-01T10:30:00+02:00")
            };
            let url = "https://x.org/posts/a/?q=<\"x\">";
            assert_eq!(
                blog_posting(&config, &post, url),
                through_serde(&config, &post, url)
            );
        }
    }
}
