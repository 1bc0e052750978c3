//! Keys to actions: the one table that says which key does what.
//!
//! [`Keymap::default`] holds the bindings of issue 2's key table; the same
//! table produces the help overlay ([`Keymap::help`]), so a remapped key
//! shows correctly. A config's `[keys]` are applied with
//! [`Keymap::configured`]. While a prompt (search, bookmark note) is open,
//! keys are text instead ([`edit_of`]). Only press (and repeat) events map to actions; Shift is
//! ignored for character keys, since `G` and `?` arrive as shifted chars.

use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use crate::app::input::Edit;
use crate::app::{Action, HelpEntry, Mode, MouseInput};
use crate::config::{Config, KeyBindings, KeyName, KeySpec};

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
    /// `Shift-Tab`, `↓`, `PageDown`, `Space`, `F1`.
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
            KeyCode::F(n) => format!("F{n}"),
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

/// The edit a key makes in a one-line prompt (search, bookmark note), where
/// keys type text instead of running actions: printable chars (with or
/// without Shift; CJK input methods deliver composed chars) insert
/// themselves, Backspace removes the last grapheme cluster, Ctrl-U clears,
/// Enter accepts, Esc (or Ctrl-C) cancels. These keys are fixed, not
/// remappable. Release events and other keys give `None`.
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

/// What a key means in the current [`Mode`]: an action, or an edit of the
/// open prompt's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// Run this action.
    Action(Action),
    /// Edit the prompt's text.
    Edit(Edit),
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
            (Key::ctrl('c'), A::Exit),
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
            (Key::char('/'), A::Search),
            (Key::char('n'), A::NextMatch),
            (Key::char('N'), A::PreviousMatch),
            (Key::char('f'), A::ToggleFilter),
            (Key::char('m'), A::ToggleRead),
            (Key::char('y'), A::CopyParagraph),
            (Key::char('Y'), A::CopyArticle),
            (Key::char('}'), A::NextEdition),
            (Key::char('{'), A::PreviousEdition),
            (Key::ctrl('l'), A::Redraw),
            (Key::ctrl('z'), A::Suspend),
        ];
        let pages = (1..=9u8).map(|n| (Key::char(char::from(b'0' + n)), A::GotoPage(n)));
        let bindings = bindings.into_iter().chain(pages).collect();
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

    /// What `event` means in `mode`: the one place keys are routed. In a
    /// prompt a key that edits text is text (even one the config binds to
    /// an action), and of the other keys only the terminal's own actions
    /// ([`Action::works_in_prompt`]) run; elsewhere the bound action, if
    /// any (the library screen and the help overlay decide what an action
    /// means there).
    pub fn input(&self, event: &KeyEvent, mode: Mode) -> Option<Input> {
        if mode == Mode::Prompt {
            if let Some(edit) = edit_of(event) {
                return Some(Input::Edit(edit));
            }
            return self
                .action(event)
                .filter(|a| a.works_in_prompt())
                .map(Input::Action);
        }
        self.action(event).map(Input::Action)
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

    /// The label of the first key bound to `action` (`j`, `Enter`), for
    /// the hints the UI shows; `None` when the action is unbound.
    pub fn first_key(&self, action: Action) -> Option<String> {
        self.bindings
            .iter()
            .find(|(_, a)| *a == action)
            .map(|(k, _)| k.label())
    }

    /// The library screen's status-bar hint, naming the keys as bound now
    /// (` Enter open  j/k move  { } previous/next  ? help  q quit` by
    /// default); a part whose action is unbound is left out.
    pub fn library_hint(&self) -> String {
        let key = |action| self.first_key(action);
        let pair = |a, b, sep: &str| Some(format!("{}{sep}{}", key(a)?, key(b)?));
        let parts = [
            key(Action::Open).map(|k| format!("{k} open")),
            pair(Action::ScrollDown, Action::ScrollUp, "/").map(|k| format!("{k} move")),
            pair(Action::PreviousEdition, Action::NextEdition, " ")
                .map(|k| format!("{k} previous/next")),
            key(Action::Help).map(|k| format!("{k} help")),
            key(Action::Quit).map(|k| format!("{k} quit")),
        ];
        let parts: Vec<String> = parts.into_iter().flatten().collect();
        format!(" {}", parts.join("  "))
    }

    /// The help overlay's lines: one per bound action in [`Action::ALL`]
    /// order, listing its keys in binding order (`j, ↓`). The nine page
    /// jumps share one line (`1-9` when bound to the digits).
    pub fn help(&self) -> Vec<HelpEntry> {
        self.help_with(|action| Some(action.description()))
    }

    /// The library screen's help overlay: as [`Keymap::help`], but only
    /// the actions the library screen carries out, described as it does
    /// ([`Action::library_description`]). Actions with the same
    /// description share a line (`q, Ctrl-C  quit`).
    pub fn library_help(&self) -> Vec<HelpEntry> {
        self.help_with(Action::library_description)
    }

    /// Help lines for the actions `describe` gives a description, in
    /// [`Action::ALL`] order; an action described as the line before it
    /// joins that line.
    fn help_with(&self, describe: impl Fn(Action) -> Option<&'static str>) -> Vec<HelpEntry> {
        let mut entries: Vec<HelpEntry> = Vec::new();
        for action in Action::ALL {
            let Some(description) = describe(action) else {
                continue;
            };
            let keys: Vec<String> = self
                .bindings
                .iter()
                .filter(|(_, a)| *a == action)
                .map(|(k, _)| k.label())
                .collect();
            if keys.is_empty() {
                continue;
            }
            let keys = keys.join(", ");
            match entries.iter_mut().find(|e| e.description == description) {
                Some(same) => same.keys = format!("{}, {keys}", same.keys),
                None => entries.push(HelpEntry { keys, description }),
            }
        }
        for entry in &mut entries {
            if entry.keys == "1, 2, 3, 4, 5, 6, 7, 8, 9" {
                entry.keys = "1-9".to_owned();
            }
        }
        entries
    }

    /// Builds the key map from effective `[keys]` bindings (action name to
    /// key specs, see [`Config::merge_default_keys`]): actions in
    /// [`Action::ALL`] order, each action's keys in the order written.
    /// Names that are no action and specs no terminal can send are skipped
    /// (the config was validated before).
    pub fn from_bindings(bindings: &KeyBindings) -> Self {
        let mut map = Keymap {
            bindings: Vec::new(),
        };
        for action in Action::ALL {
            for spec in bindings.get(action.name()).into_iter().flatten() {
                if let Some(key) = Key::of_spec(spec) {
                    map.bind(key, action);
                }
            }
        }
        map
    }

    /// The default map with a config's `[keys]` applied: the user's
    /// bindings merged over the defaults ([`Config::merge_default_keys`]).
    /// Also leaves the merged, effective bindings in `config.keys`, for
    /// `--print-config`.
    pub fn configured(config: &mut Config) -> Self {
        config.merge_default_keys(&Keymap::default().to_bindings());
        Keymap::from_bindings(&config.keys)
    }

    /// The bindings as config `[keys]`: action name to key specs.
    pub fn to_bindings(&self) -> KeyBindings {
        let mut out = KeyBindings::new();
        for (key, action) in &self.bindings {
            if let Some(spec) = key.spec() {
                out.entry(action.name().to_owned()).or_default().push(spec);
            }
        }
        out
    }

    /// The names of every action, for [`Config::validate_keys`].
    pub fn action_names() -> Vec<&'static str> {
        Action::ALL.iter().map(|a| a.name()).collect()
    }
}

