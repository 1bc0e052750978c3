//! Justification of CJK rows that push-out left short.
//!
//! In print, a CJK row is set flush to both edges. When push-out (or a
//! 2-column cluster that did not fit the last column) leaves a row short, the
//! missing columns are spread between its clusters (jlreq §3.8, "Line
//! adjustment"). A terminal cannot add fractions of a column, so whole spaces
//! go into the gaps, as evenly as possible. Spaces go only where a break
//! opportunity lies between two non-space clusters, at least one of them
//! CJK: never inside a Latin word or a number with its unit, never between a
//! no-end character and what follows it, or before a no-start one. The last
//! row of a paragraph, a row ended by a mandatory or emergency break, and a
//! Latin row are left ragged.

use super::clusters::{Break, Cluster, Clusters};
use super::fill::{End, Span};
use super::kinsoku::in_cjk_text;

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
    let slots = || (span.first + 1..span.shown_end).filter(slot);
    let count = slots().count();
    slots()
        .enumerate()
        .map(|(i, j)| Gap {
            cluster: j,
            char: list[j].char,
            columns: share(i + 1, missing, count) - share(i, missing, count),
        })
        .filter(|g| g.columns > 0)
        .collect()
}

/// The columns of `missing` given to the first `slots` of `count` gaps,
/// rounded to nearest, so leftovers land evenly and symmetrically.
fn share(slots: usize, missing: usize, count: usize) -> usize {
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
    fn latin_row_stays_ragged() {
        assert_eq!(gaps_of("hello world again", 12), vec![vec![], vec![]]);
    }
}
