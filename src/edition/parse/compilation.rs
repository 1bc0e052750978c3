//! Article compilations: a day's articles set one after another on plain
//! pages, as tools that fetch a paper deliver it (issue 12, item 10).
//!
//! Such a file is not laid out like a newspaper page, and its own shape
//! tells where everything is:
//!
//! ```text
//! 目录                                   table of contents: one title per
//! 山区小学用上了“空中课堂”  2            entry, with its page (furniture)
//! …
//! 第 1 页                                page footer (furniture)
//! \f
//! 前三季度我国外贸进出口平稳增长          title, a long one on two lines
//! 民营企业进出口占比首次超过百分之五十五
//! 本 报 记 者 / 林 / 晓 / 陈 志 远       author line, spaced out by the font
//! 《人民日报》（2025年10月20日 第 01 版）  source line: the anchor
//! 亮点 / ● … / ● …                      highlights box (captions)
//! 海关总署日前发布数据，…                 body, indented paragraphs, running
//! …                                      on over footers and form feeds
//! ```
//!
//! [`read`] finds the source lines (at least [`MIN_SOURCES`] of them in
//! the first [`PROBE_BYTES`], each under a title); a file without them is a
//! newspaper and is left to the page reader. Each source line anchors one
//! article: the lines above it are its author line and title (the title as
//! the table of contents lists it, when it does), the lines after it up to
//! the next title are its body. A title the contents list that no source
//! line's head has opens an article too, where it stands alone after a
//! sentence's end (an article printed without a source line). Footers,
//! running heads (a line opening or closing most pages) and the contents
//! are furniture; a highlights box after the head is the article's
//! captions.
//! Paragraphs are told apart by line widths, since extractors drop the
//! first-line indent and print no blank line between paragraphs: a line
//! short of the measure ends a paragraph, and a full line that ends a
//! sentence ends one when the next line is a full indented first line.
//!
//! Every non-whitespace char of the input ends up once in the edition: the
//! table of contents and footers as page furniture, the author and source
//! lines in [`Article::byline_printed`].

use std::borrow::Cow;

use super::lines::{despace, is_end_punct, join_into, split_at_byte, width};
use crate::edition::{Article, ArticleId, Edition, Headline, Page};

/// The fewest source lines that make a file a compilation.
pub(super) const MIN_SOURCES: usize = 2;

/// How much of a file is searched for its first source lines.
const PROBE_BYTES: usize = 512 * 1024;

/// Titles longer than this many lines are not looked for (one to three
/// lines in print).
const MAX_TITLE_LINES: usize = 3;

/// The shortest contents title looked for without a source line.
const MIN_CONTENTS_TITLE_CHARS: usize = 4;

/// The longest title line, in chars.
const MAX_TITLE_CHARS: usize = 30;

/// The most lines an author line breaks into (`本 报 记 者` / `林` / `晓` /
/// `陈 志 远`: the extractor cuts a letter-spaced line at its wide gaps).
const MAX_AUTHOR_LINES: usize = 6;

/// The longest author line, in chars without whitespace, role words
/// (`本报记者`) included.
const MAX_AUTHOR_CHARS: usize = 24;

/// A paragraph's first line is indented by two full-width chars: four
/// half-units of [`width`].
const INDENT: usize = 4;

/// A full line may fall one full-width char short of the measure: a line
/// break moved before a mark that may not open a line (`。`) leaves the
/// justified line one char shorter.
const SLACK: usize = 2;

/// Lines narrower than this (half-units) are not counted for the measure.
const MEASURE_MIN: usize = 24;

/// One line in this many reaches the measure ([`measure`]).
const MEASURE_SHARE: usize = 20;

/// The fewest lines that reach the measure ([`measure`]).
const MEASURE_MIN_LINES: usize = 3;

/// The fewest pages a running head repeats on ([`mark_running_lines`]).
const RUNNING_MIN_PAGES: usize = 3;

/// The headings of a highlights box.
const BOX_HEADS: [&str; 7] = [
    "亮点",
    "核心提示",
    "内容提要",
    "要点",
    "看点",
    "导读",
    "摘要",
];

/// Marks that open a highlights bullet.
const BULLETS: [char; 10] = ['●', '■', '◆', '▲', '★', '•', '▪', '◇', '□', '○'];

/// Labels an author line may open with, before the names or role.
const AUTHOR_LABELS: [&str; 6] = ["作者：", "作者:", "文／", "文/", "撰文：", "撰稿："];

/// The role words an author line may open with, longest first.
const ROLES: [&str; 9] = [
    "本报特约记者",
    "本报通讯员",
    "新华社记者",
    "本报记者",
    "本報記者",
    "特约记者",
    "通讯员",
    "记者",
    "記者",
];

/// Reads `text` as a compilation, or gives `None` when it is not one (fewer
/// than [`MIN_SOURCES`] source lines). Linear in `text`; a newspaper costs
/// one substring search for `版`.
pub(super) fn read(text: &str) -> Option<Edition> {
    if !has_sources(text) {
        return None;
    }
    let items = items(text);
    let sources: Vec<usize> = (0..items.len())
        .filter(|&i| items[i].kind == Kind::Source)
        .collect();
    // A compilation prints its source lines inside the page, under a
    // title; a newspaper's folio (`无锡日报 2024年7月27日 第1版`) opens or
    // closes its page.
    let inside = {
        // Whether a text line comes before / after each item on its page.
        let mut before = vec![false; items.len()];
        let mut after = vec![false; items.len()];
        for k in 1..items.len() {
            before[k] = items[k - 1].page == items[k].page
                && (before[k - 1] || items[k - 1].kind == Kind::Text);
        }
        for k in (0..items.len().saturating_sub(1)).rev() {
            after[k] = items[k + 1].page == items[k].page
                && (after[k + 1] || items[k + 1].kind == Kind::Text);
        }
        sources.iter().filter(|&&s| before[s] && after[s]).count()
    };
    if inside < MIN_SOURCES || inside * 2 < sources.len() {
        return None;
    }
    let toc = Toc::new(&items[..sources[0]]);
    let mut heads: Vec<Head> = Vec::with_capacity(sources.len());
    for &s in &sources {
        let floor = heads.last().map_or(0, |h| h.end);
        heads.push(find_head(&items, floor, s, &toc));
    }
    // A compilation sets a title above every source line (a source line
    // quoted in a newspaper's text has a sentence above it).
    let titled = heads
        .iter()
        .filter(|h| h.title.last().is_some_and(|&i| is_title(items[i].text)))
        .count();
    if titled < MIN_SOURCES || titled * 2 < heads.len() {
        return None;
    }
    let unanchored = contents_heads(&items, &heads);
    if !unanchored.is_empty() {
        heads.extend(unanchored);
        heads.sort_by_key(Head::start);
    }
    Some(assemble(text, &items, &mut heads))
}

