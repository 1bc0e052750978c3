//! Lines: the unit the extractors give us. This module measures and
//! classifies single lines; it knows nothing of articles.
//!
//! Evidence used, all from the extractor output in `shared/samples/layouts`:
//! - **Width.** One output line is one printed column line, so body lines
//!   of a column share a width, measured here in half-units (an ideograph or
//!   full-width mark is 2, an ASCII letter or digit 1: `7月26日` is 7). Curly
//!   quotes and other General Punctuation count 2, as CJK fonts set them.
//! - **End punctuation.** A paragraph ends with `。！？…` or a closing quote
//!   or bracket (`”」』）`), including the small and vertical forms
//!   (`﹒﹗﹖︒`). A headline line ends with none of them.
//! - **Justification spaces.** Justified columns are written out with a
//!   space between every pair of characters (`导 体 刻 蚀`). A line where most
//!   ideograph pairs are spaced is "spaced out" and loses those spaces; a
//!   lone space after an opening or before a closing mark (`“ 全市`) is also
//!   an artefact. Real spaces (`本报讯 7月26日`, `决心 争取`, `。 （高美梅）`)
//!   are kept.

use std::borrow::Cow;

/// One non-blank input line, cleaned and measured.
#[derive(Debug, Clone)]
pub(crate) struct Line<'a> {
    /// The text without surrounding whitespace and without justification
    /// spaces: a slice of the page text, or of its [`Despaced`] lines.
    pub text: &'a str,
    /// True when the printed line started with whitespace (an indent).
    pub indent: bool,
    /// True when one or more blank lines came just before this line.
    pub blank_before: bool,
    /// Display width of `text` in half-units (see the module docs).
    pub width: usize,
    /// True when `text` opens an article with a dateline
    /// (`credits::opens_article`). Set by `PageLines::new`, so that the
    /// steps reading it do not test the text again.
    pub opens: bool,
    /// True when `text` could be a headline line by its own text
    /// (`headline::candidate`). Set by `PageLines::new`.
    pub candidate: bool,
    /// True when `text` ends a sentence ([`ends_sentence`]), read once.
    pub ends: bool,
    /// True when `text` is a run-in subhead (`credits::is_subhead`). Set
    /// by `PageLines::new`.
    pub subhead: bool,
    /// True for a headline line set among another article's column lines
    /// (`headline::mark_echoes`): the body reads on across it, so it does
    /// not start a new article there.
    pub aside: bool,
}

/// Width of one char in half-units: 1 for Latin and other narrow text,
/// 2 for ideographs, kana, hangul, full-width forms and General Punctuation
/// (curly quotes, `…`, `—`), as set in a CJK font.
pub(crate) fn char_width(c: char) -> usize {
    let u = u32::from(c);
    if u < 0x2000 || (0xFF61..=0xFFDC).contains(&u) || (0xFFE8..=0xFFEE).contains(&u) {
        1
    } else {
        2
    }
}

/// Display width of `s` in half-units (see [`char_width`]), read from the
/// UTF-8 bytes in one vectorisable pass: a char below U+2000 has a lead
/// byte below 0xE2 (width 1), any other char counts 2, and only the
/// half-width forms led by 0xEF (U+FF61..=U+FFDC, U+FFE8..=U+FFEE) are
/// then taken back to 1.
pub(crate) fn width(s: &str) -> usize {
    let bytes = s.as_bytes();
    let base = count_bytes(bytes, |b| {
        u16::from(b & 0xC0 != 0x80) + u16::from(b >= 0xE2)
    });
    let narrow = memchr::memchr_iter(0xEF, bytes)
        .filter(|&i| {
            let u = 0xF000
                | (u32::from(bytes.get(i + 1).copied().unwrap_or(0) & 0x3F) << 6)
                | u32::from(bytes.get(i + 2).copied().unwrap_or(0) & 0x3F);
            (0xFF61..=0xFFDC).contains(&u) || (0xFFE8..=0xFFEE).contains(&u)
        })
        .count();
    base - narrow
}

/// The sum of `score` (0, 1 or 2) over `bytes`, added up in 16-bit lanes
/// over chunks of 255 bytes so that the loop vectorises well.
pub(crate) fn count_bytes(bytes: &[u8], score: impl Fn(u8) -> u16) -> usize {
    bytes
        .chunks(255)
        .map(|chunk| {
            usize::from(
                chunk
                    .iter()
                    .map(|&b| score(b))
                    .fold(0u16, u16::wrapping_add),
            )
        })
        .sum()
}

/// True for chars that are set full-width in CJK text (see [`char_width`]).
pub(crate) fn is_wide(c: char) -> bool {
    char_width(c) == 2
}

/// Marks that end a sentence or close it: full-width, ASCII, small
/// (U+FE50..) and vertical (U+FE10..) forms, closing quotes and brackets.
pub(crate) fn is_end_punct(c: char) -> bool {
    matches!(
        c,
        '。' | '！'
            | '？'
            | '…'
            | '”'
            | '’'
            | '」'
            | '』'
            | '）'
            | '】'
            | '》'
            | '!'
            | '?'
            | '.'
            | ')'
            | '"'
            | '\''
            | '：'
            | ':'
            | '﹒'
            | '﹗'
            | '﹖'
            | '︒'
            | '︓'
            | '︕'
            | '︖'
            | '﹕'
            | '︰'
            | '｡'
            | '｣'
    )
}

