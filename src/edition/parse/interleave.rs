//! Interleaved columns: two neighbouring columns an extractor merged into
//! one block, alternating their lines (pdfminer, `wuxi-d` page 2:
//! `和中国式现代化建设的战略` / `进技术研究院和华进半导体` / `高度出发，…`).
//!
//! Evidence, as a reader sees it: across such a block, consecutive lines
//! do not join — the pair of letters meeting at the line break (`略进`)
//! occurs nowhere else in the page's body — while lines two apart do
//! (`略高`, as in `战略高度`). A block of at least [`MIN_LINES`] lines is
//! split into two streams (even and odd lines) when at least
//! [`MIN_EVIDENCE`] two-apart joins are seen and more than twice as many as
//! consecutive joins. The shorter column ends at its first line that ends
//! a sentence short of the measure; the lines after it belong to the other
//! column. Each stream is then put after the earlier block, elsewhere on
//! the page, that stops in mid-sentence and joins it by a seen pair
//! (`先` + `进` gives `先进`); a stream with no such block stays in place.

use rustc_hash::FxHashSet;

use super::blocks::{body_blocks, body_pairs};
use super::lines::{Line, is_letter};
use super::page::PageLines;

/// The fewest lines a merged block has: four from each column.
const MIN_LINES: usize = 8;
/// The fewest two-apart joins seen before a block is split.
const MIN_EVIDENCE: usize = 4;
/// How many blocks after a merged block are searched for the head of a
/// column whose join is not seen elsewhere: its two column heads.
const ELIMINATION_REACH: usize = 2;

/// The letter pair joining line `a` to line `b` of `page`, when both chars
/// at the join are letters (a join after punctuation is no evidence).
fn join(page: &PageLines, a: usize, b: usize) -> Option<(char, char)> {
    let x = page.lines[a].text.chars().next_back()?;
    let y = page.lines[b].text.chars().next()?;
    (is_letter(x) && is_letter(y)).then_some((x, y))
}

/// Where the alternation of a candidate block `(start, end)` (inclusive
/// page line indices) stops: its first line ending a short sentence, or
/// its end. `None` when the block is too short or not set in columns.
fn alternation_stop(page: &PageLines, (start, end): (usize, usize)) -> Option<usize> {
    let m = page.measure_at(start);
    if end + 1 - start < MIN_LINES || !m.columnar {
        return None;
    }
    let stop = (start..=end)
        .find(|&i| page.lines[i].ends && page.lines[i].width + 3 <= m.full)
        .unwrap_or(end);
    (stop + 1 - start >= MIN_LINES).then_some(stop)
}

/// A block that may hold two interleaved columns: its first and last
/// page line, where its alternation stops, and its [`joins`].
type Candidate = ((usize, usize), usize, [Vec<(char, char)>; 2]);

/// The joins of lines `start..=stop` one apart and two apart.
fn joins(page: &PageLines, start: usize, stop: usize) -> [Vec<(char, char)>; 2] {
    [1, 2].map(|gap| {
        let lines = start..(stop + 1).saturating_sub(gap);
        let mut out = Vec::with_capacity(lines.len());
        out.extend(lines.filter_map(|i| join(page, i, i + gap)));
        out
    })
}

/// The two streams of an interleaved block `(start, end)` whose
/// alternation stops at `stop`, when its `joins` (see [`joins`]) `seen`
/// in the page's body say it is one: even lines first.
fn split(
    (start, end): (usize, usize),
    stop: usize,
    joins: &[Vec<(char, char)>; 2],
    seen: &FxHashSet<(char, char)>,
) -> Option<(Vec<usize>, Vec<usize>)> {
    let [one_seen, two_seen] =
        [&joins[0], &joins[1]].map(|j| j.iter().filter(|p| seen.contains(p)).count());
    if two_seen < MIN_EVIDENCE || two_seen <= 2 * one_seen {
        return None;
    }
    let (mut even, mut odd): (Vec<usize>, Vec<usize>) =
        (start..=stop).partition(|i| (i - start).is_multiple_of(2));
    let rest = stop + 1..=end;
    if (stop - start).is_multiple_of(2) {
        odd.extend(rest);
    } else {
        even.extend(rest);
    }
    Some((even, odd))
}

