//! Bytes to normalised edition text: encoding detection and decoding, line
//! endings, tabs and control characters.
//!
//! The output of [`decode`] is what [`super::parse`] reads: valid UTF-8 with
//! `\n` line ends, where a form feed (`\f`) still marks a page break.

/// The result of [`decode`].
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The normalised text.
    pub text: String,
    /// The WHATWG name of the encoding used (`"UTF-8"`, `"GBK"`, …).
    pub encoding: &'static str,
    /// Problems met, one short sentence each (e.g. invalid bytes replaced).
    pub warnings: Vec<String>,
}

/// Decodes `bytes` (in `forced` if given, else a detected encoding) and
/// normalises the text: CRLF and CR become LF, tabs expand to spaces, and
/// control characters other than `\n` and `\f` are removed.
///
/// Never fails: bytes that do not decode become U+FFFD, with a warning.
pub fn decode(bytes: &[u8], forced: Option<&'static encoding_rs::Encoding>) -> Decoded {
    let encoding = forced.unwrap_or(encoding_rs::UTF_8);
    let (text, used, had_errors) = encoding.decode(bytes);
    let mut warnings = Vec::new();
    if had_errors {
        warnings.push(format!(
            "the file is not valid {}: undecodable bytes were replaced",
            used.name()
        ));
    }
    Decoded {
        text: normalise(&text),
        encoding: used.name(),
        warnings,
    }
}

/// Normalises decoded text (see [`decode`]).
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\t' => out.push_str("    "),
            '\n' | '\u{c}' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}
