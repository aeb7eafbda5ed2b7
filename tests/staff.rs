//! What a commune's staff meet when they get something wrong (issue 19):
//! the mistakes corpus (`tests/mistakes/`, one mistake per file and the first
//! diagnostic it must get), one cause one error (a file that fails to load
//! is no second error in the files that name it), errors before warnings in
//! every output, and the warnings about what a reader would notice.

mod common;

use std::path::Path;

use common::{Fixture, placement, stderr};

struct Expect {
    file: String,
    /// `OK`: the file must load without any error.
    code: String,
    line: Option<u64>,
    phrase: Option<String>,
}

fn expectations(dir: &Path) -> Vec<Expect> {
    std::fs::read_to_string(dir.join("expected.txt"))
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let parts: Vec<&str> = l.splitn(4, '\t').collect();
            assert_eq!(parts.len(), 4, "bad expectation line: {l}");
            Expect {
                file: parts[0].to_string(),
                code: parts[1].to_string(),
                line: (parts[2] != "-").then(|| parts[2].parse().unwrap()),
                phrase: (parts[3] != "-").then(|| parts[3].to_string()),
            }
        })
        .collect()
}

/// `check --format json` of a fixture holding the mistake, in Vietnamese
/// (`Fixture::run` checks the English too: nothing left untranslated).
fn check_mistake(dir: &Path, name: &str) -> serde_json::Value {
    let f = Fixture::new();
    f.write_bytes("static/files/anh.jpg", b"\xff\xd8\xff");
    f.write_bytes("static/files/qd.pdf", b"%PDF-1.4");
    f.write_bytes(&placement(name), &std::fs::read(dir.join(name)).unwrap());
    let out = f.run(&["check", "--format", "json"]);
    assert_ne!(
        out.status.code(),
        Some(101),
        "{name} crashed: {}",
        stderr(&out)
    );
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{name}: stdout is not JSON ({e}): {}", stderr(&out)))
}

