//! The few Git operations the Redaktion needs, through the `git` command
//! (present wherever a region keeps its handbook in Git; a library such as
//! gix would add a large dependency for four commands). Every path is
//! given after `--`, every name through the environment, never a shell.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The e-mail recorded with the editor's name: the editor asks for a
/// name only.
pub const EMAIL: &str = "redaktion@localhost";

fn git(root: &Path) -> Command {
    let mut c = Command::new("git");
    c.arg("-C").arg(root);
    // a user's pager, colours or hooks' locale must not reach the parser
    c.env("GIT_PAGER", "cat").env("LC_ALL", "C");
    c
}

fn run(mut c: Command) -> Result<Output, String> {
    let out = c.output().map_err(|e| format!("git: {e}"))?;
    if out.status.success() {
        Ok(out)
    } else {
        Err(String::from_utf8_lossy(&out.stderr).trim().to_string())
    }
}

/// Whether `root` is inside a Git work tree (and `git` is installed).
pub fn is_work_tree(root: &Path) -> bool {
    let mut c = git(root);
    c.args(["rev-parse", "--is-inside-work-tree"]);
    run(c).is_ok_and(|o| o.stdout.starts_with(b"true"))
}

/// Whether Git knows `rel` (root-relative) in the last commit or the index.
fn is_tracked(root: &Path, rel: &Path) -> bool {
    let mut c = git(root);
    c.args(["ls-files", "--error-unmatch", "--"]).arg(rel);
    run(c).is_ok()
}

/// Which of `paths` `.gitignore` (or the like) names, in one call.
fn ignored(root: &Path, paths: &[&PathBuf]) -> Vec<PathBuf> {
    let mut c = git(root);
    c.args(["check-ignore", "--"]).args(paths);
    // exit 1: none of them is ignored
    c.output().map_or_else(
        |_| Vec::new(),
        |o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .map(PathBuf::from)
                .collect()
        },
    )
}

/// Commits exactly `paths` (root-relative; created, changed or removed)
/// with `author` as the author, leaving anything else the index holds.
pub fn commit(root: &Path, paths: &[PathBuf], author: &str, message: &str) -> Result<(), String> {
    // a file Git is told to ignore (a generated PDF beside a page) is left
    // out, or `git add` refuses the whole commit
    let present: Vec<&PathBuf> = paths.iter().filter(|p| root.join(p).exists()).collect();
    let ignored = ignored(root, &present);
    let paths: Vec<&PathBuf> = paths
        .iter()
        .filter(|p| match root.join(p).exists() {
            true => !ignored.contains(p) || is_tracked(root, p),
            false => is_tracked(root, p),
        })
        .collect();
    if paths.is_empty() {
        return Ok(());
    }
    // a new file must be known before `commit -- paths` takes it; only
    // the operation's own paths are added
    let mut add = git(root);
    add.args(["add", "--all", "--"]).args(&paths);
    run(add)?;
    // the editor has run the build's checks already; a hook (a linter, a
    // formatter rewriting files) would run while every editor waits, and
    // could change bytes the editor never saw
    let mut c = git(root);
    c.args(["commit", "--quiet", "--no-verify", "-m", message, "--"])
        .args(&paths)
        .env("GIT_AUTHOR_NAME", author)
        .env("GIT_AUTHOR_EMAIL", EMAIL);
    if !has_identity(root) {
        c.env("GIT_COMMITTER_NAME", author)
            .env("GIT_COMMITTER_EMAIL", EMAIL);
    }
    run(c).map(|_| ())
}

fn has_identity(root: &Path) -> bool {
    let mut c = git(root);
    c.args(["config", "user.email"]);
    run(c).is_ok()
}

/// One commit in a file's history.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Entry {
    pub commit: String,
    pub author: String,
    /// ISO 8601 with offset.
    pub date: String,
    pub message: String,
    /// Root-relative path of the file in that commit (it may have been renamed since).
    pub path: String,
}

/// The commits touching `rel`, newest first, following renames.
pub fn log(root: &Path, rel: &Path, limit: usize) -> Result<Vec<Entry>, String> {
    let mut c = git(root);
    c.args([
        "log",
        "--follow",
        "--no-color",
        &format!("--max-count={limit}"),
        "--format=%x1e%H%x1f%an%x1f%aI%x1f%s",
        "--name-only",
        "--relative",
        "--",
    ])
    .arg(rel);
    let out = run(c)?;
    let text = String::from_utf8_lossy(&out.stdout);
    Ok(text
        .split('\x1e')
        .filter_map(|record| {
            let (head, names) = record.split_once('\n')?;
            let mut f = head.split('\x1f');
            let path = names.lines().find(|l| !l.trim().is_empty())?;
            Some(Entry {
                commit: f.next()?.to_string(),
                author: f.next()?.to_string(),
                date: f.next()?.to_string(),
                message: f.next().unwrap_or_default().to_string(),
                path: path.to_string(),
            })
        })
        .collect())
}

/// Whether `commit` looks like a full commit id (so it cannot be an option).
pub fn is_commit_id(commit: &str) -> bool {
    commit.len() == 40 && commit.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The file `rel` (root-relative) as it was in `commit`.
pub fn show(root: &Path, commit: &str, rel: &str) -> Result<Vec<u8>, String> {
    if !is_commit_id(commit) {
        return Err(format!("not a commit id: {commit}"));
    }
    let mut c = git(root);
    c.arg("show").arg(format!("{commit}:./{rel}"));
    run(c).map(|o| o.stdout)
}
