//! Search from the reader, without a terminal: the prompt (CJK input,
//! grapheme Backspace, Esc, Enter), stepping with `n`/`N` across articles,
//! the `match i/N` counter, the headline list's counts and `f` filter, and
//! the highlight of a match the source broke across a column.

#![allow(clippy::unwrap_used)]

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use newsreader::app::input::Edit;
use newsreader::app::{Action, App, ListRow, Pane, Settings};
use newsreader::edition::Edition;
use newsreader::typeset::article::RowKind;

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/edition.txt");

fn sample() -> Edition {
    let bytes = std::fs::read(SAMPLE).unwrap();
    newsreader::edition::load(&bytes, Some("edition.txt"), &Default::default()).0
}

fn app(width: u16, height: u16) -> App {
    let bytes = std::fs::read(SAMPLE).unwrap();
    let (edition, fingerprint) =
        newsreader::edition::load(&bytes, Some("edition.txt"), &Default::default());
    let mut app = App::new(edition, fingerprint, Settings::default(), vec![]);
    app.set_help(newsreader::keymap::Keymap::default().help());
    app.resize(width, height);
    app
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.edit(Edit::Insert(c));
    }
}

/// Occurrences of `needle` per article, counted with `str::matches` over
/// headline lines, dateline, byline, paragraphs and captions: an oracle that
/// shares nothing with the search module (fine for CJK, which has no case
/// to fold).
fn naive_counts(edition: &Edition, needle: &str) -> Vec<usize> {
    edition
        .articles()
        .map(|a| {
            a.headline
                .lines()
                .chain(a.dateline.as_deref())
                .chain(a.byline.as_deref())
                .chain(a.paragraphs.iter().map(String::as_str))
                .chain(a.captions.iter().map(String::as_str))
                .map(|field| field.matches(needle).count())
                .sum()
        })
        .collect()
}

#[test]
fn prompt_takes_cjk_and_backspace_deletes_a_whole_grapheme_cluster() {
    let mut app = app(120, 40);
    app.update(Action::Search);
    assert_eq!(app.prompt(), Some(""));
    // Composed CJK input arrives from crossterm as plain chars.
    let key = KeyEvent::new(KeyCode::Char('书'), KeyModifiers::NONE);
    assert_eq!(newsreader::keymap::edit_of(&key), Some(Edit::Insert('书')));
    type_text(&mut app, "省委书记");
    assert_eq!(app.prompt(), Some("省委书记"));
    app.edit(Edit::Backspace);
    assert_eq!(app.prompt(), Some("省委书"));
    // e + COMBINING ACUTE ACCENT is one grapheme cluster (UAX #29), and so
    // is a flag (two regional indicators): one Backspace each.
    type_text(&mut app, "e\u{301}\u{1F1E8}\u{1F1F3}");
    app.edit(Edit::Backspace);
    assert_eq!(app.prompt(), Some("省委书e\u{301}"));
    app.edit(Edit::Backspace);
    assert_eq!(app.prompt(), Some("省委书"));
    app.edit(Edit::Backspace);
    app.edit(Edit::Backspace);
    app.edit(Edit::Backspace);
    app.edit(Edit::Backspace);
    assert_eq!(app.prompt(), Some(""), "Backspace on empty stays empty");
}

#[test]
fn esc_cancels_clears_and_goes_back_enter_keeps_the_matches() {
    let mut app = app(120, 40);
    app.update(Action::Search);
    type_text(&mut app, "发展");
    assert!(app.search_active());
    app.edit(Edit::Cancel);
    assert_eq!(app.prompt(), None);
    assert!(!app.search_active());
    assert_eq!(app.match_status(), None);
    assert_eq!((app.current(), app.scroll()), (0, 0));

    app.update(Action::Search);
    type_text(&mut app, "发展");
    app.edit(Edit::Submit);
    assert_eq!(app.prompt(), None);
    assert!(app.search_active());
    assert_eq!(app.focus(), Pane::Reader);
    // Esc outside the prompt ends the search too.
    app.update(Action::Close);
    assert!(!app.search_active());
}

