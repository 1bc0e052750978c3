//! Reading `config.toml` text into a [`Config`], with errors that name the
//! file, the line and the key.
//!
//! The document is parsed into `toml`'s spanned tree ([`DeTable`]) and
//! walked by hand rather than derived with serde's `deny_unknown_fields`:
//! serde's messages for a bad value do not name the key (`invalid type:
//! string "yes", expected a boolean`), and its unknown-field message is
//! worded for Rust programmers. Walking the tree gives every error the span
//! of the exact key or value, so the line is always right.

use std::path::Path;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::keys::KeySpec;
use super::{AmbiguousWidth, Config, ConfigError, MEASURE_RANGE, Theme};

/// One entry of a table: its key and value, with spans.
type Entry<'a, 'i> = (
    &'a Spanned<std::borrow::Cow<'i, str>>,
    &'a Spanned<DeValue<'i>>,
);

/// Parses config text; `path` is only used in error messages and kept as
/// the config's origin.
pub(super) fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
    let reader = Reader { text, path };
    let document = DeTable::parse(text).map_err(|e| reader.syntax(&e))?;
    let mut config = Config::default();
    config.origin.path = Some(path.to_owned());
    for (key, value) in in_file_order(document.get_ref()) {
        let name = key.get_ref().as_ref();
        match name {
            "theme" => config.theme = reader.choice(name, value, Theme::from_name)?,
            "ambiguous_width" => {
                config.ambiguous_width = reader.choice(name, value, AmbiguousWidth::from_name)?;
            }
            "measure" => config.measure = reader.measure(name, value)?,
            "justify" => config.justify = reader.boolean(name, value)?,
            "mouse" => config.mouse = reader.boolean(name, value)?,
            "search" => reader.search(value, &mut config)?,
            "keys" => reader.keys(value, &mut config)?,
            _ => return Err(reader.unknown_key(name, key.span().start)),
        }
    }
    Ok(config)
}

/// A table's entries sorted by where they appear in the file, so the first
/// error reported is the first in the file.
fn in_file_order<'a, 'i>(table: &'a DeTable<'i>) -> Vec<Entry<'a, 'i>> {
    let mut entries: Vec<Entry<'a, 'i>> = table.iter().collect();
    entries.sort_by_key(|(key, _)| key.span().start);
    entries
}

/// The text being read and its path, for error messages.
struct Reader<'a> {
    text: &'a str,
    path: &'a Path,
}

