//! The state file keeps only an edition's first article titles
//! (`store::identity::MAX_TITLES`), and files written before that, with
//! every title, still match a re-extraction.

#![allow(clippy::unwrap_used)]

use newsreader::edition::Fingerprint;
use newsreader::store::identity::MAX_TITLES;
use newsreader::store::{FILE_NAME, Identity, Store};

const A: &str = "00000000000000aa";
const B: &str = "00000000000000bb";

fn fp(hex: &str) -> Fingerprint {
    Fingerprint(hex.to_owned())
}

/// `count` distinct titles, `第N篇报道`.
fn many_titles(count: usize) -> Vec<String> {
    (0..count).map(|n| format!("第{n}篇报道")).collect()
}

#[test]
fn only_the_first_hundred_titles_are_stored() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open(dir.path());
    let titles = many_titles(150);
    store.resolve_edition(&fp(A), Some("/p/a.txt"), &titles);
    let stored = &store.edition(&fp(A)).unwrap().titles;
    assert_eq!(stored.len(), 100);
    assert_eq!(stored[..], titles[..100]);
    assert_eq!(MAX_TITLES, 100);
}

#[test]
fn unread_counts_every_article_not_only_the_stored_titles() {
    // Found by a new user: a 4 020-article edition showed `100 unread` in
    // the library, the count of stored titles.
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open(dir.path());
    store.resolve_edition(&fp(A), Some("/p/a.txt"), &many_titles(150));
    let state = store.edition(&fp(A)).unwrap();
    assert_eq!(state.articles, Some(150));
    assert_eq!(state.unread_count(), Some(150));
    for n in [3, 120] {
        let id = newsreader::edition::ArticleId(format!("{n:016x}"));
        store.mark_read(&fp(A), &id).unwrap();
    }
    assert_eq!(store.edition(&fp(A)).unwrap().unread_count(), Some(148));
    // Kept across a reopen.
    drop(store);
    let (store, _) = Store::open(dir.path());
    assert_eq!(store.edition(&fp(A)).unwrap().unread_count(), Some(148));
}

#[test]
fn state_saved_before_the_count_falls_back_to_its_titles() {
    let dir = tempfile::tempdir().unwrap();
    let json = serde_json::json!({
        "version": 2,
        "editions": { A: { "path": "/p/a.txt", "titles": many_titles(7), "touched": 1, "bookmarks": [] } }
    });
    std::fs::write(dir.path().join(FILE_NAME), json.to_string()).unwrap();
    let (store, _) = Store::open(dir.path());
    let state = store.edition(&fp(A)).unwrap();
    assert_eq!(state.articles, None);
    assert_eq!(state.unread_count(), Some(7));
}

#[test]
fn old_file_with_every_title_still_matches_a_reextraction() {
    let dir = tempfile::tempdir().unwrap();
    // A file written before the cap: all 300 titles of edition "a".
    let titles = many_titles(300);
    let json = serde_json::json!({
        "version": 2,
        "editions": { A: { "path": "/p/a.txt", "titles": titles, "touched": 1, "bookmarks": [] } }
    });
    std::fs::write(dir.path().join(FILE_NAME), json.to_string()).unwrap();
    let (mut store, warnings) = Store::open(dir.path());
    assert!(warnings.is_empty(), "{warnings:?}");
    // The re-extraction misreads one title in ten.
    let reextracted: Vec<String> = titles
        .iter()
        .enumerate()
        .map(|(n, t)| {
            if n % 10 == 0 {
                format!("{t}x")
            } else {
                t.clone()
            }
        })
        .collect();
    let found = store.resolve_edition(&fp(B), Some("/p/b.txt"), &reextracted);
    // Of the first 100 on each side, 90 are the same.
    assert_eq!(
        found,
        Identity::Rekeyed {
            from: fp(A),
            shared: 90
        }
    );
    assert_eq!(store.edition(&fp(B)).unwrap().titles.len(), 100);
}
