//! Progressive loading (issue 7): the app starts on a provisional edition
//! (the first page) and the whole edition is swapped in later. What the
//! reader sees and did stays: the open and selected article (by id), the
//! reading anchor, read marks (saved ones and new ones), bookmarks and the
//! search; the headline list grows; the status bar and the sidebar say the
//! edition is loading until then. The last tests go through
//! `cli::open::open` and `cli::open::complete` on a generated edition, with
//! a real store.

#![allow(clippy::unwrap_used)]

#[path = "support/command.rs"]
mod command;
#[path = "../benches/common/generate.rs"]
#[allow(dead_code)]
mod generate;
#[path = "support/editions.rs"]
mod support;

use newsreader::app::input::Edit;
use newsreader::app::{Action, App, Settings};
use newsreader::cli::open::{self, ReaderOptions};
use newsreader::edition::{
    self, Anchor, Article, ArticleId, Edition, Fingerprint, LoadOptions, Page,
};
use newsreader::store::{Bookmark, EditionState, Store};
use newsreader::typeset::article::SetArticle;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

/// An article of these (owned) paragraphs.
fn titled(title: &str, paragraphs: &[String]) -> Article {
    support::article_owned(title, paragraphs.to_vec())
}

/// `count` numbered paragraphs of `title`'s body, each long enough to wrap.
fn body(title: &str, count: usize) -> Vec<String> {
    (0..count)
        .map(|i| format!("{title}第{i}段。这是正文，讲一讲本市今年上半年的经济形势和下一步工作。"))
        .collect()
}

fn short() -> Article {
    titled(
        "市委常委会会议召开",
        &["本报讯 会议指出，全市经济运行稳中向好。".to_owned()],
    )
}

/// The long article as the first page has it, and as the whole edition has
/// it (continued on a later page: twice the paragraphs, same beginning).
fn long(paragraphs: usize) -> Article {
    titled("吉佳蓝公司落户", &body("吉佳蓝", paragraphs))
}

fn second_page() -> Page {
    support::page(
        2,
        Some("第2版 经济"),
        vec![
            titled("二版头条", &body("二版", 3)),
            titled(
                "产业园召开会议",
                &["本报讯 产业园召开会议，部署招商工作。".to_owned()],
            ),
        ],
    )
}

/// Page 1 only: the short article and the first 20 paragraphs of the long one.
fn provisional() -> Edition {
    Edition {
        pages: vec![support::page(
            1,
            Some("第1版 要闻"),
            vec![short(), long(20)],
        )],
        ..Edition::default()
    }
}

/// Pages 1 and 2, the long article with all its 40 paragraphs.
fn whole() -> Edition {
    Edition {
        pages: vec![
            support::page(1, Some("第1版 要闻"), vec![short(), long(40)]),
            second_page(),
        ],
        ..Edition::default()
    }
}

fn fp() -> Fingerprint {
    Fingerprint("00000000000000f1".to_owned())
}

fn app_on(edition: Edition, bookmarks: Vec<Bookmark>) -> App {
    let mut app = App::new(edition, fp(), Settings::default(), bookmarks);
    app.set_help(newsreader::keymap::Keymap::default().help());
    app.resize(120, 40);
    app
}

fn draw(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .unwrap();
    terminal.backend().buffer().clone()
}

/// Row `y` of the screen as text, each wide character once.
fn row(buffer: &Buffer, y: u16) -> String {
    let mut text = String::new();
    let mut skip = 0;
    for x in 0..buffer.area.width {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        let symbol = buffer[(x, y)].symbol();
        skip = symbol.width().saturating_sub(1);
        text.push_str(symbol);
    }
    text
}

