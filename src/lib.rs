//! trangxa: a static site generator for the e-information page of a
//! Vietnamese commune.
//!
//! The pipeline, one module per stage:
//! `config` + `content` (LOAD) → `site` (MODEL) → `render` (RENDER) → `output` (WRITE).
//! `markdown`, `vi`, `vocab` and `theme` serve the stages; `diagnostics` is the
//! one error type they all report with; `scaffold` writes new content files;
//! `import` turns a spreadsheet of procedures into content files; `report`
//! computes a plan's quarterly communication report from the model.

pub mod config;
pub mod content;
pub mod diagnostics;
pub mod import;
pub mod markdown;
pub mod output;
pub mod render;
pub mod report;
pub mod scaffold;
pub mod site;
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
    outputs: Vec<render::Output>,
    statics: Vec<output::StaticFile>,
    warnings: Vec<Diagnostic>,
}

/// LOAD → MODEL: the site model, or every diagnostic that prevents it.
/// `extra` are problems found alongside (a broken theme) that also fail the run.
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
    };
    let (site, site_diags) = site::Site::build(config, content, &static_keys, &build_opts);
    diags.extend(site_diags);
    match site {
        Some(site) if !diags.iter().any(Diagnostic::is_error) => Ok((site, statics, diags)),
        _ => fail(diags),
    }
}

/// LOAD → MODEL → RENDER, collecting every diagnostic on the way.
fn generate(opts: &Options) -> Result<Generated, Vec<Diagnostic>> {
    // The theme is read first so its errors are reported with the content's.
    let theme_name = config::SiteConfig::load(&opts.root).map(|c| c.theme).ok();
    let (theme, theme_diags) = match theme_name.map(|t| theme::Theme::load(&opts.root, &t)) {
        Some(Ok(t)) => (Some(t), Vec::new()),
        Some(Err(d)) => (None, d),
        None => (None, Vec::new()),
    };
    let (site, statics, mut diags) = model(opts, theme_diags)?;
    let Some(theme) = theme else {
        diagnostics::sort(&mut diags);
        return Err(diags);
    };
    match render::render(&site, &theme) {
        Ok((outputs, warnings)) => {
            diags.extend(warnings);
            diags.extend(report::warnings(&site));
            diagnostics::sort(&mut diags);
            Ok(Generated {
                outputs,
                statics,
                warnings: diags,
            })
        }
        Err(d) => {
            diags.extend(d);
            diagnostics::sort(&mut diags);
            Err(diags)
        }
    }
}

/// The quarterly communication report of the site's plans, as text.
/// `plan` picks one plan (its key, `ke-hoach/2026/tuyen-truyen-cchc`),
/// `quarter` one quarter (`2026-Q2`; default: the one that contains "now").
pub fn report(
    opts: &Options,
    plan: Option<&str>,
    quarter: Option<&str>,
    format: report::format::Format,
) -> Result<String, Vec<Diagnostic>> {
    let (site, _, _) = model(opts, Vec::new())?;
    report::text(&site, plan, quarter, format).map_err(|d| vec![d])
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
    let g = generate(opts)?;
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
