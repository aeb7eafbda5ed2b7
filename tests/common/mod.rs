//! Fixture sites for integration tests: a small commune site in a temp dir,
//! built with the real `trangxa` binary.
#![allow(dead_code)]

pub mod serve;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const SITE_YAML: &str = "\
name: Trang thông tin điện tử xã Thử Nghiệm
owner: Ủy ban nhân dân xã Thử Nghiệm
province: Gia Lai
base_url: https://thunghiem.gialai.gov.vn/
responsible_person: {name: Nguyễn Văn An, position: Chủ tịch UBND xã}
contact: {address: Thôn 1, phone: 0256 000 000, email: ubnd@thunghiem.gov.vn}
emc_snippet: \"<!-- EMC -->\"
feedback_endpoint: https://danhgia.thunghiem.gov.vn/
paginate_by: 10
information_contact: {name: Lê Thị Cúc, position: Công chức Văn phòng}
menu:
  - {name: Trang chủ, url: /}
  - {name: Tin tức, url: /tin-tuc/}
  - {name: Cải cách hành chính, url: /cai-cach-hanh-chinh/}
  - {name: Thủ tục hành chính, url: /thu-tuc-hanh-chinh/}
  - {name: Văn bản, url: /van-ban/}
  - {name: Đơn vị, url: /don-vi/}
";

pub const UNITS: &[(&str, &str)] = &[
    (
        "phong-kinh-te",
        "---\nid: phong-kinh-te\nname: Phòng Kinh tế\naliases: [Phòng KT]\nkind: co_quan_chuyen_mon\nhead: {name: Trần Thị Bình, position: Trưởng phòng}\ncontact: {phone: 0256 111 111}\n---\nTham mưu về kinh tế.\n",
    ),
    (
        "phong-van-hoa-xa-hoi",
        "---\nid: phong-van-hoa-xa-hoi\nname: Phòng Văn hóa - Xã hội\naliases: [Phòng VHXH, VHXH]\nkind: co_quan_chuyen_mon\n---\nTham mưu về văn hóa, xã hội.\n",
    ),
    (
        "doan-thanh-nien",
        "---\nid: doan-thanh-nien\nname: Đoàn Thanh niên\nkind: nhom\n---\n",
    ),
    (
        "dan-van",
        "---\nid: dan-van\nname: Dân vận\nkind: nhom\n---\n",
    ),
    (
        "uy-ban",
        "---\nid: uy-ban\nname: Ủy ban nhân dân xã\nkind: chinh_quyen\n---\n",
    ),
    (
        "bao-gia-lai",
        "---\nid: bao-gia-lai\nname: Báo Gia Lai\nkind: co_quan_bao_chi\nexternal: true\nshow_page: false\n---\n",
    ),
];

pub struct Fixture {
    pub dir: tempfile::TempDir,
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let dest = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &dest);
        } else {
            std::fs::copy(entry.path(), dest).unwrap();
        }
    }
}

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Where a bad-input file named `<kind>__<name>` goes in a fixture site,
/// relative to its root (`site__*.yaml` replaces site.yaml).
pub fn placement(name: &str) -> String {
    let (kind, rest) = name.split_once("__").unwrap_or(("tin-tuc", name));
    match kind {
        "tin-tuc" => format!("content/tin-tuc/2026/03/{rest}"),
        "van-ban" => format!("content/van-ban/2026/{rest}"),
        "ke-hoach" => format!("content/ke-hoach/2026/{rest}"),
        "don-vi" => format!("content/don-vi/{rest}"),
        "trang" => format!("content/trang/{rest}"),
        "thu-tuc" => format!("content/thu-tuc/{rest}"),
        "site" => "site.yaml".to_string(),
        other => panic!("unknown corpus kind {other}"),
    }
}

/// A news article with the given extra front matter lines.
pub fn article(title: &str, published_at: &str, extra: &str) -> String {
    format!(
        "---\ntitle: \"{title}\"\nkind: tin\nsections: [tin-tuc]\nunits: [phong-kinh-te]\npublished_at: {published_at}\n{extra}---\nNội dung của bài {title}.\n"
    )
}

