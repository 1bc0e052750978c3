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
//! ([`OTHER`]), and the second side's first paragraph must hold the words
//! of one of its lines: that lede is where the cut falls. (The first
//! side's lede was asked the same; its place is given, and its lede may
//! tell the story in other words than its headline, `东南亚电商规模扩大`
//! over `…2024年东南亚地区电子商务交易总额…`: asking it missed more true
//! cuts than it kept false ones on the training editions.) Word evidence
//! is character bigrams of letters and digits.

use rustc_hash::{FxHashMap, FxHashSet};

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

/// The headline lines' bigrams, numbered, and per line the numbers of
/// its own (each once).
struct LineGrams {
    index: FxHashMap<(char, char), usize>,
    lines: Vec<Vec<usize>>,
}

impl LineGrams {
    /// Numbers the bigrams of `lines` whose both characters are letters
    /// or digits (no punctuation, no space).
    fn new(lines: &[&str]) -> Self {
        let mut index: FxHashMap<(char, char), usize> = FxHashMap::default();
        let lines = lines
            .iter()
            .map(|line| {
                let mut own: Vec<usize> = pairs(line)
                    .map(|g| {
                        let next = index.len();
                        *index.entry(g).or_insert(next)
                    })
                    .collect();
                own.sort_unstable();
                own.dedup();
                own
            })
            .collect();
        LineGrams { index, lines }
    }

    /// Which of the numbered bigrams `text` holds.
    fn held_by(&self, text: &str) -> Vec<bool> {
        let mut held = vec![false; self.index.len()];
        for g in pairs(text) {
            if let Some(&k) = self.index.get(&g) {
                held[k] = true;
            }
        }
        held
    }
}

/// The character pairs of `text` whose both characters are letters or
/// digits.
fn pairs(text: &str) -> impl Iterator<Item = (char, char)> + '_ {
    let mut prev: Option<char> = None;
    text.chars().filter_map(move |c| {
        let pair = prev.map(|p| (p, c));
        prev = is_letter_or_digit(c).then_some(c);
        pair.filter(|_| is_letter_or_digit(c))
    })
}

/// The share (0..=1) of the bigrams `own` for which `held` is true.
fn share(own: &[usize], held: impl Fn(usize) -> bool) -> f64 {
    if own.is_empty() {
        return 0.0;
    }
    let found = own.iter().filter(|&&k| held(k)).count();
    #[allow(clippy::cast_precision_loss)]
    let share = found as f64 / own.len() as f64;
    share
}

/// The best split of `paragraphs` under headline `lines` (blocks
/// flattened, in order), or `None` when no cut has the evidence the module
/// doc asks for. Every paragraph break is tried (a byline the body did
/// not tell apart may end the first article's last paragraph).
///
/// Cost: linear in the text, plus, per paragraph break, linear in the
/// headline's bigrams: each paragraph is read once for the headline's
/// bigrams, and a running count per bigram of the paragraphs above the
/// break that hold it tells both sides at once.
pub(crate) fn best_split(lines: &[&str], paragraphs: &[String]) -> Option<Split> {
    if lines.len() < 2 || paragraphs.len() < 2 {
        return None;
    }
    let grams = LineGrams::new(lines);
    if grams
        .lines
        .iter()
        .filter(|g| g.len() >= MIN_BIGRAMS)
        .count()
        < 2
    {
        return None;
    }
    let held: Vec<Vec<bool>> = paragraphs.iter().map(|p| grams.held_by(p)).collect();
    let mut total = vec![0usize; grams.index.len()];
    for para in &held {
        for (k, &h) in para.iter().enumerate() {
            total[k] += usize::from(h);
        }
    }
    let mut above = vec![0usize; grams.index.len()];
    let mut best: Option<(f64, Split)> = None;
    for at in 1..paragraphs.len() {
        for (k, &h) in held[at - 1].iter().enumerate() {
            above[k] += usize::from(h);
        }
        let sides = Sides {
            first: &|k| above[k] > 0,
            second: &|k| total[k] > above[k],
            second_lede: &held[at],
        };
        if let Some((score, second)) = judge_cut(&grams.lines, &sides)
            && best.as_ref().is_none_or(|(b, _)| score > *b)
        {
            best = Some((score, Split { at, second }));
        }
    }
    best.map(|(_, split)| split)
}

/// What a cut leaves on each side: whether each numbered bigram is held
/// above and below it, and by the second side's first paragraph.
struct Sides<'a> {
    first: &'a dyn Fn(usize) -> bool,
    second: &'a dyn Fn(usize) -> bool,
    second_lede: &'a [bool],
}

/// The evidence for a cut (`sides`) under headline lines `lines` (their
/// bigram numbers): its score (the summed margins of every line) and per
/// line whether it goes to the second article, or `None` when a side
/// lacks a line of its own or the second side a lede that repeats one.
fn judge_cut(lines: &[Vec<usize>], sides: &Sides<'_>) -> Option<(f64, Vec<bool>)> {
    let mut goes_second = Vec::with_capacity(lines.len());
    let (mut own_first, mut own_second) = (false, false);
    let mut lede_second = false;
    let mut score = 0.0;
    for own in lines {
        let (a, b) = (share(own, sides.first), share(own, sides.second));
        let to_second = b > a;
        goes_second.push(to_second);
        score += (a - b).abs();
        if own.len() < MIN_BIGRAMS {
            continue;
        }
        if to_second {
            own_second |= b >= OWN && a <= OTHER;
            lede_second |= share(own, |k| sides.second_lede[k]) >= LEDE;
        } else {
            own_first |= a >= OWN && b <= OTHER;
        }
    }
    (own_first && own_second && lede_second).then_some((score, goes_second))
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
    fn the_first_lede_may_tell_its_story_in_other_words() {
        // Training edition ed39 (mutool): two headlines side by side; the
        // first article's lede says `电子商务`, not `电商`, and `交易总额`.
        let lines = [
            "东南亚电商规模扩大",
            "——交易额超1500亿美元",
            "市博物馆暑期",
            "延长开放时间",
        ];
        let body = paras(&[
            "谷歌、淡马锡和贝恩公司近日联合发布的年度报告显示，2024年东南亚地区电子商务交易总额同比增长两成。",
            "报告指出，东南亚电商市场规模持续扩大，交易额超过1500亿美元，物流仍是短板。",
            "记者昨天从市博物馆获悉，7月1日至8月31日，市博物馆每周五、周六开放时间延长至21时。",
            "暑期延长开放期间，市博物馆将推出夜场讲解。",
        ]);
        let split = best_split(&lines, &body).expect("a split");
        assert_eq!(split.at, 2);
        assert_eq!(split.second, [false, false, true, true]);
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
