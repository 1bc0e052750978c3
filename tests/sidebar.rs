//! Bookmark management in the sidebar, without a terminal: the note prompt
//! (keys to edits, CJK text, grapheme-cluster Backspace), delete and undo,
//! the order toggle, and what the sidebar draws.

#![allow(clippy::unwrap_used)]

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use newsreader::app::input::Edit;
use newsreader::app::{Action, App, Effect, Pane, Settings};
use newsreader::edition::{Anchor, ArticleId, Edition, Fingerprint, Headline, Page};
use newsreader::keymap::{Keymap, edit_of};
use newsreader::store::Bookmark;
use newsreader::store::order::Order;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;

#[path = "support/editions.rs"]
mod support;
use support::article;

fn edition() -> Edition {
    Edition {
        pages: vec![Page {
            number: 1,
            articles: vec![
                article("头条", &["第一篇正文。"]),
                article("二条", &["第二篇正文。"]),
            ],
            ..Page::default()
        }],
        ..Edition::default()
    }
}

/// A bookmark at the start of article `index`, made at `created` seconds.
fn bookmark(id: &str, index: usize, created: u64) -> Bookmark {
    let edition = edition();
    let article = edition.article(index).unwrap();
    Bookmark {
        id: id.to_owned(),
        created,
        ..Bookmark::at(article, Anchor::default())
    }
}

/// "late" lands in the first article but was made last; "early" in the
/// second, made first.
fn app() -> App {
    let bookmarks = vec![bookmark("early", 1, 100), bookmark("late", 0, 200)];
    let mut app = App::new(
        edition(),
        Fingerprint::of_text("sidebar"),
        Settings::default(),
        bookmarks,
    );
    app.resize(120, 40);
    app
}

fn focus_sidebar(app: &mut App) {
    while app.focus() != Pane::Bookmarks {
        app.update(Action::NextPane);
    }
}

fn ids(app: &App) -> Vec<&str> {
    app.bookmarks().iter().map(|b| b.id.as_str()).collect()
}

fn screen(app: &App) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .unwrap();
    let buffer = terminal.backend().buffer().clone();
    // A wide char's second cell holds a blank; skip it.
    (0..40)
        .map(|y| {
            let mut line = String::new();
            let mut x = 0;
            while x < 120 {
                let symbol = buffer[(x, y)].symbol();
                line.push_str(symbol);
                x += u16::try_from(symbol.width().max(1)).unwrap();
            }
            line
        })
        .collect()
}

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

#[test]
fn r_s_and_u_are_in_the_key_table_and_the_help() {
    let map = Keymap::default();
    assert_eq!(map.action(&key('r')), Some(Action::RenameBookmark));
    assert_eq!(map.action(&key('u')), Some(Action::UndoDelete));
    assert_eq!(map.action(&key('s')), Some(Action::ToggleBookmarkOrder));
    let help = map.help();
    for action in [
        Action::RenameBookmark,
        Action::UndoDelete,
        Action::ToggleBookmarkOrder,
        Action::DeleteBookmark,
    ] {
        assert!(
            help.iter().any(|e| e.description == action.description()),
            "{action:?} missing from help"
        );
    }
}

#[test]
fn list_is_by_position_and_s_toggles_to_time_keeping_the_selection() {
    let mut app = app();
    assert_eq!(ids(&app), ["late", "early"]);
    assert_eq!(app.bookmark_order(), Order::Position);
    assert!(screen(&app)[0].contains("Bookmarks by place"));
    focus_sidebar(&mut app);
    app.update(Action::ScrollDown);
    assert_eq!(app.bookmarks()[app.bookmark_selected()].id, "early");
    app.update(Action::ToggleBookmarkOrder);
    assert_eq!(ids(&app), ["early", "late"]);
    assert_eq!(app.bookmarks()[app.bookmark_selected()].id, "early");
    assert!(screen(&app)[0].contains("Bookmarks by time"));
    app.update(Action::ToggleBookmarkOrder);
    assert_eq!(ids(&app), ["late", "early"]);
}

#[test]
fn tab_onto_the_sidebar_asks_for_a_fresh_list() {
    let mut app = app();
    assert_eq!(app.update(Action::NextPane), None, "reader");
    assert_eq!(app.update(Action::NextPane), Some(Effect::RefreshBookmarks));
}

#[test]
fn r_opens_a_prompt_that_takes_cjk_and_backspaces_whole_clusters() {
    let mut app = app();
    focus_sidebar(&mut app);
    app.update(Action::RenameBookmark);
    assert!(app.editing());
    // Typed through the key path: chars insert, Backspace removes a whole
    // grapheme cluster (the e + U+0301 pair).
    for c in "先读e\u{301}".chars() {
        app.edit(edit_of(&key(c)).unwrap());
    }
    let backspace = KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE);
    app.edit(edit_of(&backspace).unwrap());
    assert_eq!(app.note_input().unwrap().text(), "先读");
    let shown = screen(&app);
    assert!(shown[39].starts_with(" note: 先读"), "{}", shown[39]);
    let enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
    let effect = app.edit(edit_of(&enter).unwrap());
    assert_eq!(
        effect,
        Some(Effect::SetNote {
            id: "late".to_owned(),
            note: Some("先读".to_owned())
        })
    );
    assert!(!app.editing());
    assert_eq!(app.bookmarks()[0].note.as_deref(), Some("先读"));
    // The sidebar's first row shows the note before the article title.
    let sidebar_row = &screen(&app)[1];
    assert!(sidebar_row.contains("> 先读 · 头条"), "{sidebar_row}");
}