fn screen(buffer: &Buffer) -> String {
    (0..buffer.area.height)
        .map(|y| row(buffer, y))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The status bar as drawn: the fields from column 0, `? help ` flush
/// right in a 120-column row.
fn status_row(fields: &str) -> String {
    let hint = "? help ";
    let gap = 120 - fields.width() - hint.width();
    format!("{fields}{}{hint}", " ".repeat(gap))
}

#[test]
fn open_article_and_its_reading_anchor_stay_while_its_body_grows() {
    let mut app = app_on(provisional(), vec![]);
    app.update(Action::ScrollDown);
    app.update(Action::Open);
    app.update(Action::PageDown);
    let top = app.top();
    let scroll = app.scroll();
    let rows = app.set_article().unwrap().rows.len();
    assert!(scroll > 0, "scrolled into the long article");

    app.replace_edition(whole(), &EditionState::default());

    assert_eq!(app.current(), 1);
    assert_eq!(app.current_article().unwrap().id, long(40).id);
    assert_eq!(app.top(), top, "same text at the top");
    assert_eq!(app.scroll(), scroll, "the rows above it are the same rows");
    assert!(
        app.set_article().unwrap().rows.len() > rows,
        "typeset again with the 20 paragraphs from page 2"
    );
    assert_eq!(app.list_titles().len(), 4);
    assert_eq!(app.list_titles()[3], "产业园召开会议");
}

#[test]
fn unchanged_open_article_is_not_typeset_again() {
    let mut app = app_on(provisional(), vec![]);
    app.update(Action::Open);
    let before: *const _ = app.set_article().unwrap();
    app.replace_edition(whole(), &EditionState::default());
    assert_eq!(app.current_article().unwrap().id, short().id);
    assert!(std::ptr::eq(before, app.set_article().unwrap()));
}

#[test]
fn selection_follows_the_article_id_when_its_index_moves() {
    // A prefix cut inside one enormous page may miss an article that the
    // whole parse puts before the selected one.
    let mut app = app_on(provisional(), vec![]);
    app.update(Action::ScrollDown);
    app.update(Action::Open);
    let mut edition = whole();
    let inserted = titled("新插入的文章", &["插入的正文。".to_owned()]);
    edition.pages[0].articles.insert(1, inserted);
    app.replace_edition(edition, &EditionState::default());
    assert_eq!((app.current(), app.selected()), (2, 2));
    assert_eq!(app.current_article().unwrap().id, long(40).id);
}

#[test]
fn read_marks_grow_with_the_edition_saved_and_new_ones_alike() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open(dir.path());
    let page_two = second_page();
    store.set_read(&fp(), &short().id, true).unwrap();
    store
        .set_read(&fp(), &page_two.articles[0].id, true)
        .unwrap();
    let saved = store.edition(&fp()).cloned().unwrap();
    let mut app = app_on(provisional(), vec![]);
    app.load_read_marks(&saved);
    assert!(app.is_read(0));
    // `m` on the long article while loading: not yet taken for saving.
    app.update(Action::ScrollDown);
    app.update(Action::ToggleRead);

    app.replace_edition(whole(), &saved);

    let marks: Vec<bool> = (0..4).map(|i| app.is_read(i)).collect();
    assert_eq!(marks, [true, true, true, false]);
    assert_eq!(
        app.take_read_changes(),
        [(long(20).id, true)],
        "the change made while loading is still to be saved"
    );
}

#[test]
fn bookmarks_on_later_pages_show_as_loading_then_resolve() {
    let page_two = second_page();
    let later = Bookmark {
        id: "later".to_owned(),
        ..Bookmark::at(&page_two.articles[1], Anchor::default())
    };
    let first = Bookmark {
        id: "first".to_owned(),
        ..Bookmark::at(&short(), Anchor::default())
    };
    let mut app = app_on(provisional(), vec![later, first]);
    app.set_loading(300_000);
    let ids: Vec<&str> = app.bookmarks().iter().map(|b| b.id.as_str()).collect();
    assert_eq!(ids, ["first", "later"], "the one not found last");
    assert!(app.bookmark_found(0) && !app.bookmark_found(1));
    let text = screen(&draw(&app, 120, 40));
    assert!(text.contains("(loading)"), "{text}");
    assert!(!text.contains("(not found)"), "{text}");
    app.update(Action::PreviousPane);
    app.update(Action::ScrollDown);
    app.update(Action::Open);
    assert_eq!(
        app.message(),
        Some("bookmarked article not loaded yet; try again in a moment")
    );

    app.replace_edition(whole(), &EditionState::default());

    assert!(app.bookmark_found(0) && app.bookmark_found(1));
    let text = screen(&draw(&app, 120, 40));
    assert!(!text.contains("(loading)"), "{text}");
}

