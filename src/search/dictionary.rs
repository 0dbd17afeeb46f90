//! The preset dictionary the stored texts (`d/`) are deflated against,
//! trained on the site's own text (format 11).
//!
//! A stored-text file holds 32 passages, some 8 KB of JSON: too little
//! for deflate to find much of the wording that the pages share (a law's
//! „nach Maßgabe des“, „Bundesministerium für“, the JSON around every
//! passage). A dictionary of that shared wording, fetched once, lets every
//! file copy from it: on the law corpus the stored texts shrink from 46.1
//! to 38.8 MB (a sixth), for one more file of 12.5 KB gzip'd that a search
//! fetches once. zstd's trainer (the `zstd` crate, already built for
//! tantivy) picks the segments; deflate uses its content, which is the
//! tail of what the trainer returns (its header and entropy tables come
//! first).

/// Deflate's window: a dictionary longer than this is never copied from.
const WINDOW: usize = 32 * 1024;
/// Stored text per dictionary byte, at least: below this the dictionary
/// costs each search more than it saves (the bundled handbook's 57 KB of
/// stored text would get none), above it the dictionary grows with the
/// site up to the window (the law corpus: 162 MB).
const TEXT_PER_BYTE: usize = 32;
/// A smaller dictionary is not worth the extra file.
const SMALLEST: usize = 4 * 1024;
/// A sample is the beginning of one stored-text file in this many (by a
/// hash of its page's URL and its number, so that editing one page leaves
/// the others' samples, and so the dictionary, as they were), at most
/// `SAMPLE_BYTES` of it: the law corpus gives 2.7 MB of samples, trained
/// in some 0.15 s on one core, beside the analysis.
pub const SAMPLE_EVERY: u64 = 8;
pub const SAMPLE_BYTES: usize = 4 * 1024;
/// Room asked of the trainer beyond the content kept, for its header.
const HEADER_ROOM: usize = 8 * 1024;

/// How many bytes of dictionary `text` bytes of stored text are worth; 0
/// for none.
pub fn size_for(text: usize) -> usize {
    let size = (text / TEXT_PER_BYTE).min(WINDOW);
    if size < SMALLEST {
        0
    } else {
        size
    }
}

/// Whether the stored-text file `chunk` of the page at `url` is a sample.
pub fn is_sample(url: &str, chunk: u32) -> bool {
    // FNV-1a: stable across builds and platforms, unlike std's hasher
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in url.bytes().chain(chunk.to_le_bytes()) {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    h.is_multiple_of(SAMPLE_EVERY)
}

/// A dictionary of `size` bytes from `samples`, or none (empty) when the
/// samples are too few for the trainer to fill it.
pub fn train(samples: &[Vec<u8>], size: usize) -> Vec<u8> {
    if size == 0 {
        return Vec::new();
    }
    match zstd::dict::from_samples(samples, size + HEADER_ROOM) {
        // a dictionary that came out short still holds its header where
        // the content should be
        Ok(trained) if trained.len() >= size + HEADER_ROOM / 2 => {
            trained[trained.len() - size..].to_vec()
        }
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_sites_get_no_dictionary_and_large_ones_a_window_at_most() {
        assert_eq!(size_for(57_000), 0);
        assert_eq!(size_for(1 << 20), 32 * 1024);
        assert_eq!(size_for(500_000), 500_000 / 32);
        assert_eq!(size_for(162_000_000), 32 * 1024);
    }

    #[test]
    fn about_one_file_in_sample_every_is_a_sample() {
        let n = (0..64_000u32)
            .filter(|i| is_sample(&format!("/gesetze/{}/", i / 4), i % 4))
            .count();
        let expected = 64_000 / SAMPLE_EVERY as usize;
        assert!(n.abs_diff(expected) < expected / 10, "{n}");
        assert_eq!(is_sample("/a/", 0), is_sample("/a/", 0));
    }

    #[test]
    fn a_trained_dictionary_holds_the_shared_wording() {
        let samples: Vec<Vec<u8>> = (0..400)
            .map(|i| {
                format!(
                    "{{\"t\":\"Verordnung {i}\",\"p\":[[\"{i}\",\"§ {i}\",\"Das Bundesministerium \
                     für Arbeit und Soziales wird ermächtigt, durch Rechtsverordnung mit \
                     Zustimmung des Bundesrates {i} Näheres zu regeln.\"]]}}"
                )
                .into_bytes()
            })
            .collect();
        let dict = train(&samples, 4096);
        assert_eq!(dict.len(), 4096);
        let dict = String::from_utf8_lossy(&dict);
        assert!(dict.contains("Zustimmung des Bundesrates"), "{dict}");
        assert!(train(&samples[..2], 4096).is_empty());
        assert!(train(&samples, 0).is_empty());
    }
}
