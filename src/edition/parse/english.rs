//! English OCR pages (Chronicling America and the like): headline decks,
//! wire datelines and credits, masthead noise, and end-of-line hyphens.
//!
//! Evidence (`shared/samples/en-*.txt`, see its SOURCES.md): one OCR line
//! per printed column line, no blank lines, no indentation.
//! - **Decks.** Headline decks are stacks of ALL-CAPS lines (`ESTABROOKIS`,
//!   `SNOWB) UNDER`) and short title-case lines under them (`Returns Show
//!   Iowa Man is`); a body line is never mostly capitals, and a title-case
//!   line counts only directly under a deck line.
//! - **Datelines** are fused to the first body line: `St. Paul, Minn.,
//!   March 15.—Sena*`, `WASHINGTON, Jan. 1.—`. The dateline is the text
//!   before the dash; it stays in the first paragraph, as printed.
//! - **Credits** on lines of their own: `By JOHN SMITH`, `By Associated
//!   Press`, `(Special to The Farmer.)`, `(Herald Special Service`.
//! - **Masthead.** Volume and folio lines (`VOL. 11, NO. 63.`, `… 1916.
//!   TEN PAGES—PRICE FIVE CENTS.`) are page furniture.
//! - **Noise.** OCR of the masthead ornaments gives lines that are mostly
//!   symbols or stray letters (`ipsiTOTJ?:`, `ri»`, `.-Vt.`): those are page
//!   furniture, never headline or body. Above the page's first deck the
//!   test is looser: a line there that is not dateline-led and where at
//!   least half the tokens are not word-shaped (`V ^ V ^ yDully Avfraite,
//!   7.14W2: Sunday, 57.I7H.`, the garbled weather ear) is masthead too.
//! - **Hyphens.** A line ending in a letter and `-`, followed by a line
//!   starting with a lowercase letter, is one word broken in two
//!   (`candi-` / `dates`): the hyphen is dropped (and counted in
//!   [`crate::edition::Edition::dropped`]). Other hyphens (`candi-` /
//!   `000`) stay.
//! - **Paragraphs** end after a line that ends a sentence and is clearly
//!   shorter than the page's usual line (80 % of the median length).

use super::furniture::Furniture;
use super::lines::is_letter;
use super::page::Role;

/// True when `text` is mostly Latin script: over 80 % of its letters (in
/// the first 100 000 chars) are ASCII, and there are at least 20.
pub(crate) fn is_english(text: &str) -> bool {
    let end = if text.len() <= 100_000 {
        text.len()
    } else {
        text.char_indices()
            .nth(100_000)
            .map_or(text.len(), |(i, _)| i)
    };
    let text = &text[..end];
    let ascii = super::lines::count_bytes(text.as_bytes(), |b| u16::from(b.is_ascii_alphabetic()));
    // The test below is `ascii > 4 * other`: counting other letters can
    // stop as soon as it fails, after a few chars on a Chinese page.
    let mut other = 0usize;
    for c in text.chars().filter(|c| !c.is_ascii()) {
        if is_letter(c) {
            other += 1;
            if other * 4 >= ascii {
                return false;
            }
        }
    }
    ascii >= 20 && ascii * 5 > (ascii + other) * 4
}

/// The role of an English line by its own shape, given whether the line
/// above is a deck line. `None` means an ordinary body line.
pub(crate) fn classify(text: &str, under_deck: bool) -> Option<Role> {
    if is_noise(text) || is_masthead(text) {
        return Some(Role::Furniture(Furniture::Other));
    }
    if is_credit(text) {
        return Some(Role::Credit);
    }
    if dateline(text).is_some() {
        return None;
    }
    if is_all_caps(text) || (under_deck && is_title_case(text)) {
        return Some(Role::Headline);
    }
    None
}

/// The name in an English credit line (`By JOHN SMITH` gives `JOHN SMITH`).
pub(crate) fn credit_name(line: &str) -> Option<String> {
    let rest = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("BY "))?;
    Some(rest.trim().trim_end_matches('.').to_owned())
}

