//! A whole article set at a width: headline, dateline and byline, and
//! paragraphs as display rows, each mapped back to an [`Anchor`].
//!
//! This is what the reading pane draws and `--dump text` prints.

use super::{Options, wrap};
use crate::edition::{Anchor, Article};

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

/// One typeset row of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetRow {
    /// What this row shows.
    pub kind: RowKind,
    /// The text to draw (indent included), at most the set width in columns.
    pub text: String,
    /// The text position this row starts at. Rows before the first paragraph
    /// anchor to `(0, 0)`.
    pub anchor: Anchor,
}

/// An article typeset at one width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetArticle {
    /// The width in columns the article was set at.
    pub width: usize,
    /// All rows, top to bottom.
    pub rows: Vec<SetRow>,
}

impl SetArticle {
    /// Sets `article` at `width` columns.
    pub fn new(article: &Article, width: usize, options: &Options) -> Self {
        let mut rows = Vec::new();
        let top = Anchor::default();
        let push_lines = |rows: &mut Vec<SetRow>, kind, lines: &[String]| {
            for line in lines {
                for row in wrap(line, width, options) {
                    rows.push(SetRow {
                        kind,
                        text: row.text,
                        anchor: top,
                    });
                }
            }
        };
        push_lines(&mut rows, RowKind::Kicker, &article.headline.kicker);
        push_lines(&mut rows, RowKind::Title, &article.headline.title);
        push_lines(&mut rows, RowKind::Subtitle, &article.headline.subtitle);
        for (index, paragraph) in article.paragraphs.iter().enumerate() {
            rows.push(SetRow {
                kind: RowKind::Blank,
                text: String::new(),
                anchor: Anchor {
                    paragraph: index,
                    offset: 0,
                },
            });
            for row in wrap(paragraph, width, options) {
                rows.push(SetRow {
                    kind: RowKind::Paragraph,
                    text: row.text,
                    anchor: Anchor {
                        paragraph: index,
                        offset: row.start,
                    },
                });
            }
        }
        SetArticle { width, rows }
    }

    /// The index of the row that shows `anchor`: the last row starting at or
    /// before it. `(0, 0)` is always row 0.
    pub fn row_of(&self, anchor: Anchor) -> usize {
        if anchor == Anchor::default() {
            return 0;
        }
        self.rows
            .iter()
            .rposition(|r| r.kind != RowKind::Blank && r.anchor <= anchor)
            .unwrap_or(0)
    }
}
