//! serde's own error texts („unknown variant `Workshop`, expected one of
//! `Fortbildung`, …“) retold in German from the names they contain: a
//! German message must not carry an English sentence inside it.

use super::commands::listed;
use super::Lang;

/// The German for one of serde's messages about a value.
pub fn german(detail: &str) -> String {
    recognised(detail).unwrap_or_else(|| "dieser Wert passt hier nicht".to_string())
}

/// A message in parentheses after a German sentence: serde's retold, any
/// other (the YAML parser's) as it is, since it may be all there is to go on.
pub fn aside(detail: &str) -> String {
    recognised(detail).unwrap_or_else(|| detail.to_string())
}

/// The German for the serde messages we know, `None` for any other text.
fn recognised(detail: &str) -> Option<String> {
    if let Some(rest) = after(detail, "unknown variant ") {
        let (value, expected) = split_expected(rest);
        return Some(format!(
            "`{}` ist hier nicht vorgesehen; {}",
            value.unwrap_or_default(),
            possible(&expected)
        ));
    }
    if let Some(rest) = after(detail, "unknown field ") {
        let (field, expected) = split_expected(rest);
        return Some(format!(
            "`{}` ist hier kein bekannter Eintrag; {}",
            field.unwrap_or_default(),
            possible(&expected)
        ));
    }
    if let Some(rest) = after(detail, "missing field ") {
        let field = names(rest).into_iter().next().unwrap_or_default();
        return Some(format!("die Angabe `{field}` fehlt"));
    }
    if let Some(rest) = after(detail, "duplicate field ") {
        let field = names(rest).into_iter().next().unwrap_or_default();
        return Some(format!("`{field}` steht zweimal"));
    }
    if let Some(range) = out_of_range(detail) {
        return Some(range);
    }
    expected_kind(detail).map(|expected| format!("erwartet wird {expected}"))
}

/// A coordinate outside its range, in German: a number of the right kind,
/// only too large or small (no „Wert der falschen Art“).
pub fn out_of_range(detail: &str) -> Option<String> {
    [
        ("latitude ", "der Breitengrad", "-90 und 90"),
        ("longitude ", "der Längengrad", "-180 und 180"),
    ]
    .into_iter()
    .find_map(|(word, german, range)| {
        let value = after(detail, word)?.split(' ').next()?;
        Some(format!("{german} {value} liegt nicht zwischen {range}"))
    })
}

/// What serde expected, for its `invalid type`/`invalid value` messages.
fn expected_kind(detail: &str) -> Option<&'static str> {
    let expected = detail
        .rsplit("expected")
        .next()
        .filter(|_| detail.contains("expected"))?;
    let e = expected.to_ascii_lowercase();
    let kind = if e.contains("sequence") || e.contains("list") {
        "eine Liste"
    } else if e.contains("bool") {
        "true oder false"
    } else if e.contains("i64")
        || e.contains("i32")
        || e.contains("integer")
        || e.contains(" u8")
        || e.contains(" u16")
        || e.contains(" u32")
        || e.contains(" u64")
        || e.contains("usize")
    {
        "eine ganze Zahl"
    } else if e.contains("f64") || e.contains("f32") || e.contains("number") {
        "eine Zahl"
    } else if e.contains("map") || e.contains("struct") {
        "eine Aufzählung von Einträgen der Form `name: Wert`"
    } else if e.contains("string") || e.contains("char") {
        "ein Text"
    } else if e.contains("date") {
        "ein Datum (JJJJ-MM-TT)"
    } else {
        return None;
    };
    Some(kind)
}

fn after<'a>(detail: &'a str, marker: &str) -> Option<&'a str> {
    detail.find(marker).map(|i| &detail[i + marker.len()..])
}

/// „`X`, expected one of `a`, `b`“ → (`X`, [a, b]).
fn split_expected(rest: &str) -> (Option<String>, Vec<String>) {
    let (head, tail) = match rest.find(", expected") {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    (names(head).into_iter().next(), names(tail))
}

/// The names between backticks.
fn names(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

fn possible(expected: &[String]) -> String {
    match expected.len() {
        0 => "hier ist kein Wert vorgesehen".to_string(),
        1 => format!("möglich ist nur {}", listed(expected, false, Lang::De)),
        _ => format!("möglich sind {}", listed(expected, false, Lang::De)),
    }
}

#[cfg(test)]
mod tests {
    use super::german;

    #[test]
    fn names_the_value_and_what_is_possible_in_german() {
        assert_eq!(
            german("unknown variant `Workshop`, expected one of `Fortbildung`, `Veranstaltung`, `Beratung`, `Netzwerk`"),
            "`Workshop` ist hier nicht vorgesehen; möglich sind `Fortbildung`, `Veranstaltung`, `Beratung` und `Netzwerk`"
        );
        assert_eq!(
            german("unknown variant `x`, expected `a` or `b`"),
            "`x` ist hier nicht vorgesehen; möglich sind `a` und `b`"
        );
        assert_eq!(
            german("unknown field `titel`, expected `title`"),
            "`titel` ist hier kein bekannter Eintrag; möglich ist nur `title`"
        );
        assert_eq!(german("missing field `name`"), "die Angabe `name` fehlt");
        assert_eq!(
            german("invalid type: string \"x\", expected a boolean"),
            "erwartet wird true oder false"
        );
        assert_eq!(
            german("invalid type: map, expected a sequence"),
            "erwartet wird eine Liste"
        );
    }

    #[test]
    fn keeps_no_english_when_it_does_not_know_the_message() {
        assert_eq!(
            german("something odd happened"),
            "dieser Wert passt hier nicht"
        );
    }
}
