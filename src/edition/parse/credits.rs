//! Credits and captions: the opening dateline, the closing byline, credit
//! lines of their own, and photo captions or editor's notes.
//!
//! Forms recognised (issue 3, "Datelines and bylines"):
//! - openings `本报讯`, `本报讯（记者 ×× 通讯员 ××）`, `本报讯 7月26日`,
//!   `本报×地×月×日电（记者 ××）`, `本报×地×月×日讯`,
//!   `新华社×地×月×日电（记者 ××）`, `据新华社…电`; the dateline is that
//!   prefix, without the comma or space after it, and stays at the start of
//!   the first paragraph as printed;
//! - `本报记者 ××` (or `记者 ×× 通讯员 ××`) on a line of its own, before
//!   the body: a byline;
//! - closings `（××）` and `（记者 ××）` after the last sentence, with or
//!   without a space before, and a credit on a line of its own such as
//!   `（新华社北京12月31日电）`: the byline is the text inside the
//!   parentheses, and the credit is removed from the last paragraph;
//! - English wire credits (`WASHINGTON, Jan. 1.—`, `By JOHN SMITH`) are
//!   in [`super::english`].
//!
//! Captions: `…摄）`, `（资料图片）`, `图为…`, `图片：`, `编者按`,
//! `核心阅读`: never body text.

use super::lines::{compact_folded, fold_traditional, is_end_punct, is_letter, more_chars_than};

/// Marks that may stand before an own-line credit (`■本报记者 张三`).
pub(super) const CREDIT_MARKS: [char; 7] = ['□', '■', '●', '◆', '○', ' ', '\u{3000}'];

/// The words that open an own-line credit, in simplified script (match
/// against [`fold_traditional`]ed text); the name follows them.
pub(super) const CREDIT_PREFIXES: [&str; 7] = [
    "本报特约记者",
    "本报记者",
    "本报通讯员",
    "记者",
    "通讯员",
    "文/",
    "文／",
];

/// Byte length of the dateline at the start of `text`, if it opens with
/// one of the forms in the module docs.
pub(crate) fn dateline_len(text: &str) -> Option<usize> {
    // Every form opens with one of these chars: most lines stop here.
    if !may_open_article(text) {
        return None;
    }
    // Openings are short: only the first 48 chars are read (and folded).
    let head_end = text.char_indices().nth(48).map_or(text.len(), |(i, _)| i);
    let folded = fold_traditional(&text[..head_end]);
    let text: &str = &folded;
    let end = if let Some(rest) = text.strip_prefix("本报讯") {
        let mut end = text.len() - rest.len();
        end += paren_len(&text[end..]);
        end += date_len(&text[end..]);
        end
    } else if let Some(rest) = text.strip_prefix("据新华社") {
        text.len() - rest.len() + wire_tail(rest)?
    } else if let Some(rest) = text.strip_prefix("新华社") {
        text.len() - rest.len() + wire_tail(rest)?
    } else if let Some(rest) = text.strip_prefix("中新社") {
        text.len() - rest.len() + wire_tail(rest)?
    } else if let Some(rest) = text.strip_prefix("本报") {
        text.len() - rest.len() + wire_tail(rest)?
    } else {
        return None;
    };
    Some(text[..end].trim_end().len())
}

/// `×地×月×日电（记者 ××）`: place and date up to `电` or `讯` within 20
/// chars, then an optional credit in parentheses. Returns the byte length.
fn wire_tail(rest: &str) -> Option<usize> {
    let mut seen_day = false;
    for (n, (i, c)) in rest.char_indices().enumerate() {
        if n > 20 || is_end_punct(c) && c != '）' && c != ')' || c == '，' {
            return None;
        }
        if c == '日' || c == '月' {
            seen_day = true;
        }
        if (c == '电' || c == '讯') && (seen_day || n <= 4) {
            let end = i + c.len_utf8();
            return Some(end + paren_len(&rest[end..]));
        }
    }
    None
}

/// Byte length of a parenthesised credit (`（记者 张三）`) at the start of
/// `s`, or 0.
fn paren_len(s: &str) -> usize {
    let Some(inner) = s.strip_prefix(['（', '(']) else {
        return 0;
    };
    for (n, (i, c)) in inner.char_indices().enumerate() {
        if n > 30 || c == '，' || c == '。' {
            return 0;
        }
        if c == '）' || c == ')' {
            return s.len() - inner.len() + i + c.len_utf8();
        }
    }
    0
}

/// Digits of a printed date: ASCII, full-width (`７`) or Chinese
/// numerals (`七`, `二十六`).
fn is_date_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || "〇零一二三四五六七八九十".contains(c)
}

/// Byte length of the run of date digits at the start of `s`, if 1 to 3
/// chars long.
fn digits_len(s: &str) -> Option<usize> {
    let n = s.chars().take_while(|&c| is_date_digit(c)).count();
    (1..=3)
        .contains(&n)
        .then(|| s.chars().take(n).map(char::len_utf8).sum())
}

