//! Headlines: which lines are headline lines, which article each headline
//! block belongs to, and how a headline group splits into kicker, title and
//! subtitle.
//!
//! **Marking.** A headline line ends without punctuation (or in `——`), does
//! not open an article, and follows a closed line (end punctuation, a
//! headline, furniture, or the top of the page). Among such lines, a body
//! line is told apart by how it continues: a paragraph's first line always
//! runs on into the next body line, which is then full width (a column
//! line), while a headline line is followed by another headline line, a
//! dateline, a caption or furniture, or by a body line that starts a
//! paragraph (short). A line wider than the column is always a headline.
//! In the sample, `赵建军对吉佳蓝公司给予无锡发` (alone between blank lines)
//! runs on into the full-width `展的大力支持表示感谢。…` and stays body, while
//! `市委外事工作委员会召开会议` is followed by `本报讯 7月25日，…`.
//! Right under a headline line, a line with no clause comma over a narrower
//! line that does not end its sentence is a deck line: a paragraph's first
//! line runs on into a line at least as wide.
//! On free pages (one paragraph per line), any short unpunctuated line after
//! a closed line is a headline. An unpunctuated line led by a subtitle dash
//! (`——江东船企满负荷生产`) under finished text or a headline, or wider than
//! the column (a subtitle set inside a column, read in mid-sentence), is a
//! headline line on any page: body text never opens so without ending its
//! sentence.
//!
//! **Attaching.** Each headline line gets a score for each article on the
//! page within reach (`CANDIDATES` on each side), and goes to the best:
//! - *place*: a line set directly above an article's first body line (only
//!   headline lines, blank lines, furniture or captions between) scores
//!   [`ABOVE`], more ([`ABOVE_DATED`]) when that body opens with a
//!   dateline; a line directly after an article's last body line (a
//!   headline printed right of its body or of its first column) scores
//!   [`BELOW`]; the distance in lines breaks ties;
//! - *words*: each bigram of the line that the body holds counts [`LEX`]
//!   over the number of the page's bodies that hold it (a word every
//!   article uses tells little), and the block's words count too
//!   ([`BLOCK_SHARE`]): a line with no word of its own follows its block,
//!   while a line naming another article leaves it (two headlines set side
//!   by side, read as one block: `全国游泳冠军赛次日` / `持续高温“烤”验电网`).
//!
//! Then, as one pass over the page, an article left with no headline takes
//! a run of a block's lines whose owner keeps others, when the run loses
//! less than [`COVER`] by the move (best move first). The blocks come back
//! cut into runs of lines with one owner.
//!
//! **Parts.** A line ending in `——` introduces the title (kicker); lines led
//! by `——` are subtitles, with the lines after them in their block (a
//! subtitle broken over lines), wherever the extractor put them. When an article has several blocks, the title is
//! the most prominent: the block with the shortest lines (set in the
//! largest type); blocks before it are kickers, blocks after it subtitles.

use rustc_hash::{FxHashMap, FxHashSet as HashSet};

use super::credits;
use super::lines::{
    PairFilter, ends_mid_sentence, ends_sentence, is_letter_or_digit, is_wide, more_chars_than,
};
use super::page::{PageLines, Role};
use crate::edition::Headline;

/// How many articles on each side of a headline block are scored.
const CANDIDATES: usize = 6;

/// Longest headline line on a free page, in chars.
const FREE_HEADLINE_CHARS: usize = 40;

/// Marks headline lines among the body lines of `page` (see module docs).
///
/// A line's verdict can depend on its neighbours' (a headline stack), so
/// the marking runs a few passes, promoting lines only, so it ends. A
/// stack's line whose line above was left body, a full column line
/// running on, is then given back to the column ([`continues_open_line`]),
/// and the lines under the ones given back are judged once more. Last,
/// short blocks set apart between finished text and a paragraph's first
/// line are headlines ([`mark_isolated_blocks`]).
pub(crate) fn mark(page: &mut PageLines) {
    for _ in 0..PROMOTION_PASSES {
        if !promote(page, |_, _| true) {
            break;
        }
    }
    let mut demoted = false;
    for i in 0..page.lines.len() {
        if page.roles[i] == Role::Headline && continues_open_line(page, i) {
            page.roles[i] = Role::Body;
            demoted = true;
        }
    }
    if demoted {
        promote(page, |page, i| !continues_open_line(page, i));
    }
    mark_isolated_blocks(page);
}

/// Two chars in a row.
type CharPair = (char, char);

/// The most lines of a block [`mark_isolated_blocks`] takes for a
/// headline.
const ISOLATED_LINES: usize = 3;

/// Marks a block of one to [`ISOLATED_LINES`] body lines set apart by blank
/// lines, under finished text and over a paragraph's first line, every
/// line of which could be a headline line by its own text ([`candidate`],
/// no clause comma) and stands more than a character short of the column
/// (`印度多地遭遇极端高温` / `新德里气温达46.8℃`, between `（赵海涛）` and
/// `印度气象局5月29日…`; mutool). Body text in a block of its own ends its
/// sentence on its last line or runs on at a column's foot; a paragraph's
/// first line at a column's foot is left alone when it is shaped as one
/// ([`shaped_as_first_line`], [`indent_short_of_column`]), when the line
/// under it reads as a continuation ([`starts_as_continuation`]), or when
/// the chars meeting at the join occur together in a body line (`…則歡` /
/// `迎新制度`).
fn mark_isolated_blocks(page: &mut PageLines) {
    // Each block's first and last line, and the chars at its join with
    // the line under it.
    let mut found: Vec<(usize, usize, Option<CharPair>)> = Vec::new();
    let mut i = 0;
    while i < page.lines.len() {
        let Some(end) = isolated_block(page, i) else {
            i += 1;
            continue;
        };
        let join = page.next_text(end).and_then(|next| {
            page.lines[end]
                .text
                .chars()
                .next_back()
                .zip(page.lines[next].text.chars().next())
        });
        found.push((i, end, join));
        i = end + 1;
    }
    if found.is_empty() {
        return;
    }
    let wanted: HashSet<(char, char)> = found.iter().filter_map(|f| f.2).collect();
    let counts = pair_line_counts(page, &wanted);
    for (start, end, join) in found {
        // The block reads on into the line under it (`…則歡` / `迎新制度`).
        if join.is_some_and(|p| counts.get(&p).is_some_and(|&n| n > 0)) {
            continue;
        }
        page.roles[start..=end]
            .iter_mut()
            .for_each(|r| *r = Role::Headline);
    }
}

/// When body line `i` starts a block shaped as [`mark_isolated_blocks`]
/// asks, the block's last line.
fn isolated_block(page: &PageLines, i: usize) -> Option<usize> {
    let m = page.measure_at(i);
    if page.roles[i] != Role::Body || !page.lines[i].blank_before || !m.columnar {
        return None;
    }
    if above(page, i) != Above::Closed || shaped_as_first_line(page, i, m.full) {
        return None;
    }
    let mut end = i;
    loop {
        let l = &page.lines[end];
        // A `——` deck tells itself apart by its dash, whatever its width.
        let short = l.width + 2 < page.measure_at(end).full || dash_led(page, end);
        let comma = has_clause_comma(l.text) || has_enumeration_comma(l.text);
        if page.roles[end] != Role::Body || !l.candidate || l.opens || l.subhead || !short || comma
        {
            return None;
        }
        match page.next_text(end) {
            // The block's next line; or, past a blank line, its `——` deck.
            Some(next)
                if next == end + 1 && (!page.lines[next].blank_before || dash_led(page, next)) =>
            {
                if end + 1 - i >= ISOLATED_LINES {
                    return None;
                }
                end = next;
            }
            Some(next) => {
                // Over a paragraph's first line: a dateline, or a line short
                // of the column running on.
                let n = &page.lines[next];
                let first_line = n.width + 3 <= page.measure_at(next).full
                    && !n.ends
                    && !starts_as_continuation(n.text);
                let opener = indent_short_of_column(page, l.width, next);
                return (page.roles[next] == Role::Body && (n.opens || first_line) && !opener)
                    .then_some(end);
            }
            None => return None,
        }
    }
}

/// How many times [`mark`] judges the page's body lines at most, before
/// the lines continuing a column are given back: a bound that keeps the
/// marking linear. Each pass can settle one more line of a stack; three
/// left some stacks unsettled on the training editions, four settled all.
const PROMOTION_PASSES: usize = 8;

/// Makes a headline line of every body line of `page` that [`is_headline`]
/// and `allowed` lets through, in page order. True when any line changed.
///
/// While stacks are built, a line above may still be body when the line
/// under it is judged (its own verdict follows from the line under it), so
/// the first passes allow every line.
fn promote(page: &mut PageLines, allowed: impl Fn(&PageLines, usize) -> bool) -> bool {
    let mut changed = false;
    for i in 0..page.lines.len() {
        if page.roles[i] == Role::Body && is_headline(page, i) && allowed(page, i) {
            page.roles[i] = Role::Headline;
            changed = true;
        }
    }
    changed
}

/// True when line `i`, with no blank line before it, comes right under a
/// body line that is a full column line running on (unpunctuated at its
/// end): a column line continues that sentence, whatever it looks like
/// (`册的“晨星”商标及中性笔` / `产品包装在国内市场具有较`, over the next
/// article's dateline; `…月均航班超` / `过1600`). A headline stack
/// ([`Above::Candidate`]) needs the line above to be a headline line too;
/// left body, it is the column. Only a line narrower than the column that
/// heads what follows it ([`heads_what_follows`]) stays a headline there:
/// a headline set into a column in mid-sentence.
fn continues_open_line(page: &PageLines, i: usize) -> bool {
    let Some(j) = i.checked_sub(1) else {
        return false;
    };
    let above = &page.lines[j];
    !page.lines[i].blank_before
        && page.roles[j] == Role::Body
        && !above.ends
        && !credits::ends_with_closing(above.text)
        && full_line(page, j)
        && (full_line(page, i) || !heads_what_follows(page, i))
}

