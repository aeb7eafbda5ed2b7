//! The site held in memory by `serve`, rebuilt incrementally.
//!
//! The `Rebuilder` keeps what the last build read (config, theme, every content
//! file, the static file list) and what it produced (files and job signatures).
//! After an edit it re-reads only the changed files (and rescans their folder,
//! since a file created right after its folder may bring no event of its own),
//! runs the pipeline (`crate::pipeline`: the same stages as `build`, with
//! caches kept across rebuilds: the model is patched, bodies and pictures
//! reused, link facts kept per page) and renders only the jobs whose
//! signature changed. What stays here is change tracking and job diffing.
//! The result is the same as a full build of the files on disk, files and
//! diagnostics both; `tests/serve_incremental.rs` checks that over random
//! edits. A failed build changes nothing: the last good site stays served.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::body_cache::BodyCache;
use crate::content::{self, Content};
use crate::diagnostics::{self, Diagnostic, Lang};
use crate::options::Options;
use crate::pipeline::{self, Caches, Loaded};
use crate::render::{self, Renderer};
use crate::site::Site;
use crate::statics::{self, StaticFile};

/// A file's bytes, shared between the rebuilder and the HTTP threads.
pub type Bytes = Arc<Vec<u8>>;

/// What a content file gave on its last read.
struct FileState {
    /// Content key when it parsed.
    key: Option<String>,
    diags: Vec<Diagnostic>,
    /// Modification time and size, to notice changes a folder rescan finds.
    stamp: Option<(SystemTime, u64)>,
}

/// A job as the last good build rendered it.
struct JobState {
    signature: u64,
    outputs: Vec<String>,
    /// The build that last listed it (jobs no longer listed are dropped).
    seen: u64,
}

/// What one successful rebuild changed.
#[derive(Debug, Default)]
pub struct Delta {
    /// Files rendered again (new or different), with their bytes.
    pub written: Vec<(String, Bytes)>,
    /// Files that no longer exist.
    pub removed: Vec<String>,
    /// How many jobs were rendered, of how many.
    pub jobs_rendered: usize,
    pub jobs_total: usize,
    /// The static files and picture variants, when they changed.
    pub statics: Option<Vec<StaticFile>>,
    /// Only theme stylesheets changed (the browser can swap them in place).
    pub css_only: bool,
    /// Warnings of the whole site after this build.
    pub warnings: Vec<Diagnostic>,
    pub elapsed: Duration,
}

/// Which inputs an edit touched.
#[derive(Debug, Default)]
struct Touched {
    config: bool,
    theme: bool,
    statics: bool,
    /// Content paths (files or folders, existing or gone).
    content: Vec<PathBuf>,
}
pub struct Rebuilder {
    opts: Options,
    /// The configuration, theme, content and static files as last read.
    loaded: Loaded,
    files: BTreeMap<PathBuf, FileState>,
    /// Errors from walking folders (an unreadable folder), by folder.
    walk_diags: BTreeMap<PathBuf, Vec<Diagnostic>>,
    static_diags: Vec<Diagnostic>,
    /// What the pipeline keeps between rebuilds: bodies, pictures, the last
    /// model (patched after an edit to an item's text), link facts.
    caches: Caches,
    /// The picture variants of the last good build (served from the image
    /// cache folder, like static files).
    images: Vec<StaticFile>,
    /// The static files and picture variants of the last good build.
    served_statics: Vec<StaticFile>,
    /// Their output paths, for the link check.
    static_set: std::collections::HashSet<String>,
    /// The output of the last good build.
    outputs: HashMap<String, Bytes>,
    /// Jobs of the last good build, by their first output.
    jobs: HashMap<String, JobState>,
    /// Counts good builds; marks the jobs each one saw.
    build_number: u64,
    /// The next build renders every job (first build, config changed).
    render_all: bool,
    /// Stylesheets as the last good build served them.
    css: BTreeMap<String, String>,
    /// A file was forgotten since the body cache was last trimmed.
    forgot: bool,
    /// The static file list changed since the last good build.
    statics_changed: bool,
    /// The search index as last built: its signature and files.
    search_signature: Option<u64>,
    search_files: Vec<String>,
    /// A good build whose search index is still to be built, with the
    /// index's signature (see `refresh_search`).
    search_pending: Option<(Arc<Site>, u64)>,
    /// The search index signature of the last good build.
    search_wanted: Option<u64>,
    /// The jobs of the last good build, while they still follow from the
    /// model and the theme: a patched model has the same pages.
    job_list: Option<Vec<render::Job>>,
    /// The outcome of the last build, as `build` reports it.
    last: Option<Outcome>,
}