/// Marks that can sit inside a sentence (commas, enumeration and
/// semicolons, colons), including small and vertical forms.
pub(crate) fn is_mid_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '、' | '；' | ',' | ';' | '﹐' | '﹑' | '﹔' | '︐' | '︑' | '︔' | '､' | '-'
    )
}

/// Opening quotes and brackets, after which no space is ever real and
/// which never end a line.
pub(crate) fn is_opening(c: char) -> bool {
    matches!(
        c,
        '“' | '‘' | '「' | '『' | '（' | '《' | '【' | '〈' | '〔' | '﹁' | '﹃'
    )
}

/// True when the line after one `width` half-units wide in a column `full`
/// wide opens with what could not follow on that line (kinsoku, W3C clreq
/// §3.1.7): an opening mark, which never ends a line, goes down with the
/// character after it (`…在中国停留12天。` / `“以前来中国…`), and a run of
/// Latin letters or digits is not broken (`…排到了` / `2029年，…`). The
/// line then ends short without ending its paragraph.
pub(crate) fn pushed_down(width: usize, next: &str, full: usize) -> bool {
    let marks = next.chars().take_while(|&c| is_opening(c)).count();
    let rest = next.chars().skip(marks);
    let run = rest
        .clone()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | ',' | '%'))
        .count();
    let head = match (run, marks) {
        (0, 0) => return false,
        (0, _) => rest.take(1).count() * 2,
        (run, _) => run,
    };
    width + marks * 2 + head > full
}

/// True when `text` holds more than `n` chars (`text.chars().nth(n)` is
/// some), decided from the byte length alone unless it lies between `n`
/// and `4 * n` bytes (a char is one to four bytes).
pub(crate) fn more_chars_than(text: &str, n: usize) -> bool {
    if text.len() <= n {
        false
    } else if text.len() > n.saturating_mul(4) {
        true
    } else {
        text.chars().nth(n).is_some()
    }
}

/// True when `text` ends a sentence: its last char is end punctuation.
pub(crate) fn ends_sentence(text: &str) -> bool {
    text.chars().next_back().is_some_and(is_end_punct)
}

/// True when `text` ends a sentence as body text does: in `。！？…`, or
/// in a closing mark after one (`…一半。”`) or with no opening mark of its
/// own on the line (`）` always ends). A headline may end in a quotation
/// it opens (`老纺织镇织出“新锦绣”`, `《…》`): that is no sentence end.
pub(crate) fn finishes_sentence(text: &str) -> bool {
    let mut rev = text.chars().rev();
    let Some(last) = rev.next() else {
        return false;
    };
    if !ends_sentence(text) {
        return false;
    }
    let opening = match last {
        '”' => '“',
        '’' => '‘',
        '」' => '「',
        '』' => '『',
        '》' => '《',
        // `）` closes a credit (`（高美梅）`, `（记者 林涛 摄）`) as often as
        // an aside: always an end.
        _ => return true,
    };
    match rev.next() {
        Some(before) if is_end_punct(before) => true,
        _ => !text.contains(opening),
    }
}

/// True when `text` ends in the middle of a sentence: its last char is a
/// comma-like mark or an opening bracket.
pub(crate) fn ends_mid_sentence(text: &str) -> bool {
    text.chars()
        .next_back()
        .is_some_and(|c| is_mid_punct(c) || is_opening(c))
}

/// The lines of a page that hold inner whitespace, cleaned by
/// [`despace`]: each with the byte offset of its trimmed text in the page,
/// in page order. [`split_lines`] takes their text from here, and every
/// other line's from the page itself.
#[derive(Debug, Default)]
pub(crate) struct Despaced(Vec<(usize, String)>);

/// Cleans the lines of `page` that hold inner whitespace (see
/// [`Despaced`]). Only the lines around the page's whitespace are read.
pub(crate) fn despace_page(page: &str) -> Despaced {
    let bytes = page.as_bytes();
    let mut out = Vec::new();
    let mut line_end = 0;
    for p in whitespace_positions(page) {
        if p < line_end {
            continue;
        }
        let line_start = memchr::memrchr(b'\n', &bytes[..p]).map_or(0, |i| i + 1);
        line_end = memchr::memchr(b'\n', &bytes[p..]).map_or(page.len(), |i| p + i);
        let Some(raw) = page.get(line_start..line_end) else {
            continue;
        };
        let trimmed = raw.trim();
        // Offsets of the trimmed text in the page (it is a slice of it).
        let start = trimmed.as_ptr() as usize - page.as_ptr() as usize;
        // Only a line with inner whitespace can hold justification spaces.
        if has_whitespace(trimmed) {
            out.push((start, despace(trimmed)));
        }
    }
    Despaced(out)
}

/// True when `text` holds a whitespace char.
fn has_whitespace(text: &str) -> bool {
    text.contains(char::is_whitespace)
}

