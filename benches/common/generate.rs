//! Large generated editions for benchmarks (issue 7), built from the sample
//! edition (`assets/edition.txt`).
//!
//! Shared by `examples/gen_edition.rs` and the benches through
//! `#[path = "common/generate.rs"] mod generate;`, so that the library's
//! public API does not grow a benchmark-only module.
//!
//! Two shapes:
//! - [`Shape::Pages`]: many pages, each the sample front page in its own
//!   layout (bodies first, headline blocks after them), under page furniture
//!   (masthead, date line, folio) and over an editor-credit line, separated
//!   by form feeds as `pdftotext` writes them. Eight pages make one issue;
//!   each issue is a day later. The datelines' dates follow the issue date,
//!   and each page swaps a few common characters (市→县, 省→州, 新→兴, 大→高)
//!   by its number, so headlines, article ids and fingerprints vary.
//! - [`Shape::OneArticle`]: one headline, one dateline, then the sample's
//!   body lines repeated (bylines removed, datelines turned into a linking
//!   phrase) as
//!   one enormous column-broken body, and one byline at the end.

/// The sample edition the generated ones are made of.
const SAMPLE: &str = include_str!("../../assets/edition.txt");

/// Pages per generated issue (one day's paper).
const PAGES_PER_ISSUE: usize = 8;

/// Section names printed in the folio, by page within the issue.
const SECTIONS: [&str; PAGES_PER_ISSUE] = [
    "要闻",
    "要闻",
    "综合新闻",
    "经济",
    "国际新闻",
    "文化",
    "社会",
    "体育",
];

/// Character swaps; page `n` applies swap `k` when bit `k` of `n` is set.
const SWAPS: [(char, char); 4] = [('市', '县'), ('省', '州'), ('新', '兴'), ('大', '高')];

/// How a generated edition is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Many pages of many articles.
    Pages,
    /// One article with an enormous body.
    OneArticle,
}

/// A generated edition of at least `bytes` bytes of UTF-8 (it overshoots by
/// less than one page, about 10 KB, or one body repeat). Deterministic: the
/// same arguments give the same text.
pub fn edition(shape: Shape, bytes: usize) -> String {
    match shape {
        Shape::Pages => pages(bytes),
        Shape::OneArticle => one_article(bytes),
    }
}

fn pages(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + SAMPLE.len() * 2);
    let mut page = 0;
    while out.len() < bytes {
        if page > 0 {
            out.push('\u{c}');
        }
        push_page(&mut out, page);
        page += 1;
    }
    out
}

fn push_page(out: &mut String, page: usize) {
    let issue = page / PAGES_PER_ISSUE;
    let in_issue = page % PAGES_PER_ISSUE;
    let (month, day) = month_day(issue);
    out.push_str("锡城日报\n");
    out.push_str(&format!("2024年{month}月{day}日 {}\n", weekday(issue)));
    out.push_str(&format!(
        "第{:02}版 {}\n\n",
        in_issue + 1,
        SECTIONS[in_issue]
    ));
    let body = vary_dates(SAMPLE.trim_start(), issue);
    out.extend(body.chars().map(|c| swap(c, page)));
    out.push_str("\n责任编辑：王芳  美术编辑：李强  校对：张敏\n");
}

fn one_article(bytes: usize) -> String {
    let bodies = body_blocks();
    let mut out = String::with_capacity(bytes + SAMPLE.len() * 2);
    out.push_str("市委常委会会议暨市委财经委员会会议召开\n\n");
    let mut round = 0;
    while out.len() < bytes {
        for (i, block) in bodies.iter().enumerate() {
            let block = strip_byline(block);
            // The very first body keeps its dateline: the article's own.
            let block = if round == 0 && i == 0 {
                block.to_owned()
            } else {
                strip_dateline(block)
            };
            out.extend(vary_dates(&block, round).chars().map(|c| swap(c, round)));
            out.push_str("\n\n");
        }
        round += 1;
    }
    out.truncate(out.trim_end().len());
    out.push_str("（高美梅）\n");
    out
}

/// The sample's body blocks (blank-line separated), in order. In the
/// sample's layout a body runs from a block opening with `本报讯` to a block
/// ending with a byline `（…）`; the blocks between a byline and the next
/// `本报讯` are headlines.
fn body_blocks() -> Vec<&'static str> {
    let mut in_body = false;
    let mut bodies = Vec::new();
    for block in SAMPLE.split("\n\n").map(str::trim) {
        in_body |= block.starts_with("本报讯");
        if in_body {
            bodies.push(block);
        }
        if block.ends_with('）') {
            in_body = false;
        }
    }
    bodies
}

fn strip_byline(block: &str) -> &str {
    match block.rfind('（') {
        Some(open) if block.ends_with('）') => block[..open].trim_end(),
        _ => block,
    }
}

/// Replaces a repeated body's dateline (`本报讯 7月26日，`, 10 characters)
/// with a linking phrase of about the same length, so that its line stays
/// full and reads as body text, not as a short headline-like line.
fn strip_dateline(block: &str) -> String {
    match (block.strip_prefix("本报讯"), block.find('，')) {
        (Some(_), Some(comma)) => format!(
            "与此同时，记者了解到，{}",
            &block[comma + '，'.len_utf8()..]
        ),
        _ => block.to_owned(),
    }
}

fn swap(c: char, variant: usize) -> char {
    SWAPS
        .iter()
        .enumerate()
        .find(|&(k, &(from, _))| variant >> k & 1 == 1 && from == c)
        .map_or(c, |(_, &(_, to))| to)
}

/// Rewrites every `<digits>月<digits>日` date so that the sample's issue
/// date (7月27日) becomes issue `issue`'s date, keeping each date's distance
/// before it (7月26日 is the day before).
fn vary_dates(text: &str, issue: usize) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('月') {
        let head = &rest[..at];
        let digits = head.len() - head.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let tail = &rest[at + '月'.len_utf8()..];
        let day_digits = tail.len() - tail.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let is_date = digits > 0 && day_digits > 0 && tail[day_digits..].starts_with('日');
        let sample_day = tail[..day_digits].parse::<usize>().unwrap_or(27);
        if is_date && head[at - digits..] == *"7" && sample_day <= 27 {
            let (month, day) = month_day((issue + sample_day).saturating_sub(27));
            out.push_str(&head[..at - digits]);
            out.push_str(&format!("{month}月{day}"));
            rest = &tail[day_digits..];
        } else {
            out.push_str(&rest[..at + '月'.len_utf8()]);
            rest = tail;
        }
    }
    out.push_str(rest);
    out
}

/// The month and day of the `days`-th day after 2024-01-01 (wrapping
/// yearly; 2024 is a leap year).
fn month_day(days: usize) -> (usize, usize) {
    const LENGTHS: [usize; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let mut day = days % 366;
    for (month, &length) in LENGTHS.iter().enumerate() {
        if day < length {
            return (month + 1, day + 1);
        }
        day -= length;
    }
    (12, 31)
}

/// The weekday of the `days`-th day after 2024-01-01, a Monday.
fn weekday(days: usize) -> &'static str {
    [
        "星期一",
        "星期二",
        "星期三",
        "星期四",
        "星期五",
        "星期六",
        "星期日",
    ][days % 7]
}