/// The outcome of the last build: what the status endpoint reports.
#[derive(Debug, Clone)]
struct Outcome {
    ok: bool,
    diagnostics: Vec<Diagnostic>,
    elapsed: Duration,
}

/// The search index of one build, to be built on a thread of its own.
pub struct SearchJob {
    site: Arc<Site>,
    signature: u64,
}

/// A built search index (`SearchJob::run`).
#[derive(Debug)]
pub struct SearchBuilt {
    signature: u64,
    files: Vec<render::Output>,
    elapsed: Duration,
}

impl SearchJob {
    /// Build the index on one thread: the rebuilds that may start meanwhile
    /// keep the shared thread pool to themselves.
    pub fn run(self) -> SearchBuilt {
        let start = Instant::now();
        let one = rayon::ThreadPoolBuilder::new().num_threads(1).build();
        let files = match one {
            Ok(pool) => pool.install(|| render::search_index::outputs(&self.site)),
            Err(_) => render::search_index::outputs(&self.site),
        };
        let signature = self.signature;
        SearchBuilt {
            signature,
            files,
            elapsed: start.elapsed(),
        }
    }
}
impl Rebuilder {
    /// Read everything under `opts.root`; nothing is rendered until `rebuild`.
    pub fn new(opts: &Options) -> Rebuilder {
        let mut r = Rebuilder {
            opts: opts.clone(),
            loaded: Loaded {
                config: Err(Vec::new()),
                theme: None,
                content: Content::default(),
                statics: Vec::new(),
            },
            files: BTreeMap::new(),
            walk_diags: BTreeMap::new(),
            static_diags: Vec::new(),
            caches: Caches {
                bodies: Some(Arc::new(BodyCache::default())),
                ..Caches::default()
            },
            images: Vec::new(),
            served_statics: Vec::new(),
            static_set: Default::default(),
            outputs: HashMap::default(),
            jobs: HashMap::default(),
            build_number: 0,
            render_all: true,
            css: BTreeMap::new(),
            forgot: false,
            statics_changed: false,
            search_signature: None,
            search_files: Vec::new(),
            search_pending: None,
            search_wanted: None,
            job_list: None,
            last: None,
        };
        r.read_everything();
        r
    }

    /// The site's files as last built successfully: output path → bytes.
    pub fn outputs(&self) -> &HashMap<String, Bytes> {
        &self.outputs
    }

    /// The static files and picture variants of the last good build:
    /// output path → source.
    pub fn statics(&self) -> &[StaticFile] {
        &self.served_statics
    }

    /// The site folder.
    pub fn root(&self) -> &Path {
        &self.opts.root
    }

    /// The site path prefix (`/canhvinh`) of the current configuration.
    pub fn base_path(&self) -> String {
        self.loaded
            .config
            .as_ref()
            .map(|c| c.base_path())
            .unwrap_or_default()
    }

    fn read_everything(&mut self) {
        self.loaded.config = pipeline::load_config(&self.opts);
        self.loaded.theme = None;
        self.job_list = None;
        self.loaded.content = Content::default();
        self.files.clear();
        self.walk_diags.clear();
        let content_dir = self.opts.root.join("content");
        if content_dir.is_dir() {
            self.rescan(&content_dir, &HashSet::default());
        }
        self.read_statics();
        self.statics_changed = true;
        self.render_all = true;
    }

