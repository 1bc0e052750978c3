//! Layout recovery: normalised edition text (see [`super::decode`]) to an
//! [`Edition`].
//!
//! The input is what a PDF extractor or OCR engine wrote: one line per
//! printed column line, blank lines in unreliable places, headlines before,
//! after or far from their bodies, page furniture among the text, and a
//! form feed (`\f`) between pages. Each page is read in these steps, each in
//! its own module with the evidence it relies on:
//! 0. `parse::layout`: unfold side-by-side columns (`pdftotext -layout`);
//! 1. `parse::lines`: clean and measure lines (justification spaces, widths);
//! 2. `parse::furniture` and `parse::credits`: give furniture, captions, jump lines
//!    and credit lines their roles, by shape;
//! 3. `parse::columns`: estimate the local column measure;
//! 4. `parse::headline::mark`, `parse::headline::mark_insets` and
//!    `parse::headline::mark_echoes`: tell headline lines
//!    from body lines;
//! 5. `parse::interleave`: split a block of two columns whose lines an
//!    extractor alternated; `parse::blocks`: put back a column read out of
//!    order; `parse::continuity`: give each column block that stops in
//!    mid-sentence the block that continues it, as one assignment over the
//!    page weighed by the edition's char counts; then `parse::blocks`
//!    rejoins body lines into paragraphs and article segments;
//! 6. `parse::headline::attach`: give each headline block to the article whose
//!    body shares most of its words (position only breaks ties); then
//!    `parse::split`: split a body that holds several articles run together
//!    where a paragraph opens that repeats some of its headline lines'
//!    words and not the others'.
//!
//! Then a body split by its own headline read between its columns, and
//! segments split by a page jump (`（下转第2版）` … `（上接第1版）`) or
//! by an interleaved article are joined, and the dateline and byline are
//! read off each article (`parse::credits`). English OCR pages (mostly Latin
//! letters) use the rules of `parse::english` for steps 2, 4, 5 and 6: decks,
//! wire datelines and credits, masthead noise, undone hyphens.
//!
//! Invariant: every non-whitespace char of the input ends up exactly once
//! in the edition (headline, paragraph, byline credit, caption or page
//! furniture), except what [`Edition::dropped`] counts. Every step is
//! linear in the input.

mod blocks;
mod columns;
mod compilation;
mod continuity;
pub(crate) mod credits;
mod english;
pub(crate) mod furniture;
mod headline;
mod interleave;
mod layout;
mod lines;
mod page;
mod split;

use super::{Article, ArticleId, Edition, Page};
use blocks::Segment;
use furniture::Furniture;
use page::{PageLines, Role};

/// Parses normalised text into an edition.
///
/// Never panics and never fails; runs in time linear in `text`. Text with
/// no recognisable article gives an edition with no articles (its pages
/// may still hold furniture). A non-empty input gives at least one page.
///
/// An edition of several pages and at least [`PARALLEL_MIN_BYTES`] is read
/// on up to [`MAX_THREADS`] threads (as many as the machine offers), a run
/// of pages each; the result is the same as [`parse_with_threads`] with
/// one thread gives.
pub fn parse(text: &str) -> Edition {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let threads = if text.len() < PARALLEL_MIN_BYTES {
        1
    } else {
        threads.min(MAX_THREADS)
    };
    parse_with_threads(text, threads)
}

/// Below this many bytes of text, [`parse`] reads the pages on one thread:
/// starting a thread costs more than reading a few pages.
pub const PARALLEL_MIN_BYTES: usize = 256 * 1024;

/// The most threads [`parse`] reads pages on.
pub const MAX_THREADS: usize = 4;

/// [`parse`] on `threads` threads (0 counts as 1), whatever the size of
/// `text`: each thread reads a run of whole pages of about equal size in
/// bytes. The edition is exactly what one thread gives.
///
/// Pages are read independently except for the column measure a page too
/// short to measure borrows from the pages before it. A run is read with no
/// measure to borrow, and its pages up to its first measured page are read
/// again with the right one once the runs before it are done (usually
/// none: nearly every page is measured). Everything else that crosses pages
/// (the edition's title and date, articles continued on a later page) is
/// put together afterwards, page by page, in order.
///
/// Never panics: a thread that failed has its pages read again on this one.
pub fn parse_with_threads(text: &str, threads: usize) -> Edition {
    if let Some(edition) = compilation::read(text) {
        return edition;
    }
    let pages: Vec<&str> = lines::split_at_byte(text, 0x0C).collect();
    let runs = page_runs(&pages, threads.max(1));
    let results: Vec<Option<Vec<PageRead>>> = std::thread::scope(|scope| {
        let pages = &pages;
        let handles: Vec<_> = runs
            .iter()
            .skip(1)
            .map(|run| {
                let run = run.clone();
                std::thread::Builder::new()
                    .name("newsreader-parse".to_owned())
                    .spawn_scoped(scope, move || read_run(pages, run, None))
            })
            .collect();
        let first = runs.first().map(|run| read_run(pages, run.clone(), None));
        std::iter::once(first)
            .chain(
                handles
                    .into_iter()
                    .map(|h| h.ok().and_then(|h| h.join().ok())),
            )
            .collect()
    });
    let mut reads: Vec<PageRead> = Vec::with_capacity(pages.len());
    let mut measure = None;
    for (run, result) in runs.into_iter().zip(results) {
        let run_reads = result.unwrap_or_else(|| read_run(&pages, run.clone(), measure));
        for (index, read) in run.zip(run_reads) {
            let read = if read.measure_in == measure {
                read
            } else {
                read_page_alone(&pages, index, measure)
            };
            measure = read.measure_out;
            reads.push(read);
        }
    }
    assemble(reads)
}

