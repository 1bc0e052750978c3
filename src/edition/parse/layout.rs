//! Side-by-side columns: text laid out as on the page (`pdftotext
//! -layout`, some OCR engines), where one text line holds a line of every
//! column, separated by wide runs of spaces. Such a page is rewritten
//! column by column, in reading order, before anything else reads it, so
//! the rest of the parser sees one column line per text line, and a blank
//! line at each column break, as from `pdftotext`'s reading-order mode.
//!
//! Evidence that a page is laid out this way: at least five lines, and at
//! least 30 % of its non-blank lines, hold a gap of two or more spaces
//! between text.
//!
//! Positions: `pdftotext -layout` gives every character one position,
//! whatever its width, while text aligned for a terminal counts display
//! width (half-units, see [`super::lines::char_width`]). Both are tried;
//! the one under which more runs of text start where other lines' runs
//! start (column edges) is used.
//!
//! Reading order is found by cutting the page as a newspaper is laid out
//! (an X-Y cut), recursively, in a region of rows × positions:
//! 0. **bands of the page**: a gap of blank rows under several rows of
//!    side-by-side text (a banner row over a row of stacks), and the
//!    page's head (folio line), cut the region into bands read top to
//!    bottom ([`page_bands`]);
//! 1. **gutters** — positions blank in every row of the region, with text
//!    on both sides — split it into strips. Strips that break (runs of
//!    blank rows) at the same rows are the columns of one **stack** of
//!    articles; a strip that runs on through the other's breaks holds
//!    other articles. Stacks are read left to right ([`stacks`]); a
//!    headline that opens a stack beside a column opening with body text
//!    (set right of the article's first column) is read first;
//! 2. one stack is cut at its **breaks** (blank rows and headlines set in
//!    one column's place) into bands read top to bottom, each read column
//!    by column ([`breaks`]);
//! 3. one column is cut at gaps of blank rows; the rows another stack's
//!    line pitch leaves blank in it are skipped;
//! 4. with no gutter through the region, positions blank between runs in
//!    many rows are the gutters of the body lines; a row with a run over
//!    one of them is a **spanning line** (a headline over several
//!    columns), and each group of spanning rows starts a band of its own
//!    ([`bands`]): the headline is read before the columns it spans.
//!
//! Body lines indented from their block's edge (a paragraph's first line)
//! keep an indent of two spaces.
//!
//! What no cut splits is read row by row as one block. Only whitespace
//! changes: every run keeps its text, and blocks are joined by blank lines.

use std::ops::Range;

use super::lines::char_width;

/// One run of text in a laid-out line: its position, the position just
/// after it, and where its text lies in the line (bytes).
#[derive(Clone, Copy)]
struct Run {
    at: usize,
    end: usize,
    bytes: (usize, usize),
}

/// A split page: its lines, each as runs of text, under one way of
/// counting positions.
struct Grid<'a> {
    lines: Vec<&'a str>,
    rows: Vec<Vec<Run>>,
    /// Least gap between runs that can be a gutter.
    min_gap: usize,
    /// How far right of its block's edge a paragraph's first line starts
    /// (a two-character indent).
    indent: Range<usize>,
}

/// Fewest rows of a break between the articles of a stack.
const BREAK_ROWS: usize = 2;

/// How near a break a column must have text, above and below, to run
/// through it: rows of two stacks set on different line pitches take
/// turns, so a column running on may miss the row next to the break.
const NEAR_ROWS: usize = 2;

/// Fewest blank rows that end a block in one column, unless one of them
/// is blank across the page: stacks set on other line pitches leave a
/// column's rows blank one or two at a time.
const COLUMN_GAP_ROWS: usize = 3;

/// Fewest rows of side-by-side text over a gap that makes it a cut
/// between bands of the page.
const BAND_ROWS: usize = 4;

/// How far apart (rows) a headline and the first line of the column left
/// of it may start and still open one article.
const HEAD_ALIGN_ROWS: usize = 3;

/// Runs of text on one row that mark the page's head (section, folio,
/// date), and the most rows the head takes.
const FOLIO_RUNS: usize = 3;
const HEAD_ROWS: usize = 5;

/// Most lines of a headline set right of its body, and what ends a
/// sentence (or a credit), which a headline's lines do not.
const HEADLINE_LINES: usize = 4;
const SENTENCE_ENDS: &[char] = &['。', '！', '？', '）', '」', '”', '.', ')', '：'];

/// Deepest cut: a page needs a handful; beyond this the rest of a region
/// is read row by row.
const MAX_DEPTH: usize = 48;

/// Share of a region's rows that must hold a gap at a position for it to
/// be taken as a body-line gutter (step 4), in percent, and the least
/// count of such rows.
const GUTTER_ROWS_PERCENT: usize = 25;
const GUTTER_ROWS_MIN: usize = 2;

