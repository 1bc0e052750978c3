//! Justification of CJK rows that push-out left short.
//!
//! In print, a CJK row is set flush to both edges. When push-out (or a
//! 2-column cluster that did not fit the last column) leaves a row short, the
//! missing columns are spread between its clusters (jlreq §3.8, "Line
//! adjustment"). A terminal cannot add fractions of a column, so whole spaces
//! go into the gaps: first one each to the gaps after punctuation, before an
//! opening bracket or quote and between CJK and other text, where a reader
//! sees a pause anyway, then the rest evenly between the other clusters, so
//! a word (`上半年`) is opened up only when the punctuation gaps are used.
//! Spaces go only where a break opportunity lies between two non-space
//! clusters, at least one of them CJK: never inside a Latin word or a number
//! with its unit, never between a no-end character and what follows it, or
//! before a no-start one. The last row of a paragraph, a row ended by a
//! mandatory or emergency break, and a Latin row are left ragged.

use super::clusters::{Break, Cluster, Clusters};
use super::fill::{End, Span};
use super::kinsoku::{NO_END_BIT, NO_START_BIT, in_cjk_text};

/// Spaces inserted into a justified row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Gap {
    /// The index of the cluster the spaces go before.
    pub cluster: usize,
    /// The `char` offset (into the paragraph) of the cluster the spaces go
    /// before.
    pub char: usize,
    /// How many spaces (columns) go there.
    pub columns: usize,
}

/// The gaps that justify row `r` of `spans` to its capacity; empty when the
/// row is not to be justified.
pub(crate) fn gaps(clusters: &Clusters<'_>, spans: &[Span], r: usize) -> Vec<Gap> {
    let list = &clusters.list;
    let (Some(span), Some(next)) = (spans.get(r), spans.get(r + 1)) else {
        return Vec::new();
    };
    let missing = span.capacity.saturating_sub(span.width);
    let shortened = span.end == End::Opportunity
        && missing > 0
        && span.shown_end > span.first
        && list.get(span.shown_end - 1).is_some_and(cjkish)
        && list.get(next.first).is_some_and(cjkish);
    if !shortened {
        return Vec::new();
    }
    let slot = |j: &usize| {
        let (a, b) = (&list[*j - 1], &list[*j]);
        b.before == Break::Allowed && !a.space && !b.space && (cjkish(a) || cjkish(b))
    };
    let slots: Vec<usize> = (span.first + 1..span.shown_end).filter(slot).collect();
    // Positions in `slots`, preferred gaps and the others.
    let (preferred, inner): (Vec<usize>, Vec<usize>) =
        (0..slots.len()).partition(|&i| is_preferred(&list[slots[i] - 1], &list[slots[i]]));
    // One column to each preferred gap first (spread evenly if there are
    // fewer columns than gaps), then the rest between the other clusters,
    // or, if there are none, on top of the preferred gaps.
    let first = missing.min(preferred.len());
    let rest = missing - first;
    let mut columns = vec![0; slots.len()];
    spread(&preferred, first, &mut columns);
    spread(
        if inner.is_empty() { &preferred } else { &inner },
        rest,
        &mut columns,
    );
    slots
        .into_iter()
        .zip(columns)
        .filter(|&(_, columns)| columns > 0)
        .map(|(j, columns)| Gap {
            cluster: j,
            char: list[j].char,
            columns,
        })
        .collect()
}

/// Adds `missing` columns to the gaps at positions `gaps` of `columns`, as
/// evenly as possible (see [`share`]).
fn spread(gaps: &[usize], missing: usize, columns: &mut [usize]) {
    let count = gaps.len();
    for (i, &at) in gaps.iter().enumerate() {
        columns[at] += share(i + 1, missing, count) - share(i, missing, count);
    }
}

