//! Two `Store`s on one data directory, as two readers open at once: each
//! save merges the other's changes; deletions win over stale copies; the
//! newest position, note and read mark win.

#![allow(clippy::unwrap_used)]

#[path = "support/editions.rs"]
mod support;

use newsreader::edition::{Anchor, ArticleId};
use newsreader::store::{Bookmark, Position, Store};
use support::{fp, ids, plain_bookmark};

fn position(offset: usize) -> Position {
    Position {
        article: ArticleId("00000000000000aa".into()),
        anchor: Anchor {
            paragraph: 0,
            offset,
        },
    }
}

#[test]
fn delete_in_one_reader_is_not_resurrected_by_the_others_later_save() {
    let dir = tempfile::tempdir().unwrap();
    let paper = fp("e");
    let (mut first, _) = Store::open(dir.path());
    first
        .add_bookmark(&paper, None, plain_bookmark("x", 1))
        .unwrap();
    first
        .add_bookmark(&paper, None, plain_bookmark("y", 2))
        .unwrap();
    let (mut second, _) = Store::open(dir.path());
    assert_eq!(ids(&second, &paper), ["x", "y"]);

    first.remove_bookmark(&paper, "x").unwrap();
    second
        .add_bookmark(&paper, None, plain_bookmark("z", 3))
        .unwrap();

    assert_eq!(
        ids(&second, &paper),
        ["y", "z"],
        "stale copy dropped in memory"
    );
    let (reopened, _) = Store::open(dir.path());
    assert_eq!(ids(&reopened, &paper), ["y", "z"]);
    first.set_position(&paper, None, position(1)).unwrap();
    let (reopened, _) = Store::open(dir.path());
    assert_eq!(ids(&reopened, &paper), ["y", "z"]);
}

#[test]
fn undo_after_delete_wins_over_the_tombstone_in_the_other_reader() {
    let dir = tempfile::tempdir().unwrap();
    let paper = fp("e");
    let (mut first, _) = Store::open(dir.path());
    first
        .add_bookmark(&paper, None, plain_bookmark("x", 1))
        .unwrap();
    let (mut second, _) = Store::open(dir.path());
    first.remove_bookmark(&paper, "x").unwrap();
    second
        .add_bookmark(&paper, None, plain_bookmark("y", 2))
        .unwrap();
    assert_eq!(ids(&second, &paper), ["y"]);

    let restored = first.undo_remove().unwrap().unwrap();
    assert_eq!(restored.id, "x");
    second
        .add_bookmark(&paper, None, plain_bookmark("z", 3))
        .unwrap();
    assert_eq!(ids(&second, &paper), ["x", "y", "z"]);
}

#[test]
fn newest_position_wins_whichever_reader_saves_last() {
    let dir = tempfile::tempdir().unwrap();
    let paper = fp("e");
    let (mut first, _) = Store::open(dir.path());
    let (mut second, _) = Store::open(dir.path());
    first.set_position(&paper, None, position(10)).unwrap();
    second.set_position(&paper, None, position(20)).unwrap();
    // The first reader saves something else later; its older position loses.
    first
        .add_bookmark(&paper, None, plain_bookmark("b", 1))
        .unwrap();
    assert_eq!(first.edition(&paper).unwrap().position, Some(position(20)));
    let (reopened, _) = Store::open(dir.path());
    assert_eq!(
        reopened.edition(&paper).unwrap().position,
        Some(position(20))
    );
}

#[test]
fn renamed_note_survives_a_stale_copy_saved_by_the_other_reader() {
    let dir = tempfile::tempdir().unwrap();
    let paper = fp("e");
    let (mut first, _) = Store::open(dir.path());
    first
        .add_bookmark(&paper, None, plain_bookmark("x", 1))
        .unwrap();
    let (mut second, _) = Store::open(dir.path());
    assert!(first.set_note(&paper, "x", Some("重要")).unwrap());
    second
        .add_bookmark(&paper, None, plain_bookmark("y", 2))
        .unwrap();
    let (reopened, _) = Store::open(dir.path());
    let state = reopened.edition(&paper).unwrap();
    assert_eq!(state.bookmark("x").unwrap().note.as_deref(), Some("重要"));
}

