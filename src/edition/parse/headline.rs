//! Headlines: which lines are headline lines, which article each headline
//! block belongs to, and how a headline group splits into kicker, title and
//! subtitle.
//!
//! **Marking.** A headline line ends without punctuation (or in `——`), does
//! not open an article, and follows a closed line (end punctuation, a
//! headline, furniture, or the top of the page). Among such lines, a body
//! line is told apart by how it continues: a paragraph's first line always
//! runs on into the next body line, which is then full width (a column
//! line), while a headline line is followed by another headline line, a
//! dateline, a caption or furniture, or by a body line that starts a
//! paragraph (short). A line wider than the column is always a headline.
//! In the sample, `赵建军对吉佳蓝公司给予无锡发` (alone between blank lines)
//! runs on into the full-width `展的大力支持表示感谢。…` and stays body, while
//! `市委外事工作委员会召开会议` is followed by `本报讯 7月25日，…`.
//! On free pages (one paragraph per line), any short unpunctuated line after
//! a closed line is a headline.
//!
//! **Attaching.** Each block of headline lines (lines with no blank line or
//! body between) goes to the article on the same page whose body shares the
//! most character bigrams with it; position (the nearest body) only breaks
//! ties. Only the nearest articles are scored (`CANDIDATES` on each side),
//! so a page with many articles costs linear time.
//!
//! **Parts.** A line ending in `——` introduces the title (kicker); lines led
//! by `——` are subtitles. When an article has several blocks, the title is
//! the most prominent: the block with the shortest lines (set in the
//! largest type); blocks before it are kickers, blocks after it subtitles.

use rustc_hash::{FxHashMap, FxHashSet as HashSet};

use super::credits;
use super::lines::{
    PairFilter, ends_mid_sentence, ends_sentence, is_letter_or_digit, is_wide, more_chars_than,
};
use super::page::{PageLines, Role};
use crate::edition::Headline;

/// How many articles on each side of a headline block are scored.
const CANDIDATES: usize = 6;

/// Longest headline line on a free page, in chars.
const FREE_HEADLINE_CHARS: usize = 40;