#[test]
fn n_and_capital_n_step_through_every_match_across_articles_and_wrap() {
    let edition = sample();
    let counts = naive_counts(&edition, "发展");
    let total: usize = counts.iter().sum();
    assert!(counts.iter().filter(|&&c| c > 0).count() >= 2, "{counts:?}");

    let mut app = app(120, 40);
    app.update(Action::Search);
    type_text(&mut app, "发展");
    app.edit(Edit::Submit);
    assert_eq!(app.match_status().unwrap(), format!("match 1/{total}"));
    assert_eq!(app.matches().per_article(), counts.as_slice());

    // The articles visited by n, in order, are each article repeated by
    // its count; the open article follows the current match.
    let mut visited = vec![app.current()];
    for i in 2..=total {
        app.update(Action::NextMatch);
        assert_eq!(app.match_status().unwrap(), format!("match {i}/{total}"));
        visited.push(app.current());
    }
    let expected: Vec<usize> = counts
        .iter()
        .enumerate()
        .flat_map(|(a, &c)| std::iter::repeat_n(a, c))
        .collect();
    assert_eq!(visited, expected);

    app.update(Action::NextMatch);
    assert_eq!(app.match_status().unwrap(), format!("match 1/{total}"));
    app.update(Action::PreviousMatch);
    assert_eq!(
        app.match_status().unwrap(),
        format!("match {total}/{total}")
    );
    assert_eq!(app.current(), *expected.last().unwrap());
}

#[test]
fn current_match_is_on_screen_after_n() {
    let mut app = app(50, 16);
    app.update(Action::Search);
    type_text(&mut app, "发展");
    app.edit(Edit::Submit);
    let (_, height) = app.reader_text_size();
    for _ in 0..8 {
        app.update(Action::NextMatch);
        let current: Vec<usize> = app
            .highlights()
            .into_iter()
            .filter(|h| h.2)
            .map(|h| h.0)
            .collect();
        if let Some(&row) = current.first() {
            assert!(
                (app.scroll()..app.scroll() + height).contains(&row),
                "row {row} not in view from {}",
                app.scroll()
            );
        }
    }
}

#[test]
fn phrase_broken_across_a_column_is_highlighted_on_every_row_it_spans() {
    // The source prints 省委书 at the end of one column and 记信长星 at the
    // top of the next. At every terminal width the highlighted columns,
    // read back from the rows, give the phrase; at some widths it is set
    // across two rows.
    let mut split = 0;
    for width in 24..=70 {
        let mut app = app(width, 20);
        app.update(Action::Search);
        type_text(&mut app, "省委书记信长星");
        app.edit(Edit::Submit);
        assert_eq!(app.match_status().unwrap(), "match 1/1");
        let set = app.set_article().unwrap();
        let highlights = app.highlights();
        let mut found = String::new();
        for (row, columns, current) in &highlights {
            assert!(current);
            assert_eq!(set.rows[*row].kind, RowKind::Paragraph);
            found.push_str(&columns_of(set.text(*row), columns.clone()));
        }
        assert_eq!(found, "省委书记信长星", "width {width}");
        if highlights.len() == 2 {
            split += 1;
        }
    }
    assert!(split > 0, "never set across a row break");
}

/// The clusters of `text` drawn in `columns` (every CJK char here is 2
/// columns, ASCII 1).
fn columns_of(text: &str, columns: std::ops::Range<usize>) -> String {
    let mut col = 0;
    let mut out = String::new();
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if col >= columns.start && col + w <= columns.end {
            out.push(c);
        }
        col += w;
    }
    out
}

#[test]
fn headline_list_shows_counts_and_f_limits_it_to_matching_articles() {
    let edition = sample();
    let counts = naive_counts(&edition, "省委书记");
    let matching: Vec<usize> = (0..counts.len()).filter(|&a| counts[a] > 0).collect();
    assert!(matching.len() < counts.len(), "{counts:?}");

    let mut app = app(120, 40);
    app.update(Action::ToggleFilter);
    assert_eq!(
        app.message(),
        Some("no search: press / to search"),
        "f without a search says why"
    );
    app.update(Action::Search);
    type_text(&mut app, "省委书记");
    app.edit(Edit::Submit);
    let all = app.list_rows();
    assert_eq!(
        all.iter()
            .filter(|r| matches!(r, ListRow::Article(_)))
            .count(),
        counts.len()
    );
    app.update(Action::ToggleFilter);
    assert!(app.filter_on());
    let listed: Vec<usize> = app
        .list_rows()
        .into_iter()
        .filter_map(|r| match r {
            ListRow::Article(a) => Some(a),
            ListRow::Page(_) => None,
        })
        .collect();
    assert_eq!(listed, matching);
    // Moving in the list skips articles without matches.
    app.update(Action::PreviousPane);
    app.update(Action::Top);
    assert_eq!(app.selected(), matching[0]);
    app.update(Action::ToggleFilter);
    assert!(!app.filter_on());
}

