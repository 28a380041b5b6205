//! Folding letters outside ASCII to the ASCII letters a slug is made of, so that a post called
//! "Grüße aus Köln" lives at `grusse-aus-koln` and a tag "Привет" at `privet`.
//!
//! Covered: the accented and other letters of Latin-1 and Latin Extended-A (the Western, Northern,
//! Central European and Turkish alphabets), Romanian's comma-below ș and ț, the Russian,
//! Ukrainian and Belarusian Cyrillic alphabets (a common romanisation: ж `zh`, щ `shch`, я `ya`)
//! and modern Greek (as Greek passports write it, ELOT 743: θ `th`, χ `ch`, ψ `ps`, η `i`, with
//! ου `ou` and αυ, ευ `av`, `ev`, which is why [`fold_after`] looks at the letter before).
//! A letter keeps only its base (é `e`, ł `l`, ø `o`, ά `a`); ligatures and a few letters become
//! two (æ `ae`, œ `oe`, ß `ss`, þ `th`, ĳ `ij`). Anything else has no fold, and slugs treat it as
//! a separator. Only the build folds: the app is given every slug it shows.

/// The fold of each character from U+00C0 to U+017F: a lowercase base letter, `-` for the two
/// that are not letters (× and ÷), or a capital standing for two letters ([`two_letters`]).
const LATIN: &[u8; 192] = b"aaaaaaAceeeeiiiidnooooo-ouuuuyTSaaaaaaAceeeeiiiidnooooo-ouuuuyTy\
aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiJJjjkkklllllll\
lllnnnnnnnnnooooooOOrrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// The first character [`LATIN`] covers.
const LATIN_START: u32 = 0xC0;

/// The romanisation of а to я (U+0430 to U+044F; the capitals, U+0410 to U+042F, fold the
/// same). The hard and soft signs fold to nothing.
const CYRILLIC: [&str; 32] = [
    "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t",
    "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
];

/// The romanisation of α to ω (U+03B1 to U+03C9, final ς at U+03C2 included; the capitals,
/// U+0391 to U+03A9, fold the same).
const GREEK: [&str; 25] = [
    "a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o", "p", "r", "s", "s",
    "t", "y", "f", "ch", "ps", "o",
];

const LETTERS: &str = "abcdefghijklmnopqrstuvwxyz";

/// [`fold`], for `c` written right after `previous`: Greek υ makes one sound with the vowel
/// before it, `u` after ο and `v` after α and ε (a diaeresis, ϋ, keeps it a vowel of its own).
pub fn fold_after(previous: Option<char>, c: char) -> Option<&'static str> {
    if matches!(c, 'υ' | 'ύ' | 'Υ' | 'Ύ') {
        match previous {
            Some('ο' | 'ό' | 'Ο' | 'Ό') => return Some("u"),
            Some('α' | 'ά' | 'Α' | 'Ά' | 'ε' | 'έ' | 'Ε' | 'Έ') => return Some("v"),
            _ => {}
        }
    }
    fold(c)
}

/// The ASCII letters `c` folds to (possibly none, for a letter a romanisation drops), or `None`
/// when `c` is not a letter this module knows.
pub fn fold(c: char) -> Option<&'static str> {
    let code = u32::from(c);
    match code {
        0xC0..=0x17F => {
            let index = usize::try_from(code - LATIN_START).ok()?;
            latin(*LATIN.get(index)?)
        }
        0x218 | 0x219 => Some("s"),
        0x21A | 0x21B => Some("t"),
        0x410..=0x42F => cyrillic(code - 0x410),
        0x430..=0x44F => cyrillic(code - 0x430),
        0x401 | 0x451 => Some("e"),
        0x404 | 0x454 => Some("ye"),
        0x406 | 0x456 => Some("i"),
        0x407 | 0x457 => Some("yi"),
        0x40E | 0x45E => Some("u"),
        0x490 | 0x491 => Some("g"),
        // Not a letter: final sigma has no capital.
        0x3A2 => None,
        0x391..=0x3A9 => greek(code - 0x391),
        0x3B1..=0x3C9 => greek(code - 0x3B1),
        0x386 | 0x3AC => Some("a"),
        0x388 | 0x3AD => Some("e"),
        0x389 | 0x38A | 0x390 | 0x3AA | 0x3AE | 0x3AF | 0x3CA => Some("i"),
        0x38C | 0x38F | 0x3CC | 0x3CE => Some("o"),
        0x38E | 0x3AB | 0x3B0 | 0x3CB | 0x3CD => Some("y"),
        _ => None,
    }
}

fn latin(entry: u8) -> Option<&'static str> {
    match entry {
        b'a'..=b'z' => {
            let at = usize::from(entry - b'a');
            LETTERS.get(at..=at)
        }
        _ => two_letters(entry),
    }
}

/// The letters a capital in [`LATIN`] stands for; `None` for the separators.
fn two_letters(entry: u8) -> Option<&'static str> {
    match entry {
        b'A' => Some("ae"),
        b'O' => Some("oe"),
        b'S' => Some("ss"),
        b'T' => Some("th"),
        b'J' => Some("ij"),
        _ => None,
    }
}

fn greek(offset: u32) -> Option<&'static str> {
    GREEK.get(usize::try_from(offset).ok()?).copied()
}

