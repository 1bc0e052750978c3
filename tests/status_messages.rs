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
    app.set_help(newsreader::keymap::Keymap::default().help());
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
        let left = format!(" article 1/1  Page 1  All  {}", notice.status);
        let expected = format!("{left}{}? help ", " ".repeat(113 - left.width()));
        assert_eq!(status_row(&app, 120, 40), expected);
    }
}

#[test]
fn narrow_status_bar_cuts_a_message_by_display_width_not_through_a_wide_char() {
    let mut app = app(50, 16);
    app.notify("书签已保存到文件夹中，请稍后再试一次吧");
    // 50 columns less `? help ` (7) and a gap leave 42. ` article 1/1`
    // (12) comes first, then the message (rank 1) with its gap: 28 columns
    // for 38 of message, so it is cut with `…` (1 column) after 27 columns:
    // 13 characters are 26, and the 14th would need columns 27 and 28. The
    // percentage and the page no longer fit and are left out whole.
    let left = " article 1/1  书签已保存到文件夹中，请稍…";
    assert_eq!(left.width(), 41);
    assert_eq!(status_row(&app, 50, 16), format!("{left}  ? help "));
}

/// `app` with its page labelled `第1版 要闻`, as edition 3 of a library of 8.
fn library_app(width: u16, height: u16) -> App {
    let mut edition = support::edition(vec![support::article("标题", &["正文。"])]);
    edition.pages[0].label = Some("第1版 要闻".to_owned());
    let mut app = App::new(
        edition,
        Fingerprint::of_text("l"),
        Settings::default(),
        vec![],
    );
    app.set_help(newsreader::keymap::Keymap::default().help());
    app.set_edition_place(2, 8);
    app.resize(width, height);
    app
}

#[test]
fn wide_status_bar_shows_every_field() {
    let app = library_app(120, 40);
    let left = " article 1/1  第1版 要闻  All  edition 3/8";
    assert_eq!(
        status_row(&app, 120, 40),
        format!("{left}{}? help ", " ".repeat(113 - left.width()))
    );
}

#[test]
fn status_bar_at_49_columns_drops_the_page_whole_and_keeps_the_edition() {
    let app = library_app(49, 16);
    // Room 41. All fields take 12 + 12 (page, 10 columns) + 5 + 13 = 42: one
    // too many, so the least important, the page (shown in the headline
    // list too), goes; `edition 3/8` stays whole.
    let left = " article 1/1  All  edition 3/8";
    assert_eq!(left.width(), 30);
    assert_eq!(
        status_row(&app, 49, 16),
        format!("{left}{}? help ", " ".repeat(42 - 30))
    );
}

#[test]
fn status_bar_at_30_columns_keeps_article_place_and_a_short_message() {
    let mut app = library_app(30, 16);
    // Room 22: ` article 1/1` (12) and `  All` (5); `edition 3/8` (13 with
    // its gap) and the page (12) do not fit.
    let left = " article 1/1  All";
    assert_eq!(
        status_row(&app, 30, 16),
        format!("{left}{}? help ", " ".repeat(23 - 17))
    );
    // A message outranks the place: `saved` (7 with its gap) leaves 3
    // columns, too few for `  All`.
    app.notify("saved");
    let left = " article 1/1  saved";
    assert_eq!(
        status_row(&app, 30, 16),
        format!("{left}{}? help ", " ".repeat(23 - 19))
    );
}

#[test]
fn the_help_hint_names_the_help_key_as_bound() {
    let mut bindings = newsreader::keymap::Keymap::default().to_bindings();
    bindings.insert("help".to_owned(), vec!["F1".parse().unwrap()]);
    let keymap = newsreader::keymap::Keymap::from_bindings(&bindings);
    let mut app = app(120, 40);
    app.set_help(keymap.help());
    let row = status_row(&app, 120, 40);
    assert!(row.ends_with("  F1 help "), "{row:?}");
    // No key opens the help: no hint.
    app.set_help(Vec::new());
    assert!(!status_row(&app, 120, 40).contains("help"));
}
