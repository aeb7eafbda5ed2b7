//! Plans and campaigns in the model: activities with their units resolved,
//! the merged cells of the appendix worked out, the published items that carry
//! each activity out, and the campaign's status on the build's clock.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime as ChronoDateTime, FixedOffset};

use super::{Item, ItemKind, UnitResolver};
use crate::content::plan::{Activity, Timeframe, locate_activity};
use crate::content::{Document, Loaded};
use crate::diagnostics::{Diagnostic, closest};
use crate::vocab::Inherit;

/// Where a campaign stands on the build's clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CampaignStatus {
    Upcoming,
    Active,
    Ended,
}

impl CampaignStatus {
    pub fn label(self) -> &'static str {
        match self {
            CampaignStatus::Upcoming => "Sắp diễn ra",
            CampaignStatus::Active => "Đang diễn ra",
            CampaignStatus::Ended => "Đã kết thúc",
        }
    }
}

/// A unit named in the appendix: which unit, and the words the plan used for it
/// (the signed text says "Văn phòng HĐND và UBND", the unit file a longer name).
#[derive(Debug, Clone)]
pub struct UnitRef {
    pub unit: usize,
    pub text: String,
}

/// One appendix row, resolved.
#[derive(Debug, Clone)]
pub struct ActivityEntry {
    pub activity: Activity,
    pub lead_units: Vec<UnitRef>,
    pub coordinating_units: Vec<UnitRef>,
    /// Timeframe and outputs after inheriting from the parent row.
    pub timeframe: Option<Timeframe>,
    pub outputs: Vec<String>,
    /// Index of the parent row in `PlanEntry::activities`.
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    /// Published articles that carry the activity out (`plan_activities`), newest first.
    pub items: Vec<usize>,
    /// Offline activities (`Site::events`) that carry it out, newest first.
    pub events: Vec<usize>,
}

/// A plan: its item (a document) and its appendix.
#[derive(Debug, Clone)]
pub struct PlanEntry {
    /// Index into `Site::items`.
    pub item: usize,
    pub key: String,
    pub activities: Vec<ActivityEntry>,
    pub status: Option<CampaignStatus>,
}

impl PlanEntry {
    pub fn document<'a>(&self, items: &'a [Arc<Item>]) -> Option<&'a Document> {
        match &items[self.item].kind {
            ItemKind::Document(d) => Some(d),
            _ => None,
        }
    }

    pub fn activity(&self, item_no: &str) -> Option<usize> {
        self.activities
            .iter()
            .position(|a| a.activity.item_no.trim() == item_no.trim())
    }
}

/// Plans by key with their item numbers: what `plan_activities` may name.
pub struct PlanIndex {
    plans: HashMap<String, Vec<String>>,
}

impl PlanIndex {
    pub fn new(documents: &[Loaded<Document>]) -> PlanIndex {
        let plans = documents
            .iter()
            .filter(|d| d.key.starts_with("ke-hoach/"))
            .map(|d| {
                let nos = d
                    .meta
                    .activities
                    .iter()
                    .map(|a| a.item_no.trim().to_string())
                    .collect();
                (d.key.clone(), nos)
            })
            .collect();
        PlanIndex { plans }
    }

