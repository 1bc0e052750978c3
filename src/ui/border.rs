//! Pane borders: a box of line-drawing characters with a title in its top
//! edge, drawn cell by cell.
//!
//! It stands in for ratatui's `Block`, whose `render` also sets the style of
//! every cell inside the box: a pass over nearly the whole screen on every
//! frame, about a tenth of a keypress's frame (issue 7, BENCHMARKS.md). Only
//! the border cells are written here; the inside stays as the frame's reset
//! left it. The drawing is the same as a `Block::bordered()` with a title on
//! the left of its top edge, in the border's style.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::border;

use super::text;
use crate::app::layout::BORDER;
use crate::typeset::AmbiguousWidth;

/// Borders drawn with ASCII only (for terminals drawing Ambiguous wide).
pub const ASCII_BORDER: border::Set<'static> = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

/// A bordered box with a title: see the module doc.
#[derive(Debug, Clone)]
pub struct Border<'a> {
    title: &'a str,
    style: Style,
    ambiguous: AmbiguousWidth,
}

impl<'a> Border<'a> {
    /// A border in `style` with `title` (may be empty) at the left of its
    /// top edge. With East Asian Ambiguous characters drawn wide, the
    /// box-drawing characters (Ambiguous, UAX #11) would take two columns,
    /// so the border falls back to ASCII ([`ASCII_BORDER`]).
    pub fn new(title: &'a str, style: Style, ambiguous: AmbiguousWidth) -> Self {
        Border {
            title,
            style,
            ambiguous,
        }
    }

    /// The area inside a border drawn around `area`: one cell in from each
    /// edge, empty when `area` is under 3 cells wide or high.
    pub fn inner(area: Rect) -> Rect {
        crate::app::layout::inner(area)
    }

    /// Draws the border around the edge of `area` (clipped to `buf`) and
    /// the title over its top edge, cut at a cluster boundary to fit
    /// between the corners. Writes no cell inside.
    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let set = match self.ambiguous {
            AmbiguousWidth::Narrow => border::PLAIN,
            AmbiguousWidth::Wide => ASCII_BORDER,
        };
        let (left, right) = (area.left(), area.right() - 1);
        let (top, bottom) = (area.top(), area.bottom() - 1);
        let mut put = |x: u16, y: u16, symbol: &str| {
            if let Some(cell) = buf.cell_mut((x, y)) {
                cell.set_symbol(symbol).set_style(self.style);
            }
        };
        for x in left..=right {
            put(x, top, set.horizontal_top);
            put(x, bottom, set.horizontal_bottom);
        }
        for y in top..=bottom {
            put(left, y, set.vertical_left);
            put(right, y, set.vertical_right);
        }
        // In a box one cell wide or high the corners fall on each other;
        // the top left one wins, as in ratatui's `Block`.
        put(right, bottom, set.bottom_right);
        put(left, bottom, set.bottom_left);
        put(right, top, set.top_right);
        put(left, top, set.top_left);
        if !self.title.is_empty() && area.width > BORDER {
            text::put(
                buf,
                left + 1,
                top,
                area.width - BORDER,
                self.title,
                self.style,
                self.ambiguous,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use ratatui::style::{Color, Modifier};
    use ratatui::widgets::{Block, Widget};

    use super::*;

    /// Draws like ratatui's `Block::bordered()` with a title and a border
    /// style, for every size from empty to 6×4, at an offset, title cut
    /// where it does not fit.
    #[test]
    fn draws_what_a_bordered_block_draws() {
        let style = Style::default()
            .fg(Color::Cyan)
            .add_modifier(Modifier::BOLD);
        for width in 0..=6 {
            for height in 0..=4 {
                let area = Rect::new(1, 1, width, height);
                let mut ours = Buffer::empty(Rect::new(0, 0, 8, 6));
                let mut theirs = ours.clone();
                Border::new("要闻x", style, AmbiguousWidth::Narrow).render(area, &mut ours);
                let block = Block::bordered().border_style(style).title("要闻x");
                let inner = block.inner(area);
                block.render(area, &mut theirs);
                // The same cells, but for the covered half of a wide
                // character, which ratatui leaves unstyled and
                // `text::put` styles (it is never drawn).
                for (i, (a, b)) in ours.content.iter().zip(&theirs.content).enumerate() {
                    let covered = i % 8 > 0 && ["要", "闻"].contains(&ours.content[i - 1].symbol());
                    if !covered {
                        assert_eq!(a, b, "{width}×{height} cell {i}");
                    }
                }
                assert_eq!(Border::inner(area), inner, "{width}×{height}");
            }
        }
    }

    #[test]
    fn wide_ambiguous_terminals_get_ascii_borders() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 3));
        Border::new("ab", Style::default(), AmbiguousWidth::Wide).render(buf.area, &mut buf);
        assert_eq!(buf, Buffer::with_lines(["+ab--+", "|    |", "+----+"]));
    }

    #[test]
    fn leaves_the_inside_alone() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 5, 4));
        buf.set_string(1, 1, "报", Style::default().fg(Color::Red));
        Border::new("", Style::default().fg(Color::Cyan), AmbiguousWidth::Narrow)
            .render(buf.area, &mut buf);
        assert_eq!(buf[(1, 1)].symbol(), "报");
        assert_eq!(buf[(1, 1)].fg, Color::Red);
        assert_eq!(buf[(2, 2)].fg, Color::Reset);
    }
}
