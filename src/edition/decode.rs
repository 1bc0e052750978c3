//! Bytes to normalised edition text: encoding detection and decoding, line
//! endings, tabs and control characters.
//!
//! The output of [`decode`] is what [`super::parse`] reads: valid UTF-8 with
//! `\n` line ends, where a form feed (`\f`) still marks a page break.
//!
//! Decoding follows the order of the WHATWG Encoding Standard's "decode"
//! algorithm (a byte order mark wins), then falls back to detection:
//! 1. a forced encoding (`--encoding <label>`, see [`encoding_for_label`]);
//! 2. a BOM: UTF-8, UTF-16LE or UTF-16BE (the BOM is removed);
//! 3. UTF-16 without a BOM, by its zero high bytes
//!    ([`utf16_without_bom`]);
//! 4. valid UTF-8;
//! 5. text that is UTF-8 apart from a few broken sequences (a truncated or
//!    damaged file): UTF-8 with the broken bytes replaced, and a warning;
//! 6. otherwise `chardetng` guesses among the legacy encodings (GBK/GB18030,
//!    Big5 with HKSCS, Shift_JIS, EUC-KR, EUC-JP and the single-byte ones),
//!    reading at most [`DETECT_PREFIX_BYTES`] bytes from the first non-ASCII
//!    byte on. A guess other than those, or windows-1252, comes with a
//!    warning to check it, since `chardetng` guesses even for text it cannot
//!    place.
//!
//! Steps 4–6 are decided by the first [`HEAD_BYTES`] alone when those hold
//! any non-ASCII byte (and by the whole text when they are all ASCII, which
//! every ASCII-compatible encoding reads alike): a large edition's first
//! frame is decoded from its head before the rest is read
//! ([`decode_head`]), and the whole must be decoded in the encoding the
//! head was. So a file whose first 64 KiB are UTF-8 is read as UTF-8 even
//! if binary junk or another encoding follows (the rest's bad bytes are
//! replaced, with a warning), as its first screen already showed it.
//!
//! Normalising is in [`normalise`]; spotting files that are not text at all
//! is [`looks_binary`].

mod binary;
mod label;
mod normalise;

pub use binary::{BINARY_SNIFF_BYTES, looks_binary, utf16_without_bom};
pub use label::encoding_for_label;
pub use normalise::{TAB_STOP, normalise};

use std::borrow::Cow;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, GB18030, GBK, UTF_8};

/// How many bytes `chardetng` reads, counted from the first non-ASCII byte.
/// 64 KiB hold some 30 000 CJK characters, far more than detection needs;
/// `chardetng` reads only about 10 MB/s, so reading a whole 50 MB edition
/// would delay start-up by seconds.
pub const DETECT_PREFIX_BYTES: usize = 64 * 1024;

/// How many leading bytes decide the encoding when they hold non-ASCII
/// text (see the module doc): as many as a large edition's first frame is
/// decoded from ([`super::progressive::PROVISIONAL_MAX_BYTES`], 64 KiB),
/// and as many as `chardetng` is given ([`DETECT_PREFIX_BYTES`]).
pub const HEAD_BYTES: usize = super::progressive::PROVISIONAL_MAX_BYTES;

/// The result of [`decode`].
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The normalised text (see [`normalise`]).
    pub text: String,
    /// The WHATWG name of the encoding used (`"UTF-8"`, `"GBK"`, `"gb18030"`,
    /// `"Big5"`, `"Shift_JIS"`, `"EUC-KR"`, `"UTF-16LE"`, …), as
    /// `encoding_rs::Encoding::name` spells it.
    pub encoding: &'static str,
    /// Problems met, one short sentence each (e.g. invalid bytes replaced).
    pub warnings: Vec<String>,
}

