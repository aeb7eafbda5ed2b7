//! What a run builds and how: the one set of options every command (`build`,
//! `check`, `report`, `serve`) hands to the pipeline.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};

/// What to build and how.
#[derive(Debug, Clone)]
pub struct Options {
    /// The site folder (holds `site.yaml`, `content/`, `themes/`, `static/`).
    pub root: PathBuf,
    /// Where `build` writes; relative paths are taken from `root`.
    pub output: PathBuf,
    pub drafts: bool,
    pub base_url: Option<String>,
    /// Check links to other sites too, with this timeout per request (`check --external`).
    pub external: Option<std::time::Duration>,
    /// "Now" for scheduled and expiring items; the real clock when `None`.
    pub now: Option<DateTime<FixedOffset>>,
    /// `--force`: `build` may use an existing empty output folder.
    pub force: bool,
    /// The language of what `build` prints while it runs (waiting for another build).
    pub lang: crate::diagnostics::Lang,
}

impl Options {
    pub fn new(root: impl Into<PathBuf>) -> Options {
        Options {
            root: root.into(),
            output: PathBuf::from("public"),
            drafts: false,
            base_url: None,
            external: None,
            now: None,
            force: false,
            lang: crate::diagnostics::Lang::Vi,
        }
    }

    /// The output folder, `output` taken from `root` when relative.
    pub fn output_dir(&self) -> PathBuf {
        if self.output.is_absolute() {
            self.output.clone()
        } else {
            self.root.join(&self.output)
        }
    }
}
