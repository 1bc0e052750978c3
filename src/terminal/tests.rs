#![allow(clippy::unwrap_used)]
use super::reading::{self, POSITION_SAVE_INTERVAL, PositionSaver, leave_reading, save_reading};
use super::*;
use crate::app::Action;
use crate::app::input::Edit;
use crate::app::{Effect, Settings};
use crate::cli::open;
use crate::edition::Fingerprint;
use crate::edition::{Article, ArticleId, Edition, Headline, Page};
use crate::store::Position;

#[test]
fn a_position_held_back_while_an_unknown_edition_loads_does_not_spin_the_loop() {
    let dir = tempfile::tempdir().unwrap();
    let (mut session, _) = loading_session(dir.path());
    let saver = PositionSaver::new(None);
    assert!(saver.due_in(&session.app).is_some(), "a position to save");
    // Unknown edition loading: the position is not saved, so its overdue
    // save must not make the loop wake with a zero timeout.
    assert_eq!(reading::next_wait(&saver, &session), None);
    session.loading = None;
    assert!(reading::next_wait(&saver, &session).is_some());
}

fn article(title: &str, paragraphs: usize) -> Article {
    let headline = Headline {
        title: vec![title.to_owned()],
        ..Headline::default()
    };
    let paragraphs: Vec<String> = (0..paragraphs).map(|i| format!("第{i}段。")).collect();
    Article {
        id: ArticleId::derive(&headline, &paragraphs),
        headline,
        paragraphs,
        ..Article::default()
    }
}

fn session(dir: &std::path::Path) -> Session {
    let edition = Edition {
        pages: vec![Page {
            number: 1,
            articles: vec![article("一", 1), article("二", 40)],
            ..Page::default()
        }],
        ..Edition::default()
    };
    let mut app = App::new(
        edition,
        Fingerprint::of_text("t"),
        Settings::default(),
        vec![],
    );
    app.resize(120, 40);
    Session {
        app,
        keymap: Keymap::default(),
        store: Store::open(dir).0,
        path: Some("t.txt".into()),
        messages: Vec::new(),
        io: Io::default(),
        library: None,
        loading: None,
    }
}

/// Carries out a store effect as the event loop's runner does.
fn apply(session: &mut Session, effect: Option<Effect>) {
    if let Some(effect) = effect {
        effects::apply(session, effect);
    }
}

fn saved(session: &Session) -> Option<Position> {
    session
        .store
        .edition(session.app.fingerprint())
        .and_then(|e| e.position.clone())
}

#[test]
fn article_change_is_saved_at_once_and_scrolling_waits_for_the_interval() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = session(dir.path());
    let mut saver = PositionSaver::new(session.app.position());
    assert_eq!(saver.due_in(&session.app), None, "nothing to save: block");

    session.app.update(Action::NextArticle);
    saver.save_if_due(&mut session, false);
    assert_eq!(saved(&session), session.app.position());

    session.app.update(Action::NextPane);
    session.app.update(Action::PageDown);
    let scrolled = session.app.position();
    assert_ne!(saved(&session), scrolled);
    saver.save_if_due(&mut session, false);
    assert_ne!(saved(&session), scrolled, "saved only after the interval");
    let wait = saver.due_in(&session.app).unwrap();
    assert!(wait <= POSITION_SAVE_INTERVAL);

    saver.save_if_due(&mut session, true);
    assert_eq!(saved(&session), scrolled, "saved on quit");
    assert_eq!(saver.due_in(&session.app), None);
}

fn stored_ids(store: &Store, fingerprint: &Fingerprint) -> Vec<String> {
    let mut ids: Vec<String> = store
        .edition(fingerprint)
        .map(|e| e.bookmarks.iter().map(|b| b.id.clone()).collect())
        .unwrap_or_default();
    ids.sort();
    ids
}

