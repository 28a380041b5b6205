//! The `progman` command line: build, serve, new, check.

fn main() {}
