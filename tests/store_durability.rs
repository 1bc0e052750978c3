//! The store on disk: round-trip, atomic saves leaving no temp files,
//! corrupt files moved aside, the v1 → v2 migration, a newer version opened
//! read-only, and an unwritable data directory.

#![allow(clippy::unwrap_used)]

#[path = "support/editions.rs"]
mod support;

use std::fs;
use std::path::{Path, PathBuf};

use newsreader::edition::{Anchor, ArticleId};
use newsreader::store::{FILE_NAME, LOCK_NAME, Position, Store, StoreError};
use support::{article, fp, ids, names, plain_bookmark};

fn corrupt_copies(dir: &Path) -> Vec<PathBuf> {
    names(dir)
        .into_iter()
        .filter(|n| n.starts_with("bookmarks.json.corrupt-"))
        .map(|n| dir.join(n))
        .collect()
}

#[test]
fn bookmarks_position_notes_and_read_marks_survive_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let paper = fp("paper");
    let lead = article("头版头条", &["第一段文字。", "第二段文字，写得更长一些。"]);
    {
        let (mut store, warnings) = Store::open(dir.path());
        assert!(warnings.is_empty());
        let first = support::bookmark("b1", &lead, Anchor::default(), 100);
        let second = support::bookmark(
            "b2",
            &lead,
            Anchor {
                paragraph: 1,
                offset: 3,
            },
            200,
        );
        store.add_bookmark(&paper, Some("/p/a.txt"), first).unwrap();
        store.add_bookmark(&paper, None, second).unwrap();
        store.set_note(&paper, "b2", Some("  回头再看 ")).unwrap();
        let at = Anchor {
            paragraph: 1,
            offset: 5,
        };
        store.set_reading_position(&paper, None, &lead, at).unwrap();
        store.mark_read(&paper, &lead.id).unwrap();
    }
    let (store, warnings) = Store::open(dir.path());
    assert!(warnings.is_empty());
    let state = store.edition(&paper).unwrap();
    assert_eq!(state.path.as_deref(), Some("/p/a.txt"));
    assert_eq!(ids(&store, &paper), ["b1", "b2"]);
    let b2 = state.bookmark("b2").unwrap();
    assert_eq!(b2.note.as_deref(), Some("回头再看"));
    // Paragraph 1 is "第二段文字，写得更长一些。"; offset 3 starts at "文字，…".
    assert_eq!(b2.snippet, "文字，写得更长一些。");
    assert_eq!(b2.article_title, "头版头条");
    assert_eq!(
        state.position,
        Some(Position {
            article: lead.id.clone(),
            anchor: Anchor {
                paragraph: 1,
                offset: 5
            }
        })
    );
    assert_eq!(state.position_snippet(), "，写得更长一些。");
    assert!(state.is_read(&lead.id));
    assert!(!state.is_read(&ArticleId("0000000000000000".into())));
}

#[test]
fn saves_leave_only_the_state_file_and_the_lock_file() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open(dir.path());
    for n in 0..10 {
        store
            .add_bookmark(&fp("e"), None, plain_bookmark(&format!("b{n}"), n))
            .unwrap();
    }
    store.remove_bookmark(&fp("e"), "b3").unwrap();
    assert_eq!(names(dir.path()), [FILE_NAME, LOCK_NAME]);
}

#[test]
fn temp_file_left_by_a_killed_writer_is_removed_by_the_next_save() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(".bookmarks.json.Xy12ab.tmp"), b"{\"vers").unwrap();
    let (mut store, warnings) = Store::open(dir.path());
    assert!(warnings.is_empty());
    store
        .add_bookmark(&fp("e"), None, plain_bookmark("b", 1))
        .unwrap();
    assert_eq!(names(dir.path()), [FILE_NAME, LOCK_NAME]);
}

