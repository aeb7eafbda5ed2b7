//! Offline communication activity (hoạt động, `content/hoat-dong/<year>/<slug>.md`):
//! what a plan asks for that is not a web article — a conference, broadcasts on
//! the commune's loudspeaker system, a talk show, posters, a contest, a
//! training, a dialogue with citizens.
//!
//! The plan's appendix is mostly such activities, so without them most rows
//! could never be shown as done. They are counted like articles in the
//! report and listed as evidence (photos, minutes); they get no page of their
//! own, but public ones are listed on the plan's page under their activity.

use serde::{Deserialize, Serialize};

use super::front_matter::Document;
use super::types::{Attachment, Date, Submission};
use crate::diagnostics::Diagnostic;
use crate::vocab::{Channel, EventKind, ParArea};

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub title: String,
    pub kind: EventKind,
    /// The day it took place (the first day, for several days).
    pub date: Date,
    /// The last day, when it lasted several days (a contest, a poster run).
    pub end_date: Option<Date>,
    /// Units, the lead unit first.
    pub units: Vec<String>,
    #[serde(default)]
    pub plan_activities: Vec<String>,
    pub channel: Option<Channel>,
    #[serde(default)]
    pub par_areas: Vec<ParArea>,
    pub location: Option<String>,
    /// People who took part (a conference, a contest, a dialogue).
    pub participants: Option<u32>,
    /// Times broadcast, posters put up (a count of products).
    pub broadcasts: Option<u32>,
    /// Photos, minutes (biên bản) as PDF, under `static/files/`.
    #[serde(default)]
    pub evidence: Vec<Attachment>,
    #[serde(default)]
    pub submitted_to: Vec<Submission>,
    /// Shown on the public plan page; internal records only count in the report.
    #[serde(default = "yes")]
    pub public: bool,
    pub summary: Option<String>,
}

fn yes() -> bool {
    true
}

impl Event {
    /// Checks that need only this file.
    pub fn validate(&self, doc: &Document) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        if self.units.is_empty() {
            let (line, col) = doc.locate("units", None);
            out.push(
                Diagnostic::error(
                    "E160",
                    "hoạt động phải có ít nhất một đơn vị (đơn vị đầu tiên là cơ quan chủ trì)",
                )
                .at(doc.text, line, col)
                .field("units")
                .hint("thêm ví dụ `units: [trung-tam-cung-ung-dich-vu-su-nghiep-cong]`"),
            );
        }
        if let Some(end) = self.end_date
            && end.0 < self.date.0
        {
            let (line, col) = doc.locate("end_date", None);
            out.push(
                Diagnostic::error(
                    "E161",
                    format!(
                        "ngày kết thúc {} trước ngày bắt đầu {}",
                        end.0.format("%d/%m/%Y"),
                        self.date.0.format("%d/%m/%Y")
                    ),
                )
                .at(doc.text, line, col)
                .field("end_date")
                .hint("sửa `end_date` thành ngày kết thúc (sau `date`), hoặc bỏ dòng này nếu hoạt động diễn ra trong một ngày"),
            );
        }
        if self.plan_activities.is_empty() {
            // At `plan_activities: []`, or the first line when it is missing.
            let (line, col) = doc.locate("plan_activities", None);
            out.push(
                Diagnostic::warning(
                    "W160",
                    "hoạt động chưa gắn với hoạt động nào của kế hoạch nên không được tính trong báo cáo",
                )
                .at(doc.text, line, col)
                .field("plan_activities")
                .hint("thêm ví dụ `plan_activities: [ke-hoach/2026/tuyen-truyen-cchc#3]`"),
            );
        }
        out
    }
}
