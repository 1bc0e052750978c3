//! Encoding labels as a user types them after `--encoding`.

use encoding_rs::{BIG5, EUC_JP, EUC_KR, Encoding, GB18030, GBK, SHIFT_JIS, UTF_16BE, UTF_16LE};

/// The encoding a user means by `label`, or `None` if it names none.
///
/// Accepts:
/// - every label of the WHATWG Encoding Standard
///   (<https://encoding.spec.whatwg.org/#names-and-labels>), in any case and
///   with surrounding whitespace: `utf-8`, `utf-16le`, `utf-16be`, `utf-16`
///   (= UTF-16LE), `gb18030`, `gbk`, `gb2312`, `big5`, `big5-hkscs`,
///   `shift_jis`, `sjis`, `euc-jp`, `euc-kr`, `windows-1252`, `latin1`, …;
/// - common spellings that the standard lacks, compared in any case and with
///   `-`, `_` and spaces ignored: `utf8`, `utf16`, `utf16le`, `utf16be`,
///   `gb_2312`, `euccn`, `cp936` (GBK); `hkscs`, `big5hkscs`, `cp950` (Big5,
///   whose `encoding_rs` decoder includes HKSCS); `shiftjis`, `cp932`,
///   `ms932` (Shift_JIS); `euckr`, `cp949`, `uhc` (EUC-KR, which is Windows
///   code page 949); `eucjp`.
///
/// The WHATWG `replacement` encoding (labels such as `iso-2022-kr`) is
/// refused: it decodes any file to a single U+FFFD.
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    let label = label.trim();
    Encoding::for_label_no_replacement(label.as_bytes()).or_else(|| alias(label))
}

fn alias(label: &str) -> Option<&'static Encoding> {
    let key: String = label
        .chars()
        .filter(|c| !matches!(c, '-' | '_' | ' '))
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let encoding = match key.as_str() {
        "utf8" => encoding_rs::UTF_8,
        "utf16" | "utf16le" => UTF_16LE,
        "utf16be" => UTF_16BE,
        "gb18030" => GB18030,
        "gbk" | "gb2312" | "euccn" | "cp936" => GBK,
        "big5" | "big5hkscs" | "hkscs" | "cp950" => BIG5,
        "shiftjis" | "sjis" | "cp932" | "ms932" | "windows31j" => SHIFT_JIS,
        "euckr" | "cp949" | "uhc" | "windows949" => EUC_KR,
        "eucjp" => EUC_JP,
        _ => return None,
    };
    Some(encoding)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whatwg_labels_are_accepted_in_any_case() {
        assert_eq!(encoding_for_label("GBK"), Some(GBK));
        assert_eq!(encoding_for_label(" gb18030 "), Some(GB18030));
        assert_eq!(encoding_for_label("Big5-HKSCS"), Some(BIG5));
        assert_eq!(encoding_for_label("shift_jis"), Some(SHIFT_JIS));
        assert_eq!(encoding_for_label("sjis"), Some(SHIFT_JIS));
        assert_eq!(encoding_for_label("euc-kr"), Some(EUC_KR));
        assert_eq!(encoding_for_label("utf-16le"), Some(UTF_16LE));
        assert_eq!(encoding_for_label("utf-16"), Some(UTF_16LE));
        assert_eq!(encoding_for_label("UTF-16BE"), Some(UTF_16BE));
        assert_eq!(
            encoding_for_label("latin1"),
            Some(encoding_rs::WINDOWS_1252)
        );
    }

    #[test]
    fn common_non_whatwg_spellings_are_accepted() {
        assert_eq!(encoding_for_label("utf8"), Some(encoding_rs::UTF_8));
        assert_eq!(encoding_for_label("utf_16_be"), Some(UTF_16BE));
        assert_eq!(encoding_for_label("cp936"), Some(GBK));
        assert_eq!(encoding_for_label("hkscs"), Some(BIG5));
        assert_eq!(encoding_for_label("cp932"), Some(SHIFT_JIS));
        assert_eq!(encoding_for_label("Shift-JIS"), Some(SHIFT_JIS));
        assert_eq!(encoding_for_label("cp949"), Some(EUC_KR));
        assert_eq!(encoding_for_label("euc_jp"), Some(EUC_JP));
    }

    #[test]
    fn unknown_and_replacement_labels_are_refused() {
        assert_eq!(encoding_for_label("klingon"), None);
        assert_eq!(encoding_for_label(""), None);
        assert_eq!(encoding_for_label("iso-2022-kr"), None);
    }
}
