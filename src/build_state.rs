//! What the last good build wrote, so that a build with nothing changed
//! writes nothing.
//!
//! A commune's staff run `build` again and again; most runs change one
//! article or nothing at all. After a good build its record is kept in
//! `.cache/builds/` under the site folder (beside the image cache, never
//! in the output, which is published): every job's signature (the same
//! signatures `serve` uses to re-render only what changed), the static files'
//! stamps, and the size and time of every file of the output folder. The
//! next build compares: if every job, every static file and the output folder
//! itself are as recorded, the output is already what a clean build would
//! write, byte for byte, and the build stops after the checks.
//!
//! Anything unsure means a full build: another trangxa binary, another
//! `site.yaml`, other options, a missing or unreadable record, and any file
//! in the output folder added, removed or touched since.

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};
use walkdir::WalkDir;

use crate::options::Options;
use crate::statics::StaticFile;

/// Size and modification time (ns since 1970) of a file.
type Stamp = (u64, u64);

fn stamp(meta: &std::fs::Metadata) -> Stamp {
    let time = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    (meta.len(), time)
}

fn stamp_of(path: &Path) -> Option<Stamp> {
    std::fs::metadata(path).ok().map(|m| stamp(&m))
}

/// What else a build's output depends on besides its jobs.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct Key {
    version: String,
    /// The running binary: a rebuilt trangxa may render differently.
    binary: Option<Stamp>,
    /// `site.yaml`, whole: some settings change pages without changing any
    /// job signature (how raw HTML is treated, for one).
    config: String,
    output: PathBuf,
    drafts: bool,
    base_url: Option<String>,
}

impl Key {
    pub fn new(opts: &Options, output: &Path) -> Key {
        let config = std::fs::read(opts.root.join("site.yaml"))
            .map(|b| blake3::hash(&b).to_hex().to_string())
            .unwrap_or_default();
        Key {
            version: env!("CARGO_PKG_VERSION").to_string(),
            binary: std::env::current_exe().ok().and_then(|p| stamp_of(&p)),
            config,
            output: canonical_output(output),
            drafts: opts.drafts,
            base_url: opts.base_url.clone(),
        }
    }
}

/// The record of one good build.
#[derive(Debug, Serialize, Deserialize)]
pub struct Record {
    key: Key,
    /// Each job's first file and signature (`Renderer::plan`).
    plan: Vec<(String, u64)>,
    /// Static files: output path and the stamp of their source.
    statics: Vec<(String, Option<Stamp>)>,
    /// Every file of the output folder, sorted, with its stamp.
    files: Vec<(String, Stamp)>,
    pub pages: usize,
}

/// The output folder's canonical path, also before the first build made it
/// (its parent's, joined with its name): the record of `public`, `./public`
/// and `/site/public` is one record.
fn canonical_output(output: &Path) -> PathBuf {
    if let Ok(p) = std::fs::canonicalize(output) {
        return p;
    }
    match (output.parent(), output.file_name()) {
        (Some(parent), Some(name)) => {
            let parent = if parent.as_os_str().is_empty() {
                Path::new(".")
            } else {
                parent
            };
            std::fs::canonicalize(parent)
                .map(|p| p.join(name))
                .unwrap_or_else(|_| output.to_path_buf())
        }
        _ => output.to_path_buf(),
    }
}

/// One record per output folder (`--output` may differ between builds).
fn record_path(root: &Path, output: &Path) -> PathBuf {
    let output = canonical_output(output);
    let id = blake3::hash(output.as_os_str().as_encoded_bytes()).to_hex();
    root.join(".cache")
        .join("builds")
        .join(format!("{}.json", &id[..16]))
}

fn static_stamps(statics: &[StaticFile]) -> Vec<(String, Option<Stamp>)> {
    let mut v: Vec<_> = statics
        .iter()
        .map(|s| (s.rel.clone(), stamp_of(&s.source)))
        .collect();
    v.sort();
    v
}

/// Every file under `dir`, sorted by path, with its stamp; `None` if the
/// folder cannot be read whole.
fn output_files(dir: &Path) -> Option<Vec<(String, Stamp)>> {
    let mut files = Vec::new();
    for entry in WalkDir::new(dir).min_depth(1) {
        let entry = entry.ok()?;
        if entry.file_type().is_dir() {
            continue;
        }
        let rel = entry.path().strip_prefix(dir).ok()?;
        let rel = rel.to_str()?.replace(std::path::MAIN_SEPARATOR, "/");
        files.push((rel, stamp(&entry.metadata().ok()?)));
    }
    files.sort();
    Some(files)
}

impl Record {
    /// Record the build that just wrote `output`.
    pub fn new(
        key: Key,
        plan: Vec<(String, u64)>,
        statics: &[StaticFile],
        output: &Path,
        pages: usize,
    ) -> Option<Record> {
        Some(Record {
            key,
            plan,
            statics: static_stamps(statics),
            files: output_files(output)?,
            pages,
        })
    }

    pub fn load(root: &Path, output: &Path) -> Option<Record> {
        let bytes = std::fs::read(record_path(root, output)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Keep the record for the next build. A cache: failing to write it
    /// only costs the next build its shortcut.
    pub fn save(&self, root: &Path) {
        let path = record_path(root, &self.key.output);
        let Some(dir) = path.parent() else { return };
        let tmp = dir.join(format!(".tmp-{}", std::process::id()));
        let written = std::fs::create_dir_all(dir)
            .and_then(|_| serde_json::to_vec(self).map_err(std::io::Error::other))
            .and_then(|bytes| std::fs::write(&tmp, bytes))
            .and_then(|_| std::fs::rename(&tmp, &path));
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
            let _ = std::fs::remove_file(&path);
        }
    }

    /// Forget the last build (its output is about to be replaced).
    pub fn forget(root: &Path, output: &Path) {
        let _ = std::fs::remove_file(record_path(root, output));
    }

    /// Whether a build now would write exactly what `output` holds.
    pub fn is_current(
        &self,
        key: &Key,
        plan: &[(String, u64)],
        statics: &[StaticFile],
        output: &Path,
    ) -> bool {
        self.key == *key
            && self.plan == plan
            && self.statics == static_stamps(statics)
            && output_files(output).is_some_and(|files| files == self.files)
    }

    /// Whether every file `output` holds now is one this build wrote, as it
    /// wrote it: the folder is trangxa's even without its marker (an output
    /// made before outputs carried one).
    pub fn covers(&self, output: &Path) -> bool {
        let Some(files) = output_files(output) else {
            return false;
        };
        let mut recorded = self.files.iter().peekable();
        files.iter().all(|f| {
            while recorded.next_if(|r| *r < f).is_some() {}
            recorded.next_if(|r| *r == f).is_some()
        })
    }

    /// How many files the recorded output holds.
    pub fn file_count(&self) -> usize {
        self.files.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_output_has_one_record_before_and_after_it_exists() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("sub/../public");
        std::fs::create_dir_all(dir.path().join("sub")).unwrap();
        let before = record_path(dir.path(), &out);
        std::fs::create_dir_all(dir.path().join("public")).unwrap();
        assert_eq!(before, record_path(dir.path(), &dir.path().join("public")));
        assert_eq!(before, record_path(dir.path(), &out));
    }
}
