#![allow(clippy::unwrap_used)]

use proptest::prelude::*;
use ratatui::style::Style;

use super::*;

/// The first frame's opening: default style, then clear the terminal.
const CLEAR: &str = "\x1b[0m\x1b[2J";

/// Every frame's end: default colours and attributes, cursor hidden.
const END: &str = "\x1b[39m\x1b[49m\x1b[59m\x1b[0m\x1b[?25l";

fn frame(screen: &mut Screen, lines: &[(u16, u16, &str, Style)]) -> String {
    let bytes = screen.draw(|buf| {
        for &(x, y, text, style) in lines {
            buf.set_string(x, y, text, style);
        }
        None
    });
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn wide_characters_in_a_row_need_one_cursor_move() {
    let mut screen = Screen::new(Size::new(10, 1));
    // One move to column 3 (1-based), then the three characters, each
    // advancing the cursor by two columns.
    assert_eq!(
        frame(&mut screen, &[(2, 0, "新闻报", Style::default())]),
        format!("{CLEAR}\x1b[1;3H新闻报{END}")
    );
}

#[test]
fn a_gap_in_the_changed_cells_moves_the_cursor() {
    let mut screen = Screen::new(Size::new(10, 2));
    let plain = Style::default();
    assert_eq!(
        frame(
            &mut screen,
            &[(0, 0, "报", plain), (5, 0, "a", plain), (0, 1, "b", plain)]
        ),
        format!("{CLEAR}\x1b[1;1H报\x1b[1;6Ha\x1b[2;1Hb{END}")
    );
}

#[test]
fn a_modifier_change_resets_then_sets_attributes_and_colours() {
    let mut screen = Screen::new(Size::new(4, 1));
    let bold_cyan = Style::default()
        .fg(Color::Cyan)
        .add_modifier(Modifier::BOLD);
    // SGR 1 for bold, then crossterm's dark cyan (ANSI value 6).
    assert_eq!(
        frame(&mut screen, &[(0, 0, "ab", bold_cyan)]),
        format!("{CLEAR}\x1b[1;1H\x1b[0m\x1b[1m\x1b[38;5;6mab{END}")
    );
}

#[test]
fn the_same_frame_again_writes_nothing() {
    let mut screen = Screen::new(Size::new(20, 2));
    let lines = [
        (0, 0, "第1版 要闻", Style::default()),
        (3, 1, "news", Style::default()),
    ];
    frame(&mut screen, &lines);
    assert_eq!(frame(&mut screen, &lines), "");
}

#[test]
fn only_changed_cells_are_written() {
    let mut screen = Screen::new(Size::new(20, 1));
    frame(&mut screen, &[(0, 0, "本报讯 7月26日", Style::default())]);
    // `7` becomes `8` at column 8 (after three ideographs and a space).
    assert_eq!(
        frame(&mut screen, &[(0, 0, "本报讯 8月26日", Style::default())]),
        format!("\x1b[1;8H8{END}")
    );
}

#[test]
fn a_wide_character_replaced_by_a_narrow_one_rewrites_the_cell_it_covered() {
    let mut screen = Screen::new(Size::new(6, 1));
    frame(&mut screen, &[(0, 0, "中ab", Style::default())]);
    // The space at column 2 was `中`'s second half: written again, though
    // the buffers hold a blank there both times.
    assert_eq!(
        frame(&mut screen, &[(0, 0, "x ab", Style::default())]),
        format!("\x1b[1;1Hx {END}")
    );
}

#[test]
fn a_cluster_of_several_chars_is_written_once_and_again_when_it_changes() {
    let mut screen = Screen::new(Size::new(6, 1));
    let plain = Style::default();
    // After a cluster of several chars, the cursor is moved again.
    assert_eq!(
        frame(&mut screen, &[(0, 0, "ae\u{301}b", plain)]),
        format!("{CLEAR}\x1b[1;1Hae\u{301}\x1b[1;3Hb{END}")
    );
    assert_eq!(frame(&mut screen, &[(0, 0, "ae\u{301}b", plain)]), "");
    assert_eq!(
        frame(&mut screen, &[(0, 0, "ao\u{308}b", plain)]),
        format!("\x1b[1;2Ho\u{308}{END}")
    );
    assert_eq!(
        frame(&mut screen, &[(0, 0, "aob", plain)]),
        format!("\x1b[1;2Ho{END}")
    );
}

#[test]
fn skip_cells_are_never_written() {
    let mut screen = Screen::new(Size::new(4, 1));
    let bytes = screen.draw(|buf| {
        buf.set_string(0, 0, "abcd", Style::default());
        buf[(1, 0)].set_diff_option(CellDiffOption::Skip);
        None
    });
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    assert_eq!(text, format!("{CLEAR}\x1b[1;1Ha\x1b[1;3Hcd{END}"));
}

#[test]
fn a_resize_clears_and_draws_everything_again() {
    let mut screen = Screen::new(Size::new(10, 2));
    let lines = [(0, 0, "要闻", Style::default())];
    frame(&mut screen, &lines);
    screen.resize(Size::new(8, 3));
    assert_eq!(screen.size(), Size::new(8, 3));
    assert_eq!(
        frame(&mut screen, &lines),
        format!("{CLEAR}\x1b[1;1H要闻{END}")
    );
}

#[test]
fn a_repaint_clears_and_draws_everything_again() {
    let mut screen = Screen::new(Size::new(10, 1));
    let lines = [(0, 0, "要闻", Style::default())];
    frame(&mut screen, &lines);
    screen.repaint();
    assert_eq!(
        frame(&mut screen, &lines),
        format!("{CLEAR}\x1b[1;1H要闻{END}")
    );
    assert_eq!(frame(&mut screen, &lines), "");
}

#[test]
fn the_cursor_is_moved_and_shown_when_asked_for() {
    let mut screen = Screen::new(Size::new(10, 2));
    let mut prompt = |text: &'static str, column: u16| {
        let bytes = screen.draw(|buf| {
            buf.set_string(0, 1, text, Style::default());
            Some(Position::new(column, 1))
        });
        String::from_utf8(bytes.to_vec()).unwrap()
    };
    let text = prompt("/会议", 5);
    assert!(text.ends_with("\x1b[2;6H\x1b[?25h"), "{text:?}");
    // Unchanged: nothing. A cell written: the cursor goes back.
    assert_eq!(prompt("/会议", 5), "");
    assert_eq!(
        prompt("/会谈", 5),
        "\x1b[2;4H谈\x1b[39m\x1b[49m\x1b[59m\x1b[0m\x1b[2;6H\x1b[?25h"
    );
    // Only the cursor moved: only the cursor is written.
    assert_eq!(prompt("/会谈", 3), "\x1b[2;4H\x1b[?25h");
}