    fn read_statics(&mut self) -> bool {
        let (statics, diags) = statics::list_static(&self.opts.root);
        let changed = statics
            .iter()
            .map(|s| &s.rel)
            .ne(self.loaded.statics.iter().map(|s| &s.rel))
            || diags != self.static_diags;
        self.loaded.statics = statics;
        self.static_diags = diags;
        changed
    }

    /// Sort changed paths into the inputs they belong to; everything else
    /// (the output folder, editor files at the root) is ignored.
    fn classify(&self, changed: &[PathBuf]) -> Touched {
        let mut t = Touched::default();
        for path in changed {
            let Ok(rel) = path.strip_prefix(&self.opts.root) else {
                continue;
            };
            let mut parts = rel.components();
            match parts.next().map(|c| c.as_os_str().to_string_lossy()) {
                Some(first) if first == "site.yaml" => t.config = true,
                Some(first) if first == "themes" => t.theme = true,
                Some(first) if first == "static" => t.statics = true,
                Some(first) if first == "content" => t.content.push(path.clone()),
                _ => {}
            }
        }
        t
    }

    /// Re-read the files under `dir` (recursively) whose stamp changed or that
    /// are in `force`, forget those that are gone, and read the new ones.
    fn rescan(&mut self, dir: &Path, force: &HashSet<PathBuf>) {
        let (found, walk) = if dir.is_dir() {
            content::files_under(dir)
        } else {
            (Vec::new(), Vec::new())
        };
        self.walk_diags.retain(|d, _| !d.starts_with(dir));
        if !walk.is_empty() {
            self.walk_diags.insert(dir.to_path_buf(), walk);
        }
        let found_set: HashSet<&PathBuf> = found.iter().collect();
        let gone: Vec<PathBuf> = self
            .files
            .range(dir.to_path_buf()..)
            .take_while(|(p, _)| p.starts_with(dir))
            .filter(|(p, _)| !found_set.contains(p))
            .map(|(p, _)| p.clone())
            .collect();
        for p in gone {
            self.forget(&p);
            self.forgot = true;
            self.caches.model.moved();
        }
        let stale: Vec<(PathBuf, Option<(SystemTime, u64)>)> = found
            .into_iter()
            .map(|p| {
                let stamp = stamp_of(&p);
                (p, stamp)
            })
            .filter(|(p, stamp)| {
                force.contains(p)
                    || !self
                        .files
                        .get(p)
                        .is_some_and(|f| f.stamp.is_some() && f.stamp == *stamp)
            })
            .collect();
        // Parse in parallel (the first build reads every file this way).
        let root = &self.opts.root;
        let loaded: Vec<_> = stale
            .into_par_iter()
            .map(|(p, stamp)| {
                let (entry, diags) = content::load_file(root, &p);
                (p, stamp, entry, diags)
            })
            .collect();
        for (p, stamp, entry, diags) in loaded {
            let old_key = self.files.get(&p).and_then(|f| f.key.clone());
            self.forget(&p);
            let key = entry.as_ref().map(|e| e.key().to_string());
            // A file that failed to load is kept (for references to it), but
            // the model is built again, as for any file that changes kind.
            let broken = entry.as_ref().is_some_and(content::Entry::is_broken);
            let new_key = if broken { None } else { key.as_deref() };
            self.caches.model.reread(old_key.as_deref(), new_key);
            if let Some(e) = entry {
                self.loaded.content.insert(e);
            }
            self.files.insert(p, FileState { key, diags, stamp });
        }
    }

    fn forget(&mut self, path: &Path) {
        if let Some(old) = self.files.remove(path) {
            if let Some(key) = old.key {
                self.loaded.content.remove(&key);
            }
        }
    }

