//! `serve` and `build` agree by construction (one pipeline): for the sample
//! site and for a site with pictures, the preview's status endpoint reports
//! the diagnostics `build --format json` prints, and every file the build
//! writes is served with the same bytes — pages apart from the live-reload
//! script, pictures with their variants.

mod common;

use std::path::Path;
use std::process::Command;

use common::serve::Serve;
use common::{Fixture, article, copy_dir, photo, repo_root, tinted_photo};

const NOW: &str = "2026-11-27T12:00:00+07:00";

/// The status endpoint once the first build is published.
fn status(serve: &Serve) -> serde_json::Value {
    let r = serve.wait_for("/__trangxa/status", |r| {
        r.status == 200 && !r.bytes.is_empty()
    });
    serde_json::from_slice(&r.bytes).unwrap()
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
    let serve = Serve::start_at(root, &[]);
    let status = status(&serve);
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
        let r = serve.get(&url_of(rel));
        let (code, body) = (r.status, r.bytes);
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
