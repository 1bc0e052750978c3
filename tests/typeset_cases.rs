//! The cases of `shared/typesetting/CASES.md`, exact rows, plus the rules of
//! issue 4 (kinsoku gaps, numbers with units, ambiguous width, justification)
//! on hand-worked examples.
#![allow(clippy::unwrap_used)]

use newsreader::edition::{LoadOptions, load};

#[path = "support/shared.rs"]
mod shared;

use newsreader::typeset::{AmbiguousWidth, Options, kinsoku, truncate, wrap, wrap_indented};

const NARROW: Options = Options {
    ambiguous: AmbiguousWidth::Narrow,
    justify: false,
};
const WIDE: Options = Options {
    ambiguous: AmbiguousWidth::Wide,
    justify: false,
};
const JUSTIFY: Options = Options {
    ambiguous: AmbiguousWidth::Narrow,
    justify: true,
};

#[track_caller]
fn assert_rows(text: &str, width: usize, options: &Options, expected: &[&str]) {
    let rows = wrap(text, width, options);
    let texts: Vec<&str> = rows.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(texts, expected, "wrap({text:?}, {width})");
    for row in &rows {
        assert!(
            row.width <= width,
            "row {:?} is {} columns",
            row.text,
            row.width
        );
    }
}

#[test]
fn case_01_comma_is_pushed_out_with_the_character_before_it() {
    assert_rows("一二三四五，六", 10, &NARROW, &["一二三四", "五，六"]);
}

#[test]
fn case_02_row_ends_with_comma_when_it_fits_exactly() {
    assert_rows("中文，测试。", 6, &NARROW, &["中文，", "测试。"]);
}

#[test]
fn case_03_narrow_rows_carry_the_comma_and_the_full_stop_down() {
    assert_rows("中文，测试。", 5, &NARROW, &["中", "文，", "测", "试。"]);
}

#[test]
fn case_04_latin_word_stays_whole_among_kana() {
    assert_rows(
        "私は ratatui が本当に便利だと思います",
        24,
        &NARROW,
        &["私は ratatui が本当に便", "利だと思います"],
    );
}

#[test]
fn case_05_space_at_the_break_is_dropped() {
    assert_rows("你好 世界和平万岁", 10, &NARROW, &["你好 世界", "和平万岁"]);
}

#[test]
fn case_06_wide_character_never_starts_in_the_last_column() {
    assert_rows("一二三。", 7, &NARROW, &["一二", "三。"]);
}

#[test]
fn case_07_push_out_repeats_row_after_row() {
    assert_rows(
        "中文字体，中文字体。",
        9,
        &NARROW,
        &["中文字", "体，中文", "字体。"],
    );
}

#[test]
fn case_08_colon_after_a_name_stays_on_its_row() {
    assert_rows(
        "窦文涛：今天我终于见到了一位我一直想见到的老师",
        10,
        &NARROW,
        &[
            "窦文涛：今",
            "天我终于见",
            "到了一位我",
            "一直想见到",
            "的老师",
        ],
    );
}

#[test]
fn case_09_emoji_gets_its_own_row_when_the_width_is_two() {
    assert_rows("a🌞b", 2, &NARROW, &["a", "🌞", "b"]);
}

#[test]
fn case_10_emoji_with_variation_selector_is_one_two_column_cluster() {
    assert_rows("❤️❤️❤️", 2, &NARROW, &["❤️", "❤️", "❤️"]);
}

#[test]
fn case_11_truncation_keeps_whole_wide_characters_that_fit() {
    assert_eq!(
        truncate("批踢踢實業坊", 10, AmbiguousWidth::Narrow),
        "批踢踢實業"
    );
}

#[test]
fn case_12_truncation_pads_the_column_a_wide_character_left_free() {
    assert_eq!(
        truncate("批踢踢實業坊", 9, AmbiguousWidth::Narrow),
        "批踢踢實 "
    );
}

#[test]
fn case_13_truncation_pads_a_short_text_to_the_width() {
    assert_eq!(truncate("Reddit", 10, AmbiguousWidth::Narrow), "Reddit    ");
}

