//! Issue 16 changed the edition fingerprint (FNV-1a, 16 hex digits, to
//! XXH3, `x3-` and 32 hex digits). State stored under an edition's old key
//! is never lost: the first time the edition is opened, its state moves to
//! the new key, the old key kept as an alias, nothing deleted. These tests
//! start from state files as older releases wrote them.

#![allow(clippy::unwrap_used)]

#[path = "../benches/common/generate.rs"]
#[allow(dead_code)]
mod generate;

use std::path::{Path, PathBuf};

use newsreader::app::Settings;
use newsreader::cli::open::{self, ReaderOptions};
use newsreader::edition::{self, Edition, Fingerprint, LoadOptions, decode};
use newsreader::store::Store;

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/edition.txt");

/// The sample's key as every release before issue 16 stored it: the 64-bit
/// FNV-1a of its non-whitespace UTF-8 bytes, worked out apart from this
/// code (a few lines of Python over `assets/edition.txt`).
const SAMPLE_LEGACY_KEY: &str = "2e51a070caa3cc6d";

fn options() -> ReaderOptions {
    ReaderOptions {
        settings: Settings::default(),
        encoding: None,
        resume: true,
        help: newsreader::keymap::Keymap::default().help(),
    }
}

/// The edition at `path` and its current fingerprint, as a dump loads it.
fn loaded(path: &Path) -> (Edition, Fingerprint) {
    let source = path.to_string_lossy().into_owned();
    edition::load(
        &std::fs::read(path).unwrap(),
        Some(&source),
        &LoadOptions::default(),
    )
}

/// Writes `bookmarks.json` into `data` as an older release left it: the
/// edition of `edition` (read from `path`) under `key`, with a bookmark
/// (with a note) in its third article, its first article read, and the
/// reading position in its second.
fn old_state_file(data: &Path, key: &str, path: &Path, edition: &Edition) {
    let article = |i: usize| edition.article(i).unwrap();
    let third = article(2);
    let state = serde_json::json!({
        "version": 2,
        "editions": { key: {
            "path": path.to_string_lossy(),
            "titles": edition.articles().map(|a| a.headline.one_line()).collect::<Vec<_>>(),
            "touched": 1_764_000_000_000_u64,
            "position": {"article": article(1).id.0, "anchor": {"paragraph": 1, "offset": 0}},
            "position_snippet": "",
            "position_updated": 1_764_000_000_000_u64,
            "bookmarks": [{
                "id": "old-bookmark", "article": third.id.0,
                "anchor": {"paragraph": 1, "offset": 2},
                "snippet": newsreader::store::anchor::snippet_at(
                    third,
                    newsreader::edition::Anchor { paragraph: 1, offset: 2 },
                ),
                "article_title": third.headline.display(),
                "note": "kept since 2025", "created": 1_700_000_000_u64 }],
            "clocks": {"old-bookmark": 1_700_000_000_000_u64},
            "read": {article(0).id.0.clone(): {"read": true, "at": 1_764_000_000_000_u64}} } }
    });
    std::fs::create_dir_all(data).unwrap();
    std::fs::write(
        data.join("bookmarks.json"),
        serde_json::to_vec_pretty(&state).unwrap(),
    )
    .unwrap();
}

/// The state file on disk, as JSON.
fn on_disk(data: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(data.join("bookmarks.json")).unwrap()).unwrap()
}

/// Checks the state file after the move: the old state under `new` only,
/// `old` among its aliases, the bookmark whole.
#[track_caller]
fn assert_moved(data: &Path, old: &str, new: &Fingerprint) {
    let disk = on_disk(data);
    let editions = disk["editions"].as_object().unwrap();
    assert!(!editions.contains_key(old), "moved, not copied");
    let state = &editions[&new.0];
    assert_eq!(state["aliases"], serde_json::json!([old]));
    let bookmarks = state["bookmarks"].as_array().unwrap();
    assert_eq!(bookmarks.len(), 1);
    assert_eq!(bookmarks[0]["id"], "old-bookmark");
    assert_eq!(bookmarks[0]["note"], "kept since 2025");
    assert_eq!(bookmarks[0]["created"], 1_700_000_000_u64);
    assert_eq!(state["read"].as_object().unwrap().len(), 1);
    assert!(state["position"].is_object());
}

#[test]
fn the_legacy_key_of_the_sample_is_the_key_older_releases_stored() {
    let bytes = std::fs::read(SAMPLE).unwrap();
    let text = decode::decode(&bytes, None).text;
    assert_eq!(Fingerprint::legacy_of_text(&text).0, SAMPLE_LEGACY_KEY);
    let (_, fingerprint) = edition::load(&bytes, None, &LoadOptions::default());
    assert!(fingerprint.0.starts_with("x3-") && fingerprint.0.len() == 35);
    assert!(!fingerprint.is_legacy());
    assert!(Fingerprint(SAMPLE_LEGACY_KEY.to_owned()).is_legacy());
}