/// Splits the first interleaved block of `page` (see the module docs) into
/// its two columns and puts each in reading order. Lines keep their roles
/// and measures; only their order and `blank_before` change.
pub(crate) fn restore_interleaved_columns(page: &mut PageLines) {
    if page.english {
        return;
    }
    let blocks = body_blocks(page);
    let Some((merged, streams)) = find_interleaved(page, &blocks) else {
        return;
    };
    let placed = place_streams(page, &blocks, merged, streams);
    let order = reading_order(page, merged, &placed);
    apply_order(page, &order);
}

/// A block that holds two interleaved columns: its first and last page
/// line, and its two streams of page line indices (even lines first).
type Interleaved = ((usize, usize), [Vec<usize>; 2]);

/// A column stream (page line indices, in order) and the page line it
/// goes after, its host: `None` when it stays in the merged block's place.
type Placed = (Option<usize>, Vec<usize>);

/// The first of the body `blocks` of `page` whose lines alternate between
/// two columns ([`split`]), with its two streams, by the joins of all the
/// candidate blocks seen in the page's body (counted in one pass over
/// it: linear).
fn find_interleaved(page: &PageLines, blocks: &[(usize, usize)]) -> Option<Interleaved> {
    let candidates: Vec<Candidate> = blocks
        .iter()
        .filter_map(|&b| alternation_stop(page, b).map(|stop| (b, stop, joins(page, b.0, stop))))
        .collect();
    let count = candidates.iter().map(|c| c.2[0].len() + c.2[1].len()).sum();
    let mut wanted: FxHashSet<(char, char)> =
        FxHashSet::with_capacity_and_hasher(count, Default::default());
    wanted.extend(
        candidates
            .iter()
            .flat_map(|c| c.2.iter().flatten().copied()),
    );
    let seen = body_pairs(page, &wanted);
    candidates.iter().find_map(|(b, stop, joins)| {
        split(*b, *stop, joins, &seen).map(|(even, odd)| (*b, [even, odd]))
    })
}

/// Finds each of the two `streams` of the `merged` block its host (see
/// [`seen_hosts`]); when only one finds one, the other goes after the
/// nearest later block that stops in mid-word ([`spare_host`]).
fn place_streams(
    page: &PageLines,
    blocks: &[(usize, usize)],
    merged: (usize, usize),
    streams: [Vec<usize>; 2],
) -> [Placed; 2] {
    let [even, odd] = streams;
    let [even_host, odd_host] = seen_hosts(page, blocks, merged, [even[0], odd[0]]);
    let mut placed = [(even_host, even), (odd_host, odd)];
    let taken = match (placed[0].0, placed[1].0) {
        (Some(h), None) | (None, Some(h)) => Some(h),
        _ => None,
    };
    if let Some(taken) = taken {
        let spare = spare_host(page, blocks, merged, taken);
        for p in &mut placed {
            if p.0.is_none() {
                p.0 = spare;
            }
        }
    }
    placed
}

/// For each of the streams' first lines `firsts` (page line indices), its
/// host: the last line of the first of the body `blocks`, other than the
/// `merged` one, that stops in mid-sentence and joins it by a pair seen in
/// the page's body. `None` when no block does.
fn seen_hosts(
    page: &PageLines,
    blocks: &[(usize, usize)],
    merged: (usize, usize),
    firsts: [usize; 2],
) -> [Option<usize>; 2] {
    let open = |b: &&(usize, usize)| **b != merged && !page.lines[b.1].ends;
    let hosts: Vec<(usize, (char, char))> = blocks
        .iter()
        .filter(open)
        .flat_map(|b| [(b.1, firsts[0]), (b.1, firsts[1])])
        .filter_map(|(h, f)| join(page, h, f).map(|p| (h, p)))
        .collect();
    let wanted: FxHashSet<(char, char)> = hosts.iter().map(|h| h.1).collect();
    let seen = body_pairs(page, &wanted);
    firsts.map(|first| {
        blocks
            .iter()
            .filter(open)
            .map(|b| b.1)
            .find(|&h| join(page, h, first).is_some_and(|p| seen.contains(&p)))
    })
}

/// The host of a stream whose join is seen nowhere, when the other
/// stream's host is `taken`: the last line of the nearest of the
/// [`ELIMINATION_REACH`] blocks after the `merged` one that stops in
/// mid-word (on a letter), other than `taken`.
fn spare_host(
    page: &PageLines,
    blocks: &[(usize, usize)],
    merged: (usize, usize),
    taken: usize,
) -> Option<usize> {
    blocks
        .iter()
        .filter(|b| b.0 > merged.1)
        .take(ELIMINATION_REACH)
        .map(|b| b.1)
        .find(|&h| {
            h != taken
                && page.lines[h]
                    .text
                    .chars()
                    .next_back()
                    .is_some_and(is_letter)
        })
}