/// One line of a block: its text, and whether it is indented from the
/// block's left edge (a paragraph's first line).
struct Line<'a> {
    indent: bool,
    text: &'a str,
}

/// Rewrites a laid-out page in reading order, column by column, or returns
/// `None` when the page is not laid out side by side. Only whitespace
/// changes.
pub(crate) fn split_columns(page: &str) -> Option<String> {
    // Most pages have fewer than five lines with a gap inside their text,
    // and are not split into runs at all.
    if !gapped_lines_at_least(page, 5) {
        return None;
    }
    let lines: Vec<&str> = page.split('\n').collect();
    let by_count = Grid {
        rows: lines.iter().map(|l| runs(l, |_| 1, 2)).collect(),
        lines: lines.clone(),
        min_gap: 2,
        indent: 2..5,
    };
    let by_width = Grid {
        rows: lines.iter().map(|l| runs(l, char_width, 3)).collect(),
        lines,
        min_gap: 3,
        indent: 3..7,
    };
    let grid = if aligned_runs(&by_count.rows) > aligned_runs(&by_width.rows) {
        by_count
    } else {
        by_width
    };
    let non_blank = grid.rows.iter().filter(|r| !r.is_empty()).count();
    let gapped = grid.rows.iter().filter(|r| r.len() >= 2).count();
    if gapped < 5 || gapped * 10 < non_blank * 3 {
        return None;
    }
    let edges = column_edges(&grid.rows);
    // Real pages have a handful of column edges per band; many edges mean
    // tabular or random text.
    if !(2..=24).contains(&edges.len()) {
        return None;
    }
    let mut blocks: Vec<Vec<Line<'_>>> = Vec::new();
    cut(&grid, 0..grid.rows.len(), 0..usize::MAX, 0, &mut blocks);
    let mut out = String::with_capacity(page.len() + blocks.len() * 2);
    for (k, block) in blocks.iter().enumerate() {
        if k > 0 {
            out.push_str("\n\n");
        }
        for (i, line) in block.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            if line.indent {
                out.push_str("  ");
            }
            out.push_str(line.text);
        }
    }
    if page.ends_with('\n') {
        out.push('\n');
    }
    Some(out)
}

/// The runs of row `r` that start inside `x`.
fn runs_in<'g>(grid: &'g Grid<'_>, r: usize, x: &Range<usize>) -> impl Iterator<Item = &'g Run> {
    let x = x.clone();
    grid.rows[r].iter().filter(move |run| x.contains(&run.at))
}

/// Reads region `rows` × `x` of `grid` in reading order into `blocks` (see
/// the module doc).
fn cut<'a>(
    grid: &Grid<'a>,
    rows: Range<usize>,
    x: Range<usize>,
    depth: usize,
    blocks: &mut Vec<Vec<Line<'a>>>,
) {
    cut_region(grid, rows, x, depth, false, blocks);
}

/// [`cut`], told whether the region is one column of a band (step 2):
/// such a column is not cut at its gaps, as the band was cut at its
/// breaks already (its blank rows are rows of the columns beside it).
fn cut_region<'a>(
    grid: &Grid<'a>,
    rows: Range<usize>,
    x: Range<usize>,
    depth: usize,
    column: bool,
    blocks: &mut Vec<Vec<Line<'a>>>,
) {
    let Some(rows) = text_rows(grid, rows, &x) else {
        return;
    };
    if depth >= MAX_DEPTH || rows.len() == 1 && runs_in(grid, rows.start, &x).nth(1).is_none() {
        blocks.push(read_rows(grid, rows, &x));
        return;
    }
    // 0. Bands of the page: a gap of blank rows under columns of text.
    let stacked = page_bands(grid, rows.clone(), &x);
    if stacked.len() > 1 {
        cut_bands(grid, stacked, &x, depth, blocks);
        return;
    }
    // 1. Gutters through every row: strips.
    let strips = strips(grid, rows.clone(), &x);
    if strips.len() > 1 {
        read_strips(grid, rows, &x, strips, depth, blocks);
        return;
    }
    // 3. One column: gaps cut it into bands, top to bottom.
    if !column {
        let gapped = column_bands(grid, rows.clone(), &x);
        if gapped.len() > 1 {
            cut_bands(grid, gapped, &x, depth, blocks);
            return;
        }
    }
    // 4. Spanning lines over the body lines' gutters.
    let bands = bands(grid, rows.clone(), &x);
    if bands.len() > 1 {
        cut_bands(grid, bands, &x, depth, blocks);
        return;
    }
    blocks.push(read_rows(grid, rows, &x));
}

