//! Splitting a body that holds several articles, by their headlines'
//! words (the end of step 6 of the parser's module doc).
//!
//! Short articles with no dateline and no byline (a Hong Kong paper's
//! briefs, agency items) run into each other in an extractor's text: one
//! paragraph ends, the next article's first paragraph starts, and nothing
//! in the body marks the change. Their headlines, though, are found, and
//! all of them end up over the one body (`食安中心抽查` / `油尖旺區議會` /
//! `三款辣椒醬驗出蘇丹紅` / `促加快清拆唐樓天台僭建`). A paper's first
//! paragraph repeats its headline's words (the lede tells what the
//! headline says), so the body splits where a paragraph opens that holds
//! the words of some headline lines and not of the others, while the
//! paragraphs before it hold those others'.
//!
//! A split needs strong evidence on both sides, as a headline's deck may
//! tell what only a later paragraph says: each side must have a headline
//! line whose words it holds ([`OWN`]) and the other side hardly does
//! ([`OTHER`]), and each side's first paragraph must hold the words of one
//! of its lines. Word evidence is character bigrams of letters and digits.

use rustc_hash::FxHashSet;

use super::lines::is_letter_or_digit;

/// The share of a headline line's bigrams that the side it goes to must
/// hold, for at least one line per side.
const OWN: f64 = 0.6;

/// The share of that line's bigrams the other side may hold at most.
const OTHER: f64 = 0.25;

/// The share of some own line's bigrams a side's first paragraph must
/// hold: the lede repeats the headline.
const LEDE: f64 = 0.5;

/// A headline line with fewer bigrams than this tells nothing.
const MIN_BIGRAMS: usize = 3;

/// How one body and its headline split in two: the paragraph where the
/// second article starts, and for each headline line whether it goes to
/// the second.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Split {
    /// Index of the second article's first paragraph.
    pub at: usize,
    /// Per headline line (blocks flattened, in order): true when it heads
    /// the second article.
    pub second: Vec<bool>,
}

/// True when the headline lines going to each side (`second`, per line)
/// cannot be one headline's: they alternate (two headlines read side by
/// side, line by line), or the second's lines come from other blocks than
/// the first's (`blocks`: each line's block). A block whose last lines
/// alone go to the second article may be one headline, its deck telling
/// what only a later paragraph says, and is not split.
pub(crate) fn two_headlines(second: &[bool], blocks: &[usize]) -> bool {
    let changes = second.windows(2).filter(|w| w[0] != w[1]).count();
    if changes >= 2 {
        return true;
    }
    let of = |side: bool| -> FxHashSet<usize> {
        second
            .iter()
            .zip(blocks)
            .filter(|(s, _)| **s == side)
            .map(|(_, b)| *b)
            .collect()
    };
    of(true).is_disjoint(&of(false))
}

/// The character bigrams of `text` whose both characters are letters or
/// digits (no punctuation, no space).
fn bigrams(text: &str) -> FxHashSet<(char, char)> {
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(2)
        .filter(|w| is_letter_or_digit(w[0]) && is_letter_or_digit(w[1]))
        .map(|w| (w[0], w[1]))
        .collect()
}

/// The share (0..=1) of `line`'s bigrams found in `body`.
fn share(line: &FxHashSet<(char, char)>, body: &FxHashSet<(char, char)>) -> f64 {
    if line.is_empty() {
        return 0.0;
    }
    let found = line.iter().filter(|g| body.contains(g)).count();
    #[allow(clippy::cast_precision_loss)]
    let share = found as f64 / line.len() as f64;
    share
}