/// Splits pages into at most `threads` runs of consecutive pages, each of
/// about the same number of bytes. Always at least one run (of all pages).
fn page_runs(pages: &[&str], threads: usize) -> Vec<std::ops::Range<usize>> {
    let total: usize = pages.iter().map(|p| p.len() + 1).sum();
    let share = total.div_ceil(threads.min(pages.len()).max(1)).max(1);
    let mut runs = Vec::with_capacity(threads);
    let (mut start, mut bytes) = (0, 0);
    for (index, page) in pages.iter().enumerate() {
        bytes += page.len() + 1;
        if bytes >= share && runs.len() + 1 < threads {
            runs.push(start..index + 1);
            (start, bytes) = (index + 1, 0);
        }
    }
    if start < pages.len() || runs.is_empty() {
        runs.push(start..pages.len());
    }
    runs
}

/// One page as read on its own: what it adds to the edition, and the
/// column measure it was read with and hands on.
struct PageRead {
    page: Page,
    drafts: Vec<Draft>,
    /// The page's first title line (compacted), if any.
    title: Option<String>,
    /// The page's date line, by [`better_date`] among its own.
    date: Option<String>,
    measure_in: Option<columns::Measure>,
    measure_out: Option<columns::Measure>,
}

/// Reads the pages of `run` in order, the first with `measure` to borrow.
fn read_run(
    pages: &[&str],
    run: std::ops::Range<usize>,
    mut measure: Option<columns::Measure>,
) -> Vec<PageRead> {
    let mut reads = Vec::with_capacity(run.len());
    for index in run {
        let read = read_page_alone(pages, index, measure);
        measure = read.measure_out;
        reads.push(read);
    }
    reads
}

/// Reads page `index` (0-based) of `pages` with `measure` to borrow; the
/// pages around it are its [`continuity::context`].
fn read_page_alone(pages: &[&str], index: usize, measure: Option<columns::Measure>) -> PageRead {
    let text = pages.get(index).copied().unwrap_or_default();
    let context = continuity::context(pages, index);
    let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
    // Decided page by page: an edition may mix scripts.
    let english = english::is_english(text);
    let mut found = Edition::default();
    let mut measure_out = measure;
    let (page, drafts) = read_page(text, context, number, english, &mut found, &mut measure_out);
    PageRead {
        page,
        drafts,
        title: found.title,
        date: found.date,
        measure_in: measure,
        measure_out,
    }
}

/// Puts the pages read together, in order: the edition's title (the first
/// page's that has one) and date (the first, or the first later one with
/// the weekday when it has none: [`better_date`]), articles continued on a
/// later page, and articles into the page their body starts on.
fn assemble(reads: Vec<PageRead>) -> Edition {
    let mut edition = Edition::default();
    let mut drafts: Vec<Draft> = Vec::new();
    for read in reads {
        if edition.title.is_none() {
            edition.title = read.title;
        }
        if let Some(date) = read.date
            && better_date(edition.date.as_deref(), &date)
        {
            edition.date = Some(date);
        }
        edition.dropped += read.drafts.iter().map(|d| d.segment.dropped).sum::<usize>();
        edition.pages.push(read.page);
        join_continuations(&mut drafts, read.drafts);
    }
    for draft in drafts.into_iter().filter(|d| !d.is_empty()) {
        let index = usize::try_from(draft.page.saturating_sub(1)).unwrap_or(0);
        let article = draft.finish();
        if let Some(page) = edition.pages.get_mut(index) {
            page.articles.push(article);
        }
    }
    // A form feed ending the last page (mutool, pdftotext) opens no page;
    // blank pages inside the edition keep their place in the numbering.
    while edition.pages.len() > 1
        && edition
            .pages
            .last()
            .is_some_and(|p| p.articles.is_empty() && p.furniture.is_empty())
    {
        edition.pages.pop();
    }
    number_repeated_ids(&mut edition);
    edition
}

/// Makes article ids unique within the edition: an article whose id (title
/// and first 64 chars of body, [`ArticleId::derive`]) an earlier article
/// already has — the same story printed twice, or a recurring item whose
/// opening words do not change — gets `-2`, `-3`, … after it, in reading
/// order. Bookmarks, reading positions and read marks name articles by id,
/// so without this they would all land on the first of them.
fn number_repeated_ids(edition: &mut Edition) {
    let mut seen: rustc_hash::FxHashMap<String, usize> = rustc_hash::FxHashMap::default();
    for article in edition.pages.iter_mut().flat_map(|p| &mut p.articles) {
        let count = seen.entry(article.id.0.clone()).or_insert(0);
        *count += 1;
        if *count > 1 {
            article.id = ArticleId(format!("{}-{}", article.id.0, count));
        }
    }
}

/// An article being assembled.
#[derive(Debug, Clone, Default)]
pub(crate) struct Draft {
    /// The 1-based page the body starts on.
    pub page: u32,
    /// The body so far.
    pub segment: Segment,
    /// Headline blocks, in page order.
    pub headline: Vec<Vec<String>>,
    /// Captions and notes.
    pub captions: Vec<String>,
    /// True for an article of an English OCR page.
    pub english: bool,
}

impl Draft {
    fn is_empty(&self) -> bool {
        self.headline.is_empty()
            && self.segment.paragraphs.is_empty()
            && self.captions.is_empty()
            && self.segment.credit.is_none()
    }

