//! Glyphs → lines: glyphs of one size whose vertical middles agree form a
//! row; a row breaks into lines at horizontal gaps wider than
//! [`LINE_BREAK_EMS`] (the gutter between columns).

use super::glyphs::Glyph;

/// A gap wider than this many ems between two glyphs of a row starts a new
/// line: column gutters are at least one em, while justified CJK text
/// spreads its characters by a fraction of one.
pub const LINE_BREAK_EMS: f32 = 0.9;

/// Glyphs whose vertical middles differ by less than this many ems sit on
/// one row.
pub const ROW_EMS: f32 = 0.4;

/// A gap wider than this many ems between two glyphs, with no space glyph
/// printed there, still reads as a space (a space the PDF left out).
pub const SPACE_EMS: f32 = 0.45;

/// Sizes are compared in buckets of this many points, so that one line's
/// glyphs (rounded differently by the generator) stay together.
pub const SIZE_STEP: f32 = 0.25;

/// One printed line: its text and its box.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The text, with one space where the line shows a space.
    pub text: String,
    /// Left edge (points from the page's left).
    pub x0: f32,
    /// Right edge.
    pub x1: f32,
    /// Top edge (points from the page's top).
    pub y0: f32,
    /// Bottom edge.
    pub y1: f32,
    /// The font size.
    pub size: f32,
    /// True when most of its glyphs are set in a bold font.
    pub bold: bool,
}

impl Line {
    /// The width of the line's box.
    pub fn width(&self) -> f32 {
        self.x1 - self.x0
    }

    /// The vertical middle of the line's box.
    pub fn mid_y(&self) -> f32 {
        (self.y0 + self.y1) / 2.0
    }

    /// How much of `[a0, a1]` the line's x-range covers, as a share of
    /// the shorter of the two.
    pub fn x_overlap(&self, a0: f32, a1: f32) -> f32 {
        let shared = self.x1.min(a1) - self.x0.max(a0);
        let shorter = (self.x1 - self.x0).min(a1 - a0).max(0.1);
        (shared / shorter).max(0.0)
    }
}

/// The size bucket of a glyph (see [`SIZE_STEP`]).
pub fn bucket(size: f32) -> i32 {
    // Sizes are points (0–2000), so the rounded value fits an i32.
    #[allow(clippy::cast_possible_truncation)]
    let b = (size / SIZE_STEP).round() as i32;
    b
}

/// The page's glyphs as lines, top to bottom, left to right.
pub fn lines(glyphs: &[Glyph]) -> Vec<Line> {
    let mut order: Vec<&Glyph> = glyphs.iter().filter(|g| g.size > 0.0).collect();
    order.sort_by(|a, b| {
        bucket(a.size)
            .cmp(&bucket(b.size))
            .then(a.mid_y().total_cmp(&b.mid_y()))
    });
    let mut out = Vec::new();
    let mut row: Vec<&Glyph> = Vec::new();
    for g in order {
        let same = row.first().is_some_and(|first| {
            bucket(first.size) == bucket(g.size)
                && (g.mid_y() - first.mid_y()).abs() < ROW_EMS * g.size
        });
        if !same {
            split_row(&mut row, &mut out);
        }
        row.push(g);
    }
    split_row(&mut row, &mut out);
    out.sort_by(|a, b| a.y0.total_cmp(&b.y0).then(a.x0.total_cmp(&b.x0)));
    out
}

/// Splits one row into lines at wide gaps, and empties it.
fn split_row(row: &mut Vec<&Glyph>, out: &mut Vec<Line>) {
    row.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let mut start = 0;
    for i in 1..=row.len() {
        let breaks = i == row.len() || {
            let (prev, next) = (row[i - 1], row[i]);
            next.x0 - prev.x1 > LINE_BREAK_EMS * next.size
        };
        if breaks {
            if let Some(line) = make_line(&row[start..i]) {
                out.push(line);
            }
            start = i;
        }
    }
    row.clear();
}

/// One line from its glyphs, left to right.
fn make_line(glyphs: &[&Glyph]) -> Option<Line> {
    let mut text = String::new();
    let mut prev: Option<&Glyph> = None;
    let mut bold = 0;
    let mut printed = Vec::new();
    for &g in glyphs {
        if g.ch.is_whitespace() {
            if !text.is_empty() && !text.ends_with(' ') {
                text.push(' ');
            }
            continue;
        }
        if let Some(p) = prev
            && g.x0 - p.x1 > SPACE_EMS * g.size
            && !text.ends_with(' ')
        {
            text.push(' ');
        }
        text.push(g.ch);
        bold += usize::from(g.is_bold());
        printed.push(g);
        prev = Some(g);
    }
    let text = text.trim_end().to_owned();
    let first = printed.first()?;
    let mut sizes: Vec<f32> = printed.iter().map(|g| g.size).collect();
    sizes.sort_by(f32::total_cmp);
    Some(Line {
        text,
        x0: first.x0,
        x1: printed.iter().map(|g| g.x1).fold(f32::MIN, f32::max),
        y0: printed.iter().map(|g| g.y0).fold(f32::MAX, f32::min),
        y1: printed.iter().map(|g| g.y1).fold(f32::MIN, f32::max),
        size: sizes[sizes.len() / 2],
        bold: bold * 2 > printed.len(),
    })
}
