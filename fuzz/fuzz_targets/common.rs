//! Invariants the fuzz targets share.

use handbook::diagnostics::{render, Diagnostic, Lang, Span};

/// A diagnostic must render without panicking and point into its file.
pub fn assert_diagnostic_inside(d: &Diagnostic, file: &str, bytes: &[u8]) {
    for lang in [Lang::En, Lang::De] {
        let _ = render::to_text(d, lang);
        let _ = render::to_json(d, lang);
    }
    if let Some(span) = &d.span {
        assert_span_inside(span, file, bytes);
    }
}

/// A line that exists and a column no further than one past that line's end
/// (columns count characters; a bound in bytes is looser but safe).
pub fn assert_span_inside(span: &Span, file: &str, bytes: &[u8]) {
    if span.file.to_string_lossy() != file {
        return;
    }
    assert!(span.line >= 1, "line 0: {span:?}");
    // a lone CR ends a line too, as in editors (and in SourceText)
    let text = String::from_utf8_lossy(bytes)
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    let lines: Vec<&str> = text.split('\n').collect();
    assert!(
        span.line <= lines.len(),
        "line {} of a {}-line file",
        span.line,
        lines.len()
    );
    let line_len = lines[span.line - 1].len();
    assert!(
        span.column >= 1 && span.column <= line_len + 1,
        "column {} on a line of {} bytes",
        span.column,
        line_len
    );
}
