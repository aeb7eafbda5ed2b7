//! The PAR section (`/cai-cach-hanh-chinh/`): introduction, one page per PAR
//! area and per index, the quarterly communication report, and the plan
//! pages with their appendix table (merged cells as `rowspan`).

use serde::Serialize;
use tera::Context;

use super::context::{self, Card};
use super::{Output, Renderer};
use crate::diagnostics::Diagnostic;
use crate::report;
use crate::site::Site;
use crate::site::plans::{ActivityEntry, PlanEntry};
use crate::vocab::{Index, Inherit, ParArea};

pub const ROOT: &str = "/cai-cach-hanh-chinh/";
pub const TITLE: &str = "Cải cách hành chính";
pub const REPORT_PATH: &str = "/cai-cach-hanh-chinh/ket-qua-tuyen-truyen/";
const REPORT_TITLE: &str = "Kết quả tuyên truyền cải cách hành chính";

/// One page of the section. The lists of an area or an index are cut into
/// pages like every other list: an area may hold thousands of items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    Index,
    Area(ParArea, usize),
    IndexTag(Index, usize),
    Report,
}

pub fn jobs(site: &Site) -> Vec<Page> {
    let pages = |n: usize| 1..=n.div_ceil(site.config.paginate_by).max(1);
    let mut jobs = vec![Page::Index, Page::Report];
    for a in ParArea::ALL {
        jobs.extend(pages(area_items(site, *a).len()).map(|n| Page::Area(*a, n)));
    }
    for i in Index::ALL {
        jobs.extend(pages(index_items(site, *i).len()).map(|n| Page::IndexTag(*i, n)));
    }
    jobs
}

fn slug(id: &str) -> String {
    id.replace('_', "-")
}

pub fn area_path(a: ParArea) -> String {
    format!("{ROOT}{}/", slug(a.id()))
}

pub fn index_path(i: Index) -> String {
    format!("{ROOT}chi-so/{}/", slug(i.id()))
}

/// The site path a page of the section is written to.
pub fn page_path(page: &Page) -> String {
    match page {
        Page::Index => ROOT.to_string(),
        Page::Report => REPORT_PATH.to_string(),
        Page::Area(a, n) => context::pager_path(&area_path(*a), *n),
        Page::IndexTag(i, n) => context::pager_path(&index_path(*i), *n),
    }
}

/// The list a page of an area or index shows a slice of: its base path,
/// title and items.
pub fn list_of<'s>(
    site: &'s Site,
    page: &Page,
) -> Option<(String, &'static str, &'s [usize], usize)> {
    match page {
        Page::Area(a, n) => Some((area_path(*a), a.label(), area_items(site, *a), *n)),
        Page::IndexTag(i, n) => Some((index_path(*i), i.label(), index_items(site, *i), *n)),
        Page::Index | Page::Report => None,
    }
}

/// The items of the latest news the section's front page shows.
pub fn latest(site: &Site) -> Vec<usize> {
    match par_section(site) {
        Some(s) => s
            .items
            .iter()
            .take(site.config.paginate_by)
            .copied()
            .collect(),
        None => site
            .par_areas
            .values()
            .flatten()
            .copied()
            .filter(|&i| site.items[i].is_article())
            .take(10)
            .collect(),
    }
}

fn par_section(site: &Site) -> Option<&crate::site::SectionEntry> {
    site.sections
        .iter()
        .find(|s| s.id == crate::content::article::PAR_SECTION)
}

/// Every path of the section, for the sitemaps.
pub fn paths() -> Vec<String> {
    let mut out = vec![ROOT.to_string(), REPORT_PATH.to_string()];
    out.extend(ParArea::ALL.iter().map(|a| area_path(*a)));
    out.extend(Index::ALL.iter().map(|i| index_path(*i)));
    out
}

/// Items tagged with an index (articles and documents, plans included).
pub fn index_items(site: &Site, index: Index) -> &[usize] {
    site.indices.get(&index).map_or(&[], Vec::as_slice)
}

/// Items of a PAR area.
pub fn area_items(site: &Site, area: ParArea) -> &[usize] {
    site.par_areas.get(&area).map_or(&[], Vec::as_slice)
}

#[derive(Serialize)]
struct Entry {
    name: String,
    href: String,
    count: usize,
}

/// A plan as a line of a list, or the home page banner.
#[derive(Serialize)]
pub struct PlanCard {
    pub card: Card,
    pub status: Option<StatusView>,
    pub period: Option<String>,
}

#[derive(Serialize, Clone)]
pub struct StatusView {
    pub id: crate::site::plans::CampaignStatus,
    pub label: &'static str,
}