#[test]
fn esc_closes_the_prompt_without_a_change() {
    let mut app = app();
    focus_sidebar(&mut app);
    app.update(Action::RenameBookmark);
    app.edit(Edit::Insert('字'));
    let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(app.edit(edit_of(&esc).unwrap()), None);
    assert!(!app.editing());
    assert_eq!(app.bookmarks()[0].note, None);
}

#[test]
fn rename_starts_with_the_current_note_and_blank_clears_it() {
    let mut noted = bookmark("late", 0, 200);
    noted.note = Some("旧".to_owned());
    let mut app = App::new(
        edition(),
        Fingerprint::of_text("sidebar"),
        Settings::default(),
        vec![noted],
    );
    app.resize(120, 40);
    focus_sidebar(&mut app);
    app.update(Action::RenameBookmark);
    assert_eq!(app.note_input().unwrap().text(), "旧");
    app.edit(Edit::Backspace);
    assert_eq!(
        app.edit(Edit::Submit),
        Some(Effect::SetNote {
            id: "late".to_owned(),
            note: None
        })
    );
}

#[test]
fn rename_outside_the_sidebar_opens_no_prompt() {
    let mut app = app();
    assert_eq!(app.update(Action::RenameBookmark), None);
    assert!(!app.editing());
    assert!(app.message().is_some());
}

#[test]
fn u_asks_to_undo_and_the_restored_bookmark_is_selected_after_sync() {
    let mut app = app();
    focus_sidebar(&mut app);
    assert_eq!(
        app.update(Action::DeleteBookmark),
        Some(Effect::RemoveBookmark("late".to_owned()))
    );
    assert_eq!(ids(&app), ["early"]);
    assert_eq!(app.update(Action::UndoDelete), Some(Effect::UndoRemove));
    app.sync_bookmarks(vec![bookmark("early", 1, 100), bookmark("late", 0, 200)]);
    app.select_bookmark("late");
    assert_eq!(ids(&app), ["late", "early"]);
    assert_eq!(app.bookmark_selected(), 0);
}

#[test]
fn sync_keeps_the_selected_bookmark_when_others_arrive() {
    let mut app = app();
    focus_sidebar(&mut app);
    app.update(Action::ScrollDown);
    let mut incoming: Vec<Bookmark> = app.bookmarks().to_vec();
    // Another reader added one before both: it sorts first.
    incoming.push(Bookmark {
        id: "other".to_owned(),
        ..bookmark("other", 0, 50)
    });
    app.sync_bookmarks(incoming);
    assert_eq!(app.bookmarks().len(), 3);
    assert_eq!(app.bookmarks()[app.bookmark_selected()].id, "early");
}

#[test]
fn a_bookmark_whose_text_is_gone_stays_listed_as_not_found() {
    let mut gone = bookmark("gone", 0, 10);
    gone.article = ArticleId::derive(&Headline::default(), &["消失".to_owned()]);
    gone.snippet = "这段文字已不存在".to_owned();
    gone.article_title = "旧标题".to_owned();
    let mut app = App::new(
        edition(),
        Fingerprint::of_text("sidebar"),
        Settings::default(),
        vec![gone, bookmark("late", 0, 200)],
    );
    app.resize(120, 40);
    assert_eq!(ids(&app), ["late", "gone"], "not found comes last");
    assert!(!app.bookmark_found(1));
    let shown = screen(&app).join("\n");
    assert!(shown.contains("(not found)"), "{shown}");
}

#[test]
fn a_whole_short_paragraph_snippet_has_no_ellipsis_and_a_cut_one_has() {
    let shown = screen(&app()).join("\n");
    assert!(shown.contains("  第一篇正文。 "), "{shown}");
    assert!(!shown.contains("第一篇正文。…"), "{shown}");
    // A 24-character paragraph: the bookmark's snippet is its first 20, a
    // cut, so `一…癸…` (41 columns); the sidebar (20 columns of text) cuts
    // that by display width: 9 characters (18), `…` (1), a blank column.
    let long_edition = Edition {
        pages: vec![Page {
            number: 1,
            articles: vec![article(
                "长文",
                &["一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯"],
            )],
            ..Page::default()
        }],
        ..Edition::default()
    };
    let long = Bookmark {
        id: "long".to_owned(),
        created: 300,
        ..Bookmark::at(long_edition.article(0).unwrap(), Anchor::default())
    };
    assert_eq!(long.snippet, "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸");
    let mut app = App::new(
        long_edition,
        Fingerprint::of_text("sidebar"),
        Settings::default(),
        vec![long],
    );
    app.resize(120, 40);
    let shown = screen(&app).join("\n");
    assert!(shown.contains("│  一二三四五六七八九… │"), "{shown}");
}

#[test]
fn hiding_or_showing_the_sidebar_is_said_in_the_status_bar() {
    // At 50 columns one pane shows at a time: `B` changed nothing visible.
    let mut app = app();
    app.resize(50, 16);
    app.update(Action::ToggleSidebar);
    assert_eq!(app.message(), Some("bookmarks hidden"));
    app.update(Action::ToggleSidebar);
    assert_eq!(app.message(), Some("bookmarks shown"));
}
