//! WRITE: put the rendered files and the site's static files into a staging
//! folder beside the output, then swap it into place.
//!
//! A build that fails, or is killed, never leaves a half-written `public/`:
//! until the final rename the previous site is untouched.
//!
//! Only what trangxa made is ever replaced: every output holds a marker file
//! (`MARKER`), and a folder without it (a person's files, a repository, the
//! home folder) is refused before anything is written. Builds into one output
//! take turns: `OutputLock` is held from before the "nothing changed" check
//! until the build is recorded, so a second build (a scheduled one, a
//! person's) waits instead of deleting the first one's staging folder.

use std::path::{Component, Path, PathBuf};
use std::time::{Duration, Instant};

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

/// The file that marks a folder as a trangxa output. Written into every
/// output; a folder without it is a person's, and is never replaced.
pub const MARKER: &str = ".trangxa-output";

const MARKER_TEXT: &str = "Thư mục này do trangxa tạo ra và được thay thế toàn bộ mỗi lần dựng trang.\n\
Đừng lưu tệp của bạn ở đây: tệp tĩnh đặt trong thư mục static/ của trang.\n";

/// How long a build waits for another build into the same output.
const LOCK_WAIT: Duration = Duration::from_secs(600);

/// The user's home folder, if the environment names one.
fn home_dir() -> Option<PathBuf> {
    std::env::var_os("HOME")
        .or_else(|| std::env::var_os("USERPROFILE"))
        .filter(|h| !h.is_empty())
        .map(PathBuf::from)
}

/// What `--output` may replace besides a folder marked as trangxa's.
#[derive(Debug, Clone, Copy, Default)]
pub struct Replace {
    /// `--force`: an existing empty folder may be used.
    pub force: bool,
    /// The folder is exactly what the last recorded build wrote (an output
    /// made before outputs carried the marker).
    pub recorded: bool,
}

fn refuse(code: &'static str, output: &Path, message: String, hint: String) -> Diagnostic {
    Diagnostic::error(code, message)
        .hint(hint)
        .in_file(output.to_path_buf())
}

/// Refuse, before anything is written, an output that trangxa did not make:
/// a file, the system root, the home folder, a folder holding `.git`, and a
/// folder without the marker that is not empty (or is empty, without
/// `--force`: the build replaces the folder itself, and with it whatever
/// owner, permissions or mount a person gave it).
pub fn check_replaceable(output: &Path, replace: Replace) -> Result<(), Diagnostic> {
    if !check_never(output)? {
        return Ok(());
    }
    let shown = output.display();
    if output.join(MARKER).is_file() || replace.recorded {
        return Ok(());
    }
    let empty = std::fs::read_dir(output)
        .map(|mut d| d.next().is_none())
        .map_err(|e| io_error("đọc được thư mục", output, e))?;
    match (empty, replace.force) {
        (true, true) => Ok(()),
        (true, false) => Err(refuse(
            "E104",
            output,
            format!("thư mục `{shown}` đã có sẵn (đang trống) nhưng không do trangxa tạo"),
            "chạy lại với `--force` để trangxa dùng thư mục trống này (thư mục sẽ được thay bằng thư mục mới)".into(),
        )),
        (false, _) => Err(refuse(
            "E105",
            output,
            format!("thư mục `{shown}` có tệp nhưng không do trangxa tạo (thiếu tệp `{MARKER}`); trangxa không xóa tệp của bạn"),
            "chọn thư mục khác cho `--output`, hoặc tự chuyển các tệp cần giữ ra chỗ khác và xóa thư mục này rồi dựng lại (`--force` chỉ dùng cho thư mục trống)".into(),
        )),
    }
}

/// What is never replaced, whatever the options: a file, the system root,
/// the home folder, a repository. `Ok(false)` when `output` does not exist.
/// Checked before the lock file is made beside it, and again under the lock.
fn check_never(output: &Path) -> Result<bool, Diagnostic> {
    let meta = match std::fs::symlink_metadata(output) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(io_error("đọc được thư mục", output, e)),
    };
    let shown = output.display();
    if !meta.is_dir() {
        return Err(refuse(
            "E101",
            output,
            format!(
                "`{shown}` là một tệp, không phải thư mục xuất bản; trangxa không ghi đè lên nó"
            ),
            "chọn một thư mục khác cho `--output`, ví dụ `--output public`".into(),
        ));
    }
    let canon = std::fs::canonicalize(output).unwrap_or_else(|_| output.to_path_buf());
    let home = home_dir().map(|h| std::fs::canonicalize(&h).unwrap_or(h));
    if canon.parent().is_none() || home.as_ref() == Some(&canon) {
        return Err(refuse(
            "E102",
            output,
            format!(
                "không thể ghi trang vào `{shown}`: đây là thư mục gốc của máy hoặc thư mục cá nhân"
            ),
            "chọn một thư mục riêng cho trang, ví dụ `--output public`".into(),
        ));
    }
    if output.join(".git").exists() {
        return Err(refuse(
            "E103",
            output,
            format!("không thể ghi trang vào `{shown}`: thư mục này chứa kho Git (`.git`)"),
            "dựng trang vào một thư mục riêng (ví dụ `--output public`) rồi sao chép nội dung sang kho Git khi xuất bản".into(),
        ));
    }
    Ok(true)
}

/// A lock on one output folder, held for a whole build: builds into the same
/// output take turns. The operating system releases it when the process
/// ends, however it ends, so a killed build never leaves it stuck.
///
/// Only commands that write an output folder take it (`build`). `serve`
/// renders into memory and never writes an output folder, so it needs none.
pub struct OutputLock {
    _file: std::fs::File,
}

