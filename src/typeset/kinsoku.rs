//! Kinsoku shori: which characters may not start or end a row, which may not
//! be split, and which runs (numbers with their units, URLs) stay together.
//!
//! This layer sits on top of UAX #14: it only ever *removes* break
//! opportunities that the Unicode line breaking algorithm allows. The sets
//! come from W3C *Requirements for Chinese Text Layout* (clreq, §3.1.7
//! "Prohibition rules for line start and line end") and W3C *Requirements for
//! Japanese Text Layout* (jlreq, §3.1.7 "Characters not starting a line" and
//! §3.1.8 "Characters not ending a line"), as listed in
//! `shared/typesetting/CASES.md`. A character is judged by the first `char`
//! (the base) of its grapheme cluster.

/// Characters that may not start a row (clreq/jlreq line-start prohibition),
/// exactly the set of `CASES.md`: closing brackets and quotes, pause and stop
/// marks, colons and semicolons, exclamation and question marks, middle dots,
/// hyphens and wave dashes, iteration marks, the prolonged sound mark,
/// percent and degree signs, and small kana.
pub const NO_START: &str = "）)］]｝}〕〉》」』】〙〗｠»〟’”｣、。，,．.｡､：；:;！？!?‼⁇⁈⁉・·‧･‐–〜～゠ヽヾゝゞ々〻ーｰ%％‰°℃\
ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶｧｨｩｪｫｬｭｮｯ";

/// Dashes that may not start a row either, beyond [`NO_START`]: UAX #14 gives
/// `—` (U+2014), `―` (U+2015), `⸺` (U+2E3A, two-em dash) and `⸻` (U+2E3B,
/// three-em dash) class B2, which allows a break before them; clreq keeps the
/// dash (破折号) with the text it follows.
pub const NO_START_DASHES: &str = "—―⸺⸻";

/// Characters that may not end a row (clreq/jlreq line-end prohibition),
/// exactly the set of `CASES.md`: opening brackets and quotes.
pub const NO_END: &str = "（(［[｛{〔〈《「『【〘〖｟«〝‘“｢";

/// Characters that may not end a row either, beyond [`NO_END`]: the
/// full-width solidus `／` joins the words on both sides of it (`中／英`,
/// `公里／小时`), but UAX #14 (class ID) allows a break after it.
pub const NO_END_SOLIDUS: &str = "／";

/// Characters that are never split from an identical neighbour: `——` and
/// `……` (clreq §3.1.7; jlreq cl-17 "inseparable characters"), and the two-
/// and three-em dashes `⸺` `⸻` (clreq's 破折号 set as one glyph).
pub const INSEPARABLE: &str = "—―⸺⸻…‥⋯";

/// True when `c` may not start a row: [`NO_START`] or [`NO_START_DASHES`].
/// (Written out as a `match`, which compiles to a few range tests; a test
/// checks it against the two strings.)
#[inline]
#[rustfmt::skip]
pub fn is_no_start(c: char) -> bool {
    if is_ideograph_or_hangul(c) || c.is_ascii_alphanumeric() {
        return false;
    }
    matches!(c,
        '）' | ')' | '］' | ']' | '｝' | '}' | '〕' | '〉' | '》' | '」' | '』' | '】'
        | '〙' | '〗' | '｠' | '»' | '〟' | '’' | '”' | '｣' | '、' | '。' | '，' | ','
        | '．' | '.' | '｡' | '､' | '：' | '；' | ':' | ';' | '！' | '？' | '!' | '?'
        | '‼' | '⁇' | '⁈' | '⁉' | '・' | '·' | '‧' | '･' | '‐' | '–' | '〜' | '～'
        | '゠' | 'ヽ' | 'ヾ' | 'ゝ' | 'ゞ' | '々' | '〻' | 'ー' | 'ｰ' | '%' | '％' | '‰'
        | '°' | '℃' | 'ぁ' | 'ぃ' | 'ぅ' | 'ぇ' | 'ぉ' | 'っ' | 'ゃ' | 'ゅ' | 'ょ' | 'ゎ'
        | 'ゕ' | 'ゖ' | 'ァ' | 'ィ' | 'ゥ' | 'ェ' | 'ォ' | 'ッ' | 'ャ' | 'ュ' | 'ョ' | 'ヮ'
        | 'ヵ' | 'ヶ' | 'ｧ' | 'ｨ' | 'ｩ' | 'ｪ' | 'ｫ' | 'ｬ' | 'ｭ' | 'ｮ' | 'ｯ'
        | '—' | '―' | '⸺' | '⸻')
}

