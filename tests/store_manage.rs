//! Bookmark management for the sidebar and the command line: notes, delete
//! and undo, read marks, and the listings across editions (text, JSON,
//! Markdown).

#![allow(clippy::unwrap_used)]

#[path = "support/editions.rs"]
mod support;

use newsreader::edition::{Anchor, ArticleId, Edition};
use newsreader::store::{Bookmark, Store};
use support::{fp, ids, plain_bookmark};

#[test]
fn note_is_set_cleared_and_kept_across_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open(dir.path());
    store
        .add_bookmark(&fp("e"), None, plain_bookmark("b", 1))
        .unwrap();
    assert!(store.set_note(&fp("e"), "b", Some("先读这篇")).unwrap());
    assert!(!store.set_note(&fp("e"), "missing", Some("x")).unwrap());
    let (mut store, _) = Store::open(dir.path());
    let note = |s: &Store| s.edition(&fp("e")).unwrap().bookmarks[0].note.clone();
    assert_eq!(note(&store).as_deref(), Some("先读这篇"));
    assert!(store.set_note(&fp("e"), "b", Some("   ")).unwrap());
    let (store, _) = Store::open(dir.path());
    assert_eq!(note(&store), None);
}

#[test]
fn undo_walks_back_every_delete_of_the_session_with_its_note() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open(dir.path());
    let paper = fp("e");
    store
        .add_bookmark(&paper, None, plain_bookmark("a", 1))
        .unwrap();
    store
        .add_bookmark(&paper, None, plain_bookmark("b", 2))
        .unwrap();
    store.set_note(&paper, "b", Some("note")).unwrap();
    store.remove_bookmark(&paper, "a").unwrap();
    store.remove_bookmark(&paper, "b").unwrap();
    assert_eq!(store.last_removed().unwrap().1.id, "b");
    assert!(ids(&store, &paper).is_empty());

    let restored = store.undo_remove().unwrap().unwrap();
    assert_eq!(restored.id, "b");
    assert_eq!(restored.note.as_deref(), Some("note"));
    // `d` `d` `u` `u`: the second undo brings back the first delete too
    // (issue 14: the history is kept while the reader runs).
    let restored = store.undo_remove().unwrap().unwrap();
    assert_eq!(restored.id, "a");
    assert!(
        store.undo_remove().unwrap().is_none(),
        "nothing left to undo"
    );
    let (reopened, _) = Store::open(dir.path());
    let mut restored_ids = ids(&reopened, &paper);
    restored_ids.sort();
    assert_eq!(restored_ids, ["a", "b"]);
    let b = reopened
        .edition(&paper)
        .unwrap()
        .bookmarks
        .iter()
        .find(|b| b.id == "b")
        .unwrap();
    assert_eq!(b.note.as_deref(), Some("note"));
}

#[test]
fn read_marks_are_kept_per_edition_and_can_be_unset() {
    let dir = tempfile::tempdir().unwrap();
    let one = ArticleId("0000000000000001".into());
    let two = ArticleId("0000000000000002".into());
    let (mut store, _) = Store::open(dir.path());
    store.mark_read(&fp("monday"), &one).unwrap();
    store.mark_read(&fp("monday"), &two).unwrap();
    store.set_read(&fp("monday"), &two, false).unwrap();
    let (store, _) = Store::open(dir.path());
    assert!(store.is_read(&fp("monday"), &one));
    assert!(!store.is_read(&fp("monday"), &two));
    assert!(
        !store.is_read(&fp("tuesday"), &one),
        "marks are per edition"
    );
    let read: Vec<&ArticleId> = store
        .edition(&fp("monday"))
        .unwrap()
        .read_articles()
        .collect();
    assert_eq!(read, [&one]);
}

