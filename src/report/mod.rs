//! The communication report a plan asks for (in the seed, every unit reports
//! its PAR communication results to the commune People's Committee, which
//! folds them into its periodic PAR reports to the province): for one period,
//! each activity's count and status, counts per unit, the plan's targets, and
//! the evidence list the PAR index asks for.
//!
//! One model, `Report`, computed from the `Site` and its clock; every output
//! is drawn from it: `format` (table, Markdown, CSV, JSON), `docx` (the Word
//! report to sign), `xlsx` (the workbook), and the public page
//! (`/cai-cach-hanh-chinh/ket-qua-tuyen-truyen/`, through `year::PlanYear`).
//! The rules that judge an activity live in `rules`, periods in `period`, the
//! command line's period and file writing in `run`.

pub mod docx;
pub mod format;
pub mod period;
pub mod rules;
mod run;
pub mod xlsx;
mod year;

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;

use crate::content::plan::Target;
use crate::site::plans::{ActivityEntry, PlanEntry};
use crate::site::{ItemKind, Site};
use crate::vi;
use crate::vocab::{ArticleKind, Channel, EventKind, Metric, ParArea, ReportWindow, UnitKind};

pub use period::{Period, Quarter};
pub use rules::Status;
pub use run::{PeriodArgs, reports, resolve_period, save};
pub use year::{PlanYear, YearCell, YearRow, plan_year, warnings, year};

/// Something a unit did for a plan: a published article or an offline activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Record {
    Item(usize),
    Event(usize),
}

impl Record {
    fn day(self, site: &Site) -> Option<NaiveDate> {
        match self {
            Record::Item(i) => site.items[i].date.map(|d| day_of(&d.0)),
            Record::Event(e) => Some(site.events[e].date),
        }
    }

    fn units(self, site: &Site) -> &[usize] {
        match self {
            Record::Item(i) => &site.items[i].units,
            Record::Event(e) => &site.events[e].units,
        }
    }

    fn par_areas(self, site: &Site) -> &[ParArea] {
        match self {
            Record::Item(i) => &site.items[i].par_areas,
            Record::Event(e) => &site.events[e].par_areas,
        }
    }

    fn channels(self, site: &Site) -> Vec<Channel> {
        match self {
            Record::Item(i) => match &site.items[i].kind {
                ItemKind::Article(a) => a.channels.clone(),
                _ => Vec::new(),
            },
            Record::Event(e) => site.events[e].channel.into_iter().collect(),
        }
    }

    /// (id, label) of its kind: an article kind or an offline activity kind.
    fn kind(self, site: &Site) -> (&'static str, &'static str) {
        match self {
            Record::Item(i) => match &site.items[i].kind {
                ItemKind::Article(a) => (a.kind.id(), a.kind.label()),
                _ => ("van_ban", "Văn bản"),
            },
            Record::Event(e) => (site.events[e].kind.id(), site.events[e].kind.label()),
        }
    }

    /// Recipients it was sent to, with the day sent (if written).
    fn submissions(self, site: &Site) -> Vec<(usize, Option<NaiveDate>)> {
        match self {
            Record::Item(i) => match &site.items[i].kind {
                ItemKind::Article(a) => a
                    .submitted_to
                    .iter()
                    .filter_map(|s| Some((unit_index(site, &s.recipient)?, s.date.map(|d| d.0))))
                    .collect(),
                _ => Vec::new(),
            },
            Record::Event(e) => site.events[e].submitted_to.clone(),
        }
    }
}

/// The plan a report is about.
#[derive(Debug, Clone, Serialize)]
pub struct PlanInfo {
    pub key: String,
    pub title: String,
    /// Absolute URL of the plan's page.
    pub url: String,
    /// Link within the site.
    pub href: String,
    pub window: ReportWindow,
    /// How the report cites the plan: "Kế hoạch số 12/KH-UBND về tuyên truyền …".
    pub basis: String,
}