/// Decodes `bytes` (in `forced` if given, else a detected encoding; see the
/// module docs for the order) and normalises the text (see [`normalise`]).
///
/// A forced encoding is used even if a BOM says otherwise; only a BOM of the
/// forced encoding itself is removed.
///
/// Never fails and never panics: bytes that do not decode become U+FFFD,
/// with a warning in [`Decoded::warnings`]. Runs in time linear in
/// `bytes.len()`.
pub fn decode(bytes: &[u8], forced: Option<&'static Encoding>) -> Decoded {
    let (text, encoding, warnings) = match forced {
        Some(encoding) => decode_forced(bytes, encoding),
        None => decode_detected(bytes),
    };
    Decoded {
        text: normalise::normalise_cow(text),
        encoding: encoding.name(),
        warnings,
    }
}

/// [`decode`], taking the bytes: when they are UTF-8 (with or without a
/// UTF-8 byte order mark, and no forced encoding) and need no normalising,
/// which is the usual case, the text reuses their buffer instead of copying
/// it, so a 10 MB edition is held once rather than twice while it loads.
///
/// Gives exactly what [`decode`] gives for the same bytes. Never fails and
/// never panics; linear in `bytes.len()`.
pub fn decode_owned(mut bytes: Vec<u8>, forced: Option<&'static Encoding>) -> Decoded {
    let bom = match Encoding::for_bom(&bytes) {
        None => 0,
        Some((encoding, bom_bytes)) if encoding == UTF_8 => bom_bytes,
        Some(_) => return decode(&bytes, forced),
    };
    let body = bytes.get(bom..).unwrap_or_default();
    if forced.is_some()
        || (bom == 0 && utf16_without_bom(body).is_some())
        || Encoding::utf8_valid_up_to(body) != body.len()
        || normalise::needs_change(body)
    {
        return decode(&bytes, forced);
    }
    bytes.drain(..bom);
    match String::from_utf8(bytes) {
        Ok(text) => Decoded {
            text,
            encoding: UTF_8.name(),
            warnings: Vec::new(),
        },
        // Checked valid just above; decode the bytes the slow way anyway.
        Err(err) => decode(err.as_bytes(), forced),
    }
}

/// Decoded but not yet normalised text, the encoding used, and warnings.
type Raw<'a> = (Cow<'a, str>, &'static Encoding, Vec<String>);

fn decode_forced<'a>(bytes: &'a [u8], encoding: &'static Encoding) -> Raw<'a> {
    let (text, had_errors) = encoding.decode_with_bom_removal(bytes);
    let warnings = replaced_warning(had_errors, encoding);
    (text, encoding, warnings)
}

fn decode_detected(bytes: &[u8]) -> Raw<'_> {
    if let Some((encoding, bom_bytes)) = Encoding::for_bom(bytes) {
        let body = bytes.get(bom_bytes..).unwrap_or_default();
        let (text, had_errors) = encoding.decode_without_bom_handling(body);
        return (text, encoding, replaced_warning(had_errors, encoding));
    }
    // Before UTF-8: ASCII in UTF-16 is valid UTF-8, NUL bytes and all.
    if let Some(encoding) = utf16_without_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
        return (text, encoding, replaced_warning(had_errors, encoding));
    }
    // encoding_rs validates UTF-8 several times faster than `str::from_utf8`
    // on CJK text, and borrows `bytes` when they are valid.
    if let Some(text) = UTF_8.decode_without_bom_handling_and_without_replacement(bytes) {
        return (text, UTF_8, Vec::new());
    }
    let encoding =
        head_encoding(bytes, bytes.len() <= HEAD_BYTES).unwrap_or_else(|| detect_in(bytes, true));
    if encoding == UTF_8 {
        decode_damaged_utf8(bytes)
    } else {
        decode_legacy(bytes, encoding)
    }
}

/// The encoding (UTF-8 or a legacy one: steps 4–6 of the module doc) that
/// the first [`HEAD_BYTES`] of `bytes` decide on, or `None` when those are
/// all ASCII. `complete` says that `bytes` are the whole text: otherwise a
/// multi-byte character cut at the end of the head is no broken sequence.
/// For text of at most [`HEAD_BYTES`] it is the detection of the whole.
fn head_encoding(bytes: &[u8], complete: bool) -> Option<&'static Encoding> {
    let head = bytes.get(..HEAD_BYTES).unwrap_or(bytes);
    let complete = complete && head.len() == bytes.len();
    let (valid_up_to, utf8) = match std::str::from_utf8(head) {
        Ok(_) => (head.len(), true),
        // `error_len` is `None` for a sequence cut short by the end.
        Err(err) => (err.valid_up_to(), err.error_len().is_none() && !complete),
    };
    if utf8 {
        return (!head[..valid_up_to].is_ascii()).then_some(UTF_8);
    }
    Some(detect_in(head, complete))
}

