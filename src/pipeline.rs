//! THE PIPELINE every command runs: LOAD → MODEL → IMAGES → plan the jobs →
//! RENDER into a sink → VERIFY (links, anchors, staleness, report warnings).
//!
//! `build` renders into a staging folder, `check` into nothing, `serve` into
//! memory; each calls the same stages here, so they report the same problems
//! (codes, severities, files, lines) and make the same bytes. What differs is
//! only what a caller keeps between runs, in `Caches`: a build starts with
//! empty ones; `serve` keeps them across rebuilds (rendered bodies, pictures,
//! the last model to patch, the link facts of every page) and decides itself
//! which jobs to render again (`serve::rebuild`).

use std::collections::{BTreeSet, HashSet};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, Utc};

use crate::body_cache::BodyCache;
use crate::check::{self, LinkIndex, PageLinks};
use crate::config::SiteConfig;
use crate::content::{self, Content};
use crate::diagnostics::{self, Diagnostic};
use crate::images;
use crate::options::Options;
use crate::render::{self, Job, Output, Renderer};
use crate::report as quarterly;
use crate::site::{BuildOptions, Site};
use crate::statics::{self, StaticFile};
use crate::theme::Theme;
use crate::{build_state, output, summary, timing, vi};

/// What a successful run did.
#[derive(Debug)]
pub struct Report {
    /// HTML pages generated.
    pub pages: usize,
    /// All files (pages, feeds, assets, static files, picture variants).
    pub files: usize,
    /// Warnings (a successful run has no errors).
    pub diagnostics: Vec<Diagnostic>,
    pub elapsed: Duration,
}

/// LOAD: what a run reads from the site folder.
pub struct Loaded {
    pub config: Result<SiteConfig, Vec<Diagnostic>>,
    /// Read once the configuration names it; `None` until then.
    pub theme: Option<Result<Theme, Vec<Diagnostic>>>,
    pub content: Content,
    /// The files of `static/`.
    pub statics: Vec<StaticFile>,
}

impl Loaded {
    /// Read the configuration, content and static files under `opts.root`,
    /// with the problems found (the theme is read by `load_theme`).
    pub fn read(opts: &Options) -> (Loaded, Vec<Diagnostic>) {
        let mut watch = timing::Stopwatch::start();
        let config = load_config(opts);
        let (content, mut diags) = content::load(&opts.root);
        watch.lap("load content");
        let (statics, static_diags) = statics::list_static(&opts.root);
        diags.extend(static_diags);
        let loaded = Loaded {
            config,
            theme: None,
            content,
            statics,
        };
        (loaded, diags)
    }

    /// Read the theme the configuration names, unless it is read already.
    pub fn load_theme(&mut self, opts: &Options) {
        if self.theme.is_none()
            && let Ok(config) = &self.config
        {
            self.theme = Some(Theme::load(&opts.root, &config.theme));
        }
    }
}

/// `site.yaml`, with `--base-url` applied.
pub fn load_config(opts: &Options) -> Result<SiteConfig, Vec<Diagnostic>> {
    let mut config = SiteConfig::load(&opts.root)?;
    if let Some(url) = &opts.base_url {
        config.set_base_url(url);
    }
    Ok(config)
}

/// LOAD → MODEL of the site as it would be with `text` at the content key
/// `key` (`tin-tuc/2026/11/bai`), drafts included, without writing it: how
/// the editor checks a form before it saves. Every diagnostic of the site,
/// or `Err` with site.yaml's when the site cannot be modelled at all.
pub fn check_edit(
    opts: &Options,
    key: &str,
    text: &str,
) -> Result<Vec<Diagnostic>, Vec<Diagnostic>> {
    let (mut loaded, _) = Loaded::read(opts);
    let config = loaded.config?;
    let mut diags = loaded.content.add_bytes(key, text.as_bytes().to_vec());
    if diags.iter().any(Diagnostic::is_error) {
        return Ok(diags);
    }
    let static_keys = loaded.statics.iter().map(|s| s.rel.clone()).collect();
    let build_opts = BuildOptions {
        drafts: true,
        now: now(opts),
        bodies: None,
    };
    let (_, site_diags) = Site::build(config, &loaded.content, &static_keys, &build_opts);
    diags.extend(site_diags);
    Ok(diags)
}

/// "Now" for a run: `--now`, or the clock.
pub fn now(opts: &Options) -> DateTime<FixedOffset> {
    opts.now
        .unwrap_or_else(|| Utc::now().with_timezone(&vi::tz()))
}