fn plan_info(site: &Site, plan: &PlanEntry) -> PlanInfo {
    let item = &site.items[plan.item];
    let basis = match plan.document(&site.items) {
        Some(d) => {
            let mut a = d.abstract_.trim().chars();
            let first = a
                .next()
                .map(|c| c.to_lowercase().collect::<String>())
                .unwrap_or_default();
            let number = d
                .full_number
                .as_deref()
                .map(|n| format!(" số {n}"))
                .unwrap_or_default();
            format!("{}{number} về {first}{}", d.doc_type.label(), a.as_str())
        }
        None => item.title.clone(),
    };
    PlanInfo {
        key: plan.key.clone(),
        title: item.title.clone(),
        url: site.permalink(&item.path),
        href: site.href(&item.path),
        window: window_of(site, plan),
        basis,
    }
}

/// Who issues the report (Nghị định 30/2020: tên cơ quan, địa danh, nơi nhận).
#[derive(Debug, Clone, Serialize)]
pub struct Issuer {
    /// "Ủy ban nhân dân xã Canh Vinh".
    pub name: String,
    /// "Canh Vinh".
    pub place: String,
    /// The plan's reporting recipients, by name.
    pub recipients: Vec<String>,
}

/// A parent row's share from one sub-row.
#[derive(Debug, Clone, Serialize)]
pub struct ChildCount {
    pub item_no: String,
    pub count: usize,
}

/// One activity in the period.
#[derive(Debug, Clone, Serialize)]
pub struct ActivityResult {
    pub item_no: String,
    pub task: String,
    pub lead_units: Vec<String>,
    /// Lead units as one line, with the plan's note ("và các cơ quan…").
    pub lead: String,
    pub timeframe: String,
    pub depth: usize,
    /// Items and offline activities of its lead units in the period; a parent
    /// row: the sum of its sub-rows (and anything linked to it directly).
    pub count: usize,
    pub articles: usize,
    pub events: usize,
    pub children: Vec<ChildCount>,
    pub status: Status,
    pub status_label: &'static str,
    pub requirement: String,
    pub required: Option<usize>,
}

/// Items and offline activities a unit led in the period.
#[derive(Debug, Clone, Serialize)]
pub struct UnitCount {
    pub id: String,
    pub name: String,
    pub count: usize,
    /// Counts under `Report::breakdown`'s columns.
    pub breakdown: Vec<usize>,
}

/// A linked file of an offline activity (photos, minutes).
#[derive(Debug, Clone, Serialize)]
pub struct FileLink {
    pub label: String,
    pub url: String,
    /// The link within the site, for the site's own pages.
    pub href: String,
}

/// One line of the evidence list: one item, with every activity it serves.
#[derive(Debug, Clone, Serialize)]
pub struct Evidence {
    /// Absolute address, for the report sent out.
    pub url: String,
    /// The link within the site, for the site's own pages (empty for an
    /// internal record, which has none).
    pub href: String,
    pub title: String,
    #[serde(serialize_with = "iso_day")]
    pub date: NaiveDate,
    /// "27/07/2026".
    pub date_text: String,
    pub kind: &'static str,
    pub kind_label: &'static str,
    /// An offline activity rather than an article.
    pub offline: bool,
    /// Shown to citizens: every article, offline activities marked public.
    pub public: bool,
    pub units: Vec<String>,
    pub activities: Vec<String>,
    pub par_areas: Vec<&'static str>,
    pub channels: Vec<&'static str>,
    pub files: Vec<FileLink>,
    /// Whether a lead unit of one of its activities did it (else it is listed
    /// but not counted).
    pub counted: bool,
}

fn iso_day<S: serde::Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&d.format("%Y-%m-%d").to_string())
}

/// One of the plan's targets in the period.
#[derive(Debug, Clone, Serialize)]
pub struct TargetResult {
    pub unit: Option<String>,
    pub unit_name: Option<String>,
    pub metric: &'static str,
    pub per: &'static str,
    pub value: u32,
    pub channel: Option<&'static str>,
    pub activity: Option<String>,
    pub required: usize,
    pub count: usize,
    pub status: Status,
    pub status_label: &'static str,
    /// "Trung tâm …: ≥ 1 tin, bài mỗi quý gửi Báo Gia Lai".
    pub description: String,
}