/// Byte length of ` 7月26日` (spaces allowed) at the start of `s`, or 0.
fn date_len(s: &str) -> usize {
    let trimmed = s.trim_start_matches([' ', '\u{3000}']);
    let skip = s.len() - trimmed.len();
    let Some(m) = digits_len(trimmed).filter(|&m| trimmed[m..].starts_with('月')) else {
        return 0;
    };
    let after = &trimmed[m + '月'.len_utf8()..];
    let Some(d) = digits_len(after).filter(|&d| after[d..].starts_with('日')) else {
        return 0;
    };
    skip + m + '月'.len_utf8() + d + '日'.len_utf8()
}

/// True when `text` starts the way every dateline form starts (its first
/// char is `本`, `据`, `據`, `新` or `中`): the cheap test before
/// [`dateline_len`] on a line joined to the next.
pub(crate) fn may_open_article(text: &str) -> bool {
    text.starts_with(DATELINE_STARTS)
}

/// The first char of every dateline form [`dateline_len`] reads.
const DATELINE_STARTS: [char; 5] = ['本', '据', '據', '新', '中'];

/// True when `text` opens an article with a dateline.
pub(crate) fn opens_article(text: &str) -> bool {
    dateline_len(text).is_some()
}

/// A closing credit at the end of a paragraph: returns `(keep, byline)`
/// where `keep` is the paragraph without the credit (and without the space
/// before it) and `byline` the text inside the parentheses.
///
/// The credit must follow end punctuation (`。（高美梅）`) or be the whole
/// paragraph (`（新华社北京12月31日电）`), and hold no sentence punctuation.
pub(crate) fn split_closing(paragraph: &str) -> Option<(&str, &str)> {
    let body = paragraph.strip_suffix(['）', ')'])?;
    let open = body.rfind(['（', '('])?;
    let open_mark = body[open..].chars().next()?;
    let inner = &body[open + open_mark.len_utf8()..];
    let n = inner.chars().count();
    if n == 0 || n > 24 || inner.contains(['，', '。', '（', '(', '、']) {
        return None;
    }
    let keep = paragraph[..open].trim_end();
    let before = keep.chars().next_back();
    if keep.is_empty() || before.is_some_and(is_end_punct) {
        Some((keep, inner.trim()))
    } else {
        None
    }
}

/// True when a line or paragraph ends with a closing credit (see
/// [`split_closing`]). Only its last 40 chars are read, so checking a
/// growing paragraph line by line stays linear.
pub(crate) fn ends_with_closing(text: &str) -> bool {
    if !text.ends_with(['）', ')']) {
        return false;
    }
    let start = text.char_indices().rev().nth(40).map_or(0, |(i, _)| i);
    let tail = &text[start..];
    split_closing(tail)
        .is_some_and(|(keep, inner)| !inner.ends_with('摄') && (start == 0 || !keep.is_empty()))
}

/// A byline on a line of its own before the body: `本报记者 张三`,
/// `记者 张三 通讯员 李四`, `本报特约记者 ××`.
pub(crate) fn is_credit_line(text: &str) -> bool {
    let bare = text.trim_start_matches(['□', '■', '●', '◆', '○', ' ', '\u{3000}']);
    // Every prefix below opens with one of these chars (or `記`).
    if !bare.starts_with(['本', '记', '記', '通', '文']) || more_chars_than(text, 40) {
        return false;
    }
    let folded = fold_traditional(text);
    let text = folded.trim_start_matches(CREDIT_MARKS);
    let rest = CREDIT_PREFIXES.iter().find_map(|k| text.strip_prefix(k));
    let Some(rest) = rest else {
        return false;
    };
    let n = rest.chars().count();
    (2..=30).contains(&n)
        && rest
            .chars()
            .all(|c| is_letter(c) || c == ' ' || c == '\u{3000}' || c == '、' || c == '·')
        && names_only(rest)
}

/// True when `rest` (a credit line after its prefix) reads as names: each
/// piece between spaces, `、` or `·` is a name of at most
/// [`NAME_CHARS`] chars, or a role word and a name (`通讯员李四`). A body
/// line that happens to open with `记者` (`记者在宁波市象山县石`) has a
/// longer run of letters, and stays body.
fn names_only(rest: &str) -> bool {
    rest.split([' ', '\u{3000}', '、', '·'])
        .filter(|piece| !piece.is_empty())
        .all(|piece| {
            let bare = ["通讯员", "實習生", "实习生", "记者", "摄影"]
                .iter()
                .find_map(|role| piece.strip_prefix(role))
                .unwrap_or(piece);
            // A Latin name (`John Smith`) is one piece per word.
            bare.is_ascii() || bare.chars().count() <= NAME_CHARS
        })
}

/// The most chars of one Chinese name in a credit line (two-char family
/// names and a two-char given name: `欧阳晓明`).
const NAME_CHARS: usize = 4;