#[test]
fn note_delete_and_undo_reach_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = session(dir.path());
    let effect = session.app.update(Action::ToggleBookmark);
    apply(&mut session, effect);
    let fingerprint = session.app.fingerprint().clone();
    let id = session.app.bookmarks()[0].id.clone();
    while session.app.focus() != crate::app::Pane::Bookmarks {
        let effect = session.app.update(Action::NextPane);
        apply(&mut session, effect);
    }
    session.app.update(Action::RenameBookmark);
    for c in "要点".chars() {
        session.app.edit(Edit::Insert(c));
    }
    let effect = session.app.edit(Edit::Submit);
    apply(&mut session, effect);
    let reopened = Store::open(dir.path()).0;
    let note = reopened.edition(&fingerprint).unwrap().bookmarks[0]
        .note
        .clone();
    assert_eq!(note.as_deref(), Some("要点"));

    let effect = session.app.update(Action::DeleteBookmark);
    apply(&mut session, effect);
    assert!(stored_ids(&Store::open(dir.path()).0, &fingerprint).is_empty());
    let effect = session.app.update(Action::UndoDelete);
    apply(&mut session, effect);
    assert_eq!(
        stored_ids(&Store::open(dir.path()).0, &fingerprint),
        std::slice::from_ref(&id)
    );
    assert_eq!(session.app.bookmarks()[0].id, id);
    assert_eq!(session.app.bookmarks()[0].note.as_deref(), Some("要点"));
    assert_eq!(session.app.message(), Some("bookmark restored"));

    let effect = session.app.update(Action::UndoDelete);
    apply(&mut session, effect);
    assert_eq!(
        session.app.message(),
        Some("no deleted bookmark to bring back")
    );
}

#[test]
fn sidebar_focus_picks_up_bookmarks_another_reader_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = session(dir.path());
    let fingerprint = session.app.fingerprint().clone();
    let article = session.app.edition().article(1).unwrap().clone();
    let (mut other, _) = Store::open(dir.path());
    let theirs = crate::store::Bookmark::at(&article, crate::edition::Anchor::default());
    other
        .add_bookmark(&fingerprint, None, theirs.clone())
        .unwrap();
    assert!(session.app.bookmarks().is_empty());
    while session.app.focus() != crate::app::Pane::Bookmarks {
        let effect = session.app.update(Action::NextPane);
        apply(&mut session, effect);
    }
    assert_eq!(session.app.bookmarks().len(), 1);
    assert_eq!(session.app.bookmarks()[0].id, theirs.id);
}

#[test]
fn a_position_save_brings_in_other_readers_bookmarks() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = session(dir.path());
    let fingerprint = session.app.fingerprint().clone();
    let article = session.app.edition().article(0).unwrap().clone();
    let (mut other, _) = Store::open(dir.path());
    let theirs = crate::store::Bookmark::at(&article, crate::edition::Anchor::default());
    other
        .add_bookmark(&fingerprint, None, theirs.clone())
        .unwrap();
    let mut saver = PositionSaver::new(None);
    assert!(saver.save_if_due(&mut session, true), "redraw wanted");
    assert_eq!(session.app.bookmarks().len(), 1);
}

/// A session on a two-page edition (the sample, then the sample with
/// 市 turned into 县) the store does not know, still loading; and the
/// number of articles of its first page.
fn loading_session(dir: &std::path::Path) -> (Session, usize) {
    let sample = include_str!("../../assets/edition.txt");
    let text = format!("{sample}\x0c{}", sample.replace('市', "县"));
    let path = dir.join("two-pages.txt");
    std::fs::write(&path, text).unwrap();
    let (mut store, _) = Store::open(&dir.join("data"));
    let options = ReaderOptions {
        settings: Settings::default(),
        encoding: None,
        resume: true,
        help: Vec::new(),
    };
    let opened = open::open(&path, &options, &mut store).unwrap();
    let first_page = opened.app.edition().article_count();
    let mut session = Session {
        loading: opened.loading,
        path: Some(opened.source),
        ..session(dir)
    };
    session.app = opened.app;
    session.store = store;
    session.app.resize(120, 40);
    assert!(session.loading.as_ref().is_some_and(|l| !l.known));
    (session, first_page)
}

