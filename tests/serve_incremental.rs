//! `serve`'s incremental rebuilds equal full builds: random sequences of
//! edits, new files, renames, deletions, broken files, template, stylesheet,
//! config, static and picture changes, each taken in through the incremental
//! path and compared, file by file and diagnostic by diagnostic, with a fresh
//! full build of the same files.

mod common;

use std::collections::BTreeMap;
use std::path::PathBuf;

use common::{Fixture, article, tinted_photo};
use trangxa::diagnostics::Diagnostic;
use trangxa::serve::rebuild::Rebuilder;

/// A small deterministic generator (xorshift), so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

const UNITS: &[&str] = &[
    "phong-kinh-te",
    "Phòng VHXH",
    "doan-thanh-nien",
    "uy-ban",
    "bao-gia-lai",
];
const SECTIONS: &[&str] = &["tin-tuc", "kinh-te", "chuyen-doi-so", "thong-bao"];
const TAGS: &[&str] = &[
    "VNeID",
    "vneid",
    "nông thôn mới",
    "Đường giao thông",
    "y tế",
    "dịch vụ công",
];

fn options(f: &Fixture) -> trangxa::Options {
    let mut o = trangxa::Options::new(f.root());
    o.now = trangxa::content::types::DateTime::parse("2026-11-27T12:00:00+07:00")
        .ok()
        .map(|d| d.0);
    o.base_url = Some("http://127.0.0.1:1111/".into());
    o
}

fn full_build(f: &Fixture) -> Option<BTreeMap<String, Vec<u8>>> {
    full(f).ok().map(|m| files_of(&m))
}

/// A full build in memory: its files, or every diagnostic of its failure.
fn full(f: &Fixture) -> Result<trangxa::InMemory, Vec<Diagnostic>> {
    trangxa::in_memory(&options(f))
}

fn files_of(m: &trangxa::InMemory) -> BTreeMap<String, Vec<u8>> {
    m.files
        .iter()
        .map(|o| (o.path.clone(), o.bytes.clone()))
        .collect()
}

/// Static files and picture variants: output path → source.
fn statics_of(list: &[trangxa::statics::StaticFile]) -> BTreeMap<String, PathBuf> {
    list.iter()
        .map(|s| (s.rel.clone(), s.source.clone()))
        .collect()
}

fn served(r: &Rebuilder) -> BTreeMap<String, Vec<u8>> {
    r.outputs()
        .iter()
        .map(|(k, v)| (k.clone(), v.to_vec()))
        .collect()
}

fn assert_same(
    step: &str,
    incremental: &BTreeMap<String, Vec<u8>>,
    full: &BTreeMap<String, Vec<u8>>,
) {
    let only_inc: Vec<_> = incremental
        .keys()
        .filter(|k| !full.contains_key(*k))
        .collect();
    let only_full: Vec<_> = full
        .keys()
        .filter(|k| !incremental.contains_key(*k))
        .collect();
    assert!(
        only_inc.is_empty() && only_full.is_empty(),
        "{step}: files only in the incremental build {only_inc:?}, only in the full build {only_full:?}"
    );
    for (path, bytes) in full {
        assert!(
            incremental[path] == *bytes,
            "{step}: `{path}` differs from a full build:\n--- incremental\n{}\n--- full\n{}",
            String::from_utf8_lossy(&incremental[path]),
            String::from_utf8_lossy(bytes)
        );
    }
}

fn random_article(rng: &mut Rng, n: usize) -> String {
    let units: Vec<&str> = (0..1 + rng.below(2)).map(|_| *rng.pick(UNITS)).collect();
    let tags: Vec<String> = (0..rng.below(3))
        .map(|_| format!("\"{}\"", rng.pick(TAGS)))
        .collect();
    let section = *rng.pick(SECTIONS);
    let day = 1 + rng.below(27);
    let month = 1 + rng.below(11);
    let mut extra = format!("tags: [{}]\n", tags.join(", "));
    if rng.below(5) == 0 {
        extra.push_str("featured: true\n");
    }
    if rng.below(6) == 0 {
        extra.push_str("summary: \"Tóm tắt riêng của bài.\"\n");
    }
    if rng.below(4) == 0 {
        extra.push_str("related_procedures: [\"1.001193\"]\n");
    }
    article(
        &format!("Bài số {n} về {}", rng.pick(TAGS)),
        &format!("2026-{month:02}-{day:02}T08:{:02}:00+07:00", rng.below(60)),
        &extra,
    )
    .replace(
        "units: [phong-kinh-te]",
        &format!("units: [{}]", units.join(", ")),
    )
    .replace("sections: [tin-tuc]", &format!("sections: [{section}]"))
}