/// What a run may keep for the next one. A build uses empty caches.
#[derive(Default)]
pub struct Caches {
    /// Rendered Markdown bodies, by text.
    pub bodies: Option<Arc<BodyCache>>,
    /// The last model, to patch after an edit to an item's text.
    pub model: ModelCache,
    /// What the images stage made of each picture file.
    pub images: images::Memo,
    /// The link facts of every rendered page.
    pub links: LinkIndex,
}

/// The model as last built from content read without errors, to patch
/// after an edit (`Site::patch`), with its warnings and the time at which
/// the clock alone would change it (`patch::next_change`).
#[derive(Default)]
pub struct ModelCache {
    site: Option<Arc<Site>>,
    diags: Vec<Diagnostic>,
    next_change: Option<DateTime<FixedOffset>>,
    /// Keys of the files re-read since `site` was made; `None` when files
    /// appeared, went or failed to parse (the model is built again).
    edited: Option<BTreeSet<String>>,
}

impl ModelCache {
    /// A content file was read again: it had key `old`, now `new` (`None`:
    /// it did not parse, or is new or gone).
    pub fn reread(&mut self, old: Option<&str>, new: Option<&str>) {
        match (&mut self.edited, old, new) {
            (Some(edited), Some(old), Some(new)) if old == new => {
                edited.insert(old.to_string());
            }
            _ => self.edited = None,
        }
    }

    /// A content file appeared or went: the model must be built again.
    pub fn moved(&mut self) {
        self.edited = None;
    }