/// Marks headline lines among the body lines of `page` (see module docs).
///
/// A line's verdict can depend on its neighbours' (a headline stack), so
/// the marking runs a few passes; lines are only ever promoted, so it ends.
pub(crate) fn mark(page: &mut PageLines) {
    for _ in 0..3 {
        let mut changed = false;
        for i in 0..page.lines.len() {
            if page.roles[i] == Role::Body && is_headline(page, i) {
                page.roles[i] = Role::Headline;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}

/// Marks inset headlines: a headline set inside a column (beside the
/// article's first column, in large type) comes out in mid-sentence, as in
/// `…与相关机构负责人深` / `全国人大来锡开展科研机构` / `改革发展和立法专题调研` /
/// `入交流，…` (`wuxi-b`, all three extractors).
///
/// Evidence, all required: a run of one to three unpunctuated lines with
/// no comma-like mark, set apart (a blank line or furniture before it),
/// ending short of the column; the text around it reads on across the
/// run — the pair of chars joining the line above to the line below
/// (`深入`) occurs elsewhere on the page — while neither pair joining the
/// run to its neighbours (`深全`, `研入`) does.
pub(crate) fn mark_insets(page: &mut PageLines) {
    let mut body: Vec<usize> = Vec::with_capacity(page.lines.len());
    body.extend((0..page.lines.len()).filter(|&i| page.roles[i] == Role::Body));
    // Runs shaped like an inset, with the char pairs their test needs.
    let mut runs: Vec<(usize, usize, InsetPairs)> = Vec::new();
    for k in 1..body.len() {
        // Every run needs its first line set apart in a column.
        let (prev, first) = (body[k - 1], body[k]);
        let apart = page.lines[first].blank_before || first > prev + 1;
        if !apart || !page.measure_at(first).columnar {
            continue;
        }
        for run in 1..=3 {
            let Some(&after) = body.get(k + run) else {
                break;
            };
            let (prev, first, last) = (body[k - 1], body[k], body[k + run - 1]);
            if let Some(pairs) = inset_shape(page, prev, (first, last), after) {
                runs.push((k, run, pairs));
            }
        }
    }
    if runs.is_empty() {
        return;
    }
    // One pass over the page finds which of those pairs occur in it.
    let wanted: HashSet<(char, char)> = runs.iter().flat_map(|r| r.2).collect();
    let seen = super::blocks::body_pairs(page, &wanted);
    let mut marked_until = 0;
    for (k, run, [joined, before, after]) in runs {
        if k < marked_until {
            continue;
        }
        if seen.contains(&joined) && !seen.contains(&before) && !seen.contains(&after) {
            for &i in &body[k..k + run] {
                page.roles[i] = Role::Headline;
            }
            marked_until = k + run + 1;
        }
    }
}

/// Marks headlines set exactly as wide as the column, which width alone
/// cannot tell from a column line (`wuxi-c`, pdfminer:
/// `韩国吉佳蓝公司在锡落户中国总部项目` between `…保驾护航。` and `备生态、…`).
///
/// Evidence, all required: a line of ideographs alone (no punctuation in a
/// full column line), set apart by a blank line, under a finished
/// sentence; it does not read on into the next line (their joining pair
/// of chars occurs nowhere in the page's body lines); and it repeats the
/// words of the page's body: at least three quarters of its pairs of
/// chars occur in at least one other body line. Its article is elsewhere,
/// so the body around it stays one segment (`Line::aside`).
pub(crate) fn mark_echoes(page: &mut PageLines) {
    let shaped: Vec<(usize, usize)> = (1..page.lines.len())
        .filter_map(|i| echo_shape(page, i).map(|j| (i, j)))
        .collect();
    if shaped.is_empty() {
        return;
    }
    let mut wanted: HashSet<(char, char)> = HashSet::default();
    for &(i, j) in &shaped {
        wanted.extend(bigrams(page.lines[i].text));
        if let (Some(a), Some(b)) = (
            page.lines[i].text.chars().next_back(),
            page.lines[j].text.chars().next(),
        ) {
            wanted.insert((a, b));
        }
    }
    let counts = pair_line_counts(page, &wanted);
    let lines_with = |p: &(char, char)| counts.get(p).copied().unwrap_or(0);
    for (i, j) in shaped {
        let text = &page.lines[i].text;
        let (Some(a), Some(b)) = (text.chars().next_back(), page.lines[j].text.chars().next())
        else {
            continue;
        };
        let pairs: Vec<(char, char)> = bigrams(text).collect();
        let echoed = pairs.iter().filter(|p| lines_with(p) >= 2).count();
        if lines_with(&(a, b)) == 0 && echoed * 4 >= pairs.len() * 3 {
            page.roles[i] = Role::Headline;
            page.lines[i].aside = true;
        }
    }
}

/// When line `i` is shaped like a column-wide headline (see
/// [`mark_echoes`]), the next body line.
fn echo_shape(page: &PageLines, i: usize) -> Option<usize> {
    let line = &page.lines[i];
    let m = page.measure_at(i);
    if page.roles[i] != Role::Body || !line.blank_before || !line.candidate || !m.columnar {
        return None;
    }
    if line.width + 1 < m.full || line.width > m.full + 1 || !ideographs_only(line.text) {
        return None;
    }
    let prev = (0..i).rev().find(|&j| page.roles[j] == Role::Body)?;
    if !page.lines[prev].ends {
        return None;
    }
    let next = page.next_text(i)?;
    (page.roles[next] == Role::Body && !page.lines[next].opens).then_some(next)
}

/// For each pair among `wanted`, how many body lines of the page hold it.
fn pair_line_counts(
    page: &PageLines,
    wanted: &HashSet<(char, char)>,
) -> FxHashMap<(char, char), usize> {
    let mut counts: FxHashMap<(char, char), usize> = FxHashMap::default();
    let mut in_line: HashSet<(char, char)> = HashSet::default();
    for (line, _) in page
        .lines
        .iter()
        .zip(&page.roles)
        .filter(|(_, r)| **r == Role::Body)
    {
        in_line.clear();
        let mut prev: Option<char> = None;
        for c in line.text.chars() {
            if let Some(p) = prev
                && wanted.contains(&(p, c))
            {
                in_line.insert((p, c));
            }
            prev = Some(c);
        }
        for p in &in_line {
            *counts.entry(*p).or_insert(0) += 1;
        }
    }
    counts
}

/// The char pairs an inset test reads: joining the lines around the run,
/// and joining the run to the line above and to the line below.
type InsetPairs = [(char, char); 3];

/// When lines `first..=last` are shaped like an inset headline between
/// body lines `prev` and `after`, the three pairs of chars to test: the
/// one joining `prev` to `after`, and those joining the run to each side.
fn inset_shape(
    page: &PageLines,
    prev: usize,
    (first, last): (usize, usize),
    after: usize,
) -> Option<InsetPairs> {
    let m = page.measure_at(first);
    let lines = &page.lines;
    // Cheap tests first: this runs for every body line.
    let apart = lines[first].blank_before || (prev + 1..first).any(|i| page.roles[i] != Role::Body);
    if !apart || !m.columnar || lines[last].width + 2 > m.full {
        return None;
    }
    let run_ok = (first..=last).all(|i| {
        page.roles[i] == Role::Body
            && lines[i].candidate
            && !lines[i].text.chars().any(super::lines::is_mid_punct)
    });
    if !run_ok {
        return None;
    }
    if lines[prev].ends || lines[after].opens {
        return None;
    }
    let end = |i: usize| lines[i].text.chars().next_back();
    let start = |i: usize| lines[i].text.chars().next();
    let (a, b, c, d) = (end(prev)?, start(first)?, end(last)?, start(after)?);
    [a, b, c, d]
        .iter()
        .all(|&x| is_wide(x))
        .then_some([(a, d), (a, b), (c, d)])
}

/// A line that could be a headline by its own text; `opens` and
/// `subhead` are [`credits::opens_article`] and [`credits::is_subhead`] of
/// `text`, already known to the caller.
pub(crate) fn candidate(text: &str, opens: bool, subhead: bool) -> bool {
    if text.ends_with("——") {
        return true;
    }
    // Cheapest tests first: this runs for every line, in every pass.
    !super::lines::finishes_sentence(text)
        && !ends_mid_sentence(text)
        && more_chars_than(text, 1)
        && !subhead
        && !has_full_stop(text)
        && !credits::ends_with_closing(text)
        && !opens
}

/// True when `text` cannot begin a sentence or a headline: it opens with
/// a closing or comma-like mark, or with one or two chars and then one
/// (`升。新航站楼…`, `华）。…`): the line continues the text above it.
pub(crate) fn starts_as_continuation(text: &str) -> bool {
    text.chars()
        .take(3)
        .position(|c| c != '…' && (super::lines::is_end_punct(c) || super::lines::is_mid_punct(c)))
        .is_some_and(|at| at <= 2)
}

/// True when `text` holds a clause comma or semicolon (`，；` and their
/// small forms): body text runs on with them, headlines seldom do (one
/// line in 345 of the corpus's headlines, `六盘山下，支教老师…`; a deck
/// wider than the column, `分析全市上半年经济形势，研究部署下一阶段工作`,
/// in the sample), so within a column's width such a line is body: the
/// short first line of a paragraph (`近年来，我市围绕氢能`).
fn has_clause_comma(text: &str) -> bool {
    text.contains(['，', '；', '﹐', '﹔'])
}

/// True when `text` holds an ideographic full stop `。` (bytes E3 80 82):
/// a search for its lead byte, rare in Chinese text, beats a char
/// search, which looks for the last byte (0x82), common in CJK UTF-8.
fn has_full_stop(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(0xE3, bytes).any(|i| bytes.get(i + 1..i + 3) == Some(&[0x80, 0x82]))
}

/// How the text line above a line ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Above {
    /// Nothing above, a headline, or a finished sentence or credit.
    Closed,
    /// An unpunctuated line that may itself be the headline line above
    /// this one (a stack): its verdict follows from this line's.
    Candidate,
    /// A body line in mid-sentence.
    Open,
}

fn above(page: &PageLines, i: usize) -> Above {
    let prev = (0..i)
        .rev()
        .find(|&j| matches!(page.roles[j], Role::Body | Role::Headline));
    match prev {
        None => Above::Closed,
        Some(j) if page.roles[j] == Role::Headline => Above::Closed,
        Some(j) => {
            let t = &page.lines[j].text;
            if ends_sentence(t) || credits::ends_with_closing(t) {
                Above::Closed
            } else if page.lines[j].candidate {
                Above::Candidate
            } else {
                Above::Open
            }
        }
    }
}

fn is_headline(page: &PageLines, i: usize) -> bool {
    let line = &page.lines[i];
    if !line.candidate {
        return is_question_headline(page, i);
    }
    // A headline never reads on into the line right after it.
    if page.next_text(i).is_some_and(|j| {
        j == i + 1 && page.roles[j] == Role::Body && starts_as_continuation(page.lines[j].text)
    }) {
        return false;
    }
    let m = page.measure_at(i);
    if !m.columnar {
        return !more_chars_than(line.text, FREE_HEADLINE_CHARS) && above(page, i) == Above::Closed;
    }
    if has_clause_comma(line.text) && line.width <= m.full + 2 {
        return false;
    }
    let above = above(page, i);
    let closed = above != Above::Open;
    // Unless the line above is finished, only a line far wider than the
    // column (an inset headline) is a headline: proportional punctuation
    // can make a body line a character or two wider than its neighbours.
    // A line of ideographs alone has no punctuation to set proportionally:
    // wider than the column at all, it is no column line.
    let slack = if ideographs_only(line.text) {
        0
    } else if above == Above::Closed {
        2
    } else {
        8
    };
    let wide = line.width > m.full + slack;
    if wide {
        return true;
    }
    if !closed {
        return false;
    }
    let Some(j) = page.next_text(i) else {
        // Last text of the page: a headline, unless it is a full column
        // line under an unpunctuated one (a column ending mid-sentence).
        return above == Above::Closed || line.width + 6 <= m.full;
    };
    let next = &page.lines[j];
    if page.roles[j] == Role::Headline || next.opens {
        return true;
    }
    // A caption or credit between: the line does not run on, unless it is
    // a full column line under an unpunctuated one (a column ending above
    // a photo).
    if (i + 1..j).any(|k| !matches!(page.roles[k], Role::Furniture(_))) {
        return !(above == Above::Candidate && line.width + 2 >= m.full);
    }
    // A next line wider than the column cannot continue this one.
    if above == Above::Closed && next.width > m.full + 2 && next.candidate {
        return true;
    }
    // A paragraph's first line is an indent (two characters) short of the
    // column, and a column line is full; a line of ideographs alone (no
    // punctuation to compress, no half-width digit) set one character
    // short is neither. Under a finished line and over a line shaped as a
    // first line (an indent short, running on), it is a headline.
    let next_first = next.width + 4 == m.full && !next.ends;
    if above == Above::Closed
        && next_first
        && line.width + 2 == m.full
        && ideographs_only(line.text)
    {
        return true;
    }
    // A paragraph's first line (an indent short) runs on into a full
    // line; it never follows an unfinished line that is not full itself.
    // So an unpunctuated line short of the column, under a finished one,
    // over a first line running on into a full line, is a headline
    // (`食安中心抽查` / `三款辣椒醬驗出蘇丹紅` / `食物安全中心昨日公布，` / …).
    if above == Above::Closed
        && next_first
        && line.width + 2 < m.full
        && first_runs_on(page, j, m.full)
    {
        return true;
    }
    // Under a finished line, a body line without end punctuation is a
    // paragraph's first line, within about two characters of the column
    // (its indent dropped), running on into a full line. A line more than
    // three characters short cannot run on: it is a headline.
    if next.width + 4 >= m.full {
        return line.width + 6 < m.full;
    }
    let narrow = line.width + 6 <= m.full;
    narrow || next.width > m.full + 2
}

/// True when the line after body line `j` (a paragraph's first line, by
/// its width) is a full column line: `j` runs on into it.
fn first_runs_on(page: &PageLines, j: usize, full: usize) -> bool {
    page.next_text(j)
        .is_some_and(|k| page.roles[k] == Role::Body && page.lines[k].width + 2 >= full)
}

/// True when `text` holds only wide letters (ideographs, kana, hangul):
/// no punctuation, no half-width character.
fn ideographs_only(text: &str) -> bool {
    text.chars().all(|c| is_wide(c) && is_letter_or_digit(c))
}

/// A headline may end in `？` or `！` (`你今天读书了吗？`), as a paragraph
/// may: it counts only standing between finished text and a dateline or
/// another headline line.
fn is_question_headline(page: &PageLines, i: usize) -> bool {
    let text = &page.lines[i].text;
    if !text.ends_with(['？', '！', '?', '!']) || has_full_stop(text) || more_chars_than(text, 30)
    {
        return false;
    }
    if above(page, i) != Above::Closed {
        return false;
    }
    page.next_text(i)
        .is_some_and(|j| page.roles[j] == Role::Headline || page.lines[j].opens)
}

/// A block of consecutive headline lines on a page.
#[derive(Debug, Clone)]
pub(crate) struct Block {
    /// Index of the block's first line on the page.
    pub at: usize,
    /// Its lines, top to bottom.
    pub lines: Vec<String>,
}

/// Groups the headline lines of `page` into blocks: a blank line or any
/// non-headline line ends a block.
pub(crate) fn blocks(page: &PageLines) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut prev_headline = false;
    for (i, line) in page.lines.iter().enumerate() {
        let is_headline = page.roles[i] == Role::Headline;
        if is_headline {
            match out.last_mut() {
                Some(b) if prev_headline && !line.blank_before => {
                    b.lines.push(line.text.to_string())
                }
                _ => out.push(Block {
                    at: i,
                    lines: vec![line.text.to_string()],
                }),
            }
        }
        prev_headline = is_headline;
    }
    out
}

/// Character bigrams of ideographic text. Latin letter pairs are too
/// common to be evidence, so only pairs of wide chars count.
fn bigrams(text: &str) -> impl Iterator<Item = (char, char)> + '_ {
    let mut prev: Option<char> = None;
    text.chars().filter_map(move |c| {
        let out = prev.map(|p| (p, c));
        prev = if is_letter_or_digit(c) { Some(c) } else { None };
        out.filter(|(a, b)| is_wide(*a) && is_wide(*b))
    })
}