#[test]
fn quotes_take_one_column_each_when_ambiguous_is_narrow() {
    // 实现了 (6) + “双 (3) = 9 fits; 过半”。 (7) on the next row.
    assert_rows("实现了“双过半”。", 9, &NARROW, &["实现了“双", "过半”。"]);
}

#[test]
fn quotes_take_two_columns_each_when_ambiguous_is_wide() {
    // “双 is 4 columns now: 实现了 (6) + 4 = 10 > 9, so it goes down;
    // “双过 (8) + 半”。 (6) = 14 > 9, so 半”。 goes down with its quote.
    assert_rows("实现了“双过半”。", 9, &WIDE, &["实现了", "“双过", "半”。"]);
}

#[test]
fn ellipsis_and_em_dash_count_two_columns_when_ambiguous_is_wide() {
    assert_rows("一——二", 4, &NARROW, &["一——", "二"]);
    assert_rows("一——二", 6, &WIDE, &["一——", "二"]);
    assert_rows("好……吗", 4, &NARROW, &["好……", "吗"]);
    assert_rows("好……吗", 6, &WIDE, &["好……", "吗"]);
}

#[test]
fn middle_dot_wave_dash_and_em_dash_never_start_a_row() {
    // 二· (3 columns) is one unit: it fits 4 alone, but not after 一.
    assert_rows("一二·三", 4, &NARROW, &["一", "二·", "三"]);
    assert_rows("一二～三", 4, &NARROW, &["一", "二～", "三"]);
    assert_rows("一二—三", 4, &NARROW, &["一", "二—", "三"]);
}

#[test]
fn double_dash_and_double_ellipsis_are_never_split() {
    // 一二 (4) + —— (2) fits 6 but not 5: the pair moves with 二.
    assert_rows("一二——三", 5, &NARROW, &["一", "二——", "三"]);
    assert_rows("一二……三", 5, &NARROW, &["一", "二……", "三"]);
}

#[test]
fn two_and_three_em_dashes_never_start_a_row_nor_split() {
    assert_rows("一二⸺三", 4, &NARROW, &["一", "二⸺", "三"]);
    assert_rows("一二⸻⸻三", 5, &NARROW, &["一", "二⸻⸻", "三"]);
}

#[test]
fn full_width_solidus_never_ends_a_row() {
    // 公里／ fills 6 columns, but ／ may not end a row: it goes down.
    assert_rows("公里／小时", 6, &NARROW, &["公里", "／小时"]);
}

#[test]
fn opening_bracket_never_ends_a_row() {
    // 一二 (4) + 《 (2) would fit 6, but 《 goes down with 三.
    assert_rows("一二《三》", 6, &NARROW, &["一二", "《三》"]);
}

#[test]
fn small_kana_and_prolonged_sound_mark_never_start_a_row() {
    assert_rows("あいうっと", 6, &NARROW, &["あい", "うっと"]);
    // ピュー is one unit (6 columns): it does not fit after コン.
    assert_rows("コンピューター", 8, &NARROW, &["コン", "ピュー", "ター"]);
}

#[test]
fn number_stays_with_its_magnitude_and_currency() {
    // 超过 (4) + 3.5亿元 (7) = 11 > 10, so the whole amount moves down.
    assert_rows("超过3.5亿元项目", 10, &NARROW, &["超过", "3.5亿元项", "目"]);
}

#[test]
fn number_with_unit_that_fills_a_row_never_pushes_punctuation_to_a_row_start() {
    // 541.54万元。 (12 columns) is one unit wider than 10: it is broken
    // inside the group, so that 。 keeps a character before it.
    assert_rows(
        "全年收入541.54万元。",
        10,
        &NARROW,
        &["全年收入", "541.54万", "元。"],
    );
    assert_rows(
        "服务33.24万人，对",
        10,
        &NARROW,
        &["服务", "33.24万", "人，对"],
    );
    assert_rows(
        "编号1234567890，对",
        10,
        &NARROW,
        &["编号", "123456789", "0，对"],
    );
    // Nor a row end with an opening bracket, inside a unit too wide.
    assert_rows("abcdefgh《ij", 9, &NARROW, &["abcdefgh", "《ij"]);
}

