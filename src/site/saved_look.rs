//! The inline script every page runs first: it puts the saved colour scheme and desktop pattern
//! on `<html>` (`data-scheme`, `data-pattern`) before the first paint, so a return visit never
//! flashes the default colours while the app loads.
//!
//! It reads the saved desktop (see [`crate::model::persist`]) as defensively as the app does:
//! storage that is blocked, a missing or corrupt entry, another version or an unknown name all
//! leave the page as it is. It accepts only the names the style sheets know
//! ([`crate::model::appearance`]), so the attribute values are always ones the CSS expects. The
//! page's Content-Security-Policy allows it by its hash ([`super::csp`]).

use crate::model::appearance::{Choice, DEFAULT_PATTERN, DEFAULT_SCHEME, PATTERNS, SCHEMES};
use crate::model::persist::SAVED_VERSION;

/// The localStorage key the app saves the desktop under (`app::storage::KEY`).
pub const STORAGE_KEY: &str = "progman.desktop";

/// The `<script>` element, with a trailing newline (written once: every page carries it).
pub fn script_element() -> &'static str {
    static ELEMENT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    ELEMENT.get_or_init(|| format!("<script>{}</script>\n", script()))
}

/// The script's text (what the Content-Security-Policy hashes).
pub fn script() -> String {
    format!(
        concat!(
            "try{{var s=JSON.parse(localStorage.getItem(\"{key}\")),h=document.documentElement,",
            "p=function(a,v,l){{if(typeof v==\"string\"&&l.indexOf(v=v.trim().toLowerCase())>=0)h.setAttribute(a,v)}};",
            "if(s&&s.version==={version}){{p(\"data-scheme\",s.scheme,{schemes});p(\"data-pattern\",s.pattern,{patterns})}}",
            "}}catch(e){{}}"
        ),
        key = STORAGE_KEY,
        version = SAVED_VERSION,
        schemes = names(&SCHEMES, DEFAULT_SCHEME),
        patterns = names(&PATTERNS, DEFAULT_PATTERN),
    )
}

/// A JavaScript array of the names in `list` other than the default (which has no attribute).
fn names(list: &[Choice], default: usize) -> String {
    let quoted: Vec<String> = list
        .iter()
        .enumerate()
        .filter(|(index, _)| *index != default)
        .map(|(_, choice)| format!("\"{}\"", choice.name))
        .collect();
    format!("[{}]", quoted.join(","))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_every_scheme_and_pattern_but_the_defaults() {
        let script = script();
        for (list, default) in [
            (&SCHEMES[..], DEFAULT_SCHEME),
            (&PATTERNS[..], DEFAULT_PATTERN),
        ] {
            for (index, choice) in list.iter().enumerate() {
                let quoted = format!("\"{}\"", choice.name);
                assert_eq!(
                    script.contains(&quoted),
                    index != default,
                    "{}",
                    choice.name
                );
            }
        }
        assert!(script.contains("s.version===1"), "{script}");
        assert!(script.starts_with("try{") && script.ends_with("}catch(e){}"));
    }

    #[test]
    fn names_are_safe_inside_a_script_element() {
        // Names are plain lowercase words: nothing to escape in JavaScript or HTML.
        for choice in SCHEMES.iter().chain(&PATTERNS) {
            assert!(
                choice
                    .name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{}",
                choice.name
            );
        }
    }
}
