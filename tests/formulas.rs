//! Formulas in TeX notation, as Jupyter Book, Quarto, MkDocs and GitHub
//! write them (`$…$`, `$$…$$`): a machine-learning course moved over from
//! Jekyll (ML_Intro) showed `\frac{TP}{TP + FP}` as garbled text and got a
//! warning about `{i=1}` as if it were an attribute list. They become
//! MathML, which the browser draws; dollar amounts stay text.

mod common;
use common::*;

#[test]
fn formulas_become_mathml_and_dollar_amounts_stay_text() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(root.join("handbook.yaml"), "title: Kurs\nlanguage: de\n");
    write(
        root.join("content/metriken.md"),
        "# Metriken\n\n\
         $$\\text{Precision} = \\frac{TP}{TP + FP}$$\n\n\
         Der Fehler $\\frac{1}{n}\\sum_{i=1}^{n}(y_i - \\hat{y}_i)^2$ heißt <b>MSE</b>.\n\n\
         Es kostet $5 bis $10 pro Person.\n\n\
         Kaputt: $\\frac{a}$ hier.\n\n\
         `$x$` bleibt Code.\n",
    );
    let o = handbook_in_lang(root, &["build"], "de");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let page = read(root.join("public/metriken/index.html"));
    // the block formula, apart from the text; its TeX kept for copying
    assert!(
        page.contains("<math display=\"block\"><semantics>"),
        "{page}"
    );
    assert!(
        page.contains("<mfrac><mrow><mi>T</mi><mi>P</mi></mrow>"),
        "{page}"
    );
    assert!(
        page.contains("<annotation encoding=\"application/x-tex\">\\text{Precision} = \\frac{TP}{TP + FP}</annotation>"),
        "{page}"
    );
    // in a sentence, on a page with raw HTML: the sanitiser leaves it whole
    assert!(
        page.contains("Der Fehler <math display=\"inline\">"),
        "{page}"
    );
    assert!(
        page.contains("<msubsup><mo movablelimits=\"false\">∑</mo>"),
        "{page}"
    );
    assert!(page.contains("<b>MSE</b>"), "{page}");
    assert!(
        page.contains("<p>Es kostet $5 bis $10 pro Person.</p>"),
        "{page}"
    );
    assert!(page.contains("<code>$x$</code>"), "{page}");
    // a formula that cannot be read shows its source and is named
    assert!(
        page.contains("Kaputt: <code class=\"math-source\">\\frac{a}</code> hier."),
        "{page}"
    );
    assert!(
        err.contains("content/metriken.md:9:9: Warnung: Die Formel lässt sich nicht lesen (expected a token); sie erscheint als ihr TeX-Quelltext"),
        "{err}"
    );
    // TeX's braces are no attribute list of another tool
    assert!(!err.contains("{i=1}"), "{err}");
    assert!(err.contains("1 Warnung"), "{err}");
    assert!(!page.contains('\u{E000}'), "{page}");
}

#[test]
fn dollars_outside_formula_pages_and_hostile_tex_stay_text() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(root.join("handbook.yaml"), "title: Kurs\nlanguage: de\n");
    // a page without any formula: a shell's variables and prices are text
    write(
        root.join("content/shell.md"),
        "# Shell\n\nSetzen Sie $HOME/bin:$PATH und $USER; es kostet $5-$10 oder $20/$30.\n",
    );
    // a page with formulas: TeX that would close the MathML early is
    // never HTML, and a formula in a picture's description stays its TeX
    write(
        root.join("content/boese.md"),
        "# Böse\n\n$$\\frac{a}{b}$$\n\nA $x</annotation></semantics></math><img src=x onerror=alert(1)>$ und $a<b$.\n\n![Formel $E=mc^2$](bild.png)\n",
    );
    write(root.join("content/bild.png"), "PNG");
    let o = handbook_in_lang(root, &["build"], "de");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let shell = read(root.join("public/shell/index.html"));
    assert!(
        shell.contains("Setzen Sie $HOME/bin:$PATH und $USER; es kostet $5-$10 oder $20/$30."),
        "{shell}"
    );
    assert!(!shell.contains("<math"), "{shell}");
    let page = read(root.join("public/boese/index.html"));
    assert!(page.contains("<mfrac>"), "{page}");
    assert!(!page.contains("<img src=x"), "{page}");
    assert!(page.contains("<mo>&lt;</mo>"), "{page}");
    assert!(page.contains("alt=\"Formel $E=mc^2$\""), "{page}");
}

#[test]
fn a_box_and_an_equation_number_are_read_and_an_unknown_command_is_named_in_german() {
    // a Sphinx project's 38 formulas with `\boxed`, `\tag` failed, and the
    // message ended in the library's English
    let (tmp, err) = book(&[(
        "formeln.md",
        "# Formeln\n\n$$\\boxed{E = mc^2}$$\n\n$$a = b \\tag{3}$$\n\n$$x \\foo y$$\n",
    )]);
    assert!(
        err.contains("content/formeln.md:7:1: Warnung: Die Formel lässt sich nicht lesen (den Befehl `\\foo` kennt sie nicht); sie erscheint als ihr TeX-Quelltext"),
        "{err}"
    );
    assert!(err.contains("1 Warnung"), "{err}");
    let page = article(&tmp.path().join("public"), "formeln");
    assert_eq!(page.matches("<math").count(), 2, "{page}");
}
