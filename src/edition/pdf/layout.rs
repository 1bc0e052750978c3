//! Lines → articles, from geometry alone.
//!
//! 1. The body size is the size most glyphs are set in; body lines are
//!    lines of that size no wider than a column ([`WIDE_LINE`]); the line
//!    pitch is the usual distance between two body lines of a column.
//! 2. Columns are the x-ranges body lines share; a column's body lines
//!    break into blocks at a gap over [`BLOCK_GAP_PITCHES`] or at any other
//!    line printed across the column between them.
//! 3. Headline groups are the lines set clearly larger than the body
//!    ([`HEADLINE_RATIO`]), or body-sized but wider than a column (a deck),
//!    stacked close together. Within a group the largest size is the title;
//!    lines above it are the kicker, lines below it the subtitle.
//! 4. Each block belongs to the nearest headline group above it across its
//!    column, when no other block lies between; otherwise to a group beside
//!    it whose top is level with the block's top (a headline set beside its
//!    body); otherwise it continues the article of the block before it.
//! 5. Reading order: an article's blocks left to right, each top to bottom;
//!    articles in the order of their first block (top to bottom, then left
//!    to right). A line indented by more than [`INDENT_EMS`] starts a
//!    paragraph.
//!
//! Smaller lines (mastheads, folios, photo captions) and headline groups
//! with no body are page furniture.

use super::glyphs::GlyphPage;
use super::lines::{Line, bucket, lines};
use crate::edition::{Article, ArticleId, Edition, Headline, Page};

/// A line at least this many times the body size is a headline line.
pub const HEADLINE_RATIO: f32 = 1.12;

/// A body-sized line wider than this many columns is not body text.
pub const WIDE_LINE: f32 = 1.25;

/// A vertical gap of more than this many line pitches ends a block.
pub const BLOCK_GAP_PITCHES: f32 = 1.8;

/// A line whose left edge is this many ems right of its column's starts a
/// paragraph (paragraphs are indented two ems).
pub const INDENT_EMS: f32 = 1.0;

/// A headline over a block covers at least this share of its column (a
/// centred headline over several columns covers the outer ones in part).
pub const ABOVE_OVERLAP: f32 = 0.1;

/// Lines of a headline group are at most this many of their ems apart.
pub const GROUP_GAP_EMS: f32 = 1.5;

/// The role of a line on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Body,
    Head,
    Other,
}

/// A run of body lines down one column.
#[derive(Debug, Clone)]
struct Block {
    column: usize,
    lines: Vec<usize>,
    top: f32,
    bottom: f32,
}

/// A headline group: its lines, top to bottom, and its box.
#[derive(Debug, Clone)]
struct Group {
    lines: Vec<usize>,
    x0: f32,
    x1: f32,
    y0: f32,
    y1: f32,
}

/// The edition read from a PDF's pages.
pub fn edition(pages: &[GlyphPage], source: Option<&str>) -> Edition {
    let mut edition = Edition {
        source: source.map(str::to_owned),
        format: Some("pdf".to_owned()),
        encoding: "PDF".to_owned(),
        ..Edition::default()
    };
    // The article a `（下转第N版）` line left open: (page, article).
    let mut open: Option<(usize, usize)> = None;
    let mut drafts_by_page: Vec<Vec<Draft>> = Vec::new();
    for (i, glyph_page) in pages.iter().enumerate() {
        let number = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let (page, drafts) = page(glyph_page, number);
        edition.pages.push(page);
        let mut kept = Vec::new();
        for draft in drafts {
            match open {
                Some((p, a)) if draft.from => {
                    let target: &mut Draft = &mut drafts_by_page[p][a];
                    let mut rest = draft.paragraphs.into_iter().peekable();
                    if !draft.first_indented
                        && let (Some(last), Some(first)) =
                            (target.paragraphs.last_mut(), rest.peek())
                    {
                        join_line(last, first);
                        rest.next();
                    }
                    target.paragraphs.extend(rest);
                    target.to = draft.to;
                    if !draft.to {
                        open = None;
                    }
                }
                _ => {
                    if draft.to {
                        open = Some((i, kept.len()));
                    }
                    kept.push(draft);
                }
            }
        }
        drafts_by_page.push(kept);
    }
    for (page, drafts) in edition.pages.iter_mut().zip(drafts_by_page) {
        page.articles = drafts
            .into_iter()
            .map(|d| article(d.headline, d.paragraphs))
            .collect();
    }
    edition
}