/// The rows of `rows` from the first to the last that hold text in `x`;
/// `None` when none does.
fn text_rows(grid: &Grid<'_>, rows: Range<usize>, x: &Range<usize>) -> Option<Range<usize>> {
    let filled = |r: usize| runs_in(grid, r, x).next().is_some();
    let top = rows.clone().find(|&r| filled(r))?;
    let bottom = rows.rev().find(|&r| filled(r)).map_or(top, |r| r) + 1;
    Some(top..bottom)
}

/// Reads `bands` of the region's strip `x` one after another, top to
/// bottom, each cut one level deeper than `depth`.
fn cut_bands<'a>(
    grid: &Grid<'a>,
    bands: Vec<Range<usize>>,
    x: &Range<usize>,
    depth: usize,
    blocks: &mut Vec<Vec<Line<'a>>>,
) {
    for band in bands {
        cut(grid, band, x.clone(), depth + 1, blocks);
    }
}

/// Reads a region the gutters split into `strips` (step 1 of the module
/// doc): strips that share their breaks are the columns of one stack of
/// articles, and stacks are read left to right ([`read_stacks`]); one
/// stack is read by [`read_stack`].
fn read_strips<'a>(
    grid: &Grid<'a>,
    rows: Range<usize>,
    x: &Range<usize>,
    strips: Vec<Range<usize>>,
    depth: usize,
    blocks: &mut Vec<Vec<Line<'a>>>,
) {
    let stacks = stacks(grid, rows.clone(), &strips);
    if stacks.len() > 1 {
        read_stacks(grid, rows, &stacks, depth, blocks);
    } else {
        read_stack(grid, rows, x, strips, depth, blocks);
    }
}

/// Reads one stack of articles, whose columns are `strips` (step 2 of the
/// module doc): its breaks cut it into bands, top to bottom; with no
/// break, it is read column by column, a headline set right of its body
/// ([`headline_strip`]) first.
fn read_stack<'a>(
    grid: &Grid<'a>,
    rows: Range<usize>,
    x: &Range<usize>,
    mut strips: Vec<Range<usize>>,
    depth: usize,
    blocks: &mut Vec<Vec<Line<'a>>>,
) {
    let bands = breaks(grid, rows.clone(), x);
    if bands.len() > 1 {
        cut_bands(grid, bands, x, depth, blocks);
        return;
    }
    if headline_strip(grid, rows.clone(), &strips) {
        strips.rotate_right(1);
    }
    for part in strips {
        cut_region(grid, rows.clone(), part, depth + 1, true, blocks);
    }
}

/// Bands of one column (step 3 of the module doc), top to bottom: cut at
/// each gap of [`COLUMN_GAP_ROWS`] blank rows or more, or of rows one of
/// which is blank across the page. Fewer rows blank only here are rows
/// the extractor gave to text elsewhere (stacks set on other line
/// pitches), and are skipped. One band when there is no such gap.
/// `rows` must start and end with a row of text in `x`.
fn column_bands(grid: &Grid<'_>, rows: Range<usize>, x: &Range<usize>) -> Vec<Range<usize>> {
    let filled = |r: usize| runs_in(grid, r, x).next().is_some();
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut start = rows.start;
    let mut r = rows.start;
    while r < rows.end {
        if filled(r) {
            r += 1;
            continue;
        }
        let gap = r;
        while r < rows.end && !filled(r) {
            r += 1;
        }
        if r - gap >= COLUMN_GAP_ROWS || (gap..r).any(|g| grid.rows[g].is_empty()) {
            out.push(start..gap);
            start = r;
        }
    }
    out.push(start..rows.end);
    out
}

/// True when the last of a band's strips holds a headline set right of
/// the body in the others: a few lines, none ending a sentence, beside
/// columns of many more.
fn headline_strip(grid: &Grid<'_>, rows: Range<usize>, strips: &[Range<usize>]) -> bool {
    let Some((last, body)) = strips.split_last() else {
        return false;
    };
    let lines = |x: &Range<usize>| {
        rows.clone()
            .filter(|&r| runs_in(grid, r, x).next().is_some())
            .count()
    };
    let head = read_rows(grid, rows.clone(), last);
    let fewest_beside = body.iter().map(lines).min().unwrap_or(0);
    !body.is_empty()
        && (1..=HEADLINE_LINES).contains(&head.len())
        && fewest_beside >= head.len() * 3
        && head.iter().all(|line| !line.text.ends_with(SENTENCE_ENDS))
}