/// True when what follows line `i` shows it heading something: a `——`
/// subtitle right under it, or an article's dateline next. (Any headline
/// line right under it, as evidence, kept more column lines as headlines
/// than it saved on the training editions.)
fn heads_what_follows(page: &PageLines, i: usize) -> bool {
    page.next_text(i).is_some_and(|k| {
        (k == i + 1 && page.roles[k] == Role::Headline && page.lines[k].text.starts_with("——"))
            || page.lines[k].opens
    })
}

/// Marks inset headlines: a headline set inside a column (beside the
/// article's first column, in large type) comes out in mid-sentence, as in
/// `…与相关机构负责人深` / `全国人大来锡开展科研机构` / `改革发展和立法专题调研` /
/// `入交流，…` (`wuxi-b`, all three extractors).
///
/// Evidence, all required: a run of one to three unpunctuated lines with
/// no comma-like mark, set apart (a blank line or furniture before it),
/// ending short of the column; the text around it reads on across the
/// run — the pair of chars joining the line above to the line below
/// (`深入`) occurs elsewhere on the page — while neither pair joining the
/// run to its neighbours (`深全`, `研入`) does.
pub(crate) fn mark_insets(page: &mut PageLines) {
    let mut body: Vec<usize> = Vec::with_capacity(page.lines.len());
    body.extend((0..page.lines.len()).filter(|&i| page.roles[i] == Role::Body));
    // Runs shaped like an inset, with the char pairs their test needs.
    let mut runs: Vec<(usize, usize, InsetPairs)> = Vec::new();
    for k in 1..body.len() {
        // Every run needs its first line set apart in a column.
        let (prev, first) = (body[k - 1], body[k]);
        let apart = page.lines[first].blank_before || first > prev + 1;
        if !apart || !page.measure_at(first).columnar {
            continue;
        }
        for run in 1..=3 {
            let Some(&after) = body.get(k + run) else {
                break;
            };
            let (prev, first, last) = (body[k - 1], body[k], body[k + run - 1]);
            if let Some(pairs) = inset_shape(page, prev, (first, last), after) {
                runs.push((k, run, pairs));
            }
        }
    }
    if runs.is_empty() {
        return;
    }
    // One pass over the page finds which of those pairs occur in it.
    let wanted: HashSet<(char, char)> = runs.iter().flat_map(|r| r.2).collect();
    let seen = super::blocks::body_pairs(page, &wanted);
    let mut marked_until = 0;
    for (k, run, [joined, before, after]) in runs {
        if k < marked_until {
            continue;
        }
        if seen.contains(&joined) && !seen.contains(&before) && !seen.contains(&after) {
            for &i in &body[k..k + run] {
                page.roles[i] = Role::Headline;
            }
            marked_until = k + run + 1;
        }
    }
}

/// Marks headlines set among column lines, which width alone cannot tell
/// from a column line. Two shapes:
///
/// - **As wide as the column** (`wuxi-c`, pdfminer:
///   `韩国吉佳蓝公司在锡落户中国总部项目` between `…保驾护航。` and
///   `备生态、…`). Evidence, all required: a line of ideographs alone (no
///   punctuation in a full column line), set apart by a blank line, under
///   a finished sentence; it does not read on into the next line (their
///   joining pair of chars occurs nowhere in the page's body lines); and
///   it repeats the words of the page's body: at least three quarters of
///   its pairs of chars occur in at least one other body line.
/// - **Cutting a sentence** (mutool, a generated page: `春分时节农事忙
///   皖北麦田管护正当时` between `…两架植保无人机正` and `在麦田上空…`): an
///   unpunctuated line (letters and digits, phrase spaces allowed) no
///   wider than the column, set apart by a blank line, between a full
///   line running on and the next body line (a blank line before it),
///   with only its headline's other lines between (a `——` deck, which is
///   marked with it); at least half its pairs of chars occur in the
///   page's body ([`ECHO_CUT_SHARE_DEN`]).
///
/// Its article is elsewhere or around it: the body around it stays one
/// segment (`Line::aside`), and the headline goes where the words say.
pub(crate) fn mark_echoes(page: &mut PageLines) {
    let shaped: Vec<(usize, Echo)> = (1..page.lines.len())
        .filter_map(|i| echo_shape(page, i).map(|e| (i, e)))
        .collect();
    if shaped.is_empty() {
        return;
    }
    let first = |i: usize| page.lines[i].text.chars().next();
    let last = |i: usize| page.lines[i].text.chars().next_back();
    let mut wanted: HashSet<(char, char)> = HashSet::default();
    for &(i, e) in &shaped {
        wanted.extend(bigrams(page.lines[i].text));
        wanted.extend(last(i).zip(first(e.next)));
    }
    let counts = pair_line_counts(page, &wanted);
    let lines_with = |p: (char, char)| counts.get(&p).copied().unwrap_or(0);
    let mut echoes = Vec::new();
    for (i, e) in shaped {
        let Some(into_next) = last(i).zip(first(e.next)) else {
            continue;
        };
        let pairs: Vec<(char, char)> = bigrams(page.lines[i].text).collect();
        let held_by = |lines: usize| pairs.iter().filter(|&&p| lines_with(p) >= lines).count();
        let is_echo = if e.cuts_sentence {
            // Cutting a sentence (which no body line does): it repeats
            // the body's words.
            held_by(1) * ECHO_CUT_SHARE_DEN >= pairs.len()
        } else {
            // Column-wide: it does not read on, and repeats the body's words.
            lines_with(into_next) == 0 && held_by(2) * 4 >= pairs.len() * 3
        };
        if is_echo {
            echoes.push((i, e.next));
        }
    }
    for (i, next) in echoes {
        // The echo and the deck lines under it, down to the body it cuts.
        let decks: Vec<usize> = (i + 1..next).filter(|&j| dash_led(page, j)).collect();
        for j in std::iter::once(i).chain(decks) {
            page.roles[j] = Role::Headline;
            page.lines[j].aside = true;
        }
    }
}

/// A line cutting a sentence is an echo when at least one in this many of
/// its pairs of chars occur in the page's body (1 in 3 to none scored the
/// same on the training editions: the shape is the evidence).
const ECHO_CUT_SHARE_DEN: usize = 2;

/// A line shaped like a headline set among column lines ([`echo_shape`]).
#[derive(Debug, Clone, Copy)]
struct Echo {
    /// The next body line.
    next: usize,
    /// The line cuts a sentence (the second shape), rather than stands as
    /// wide as the column under a finished one.
    cuts_sentence: bool,
}

/// When line `i` is shaped like a headline set among column lines (see
/// [`mark_echoes`]): two shapes. A line as wide as the column under a
/// finished sentence; or a line no wider than the column, set apart by
/// blank lines, that cuts a sentence between a full line running on and
/// its continuation (a body line in mid-sentence is full).
fn echo_shape(page: &PageLines, i: usize) -> Option<Echo> {
    let line = &page.lines[i];
    let m = page.measure_at(i);
    if page.roles[i] != Role::Body || !line.blank_before || !line.candidate || !m.columnar {
        return None;
    }
    if line.width > m.full + 1 {
        return None;
    }
    let prev = (0..i).rev().find(|&j| page.roles[j] == Role::Body)?;
    let before = &page.lines[prev];
    let next = page.next_text(i)?;
    if line.width + 1 >= m.full && ideographs_only(line.text) && before.ends {
        return (page.roles[next] == Role::Body && !page.lines[next].opens).then_some(Echo {
            next,
            cuts_sentence: false,
        });
    }
    // Letters and digits alone (`海州国际机场T3航站楼投运`), phrase spaces
    // allowed; the headline's other lines (a `——` deck) may follow it.
    let unpunctuated = line.text.chars().all(|c| c == ' ' || is_letter_or_digit(c));
    let mut after = next;
    while page.roles[after] == Role::Headline || dash_led(page, after) {
        after = page.next_text(after)?;
    }
    let cuts_a_sentence = unpunctuated
        && !before.ends
        && before.width + 1 >= page.measure_at(prev).full
        && page.roles[after] == Role::Body
        && !page.lines[after].opens
        && page.lines[after].blank_before;
    cuts_a_sentence.then_some(Echo {
        next: after,
        cuts_sentence: true,
    })
}

/// True for a body line led by a subtitle's dash (`——法院审结网购纠纷案`)
/// that could be a headline line by its own text.
fn dash_led(page: &PageLines, i: usize) -> bool {
    page.roles[i] == Role::Body && page.lines[i].candidate && page.lines[i].text.starts_with("——")
}

/// For each pair among `wanted`, how many body lines of the page hold it.
fn pair_line_counts(
    page: &PageLines,
    wanted: &HashSet<(char, char)>,
) -> FxHashMap<(char, char), usize> {
    let mut counts: FxHashMap<(char, char), usize> = FxHashMap::default();
    let mut in_line: HashSet<(char, char)> = HashSet::default();
    for line in page.body_lines() {
        in_line.clear();
        let mut prev: Option<char> = None;
        for c in line.text.chars() {
            if let Some(p) = prev
                && wanted.contains(&(p, c))
            {
                in_line.insert((p, c));
            }
            prev = Some(c);
        }
        for p in &in_line {
            *counts.entry(*p).or_insert(0) += 1;
        }
    }
    counts
}

/// The char pairs an inset test reads: joining the lines around the run,
/// and joining the run to the line above and to the line below.
type InsetPairs = [(char, char); 3];

