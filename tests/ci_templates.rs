//! The CI files a region copies from `docs/ci/`, or gets from `handbook
//! init`: their shell steps, exactly as the YAML has them (GitHub's `run:`
//! blocks, GitLab's `before_script:` and `script:` lines), run here with
//! bash, in a handbook and in an edition that `init` made, with the download
//! pointed at a local release archive that `scripts/release --package` packs
//! from this build's binary. So a broken template fails our CI, not a
//! region's.

mod common;
use common::*;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

const VERSION: &str = env!("CARGO_PKG_VERSION");
const REPO: &str = env!("CARGO_MANIFEST_DIR");

/// A GitHub Actions workflow, as far as the shell steps need it.
#[derive(Deserialize)]
struct Workflow {
    #[serde(default)]
    env: BTreeMap<String, String>,
    jobs: BTreeMap<String, GitHubJob>,
}

#[derive(Deserialize)]
struct GitHubJob {
    #[serde(default)]
    steps: Vec<GitHubStep>,
}

#[derive(Deserialize)]
struct GitHubStep {
    run: Option<String>,
    #[serde(default)]
    env: BTreeMap<String, String>,
}

/// A GitLab CI file: variables, the default before_script, and jobs.
#[derive(Deserialize)]
struct GitLabCi {
    #[serde(default)]
    variables: BTreeMap<String, String>,
    #[serde(default)]
    default: GitLabDefault,
    #[serde(flatten)]
    jobs: BTreeMap<String, serde_json::Value>,
}

#[derive(Deserialize, Default)]
struct GitLabDefault {
    #[serde(default)]
    before_script: Vec<String>,
}

/// The release folder the templates download from: `v<VERSION>/` with the
/// archive of this build's binary and its SHA256SUMS, packed once.
fn releases() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("ci-releases");
        let out = dir.join(format!("v{VERSION}"));
        let packed = Command::new("bash")
            .arg(Path::new(REPO).join("scripts/release"))
            .args(["--package", env!("CARGO_BIN_EXE_handbook"), "--out"])
            .arg(&out)
            .output()
            .expect("run scripts/release");
        assert!(packed.status.success(), "{}", stderr(&packed));
        dir
    })
}

fn archive_sha256() -> String {
    let sums = read(releases().join(format!("v{VERSION}/SHA256SUMS")));
    sums.split_whitespace().next().unwrap().to_string()
}

/// What the shell sees in CI: no handbook on PATH (the steps must fetch
/// it), the file's variables, the platform's (`github`), and the test's
/// `set` (where to download from, a wrong checksum …).
fn shell(dir: &Path, script: &str, vars: &BTreeMap<String, String>) -> Output {
    let home = tempfile::tempdir().unwrap();
    Command::new("bash")
        .args(["--noprofile", "--norc", "-eo", "pipefail", "-c", script])
        .current_dir(dir)
        .env_clear()
        .env("PATH", "/usr/local/bin:/usr/bin:/bin")
        .env("HOME", home.path())
        .env("TMPDIR", home.path())
        .env("LANG", "C.UTF-8")
        .envs(vars)
        .output()
        .expect("run bash")
}

