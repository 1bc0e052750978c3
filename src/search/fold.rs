//! Folding text for search: the rules that make two spellings match.
//!
//! Folding maps each character of the original text to one folded character,
//! except that a halfwidth or combining (semi-)voiced sound mark after a kana
//! merges with it (`ｶﾞ` and `カ` + U+3099 both become `ガ`). So folding never
//! makes text longer, and a folded character always comes from one or two
//! original characters; [`fold_into`] returns a char-index map only when some
//! merge happened.
//!
//! The rules, applied to each character in this order:
//! 1. optionally, traditional Han characters to simplified (see
//!    [`super::variants`]);
//! 2. width: fullwidth letters and digits (in U+FF01–U+FF5E) to ASCII,
//!    ASCII punctuation (U+0021–U+007E but letters and digits) to its
//!    fullwidth form in U+FF01–U+FF5E, the
//!    ideographic space U+3000 to U+0020, halfwidth katakana and CJK
//!    punctuation (U+FF61–U+FF9F) and the halfwidth/fullwidth signs
//!    (U+FFE0–U+FFEE) to their `<wide>`/`<narrow>` compatibility
//!    decompositions (Unicode's `UnicodeData.txt`, as NFKC would map them);
//! 3. case: a character whose lowercase (Unicode `Lowercase_Mapping`) is one
//!    character becomes it. A character with a multi-character lowercase
//!    (U+0130 `İ`) is left as it is, which keeps the one-to-one mapping.
//!
//! Each pair of rule 2 is one-to-one, so which of the two forms a pair folds
//! to does not change what matches. Punctuation folds to the fullwidth form
//! because Chinese and Japanese text prints it fullwidth (`，` `；` `（`):
//! most CJK text then folds to itself, and the search index keeps no copy
//! of it.
//!
//! NUL folds to U+FFFD, as it did when NUL separated the fields of the
//! folded edition; kept so that search results stay the same.
//!
//! [`changes`] tells, without building anything, whether [`fold_into`] would
//! give anything but the text itself; the search index keeps no folded copy
//! of a field that folding leaves unchanged.

use super::variants::VariantFolder;

/// Folds characters with one fixed set of rules.
#[derive(Debug, Default)]
pub(super) struct Folder {
    /// `Some` when simplified/traditional folding is on.
    variants: Option<VariantFolder>,
}

impl Folder {
    /// A folder; `fold_chinese_variants` turns on rule 1.
    pub(super) fn new(fold_chinese_variants: bool) -> Self {
        Folder {
            variants: fold_chinese_variants.then(VariantFolder::default),
        }
    }

    /// Folds one character by rules 1–3 (no kana merging).
    #[inline]
    fn fold_char(&mut self, c: char) -> char {
        if c.is_ascii() {
            return match c {
                '\0' => '\u{FFFD}',
                '!'..='~' if c.is_ascii_punctuation() => shift(c, 0x21, 0xFF01),
                _ => c.to_ascii_lowercase(),
            };
        }
        let c = match &mut self.variants {
            Some(variants) => variants.fold(c),
            None => c,
        };
        let c = fold_width(c);
        // CJK punctuation, kana and ideographs (U+3000–U+9FFF) and fullwidth
        // punctuation have no case: skip the lowercase table lookup for the
        // bulk of a Chinese edition.
        if ('\u{3000}'..='\u{9FFF}').contains(&c) || ('\u{FF01}'..='\u{FF5E}').contains(&c) {
            return c;
        }
        lowercase(c)
    }
}

/// Appends the folded form of `text` to `out`.
///
/// Returns `None` when every original character gave exactly one folded
/// character (then char index *k* of the folded text is char index *k* of
/// `text`). Otherwise returns the map: entry *k* is the char index in `text`
/// of folded char *k*, and one last entry holds `text`'s char count, so a
/// folded char range `a..b` is the original range `map[a]..map[b]`.
pub(super) fn fold_into(folder: &mut Folder, text: &str, out: &mut String) -> Option<Vec<u32>> {
    let mut map: Option<Vec<u32>> = None;
    let mut folded_chars: u32 = 0;
    let mut previous: Option<char> = None;
    let mut original: u32 = 0;
    for c in text.chars() {
        let merged = previous.and_then(|base| compose_kana(base, c));
        if let Some(composed) = merged {
            out.pop();
            out.push(composed);
            previous = None;
            // Before the first merge the map is the identity; the merged
            // folded char keeps the original index of its base.
            map.get_or_insert_with(|| (0..folded_chars).collect());
        } else {
            let folded = folder.fold_char(c);
            out.push(folded);
            previous = Some(folded);
            if let Some(map) = &mut map {
                map.push(original);
            }
            folded_chars = folded_chars.saturating_add(1);
        }
        original = original.saturating_add(1);
    }
    map.map(|mut map| {
        map.push(original);
        map
    })
}

