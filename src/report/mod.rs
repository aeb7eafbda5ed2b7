//! The quarterly communication report a plan asks for (in the seed, Phòng Văn
//! hóa - Xã hội must "theo dõi, tổng hợp, đánh giá" every quarter): for each
//! activity and quarter whether its cadence was met, per-unit counts by PAR
//! area, kind and channel, and the evidence list the PAR index asks for.
//!
//! Pure: computed from the `Site` model and a clock; `format` prints it, the
//! renderer shows it on `/cai-cach-hanh-chinh/ket-qua-tuyen-truyen/`.

pub mod format;

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, FixedOffset, Months, NaiveDate};
use serde::Serialize;

use crate::site::plans::{ActivityEntry, PlanEntry};
use crate::site::{ItemKind, Site};
use crate::vi;
use crate::vocab::{ArticleKind, Cadence, Channel, ParArea, ReportWindow, TimeframeKind, UnitKind};

/// One reporting quarter, both ends inclusive, in Vietnam time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quarter {
    pub year: i32,
    pub q: u32,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Quarter {
    /// Quarter `q` (1–4) of `year`: calendar quarters, or the Ministry's PAR
    /// windows (15/12 of the year before → 14/3, 15/3 → 14/6, …).
    pub fn new(year: i32, q: u32, window: ReportWindow) -> Option<Quarter> {
        if !(1..=4).contains(&q) {
            return None;
        }
        let first_month = 3 * (q - 1) + 1;
        let (from, to) = match window {
            ReportWindow::Calendar => {
                let from = NaiveDate::from_ymd_opt(year, first_month, 1)?;
                (from, from.checked_add_months(Months::new(3))?.pred_opt()?)
            }
            ReportWindow::BnvCchc => {
                let to = NaiveDate::from_ymd_opt(year, first_month + 2, 14)?;
                (to.checked_sub_months(Months::new(3))?.succ_opt()?, to)
            }
        };
        Some(Quarter { year, q, from, to })
    }

    /// "2026-Q2".
    pub fn parse(s: &str, window: ReportWindow) -> Option<Quarter> {
        let (y, q) = s.trim().split_once(['-', '/'])?;
        let q = q.trim_start_matches(['Q', 'q']);
        Quarter::new(y.parse().ok()?, q.parse().ok()?, window)
    }

    /// The quarter that contains `day`.
    pub fn containing(day: NaiveDate, window: ReportWindow) -> Option<Quarter> {
        (day.year()..=day.year() + 1)
            .flat_map(|y| (1..=4).filter_map(move |q| Quarter::new(y, q, window)))
            .find(|q| q.contains(day))
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }

    pub fn id(&self) -> String {
        format!("{}-Q{}", self.year, self.q)
    }

    /// "Quý II/2026".
    pub fn label(&self) -> String {
        let roman = ["I", "II", "III", "IV"][(self.q - 1) as usize];
        format!("Quý {roman}/{}", self.year)
    }

    /// "15/03/2026 – 14/06/2026".
    pub fn range(&self) -> String {
        format!(
            "{} – {}",
            self.from.format("%d/%m/%Y"),
            self.to.format("%d/%m/%Y")
        )
    }

    /// The three month-long stretches of the quarter ("Thường xuyên" asks for
    /// something in each).
    fn months(&self) -> Vec<(NaiveDate, NaiveDate)> {
        (0..3)
            .filter_map(|k| {
                let from = self.from.checked_add_months(Months::new(k))?;
                let to = self
                    .from
                    .checked_add_months(Months::new(k + 1))?
                    .pred_opt()?;
                Some((from, to.min(self.to)))
            })
            .collect()
    }
}

/// Whether an activity did what its timeframe asks in a quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Met,
    NotMet,
    /// The quarter is under way and the requirement is not met yet.
    InProgress,
    /// The quarter has not started.
    NotDue,
    /// The timeframe asks nothing of this quarter (a yearly task, no timeframe).
    NotApplicable,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Met => "Đạt",
            Verdict::NotMet => "Chưa đạt",
            Verdict::InProgress => "Đang thực hiện",
            Verdict::NotDue => "Chưa đến kỳ",
            Verdict::NotApplicable => "Không đánh giá theo quý",
        }
    }
}

