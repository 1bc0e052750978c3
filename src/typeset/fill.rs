//! Greedy filling of rows from a paragraph's clusters, with push-out.
//!
//! A *unit* is a run of clusters with no break opportunity inside (after the
//! kinsoku vetoes), so a no-start character is always in the same unit as
//! the cluster before it, and a no-end character with the one after it.
//! Filling whole units greedily therefore *is* push-out (jlreq *oidashi*):
//! when `五，` does not fit, `五` goes down with the `，`. Nothing hangs past
//! the edge, and a 2-column cluster never starts in the last free column,
//! because a unit is placed only when all of it fits.
//!
//! A unit wider than a whole row is split between clusters (an *emergency
//! break*), and only such a unit; the split goes back to the last boundary
//! that keeps the kinsoku rules, when the row has one (`541.54万` / `元。`,
//! not `541.54万元` / `。`).
//!
//! Last, a line's last row holding one character and its punctuation (`试。`)
//! takes one more unit from the row above, when that row can spare it.

use super::clusters::{Break, Cluster, Clusters};
use super::kinsoku::{INSEPARABLE_BIT, NO_END_BIT, NO_START_BIT};

/// How a row ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum End {
    /// At a break opportunity, because the next unit did not fit.
    Opportunity,
    /// At a mandatory break.
    Mandatory,
    /// Inside a unit wider than the row (an emergency break).
    Emergency,
    /// At the end of the text.
    Text,
}

/// One row as cluster indices into the paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    /// Index of the first cluster shown.
    pub first: usize,
    /// Index just past the last cluster shown (trailing spaces excluded).
    pub shown_end: usize,
    /// Index where the next row's text may start; the clusters from
    /// `shown_end` to here are spaces dropped at the break.
    pub next: usize,
    /// Columns shown.
    pub width: usize,
    /// Columns this row could hold.
    pub capacity: usize,
    /// How the row ended.
    pub end: End,
    /// True when the row starts just after an emergency break.
    pub emergency_start: bool,
}

/// The row being filled.
#[derive(Debug, Clone, Copy)]
struct Open {
    first: usize,
    shown_end: usize,
    width: usize,
    /// Columns of spaces after `shown_end`, kept only if more text follows.
    pending: usize,
    emergency_start: bool,
}

/// A run of clusters with no break opportunity inside.
#[derive(Debug, Clone, Copy)]
struct Unit {
    start: usize,
    /// First non-space cluster (`end` if all spaces).
    lead: usize,
    /// Just past the last non-space cluster (`lead` if all spaces).
    content_end: usize,
    end: usize,
    /// Columns from `lead` to `content_end`.
    content: usize,
    /// Columns from `start` to `content_end` (leading spaces included).
    with_lead: usize,
    /// Columns of the trailing spaces (of all of it, if all spaces).
    tail: usize,
}

/// Fills rows of `width` columns (the first row `first_width`) from `clusters`.
pub(crate) fn fill(clusters: &Clusters<'_>, width: usize, first_width: usize) -> Vec<Span> {
    let mut filler = Filler {
        list: &clusters.list,
        width,
        first_width,
        spans: Vec::new(),
        open: None,
    };
    let mut start = 0;
    while start < filler.list.len() {
        let unit = unit_at(filler.list, start);
        filler.place(unit);
        if filler
            .list
            .get(unit.end)
            .is_some_and(|c| c.before == Break::Mandatory)
        {
            filler.end_line(unit.start, unit.end, End::Mandatory);
        }
        start = unit.end;
    }
    let n = filler.list.len();
    filler.end_line(0, n, End::Text);
    let mut spans = filler.spans;
    for r in 1..spans.len() {
        avoid_widow(&clusters.list, &mut spans, r);
    }
    spans
}