/// An article as read from one page, before jumps join its halves.
#[derive(Debug, Clone, Default)]
struct Draft {
    headline: Headline,
    paragraphs: Vec<String>,
    /// Its body opens with `（上接第N版）`.
    from: bool,
    /// Its body ends with `（下转第N版）`.
    to: bool,
    /// Its first body line is indented (it does not continue a paragraph).
    first_indented: bool,
}

/// One page's furniture, and its articles as drafts.
fn page(glyph_page: &GlyphPage, number: u32) -> (Page, Vec<Draft>) {
    let lines = lines(&glyph_page.glyphs);
    let mut page = Page {
        number,
        ..Page::default()
    };
    let Some(body) = body_size(&lines) else {
        page.furniture = lines.into_iter().map(|l| l.text).collect();
        return (page, Vec::new());
    };
    let geometry = Geometry::new(lines, body);
    let owners = owners(
        &geometry.blocks,
        &geometry.groups,
        &geometry.columns,
        geometry.pitch,
    );
    let mut used = vec![false; geometry.lines.len()];
    let drafts = articles(&geometry.blocks, &owners)
        .into_iter()
        .map(|(owner, list)| geometry.draft(owner, &list, &mut used))
        .collect();
    page.furniture = geometry
        .lines
        .iter()
        .zip(&used)
        .filter(|(_, used)| !**used)
        .map(|(l, _)| l.text.clone())
        .collect();
    (page, drafts)
}

/// One page's lines and what their geometry makes of them (steps 1 to 3
/// of the module doc). Sizes and positions in PDF points.
struct Geometry {
    lines: Vec<Line>,
    /// The body size.
    body: f32,
    /// The usual distance between two body lines of a column.
    pitch: f32,
    /// The columns: x-ranges of overlapping body lines, left to right.
    columns: Vec<(f32, f32)>,
    /// Body lines as blocks, per column.
    blocks: Vec<Block>,
    /// Headline lines stacked into groups.
    groups: Vec<Group>,
}

impl Geometry {
    /// The roles of `lines`, whose body size is `body`, and the columns,
    /// line pitch, blocks and headline groups they make.
    fn new(lines: Vec<Line>, body: f32) -> Self {
        let width = column_width(&lines, body);
        let mut roles: Vec<Role> = lines.iter().map(|l| role(l, body, width)).collect();
        mark_furniture(&lines, &mut roles, body);
        let columns = columns(&lines, &roles);
        let pitch = pitch(&lines, &roles, body);
        let blocks = blocks(&lines, &roles, &columns, pitch);
        let groups = groups(&lines, &roles);
        Geometry {
            lines,
            body,
            pitch,
            columns,
            blocks,
            groups,
        }
    }

    /// The draft of the article headed by group `owner` (no headline when
    /// no group has that index), whose body is the blocks `list` (indices,
    /// in reading order): its headline, its paragraphs, and whether a jump
    /// line sits beside its blocks. Marks the lines it takes in `used`.
    fn draft(&self, owner: usize, list: &[usize], used: &mut [bool]) -> Draft {
        let lines = &self.lines;
        let headline = self.groups.get(owner).map_or_else(Headline::default, |g| {
            g.lines.iter().for_each(|&l| used[l] = true);
            headline(lines, g)
        });
        let jumps = |kind: Jump| {
            list.iter()
                .any(|&b| jumps_beside(lines, &self.blocks[b], self.pitch, kind))
        };
        let mut body_lines = Vec::new();
        for &b in list {
            for &l in &self.blocks[b].lines {
                used[l] = true;
                body_lines.push((&lines[l], self.columns[self.blocks[b].column].0));
            }
        }
        let first_indented = body_lines
            .first()
            .is_none_or(|(l, left)| l.x0 - left > INDENT_EMS * self.body);
        Draft {
            headline,
            paragraphs: paragraphs(&body_lines, self.body),
            from: jumps(Jump::From),
            to: jumps(Jump::To),
            first_indented,
        }
    }
}