/// When lines `first..=last` are shaped like an inset headline between
/// body lines `prev` and `after`, the three pairs of chars to test: the
/// one joining `prev` to `after`, and those joining the run to each side.
fn inset_shape(
    page: &PageLines,
    prev: usize,
    (first, last): (usize, usize),
    after: usize,
) -> Option<InsetPairs> {
    let m = page.measure_at(first);
    let lines = &page.lines;
    // Cheap tests first: this runs for every body line.
    let apart = lines[first].blank_before || (prev + 1..first).any(|i| page.roles[i] != Role::Body);
    if !apart || !m.columnar || lines[last].width + 2 > m.full {
        return None;
    }
    let run_ok = (first..=last).all(|i| {
        page.roles[i] == Role::Body
            && lines[i].candidate
            && !lines[i].text.chars().any(super::lines::is_mid_punct)
    });
    if !run_ok {
        return None;
    }
    if lines[prev].ends || lines[after].opens {
        return None;
    }
    let end = |i: usize| lines[i].text.chars().next_back();
    let start = |i: usize| lines[i].text.chars().next();
    let (a, b, c, d) = (end(prev)?, start(first)?, end(last)?, start(after)?);
    [a, b, c, d]
        .iter()
        .all(|&x| is_wide(x))
        .then_some([(a, d), (a, b), (c, d)])
}

/// A line that could be a headline by its own text; `opens` and
/// `subhead` are [`credits::opens_article`] and [`credits::is_subhead`] of
/// `text`, already known to the caller.
pub(crate) fn candidate(text: &str, opens: bool, subhead: bool) -> bool {
    if text.ends_with("——") || kicker_with_colon(text) {
        return true;
    }
    // Cheapest tests first: this runs for every line, in every pass.
    !super::lines::finishes_sentence(text)
        && !ends_mid_sentence(text)
        && more_chars_than(text, 1)
        && !subhead
        && !has_full_stop(text)
        && !credits::ends_with_closing(text)
        && !opens
}

/// True for a kicker that introduces its title with a colon
/// (`走进自动化码头：`): ideographs only before the colon, at least four of
/// them. Body text ends a line in `：` too (`他说：`), so the line is only
/// a candidate: its place among the lines decides.
fn kicker_with_colon(text: &str) -> bool {
    text.strip_suffix(['：', ':'])
        .is_some_and(|head| head.chars().count() >= 4 && head.chars().all(ideograph))
}

/// True when `text` cannot begin a sentence or a headline: it opens with
/// a closing or comma-like mark, or with one or two chars and then one
/// (`升。新航站楼…`, `华）。…`): the line continues the text above it. A
/// list of names may open a sentence with a two-char name (`谷歌、淡马锡…`):
/// a `、` after two chars tells nothing.
pub(crate) fn starts_as_continuation(text: &str) -> bool {
    text.chars()
        .take(3)
        .enumerate()
        .find(|&(_, c)| {
            c != '…' && (super::lines::is_end_punct(c) || super::lines::is_mid_punct(c))
        })
        .is_some_and(|(at, c)| at < 2 || c != '、')
}

/// True when `text` holds a space between two ideographs, as headlines
/// set their phrases apart.
fn has_phrase_space(text: &str) -> bool {
    let mut prev: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ' ' || c == '\u{3000}' {
            let next = chars.peek().copied();
            if prev.is_some_and(ideograph) && next.is_some_and(ideograph) {
                return true;
            }
        }
        prev = Some(c);
    }
    false
}

/// True for a wide letter (an ideograph, kana or hangul).
fn ideograph(c: char) -> bool {
    is_wide(c) && is_letter_or_digit(c)
}

/// True when `text` holds a clause comma or semicolon (`，；` and their
/// small forms): body text runs on with them, headlines seldom do (one
/// line in 345 of the corpus's headlines, `六盘山下，支教老师…`; a deck
/// wider than the column, `分析全市上半年经济形势，研究部署下一阶段工作`,
/// in the sample), so within a column's width such a line is body: the
/// short first line of a paragraph (`近年来，我市围绕氢能`).
fn has_clause_comma(text: &str) -> bool {
    text.contains(['，', '；', '﹐', '﹔'])
}

/// True when `text` holds an enumeration comma `、` between letters
/// (`…洗钱账、购买`): lists run on in body text, while headlines set
/// their phrases apart with a space (none of the training corpus's
/// headline lines holds a `、`), so within a column's width such a line
/// is body.
fn has_enumeration_comma(text: &str) -> bool {
    text.contains(['、', '﹑'])
}

/// True when `text` holds an ideographic full stop `。` (bytes E3 80 82):
/// a search for its lead byte, rare in Chinese text, beats a char
/// search, which looks for the last byte (0x82), common in CJK UTF-8.
fn has_full_stop(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(0xE3, bytes).any(|i| bytes.get(i + 1..i + 3) == Some(&[0x80, 0x82]))
}

/// How the text line above a line ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Above {
    /// Nothing above, a headline, or a finished sentence or credit.
    Closed,
    /// An unpunctuated line that may itself be the headline line above
    /// this one (a stack): its verdict follows from this line's.
    Candidate,
    /// A body line in mid-sentence.
    Open,
}

fn above(page: &PageLines, i: usize) -> Above {
    let prev = (0..i)
        .rev()
        .find(|&j| matches!(page.roles[j], Role::Body | Role::Headline));
    match prev {
        None => Above::Closed,
        Some(j) if page.roles[j] == Role::Headline => Above::Closed,
        Some(j) => {
            let t = &page.lines[j].text;
            if ends_sentence(t) || credits::ends_with_closing(t) {
                Above::Closed
            } else if page.lines[j].candidate && !(comma_bound(page, j) && full_line(page, i)) {
                Above::Candidate
            } else {
                Above::Open
            }
        }
    }
}

/// True when line `j` holds a clause comma within its column's width:
/// [`is_headline`] never makes it a headline, so under it a full column
/// line is no line of a headline stack but the column running on
/// (`中女子组决赛中，来自山区的青` over the column's last line
/// `石镇中学队一路过关斩将闯进决`, over the next article's headline).
fn comma_bound(page: &PageLines, j: usize) -> bool {
    let m = page.measure_at(j);
    m.columnar && has_clause_comma(page.lines[j].text) && page.lines[j].width <= m.full + 2
}

/// True when line `i` is as wide as its column, give or take a char.
fn full_line(page: &PageLines, i: usize) -> bool {
    let m = page.measure_at(i);
    m.columnar && page.lines[i].width + 2 >= m.full && page.lines[i].width <= m.full + 2
}

/// True when line `i` of `page` is a headline line (see the module docs).
/// A line that cannot be one by its own text ([`candidate`]) may still be
/// a question headline; a candidate is decided, in turn, by a subtitle
/// dash, the line after it reading on, the free page's rule, a clause
/// comma, its own shape, and the text line after it.
fn is_headline(page: &PageLines, i: usize) -> bool {
    let line = &page.lines[i];
    if !line.candidate {
        return is_question_headline(page, i);
    }
    let m = page.measure_at(i);
    if dash_subtitle(page, i) {
        return true;
    }
    if next_reads_on(page, i) {
        return false;
    }
    if !m.columnar {
        return !more_chars_than(line.text, FREE_HEADLINE_CHARS) && above(page, i) == Above::Closed;
    }
    if (has_clause_comma(line.text) || has_enumeration_comma(line.text)) && line.width <= m.full + 2
    {
        return false;
    }
    let above = above(page, i);
    if let Some(verdict) = own_shape_verdict(page, i, above) {
        return verdict;
    }
    next_line_verdict(page, i, above)
}

/// True when line `i` is a subtitle led by its dash (`——江东船企满负荷生产`)
/// under finished text or a headline, or wider than the column: body text
/// is never led by `——` without ending its sentence on the line.
fn dash_subtitle(page: &PageLines, i: usize) -> bool {
    let line = &page.lines[i];
    let m = page.measure_at(i);
    line.text.starts_with("——")
        && (above(page, i) == Above::Closed || (m.columnar && line.width > m.full))
}

/// True when the body line right after line `i` (no blank or other line
/// between) opens as a continuation ([`starts_as_continuation`]): line
/// `i` reads on into it, which a headline never does.
fn next_reads_on(page: &PageLines, i: usize) -> bool {
    page.next_text(i).is_some_and(|j| {
        j == i + 1 && page.roles[j] == Role::Body && starts_as_continuation(page.lines[j].text)
    })
}

/// The verdict on candidate line `i` of a columnar page by its own shape,
/// given how the text line above it ends (`above`): a headline when it
/// sets phrases apart with a space under finished text, or is wider than
/// the column (by more than a slack in columns, an ideograph being two);
/// under a line in mid-sentence, otherwise only a kicker over a headline
/// ([`kicker_over_headline`]). `None` when the line after it decides
/// ([`next_line_verdict`]).
fn own_shape_verdict(page: &PageLines, i: usize, above: Above) -> Option<bool> {
    let line = &page.lines[i];
    let m = page.measure_at(i);
    // Headlines set phrases apart with a space (`長洲太平清醮 數萬人入島睇搶包山`,
    // `坚定信心决心 争取更好结果`); body text never puts one between
    // ideographs (justification spaces are gone by now).
    if above == Above::Closed && has_phrase_space(line.text) {
        return Some(true);
    }
    // Unless the line above is finished, only a line far wider than the
    // column (an inset headline) is a headline: proportional punctuation
    // can make a body line a character or two wider than its neighbours.
    // A line of ideographs alone has no punctuation to set proportionally:
    // wider than the column at all, it is no column line.
    let slack = if ideographs_only(line.text) {
        0
    } else if above == Above::Closed {
        2
    } else {
        8
    };
    if line.width > m.full + slack {
        return Some(true);
    }
    // Under finished text, a line of full-width characters alone is wider
    // than the column only by the punctuation set half-width in it (each
    // mark saves a half-unit; clreq §3.1.6, punctuation compression): a
    // line wider than its marks allow is no column line
    // (`走进自动化码头：桥吊司机坐进了办公室`, one mark, two half-units
    // over). Such a line's column is the even width at or under the
    // measure (see [`shaped_as_first_line`]). A digit or Latin letter,
    // whose true width the text does not tell, leaves the line to the
    // slack above.
    let column = m.full - m.full % 2;
    if above == Above::Closed
        && line.text.chars().all(is_wide)
        && line.width > column + compressible_marks(line.text).min(2)
    {
        return Some(true);
    }
    if above == Above::Open {
        return Some(kicker_over_headline(page, i));
    }
    None
}