/// Splits a page's text into cleaned [`Line`]s, dropping blank lines but
/// recording them in [`Line::blank_before`]. `despaced` is
/// [`despace_page`] of `page`.
pub(crate) fn split_lines<'a>(page: &'a str, despaced: &'a Despaced) -> Vec<Line<'a>> {
    let mut out = Vec::with_capacity(memchr::memchr_iter(b'\n', page.as_bytes()).count() + 1);
    let mut cleaned = despaced.0.iter().peekable();
    let mut blank = false;
    for raw in split_at_line_feeds(page) {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            blank = true;
            continue;
        }
        let indent = trimmed.len() != raw.len() && raw.starts_with(char::is_whitespace);
        // Byte offset of the trimmed text in the page (a slice of it).
        let start = trimmed.as_ptr() as usize - page.as_ptr() as usize;
        let text = match cleaned.next_if(|(at, _)| *at == start) {
            Some((_, t)) => t.as_str(),
            None => trimmed,
        };
        let width = width(text);
        out.push(Line {
            text,
            indent,
            blank_before: blank,
            width,
            opens: false,
            candidate: false,
            aside: false,
            ends: ends_sentence(text),
            subhead: false,
        });
        blank = false;
    }
    out
}

/// `page.split('\n')`, found with the `memchr` crate's vectorised search
/// (the standard library's char search reads a word at a time).
pub(crate) fn split_at_line_feeds(page: &str) -> impl Iterator<Item = &str> {
    split_at_byte(page, b'\n')
}

/// `text.split(c)` for an ASCII byte `c`, found with `memchr`.
pub(crate) fn split_at_byte(text: &str, c: u8) -> impl Iterator<Item = &str> {
    let mut from = 0;
    memchr::memchr_iter(c, text.as_bytes())
        .chain(std::iter::once(text.len()))
        .map(move |end| {
            // `end` is at an ASCII byte or the end: both char boundaries.
            let piece = text.get(from..end).unwrap_or("");
            from = end + 1;
            piece
        })
}

/// Byte offsets of the whitespace chars (`char::is_whitespace`) of `page`
/// other than line feeds, in order. Found page-wide with `memchr`: ASCII
/// whitespace, U+3000, and the other non-ASCII White_Space chars, whose
/// lead bytes are 0xC2, 0xE1 and 0xE2 (U+0085, U+00A0, U+1680,
/// U+2000..=U+205F). CJK text has few, so this is much cheaper than a
/// char-by-char test of every line.
fn whitespace_positions(page: &str) -> Vec<usize> {
    let bytes = page.as_bytes();
    let mut out: Vec<usize> = memchr::memchr3_iter(b' ', b'\t', 0x0B, bytes).collect();
    out.extend(memchr::memchr2_iter(0x0C, b'\r', bytes));
    out.extend(memchr::memmem::find_iter(bytes, "\u{3000}".as_bytes()));
    out.extend(memchr::memchr3_iter(0xC2, 0xE1, 0xE2, bytes).filter(|&i| {
        page.get(i..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_whitespace)
    }));
    out.sort_unstable();
    out
}

