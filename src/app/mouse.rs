//! The mouse, when `mouse = true` in the config: the wheel scrolls the pane
//! under the pointer, a click on a headline opens it (one click, as there
//! is no double click in a terminal: newsboat opens on Enter, but a click
//! is the pointer's Enter), a click on a bookmark jumps to it, and a click
//! in the reading pane gives it the focus.

use super::{App, Pane, layout::Panes};
use ratatui::layout::{Position, Rect};

/// A mouse event in terminal cells (column, row from the top left),
/// mapped from the terminal's event by `keymap::Keymap::mouse_input`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MouseInput {
    /// Wheel down (content moves up) at (column, row).
    WheelDown(u16, u16),
    /// Wheel up at (column, row).
    WheelUp(u16, u16),
    /// Left button pressed at (column, row).
    Click(u16, u16),
}

/// How many rows one wheel notch scrolls.
pub const WHEEL_ROWS: isize = 3;

impl App {
    /// Carries out a mouse event (nothing while the help overlay or a
    /// prompt is open); on the library screen, the shelf's. Returns the I/O
    /// the event loop must do (a click on an edition opens it).
    pub fn mouse(&mut self, input: MouseInput) -> Option<super::Effect> {
        self.message = None;
        if self.mode() == super::Mode::Library {
            let effect = self.shelf.as_mut()?.mouse(input);
            return Self::library_effect(effect);
        }
        if self.mode() != super::Mode::Reading {
            return None;
        }
        let (column, row, wheel) = match input {
            MouseInput::WheelDown(c, r) => (c, r, WHEEL_ROWS),
            MouseInput::WheelUp(c, r) => (c, r, -WHEEL_ROWS),
            MouseInput::Click(c, r) => (c, r, 0),
        };
        let (pane, area) = pane_at(&self.panes(), column, row)?;
        if wheel != 0 {
            let focus = std::mem::replace(&mut self.focus, pane);
            self.move_by(wheel);
            self.focus = focus;
        } else {
            self.click(pane, area, row);
        }
        self.refresh();
        None
    }

    fn click(&mut self, pane: Pane, area: Rect, row: u16) {
        self.focus = pane;
        let inner_row = usize::from(row.saturating_sub(area.y + 1));
        if row <= area.y || row + 1 >= area.bottom() {
            return;
        }
        match pane {
            Pane::Headlines => {
                if let Some(article) = self.article_at_list_row(inner_row) {
                    self.list.selected = article;
                    self.open_selected();
                }
            }
            Pane::Bookmarks => {
                let per_page = usize::from(super::layout::inner(area).height / 2).max(1);
                let offset = super::layout::scroll_offset(self.sidebar.selected, per_page);
                let index = offset + inner_row / 2;
                if index < self.sidebar.bookmarks.len() {
                    self.sidebar.selected = index;
                    self.open_selected();
                }
            }
            Pane::Reader => {}
        }
    }
}

/// The pane at (`column`, `row`), with its area.
fn pane_at(panes: &Panes, column: u16, row: u16) -> Option<(Pane, Rect)> {
    [Pane::Headlines, Pane::Reader, Pane::Bookmarks]
        .into_iter()
        .filter_map(|p| panes.area(p).map(|a| (p, a)))
        .find(|(_, a)| a.contains(Position::new(column, row)))
}
