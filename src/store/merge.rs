//! Merging two readers' states, as done under the lock before every save.
//!
//! The rules, per edition:
//! - bookmarks are matched by id; of two copies, the one with the later clock
//!   (last add or rename, in ms) wins, ties keep ours;
//! - a tombstone (id, deletion time) removes every copy whose clock is not
//!   later than it, so deletions win over stale copies; a bookmark restored
//!   after its deletion (undo) has a later clock and clears the tombstone;
//! - two bookmarks at one place (article and anchor: two readers pressed `b`
//!   on the same row) are one: the earliest made is kept, with a note if
//!   either has one, and the other gets a tombstone;
//! - the reading position and each read mark: the newest wins;
//! - path, title and titles: the most recently touched wins, blanks filled in
//!   from the other;
//! - an edition listed among another's `aliases` (re-keyed after a
//!   re-extraction) is folded into that edition.

use std::collections::BTreeMap;

use super::{Bookmark, EditionState, StateFile};

/// How long tombstones are kept: a copy staler than this may come back.
pub(super) const TOMBSTONE_MS: u64 = 365 * 24 * 60 * 60 * 1000;

/// Merges `theirs` (the file on disk) into `mine`.
pub(super) fn merge(mine: &mut StateFile, theirs: StateFile) {
    for (fingerprint, edition) in theirs.editions {
        match mine.editions.get_mut(&fingerprint) {
            Some(ours) => merge_edition(ours, edition),
            None => {
                mine.editions.insert(fingerprint, edition);
            }
        }
    }
    fold_aliases(mine);
}

/// Folds every edition whose fingerprint another edition lists as an alias
/// into that edition. Two editions that list each other (an edition
/// re-extracted A → B, then opened as A again) fold into the more recently
/// touched one, which holds the latest re-key.
pub(super) fn fold_aliases(state: &mut StateFile) {
    loop {
        let pair = state.editions.iter().find_map(|(fingerprint, edition)| {
            edition
                .aliases
                .iter()
                .find(|alias| *alias != fingerprint && state.editions.contains_key(*alias))
                .map(|alias| (fingerprint.clone(), alias.clone()))
        });
        let Some((mut into, mut from)) = pair else {
            return;
        };
        if let (Some(a), Some(b)) = (state.editions.get(&into), state.editions.get(&from))
            && b.aliases.contains(&into)
            && b.touched > a.touched
        {
            std::mem::swap(&mut into, &mut from);
        }
        let Some(old) = state.editions.remove(&from) else {
            return;
        };
        if let Some(target) = state.editions.get_mut(&into) {
            merge_edition(target, old);
        }
    }
}

/// Merges the state of one edition from another reader into ours.
pub(super) fn merge_edition(mine: &mut EditionState, theirs: EditionState) {
    merge_identity(mine, &theirs);
    if theirs.position_updated > mine.position_updated
        || (mine.position.is_none() && theirs.position.is_some())
    {
        mine.position = theirs.position;
        mine.position_snippet = theirs.position_snippet;
        mine.position_updated = theirs.position_updated;
    }
    for (article, mark) in theirs.read {
        let newer = mine.read.get(&article).is_none_or(|m| mark.at > m.at);
        if newer {
            mine.read.insert(article, mark);
        }
    }
    for (id, deleted) in theirs.tombstones {
        let entry = mine.tombstones.entry(id).or_insert(deleted);
        *entry = (*entry).max(deleted);
    }
    merge_bookmarks(mine, theirs.bookmarks, &theirs.clocks);
}