/// One activity in one quarter.
#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    pub verdict: Verdict,
    pub verdict_label: &'static str,
    /// Linked items published in the quarter by a lead unit.
    pub count: usize,
    /// What the timeframe asks, in words ("≥ 1 tin, bài mỗi tháng").
    pub requirement: String,
}

/// One activity across the year's quarters.
#[derive(Debug, Clone, Serialize)]
pub struct ActivityRow {
    pub item_no: String,
    pub task: String,
    pub lead: String,
    pub timeframe: String,
    pub depth: usize,
    pub cells: Vec<Cell>,
}

/// One published item used as evidence, with the activity it carries out.
#[derive(Debug, Clone, Serialize)]
pub struct Evidence {
    pub date: String,
    pub title: String,
    pub url: String,
    pub units: Vec<String>,
    pub par_areas: Vec<&'static str>,
    pub kind: &'static str,
    pub channels: Vec<&'static str>,
    pub activity: String,
    /// Whether a lead unit of the activity is among the item's units.
    pub from_lead: bool,
}

/// Counts of a unit's items in a quarter.
#[derive(Debug, Clone, Serialize)]
pub struct UnitCounts {
    pub unit: String,
    pub total: usize,
    pub par_areas: Vec<usize>,
    pub kinds: Vec<usize>,
    pub channels: Vec<usize>,
}

/// The report of one quarter.
#[derive(Debug, Clone, Serialize)]
pub struct QuarterReport {
    #[serde(skip)]
    pub quarter: Quarter,
    pub id: String,
    pub label: String,
    pub range: String,
    pub ended: bool,
    /// Column headers of the unit tables (only values that occur).
    pub par_areas: Vec<&'static str>,
    pub kinds: Vec<&'static str>,
    pub channels: Vec<&'static str>,
    pub units: Vec<UnitCounts>,
    pub evidence: Vec<Evidence>,
    pub met: usize,
    pub evaluated: usize,
}

/// The whole report of one plan.
#[derive(Debug, Clone, Serialize)]
pub struct PlanReport {
    pub key: String,
    pub title: String,
    pub href: String,
    pub window: ReportWindow,
    #[serde(skip)]
    pub quarters: Vec<Quarter>,
    pub quarter_labels: Vec<String>,
    pub activities: Vec<ActivityRow>,
    /// Quarters that have started, oldest first.
    pub details: Vec<QuarterReport>,
}

/// Plans with a reporting duty (every plan with `reporting`, or the one asked for).
pub fn plans_to_report<'a>(site: &'a Site, key: Option<&str>) -> Vec<&'a PlanEntry> {
    site.plans
        .iter()
        .filter(|p| match key {
            Some(k) => p.key == k.trim().trim_matches('/'),
            None => p
                .document(&site.items)
                .is_some_and(|d| d.reporting.is_some()),
        })
        .collect()
}

/// The reporting window a plan uses (calendar unless it says otherwise).
pub fn window_of(site: &Site, plan: &PlanEntry) -> ReportWindow {
    plan.document(&site.items)
        .and_then(|d| d.reporting.as_ref())
        .map_or(ReportWindow::Calendar, |r| r.window)
}

fn day_of(dt: &DateTime<FixedOffset>) -> NaiveDate {
    dt.with_timezone(&vi::tz()).date_naive()
}

