//! A cheap test for files that are not text at all (a PDF, an image, an
//! archive), so the CLI can refuse them with a clear message instead of
//! showing pages of replacement characters.

use encoding_rs::Encoding;

/// How many leading bytes [`looks_binary`] reads: 8 KiB, as `git` and
/// `grep` do for the same question.
pub const BINARY_SNIFF_BYTES: usize = 8 * 1024;

/// True when `bytes` look like a binary file rather than an edition's text.
///
/// Reads only the first [`BINARY_SNIFF_BYTES`] bytes. A file that starts
/// with a byte order mark (UTF-8, UTF-16LE, UTF-16BE) is text. Otherwise it
/// is binary if it starts with `%PDF-` (a PDF, whose text must first be
/// extracted, e.g. with `pdftotext`), if it holds a NUL byte (as `git` and
/// `grep` decide), or if more than 10% of its bytes are ASCII controls other
/// than tab, LF, CR and form feed (0x00–0x1F and 0x7F).
///
/// UTF-16 without a BOM is full of NUL bytes, but is text: it is recognised
/// first ([`utf16_without_bom`]).
pub fn looks_binary(bytes: &[u8]) -> bool {
    if Encoding::for_bom(bytes).is_some() || utf16_without_bom(bytes).is_some() {
        return false;
    }
    let head = bytes.get(..BINARY_SNIFF_BYTES).unwrap_or(bytes);
    if head.starts_with(b"%PDF-") || head.contains(&0) {
        return true;
    }
    let controls = head.iter().filter(|&&b| is_binary_control(b)).count();
    controls.saturating_mul(10) > head.len()
}

/// The share of a UTF-16 text's first [`BINARY_SNIFF_BYTES`] that must be
/// characters below U+0100 (a zero high byte: line feeds, spaces, digits,
/// Latin letters) for it to be recognised without a BOM: one in 20. A
/// Chinese paper's text has far more (every line ends in a line feed).
const MIN_ZERO_HIGH_PER_MILLE: usize = 50;

/// The fewest code units recognised as UTF-16 without a BOM: a few NUL
/// bytes in a shorter file are more likely binary (or UTF-8 with a NUL)
/// than text.
const MIN_UNITS: usize = 8;

/// How many times more code units must have a zero high byte than a zero
/// low byte. A character U+xx00 has a zero low byte, and some are common
/// (`一` U+4E00, `开` U+5F00, `最` U+6700): about one CJK character in a
/// hundred. Binary data has zeros at both offsets alike.
const HIGH_OVER_LOW: usize = 4;

/// UTF-16LE or UTF-16BE when `bytes` look like UTF-16 text without a byte
/// order mark, from their first [`BINARY_SNIFF_BYTES`] (at least
/// [`MIN_UNITS`] code units): in one byte of each
/// pair (the high byte: odd offsets in little-endian) at least 5% are zero,
/// in the other a quarter as many at most; and those bytes decode, in that order, to text
/// with no unpaired surrogate, no NUL and no control character but tab,
/// line feed, carriage return and form feed. Text in any 8-bit encoding has
/// no zero bytes; binary data has them at both offsets, or decodes to
/// controls.
pub fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..BINARY_SNIFF_BYTES).unwrap_or(bytes);
    let head = &head[..head.len() & !1];
    let pairs = head.len() / 2;
    if pairs < MIN_UNITS || !head.contains(&0) {
        return None;
    }
    let zeros_at = |offset: usize| {
        head.iter()
            .skip(offset)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros_at(0), zeros_at(1));
    let per_mille = |n: usize| n * 1000 / pairs;
    let (encoding, high, low) = if odd >= even {
        (encoding_rs::UTF_16LE, odd, even)
    } else {
        (encoding_rs::UTF_16BE, even, odd)
    };
    if per_mille(high) < MIN_ZERO_HIGH_PER_MILLE || low * HIGH_OVER_LOW > high {
        return None;
    }
    let units = head.chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if encoding == encoding_rs::UTF_16LE {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    let mut chars = char::decode_utf16(units).peekable();
    while let Some(decoded) = chars.next() {
        let last = chars.peek().is_none();
        match decoded {
            Ok(c) if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}') => return None,
            Ok(_) => {}
            // A surrogate pair cut by the end of the head is fine.
            Err(_) if last => {}
            Err(_) => return None,
        }
    }
    Some(encoding)
}

fn is_binary_control(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)) || b == 0x7F
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_with_page_breaks_and_crlf_is_not_binary() {
        assert!(!looks_binary(
            "本报讯 7月26日\r\n\u{c}第2版\t要闻\n".as_bytes()
        ));
        assert!(!looks_binary(b""));
    }

    #[test]
    fn nul_byte_pdf_header_and_many_controls_look_binary() {
        assert!(looks_binary(b"text\0more"));
        assert!(looks_binary(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"));
        assert!(looks_binary(b"\x01\x02\x03abcdefg"));
    }

    #[test]
    fn a_few_stray_controls_in_long_text_do_not_look_binary() {
        let mut text = "会议指出，今年以来。\n".repeat(20).into_bytes();
        text.extend_from_slice(b"\x1b[1m\x07");
        assert!(!looks_binary(&text));
    }

    #[test]
    fn utf16_with_bom_is_text_despite_its_nul_bytes() {
        assert!(!looks_binary(b"\xff\xfea\0b\0"));
    }

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| {
                if big_endian {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            })
            .collect()
    }

    #[test]
    fn utf16_without_bom_is_recognised_in_either_order() {
        let text = "第1版 要闻\n本报讯 7月26日，省委召开会议。\n\u{c}第2版\n".repeat(50);
        let le = utf16(&text, false);
        let be = utf16(&text, true);
        assert_eq!(utf16_without_bom(&le), Some(encoding_rs::UTF_16LE));
        assert_eq!(utf16_without_bom(&be), Some(encoding_rs::UTF_16BE));
        assert!(!looks_binary(&le));
        assert!(!looks_binary(&be));
        assert_eq!(utf16_without_bom(b"a\0b\0"), None, "too short to tell");
    }

    #[test]
    fn binary_with_zero_bytes_is_not_utf16() {
        // Zeros at both offsets; controls in the low bytes; a NUL character.
        assert_eq!(utf16_without_bom(b"\0\0ab\0\x01cd"), None);
        assert_eq!(utf16_without_bom(b"\x01\0\x02\0\x03\0"), None);
        assert!(looks_binary(
            b"\x01\0\x02\0\x03\0\x01\0\x02\0\x03\0\x01\0\x02\0"
        ));
        assert_eq!(
            utf16_without_bom(b"\x01\0\x02\0\x03\0\x01\0\x02\0\x03\0\x01\0\x02\0"),
            None
        );
        assert!(looks_binary(b"text\0more"));
        // UTF-8 text never has zero bytes.
        assert_eq!(utf16_without_bom("本报讯".as_bytes()), None);
    }

    #[test]
    fn only_the_first_8_kib_are_read() {
        let mut text = vec![b'a'; BINARY_SNIFF_BYTES];
        text.push(0);
        assert!(!looks_binary(&text));
    }
}