impl Reader<'_> {
    /// The 1-based line of byte `offset`.
    fn line(&self, offset: usize) -> usize {
        let before = self.text.get(..offset).unwrap_or(self.text);
        before.bytes().filter(|&b| b == b'\n').count() + 1
    }

    /// A TOML syntax error: the parser's message, plus the offending text
    /// (`near 'mouse'`) when it is a short piece of one line.
    fn syntax(&self, error: &toml::de::Error) -> ConfigError {
        let span = error.span().unwrap_or(0..0);
        let mut message = error
            .message()
            .lines()
            .next()
            .unwrap_or("invalid TOML")
            .to_owned();
        let snippet = self.text.get(span.clone()).unwrap_or_default().trim();
        if !snippet.is_empty() && !snippet.contains('\n') && snippet.chars().count() <= 40 {
            message = format!("{message} near '{snippet}'");
        }
        ConfigError::Syntax {
            path: self.path.to_owned(),
            line: self.line(span.start),
            message,
        }
    }

    fn unknown_key(&self, key: &str, offset: usize) -> ConfigError {
        ConfigError::UnknownKey {
            path: self.path.to_owned(),
            line: self.line(offset),
            key: key.to_owned(),
        }
    }

    fn bad_value(&self, key: &str, value: &Spanned<DeValue<'_>>, expected: &str) -> ConfigError {
        ConfigError::BadValue {
            path: self.path.to_owned(),
            line: self.line(value.span().start),
            key: key.to_owned(),
            expected: expected.to_owned(),
            found: describe(value.get_ref()),
        }
    }

    /// A string that must be one of an enum's names.
    fn choice<T: Choice>(
        &self,
        key: &str,
        value: &Spanned<DeValue<'_>>,
        from_name: fn(&str) -> Option<T>,
    ) -> Result<T, ConfigError> {
        value
            .get_ref()
            .as_str()
            .and_then(from_name)
            .ok_or_else(|| self.bad_value(key, value, &format!("one of {}", T::NAMES.join(", "))))
    }

    fn boolean(&self, key: &str, value: &Spanned<DeValue<'_>>) -> Result<bool, ConfigError> {
        value
            .get_ref()
            .as_bool()
            .ok_or_else(|| self.bad_value(key, value, "true or false"))
    }

    fn measure(&self, key: &str, value: &Spanned<DeValue<'_>>) -> Result<u16, ConfigError> {
        value
            .get_ref()
            .as_integer()
            .and_then(|i| i64::from_str_radix(i.as_str(), i.radix()).ok())
            .and_then(|n| u16::try_from(n).ok())
            .filter(|n| MEASURE_RANGE.contains(n))
            .ok_or_else(|| {
                let (low, high) = (MEASURE_RANGE.start(), MEASURE_RANGE.end());
                let expected = format!("a whole number of columns from {low} to {high}");
                self.bad_value(key, value, &expected)
            })
    }

    /// The `[search]` table.
    fn search(&self, value: &Spanned<DeValue<'_>>, config: &mut Config) -> Result<(), ConfigError> {
        let table = value
            .get_ref()
            .as_table()
            .ok_or_else(|| self.bad_value("search", value, "a table ([search])"))?;
        for (key, value) in in_file_order(table) {
            match key.get_ref().as_ref() {
                "fold_chinese_variants" => {
                    let name = "search.fold_chinese_variants";
                    config.search.fold_chinese_variants = self.boolean(name, value)?;
                }
                other => {
                    let dotted = format!("search.{other}");
                    return Err(self.unknown_key(&dotted, key.span().start));
                }
            }
        }
        Ok(())
    }

    /// The `[keys]` table: action name to one key spec or a list of them.
    fn keys(&self, value: &Spanned<DeValue<'_>>, config: &mut Config) -> Result<(), ConfigError> {
        let table = value
            .get_ref()
            .as_table()
            .ok_or_else(|| self.bad_value("keys", value, "a table ([keys])"))?;
        let mut bound: Vec<(KeySpec, String)> = Vec::new();
        for (key, value) in in_file_order(table) {
            let action = key.get_ref().as_ref();
            let mut specs = Vec::new();
            for spec in self.spec_values(action, value)? {
                let parsed = self.key_spec(action, spec)?;
                if let Some((_, first)) = bound.iter().find(|(k, a)| *k == parsed && a != action) {
                    return Err(ConfigError::KeyConflict {
                        path: self.path.to_owned(),
                        line: self.line(spec.span().start),
                        key: parsed.to_string(),
                        first: first.clone(),
                        second: action.to_owned(),
                    });
                }
                bound.push((parsed, action.to_owned()));
                if !specs.contains(&parsed) {
                    specs.push(parsed);
                }
            }
            let line = self.line(key.span().start);
            config.origin.key_lines.insert(action.to_owned(), line);
            config.keys.insert(action.to_owned(), specs);
        }
        Ok(())
    }

    /// The spec strings of one `[keys]` entry (a string or an array).
    fn spec_values<'v, 'i>(
        &self,
        action: &str,
        value: &'v Spanned<DeValue<'i>>,
    ) -> Result<Vec<&'v Spanned<DeValue<'i>>>, ConfigError> {
        let expected = "a key or a list of keys";
        let key = format!("keys.{action}");
        match value.get_ref() {
            DeValue::String(_) => Ok(vec![value]),
            DeValue::Array(items) => items
                .iter()
                .map(|item| match item.get_ref() {
                    DeValue::String(_) => Ok(item),
                    _ => Err(self.bad_value(&key, item, expected)),
                })
                .collect(),
            _ => Err(self.bad_value(&key, value, expected)),
        }
    }

    fn key_spec(&self, action: &str, spec: &Spanned<DeValue<'_>>) -> Result<KeySpec, ConfigError> {
        let text = spec.get_ref().as_str().unwrap_or_default();
        KeySpec::parse(text).map_err(|reason| ConfigError::BadKeySpec {
            path: self.path.to_owned(),
            line: self.line(spec.span().start),
            action: action.to_owned(),
            spec: text.to_owned(),
            reason,
        })
    }
}

/// An enum set by a string, listing its names for the error message.
pub(super) trait Choice {
    /// The accepted names, in the order the error message lists them.
    const NAMES: &'static [&'static str];
}

/// A TOML value as the error message shows it: scalars as written, arrays
/// and tables by kind.
fn describe(value: &DeValue<'_>) -> String {
    match value {
        DeValue::String(s) => format!("{s:?}"),
        DeValue::Integer(i) => i.to_string(),
        DeValue::Float(f) => f.to_string(),
        DeValue::Boolean(b) => b.to_string(),
        DeValue::Datetime(d) => d.to_string(),
        DeValue::Array(_) => "an array".to_owned(),
        DeValue::Table(_) => "a table".to_owned(),
    }
}
