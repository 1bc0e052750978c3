//! Keys to actions: the one table that says which key does what.
//!
//! [`Keymap::default`] holds the bindings of issue 2's key table; the same
//! table produces the help overlay ([`Keymap::help`]), so a remapped key
//! shows correctly. Only press (and repeat) events map to actions; Shift is
//! ignored for character keys, since `G` and `?` arrive as shifted chars.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::app::input::Edit;
use crate::app::{Action, HelpEntry};

/// A key with its modifiers (Control and Alt; Shift is part of the char).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Control and/or Alt, or none.
    pub modifiers: KeyModifiers,
}

impl Key {
    /// A key without modifiers.
    pub const fn plain(code: KeyCode) -> Self {
        Key {
            code,
            modifiers: KeyModifiers::NONE,
        }
    }

    /// A character key without modifiers.
    pub const fn char(c: char) -> Self {
        Key::plain(KeyCode::Char(c))
    }

    /// A character key with Control.
    pub const fn ctrl(c: char) -> Self {
        Key {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::CONTROL,
        }
    }

    /// The key of a terminal key event, with Shift dropped (it is already
    /// in a char's case, and in `BackTab`).
    pub fn of_event(event: &KeyEvent) -> Self {
        let mut modifiers = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        let code = match event.code {
            KeyCode::Char(c) if modifiers.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            code => code,
        };
        if code == KeyCode::BackTab {
            modifiers.remove(KeyModifiers::ALT);
        }
        Key { code, modifiers }
    }

    /// How the key is written in the help overlay: `q`, `Ctrl-C`, `Tab`,
    /// `Shift-Tab`, `↓`, `PageDown`, `Space`.
    pub fn label(&self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Char(c) if self.modifiers.is_empty() => c.to_string(),
            KeyCode::Char(c) => c.to_ascii_uppercase().to_string(),
            KeyCode::Tab => "Tab".to_owned(),
            KeyCode::BackTab => "Shift-Tab".to_owned(),
            KeyCode::Down => "↓".to_owned(),
            KeyCode::Up => "↑".to_owned(),
            KeyCode::Left => "←".to_owned(),
            KeyCode::Right => "→".to_owned(),
            KeyCode::Enter => "Enter".to_owned(),
            KeyCode::Esc => "Esc".to_owned(),
            KeyCode::PageDown => "PageDown".to_owned(),
            KeyCode::PageUp => "PageUp".to_owned(),
            KeyCode::Home => "Home".to_owned(),
            KeyCode::End => "End".to_owned(),
            KeyCode::Delete => "Delete".to_owned(),
            KeyCode::Backspace => "Backspace".to_owned(),
            code => format!("{code:?}"),
        };
        let mut label = String::new();
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            label.push_str("Ctrl-");
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            label.push_str("Alt-");
        }
        label + &name
    }
}

/// The edit a key makes in a one-line prompt (the bookmark note), where
/// keys type text instead of running actions: printable chars (with or
/// without Shift) insert themselves, Backspace removes the last grapheme
/// cluster, Ctrl-U clears, Enter accepts, Esc (or Ctrl-C) cancels. These keys
/// are fixed, not remappable. Release events and other keys give `None`.
pub fn edit_of(event: &KeyEvent) -> Option<Edit> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    match event.code {
        KeyCode::Enter => Some(Edit::Submit),
        KeyCode::Esc => Some(Edit::Cancel),
        KeyCode::Backspace => Some(Edit::Backspace),
        KeyCode::Char('c') if ctrl => Some(Edit::Cancel),
        KeyCode::Char('u') if ctrl => Some(Edit::Clear),
        KeyCode::Char(c) if !ctrl && !event.modifiers.contains(KeyModifiers::ALT) => {
            Some(Edit::Insert(c))
        }
        _ => None,
    }
}

/// The key bindings: an ordered list of (key, action).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<(Key, Action)>,
}

impl Default for Keymap {
    /// Issue 2's key table.
    fn default() -> Self {
        use Action as A;
        use KeyCode as K;
        let bindings = vec![
            (Key::char('q'), A::Quit),
            (Key::ctrl('c'), A::Quit),
            (Key::plain(K::Tab), A::NextPane),
            (Key::plain(K::BackTab), A::PreviousPane),
            (Key::char('j'), A::ScrollDown),
            (Key::plain(K::Down), A::ScrollDown),
            (Key::char('k'), A::ScrollUp),
            (Key::plain(K::Up), A::ScrollUp),
            (Key::plain(K::Enter), A::Open),
            (Key::char(' '), A::PageDown),
            (Key::plain(K::PageDown), A::PageDown),
            (Key::plain(K::PageUp), A::PageUp),
            (Key::char('g'), A::Top),
            (Key::plain(K::Home), A::Top),
            (Key::char('G'), A::Bottom),
            (Key::plain(K::End), A::Bottom),
            (Key::char(']'), A::NextArticle),
            (Key::char('['), A::PreviousArticle),
            (Key::char('b'), A::ToggleBookmark),
            (Key::char('B'), A::ToggleSidebar),
            (Key::char('d'), A::DeleteBookmark),
            (Key::plain(K::Delete), A::DeleteBookmark),
            (Key::char('r'), A::RenameBookmark),
            (Key::char('u'), A::UndoDelete),
            (Key::char('s'), A::ToggleBookmarkOrder),
            (Key::char('?'), A::Help),
            (Key::plain(K::Esc), A::Close),
        ];
        Keymap { bindings }
    }
}

impl Keymap {
    /// The action bound to a terminal key event, if any. Release events map
    /// to nothing.
    pub fn action(&self, event: &KeyEvent) -> Option<Action> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        self.action_for(Key::of_event(event))
    }

    /// The action bound to `key`, if any.
    pub fn action_for(&self, key: Key) -> Option<Action> {
        self.bindings
            .iter()
            .find(|(k, _)| *k == key)
            .map(|&(_, action)| action)
    }

    /// Every (key, action) binding, in binding order (e.g. to write the
    /// defaults into a config file).
    pub fn bindings(&self) -> impl Iterator<Item = (Key, Action)> + '_ {
        self.bindings.iter().copied()
    }

    /// Binds `key` to `action`, replacing any earlier binding of `key`.
    pub fn bind(&mut self, key: Key, action: Action) {
        self.bindings.retain(|(k, _)| *k != key);
        self.bindings.push((key, action));
    }

    /// The help overlay's lines: one per bound action in [`Action::ALL`]
    /// order, listing its keys in binding order (`j, ↓`).
    pub fn help(&self) -> Vec<HelpEntry> {
        Action::ALL
            .into_iter()
            .filter_map(|action| {
                let keys: Vec<String> = self
                    .bindings
                    .iter()
                    .filter(|(_, a)| *a == action)
                    .map(|(k, _)| k.label())
                    .collect();
                (!keys.is_empty()).then(|| HelpEntry {
                    keys: keys.join(", "),
                    description: action.description(),
                })
            })
            .collect()
    }
}
