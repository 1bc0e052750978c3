//! The bookmark sidebar: the current edition's bookmarks, two rows each —
//! the note (when it has one) and the article title, then the snippet —
//! truncated by display width with `…`. A snippet the store cut from a
//! longer paragraph ends in `…` too ([`with_cut_mark`]). The selected bookmark is marked `>` and
//! highlighted while the sidebar has the focus. The title says the order
//! (by position in the edition, or by time).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use super::{border::Border, pane_border, text, theme::Theme};
use crate::app::layout::scroll_offset;
use crate::app::{App, Pane};
use unicode_segmentation::UnicodeSegmentation as _;

use crate::store::anchor::SNIPPET_GRAPHEMES;
use crate::store::order::Order;
use crate::typeset::truncate_with_ellipsis as truncate;

/// The empty sidebar's lines, naming the bookmark key as bound.
pub fn empty_lines(app: &App) -> Vec<String> {
    let mut lines = vec!["No bookmarks yet.".to_owned()];
    if let Some(key) = app.hint_key(crate::app::Action::ToggleBookmark) {
        lines.push(format!("Press {key} to add one."));
    }
    lines
}

/// The sidebar's title for each order.
pub fn title(order: Order) -> &'static str {
    match order {
        Order::Position => "Bookmarks by place",
        Order::Time => "Bookmarks by time",
    }
}

/// Draws the bookmark sidebar into `area` (borders included).
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    pane_border(app, Pane::Bookmarks, title(app.bookmark_order())).render(area, buf);
    let inner = Border::inner(area);
    if inner.height == 0 || inner.width < 3 {
        return;
    }
    let ambiguous = app.typeset_options().ambiguous;
    let width = usize::from(inner.width) - 2;
    if app.bookmarks().is_empty() {
        let dim = Theme::of(app.theme()).dim;
        for (y, line) in (inner.y..inner.bottom()).zip(&empty_lines(app)) {
            text::put(buf, inner.x, y, inner.width, line, dim, ambiguous);
        }
        return;
    }
    let per_page = usize::from(inner.height / 2).max(1);
    let offset = scroll_offset(app.bookmark_selected(), per_page);
    for (slot, (index, bookmark)) in app
        .bookmarks()
        .iter()
        .enumerate()
        .skip(offset)
        .take(per_page)
        .enumerate()
    {
        let selected = index == app.bookmark_selected();
        let mut style = Style::default();
        if selected && app.focus() == Pane::Bookmarks {
            style = style.patch(Theme::of(app.theme()).selected);
        }
        let marker = if selected { "> " } else { "  " };
        let heading = match &bookmark.note {
            Some(note) => format!("{note} · {}", bookmark.article_title),
            None => bookmark.article_title.clone(),
        };
        let title = format!("{marker}{}", truncate(&heading, width, ambiguous));
        let snippet = if app.bookmark_found(index) {
            with_cut_mark(&bookmark.snippet)
        } else if app.loading().is_some() {
            // Its article may be on a page not parsed yet.
            format!("(loading) {}", with_cut_mark(&bookmark.snippet))
        } else {
            format!("(not found) {}", with_cut_mark(&bookmark.snippet))
        };
        let snippet = format!("  {}", truncate(&snippet, width, ambiguous));
        let y = inner.y + u16::try_from(slot * 2).unwrap_or(0);
        text::put(
            buf,
            inner.x,
            y,
            inner.width,
            &title,
            style.add_modifier(Modifier::BOLD),
            ambiguous,
        );
        text::put(buf, inner.x, y + 1, inner.width, &snippet, style, ambiguous);
    }
}

/// `snippet` with `…` after it when the store cut it from longer text: it
/// holds [`SNIPPET_GRAPHEMES`] clusters, or one fewer (a space at the cut
/// is trimmed). A shorter snippet is a paragraph's whole end and is shown
/// as it is.
pub fn with_cut_mark(snippet: &str) -> String {
    if snippet.graphemes(true).count() + 1 >= SNIPPET_GRAPHEMES {
        format!("{snippet}…")
    } else {
        snippet.to_owned()
    }
}