/// Two editions: one with a display title (from `identify`), one known only
/// by its path. 1722038400 is 2024-07-27 00:00 UTC (19931 days × 86400).
fn two_editions(dir: &std::path::Path) -> Store {
    let (mut store, _) = Store::open(dir);
    let titled = Edition {
        title: Some("无锡日报".into()),
        date: Some("2024年7月27日".into()),
        source: Some("/p/a.txt".into()),
        ..support::edition(Vec::new())
    };
    store.identify(&fp("aaaa"), &titled);
    store.resolve_edition(&fp("bbbb"), Some("/p/b.txt"), &[]);
    let cjk = Bookmark {
        id: "b1".into(),
        article: ArticleId("00000000000000a1".into()),
        anchor: Anchor {
            paragraph: 3,
            offset: 5,
        },
        snippet: "赵建军对吉佳蓝公司给予无锡发".into(),
        article_title: "吉佳蓝项目签约".into(),
        note: Some("看*这里*".into()),
        created: 1_722_038_400,
    };
    let latin = Bookmark {
        id: "b2".into(),
        article: ArticleId("00000000000000b2".into()),
        anchor: Anchor::default(),
        snippet: "council voted to exp".into(),
        article_title: "Tram".into(),
        note: None,
        created: 1_722_038_400 + 86_400,
    };
    store.add_bookmark(&fp("aaaa"), None, cjk).unwrap();
    store.add_bookmark(&fp("bbbb"), None, latin).unwrap();
    store
}

#[test]
fn all_bookmarks_lists_every_edition_by_title_or_path() {
    let dir = tempfile::tempdir().unwrap();
    let store = two_editions(dir.path());
    let listed = store.all_bookmarks();
    let labels: Vec<(&str, &str)> = listed
        .iter()
        .map(|l| (l.edition_label.as_str(), l.id.as_str()))
        .collect();
    // "/" sorts before "无".
    assert_eq!(
        labels,
        [("/p/b.txt", "b2"), ("无锡日报 2024年7月27日", "b1")]
    );
    assert_eq!(
        store.bookmarks_text(),
        "/p/b.txt\n  Tram — council voted to exp…\n\n无锡日报 2024年7月27日\n  吉佳蓝项目签约 — 赵建军对吉佳蓝公司给予无锡发…  [看*这里*]\n"
    );
}

#[test]
fn bookmarks_json_gives_every_field_for_scripts() {
    let dir = tempfile::tempdir().unwrap();
    let store = two_editions(dir.path());
    let json: serde_json::Value = serde_json::from_str(&store.bookmarks_json()).unwrap();
    let expected = serde_json::json!([
        {
            "edition": "bbbb", "edition_label": "/p/b.txt", "path": "/p/b.txt",
            "id": "b2", "article": "00000000000000b2",
            "anchor": {"paragraph": 0, "offset": 0},
            "article_title": "Tram", "snippet": "council voted to exp",
            "note": null, "created": 1_722_124_800u64
        },
        {
            "edition": "aaaa", "edition_label": "无锡日报 2024年7月27日", "path": "/p/a.txt",
            "id": "b1", "article": "00000000000000a1",
            "anchor": {"paragraph": 3, "offset": 5},
            "article_title": "吉佳蓝项目签约", "snippet": "赵建军对吉佳蓝公司给予无锡发",
            "note": "看*这里*", "created": 1_722_038_400u64
        }
    ]);
    assert_eq!(json, expected);
}

#[test]
fn markdown_export_has_a_section_per_edition_with_snippets_and_notes() {
    let dir = tempfile::tempdir().unwrap();
    let store = two_editions(dir.path());
    let expected = "\
# Bookmarks

## /p/b.txt

- **Tram**: “council voted to exp…”
  - Added 2024-07-28

## 无锡日报 2024年7月27日

File: `/p/a.txt`

- **吉佳蓝项目签约**: “赵建军对吉佳蓝公司给予无锡发…”
  - Note: 看\\*这里\\*
  - Added 2024-07-27
";
    assert_eq!(store.export_markdown(), expected);
}

#[test]
fn empty_store_lists_no_bookmarks() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = Store::open(dir.path());
    assert!(store.all_bookmarks().is_empty());
    assert_eq!(store.bookmarks_json(), "[]");
    assert_eq!(store.bookmarks_text(), "No bookmarks yet.\n");
    assert_eq!(
        store.export_markdown(),
        "# Bookmarks\n\nNo bookmarks yet.\n"
    );
}