#[test]
fn config_fold_chinese_variants_lets_traditional_find_simplified() {
    for fold in [true, false] {
        let bytes = std::fs::read(SAMPLE).unwrap();
        let (edition, fingerprint) =
            newsreader::edition::load(&bytes, Some("edition.txt"), &Default::default());
        let settings = Settings {
            search: newsreader::search::SearchOptions {
                fold_chinese_variants: fold,
            },
            ..Settings::default()
        };
        let mut app = App::new(edition, fingerprint, settings, vec![]);
        app.resize(120, 40);
        app.update(Action::Search);
        // 韓國吉佳藍 is the traditional form of 韩国吉佳蓝, a headline of
        // the sample.
        type_text(&mut app, "韓國吉佳藍");
        app.edit(Edit::Submit);
        let found = app.match_status().filter(|_| app.search_active());
        assert_eq!(found.is_some(), fold, "fold {fold}");
        if fold {
            let counts = naive_counts(&sample(), "韩国吉佳蓝");
            let total: usize = counts.iter().sum();
            assert_eq!(found.unwrap(), format!("match 1/{total}"));
        }
    }
}

#[test]
fn every_match_in_headlines_and_paragraphs_is_highlighted_at_its_text() {
    // 吉佳蓝 is in a title (韩国吉佳蓝公司在锡落户中国总部项目) and in
    // that article's paragraphs; at 30 columns the title wraps.
    let needle = "吉佳蓝";
    let total: usize = naive_counts(&sample(), needle).iter().sum();
    for width in [30, 50, 120] {
        let mut app = app(width, 30);
        app.update(Action::Search);
        type_text(&mut app, needle);
        app.edit(Edit::Submit);
        let mut kinds = Vec::new();
        for _ in 0..total {
            let set = app.set_article().unwrap();
            let mut found = String::new();
            for (row, columns, _) in app.highlights().into_iter().filter(|h| h.2) {
                kinds.push(set.rows[row].kind);
                found.push_str(&columns_of(set.text(row), columns));
            }
            assert_eq!(found, needle, "width {width}, {:?}", app.match_status());
            app.update(Action::NextMatch);
        }
        assert!(kinds.contains(&RowKind::Title), "width {width}: {kinds:?}");
        assert!(kinds.contains(&RowKind::Paragraph));
    }
}

#[test]
fn byline_and_dateline_are_found_and_highlighted_on_the_credit_row() {
    // 高美梅 is only the first article's byline (`（高美梅）` at its end);
    // 7月24日 only the fourth article's dateline and its first paragraph.
    for width in [20, 30, 50, 120] {
        let mut app = app(width, 30);
        app.update(Action::Search);
        type_text(&mut app, "高美梅");
        app.edit(Edit::Submit);
        assert_eq!(app.match_status().unwrap(), "match 1/1", "width {width}");
        let set = app.set_article().unwrap();
        let highlights = app.highlights();
        assert_eq!(highlights.len(), 1, "width {width}");
        let (row, columns, _) = highlights[0].clone();
        assert_eq!(set.rows[row].kind, RowKind::Credit);
        assert_eq!(columns_of(set.text(row), columns), "高美梅");

        let mut app = self::app(width, 30);
        app.update(Action::Search);
        type_text(&mut app, "7月24日");
        app.edit(Edit::Submit);
        let set = app.set_article().unwrap();
        let (row, columns, _) = app.highlights().into_iter().find(|h| h.2).unwrap();
        assert_eq!(set.rows[row].kind, RowKind::Credit, "width {width}");
        assert_eq!(columns_of(set.text(row), columns), "7月24日");
    }
}

#[test]
fn n_after_a_search_with_no_match_names_the_query() {
    let mut app = app(120, 40);
    app.update(Action::Search);
    type_text(&mut app, "不存在的词语");
    app.edit(Edit::Submit);
    // The same words on Enter as on `n` afterwards.
    assert_eq!(app.message(), Some("no matches for “不存在的词语”"));
    app.update(Action::NextMatch);
    assert_eq!(app.message(), Some("no matches for “不存在的词语”"));
    app.update(Action::ToggleFilter);
    assert_eq!(app.message(), Some("no matches for “不存在的词语”"));
}

#[test]
fn at_20_by_6_the_search_count_stays_in_the_status_bar() {
    let mut app = app(20, 6);
    app.update(Action::Search);
    type_text(&mut app, "市");
    app.edit(Edit::Submit);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(20, 6)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(&app, frame.area()))
        .unwrap();
    let buffer = terminal.backend().buffer();
    let status: String = (0..20).map(|x| buffer[(x, 5)].symbol()).collect();
    // `match 1/N` outranks `article 1/4`: both do not fit beside `? help`.
    assert!(status.starts_with(" match 1/"), "{status:?}");
    assert!(status.ends_with("? help "), "{status:?}");
}
