//! The operating system's error texts, as Rust's `io::Error` prints them
//! („No such file or directory (os error 2)“), in German: they end many a
//! message about a file or a port, and a German sentence must not end in
//! English. A text not listed stays as it is.

/// `(English, German)`: the commonest errors of reading, writing and
/// listening.
const PHRASES: &[(&str, &str)] = &[
    (
        "No such file or directory",
        "Datei oder Ordner gibt es nicht",
    ),
    ("Permission denied", "keine Berechtigung"),
    ("Is a directory", "das ist ein Ordner"),
    ("Not a directory", "das ist kein Ordner"),
    ("File exists", "die Datei gibt es schon"),
    ("Directory not empty", "der Ordner ist nicht leer"),
    (
        "No space left on device",
        "kein Platz mehr auf dem Datenträger",
    ),
    (
        "Read-only file system",
        "das Dateisystem ist schreibgeschützt",
    ),
    ("Too many open files", "zu viele offene Dateien"),
    ("Address already in use", "die Adresse ist schon belegt"),
    (
        "Cannot assign requested address",
        "diese Adresse gehört nicht zu diesem Rechner",
    ),
    ("Operation not permitted", "das ist nicht erlaubt"),
    (
        "Too many levels of symbolic links",
        "zu viele Verknüpfungen hintereinander",
    ),
    (
        "stream did not contain valid UTF-8",
        "die Datei ist nicht als UTF-8 gespeichert",
    ),
    ("invalid IP address syntax", "keine gültige IP-Adresse"),
    ("invalid socket address syntax", "keine gültige Adresse"),
];

pub fn german(text: &str) -> String {
    let mut out = text.to_string();
    for (en, de) in PHRASES {
        out = out.replace(en, de);
    }
    out.replace("(os error ", "(Systemfehler ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn says_what_the_system_says_in_german() {
        assert_eq!(
            super::german("content/a.md: No such file or directory (os error 2)"),
            "content/a.md: Datei oder Ordner gibt es nicht (Systemfehler 2)"
        );
        assert_eq!(super::german("etwas anderes"), "etwas anderes");
    }
}
