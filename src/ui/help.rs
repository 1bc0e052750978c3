//! The help overlay: every bound key and what it does, generated from the
//! key map (see `keymap::Keymap::help`), in a centred box.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Block, Clear, Widget};

use super::{ASCII_BORDER, text};
use crate::app::HelpEntry;
use crate::typeset::{AmbiguousWidth, display_width, truncate};

/// The help box's title.
pub const TITLE: &str = "Keys (Esc or ? closes)";

/// Draws the help overlay over `area` (the whole screen), from entry
/// `scroll` on when the box is too low to show every entry.
pub fn render(
    entries: &[HelpEntry],
    scroll: usize,
    ambiguous: AmbiguousWidth,
    area: Rect,
    buf: &mut Buffer,
) {
    let keys_width = entries
        .iter()
        .map(|e| display_width(&e.keys, ambiguous))
        .max()
        .unwrap_or(0);
    let lines: Vec<String> = entries
        .iter()
        .map(|e| {
            format!(
                "{}  {}",
                truncate(&e.keys, keys_width, ambiguous),
                e.description
            )
        })
        .collect();
    let content_width = lines
        .iter()
        .map(|l| display_width(l, ambiguous))
        .chain([display_width(TITLE, ambiguous)])
        .max()
        .unwrap_or(0);
    let width = u16::try_from(content_width + 2).unwrap_or(u16::MAX);
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let boxed = area.centered(Constraint::Length(width), Constraint::Length(height));
    Clear.render(boxed, buf);
    let mut block = Block::bordered().title(TITLE);
    if ambiguous == AmbiguousWidth::Wide {
        block = block.border_set(ASCII_BORDER);
    }
    let inner = block.inner(boxed);
    block.render(boxed, buf);
    let scroll = scroll.min(lines.len().saturating_sub(usize::from(inner.height)));
    for (y, line) in (inner.y..inner.bottom()).zip(lines.iter().skip(scroll)) {
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