/// Where an article's body lies on the page, and its text, for scoring.
pub(crate) struct Target<'a> {
    /// First and last line index of the body on the page.
    pub span: (usize, usize),
    /// The body paragraphs.
    pub paragraphs: &'a [String],
}

/// For each block, the index into `targets` of the article it belongs to
/// (see the module docs), or `None` when the page has no article.
/// `targets` must be in page order.
pub(crate) fn attach(blocks: &[Block], targets: &[Target<'_>]) -> Vec<Option<usize>> {
    if targets.is_empty() {
        return vec![None; blocks.len()];
    }
    let wanted: HashSet<(char, char)> = blocks
        .iter()
        .flat_map(|b| b.lines.iter().flat_map(|l| bigrams(l)))
        .collect();
    let filter = PairFilter::new(&wanted);
    // Each headline bigram gets a number, and each body a bitset of the
    // numbers it contains: linear in the body text, with no set to grow.
    let index: FxHashMap<(char, char), usize> =
        wanted.iter().enumerate().map(|(k, &g)| (g, k)).collect();
    let words = index.len().div_ceil(64);
    // Only bodies that some block compares with another are read.
    let mut compared = vec![false; targets.len()];
    for b in blocks {
        let (lo, hi) = candidate_range(b, targets);
        if hi - lo >= 2 {
            compared[lo..hi].iter_mut().for_each(|c| *c = true);
        }
    }
    let found: Vec<Vec<u64>> = targets
        .iter()
        .zip(&compared)
        .map(|(t, &compared)| {
            let mut bits = vec![0u64; if compared { words } else { 0 }];
            if !compared {
                return bits;
            }
            // Every headline bigram is a pair of wide chars led by a
            // letter or digit, so testing every pair of neighbouring
            // chars against the index finds exactly the body's bigrams.
            for p in t.paragraphs {
                let mut chars = p.chars();
                let Some(mut prev) = chars.next() else {
                    continue;
                };
                for c in chars {
                    if filter.may_hold((prev, c))
                        && let Some(&k) = index.get(&(prev, c))
                    {
                        bits[k >> 6] |= 1 << (k & 63);
                    }
                    prev = c;
                }
            }
            bits
        })
        .collect();
    blocks
        .iter()
        .map(|b| Some(best_target(b, targets, &index, &found)))
        .collect()
}

/// For English OCR pages, where a deck always stands above its article:
/// each block goes to the first article below it, else the last above.
pub(crate) fn attach_below(blocks: &[Block], targets: &[Target<'_>]) -> Vec<Option<usize>> {
    blocks
        .iter()
        .map(|b| {
            let below = targets.partition_point(|t| t.span.0 < b.at);
            if below < targets.len() {
                Some(below)
            } else {
                targets.len().checked_sub(1)
            }
        })
        .collect()
}

/// English decks: the leading ALL-CAPS lines are the title, the lines
/// under them subtitles.
pub(crate) fn parts_english(blocks: &[Vec<String>]) -> Headline {
    let mut headline = Headline::default();
    for line in blocks.iter().flatten() {
        let letters = line.chars().filter(|c| c.is_alphabetic());
        let caps = letters.clone().all(|c| c.is_uppercase());
        if headline.subtitle.is_empty() && (caps || headline.title.is_empty()) {
            headline.title.push(line.clone());
        } else {
            headline.subtitle.push(line.clone());
        }
    }
    headline
}

/// The range of `targets` scored for `block`: `CANDIDATES` on each side.
fn candidate_range(block: &Block, targets: &[Target<'_>]) -> (usize, usize) {
    let pos = targets.partition_point(|t| t.span.0 < block.at);
    let lo = pos.saturating_sub(CANDIDATES);
    let hi = (pos + CANDIDATES).min(targets.len());
    (lo, hi)
}

/// The article a block belongs to: `found[k]` is the bitset of headline
/// bigrams (numbered by `index`) that body `k` contains.
fn best_target(
    block: &Block,
    targets: &[Target<'_>],
    index: &FxHashMap<(char, char), usize>,
    found: &[Vec<u64>],
) -> usize {
    let mut own: Vec<usize> = block
        .lines
        .iter()
        .flat_map(|l| bigrams(l))
        .filter_map(|g| index.get(&g).copied())
        .collect();
    own.sort_unstable();
    own.dedup();
    let pos = targets.partition_point(|t| t.span.0 < block.at);
    let (lo, hi) = candidate_range(block, targets);
    let mut best: Option<(usize, usize, usize)> = None;
    for k in lo..hi {
        let shared = own
            .iter()
            .filter(|&&g| {
                found[k]
                    .get(g >> 6)
                    .is_some_and(|w| (w >> (g & 63)) & 1 == 1)
            })
            .count();
        let (first, last) = targets[k].span;
        // Prefer a body below the headline (the usual place) on equal terms.
        let distance = if first >= block.at {
            2 * (first - block.at)
        } else {
            2 * block.at.saturating_sub(last) + 1
        };
        let better = match best {
            None => true,
            Some((_, s, d)) => shared > s || (shared == s && distance < d),
        };
        if better {
            best = Some((k, shared, distance));
        }
    }
    best.map_or(pos.min(targets.len() - 1), |(k, _, _)| k)
}

/// Splits an article's headline blocks (in page order) into kicker, title
/// and subtitle (see the module docs).
pub(crate) fn parts(blocks: &[Vec<String>]) -> Headline {
    let mut headline = Headline::default();
    let lines: Vec<&String> = blocks.iter().flatten().collect();
    if lines.is_empty() {
        return headline;
    }
    let marked = lines
        .iter()
        .any(|l| l.ends_with("——") || l.starts_with("——"));
    if marked {
        for l in lines {
            if l.ends_with("——") && headline.title.is_empty() {
                headline.kicker.push(l.clone());
            } else if l.starts_with("——") && !headline.title.is_empty() {
                headline.subtitle.push(l.clone());
            } else {
                headline.title.push(l.clone());
            }
        }
        return headline;
    }
    let groups = prominence_groups(blocks);
    let title = (0..groups.len())
        .min_by_key(|&g| (max_width(&groups[g]), g))
        .unwrap_or(0);
    for (g, group) in groups.into_iter().enumerate() {
        let target = match g.cmp(&title) {
            std::cmp::Ordering::Less => &mut headline.kicker,
            std::cmp::Ordering::Equal => &mut headline.title,
            std::cmp::Ordering::Greater => &mut headline.subtitle,
        };
        target.extend(group);
    }
    headline
}

/// Groups headline lines by type size: a block boundary, or a jump in line
/// width within a block (`分析全市…工作` then `坚定信心决心 争取更好结果`).
fn prominence_groups(blocks: &[Vec<String>]) -> Vec<Vec<String>> {
    let mut groups: Vec<Vec<String>> = Vec::new();
    for block in blocks {
        let mut current: Vec<String> = Vec::new();
        for line in block {
            let w = line.chars().count();
            if let Some(prev) = current.last()
                && prev.chars().count() * 4 > w * 5 + 8
                && current.len() >= 2
            {
                groups.push(std::mem::take(&mut current));
            }
            current.push(line.clone());
        }
        if !current.is_empty() {
            groups.push(current);
        }
    }
    if groups.len() > 1 {
        // Lines of one size that were merely broken for the column
        // (`市委外事工作` / `委员会召开会议`) stay one group.
        let widths: Vec<usize> = groups.iter().map(|g| max_width(g)).collect();
        let all_close = widths
            .iter()
            .all(|&w| w * 5 >= widths[0] * 4 && w * 4 <= widths[0] * 5);
        if all_close && groups.len() > 2 {
            return vec![groups.concat()];
        }
    }
    groups
}

fn max_width(lines: &[String]) -> usize {
    lines.iter().map(|l| l.chars().count()).max().unwrap_or(0)
}

/// Scores used by tests: the bigrams of a text.
#[cfg(test)]
pub(crate) fn bigram_count(a: &str, b: &str) -> usize {
    let set: HashSet<(char, char)> = bigrams(b).collect();
    let own: HashSet<(char, char)> = bigrams(a).collect();
    own.iter().filter(|g| set.contains(g)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_headline_may_end_in_the_quotation_it_opens() {
        assert!(!super::super::lines::finishes_sentence(
            "老纺织镇织出“新锦绣”"
        ));
        assert!(!super::super::lines::finishes_sentence("《城市更新条例》"));
        assert!(super::super::lines::finishes_sentence(
            "站节省投资近一半。”"
        ));
        assert!(super::super::lines::finishes_sentence("是发展的基础。"));
        assert!(candidate("老纺织镇织出“新锦绣”", false, false));
    }

    #[test]
    fn a_line_opening_on_a_mark_continues_the_one_above() {
        assert!(starts_as_continuation("升。新航站楼全流程推行"));
        assert!(starts_as_continuation("华）。"));
        assert!(starts_as_continuation("，对"));
        assert!(!starts_as_continuation("本报讯 7月26日，"));
        assert!(!starts_as_continuation("“制储运加用”全链条布局，"));
        assert!(!starts_as_continuation("……"));
    }

    #[test]
    fn clause_commas_mark_body_text() {
        assert!(has_clause_comma("近年来，我市围绕氢能"));
        assert!(!has_clause_comma("坚定信心决心 争取更好结果"));
    }

    #[test]
    fn shared_bigrams_count_content_overlap() {
        assert_eq!(bigram_count("吉佳蓝公司", "韩国吉佳蓝公司与我市"), 4);
        assert_eq!(bigram_count("吉佳蓝", "市委常委会"), 0);
    }

    #[test]
    fn shorter_lines_block_is_the_title() {
        let blocks = vec![
            vec![
                "市委常委会会议暨市委财经委员会会议召开".to_owned(),
                "分析全市上半年经济形势，研究部署下一阶段工作".to_owned(),
            ],
            vec![
                "坚定信心决心 争取更好结果".to_owned(),
                "为全省发展大局作出应有贡献".to_owned(),
            ],
        ];
        let h = parts(&blocks);
        assert_eq!(h.kicker.len(), 2);
        assert_eq!(h.title, blocks[1]);
    }

    #[test]
    fn dash_marks_kicker_and_subtitle() {
        let blocks = vec![vec![
            "引题——".to_owned(),
            "主题".to_owned(),
            "——副题".to_owned(),
        ]];
        let h = parts(&blocks);
        assert_eq!(h.kicker, vec!["引题——"]);
        assert_eq!(h.title, vec!["主题"]);
        assert_eq!(h.subtitle, vec!["——副题"]);
    }
}
