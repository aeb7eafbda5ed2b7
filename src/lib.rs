//! trangxa: a static site generator for the e-information page of a
//! Vietnamese commune.
//!
//! The pipeline, one module per stage:
//! `config` + `content` (LOAD) → `site` (MODEL) → `images` → `render` (RENDER)
//! → `output` (WRITE). `markdown`, `vi`, `vocab` and `theme` serve the stages;
//! `diagnostics` is the one error type they all report with; `check` checks the
//! rendered site; `scaffold` writes new content files; `import` turns a
//! spreadsheet of procedures into content files; `serve` is the live preview
//! (incremental rebuilds into memory, over HTTP); `report` computes a plan's
//! quarterly communication report from the model; `summary` words what the
//! commands print about a run, in Vietnamese or English (`--lang`).

pub mod body_cache;
pub mod build_state;
pub mod check;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod images;
pub mod import;
pub mod markdown;
pub mod media;
pub mod output;
pub mod render;
pub mod report;
pub mod scaffold;
pub mod serve;
pub mod site;
pub mod summary;
pub mod theme;
pub mod timing;
pub mod vi;
pub mod vocab;

use std::collections::{BTreeSet, HashSet};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, Utc};

use diagnostics::Diagnostic;

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
        }
    }

    fn output_dir(&self) -> PathBuf {
        if self.output.is_absolute() {
            self.output.clone()
        } else {
            self.root.join(&self.output)
        }
    }
}

/// What a successful run did.
#[derive(Debug)]
pub struct Report {
    /// HTML pages generated.
    pub pages: usize,
    /// All files (pages, feeds, assets, static files).
    pub files: usize,
    /// Warnings (a successful run has no errors).
    pub diagnostics: Vec<Diagnostic>,
    pub elapsed: Duration,
}

struct Generated {
    site: site::Site,
    /// Paths of every rendered file, sorted.
    files: Vec<String>,
    /// Anchors and links of every rendered page.
    pages: Vec<check::PageLinks>,
    statics: Vec<output::StaticFile>,
    warnings: Vec<Diagnostic>,
}

/// LOAD → MODEL: the site model and its static files, with every diagnostic
/// so far; the theme's problems (`extra`) are reported with the content's.
fn model(
    opts: &Options,
    mut extra: Vec<Diagnostic>,
) -> Result<(site::Site, Vec<output::StaticFile>, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let fail = |mut d: Vec<Diagnostic>| {
        diagnostics::sort(&mut d);
        Err(d)
    };
    let mut watch = timing::Stopwatch::start();
    let config = config::SiteConfig::load(&opts.root);
    let (content, load_diags) = content::load(&opts.root);
    diags.extend(load_diags);
    watch.lap("load content");
    let (statics, static_diags) = output::list_static(&opts.root);
    diags.extend(static_diags);
    diags.append(&mut extra);
    let mut config = match config {
        Ok(c) => c,
        Err(d) => {
            diags.extend(d);
            return fail(diags);
        }
    };
    if let Some(url) = &opts.base_url {
        config.set_base_url(url);
    }
    let now = opts
        .now
        .unwrap_or_else(|| Utc::now().with_timezone(&vi::tz()));
    let static_keys: BTreeSet<String> = statics.iter().map(|s| s.rel.clone()).collect();
    let build_opts = site::BuildOptions {
        drafts: opts.drafts,
        now,
        bodies: None,
    };
    let (site, site_diags) = site::Site::build(config, &content, &static_keys, &build_opts);
    diags.extend(site_diags);
    watch.lap("model");
    match site {
        Some(site) if !diags.iter().any(Diagnostic::is_error) => Ok((site, statics, diags)),
        _ => fail(diags),
    }
}

/// A site ready to render: the model (with its images), the theme, the
/// static files, and every warning so far.
struct Prepared {
    site: site::Site,
    theme: theme::Theme,
    statics: Vec<output::StaticFile>,
    warnings: Vec<Diagnostic>,
}