    fn finish(self) -> Article {
        let headline = if self.english {
            headline::parts_english(&self.headline)
        } else {
            headline::parts(&self.headline)
        };
        let mut paragraphs = self.segment.paragraphs;
        let mut byline = None;
        let mut printed: Vec<String> = Vec::new();
        if let Some(c) = self.segment.credit {
            byline = Some(english::credit_name(&c).unwrap_or_else(|| credit_name(&c)));
            printed.push(c);
        }
        if let Some(last) = paragraphs.pop() {
            match credits::split_closing(&last) {
                Some((keep, name)) if !name.ends_with('摄') => {
                    printed.push(last[keep.len()..].trim().to_owned());
                    byline = Some(name.to_owned());
                    if !keep.is_empty() {
                        paragraphs.push(keep.to_owned());
                    }
                }
                _ => paragraphs.push(last),
            }
        }
        let dateline = paragraphs
            .first()
            .and_then(|p| credits::dateline_len(p).map(|n| p[..n].to_owned()))
            .or_else(|| paragraphs.first().and_then(|p| english::dateline(p)));
        Article {
            id: ArticleId::derive(&headline, &paragraphs),
            headline,
            dateline,
            byline,
            byline_printed: (!printed.is_empty()).then(|| printed.join(" ")),
            paragraphs,
            captions: self.captions,
            source: None,
        }
    }
}

/// The name in an own-line credit: `本报记者 张三` (or `本報記者 張三`)
/// gives `张三`.
fn credit_name(line: &str) -> String {
    let line = line.trim_start_matches(credits::CREDIT_MARKS);
    let folded = lines::fold_traditional(line);
    let prefix = credits::CREDIT_PREFIXES
        .iter()
        .find(|k| folded.starts_with(*k))
        .map_or(0, |k| k.len());
    line[prefix..].trim().to_owned()
}

/// Reads one page (`english`: an English OCR page, see [`english`]): its
/// furniture into a [`Page`] (and the edition's title
/// and date), its articles into drafts. `measure` is the column measure
/// of the latest earlier page set in columns, updated with this page's.
/// `context`: the pages around it, whose text tells how likely the chars
/// meeting at a column break are ([`continuity`]).
fn read_page(
    text: &str,
    context: &[&str],
    number: u32,
    english: bool,
    edition: &mut Edition,
    measure: &mut Option<columns::Measure>,
) -> (Page, Vec<Draft>) {
    let unfolded = layout::split_columns(text);
    let text = unfolded.as_deref().unwrap_or(text);
    let despaced = lines::despace_page(text);
    let mut lines = PageLines::new(text, &despaced, english, *measure);
    if lines.measure.is_some() {
        *measure = lines.measure;
    }
    if !english {
        mark_headlines(&mut lines);
        restore_reading_order(&mut lines, context, unfolded.is_some());
    }
    trace_roles(&lines);
    let segments = merge_interleaved(blocks::segments(&lines));
    let attached = attach_headlines(&lines, &segments, english);
    let (mut drafts, headline_at) = page_drafts(number, english, segments, attached);
    if english {
        fold_deck_tails(&mut drafts);
    } else {
        drafts = join_headline_split(drafts, &headline_at);
        drafts = split_run_together(drafts);
    }
    let mut page = Page {
        number,
        ..Page::default()
    };
    collect_furniture(&lines, &mut drafts, &mut page, edition);
    (page, drafts)
}

/// Tells a (not English) page's headline lines from its body lines (step
/// 4 of the module doc), and gives an editor's note under a headline to
/// the body.
fn mark_headlines(lines: &mut PageLines) {
    headline::mark(lines);
    lines.notes_under_headlines();
    headline::mark_insets(lines);
    headline::mark_echoes(lines);
}

/// Puts a (not English) page's body lines back in reading order (step 5
/// of the module doc): columns an extractor interleaved, a column or line
/// read out of order, and the column that continues each one stopping in
/// mid-sentence (`context`: the pages around it, see [`continuity`]).
/// Columns `unfolded` from side by side ([`layout`]) come in their
/// printed order and are not reordered by continuity.
fn restore_reading_order(lines: &mut PageLines, context: &[&str], unfolded: bool) {
    interleave::restore_interleaved_columns(lines);
    blocks::restore_late_column(lines);
    blocks::restore_early_line(lines);
    if !unfolded {
        continuity::restore_continuations(lines, context);
    }
}

/// Gives each headline block of the page to the article segment it heads
/// (step 6 of the module doc; on an English page, the segment under it):
/// each block with the index of its segment, or `None`.
fn attach_headlines(
    lines: &PageLines,
    segments: &[Segment],
    english: bool,
) -> Vec<(headline::Block, Option<usize>)> {
    let blocks = headline::blocks(lines);
    let targets: Vec<headline::Target<'_>> = segments
        .iter()
        .map(|s| headline::Target {
            span: s.span,
            paragraphs: &s.paragraphs,
            dated: s.dated,
        })
        .collect();
    let attached: Vec<(headline::Block, Option<usize>)> = if english {
        let owners = headline::attach_below(&blocks, &targets);
        blocks.into_iter().zip(owners).collect()
    } else {
        headline::attach(blocks, &targets)
    };
    trace_attach(&targets, &attached);
    attached
}