/// Removes justification spaces (see the module docs). Runs of spaces are
/// kept as one.
pub(crate) fn despace(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut wide_pairs = 0usize;
    let mut spaced_pairs = 0usize;
    for (i, w) in chars.windows(2).enumerate() {
        if is_wide(w[0]) && is_wide(w[1]) {
            wide_pairs += 1;
        }
        if w[1] == ' ' && is_wide(w[0]) && chars.get(i + 2).copied().is_some_and(is_wide) {
            spaced_pairs += 1;
        }
    }
    let spaced_out = spaced_pairs >= 2 && spaced_pairs * 2 >= spaced_pairs + wide_pairs;
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            let start = i;
            while i < chars.len() && chars[i].is_whitespace() {
                i += 1;
            }
            let prev = start.checked_sub(1).map(|p| chars[p]);
            let next = chars.get(i).copied();
            let digit_next = next.is_some_and(|c| c.is_ascii_digit());
            // In a line spaced out letter by letter, a wider gap between two
            // letters is a real space (`许 舜 达  王 懿`: two names).
            let wide_gap = spaced_out
                && i - start >= 2
                && prev.is_some_and(|p| is_wide(p) && is_letter_or_digit(p))
                && next.is_some_and(|n| is_wide(n) && is_letter_or_digit(n));
            // After a whole dateline and its comma, the space a paper sets
            // is real before the date the first sentence restates, and in
            // a spaced-out line wherever it is wide (`本 报 讯  4月 28日 ，
            // 记 者 …`).
            let dateline_gap = (digit_next || spaced_out && i - start >= 2) && after_dateline(&out);
            if !space_is_artefact(prev, next, spaced_out) || dateline_gap || wide_gap {
                out.push(' ');
            }
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// True when `text` (a line's start) is a whole dateline ending in its
/// comma (`本报讯 11月12日，`): the space a paper sets after it, before
/// the date the first sentence restates (`， 11月12日，随着…`), is real.
fn after_dateline(text: &str) -> bool {
    let Some(head) = text.strip_suffix(['，', ',']) else {
        return false;
    };
    head.len() <= DATELINE_BYTES && super::credits::dateline_len(head) == Some(head.len())
}

fn space_is_artefact(prev: Option<char>, next: Option<char>, spaced_out: bool) -> bool {
    let (Some(p), Some(n)) = (prev, next) else {
        return true;
    };
    if n == '（' && is_end_punct(p) {
        // `。 （高美梅）`: the gap before a closing credit is real.
        return false;
    }
    if spaced_out && is_wide(p) && is_wide(n) {
        return true;
    }
    if at_script_boundary(p, n) {
        return true;
    }
    is_wide(p) && is_wide(n) && (is_opening(p) || is_end_punct(n) || is_mid_punct(n))
}

/// True when a space stands between CJK text and a Latin letter or digit
/// (`接待游客 312.6 万人次`, `高出 0.3元`): Chinese text sets no space
/// there, and an extractor (pdfminer) writes one for the wider glyph gap.
/// The space after a dateline's `讯` or `电` (`本报讯 3月12日`) is real.
fn at_script_boundary(p: char, n: char) -> bool {
    let latin = |c: char| c.is_ascii_graphic();
    // CJK text proper: not the General Punctuation (`—`, `“`) English
    // text sets too.
    let cjk = |c: char| u32::from(c) >= 0x2E80 && is_wide(c);
    let dateline_end = matches!(p, '讯' | '电' | '訊' | '電');
    // A space after an opening bracket or before a closing mark is never
    // the paper's (`（ CPI ）`, `24% ，`).
    // A unit sign takes no space after its number either (`26℃`).
    let unit = |c: char| matches!(c, '℃' | '℉' | '‰');
    (cjk(p) && latin(n) && !dateline_end) || (latin(p) && (cjk(n) || unit(n)) && !is_opening(n))
}

/// Joins two lines of one paragraph: nothing between CJK text, one space
/// between Latin words.
pub(crate) fn join_into(buf: &mut String, next: &str) {
    let last = buf.chars().next_back();
    let first = next.chars().next();
    if let (Some(l), Some(f)) = (last, first)
        && (!is_wide(l) && !is_wide(f)
            || ends_at_dateline(buf, f)
            || f.is_ascii_digit() && after_dateline(buf)
            || splits_names(buf, next)
            || splits_credit_roles(buf, next))
    {
        buf.push(' ');
    }
    buf.push_str(next);
}

/// True when `buf` is a whole dateline ending in `电` or `讯`
/// (`据新华社东京5月27日电`) and `next` (the first char of the next
/// line) starts its text, or, after the paper's own dateline
/// (`本报成都5月14日电`), the reporters' parenthesis (`（记者蒋丽）`,
/// which such papers set a space apart; an agency's dateline takes it
/// with no space, `新华社杭州8月3日电（记者…）`): the space the paper sets
/// there fell at the line break, and is put back.
fn ends_at_dateline(buf: &str, next: char) -> bool {
    buf.len() <= DATELINE_BYTES
        && buf.ends_with(['电', '讯', '電', '訊'])
        && (is_letter_or_digit(next) || next == '（' && buf.starts_with('本'))
        && super::credits::dateline_len(buf) == Some(buf.len())
}

/// True when a line break falls between two names of a closing credit
/// (`…回得去”。 （林晓` / `吴迪）`): `buf` ends in an opening parenthesis
/// and a name, `next` is a name and the closing parenthesis. The space
/// between the names fell at the break, and is put back.
fn splits_names(buf: &str, next: &str) -> bool {
    let name_len = |s: &str| s.chars().all(is_letter) && (2..=3).contains(&s.chars().count());
    // Only the buffer's last few chars are read (a role word, a name and
    // the parenthesis), so joining a long paragraph line by line stays
    // linear.
    let tail = name_tail(buf);
    let Some(open) = tail.rfind(['（', '(']) else {
        return false;
    };
    let before = tail[open..].trim_start_matches(['（', '(']);
    // A dateline's credit names its reporters after a role word
    // (`（记者车子阳` / `林文）`).
    let role = ["记者", "記者", "通讯员", "通訊員"]
        .iter()
        .find_map(|role| before.strip_prefix(role));
    let dateline_credit = role.is_some();
    let before = role.unwrap_or(before);
    let Some(close) = next.find(['）', ')']) else {
        return false;
    };
    // A closing byline ends its line; a dateline's credit runs on into the
    // body.
    // An agency's name broken across the lines (`（据新` / `华社电）`) is no
    // pair of names.
    let agency = before.starts_with(['据', '據']) || next[..close].ends_with(['电', '電', '社']);
    name_len(before)
        && name_len(&next[..close])
        && !agency
        && (dateline_credit || next[close..].chars().count() == 1)
}

/// True when a line break falls between a dateline credit's reporter and
/// the next role word (`本报讯 4月28日， 记者程浩` / `通讯员方敏报道：`):
/// `buf` ends in a role word and a name of two to four letters, and
/// `next` opens with a role word, or with another name and `报道`
/// (`记者乌云` / `张帆报道：`). The paper sets a space there.
fn splits_credit_roles(buf: &str, next: &str) -> bool {
    const ROLES: [&str; 6] = ["记者", "記者", "通讯员", "通訊員", "实习生", "實習生"];
    // The next reporter's name, with or without a role word of its own
    // (`记者乌云` / `张帆报道：`).
    let reports = ["报道", "報道"].iter().any(|r| {
        next.find(r).is_some_and(|at| {
            let name = &next[..at];
            name.chars().all(is_letter) && (2..=4).contains(&name.chars().count())
        })
    });
    if !reports && !ROLES.iter().any(|r| next.starts_with(r)) {
        return false;
    }
    let tail = name_tail(buf);
    ROLES.iter().any(|role| {
        tail.rfind(role).is_some_and(|at| {
            let name = &tail[at + role.len()..];
            name.chars().all(is_letter) && (2..=4).contains(&name.chars().count())
        })
    })
}

/// The last chars of `buf` that [`splits_names`] and
/// [`splits_credit_roles`] read ([`NAME_TAIL_CHARS`] and one more): only
/// these, so that joining a long paragraph line by line stays linear.
fn name_tail(buf: &str) -> &str {
    let start = buf
        .char_indices()
        .rev()
        .nth(NAME_TAIL_CHARS)
        .map_or(0, |(i, _)| i);
    &buf[start..]
}

/// How many chars from the end of a paragraph [`splits_names`] reads: a
/// parenthesis, a role word (`通讯员`) and a name.
const NAME_TAIL_CHARS: usize = 8;

/// The longest dateline [`ends_at_dateline`] reads, in bytes (about 30
/// chars).
const DATELINE_BYTES: usize = 96;

/// A bit filter over a set of char pairs: a pair whose bit is clear is
/// certainly not in the set, so most pairs of a page are ruled out
/// without hashing. At least 4096 bits, and 16 per pair of the set, so
/// that a large set does not fill it.
pub(crate) struct PairFilter {
    bits: Vec<u64>,
    /// 64 minus the base-2 logarithm of the number of bits.
    shift: u32,
}

impl PairFilter {
    /// The filter of `pairs`.
    pub(crate) fn new<'a, I>(pairs: I) -> Self
    where
        I: IntoIterator<Item = &'a (char, char)>,
        I::IntoIter: ExactSizeIterator,
    {
        let pairs = pairs.into_iter();
        let (size, shift) = pair_table(pairs.len());
        let mut filter = PairFilter {
            bits: vec![0u64; size / 64],
            shift,
        };
        for &p in pairs {
            let k = filter.slot(p);
            if let Some(w) = filter.bits.get_mut(k >> 6) {
                *w |= 1 << (k & 63);
            }
        }
        filter
    }

    /// The bit of `p`.
    fn slot(&self, p: (char, char)) -> usize {
        pair_slot(p, self.shift)
    }

    /// False when `p` is certainly not in the set.
    pub(crate) fn may_hold(&self, p: (char, char)) -> bool {
        let k = self.slot(p);
        self.bits
            .get(k >> 6)
            .is_some_and(|w| (w >> (k & 63)) & 1 == 1)
    }
}

/// The slots of a pair table for `pairs` pairs (at least 4096, and 16 a
/// pair, a power of two) and the shift that [`pair_slot`] takes for it.
fn pair_table(pairs: usize) -> (usize, u32) {
    let size = pairs
        .saturating_mul(16)
        .clamp(4096, 1 << 30)
        .next_power_of_two();
    (size, 64 - size.trailing_zeros())
}

/// The slot of pair `p` in a table of `2^(64 - shift)` slots: the top
/// bits of a multiplicative hash.
fn pair_slot((a, b): (char, char), shift: u32) -> usize {
    let key = (u64::from(u32::from(a)) << 32) | u64::from(u32::from(b));
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as usize
}

/// A counting filter over a set of char pairs not yet found: a pair
/// whose slot counts zero is certainly not among them, and a pair found
/// is taken out, so its later occurrences cost no hashing either. Sized
/// as [`PairFilter`], one byte a slot.
pub(crate) struct PairCounter {
    counts: Vec<u8>,
    shift: u32,
}

impl PairCounter {
    /// The counter of `pairs`, all not yet found.
    pub(crate) fn new<'a, I>(pairs: I) -> Self
    where
        I: IntoIterator<Item = &'a (char, char)>,
        I::IntoIter: ExactSizeIterator,
    {
        let pairs = pairs.into_iter();
        let (size, shift) = pair_table(pairs.len());
        let mut counter = PairCounter {
            counts: vec![0u8; size],
            shift,
        };
        for &p in pairs {
            let k = pair_slot(p, counter.shift);
            if let Some(c) = counter.counts.get_mut(k) {
                *c = c.saturating_add(1);
            }
        }
        counter
    }

    /// False when `p` is certainly not among the pairs not yet found.
    pub(crate) fn may_hold(&self, p: (char, char)) -> bool {
        self.counts
            .get(pair_slot(p, self.shift))
            .is_some_and(|&c| c > 0)
    }

    /// Takes out `p`, one of the pairs, now found. A saturated slot
    /// stays full: it only costs a look-up.
    pub(crate) fn found(&mut self, p: (char, char)) {
        if let Some(c) = self.counts.get_mut(pair_slot(p, self.shift))
            && *c < u8::MAX
        {
            *c = c.saturating_sub(1);
        }
    }
}

/// The traditional marker chars folded by [`fold_char`].
const TRADITIONAL: [char; 44] = [
    '報', '訊', '華', '電', '據', '記', '員', '約', '攝', '圖', '為', '編', '閱', '讀', '資', '責',
    '輯', '術', '對', '聞', '綜', '際', '國', '內', '經', '濟', '會', '體', '評', '論', '財', '時',
    '轉', '見', '農', '曆', '專', '觀', '點', '號', '總', '關', '導', '務',
];

/// A 1024-bit filter over the low ten bits of the chars in
/// [`TRADITIONAL`]: a char whose bit is clear is certainly not one of them,
/// so most chars are ruled out by one table look-up.
const TRADITIONAL_FILTER: [u64; 16] = {
    let mut bits = [0u64; 16];
    let mut i = 0;
    while i < TRADITIONAL.len() {
        let u = TRADITIONAL[i] as u32 & 1023;
        bits[(u >> 6) as usize] |= 1 << (u & 63);
        i += 1;
    }
    bits
};

/// True when `c` may be one of the [`TRADITIONAL`] marker chars.
fn maybe_traditional(c: char) -> bool {
    let u = u32::from(c);
    let low = u & 1023;
    u >= 0x4E00 && (TRADITIONAL_FILTER[(low >> 6) as usize] >> (low & 63)) & 1 == 1
}

/// The simplified form of a traditional char used in the markers this
/// parser looks for (`本報訊`, `責任編輯`, `圖為`, `下轉第2版`); any other
/// char is returned as is. Both forms are three UTF-8 bytes, so byte
/// offsets found in folded text hold in the original.
fn fold_char(c: char) -> char {
    if !maybe_traditional(c) {
        return c;
    }
    match c {
        '報' => '报',
        '訊' => '讯',
        '華' => '华',
        '電' => '电',
        '據' => '据',
        '記' => '记',
        '員' => '员',
        '約' => '约',
        '攝' => '摄',
        '圖' => '图',
        '為' => '为',
        '編' => '编',
        '閱' => '阅',
        '讀' => '读',
        '資' => '资',
        '責' => '责',
        '輯' => '辑',
        '術' => '术',
        '對' => '对',
        '聞' => '闻',
        '綜' => '综',
        '際' => '际',
        '國' => '国',
        '內' => '内',
        '經' => '经',
        '濟' => '济',
        '會' => '会',
        '體' => '体',
        '評' => '评',
        '論' => '论',
        '財' => '财',
        '時' => '时',
        '轉' => '转',
        '見' => '见',
        '農' => '农',
        '曆' => '历',
        '專' => '专',
        '觀' => '观',
        '點' => '点',
        '號' => '号',
        '總' => '总',
        '關' => '关',
        '導' => '导',
        '務' => '务',
        _ => c,
    }
}

/// `s` with the traditional marker chars of [`fold_char`] folded to
/// simplified, so one set of patterns reads both scripts. Same byte layout
/// as `s`; borrows when nothing changes.
pub(crate) fn fold_traditional(s: &str) -> Cow<'_, str> {
    if s.chars().all(|c| fold_char(c) == c) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.chars().map(fold_char).collect())
    }
}

