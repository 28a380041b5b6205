//! Reading `posts.json` in the app: the index is pulled straight from the text with the JSON
//! [`Reader`], field by field into [`PostsIndex`], with no JSON tree in between (at 10,000
//! posts the tree cost the app as long again to build, convert and free as the reading itself).
//!
//! The rules are serde's, as the build writes the index: unknown fields are skipped, `author`,
//! `generator` and `tags` may be left out, everything else must be there with its type. Fields
//! may come in any order; a post's tag numbers are checked against the tag list once the whole
//! index is read.

use super::{IndexError, PostMeta, PostsIndex, TagMeta};
use crate::model::json::{whole_u32, Kind, Reader};

impl PostsIndex {
    /// Reads an index from its JSON text. The error names the field that is missing or of the
    /// wrong kind, or the byte where the text stops being JSON.
    pub fn read(json: &str) -> Result<Self, IndexError> {
        let mut reader = Reader::new(json);
        if reader.kind()? != Kind::Object {
            return Err(IndexError::Field("posts", "a list"));
        }
        let (mut version, mut site_title, mut posts) = (None, None, None);
        let (mut author, mut generator, mut tags) = (String::new(), String::new(), Vec::new());
        reader.object(|reader, key| {
            match key {
                "version" => version = Some(number(reader, "version")?),
                "site_title" => site_title = Some(text(reader, "site_title")?),
                "author" => author = text(reader, "author")?,
                "generator" => generator = text(reader, "generator")?,
                "tags" => tags = list(reader, "tags", TagMeta::read)?,
                "posts" => posts = Some(list(reader, "posts", PostMeta::read)?),
                _ => reader.skip()?,
            }
            Ok::<_, IndexError>(())
        })?;
        reader.finish()?;
        let posts: Vec<PostMeta> = posts.ok_or(IndexError::Field("posts", "a list"))?;
        let known = |post: &PostMeta| post.tags.iter().all(|&n| (n as usize) < tags.len());
        if !posts.iter().all(known) {
            return Err(IndexError::Field("tags", TAG_NUMBERS));
        }
        Ok(Self {
            version: version.ok_or(IndexError::Field("version", WHOLE_NUMBER))?,
            site_title: site_title.ok_or(IndexError::Field("site_title", "text"))?,
            author,
            generator,
            tags,
            posts,
        })
    }
}

const WHOLE_NUMBER: &str = "a whole number";
const TAG_NUMBERS: &str = "a list of numbers of the index's tags";

impl PostMeta {
    fn read(reader: &mut Reader<'_>) -> Result<Self, IndexError> {
        let (mut slug, mut title, mut tags) = (None, None, Vec::new());
        object(reader, "posts", |reader, key| {
            match key {
                "slug" => slug = Some(text(reader, "slug")?),
                "title" => title = Some(text(reader, "title")?),
                "tags" => {
                    tags = list(reader, "tags", |reader| {
                        number(reader, "tags").map_err(|_| IndexError::Field("tags", TAG_NUMBERS))
                    })?
                }
                _ => reader.skip()?,
            }
            Ok(())
        })?;
        Ok(Self {
            slug: slug.ok_or(IndexError::Field("slug", "text"))?,
            title: title.ok_or(IndexError::Field("title", "text"))?,
            tags,
        })
    }
}

impl TagMeta {
    fn read(reader: &mut Reader<'_>) -> Result<Self, IndexError> {
        let (mut slug, mut name) = (None, None);
        object(reader, "tags", |reader, key| {
            match key {
                "slug" => slug = Some(text(reader, "slug")?),
                "name" => name = Some(text(reader, "name")?),
                _ => reader.skip()?,
            }
            Ok(())
        })?;
        Ok(Self {
            slug: slug.ok_or(IndexError::Field("slug", "text"))?,
            name: name.ok_or(IndexError::Field("name", "text"))?,
        })
    }
}