/// The page's articles as block lists, each with its owner (a headline
/// group's index, or an id past the groups': [`owners`]): articles in the
/// order of their first block (top to bottom, then left to right), each
/// article's blocks in reading order ([`column_then_top`]).
fn articles(blocks: &[Block], owners: &[usize]) -> Vec<(usize, Vec<usize>)> {
    let mut order: Vec<usize> = (0..blocks.len()).collect();
    order.sort_by(|&a, &b| {
        blocks[a]
            .top
            .total_cmp(&blocks[b].top)
            .then(blocks[a].column.cmp(&blocks[b].column))
    });
    let mut articles: Vec<(usize, Vec<usize>)> = Vec::new();
    for b in order {
        match articles.iter_mut().find(|(o, _)| *o == owners[b]) {
            Some((_, list)) => list.push(b),
            None => articles.push((owners[b], vec![b])),
        }
    }
    for (_, list) in &mut articles {
        list.sort_by(|&a, &b| column_then_top(&blocks[a], &blocks[b]));
    }
    articles
}

/// Reading order of blocks: left to right by column, each column top to
/// bottom.
fn column_then_top(a: &Block, b: &Block) -> std::cmp::Ordering {
    a.column.cmp(&b.column).then(a.top.total_cmp(&b.top))
}

/// The size most glyphs are set in, if any line has text.
fn body_size(lines: &[Line]) -> Option<f32> {
    let mut counts: std::collections::BTreeMap<i32, (usize, f32)> =
        std::collections::BTreeMap::new();
    for l in lines {
        let e = counts.entry(bucket(l.size)).or_insert((0, l.size));
        e.0 += l.text.chars().count();
    }
    counts
        .values()
        .max_by_key(|(n, _)| *n)
        .map(|&(_, size)| size)
}

/// The usual width of a full body line: the widest width shared by many
/// body-sized lines.
fn column_width(lines: &[Line], body: f32) -> f32 {
    let mut widths: Vec<f32> = lines
        .iter()
        .filter(|l| bucket(l.size) == bucket(body))
        .map(Line::width)
        .collect();
    widths.sort_by(f32::total_cmp);
    // The upper quartile: most body lines are full, and a few wide decks
    // should not pull it up.
    widths
        .get(widths.len() * 3 / 4)
        .copied()
        .unwrap_or(body * 10.0)
}

/// Marks the page's furniture band: a large line above every body line
/// that shares its row with smaller text (a masthead beside the date, a
/// section name beside the folio) is furniture, not a headline. Jump
/// lines (`（下转第2版）`) are furniture too: [`page`] reads them apart.
fn mark_furniture(lines: &[Line], roles: &mut [Role], body: f32) {
    let first_body = lines
        .iter()
        .zip(roles.iter())
        .filter(|(_, r)| **r == Role::Body)
        .map(|(l, _)| l.y0)
        .fold(f32::MAX, f32::min);
    let small: Vec<&Line> = lines
        .iter()
        .filter(|l| bucket(l.size) < bucket(body) && l.y1 < first_body)
        .collect();
    for (l, r) in lines.iter().zip(roles.iter_mut()) {
        let beside_small = small
            .iter()
            .any(|s| s.y0 < l.y1 && s.y1 > l.y0 && (s.x0 > l.x1 || s.x1 < l.x0));
        if (*r == Role::Head && l.y1 < first_body && beside_small) || jump(&l.text).is_some() {
            *r = Role::Other;
        }
    }
}

