//! The public page's view of a plan's year (every quarter's counts per
//! activity and each started quarter's report) and `check`'s W080 warnings,
//! which judge the same quarters by the same rules.

use serde::Serialize;

use super::{
    Period, PlanInfo, Report, Status, build, lead_text, plan_info, plans_to_report, today,
    window_of,
};
use crate::site::Site;
use crate::site::plans::PlanEntry;

/// A plan's year for the public page: every quarter's counts per activity,
/// and the report of each quarter that has started.
#[derive(Debug, Clone, Serialize)]
pub struct PlanYear {
    pub plan: PlanInfo,
    /// Whether the page shows đạt / chưa đạt (`site.yaml`: `report.public_verdicts`).
    pub verdicts: bool,
    pub quarter_labels: Vec<String>,
    pub rows: Vec<YearRow>,
    /// Started quarters, oldest first.
    pub quarters: Vec<Report>,
}

#[derive(Debug, Clone, Serialize)]
pub struct YearRow {
    pub item_no: String,
    pub task: String,
    pub lead: String,
    pub timeframe: String,
    pub depth: usize,
    /// One per quarter of the year; `None` before the quarter starts.
    pub cells: Vec<Option<YearCell>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct YearCell {
    pub label: String,
    pub count: usize,
    pub status: Status,
    pub status_label: &'static str,
}

/// The plan's year: its `year`, its period's, or the clock's.
pub fn plan_year(site: &Site, plan: &PlanEntry) -> i32 {
    use chrono::Datelike;
    let doc = plan.document(&site.items);
    doc.and_then(|d| d.year)
        .or_else(|| doc.and_then(|d| d.period).map(|p| p.from.0.year()))
        .unwrap_or_else(|| today(site).year())
}

/// The public page's view of a plan's year.
pub fn year(site: &Site, plan: &PlanEntry) -> PlanYear {
    let window = window_of(site, plan);
    let y = plan_year(site, plan);
    let today = today(site);
    let periods: Vec<Period> = (1..=4)
        .filter_map(|q| Period::quarter(y, q, window))
        .collect();
    let quarters: Vec<Report> = periods
        .iter()
        .filter(|p| p.from <= today)
        .map(|p| build(site, plan, p))
        .collect();
    let rows = plan
        .activities
        .iter()
        .enumerate()
        .map(|(i, a)| YearRow {
            item_no: a.activity.item_no.trim().to_string(),
            task: a.activity.task.clone(),
            lead: lead_text(a),
            timeframe: a
                .timeframe
                .as_ref()
                .map(|t| t.text.clone())
                .unwrap_or_default(),
            depth: usize::from(a.parent.is_some()),
            cells: periods
                .iter()
                .map(|p| {
                    let r = quarters.iter().find(|r| r.period == *p)?;
                    let x = &r.activities[i];
                    Some(YearCell {
                        label: p.label.clone(),
                        count: x.count,
                        status: x.status,
                        status_label: x.status_label,
                    })
                })
                .collect(),
        })
        .collect();
    PlanYear {
        plan: plan_info(site, plan),
        verdicts: site.config.report.public_verdicts,
        quarter_labels: periods.iter().map(|p| p.label.clone()).collect(),
        rows,
        quarters,
    }
}

/// `check` warnings: an activity whose quarter ended short of what the rules
/// ask (the same rules the report applies).
pub fn warnings(site: &Site) -> Vec<crate::diagnostics::Diagnostic> {
    use crate::diagnostics::Diagnostic;
    let mut out = Vec::new();
    for p in plans_to_report(site, None) {
        let y = year(site, p);
        let source = &site.items[p.item].source;
        for (i, (a, row)) in p.activities.iter().zip(&y.rows).enumerate() {
            if !a.children.is_empty() {
                continue;
            }
            let short: Vec<String> = y
                .quarters
                .iter()
                .filter(|r| r.ended && r.activities[i].status.is_shortfall())
                .map(|r| format!("{} ({})", r.period.label, r.range))
                .collect();
            if short.is_empty() {
                continue;
            }
            out.push(
                Diagnostic::warning(
                    "W080",
                    format!(
                        "hoạt động {} của kế hoạch `{}` chưa có kết quả như kế hoạch yêu cầu trong {}",
                        row.item_no,
                        p.key,
                        short.join(", ")
                    ),
                )
                .in_file(source)
                .field("activities")
                .hint(format!(
                    "ghi `plan_activities: [{}#{}]` vào tin, bài hoặc hoạt động (content/hoat-dong/) đã thực hiện hoạt động này",
                    p.key, row.item_no
                )),
            );
        }
    }
    out
}
