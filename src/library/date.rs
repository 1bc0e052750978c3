//! Finding an edition's date cheaply: in the first lines of its text (the
//! page furniture: `2024年7月27日`, `2024-07-27`, `July 27, 1916`), in its
//! file name (`2024-07-27`, `20240727`), or from a file time.

use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

/// A calendar date (proleptic Gregorian), ordered chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EditionDate {
    /// The year, e.g. 2024.
    pub year: i32,
    /// The month, 1–12.
    pub month: u8,
    /// The day of the month, 1–31.
    pub day: u8,
}

impl EditionDate {
    /// The date if it exists: month 1–12, a day that month has (leap years
    /// by the Gregorian rule, as the `time` crate's calendar has them), and
    /// a year from 1700 to 2200 (newspapers only; a wider range lets page
    /// numbers and prices pass as years).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Self> {
        if !(1700..=2200).contains(&year) {
            return None;
        }
        let month = u8::try_from(month).ok()?;
        let day = u8::try_from(day).ok()?;
        time::Date::from_calendar_date(year, time::Month::try_from(month).ok()?, day).ok()?;
        Some(EditionDate { year, month, day })
    }

    /// The UTC date of `time`; `None` before 1970 or outside
    /// [`EditionDate::new`]'s range.
    pub fn from_system_time(time: SystemTime) -> Option<Self> {
        let seconds = time.duration_since(UNIX_EPOCH).ok()?.as_secs();
        let date = utc_date(seconds)?;
        EditionDate::new(
            date.year(),
            u32::from(u8::from(date.month())),
            u32::from(date.day()),
        )
    }
}

/// The UTC calendar date of `seconds` since the Unix epoch, by the `time`
/// crate (proleptic Gregorian); `None` past the year 9999.
fn utc_date(seconds: u64) -> Option<time::Date> {
    let seconds = i64::try_from(seconds).ok()?;
    Some(
        time::OffsetDateTime::from_unix_timestamp(seconds)
            .ok()?
            .date(),
    )
}