/// The best split of `paragraphs` under headline `lines` (blocks
/// flattened, in order), or `None` when no cut has the evidence the module
/// doc asks for. Every paragraph break is tried (a byline the body did
/// not tell apart may end the first article's last paragraph). Cost: one bigram set per paragraph, and per cut one per side.
pub(crate) fn best_split(lines: &[&str], paragraphs: &[String]) -> Option<Split> {
    if lines.len() < 2 || paragraphs.len() < 2 {
        return None;
    }
    let line_grams: Vec<FxHashSet<(char, char)>> = lines.iter().map(|l| bigrams(l)).collect();
    if line_grams.iter().filter(|g| g.len() >= MIN_BIGRAMS).count() < 2 {
        return None;
    }
    let para_grams: Vec<FxHashSet<(char, char)>> = paragraphs.iter().map(|p| bigrams(p)).collect();
    let mut best: Option<(f64, Split)> = None;
    for at in 1..paragraphs.len() {
        let first: FxHashSet<(char, char)> = para_grams[..at].iter().flatten().copied().collect();
        let second: FxHashSet<(char, char)> = para_grams[at..].iter().flatten().copied().collect();
        if let Some((score, split)) = judge_cut(&line_grams, &para_grams, at, &first, &second)
            && best.as_ref().is_none_or(|(b, _)| score > *b)
        {
            best = Some((score, split));
        }
    }
    best.map(|(_, split)| split)
}

/// The evidence for a cut before paragraph `at`, the sides' bigrams being
/// `first` and `second`: its score (the summed margins of every line), or
/// `None` when a side lacks a line of its own or a lede that repeats one.
fn judge_cut(
    line_grams: &[FxHashSet<(char, char)>],
    para_grams: &[FxHashSet<(char, char)>],
    at: usize,
    first: &FxHashSet<(char, char)>,
    second: &FxHashSet<(char, char)>,
) -> Option<(f64, Split)> {
    let mut goes_second = Vec::with_capacity(line_grams.len());
    let (mut own_first, mut own_second) = (false, false);
    let (mut lede_first, mut lede_second) = (false, false);
    let mut score = 0.0;
    for grams in line_grams {
        let (a, b) = (share(grams, first), share(grams, second));
        let to_second = b > a;
        goes_second.push(to_second);
        score += (a - b).abs();
        if grams.len() < MIN_BIGRAMS {
            continue;
        }
        if to_second {
            own_second |= b >= OWN && a <= OTHER;
            lede_second |= share(grams, &para_grams[at]) >= LEDE;
        } else {
            own_first |= a >= OWN && b <= OTHER;
            lede_first |= share(grams, &para_grams[0]) >= LEDE;
        }
    }
    (own_first && own_second && lede_first && lede_second).then_some((
        score,
        Split {
            at,
            second: goes_second,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|t| (*t).to_owned()).collect()
    }

    #[test]
    fn two_briefs_run_together_split_where_the_second_lede_opens() {
        // Training edition ed05 (Hong Kong briefs): two headlines
        // read side by side, their bodies one after the other.
        let lines = [
            "食安中心抽查",
            "油尖旺區議會",
            "三款辣椒醬驗出蘇丹紅",
            "促加快清拆唐樓天台僭建",
        ];
        let body = paras(&[
            "食物安全中心昨日公布，在恒常食物監察計劃中抽查的辣椒醬樣本，有三款驗出蘇丹紅。",
            "中心已通知有關商戶停售及回收受影響產品。",
            "油尖旺區議會昨日討論舊樓天台僭建問題，議員促請屋宇署加快清拆唐樓天台僭建物。",
            "有議員指區內不少唐樓天台僭建物存在消防隱患。",
        ]);
        let split = best_split(&lines, &body).expect("a split");
        assert_eq!(split.at, 2);
        assert_eq!(split.second, [false, true, false, true]);
    }

    #[test]
    fn a_deck_told_only_by_a_later_paragraph_does_not_split_its_article() {
        // Training edition ed05: `屋宇署跟進單位違規間隔`, the last deck of
        // one block, is what only the sixth paragraph tells.
        assert!(!two_headlines(&[false, false, true], &[0, 0, 0]));
        // Two headlines read side by side, line by line.
        assert!(two_headlines(&[false, true, false, true], &[0, 0, 0, 0]));
        // Two blocks.
        assert!(two_headlines(&[false, false, true], &[0, 0, 1]));
        assert!(!two_headlines(&[false, true, true], &[0, 0, 1]));
    }
}
