//! Typesetting: text to display rows at a width in terminal columns.
//!
//! This module owns line breaking and display width. Everything that puts
//! article text on screen or in `--dump text` goes through it: the reading
//! pane and the dump (via [`article::SetArticle`]) and the headline list (via
//! [`truncate`]).
//!
//! How a paragraph is set:
//! 1. it is split into extended grapheme clusters (UAX #29), each measured
//!    whole with `unicode-width` at the terminal's East Asian Ambiguous width;
//! 2. break opportunities come from UAX #14 (`unicode-linebreak`), computed
//!    once per paragraph and mapped onto cluster boundaries;
//! 3. the [`kinsoku`] layer (W3C clreq/jlreq) removes the opportunities that
//!    would start a row with a no-start character, end one with a no-end
//!    character, split `——` or `……`, cut a number from its unit or break a
//!    URL;
//! 4. rows are filled greedily with push-out; only a unit wider than a whole
//!    row is broken between clusters (an emergency break), and a
//!    paragraph's last row of one character and its `。` takes one more
//!    character from the row above;
//! 5. optionally, CJK rows left short by push-out are justified, the added
//!    spaces going after punctuation and at script boundaries first.
//!
//! Widths are always columns (terminal cells); offsets into text are always
//! `char`s unless a name says bytes.

pub mod article;
pub mod cache;
mod clusters;
mod fill;
mod justify;
pub mod kinsoku;
mod segment;

pub(crate) use segment::grapheme_indices;
mod truncate;

pub use truncate::{truncate, truncate_with_ellipsis};

use unicode_width::UnicodeWidthStr;

use clusters::Clusters;
use fill::{End, Span};
use justify::Gap;

/// How wide East Asian Ambiguous characters (`“ ” ‘ ’ … — ·`, UAX #11) are
/// drawn: 1 column in most terminals, 2 in terminals set up for CJK.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum AmbiguousWidth {
    /// Ambiguous characters take 1 column.
    #[default]
    Narrow,
    /// Ambiguous characters take 2 columns.
    Wide,
}

/// Typesetting settings that change the result (and so key any cache).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Options {
    /// The terminal's width for East Asian Ambiguous characters.
    pub ambiguous: AmbiguousWidth,
    /// Justify CJK paragraph rows shortened by push-out (jlreq line
    /// adjustment); off by default.
    pub justify: bool,
}

/// One display row produced by [`wrap`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The text to draw: the input's `char`s from `start`, spaces at the break
    /// dropped and trailing spaces trimmed. With [`Options::justify`], a
    /// justified row also holds the spaces added between clusters.
    pub text: String,
    /// Offset in `char`s into the wrapped text of this row's first shown
    /// character (spaces dropped at a break come before it).
    pub start: usize,
    /// Offset in `char`s into the wrapped text just past this row, including
    /// the spaces dropped at its end; the next row starts at or after it.
    pub end: usize,
    /// The row's display width in columns; never more than the wrap width,
    /// except for a row holding one grapheme cluster wider than the whole
    /// width (a 2-column cluster at width 1), which has a row of its own.
    pub width: usize,
    /// True when the row starts or ends at an emergency break: inside a unit
    /// wider than the row, where no break opportunity was (or when it holds
    /// a lone cluster wider than the width). Besides the text's own first
    /// and last rows and rows next to a line feed, only such a row may start
    /// with a no-start or end with a no-end character.
    pub emergency: bool,
}

/// The display width of `text` in terminal columns, measured per extended
/// grapheme cluster (UAX #29) with `unicode-width`'s string width, so
/// `👩‍🔬` is 2 columns. Never sums per-`char` widths.
pub fn display_width(text: &str, ambiguous: AmbiguousWidth) -> usize {
    segment::grapheme_indices(text)
        .map(|(_, g)| cluster_width(g, ambiguous))
        .sum()
}