/// One token of a generated row: a narrow or wide character in one of a
/// few styles.
#[derive(Debug, Clone)]
struct Token {
    symbol: &'static str,
    style: Style,
}

/// Emoji sequences some terminals draw one column wide.
const EMOJI: [&str; 4] = ["⚠\u{FE0F}", "❤\u{FE0F}", "🇯🇵", "🌞"];

#[test]
fn the_cursor_is_moved_again_after_every_emoji_sequence() {
    for emoji in EMOJI {
        let mut screen = Screen::new(Size::new(10, 1));
        let text = format!("{emoji}{emoji}ab");
        // Each emoji: its two cells blanked, back, the emoji, and the next
        // cell is reached by an absolute move.
        assert_eq!(
            frame(&mut screen, &[(0, 0, &text, Style::default())]),
            format!(
                "{CLEAR}\x1b[1;1H  \x1b[1;1H{emoji}\x1b[1;3H  \x1b[1;3H{emoji}\x1b[1;5Hab{END}"
            ),
            "{emoji}"
        );
    }
}

#[test]
fn chinese_is_settled_and_emoji_is_not() {
    assert!(is_settled("中", 2));
    assert!(is_settled("。", 2));
    assert!(is_settled("한", 2));
    assert!(is_settled("a", 1));
    assert!(!is_settled("⚠\u{FE0F}", 2));
    assert!(!is_settled("🇯🇵", 2));
    assert!(!is_settled("🌞", 2));
    assert!(!is_settled("e\u{301}", 1));
}

/// What a terminal that ignores the emoji presentation selector (VS16,
/// U+FE0F), as tmux 3.3a does, receives in effect: `⚠️` drawn as `⚠`, one
/// column wide.
fn as_narrow_terminal(bytes: &[u8]) -> Vec<u8> {
    String::from_utf8_lossy(bytes)
        .replace('\u{FE0F}', "")
        .into_bytes()
}

#[test]
fn a_terminal_drawing_emoji_narrow_keeps_the_rest_of_the_row_in_place() {
    let mut screen = Screen::new(Size::new(10, 1));
    let mut terminal = vt100::Parser::new(
        std::num::NonZero::new(1).unwrap(),
        std::num::NonZero::new(10).unwrap(),
        0,
    );
    let plain = Style::default();
    terminal.process(&as_narrow_terminal(
        frame(&mut screen, &[(0, 0, "abcdefghij", plain)]).as_bytes(),
    ));
    let bytes = frame(&mut screen, &[(0, 0, "⚠\u{FE0F}注意❤\u{FE0F}xy", plain)]);
    terminal.process(&as_narrow_terminal(bytes.as_bytes()));
    // `⚠` at column 0, a blank where its second half would be (not the
    // stale `b`), then everything in its own column.
    assert_eq!(terminal.screen().contents(), "⚠ 注意❤ xy");
}