/// Build one plan's report, as of `now`.
pub fn build(site: &Site, plan: &PlanEntry) -> PlanReport {
    let window = window_of(site, plan);
    let doc = plan.document(&site.items);
    let today = day_of(&site.now.0);
    let year = doc
        .and_then(|d| d.year)
        .or_else(|| doc.and_then(|d| d.period).map(|p| p.from.0.year()))
        .unwrap_or(today.year());
    let quarters: Vec<Quarter> = (1..=4)
        .filter_map(|q| Quarter::new(year, q, window))
        .collect();
    let activities = plan
        .activities
        .iter()
        .map(|a| ActivityRow {
            item_no: a.activity.item_no.clone(),
            task: a.activity.task.clone(),
            lead: lead_text(site, a),
            timeframe: a
                .timeframe
                .as_ref()
                .map(|t| t.text.clone())
                .unwrap_or_default(),
            depth: usize::from(a.parent.is_some()),
            cells: quarters
                .iter()
                .map(|q| evaluate(site, plan, a, q, today))
                .collect(),
        })
        .collect::<Vec<_>>();
    let details = quarters
        .iter()
        .enumerate()
        .filter(|(_, q)| q.from <= today)
        .map(|(n, q)| {
            let mut r = quarter_details(site, plan, q, today);
            let cells = activities.iter().map(|a| a.cells[n].verdict);
            r.evaluated = cells
                .clone()
                .filter(|v| matches!(v, Verdict::Met | Verdict::NotMet))
                .count();
            r.met = cells.filter(|v| *v == Verdict::Met).count();
            r
        })
        .collect();
    PlanReport {
        key: plan.key.clone(),
        title: site.items[plan.item].title.clone(),
        href: site.href(&site.items[plan.item].path),
        window,
        quarter_labels: quarters.iter().map(Quarter::label).collect(),
        quarters,
        activities,
        details,
    }
}

fn lead_text(_site: &Site, a: &ActivityEntry) -> String {
    let mut s = a
        .lead_units
        .iter()
        .map(|u| u.text.as_str())
        .collect::<Vec<_>>()
        .join("; ");
    if let Some(n) = a
        .activity
        .lead_note
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(n);
    }
    s
}

/// Whether an item counts for the activity: one of its units leads it. A
/// group lead ("Các cơ quan, đơn vị") is any unit.
fn from_lead(site: &Site, a: &ActivityEntry, item: usize) -> bool {
    a.lead_units.iter().any(|l| {
        site.units[l.unit].unit.kind == UnitKind::Nhom || site.items[item].units.contains(&l.unit)
    })
}

/// Days the item was published on, for the items that count.
fn counted_days(site: &Site, a: &ActivityEntry) -> Vec<NaiveDate> {
    a.items
        .iter()
        .filter(|&&i| from_lead(site, a, i))
        .filter_map(|&i| site.items[i].date.map(|d| day_of(&d.0)))
        .collect()
}

