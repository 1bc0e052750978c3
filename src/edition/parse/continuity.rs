//! Column continuations: which body block continues which at a column
//! break, decided as one assignment over the page.
//!
//! Extractors (pdftotext, pdfminer) often read a column's end and its
//! continuation far apart: a block stops in mid-sentence (`…红肠、格瓦斯、
//! 冻梨`), then comes another article's headline and dated opening, and the
//! right continuation (`等特色商品销量大增，…`) only follows blocks later
//! (pdftotext, `ed04` page 1).
//! A *block* is a run of body lines with no blank or other line between.
//!
//! **Open ends.** A block whose last line is a full column line (within
//! [`FULL_SLACK`] of the local measure), or a paragraph's first line (an
//! indent short, after a finished sentence), that does not end its
//! sentence stops in mid-sentence: some block continues it. Its *natural* successor
//! is the next body block in page order.
//!
//! **Heads.** A block may continue an open end when its first line is a
//! full column line that neither opens an article (dateline), nor is
//! indented, a run-in subhead or a paragraph's first line (an indent
//! short: [`INDENT_SHORT`]). A paragraph never starts in mid-sentence.
//!
//! **Evidence, weighed.** An open end is in doubt when its natural
//! successor cannot continue it (none, an article's opening, an indented
//! line or subhead) or earns a penalty: its block is set at another
//! column measure ([`MEASURE_PENALTY`]; blocks of one article share a
//! measure), or its first line looks like a paragraph's first line (an
//! indent short, with more lines under it: [`OPENING_PENALTY`]). That
//! width is weak evidence, not a veto: continuation lines an indent short
//! (`竞不是简单的“打游`, kept short by a quotation) cost more than
//! paragraph openings caught when it was one (training editions); as a
//! penalty, a seen join elsewhere outweighs an unseen natural one. It does
//! keep a block elsewhere from being taken as a continuation. For each open end in doubt, every head that is not
//! the natural continuation of an open end out of doubt is scored by how
//! likely the chars meeting at the join are, counted over the text of the
//! pages around it ([`context`], within lines: the edition's own language
//! model): the pair (`梨等`) and the two triples around it (`冻梨等`,
//! `梨等特`), each as `ln(1 + count)` with the triples weighed
//! [`TRIPLE_WEIGHT`]. A head elsewhere needs a score of at least
//! [`MIN_JOIN`] and CJK letters (or a mark that needs text before it,
//! `，` `。`) meeting at the join: digits and Latin letters tell the counts
//! too little. The natural successor scores its own join, plus
//! [`NATURAL_BONUS`], minus its penalties. The pairs are then taken best
//! first, each end and head once, never closing a cycle: one assignment
//! over the page, not a decision per break.
//!
//! **Order, when counts are silent.** An open end in doubt that no score
//! joined takes, in page order, the first head on offer after it that
//! nothing took ([`order_fallback`]), when CJK letters meet at the join
//! (or a CJK letter and a digit, of which counts tell little), the head
//! follows a finished block with nothing but blank lines or page
//! furniture between, and its first char never follows a `。` or `，` in
//! the text around (else it may open a sentence): extractors read the
//! continuations of a page's columns in the order of the columns they
//! continue.
//!
//! **Reading order.** Each head taken by a non-natural end is moved, with
//! the chain it continues and the rest of its column after it
//! ([`Breaks::carry_column_on`]: the blocks that follow it down to an
//! article's opening, a credit or a headline), right after that end; the
//! lines between a block and its natural successor (a headline set among
//! the columns) stay between them. Lines only move: no char is lost or
//! repeated.
//!
//! With `NEWSREADER_TRACE_JOINS` set, a debug build prints each join it
//! makes out of reading order to stderr, with the natural successor's
//! penalty and join score.

use rustc_hash::FxHashMap;

use super::credits;
use super::lines::{PairFilter, is_letter};
use super::page::{PageLines, Role};

/// How many half-units a full column line may fall short of the measure
/// (a digit or Latin letter is one, an ideograph two).
const FULL_SLACK: usize = 2;
/// A paragraph's first line (indent dropped by the extractor) is this many
/// half-units short of the measure, give or take [`INDENT_SLACK`].
const INDENT_SHORT: usize = 4;
/// A measure may be a half-unit wider than its ideograph lines (a line of
/// digits sets it): the slack of [`INDENT_SHORT`].
const INDENT_SLACK: usize = 1;
/// Weight of each of the two triples around a join against the pair.
const TRIPLE_WEIGHT: f64 = 0.5;
/// Bonus of the natural successor (next in reading order) when nothing
/// speaks against it.
const NATURAL_BONUS: f64 = 2.0;
/// The least join score that moves a block: a pair seen more than once,
/// or seen with a triple around it.
const MIN_JOIN: f64 = 1.0;
/// Penalty of a head set at another column measure than the end.
const MEASURE_PENALTY: f64 = 1.5;
/// Penalty of a natural successor of several lines whose first looks like
/// a paragraph's first line (an indent short: [`indent_short`]). 1.0 to
/// 2.0 scored the same on the training editions; 0.5 caught fewer.
const OPENING_PENALTY: f64 = 1.0;
/// How many blocks around an end are searched for its head: bounds the
/// work on a page of many blocks.
const REACH: usize = 40;

