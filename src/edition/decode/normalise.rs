//! Normalising decoded text: line endings, tabs, control characters and
//! stray byte order marks.
//!
//! Most editions need no change at all, so the work is a fast scan for the
//! few bytes that can start a change, copying the runs between them whole.
//! The scan has two speeds:
//! - U+FEFF and the C1 controls (U+0080–U+009F) are rare, so one `memchr`
//!   pass first asks whether the text holds any. If not (the usual case),
//!   only ASCII controls can change, and they are found eight bytes at a
//!   time (SWAR: "SIMD within a register").
//! - Otherwise a byte table also stops at the lead bytes 0xC2 and 0xEF and
//!   looks at what follows.
//!
//! Every byte a scan stops at is an ASCII control, DEL, or a UTF-8 lead
//! byte, so each stop is on a `char` boundary.

use std::borrow::Cow;

use unicode_width::UnicodeWidthStr;

/// Tab stops are every 8 display columns, as in `expand`, `less` and
/// terminals, so text set with tabs lines up as it does in `less`.
pub const TAB_STOP: usize = 8;

/// Normalises decoded text for the parser:
/// - CRLF and a lone CR become LF;
/// - a tab becomes spaces up to the next multiple of [`TAB_STOP`] display
///   columns, counted from the start of the line (a `\n` or `\f`) with
///   `unicode-width` (East Asian Wide and Fullwidth characters take two
///   columns, Ambiguous ones one);
/// - other control characters (Unicode general category Cc: U+0000–U+001F,
///   U+007F–U+009F) are removed, except `\n` and the form feed `\f`, which
///   marks a page break;
/// - U+FEFF (a byte order mark or zero-width no-break space left inside the
///   text) is removed.
///
/// Every other character is kept, in order. Linear in `text.len()`.
pub fn normalise(text: &str) -> String {
    normalise_cow(Cow::Borrowed(text))
}

/// True when [`normalise`] would change `text` (UTF-8 bytes): it holds a
/// control character other than `\n` and `\f`, a CR, a tab, or U+FEFF.
pub(super) fn needs_change(text: &[u8]) -> bool {
    Scanner::new(text).next_change(0).is_some()
}

/// [`normalise`], reusing `text`'s buffer when nothing changes.
pub(super) fn normalise_cow(text: Cow<'_, str>) -> String {
    let scanner = Scanner::new(text.as_bytes());
    if scanner.next_change(0).is_none() {
        return text.into_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut tabs = TabColumns::default();
    let mut copied = 0;
    while let Some((at, change)) = scanner.next_change(copied) {
        out.push_str(text.get(copied..at).unwrap_or_default());
        match change {
            Change::Tab => tabs.expand(&mut out),
            Change::LineEnd(_) => out.push('\n'),
            Change::Remove(_) => {}
        }
        copied = at + change.bytes();
    }
    out.push_str(text.get(copied..).unwrap_or_default());
    out
}

/// What to do with the bytes at a stop of the scan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Change {
    /// One tab byte: expand it.
    Tab,
    /// A CR (1 byte) or CRLF (2 bytes): write one LF.
    LineEnd(usize),
    /// A control character or U+FEFF of this many bytes: drop it.
    Remove(usize),
}

impl Change {
    /// How many input bytes the change consumes.
    fn bytes(self) -> usize {
        match self {
            Change::Tab => 1,
            Change::LineEnd(n) | Change::Remove(n) => n,
        }
    }
}

/// Bytes that may start a change: ASCII controls but `\n` and `\f`, DEL,
/// 0xC2 (lead of U+0080–U+009F) and 0xEF (lead of U+FEFF).
const MAY_CHANGE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    table[b'\n' as usize] = false;
    table[0x0C] = false;
    table[0x7F] = true;
    table[0xC2] = true;
    table[0xEF] = true;
    table
};

/// Finds the changes in one text.
struct Scanner<'a> {
    bytes: &'a [u8],
    /// Whether the text holds U+FEFF or a C1 control anywhere.
    has_unicode_changes: bool,
}

impl<'a> Scanner<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        let has_bom = memchr::memmem::find(bytes, "\u{feff}".as_bytes()).is_some();
        let has_c1 = || {
            memchr::memchr_iter(0xC2, bytes)
                .any(|at| matches!(bytes.get(at + 1), Some(0x80..=0x9F)))
        };
        Scanner {
            bytes,
            has_unicode_changes: has_bom || has_c1(),
        }
    }

    /// The first change at or after byte `from`, with its byte offset.
    fn next_change(&self, from: usize) -> Option<(usize, Change)> {
        if self.has_unicode_changes {
            next_change(self.bytes, from)
        } else {
            let at = next_ascii_control(self.bytes, from)?;
            let change = match self.bytes[at] {
                b'\t' => Change::Tab,
                b'\r' if self.bytes.get(at + 1) == Some(&b'\n') => Change::LineEnd(2),
                b'\r' => Change::LineEnd(1),
                _ => Change::Remove(1),
            };
            Some((at, change))
        }
    }
}

/// An ASCII control that changes: any but `\n` and `\f`, and DEL.
fn is_changed_ascii(b: u8) -> bool {
    (b < 0x20 && b != b'\n' && b != 0x0C) || b == 0x7F
}

