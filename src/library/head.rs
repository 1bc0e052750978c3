//! Reading just the head of an edition file: its first few KiB, decoded
//! well enough to find the masthead and the date.

use std::io::Read;
use std::path::Path;

/// How many bytes of a file are read to find its title and date. The page
/// furniture (masthead, date line, folio) comes first in extractor output.
pub const HEAD_BYTES: usize = 8 * 1024;

/// The first [`HEAD_BYTES`] of the file at `path`, decoded.
///
/// # Errors
/// The I/O error if the file cannot be opened or read.
pub fn read_head(path: &Path) -> std::io::Result<String> {
    Ok(decode_head(&read_head_bytes(path)?))
}

/// The first [`HEAD_BYTES`] of the file at `path`, as bytes (enough for
/// [`crate::edition::decode::looks_binary`], which reads as many).
///
/// # Errors
/// The I/O error if the file cannot be opened or read.
pub fn read_head_bytes(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::with_capacity(HEAD_BYTES);
    std::fs::File::open(path)?
        .take(HEAD_BYTES as u64)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Decodes a file head: by its BOM if it has one; as UTF-8 if it is UTF-8
/// up to a character cut off at the end; else in the encoding `chardetng`
/// guesses (GBK, Big5, Shift_JIS, …). Undecodable bytes become U+FFFD.
pub fn decode_head(bytes: &[u8]) -> String {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return text.into_owned();
    }
    let utf8 = match std::str::from_utf8(bytes) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none(),
    };
    let encoding = if utf8 {
        encoding_rs::UTF_8
    } else {
        let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        detector.feed(bytes, false);
        detector.guess(None, chardetng::Utf8Detection::Allow)
    };
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    text.into_owned()
}

/// How many non-empty lines from the top are searched for a masthead.
const MASTHEAD_LINES: usize = 20;

/// The newspaper's name if one of the first lines looks like a Chinese
/// masthead: 2–12 Han ideographs ending in 报, 報 or 刊 (`锡城日报`,
/// `聯合報`, `太湖晨刊`), spaces between them ignored (some extractors
/// letter-space a masthead: `锡 城 日 报`). Other scripts have no reliable
/// cue in extracted text, so they get `None` and the caller falls back to
/// the file name.
pub fn find_masthead(head: &str) -> Option<String> {
    head.lines()
        .map(|line| line.split_whitespace().collect::<String>())
        .filter(|line| !line.is_empty())
        .take(MASTHEAD_LINES)
        .find(|line| {
            let count = line.chars().count();
            (2..=12).contains(&count)
                && line.chars().all(is_han)
                && line.ends_with(['报', '報', '刊'])
        })
}

/// True for CJK Unified Ideographs (and Extension A).
fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masthead_is_a_short_han_line_ending_in_bao() {
        let head = "2024年7月27日\n星期六 农历甲辰年六月廿二\n\n锡城日报\n\n第25603号";
        assert_eq!(find_masthead(head), Some("锡城日报".to_owned()));
    }

    #[test]
    fn letter_spaced_masthead_is_joined() {
        assert_eq!(
            find_masthead("2024年7月27日\n\n锡 城 日 报\n"),
            Some("锡城日报".to_owned())
        );
        assert_eq!(find_masthead("太湖晨刊\n"), Some("太湖晨刊".to_owned()));
    }

    #[test]
    fn long_or_mixed_lines_are_not_mastheads() {
        assert_eq!(
            find_masthead("本报讯 7月26日，市委常委会会议召开报\n"),
            None
        );
        assert_eq!(find_masthead("EVENING STAR\n"), None);
    }

    #[test]
    fn gbk_head_is_detected_and_decoded() {
        let (bytes, _, _) =
            encoding_rs::GBK.encode("锡城日报\n2024年7月27日 星期六，本报讯。会议召开。");
        assert_eq!(
            decode_head(&bytes),
            "锡城日报\n2024年7月27日 星期六，本报讯。会议召开。"
        );
    }

    #[test]
    fn utf8_cut_inside_a_character_stays_utf8() {
        let text = "锡城日报";
        let bytes = &text.as_bytes()[..text.len() - 1];
        assert!(decode_head(bytes).starts_with("锡城日"));
    }
}