#[test]
fn status_bar_says_loading_until_the_whole_list_is_in() {
    let mut app = app_on(provisional(), vec![]);
    app.set_loading(10_000_000);
    let buffer = draw(&app, 120, 40);
    assert_eq!(
        row(&buffer, 39),
        status_row(" article 1/2  loading… 10.0 MB  第1版 要闻  All")
    );
    // The headline list: the page header and its two articles, then the
    // frame's bottom border two rows further down is blank list space.
    assert!(
        row(&buffer, 1).starts_with("│第1版 要闻"),
        "{}",
        row(&buffer, 1)
    );
    assert!(row(&buffer, 4).starts_with("│    "), "{}", row(&buffer, 4));

    app.replace_edition(whole(), &EditionState::default());

    let buffer = draw(&app, 120, 40);
    assert_eq!(
        row(&buffer, 39),
        status_row(" article 1/4  第1版 要闻  All")
    );
    let list: Vec<String> = (1..7).map(|y| row(&buffer, y)).collect();
    assert!(list[3].starts_with("│第2版 经济"), "{list:?}");
    assert!(list[4].starts_with("│ •二版头条"), "{list:?}");
    assert!(list[5].starts_with("│ •产业园召开会议"), "{list:?}");
}

#[test]
fn page_jump_beyond_the_first_page_waits_for_the_whole_edition() {
    let mut app = app_on(provisional(), vec![]);
    app.set_loading(300_000);
    app.update(Action::GotoPage(2));
    assert_eq!(
        app.message(),
        Some("page 2 not loaded yet; try again in a moment")
    );
    assert_eq!(app.current(), 0);
    app.replace_edition(whole(), &EditionState::default());
    app.update(Action::GotoPage(2));
    assert_eq!(app.current(), 2, "the first article of page 2");
}

#[test]
fn a_query_with_no_match_so_far_says_so_while_loading() {
    let mut app = app_on(provisional(), vec![]);
    app.set_loading(10_000_000);
    app.update(Action::Search);
    for c in "无此词".chars() {
        app.edit(Edit::Insert(c));
    }
    assert_eq!(app.match_status().as_deref(), Some("no match yet"));
    app.replace_edition(whole(), &EditionState::default());
    assert_eq!(app.match_status().as_deref(), Some("no match"));
}

#[test]
fn search_follows_the_whole_edition_and_keeps_its_current_match() {
    let mut app = app_on(provisional(), vec![]);
    app.set_loading(10_000_000);
    app.update(Action::Search);
    for c in "会议".chars() {
        app.edit(Edit::Insert(c));
    }
    app.edit(Edit::Submit);
    // The short article's headline and its paragraph, so far.
    assert_eq!(app.matches().len(), 2);
    assert_eq!(app.current_match(), Some(0));
    assert_eq!(app.match_status().as_deref(), Some("match 1/2+"));

    app.replace_edition(whole(), &EditionState::default());

    // And the page-2 article's headline and paragraph.
    assert_eq!(app.matches().len(), 4);
    assert_eq!(app.current_match(), Some(0));
    assert_eq!(app.match_status().as_deref(), Some("match 1/4"));
    assert_eq!(app.current(), 0);
    app.update(Action::NextMatch);
    app.update(Action::NextMatch);
    assert_eq!(app.current(), 3, "n reaches page 2");
}

// ----- through `cli::open` on a generated edition, with a store -----

/// A generated edition of several pages, written to `dir/pages.txt`.
/// A 600 KB edition of one article (longer than the provisional prefix),
/// written into `dir`.
fn long_article(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("one.txt");
    std::fs::write(
        &path,
        generate::edition(generate::Shape::OneArticle, 600_000),
    )
    .unwrap();
    path
}

fn generated(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("pages.txt");
    std::fs::write(&path, generate::edition(generate::Shape::Pages, 300_000)).unwrap();
    path
}

fn options() -> ReaderOptions {
    ReaderOptions {
        settings: Settings::default(),
        encoding: None,
        resume: true,
        help: newsreader::keymap::Keymap::default().help(),
    }
}

/// What a synchronous load gives for the file, and its fingerprint.
fn loaded(path: &std::path::Path) -> (Edition, Fingerprint) {
    let source = path.to_string_lossy().into_owned();
    edition::load(
        &std::fs::read(path).unwrap(),
        Some(&source),
        &LoadOptions::default(),
    )
}