pub fn plan_card(site: &Site, p: &PlanEntry) -> PlanCard {
    let period = p.document(&site.items).and_then(|d| d.period).map(|x| {
        format!(
            "{} – {}",
            x.from.0.format("%d/%m/%Y"),
            x.to.0.format("%d/%m/%Y")
        )
    });
    PlanCard {
        card: context::card(site, &site.items[p.item]),
        status: p.status.map(|s| StatusView {
            id: s,
            label: s.label(),
        }),
        period,
    }
}

/// Active campaigns, for the home page banner.
pub fn active_campaigns(site: &Site) -> Vec<PlanCard> {
    site.plans
        .iter()
        .filter(|p| p.status == Some(crate::site::plans::CampaignStatus::Active))
        .map(|p| plan_card(site, p))
        .collect()
}

pub fn render(r: &Renderer, page: &Page) -> Result<Vec<Output>, Diagnostic> {
    let site = r.site();
    let cards = |items: &[usize]| -> Vec<Card> {
        items
            .iter()
            .map(|&i| context::card(site, &site.items[i]))
            .collect()
    };
    match page {
        Page::Index => {
            let mut ctx = r.context(ROOT, TITLE, &[(TITLE, ROOT)]);
            let areas: Vec<Entry> = ParArea::ALL
                .iter()
                .map(|a| Entry {
                    name: a.label().into(),
                    href: site.href(&area_path(*a)),
                    count: site.par_areas.get(a).map_or(0, Vec::len),
                })
                .collect();
            let indices: Vec<Entry> = Index::ALL
                .iter()
                .map(|i| Entry {
                    name: i.label().into(),
                    href: site.href(&index_path(*i)),
                    count: index_items(site, *i).len(),
                })
                .collect();
            let plans: Vec<PlanCard> = site.plans.iter().map(|p| plan_card(site, p)).collect();
            let section = par_section(site);
            let latest = latest(site);
            ctx.insert("areas", &areas);
            ctx.insert("indices", &indices);
            ctx.insert("plans", &plans);
            ctx.insert("latest", &cards(&latest));
            if let Some(s) = section {
                ctx.insert(
                    "par_section",
                    &context::Link {
                        name: s.name.clone(),
                        href: site.href(&s.path),
                    },
                );
            }
            ctx.insert("procedures_href", &site.href("/thu-tuc-hanh-chinh/"));
            ctx.insert("procedure_count", &site.procedures.all.len());
            ctx.insert("report_href", &site.href(REPORT_PATH));
            ctx.insert(
                "has_report",
                &!report::plans_to_report(site, None).is_empty(),
            );
            Ok(vec![r.render_template("par.html", ROOT, &ctx)?])
        }
        Page::Area(..) | Page::IndexTag(..) => {
            let Some((base, title, items, n)) = list_of(site, page) else {
                return Ok(Vec::new());
            };
            let per = site.config.paginate_by;
            let total = items.len().div_ceil(per).max(1);
            let slice = &items[((n - 1) * per).min(items.len())..(n * per).min(items.len())];
            let path = context::pager_path(&base, n);
            let mut ctx = r.context(&path, title, &[(TITLE, ROOT), (title, &base)]);
            ctx.insert("items", &cards(slice));
            ctx.insert(
                "paginator",
                &context::paginator(site, &base, n, total, items.len()),
            );
            Ok(vec![r.render_template("par-list.html", &path, &ctx)?])
        }
        Page::Report => {
            let mut ctx = r.context(
                REPORT_PATH,
                REPORT_TITLE,
                &[(TITLE, ROOT), (REPORT_TITLE, REPORT_PATH)],
            );
            let reports: Vec<ReportView> = report::plans_to_report(site, None)
                .into_iter()
                .map(|p| report_view(report::year(site, p)))
                .collect();
            ctx.insert("reports", &reports);
            Ok(vec![r.render_template(
                "par-report.html",
                REPORT_PATH,
                &ctx,
            )?])
        }
    }
}

/// A plan's year with each quarter's bar chart laid out.
#[derive(Serialize)]
struct ReportView {
    #[serde(flatten)]
    report: report::PlanYear,
    charts: Vec<Chart>,
}

/// A horizontal bar chart as SVG geometry; the template draws it.
#[derive(Serialize)]
struct Chart {
    width: u32,
    height: u32,
    /// Where labels end and bars start.
    label_x: u32,
    bar_x: u32,
    bars: Vec<Bar>,
}

#[derive(Serialize)]
struct Bar {
    label: String,
    value: usize,
    y: u32,
    width: u32,
    text_x: u32,
}

/// Room for the longest unit names at 13 px ("Trung tâm Cung ứng dịch vụ sự
/// nghiệp công xã").
const LABEL_W: u32 = 340;
const BAR_MAX: u32 = 320;
const ROW_H: u32 = 28;

