//! A whole article set at a width: headline, credit (dateline and byline),
//! paragraphs and captions as display rows, each mapped back to an
//! [`Anchor`].
//!
//! This is what the reading pane draws and `--dump text` prints. The layout,
//! top to bottom:
//!
//! ```text
//! kicker rows          引题, wrapped by the same rules as the body
//! title rows           主题
//! subtitle rows        副题 (deck)
//! (blank)
//! credit row           本报讯 7月26日 · 高美梅   (two rows if that does not
//!                      fit; omitted when both are absent)
//! (blank)
//! 　　paragraph rows    first row indented by two U+3000, as in print (a
//!                      Latin paragraph by two ASCII spaces)
//! (blank)              between paragraphs
//! …
//! (blank)
//! caption rows         one block per caption, blank rows between
//! ```
//!
//! Rows above the first paragraph anchor to `(0, 0)`; paragraph rows anchor
//! to their first character; a blank row anchors to the start of the
//! paragraph below it; caption rows anchor to the end of the last paragraph.
//! Anchors never decrease from one row to the next.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::justify::Gap;
use super::kinsoku::in_cjk_text;
use super::{
    AmbiguousWidth, Options, cluster_width, display_width, grapheme_indices, set_lines, wrap,
};
use crate::edition::{Anchor, Article};

/// The first-row indent of a paragraph: two ideographic spaces (U+3000),
/// 4 columns in every terminal, as Chinese print indents by two characters.
pub const INDENT: &str = "\u{3000}\u{3000}";

/// The display width of [`INDENT`] in columns.
pub const INDENT_COLUMNS: usize = 4;

/// The first-row indent of a Latin (non-CJK) paragraph: two ASCII spaces.
/// Two ideographic spaces would be 4 columns, twice the em-ish indent
/// English print uses and out of proportion to narrow Latin letters.
pub const LATIN_INDENT: &str = "  ";

/// The display width of [`LATIN_INDENT`] in columns.
pub const LATIN_INDENT_COLUMNS: usize = 2;

/// Below this width (columns) paragraphs are set without the indent, which
/// would leave too little room on the first row.
pub const INDENT_MIN_WIDTH: usize = 2 * INDENT_COLUMNS;

/// The separator between the dateline and the byline on the credit row.
pub const CREDIT_SEPARATOR: &str = " · ";

/// What part of the article a [`SetRow`] shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A kicker (引题) line.
    Kicker,
    /// A title (主题) line.
    Title,
    /// A subtitle (副题, deck) line.
    Subtitle,
    /// The dateline and byline.
    Credit,
    /// A body paragraph row.
    Paragraph,
    /// A photo caption or note.
    Caption,
    /// An empty separating row.
    Blank,
}

/// One typeset row of an article. Its text is kept in the
/// [`SetArticle`] with all the others ([`SetArticle::text`]): one
/// allocation for all rows, not one each (a 50 MB article has half a
/// million rows), and 40 bytes a row here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetRow {
    /// What this row shows.
    pub kind: RowKind,
    /// The text position this row starts at. Rows before the first paragraph
    /// anchor to `(0, 0)`.
    pub anchor: Anchor,
    /// Byte offset just past this row's text in the article's text; the
    /// row's text starts where the row before it ends.
    text_end: usize,
    /// For a paragraph row, where its text comes from, for
    /// [`SetArticle::locate`] (with the spaces justification added, which
    /// [`SetArticle`] keeps apart): the `char` offset just past the row in
    /// its paragraph, dropped spaces included (its first `char` is the
    /// anchor's offset). 0 for other rows.
    chars_end: usize,
    /// The indentation a paragraph row's text starts with.
    indent: Indent,
}

/// The indentation a paragraph row's text starts with.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Indent {
    /// None: not the first row, or too narrow a width for one.
    #[default]
    None,
    /// [`INDENT`], a CJK paragraph's.
    Cjk,
    /// [`LATIN_INDENT`], a Latin paragraph's.
    Latin,
}

impl Indent {
    /// The indentation's text.
    fn text(self) -> &'static str {
        match self {
            Indent::None => "",
            Indent::Cjk => INDENT,
            Indent::Latin => LATIN_INDENT,
        }
    }

    /// The indentation's width in columns.
    fn columns(self) -> usize {
        match self {
            Indent::None => 0,
            Indent::Cjk => INDENT_COLUMNS,
            Indent::Latin => LATIN_INDENT_COLUMNS,
        }
    }
}