/// The report of one plan over one period: what every output shows.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub plan: PlanInfo,
    pub period: Period,
    /// "15/06/2026 – 14/09/2026".
    pub range: String,
    pub ended: bool,
    pub activities: Vec<ActivityResult>,
    /// Units that led something in the period, and every unit that leads an
    /// activity (with 0), in Vietnamese order.
    pub units: Vec<UnitCount>,
    /// Column labels of the units' breakdown: PAR areas, then kinds.
    pub breakdown: Vec<&'static str>,
    pub evidence: Vec<Evidence>,
    pub targets: Vec<TargetResult>,
    pub issuer: Issuer,
    /// "ngày 02 tháng 12 năm 2026" (Nghị định 30/2020: 0 before days < 10
    /// and months 1, 2).
    pub issued_on: String,
    pub articles: usize,
    pub events: usize,
}

impl Report {
    /// Activities and targets that set a number and met it, of those judged.
    pub fn met(&self) -> (usize, usize) {
        let statuses = self
            .activities
            .iter()
            .filter(|a| a.depth == 0)
            .map(|a| a.status)
            .chain(self.targets.iter().map(|t| t.status));
        let judged: Vec<Status> = statuses
            .filter(|s| matches!(s, Status::Dat | Status::ChuaDat))
            .collect();
        (
            judged.iter().filter(|s| **s == Status::Dat).count(),
            judged.len(),
        )
    }
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

/// Today on the site's clock, in Vietnam.
pub fn today(site: &Site) -> NaiveDate {
    day_of(&site.now.0)
}

/// A unit written as id, alias or name.
fn unit_index(site: &Site, s: &str) -> Option<usize> {
    let s = s.trim();
    site.units
        .iter()
        .position(|u| u.unit.id == s || u.unit.name == s || u.unit.aliases.iter().any(|a| a == s))
}

/// Whether a record counts for the activity: one of its units leads it. A
/// group lead ("Các cơ quan, đơn vị") is any unit.
fn from_lead(site: &Site, a: &ActivityEntry, r: Record) -> bool {
    let units = r.units(site);
    a.lead_units
        .iter()
        .any(|l| site.units[l.unit].unit.kind == UnitKind::Nhom || units.contains(&l.unit))
}

/// Everything linked to an activity.
fn records(a: &ActivityEntry) -> impl Iterator<Item = Record> + '_ {
    a.items
        .iter()
        .map(|&i| Record::Item(i))
        .chain(a.events.iter().map(|&e| Record::Event(e)))
}

/// "ngày 05 tháng 02 năm 2026".
pub fn date_words(d: NaiveDate) -> String {
    use chrono::Datelike;
    let month = if d.month() <= 2 {
        format!("{:02}", d.month())
    } else {
        d.month().to_string()
    };
    format!("ngày {:02} tháng {month} năm {}", d.day(), d.year())
}

/// Build one plan's report over `period`, as of the site's clock.
pub fn build(site: &Site, plan: &PlanEntry, period: &Period) -> Report {
    let today = today(site);
    let doc = plan.document(&site.items);
    let targets: &[Target] = doc.map_or(&[], |d| &d.targets);
    let activities = judge_activities(site, plan, targets, period, today);
    let evidence = evidence(site, plan, period);
    let (units, breakdown) = unit_counts(site, plan, &evidence);
    let recipients = doc
        .and_then(|d| d.reporting.as_ref())
        .map(|r| {
            r.recipients
                .iter()
                .map(|x| unit_index(site, x).map_or(x.clone(), |u| site.units[u].unit.name.clone()))
                .filter(|n| !vi::fold(n).eq(&vi::fold(&site.config.owner)))
                .collect()
        })
        .unwrap_or_default();
    Report {
        plan: plan_info(site, plan),
        range: period.range_text(),
        ended: period.to < today,
        targets: targets
            .iter()
            .map(|t| judge_target(site, plan, t, period, today))
            .collect(),
        articles: evidence.iter().filter(|e| !e.1.offline).count(),
        events: evidence.iter().filter(|e| e.1.offline).count(),
        activities,
        units: units.into_iter().map(|(_, u)| u).collect(),
        breakdown,
        evidence: evidence.into_iter().map(|(_, e)| e).collect(),
        issuer: Issuer {
            name: site.config.owner.clone(),
            place: doc
                .and_then(|d| d.place.clone())
                .unwrap_or_else(|| site.config.owner.clone()),
            recipients,
        },
        issued_on: date_words(today),
        period: period.clone(),
    }
}