/// If row `r` ends a line (the paragraph's end or a line feed) holding a
/// single CJK character and the no-start marks after it (`试。`, a *widow*
/// that reads as a stray character), and the row above ended at a break
/// opportunity, moves the last unit of the row above down to it, when the
/// row above stays more than half full and both fit: `…测` / `试。` becomes
/// `…` / `测试。`. (So `一二三。` at 7 columns stays `一二` / `三。`, as
/// `CASES.md` case 6 has it: `一` alone would be the stray row.)
fn avoid_widow(list: &[Cluster], spans: &mut [Span], r: usize) {
    let (above, last) = (spans[r - 1], spans[r]);
    let ends_line = matches!(last.end, End::Text | End::Mandatory);
    if !ends_line || above.end != End::Opportunity || !is_widow(&list[last.first..last.shown_end]) {
        return;
    }
    let Some(b) = (above.first + 1..above.shown_end)
        .rev()
        .find(|&b| list[b].before == Break::Allowed)
    else {
        return;
    };
    let lead = (b..above.shown_end).find(|&k| !list[k].space).unwrap_or(b);
    let mut shown_end = b;
    while shown_end > above.first && list[shown_end - 1].space {
        shown_end -= 1;
    }
    let columns = |from: usize, to: usize| list[from..to].iter().map(|c| c.width).sum::<usize>();
    let kept = columns(above.first, shown_end);
    let joined = columns(lead, last.first) + columns(last.first, last.shown_end);
    if 2 * kept <= above.capacity || joined > last.capacity {
        return;
    }
    spans[r - 1] = Span {
        shown_end,
        next: b,
        width: kept,
        ..above
    };
    spans[r] = Span {
        first: lead,
        width: joined,
        ..last
    };
}

/// True for a row of one CJK character (2 columns) and the no-start marks
/// after it (`试。`, `好！”`).
fn is_widow(row: &[Cluster]) -> bool {
    let Some((head, tail)) = row.split_first() else {
        return false;
    };
    head.width == 2
        && head.class & NO_START_BIT == 0
        && !tail.is_empty()
        && tail.iter().all(|c| c.class & NO_START_BIT != 0)
}

/// The unit starting at cluster `start`, measured in one pass.
fn unit_at(list: &[Cluster], start: usize) -> Unit {
    let mut unit = Unit {
        start,
        lead: list.len(),
        content_end: list.len(),
        end: list.len(),
        content: 0,
        with_lead: 0,
        tail: 0,
    };
    // Columns of the spaces seen since the last non-space cluster.
    let mut spaces = 0;
    for (k, c) in list.iter().enumerate().skip(start) {
        if k > start && c.before != Break::Never {
            unit.end = k;
            break;
        }
        if c.space {
            spaces += c.width;
            continue;
        }
        if unit.lead == list.len() {
            unit.lead = k;
            unit.with_lead = spaces;
        } else {
            unit.content += spaces;
        }
        unit.content += c.width;
        unit.content_end = k + 1;
        spaces = 0;
    }
    if unit.lead == list.len() {
        // All spaces: only its width matters, as spaces after the row's text.
        unit.lead = unit.end;
        unit.content_end = unit.end;
    } else {
        unit.with_lead += unit.content;
    }
    unit.tail = spaces;
    unit
}

struct Filler<'a> {
    list: &'a [Cluster],
    width: usize,
    first_width: usize,
    spans: Vec<Span>,
    open: Option<Open>,
}

impl Filler<'_> {
    fn capacity(&self) -> usize {
        if self.spans.is_empty() {
            self.first_width
        } else {
            self.width
        }
    }

    fn place(&mut self, unit: Unit) {
        if unit.lead == unit.end {
            if let Some(open) = &mut self.open {
                open.pending += unit.tail;
            }
            return;
        }
        if let Some(open) = self.open {
            let need = open.width + open.pending + unit.with_lead;
            if need <= self.capacity() {
                self.open = Some(Open {
                    shown_end: unit.content_end,
                    width: need,
                    pending: unit.tail,
                    ..open
                });
                return;
            }
            self.close(unit.start, End::Opportunity);
        }
        if unit.content <= self.capacity() {
            self.open = Some(Open {
                first: unit.lead,
                shown_end: unit.content_end,
                width: unit.content,
                pending: unit.tail,
                emergency_start: false,
            });
        } else if unit.content <= self.width {
            // Only the indented first row is too short for it: leave that
            // row empty rather than break a unit that fits a full row.
            self.blank(unit.lead, unit.lead, End::Opportunity);
            self.place(unit);
        } else {
            self.emergency(unit);
        }
    }

    /// Places a unit wider than a whole row, one cluster at a time. A single
    /// cluster wider than the row still gets a row of its own.
    fn emergency(&mut self, unit: Unit) {
        let mut emergency_start = false;
        let mut k = unit.lead;
        while k < unit.content_end {
            let c = self.list[k];
            let capacity = self.capacity();
            match &mut self.open {
                None if c.space => {}
                None => {
                    self.open = Some(Open {
                        first: k,
                        shown_end: k + 1,
                        width: c.width,
                        pending: 0,
                        emergency_start,
                    });
                }
                Some(open) if c.space => open.pending += c.width,
                Some(open) if open.width + open.pending + c.width <= capacity => {
                    open.width += open.pending + c.width;
                    open.pending = 0;
                    open.shown_end = k + 1;
                }
                Some(open) => {
                    let at = kinsoku_break(self.list, open.first, k);
                    if at < k {
                        // `at` follows no space (see `kinsoku_break`).
                        open.shown_end = at;
                        open.width = self.list[open.first..at].iter().map(|c| c.width).sum();
                    }
                    self.close(at, End::Emergency);
                    emergency_start = true;
                    k = at;
                    continue;
                }
            }
            k += 1;
        }
        if let Some(open) = &mut self.open {
            open.pending = unit.tail;
        }
    }

    /// Ends the open row at cluster `next`, if a row is open.
    fn close(&mut self, next: usize, end: End) {
        if let Some(open) = self.open.take() {
            let capacity = self.capacity();
            self.spans.push(Span {
                first: open.first,
                shown_end: open.shown_end,
                next,
                width: open.width,
                capacity,
                end,
                emergency_start: open.emergency_start,
            });
        }
    }

    /// Ends the line: closes the open row at `next`, or, if none is open,
    /// emits an empty row from `first` for an empty line between mandatory
    /// breaks, or for a text with nothing to show.
    fn end_line(&mut self, first: usize, next: usize, end: End) {
        if self.open.is_some() {
            self.close(next, end);
        } else if end == End::Mandatory || self.spans.is_empty() {
            self.blank(first, next, end);
        }
    }

    /// Emits an empty row from cluster `first` to `next`.
    fn blank(&mut self, first: usize, next: usize, end: End) {
        let capacity = self.capacity();
        self.spans.push(Span {
            first,
            shown_end: first,
            next,
            width: 0,
            capacity,
            end,
            emergency_start: false,
        });
    }
}

