//! The site's `static/` files: listed once at LOAD, used by the model (which
//! files a document may link), the images stage (which pictures exist), the
//! link check, the output folder and `serve`. A leaf module, so none of them
//! imports another stage for the list.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diagnostics::Diagnostic;

/// A file under the site's `static/` folder, copied as is.
#[derive(Debug, Clone)]
pub struct StaticFile {
    pub source: PathBuf,
    /// Relative output path, `/`-separated: `files/van-ban/2025/135.pdf`.
    pub rel: String,
}

/// List the site's `static/` files. Symlinks are skipped: following one could
/// publish a file from outside the site.
pub fn list_static(root: &Path) -> (Vec<StaticFile>, Vec<Diagnostic>) {
    let dir = root.join("static");
    let mut files = Vec::new();
    let mut diags = Vec::new();
    if !dir.is_dir() {
        return (files, diags);
    }
    for entry in WalkDir::new(&dir).sort_by_file_name() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                diags.push(Diagnostic::error(
                    "E001",
                    format!("không đọc được thư mục static: {e}"),
                ));
                continue;
            }
        };
        let shown = entry
            .path()
            .strip_prefix(root)
            .unwrap_or(entry.path())
            .to_path_buf();
        if entry.path_is_symlink() {
            diags.push(
                Diagnostic::warning(
                    "W005",
                    "bỏ qua liên kết tượng trưng (symlink) trong thư mục static",
                )
                .in_file(shown),
            );
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = crate::paths::slashed(entry.path().strip_prefix(&dir).unwrap_or(entry.path()));
        files.push(StaticFile {
            source: entry.path().to_path_buf(),
            rel,
        });
    }
    (files, diags)
}