fn merge_identity(mine: &mut EditionState, theirs: &EditionState) {
    if theirs.touched > mine.touched {
        mine.touched = theirs.touched;
        if theirs.path.is_some() {
            mine.path.clone_from(&theirs.path);
        }
        if theirs.title.is_some() {
            mine.title.clone_from(&theirs.title);
        }
        if !theirs.titles.is_empty() {
            mine.titles.clone_from(&theirs.titles);
        }
        if theirs.articles.is_some() {
            mine.articles = theirs.articles;
        }
        if theirs.sample.is_some() {
            mine.sample.clone_from(&theirs.sample);
        }
    }
    if mine.path.is_none() {
        mine.path.clone_from(&theirs.path);
    }
    if mine.title.is_none() {
        mine.title.clone_from(&theirs.title);
    }
    if mine.titles.is_empty() {
        mine.titles.clone_from(&theirs.titles);
    }
    if mine.articles.is_none() {
        mine.articles = theirs.articles;
    }
    if mine.sample.is_none() {
        mine.sample.clone_from(&theirs.sample);
    }
    for alias in &theirs.aliases {
        if !mine.aliases.contains(alias) {
            mine.aliases.push(alias.clone());
        }
    }
}

fn merge_bookmarks(
    mine: &mut EditionState,
    theirs: Vec<Bookmark>,
    their_clocks: &BTreeMap<String, u64>,
) {
    let mut live: BTreeMap<String, (Bookmark, u64)> = std::mem::take(&mut mine.bookmarks)
        .into_iter()
        .map(|b| {
            let clock = clock_of(&b, &mine.clocks);
            (b.id.clone(), (b, clock))
        })
        .collect();
    for bookmark in theirs {
        let clock = clock_of(&bookmark, their_clocks);
        let ours_newer = live.get(&bookmark.id).is_some_and(|(_, c)| *c >= clock);
        if !ours_newer {
            live.insert(bookmark.id.clone(), (bookmark, clock));
        }
    }
    live.retain(|id, (_, clock)| mine.tombstones.get(id).is_none_or(|t| *clock > *t));
    mine.tombstones.retain(|id, _| !live.contains_key(id));
    drop_duplicates(&mut live, &mut mine.tombstones);
    mine.clocks = live.iter().map(|(id, (_, c))| (id.clone(), *c)).collect();
    let mut bookmarks: Vec<Bookmark> = live.into_values().map(|(b, _)| b).collect();
    bookmarks.sort_by(|a, b| (a.created, &a.id).cmp(&(b.created, &b.id)));
    mine.bookmarks = bookmarks;
}

/// Keeps one bookmark per place (article and anchor): two readers that
/// bookmarked the same row made one bookmark. The earliest made (then the
/// smallest id, so every reader keeps the same one) stays, with the latest
/// clock of the group and, if it has no note, the note of the most recently
/// changed copy that has one; the others get a tombstone at their clock, so
/// a stale copy elsewhere neither comes back nor outlives a later delete.
fn drop_duplicates(
    live: &mut BTreeMap<String, (Bookmark, u64)>,
    tombstones: &mut BTreeMap<String, u64>,
) {
    let mut places: BTreeMap<(String, usize, usize), Vec<String>> = BTreeMap::new();
    for (id, (bookmark, _)) in live.iter() {
        let place = (
            bookmark.article.0.clone(),
            bookmark.anchor.paragraph,
            bookmark.anchor.offset,
        );
        places.entry(place).or_default().push(id.clone());
    }
    for ids in places.into_values().filter(|ids| ids.len() > 1) {
        let Some(keep) = ids
            .iter()
            .min_by_key(|id| (live[*id].0.created, (*id).clone()))
            .cloned()
        else {
            continue;
        };
        let mut dropped: Vec<(Bookmark, u64)> = ids
            .iter()
            .filter(|id| **id != keep)
            .filter_map(|id| live.remove(id))
            .collect();
        dropped.sort_by_key(|(_, clock)| std::cmp::Reverse(*clock));
        let Some((kept, clock)) = live.get_mut(&keep) else {
            continue;
        };
        for (bookmark, their_clock) in dropped {
            *clock = (*clock).max(their_clock);
            if kept.note.is_none() {
                kept.note = bookmark.note;
            }
            let tomb = tombstones.entry(bookmark.id).or_insert(their_clock);
            *tomb = (*tomb).max(their_clock);
        }
    }
}

