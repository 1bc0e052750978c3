//! Body text: rejoining column lines into paragraphs and paragraphs into
//! article segments.
//!
//! **Paragraph ends.** Blank lines are no evidence: extractors put them at
//! column breaks in mid-sentence (`省委书` / blank / `记信长星`) and leave them
//! out between paragraphs (pdftotext). A paragraph ends after a line that
//! ends a sentence (`。！？…”」）`; a closing quote only when it closes a
//! sentence, not a quoted term opened on the line: `…以“养老公寓”` /
//! `为名的…` runs on) and either
//! - is short: at least 1.5 characters narrower than the local column
//!   measure, as a paragraph's last line usually is — a paragraph's first
//!   line counts with the two-character indent the extractor dropped, so
//!   that a one-sentence opening that fills the column
//!   (`数据印证了转型的成效。` / `今年1至9月，…`) runs on; or
//! - is followed by a short line that runs on into a longer one, or by a
//!   line exactly an indent short (two characters, give or take a digit)
//!   that does not end its sentence: the next paragraph's first line,
//!   whose two-character indent was dropped; or
//! - is followed by an indented line (U+3000 or spaces) — and on a page
//!   that indents first lines, indentation alone decides; or
//! - is or precedes a run-in subhead (`一、…`, `■ …`), always a paragraph
//!   of its own; or
//! - sits on a free page (one paragraph per line), where every line that
//!   ends a sentence ends its paragraph.
//!
//! An article's opening line ending in its dateline's reporter credit
//! (`本报讯 11月4日，（记者钱佳怡）`) ends no paragraph.
//!
//! On English OCR pages, a line that ends a sentence and is under 80 % of
//! the page's median line ends its paragraph (see [`super::english`]).
//!
//! **Late columns.** [`restore_late_column`] puts back a column an
//! extractor read out of order at the end of a page, and
//! [`restore_early_line`] a paragraph's last line read too early.
//!
//! **Article starts.** A body line starts a new article segment when it
//! opens with a dateline (`本报讯`, `新华社…电`), when the previous paragraph
//! closed with a byline (`（高美梅）`), or when a headline or own-line credit
//! stands between it and a finished paragraph — but not a column-wide
//! headline of another article set among the column's lines
//! (`headline::mark_echoes`).

use super::credits;
use super::english;
use super::furniture::Jump;
use rustc_hash::FxHashSet;

use super::lines::{
    Line, PairCounter, ends_mid_sentence, ends_sentence, finishes_sentence, is_letter, join_into,
};
use super::page::{PageLines, Role};

/// A run of one article's body on one page.
#[derive(Debug, Clone, Default)]
pub(crate) struct Segment {
    /// Page line index of the first and last body line.
    pub span: (usize, usize),
    /// Paragraphs, lines rejoined.
    pub paragraphs: Vec<String>,
    /// True while the last paragraph has not ended (no end punctuation).
    pub open: bool,
    /// True when the last paragraph closed with a byline.
    pub closed: bool,
    /// True when the segment began right after `（上接第N版）`.
    pub continued: bool,
    /// True when the segment was followed by `（下转第N版）`.
    pub continues: bool,
    /// An own-line credit (`本报记者 张三`) printed before the body.
    pub credit: Option<String>,
    /// True when the segment starts with a dateline.
    pub dated: bool,
    /// Chars dropped while joining lines (undone end-of-line hyphens).
    pub dropped: usize,
}

/// Cuts the body lines of `page` into segments (see the module docs).
pub(crate) fn segments(page: &PageLines) -> Vec<Segment> {
    let mut cut = SegmentCutter::default();
    for i in 0..page.lines.len() {
        match page.roles[i] {
            Role::Headline => cut.headline_since |= !page.lines[i].aside,
            Role::Credit => cut.credit_line(page.lines[i].text),
            Role::Jump(Jump::From) => cut.jump_from = true,
            Role::Jump(Jump::To) => {
                if let Some(s) = cut.cur.as_mut() {
                    s.continues = true;
                }
            }
            Role::Body => cut.body_line(page, i),
            Role::Furniture(_) | Role::Caption => {}
        }
    }
    cut.finish(page)
}

