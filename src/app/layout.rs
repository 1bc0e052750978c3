//! Pane geometry: which panes are on screen at a terminal size, and where.
//!
//! One pure function, [`panes`], used both by the [`App`](super::App) (to
//! know the reading pane's text width and the page height) and by the
//! renderer, so the two always agree. Rules:
//! - at [`THREE_PANES`] columns or more: headlines left, reader middle,
//!   bookmarks right (when the sidebar is shown);
//! - at [`TWO_PANES`] columns or more: a list (headlines, or bookmarks while
//!   they have the focus) beside the reader;
//! - narrower: only the focused pane;
//! - below [`MIN_WIDTH`]×[`MIN_HEIGHT`]: nothing ("terminal too small").
//!
//! The bottom row is always the status bar.

use ratatui::layout::{Constraint, Layout, Rect};

/// Narrowest usable terminal, in columns.
pub const MIN_WIDTH: u16 = 20;
/// Lowest usable terminal, in rows.
pub const MIN_HEIGHT: u16 = 6;
/// From this many columns, three panes are shown side by side.
pub const THREE_PANES: u16 = 100;
/// From this many columns, a list and the reader are shown side by side.
pub const TWO_PANES: u16 = 60;

/// The cells a pane's border takes across (left and right) and down (top
/// and bottom).
pub const BORDER: u16 = 2;

/// The area inside a border drawn around `area`: one cell in from each
/// edge, empty when `area` is under 3 cells wide or high.
pub fn inner(area: Rect) -> Rect {
    let x = area.x.saturating_add(1).min(area.right());
    let y = area.y.saturating_add(1).min(area.bottom());
    Rect::new(
        x,
        y,
        area.width.saturating_sub(BORDER),
        area.height.saturating_sub(BORDER),
    )
}

/// The first entry shown of a list `height` entries high so that entry
/// `selected` is visible: the list scrolls only once the selection passes
/// the bottom. The scroll rule of every list (bookmarks, the library), for
/// entries of one row (or one slot) each: [`first_shown`] with heights 1.
pub fn scroll_offset(selected: usize, height: usize) -> usize {
    first_shown(|_| 1, selected, height)
}

/// The scroll rule for entries of several rows (`rows(i)` rows for entry
/// `i`; the headline list, whose titles take one or two): the first entry
/// shown, the latest one from which entry `selected` still ends within
/// `height` rows (entry `selected` itself when it alone is taller).
pub fn first_shown(rows: impl Fn(usize) -> usize, selected: usize, height: usize) -> usize {
    let height = height.max(1);
    let mut first = selected + 1;
    let mut used = 0;
    while first > 0 {
        let next = used + rows(first - 1);
        if next > height && first <= selected {
            break;
        }
        used = next;
        first -= 1;
    }
    first
}

/// A pane that can have the focus.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Pane {
    /// The headline list.
    #[default]
    Headlines,
    /// The reading pane.
    Reader,
    /// The bookmark sidebar.
    Bookmarks,
}

/// Where each pane is drawn; `None` for a pane not on screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Panes {
    /// The headline list, borders included.
    pub headlines: Option<Rect>,
    /// The reading pane, borders included.
    pub reader: Option<Rect>,
    /// The bookmark sidebar, borders included.
    pub bookmarks: Option<Rect>,
    /// The one-row status bar; `None` when the terminal is too small.
    pub status: Option<Rect>,
}

impl Panes {
    /// The area of `pane`, if it is on screen.
    pub fn area(&self, pane: Pane) -> Option<Rect> {
        match pane {
            Pane::Headlines => self.headlines,
            Pane::Reader => self.reader,
            Pane::Bookmarks => self.bookmarks,
        }
    }
}

/// The fewest columns the reading pane keeps (border included) when the
/// headline list asks for more.
pub const READER_MIN: u16 = 50;

/// The fewest columns of the headline list (border included).
pub const LIST_MIN: u16 = 20;

/// The width of the headline list beside the reader in a `main` columns
/// wide screen, `side` of them the sidebar's: what it `wants` (its widest
/// title, see `list::ListState`), at least [`LIST_MIN`], at most two
/// fifths of the screen and what leaves the reader [`READER_MIN`].
fn list_width(main: u16, side: u16, wants: u16) -> u16 {
    let most = (main * 2 / 5)
        .min(main.saturating_sub(side + READER_MIN))
        .max(LIST_MIN);
    wants.clamp(LIST_MIN, most)
}

