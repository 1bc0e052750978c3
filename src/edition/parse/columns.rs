//! Column measure: the width a body line has when it runs to the column
//! edge, estimated locally for each line.
//!
//! Evidence: one output line is one printed column line (README of
//! `shared/samples/layouts`), and most lines of a column are full. So the
//! local measure is the most common width among nearby body lines (ties go
//! to the wider). In a run of short paragraphs the first lines, their
//! two-character indent dropped (four half-units short), can outnumber the
//! full lines; when at least three lines (and half as many) are four
//! half-units wider than the most common width, those are the full lines.
//! Pages where no width is common — cleaned text with one
//! paragraph per line, OCR of proportional type — are "free", and line
//! width is then no evidence at all.
//!
//! The whole page's measure (and, for a page too short to measure, the
//! measure of the edition's earlier pages) is a second witness: a paper
//! keeps its column measure from page to page. Near the end of a page the
//! window may hold more indent-short first lines than full lines; when
//! the page's measure is exactly an indent wider and at least two lines
//! of the window are set at it, those are the full lines. A window too
//! small to judge (fewer than three lines of one width) whose lines all
//! fit the edition's measure — none wider than it but for a hung closing
//! mark, one at least nearly full — is read at that measure.

/// How many body lines on each side are looked at.
const WINDOW: usize = 10;

/// Local column measure of each line, in half-units, and whether that
/// neighbourhood is set in columns at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Measure {
    /// The full-line width in half-units (see [`super::lines::width`]).
    pub full: usize,
    /// True when the neighbourhood really is set in fixed-width columns.
    pub columnar: bool,
}

/// The measure of a whole page's body `widths` (half-units), or `None`
/// when the page is not set in columns (see [`measure`]).
pub(crate) fn page_measure(widths: &[usize]) -> Option<Measure> {
    let mut sorted: Vec<usize> = Vec::with_capacity(widths.len());
    sorted.extend(widths.iter().copied().filter(|&w| w >= 8));
    sorted.sort_unstable();
    let mut runs = Runs::default();
    for w in sorted {
        runs.put(w);
    }
    let m = judge(&runs, None);
    m.columnar.then_some(m)
}

/// A multiset of widths as runs `(width, how many)`, in increasing width:
/// a column's window holds few distinct widths, so every count below is
/// a sweep over a handful of runs.
#[derive(Debug, Default)]
struct Runs {
    runs: Vec<(usize, usize)>,
    /// How many widths in all.
    len: usize,
}

impl Runs {
    /// Adds one width `w`.
    fn put(&mut self, w: usize) {
        let at = self.runs.partition_point(|&(x, _)| x < w);
        match self.runs.get_mut(at) {
            Some((x, n)) if *x == w => *n += 1,
            _ => self.runs.insert(at, (w, 1)),
        }
        self.len += 1;
    }

    /// Takes out one width `w` (one that was put in).
    fn take(&mut self, w: usize) {
        let at = self.runs.partition_point(|&(x, _)| x < w);
        if let Some((x, n)) = self.runs.get_mut(at)
            && *x == w
        {
            *n -= 1;
            self.len -= 1;
            if *n == 0 {
                self.runs.remove(at);
            }
        }
    }

    /// How many widths pass `test`.
    fn count(&self, test: impl Fn(usize) -> bool) -> usize {
        self.runs
            .iter()
            .map(|&(x, n)| if test(x) { n } else { 0 })
            .sum()
    }

    /// The widest width, if any.
    fn widest(&self) -> Option<usize> {
        self.runs.last().map(|&(x, _)| x)
    }
}