/// A block: inclusive page line range.
type Block = (usize, usize);

/// How many bytes of the pages around a page (the page's own included)
/// are read for the counts of [`Grams`]: two or three pages of a typical
/// edition, whatever the edition's size, so that the work stays linear.
/// (96 KiB scored the same on the training editions, at more cost.)
pub(crate) const CONTEXT_BYTES: usize = 32 * 1024;

/// The pages around page `index` of `pages` (the page itself included),
/// at most [`CONTEXT_BYTES`] of them, nearest first taken.
pub(crate) fn context<'a, 'b>(pages: &'b [&'a str], index: usize) -> &'b [&'a str] {
    let Some(own) = pages.get(index) else {
        return &[];
    };
    let (mut lo, mut hi, mut bytes) = (index, index + 1, own.len());
    loop {
        let mut grew = false;
        if lo > 0 && bytes + pages[lo - 1].len() <= CONTEXT_BYTES {
            lo -= 1;
            bytes += pages[lo].len();
            grew = true;
        }
        if hi < pages.len() && bytes + pages[hi].len() <= CONTEXT_BYTES {
            bytes += pages[hi].len();
            hi += 1;
            grew = true;
        }
        if !grew {
            return &pages[lo..hi];
        }
    }
}

/// Counts of the char pairs and triples a page's joins ask about, over the
/// text of the pages around it ([`context`]), within lines (whitespace
/// left out): the edition's own language model.
#[derive(Default)]
struct Grams {
    pairs: FxHashMap<(char, char), u32>,
    triples: FxHashMap<(char, char, char), u32>,
}

impl Grams {
    /// Counts the `pairs` and `triples` (each pair of a triple is among
    /// `pairs`) over `context`; a page with no context counts its own
    /// body lines.
    fn count(
        page: &PageLines,
        context: &[&str],
        pairs: FxHashMap<(char, char), u32>,
        triples: FxHashMap<(char, char, char), u32>,
    ) -> Self {
        let filter = PairFilter::new(pairs.keys());
        let mut g = Grams { pairs, triples };
        let mut read = |line: &str| {
            let mut chars = line.chars().filter(|c| !c.is_whitespace());
            let (mut a, mut b) = (None, chars.next());
            let mut c = chars.next();
            while let (Some(y), Some(z)) = (b, c) {
                let next = chars.next();
                if filter.may_hold((y, z))
                    && let Some(n) = g.pairs.get_mut(&(y, z))
                {
                    *n += 1;
                    for t in [a.map(|x| (x, y, z)), next.map(|w| (y, z, w))]
                        .into_iter()
                        .flatten()
                    {
                        if let Some(n) = g.triples.get_mut(&t) {
                            *n += 1;
                        }
                    }
                }
                (a, b, c) = (b, c, next);
            }
        };
        if context.is_empty() {
            for line in page.body_lines() {
                read(line.text);
            }
        } else {
            for text in context {
                text.lines().for_each(&mut read);
            }
        }
        g
    }

    fn pair(&self, p: (char, char)) -> u32 {
        self.pairs.get(&p).copied().unwrap_or(0)
    }

    fn triple(&self, t: (char, char, char)) -> u32 {
        self.triples.get(&t).copied().unwrap_or(0)
    }
}

/// The pair at a join and the triples around it (when the texts are long
/// enough).
type JoinGrams = ((char, char), [Option<(char, char, char)>; 2]);

/// The pair and triples meeting at the join of text `a` followed by `b`.
fn join_grams(a: &str, b: &str) -> Option<JoinGrams> {
    let mut back = a.chars().rev();
    let x = back.next()?;
    let x0 = back.next();
    let mut fwd = b.chars();
    let y = fwd.next()?;
    let y1 = fwd.next();
    Some(((x, y), [x0.map(|x0| (x0, x, y)), y1.map(|y1| (x, y, y1))]))
}

/// The join of text `a` followed by `b`: `None` when the pair at the join
/// was never seen in the page's body (no evidence for a join), else its
/// log-likelihood score (see the module docs).
fn join_score(g: &Grams, a: &str, b: &str) -> Option<f64> {
    let (p, [t0, t1]) = join_grams(a, b)?;
    let pair = g.pair(p);
    if pair == 0 {
        return None;
    }
    let ln = |n: u32| f64::from(n).ln_1p();
    let before = t0.map_or(0, |t| g.triple(t));
    let after = t1.map_or(0, |t| g.triple(t));
    Some(ln(pair) + TRIPLE_WEIGHT * (ln(before) + ln(after)))
}

