//! Key specs: the strings that name a key in `[keys]` (`"j"`, `"ctrl-d"`,
//! `"pagedown"`, `"shift-tab"`, `"?"`, `"F1"`), parsed into [`KeySpec`].
//!
//! This is our own type, not crossterm's: the config knows no terminal. The
//! UI's keymap converts a terminal key event into a [`KeySpec`] (or the
//! reverse) and compares.
//!
//! Syntax: zero or more modifiers `ctrl-`, `alt-` (or `meta-`), `shift-`
//! (case-insensitive, each at most once), then exactly one key: a single
//! character, `F1`–`F24`, or a name (case-insensitive): `enter` (`return`),
//! `esc` (`escape`), `tab`, `backtab` (= `shift-tab`), `backspace`, `delete`
//! (`del`), `insert` (`ins`), `home`, `end`, `pageup` (`pgup`), `pagedown`
//! (`pgdn`), `up`, `down`, `left`, `right`, `space`. `-` alone is the minus
//! key, and `ctrl--` is ctrl with minus.
//!
//! Character keys carry shift in the character, as terminals report them:
//! `shift-j` and `J` are the same spec (`Char('J')`, `shift` false). Shift
//! with any other character is an error, since which character it gives
//! depends on the keyboard layout: write the character itself (`?`, not
//! `shift-/`). With `ctrl-`, an ASCII letter is taken in lowercase:
//! terminals send the same byte for ctrl-d and ctrl-D (C0 controls, ECMA-48),
//! so `ctrl-D`, `ctrl-shift-d` and `ctrl-d` are one spec.

use std::fmt;

/// A key without modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyName {
    /// A character key, as typed (so `'J'` for shift-j). `' '` is space.
    Char(char),
    /// Function key `F1`–`F24` (the number, 1–24).
    F(u8),
    /// Enter (Return).
    Enter,
    /// Escape.
    Esc,
    /// Tab; with `shift` it is back-tab.
    Tab,
    /// Backspace.
    Backspace,
    /// Delete (forward delete).
    Delete,
    /// Insert.
    Insert,
    /// Home.
    Home,
    /// End.
    End,
    /// Page Up.
    PageUp,
    /// Page Down.
    PageDown,
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
}

/// A key with its modifiers, as written in `[keys]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeySpec {
    /// The key.
    pub code: KeyName,
    /// Control held.
    pub ctrl: bool,
    /// Alt (Meta) held.
    pub alt: bool,
    /// Shift held; always false for [`KeyName::Char`] (see the module doc).
    pub shift: bool,
}

/// Why a key spec did not parse. The message is a phrase that completes
/// "bad key '…': ".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeySpecError {
    /// The spec is empty, or only modifiers.
    #[error("no key after the modifiers")]
    MissingKey,
    /// A modifier appears twice.
    #[error("modifier '{0}' given twice")]
    RepeatedModifier(&'static str),
    /// The key part is more than one character and no known name.
    #[error("unknown key name '{0}'")]
    UnknownName(String),
    /// `shift-` with a character that is not a letter.
    #[error("shift works only with letters and named keys; write the shifted character itself")]
    ShiftWithSymbol,
}

/// Named keys and their accepted spellings (lowercase); the first spelling
/// is the one [`KeySpec`]'s `Display` writes.
const NAMES: &[(KeyName, &[&str])] = &[
    (KeyName::Enter, &["enter", "return"]),
    (KeyName::Esc, &["esc", "escape"]),
    (KeyName::Tab, &["tab"]),
    (KeyName::Backspace, &["backspace"]),
    (KeyName::Delete, &["delete", "del"]),
    (KeyName::Insert, &["insert", "ins"]),
    (KeyName::Home, &["home"]),
    (KeyName::End, &["end"]),
    (KeyName::PageUp, &["pageup", "pgup"]),
    (KeyName::PageDown, &["pagedown", "pgdn"]),
    (KeyName::Up, &["up"]),
    (KeyName::Down, &["down"]),
    (KeyName::Left, &["left"]),
    (KeyName::Right, &["right"]),
    (KeyName::Char(' '), &["space"]),
];

