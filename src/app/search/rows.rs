//! Where a match in a headline line or a caption is drawn.
//!
//! Paragraph rows know the chars they show ([`SetArticle::locate`]);
//! headline and caption rows do not, so their matches are placed by
//! walking the rows of the right kind in order: each line (kicker, title
//! and subtitle lines, or captions) was wrapped into consecutive rows that
//! hold its non-whitespace chars in order (wrapping only drops or adds
//! spaces at the breaks). A line whose rows do not add up is left
//! unhighlighted rather than guessed.

use std::ops::Range;

use crate::typeset::article::{RowKind, SetArticle};
use crate::typeset::{AmbiguousWidth, display_width};

/// `(row, columns)` for each row that the chars `chars` of line `line`
/// touch, where `lines` are the texts set, in order, as the rows of the
/// kinds `kinds`. Columns are display columns in the row's text.
pub(super) fn locate_line(
    set: &SetArticle,
    kinds: &[RowKind],
    lines: &[&str],
    line: usize,
    chars: Range<usize>,
    ambiguous: AmbiguousWidth,
) -> Vec<(usize, Range<usize>)> {
    let Some(rows) = rows_of_line(set, kinds, lines, line) else {
        return Vec::new();
    };
    let text = lines.get(line).copied().unwrap_or_default();
    let inked = |end: usize| {
        text.chars()
            .take(end)
            .filter(|c| !c.is_whitespace())
            .count()
    };
    let (from, to) = (inked(chars.start), inked(chars.end));
    let mut seen = 0;
    let mut found = Vec::new();
    for row in rows {
        let mut column = 0;
        let mut span: Option<Range<usize>> = None;
        for c in set.text(row).chars() {
            let width = display_width(c.encode_utf8(&mut [0; 4]), ambiguous);
            if !c.is_whitespace() {
                if (from..to).contains(&seen) {
                    span = Some(span.map_or(column..column + width, |s| s.start..column + width));
                }
                seen += 1;
            }
            column += width;
        }
        if let Some(span) = span {
            found.push((row, span));
        }
    }
    found
}

/// The rows line `line` was set in, or `None` when the rows of `kinds` do
/// not match `lines` char for char.
fn rows_of_line(
    set: &SetArticle,
    kinds: &[RowKind],
    lines: &[&str],
    line: usize,
) -> Option<Vec<usize>> {
    let inked = |text: &str| text.chars().filter(|c| !c.is_whitespace()).count();
    let mut rows = set
        .rows_with_text()
        .enumerate()
        .filter(|(_, (r, _))| kinds.contains(&r.kind))
        .map(|(i, (_, text))| (i, inked(text)));
    for (index, text) in lines.iter().enumerate() {
        let want = inked(text);
        let mut got = 0;
        let mut these = Vec::new();
        while got < want {
            let (row, count) = rows.next()?;
            got += count;
            these.push(row);
        }
        if got != want {
            return None;
        }
        if index == line {
            return Some(these);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edition::{Article, Headline};
    use crate::typeset::Options;

    fn set(title: &str, width: usize) -> SetArticle {
        let article = Article {
            headline: Headline {
                title: vec![title.to_owned()],
                ..Headline::default()
            },
            paragraphs: vec!["正文。".to_owned()],
            ..Article::default()
        };
        SetArticle::new(&article, width, &Options::default())
    }

    #[test]
    fn a_match_across_a_wrapped_title_is_found_on_both_rows() {
        // 10 CJK chars at 12 columns: 6 on the first row, 4 on the second.
        let set = set("一二三四五六七八九十", 12);
        let cells = locate_line(
            &set,
            &[RowKind::Title],
            &["一二三四五六七八九十"],
            0,
            4..8,
            AmbiguousWidth::Narrow,
        );
        assert_eq!(cells, [(0, 8..12), (1, 0..4)]);
    }

    #[test]
    fn rows_that_do_not_add_up_to_the_lines_give_nothing() {
        let set = set("一二三", 12);
        let cells = locate_line(
            &set,
            &[RowKind::Title],
            &["一二三四"],
            0,
            0..1,
            AmbiguousWidth::Narrow,
        );
        assert!(cells.is_empty());
    }
}
