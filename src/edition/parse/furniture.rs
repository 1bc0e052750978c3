//! Page furniture: the text printed on every page rather than in an
//! article (masthead, folio, section name, editor credits, page numbers),
//! and jump lines (`（下转第2版）`, `（上接第1版）`).
//!
//! Evidence (`shared/samples/layouts`, README "Page furniture"): the
//! extractors give each furniture field as its own short line, in any order,
//! usually first or last on a page but not always (`责任编辑：许宁` can fall
//! between two lines of a paragraph). So furniture is recognised line by
//! line by its shape, never by position:
//! - a date `2024年7月27日`, alone or with `星期六` / a lunar date;
//! - a folio `第01版`, `A3`, alone or with its section (`第01版 要闻`);
//! - an issue or page count `第25603号`, `今日8版`;
//! - credits `责任编辑：…`, `美术编辑：…`, `版式：…`, `校对：…`;
//! - a bare page number `3` or `- 3 -`;
//! - a paper name, a short all-ideograph line ending in `报` or `刊`;
//! - a section name (`要闻`, `综合新闻`), when it is a known one or a very
//!   short line next to a folio or date line.

use super::lines::{compact_folded, is_letter, more_chars_than};

/// What a furniture line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Furniture {
    /// The paper's name (`锡城日报`).
    Title,
    /// The edition date (`2024年7月27日 星期六`).
    Date,
    /// The folio (`第01版`, `A3`).
    Folio,
    /// A section name (`要闻`).
    Section,
    /// Anything else printed on the page outside articles.
    Other,
}

/// A jump line, joining an article's halves across pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Jump {
    /// `（下转第N版）`: the article continues on a later page.
    To,
    /// `（上接第N版）`: the lines that follow continue an earlier article.
    From,
}

const SECTIONS: &[&str] = &[
    "要闻",
    "综合",
    "综合新闻",
    "国际",
    "国际新闻",
    "国内",
    "国内新闻",
    "政务",
    "经济",
    "社会",
    "文化",
    "体育",
    "评论",
    "民生",
    "城市",
    "财经",
    "时政",
    "本地新闻",
    "地方新闻",
    "专版",
    "副刊",
    "观点",
    "科技",
    "教育",
    "港闻",
    "中国",
    "两岸",
    "港澳",
];

/// Classifies a (cleaned) line as furniture, by its shape alone.
pub(crate) fn classify(text: &str) -> Option<Furniture> {
    if !could_be_furniture(text) || more_chars_than(text, 60) {
        return None;
    }
    let t = compact_folded(text);
    let n = t.chars().count();
    if n == 0 || n > 40 {
        return None;
    }
    if is_date_line(&t) {
        return Some(Furniture::Date);
    }
    if is_folio(&t) {
        return Some(Furniture::Folio);
    }
    if SECTIONS.contains(&&*t) {
        return Some(Furniture::Section);
    }
    let credit_keys = [
        "责任编辑",
        "美术编辑",
        "本版编辑",
        "图片编辑",
        "版式",
        "校对",
        "责编",
        "编辑：",
    ];
    if credit_keys.iter().any(|k| {
        t.starts_with(k) && t[k.len()..].starts_with(['：', ':', '　']) || t.starts_with("编辑：")
    }) {
        return Some(Furniture::Other);
    }
    if is_issue_line(&t) || is_page_number(&t) {
        return Some(Furniture::Other);
    }
    if is_weekday_line(&t) && n <= 20 {
        return Some(Furniture::Other);
    }
    if (4..=8).contains(&n)
        && t.chars().all(|c| is_letter(c) && !c.is_ascii())
        && (t.ends_with('报') || t.ends_with('刊'))
        && !t.starts_with("本报")
    {
        return Some(Furniture::Title);
    }
    None
}

/// A cheap test that every furniture shape passes: a line of at most eight
/// chars (every section name), one led by the first char of a date,
/// folio, credit, issue, page number or weekday, or a paper name ending
/// in `报` or `刊`. Most body lines fail it, and skip the full tests.
fn could_be_furniture(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    first.is_ascii_alphanumeric()
        || matches!(
            first,
            '-' | '—'
                | '第'
                | '今'
                | '总'
                | '總'
                | '国'
                | '國'
                | '责'
                | '責'
                | '美'
                | '本'
                | '图'
                | '圖'
                | '版'
                | '校'
                | '编'
                | '編'
                | '星'
        )
        || text.ends_with(['报', '報', '刊'])
        || !more_chars_than(text, 8)
}

