//! Schema migrations: older state files to the current shape, in memory.
//!
//! A migrated state is written back only by the next successful save (the
//! original is first copied to `bookmarks.json.v<old version>`), so a reader
//! that never changes anything leaves an old file as it found it.
//!
//! The shapes here are frozen copies of what older releases wrote; they must
//! never change.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{Bookmark, EditionState, Position, StateFile, VERSION};
use crate::edition::{Anchor, ArticleId, Fingerprint};

/// Schema version 1, as the first release wrote it:
/// `{"version": 1, "editions": {"<fingerprint>": {"path": str|null,
/// "position": {"article", "anchor"}|null, "bookmarks": [{"id", "article",
/// "anchor": {"paragraph", "offset"}, "snippet", "article_title", "note",
/// "created"}]}}}`.
#[derive(Debug, Deserialize)]
struct V1File {
    editions: BTreeMap<Fingerprint, V1Edition>,
}

#[derive(Debug, Deserialize)]
struct V1Edition {
    path: Option<String>,
    position: Option<V1Position>,
    bookmarks: Vec<V1Bookmark>,
}

#[derive(Debug, Deserialize)]
struct V1Position {
    article: ArticleId,
    anchor: Anchor,
}

#[derive(Debug, Deserialize)]
struct V1Bookmark {
    id: String,
    article: ArticleId,
    anchor: Anchor,
    snippet: String,
    article_title: String,
    #[serde(default)]
    note: Option<String>,
    created: u64,
}

/// Converts a version 1 file (already parsed as JSON) to the current state.
///
/// Version 1 had no clocks: a bookmark's clock becomes its creation time
/// (seconds × 1000), and the position's time 0, so any position a newer
/// reader saved wins a merge. Errors when the value is not the version 1
/// shape.
pub(super) fn from_v1(value: serde_json::Value) -> Result<StateFile, serde_json::Error> {
    let v1: V1File = serde_json::from_value(value)?;
    let editions = v1
        .editions
        .into_iter()
        .map(|(fp, edition)| (fp, edition_from_v1(edition)))
        .collect();
    Ok(StateFile {
        version: VERSION,
        editions,
    })
}

fn edition_from_v1(v1: V1Edition) -> EditionState {
    let bookmarks: Vec<Bookmark> = v1
        .bookmarks
        .into_iter()
        .map(|b| Bookmark {
            id: b.id,
            article: b.article,
            anchor: b.anchor,
            snippet: b.snippet,
            article_title: b.article_title,
            note: b.note,
            created: b.created,
        })
        .collect();
    let clocks = bookmarks
        .iter()
        .map(|b| (b.id.clone(), b.created.saturating_mul(1000)))
        .collect();
    EditionState {
        path: v1.path,
        position: v1.position.map(|p| Position {
            article: p.article,
            anchor: p.anchor,
        }),
        bookmarks,
        clocks,
        ..EditionState::default()
    }
}
