//! Building again: a build with nothing changed writes nothing, and every
//! kind of change is built, with the same result as a clean build.

mod common;

use std::os::unix::fs::MetadataExt;

use common::{Fixture, article, tree};

/// Inode and modification time of an output file: a file written again
/// (the build writes a new folder and swaps it in) gets a new inode.
fn identity(f: &Fixture, rel: &str) -> (u64, i64, i64) {
    let m = std::fs::metadata(f.public(rel)).unwrap();
    (m.ino(), m.mtime(), m.mtime_nsec())
}

fn site() -> Fixture {
    let f = Fixture::new();
    for (slug, day) in [("mot", "01"), ("hai", "02"), ("ba", "03")] {
        f.write(
            &format!("content/tin-tuc/2026/03/{slug}.md"),
            &article(
                &format!("Bài {slug}"),
                &format!("2026-03-{day}T08:00:00+07:00"),
                "tags: [cải cách]\n",
            ),
        );
    }
    f.write("static/files/mau.pdf", "%PDF-1.4 mẫu");
    f
}

/// A clean build of the same site, into another folder.
fn clean_tree(f: &Fixture, now: &str) -> Vec<(String, Vec<u8>)> {
    let out = f.root().join("clean");
    let _ = std::fs::remove_dir_all(&out);
    let o = f.run(&["build", "--output", out.to_str().unwrap(), "--now", now]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let t = tree(&out);
    std::fs::remove_dir_all(&out).unwrap();
    t
}

#[test]
fn a_build_with_nothing_changed_writes_nothing() {
    let f = site();
    let first = f.build_ok();
    let before = tree(&f.root().join("public"));
    let home = identity(&f, "index.html");
    let article = identity(&f, "tin-tuc/mot/index.html");

    let second = f.build_ok();
    assert_eq!(identity(&f, "index.html"), home, "home page written again");
    assert_eq!(identity(&f, "tin-tuc/mot/index.html"), article);
    assert_eq!(tree(&f.root().join("public")), before);
    // The same summary: pages, files and warnings.
    let summary = |s: &str| {
        s.lines()
            .filter(|l| !l.contains("giây"))
            .map(String::from)
            .collect::<Vec<_>>()
    };
    assert_eq!(summary(&first), summary(&second));
    // And it is what a clean build writes.
    assert_eq!(clean_tree(&f, "2026-11-27T12:00:00+07:00"), before);
}

#[test]
fn later_the_same_day_nothing_is_written_but_the_next_day_is_built() {
    let f = site();
    let at = |now: &str| {
        let o = f.run(&["build", "--now", now]);
        assert!(o.status.success(), "{}", common::stderr(&o));
    };
    at("2026-11-27T08:00:00+07:00");
    let home = identity(&f, "index.html");
    at("2026-11-27T23:59:00+07:00");
    assert_eq!(identity(&f, "index.html"), home);
    // A scheduled article becomes due: the clock alone changes the site.
    f.write(
        "content/tin-tuc/2026/11/hen-gio.md",
        &article("Bài hẹn giờ", "2026-11-28T07:00:00+07:00", ""),
    );
    at("2026-11-28T06:00:00+07:00");
    assert!(!f.public("tin-tuc/hen-gio/index.html").exists());
    at("2026-11-28T07:30:00+07:00");
    assert!(f.read("tin-tuc/hen-gio/index.html").contains("Bài hẹn giờ"));
    assert!(f.read("index.html").contains("Bài hẹn giờ"));
    assert_eq!(
        tree(&f.root().join("public")),
        clean_tree(&f, "2026-11-28T07:30:00+07:00")
    );
}

#[test]
fn every_kind_of_change_is_built_as_a_clean_build_would() {
    let f = site();
    f.build_ok();
    let now = "2026-11-27T12:00:00+07:00";
    let check = |f: &Fixture| {
        f.build_ok();
        assert_eq!(tree(&f.root().join("public")), clean_tree(f, now));
    };

    // An article's text.
    f.write(
        "content/tin-tuc/2026/03/mot.md",
        &article("Bài mot", "2026-03-01T08:00:00+07:00", "tags: [cải cách]\n")
            .replace("Nội dung", "Nội dung đã sửa"),
    );
    check(&f);
    assert!(f.read("tin-tuc/mot/index.html").contains("Nội dung đã sửa"));

    // A static file, same size.
    f.write("static/files/mau.pdf", "%PDF-1.4 mẫi");
    check(&f);
    assert!(
        std::fs::read_to_string(f.public("files/mau.pdf"))
            .unwrap()
            .ends_with("mẫi")
    );

    // site.yaml.
    let yaml = std::fs::read_to_string(f.root().join("site.yaml")).unwrap();
    let title = yaml
        .lines()
        .find_map(|l| l.strip_prefix("name: "))
        .unwrap()
        .trim_matches('"')
        .to_string();
    f.write(
        "site.yaml",
        &yaml.replacen(&title, "Trang thử nghiệm mới", 1),
    );
    check(&f);
    assert!(f.read("index.html").contains("Trang thử nghiệm mới"));

    // A template.
    let base = f.root().join("themes/default/templates/base.html");
    let text = std::fs::read_to_string(&base).unwrap();
    std::fs::write(
        &base,
        text.replacen("</body>", "<!-- mẫu mới --></body>", 1),
    )
    .unwrap();
    check(&f);
    assert!(f.read("tin-tuc/ba/index.html").contains("<!-- mẫu mới -->"));

    // The output itself, changed by hand: a file edited, one removed, one added.
    std::fs::write(f.public("tin-tuc/hai/index.html"), "sửa tay").unwrap();
    std::fs::remove_file(f.public("tin-tuc/ba/index.html")).unwrap();
    std::fs::write(f.public("la.html"), "lạ").unwrap();
    check(&f);
    assert!(f.read("tin-tuc/hai/index.html").contains("Bài hai"));
    assert!(!f.public("la.html").exists());

    // A deleted article.
    std::fs::remove_file(f.root().join("content/tin-tuc/2026/03/hai.md")).unwrap();
    check(&f);
    assert!(!f.public("tin-tuc/hai/index.html").exists());

    // Other options: another base URL, then drafts.
    let o = f.run(&["build", "--base-url", "https://example.gov.vn/canhvinh/"]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    assert!(f.read("index.html").contains("/canhvinh/tin-tuc/"));
    check(&f);
    assert!(!f.read("index.html").contains("/canhvinh/tin-tuc/"));
}
