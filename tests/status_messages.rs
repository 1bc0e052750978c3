//! Messages in the status bar: every store notice, in its short form, fits
//! a 120-column status bar whole beside the progress and `? help`; a
//! message too long for a narrow one is cut by display width, never
//! through a wide character.

#![allow(clippy::unwrap_used)]

use std::fs;

use newsreader::app::{App, Settings};
use newsreader::edition::Fingerprint;
use newsreader::store::notice::STATUS_COLUMNS;
use newsreader::store::{Bookmark, Notice, Store};
use newsreader::typeset::{AmbiguousWidth, display_width};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;

#[path = "support/editions.rs"]
mod support;

fn app(width: u16, height: u16) -> App {
    let edition = support::edition(vec![support::article("标题", &["正文。"])]);
    let mut app = App::new(
        edition,
        Fingerprint::of_text("s"),
        Settings::default(),
        vec![],
    );
    app.resize(width, height);
    app
}

/// The bottom row of `app` drawn at `width`×`height`, each wide character
/// once.
fn status_row(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .unwrap();
    let buffer = terminal.backend().buffer();
    let mut line = String::new();
    let mut x = 0;
    while x < width {
        let symbol = buffer[(x, height - 1)].symbol();
        line.push_str(symbol);
        x += u16::try_from(symbol.width().max(1)).unwrap();
    }
    line
}

fn bookmark() -> Bookmark {
    support::plain_bookmark("b", 1)
}

/// The notices the store gives: a corrupt file moved aside (at open and at
/// a save), a newer schema, an unreadable file, a save that fails.
fn store_notices() -> Vec<Notice> {
    let mut notices = Vec::new();
    // Deep paths: the short forms must not grow with them.
    let root = tempfile::tempdir().unwrap();
    let deep = root
        .path()
        .join("a-rather-long-folder-name/another-long-one/newsreader");
    fs::create_dir_all(&deep).unwrap();
    fs::write(deep.join("bookmarks.json"), b"{ not json").unwrap();
    notices.extend(Store::open(&deep).1);
    let (mut store, _) = Store::open(&deep);
    fs::write(deep.join("bookmarks.json"), b"{ not json").unwrap();
    let _ = store.add_bookmark(&Fingerprint::of_text("e"), None, bookmark());
    notices.extend(store.take_messages());
    fs::write(
        deep.join("bookmarks.json"),
        br#"{"version": 99, "editions": {}}"#,
    )
    .unwrap();
    notices.extend(Store::open(&deep).1);
    fs::remove_file(deep.join("bookmarks.json")).unwrap();
    fs::create_dir(deep.join("bookmarks.json")).unwrap();
    notices.extend(Store::open(&deep).1);
    let blocker = root.path().join("a-file");
    fs::write(&blocker, b"not a directory").unwrap();
    let (mut store, _) = Store::open(&blocker.join("newsreader"));
    let _ = store.add_bookmark(&Fingerprint::of_text("e"), None, bookmark());
    notices.extend(store.take_messages());
    notices
}

#[test]
fn every_store_notice_fits_a_120_column_status_bar_whole() {
    let notices = store_notices();
    assert_eq!(notices.len(), 5, "{notices:?}");
    for notice in &notices {
        let columns = display_width(&notice.status, AmbiguousWidth::Narrow);
        assert!(columns <= STATUS_COLUMNS, "{columns}: {}", notice.status);
        assert!(
            !notice.status.contains(std::path::MAIN_SEPARATOR),
            "{}",
            notice.status
        );
        let mut app = app(120, 40);
        app.notify(notice.status.clone());
        // Progress (26 columns), two spaces, the message, and `? help `
        // in the last 7 columns.
        let left = format!(" article 1/1  Page 1  100%  {}", notice.status);
        let expected = format!("{left}{}? help ", " ".repeat(113 - left.width()));
        assert_eq!(status_row(&app, 120, 40), expected);
    }
}

#[test]
fn narrow_status_bar_cuts_a_message_by_display_width_not_through_a_wide_char() {
    let mut app = app(50, 16);
    app.notify("a书签已保存到文件夹中");
    // 50 columns less `? help ` (7) and a gap leave 42: the progress
    // (` article 1/1  Page 1  100%`, the whole article in view) and its gap
    // take 28, so the message gets 14: `a` and 书签已保存到 are 1 + 12 = 13,
    // and 文 would need columns 14 and 15: it is left out whole, and a
    // space pads the 14th.
    let left = " article 1/1  Page 1  100%  a书签已保存到";
    assert_eq!(left.width(), 41);
    assert_eq!(status_row(&app, 50, 16), format!("{left}  ? help "));
}
