//! The Content-Security-Policy every page carries in a `<meta http-equiv>`: only the site's own
//! scripts, styles, images and fetches, plus WebAssembly. The inline module script Trunk puts in
//! the app's head (the loader) is allowed by its SHA-256 hash, computed from the exact text the
//! page contains. Style attributes (window placement) are allowed through `style-src-attr`.

use sha2::{Digest, Sha256};

/// The policy for pages whose head includes `app_head`.
pub fn policy(app_head: &str) -> String {
    let mut script_src = String::from("'self' 'wasm-unsafe-eval'");
    for script in inline_scripts(app_head) {
        script_src.push_str(" 'sha256-");
        script_src.push_str(&base64(&Sha256::digest(script.as_bytes())));
        script_src.push('\'');
    }
    format!(
        "default-src 'self'; script-src {script_src}; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
    )
}

/// The text of every executable `<script>` without `src` in `html`.
pub fn inline_scripts(html: &str) -> Vec<&str> {
    let lower = html.to_ascii_lowercase();
    let mut scripts = Vec::new();
    let mut from = 0;
    while let Some(found) = lower[from..].find("<script") {
        let open = from + found;
        let Some(tag_end) = lower[open..].find('>').map(|end| open + end) else {
            break;
        };
        let Some(close) = lower[tag_end..].find("</script").map(|end| tag_end + end) else {
            break;
        };
        let tag = &lower[open..tag_end];
        let data_block = tag.contains("application/ld+json") || tag.contains("application/json");
        if !tag.contains(" src=") && !data_block {
            scripts.push(&html[tag_end + 1..close]);
        }
        from = close;
    }
    scripts
}

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard_alphabet_and_padding() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn inline_module_scripts_are_allowed_by_hash() {
        let head = "<script type=\"module\">\nimport init from '/app.js';\n</script>\n<script src=\"/x.js\"></script><script type=\"application/ld+json\">{}</script>";
        assert_eq!(inline_scripts(head), ["\nimport init from '/app.js';\n"]);
        let policy = policy(head);
        // echo -n "\nimport init from '/app.js';\n" | openssl dgst -sha256 -binary | base64
        let digest = base64(&Sha256::digest(b"\nimport init from '/app.js';\n"));
        assert!(
            policy.contains(&format!(
                "script-src 'self' 'wasm-unsafe-eval' 'sha256-{digest}';"
            )),
            "{policy}"
        );
        assert!(
            policy.contains("style-src 'self'; style-src-attr 'unsafe-inline'"),
            "{policy}"
        );
        assert!(policy.starts_with("default-src 'self';"), "{policy}");
    }

    #[test]
    fn sha256_of_a_known_text() {
        assert_eq!(
            base64(&Sha256::digest(b"abc")),
            "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="
        );
    }
}
