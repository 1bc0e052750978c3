//! One page's lines and the role of each: body, headline, furniture,
//! caption, jump or credit line.
//!
//! Roles other than body and headline are decided here, line by line by
//! shape (see [`super::furniture`] and [`super::credits`]); headlines are
//! then marked by [`super::headline::mark`], which needs the column
//! measure of [`super::columns`].

use super::columns::{self, Measure};
use super::credits;
use super::english;
use super::furniture::{self, Furniture, Jump};
use super::lines::{self, Line};

/// What a line is on its page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// Article body text.
    Body,
    /// A headline line (kicker, title or subtitle).
    Headline,
    /// Page furniture.
    Furniture(Furniture),
    /// A photo caption, editor's note or box.
    Caption,
    /// A jump line.
    Jump(Jump),
    /// A byline on a line of its own (`本报记者 张三`).
    Credit,
}

/// A [`Measure`] as kept for every line of a page: half the size, so that
/// a page of a million lines holds less. A measure over `u32::MAX`
/// half-units (a line of over 2 GB) is kept as `u32::MAX`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LineMeasure {
    full: u32,
    columnar: bool,
}

impl From<Measure> for LineMeasure {
    fn from(m: Measure) -> Self {
        LineMeasure {
            full: u32::try_from(m.full).unwrap_or(u32::MAX),
            columnar: m.columnar,
        }
    }
}

/// A page's lines with their roles and local column measure.
#[derive(Debug)]
pub(crate) struct PageLines<'a> {
    /// The non-blank lines, cleaned (slices of the page text where they
    /// need no cleaning).
    pub lines: Vec<Line<'a>>,
    /// The role of each line.
    pub roles: Vec<Role>,
    /// The local column measure at each line (read it with
    /// [`PageLines::measure_at`]).
    pub measures: Vec<LineMeasure>,
    /// The measure of the page as a whole, when it is set in columns.
    pub measure: Option<Measure>,
    /// True when the page marks paragraphs by indenting their first line:
    /// at least two body lines are indented and at least one is not.
    pub indented: bool,
    /// True for an English OCR page (see [`super::english`]).
    pub english: bool,
    /// The page text the lines are slices of (all but the despaced ones).
    pub text: &'a str,
    /// The median width of the page's body lines, in half-units.
    pub median_width: usize,
}

