//! WRITE: put the rendered files and the site's static files into a staging
//! folder beside the output, then swap it into place.
//!
//! A build that fails, or is killed, never leaves a half-written `public/`:
//! until the final rename the previous site is untouched.

use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::render::Output;
use crate::statics::StaticFile;

/// Refuse output folders whose replacement would destroy the site's sources.
fn check_output_location(root: &Path, output: &Path) -> Result<(), Diagnostic> {
    let canon = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let root = canon(root);
    let out = match output.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => {
            canon(parent).join(output.file_name().unwrap_or_default())
        }
        _ => canon(output),
    };
    let protected = ["content", "themes", "static", "site.yaml"].map(|p| root.join(p));
    let bad = root.starts_with(&out)
        || protected.iter().any(|p| out.starts_with(p))
        || output.file_name().is_none();
    if bad {
        return Err(Diagnostic::error(
            "E021",
            format!(
                "không thể ghi trang vào `{}`: thư mục này chứa nội dung hoặc mã nguồn của trang",
                output.display()
            ),
        )
        .hint("chọn một thư mục riêng, ví dụ `--output public`"));
    }
    Ok(())
}

/// Whether a rendered path stays inside the output folder.
fn is_safe_relative(path: &str) -> bool {
    let p = Path::new(path);
    !path.is_empty()
        && !path.contains('\0')
        && p.components().all(|c| matches!(c, Component::Normal(_)))
}

fn io_error(what: &str, path: &Path, e: std::io::Error) -> Diagnostic {
    Diagnostic::error("E001", format!("không {what} `{}`: {e}", path.display()))
}

/// The staging folder a build writes into, beside the output folder, while
/// the site is rendered; `finish` swaps it into place. Dropped unfinished (an
/// error, a panic), it is removed and the previous site stays as it was; a
/// build killed outright leaves it to the next build's `remove_stale`.
pub struct Staging {
    dir: PathBuf,
    output: PathBuf,
    parent: PathBuf,
    name: String,
    done: bool,
}

impl Staging {
    /// Make an empty staging folder for `output`.
    pub fn new(root: &Path, output: &Path) -> Result<Staging, Diagnostic> {
        check_output_location(root, output)?;
        let parent = match output.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = output
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| "public".into());
        std::fs::create_dir_all(&parent).map_err(|e| io_error("tạo được thư mục", &parent, e))?;
        remove_stale(&parent, &name);
        let dir = parent.join(format!(".{name}.staging-{}", std::process::id()));
        std::fs::create_dir_all(&dir).map_err(|e| io_error("tạo được thư mục", &dir, e))?;
        Ok(Staging {
            dir,
            output: output.to_path_buf(),
            parent,
            name,
            done: false,
        })
    }

    /// Write one rendered file (called from many threads at once).
    pub fn write(&self, o: &Output) -> Result<(), Diagnostic> {
        if !is_safe_relative(&o.path) {
            return Err(Diagnostic::error(
                "E021",
                format!("đường dẫn `{}` nằm ngoài thư mục xuất bản", o.path),
            ));
        }
        let dest = self.dir.join(&o.path);
        // Most folders hold one page: create them when a write finds none.
        match std::fs::write(&dest, &o.bytes) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if let Some(d) = dest.parent() {
                    std::fs::create_dir_all(d).map_err(|e| io_error("tạo được thư mục", d, e))?;
                }
                std::fs::write(&dest, &o.bytes)
            }
            other => other,
        }
        .map_err(|e| io_error("ghi được tệp", &dest, e))
    }

    /// Copy the static files in and swap the finished folder into place.
    pub fn finish(mut self, statics: &[StaticFile]) -> Result<(), Diagnostic> {
        let mut dirs: Vec<PathBuf> = statics
            .iter()
            .filter_map(|s| Path::new(&s.rel).parent().map(|d| self.dir.join(d)))
            .collect();
        dirs.sort();
        dirs.dedup();
        for d in &dirs {
            std::fs::create_dir_all(d).map_err(|e| io_error("tạo được thư mục", d, e))?;
        }
        statics.par_iter().try_for_each(|s| {
            let dest = self.dir.join(&s.rel);
            if dest.exists() {
                return Err(Diagnostic::error(
                    "E012",
                    format!(
                        "tệp tĩnh `static/{}` trùng đường dẫn với một trang của site",
                        s.rel
                    ),
                ));
            }
            std::fs::copy(&s.source, &dest)
                .map(|_| ())
                .map_err(|e| io_error("sao chép được tệp", &s.source, e))
        })?;
        self.done = true;
        swap_into_place(&self.dir, &self.output, &self.parent, &self.name)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.done {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Exchange two paths atomically (Linux `renameat2(RENAME_EXCHANGE)`): there
/// is no moment at which the output folder is missing.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let ca = CString::new(a.as_os_str().as_bytes()).map_err(std::io::Error::other)?;
    let cb = CString::new(b.as_os_str().as_bytes()).map_err(std::io::Error::other)?;
    // SAFETY: both are valid NUL-terminated paths; AT_FDCWD resolves them
    // relative to the working directory like `rename` does.
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            ca.as_ptr(),
            libc::AT_FDCWD,
            cb.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::Error::from(std::io::ErrorKind::Unsupported))
}