/// The drafts of page `number`: one per segment, in order, with the
/// headline blocks `attached` to it; a block attached to no segment
/// makes a draft of its own (after them). Also gives, for each segment's
/// draft, the page line of the last headline block attached to it.
fn page_drafts(
    number: u32,
    english: bool,
    segments: Vec<Segment>,
    attached: Vec<(headline::Block, Option<usize>)>,
) -> (Vec<Draft>, Vec<Option<usize>>) {
    let mut drafts: Vec<Draft> = segments
        .into_iter()
        .map(|segment| Draft {
            page: number,
            segment,
            english,
            ..Draft::default()
        })
        .collect();
    let mut headline_at: Vec<Option<usize>> = vec![None; drafts.len()];
    for (block, owner) in attached {
        if let Some(at) = owner.and_then(|k| headline_at.get_mut(k)) {
            *at = Some(block.at);
        }
        match owner.and_then(|k| drafts.get_mut(k)) {
            Some(d) => d.headline.push(block.lines),
            None => drafts.push(Draft {
                page: number,
                segment: Segment {
                    span: (block.at, block.at),
                    ..Segment::default()
                },
                headline: vec![block.lines],
                ..Draft::default()
            }),
        }
    }
    (drafts, headline_at)
}

/// With `NEWSREADER_TRACE_ROLES` set in a debug build, prints each line's
/// role and measure to stderr: the parser's developers' view of a page.
fn trace_roles(lines: &PageLines) {
    if !cfg!(debug_assertions) || std::env::var_os("NEWSREADER_TRACE_ROLES").is_none() {
        return;
    }
    for (i, line) in lines.lines.iter().enumerate() {
        let m = lines.measure_at(i);
        eprintln!(
            "{i:4} {:>12} w{:3}/{:3}{} {}{}{}",
            format!("{:?}", lines.roles[i]),
            line.width,
            m.full,
            if m.columnar { "" } else { "f" },
            if line.blank_before { "_" } else { " " },
            if line.candidate { "c " } else { "  " },
            line.text
        );
    }
    eprintln!("\u{c}");
}

/// With `NEWSREADER_TRACE_ROLES` set in a debug build, prints the page's
/// article segments and which one each headline block went to.
fn trace_attach(targets: &[headline::Target<'_>], attached: &[(headline::Block, Option<usize>)]) {
    if !cfg!(debug_assertions) || std::env::var_os("NEWSREADER_TRACE_ROLES").is_none() {
        return;
    }
    for (k, t) in targets.iter().enumerate() {
        let text: String = t.paragraphs.concat().chars().take(16).collect();
        eprintln!("segment {k:2} {:4}..{:4} {text}", t.span.0, t.span.1);
    }
    for (b, owner) in attached {
        eprintln!("block {:4} -> {owner:?} {}", b.at, b.lines.join(" / "));
    }
}

/// English decks end in lower-case lines the deck test cannot tell from
/// body (`For Mayorality in thef` / `Saintly City.`). When a headed draft
/// is only such a scrap (one short paragraph, no dateline) and the next
/// draft opens with a dateline or credit, the scrap is the deck's last
/// line and the deck belongs to the next draft.
fn fold_deck_tails(drafts: &mut [Draft]) {
    for k in 0..drafts.len().saturating_sub(1) {
        let scrap = {
            let d = &drafts[k];
            !d.headline.is_empty()
                && !d.segment.dated
                && d.segment.paragraphs.len() == 1
                && d.segment.paragraphs[0].chars().count() <= 80
        };
        let next = &drafts[k + 1];
        let next_opens = next.headline.is_empty()
            && (next.segment.credit.is_some()
                || next
                    .segment
                    .paragraphs
                    .first()
                    .is_some_and(|p| english::dateline(p).is_some()));
        if scrap && next_opens {
            let mut headline = std::mem::take(&mut drafts[k].headline);
            headline.push(std::mem::take(&mut drafts[k].segment.paragraphs));
            drafts[k + 1].headline = headline;
        }
    }
}

/// Joins a draft to the headed draft before it when that article's own
/// headline was read between them (pdfminer, `wuxi-d` page 2: the first
/// column `本报讯…参加调研。`, then the headline set over all three
/// columns, then the other two columns): the later draft has no headline,
/// dateline, own-line credit or jump mark, the earlier one no closing
/// byline or jump, and the headline's page line `headline_at[k]` lies
/// after the earlier body and before the later one.
fn join_headline_split(drafts: Vec<Draft>, headline_at: &[Option<usize>]) -> Vec<Draft> {
    let mut out: Vec<Draft> = Vec::with_capacity(drafts.len());
    for (k, d) in drafts.into_iter().enumerate() {
        let at = k
            .checked_sub(1)
            .and_then(|p| headline_at.get(p).copied().flatten());
        let own = headline_at.get(k).copied().flatten();
        match (out.last_mut(), at) {
            (Some(head), Some(at))
                if own.is_none()
                    && d.headline.is_empty()
                    && head.segment.span.1 < at
                    && at < d.segment.span.0
                    && !head.segment.closed
                    && !head.segment.continues
                    && !d.segment.dated
                    && !d.segment.continued
                    && d.segment.credit.is_none() =>
            {
                append_segment(&mut head.segment, d.segment);
            }
            _ => out.push(d),
        }
    }
    out
}

/// Splits each draft whose body holds several articles, run together with
/// nothing in the text between them, by its headline lines' words
/// ([`split`]): the second article takes the paragraphs from its lede on,
/// the headline lines whose words they hold, and the body's ending (open
/// sentence, byline, jump); the first keeps its start (dateline, credit)
/// and the captions. Each part is split again while the words allow.
fn split_run_together(drafts: Vec<Draft>) -> Vec<Draft> {
    let mut out: Vec<Draft> = Vec::with_capacity(drafts.len());
    let mut todo: Vec<Draft> = drafts.into_iter().rev().collect();
    while let Some(mut draft) = todo.pop() {
        match run_together_cut(&draft) {
            Some(cut) => {
                let later = split_draft(&mut draft, &cut);
                todo.push(later);
                todo.push(draft);
            }
            None => out.push(draft),
        }
    }
    out
}

/// Where `draft`'s body holds a second article, by its headline lines'
/// words ([`split::best_split`]), when its headline lines cannot all be
/// one headline's ([`split::two_headlines`]).
fn run_together_cut(draft: &Draft) -> Option<split::Split> {
    let lines: Vec<&str> = draft
        .headline
        .iter()
        .flatten()
        .map(String::as_str)
        .collect();
    let blocks: Vec<usize> = draft
        .headline
        .iter()
        .enumerate()
        .flat_map(|(b, block)| std::iter::repeat_n(b, block.len()))
        .collect();
    split::best_split(&lines, &draft.segment.paragraphs)
        .filter(|cut| split::two_headlines(&cut.second, &blocks))
}

/// Cuts `draft` at `cut`: it keeps its start and the headline lines that
/// stay; the returned draft (the second article) takes the paragraphs
/// from `cut.at` on, the other headline lines (in their blocks) and the
/// body's ending (open sentence, byline, jump).
fn split_draft(draft: &mut Draft, cut: &split::Split) -> Draft {
    let mut flags = cut.second.iter();
    let mut first_head: Vec<Vec<String>> = Vec::new();
    let mut second_head: Vec<Vec<String>> = Vec::new();
    for block in std::mem::take(&mut draft.headline) {
        let (b, a): (Vec<String>, Vec<String>) = block
            .into_iter()
            .partition(|_| *flags.next().unwrap_or(&false));
        if !a.is_empty() {
            first_head.push(a);
        }
        if !b.is_empty() {
            second_head.push(b);
        }
    }
    draft.headline = first_head;
    let end = draft.segment.span.1;
    let second = Segment {
        span: (end, end),
        paragraphs: draft.segment.paragraphs.split_off(cut.at),
        open: std::mem::take(&mut draft.segment.open),
        closed: std::mem::take(&mut draft.segment.closed),
        continues: std::mem::take(&mut draft.segment.continues),
        ..Segment::default()
    };
    Draft {
        page: draft.page,
        segment: second,
        headline: second_head,
        captions: Vec::new(),
        english: draft.english,
    }
}

/// Joins a segment that resumes an article interleaved with another
/// (pdftotext reads three columns of a banner article, then a whole other
/// article, then the banner's last two columns): a segment with no
/// dateline, credit or jump mark goes to the latest earlier segment on the
/// page that stopped in mid-sentence.
fn merge_interleaved(segments: Vec<Segment>) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::with_capacity(segments.len());
    for s in segments {
        let resumable = !s.dated && !s.continued && s.credit.is_none();
        // Only the last few segments are looked at: linear on any page.
        let target = out
            .iter()
            .enumerate()
            .rev()
            .take(8)
            .find(|(_, t)| t.open && !t.closed && !t.continues)
            .map(|(k, _)| k)
            .filter(|&k| resumable && k + 1 < out.len());
        match target {
            Some(k) => append_segment(&mut out[k], s),
            None => out.push(s),
        }
    }
    out
}

