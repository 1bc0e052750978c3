//! A paragraph as a list of grapheme clusters, each with its display width
//! and the break opportunity just before it.
//!
//! Clusters are extended grapheme clusters (UAX #29, `unicode-segmentation`),
//! measured whole with `unicode-width`'s string width, so `👩‍🔬` is 2 columns,
//! never the 4 a per-`char` sum gives. Break opportunities come from UAX #14
//! (`unicode-linebreak`), computed once per paragraph and mapped from byte
//! offsets onto cluster boundaries (an opportunity inside a cluster is
//! dropped). `unicode-linebreak` implements Unicode 15.0, whose rule LB19
//! forbids any break next to a quotation mark, so `了“` and `”在` could never
//! break; we apply the Unicode 15.1 rules LB19/LB19a instead (a break beside
//! `“ ‘` or `” ’` is allowed between East Asian characters). The
//! [`kinsoku`](super::kinsoku) layer then vetoes the opportunities that
//! clreq/jlreq forbid. Mandatory breaks are never vetoed.

use unicode_linebreak::{BreakOpportunity, linebreaks};
use unicode_width::UnicodeWidthChar;

use super::kinsoku::{
    CLOSING_QUOTE_BIT, Class, DIGIT_BIT, INSEPARABLE_BIT, NO_END_BIT, NO_START_BIT,
    OPENING_QUOTE_BIT, URL_START_BIT, class_of, unit_after_number, url_len,
};
use super::segment::grapheme_indices;
use super::{AmbiguousWidth, cluster_width};

/// The kind of break allowed at a cluster boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Break {
    /// No break here.
    Never,
    /// A row may end here (UAX #14 allows it and kinsoku does not forbid it).
    Allowed,
    /// A row must end here (a line feed or other UAX #14 mandatory break).
    Mandatory,
}

/// One extended grapheme cluster of a paragraph.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cluster {
    /// Byte offset of the cluster's start in the paragraph.
    pub byte: usize,
    /// `char` offset of the cluster's start in the paragraph.
    pub char: usize,
    /// Display width in columns.
    pub width: usize,
    /// The cluster's first `char`, which decides its kinsoku class.
    pub base: char,
    /// The kinsoku classes of `base` ([`kinsoku::class_of`]).
    pub class: Class,
    /// True when every `char` of the cluster is whitespace.
    pub space: bool,
    /// The break allowed at this cluster's start (between it and the one before).
    pub before: Break,
}

/// A paragraph split into clusters, with the totals needed to address its end.
#[derive(Debug, Clone)]
pub(crate) struct Clusters<'a> {
    /// The paragraph text.
    pub text: &'a str,
    /// The clusters, in order; empty for an empty paragraph.
    pub list: Vec<Cluster>,
    /// The paragraph's length in `char`s.
    pub chars: usize,
}

impl<'a> Clusters<'a> {
    /// Splits `text` into clusters, measures them at `ambiguous` and marks the
    /// break opportunities (UAX #14 and kinsoku).
    pub fn new(text: &'a str, ambiguous: AmbiguousWidth) -> Self {
        let mut list = Vec::with_capacity(text.len() / 3 + 1);
        let mut chars = 0;
        for (byte, g) in grapheme_indices(text) {
            let mut it = g.chars();
            let base = it.next().unwrap_or(' ');
            let single = it.as_str().is_empty();
            let (count, space) = if single {
                (1, base.is_whitespace())
            } else {
                (g.chars().count(), g.chars().all(char::is_whitespace))
            };
            list.push(Cluster {
                byte,
                char: chars,
                width: cluster_width(g, ambiguous),
                base,
                class: class_of(base),
                space,
                before: Break::Never,
            });
            chars += count;
        }
        let mut clusters = Clusters { text, list, chars };
        clusters.mark_uax14();
        clusters.tailor();
        clusters
    }

    /// Byte offset of cluster `index`, or the text's length past the end.
    pub fn byte_at(&self, index: usize) -> usize {
        self.list.get(index).map_or(self.text.len(), |c| c.byte)
    }

    /// `char` offset of cluster `index`, or the text's length past the end.
    pub fn char_at(&self, index: usize) -> usize {
        self.list.get(index).map_or(self.chars, |c| c.char)
    }