/// Put the finished staging folder where the output is. The old site is
/// swapped out atomically where the system can, else moved aside first and
/// restored if the second rename fails.
fn swap_into_place(
    staging: &Path,
    output: &Path,
    parent: &Path,
    name: &str,
) -> Result<(), Diagnostic> {
    if !output.exists() {
        return std::fs::rename(staging, output).map_err(|e| {
            let _ = std::fs::remove_dir_all(staging);
            io_error("đổi tên được thư mục", staging, e)
        });
    }
    if exchange(staging, output).is_ok() {
        // `staging` now holds the previous site.
        remove_tree(staging);
        return Ok(());
    }
    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
    if let Err(e) = std::fs::rename(output, &old) {
        let _ = std::fs::remove_dir_all(staging);
        return Err(io_error("thay được thư mục", output, e));
    }
    if let Err(e) = std::fs::rename(staging, output) {
        let _ = std::fs::rename(&old, output);
        let _ = std::fs::remove_dir_all(staging);
        return Err(io_error("đổi tên được thư mục", staging, e));
    }
    remove_tree(&old);
    Ok(())
}

/// Remove a folder and everything in it, folders in parallel: the previous
/// site of a large commune is tens of thousands of files, and removing them
/// one by one was a third of the time a build spent writing. Best effort,
/// like `remove_dir_all`: what cannot be removed stays.
fn remove_tree(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let entries: Vec<std::fs::DirEntry> = entries.flatten().collect();
    entries.par_iter().for_each(|e| {
        let path = e.path();
        match e.file_type() {
            Ok(t) if t.is_dir() => remove_tree(&path),
            _ => {
                let _ = std::fs::remove_file(&path);
            }
        }
    });
    let _ = std::fs::remove_dir(dir);
}

/// Leftovers of builds that were killed before they could clean up. A site
/// moved aside by a build killed mid-swap is put back, never deleted.
fn remove_stale(parent: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let output = parent.join(name);
    let mut names: Vec<String> = entries
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    for n in names {
        let path = parent.join(&n);
        if n.starts_with(&format!(".{name}.old-")) && !output.exists() {
            let _ = std::fs::rename(&path, &output);
        } else if n.starts_with(&format!(".{name}.staging-"))
            || n.starts_with(&format!(".{name}.old-"))
        {
            let _ = std::fs::remove_dir_all(&path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_moved_aside_by_a_killed_build_is_restored() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join(".public.old-999");
        std::fs::create_dir_all(&old).unwrap();
        std::fs::write(old.join("index.html"), "cũ").unwrap();
        std::fs::create_dir_all(dir.path().join(".public.staging-998")).unwrap();
        remove_stale(dir.path(), "public");
        assert_eq!(
            std::fs::read_to_string(dir.path().join("public/index.html")).unwrap(),
            "cũ"
        );
        assert!(!old.exists() && !dir.path().join(".public.staging-998").exists());
    }

    #[test]
    fn swapping_replaces_the_site_and_drops_the_old_one() {
        let dir = tempfile::tempdir().unwrap();
        let (staging, output) = (
            dir.path().join(".public.staging-1"),
            dir.path().join("public"),
        );
        std::fs::create_dir_all(&staging).unwrap();
        std::fs::create_dir_all(&output).unwrap();
        std::fs::write(staging.join("new.html"), "mới").unwrap();
        std::fs::write(output.join("old.html"), "cũ").unwrap();
        swap_into_place(&staging, &output, dir.path(), "public").unwrap();
        assert!(output.join("new.html").is_file() && !output.join("old.html").exists());
        assert!(!staging.exists());
    }

    #[test]
    fn unsafe_paths_are_rejected() {
        assert!(is_safe_relative("tin-tuc/a/index.html"));
        assert!(!is_safe_relative("../etc/passwd"));
        assert!(!is_safe_relative("/etc/passwd"));
        assert!(!is_safe_relative("a/\0b"));
    }
}
