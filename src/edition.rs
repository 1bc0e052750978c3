//! The edition model: an [`Edition`] is a day's paper, made of [`Page`]s, each
//! holding [`Article`]s with a [`Headline`], an optional dateline and byline,
//! and paragraphs.
//!
//! This module owns the in-memory shape of a parsed edition and nothing else:
//! it does no I/O and knows nothing of the terminal. Text comes in through
//! [`decode`] (bytes to normalised text) and [`parse`] (text to model); the
//! [`load`] function runs both.
//!
//! The serde names of these types are the `--dump json` format, which other
//! tools read: keep them stable.

pub mod decode;
mod fingerprint;
pub mod parse;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod progressive;

use serde::{Deserialize, Serialize};

pub use fingerprint::Fingerprint;

/// The magic bytes every PDF starts with.
pub const PDF_MAGIC: &[u8] = b"%PDF-";

/// True when `bytes` start like a PDF: `%PDF-` on the first line, within
/// its first 1024 bytes (readers tolerate a little junk before it). Known
/// in every build, so that a build without the `pdf` feature can say why
/// it does not open the file.
#[must_use]
pub fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(PDF_MAGIC.len())
        .position(|w| w == PDF_MAGIC)
        .is_some_and(|at| !head[..at].contains(&b'\n'))
}

/// A whole edition: the pages of one day's paper, in print order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edition {
    /// The path the edition was read from, as given on the command line.
    pub source: Option<String>,
    /// `"pdf"` for an edition read from a PDF; absent for a text edition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// The WHATWG label of the encoding the bytes were decoded from
    /// (`"UTF-8"`, `"GBK"`, `"Big5"`, …); `"PDF"` for a PDF edition, whose
    /// fonts map glyphs to Unicode.
    pub encoding: String,
    /// The newspaper's name, taken from the page furniture, if any was found.
    pub title: Option<String>,
    /// The edition's date as printed (e.g. `2024年7月27日 星期六`), if found.
    pub date: Option<String>,
    /// The pages, in print order. Never empty for a non-empty input.
    pub pages: Vec<Page>,
    /// How many non-whitespace characters of the decoded input were
    /// deliberately dropped (undone end-of-line hyphens, OCR noise).
    pub dropped: usize,
    /// Problems met while decoding or parsing (e.g. invalid UTF-8 replaced).
    /// One short sentence each; shown to the user, never fatal.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// One printed page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page {
    /// 1-based page number, in the order pages appear in the input.
    pub number: u32,
    /// The page's folio label as printed (`第1版 要闻`), if found.
    pub label: Option<String>,
    /// Page furniture lines (masthead, folio, credits, page numbers):
    /// text printed on the page that belongs to no article.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub furniture: Vec<String>,
    /// The articles whose body starts on this page, in body order.
    pub articles: Vec<Article>,
}

/// One article: headline, dateline, body paragraphs and byline.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// A stable id derived from the article's content (see [`ArticleId::derive`]).
    pub id: ArticleId,
    /// The headline group: kicker, title and subtitle lines.
    #[serde(flatten)]
    pub headline: Headline,
    /// The opening credit (`本报讯 7月26日`), without trailing punctuation.
    /// The first paragraph still starts with it, as printed.
    pub dateline: Option<String>,
    /// The closing credit: the name inside the final full-width parentheses
    /// (`高美梅` from `（高美梅）`). It is removed from the last paragraph.
    pub byline: Option<String>,
    /// The closing (or own-line) credit as printed, parentheses included
    /// (`（高美梅）`, `本报记者 张三`): what the byline was read from. Kept so
    /// that no printed character is lost; not part of the dump format.
    #[serde(skip)]
    pub byline_printed: Option<String>,
    /// Body paragraphs, column-broken lines rejoined, as printed.
    pub paragraphs: Vec<String>,
    /// Photo captions, editor's notes and boxes that belong to this article.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub captions: Vec<String>,
    /// Where the article was first printed, when the edition is a
    /// compilation of articles from a paper (its source line, as printed:
    /// `《人民日报》（2025年10月20日 第 02 版）`). The printed line is kept
    /// in [`Article::byline_printed`] with the author line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A headline group, each part as its printed lines, top to bottom.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Headline {
    /// Kicker (引题) lines, printed above the title.
    pub kicker: Vec<String>,
    /// Title (主题) lines: the most prominent part.
    pub title: Vec<String>,
    /// Subtitle or deck (副题) lines, printed below the title.
    pub subtitle: Vec<String>,
}

impl Headline {
    /// All headline lines in reading order: kicker, title, subtitle.
    pub fn lines(&self) -> impl Iterator<Item = &str> {
        self.kicker
            .iter()
            .chain(&self.title)
            .chain(&self.subtitle)
            .map(String::as_str)
    }

    /// True when the headline has no line at all.
    pub fn is_empty(&self) -> bool {
        self.kicker.is_empty() && self.title.is_empty() && self.subtitle.is_empty()
    }