/// True when a jump line of `kind` sits just above the block (`From`) or
/// just below it (`To`), across its column.
fn jumps_beside(lines: &[Line], block: &Block, pitch: f32, kind: Jump) -> bool {
    let (a, z) = lines
        .iter()
        .enumerate()
        .filter(|(i, _)| block.lines.contains(i))
        .fold((f32::MAX, f32::MIN), |(a, z), (_, l)| {
            (a.min(l.x0), z.max(l.x1))
        });
    lines.iter().any(|l| {
        jump(&l.text) == Some(kind)
            && l.x_overlap(a, z) > 0.5
            && match kind {
                Jump::From => l.y1 <= block.top + 1.0 && block.top - l.y1 < pitch * 2.0,
                Jump::To => l.y0 >= block.bottom - 1.0 && l.y0 - block.bottom < pitch * 2.0,
            }
    })
}

/// Which way a jump line points, if `text` is one.
fn jump(text: &str) -> Option<Jump> {
    crate::edition::parse::furniture::jump(text)
}

use crate::edition::parse::furniture::Jump;

fn role(line: &Line, body: f32, width: f32) -> Role {
    if line.size >= body * HEADLINE_RATIO {
        Role::Head
    } else if bucket(line.size) == bucket(body) {
        if line.width() > width * WIDE_LINE {
            Role::Head
        } else {
            Role::Body
        }
    } else {
        Role::Other
    }
}

/// The columns: x-ranges of overlapping body lines, left to right.
fn columns(lines: &[Line], roles: &[Role]) -> Vec<(f32, f32)> {
    let mut spans: Vec<(f32, f32)> = lines
        .iter()
        .zip(roles)
        .filter(|(_, r)| **r == Role::Body)
        .map(|(l, _)| (l.x0, l.x1))
        .collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut merged: Vec<(f32, f32)> = Vec::new();
    for (a, b) in spans {
        match merged.last_mut() {
            Some(last) if a < last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    merged
}

fn column_of(columns: &[(f32, f32)], line: &Line) -> usize {
    columns
        .iter()
        .position(|&(a, b)| line.x0 >= a - 0.5 && line.x1 <= b + 0.5)
        .unwrap_or(0)
}

/// The usual distance between consecutive body lines of a column.
fn pitch(lines: &[Line], roles: &[Role], body: f32) -> f32 {
    let mut body_lines: Vec<&Line> = lines
        .iter()
        .zip(roles)
        .filter(|(_, r)| **r == Role::Body)
        .map(|(l, _)| l)
        .collect();
    body_lines.sort_by(|a, b| a.x0.total_cmp(&b.x0).then(a.y0.total_cmp(&b.y0)));
    let mut steps: Vec<f32> = body_lines
        .windows(2)
        .filter(|w| (w[0].x0 - w[1].x0).abs() < body * 0.5)
        .map(|w| w[1].y0 - w[0].y0)
        .filter(|d| *d > body * 0.9 && *d < body * 3.0)
        .collect();
    steps.sort_by(f32::total_cmp);
    steps.get(steps.len() / 2).copied().unwrap_or(body * 1.4)
}

/// Body lines as blocks, per column.
fn blocks(lines: &[Line], roles: &[Role], columns: &[(f32, f32)], pitch: f32) -> Vec<Block> {
    let mut out = Vec::new();
    for (c, &(a, b)) in columns.iter().enumerate() {
        let mut in_column: Vec<usize> = (0..lines.len())
            .filter(|&i| roles[i] == Role::Body && column_of(columns, &lines[i]) == c)
            .collect();
        in_column.sort_by(|&i, &j| lines[i].y0.total_cmp(&lines[j].y0));
        let mut current: Option<Block> = None;
        for i in in_column {
            let l = &lines[i];
            let joins = current.as_ref().is_some_and(|blk| {
                let gap = l.y0 - blk.bottom;
                let crossed = lines.iter().zip(roles).any(|(o, r)| {
                    *r != Role::Body
                        && o.y0 >= blk.bottom - 0.5
                        && o.y1 <= l.y0 + 0.5
                        && o.x_overlap(a, b) > 0.3
                });
                l.y0 - (blk.bottom - (l.y1 - l.y0)) <= BLOCK_GAP_PITCHES * pitch
                    && gap < pitch * BLOCK_GAP_PITCHES
                    && !crossed
            });
            if !joins && let Some(done) = current.take() {
                out.push(done);
            }
            let blk = current.get_or_insert(Block {
                column: c,
                lines: Vec::new(),
                top: l.y0,
                bottom: l.y1,
            });
            blk.lines.push(i);
            blk.bottom = l.y1;
        }
        if let Some(done) = current {
            out.push(done);
        }
    }
    out
}

/// Headline lines stacked into groups.
fn groups(lines: &[Line], roles: &[Role]) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if roles[i] != Role::Head {
            continue;
        }
        let near = out.iter_mut().rev().find(|g| {
            let gap = l.y0 - g.y1;
            gap < GROUP_GAP_EMS * l.size && gap > -l.size * 0.5 && l.x_overlap(g.x0, g.x1) > 0.3
        });
        match near {
            Some(g) => {
                g.lines.push(i);
                g.x0 = g.x0.min(l.x0);
                g.x1 = g.x1.max(l.x1);
                g.y1 = g.y1.max(l.y1);
            }
            None => out.push(Group {
                lines: vec![i],
                x0: l.x0,
                x1: l.x1,
                y0: l.y0,
                y1: l.y1,
            }),
        }
    }
    out
}