/// Masthead and folio lines: `VOL. 11, NO. 63.`, `GRAND FORKS, N. D.,
/// WEDNESDAY EVENING, MARCH 15, 1916. TEN PAGES—PRICE FIVE CENTS.`
fn is_masthead(text: &str) -> bool {
    let upper = text.to_uppercase();
    let volume = upper.contains("VOL.") && upper.contains("NO.");
    let year = upper
        .as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit) && (w[0] == b'1' || w[0] == b'2'));
    let folio = ["PAGES", "PRICE", "CENTS", "EDITION"]
        .iter()
        .filter(|k| upper.contains(*k))
        .count();
    let edition_word = matches!(
        upper.trim().trim_end_matches('.'),
        "EDITION" | "EVENING" | "MORNING" | "EXTRA" | "FINAL" | "HOME EDITION" | "EVENING EDITION"
    );
    volume || edition_word || (year && folio >= 1 && text.len() >= 20) || folio >= 2
}

fn is_credit(text: &str) -> bool {
    let t = text.trim();
    let words = t.split_whitespace().count();
    ((t.starts_with("By ") || t.starts_with("BY ")) && words <= 6 && !t.ends_with(','))
        || (t.starts_with('(')
            && words <= 7
            && (t.contains("Special") || t.contains("Press") || t.contains("Service")))
}

/// Mostly symbols or stray letters: fewer than 3 letters, letters under
/// half the non-space chars, or a word with case flipping inside it
/// (`ipsiTOTJ`, `WViPtthtit`).
fn is_noise(text: &str) -> bool {
    let visible: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    let letters = visible.iter().filter(|c| c.is_alphabetic()).count();
    if letters < 3 {
        // Figures (`1,000`, `$100.`) are text; stray marks are not.
        let digits = visible.iter().filter(|c| c.is_ascii_digit()).count();
        return digits * 2 < visible.len();
    }
    if letters * 2 < visible.len() {
        return true;
    }
    let junk = visible
        .iter()
        .filter(|c| {
            !c.is_alphanumeric()
                && !matches!(
                    c,
                    '.' | ',' | '\'' | '-' | '"' | '(' | ')' | '—' | ';' | '!' | '&' | '$'
                )
        })
        .count();
    if junk * 4 > visible.len() {
        return true;
    }
    let flips = text
        .split_whitespace()
        .filter(|w| {
            let cs: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
            cs.windows(2)
                .filter(|p| p[0].is_lowercase() && p[1].is_uppercase())
                .count()
                >= 1
                && cs.len() >= 3
        })
        .count();
    flips * 3 >= text.split_whitespace().count().max(1)
}

/// A line above the page's first headline deck that reads as masthead
/// noise: not dateline-led, and at least half of its whitespace-separated
/// tokens are not word-shaped (see [`is_word_shaped`]).
pub(crate) fn is_pre_deck_noise(text: &str) -> bool {
    if dateline(text).is_some() {
        return false;
    }
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let non_words = tokens.iter().filter(|t| !is_word_shaped(t)).count();
    !tokens.is_empty() && non_words * 2 >= tokens.len()
}

/// A token a reader takes for a word or a figure once its edge punctuation
/// is stripped: letters in one case pattern (`word`, `Word`, `WORD`, with
/// inner `-` or `'`), at least two letters unless `a`, `A`, `I` or `O`; or
/// a figure (digits with inner `.`, `,`, `-`, a leading `$`). Mixed case
/// inside a word (`WViPtthtit`), digits among letters (`7.14W2`) and
/// symbol runs (`^`, `===`) are not word-shaped.
fn is_word_shaped(token: &str) -> bool {
    let core = token.trim_matches(|c: char| {
        matches!(
            c,
            '.' | ',' | ';' | ':' | '\'' | '"' | '!' | '?' | '(' | ')' | '—' | '-'
        )
    });
    let core = core.strip_prefix('$').unwrap_or(core);
    if core.is_empty() {
        return false;
    }
    if core
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-'))
    {
        return core.chars().any(|c| c.is_ascii_digit());
    }
    let letters: Vec<char> = core.chars().filter(|c| *c != '-' && *c != '\'').collect();
    if !letters.iter().all(|c| c.is_alphabetic()) {
        return false;
    }
    if letters.len() < 2 {
        return matches!(core, "a" | "A" | "I" | "O");
    }
    let rest_lower = letters[1..].iter().all(|c| c.is_lowercase());
    let all_upper = letters.iter().all(|c| c.is_uppercase());
    rest_lower || all_upper
}

fn is_all_caps(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    letters.len() >= 4 && upper * 10 >= letters.len() * 8
}