/// Where an emergency break that would fall before cluster `k` goes: the
/// nearest boundary at or before `k`, after the row's first cluster `first`,
/// that starts no row with a no-start character, ends none with a no-end one
/// and splits no `——`; `k` itself if there is none. So `541.54万元。` at 10
/// columns breaks as `541.54万` / `元。`, never before the `。`.
fn kinsoku_break(list: &[Cluster], first: usize, k: usize) -> usize {
    let bad = |b: usize| {
        let (prev, here) = (&list[b - 1], &list[b]);
        prev.space
            || here.class & NO_START_BIT != 0
            || prev.class & NO_END_BIT != 0
            || (prev.class & INSEPARABLE_BIT != 0 && prev.base == here.base)
    };
    (first + 1..=k).rev().find(|&b| !bad(b)).unwrap_or(k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typeset::AmbiguousWidth;

    /// (first shown, past last shown, next, width, end) per row.
    fn rows(
        text: &str,
        width: usize,
        first_width: usize,
    ) -> Vec<(usize, usize, usize, usize, End)> {
        let clusters = Clusters::new(text, AmbiguousWidth::Narrow);
        fill(&clusters, width, first_width)
            .iter()
            .map(|s| (s.first, s.shown_end, s.next, s.width, s.end))
            .collect()
    }

    #[test]
    fn word_that_fits_a_full_row_but_not_the_indented_first_leaves_it_empty() {
        // "hello" (5) does not fit the 4 columns left by the indent, but does
        // fit 8: the first row stays empty rather than break the word.
        assert_eq!(
            rows("hello world", 8, 4),
            [
                (0, 0, 0, 0, End::Opportunity),
                (0, 5, 6, 5, End::Opportunity),
                (6, 11, 11, 5, End::Text),
            ]
        );
    }

    #[test]
    fn spaces_between_units_count_when_the_row_goes_on() {
        // 中 + space + ideographic space + （ is 7 columns: （ cannot join at 5.
        assert_eq!(
            rows("中 \u{3000}（", 5, 5),
            [(0, 1, 3, 2, End::Opportunity), (3, 4, 4, 2, End::Text)]
        );
    }

    #[test]
    fn emergency_break_ends_one_row_and_starts_the_next() {
        let clusters = Clusters::new("abcdefg", AmbiguousWidth::Narrow);
        let spans = fill(&clusters, 3, 3);
        let ends: Vec<End> = spans.iter().map(|s| s.end).collect();
        let starts: Vec<bool> = spans.iter().map(|s| s.emergency_start).collect();
        assert_eq!(ends, [End::Emergency, End::Emergency, End::Text]);
        assert_eq!(starts, [false, true, true]);
    }

    #[test]
    fn empty_line_between_line_feeds_is_an_empty_row() {
        assert_eq!(
            rows("a\n\nb", 10, 10),
            [
                (0, 1, 2, 1, End::Mandatory),
                (2, 2, 3, 0, End::Mandatory),
                (3, 4, 4, 1, End::Text),
            ]
        );
    }
}