/// The headline group owning each block (an index into `groups`), or for
/// a block with none the article it continues or opens (an id past the
/// groups'). Step 4 of the module doc; `pitch` in PDF points.
fn owners(blocks: &[Block], groups: &[Group], columns: &[(f32, f32)], pitch: f32) -> Vec<usize> {
    let mut owners: Vec<usize> = blocks
        .iter()
        .map(|blk| {
            let column = columns[blk.column];
            group_above(blocks, groups, blk, column)
                .or_else(|| group_beside(groups, blk, column, pitch))
                .unwrap_or(usize::MAX)
        })
        .collect();
    continue_unowned(blocks, &mut owners, groups.len(), pitch);
    owners
}

/// The headline group over block `blk` (index into `groups`): the lowest
/// group above the block's top that covers more than [`ABOVE_OVERLAP`] of
/// its `column` (x-range, PDF points), with no block of the column
/// between them.
fn group_above(
    blocks: &[Block],
    groups: &[Group],
    blk: &Block,
    column: (f32, f32),
) -> Option<usize> {
    let (a, z) = column;
    let width = z - a;
    groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.y1 <= blk.top + 1.0)
        .filter(|(_, g)| g.x1.min(z) - g.x0.max(a) > width * ABOVE_OVERLAP)
        .filter(|(_, g)| {
            !blocks
                .iter()
                .any(|o| o.column == blk.column && o.top >= g.y1 - 1.0 && o.bottom <= blk.top + 1.0)
        })
        .max_by(|x, y| x.1.y1.total_cmp(&y.1.y1))
        .map(|(i, _)| i)
}

/// The headline group set beside block `blk` (index into `groups`): of
/// the groups whose top is within two line pitches (`pitch`, PDF points)
/// of the block's top, the nearest in x to its `column`.
fn group_beside(groups: &[Group], blk: &Block, column: (f32, f32), pitch: f32) -> Option<usize> {
    let (a, z) = column;
    groups
        .iter()
        .enumerate()
        .filter(|(_, g)| (g.y0 - blk.top).abs() < pitch * 2.0)
        .min_by(|x, y| {
            let dx = |g: &Group| (g.x0 - z).abs().min((a - g.x1).abs());
            dx(x.1).total_cmp(&dx(y.1))
        })
        .map(|(i, _)| i)
}