#[test]
fn bookmark_while_an_unknown_edition_loads_waits_for_the_whole_edition() {
    let dir = tempfile::tempdir().unwrap();
    let (mut session, first_page) = loading_session(dir.path());

    let effect = session.app.update(Action::ToggleBookmark);
    apply(&mut session, effect);

    assert!(session.loading.is_none(), "the whole edition is in");
    let whole = session.app.edition().article_count();
    assert_eq!(whole, 2 * first_page);
    let state = session.store.edition(session.app.fingerprint()).unwrap();
    assert_eq!(state.titles.len(), whole, "the whole edition's titles");
    assert_eq!(state.bookmarks.len(), 1);
    assert_eq!(session.app.bookmarks().len(), 1);
}

#[test]
fn quitting_an_unknown_edition_never_waits_for_its_parse() {
    // Issue 14: `q` while a large edition loads took as long as the parse.
    let dir = tempfile::tempdir().unwrap();
    let (mut session, _) = loading_session(dir.path());
    let mut saver = PositionSaver::new(session.app.position());
    session.app.update(Action::NextArticle);
    assert!(session.app.has_read_changes());

    leave_reading(&mut session, &mut saver);

    let loading = session.loading.as_ref().expect("not waited for");
    assert!(!loading.started(), "the parse was not even started");
    assert!(session.store.edition(session.app.fingerprint()).is_none());
}

#[test]
fn read_marks_of_an_unknown_edition_are_saved_on_leaving_once_it_is_in() {
    let dir = tempfile::tempdir().unwrap();
    let (mut session, first_page) = loading_session(dir.path());
    let mut saver = PositionSaver::new(session.app.position());
    session.app.update(Action::NextArticle);
    let read = session.app.current_article().unwrap().id.clone();
    assert!(!save_reading(&mut session, &mut saver, false));
    assert!(
        session.store.edition(session.app.fingerprint()).is_none(),
        "held back while loading"
    );
    // The worker has finished, and the loop has not taken its result yet.
    let (done, finished) = std::sync::mpsc::channel();
    session
        .loading
        .as_mut()
        .unwrap()
        .start_waking(None, move || {
            let _ = done.send(());
        });
    finished.recv().unwrap();

    leave_reading(&mut session, &mut saver);

    assert!(session.loading.is_none());
    let state = session.store.edition(session.app.fingerprint()).unwrap();
    assert_eq!(state.titles.len(), 2 * first_page);
    assert!(state.is_read(&read));
    assert_eq!(state.position.as_ref().unwrap().article, read);
}

#[test]
fn leaving_an_unknown_edition_untouched_does_not_wait_for_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut session, _) = loading_session(dir.path());
    let mut saver = PositionSaver::new(session.app.position());
    leave_reading(&mut session, &mut saver);
    assert!(session.loading.is_some(), "not waited for");
    assert!(session.store.edition(session.app.fingerprint()).is_none());
}

#[test]
fn unusable_data_dir_keeps_bookmarks_in_memory_and_says_so_on_every_change() {
    let dir = tempfile::tempdir().unwrap();
    let blocked = dir.path().join("data");
    std::fs::write(&blocked, "a file where the data directory should be").unwrap();
    let mut session = session(&blocked);
    let effect = session.app.update(Action::ToggleBookmark);
    apply(&mut session, effect);
    assert_eq!(session.app.bookmarks().len(), 1, "kept in memory");
    assert!(session.app.message().unwrap().contains("NOT SAVED"));
    session.app.update(Action::NextArticle);
    let effect = session.app.update(Action::ToggleBookmark);
    apply(&mut session, effect);
    assert_eq!(session.app.bookmarks().len(), 2);
    assert!(session.app.message().unwrap().contains("NOT SAVED"));
    assert_eq!(session.messages.len(), 2, "{:?}", session.messages);
    assert!(session.store.has_unsaved());
}

