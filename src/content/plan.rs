//! Plan and campaign data (kế hoạch, chương trình, đề án;
//! `content/ke-hoach/<year>/<slug>.md`, content-model.md §6).
//!
//! A plan is a document: it is loaded as a `Document` whose plan fields are
//! filled. This module holds those fields' types; the checks that need only
//! the plan's own file (periods, item numbers, lead units present) are
//! `Document::validate_plan`, and those against other files (units, news
//! linking to activities) live in `site::plans`.

use serde::{Deserialize, Serialize};

use super::front_matter::Document as Source;
use super::types::Date;
use crate::vocab::{
    Cadence, Channel, Inherit, Metric, OutputKind, ParArea, Progress, ReportCadence, ReportWindow,
    TargetPer, TimeframeKind,
};

/// The front matter fields a plan adds to a document.
pub const PLAN_FIELDS: &[&str] = &[
    "year",
    "period",
    "parent_plan",
    "campaign_kind",
    "reporting",
    "targets",
    "activities",
    "appendix_title",
];

/// Thời gian thực hiện của cả kế hoạch hay chiến dịch.
#[derive(Debug, Clone, Copy, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub from: Date,
    pub to: Date,
}

/// Chế độ báo cáo.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Reporting {
    pub cadence: ReportCadence,
    #[serde(default = "calendar")]
    pub window: ReportWindow,
    #[serde(default)]
    pub recipients: Vec<String>,
    pub note: Option<String>,
}

fn calendar() -> ReportWindow {
    ReportWindow::Calendar
}

/// Chỉ tiêu.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub unit: Option<String>,
    pub metric: Metric,
    pub per: TargetPer,
    pub value: u32,
    pub par_area: Option<ParArea>,
    pub channel: Option<Channel>,
    /// The activity (item number) the target sets a number for: a `thuong_xuyen`
    /// activity with a target is judged đạt / chưa đạt against it.
    pub activity: Option<String>,
}

/// Thời gian thực hiện of one activity, with the signed wording kept verbatim.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Timeframe {
    pub kind: TimeframeKind,
    pub cadence: Option<Cadence>,
    pub times: Option<u32>,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub text: String,
}

impl Timeframe {
    /// How many items each cadence period asks for.
    pub fn times(&self) -> u32 {
        self.times.unwrap_or(1).max(1)
    }
}

/// One row of the appendix table.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    pub item_no: String,
    pub parent: Option<String>,
    pub task: String,
    #[serde(default)]
    pub lead_units: Vec<String>,
    pub lead_note: Option<String>,
    #[serde(default)]
    pub coordinating_units: Vec<String>,
    pub coordinating_note: Option<String>,
    pub timeframe: Option<Timeframe>,
    #[serde(default)]
    pub outputs: Vec<String>,
    #[serde(default)]
    pub output_kinds: Vec<OutputKind>,
    #[serde(default)]
    pub par_areas: Vec<ParArea>,
    #[serde(default)]
    pub inherit: Vec<Inherit>,
    pub progress: Option<Progress>,
    pub progress_note: Option<String>,
}

impl Activity {
    pub fn inherits(&self, what: Inherit) -> bool {
        self.inherit.contains(&what)
    }
}

/// Where a field of one activity is written: (line, column) in the file.
///
/// `Source::locate` only knows top-level keys; an activity's fields sit inside
/// the `activities:` list, after that activity's `item_no`.
pub fn locate_activity(
    doc: &Source,
    item_no: &str,
    field: &str,
    value: Option<&str>,
) -> (usize, usize) {
    let lines: Vec<&str> = doc.yaml.lines().collect();
    let Some(list) = lines.iter().position(|l| l.starts_with("activities:")) else {
        return doc.locate("activities", None);
    };
    let is_item = |l: &str| {
        let Some(pos) = l.find("item_no:") else {
            return false;
        };
        let rest = l[pos + "item_no:".len()..].trim_start();
        let rest = rest.trim_start_matches(['"', '\'']);
        rest.strip_prefix(item_no)
            .is_some_and(|r| r.starts_with(['"', '\'', ',', '}', ' ']) || r.is_empty())
    };
    let Some(start) = (list + 1..lines.len()).find(|&i| is_item(lines[i])) else {
        return doc.locate("activities", None);
    };
    // The activity runs to the next list entry or top-level key.
    let end = (start + 1..lines.len())
        .find(|&i| {
            let t = lines[i].trim_start();
            t.starts_with("- ") || (!lines[i].starts_with([' ', '\t']) && !t.is_empty())
        })
        .unwrap_or(lines.len());
    let key = format!("{field}:");
    for (i, line) in lines.iter().enumerate().take(end).skip(start) {
        // A `- ` list entry begins on its first line; skip its marker.
        let search = if i == start {
            line.find(['-', '{']).map_or(0, |p| p + 1)
        } else {
            0
        };
        let Some(kpos) = line[search..].find(&key).map(|p| p + search) else {
            continue;
        };
        let from = match value {
            Some(v) => line[kpos..].find(v).map(|p| p + kpos),
            None => Some(kpos),
        };
        if let Some(pos) = from {
            return (doc.yaml_line + i, line[..pos].chars().count() + 1);
        }
    }
    let col = lines[start].find("item_no").unwrap_or(0);
    (
        doc.yaml_line + start,
        lines[start][..col].chars().count() + 1,
    )
}
