//! trangxa: a static site generator for the e-information page of a
//! Vietnamese commune.
//!
//! The pipeline, one module per stage, run by `pipeline` for every command:
//! `config` + `content` (LOAD) → `site` (MODEL) → `images` → `render` (RENDER)
//! → `check` (VERIFY) → `output` (WRITE). `markdown`, `vi`, `vocab` and
//! `theme` serve the stages; leaf modules (`html`, `paths`, `statics`,
//! `responsive`, `options`) hold what several stages share, so no stage
//! imports a later one (`tests/architecture.rs`); `diagnostics` is the one
//! error type they all report with; `scaffold` writes new content files; `import` turns a
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
pub mod html;
pub mod images;
pub mod import;
pub mod init;
pub mod markdown;
pub mod media;
pub mod options;
pub mod output;
pub mod paths;
pub mod pipeline;
pub mod render;
pub mod report;
pub mod responsive;
pub mod scaffold;
pub mod serve;
pub mod site;
pub mod statics;
pub mod summary;
pub mod theme;
pub mod timing;
pub mod vi;
pub mod vocab;

pub use options::Options;
pub use pipeline::{InMemory, Report, build, check, in_memory};

/// Render the site in memory (for tests and tools): its rendered files,
/// sorted by path.
pub fn render_in_memory(
    opts: &Options,
) -> Result<Vec<render::Output>, Vec<diagnostics::Diagnostic>> {
    pipeline::in_memory(opts).map(|m| m.files)
}

/// The communication report of a plan over a period (`trangxa report`), as
/// the bytes of `format`.
pub fn report(
    opts: &Options,
    plan: Option<&str>,
    period: &report::PeriodArgs,
    format: report::format::Format,
) -> Result<Vec<u8>, Vec<diagnostics::Diagnostic>> {
    pipeline::report(opts, plan, period, format)
}