#[test]
fn open_shows_the_first_page_and_complete_gives_the_whole_edition() {
    let dir = tempfile::tempdir().unwrap();
    let path = generated(dir.path());
    let (whole, fingerprint) = loaded(&path);
    let (mut store, _) = Store::open(&dir.path().join("data"));

    let opened = open::open(&path, &options(), &mut store).unwrap();
    let mut app = opened.app;
    let mut loading = opened.loading.expect("a 300 KB edition loads in two steps");
    // Over 64 KiB: only the head was read, so the fingerprint (of the
    // whole text) comes with the whole edition.
    assert!(!loading.identified());
    assert_ne!(app.fingerprint(), &fingerprint);
    assert_eq!(app.edition().pages.len(), 1);
    let first: Vec<&ArticleId> = whole.pages[0].articles.iter().map(|a| &a.id).collect();
    let shown: Vec<&ArticleId> = app.edition().articles().map(|a| &a.id).collect();
    assert_eq!(shown, first);
    assert!(app.loading().is_some());
    assert!(
        store.edition(&fingerprint).is_none(),
        "nothing recorded yet"
    );

    let edition = loading.wait().unwrap();
    open::complete(&mut app, &mut store, &loading, edition);

    assert_eq!(app.fingerprint(), &fingerprint, "of the whole text");
    assert_eq!(app.edition(), &whole);
    assert!(app.loading().is_none());
    let titles = &store.edition(&fingerprint).unwrap().titles;
    assert_eq!(titles.len(), whole.article_count().min(100));
    assert_eq!(
        titles.last().unwrap(),
        &whole.article(titles.len() - 1).unwrap().headline.one_line()
    );
}

#[test]
fn saved_position_on_a_later_page_opens_when_the_whole_edition_arrives() {
    let dir = tempfile::tempdir().unwrap();
    let path = generated(dir.path());
    let (whole, fingerprint) = loaded(&path);
    let data = dir.path().join("data");
    let target = whole.article_count() - 2;
    {
        let (mut store, _) = Store::open(&data);
        store.identify(&fingerprint, &whole);
        let article = whole.article(target).unwrap();
        let at = Anchor {
            paragraph: article.paragraphs.len() - 1,
            offset: 0,
        };
        store
            .set_reading_position(&fingerprint, None, article, at)
            .unwrap();
    }
    for touched in [false, true] {
        let (mut store, _) = Store::open(&data);
        let opened = open::open(&path, &options(), &mut store).unwrap();
        let mut app = opened.app;
        let mut loading = opened.loading.unwrap();
        assert_eq!(app.current(), 0, "not in the provisional edition");
        if touched {
            loading.touch();
        }
        let edition = loading.wait().unwrap();
        open::complete(&mut app, &mut store, &loading, edition);
        let expected = if touched { 0 } else { target };
        let id = &app.current_article().unwrap().id;
        assert_eq!(
            id,
            &whole.article(expected).unwrap().id,
            "key pressed: {touched}"
        );
    }
}

#[test]
fn saved_place_past_the_provisional_end_of_a_long_article_waits_for_the_whole_article() {
    // One article longer than the provisional prefix, whose text repeats
    // (the generator repeats the sample's paragraphs): the saved place's
    // snippet also occurs in the prefix, at an earlier paragraph, which
    // must not be taken for the saved place.
    let dir = tempfile::tempdir().unwrap();
    let path = long_article(dir.path());
    let (whole, fingerprint) = loaded(&path);
    let data = dir.path().join("data");
    let article = whole.article(0).unwrap();
    let at = Anchor {
        paragraph: article.paragraphs.len() - 1,
        offset: 0,
    };
    {
        let (mut store, _) = Store::open(&data);
        store.identify(&fingerprint, &whole);
        store
            .set_reading_position(&fingerprint, None, article, at)
            .unwrap();
    }
    let (mut store, _) = Store::open(&data);
    let opened = open::open(&path, &options(), &mut store).unwrap();
    let mut app = opened.app;
    let mut loading = opened.loading.expect("600 KB loads in two steps");
    let shown = app.edition().article(0).unwrap().paragraphs.len();
    assert!(
        shown <= at.paragraph,
        "the saved paragraph is past the prefix"
    );
    assert_eq!(
        app.top(),
        Anchor::default(),
        "not moved to a repeat of its text"
    );
    let edition = loading.wait().unwrap();
    open::complete(&mut app, &mut store, &loading, edition);
    assert_eq!(app.top(), at);
}