#[test]
fn state_under_the_samples_old_key_shows_at_once_and_moves_to_the_new_key() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("paper.txt");
    std::fs::copy(SAMPLE, &path).unwrap();
    let (whole, fingerprint) = loaded(&path);
    let data = dir.path().join("data");
    old_state_file(&data, SAMPLE_LEGACY_KEY, &path, &whole);

    let (mut store, warnings) = Store::open(&data);
    assert!(warnings.is_empty(), "{warnings:?}");
    let opened = open::open(&path, &options(), &mut store).unwrap();
    assert!(opened.loading.is_none(), "the sample opens in one step");
    let app = opened.app;
    assert_eq!(app.fingerprint(), &fingerprint);
    assert_eq!(app.bookmarks().len(), 1);
    assert_eq!(app.bookmarks()[0].note.as_deref(), Some("kept since 2025"));
    assert!(app.bookmark_found(0));
    assert!(app.is_read(0), "read marks came along");
    assert_eq!(app.current(), 1, "and the reading position");
    assert_moved(&data, SAMPLE_LEGACY_KEY, &fingerprint);

    // Saved from now on under the new key; opening it again finds it there.
    let (mut store, _) = Store::open(&data);
    let third = whole.article(2).unwrap();
    let bookmark = newsreader::store::Bookmark::at(third, edition::Anchor::default());
    store
        .add_bookmark(&fingerprint, Some(&path.to_string_lossy()), bookmark)
        .unwrap();
    let (mut store, _) = Store::open(&data);
    let opened = open::open(&path, &options(), &mut store).unwrap();
    assert_eq!(opened.app.bookmarks().len(), 2);
    let disk = on_disk(&data);
    assert_eq!(disk["editions"].as_object().unwrap().len(), 1);
}

#[test]
fn an_older_reader_saving_under_the_old_key_after_the_move_is_merged_in() {
    // Another `newsreader`, of a release before the change, still has the
    // edition open under its old key and saves a bookmark there: the next
    // save or refresh folds it into the new key (the old key is an alias).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("paper.txt");
    std::fs::copy(SAMPLE, &path).unwrap();
    let (whole, fingerprint) = loaded(&path);
    let data = dir.path().join("data");
    old_state_file(&data, SAMPLE_LEGACY_KEY, &path, &whole);
    let (mut store, _) = Store::open(&data);
    open::open(&path, &options(), &mut store).unwrap();
    assert_moved(&data, SAMPLE_LEGACY_KEY, &fingerprint);

    let mut disk = on_disk(&data);
    let article = whole.article(0).unwrap();
    disk["editions"][SAMPLE_LEGACY_KEY] = serde_json::json!({
        "path": path.to_string_lossy(),
        "bookmarks": [{
            "id": "from-old-release", "article": article.id.0,
            "anchor": {"paragraph": 0, "offset": 0}, "snippet": "",
            "article_title": article.headline.display(), "note": null,
            "created": 1_765_000_000_u64 }],
        "clocks": {"from-old-release": 1_765_000_000_000_u64}
    });
    std::fs::write(data.join("bookmarks.json"), disk.to_string()).unwrap();
    store.refresh();
    let ids: Vec<&str> = store
        .edition(&fingerprint)
        .unwrap()
        .bookmarks
        .iter()
        .map(|b| b.id.as_str())
        .collect();
    assert_eq!(ids, ["old-bookmark", "from-old-release"]);
    assert!(
        store
            .edition(&Fingerprint(SAMPLE_LEGACY_KEY.to_owned()))
            .is_none()
    );
}

/// A generated edition of many pages, larger than the head a large file's
/// first frame is made from, written to `dir/big.txt`.
fn large_edition(dir: &Path) -> PathBuf {
    let path = dir.join("big.txt");
    let text = generate::edition(generate::Shape::Pages, 3 * open::HEAD_BYTES);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn state_under_a_large_editions_old_key_arrives_with_the_whole_edition_under_the_new_key() {
    let dir = tempfile::tempdir().unwrap();
    let path = large_edition(dir.path());
    let (whole, fingerprint) = loaded(&path);
    let text = decode::decode(&std::fs::read(&path).unwrap(), None).text;
    let legacy = Fingerprint::legacy_of_text(&text);
    let data = dir.path().join("data");
    old_state_file(&data, &legacy.0, &path, &whole);

    let (mut store, _) = Store::open(&data);
    let opened = open::open(&path, &options(), &mut store).unwrap();
    let mut app = opened.app;
    let mut loading = opened.loading.expect("read from its head");
    assert!(!loading.identified());
    assert!(
        app.bookmarks().is_empty(),
        "state comes with the whole edition"
    );
    assert!(
        on_disk(&data)["editions"][&legacy.0].is_object(),
        "not moved yet"
    );

    let result = loading.wait().unwrap();
    assert_eq!(result.fingerprint.as_ref(), Some(&fingerprint));
    assert_eq!(result.legacy.as_ref(), Some(&legacy));
    open::complete(&mut app, &mut store, &loading, result);
    assert_eq!(app.fingerprint(), &fingerprint);
    assert_eq!(app.bookmarks().len(), 1);
    assert!(app.bookmark_found(0));
    assert!(app.is_read(0));
    assert_eq!(app.current(), 1, "no key was pressed: the position opens");
    assert_moved(&data, &legacy.0, &fingerprint);
}

#[test]
fn the_legacy_key_is_not_computed_once_the_store_holds_none() {
    let dir = tempfile::tempdir().unwrap();
    let path = large_edition(dir.path());
    let (whole, fingerprint) = loaded(&path);
    let data = dir.path().join("data");
    let (mut store, _) = Store::open(&data);
    store.identify(&fingerprint, &whole);
    let keys = store.known_keys();
    let text = decode::decode(&std::fs::read(&path).unwrap(), None).text;
    let of_text = keys.keys_of(&text);
    assert_eq!(of_text.fingerprint, fingerprint);
    assert_eq!(of_text.legacy, None);
    // Nor for an edition the store holds nothing of, when it has no key of
    // the old format at all.
    let of_other = keys.keys_of("别的报纸");
    assert_eq!(of_other.legacy, None);
}
