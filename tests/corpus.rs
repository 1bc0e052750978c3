//! Issue 12's development corpus, `tests/corpus/*.json` (the training and
//! validation stories `scripts/build_editions.sh` lays out), held to the
//! checks of `cargo run --example corpus_stats` (shared logic:
//! `tests/support/corpus_stats.rs`): every variety a parser must meet has
//! at least 10 stories, and no two stories share more than half their
//! text. A missing corpus fails, naming where it was looked for.
//!
//! The checks themselves are tried on the shared seed corpus (four stories
//! of one kind: it must fail) and on a tiny corpus written here.

#![allow(clippy::unwrap_used)]

#[path = "support/corpus_stats.rs"]
mod corpus_stats;
#[path = "support/shared.rs"]
mod shared;

use std::path::PathBuf;

use corpus_stats::{Credit, Dateline};

fn corpus_files() -> (PathBuf, Vec<PathBuf>) {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "json"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    (dir, files)
}

#[test]
fn corpus_has_every_variety_and_no_near_duplicates() {
    let (dir, files) = corpus_files();
    assert!(
        !files.is_empty(),
        "no corpus: no *.json in {} (issue 12's development corpus: train-*.json and \
         valid-*.json in newsgen's story format)",
        dir.display()
    );
    let entries = corpus_stats::load(&files).unwrap_or_else(|e| panic!("{e}"));
    let stats = corpus_stats::stats(&entries);
    println!("{}", corpus_stats::report(&stats));
    let problems = corpus_stats::problems(&stats);
    assert!(problems.is_empty(), "the corpus fails: {problems:#?}");
}

#[test]
fn the_seed_corpus_lacks_variety() {
    let path = shared::shared("layoutgen/seed-corpus.json");
    let stats = corpus_stats::stats(&corpus_stats::load(&[&path]).unwrap());
    assert_eq!(stats.articles, 4);
    let problems = corpus_stats::problems(&stats);
    for lacking in [
        "script: trad: 0 stories",
        "dateline: 新华社…电: 0 stories",
        "credit: none: 0 stories",
        "headline: 3 lines: 0 stories",
        "editor's note: 0 stories",
    ] {
        assert!(
            problems.iter().any(|p| p.starts_with(lacking)),
            "{lacking:?} not in {problems:#?}"
        );
    }
    assert!(
        problems.iter().all(|p| !p.contains("share")),
        "the four seed stories are not near-duplicates: {problems:#?}"
    );
}

/// Seven stories, one of each shape, the last a near copy of the first.
const TINY: &str = r#"{"stories": [
 {"script": "simp", "headline": ["城东快速路明年六月全线通车"],
  "paragraphs": ["本报讯 12月31日，市交通局召开新闻发布会，宣布城东快速路将于明年六月全线通车，沿线六座互通立交已完成主体施工。",
                 "记者从发布会上了解到，快速路全长十八公里，建成后城东至机场的车程将由五十分钟缩短到二十五分钟左右。"],
  "credit": "李华 王磊"},
 {"script": "simp", "headline": ["守护一江清水", "长江禁渔三年见成效", "——江豚群体频繁现身城区江段"],
  "paragraphs": ["本报武汉12月30日电（记者张明）长江十年禁渔进入第三年，监测显示江豚种群数量稳中有升。",
                 "张明说，今年江豚在城区江段出现的次数比去年多了一倍。",
                 "一是加强巡护，二是修复岸线，三是推进渔民转产就业。"],
  "credit": null},
 {"script": "simp", "headline": ["国产大飞机C919开启第二条商业航线"],
  "paragraphs": ["新华社上海12月29日电（记者李静）国产大飞机C919今天执飞上海至成都航线，这是其第二条商业航线。",
                 "目前已有5架C919和百余架ARJ21交付使用。"],
  "credit": "新华社"},
 {"script": "simp", "headline": ["编者按"],
  "paragraphs": ["编者按：岁末年初，本报推出系列报道，走进基层一线，记录普通劳动者的坚守与奉献。",
                 "本报杭州12月28日讯 记者陈晨报道：凌晨四点，环卫工人刘师傅已经开始清扫街道。"],
  "credit": null},
 {"script": "trad", "headline": ["港鐵新線下月通車"],
  "paragraphs": ["港鐵公司昨日宣布，新線將於下月中旬通車，沿線設五個車站﹐預計每日載客十萬人次。",
                 "記者昨日到場視察﹐見工人正進行最後測試。"],
  "credit": null},
 {"script": "simp", "headline": ["全球气候大会闭幕"],
  "paragraphs": ["据新华社迪拜12月27日电 第二十八届联合国气候变化大会今天闭幕，各方就减排路线图达成共识。"],
  "credit": "据新华社"},
 {"script": "simp", "headline": ["城东快速路明年六月通车"],
  "paragraphs": ["本报讯 12月31日，市交通局召开新闻发布会，宣布城东快速路将于明年六月全线通车，沿线六座互通立交已完成主体施工。",
                 "快速路全长十八公里，建成后城东至机场的车程将由五十分钟缩短到二十五分钟左右。"],
  "credit": "李华"}
], "photos": []}"#;