/// True when `c` may not end a row: [`NO_END`] or [`NO_END_SOLIDUS`].
#[inline]
#[rustfmt::skip]
pub fn is_no_end(c: char) -> bool {
    if is_ideograph_or_hangul(c) || c.is_ascii_alphanumeric() {
        return false;
    }
    matches!(c,
        '（' | '(' | '［' | '[' | '｛' | '{' | '〔' | '〈' | '《' | '「' | '『' | '【'
        | '〘' | '〖' | '｟' | '«' | '〝' | '‘' | '“' | '｢' | '／')
}

/// True when `c` is never split from an identical neighbour ([`INSEPARABLE`]).
#[inline]
pub fn is_inseparable(c: char) -> bool {
    matches!(c, '—' | '―' | '⸺' | '⸻' | '…' | '‥' | '⋯')
}

/// A character's classes for line breaking, as bits (see [`class_of`]).
pub(crate) type Class = u8;
/// May not start a row ([`is_no_start`]).
pub(crate) const NO_START_BIT: Class = 1;
/// May not end a row ([`is_no_end`]).
pub(crate) const NO_END_BIT: Class = 2;
/// Never split from an identical neighbour ([`is_inseparable`]).
pub(crate) const INSEPARABLE_BIT: Class = 4;
/// A decimal digit ([`is_digit`]).
pub(crate) const DIGIT_BIT: Class = 8;
/// May start a URL (`h`, `w`, `f` in either case).
pub(crate) const URL_START_BIT: Class = 16;
/// An opening quote `“` or `‘` (Unicode 15.1 LB19a).
pub(crate) const OPENING_QUOTE_BIT: Class = 32;
/// A closing quote `”` or `’` (Unicode 15.1 LB19a).
pub(crate) const CLOSING_QUOTE_BIT: Class = 64;

/// All the classes of `c`, computed once per cluster (ideographs, the
/// common case, have none).
#[inline]
pub(crate) fn class_of(c: char) -> Class {
    if is_ideograph_or_hangul(c) {
        return 0;
    }
    if c.is_ascii_alphanumeric() {
        return match c {
            '0'..='9' => DIGIT_BIT,
            'h' | 'H' | 'w' | 'W' | 'f' | 'F' => URL_START_BIT,
            _ => 0,
        };
    }
    let bit = |yes: bool, bit: Class| if yes { bit } else { 0 };
    bit(is_no_start(c), NO_START_BIT)
        | bit(is_no_end(c), NO_END_BIT)
        | bit(is_inseparable(c), INSEPARABLE_BIT)
        | bit(is_digit(c), DIGIT_BIT)
        | bit(matches!(c, '“' | '‘'), OPENING_QUOTE_BIT)
        | bit(matches!(c, '”' | '’'), CLOSING_QUOTE_BIT)
}

/// True for a decimal digit, ASCII or full-width (`0`–`9`, `０`–`９`).
#[inline]
pub(crate) fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// True for characters set in CJK text: the CJK scripts' characters
/// ([`crate::edition::is_cjk`]) and the quotes and dashes Chinese text uses
/// (`“ ” ‘ ’ … — ― ⸺ ⸻ ·`). Used to tell a CJK row (which may be justified)
/// from a Latin one.
#[inline]
pub(crate) fn in_cjk_text(c: char) -> bool {
    crate::edition::is_cjk(c)
        || matches!(c, '‘' | '’' | '“' | '”' | '…' | '—' | '―' | '⸺' | '⸻' | '·')
}

#[inline]
fn is_ideograph_or_hangul(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}' | '\u{20000}'..='\u{3FFFF}')
}

/// Units that stay with the number before them (`3.5亿元`, `120万吨`,
/// `30公里`): magnitudes, currencies and common measure words of Chinese
/// news text. Longer words first, so the longest one matches.
const UNITS: &[&str] = &[
    "平方公里",
    "平方米",
    "立方米",
    "美元",
    "港元",
    "欧元",
    "日元",
    "英镑",
    "公里",
    "千米",
    "厘米",
    "毫米",
    "公斤",
    "千克",
    "毫升",
    "公顷",
    "小时",
    "分钟",
    "十",
    "百",
    "千",
    "万",
    "亿",
    "兆",
    "元",
    "角",
    "块",
    "米",
    "克",
    "吨",
    "升",
    "亩",
    "度",
    "倍",
    "个",
    "位",
    "名",
    "人",
    "次",
    "件",
    "项",
    "家",
    "户",
    "座",
    "台",
    "辆",
    "条",
    "所",
    "种",
    "年",
    "月",
    "日",
    "号",
    "时",
    "分",
    "秒",
    "岁",
    "天",
    "周",
];