/// Reads stacks side by side, left to right. A stack that opens with a
/// headline over its columns, beside a column that opens with body text
/// on the same rows (a headline set right of an article's first column),
/// gives its headline first: it heads the column on its left too.
fn read_stacks<'a>(
    grid: &Grid<'a>,
    rows: Range<usize>,
    stacks: &[Range<usize>],
    depth: usize,
    blocks: &mut Vec<Vec<Line<'a>>>,
) {
    let mut k = 0;
    while k < stacks.len() {
        if k + 1 < stacks.len()
            && let Some(head) = opening_headline(grid, rows.clone(), &stacks[k + 1])
            && opens_with_body(grid, rows.clone(), &stacks[k], head.start)
        {
            // The article reaches down to the first band gap across both;
            // what lies under it is read across both.
            let both = stacks[k].start..stacks[k + 1].end;
            let end = page_bands(grid, rows.clone(), &both)
                .first()
                .map_or(rows.end, |band| band.end);
            cut(grid, head.clone(), stacks[k + 1].clone(), depth + 1, blocks);
            cut(grid, rows.start..end, stacks[k].clone(), depth + 1, blocks);
            cut(
                grid,
                head.end..end,
                stacks[k + 1].clone(),
                depth + 1,
                blocks,
            );
            cut(grid, end..rows.end, both, depth + 1, blocks);
            k += 2;
            continue;
        }
        cut(grid, rows.clone(), stacks[k].clone(), depth + 1, blocks);
        k += 1;
    }
}

/// The rows of the headline a stack of columns opens with: rows of one
/// run of text each, then at least one blank row before its first row of
/// side-by-side text.
fn opening_headline(grid: &Grid<'_>, rows: Range<usize>, x: &Range<usize>) -> Option<Range<usize>> {
    let count = |r: usize| runs_in(grid, r, x).count();
    let top = rows.clone().find(|&r| count(r) > 0)?;
    let body = (top..rows.end).find(|&r| count(r) > 1)?;
    let last_text = (top..body).rev().find(|&r| count(r) > 0)?;
    (last_text + 1 < body).then_some(top..last_text + 1)
}

/// True when strip `x` opens with body text within [`HEAD_ALIGN_ROWS`]
/// rows of `head`: its first two lines nearly as wide as its widest.
fn opens_with_body(grid: &Grid<'_>, rows: Range<usize>, x: &Range<usize>, head: usize) -> bool {
    let lines: Vec<(usize, usize)> = rows
        .filter_map(|r| {
            let mut it = runs_in(grid, r, x);
            let first = it.next()?;
            let last = it.last().unwrap_or(first);
            Some((r, last.end - first.at))
        })
        .collect();
    let widest = lines.iter().map(|&(_, w)| w).max().unwrap_or(0);
    match lines.as_slice() {
        [(top, a), (_, b), ..] => {
            top.abs_diff(head) <= HEAD_ALIGN_ROWS && (a * 4 >= widest * 3) && (b * 4 >= widest * 3)
        }
        _ => false,
    }
}

/// Rows of `rows` where strip `x` holds no text, as runs of consecutive
/// rows between its first and last row with text.
fn blank_runs(grid: &Grid<'_>, rows: Range<usize>, x: &Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut seen = false;
    let mut start: Option<usize> = None;
    for r in rows {
        if runs_in(grid, r, x).next().is_some() {
            if let Some(s) = start.take()
                && seen
            {
                out.push(s..r);
            }
            seen = true;
        } else if start.is_none() {
            start = Some(r);
        }
    }
    out
}

/// Groups adjacent strips into stacks: two strips are columns of one
/// stack unless one runs through a break (a run of blank rows) of the
/// other — text within [`NEAR_ROWS`] rows before and after it, and on
/// most of its rows — as a column beside a stack of other articles does. (Columns
/// of one article may have their first lines on rows of their own, one
/// column after the other: a column is not taken to run through
/// another's break unless it runs on both sides of it.)
fn stacks(grid: &Grid<'_>, rows: Range<usize>, strips: &[Range<usize>]) -> Vec<Range<usize>> {
    let filled: Vec<Vec<bool>> = strips
        .iter()
        .map(|s| {
            rows.clone()
                .map(|r| runs_in(grid, r, s).next().is_some())
                .collect()
        })
        .collect();
    let breaks: Vec<Vec<Range<usize>>> = strips
        .iter()
        .map(|s| blank_runs(grid, rows.clone(), s))
        .map(|b| {
            b.into_iter()
                .map(|r| r.start - rows.start..r.end - rows.start)
                .collect()
        })
        .collect();
    // True when strip `b` runs through a break of strip `a`.
    let runs_through = |a: usize, b: usize| {
        let f = &filled[b];
        breaks[a].iter().any(|gap| {
            let inside = f[gap.clone()].iter().filter(|&&x| x).count();
            let before = f[gap.start.saturating_sub(NEAR_ROWS)..gap.start].contains(&true);
            let after = f[gap.end..(gap.end + NEAR_ROWS).min(f.len())].contains(&true);
            before && after && inside * 2 > gap.len()
        })
    };
    let mut out = vec![strips[0].clone()];
    for (k, strip) in strips.iter().enumerate().skip(1) {
        if runs_through(k - 1, k) || runs_through(k, k - 1) {
            out.push(strip.clone());
        } else {
            out.last_mut().expect("one stack").end = strip.end;
        }
    }
    out
}