/// True when body line `i` is a full column line.
fn full(page: &PageLines, i: usize) -> bool {
    let m = page.measure_at(i);
    m.columnar && page.lines[i].width + FULL_SLACK >= m.full
}

/// The column measure of block `b`: the width most of its lines share
/// (the wider on a tie), when it has at least two lines; else the local
/// measure. A line holding digits or Latin letters may be wider or
/// narrower; most lines are full.
fn block_measure(page: &PageLines, (s, e): Block) -> usize {
    if s == e {
        return page.measure_at(s).full;
    }
    let mut widths: Vec<usize> = (s..=e).map(|i| page.lines[i].width).collect();
    widths.sort_unstable();
    let mut best = (0, 0);
    for run in widths.chunk_by(|a, b| a == b) {
        if run.len() >= best.0 {
            best = (run.len(), run[0]);
        }
    }
    best.1
}

/// True when line `i`, the first of block `b`, looks like a paragraph's
/// first line whose indent the extractor dropped (see [`short_by_indent`]).
fn indent_short(page: &PageLines, b: Block) -> bool {
    short_by_indent(page, b.0, block_measure(page, b))
}

/// True when line `i` looks like a paragraph's first line whose indent the
/// extractor dropped, in a column of `measure` half-units: ideographs only
/// (whose widths are exact), [`INDENT_SHORT`] short of the measure (give
/// or take [`INDENT_SLACK`]), running on.
fn short_by_indent(page: &PageLines, i: usize, measure: usize) -> bool {
    let l = &page.lines[i];
    !l.ends
        && l.text.chars().all(|c| super::lines::char_width(c) == 2)
        && (0..=INDENT_SLACK).contains(&measure.wrapping_sub(l.width + INDENT_SHORT))
}

/// True when the block starting at line `i` may continue an open end.
fn may_continue(page: &PageLines, b: Block) -> bool {
    let l = &page.lines[b.0];
    !l.opens && !l.indent && !l.subhead && !indent_short(page, b)
}

/// True when block `b` stops in mid-sentence: its last line runs on and
/// is a full column line, or is a paragraph's first line (a sentence ends
/// on the line before it, and it is an indent short of the block's
/// measure: [`short_by_indent`]), which a column's foot cuts as readily.
fn open_end(page: &PageLines, (s, e): Block) -> bool {
    let l = &page.lines[e];
    let runs_on = !l.ends && l.text.chars().next_back().is_some_and(is_letter_or_mark);
    runs_on
        && (full(page, e)
            || (e == s || page.lines[e - 1].ends)
                && short_by_indent(page, e, block_measure(page, (s, e))))
}

/// A letter, digit or comma-like mark: what a line broken in mid-sentence
/// ends in.
fn is_letter_or_mark(c: char) -> bool {
    is_letter(c) || c.is_alphanumeric() || super::lines::is_mid_punct(c)
}

/// True unless blocks `a` and `b`, both of several lines, are set at
/// measures more than [`FULL_SLACK`] apart.
fn same_measure(page: &PageLines, a: Block, b: Block) -> bool {
    a.0 == a.1
        || b.0 == b.1
        || block_measure(page, a).abs_diff(block_measure(page, b)) <= FULL_SLACK
}

/// True when a line ending in `a` may be continued by `b` somewhere other
/// than right after it: a letter meets a letter or a mark that needs text
/// before it (`，` `。` `”`). Digits and Latin letters are left out: the
/// counts know too little of them to move a block.
fn letters_meet(a: &str, b: &str) -> bool {
    let x = a.chars().next_back();
    let y = b.chars().next();
    x.is_some_and(cjk_letter)
        && y.is_some_and(|y| {
            cjk_letter(y) || super::lines::is_mid_punct(y) || super::lines::is_end_punct(y)
        })
}

/// True for a letter outside ASCII (an ideograph, kana, hangul).
fn cjk_letter(c: char) -> bool {
    c.len_utf8() > 1 && is_letter(c)
}

/// True when a line ending in a CJK letter meets a line opening with a
/// digit (`…现在负责管理` / `80台织机的数据监控…`): counts tell little of
/// such a join, but page order may.
fn letter_meets_digit(a: &str, b: &str) -> bool {
    a.chars().next_back().is_some_and(cjk_letter) && b.starts_with(|c: char| c.is_ascii_digit())
}

/// The natural successor's evidence against continuing an open end:
/// `None` when it cannot (an article's opening, an indented line, a
/// subhead), else the penalties it earns (another measure, a paragraph's
/// first line).
fn natural_penalty(page: &PageLines, end: Block, head: Block) -> Option<f64> {
    let h = head.0;
    let l = &page.lines[h];
    if l.opens || l.indent || l.subhead {
        return None;
    }
    let mut penalty = 0.0;
    if !same_measure(page, end, head) {
        penalty += MEASURE_PENALTY;
    }
    if head.0 < head.1 && indent_short(page, head) {
        penalty += OPENING_PENALTY;
    }
    Some(penalty)
}