    /// The model for `content`: the last one patched with the edited files
    /// when `may_patch` and the edit allows it, else a new one. Returns
    /// whether it was patched.
    fn model(
        &mut self,
        config: &SiteConfig,
        content: &Content,
        static_keys: &BTreeSet<String>,
        opts: &BuildOptions,
        may_patch: bool,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<bool> {
        if may_patch {
            match self.patched(content, opts) {
                Some(Ok(())) => {
                    diags.extend(self.diags.iter().cloned());
                    return Some(true);
                }
                Some(Err(errors)) => {
                    diags.extend(self.diags.iter().cloned());
                    diags.extend(errors);
                    return None;
                }
                None => {}
            }
        }
        let (site, site_diags) = Site::build(config.clone(), content, static_keys, opts);
        let Some(site) = site else {
            diags.extend(site_diags);
            return None;
        };
        // The model is good for the files as read, whatever happens next.
        if let Some(old) = self.site.replace(Arc::new(site)) {
            // Freeing a large model takes milliseconds: not on the way to the browser.
            let _ = std::thread::Builder::new()
                .name("trangxa-free".into())
                .spawn(move || drop(old));
        }
        self.next_change = Some(crate::site::patch::next_change(content, opts.now));
        self.diags = site_diags.clone();
        self.edited = Some(BTreeSet::new());
        diags.extend(site_diags);
        Some(false)
    }

    /// The model patched with the files edited since it was made, when the
    /// edit allows it (`Site::patch`); `None` when it must be built again.
    fn patched(
        &mut self,
        content: &Content,
        opts: &BuildOptions,
    ) -> Option<Result<(), Vec<Diagnostic>>> {
        if opts.now >= self.next_change? {
            return None;
        }
        let keys: Vec<String> = self.edited.as_ref()?.iter().cloned().collect();
        let patch = match self
            .site
            .as_ref()?
            .patch(content, &keys, &self.diags, opts)?
        {
            Ok(p) => p,
            Err(e) => return Some(Err(e)),
        };
        // Patched in place unless the search index's thread still reads it.
        let mut site = self.site.take()?;
        Arc::make_mut(&mut site).apply(patch);
        self.site = Some(site);
        self.edited = Some(BTreeSet::new());
        Some(Ok(()))
    }

    /// Give the model its picture catalogue (copied only when the search
    /// thread still reads it and the catalogue changed).
    fn set_images(&mut self, catalog: crate::responsive::Catalog) -> Option<Arc<Site>> {
        let mut site = self.site.take()?;
        if site.images != catalog {
            Arc::make_mut(&mut site).images = catalog;
        }
        self.site = Some(site.clone());
        Some(site)
    }
}

/// A site ready to render: the model (with its images), and every warning
/// so far.
pub struct Prepared {
    pub site: Arc<Site>,
    /// The model is the last one patched (it has the same pages).
    pub patched: bool,
    /// The picture variants to publish beside the static files.
    pub images: Vec<StaticFile>,
    pub warnings: Vec<Diagnostic>,
}

/// Sort and return: the `Err` of a failed run.
fn fail<T>(mut diags: Vec<Diagnostic>) -> Result<T, Vec<Diagnostic>> {
    diagnostics::sort(&mut diags);
    Err(diags)
}

/// LOAD's problems (`diags`) → MODEL → IMAGES. `may_patch`: the caller
/// knows the last model still follows from the configuration, theme and
/// static files (only content files were read again).
pub fn prepare(
    opts: &Options,
    loaded: &Loaded,
    mut diags: Vec<Diagnostic>,
    caches: &mut Caches,
    may_patch: bool,
) -> Result<Prepared, Vec<Diagnostic>> {
    let config = match &loaded.config {
        Ok(c) => c,
        Err(d) => {
            diags.extend(d.iter().cloned());
            return fail(diags);
        }
    };
    // The theme's problems are reported with the content's.
    if let Some(Err(d)) = &loaded.theme {
        diags.extend(d.iter().cloned());
    }
    let mut watch = timing::Stopwatch::start();
    let static_keys: BTreeSet<String> = loaded.statics.iter().map(|s| s.rel.clone()).collect();
    let build_opts = BuildOptions {
        drafts: opts.drafts,
        now: now(opts),
        bodies: caches.bodies.clone(),
    };
    let patched = caches.model.model(
        config,
        &loaded.content,
        &static_keys,
        &build_opts,
        may_patch,
        &mut diags,
    );
    watch.lap("model");
    let (Some(patched), Some(Ok(_))) = (patched, &loaded.theme) else {
        return fail(diags);
    };
    if diags.iter().any(Diagnostic::is_error) {
        return fail(diags);
    }
    let Some(site) = caches.model.site.clone() else {
        return fail(diags);
    };
    let processed = images::process(&opts.root, &site, &loaded.statics, &caches.images);
    drop(site);
    diags.extend(processed.diagnostics);
    watch.lap("images");
    if diags.iter().any(Diagnostic::is_error) {
        return fail(diags);
    }
    let Some(site) = caches.model.set_images(processed.catalog) else {
        return fail(diags);
    };
    Ok(Prepared {
        site,
        patched,
        images: processed.files,
        warnings: diags,
    })
}

/// Two jobs writing the same file, or a job writing a file `static/` (or
/// the images stage) also has.
pub fn clashes(jobs: &[Job], statics: &[&[StaticFile]]) -> Vec<Diagnostic> {
    let mut errors = render::duplicate_outputs(jobs);
    let statics: HashSet<&str> = statics
        .iter()
        .flat_map(|s| s.iter().map(|f| f.rel.as_str()))
        .collect();
    for out in jobs.iter().flat_map(|j| j.outputs()) {
        if statics.contains(out.as_str()) {
            errors.push(Diagnostic::error(
                "E012",
                format!("tệp tĩnh `static/{out}` trùng đường dẫn với một trang của site"),
            ));
        }
    }
    errors
}

/// RENDER `jobs` in parallel, handing each file to `sink` as soon as it is
/// made (`build` writes it out, so a large site never sits in memory whole)
/// and taking its link facts for VERIFY. Returns what `sink` returned, by
/// path, and the link facts of the pages.
pub fn render<T: Send>(
    renderer: &Renderer,
    jobs: &[Job],
    links: &LinkIndex,
    sink: impl Fn(Output) -> Result<T, Diagnostic> + Sync,
) -> Result<(Vec<(String, T)>, Vec<PageLinks>), Vec<Diagnostic>> {
    let mut watch = timing::Stopwatch::start();
    let rendered = renderer.render_each(jobs, |o| {
        let facts = links.facts(&o.path, &o.bytes);
        sink(o).map(|t| (t, facts))
    })?;
    watch.lap("render");
    let mut out = Vec::with_capacity(rendered.len());
    let mut facts = Vec::new();
    for (path, (t, f)) in rendered {
        facts.extend(f);
        out.push((path, t));
    }
    Ok((out, facts))
}

/// VERIFY: the links and anchors of every page, and the warnings that come
/// from the model as a whole (not from one file). `exists` tells whether an
/// output file exists (rendered, static or a picture variant).
pub fn verify(
    site: &Site,
    statics: &[StaticFile],
    links: &mut LinkIndex,
    exists: &(dyn Fn(&str) -> bool + Sync),
) -> Vec<Diagnostic> {
    let mut watch = timing::Stopwatch::start();
    let mut diags = links.check(site, exists);
    watch.lap("check links");
    diags.extend(site_warnings(site, statics));
    watch.lap("staleness, report and staff warnings");
    diags
}

/// The warnings that come from the model as a whole (not from one file):
/// staleness, the report's, site.yaml's own, and what a reader would notice
/// (placeholders, unused or heavy files).
fn site_warnings(site: &Site, statics: &[StaticFile]) -> Vec<Diagnostic> {
    let mut diags = check::staleness(site);
    diags.extend(check::law::warnings(site));
    diags.extend(quarterly::warnings(site));
    diags.extend(site.config.warnings.iter().cloned());
    diags.extend(check::staff::warnings(site, statics));
    diags
}

/// How many of `files` are HTML pages.
fn count_pages<'a>(files: impl Iterator<Item = &'a String>) -> usize {
    files.filter(|f| f.ends_with(".html")).count()
}