/// The state of [`segments`] as it reads a page's lines in order.
#[derive(Debug, Default)]
struct SegmentCutter {
    /// The segments read to their end.
    out: Vec<Segment>,
    /// The segment being read.
    cur: Option<Segment>,
    /// The page line index of the last body line read.
    prev_body: Option<usize>,
    /// True when a headline line (not an aside) or an own-line credit
    /// stands between the last body line and the next.
    headline_since: bool,
    /// The own-line credits read since the last body line, joined by a
    /// space: the next segment's credit.
    credit: Option<String>,
    /// True when a `（上接第N版）` jump line stands between the last body
    /// line and the next: the next segment continues another page's.
    jump_from: bool,
    /// The paragraph being read.
    pending: Pending,
}

impl SegmentCutter {
    /// Reads an own-line credit line (`本报记者 张三`), of text `text`: it
    /// goes to the next segment, and stands between articles as a
    /// headline does.
    fn credit_line(&mut self, text: &str) {
        self.credit = Some(match self.credit.take() {
            Some(c) => format!("{c} {text}"),
            None => text.to_string(),
        });
        self.headline_since = true;
    }

    /// Reads body line `i` of `page`: it opens a new segment (an article
    /// start, or after a jump line), or a new paragraph of the segment
    /// being read ([`breaks_paragraph`]), or runs on in the paragraph.
    fn body_line(&mut self, page: &PageLines, i: usize) {
        let start = self.starts_segment(page, i);
        if start || self.jump_from {
            self.open_segment(page, i);
        } else if let (Some(s), Some(p)) = (self.cur.as_mut(), self.prev_body) {
            // The line before opened the paragraph being read.
            let first = self.pending.fresh && self.pending.lines.len() == 1;
            if breaks_paragraph(page, p, i, first) {
                self.pending.start(page, s, i);
            } else {
                self.pending.lines.push(i);
            }
        }
        self.end_segment_at(page, i);
        self.prev_body = Some(i);
        self.headline_since = false;
        self.jump_from = false;
    }

    /// True when body line `i` of `page` starts a new segment: it is the
    /// first body line, or on an English page follows a headline, or else
    /// starts an article ([`starts_article`]).
    fn starts_segment(&self, page: &PageLines, i: usize) -> bool {
        match (&self.cur, self.prev_body) {
            (None, _) | (_, None) => true,
            (Some(_), Some(_)) if page.english => self.headline_since,
            (Some(s), Some(p)) => {
                starts_article(s, &page.lines[p], &page.lines[i], self.headline_since)
            }
        }
    }

    /// Ends the segment being read (if any) and opens one at body line
    /// `i` of `page`, with the credit and jump read before it.
    fn open_segment(&mut self, page: &PageLines, i: usize) {
        if let Some(mut s) = self.cur.take() {
            self.pending.flush(page, &mut s);
            self.out.push(s);
        }
        let mut s = Segment {
            span: (i, i),
            continued: self.jump_from,
            credit: self.credit.take(),
            dated: page.lines[i].opens,
            ..Segment::default()
        };
        self.pending.start(page, &mut s, i);
        self.cur = Some(s);
    }

    /// Makes body line `i` of `page` the last line of the segment being
    /// read: whether its last paragraph is open, and whether a byline
    /// closed it.
    fn end_segment_at(&mut self, page: &PageLines, i: usize) {
        let line = &page.lines[i];
        if let Some(s) = self.cur.as_mut() {
            s.span.1 = i;
            s.open = !line.ends;
            // A wrapped byline (`…实处。（惠晓` / `婧）`) closes the
            // paragraph it completes.
            s.closed = line.text.ends_with(['）', ')']) && {
                self.pending.flush(page, s);
                s.paragraphs
                    .last()
                    .is_some_and(|p| credits::ends_with_closing(p))
            };
        }
    }

    /// Ends the page: joins the paragraph being read, and gives a credit
    /// line with no body after it to the last segment as its byline (or
    /// keeps it alone). Returns the page's segments, in page order.
    fn finish(self, page: &PageLines) -> Vec<Segment> {
        let SegmentCutter {
            mut out,
            mut cur,
            credit,
            mut pending,
            ..
        } = self;
        if let Some(c) = credit {
            match cur.as_mut().or(out.last_mut()) {
                Some(s) if s.credit.is_none() => s.credit = Some(c),
                _ => out.push(Segment {
                    credit: Some(c),
                    ..Segment::default()
                }),
            }
        }
        if let Some(mut s) = cur {
            pending.flush(page, &mut s);
            out.push(s);
        }
        out
    }
}

