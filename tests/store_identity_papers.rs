//! Recognising real editions again: the sample and the four layout papers
//! of `../shared/samples/layouts/`, which print the same articles. State
//! moves with an edition only when it is that edition; it is never copied.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use newsreader::edition::{Edition, Fingerprint, LoadOptions, load};
use newsreader::store::{Bookmark, Identity, Store};

fn shared(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel)
}

/// Copies `from` to `dir/name` and parses it from there.
fn place(dir: &Path, name: &str, from: &Path) -> (Edition, Fingerprint) {
    let path = dir.join(name);
    std::fs::copy(from, &path).unwrap();
    parse(&path)
}

fn parse(path: &Path) -> (Edition, Fingerprint) {
    let bytes = std::fs::read(path).unwrap();
    load(&bytes, path.to_str(), &LoadOptions::default())
}

fn sample_edition() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/edition.txt")
}

fn layout(name: &str, extractor: &str) -> PathBuf {
    shared(&format!("samples/layouts/{name}/{extractor}.txt"))
}

/// Bookmarks the first article of `edition`.
fn bookmark_first(store: &mut Store, fingerprint: &Fingerprint, edition: &Edition) {
    let article = edition.articles().next().unwrap();
    let bookmark = Bookmark::at(article, newsreader::edition::Anchor::default());
    store.add_bookmark(fingerprint, None, bookmark).unwrap();
}

fn bookmarks(store: &Store, fingerprint: &Fingerprint) -> usize {
    store.edition(fingerprint).map_or(0, |s| s.bookmarks.len())
}

#[test]
fn another_paper_printing_the_same_articles_starts_clean() {
    let papers = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let (sample, sample_fp) = place(papers.path(), "sample.txt", &sample_edition());
    let (wuxi, wuxi_fp) = place(papers.path(), "wuxi-c.txt", &layout("wuxi-c", "pdftotext"));
    assert_ne!(sample_fp, wuxi_fp);
    {
        let (mut store, _) = Store::open(data.path());
        assert_eq!(store.identify(&sample_fp, &sample), Identity::New);
        bookmark_first(&mut store, &sample_fp, &sample);
    }
    let (mut store, _) = Store::open(data.path());
    assert_eq!(store.identify(&wuxi_fp, &wuxi), Identity::New);
    assert_eq!(bookmarks(&store, &wuxi_fp), 0, "nothing copied");
    assert_eq!(bookmarks(&store, &sample_fp), 1, "nothing taken away");
    // Even with the sample's file gone, 梁溪晚报 is not the sample (which
    // prints no masthead).
    std::fs::remove_file(papers.path().join("sample.txt")).unwrap();
    let (_, other_fp) = place(
        papers.path(),
        "wuxi-c-again.txt",
        &layout("wuxi-c", "mutool"),
    );
    let (mut store, _) = Store::open(data.path());
    let wuxi_again = parse(&papers.path().join("wuxi-c-again.txt")).0;
    let found = store.identify(&other_fp, &wuxi_again);
    assert!(!matches!(found, Identity::Rekeyed { from, .. } if from == sample_fp));
    assert_eq!(bookmarks(&store, &sample_fp), 1);
    let (reopened, _) = Store::open(data.path());
    assert_eq!(reopened.all_bookmarks().len(), 1, "listed once");
}

#[test]
fn walking_the_layout_papers_copies_no_bookmark() {
    let papers = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let names = ["wuxi-a", "wuxi-b", "wuxi-c", "wuxi-d"];
    let placed: Vec<(Edition, Fingerprint)> = names
        .iter()
        .map(|n| place(papers.path(), &format!("{n}.txt"), &layout(n, "pdftotext")))
        .collect();
    let (sample, sample_fp) = place(papers.path(), "sample.txt", &sample_edition());
    let (mut store, _) = Store::open(data.path());
    store.identify(&sample_fp, &sample);
    bookmark_first(&mut store, &sample_fp, &sample);
    for _ in 0..2 {
        for (edition, fingerprint) in &placed {
            store.identify(fingerprint, edition);
            store.identify(&sample_fp, &sample);
        }
    }
    for (_, fingerprint) in &placed {
        assert_eq!(bookmarks(&store, fingerprint), 0);
    }
    let (reopened, _) = Store::open(data.path());
    assert_eq!(reopened.all_bookmarks().len(), 1);
}