/// UTF-8 for `bytes` that are UTF-8 with a few broken sequences (around
/// the first), else `chardetng`'s guess (steps 5 and 6 of the module doc);
/// `complete` when `bytes` are the whole text.
fn detect_in(bytes: &[u8], complete: bool) -> &'static Encoding {
    let valid_up_to = Encoding::utf8_valid_up_to(bytes);
    if Utf8Counts::around(bytes, valid_up_to).mostly_valid() {
        UTF_8
    } else {
        refine_gbk(guess(bytes, complete), bytes)
    }
}

/// Decodes the first bytes of a longer text, `head` (at most
/// [`HEAD_BYTES`], cut anywhere), in the encoding [`decode`] will use for
/// the whole: `forced` if given, else the byte order mark, UTF-16 without
/// one, or what the head decides (see the module doc; UTF-8 when it is all
/// ASCII, which reads the same in any encoding the rest may decide). A
/// character cut by the end of the head is left out, and so is the line it
/// ends in: the text is whole lines, each as [`decode`] gives it for the
/// whole text. Warnings are left to the whole text's decoding.
///
/// Never fails and never panics.
pub fn decode_head(head: &[u8], forced: Option<&'static Encoding>) -> Decoded {
    let bom = Encoding::for_bom(head);
    let (encoding, skip) = match (forced, bom) {
        (Some(forced), Some((encoding, bom_bytes))) if encoding == forced => (forced, bom_bytes),
        (Some(forced), _) => (forced, 0),
        (None, Some((encoding, bom_bytes))) => (encoding, bom_bytes),
        (None, None) => match utf16_without_bom(head) {
            Some(encoding) => (encoding, 0),
            None => (head_encoding(head, false).unwrap_or(UTF_8), 0),
        },
    };
    let body = head.get(skip..).unwrap_or_default();
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(
        decoder
            .max_utf8_buffer_length(body.len())
            .unwrap_or(body.len()),
    );
    // Not the last input: an incomplete character at the end is held back,
    // not replaced.
    let _ = decoder.decode_to_string(body, &mut text, false);
    let mut text = normalise::normalise_cow(Cow::Owned(text));
    let whole_lines = text.rfind('\n').map_or(0, |end| end + 1);
    text.truncate(whole_lines);
    Decoded {
        text,
        encoding: refine_gbk(encoding, body).name(),
        warnings: Vec::new(),
    }
}

/// UTF-8 with a few broken sequences: each becomes U+FFFD, with a warning.
fn decode_damaged_utf8(bytes: &[u8]) -> Raw<'_> {
    let (text, _) = UTF_8.decode_without_bom_handling(bytes);
    let warning = format!(
        "the file is not valid UTF-8: {} undecodable byte sequence(s) were replaced with U+FFFD",
        Utf8Counts::of(bytes).invalid
    );
    (text, UTF_8, vec![warning])
}

/// `bytes` in `encoding`, a legacy one ([`detect_in`]'s guess): GBK
/// reported as gb18030 when the text holds gb18030's four-byte sequences,
/// and a warning for a guess outside [`EXPECTED`].
fn decode_legacy<'a>(bytes: &'a [u8], encoding: &'static Encoding) -> Raw<'a> {
    let encoding = refine_gbk(encoding, bytes);
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let mut warnings = replaced_warning(had_errors, encoding);
    if !had_errors && !EXPECTED.contains(&encoding) {
        warnings.push(format!(
            "the encoding was guessed as {}; if the text looks wrong, pass --encoding <label>",
            encoding.name()
        ));
    }
    (text, encoding, warnings)
}