/// Appends `tail` to `head`, continuing `head`'s last paragraph when it
/// stopped in mid-sentence.
fn append_segment(head: &mut Segment, tail: Segment) {
    let mut paragraphs = tail.paragraphs.into_iter();
    if head.open
        && let Some(last) = head.paragraphs.last_mut()
        && let Some(first) = paragraphs.next()
    {
        lines::join_into(last, &first);
    }
    head.paragraphs.extend(paragraphs);
    head.credit = match (head.credit.take(), tail.credit) {
        (Some(a), Some(b)) => Some(format!("{a} {b}")),
        (a, b) => a.or(b),
    };
    head.span.1 = head.span.1.max(tail.span.1);
    head.dropped += tail.dropped;
    head.open = tail.open;
    head.closed = tail.closed;
    head.continues = tail.continues;
}

/// Appends a page's drafts, joining a `（上接第N版）` half to the article
/// waiting for it (the latest one that ended with `（下转第N版）`).
fn join_continuations(drafts: &mut Vec<Draft>, page_drafts: Vec<Draft>) {
    for d in page_drafts {
        if d.segment.continued
            && let Some(head) = drafts
                .iter_mut()
                .rev()
                .take(64)
                .find(|h| h.segment.continues)
        {
            append_segment(&mut head.segment, d.segment);
            head.headline.extend(d.headline);
            head.captions.extend(d.captions);
            continue;
        }
        drafts.push(d);
    }
}