/// LOAD → MODEL, and the images; the theme's problems are reported with the
/// content's.
fn prepare(opts: &Options) -> Result<Prepared, Vec<Diagnostic>> {
    let fail = |mut d: Vec<Diagnostic>| {
        diagnostics::sort(&mut d);
        Err(d)
    };
    // The theme is read first so its errors are reported with the content's.
    let theme_name = config::SiteConfig::load(&opts.root).map(|c| c.theme).ok();
    let (theme, theme_diags) = match theme_name.map(|t| theme::Theme::load(&opts.root, &t)) {
        Some(Ok(t)) => (Some(t), Vec::new()),
        Some(Err(d)) => (None, d),
        None => (None, Vec::new()),
    };
    let (site, statics, mut diags) = model(opts, theme_diags)?;
    let (mut site, Some(theme)) = (site, theme) else {
        return fail(diags);
    };
    if diags.iter().any(Diagnostic::is_error) {
        return fail(diags);
    }
    let mut watch = timing::Stopwatch::start();
    let images = images::process(&opts.root, &site, &statics);
    diags.extend(images.diagnostics);
    watch.lap("images");
    if diags.iter().any(Diagnostic::is_error) {
        return fail(diags);
    }
    site.images = images.catalog;
    let mut statics = statics;
    statics.extend(images.files);
    Ok(Prepared {
        site,
        theme,
        statics,
        warnings: diags,
    })
}

/// The warnings that come from the model as a whole (not from one file).
fn site_warnings(site: &site::Site) -> Vec<Diagnostic> {
    let mut diags = check::staleness(site);
    diags.extend(check::law::warnings(site));
    diags.extend(report::warnings(site));
    diags
}

/// LOAD → MODEL → RENDER, collecting every diagnostic on the way.
fn generate(
    opts: &Options,
    sink: impl Fn(&render::Output) -> Result<(), Diagnostic> + Sync,
) -> Result<Generated, Vec<Diagnostic>> {
    let p = prepare(opts)?;
    let renderer = render::Renderer::new(&p.site, &p.theme);
    let rendered = renderer.and_then(|r| render_checked(&r, &p.statics, sink));
    finish_generate(p, rendered)
}

/// What `render_checked` found, before it is joined with the model.
struct Checked {
    files: Vec<String>,
    pages: Vec<check::PageLinks>,
    errors: Vec<Diagnostic>,
}

/// RENDER, handing each file to `sink` as soon as it is made (`build` writes
/// it into its staging folder, so the whole site is never held in memory),
/// then check the links of what was rendered.
fn render_checked(
    renderer: &render::Renderer,
    statics: &[output::StaticFile],
    sink: impl Fn(&render::Output) -> Result<(), Diagnostic> + Sync,
) -> Result<Checked, Vec<Diagnostic>> {
    let mut watch = timing::Stopwatch::start();
    let strings = check::Interner::default();
    let rendered = renderer.render_site(|o| {
        sink(&o)?;
        Ok(check::page_links(&o.path, &o.bytes, &strings))
    })?;
    watch.lap("render");
    let mut files = Vec::with_capacity(rendered.len());
    let mut pages = Vec::new();
    for (path, links) in rendered {
        files.push(path);
        pages.extend(links);
    }
    let static_set: HashSet<String> = statics.iter().map(|s| s.rel.clone()).collect();
    let file_set: HashSet<String> = files.iter().cloned().collect();
    let errors = check::links(renderer.site(), &pages, &file_set, &static_set);
    watch.lap("check links");
    Ok(Checked {
        files,
        pages,
        errors,
    })
}

fn finish_generate(
    p: Prepared,
    rendered: Result<Checked, Vec<Diagnostic>>,
) -> Result<Generated, Vec<Diagnostic>> {
    let mut diags = p.warnings;
    let checked = match rendered {
        Ok(c) => c,
        Err(d) => {
            diags.extend(d);
            diagnostics::sort(&mut diags);
            return Err(diags);
        }
    };
    diags.extend(checked.errors);
    diags.extend(site_warnings(&p.site));
    diagnostics::sort(&mut diags);
    if diags.iter().any(Diagnostic::is_error) {
        return Err(diags);
    }
    Ok(Generated {
        site: p.site,
        files: checked.files,
        pages: checked.pages,
        statics: p.statics,
        warnings: diags,
    })
}