/// An article typeset at one width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetArticle {
    /// The width in columns the article was set at.
    pub width: usize,
    /// All rows, top to bottom.
    pub rows: Vec<SetRow>,
    /// The text of every row, one after the other (see
    /// [`SetArticle::text`]).
    text: String,
    /// The spaces justification added, each with the index of its row, in
    /// row order (empty when the article was set without justification).
    gaps: Vec<(usize, Gap)>,
    /// The ambiguous width the article was set at.
    ambiguous: AmbiguousWidth,
}

impl SetArticle {
    /// Sets `article` at `width` columns (0 is treated as 1) with `options`.
    /// Headline, credit and caption rows are never justified. Never panics.
    pub fn new(article: &Article, width: usize, options: &Options) -> Self {
        let width = width.max(1);
        // Room for every row at once: a CJK character takes 3 bytes and 2
        // columns, so bytes / width over-counts rows a little.
        let bytes: usize = article.paragraphs.iter().map(String::len).sum();
        let estimate = bytes / width + 2 * article.paragraphs.len() + 16;
        // The rows' text is the paragraphs' (less the spaces dropped at
        // breaks) with an indent each, and the headline, credit and
        // captions: enough unless justification adds spaces.
        let others: usize = [&article.dateline, &article.byline, &article.source]
            .into_iter()
            .flatten()
            .map(|s| s.len() + CREDIT_SEPARATOR.len())
            .chain(article.headline.lines().map(str::len))
            .chain(article.captions.iter().map(String::len))
            .sum();
        let text_bytes = bytes + INDENT.len() * article.paragraphs.len() + others;
        let mut set = SetArticle {
            width,
            rows: Vec::with_capacity(estimate),
            text: String::with_capacity(text_bytes),
            gaps: Vec::new(),
            ambiguous: options.ambiguous,
        };
        let plain = Options {
            justify: false,
            ..*options
        };
        let top = Anchor::default();
        let headline = &article.headline;
        set.push_lines(RowKind::Kicker, &headline.kicker, top, &plain);
        set.push_lines(RowKind::Title, &headline.title, top, &plain);
        set.push_lines(RowKind::Subtitle, &headline.subtitle, top, &plain);
        let credit = credit_lines(article, width, options.ambiguous);
        if !credit.is_empty() {
            set.push_blank(top);
            set.push_lines(RowKind::Credit, &credit, top, &plain);
        }
        for (paragraph, text) in article.paragraphs.iter().enumerate() {
            set.push_blank(Anchor {
                paragraph,
                offset: 0,
            });
            set.push_paragraph(paragraph, text, options);
        }
        let end = article
            .paragraphs
            .iter()
            .enumerate()
            .next_back()
            .map_or(top, |(p, text)| Anchor {
                paragraph: p,
                offset: text.chars().count(),
            });
        for caption in &article.captions {
            set.push_blank(end);
            set.push_lines(RowKind::Caption, std::slice::from_ref(caption), end, &plain);
        }
        set
    }

    /// The text of row `row` to draw (indent included), at most the set
    /// width in columns (a lone cluster wider than the whole width is the
    /// only exception; see [`super::Row::width`]). Empty past the last row.
    pub fn text(&self, row: usize) -> &str {
        let Some(end) = self.rows.get(row).map(|r| r.text_end) else {
            return "";
        };
        let start = row.checked_sub(1).map_or(0, |p| self.rows[p].text_end);
        self.text.get(start..end).unwrap_or_default()
    }

    /// Each row with its text ([`SetArticle::text`]), top to bottom. Reads
    /// from the first row: to start further down (a screenful from row
    /// `n`), take rows by index with [`SetArticle::text`], which costs the
    /// same for any row.
    pub fn rows_with_text(&self) -> impl Iterator<Item = (&SetRow, &str)> {
        let mut start = 0;
        self.rows.iter().map(move |row| {
            let text = self.text.get(start..row.text_end).unwrap_or_default();
            start = row.text_end;
            (row, text)
        })
    }