/// A very short all-ideograph line: a section name when it stands next to
/// a folio or date line.
pub(crate) fn could_be_section(text: &str) -> bool {
    // Two to four chars, counted no further than five; a section name set
    // letter-spaced (`港 聞`, `要　闻`) counts without its spaces.
    if more_chars_than(text, 2 * SECTION_CHARS) {
        return false;
    }
    let mut letters = text.chars().filter(|c| !c.is_whitespace());
    let short = letters.nth(1).is_some() && letters.nth(SECTION_CHARS - 2).is_none();
    short
        && text
            .chars()
            .all(|c| c.is_whitespace() || is_letter(c) && !c.is_ascii())
}

/// The most chars of a section name [`could_be_section`] takes.
const SECTION_CHARS: usize = 4;

/// Recognises a jump line (`（下转第2版）`, `（上接第1版）`, `(转第3版)`,
/// `（相关报道见第二版）`).
pub(crate) fn jump(text: &str) -> Option<Jump> {
    if !text.starts_with(['（', '(']) || more_chars_than(text, 30) {
        return None;
    }
    let t = compact_folded(text);
    let inner = t
        .strip_prefix(['（', '('])
        .and_then(|s| s.strip_suffix(['）', ')']))?;
    if inner.chars().count() > 14 || !inner.ends_with('版') {
        return None;
    }
    if inner.starts_with("上接") || inner.starts_with("接第") {
        Some(Jump::From)
    } else if inner.starts_with("下转") || inner.starts_with("转第") {
        Some(Jump::To)
    } else {
        None
    }
}

/// True for `（相关报道见第二版）`: a cross-reference line, kept as furniture.
pub(crate) fn is_cross_reference(text: &str) -> bool {
    if !text.starts_with(['（', '(']) || more_chars_than(text, 30) {
        return false;
    }
    let t = compact_folded(text);
    t.starts_with(['（', '('])
        && t.ends_with(['）', ')'])
        && t.contains("见第")
        && t.chars().count() <= 20
}

fn digits(s: &str) -> usize {
    s.chars().take_while(char::is_ascii_digit).count()
}

fn is_date_line(t: &str) -> bool {
    let Some(y) = t.find('年') else {
        return false;
    };
    let year = &t[..y];
    if year.len() != 4 || !year.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    let rest = &t[y + '年'.len_utf8()..];
    let m = digits(rest);
    if m == 0 || !rest[m..].starts_with('月') {
        return false;
    }
    let rest = &rest[m + '月'.len_utf8()..];
    let d = digits(rest);
    if d == 0 || !rest[d..].starts_with('日') {
        return false;
    }
    let tail = &rest[d + '日'.len_utf8()..];
    tail.is_empty()
        || tail.starts_with("星期")
        || tail.starts_with("农历")
        || tail.starts_with('（')
}

fn is_folio(t: &str) -> bool {
    if let Some(rest) = t.strip_prefix('第') {
        let d = digits(rest);
        if d > 0 && rest[d..].starts_with('版') {
            let section = &rest[d + '版'.len_utf8()..];
            return section.chars().count() <= 6 && !section.contains(['，', '。']);
        }
    }
    let mut cs = t.chars();
    matches!(cs.next(), Some('A'..='Z'))
        && t.len() <= 3
        && t.len() >= 2
        && cs.all(|c| c.is_ascii_digit())
}

fn is_issue_line(t: &str) -> bool {
    let inner = |s: &str, end: char| {
        let d = digits(s);
        d > 0 && s[d..].starts_with(end) && s[d..].chars().count() == 1
    };
    t.strip_prefix('第')
        .is_some_and(|s| inner(s, '号') || inner(s, '期'))
        || t.strip_prefix("今日").is_some_and(|s| inner(s, '版'))
        // Hong Kong mastheads: `今日出紙三疊` (today's paper, three sections).
        || t.strip_prefix("今日出").is_some_and(|s| {
            s.starts_with(['纸', '紙']) && s.ends_with(['叠', '疊', '张', '張']) && s.chars().count() <= 4
        })
        || t.strip_prefix("总第").is_some_and(|s| inner(s, '期'))
        || t.starts_with("国内统一连续出版物号")
        || t.starts_with("国内统一刊号")
}

