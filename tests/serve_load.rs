//! The preview server under load and faults, on the bundled handbook: many
//! requests while files change underneath, a burst of 1,000 file events,
//! edits that land while a rebuild runs, and reload clients that vanish.
//! Each test starts its own server; they run one at a time so that they do
//! not steal each other's two cores.

mod common;
use common::server::*;
use common::*;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner())
}

/// Page paths of the handbook in `root`, from a build of it.
fn page_paths(root: &Path) -> Vec<String> {
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    ok(handbook(&[
        "build",
        "--root",
        root.to_str().unwrap(),
        "--out",
        site.to_str().unwrap(),
    ]));
    walkdir::WalkDir::new(&site)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name() == "index.html")
        .filter_map(|e| {
            let dir = e.path().parent()?.strip_prefix(&site).ok()?;
            let dir = dir.to_str()?;
            Some(if dir.is_empty() {
                "/".into()
            } else {
                format!("/{dir}/")
            })
        })
        .collect()
}

/// Reload events that arrive within `quiet` of each other, until none does.
fn drain_reloads(rx: &std::sync::mpsc::Receiver<String>, first_within: Duration) -> usize {
    let mut n = 0;
    let mut wait = first_within;
    while let Ok(ev) = rx.recv_timeout(wait) {
        if ev.contains("\"reload\"") {
            n += 1;
        }
        wait = Duration::from_secs(3);
    }
    n
}