    /// Every `plan_activities` entry of an article or an offline activity
    /// must name an existing plan and one of its activities.
    pub fn check<T>(
        &self,
        a: &Loaded<T>,
        plan_activities: &[String],
        broken: &crate::content::BrokenIndex,
        diags: &mut Vec<Diagnostic>,
    ) {
        const EXAMPLE: &str = "ke-hoach/2026/tuyen-truyen-cchc#4.2";
        for pa in plan_activities {
            let Some((plan, no)) = pa
                .split_once('#')
                .filter(|(p, n)| !p.trim().is_empty() && !n.trim().is_empty())
            else {
                diags.push(
                    a.error_at(
                        "E008",
                        "plan_activities",
                        Some(pa),
                        format!("`{pa}` không đúng dạng `<kế hoạch>#<số thứ tự>`"),
                    )
                    .hint(format!("ví dụ `{EXAMPLE}`")),
                );
                continue;
            };
            let plan = plan.trim().trim_matches('/');
            match self.plans.get(plan) {
                None if broken.key(plan) => {}
                None => {
                    let hint = match closest(plan, self.plans.keys().map(String::as_str)) {
                        Some(c) => format!("có phải bạn muốn viết `{c}#{}`?", no.trim()),
                        None => format!(
                            "viết mã kế hoạch (đường dẫn tệp trong content/, không có .md), dấu `#` và số thứ tự hoạt động, ví dụ `{EXAMPLE}`"
                        ),
                    };
                    diags.push(
                        a.error_at(
                            "E087",
                            "plan_activities",
                            Some(pa),
                            format!("không có kế hoạch `{plan}`"),
                        )
                        .hint(hint),
                    );
                }
                Some(nos) if !nos.iter().any(|n| n == no.trim()) => {
                    let hint = match closest(no.trim(), nos.iter().map(String::as_str)) {
                        Some(c) => format!(
                            "có phải bạn muốn viết `{plan}#{c}`? Các hoạt động: {}",
                            nos.join(", ")
                        ),
                        None => format!("các hoạt động của kế hoạch: {}", nos.join(", ")),
                    };
                    diags.push(
                        a.error_at(
                            "E087",
                            "plan_activities",
                            Some(pa),
                            format!("kế hoạch `{plan}` không có hoạt động số `{}`", no.trim()),
                        )
                        .hint(hint),
                    );
                }
                Some(_) => {}
            }
        }
    }
}

