//! The editor (`handbook serve --edit`) as a test drives it: started
//! inside the handbook folder like a user does, signed in with the printed
//! token, then read and written through its API with the headers the
//! editor's own page sends.

use super::server::{event_stream, PATIENCE};
use reqwest::blocking::{Client, Response};
use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;

pub struct Editor {
    pub child: Child,
    /// `http://127.0.0.1:PORT`
    pub base: String,
    pub start: String,
    pub client: Client,
    pub cookie: String,
}

impl Drop for Editor {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Editor {
    /// As a user starts it: from inside the handbook folder, no --root.
    pub fn start(dir: &std::path::Path, more: &[&str]) -> Editor {
        let mut child = Command::new(env!("CARGO_BIN_EXE_handbook"))
            .current_dir(dir)
            .args(["serve", "--edit", "--port", "0"])
            .args(more)
            .stderr(Stdio::piped())
            .spawn()
            .expect("start handbook serve --edit");
        let (tx, rx) = mpsc::channel();
        let stderr = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if line.starts_with("Redaktion") {
                    let _ = tx.send(line);
                }
            }
        });
        let line = rx.recv_timeout(PATIENCE).expect("the editor's address");
        let start = line
            .strip_prefix("Redaktion: ")
            .expect("one line: Redaktion: URL")
            .to_string();
        let (base, token) = start.split_once("/_redaktion/?token=").expect("token URL");
        assert!(base.starts_with("http://127.0.0.1:"), "{start}");
        assert!(
            token.len() >= 32 && token.chars().all(|c| c.is_ascii_hexdigit()),
            "{token}"
        );
        let client = Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        Editor {
            child,
            base: base.to_string(),
            start,
            client,
            cookie: String::new(),
        }
    }

    pub fn sign_in(&mut self) {
        let r = self.client.get(&self.start).send().unwrap();
        assert_eq!(r.status(), 303);
        assert_eq!(r.headers()["location"], "/_redaktion/");
        let set = r.headers()["set-cookie"].to_str().unwrap();
        assert!(
            set.contains("HttpOnly") && set.contains("SameSite=Strict"),
            "{set}"
        );
        self.cookie = set.split(';').next().unwrap().to_string();
    }

    pub fn get(&self, path: &str) -> Response {
        self.client
            .get(format!("{}{path}", self.base))
            .header("cookie", &self.cookie)
            .send()
            .unwrap()
    }

    pub fn put(&self, path: &str, body: &Value) -> (u16, Value) {
        self.write(reqwest::Method::PUT, path, body)
    }

    pub fn post(&self, path: &str, body: &Value) -> (u16, Value) {
        self.write(reqwest::Method::POST, path, body)
    }

    pub fn delete(&self, path: &str, body: &Value) -> (u16, Value) {
        self.write(reqwest::Method::DELETE, path, body)
    }

    pub fn get_json(&self, path: &str) -> (u16, Value) {
        let r = self.get(path);
        (r.status().as_u16(), json_of(r))
    }

    /// The id of the page with this slug, as the editor's list names it.
    pub fn page_id(&self, slug: &str) -> String {
        let (_, pages) = self.get_json("/_redaktion/api/pages");
        let page = pages["pages"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["slug"] == slug)
            .unwrap_or_else(|| panic!("no page {slug} in {pages}"));
        page["id"].as_str().unwrap().to_string()
    }

    pub fn write(&self, method: reqwest::Method, path: &str, body: &Value) -> (u16, Value) {
        let r = self
            .client
            .request(method, format!("{}{path}", self.base))
            .header("cookie", &self.cookie)
            .header("origin", &self.base)
            .header("x-redaktion", "1")
            .header("content-type", "application/json")
            .body(body.to_string())
            .send()
            .unwrap();
        let status = r.status().as_u16();
        (status, json_of(r))
    }

    /// A picture for the page `id`, sent as the editor's „Bild einfügen“
    /// sends it; the answer names the file the server wrote.
    pub fn upload(&self, id: &str, file_name: &str, bytes: &[u8]) -> (u16, Value) {
        const BOUNDARY: &str = "----redaktion-test";
        let mut body = format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"bild\"; filename=\"{file_name}\"\r\n\
             Content-Type: image/png\r\n\r\n"
        )
        .into_bytes();
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
        let r = self
            .client
            .post(format!("{}/_redaktion/api/pages/{id}/bilder", self.base))
            .header("cookie", &self.cookie)
            .header("origin", &self.base)
            .header("x-redaktion", "1")
            .header(
                "content-type",
                format!("multipart/form-data; boundary={BOUNDARY}"),
            )
            .body(body)
            .send()
            .unwrap();
        let status = r.status().as_u16();
        (status, json_of(r))
    }

    pub fn events(&self) -> mpsc::Receiver<String> {
        event_stream(format!("{}/__handbook/events", self.base))
    }
}

pub fn json_of(r: Response) -> Value {
    serde_json::from_str(&r.text().unwrap()).unwrap_or(Value::Null)
}

pub fn page_id_where(e: &Editor, pick: impl Fn(&Value) -> bool) -> String {
    let pages = json_of(e.get("/_redaktion/api/pages"));
    let page = pages["pages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| pick(p))
        .expect("a page");
    page["id"].as_str().unwrap().to_string()
}

pub fn page_id(e: &Editor, slug: &str) -> String {
    let pages: Value = json_of(e.get("/_redaktion/api/pages"));
    let pages = pages["pages"].as_array().unwrap();
    for p in pages {
        let id = p["id"].as_str().unwrap();
        assert!(
            !id.contains('/') && !id.contains(".md"),
            "ids are no paths: {id}"
        );
    }
    let page = pages.iter().find(|p| p["slug"] == slug).expect(slug);
    page["id"].as_str().unwrap().to_string()
}