/// Bands of one stack (step 2 of the module doc): cut at its breaks. In a
/// run of rows with at most one run of text in the stack each (a headline
/// set in one column's place, the last or first lines of columns, or
/// nothing), the break reaches from the first blank row to the last, and
/// needs [`BREAK_ROWS`] rows, one more when no text lies inside it.
fn breaks(grid: &Grid<'_>, rows: Range<usize>, x: &Range<usize>) -> Vec<Range<usize>> {
    let count = |r: usize| runs_in(grid, r, x).count();
    let mut cuts: Vec<usize> = Vec::new();
    let mut r = rows.start;
    while r < rows.end {
        if count(r) > 1 {
            r += 1;
            continue;
        }
        let mut first_blank = None;
        let mut last_blank = None;
        while r < rows.end && count(r) <= 1 {
            if count(r) == 0 {
                first_blank.get_or_insert(r);
                last_blank = Some(r);
            }
            r += 1;
        }
        // The break reaches from its first blank row to its last: single
        // rows before it are the last lines of the columns above, and
        // those after it the first lines of the columns below, which
        // the extractor may set on rows of their own. Blank rows alone
        // may be rows the extractor gave to text of another stack: one
        // such row is no break, nor are two without text between them.
        if let (Some(a), Some(b)) = (first_blank, last_blank) {
            let inside: Vec<&Run> = (a..b).filter_map(|q| runs_in(grid, q, x).next()).collect();
            let text = !inside.is_empty();
            // Lines side by side, not one over another, are lines of
            // columns on rows of their own: no headline.
            let columns = inside.iter().any(|p| inside.iter().any(|q| q.at >= p.end));
            if !columns && b + 1 - a >= BREAK_ROWS + usize::from(!text) {
                cuts.push(a);
                cuts.push(b + 1);
            }
        }
    }
    let mut out = Vec::new();
    let mut from = rows.start;
    for c in cuts {
        if c > from {
            out.push(from..c);
        }
        from = from.max(c);
    }
    if from < rows.end {
        out.push(from..rows.end);
    }
    out
}

/// The region's rows as text lines: each row's text from its first run in
/// `x` to its last.
fn read_rows<'a>(grid: &Grid<'a>, rows: Range<usize>, x: &Range<usize>) -> Vec<Line<'a>> {
    let edge = rows
        .clone()
        .filter_map(|r| runs_in(grid, r, x).next())
        .map(|run| run.at)
        .min()
        .unwrap_or(0);
    rows.filter_map(|r| {
        let mut it = runs_in(grid, r, x);
        let first = it.next()?;
        let last = it.last().unwrap_or(first);
        Some(Line {
            indent: grid.indent.contains(&(first.at - edge)),
            text: &grid.lines[r][first.bytes.0..last.bytes.1],
        })
    })
    .collect()
}

/// Bands of a region stacked one over another (step 0 of the module doc):
/// cut at each gap of [`BREAK_ROWS`] blank rows or more under at least
/// [`BAND_ROWS`] rows of side-by-side text since the last cut. The gap's
/// rows must be blank across the page, or one more, or lie over a
/// headline (a row of one run): inside a stack, stacks beside it on other
/// line pitches leave rows blank in twos. The
/// page's head (at most [`HEAD_ROWS`] rows, one with [`FOLIO_RUNS`] runs
/// or more, over a blank row) is cut off too. Headlines side by side over
/// their bodies are no band of their own: the rows over
/// such a gap hold too few columns of text.
fn page_bands(grid: &Grid<'_>, rows: Range<usize>, x: &Range<usize>) -> Vec<Range<usize>> {
    let count = |r: usize| runs_in(grid, r, x).count();
    let mut out = Vec::new();
    let mut start = rows.start;
    let mut side_by_side = 0;
    let mut spread = false;
    let mut r = rows.start;
    while r < rows.end {
        let n = count(r);
        if n > 0 {
            side_by_side += usize::from(n > 1);
            spread |= n >= FOLIO_RUNS;
            r += 1;
            continue;
        }
        let gap = r;
        while r < rows.end && count(r) == 0 {
            r += 1;
        }
        let page_blank = (gap..r).all(|g| grid.rows[g].is_empty());
        // The page's head: a few rows at the top of the page, one of them
        // spread over it (section, folio, date), over a blank row.
        let head = out.is_empty() && start == 0 && page_blank && spread && gap - start <= HEAD_ROWS;
        if head
            || r - gap >= BREAK_ROWS
                && (page_blank || r - gap > BREAK_ROWS || r < rows.end && count(r) == 1)
                && side_by_side >= BAND_ROWS
        {
            out.push(start..gap);
            start = r;
            side_by_side = 0;
            spread = false;
        }
    }
    if out.is_empty() {
        return vec![rows];
    }
    out.push(start..rows.end);
    out
}