fn local_download(set: &[(&str, &str)]) -> BTreeMap<String, String> {
    let mut vars = BTreeMap::from([(
        "HANDBOOK_RELEASES".to_string(),
        format!("file://{}", releases().display()),
    )]);
    vars.extend(set.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    vars
}

/// Runs one job of a GitHub workflow: each `run:` step in its own bash, as
/// the runner does; `${{ … }}` in an `env:` value is what the action
/// before it would give (`outputs`), and never stands in the script itself.
fn github_job(dir: &Path, job: &str, set: &[(&str, &str)]) -> Output {
    let file = dir.join(".github/workflows/handbuch.yml");
    let workflow: Workflow = serde_saphyr::from_str(&read(&file)).unwrap();
    let outputs = BTreeMap::from([("BASE_URL", "https://region.github.io/handbuch")]);
    let steps = &workflow
        .jobs
        .get(job)
        .unwrap_or_else(|| panic!("no job {job}"))
        .steps;
    let mut last = None;
    for step in steps {
        let Some(script) = &step.run else { continue };
        assert!(
            !script.contains("${{"),
            "an expression in a script: {script}"
        );
        let mut vars = workflow.env.clone();
        for (key, value) in &step.env {
            let value = if value.contains("${{") {
                outputs
                    .get(key.as_str())
                    .unwrap_or_else(|| panic!("{key}: {value}"))
                    .to_string()
            } else {
                value.clone()
            };
            vars.insert(key.clone(), value);
        }
        vars.extend(local_download(set));
        let out = shell(dir, script, &vars);
        if !out.status.success() {
            return out;
        }
        last = Some(out);
    }
    last.unwrap_or_else(|| panic!("job {job} runs no shell step"))
}

/// Runs one job of a GitLab CI file: the default before_script and the
/// job's script, line by line in one shell, as the runner does.
fn gitlab_job(dir: &Path, job: &str, set: &[(&str, &str)]) -> Output {
    let ci: GitLabCi = serde_saphyr::from_str(&read(dir.join(".gitlab-ci.yml"))).unwrap();
    let job = ci.jobs.get(job).unwrap_or_else(|| panic!("no job {job}"));
    let script: Vec<String> = serde_json::from_value(job["script"].clone()).unwrap();
    let lines = ci.default.before_script.iter().chain(&script);
    let script = lines.cloned().collect::<Vec<_>>().join("\n");
    let mut vars = ci.variables.clone();
    vars.insert(
        "CI_PAGES_URL".into(),
        "https://region.gitlab.io/handbuch".into(),
    );
    vars.extend(local_download(set));
    shell(dir, &script, &vars)
}

fn both(o: &Output) -> String {
    format!("{}{}", stdout(o), stderr(o))
}

fn succeeded(o: Output) -> Output {
    assert!(o.status.success(), "{}", both(&o));
    o
}

/// `init`'s `[bitte ergänzen …]` markers, filled as a publisher would, so
/// that `check --strict` lets the handbook through.
fn fill_in_markers(root: &Path) {
    let marker = regex::Regex::new(r"\[bitte ergänzen[^\]]*\]").unwrap();
    for entry in walkdir::WalkDir::new(root.join("content")) {
        let path = entry.unwrap().into_path();
        if path.extension().is_some_and(|e| e == "md") {
            let text = read(&path);
            write(&path, &marker.replace_all(&text, "Text der Redaktion"));
        }
    }
}

/// The files `init` wrote are those in docs/ci/ (the edition's with its name).
fn assert_written_from_docs(root: &Path, docs: &str, edition: Option<&str>) {
    for file in [".github/workflows/handbuch.yml", ".gitlab-ci.yml"] {
        let mut expected = read(Path::new(REPO).join("docs/ci").join(docs).join(file));
        if let Some(name) = edition {
            expected = expected.replace("kreis-beispiel", name);
        }
        assert_eq!(read(root.join(file)), expected, "{file}");
    }
}

#[test]
fn a_handbook_is_checked_built_and_published_with_the_downloaded_binary() {
    let tmp = tempfile::tempdir().unwrap();
    ok(handbook_in(tmp.path(), &["init", "handbuch"]));
    let root = tmp.path().join("handbuch");
    assert_written_from_docs(&root, "handbuch", None);
    fill_in_markers(&root);

    // GitHub: the checksum from the release's SHA256SUMS (none pinned yet)
    let out = succeeded(github_job(&root, "bauen", &[]));
    assert!(
        stdout(&out).contains(&format!("handbook {VERSION}")),
        "{}",
        both(&out)
    );
    let start = read(root.join("public/index.html"));
    assert!(
        start.contains("href=\"/handbuch/static/style.css\""),
        "the Pages base URL"
    );

    // a pinned checksum that is not the archive's stops the job before any build
    std::fs::remove_dir_all(root.join("public")).unwrap();
    let wrong = "0".repeat(64);
    let out = github_job(&root, "bauen", &[("HANDBOOK_SHA256", &wrong)]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("Prüfsumme"), "{}", both(&out));
    assert!(!root.join("public").exists());

    // GitLab, with the right checksum pinned
    let sha = archive_sha256();
    succeeded(gitlab_job(&root, "pages", &[("HANDBOOK_SHA256", &sha)]));
    assert!(root.join("public/index.html").is_file());
    let out = gitlab_job(&root, "pages", &[("HANDBOOK_SHA256", &wrong)]);
    assert!(!out.status.success(), "{}", both(&out));

    // check --strict: an unfilled marker fails the job
    write(
        root.join("content/neu.md"),
        "# Neu\n\n[bitte ergänzen: Text]\n",
    );
    let out = gitlab_job(&root, "pages", &[]);
    assert!(!out.status.success(), "{}", both(&out));
    assert!(both(&out).contains("content/neu.md:3:1"), "{}", both(&out));
}

#[test]
fn an_edition_is_published_and_its_scheduled_job_names_the_pages_upstream_changed() {
    let tmp = tempfile::tempdir().unwrap();
    ok(handbook_in(tmp.path(), &["init", "landeshandbuch"]));
    fill_in_markers(&tmp.path().join("landeshandbuch"));
    ok(handbook_in(
        tmp.path(),
        &["init", "kreis-kleve", "--edition-of", "landeshandbuch"],
    ));
    let root = tmp.path().join("kreis-kleve");
    assert_written_from_docs(&root, "ausgabe", Some("kreis-kleve"));
    ok(handbook_in(
        &root,
        &["edition", "override", "kreis-kleve", "content/_index.md"],
    ));

    succeeded(github_job(&root, "bauen", &[]));
    assert!(root.join("public/index.html").is_file());
    std::fs::remove_dir_all(root.join("public")).unwrap();
    succeeded(gitlab_job(&root, "pages", &[]));
    assert!(root.join("public/index.html").is_file());

    // nothing changed upstream: the scheduled job passes
    succeeded(github_job(&root, "landeshandbuch", &[]));
    succeeded(gitlab_job(&root, "landeshandbuch", &[]));

    // upstream changes the start page the region overrides
    let upstream = tmp.path().join("landeshandbuch/content/_index.md");
    write(
        &upstream,
        &(read(&upstream) + "\nEin neuer Absatz des Landes.\n"),
    );
    for out in [
        github_job(&root, "landeshandbuch", &[]),
        gitlab_job(&root, "landeshandbuch", &[]),
    ] {
        assert!(!out.status.success(), "{}", both(&out));
        assert!(both(&out).contains("content/_index.md"), "{}", both(&out));
        assert!(
            stderr(&out).contains("handbook edition merge kreis-kleve --all"),
            "{}",
            both(&out)
        );
    }
}