impl Fixture {
    /// A site with the default theme, six units and nothing else.
    pub fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&repo_root().join("themes"), &dir.path().join("themes"));
        let f = Fixture { dir };
        f.write("site.yaml", SITE_YAML);
        for (id, text) in UNITS {
            f.write(&format!("content/don-vi/{id}.md"), text);
        }
        f
    }

    /// A copy of the sample site (xã Canh Vinh) of the repository.
    pub fn sample() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        for sub in ["content", "themes", "static"] {
            copy_dir(&repo_root().join(sub), &dir.path().join(sub));
        }
        std::fs::copy(repo_root().join("site.yaml"), dir.path().join("site.yaml")).unwrap();
        Fixture { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&self, rel: &str, text: &str) {
        self.write_bytes(rel, text.as_bytes());
    }

    pub fn write_bytes(&self, rel: &str, bytes: &[u8]) {
        let p = self.root().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }

    /// Run `trangxa <args> --root <fixture>` (a fixed clock unless given).
    ///
    /// A `build` or `check` that reports problems is checked again with
    /// `--lang en`, and every message and hint must then be English: so each
    /// failing fixture of the suite also tests the translation table. A test
    /// that passes `--lang` (or `--external`, which would fetch again) is
    /// left alone.
    pub fn run(&self, args: &[&str]) -> Output {
        let out = self.run_once(args);
        let reported = |o: &Output| {
            let err = String::from_utf8_lossy(&o.stderr);
            err.contains("lỗi[")
                || err.contains("cảnh báo[")
                || o.stdout.windows(10).any(|w| w == b"\"severity\"")
        };
        if matches!(args.first(), Some(&"build") | Some(&"check"))
            && !args.contains(&"--lang")
            && !args.contains(&"--external")
            && reported(&out)
        {
            self.assert_in_english(args);
        }
        out
    }

    fn run_once(&self, args: &[&str]) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_trangxa"));
        cmd.args(args).arg("--root").arg(self.root());
        if !args.contains(&"--now") && args.first() != Some(&"new") {
            cmd.args(["--now", "2026-11-27T12:00:00+07:00"]);
        }
        cmd.output().unwrap()
    }

    /// `check` with the same options, in English: nothing left untranslated.
    fn assert_in_english(&self, args: &[&str]) {
        let mut en = vec!["check"];
        let mut rest = args.iter().skip(1);
        while let Some(a) = rest.next() {
            match *a {
                // Options of `build` alone, and the format, which is chosen here.
                "--output" | "-o" | "--format" => {
                    rest.next();
                }
                a => en.push(a),
            }
        }
        en.extend(["--format", "json", "--lang", "en"]);
        let out = self.run_once(&en);
        let json: serde_json::Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{en:?}: stdout is not JSON ({e}): {}", stderr(&out)));
        let left = untranslated(&json);
        assert!(
            left.is_empty(),
            "left in Vietnamese under --lang en ({args:?}); add templates to src/diagnostics/en.rs:\n{}",
            left.join("\n")
        );
    }

    pub fn build(&self) -> Output {
        self.run(&["build"])
    }

    /// Build and insist it succeeded.
    pub fn build_ok(&self) -> String {
        let out = self.build();
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        assert!(
            out.status.success(),
            "build failed:\n{stderr}\n{}",
            String::from_utf8_lossy(&out.stdout)
        );
        stderr
    }

    pub fn public(&self, rel: &str) -> PathBuf {
        self.root().join("public").join(rel)
    }

    pub fn read(&self, rel: &str) -> String {
        let p = self.public(rel);
        std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
    }
}

/// Messages and hints of a `--format json` result that still hold Vietnamese
/// outside backticks (between backticks is what the user wrote).
pub fn untranslated(json: &serde_json::Value) -> Vec<String> {
    // Letters with diacritics, À to ỹ: in these messages, Vietnamese.
    let vietnamese = |c: char| c.is_alphabetic() && ('\u{C0}'..='\u{1EF9}').contains(&c);
    let diags = json["diagnostics"].as_array().cloned().unwrap_or_default();
    diags
        .iter()
        .flat_map(|d| [&d["message"], &d["hint"]])
        .filter_map(|v| v.as_str())
        .filter(|text| {
            text.split('`')
                .step_by(2)
                .any(|outside| outside.chars().any(vietnamese))
        })
        .map(str::to_string)
        .collect()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

/// Every `href="…"` and `src="…"` value in an HTML text.
pub fn links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["href=\"", "src=\""] {
        let mut rest = html;
        while let Some(i) = rest.find(attr) {
            rest = &rest[i + attr.len()..];
            if let Some(end) = rest.find('"') {
                out.push(rest[..end].replace("&amp;", "&"));
                rest = &rest[end..];
            }
        }
    }
    out
}

/// All files under a folder, relative, sorted.
pub fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    fn walk(base: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                out.push((
                    p.strip_prefix(base).unwrap().to_string_lossy().to_string(),
                    std::fs::read(&p).unwrap(),
                ));
            }
        }
    }
    walk(dir, dir, &mut out);
    out
}

/// Internal links of every HTML page under `public` that do not resolve to a
/// generated file: (page, link).
pub fn broken_links(public: &Path, base_path: &str) -> Vec<(String, String)> {
    let mut broken = Vec::new();
    for (rel, bytes) in tree(public) {
        if !rel.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        for link in links(&html) {
            if !link.starts_with('/') || link.starts_with("//") {
                continue;
            }
            let path = link.split('#').next().unwrap();
            let Some(inner) = path.strip_prefix(base_path) else {
                broken.push((rel.clone(), link.clone()));
                continue;
            };
            let file = if inner.ends_with('/') {
                format!("{inner}index.html")
            } else {
                inner.to_string()
            };
            if !public.join(file.trim_start_matches('/')).is_file() {
                broken.push((rel.clone(), link.clone()));
            }
        }
    }
    broken
}

/// A photo-like picture: smooth gradients with fine noise, as JPEG.
pub fn photo(w: u32, h: u32) -> Vec<u8> {
    tinted_photo(w, h, 0)
}

/// `photo` with its colours shifted by `tint`: another picture of the same size.
pub fn tinted_photo(w: u32, h: u32, tint: u8) -> Vec<u8> {
    use image::{Rgb, RgbImage};
    let img = RgbImage::from_fn(w, h, |x, y| {
        let n = ((x * 7919 + y * 104_729) % 23) as u8;
        Rgb([
            (x * 255 / w) as u8 ^ n,
            ((y * 255 / h) as u8).wrapping_add(tint),
            128u8.wrapping_add(n),
        ])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
        .encode_image(&img)
        .unwrap();
    out
}