/// Gives furniture lines to the page (and edition title and date), and
/// captions to the nearest article on the page.
fn collect_furniture(
    lines: &PageLines,
    drafts: &mut [Draft],
    page: &mut Page,
    edition: &mut Edition,
) {
    let mut folio: Option<String> = None;
    let mut section: Option<String> = None;
    for (i, line) in lines.lines.iter().enumerate() {
        let text = &line.text;
        match lines.roles[i] {
            Role::Furniture(kind) => {
                match kind {
                    Furniture::Title if edition.title.is_none() => {
                        edition.title = Some(compact(text))
                    }
                    Furniture::Date if better_date(edition.date.as_deref(), text) => {
                        edition.date = Some(text.to_string());
                    }
                    Furniture::Folio if folio.is_none() => folio = Some(text.to_string()),
                    Furniture::Section if section.is_none() => section = Some(compact(text)),
                    _ => {}
                }
                page.furniture.push(text.to_string());
            }
            Role::Jump(_) => page.furniture.push(text.to_string()),
            Role::Caption => {
                // A caption or note broken over lines is one caption.
                let runs_on = i > 0
                    && lines.roles[i - 1] == Role::Caption
                    && !line.blank_before
                    && !lines.lines[i - 1].ends;
                let target = match nearest(drafts, i) {
                    Some(k) => &mut drafts[k].captions,
                    None => &mut page.furniture,
                };
                match target.last_mut() {
                    Some(last) if runs_on => lines::join_into(last, text),
                    _ => target.push(text.to_string()),
                }
            }
            Role::Body | Role::Headline | Role::Credit => {}
        }
    }
    page.label = match (folio, section) {
        (Some(f), Some(s)) if !f.contains(&s) => Some(format!("{f} {s}")),
        (Some(f), _) => Some(f),
        (None, s) => s,
    };
}

/// A date line with the weekday (`2024年7月27日 星期六`) beats one without.
fn better_date(current: Option<&str>, candidate: &str) -> bool {
    match current {
        None => true,
        Some(d) => !d.contains("星期") && candidate.contains("星期"),
    }
}

