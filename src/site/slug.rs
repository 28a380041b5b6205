//! Turning titles and file names into slugs: lowercase ASCII letters, digits and single hyphens
//! (the shape [`crate::model::route::is_valid_slug`] accepts).

/// Slugifying lives with the slug shape it produces, in the model: tags are slugified in the
/// app too.
pub use crate::model::route::slugify;

/// Splits a leading `YYYY-MM-DD-` off a file stem: `("2024-05-01", "hello")`. `None` when the
/// stem does not start with a date shape followed by a hyphen and more text.
pub fn split_date_prefix(stem: &str) -> Option<(&str, &str)> {
    let bytes = stem.as_bytes();
    let shaped = bytes.len() > 11
        && bytes[..10].iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
        && bytes[10] == b'-';
    shaped.then(|| (&stem[..10], &stem[11..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::route::is_valid_slug;
    use proptest::prelude::*;

    #[test]
    fn lowercases_and_joins_words_with_single_hyphens() {
        assert_eq!(slugify("Hello, World!"), "hello-world");
        assert_eq!(slugify("  Rust -- and   WASM  "), "rust-and-wasm");
        assert_eq!(slugify("my_post.v2"), "my-post-v2");
        assert_eq!(slugify("Don't panic"), "dont-panic");
    }

    #[test]
    fn accented_cyrillic_and_greek_letters_are_folded_to_ascii() {
        assert_eq!(slugify("Grüße aus Köln"), "grusse-aus-koln");
        assert_eq!(
            slugify("Crème brûlée à la carte"),
            "creme-brulee-a-la-carte"
        );
        assert_eq!(slugify("Łódź, Ærøskøbing"), "lodz-aeroskobing");
        assert_eq!(slugify("İstanbul'da şehir"), "istanbulda-sehir");
        assert_eq!(slugify("Țară și munți"), "tara-si-munti");
        assert_eq!(slugify("Съешь же ещё"), "sesh-zhe-eshche");
        assert_eq!(slugify("Καλημέρα, κόσμε!"), "kalimera-kosme");
        assert_eq!(slugify("Ταξίδι στην Ευρώπη"), "taxidi-stin-evropi");
        // υ after a space or a Latin o is a letter of its own.
        assert_eq!(slugify("Ο υπολογιστής"), "o-ypologistis");
        assert_eq!(slugify("oυ"), "oy");
    }

    #[test]
    fn other_non_ascii_text_separates_words_or_vanishes() {
        assert_eq!(slugify("Rust × WASM — 日本語 notes"), "rust-wasm-notes");
        assert_eq!(slugify("日本語"), "");
    }

    #[test]
    fn date_prefix_is_split_off_file_stems() {
        assert_eq!(
            split_date_prefix("2024-05-01-hello"),
            Some(("2024-05-01", "hello"))
        );
        assert_eq!(split_date_prefix("2024-05-01"), None);
        assert_eq!(split_date_prefix("2024-05-01-"), None);
        assert_eq!(split_date_prefix("hello-2024-05-01"), None);
        assert_eq!(split_date_prefix("20240501-hello"), None);
    }

    proptest! {
        #[test]
        fn slugify_gives_a_valid_slug_or_nothing(text in "\\PC{0,40}") {
            let slug = slugify(&text);
            prop_assert!(slug.is_empty() || is_valid_slug(&slug), "{slug:?}");
        }
    }
}