/// Strips of `x` between gutters blank in every row of `rows`, left to
/// right; one strip when there is no such gutter. A region of one or two
/// rows needs a gap one position wider, as a run of text may hold two
/// spaces.
fn strips(grid: &Grid<'_>, rows: Range<usize>, x: &Range<usize>) -> Vec<Range<usize>> {
    let min_gap = grid.min_gap + usize::from(rows.len() <= 2);
    let mut spans: Vec<(usize, usize)> = rows
        .flat_map(|r| runs_in(grid, r, x).map(|run| (run.at, run.end)))
        .collect();
    spans.sort_unstable();
    let mut out = Vec::new();
    let mut from = x.start;
    let mut reach = 0usize;
    for (k, &(at, end)) in spans.iter().enumerate() {
        if k > 0 && at >= reach + min_gap {
            out.push(from..at);
            from = at;
        }
        reach = reach.max(end);
    }
    if out.is_empty() {
        return vec![x.clone()];
    }
    out.push(from..x.end);
    out
}

/// Bands of `rows` (step 4 of the module doc): a new band at each group of
/// rows that span a body-line gutter. One band when there is nothing to
/// cut.
fn bands(grid: &Grid<'_>, rows: Range<usize>, x: &Range<usize>) -> Vec<Range<usize>> {
    let (base, between) = gap_rows(grid, rows.clone(), x);
    let need = (rows.len() * GUTTER_ROWS_PERCENT / 100).max(GUTTER_ROWS_MIN);
    let cores = gutter_cores(&between, base, need);
    if cores.is_empty() {
        return vec![rows];
    }
    spanning_bands(grid, rows, x, &cores)
}

/// How many rows of `rows` hold a gap (of at least the grid's least gap)
/// between two runs in `x`, at each position: gives the leftmost position
/// a run in `x` starts at, and the counts from there to the right end of
/// the rightmost run.
fn gap_rows(grid: &Grid<'_>, rows: Range<usize>, x: &Range<usize>) -> (usize, Vec<usize>) {
    let base = rows
        .clone()
        .filter_map(|r| runs_in(grid, r, x).next())
        .map(|run| run.at)
        .min()
        .unwrap_or(0);
    let width = rows
        .clone()
        .flat_map(|r| runs_in(grid, r, x).map(|run| run.end))
        .max()
        .unwrap_or(base)
        - base;
    let mut between = vec![0usize; width];
    for r in rows {
        let row: Vec<&Run> = runs_in(grid, r, x).collect();
        for pair in row.windows(2) {
            if pair[1].at >= pair[0].end + grid.min_gap {
                for b in &mut between[pair[0].end - base..pair[1].at - base] {
                    *b += 1;
                }
            }
        }
    }
    (base, between)
}

/// The cores of the body lines' gutters, positions left to right: in
/// each run of positions where at least `need` rows have a gap, the
/// positions where the most rows have one. `between` counts the rows with
/// a gap at each position from `base` on ([`gap_rows`]).
fn gutter_cores(between: &[usize], base: usize, need: usize) -> Vec<Range<usize>> {
    let mut cores: Vec<Range<usize>> = Vec::new();
    let mut p = 0;
    while p < between.len() {
        if between[p] < need {
            p += 1;
            continue;
        }
        let mut q = p;
        while q < between.len() && between[q] >= need {
            q += 1;
        }
        let most = between[p..q].iter().copied().max().unwrap_or(0);
        let lo = p + between[p..q].iter().position(|&b| b == most).unwrap_or(0);
        let hi = p + between[p..q].iter().rposition(|&b| b == most).unwrap_or(0) + 1;
        cores.push(base + lo..base + hi);
        p = q;
    }
    cores
}

