//! Plan and campaign data (kế hoạch, chương trình, đề án;
//! `content/ke-hoach/<year>/<slug>.md`, content-model.md §6).
//!
//! A plan is a document: it is loaded as a `Document` whose plan fields are
//! filled. This module holds those fields' types and the checks that need only
//! the plan's own file (periods, item numbers, lead units present). Checks
//! against other files (units, news linking to activities) live in
//! `site::plans`.

use serde::{Deserialize, Serialize};

use super::document::Document;
use super::front_matter::Document as Source;
use super::types::Date;
use crate::diagnostics::{Diagnostic, closest};
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

impl Document {
    /// Whether the front matter carries any plan field.
    pub fn has_plan_fields(&self) -> bool {
        self.year.is_some()
            || self.period.is_some()
            || self.parent_plan.is_some()
            || self.campaign_kind.is_some()
            || self.reporting.is_some()
            || !self.targets.is_empty()
            || !self.activities.is_empty()
            || self.appendix_title.is_some()
    }

    /// Checks of a plan that need only its file.
    pub fn validate_plan(&self, doc: &Source) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let err = |code: &'static str, (line, col): (usize, usize), field: &str, msg: String| {
            Diagnostic::error(code, msg)
                .at(doc.text, line, col)
                .field(field)
        };
        use crate::vocab::DocType;
        if !matches!(
            self.doc_type,
            DocType::KeHoach | DocType::ChuongTrinh | DocType::DeAn
        ) {
            out.push(
                err("E080", doc.locate("doc_type", None), "doc_type",
                    format!("tệp trong content/ke-hoach/ phải là kế hoạch, chương trình hoặc đề án, không phải `{}`", self.doc_type.id()))
                    .hint("viết `doc_type: ke_hoach` (hoặc chuong_trinh, de_an); văn bản khác đặt trong content/van-ban/"),
            );
        }
        for (field, missing) in [
            ("year", self.year.is_none()),
            ("campaign_kind", self.campaign_kind.is_none()),
        ] {
            if missing {
                out.push(
                    err("E006", doc.locate(field, None), field, format!("kế hoạch phải có trường `{field}`"))
                        .hint(if field == "year" {
                            "ví dụ `year: 2026` (năm thực hiện)"
                        } else {
                            "ví dụ `campaign_kind: tuyen_truyen` (tuyen_truyen, cai_cach_hanh_chinh, chuyen_doi_so, khac)"
                        }),
                );
            }
        }
        if let Some(p) = &self.period
            && p.to < p.from
        {
            out.push(
                    err("E081", doc.locate("period", None), "period",
                        format!("thời gian thực hiện kết thúc ({}) trước khi bắt đầu ({})",
                            p.to.0.format("%d/%m/%Y"), p.from.0.format("%d/%m/%Y")))
                        .hint("kiểm tra lại `period: {from: …, to: …}`: `from` là ngày bắt đầu, `to` là ngày kết thúc"),
                );
        }
        let numbers: Vec<&str> = self.activities.iter().map(|a| a.item_no.trim()).collect();
        for (i, a) in self.activities.iter().enumerate() {
            let no = a.item_no.trim();
            let at = |field: &str, value: Option<&str>| locate_activity(doc, no, field, value);
            if no.is_empty() {
                out.push(
                    err(
                        "E006",
                        doc.locate("activities", None),
                        "activities",
                        "hoạt động thiếu số thứ tự `item_no`".into(),
                    )
                    .hint("ví dụ `item_no: \"4.2\"` (đặt trong dấu nháy)"),
                );
                continue;
            }
            if numbers[..i].contains(&no) {
                out.push(
                    err(
                        "E082",
                        at("item_no", None),
                        "activities",
                        format!("số thứ tự `{no}` bị trùng trong danh mục hoạt động"),
                    )
                    .hint("mỗi hoạt động một số thứ tự riêng, ví dụ 4.1, 4.2, 4.3"),
                );
            }
            if let Some(parent) = a.parent.as_deref().map(str::trim) {
                if parent == no || !numbers.contains(&parent) {
                    let hint = match closest(parent, numbers.iter().copied().filter(|n| *n != no)) {
                        Some(c) => format!("có phải bạn muốn viết `parent: \"{c}\"`?"),
                        None => format!("các số thứ tự có trong kế hoạch: {}", numbers.join(", ")),
                    };
                    out.push(
                        err("E083", at("parent", Some(parent)), "activities",
                            format!("hoạt động {no} thuộc mục `{parent}` nhưng kế hoạch không có mục này"))
                            .hint(hint),
                    );
                }
            } else if !a.inherit.is_empty() {
                out.push(
                    err("E083", at("inherit", None), "activities",
                        format!("hoạt động {no} dùng chung ô với mục cha (`inherit`) nhưng không ghi `parent`"))
                        .hint(format!("thêm `parent: \"{}\"`", no.rsplit_once('.').map_or(no, |(p, _)| p))),
                );
            }
            if a.lead_units.is_empty() && a.lead_note.as_deref().is_none_or(|n| n.trim().is_empty())
            {
                out.push(
                    err("E084", at("item_no", None), "activities",
                        format!("hoạt động {no} chưa có cơ quan chủ trì"))
                        .hint("thêm `lead_units: [mã đơn vị]`; nếu cơ quan chủ trì không phải một đơn vị cụ thể, ghi `lead_note:`"),
                );
            }
            if let Some(tf) = &a.timeframe {
                let need = match tf.kind {
                    TimeframeKind::DinhKy if tf.cadence.is_none() => Some((
                        "cadence",
                        "hoạt động định kỳ phải ghi chu kỳ `cadence` (hang_thang, hang_quy, sau_thang, hang_nam)",
                    )),
                    TimeframeKind::Khoang if tf.from.is_none() || tf.to.is_none() => Some((
                        "from",
                        "hoạt động trong một khoảng thời gian phải ghi `from` và `to`",
                    )),
                    TimeframeKind::Moc if tf.to.is_none() => {
                        Some(("to", "hoạt động có mốc thời gian phải ghi hạn `to`"))
                    }
                    _ => None,
                };
                if let Some((field, msg)) = need {
                    out.push(err("E085", at("timeframe", None), "activities", format!("hoạt động {no}: {msg}"))
                        .hint(format!("ví dụ `timeframe: {{kind: dinh_ky, cadence: hang_quy, text: Định kỳ 01 lần/quý}}` (thiếu `{field}`)")));
                }
                if let (Some(f), Some(t)) = (tf.from, tf.to)
                    && t < f
                {
                    out.push(err(
                        "E081",
                        at("timeframe", None),
                        "activities",
                        format!("hoạt động {no}: thời gian kết thúc trước khi bắt đầu"),
                    ));
                }
            }
        }
        out
    }
}
