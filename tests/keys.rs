//! Key handling without a terminal: key events to actions through the key
//! map, and what each action does to the `App`.

#![allow(clippy::unwrap_used)]

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use newsreader::app::{Action, App, Effect, Pane, Settings};
use newsreader::edition::{Anchor, Article, ArticleId, Edition, Fingerprint, Headline, Page};
use newsreader::keymap::Keymap;

#[path = "support/editions.rs"]
mod support;

fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

#[test]
fn issue_two_key_table_maps_to_actions() {
    let map = Keymap::default();
    let none = KeyModifiers::NONE;
    let shift = KeyModifiers::SHIFT;
    let cases = [
        (key(KeyCode::Char('q'), none), Action::Quit),
        (key(KeyCode::Char('c'), KeyModifiers::CONTROL), Action::Exit),
        (key(KeyCode::Tab, none), Action::NextPane),
        (key(KeyCode::BackTab, shift), Action::PreviousPane),
        (key(KeyCode::Char('j'), none), Action::ScrollDown),
        (key(KeyCode::Down, none), Action::ScrollDown),
        (key(KeyCode::Char('k'), none), Action::ScrollUp),
        (key(KeyCode::Up, none), Action::ScrollUp),
        (key(KeyCode::Enter, none), Action::Open),
        (key(KeyCode::Char(' '), none), Action::PageDown),
        (key(KeyCode::PageDown, none), Action::PageDown),
        (key(KeyCode::PageUp, none), Action::PageUp),
        (key(KeyCode::Char('g'), none), Action::Top),
        (key(KeyCode::Home, none), Action::Top),
        (key(KeyCode::Char('G'), shift), Action::Bottom),
        (key(KeyCode::End, none), Action::Bottom),
        (key(KeyCode::Char(']'), none), Action::NextArticle),
        (key(KeyCode::Char('['), none), Action::PreviousArticle),
        (key(KeyCode::Char('b'), none), Action::ToggleBookmark),
        (key(KeyCode::Char('B'), shift), Action::ToggleSidebar),
        (key(KeyCode::Char('d'), none), Action::DeleteBookmark),
        (key(KeyCode::Delete, none), Action::DeleteBookmark),
        (key(KeyCode::Char('?'), shift), Action::Help),
        (key(KeyCode::Esc, none), Action::Close),
        (
            key(KeyCode::Char('l'), KeyModifiers::CONTROL),
            Action::Redraw,
        ),
    ];
    for (event, action) in cases {
        assert_eq!(map.action(&event), Some(action), "{event:?}");
    }
}