/// True when [`fold_into`] would not give back `text` itself with no map:
/// some character folds to another one, or a sound mark merges with the
/// kana before it. Stops at the first such character; allocates nothing.
pub(super) fn changes(folder: &mut Folder, text: &str) -> bool {
    let mut previous: Option<char> = None;
    for c in text.chars() {
        // As long as nothing changed, the previous folded char is the
        // previous original char, so this is the merge test of `fold_into`.
        if folder.fold_char(c) != c || previous.and_then(|p| compose_kana(p, c)).is_some() {
            return true;
        }
        previous = Some(c);
    }
    false
}

/// Rule 2 for a non-ASCII `c`: width folding (fullwidth letters and
/// digits to ASCII, halfwidth forms to wide ones; fullwidth punctuation
/// stays, as ASCII punctuation folds to it).
fn fold_width(c: char) -> char {
    match c {
        '\u{0}' => '\u{FFFD}',
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => {
            let narrow = shift(c, 0xFF01, 0x21);
            if narrow.is_ascii_alphanumeric() {
                narrow
            } else {
                c
            }
        }
        '\u{FF61}'..='\u{FF9F}' => HALFWIDTH_KANA[(u32::from(c) - 0xFF61) as usize],
        '\u{FFE0}'..='\u{FFEE}' => FULLWIDTH_SIGNS[(u32::from(c) - 0xFFE0) as usize],
        _ => c,
    }
}

/// `c` moved from the block starting at `from` to the one starting at `to`.
fn shift(c: char, from: u32, to: u32) -> char {
    char::from_u32(u32::from(c) - from + to).unwrap_or(c)
}

/// Rule 3: simple lowercase, only when it is a single character.
fn lowercase(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(single), None) => single,
        _ => c,
    }
}

/// U+FF61–U+FF9F, each as its `<wide>` compatibility decomposition
/// (UnicodeData.txt). The two sound marks map to the combining marks
/// U+3099 and U+309A, which [`compose_kana`] then merges.
const HALFWIDTH_KANA: [char; 63] = [
    '。', '「', '」', '、', '・', 'ヲ', 'ァ', 'ィ', 'ゥ', 'ェ', 'ォ', 'ャ', 'ュ', 'ョ',
    'ッ', //
    'ー', 'ア', 'イ', 'ウ', 'エ', 'オ', 'カ', 'キ', 'ク', 'ケ', 'コ', 'サ', 'シ', 'ス', 'セ',
    'ソ', //
    'タ', 'チ', 'ツ', 'テ', 'ト', 'ナ', 'ニ', 'ヌ', 'ネ', 'ノ', 'ハ', 'ヒ', 'フ', 'ヘ', 'ホ',
    'マ', //
    'ミ', 'ム', 'メ', 'モ', 'ヤ', 'ユ', 'ヨ', 'ラ', 'リ', 'ル', 'レ', 'ロ', 'ワ', 'ン',
    '\u{3099}', //
    '\u{309A}',
];

/// U+FFE0–U+FFEE, each as its `<wide>` or `<narrow>` compatibility
/// decomposition (UnicodeData.txt); U+FFE7 is unassigned and stays.
const FULLWIDTH_SIGNS: [char; 15] = [
    '¢', '£', '¬', '¯', '¦', '¥', '₩', '\u{FFE7}', '│', '←', '↑', '→', '↓', '■', '○',
];