/// Every activity's count and status: leaves by the rules, then parents from
/// their sub-rows.
fn judge_activities(
    site: &Site,
    plan: &PlanEntry,
    targets: &[Target],
    period: &Period,
    today: NaiveDate,
) -> Vec<ActivityResult> {
    let mut out: Vec<ActivityResult> = plan
        .activities
        .iter()
        .map(|a| {
            let counted: Vec<Record> = records(a).filter(|r| from_lead(site, a, *r)).collect();
            let days: Vec<NaiveDate> = counted.iter().filter_map(|r| r.day(site)).collect();
            let in_period = |offline: bool| {
                counted
                    .iter()
                    .filter(|r| matches!(r, Record::Event(_)) == offline)
                    .filter(|r| r.day(site).is_some_and(|d| period.contains(d)))
                    .count()
            };
            let no = a.activity.item_no.trim();
            let target = targets
                .iter()
                .find(|t| t.activity.as_deref().map(str::trim) == Some(no));
            let j = rules::judge(a.timeframe.as_ref(), target, &days, period, today);
            let (articles, events) = (in_period(false), in_period(true));
            ActivityResult {
                item_no: no.to_string(),
                task: a.activity.task.clone(),
                lead_units: a.lead_units.iter().map(|u| u.text.clone()).collect(),
                lead: lead_text(a),
                timeframe: a
                    .timeframe
                    .as_ref()
                    .map(|t| t.text.clone())
                    .unwrap_or_default(),
                depth: usize::from(a.parent.is_some()),
                count: articles + events,
                articles,
                events,
                children: Vec::new(),
                status: j.status,
                status_label: j.status.label(),
                requirement: j.requirement,
                required: j.required,
            }
        })
        .collect();
    // Sub-rows come after their parent: fill parents from the end up.
    for (i, a) in plan.activities.iter().enumerate().rev() {
        if a.children.is_empty() {
            continue;
        }
        let children: Vec<ChildCount> = a
            .children
            .iter()
            .map(|&c| ChildCount {
                item_no: out[c].item_no.clone(),
                count: out[c].count,
            })
            .collect();
        let statuses: Vec<Status> = a.children.iter().map(|&c| out[c].status).collect();
        let sum = |f: &dyn Fn(&ActivityResult) -> usize| {
            a.children.iter().map(|&c| f(&out[c])).sum::<usize>()
        };
        let (articles, events) = (sum(&|r| r.articles), sum(&|r| r.events));
        let own = direct_only(site, plan, i, period);
        let status = rules::combine(&statuses);
        let row = &mut out[i];
        row.articles = articles + own.0;
        row.events = events + own.1;
        row.count = row.articles + row.events;
        row.children = children;
        row.status = status;
        row.status_label = status.label();
        row.requirement = "theo các mục con".into();
        row.required = None;
    }
    out
}

/// A parent's own records in the period that no sub-row already counts:
/// (articles, offline activities).
fn direct_only(site: &Site, plan: &PlanEntry, i: usize, period: &Period) -> (usize, usize) {
    let a = &plan.activities[i];
    let in_child = |r: Record| {
        a.children
            .iter()
            .any(|&c| records(&plan.activities[c]).any(|x| x == r))
    };
    let own: Vec<Record> = records(a)
        .filter(|r| from_lead(site, a, *r) && !in_child(*r))
        .filter(|r| r.day(site).is_some_and(|d| period.contains(d)))
        .collect();
    let events = own.iter().filter(|r| matches!(r, Record::Event(_))).count();
    (own.len() - events, events)
}

