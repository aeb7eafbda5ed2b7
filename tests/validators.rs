//! The sample site's feeds and sitemap, checked by real clients: Python's
//! feedparser and xmllint against the sitemap schema. CI installs both
//! (`.ci/run`); elsewhere a missing tool is reported and the test is skipped,
//! except under CI, where it fails.

mod common;

use std::process::Command;

fn tool_available(cmd: &str, args: &[&str]) -> bool {
    Command::new(cmd)
        .args(args)
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

fn require(name: &str, available: bool) -> bool {
    if !available {
        assert!(
            std::env::var_os("CI").is_none(),
            "{name} is required under CI (see .ci/run)"
        );
        eprintln!("SKIPPED: {name} is not installed; run .ci/run or install it to run this test");
    }
    available
}

fn build_sample() -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_trangxa"))
        .args(["build", "--now", "2026-11-27T12:00:00+07:00", "--root"])
        .arg(common::repo_root())
        .arg("--output")
        .arg(out.path().join("public"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    out
}

#[test]
fn feeds_parse_in_feedparser() {
    if !require(
        "python3 with feedparser",
        tool_available("python3", &["-c", "import feedparser"]),
    ) {
        return;
    }
    let out = build_sample();
    let public = out.path().join("public");
    let feeds = [
        "rss.xml",
        "atom.xml",
        "chuyen-muc/cai-cach-hanh-chinh/rss.xml",
        "don-vi/phong-van-hoa-xa-hoi/atom.xml",
    ];
    let o = Command::new("python3")
        .arg(common::repo_root().join("tests/tools/check_feeds.py"))
        .args(feeds.iter().map(|f| public.join(f)))
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn sitemap_is_valid_against_the_sitemap_schema() {
    if !require("xmllint", tool_available("xmllint", &["--version"])) {
        return;
    }
    let out = build_sample();
    let o = Command::new("xmllint")
        .args(["--noout", "--schema"])
        .arg(common::repo_root().join("tests/tools/sitemap.xsd"))
        .arg(out.path().join("public/sitemap.xml"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let xml = std::fs::read_to_string(out.path().join("public/sitemap.xml")).unwrap();
    assert!(xml.contains("<loc>https://canhvinh.gialai.gov.vn/tin-tuc/"));
    assert!(!xml.contains("/trang/2/"), "pager pages are not listed");
}