    /// The anchor to keep for a view whose top row is `row`: the row's own,
    /// except on the first row of the first paragraph, which starts at
    /// `(0, 0)` as the article's top does (its headline): there it is
    /// `(0, 1)`, which [`SetArticle::row_of`] gives back as that row, so a
    /// reader who scrolled the headline away keeps the first paragraph at
    /// the top when the article is set again (another width) and when the
    /// position is saved. `None` past the last row.
    pub fn anchor_at(&self, row: usize) -> Option<Anchor> {
        let r = self.rows.get(row)?;
        let body_start = row > 0 && r.kind == RowKind::Paragraph && r.anchor == Anchor::default();
        Some(if body_start {
            Anchor {
                paragraph: 0,
                offset: 1,
            }
        } else {
            r.anchor
        })
    }

    /// The index of the row that shows `anchor`: the last text row starting
    /// at or before it. `(0, 0)` is always row 0. An anchor that falls in the
    /// spaces before a paragraph's first row gives that first row; one past
    /// the end gives the last text row. Gives 0 when there are no rows.
    pub fn row_of(&self, anchor: Anchor) -> usize {
        if anchor == Anchor::default() {
            return 0;
        }
        let after = self.rows.partition_point(|r| r.anchor <= anchor);
        let Some(mut r) = after.checked_sub(1) else {
            return 0;
        };
        while r > 0 && self.rows[r].kind == RowKind::Blank {
            r -= 1;
        }
        let kind = self.rows[r].kind;
        while r > 0
            && self.rows[r - 1].kind == kind
            && self.rows[r - 1].anchor == self.rows[r].anchor
        {
            r -= 1;
        }
        if self.rows[r].anchor.paragraph < anchor.paragraph {
            let below = self.rows[after..].iter().position(|row| {
                row.kind == RowKind::Paragraph && row.anchor.paragraph == anchor.paragraph
            });
            if let Some(i) = below {
                return after + i;
            }
        }
        r
    }

    /// Where the characters `chars` (a `char` range) of paragraph `paragraph`
    /// are drawn: one `(row, columns)` per row the range touches, top to
    /// bottom, with `columns` a half-open range of display columns within
    /// that row's `text` (indent and justification spaces accounted for).
    /// A range that spans a row break gives two or more entries. Characters
    /// that are not drawn (spaces dropped at a break) give none; an empty or
    /// out-of-range `chars` gives an empty list.
    pub fn locate(&self, paragraph: usize, chars: Range<usize>) -> Vec<(usize, Range<usize>)> {
        let mut found = Vec::new();
        if chars.is_empty() {
            return found;
        }
        let from = self.rows.partition_point(|r| {
            r.anchor
                < Anchor {
                    paragraph,
                    offset: 0,
                }
        });
        for (i, row) in self.rows.iter().enumerate().skip(from) {
            if row.anchor.paragraph > paragraph {
                break;
            }
            if row.kind != RowKind::Paragraph {
                continue;
            }
            let row_chars = row.anchor.offset..row.chars_end;
            if row_chars.start >= chars.end {
                break;
            }
            if row_chars.end <= chars.start {
                continue;
            }
            let from = self.gaps.partition_point(|&(r, _)| r < i);
            let to = from + self.gaps[from..].partition_point(|&(r, _)| r == i);
            let gaps = self.gaps[from..to].iter().map(|(_, gap)| gap);
            let text = self.text(i);
            if let Some(columns) =
                columns_of(text, row_chars, row.indent, gaps, &chars, self.ambiguous)
            {
                found.push((i, columns));
            }
        }
        found
    }

    fn push_lines(&mut self, kind: RowKind, lines: &[String], anchor: Anchor, options: &Options) {
        for line in lines {
            for row in wrap(line, self.width, options) {
                self.push(kind, &row.text, anchor);
            }
        }
    }

    fn push_paragraph(&mut self, paragraph: usize, text: &str, options: &Options) {
        let indent = if self.width < INDENT_MIN_WIDTH {
            Indent::None
        } else if is_cjk_paragraph(text) {
            Indent::Cjk
        } else {
            Indent::Latin
        };
        for (i, line) in set_lines(text, self.width, indent.columns(), options)
            .into_iter()
            .enumerate()
        {
            let indented =
                i == 0 && indent != Indent::None && !joins_indent(indent.text(), &line.row.text);
            let indent = if indented { indent } else { Indent::None };
            self.text.push_str(indent.text());
            let anchor = Anchor {
                paragraph,
                offset: line.row.start,
            };
            let row = self.rows.len();
            self.gaps
                .extend(line.gaps.into_iter().map(|gap| (row, gap)));
            self.push(RowKind::Paragraph, &line.row.text, anchor);
            if let Some(pushed) = self.rows.last_mut() {
                pushed.chars_end = line.row.end;
                pushed.indent = indent;
            }
        }
    }

