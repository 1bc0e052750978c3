//! An edition's identity, [`Fingerprint`]: a hash of its text with every
//! whitespace character left out, so re-wrapping, CRLF and moving or
//! renaming the file keep it.
//!
//! Two formats, told apart by their look:
//! 1. **Current** (`x3-` and 32 hex digits): the 128-bit XXH3 hash
//!    (`xxhash-rust`, seed 0) of the UTF-8 bytes of every non-whitespace
//!    character, in order. XXH3 runs at several GB/s; the text is scanned a
//!    byte at a time for whitespace ([`NonBlank`]) and fed to the streaming
//!    hasher in chunks of [`CHUNK_BYTES`], so a 50 MB edition takes some
//!    tens of milliseconds, and that on the worker thread, not before the
//!    first frame.
//! 2. **Legacy** (16 hex digits, as every key stored before issue 16): the
//!    64-bit FNV-1a of the same bytes, one byte per multiply, about
//!    1.6 ms a MB. Kept as [`Fingerprint::legacy_of_text`] so that state
//!    stored under it can be found and re-keyed (see
//!    [`crate::store::Store::adopt_legacy`]).
//!
//! "Whitespace" is Unicode's `White_Space` property, as
//! [`char::is_whitespace`] has it; both formats leave out the same
//! characters, so an edition's two keys are of the same text.

use xxhash_rust::xxh3::Xxh3;

use serde::{Deserialize, Serialize};

/// An edition's identity (see the module doc): `x3-` and 32 hex digits, or
/// 16 hex digits for a key of the legacy format.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Fingerprint(pub String);

/// What every current key starts with: no legacy key (hex digits only)
/// does.
pub const PREFIX: &str = "x3-";

/// How many non-whitespace bytes are gathered before each update of the
/// streaming hasher: large enough that the hasher's per-call cost vanishes,
/// small enough to stay in the L1/L2 cache.
pub const CHUNK_BYTES: usize = 16 * 1024;

impl Fingerprint {
    /// Fingerprints normalised edition text (whitespace is ignored): `x3-`
    /// and the 128-bit XXH3 hash of its non-whitespace characters' UTF-8
    /// bytes, as 32 lowercase hex digits. Linear in `text.len()`, at
    /// several GB/s.
    pub fn of_text(text: &str) -> Self {
        let mut hasher = Xxh3::new();
        let mut chunk = Vec::with_capacity(CHUNK_BYTES);
        for run in NonBlank::new(text.as_bytes()) {
            if chunk.len() + run.len() > CHUNK_BYTES {
                hasher.update(&chunk);
                chunk.clear();
            }
            if run.len() >= CHUNK_BYTES {
                hasher.update(run);
            } else {
                chunk.extend_from_slice(run);
            }
        }
        hasher.update(&chunk);
        Fingerprint(format!("{PREFIX}{:032x}", hasher.digest128()))
    }

    /// The fingerprint of `text` in the format every key had before issue
    /// 16: the 64-bit FNV-1a hash of its non-whitespace characters' UTF-8
    /// bytes, as 16 lowercase hex digits. About 1.6 ms a MB; for finding
    /// state stored under the old key, never for new keys.
    pub fn legacy_of_text(text: &str) -> Self {
        let mut hash = super::Fnv1a::default();
        text.chars()
            .filter(|c| !c.is_whitespace())
            .for_each(|c| hash.write_char(c));
        Fingerprint(format!("{:016x}", hash.0))
    }

    /// True for a key of the legacy format ([`Fingerprint::legacy_of_text`]):
    /// one without the [`PREFIX`] of current keys.
    pub fn is_legacy(&self) -> bool {
        !self.0.starts_with(PREFIX)
    }

    /// True when `text` has this fingerprint, computed in this key's own
    /// format (legacy or current).
    pub fn is_of_text(&self, text: &str) -> bool {
        let of_text = if self.is_legacy() {
            Fingerprint::legacy_of_text(text)
        } else {
            Fingerprint::of_text(text)
        };
        of_text == *self
    }
}

impl std::fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The runs of UTF-8 `bytes` between whitespace characters, in order: what
/// is left of the text when every [`char::is_whitespace`] character is
/// taken out, as borrowed slices. `bytes` must be valid UTF-8 (they come
/// from a `&str`).
///
/// Works on bytes: every whitespace character is ASCII (tab to carriage
/// return, space) or starts with one of four lead bytes (`C2`, `E1`, `E2`,
/// `E3`); only at those is the character looked at ([`blank_len`]). Other
/// lead and continuation bytes pass at one table look-up each.
struct NonBlank<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> NonBlank<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        NonBlank { bytes, at: 0 }
    }
}

impl<'a> Iterator for NonBlank<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        let bytes = self.bytes;
        // Skip whitespace.
        while self.at < bytes.len() {
            match blank_len(bytes, self.at) {
                0 => break,
                len => self.at += len,
            }
        }
        if self.at >= bytes.len() {
            return None;
        }
        let start = self.at;
        let mut end = start;
        while end < bytes.len() {
            if MAY_START_BLANK[usize::from(bytes[end])] && blank_len(bytes, end) > 0 {
                break;
            }
            end += 1;
        }
        self.at = end;
        Some(&bytes[start..end])
    }
}