fn is_title_case(text: &str) -> bool {
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_start_matches(['—', '-', '(', '"', '\'']))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 8 || text.ends_with(['-', ',']) {
        return false;
    }
    let capital = words
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
        .count();
    capital * 5 >= words.len() * 3
}

/// An English wire dateline at the start of a paragraph: the text before
/// the first dash (`—` or `--`) within 60 chars, holding a comma and ending
/// in a day number (`St. Paul, Minn., March 15.`).
pub(crate) fn dateline(p: &str) -> Option<String> {
    let head: String = p.chars().take(60).collect();
    let end = head.find('—').or_else(|| head.find("--"))?;
    let d = head[..end].trim();
    let core = d.trim_end_matches('.');
    let starts_upper = d.starts_with(|c: char| c.is_ascii_uppercase());
    let ends_day = core.ends_with(|c: char| c.is_ascii_digit());
    (starts_upper && ends_day && d.contains(',')).then(|| d.to_owned())
}

/// Joins a body line to its paragraph, undoing an end-of-line hyphen when
/// both halves are word parts. Returns how many chars were dropped (0 or 1).
pub(crate) fn join_line(buf: &mut String, next: &str) -> usize {
    let mut tail = buf.chars().rev();
    let hyphen = tail.next() == Some('-') && tail.next().is_some_and(char::is_alphabetic);
    if hyphen && next.starts_with(|c: char| c.is_lowercase()) {
        buf.pop();
        buf.push_str(next);
        return 1;
    }
    if !buf.is_empty() && !next.is_empty() {
        buf.push(' ');
    }
    buf.push_str(next);
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_datelines_are_found() {
        assert_eq!(
            dateline("St. Paul, Minn., March 15.—Sena*").as_deref(),
            Some("St. Paul, Minn., March 15.")
        );
        assert_eq!(
            dateline("WASHINGTON, Jan. 1.—The").as_deref(),
            Some("WASHINGTON, Jan. 1.")
        );
        assert_eq!(dateline("the end—of it, 5"), None);
    }

    #[test]
    fn decks_noise_and_credits_are_told_apart() {
        assert_eq!(classify("LUMBERMAN IS", false), Some(Role::Headline));
        assert_eq!(
            classify("Returns Show Iowa Man is", true),
            Some(Role::Headline)
        );
        assert_eq!(classify("Returns Show Iowa Man is", false), None);
        assert_eq!(
            classify("the republican presidential primaries", true),
            None
        );
        assert_eq!(
            classify("ipsiTOTJ?:", false),
            Some(Role::Furniture(Furniture::Other))
        );
        assert_eq!(
            classify("ri»", false),
            Some(Role::Furniture(Furniture::Other))
        );
        assert_eq!(
            classify("f =?22222 7thi> WViPtthtit SsfsMp M", false),
            Some(Role::Furniture(Furniture::Other))
        );
        assert_eq!(classify("By JOHN SMITH", false), Some(Role::Credit));
        assert_eq!(
            classify("VOL. 11, NO. 63.", false),
            Some(Role::Furniture(Furniture::Other))
        );
        assert_eq!(
            classify("(Special to The Farmer.)", false),
            Some(Role::Credit)
        );
    }

    #[test]
    fn pre_deck_noise_is_told_by_its_share_of_non_word_tokens() {
        assert!(is_pre_deck_noise(
            "V ^ V ^ yDully Avfraite, 7.14W2: Sunday, 57.I7H."
        ));
        assert!(is_pre_deck_noise("*\"i Hwjv XiiuUllM ^iai? ===-:"));
        assert!(!is_pre_deck_noise("Fair tonight and tomorrow; colder."));
        assert!(!is_pre_deck_noise("Temperature at noon, 34; lowest, 28."));
        assert!(!is_pre_deck_noise("WASHINGTON, Jan. 1.—X 7q ^ Z"));
        assert!(!is_pre_deck_noise(""));
    }

    #[test]
    fn hyphen_is_undone_only_between_word_parts() {
        let mut p = "leading the field ot eight candi-".to_owned();
        assert_eq!(join_line(&mut p, "dates for"), 1);
        assert_eq!(p, "leading the field ot eight candidates for");
        let mut q = "candi-".to_owned();
        assert_eq!(join_line(&mut q, "000 votes"), 0);
        assert_eq!(q, "candi- 000 votes");
    }
}