#[test]
fn data_directory_is_created_on_first_save() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("a/b/newsreader");
    let (mut store, warnings) = Store::open(&dir);
    assert!(warnings.is_empty());
    store
        .add_bookmark(&fp("e"), None, plain_bookmark("b", 1))
        .unwrap();
    assert!(dir.join(FILE_NAME).is_file());
}

/// Opens a store over a state file holding `bytes`, and checks the file was
/// moved aside intact, reported once, and not overwritten by the next save.
fn assert_moved_aside_and_kept(bytes: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(FILE_NAME);
    fs::write(&file, bytes).unwrap();
    let (mut store, warnings) = Store::open(dir.path());
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].detail.contains("moved aside"),
        "{}",
        warnings[0]
    );
    assert!(store.read_only().is_none());
    assert_eq!(store.editions().count(), 0);
    assert!(!file.exists());
    let copies = corrupt_copies(dir.path());
    assert_eq!(copies.len(), 1);
    assert_eq!(fs::read(&copies[0]).unwrap(), bytes);
    assert!(warnings[0].detail.contains(&*copies[0].to_string_lossy()));
    // The status bar's form names files only, so it fits beside the
    // progress at 120 columns.
    let aside = copies[0].file_name().unwrap().to_string_lossy();
    assert_eq!(
        warnings[0].status,
        format!("bookmarks.json unreadable; moved aside to {aside}")
    );
    assert!(warnings[0].status.len() <= newsreader::store::notice::STATUS_COLUMNS);

    store
        .add_bookmark(&fp("e"), None, plain_bookmark("new", 5))
        .unwrap();
    assert_eq!(fs::read(&copies[0]).unwrap(), bytes);
    let (reopened, warnings) = Store::open(dir.path());
    assert!(warnings.is_empty());
    assert_eq!(ids(&reopened, &fp("e")), ["new"]);
}

#[test]
fn truncated_json_is_moved_aside() {
    assert_moved_aside_and_kept(b"{\"version\": 2, \"editions\": {\"abc\": {\"path\": \"/x");
}

#[test]
fn binary_garbage_is_moved_aside() {
    assert_moved_aside_and_kept(&[0x00, 0xff, 0x13, 0x9c, 0x7f, 0x80, 0xfe, 0x01, 0x02]);
}

#[test]
fn valid_json_of_the_wrong_shape_is_moved_aside() {
    assert_moved_aside_and_kept(br#"{"version": 2, "editions": [1, 2, 3]}"#);
}

#[test]
fn json_without_a_version_is_moved_aside() {
    assert_moved_aside_and_kept(br#"["not", "a", "bookmarks", "file"]"#);
}

#[test]
fn empty_file_is_moved_aside() {
    assert_moved_aside_and_kept(b"");
}

#[test]
fn file_corrupted_after_open_is_moved_aside_by_the_next_save() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open(dir.path());
    store
        .add_bookmark(&fp("e"), None, plain_bookmark("a", 1))
        .unwrap();
    fs::write(dir.path().join(FILE_NAME), b"\x00garbage").unwrap();
    store
        .add_bookmark(&fp("e"), None, plain_bookmark("b", 2))
        .unwrap();
    let messages = store.take_messages();
    assert_eq!(messages.len(), 1);
    assert!(messages[0].detail.contains("moved aside"));
    let copies = corrupt_copies(dir.path());
    assert_eq!(fs::read(&copies[0]).unwrap(), b"\x00garbage");
    let (reopened, _) = Store::open(dir.path());
    assert_eq!(ids(&reopened, &fp("e")), ["a", "b"]);
}

fn v1_fixture() -> Vec<u8> {
    fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/store_v1.json"
    ))
    .unwrap()
}