/// The offset of the first [`is_changed_ascii`] byte at or after `from`,
/// testing eight bytes at a time for any byte below 0x20 or equal to 0x7F
/// (the classic "has less than" and "has zero byte" bit tricks), and only
/// the flagged words byte by byte.
fn next_ascii_control(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let tail = bytes.get(from..)?;
    let mut chunks = tail.chunks_exact(8);
    let mut base = from;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().expect("chunks_exact(8) gives 8 bytes"));
        let below_space = word.wrapping_sub(ONES * 0x20) & !word & HIGHS;
        let del = word ^ (ONES * 0x7F);
        let del = del.wrapping_sub(ONES) & !del & HIGHS;
        if below_space | del != 0
            && let Some(k) = chunk.iter().position(|&b| is_changed_ascii(b))
        {
            return Some(base + k);
        }
        base += 8;
    }
    let rest = chunks.remainder();
    rest.iter()
        .position(|&b| is_changed_ascii(b))
        .map(|k| base + k)
}

/// The first change at or after byte `from`, with its byte offset, for text
/// that may hold U+FEFF or C1 controls.
fn next_change(bytes: &[u8], from: usize) -> Option<(usize, Change)> {
    let mut i = from;
    loop {
        let offset = bytes
            .get(i..)?
            .iter()
            .position(|&b| MAY_CHANGE[usize::from(b)])?;
        let at = i + offset;
        let next = |k: usize| bytes.get(at + k).copied();
        let change = match bytes[at] {
            b'\t' => Some(Change::Tab),
            b'\r' if next(1) == Some(b'\n') => Some(Change::LineEnd(2)),
            b'\r' => Some(Change::LineEnd(1)),
            0xC2 => matches!(next(1), Some(0x80..=0x9F)).then_some(Change::Remove(2)),
            0xEF => (next(1) == Some(0xBB) && next(2) == Some(0xBF)).then_some(Change::Remove(3)),
            _ => Some(Change::Remove(1)),
        };
        match change {
            Some(change) => return Some((at, change)),
            None => i = at + 1,
        }
    }
}

/// The display column reached in the output, tracked from the last tab
/// or line start so that each output byte is measured at most once.
#[derive(Debug, Default)]
struct TabColumns {
    /// Byte offset in the output up to which the column is known.
    anchor: usize,
    /// The display column at `anchor`.
    column: usize,
}

impl TabColumns {
    /// Appends the spaces that take the line to the next tab stop.
    fn expand(&mut self, out: &mut String) {
        let tail = out.get(self.anchor..).unwrap_or_default();
        if let Some(line_end) = tail.rfind(['\n', '\u{c}']) {
            self.anchor += line_end + 1;
            self.column = 0;
        }
        let column = self.column + out.get(self.anchor..).unwrap_or_default().width();
        let spaces = TAB_STOP - column % TAB_STOP;
        out.extend(std::iter::repeat_n(' ', spaces));
        self.anchor = out.len();
        self.column = column + spaces;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_and_lone_cr_become_one_lf_each() {
        assert_eq!(normalise("a\r\nb\rc\r\r\nd"), "a\nb\nc\n\nd");
    }

    #[test]
    fn tab_fills_to_the_next_multiple_of_eight_columns() {
        assert_eq!(normalise("\tx"), "        x");
        assert_eq!(normalise("abc\tx"), "abc     x");
        assert_eq!(normalise("abcdefgh\tx"), "abcdefgh        x");
        assert_eq!(normalise("a\tb\tc"), "a       b       c");
    }

    #[test]
    fn tab_counts_wide_characters_as_two_columns() {
        // 会议 is 4 columns wide, so the tab adds 4 spaces.
        assert_eq!(normalise("会议\t召开"), "会议    召开");
    }

    #[test]
    fn tab_column_restarts_after_newline_and_form_feed() {
        assert_eq!(normalise("abcdef\nab\tx"), "abcdef\nab      x");
        assert_eq!(normalise("abcdef\u{c}ab\tx"), "abcdef\u{c}ab      x");
        assert_eq!(normalise("abc\r\nab\tx"), "abc\nab      x");
    }

    #[test]
    fn controls_are_removed_but_newline_and_form_feed_stay() {
        let input = "a\u{0}b\u{7}c\u{b}d\u{1b}e\u{7f}f\u{85}g\u{9f}h\u{c}i\nj";
        assert_eq!(normalise(input), "abcdefgh\u{c}i\nj");
    }

    #[test]
    fn stray_byte_order_marks_are_removed() {
        assert_eq!(normalise("\u{feff}本报\u{feff}讯"), "本报讯");
    }

    #[test]
    fn characters_that_share_lead_bytes_with_removed_ones_stay() {
        // U+00B7 (C2 B7), U+00A0 (C2 A0), U+FF0C (EF BC 8C), U+FFFD (EF BF BD).
        let input = "·\u{a0}，\u{fffd}\u{fefe}";
        assert_eq!(normalise(input), input);
    }

    #[test]
    fn text_needing_no_change_is_returned_as_is() {
        let input = "本报讯 7月26日，市委常委会\n会议召开\u{c}第2版\n";
        assert_eq!(normalise(input), input);
    }
}