/// Lays out `area` (the whole terminal) for the given focus and sidebar
/// visibility; the headline list gets the columns it `wants` when the
/// reader can spare them (`list_width`). Returns all-`None` panes below
/// [`MIN_WIDTH`]×[`MIN_HEIGHT`].
pub fn panes(area: Rect, focus: Pane, sidebar: bool, wants: u16) -> Panes {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Panes::default();
    }
    let [main, status] = area.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));
    let mut panes = Panes {
        status: Some(status),
        ..Panes::default()
    };
    let width = main.width;
    if width >= THREE_PANES {
        let side = if sidebar {
            (width / 5).clamp(20, 32)
        } else {
            0
        };
        let list = Constraint::Length(list_width(width, side, wants));
        if sidebar {
            let side = Constraint::Length(side);
            let [h, r, b] = main.layout(&Layout::horizontal([list, Constraint::Fill(1), side]));
            (panes.headlines, panes.reader, panes.bookmarks) = (Some(h), Some(r), Some(b));
        } else {
            let [h, r] = main.layout(&Layout::horizontal([list, Constraint::Fill(1)]));
            (panes.headlines, panes.reader) = (Some(h), Some(r));
        }
    } else if width >= TWO_PANES {
        let list = Constraint::Length(list_width(width, 0, wants).min(width / 2));
        let [l, r] = main.layout(&Layout::horizontal([list, Constraint::Fill(1)]));
        panes.reader = Some(r);
        if focus == Pane::Bookmarks && sidebar {
            panes.bookmarks = Some(l);
        } else {
            panes.headlines = Some(l);
        }
    } else {
        match focus {
            Pane::Headlines => panes.headlines = Some(main),
            Pane::Reader => panes.reader = Some(main),
            Pane::Bookmarks => panes.bookmarks = Some(main),
        }
    }
    panes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_terminal_shows_three_panes_that_fill_the_width() {
        // A list that wants 30 columns gets them.
        let p = panes(Rect::new(0, 0, 120, 40), Pane::Headlines, true, 30);
        let (h, r, b) = (
            p.headlines.expect("headlines"),
            p.reader.expect("reader"),
            p.bookmarks.expect("bookmarks"),
        );
        assert_eq!((h.x, h.width), (0, 30));
        assert_eq!((b.x, b.width), (96, 24));
        assert_eq!((r.x, r.width), (30, 66));
        assert_eq!(r.height, 39);
        assert_eq!(p.status, Some(Rect::new(0, 39, 120, 1)));
    }

    #[test]
    fn narrow_terminal_shows_only_the_focused_pane() {
        let p = panes(Rect::new(0, 0, 50, 16), Pane::Bookmarks, true, 30);
        assert_eq!(p.bookmarks, Some(Rect::new(0, 0, 50, 15)));
        assert_eq!((p.headlines, p.reader), (None, None));
    }

    #[test]
    fn tiny_terminal_has_no_panes() {
        assert_eq!(
            panes(Rect::new(0, 0, 19, 10), Pane::Reader, true, 30),
            Panes::default()
        );
        assert_eq!(
            panes(Rect::new(0, 0, 40, 5), Pane::Reader, true, 30),
            Panes::default()
        );
    }

    #[test]
    fn the_list_is_as_wide_as_its_widest_title_as_far_as_the_reader_can_spare() {
        let at = |width, sidebar, wants| {
            let p = panes(Rect::new(0, 0, width, 40), Pane::Headlines, sidebar, wants);
            (
                p.headlines.expect("list").width,
                p.reader.expect("reader").width,
            )
        };
        // 120 columns, no sidebar: up to two fifths for the list.
        assert_eq!(at(120, false, 55), (48, 72));
        assert_eq!(at(120, false, 30), (30, 90));
        assert_eq!(at(120, false, 8), (LIST_MIN, 100));
        // With the sidebar (24 columns), the reader keeps READER_MIN.
        assert_eq!(at(120, true, 55), (46, READER_MIN));
        // Two panes: the reader keeps READER_MIN there too.
        assert_eq!(at(80, false, 55), (30, READER_MIN));
    }

    #[test]
    fn first_shown_keeps_a_two_row_selection_whole() {
        let rows = |i: usize| if i.is_multiple_of(2) { 1 } else { 2 };
        // Rows 1+2+1+2 = 6: entry 3 ends on row 6, so a 5-row list starts
        // at entry 1 (2+1+2).
        assert_eq!(first_shown(rows, 3, 5), 1);
        assert_eq!(first_shown(rows, 3, 6), 0);
        assert_eq!(first_shown(rows, 1, 1), 1, "taller than the list: itself");
        assert_eq!(scroll_offset(5, 3), 3);
        assert_eq!(scroll_offset(1, 3), 0);
    }
}
