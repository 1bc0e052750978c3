//! `--dump`: the edition printed without a terminal UI, as JSON (the model's
//! serde form) or as text typeset exactly as the reading pane sets it.

use std::io::Write;

use crate::edition::Edition;
use crate::typeset::{self, article::SetArticle};

/// Writes `edition` as pretty-printed JSON followed by a newline. The field
/// names are the serde names of [`Edition`] and its parts (`source`,
/// `encoding`, `dropped`, `pages[].number/label/articles`, …).
///
/// # Errors
/// Any error writing to `out` (a broken pipe included).
pub fn json(edition: &Edition, out: &mut impl Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, edition)?;
    writeln!(out)
}

/// Writes every article of `edition` set at `width` columns with
/// [`SetArticle`] — the rows the reading pane shows: headline lines,
/// dateline and byline, then paragraphs — one row per line with trailing
/// spaces removed. Articles are separated by one blank line.
///
/// # Errors
/// Any error writing to `out` (a broken pipe included).
pub fn text(
    edition: &Edition,
    width: usize,
    options: &typeset::Options,
    out: &mut impl Write,
) -> std::io::Result<()> {
    for (index, article) in edition.articles().enumerate() {
        if index > 0 {
            writeln!(out)?;
        }
        for row in SetArticle::new(article, width, options).rows {
            writeln!(out, "{}", row.text.trim_end())?;
        }
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::edition::{Article, Headline, Page};

    fn edition(articles: Vec<Article>) -> Edition {
        Edition {
            pages: vec![Page {
                number: 1,
                articles,
                ..Page::default()
            }],
            ..Edition::default()
        }
    }

    fn article(title: &str, paragraph: &str) -> Article {
        Article {
            headline: Headline {
                title: vec![title.into()],
                ..Headline::default()
            },
            paragraphs: vec![paragraph.into()],
            ..Article::default()
        }
    }

    #[test]
    fn text_dump_separates_articles_by_one_blank_line() {
        let edition = edition(vec![article("一", "甲"), article("二", "乙")]);
        let mut out = Vec::new();
        text(&edition, 40, &typeset::Options::default(), &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        let first: Vec<String> =
            SetArticle::new(&edition.pages[0].articles[0], 40, &Default::default())
                .rows
                .into_iter()
                .map(|r| r.text.trim_end().to_owned())
                .collect();
        let second: Vec<String> =
            SetArticle::new(&edition.pages[0].articles[1], 40, &Default::default())
                .rows
                .into_iter()
                .map(|r| r.text.trim_end().to_owned())
                .collect();
        let expected = format!("{}\n\n{}\n", first.join("\n"), second.join("\n"));
        assert_eq!(out, expected);
    }

    #[test]
    fn json_dump_uses_model_field_names() {
        let edition = edition(vec![article("一", "甲")]);
        let mut out = Vec::new();
        json(&edition, &mut out).unwrap();
        let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let article = &value["pages"][0]["articles"][0];
        assert_eq!(article["title"][0], "一");
        assert_eq!(article["paragraphs"][0], "甲");
        assert!(article["dateline"].is_null());
        assert_eq!(value["pages"][0]["number"], 1);
    }
}