const DOCUMENT: &str = "---\ndoc_type: ke_hoach\nnumber: \"135\"\nsymbol: KH-UBND\nabstract: Kế hoạch cải cách hành chính năm 2026\nissuer: Ủy ban nhân dân xã Thử Nghiệm\nissuer_level: xa\nissued_date: 2025-12-31\neffective_date: 2026-01-01\nlegal_status: con_hieu_luc\nunits: [Phòng VHXH]\nsigner: {name: Nguyễn Văn An, position: Chủ tịch}\nfiles: [{path: /files/kh-135.pdf, label: Bản PDF, signed: true}]\npublic_disclosure: {in_catalog: true, forms: [trang_ttdt], from: 2025-12-31}\n---\nNội dung kế hoạch.\n";

fn site(rng: &mut Rng) -> Fixture {
    let f = Fixture::new();
    f.write_bytes("static/files/kh-135.pdf", b"%PDF-1.4\n");
    f.write_bytes("static/files/anh/a.jpg", &tinted_photo(520, 320, 0));
    f.write("content/van-ban/2025/135-kh-ubnd.md", DOCUMENT);
    f.write(
        "content/tin-tuc/2026/co-anh.md",
        &article(
            "Bài có ảnh",
            "2026-11-02T08:00:00+07:00",
            "image: {src: /files/anh/a.jpg, alt: Ảnh minh họa}\n",
        ),
    );
    f.write(
        "content/trang/tiep-can-thong-tin.md",
        "---\ntitle: Tiếp cận thông tin\ntemplate: tiep-can-thong-tin\n---\nHướng dẫn.\n",
    );
    f.write(
        "content/trang/gioi-thieu.md",
        "---\ntitle: Giới thiệu\norder: 1\n---\nXã Thử Nghiệm.\n",
    );
    for n in 0..14 {
        f.write(
            &format!("content/tin-tuc/2026/bai-{n}.md"),
            &random_article(rng, n),
        );
    }
    // A procedure and a plan of the sample site, with the units they name.
    let sample = common::repo_root().join("content");
    for rel in ["thu-tuc/1.001193.md", "ke-hoach/2026/tuyen-truyen-cchc.md"] {
        f.write(
            &format!("content/{rel}"),
            &std::fs::read_to_string(sample.join(rel)).unwrap(),
        );
    }
    // Offline activities: one public with a file, one internal.
    for rel in [
        "hoat-dong/2026/hoi-nghi-doi-thoai-doanh-nghiep-2026.md",
        "hoat-dong/2026/giao-ban-cai-cach-hanh-chinh-quy-iii.md",
    ] {
        f.write(
            &format!("content/{rel}"),
            &std::fs::read_to_string(sample.join(rel)).unwrap(),
        );
    }
    f.write_bytes(
        "static/files/2026/08/bien-ban-hoi-nghi-doi-thoai-doanh-nghiep-2026.pdf",
        b"%PDF-1.4\n",
    );
    // The forms the sample procedure offers for download.
    for e in std::fs::read_dir(common::repo_root().join("static/files/mau"))
        .unwrap()
        .flatten()
    {
        f.write_bytes(
            &format!("static/files/mau/{}", e.file_name().to_string_lossy()),
            &std::fs::read(e.path()).unwrap(),
        );
    }
    for e in std::fs::read_dir(sample.join("don-vi")).unwrap().flatten() {
        let to = f.root().join("content/don-vi").join(e.file_name());
        if !to.exists() {
            std::fs::copy(e.path(), to).unwrap();
        }
    }
    f
}