#[test]
fn every_request_is_answered_whole_while_files_change() {
    let _one = serial();
    let tmp = bundled_copy();
    let server = Server::start(tmp.path());
    // a client listening all along: the saves below must reach it as reloads
    let reloads = server.events();
    let paths = page_paths(tmp.path());
    assert!(paths.len() > 50, "the bundled handbook has its pages");
    let seconds: u64 = std::env::var("HANDBOOK_LOAD_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(30);
    let stop = Arc::new(AtomicBool::new(false));
    let served = Arc::new(AtomicUsize::new(0));
    let failures = Arc::new(Mutex::new(Vec::<String>::new()));
    let latencies = Arc::new(Mutex::new(Vec::<Duration>::new()));

    let clients: Vec<_> = (0..4)
        .map(|n| {
            let (stop, served, failures, latencies) = (
                stop.clone(),
                served.clone(),
                failures.clone(),
                latencies.clone(),
            );
            let url = server.url.clone();
            let mut paths = paths.clone();
            paths.push("/static/style.css".into());
            std::thread::spawn(move || {
                let client = reqwest::blocking::Client::new();
                let mut i = n * 7;
                let mut own = Vec::new();
                while !stop.load(Ordering::Relaxed) {
                    let path = &paths[i % paths.len()];
                    i += 1;
                    let started = Instant::now();
                    let result = client
                        .get(format!("{}{}", url, path.trim_start_matches('/')))
                        .send()
                        .and_then(|r| Ok((r.status().as_u16(), r.text()?)));
                    own.push(started.elapsed());
                    match result {
                        // a page is whole: the old version or the new one, never a mix
                        Ok((200, body)) if path.ends_with(".css") || body.contains("</html>") => {
                            served.fetch_add(1, Ordering::Relaxed);
                        }
                        Ok((status, _)) => {
                            failures.lock().unwrap().push(format!("{path}: {status}"))
                        }
                        Err(e) => failures.lock().unwrap().push(format!("{path}: {e}")),
                    }
                }
                latencies.lock().unwrap().extend(own);
            })
        })
        .collect();

    // a reload client that connects, listens a little and hangs up, over and over
    let flapper = {
        let (stop, url) = (stop.clone(), server.url.clone());
        std::thread::spawn(move || {
            let client = reqwest::blocking::Client::builder()
                .timeout(Duration::from_millis(200))
                .build()
                .unwrap();
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) {
                if let Ok(mut r) = client.get(format!("{url}__handbook/events")).send() {
                    let mut buf = [0u8; 64];
                    let _ = std::io::Read::read(&mut r, &mut buf);
                }
                n += 1;
            }
            n
        })
    };

    // the editor: a save every 100 ms, sometimes broken for a moment, and a
    // page that comes and goes
    let page = tmp.path().join("content/konzepte/elterncafe.md");
    let original = read(&page);
    let extra = tmp.path().join("content/lastprobe.md");
    let started = Instant::now();
    let mut edits = 0;
    while started.elapsed() < Duration::from_secs(seconds) {
        edits += 1;
        let text = if edits % 7 == 0 {
            original.replacen("title:", "title: [unclosed", 1)
        } else {
            format!("{original}\n\nLastprobe Nummer {edits}.\n")
        };
        atomic_save(&page, &text);
        if edits % 10 == 0 {
            std::fs::write(
                &extra,
                format!("---\ntitle: Lastprobe {edits}\n---\nText.\n"),
            )
            .unwrap();
        } else if edits % 10 == 5 {
            let _ = std::fs::remove_file(&extra);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let final_text = format!("{original}\n\nLastprobe Endstand.\n");
    atomic_save(&page, &final_text);
    stop.store(true, Ordering::Relaxed);
    for c in clients {
        c.join().unwrap();
    }
    let reconnects = flapper.join().unwrap();
    let elapsed = started.elapsed();

    let failures = failures.lock().unwrap();
    let served = served.load(Ordering::Relaxed);
    let mut lat = latencies.lock().unwrap().clone();
    lat.sort();
    let rate = served as f64 / elapsed.as_secs_f64();
    eprintln!(
        "load: {served} pages in {:.1} s = {rate:.0} req/s, p50 {:?}, p99 {:?}, {edits} saves, \
         {reconnects} reload-stream reconnects, {} failures",
        elapsed.as_secs_f64(),
        lat[lat.len() / 2],
        lat[lat.len() * 99 / 100],
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} failed requests, e.g. {:?}",
        failures.len(),
        &failures[..failures.len().min(5)]
    );
    // the rate is a benchmark figure (printed above), not a pass mark: on a
    // busy machine any threshold fails for reasons that are not the server's.
    // That requests are not locked out by rebuilds, tests/serve_snapshot.rs checks.
    server.wait_until("the last save is served", |s| {
        s.get("/konzepte/elterncafe/")
            .2
            .contains("Lastprobe Endstand.")
    });
    let (_, _, status) = server.get("/__handbook/status");
    assert!(status.contains("\"ok\":true"), "{status}");
    // the saves were rebuilt and announced, not merely served from the start
    let announced = reloads
        .try_iter()
        .filter(|e| e.contains("\"reload\""))
        .count();
    assert!(announced >= 1, "no reload reached the listening client");
}

fn write_burst(dir: &Path, n: usize, marker: &str) {
    std::fs::create_dir_all(dir).unwrap();
    for i in 0..n {
        std::fs::write(
            dir.join(format!("seite-{i:04}.md")),
            format!("---\ntitle: Massenseite {i}\n---\n{marker} {i}.\n"),
        )
        .unwrap();
    }
}

#[test]
fn a_burst_of_a_thousand_file_events_is_one_rebuild() {
    // A burst is merged until the files have been quiet for a moment; on a
    // loaded machine the watcher may hand the first slice over before the
    // rest arrives, so a burst can take two rebuilds (three at worst when
    // the second starts mid-burst), never one per file. What must hold
    // exactly is the end state.
    let _one = serial();
    let tmp = bundled_copy();
    let server = Server::start(tmp.path());
    let events = server.events();
    let dir = tmp.path().join("content/massen");

    write_burst(&dir, 1000, "Erste Fassung");
    assert_burst(drain_reloads(&events, PATIENCE), "creating 1,000 pages");
    for i in [0, 499, 999] {
        let (status, _, html) = server.get(&format!("/massen/seite-{i:04}/"));
        assert_eq!(status, 200);
        assert!(html.contains(&format!("Erste Fassung {i}.")));
    }
    let (_, _, listing) = server.get("/massen/");
    let listed: std::collections::BTreeSet<&str> = listing
        .match_indices("/massen/seite-")
        .map(|(i, _)| &listing[i..i + 18])
        .collect();
    assert_eq!(listed.len(), 1000, "the section lists them all");

    write_burst(&dir, 1000, "Zweite Fassung");
    assert_burst(drain_reloads(&events, PATIENCE), "editing 1,000 pages");
    assert!(server
        .get("/massen/seite-0999/")
        .2
        .contains("Zweite Fassung 999."));

    std::fs::remove_dir_all(&dir).unwrap();
    assert_burst(drain_reloads(&events, PATIENCE), "deleting 1,000 pages");
    assert_eq!(server.get("/massen/seite-0000/").0, 404);
}

fn assert_burst(reloads: usize, what: &str) {
    assert!(
        (1..=3).contains(&reloads),
        "{what}: {reloads} reloads, not a handful"
    );
}

#[test]
fn edits_during_a_running_rebuild_end_in_the_right_state() {
    let _one = serial();
    let tmp = bundled_copy();
    let server = Server::start(tmp.path());
    let events = server.events();
    let page = tmp.path().join("content/regionen/hamm.md");
    let original = read(&page);

    // 1,000 new pages make the next rebuild long; the saves after it land
    // while it runs (the first one well inside, the last after it)
    write_burst(&tmp.path().join("content/massen"), 1000, "Fassung");
    let started = Instant::now();
    for n in 1..=8 {
        std::thread::sleep(Duration::from_millis(120));
        atomic_save(&page, &format!("{original}\n\nZwischenstand {n} von 8.\n"));
    }
    let saving = started.elapsed();
    assert!(drain_reloads(&events, PATIENCE) >= 1);
    eprintln!("8 saves over {saving:?} during and after a 1,000-page rebuild");

    let (_, _, html) = server.get("/regionen/hamm/");
    assert!(
        html.contains("Zwischenstand 8 von 8."),
        "the last save wins"
    );
    assert!(!html.contains("Zwischenstand 7 von 8."));
    assert_eq!(server.get("/massen/seite-0999/").0, 200);
    let (_, _, status) = server.get("/__handbook/status");
    assert!(status.contains("\"ok\":true"), "{status}");
}

#[test]
fn reload_clients_that_hang_up_harm_no_one() {
    let _one = serial();
    let tmp = bundled_copy();
    let server = Server::start(tmp.path());

    // fifty clients connect and vanish, some mid-stream, some before reading
    let mut streams = Vec::new();
    for n in 0..50 {
        let client = reqwest::blocking::Client::builder()
            .timeout(None)
            .build()
            .unwrap();
        let resp = client
            .get(format!("{}__handbook/events", server.url))
            .send()
            .unwrap();
        if n % 2 == 0 {
            drop(resp);
        } else {
            streams.push(resp);
        }
    }
    let page = tmp.path().join("content/konzepte/elterncafe.md");
    let original = read(&page);
    atomic_save(&page, &format!("{original}\n\nNach dem Auflegen.\n"));
    std::thread::sleep(Duration::from_millis(500));
    drop(streams);

    // a client that stays is still told about the next save
    let events = server.events();
    atomic_save(&page, &format!("{original}\n\nZweite Änderung.\n"));
    let ev = wait_for_event(&events, "reload");
    assert!(ev.contains("konzepte/elterncafe/index.html"), "{ev}");
    assert!(server
        .get("/konzepte/elterncafe/")
        .2
        .contains("Zweite Änderung."));
}
