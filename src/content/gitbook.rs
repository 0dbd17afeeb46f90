//! GitBook's blocks: `{% hint style="info" %}` … `{% endhint %}`, tabs
//! (`{% tabs %}{% tab title="Windows" %}` … `{% endtab %}{% endtabs %}`),
//! a code block with a title (`{% code title="app.yaml" %}`) and a link
//! card (`{% content-ref url="x.md" %}`). The shortcode stage makes boxes
//! and titled text of them; the foreign-syntax check names one without
//! its closing tag.

use super::markdown::at_line_start;
use std::collections::HashMap;
use std::ops::Range;

/// The blocks read here.
pub const BLOCKS: [&str; 5] = ["hint", "tabs", "tab", "code", "content-ref"];

/// One `{% name attributes %}` or `{% endname %}` tag.
#[derive(Debug, PartialEq)]
pub struct Tag<'a> {
    pub name: &'a str,
    pub attributes: &'a str,
    pub closing: bool,
    /// Just after its `%}`.
    pub end: usize,
}

/// The tag of a block of [`BLOCKS`] at `at`, opening or closing.
pub fn tag_at(text: &str, at: usize) -> Option<Tag<'_>> {
    // Hugo's `{{% tab %}}` holds a `{% tab %}`: no GitBook tag
    if text.get(..at).is_some_and(|t| t.ends_with('{')) {
        return None;
    }
    let rest = text.get(at..)?.strip_prefix("{%")?;
    // a tag stays on its line
    let len = rest.find("%}").filter(|&i| !rest[..i].contains('\n'))?;
    let inner = rest[..len].trim();
    let name_len = inner
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(inner.len());
    let (word, attributes) = inner.split_at(name_len);
    let (name, closing) = match word.strip_prefix("end") {
        Some(n) if BLOCKS.contains(&n) => (n, true),
        _ => (word, false),
    };
    let fits = match closing {
        true => attributes.trim().is_empty(),
        // our `{% hinweis(titel="x") %}` has its parenthesis right after the name
        false => !attributes.starts_with('('),
    };
    (BLOCKS.contains(&name) && fits).then(|| Tag {
        name,
        attributes: attributes.trim(),
        closing,
        end: at + 2 + len + 2,
    })
}

/// Each block's opening tag (its offset) with its closing tag's range,
/// found in one pass (blocks of the same name nest; one left open inside
/// another stays unpaired): many unclosed blocks cost no more than closed
/// ones.
pub fn pairs(text: &str, in_code: &dyn Fn(usize) -> bool) -> HashMap<usize, Range<usize>> {
    let mut pairs = HashMap::new();
    let mut open: Vec<(usize, &str)> = Vec::new();
    for (at, _) in text.match_indices("{%") {
        let Some(tag) = tag_at(text, at) else {
            continue;
        };
        // GitBook writes its blocks' tags on lines of their own: a box
        // cannot open inside a sentence
        if !at_line_start(text, at) || in_code(at) {
            continue;
        }
        if !tag.closing {
            open.push((at, tag.name));
        } else if let Some(i) = open.iter().rposition(|(_, n)| *n == tag.name) {
            pairs.insert(open[i].0, at..tag.end);
            open.truncate(i);
        }
    }
    pairs
}

/// The value of `key="value"` among a tag's attributes.
pub fn attribute(attributes: &str, key: &str) -> Option<String> {
    let mut rest = attributes;
    while let Some(i) = rest.find(key) {
        let after = &rest[i + key.len()..];
        let before_ok = rest[..i]
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace);
        if let Some(value) = after.strip_prefix("=\"").filter(|_| before_ok) {
            return value.split('"').next().map(str::to_string);
        }
        rest = after;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_pair_with_their_closing_tags_and_nest() {
        let text = "{% tabs %}\n{% tab title=\"Windows\" %}\nA\n{% endtab %}\n{% tab title=\"Linux\" %}\nB\n{% endtab %}\n{% endtabs %}\n";
        let none = |_| false;
        let p = pairs(text, &none);
        assert_eq!(&text[p[&0].clone()], "{% endtabs %}");
        let at = text.find("{% tab ").unwrap();
        let tab = tag_at(text, at).unwrap();
        assert_eq!(
            attribute(tab.attributes, "title").as_deref(),
            Some("Windows")
        );
        assert_eq!(&text[p[&at].clone()], "{% endtab %}");
        assert!(p[&at].end < text.find("Linux").unwrap());
        let hint = "{% hint style=\"warning\" %}\nx\n{% hint %}\ny\n{% endhint %}\n{% endhint %}";
        assert_eq!(pairs(hint, &none)[&0].end, hint.len());
    }

    #[test]
    fn ours_liquids_open_blocks_and_blocks_in_a_sentence_are_none() {
        let none = |_| false;
        assert_eq!(tag_at("{% hinweis(titel=\"x\") %}", 0), None);
        assert_eq!(tag_at("{% for x in y %}", 0), None);
        // Hugo's shortcodes with Markdown inside
        assert_eq!(tag_at("{{% tab \"Linux\" %}}", 1), None);
        assert_eq!(tag_at("{{% hint info %}}", 1), None);
        assert_eq!(tag_at("{% end %}", 0), None);
        assert!(pairs("{% hint style=\"info\" %}\nnie zu\n", &none).is_empty());
        assert!(pairs("Text {% hint %} mitten {% endhint %} im Satz", &none).is_empty());
        assert_eq!(
            attribute("xstyle=\"a\" style=\"info\"", "style").as_deref(),
            Some("info")
        );
    }
}