#[test]
fn a_re_extraction_that_replaces_the_file_takes_the_state_along() {
    let papers = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let (old, old_fp) = place(papers.path(), "today.txt", &layout("wuxi-c", "pdftotext"));
    {
        let (mut store, _) = Store::open(data.path());
        store.identify(&old_fp, &old);
        bookmark_first(&mut store, &old_fp, &old);
    }
    let (new, new_fp) = place(papers.path(), "today.txt", &layout("wuxi-c", "mutool"));
    assert_ne!(old_fp, new_fp);
    let (mut store, _) = Store::open(data.path());
    let found = store.identify(&new_fp, &new);
    assert!(
        matches!(&found, Identity::Rekeyed { from, .. } if *from == old_fp),
        "{found:?}"
    );
    assert_eq!(bookmarks(&store, &new_fp), 1);
    assert!(store.edition(&old_fp).is_none(), "moved, not copied");
}

#[test]
fn a_re_extraction_beside_the_old_file_is_another_edition() {
    let papers = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let (old, old_fp) = place(
        papers.path(),
        "pdftotext.txt",
        &layout("wuxi-c", "pdftotext"),
    );
    let (new, new_fp) = place(papers.path(), "mutool.txt", &layout("wuxi-c", "mutool"));
    let (mut store, _) = Store::open(data.path());
    store.identify(&old_fp, &old);
    bookmark_first(&mut store, &old_fp, &old);
    assert_eq!(store.identify(&new_fp, &new), Identity::New);
    assert_eq!(bookmarks(&store, &new_fp), 0);
    assert_eq!(bookmarks(&store, &old_fp), 1);
}

#[test]
fn same_titles_and_masthead_but_other_paragraphs_is_another_edition() {
    // A replaced file whose articles carry the same titles under the same
    // masthead, but whose paragraphs are other text: not the same edition.
    let papers = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let (old, old_fp) = place(papers.path(), "today.txt", &layout("wuxi-c", "pdftotext"));
    let (mut store, _) = Store::open(data.path());
    store.identify(&old_fp, &old);
    bookmark_first(&mut store, &old_fp, &old);
    let mut other = old.clone();
    for page in &mut other.pages {
        for article in &mut page.articles {
            for (n, paragraph) in article.paragraphs.iter_mut().enumerate() {
                *paragraph = format!("另一篇文章的第{n}段：{}", paragraph.len());
            }
        }
    }
    std::fs::write(papers.path().join("today.txt"), "replaced").unwrap();
    let other_fp = Fingerprint("0000000000000001".to_owned());
    assert_eq!(store.identify(&other_fp, &other), Identity::New);
    assert_eq!(bookmarks(&store, &old_fp), 1);
}

#[test]
fn state_saved_without_a_paragraph_sample_moves_only_when_everything_else_agrees() {
    // State written before paragraph samples were kept: titles, masthead and
    // path only.
    let papers = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let (old, old_fp) = place(papers.path(), "today.txt", &layout("wuxi-c", "pdftotext"));
    let titles: Vec<String> = old
        .articles()
        .map(newsreader::store::anchor::article_title)
        .collect();
    let path = papers.path().join("today.txt");
    let write_old_state = |masthead: Option<&str>| {
        let state = serde_json::json!({
            "version": 2,
            "editions": { old_fp.to_string(): {
                "path": path.to_str().unwrap(),
                "title": masthead,
                "titles": titles,
                "position": null,
                "bookmarks": [{"id": "old", "article": "00000000000000aa",
                    "anchor": {"paragraph": 0, "offset": 0}, "snippet": "",
                    "article_title": "", "note": null, "created": 1}],
                "touched": 1 } }
        });
        std::fs::write(
            data.path().join(newsreader::store::FILE_NAME),
            serde_json::to_vec(&state).unwrap(),
        )
        .unwrap();
    };
    let masthead = newsreader::store::edition_title(&old).unwrap();
    let (new, new_fp) = {
        // The old file still holds the old text: no move.
        write_old_state(Some(&masthead));
        let (new, new_fp) = place(papers.path(), "mutool.txt", &layout("wuxi-c", "mutool"));
        let (mut store, _) = Store::open(data.path());
        assert_eq!(store.identify(&new_fp, &new), Identity::New);
        assert_eq!(bookmarks(&store, &old_fp), 1);
        (new, new_fp)
    };
    std::fs::remove_file(&path).unwrap();
    // Old file gone, but no masthead recorded where the new one prints one.
    write_old_state(None);
    let (mut store, _) = Store::open(data.path());
    assert_eq!(store.identify(&new_fp, &new), Identity::New);
    // Old file gone, same titles, same masthead: moved.
    write_old_state(Some(&masthead));
    let (mut store, _) = Store::open(data.path());
    assert!(matches!(
        store.identify(&new_fp, &new),
        Identity::Rekeyed { .. }
    ));
    assert_eq!(bookmarks(&store, &new_fp), 1);
}