fn count_pages(files: &[String]) -> usize {
    files.iter().filter(|f| f.ends_with(".html")).count()
}

/// Build the site into the output folder. On error, the previous output is
/// left as it was and every diagnostic is returned. When nothing changed
/// since the last build (see `build_state`), nothing is written.
pub fn build(opts: &Options) -> Result<Report, Vec<Diagnostic>> {
    let start = Instant::now();
    let output_dir = opts.output_dir();
    let p = prepare(opts)?;
    let renderer = render::Renderer::new(&p.site, &p.theme).map_err(|mut d| {
        d.extend(p.warnings.iter().cloned());
        diagnostics::sort(&mut d);
        d
    })?;
    let mut watch = timing::Stopwatch::start();
    let key = build_state::Key::new(opts, &output_dir);
    let plan = renderer.plan();
    let last = build_state::Record::load(&opts.root, &output_dir);
    let unchanged = last
        .as_ref()
        .filter(|r| r.is_current(&key, &plan, &p.statics, &output_dir));
    watch.lap("compare");
    if let Some(last) = unchanged {
        let mut warnings = p.warnings.clone();
        warnings.extend(site_warnings(&p.site));
        diagnostics::sort(&mut warnings);
        images::prune(&opts.root, &p.site.images);
        return Ok(Report {
            pages: last.pages,
            files: last.file_count(),
            diagnostics: warnings,
            elapsed: start.elapsed(),
        });
    }
    let staging = output::Staging::new(&opts.root, &output_dir).map_err(|d| vec![d])?;
    let rendered = render_checked(&renderer, &p.statics, |o| staging.write(o));
    drop(renderer);
    let g = finish_generate(p, rendered)?;
    build_state::Record::forget(&opts.root, &output_dir);
    let mut watch = timing::Stopwatch::start();
    staging.finish(&g.statics).map_err(|d| {
        let mut all = g.warnings.clone();
        all.push(d);
        all
    })?;
    watch.lap("statics, swap");
    let pages = count_pages(&g.files);
    if let Some(record) = build_state::Record::new(key, plan, &g.statics, &output_dir, pages) {
        record.save(&opts.root);
    }
    images::prune(&opts.root, &g.site.images);
    watch.lap("record, prune images");
    Ok(Report {
        pages,
        files: g.files.len() + g.statics.len(),
        diagnostics: g.warnings,
        elapsed: start.elapsed(),
    })
}

/// Everything `build` does except writing.
pub fn check(opts: &Options) -> Result<Report, Vec<Diagnostic>> {
    let start = Instant::now();
    let mut g = generate(opts, |_| Ok(()))?;
    if let Some(timeout) = opts.external {
        let failures = check::external::links(&g.site, &g.pages, timeout);
        if !failures.is_empty() {
            g.warnings.extend(failures);
            diagnostics::sort(&mut g.warnings);
            return Err(g.warnings);
        }
    }
    Ok(Report {
        pages: count_pages(&g.files),
        files: g.files.len() + g.statics.len(),
        diagnostics: g.warnings,
        elapsed: start.elapsed(),
    })
}

/// Render the site in memory (for tests and tools): path → bytes.
pub fn render_in_memory(opts: &Options) -> Result<Vec<render::Output>, Vec<Diagnostic>> {
    let files = std::sync::Mutex::new(Vec::new());
    generate(opts, |o| {
        if let Ok(mut f) = files.lock() {
            f.push(o.clone());
        }
        Ok(())
    })?;
    let mut files = files.into_inner().unwrap_or_default();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// The quarterly communication report of a plan (`trangxa report`).
pub fn report(
    opts: &Options,
    plan: Option<&str>,
    quarter: Option<&str>,
    format: report::format::Format,
) -> Result<String, Vec<Diagnostic>> {
    let (site, _, _) = model(opts, Vec::new())?;
    report::text(&site, plan, quarter, format).map_err(|d| vec![d])
}
