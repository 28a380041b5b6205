//! One table per language: names in info strings, comments, string quotes, keywords and the
//! few quirks (Rust raw strings and lifetimes, shell variables, SQL's case-insensitive keywords).
//! Keyword lists are sorted so lookups can binary-search.

/// How a language is scanned.
#[derive(Clone, Copy, Debug)]
pub enum Syntax {
    Code(&'static Language),
    Markup,
}

/// Where a language keeps the keys of its mappings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keys {
    None,
    /// `key:` (YAML, CSS properties) and `"key":` (JSON).
    BeforeColon,
    /// `key =` (TOML).
    BeforeEquals,
}

/// The table the generic lexer reads.
#[derive(Debug)]
pub struct Language {
    pub line_comments: &'static [&'static str],
    pub block_comment: Option<(&'static str, &'static str)>,
    /// A line comment must start a word (shell and YAML `#`, not `a#b`).
    pub comment_at_word_start: bool,
    pub quotes: &'static [u8],
    /// `"""…"""` and `'''…'''`.
    pub triple_quotes: bool,
    /// Sorted; lowercase when `keywords_ignore_case`.
    pub keywords: &'static [&'static str],
    pub keywords_ignore_case: bool,
    /// Sorted.
    pub literals: &'static [&'static str],
    /// Sorted built-in type names.
    pub types: &'static [&'static str],
    /// Identifiers starting with an uppercase letter are types.
    pub capitalized_types: bool,
    /// Extra bytes allowed inside identifiers (`-` in CSS and YAML keys).
    pub ident_extra: &'static [u8],
    pub keys: Keys,
    /// Rust: `r#"…"#`, `'c'` versus `'lifetime`, `name!` macros, `#[attr]`.
    pub rust: bool,
    /// Shell: `$VAR`, `${VAR}`, `$1`.
    pub dollar_variables: bool,
    /// C: `#include` and friends; CSS: `@media`; Python: `@decorator`.
    pub meta_prefix: Option<u8>,
    /// TOML: `[table]` lines.
    pub table_headers: bool,
}

const BASE: Language = Language {
    line_comments: &[],
    block_comment: None,
    comment_at_word_start: false,
    quotes: b"\"'",
    triple_quotes: false,
    keywords: &[],
    keywords_ignore_case: false,
    literals: &[],
    types: &[],
    capitalized_types: false,
    ident_extra: &[],
    keys: Keys::None,
    rust: false,
    dollar_variables: false,
    meta_prefix: None,
    table_headers: false,
};

pub const RUST: Language = Language {
    line_comments: &["//"],
    block_comment: Some(("/*", "*/")),
    quotes: b"\"",
    keywords: &[
        "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum",
        "extern", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
        "pub", "ref", "return", "self", "static", "struct", "super", "trait", "type", "unsafe",
        "use", "where", "while",
    ],
    literals: &["false", "true"],
    types: &[
        "bool", "char", "f32", "f64", "i128", "i16", "i32", "i64", "i8", "isize", "str", "u128",
        "u16", "u32", "u64", "u8", "usize",
    ],
    capitalized_types: true,
    rust: true,
    ..BASE
};

pub const PYTHON: Language = Language {
    line_comments: &["#"],
    triple_quotes: true,
    keywords: &[
        "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
        "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with",
        "yield",
    ],
    literals: &["False", "None", "True"],
    types: &[
        "bool", "bytes", "dict", "float", "int", "list", "set", "str", "tuple",
    ],
    capitalized_types: true,
    meta_prefix: Some(b'@'),
    ..BASE
};

const JS_KEYWORDS: &[&str] = &[
    "async",
    "await",
    "break",
    "case",
    "catch",
    "class",
    "const",
    "continue",
    "debugger",
    "default",
    "delete",
    "do",
    "else",
    "export",
    "extends",
    "finally",
    "for",
    "from",
    "function",
    "if",
    "import",
    "in",
    "instanceof",
    "let",
    "new",
    "of",
    "return",
    "static",
    "super",
    "switch",
    "this",
    "throw",
    "try",
    "typeof",
    "var",
    "void",
    "while",
    "with",
    "yield",
];