    /// Adds a blank row, unless it would be the first row.
    fn push_blank(&mut self, anchor: Anchor) {
        if !self.rows.is_empty() {
            self.push(RowKind::Blank, "", anchor);
        }
    }

    /// Adds a row of `kind` showing `text` after what the text holds
    /// already (a paragraph row's indent).
    fn push(&mut self, kind: RowKind, text: &str, anchor: Anchor) {
        self.text.push_str(text);
        self.rows.push(SetRow {
            kind,
            anchor,
            text_end: self.text.len(),
            chars_end: 0,
            indent: Indent::None,
        });
    }
}

/// True when `text` starts with a character that would join the last
/// cluster of `indent` (a combining mark, a ZWJ): the row is then set
/// without the indent, so the mark is not drawn on the indent's space.
fn joins_indent(indent: &str, text: &str) -> bool {
    let (Some(last), Some(first)) = (indent.chars().next_back(), text.chars().next()) else {
        return false;
    };
    let mut probe = String::from(last);
    probe.push(first);
    probe.graphemes(true).count() == 1
}

/// True when a paragraph is Chinese (or Japanese, Korean) text, which print
/// indents by two ideographic spaces: its first letter, skipping digits,
/// punctuation and spaces (`2024年`, `“我们`), is CJK. A paragraph with no
/// letter at all counts as CJK, as it did before Latin indents existed.
fn is_cjk_paragraph(text: &str) -> bool {
    // Ideographs, kana and Hangul are alphabetic (Unicode Alphabetic).
    text.chars()
        .find(|c| c.is_alphabetic())
        .is_none_or(in_cjk_text)
}

/// Where the chars `chars` of `article`'s dateline (or, with `byline`, its
/// byline) are on its credit lines as [`SetArticle::new`] sets them at
/// `width` columns: the credit lines, the index of the line holding them and
/// the chars within that line (to highlight a search match in a credit).
/// `None` when that credit is absent or blank.
pub fn credit_place(
    article: &Article,
    width: usize,
    ambiguous: AmbiguousWidth,
    byline: bool,
    chars: Range<usize>,
) -> Option<(Vec<String>, usize, Range<usize>)> {
    let trimmed = |part: &Option<String>| {
        let text = part.as_deref()?;
        let lead = text.chars().take_while(|c| c.is_whitespace()).count();
        (!text.trim().is_empty()).then(|| (text.trim().chars().count(), lead))
    };
    let dateline = trimmed(&article.dateline);
    let wanted = if byline {
        trimmed(&article.byline)?
    } else {
        dateline?
    };
    let lines = credit_lines(article, width.max(1), ambiguous);
    let both = dateline.is_some() && trimmed(&article.byline).is_some();
    let (line, before) = match (byline, both, lines.len()) {
        (true, true, 1) => (
            0,
            dateline.map_or(0, |(n, _)| n) + CREDIT_SEPARATOR.chars().count(),
        ),
        (true, true, _) => (1, 0),
        _ => (0, 0),
    };
    let shift = |k: usize| (k.saturating_sub(wanted.1)).min(wanted.0) + before;
    Some((lines, line, shift(chars.start)..shift(chars.end)))
}

/// The credit lines: dateline, byline and source (a compilation's
/// `《人民日报》（2025年10月20日 第 02 版）`) joined by [`CREDIT_SEPARATOR`]
/// (`本报讯 7月26日 · 高美梅`) when that fits `width` columns, else each on a
/// line of its own, so a name is never split from itself; one alone if the
/// others are absent or blank; none if all are.
fn credit_lines(article: &Article, width: usize, ambiguous: AmbiguousWidth) -> Vec<String> {
    let parts: Vec<&str> = [&article.dateline, &article.byline, &article.source]
        .into_iter()
        .flatten()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    let joined = parts.join(CREDIT_SEPARATOR);
    if parts.len() < 2 || display_width(&joined, ambiguous) <= width {
        parts
            .is_empty()
            .then(Vec::new)
            .unwrap_or_else(|| vec![joined])
    } else {
        parts.into_iter().map(str::to_owned).collect()
    }
}