/// The modifier prefixes, lowercase, with the flag each sets.
const MODIFIERS: &[(&str, &str)] = &[
    ("ctrl-", "ctrl"),
    ("alt-", "alt"),
    ("meta-", "alt"),
    ("shift-", "shift"),
];

impl KeySpec {
    /// A plain key with no modifiers.
    pub fn plain(code: KeyName) -> Self {
        KeySpec {
            code,
            ctrl: false,
            alt: false,
            shift: false,
        }
    }

    /// Parses a key spec (see the module doc for the syntax).
    ///
    /// # Errors
    /// [`KeySpecError`] saying what is wrong. Never panics.
    pub fn parse(spec: &str) -> Result<Self, KeySpecError> {
        let (mut key, rest) = strip_modifiers(spec)?;
        key.code = parse_key_name(rest)?;
        if key.code == KeyName::Tab && rest.eq_ignore_ascii_case("backtab") {
            key.shift = true;
        }
        if let KeyName::Char(c) = key.code
            && key.shift
        {
            if !c.is_alphabetic() {
                return Err(KeySpecError::ShiftWithSymbol);
            }
            key.code = KeyName::Char(c.to_uppercase().next().unwrap_or(c));
            key.shift = false;
        }
        if let KeyName::Char(c) = key.code
            && key.ctrl
        {
            key.code = KeyName::Char(c.to_ascii_lowercase());
        }
        Ok(key)
    }
}

/// Splits the modifier prefixes off `spec`.
fn strip_modifiers(spec: &str) -> Result<(KeySpec, &str), KeySpecError> {
    let mut key = KeySpec::plain(KeyName::Char(' '));
    let mut rest = spec;
    'outer: loop {
        for &(prefix, flag) in MODIFIERS {
            let matches = rest
                .get(..prefix.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(prefix));
            if matches {
                let seen = match flag {
                    "ctrl" => &mut key.ctrl,
                    "alt" => &mut key.alt,
                    _ => &mut key.shift,
                };
                if *seen {
                    return Err(KeySpecError::RepeatedModifier(flag));
                }
                *seen = true;
                rest = &rest[prefix.len()..];
                continue 'outer;
            }
        }
        break;
    }
    if rest.is_empty() {
        return Err(KeySpecError::MissingKey);
    }
    Ok((key, rest))
}

/// Parses the key part (after the modifiers) of a spec.
fn parse_key_name(text: &str) -> Result<KeyName, KeySpecError> {
    let mut chars = text.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return Ok(KeyName::Char(c));
    }
    let lower = text.to_ascii_lowercase();
    if lower == "backtab" {
        return Ok(KeyName::Tab);
    }
    if let Some(&(name, _)) = NAMES
        .iter()
        .find(|(_, spellings)| spellings.contains(&lower.as_str()))
    {
        return Ok(name);
    }
    lower
        .strip_prefix('f')
        .and_then(|n| n.parse::<u8>().ok())
        .filter(|n| (1..=24).contains(n) && !lower.starts_with("f0"))
        .map(KeyName::F)
        .ok_or_else(|| KeySpecError::UnknownName(text.to_owned()))
}

impl fmt::Display for KeySpec {
    /// The canonical spec: modifiers in the order `ctrl-`, `alt-`, `shift-`,
    /// then the key (`space`, `F1`, `pagedown`, or the character). Parsing
    /// it gives the same [`KeySpec`] back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("ctrl-")?;
        }
        if self.alt {
            f.write_str("alt-")?;
        }
        if self.shift {
            f.write_str("shift-")?;
        }
        if let Some((_, spellings)) = NAMES.iter().find(|(name, _)| *name == self.code) {
            return f.write_str(spellings.first().copied().unwrap_or_default());
        }
        match self.code {
            KeyName::Char(c) => write!(f, "{c}"),
            KeyName::F(n) => write!(f, "F{n}"),
            _ => Ok(()),
        }
    }
}

impl std::str::FromStr for KeySpec {
    type Err = KeySpecError;

    fn from_str(spec: &str) -> Result<Self, Self::Err> {
        KeySpec::parse(spec)
    }
}