pub const JAVASCRIPT: Language = Language {
    line_comments: &["//"],
    block_comment: Some(("/*", "*/")),
    quotes: b"\"'`",
    keywords: JS_KEYWORDS,
    literals: &["NaN", "false", "null", "true", "undefined"],
    capitalized_types: true,
    ..BASE
};

pub const TYPESCRIPT: Language = Language {
    keywords: &[
        "abstract",
        "as",
        "async",
        "await",
        "break",
        "case",
        "catch",
        "class",
        "const",
        "continue",
        "declare",
        "default",
        "delete",
        "do",
        "else",
        "enum",
        "export",
        "extends",
        "finally",
        "for",
        "from",
        "function",
        "if",
        "implements",
        "import",
        "in",
        "instanceof",
        "interface",
        "keyof",
        "let",
        "namespace",
        "new",
        "of",
        "private",
        "protected",
        "public",
        "readonly",
        "return",
        "static",
        "super",
        "switch",
        "this",
        "throw",
        "try",
        "type",
        "typeof",
        "var",
        "void",
        "while",
        "yield",
    ],
    types: &[
        "any", "bigint", "boolean", "never", "number", "object", "string", "symbol", "unknown",
    ],
    ..JAVASCRIPT
};

pub const SHELL: Language = Language {
    line_comments: &["#"],
    comment_at_word_start: true,
    keywords: &[
        "case", "do", "done", "elif", "else", "esac", "export", "fi", "for", "function", "if",
        "in", "local", "readonly", "return", "select", "then", "until", "while",
    ],
    literals: &["false", "true"],
    ident_extra: b"-",
    dollar_variables: true,
    ..BASE
};

pub const TOML: Language = Language {
    line_comments: &["#"],
    triple_quotes: true,
    literals: &["false", "inf", "nan", "true"],
    ident_extra: b"-",
    keys: Keys::BeforeEquals,
    table_headers: true,
    ..BASE
};

pub const YAML: Language = Language {
    line_comments: &["#"],
    comment_at_word_start: true,
    literals: &[
        "False", "NULL", "Null", "TRUE", "True", "false", "no", "null", "true", "yes",
    ],
    ident_extra: b"-.",
    keys: Keys::BeforeColon,
    ..BASE
};

pub const JSON: Language = Language {
    quotes: b"\"",
    literals: &["false", "null", "true"],
    keys: Keys::BeforeColon,
    ..BASE
};

pub const CSS: Language = Language {
    block_comment: Some(("/*", "*/")),
    literals: &["!important", "auto", "inherit", "initial", "none", "unset"],
    ident_extra: b"-",
    keys: Keys::BeforeColon,
    meta_prefix: Some(b'@'),
    ..BASE
};

pub const SQL: Language = Language {
    line_comments: &["--"],
    block_comment: Some(("/*", "*/")),
    keywords: &[
        "add",
        "all",
        "alter",
        "and",
        "as",
        "asc",
        "begin",
        "between",
        "by",
        "case",
        "check",
        "column",
        "commit",
        "constraint",
        "create",
        "cross",
        "default",
        "delete",
        "desc",
        "distinct",
        "drop",
        "else",
        "end",
        "exists",
        "foreign",
        "from",
        "full",
        "group",
        "having",
        "if",
        "in",
        "index",
        "inner",
        "insert",
        "into",
        "is",
        "join",
        "key",
        "left",
        "like",
        "limit",
        "not",
        "offset",
        "on",
        "or",
        "order",
        "outer",
        "primary",
        "references",
        "right",
        "rollback",
        "select",
        "set",
        "table",
        "then",
        "transaction",
        "union",
        "unique",
        "update",
        "values",
        "view",
        "when",
        "where",
        "with",
    ],
    keywords_ignore_case: true,
    literals: &["FALSE", "NULL", "TRUE", "false", "null", "true"],
    types: &[
        "bigint",
        "blob",
        "boolean",
        "char",
        "date",
        "float",
        "int",
        "integer",
        "real",
        "text",
        "timestamp",
        "varchar",
    ],
    ..BASE
};

