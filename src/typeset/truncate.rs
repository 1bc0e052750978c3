//! Cutting a line to a fixed number of columns, for lists (the headline
//! list): never inside a grapheme cluster, never half a wide character.

use super::segment::grapheme_indices;
use super::{AmbiguousWidth, cluster_width, display_width};

/// Cuts `text` to exactly `width` columns: the longest prefix of whole
/// grapheme clusters (UAX #29) that fits, then spaces for the columns left
/// free (by a short text, or by a 2-column cluster that did not fit the last
/// column). Line feeds and other control characters are kept as they are;
/// pass a single line. Never panics; `width` 0 gives `""`.
pub fn truncate(text: &str, width: usize, ambiguous: AmbiguousWidth) -> String {
    let (end, used) = fitting_prefix(text, width, ambiguous);
    pad(&text[..end], width - used)
}

/// Like [`truncate`], but when `text` does not fit, its end is replaced by
/// `…` (U+2026, 1 column at [`AmbiguousWidth::Narrow`], 2 at
/// [`AmbiguousWidth::Wide`]), so the reader sees the title was cut. The
/// result is exactly `width` columns. If even the ellipsis does not fit,
/// gives what [`truncate`] gives.
pub fn truncate_with_ellipsis(text: &str, width: usize, ambiguous: AmbiguousWidth) -> String {
    let (end, _) = fitting_prefix(text, width, ambiguous);
    if end == text.len() {
        return truncate(text, width, ambiguous);
    }
    let ellipsis = cluster_width("…", ambiguous);
    if ellipsis > width {
        return truncate(text, width, ambiguous);
    }
    let (end, _) = fitting_prefix(text, width - ellipsis, ambiguous);
    let kept = text[..end].trim_end();
    let used = display_width(kept, ambiguous);
    let mut out = String::with_capacity(kept.len() + 3 + width);
    out.push_str(kept);
    out.push('…');
    pad(&out, width - used - ellipsis)
}

/// The byte length and the columns of the longest prefix of whole clusters
/// of `text` that fits in `width` columns.
fn fitting_prefix(text: &str, width: usize, ambiguous: AmbiguousWidth) -> (usize, usize) {
    let mut used = 0;
    for (byte, g) in grapheme_indices(text) {
        let w = cluster_width(g, ambiguous);
        if used + w > width {
            return (byte, used);
        }
        used += w;
    }
    (text.len(), used)
}

fn pad(text: &str, spaces: usize) -> String {
    let mut out = String::with_capacity(text.len() + spaces);
    out.push_str(text);
    out.extend(std::iter::repeat_n(' ', spaces));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zwj_emoji_is_kept_whole_or_dropped_whole() {
        assert_eq!(truncate("a👩‍🔬b", 2, AmbiguousWidth::Narrow), "a ");
        assert_eq!(truncate("a👩‍🔬b", 3, AmbiguousWidth::Narrow), "a👩‍🔬");
    }

    #[test]
    fn zero_width_gives_empty_text() {
        assert_eq!(truncate("批踢踢", 0, AmbiguousWidth::Narrow), "");
        assert_eq!(
            truncate_with_ellipsis("批踢踢", 0, AmbiguousWidth::Narrow),
            ""
        );
    }

    #[test]
    fn ellipsis_marks_a_cut_title_and_pads_to_width() {
        // 批踢踢實業坊 is 12 columns; at 9, 批踢踢實 (8) and … (1) fill it;
        // at 10, one column is left for a space.
        assert_eq!(
            truncate_with_ellipsis("批踢踢實業坊", 9, AmbiguousWidth::Narrow),
            "批踢踢實…"
        );
        assert_eq!(
            truncate_with_ellipsis("批踢踢實業坊", 10, AmbiguousWidth::Narrow),
            "批踢踢實… "
        );
    }

    #[test]
    fn ellipsis_is_two_columns_when_ambiguous_is_wide() {
        assert_eq!(
            truncate_with_ellipsis("批踢踢實業坊", 10, AmbiguousWidth::Wide),
            "批踢踢實…"
        );
    }

    #[test]
    fn text_that_fits_gets_no_ellipsis() {
        assert_eq!(
            truncate_with_ellipsis("Reddit", 10, AmbiguousWidth::Narrow),
            "Reddit    "
        );
    }

    #[test]
    fn ellipsis_follows_the_last_word_not_a_space() {
        assert_eq!(
            truncate_with_ellipsis("ab cd ef", 4, AmbiguousWidth::Narrow),
            "ab… "
        );
    }
}