/// The precomposed kana for `base` followed by the (semi-)voiced sound
/// mark `mark` (U+3099/U+309A, or the halfwidth U+FF9E/U+FF9F), if Unicode
/// has one (canonical compositions in UnicodeData.txt). Hiragana compose
/// like the katakana 0x60 above them.
fn compose_kana(base: char, mark: char) -> Option<char> {
    let semi = match mark {
        '\u{3099}' | '\u{FF9E}' => false,
        '\u{309A}' | '\u{FF9F}' => true,
        _ => return None,
    };
    let base = u32::from(base);
    if (0x3041..=0x3096).contains(&base) {
        let composed = compose_katakana(base + 0x60, semi)? - 0x60;
        return (0x3041..=0x3096)
            .contains(&composed)
            .then(|| char::from_u32(composed))?;
    }
    char::from_u32(compose_katakana(base, semi)?)
}

/// [`compose_kana`] for a katakana code point.
fn compose_katakana(base: u32, semi: bool) -> Option<u32> {
    match base {
        // カ キ ク ケ コ サ シ ス セ ソ タ チ: voiced form is the next code point.
        0x30AB..=0x30C1 if !semi && (base - 0x30AB).is_multiple_of(2) => Some(base + 1),
        // ツ テ ト.
        0x30C4..=0x30C8 if !semi && (base - 0x30C4).is_multiple_of(2) => Some(base + 1),
        // ハ ヒ フ ヘ ホ: voiced +1, semi-voiced +2.
        0x30CF..=0x30DB if (base - 0x30CF).is_multiple_of(3) => {
            Some(base + if semi { 2 } else { 1 })
        }
        0x30A6 if !semi => Some(0x30F4),            // ウ -> ヴ
        0x30EF..=0x30F2 if !semi => Some(base + 8), // ワ ヰ ヱ ヲ -> ヷ ヸ ヹ ヺ
        0x30FD if !semi => Some(0x30FE),            // ヽ -> ヾ
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(text: &str) -> (String, Option<Vec<u32>>) {
        let mut out = String::new();
        let map = fold_into(&mut Folder::new(false), text, &mut out);
        (out, map)
    }

    #[test]
    fn fullwidth_ascii_folds_to_lowercase_ascii_one_to_one() {
        assert_eq!(fold("ＡＢＣ１２３　Ｘ"), ("abc123 x".to_owned(), None));
    }

    #[test]
    fn halfwidth_katakana_with_sound_marks_merges_and_maps_back() {
        // ｶﾞｲﾄﾞ: 5 original chars -> ガイド, 3 folded chars.
        let (text, map) = fold("ｶﾞｲﾄﾞ");
        assert_eq!(text, "ガイド");
        assert_eq!(map, Some(vec![0, 2, 3, 5]));
    }

    #[test]
    fn semi_voiced_and_combining_marks_compose() {
        assert_eq!(fold("ﾊﾟ").0, "パ");
        assert_eq!(fold("か\u{3099}").0, "が");
        assert_eq!(fold("ｳﾞ").0, "ヴ");
    }

    #[test]
    fn sound_mark_after_a_non_kana_stays_a_mark() {
        assert_eq!(fold("aﾞ").0, "a\u{3099}");
    }

    #[test]
    fn ascii_punctuation_folds_to_fullwidth_and_chinese_punctuation_stays() {
        assert_eq!(fold("a,b;(c)"), ("a，b；（c）".to_owned(), None));
        assert_eq!(
            fold("会议，经济；（一）"),
            ("会议，经济；（一）".to_owned(), None)
        );
        assert_eq!(fold("３.５％"), ("3．5％".to_owned(), None));
    }

    #[test]
    fn fullwidth_signs_fold_to_their_narrow_forms() {
        assert_eq!(fold("￥￡").0, "¥£");
    }

    #[test]
    fn multi_char_lowercase_is_left_alone() {
        assert_eq!(fold("İ").0, "İ");
        assert_eq!(fold("ÉΣ").0, "éσ");
    }

    #[test]
    fn changes_agrees_with_folding_giving_back_the_text_unmapped() {
        for text in [
            "",
            "会议召开",
            "ＡＢＣ",
            "abc",
            "Abc",
            "ｶﾞ",
            "か\u{3099}",
            "\u{3099}か",
            "a\u{3099}",
            "第1版　要闻",
            "é",
        ] {
            let (folded, map) = fold(text);
            let unchanged = folded == text && map.is_none();
            assert_eq!(
                changes(&mut Folder::new(false), text),
                !unchanged,
                "{text:?}"
            );
        }
    }

    #[test]
    fn nul_cannot_survive_folding() {
        assert_eq!(fold("a\u{0}b").0, "a\u{FFFD}b");
    }
}
