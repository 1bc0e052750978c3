//! The library screen: one row per edition — date, title, unread count —
//! in library order (by date), the selection highlighted, the open edition
//! bold; the status bar below says how to open one.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};

use super::{border::Border, text, theme::Theme};
use crate::app::shelf::Shelf;
use crate::config;
use crate::library::LibraryEntry;
use crate::typeset::{AmbiguousWidth, display_width, truncate_with_ellipsis as truncate};

pub use crate::app::shelf::CHROME_HEIGHT;

/// Draws the library screen over the whole `area`; the shelf's message
/// (an edition that could not be opened) replaces the hint in the status
/// bar.
pub fn render(
    shelf: &Shelf,
    theme: config::Theme,
    ambiguous: AmbiguousWidth,
    area: Rect,
    buf: &mut Buffer,
) {
    let theme = Theme::of(theme);
    let [main, status] = area.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));
    let count = shelf.library().len();
    let title = match count {
        1 => "Library: 1 edition".to_owned(),
        _ => format!("Library: {count} editions"),
    };
    Border::new(&title, theme.border_focus, ambiguous).render(main, buf);
    render_entries(shelf, &theme, ambiguous, Border::inner(main), buf);
    buf.set_style(status, theme.status);
    let line = shelf
        .message
        .as_deref()
        .map_or_else(|| shelf.hint().to_owned(), |m| format!(" {m}"));
    // A message longer than the row says it goes on (`…`).
    let line = truncate(&line, usize::from(status.width), ambiguous);
    text::put(
        buf,
        status.x,
        status.y,
        status.width,
        &line,
        theme.status,
        ambiguous,
    );
    if let Some((view, scroll)) = shelf.help_view() {
        super::help::render(&view, scroll, ambiguous, area, buf);
    }
}

/// The list of editions inside the border (`inner`), scrolled so that the
/// selected one shows; or a line saying there are none.
fn render_entries(
    shelf: &Shelf,
    theme: &Theme,
    ambiguous: AmbiguousWidth,
    inner: Rect,
    buf: &mut Buffer,
) {
    let height = usize::from(inner.height);
    if height == 0 {
        return;
    }
    if shelf.library().is_empty() {
        let none = "No editions found.";
        text::put(
            buf,
            inner.x,
            inner.y,
            inner.width,
            none,
            theme.dim,
            ambiguous,
        );
        return;
    }
    if inner.width <= 2 {
        return;
    }
    let offset = crate::app::layout::scroll_offset(shelf.selected(), height);
    let entries = shelf.library().entries.iter().enumerate();
    for (y, (index, entry)) in (inner.y..inner.bottom()).zip(entries.skip(offset)) {
        let mut style = Style::default();
        if shelf.open() == Some(index) {
            style = style.add_modifier(Modifier::BOLD);
        }
        let selected = index == shelf.selected();
        if selected {
            style = style.patch(theme.selected);
        }
        let line = entry_line(entry, selected, usize::from(inner.width), ambiguous);
        buf.set_style(Rect::new(inner.x, y, inner.width, 1), style);
        text::put(buf, inner.x, y, inner.width, &line, style, ambiguous);
    }
}

/// One edition's row, `width` columns: the selection marker, the date, the
/// title (with what tells it apart from editions of the same title and
/// date, [`LibraryEntry::label`]) cut to fit, and the unread count once the
/// edition was opened.
fn entry_line(
    entry: &LibraryEntry,
    selected: bool,
    width: usize,
    ambiguous: AmbiguousWidth,
) -> String {
    let date = entry
        .date
        .map_or_else(|| "----------".to_owned(), |d| d.to_string());
    let unread = entry
        .unread
        .map(|n| format!("  {n} unread"))
        .unwrap_or_default();
    let room = width.saturating_sub(
        2 + display_width(&date, ambiguous) + 2 + display_width(&unread, ambiguous),
    );
    let marker = if selected { ">" } else { " " };
    format!(
        "{marker} {date}  {}{unread}",
        truncate(&entry.label(), room, ambiguous)
    )
}
