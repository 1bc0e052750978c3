//! Issue 5's "how this is checked", at the level of the reader's state and
//! its store (no terminal): a bookmark made with `b` in one extractor's
//! text of a paper is listed and lands on the same text when the same paper
//! is opened from two other extractors' files, back and forth, at another
//! terminal width; a moved file keeps its bookmarks.
//!
//! The papers are `samples/layouts/wuxi-a/{pdfminer,pdftotext,mutool}.txt`
//! from the shared folder.

#![allow(clippy::unwrap_used)]

use newsreader::app::{Action, App, Pane, Settings};
use newsreader::edition::{self, Edition, Fingerprint, LoadOptions};
use newsreader::store::Store;

#[path = "support/shared.rs"]
mod shared;
use shared::shared_dir;

fn load(path: &std::path::Path) -> (Edition, Fingerprint) {
    let bytes = std::fs::read(path).unwrap();
    let source = path.to_string_lossy().into_owned();
    edition::load(&bytes, Some(&source), &LoadOptions::default())
}

/// Opens `path` the way `main` does: identify it in the store, then an
/// `App` with its bookmarks at `width`×`height`.
fn open(store: &mut Store, path: &std::path::Path, width: u16, height: u16) -> App {
    let (edition, fingerprint) = load(path);
    store.identify(&fingerprint, &edition);
    let saved = store.edition(&fingerprint).cloned().unwrap_or_default();
    let mut app = App::new(edition, fingerprint, Settings::default(), saved.bookmarks);
    app.resize(width, height);
    app
}

/// The text from the top visible row's anchor on, 12 chars.
fn text_at_top(app: &App) -> String {
    let article = app.current_article().unwrap();
    let top = app.top();
    article.paragraphs[top.paragraph]
        .chars()
        .skip(top.offset)
        .take(12)
        .collect()
}

fn open_first_bookmark(app: &mut App) {
    while app.focus() != Pane::Bookmarks {
        app.update(Action::NextPane);
    }
    app.update(Action::Top);
    app.update(Action::Open);
}

#[test]
fn bookmark_lands_on_its_text_across_extractors_and_widths() {
    let layouts = shared_dir().join("samples/layouts/wuxi-a");
    let data = tempfile::tempdir().unwrap();
    // Each extraction in turn replaces the last one's file: a re-extraction
    // of the same edition, whose state moves along (side by side, they
    // would be editions of their own).
    let papers = tempfile::tempdir().unwrap();
    let today = papers.path().join("today.txt");
    let extract = |file: &str| {
        std::fs::copy(layouts.join(file), &today).unwrap();
        today.clone()
    };
    // Make the bookmark two pages into the first article of pdfminer's text.
    let (mut store, _) = Store::open(data.path());
    let mut app = open(&mut store, &extract("pdfminer.txt"), 120, 40);
    app.update(Action::Open);
    app.update(Action::PageDown);
    app.update(Action::PageDown);
    let expected = text_at_top(&app);
    assert!(!expected.trim().is_empty());
    let Some(newsreader::app::Effect::AddBookmark(bookmark)) = app.update(Action::ToggleBookmark)
    else {
        panic!("b made no bookmark");
    };
    store
        .add_bookmark(app.fingerprint(), None, bookmark)
        .unwrap();
    drop(store);

    let sizes = [(50, 16), (120, 40), (80, 24), (50, 16), (120, 40)];
    let files = [
        "pdftotext.txt",
        "mutool.txt",
        "pdfminer.txt",
        "mutool.txt",
        "pdftotext.txt",
    ];
    for (file, (width, height)) in files.into_iter().zip(sizes) {
        // A fresh process each time: the store is opened from disk.
        let (mut store, warnings) = Store::open(data.path());
        assert!(warnings.is_empty(), "{warnings:?}");
        let mut app = open(&mut store, &extract(file), width, height);
        assert_eq!(app.bookmarks().len(), 1, "{file}: bookmark listed");
        assert!(app.bookmark_found(0), "{file}: bookmark found");
        open_first_bookmark(&mut app);
        assert_eq!(app.focus(), Pane::Reader);
        assert_eq!(text_at_top(&app), expected, "{file} at {width}×{height}");
        // The landing row is the top row and holds the anchor.
        let set = app.set_article().unwrap();
        assert_eq!(set.row_of(app.top()), app.scroll(), "{file}");
    }
}

#[test]
fn moved_file_keeps_its_bookmark() {
    let layouts = shared_dir().join("samples/layouts/wuxi-a");
    let data = tempfile::tempdir().unwrap();
    let papers = tempfile::tempdir().unwrap();
    let first = papers.path().join("today.txt");
    std::fs::copy(layouts.join("pdftotext.txt"), &first).unwrap();
    let (mut store, _) = Store::open(data.path());
    let mut app = open(&mut store, &first, 120, 40);
    app.update(Action::Open);
    app.update(Action::PageDown);
    let expected = text_at_top(&app);
    let Some(newsreader::app::Effect::AddBookmark(bookmark)) = app.update(Action::ToggleBookmark)
    else {
        panic!("b made no bookmark");
    };
    let path = first.to_string_lossy().into_owned();
    store
        .add_bookmark(app.fingerprint(), Some(&path), bookmark)
        .unwrap();
    drop(store);

    let moved = papers.path().join("archive-2024-07-27.txt");
    std::fs::rename(&first, &moved).unwrap();
    let (mut store, _) = Store::open(data.path());
    let mut app = open(&mut store, &moved, 120, 40);
    assert_eq!(app.bookmarks().len(), 1);
    open_first_bookmark(&mut app);
    assert_eq!(text_at_top(&app), expected);
    let listed = store.all_bookmarks();
    assert_eq!(
        listed[0].path.as_deref(),
        Some(moved.to_string_lossy().as_ref())
    );
}
