//! The headline list: one row per article, its title truncated by display
//! width with [`crate::typeset::truncate_with_ellipsis`] (never by chars;
//! a cut title ends in `…`). The selected
//! entry is marked `>` and highlighted; the article open in the reader is
//! bold.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

use super::{pane_block, text};
use crate::app::{App, Pane};
use crate::typeset::truncate_with_ellipsis as truncate;

/// Draws the headline list into `area` (borders included).
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let block = pane_block(app, Pane::Headlines, "Headlines");
    let inner = block.inner(area);
    block.render(area, buf);
    let height = usize::from(inner.height);
    if height == 0 || inner.width < 3 {
        return;
    }
    let ambiguous = app.typeset_options().ambiguous;
    let offset = list_offset(app.selected(), height);
    let title_width = usize::from(inner.width) - 2;
    for (row, (index, title)) in app
        .list_titles()
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .enumerate()
    {
        let selected = index == app.selected();
        let mut style = Style::default();
        if index == app.current() {
            style = style.add_modifier(Modifier::BOLD);
        }
        if selected && app.focus() == Pane::Headlines {
            style = style.add_modifier(Modifier::REVERSED);
        }
        let marker = if selected { "> " } else { "  " };
        let line = format!("{marker}{}", truncate(title, title_width, ambiguous));
        let y = inner.y + u16::try_from(row).unwrap_or(0);
        text::put(buf, inner.x, y, inner.width, &line, style, ambiguous);
    }
}

/// The first list entry shown so that entry `selected` is visible in a list
/// `height` rows high: the list scrolls only once the selection passes the
/// bottom.
pub fn list_offset(selected: usize, height: usize) -> usize {
    (selected + 1).saturating_sub(height.max(1))
}
