//! File names from requests, and the editor's writes.
//!
//! A name from a request is a content-relative path of plain segments
//! (`tin-tuc/2026/03/a.md`): no `..`, no absolute path, no drive letter, no
//! backslash, no hidden or control characters. It is resolved under the
//! site's `content/` (or `static/`) and every folder on the way must be a
//! real folder, not a symlink, so nothing outside those two folders is ever
//! read or written. Writes go to a temporary file in the same folder, which
//! is then renamed over the target (or linked, for a new file, so an
//! existing one is never replaced).

use std::io::Write;
use std::path::{Component, Path, PathBuf};

use chrono::{DateTime, Datelike, FixedOffset};

use crate::vi;

/// Which of the site's folders a name is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    Content,
    Static,
}

impl Area {
    fn folder(self) -> &'static str {
        match self {
            Area::Content => "content",
            Area::Static => "static",
        }
    }
}

/// Why a name is refused (shown to the user).
#[derive(Debug)]
pub struct Refused(pub String);

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn refused(why: &str) -> Refused {
    Refused(format!("tên tệp không hợp lệ: {why}"))
}

/// Check a content-relative name's form (nothing on disk is read).
pub fn check_rel(rel: &str) -> Result<(), Refused> {
    if rel.is_empty() || rel.len() > 400 {
        return Err(refused("trống hoặc quá dài"));
    }
    if rel.contains(['\\', ':', '\0']) || rel.chars().any(char::is_control) {
        return Err(refused("có ký tự không được dùng"));
    }
    for seg in rel.split('/') {
        if seg.is_empty() || seg.starts_with('.') {
            return Err(refused("có đoạn trống, `.` hoặc `..`"));
        }
    }
    let path = Path::new(rel);
    if !path.components().all(|c| matches!(c, Component::Normal(_))) {
        return Err(refused(
            "phải là đường dẫn tương đối trong thư mục của trang",
        ));
    }
    Ok(())
}

/// `rel` under the site's `area` folder, with no symlink on the way; the
/// file itself need not exist, but if it does it must be a regular file.
pub fn resolve(root: &Path, rel: &str, area: Area) -> Result<PathBuf, Refused> {
    check_rel(rel)?;
    if area == Area::Content {
        let first = rel.split('/').next().unwrap_or("");
        let known = super::html::KINDS.iter().any(|(k, _, _)| *k == first);
        if !known || !rel.ends_with(".md") || !rel.contains('/') {
            return Err(refused("phải là tệp .md trong một thư mục nội dung"));
        }
    }
    let base = root.join(area.folder());
    let mut path = base.clone();
    let segments: Vec<&str> = rel.split('/').collect();
    for (i, seg) in segments.iter().enumerate() {
        // The area folder itself may not be a symlink either.
        let meta = std::fs::symlink_metadata(&path);
        if let Ok(m) = &meta
            && (m.file_type().is_symlink() || !m.is_dir())
        {
            return Err(refused(
                "đi qua một liên kết tượng trưng hoặc không phải thư mục",
            ));
        }
        path.push(seg);
        if i + 1 == segments.len()
            && let Ok(m) = std::fs::symlink_metadata(&path)
            && !m.file_type().is_file()
        {
            return Err(refused("không phải tệp thường (liên kết tượng trưng?)"));
        }
    }
    Ok(path)
}

