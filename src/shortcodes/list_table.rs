//! MyST's `{list-table}`: a table written as a list of rows, each a list
//! of cells (`* - Name` / `  - Wert`), as a pipe table, with its title as
//! the table's caption (`: Titel`, which the render moves into it).

/// The pipe table of the list `body`, its first `header_rows` rows (0 or
/// 1 here) the head; `None` for a body that is no such list.
pub(super) fn pipe_table(body: &str, title: &str, header_rows: usize) -> Option<String> {
    let rows = rows(body)?;
    let width = rows.iter().map(Vec::len).max()?;
    let line = |cells: &[String]| {
        let mut out = String::from("|");
        for i in 0..width {
            let cell = cells.get(i).map_or("", String::as_str);
            out.push_str(&format!(" {} |", cell.replace('|', "\\|")));
        }
        out.push('\n');
        out
    };
    let mut out = String::from("\n");
    let mut body_rows = rows.as_slice();
    match header_rows {
        0 => out.push_str(&line(&[])),
        _ => {
            out.push_str(&line(&rows[0]));
            body_rows = &rows[1..];
        }
    }
    out.push('|');
    out.push_str(&" --- |".repeat(width));
    out.push('\n');
    for row in body_rows {
        out.push_str(&line(row));
    }
    if !title.trim().is_empty() {
        out.push_str(&format!("\n: {}\n", title.trim()));
    }
    out.push('\n');
    Some(out)
}

/// Each row's cells, each cell's lines as one line.
fn rows(body: &str) -> Option<Vec<Vec<String>>> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    for line in body.lines() {
        if line.trim().is_empty() {
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        let text = line.trim_start();
        if indent == 0 {
            // `* - erste Zelle` opens a row
            let rest = text.strip_prefix(['*', '-'])?.trim_start();
            let cell = rest.strip_prefix(['-', '*'])?.trim_start();
            rows.push(vec![cell.to_string()]);
        } else if let Some(cell) = text.strip_prefix("- ").or(text.strip_prefix("* ")) {
            rows.last_mut()?.push(cell.trim().to_string());
        } else if text == "-" || text == "*" {
            rows.last_mut()?.push(String::new());
        } else {
            // a cell's next line
            let cell = rows.last_mut()?.last_mut()?;
            if !cell.is_empty() {
                cell.push(' ');
            }
            cell.push_str(text.trim());
        }
    }
    (!rows.is_empty()).then_some(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_of_cells_become_a_pipe_table_with_its_caption() {
        let body = "* - Befehl\n  - Wirkung\n* - `git add`\n  - merkt vor,\n    was kommt\n* - `a|b`\n  -\n";
        assert_eq!(
            pipe_table(body, "Befehle", 1).as_deref(),
            Some("\n| Befehl | Wirkung |\n| --- | --- |\n| `git add` | merkt vor, was kommt |\n| `a\\|b` |  |\n\n: Befehle\n\n")
        );
        assert_eq!(
            pipe_table("* - a\n  - b\n", "", 0).as_deref(),
            Some("\n|  |  |\n| --- | --- |\n| a | b |\n\n")
        );
        assert_eq!(pipe_table("Text ohne Liste\n", "", 1), None);
    }
}