/// The body lines of the paragraph being read, joined only when it ends
/// or its text is needed: each paragraph is then built once, at its size.
#[derive(Debug, Default)]
struct Pending {
    /// Page line indices not yet joined into the paragraph.
    lines: Vec<usize>,
    /// True when the lines open a paragraph not yet in the segment.
    fresh: bool,
}

impl Pending {
    /// Ends the paragraph being read and opens one at body line `i`.
    fn start(&mut self, page: &PageLines, s: &mut Segment, i: usize) {
        self.flush(page, s);
        self.lines.push(i);
        self.fresh = true;
    }

    /// Joins the pending lines into the segment's last paragraph (a new
    /// one when they open it), as [`join_into`] (or, on English pages,
    /// [`english::join_line`]) joins them one by one.
    fn flush(&mut self, page: &PageLines, s: &mut Segment) {
        if self.lines.is_empty() {
            return;
        }
        // At most one space between lines.
        let size: usize = self
            .lines
            .iter()
            .map(|&j| page.lines[j].text.len() + 1)
            .sum();
        if std::mem::take(&mut self.fresh) {
            s.paragraphs.push(String::with_capacity(size));
        }
        if let Some(last) = s.paragraphs.last_mut() {
            // Amortised growth: a paragraph joined in many flushes stays linear.
            last.reserve(size);
            for &j in &self.lines {
                let text = &page.lines[j].text;
                if page.english {
                    s.dropped += english::join_line(last, text);
                } else {
                    join_into(last, text);
                }
            }
        }
        self.lines.clear();
    }
}

fn starts_article(cur: &Segment, prev: &Line, line: &Line, headline_since: bool) -> bool {
    if line.opens || cur.closed {
        return true;
    }
    headline_since && prev.ends
}

/// How many half-units a paragraph's first line gives to its indent (two
/// ideographs), which extractors drop.
const INDENT: usize = 4;

/// True when a paragraph ends between body lines `p` and `i` (see the
/// module docs); `first`: line `p` opened its paragraph, so its dropped
/// indent counts in its width.
fn breaks_paragraph(page: &PageLines, p: usize, i: usize, first: bool) -> bool {
    let prev = &page.lines[p];
    let line = &page.lines[i];
    if line.subhead || prev.subhead {
        return true;
    }
    if page.indented {
        return line.indent;
    }
    if page.english {
        return prev.ends && prev.width * 5 < page.median_width * 4;
    }
    // A quotation closed at the line end (`…以“养老公寓”` / `为名的…`) ends
    // no sentence unless a sentence ends inside it.
    if !prev.ends || !finishes_sentence(prev.text) || dateline_credit(prev) {
        return false;
    }
    if line.indent {
        return true;
    }
    let m = page.measure_at(p);
    if !m.columnar {
        return true;
    }
    // A first line whose indent was dropped fills the column with it.
    let prev_width = prev.width + if first && !prev.indent { INDENT } else { 0 };
    if prev_width + 3 <= m.full && !super::lines::pushed_down(prev_width, line.text, m.full) {
        return true;
    }
    let next_width = (i + 1..page.lines.len())
        .find(|&j| page.roles[j] == Role::Body)
        .map(|j| page.lines[j].width);
    if line.width + 4 > m.full {
        return false;
    }
    // A short line that runs on into a longer one, or one exactly an
    // indent short that does not end its sentence: only a paragraph's last
    // line is short inside a paragraph, and a last line ends its sentence,
    // so this is a first line (a two-line paragraph's second line is
    // short too).
    let indent_short = line.width + 5 >= m.full && !line.ends;
    let held_back =
        next_body(page, i).is_some_and(|j| held_back(line.width, page.lines[j].text, m.full));
    next_width.is_some_and(|w| w >= line.width + 2 || indent_short) && !held_back
}

/// The next body line after line `i`, if any.
fn next_body(page: &PageLines, i: usize) -> Option<usize> {
    (i + 1..page.lines.len()).find(|&j| page.roles[j] == Role::Body)
}

/// True when a line `width` half-units wide in a column `full` wide ends
/// short because the next line opens with a character that the marks
/// after it may not be parted from (kinsoku, W3C clreq §3.1.7: a closing
/// mark never starts a line), and they did not fit (`晚上在河边听一段《白蛇`
/// / `传》，感觉…`): its shortness is no sign of a paragraph's first line.
fn held_back(width: usize, next: &str, full: usize) -> bool {
    let mut chars = next.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let marks = chars
        .take_while(|&c| super::lines::is_end_punct(c) || super::lines::is_mid_punct(c))
        .count();
    marks > 0 && super::lines::is_wide(first) && width + 2 + marks * 2 > full
}