/// Write `bytes` to `path` through a temporary file. `expected`: the bytes
/// the file must still hold (an edit), or `None` for a new file, which
/// must not exist yet.
pub fn write_atomic(path: &Path, bytes: &[u8], expected: Option<&[u8]>) -> std::io::Result<()> {
    let dir = path
        .parent()
        .ok_or_else(|| std::io::Error::other("không có thư mục"))?;
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let tmp = dir.join(format!(
        ".{name}.{}.tmp",
        crate::serve::access::random_token().unwrap_or_else(|| std::process::id().to_string())
    ));
    let result = (|| {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        match expected {
            Some(old) => {
                // Checked again right before the swap: a save made elsewhere
                // since the form was checked is never overwritten.
                if std::fs::read(path)? != old {
                    return Err(std::io::Error::other("tệp vừa bị sửa ở nơi khác"));
                }
                std::fs::rename(&tmp, path)
            }
            None => match std::fs::hard_link(&tmp, path) {
                Ok(()) => std::fs::remove_file(&tmp),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(e),
                // A file system without hard links: rename, after a check.
                Err(_) if !path.exists() => std::fs::rename(&tmp, path),
                Err(e) => Err(e),
            },
        }
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// The picture type from the first bytes (never from the name).
pub fn picture_type(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("jpg")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("png")
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some("webp")
    } else {
        None
    }
}

/// An attachment's type from its bytes: PDF, or a Word or Excel file (a zip
/// holding `word/` or `xl/` parts); pictures as `picture_type`.
pub fn upload_type(bytes: &[u8]) -> Option<&'static str> {
    if let Some(p) = picture_type(bytes) {
        return Some(p);
    }
    if bytes.starts_with(b"%PDF-") {
        return Some("pdf");
    }
    if bytes.starts_with(b"PK\x03\x04") {
        let has = |part: &[u8]| bytes.windows(part.len()).any(|w| w == part);
        if has(b"word/document.xml") {
            return Some("docx");
        }
        if has(b"xl/workbook.xml") {
            return Some("xlsx");
        }
    }
    None
}

/// Store an upload as `static/files/<year>/<month>/<slug>.<ext>` (a number
/// added when the name is taken) and give its site path.
pub fn store_upload(
    root: &Path,
    name: &str,
    ext: &str,
    bytes: &[u8],
    now: DateTime<FixedOffset>,
) -> Result<String, Refused> {
    let stem = name.rsplit(['/', '\\']).next().unwrap_or("");
    let stem = stem.rsplit_once('.').map(|(s, _)| s).unwrap_or(stem);
    let mut slug: String = vi::slugify(stem).chars().take(60).collect();
    slug = slug.trim_end_matches('-').to_string();
    if slug.is_empty() {
        slug = "anh".into();
    }
    let folder = format!("files/{}/{:02}", now.year(), now.month());
    for n in 1..1000 {
        let file = if n == 1 {
            format!("{slug}.{ext}")
        } else {
            format!("{slug}-{n}.{ext}")
        };
        let rel = format!("{folder}/{file}");
        let path = resolve(root, &rel, Area::Static)?;
        if std::fs::symlink_metadata(&path).is_ok() {
            continue;
        }
        match write_atomic(&path, bytes, None) {
            Ok(()) => {
                // The folders were made just now: check again that none of
                // them was a symlink taking the file elsewhere.
                resolve(root, &rel, Area::Static)?;
                return Ok(format!("/{rel}"));
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(Refused(e.to_string())),
        }
    }
    Err(Refused("đã có quá nhiều ảnh cùng tên".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_leave_the_site_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("content/tin-tuc/2026")).unwrap();
        for bad in [
            "../site.yaml",
            "tin-tuc/../../site.yaml",
            "/etc/passwd",
            "tin-tuc/./a.md",
            "tin-tuc\\..\\a.md",
            "C:/Windows/a.md",
            "tin-tuc/.an.md",
            "tin-tuc//a.md",
            "site.yaml",
            "tin-tuc/a.txt",
            "khac/a.md",
            "tin-tuc/a\u{0}.md",
        ] {
            assert!(resolve(root, bad, Area::Content).is_err(), "{bad}");
        }
        assert!(resolve(root, "tin-tuc/2026/a.md", Area::Content).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_on_the_way_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("content/tin-tuc")).unwrap();
        std::fs::write(outside.path().join("x.md"), "bí mật").unwrap();
        std::os::unix::fs::symlink(outside.path(), root.join("content/tin-tuc/ngoai")).unwrap();
        std::os::unix::fs::symlink(
            outside.path().join("x.md"),
            root.join("content/tin-tuc/x.md"),
        )
        .unwrap();
        assert!(resolve(root, "tin-tuc/ngoai/x.md", Area::Content).is_err());
        assert!(resolve(root, "tin-tuc/x.md", Area::Content).is_err());
    }

    #[test]
    fn pictures_are_known_by_their_bytes() {
        assert_eq!(picture_type(b"\xFF\xD8\xFF\xE0rest"), Some("jpg"));
        assert_eq!(picture_type(b"\x89PNG\r\n\x1a\nrest"), Some("png"));
        assert_eq!(picture_type(b"RIFF\0\0\0\0WEBPVP8 "), Some("webp"));
        assert_eq!(picture_type(b"<svg onload=alert(1)>"), None);
        assert_eq!(picture_type(b"GIF89a"), None);
        assert_eq!(upload_type(b"%PDF-1.7\n"), Some("pdf"));
        assert_eq!(
            upload_type(b"PK\x03\x04....word/document.xml...."),
            Some("docx")
        );
        assert_eq!(
            upload_type(b"PK\x03\x04....xl/workbook.xml...."),
            Some("xlsx")
        );
        assert_eq!(upload_type(b"PK\x03\x04....evil.exe"), None);
        assert_eq!(upload_type(b"MZ\x90\x00"), None);
    }

    #[test]
    fn a_new_file_never_replaces_one_and_an_edit_checks_what_it_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.md");
        write_atomic(&p, b"one", None).unwrap();
        assert!(write_atomic(&p, b"two", None).is_err());
        assert_eq!(std::fs::read(&p).unwrap(), b"one");
        assert!(write_atomic(&p, b"three", Some(b"other")).is_err());
        write_atomic(&p, b"four", Some(b"one")).unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"four");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file left behind");
    }
}
