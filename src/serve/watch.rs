//! Watching the site's sources: `content/`, `themes/`, `static/` (each
//! recursively) and the site folder itself (for `site.yaml`, and for those
//! folders appearing or disappearing).
//!
//! Folders are watched, never single files: editors save by writing a temp
//! file and renaming it over the original, which a file watch would lose.
//! Events are debounced (notify-debouncer-full) and editor leftovers dropped;
//! what remains is a list of changed paths for the rebuild loop.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

use crate::content::is_editor_temp;
use crate::diagnostics::Diagnostic;

/// How long a path must be quiet before its change is passed on. Editors
/// write a save within a millisecond or two; this is short enough to keep
/// edit-to-ready well under 50 ms.
const DEBOUNCE: Duration = Duration::from_millis(10);

/// The folders watched recursively.
pub const WATCHED: [&str; 3] = ["content", "themes", "static"];

/// What the watcher reports.
#[derive(Debug)]
pub enum Change {
    /// These paths changed (created, modified, renamed or removed).
    Paths(Vec<PathBuf>),
    /// The watcher lost events (queue overflow): read everything again.
    Everything,
    /// The watcher itself failed; the message is for the terminal.
    Failed(String),
    /// Not from the watcher: a search index built in the background
    /// (`Rebuilder::take_search_job`), arriving in the same queue.
    Search(super::rebuild::SearchBuilt),
}

pub struct Watcher {
    root: PathBuf,
    debouncer: Debouncer<notify::RecommendedWatcher, RecommendedCache>,
}

/// Names editors create for a moment while saving (vim's write test `4913`,
/// backups, swap files): never worth a rebuild.
fn is_noise(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    is_editor_temp(&name) || name == "4913"
}

impl Watcher {
    /// Start watching `root`; changes go to `tx`.
    pub fn start(root: &Path, tx: Sender<Change>) -> Result<Watcher, Diagnostic> {
        let failed = |e: notify::Error| {
            Diagnostic::error(
                "E041",
                format!("không theo dõi được thay đổi của thư mục trang: {e}"),
            )
            .hint("trên Linux, có thể cần tăng fs.inotify.max_user_watches (sysctl)")
        };
        let handler = move |result: DebounceEventResult| {
            let change = match result {
                Ok(events) => {
                    if events.iter().any(|e| e.need_rescan()) {
                        Change::Everything
                    } else {
                        let mut paths: Vec<PathBuf> = events
                            .iter()
                            .filter(|e| !matches!(e.kind, EventKind::Access(_)))
                            .flat_map(|e| e.paths.iter().cloned())
                            .filter(|p| !is_noise(p))
                            .collect();
                        paths.sort();
                        paths.dedup();
                        if paths.is_empty() {
                            return;
                        }
                        Change::Paths(paths)
                    }
                }
                Err(errors) => Change::Failed(
                    errors
                        .iter()
                        .map(|e| e.to_string())
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
            };
            let _ = tx.send(change);
        };
        let debouncer = new_debouncer(DEBOUNCE, None, handler).map_err(failed)?;
        let mut w = Watcher {
            root: root.to_path_buf(),
            debouncer,
        };
        w.debouncer
            .watch(root, RecursiveMode::NonRecursive)
            .map_err(failed)?;
        w.refresh();
        Ok(w)
    }

    /// (Re)watch the source folders that exist now. Called after a change to
    /// one of them as a whole: a folder deleted and made again needs a new watch.
    pub fn refresh(&mut self) {
        for name in WATCHED {
            let dir = self.root.join(name);
            let _ = self.debouncer.unwatch(&dir);
            if dir.is_dir() {
                let _ = self.debouncer.watch(&dir, RecursiveMode::Recursive);
            }
        }
    }

    /// Whether a change concerns a watched folder as a whole (so `refresh`).
    pub fn touches_roots(&self, paths: &[PathBuf]) -> bool {
        paths
            .iter()
            .any(|p| WATCHED.iter().any(|n| *p == self.root.join(n)))
    }
}