/// Marks as opening an article a line whose dateline the column broke
/// off before its end (`据新华社巴西利亚3月13日` / `电 巴西国家商品…`,
/// `本报鄂尔多斯9月17日` / `讯 记者…`): the line with the start of the next
/// one read on as a dateline, the dateline ending past the line's end. Only
/// a line that starts like a dateline ([`credits::may_open_article`]) is
/// joined, and only with the next text line.
fn mark_broken_datelines(lines: &mut [lines::Line<'_>]) {
    for i in 0..lines.len().saturating_sub(1) {
        // A blank may stand between the halves: an extractor can set a
        // bold dateline's end apart (mutool: `据新华社巴西利亚3月13` /
        // blank / `日电 巴西…`).
        let (line, next) = (&lines[i], &lines[i + 1]);
        if line.opens || !credits::may_open_article(line.text) {
            continue;
        }
        let head: String = next.text.chars().take(BROKEN_DATELINE_TAIL).collect();
        let joined = format!("{}{head}", line.text);
        if credits::dateline_len(&joined).is_some_and(|n| n > line.text.len()) {
            lines[i].opens = true;
        }
    }
}

/// How many chars of the next line [`mark_broken_datelines`] reads on: the
/// longest tail of a dateline form (`日电（记者欧阳晓明 司马南）`).
const BROKEN_DATELINE_TAIL: usize = 24;

impl<'a> PageLines<'a> {
    /// Splits and classifies one page of text (the text between form feeds).
    /// `english` selects the English OCR rules of [`super::english`];
    /// `earlier` is the column measure of the edition's earlier pages, if
    /// any was found (see [`super::columns`]).
    /// `despaced` is [`lines::despace_page`] of `page`.
    pub(crate) fn new(
        page: &'a str,
        despaced: &'a lines::Despaced,
        english: bool,
        earlier: Option<Measure>,
    ) -> Self {
        let lines = shaped_lines(page, despaced);
        let mut roles = line_roles(&lines, english);
        let mut widths: Vec<usize> = Vec::with_capacity(lines.len());
        widths.extend(
            lines
                .iter()
                .zip(&roles)
                .filter(|(_, r)| **r == Role::Body)
                .map(|(l, _)| l.width),
        );
        let own = columns::page_measure(&widths);
        let measures = line_measures(&roles, &columns::measure(&widths, own.or(earlier)));
        let median_width = median(&mut widths);
        let indented = is_indented(&lines, &roles);
        mark_wide_captions(&lines, &mut roles, &measures);
        PageLines {
            lines,
            roles,
            measures,
            measure: own,
            indented,
            english,
            median_width,
            text: page,
        }
    }

    /// The local column measure at line `i` (see [`super::columns`]).
    /// Panics when `i` is not a line of the page, as indexing does.
    pub(crate) fn measure_at(&self, i: usize) -> Measure {
        let m = self.measures[i];
        Measure {
            full: m.full as usize,
            columnar: m.columnar,
        }
    }

    /// Gives an editor's note set under its article's headline
    /// (`编者按：…`, with the lines it runs on to) to the body: it is the
    /// article's first paragraph, as the paper prints it. Page furniture
    /// may come between (the headline read before the masthead: pdfminer),
    /// and a note with nothing but furniture above it and body text under
    /// it opens the page's first article (its headline read after it). A
    /// note under body text, or over a headline, stays a caption of the
    /// nearest article.
    pub(crate) fn notes_under_headlines(&mut self) {
        let mut i = 0;
        while i < self.lines.len() {
            let note = self.roles[i] == Role::Caption
                && lines::compact_folded(self.lines[i].text).starts_with("编者按");
            if !note {
                i += 1;
                continue;
            }
            let end = (i..self.lines.len())
                .find(|&j| self.roles[j] != Role::Caption)
                .unwrap_or(self.lines.len());
            // Page furniture (a masthead, a folio) may stand between.
            let above = (0..i)
                .rev()
                .find(|&j| !matches!(self.roles[j], Role::Furniture(_)));
            let opens_body = match above {
                Some(j) => self.roles[j] == Role::Headline,
                None => self.roles.get(end) == Some(&Role::Body),
            };
            if opens_body {
                self.roles[i..end].iter_mut().for_each(|r| *r = Role::Body);
            }
            i = end;
        }
    }

    /// The page's body lines, in page order.
    pub(crate) fn body_lines(&self) -> impl Iterator<Item = &Line<'a>> {
        self.lines
            .iter()
            .zip(&self.roles)
            .filter(|(_, r)| **r == Role::Body)
            .map(|(l, _)| l)
    }

    /// Index of the next line after `i` whose role is body or headline.
    pub(crate) fn next_text(&self, i: usize) -> Option<usize> {
        (i + 1..self.lines.len()).find(|&j| matches!(self.roles[j], Role::Body | Role::Headline))
    }
}

/// The page's non-blank lines ([`lines::split_lines`]), each marked by
/// its own shape: whether it opens an article (a dateline, also one the
/// column broke off: [`mark_broken_datelines`]), is a subhead, or may be
/// a headline line.
fn shaped_lines<'a>(page: &'a str, despaced: &'a lines::Despaced) -> Vec<Line<'a>> {
    let mut lines = lines::split_lines(page, despaced);
    for l in &mut lines {
        l.opens = credits::opens_article(l.text);
        l.subhead = credits::is_subhead(l.text);
    }
    mark_broken_datelines(&mut lines);
    for l in &mut lines {
        l.candidate = super::headline::candidate(l.text, l.opens, l.subhead);
    }
    lines
}

