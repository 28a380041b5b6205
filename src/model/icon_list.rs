//! Program Manager's post icons as markup: the same `<li><a class="icon" …>` items the static
//! pages carry (see /work/notes/contract.md), so the app can draw the whole list as one string
//! (one small view in the wasm instead of one per icon).

use super::post::{page_path, PostMeta};

/// Text made safe for HTML, between tags and inside double-quoted attributes.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// One `<li>` per post, in the order given, each linking to the post's page under `base`.
pub fn icons_html(base: &str, posts: &[PostMeta]) -> String {
    let mut html = String::with_capacity(posts.len() * 200);
    for post in posts {
        let slug = escape(&post.slug);
        html.push_str(r#"<li><a class="icon" href=""#);
        html.push_str(&escape(base));
        html.push_str(&escape(&page_path(&post.slug)));
        html.push_str(r#"" data-slug=""#);
        html.push_str(&slug);
        html.push_str(
            r#""><span class="icon-image" aria-hidden="true"></span><span class="icon-label">"#,
        );
        html.push_str(&escape(&post.title));
        html.push_str("</span></a></li>");
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(slug: &str, title: &str) -> PostMeta {
        PostMeta {
            slug: slug.into(),
            title: title.into(),
            date: "2024-05-01".into(),
            tags: Vec::new(),
            summary: String::new(),
        }
    }

    #[test]
    fn each_post_is_a_link_to_its_page_with_its_slug_and_title() {
        assert_eq!(
            icons_html("/blog/", &[post("hello", "Hello")]),
            concat!(
                r#"<li><a class="icon" href="/blog/posts/hello/" data-slug="hello">"#,
                r#"<span class="icon-image" aria-hidden="true"></span>"#,
                r#"<span class="icon-label">Hello</span></a></li>"#
            )
        );
    }

    #[test]
    fn titles_cannot_inject_markup() {
        let html = icons_html("/", &[post("a", r#"<b>"Fish" & chips</b>"#)]);
        assert!(
            html.contains("&lt;b&gt;&quot;Fish&quot; &amp; chips&lt;/b&gt;"),
            "{html}"
        );
        assert!(!html.contains("<b>"), "{html}");
    }

    #[test]
    fn icons_keep_the_order_given() {
        let html = icons_html("/", &[post("b", "B"), post("a", "A")]);
        assert!(html.find("data-slug=\"b\"") < html.find("data-slug=\"a\""));
    }
}
