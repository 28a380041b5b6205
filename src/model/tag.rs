//! Tags as both renderers group them: a tag's slug (its URL and window id) and the tag groups,
//! each listing the posts that carry the tag. The build writes a page per group and the app opens
//! a group window per tag from the same grouping, so the two always agree.

use super::route::slugify;

/// A tag and the posts carrying it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TagGroup<'a> {
    /// The tag's slug: its URL segment and window id ([`tag_slug`]).
    pub slug: String,
    /// The tag as first written.
    pub name: &'a str,
    /// Indexes of the posts carrying the tag, in the order given (newest first).
    pub posts: Vec<usize>,
}

/// The slug in a tag's URL: slugified, or its bytes in hex when nothing ASCII is left (so
/// "日本" still gets a page of its own).
pub fn tag_slug(tag: &str) -> String {
    let slug = slugify(tag);
    if !slug.is_empty() {
        return slug;
    }
    let mut hex = String::with_capacity(1 + tag.len() * 2);
    hex.push('x');
    for byte in tag.bytes() {
        for nibble in [byte >> 4, byte & 0xf] {
            hex.push(char::from_digit(u32::from(nibble), 16).unwrap_or('0'));
        }
    }
    hex
}

/// Every tag with its posts, given each post's tags in display order, sorted by slug. Tags
/// differing only in case or punctuation share one group, named as first written; a post
/// appears once in a group however often it repeats the tag.
pub fn groups<'a>(tags_per_post: impl IntoIterator<Item = &'a [String]>) -> Vec<TagGroup<'a>> {
    // Kept sorted as it grows (a binary search per tag): there are far fewer tags than posts.
    let mut groups: Vec<TagGroup<'a>> = Vec::new();
    for (post, tags) in tags_per_post.into_iter().enumerate() {
        for tag in tags {
            let slug = tag_slug(tag);
            let at = match groups.binary_search_by(|group| group.slug.cmp(&slug)) {
                Ok(at) => at,
                Err(at) => {
                    let posts = Vec::new();
                    groups.insert(
                        at,
                        TagGroup {
                            slug,
                            name: tag,
                            posts,
                        },
                    );
                    at
                }
            };
            let posts = &mut groups[at].posts;
            if posts.last() != Some(&post) {
                posts.push(post);
            }
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::route::is_valid_slug;

    fn tags(list: &[&str]) -> Vec<String> {
        list.iter().map(|t| (*t).to_owned()).collect()
    }

    #[test]
    fn tags_group_by_slug_in_post_order_named_as_first_written() {
        let posts = [
            tags(&["Rust", "Web & Wasm", "rust"]),
            tags(&["rust", "日本"]),
            tags(&[]),
        ];
        let groups = groups(posts.iter().map(Vec::as_slice));
        let summary: Vec<(&str, &str, &[usize])> = groups
            .iter()
            .map(|g| (g.slug.as_str(), g.name, g.posts.as_slice()))
            .collect();
        assert_eq!(
            summary,
            [
                ("rust", "Rust", &[0, 1][..]),
                ("web-wasm", "Web & Wasm", &[0][..]),
                ("xe697a5e69cac", "日本", &[1][..]),
            ]
        );
    }

    #[test]
    fn every_tag_slug_is_a_valid_url_segment() {
        for tag in ["Rust", "C++", "日本", "--", "", "a b"] {
            let slug = tag_slug(tag);
            assert!(is_valid_slug(&slug), "{tag:?} -> {slug:?}");
        }
        assert_eq!(tag_slug("C++"), "c");
        assert_eq!(tag_slug("Ünïcode"), "unicode");
        assert_eq!(tag_slug("Москва"), "moskva");
        assert_eq!(tag_slug("Ελλάδα"), "ellada");
        assert_eq!(tag_slug("+"), "x2b");
    }
}