fn lead_text(a: &ActivityEntry) -> String {
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

/// The evidence list: every record of the plan in the period once, oldest
/// first, naming all the activities it serves.
fn evidence(site: &Site, plan: &PlanEntry, period: &Period) -> Vec<(Record, Evidence)> {
    let mut serves: BTreeMap<Record, (Vec<String>, bool)> = BTreeMap::new();
    for a in plan.activities.iter() {
        for r in records(a) {
            if !r.day(site).is_some_and(|d| period.contains(d)) {
                continue;
            }
            let e = serves.entry(r).or_default();
            let no = a.activity.item_no.trim().to_string();
            if !e.0.contains(&no) {
                e.0.push(no);
            }
            e.1 |= from_lead(site, a, r);
        }
    }
    let plan_item = &site.items[plan.item];
    let mut out: Vec<(Record, Evidence)> = serves
        .into_iter()
        .filter_map(|(r, (activities, counted))| {
            let date = r.day(site)?;
            let (kind, kind_label) = r.kind(site);
            let (url, href, title, files) = match r {
                Record::Item(i) => (
                    site.permalink(&site.items[i].path),
                    site.href(&site.items[i].path),
                    site.items[i].title.clone(),
                    Vec::new(),
                ),
                Record::Event(e) => {
                    let ev = &site.events[e];
                    let (url, href) = if ev.public {
                        let anchor = ev.anchor();
                        (
                            format!("{}#{anchor}", site.permalink(&plan_item.path)),
                            format!("{}#{anchor}", site.href(&plan_item.path)),
                        )
                    } else {
                        // Internal records are not on the site: name the file.
                        (
                            ev.source.to_string_lossy().replace('\\', "/"),
                            String::new(),
                        )
                    };
                    let local = |p: &str, f: fn(&Site, &str) -> String| {
                        if p.starts_with('/') {
                            f(site, p)
                        } else {
                            p.to_string()
                        }
                    };
                    let files = ev
                        .evidence
                        .iter()
                        .map(|f| FileLink {
                            label: f.label.clone(),
                            url: local(&f.path, Site::permalink),
                            href: local(&f.path, Site::href),
                        })
                        .collect();
                    (url, href, ev.title.clone(), files)
                }
            };
            Some((
                r,
                Evidence {
                    url,
                    href,
                    title,
                    date,
                    date_text: date.format("%d/%m/%Y").to_string(),
                    kind,
                    kind_label,
                    offline: matches!(r, Record::Event(_)),
                    public: match r {
                        Record::Item(_) => true,
                        Record::Event(e) => site.events[e].public,
                    },
                    units: r
                        .units(site)
                        .iter()
                        .map(|&u| site.units[u].unit.name.clone())
                        .collect(),
                    activities,
                    par_areas: r.par_areas(site).iter().map(|p| p.label()).collect(),
                    channels: r.channels(site).iter().map(|c| c.label()).collect(),
                    files,
                    counted,
                },
            ))
        })
        .collect();
    out.sort_by(|a, b| {
        a.1.date
            .cmp(&b.1.date)
            .then_with(|| vi::compare(&a.1.title, &b.1.title))
    });
    out
}

/// Counts per lead unit, broken down by PAR area and kind.
fn unit_counts(
    site: &Site,
    plan: &PlanEntry,
    evidence: &[(Record, Evidence)],
) -> (Vec<(usize, UnitCount)>, Vec<&'static str>) {
    // Columns: the PAR areas, then the kinds, that occur in the period.
    let columns_of = |r: Record| -> Vec<&'static str> {
        let mut c: Vec<&'static str> = r.par_areas(site).iter().map(|p| p.label()).collect();
        c.push(r.kind(site).1);
        c
    };
    let order: Vec<&'static str> = ParArea::ALL
        .iter()
        .map(|p| p.label())
        .chain(ArticleKind::ALL.iter().map(|k| k.label()))
        .chain(EventKind::ALL.iter().map(|k| k.label()))
        .collect();
    let mut breakdown: Vec<&'static str> = Vec::new();
    for (r, _) in evidence {
        for c in columns_of(*r) {
            if !breakdown.contains(&c) {
                breakdown.push(c);
            }
        }
    }
    breakdown.sort_by_key(|c| order.iter().position(|o| o == c));
    let mut by_unit: BTreeMap<usize, Vec<Record>> = BTreeMap::new();
    for a in plan.activities.iter() {
        for l in &a.lead_units {
            if site.units[l.unit].unit.kind != UnitKind::Nhom {
                by_unit.entry(l.unit).or_default();
            }
        }
    }
    for (r, _) in evidence {
        if let Some(&lead) = r.units(site).first() {
            by_unit.entry(lead).or_default().push(*r);
        }
    }
    let units = by_unit
        .into_iter()
        .map(|(u, recs)| {
            let cols: Vec<Vec<&'static str>> = recs.iter().map(|r| columns_of(*r)).collect();
            (
                u,
                UnitCount {
                    id: site.units[u].unit.id.clone(),
                    name: site.units[u].unit.name.clone(),
                    count: recs.len(),
                    breakdown: breakdown
                        .iter()
                        .map(|b| cols.iter().filter(|c| c.contains(b)).count())
                        .collect(),
                },
            )
        })
        .collect();
    (units, breakdown)
}

