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
/// UTF-16 without a BOM is full of NUL bytes, so it looks binary: the CLI
/// should skip this test when the user forces an encoding.
pub fn looks_binary(bytes: &[u8]) -> bool {
    if Encoding::for_bom(bytes).is_some() {
        return false;
    }
    let head = bytes.get(..BINARY_SNIFF_BYTES).unwrap_or(bytes);
    if head.starts_with(b"%PDF-") || head.contains(&0) {
        return true;
    }
    let controls = head.iter().filter(|&&b| is_binary_control(b)).count();
    controls.saturating_mul(10) > head.len()
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
        assert!(looks_binary(b"a\0b\0"));
        assert!(!looks_binary(b"\xff\xfea\0b\0"));
    }

    #[test]
    fn only_the_first_8_kib_are_read() {
        let mut text = vec![b'a'; BINARY_SNIFF_BYTES];
        text.push(0);
        assert!(!looks_binary(&text));
    }
}