impl Keymap {
    /// The mouse events the reader uses (see [`MouseInput`]): the wheel and
    /// a left click; `None` for the rest (moves, drags, releases).
    pub fn mouse_input(event: &MouseEvent) -> Option<MouseInput> {
        let (column, row) = (event.column, event.row);
        match event.kind {
            MouseEventKind::ScrollDown => Some(MouseInput::WheelDown(column, row)),
            MouseEventKind::ScrollUp => Some(MouseInput::WheelUp(column, row)),
            MouseEventKind::Down(MouseButton::Left) => Some(MouseInput::Click(column, row)),
            _ => None,
        }
    }
}

impl Key {
    /// The key named by a config key spec; `None` for a spec no key event
    /// maps to (shift with a named key other than Tab).
    pub fn of_spec(spec: &KeySpec) -> Option<Key> {
        let code = match spec.code {
            KeyName::Char(c) => KeyCode::Char(c),
            KeyName::Tab if spec.shift => KeyCode::BackTab,
            _ if spec.shift => return None,
            KeyName::F(n) => KeyCode::F(n),
            KeyName::Enter => KeyCode::Enter,
            KeyName::Esc => KeyCode::Esc,
            KeyName::Tab => KeyCode::Tab,
            KeyName::Backspace => KeyCode::Backspace,
            KeyName::Delete => KeyCode::Delete,
            KeyName::Insert => KeyCode::Insert,
            KeyName::Home => KeyCode::Home,
            KeyName::End => KeyCode::End,
            KeyName::PageUp => KeyCode::PageUp,
            KeyName::PageDown => KeyCode::PageDown,
            KeyName::Up => KeyCode::Up,
            KeyName::Down => KeyCode::Down,
            KeyName::Left => KeyCode::Left,
            KeyName::Right => KeyCode::Right,
        };
        let mut modifiers = KeyModifiers::NONE;
        if spec.ctrl {
            modifiers |= KeyModifiers::CONTROL;
        }
        if spec.alt {
            modifiers |= KeyModifiers::ALT;
        }
        Some(Key { code, modifiers })
    }

    /// The config key spec for this key; `None` for a key a spec cannot
    /// name.
    pub fn spec(&self) -> Option<KeySpec> {
        let (code, shift) = match self.code {
            KeyCode::Char(c) => (KeyName::Char(c), false),
            KeyCode::BackTab => (KeyName::Tab, true),
            KeyCode::F(n) => (KeyName::F(n), false),
            KeyCode::Enter => (KeyName::Enter, false),
            KeyCode::Esc => (KeyName::Esc, false),
            KeyCode::Tab => (KeyName::Tab, false),
            KeyCode::Backspace => (KeyName::Backspace, false),
            KeyCode::Delete => (KeyName::Delete, false),
            KeyCode::Insert => (KeyName::Insert, false),
            KeyCode::Home => (KeyName::Home, false),
            KeyCode::End => (KeyName::End, false),
            KeyCode::PageUp => (KeyName::PageUp, false),
            KeyCode::PageDown => (KeyName::PageDown, false),
            KeyCode::Up => (KeyName::Up, false),
            KeyCode::Down => (KeyName::Down, false),
            KeyCode::Left => (KeyName::Left, false),
            KeyCode::Right => (KeyName::Right, false),
            _ => return None,
        };
        Some(KeySpec {
            code,
            ctrl: self.modifiers.contains(KeyModifiers::CONTROL),
            alt: self.modifiers.contains(KeyModifiers::ALT),
            shift,
        })
    }
}
