//! Never lose the site: a build killed at any moment leaves the previous
//! `public/` whole, and builds do not depend on file order or thread count.

mod common;

use std::process::Command;
use std::time::Duration;

use common::{Fixture, article, tree};

fn big_fixture(n: usize) -> Fixture {
    let f = Fixture::new();
    let body = "Người dân được hướng dẫn nộp hồ sơ trực tuyến tại các thôn, làng. ".repeat(40);
    for i in 0..n {
        let text = article(
            &format!("Tin số {i}"),
            &format!("2026-{:02}-{:02}T08:00:00+07:00", i % 11 + 1, i % 28 + 1),
            "tags: [dịch vụ công]\n",
        )
        .replace("Nội dung của bài", &body);
        f.write(
            &format!("content/tin-tuc/2026/{:02}/tin-{i}.md", i % 11 + 1),
            &text,
        );
    }
    f
}

#[test]
fn a_build_killed_at_any_moment_leaves_the_previous_site_whole() {
    let f = big_fixture(1500);
    std::fs::create_dir_all(f.public("")).unwrap();
    std::fs::write(f.public("marker.txt"), "old").unwrap();
    // The previous site is trangxa's: it carries the output marker.
    std::fs::write(f.public(".trangxa-output"), "").unwrap();
    let bin = env!("CARGO_BIN_EXE_trangxa");
    let mut replaced = 0;
    for delay_ms in [0u64, 5, 15, 30, 60, 120, 250, 400, 700, 1200] {
        std::fs::write(f.public("marker.txt"), "old").ok();
        let mut child = Command::new(bin)
            .args(["build", "--now", "2026-11-27T12:00:00+07:00", "--root"])
            .arg(f.root())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL: no chance to clean up
        let _ = child.wait();
        let public = f.public("");
        assert!(
            public.is_dir(),
            "public/ vanished after a kill at {delay_ms} ms"
        );
        let old = public.join("marker.txt").is_file();
        let new = public.join("index.html").is_file() && public.join("sitemap.xml").is_file();
        assert!(
            old != new,
            "public/ is half-written after a kill at {delay_ms} ms (old: {old}, new: {new})"
        );
        if new {
            replaced += 1;
            // A complete new site: every article page is there.
            assert_eq!(
                std::fs::read_dir(public.join("tin-tuc")).unwrap().count(),
                1500 + 2
            );
            std::fs::remove_dir_all(&public).unwrap();
            std::fs::create_dir_all(&public).unwrap();
            std::fs::write(public.join(".trangxa-output"), "").unwrap();
        }
    }
    // The next build cleans up what killed builds left behind and succeeds.
    f.build_ok();
    let leftovers: Vec<_> = std::fs::read_dir(f.root())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".public."))
        // The lock file stays: it is what builds take turns with.
        .filter(|e| e.file_name() != ".public.lock")
        .collect();
    assert!(leftovers.is_empty(), "staging folders left: {leftovers:?}");
    eprintln!("{replaced} of 10 killed builds had already swapped in the new site");
}

#[test]
fn output_does_not_depend_on_file_creation_order_or_threads() {
    let files: Vec<(String, String)> = (0..40)
        .map(|i| {
            (
                format!("content/tin-tuc/2026/{:02}/bai-{i}.md", i % 3 + 1),
                article(
                    &format!("Bài {i}"),
                    &format!("2026-0{}-01T08:00:00+07:00", i % 3 + 1),
                    &format!("tags: [t{}, chung]\n", i % 5),
                ),
            )
        })
        .collect();
    let a = Fixture::new();
    for (p, t) in &files {
        a.write(p, t);
    }
    let b = Fixture::new();
    for (p, t) in files.iter().rev() {
        b.write(p, t);
    }
    a.build_ok();
    let out = Command::new(env!("CARGO_BIN_EXE_trangxa"))
        .args(["build", "--now", "2026-11-27T12:00:00+07:00", "--root"])
        .arg(b.root())
        .env("RAYON_NUM_THREADS", "1")
        .output()
        .unwrap();
    assert!(out.status.success());
    let (ta, tb) = (tree(&a.public("")), tree(&b.public("")));
    assert_eq!(ta.len(), tb.len());
    for ((pa, ba), (pb, bb)) in ta.iter().zip(&tb) {
        assert_eq!(pa, pb);
        assert!(ba == bb, "{pa} differs");
    }
}