fn cyrillic(offset: u32) -> Option<&'static str> {
    CYRILLIC.get(usize::try_from(offset).ok()?).copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    fn latin_range() -> impl Iterator<Item = char> {
        (LATIN_START..=0x17F).filter_map(char::from_u32)
    }

    #[test]
    fn an_accented_latin_letter_folds_to_its_base_letter() {
        // Unicode's canonical decomposition splits each of these into an ASCII letter and
        // accents: the fold must be that letter, in lower case.
        let mut checked = 0;
        for c in latin_range() {
            let base = c.nfd().next().filter(char::is_ascii_alphabetic);
            if let Some(base) = base {
                let expected = base.to_ascii_lowercase().to_string();
                assert_eq!(fold(c), Some(expected.as_str()), "{c} (U+{:04X})", c as u32);
                checked += 1;
            }
        }
        assert!(checked > 150, "only {checked} letters decompose");
    }

    #[test]
    fn letters_without_a_decomposition_fold_as_their_languages_write_them_in_ascii() {
        let folds: Vec<(char, Option<&str>)> = "ÆæØøÐðÞþßŁłĐđĦħıĲĳŒœŊŋſ×÷"
            .chars()
            .map(|c| (c, fold(c)))
            .collect();
        let expected = [
            ('Æ', Some("ae")),
            ('æ', Some("ae")),
            ('Ø', Some("o")),
            ('ø', Some("o")),
            ('Ð', Some("d")),
            ('ð', Some("d")),
            ('Þ', Some("th")),
            ('þ', Some("th")),
            ('ß', Some("ss")),
            ('Ł', Some("l")),
            ('ł', Some("l")),
            ('Đ', Some("d")),
            ('đ', Some("d")),
            ('Ħ', Some("h")),
            ('ħ', Some("h")),
            ('ı', Some("i")),
            ('Ĳ', Some("ij")),
            ('ĳ', Some("ij")),
            ('Œ', Some("oe")),
            ('œ', Some("oe")),
            ('Ŋ', Some("n")),
            ('ŋ', Some("n")),
            ('ſ', Some("s")),
            ('×', None),
            ('÷', None),
        ];
        assert_eq!(folds, expected);
    }

    #[test]
    fn an_accented_greek_letter_folds_like_its_base_letter() {
        let mut checked = 0;
        for c in (0x370..=0x3FF).filter_map(char::from_u32) {
            let mut parts = c.nfd();
            let base = parts.next().filter(|&base| base != c);
            if let (Some(base), Some(_accent)) = (base, parts.next()) {
                assert_eq!(fold(c), fold(base), "{c} (U+{:04X}) and {base}", c as u32);
                checked += 1;
            }
        }
        assert!(checked >= 18, "only {checked} letters decompose");
    }

    #[test]
    fn capitals_fold_like_their_small_letters() {
        let cyrillic = (0x400..=0x4FF).filter_map(char::from_u32);
        let greek = (0x370..=0x3FF).filter_map(char::from_u32);
        for c in latin_range().chain(cyrillic).chain(greek) {
            let mut lower = c.to_lowercase();
            if let (Some(small), None) = (lower.next(), lower.next()) {
                if fold(c).is_some() {
                    assert_eq!(fold(c), fold(small), "{c} and {small}");
                }
            }
        }
    }

    #[test]
    fn cyrillic_words_are_romanised() {
        let romanise = |word: &str| -> String { word.chars().filter_map(fold).collect() };
        assert_eq!(romanise("Привет"), "privet");
        assert_eq!(romanise("Щука"), "shchuka");
        assert_eq!(romanise("объявление"), "obyavlenie");
        assert_eq!(romanise("Київ"), "kiyiv");
        assert_eq!(romanise("Ёжик"), "ezhik");
        assert_eq!(romanise("Ґанок"), "ganok");
        assert_eq!(romanise("Беларусь"), "belarus");
    }

    #[test]
    fn greek_words_are_romanised_as_passports_write_them() {
        let romanise = |word: &str| -> String {
            let mut previous = None;
            let mut out = String::new();
            for c in word.chars() {
                out.extend(fold_after(previous, c));
                previous = Some(c);
            }
            out
        };
        assert_eq!(romanise("Αθήνα"), "athina");
        assert_eq!(romanise("Θεσσαλονίκη"), "thessaloniki");
        assert_eq!(romanise("Ελληνικά"), "ellinika");
        assert_eq!(romanise("Ουρανός"), "ouranos");
        assert_eq!(romanise("ΟΥΡΑΝΟΣ"), "ouranos");
        assert_eq!(romanise("Ευρώπη"), "evropi");
        assert_eq!(romanise("αυτό"), "avto");
        assert_eq!(romanise("Ψυχή"), "psychi");
        assert_eq!(romanise("Χαΐρι"), "chairi");
        assert_eq!(romanise("προϋπόθεση"), "proypothesi");
    }

    #[test]
    fn every_fold_is_lowercase_ascii_letters() {
        for code in 0..0x2000 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            if let Some(letters) = fold(c) {
                assert!(
                    letters.bytes().all(|b| b.is_ascii_lowercase()),
                    "{c}: {letters:?}"
                );
            }
        }
    }

    #[test]
    fn other_scripts_and_symbols_have_no_fold() {
        for c in ['日', 'ש', 'ა', '\u{3A2}', '€', '—', ' ', 'a', '1', 'ǅ'] {
            assert_eq!(fold(c), None, "{c}");
        }
    }
}
