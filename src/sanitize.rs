//! Making text that did not come from the program safe to write to a
//! terminal or a text file: file names, stored bookmark strings, paths in
//! error lines.
//!
//! Such text may hold control characters, and with them escape sequences
//! (`ESC ] 0 ; title BEL` sets the window title, `ESC [ 2 J` clears the
//! screen, `ESC ] 52 ; c ; … BEL` writes the clipboard). None is ever
//! written: each control character is shown instead, as `cat -v` and
//! `less` show them:
//! - C0 controls and DEL in caret notation: ESC as `^[`, BEL as `^G`, NUL as
//!   `^@`, DEL as `^?`;
//! - C1 controls (U+0080–U+009F, which some terminals take as `ESC` plus a
//!   letter: U+009B is CSI) as U+FFFD `�`;
//! - tabs and line breaks as the output allows: in one line ([`line`]) a
//!   tab, line feed or carriage return is a space; in a text file
//!   ([`text`]) tabs and line feeds stay, a carriage return is `^M`.
//!
//! Everything else, CJK and emoji included, passes unchanged, and text
//! without control characters is returned as it is, without a copy.

use std::borrow::Cow;

/// `s` as one line for a terminal: no control character left (see the
/// module doc); tab, line feed and carriage return become spaces.
pub fn line(s: &str) -> Cow<'_, str> {
    clean(s, Keep::None)
}

/// `s` for a text file or a multi-line output: no control character left
/// (see the module doc) but tabs and line feeds.
pub fn text(s: &str) -> Cow<'_, str> {
    clean(s, Keep::TabsAndNewlines)
}

/// True when `s` holds a character [`line`] would change: a C0 or C1
/// control or DEL.
pub fn has_controls(s: &str) -> bool {
    // The cheap test: C0 and DEL are single bytes, a C1 control is 0xC2
    // followed by 0x80–0x9F in UTF-8.
    let bytes = s.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        b < 0x20 || b == 0x7f || (b == 0xc2 && bytes.get(i + 1).is_some_and(|n| *n < 0xa0))
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Keep {
    None,
    TabsAndNewlines,
}

fn clean(s: &str, keep: Keep) -> Cow<'_, str> {
    if !has_controls(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\t' | '\n' if keep == Keep::TabsAndNewlines => out.push(c),
            '\t' | '\n' | '\r' if keep == Keep::None => out.push(' '),
            '\u{0}'..='\u{1f}' => {
                out.push('^');
                out.push(char::from(
                    u8::try_from(u32::from(c) + 0x40).unwrap_or(b'?'),
                ));
            }
            '\u{7f}' => out.push_str("^?"),
            '\u{80}'..='\u{9f}' => out.push('\u{FFFD}'),
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str = "evil\u{1b}]0;PWNED\u{7}\u{1b}[2J\u{1b}]52;c;ZXZpbA==\u{7}name.txt";

    #[test]
    fn escape_sequences_are_shown_not_written() {
        assert_eq!(
            line(HOSTILE),
            "evil^[]0;PWNED^G^[[2J^[]52;c;ZXZpbA==^Gname.txt"
        );
    }

    #[test]
    fn c1_controls_and_del_are_replaced() {
        assert_eq!(line("a\u{9b}2Jb\u{7f}c\u{85}"), "a\u{FFFD}2Jb^?c\u{FFFD}");
    }

    #[test]
    fn one_line_folds_tabs_and_breaks_and_text_keeps_them() {
        assert_eq!(line("a\tb\nc\rd"), "a b c d");
        assert_eq!(text("a\tb\nc\rd\u{1b}"), "a\tb\nc^Md^[");
    }

    #[test]
    fn clean_text_is_borrowed_unchanged() {
        let s = "无锡日报 — “今天” é ½ 🙂 \u{a0}\u{a0}";
        assert!(matches!(line(s), Cow::Borrowed(t) if t == s));
        assert!(!has_controls(s));
    }

    #[test]
    fn every_control_is_caught() {
        for code in (0..0x20).chain(0x7f..0xa0) {
            let c = char::from_u32(code).unwrap_or(' ');
            let s = format!("x{c}y");
            assert!(has_controls(&s), "{code:#x}");
            assert!(!line(&s).chars().any(char::is_control), "{code:#x}");
        }
    }
}