#[test]
fn unbound_and_released_keys_do_nothing() {
    let map = Keymap::default();
    assert_eq!(
        map.action(&key(KeyCode::Char('z'), KeyModifiers::NONE)),
        None
    );
    assert_eq!(
        map.action(&key(KeyCode::Char('q'), KeyModifiers::CONTROL)),
        None
    );
    let mut release = key(KeyCode::Char('q'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    assert_eq!(map.action(&release), None);
}

#[test]
fn rebinding_a_key_changes_action_and_help() {
    let mut map = Keymap::default();
    map.bind(newsreader::keymap::Key::char('n'), Action::ScrollDown);
    assert_eq!(
        map.action(&key(KeyCode::Char('n'), KeyModifiers::NONE)),
        Some(Action::ScrollDown)
    );
    let help = map.help();
    let down = help
        .iter()
        .find(|e| e.description == Action::ScrollDown.description())
        .unwrap();
    assert_eq!(down.keys, "j, ↓, n");
}

// ----- App updates -----

fn paragraph(n: usize) -> String {
    format!("第{n}段。")
}

/// Three articles; the second has 30 one-row paragraphs.
fn edition() -> Edition {
    let make = support::article_owned;
    Edition {
        pages: vec![Page {
            number: 1,
            articles: vec![
                make("一", vec!["甲。".into()]),
                make("二", (0..30).map(paragraph).collect()),
                make("三", vec!["丙。".into()]),
            ],
            ..Page::default()
        }],
        ..Edition::default()
    }
}

fn app() -> App {
    let mut app = App::new(
        edition(),
        Fingerprint::of_text("x"),
        Settings::default(),
        vec![],
    );
    app.resize(120, 40);
    app
}

#[test]
fn down_in_headlines_selects_next_and_stops_at_last() {
    let mut app = app();
    app.update(Action::ScrollDown);
    assert_eq!(app.selected(), 1);
    app.update(Action::ScrollDown);
    app.update(Action::ScrollDown);
    assert_eq!(app.selected(), 2);
    app.update(Action::ScrollUp);
    assert_eq!(app.selected(), 1);
    assert_eq!(app.current(), 0, "selection alone does not open");
}

#[test]
fn enter_opens_selected_headline_and_focuses_reader() {
    let mut app = app();
    app.update(Action::ScrollDown);
    app.update(Action::Open);
    assert_eq!(app.current(), 1);
    assert_eq!(app.focus(), Pane::Reader);
    assert_eq!(app.scroll(), 0);
}

#[test]
fn tab_cycles_panes_and_skips_hidden_sidebar() {
    let mut app = app();
    app.update(Action::NextPane);
    assert_eq!(app.focus(), Pane::Reader);
    app.update(Action::NextPane);
    assert_eq!(app.focus(), Pane::Bookmarks);
    app.update(Action::NextPane);
    assert_eq!(app.focus(), Pane::Headlines);
    app.update(Action::PreviousPane);
    assert_eq!(app.focus(), Pane::Bookmarks);
    app.update(Action::ToggleSidebar);
    assert!(!app.sidebar_visible());
    assert_eq!(app.focus(), Pane::Reader);
    app.update(Action::NextPane);
    app.update(Action::NextPane);
    assert_eq!(app.focus(), Pane::Reader);
}

#[test]
fn reader_page_down_stops_at_last_row_then_goes_on_to_the_next_article() {
    let mut app = app();
    app.update(Action::ScrollDown);
    app.update(Action::Open);
    let rows = app.set_article().unwrap().rows.len();
    let (_, height) = app.reader_text_size();
    assert_eq!(height, 37, "39 rows of panes less two borders");
    assert!(rows > height);
    app.update(Action::PageDown);
    assert_eq!(app.scroll(), rows - height, "stops at the last row");
    assert_eq!(app.current(), 1);
    assert_eq!(app.percent_read(), 100);
    // At the end, Space goes on to the next article (as in less and
    // newsboat), at its top; at the last article's end it stays.
    app.update(Action::PageDown);
    assert_eq!((app.current(), app.scroll()), (2, 0));
    assert_eq!(app.focus(), Pane::Reader);
    app.update(Action::PageDown);
    assert_eq!(app.current(), 2, "the last article");
    app.update(Action::PreviousArticle);
    app.update(Action::Bottom);
    assert_eq!(app.scroll(), rows - height);
    app.update(Action::Top);
    assert_eq!(app.scroll(), 0);
    app.update(Action::Bottom);
    assert_eq!(app.scroll(), rows - height);
}

#[test]
fn scrolling_moves_the_top_anchor_with_the_row() {
    let mut app = app();
    app.update(Action::ScrollDown);
    app.update(Action::Open);
    for _ in 0..5 {
        app.update(Action::ScrollDown);
    }
    let set = app.set_article().unwrap();
    assert_eq!(app.top(), set.rows[5].anchor);
}

#[test]
fn resize_keeps_the_same_text_at_the_top() {
    let mut app = app();
    app.update(Action::ScrollDown);
    app.update(Action::Open);
    app.update(Action::PageDown);
    let top = app.top();
    assert!(top.paragraph > 0);
    app.resize(50, 16);
    let row = &app.set_article().unwrap().rows[app.scroll()];
    assert_eq!(row.anchor, top);
    app.resize(120, 40);
    assert_eq!(app.top(), top);
}

#[test]
fn next_and_previous_article_open_at_the_top() {
    let mut app = app();
    app.update(Action::NextArticle);
    assert_eq!((app.current(), app.selected()), (1, 1));
    app.update(Action::NextArticle);
    app.update(Action::NextArticle);
    assert_eq!(app.current(), 2);
    app.update(Action::PreviousArticle);
    assert_eq!(app.current(), 1);
    assert_eq!(app.top(), Anchor::default());
}

#[test]
fn b_adds_a_bookmark_at_the_top_row_and_b_again_removes_it() {
    let mut app = app();
    app.update(Action::ScrollDown);
    app.update(Action::Open);
    app.update(Action::PageDown);
    let top = app.top();
    let Some(Effect::AddBookmark(bookmark)) = app.update(Action::ToggleBookmark) else {
        panic!("expected a new bookmark");
    };
    assert_eq!(bookmark.anchor, top);
    assert_eq!(bookmark.article, app.current_article().unwrap().id);
    assert_eq!(bookmark.article_title, "二");
    let expected: String = app.current_article().unwrap().paragraphs[top.paragraph]
        .chars()
        .skip(top.offset)
        .take(20)
        .collect();
    assert_eq!(bookmark.snippet, expected);
    assert_eq!(app.message(), Some("bookmark added"));
    assert_eq!(app.bookmarks().len(), 1);
    assert_eq!(
        app.update(Action::ToggleBookmark),
        Some(Effect::RemoveBookmark(bookmark.id))
    );
    assert!(app.bookmarks().is_empty());
}

#[test]
fn enter_on_a_bookmark_lands_on_its_text_at_another_width() {
    let mut app = app();
    app.update(Action::ScrollDown);
    app.update(Action::Open);
    app.update(Action::PageDown);
    let top = app.top();
    app.update(Action::ToggleBookmark);
    app.update(Action::Top);
    app.update(Action::PreviousArticle);
    app.resize(50, 16);
    app.update(Action::NextPane);
    assert_eq!(app.focus(), Pane::Bookmarks);
    app.update(Action::Open);
    assert_eq!(app.current(), 1);
    assert_eq!(app.focus(), Pane::Reader);
    assert_eq!(app.top(), top);
    let row = &app.set_article().unwrap().rows[app.scroll()];
    assert_eq!(row.anchor, top);
}

#[test]
fn delete_works_only_in_the_sidebar() {
    let mut app = app();
    app.update(Action::NextPane);
    app.update(Action::ToggleBookmark);
    assert_eq!(app.update(Action::DeleteBookmark), None);
    assert_eq!(app.bookmarks().len(), 1);
    app.update(Action::NextPane);
    let id = app.bookmarks()[0].id.clone();
    assert_eq!(
        app.update(Action::DeleteBookmark),
        Some(Effect::RemoveBookmark(id))
    );
    assert!(app.bookmarks().is_empty());
}

#[test]
fn help_swallows_other_actions_until_closed() {
    let mut app = app();
    app.update(Action::Help);
    assert!(app.help().is_some());
    app.update(Action::ScrollDown);
    assert_eq!(app.selected(), 0);
    app.update(Action::Close);
    assert!(app.help().is_none());
    assert_eq!(app.update(Action::Quit), Some(Effect::Quit));
}

#[test]
fn resume_opens_the_saved_article_at_its_anchor() {
    let mut app = app();
    let article = edition().pages[0].articles[1].id.clone();
    let anchor = Anchor {
        paragraph: 5,
        offset: 0,
    };
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = newsreader::store::Store::open(dir.path());
    let fingerprint = Fingerprint::of_text("x");
    store
        .set_position(
            &fingerprint,
            None,
            newsreader::store::Position { article, anchor },
        )
        .unwrap();
    app.resume(store.edition(&fingerprint).unwrap());
    assert_eq!(app.current(), 1);
    assert_eq!(app.top(), anchor);
    assert_eq!(app.set_article().unwrap().rows[app.scroll()].anchor, anchor);
}

#[test]
fn an_action_that_changes_nothing_writes_nothing_to_the_terminal() {
    // Whether to redraw is decided by the frame itself: the screen
    // renderer compares it with the one shown.
    use newsreader::terminal::screen::Screen;
    let mut app = app();
    let mut screen = Screen::new(ratatui::layout::Size::new(120, 40));
    let mut frame = |app: &App| {
        screen
            .draw(|buf| {
                ratatui::widgets::Widget::render(app, buf.area, buf);
                None
            })
            .len()
    };
    assert!(frame(&app) > 0, "the first frame draws everything");
    app.update(Action::ScrollUp);
    assert_eq!(frame(&app), 0, "already at the first headline");
    app.update(Action::ScrollDown);
    assert!(frame(&app) > 0, "the selection moved");
}

#[test]
fn b_works_from_the_headline_list_when_the_reader_is_hidden() {
    let mut app = app();
    app.resize(50, 16);
    assert_eq!(app.focus(), Pane::Headlines);
    assert!(app.panes().reader.is_none());
    assert!(matches!(
        app.update(Action::ToggleBookmark),
        Some(Effect::AddBookmark(_))
    ));
    // The first article fits the 48×13 reader: all of it is read.
    assert_eq!(app.percent_read(), 100);
}

#[test]
fn issue_six_keys_map_to_their_actions() {
    let map = Keymap::default();
    let none = KeyModifiers::NONE;
    let shift = KeyModifiers::SHIFT;
    let cases = [
        (key(KeyCode::Char('/'), none), Action::Search),
        (key(KeyCode::Char('n'), none), Action::NextMatch),
        (key(KeyCode::Char('N'), shift), Action::PreviousMatch),
        (key(KeyCode::Char('f'), none), Action::ToggleFilter),
        (key(KeyCode::Char('m'), none), Action::ToggleRead),
        (key(KeyCode::Char('y'), none), Action::CopyParagraph),
        (key(KeyCode::Char('Y'), shift), Action::CopyArticle),
        (key(KeyCode::Char('}'), shift), Action::NextEdition),
        (key(KeyCode::Char('{'), shift), Action::PreviousEdition),
        (key(KeyCode::Char('1'), none), Action::GotoPage(1)),
        (key(KeyCode::Char('9'), none), Action::GotoPage(9)),
    ];
    for (event, action) in cases {
        assert_eq!(map.action(&event), Some(action), "{event:?}");
    }
    let help = map.help();
    let pages = help
        .iter()
        .find(|e| e.description == Action::GotoPage(1).description())
        .unwrap();
    assert_eq!(pages.keys, "1-9", "the nine page keys share one help line");
}

#[test]
fn every_default_key_survives_the_trip_through_a_config_key_spec() {
    let map = Keymap::default();
    for (key, action) in map.bindings() {
        let spec = key.spec().unwrap_or_else(|| panic!("{key:?} has no spec"));
        let text = spec.to_string();
        let parsed = newsreader::config::KeySpec::parse(&text).unwrap();
        assert_eq!(
            newsreader::keymap::Key::of_spec(&parsed),
            Some(key),
            "{action:?} via {text}"
        );
    }
    // Rebuilding the map from its own bindings changes nothing.
    let rebuilt = Keymap::from_bindings(&map.to_bindings());
    assert_eq!(rebuilt.help(), map.help());
}

#[test]
fn ctrl_c_leaves_the_program_while_q_only_leaves_the_edition() {
    let map = Keymap::default();
    let mut app = app();
    let ctrl_c = key(KeyCode::Char('c'), KeyModifiers::CONTROL);
    let q = key(KeyCode::Char('q'), KeyModifiers::NONE);
    // In a library, `Effect::Quit` goes back to the list of editions;
    // `Effect::Exit` leaves the program from there too.
    assert_eq!(app.update(map.action(&q).unwrap()), Some(Effect::Quit));
    assert_eq!(app.update(map.action(&ctrl_c).unwrap()), Some(Effect::Exit));
    app.update(Action::Help);
    assert_eq!(app.update(map.action(&ctrl_c).unwrap()), Some(Effect::Exit));
}

#[test]
fn b_in_a_long_headline_never_removes_the_bookmark_drawn_on_row_zero() {
    // Kicker (2 rows), title (2), subtitle (1): rows 0–4 all anchor to the
    // article's top, as does row 5 (blank) and row 6 (paragraph 0); row 7
    // is blank and row 8 starts paragraph 1.
    let headline = Headline {
        kicker: vec!["引题一".into(), "引题二".into()],
        title: vec!["主题一".into(), "主题二".into()],
        subtitle: vec!["副题".into()],
    };
    let paragraphs: Vec<String> = (0..30).map(paragraph).collect();
    let article = Article {
        id: ArticleId::derive(&headline, &paragraphs),
        headline,
        paragraphs,
        ..Article::default()
    };
    let edition = Edition {
        pages: vec![Page {
            number: 1,
            articles: vec![article],
            ..Page::default()
        }],
        ..Edition::default()
    };
    let mut app = App::new(
        edition,
        Fingerprint::of_text("h"),
        Settings::default(),
        vec![],
    );
    app.resize(120, 40);
    app.update(Action::NextPane);
    let Some(Effect::AddBookmark(top)) = app.update(Action::ToggleBookmark) else {
        panic!("b on row 0 adds a bookmark");
    };
    assert_eq!(top.anchor, Anchor::default());
    // Two rows down, in the title: the bookmark is drawn on row 0, out of
    // sight, so b neither removes it nor adds the same place twice.
    app.update(Action::ScrollDown);
    app.update(Action::ScrollDown);
    assert_eq!(app.update(Action::ToggleBookmark), None);
    assert_eq!(app.bookmarks().len(), 1);
    assert!(app.message().unwrap().contains("already bookmarked"));
    // Row 7 is the blank row above paragraph 1: a bookmark made there is
    // drawn on row 8, and b on row 7 again removes it.
    for _ in 0..5 {
        app.update(Action::ScrollDown);
    }
    let Some(Effect::AddBookmark(second)) = app.update(Action::ToggleBookmark) else {
        panic!("b on a new place adds a bookmark");
    };
    assert_eq!(
        second.anchor,
        Anchor {
            paragraph: 1,
            offset: 0
        }
    );
    assert_eq!(
        app.update(Action::ToggleBookmark),
        Some(Effect::RemoveBookmark(second.id))
    );
    // Back on row 0, b removes the first one.
    app.update(Action::Top);
    assert_eq!(
        app.update(Action::ToggleBookmark),
        Some(Effect::RemoveBookmark(top.id))
    );
}

#[test]
fn the_status_place_says_top_bot_all_or_the_share_above_as_vim_does() {
    use newsreader::app::Place;
    let mut app = app();
    app.update(Action::Open);
    assert_eq!(app.place(), Place::All, "a one-paragraph article");
    // The second article, 30 one-row paragraphs under its title, in a
    // reading pane of 9 rows (120×12), with the focus.
    app.update(Action::NextArticle);
    app.resize(120, 12);
    assert_eq!(app.focus(), Pane::Reader);
    assert_eq!(app.place(), Place::Top, "at the top, not `72%`");
    app.update(Action::ScrollDown);
    let Place::Percent(p) = app.place() else {
        panic!("{:?}", app.place());
    };
    assert!(p < 10, "one row of many above: {p}%");
    app.update(Action::Bottom);
    assert_eq!(app.place(), Place::Bottom);
    assert_eq!(app.place().to_string(), "Bot");
    assert_eq!(Place::Percent(37).to_string(), "37%");
}

#[test]
fn keys_are_routed_by_mode_in_one_place() {
    use newsreader::app::Mode;
    use newsreader::app::input::Edit;
    use newsreader::keymap::Input;
    let map = Keymap::default();
    let plain = |c| key(KeyCode::Char(c), KeyModifiers::NONE);
    let ctrl = |c| key(KeyCode::Char(c), KeyModifiers::CONTROL);
    // Reading, the library, the help: the bound action.
    for mode in [Mode::Reading, Mode::Library, Mode::Help] {
        assert_eq!(
            map.input(&plain('j'), mode),
            Some(Input::Action(Action::ScrollDown))
        );
    }
    // A prompt: a bound letter types itself, Ctrl-C cancels, and only the
    // terminal's own actions (redraw, suspend) still run.
    assert_eq!(
        map.input(&plain('j'), Mode::Prompt),
        Some(Input::Edit(Edit::Insert('j')))
    );
    assert_eq!(
        map.input(&ctrl('c'), Mode::Prompt),
        Some(Input::Edit(Edit::Cancel))
    );
    assert_eq!(
        map.input(&ctrl('l'), Mode::Prompt),
        Some(Input::Action(Action::Redraw))
    );
    assert_eq!(
        map.input(&ctrl('z'), Mode::Prompt),
        Some(Input::Action(Action::Suspend))
    );
    assert_eq!(
        map.input(&key(KeyCode::Tab, KeyModifiers::NONE), Mode::Prompt),
        None
    );
    // The app's mode follows what is open.
    let mut app = app();
    assert_eq!(app.mode(), Mode::Reading);
    app.update(Action::Search);
    assert_eq!(app.mode(), Mode::Prompt);
    app.edit(Edit::Cancel);
    app.update(Action::Help);
    assert_eq!(app.mode(), Mode::Help);
    app.update(Action::Close);
    assert_eq!(app.mode(), Mode::Reading);
}