/// The role of each line before headlines are marked: by the line's own
/// shape (the English OCR rules when `english`), then by its neighbours
/// (section names, captions broken over lines, photo titles, notes).
fn line_roles(lines: &[Line], english: bool) -> Vec<Role> {
    let mut roles: Vec<Role> = if english {
        english_roles(lines)
    } else {
        lines.iter().map(|l| classify(l.text)).collect()
    };
    mark_sections(lines, &mut roles);
    mark_broken_captions(lines, &mut roles);
    mark_photo_titles(lines, &mut roles);
    extend_notes(lines, &mut roles);
    roles
}

/// The column measure at each line, from `body_measures` (one per body
/// line, in order, [`columns::measure`]): a body line's own, and for any
/// other line the next body line's (the last one's after the last body
/// line; no measure, 0 half-units, on a page without body lines).
fn line_measures(roles: &[Role], body_measures: &[Measure]) -> Vec<LineMeasure> {
    let mut measures = Vec::with_capacity(roles.len());
    let mut k = 0;
    let fallback = Measure {
        full: 0,
        columnar: false,
    };
    for role in roles {
        let m = body_measures
            .get(k.min(body_measures.len().saturating_sub(1)))
            .copied()
            .unwrap_or(fallback);
        measures.push(LineMeasure::from(m));
        if *role == Role::Body {
            k += 1;
        }
    }
    measures
}

/// The median of `widths` (half-units; the upper one of an even count),
/// 0 when there are none. Reorders `widths`.
fn median(widths: &mut [usize]) -> usize {
    let half = widths.len() / 2;
    if widths.is_empty() {
        0
    } else {
        *widths.select_nth_unstable(half).1
    }
}

/// True when the page marks paragraphs by indenting their first line: at
/// least two body lines are indented and at least one is not.
fn is_indented(lines: &[Line], roles: &[Role]) -> bool {
    let body = || lines.iter().zip(roles).filter(|(_, r)| **r == Role::Body);
    let indents = body().filter(|(l, _)| l.indent).count();
    indents >= 2 && indents < body().count()
}

fn english_roles(lines: &[Line]) -> Vec<Role> {
    let mut roles = Vec::with_capacity(lines.len());
    let mut under_deck = false;
    for l in lines {
        let role = furniture::classify(l.text)
            .map(Role::Furniture)
            .or_else(|| english::classify(l.text, under_deck))
            .unwrap_or(Role::Body);
        under_deck = role == Role::Headline;
        roles.push(role);
    }
    // Above the first deck, body lines that read as noise are the
    // garbled masthead (see `english`), kept as page furniture.
    let first_deck = roles.iter().position(|r| *r == Role::Headline).unwrap_or(0);
    for (l, role) in lines.iter().zip(roles.iter_mut()).take(first_deck) {
        if *role == Role::Body && english::is_pre_deck_noise(l.text) {
            *role = Role::Furniture(Furniture::Other);
        }
    }
    roles
}

fn classify(text: &str) -> Role {
    if let Some(j) = furniture::jump(text) {
        return Role::Jump(j);
    }
    if furniture::is_cross_reference(text) {
        return Role::Furniture(Furniture::Other);
    }
    if let Some(f) = furniture::classify(text) {
        return Role::Furniture(f);
    }
    if credits::is_caption(text) {
        return Role::Caption;
    }
    if credits::is_credit_line(text) {
        return Role::Credit;
    }
    Role::Body
}

/// A very short line within two lines of a folio or date line is the
/// section name (`综合新闻` beside `第02版`).
fn mark_sections(lines: &[Line], roles: &mut [Role]) {
    // A page prints one section name: when a known one (`要闻`, `港 聞`)
    // is among its lines, a short line near the folio is no section but
    // an article's kicker set at the top of the page (`假日观察`).
    if roles.contains(&Role::Furniture(Furniture::Section)) {
        return;
    }
    for i in 0..lines.len() {
        if roles[i] != Role::Body || !furniture::could_be_section(lines[i].text) {
            continue;
        }
        let lo = i.saturating_sub(2);
        let hi = (i + 3).min(lines.len());
        let near_folio = (lo..hi).any(|j| {
            matches!(
                roles[j],
                Role::Furniture(Furniture::Folio | Furniture::Date)
            )
        });
        if near_folio {
            roles[i] = Role::Furniture(Furniture::Section);
        }
    }
}