    /// Take in the changes to `changed` (paths anywhere under the root) and
    /// rebuild. On error the last good site is kept and every diagnostic returned.
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> Result<Delta, Vec<Diagnostic>> {
        let start = Instant::now();
        let touched = self.classify(changed);
        if touched.config {
            self.loaded.config = pipeline::load_config(&self.opts);
            self.render_all = true;
        }
        if touched.theme || touched.config {
            self.loaded.theme = None;
            self.job_list = None;
        }
        if touched.statics && self.read_statics() {
            self.statics_changed = true;
        }
        // Rescan the folder of each change (the nearest one still there),
        // re-reading the changed files themselves whatever their stamps say.
        let content_dir = self.opts.root.join("content");
        let nearest_dir = |path: &Path| {
            let mut dir = if path.is_dir() {
                path.to_path_buf()
            } else {
                path.parent()
                    .map(Path::to_path_buf)
                    .unwrap_or(content_dir.clone())
            };
            while !dir.is_dir() && dir.starts_with(&content_dir) && dir != content_dir {
                dir = dir
                    .parent()
                    .map(Path::to_path_buf)
                    .unwrap_or(content_dir.clone());
            }
            if dir.starts_with(&content_dir) {
                dir
            } else {
                content_dir.clone()
            }
        };
        let dirs: BTreeSet<PathBuf> = touched.content.iter().map(|p| nearest_dir(p)).collect();
        let force: HashSet<PathBuf> = touched.content.iter().cloned().collect();
        for dir in dirs
            .iter()
            .filter(|d| !dirs.iter().any(|o| o != *d && d.starts_with(o)))
        {
            self.rescan(dir, &force);
        }
        // Only stylesheets changed: pages differ only by the stylesheet's name.
        let css_only = touched.theme
            && !touched.config
            && !touched.statics
            && touched.content.is_empty()
            && changed
                .iter()
                .all(|p| p.extension().is_some_and(|e| e == "css"));
        let mut delta = self.build(start)?;
        delta.css_only = css_only;
        Ok(delta)
    }

    /// Read everything again (the watcher lost track, or a watched folder
    /// was replaced) and rebuild.
    pub fn rebuild_everything(&mut self) -> Result<Delta, Vec<Diagnostic>> {
        let start = Instant::now();
        self.read_everything();
        self.build(start)
    }
    /// What LOAD found: the problems of every file as last read.
    fn load_diags(&self) -> Vec<Diagnostic> {
        let mut diags: Vec<Diagnostic> = self
            .files
            .values()
            .flat_map(|f| f.diags.iter().cloned())
            .chain(self.walk_diags.values().flatten().cloned())
            .chain(self.static_diags.iter().cloned())
            .collect();
        diags.extend(content::missing_folder(&self.opts.root));
        diags
    }

    /// Run the pipeline over what was read; keep the outcome for `status`.
    fn build(&mut self, start: Instant) -> Result<Delta, Vec<Diagnostic>> {
        let result = self.run_pipeline(start);
        self.last = Some(match &result {
            Ok(delta) => Outcome {
                ok: true,
                diagnostics: delta.warnings.clone(),
                elapsed: delta.elapsed,
            },
            Err(diags) => Outcome {
                ok: false,
                diagnostics: diags.clone(),
                elapsed: start.elapsed(),
            },
        });
        result
    }