/// The verdict on candidate line `i` of a columnar page, within its
/// column's width and under finished text or an unpunctuated line
/// (`above`), by the text line after it: a headline over a headline line,
/// a dateline, a caption, a line wider than the column, or a line shaped
/// as a paragraph's first line; else by the two lines' widths
/// ([`headline_by_widths`]).
fn next_line_verdict(page: &PageLines, i: usize, above: Above) -> bool {
    let line = &page.lines[i];
    let m = page.measure_at(i);
    let Some(j) = page.next_text(i) else {
        // Last text of the page: a headline, unless it is a full column
        // line under an unpunctuated one (a column ending mid-sentence).
        return above == Above::Closed || line.width + 6 <= m.full;
    };
    let next = &page.lines[j];
    if page.roles[j] == Role::Headline || next.opens {
        return true;
    }
    // A caption or credit between: the line does not run on, unless it is
    // a full column line under an unpunctuated one (a column ending above
    // a photo).
    if (i + 1..j).any(|k| !matches!(page.roles[k], Role::Furniture(_))) {
        return !(above == Above::Candidate && line.width + 2 >= m.full);
    }
    // A next line wider than the column cannot continue this one.
    if above == Above::Closed && next.width > m.full + 2 && next.candidate {
        return true;
    }
    if char_short_over_first_line(page, i, j, above)
        || deck_over_run_on(page, i, j)
        || deck_over_first_line(page, i, j)
        || stack_over_first_line(page, i, j, above)
    {
        return true;
    }
    headline_by_widths(page, i, j, above)
}

/// True when line `j` is shaped as a paragraph's first line in a column
/// `full` columns wide: its indent (two characters, four columns) short
/// of the column, running on. The measure counts a width and the one a
/// half-unit below it together ([`super::columns`]: a digit makes a full
/// line a half-unit short), so a column of ideographs may stand a
/// half-unit under `full`, and so may its first lines.
fn shaped_as_first_line(page: &PageLines, j: usize, full: usize) -> bool {
    let next = &page.lines[j];
    (next.width + 4 == full || next.width + 5 == full) && !next.ends
}

/// True when line `i`, ideographs alone set one character short of the
/// column, stands under a finished line (`above`) and over line `j`
/// shaped as a paragraph's first line: a headline. A paragraph's first
/// line is an indent (two characters) short of the column and a column
/// line is full; a line of ideographs alone (no punctuation to compress,
/// no half-width digit) set one character short is neither.
fn char_short_over_first_line(page: &PageLines, i: usize, j: usize, above: Above) -> bool {
    let line = &page.lines[i];
    let full = page.measure_at(i).full;
    above == Above::Closed
        && shaped_as_first_line(page, j, full)
        && line.width + 2 == full
        && ideographs_only(line.text)
}

/// True when line `i` (no clause comma: [`is_headline`] ruled those out),
/// right under a headline line with no blank line between, stands over
/// line `j` shaped as a paragraph's first line (an indent short of the
/// column, ending its sentence or not) after a blank line: a deck (`一片茶叶“串”起三产融合` /
/// `云雾村从贫困村变身“网红村”的致富路` / `清明前后，…`). A body line
/// under a headline would be a paragraph's first line itself, running on
/// into the line after it.
fn deck_over_first_line(page: &PageLines, i: usize, j: usize) -> bool {
    let full = page.measure_at(i).full;
    // A first line is an indent short (see `shaped_as_first_line`), and
    // may end its paragraph too (a paragraph of one line).
    let first_line = matches!(full.checked_sub(page.lines[j].width), Some(INDENT | 5));
    !page.lines[i].blank_before
        && i > 0
        && page.roles[i - 1] == Role::Headline
        && page.lines[j].blank_before
        && first_line
}

/// True when line `i` (no clause comma: [`is_headline`] ruled those out)
/// stands right under a headline line, over a narrower line `j` that does
/// not end its sentence: a deck line, as a paragraph's first line (an
/// indent short) runs on into a line as wide or wider (`省运会首设电竞项目`
/// / `“00后”选手在键盘上拼出金牌` / `9月14日，第十七届省运会…`).
fn deck_over_run_on(page: &PageLines, i: usize, j: usize) -> bool {
    let (line, next) = (&page.lines[i], &page.lines[j]);
    under_headline(page, i) && next.width < line.width && !next.ends
}

/// True when line `i`, unpunctuated and no wider than the column, under a
/// finished or an unpunctuated line (`above`: a stack), stands over line
/// `j`, a paragraph's first line running on into a full line: a headline.
/// A paragraph's first line (an indent short) runs on into a full line; it
/// never follows an unfinished line: a paragraph does not start inside a
/// sentence (`食安中心抽查` / `三款辣椒醬驗出蘇丹紅` / `食物安全中心昨日公布，` /
/// …). So is a line nearly as wide as the column (`首座油氢合建站在高新区投运`
/// / `5月16日，全市首座油氢合`) if it holds no mark a sentence runs on
/// with (`、`): a full column line read out of order (`海技术科学太湖实验室、先`)
/// is not.
fn stack_over_first_line(page: &PageLines, i: usize, j: usize, above: Above) -> bool {
    let line = &page.lines[i];
    let full = page.measure_at(i).full;
    let near_full = line.width + 2 >= full;
    let runs_on_mark = line.text.chars().any(super::lines::is_mid_punct);
    above != Above::Open
        && shaped_as_first_line(page, j, full)
        && line.width <= full
        && !(near_full && runs_on_mark)
        && first_runs_on(page, j, full)
}

/// The verdict on line `i` over body line `j` when no test of their
/// shapes decided, by their widths against the column. Over a line within
/// about two characters of the column (a paragraph's first line, its
/// indent dropped, running on into a full line), line `i` is a headline
/// when more than three characters short, as it cannot run on: unless it
/// was broken early ([`broke_before_run`]), or, under a finished line, is
/// an indent short of the column below ([`indent_short_of_column`]). Over
/// a narrower line, it is a headline when at least three characters short
/// or when that line is wider than the column.
fn headline_by_widths(page: &PageLines, i: usize, j: usize, above: Above) -> bool {
    let (line, next) = (&page.lines[i], &page.lines[j]);
    let full = page.measure_at(i).full;
    if next.width + 4 >= full {
        return line.width + 6 < full
            && !broke_before_run(line.width, next.text, full)
            && !(above == Above::Closed && indent_short_of_column(page, line.width, j));
    }
    let narrow = line.width + 6 <= full;
    narrow || next.width > full + 2
}

/// True when line `i`, set apart by a blank line, holds ideographs alone
/// and ends well short of the column right over a headline line: a
/// kicker, whatever the text above it (`宁州港上半年` / `集装箱吞吐量创新高`
/// under a photo caption read as body). No body line is that short
/// without ending its sentence.
fn kicker_over_headline(page: &PageLines, i: usize) -> bool {
    let line = &page.lines[i];
    line.blank_before
        && ideographs_only(line.text)
        && line.width + 6 <= page.measure_at(i).full
        && page.roles.get(i + 1) == Some(&Role::Headline)
}

/// Width of an indent: a paragraph's first line is set two chars short.
const INDENT: usize = 4;

/// True when a paragraph's first line `width` wide (its indent dropped)
/// was broken early because the next line opens with a run of Latin
/// letters or digits that does not fit after it (`“现在手持订单已经排到了`
/// / `2029年，船台…`), or with an opening mark that cannot end a line and
/// the char after it (`沿线城市也在抓紧布局` / `“高铁经济”。…`): a short
/// line, but no headline.
fn broke_before_run(width: usize, next: &str, full: usize) -> bool {
    super::lines::pushed_down(width + INDENT, next, full)
}

/// True when a line `width` wide, over body line `j`, is exactly an indent
/// short of the column that `j` and the body line after it set, both as
/// wide (the page's measure can be wider than this column: a column
/// beside a wider one): a paragraph's first line (`有經常乘搭的士的市民則歡`
/// / `迎新制度，認為…` / `態度及車廂衞生，…`).
fn indent_short_of_column(page: &PageLines, width: usize, j: usize) -> bool {
    let w = page.lines[j].width;
    width + INDENT == w
        && page.roles[j] == Role::Body
        && page
            .next_text(j)
            .is_some_and(|k| page.roles[k] == Role::Body && page.lines[k].width == w)
}

/// True when the text line right above line `i` is a headline line.
fn under_headline(page: &PageLines, i: usize) -> bool {
    (0..i)
        .rev()
        .find(|&j| matches!(page.roles[j], Role::Body | Role::Headline))
        .is_some_and(|j| page.roles[j] == Role::Headline)
}

/// True when the line after body line `j` (a paragraph's first line, by
/// its width) is a full column line: `j` runs on into it.
fn first_runs_on(page: &PageLines, j: usize, full: usize) -> bool {
    page.next_text(j)
        .is_some_and(|k| page.roles[k] == Role::Body && page.lines[k].width + 2 >= full)
}

/// True when `text` holds only wide letters (ideographs, kana, hangul):
/// no punctuation, no half-width character.
fn ideographs_only(text: &str) -> bool {
    text.chars().all(|c| is_wide(c) && is_letter_or_digit(c))
}