/// Cuts `rows` into bands at the gutter `cores` (positions): a band starts
/// at each row that spans a gutter (a run of text over it) where the row
/// before spans other gutters. A single band that opens with spanning
/// rows is cut after them: the headline, then the columns it spans.
fn spanning_bands(
    grid: &Grid<'_>,
    rows: Range<usize>,
    x: &Range<usize>,
    cores: &[Range<usize>],
) -> Vec<Range<usize>> {
    // Which gutters each row spans.
    let spans = |r: usize| -> Vec<bool> {
        cores
            .iter()
            .map(|core| runs_in(grid, r, x).any(|run| run.at < core.end && run.end > core.start))
            .collect()
    };
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut previous: Option<Vec<bool>> = None;
    let mut start = rows.start;
    for r in rows.clone() {
        let now = spans(r);
        let spanning = now.iter().any(|&s| s);
        let changed = previous.as_ref().is_some_and(|p| *p != now);
        if spanning && changed && r > start {
            out.push(start..r);
            start = r;
        }
        previous = Some(now);
    }
    out.push(start..rows.end);
    if out.len() == 1 {
        // One band that starts with spanning rows: those rows, then the
        // rest.
        let first = spans(rows.start);
        if first.iter().any(|&s| s)
            && let Some(r) = rows.clone().find(|&r| spans(r) != first)
        {
            return vec![rows.start..r, r..rows.end];
        }
    }
    out
}

/// True when at least `n` lines of `page` hold two spaces (ASCII or
/// ideographic) in a row with text on both sides: a gap of three
/// half-units or more needs that, so a page with fewer such lines has
/// fewer than `n` gapped lines. Reads the page once with `memchr`, then
/// only the lines around each pair of spaces.
fn gapped_lines_at_least(page: &str, n: usize) -> bool {
    const IDEOGRAPHIC: &[u8] = "\u{3000}".as_bytes();
    let bytes = page.as_bytes();
    let is_space_at = |i: usize| {
        bytes.get(i) == Some(&b' ') || bytes[i.min(bytes.len())..].starts_with(IDEOGRAPHIC)
    };
    let ascii = memchr::memchr_iter(b' ', bytes);
    let wide = memchr::memmem::find_iter(bytes, IDEOGRAPHIC);
    let mut starts: Vec<usize> = ascii
        .filter(|&i| is_space_at(i + 1))
        .chain(wide.filter(|&i| is_space_at(i + IDEOGRAPHIC.len())))
        .collect();
    starts.sort_unstable();
    let mut count = 0;
    let mut counted_until = 0;
    for at in starts {
        if at < counted_until {
            continue;
        }
        let line_start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |k| k + 1);
        let line_end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |k| at + k);
        let before = page[line_start..at].trim();
        let after = page[at..line_end].trim();
        if !before.is_empty() && !after.is_empty() {
            count += 1;
            if count >= n {
                return true;
            }
            counted_until = line_end;
        }
    }
    false
}

/// How many runs, not the first of their line, start where runs of at
/// least two other lines start: the runs of a column beside another.
fn aligned_runs(rows: &[Vec<Run>]) -> usize {
    let mut starts: Vec<usize> = rows
        .iter()
        .flat_map(|r| r.iter().map(|run| run.at))
        .collect();
    starts.sort_unstable();
    let count =
        |at: usize| starts.partition_point(|&s| s <= at) - starts.partition_point(|&s| s < at);
    rows.iter()
        .flat_map(|r| r.iter().skip(1))
        .filter(|run| count(run.at) >= 3)
        .count()
}

/// Splits a line at gaps of at least `gap` positions, each character
/// taking `width` positions.
fn runs(line: &str, width: fn(char) -> usize, gap: usize) -> Vec<Run> {
    let mut out = Vec::new();
    let mut col = 0usize;
    // (first byte, position) of the run being read, and the byte and
    // position just after its last non-space character.
    let mut start: Option<(usize, usize)> = None;
    let mut last = (0usize, 0usize);
    for (i, c) in line.char_indices() {
        let w = width(c);
        if c.is_whitespace() {
            col += w;
            continue;
        }
        if let Some((s, at)) = start
            && col >= last.1 + gap
        {
            out.push(Run {
                at,
                end: last.1,
                bytes: (s, last.0),
            });
            start = None;
        }
        if start.is_none() {
            start = Some((i, col));
        }
        col += w;
        last = (i + c.len_utf8(), col);
    }
    if let Some((s, at)) = start {
        out.push(Run {
            at,
            end: last.1,
            bytes: (s, last.0),
        });
    }
    out
}