/// The legacy encodings newspapers' text is expected in. A guess outside
/// this list is reported with a warning, since `chardetng` always guesses
/// something, even for text it cannot place.
const EXPECTED: [&Encoding; 7] = [
    GBK,
    GB18030,
    encoding_rs::BIG5,
    encoding_rs::SHIFT_JIS,
    encoding_rs::EUC_KR,
    encoding_rs::EUC_JP,
    encoding_rs::WINDOWS_1252,
];

fn replaced_warning(had_errors: bool, encoding: &'static Encoding) -> Vec<String> {
    if had_errors {
        vec![format!(
            "the file is not valid {}: undecodable bytes were replaced with U+FFFD \
             (try --encoding <label>)",
            encoding.name()
        )]
    } else {
        Vec::new()
    }
}

/// Asks `chardetng` (no top-level-domain hint, UTF-8 not allowed, no
/// ISO-2022-JP) about at most [`DETECT_PREFIX_BYTES`] bytes starting just
/// before the first non-ASCII byte. ASCII before that point tells it
/// nothing. `complete`: `bytes` are the whole text, so a sample reaching
/// their end is the last input.
fn guess(bytes: &[u8], complete: bool) -> &'static Encoding {
    let first_non_ascii = Encoding::ascii_valid_up_to(bytes);
    let start = first_non_ascii.saturating_sub(2);
    let end = first_non_ascii
        .saturating_add(DETECT_PREFIX_BYTES)
        .min(bytes.len());
    let sample = bytes.get(start..end).unwrap_or_default();
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(sample, complete && end == bytes.len());
    detector.guess(None, Utf8Detection::Deny)
}

/// `chardetng` names the GB family `GBK`. Its decoder is the GB18030 one,
/// so the text is right either way, but when the bytes hold GB18030's
/// four-byte sequences (a byte 0x81–0xFE, then 0x30–0x39), report
/// `gb18030`, which is what the file really is.
fn refine_gbk(encoding: &'static Encoding, bytes: &[u8]) -> &'static Encoding {
    if encoding == GBK && has_gb18030_four_byte_sequence(bytes) {
        GB18030
    } else {
        encoding
    }
}

fn has_gb18030_four_byte_sequence(bytes: &[u8]) -> bool {
    let mut i = 0;
    while let Some(&lead) = bytes.get(i) {
        if lead < 0x80 {
            i += 1;
            continue;
        }
        if matches!(bytes.get(i + 1), Some(0x30..=0x39)) {
            return true;
        }
        i += 2;
    }
    false
}

/// Counts of well-formed multi-byte characters and of broken sequences in
/// bytes read as UTF-8.
struct Utf8Counts {
    /// Well-formed characters of two to four bytes.
    multibyte: usize,
    /// Maximal invalid subparts (each becomes one U+FFFD).
    invalid: usize,
}

impl Utf8Counts {
    /// Counts in the [`DETECT_PREFIX_BYTES`] on either side of byte `at`
    /// (the first invalid one), so that a huge file costs no more than a
    /// small one.
    fn around(bytes: &[u8], at: usize) -> Self {
        let start = at.saturating_sub(DETECT_PREFIX_BYTES);
        let end = at.saturating_add(DETECT_PREFIX_BYTES).min(bytes.len());
        Self::of(bytes.get(start..end).unwrap_or_default())
    }

    fn of(bytes: &[u8]) -> Self {
        let mut counts = Utf8Counts {
            multibyte: 0,
            invalid: 0,
        };
        for chunk in bytes.utf8_chunks() {
            // A lead byte of a multi-byte character is >= 0xC0.
            counts.multibyte += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
            if !chunk.invalid().is_empty() {
                counts.invalid += 1;
            }
        }
        counts
    }

    /// True when the bytes are UTF-8 text with a few broken sequences, not
    /// a legacy encoding that happens to contain UTF-8-like byte runs: at
    /// least 16 well-formed multi-byte characters for each broken
    /// sequence. Legacy CJK text gives about one accidental UTF-8
    /// character per broken sequence, far below that.
    fn mostly_valid(&self) -> bool {
        self.multibyte >= self.invalid.saturating_mul(16)
    }
}
