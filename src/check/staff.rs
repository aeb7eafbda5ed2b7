//! Warnings about what a reader would notice and a builder would not: a
//! leader still named "(Đang cập nhật)", a title typed without diacritics, a
//! 6 MB photo, files in `static/files/` no page uses, and the sample files of
//! xã Canh Vinh left on another commune's site.
//!
//! None of these stops a build (the site is still correct HTML); each is
//! something the commune would be embarrassed to publish, so each is named at
//! its file and line with what to do.

use std::collections::HashSet;
use std::path::Path;

use crate::diagnostics::Diagnostic;
use crate::site::{ItemKind, Site};
use crate::statics::StaticFile;
use crate::vi;

/// A picture heavier than this is slow on a phone's data plan.
const MAX_PICTURE_BYTES: u64 = 1024 * 1024;
/// Wider or taller than this is far beyond any screen.
const MAX_PICTURE_SIDE: u32 = 3000;

/// The static files of the Canh Vinh sample site: size and BLAKE3 hash, so
/// they are recognised under any name. `tests` keeps this in step with the
/// repository's `static/files/`.
pub const SAMPLE_FILES: &[(u64, &str)] = &[
    (
        8_026,
        "0d5ad93993fd04c13b6ef12b79290120ef8db482f7832b9acbcc2aab9d4d39c1",
    ),
    (
        8_030,
        "869a498586e8040ef314a94afa3322e1bc5a39815f21e0fa0b29525b41e37189",
    ),
    (
        8_031,
        "6afbdd5e3a14c2a6847edf2afaec527ac73ecc1e19f2691ca5f4465f122403f9",
    ),
    (
        8_054,
        "0d3b1af98e849a9d78e6171bb07a0df2b7ff0393648d0dc5779df9c70b22f9f5",
    ),
    (
        8_058,
        "18d21c18df8de87753aa3ed0c7bcc202beb742b3c81f3e20d20c068a8eaa643d",
    ),
    (
        8_087,
        "f8d79aa34a275ed92afeb29b5c6f513d348f8caa557861e0cfcdaa1c3ec330f9",
    ),
    (
        8_090,
        "504a96623f1538295244d149ecc96aa012045bca7c93f774e668da617a8f9aef",
    ),
    (
        8_111,
        "ceec835f5f962b0d7d1aae011bf1dc3fb0bade099fe5eb6ff2d43dcdbbed8336",
    ),
    (
        8_115,
        "78de3884947a0e2bc5a2d82becde881d881cee5968dc989a373e3576fa8da76d",
    ),
    (
        8_122,
        "5146279ee37a95d0aec53c2acaf4211281ac38ec909e5c1f8cac96ced34e973e",
    ),
    (
        16_090,
        "e857452a669a4164d9bb52364650a00aaa102a807e85f9155fc1a967b1c77676",
    ),
    (
        112_689,
        "1f925b7906a8ace24614a99540985ff70d692f75fed54891942c2028ace987ce",
    ),
    (
        118_387,
        "b94e95e8275b336a6445428c5b709cfefbb3ba14c43089401bfd1d415ff8a1f6",
    ),
];

/// Every warning of this module.
pub fn warnings(site: &Site, statics: &[StaticFile]) -> Vec<Diagnostic> {
    let files: Vec<&StaticFile> = statics
        .iter()
        .filter(|s| s.rel.starts_with("files/"))
        .collect();
    let mut out = placeholder_leaders(site);
    out.extend(placeholder_bodies(site));
    out.extend(titles_without_diacritics(site));
    out.extend(heavy_pictures(&files));
    out.extend(unused_files(site, &files));
    out.extend(sample_files(site, &files));
    out
}

/// The line of `text` that holds `needle`, 1-based, with its column.
fn line_of(text: &str, needle: &str) -> (usize, usize) {
    text.lines()
        .enumerate()
        .find_map(|(i, l)| l.find(needle).map(|c| (i + 1, l[..c].chars().count() + 1)))
        .unwrap_or((1, 1))
}

/// Lines of a page's or unit's text still saying "(Đang cập nhật)" (a new
/// site from `init` has them where the commune's own facts go): the reader
/// would see the placeholder. Front matter is left to the field checks.
fn placeholder_bodies(site: &Site) -> Vec<Diagnostic> {
    let texts = site
        .items
        .iter()
        .map(|i| (&i.source, &i.text))
        .chain(site.units.iter().map(|u| (&u.source, &u.text)));
    let mut out = Vec::new();
    for (source, text) in texts {
        let body_from = text
            .lines()
            .enumerate()
            .filter(|(_, l)| l.trim_end() == "---")
            .nth(1)
            .map_or(usize::MAX, |(i, _)| i + 1);
        for (i, line) in text.lines().enumerate().skip(body_from) {
            let folded = vi::fold(line);
            let Some(at) = folded.find("(dang cap nhat)") else {
                continue;
            };
            // Folding keeps one letter per letter: the column carries over.
            let col = folded[..at].chars().count() + 1;
            out.push(
                Diagnostic::warning(
                    "W122",
                    "nội dung vẫn ghi `(Đang cập nhật)` thay cho thông tin thật; người đọc sẽ thấy đúng như vậy",
                )
                .in_file(source)
                .at(text, i + 1, col)
                .hint("thay `(Đang cập nhật)` bằng thông tin của xã"),
            );
        }
    }
    out
}