/// Display positions where at least three runs start (within one
/// position of each other), left to right.
fn column_edges(rows: &[Vec<Run>]) -> Vec<usize> {
    let mut starts: Vec<usize> = rows.iter().flatten().map(|r| r.at).collect();
    starts.sort_unstable();
    let mut edges: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < starts.len() {
        let mut j = i;
        while j < starts.len() && starts[j] <= starts[i] + 1 {
            j += 1;
        }
        if j - i >= 3 && edges.last().is_none_or(|&e| starts[i] > e + 4) {
            edges.push(starts[i]);
        }
        i = j.max(i + 1);
    }
    edges
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn side_by_side_columns_are_read_one_after_the_other() {
        let page = "甲一行文字      乙一行文字\n甲二行文字      乙二行文字\n甲三行文字      乙三行文字\n甲四行文字      乙四行文字\n甲五行文字      乙五行文字\n";
        let out = split_columns(page).expect("laid out");
        assert_eq!(
            out,
            "甲一行文字\n甲二行文字\n甲三行文字\n甲四行文字\n甲五行文字\n\n乙一行文字\n乙二行文字\n乙三行文字\n乙四行文字\n乙五行文字\n"
        );
    }

    /// Joins cells into a laid-out line: each cell padded to `width`
    /// characters (all the cells' text is CJK, so characters and display
    /// width agree on the columns).
    fn laid(cells: &[&str], width: usize) -> String {
        let mut line = String::new();
        for cell in cells {
            line.push_str(cell);
            line.push_str(&" ".repeat(width.saturating_sub(cell.chars().count())));
        }
        line.trim_end().to_owned()
    }

    #[test]
    fn a_headline_over_two_columns_comes_before_them_beside_a_column_of_its_own() {
        let mut page = vec![
            laid(&["左文标题", "右文大标题横跨两栏的一行字"], 14),
            String::new(),
        ];
        for n in ["一", "二", "三", "四", "五"] {
            page.push(laid(
                &[
                    &format!("左文第{n}行正文"),
                    &format!("右甲第{n}行正文"),
                    &format!("右乙第{n}行正文"),
                ],
                14,
            ));
        }
        let out = split_columns(&(page.join("\n") + "\n")).expect("laid out");
        let blocks: Vec<&str> = out.trim_end().split("\n\n").collect();
        // The left column reads as from `pdftotext`: its headline right
        // over its body.
        assert!(blocks[0].starts_with("左文标题\n左文第一行正文\n"), "{out}");
        assert!(blocks[0].ends_with("左文第五行正文"), "{out}");
        assert_eq!(blocks[1], "右文大标题横跨两栏的一行字");
        assert!(blocks[2].starts_with("右甲第一行正文") && blocks[2].ends_with("右甲第五行正文"));
        assert!(blocks[3].starts_with("右乙第一行正文") && blocks[3].ends_with("右乙第五行正文"));
        assert_eq!(blocks.len(), 4, "{out}");
    }

    #[test]
    fn bands_of_columns_are_read_one_under_another() {
        let mut page = Vec::new();
        for n in ["一", "二", "三", "四", "五"] {
            page.push(laid(
                &[&format!("上甲第{n}行正文"), &format!("上乙第{n}行正文")],
                12,
            ));
        }
        page.extend([
            String::new(),
            String::new(),
            "下文大标题横跨两栏的一行".to_owned(),
        ]);
        for n in ["一", "二", "三", "四"] {
            page.push(laid(
                &[&format!("下甲第{n}行正文"), &format!("下乙第{n}行正文")],
                12,
            ));
        }
        let out = split_columns(&page.join("\n")).expect("laid out");
        let firsts: Vec<&str> = out
            .split("\n\n")
            .map(|b| b.lines().next().unwrap_or(""))
            .collect();
        assert_eq!(
            firsts,
            [
                "上甲第一行正文",
                "上乙第一行正文",
                "下文大标题横跨两栏的一行",
                "下甲第一行正文",
                "下乙第一行正文"
            ],
            "{out}"
        );
    }

    #[test]
    fn paragraph_indents_are_kept_and_positions_counted_in_characters() {
        // As `pdftotext -layout` sets it: one position per character.
        let page = "   本报讯 甲栏首行    乙栏第一行文字文字\n甲栏第二行文字文字      乙栏第二行文字文字\n甲栏第三行文字文字         乙栏第三行文字\n甲栏第四行文字文字      乙栏第四行文字文字\n甲栏第五行文字文字      乙栏第五行文字文字\n";
        let out = split_columns(page).expect("laid out");
        assert!(out.starts_with("  本报讯 甲栏首行\n甲栏第二行"), "{out}");
        assert!(
            out.contains("\n\n乙栏第一行文字文字\n乙栏第二行文字文字\n  乙栏第三行文字\n"),
            "{out}"
        );
    }

    #[test]
    fn ordinary_text_is_left_alone() {
        assert!(split_columns("本报讯 7月26日，市委\n实处。 （高美梅）\n").is_none());
    }
}

#[cfg(test)]
mod debug {
    /// `LAYOUT_DEBUG=file cargo test --lib layout::debug -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn print_split() {
        let path = std::env::var("LAYOUT_DEBUG").expect("LAYOUT_DEBUG");
        let text = std::fs::read_to_string(path).expect("read");
        for (n, page) in text.split('\u{c}').enumerate() {
            println!("=== page {}", n + 1);
            println!(
                "{}",
                super::split_columns(page).unwrap_or_else(|| "(none)".into())
            );
        }
    }
}