#[test]
fn the_sidebar_order_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let (mut session, _) = loading_session(dir.path());
    let effect = session.app.update(Action::ToggleBookmarkOrder);
    apply(&mut session, effect);
    let order = session.app.bookmark_order();
    assert_eq!(order, crate::store::order::Order::Time);
    // A new start on the same data directory.
    let (mut store, _) = Store::open(&dir.path().join("data"));
    let options = ReaderOptions {
        settings: Settings::default(),
        encoding: None,
        resume: true,
        help: Vec::new(),
    };
    let path = dir.path().join("two-pages.txt");
    let opened = open::open(&path, &options, &mut store).unwrap();
    assert_eq!(opened.app.bookmark_order(), order);
}

/// A session on a generated edition of many pages, larger than the head a
/// first frame is read from (so its fingerprint is not known until the
/// worker has read it whole), still loading.
fn head_session(dir: &std::path::Path) -> Session {
    let path = dir.join("big.txt");
    let text = crate::edition::progressive::PROVISIONAL_MAX_BYTES * 3;
    let page = include_str!("../../assets/edition.txt");
    let pages: Vec<String> = (0..text / page.len() + 1)
        .map(|i| page.replace('市', &format!("第{i}市")))
        .collect();
    std::fs::write(&path, pages.join("\x0c")).unwrap();
    let opening = crate::cli::input::open_edition(&path, false, open::HEAD_BYTES).unwrap();
    session_from(dir, &path, opening)
}

fn session_from(
    dir: &std::path::Path,
    path: &std::path::Path,
    opening: crate::cli::input::Opening,
) -> Session {
    let (mut store, _) = Store::open(&dir.join("data"));
    let options = ReaderOptions {
        settings: Settings::default(),
        encoding: None,
        resume: true,
        help: Vec::new(),
    };
    let opened = open::open_from(path, opening, &options, &mut store).unwrap();
    let mut session = Session {
        loading: opened.loading,
        path: Some(opened.source),
        ..session(dir)
    };
    session.app = opened.app;
    session.store = store;
    session.app.resize(120, 40);
    assert!(session.loading.as_ref().is_some_and(|l| !l.identified()));
    session
}

#[test]
fn bookmark_before_a_large_file_is_read_whole_is_saved_under_its_fingerprint() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = head_session(dir.path());
    let placeholder = session.app.fingerprint().clone();

    let effect = session.app.update(Action::ToggleBookmark);
    apply(&mut session, effect);

    assert!(session.loading.is_none(), "the whole edition is in");
    let fingerprint = session.app.fingerprint().clone();
    assert_ne!(fingerprint, placeholder);
    assert!(fingerprint.0.starts_with("x3-"));
    assert_eq!(stored_ids(&session.store, &fingerprint).len(), 1);
    assert!(session.store.edition(&placeholder).is_none());
    assert_eq!(session.app.bookmarks().len(), 1);
}

/// Reads nothing but an error: a disk that fails after the first bytes.
struct FailingDisk;

impl std::io::Read for FailingDisk {
    fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
        Err(std::io::Error::other("Input/output error"))
    }
}

#[test]
fn a_large_file_whose_rest_cannot_be_read_ends_the_reader_with_one_line_and_saves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.txt");
    let page = include_str!("../../assets/edition.txt");
    let head = page.repeat(open::HEAD_BYTES / page.len() + 1).into_bytes();
    let head = crate::cli::input::Head::new(head, 50_000_000, &path, FailingDisk);
    let mut session = session_from(dir.path(), &path, crate::cli::input::Opening::Head(head));
    let shown = session.app.edition().article_count();
    assert!(shown > 0, "the first page is on the screen");
    let mut saver = PositionSaver::new(session.app.position());

    // A bookmark waits for the whole edition, which does not come: nothing
    // is saved, under any key.
    session.app.update(Action::NextArticle);
    let effect = session.app.update(Action::ToggleBookmark);
    apply(&mut session, effect);
    save_reading(&mut session, &mut saver, true);
    assert_eq!(session.store.editions().count(), 0);

    // The loop's next look ends the reader with why, path first.
    let err = reading::take_whole_edition(&mut session).unwrap_err();
    let line = err.to_string();
    assert!(line.starts_with(&path.display().to_string()), "{line}");
    assert!(line.contains("Input/output error"), "{line}");
    assert!(!line.contains('\n'));
}