/// The leaders of each unit (head, deputies, members) the site lists, and
/// the signers of its documents.
fn placeholder_leaders(site: &Site) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for u in site.units.iter() {
        let people = u
            .unit
            .head
            .iter()
            .map(|p| ("head", p))
            .chain(u.unit.deputies.iter().map(|p| ("deputies", p)))
            .chain(u.unit.members.iter().map(|p| ("members", p)));
        for (field, p) in people {
            if vi::is_placeholder(&p.name) {
                let (line, col) = line_of(&u.text, p.name.trim());
                out.push(
                    Diagnostic::warning(
                        "W122",
                        format!(
                            "trường `{field}` vẫn ghi `{}` thay cho thông tin thật; người đọc sẽ thấy đúng như vậy",
                            p.name.trim()
                        ),
                    )
                    .in_file(&u.source)
                    .at(&u.text, line, col)
                    .field(field)
                    .hint("điền họ tên người giữ chức vụ; nếu chưa có người, xóa mục này"),
                );
            }
        }
    }
    // The signer of a published document is a leader the reader sees too.
    for item in &site.items {
        let ItemKind::Document(d) = &item.kind else {
            continue;
        };
        let Some(signer) = d.signer.as_ref().filter(|s| vi::is_placeholder(&s.name)) else {
            continue;
        };
        let (line, col) = line_of(&item.text, signer.name.trim());
        out.push(
            Diagnostic::warning(
                "W122",
                format!(
                    "trường `signer` vẫn ghi `{}` thay cho thông tin thật; người đọc sẽ thấy đúng như vậy",
                    signer.name.trim()
                ),
            )
            .in_file(&item.source)
            .at(&item.text, line, col)
            .field("signer")
            .hint("ghi họ tên người ký như trên bản văn bản đã ký"),
        );
    }
    out
}

fn titles_without_diacritics(site: &Site) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for item in &site.items {
        let title = match &item.kind {
            ItemKind::Document(d) => d.abstract_.as_str(),
            _ => item.title.as_str(),
        };
        if !vi::lacks_diacritics(title) {
            continue;
        }
        let (line, col) = line_of(&item.text, title);
        out.push(
            Diagnostic::warning(
                "W124",
                format!("tiêu đề `{title}` được gõ không dấu"),
            )
            .in_file(&item.source)
            .at(&item.text, line, col)
            .hint("gõ lại tiêu đề có dấu tiếng Việt (bật bộ gõ Unikey hoặc EVKey, kiểu gõ Telex hoặc VNI)"),
        );
    }
    out
}

fn is_picture(rel: &str) -> bool {
    let lower = rel.to_ascii_lowercase();
    [".jpg", ".jpeg", ".png", ".webp", ".gif"]
        .iter()
        .any(|e| lower.ends_with(e))
}

fn shown(rel: &str) -> String {
    format!("static/{rel}")
}

fn heavy_pictures(files: &[&StaticFile]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for f in files.iter().filter(|f| is_picture(&f.rel)) {
        let bytes = std::fs::metadata(&f.source).map(|m| m.len()).unwrap_or(0);
        let size = image::image_dimensions(&f.source).ok();
        let too_wide = size.is_some_and(|(w, h)| w.max(h) > MAX_PICTURE_SIDE);
        if bytes <= MAX_PICTURE_BYTES && !too_wide {
            continue;
        }
        let (w, h) = size.unwrap_or((0, 0));
        out.push(
            Diagnostic::warning(
                "W125",
                format!(
                    "ảnh `/{}` quá lớn ({} KB, {w}×{h} điểm ảnh): tệp gốc được đăng nguyên như vậy và tải rất chậm trên điện thoại",
                    f.rel,
                    bytes / 1024
                ),
            )
            .in_file(shown(&f.rel))
            .hint("thu nhỏ ảnh còn cạnh dài khoảng 1600 điểm ảnh và dưới 1 MB (ví dụ bằng Paint: Resize) rồi chép đè lên tệp này"),
        );
    }
    out
}