/// The members of an object that is an item of the list `field`.
fn object(
    reader: &mut Reader<'_>,
    field: &'static str,
    member: impl FnMut(&mut Reader<'_>, &str) -> Result<(), IndexError>,
) -> Result<(), IndexError> {
    if reader.kind()? != Kind::Object {
        return Err(IndexError::Field(field, "a list of objects"));
    }
    reader.object(member)
}

/// The items of the list `field`, each read by `item`.
fn list<T>(
    reader: &mut Reader<'_>,
    field: &'static str,
    mut item: impl FnMut(&mut Reader<'_>) -> Result<T, IndexError>,
) -> Result<Vec<T>, IndexError> {
    if reader.kind()? != Kind::Array {
        return Err(IndexError::Field(field, "a list"));
    }
    let mut items = Vec::new();
    reader.array(|reader| {
        items.push(item(reader)?);
        Ok::<_, IndexError>(())
    })?;
    Ok(items)
}

fn text(reader: &mut Reader<'_>, field: &'static str) -> Result<String, IndexError> {
    if reader.kind()? != Kind::String {
        return Err(IndexError::Field(field, "text"));
    }
    Ok(reader.string()?.into_owned())
}

fn number(reader: &mut Reader<'_>, field: &'static str) -> Result<u32, IndexError> {
    if reader.kind()? != Kind::Number {
        return Err(IndexError::Field(field, WHOLE_NUMBER));
    }
    whole_u32(reader.number()?).ok_or(IndexError::Field(field, WHOLE_NUMBER))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::{json, Map, Value};

    #[test]
    fn fields_read_in_any_order_and_unknown_ones_are_skipped() {
        let json = r#"{"posts":[{"tags":[0],"extra":{"a":[1,{"b":null}]},"title":"T","slug":"s"}],
            "tags":[{"name":"Rust","slug":"rust","count":3}],"site_title":"Blog","version":3,"x":true}"#;
        let index = PostsIndex::read(json).ok();
        assert_eq!(index, serde_json::from_str::<PostsIndex>(json).ok());
        assert_eq!(
            index.map(|index| index.tags[0].name.clone()),
            Some("Rust".to_owned())
        );
    }

    #[test]
    fn text_that_is_not_json_names_the_byte() {
        let error = PostsIndex::read(r#"{"version":3,"site_title":"A","posts":[}"#);
        assert_eq!(
            error.map_err(|error| error.to_string()),
            Err("unexpected character at byte 39".to_owned())
        );
        let error = PostsIndex::read(r#"{"version":3,"site_title":"A","posts":[]} x"#);
        assert!(matches!(error, Err(IndexError::Syntax(_))), "{error:?}");
    }

    #[test]
    fn escaped_titles_read_as_their_characters() {
        let json = r#"{"version":3,"site_title":"A \"B\"","posts":[{"slug":"s","title":"\u00c9t\u00e9 \ud83d\ude00"}]}"#;
        let index = PostsIndex::read(json);
        assert_eq!(
            index.map(|index| (index.site_title, index.posts[0].title.clone())),
            Ok(("A \"B\"".to_owned(), "Été 😀".to_owned()))
        );
    }

    /// Any index the build could write, as a serde value: posts' tag numbers within its tags.
    fn any_index() -> impl Strategy<Value = PostsIndex> {
        let tags = prop::collection::vec(("\\PC{0,8}", "\\PC{0,8}"), 0..4);
        (tags, "\\PC{0,12}", "\\PC{0,6}").prop_flat_map(|(tags, site_title, author)| {
            let count = tags.len() as u32;
            let numbers = if count == 0 {
                Just(Vec::new()).boxed()
            } else {
                prop::collection::vec(0..count, 0..3).boxed()
            };
            let post = ("\\PC{0,8}", "\\PC{0,12}", numbers);
            prop::collection::vec(post, 0..5).prop_map(move |posts| PostsIndex {
                version: 3,
                site_title: site_title.clone(),
                author: author.clone(),
                generator: "Progman".into(),
                tags: tags
                    .iter()
                    .map(|(slug, name)| TagMeta {
                        slug: slug.clone(),
                        name: name.clone(),
                    })
                    .collect(),
                posts: posts
                    .into_iter()
                    .map(|(slug, title, tags)| PostMeta { slug, title, tags })
                    .collect(),
            })
        })
    }

    /// `value` with its objects' members in reverse order and an unknown member added to each.
    fn reordered_with_extras(value: Value, extra: &Value) -> Value {
        match value {
            Value::Object(members) => {
                let mut out = Map::new();
                out.insert("zz_unknown".into(), extra.clone());
                for (key, member) in members.into_iter().rev() {
                    out.insert(key, reordered_with_extras(member, extra));
                }
                Value::Object(out)
            }
            Value::Array(items) => Value::Array(
                items
                    .into_iter()
                    .map(|item| reordered_with_extras(item, extra))
                    .collect(),
            ),
            other => other,
        }
    }

    proptest! {
        #[test]
        fn reads_what_the_build_writes(index in any_index(), pretty in any::<bool>()) {
            let json = if pretty {
                serde_json::to_string_pretty(&index)
            } else {
                serde_json::to_string(&index)
            }
            .unwrap_or_default();
            prop_assert_eq!(PostsIndex::read(&json), Ok(index));
        }

        #[test]
        fn reads_fields_in_any_order_past_unknown_ones(index in any_index(), extra in 0..3usize) {
            let extra = [json!(null), json!([1, "two", {"three": 3.5}]), json!({"slug": 1})][extra].clone();
            let value = serde_json::to_value(&index).unwrap_or_default();
            let json = reordered_with_extras(value, &extra).to_string();
            prop_assert_eq!(PostsIndex::read(&json), Ok(index));
        }

        #[test]
        fn a_cut_index_is_an_error_not_a_panic(index in any_index(), cut in any::<prop::sample::Index>()) {
            let json = serde_json::to_string(&index).unwrap_or_default();
            let end = cut.index(json.len());
            if let Some(prefix) = json.get(..end) {
                prop_assert!(PostsIndex::read(prefix).is_err(), "{}", prefix);
            }
        }
    }
}