fn compact(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The draft whose body lies nearest to page line `i`. Drafts with a body
/// come first and in page order, so only the two around `i` are compared.
fn nearest(drafts: &[Draft], i: usize) -> Option<usize> {
    let bodies = drafts
        .iter()
        .take_while(|d| !d.segment.paragraphs.is_empty())
        .count();
    let pos = drafts[..bodies].partition_point(|d| d.segment.span.1 < i);
    let lo = pos.saturating_sub(1);
    let hi = (pos + 1).min(bodies);
    drafts[..hi]
        .iter()
        .enumerate()
        .skip(lo)
        .min_by_key(|(_, d)| {
            let (a, b) = d.segment.span;
            if i < a { a - i } else { i.saturating_sub(b) }
        })
        .map(|(k, _)| k)
}

#[cfg(test)]
mod tests {
    use super::{page_runs, parse};

    #[test]
    fn articles_opening_alike_under_one_title_get_distinct_ids() {
        // The same title and the same first 64 chars of body, on two pages
        // and twice on one, differing only later in the body.
        let lede = "本报讯 7月26日，市气象台发布高温橙色预警信号，预计未来三天我市最高气温将升至三十八摄氏度以上，请市民注意防暑降温，减少户外活动";
        let article = |tail: &str| format!("高温橙色预警\n\n{lede}，{tail}。（王五）\n");
        let text = format!(
            "{}\n{}\u{c}{}",
            article("并关注最新预报"),
            article("并备好防暑药品"),
            article("并错峰出行")
        );
        let edition = parse(&text);
        let ids: Vec<&str> = edition.articles().map(|a| a.id.0.as_str()).collect();
        assert_eq!(ids.len(), 3, "{ids:?}");
        assert_eq!(ids[1], format!("{}-2", ids[0]));
        assert_eq!(ids[2], format!("{}-3", ids[0]));
    }

    #[test]
    fn a_kicker_ending_in_a_colon_stays_with_its_title() {
        // mutool's text of a generated page (`ed32`, page 3): the kicker
        // ends in `：`, as body lines may, but stands alone over the title.
        let text = "\n2001年1月1日 星期一\n第03版\n社 会\n\n走进自动化码头：\n桥吊司机坐进了办公室\n\n\
                    在青港集团前湾自动化码头，数十\n\n台蓝色桥吊沿岸线一字排开，自动导引\n\
                    车在堆场和岸边之间往来穿行，偌大的\n作业现场几乎看不到人影。\n\n\
                    下午2时，一艘载箱量2.4万标准箱\n\n的超大型集装箱船刚刚靠泊。船舶系好\n\
                    缆绳不到10分钟，岸边的6台桥吊便同时\n开始作业，吊具精准地扣住甲板上的集\n\
                    装箱，平稳地放到等候在下方的自动导\n引车上。按照计划，这艘船要在这里装\n\
                    卸集装箱5800个，预计36个小时内完\n成，比同类传统码头快了约四分之一。\n";
        let edition = parse(text);
        let lines: Vec<&str> = edition
            .articles()
            .flat_map(|a| a.headline.lines())
            .collect();
        assert_eq!(lines, ["走进自动化码头：", "桥吊司机坐进了办公室"]);
    }

    #[test]
    fn a_headline_cutting_a_sentence_heads_the_article_around_it() {
        // mutool's text of a generated page (`ed14`, page 2): the title
        // sits between `…无人机正` and `在麦田上空…`, blank lines around.
        let text = "本报合肥3月20日电 （记者周亚\n\n平）春分前后，安徽北部1800多万亩\n\
                    小麦陆续进入返青拔节期。连日来，\n各地农业部门组织农技人员下沉田\n\
                    间，指导农户抓好化控防倒、追施拔\n节肥和病虫害防治，为夏粮丰收打牢\n基础。\n\n\
                    记者在宿州市埇桥区一处高标准\n\n农田示范片看到，两架植保无人机正\n\n\
                    春分时节农事忙 皖北麦田管护正当时\n\n\
                    在麦田上空往返作业，喷洒叶面肥和\n杀菌剂。示范片负责人介绍，一架无\n\
                    人机一天可作业300余亩，相当于过\n去20个劳力的工作量，药剂利用率也\n\
                    提高了三成左右。\n";
        let edition = parse(text);
        assert_eq!(edition.article_count(), 1);
        let article = edition.article(0).expect("one article");
        let lines: Vec<&str> = article.headline.lines().collect();
        assert_eq!(lines, ["春分时节农事忙 皖北麦田管护正当时"]);
        assert!(
            article
                .paragraphs
                .iter()
                .any(|p| p.contains("无人机正在麦田上空")),
            "{:?}",
            article.paragraphs
        );
    }

    #[test]
    fn a_column_line_under_one_running_on_is_no_headline() {
        // pdfminer's text of a generated page (`ed18`): the column stops
        // at `…具有较`, right over the next article's dateline. The line is
        // unpunctuated like a headline, but it continues the full line
        // above it (`…中性笔`), which is body.
        let text = "侵权，并赔偿原告经济损失\n及合理开支共计500万元。\n\n\
                    原告是一家创立于上世\n纪90年代的文具企业，其注\n\
                    册的“晨星”商标及中性笔\n产品包装在国内市场具有较\n\n\
                    本报讯 3月14日， 记\n者金晓雯 通讯员吴航报\n道：近日，杭州互联网法院\n\
                    审结一起网络购物合同纠纷\n案，认定商家在商品页面以\n\
                    “定制商品不退不换”为由\n排除消费者七日无理由退货\n的权利，相关条款无效。\n";
        let edition = parse(text);
        let headlines: Vec<&str> = edition
            .articles()
            .flat_map(|a| a.headline.lines())
            .collect();
        assert!(headlines.is_empty(), "{headlines:?}");
        let paragraphs: Vec<&String> = edition.articles().flat_map(|a| &a.paragraphs).collect();
        assert!(
            paragraphs
                .iter()
                .any(|p| p.ends_with("中性笔产品包装在国内市场具有较")),
            "{paragraphs:?}"
        );
    }

    #[test]
    fn a_headline_and_its_deck_cutting_a_sentence_head_the_article_around() {
        // mutool's text of a generated page (`ed18`, page 2): the title and
        // its `——` deck sit between `…注明“本店商` and `品均为定制款…`.
        let text = "本报讯 3月14日， 记者金晓雯 通讯员吴航报\n\n道：近日，杭州互联网法院\n\
                    审结一起网络购物合同纠纷\n案，认定商家在商品页面以\n“定制商品不退不换”为由\n\
                    排除消费者七日无理由退货\n权利的格式条款无效，判决\n商家退还货款3680元。\n\n\
                    2024年11月，消费者王\n\n女士在某电商平台购买了一\n台标价3680元的扫地机器\n\
                    人。商品页面注明“本店商\n\n无理由退货不能随意排除\n\n——法院审结网购纠纷案\n\n\
                    品均为定制款，签收后不支\n持七天无理由退货”。王女\n士收货后发现机器噪音较\n\
                    大，在未拆除外包装膜的情\n况下申请退货，遭到商家拒\n绝。协商无果后，王女士诉\n至法院。\n";
        let edition = parse(text);
        assert_eq!(edition.article_count(), 1);
        let article = edition.article(0).expect("one article");
        let lines: Vec<&str> = article.headline.lines().collect();
        assert_eq!(lines, ["无理由退货不能随意排除", "——法院审结网购纠纷案"]);
        assert!(
            article
                .paragraphs
                .iter()
                .any(|p| p.contains("本店商品均为定制款")),
            "{:?}",
            article.paragraphs
        );
    }

    #[test]
    fn a_short_block_set_apart_over_a_first_line_is_a_headline() {
        // mutool's text of a generated page (`ed27`): two short
        // unpunctuated lines between a credit and a paragraph's first line.
        let text = "节带动了本地发电机、塔\n\
                    筒、海缆等企业的订单，\n\
                    仅塔筒一项就为附近港区\n\
                    的装备企业带来了12亿元\n\
                    的合同。\n\
                    \n\
                    风电场建设也兼顾了\n\
                    \n\
                    海洋生态保护。项目环评\n\
                    阶段，建设单位对周边海\n\
                    域的鸟类迁徙通道、渔业\n\
                    资源和海底地形进行了为\n\
                    期一年的调查，风机布局\n\
                    避开了候鸟主要停歇区；\n\
                    施工期间采用气泡帷幕降\n\
                    低打桩噪声对海洋生物的\n\
                    影响，并按照每台风机约\n\
                    \n\
                    200万元的标准落实渔业资\n\
                    源生态补偿。\n\
                    \n\
                    近年来，沿海地区加\n\
                    \n\
                    快推进海上风电由近海向\n\
                    深远海拓展。统计显示，\n\
                    截至今年3月底，全省海上\n\
                    风电累计并网容量已超过\n\
                    1200万千瓦。按照规划，\n\
                    到2027年，全省还将新增\n\
                    深远海风电项目800万千\n\
                    瓦，同步推进海上风电与\n\
                    海洋牧场、海水制氢等融\n\
                    合发展。 （赵海涛）\n\
                    \n\
                    印度多地遭遇极端高温\n\
                    新德里气温达46.8℃\n\
                    \n\
                    印度气象局5月29日\n\
                    \n\
                    说，受持续热浪影响，印\n\
                    度北部和中部多地最高气\n\
                    温超过45℃。首都新德里\n\
                    当天最高气温达到\n\
                    46.8℃，为今年入夏以来\n\
                    最高。\n\
                    \n\
                    印度气象局已对拉贾\n\
                    \n\
                    斯坦邦、哈里亚纳邦、旁\n\
                    遮普邦和北方邦等地发布\n\
                    热浪红色预警，预计高温\n\
                    天气还将持续3至4天。当\n\
                    地政府要求学校提前放暑\n\
                    \n\
                    假，建议民众在中午至下\n\
                    午4时避免户外活动。\n\
                    ";
        let edition = parse(text);
        let last = edition.articles().last().expect("an article");
        let lines: Vec<&str> = last.headline.lines().collect();
        assert_eq!(lines, ["印度多地遭遇极端高温", "新德里气温达46.8℃"]);
        assert!(last.paragraphs[0].starts_with("印度气象局5月29日说"));
    }

    #[test]
    fn a_title_and_its_dash_deck_set_apart_by_blank_lines_are_a_headline() {
        // mutool's text of a generated page (`ed18`): a blank line after
        // every headline line.
        let text = "近年来，江海临港产业\n\
                    \n\
                    园围绕新能源汽车产业链开\n\
                    展精准招商，已集聚电池、\n\
                    电机、电控及轻量化车身等\n\
                    配套企业40余家。园区管委\n\
                    会有关负责人表示，今年将\n\
                    继续推进标准厂房二期建\n\
                    设，力争全年新增产业链项\n\
                    目15个以上，推动本地配套\n\
                    率由目前的46%提升至55%。\n\
                    （王磊 陈静）\n\
                    \n\
                    东南亚电商规模扩大\n\
                    \n\
                    ——交易额超1500亿美元\n\
                    \n\
                    谷歌、淡马锡和贝恩公\n\
                    \n\
                    司近日联合发布的年度报告\n\
                    显示，2024年东南亚地区电\n\
                    子商务交易总额达到1590亿\n\
                    美 元 ， 同 比 增 长 15%。 其\n\
                    中，印度尼西亚仍是该地区\n\
                    最大的电商市场，越南和泰\n\
                    \n\
                    国增速领先。\n\
                    \n\
                    报告指出，直播带货和\n\
                    \n\
                    短视频购物成为推动东南亚\n\
                    ";
        let edition = parse(text);
        let article = edition
            .articles()
            .find(|a| a.paragraphs.first().is_some_and(|p| p.starts_with("谷歌")))
            .expect("the article");
        let lines: Vec<&str> = article.headline.lines().collect();
        assert_eq!(lines, ["东南亚电商规模扩大", "——交易额超1500亿美元"]);
    }

    #[test]
    fn a_full_line_under_a_title_over_a_first_line_is_a_deck() {
        // mutool's text of a generated page (`ed25`): the deck is as wide
        // as the column; the body's first paragraph is one line.
        let text = "持续高温导致印度电力需求猛增。据\n\
                    \n\
                    印度电力部数据，全国最高用电负荷29日\n\
                    达到约246吉瓦，创历史新高。新德里、\n\
                    勒克瑙等城市出现了不同程度的停电和供\n\
                    水紧张，部分地区的医院收治中暑患者人\n\
                    数明显增加。 （新华社）\n\
                    \n\
                    一片茶叶“串”起三产融合\n\
                    云雾村从贫困村变身“网红村”的致富路\n\
                    \n\
                    清明前后，正是采制明前茶的时节。\n\
                    \n\
                    清晨，云雾村的茶山上雾气未散，50多名\n\
                    采茶工已经背着竹篓在茶垄间忙碌。山脚\n\
                    下的茶叶加工厂里，杀青机、揉捻机隆隆\n\
                    作响，空气中弥漫着新茶的清香。\n\
                    \n\
                    很难想象，十几年前，这个位于大别\n\
                    \n\
                    山深处的小山村还是省级贫困村。\n\
                    ";
        let edition = parse(text);
        let article = edition.articles().last().expect("an article");
        let lines: Vec<&str> = article.headline.lines().collect();
        assert_eq!(
            lines,
            [
                "一片茶叶“串”起三产融合",
                "云雾村从贫困村变身“网红村”的致富路"
            ]
        );
        assert!(article.paragraphs[0].starts_with("清明前后"));
    }

    #[test]
    fn runs_cover_every_page_once_in_order() {
        let pages = ["aaaa", "bb", "cccccc", "d", "eeee", "ff"];
        for threads in 1..=8 {
            let runs = page_runs(&pages, threads);
            assert!(
                !runs.is_empty() && runs.len() <= threads,
                "{threads}: {runs:?}"
            );
            let covered: Vec<usize> = runs.iter().flat_map(Clone::clone).collect();
            assert_eq!(covered, (0..pages.len()).collect::<Vec<_>>(), "{threads}");
            assert!(runs.iter().all(|r| !r.is_empty()), "{threads}: {runs:?}");
        }
    }

    #[test]
    fn runs_share_the_bytes_about_evenly() {
        // 4 pages of 99 bytes (100 with the form feed) on two threads.
        let page = "x".repeat(99);
        let pages = [page.as_str(); 4];
        assert_eq!(page_runs(&pages, 2), vec![0..2, 2..4]);
        assert_eq!(page_runs(&pages, 4), vec![0..1, 1..2, 2..3, 3..4]);
    }

    #[test]
    fn one_page_is_one_run_whatever_the_threads() {
        assert_eq!(page_runs(&["only"], 4), vec![0..1]);
        assert_eq!(page_runs(&[], 4), vec![0..0]);
    }
}