#[test]
fn the_swap_uses_the_open_article_the_worker_set() {
    // One 600 KB article: the provisional edition has its first part, the
    // worker parses all of it and sets it at the reader's width, and the
    // swap shows that set article instead of setting it on the event loop.
    let dir = tempfile::tempdir().unwrap();
    let path = long_article(dir.path());
    let (whole, _) = loaded(&path);
    let (mut store, _) = Store::open(&dir.path().join("data"));
    let opened = open::open(&path, &options(), &mut store).unwrap();
    let mut app = opened.app;
    app.resize(120, 40);
    app.update(Action::Open);
    let mut loading = opened.loading.expect("600 KB loads in two steps");
    let hint = open::SetHint::of(&app).expect("an open article with room");
    assert_eq!(hint.width, app.reader_text_size().0);
    loading.start(Some(hint));
    let result = loading.wait().unwrap();
    let preset = result.preset.clone().expect("the worker set the article");
    let article = whole.article(0).unwrap();
    assert_eq!(preset.id, article.id);
    assert_eq!(
        *preset.set,
        SetArticle::new(article, preset.width, &preset.options)
    );
    open::complete(&mut app, &mut store, &loading, result);
    assert!(
        std::ptr::eq(app.set_article().unwrap(), &*preset.set),
        "the worker's set article is shown"
    );
    // Without a hint there is nothing set ahead, and the swap sets it.
    let opened = open::open(&path, &options(), &mut store).unwrap();
    let mut loading = opened.loading.unwrap();
    assert!(loading.wait().unwrap().preset.is_none());
}

#[test]
fn saved_position_on_the_first_page_opens_at_once() {
    // A file within the head a first frame is read from (several pages,
    // 48 KiB): its fingerprint is known at once, and so is its state.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pages.txt");
    let text = generate::edition(generate::Shape::Pages, open::HEAD_BYTES * 3 / 4);
    assert!(text.len() <= open::HEAD_BYTES && text.matches('\x0c').count() >= 2);
    std::fs::write(&path, text).unwrap();
    let (whole, fingerprint) = loaded(&path);
    let data = dir.path().join("data");
    {
        let (mut store, _) = Store::open(&data);
        store.identify(&fingerprint, &whole);
        let article = whole.article(2).unwrap();
        store
            .set_reading_position(&fingerprint, None, article, Anchor::default())
            .unwrap();
    }
    let (mut store, _) = Store::open(&data);
    let opened = open::open(&path, &options(), &mut store).unwrap();
    assert!(opened.loading.is_some());
    assert_eq!(opened.app.current(), 2);
}

#[test]
fn state_of_an_older_extraction_is_taken_over_only_with_the_whole_edition() {
    let dir = tempfile::tempdir().unwrap();
    let path = generated(dir.path());
    let (whole, fingerprint) = loaded(&path);
    let data = dir.path().join("data");
    let older = Fingerprint("0123456789abcdef".to_owned());
    let later_article = whole.article(whole.article_count() - 1).unwrap();
    {
        // The same edition under another fingerprint, from a file now gone:
        // a re-extraction, whose state moves to the new fingerprint.
        let (mut store, _) = Store::open(&data);
        let gone = dir.path().join("gone.txt");
        let gone = gone.to_string_lossy().into_owned();
        let mut earlier = whole.clone();
        earlier.source = Some(gone.clone());
        store.identify(&older, &earlier);
        let bookmark = Bookmark::at(later_article, Anchor::default());
        store.add_bookmark(&older, Some(&gone), bookmark).unwrap();
    }
    let (mut store, _) = Store::open(&data);
    let opened = open::open(&path, &options(), &mut store).unwrap();
    let mut app = opened.app;
    let mut loading = opened.loading.unwrap();
    assert!(app.bookmarks().is_empty(), "unknown until identified");
    assert!(store.edition(&fingerprint).is_none());

    let edition = loading.wait().unwrap();
    open::complete(&mut app, &mut store, &loading, edition);

    assert!(store.edition(&older).is_none(), "re-keyed");
    assert_eq!(store.edition(&fingerprint).unwrap().bookmarks.len(), 1);
    assert_eq!(app.bookmarks().len(), 1);
    assert!(app.bookmark_found(0));
    assert_eq!(app.current(), 0);
}