pub const GO: Language = Language {
    line_comments: &["//"],
    block_comment: Some(("/*", "*/")),
    quotes: b"\"'`",
    keywords: &[
        "break",
        "case",
        "chan",
        "const",
        "continue",
        "default",
        "defer",
        "else",
        "fallthrough",
        "for",
        "func",
        "go",
        "goto",
        "if",
        "import",
        "interface",
        "map",
        "package",
        "range",
        "return",
        "select",
        "struct",
        "switch",
        "type",
        "var",
    ],
    literals: &["false", "iota", "nil", "true"],
    types: &[
        "any",
        "bool",
        "byte",
        "complex128",
        "complex64",
        "error",
        "float32",
        "float64",
        "int",
        "int16",
        "int32",
        "int64",
        "int8",
        "rune",
        "string",
        "uint",
        "uint16",
        "uint32",
        "uint64",
        "uint8",
        "uintptr",
    ],
    ..BASE
};

pub const C: Language = Language {
    line_comments: &["//"],
    block_comment: Some(("/*", "*/")),
    keywords: &[
        "break", "case", "const", "continue", "default", "do", "else", "enum", "extern", "for",
        "goto", "if", "inline", "register", "restrict", "return", "sizeof", "static", "struct",
        "switch", "typedef", "union", "volatile", "while",
    ],
    literals: &["NULL", "false", "true"],
    types: &[
        "bool", "char", "double", "float", "int", "int32_t", "int64_t", "long", "short", "signed",
        "size_t", "uint32_t", "uint64_t", "uint8_t", "unsigned", "void",
    ],
    meta_prefix: Some(b'#'),
    ..BASE
};

/// The syntax for an info-string word, by its usual names; `None` for unknown languages.
pub fn find(name: &str) -> Option<Syntax> {
    let mut lower = [0u8; 16];
    let bytes = name.as_bytes();
    if bytes.len() > lower.len() {
        return None;
    }
    for (to, from) in lower.iter_mut().zip(bytes) {
        *to = from.to_ascii_lowercase();
    }
    let code = |language| Some(Syntax::Code(language));
    match &lower[..bytes.len()] {
        b"rust" | b"rs" => code(&RUST),
        b"python" | b"py" | b"python3" => code(&PYTHON),
        b"javascript" | b"js" | b"jsx" | b"mjs" | b"cjs" => code(&JAVASCRIPT),
        b"typescript" | b"ts" | b"tsx" => code(&TYPESCRIPT),
        b"sh" | b"bash" | b"shell" | b"zsh" | b"console" | b"shell-session" => code(&SHELL),
        b"toml" => code(&TOML),
        b"yaml" | b"yml" => code(&YAML),
        b"json" | b"jsonc" => code(&JSON),
        b"css" => code(&CSS),
        b"sql" => code(&SQL),
        b"go" | b"golang" => code(&GO),
        b"c" | b"h" => code(&C),
        b"html" | b"xml" | b"svg" | b"xhtml" => Some(Syntax::Markup),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every language's table.
    const ALL: [&Language; 12] = [
        &RUST,
        &PYTHON,
        &JAVASCRIPT,
        &TYPESCRIPT,
        &SHELL,
        &TOML,
        &YAML,
        &JSON,
        &CSS,
        &SQL,
        &GO,
        &C,
    ];

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        for language in ALL {
            for list in [language.keywords, language.literals, language.types] {
                assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
            }
        }
    }

    /// The lexer skips whitespace without asking the table (see `lexer::lex`).
    #[test]
    fn no_token_starts_with_whitespace() {
        for language in ALL {
            let mut starts: Vec<u8> = language
                .line_comments
                .iter()
                .chain(language.block_comment.iter().map(|(open, _)| open))
                .filter_map(|delimiter| delimiter.bytes().next())
                .collect();
            starts.extend(language.quotes);
            starts.extend(language.meta_prefix);
            assert!(!starts.iter().any(u8::is_ascii_whitespace), "{starts:?}");
        }
    }

    #[test]
    fn names_are_found_case_insensitively() {
        assert!(matches!(find("Rust"), Some(Syntax::Code(_))));
        assert!(matches!(find("HTML"), Some(Syntax::Markup)));
        assert!(find("cobol").is_none());
        assert!(find("a-very-long-language-name").is_none());
    }
}