/// Reorders the body blocks of `page` so that each open end is followed
/// by the block that continues it (see the module docs): finds the open
/// ends and heads, counts the joins over `context` (the text of the pages
/// around), assigns heads to ends by score then by page order, and moves
/// the lines.
pub(crate) fn restore_continuations(page: &mut PageLines, context: &[&str]) {
    if page.english {
        return;
    }
    let Some(breaks) = Breaks::find(page) else {
        return;
    };
    let n = breaks.blocks.len();
    let grams = breaks.count_grams(page, context);
    let natural_join = breaks.natural_joins(page, &grams);
    let (mut succ, mut pred) = assign(breaks.scored_pairs(page, &grams, &natural_join), n);
    breaks.join_by_order(page, &grams, &mut succ, &mut pred);
    if (0..n).all(|k| succ[k].is_none_or(|h| h == k + 1)) {
        return;
    }
    breaks.carry_column_on(page, &mut succ, &mut pred);
    if cfg!(debug_assertions) && std::env::var_os("NEWSREADER_TRACE_JOINS").is_some() {
        breaks.trace_joins(page, &succ, &natural_join);
    }
    reorder(page, &breaks.blocks, &succ, &pred);
}

/// A join the evidence allows: its score, the open end's block index and
/// the head's block index.
type ScoredJoin = (f64, usize, usize);

/// What each body block of a page may be at a column break (see the
/// module docs). Every vector but `blocks` is indexed by block, in page
/// order.
struct Breaks {
    /// The body blocks, in page order.
    blocks: Vec<Block>,
    /// The block stops in mid-sentence: an open end.
    ends: Vec<bool>,
    /// For an open end, the penalties its natural successor (the next
    /// block) earns ([`natural_penalty`]); `None` when the block is no
    /// open end, is the last, or its natural successor cannot continue it.
    natural: Vec<Option<f64>>,
    /// The open end is in doubt: a head elsewhere may continue it.
    doubt: Vec<bool>,
    /// The block may continue an open end ([`may_continue`]).
    heads: Vec<bool>,
    /// The head is on offer: it is not the natural continuation of an
    /// open end out of doubt.
    offered: Vec<bool>,
}

impl Breaks {
    /// The open ends and heads among `page`'s body blocks; `None` when
    /// the page has fewer than three blocks or no open end in doubt
    /// (nothing may move).
    fn find(page: &PageLines) -> Option<Self> {
        let blocks: Vec<Block> = super::blocks::body_blocks(page);
        let n = blocks.len();
        if n < 3 {
            return None;
        }
        let ends: Vec<bool> = blocks
            .iter()
            .map(|&(s, e)| open_end(page, (s, e)) && (s < e || !page.lines[e].candidate))
            .collect();
        let natural: Vec<Option<f64>> = (0..n)
            .map(|k| {
                if ends[k] && k + 1 < n {
                    natural_penalty(page, blocks[k], blocks[k + 1])
                } else {
                    None
                }
            })
            .collect();
        // Only an open end whose natural successor earns a penalty or fails
        // the pair test may be given another head; most pages have none.
        let doubt: Vec<bool> = (0..n)
            .map(|k| ends[k] && natural[k].is_none_or(|p| p > 0.0))
            .collect();
        if !doubt.iter().any(|&d| d) {
            return None;
        }
        let heads: Vec<bool> = blocks.iter().map(|&b| may_continue(page, b)).collect();
        // Heads on offer: those not the natural continuation of an open end
        // that is not in doubt.
        let offered: Vec<bool> = (0..n)
            .map(|k| heads[k] && (k == 0 || !ends[k - 1] || doubt[k - 1]))
            .collect();
        Some(Breaks {
            blocks,
            ends,
            natural,
            doubt,
            heads,
            offered,
        })
    }

