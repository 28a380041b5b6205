//! Prints how long highlighting 10,000 typical code blocks takes (one per post in a big site).
//! Run with `cargo run --release --example highlight_bench`.

#[cfg(not(target_arch = "wasm32"))]
use progman::site::highlight::code_block;
#[cfg(not(target_arch = "wasm32"))]
use std::time::Instant;

#[cfg(not(target_arch = "wasm32"))]
const BLOCKS: [(&str, &str); 4] = [
    (
        "rust",
        "/// Adds two numbers.\n#[inline]\npub fn add(a: u32, b: u32) -> u32 {\n    let sum = a + b; // no overflow check\n    println!(\"{a} + {b} = {sum}\");\n    sum\n}\n",
    ),
    (
        "python",
        "def greet(name: str) -> None:\n    \"\"\"Say hello.\"\"\"\n    if name:\n        print(f\"Hello, {name}!\")  # greet\n    return None\n",
    ),
    (
        "js",
        "export async function load(url) {\n  const response = await fetch(url);\n  if (!response.ok) throw new Error(`HTTP ${response.status}`);\n  return response.json(); // parsed\n}\n",
    ),
    (
        "toml",
        "[package]\nname = \"progman\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nserde = { version = \"1\", features = [\"derive\"] }\n",
    ),
];

/// The content pipeline is native only; a wasm32 build (for clippy) gets an empty `main`.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let started = Instant::now();
    let mut bytes = 0;
    for index in 0..10_000 {
        let (lang, code) = BLOCKS[index % BLOCKS.len()];
        bytes += std::hint::black_box(code_block(lang, code)).len();
    }
    let elapsed = started.elapsed();
    println!(
        "highlighted 10,000 blocks ({} KB of HTML) in {:.1} ms on one thread ({:.1} µs per block)",
        bytes / 1024,
        elapsed.as_secs_f64() * 1e3,
        elapsed.as_secs_f64() * 1e6 / 10_000.0
    );
}