impl fmt::Display for EditionDate {
    /// ISO 8601: `2024-07-27`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// English month names; abbreviations are their first three letters (and
/// `sept`).
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The first date written in `text`, in any of these forms (fullwidth
/// digits count as digits):
/// - `2024年7月27日` (spaces allowed around the parts);
/// - `2024-07-27`, `2024/7/27`, `2024.07.27` (one separator throughout);
/// - `July 27, 1916`, `Jul. 27 1916`, `JANUARY 1. 1916` (OCR), `July 27th,
///   1916`;
/// - `27 July 1916`.
///
/// A date inside a longer run of digits is not one.
pub fn find_in_text(text: &str) -> Option<EditionDate> {
    let chars: Vec<char> = text.chars().map(narrow_digit).collect();
    (0..chars.len()).find_map(|i| {
        let after_digit = i > 0 && chars[i - 1].is_ascii_digit();
        let after_letter = i > 0 && chars[i - 1].is_alphabetic();
        let numeric = || cjk_date(&chars, i).or_else(|| iso_date(&chars, i));
        let numeric = if after_digit { None } else { numeric() };
        numeric
            .or_else(|| (!after_letter).then(|| month_day_year(&chars, i)).flatten())
            .or_else(|| (!after_digit).then(|| day_month_year(&chars, i)).flatten())
    })
}

/// The first date in a file name: `YYYY-MM-DD`, `YYYY_MM_DD`, `YYYY.MM.DD`
/// or `YYYYMMDD`, not inside a longer run of digits.
pub fn find_in_file_name(name: &str) -> Option<EditionDate> {
    let chars: Vec<char> = name.chars().collect();
    (0..chars.len()).find_map(|i| {
        if i > 0 && chars[i - 1].is_ascii_digit() {
            return None;
        }
        let (year, at) = fixed_digits(&chars, i, 4)?;
        let separator = chars
            .get(at)
            .copied()
            .filter(|c| matches!(c, '-' | '_' | '.'));
        let at = at + usize::from(separator.is_some());
        let (month, at) = fixed_digits(&chars, at, 2)?;
        let at = match separator {
            Some(s) if chars.get(at) == Some(&s) => at + 1,
            Some(_) => return None,
            None => at,
        };
        let (day, at) = fixed_digits(&chars, at, 2)?;
        if chars.get(at).is_some_and(char::is_ascii_digit) {
            return None;
        }
        EditionDate::new(i32::try_from(year).ok()?, month, day)
    })
}

/// Fullwidth digits (U+FF10–U+FF19) as ASCII digits; other chars as they are.
fn narrow_digit(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(u32::from(c) - 0xFF10 + 0x30).unwrap_or(c),
        _ => c,
    }
}

/// Exactly `count` ASCII digits at `at`, as a number, and the index after.
fn fixed_digits(chars: &[char], at: usize, count: usize) -> Option<(u32, usize)> {
    let digits = chars.get(at..at + count)?;
    digits.iter().all(char::is_ascii_digit).then_some(())?;
    Some((
        digits
            .iter()
            .fold(0, |n, c| n * 10 + c.to_digit(10).unwrap_or(0)),
        at + count,
    ))
}

/// `min..=max` ASCII digits at `at` (as many as there are, failing if more
/// than `max`), and the index after.
fn digits(chars: &[char], at: usize, min: usize, max: usize) -> Option<(u32, usize)> {
    let count = chars[at.min(chars.len())..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    (min..=max)
        .contains(&count)
        .then(|| fixed_digits(chars, at, count))?
}

/// Skips spaces (any Unicode white space) from `at`; returns the new index.
fn spaces(chars: &[char], at: usize) -> usize {
    at + chars[at.min(chars.len())..]
        .iter()
        .take_while(|c| c.is_whitespace())
        .count()
}

/// `at` past `c` (after optional spaces), if `c` is there.
fn expect(chars: &[char], at: usize, c: char) -> Option<usize> {
    let at = spaces(chars, at);
    (chars.get(at) == Some(&c)).then_some(at + 1)
}

/// `2024年7月27日`.
fn cjk_date(chars: &[char], at: usize) -> Option<EditionDate> {
    let (year, at) = digits(chars, at, 4, 4)?;
    let at = expect(chars, at, '年')?;
    let (month, at) = digits(chars, spaces(chars, at), 1, 2)?;
    let at = expect(chars, at, '月')?;
    let (day, at) = digits(chars, spaces(chars, at), 1, 2)?;
    expect(chars, at, '日')?;
    EditionDate::new(i32::try_from(year).ok()?, month, day)
}

/// `2024-07-27`, `2024/7/27`, `2024.07.27`.
fn iso_date(chars: &[char], at: usize) -> Option<EditionDate> {
    let (year, at) = digits(chars, at, 4, 4)?;
    let separator = chars
        .get(at)
        .copied()
        .filter(|c| matches!(c, '-' | '/' | '.'))?;
    let (month, at) = digits(chars, at + 1, 1, 2)?;
    (chars.get(at) == Some(&separator)).then_some(())?;
    let (day, _) = digits(chars, at + 1, 1, 2)?;
    EditionDate::new(i32::try_from(year).ok()?, month, day)
}

/// An English month name or abbreviation at `at` (not followed by another
/// letter), as 1–12, and the index after (past an abbreviation's dot).
fn month_name(chars: &[char], at: usize) -> Option<(u32, usize)> {
    let word: String = chars[at.min(chars.len())..]
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_ascii_lowercase();
    if word.len() < 3 {
        return None;
    }
    let index = MONTHS.iter().position(|m| {
        *m == word || (m.starts_with(&word) && (word.len() == 3 || word == "sept"))
    })?;
    let mut end = at + word.len();
    if chars.get(end) == Some(&'.') {
        end += 1;
    }
    Some((u32::try_from(index).ok()? + 1, end))
}

/// `July 27, 1916` and its variants (see [`find_in_text`]).
fn month_day_year(chars: &[char], at: usize) -> Option<EditionDate> {
    let (month, after_month) = month_name(chars, at)?;
    let at = spaces(chars, after_month);
    (at > after_month).then_some(())?;
    let (day, mut at) = digits(chars, at, 1, 2)?;
    let suffix: String = chars.get(at..at + 2).unwrap_or_default().iter().collect();
    if ["st", "nd", "rd", "th"].contains(&suffix.to_ascii_lowercase().as_str()) {
        at += 2;
    }
    if matches!(chars.get(at), Some(',' | '.')) {
        at += 1;
    }
    let (year, at) = digits(chars, spaces(chars, at), 4, 4)?;
    let _ = at;
    EditionDate::new(i32::try_from(year).ok()?, month, day)
}

/// `27 July 1916`.
fn day_month_year(chars: &[char], at: usize) -> Option<EditionDate> {
    let (day, after_day) = digits(chars, at, 1, 2)?;
    let at = spaces(chars, after_day);
    (at > after_day).then_some(())?;
    let (month, after_month) = month_name(chars, at)?;
    let mut at = after_month;
    if chars.get(at) == Some(&',') {
        at += 1;
    }
    let (year, _) = digits(chars, spaces(chars, at), 4, 4)?;
    EditionDate::new(i32::try_from(year).ok()?, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u32, day: u32) -> Option<EditionDate> {
        EditionDate::new(year, month, day)
    }

    #[test]
    fn chinese_furniture_date_is_found() {
        assert_eq!(
            find_in_text("锡城日报\n2024年7月27日 星期六"),
            date(2024, 7, 27)
        );
        assert_eq!(find_in_text("２０２４年 ７ 月２７日"), date(2024, 7, 27));
    }

    #[test]
    fn iso_and_slashed_dates_are_found() {
        assert_eq!(find_in_text("Edition of 2024-07-27."), date(2024, 7, 27));
        assert_eq!(find_in_text("2024/7/5"), date(2024, 7, 5));
        assert_eq!(find_in_text("2024-07/27"), None);
    }

    #[test]
    fn english_dates_are_found_including_ocr_dots() {
        assert_eq!(find_in_text("Thursday, July 27, 1916"), date(1916, 7, 27));
        assert_eq!(
            find_in_text("SATURDAY.\" JANUARY 1. 1916-TWENTY PAGES"),
            date(1916, 1, 1)
        );
        assert_eq!(find_in_text("Sept. 3rd, 1917"), date(1917, 9, 3));
        assert_eq!(find_in_text("on 1 March 1916"), date(1916, 3, 1));
    }

    #[test]
    fn month_words_inside_other_words_and_yearless_dates_are_not_dates() {
        assert_eq!(find_in_text("Mayor March 15.—Senator"), None);
        assert_eq!(find_in_text("本报讯 7月26日，会议"), None);
    }

    #[test]
    fn impossible_dates_are_skipped() {
        assert_eq!(
            find_in_text("2023年2月29日 2024年2月29日"),
            date(2024, 2, 29)
        );
    }

    #[test]
    fn file_name_dates_need_digit_boundaries() {
        assert_eq!(find_in_file_name("wuxi-2024-07-27"), date(2024, 7, 27));
        assert_eq!(find_in_file_name("paper_20240727_a"), date(2024, 7, 27));
        assert_eq!(find_in_file_name("120240727"), None);
        assert_eq!(find_in_file_name("2024-0727"), None);
        assert_eq!(find_in_file_name("000_8811b50d0c9ae951"), None);
    }

    #[test]
    fn system_time_gives_the_utc_date() {
        // 2024-07-27 is day 19931 since 1970-01-01: 54 years with 13 leap
        // days make 19723 days to 2024-01-01, and July 27th is 208 days on.
        let time = UNIX_EPOCH + std::time::Duration::from_secs(19_931 * 86_400 + 3600);
        assert_eq!(EditionDate::from_system_time(time), date(2024, 7, 27));
    }
}