    fn run_pipeline(&mut self, start: Instant) -> Result<Delta, Vec<Diagnostic>> {
        let mut watch = crate::timing::Stopwatch::start();
        let fail = |mut d: Vec<Diagnostic>| {
            diagnostics::sort(&mut d);
            Err(d)
        };
        self.loaded.load_theme(&self.opts);
        watch.lap("serve: read");
        let may_patch = !self.render_all && !self.statics_changed;
        let p = pipeline::prepare(
            &self.opts,
            &self.loaded,
            self.load_diags(),
            &mut self.caches,
            may_patch,
        )?;
        watch.lap("serve: model, images");
        let (site, patched, mut diags) = (p.site, p.patched, p.warnings);
        if !patched {
            self.job_list = None;
        }
        let Some(Ok(theme)) = &self.loaded.theme else {
            return fail(diags);
        };
        let renderer = match Renderer::new(&site, theme) {
            Ok(r) => r,
            Err(d) => {
                diags.extend(d);
                return fail(diags);
            }
        };
        watch.lap("serve: renderer");
        let jobs = match self.job_list.take() {
            Some(jobs) if patched => jobs,
            _ => renderer.jobs_but_search(),
        };
        watch.lap("serve: list jobs");
        let (signatures, search_signature) = renderer.signatures(&jobs);
        watch.lap("serve: signatures");
        let (dirty, same_files) = self.diff(&jobs, &signatures);
        let images_changed = p.images.len() != self.images.len()
            || p.images
                .iter()
                .zip(&self.images)
                .any(|(a, b)| a.rel != b.rel || a.source != b.source);
        // Clashing paths can only appear when the set of files changes.
        let files_changed =
            !same_files || self.render_all || self.statics_changed || images_changed;
        if files_changed {
            let errors = pipeline::clashes(&jobs, &[&self.loaded.statics, &p.images]);
            if !errors.is_empty() {
                diags.extend(errors);
                return fail(diags);
            }
        }
        watch.lap("serve: compare");
        let links = &mut self.caches.links;
        let (rendered, facts) = match pipeline::render(&renderer, &dirty, links, Ok) {
            Ok(r) => r,
            Err(d) => {
                diags.extend(d);
                return fail(diags);
            }
        };
        watch.lap("serve: render");
        let css: BTreeMap<String, String> = theme
            .assets
            .iter()
            .filter(|(n, _)| n.ends_with(".css"))
            .map(|(n, a)| (n.clone(), a.out_path.clone()))
            .collect();
        drop(renderer);

        let new_statics = files_changed.then(|| {
            self.loaded
                .statics
                .iter()
                .chain(&p.images)
                .map(|s| s.rel.clone())
                .collect()
        });
        match self.verify(&site, &jobs, facts, new_statics.as_ref()) {
            Ok(warnings) => diags.extend(warnings),
            Err(errors) => {
                diags.extend(errors);
                return fail(diags);
            }
        }
        watch.lap("serve: verify");

        // Commit: from here on nothing fails.
        let mut delta = self.commit_jobs(&jobs, &signatures, same_files, rendered);
        delta.jobs_rendered = dirty.len();
        if let Some(set) = new_statics {
            self.static_set = set;
        }
        if std::mem::take(&mut self.statics_changed) || images_changed {
            self.images = p.images;
            self.served_statics = self
                .loaded
                .statics
                .iter()
                .chain(&self.images)
                .cloned()
                .collect();
            delta.statics = Some(self.served_statics.clone());
        }
        if std::mem::take(&mut self.forgot) {
            let keys: HashSet<&str> = self
                .files
                .values()
                .filter_map(|f| f.key.as_deref())
                .collect();
            if let Some(bodies) = &self.caches.bodies {
                bodies.retain(|k| keys.contains(k));
            }
        }
        diagnostics::sort(&mut diags);
        delta.warnings = diags;
        self.css = css;
        // The search index reads every item: building it on each edit would
        // keep the edited page from the browser for seconds on a large site.
        // The first build includes it; later ones leave it to `refresh_search`.
        let search_changed = self.search_signature != Some(search_signature);
        self.search_wanted = Some(search_signature);
        if self.search_signature.is_none() {
            self.search_pending = Some((site, search_signature));
            if let Some(search) = self.refresh_search() {
                delta.written.extend(search.written);
                delta.removed.extend(search.removed);
            }
        } else if search_changed || self.render_all {
            self.search_pending = Some((site, search_signature));
        } else {
            self.search_pending = None;
        }
        self.render_all = false;
        self.job_list = Some(jobs);
        // Freeing thousands of jobs takes milliseconds: not on the way to the browser.
        let _ = std::thread::Builder::new()
            .name("trangxa-free".into())
            .spawn(move || drop((dirty, signatures)));
        watch.lap("serve: commit");
        delta.elapsed = start.elapsed();
        Ok(delta)
    }

