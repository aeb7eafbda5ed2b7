//! `serve` and `build` agree by construction (one pipeline): for the sample
//! site and for a site with pictures, the preview's status endpoint reports
//! the diagnostics `build --format json` prints, and every file the build
//! writes is served with the same bytes — pages apart from the live-reload
//! script, pictures with their variants.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::channel;
use std::time::{Duration, Instant};

use common::{Fixture, article, copy_dir, photo, repo_root, tinted_photo};

const NOW: &str = "2026-11-27T12:00:00+07:00";
const WAIT: Duration = Duration::from_secs(60);

/// A running `trangxa serve`, stopped when dropped.
struct Serve {
    child: Child,
    addr: String,
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Serve {
    fn start(root: &Path) -> Serve {
        let mut child = Command::new(env!("CARGO_BIN_EXE_trangxa"))
            .args(["serve", "--port", "0", "--now", NOW, "--root"])
            .arg(root)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(at) = line.find("http://") {
                    let _ = tx.send(line[at + 7..].trim_end_matches('/').to_string());
                }
            }
        });
        let addr = rx.recv_timeout(WAIT).expect("serve did not start");
        Serve { child, addr }
    }

    /// Status and body of a GET.
    fn get(&self, target: &str) -> (u16, Vec<u8>) {
        let mut s = TcpStream::connect(&self.addr).unwrap();
        s.set_read_timeout(Some(WAIT)).unwrap();
        write!(
            s,
            "GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).unwrap();
        let end = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        let head = String::from_utf8_lossy(&raw[..end]);
        let status = head.split(' ').nth(1).unwrap().parse().unwrap();
        (status, raw[end + 4..].to_vec())
    }

    /// The status endpoint once the first build is published.
    fn status(&self) -> serde_json::Value {
        let start = Instant::now();
        loop {
            let (code, body) = self.get("/__trangxa/status");
            if code == 200 && !body.is_empty() {
                return serde_json::from_slice(&body).unwrap();
            }
            assert!(start.elapsed() < WAIT, "no status from serve");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// The URL path of an output file, percent-encoded.
fn url_of(rel: &str) -> String {
    let mut out = String::from("/");
    for b in rel.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Serve `root`, build it with serve's address as base URL, and compare.
fn serve_equals_build(root: &Path) {
    let serve = Serve::start(root);
    let status = serve.status();
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let built = Command::new(env!("CARGO_BIN_EXE_trangxa"))
        .args(["build", "--format", "json", "--now", NOW, "--base-url"])
        .arg(format!("http://{}/", serve.addr))
        .arg("--root")
        .arg(root)
        .arg("--output")
        .arg(&public)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&built.stdout).unwrap();
    assert_eq!(json["ok"], true, "{json:#}");
    for field in ["ok", "errors", "warnings", "pages", "files", "diagnostics"] {
        assert_eq!(
            status[field], json[field],
            "`{field}` of /__trangxa/status differs from build --format json:\nserve: {status:#}\nbuild: {json:#}"
        );
    }
    // Both sites have warnings (stale sections, an infographic without its
    // text), so the comparison is not between two empty lists.
    assert!(json["warnings"].as_u64().unwrap() > 0, "{json:#}");

    // Every file the build wrote, as served.
    // The output's marker (`.trangxa-output`) is trangxa's, not the site's.
    let files: Vec<_> = common::tree(&public)
        .into_iter()
        .filter(|(rel, _)| rel != trangxa::output::MARKER)
        .collect();
    assert_eq!(files.len() as u64, json["files"].as_u64().unwrap());
    let mut pictures = 0;
    for (rel, bytes) in &files {
        let (code, body) = serve.get(&url_of(rel));
        assert_eq!(code, 200, "{rel} is not served");
        let expected = if rel.ends_with(".html") {
            trangxa::serve::reload::inject(bytes, None)
        } else {
            bytes.clone()
        };
        assert!(
            body == expected,
            "{rel} differs between serve and build:\n--- served\n{}\n--- built\n{}",
            String::from_utf8_lossy(&body),
            String::from_utf8_lossy(bytes)
        );
        if rel.ends_with(".html") && String::from_utf8_lossy(bytes).contains("srcset=\"") {
            pictures += 1;
        }
    }
    assert!(pictures > 0, "no page shows a responsive picture");
}

#[test]
fn the_sample_site_is_served_as_it_is_built() {
    let dir = tempfile::tempdir().unwrap();
    let repo = repo_root();
    for d in ["content", "themes", "static"] {
        copy_dir(&repo.join(d), &dir.path().join(d));
    }
    std::fs::copy(repo.join("site.yaml"), dir.path().join("site.yaml")).unwrap();
    serve_equals_build(dir.path());
}

#[test]
fn a_site_with_pictures_is_served_as_it_is_built() {
    let f = Fixture::new();
    f.write_bytes("static/files/anh/hoi-nghi.jpg", &photo(1280, 800));
    f.write_bytes("static/files/anh/le-hoi.jpg", &tinted_photo(900, 600, 60));
    f.write_bytes("static/files/anh/bieu-do.jpg", &tinted_photo(700, 500, 120));
    for n in 0..12 {
        let front = match n % 3 {
            0 => "image: {src: /files/anh/hoi-nghi.jpg, alt: Quang cảnh hội nghị}\n",
            1 => {
                "gallery:\n  - {src: /files/anh/hoi-nghi.jpg, alt: Hội nghị}\n  - {src: /files/anh/le-hoi.jpg, alt: Lễ hội}\n"
            }
            _ => "",
        };
        let mut text = article(
            &format!("Bài số {n}"),
            &format!("2026-11-{:02}T08:00:00+07:00", 1 + n),
            front,
        );
        if n % 4 == 1 {
            text.push_str("\n![Lễ hội đầu xuân](/files/anh/le-hoi.jpg)\n");
        }
        f.write(&format!("content/tin-tuc/2026/11/bai-{n}.md"), &text);
    }
    // An infographic without its text: a warning in both.
    f.write(
        "content/tin-tuc/2026/11/bieu-do.md",
        &article(
            "Biểu đồ",
            "2026-11-20T08:00:00+07:00",
            "image: {src: /files/anh/bieu-do.jpg, alt: Biểu đồ}\n",
        )
        .replace("kind: tin", "kind: infographic"),
    );
    serve_equals_build(f.root());
}