#[test]
fn dump_of_a_large_edition_is_the_whole_edition() {
    // Piped output is a dump, which parses everything before printing:
    // no provisional edition there.
    let dir = tempfile::tempdir().unwrap();
    let path = generated(dir.path());
    let (whole, _) = loaded(&path);
    let output = command::newsreader(dir.path(), &dir.path().join("data"))
        .args(["--dump", "json"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let pages = json["pages"].as_array().unwrap();
    assert_eq!(pages.len(), whole.pages.len());
    assert!(pages.len() > 1);
    let articles: usize = pages
        .iter()
        .map(|p| p["articles"].as_array().unwrap().len())
        .sum();
    assert_eq!(articles, whole.article_count());
}

// ----- issue 16: a large file's first frame from its head -----

/// `text` encoded as `encoding`, written to `dir/name`.
fn written(dir: &std::path::Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Opens `path` (larger than the head), checks that the first frame shows
/// the whole edition's first page before the rest is read, then completes
/// it and checks that it is the edition a dump loads.
#[track_caller]
fn assert_first_page_from_the_head(path: &std::path::Path, what: &str) {
    let (whole, fingerprint) = loaded(path);
    let dir = path.parent().unwrap();
    let (mut store, _) = Store::open(&dir.join("data"));
    let opened = open::open(path, &options(), &mut store).unwrap();
    let mut app = opened.app;
    let mut loading = opened.loading.expect("read from its head");
    assert!(!loading.identified(), "{what}");
    let shown = app.edition();
    assert_eq!(shown.pages.len(), 1, "{what}");
    assert_eq!(shown.pages[0].articles, whole.pages[0].articles, "{what}");
    assert_eq!(shown.encoding, whole.encoding, "{what}");
    let result = loading.wait().unwrap();
    open::complete(&mut app, &mut store, &loading, result);
    assert_eq!(app.edition(), &whole, "{what}");
    assert_eq!(app.fingerprint(), &fingerprint, "{what}");
}

#[test]
fn a_large_files_first_page_comes_from_its_head_in_its_own_encoding() {
    let dir = tempfile::tempdir().unwrap();
    let text = generate::edition(generate::Shape::Pages, 1_000_000);
    let (gbk, _, _) = encoding_rs::GBK.encode(&text);
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let crlf = text.replace('\n', "\r\n");
    for (name, bytes) in [
        ("utf8.txt", text.as_bytes()),
        ("gbk.txt", &gbk[..]),
        ("utf16.txt", &utf16[..]),
        ("crlf.txt", crlf.as_bytes()),
    ] {
        assert_first_page_from_the_head(&written(dir.path(), name, bytes), name);
    }
}

#[test]
fn binary_junk_after_the_head_does_not_break_the_first_page_or_the_whole() {
    // Binary is judged from the first 8 KiB: junk later is decoded as the
    // head was (UTF-8), replaced, with a warning that arrives with the
    // whole edition.
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = generate::edition(generate::Shape::Pages, 600_000).into_bytes();
    bytes.extend((0..100_000_u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 11) as u8));
    let path = written(dir.path(), "junk.txt", &bytes);
    assert_first_page_from_the_head(&path, "junk after the head");
    let (mut store, _) = Store::open(&dir.path().join("data"));
    let opened = open::open(&path, &options(), &mut store).unwrap();
    let mut app = opened.app;
    let mut loading = opened.loading.unwrap();
    let result = loading.wait().unwrap();
    let notices = open::complete(&mut app, &mut store, &loading, result);
    assert!(
        notices.iter().any(|n| n.status.contains("not valid UTF-8")),
        "{notices:?}"
    );
}

#[test]
fn saved_state_of_a_large_file_arrives_with_the_whole_edition() {
    // Bookmarks, read marks and the sidebar's list are not known before
    // the fingerprint, which comes with the whole text; then they are
    // there, and the saved position opens (no key was pressed).
    let dir = tempfile::tempdir().unwrap();
    let path = written(
        dir.path(),
        "big.txt",
        generate::edition(generate::Shape::Pages, 1_000_000).as_bytes(),
    );
    let (whole, fingerprint) = loaded(&path);
    let data = dir.path().join("data");
    {
        let (mut store, _) = Store::open(&data);
        store.identify(&fingerprint, &whole);
        let first = whole.article(0).unwrap();
        store
            .add_bookmark(&fingerprint, None, Bookmark::at(first, Anchor::default()))
            .unwrap();
        store.set_read(&fingerprint, &first.id, true).unwrap();
        store
            .set_reading_position(
                &fingerprint,
                None,
                whole.article(2).unwrap(),
                Anchor::default(),
            )
            .unwrap();
    }
    let (mut store, _) = Store::open(&data);
    let opened = open::open(&path, &options(), &mut store).unwrap();
    let mut app = opened.app;
    let mut loading = opened.loading.unwrap();
    assert!(app.bookmarks().is_empty());
    assert!(!app.is_read(0));
    assert_eq!(app.current(), 0, "the first frame shows the top");
    assert_eq!(app.loading(), Some("loading… 1.0 MB"));

    let result = loading.wait().unwrap();
    open::complete(&mut app, &mut store, &loading, result);
    assert_eq!(app.bookmarks().len(), 1);
    assert!(app.bookmark_found(0));
    assert!(app.is_read(0));
    assert_eq!(app.current(), 2);
    assert!(app.loading().is_none());
}