fn evaluate(
    site: &Site,
    plan: &PlanEntry,
    a: &ActivityEntry,
    q: &Quarter,
    today: NaiveDate,
) -> Cell {
    let days = counted_days(site, a);
    let in_range =
        |from: NaiveDate, to: NaiveDate| days.iter().filter(|d| from <= **d && **d <= to).count();
    let count = in_range(q.from, q.to);
    let cell = |verdict: Verdict, requirement: String| Cell {
        verdict,
        verdict_label: verdict.label(),
        count,
        requirement,
    };
    if q.from > today {
        return cell(Verdict::NotDue, String::new());
    }
    let ended = q.to < today;
    let judge = |ok: bool| match (ok, ended) {
        (true, _) => Verdict::Met,
        (false, true) => Verdict::NotMet,
        (false, false) => Verdict::InProgress,
    };
    // A group row is met when every evaluated sub-activity is.
    if !a.children.is_empty() {
        let subs: Vec<Verdict> = a
            .children
            .iter()
            .map(|&c| evaluate(site, plan, &plan.activities[c], q, today).verdict)
            .collect();
        let verdict = if subs.contains(&Verdict::NotMet) {
            Verdict::NotMet
        } else if subs.contains(&Verdict::InProgress) {
            Verdict::InProgress
        } else if subs.contains(&Verdict::Met) {
            Verdict::Met
        } else {
            Verdict::NotApplicable
        };
        return cell(verdict, "Tất cả các mục con đạt".into());
    }
    let Some(tf) = &a.timeframe else {
        return cell(Verdict::NotApplicable, String::new());
    };
    let times = tf.times() as usize;
    let monthly = |what: &str| {
        let months = q.months();
        let elapsed: Vec<_> = months.iter().filter(|(f, _)| *f <= today).collect();
        let ok =
            months.len() == elapsed.len() && elapsed.iter().all(|(f, t)| in_range(*f, *t) >= times);
        let failed = elapsed
            .iter()
            .any(|(f, t)| *t < today && in_range(*f, *t) < times);
        let verdict = if ok {
            Verdict::Met
        } else if failed || ended {
            Verdict::NotMet
        } else {
            Verdict::InProgress
        };
        cell(verdict, format!("≥ {times} tin, bài mỗi tháng ({what})"))
    };
    match tf.kind {
        TimeframeKind::ThuongXuyen => monthly("thường xuyên"),
        TimeframeKind::DinhKy => match tf.cadence {
            Some(Cadence::HangThang) => monthly("định kỳ hằng tháng"),
            Some(Cadence::HangQuy) => cell(
                judge(count >= times),
                format!("≥ {times} tin, bài trong quý"),
            ),
            _ => cell(Verdict::NotApplicable, String::new()),
        },
        TimeframeKind::Moc => match tf.to {
            Some(due) if q.contains(due.0) => {
                let done = days.iter().any(|d| *d <= due.0);
                let verdict = if done {
                    Verdict::Met
                } else if due.0 < today {
                    Verdict::NotMet
                } else {
                    Verdict::InProgress
                };
                cell(
                    verdict,
                    format!("hoàn thành trước {}", due.0.format("%d/%m/%Y")),
                )
            }
            _ => cell(Verdict::NotApplicable, String::new()),
        },
        TimeframeKind::Khoang => match (tf.from, tf.to) {
            (Some(f), Some(t)) if f.0 <= q.to && t.0 >= q.from => {
                let (from, to) = (f.0.max(q.from), t.0.min(q.to));
                let ended = to < today;
                let ok = in_range(from, to) >= times;
                let verdict = if ok {
                    Verdict::Met
                } else if ended {
                    Verdict::NotMet
                } else {
                    Verdict::InProgress
                };
                cell(
                    verdict,
                    format!(
                        "≥ {times} tin, bài từ {} đến {}",
                        from.format("%d/%m/%Y"),
                        to.format("%d/%m/%Y")
                    ),
                )
            }
            _ => cell(Verdict::NotApplicable, String::new()),
        },
    }
}