fn articles(f: &Fixture) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![f.root().join("content/tin-tuc")];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "md") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn edit(path: &PathBuf, f: impl FnOnce(String) -> String) {
    let text = std::fs::read_to_string(path).unwrap();
    std::fs::write(path, f(text)).unwrap();
}

/// Apply one random change; returns what it was and the paths a watcher reports.
fn random_change(f: &Fixture, rng: &mut Rng, n: usize) -> (String, Vec<PathBuf>) {
    let root = f.root().to_path_buf();
    let list = articles(f);
    let any = list.get(rng.below(list.len().max(1))).cloned();
    match (rng.below(25), any) {
        (0, Some(p)) => {
            edit(&p, |t| format!("{t}\nThêm một đoạn {n}.\n"));
            (format!("edit body of {}", p.display()), vec![p])
        }
        (1, Some(p)) => {
            edit(&p, |t| {
                t.replacen("title: \"", &format!("title: \"Sửa {n} "), 1)
            });
            (format!("retitle {}", p.display()), vec![p])
        }
        (2, Some(p)) => {
            let day = 1 + rng.below(27);
            edit(&p, |t| {
                let start = t.find("published_at: ").unwrap();
                let end = start + t[start..].find('\n').unwrap();
                format!(
                    "{}published_at: 2026-10-{day:02}T09:00:00+07:00{}",
                    &t[..start],
                    &t[end..]
                )
            });
            (format!("redate {}", p.display()), vec![p])
        }
        (3, _) => {
            let p = root.join(format!("content/tin-tuc/2026/moi-{n}.md"));
            std::fs::write(&p, random_article(rng, 100 + n)).unwrap();
            (format!("add {}", p.display()), vec![p])
        }
        (4, Some(p)) => {
            std::fs::remove_file(&p).unwrap();
            (format!("delete {}", p.display()), vec![p])
        }
        (5, Some(p)) => {
            let to = p.with_file_name(format!("doi-ten-{n}.md"));
            std::fs::rename(&p, &to).unwrap();
            (
                format!("rename {} → {}", p.display(), to.display()),
                vec![p, to],
            )
        }
        (6, Some(p)) => {
            // A save by rename, as vim and VS Code do: the temp file is noise.
            let tmp = p.with_file_name(".bai.md.swp");
            let text = std::fs::read_to_string(&p)
                .unwrap()
                .replace("tags: [", "tags: [\"vneid\", ");
            std::fs::write(&tmp, text).unwrap();
            std::fs::rename(&tmp, &p).unwrap();
            (format!("tag by rename-save {}", p.display()), vec![tmp, p])
        }
        (7, Some(p)) => {
            // Break the file; the next steps may fix it.
            edit(&p, |t| t.replacen("kind: tin", "kind: [tin", 1));
            (format!("break {}", p.display()), vec![p])
        }
        (8, _) => {
            for p in &list {
                edit(p, |t| t.replacen("kind: [tin", "kind: tin", 1));
            }
            ("fix every broken file".into(), list.clone())
        }
        (9, _) => {
            let p = root.join("content/don-vi/phong-kinh-te.md");
            edit(&p, |t| {
                if t.contains("name: Phòng Kinh tế xã\n") {
                    t.replace("name: Phòng Kinh tế xã\n", "name: Phòng Kinh tế\n")
                } else {
                    t.replace("name: Phòng Kinh tế\n", "name: Phòng Kinh tế xã\n")
                }
            });
            ("rename a unit".into(), vec![p])
        }
        (10, _) => {
            let which = *rng.pick(&[
                "list.html",
                "partials/card.html",
                "article.html",
                "base.html",
                "unit.html",
            ]);
            let p = root.join("themes/default/templates").join(which);
            edit(&p, |t| format!("{t}{{# sửa {n} #}}<!-- {n} -->"));
            (format!("edit template {which}"), vec![p])
        }
        (11, _) => {
            let p = root.join("themes/default/static/style.css");
            edit(&p, |t| format!("{t}\n/* {n} */\n"));
            ("edit the stylesheet".into(), vec![p])
        }
        (12, _) => {
            let p = root.join("site.yaml");
            let per = 2 + rng.below(9);
            edit(&p, |t| {
                let t: String = t
                    .lines()
                    .filter(|l| !l.starts_with("paginate_by"))
                    .map(|l| format!("{l}\n"))
                    .collect();
                format!("{t}paginate_by: {per}\n")
            });
            (format!("paginate by {per}"), vec![p])
        }
        (13, _) => {
            // A new folder with files: only the folder may bring an event.
            let dir = root.join(format!("content/tin-tuc/2025/thu-muc-{n}"));
            std::fs::create_dir_all(&dir).unwrap();
            for k in 0..2 {
                std::fs::write(
                    dir.join(format!("bai-{k}.md")),
                    random_article(rng, 200 + n * 2 + k),
                )
                .unwrap();
            }
            (format!("new folder {}", dir.display()), vec![dir])
        }
        (14, _) => {
            // Delete a whole folder: one event for the folder.
            let dir = root.join("content/tin-tuc/2025");
            let _ = std::fs::remove_dir_all(&dir);
            (format!("delete folder {}", dir.display()), vec![dir])
        }
        (15, _) => {
            let p = root.join(*rng.pick(&[
                "content/thu-tuc/1.001193.md",
                "content/ke-hoach/2026/tuyen-truyen-cchc.md",
                "content/trang/gioi-thieu.md",
                "content/van-ban/2025/135-kh-ubnd.md",
            ]));
            edit(&p, |t| format!("{t}\nĐoạn bổ sung {n}.\n"));
            (format!("edit {}", p.display()), vec![p])
        }
        (16, Some(p)) => {
            // An image without a description comes and goes in a body: an error.
            edit(&p, |t| match t.find("\n![](/files/kh-135.pdf)\n") {
                Some(at) => format!("{}{}", &t[..at], &t[at + 24..]),
                None => format!("{t}\n![](/files/kh-135.pdf)\n"),
            });
            (
                format!("toggle an image without alt in {}", p.display()),
                vec![p],
            )
        }
        (17, Some(p)) => {
            edit(&p, |t| match t.find("summary: \"") {
                Some(at) => format!("{}summary: \"Sửa {n}. {}", &t[..at], &t[at + 10..]),
                None => t.replacen(
                    "\ntitle: ",
                    &format!("\nsummary: \"Tóm tắt {n}\"\ntitle: "),
                    1,
                ),
            });
            (format!("resummarise {}", p.display()), vec![p])
        }
        (18, _) => {
            // The picture is replaced (one of three, so the image cache is
            // also hit): every page showing it names new variants.
            let p = root.join("static/files/anh/a.jpg");
            std::fs::write(&p, tinted_photo(520, 320, 40 * (n % 3) as u8)).unwrap();
            ("replace the picture".into(), vec![p])
        }
        (19, Some(p)) => {
            // A picture in a body comes and goes: it gets variants too.
            let tag = "\n![Ảnh trong bài](/files/anh/a.jpg)\n";
            edit(&p, |t| match t.find(tag) {
                Some(at) => format!("{}{}", &t[..at], &t[at + tag.len()..]),
                None => format!("{t}{tag}"),
            });
            (format!("toggle a body picture in {}", p.display()), vec![p])
        }
        (20, _) => {
            // The picture goes and comes back: the pages naming it fail.
            let p = root.join("static/files/anh/a.jpg");
            if p.exists() {
                std::fs::remove_file(&p).unwrap();
            } else {
                std::fs::write(&p, tinted_photo(520, 320, 0)).unwrap();
            }
            ("toggle the picture file".into(), vec![p])
        }
        (21, Some(p)) => {
            // A link in a body comes and goes: to a page that is there, to
            // one that is not, to a section of another page.
            let link = *rng.pick(&[
                "[giới thiệu](/gioi-thieu/)",
                "[trang cũ](/tin-tuc/khong-con-nua/)",
                "[lịch sử](/gioi-thieu/#lich-su)",
            ]);
            let line = format!("\nXem {link}.\n");
            edit(&p, |t| match t.find(&line) {
                Some(at) => format!("{}{}", &t[..at], &t[at + line.len()..]),
                None => format!("{t}{line}"),
            });
            (
                format!("toggle the link {link} in {}", p.display()),
                vec![p],
            )
        }
        (22, _) => {
            // The section a link names comes and goes on its page.
            let p = root.join("content/trang/gioi-thieu.md");
            let heading = "\n## Lịch sử\n\nXã được thành lập năm 1986.\n";
            edit(&p, |t| match t.find(heading) {
                Some(at) => format!("{}{}", &t[..at], &t[at + heading.len()..]),
                None => format!("{t}{heading}"),
            });
            ("toggle a section of the page a link names".into(), vec![p])
        }
        (23, _) => {
            // An offline activity: made internal or public again, or its
            // figures and quarter changed (the plan and report pages show it).
            let p = root.join(*rng.pick(&[
                "content/hoat-dong/2026/hoi-nghi-doi-thoai-doanh-nghiep-2026.md",
                "content/hoat-dong/2026/giao-ban-cai-cach-hanh-chinh-quy-iii.md",
            ]));
            let what = rng.below(3);
            edit(&p, |t| match what {
                0 if t.contains("public: false\n") => t.replace("public: false\n", ""),
                0 => t.replacen("\nkind: ", "\npublic: false\nkind: ", 1),
                1 => t.replacen("participants: ", &format!("participants: {n}"), 1),
                // Into another quarter and back: 07 ↔ 10, 08 ↔ 11.
                _ => [("07", "10"), ("08", "11"), ("10", "07"), ("11", "08")]
                    .iter()
                    .find(|(from, _)| t.contains(&format!("\ndate: 2026-{from}-")))
                    .map_or(t.clone(), |(from, to)| {
                        t.replacen(
                            &format!("\ndate: 2026-{from}-"),
                            &format!("\ndate: 2026-{to}-"),
                            1,
                        )
                    }),
            });
            (format!("edit offline activity {}", p.display()), vec![p])
        }
        (_, _) => {
            // The document's file comes and goes: a missing file is an error.
            let p = root.join("static/files/kh-135.pdf");
            if p.exists() {
                std::fs::remove_file(&p).unwrap();
            } else {
                std::fs::write(&p, b"%PDF-1.4\n").unwrap();
            }
            ("toggle a static file".into(), vec![p])
        }
    }
}