/// The columns of `text` (a paragraph row of the paragraph's chars
/// `row_chars`, starting with `indent`, with justification's `gaps`) that
/// show `chars`.
fn columns_of<'a>(
    text: &str,
    row_chars: Range<usize>,
    indent: Indent,
    gaps: impl Iterator<Item = &'a Gap>,
    chars: &Range<usize>,
    ambiguous: AmbiguousWidth,
) -> Option<Range<usize>> {
    let body = text.get(indent.text().len()..)?;
    let mut column = indent.columns();
    let mut offset = row_chars.start;
    let mut gaps = gaps.peekable();
    let mut clusters = grapheme_indices(body).map(|(_, g)| g);
    let mut hit: Option<Range<usize>> = None;
    while let Some(g) = clusters.next() {
        if offset >= chars.end {
            break;
        }
        if let Some(gap) = gaps.next_if(|gap| gap.char == offset) {
            // `g` is the first of the spaces justification added, one
            // cluster each: skip the rest of them too.
            column += gap.columns;
            for _ in 1..gap.columns {
                clusters.next();
            }
            continue;
        }
        let width = cluster_width(g, ambiguous);
        let count = g.chars().count();
        if offset < chars.end && offset + count > chars.start {
            let start = hit.as_ref().map_or(column, |h| h.start);
            hit = Some(start..column + width);
        }
        column += width;
        offset += count;
    }
    hit.filter(|h| !h.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edition::Headline;

    fn article() -> Article {
        Article {
            headline: Headline {
                kicker: vec!["引题".into()],
                title: vec!["市委外事工作委员会召开会议".into()],
                subtitle: vec![],
            },
            dateline: Some("本报讯 7月26日".into()),
            byline: Some("惠晓婧".into()),
            paragraphs: vec!["一二三四五六七八九十".into(), "会议指出，要切实增强".into()],
            captions: vec!["图为会场。".into()],
            ..Article::default()
        }
    }

    fn at(paragraph: usize, offset: usize) -> Anchor {
        Anchor { paragraph, offset }
    }

    fn texts(set: &SetArticle) -> Vec<(RowKind, &str)> {
        set.rows_with_text()
            .map(|(r, text)| (r.kind, text))
            .collect()
    }

    #[test]
    fn article_is_headline_credit_indented_paragraphs_then_captions() {
        let set = SetArticle::new(&article(), 20, &Options::default());
        use RowKind::*;
        assert_eq!(
            texts(&set),
            [
                (Kicker, "引题"),
                (Title, "市委外事工作委员会召"),
                (Title, "开会议"),
                (Blank, ""),
                (Credit, "本报讯 7月26日"),
                (Credit, "惠晓婧"),
                (Blank, ""),
                (Paragraph, "\u{3000}\u{3000}一二三四五六七八"),
                (Paragraph, "九十"),
                (Blank, ""),
                (Paragraph, "\u{3000}\u{3000}会议指出，要切实"),
                (Paragraph, "增强"),
                (Blank, ""),
                (Caption, "图为会场。"),
            ]
        );
    }

    #[test]
    fn indent_does_not_shift_anchors() {
        let set = SetArticle::new(&article(), 20, &Options::default());
        let anchors: Vec<Anchor> = set.rows.iter().map(|r| r.anchor).collect();
        let top = at(0, 0);
        assert_eq!(
            anchors,
            [
                top,
                top,
                top,
                top,
                top,
                top,
                top,
                top,
                at(0, 8),
                at(1, 0),
                at(1, 0),
                at(1, 8),
                at(1, 10),
                at(1, 10)
            ]
        );
    }

    fn english() -> Article {
        Article {
            paragraphs: vec![
                "The fund backs start-ups.".into(),
                "2024年，产业园扩建。".into(),
                "“Yes,” he said.".into(),
            ],
            ..Article::default()
        }
    }

    #[test]
    fn latin_paragraph_is_indented_two_ascii_spaces_and_cjk_two_ideographic() {
        // Width 12: `  The fund` (2 + 8 = 10; `backs` would need 16), then
        // `backs start-` (12: UAX #14 breaks after the hyphen) and `ups.`;
        // the one starting with a digit is CJK by
        // its first letter 年: `　　2024年，` (4 + 4 + 2 + 2 = 12); the one
        // starting with a quote is Latin by `Y`.
        let set = SetArticle::new(&english(), 12, &Options::default());
        use RowKind::*;
        assert_eq!(
            texts(&set),
            [
                (Paragraph, "  The fund"),
                (Paragraph, "backs start-"),
                (Paragraph, "ups."),
                (Blank, ""),
                (Paragraph, "\u{3000}\u{3000}2024年，"),
                (Paragraph, "产业园扩建。"),
                (Blank, ""),
                (Paragraph, "  “Yes,” he"),
                (Paragraph, "said."),
            ]
        );
    }

    #[test]
    fn latin_indent_does_not_shift_anchors_or_match_columns() {
        let set = SetArticle::new(&english(), 12, &Options::default());
        let anchors: Vec<Anchor> = set.rows.iter().map(|r| r.anchor).collect();
        assert_eq!(
            anchors,
            [
                at(0, 0),
                at(0, 9),
                at(0, 21),
                at(1, 0),
                at(1, 0),
                at(1, 6),
                at(2, 0),
                at(2, 0),
                at(2, 10)
            ]
        );
        // `fund` (chars 4..8) is drawn in columns 6..10 of the first row,
        // after the 2-column indent.
        assert_eq!(set.locate(0, 4..8), [(0, 6..10)]);
    }

    #[test]
    fn credit_fits_on_one_row_when_wide_enough() {
        let set = SetArticle::new(&article(), 30, &Options::default());
        assert_eq!(set.text(3), "本报讯 7月26日 · 惠晓婧");
        assert_eq!(set.rows[3].kind, RowKind::Credit);
    }

    #[test]
    fn a_compilations_source_line_follows_the_byline() {
        let compiled = Article {
            dateline: None,
            byline: Some("洪勇".into()),
            source: Some("《人民日报》（2025年10月20日 第 02 版）".into()),
            ..article()
        };
        let wide = SetArticle::new(&compiled, 60, &Options::default());
        assert_eq!(
            wide.text(3),
            "洪勇 · 《人民日报》（2025年10月20日 第 02 版）"
        );
        let narrow = SetArticle::new(&compiled, 30, &Options::default());
        let credit: Vec<&str> = narrow
            .rows_with_text()
            .filter(|(r, _)| r.kind == RowKind::Credit)
            .map(|(_, text)| text)
            .collect();
        assert_eq!(credit[0], "洪勇");
        assert!(credit.len() >= 2, "{credit:?}");
    }

    #[test]
    fn credit_place_finds_the_byline_on_the_joined_or_its_own_line() {
        let article = Article {
            dateline: Some("本报讯 7月26日".into()),
            byline: Some(" 高美梅".into()),
            ..Article::default()
        };
        let narrow = AmbiguousWidth::Narrow;
        // Joined at 40: 本报讯 7月26日 · 高美梅, the byline from char 12.
        let (lines, line, chars) = credit_place(&article, 40, narrow, true, 1..4).expect("byline");
        assert_eq!(lines, ["本报讯 7月26日 · 高美梅"]);
        assert_eq!((line, chars), (0, 12..15));
        // Split at 16: the byline is line 1, its leading space trimmed.
        let (lines, line, chars) = credit_place(&article, 16, narrow, true, 1..4).expect("byline");
        assert_eq!(lines, ["本报讯 7月26日", "高美梅"]);
        assert_eq!((line, chars), (1, 0..3));
        let (_, line, chars) = credit_place(&article, 40, narrow, false, 4..9).expect("dateline");
        assert_eq!((line, chars), (0, 4..9));
        let none = Article::default();
        assert!(credit_place(&none, 40, narrow, true, 0..1).is_none());
    }

    #[test]
    fn credit_row_is_omitted_when_dateline_and_byline_are_absent() {
        let bare = Article {
            dateline: None,
            byline: Some("  ".into()),
            ..article()
        };
        let set = SetArticle::new(&bare, 30, &Options::default());
        assert!(set.rows.iter().all(|r| r.kind != RowKind::Credit));
        let only_byline = Article {
            dateline: None,
            ..article()
        };
        let set = SetArticle::new(&only_byline, 30, &Options::default());
        let credit: Vec<&str> = set
            .rows_with_text()
            .filter(|(r, _)| r.kind == RowKind::Credit)
            .map(|(_, text)| text)
            .collect();
        assert_eq!(credit, ["惠晓婧"]);
    }

    #[test]
    fn paragraph_opening_with_a_combining_mark_is_not_indented() {
        let odd = Article {
            paragraphs: vec!["\u{301}中文".into()],
            ..Article::default()
        };
        let set = SetArticle::new(&odd, 20, &Options::default());
        assert_eq!(set.text(0), "\u{301}中文");
        assert_eq!(set.locate(0, 1..2), [(0, 0..2)]);
    }

    #[test]
    fn narrow_width_drops_the_indent() {
        let set = SetArticle::new(&article(), 6, &Options::default());
        let first = set
            .rows_with_text()
            .find(|(r, _)| r.kind == RowKind::Paragraph)
            .map(|(_, text)| text);
        assert_eq!(first, Some("一二三"));
    }

    #[test]
    fn every_row_fits_the_width() {
        for width in 1..40 {
            let set = SetArticle::new(&article(), width, &Options::default());
            for (_, text) in set.rows_with_text() {
                let columns = display_width(text, AmbiguousWidth::Narrow);
                assert!(columns <= width.max(2), "{width}: {text:?}");
            }
        }
    }

    #[test]
    fn row_of_finds_the_row_showing_an_anchor() {
        let set = SetArticle::new(&article(), 20, &Options::default());
        assert_eq!(set.row_of(at(0, 0)), 0);
        assert_eq!(set.row_of(at(0, 1)), 7);
        assert_eq!(set.row_of(at(0, 8)), 8);
        assert_eq!(set.row_of(at(0, 9)), 8);
        assert_eq!(set.row_of(at(1, 0)), 10);
        assert_eq!(set.row_of(at(1, 9)), 11);
        assert_eq!(set.row_of(at(9, 0)), 13);
    }

    #[test]
    fn row_of_keeps_the_same_text_in_view_at_any_width() {
        let article = article();
        for width in 1..40 {
            let set = SetArticle::new(&article, width, &Options::default());
            for (i, row) in set.rows.iter().enumerate() {
                if row.kind == RowKind::Paragraph && row.anchor != at(0, 0) {
                    assert_eq!(set.row_of(row.anchor), i, "width {width}");
                }
            }
        }
    }

    #[test]
    fn row_of_an_anchor_in_leading_spaces_is_the_paragraphs_first_row() {
        let spaced = Article {
            paragraphs: vec!["一二".into(), "  三四".into()],
            ..Article::default()
        };
        let set = SetArticle::new(&spaced, 20, &Options::default());
        assert_eq!(set.rows[2].anchor, at(1, 2));
        assert_eq!(set.row_of(at(1, 0)), 2);
        assert_eq!(set.row_of(at(1, 1)), 2);
    }

    #[test]
    fn locate_splits_a_hit_that_spans_a_row_break() {
        let set = SetArticle::new(&article(), 20, &Options::default());
        // 切实增 is chars 6..9 of paragraph 1: the end of row 10 (after the
        // 4-column indent and 6 characters, columns 16..20) and the start of
        // row 11.
        assert_eq!(set.locate(1, 6..9), [(10, 16..20), (11, 0..2)]);
        assert_eq!(set.locate(1, 9..10), [(11, 2..4)]);
        assert_eq!(set.locate(1, 3..3), []);
    }

    #[test]
    fn locate_skips_the_spaces_justification_added() {
        let long = Article {
            paragraphs: vec!["一二三四五六七八九十一二三四五六七八，完".into()],
            ..Article::default()
        };
        let options = Options {
            justify: true,
            ..Options::default()
        };
        let set = SetArticle::new(&long, 20, &options);
        // Row 1 is 九十一二三四五六七 (18 columns): 八， was pushed out, and
        // the 2 missing columns go to its 2nd and 6th gaps.
        assert_eq!(set.text(1), "九十 一二三四 五六七");
        assert_eq!(set.locate(0, 9..11), [(1, 2..7)]);
        assert_eq!(set.locate(0, 10..11), [(1, 5..7)]);
        assert_eq!(set.locate(0, 16..17), [(1, 18..20)]);
    }
}