/// A target in the period: the unit's articles (`so_tin_bai`), offline
/// activities (`so_hoat_dong`) or both (`so_san_pham`) — on the site or sent
/// to the target's channel (`submitted_to` a unit of that channel, counted on
/// the day sent) — in the target's PAR area, for its activity if it names one.
fn judge_target(
    site: &Site,
    plan: &PlanEntry,
    t: &Target,
    period: &Period,
    today: NaiveDate,
) -> TargetResult {
    let unit = t.unit.as_deref().and_then(|u| unit_index(site, u));
    let activity = t
        .activity
        .as_deref()
        .and_then(|no| plan.activity(no))
        .map(|x| &plan.activities[x]);
    let candidates: Vec<Record> = match activity {
        Some(a) => records(a).filter(|r| from_lead(site, a, *r)).collect(),
        None => site
            .news
            .iter()
            .map(|&i| Record::Item(i))
            .chain((0..site.events.len()).map(Record::Event))
            .collect(),
    };
    let count = candidates
        .into_iter()
        .filter(|r| match t.metric {
            Metric::SoTinBai => matches!(r, Record::Item(_)),
            Metric::SoHoatDong => matches!(r, Record::Event(_)),
            Metric::SoSanPham => true,
        })
        .filter(|r| unit.is_none_or(|u| r.units(site).contains(&u)))
        .filter(|r| t.par_area.is_none_or(|p| r.par_areas(site).contains(&p)))
        .filter(|r| {
            let day = r.day(site);
            match t.channel {
                None => day.is_some_and(|d| period.contains(d)),
                Some(c) => {
                    (r.channels(site).contains(&c) && day.is_some_and(|d| period.contains(d)))
                        || r.submissions(site).iter().any(|(u, sent)| {
                            site.units[*u].unit.channel == Some(c)
                                && sent.or(day).is_some_and(|d| period.contains(d))
                        })
                }
            }
        })
        .count();
    let required = t.value as usize * rules::per_target(t.per, period);
    // A yearly number cannot fall short before the year's report.
    let can_fail =
        period.to < today && (t.per != crate::vocab::TargetPer::Nam || period.months() >= 12);
    let status = if count >= required {
        Status::Dat
    } else if can_fail {
        Status::ChuaDat
    } else {
        Status::DangThucHien
    };
    let unit_name = unit.map(|u| site.units[u].unit.name.clone());
    let what = match t.metric {
        Metric::SoTinBai => "tin, bài",
        Metric::SoHoatDong => "hoạt động",
        Metric::SoSanPham => "sản phẩm",
    };
    let mut description = format!("≥ {} {what} {}", t.value, t.per.label());
    if let Some(c) = t.channel {
        description.push_str(&format!(" gửi {}", c.label()));
    }
    if let Some(p) = t.par_area {
        description.push_str(&format!(" về {}", p.label().to_lowercase()));
    }
    if let Some(a) = activity {
        description.push_str(&format!(" (hoạt động {})", a.activity.item_no.trim()));
    }
    if let Some(n) = &unit_name {
        description = format!("{n}: {description}");
    }
    TargetResult {
        unit: unit.map(|u| site.units[u].unit.id.clone()),
        unit_name,
        metric: t.metric.id(),
        per: t.per.id(),
        value: t.value,
        channel: t.channel.map(|c| c.id()),
        activity: t.activity.as_ref().map(|a| a.trim().to_string()),
        required,
        count,
        status,
        status_label: status.label(),
        description,
    }
}
