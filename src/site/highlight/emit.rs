//! The writer both scanners use: plain text and `<span class="tok-…">` tokens, HTML-escaped.

use crate::site::escape::push_escaped;

/// What a token is; each has its own CSS class (see `style/controls/code.css`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Token {
    Keyword,
    String,
    Comment,
    Number,
    /// `true`, `null`, `None`, HTML entities.
    Literal,
    Type,
    /// A called function or macro.
    Function,
    /// An object, table or mapping key; a CSS property.
    Key,
    /// A shell variable.
    Variable,
    /// An HTML tag name.
    Tag,
    /// An HTML attribute name.
    Attribute,
    /// Preprocessor lines, decorators, attributes like `#[derive]`.
    Meta,
}

impl Token {
    fn class(self) -> &'static str {
        match self {
            Token::Keyword => "tok-kw",
            Token::String => "tok-str",
            Token::Comment => "tok-com",
            Token::Number => "tok-num",
            Token::Literal => "tok-lit",
            Token::Type => "tok-ty",
            Token::Function => "tok-fn",
            Token::Key => "tok-key",
            Token::Variable => "tok-var",
            Token::Tag => "tok-tag",
            Token::Attribute => "tok-attr",
            Token::Meta => "tok-meta",
        }
    }
}

/// Appends escaped text and tokens to a string.
pub struct Emitter<'a> {
    out: &'a mut String,
}

impl<'a> Emitter<'a> {
    pub fn new(out: &'a mut String) -> Self {
        Emitter { out }
    }

    /// Text outside any token.
    pub fn plain(&mut self, text: &str) {
        push_escaped(self.out, text);
    }

    /// One token; empty text writes nothing.
    pub fn token(&mut self, token: Token, text: &str) {
        if text.is_empty() {
            return;
        }
        self.out.push_str("<span class=\"");
        self.out.push_str(token.class());
        self.out.push_str("\">");
        push_escaped(self.out, text);
        self.out.push_str("</span>");
    }
}