    /// The headline as it is shown on one line, in the headline list, the
    /// bookmark sidebar, `--bookmarks` and the export: the title's printed
    /// lines with a space between them (`坚定信心决心 争取更好结果`
    /// / `为全省发展大局作出应有贡献` reads as two phrases, not
    /// `结果为全省`), then ` / ` and the subtitle (deck) lines the same way.
    /// With no title line, the kicker lines take its place. Lines are
    /// trimmed and blank ones dropped; empty when every line is blank.
    pub fn display(&self) -> String {
        let spaced = |lines: &[String]| {
            let kept: Vec<&str> = lines
                .iter()
                .map(|l| l.trim())
                .filter(|l| !l.is_empty())
                .collect();
            kept.join(" ")
        };
        let mut main = spaced(&self.title);
        if main.is_empty() {
            main = spaced(&self.kicker);
        }
        let deck = spaced(&self.subtitle);
        match (main.is_empty(), deck.is_empty()) {
            (_, true) => main,
            (true, false) => deck,
            (false, false) => format!("{main} / {deck}"),
        }
    }

    /// The headline as one line for identifying an edition by its titles
    /// (the store's titles, saved before [`Headline::display`] existed):
    /// all title lines joined with [`join_lines`]; with no title line, the
    /// kicker and subtitle lines joined the same way. Empty when every line
    /// is blank. Not for display: it hides where a printed line ended.
    pub fn one_line(&self) -> String {
        if self.title.iter().any(|l| !l.trim().is_empty()) {
            join_lines(self.title.iter().map(String::as_str))
        } else {
            join_lines(self.lines())
        }
    }
}

/// Joins lines of one headline into one line: each line trimmed, blank ones
/// dropped; no space between two CJK (or other wide) sides, one space where
/// either side is Latin, a digit or other narrow text (`全国人大来锡开展科研机构`
/// and `改革发展和立法专题调研` join whole; `LUMBERMAN IS` and `KILLED` get a
/// space). A line the extractor split after a CJK character is one phrase,
/// while Latin words need the space back (W3C clreq: no inter-word spaces in
/// Chinese).
pub fn join_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    let mut joined = String::new();
    for line in lines.into_iter().map(str::trim).filter(|l| !l.is_empty()) {
        let latin = |c: Option<char>| c.is_some_and(is_latin_side);
        if latin(joined.chars().next_back()) || (!joined.is_empty() && latin(line.chars().next())) {
            joined.push(' ');
        }
        joined.push_str(line);
    }
    joined
}

/// True for a character that needs a space against its neighbour line:
/// ASCII (Latin letters, digits, punctuation) and other non-CJK letters and
/// digits (accented Latin, Greek, Cyrillic, full-width digits excluded).
fn is_latin_side(c: char) -> bool {
    c.is_ascii() || (c.is_alphanumeric() && !is_cjk(c))
}

/// True for a character of the CJK scripts' blocks (UAX #11 gives them
/// East Asian Wide or Fullwidth): Hangul Jamo and syllables (with their
/// extensions A and B), CJK radicals, Kangxi radicals, CJK symbols and
/// punctuation, kana, bopomofo, CJK compatibility, ideographs (extension A,
/// the unified block, the supplementary planes 2 and 3), Yi, compatibility
/// ideographs, CJK vertical and compatibility forms, and half-width and
/// full-width forms. The one such rule of the crate: the parser (joining
/// lines) and typesetting (justifying, breaking) both ask it.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11FF}'
        | '\u{2E80}'..='\u{A4CF}'
        | '\u{A960}'..='\u{A97F}'
        | '\u{AC00}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FFEF}'
        | '\u{20000}'..='\u{3FFFF}')
}

/// A stable article identifier: 16 lowercase hex digits of a 64-bit FNV-1a
/// hash over the article's non-whitespace content (see [`ArticleId::derive`]).
/// Unique within a parsed edition: the parser gives the second and later
/// articles deriving the same id a suffix `-2`, `-3`, … in reading order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArticleId(pub String);

impl ArticleId {
    /// Derives the id from an article's title lines and the first 64
    /// non-whitespace chars of its body. Whitespace is ignored, so a
    /// re-extraction that re-breaks lines, or reorders the page, keeps the id.
    pub fn derive(headline: &Headline, paragraphs: &[String]) -> Self {
        let body = paragraphs
            .iter()
            .flat_map(|p| p.chars())
            .filter(|c| !c.is_whitespace())
            .take(64);
        let head = headline
            .title
            .iter()
            .flat_map(|l| l.chars())
            .filter(|c| !c.is_whitespace());
        let mut hash = Fnv1a::default();
        head.for_each(|c| hash.write_char(c));
        hash.write_char('\u{1F}');
        body.for_each(|c| hash.write_char(c));
        ArticleId(format!("{:016x}", hash.0))
    }
}

