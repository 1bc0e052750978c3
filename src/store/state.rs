//! The shapes of the kept state: bookmarks, positions, read marks and the
//! per-edition record, as they are in memory and (by their serde names) in
//! `bookmarks.json` version 2 (see the [`super`] module doc for the format).
//!
//! The bookkeeping fields (clocks, tombstones, aliases) are private to the
//! store: only [`super::merge`] and the mutators of [`super::Store`] set them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{anchor, clock};
use crate::edition::{Anchor, Article, ArticleId, Fingerprint};

/// A saved place in an edition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bookmark {
    /// Unique id of this bookmark (see [`super::new_id`]).
    pub id: String,
    /// The article it points into.
    pub article: ArticleId,
    /// Where in the article.
    pub anchor: Anchor,
    /// About 20 chars of text at the anchor, for the sidebar and re-anchoring
    /// (see [`anchor::snippet_at`]).
    pub snippet: String,
    /// The article's title, for the sidebar.
    pub article_title: String,
    /// A note the reader gave the bookmark.
    #[serde(default)]
    pub note: Option<String>,
    /// When it was made, in seconds since the Unix epoch.
    pub created: u64,
}

impl Bookmark {
    /// A new bookmark at `anchor` in `article`: a fresh id, the snippet at the
    /// anchor, the article's title, no note, created now.
    pub fn at(article: &Article, anchor: Anchor) -> Bookmark {
        Bookmark {
            id: clock::new_id(),
            article: article.id.clone(),
            anchor,
            snippet: anchor::snippet_at(article, anchor),
            article_title: anchor::article_title(article),
            note: None,
            created: clock::now(),
        }
    }
}

/// The last reading position in an edition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    /// The article being read.
    pub article: ArticleId,
    /// The top visible row's text position.
    pub anchor: Anchor,
}

/// Whether an article was read, and when that was last set (ms).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadMark {
    /// True when read, false when explicitly marked unread.
    pub read: bool,
    /// When this mark was set, in milliseconds since the Unix epoch.
    pub at: u64,
}

/// Everything kept about one edition.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditionState {
    /// The path the edition was last opened from, made absolute (see
    /// [`super::absolute`]).
    pub path: Option<String>,
    /// The edition's display title (newspaper name and date), if known.
    #[serde(default)]
    pub title: Option<String>,
    /// The edition's article titles, used to recognise a re-extraction
    /// (the first [`super::identity::MAX_TITLES`]).
    #[serde(default)]
    pub titles: Vec<String>,
    /// How many articles the edition has (all of them, where `titles`
    /// keeps the first 100): for the library's unread count. `None` in
    /// state saved before it was kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub articles: Option<usize>,
    /// The paragraph sample that tells a re-extraction of this edition
    /// from another paper printing the same articles (see
    /// [`super::identity::paragraph_sample`]). `None` in state saved before
    /// it was kept.
    #[serde(
        default,
        rename = "paragraph_sample",
        skip_serializing_if = "Option::is_none"
    )]
    pub(super) sample: Option<Vec<u32>>,
    /// The last reading position.
    pub position: Option<Position>,
    /// Bookmarks, in the order they were made.
    pub bookmarks: Vec<Bookmark>,
    /// Fingerprints this state was re-keyed from (see [`super::identity`]).
    #[serde(default)]
    pub(super) aliases: Vec<Fingerprint>,
    /// When `path`, `title` or `titles` last changed, in ms since the epoch.
    #[serde(default)]
    pub(super) touched: u64,
    /// The text at the reading position when it was saved; may be empty.
    #[serde(default)]
    pub(super) position_snippet: String,
    /// When the position was last set, in ms; the newest wins a merge.
    #[serde(default)]
    pub(super) position_updated: u64,
    /// Bookmark id → its last add or rename, in ms.
    #[serde(default)]
    pub(super) clocks: BTreeMap<String, u64>,
    /// Deleted bookmark id → when it was deleted, in ms (kept a year).
    #[serde(default)]
    pub(super) tombstones: BTreeMap<String, u64>,
    /// Read marks by article, with when each was set.
    #[serde(default)]
    pub(super) read: BTreeMap<ArticleId, ReadMark>,
}

impl EditionState {
    /// True when `article` is marked read.
    pub fn is_read(&self, article: &ArticleId) -> bool {
        self.read.get(article).is_some_and(|m| m.read)
    }

    /// True when `article` was explicitly marked unread (`m`), not merely
    /// never read.
    pub fn is_marked_unread(&self, article: &ArticleId) -> bool {
        self.read.get(article).is_some_and(|m| !m.read)
    }

    /// The articles marked read, in id order.
    pub fn read_articles(&self) -> impl Iterator<Item = &ArticleId> {
        self.read.iter().filter(|(_, m)| m.read).map(|(id, _)| id)
    }

    /// How many of the edition's articles are not marked read: of
    /// [`EditionState::articles`], or of the stored titles in state saved
    /// before the count was kept. `None` when the edition's articles were
    /// never recorded.
    pub fn unread_count(&self) -> Option<usize> {
        let articles = self.article_count()?;
        Some(articles.saturating_sub(self.read_articles().count()))
    }

    /// How many articles the edition holds: [`EditionState::articles`], or
    /// the number of stored titles in state saved before the count was
    /// kept. `None` when the edition's articles were never recorded.
    pub fn article_count(&self) -> Option<usize> {
        self.articles
            .or_else(|| (!self.titles.is_empty()).then_some(self.titles.len()))
    }

    /// The text at the reading position when it was saved (`""` if it was
    /// set without one, see [`super::Store::set_position`]).
    pub fn position_snippet(&self) -> &str {
        &self.position_snippet
    }

    /// The fingerprints this state was re-keyed from, oldest first.
    pub fn aliases(&self) -> &[Fingerprint] {
        &self.aliases
    }

    /// The bookmark with `id`, if any.
    pub fn bookmark(&self, id: &str) -> Option<&Bookmark> {
        self.bookmarks.iter().find(|b| b.id == id)
    }
}

/// The whole file: a schema version and the state of every edition.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct StateFile {
    pub(super) version: u32,
    pub(super) editions: BTreeMap<Fingerprint, EditionState>,
}