#[test]
fn version_1_file_is_migrated_on_load_and_left_untouched_until_a_save() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(FILE_NAME);
    let original = v1_fixture();
    fs::write(&file, &original).unwrap();

    let (store, warnings) = Store::open(dir.path());
    assert!(warnings.is_empty(), "{warnings:?}");
    let paper = fp("8811b50d0c9ae951");
    let state = store.edition(&paper).unwrap();
    assert_eq!(
        state.path.as_deref(),
        Some("/home/reader/papers/2024-07-27.txt")
    );
    assert_eq!(
        state.position,
        Some(Position {
            article: ArticleId("1f2e3d4c5b6a7988".into()),
            anchor: Anchor {
                paragraph: 2,
                offset: 14
            }
        })
    );
    assert_eq!(state.bookmarks.len(), 2);
    let second = &state.bookmarks[1];
    assert_eq!(second.id, "1722042000000-4242-1");
    assert_eq!(second.snippet, "赵建军对吉佳蓝公司给予无锡发");
    assert_eq!(second.note.as_deref(), Some("read later"));
    assert_eq!(second.created, 1_722_042_000);
    assert!(state.titles.is_empty() && state.title.is_none());
    drop(store);
    assert_eq!(fs::read(&file).unwrap(), original, "opening must not write");
}

#[test]
fn version_1_file_is_kept_as_a_copy_and_rewritten_as_version_2_on_save() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(FILE_NAME);
    let original = v1_fixture();
    fs::write(&file, &original).unwrap();
    let paper = fp("8811b50d0c9ae951");

    let (mut store, _) = Store::open(dir.path());
    store
        .add_bookmark(&paper, None, plain_bookmark("new", 1_800_000_000))
        .unwrap();
    let written: serde_json::Value = serde_json::from_slice(&fs::read(&file).unwrap()).unwrap();
    assert_eq!(written["version"], 2);
    assert_eq!(
        fs::read(dir.path().join("bookmarks.json.v1")).unwrap(),
        original
    );
    let (reopened, warnings) = Store::open(dir.path());
    assert!(warnings.is_empty());
    assert_eq!(
        ids(&reopened, &paper),
        ["1722038400000-4242-0", "1722042000000-4242-1", "new"]
    );
}

#[test]
fn newer_version_opens_read_only_and_is_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(FILE_NAME);
    let future = br#"{"version": 3, "editions": {"abc": {"path": "/x.txt", "position": null,
        "bookmarks": [], "hologram": true}}, "sync": {"peer": "z"}}"#;
    fs::write(&file, future).unwrap();

    let (mut store, warnings) = Store::open(dir.path());
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].detail.contains("newer"), "{}", warnings[0]);
    assert!(warnings[0].detail.contains("version 3"), "{}", warnings[0]);
    assert!(store.read_only().is_some());
    // What can be understood of it is shown.
    assert_eq!(
        store.edition(&fp("abc")).unwrap().path.as_deref(),
        Some("/x.txt")
    );

    let result = store.add_bookmark(&fp("abc"), None, plain_bookmark("b", 1));
    assert!(matches!(result, Err(StoreError::ReadOnly { .. })));
    assert_eq!(ids(&store, &fp("abc")), ["b"], "kept in memory");
    assert_eq!(fs::read(&file).unwrap(), future);
    assert_eq!(names(dir.path()), [FILE_NAME, LOCK_NAME]);
}

#[test]
fn newer_version_written_by_another_reader_meanwhile_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(FILE_NAME);
    let (mut store, _) = Store::open(dir.path());
    store
        .add_bookmark(&fp("e"), None, plain_bookmark("a", 1))
        .unwrap();
    let future = br#"{"version": 7, "editions": {}}"#;
    fs::write(&file, future).unwrap();
    let result = store.add_bookmark(&fp("e"), None, plain_bookmark("b", 2));
    assert!(matches!(result, Err(StoreError::ReadOnly { .. })));
    assert_eq!(store.take_messages().len(), 1);
    assert!(store.read_only().is_some());
    assert_eq!(fs::read(&file).unwrap(), future);
}