/// How many unit words may follow one number (`亿` + `元`).
const MAX_UNIT_WORDS: usize = 2;

/// The number of `char`s at the start of `rest` that form the unit of a
/// number just before it (`亿元` in `3.5亿元项目` gives 2), 0 if none.
/// At most two unit words are taken, each the longest of [`UNITS`] that fits.
pub(crate) fn unit_after_number(rest: &str) -> usize {
    let mut chars = 0;
    let mut tail = rest;
    for _ in 0..MAX_UNIT_WORDS {
        let Some(word) = UNITS.iter().find(|w| tail.starts_with(*w)) else {
            break;
        };
        chars += word.chars().count();
        tail = &tail[word.len()..];
    }
    chars
}

/// The number of bytes of the URL starting at `rest`, if `rest` starts with
/// `http://`, `https://`, `ftp://` or `www.` (ASCII case ignored); 0 if not.
/// The URL runs to the first whitespace or CJK character. UAX #14 breaks
/// after `/`, `-` and `?`, but a URL must stay whole unless it is wider than
/// the row (CASES.md).
pub(crate) fn url_len(rest: &str) -> usize {
    const SCHEMES: [&str; 4] = ["http://", "https://", "ftp://", "www."];
    let starts = SCHEMES.iter().any(|s| {
        rest.get(..s.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(s))
    });
    if !starts {
        return 0;
    }
    rest.find(|c: char| c.is_whitespace() || in_cjk_text(c))
        .unwrap_or(rest.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Basic Multilingual Plane (where every listed character lives)
    /// and the emoji blocks.
    fn checked_chars() -> impl Iterator<Item = char> {
        (0..=0xFFFF_u32)
            .chain(0x1F000..=0x1FAFF)
            .filter_map(char::from_u32)
    }

    #[test]
    fn no_start_is_exactly_the_cases_set_plus_dashes() {
        for c in checked_chars() {
            let code = u32::from(c);
            let listed = NO_START.contains(c) || NO_START_DASHES.contains(c);
            assert_eq!(is_no_start(c), listed, "U+{code:04X}");
        }
    }

    #[test]
    fn no_end_is_exactly_the_cases_set_plus_the_solidus() {
        for c in checked_chars() {
            let code = u32::from(c);
            let listed = NO_END.contains(c) || NO_END_SOLIDUS.contains(c);
            assert_eq!(is_no_end(c), listed, "U+{code:04X}");
        }
    }

    #[test]
    fn no_start_set_holds_the_uax14_gaps() {
        for c in ['·', '～', '—'] {
            assert!(is_no_start(c), "{c}");
        }
    }

    #[test]
    fn class_bits_agree_with_the_predicates() {
        for c in checked_chars() {
            let class = class_of(c);
            assert_eq!(class & NO_START_BIT != 0, is_no_start(c), "{c}");
            assert_eq!(class & NO_END_BIT != 0, is_no_end(c), "{c}");
            assert_eq!(class & INSEPARABLE_BIT != 0, is_inseparable(c), "{c}");
            assert_eq!(class & DIGIT_BIT != 0, is_digit(c), "{c}");
            assert_eq!(class & URL_START_BIT != 0, "hHwWfF".contains(c), "{c}");
            assert_eq!(class & OPENING_QUOTE_BIT != 0, "“‘".contains(c), "{c}");
            assert_eq!(class & CLOSING_QUOTE_BIT != 0, "”’".contains(c), "{c}");
        }
    }

    #[test]
    fn magnitude_and_currency_both_stay_with_a_number() {
        assert_eq!(unit_after_number("亿元项目"), 2);
        assert_eq!(unit_after_number("美元"), 2);
        assert_eq!(unit_after_number("建设"), 0);
        assert_eq!(unit_after_number("万亿元"), 2);
    }

    #[test]
    fn url_runs_to_whitespace_or_cjk() {
        assert_eq!(url_len("https://a.org/x-y?z=1 next"), 21);
        assert_eq!(url_len("WWW.example.com。"), 15);
        assert_eq!(url_len("http:/nope"), 0);
        assert_eq!(url_len("wwwx"), 0);
    }
}
