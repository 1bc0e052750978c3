//! Layout recovery: normalised edition text to an [`Edition`].
//!
//! PLACEHOLDER: the real parser is being written; this version makes one
//! article per blank-line-separated block so that the rest of the program
//! has something to show.

use super::{Article, ArticleId, Edition, Headline, Page};

/// Parses normalised text (see [`super::decode`]) into an edition.
/// Never panics; text with no article gives an edition with no articles.
pub fn parse(text: &str) -> Edition {
    let mut articles = Vec::new();
    for block in text.split("\n\n") {
        let joined: String = block.lines().map(str::trim).collect();
        if joined.is_empty() {
            continue;
        }
        let headline = Headline::default();
        let paragraphs = vec![joined];
        articles.push(Article {
            id: ArticleId::derive(&headline, &paragraphs),
            headline,
            paragraphs,
            ..Article::default()
        });
    }
    Edition {
        pages: vec![Page {
            number: 1,
            articles,
            ..Page::default()
        }],
        ..Edition::default()
    }
}