fn run(seed: u64, steps: usize) {
    let mut rng = Rng(seed);
    let f = site(&mut rng);
    let mut r = Rebuilder::new(&options(&f));
    let first = r.rebuild(&[]);
    assert!(first.is_ok(), "{first:?}");
    assert_same("first build", &served(&r), &full_build(&f).unwrap());
    assert!(
        served(&r)
            .values()
            .any(|b| String::from_utf8_lossy(b).contains("/static/img/")),
        "the preview shows the picture's variants"
    );
    let mut last_good = served(&r);
    for n in 0..steps {
        let (what, paths) = random_change(&f, &mut rng, n);
        let step = format!("seed {seed}, step {n}: {what}");
        let result = r.rebuild(&paths);
        // `serve` builds the search index after the pages, when no other
        // change is waiting; then the site is whole again.
        r.refresh_search();
        match (full(&f), result) {
            (Ok(built), Ok(delta)) => {
                let full = files_of(&built);
                assert_same(&step, &served(&r), &full);
                assert_eq!(
                    statics_of(r.statics()),
                    statics_of(&built.statics),
                    "{step}: static files and picture variants"
                );
                assert_eq!(
                    delta.warnings, built.report.diagnostics,
                    "{step}: the rebuild's warnings differ from the full build's"
                );
                last_good = full;
            }
            (Err(full), Err(rebuilt)) => {
                assert_eq!(
                    rebuilt, full,
                    "{step}: the rebuild fails with other diagnostics than the full build"
                );
                assert_same(&step, &served(&r), &last_good);
            }
            (Ok(_), Err(e)) => {
                panic!("{step}: the full build works but the rebuild failed: {e:?}")
            }
            (Err(e), Ok(_)) => {
                let errors: Vec<_> = e.iter().filter(|d| d.is_error()).collect();
                panic!("{step}: the full build fails ({errors:?}) but the rebuild did not")
            }
        }
    }
}

