//! Finding a bookmark or the reading position again in an edition whose text
//! may have changed since it was saved.
//!
//! A place is saved as `(ArticleId, Anchor)` plus the snippet of text that
//! started there. [`resolve`] trusts the anchor when the snippet still starts
//! at it; otherwise it searches for the snippet in the same article (nearest
//! occurrence to the old anchor), then in the whole edition (first occurrence
//! in print order). Matching ignores whitespace, because re-extraction and
//! re-wrapping change spaces and line breaks but not the words. A place that
//! cannot be found is reported as [`Resolution::NotFound`]; the caller keeps
//! the bookmark and shows it as not found.

use unicode_segmentation::UnicodeSegmentation as _;

use super::{Bookmark, EditionState};
use crate::edition::{Anchor, Article, ArticleId, Edition};

/// How many grapheme clusters [`snippet_at`] takes.
pub const SNIPPET_GRAPHEMES: usize = 20;

/// The fewest non-whitespace chars a snippet needs before it is searched
/// for outside its own article: shorter ones match too much by chance.
pub const MIN_EDITION_SEARCH_CHARS: usize = 4;

/// Where a saved place is in an edition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// The place was found.
    Found {
        /// Index of the article in [`Edition::articles`] order.
        article_index: usize,
        /// The place inside that article.
        anchor: Anchor,
        /// How it was found.
        how: Match,
    },
    /// The snippet is nowhere in the edition. The bookmark must be kept and
    /// shown as not found.
    NotFound {
        /// The article with the saved id, if it still exists (the UI may
        /// open it at the top).
        article_index: Option<usize>,
    },
}

/// How a place was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    /// The snippet still starts at the saved anchor.
    Exact,
    /// There was no snippet to check; the saved anchor lies inside the saved
    /// article and is trusted.
    Unchecked,
    /// The snippet moved within its article.
    InArticle,
    /// The snippet was found in another article.
    InEdition,
}

/// Resolves `bookmark` in `edition` (see the module doc).
pub fn resolve(bookmark: &Bookmark, edition: &Edition) -> Resolution {
    locate(
        &bookmark.article,
        bookmark.anchor,
        &bookmark.snippet,
        edition,
    )
}

/// Resolves the reading position saved in `state` in `edition`, or `None`
/// when no position was saved.
pub fn resolve_position(state: &EditionState, edition: &Edition) -> Option<Resolution> {
    let position = state.position.as_ref()?;
    Some(locate(
        &position.article,
        position.anchor,
        &state.position_snippet,
        edition,
    ))
}

/// Resolves the place `(article, anchor)` whose text started with `snippet`
/// in `edition` (see the module doc). An empty snippet trusts the anchor if it
/// lies inside the article.
pub fn locate(article: &ArticleId, anchor: Anchor, snippet: &str, edition: &Edition) -> Resolution {
    let needle: Vec<char> = snippet.chars().filter(|c| !c.is_whitespace()).collect();
    let home = edition.articles().position(|a| &a.id == article);
    if let Some(index) = home
        && let Some(found) = edition
            .article(index)
            .and_then(|a| in_article(a, anchor, &needle))
    {
        return Resolution::Found {
            article_index: index,
            anchor: found.0,
            how: found.1,
        };
    }
    if needle.len() >= MIN_EDITION_SEARCH_CHARS {
        let others = edition
            .articles()
            .enumerate()
            .filter(|(i, _)| Some(*i) != home);
        for (index, candidate) in others {
            if let Some(found) = nearest(candidate, Anchor::default(), &needle) {
                return Resolution::Found {
                    article_index: index,
                    anchor: found,
                    how: Match::InEdition,
                };
            }
        }
    }
    Resolution::NotFound {
        article_index: home,
    }
}