fn quarter_details(site: &Site, plan: &PlanEntry, q: &Quarter, today: NaiveDate) -> QuarterReport {
    let mut evidence = Vec::new();
    // Each item once per unit table, however many activities it serves.
    let mut counted: BTreeMap<usize, ()> = BTreeMap::new();
    for a in &plan.activities {
        for &i in &a.items {
            let item = &site.items[i];
            let Some(date) = item.date else { continue };
            if !q.contains(day_of(&date.0)) {
                continue;
            }
            let ItemKind::Article(art) = &item.kind else {
                continue;
            };
            counted.insert(i, ());
            evidence.push((
                date,
                Evidence {
                    date: vi::date_short(&date.0),
                    title: item.title.clone(),
                    url: site.permalink(&item.path),
                    units: item
                        .units
                        .iter()
                        .map(|&u| site.units[u].unit.name.clone())
                        .collect(),
                    par_areas: item.par_areas.iter().map(|p| p.label()).collect(),
                    kind: art.kind.label(),
                    channels: art.channels.iter().map(|c| c.label()).collect(),
                    activity: a.activity.item_no.trim().to_string(),
                    from_lead: from_lead(site, a, i),
                },
            ));
        }
    }
    evidence.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.activity.cmp(&b.1.activity)));
    let evidence: Vec<Evidence> = evidence.into_iter().map(|(_, e)| e).collect();

    let present = |f: &dyn Fn(&ItemKind, &[ParArea]) -> Vec<usize>, n: usize| {
        let mut seen = vec![false; n];
        for &i in counted.keys() {
            for k in f(&site.items[i].kind, &site.items[i].par_areas) {
                seen[k] = true;
            }
        }
        seen
    };
    let area_of = |_: &ItemKind, p: &[ParArea]| {
        p.iter()
            .filter_map(|x| ParArea::ALL.iter().position(|y| y == x))
            .collect()
    };
    let kind_of = |k: &ItemKind, _: &[ParArea]| match k {
        ItemKind::Article(a) => ArticleKind::ALL
            .iter()
            .position(|y| *y == a.kind)
            .into_iter()
            .collect(),
        _ => Vec::new(),
    };
    let channel_of = |k: &ItemKind, _: &[ParArea]| match k {
        ItemKind::Article(a) => a
            .channels
            .iter()
            .filter_map(|x| Channel::ALL.iter().position(|y| y == x))
            .collect(),
        _ => Vec::new(),
    };
    let areas_seen = present(&area_of, ParArea::ALL.len());
    let kinds_seen = present(&kind_of, ArticleKind::ALL.len());
    let channels_seen = present(&channel_of, Channel::ALL.len());
    let pick = |seen: &[bool]| {
        seen.iter()
            .enumerate()
            .filter(|(_, s)| **s)
            .map(|(i, _)| i)
            .collect::<Vec<_>>()
    };
    let (areas, kinds, channels) = (pick(&areas_seen), pick(&kinds_seen), pick(&channels_seen));

    let mut by_unit: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &i in counted.keys() {
        if let Some(&lead) = site.items[i].units.first() {
            by_unit.entry(lead).or_default().push(i);
        }
    }
    let count =
        |items: &[usize], f: &dyn Fn(&ItemKind, &[ParArea]) -> Vec<usize>, cols: &[usize]| {
            cols.iter()
                .map(|c| {
                    items
                        .iter()
                        .filter(|&&i| f(&site.items[i].kind, &site.items[i].par_areas).contains(c))
                        .count()
                })
                .collect()
        };
    // Units are in Vietnamese order already (site.units is sorted).
    let units = by_unit
        .iter()
        .map(|(&u, items)| UnitCounts {
            unit: site.units[u].unit.name.clone(),
            total: items.len(),
            par_areas: count(items, &area_of, &areas),
            kinds: count(items, &kind_of, &kinds),
            channels: count(items, &channel_of, &channels),
        })
        .collect();
    QuarterReport {
        quarter: *q,
        id: q.id(),
        label: q.label(),
        range: q.range(),
        ended: q.to < today,
        par_areas: areas.iter().map(|&i| ParArea::ALL[i].label()).collect(),
        kinds: kinds.iter().map(|&i| ArticleKind::ALL[i].label()).collect(),
        channels: channels.iter().map(|&i| Channel::ALL[i].label()).collect(),
        units,
        evidence,
        met: 0,
        evaluated: 0,
    }
}

/// The report as text for `trangxa report`: every reporting plan (or the one
/// asked for), one quarter each.
pub fn text(
    site: &Site,
    plan: Option<&str>,
    quarter: Option<&str>,
    format: format::Format,
) -> Result<String, crate::diagnostics::Diagnostic> {
    use crate::diagnostics::{Diagnostic, closest};
    let plans = plans_to_report(site, plan);
    if plans.is_empty() {
        let keys: Vec<&str> = site.plans.iter().map(|p| p.key.as_str()).collect();
        let problem = match plan {
            Some(k) => Diagnostic::error("E088", format!("không có kế hoạch `{k}`")),
            None => Diagnostic::error(
                "E088",
                "chưa có kế hoạch nào có chế độ báo cáo (`reporting`) trong content/ke-hoach/",
            ),
        };
        let hint = match plan.and_then(|k| closest(k, keys.iter().copied())) {
            Some(c) => format!("có phải bạn muốn viết `--plan {c}`?"),
            None if keys.is_empty() => {
                "thêm kế hoạch vào content/ke-hoach/<năm>/ với `reporting: {cadence: hang_quy}`"
                    .into()
            }
            None => format!("các kế hoạch: {}", keys.join(", ")),
        };
        return Err(problem.hint(hint));
    }
    let mut out = String::new();
    for (n, p) in plans.iter().enumerate() {
        let window = window_of(site, p);
        let q = match quarter {
            Some(s) => Quarter::parse(s, window).ok_or_else(|| {
                Diagnostic::error("E089", format!("kỳ báo cáo `{s}` không hợp lệ"))
                    .hint("viết dạng `2026-Q2` (năm, `-Q`, quý 1–4)")
            })?,
            None => Quarter::containing(day_of(&site.now.0), window).ok_or_else(|| {
                Diagnostic::error("E089", "không xác định được quý hiện tại")
                    .hint("ghi rõ `--quarter 2026-Q2`")
            })?,
        };
        let mut report = build(site, p);
        // A quarter outside the plan's year is still reported on its own.
        let detail = match report.details.iter().find(|d| d.quarter == q) {
            Some(d) => d.clone(),
            None => {
                let mut d = quarter_details(site, p, &q, day_of(&site.now.0));
                if !report.quarters.contains(&q) {
                    report.quarters.push(q);
                    for a in report.activities.iter_mut().zip(&p.activities) {
                        a.0.cells
                            .push(evaluate(site, p, a.1, &q, day_of(&site.now.0)));
                    }
                }
                let i = report.quarters.iter().position(|x| *x == q).unwrap_or(0);
                d.evaluated = report
                    .activities
                    .iter()
                    .filter(|a| matches!(a.cells[i].verdict, Verdict::Met | Verdict::NotMet))
                    .count();
                d.met = report
                    .activities
                    .iter()
                    .filter(|a| a.cells[i].verdict == Verdict::Met)
                    .count();
                d
            }
        };
        // CSV is one table: rows of every plan under one header.
        let text = format::render(&report, &detail, format);
        if format == format::Format::Csv && n > 0 {
            out.push_str(text.split_once('\n').map_or("", |(_, rest)| rest));
        } else {
            if n > 0 {
                out.push('\n');
            }
            out.push_str(&text);
        }
    }
    Ok(out)
}