    /// The text of the last line of block `k`: the end side of a join.
    fn end_text<'a>(&self, page: &PageLines<'a>, k: usize) -> &'a str {
        page.lines[self.blocks[k].1].text
    }

    /// The text of the first line of block `h`: the head side of a join.
    fn head_text<'a>(&self, page: &PageLines<'a>, h: usize) -> &'a str {
        page.lines[self.blocks[h].0].text
    }

    /// Counts, over `context` (the text of the pages around `page`), the
    /// char pairs and triples the joins may ask about: each open end with
    /// its natural successor and, in doubt, with every head within
    /// [`REACH`] blocks; and each head's first char after a `。` or `，`
    /// (whether it opens a sentence: [`Breaks::join_by_order`]).
    fn count_grams(&self, page: &PageLines, context: &[&str]) -> Grams {
        let n = self.blocks.len();
        let mut want_pairs: FxHashMap<(char, char), u32> = FxHashMap::default();
        let mut want_triples: FxHashMap<(char, char, char), u32> = FxHashMap::default();
        for k in (0..n).filter(|&k| self.ends[k]) {
            let (lo, hi) = (k.saturating_sub(REACH), (k + REACH).min(n - 1));
            for h in lo..=hi {
                let natural = h == k + 1;
                if h == k || !natural && (!self.heads[h] || !self.doubt[k]) {
                    continue;
                }
                if let Some((p, ts)) = join_grams(self.end_text(page, k), self.head_text(page, h)) {
                    want_pairs.insert(p, 0);
                    want_triples.extend(ts.into_iter().flatten().map(|t| (t, 0)));
                }
            }
        }
        // A head whose first char follows a `。` or `，` in the text around
        // opens a sentence or clause: no fallback head (see `order_fallback`).
        for h in (0..n).filter(|&h| self.heads[h]) {
            if let Some(c) = self.head_text(page, h).chars().next() {
                want_pairs.insert(('。', c), 0);
                want_pairs.insert(('，', c), 0);
            }
        }
        Grams::count(page, context, want_pairs, want_triples)
    }

    /// Per block, the join score of an open end with its natural
    /// successor ([`join_score`]): `None` when the successor cannot
    /// continue it or the pair at the join was never seen.
    fn natural_joins(&self, page: &PageLines, grams: &Grams) -> Vec<Option<f64>> {
        (0..self.blocks.len())
            .map(|k| {
                self.natural[k]?;
                join_score(grams, self.end_text(page, k), self.head_text(page, k + 1))
            })
            .collect()
    }

    /// Every join the evidence allows, scored: each open end with its
    /// natural successor (its join score, `natural_join`, plus
    /// [`NATURAL_BONUS`], minus its penalties), and each open end in doubt
    /// with every head on offer within [`REACH`] blocks whose join scores
    /// at least [`MIN_JOIN`] where letters meet (less [`MEASURE_PENALTY`]
    /// when set at another measure).
    fn scored_pairs(
        &self,
        page: &PageLines,
        grams: &Grams,
        natural_join: &[Option<f64>],
    ) -> Vec<ScoredJoin> {
        let n = self.blocks.len();
        let mut pairs: Vec<ScoredJoin> = Vec::new();
        for k in (0..n).filter(|&k| self.ends[k]) {
            if let Some(p) = self.natural[k] {
                let join = natural_join[k].unwrap_or(0.0);
                pairs.push((join + NATURAL_BONUS - p, k, k + 1));
            }
            if !self.doubt[k] {
                continue;
            }
            let end = self.end_text(page, k);
            let lo = k.saturating_sub(REACH);
            let hi = (k + REACH).min(n - 1);
            for h in (lo..=hi).filter(|&h| h != k && h != k + 1 && self.offered[h]) {
                let head = self.head_text(page, h);
                let Some(mut score) = join_score(grams, end, head)
                    .filter(|&s| s >= MIN_JOIN && letters_meet(end, head))
                else {
                    continue;
                };
                if !same_measure(page, self.blocks[k], self.blocks[h]) {
                    score -= MEASURE_PENALTY;
                }
                pairs.push((score, k, h));
            }
        }
        pairs
    }

    /// Gives the open ends in doubt that no score joined a head by page
    /// order ([`order_fallback`]), where CJK letters meet at the join (or a
    /// CJK letter and a digit: [`letter_meets_digit`]), the head follows a
    /// finished block with only page furniture between, and the head's
    /// first char, unless a digit, never follows a `。` or `，` in `grams`
    /// (else it may open a sentence; a digit follows them everywhere).
    /// Updates `succ` and `pred` (block indices).
    fn join_by_order(
        &self,
        page: &PageLines,
        grams: &Grams,
        succ: &mut [Option<usize>],
        pred: &mut [Option<usize>],
    ) {
        let blocks = &self.blocks;
        let opener = |h: usize| {
            self.head_text(page, h).chars().next().is_some_and(|c| {
                !c.is_ascii_digit() && (grams.pair(('。', c)) > 0 || grams.pair(('，', c)) > 0)
            })
        };
        order_fallback(blocks, &self.doubt, &self.offered, succ, pred, |k, h| {
            let (end, head) = (self.end_text(page, k), self.head_text(page, h));
            (letters_meet(end, head) || letter_meets_digit(end, head))
                && !self.ends[h - 1]
                && (blocks[h - 1].1 + 1..blocks[h].0)
                    .all(|i| matches!(page.roles[i], Role::Furniture(_)))
                && closes_sentence(self.end_text(page, h - 1))
                && !opener(h)
        });
    }

    /// After each head moved to an open end elsewhere, the blocks that
    /// follow it in page order go with it, as the rest of its column: up
    /// to the first block that opens an article, ends in a credit
    /// (`（郑凯）`, the article's end), is joined elsewhere, or is set
    /// apart from it by anything but page furniture (a headline). Without
    /// this, a continuation broken at a paragraph's end would leave its
    /// later paragraphs behind, under the article the extractor read
    /// between (`…现在负责管理` / `80台织机的数据监控…`, and the paragraphs
    /// after it down to `（郑凯）`). Updates `succ` and `pred`.
    fn carry_column_on(
        &self,
        page: &PageLines,
        succ: &mut [Option<usize>],
        pred: &mut [Option<usize>],
    ) {
        let n = self.blocks.len();
        let moved: Vec<usize> = (0..n)
            .filter(|&h| pred[h].is_some_and(|k| k + 1 != h))
            .collect();
        for h in moved {
            let mut at = h;
            let mut steps = 0;
            while let Some(s) = succ[at] {
                at = s;
                steps += 1;
                if steps > n {
                    return;
                }
            }
            while at + 1 < n && succ[at].is_none() {
                let next = at + 1;
                let (end, head) = (self.blocks[at], self.blocks[next]);
                let apart =
                    (end.1 + 1..head.0).any(|i| !matches!(page.roles[i], Role::Furniture(_)));
                if pred[next].is_some()
                    || page.lines[head.0].opens
                    || credits::ends_with_closing(page.lines[end.1].text)
                    || apart
                    || chain_reaches(succ, next, h)
                {
                    break;
                }
                succ[at] = Some(next);
                pred[next] = Some(at);
                at = next;
            }
        }
    }

    /// Prints to stderr each join `succ` makes out of reading order, with
    /// the natural successor's penalty and join score (`natural_join`).
    fn trace_joins(&self, page: &PageLines, succ: &[Option<usize>], natural_join: &[Option<f64>]) {
        for k in 0..self.blocks.len() {
            if let Some(h) = succ[k].filter(|&h| h != k + 1) {
                eprintln!(
                    "join {} | {}   (natural: {} {:?} {:?})",
                    self.end_text(page, k),
                    self.head_text(page, h),
                    self.blocks.get(k + 1).map_or("", |b| page.lines[b.0].text),
                    self.natural[k],
                    natural_join[k],
                );
            }
        }
    }
}