fn token() -> impl Strategy<Value = Token> {
    let symbols = prop::sample::select(vec![
        "a", "b", " ", "7", "中", "文", "。", "Ａ", "e\u{301}", "o\u{308}",
        // Not the flag: `vt100` draws regional indicators one by one.
        EMOJI[0], EMOJI[1], EMOJI[3],
    ]);
    let styles = prop::sample::select(vec![
        Style::default(),
        Style::default().fg(Color::Indexed(1)),
        Style::default().bg(Color::Indexed(4)),
        Style::default().add_modifier(Modifier::BOLD),
        Style::default()
            .fg(Color::Indexed(2))
            .add_modifier(Modifier::REVERSED),
    ]);
    (symbols, styles).prop_map(|(symbol, style)| Token { symbol, style })
}

/// A frame of `WIDTH`×`HEIGHT` cells: rows of tokens laid left to right,
/// each starting where the last ended; a wide character that would cross
/// the right edge is left out.
const WIDTH: u16 = 9;
const HEIGHT: u16 = 3;

fn draw_tokens(buf: &mut Buffer, rows: &[Vec<Token>]) {
    for (y, row) in (0..HEIGHT).zip(rows) {
        let mut x = 0;
        for token in row {
            let columns =
                u16::try_from(cluster_width(token.symbol, AmbiguousWidth::Narrow)).unwrap();
            if x + columns > WIDTH {
                break;
            }
            buf.set_string(x, y, token.symbol, token.style);
            x += columns;
        }
    }
}

fn vt_colour(colour: Color) -> vt100::Color {
    match colour {
        Color::Indexed(i) => vt100::Color::Idx(i),
        _ => vt100::Color::Default,
    }
}

/// Checks that the emulated terminal shows `buf`: every character, its
/// colours and attributes, and wide characters whole.
fn assert_shows(terminal: &vt100::Parser, buf: &Buffer) {
    let screen = terminal.screen();
    for y in 0..HEIGHT {
        let mut x = 0;
        while x < WIDTH {
            let cell = &buf[(x, y)];
            let shown = screen.cell(y, x).unwrap();
            let contents = if shown.contents().is_empty() {
                " "
            } else {
                shown.contents()
            };
            let at = format!("({x},{y}) in\n{}", screen.contents());
            assert_eq!(contents, cell.symbol(), "{at}");
            assert_eq!(shown.fgcolor(), vt_colour(cell.fg), "{at}");
            assert_eq!(shown.bgcolor(), vt_colour(cell.bg), "{at}");
            assert_eq!(shown.bold(), cell.modifier.contains(Modifier::BOLD), "{at}");
            assert_eq!(
                shown.inverse(),
                cell.modifier.contains(Modifier::REVERSED),
                "{at}"
            );
            let columns = width_of(cell.symbol());
            assert_eq!(shown.is_wide(), columns == 2, "{at}");
            x += u16::try_from(columns.max(1)).unwrap();
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]
    /// Whatever the sequence of frames, a terminal fed the screen's bytes
    /// shows exactly the last frame (checked on the `vt100` emulator).
    #[test]
    fn a_terminal_fed_the_bytes_shows_each_frame(
        frames in prop::collection::vec(
            prop::collection::vec(prop::collection::vec(token(), 0..10), 0..=3),
            1..6,
        )
    ) {
        let mut screen = Screen::new(Size::new(WIDTH, HEIGHT));
        let mut terminal = vt100::Parser::new(
            std::num::NonZero::new(HEIGHT).unwrap(),
            std::num::NonZero::new(WIDTH).unwrap(),
            0,
        );
        for rows in &frames {
            let bytes = screen.draw(|buf| {
                draw_tokens(buf, rows);
                None
            });
            terminal.process(bytes);
            let mut expected = Buffer::empty(Rect::new(0, 0, WIDTH, HEIGHT));
            draw_tokens(&mut expected, rows);
            assert_shows(&terminal, &expected);
        }
    }
}

#[test]
fn a_wide_character_over_the_first_half_of_another_rewrites_its_second_half() {
    // Found by the emulator test: `中` moved one column left, in red,
    // overwrites the first half of the `中` that stood at columns 3–4
    // (1-based); the terminal erases column 4 in red, so it is written
    // again in the default colours though both frames hold a blank there
    // (then columns 5–6, where the last `中` was, are blanked).
    let mut screen = Screen::new(Size::new(6, 1));
    frame(&mut screen, &[(0, 0, "中中中", Style::default())]);
    let red = Style::default().fg(Color::Indexed(1));
    assert_eq!(
        frame(
            &mut screen,
            &[(0, 0, "a", Style::default()), (1, 0, "中", red)]
        ),
        format!("\x1b[1;1Ha\x1b[38;5;1m中\x1b[39m   {END}")
    );
}