/// Resolve every plan's appendix and link the articles that carry it out.
pub(super) fn build(
    sources: &[&Loaded<Document>],
    items: &[Arc<Item>],
    key_index: &HashMap<String, usize>,
    resolver: &UnitResolver,
    now: ChronoDateTime<FixedOffset>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<PlanEntry> {
    let mut plans = Vec::new();
    for l in sources {
        let Some(&item) = key_index.get(&l.key) else {
            continue;
        };
        let m = &l.meta;
        let doc = l.doc();
        if let Some(p) = &m.parent_plan
            && !key_index.contains_key(p.trim_matches('/'))
            && !resolver.broken.key(p)
        {
            let hint = match closest(p, key_index.keys().map(String::as_str).filter(|k| k.starts_with("van-ban/") || k.starts_with("ke-hoach/"))) {
                    Some(c) => format!("có phải bạn muốn viết `{c}`?"),
                    None => "viết đường dẫn tệp trong content/ (không có .md), ví dụ `van-ban/2025/135-kh-ubnd`".into(),
                };
            diags.push(
                l.error_at(
                    "E013",
                    "parent_plan",
                    Some(p),
                    format!("không có văn bản `{p}`"),
                )
                .hint(hint),
            );
        }
        for (field, refs) in [
            (
                "reporting",
                m.reporting
                    .iter()
                    .flat_map(|r| r.recipients.iter())
                    .collect::<Vec<_>>(),
            ),
            (
                "targets",
                m.targets.iter().filter_map(|t| t.unit.as_ref()).collect(),
            ),
        ] {
            for u in refs {
                if resolver.missing(u) {
                    diags.push(
                        l.error_at("E010", field, Some(u), format!("không có đơn vị `{u}`"))
                            .hint(resolver.suggest(u)),
                    );
                }
            }
        }
        let resolve_all = |no: &str, field: &str, names: &[String], diags: &mut Vec<Diagnostic>| {
            let mut out: Vec<UnitRef> = Vec::new();
            for n in names {
                match resolver.resolve(n) {
                    Some(u) => out.push(UnitRef {
                        unit: u,
                        // An id reads badly in the table; a name is kept as signed.
                        text: if resolver.ids[u] == n.trim() {
                            resolver.names[u].clone()
                        } else {
                            n.trim().to_string()
                        },
                    }),
                    None if resolver.broken.unit(n) => {}
                    None => {
                        let (line, col) = locate_activity(&doc, no, field, Some(n));
                        diags.push(
                            Diagnostic::error(
                                "E010",
                                format!("hoạt động {no}: không có đơn vị `{n}`"),
                            )
                            .in_file(&l.source)
                            .at(&l.text, line, col)
                            .field("activities")
                            .hint(resolver.suggest(n)),
                        );
                    }
                }
            }
            out
        };
        let mut activities: Vec<ActivityEntry> = Vec::new();
        for a in &m.activities {
            let no = a.item_no.trim();
            let lead_units = resolve_all(no, "lead_units", &a.lead_units, diags);
            let coordinating_units =
                resolve_all(no, "coordinating_units", &a.coordinating_units, diags);
            let parent = a.parent.as_deref().and_then(|p| {
                activities
                    .iter()
                    .position(|x: &ActivityEntry| x.activity.item_no.trim() == p.trim())
            });
            let from_parent =
                |what: Inherit| parent.filter(|_| a.inherits(what)).map(|p| &activities[p]);
            let timeframe = from_parent(Inherit::Timeframe)
                .map(|p| p.timeframe.clone())
                .unwrap_or_else(|| a.timeframe.clone());
            let outputs = from_parent(Inherit::Outputs)
                .map(|p| p.outputs.clone())
                .unwrap_or_else(|| a.outputs.clone());
            let coordinating_units = from_parent(Inherit::CoordinatingUnits)
                .map(|p| p.coordinating_units.clone())
                .unwrap_or(coordinating_units);
            let i = activities.len();
            if let Some(p) = parent {
                activities[p].children.push(i);
            }
            activities.push(ActivityEntry {
                activity: a.clone(),
                lead_units,
                coordinating_units,
                timeframe,
                outputs,
                parent,
                children: Vec::new(),
                items: Vec::new(),
                events: Vec::new(),
            });
        }
        for no in m.targets.iter().filter_map(|t| t.activity.as_deref()) {
            if !activities
                .iter()
                .any(|x| x.activity.item_no.trim() == no.trim())
            {
                let nos = activities.iter().map(|x| x.activity.item_no.trim());
                let hint = match closest(no.trim(), nos.clone()) {
                    Some(c) => format!("có phải bạn muốn viết `activity: \"{c}\"`?"),
                    None => format!("các hoạt động: {}", nos.collect::<Vec<_>>().join(", ")),
                };
                diags.push(
                    l.error_at(
                        "E162",
                        "targets",
                        Some(no),
                        format!(
                            "chỉ tiêu ghi hoạt động số `{no}` nhưng danh mục không có hoạt động này"
                        ),
                    )
                    .hint(hint),
                );
            }
        }
        let period = m.period.map(|p| (p.from, p.to)).or_else(|| {
            let y = m.year?;
            let from = chrono::NaiveDate::from_ymd_opt(y, 1, 1)?;
            let to = chrono::NaiveDate::from_ymd_opt(y, 12, 31)?;
            Some((
                crate::content::types::Date(from),
                crate::content::types::Date(to),
            ))
        });
        // A draft is not yet a campaign: it has no status until it is issued,
        // so its page never reads "Dự thảo" and "Đang diễn ra" at once.
        let issued = m.legal_status != crate::vocab::LegalStatus::DuThao;
        let status = period.filter(|_| issued).map(|(from, to)| {
            let today = now.date_naive();
            if today < from.0 {
                CampaignStatus::Upcoming
            } else if today > to.0 {
                CampaignStatus::Ended
            } else {
                CampaignStatus::Active
            }
        });
        plans.push(PlanEntry {
            item,
            key: l.key.clone(),
            activities,
            status,
        });
    }
    // Items are newest first, so each activity's list is too.
    for (i, item) in items.iter().enumerate() {
        let ItemKind::Article(a) = &item.kind else {
            continue;
        };
        for pa in &a.plan_activities {
            let Some((plan, no)) = pa.split_once('#') else {
                continue;
            };
            let Some(p) = plans
                .iter_mut()
                .find(|p| p.key == plan.trim().trim_matches('/'))
            else {
                continue;
            };
            if let Some(x) = p.activity(no)
                && !p.activities[x].items.contains(&i)
            {
                p.activities[x].items.push(i);
            }
        }
    }
    plans
}
