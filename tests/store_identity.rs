//! Recognising an edition again: by fingerprint after a move, by article
//! titles after a re-extraction, and never by a mere coincidence of titles.

#![allow(clippy::unwrap_used)]

#[path = "support/editions.rs"]
mod support;

use newsreader::edition::Edition;
use newsreader::store::{Identity, Store};
use support::{article, edition, fp, ids, plain_bookmark};

fn titles(list: &[&str]) -> Vec<String> {
    list.iter().map(|t| (*t).to_owned()).collect()
}

const FRONT_PAGE: [&str; 4] = [
    "奋力推进中国式现代化江苏新实践",
    "吉佳蓝项目签约落户无锡",
    "全市防汛工作会议召开",
    "暑期文旅消费持续升温",
];

#[test]
fn moved_file_keeps_its_bookmarks_and_its_new_path_is_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let paper = fp("8811b50d0c9ae951");
    {
        let (mut store, _) = Store::open(dir.path());
        let found = store.resolve_edition(&paper, Some("/home/r/today.txt"), &titles(&FRONT_PAGE));
        assert_eq!(found, Identity::New);
        store
            .add_bookmark(&paper, None, plain_bookmark("b", 1))
            .unwrap();
    }
    let (mut store, _) = Store::open(dir.path());
    let found = store.resolve_edition(
        &paper,
        Some("/archive/2024-07-27.txt"),
        &titles(&FRONT_PAGE),
    );
    assert_eq!(
        found,
        Identity::Moved {
            from: "/home/r/today.txt".into()
        }
    );
    assert_eq!(ids(&store, &paper), ["b"]);
    let (reopened, _) = Store::open(dir.path());
    assert_eq!(
        reopened.edition(&paper).unwrap().path.as_deref(),
        Some("/archive/2024-07-27.txt")
    );
    let mut reopened = reopened;
    assert_eq!(
        reopened.resolve_edition(
            &paper,
            Some("/archive/2024-07-27.txt"),
            &titles(&FRONT_PAGE)
        ),
        Identity::Known
    );
}

#[test]
fn re_extraction_with_a_changed_title_is_matched_by_the_others_and_re_keyed() {
    let dir = tempfile::tempdir().unwrap();
    let old = fp("1111111111111111");
    let new = fp("2222222222222222");
    {
        let (mut store, _) = Store::open(dir.path());
        store.resolve_edition(&old, Some("/p/pdftotext.txt"), &titles(&FRONT_PAGE));
        store
            .add_bookmark(&old, None, plain_bookmark("b", 1))
            .unwrap();
    }
    let (mut store, _) = Store::open(dir.path());
    // Another extractor split one title differently (spaces are ignored) and
    // misread another: 3 of 4 titles are the same.
    let reextracted = titles(&[
        "奋力推进中国式现代化 江苏新实践",
        "吉佳蓝项目签约落户无锡",
        "全市防汛工作会议召开",
        "暑期文旅消费持续升湿",
    ]);
    let found = store.resolve_edition(&new, Some("/p/mutool.txt"), &reextracted);
    assert_eq!(
        found,
        Identity::Rekeyed {
            from: old.clone(),
            shared: 3
        }
    );
    assert!(store.edition(&old).is_none());
    assert_eq!(ids(&store, &new), ["b"]);
    let (reopened, _) = Store::open(dir.path());
    let state = reopened.edition(&new).unwrap();
    assert_eq!(state.path.as_deref(), Some("/p/mutool.txt"));
    assert_eq!(state.aliases(), std::slice::from_ref(&old));
    assert!(reopened.edition(&old).is_none());
}

#[test]
fn another_paper_sharing_half_the_titles_or_fewer_is_new() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open(dir.path());
    store.resolve_edition(&fp("a"), None, &titles(&FRONT_PAGE));
    store
        .add_bookmark(&fp("a"), None, plain_bookmark("b", 1))
        .unwrap();
    // Two recurring section titles of four: exactly half, not more.
    let next_day = titles(&[
        "全市防汛工作会议召开",
        "暑期文旅消费持续升温",
        "新能源汽车产销两旺",
        "地铁五号线开通运营",
    ]);
    assert_eq!(
        store.resolve_edition(&fp("b"), None, &next_day),
        Identity::New
    );
    assert_eq!(ids(&store, &fp("a")), ["b"]);
    assert!(ids(&store, &fp("b")).is_empty());
}

#[test]
fn a_paper_repeating_anothers_few_titles_is_new() {
    // A front page's four titles, then a paper of many pages that carries
    // them again and again among its own: 60 of its 100 titles are repeats
    // of those four, but only 4 of its 44 distinct titles.
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open(dir.path());
    store.resolve_edition(&fp("a"), None, &titles(&FRONT_PAGE));
    store
        .add_bookmark(&fp("a"), None, plain_bookmark("b", 1))
        .unwrap();
    let mut many: Vec<String> = Vec::new();
    for page in 0..25 {
        if page < 15 {
            many.extend(titles(&FRONT_PAGE));
        } else {
            many.extend((0..4).map(|k| format!("第{page}版第{k}篇")));
        }
    }
    assert_eq!(many.len(), 100);
    assert_eq!(store.resolve_edition(&fp("b"), None, &many), Identity::New);
    assert!(ids(&store, &fp("b")).is_empty(), "no bookmark copied");
    assert_eq!(ids(&store, &fp("a")), ["b"]);
}