    /// Compare `jobs` with the last good build: a job is rendered when it is
    /// new or its signature or files changed. Also whether the jobs write
    /// the same files as then.
    fn diff(&self, jobs: &[render::Job], signatures: &[u64]) -> (Vec<render::Job>, bool) {
        let mut same_files = jobs.len() == self.jobs.len();
        let mut dirty: Vec<render::Job> = Vec::new();
        for (job, sig) in jobs.iter().zip(signatures) {
            match self.jobs.get(&job.outputs()[0]) {
                Some(old) if old.outputs.as_slice() == job.outputs() => {
                    if self.render_all || old.signature != *sig {
                        dirty.push(job.clone());
                    }
                }
                _ => {
                    same_files = false;
                    dirty.push(job.clone());
                }
            }
        }
        (dirty, same_files)
    }

    /// VERIFY the site as it will be after this build: the link facts of
    /// the pages just rendered (`facts`) replace theirs, and links are
    /// judged against the files of `jobs` and `statics` when the set of
    /// files changed (`Some`), else against those served. On an error the
    /// link facts of the last good site are put back.
    fn verify(
        &mut self,
        site: &Site,
        jobs: &[render::Job],
        facts: Vec<crate::check::PageLinks>,
        statics: Option<&std::collections::HashSet<String>>,
    ) -> Result<Vec<Diagnostic>, Vec<Diagnostic>> {
        let job_files: Option<HashSet<&str>> = statics.is_some().then(|| {
            jobs.iter()
                .flat_map(|j| j.outputs().iter().map(String::as_str))
                .chain(self.search_files.iter().map(String::as_str))
                .collect()
        });
        let statics_now = statics.unwrap_or(&self.static_set);
        let outputs = &self.outputs;
        let exists = |f: &str| {
            statics_now.contains(f)
                || match &job_files {
                    Some(files) => files.contains(f),
                    None => outputs.contains_key(f),
                }
        };
        let links = &mut self.caches.links;
        if statics.is_some() {
            links.files_changed();
        }
        let gone: Vec<String> = match &job_files {
            Some(files) => outputs
                .keys()
                .filter(|f| !files.contains(f.as_str()))
                .cloned()
                .collect(),
            None => Vec::new(),
        };
        let undo = links.replace(facts, &gone);
        let problems = pipeline::verify(site, &self.loaded.statics, links, &exists);
        if problems.iter().any(Diagnostic::is_error) {
            // The last good site stays, and so do its link facts.
            links.restore(undo);
            if statics.is_some() {
                links.files_changed();
            }
            return Err(problems);
        }
        Ok(problems)
    }

    /// Record the jobs of a good build and take in what it rendered; the
    /// files written and removed.
    fn commit_jobs(
        &mut self,
        jobs: &[render::Job],
        signatures: &[u64],
        same_files: bool,
        rendered: Vec<(String, render::Output)>,
    ) -> Delta {
        let mut delta = Delta {
            jobs_total: jobs.len(),
            ..Delta::default()
        };
        self.build_number += 1;
        let mark = self.build_number;
        let mut maybe_removed: Vec<String> = Vec::new();
        for (job, sig) in jobs.iter().zip(signatures) {
            let key = &job.outputs()[0];
            match self.jobs.get_mut(key) {
                Some(entry) => {
                    if entry.outputs.as_slice() != job.outputs() {
                        maybe_removed.extend(entry.outputs.iter().cloned());
                        entry.outputs = job.outputs().to_vec();
                    }
                    entry.signature = *sig;
                    entry.seen = mark;
                }
                None => {
                    let entry = JobState {
                        signature: *sig,
                        outputs: job.outputs().to_vec(),
                        seen: mark,
                    };
                    self.jobs.insert(key.clone(), entry);
                }
            }
        }
        if !same_files {
            self.jobs.retain(|_, e| {
                if e.seen != mark {
                    maybe_removed.append(&mut e.outputs);
                }
                e.seen == mark
            });
        }
        for (_, out) in rendered {
            take_in(&mut self.outputs, out, &mut delta);
        }
        if !maybe_removed.is_empty() {
            let still: HashSet<&str> = jobs
                .iter()
                .flat_map(|j| j.outputs().iter().map(String::as_str))
                .collect();
            for path in maybe_removed {
                if !still.contains(path.as_str()) && self.outputs.remove(&path).is_some() {
                    delta.removed.push(path);
                }
            }
        }
        delta
    }