/// True for an article's opening line that ends in its dateline's
/// reporter credit (`本报讯 11月4日，（记者钱佳怡）`): the first sentence
/// follows on the next line, in the same paragraph.
fn dateline_credit(line: &Line) -> bool {
    line.opens
        && line.text.ends_with('）')
        && line
            .text
            .rsplit_once('（')
            .is_some_and(|(_, credit)| credit.starts_with("记者") || credit.starts_with("記者"))
}

/// Puts back a column that an extractor read out of order at the end of a
/// page (pdfminer, `wuxi-b` page 3): the page's last block of body lines
/// stops in mid-sentence, and an earlier block starts in mid-sentence — a
/// full column line right after a finished paragraph. When the two ends
/// join into a pair of chars the page uses elsewhere (`…深化科` + `研机构…`
/// gives `科研`), the last block is moved before the earlier one.
pub(crate) fn restore_late_column(page: &mut PageLines) {
    if page.english {
        return;
    }
    let blocks = body_blocks(page);
    let Some(&(late_start, late_end)) = blocks.last() else {
        return;
    };
    let lines = &page.lines;
    let m = page.measure_at(late_end);
    if blocks.len() < 3 || !m.columnar || lines[late_end].ends || lines[late_start].opens {
        return;
    }
    let Some(tail_char) = lines[late_end].text.chars().next_back() else {
        return;
    };
    let orphan = blocks[1..blocks.len() - 1]
        .iter()
        .zip(&blocks)
        .rev()
        .find(|((start, _), (_, prev_end))| {
            let (first, prev) = (&lines[*start], &lines[*prev_end]);
            first.width + 2 >= m.full
                && !first.indent
                && !first.opens
                && !first.subhead
                && prev.ends
                && prev.width + 3 <= m.full
        })
        .map(|((start, _), _)| *start);
    let Some(orphan_start) = orphan else {
        return;
    };
    let Some(head_char) = lines[orphan_start].text.chars().next() else {
        return;
    };
    let pair_used = lines.iter().zip(&page.roles).any(|(l, r)| {
        *r == Role::Body
            && l.text
                .chars()
                .zip(l.text.chars().skip(1))
                .any(|p| p == (tail_char, head_char))
    });
    if pair_used {
        move_lines(page, (late_start, late_end), orphan_start);
    }
}

/// A line that may have been read early: its page line index, the pair of
/// chars joining it to the block before, and each later place it may
/// belong (the last line of a block stopping in mid-sentence) with the
/// pair joining it there.
type EarlyLine = (usize, (char, char), Vec<(usize, (char, char))>);

/// How many later blocks are searched for the place of an early line.
const EARLY_REACH: usize = 12;

/// Puts back a paragraph's last line that an extractor read early
/// (pdfminer, `wuxi-c`: `…最具完` / blank / `佳蓝在锡发展保驾护航。` / blank /
/// … / `…为吉` / blank): a one-line block that ends its sentence, short of
/// the column, starting in mid-word after a block that stopped in
/// mid-sentence. When the pair of chars joining it to that block (`完佳`)
/// occurs nowhere in the page's body lines, while the pair joining it to a
/// later block that also stops in mid-sentence (`吉佳`) does, and so does
/// one of the triples around that join (`吉佳蓝`: [`join_triples`]), the
/// line is moved to the end of that later block.
pub(crate) fn restore_early_line(page: &mut PageLines) {
    if page.english {
        return;
    }
    let wanted = early_lines(page);
    if wanted.is_empty() {
        return;
    }
    let all: FxHashSet<(char, char)> = wanted
        .iter()
        .flat_map(|(_, b, ps)| std::iter::once(*b).chain(ps.iter().map(|p| p.1)))
        .collect();
    let seen = body_pairs(page, &all);
    // The triples around each join whose pair was seen (see `join_triples`),
    // looked up in one pass over the body.
    let asked: FxHashSet<Triple> = wanted
        .iter()
        .filter(|(_, before, _)| !seen.contains(before))
        .flat_map(|(line, _, places)| {
            places
                .iter()
                .filter(|(_, p)| seen.contains(p))
                .flat_map(|&(end, _)| join_triples(page, end, *line))
        })
        .collect();
    let found = body_triples(page, &asked);
    // Moves run from the page's end, so earlier indices stay valid.
    for (line, before, places) in wanted.into_iter().rev() {
        if seen.contains(&before) {
            continue;
        }
        let crosses = |end: usize| join_triples(page, end, line).any(|t| found.contains(&t));
        let place = places
            .iter()
            .find(|(end, p)| seen.contains(p) && crosses(*end));
        if let Some(&(end, _)) = place {
            move_lines(page, (line + 1, end), line);
        }
    }
}