/// An editor's note, a `核心阅读` box or a caption broken over lines runs
/// on until a line ends a sentence (at most a dozen lines): `编者按：…` /
/// `…` / `…。`.
fn extend_notes(lines: &[Line], roles: &mut [Role]) {
    let mut open = 0usize;
    for i in 0..lines.len() {
        let text = &lines[i].text;
        if roles[i] == Role::Caption {
            let note = ["编者按", "核心阅读", "图为", "图片"]
                .iter()
                .any(|k| text.starts_with(k));
            let ended = lines::finishes_sentence(text) || text.ends_with('摄');
            open = if note && !ended { 12 } else { 0 };
        } else if open > 0 && roles[i] == Role::Body {
            roles[i] = Role::Caption;
            open = if lines::finishes_sentence(text) {
                0
            } else {
                open - 1
            };
        } else {
            open = 0;
        }
    }
}

/// Most lines a caption takes before its credit's last line.
const CAPTION_LINES: usize = 3;

/// A caption whose credit is broken over lines (`茶香满山 清明前夕，云雾村茶农在`
/// / `茶园里采摘明前茶。（本报通讯员` / `方敏摄）`): when the line before a
/// caption line opens a bracket it does not close, that line and the lines
/// of its block above it (set apart by a blank line, at most
/// [`CAPTION_LINES`]) are the caption.
fn mark_broken_captions(lines: &[Line], roles: &mut [Role]) {
    for c in 1..lines.len() {
        let Some(block) = block_above_caption(lines, roles, c) else {
            continue;
        };
        let opener = &lines[c - 1].text;
        let unclosed = opener
            .rfind('（')
            .is_some_and(|at| !opener[at..].contains('）'));
        if unclosed && block.clone().all(|k| roles[k] == Role::Body) {
            roles[block].iter_mut().for_each(|r| *r = Role::Caption);
        }
    }
}

/// When line `c` is a caption line right under a body line, the lines of
/// the block above it: from the last line set apart by a blank line, at
/// most [`CAPTION_LINES`] above it, to the line before it.
fn block_above_caption(lines: &[Line], roles: &[Role], c: usize) -> Option<std::ops::Range<usize>> {
    if c == 0 || roles[c] != Role::Caption || lines[c].blank_before || roles[c - 1] != Role::Body {
        return None;
    }
    let start = (c.saturating_sub(CAPTION_LINES)..c)
        .rev()
        .find(|&k| lines[k].blank_before)?;
    Some(start..c)
}

/// A caption whose sentence runs on into its credit's line, set wider
/// than the column (across its photo): `黑雨後清理 黃大仙一間地舖在黑雨期間入水，
/// 東主與員工昨午` / `合力清理泥濘。（記者李思敏攝）`. The lines of the
/// caption line's block above it (set apart by a blank line, at most
/// [`CAPTION_LINES`]) are the caption when none ends a sentence and one is
/// wider than the column (`measures`): a column line never is, and a
/// headline does not run on into a caption.
fn mark_wide_captions(lines: &[Line], roles: &mut [Role], measures: &[LineMeasure]) {
    for c in 1..lines.len() {
        let Some(block) = block_above_caption(lines, roles, c) else {
            continue;
        };
        let wide = block.clone().any(|k| {
            let m = measures[k];
            m.columnar && lines[k].width > m.full as usize + 2
        });
        if wide
            && block
                .clone()
                .all(|k| roles[k] == Role::Body && !lines[k].ends)
        {
            roles[block].iter_mut().for_each(|r| *r = Role::Caption);
        }
    }
}