    /// Copies UAX #14 opportunities onto the cluster boundaries they fall on.
    fn mark_uax14(&mut self) {
        let mut k = 0;
        for (pos, kind) in linebreaks(self.text) {
            while k < self.list.len() && self.list[k].byte < pos {
                k += 1;
            }
            let Some(cluster) = self.list.get_mut(k) else {
                break;
            };
            if cluster.byte == pos && k > 0 {
                cluster.before = match kind {
                    BreakOpportunity::Mandatory => Break::Mandatory,
                    BreakOpportunity::Allowed => Break::Allowed,
                };
            }
        }
    }

    /// The tailoring on top of UAX #14, in one forward pass over the
    /// boundaries (each decision is local, so one pass is enough):
    /// 1. Unicode 15.1 LB19a: a break before an opening quote (`“ ‘`, Pi) or
    ///    after a closing one (`” ’`, Pf) is allowed when both characters
    ///    around the quote are East Asian (East_Asian_Width F, W or H);
    /// 2. a number keeps its unit (`3.5亿元`) and a URL stays whole (`50%`
    ///    and `US$14` are already whole under UAX #14 and the no-start set);
    /// 3. kinsoku: no break that would start a row with a no-start character,
    ///    end one with a no-end character, or split `——`/`……`. Spaces at a
    ///    break are dropped, so the characters that count are the nearest
    ///    non-space ones on either side (never across a mandatory break).
    ///
    /// Mandatory breaks are never touched.
    fn tailor(&mut self) {
        let has = |c: &Cluster, bit: Class| c.class & bit != 0;
        let mut ahead = NextVisible::default();
        // The classes of the last non-space cluster since a mandatory break.
        let mut last_visible: Class = 0;
        // Boundaries before this cluster index are glued (number + unit, URL).
        let mut glued_until = self.url_clusters(0);
        for k in 1..self.list.len() {
            let (prev, here) = (self.list[k - 1], self.list[k]);
            if here.before == Break::Mandatory {
                last_visible = 0;
            } else if !prev.space {
                last_visible = prev.class;
            }
            let after_digit = has(&prev, DIGIT_BIT);
            let starts_glue = if after_digit && !has(&here, DIGIT_BIT) {
                k + unit_after_number(self.text.get(here.byte..).unwrap_or_default())
            } else if has(&here, URL_START_BIT) && !prev.base.is_alphanumeric() {
                // Glues the boundaries inside the URL, not the one before it.
                k + self.url_clusters(k)
            } else {
                0
            };
            let glued = k < glued_until || (after_digit && starts_glue > k);
            glued_until = glued_until.max(starts_glue);
            let before = match here.before {
                Break::Never if self.quote_allows_break(k) => Break::Allowed,
                other => other,
            };
            let vetoed = before == Break::Allowed
                && (glued
                    || last_visible & NO_END_BIT != 0
                    || (has(&prev, INSEPARABLE_BIT) && prev.base == here.base)
                    || ahead.at(&self.list, k) & NO_START_BIT != 0);
            self.list[k].before = if vetoed { Break::Never } else { before };
        }
    }

    /// Unicode 15.1 LB19a for cluster boundary `k` (see [`Self::tailor`]).
    fn quote_allows_break(&self, k: usize) -> bool {
        let east_asian = |i: usize| self.list.get(i).is_some_and(|c| is_east_asian(c.base));
        let opening =
            self.list[k].class & OPENING_QUOTE_BIT != 0 && east_asian(k - 1) && east_asian(k + 1);
        let closing = k >= 2
            && self.list[k - 1].class & CLOSING_QUOTE_BIT != 0
            && east_asian(k - 2)
            && east_asian(k);
        opening || closing
    }

    /// The number of clusters of a URL starting at cluster `k`, 0 if none.
    fn url_clusters(&self, k: usize) -> usize {
        let Some(start) = self.list.get(k).map(|c| c.byte) else {
            return 0;
        };
        let bytes = url_len(self.text.get(start..).unwrap_or_default());
        if bytes == 0 {
            return 0;
        }
        self.list[k..]
            .iter()
            .take_while(|c| c.byte < start + bytes)
            .count()
    }
}

/// The first non-space cluster at or after a boundary, looked up lazily
/// and remembered, so a long run of spaces is scanned once, not once per
/// boundary inside it.
#[derive(Debug, Default)]
struct NextVisible {
    /// For every space cluster index in `from..until`, the answer is
    /// `class`: the scan from `from` stopped at `until` (a non-space
    /// cluster, a mandatory break, or the end).
    from: usize,
    until: usize,
    class: Class,
}