/// True when the first [`PROBE_BYTES`] of `text` hold at least
/// [`MIN_SOURCES`] source lines, found by a search for `版` (every source
/// line names its page `第…版`). A compilation's articles start right after
/// its contents, so a newspaper costs only this much.
fn has_sources(text: &str) -> bool {
    let bytes = text.as_bytes();
    let probe = &bytes[..bytes.len().min(PROBE_BYTES)];
    let mut found = 0;
    let mut after = 0;
    for at in memchr::memmem::find_iter(probe, "版".as_bytes()) {
        if at < after {
            continue;
        }
        let start = memchr::memrchr2(b'\n', b'\x0c', &bytes[..at]).map_or(0, |p| p + 1);
        let end = memchr::memchr2(b'\n', b'\x0c', &bytes[at..]).map_or(bytes.len(), |p| at + p);
        after = end;
        if text.get(start..end).and_then(source).is_some() {
            found += 1;
            if found >= MIN_SOURCES {
                return true;
            }
        }
    }
    false
}

/// A source line read: the paper's name and the date, as printed.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Source {
    pub paper: String,
    pub date: String,
}

/// Reads a source line: `《人民日报》（2025年10月20日 第 02 版）`, with or
/// without the corner brackets and parentheses, half-width parentheses,
/// any spacing, `来源：` before it. The date is `YYYY年M月D日`.
pub(super) fn source(line: &str) -> Option<Source> {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.chars().count() > 60 {
        return None;
    }
    let s = compact
        .strip_prefix("来源：")
        .or_else(|| compact.strip_prefix("来源:"))
        .unwrap_or(&compact);
    let (paper, rest) = match s.strip_prefix('《') {
        Some(r) => r.split_once('》')?,
        None => {
            let cut = s.find(['（', '(', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'])?;
            s.split_at(cut)
        }
    };
    if paper.is_empty() || paper.chars().count() > 16 {
        return None;
    }
    let rest = rest
        .strip_prefix('（')
        .or_else(|| rest.strip_prefix('('))
        .unwrap_or(rest);
    let (year, rest) = digits(rest, 4, 4)?;
    // `2025年10月20日`, or `2025-10-20` (`/`, `.`).
    let sep = rest.chars().next()?;
    let (month, rest) = digits(rest.strip_prefix(sep)?, 1, 2)?;
    let (marks, after) = match sep {
        '年' => (['月', '日'], true),
        '-' | '/' | '.' => ([sep, sep], false),
        _ => return None,
    };
    let (day, rest) = digits(rest.strip_prefix(marks[0])?, 1, 2)?;
    let rest = if after {
        rest.strip_prefix(marks[1])?
    } else {
        rest
    };
    let rest = rest.strip_prefix('第').unwrap_or(rest);
    let (_, rest) = digits(rest, 1, 3)?;
    let rest = rest.strip_prefix('版')?;
    // A section name may follow the page: `第02版：要闻`, `第02版 要闻）`.
    let rest = rest.trim_start_matches([':', '：']);
    let rest = rest.trim_end_matches(['）', ')']);
    if rest.chars().count() > 6 || !rest.chars().all(is_han) {
        return None;
    }
    Some(Source {
        paper: paper.to_owned(),
        date: format!("{year}年{month}月{day}日"),
    })
}

/// Splits `min..=max` ASCII digits off the start of `s`.
fn digits(s: &str, min: usize, max: usize) -> Option<(&str, &str)> {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    (min..=max).contains(&n).then(|| s.split_at(n))
}

/// What a line is, by its own text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A page footer or page number: furniture.
    Footer,
    /// A source line: the anchor of an article.
    Source,
    /// Anything else: title, author, box or body text, or contents.
    Text,
}

/// One non-blank line of the file.
#[derive(Debug)]
struct Item<'a> {
    /// 0-based page (form feeds counted).
    page: usize,
    /// The line, trimmed.
    text: &'a str,
    kind: Kind,
}

/// The file's non-blank lines, in order, with their page and kind.
fn items(text: &str) -> Vec<Item<'_>> {
    let mut items = Vec::new();
    for (page, page_text) in split_at_byte(text, 0x0C).enumerate() {
        let first = items.len();
        for line in page_text.split('\n').map(str::trim) {
            if line.is_empty() {
                continue;
            }
            let kind = if is_footer(line) {
                Kind::Footer
            } else if source(line).is_some() {
                Kind::Source
            } else {
                Kind::Text
            };
            items.push(Item {
                page,
                text: line,
                kind,
            });
        }
        // A bare number at the top or bottom of a page is its page number.
        let last = items.len();
        for k in [first, last.wrapping_sub(1)] {
            if (first..last).contains(&k) && is_page_number(items[k].text) {
                items[k].kind = Kind::Footer;
            }
        }
    }
    mark_running_lines(&mut items);
    items
}

/// Marks as furniture a running head or foot: a line that opens or closes
/// at least [`RUNNING_MIN_PAGES`] pages, and half the pages, word for word
/// (`人民日报 2025年10月20日`, a tool's name).
fn mark_running_lines(items: &mut [Item<'_>]) {
    let mut ends: Vec<usize> = Vec::new();
    let mut k = 0;
    while k < items.len() {
        let page = items[k].page;
        let first = k;
        while k < items.len() && items[k].page == page {
            k += 1;
        }
        let text: Vec<usize> = (first..k)
            .filter(|&i| items[i].kind == Kind::Text)
            .collect();
        ends.extend(text.first());
        ends.extend(text.last().filter(|&&l| Some(&l) != text.first()));
    }
    let pages = items.last().map_or(0, |i| i.page + 1);
    let mut counts: rustc_hash::FxHashMap<String, usize> = rustc_hash::FxHashMap::default();
    for &i in &ends {
        *counts.entry(compact(items[i].text)).or_default() += 1;
    }
    for i in ends {
        let n = counts.get(&compact(items[i].text)).copied().unwrap_or(0);
        if n >= RUNNING_MIN_PAGES && n * 2 >= pages {
            items[i].kind = Kind::Footer;
        }
    }
}

/// A body line without the spaces an extractor put between the chars of a
/// justified line (`“ 禁 渔 不 是 …`), as the page reader cleans it.
fn despaced(text: &str) -> Cow<'_, str> {
    if text.contains(char::is_whitespace) {
        Cow::Owned(despace(text))
    } else {
        Cow::Borrowed(text)
    }
}