/// Takes the scored joins `pairs` best first (ties to the nearer head,
/// then reading order), each open end and head once, never closing a
/// cycle: one assignment over the page's `n` blocks. Returns each block's
/// successor and predecessor (block indices).
fn assign(mut pairs: Vec<ScoredJoin>, n: usize) -> (Vec<Option<usize>>, Vec<Option<usize>>) {
    pairs.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(a.2.abs_diff(a.1).cmp(&b.2.abs_diff(b.1)))
            .then(a.1.cmp(&b.1))
    });
    let mut succ: Vec<Option<usize>> = vec![None; n];
    let mut pred: Vec<Option<usize>> = vec![None; n];
    for &(_, k, h) in &pairs {
        if succ[k].is_some() || pred[h].is_some() || h == k {
            continue;
        }
        // No cycle: h's chain must not lead back to k.
        if !chain_reaches(&succ, h, k) {
            succ[k] = Some(h);
            pred[h] = Some(k);
        }
    }
    (succ, pred)
}

/// True when the chain of successors `succ` after block `from` reaches
/// block `to` (block indices; `from` itself is not compared).
fn chain_reaches(succ: &[Option<usize>], from: usize, to: usize) -> bool {
    let mut at = from;
    while let Some(s) = succ[at] {
        if s == to {
            return true;
        }
        at = s;
    }
    false
}

/// Open ends in doubt that no join score took take, in page order, the
/// heads on offer that nothing took, later on the page and in page order
/// (`meet` vets each pair): extractors read the continuations of a page's
/// columns in the order of the columns they continue (pdftotext, `ed04`
/// page 1: `…冻梨` / `等特色…`, `…约6万` / `头牲畜…`, both joins unseen
/// in the edition's counts).
fn order_fallback(
    blocks: &[Block],
    doubt: &[bool],
    offered: &[bool],
    succ: &mut [Option<usize>],
    pred: &mut [Option<usize>],
    meet: impl Fn(usize, usize) -> bool,
) {
    let n = blocks.len();
    let mut next = 0;
    for k in 0..n {
        if !doubt[k] || succ[k].is_some() {
            continue;
        }
        let Some(h) =
            (next.max(k + 2)..n.min(k + REACH + 1)).find(|&h| offered[h] && pred[h].is_none())
        else {
            return;
        };
        let mut at = h;
        while let Some(s) = succ[at] {
            at = s;
        }
        if at == k || !meet(k, h) {
            continue;
        }
        next = h + 1;
        succ[k] = Some(h);
        pred[h] = Some(k);
    }
}