impl NextVisible {
    /// The classes of the first non-space cluster at or after `k`, stopping
    /// at a mandatory break after `k` (0 if there is none).
    fn at(&mut self, list: &[Cluster], k: usize) -> Class {
        if let Some(c) = list.get(k).filter(|c| !c.space) {
            return c.class;
        }
        if !(self.from..self.until).contains(&k) {
            self.from = k;
            self.until = list.len();
            self.class = 0;
            for (i, c) in list.iter().enumerate().skip(k + 1) {
                if c.before == Break::Mandatory || !c.space {
                    self.until = i;
                    self.class = if c.before == Break::Mandatory {
                        0
                    } else {
                        c.class
                    };
                    break;
                }
            }
        }
        self.class
    }
}

/// East_Asian_Width F, W or H (UAX #11), the `$EastAsian` of UAX #14 LB19a:
/// wide in every terminal, or a half-width form.
fn is_east_asian(c: char) -> bool {
    c.width() == Some(2)
        || ('\u{FF61}'..='\u{FFDC}').contains(&c)
        || ('\u{FFE8}'..='\u{FFEE}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn breaks(text: &str) -> Vec<(usize, Break)> {
        Clusters::new(text, AmbiguousWidth::Narrow)
            .list
            .iter()
            .filter(|c| c.before != Break::Never)
            .map(|c| (c.char, c.before))
            .collect()
    }

    fn allowed_at(text: &str) -> Vec<usize> {
        breaks(text)
            .into_iter()
            .filter(|(_, b)| *b == Break::Allowed)
            .map(|(at, _)| at)
            .collect()
    }

    #[test]
    fn zwj_sequence_is_one_cluster_of_two_columns() {
        let c = Clusters::new("👩‍🔬", AmbiguousWidth::Narrow);
        assert_eq!(c.list.len(), 1);
        assert_eq!(c.list[0].width, 2);
        assert_eq!(c.chars, 3);
    }

    #[test]
    fn no_break_before_middle_dot_wave_dash_or_em_dash() {
        assert_eq!(allowed_at("一·二"), vec![2]);
        assert_eq!(allowed_at("一～二"), vec![2]);
        assert_eq!(allowed_at("一—二"), vec![2]);
    }

    #[test]
    fn two_and_three_em_dashes_never_start_a_row_nor_split() {
        assert_eq!(allowed_at("一⸺二"), vec![2]);
        assert_eq!(allowed_at("一⸻二"), vec![2]);
        assert_eq!(allowed_at("一⸺⸺二"), vec![3]);
        assert_eq!(allowed_at("一⸻⸻二"), vec![3]);
    }

    #[test]
    fn no_break_after_a_full_width_solidus() {
        // Before it UAX #14 allows a break (class ID), as between ideographs.
        assert_eq!(allowed_at("中／英文"), vec![1, 3]);
        assert_eq!(allowed_at("公里／小时"), vec![1, 2, 4]);
    }

    #[test]
    fn double_dash_and_double_ellipsis_are_never_split() {
        assert_eq!(allowed_at("一——二"), vec![3]);
        assert_eq!(allowed_at("一……二"), vec![3]);
    }

    #[test]
    fn no_break_after_opening_quote_or_before_closing_one() {
        assert_eq!(allowed_at("了“双过”。好"), vec![1, 3, 6]);
    }

    #[test]
    fn number_keeps_its_magnitude_and_currency() {
        assert_eq!(allowed_at("超3.5亿元项目"), vec![1, 6, 7]);
    }

    #[test]
    fn url_has_no_break_inside() {
        assert_eq!(allowed_at("see https://a.org/x-y now"), vec![4, 22]);
    }

    #[test]
    fn quotes_between_chinese_break_outside_never_inside() {
        assert_eq!(allowed_at("他说‘好’了"), vec![1, 2, 5]);
    }

    #[test]
    fn quotes_in_latin_text_keep_uax14_rules() {
        assert_eq!(allowed_at("said “hi” ok"), vec![5, 10]);
    }

    #[test]
    fn break_before_spaces_looks_past_them_to_the_next_character() {
        // U+3000 (class BA) may follow a space with a break between them:
        // the row after that break would start with what follows the spaces.
        assert_eq!(allowed_at("中 \u{3000}，"), Vec::<usize>::new());
        assert_eq!(allowed_at("中 \u{3000}文"), vec![2, 3]);
        assert_eq!(allowed_at("中 \u{3000} \u{3000}，文"), vec![6]);
    }

    #[test]
    fn line_feed_is_a_mandatory_break_even_before_a_comma() {
        assert_eq!(
            breaks("a\n，b"),
            vec![(2, Break::Mandatory), (3, Break::Allowed)]
        );
    }
}
