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
pub mod vi;
pub mod vocab;

use std::collections::BTreeSet;
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
    outputs: Vec<render::Output>,
    statics: Vec<output::StaticFile>,
    warnings: Vec<Diagnostic>,
}

/// LOAD → MODEL → RENDER, collecting every diagnostic on the way.
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
    let config = config::SiteConfig::load(&opts.root);
    let (content, load_diags) = content::load(&opts.root);
    diags.extend(load_diags);
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
    match site {
        Some(site) if !diags.iter().any(Diagnostic::is_error) => Ok((site, statics, diags)),
        _ => fail(diags),
    }
}

/// LOAD → MODEL → RENDER, collecting every diagnostic on the way.
fn generate(opts: &Options) -> Result<Generated, Vec<Diagnostic>> {
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
    let images = images::process(&opts.root, &site);
    diags.extend(images.diagnostics);
    if diags.iter().any(Diagnostic::is_error) {
        return fail(diags);
    }
    site.images = images.catalog;
    let mut statics = statics;
    statics.extend(images.files);
    match render::render(&site, &theme) {
        Ok((outputs, warnings)) => {
            diags.extend(warnings);
            let static_set: std::collections::HashSet<String> =
                statics.iter().map(|s| s.rel.clone()).collect();
            diags.extend(check::links(&site, &outputs, &static_set));
            diags.extend(check::staleness(&site));
            diags.extend(report::warnings(&site));
            if diags.iter().any(Diagnostic::is_error) {
                return fail(diags);
            }
            diagnostics::sort(&mut diags);
            Ok(Generated {
                site,
                outputs,
                statics,
                warnings: diags,
            })
        }
        Err(d) => {
            diags.extend(d);
            fail(diags)
        }
    }
}

fn count_pages(outputs: &[render::Output]) -> usize {
    outputs.iter().filter(|o| o.path.ends_with(".html")).count()
}

/// Build the site into the output folder. On error, the previous output is
/// left as it was and every diagnostic is returned.
pub fn build(opts: &Options) -> Result<Report, Vec<Diagnostic>> {
    let start = Instant::now();
    let g = generate(opts)?;
    let files =
        output::write(&opts.root, &opts.output_dir(), &g.outputs, &g.statics).map_err(|d| {
            let mut all = g.warnings.clone();
            all.push(d);
            all
        })?;
    Ok(Report {
        pages: count_pages(&g.outputs),
        files,
        diagnostics: g.warnings,
        elapsed: start.elapsed(),
    })
}

/// Everything `build` does except writing.
pub fn check(opts: &Options) -> Result<Report, Vec<Diagnostic>> {
    let start = Instant::now();
    let mut g = generate(opts)?;
    if let Some(timeout) = opts.external {
        let failures = check::external::links(&g.site, &g.outputs, timeout);
        if !failures.is_empty() {
            g.warnings.extend(failures);
            diagnostics::sort(&mut g.warnings);
            return Err(g.warnings);
        }
    }
    Ok(Report {
        pages: count_pages(&g.outputs),
        files: g.outputs.len() + g.statics.len(),
        diagnostics: g.warnings,
        elapsed: start.elapsed(),
    })
}

/// Render the site in memory (for tests and tools): path → bytes.
pub fn render_in_memory(opts: &Options) -> Result<Vec<render::Output>, Vec<Diagnostic>> {
    generate(opts).map(|g| g.outputs)
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