/// The place in `article`: the anchor itself if the snippet starts there (or
/// there is no snippet and the anchor is inside the article), else the
/// occurrence of the snippet nearest the anchor.
fn in_article(article: &Article, anchor: Anchor, needle: &[char]) -> Option<(Anchor, Match)> {
    let paragraph = article.paragraphs.get(anchor.paragraph);
    if needle.is_empty() {
        let inside = paragraph.is_some_and(|p| anchor.offset <= p.chars().count())
            || (anchor == Anchor::default());
        return inside.then_some((anchor, Match::Unchecked));
    }
    if let Some(text) = paragraph {
        let (chars, offsets) = dense(text);
        let start = offsets.partition_point(|&o| o < text_start(anchor));
        if chars
            .get(start..)
            .is_some_and(|rest| rest.starts_with(needle))
        {
            return Some((anchor, Match::Exact));
        }
    }
    nearest(article, anchor, needle).map(|found| (found, Match::InArticle))
}

/// The occurrence of `needle` (non-whitespace chars) in `article` nearest
/// to `anchor`: fewest paragraphs away, then fewest chars away.
fn nearest(article: &Article, anchor: Anchor, needle: &[char]) -> Option<Anchor> {
    let mut best: Option<((usize, usize), Anchor)> = None;
    for (index, text) in article.paragraphs.iter().enumerate() {
        let (chars, offsets) = dense(text);
        if needle.is_empty() || chars.len() < needle.len() {
            continue;
        }
        for start in 0..=chars.len() - needle.len() {
            if chars[start..].starts_with(needle) {
                let offset = offsets[start];
                let key = (
                    index.abs_diff(anchor.paragraph),
                    offset.abs_diff(anchor.offset),
                );
                if best.is_none_or(|(k, _)| key < k) {
                    best = Some((
                        key,
                        Anchor {
                            paragraph: index,
                            offset,
                        },
                    ));
                }
            }
        }
    }
    best.map(|(_, anchor)| anchor)
}

/// The non-whitespace chars of `text`, with each one's offset in chars.
fn dense(text: &str) -> (Vec<char>, Vec<usize>) {
    text.chars()
        .enumerate()
        .filter(|(_, c)| !c.is_whitespace())
        .map(|(i, c)| (c, i))
        .unzip()
}

/// The char offset in its paragraph where the text at `anchor` starts:
/// its own, except that `(0, 1)`, the first paragraph's first row below
/// the headline (`typeset::article::SetArticle::anchor_at`), reads from
/// the paragraph's start, so that its snippet is the row's text.
fn text_start(anchor: Anchor) -> usize {
    if anchor.paragraph == 0 && anchor.offset == 1 {
        0
    } else {
        anchor.offset
    }
}

/// The text at `anchor` in `article`: up to [`SNIPPET_GRAPHEMES`] grapheme
/// clusters (UAX #29) of its paragraph from the anchor's char offset, with
/// whitespace runs collapsed to one space and trimmed. `""` when the anchor is
/// past the article's text.
pub fn snippet_at(article: &Article, anchor: Anchor) -> String {
    let Some(text) = article.paragraphs.get(anchor.paragraph) else {
        return String::new();
    };
    let Some((start, _)) = text.char_indices().nth(text_start(anchor)) else {
        return String::new();
    };
    let taken: String = text[start..]
        .graphemes(true)
        .take(SNIPPET_GRAPHEMES)
        .collect();
    taken.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The article's title for listings: [`crate::edition::Headline::display`]
/// (a space between printed lines, ` / ` before the deck); else the start of
/// its first paragraph.
pub fn article_title(article: &Article) -> String {
    let joined = article.headline.display();
    if joined.is_empty() {
        snippet_at(article, Anchor::default())
    } else {
        joined
    }
}

/// The article's title as the store keeps it to recognise an edition by its
/// titles: [`crate::edition::Headline::one_line`] (the form saved before
/// titles were shown with their line breaks, so saved state still matches);
/// else the start of its first paragraph.
pub fn identity_title(article: &Article) -> String {
    let joined = article.headline.one_line();
    if joined.is_empty() {
        snippet_at(article, Anchor::default())
    } else {
        joined
    }
}