#[test]
fn a_reader_still_holding_the_old_fingerprint_merges_into_the_new_key() {
    let dir = tempfile::tempdir().unwrap();
    let old = fp("1111111111111111");
    let new = fp("2222222222222222");
    let (mut stale, _) = Store::open(dir.path());
    stale.resolve_edition(&old, None, &titles(&FRONT_PAGE));
    stale
        .add_bookmark(&old, None, plain_bookmark("first", 1))
        .unwrap();

    let (mut fresh, _) = Store::open(dir.path());
    let found = fresh.resolve_edition(&new, None, &titles(&FRONT_PAGE));
    assert!(matches!(found, Identity::Rekeyed { .. }));

    stale
        .add_bookmark(&old, None, plain_bookmark("second", 2))
        .unwrap();
    let (reopened, _) = Store::open(dir.path());
    assert!(reopened.edition(&old).is_none());
    assert_eq!(ids(&reopened, &new), ["first", "second"]);
}

#[test]
fn identify_records_the_display_title_path_and_article_titles() {
    let dir = tempfile::tempdir().unwrap();
    let mut paper: Edition = edition(vec![
        article("吉佳蓝项目签约落户无锡", &["正文。"]),
        article("全市防汛工作会议召开", &["正文二。"]),
    ]);
    paper.title = Some("无锡日报".into());
    paper.date = Some("2024年7月27日 星期六".into());
    paper.source = Some("/p/today.txt".into());
    let (mut store, _) = Store::open(dir.path());
    assert_eq!(store.identify(&fp("e"), &paper), Identity::New);
    store
        .add_bookmark(&fp("e"), None, plain_bookmark("b", 1))
        .unwrap();
    let (reopened, _) = Store::open(dir.path());
    let state = reopened.edition(&fp("e")).unwrap();
    assert_eq!(
        state.title.as_deref(),
        Some("无锡日报 2024年7月27日 星期六")
    );
    assert_eq!(state.path.as_deref(), Some("/p/today.txt"));
    assert_eq!(
        state.titles,
        ["吉佳蓝项目签约落户无锡", "全市防汛工作会议召开"]
    );
}

#[test]
fn relative_path_is_recorded_absolute() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open(dir.path());
    store.resolve_edition(&fp("e"), Some("papers/today.txt"), &[]);
    let expected = std::env::current_dir().unwrap().join("papers/today.txt");
    assert_eq!(
        store.edition(&fp("e")).unwrap().path.as_deref(),
        Some(expected.to_str().unwrap())
    );
    // The same file named relatively again is not a move.
    assert_eq!(
        store.resolve_edition(&fp("e"), Some("papers/today.txt"), &[]),
        Identity::Known
    );
}

#[test]
fn switching_between_three_extractions_keeps_the_bookmarks_each_time() {
    // The same paper read from three extractors' outputs (A, B, C), back and
    // forth: each open re-keys the state, and going back to a key seen
    // before must not fold the state back under the stale copy on disk
    // (which lists the new key among its aliases too).
    let dir = tempfile::tempdir().unwrap();
    let (a, b, c) = (fp("aaaa"), fp("bbbb"), fp("cccc"));
    {
        let (mut store, _) = Store::open(dir.path());
        store.resolve_edition(&a, Some("/p/a.txt"), &titles(&FRONT_PAGE));
        store
            .add_bookmark(&a, None, plain_bookmark("m", 1))
            .unwrap();
    }
    let steps = [
        (&b, "/p/b.txt"),
        (&a, "/p/a.txt"),
        (&b, "/p/b.txt"),
        (&c, "/p/c.txt"),
        (&b, "/p/b.txt"),
        (&c, "/p/c.txt"),
    ];
    for (key, path) in steps {
        let (mut store, _) = Store::open(dir.path());
        let found = store.resolve_edition(key, Some(path), &titles(&FRONT_PAGE));
        assert!(
            matches!(found, Identity::Rekeyed { .. }),
            "{path}: {found:?}"
        );
        assert_eq!(ids(&store, key), ["m"], "{path} in memory");
        let (reopened, _) = Store::open(dir.path());
        assert_eq!(ids(&reopened, key), ["m"], "{path} on disk");
        assert_eq!(reopened.editions().count(), 1, "{path}: one edition");
    }
}