/// Puts the page lines in the order the chains give: each chain is read
/// from its first block, at that block's place; a natural successor
/// brings the lines between it and its predecessor along.
fn reorder(page: &mut PageLines, blocks: &[Block], succ: &[Option<usize>], pred: &[Option<usize>]) {
    let len = page.lines.len();
    let mut block_of: Vec<Option<usize>> = vec![None; len];
    for (k, &(s, e)) in blocks.iter().enumerate() {
        block_of[s..=e].iter_mut().for_each(|b| *b = Some(k));
    }
    let mut done = vec![false; len];
    let mut order: Vec<usize> = Vec::with_capacity(len);
    let push = |i: usize, order: &mut Vec<usize>, done: &mut Vec<bool>| {
        if !done[i] {
            done[i] = true;
            order.push(i);
        }
    };
    for i in 0..len {
        if done[i] {
            continue;
        }
        match block_of[i] {
            Some(k) if pred[k].is_some() => continue,
            Some(k) if i == blocks[k].1 => {
                push(i, &mut order, &mut done);
                let mut at = k;
                let mut steps = 0;
                while let Some(h) = succ[at] {
                    steps += 1;
                    if steps > blocks.len() {
                        break;
                    }
                    let from = if h == at + 1 {
                        blocks[at].1 + 1
                    } else {
                        blocks[h].0
                    };
                    // Lines between, of other blocks, wait their turn.
                    let end = blocks[h].1;
                    for (j, b) in block_of.iter().enumerate().take(end + 1).skip(from) {
                        if b.is_none() || *b == Some(h) {
                            push(j, &mut order, &mut done);
                        }
                    }
                    at = h;
                }
            }
            _ => push(i, &mut order, &mut done),
        }
    }
    // Safety net: a line no chain reached keeps its place at the end.
    order.extend((0..len).filter(|&i| !done[i]));
    let lines: Vec<_> = order.iter().map(|&i| page.lines[i].clone()).collect();
    page.roles = order.iter().map(|&i| page.roles[i]).collect();
    page.measures = order.iter().map(|&i| page.measures[i]).collect();
    page.lines = lines;
}