#[test]
fn read_marks_from_both_readers_merge_and_unread_wins_when_newer() {
    let dir = tempfile::tempdir().unwrap();
    let paper = fp("e");
    let one = ArticleId("0000000000000001".into());
    let two = ArticleId("0000000000000002".into());
    let (mut first, _) = Store::open(dir.path());
    let (mut second, _) = Store::open(dir.path());
    first.mark_read(&paper, &one).unwrap();
    second.mark_read(&paper, &two).unwrap();
    assert!(second.is_read(&paper, &one), "merged at save");
    first.set_read(&paper, &one, false).unwrap();
    second
        .add_bookmark(&paper, None, plain_bookmark("b", 1))
        .unwrap();
    let (reopened, _) = Store::open(dir.path());
    assert!(!reopened.is_read(&paper, &one));
    assert!(reopened.is_read(&paper, &two));
}

#[test]
fn refresh_brings_in_the_other_readers_bookmarks_without_saving() {
    let dir = tempfile::tempdir().unwrap();
    let paper = fp("e");
    let (mut first, _) = Store::open(dir.path());
    let (mut second, _) = Store::open(dir.path());
    first
        .add_bookmark(&paper, None, plain_bookmark("x", 1))
        .unwrap();
    let before = std::fs::read(dir.path().join("bookmarks.json")).unwrap();
    second.refresh();
    assert_eq!(ids(&second, &paper), ["x"]);
    assert!(second.take_messages().is_empty());
    assert_eq!(
        std::fs::read(dir.path().join("bookmarks.json")).unwrap(),
        before
    );
}

#[test]
fn save_while_another_reader_holds_the_lock_too_long_fails_then_retries() {
    let dir = tempfile::tempdir().unwrap();
    let paper = fp("e");
    let (mut store, _) = Store::open(dir.path());
    store
        .add_bookmark(&paper, None, plain_bookmark("a", 1))
        .unwrap();

    // A hung reader: holds the lock and never lets go (until dropped).
    let hung = std::fs::File::options()
        .write(true)
        .open(dir.path().join(newsreader::store::LOCK_NAME))
        .unwrap();
    hung.lock().unwrap();
    let blocked = store.add_bookmark(&paper, None, plain_bookmark("b", 2));
    assert!(blocked.is_err());
    let messages = store.take_messages();
    assert_eq!(messages.len(), 1);
    assert!(
        messages[0].detail.contains("bookmarks.lock"),
        "{}",
        messages[0]
    );
    drop(hung);

    store
        .add_bookmark(&paper, None, plain_bookmark("c", 3))
        .unwrap();
    let (reopened, _) = Store::open(dir.path());
    assert_eq!(ids(&reopened, &paper), ["a", "b", "c"]);
}

#[test]
fn two_readers_bookmarking_the_same_row_end_with_one_bookmark() {
    let dir = tempfile::tempdir().unwrap();
    let paper = fp("e");
    let (mut first, _) = Store::open(dir.path());
    let (mut second, _) = Store::open(dir.path());
    let at = |id: &str, created| Bookmark {
        anchor: Anchor {
            paragraph: 2,
            offset: 7,
        },
        ..plain_bookmark(id, created)
    };
    first.add_bookmark(&paper, None, at("one", 10)).unwrap();
    let noted = Bookmark {
        note: Some("看这里".into()),
        ..at("two", 20)
    };
    second.add_bookmark(&paper, None, noted).unwrap();
    assert_eq!(ids(&second, &paper), ["one"], "merged in memory");
    let (reopened, _) = Store::open(dir.path());
    assert_eq!(ids(&reopened, &paper), ["one"]);
    let kept = reopened.edition(&paper).unwrap().bookmark("one").unwrap();
    assert_eq!(kept.note.as_deref(), Some("看这里"), "the note is kept");
    // The first reader's next save agrees, and a delete of the one left
    // is not undone by the dropped copy.
    first.remove_bookmark(&paper, "one").unwrap();
    second.mark_read(&paper, &ArticleId("b".into())).unwrap();
    let (reopened, _) = Store::open(dir.path());
    assert!(ids(&reopened, &paper).is_empty());
}
