//! How a German word sounds, by the Kölner Phonetik (Postel, 1969): people
//! write what they hear (`Elternkaffee` for „Elterncafé“, `Maier` for
//! „Meyer“), further from the word than the typo budget reaches. The index
//! keeps the words of each code (`k/<n>.json`, see [`super::format`]); a
//! query word nothing else finds is looked up there. search-engine.js has
//! the same function, held to it by tests/search_parity.rs.

use super::analysis::edit_distance;
use super::corpus::Word;
use super::files::{json_shard, IndexFiles};
use super::format::shard_for;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

/// Words shorter than this sound like too many others to be worth a guess.
pub const MIN_CHARS: usize = 4;
/// The commonest words kept per code: a guess, not a list.
pub const WORDS_PER_CODE: usize = 8;

/// The Kölner Phonetik code of `word`: digits, empty for a word without
/// letters. Letters outside German's (and their accents) are skipped.
pub fn code(word: &str) -> String {
    let letters: Vec<char> = word.chars().filter_map(letter).collect();
    let mut raw: Vec<char> = Vec::with_capacity(letters.len() + 1);
    for (i, &c) in letters.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| letters[p]);
        let next = letters.get(i + 1).copied();
        let is = |set: &str, x: Option<char>| x.is_some_and(|x| set.contains(x));
        let digits: &str = match c {
            'A' | 'E' | 'I' | 'J' | 'O' | 'U' | 'Y' => "0",
            'H' => "",
            'B' => "1",
            'P' if next == Some('H') => "3",
            'P' => "1",
            'D' | 'T' if is("CSZ", next) => "8",
            'D' | 'T' => "2",
            'F' | 'V' | 'W' => "3",
            'G' | 'K' | 'Q' => "4",
            'C' if i == 0 && is("AHKLOQRUX", next) => "4",
            'C' if i > 0 && is("AHKOQUX", next) && !is("SZ", prev) => "4",
            'C' => "8",
            'X' if is("CKQ", prev) => "8",
            'X' => "48",
            'L' => "5",
            'M' | 'N' => "6",
            'R' => "7",
            'S' | 'Z' => "8",
            _ => "",
        };
        raw.extend(digits.chars());
    }
    raw.dedup();
    raw.iter()
        .enumerate()
        .filter(|&(i, &d)| i == 0 || d != '0')
        .map(|(_, &d)| d)
        .collect()
}

/// A letter as the rules name it: upper case; umlauts are vowels that no
/// rule looks at around a C (the rules list only A, O, U); an accented
/// vowel is its vowel, `ß` an `S`; `None` for anything else.
fn letter(c: char) -> Option<char> {
    let upper = c.to_uppercase().next().unwrap_or(c);
    Some(match upper {
        'A'..='Z' => upper,
        'Ä' | 'Ö' | 'Ü' => 'E',
        'À' | 'Á' | 'Â' => 'A',
        'È' | 'É' | 'Ê' | 'Ë' => 'E',
        'Ì' | 'Í' | 'Î' | 'Ï' => 'I',
        'Ò' | 'Ó' | 'Ô' => 'O',
        'Ù' | 'Ú' | 'Û' => 'U',
        'ß' | 'ẞ' => 'S',
        'Ç' => 'C',
        'Ñ' => 'N',
        _ => return None,
    })
}

/// The words of the corpus by code, sorted by code, each code's commonest
/// words first: the rows of the phonetic shards.
pub fn groups(words: &[Word]) -> Vec<(String, Vec<String>)> {
    let mut by_code: BTreeMap<String, Vec<&Word>> = BTreeMap::new();
    for w in words
        .iter()
        .filter(|w| w.folded.chars().count() >= MIN_CHARS)
    {
        let c = code(&w.folded);
        if !c.is_empty() {
            by_code.entry(c).or_default().push(w);
        }
    }
    by_code
        .into_iter()
        .map(|(c, mut ws)| {
            ws.sort_by(|a, b| b.freq.cmp(&a.freq).then_with(|| a.folded.cmp(&b.folded)));
            let kept = ws.iter().take(WORDS_PER_CODE);
            (c, kept.map(|w| w.folded.clone()).collect())
        })
        .collect()
}

/// A row of a phonetic shard: a code and its words.
#[derive(Deserialize)]
pub struct Row(String, Vec<String>);

/// The words that sound like `word` (folded), the closest in spelling
/// first, then the commonest: one shard read, none for a short word or an
/// index without phonetic shards (format 4 and before).
pub fn alike(
    files: IndexFiles,
    keys: &[String],
    cache: &mut HashMap<usize, Vec<Row>>,
    word: &str,
) -> Vec<String> {
    let c = code(word);
    if word.chars().count() < MIN_CHARS || c.is_empty() || keys.is_empty() {
        return Vec::new();
    }
    let rows = json_shard(files, cache, "k", shard_for(keys, &c));
    let Ok(at) = rows.binary_search_by(|r| r.0.as_str().cmp(&c)) else {
        return Vec::new();
    };
    let mut found: Vec<(usize, usize, &String)> = rows[at]
        .1
        .iter()
        .enumerate()
        .map(|(i, w)| (edit_distance(word, w, false), i, w))
        .collect();
    found.sort();
    found.into_iter().map(|(_, _, w)| w.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::code;

    #[test]
    fn codes_as_the_kolner_phonetik_defines_them() {
        // the examples of Postel's rules as Wikipedia gives them
        assert_eq!(code("Müller-Lüdenscheidt"), "65752682");
        assert_eq!(code("Wikipedia"), "3412");
        assert_eq!(code("Breschnew"), "17863");
        // C at the start, after S, before A; X after a vowel and after C
        assert_eq!(code("Cäsar"), "887");
        assert_eq!(code("Christoph"), "47823");
        assert_eq!(code("Xaver"), "4837");
        // names spelt as heard sound alike
        assert_eq!(code("Meyer"), code("Maier"));
        assert_eq!(code("Schmidt"), code("Schmitt"));
        assert_eq!(code("Elternkaffee"), code("Elterncafé"));
        assert_eq!(code("elterncafe"), "0527643");
    }

    #[test]
    fn a_word_without_letters_has_no_code() {
        assert_eq!(code("2024"), "");
        assert_eq!(code(""), "");
    }
}
