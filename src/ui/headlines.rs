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
use crate::app::list::TITLE_INDENT;
use crate::app::{App, ListRow, Pane};
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
    if inner.height == 0 || inner.width < 4 {
        return;
    }
    let theme = Theme::of(app.theme());
    let ambiguous = app.typeset_options().ambiguous;
    let entries = app.list_view(usize::from(inner.width), usize::from(inner.height));
    let mut y = inner.y;
    for entry in entries {
        let rows = u16::try_from(entry.lines.len()).unwrap_or(1);
        let height = rows.min(inner.bottom().saturating_sub(y));
        let area = Rect::new(inner.x, y, inner.width, height);
        match entry.row {
            ListRow::Page(_) => {
                let label = entry.lines.first().map_or("", String::as_str);
                let label = truncate(label, usize::from(inner.width), ambiguous);
                let style = theme.page_header;
                text::put(buf, area.x, area.y, area.width, &label, style, ambiguous);
            }
            ListRow::Article(index) => render_article(app, &theme, index, &entry.lines, area, buf),
        }
        y = y.saturating_add(rows);
    }
}

/// One article's rows (`area`, one per title line): marker, unread mark and
/// the title's first line, then its second line under it; the match count
/// at the right of the first row.
fn render_article(
    app: &App,
    theme: &Theme,
    index: usize,
    lines: &[String],
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
        let unread = style.patch(theme.unread);
        text::put(
            buf,
            area.x + 1,
            area.y,
            1,
            unread_mark(ambiguous),
            unread,
            ambiguous,
        );
    }
    let indent = u16::try_from(TITLE_INDENT).unwrap_or(2);
    for (y, line) in (area.y..area.bottom()).zip(lines) {
        let room = area.width.saturating_sub(indent);
        text::put(buf, area.x + indent, y, room, line, style, ambiguous);
    }
    if let Some(count) = app.list_count(index) {
        let width = u16::try_from(display_width(&count, ambiguous)).unwrap_or(0);
        let x = area.right().saturating_sub(width);
        let count_style = style.patch(theme.count);
        text::put(
            buf,
            x,
            area.y,
            area.right() - x,
            &count,
            count_style,
            ambiguous,
        );
    }
}