/// How many full-width punctuation marks in `text` a compositor may set
/// half-width (commas, stops, colons, quotes and brackets; not dashes or
/// ellipses, which are two characters wide whatever the setting).
fn compressible_marks(text: &str) -> usize {
    text.chars()
        .filter(|&c| {
            matches!(
                c,
                '，' | '。'
                    | '、'
                    | '；'
                    | '：'
                    | '？'
                    | '！'
                    | '“'
                    | '”'
                    | '‘'
                    | '’'
                    | '（'
                    | '）'
                    | '《'
                    | '》'
                    | '「'
                    | '」'
                    | '『'
                    | '』'
                    | '【'
                    | '】'
                    | '〈'
                    | '〉'
                    | '〔'
                    | '〕'
            )
        })
        .count()
}

/// A headline may end in `？` or `！` (`你今天读书了吗？`), as a paragraph
/// may: it counts only standing between finished text and a dateline or
/// another headline line.
fn is_question_headline(page: &PageLines, i: usize) -> bool {
    let text = &page.lines[i].text;
    if !text.ends_with(['？', '！', '?', '!']) || has_full_stop(text) || more_chars_than(text, 30)
    {
        return false;
    }
    if above(page, i) != Above::Closed {
        return false;
    }
    page.next_text(i)
        .is_some_and(|j| page.roles[j] == Role::Headline || page.lines[j].opens)
}

/// A block of consecutive headline lines on a page.
#[derive(Debug, Clone)]
pub(crate) struct Block {
    /// Index of the block's first line on the page.
    pub at: usize,
    /// Its lines, top to bottom.
    pub lines: Vec<String>,
}

/// Groups the headline lines of `page` into blocks: a blank line or any
/// non-headline line ends a block.
pub(crate) fn blocks(page: &PageLines) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut prev_headline = false;
    for (i, line) in page.lines.iter().enumerate() {
        let is_headline = page.roles[i] == Role::Headline;
        if is_headline {
            match out.last_mut() {
                Some(b) if prev_headline && !line.blank_before => {
                    b.lines.push(line.text.to_string())
                }
                _ => out.push(Block {
                    at: i,
                    lines: vec![line.text.to_string()],
                }),
            }
        }
        prev_headline = is_headline;
    }
    out
}

/// Character bigrams of ideographic text. Latin letter pairs are too
/// common to be evidence, so only pairs of wide chars count.
fn bigrams(text: &str) -> impl Iterator<Item = (char, char)> + '_ {
    let mut prev: Option<char> = None;
    text.chars().filter_map(move |c| {
        let out = prev.map(|p| (p, c));
        prev = if is_letter_or_digit(c) { Some(c) } else { None };
        out.filter(|(a, b)| is_wide(*a) && is_wide(*b))
    })
}

/// Where an article's body lies on the page, and its text, for scoring.
pub(crate) struct Target<'a> {
    /// First and last line index of the body on the page.
    pub span: (usize, usize),
    /// The body paragraphs.
    pub paragraphs: &'a [String],
    /// True when the body opens with a dateline.
    pub dated: bool,
}

/// For each block, the index into `targets` of the article it belongs to
/// (see the module docs), or `None` when the page has no article; a block
/// whose lines go to different articles (two headlines set side by side,
/// read as one block) comes back as one block per run of lines with one
/// owner. `targets` must be in page order.
pub(crate) fn attach(blocks: Vec<Block>, targets: &[Target<'_>]) -> Vec<(Block, Option<usize>)> {
    if targets.is_empty() {
        return blocks.into_iter().map(|b| (b, None)).collect();
    }
    let evidence = Evidence::read(&blocks, targets);
    let mut units = score_lines(&blocks, targets, &evidence);
    cover(&mut units, targets);
    owner_runs(&blocks, &units)
}

/// Per article of `targets`, whether some block of `blocks` has it in
/// reach along with another ([`candidate_range`]): only those bodies are
/// read for words, as no other choice depends on them.
fn compared_bodies(blocks: &[Block], targets: &[Target<'_>]) -> Vec<bool> {
    let mut compared = vec![false; targets.len()];
    for b in blocks {
        let (lo, hi) = candidate_range(b, targets);
        if hi - lo >= 2 {
            compared[lo..hi].iter_mut().for_each(|c| *c = true);
        }
    }
    compared
}

/// The headline bigrams that the body of `target` holds, as a bitset of
/// `words` 64-bit words over the bigrams' numbers in `index` (`filter`
/// rules out most pairs not in `index` without hashing).
fn body_bigrams(
    target: &Target<'_>,
    filter: &PairFilter,
    index: &FxHashMap<(char, char), usize>,
    words: usize,
) -> Vec<u64> {
    let mut bits = vec![0u64; words];
    // Every headline bigram is a pair of wide chars led by a
    // letter or digit, so testing every pair of neighbouring
    // chars against the index finds exactly the body's bigrams.
    for p in target.paragraphs {
        let mut chars = p.chars();
        let Some(mut prev) = chars.next() else {
            continue;
        };
        for c in chars {
            if filter.may_hold((prev, c))
                && let Some(&k) = index.get(&(prev, c))
            {
                bits[k >> 6] |= 1 << (k & 63);
            }
            prev = c;
        }
    }
    bits
}

/// For each of the `grams` numbered bigrams, how many bodies hold it,
/// given each body's bitset (`found`): a word every article uses is weak
/// evidence for any one of them.
fn bodies_holding(found: &[Vec<u64>], grams: usize) -> Vec<u32> {
    let mut spread = vec![0u32; grams];
    for bits in found {
        for (w, word) in bits.iter().enumerate() {
            let mut word = *word;
            while word != 0 {
                let b = word.trailing_zeros() as usize;
                if let Some(n) = spread.get_mut(w * 64 + b) {
                    *n += 1;
                }
                word &= word - 1;
            }
        }
    }
    spread
}

/// Scores each headline line of `blocks` for each article of `targets` in
/// its block's reach ([`candidate_range`]), by place ([`place_score`]) and
/// words (its own and its block's, [`LEX`] and [`BLOCK_SHARE`]), and
/// gives it to the best: one [`Unit`] per line, in page order.
fn score_lines(blocks: &[Block], targets: &[Target<'_>], evidence: &Evidence) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::new();
    for (b, block) in blocks.iter().enumerate() {
        let (lo, hi) = candidate_range(block, targets);
        let block_grams = evidence.grams(block.lines.iter().map(String::as_str));
        let block_lex: Vec<f64> = (lo..hi).map(|k| evidence.lex(&block_grams, k)).collect();
        for (l, line) in block.lines.iter().enumerate() {
            let grams = evidence.grams(std::iter::once(line.as_str()));
            let scores: Vec<f64> = (lo..hi)
                .map(|k| {
                    let place = place_score(block, k, targets);
                    let lex = evidence.lex(&grams, k) + BLOCK_SHARE * block_lex[k - lo];
                    place + LEX * lex
                })
                .collect();
            let owner = (lo..hi)
                .max_by(|&a, &b| {
                    scores[a - lo]
                        .partial_cmp(&scores[b - lo])
                        .unwrap_or(std::cmp::Ordering::Equal)
                })
                .unwrap_or(lo);
            units.push(Unit {
                block: b,
                line: l,
                lo,
                scores,
                owner,
            });
        }
    }
    units
}

/// Cuts `blocks` into runs of a block's lines with one owner (per the
/// `units`, one per line in page order), in page order, each with its
/// owner's index into the targets.
fn owner_runs(blocks: &[Block], units: &[Unit]) -> Vec<(Block, Option<usize>)> {
    let mut out: Vec<(Block, Option<usize>)> = Vec::with_capacity(blocks.len());
    let mut prev: Option<(usize, usize)> = None;
    for u in units {
        let block = &blocks[u.block];
        let text = block.lines[u.line].clone();
        match out.last_mut() {
            Some((b, _)) if prev == Some((u.block, u.owner)) => b.lines.push(text),
            _ => out.push((
                Block {
                    at: block.at + u.line,
                    lines: vec![text],
                },
                Some(u.owner),
            )),
        }
        prev = Some((u.block, u.owner));
    }
    out
}

/// Weight of a headline line set directly above an article's first body
/// line (only headline lines, blank lines, furniture or captions between):
/// where the generator, and most papers, put a headline.
const ABOVE: f64 = 1.0;

/// Extra weight when the body under the block opens with a dateline: the
/// article certainly starts there.
const ABOVE_DATED: f64 = 1.0;

/// Weight of a block set directly after an article's last body line: a
/// headline printed right of its body, or of its first column.
const BELOW: f64 = 0.3;

/// Weight of the shared words: each bigram the body holds counts one over
/// the number of the page's bodies that hold it.
const LEX: f64 = 1.0;

/// How much a block's words count for each of its lines, besides the
/// line's own: a line with no word of its own follows its block, a line
/// that names another article leaves it.
const BLOCK_SHARE: f64 = 1.0;

/// What an article that would have no headline gains by getting one: a
/// block moves to it when it costs less than this.
const COVER: f64 = 1.0;

/// What an article opening with a dateline and left with no headline
/// gains by taking the only block of an undated article ([`cover`]).
const COVER_DATED: f64 = 3.0;

/// One headline line and its score for each article in reach.
struct Unit {
    block: usize,
    line: usize,
    /// The index of the first article scored.
    lo: usize,
    /// Score for articles `lo..lo + scores.len()`.
    scores: Vec<f64>,
    owner: usize,
}

impl Unit {
    fn score(&self, k: usize) -> Option<f64> {
        k.checked_sub(self.lo)
            .and_then(|i| self.scores.get(i))
            .copied()
    }
}

/// The bodies' words, for scoring headline lines against them.
struct Evidence<'a, 'b> {
    targets: &'a [Target<'b>],
    /// The number of each bigram of the headline lines.
    index: FxHashMap<(char, char), usize>,
    /// Per article, the bitset of the numbered bigrams its body holds
    /// (empty for a body no choice depends on: [`compared_bodies`]).
    found: Vec<Vec<u64>>,
    /// Per numbered bigram, how many bodies hold it.
    spread: Vec<u32>,
}

impl<'a, 'b> Evidence<'a, 'b> {
    /// Numbers the bigrams of the headline lines of `blocks` and reads
    /// the bodies of `targets` for them. Each headline bigram gets a
    /// number, and each body a bitset of the numbers it contains: linear
    /// in the body text, with no set to grow.
    fn read(blocks: &[Block], targets: &'a [Target<'b>]) -> Self {
        let wanted: HashSet<(char, char)> = blocks
            .iter()
            .flat_map(|b| b.lines.iter().flat_map(|l| bigrams(l)))
            .collect();
        let filter = PairFilter::new(&wanted);
        let index: FxHashMap<(char, char), usize> =
            wanted.iter().enumerate().map(|(k, &g)| (g, k)).collect();
        let words = index.len().div_ceil(64);
        let found: Vec<Vec<u64>> = targets
            .iter()
            .zip(compared_bodies(blocks, targets))
            .map(|(t, compared)| {
                if compared {
                    body_bigrams(t, &filter, &index, words)
                } else {
                    Vec::new()
                }
            })
            .collect();
        let spread = bodies_holding(&found, index.len());
        Evidence {
            targets,
            index,
            found,
            spread,
        }
    }
    /// The numbers of the bigrams of `lines`, each once.
    fn grams<'t>(&self, lines: impl Iterator<Item = &'t str>) -> Vec<usize> {
        let mut own: Vec<usize> = lines
            .flat_map(bigrams)
            .filter_map(|g| self.index.get(&g).copied())
            .collect();
        own.sort_unstable();
        own.dedup();
        own
    }

    /// The words of `grams` that body `k` holds, each weighted by how few
    /// bodies hold it.
    fn lex(&self, grams: &[usize], k: usize) -> f64 {
        let Some(bits) = self.found.get(k) else {
            return 0.0;
        };
        if self.targets.len() < 2 {
            return 0.0;
        }
        grams
            .iter()
            .filter(|&&g| bits.get(g >> 6).is_some_and(|w| (w >> (g & 63)) & 1 == 1))
            .map(|&g| 1.0 / f64::from(self.spread.get(g).copied().unwrap_or(1).max(1)))
            .sum()
    }
}