#[test]
fn percent_and_currency_prefix_stay_with_their_number() {
    assert_rows("增长50%以上", 6, &NARROW, &["增长", "50%以", "上"]);
    assert_rows("约US$14美元", 6, &NARROW, &["约", "US$14", "美元"]);
}

#[test]
fn url_stays_whole_when_it_fits() {
    assert_rows(
        "见 https://example.com/a-b/c 网站",
        30,
        &NARROW,
        &["见 https://example.com/a-b/c", "网站"],
    );
}

#[test]
fn word_wider_than_the_row_is_broken_between_clusters_only() {
    let rows = wrap("ab internationalization", 8, &NARROW);
    let texts: Vec<&str> = rows.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(texts, ["ab", "internat", "ionaliza", "tion"]);
    let emergency: Vec<bool> = rows.iter().map(|r| r.emergency).collect();
    assert_eq!(emergency, [false, true, true, true]);
}

#[test]
fn zwj_sequence_is_never_split_even_in_an_emergency() {
    assert_rows("👩‍🔬👩‍🔬👩‍🔬", 5, &NARROW, &["👩‍🔬👩‍🔬", "👩‍🔬"]);
    assert_rows("🇯🇵🇨🇳", 3, &NARROW, &["🇯🇵", "🇨🇳"]);
}

#[test]
fn wide_cluster_wider_than_the_row_gets_a_row_of_its_own() {
    let rows = wrap("中a", 1, &NARROW);
    let texts: Vec<&str> = rows.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(texts, ["中", "a"]);
    assert!(rows[0].emergency);
    assert_eq!(rows[0].width, 2);
}

#[test]
fn line_feed_inside_a_paragraph_is_honoured() {
    assert_rows("一二\n三\n\n四", 10, &NARROW, &["一二", "三", "", "四"]);
}

#[test]
fn rows_map_back_to_char_offsets_of_the_input() {
    let rows = wrap("你好 世界和平万岁", 10, &NARROW);
    let spans: Vec<(usize, usize)> = rows.iter().map(|r| (r.start, r.end)).collect();
    // 你好 世界 is chars 0..5, the space after 界? none: the row ends at 和.
    assert_eq!(spans, [(0, 5), (5, 9)]);
    let rows = wrap("ab  cd", 3, &NARROW);
    let spans: Vec<(usize, usize)> = rows.iter().map(|r| (r.start, r.end)).collect();
    assert_eq!(spans, [(0, 4), (4, 6)]);
}

#[test]
fn empty_and_blank_text_give_one_empty_row() {
    for text in ["", "   "] {
        let rows = wrap(text, 10, &NARROW);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].text, "");
    }
}

#[test]
fn justify_spreads_the_pushed_out_columns_between_clusters() {
    // Case 1 justified: 一二三四 misses 2 columns, spread evenly over its
    // 3 gaps: the outer two.
    assert_rows("一二三四五，六", 10, &JUSTIFY, &["一 二三 四", "五，六"]);
    assert_eq!(wrap("一二三四五，六", 10, &JUSTIFY)[0].width, 10);
}

#[test]
fn justify_fills_the_column_a_wide_character_left_free() {
    // Case 6 justified: 一二 misses 3 columns, all in its one gap.
    assert_rows("一二三。", 7, &JUSTIFY, &["一   二", "三。"]);
}

#[test]
fn justify_never_pads_a_latin_word_or_the_last_row() {
    // Case 4 justified: the first row misses 1 column (利 did not fit the
    // last one); it goes to the middle one of the 5 CJK gaps, not into
    // "ratatui" nor next to its spaces.
    assert_rows(
        "私は ratatui が本当に便利だと思います",
        24,
        &JUSTIFY,
        &["私は ratatui が本 当に便", "利だと思います"],
    );
    assert_rows("hello world again", 12, &JUSTIFY, &["hello world", "again"]);
}

