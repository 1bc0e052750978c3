//! The headline list, laid out like a newspaper: a header row per page
//! (`第1版 要闻`) and the page's articles under it (see
//! [`crate::app::list`]). Each article row is a marker (`>` for the
//! selection), the unread mark ([`unread_mark`]), the title truncated by display
//! width with [`crate::typeset::truncate_with_ellipsis`] (never by chars),
//! and while a search is active the article's match count at the right.
//! The selected entry is highlighted; the article open in the reader is
//! bold.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use super::{border::Border, pane_border, text, theme::Theme};
use crate::app::{App, ListRow, Pane, list::rows_offset};
use crate::typeset::{AmbiguousWidth, display_width, truncate_with_ellipsis as truncate};

/// The mark before an unread headline (read ones get a space), when East
/// Asian Ambiguous characters are drawn narrow.
pub const UNREAD: &str = "•";

/// The mark before an unread headline (read ones get a space), when East
/// Asian Ambiguous characters are drawn wide: `•` (U+2022) is Ambiguous
/// (UAX #11) and would need two columns, one more than the mark's slot.
pub const UNREAD_ASCII: &str = "*";

/// The unread mark for `ambiguous`: one column in either setting.
pub fn unread_mark(ambiguous: AmbiguousWidth) -> &'static str {
    match ambiguous {
        AmbiguousWidth::Narrow => UNREAD,
        AmbiguousWidth::Wide => UNREAD_ASCII,
    }
}

/// Draws the headline list into `area` (borders included).
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let title = if app.filter_on() {
        "Headlines (matching)"
    } else {
        "Headlines"
    };
    pane_border(app, Pane::Headlines, title).render(area, buf);
    let inner = Border::inner(area);
    let height = usize::from(inner.height);
    if height == 0 || inner.width < 4 {
        return;
    }
    let theme = Theme::of(app.theme());
    let ambiguous = app.typeset_options().ambiguous;
    let rows = app.list_rows();
    let offset = rows_offset(&rows, app.selected(), height);
    let titles = app.list_titles();
    for (slot, row) in rows.iter().skip(offset).take(height).enumerate() {
        let y = inner.y + u16::try_from(slot).unwrap_or(0);
        match *row {
            ListRow::Page(page) => {
                let label = truncate(app.page_label(page), usize::from(inner.width), ambiguous);
                text::put(
                    buf,
                    inner.x,
                    y,
                    inner.width,
                    &label,
                    theme.page_header,
                    ambiguous,
                );
            }
            ListRow::Article(index) => {
                let title = titles.get(index).map_or("", String::as_str);
                render_article(
                    app,
                    &theme,
                    index,
                    title,
                    Rect::new(inner.x, y, inner.width, 1),
                    buf,
                );
            }
        }
    }
}

/// One article row: marker, unread mark, title, match count.
fn render_article(
    app: &App,
    theme: &Theme,
    index: usize,
    title: &str,
    area: Rect,
    buf: &mut Buffer,
) {
    let ambiguous = app.typeset_options().ambiguous;
    let selected = index == app.selected();
    let mut style = Style::default();
    if index == app.current() {
        style = style.add_modifier(Modifier::BOLD);
    }
    if selected && app.focus() == Pane::Headlines {
        style = style.patch(theme.selected);
    }
    buf.set_style(area, style);
    let marker = if selected { ">" } else { " " };
    text::put(buf, area.x, area.y, 1, marker, style, ambiguous);
    if !app.is_read(index) {
        text::put(
            buf,
            area.x + 1,
            area.y,
            1,
            unread_mark(ambiguous),
            style.patch(theme.unread),
            ambiguous,
        );
    }
    let count = app.search_active().then(|| app.matches().count_in(index));
    let count_text = count.filter(|&c| c > 0).map(|c| format!(" {c}"));
    let count_width = count_text
        .as_deref()
        .map_or(0, |c| display_width(c, ambiguous));
    let room = usize::from(area.width).saturating_sub(2 + count_width);
    let title = truncate(title, room, ambiguous);
    text::put(
        buf,
        area.x + 2,
        area.y,
        area.width.saturating_sub(2),
        &title,
        style,
        ambiguous,
    );
    if let Some(count_text) = count_text {
        let x = area
            .right()
            .saturating_sub(u16::try_from(count_width).unwrap_or(0));
        text::put(
            buf,
            x,
            area.y,
            area.right() - x,
            &count_text,
            style.patch(theme.count),
            ambiguous,
        );
    }
}
