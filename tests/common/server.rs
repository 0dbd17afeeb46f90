//! A running `handbook serve` for tests: the real binary on an ephemeral
//! loopback port, with an HTTP client and the reload event stream.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Generous: the machine may be busy compiling.
pub const PATIENCE: Duration = Duration::from_secs(30);

pub struct Server {
    child: Child,
    pub url: String,
    /// What it printed before its address (the first build's messages).
    pub printed: Vec<String>,
}

impl Server {
    /// A server with English messages, which the tests match on.
    pub fn start(root: &Path) -> Server {
        Server::start_with_messages(root, "en")
    }

    /// `messages`: `en` or `de`, as `--messages` would set them.
    pub fn start_with_messages(root: &Path, messages: &str) -> Server {
        Server::start_in(
            Path::new("."),
            &["--root", root.to_str().unwrap()],
            messages,
        )
    }

    /// As an editor starts it: `handbook serve` run in the folder `cwd`,
    /// with `args` (e.g. none, as the README's command has, or a relative
    /// `--root`).
    pub fn start_in(cwd: &Path, args: &[&str], messages: &str) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_handbook"))
            .current_dir(cwd)
            .env("HANDBOOK_MESSAGES", messages)
            .args(["serve", "--port", "0"])
            .args(args)
            .stderr(Stdio::piped())
            .spawn()
            .expect("start handbook serve");
        let stderr = child.stderr.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            // every line until the address, then the pipe is only drained
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let mut printed = Vec::new();
        let url = loop {
            let line = rx.recv_timeout(PATIENCE).expect("server prints its URL");
            // `serving URL …` in English, `Vorschau auf URL …` in German
            let url = line
                .strip_prefix("serving ")
                .or_else(|| line.strip_prefix("Vorschau auf "));
            match url {
                Some(url) => {
                    break url
                        .split_whitespace()
                        .next()
                        .unwrap_or_default()
                        .to_string()
                }
                None => printed.push(line),
            }
        };
        Server {
            child,
            url,
            printed,
        }
    }

    pub fn get(&self, path: &str) -> (u16, String, String) {
        let r = reqwest::blocking::get(format!("{}{}", self.url, path.trim_start_matches('/')))
            .expect("GET");
        let status = r.status().as_u16();
        let ctype = r
            .headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap_or_default().to_string())
            .unwrap_or_default();
        (status, ctype, r.text().unwrap_or_default())
    }

    /// Collects the reload stream's `data:` lines on a channel.
    pub fn events(&self) -> mpsc::Receiver<String> {
        event_stream(format!("{}__handbook/events", self.url))
    }

    pub fn wait_until(&self, what: &str, mut ok: impl FnMut(&Server) -> bool) {
        let start = Instant::now();
        while !ok(self) {
            assert!(start.elapsed() < PATIENCE, "timed out waiting for: {what}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The `data:` lines of the reload stream at `url`, on a channel; returns
/// once the server has subscribed the stream, so no later event is missed.
pub fn event_stream(url: String) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    let (connected_tx, connected) = mpsc::channel();
    std::thread::spawn(move || {
        let client = reqwest::blocking::Client::builder()
            .timeout(None)
            .build()
            .unwrap();
        let Ok(resp) = client.get(url).send() else {
            return;
        };
        // the server subscribes before it answers: from here on, no event is missed
        let _ = connected_tx.send(());
        for line in BufReader::new(resp).lines().map_while(Result::ok) {
            if let Some(data) = line.strip_prefix("data: ") {
                if tx.send(data.to_string()).is_err() {
                    return;
                }
            }
        }
    });
    connected
        .recv_timeout(PATIENCE)
        .expect("the reload stream connects");
    rx
}

pub fn wait_for_event(rx: &mpsc::Receiver<String>, needle: &str) -> String {
    let start = Instant::now();
    while start.elapsed() < PATIENCE {
        if let Ok(ev) = rx.recv_timeout(Duration::from_millis(200)) {
            if ev.contains(needle) {
                return ev;
            }
        }
    }
    panic!("no event containing {needle}");
}

/// Saves like many editors do: write a temp file beside it, then rename.
pub fn atomic_save(path: &Path, text: &str) {
    let tmp = path.with_extension("md.tmp~");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}