fn compact(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A page footer: `第 30 页`, `第30页 共45页`, `- 30 -`, `30 / 45`.
fn is_footer(line: &str) -> bool {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let c = compact.as_str();
    let number = |s: &str| !s.is_empty() && s.len() <= 5 && s.bytes().all(|b| b.is_ascii_digit());
    if let Some(rest) = c.strip_prefix('第')
        && let Some((n, tail)) = rest.split_once('页')
    {
        return number(n)
            && (tail.is_empty()
                || tail
                    .strip_prefix('共')
                    .and_then(|t| t.strip_suffix('页'))
                    .is_some_and(number));
    }
    if let Some(n) = c.strip_prefix('-').and_then(|t| t.strip_suffix('-')) {
        return number(n);
    }
    c.split_once('/')
        .is_some_and(|(a, b)| number(a) && number(b))
}

/// A line of nothing but a number of one to four digits.
fn is_page_number(line: &str) -> bool {
    !line.is_empty() && line.len() <= 4 && line.bytes().all(|b| b.is_ascii_digit())
}

/// The table of contents: each entry's title, compacted (whitespace, leader
/// dots and the page number taken off), and each two entries run together
/// (a title the contents wrapped).
struct Toc(rustc_hash::FxHashSet<String>);

impl Toc {
    fn new(items: &[Item<'_>]) -> Self {
        let entries: Vec<String> = items
            .iter()
            .filter(|i| i.kind == Kind::Text)
            .map(|i| toc_title(i.text))
            .filter(|t| !t.is_empty())
            .collect();
        let mut set: rustc_hash::FxHashSet<String> = entries.iter().cloned().collect();
        for pair in entries.windows(2) {
            set.insert(format!("{}{}", pair[0], pair[1]));
        }
        Toc(set)
    }

    fn lists(&self, title: &str) -> bool {
        self.0.contains(title)
    }
}

/// A contents line's title: compacted, with the page number at its end
/// taken off where leader dots or a space set it apart (`迈向2035年 12`,
/// `山村公路通了……2`), and the leader dots. A line of digits alone is a
/// page number: no title.
fn toc_title(line: &str) -> String {
    let line = line.trim();
    if line.bytes().all(|b| b.is_ascii_digit()) {
        return String::new();
    }
    let number = line.trim_end_matches(|c: char| c.is_ascii_digit());
    let title = if number.len() < line.len()
        && number.ends_with(|c: char| c.is_whitespace() || LEADERS.contains(&c))
    {
        number
    } else {
        line
    };
    title
        .trim_end_matches(|c: char| c.is_whitespace() || LEADERS.contains(&c))
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Leader dots between a contents title and its page number.
const LEADERS: [char; 6] = ['.', '…', '·', '．', '-', '_'];

fn compact_of<'a>(items: &[Item<'a>], lines: &[usize]) -> String {
    lines
        .iter()
        .flat_map(|&i| items[i].text.chars())
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// An article's head: the lines of its title, author and source.
#[derive(Debug)]
struct Head {
    /// Title lines (item indices), top to bottom.
    title: Vec<usize>,
    /// Author lines, top to bottom.
    authors: Vec<usize>,
    /// The source line; none for an article found by its contents title.
    source: Option<usize>,
    /// The first item after the head: after the source line, or after the
    /// author lines when they follow it.
    end: usize,
}

impl Head {
    /// The first item of the head.
    fn start(&self) -> usize {
        self.title
            .first()
            .or(self.authors.first())
            .or(self.source.as_ref())
            .copied()
            .unwrap_or(self.end)
    }
}

/// The head above source line `source`, looking no higher than `floor`:
/// the author lines right above it, and the title above them, as the
/// table of contents lists it when it does ([`listed_title`]); otherwise
/// up to [`MAX_TITLE_LINES`] lines that do not end a sentence
/// ([`unlisted_title_lines`]). With no author line above, the author lines
/// under the source line ([`authors_below`]).
fn find_head(items: &[Item<'_>], floor: usize, source: usize, toc: &Toc) -> Head {
    // The text lines above the source line, nearest first, footers skipped.
    let above: Vec<usize> = (floor..source)
        .rev()
        .filter(|&i| items[i].kind == Kind::Text)
        .take(MAX_AUTHOR_LINES + MAX_TITLE_LINES)
        .collect();
    let author_run = above
        .iter()
        .take(MAX_AUTHOR_LINES)
        .take_while(|&&i| is_author(items[i].text))
        .count();
    let (j, t) = listed_title(items, &above, author_run, toc).unwrap_or_else(|| {
        let rest = &above[author_run.min(above.len())..];
        (author_run, unlisted_title_lines(items, rest))
    });
    let mut authors: Vec<usize> = above[..j].to_vec();
    authors.reverse();
    let mut title: Vec<usize> = above[j..j + t].to_vec();
    title.reverse();
    let mut end = source + 1;
    if authors.is_empty()
        && let Some((below, after)) = authors_below(items, source)
    {
        authors = below;
        end = after;
    }
    Head {
        title,
        authors,
        source: Some(source),
        end,
    }
}

/// The title the table of contents lists among `above` (the text lines
/// above a source line, item indices, nearest first, whose first
/// `author_run` may be author lines): `(j, t)` when the title is the `t`
/// lines `above[j..j + t]`, with the author lines `above[..j]` under it.
/// The most author lines win, then the longest title (at most
/// [`MAX_TITLE_LINES`] lines, all on one page). `None` when the contents
/// list none.
fn listed_title(
    items: &[Item<'_>],
    above: &[usize],
    author_run: usize,
    toc: &Toc,
) -> Option<(usize, usize)> {
    (0..=author_run).rev().find_map(|j| {
        (1..=MAX_TITLE_LINES)
            .rev()
            .filter(|&t| j + t <= above.len() && one_page(items, &above[j..j + t]))
            .find(|&t| {
                let mut lines: Vec<usize> = above[j..j + t].to_vec();
                lines.reverse();
                toc.lists(&compact_of(items, &lines))
            })
            .map(|t| (j, t))
    })
}

/// How many lines of `rest` (the text lines above an author line, item
/// indices, nearest first) are a title the contents do not list: the
/// nearest line (the title's last), and above it, up to
/// [`MAX_TITLE_LINES`] lines in all, lines of its page that may still be
/// title ([`may_be_title`]). 0 when `rest` is empty.
fn unlisted_title_lines(items: &[Item<'_>], rest: &[usize]) -> usize {
    rest.iter()
        .take(MAX_TITLE_LINES)
        .enumerate()
        .take_while(|&(k, &i)| {
            k == 0 || may_be_title(items[i].text) && items[i].page == items[rest[0]].page
        })
        .count()
}

/// An author line set under source line `source`: up to
/// [`MAX_AUTHOR_LINES`] short name lines ([`is_author`]) before the body,
/// footers skipped (never the last lines of the file). Gives the author
/// lines (item indices) and the first item after them, or `None`.
fn authors_below(items: &[Item<'_>], source: usize) -> Option<(Vec<usize>, usize)> {
    let below: Vec<usize> = (source + 1..items.len())
        .filter(|&i| items[i].kind != Kind::Footer)
        .take(MAX_AUTHOR_LINES + 1)
        .collect();
    let n = below
        .iter()
        .take(MAX_AUTHOR_LINES)
        .take_while(|&&i| items[i].kind == Kind::Text && is_author(items[i].text))
        .count();
    (n > 0 && n < below.len()).then(|| (below[..n].to_vec(), below[n - 1] + 1))
}

/// The heads of articles printed without a source line, found by their
/// title: a title the contents list and no source line's head has, set on
/// one to [`MAX_TITLE_LINES`] lines of one page after a line that ends a
/// sentence (or a head), with the author lines under it.
fn contents_heads(items: &[Item<'_>], heads: &[Head]) -> Vec<Head> {
    let Some(first) = heads.first().map(Head::start) else {
        return Vec::new();
    };
    let mut wanted = unheaded_titles(items, heads, first);
    let in_head = head_mask(items.len(), heads);
    let mut found = Vec::new();
    let mut i = first;
    let mut after_end = true;
    while i < items.len() && !wanted.is_empty() {
        if in_head[i] {
            after_end = true;
            i += 1;
            continue;
        }
        if items[i].kind != Kind::Text {
            i += 1;
            continue;
        }
        let title = after_end
            .then(|| contents_title_at(items, i, &in_head, &wanted))
            .flatten();
        let Some(t) = title else {
            after_end = ends_sentence(items[i].text);
            i += 1;
            continue;
        };
        let head = titled_head(items, i..i + t);
        wanted.remove(&compact_of(items, &head.title));
        i = head.end;
        after_end = true;
        found.push(head);
    }
    found
}

/// The titles (compacted) the contents, the items before `first`, list
/// and none of `heads` has, of at least [`MIN_CONTENTS_TITLE_CHARS`]
/// chars.
fn unheaded_titles(
    items: &[Item<'_>],
    heads: &[Head],
    first: usize,
) -> rustc_hash::FxHashSet<String> {
    let headed: rustc_hash::FxHashSet<String> =
        heads.iter().map(|h| compact_of(items, &h.title)).collect();
    items[..first]
        .iter()
        .filter(|i| i.kind == Kind::Text)
        .map(|i| toc_title(i.text))
        .filter(|t| more_chars(t, MIN_CONTENTS_TITLE_CHARS) && !headed.contains(t))
        .collect()
}

/// For each of `len` items, whether it lies in one of `heads` (from its
/// start to its end).
fn head_mask(len: usize, heads: &[Head]) -> Vec<bool> {
    let mut in_head = vec![false; len];
    for h in heads {
        in_head[h.start()..h.end].iter_mut().for_each(|x| *x = true);
    }
    in_head
}

/// How many lines, from item `i` on, make one of the `wanted` titles: the
/// most of one to [`MAX_TITLE_LINES`] text lines of one page, none in a
/// head (`in_head`), whose compacted text is wanted. `None` when no run
/// of lines is.
fn contents_title_at(
    items: &[Item<'_>],
    i: usize,
    in_head: &[bool],
    wanted: &rustc_hash::FxHashSet<String>,
) -> Option<usize> {
    (1..=MAX_TITLE_LINES).rev().find(|&t| {
        let lines: Vec<usize> = (i..(i + t).min(items.len())).collect();
        lines.len() == t
            && lines
                .iter()
                .all(|&k| items[k].kind == Kind::Text && !in_head[k])
            && one_page(items, &lines)
            && wanted.contains(&compact_of(items, &lines))
    })
}

/// The head of an article with no source line, whose title is on the
/// items `title`: the title and up to [`MAX_AUTHOR_LINES`] author lines
/// under it (footers skipped); it ends after them.
fn titled_head(items: &[Item<'_>], title: std::ops::Range<usize>) -> Head {
    let authors: Vec<usize> = (title.end..items.len())
        .filter(|&k| items[k].kind != Kind::Footer)
        .take(MAX_AUTHOR_LINES)
        .take_while(|&k| items[k].kind == Kind::Text && is_author(items[k].text))
        .collect();
    let end = authors.last().map_or(title.end, |&a| a + 1);
    Head {
        title: title.collect(),
        authors,
        source: None,
        end,
    }
}

/// True when `text` has at least `n` chars.
fn more_chars(text: &str, n: usize) -> bool {
    super::lines::more_chars_than(text, n.saturating_sub(1))
}

/// A title's last line: it does not end in a full stop, comma, colon or
/// semicolon, and is not longer than a title.
fn is_title(line: &str) -> bool {
    !line.ends_with(['。', '，', '、', '；', '：', '.', ',', ';', ':'])
        && !super::lines::more_chars_than(line, MAX_TITLE_CHARS)
}

/// True when the lines are all on one page: a title never runs over a
/// page break.
fn one_page(items: &[Item<'_>], lines: &[usize]) -> bool {
    lines
        .windows(2)
        .all(|w| items[w[0]].page == items[w[1]].page)
}

/// A line that may be part of an author line: CJK name chars only (and
/// `·`), either at most four of them (`洪`, `陈 志 远`), or spaced out into
/// short runs, or opening with a role word (`本报记者`).
fn is_author(line: &str) -> bool {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let compact = strip_label(&compact);
    let n = compact.chars().count();
    if n == 0
        || n > MAX_AUTHOR_CHARS
        || BOX_HEADS.contains(&compact)
        || !compact.chars().all(|c| is_han(c) || c == '·')
    {
        return false;
    }
    n <= 4
        || ROLES.iter().any(|r| compact.starts_with(r))
        || line
            .split(char::is_whitespace)
            .filter(|t| !t.is_empty())
            .all(|t| t.chars().count() <= 3)
}

/// An author line without its label (`作者：`, `文／`).
fn strip_label(line: &str) -> &str {
    AUTHOR_LABELS
        .iter()
        .find_map(|l| line.strip_prefix(l))
        .unwrap_or(line)
        .trim_start()
}

/// A CJK ideograph.
fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3FFFF}')
}

/// A line above a title's last line that may still be title: it does not
/// end a sentence (a closing quote after a word may end a title), and is
/// not a whole body line.
fn may_be_title(line: &str) -> bool {
    let mut rev = line.chars().rev();
    let last = rev.next();
    let before = rev.next();
    let ends = match last {
        Some('”' | '’' | '」' | '』') => before.is_some_and(is_end_punct),
        Some(c) => matches!(c, '。' | '！' | '？' | '…' | '；' | '，' | '、'),
        None => true,
    };
    // `（责任编辑：张三）` closes the article before.
    !ends && !line.starts_with(['（', '(']) && !super::lines::more_chars_than(line, MAX_TITLE_CHARS)
}

/// The names in an author line: role words dropped, a name the font spaced
/// out (`洪` / `勇`, `洪　勇`) put together, names separated by one space.
/// Gaps of one space are letter-spacing; a wider gap, an ideographic space
/// or a line break separates two parts, and two parts of one char each
/// are one name.
pub(super) fn author_names(lines: &[&str]) -> Option<String> {
    let mut parts = name_parts(lines);
    drop_label(&mut parts);
    drop_roles(&mut parts);
    let names = join_single_chars(&parts);
    (!names.is_empty()).then(|| names.join(" "))
}

/// The parts of an author line's `lines`, letter-spacing taken out: a gap
/// of two spaces or more (an ideographic space counts two) or a line
/// break ends a part; single spaces are dropped.
fn name_parts(lines: &[&str]) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    for line in lines {
        let mut part = String::new();
        let mut spaces = 0;
        for c in line.trim().chars() {
            if c == ' ' {
                spaces += 1;
                continue;
            }
            if c.is_whitespace() {
                spaces += 2;
                continue;
            }
            if spaces >= 2 && !part.is_empty() {
                parts.push(std::mem::take(&mut part));
            }
            spaces = 0;
            part.push(c);
        }
        if !part.is_empty() {
            parts.push(part);
        }
    }
    parts
}

/// Takes a label (`作者：`) off the first part, and the part with it when
/// nothing else was in it.
fn drop_label(parts: &mut Vec<String>) {
    if let Some(first) = parts.first_mut() {
        *first = strip_label(first).to_owned();
        if first.is_empty() {
            parts.remove(0);
        }
    }
}

/// Drops the role words ([`ROLES`]) opening the parts: a role spaced out
/// over the first parts (`本报` / `记者`), or one at the start of the first
/// part (`本报记者林晓`).
fn drop_roles(parts: &mut Vec<String>) {
    let mut joined_front = String::new();
    let mut taken = 0;
    for p in parts.iter() {
        if ROLES
            .iter()
            .any(|r| r.starts_with(joined_front.as_str()) && r.len() > joined_front.len())
        {
            joined_front.push_str(p);
            taken += 1;
            if ROLES.contains(&joined_front.as_str()) {
                parts.drain(..taken);
                break;
            }
        } else {
            break;
        }
    }
    if let Some(first) = parts.first_mut()
        && let Some(role) = ROLES.iter().find(|r| first.starts_with(*r))
    {
        first.drain(..role.len());
        if first.is_empty() {
            parts.remove(0);
        }
    }
}

/// The names the parts make: two parts of one char each in a row are
/// one name (a two-char name the font spaced out), any other part is a
/// name of its own.
fn join_single_chars(parts: &[String]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut k = 0;
    while k < parts.len() {
        let one = |p: &String| p.chars().count() == 1;
        if one(&parts[k]) && parts.get(k + 1).is_some_and(one) {
            names.push(format!("{}{}", parts[k], parts[k + 1]));
            k += 2;
        } else {
            names.push(parts[k].clone());
            k += 1;
        }
    }
    names
}

/// The edition: pages with their furniture, each article on the page its
/// head starts on.
fn assemble(text: &str, items: &[Item<'_>], heads: &mut [Head]) -> Edition {
    let mut pages = blank_pages(text);
    let first_head = heads.first().map_or(items.len(), Head::start);
    for item in &items[..first_head] {
        pages[item.page].furniture.push(item.text.to_owned());
    }
    let bodies = article_bodies(items, heads);
    let measure = body_measure(items, &bodies);
    let mut edition = Edition::default();
    for (k, head) in heads.iter().enumerate() {
        let end = heads.get(k + 1).map_or(items.len(), Head::start);
        for item in &items[head.start()..end] {
            if item.kind == Kind::Footer {
                pages[item.page].furniture.push(item.text.to_owned());
            }
        }
        if edition.title.is_none()
            && let Some(s) = head.source.and_then(|s| source(items[s].text))
        {
            edition.title = Some(s.paper);
            edition.date = Some(s.date);
        }
        let article = article(items, head, &bodies[k], measure);
        pages[items[head.start()].page].articles.push(article);
    }
    label_pages(&mut pages);
    drop_blank_last_pages(&mut pages);
    edition.pages = pages;
    super::number_repeated_ids(&mut edition);
    edition
}

/// One empty page, numbered from 1, for each form-feed-separated page of
/// `text`.
fn blank_pages(text: &str) -> Vec<Page> {
    let page_count = split_at_byte(text, 0x0C).count();
    (0..page_count)
        .map(|n| Page {
            number: u32::try_from(n + 1).unwrap_or(u32::MAX),
            ..Page::default()
        })
        .collect()
}

/// The body lines (item indices) of each head's article: the items from
/// the head's end to the next head's start, footers left out. A piece of
/// the author line the extractor put after a footer ([`is_stray_author`])
/// is moved to the head's authors instead.
fn article_bodies(items: &[Item<'_>], heads: &mut [Head]) -> Vec<Vec<usize>> {
    let starts: Vec<usize> = heads.iter().map(Head::start).collect();
    heads
        .iter_mut()
        .enumerate()
        .map(|(k, h)| {
            let end = starts.get(k + 1).copied().unwrap_or(items.len());
            (h.end..end)
                .filter(|&i| items[i].kind != Kind::Footer)
                .filter(|&i| {
                    let stray = is_stray_author(items, h, i);
                    if stray {
                        h.authors.push(i);
                    }
                    !stray
                })
                .collect()
        })
        .collect()
}

/// The [`measure`] (half-units) of all the articles' body lines, despaced.
fn body_measure(items: &[Item<'_>], bodies: &[Vec<usize>]) -> usize {
    let despaced_bodies: Vec<Cow<'_, str>> = bodies
        .iter()
        .flatten()
        .map(|&i| despaced(items[i].text))
        .collect();
    measure(despaced_bodies.iter().map(AsRef::as_ref))
}

/// The article of `head` and its `body` lines (item indices): the title,
/// the names of its author lines as the byline, the author and source
/// lines as printed, a highlights box as captions, and the rest of the
/// body in paragraphs by `measure` (half-units).
fn article(items: &[Item<'_>], head: &Head, body: &[usize], measure: usize) -> Article {
    let (captions, body) = split_box(items, body, measure);
    let lines: Vec<Cow<'_, str>> = body.iter().map(|&i| despaced(items[i].text)).collect();
    let lines: Vec<&str> = lines.iter().map(AsRef::as_ref).collect();
    let paragraphs = paragraphs(&lines, measure);
    let title: Vec<String> = head
        .title
        .iter()
        .map(|&i| items[i].text.to_owned())
        .collect();
    let author_lines: Vec<&str> = head.authors.iter().map(|&i| items[i].text).collect();
    let source_line = head.source.map(|s| items[s].text);
    let printed: Vec<&str> = author_lines.iter().copied().chain(source_line).collect();
    let headline = Headline {
        title,
        ..Headline::default()
    };
    Article {
        id: ArticleId::derive(&headline, &paragraphs),
        headline,
        dateline: None,
        byline: author_names(&author_lines),
        byline_printed: (!printed.is_empty()).then(|| printed.join(" ")),
        paragraphs,
        captions,
        source: source_line.map(str::to_owned),
    }
}

/// Labels each page by its last footer, compacted (`第30页`).
fn label_pages(pages: &mut [Page]) {
    for page in pages {
        page.label = page
            .furniture
            .iter()
            .rev()
            .find(|f| is_footer(f))
            .map(|f| f.chars().filter(|c| !c.is_whitespace()).collect());
    }
}

/// Drops the empty pages at the end (a form feed ending the file opens
/// no page), keeping at least one page.
fn drop_blank_last_pages(pages: &mut Vec<Page>) {
    while pages.len() > 1
        && pages
            .last()
            .is_some_and(|p| p.articles.is_empty() && p.furniture.is_empty())
    {
        pages.pop();
    }
}

/// True when item `i` is a piece of `head`'s author line that the
/// extractor put after the page footer (pdftotext: `王` / `《人民日报》…`
/// / … / `第2页` / `敏`): one or two ideographs after a footer of the page
/// the author line is on, with nothing but furniture and such pieces after
/// them on the page.
fn is_stray_author(items: &[Item<'_>], head: &Head, i: usize) -> bool {
    let piece = |k: usize| {
        let c = compact(items[k].text);
        items[k].kind == Kind::Text && (1..=2).contains(&c.chars().count()) && c.chars().all(is_han)
    };
    let page = items[i].page;
    let (Some(&first_author), Some(&last_author)) = (head.authors.first(), head.authors.last())
    else {
        return false;
    };
    // Only the few lines around `i` are looked at: linear on any page.
    let near = MAX_AUTHOR_LINES + 2;
    let rest = items[i + 1..]
        .iter()
        .take_while(|n| n.page == page)
        .take(near + 1)
        .count();
    piece(i)
        && items[last_author].page == page
        && (first_author.max(i.saturating_sub(near))..i)
            .any(|k| items[k].kind == Kind::Footer && items[k].page == page)
        && rest <= near
        && (i + 1..i + 1 + rest).all(|k| items[k].kind == Kind::Footer || piece(k))
}

/// The body measure in half-units: the width that [`MEASURE_SHARE`] of
/// the body lines (at least [`MEASURE_MIN_LINES`]) reach, among lines of
/// at least [`MEASURE_MIN`]. Not the most frequent width: in a paper of
/// short paragraphs the indented first lines outnumber the full ones.
fn measure<'a>(lines: impl Iterator<Item = &'a str>) -> usize {
    let mut widths: Vec<usize> = lines.map(width).filter(|&w| w >= MEASURE_MIN).collect();
    widths.sort_unstable_by(|a, b| b.cmp(a));
    let k = (widths.len() / MEASURE_SHARE).max(MEASURE_MIN_LINES);
    widths
        .get(k.min(widths.len()).saturating_sub(1))
        .copied()
        .unwrap_or(0)
}

/// Splits a highlights box off the start of a body: its heading (`亮点`)
/// and its bullets, each with the lines it wrapped onto, as captions.
/// Gives the captions and the rest of the body.
fn split_box(items: &[Item<'_>], body: &[usize], measure: usize) -> (Vec<String>, Vec<usize>) {
    let Some(&first) = body.first() else {
        return (Vec::new(), Vec::new());
    };
    let head: String = items[first]
        .text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    // The heading alone, or with the first bullet on its line.
    let opens = BOX_HEADS.iter().any(|h| {
        head.strip_prefix(h)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(BULLETS))
    });
    if !opens {
        return (Vec::new(), body.to_vec());
    }
    let mut captions = vec![items[first].text.to_owned()];
    let mut k = 1;
    let mut widest = 0;
    let mut last_width = 0;
    while let Some(&i) = body.get(k) {
        let text = items[i].text;
        let w = width(text);
        if text.starts_with(BULLETS) {
            captions.push(text.to_owned());
        } else if captions.len() > 1
            && last_width + SLACK >= widest
            && w <= last_width
            && w + INDENT + SLACK < measure
        {
            if let Some(last) = captions.last_mut() {
                join_into(last, text);
            }
        } else {
            break;
        }
        widest = widest.max(w);
        last_width = w;
        k += 1;
    }
    (captions, body[k..].to_vec())
}

/// Joins body lines into paragraphs by their widths (see the module docs).
pub(super) fn paragraphs(lines: &[&str], measure: usize) -> Vec<String> {
    let widths: Vec<usize> = lines.iter().map(|l| width(l)).collect();
    let full_first = |k: usize| {
        widths
            .get(k)
            .is_some_and(|&w| w + INDENT + SLACK >= measure && w <= measure.saturating_sub(INDENT))
    };
    let mut out: Vec<String> = Vec::new();
    let mut open = false;
    let mut first = true;
    for (k, line) in lines.iter().enumerate() {
        match out.last_mut() {
            Some(last) if open => join_into(last, line),
            _ => out.push((*line).to_owned()),
        }
        let indent = if first { INDENT } else { 0 };
        let full = widths[k] + indent + SLACK >= measure;
        let ends = ends_sentence(line);
        let next_ends = lines.get(k + 1).is_some_and(|l| ends_sentence(l));
        // A line that stops mid-sentence ends no paragraph, unless it is
        // well short of the measure (a subhead, a list's lead-in).
        let short = widths[k] + INDENT + 3 * SLACK < measure;
        let breaks = !full && (ends || short)
            || (ends
                && full_first(k + 1)
                && (!next_ends || !full_first(k + 2) && k + 2 < lines.len()));
        open = !breaks;
        first = breaks;
    }
    out
}

/// True when `line` ends a sentence (`。`, `！`, `？`, a closing quote or
/// bracket after one, `…`).
fn ends_sentence(line: &str) -> bool {
    let mut rev = line.chars().rev();
    match rev.next() {
        Some('”' | '’' | '」' | '』' | '）' | ')') => rev.next().is_some_and(is_end_punct),
        Some(c) => matches!(c, '。' | '！' | '？' | '…' | '!' | '?'),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::{author_names, is_author, is_footer, paragraphs, read, source, toc_title};

    #[test]
    fn source_lines_in_their_printed_forms() {
        for line in [
            "《人民日报》（2025年10月20日 第 02 版）",
            "《人民日报》(2025年10月20日第02版)",
            "人民日报 2025年10月20日 第2版",
            "来源：《经济日报》（2025年11月3日 第 15 版）",
            "来源：人民日报 2025-10-20 第02版",
            "《人民日报》（2025年10月20日 第 02 版：要闻）",
            "《人民日报》 2025年10月20日 02版",
        ] {
            let s = source(line).unwrap_or_else(|| panic!("{line}"));
            assert!(s.paper == "人民日报" || s.paper == "经济日报", "{line}");
        }
        assert_eq!(
            source("《人民日报》（2025年10月20日 第 02 版）").map(|s| s.date),
            Some("2025年10月20日".to_owned())
        );
        for line in [
            "本报讯 10月20日，第02版刊登了通知。",
            "第1版 要闻",
            "2025年10月20日 星期一",
            "《人民日报》（2025年10月20日 第 02 版）刊发评论员文章，指出要坚持",
        ] {
            assert!(source(line).is_none(), "{line}");
        }
    }

    #[test]
    fn contents_lines_lose_their_page_numbers_only() {
        assert_eq!(toc_title("山村公路通了 12"), "山村公路通了");
        assert_eq!(toc_title("山村公路通了……12"), "山村公路通了");
        assert_eq!(toc_title("迈向2035年 3"), "迈向2035年");
        assert_eq!(toc_title("前三季度增长5"), "前三季度增长5");
        assert_eq!(toc_title("12"), "");
    }

    #[test]
    fn footers() {
        for f in ["第 30 页", "第30页", "第3页共45页", "- 12 -", "12 / 45"] {
            assert!(is_footer(f), "{f}");
        }
        for f in ["第30版", "第三页", "共有30页资料", "12"] {
            assert!(!is_footer(f), "{f}");
        }
    }

    #[test]
    fn spaced_out_author_lines_give_the_names() {
        let names = |lines: &[&str]| author_names(lines);
        assert_eq!(names(&["洪", "勇"]).as_deref(), Some("洪勇"));
        assert_eq!(names(&["洪 勇"]).as_deref(), Some("洪勇"));
        assert_eq!(names(&["洪 \u{3000} 勇"]).as_deref(), Some("洪勇"));
        assert_eq!(names(&["张 三 丰"]).as_deref(), Some("张三丰"));
        assert_eq!(
            names(&["本 报 记 者", "林", "晓", "陈 志 远"]).as_deref(),
            Some("林晓 陈志远")
        );
        assert_eq!(
            names(&["本 报 记 者  林  晓   陈 志 远"]).as_deref(),
            Some("林晓 陈志远")
        );
        assert_eq!(names(&["本报记者　王晨"]).as_deref(), Some("王晨"));
        assert_eq!(
            names(&["作 者 ： 本 报 记 者", "王", "晨"]).as_deref(),
            Some("王晨")
        );
        assert!(is_author("作 者 ： 洪"));
        assert!(!is_author("亮点"));
        assert_eq!(names(&[]), None);
        assert!(is_author("本 报 记 者"));
        assert!(is_author("陈 志 远"));
        assert!(!is_author("博物馆夜场受青睐"));
        assert!(!is_author("秋粮收购进度过半 各地加强仓储"));
    }

    #[test]
    fn paragraphs_are_told_by_line_widths() {
        // Measure 20 half-units (10 chars); first lines are 8 chars.
        let lines = [
            "甲乙丙丁戊己庚辛",
            "壬癸甲乙丙丁戊己庚辛",
            "完了。",
            "子丑寅卯辰巳午未",
            "申酉戌亥子丑寅卯辰。",
            "天地玄黄宇宙洪荒",
            "日月盈昃辰宿列张寒来",
        ];
        assert_eq!(
            paragraphs(&lines, 20),
            vec![
                "甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛完了。",
                "子丑寅卯辰巳午未申酉戌亥子丑寅卯辰。",
                "天地玄黄宇宙洪荒日月盈昃辰宿列张寒来",
            ]
        );
    }

    #[test]
    fn a_compilation_reads_with_its_own_rules() {
        let body = "今年以来，县里把农村公路养护纳入乡村振兴考核，按照每公里";
        let text = format!(
            "目录\n\n山村公路通了\n\n2\n\n古城墙修缮完工\n\n2\n\n第1页\n\n\u{c}\
             山村公路通了\n洪\n\n勇\n\n《人民日报》（2025年10月20日 第 02 版）\n\n\
             {body}每年三\n千元的标准安排专项资金。\n\n第2页\n\n\u{c}\
             古城墙修缮完工\n张 三 丰\n《人民日报》（2025年10月20日 第 04 版）\n\
             亮点\n● 城墙全长三公里\n\n{body}每年三\n千元。\n\n第3页\n"
        );
        let edition = read(&text).expect("a compilation");
        let articles: Vec<_> = edition.articles().collect();
        assert_eq!(articles.len(), 2);
        assert_eq!(articles[0].headline.title, vec!["山村公路通了"]);
        assert_eq!(articles[0].byline.as_deref(), Some("洪勇"));
        assert_eq!(
            articles[0].source.as_deref(),
            Some("《人民日报》（2025年10月20日 第 02 版）")
        );
        assert_eq!(articles[0].paragraphs.len(), 1);
        assert_eq!(articles[1].byline.as_deref(), Some("张三丰"));
        assert_eq!(articles[1].captions, vec!["亮点", "● 城墙全长三公里"]);
        assert_eq!(edition.pages[0].furniture.len(), 6);
        assert!(edition.pages[0].articles.is_empty());
        assert_eq!(edition.pages[1].label.as_deref(), Some("第2页"));
        assert_eq!(edition.title.as_deref(), Some("人民日报"));
    }

    #[test]
    fn running_heads_author_lines_below_and_stray_name_pieces() {
        let body = "今年以来，县里把农村公路养护纳入乡村振兴考核，按照每公里";
        let head = "要闻汇编 2025年10月20日";
        let text = format!(
            "{head}\n山村公路通了\n来源：人民日报 2025-10-20 第02版\n作者：洪勇\n\
             {body}每年三\n千元的标准安排专项资金。\n第1页\n\u{c}{head}\n\
             古城墙修缮完工\n《人民日报》（2025年10月20日 第 04 版）\n作 者 ： 王\n\
             第2页\n敏\n\u{c}{head}\n{body}每年三\n千元。\n\n第3页\n\u{c}\
             {head}\n新桥通车\n来源：人民日报 2025-10-20 第05版\n作者：李华\n千元。\n"
        );
        let edition = read(&text).expect("a compilation");
        let articles: Vec<_> = edition.articles().collect();
        assert_eq!(articles.len(), 3);
        assert_eq!(articles[0].byline.as_deref(), Some("洪勇"));
        assert_eq!(articles[1].byline.as_deref(), Some("王敏"));
        assert_eq!(articles[1].paragraphs.len(), 1);
        assert!(!articles[1].paragraphs[0].contains('敏'));
        for page in &edition.pages {
            assert_eq!(page.furniture.first().map(String::as_str), Some(head));
        }
    }

    #[test]
    fn a_title_the_contents_list_heads_an_article_without_a_source_line() {
        let body = "今年以来，县里把农村公路养护纳入乡村振兴考核，按照每公里";
        let text = format!(
            "目录\n山村公路通了 2\n老桥修缮完工 2\n古城墙修缮完工 3\n第1页\n\u{c}\
             山村公路通了\n洪 勇\n《人民日报》（2025年10月20日 第 02 版）\n\
             {body}每年三\n千元。\n老桥修缮完工\n李 华\n{body}每年三\n千元。\n第2页\n\u{c}\
             古城墙修缮完工\n张 三 丰\n《人民日报》（2025年10月20日 第 04 版）\n{body}。\n"
        );
        let edition = read(&text).expect("a compilation");
        let articles: Vec<_> = edition.articles().collect();
        let titles: Vec<&str> = articles
            .iter()
            .map(|a| a.headline.title[0].as_str())
            .collect();
        assert_eq!(titles, ["山村公路通了", "老桥修缮完工", "古城墙修缮完工"]);
        assert_eq!(articles[1].byline.as_deref(), Some("李华"));
        assert_eq!(articles[1].source, None);
        assert_eq!(articles[0].paragraphs.len(), 1);
        assert_eq!(articles[1].paragraphs.len(), 1);
    }

    #[test]
    fn a_newspapers_folios_make_no_compilation() {
        let page = |n: u32, last: &str| {
            format!(
                "无锡日报 2024年7月27日 第{n}版\n本报讯 市委召开会议，部署下一阶段工作。\n\
                 会议强调，要坚定信心。\n{last}\n"
            )
        };
        let text = [
            page(1, "秋粮收购进度过半"),
            page(2, "古城墙修缮完工"),
            page(3, "新桥通车"),
        ]
        .join("\u{c}");
        assert!(read(&text).is_none());
    }

    #[test]
    fn one_source_line_or_untitled_ones_make_no_compilation() {
        let one = "山村公路通了\n洪勇\n《人民日报》（2025年10月20日 第 02 版）\n正文。\n";
        assert!(read(one).is_none());
        // Source lines quoted in body text, with no title above them.
        let quoted = "本报讯 市图书馆举办剪报展。\n《人民日报》（2025年10月20日 第 02 版）\n\
                      展出的文章引起关注。\n《人民日报》（2025年10月21日 第 03 版）\n\
                      也在展出之列。\n";
        assert!(read(quoted).is_none());
    }
}