    /// What `build --format json` prints for the site as it is now: the
    /// outcome of the last build, with the counts of the site served.
    pub fn status(&self, lang: Lang) -> serde_json::Value {
        let Some(last) = &self.last else {
            return crate::summary::json(false, None, &[], lang);
        };
        let counts = last.ok.then(|| crate::summary::Counts {
            pages: self.outputs.keys().filter(|f| f.ends_with(".html")).count(),
            files: self.outputs.len() + self.served_statics.len(),
            elapsed: last.elapsed,
        });
        crate::summary::json(last.ok, counts, &last.diagnostics, lang)
    }

    pub fn search_pending(&self) -> bool {
        self.search_pending.is_some()
    }

    /// Build the search index of the last good build, if it is pending, and
    /// return the files that changed (`serve` does the same in the background
    /// with `take_search_job` and `apply_search`).
    pub fn refresh_search(&mut self) -> Option<Delta> {
        let job = self.take_search_job()?;
        self.apply_search(job.run())
    }

    /// The pending search index, to build away from the rebuilds.
    pub fn take_search_job(&mut self) -> Option<SearchJob> {
        let (site, signature) = self.search_pending.take()?;
        Some(SearchJob { site, signature })
    }

    /// Take in a search index built by a `SearchJob`, unless a later build
    /// has made it stale; the files that changed.
    pub fn apply_search(&mut self, built: SearchBuilt) -> Option<Delta> {
        if self.search_wanted != Some(built.signature) {
            return None;
        }
        let mut delta = Delta {
            jobs_rendered: 1,
            jobs_total: 1,
            elapsed: built.elapsed,
            ..Delta::default()
        };
        let now: HashSet<&str> = built.files.iter().map(|o| o.path.as_str()).collect();
        for old in &self.search_files {
            if !now.contains(old.as_str()) && self.outputs.remove(old).is_some() {
                delta.removed.push(old.clone());
            }
        }
        let files: Vec<String> = built.files.iter().map(|o| o.path.clone()).collect();
        if files != self.search_files {
            // Links are judged against the files that exist.
            self.caches.links.files_changed();
        }
        self.search_files = files;
        for out in built.files {
            take_in(&mut self.outputs, out, &mut delta);
        }
        self.search_signature = Some(built.signature);
        Some(delta)
    }

    /// The stylesheets of the last good build: theme name → output path.
    pub fn stylesheets(&self) -> &BTreeMap<String, String> {
        &self.css
    }
}

/// Keep a rendered file in `outputs`, and list it in `delta` if it is new
/// or different.
fn take_in(outputs: &mut HashMap<String, Bytes>, out: render::Output, delta: &mut Delta) {
    let same = outputs.get(&out.path).is_some_and(|old| **old == out.bytes);
    if !same {
        let bytes = Arc::new(out.bytes);
        outputs.insert(out.path.clone(), bytes.clone());
        delta.written.push((out.path, bytes));
    }
}

fn stamp_of(path: &Path) -> Option<(SystemTime, u64)> {
    let m = std::fs::symlink_metadata(path).ok()?;
    Some((m.modified().ok()?, m.len()))
}