/// A run-in subhead (小标题) inside an article: a short line led by an
/// ordinal (`一、`, `（二）`) or a bullet (`■`, `◆`), with no full stop.
/// It is a paragraph of its own, never a headline.
pub(crate) fn is_subhead(text: &str) -> bool {
    let mut cs = text.chars();
    let lead = cs.next().is_some_and(|c| {
        matches!(
            c,
            '■' | '◆'
                | '▲'
                | '●'
                | '▶'
                | '◎'
                | '（'
                | '('
                | '一'
                | '二'
                | '三'
                | '四'
                | '五'
                | '六'
                | '七'
                | '八'
                | '九'
                | '十'
        )
    });
    if !lead || more_chars_than(text, 30) || text.contains('。') {
        return false;
    }
    let mut cs = text.chars();
    let first = cs.next();
    let second = cs.next();
    let ordinal = |c: char| "一二三四五六七八九十".contains(c);
    match (first, second) {
        (Some('■' | '◆' | '▲' | '●' | '▶' | '◎'), _) => true,
        (Some(c), Some('、')) if ordinal(c) => true,
        (Some('（' | '('), Some(c)) if ordinal(c) => text.contains(['）', ')']),
        _ => false,
    }
}

/// True for a photo caption or an editor's box (see the module docs).
pub(crate) fn is_caption(text: &str) -> bool {
    // Every form below ends in `）`, `)` or `摄`, or opens with `图`, `编`
    // or `核` (or their traditional forms): most lines stop here.
    let ends = text.ends_with(['）', ')', '摄', '攝']);
    if !ends && !text.starts_with(['图', '圖', '编', '編', '核']) || more_chars_than(text, 100)
    {
        return false;
    }
    let t = compact_folded(text);
    let n = t.chars().count();
    if n > 80 {
        return false;
    }
    t.ends_with("摄）")
        || t.ends_with("摄)")
        || t.ends_with("（资料图片）")
        || t.ends_with("（图片由受访者提供）")
        || t.starts_with("图为")
        || t.starts_with("图片：")
        || t.starts_with("图：")
        || t.starts_with("编者按")
        || t.starts_with("核心阅读")
        || (t.ends_with('摄') && n <= 30 && t.contains("记者"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dateline(text: &str) -> Option<&str> {
        dateline_len(text).map(|n| &text[..n])
    }

    #[test]
    fn every_opening_form_gives_its_dateline() {
        assert_eq!(dateline("本报讯 7月26日，市委"), Some("本报讯 7月26日"));
        assert_eq!(
            dateline("本报讯 ７月２６日，市委"),
            Some("本报讯 ７月２６日")
        );
        assert_eq!(
            dateline("本报讯（记者 张三 通讯员 李四）近日"),
            Some("本报讯（记者 张三 通讯员 李四）")
        );
        assert_eq!(
            dateline("本报北京3月5日电（记者 王五）今天"),
            Some("本报北京3月5日电（记者 王五）")
        );
        assert_eq!(dateline("本报无锡3月5日讯 今天"), Some("本报无锡3月5日讯"));
        assert_eq!(
            dateline("新华社北京12月31日电（记者 赵六）"),
            Some("新华社北京12月31日电（记者 赵六）")
        );
        assert_eq!(
            dateline("据新华社东京1月2日电 日本"),
            Some("据新华社东京1月2日电")
        );
        assert_eq!(dateline("本报记者张三报道"), None);
        assert_eq!(dateline("市委常委会会议"), None);
    }

    #[test]
    fn closing_credit_is_split_off() {
        assert_eq!(
            split_closing("实效。 （高美梅）"),
            Some(("实效。", "高美梅"))
        );
        assert_eq!(
            split_closing("实处。（记者 惠晓婧）"),
            Some(("实处。", "记者 惠晓婧"))
        );
        assert_eq!(
            split_closing("（新华社北京12月31日电）"),
            Some(("", "新华社北京12月31日电"))
        );
        assert_eq!(split_closing("党委（党组）"), None);
    }

    #[test]
    fn a_dateline_starts_like_one() {
        assert!(may_open_article("据新华社巴西利亚3月13日"));
        assert!(!may_open_article("巴西国家商品供应公司"));
    }

    #[test]
    fn credit_lines_and_captions_are_recognised() {
        assert!(is_credit_line("本报记者 张三"));
        assert!(is_credit_line("□ 本报记者 张三"));
        assert!(is_subhead("一、坚持创新驱动"));
        assert!(is_subhead("■ 坚持创新驱动"));
        assert!(!is_subhead("一要全力以赴抓增长。"));
        assert!(is_credit_line("记者 张三 通讯员 李四"));
        assert!(!is_credit_line("记者表示，会议很成功。"));
        // A column line of body text opening with 记者 is no credit.
        assert!(!is_credit_line("记者在宁波市象山县石"));
        assert!(!is_credit_line("記者昨日到場所見"));
        assert!(is_credit_line("本报记者 欧阳晓明 通讯员李四"));
        assert!(is_caption("图为会议现场。（记者 周洁 摄）"));
        assert!(is_caption("湖畔 雨后的蠡湖，水清岸绿。（记者 许宁 摄）"));
        assert!(!is_caption("市委外事工作委员会召开会议"));
    }
}
