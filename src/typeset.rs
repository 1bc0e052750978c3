//! Typesetting: text to display rows at a width in terminal columns.
//!
//! This module owns line breaking and display width. Everything that puts
//! article text on screen or in `--dump text` goes through it: the reading
//! pane, the headline list (via [`truncate`]) and the text dump.
//!
//! PLACEHOLDER: breaks between any two grapheme clusters; the real rules
//! (UAX #14, kinsoku, push-out) are being written.

pub mod article;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

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
    /// Justify CJK paragraph rows shortened by push-out.
    pub justify: bool,
}

/// One display row produced by [`wrap`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The text to draw, trailing spaces trimmed.
    pub text: String,
    /// Offset in `char`s into the wrapped text where this row starts.
    pub start: usize,
    /// Offset in `char`s into the wrapped text just past this row's end.
    pub end: usize,
    /// The row's display width in columns; never more than the wrap width.
    pub width: usize,
}

/// The display width of `text` in terminal columns, measured per extended
/// grapheme cluster with `unicode-width`.
pub fn display_width(text: &str, ambiguous: AmbiguousWidth) -> usize {
    text.graphemes(true)
        .map(|g| cluster_width(g, ambiguous))
        .sum()
}

fn cluster_width(g: &str, ambiguous: AmbiguousWidth) -> usize {
    match ambiguous {
        AmbiguousWidth::Narrow => g.width(),
        AmbiguousWidth::Wide => g.width_cjk(),
    }
}

/// Breaks `text` into rows of at most `width` columns.
///
/// `width` of 0 is treated as 1. Never panics.
pub fn wrap(text: &str, width: usize, options: &Options) -> Vec<Row> {
    let width = width.max(1);
    let mut rows = Vec::new();
    let mut current = String::new();
    let mut current_width = 0;
    let mut start = 0;
    let mut offset = 0;
    for g in text.graphemes(true) {
        let w = cluster_width(g, options.ambiguous);
        if current_width + w > width && !current.is_empty() {
            rows.push(Row {
                text: std::mem::take(&mut current),
                start,
                end: offset,
                width: current_width,
            });
            current_width = 0;
            start = offset;
        }
        current.push_str(g);
        current_width += w;
        offset += g.chars().count();
    }
    if !current.is_empty() || rows.is_empty() {
        rows.push(Row {
            text: current,
            start,
            end: offset,
            width: current_width,
        });
    }
    rows
}

/// Cuts `text` to exactly `width` columns without splitting a cluster,
/// padding with spaces where the cut (or a short text) leaves columns free.
pub fn truncate(text: &str, width: usize, ambiguous: AmbiguousWidth) -> String {
    let mut out = String::new();
    let mut used = 0;
    for g in text.graphemes(true) {
        let w = cluster_width(g, ambiguous);
        if used + w > width {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.extend(std::iter::repeat_n(' ', width - used));
    out
}