fn report_view(report: report::PlanYear) -> ReportView {
    let charts = report
        .quarters
        .iter()
        .map(|q| {
            let max = q.units.iter().map(|u| u.count).max().unwrap_or(0).max(1);
            let bars = q
                .units
                .iter()
                .enumerate()
                .map(|(n, u)| {
                    let width = (u.count as u32 * BAR_MAX) / max as u32;
                    Bar {
                        label: u.name.clone(),
                        value: u.count,
                        y: n as u32 * ROW_H,
                        width,
                        text_x: LABEL_W + width + 6,
                    }
                })
                .collect::<Vec<_>>();
            Chart {
                width: LABEL_W + BAR_MAX + 40,
                height: (bars.len() as u32).max(1) * ROW_H,
                label_x: LABEL_W - 6,
                bar_x: LABEL_W,
                bars,
            }
        })
        .collect();
    ReportView { report, charts }
}

/// One appendix row as the template draws it. A cell shared with the rows
/// below (a vertically merged cell) has `rowspan`; a cell covered by the row
/// above is `None` and not drawn.
#[derive(Serialize)]
struct RowView {
    item_no: String,
    anchor: String,
    depth: usize,
    task: String,
    lead: Vec<UnitText>,
    lead_note: Option<String>,
    coordinating: Option<CellView>,
    timeframe: Option<CellView>,
    outputs: Option<CellView>,
    progress: String,
    progress_note: Option<String>,
    items: Vec<Card>,
    events: Vec<EventView>,
    quarters: Vec<QuarterCell>,
}

/// A public offline activity under its plan activity.
#[derive(Serialize)]
struct EventView {
    /// On its first listing only: an activity serving several rows is listed
    /// under each, and an id must be unique.
    anchor: Option<String>,
    title: String,
    kind: &'static str,
    date: String,
    date_iso: String,
    lead_unit: Option<String>,
    location: Option<String>,
    /// "120 người tham dự", "12 lượt phát sóng".
    figures: Vec<String>,
    summary: Option<String>,
    files: Vec<context::Link>,
}

fn event_view(site: &Site, e: &crate::site::events::EventEntry) -> EventView {
    let date = match e.end_date {
        Some(end) if end != e.date => {
            format!("{} – {}", e.date.format("%d/%m/%Y"), end.format("%d/%m/%Y"))
        }
        _ => e.date.format("%d/%m/%Y").to_string(),
    };
    let mut figures = Vec::new();
    if let Some(n) = e.participants {
        figures.push(format!("{} người tham dự", crate::vi::number(n as usize)));
    }
    if let Some(n) = e.broadcasts {
        figures.push(match e.kind {
            crate::vocab::EventKind::PhatThanh => format!("{n} lượt phát"),
            _ => format!("{n} sản phẩm"),
        });
    }
    EventView {
        anchor: Some(e.anchor()),
        title: e.title.clone(),
        kind: e.kind.label(),
        date,
        date_iso: e.date.format("%Y-%m-%d").to_string(),
        lead_unit: e.units.first().map(|&u| site.units[u].unit.name.clone()),
        location: e.location.clone(),
        figures,
        summary: e.summary.clone(),
        files: e
            .evidence
            .iter()
            .map(|f| context::Link {
                name: f.label.clone(),
                href: if f.path.starts_with('/') {
                    site.href(&f.path)
                } else {
                    f.path.clone()
                },
            })
            .collect(),
    }
}

#[derive(Serialize)]
struct UnitText {
    text: String,
    href: Option<String>,
}

#[derive(Serialize, Default)]
struct CellView {
    rowspan: usize,
    units: Vec<UnitText>,
    note: Option<String>,
    lines: Vec<String>,
}

/// One started quarter of an activity; the verdict only when the site shows
/// verdicts (`report.public_verdicts`).
#[derive(Serialize)]
struct QuarterCell {
    label: String,
    status: Option<report::Status>,
    status_label: Option<&'static str>,
    count: usize,
}

/// How many rows the cell of `column` at row `i` spans: itself and the
/// consecutive children below that inherit that column.
fn span(acts: &[ActivityEntry], i: usize, column: Inherit) -> usize {
    1 + acts[i + 1..]
        .iter()
        .take_while(|a| a.parent == Some(i) && a.activity.inherits(column))
        .count()
}

/// Whether row `i`'s cell of `column` is covered by its parent's merged cell.
fn covered(acts: &[ActivityEntry], i: usize, column: Inherit) -> bool {
    match acts[i].parent {
        Some(p) if acts[i].activity.inherits(column) => i < p + span(acts, p, column),
        _ => false,
    }
}

fn unit_texts(site: &Site, refs: &[crate::site::plans::UnitRef]) -> Vec<UnitText> {
    refs.iter()
        .map(|u| UnitText {
            text: u.text.clone(),
            href: context::unit_link(site, u.unit, None).href,
        })
        .collect()
}