/// Gives each block with no headline (`usize::MAX` in `owners`) the owner
/// of the block before it ([`continued_block`]), column by column, top to
/// bottom. Failing that, the block opens an article with no headline: an
/// id counting on from `first_id` (the number of groups).
fn continue_unowned(blocks: &[Block], owners: &mut [usize], first_id: usize, pitch: f32) {
    let mut order: Vec<usize> = (0..blocks.len()).collect();
    order.sort_by(|&a, &b| column_then_top(&blocks[a], &blocks[b]));
    let mut next_id = first_id;
    for b in order {
        if owners[b] != usize::MAX {
            continue;
        }
        owners[b] = match continued_block(blocks, owners, b, pitch) {
            Some(p) => owners[p],
            None => {
                next_id += 1;
                next_id - 1
            }
        };
    }
}

/// The block that block `b` continues: of the owned blocks of the column
/// to its left that share more than two line pitches (`pitch`, PDF
/// points) of its height or start within two pitches of its top, the one
/// sharing most of its height (a headline over the first columns only
/// leaves the later ones starting higher).
fn continued_block(blocks: &[Block], owners: &[usize], b: usize, pitch: f32) -> Option<usize> {
    let blk = &blocks[b];
    let shared = |o: &Block| o.bottom.min(blk.bottom) - o.top.max(blk.top);
    blocks
        .iter()
        .enumerate()
        .filter(|(o, other)| {
            owners[*o] != usize::MAX
                && other.column + 1 == blk.column
                && (shared(other) > pitch * 2.0 || (other.top - blk.top).abs() < pitch * 2.0)
        })
        .max_by(|x, y| shared(x.1).total_cmp(&shared(y.1)))
        .map(|(p, _)| p)
}

/// A group's lines as kicker, title and subtitle: the largest size is the
/// title; smaller lines above it the kicker, below it the subtitle.
fn headline(lines: &[Line], group: &Group) -> Headline {
    let mut members: Vec<&Line> = group.lines.iter().map(|&i| &lines[i]).collect();
    members.sort_by(|a, b| a.y0.total_cmp(&b.y0));
    let top = members.iter().map(|l| bucket(l.size)).max().unwrap_or(0);
    let first = members
        .iter()
        .position(|l| bucket(l.size) == top)
        .unwrap_or(0);
    let last = members
        .iter()
        .rposition(|l| bucket(l.size) == top)
        .unwrap_or(0);
    let text = |ls: &[&Line]| ls.iter().map(|l| l.text.clone()).collect();
    Headline {
        kicker: text(&members[..first]),
        title: text(&members[first..=last]),
        subtitle: text(&members[last + 1..]),
    }
}

/// Body lines (each with its column's left edge) as paragraphs.
fn paragraphs(lines: &[(&Line, f32)], body: f32) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for &(line, left) in lines {
        let indented = line.x0 - left > INDENT_EMS * body;
        match out.last_mut() {
            Some(p) if !indented => join_line(p, &line.text),
            _ => out.push(line.text.clone()),
        }
    }
    out
}

/// Appends a line to a paragraph: a space only between two Latin letters
/// or digits (a Latin line broke at a space), none in CJK text.
fn join_line(paragraph: &mut String, next: &str) {
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    if latin(paragraph.chars().next_back()) && latin(next.chars().next()) {
        paragraph.push(' ');
    }
    paragraph.push_str(next);
}

/// An article from its headline and paragraphs, with the dateline and the
/// closing credit read as the text parser reads them.
fn article(headline: Headline, mut paragraphs: Vec<String>) -> Article {
    let mut byline = None;
    let mut printed = None;
    if let Some(last) = paragraphs.pop() {
        match crate::edition::parse::credits::split_closing(&last) {
            Some((keep, name)) if !name.ends_with('摄') => {
                printed = Some(last[keep.len()..].trim().to_owned());
                byline = Some(name.to_owned());
                if !keep.is_empty() {
                    paragraphs.push(keep.to_owned());
                }
            }
            _ => paragraphs.push(last),
        }
    }
    let dateline = paragraphs.first().and_then(|p| {
        crate::edition::parse::credits::dateline_len(p).map(|n| p[..n].trim().to_owned())
    });
    Article {
        id: ArticleId::derive(&headline, &paragraphs),
        headline,
        dateline,
        byline,
        byline_printed: printed,
        paragraphs,
        captions: Vec::new(),
        source: None,
    }
}
