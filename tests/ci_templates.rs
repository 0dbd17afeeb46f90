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

/// git in `dir`, as a developer with a name would run it.
fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
        .args(["-c", "protocol.file.allow=always"])
        .args(args)
        .output()
        .expect("git");
    assert!(out.status.success(), "git {args:?}: {}", both(&out));
}

/// The layout `init --edition-of URL` makes: the handbook as a Git submodule
/// of the region's repository. The scheduled job itself fetches upstream's
/// newest commit (`git submodule update --remote`), so it learns of a change
/// nobody pulled by hand.
#[test]
fn an_edition_on_a_submodule_learns_of_upstream_commits_in_its_scheduled_job() {
    let tmp = tempfile::tempdir().unwrap();
    ok(handbook_in(tmp.path(), &["init", "landeshandbuch"]));
    let upstream = tmp.path().join("landeshandbuch");
    fill_in_markers(&upstream);
    git(&upstream, &["init", "--quiet"]);
    git(&upstream, &["add", "."]);
    git(&upstream, &["commit", "--quiet", "-m", "Landeshandbuch"]);
    let url = format!("file://{}", upstream.display());
    ok(handbook_in(
        tmp.path(),
        &["init", "kreis-kleve", "--edition-of", &url],
    ));
    let root = tmp.path().join("kreis-kleve");
    assert!(root.join(".gitmodules").is_file());
    assert_written_from_docs(&root, "ausgabe", Some("kreis-kleve"));
    ok(handbook_in(
        &root,
        &["edition", "override", "kreis-kleve", "content/_index.md"],
    ));
    git(&root, &["add", "-A"]);
    git(&root, &["commit", "--quiet", "-m", "Ausgabe Kreis Kleve"]);
    // a runner fetches from https; this test's upstream is a local file URL,
    // which git allows only when told
    let allow = [
        ("GIT_CONFIG_COUNT", "1"),
        ("GIT_CONFIG_KEY_0", "protocol.file.allow"),
        ("GIT_CONFIG_VALUE_0", "always"),
    ];
    succeeded(github_job(&root, "landeshandbuch", &allow));
    succeeded(gitlab_job(&root, "landeshandbuch", &allow));

    // upstream commits a change of the start page the region overrides; the
    // region's checkout still has the old commit
    let start = upstream.join("content/_index.md");
    write(&start, &(read(&start) + "\nEin neuer Absatz des Landes.\n"));
    git(&upstream, &["commit", "--quiet", "-am", "Neuer Absatz"]);
    assert!(!read(root.join("landeshandbuch/content/_index.md")).contains("neuer Absatz"));
    for out in [
        github_job(&root, "landeshandbuch", &allow),
        gitlab_job(&root, "landeshandbuch", &allow),
    ] {
        assert!(!out.status.success(), "{}", both(&out));
        assert!(both(&out).contains("content/_index.md"), "{}", both(&out));
    }
    assert!(read(root.join("landeshandbuch/content/_index.md")).contains("neuer Absatz"));
}

/// What the shell steps cannot show: when each job runs. An edition
/// publishes on a push to its main branch, never from the weekly run, and
/// checks upstream on the weekly run (on GitHub also by hand), with the
/// submodule checked out; a handbook publishes from its main branch.
#[test]
fn the_templates_publish_on_push_and_check_upstream_on_the_schedule() {
    let yaml = |rel: &str| -> serde_json::Value {
        serde_saphyr::from_str(&read(Path::new(REPO).join("docs/ci").join(rel))).unwrap()
    };
    let gh = yaml("ausgabe/.github/workflows/handbuch.yml");
    assert!(gh["on"]["push"]["branches"][0] == "main", "{}", gh["on"]);
    assert!(gh["on"]["schedule"][0]["cron"]
        .as_str()
        .is_some_and(|c| c.split(' ').count() == 5));
    assert!(gh["on"].get("workflow_dispatch").is_some());
    for job in ["bauen", "veroeffentlichen"] {
        assert_eq!(
            gh["jobs"][job]["if"], "github.event_name != 'schedule'",
            "{job}"
        );
    }
    let check = &gh["jobs"]["landeshandbuch"];
    assert!(check["if"]
        .as_str()
        .unwrap()
        .contains("github.event_name == 'schedule'"));
    for job in ["bauen", "landeshandbuch"] {
        let checkout = &gh["jobs"][job]["steps"][0];
        assert!(checkout["uses"]
            .as_str()
            .unwrap()
            .starts_with("actions/checkout@"));
        assert_eq!(checkout["with"]["submodules"], true, "{job}");
    }
    assert_eq!(gh["jobs"]["veroeffentlichen"]["needs"], "bauen");
    assert!(gh["permissions"]["pages"] == "write" && gh["permissions"]["id-token"] == "write");

    let gl = yaml("ausgabe/.gitlab-ci.yml");
    let rule = |job: &str| gl[job]["rules"][0]["if"].as_str().unwrap().to_string();
    assert!(rule("pages").contains(r#"$CI_PIPELINE_SOURCE != "schedule""#));
    assert!(rule("pages").contains("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"));
    assert_eq!(
        rule("landeshandbuch"),
        r#"$CI_PIPELINE_SOURCE == "schedule""#
    );
    assert_eq!(gl["pages"]["artifacts"]["paths"][0], "public");
    assert_eq!(gl["variables"]["GIT_SUBMODULE_STRATEGY"], "recursive");

    let gl = yaml("handbuch/.gitlab-ci.yml");
    assert_eq!(
        gl["pages"]["rules"][0]["if"],
        "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"
    );
    assert_eq!(gl["pages"]["artifacts"]["paths"][0], "public");
    let gh = yaml("handbuch/.github/workflows/handbuch.yml");
    assert!(gh["on"]["push"]["branches"][0] == "main", "{}", gh["on"]);
}
