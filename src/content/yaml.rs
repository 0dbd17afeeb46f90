//! Front matter parsed into a tree that remembers where every key and value
//! stands, so that type errors and references can point at their own
//! line:column. serde-saphyr gives the positions (see README for why it was
//! chosen over serde_yaml); this module only wraps them in a tree.

use crate::diagnostics::yaml::position_of;
pub use crate::diagnostics::yaml::YamlError;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

/// A YAML value with its 1-based position inside the YAML text.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

impl Node {
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn type_name(&self) -> &'static str {
        match self.value {
            Value::Null => "nothing (null)",
            Value::Bool(_) => "a boolean",
            Value::Int(_) => "an integer",
            Value::Float(_) => "a number",
            Value::Str(_) => "a string",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }

    /// Plain JSON for serde-typed access and for templates.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match &self.value {
            Value::Null => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::Int(i) => J::from(*i),
            Value::Float(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
            Value::Str(s) => J::String(s.clone()),
            Value::Seq(items) => J::Array(items.iter().map(Node::to_json).collect()),
            Value::Map(entries) => J::Object(
                entries
                    .iter()
                    .map(|(k, v)| (k.key_string(), v.to_json()))
                    .collect(),
            ),
        }
    }

    /// Mapping keys as strings (YAML allows `1:` or `true:` as keys).
    pub fn key_string(&self) -> String {
        match &self.value {
            Value::Str(s) => s.clone(),
            Value::Int(i) => i.to_string(),
            Value::Bool(b) => b.to_string(),
            Value::Float(f) => f.to_string(),
            Value::Null => "null".into(),
            Value::Seq(_) | Value::Map(_) => "<complex key>".into(),
        }
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<Value>::deserialize(d)?;
        Ok(Node {
            value: spanned.value,
            line: spanned.referenced.line() as usize,
            column: spanned.referenced.column() as usize,
        })
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Int(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Float(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Str(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::Str(v))
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Value, E> {
        Ok(Value::Str(String::from_utf8_lossy(v).into_owned()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Node>()? {
            items.push(item);
        }
        Ok(Value::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::new();
        while let Some((k, v)) = map.next_entry::<Node, Node>()? {
            entries.push((k, v));
        }
        Ok(Value::Map(entries))
    }
}

/// Parses YAML text into a positioned tree. An empty document is `Null`.
pub fn parse(yaml: &str) -> Result<Node, YamlError> {
    if yaml.trim().is_empty() {
        return Ok(Node {
            value: Value::Null,
            line: 1,
            column: 1,
        });
    }
    serde_saphyr::from_str::<Node>(yaml).map_err(|e| position_of(&e, yaml))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_positions_of_keys_and_items() {
        let n = parse("title: Ä\nconcepts:\n  - elterncafe\n  - kurs\n").unwrap();
        let Value::Map(entries) = &n.value else {
            panic!("not a map")
        };
        assert_eq!((entries[1].0.line, entries[1].0.column), (2, 1));
        let Value::Seq(items) = &entries[1].1.value else {
            panic!("not a seq")
        };
        assert_eq!((items[1].line, items[1].column), (4, 5));
        assert_eq!(items[1].as_str(), Some("kurs"));
    }

    #[test]
    fn syntax_errors_have_positions() {
        for (yaml, line) in [
            ("title: \"open\nx: 1\n", 1),
            ("a:\n\tb: 2\n", 2),
            ("a: [1, 2\n", 1),
            ("a: 1\na: 2\n", 2),
        ] {
            let e = parse(yaml).unwrap_err();
            assert_eq!(e.line, line, "{yaml:?}: {e:?}");
        }
    }
}

#[cfg(test)]
// The classification of parser errors, seen through the parser that
// front matter uses (here, since diagnostics sits below content).
mod issue_tests {
    use crate::diagnostics::YamlIssue;

    fn run(yaml: &str) -> (YamlIssue, usize, usize) {
        let e = super::parse(yaml).unwrap_err();
        (e.issue, e.line, e.column)
    }

    #[test]
    fn an_unclosed_quote_is_reported_where_it_opens() {
        // the next line's quote closes it, so the parser complains on line 2
        let (issue, line, col) = run("title: \"Elterncafé\ndescription: \"Ein Café\"\n");
        assert_eq!(
            issue,
            YamlIssue::UnclosedQuote {
                quote: '"',
                line: 1
            }
        );
        assert_eq!((line, col), (1, 8));
        let (issue, line, _) = run("title: 'A\n");
        assert_eq!(
            issue,
            YamlIssue::UnclosedQuote {
                quote: '\'',
                line: 1
            }
        );
        assert_eq!(line, 1);
    }

    #[test]
    fn other_mistakes_get_their_own_words() {
        assert_eq!(
            run("title: \"A\" und B\n").0,
            YamlIssue::TextAfterQuote { quote: '"' }
        );
        assert_eq!(run("a:\n\tb: 2\n").0, YamlIssue::Tab);
        assert_eq!(
            run("title: A\ntitle: B\n").0,
            YamlIssue::DuplicateKey("title".into())
        );
        assert_eq!(run("title: A: B\n").0, YamlIssue::UnexpectedColon);
        let (issue, line, col) = run("concepts: [a, b\nkind: page\n");
        assert_eq!((issue, line, col), (YamlIssue::UnclosedBracket, 1, 11));
    }
}