/// Three chars in a row.
type Triple = [char; 3];

/// The triples of chars around the join of line `a` to line `b` (`为吉佳`,
/// `吉佳蓝`): an early line moves to a later place only when a word of the
/// page's body lines crosses that join, as one of these occurs in a body
/// line. A pair alone is common by chance at a word's edge (`…这里安` /
/// `排列整齐。`: `安排`; `…每亩收入比` / `种棉花…`).
fn join_triples(page: &PageLines, a: usize, b: usize) -> impl Iterator<Item = Triple> {
    let mut back = page.lines[a].text.chars().rev();
    let (x, x0) = (back.next(), back.next());
    let mut fwd = page.lines[b].text.chars();
    let (y, y1) = (fwd.next(), fwd.next());
    let before = x0.zip(x).zip(y).map(|((w, x), y)| [w, x, y]);
    let after = x.zip(y).zip(y1).map(|((x, y), z)| [x, y, z]);
    before.into_iter().chain(after)
}

/// The triples among `wanted` that occur inside some body line of `page`:
/// one pass over the body text, none when `wanted` is empty.
fn body_triples(page: &PageLines, wanted: &FxHashSet<Triple>) -> FxHashSet<Triple> {
    let mut found = FxHashSet::default();
    if wanted.is_empty() {
        return found;
    }
    for line in page.body_lines() {
        let mut chars = line.text.chars();
        let (mut a, mut b) = (chars.next(), chars.next());
        for c in chars {
            if let (Some(x), Some(y)) = (a, b)
                && wanted.contains(&[x, y, c])
            {
                found.insert([x, y, c]);
            }
            (a, b) = (b, Some(c));
        }
    }
    found
}

/// The lines of `page` that may have been read early ([`read_early`]),
/// in page order, each with the pair joining it to the block before and
/// its possible places among the next [`EARLY_REACH`] blocks.
fn early_lines(page: &PageLines) -> Vec<EarlyLine> {
    let blocks = body_blocks(page);
    let mut wanted: Vec<EarlyLine> = Vec::new();
    for k in (1..blocks.len()).filter(|&k| read_early(page, &blocks, k)) {
        let line = blocks[k].0;
        let Some(before) = join_pair(page, blocks[k - 1].1, line) else {
            continue;
        };
        let places = blocks[k + 1..]
            .iter()
            .take(EARLY_REACH)
            .filter(|b| stops_unpunctuated(page.lines[b.1].text))
            .filter_map(|b| join_pair(page, b.1, line).map(|p| (b.1, p)))
            .collect();
        wanted.push((line, before, places));
    }
    wanted
}

/// True when line text `t` stops in mid-sentence with no mark at its end
/// (no end punctuation, comma-like or opening mark) and no closing credit.
fn stops_unpunctuated(t: &str) -> bool {
    !ends_sentence(t) && !ends_mid_sentence(t) && !credits::ends_with_closing(t)
}

/// True when block `k` of the body `blocks` of `page` may be a
/// paragraph's last line read early: a single line that ends its
/// sentence, at least 3 half-units (1.5 characters) short of the column,
/// opening on a letter (no dateline, no indent), after a block that stops
/// in mid-sentence ([`stops_unpunctuated`]) and is not a paragraph's first
/// line alone (an indent short of the column, give or take a half-unit:
/// the two lines are then a paragraph).
fn read_early(page: &PageLines, blocks: &[(usize, usize)], k: usize) -> bool {
    let lines = &page.lines;
    let (s, e) = blocks[k];
    let m = page.measure_at(s);
    // A paragraph's first line alone (an indent short) over a last line is
    // a paragraph of two lines, not a line read early (`镇中心小学的操场上，
    // 蓝色帐篷` / `排列整齐。`).
    let first_alone = k > 0 && {
        let (ps, pe) = blocks[k - 1];
        ps == pe && (lines[pe].width + INDENT).abs_diff(page.measure_at(pe).full) <= 1
    };
    s == e
        && k > 0
        && m.columnar
        && !first_alone
        && stops_unpunctuated(lines[blocks[k - 1].1].text)
        && lines[s].ends
        && lines[s].width + 3 <= m.full
        && !lines[s].opens
        && !lines[s].indent
        && lines[s].text.chars().next().is_some_and(is_letter)
}