#[test]
fn unwritable_data_dir_keeps_changes_in_memory_says_so_every_time_and_retries() {
    let root = tempfile::tempdir().unwrap();
    // Tests run as root, so permissions would not stop a write: make the
    // data dir's parent a regular file instead.
    let blocker = root.path().join("blocker");
    fs::write(&blocker, b"a file, not a directory").unwrap();
    let dir = blocker.join("newsreader");
    let (mut store, warnings) = Store::open(&dir);
    assert!(warnings.is_empty());
    let paper = fp("e");

    let first = store.add_bookmark(&paper, None, plain_bookmark("a", 1));
    assert!(matches!(first, Err(StoreError::Io { .. })));
    assert!(store.save_failing());
    let messages = store.take_messages();
    assert_eq!(messages.len(), 1);
    assert!(
        messages[0].detail.contains("can't be saved"),
        "{}",
        messages[0]
    );

    assert!(store.has_unsaved());

    let second = store.add_bookmark(&paper, None, plain_bookmark("b", 2));
    assert!(second.is_err());
    let again = store.take_messages();
    assert_eq!(again.len(), 1, "every failed save is said: {again:?}");
    assert!(again[0].status.contains("NOT SAVED"), "{}", again[0].status);
    assert_eq!(ids(&store, &paper), ["a", "b"]);
    assert!(store.has_unsaved());

    fs::remove_file(&blocker).unwrap();
    store
        .add_bookmark(&paper, None, plain_bookmark("c", 3))
        .unwrap();
    assert!(!store.save_failing());
    assert!(!store.has_unsaved());
    assert_eq!(
        store.take_messages(),
        [newsreader::store::Notice::plain("bookmarks saved again")]
    );
    let (reopened, _) = Store::open(&dir);
    assert_eq!(ids(&reopened, &paper), ["a", "b", "c"]);
}

#[test]
fn data_dir_that_is_a_file_fails_to_save_but_keeps_working() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("newsreader");
    fs::write(&dir, b"oops").unwrap();
    let (mut store, warnings) = Store::open(&dir);
    assert!(warnings.is_empty());
    assert!(
        store
            .set_position(
                &fp("e"),
                Some("/a.txt"),
                Position {
                    article: ArticleId("00000000000000aa".into()),
                    anchor: Anchor::default(),
                },
            )
            .is_err()
    );
    assert_eq!(store.take_messages().len(), 1);
    assert!(store.edition(&fp("e")).unwrap().position.is_some());
    assert_eq!(fs::read(&dir).unwrap(), b"oops");
}

#[test]
fn state_file_that_cannot_be_read_opens_read_only_and_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    // A directory where the file should be: reading it fails, and it can
    // neither be parsed nor safely replaced.
    fs::create_dir(dir.path().join(FILE_NAME)).unwrap();
    fs::write(dir.path().join(FILE_NAME).join("keep"), b"x").unwrap();
    let (mut store, warnings) = Store::open(dir.path());
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].detail.contains("can't read"), "{}", warnings[0]);
    assert!(store.read_only().is_some());
    let result = store.add_bookmark(&fp("e"), None, plain_bookmark("b", 1));
    assert!(matches!(result, Err(StoreError::ReadOnly { .. })));
    assert_eq!(ids(&store, &fp("e")), ["b"]);
    assert_eq!(
        fs::read(dir.path().join(FILE_NAME).join("keep")).unwrap(),
        b"x"
    );
}