/// Estimates the [`Measure`] around each of `widths` (half-units), given
/// `wider`, the measure of the whole page or of the edition's earlier
/// pages (see the module docs), if any. Linear in the number of lines:
/// the window (at most `2 * WINDOW + 1` widths) is kept as sorted runs as
/// it slides, and each line's verdict is one sweep over them.
pub(crate) fn measure(widths: &[usize], wider: Option<Measure>) -> Vec<Measure> {
    let mut out = Vec::with_capacity(widths.len());
    // The widths of `widths[lo..hi]` that are at least 8.
    let mut window = Runs::default();
    let (mut lo, mut hi) = (0usize, 0usize);
    // The verdict on the window as it was for the line before.
    let mut last: Option<Measure> = None;
    for i in 0..widths.len() {
        let want_lo = i.saturating_sub(WINDOW);
        let want_hi = (i + WINDOW + 1).min(widths.len());
        // Widths put in and taken out for this line: the window is the
        // same as before when one width went in and the same width out.
        let (mut put, mut taken) = (None, None);
        let mut moved = 0usize;
        while hi < want_hi {
            let w = widths[hi];
            if w >= 8 {
                window.put(w);
                put = Some(w);
                moved += 1;
            }
            hi += 1;
        }
        while lo < want_lo {
            let w = widths[lo];
            if w >= 8 {
                window.take(w);
                taken = Some(w);
                moved += 1;
            }
            lo += 1;
        }
        let same = moved == 0 || moved == 2 && put.is_some() && put == taken;
        let verdict = match last {
            Some(m) if same => m,
            _ => judge(&window, wider),
        };
        last = Some(verdict);
        out.push(verdict);
    }
    out
}

/// The measure of one window of widths, with the page's or edition's
/// measure `wider` as a second witness.
fn judge(window: &Runs, wider: Option<Measure>) -> Measure {
    let own = judge_alone(window);
    let Some(w) = wider.filter(|w| w.columnar) else {
        return own;
    };
    let at = |lo: usize, hi: usize| window.count(|x| lo <= x && x <= hi);
    if own.columnar && (own.full + 3..=own.full + 4).contains(&w.full) {
        if at(w.full.saturating_sub(1), w.full) >= 2 {
            return w;
        }
        return own;
    }
    let fits = window.widest().is_some_and(|x| x <= w.full + 2);
    if !own.columnar && window.len > 0 && fits && at(w.full.saturating_sub(4), w.full + 2) >= 1 {
        return w;
    }
    own
}