impl std::fmt::Display for ArticleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// 64-bit FNV-1a. Written out here (rather than `std`'s `DefaultHasher`)
/// because ids are stored on disk and must not change between releases.
struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Self {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv1a {
    fn write_char(&mut self, c: char) {
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

impl Edition {
    /// All articles of the edition in print order, across pages.
    pub fn articles(&self) -> impl Iterator<Item = &Article> {
        self.pages.iter().flat_map(|p| &p.articles)
    }

    /// The number of articles across all pages.
    pub fn article_count(&self) -> usize {
        self.pages.iter().map(|p| p.articles.len()).sum()
    }

    /// The article at `index` in [`Edition::articles`] order, if any.
    pub fn article(&self, index: usize) -> Option<&Article> {
        self.articles().nth(index)
    }
}

/// A place inside an article's body: a paragraph and a character offset.
///
/// This is how bookmarks, reading positions and search hits refer to text.
/// It never names a screen row, so it survives a different terminal width.
/// `(0, 0)` is the top of the article, headline included.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Anchor {
    /// Index into [`Article::paragraphs`].
    pub paragraph: usize,
    /// Offset in `char`s (Unicode scalar values, not bytes) into that paragraph.
    pub offset: usize,
}

/// Options for [`load`].
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Force this encoding (a WHATWG label such as `gbk`) instead of detecting one.
    pub encoding: Option<&'static encoding_rs::Encoding>,
}

/// Decodes `bytes` and parses them into an [`Edition`].
///
/// Never panics and never fails: undecodable bytes are replaced (with a
/// warning in [`Edition::warnings`]), and text with no recognisable article
/// gives an edition with no articles. `source` is recorded as given.
pub fn load(bytes: &[u8], source: Option<&str>, options: &LoadOptions) -> (Edition, Fingerprint) {
    finish_load(decode::decode(bytes, options.encoding), source)
}

/// [`load`], taking the bytes so that UTF-8 text is decoded in place (see
/// [`decode::decode_owned`]): the same result, with one copy of the file
/// fewer in memory at the peak.
pub fn load_owned(
    bytes: Vec<u8>,
    source: Option<&str>,
    options: &LoadOptions,
) -> (Edition, Fingerprint) {
    finish_load(decode::decode_owned(bytes, options.encoding), source)
}

/// [`load_owned`] without the fingerprint, for a reader that does not keep
/// state (`--dump`): decoding and parsing only, and the whole machine's
/// cores for the parse.
pub fn parse_owned(bytes: Vec<u8>, source: Option<&str>, options: &LoadOptions) -> Edition {
    progressive::parse_whole(&decode::decode_owned(bytes, options.encoding), source)
}

/// Fingerprints and parses decoded text; the decoded text is dropped
/// before the model is returned.
fn finish_load(decoded: decode::Decoded, source: Option<&str>) -> (Edition, Fingerprint) {
    fingerprint_beside(&decoded.text, || progressive::parse_whole(&decoded, source))
}

/// Runs `work` on this thread while [`Fingerprint::of_text`] of `text` is
/// taken beside it (see [`hash_beside`]). Gives `work`'s result and the
/// fingerprint.
pub fn fingerprint_beside<T>(text: &str, work: impl FnOnce() -> T) -> (T, Fingerprint) {
    hash_beside(text, Fingerprint::of_text, work)
}

/// Runs `work` on this thread while `hash` of `text` is taken: on a thread
/// of its own from [`parse::PARALLEL_MIN_BYTES`] on (a fingerprint is a
/// serial pass over every byte, a few GB/s; a legacy key, when `hash`
/// takes one too, about 1.6 ms a MB), one after the other below that.
/// Gives `work`'s result and the hash. Never panics: a hashing thread that
/// cannot start or fails is replaced by hashing here.
pub fn hash_beside<T, H: Send>(
    text: &str,
    hash: impl Fn(&str) -> H + Sync,
    work: impl FnOnce() -> T,
) -> (T, H) {
    if text.len() < parse::PARALLEL_MIN_BYTES {
        return (work(), hash(text));
    }
    std::thread::scope(|scope| {
        let hashing = std::thread::Builder::new()
            .name("newsreader-fingerprint".to_owned())
            .spawn_scoped(scope, || hash(text));
        let result = work();
        let hashed = hashing
            .ok()
            .and_then(|h| h.join().ok())
            .unwrap_or_else(|| hash(text));
        (result, hashed)
    })
}

#[cfg(test)]
mod tests {
    use super::is_cjk;

    #[test]
    fn is_cjk_covers_every_cjk_script_block_and_no_latin() {
        // Hangul Jamo, a Kangxi radical, kana, Yi, Hangul Jamo extensions A
        // and B, a syllable, an ideograph of plane 2, full-width forms.
        for c in "ᄀ⼀あア가ꀀꥠힰ𠀀ＡＣ，、。".chars() {
            assert!(is_cjk(c), "{c:?}");
        }
        for c in "Aé1“—·".chars() {
            assert!(!is_cjk(c), "{c:?}");
        }
    }
}