/// For each byte: true when a whitespace character may start with it (the
/// ASCII whitespace bytes and the lead bytes `C2`, `E1`, `E2`, `E3`).
static MAY_START_BLANK: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0x09;
    while b <= 0x0D {
        table[b] = true;
        b += 1;
    }
    table[0x20] = true;
    table[0xC2] = true;
    table[0xE1] = true;
    table[0xE2] = true;
    table[0xE3] = true;
    table
};

/// The length in bytes of the whitespace character starting at `at` in
/// the UTF-8 `bytes`, or 0 when the character there is not whitespace.
/// The whitespace characters beyond ASCII (Unicode's `White_Space`):
/// U+0085 and U+00A0 (`C2 85`, `C2 A0`), U+1680 (`E1 9A 80`),
/// U+2000–U+200A (`E2 80 80`–`E2 80 8A`), U+2028, U+2029, U+202F
/// (`E2 80 A8`, `A9`, `AF`), U+205F (`E2 81 9F`) and U+3000 (`E3 80 80`).
fn blank_len(bytes: &[u8], at: usize) -> usize {
    let byte = |i: usize| bytes.get(at + i).copied().unwrap_or(0);
    match byte(0) {
        0x09..=0x0D | 0x20 => 1,
        0xC2 if matches!(byte(1), 0x85 | 0xA0) => 2,
        0xE1 if byte(1) == 0x9A && byte(2) == 0x80 => 3,
        0xE2 => match (byte(1), byte(2)) {
            (0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF) | (0x81, 0x9F) => 3,
            _ => 0,
        },
        0xE3 if byte(1) == 0x80 && byte(2) == 0x80 => 3,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// The text's non-whitespace characters, as `char::is_whitespace` has
    /// them: what both formats hash.
    fn non_blank(text: &str) -> Vec<u8> {
        text.chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .into_bytes()
    }

    #[test]
    fn byte_scan_leaves_out_exactly_the_unicode_whitespace_characters() {
        // Every scalar value, each between two letters and alone.
        for c in (0..=0x10_FFFF_u32).filter_map(char::from_u32) {
            let text = format!("a{c}b{c}");
            let kept: Vec<u8> = NonBlank::new(text.as_bytes()).flatten().copied().collect();
            assert_eq!(kept, non_blank(&text), "U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn current_key_is_xxh3_128_of_the_non_whitespace_bytes() {
        let text = "第1版 要闻\n\u{3000}\u{3000}本报讯　7月26日，\r\n会议\u{a0}召开。\t\x0c";
        let expected = xxhash_rust::xxh3::xxh3_128(&non_blank(text));
        assert_eq!(Fingerprint::of_text(text).0, format!("x3-{expected:032x}"));
        assert_eq!(Fingerprint::of_text(text).0.len(), 35);
    }

    #[test]
    fn chunked_hashing_matches_one_shot_hashing_over_long_runs_and_short_ones() {
        // Runs far longer than a chunk, and many short ones, so both the
        // pass-through and the gathering path are taken.
        let long_run = "中".repeat(3 * CHUNK_BYTES);
        let words: String = (0..20_000).map(|i| format!("w{i} ")).collect();
        for text in [
            long_run.as_str(),
            words.as_str(),
            &format!("{words}{long_run}{words}"),
        ] {
            let expected = xxhash_rust::xxh3::xxh3_128(&non_blank(text));
            assert_eq!(Fingerprint::of_text(text).0, format!("x3-{expected:032x}"));
        }
    }

    #[test]
    fn whitespace_and_line_breaks_do_not_change_either_key() {
        let a = "市委常委会会议召开\n本报讯 会议指出，全市经济运行稳中向好。\n";
        let b = "市委常委会\r\n会议召开 本报讯　会议指出，\n\n全市经济运行\t稳中向好。";
        assert_eq!(Fingerprint::of_text(a), Fingerprint::of_text(b));
        assert_eq!(
            Fingerprint::legacy_of_text(a),
            Fingerprint::legacy_of_text(b)
        );
        assert_ne!(Fingerprint::of_text(a), Fingerprint::of_text("市委"));
    }

    #[test]
    fn legacy_key_is_the_old_fnv_format_and_is_told_apart() {
        // The FNV-1a of the empty input is its offset basis.
        assert_eq!(Fingerprint::legacy_of_text(" \n").0, "cbf29ce484222325");
        let text = "头条\n正文。";
        let legacy = Fingerprint::legacy_of_text(text);
        let current = Fingerprint::of_text(text);
        assert!(legacy.is_legacy() && !current.is_legacy());
        assert_eq!(legacy.0.len(), 16);
        assert!(legacy.is_of_text(text) && current.is_of_text(text));
        assert!(!legacy.is_of_text("别的") && !current.is_of_text("别的"));
    }
}
