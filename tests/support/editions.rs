//! Small hand-built editions and helpers shared by the tests (`store_*`,
//! screens, search): pulled in with `#[path = "support/editions.rs"] mod support;`.

#![allow(dead_code, clippy::unwrap_used)]

use std::path::Path;

use newsreader::edition::{Anchor, Article, ArticleId, Edition, Fingerprint, Headline, Page};
use newsreader::store::Bookmark;

/// An article with `title` as its one title line and these paragraphs.
pub fn article(title: &str, paragraphs: &[&str]) -> Article {
    let paragraphs: Vec<String> = paragraphs.iter().map(|p| (*p).to_owned()).collect();
    article_owned(title, paragraphs)
}

/// [`article`] with owned paragraphs.
pub fn article_owned(title: &str, paragraphs: Vec<String>) -> Article {
    let headline = Headline {
        title: vec![title.to_owned()],
        ..Headline::default()
    };
    headed(headline, paragraphs)
}

/// A headline of these kicker, title and subtitle lines.
pub fn headline(kicker: &[&str], title: &[&str], subtitle: &[&str]) -> Headline {
    let lines = |l: &[&str]| l.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    Headline {
        kicker: lines(kicker),
        title: lines(title),
        subtitle: lines(subtitle),
    }
}

/// An article under `headline` with these paragraphs, its id derived as the
/// parser derives it.
pub fn headed(headline: Headline, paragraphs: Vec<String>) -> Article {
    Article {
        id: ArticleId::derive(&headline, &paragraphs),
        headline,
        paragraphs,
        ..Article::default()
    }
}

/// Page `number` (its folio `label`, if any) of these articles.
pub fn page(number: u32, label: Option<&str>, articles: Vec<Article>) -> Page {
    Page {
        number,
        label: label.map(str::to_owned),
        articles,
        ..Page::default()
    }
}

/// A one-page edition of these articles.
pub fn edition(articles: Vec<Article>) -> Edition {
    pages(vec![page(1, None, articles)])
}

/// An edition of pages 1, 2, … holding these articles.
pub fn edition_of(pages: Vec<Vec<Article>>) -> Edition {
    let pages = (1..)
        .zip(pages)
        .map(|(number, articles)| page(number, None, articles))
        .collect();
    self::pages(pages)
}

/// An edition of these pages.
pub fn pages(pages: Vec<Page>) -> Edition {
    Edition {
        pages,
        ..Edition::default()
    }
}

/// A fingerprint with a readable name (tests need not hash real text).
pub fn fp(name: &str) -> Fingerprint {
    Fingerprint(name.to_owned())
}

/// A bookmark with a fixed id and creation time at `anchor` in `article`.
pub fn bookmark(id: &str, article: &Article, anchor: Anchor, created: u64) -> Bookmark {
    Bookmark {
        id: id.to_owned(),
        created,
        ..Bookmark::at(article, anchor)
    }
}

/// A plain bookmark not tied to any parsed article.
pub fn plain_bookmark(id: &str, created: u64) -> Bookmark {
    Bookmark {
        id: id.to_owned(),
        article: ArticleId("00000000000000aa".to_owned()),
        // Its own place per id: two bookmarks at one place are one (merging
        // keeps one of them).
        anchor: Anchor {
            paragraph: 1,
            offset: place_of(id),
        },
        snippet: format!("snippet of {id}"),
        article_title: "标题".to_owned(),
        note: None,
        created,
    }
}

/// An offset for `id`'s plain bookmark: a hash of the id, so that
/// different ids lie at different places.
fn place_of(id: &str) -> usize {
    let hash = id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    usize::try_from(hash % 1_000_000_000_000).unwrap()
}

/// The sorted ids of an edition's bookmarks in the store.
pub fn ids(store: &newsreader::store::Store, edition: &Fingerprint) -> Vec<String> {
    let mut ids: Vec<String> = store
        .edition(edition)
        .map(|e| e.bookmarks.iter().map(|b| b.id.clone()).collect())
        .unwrap_or_default();
    ids.sort();
    ids
}

/// The names of the entries of `dir`, sorted.
pub fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}
