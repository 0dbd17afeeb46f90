//! Pandoc's grid tables, which Quarto and Pandoc handbooks use for cells
//! of several lines:
//!
//! ```text
//! +--------+-------------+
//! | Kreis  | Träger      |
//! +========+=============+
//! | Borken | Jobcenter   |
//! |        | Kreis Borken|
//! +--------+-------------+
//! ```
//!
//! The shortcode stage writes each as the pipe table it means (a cell's
//! lines joined by spaces), so it renders, is searched and takes a
//! caption like any table. One with joined cells (a row or column span)
//! is left as written and named by the foreign-syntax check.

/// A grid table found in a text: where it ends and the pipe table it means.
#[derive(Debug, PartialEq)]
pub struct Grid {
    /// The byte offset after its last border line (and that line's newline).
    pub end: usize,
    pub pipe: String,
}

/// Whether `text` may hold a grid table, cheaply: a line starting `+-`,
/// `+=` or `+:`.
pub fn may_have(text: &str) -> bool {
    text.match_indices('+').any(|(i, _)| {
        (i == 0 || text.as_bytes()[i - 1] == b'\n')
            && matches!(text.as_bytes().get(i + 1), Some(b'-' | b'=' | b':'))
    })
}

/// A border line, `+---+----+`, `+===+`, `+:--+`, trimmed.
pub fn is_border(line: &str) -> bool {
    let Some(inner) = line.strip_prefix('+').and_then(|l| l.strip_suffix('+')) else {
        return false;
    };
    !inner.is_empty()
        && inner
            .split('+')
            .all(|cell| cell.len() >= 3 && cell.chars().all(|c| matches!(c, '-' | '=' | ':')))
}

/// The grid table whose first border line starts at byte `at` (a line
/// start), if every row keeps the columns of that line.
pub fn at(text: &str, at: usize) -> Option<Grid> {
    let mut lines = Vec::new();
    for line in text[at..].split_inclusive('\n') {
        let body = line.trim_end();
        if !(body.starts_with('+') || body.starts_with('|')) {
            break;
        }
        lines.push(body);
        if lines.len() == 1 && !is_border(body) {
            return None;
        }
    }
    // it ends with its last border line
    let last = lines.iter().rposition(|l| is_border(l))?;
    let end = at
        + text[at..]
            .split_inclusive('\n')
            .take(last + 1)
            .map(str::len)
            .sum::<usize>();
    let lines = &lines[..=last];
    let first: Vec<char> = lines[0].chars().collect();
    let cuts: Vec<usize> = (0..first.len()).filter(|&i| first[i] == '+').collect();
    let columns = cuts.len() - 1;
    let mut header: Option<Vec<String>> = None;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut cells: Vec<String> = vec![String::new(); columns];
    let mut row_open = false;
    let mut aligns = alignments(&first, &cuts);
    for line in &lines[1..] {
        let chars: Vec<char> = line.chars().collect();
        if is_border(line) {
            if chars.len() != first.len() || cuts.iter().any(|&c| chars[c] != '+') {
                return None;
            }
            let row = std::mem::replace(&mut cells, vec![String::new(); columns]);
            if line.contains('=') {
                if header.is_some() || rows.len() > 1 {
                    return None;
                }
                aligns = alignments(&chars, &cuts);
                header = Some(if row_open { row } else { rows.pop()? });
            } else if row_open {
                rows.push(row);
            }
            row_open = false;
            continue;
        }
        // a content line: a `|` at every column edge, else cells are joined
        if chars.len() != first.len() || cuts.iter().any(|&c| chars[c] != '|') {
            return None;
        }
        for (k, cell) in cells.iter_mut().enumerate() {
            let piece: String = chars[cuts[k] + 1..cuts[k + 1]].iter().collect();
            let piece = piece.trim();
            if !piece.is_empty() {
                if !cell.is_empty() {
                    cell.push(' ');
                }
                cell.push_str(piece);
            }
        }
        row_open = true;
    }
    if rows.is_empty() && header.is_none() {
        return None;
    }
    let mut pipe = String::new();
    let head = header.unwrap_or_else(|| vec![String::new(); columns]);
    pipe_row(&mut pipe, &head);
    pipe.push('|');
    for a in &aligns {
        pipe.push_str(a);
        pipe.push('|');
    }
    pipe.push('\n');
    for row in &rows {
        pipe_row(&mut pipe, row);
    }
    // a pipe table runs on into the next line that is not blank (a
    // caption right below the grid would become a row)
    pipe.push('\n');
    Some(Grid { end, pipe })
}

/// Each column's alignment row cell, from the colons of a border line.
fn alignments(line: &[char], cuts: &[usize]) -> Vec<&'static str> {
    cuts.windows(2)
        .map(|w| {
            let (left, right) = (line[w[0] + 1] == ':', line[w[1] - 1] == ':');
            match (left, right) {
                (true, true) => ":---:",
                (false, true) => "---:",
                (true, false) => ":---",
                (false, false) => "---",
            }
        })
        .collect()
}

fn pipe_row(out: &mut String, cells: &[String]) {
    out.push('|');
    for cell in cells {
        out.push(' ');
        // a `|` inside a cell is a cell edge in a pipe table unless escaped
        let mut prev = ' ';
        for c in cell.chars() {
            if c == '|' && prev != '\\' {
                out.push('\\');
            }
            out.push(c);
            prev = c;
        }
        out.push_str(" |");
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = "+--------+--------------+\n\
                         | Kreis  | Träger       |\n\
                         +:=======+=============:+\n\
                         | Borken | Jobcenter    |\n\
                         |        | Kreis Borken |\n\
                         +--------+--------------+\n\
                         | Unna   | a \\| b       |\n\
                         +--------+--------------+\n\
                         : Träger {#tbl-traeger}\n";

    #[test]
    fn a_grid_table_is_the_pipe_table_it_means() {
        let grid = at(TABLE, 0).unwrap();
        assert_eq!(
            grid.pipe,
            "| Kreis | Träger |\n|:---|---:|\n| Borken | Jobcenter Kreis Borken |\n| Unna | a \\| b |\n\n"
        );
        assert_eq!(&TABLE[grid.end..], ": Träger {#tbl-traeger}\n");
        assert!(may_have(TABLE) && may_have(&format!("x\n{TABLE}")));
    }

    #[test]
    fn without_a_head_and_with_joined_cells() {
        let plain = "+---+-------+\n| a | x | y |\n+---+-------+\n";
        assert_eq!(
            at(plain, 0).unwrap().pipe,
            "|  |  |\n|---|---|\n| a | x \\| y |\n\n"
        );
        // a cell across both columns: left as written
        let joined = "+---+---+\n| a | b |\n+---+---+\n| über alles |\n+-------+\n";
        assert_eq!(at(joined, 0), None);
        assert_eq!(at("+ nur Text +\n", 0), None);
    }
}
