//! The status bar: `article i/N`, the percentage of the article read, the
//! transient message (store warnings, "bookmark added") and `? help`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use super::text;
use crate::app::App;
use crate::typeset::{display_width, truncate};

/// The hint at the right end of the status bar.
pub const HELP_HINT: &str = "? help ";

/// The left part of the status bar: ` article 2/4  37%`.
pub fn progress(app: &App) -> String {
    let count = app.list_titles().len();
    if count == 0 {
        return " no articles".to_owned();
    }
    format!(
        " article {}/{}  {}%",
        app.current() + 1,
        count,
        app.percent_read()
    )
}

/// Draws the status bar into the one-row `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let ambiguous = app.typeset_options().ambiguous;
    let style = Style::default().add_modifier(Modifier::REVERSED);
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