/// `check` warnings: an activity whose quarter ended with nothing published.
pub fn warnings(site: &Site) -> Vec<crate::diagnostics::Diagnostic> {
    use crate::diagnostics::Diagnostic;
    let mut out = Vec::new();
    for p in plans_to_report(site, None) {
        let report = build(site, p);
        let source = &site.items[p.item].source;
        for (a, row) in p.activities.iter().zip(&report.activities) {
            if !a.children.is_empty() {
                continue;
            }
            let empty: Vec<String> = report
                .quarters
                .iter()
                .zip(&row.cells)
                .filter(|(_, c)| c.verdict == Verdict::NotMet && c.count == 0)
                .map(|(q, _)| format!("{} ({})", q.label(), q.range()))
                .collect();
            if empty.is_empty() {
                continue;
            }
            out.push(
                Diagnostic::warning(
                    "W080",
                    format!(
                        "hoạt động {} của kế hoạch `{}` không có tin, bài nào của cơ quan chủ trì trong {}",
                        row.item_no.trim(),
                        p.key,
                        empty.join(", ")
                    ),
                )
                .in_file(source)
                .field("activities")
                .hint(format!(
                    "ghi `plan_activities: [{}#{}]` vào tin, bài đã thực hiện hoạt động này",
                    p.key,
                    row.item_no.trim()
                )),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn calendar_and_ministry_quarters() {
        let q = Quarter::new(2026, 1, ReportWindow::Calendar).unwrap();
        assert_eq!((q.from, q.to), (d(2026, 1, 1), d(2026, 3, 31)));
        let q = Quarter::new(2026, 1, ReportWindow::BnvCchc).unwrap();
        assert_eq!((q.from, q.to), (d(2025, 12, 15), d(2026, 3, 14)));
        let q = Quarter::parse("2026-Q2", ReportWindow::BnvCchc).unwrap();
        assert_eq!((q.from, q.to), (d(2026, 3, 15), d(2026, 6, 14)));
        assert_eq!(q.label(), "Quý II/2026");
        assert!(Quarter::parse("2026-Q5", ReportWindow::Calendar).is_none());
        let q = Quarter::containing(d(2026, 12, 20), ReportWindow::BnvCchc).unwrap();
        assert_eq!(q.id(), "2027-Q1");
    }

    #[test]
    fn months_of_a_window_quarter() {
        let q = Quarter::new(2026, 2, ReportWindow::BnvCchc).unwrap();
        assert_eq!(
            q.months(),
            vec![
                (d(2026, 3, 15), d(2026, 4, 14)),
                (d(2026, 4, 15), d(2026, 5, 14)),
                (d(2026, 5, 15), d(2026, 6, 14))
            ]
        );
    }
}
