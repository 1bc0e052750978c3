//! Loading a large edition in two steps: a provisional edition parsed from
//! the start of the text, shown at once, and the whole edition parsed
//! afterwards (on a worker thread, by the caller) and swapped in.
//!
//! This module only decides where the provisional text ends
//! ([`provisional_prefix`]) and assembles an [`Edition`] from decoded text
//! ([`parse_decoded`], which [`super::load`] uses too), so that the
//! worker's result is the same edition a synchronous load gives. It knows
//! nothing of threads or the terminal.
//!
//! Why a prefix is enough: the parser reads an edition page by page, and a
//! page's articles depend only on that page and the pages before it (an
//! article continued on a later page, `（下转第2版）`, grows when that page
//! is parsed). So for a paged edition the provisional articles are the
//! first articles of the whole edition. One enormous page has no such cut;
//! its prefix is only an approximation, shown until the whole edition is
//! parsed.

use super::{Edition, decode::Decoded, parse};

/// The most text, in bytes of UTF-8, the provisional edition is parsed
/// from: about 0.5 ms of parsing at the parser's ≈ 150 MB/s, as much of
/// typesetting an article that long, and several screens of any article.
/// (It was 256 KiB until issue 16: on one enormous page that cost the first
/// frame some 6 ms of parsing and typesetting, twice what `less` takes for
/// its whole first frame.)
pub const PROVISIONAL_MAX_BYTES: usize = 64 * 1024;

/// The start of `text` to parse for the provisional edition: everything
/// before the first form feed (`\f`, a page break: the first page), but at
/// most [`PROVISIONAL_MAX_BYTES`] bytes, cut just after the last line end
/// (`\n`) within that limit. With no line end there, it is cut at the last
/// char boundary within the limit, so a multi-byte (CJK) char is never
/// split. Text within the limit with no form feed is returned whole.
///
/// Never panics; the result is always a prefix of `text` ending on a char
/// boundary (empty when `text` starts with a form feed).
pub fn provisional_prefix(text: &str) -> &str {
    let bytes = text.as_bytes();
    let window = &bytes[..bytes.len().min(PROVISIONAL_MAX_BYTES)];
    if let Some(page_break) = window.iter().position(|&b| b == b'\x0c') {
        return &text[..page_break];
    }
    if bytes.len() <= PROVISIONAL_MAX_BYTES {
        return text;
    }
    // `\n` is one byte in UTF-8 and never part of another char, so the byte
    // after it is always a char boundary.
    if let Some(line_end) = window.iter().rposition(|&b| b == b'\n') {
        return &text[..=line_end];
    }
    let mut cut = PROVISIONAL_MAX_BYTES;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    &text[..cut]
}

/// Parses `text` (from `decoded`'s decoding: its encoding and warnings)
/// into the edition [`super::load`] gives for the same bytes: source and
/// encoding recorded, the decoder's warnings before the parser's. `text`
/// is `decoded.text` for the whole edition, or a prefix of it
/// ([`provisional_prefix`]) for the provisional one.
pub fn parse_decoded(
    text: &str,
    source: Option<&str>,
    encoding: &str,
    decode_warnings: &[String],
) -> Edition {
    let mut edition = parse::parse(text);
    edition.source = source.map(str::to_owned);
    edition.encoding = encoding.to_owned();
    let mut warnings = decode_warnings.to_vec();
    warnings.append(&mut edition.warnings);
    edition.warnings = warnings;
    edition
}

/// [`parse_decoded`] of the whole decoded text.
pub fn parse_whole(decoded: &Decoded, source: Option<&str>) -> Edition {
    parse_decoded(&decoded.text, source, decoded.encoding, &decoded.warnings)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn first_page_ends_at_the_first_form_feed() {
        let text = "第1版\n头条\n正文。\n\x0c第2版\n二版正文。\n\x0c第3版\n";
        assert_eq!(provisional_prefix(text), "第1版\n头条\n正文。\n");
    }

    #[test]
    fn form_feed_first_gives_an_empty_prefix() {
        assert_eq!(provisional_prefix("\x0c第1版\n正文。\n"), "");
    }

    #[test]
    fn short_text_without_a_page_break_is_taken_whole() {
        let text = "头条\n正文第一行\n正文第二行";
        assert_eq!(provisional_prefix(text), text);
    }

    #[test]
    fn long_page_is_cut_after_the_last_line_end_within_the_limit() {
        // Lines of 99 ASCII letters and a `\n`: 100 bytes each. The limit
        // falls inside line 656 (65 536 = 655 × 100 + 36), so the cut is
        // after the `\n` that ends line 655.
        let line = format!("{}\n", "a".repeat(99));
        let text = line.repeat(3000);
        let prefix = provisional_prefix(&text);
        assert_eq!(PROVISIONAL_MAX_BYTES, 65_536);
        assert_eq!(prefix.len(), 655 * 100);
        assert!(prefix.ends_with('\n'));
        assert!(text.starts_with(prefix));
    }

    #[test]
    fn form_feed_beyond_the_limit_does_not_stretch_the_prefix() {
        let mut text = format!("{}\n", "b".repeat(PROVISIONAL_MAX_BYTES));
        text.insert_str(0, "first line\n");
        text.push('\x0c');
        text.push_str("page two\n");
        // The only line end within the limit is the one after `first line`.
        assert_eq!(provisional_prefix(&text), "first line\n");
    }

    #[test]
    fn long_text_with_no_line_end_is_cut_at_the_limit() {
        let text = "x".repeat(PROVISIONAL_MAX_BYTES + 10);
        assert_eq!(provisional_prefix(&text).len(), PROVISIONAL_MAX_BYTES);
    }

    #[test]
    fn cjk_text_is_never_cut_inside_a_char() {
        // `中` is 3 bytes; 65 536 = 3 × 21 845 + 1, so the limit falls one
        // byte into char 21 846, and the cut goes back to the end of char
        // 21 845.
        let text = "中".repeat(PROVISIONAL_MAX_BYTES / 3 + 100);
        let prefix = provisional_prefix(&text);
        assert_eq!(prefix.len(), 21_845 * 3);
        assert!(prefix.chars().all(|c| c == '中'));
        // A one-byte lead shifts the boundary: 1 + 3 × 21 845 = 65 536.
        let shifted = format!("a{text}");
        assert_eq!(provisional_prefix(&shifted).len(), 1 + 21_845 * 3);
    }
}
