//! Bookmarks across all editions, for `newsreader --bookmarks` (plain and
//! `--json`) and `--export-bookmarks FILE.md`. Works from the stored state
//! alone: no edition is parsed.

use serde::Serialize;

use super::Store;
use crate::edition::{Anchor, ArticleId, Fingerprint};

/// One bookmark with what a listing shows about its edition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ListedBookmark {
    /// The edition's fingerprint.
    pub edition: Fingerprint,
    /// The edition's display title, else its last path, else its fingerprint.
    pub edition_label: String,
    /// The path the edition was last opened from.
    pub path: Option<String>,
    /// The bookmark's id.
    pub id: String,
    /// The article it points into.
    pub article: ArticleId,
    /// Where in the article (paragraph index, char offset).
    pub anchor: Anchor,
    /// The article's title.
    pub article_title: String,
    /// The text at the bookmark.
    pub snippet: String,
    /// The reader's note, if any.
    pub note: Option<String>,
    /// When it was made, in seconds since the Unix epoch.
    pub created: u64,
}

impl Store {
    /// Every bookmark of every edition: editions by label, then bookmarks by
    /// creation time.
    pub fn all_bookmarks(&self) -> Vec<ListedBookmark> {
        let mut listed: Vec<ListedBookmark> = self
            .editions()
            .flat_map(|(fingerprint, state)| {
                let label = state
                    .title
                    .clone()
                    .or_else(|| state.path.clone())
                    .unwrap_or_else(|| fingerprint.to_string());
                state.bookmarks.iter().map(move |b| ListedBookmark {
                    edition: fingerprint.clone(),
                    edition_label: label.clone(),
                    path: state.path.clone(),
                    id: b.id.clone(),
                    article: b.article.clone(),
                    anchor: b.anchor,
                    article_title: b.article_title.clone(),
                    snippet: b.snippet.clone(),
                    note: b.note.clone(),
                    created: b.created,
                })
            })
            .collect();
        listed.sort_by(|a, b| {
            (&a.edition_label, &a.edition, a.created, &a.id).cmp(&(
                &b.edition_label,
                &b.edition,
                b.created,
                &b.id,
            ))
        });
        listed
    }

    /// [`Store::all_bookmarks`] as plain text for `newsreader --bookmarks`: per
    /// edition its label on a line of its own, then one line per bookmark,
    /// indented two spaces: `article title — snippet…`, then `  [note]` if it
    /// has one. Editions are separated by a blank line; no bookmarks gives
    /// `"No bookmarks yet.\n"`.
    pub fn bookmarks_text(&self) -> String {
        let listed = self.all_bookmarks();
        if listed.is_empty() {
            return "No bookmarks yet.\n".to_owned();
        }
        let mut out = String::new();
        let mut current: Option<&Fingerprint> = None;
        for item in &listed {
            if current != Some(&item.edition) {
                if current.is_some() {
                    out.push('\n');
                }
                current = Some(&item.edition);
                out.push_str(&one_line(&item.edition_label));
                out.push('\n');
            }
            out.push_str("  ");
            out.push_str(&one_line(&item.article_title));
            if !item.snippet.is_empty() {
                out.push_str(&format!(" — {}…", one_line(&item.snippet)));
            }
            if let Some(note) = &item.note {
                out.push_str(&format!("  [{}]", one_line(note)));
            }
            out.push('\n');
        }
        out
    }

    /// [`Store::all_bookmarks`] as a pretty-printed JSON array of objects with
    /// the fields of [`ListedBookmark`] (`anchor` is `{"paragraph", "offset"}`).
    /// C0 controls are escaped by JSON itself; DEL and the C1 controls
    /// (U+007F–U+009F), which JSON allows raw and some terminals obey, are
    /// escaped too.
    pub fn bookmarks_json(&self) -> String {
        let json =
            serde_json::to_string_pretty(&self.all_bookmarks()).unwrap_or_else(|_| "[]".to_owned());
        escape_del_and_c1(json)
    }

    /// All bookmarks as a Markdown document: a `# Bookmarks` heading, a `##`
    /// section per edition (with its file when the heading is its title), and
    /// per bookmark a list item `**article title**: “snippet…”` with sub-items
    /// for the note and the date it was made (UTC). Markup characters in the
    /// text are backslash-escaped.
    pub fn export_markdown(&self) -> String {
        let mut out = String::from("# Bookmarks\n");
        let listed = self.all_bookmarks();
        if listed.is_empty() {
            out.push_str("\nNo bookmarks yet.\n");
        }
        let mut current: Option<&Fingerprint> = None;
        for item in &listed {
            if current != Some(&item.edition) {
                current = Some(&item.edition);
                out.push_str(&format!("\n## {}\n\n", escape(&item.edition_label)));
                if let Some(path) = &item.path
                    && item.edition_label != *path
                {
                    let path = crate::sanitize::line(path).replace('`', "'");
                    out.push_str(&format!("File: `{path}`\n\n"));
                }
            }
            out.push_str(&format!("- **{}**", escape(&item.article_title)));
            if !item.snippet.is_empty() {
                out.push_str(&format!(": “{}…”", escape(&item.snippet)));
            }
            out.push('\n');
            if let Some(note) = &item.note {
                out.push_str(&format!("  - Note: {}\n", escape(note)));
            }
            out.push_str(&format!("  - Added {}\n", date(item.created)));
        }
        out
    }
}

/// `text` with line breaks and tabs folded to spaces, for one-line listings,
/// and every other control character shown, never written
/// ([`crate::sanitize::line`]): stored strings came from files.
fn one_line(text: &str) -> String {
    let folded = text.split_whitespace().collect::<Vec<_>>().join(" ");
    crate::sanitize::line(&folded).into_owned()
}

/// Escapes the characters Markdown would take as markup, folds line breaks
/// to spaces so an item stays on its line, and shows control characters
/// ([`crate::sanitize::line`]).
fn escape(text: &str) -> String {
    let text = crate::sanitize::line(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// `json` with DEL and every C1 control written as a `\u00XX` escape (they
/// can only stand inside strings, where the escape means the same).
fn escape_del_and_c1(json: String) -> String {
    let raw = |c: &char| ('\u{7f}'..='\u{9f}').contains(c);
    if !json.chars().any(|c| raw(&c)) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if raw(&c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// `secs` since the Unix epoch as a UTC date, `YYYY-MM-DD` (the proleptic
/// Gregorian calendar, by the `time` crate); `unknown date` past the year
/// 9999.
fn date(secs: u64) -> String {
    let date = i64::try_from(secs)
        .ok()
        .and_then(|secs| time::OffsetDateTime::from_unix_timestamp(secs).ok())
        .map(|t| t.date());
    date.map_or_else(
        || "unknown date".to_owned(),
        |d| format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_of_known_days() {
        assert_eq!(date(0), "1970-01-01");
        // 2000-03-01 is day 11017 since the epoch (30 years, 7 leap days, + Jan+Feb 60 days).
        assert_eq!(date(11_017 * 86_400), "2000-03-01");
        // 2024-02-29: 19782 days.
        assert_eq!(date(19_782 * 86_400 + 3_600), "2024-02-29");
        assert_eq!(date(u64::MAX), "unknown date");
    }

    #[test]
    fn markdown_escape_keeps_cjk_and_escapes_markup() {
        assert_eq!(escape("无锡*日报*\n[1]"), "无锡\\*日报\\* \\[1\\]");
    }
}