#[test]
fn incremental_rebuilds_equal_full_builds_over_random_edits() {
    for seed in [0x9e37_79b9_7f4a_7c15, 0x2545_f491_4f6c_dd1d, 42] {
        run(seed, 60);
    }
}

#[test]
fn a_burst_of_a_thousand_changes_is_one_rebuild() {
    let mut rng = Rng(7);
    let f = site(&mut rng);
    let mut r = Rebuilder::new(&options(&f));
    r.rebuild(&[]).unwrap();
    let mut paths = Vec::new();
    for n in 0..1000 {
        let p = f
            .root()
            .join(format!("content/tin-tuc/2026/11/dot-{}.md", n % 250));
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, random_article(&mut rng, 1000 + n)).unwrap();
        paths.push(p);
    }
    let delta = r.rebuild(&paths).unwrap();
    assert!(
        delta
            .written
            .iter()
            .any(|(p, _)| p == "tin-tuc/trang/2/index.html")
    );
    r.refresh_search();
    assert_same("burst", &served(&r), &full_build(&f).unwrap());
}

#[test]
fn deleting_the_content_folder_is_an_error_and_restoring_it_recovers() {
    let mut rng = Rng(11);
    let f = site(&mut rng);
    let mut r = Rebuilder::new(&options(&f));
    r.rebuild(&[]).unwrap();
    let before = served(&r);
    let content = f.root().join("content");
    let saved = f.root().join("saved-content");
    std::fs::rename(&content, &saved).unwrap();
    let err = r.rebuild(&[content.clone()]).unwrap_err();
    assert!(err.iter().any(|d| d.code == "E001"), "{err:?}");
    assert_eq!(served(&r), before, "the last good site stays");
    std::fs::rename(&saved, &content).unwrap();
    r.rebuild(&[content]).unwrap();
    r.refresh_search();
    assert_same("restored", &served(&r), &full_build(&f).unwrap());
}

