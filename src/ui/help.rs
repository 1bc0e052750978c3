//! The help overlay: every bound key and what it does, generated from the
//! live key map (see `keymap::Keymap::help`) and laid out for the screen by
//! [`HelpView`], in a centred box that scrolls when the screen is too low.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Clear, Widget};

use super::{border::Border, text};
use crate::app::help::HelpView;
use crate::typeset::AmbiguousWidth;

/// Draws the help overlay over `area` (the whole screen) but its last row,
/// the status bar, from line `scroll` on: the panes are cleared, all of
/// them, so that no text or border shows beside the box, which is centred
/// in the cleared area.
pub fn render(
    view: &HelpView,
    scroll: usize,
    ambiguous: AmbiguousWidth,
    area: Rect,
    buf: &mut Buffer,
) {
    let area = Rect {
        height: area.height.saturating_sub(1),
        ..area
    };
    let width = u16::try_from(view.width + 2).unwrap_or(u16::MAX);
    let height = u16::try_from(view.visible + 2).unwrap_or(u16::MAX);
    let boxed = area.centered(Constraint::Length(width), Constraint::Length(height));
    Clear.render(area, buf);
    Border::new(view.title(), Style::default(), ambiguous).render(boxed, buf);
    let inner = Border::inner(boxed);
    let scroll = scroll.min(view.max_scroll());
    for (y, line) in (inner.y..inner.bottom()).zip(view.lines.iter().skip(scroll)) {
        text::put(
            buf,
            inner.x,
            y,
            inner.width,
            line,
            Style::default(),
            ambiguous,
        );
    }
}
