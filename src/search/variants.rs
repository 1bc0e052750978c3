//! Simplified/traditional Chinese folding for search, one character at a
//! time.
//!
//! The table is OpenCC's `TSCharacters` (traditional to simplified), as built
//! into the pure-Rust `ferrous-opencc` crate (Apache-2.0, no C library). Only
//! single characters are converted, never phrases: search compares text
//! character by character, so folding both the query and the edition
//! through the same per-character table makes `發`, `髮` and `发` match each
//! other, and keeps every folded character at the place of its original.
//! Phrase-level conversion (`OpenCC t2s` on whole text) could change lengths
//! and would depend on context, which search must not.

use std::collections::HashMap;
use std::sync::OnceLock;

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;

/// The process-wide traditional-to-simplified converter, built on first use.
/// `None` if the built-in configuration failed to load (then no folding).
fn converter() -> Option<&'static OpenCC> {
    static CONVERTER: OnceLock<Option<OpenCC>> = OnceLock::new();
    CONVERTER
        .get_or_init(|| OpenCC::from_config(BuiltinConfig::T2s).ok())
        .as_ref()
}

/// True for the Han ideograph blocks that OpenCC's character table covers:
/// CJK Unified Ideographs and Extension A, the Compatibility Ideographs, and
/// the supplementary ideographic planes (Extensions B onward).
fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3FFFF}')
}

/// Folds traditional Han characters to their simplified form, caching each
/// character's answer (an edition uses a few thousand distinct ideographs,
/// so the converter runs a few thousand times, not once per character).
#[derive(Debug, Default)]
pub(super) struct VariantFolder {
    cache: HashMap<char, char>,
}

impl VariantFolder {
    /// The simplified form of `c`, or `c` itself when it is not a Han
    /// ideograph, has no simplified form, or converts to more than one
    /// character.
    pub(super) fn fold(&mut self, c: char) -> char {
        if !is_han(c) {
            return c;
        }
        *self.cache.entry(c).or_insert_with(|| to_simplified(c))
    }
}

/// Converts one character with OpenCC's `t2s` table.
fn to_simplified(c: char) -> char {
    let Some(converter) = converter() else {
        return c;
    };
    let mut buf = [0u8; 4];
    let converted = converter.convert(c.encode_utf8(&mut buf));
    let mut chars = converted.chars();
    match (chars.next(), chars.next()) {
        (Some(single), None) => single,
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_characters_fold_to_simplified() {
        let mut folder = VariantFolder::default();
        // 發 and 髮 are both simplified to 发; 國 to 国; 報 to 报.
        assert_eq!(folder.fold('發'), '发');
        assert_eq!(folder.fold('髮'), '发');
        assert_eq!(folder.fold('國'), '国');
        assert_eq!(folder.fold('報'), '报');
    }

    #[test]
    fn simplified_and_non_han_characters_stay() {
        let mut folder = VariantFolder::default();
        assert_eq!(folder.fold('发'), '发');
        assert_eq!(folder.fold('a'), 'a');
        assert_eq!(folder.fold('カ'), 'カ');
    }
}