/// The new order of the page lines, each with its new `blank_before`:
/// the lines of the `merged` block leave its place; each `placed` stream
/// follows its host with no blank between, and a stream with no host
/// stands at the merged block's place, after a blank line.
fn reading_order(
    page: &PageLines,
    merged: (usize, usize),
    placed: &[Placed; 2],
) -> Vec<(usize, bool)> {
    let mut order: Vec<(usize, bool)> = Vec::with_capacity(page.lines.len());
    for i in 0..page.lines.len() {
        if i == merged.0 {
            for (_, stream) in placed.iter().filter(|(h, _)| h.is_none()) {
                order.extend(stream.iter().enumerate().map(|(k, &l)| (l, k == 0)));
            }
        }
        if (merged.0..=merged.1).contains(&i) {
            continue;
        }
        order.push((i, page.lines[i].blank_before));
        for (_, stream) in placed.iter().filter(|(h, _)| *h == Some(i)) {
            order.extend(stream.iter().map(|&l| (l, false)));
        }
    }
    order
}

/// Puts the lines of `page`, with their roles and measures, in `order`
/// (old page line index, new `blank_before`).
fn apply_order(page: &mut PageLines, order: &[(usize, bool)]) {
    let lines: Vec<_> = order
        .iter()
        .map(|&(i, blank)| Line {
            blank_before: blank,
            ..page.lines[i].clone()
        })
        .collect();
    page.roles = order.iter().map(|&(i, _)| page.roles[i]).collect();
    page.measures = order.iter().map(|&(i, _)| page.measures[i]).collect();
    page.lines = lines;
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::edition::parse::lines::despace_page;

    /// The page's line texts, in order.
    fn texts<'a>(page: &'a PageLines<'_>) -> Vec<&'a str> {
        page.lines.iter().map(|l| l.text).collect()
    }

    #[test]
    fn alternating_columns_are_split_and_follow_their_heads() {
        // Two columns merged line by line: A (甲…) and B (一…). The pairs
        // joining lines two apart (己庚, 六七, 丑寅, 千万) occur in the
        // first block; consecutive ones (己一, 六庚, …) nowhere. Column A's
        // head ends `人`, and `人甲` occurs too; column B's head is the
        // other block after the merged one.
        let text = "己庚六七丑寅\n千万未申秭春\n今人甲乙好。\n\n\
                    甲乙丙丁戊己\n一二三四五六\n庚辛壬癸子丑\n七八九十百千\n\
                    寅卯辰巳午未\n万亿兆京垓秭\n申酉戌亥天地\n春夏秋冬东西\n\
                    日月星。\n南北左右上下\n前后。\n\n\
                    大小多少古今\n长短高低来人\n\n\
                    方圆曲直明暗\n冷热远近去零\n";
        let despaced = despace_page(text);
        let mut page = PageLines::new(text, &despaced, false, None);
        restore_interleaved_columns(&mut page);
        let want = [
            "己庚六七丑寅",
            "千万未申秭春",
            "今人甲乙好。",
            "大小多少古今",
            "长短高低来人",
            "甲乙丙丁戊己",
            "庚辛壬癸子丑",
            "寅卯辰巳午未",
            "申酉戌亥天地",
            "日月星。",
            "方圆曲直明暗",
            "冷热远近去零",
            "一二三四五六",
            "七八九十百千",
            "万亿兆京垓秭",
            "春夏秋冬东西",
            "南北左右上下",
            "前后。",
        ];
        assert_eq!(texts(&page), want);
        // Each column reads on from its head with no blank between.
        assert!(!page.lines[5].blank_before);
        assert!(!page.lines[12].blank_before);
    }

    #[test]
    fn block_whose_consecutive_lines_join_is_left_alone() {
        // Same lines, but the consecutive joins are the ones seen.
        let text = "己一六庚丑七\n千寅未万秭申\n好的。\n\n\
                    甲乙丙丁戊己\n一二三四五六\n庚辛壬癸子丑\n七八九十百千\n\
                    寅卯辰巳午未\n万亿兆京垓秭\n申酉戌亥天地\n春夏秋冬东西\n\
                    日月星。\n";
        let despaced = despace_page(text);
        let mut page = PageLines::new(text, &despaced, false, None);
        let before: Vec<String> = texts(&page).iter().map(|t| (*t).to_owned()).collect();
        restore_interleaved_columns(&mut page);
        assert_eq!(texts(&page), before);
    }
}