/// A short unpunctuated line just before a caption is the photo's title
/// (`湖畔` over `雨后的蠡湖，水清岸绿。（记者 许宁 摄）`).
fn mark_photo_titles(lines: &[Line], roles: &mut [Role]) {
    for i in 0..lines.len().saturating_sub(1) {
        if roles[i] == Role::Body
            && roles[i + 1] == Role::Caption
            && !lines::more_chars_than(lines[i].text, 6)
            && !lines[i + 1].blank_before
            && lines[i].text.chars().all(lines::is_letter_or_digit)
        {
            roles[i] = Role::Caption;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_caption_whose_credit_is_broken_over_lines_is_caption_from_its_block_start() {
        let text = "后基本完成麦收。\n\n茶香满山 清明前夕，云雾村茶农在\n\
                    茶园里采摘明前茶。（本报通讯员\n方敏摄）\n\n宁州港上半年\n";
        let despaced = lines::despace_page(text);
        let page = PageLines::new(text, &despaced, false, None);
        let role = |t: &str| page.roles[page.lines.iter().position(|l| l.text == t).expect(t)];
        assert_eq!(role("方敏摄）"), Role::Caption);
        assert_eq!(role("茶园里采摘明前茶。（本报通讯员"), Role::Caption);
        assert_eq!(role("茶香满山 清明前夕，云雾村茶农在"), Role::Caption);
        assert_eq!(role("后基本完成麦收。"), Role::Body);
    }

    /// The role of the editor's note's first line in `text` once the lines
    /// `headlines` (by text) are made headline lines and editors' notes
    /// under headlines given to the body.
    fn note_role(text: &str, headlines: &[&str]) -> Role {
        let despaced = lines::despace_page(text);
        let mut page = PageLines::new(text, &despaced, false, None);
        for (i, line) in page.lines.iter().enumerate() {
            if headlines.contains(&line.text) {
                page.roles[i] = Role::Headline;
            }
        }
        page.notes_under_headlines();
        let note = page.lines.iter().position(|l| l.text.starts_with("编者按"));
        page.roles[note.expect("a note")]
    }

    const NOTE: &str = "编者按：产业园区是制造\n业发展的主阵地，也是观察经\n济运行的窗口。敬请关注。\n\n\
                        清晨6点半，柳塘镇纺织工业园\n的厂房里已响起织机声。\n";

    #[test]
    fn an_editors_note_under_its_headline_and_the_masthead_is_body() {
        // pdfminer, training edition ed07: the headline is read before
        // the masthead, the note after it.
        let text = format!("走进产业园区\n\n东南日报\n\n第01版\n\n{NOTE}");
        assert_eq!(note_role(&text, &["走进产业园区"]), Role::Body);
    }

    #[test]
    fn an_editors_note_opening_a_page_is_body() {
        // pdfminer, training edition ed61: nothing but the date above it.
        let text = format!("2001年1月2日 星期二\n\n{NOTE}");
        assert_eq!(note_role(&text, &[]), Role::Body);
        // Under body text it stays a caption.
        let text = format!("市民可拨打热线咨询。\n\n{NOTE}");
        assert_eq!(note_role(&text, &[]), Role::Caption);
    }

    #[test]
    fn a_caption_wider_than_the_column_running_into_its_credit_is_caption() {
        // mutool, training edition ed41 (Hong Kong): the photo title and
        // the caption's first line are one line across the photo.
        let column = "市民應留意天文台最新消息，做好防\n\
                      風準備，切勿前往海邊觀浪或進行水\n\
                      上活動，以免發生意外。有關部門已\n\
                      開設臨時庇護中心供有需要人士暫住\n";
        let text = format!(
            "{column}\n黑雨後清理 黃大仙一間地舖在黑雨期間入水，東主與員工昨午\n\
             合力清理泥濘。（記者李思敏攝）\n\n{column}"
        );
        let despaced = lines::despace_page(&text);
        let page = PageLines::new(&text, &despaced, false, None);
        let role = |t: &str| page.roles[page.lines.iter().position(|l| l.text == t).expect(t)];
        assert_eq!(role("合力清理泥濘。（記者李思敏攝）"), Role::Caption);
        assert_eq!(
            role("黑雨後清理 黃大仙一間地舖在黑雨期間入水，東主與員工昨午"),
            Role::Caption
        );
        assert_eq!(role("上活動，以免發生意外。有關部門已"), Role::Body);
    }
}
