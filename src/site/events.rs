//! Offline activities in the model (`content/hoat-dong/`): units resolved, the
//! plan activities they carry out checked and linked, evidence files checked.
//!
//! They are not items: they have no page, feed entry or search entry. The
//! report counts them beside articles and the plan page lists the public ones.

use std::collections::BTreeSet;
use std::hash::{Hash, Hasher};

use chrono::NaiveDate;

use super::plans::{PlanEntry, PlanIndex};
use super::{UnitResolver, check_file};
use crate::content::types::{Attachment, Submission};
use crate::content::{Event, Loaded};
use crate::diagnostics::Diagnostic;
use crate::vocab::{Channel, EventKind, ParArea};

/// One offline activity, resolved.
#[derive(Debug, Clone)]
pub struct EventEntry {
    pub key: String,
    pub source: std::path::PathBuf,
    pub title: String,
    pub kind: EventKind,
    pub date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    /// Indices into `Site::units`; the first is the lead unit.
    pub units: Vec<usize>,
    pub channel: Option<Channel>,
    pub par_areas: Vec<ParArea>,
    pub location: Option<String>,
    pub participants: Option<u32>,
    pub broadcasts: Option<u32>,
    pub evidence: Vec<Attachment>,
    /// Recipients resolved to units, with the day sent.
    pub submitted_to: Vec<(usize, Option<NaiveDate>)>,
    pub public: bool,
    pub summary: Option<String>,
    pub plan_activities: Vec<String>,
    /// Changes whenever the file's text does: what pages showing it sign.
    pub fingerprint: u64,
}

impl EventEntry {
    /// The anchor of its entry on the plan page.
    pub fn anchor(&self) -> String {
        format!(
            "hd-{}",
            self.key.trim_start_matches("hoat-dong/").replace('/', "-")
        )
    }
}

/// Resolve every offline activity, newest first. Problems become diagnostics.
pub(super) fn build(
    sources: &[Loaded<Event>],
    resolver: &UnitResolver,
    plan_index: &PlanIndex,
    static_files: &BTreeSet<String>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<EventEntry> {
    let mut out = Vec::with_capacity(sources.len());
    for l in sources {
        let m = &l.meta;
        let mut units = Vec::new();
        for u in &m.units {
            match resolver.resolve(u) {
                Some(i) if !units.contains(&i) => units.push(i),
                Some(_) => {}
                // A unit whose own file failed to load: its error is enough.
                None if resolver.broken.unit(u) => {}
                None => diags.push(
                    l.error_at("E010", "units", Some(u), format!("không có đơn vị `{u}`"))
                        .hint(resolver.suggest(u)),
                ),
            }
        }
        let submitted_to = resolve_submissions(l, &m.submitted_to, resolver, diags);
        plan_index.check(l, &m.plan_activities, &resolver.broken, diags);
        for f in &m.evidence {
            check_file(l, "evidence", &f.path, static_files, diags);
        }
        let mut h = std::hash::DefaultHasher::new();
        l.text.hash(&mut h);
        out.push(EventEntry {
            key: l.key.clone(),
            source: l.source.clone(),
            title: m.title.clone(),
            kind: m.kind,
            date: m.date.0,
            end_date: m.end_date.map(|d| d.0),
            units,
            channel: m.channel,
            par_areas: m.par_areas.clone(),
            location: m.location.clone(),
            participants: m.participants,
            broadcasts: m.broadcasts,
            evidence: m.evidence.clone(),
            submitted_to,
            public: m.public,
            summary: m.summary.clone(),
            plan_activities: m.plan_activities.clone(),
            fingerprint: h.finish(),
        });
    }
    out.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.key.cmp(&b.key)));
    out
}

fn resolve_submissions(
    l: &Loaded<Event>,
    subs: &[Submission],
    resolver: &UnitResolver,
    diags: &mut Vec<Diagnostic>,
) -> Vec<(usize, Option<NaiveDate>)> {
    subs.iter()
        .filter_map(|s| match resolver.resolve(&s.recipient) {
            Some(u) => Some((u, s.date.map(|d| d.0))),
            None if resolver.broken.unit(&s.recipient) => None,
            None => {
                diags.push(
                    l.error_at(
                        "E010",
                        "submitted_to",
                        Some(&s.recipient),
                        format!("không có đơn vị `{}`", s.recipient),
                    )
                    .hint(resolver.suggest(&s.recipient)),
                );
                None
            }
        })
        .collect()
}

/// Link each offline activity to the plan activities it names.
pub(super) fn link(plans: &mut [PlanEntry], events: &[EventEntry]) {
    for (i, e) in events.iter().enumerate() {
        for pa in &e.plan_activities {
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
                && !p.activities[x].events.contains(&i)
            {
                p.activities[x].events.push(i);
            }
        }
    }
}