/// The measure of one window of widths on its own evidence.
fn judge_alone(window: &Runs) -> Measure {
    // Count widths within one half-unit below each width: a digit or a
    // Latin letter makes an otherwise full line one half-unit short. Ties
    // go to the wider.
    let mut best = (0usize, 0usize);
    let mut prev: Option<(usize, usize)> = None;
    for &(w, n) in &window.runs {
        let below = prev.filter(|&(x, _)| x + 1 == w).map_or(0, |(_, m)| m);
        let count = n + below;
        if count >= best.1 {
            best = (w, count);
        }
        prev = Some((w, n));
    }
    let (mut full, mut count) = best;
    // In a run of short paragraphs, first lines (their two-character
    // indent dropped, four half-units short) can outnumber full lines.
    // Full lines are still common, and set four half-units wider.
    let wider_by_indent = window.count(|x| full + 3 <= x && x <= full + 4);
    if wider_by_indent >= 3 && wider_by_indent * 2 >= count {
        let limit = full + 4;
        full = window
            .runs
            .iter()
            .map(|&(x, _)| x)
            .filter(|&x| x <= limit)
            .max()
            .unwrap_or(full);
        count = wider_by_indent;
    }
    let near = window.count(|x| x + 4 >= full && x <= full + 2);
    // Headlines may be wider than the column, but not most lines.
    let wider = window.count(|x| x > full + 4);
    let len = window.len;
    let columnar = count >= 3 && near * 5 >= len * 2 && wider * 4 < len && full <= 120;
    Measure { full, columnar }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_width_is_the_measure() {
        let widths = [30, 30, 29, 30, 18, 30, 30, 26, 30, 40];
        let m = measure(&widths, None);
        assert_eq!(m[3].full, 30);
        assert!(m[3].columnar);
    }

    #[test]
    fn paragraph_per_line_text_is_not_columnar() {
        let widths = [120, 88, 260, 44, 150, 302, 76, 210];
        assert!(!measure(&widths, None)[3].columnar);
    }

    /// The window's verdict worked out directly, as the module docs state
    /// it, to check the sliding version against.
    fn measure_directly(widths: &[usize], i: usize) -> (usize, bool) {
        let lo = i.saturating_sub(WINDOW);
        let hi = (i + WINDOW + 1).min(widths.len());
        let window: Vec<usize> = widths[lo..hi].iter().copied().filter(|&w| w >= 8).collect();
        let mut best = (0, 0);
        let mut sorted = window.clone();
        sorted.sort_unstable();
        for &w in &sorted {
            let count = window.iter().filter(|&&x| x <= w && x + 1 >= w).count();
            if count >= best.1 {
                best = (w, count);
            }
        }
        let (mut full, mut count) = best;
        let indent_wider: Vec<usize> = window
            .iter()
            .copied()
            .filter(|&x| x >= full + 3 && x <= full + 4)
            .collect();
        if indent_wider.len() >= 3 && indent_wider.len() * 2 >= count {
            full = indent_wider
                .iter()
                .copied()
                .max()
                .expect("three or more widths");
            count = indent_wider.len();
        }
        let near = window
            .iter()
            .filter(|&&x| x + 4 >= full && x <= full + 2)
            .count();
        let wider = window.iter().filter(|&&x| x > full + 4).count();
        let columnar =
            count >= 3 && near * 5 >= window.len() * 2 && wider * 4 < window.len() && full <= 120;
        (full, columnar)
    }

    #[test]
    fn indented_first_lines_do_not_set_the_measure() {
        // Two-line paragraphs: first lines (24) outnumber full lines (28).
        let widths = [24, 28, 16, 24, 28, 14, 23, 28, 18, 24, 27, 12];
        let m = measure(&widths, None);
        assert_eq!(m[5].full, 28);
        assert!(m[5].columnar);
    }

    #[test]
    fn page_too_short_to_measure_borrows_the_editions_measure() {
        // Four body lines of a 14-character column: the first line two
        // characters short, one line with a hung comma, a last line.
        let widths = [24, 30, 22, 24, 14];
        assert!(!measure(&widths, None)[1].columnar);
        let earlier = Measure {
            full: 28,
            columnar: true,
        };
        let m = measure(&widths, Some(earlier))[1];
        assert_eq!(m.full, 28);
        assert!(m.columnar);
    }

    #[test]
    fn borrowed_measure_is_not_taken_by_wider_lines() {
        // Lines far wider than the borrowed measure do not fit it.
        let widths = [60, 44, 70];
        let earlier = Measure {
            full: 28,
            columnar: true,
        };
        assert!(!measure(&widths, Some(earlier))[1].columnar);
    }

    #[test]
    fn first_lines_at_a_page_end_yield_to_the_page_measure() {
        // Near the page end first lines (24) outnumber full lines (28),
        // and only two full lines are in the window.
        let widths = [16, 16, 23, 24, 24, 24, 24, 26, 28, 28, 30];
        assert_eq!(measure(&widths, None)[10].full, 24);
        let page = Measure {
            full: 28,
            columnar: true,
        };
        assert_eq!(measure(&widths, Some(page))[10].full, 28);
    }

    #[test]
    fn window_runs_agree_with_the_direct_count_on_varied_widths() {
        // A fixed pseudo-random sequence: mostly a few column widths, with
        // short lines, narrow scraps and wide headlines among them.
        let mut seed = 0x2545_f491_u64;
        let mut next = move || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) as usize
        };
        for _ in 0..40 {
            let widths: Vec<usize> = (0..120)
                .map(|_| match next() % 10 {
                    0..=4 => 28 + next() % 2,
                    5 => 24,
                    6 => 8 + next() % 20,
                    7 => next() % 8,
                    8 => 32,
                    _ => 40 + next() % 100,
                })
                .collect();
            for (i, m) in measure(&widths, None).iter().enumerate() {
                assert_eq!(
                    (m.full, m.columnar),
                    measure_directly(&widths, i),
                    "{widths:?} {i}"
                );
            }
        }
    }

    #[test]
    fn sliding_window_agrees_with_the_direct_count() {
        let widths = [
            30, 30, 29, 30, 18, 30, 3, 26, 30, 40, 44, 44, 43, 12, 44, 60, 44, 44, 7, 30, 29, 29,
            30, 31, 30, 28, 120, 130, 30, 30, 9, 8, 8, 30,
        ];
        for (i, m) in measure(&widths, None).iter().enumerate() {
            assert_eq!(
                (m.full, m.columnar),
                measure_directly(&widths, i),
                "line {i}"
            );
        }
    }
}
