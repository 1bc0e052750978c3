//! The orders the bookmark sidebar can show an edition's bookmarks in.

use super::Bookmark;
use super::anchor::{self, Resolution};
use crate::edition::Edition;

/// How to order an edition's bookmarks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Order {
    /// By where they land in the edition: article in print order, then
    /// paragraph, then char offset. Bookmarks not found come last, by time.
    #[default]
    Position,
    /// By creation time, oldest first.
    Time,
}

impl Order {
    /// The other order (the sidebar's toggle).
    pub fn toggled(self) -> Order {
        match self {
            Order::Position => Order::Time,
            Order::Time => Order::Position,
        }
    }
}

/// `bookmarks` in `order`, each with its resolution in `edition`. Ties (same
/// place, same second) keep id order, so the result is stable.
pub fn sorted<'a>(
    bookmarks: &'a [Bookmark],
    edition: &Edition,
    order: Order,
) -> Vec<(&'a Bookmark, Resolution)> {
    let mut resolved: Vec<(&Bookmark, Resolution)> = bookmarks
        .iter()
        .map(|b| (b, anchor::resolve(b, edition)))
        .collect();
    match order {
        Order::Time => {
            resolved.sort_by(|(a, _), (b, _)| (a.created, &a.id).cmp(&(b.created, &b.id)))
        }
        Order::Position => resolved.sort_by(|(a, ra), (b, rb)| {
            (place(ra), a.created, &a.id).cmp(&(place(rb), b.created, &b.id))
        }),
    }
    resolved
}

/// A sort key for a resolution: found places in edition order, then unfound.
fn place(resolution: &Resolution) -> (bool, usize, usize, usize) {
    match resolution {
        Resolution::Found {
            article_index,
            anchor,
            ..
        } => (false, *article_index, anchor.paragraph, anchor.offset),
        Resolution::NotFound { .. } => (true, 0, 0, 0),
    }
}
