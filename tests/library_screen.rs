//! The library screen drawn into a buffer: its `?` help overlay, generated
//! from the same key table as the reader's but listing only what the
//! library screen does.

#![allow(clippy::unwrap_used)]

use newsreader::app::Action;
use newsreader::app::shelf::{Shelf, ShelfEffect};
use newsreader::config::Theme;
use newsreader::keymap::Keymap;
use newsreader::library::{Library, LibraryEntry};
use newsreader::typeset::AmbiguousWidth;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

fn shelf() -> Shelf {
    let entries = ["早报", "晚报"]
        .iter()
        .map(|title| LibraryEntry {
            path: format!("{title}.txt").into(),
            title: (*title).to_owned(),
            date: None,
            date_source: None,
            unread: None,
            articles: None,
            detail: None,
        })
        .collect();
    let mut shelf = Shelf::new(Library {
        entries,
        ..Library::default()
    });
    shelf.set_help(Keymap::default().library_help());
    shelf.set_hint(Keymap::default().library_hint());
    shelf.width = 60;
    shelf.height = 20 - 3;
    shelf
}

#[track_caller]
fn draw(shelf: &Shelf) -> Buffer {
    let area = Rect::new(0, 0, 60, 20);
    let mut buf = Buffer::empty(area);
    newsreader::ui::library::render(
        shelf,
        Theme::default(),
        AmbiguousWidth::Narrow,
        area,
        &mut buf,
    );
    buf
}

/// The text of row `y` from column `x` on, `width` cells, skipping the
/// blank cell after each wide character.
fn cells(buf: &Buffer, x: u16, y: u16, width: u16) -> String {
    let mut out = String::new();
    let mut skip = false;
    for at in x..x + width {
        let symbol = buf[(at, y)].symbol();
        if !std::mem::take(&mut skip) {
            out.push_str(symbol);
        }
        skip = unicode_width::UnicodeWidthStr::width(symbol) > 1;
    }
    out
}

#[test]
fn question_mark_on_the_library_screen_lists_the_library_keys() {
    let mut shelf = shelf();
    assert_eq!(shelf.update(Action::Help), None);
    let buf = draw(&shelf);
    // Keys column: "Space, PageDown" (15) and two spaces; the widest line,
    // "k, ↑, {" padded to 17 + "previous edition in the list" (28), is
    // 45 columns, so the box is 47 wide and 12 lines + 2 borders high:
    // rows 3..17 of 20, centred.
    let top = (0..20)
        .find(|&y| cells(&buf, 0, y, 60).contains("┌Keys"))
        .unwrap();
    assert_eq!(top, 3);
    let left = (0..60u16).find(|&x| buf[(x, top)].symbol() == "┌").unwrap();
    let expected = [
        "┌Keys─────────────────────────────────────────┐",
        "│q, Ctrl-C        quit                        │",
        "│j, ↓, }          next edition in the list    │",
        "│k, ↑, {          previous edition in the list│",
        "│Enter            open the selected edition   │",
        "│Space, PageDown  page down                   │",
        "│PageUp           page up                     │",
        "│g, Home          first edition               │",
        "│G, End           last edition                │",
        "│?                this help                   │",
        "│Esc              close help                  │",
        "│Ctrl-L           redraw the screen           │",
        "│Ctrl-Z           suspend (fg brings it back) │",
        "└─────────────────────────────────────────────┘",
    ];
    for (row, line) in expected.iter().enumerate() {
        let y = top + u16::try_from(row).unwrap();
        assert_eq!(cells(&buf, left, y, 47), *line, "row {y}");
    }
    // The list is cleared under the overlay, its border too.
    assert!(cells(&buf, 0, 0, 60).trim().is_empty());
    // Esc closes the overlay; the list is as it was.
    shelf.update(Action::Close);
    let buf = draw(&shelf);
    assert!(!(0..20).any(|y| cells(&buf, 0, y, 60).contains("Keys")));
    assert!(cells(&buf, 0, 0, 60).contains("Library: 2 editions"));
    assert!(cells(&buf, 0, 19, 60).contains("? help"));
}

#[test]
fn ctrl_c_quits_from_the_library_help_and_list() {
    let mut shelf = shelf();
    let map = Keymap::default();
    let ctrl_c = crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Char('c'),
        crossterm::event::KeyModifiers::CONTROL,
    );
    let exit = map.action(&ctrl_c).unwrap();
    shelf.update(Action::Help);
    assert_eq!(shelf.update(exit), Some(ShelfEffect::Quit));
    assert_eq!(shelf.update(exit), Some(ShelfEffect::Quit));
}

#[test]
fn the_library_hint_names_the_keys_as_bound() {
    assert_eq!(
        Keymap::default().library_hint(),
        " Enter open  j/k move  { } previous/next  ? help  q quit"
    );
    let mut bindings = Keymap::default().to_bindings();
    bindings.insert("help".to_owned(), vec!["h".parse().unwrap()]);
    bindings.insert("quit".to_owned(), vec!["x".parse().unwrap()]);
    let hint = Keymap::from_bindings(&bindings).library_hint();
    assert_eq!(
        hint,
        " Enter open  j/k move  { } previous/next  h help  x quit"
    );
}

#[test]
fn a_message_longer_than_the_status_row_ends_in_an_ellipsis() {
    let mut shelf = shelf();
    shelf.message = Some(
        "/tmp/a-long-directory/with-a-long-name/bin.txt: binary file, not a text edition"
            .to_owned(),
    );
    let buf = draw(&shelf);
    let status = cells(&buf, 0, 19, 60);
    assert!(status.ends_with('…'), "{status:?}");
    assert!(status.starts_with(" /tmp/a-long-directory"), "{status:?}");
}