/// A bookmark's clock: its last add or rename in ms, or, for a bookmark from
/// a file without clocks, its creation time.
fn clock_of(bookmark: &Bookmark, clocks: &BTreeMap<String, u64>) -> u64 {
    clocks
        .get(&bookmark.id)
        .copied()
        .unwrap_or_else(|| bookmark.created.saturating_mul(1000))
}

/// Drops tombstones older than [`TOMBSTONE_MS`] at `now_ms`, and clocks of
/// bookmarks that no longer exist.
pub(super) fn prune(state: &mut StateFile, now_ms: u64) {
    let horizon = now_ms.saturating_sub(TOMBSTONE_MS);
    for edition in state.editions.values_mut() {
        edition.tombstones.retain(|_, deleted| *deleted >= horizon);
        let ids: Vec<&str> = edition.bookmarks.iter().map(|b| b.id.as_str()).collect();
        edition.clocks.retain(|id, _| ids.contains(&id.as_str()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edition::{Anchor, ArticleId, Fingerprint};

    const DAY_MS: u64 = 24 * 60 * 60 * 1000;

    /// A bookmark at a place of its own (bookmarks at one place are one).
    fn bookmark(id: &str) -> Bookmark {
        Bookmark {
            id: id.to_owned(),
            article: ArticleId(format!("article-{id}")),
            anchor: Anchor::default(),
            snippet: String::new(),
            article_title: String::new(),
            note: None,
            created: 1,
        }
    }

    #[test]
    fn prune_drops_tombstones_older_than_a_year_and_keeps_recent_ones() {
        let now = 1000 * DAY_MS;
        let mut edition = EditionState::default();
        edition.tombstones.insert("old".into(), now - 366 * DAY_MS);
        edition
            .tombstones
            .insert("recent".into(), now - 364 * DAY_MS);
        let mut state = StateFile::default();
        state.editions.insert(Fingerprint("e".into()), edition);
        prune(&mut state, now);
        let kept: Vec<&String> = state.editions[&Fingerprint("e".into())]
            .tombstones
            .keys()
            .collect();
        assert_eq!(kept, ["recent"]);
    }

    #[test]
    fn tombstone_removes_an_older_copy_but_not_a_later_restore() {
        let mut mine = EditionState::default();
        mine.tombstones.insert("x".into(), 500);
        let mut theirs = EditionState {
            bookmarks: vec![bookmark("x"), bookmark("y")],
            ..EditionState::default()
        };
        theirs.clocks.insert("x".into(), 400);
        theirs.clocks.insert("y".into(), 600);
        theirs.tombstones.insert("y".into(), 550);
        merge_edition(&mut mine, theirs);
        // x (clock 400) is older than its deletion at 500; y was restored at
        // 600, after its deletion at 550, so it stays and its tombstone goes.
        let ids: Vec<&str> = mine.bookmarks.iter().map(|b| b.id.as_str()).collect();
        assert_eq!(ids, ["y"]);
        assert_eq!(mine.tombstones.keys().collect::<Vec<_>>(), ["x"]);
    }

    #[test]
    fn alias_chain_folds_into_the_newest_key() {
        let mut state = StateFile::default();
        let key = |s: &str| Fingerprint(s.to_owned());
        let with = |ids: &[&str], aliases: &[&str]| EditionState {
            bookmarks: ids.iter().map(|id| bookmark(id)).collect(),
            aliases: aliases.iter().map(|a| key(a)).collect(),
            ..EditionState::default()
        };
        state.editions.insert(key("a"), with(&["1"], &[]));
        state.editions.insert(key("b"), with(&["2"], &["a"]));
        state.editions.insert(key("c"), with(&["3"], &["b"]));
        fold_aliases(&mut state);
        assert_eq!(state.editions.keys().collect::<Vec<_>>(), [&key("c")]);
        let ids: Vec<&str> = state.editions[&key("c")]
            .bookmarks
            .iter()
            .map(|b| b.id.as_str())
            .collect();
        assert_eq!(ids, ["1", "2", "3"]);
    }
}
