//! A running `trangxa serve` for tests: the real binary on a free port, raw
//! HTTP requests (sent exactly as given), bounded waits.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::Fixture;

pub const WAIT: Duration = Duration::from_secs(20);

/// A running `trangxa serve`, stopped when dropped.
pub struct Serve {
    child: Child,
    pub addr: String,
    /// The address as printed (`host:port/`, with `?token=` beyond loopback).
    pub printed: String,
    pub stderr: Arc<Mutex<String>>,
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub struct Response {
    pub status: u16,
    /// The head, lower-cased (header names are case-insensitive).
    pub headers: String,
    pub body: String,
    /// The body as sent (pictures, fonts: not text).
    pub bytes: Vec<u8>,
}

impl Serve {
    pub fn start(f: &Fixture, extra: &[&str]) -> Serve {
        Serve::start_at(f.root(), extra)
    }

    /// Serve the site folder `root` (a copy of the sample site, say).
    pub fn start_at(root: &std::path::Path, extra: &[&str]) -> Serve {
        let mut child = Command::new(env!("CARGO_BIN_EXE_trangxa"))
            .args([
                "serve",
                "--port",
                "0",
                "--now",
                "2026-11-27T12:00:00+07:00",
                "--root",
            ])
            .arg(root)
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(at) = line.find("http://") {
                    let _ = tx.send(line[at + 7..].to_string());
                }
            }
        });
        let stderr = Arc::new(Mutex::new(String::new()));
        let err = child.stderr.take().unwrap();
        let sink = stderr.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(err).lines().map_while(Result::ok) {
                let mut s = sink.lock().unwrap();
                s.push_str(&line);
                s.push('\n');
            }
        });
        let printed: String = rx
            .recv_timeout(WAIT)
            .unwrap_or_else(|_| panic!("serve did not start: {}", stderr.lock().unwrap()));
        let addr = printed.split('/').next().unwrap_or_default().to_string();
        Serve {
            child,
            addr,
            printed,
            stderr,
        }
    }

    /// Send `request_target` exactly as given (no normalisation).
    pub fn get(&self, target: &str) -> Response {
        self.request(&format!(
            "GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
        ))
    }

    /// Send a whole request as given; read the whole answer.
    pub fn request(&self, raw_request: &str) -> Response {
        self.request_bytes(raw_request.as_bytes())
    }

    /// The same, for a request with a binary body.
    pub fn request_bytes(&self, raw_request: &[u8]) -> Response {
        let mut s = TcpStream::connect(&self.addr).unwrap();
        s.set_read_timeout(Some(WAIT)).unwrap();
        s.write_all(raw_request).unwrap();
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).unwrap();
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .map_or(raw.len(), |at| at + 4);
        let bytes = raw[split..].to_vec();
        let text = String::from_utf8_lossy(&raw).to_string();
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let status = head
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        Response {
            status,
            // Header names are case-insensitive (HTTP/1.1 servers differ).
            headers: head.to_ascii_lowercase(),
            body: body.to_string(),
            bytes,
        }
    }

    /// Wait (bounded) until `target` answers so that `ok` holds.
    pub fn wait_for(&self, target: &str, ok: impl Fn(&Response) -> bool) -> Response {
        let start = Instant::now();
        loop {
            let r = self.get(target);
            if ok(&r) {
                return r;
            }
            assert!(
                start.elapsed() < WAIT,
                "{target} never became as expected; last answer {}:\n{}\nserver said:\n{}",
                r.status,
                r.body,
                self.stderr.lock().unwrap()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn status_ok(&self) -> bool {
        self.get("/__trangxa/status").body.contains("\"ok\":true")
    }

    /// The live-reload event stream, one event per message (the body is
    /// sent chunked, as HTTP/1.1 does for a response of unknown length).
    pub fn events(&self) -> Receiver<String> {
        let mut s = TcpStream::connect(&self.addr).unwrap();
        write!(
            s,
            "GET /__trangxa/events HTTP/1.1\r\nHost: localhost\r\n\r\n"
        )
        .unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(s);
            let mut head = String::new();
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 {
                    return;
                }
                if line == "\r\n" {
                    break;
                }
                head.push_str(&line.to_ascii_lowercase());
            }
            assert!(head.contains("text/event-stream"), "{head}");
            assert!(head.contains("transfer-encoding: chunked"), "{head}");
            let mut text = String::new();
            loop {
                let mut size = String::new();
                if reader.read_line(&mut size).unwrap_or(0) == 0 {
                    return;
                }
                let Ok(n) = usize::from_str_radix(size.trim(), 16) else {
                    return;
                };
                let mut chunk = vec![0; n + 2];
                if reader.read_exact(&mut chunk).is_err() || n == 0 {
                    return;
                }
                text.push_str(&String::from_utf8_lossy(&chunk[..n]));
                while let Some(end) = text.find("\n\n") {
                    let event: String = text.drain(..end + 2).collect();
                    if event.starts_with(':') {
                        continue;
                    }
                    if tx
                        .send(event.trim_end_matches('\n').to_string() + "\n")
                        .is_err()
                    {
                        return;
                    }
                }
            }
        });
        rx
    }
}

/// A copy of the repository's sample site (Canh Vinh): content, static
/// files, theme and site.yaml.
pub fn sample_site() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let repo = super::repo_root();
    for d in ["content", "static", "themes"] {
        super::copy_dir(&repo.join(d), &dir.path().join(d));
    }
    std::fs::copy(repo.join("site.yaml"), dir.path().join("site.yaml")).unwrap();
    Fixture { dir }
}
