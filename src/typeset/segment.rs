//! Extended grapheme clusters (UAX #29), fast for CJK text.
//!
//! `unicode-segmentation` looks up every `char`'s Grapheme_Cluster_Break
//! property by binary search, which dominated setting a CJK article. But for
//! two adjacent "simple" characters (Grapheme_Cluster_Break = Other, not
//! Extend, ZWJ, SpacingMark, Prepend, Control, Regional_Indicator or a Hangul
//! jamo or syllable), no rule of UAX #29 other than GB999 ("break
//! everywhere else") can apply, so a boundary lies between them. We take
//! that shortcut for the common scripts and ask `unicode-segmentation` for
//! every other cluster, starting at a known boundary, so the clusters are
//! exactly `unicode-segmentation`'s.

use unicode_segmentation::UnicodeSegmentation;

/// The clusters of `text` with their byte offsets, as
/// `text.grapheme_indices(true)` gives them.
pub(crate) fn grapheme_indices(text: &str) -> GraphemeIndices<'_> {
    GraphemeIndices {
        rest: text,
        at: 0,
        simple_here: None,
    }
}

/// Iterator returned by [`grapheme_indices`].
#[derive(Debug, Clone)]
pub(crate) struct GraphemeIndices<'a> {
    /// The text not yet split.
    rest: &'a str,
    /// The byte offset of `rest` in the whole text.
    at: usize,
    /// Whether the character at `at` is simple, if already known.
    simple_here: Option<bool>,
}

impl<'a> Iterator for GraphemeIndices<'a> {
    type Item = (usize, &'a str);

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let rest = self.rest;
        let mut chars = rest.chars();
        let first = chars.next()?;
        let after_first = chars.as_str();
        let first_simple = self.simple_here.take().unwrap_or_else(|| is_simple(first));
        let next_simple = chars.next().map(is_simple);
        let len = if first_simple && next_simple.is_none_or(|simple| simple) {
            self.simple_here = next_simple;
            rest.len() - after_first.len()
        } else {
            full_rules_len(rest).max(first.len_utf8())
        };
        let (cluster, after) = rest.split_at_checked(len)?;
        let start = self.at;
        self.at += len;
        self.rest = after;
        Some((start, cluster))
    }
}

/// The byte length of the cluster at the start of `rest`, by the full rules
/// of `unicode-segmentation` (kept out of line: the uncommon path).
#[cold]
#[inline(never)]
fn full_rules_len(rest: &str) -> usize {
    rest.graphemes(true).next().map_or(0, str::len)
}

/// True for characters whose Grapheme_Cluster_Break is Other and that take
/// part in no other UAX #29 rule: printable ASCII, Latin-1 and Latin
/// Extended letters (before the combining marks at U+0300), general
/// punctuation, CJK symbols and punctuation (without the combining tone
/// marks U+302A–U+302F), kana (without the combining voicing marks
/// U+3099–U+309A), CJK ideographs and the full-width forms (without the
/// half-width voicing marks U+FF9E–U+FF9F, which extend).
#[inline]
fn is_simple(c: char) -> bool {
    if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        return true;
    }
    matches!(c,
        ' '..='~'
        | '\u{A0}'..='\u{AC}'
        | '\u{AE}'..='\u{2FF}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205E}'
        | '\u{3000}'..='\u{3029}'
        | '\u{3030}'..='\u{303F}'
        | '\u{3041}'..='\u{3096}'
        | '\u{309B}'..='\u{30FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{FF01}'..='\u{FF9D}'
        | '\u{FFE0}'..='\u{FFEE}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn assert_same_as_unicode_segmentation(text: &str) {
        let ours: Vec<(usize, &str)> = grapheme_indices(text).collect();
        let theirs: Vec<(usize, &str)> = text.grapheme_indices(true).collect();
        assert_eq!(ours, theirs, "{text:?}");
    }

    #[test]
    fn every_simple_character_is_its_own_cluster_before_every_mark() {
        // Each simple character followed by each kind of character that
        // could join it: combining marks, ZWJ, variation selectors, spacing
        // marks, kana voicing marks, emoji modifiers, and a simple one.
        let joiners = [
            "\u{301}",
            "\u{200D}",
            "\u{FE0F}",
            "\u{903}",
            "\u{3099}",
            "\u{302A}",
            "\u{FF9E}",
            "\u{1F3FD}",
            "\u{E0100}",
            "a",
            "中",
            "\r\n",
            "\u{1F1EF}",
        ];
        for code in (0x20..0xA000).chain(0xFF00..0xFFF0) {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            if !is_simple(c) {
                continue;
            }
            for joiner in joiners {
                assert_same_as_unicode_segmentation(&format!("{c}{joiner}{c}"));
            }
        }
    }

    #[test]
    fn emoji_sequences_flags_hangul_and_crlf_match_unicode_segmentation() {
        for text in [
            "👩‍🔬👨‍👩‍👧",
            "🇯🇵🇨🇳🇯",
            "❤️1️⃣",
            "한국어 ᄀᄀ각",
            "a\r\nb",
            "e\u{301}\u{308}x",
            "👍🏽!",
            "ｶﾞｷﾞ",
            "\u{600}a",
            "क्षि",
            "",
        ] {
            assert_same_as_unicode_segmentation(text);
        }
    }
}