#[test]
fn an_edit_is_served_before_the_search_index_is_built_again() {
    let mut rng = Rng(5);
    let f = site(&mut rng);
    let mut r = Rebuilder::new(&options(&f));
    let first = r.rebuild(&[]).unwrap();
    let index = "tim-kiem/chi-muc/index.json";
    assert!(
        first.written.iter().any(|(p, _)| p == index),
        "the first build has the index"
    );
    assert!(!r.search_pending());
    // The fixture's procedure and plan are part of the site.
    assert!(
        r.outputs()
            .contains_key("thu-tuc-hanh-chinh/1.001193/index.html")
    );
    assert!(
        r.outputs().keys().any(|k| k.starts_with("ke-hoach/2026/")),
        "a plan page"
    );
    let p = f.root().join("content/tin-tuc/2026/11/moi.md");
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, random_article(&mut rng, 77)).unwrap();
    let delta = r.rebuild(std::slice::from_ref(&p)).unwrap();
    assert!(delta.written.iter().any(|(p, _)| p.starts_with("tin-tuc/")));
    assert!(
        !delta
            .written
            .iter()
            .any(|(p, _)| p.starts_with("tim-kiem/chi-muc/")),
        "the index waits"
    );
    assert!(r.search_pending());
    let search = r.refresh_search().unwrap();
    assert!(search.written.iter().any(|(p, _)| p == index));
    assert!(!r.search_pending());
    assert_same("after the index", &served(&r), &full_build(&f).unwrap());
}

#[test]
fn a_theme_edit_after_a_text_edit_lists_the_theme_files_again() {
    // A text edit reuses the last model and its list of pages; an edit to
    // the stylesheet renames it (its name carries a hash of its bytes).
    let f = site(&mut Rng(7));
    let mut r = Rebuilder::new(&options(&f));
    r.rebuild(&[]).unwrap();
    let article = f.root().join("content/tin-tuc/2026/bai-3.md");
    edit(&article, |t| format!("{t}\nThêm một đoạn.\n"));
    r.rebuild(std::slice::from_ref(&article)).unwrap();
    let css = f.root().join("themes/default/static/style.css");
    edit(&css, |t| format!("{t}\n/* sửa */\n"));
    r.rebuild(std::slice::from_ref(&css)).unwrap();
    r.refresh_search();
    assert_same(
        "stylesheet after a text edit",
        &served(&r),
        &full_build(&f).unwrap(),
    );
}
