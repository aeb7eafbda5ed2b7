//! The output folder: builds into one output take turns and leave a whole
//! site; `--output` replaces only what trangxa made (issue 14, items 1–2).

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::{Fixture, article, stderr, tree};

const NOW: &str = "2026-11-27T12:00:00+07:00";

fn site(articles: usize) -> Fixture {
    let f = Fixture::new();
    let body = "Người dân được hướng dẫn nộp hồ sơ trực tuyến tại các thôn, làng. ".repeat(20);
    for i in 0..articles {
        let text = article(
            &format!("Tin số {i}"),
            &format!("2026-{:02}-{:02}T08:00:00+07:00", i % 11 + 1, i % 28 + 1),
            "",
        )
        .replace("Nội dung của bài", &body);
        f.write(
            &format!("content/tin-tuc/2026/{:02}/tin-{i}.md", i % 11 + 1),
            &text,
        );
    }
    f
}

/// `trangxa build --output <output> <extra>` on the fixture. Run directly:
/// the fixture's English re-check (`Fixture::run`) knows nothing of `--force`
/// and these errors are the output folder's, which `check` never meets.
fn build_into(f: &Fixture, output: &Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_trangxa"))
        .args(["build", "--now", NOW, "--root"])
        .arg(f.root())
        .arg("--output")
        .arg(output)
        .args(extra)
        .output()
        .unwrap()
}

/// Everything under `dir`, as a map of path to bytes.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    tree(dir)
}

#[test]
fn two_builds_started_together_leave_the_site_one_build_makes() {
    let f = site(800);
    let bin = env!("CARGO_BIN_EXE_trangxa");
    let spawn = || {
        Command::new(bin)
            .args(["build", "--now", NOW, "--root"])
            .arg(f.root())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn(), spawn());
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    assert!(a.status.success(), "{}", stderr(&a));
    assert!(b.status.success(), "{}", stderr(&b));
    // One of them waited for the other, and said so.
    let waited = [&a, &b]
        .iter()
        .filter(|o| stderr(o).contains("Đang chờ một lần dựng trang khác"))
        .count();
    assert_eq!(waited, 1, "{}\n{}", stderr(&a), stderr(&b));
    // The same files, byte for byte, as a lone build into another folder.
    let single = f.root().join("single");
    let o = build_into(&f, &single, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let together = files(&f.public(""));
    assert!(together.iter().any(|(p, _)| p == "index.html"));
    assert_eq!(together.len(), files(&single).len());
    assert!(together == files(&single), "the two outputs differ");
    // No staging folder is left behind.
    let left: Vec<String> = std::fs::read_dir(f.root())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.contains(".staging-") || n.contains(".old-"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_damaged_output_is_rebuilt_not_taken_as_current() {
    let f = site(3);
    f.build_ok();
    std::fs::remove_file(f.public("index.html")).unwrap();
    f.build_ok();
    assert!(f.public("index.html").is_file());
}

#[test]
fn every_output_carries_the_marker() {
    let f = site(1);
    f.build_ok();
    let marker = std::fs::read_to_string(f.public(".trangxa-output")).unwrap();
    assert!(marker.contains("trangxa"), "{marker}");
    // A marked folder is rebuilt without `--force`.
    f.write(
        "content/tin-tuc/2026/01/moi.md",
        &article("Mới", "2026-01-02", ""),
    );
    f.build_ok();
    assert!(f.public("tin-tuc").is_dir());
}

#[test]
fn a_folder_with_a_persons_files_is_refused_and_left_alone() {
    let f = site(1);
    let out = f.root().join("ho-so");
    std::fs::create_dir_all(out.join("2026")).unwrap();
    std::fs::write(out.join("2026/bao-cao.docx"), "của tôi").unwrap();
    for extra in [&[][..], &["--force"][..]] {
        let o = build_into(&f, &out, extra);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{err}");
        assert!(
            err.contains("lỗi[E105]") && err.contains("không do trangxa tạo"),
            "{err}"
        );
        assert!(err.contains("chọn thư mục khác"), "{err}");
        assert_eq!(
            std::fs::read_to_string(out.join("2026/bao-cao.docx")).unwrap(),
            "của tôi"
        );
        assert_eq!(std::fs::read_dir(&out).unwrap().count(), 1);
    }
}

#[test]
fn an_existing_file_is_refused_and_left_alone() {
    let f = site(1);
    let out = f.root().join("ghi-chu.txt");
    std::fs::write(&out, "ghi chú").unwrap();
    let o = build_into(&f, &out, &["--force"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("lỗi[E101]") && err.contains("là một tệp"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "ghi chú");
}

#[test]
fn a_repository_is_refused_even_when_marked_and_forced() {
    let f = site(1);
    let out = f.root().join("repo");
    std::fs::create_dir_all(out.join(".git")).unwrap();
    std::fs::write(out.join(".git/HEAD"), "ref: refs/heads/main\n").unwrap();
    std::fs::write(out.join(".trangxa-output"), "").unwrap();
    let o = build_into(&f, &out, &["--force"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("lỗi[E103]") && err.contains("`.git`"), "{err}");
    assert!(out.join(".git/HEAD").is_file());
    assert!(!out.join("index.html").exists());
}

#[test]
fn the_home_folder_and_the_system_root_are_refused() {
    let f = site(1);
    let home = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_trangxa"))
        .args(["build", "--force", "--now", NOW, "--root"])
        .arg(f.root())
        .arg("--output")
        .arg(home.path())
        .env("HOME", home.path())
        .env("USERPROFILE", home.path())
        .output()
        .unwrap();
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("lỗi[E102]") && err.contains("thư mục cá nhân"),
        "{err}"
    );
    assert!(home.path().is_dir());
    // Not even the lock file is made beside it.
    let lock = home.path().with_file_name(format!(
        ".{}.lock",
        home.path().file_name().unwrap().to_string_lossy()
    ));
    assert!(!lock.exists());
    let o = build_into(&f, Path::new("/"), &["--force"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("không thể ghi trang vào"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn an_empty_folder_needs_force() {
    let f = site(1);
    let out = f.root().join("web");
    std::fs::create_dir_all(&out).unwrap();
    let o = build_into(&f, &out, &[]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("lỗi[E104]") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 0);
    let o = build_into(&f, &out, &["--force"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(out.join("index.html").is_file() && out.join(".trangxa-output").is_file());
}

#[test]
fn an_output_built_before_the_marker_existed_is_still_replaced() {
    let f = site(1);
    f.build_ok();
    // As an older trangxa left it: the files of the recorded build, no marker.
    std::fs::remove_file(f.public(".trangxa-output")).unwrap();
    f.write(
        "content/tin-tuc/2026/01/moi.md",
        &article("Mới", "2026-01-02", ""),
    );
    f.build_ok();
    assert!(f.public(".trangxa-output").is_file());
}

#[test]
fn a_relative_output_is_reported_where_it_was_written() {
    let f = site(1);
    let o = f.run(&["build", "--output", "xuat-ban"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let said = String::from_utf8_lossy(&o.stdout);
    let expected = format!("vào {}/ trong", f.root().join("xuat-ban").display());
    assert!(said.contains(&expected), "{said}");
    assert!(f.root().join("xuat-ban/index.html").is_file());
}
