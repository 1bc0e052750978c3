//! Column measure: the width a body line has when it runs to the column
//! edge, estimated locally for each line.
//!
//! Evidence: one output line is one printed column line (README of
//! `shared/samples/layouts`), and most lines of a column are full. So the
//! local measure is the most common width among nearby body lines (ties go
//! to the wider). Pages where no width is common — cleaned text with one
//! paragraph per line, OCR of proportional type — are "free", and line
//! width is then no evidence at all.

/// How many body lines on each side are looked at.
const WINDOW: usize = 10;

/// Local column measure of each line, in half-units, and whether that
/// neighbourhood is set in columns at all.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Measure {
    /// The full-line width in half-units (see [`super::lines::width`]).
    pub full: usize,
    /// True when the neighbourhood really is set in fixed-width columns.
    pub columnar: bool,
}

/// Estimates the [`Measure`] around each of `widths` (half-units). Linear
/// in the number of lines: each window holds at most `2 * WINDOW + 1`.
pub(crate) fn measure(widths: &[usize]) -> Vec<Measure> {
    let mut out = Vec::with_capacity(widths.len());
    let mut window: Vec<usize> = Vec::with_capacity(2 * WINDOW + 1);
    for i in 0..widths.len() {
        let lo = i.saturating_sub(WINDOW);
        let hi = (i + WINDOW + 1).min(widths.len());
        window.clear();
        window.extend(widths[lo..hi].iter().copied().filter(|&w| w >= 8));
        window.sort_unstable();
        let mut best = (0usize, 0usize);
        for &w in &window {
            // Count widths within one half-unit below this one: a digit or a
            // Latin letter makes an otherwise full line one half-unit short.
            let count =
                window.partition_point(|&x| x <= w) - window.partition_point(|&x| x + 1 < w);
            if count >= best.1 {
                best = (w, count);
            }
        }
        let (full, count) = best;
        let near = window
            .iter()
            .filter(|&&x| x + 4 >= full && x <= full + 2)
            .count();
        // Headlines may be wider than the column, but not most lines.
        let wider = window.iter().filter(|&&x| x > full + 4).count();
        let columnar =
            count >= 3 && near * 5 >= window.len() * 2 && wider * 4 < window.len() && full <= 120;
        out.push(Measure { full, columnar });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_width_is_the_measure() {
        let widths = [30, 30, 29, 30, 18, 30, 30, 26, 30, 40];
        let m = measure(&widths);
        assert_eq!(m[3].full, 30);
        assert!(m[3].columnar);
    }

    #[test]
    fn paragraph_per_line_text_is_not_columnar() {
        let widths = [120, 88, 260, 44, 150, 302, 76, 210];
        assert!(!measure(&widths)[3].columnar);
    }
}