/// The pair of chars joining page line `a` to line `b`: the last char of
/// `a` and the first of `b`; `None` when either line is empty.
fn join_pair(page: &PageLines, a: usize, b: usize) -> Option<(char, char)> {
    Some((
        page.lines[a].text.chars().next_back()?,
        page.lines[b].text.chars().next()?,
    ))
}

/// The pairs among `wanted` that occur inside some body line of `page`.
/// One pass over the body text, which stops once every pair is found; a
/// [`PairCounter`] of the pairs not yet found rules out most pairs before
/// the set is looked up, and an empty `wanted` reads nothing.
pub(crate) fn body_pairs(
    page: &PageLines,
    wanted: &FxHashSet<(char, char)>,
) -> FxHashSet<(char, char)> {
    if wanted.is_empty() {
        return FxHashSet::default();
    }
    if wanted.len() <= FEW_PAIRS
        && let Some(seen) = few_body_pairs(page, wanted)
    {
        return seen;
    }
    let mut seen = FxHashSet::with_capacity_and_hasher(wanted.len(), Default::default());
    let mut unseen = PairCounter::new(wanted);
    for line in page.body_lines() {
        let mut chars = line.text.chars();
        let Some(mut prev) = chars.next() else {
            continue;
        };
        for c in chars {
            let p = (prev, c);
            if unseen.may_hold(p) && wanted.contains(&p) && seen.insert(p) {
                unseen.found(p);
                if seen.len() == wanted.len() {
                    return seen;
                }
            }
            prev = c;
        }
    }
    seen
}

/// Up to how many pairs [`few_body_pairs`] searches for one by one.
const FEW_PAIRS: usize = 4;

/// [`body_pairs`] for a few pairs, each searched for in the page text as
/// a string (`memchr::memmem`, much faster than reading the page char by
/// char): a match counts when it lies inside a body line. The lines that
/// lost justification spaces are not slices of the page text, and are
/// read char by char. `None` when the lines are no longer in page order
/// (after a column was moved), so that a match cannot be placed.
fn few_body_pairs(
    page: &PageLines,
    wanted: &FxHashSet<(char, char)>,
) -> Option<FxHashSet<(char, char)>> {
    let base = page.text.as_ptr() as usize;
    let within = |t: &str| {
        let at = (t.as_ptr() as usize).wrapping_sub(base);
        (at <= page.text.len() && at + t.len() <= page.text.len()).then_some(at)
    };
    // Byte ranges of the body lines that are slices of the page, in order.
    let mut ranges: Vec<(usize, usize)> = Vec::with_capacity(page.lines.len());
    let mut own: Vec<&str> = Vec::new();
    let mut last_end = 0;
    for line in page.body_lines() {
        match within(line.text) {
            Some(at) if at >= last_end => {
                ranges.push((at, at + line.text.len()));
                last_end = at + line.text.len();
            }
            Some(_) => return None,
            None => own.push(line.text),
        }
    }
    let mut seen = FxHashSet::with_capacity_and_hasher(wanted.len(), Default::default());
    for &(a, b) in wanted {
        let mut needle = String::with_capacity(8);
        needle.push(a);
        needle.push(b);
        let in_body = |start: usize| {
            let k = ranges.partition_point(|r| r.0 <= start);
            k > 0 && ranges[k - 1].1 >= start + needle.len()
        };
        let found = memchr::memmem::find_iter(page.text.as_bytes(), needle.as_bytes()).any(in_body)
            || own.iter().any(|t| t.contains(needle.as_str()));
        if found {
            seen.insert((a, b));
        }
    }
    Some(seen)
}

/// Runs of body lines with no blank line or other line between, as
/// inclusive page line ranges.
pub(crate) fn body_blocks(page: &PageLines) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut prev_body = false;
    for (i, line) in page.lines.iter().enumerate() {
        let body = page.roles[i] == Role::Body;
        if body {
            match out.last_mut() {
                Some(b) if prev_body && !line.blank_before => b.1 = i,
                _ => out.push((i, i)),
            }
        }
        prev_body = body;
    }
    out
}