/// The score of block `block` for article `k` by place alone: directly
/// above its body, directly after it, or neither (a little less the
/// farther away, which breaks ties).
fn place_score(block: &Block, k: usize, targets: &[Target<'_>]) -> f64 {
    let next = targets.partition_point(|t| t.span.0 < block.at);
    let t = &targets[k];
    let free = next == 0 || targets[next - 1].span.1 < block.at;
    let (first, last) = t.span;
    let distance = if first >= block.at {
        first - block.at
    } else {
        block.at.saturating_sub(last)
    };
    // Lines apart, as a tie-break only.
    let near = -1e-4 * distance as f64;
    if k == next && free {
        ABOVE + if t.dated { ABOVE_DATED } else { 0.0 } + near
    } else if k + 1 == next && last < block.at {
        BELOW + near
    } else {
        near
    }
}

/// Gives a headline to articles left without one (see the module docs):
/// a run of a block's lines moves to such an article when what it loses
/// there is less than [`COVER`], and its owner keeps other lines.
fn cover(units: &mut [Unit], targets: &[Target<'_>]) {
    let mut count = vec![0usize; targets.len()];
    for u in units.iter() {
        count[u.owner] += 1;
    }
    loop {
        // The best move: a run of lines with one owner and one block.
        let mut best: Option<(f64, usize, usize, usize)> = None;
        let mut start = 0;
        while start < units.len() {
            let (block, owner) = (units[start].block, units[start].owner);
            let end = start
                + units[start..]
                    .iter()
                    .take_while(|u| u.block == block && u.owner == owner)
                    .count();
            let run = &units[start..end];
            let keeps = count[owner] > run.len();
            let lo = run[0].lo;
            let reach = lo..lo + run[0].scores.len();
            for (k, _) in count
                .iter()
                .enumerate()
                .filter(|(k, n)| **n == 0 && reach.contains(k))
            {
                // An article opening with a dateline certainly starts
                // there, and an article starts under a headline: it may
                // take the only block of an undated body, which then reads
                // on from another column.
                let gain = if keeps {
                    COVER
                } else if targets[k].dated && !targets[owner].dated {
                    COVER_DATED
                } else {
                    continue;
                };
                let delta: f64 = run
                    .iter()
                    .map(|u| u.score(k).unwrap_or(f64::MIN) - u.scores[u.owner - u.lo])
                    .sum();
                if delta + gain > 0.0 && best.is_none_or(|b| delta > b.0) {
                    best = Some((delta, start, end, k));
                }
            }
            start = end;
        }
        let Some((_, start, end, k)) = best else {
            break;
        };
        for u in &mut units[start..end] {
            count[u.owner] -= 1;
            u.owner = k;
            count[k] += 1;
        }
    }
}

/// For English OCR pages, where a deck always stands above its article:
/// each block goes to the first article below it, else the last above.
pub(crate) fn attach_below(blocks: &[Block], targets: &[Target<'_>]) -> Vec<Option<usize>> {
    blocks
        .iter()
        .map(|b| {
            let below = targets.partition_point(|t| t.span.0 < b.at);
            if below < targets.len() {
                Some(below)
            } else {
                targets.len().checked_sub(1)
            }
        })
        .collect()
}

/// English decks: the leading ALL-CAPS lines are the title, the lines
/// under them subtitles.
pub(crate) fn parts_english(blocks: &[Vec<String>]) -> Headline {
    let mut headline = Headline::default();
    for line in blocks.iter().flatten() {
        let letters = line.chars().filter(|c| c.is_alphabetic());
        let caps = letters.clone().all(|c| c.is_uppercase());
        if headline.subtitle.is_empty() && (caps || headline.title.is_empty()) {
            headline.title.push(line.clone());
        } else {
            headline.subtitle.push(line.clone());
        }
    }
    headline
}

/// The range of `targets` scored for `block`: `CANDIDATES` on each side.
fn candidate_range(block: &Block, targets: &[Target<'_>]) -> (usize, usize) {
    let pos = targets.partition_point(|t| t.span.0 < block.at);
    let lo = pos.saturating_sub(CANDIDATES);
    let hi = (pos + CANDIDATES).min(targets.len());
    (lo, hi)
}

/// Splits an article's headline blocks (in page order) into kicker, title
/// and subtitle (see the module docs).
pub(crate) fn parts(blocks: &[Vec<String>]) -> Headline {
    let mut headline = Headline::default();
    let lines: Vec<&String> = blocks.iter().flatten().collect();
    if lines.is_empty() {
        return headline;
    }
    let marked = lines
        .iter()
        .any(|l| l.ends_with("——") || l.starts_with("——"));
    if marked {
        // A subtitle broken over lines (`——年旅客保障能力` /
        // `提升至4500万人次`) goes on in the lines after its dash, in its
        // block, until a line that opens another part.
        for block in blocks {
            let mut in_subtitle = false;
            for l in block {
                let dashed = l.starts_with("——");
                if l.ends_with("——") && headline.title.is_empty() && !in_subtitle {
                    headline.kicker.push(l.clone());
                } else if dashed || (in_subtitle && !l.ends_with("——")) {
                    headline.subtitle.push(l.clone());
                    in_subtitle = true;
                } else {
                    headline.title.push(l.clone());
                }
            }
        }
        if headline.title.is_empty() {
            // A subtitle whose title was lost still names the article.
            headline.title = std::mem::take(&mut headline.subtitle);
        }
        return headline;
    }
    let groups = prominence_groups(blocks);
    let title = (0..groups.len())
        .min_by_key(|&g| (max_width(&groups[g]), g))
        .unwrap_or(0);
    for (g, group) in groups.into_iter().enumerate() {
        let target = match g.cmp(&title) {
            std::cmp::Ordering::Less => &mut headline.kicker,
            std::cmp::Ordering::Equal => &mut headline.title,
            std::cmp::Ordering::Greater => &mut headline.subtitle,
        };
        target.extend(group);
    }
    headline
}

/// Groups headline lines by type size: a block boundary, or a jump in line
/// width within a block (`分析全市…工作` then `坚定信心决心 争取更好结果`).
fn prominence_groups(blocks: &[Vec<String>]) -> Vec<Vec<String>> {
    let mut groups: Vec<Vec<String>> = Vec::new();
    for block in blocks {
        let mut current: Vec<String> = Vec::new();
        for line in block {
            let w = line.chars().count();
            if let Some(prev) = current.last()
                && prev.chars().count() * 4 > w * 5 + 8
                && current.len() >= 2
            {
                groups.push(std::mem::take(&mut current));
            }
            current.push(line.clone());
        }
        if !current.is_empty() {
            groups.push(current);
        }
    }
    if groups.len() > 1 {
        // Lines of one size that were merely broken for the column
        // (`市委外事工作` / `委员会召开会议`) stay one group.
        let widths: Vec<usize> = groups.iter().map(|g| max_width(g)).collect();
        let all_close = widths
            .iter()
            .all(|&w| w * 5 >= widths[0] * 4 && w * 4 <= widths[0] * 5);
        if all_close && groups.len() > 2 {
            return vec![groups.concat()];
        }
    }
    groups
}

fn max_width(lines: &[String]) -> usize {
    lines.iter().map(|l| l.chars().count()).max().unwrap_or(0)
}

/// Scores used by tests: the bigrams of a text.
#[cfg(test)]
pub(crate) fn bigram_count(a: &str, b: &str) -> usize {
    let set: HashSet<(char, char)> = bigrams(b).collect();
    let own: HashSet<(char, char)> = bigrams(a).collect();
    own.iter().filter(|g| set.contains(g)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_headline_may_end_in_the_quotation_it_opens() {
        assert!(!super::super::lines::finishes_sentence(
            "老纺织镇织出“新锦绣”"
        ));
        assert!(!super::super::lines::finishes_sentence("《城市更新条例》"));
        assert!(super::super::lines::finishes_sentence(
            "站节省投资近一半。”"
        ));
        assert!(super::super::lines::finishes_sentence("是发展的基础。"));
        assert!(candidate("老纺织镇织出“新锦绣”", false, false));
    }

    #[test]
    fn a_line_opening_on_a_mark_continues_the_one_above() {
        assert!(starts_as_continuation("升。新航站楼全流程推行"));
        assert!(starts_as_continuation("华）。"));
        assert!(starts_as_continuation("，对"));
        assert!(!starts_as_continuation("本报讯 7月26日，"));
        assert!(!starts_as_continuation("“制储运加用”全链条布局，"));
        assert!(!starts_as_continuation("……"));
        assert!(!starts_as_continuation("谷歌、淡马锡和贝恩公"));
        assert!(starts_as_continuation("生、"));
    }

    #[test]
    fn a_space_between_phrases_marks_a_headline() {
        assert!(has_phrase_space("長洲太平清醮 數萬人入島睇搶包山"));
        assert!(has_phrase_space("坚定信心决心　争取更好结果"));
        assert!(!has_phrase_space("本报讯 7月26日，市委"));
        assert!(!has_phrase_space("“China Travel”持续升温"));
    }

    #[test]
    fn clause_commas_mark_body_text() {
        assert!(has_clause_comma("近年来，我市围绕氢能"));
        assert!(!has_clause_comma("坚定信心决心 争取更好结果"));
        assert!(has_enumeration_comma("账、购买"));
        assert!(!has_enumeration_comma("帮境外诈骗团伙“洗钱”的14人被判刑"));
    }

    fn block(at: usize, lines: &[&str]) -> Block {
        Block {
            at,
            lines: lines.iter().map(|l| (*l).to_owned()).collect(),
        }
    }

    fn owners(attached: &[(Block, Option<usize>)]) -> Vec<(usize, Vec<&str>, Option<usize>)> {
        attached
            .iter()
            .map(|(b, o)| (b.at, b.lines.iter().map(String::as_str).collect(), *o))
            .collect()
    }

    #[test]
    fn a_headline_directly_above_a_body_beats_equal_words_in_the_body_before() {
        // Both bodies name 机器人; the block stands right over the second.
        let a = vec!["消费者网购扫地机器人后申请退货，被拒。".to_owned()];
        let b = vec!["本报讯 在高新区的机器人超级工厂，机械臂正在安装。".to_owned()];
        let targets = [
            Target {
                span: (0, 9),
                paragraphs: &a,
                dated: false,
            },
            Target {
                span: (11, 20),
                paragraphs: &b,
                dated: true,
            },
        ];
        let attached = attach(vec![block(10, &["机器人造机器人"])], &targets);
        assert_eq!(
            owners(&attached),
            vec![(10, vec!["机器人造机器人"], Some(1))]
        );
    }

    #[test]
    fn side_by_side_headlines_read_as_one_block_are_cut_apart() {
        let swim = vec!["全国游泳冠军赛次日，两项全国纪录被打破，选手状态出色。".to_owned()];
        let heat =
            vec!["本报讯 持续高温天气下，全市用电负荷3次刷新纪录，电网运行平稳。".to_owned()];
        let targets = [
            Target {
                span: (3, 9),
                paragraphs: &swim,
                dated: false,
            },
            Target {
                span: (12, 20),
                paragraphs: &heat,
                dated: true,
            },
        ];
        let blocks = vec![
            block(10, &["全国游泳冠军赛次日", "持续高温验电网"]),
            block(12, &["全市用电负荷3次刷新纪录"]),
        ];
        let attached = attach(blocks, &targets);
        assert_eq!(
            owners(&attached),
            vec![
                (10, vec!["全国游泳冠军赛次日"], Some(0)),
                (11, vec!["持续高温验电网"], Some(1)),
                (12, vec!["全市用电负荷3次刷新纪录"], Some(1)),
            ]
        );
    }

    #[test]
    fn an_article_left_without_a_headline_takes_one_that_costs_little() {
        // Both first blocks stand over the first body; the second shares
        // a word only with two later bodies, as much as its place gives it
        // with the first body. The second body, which no block stands
        // over, takes it.
        let a = vec!["港口吞吐量创新高，集装箱航线增加。".to_owned()];
        let b = vec!["码头工人坐进办公室，远程操作桥吊。".to_owned()];
        let c = vec!["电站首台机组发电，桥吊吊装转子。".to_owned()];
        let targets = [
            Target {
                span: (4, 9),
                paragraphs: &a,
                dated: false,
            },
            Target {
                span: (10, 15),
                paragraphs: &b,
                dated: false,
            },
            Target {
                span: (17, 20),
                paragraphs: &c,
                dated: false,
            },
        ];
        let blocks = vec![
            block(0, &["港口吞吐量创新高"]),
            block(2, &["桥吊今日启用"]),
            block(16, &["电站首台机组"]),
        ];
        let attached = attach(blocks, &targets);
        assert_eq!(
            owners(&attached),
            vec![
                (0, vec!["港口吞吐量创新高"], Some(0)),
                (2, vec!["桥吊今日启用"], Some(1)),
                (16, vec!["电站首台机组"], Some(2)),
            ]
        );
    }

    #[test]
    fn a_dated_body_with_no_headline_takes_the_only_block_of_an_undated_one() {
        // Training edition ed02 (pdftotext): `本报南通2月26日电…` read
        // before its headline, and the body's next column under it; the
        // words of the second headline line favour the column under it.
        let paragraphs = vec!["x".to_owned()];
        let target = |span, dated| Target {
            span,
            paragraphs: &paragraphs,
            dated,
        };
        let targets = [target((50, 75), true), target((79, 119), false)];
        let unit = |line, scores: Vec<f64>| Unit {
            block: 0,
            line,
            lo: 0,
            scores,
            owner: 1,
        };
        let mut units = vec![unit(0, vec![3.8, 4.0]), unit(1, vec![2.8, 5.5])];
        cover(&mut units, &targets);
        assert!(units.iter().all(|u| u.owner == 0));
        // Between two undated bodies, the only block stays.
        let targets = [target((50, 75), false), target((79, 119), false)];
        let mut units = vec![unit(0, vec![3.8, 4.0]), unit(1, vec![2.8, 5.5])];
        cover(&mut units, &targets);
        assert!(units.iter().all(|u| u.owner == 1));
    }

    #[test]
    fn a_line_wider_than_its_marks_allow_under_finished_text_is_a_headline() {
        // Training edition ed01 (pdftotext): one `：` cannot make a line of
        // full-width characters two half-units wider than the column, and
        // the measure (35) sits a half-unit over the column of ideographs
        // (34), which the first line under it (30) is an indent short of.
        let text = "分方式看，铁路客运量1060万人\n次，同比增长6.3%；公路人员流动量\n\
                    1.69亿人次，其中高速公路及普通国省\n通运输部门还加强了高速公路服务区充\n\
                    电设施保障，全国高速公路服务区已累\n计建成充电桩3.5万个。\n\n\
                    走进自动化码头：桥吊司机坐进了办公室\n在青港集团前湾自动化码头，数十\n\
                    台蓝色桥吊沿岸线一字排开，自动导引\n车在堆场和岸边之间往来穿行，偌大的\n\
                    作业现场几乎看不到人影。\n";
        let edition = crate::edition::parse::parse(text);
        let titles: Vec<String> = edition
            .articles()
            .map(|a| a.headline.lines().collect::<Vec<_>>().join("/"))
            .collect();
        assert!(
            titles.contains(&"走进自动化码头：桥吊司机坐进了办公室".to_owned()),
            "{titles:?}"
        );
        assert_eq!(
            compressible_marks("走进自动化码头：桥吊司机坐进了办公室"),
            1
        );
        assert_eq!(compressible_marks("——交易额超1500亿美元"), 0);
    }

    #[test]
    fn a_dash_led_line_under_a_headline_is_its_subtitle() {
        let text = "订单排到2029年\n——江东船企满负荷生产\n订单饱满带动了用工需\n\
                    求。企业今年计划新招技术\n工人1500名，目前已与当\n\
                    地6所职业院校开展订单式\n培养。为缓解电焊、涂装\n\
                    等工种的招工难，企业在\n分段车间新上了12条智能\n\
                    化焊接生产线，单条生产\n线可替代20名焊工。\n";
        let edition = crate::edition::parse::parse(text);
        let article = edition.articles().next().expect("an article");
        let lines: Vec<&str> = article.headline.lines().collect();
        assert_eq!(lines, ["订单排到2029年", "——江东船企满负荷生产"]);
        assert!(article.paragraphs[0].starts_with("订单饱满"));
    }

    #[test]
    fn a_dash_led_line_wider_than_the_column_is_a_subtitle_even_in_mid_sentence() {
        // The headline set right of the first column, read in mid-sentence.
        let text = "本报讯 6月20日晚，市公安局\n交警支队启动夏夜酒驾集中整\n\
                    治行动，首晚查处酒后驾驶违\n法行为27起，其中醉酒驾驶\n\
                    9起。民警在城东烧烤街附近\n的检查点拦下一辆轿车，随即带\n\
                    夏夜酒驾整治启动\n——重点查处烧烤夜市周边地段\n\
                    驾驶人前往医院抽血。交警支\n队有关负责人介绍，夏季夜间\n\
                    聚餐增多，酒驾违法行为呈现\n高发态势，整治将持续三个月。\n";
        let edition = crate::edition::parse::parse(text);
        let article = edition.articles().next().expect("an article");
        let lines: Vec<&str> = article.headline.lines().collect();
        assert_eq!(lines, ["夏夜酒驾整治启动", "——重点查处烧烤夜市周边地段"]);
        assert_eq!(edition.articles().count(), 1);
    }

    #[test]
    fn a_dash_led_subtitle_is_a_headline_line_whatever_opens_the_body() {
        // `谷歌、` reads like a line continuing the one above it.
        let text = "他笑着说：“这事儿我得去问\n问。”（何静）\n\n东南亚电商规模扩大\n\n\
                    ——交易额超1500亿美元\n\n谷歌、淡马锡和贝恩公司近日\n\
                    联合发布的年度报告显示，东南\n亚地区电子商务交易总额达到\n\
                    1500亿美元，同比增长两成。\n";
        let edition = crate::edition::parse::parse(text);
        let article = edition.articles().last().expect("an article");
        let lines: Vec<&str> = article.headline.lines().collect();
        assert_eq!(lines, ["东南亚电商规模扩大", "——交易额超1500亿美元"]);
    }

    #[test]
    fn a_line_as_wide_as_the_column_over_a_first_line_is_a_headline() {
        let text = "市电力公司提醒市民在用电高\n峰时段合理设置空调温度，在\n\
                    二十六度以上，错峰使用大功\n率电器，共同维护电网安全。\n\
                    （许文）\n\n首座油氢合建站在高新投运\n\n五月十六日，全市首座油\n\
                    氢合建站在北环路正式投运，\n该站在原有加油站基础上改建\n\
                    而成，日加氢能力达到五百公\n斤，可满足百辆公交车需求。\n";
        let edition = crate::edition::parse::parse(text);
        let article = edition.articles().last().expect("an article");
        let lines: Vec<&str> = article.headline.lines().collect();
        assert_eq!(lines, ["首座油氢合建站在高新投运"]);
        assert!(article.paragraphs[0].starts_with("五月十六日"));
    }

    #[test]
    fn a_full_line_under_a_comma_line_over_a_headline_is_body() {
        let text = "市民公园改造完工开放\n\n本报讯 经过半年施工，市民公\n                    园改造工程日前完工，园内新增\n步道三公里，栽种花木两万余株\n                    ，并设置了多处休息亭和直饮水\n点。\n  周末的公园格外热闹。上\n                    午，不少家长带着孩子来到新建\n的儿童乐园，滑梯和沙池前排起\n                    长队，附近居民说这里终于有了\n像样的游玩地方，周边商户的生\n                    意也跟着好起来了许多人都愿意\n旧城区自来水管网更新启动\n                    \n本报讯 旧城区自来水管网更新\n工程昨日启动，计划年内完成四\n                    十公里老旧管道的更换。\n";
        let edition = crate::edition::parse::parse(text);
        let first = edition.articles().next().expect("an article");
        let lines: Vec<&str> = first.headline.lines().collect();
        assert_eq!(lines, ["市民公园改造完工开放"]);
        assert!(
            first
                .paragraphs
                .last()
                .expect("a paragraph")
                .ends_with("许多人都愿意")
        );
        let last = edition.articles().last().expect("an article");
        let lines: Vec<&str> = last.headline.lines().collect();
        assert_eq!(lines, ["旧城区自来水管网更新启动"]);
    }

    #[test]
    fn a_first_line_broken_before_a_run_of_digits_is_body() {
        assert!(broke_before_run(24, "2029年，船台和船坞几乎没有空档", 31));
        assert!(!broke_before_run(20, "2029年，船台和船坞几乎没有空档", 31));
        assert!(!broke_before_run(24, "船台和船坞几乎没有空档期。", 31));
    }

    #[test]
    fn a_short_line_of_ideographs_set_apart_over_a_headline_is_a_kicker() {
        let text = "茶园里采摘明前茶。（本报通讯员\n\n宁州港上半年\n集装箱吞吐量创新高\n\
                    本报讯 7月9日，记者陆海\n峰报道：今天，宁州港集团发布\n\
                    上半年生产数据：1至6月，全港\n完成集装箱吞吐量一千二百万标\n\
                    准箱，同比增长百分之九点六。\n";
        let despaced = super::super::lines::despace_page(text);
        let mut page = PageLines::new(text, &despaced, false, None);
        page.roles.iter_mut().for_each(|r| *r = Role::Body);
        let at = |t: &str| page.lines.iter().position(|l| l.text == t).expect(t);
        let (kicker, title) = (at("宁州港上半年"), at("集装箱吞吐量创新高"));
        page.roles[title] = Role::Headline;
        assert!(kicker_over_headline(&page, kicker));
        page.roles[title] = Role::Body;
        assert!(!kicker_over_headline(&page, kicker));
    }

    #[test]
    fn a_first_line_broken_before_an_opening_quote_is_body() {
        assert!(broke_before_run(20, "“高铁经济”。遵义、都匀等", 27));
        assert!(!broke_before_run(16, "“高铁经济”。遵义、都匀等", 27));
    }

    #[test]
    fn a_line_an_indent_short_of_the_two_lines_under_it_opens_a_paragraph() {
        let text = "有經常乘搭的士的市民則歡\n迎新制度，認為可改善司機服務\n\
                    態度及車廂衞生，並期望日後可\n";
        let despaced = super::super::lines::despace_page(text);
        let mut page = PageLines::new(text, &despaced, false, None);
        page.roles.iter_mut().for_each(|r| *r = Role::Body);
        assert!(indent_short_of_column(&page, page.lines[0].width, 1));
        assert!(!indent_short_of_column(&page, page.lines[0].width - 2, 1));
    }

    #[test]
    fn a_line_under_a_headline_over_a_narrower_unfinished_line_is_a_deck() {
        let text = "七成受访者认为政府应对米价上涨\n的措施不够及时。\n\n省运会首设电竞项目\n\n\
                    “00后”选手在键盘上拼出金牌\n\n9月14日，第十七届省运会电子\n\
                    竞技项目决赛在市奥体中心体育馆\n举行。经过三天的激烈角逐，江城\n\
                    代表队夺得团体金牌，队员平均年\n龄不满二十岁。\n";
        let edition = crate::edition::parse::parse(text);
        let article = edition.articles().last().expect("an article");
        let lines: Vec<&str> = article.headline.lines().collect();
        assert_eq!(lines, ["省运会首设电竞项目", "“00后”选手在键盘上拼出金牌"]);
        assert!(article.paragraphs[0].starts_with("9月14日"));
    }

    #[test]
    fn a_stack_of_unpunctuated_lines_over_a_first_line_is_a_headline() {
        let text = "巴拿马运河通行量逐步恢复\n日均通航船只明显增加\n\n\
                    巴拿马运河管理局日前表\n示，随着雨季降水增多，加通\n\
                    湖水位回升，运河通行能力正\n逐步恢复，日均通航船只增至\n\
                    三十艘，接近往年同期水平，\n排队等候的货船数量明显减少\n\
                    运费也随之回落到正常区间。\n";
        let edition = crate::edition::parse::parse(text);
        let article = edition.articles().next().expect("an article");
        let lines: Vec<&str> = article.headline.lines().collect();
        assert_eq!(lines, ["巴拿马运河通行量逐步恢复", "日均通航船只明显增加"]);
    }

    #[test]
    fn shared_bigrams_count_content_overlap() {
        assert_eq!(bigram_count("吉佳蓝公司", "韩国吉佳蓝公司与我市"), 4);
        assert_eq!(bigram_count("吉佳蓝", "市委常委会"), 0);
    }

    #[test]
    fn shorter_lines_block_is_the_title() {
        let blocks = vec![
            vec![
                "市委常委会会议暨市委财经委员会会议召开".to_owned(),
                "分析全市上半年经济形势，研究部署下一阶段工作".to_owned(),
            ],
            vec![
                "坚定信心决心 争取更好结果".to_owned(),
                "为全省发展大局作出应有贡献".to_owned(),
            ],
        ];
        let h = parts(&blocks);
        assert_eq!(h.kicker.len(), 2);
        assert_eq!(h.title, blocks[1]);
    }

    #[test]
    fn a_subtitle_broken_over_lines_keeps_its_order() {
        let blocks = vec![
            vec!["海州国际机场T3航站楼投运".to_owned()],
            vec!["——年旅客保障能力".to_owned(), "提升至4500万人次".to_owned()],
        ];
        let h = parts(&blocks);
        assert_eq!(h.title, blocks[0]);
        assert_eq!(h.subtitle, blocks[1]);
    }

    #[test]
    fn a_subtitle_read_before_its_title_follows_it() {
        let blocks = vec![
            vec!["——检方提起公益诉讼".to_owned()],
            vec!["非法倾倒危废被判赔修复费".to_owned()],
        ];
        let h = parts(&blocks);
        assert_eq!(h.title, blocks[1]);
        assert_eq!(h.subtitle, blocks[0]);
    }

    #[test]
    fn dash_marks_kicker_and_subtitle() {
        let blocks = vec![vec![
            "引题——".to_owned(),
            "主题".to_owned(),
            "——副题".to_owned(),
        ]];
        let h = parts(&blocks);
        assert_eq!(h.kicker, vec!["引题——"]);
        assert_eq!(h.title, vec!["主题"]);
        assert_eq!(h.subtitle, vec!["——副题"]);
    }
}
