//! The theme, read into memory: Tera templates and static assets, with
//! content-hashed file names so they can be cached forever.
//!
//! A theme is the folder `themes/<name>/` at the site root, with `templates/`
//! and `static/` inside.

use std::collections::BTreeMap;
use std::path::Path;

use walkdir::WalkDir;

use crate::diagnostics::Diagnostic;

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
    pub fn load(root: &Path, name: &str) -> Result<Theme, Vec<Diagnostic>> {
        let dir = root.join("themes").join(name);
        if !dir.is_dir() {
            return Err(vec![
                Diagnostic::error("E017", format!("không tìm thấy giao diện `themes/{name}/`"))
                    .in_file("site.yaml")
                    .field("theme")
                    .hint("kiểm tra trường `theme` trong site.yaml (mặc định: default)"),
            ]);
        }
        let mut theme = Theme::default();
        let mut diags = Vec::new();
        for (sub, is_template) in [("templates", true), ("static", false)] {
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
                let rel_name = entry
                    .path()
                    .strip_prefix(&base)
                    .unwrap_or(entry.path())
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().to_string())
                    .collect::<Vec<_>>()
                    .join("/");
                let shown = entry
                    .path()
                    .strip_prefix(root)
                    .unwrap_or(entry.path())
                    .to_path_buf();
                if is_template {
                    match std::fs::read_to_string(entry.path()) {
                        Ok(t) => {
                            theme.templates.insert(rel_name, t);
                        }
                        Err(e) => diags.push(
                            Diagnostic::error("E001", format!("không đọc được mẫu: {e}"))
                                .in_file(shown),
                        ),
                    }
                } else {
                    match std::fs::read(entry.path()) {
                        Ok(bytes) => {
                            // Every theme asset gets a content hash in its name, so a
                            // server may cache it forever and a change still shows.
                            let hash = blake3::hash(&bytes).to_hex();
                            let hash = &hash.as_str()[..10];
                            let out_path = match rel_name.rsplit_once('.') {
                                Some((stem, ext)) => format!("static/{stem}.{hash}.{ext}"),
                                None => format!("static/{rel_name}.{hash}"),
                            };
                            theme.assets.insert(rel_name, Asset { out_path, bytes });
                        }
                        Err(e) => diags.push(
                            Diagnostic::error("E001", format!("không đọc được tệp: {e}"))
                                .in_file(shown),
                        ),
                    }
                }
            }
        }
        if diags.is_empty() {
            Ok(theme)
        } else {
            Err(diags)
        }
    }
}
