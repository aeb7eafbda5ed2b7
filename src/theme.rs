//! The theme, read into memory: Tera templates and static assets, with
//! content-hashed file names so they can be cached forever.
//!
//! The default theme is embedded in the binary (see `build.rs`), so a site
//! folder needs only `site.yaml`, `content/` and `static/`. A site may still
//! have `themes/<name>/` with `templates/` and `static/` inside: each file
//! there replaces the embedded file of the same name, and the rest come from
//! the embedded theme. A theme other than `default` must exist on disk.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diagnostics::Diagnostic;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_theme.rs"));
}

/// The theme built into the binary.
pub const DEFAULT: &str = "default";

/// The embedded default theme: (path under `themes/default/`, bytes).
pub fn embedded_files() -> &'static [(&'static str, &'static [u8])] {
    embedded::FILES
}

/// Copy the embedded theme to `<root>/themes/default/` for customising.
/// Files already there are left alone (and not counted); returns how many
/// files were written.
pub fn copy_out(root: &Path) -> std::io::Result<usize> {
    let dir = root.join("themes").join(DEFAULT);
    let mut written = 0;
    for (rel, bytes) in embedded_files() {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut f) => {
                std::io::Write::write_all(&mut f, bytes)?;
                written += 1;
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    Ok(written)
}

/// A static asset of the theme.
#[derive(Debug, Clone)]
pub struct Asset {
    /// Output path relative to the output folder: `static/style.3f2a9c1b.css`.
    pub out_path: String,
    pub bytes: Vec<u8>,
}

#[derive(Debug, Clone, Default)]
pub struct Theme {
    /// Template name (`article.html`, `partials/pagination.html`) → text.
    pub templates: BTreeMap<String, String>,
    /// Asset name as templates ask for it (`style.css`) → asset.
    pub assets: BTreeMap<String, Asset>,
}

impl Theme {
    /// The embedded theme with the site's `themes/<name>/` laid over it.
    pub fn load(root: &Path, name: &str) -> Result<Theme, Vec<Diagnostic>> {
        let dir = root.join("themes").join(name);
        if name != DEFAULT && !dir.is_dir() {
            return Err(vec![
                Diagnostic::error("E017", format!("không tìm thấy giao diện `themes/{name}/`"))
                    .in_file("site.yaml")
                    .field("theme")
                    .hint("xóa trường `theme` trong site.yaml để dùng giao diện có sẵn (default), hoặc tạo thư mục giao diện này"),
            ]);
        }
        let mut theme = Theme::default();
        let mut diags = Vec::new();
        for (rel, bytes) in embedded_files() {
            let shown = PathBuf::from("themes").join(DEFAULT).join(rel);
            theme.add(rel, bytes.to_vec(), shown, &mut diags);
        }
        for sub in ["templates", "static"] {
            let base = dir.join(sub);
            if !base.is_dir() {
                continue;
            }
            for entry in WalkDir::new(&base).sort_by_file_name() {
                let entry = match entry {
                    Ok(e) => e,
                    Err(e) => {
                        diags.push(Diagnostic::error(
                            "E001",
                            format!("không đọc được giao diện: {e}"),
                        ));
                        continue;
                    }
                };
                if !entry.file_type().is_file() {
                    continue;
                }
                let rel =
                    crate::paths::slashed(entry.path().strip_prefix(&dir).unwrap_or(entry.path()));
                let shown = entry
                    .path()
                    .strip_prefix(root)
                    .unwrap_or(entry.path())
                    .to_path_buf();
                match std::fs::read(entry.path()) {
                    Ok(bytes) => theme.add(&rel, bytes, shown, &mut diags),
                    Err(e) => diags.push(
                        Diagnostic::error("E001", format!("không đọc được tệp: {e}"))
                            .in_file(shown),
                    ),
                }
            }
        }
        if diags.is_empty() {
            Ok(theme)
        } else {
            Err(diags)
        }
    }

    /// Add (or replace) the file `rel` (`templates/…` or `static/…`).
    fn add(&mut self, rel: &str, bytes: Vec<u8>, shown: PathBuf, diags: &mut Vec<Diagnostic>) {
        let Some((sub, name)) = rel.split_once('/') else {
            return;
        };
        match sub {
            "templates" => match String::from_utf8(bytes) {
                Ok(t) => {
                    self.templates.insert(name.to_string(), t);
                }
                Err(_) => diags.push(
                    Diagnostic::error("E001", "mẫu giao diện không phải văn bản UTF-8")
                        .in_file(shown)
                        .hint("lưu lại tệp với bảng mã UTF-8"),
                ),
            },
            "static" => {
                // Every theme asset gets a content hash in its name, so a
                // server may cache it forever and a change still shows.
                let hash = blake3::hash(&bytes).to_hex();
                let hash = &hash.as_str()[..10];
                let out_path = match name.rsplit_once('.') {
                    Some((stem, ext)) => format!("static/{stem}.{hash}.{ext}"),
                    None => format!("static/{name}.{hash}"),
                };
                self.assets
                    .insert(name.to_string(), Asset { out_path, bytes });
            }
            _ => {}
        }
    }
}
