//! OSC 52 sequences and the plain text that `y` and `Y` copy.

use std::ffi::OsStr;

use newsreader::clipboard::{article_as_text, osc52, osc52_for, paragraph_as_text};
use newsreader::edition::{Article, Headline};

#[test]
fn osc52_wraps_base64_of_utf8_in_osc_and_bel() {
    // "hi" is 0x68 0x69 -> base64 "aGk=" (RFC 4648 §4, worked by hand).
    assert_eq!(osc52("hi"), "\u{1b}]52;c;aGk=\u{7}");
}

#[test]
fn osc52_encodes_cjk_as_utf8_bytes() {
    // "中" is E4 B8 AD -> 111001 001011 100010 101101 -> "5Lit".
    assert_eq!(osc52("中"), "\u{1b}]52;c;5Lit\u{7}");
}

#[test]
fn osc52_of_empty_text_has_empty_payload() {
    assert_eq!(osc52(""), "\u{1b}]52;c;\u{7}");
}

#[test]
fn tmux_wraps_in_dcs_passthrough_with_escapes_doubled() {
    let got = osc52_for("hi", Some(OsStr::new("/tmp/tmux-0/default,123,0")));
    assert_eq!(got, "\u{1b}Ptmux;\u{1b}\u{1b}]52;c;aGk=\u{7}\u{1b}\\");
}

#[test]
fn unset_or_empty_tmux_gives_the_plain_sequence() {
    assert_eq!(osc52_for("hi", None), "\u{1b}]52;c;aGk=\u{7}");
    assert_eq!(
        osc52_for("hi", Some(OsStr::new(""))),
        "\u{1b}]52;c;aGk=\u{7}"
    );
}

fn sample_article() -> Article {
    Article {
        headline: Headline {
            kicker: vec!["引题".into()],
            title: vec!["主题一".into(), "主题二".into()],
            subtitle: vec!["副题".into()],
        },
        dateline: Some("本报讯 7月26日".into()),
        byline: Some("高美梅".into()),
        paragraphs: vec!["本报讯 7月26日，会议召开。".into(), "第二段。".into()],
        captions: vec!["图片说明".into()],
        ..Article::default()
    }
}

#[test]
fn article_text_has_headline_body_and_byline_without_repeating_dateline() {
    let text = article_as_text(&sample_article());
    assert_eq!(
        text,
        "引题\n主题一\n主题二\n副题\n\n本报讯 7月26日，会议召开。\n\n第二段。\n\n（高美梅）"
    );
}

#[test]
fn dateline_missing_from_the_body_gets_its_own_line() {
    let mut article = sample_article();
    article.paragraphs[0] = "会议召开。".into();
    article.byline = None;
    let text = article_as_text(&article);
    assert_eq!(
        text,
        "引题\n主题一\n主题二\n副题\n\n本报讯 7月26日\n\n会议召开。\n\n第二段。"
    );
}

#[test]
fn article_without_headline_starts_with_its_first_paragraph() {
    let article = Article {
        paragraphs: vec!["Only body.".into()],
        ..Article::default()
    };
    assert_eq!(article_as_text(&article), "Only body.");
}

#[test]
fn paragraph_text_is_the_paragraph_or_none_past_the_end() {
    let article = sample_article();
    assert_eq!(paragraph_as_text(&article, 1), Some("第二段。"));
    assert_eq!(paragraph_as_text(&article, 2), None);
}
