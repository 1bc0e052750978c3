//! The benchmark generator (`benches/common/generate.rs`) makes editions of
//! the promised size and shape.
#![allow(clippy::unwrap_used)]

#[path = "../benches/common/generate.rs"]
mod generate;

use generate::{Shape, edition};

#[test]
fn pages_shape_reaches_the_size_in_whole_pages_split_by_form_feeds() {
    let text = edition(Shape::Pages, 200_000);
    assert!(text.len() >= 200_000);
    // The sample is under 10 KB, so one page adds well under 20 KB.
    assert!(text.len() < 220_000, "{}", text.len());
    let pages: Vec<&str> = text.split('\u{c}').collect();
    assert!(pages.len() > 10, "{}", pages.len());
    for (n, page) in pages.iter().enumerate() {
        assert!(page.starts_with("锡城日报\n2024年"), "page {n}");
        let folio = format!("第{:02}版 ", n % 8 + 1);
        assert!(page.contains(&folio), "page {n} lacks {folio}");
        assert!(page.trim_end().ends_with("校对：张敏"), "page {n}");
    }
}

#[test]
fn pages_vary_their_dates_and_headlines() {
    let text = edition(Shape::Pages, 200_000);
    let pages: Vec<&str> = text.split('\u{c}').collect();
    // Issue 0 is 2024-01-01 (a Monday), issue 1 the next day; 8 pages each.
    assert!(pages[0].contains("2024年1月1日 星期一"));
    assert!(pages[8].contains("2024年1月2日 星期二"));
    // The sample's 7月26日 is the day before its issue date, 7月27日.
    assert!(pages[16].contains("本报讯 1月2日，"));
    // Page 1 swaps 市 for 县, page 2 省 for 州.
    assert!(pages[0].contains("\n市委外事工作委员会召开会议\n"));
    assert!(pages[1].contains("\n县委外事工作委员会召开会议\n"));
    assert!(pages[2].contains("为全州发展大局作出应有贡献"));
}

#[test]
fn one_article_shape_has_one_headline_dateline_and_byline() {
    let text = edition(Shape::OneArticle, 100_000);
    assert!(text.len() >= 100_000);
    assert!(text.starts_with("市委常委会会议暨市委财经委员会会议召开\n\n本报讯 1月1日，"));
    assert_eq!(text.matches("本报讯").count(), 1);
    assert!(
        text.ends_with("监督。（高美梅）\n"),
        "{}",
        &text[text.len() - 60..]
    );
    assert_eq!(text.matches("（高美梅）").count(), 1);
    for name in ["（惠晓婧）", "（陈菁菁）", "（孙倩茹）"] {
        assert!(!text.contains(name), "{name} left in the body");
    }
}