/// Whether line text `t` ends with a sentence's end.
fn closes_sentence(t: &str) -> bool {
    t.trim_end().ends_with(['。', '！', '？', '”'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edition::parse::lines::despace_page;

    fn texts<'a>(page: &'a PageLines<'_>) -> Vec<&'a str> {
        page.lines.iter().map(|l| l.text).collect()
    }

    /// A page whose first article stops in mid-word (`…同时加强价`) before
    /// another article's headline and dated opening; its continuation
    /// (`格巡查…`, a full column line after a finished paragraph) comes
    /// last. `加强价格` is used elsewhere on the page.
    const BROKEN: &str = "游客反映假期高峰时段游船排\n队超过一小时部分停车场周边\n\
                          交通拥堵个别商户存在临时涨\n价现象管委会表示同时加强价\n\n\
                          运河夜市开街首月客流超百万\n\n\
                          本报讯六月的一个周五晚上九\n点运河夜市人头攒动小吃摊前\n\
                          排起了长队需加强价格监管。\n\n\
                          格巡查对明码标价不规范的商\n户限期整改督促其落实到位。\n";

    fn page_of(text: &str) -> (Vec<String>, Vec<Role>) {
        page_with_headline_at(text, 4)
    }

    /// The lines of `text` in the order read, and their roles, with line
    /// `headline` a headline and every other line body.
    fn page_with_headline_at(text: &str, headline: usize) -> (Vec<String>, Vec<Role>) {
        let despaced = despace_page(text);
        let mut page = PageLines::new(text, &despaced, false, None);
        for (i, r) in page.roles.iter_mut().enumerate() {
            *r = if i == headline {
                Role::Headline
            } else {
                Role::Body
            };
        }
        restore_continuations(&mut page, &[]);
        let order = texts(&page).iter().map(|t| (*t).to_owned()).collect();
        (order, page.roles.clone())
    }

    #[test]
    fn a_continuation_read_late_follows_the_block_it_continues() {
        let despaced = despace_page(BROKEN);
        let page = PageLines::new(BROKEN, &despaced, false, None);
        assert!(
            page.measure_at(0).columnar,
            "the test page must be columnar"
        );
        let (order, roles) = page_of(BROKEN);
        assert_eq!(
            order,
            [
                "游客反映假期高峰时段游船排",
                "队超过一小时部分停车场周边",
                "交通拥堵个别商户存在临时涨",
                "价现象管委会表示同时加强价",
                "格巡查对明码标价不规范的商",
                "户限期整改督促其落实到位。",
                "运河夜市开街首月客流超百万",
                "本报讯六月的一个周五晚上九",
                "点运河夜市人头攒动小吃摊前",
                "排起了长队需加强价格监管。",
            ]
        );
        assert_eq!(roles[6], Role::Headline);
    }

    #[test]
    fn the_paragraphs_after_a_moved_continuation_go_with_it() {
        // The continuation ends its paragraph; the next paragraph of the
        // same column, down to the credit, is the same article's.
        let text = format!("{BROKEN}\n另据介绍管委会还将在夜市\n增设志愿服务岗。（张三）\n");
        let (order, roles) = page_of(&text);
        assert_eq!(
            order[3..9],
            [
                "价现象管委会表示同时加强价",
                "格巡查对明码标价不规范的商",
                "户限期整改督促其落实到位。",
                "另据介绍管委会还将在夜市",
                "增设志愿服务岗。（张三）",
                "运河夜市开街首月客流超百万",
            ]
        );
        assert_eq!(roles[8], Role::Headline);
    }

    #[test]
    fn a_continuation_opening_with_a_digit_joins_by_page_order() {
        // Counts know little of `查30`; page order decides.
        let text = BROKEN
            .replace("价现象管委会表示同时加强价", "价现象管委会表示同时检查")
            .replace(
                "格巡查对明码标价不规范的商\n户限期整改督促其落实到位。",
                "30家商户限期整改督促其落\n实到位并公开曝光典型案例。",
            );
        let (order, _) = page_of(&text);
        assert_eq!(order[3], "价现象管委会表示同时检查");
        assert_eq!(order[4], "30家商户限期整改督促其落");
    }

    #[test]
    fn a_pair_never_seen_joins_by_page_order() {
        // The same page without `价格` anywhere: no count speaks for the
        // join, but the only open end in doubt takes the only head on
        // offer after it.
        let text = BROKEN.replace("加强价格监管", "加强监督管理");
        let (order, _) = page_of(&text);
        assert_eq!(order[3], "价现象管委会表示同时加强价");
        assert_eq!(order[4], "格巡查对明码标价不规范的商");
    }

    /// Asserts that reading `text` moves none of its lines.
    #[track_caller]
    fn assert_order_kept(text: &str) {
        let (order, _) = page_of(text);
        let before: Vec<String> = text
            .lines()
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect();
        assert_eq!(order, before);
    }

    #[test]
    fn a_sentence_opener_is_no_fallback_head() {
        // `格` follows a `。` on the page: the late block may open a
        // sentence, and with no count for the join it stays.
        let text = BROKEN
            .replace("加强价格监管", "加强监督管理")
            .replace("点运河夜市人头攒动小吃摊前", "点运河夜市。格外人头攒动前");
        assert_order_kept(&text);
    }

    #[test]
    fn a_paragraph_first_line_at_a_column_foot_is_continued() {
        // The first article's last line opens a paragraph (an indent
        // short, after a finished sentence) and runs on: the column's foot
        // cut it as it would cut a full line.
        let text = BROKEN.replace(
            "价现象管委会表示同时加强价\n",
            "价现象管委会表示同时加强。\n据悉管委会将同时加强价\n",
        );
        let (order, roles) = page_with_headline_at(&text, 5);
        assert_eq!(order[4], "据悉管委会将同时加强价");
        assert_eq!(order[5], "格巡查对明码标价不规范的商");
        assert_eq!(roles[7], Role::Headline);
    }

    #[test]
    fn a_paragraph_opening_after_a_headline_gives_way_to_a_seen_join() {
        // The block after the headline is undated, but opens a paragraph
        // (an indent short, and more lines under it): it may still continue
        // the open end, at a penalty, so the late block whose join
        // (`价格`) is seen on the page wins.
        let text = BROKEN.replace(
            "本报讯六月的一个周五晚上九\n点运河夜市人头攒动小吃摊前\n排起了长队需加强价格监管。\n",
            "六月的一个周五晚上九点\n运河夜市人头攒动小吃摊前排\n起了长队需加强价格监管。\n",
        );
        let (order, roles) = page_of(&text);
        assert_eq!(
            order[3..7],
            [
                "价现象管委会表示同时加强价",
                "格巡查对明码标价不规范的商",
                "户限期整改督促其落实到位。",
                "运河夜市开街首月客流超百万",
            ]
        );
        assert_eq!(roles[6], Role::Headline);
    }

    #[test]
    fn a_paragraph_first_line_is_no_continuation() {
        // The late block opens a paragraph (an indent short): it stays.
        let text = BROKEN.replace("格巡查对明码标价不规范的商", "格巡查对明码标价不规范");
        assert_order_kept(&text);
    }

    #[test]
    fn context_takes_the_nearest_pages_up_to_the_byte_budget() {
        let big = "x".repeat(CONTEXT_BYTES / 2);
        let pages = ["a", big.as_str(), "b", big.as_str(), "c"];
        // Page 2 takes one big neighbour and the small page beyond it.
        assert_eq!(context(&pages, 2), &pages[0..3]);
        assert_eq!(context(&pages, 0), &pages[0..3]);
        assert_eq!(context(&pages, 4), &pages[2..5]);
        assert!(context(&pages, 9).is_empty());
        let small = ["a", "b", "c"];
        assert_eq!(context(&small, 1), &small[..]);
    }
}