/// `s` folded as by [`fold_traditional`] and without whitespace: the form
/// furniture, jump and caption patterns are matched against. Borrows when
/// nothing changes (the usual case), so testing every line allocates
/// nothing.
pub(crate) fn compact_folded(s: &str) -> Cow<'_, str> {
    if s.chars().all(|c| !c.is_whitespace() && fold_char(c) == c) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(
            s.chars()
                .filter(|c| !c.is_whitespace())
                .map(fold_char)
                .collect(),
        )
    }
}

/// `char::is_alphabetic` with fast paths for ASCII, CJK Unified
/// Ideographs (U+4E00..=U+9FFF, all letters in the Unicode Character
/// Database) and the punctuation of CJK text (see [`is_cjk_punct`]), which
/// make up nearly all the text of a Chinese page.
pub(crate) fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        ('\u{4E00}'..='\u{9FFF}').contains(&c) || !is_cjk_punct(c) && c.is_alphabetic()
    }
}

/// `char::is_alphanumeric` with the fast paths of [`is_letter`].
pub(crate) fn is_letter_or_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        ('\u{4E00}'..='\u{9FFF}').contains(&c) || !is_cjk_punct(c) && c.is_alphanumeric()
    }
}

/// Blocks of marks holding no letter or number in the Unicode Character
/// Database: General Punctuation up to U+206F, CJK Symbols and
/// Punctuation U+3000..=U+3004 and U+3008..=U+3020, and the full-width
/// ASCII punctuation U+FF01..=U+FF0F and U+FF1A..=U+FF20.
fn is_cjk_punct(c: char) -> bool {
    matches!(c, '\u{2000}'..='\u{206F}'
        | '\u{3000}'..='\u{3004}'
        | '\u{3008}'..='\u{3020}'
        | '\u{FF01}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF20}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dateline_broken_at_its_space_gets_the_space_back() {
        let joined = |a: &str, b: &str| {
            let mut buf = a.to_owned();
            join_into(&mut buf, b);
            buf
        };
        assert_eq!(
            joined("据新华社东京5月27日电", "日本农林"),
            "据新华社东京5月27日电 日本农林"
        );
        assert_eq!(joined("本报讯", "7月以来"), "本报讯 7月以来");
        assert_eq!(
            joined("新华社北京12月3日电", "（记者张明）"),
            "新华社北京12月3日电（记者张明）"
        );
        assert_eq!(
            joined("他说，这是来自电", "视台的报道"),
            "他说，这是来自电视台的报道"
        );
        assert_eq!(joined("市委", "常委会"), "市委常委会");
        assert_eq!(
            joined("回得去”。 （林晓", "吴迪）"),
            "回得去”。 （林晓 吴迪）"
        );
        assert_eq!(joined("(林晓", "吴迪)"), "(林晓 吴迪)");
        assert_eq!(
            joined("新华社柏林10月8日电（记者车子阳", "林文）德国"),
            "新华社柏林10月8日电（记者车子阳 林文）德国"
        );
        assert_eq!(joined("党委（党", "组）要"), "党委（党组）要");
    }

    #[test]
    fn finishing_a_sentence_is_more_than_a_closing_mark() {
        assert!(!finishes_sentence("老纺织镇织出“新锦绣”"));
        assert!(finishes_sentence("站节省投资近一半。”"));
        assert!(finishes_sentence("（记者 林涛 摄）"));
        assert!(finishes_sentence("较好实现了“双过半”。"));
        assert!(!finishes_sentence("推出夜读活动"));
    }

    #[test]
    fn spaced_out_justified_line_loses_its_spaces() {
        assert_eq!(despace("导 体 刻 蚀 设 备"), "导体刻蚀设备");
        assert_eq!(despace("效 、 资 源"), "效、资源");
    }

    #[test]
    fn a_wide_gap_after_a_spaced_out_dateline_is_the_real_space() {
        // pdfminer, training edition ed04: the real spaces are the double
        // ones.
        assert_eq!(
            despace("本 报 讯  4月 28日 ，  记 者 程 浩"),
            "本报讯 4月28日， 记者程浩"
        );
        // A single gap there is the line's spacing, like every other.
        assert_eq!(
            despace("本 报 讯 4月 28日 ， 记 者 程 浩"),
            "本报讯 4月28日，记者程浩"
        );
    }

    #[test]
    fn spaces_at_a_script_boundary_are_artefacts() {
        assert_eq!(
            despace("接待游客 312.6 万人次，同比"),
            "接待游客312.6万人次，同比"
        );
        assert_eq!(despace("高出 0.3元到 0.5元"), "高出0.3元到0.5元");
        assert_eq!(despace("本报讯 3月12日，位于"), "本报讯 3月12日，位于");
        assert_eq!(
            despace("据新华社东京5月27日电 2025年"),
            "据新华社东京5月27日电 2025年"
        );
        assert_eq!(despace("App Store 上架"), "App Store上架");
        assert_eq!(despace("“冰城 + 雪乡”"), "“冰城+雪乡”");
        assert_eq!(despace("a word — another"), "a word — another");
        // Next to brackets and marks too (training editions ed10, mutool).
        assert_eq!(
            despace("比增长24% ，创历史同期新"),
            "比增长24%，创历史同期新"
        );
        assert_eq!(despace("指数（ CPI ）同比上涨"), "指数（CPI）同比上涨");
        assert_eq!(despace("设定在26 ℃以上"), "设定在26℃以上");
        // The space a paper sets after a whole dateline is real.
        assert_eq!(
            despace("本报讯 11月12日， 11月12日，"),
            "本报讯 11月12日， 11月12日，"
        );
    }

    /// Line `a` joined with the next line `b` ([`join_into`]).
    fn joined(a: &str, b: &str) -> String {
        let mut buf = a.to_owned();
        join_into(&mut buf, b);
        buf
    }

    #[test]
    fn a_break_between_the_papers_dateline_and_its_credit_keeps_the_space() {
        // Training editions ed01, ed19, ed37, every extractor.
        assert_eq!(
            joined("本报成都5月14日电", "（记者蒋丽）全省首批"),
            "本报成都5月14日电 （记者蒋丽）全省首批"
        );
        assert_eq!(
            joined("新华社杭州8月3日电", "（记者许舜达 王懿）"),
            "新华社杭州8月3日电（记者许舜达 王懿）"
        );
    }

    #[test]
    fn a_break_after_a_dateline_comma_keeps_the_space_set_there() {
        assert_eq!(
            joined("本报讯 2月26日，", "2月25日，江东重工"),
            "本报讯 2月26日， 2月25日，江东重工"
        );
        assert_eq!(
            joined("市委常委会会议召开，", "2月25日"),
            "市委常委会会议召开，2月25日"
        );
    }

    #[test]
    fn a_break_between_a_reporter_and_the_next_role_word_keeps_its_space() {
        // Training edition ed04 (mutool): `记者程浩` / `通讯员方敏报道：`.
        let mut buf = "本报讯 4月28日， 记者程浩".to_owned();
        join_into(&mut buf, "通讯员方敏报道：4月27日");
        assert_eq!(buf, "本报讯 4月28日， 记者程浩 通讯员方敏报道：4月27日");
        // Two reporters after one role word (training ed16).
        let mut buf = "本报讯 9月17日， 记者乌云".to_owned();
        join_into(&mut buf, "张帆报道：9月16日，巴");
        assert_eq!(buf, "本报讯 9月17日， 记者乌云 张帆报道：9月16日，巴");
        // A reporter's name broken in two is one name.
        let mut buf = "本报讯 9月17日， 记者乌".to_owned();
        join_into(&mut buf, "云报道：9月16日");
        assert_eq!(buf, "本报讯 9月17日， 记者乌云报道：9月16日");
        // An agency broken across lines is one name: `（据新` / `华社电）`.
        let mut buf = "是制约该地区电商发展的主要因素。（据新".to_owned();
        join_into(&mut buf, "华社电）");
        assert_eq!(buf, "是制约该地区电商发展的主要因素。（据新华社电）");
        // Two names of a byline are still set apart: `（林晓` / `吴迪）`.
        let mut buf = "回得去”。（林晓".to_owned();
        join_into(&mut buf, "吴迪）");
        assert_eq!(buf, "回得去”。（林晓 吴迪）");
    }

    #[test]
    fn real_spaces_are_kept() {
        assert_eq!(despace("本报讯 7月26日，市委"), "本报讯 7月26日，市委");
        assert_eq!(
            despace("坚定信心决心 争取更好结果"),
            "坚定信心决心 争取更好结果"
        );
        assert_eq!(despace("到实效。 （高美梅）"), "到实效。 （高美梅）");
    }

    #[test]
    fn lone_space_after_opening_quote_is_removed() {
        assert_eq!(despace("完善“ 全市联动、立体高"), "完善“全市联动、立体高");
    }

    #[test]
    fn page_whitespace_positions_agree_with_char_test() {
        let page = "导体 刻蚀\n导\u{3000}体\ta\u{a0}b“双”x\u{2003}y—…\u{85}\u{1680}\u{205F}\r";
        let by_chars: Vec<usize> = page
            .char_indices()
            .filter(|&(_, c)| c.is_whitespace() && c != '\n')
            .map(|(i, _)| i)
            .collect();
        assert_eq!(whitespace_positions(page), by_chars);
    }

    #[test]
    fn only_lines_with_inner_whitespace_are_cleaned_and_the_rest_borrowed() {
        let page = "  导 体 刻 蚀 设 备\n\n本报讯 7月26日，市委\n市委常委会 \n完善“ 全市联动";
        let despaced = despace_page(page);
        let lines = split_lines(page, &despaced);
        let texts: Vec<&str> = lines.iter().map(|l| l.text).collect();
        assert_eq!(
            texts,
            [
                "导体刻蚀设备",
                "本报讯 7月26日，市委",
                "市委常委会",
                "完善“全市联动"
            ]
        );
        // The third line's only whitespace is trailing: it is not cleaned.
        assert_eq!(despaced.0.len(), 3);
        assert!(lines[0].indent && lines[1].blank_before && !lines[2].blank_before);
        let borrowed = |l: &Line<'_>| page.as_bytes().as_ptr_range().contains(&l.text.as_ptr());
        assert!(borrowed(&lines[2]) && !borrowed(&lines[0]));
    }

    #[test]
    fn byte_width_agrees_with_char_width() {
        let text = "本报讯 7月26日，“双过半”é…—｡ｱﾞ￨￮０ＡＢ\u{FFEF}\u{F900}𠀀Ωд";
        let by_chars: usize = text.chars().map(char_width).sum();
        assert_eq!(width(text), by_chars);
    }

    #[test]
    fn width_counts_ascii_as_half() {
        assert_eq!(width("7月26日"), 7);
        assert_eq!(width("“双过半”"), 10);
    }

    #[test]
    fn every_traditional_marker_passes_the_filter() {
        assert!(TRADITIONAL.iter().all(|&c| maybe_traditional(c)));
        assert_eq!(fold_traditional("本報訊"), "本报讯");
        assert_eq!(compact_folded("責任 編輯"), "责任编辑");
        assert!(matches!(compact_folded("市委常委会"), Cow::Borrowed(_)));
    }

    #[test]
    fn pair_filters_never_rule_out_a_pair_of_their_set() {
        let pairs: Vec<(char, char)> = ('一'..='龥')
            .step_by(97)
            .zip(('㐀'..='䶵').step_by(13))
            .collect();
        let filter = PairFilter::new(&pairs);
        let mut counter = PairCounter::new(&pairs);
        assert!(
            pairs
                .iter()
                .all(|&p| filter.may_hold(p) && counter.may_hold(p))
        );
        // Found pairs may be ruled out; the others never are.
        for p in pairs.iter().step_by(2) {
            counter.found(*p);
        }
        assert!(
            pairs
                .iter()
                .skip(1)
                .step_by(2)
                .all(|&p| counter.may_hold(p))
        );
        // Most pairs outside the set are ruled out.
        let outside = ('a'..='z').flat_map(|a| ('a'..='z').map(move |b| (a, b)));
        let passed = outside.clone().filter(|&p| filter.may_hold(p)).count();
        assert!(passed * 10 < outside.count(), "{passed}");
    }

    #[test]
    fn letter_fast_paths_agree_with_the_standard_library() {
        for c in [
            'a', 'Z', '7', '中', '龥', 'é', '。', '　', 'ア', '한', '﹐', '１',
        ] {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c}");
            assert_eq!(is_letter_or_digit(c), c.is_alphanumeric(), "{c}");
        }
    }
}
