//! Rendering: draws an [`App`] into a ratatui buffer. Render only — no I/O
//! and no state changes.
//!
//! The panes come from [`crate::app::layout::panes`], the same function the
//! app uses, so the reading pane is drawn at exactly the width the article
//! was set at. Text is placed cell by cell with the typesetter's widths
//! ([`text::put`]); ratatui's own wrapping is never used for article text.

pub mod bookmarks;
pub mod border;
pub mod headlines;
pub mod help;
pub mod library;
pub mod prompt;
pub mod reader;
pub mod status;
pub mod text;
pub mod theme;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use crate::app::{App, Mode, Pane};
use border::Border;

/// The message shown when the terminal is below the minimum size.
pub const TOO_SMALL: &str = "terminal too small";

/// The same message for terminals narrower than [`TOO_SMALL`].
pub const TOO_SMALL_SHORT: &str = "too small";

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if self.mode() == Mode::Library
            && let Some(shelf) = self.shelf()
        {
            let ambiguous = self.typeset_options().ambiguous;
            library::render(shelf, self.theme(), ambiguous, area, buf);
            return;
        }
        let panes = self.panes_in(area, self.focus());
        let Some(status) = panes.status else {
            render_too_small(self, area, buf);
            return;
        };
        if let Some(area) = panes.headlines {
            headlines::render(self, area, buf);
        }
        if let Some(area) = panes.reader {
            reader::render(self, area, buf);
        }
        if let Some(area) = panes.bookmarks {
            bookmarks::render(self, area, buf);
        }
        match (self.note_input(), self.prompt()) {
            (Some(input), _) => prompt::render(
                prompt::NOTE_LABEL,
                input.text(),
                self.typeset_options().ambiguous,
                status,
                buf,
            ),
            (None, Some(_)) => status::render_prompt(self, status, buf),
            (None, None) => status::render(self, status, buf),
        }
        if let Some(view) = self.help_view() {
            help::render(
                &view,
                self.help_scroll(),
                self.typeset_options().ambiguous,
                area,
                buf,
            );
        }
    }
}

/// Where the terminal cursor goes when `app` is drawn into `area`: in the
/// prompt while one is open, else nowhere (hidden).
pub fn cursor(app: &App, area: Rect) -> Option<ratatui::layout::Position> {
    if app.mode() == Mode::Library {
        return None;
    }
    let status = app.panes_in(area, app.focus()).status?;
    if app.prompt().is_some() && app.note_input().is_none() {
        return Some(status::prompt_cursor(app, status));
    }
    let input = app.note_input()?;
    Some(prompt::cursor(
        prompt::NOTE_LABEL,
        input.text(),
        app.typeset_options().ambiguous,
        status,
    ))
}

fn render_too_small(app: &App, area: Rect, buf: &mut Buffer) {
    let ambiguous = app.typeset_options().ambiguous;
    let message = if usize::from(area.width) < TOO_SMALL.len() {
        TOO_SMALL_SHORT
    } else {
        TOO_SMALL
    };
    let width = crate::typeset::display_width(message, ambiguous);
    let x = area.x + u16::try_from(usize::from(area.width).saturating_sub(width) / 2).unwrap_or(0);
    let y = area.y + area.height / 2;
    text::put(
        buf,
        x,
        y,
        area.right().saturating_sub(x),
        message,
        Style::default(),
        ambiguous,
    );
}

/// A pane's frame: bordered, titled, highlighted when it has the focus
/// (ASCII when East Asian Ambiguous characters are drawn wide: see
/// [`Border::new`]).
pub fn pane_border<'a>(app: &App, pane: Pane, title: &'a str) -> Border<'a> {
    let theme = theme::Theme::of(app.theme());
    let style = if app.focus() == pane {
        theme.border_focus
    } else {
        theme.border
    };
    Border::new(title, style, app.typeset_options().ambiguous)
}