#[test]
fn justify_opens_the_gap_after_punctuation_before_a_word() {
    assert_rows(
        "上半年，全市五，六",
        13,
        &JUSTIFY,
        &["上半年， 全市", "五，六"],
    );
    assert_rows(
        "会议ABC举行五，六",
        13,
        &JUSTIFY,
        &["会议 ABC 举行", "五，六"],
    );
}

#[test]
fn justify_is_off_by_default() {
    assert!(!Options::default().justify);
    assert_rows(
        "一二三四五，六",
        10,
        &Options::default(),
        &["一二三四", "五，六"],
    );
}

#[test]
fn truncation_measures_quotes_at_the_terminals_ambiguous_width() {
    // “ is 1 column narrow, 2 wide: “双过 fills 5 narrow columns, while
    // wide only “双 (4) fits and the last column is padded.
    assert_eq!(truncate("“双过半”", 5, AmbiguousWidth::Narrow), "“双过");
    assert_eq!(truncate("“双过半”", 5, AmbiguousWidth::Wide), "“双 ");
}

/// True for a row of one CJK character and the no-start marks after it
/// (`试。`), or that character alone.
fn is_widow(row: &str) -> bool {
    let mut chars = row.chars();
    chars
        .next()
        .is_some_and(|c| c.len_utf8() == 3 && !kinsoku::is_no_start(c))
        && chars.all(kinsoku::is_no_start)
}

/// Every `paragraphs` array's strings in a JSON document.
fn json_paragraphs(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map {
                match (key.as_str(), v) {
                    ("paragraphs", serde_json::Value::Array(list)) => {
                        out.extend(list.iter().filter_map(|p| p.as_str()).map(str::to_owned))
                    }
                    _ => json_paragraphs(v, out),
                }
            }
        }
        serde_json::Value::Array(list) => list.iter().for_each(|v| json_paragraphs(v, out)),
        _ => {}
    }
}

/// The 65 paragraphs of the sample and the four layout papers' gold parses.
fn sample_paragraphs() -> Vec<String> {
    let (edition, _) = load(
        include_bytes!("../assets/edition.txt"),
        None,
        &LoadOptions::default(),
    );
    let mut paragraphs: Vec<String> = edition
        .articles()
        .flat_map(|a| a.paragraphs.iter().cloned())
        .collect();
    for layout in ["wuxi-a", "wuxi-b", "wuxi-c", "wuxi-d"] {
        let path = shared::shared(&format!("samples/layouts/{layout}/gold.json"));
        let text = std::fs::read_to_string(&path).unwrap();
        json_paragraphs(&serde_json::from_str(&text).unwrap(), &mut paragraphs);
    }
    paragraphs
}

/// How many of `paragraphs`, set as the reading pane sets them at `width`
/// (the first row indented 4 columns), end on a widow.
fn widows(paragraphs: &[String], width: usize) -> usize {
    paragraphs
        .iter()
        .filter(|p| {
            let rows = wrap_indented(p, width, 4, &NARROW);
            rows.len() > 1 && rows.last().is_some_and(|r| is_widow(&r.text))
        })
        .count()
}

#[test]
fn last_row_of_one_character_and_a_full_stop_pulls_one_more_down() {
    assert_rows(
        "一二三四五六七八九。",
        8,
        &NARROW,
        &["一二三四", "五六七", "八九。"],
    );
    // Not when the row above cannot spare it: one unit, or it would be
    // left half full or less.
    assert_rows("abcdefgh九。", 8, &NARROW, &["abcdefgh", "九。"]);
    assert_rows("一二abcdef九。", 10, &NARROW, &["一二abcdef", "九。"]);
    assert_rows("一二三。", 7, &NARROW, &["一二", "三。"]);
    let paragraphs = sample_paragraphs();
    assert_eq!(paragraphs.len(), 65);
    // Before: 10 of the 65 paragraphs at 30 columns (20 at 20, 15 at 40,
    // 5 at 80).
    assert_eq!(widows(&paragraphs, 30), 0);
    for width in [20, 40, 60, 80] {
        assert_eq!(widows(&paragraphs, width), 0, "at {width}");
    }
}