impl OutputLock {
    /// Take the lock of `output` (a file beside it), waiting for another
    /// build that holds it; `on_wait` is called once if it must wait.
    pub fn acquire(
        root: &Path,
        output: &Path,
        on_wait: impl FnOnce(),
    ) -> Result<OutputLock, Diagnostic> {
        check_output_location(root, output)?;
        check_never(output)?;
        let (parent, name) = parent_and_name(output);
        std::fs::create_dir_all(&parent).map_err(|e| io_error("tạo được thư mục", &parent, e))?;
        let path = parent.join(format!(".{name}.lock"));
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| io_error("tạo được tệp", &path, e))?;
        let start = Instant::now();
        let mut on_wait = Some(on_wait);
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(OutputLock { _file: file }),
                Err(std::fs::TryLockError::WouldBlock) => {}
                Err(std::fs::TryLockError::Error(e)) => {
                    return Err(io_error("khóa được tệp", &path, e));
                }
            }
            if let Some(f) = on_wait.take() {
                f();
            }
            if start.elapsed() > LOCK_WAIT {
                return Err(Diagnostic::error(
                    "E106",
                    format!(
                        "một lần dựng trang khác vẫn đang ghi vào `{}` sau {} phút chờ",
                        output.display(),
                        LOCK_WAIT.as_secs() / 60
                    ),
                )
                .hint("đợi lần dựng kia xong rồi chạy lại; khóa tự mở khi chương trình trangxa kia kết thúc"));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// A build whose output does not hold what it wrote (another program
/// removed or added files while it ran): reported as a failure, never as
/// a success over a broken site.
pub fn incomplete(output: &Path, written: usize, found: usize) -> Diagnostic {
    Diagnostic::error(
        "E107",
        format!(
            "thư mục xuất bản `{}` không đầy đủ sau khi ghi: đã ghi {written} tệp nhưng thấy {found} tệp",
            output.display()
        ),
    )
    .hint("có chương trình khác đang ghi hoặc xóa trong thư mục này; dừng chương trình đó rồi dựng lại")
}

/// The folder an output sits in and its name.
fn parent_and_name(output: &Path) -> (PathBuf, String) {
    let parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "public".into());
    (parent, name)
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
    /// Make an empty staging folder for `output`, once `output` is known to
    /// be trangxa's to replace. The caller holds the output's `OutputLock`.
    /// The folder's name carries this process's id: `remove_stale` removes
    /// only folders whose process is gone.
    pub fn new(
        root: &Path,
        output: &Path,
        replace: Replace,
        _lock: &OutputLock,
    ) -> Result<Staging, Diagnostic> {
        check_output_location(root, output)?;
        check_replaceable(output, replace)?;
        let (parent, name) = parent_and_name(output);
        std::fs::create_dir_all(&parent).map_err(|e| io_error("tạo được thư mục", &parent, e))?;
        remove_stale(&parent, &name);
        let dir = parent.join(format!(".{name}.staging-{}", std::process::id()));
        std::fs::create_dir_all(&dir).map_err(|e| io_error("tạo được thư mục", &dir, e))?;
        let marker = dir.join(MARKER);
        std::fs::write(&marker, MARKER_TEXT).map_err(|e| io_error("ghi được tệp", &marker, e))?;
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

/// The process id a staging or moved-aside folder's name ends with.
fn owner_pid(folder_name: &str) -> Option<u32> {
    folder_name.rsplit('-').next()?.parse().ok()
}

/// Whether the build that made `path` (process `pid`) is gone. Where the
/// system can tell whether a process runs (Unix), it is asked; elsewhere only
/// a folder untouched for a day counts as abandoned.
fn owner_is_gone(path: &Path, pid: Option<u32>) -> bool {
    #[cfg(unix)]
    {
        let _ = path;
        let Some(pid) = pid.and_then(|p| libc::pid_t::try_from(p).ok()) else {
            return true;
        };
        if pid == std::process::id() as libc::pid_t {
            // Ours, from an earlier build of this process: it is not writing.
            return true;
        }
        // SAFETY: signal 0 only checks that the process exists.
        let rc = unsafe { libc::kill(pid, 0) };
        rc != 0 && std::io::Error::last_os_error().raw_os_error() != Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        std::fs::metadata(path)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > Duration::from_secs(24 * 3600))
    }
}

/// Leftovers of builds that were killed before they could clean up: only
/// folders whose build is gone (a build of another trangxa that takes no
/// lock may still be writing its own). A site moved aside by a build killed
/// mid-swap is put back, never deleted.
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
        let ours =
            n.starts_with(&format!(".{name}.staging-")) || n.starts_with(&format!(".{name}.old-"));
        if !ours || !owner_is_gone(&path, owner_pid(&n)) {
            continue;
        }
        if n.starts_with(&format!(".{name}.old-")) && !output.exists() {
            let _ = std::fs::rename(&path, &output);
        } else {
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
        // No process has an id this high.
        let old = dir.path().join(".public.old-2147483647");
        std::fs::create_dir_all(&old).unwrap();
        std::fs::write(old.join("index.html"), "cũ").unwrap();
        let staging = dir.path().join(".public.staging-2147483646");
        std::fs::create_dir_all(&staging).unwrap();
        remove_stale(dir.path(), "public");
        assert_eq!(
            std::fs::read_to_string(dir.path().join("public/index.html")).unwrap(),
            "cũ"
        );
        assert!(!old.exists() && !staging.exists());
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