/// True for a gap where added space goes first: after a pause or closing punctuation
/// mark (`，` `。` `」`), before an opening one (`「` `“`), and at a
/// boundary between CJK and other text (`会议ABC`). Not after a middle dot
/// (`马克·吐温` is one name), a dash, a wave dash or a unit sign.
fn is_preferred(a: &Cluster, b: &Cluster) -> bool {
    let after_punctuation = a.class & NO_START_BIT != 0
        && !a.base.is_alphanumeric()
        && !matches!(
            a.base,
            '·' | '・'
                | '‧'
                | '･'
                | '‐'
                | '–'
                | '〜'
                | '～'
                | '゠'
                | '%'
                | '％'
                | '‰'
                | '°'
                | '℃'
                | '—'
                | '―'
                | '⸺'
                | '⸻'
        );
    let before_opening = b.class & NO_END_BIT != 0;
    after_punctuation || before_opening || cjkish(a) != cjkish(b)
}

/// The columns of `missing` given to the first `slots` of `count` gaps,
/// rounded to nearest, so leftovers land evenly and symmetrically.
fn share(slots: usize, missing: usize, count: usize) -> usize {
    if count == 0 {
        return 0;
    }
    (2 * slots * missing + count) / (2 * count)
}

/// A CJK cluster, or any 2-column one (emoji sit among CJK text).
fn cjkish(c: &Cluster) -> bool {
    c.width == 2 || in_cjk_text(c.base)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typeset::AmbiguousWidth;
    use crate::typeset::fill::fill;

    fn gaps_of(text: &str, width: usize) -> Vec<Vec<(usize, usize)>> {
        let clusters = Clusters::new(text, AmbiguousWidth::Narrow);
        let spans = fill(&clusters, width, width);
        (0..spans.len())
            .map(|r| {
                gaps(&clusters, &spans, r)
                    .iter()
                    .map(|g| (g.char, g.columns))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn pushed_out_row_spreads_its_missing_columns_evenly() {
        // 一二三四 / 五，六 at 10: the first row misses 2 columns over 3
        // gaps; rounding gives them to the outer two (before 二 and 四).
        assert_eq!(
            gaps_of("一二三四五，六", 10),
            vec![vec![(1, 1), (3, 1)], vec![]]
        );
    }

    #[test]
    fn spaces_never_go_before_a_no_start_character() {
        // 中文， / 测试。 at 7: the first row misses 1 column; the only gap
        // is between 中 and 文 (文， is one unit).
        assert_eq!(gaps_of("中文，测试。", 7), vec![vec![(1, 1)], vec![]]);
    }

    #[test]
    fn spaces_go_after_punctuation_before_opening_a_word() {
        // 上半年，全市 / 五，六 at 13: one column missing, and it goes
        // after the comma, not inside 上半年.
        assert_eq!(
            gaps_of("上半年，全市五，六", 13),
            vec![vec![(4, 1)], vec![]]
        );
        // At 15, three missing and one gap after punctuation: it gets one,
        // the other three gaps share the other two.
        assert_eq!(
            gaps_of("上半年，全市五，六", 15),
            vec![vec![(1, 1), (4, 1), (5, 1)], vec![]]
        );
    }

    #[test]
    fn spaces_go_at_script_boundaries_and_before_opening_brackets() {
        // 会议ABC举行 / 五，六 at 13: 2 missing, to the two script
        // boundaries.
        assert_eq!(
            gaps_of("会议ABC举行五，六", 13),
            vec![vec![(2, 1), (5, 1)], vec![]]
        );
        assert_eq!(gaps_of("会议《报》五，", 11), vec![vec![(2, 1)], vec![]]);
    }

    #[test]
    fn a_middle_dot_or_a_dash_is_not_a_pause() {
        let clusters = Clusters::new("马克·吐温——说，好", AmbiguousWidth::Narrow);
        let preferred: Vec<usize> = (1..clusters.list.len())
            .filter(|&j| is_preferred(&clusters.list[j - 1], &clusters.list[j]))
            .map(|j| clusters.list[j].char)
            .collect();
        assert_eq!(preferred, [9]);
    }

    #[test]
    fn latin_row_stays_ragged() {
        assert_eq!(gaps_of("hello world again", 12), vec![vec![], vec![]]);
    }
}
