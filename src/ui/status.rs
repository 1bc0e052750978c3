//! The status bar: `article i/N`, the page, the percentage of the article
//! read, `match i/N` during a search, the transient message (store
//! warnings, "bookmark added") and `? help`; and the search prompt, which
//! takes its row while open.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;

use super::{prompt, text, theme::Theme};
use crate::app::App;
use crate::typeset::{display_width, truncate};

/// The hint at the right end of the status bar.
pub const HELP_HINT: &str = "? help ";

/// The prompt's lead-in.
pub const PROMPT: &str = "/";

/// The left part of the status bar: ` article 2/4  第1版 要闻  37%`, then
/// `match 3/17` while a search is active, and `edition 2/3` in a library.
pub fn progress(app: &App) -> String {
    let count = app.list_titles().len();
    if count == 0 {
        return " no articles".to_owned();
    }
    let mut line = format!(" article {}/{}", app.current() + 1, count);
    if let Some(page) = app.page_of(app.current()) {
        line.push_str("  ");
        line.push_str(app.page_label(page));
    }
    line.push_str(&format!("  {}%", app.percent_read()));
    if let Some(matches) = app.match_status() {
        line.push_str("  ");
        line.push_str(&matches);
    }
    if let Some((index, editions)) = app.edition_place() {
        line.push_str(&format!("  edition {}/{editions}", index + 1));
    }
    line
}

/// Draws the search prompt over the status bar: `/` and the text typed,
/// the end kept in view when it is longer than the row (see
/// [`prompt::visible_tail`]), then the match counter.
pub fn render_prompt(app: &App, area: Rect, buf: &mut Buffer) {
    let ambiguous = app.typeset_options().ambiguous;
    let theme = Theme::of(app.theme());
    for x in area.left()..area.right() {
        if let Some(cell) = buf.cell_mut((x, area.y)) {
            cell.reset();
        }
    }
    let (shown, counter) = prompt_layout(app, area);
    let line = format!("{PROMPT}{shown}");
    let used = text::put(
        buf,
        area.x,
        area.y,
        area.width,
        &line,
        theme.prompt,
        ambiguous,
    );
    text::put(
        buf,
        area.x + used,
        area.y,
        area.width - used,
        &counter,
        Style::default(),
        ambiguous,
    );
}

/// Where the cursor goes in the search prompt: after the text shown.
pub fn prompt_cursor(app: &App, area: Rect) -> Position {
    let ambiguous = app.typeset_options().ambiguous;
    let (shown, _) = prompt_layout(app, area);
    let column = display_width(PROMPT, ambiguous) + display_width(shown, ambiguous);
    let x = area
        .x
        .saturating_add(u16::try_from(column).unwrap_or(u16::MAX));
    Position::new(x.min(area.right().saturating_sub(1)), area.y)
}

/// The end of the typed query that fits, and the counter (`  [match 1/3]`)
/// after it.
fn prompt_layout(app: &App, area: Rect) -> (&str, String) {
    let ambiguous = app.typeset_options().ambiguous;
    let typed = app.prompt().unwrap_or_default();
    let counter = app
        .match_status()
        .map(|m| format!("  [{m}]"))
        .unwrap_or_default();
    let room = usize::from(area.width)
        .saturating_sub(display_width(PROMPT, ambiguous) + display_width(&counter, ambiguous) + 1);
    (prompt::visible_tail(typed, room, ambiguous), counter)
}

/// Draws the status bar into the one-row `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let ambiguous = app.typeset_options().ambiguous;
    let style = Theme::of(app.theme()).status;
    buf.set_style(area, style);
    let width = usize::from(area.width);
    let left = progress(app);
    let hint_width = display_width(HELP_HINT, ambiguous);
    let mut line = left;
    if let Some(message) = app.message() {
        line.push_str("  ");
        line.push_str(message);
    }
    let room = width.saturating_sub(hint_width + 1);
    let line = truncate(&line, room, ambiguous);
    let used = text::put(buf, area.x, area.y, area.width, &line, style, ambiguous);
    let hint_x = area
        .right()
        .saturating_sub(u16::try_from(hint_width).unwrap_or(0));
    if hint_x >= area.x + used {
        text::put(
            buf,
            hint_x,
            area.y,
            area.right() - hint_x,
            HELP_HINT,
            style,
            ambiguous,
        );
    }
}