/// Every `files/…` path a text names, percent-decoded.
fn named_files(text: &str, into: &mut HashSet<String>) {
    let mut rest = text;
    while let Some(i) = rest.find("files/") {
        let tail = &rest[i..];
        let end = tail
            .find(|c: char| c.is_whitespace() || "\"'()<>[]{}|,#?`".contains(c))
            .unwrap_or(tail.len());
        let path = &tail[..end];
        into.insert(percent_decode(path));
        into.insert(path.to_string());
        rest = &tail[end.max(6)..];
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(a), Some(b)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push((a * 16 + b) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn unused_files(site: &Site, files: &[&StaticFile]) -> Vec<Diagnostic> {
    if files.is_empty() {
        return Vec::new();
    }
    let mut used = HashSet::new();
    for item in &site.items {
        named_files(&item.text, &mut used);
    }
    for u in site.units.iter() {
        named_files(&u.text, &mut used);
    }
    // An offline activity's evidence (photos, minutes) is shown on its plan
    // page, or kept for the report.
    for e in site.events.iter() {
        for f in &e.evidence {
            named_files(&f.path, &mut used);
        }
    }
    if let Ok(config) = serde_json::to_string(&site.config) {
        named_files(&config.replace("\\/", "/"), &mut used);
    }
    files
        .iter()
        .filter(|f| !used.contains(&f.rel))
        .map(|f| {
            Diagnostic::warning(
                "W126",
                format!(
                    "tệp `/{}` không được trang nào dùng nhưng vẫn được đăng lên mạng",
                    f.rel
                ),
            )
            .in_file(shown(&f.rel))
            .hint("liên kết tới tệp từ một bài viết, hoặc xóa tệp khỏi static/files/ nếu không cần")
        })
        .collect()
}

/// Whether the site is the Canh Vinh sample itself.
fn is_sample_commune(site: &Site) -> bool {
    let c = &site.config;
    [&c.name, &c.owner]
        .iter()
        .any(|s| vi::fold(s).contains("canh vinh"))
}

fn sample_files(site: &Site, files: &[&StaticFile]) -> Vec<Diagnostic> {
    if is_sample_commune(site) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for f in files {
        let Ok(meta) = std::fs::metadata(&f.source) else {
            continue;
        };
        if !SAMPLE_FILES.iter().any(|(size, _)| *size == meta.len()) {
            continue;
        }
        let Ok(bytes) = std::fs::read(&f.source) else {
            continue;
        };
        let hash = blake3::hash(&bytes).to_hex().to_string();
        if SAMPLE_FILES.iter().any(|(_, h)| *h == hash) {
            out.push(sample(&shown(&f.rel), None));
        }
    }
    let texts = site
        .items
        .iter()
        .map(|i| (&i.source, &i.text))
        .chain(site.units.iter().map(|u| (&u.source, &u.text)));
    for (source, text) in texts {
        if mentions_sample(text) {
            out.push(sample(&source.to_string_lossy(), Some(text)));
        }
    }
    out
}

/// Whether a text names the sample commune. "Canh Vinh" carries no
/// diacritics, so a case-blind byte search does (no folding of whole files).
fn mentions_sample(text: &str) -> bool {
    const NAME: &[u8] = b"canh vinh";
    text.as_bytes()
        .windows(NAME.len())
        .any(|w| w.eq_ignore_ascii_case(NAME))
}

fn sample(file: &str, text: Option<&str>) -> Diagnostic {
    let d = Diagnostic::warning(
        "W127",
        "tệp này là tệp mẫu của trang xã Canh Vinh (hoặc nhắc tới xã Canh Vinh), trong khi site.yaml là của xã khác",
    )
    .in_file(Path::new(file))
    .hint("xóa tệp mẫu, hoặc sửa nội dung cho đúng với xã mình");
    match text {
        Some(t) => {
            let line = t
                .lines()
                .position(mentions_sample)
                .map(|i| i + 1)
                .unwrap_or(1);
            d.at(t, line, 1)
        }
        None => d,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_paths_are_found_in_links_and_front_matter() {
        let mut used = HashSet::new();
        named_files(
            "image: {src: /files/2026/a.jpg}\n[tải](/files/van%20ban/b.pdf) ![x](/files/c.png \"t\")",
            &mut used,
        );
        assert!(used.contains("files/2026/a.jpg"), "{used:?}");
        assert!(used.contains("files/van ban/b.pdf"), "{used:?}");
        assert!(used.contains("files/c.png"), "{used:?}");
    }

    #[test]
    fn the_sample_table_matches_the_sample_site() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("static/files");
        let mut found = Vec::new();
        for e in walkdir::WalkDir::new(&dir).into_iter().flatten() {
            if e.file_type().is_file() {
                let bytes = std::fs::read(e.path()).unwrap();
                found.push((
                    bytes.len() as u64,
                    blake3::hash(&bytes).to_hex().to_string(),
                ));
            }
        }
        found.sort();
        let mut table: Vec<(u64, String)> = SAMPLE_FILES
            .iter()
            .map(|(s, h)| (*s, h.to_string()))
            .collect();
        table.sort();
        assert_eq!(
            found, table,
            "update SAMPLE_FILES to the files in static/files/"
        );
    }
}