#[test]
fn every_mistake_gets_its_explanation_first() {
    let dir = common::repo_root().join("tests/mistakes");
    let expected = expectations(&dir);
    assert!(
        expected.len() >= 25,
        "the corpus has {} mistakes",
        expected.len()
    );
    for e in &expected {
        assert!(
            dir.join(&e.file).is_file(),
            "{} is not in tests/mistakes",
            e.file
        );
    }
    let on_disk = std::fs::read_dir(&dir).unwrap().count() - 1;
    assert_eq!(
        on_disk,
        expected.len(),
        "every file in tests/mistakes needs a line in expected.txt"
    );
    let results: Vec<(&Expect, serde_json::Value)> = std::thread::scope(|s| {
        let handles: Vec<_> = expected
            .chunks(expected.len().div_ceil(4))
            .map(|chunk| {
                let dir = &dir;
                s.spawn(move || {
                    chunk
                        .iter()
                        .map(|e| (e, check_mistake(dir, &e.file)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    let mut failures = Vec::new();
    for (e, json) in results {
        let diags = json["diagnostics"].as_array().cloned().unwrap_or_default();
        let ours: Vec<&serde_json::Value> = diags
            .iter()
            .filter(|d| d["file"] == placement(&e.file).as_str())
            .collect();
        if e.code == "OK" {
            if let Some(d) = ours.iter().find(|d| d["severity"] == "error") {
                failures.push(format!("{}: expected no error, got {d}", e.file));
            }
            continue;
        }
        // The first diagnostic of the whole run is this file's.
        let Some(first) = diags.first() else {
            failures.push(format!("{}: no diagnostic at all", e.file));
            continue;
        };
        let hint = first["hint"].as_str().unwrap_or("");
        let ok = first["code"] == e.code.as_str()
            && first["file"] == placement(&e.file).as_str()
            && e.line.is_none_or(|l| first["line"] == l)
            && e.phrase.as_ref().is_none_or(|p| hint.contains(p.as_str()));
        if !ok {
            failures.push(format!(
                "{}: expected {} at line {:?} with hint containing {:?}; first was {first}",
                e.file, e.code, e.line, e.phrase
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The Ia Rsai case of the issue: the README's own `{…}` style with a comma
/// in the address. The message says the comma needs quotes, never that a
/// field `xã Ia Rsai` is not supported.
#[test]
fn the_comma_in_an_address_is_named_as_the_cause() {
    let f = Fixture::new();
    let site = common::SITE_YAML.replace(
        "contact: {address: Thôn 1, phone: 0256 000 000, email: ubnd@thunghiem.gov.vn}",
        "contact: {address: Thôn Quý Đức, xã Ia Rsai, email: a@b.vn}",
    );
    f.write("site.yaml", &site);
    let out = f.run(&["check"]);
    let err = stderr(&out);
    assert!(!out.status.success());
    assert!(err.contains("lỗi[E120]: dấu phẩy trong `{…}`"), "{err}");
    assert!(err.contains("site.yaml:6"), "{err}");
    assert!(
        err.contains(
            "sửa dòng này thành `contact: {address: \"Thôn Quý Đức, xã Ia Rsai\", email: a@b.vn}`"
        ),
        "{err}"
    );
    assert!(!err.contains("không được hỗ trợ"), "{err}");
}

/// Errors of a `check --format json` run of the fixture at `f`.
fn errors(f: &Fixture) -> Vec<serde_json::Value> {
    let out = f.run(&["check", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .cloned()
        .collect()
}

/// Break the front matter of a file of the sample site: a line indented
/// with a Tab right after the opening `---`.
fn break_file(f: &Fixture, rel: &str) {
    let path = f.root().join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    let broken = text.replacen("---\n", "---\n\tghi_chu: thụt lề bằng Tab\n", 1);
    std::fs::write(path, broken).unwrap();
}

#[test]
fn a_unit_file_that_fails_to_load_is_one_error_not_one_per_reference() {
    let f = Fixture::sample();
    assert!(errors(&f).is_empty(), "the sample site has errors");
    // ubnd-xa is the parent of most units and named by the plan.
    break_file(&f, "content/don-vi/ubnd-xa.md");
    let errs = errors(&f);
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert_eq!(errs[0]["file"], "content/don-vi/ubnd-xa.md");
    assert_eq!(errs[0]["code"], "E122");
    // The summary counts the cause, once.
    let out = f.run(&["check"]);
    assert!(
        stderr(&out).contains("Kiểm tra thấy lỗi: 1 lỗi,"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_unit_named_by_an_alias_of_its_broken_file_is_no_second_error() {
    let f = Fixture::sample();
    // The alias is read from the broken file's own `aliases:` line.
    f.write(
        "content/tin-tuc/2026/11/ten-goi-khac.md",
        &common::article(
            "Ủy ban nhân dân xã họp phiên thường kỳ",
            "2026-11-20T08:00:00+07:00",
            "",
        )
        .replace("units: [phong-kinh-te]", "units: [UBND xã Canh Vinh]"),
    );
    break_file(&f, "content/don-vi/ubnd-xa.md");
    let errs = errors(&f);
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert_eq!(errs[0]["file"], "content/don-vi/ubnd-xa.md");
}

#[test]
fn a_broken_procedure_or_plan_file_is_one_error_too() {
    let f = Fixture::sample();
    // Named by an article's related_procedures.
    break_file(&f, "content/thu-tuc/1.001193.md");
    let errs = errors(&f);
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert_eq!(errs[0]["file"], "content/thu-tuc/1.001193.md");

    let f = Fixture::sample();
    // Named by the plan_activities of several articles.
    let plan = "content/ke-hoach/2026/tuyen-truyen-cchc.md";
    break_file(&f, plan);
    let errs = errors(&f);
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert_eq!(errs[0]["file"], plan);
    assert_eq!(errs[0]["code"], "E122");
}

#[test]
fn errors_come_before_warnings_in_text_and_json() {
    let f = Fixture::new();
    // A warning in a file sorted before the file with the error.
    f.write(
        "content/tin-tuc/2026/03/a-canh-bao.md",
        &common::article(
            "Bài có cảnh báo",
            "2026-03-01T08:00:00+07:00",
            "summary: Đợt #2\n",
        ),
    );
    f.write(
        "content/tin-tuc/2026/03/z-loi.md",
        &common::article("Bài có lỗi", "2026-03-01T08:00:00+07:00", "summary: a: b\n"),
    );
    let out = f.run(&["check", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let severities: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["severity"].as_str().unwrap())
        .collect();
    assert_eq!(severities.first(), Some(&"error"), "{severities:?}");
    assert!(severities.contains(&"warning"), "{severities:?}");
    assert!(
        severities
            .windows(2)
            .all(|w| !(w[0] == "warning" && w[1] == "error")),
        "{severities:?}"
    );
    for args in [&["check"][..], &["build"][..]] {
        let err = stderr(&f.run(args));
        let first_error = err.find("lỗi[E121]").expect(&err);
        let first_warning = err.find("cảnh báo[").expect(&err);
        assert!(first_error < first_warning, "{args:?}:\n{err}");
    }
}

/// Codes of the warnings a clean `check` of `f` reports.
fn warnings(f: &Fixture) -> Vec<(String, String, String)> {
    let out = f.run(&["check", "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["file"].as_str().unwrap_or("").to_string(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn has(ws: &[(String, String, String)], code: &str, file: &str) -> bool {
    ws.iter().any(|(c, f, _)| c == code && f == file)
}

#[test]
fn placeholders_and_empty_legal_facts_are_warned_about() {
    let f = Fixture::new();
    assert!(
        !warnings(&f)
            .iter()
            .any(|(c, _, _)| c == "W122" || c == "W123")
    );
    let site = common::SITE_YAML
        .replace("{name: Nguyễn Văn An,", "{name: \"(Đang cập nhật)\",")
        .replace("phone: 0256 000 000, ", "")
        .replace("information_contact:", "information_contact_removed:");
    let site: String = site
        .lines()
        .filter(|l| !l.starts_with("information_contact_removed"))
        .map(|l| format!("{l}\n"))
        .collect();
    f.write("site.yaml", &site);
    f.write(
        "content/don-vi/uy-ban.md",
        "---\nid: uy-ban\nname: Ủy ban nhân dân xã\nkind: chinh_quyen\nhead: {name: \"(Đang cập nhật)\", position: Chủ tịch}\n---\n",
    );
    let ws = warnings(&f);
    let of = |field: &str| {
        ws.iter()
            .filter(|(c, _, m)| (c == "W122" || c == "W123") && m.contains(field))
            .count()
    };
    assert_eq!(of("`responsible_person.name`"), 1, "{ws:#?}");
    assert_eq!(of("`contact.phone`"), 1, "{ws:#?}");
    assert_eq!(of("`information_contact.name`"), 1, "{ws:#?}");
    assert!(has(&ws, "W122", "content/don-vi/uy-ban.md"), "{ws:#?}");
}

#[test]
fn a_title_without_diacritics_is_warned_about_and_english_or_short_titles_are_not() {
    let f = Fixture::new();
    let cases = [
        ("khong-dau", "Hoi nghi tong ket cong tac nam 2026", true),
        ("co-dau", "Hội nghị tổng kết công tác năm 2026", false),
        ("tieng-anh", "Smart village open data report", false),
        ("ten-rieng", "Kon Tum", false),
        ("viet-tat", "UBND xã triển khai VNeID", false),
    ];
    for (file, title, _) in cases {
        f.write(
            &format!("content/tin-tuc/2026/03/{file}.md"),
            &common::article(title, "2026-03-01T08:00:00+07:00", ""),
        );
    }
    let ws = warnings(&f);
    for (file, title, warned) in cases {
        let path = format!("content/tin-tuc/2026/03/{file}.md");
        assert_eq!(has(&ws, "W124", &path), warned, "{title}: {ws:#?}");
    }
}

/// A JPEG of the given size, encoded for real: noise (which does not
/// compress) or one flat colour.
fn jpeg(width: u32, height: u32, noise: bool) -> Vec<u8> {
    let mut state: u32 = 2_463_534_242;
    let img = image::RgbImage::from_fn(width, height, |_, _| {
        if noise {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            let [a, b, c, _] = state.to_le_bytes();
            image::Rgb([a, b, c])
        } else {
            image::Rgb([200, 200, 200])
        }
    });
    let mut out = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(img)
        .write_to(&mut out, image::ImageFormat::Jpeg)
        .unwrap();
    out.into_inner()
}

#[test]
fn large_pictures_and_unused_files_are_warned_about() {
    let f = Fixture::new();
    let wide = jpeg(3200, 100, false);
    let heavy = jpeg(1200, 1200, true);
    assert!(
        heavy.len() > 1024 * 1024,
        "the noise picture is only {} bytes",
        heavy.len()
    );
    let small = jpeg(400, 300, false);
    f.write_bytes("static/files/rong.jpg", &wide);
    f.write_bytes("static/files/nang.jpg", &heavy);
    f.write_bytes("static/files/nho.jpg", &small);
    f.write_bytes("static/files/khong-dung.pdf", b"%PDF-1.4");
    f.write_bytes("static/files/duoc-dung.pdf", b"%PDF-1.4");
    f.write(
        "content/tin-tuc/2026/03/anh.md",
        &(common::article("Ảnh hội nghị", "2026-03-01T08:00:00+07:00", "")
            + "[Tải kế hoạch](/files/duoc-dung.pdf), ảnh [rộng](/files/rong.jpg), [nặng](/files/nang.jpg) và [nhỏ](/files/nho.jpg)\n"),
    );
    let ws = warnings(&f);
    assert!(has(&ws, "W125", "static/files/rong.jpg"), "{ws:#?}");
    assert!(has(&ws, "W125", "static/files/nang.jpg"), "{ws:#?}");
    assert!(!has(&ws, "W125", "static/files/nho.jpg"), "{ws:#?}");
    assert!(has(&ws, "W126", "static/files/khong-dung.pdf"), "{ws:#?}");
    for used in ["rong.jpg", "nang.jpg", "nho.jpg", "duoc-dung.pdf"] {
        assert!(
            !has(&ws, "W126", &format!("static/files/{used}")),
            "{used}: {ws:#?}"
        );
    }
}

#[test]
fn canh_vinh_sample_files_are_warned_about_on_another_communes_site_only() {
    // On the sample site itself: not a word.
    let sample = Fixture::sample();
    let ws = warnings(&sample);
    assert!(!ws.iter().any(|(c, _, _)| c == "W127"), "{ws:#?}");
    assert!(
        !ws.iter().any(|(c, _, _)| c == "W126"),
        "the sample site uses all its files: {ws:#?}"
    );
    // Another commune that kept Canh Vinh's picture, renamed, and an article.
    let f = Fixture::new();
    let picture = std::fs::read(
        common::repo_root().join("static/files/2026/11/4-buoc-nop-ho-so-truc-tuyen.png"),
    )
    .unwrap();
    f.write_bytes("static/files/huong-dan.png", &picture);
    f.write(
        "content/tin-tuc/2026/03/mau.md",
        &common::article(
            "Xã Canh Vinh ra quân chiến dịch",
            "2026-03-01T08:00:00+07:00",
            "image: {src: /files/huong-dan.png, alt: Hướng dẫn}\n",
        ),
    );
    let ws = warnings(&f);
    assert!(has(&ws, "W127", "static/files/huong-dan.png"), "{ws:#?}");
    assert!(
        has(&ws, "W127", "content/tin-tuc/2026/03/mau.md"),
        "{ws:#?}"
    );
}

#[test]
fn the_sample_site_warns_about_its_placeholders_and_nothing_it_should_not() {
    let ws = warnings(&Fixture::sample());
    let codes: Vec<&str> = ws.iter().map(|(c, _, _)| c.as_str()).collect();
    // "(Đang cập nhật)" in site.yaml and on the commune's leaders is right
    // to warn about; there is no phone number in site.yaml.
    assert!(has(&ws, "W122", "site.yaml"), "{ws:#?}");
    assert!(has(&ws, "W122", "content/don-vi/ubnd-xa.md"), "{ws:#?}");
    assert!(
        has(&ws, "W122", "content/van-ban/2025/135-kh-ubnd.md"),
        "the signer: {ws:#?}"
    );
    assert!(has(&ws, "W123", "site.yaml"), "{ws:#?}");
    for quiet in ["W120", "W121", "W124", "W125", "W126", "W127"] {
        assert!(!codes.contains(&quiet), "{quiet}: {ws:#?}");
    }
}

/// `number: 135` is a number to YAML; it is read as the text it looks like,
/// so the document's number shows as written (nothing to explain).
#[test]
fn a_number_where_text_goes_is_read_as_written() {
    let f = Fixture::new();
    f.write_bytes("static/files/qd.pdf", b"%PDF-1.4");
    f.write(
        "content/van-ban/2026/135-tb-ubnd.md",
        &std::fs::read_to_string(
            common::repo_root().join("tests/mistakes/van-ban__so-khong-dat-trong-nhay.md"),
        )
        .unwrap()
        .replace("number: 135", "number: 0135"),
    );
    f.build_ok();
    let pages: Vec<String> = common::tree(&f.root().join("public"))
        .into_iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(_, b)| String::from_utf8_lossy(&b).into_owned())
        .collect();
    assert!(
        pages.iter().any(|p| p.contains("0135/TB-UBND")),
        "the leading zero is kept"
    );
}