/// A site with its jobs planned, ready to render: what a full run holds
/// between planning and rendering.
struct Planned<'a> {
    renderer: Renderer<'a>,
    jobs: Vec<Job>,
    site: &'a Arc<Site>,
    /// Static files and picture variants.
    statics: Vec<StaticFile>,
    links: LinkIndex,
    /// Every warning so far.
    diags: Vec<Diagnostic>,
}

/// LOAD → MODEL → IMAGES → plan every job, then `then`.
fn with_jobs<R>(
    opts: &Options,
    then: impl FnOnce(Planned) -> Result<R, Vec<Diagnostic>>,
) -> Result<R, Vec<Diagnostic>> {
    let (mut loaded, diags) = Loaded::read(opts);
    loaded.load_theme(opts);
    let mut caches = Caches::default();
    let p = prepare(opts, &loaded, diags, &mut caches, false)?;
    let Some(Ok(theme)) = &loaded.theme else {
        return fail(p.warnings);
    };
    let mut diags = p.warnings;
    let renderer = match Renderer::new(&p.site, theme) {
        Ok(r) => r,
        Err(d) => {
            diags.extend(d);
            return fail(diags);
        }
    };
    let jobs = renderer.jobs();
    let errors = clashes(&jobs, &[&loaded.statics, &p.images]);
    if !errors.is_empty() {
        diags.extend(errors);
        return fail(diags);
    }
    let mut statics = loaded.statics.clone();
    statics.extend(p.images);
    then(Planned {
        renderer,
        jobs,
        site: &p.site,
        statics,
        links: caches.links,
        diags,
    })
}

impl Planned<'_> {
    /// RENDER every job into `sink`, then VERIFY; every diagnostic, sorted,
    /// is in `self.diags` after. Returns what `sink` returned, by path.
    fn render_verify<T: Send>(
        &mut self,
        sink: impl Fn(Output) -> Result<T, Diagnostic> + Sync,
    ) -> Result<Vec<(String, T)>, Vec<Diagnostic>> {
        let rendered = match render(&self.renderer, &self.jobs, &self.links, sink) {
            Ok((r, facts)) => {
                self.links.insert(facts);
                r
            }
            Err(d) => {
                self.diags.extend(d);
                return fail(std::mem::take(&mut self.diags));
            }
        };
        let all: HashSet<&str> = rendered
            .iter()
            .map(|(p, _)| p.as_str())
            .chain(self.statics.iter().map(|s| s.rel.as_str()))
            .collect();
        let problems = verify(self.site, &self.statics, &mut self.links, &|f| {
            all.contains(f)
        });
        drop(all);
        self.diags.extend(problems);
        diagnostics::sort(&mut self.diags);
        if self.diags.iter().any(Diagnostic::is_error) {
            return Err(std::mem::take(&mut self.diags));
        }
        Ok(rendered)
    }

    fn report(&mut self, rendered: &[(String, impl Sized)], start: Instant) -> Report {
        Report {
            pages: count_pages(rendered.iter().map(|(p, _)| p)),
            files: rendered.len() + self.statics.len(),
            diagnostics: std::mem::take(&mut self.diags),
            elapsed: start.elapsed(),
        }
    }
}