#[test]
fn reopening_a_known_edition_leaves_the_state_file_alone() {
    use std::os::unix::fs::MetadataExt as _;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(newsreader::store::FILE_NAME);
    let mut paper = edition(vec![
        article(" 市委常委会会议召开 ", &["正文。"]),
        article("韩国吉佳蓝公司在锡落户中国总部项目", &["正文二。"]),
    ]);
    paper.title = Some("无锡日报".to_owned());
    paper.date = Some("2024年7月27日".to_owned());
    paper.source = Some("/papers/today.txt".to_owned());
    let (mut store, _) = Store::open(dir.path());
    store.identify(&fp("e"), &paper);
    let first = paper.articles().next().unwrap().id.clone();
    store.mark_read(&fp("e"), &first).unwrap();
    let written = std::fs::read(&file).unwrap();
    let inode = std::fs::metadata(&file).unwrap().ino();
    for _ in 0..3 {
        let (mut store, _) = Store::open(dir.path());
        assert_eq!(store.identify(&fp("e"), &paper), Identity::Known);
        assert_eq!(std::fs::metadata(&file).unwrap().ino(), inode);
        assert_eq!(std::fs::read(&file).unwrap(), written);
    }
}

/// Writes `text` to `name` in `dir`; its path and fingerprint.
fn paper_file(
    dir: &std::path::Path,
    name: &str,
    text: &str,
) -> (String, newsreader::edition::Fingerprint) {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    let fingerprint = newsreader::edition::Fingerprint::of_text(text);
    (path.to_str().unwrap().to_owned(), fingerprint)
}

#[test]
fn a_second_file_with_the_same_articles_starts_clean_and_the_first_keeps_its_state() {
    // Two layouts of one paper side by side: two editions. Opening the
    // second must neither take the first's bookmarks away nor copy them.
    let papers = tempfile::tempdir().unwrap();
    let (first_path, first) = paper_file(papers.path(), "broadsheet.txt", "第一版 排版一");
    let (second_path, second) = paper_file(papers.path(), "tabloid.txt", "第一版 排版二");
    let dir = tempfile::tempdir().unwrap();
    {
        let (mut store, _) = Store::open(dir.path());
        store.resolve_edition(&first, Some(&first_path), &titles(&FRONT_PAGE));
        store
            .add_bookmark(&first, None, plain_bookmark("b", 1))
            .unwrap();
    }
    let (mut store, _) = Store::open(dir.path());
    let found = store.resolve_edition(&second, Some(&second_path), &titles(&FRONT_PAGE));
    assert_eq!(found, Identity::New);
    assert!(ids(&store, &second).is_empty(), "nothing copied");
    // Back to the first: still known by its own fingerprint, with its state.
    let (mut reopened, _) = Store::open(dir.path());
    assert_eq!(
        reopened.resolve_edition(&first, Some(&first_path), &titles(&FRONT_PAGE)),
        Identity::Known
    );
    assert_eq!(ids(&reopened, &first), ["b"]);
    assert!(ids(&reopened, &second).is_empty());
    assert_eq!(
        reopened.edition(&first).unwrap().path.as_deref(),
        Some(first_path.as_str())
    );
}

#[test]
fn a_re_extraction_written_over_the_old_file_takes_its_state() {
    let papers = tempfile::tempdir().unwrap();
    let (path, old) = paper_file(papers.path(), "today.txt", "第一版 旧的提取");
    let dir = tempfile::tempdir().unwrap();
    {
        let (mut store, _) = Store::open(dir.path());
        store.resolve_edition(&old, Some(&path), &titles(&FRONT_PAGE));
        store
            .add_bookmark(&old, None, plain_bookmark("b", 1))
            .unwrap();
    }
    // The new extraction replaces the old file's text.
    let (_, new) = paper_file(papers.path(), "today.txt", "第一版 新的提取");
    let (mut store, _) = Store::open(dir.path());
    let found = store.resolve_edition(&new, Some(&path), &titles(&FRONT_PAGE));
    assert_eq!(
        found,
        Identity::Rekeyed {
            from: old.clone(),
            shared: 4
        }
    );
    assert!(store.edition(&old).is_none());
    assert_eq!(ids(&store, &new), ["b"]);
}

#[test]
fn a_re_extraction_whose_old_file_was_deleted_takes_its_state() {
    let papers = tempfile::tempdir().unwrap();
    let (old_path, old) = paper_file(papers.path(), "pdftotext.txt", "第一版 旧的提取");
    let (new_path, new) = paper_file(papers.path(), "mutool.txt", "第一版 新的提取");
    let dir = tempfile::tempdir().unwrap();
    {
        let (mut store, _) = Store::open(dir.path());
        store.resolve_edition(&old, Some(&old_path), &titles(&FRONT_PAGE));
        store
            .add_bookmark(&old, None, plain_bookmark("b", 1))
            .unwrap();
    }
    std::fs::remove_file(&old_path).unwrap();
    let (mut store, _) = Store::open(dir.path());
    let found = store.resolve_edition(&new, Some(&new_path), &titles(&FRONT_PAGE));
    assert!(matches!(found, Identity::Rekeyed { .. }), "{found:?}");
    assert!(store.edition(&old).is_none());
    assert_eq!(ids(&store, &new), ["b"]);
}