fn is_page_number(t: &str) -> bool {
    let core = t.trim_matches(['-', '—', ' ']);
    !core.is_empty() && core.len() <= 3 && core.chars().all(|c| c.is_ascii_digit())
}

/// True when `t` opens with a weekday (`星期六`, `星期日`) standing alone:
/// at the end, or before a space, a bracket or a lunar date (`星期六 农历
/// 六月廿二`, `星期一 庚辰年十二月初七`; `t` may have lost its spaces). A body line broken after `過去一` (`星期各急症室共處理約六十宗`)
/// opens with `星期` and is no furniture.
fn is_weekday_line(t: &str) -> bool {
    let Some(rest) = t.strip_prefix("星期") else {
        return false;
    };
    let mut chars = rest.chars();
    if !chars.next().is_some_and(|d| "一二三四五六日天".contains(d)) {
        return false;
    }
    let after = chars.as_str();
    let mut lunar = after.chars();
    // A sexagenary year (`庚辰年`) opens the lunar date.
    let cyclic_year = lunar
        .next()
        .is_some_and(|c| "甲乙丙丁戊己庚辛壬癸".contains(c))
        && lunar
            .next()
            .is_some_and(|c| "子丑寅卯辰巳午未申酉戌亥".contains(c))
        && lunar.next() == Some('年');
    after.is_empty()
        || cyclic_year
        || after.starts_with(char::is_whitespace)
        || after.starts_with(['（', '(', '农', '農', '/', '／', '|', '｜'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folio_date_and_credits_are_furniture() {
        assert_eq!(classify("2024年7月27日 星期六"), Some(Furniture::Date));
        assert_eq!(classify("星期六 农历六月廿二"), Some(Furniture::Other));
        assert_eq!(classify("星期一 庚辰年十二月初七"), Some(Furniture::Other));
        // Training edition ed05 (mutool): a body line broken after `過去一`.
        assert_eq!(classify("星期各急症室共處理約六十宗"), None);
        assert_eq!(classify("2024年7月27日"), Some(Furniture::Date));
        assert_eq!(classify("第01版"), Some(Furniture::Folio));
        assert_eq!(classify("A3"), Some(Furniture::Folio));
        assert_eq!(classify("要闻"), Some(Furniture::Section));
        assert_eq!(classify("责任编辑：周岚"), Some(Furniture::Other));
        assert_eq!(classify("版式：陆言"), Some(Furniture::Other));
        assert_eq!(classify("第25603号"), Some(Furniture::Other));
        assert_eq!(classify("今日8版"), Some(Furniture::Other));
        assert_eq!(classify("12"), Some(Furniture::Other));
        assert_eq!(classify("锡城日报"), Some(Furniture::Title));
        assert_eq!(classify("責任編輯：周嵐"), Some(Furniture::Other));
        assert_eq!(classify("要聞"), Some(Furniture::Section));
        assert_eq!(classify("港 聞"), Some(Furniture::Section));
        assert_eq!(classify("今日出紙三疊"), Some(Furniture::Other));
        assert!(could_be_section("港 聞"));
        assert!(could_be_section("要　闻"));
        assert!(!could_be_section("市委外事工作委员会"));
    }

    #[test]
    fn body_and_headline_lines_are_not_furniture() {
        assert_eq!(classify("市委外事工作委员会召开会议"), None);
        assert_eq!(classify("本报讯 7月26日，市委常委会"), None);
        assert_eq!(classify("在锡落户"), None);
    }

    #[test]
    fn jump_lines_are_recognised() {
        assert_eq!(jump("（下转第2版）"), Some(Jump::To));
        assert_eq!(jump("（上接第1版）"), Some(Jump::From));
        assert_eq!(jump("（高美梅）"), None);
        assert_eq!(jump("（下轉第2版）"), Some(Jump::To));
    }
}