/// Moves page lines `start..=end` to just before line `to` (`to` <
/// `start`), with their roles and measures.
fn move_lines(page: &mut PageLines, (start, end): (usize, usize), to: usize) {
    let by = end + 1 - start;
    page.lines[to..=end].rotate_right(by);
    page.roles[to..=end].rotate_right(by);
    page.measures[to..=end].rotate_right(by);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edition::parse::lines::despace_page;

    /// Every paragraph of the edition parsed from `text`, in order.
    fn paragraphs_of(text: &str) -> Vec<String> {
        let edition = crate::edition::parse::parse(text);
        edition
            .articles()
            .flat_map(|a| a.paragraphs.iter().cloned())
            .collect()
    }

    /// The body lines of `text` in the order [`restore_early_line`] leaves.
    fn after_early_lines(text: &str) -> Vec<String> {
        let despaced = despace_page(text);
        let mut page = PageLines::new(text, &despaced, false, None);
        restore_early_line(&mut page);
        page.lines.iter().map(|l| l.text.to_owned()).collect()
    }

    #[test]
    fn a_first_line_alone_over_a_last_line_is_a_paragraph_not_a_line_read_early() {
        // mutool, training edition ed09: `篷排` occurs nowhere else on the
        // page and `安排` does, but `排列整齐。` ends the paragraph
        // `镇中心小学…蓝色帐篷` opens.
        let text = "马镇。沿途山体可见新鲜的滑坡痕\n迹，抢修人员正在清理落石，多处路\n\
                    面裂缝已用沥青临时填补。\n\n镇中心小学的操场上，蓝色帐篷\n\n排列整齐。\n\n\
                    安置点负责人杨德明说，这里安\n\n置了附近3个村的400多名群众。帐篷\n\
                    里铺着防潮垫和棉被，每顶帐篷都通\n了电。操场一角搭起了临时厨房，几\n\
                    名志愿者正在切菜、蒸饭，统一安排\n午饭。\n";
        let order = after_early_lines(text);
        assert_eq!(order[4], "排列整齐。");
        assert_eq!(order[5], "安置点负责人杨德明说，这里安");
    }

    #[test]
    fn a_line_moves_to_a_later_place_only_when_a_word_crosses_the_join() {
        // mutool, training edition ed14: `外网` occurs nowhere else and
        // `电网` does, but no word runs across `虚拟电` / `网友关注。`.
        let text = "一些外国博主在视频中记\n录行程，吸引了大量海外\n\n网友关注。\n\n\
                    供电部门加强电网运行监\n测，确保电网安全稳定运\n行，全力保障居民用电。\n\n\
                    与此同时，虚拟电\n\n厂首次在迎峰度夏中大\n规模参与调峰效果良好。\n";
        let order = after_early_lines(text);
        assert_eq!(order[2], "网友关注。");
        // Where a word crosses the join (`电网友`), the line moves.
        let text = text.replace("确保电网安全", "电网友好安全");
        let order = after_early_lines(&text);
        assert_eq!(order[order.len() - 4], "与此同时，虚拟电");
        assert_eq!(order[order.len() - 3], "网友关注。");
    }

    #[test]
    fn few_pairs_are_found_only_inside_body_lines_as_by_the_char_scan() {
        // `责任` only in a furniture line, `导体` only in a despaced line,
        // `会议` in a body line, `议召` only across a line break.
        let text =
            "责任编辑：周岚\n导 体 刻 蚀 设 备 研 制\n市委召开常委会会议\n召开专题会议研究部署\n";
        let despaced = despace_page(text);
        let mut page = PageLines::new(text, &despaced, false, None);
        assert!(matches!(page.roles[0], Role::Furniture(_)));
        page.roles.iter_mut().skip(1).for_each(|r| *r = Role::Body);
        let few: FxHashSet<(char, char)> = [('责', '任'), ('导', '体'), ('会', '议'), ('议', '召')]
            .into_iter()
            .collect();
        let expected: FxHashSet<(char, char)> = [('导', '体'), ('会', '议')].into_iter().collect();
        assert_eq!(body_pairs(&page, &few), expected);
        // Five pairs take the char-by-char scan: the same answer.
        let mut many = few.clone();
        many.insert(('甲', '乙'));
        assert_eq!(body_pairs(&page, &many), expected);
    }

    #[test]
    fn a_first_line_filled_with_its_dropped_indent_runs_on_at_its_full_stop() {
        // `数据印证了转型的成效。` opens its paragraph: two chars short
        // (its indent dropped), so it fills the column and its `。` ends
        // no paragraph; `热度背后有隐忧。` is short even with its indent.
        let text = "全镇印染行业化学需氧量排放总\n量下降了六成企业的环保成本\n\
                    反而降低了而且还在下降当中\n了。\n数据印证了转型的成效。\n\
                    今年一至九月柳塘镇规模以上\n纺织企业实现产值大幅增长。\n\
                    热度背后有隐忧。\n有游客反映假期高峰时段游船\n排队超过一小时的情况较多。\n";
        let paragraphs = paragraphs_of(text);
        // (The page's first line may be read as a title: not the point.)
        assert!(paragraphs[0].ends_with("下降当中了。"), "{paragraphs:?}");
        assert_eq!(
            paragraphs[1..],
            [
                "数据印证了转型的成效。今年一至九月柳塘镇规模以上纺织企业实现产值大幅增长。",
                "热度背后有隐忧。",
                "有游客反映假期高峰时段游船排队超过一小时的情况较多。",
            ]
        );
    }

    #[test]
    fn a_line_ended_short_by_an_opening_mark_pushed_down_runs_on() {
        // Training edition ed07 (mutool): `“以` could not follow `12天。`
        // on its line (an opening mark never ends a line), so the line
        // ends a char and a half short inside its paragraph.
        assert!(super::super::lines::pushed_down(
            30,
            "“以前来中国要准备很多材料去办签",
            33
        ));
        assert!(super::super::lines::pushed_down(
            30,
            "2029年，船台和船坞",
            33
        ));
        assert!(!super::super::lines::pushed_down(
            30,
            "以前来中国要准备很多材料去办签",
            33
        ));
        assert!(!super::super::lines::pushed_down(
            24,
            "“以前来中国要准备很多材料去办签",
            33
        ));
        let text = "来自法国里昂的退休教师皮埃尔\n和妻子这次计划在中国停留12天。\n\
                    “以前来中国要准备很多材料去办签\n证，现在拿着护照就能来。”他们的\n\
                    行程包括上海、苏州、杭州和黄山，\n专门为免签入境旅客开设的通道前\n\
                    一块电子屏用中英日韩等语言滚动\n播放入境须知，方便旅客办理手续\n\
                    这是入境游热度持续上升的缩影。\n";
        let paragraphs = paragraphs_of(text);
        assert!(
            paragraphs
                .iter()
                .any(|p| p.contains("停留12天。“以前来中国")),
            "{paragraphs:?}"
        );
    }

    #[test]
    fn a_line_ended_short_by_marks_held_to_the_next_char_is_no_first_line() {
        // Training edition ed14 (mutool): `传》，` could not follow `《白蛇`.
        assert!(held_back(22, "传》，感觉很不一样。”", 26));
        assert!(!held_back(22, "传说感觉很不一样。”", 26));
        assert!(!held_back(16, "传》，感觉很不一样。”", 26));
    }

    #[test]
    fn a_quoted_term_closing_a_line_ends_no_paragraph() {
        // `“养老公寓”` closes a quotation opened on its line, short of the
        // column: no sentence ends there. `“会努力。”` does end one.
        let text = "近日一位老人在社区民警的帮\n助下识破骗局避免了经济损失\n\
                    这是一起以“养老公寓”\n为名的非法集资活动的典型案\n例警方已立案调查。\n\
                    他说：“会努力。”\n社区民警将继续开展反诈宣传\n活动让老人远离各类骗局。\n";
        let paragraphs = paragraphs_of(text);
        assert!(
            paragraphs
                .iter()
                .any(|p| p.contains("这是一起以“养老公寓”为名的非法集资")),
            "{paragraphs:?}"
        );
        assert!(
            paragraphs.iter().any(|p| p.ends_with("他说：“会努力。”")),
            "{paragraphs:?}"
        );
    }

    #[test]
    fn an_opening_line_ending_in_its_reporter_credit_runs_on() {
        let line = |text| Line {
            text,
            indent: false,
            blank_before: false,
            width: 0,
            opens: true,
            candidate: false,
            ends: true,
            subhead: false,
            aside: false,
        };
        assert!(dateline_credit(&line("本报讯 11月4日，（记者钱佳怡）")));
        assert!(dateline_credit(&line("本報訊 11月4日，（記者錢佳怡）")));
        // A closing byline is no dateline credit.
        assert!(!dateline_credit(&line("本报讯 全市今日降温。（钱佳怡）")));
        assert!(!dateline_credit(&Line {
            opens: false,
            ..line("（记者钱佳怡）")
        }));
    }
}