/// The plan page's extra context: status, appendix rows, reporting.
pub fn plan_context(site: &Site, item: usize, ctx: &mut Context) {
    let Some(plan) = site.plans.iter().find(|p| p.item == item) else {
        return;
    };
    let acts = &plan.activities;
    let report = report::plans_to_report(site, None)
        .iter()
        .any(|p| p.item == item)
        .then(|| report::year(site, plan));
    let rows: Vec<RowView> = acts
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let cell = |column: Inherit, fill: &dyn Fn(&mut CellView)| {
                (!covered(acts, i, column)).then(|| {
                    let mut c = CellView {
                        rowspan: span(acts, i, column),
                        ..Default::default()
                    };
                    fill(&mut c);
                    c
                })
            };
            let progress = match a.activity.progress {
                Some(p) => p.label().to_string(),
                None => progress_text(plan, i),
            };
            RowView {
                item_no: a.activity.item_no.trim().to_string(),
                anchor: format!("hoat-dong-{}", a.activity.item_no.trim().replace('.', "-")),
                depth: usize::from(a.parent.is_some()),
                task: a.activity.task.clone(),
                lead: unit_texts(site, &a.lead_units),
                lead_note: a.activity.lead_note.clone(),
                coordinating: cell(Inherit::CoordinatingUnits, &|c| {
                    c.units = unit_texts(site, &a.coordinating_units);
                    c.note = a.activity.coordinating_note.clone();
                }),
                timeframe: cell(Inherit::Timeframe, &|c| {
                    c.lines = a.timeframe.iter().map(|t| t.text.clone()).collect();
                }),
                outputs: cell(Inherit::Outputs, &|c| c.lines = a.outputs.clone()),
                progress,
                progress_note: a.activity.progress_note.clone(),
                items: a
                    .items
                    .iter()
                    .map(|&x| context::card(site, &site.items[x]))
                    .collect(),
                events: a
                    .events
                    .iter()
                    .map(|&e| &site.events[e])
                    .filter(|e| e.public)
                    .map(|e| event_view(site, e))
                    .collect(),
                quarters: report
                    .as_ref()
                    .map(|r| {
                        r.rows[i]
                            .cells
                            .iter()
                            .flatten()
                            .map(|c| QuarterCell {
                                label: c.label.clone(),
                                status: r.verdicts.then_some(c.status),
                                status_label: r.verdicts.then_some(c.status_label),
                                count: c.count,
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
            }
        })
        .collect();
    let mut rows = rows;
    let mut seen = std::collections::HashSet::new();
    for e in rows.iter_mut().flat_map(|r| r.events.iter_mut()) {
        if let Some(a) = &e.anchor
            && !seen.insert(a.clone())
        {
            e.anchor = None;
        }
    }
    let doc = plan.document(&site.items);
    ctx.insert("plan_rows", &rows);
    ctx.insert(
        "plan_status",
        &plan.status.map(|s| StatusView {
            id: s,
            label: s.label(),
        }),
    );
    ctx.insert("plan_card", &plan_card(site, plan));
    ctx.insert(
        "appendix_title",
        &doc.and_then(|d| d.appendix_title.clone()),
    );
    ctx.insert(
        "report_href",
        &report.is_some().then(|| site.href(REPORT_PATH)),
    );
    let parent = doc
        .and_then(|d| d.parent_plan.as_deref())
        .and_then(|k| site.items.iter().find(|x| x.key == k.trim_matches('/')))
        .map(|x| context::card(site, x));
    ctx.insert("parent_plan", &parent);
}

/// What an activity has to show, counting its sub-rows' for a parent row:
/// "3 tin, bài và 2 hoạt động".
fn progress_text(plan: &crate::site::plans::PlanEntry, i: usize) -> String {
    let a = &plan.activities[i];
    let rows = std::iter::once(a).chain(a.children.iter().map(|&c| &plan.activities[c]));
    let mut items: Vec<usize> = Vec::new();
    let mut events: Vec<usize> = Vec::new();
    for r in rows {
        items.extend(
            r.items
                .iter()
                .filter(|x| !items.contains(x))
                .collect::<Vec<_>>(),
        );
        events.extend(
            r.events
                .iter()
                .filter(|x| !events.contains(x))
                .collect::<Vec<_>>(),
        );
    }
    match (items.len(), events.len()) {
        (0, 0) => "Chưa có tin, bài hay hoạt động".to_string(),
        (n, 0) => format!("{n} tin, bài đã đăng"),
        (0, m) => format!("{m} hoạt động đã thực hiện"),
        (n, m) => format!("{n} tin, bài đã đăng và {m} hoạt động đã thực hiện"),
    }
}