#[test]
fn new_ids_are_unique_within_a_process() {
    let made: std::collections::BTreeSet<String> =
        (0..1000).map(|_| newsreader::store::new_id()).collect();
    assert_eq!(made.len(), 1000);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Whatever bytes the file holds, opening never panics and never loses
    /// them: either they load, or they are kept byte for byte aside.
    #[test]
    fn any_file_content_is_loaded_or_kept_aside_intact(
        bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..200),
        json_prefix in proptest::prelude::any::<bool>(),
    ) {
        let mut content = if json_prefix { b"{\"version\": 2, ".to_vec() } else { Vec::new() };
        content.extend(&bytes);
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(FILE_NAME);
        fs::write(&file, &content).unwrap();
        let (_store, warnings) = Store::open(dir.path());
        if warnings.is_empty() {
            proptest::prop_assert_eq!(fs::read(&file).unwrap(), content);
        } else {
            let copies = corrupt_copies(dir.path());
            proptest::prop_assert_eq!(copies.len(), 1);
            proptest::prop_assert_eq!(fs::read(&copies[0]).unwrap(), content);
        }
    }
}

#[test]
fn symlinked_state_file_is_written_through_and_stays_a_link() {
    // bookmarks.json kept in a dotfiles folder, linked into the data dir
    // by a relative link.
    let root = tempfile::tempdir().unwrap();
    let dotfiles = root.path().join("dotfiles");
    let data = root.path().join("data");
    fs::create_dir_all(&dotfiles).unwrap();
    fs::create_dir_all(&data).unwrap();
    let target = dotfiles.join("newsreader.json");
    let link = data.join(FILE_NAME);
    std::os::unix::fs::symlink("../dotfiles/newsreader.json", &link).unwrap();
    {
        // The target does not exist yet: the first save creates it.
        let (mut store, warnings) = Store::open(&data);
        assert!(warnings.is_empty(), "{warnings:?}");
        store
            .add_bookmark(&fp("e"), None, plain_bookmark("a", 1))
            .unwrap();
    }
    let (mut store, _) = Store::open(&data);
    store
        .add_bookmark(&fp("e"), None, plain_bookmark("b", 2))
        .unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(fs::symlink_metadata(&target).unwrap().is_file());
    let (reopened, _) = Store::open(&data);
    assert_eq!(ids(&reopened, &fp("e")), ["a", "b"]);
    let on_disk = fs::read_to_string(&target).unwrap();
    assert!(on_disk.contains("\"b\""), "{on_disk}");
    assert_eq!(names(&dotfiles), ["newsreader.json"], "no temp file left");
    assert_eq!(names(&data), [FILE_NAME, LOCK_NAME]);
}

#[test]
fn background_saves_that_fail_are_each_said_and_retried_on_finish() {
    let root = tempfile::tempdir().unwrap();
    let blocker = root.path().join("blocker");
    fs::write(&blocker, b"a file, not a directory").unwrap();
    let dir = blocker.join("newsreader");
    let (mut store, _) = Store::open(&dir);
    store.save_in_background();
    let paper = fp("e");
    for n in 0..3 {
        // The mutator only marks the change; the saver thread fails.
        store
            .add_bookmark(&paper, None, plain_bookmark(&format!("b{n}"), n))
            .unwrap();
        store.flush_and_wait();
        let messages = store.take_messages();
        assert_eq!(messages.len(), 1, "change {n}: {messages:?}");
        assert!(store.has_unsaved(), "change {n}");
    }
    // Saving works again; nothing changes, but quitting retries.
    fs::remove_file(&blocker).unwrap();
    assert!(store.has_unsaved());
    store.finish();
    assert!(!store.has_unsaved());
    let (reopened, _) = Store::open(&dir);
    assert_eq!(ids(&reopened, &paper), ["b0", "b1", "b2"]);
}

#[test]
fn finish_with_saving_still_failing_leaves_the_changes_unsaved() {
    let root = tempfile::tempdir().unwrap();
    let blocker = root.path().join("blocker");
    fs::write(&blocker, b"a file, not a directory").unwrap();
    let (mut store, _) = Store::open(&blocker.join("newsreader"));
    store.save_in_background();
    store
        .add_bookmark(&fp("e"), None, plain_bookmark("b", 1))
        .unwrap();
    store.finish();
    assert!(store.has_unsaved());
    let error = store.save_error().unwrap();
    assert!(error.contains("blocker"), "{error}");
}
