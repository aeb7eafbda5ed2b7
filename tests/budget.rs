//! Weight budgets of the sample site's home page, measured as nginx sends it
//! with deploy/nginx.conf (gzip level 6): most citizens read on a cheap phone
//! over a slow mobile network.

mod common;

use std::io::Write;
use std::process::Command;

/// The home page with everything it loads, photos aside.
const HOME_BUDGET: usize = 50 * 1024;
/// The style sheet as sent (gzip), like the home page budget.
const CSS_BUDGET: usize = 15 * 1024;

fn gzip(bytes: &[u8]) -> usize {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
    e.write_all(bytes).unwrap();
    e.finish().unwrap().len()
}

fn is_photo(path: &str) -> bool {
    [".jpg", ".jpeg", ".png", ".webp", ".avif", ".gif"]
        .iter()
        .any(|ext| path.to_ascii_lowercase().ends_with(ext))
}

#[test]
fn home_page_css_and_javascript_stay_within_budget() {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let o = Command::new(env!("CARGO_BIN_EXE_trangxa"))
        .args(["build", "--now", "2026-11-27T12:00:00+07:00", "--root"])
        .arg(common::repo_root())
        .arg("--output")
        .arg(&public)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));

    let html = std::fs::read_to_string(public.join("index.html")).unwrap();
    let mut total = gzip(html.as_bytes());
    let mut report = vec![format!("index.html {} B gzip", total)];
    let mut assets: Vec<String> = common::links(&html)
        .into_iter()
        .filter(|l| l.starts_with("/static/") && !is_photo(l))
        .collect();
    assets.sort();
    assets.dedup();
    assert!(
        assets.iter().any(|a| a.ends_with(".css")),
        "no style sheet found in {assets:?}"
    );
    for a in &assets {
        let bytes = std::fs::read(public.join(&a[1..])).unwrap();
        let gz = gzip(&bytes);
        total += gz;
        report.push(format!("{a} {} B, {gz} B gzip", bytes.len()));
        if a.ends_with(".css") {
            let css = String::from_utf8_lossy(&bytes);
            assert!(
                !css.contains("@font-face")
                    && !css.contains("url(http")
                    && !css.contains("@import"),
                "{a}: no web fonts, nothing from elsewhere"
            );
            assert!(
                gz < CSS_BUDGET,
                "{a} is {gz} bytes gzipped, over the {CSS_BUDGET}-byte budget"
            );
        }
    }
    eprintln!("{}\ntotal {total} B gzip", report.join("\n"));
    assert!(
        total < HOME_BUDGET,
        "home page with its CSS, JS and icons is {total} bytes gzipped, over {HOME_BUDGET}:\n{}",
        report.join("\n")
    );
    // Scripts never block the first paint, and nothing comes from elsewhere.
    for tag in html.split("<script").skip(1) {
        let tag = &tag[..tag.find('>').unwrap()];
        assert!(
            tag.contains(" defer"),
            "script without defer: <script{tag}>"
        );
    }
    for l in common::links(&html) {
        if l.starts_with("//") {
            panic!("protocol-relative resource {l}");
        }
    }
    assert!(!html.contains("<link rel=\"stylesheet\" href=\"http"));
}