/// Build the site into the output folder. On error, the previous output is
/// left as it was and every diagnostic is returned. When nothing changed
/// since the last build (see `build_state`), nothing is written.
pub fn build(opts: &Options) -> Result<Report, Vec<Diagnostic>> {
    let start = Instant::now();
    let output_dir = opts.output_dir();
    // Held until the build is recorded: see `output::OutputLock`.
    let lock = output::OutputLock::acquire(&opts.root, &output_dir, || {
        eprintln!("{}", summary::waiting(opts.lang, &output_dir));
    })
    .map_err(|d| vec![d])?;
    with_jobs(opts, |mut p| {
        let mut watch = timing::Stopwatch::start();
        let key = build_state::Key::new(opts, &output_dir);
        let plan = p.renderer.plan();
        let last = build_state::Record::load(&opts.root, &output_dir);
        let unchanged = last
            .as_ref()
            .filter(|r| r.is_current(&key, &plan, &p.statics, &output_dir));
        watch.lap("compare");
        if let Some(last) = unchanged {
            // Nothing to write; the model's own warnings still stand, and the
            // links were checked when these files were written.
            p.diags.extend(site_warnings(p.site, &p.statics));
            diagnostics::sort(&mut p.diags);
            images::prune(&opts.root, &p.site.images);
            return Ok(Report {
                pages: last.pages,
                files: last.file_count(),
                diagnostics: p.diags,
                elapsed: start.elapsed(),
            });
        }
        let replace = output::Replace {
            force: opts.force,
            recorded: last.as_ref().is_some_and(|r| r.covers(&output_dir)),
        };
        let staging =
            output::Staging::new(&opts.root, &output_dir, replace, &lock).map_err(|d| vec![d])?;
        let rendered = p.render_verify(|o| staging.write(&o))?;
        build_state::Record::forget(&opts.root, &output_dir);
        let mut watch = timing::Stopwatch::start();
        staging.finish(&p.statics).map_err(|d| {
            let mut all = p.diags.clone();
            all.push(d);
            all
        })?;
        watch.lap("statics, swap");
        let report = p.report(&rendered, start);
        if let Some(record) =
            build_state::Record::new(key, plan, &p.statics, &output_dir, report.pages)
        {
            // Every file written, and the marker: fewer means the output
            // was changed under the build, and is not recorded as current.
            let written = report.files + 1;
            if record.file_count() != written {
                let mut all = p.diags.clone();
                all.push(output::incomplete(
                    &output_dir,
                    written,
                    record.file_count(),
                ));
                return Err(all);
            }
            record.save(&opts.root);
        }
        images::prune(&opts.root, &p.site.images);
        watch.lap("record, prune images");
        Ok(report)
    })
}

/// Everything `build` does except writing.
pub fn check(opts: &Options) -> Result<Report, Vec<Diagnostic>> {
    let start = Instant::now();
    with_jobs(opts, |mut p| {
        let rendered = p.render_verify(|_| Ok(()))?;
        if let Some(timeout) = opts.external {
            let failures = check::external::links(p.site, &p.links, timeout);
            if !failures.is_empty() {
                p.diags.extend(failures);
                diagnostics::sort(&mut p.diags);
                return Err(p.diags);
            }
        }
        Ok(p.report(&rendered, start))
    })
}

/// A site rendered in memory (for tests and tools): what `build` would
/// write, without writing it.
#[derive(Debug)]
pub struct InMemory {
    /// Rendered files, sorted by path.
    pub files: Vec<Output>,
    /// Static files and picture variants, copied as they are.
    pub statics: Vec<StaticFile>,
    pub report: Report,
}

/// Render the site in memory: every file and the run's report.
pub fn in_memory(opts: &Options) -> Result<InMemory, Vec<Diagnostic>> {
    let start = Instant::now();
    with_jobs(opts, |mut p| {
        let rendered = p.render_verify(Ok)?;
        let report = p.report(&rendered, start);
        Ok(InMemory {
            files: rendered.into_iter().map(|(_, o)| o).collect(),
            statics: std::mem::take(&mut p.statics),
            report,
        })
    })
}

/// The communication report of a plan over a period (`trangxa report`), as
/// the bytes of `format`: LOAD → MODEL only.
pub fn report(
    opts: &Options,
    plan: Option<&str>,
    period: &quarterly::PeriodArgs,
    format: quarterly::format::Format,
) -> Result<Vec<u8>, Vec<Diagnostic>> {
    let (loaded, mut diags) = Loaded::read(opts);
    let config = match loaded.config {
        Ok(c) => c,
        Err(d) => {
            diags.extend(d);
            return fail(diags);
        }
    };
    let build_opts = BuildOptions {
        drafts: opts.drafts,
        now: now(opts),
        bodies: None,
    };
    let static_keys = loaded.statics.iter().map(|s| s.rel.clone()).collect();
    let (site, site_diags) = Site::build(config, &loaded.content, &static_keys, &build_opts);
    diags.extend(site_diags);
    match site {
        Some(site) if !diags.iter().any(Diagnostic::is_error) => {
            let reports = quarterly::reports(&site, plan, period).map_err(|d| vec![d])?;
            quarterly::format::render(&reports, format).map_err(|d| vec![d])
        }
        _ => fail(diags),
    }
}
