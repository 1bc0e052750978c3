//! The colour themes: one [`Theme`] of styles that every widget draws with,
//! made from the config's `theme` (`dark`, `light`, `mono`).
//!
//! `mono` uses no colour at all, only bold, reverse, underline and dim, so
//! that with `NO_COLOR` set (which forces it, see <https://no-color.org>)
//! no colour escape code reaches the terminal.

use ratatui::style::{Color, Modifier, Style};

use crate::config;

/// The styles of every part of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Borders of panes without the focus.
    pub border: Style,
    /// Borders of the pane with the focus.
    pub border_focus: Style,
    /// Page header rows of the headline list (`第1版 要闻`).
    pub page_header: Style,
    /// The selected row of a focused list.
    pub selected: Style,
    /// The unread mark before a headline.
    pub unread: Style,
    /// The match counts in the headline list.
    pub count: Style,
    /// A search match in the reading pane.
    pub highlight: Style,
    /// The current search match.
    pub current_match: Style,
    /// The status bar.
    pub status: Style,
    /// The search prompt row.
    pub prompt: Style,
    /// Dimmed text (empty sidebar, credits, captions).
    pub dim: Style,
}

impl Theme {
    /// The styles of `theme`.
    pub fn of(theme: config::Theme) -> Self {
        let bold = Style::default().add_modifier(Modifier::BOLD);
        let reversed = Style::default().add_modifier(Modifier::REVERSED);
        let dim = Style::default().add_modifier(Modifier::DIM);
        match theme {
            config::Theme::Dark => Theme {
                border: Style::default().fg(Color::DarkGray),
                border_focus: bold.fg(Color::Cyan),
                page_header: bold.fg(Color::Yellow),
                selected: reversed,
                unread: bold.fg(Color::Cyan),
                count: Style::default().fg(Color::Yellow),
                highlight: Style::default().fg(Color::Black).bg(Color::Yellow),
                current_match: bold.fg(Color::Black).bg(Color::LightRed),
                status: reversed,
                prompt: bold,
                dim,
            },
            config::Theme::Light => Theme {
                border: Style::default().fg(Color::Gray),
                border_focus: bold.fg(Color::Blue),
                page_header: bold.fg(Color::Magenta),
                selected: reversed,
                unread: bold.fg(Color::Blue),
                count: Style::default().fg(Color::Magenta),
                highlight: Style::default().fg(Color::Black).bg(Color::LightYellow),
                current_match: bold.fg(Color::White).bg(Color::Red),
                status: reversed,
                prompt: bold,
                dim,
            },
            config::Theme::Mono => Theme {
                border: dim,
                border_focus: bold,
                page_header: bold.add_modifier(Modifier::UNDERLINED),
                selected: reversed,
                unread: bold,
                count: bold,
                highlight: Style::default().add_modifier(Modifier::UNDERLINED),
                current_match: reversed.add_modifier(Modifier::BOLD),
                status: reversed,
                prompt: bold,
                dim,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mono_theme_has_no_colour_anywhere() {
        let t = Theme::of(config::Theme::Mono);
        for style in [
            t.border,
            t.border_focus,
            t.page_header,
            t.selected,
            t.unread,
            t.count,
            t.highlight,
            t.current_match,
            t.status,
            t.prompt,
            t.dim,
        ] {
            assert_eq!((style.fg, style.bg), (None, None), "{style:?}");
        }
    }
}