#[test]
fn a_tiny_corpus_is_sorted_by_form_and_its_near_copy_fails() {
    let entries = corpus_stats::parse("tiny.json", TINY).unwrap();
    let f: Vec<corpus_stats::Features> = entries
        .iter()
        .map(|e| corpus_stats::features(&e.story))
        .collect();
    let datelines: Vec<Dateline> = f.iter().map(|x| x.dateline).collect();
    assert_eq!(
        datelines,
        [
            Dateline::Benbao,
            Dateline::BenbaoDian,
            Dateline::Xinhua,
            Dateline::None,
            Dateline::None,
            Dateline::JuXinhua,
            Dateline::Benbao
        ]
    );
    assert_eq!(
        corpus_stats::dateline("本报杭州12月28日讯 记者陈晨报道：凌晨四点"),
        Dateline::BenbaoXunReporter
    );
    assert_eq!(
        corpus_stats::dateline("本報香港12月28日訊 記者陳晨報道：凌晨四點"),
        Dateline::BenbaoXunReporter
    );
    assert_eq!(
        corpus_stats::dateline("本报杭州12月28日讯 凌晨四点"),
        Dateline::BenbaoXunOther
    );
    let credits: Vec<Credit> = f.iter().map(|x| x.credit).collect();
    assert_eq!(
        credits,
        [
            Credit::Names,
            Credit::None,
            Credit::Wire,
            Credit::None,
            Credit::None,
            Credit::Wire,
            Credit::Names
        ]
    );
    let lines: Vec<usize> = f.iter().map(|x| x.headline_lines).collect();
    assert_eq!(lines, [1, 3, 1, 1, 1, 1, 1]);
    assert!(f[1].dash_subtitle && !f[0].dash_subtitle);
    assert!(f[0].reporter_paragraph && f[4].reporter_paragraph && !f[1].reporter_paragraph);
    assert!(f[1].name_paragraph && !f[0].name_paragraph);
    assert!(f[1].enumeration && !f[0].enumeration);
    assert!(f[2].latin_digits && !f[1].latin_digits);
    assert!(f[3].editors_note && !f[0].editors_note);
    assert!(f[2].short_paragraph && !f[0].short_paragraph);
    assert_eq!(f[4].script, "trad");
    assert_eq!(f[5].length, 45);

    let stats = corpus_stats::stats(&entries);
    let report = corpus_stats::report(&stats);
    assert!(report.contains("7 stories"), "{report}");
    let problems = corpus_stats::problems(&stats);
    let copies: Vec<&String> = problems.iter().filter(|p| p.contains("share")).collect();
    assert_eq!(copies.len(), 1, "{problems:#?}");
    assert!(
        copies[0].starts_with("tiny.json:0 and tiny.json:6"),
        "{copies:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("script: trad: 1 story"))
    );
}
