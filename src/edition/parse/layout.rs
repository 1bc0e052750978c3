//! Side-by-side columns: text laid out as on the page (`pdftotext
//! -layout`, some OCR engines), where one text line holds a line of every
//! column, separated by wide runs of spaces. Such a page is rewritten
//! column by column, top to bottom, before anything else reads it, so the
//! rest of the parser sees one column line per text line as usual.
//!
//! Evidence that a page is laid out this way: at least five lines, and at
//! least 30 % of its non-blank lines, hold a gap of three or more spaces
//! (or two ideographic spaces) between text. Column edges are the display
//! positions (half-units, see [`super::lines::width`]) where at least three
//! lines start a run of text; each run goes to the column whose edge is
//! at or just before it. A row with nothing in a column gives a blank line
//! there, as a column break would.

use super::lines::char_width;

/// One run of text in a laid-out line: its display position and text.
struct Run<'a> {
    at: usize,
    text: &'a str,
}

/// Rewrites a laid-out page column by column, or returns `None` when the
/// page is not laid out side by side. Only whitespace changes.
pub(crate) fn split_columns(page: &str) -> Option<String> {
    // Most pages have fewer than five lines with a gap inside their text,
    // and are not split into runs at all.
    if !gapped_lines_at_least(page, 5) {
        return None;
    }
    let rows: Vec<Vec<Run<'_>>> = page.split('\n').map(runs).collect();
    let non_blank = rows.iter().filter(|r| !r.is_empty()).count();
    let gapped = rows.iter().filter(|r| r.len() >= 2).count();
    if gapped < 5 || gapped * 10 < non_blank * 3 {
        return None;
    }
    let edges = column_edges(&rows);
    // Real pages have a handful of columns; many edges mean tabular or
    // random text, and would cost rows × edges.
    if !(2..=12).contains(&edges.len()) {
        return None;
    }
    let mut columns: Vec<Vec<String>> = vec![Vec::with_capacity(rows.len()); edges.len()];
    for row in &rows {
        let mut cells: Vec<String> = vec![String::new(); edges.len()];
        for run in row {
            let k = edges
                .partition_point(|&e| e <= run.at + 2)
                .saturating_sub(1);
            if !cells[k].is_empty() {
                cells[k].push(' ');
            }
            cells[k].push_str(run.text);
        }
        for (column, cell) in columns.iter_mut().zip(cells) {
            column.push(cell);
        }
    }
    Some(
        columns
            .into_iter()
            .map(|c| c.join("\n"))
            .collect::<Vec<_>>()
            .join("\n\n"),
    )
}

/// True when at least `n` lines of `page` hold two spaces (ASCII or
/// ideographic) in a row with text on both sides: a gap of three
/// half-units or more needs that, so a page with fewer such lines has
/// fewer than `n` gapped lines. Reads the page once with `memchr`, then
/// only the lines around each pair of spaces.
fn gapped_lines_at_least(page: &str, n: usize) -> bool {
    const IDEOGRAPHIC: &[u8] = "\u{3000}".as_bytes();
    let bytes = page.as_bytes();
    let is_space_at = |i: usize| {
        bytes.get(i) == Some(&b' ') || bytes[i.min(bytes.len())..].starts_with(IDEOGRAPHIC)
    };
    let ascii = memchr::memchr_iter(b' ', bytes);
    let wide = memchr::memmem::find_iter(bytes, IDEOGRAPHIC);
    let mut starts: Vec<usize> = ascii
        .filter(|&i| is_space_at(i + 1))
        .chain(wide.filter(|&i| is_space_at(i + IDEOGRAPHIC.len())))
        .collect();
    starts.sort_unstable();
    let mut count = 0;
    let mut counted_until = 0;
    for at in starts {
        if at < counted_until {
            continue;
        }
        let line_start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |k| k + 1);
        let line_end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |k| at + k);
        let before = page[line_start..at].trim();
        let after = page[at..line_end].trim();
        if !before.is_empty() && !after.is_empty() {
            count += 1;
            if count >= n {
                return true;
            }
            counted_until = line_end;
        }
    }
    false
}

/// Splits a line at gaps of 3+ spaces or 2+ ideographic spaces.
fn runs(line: &str) -> Vec<Run<'_>> {
    let mut out = Vec::new();
    let mut col = 0usize;
    let mut start: Option<(usize, usize)> = None; // (byte, col)
    let mut gap_cols = 0usize;
    let mut gap_from = 0usize;
    for (i, c) in line.char_indices() {
        if c == ' ' || c == '\u{3000}' {
            if gap_cols == 0 {
                gap_from = i;
            }
            gap_cols += char_width(c);
        } else {
            if let Some((s, at)) = start
                && gap_cols >= 3
            {
                out.push(Run {
                    at,
                    text: line[s..gap_from].trim(),
                });
                start = None;
            }
            if start.is_none() {
                start = Some((i, col));
            }
            gap_cols = 0;
        }
        col += char_width(c);
    }
    if let Some((s, at)) = start {
        out.push(Run {
            at,
            text: line[s..].trim(),
        });
    }
    out
}

/// Display positions where at least three runs start (within one
/// half-unit of each other), left to right.
fn column_edges(rows: &[Vec<Run<'_>>]) -> Vec<usize> {
    let mut starts: Vec<usize> = rows.iter().flatten().map(|r| r.at).collect();
    starts.sort_unstable();
    let mut edges: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < starts.len() {
        let mut j = i;
        while j < starts.len() && starts[j] <= starts[i] + 1 {
            j += 1;
        }
        if j - i >= 3 && edges.last().is_none_or(|&e| starts[i] > e + 4) {
            edges.push(starts[i]);
        }
        i = j.max(i + 1);
    }
    if edges.first().is_some_and(|&e| e > 0) {
        // Runs left of the first edge (a ragged indent) go to column one.
        edges[0] = 0;
    }
    edges
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn side_by_side_columns_are_read_one_after_the_other() {
        let page = "甲一行文字      乙一行文字\n甲二行文字      乙二行文字\n甲三行文字      乙三行文字\n甲四行文字      乙四行文字\n甲五行文字      乙五行文字\n";
        let out = split_columns(page).expect("laid out");
        assert_eq!(
            out,
            "甲一行文字\n甲二行文字\n甲三行文字\n甲四行文字\n甲五行文字\n\n\n乙一行文字\n乙二行文字\n乙三行文字\n乙四行文字\n乙五行文字\n"
        );
    }

    #[test]
    fn ordinary_text_is_left_alone() {
        assert!(split_columns("本报讯 7月26日，市委\n实处。 （高美梅）\n").is_none());
    }
}