/// The display width in columns of one grapheme cluster `g`: its
/// `unicode-width` string width. Printable ASCII (1 column) and the CJK
/// Unified Ideographs block (East_Asian_Width W, 2 columns) are answered
/// without the table lookup; a test checks they agree with it.
#[inline]
pub(crate) fn cluster_width(g: &str, ambiguous: AmbiguousWidth) -> usize {
    if let [byte] = g.as_bytes()
        && (b' '..=b'~').contains(byte)
    {
        return 1;
    }
    if g.len() == 3
        && let Some(c) = g.chars().next()
        && ('\u{4E00}'..='\u{9FFF}').contains(&c)
    {
        return 2;
    }
    match ambiguous {
        AmbiguousWidth::Narrow => g.width(),
        AmbiguousWidth::Wide => g.width_cjk(),
    }
}

/// Breaks `text` into rows of at most `width` columns, by UAX #14 and the
/// [`kinsoku`] rules, filling greedily with push-out (see the module docs).
///
/// Always returns at least one row (an empty text gives one empty row).
/// Line feeds and other mandatory breaks (UAX #14) end a row. `width` of 0 is
/// treated as 1. Never panics.
pub fn wrap(text: &str, width: usize, options: &Options) -> Vec<Row> {
    wrap_indented(text, width, 0, options)
}

/// Like [`wrap`], but the first row holds `indent` fewer columns: the caller
/// draws `indent` columns of indentation before it (a paragraph's first-line
/// indent). Rows' `text`, `width` and offsets exclude the indent.
///
/// A unit that fits a full row but not the shortened first row leaves the
/// first row empty. An `indent` of `width` or more is treated as leaving one
/// column.
pub fn wrap_indented(text: &str, width: usize, indent: usize, options: &Options) -> Vec<Row> {
    set_lines(text, width, indent, options)
        .into_iter()
        .map(|line| line.row)
        .collect()
}

/// A [`Row`] with the spaces justification added to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line {
    /// The row.
    pub row: Row,
    /// Spaces added by justification, in order (empty if none).
    pub gaps: Vec<Gap>,
}

/// Sets `text` into lines: the engine behind [`wrap`] and
/// [`article::SetArticle`].
pub(crate) fn set_lines(text: &str, width: usize, indent: usize, options: &Options) -> Vec<Line> {
    let width = width.max(1);
    let first_width = width.saturating_sub(indent).max(1);
    let clusters = Clusters::new(text, options.ambiguous);
    let spans = fill::fill(&clusters, width, first_width);
    spans
        .iter()
        .enumerate()
        .map(|(r, span)| {
            let gaps = if options.justify {
                justify::gaps(&clusters, &spans, r)
            } else {
                Vec::new()
            };
            line_of(&clusters, span, gaps)
        })
        .collect()
}

/// Builds the [`Line`] for one span: one `String` allocation per row.
fn line_of(clusters: &Clusters<'_>, span: &Span, gaps: Vec<Gap>) -> Line {
    let from = clusters.byte_at(span.first);
    let to = clusters.byte_at(span.shown_end);
    let added: usize = gaps.iter().map(|g| g.columns).sum();
    let mut text = String::with_capacity(to - from + added);
    let mut at = from;
    for gap in &gaps {
        let byte = clusters.byte_at(gap.cluster);
        text.push_str(&clusters.text[at..byte]);
        text.extend(std::iter::repeat_n(' ', gap.columns));
        at = byte;
    }
    text.push_str(&clusters.text[at..to]);
    let emergency =
        span.emergency_start || span.end == End::Emergency || span.width > span.capacity;
    Line {
        row: Row {
            text,
            start: clusters.char_at(span.first),
            end: clusters.char_at(span.next),
            width: span.width + added,
            emergency,
        },
        gaps,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cluster_width_shortcuts_agree_with_unicode_width() {
        let ranges = [u32::from(' ')..=u32::from('~'), 0x4E00..=0x9FFF];
        for code in ranges.into_iter().flatten() {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let s = c.to_string();
            assert_eq!(cluster_width(&s, AmbiguousWidth::Narrow), s.width(), "{c}");
            assert_eq!(
                cluster_width(&s, AmbiguousWidth::Wide),
                s.width_cjk(),
                "{c}"
            );
        }
    }
}
