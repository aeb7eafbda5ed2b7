//! A signature per job: a number that changes whenever anything the job's
//! files show changes. `serve` keeps the signatures of the last good build and,
//! after an edit, renders only the jobs whose signature changed or that are new.
//!
//! Signatures are made of values the model already holds, so computing them for
//! ten thousand pages takes a few milliseconds: each source file's fingerprint
//! (a hash of its text), the URLs and names other files give it, which items a
//! page lists and in what order, the templates a job uses (with every template
//! they mention, and every template defining components), the variants of the
//! pictures it shows (a replaced photo gets new file names), and the
//! site-wide values every page shows. The rule: a job's signature covers everything
//! `render_job` reads for it. `tests/serve_incremental.rs` checks the rule over
//! random sequences of edits against full builds.

use std::collections::{BTreeSet, HashMap};
use std::hash::{Hash, Hasher};

use rustc_hash::FxHasher;

use rayon::prelude::*;

use super::{
    DOCUMENTS_PER_PAGE, Home, Job, JobKind, Renderer, body_images, context, feeds, item_template,
    par,
};
use crate::content::types::{DateTime, Image};
use crate::markdown::Rendered;
use crate::site::{Item, ItemKind, Site};
use crate::theme::Theme;

/// A hasher with a typed `add`. Fx: fast on the many short values hashed per
/// rebuild, deterministic, and collisions need no defence here.
struct Sig(FxHasher);

impl Sig {
    fn new(tag: &str) -> Sig {
        let mut h = FxHasher::default();
        tag.hash(&mut h);
        Sig(h)
    }
    fn add<T: Hash + ?Sized>(&mut self, v: &T) -> &mut Sig {
        v.hash(&mut self.0);
        self
    }
    fn date(&mut self, d: Option<DateTime>) -> &mut Sig {
        match d {
            Some(d) => self.add(&(
                d.0.timestamp(),
                d.0.timestamp_subsec_nanos(),
                d.0.offset().local_minus_utc(),
            )),
            None => self.add(&0u8),
        }
    }
    /// The day `now` falls on in Vietnam: what pages that depend on the clock
    /// (campaign banners, quarters, plan status, the footer's year) change by.
    fn today(&mut self, now: DateTime) -> &mut Sig {
        self.add(&now.0.with_timezone(&crate::vi::tz()).date_naive())
    }
    fn done(&self) -> u64 {
        self.0.finish()
    }
    /// The variants of front matter pictures.
    fn images<'i>(&mut self, site: &Site, images: impl Iterator<Item = &'i Image>) -> &mut Sig {
        for img in images {
            self.add(&site.images.get(&img.src));
        }
        self
    }
    /// The variants of the pictures a body shows.
    fn body(&mut self, site: &Site, body: &Rendered) -> &mut Sig {
        for (src, r) in body_images::catalogued(site, body) {
            self.add(src).add(r);
        }
        self
    }
}

/// The picture a card of `item` shows.
fn card_image(item: &Item) -> Option<&Image> {
    match &item.kind {
        ItemKind::Article(a) => a.image.as_ref(),
        _ => None,
    }
}

/// Per-site values shared by all signatures, computed once per rebuild.
struct Inputs<'r> {
    site: &'r Site,
    /// The site's newest DC.date, which the pages leading to everything show.
    newest: Option<String>,
    /// Everything every page shows: site view, base path, asset URLs.
    global: u64,
    /// Template name → hash of it and every template it depends on.
    templates: HashMap<&'r str, u64>,
    /// Unit index → its source file and URL.
    unit: Vec<u64>,
    /// Item index → what a card (list entry) of it shows.
    card: Vec<u64>,
    /// Item index → what a feed entry of it shows.
    feed: Vec<u64>,
    /// Item index → index into `Site::plans`, for the plans' own pages.
    plan_of: HashMap<usize, usize>,
}

impl Renderer<'_> {
    /// One signature per job (same order): equal signatures, equal files.
    /// Then the search index's, which `jobs` leave out (`jobs_but_search`).
    pub fn signatures(&self, jobs: &[Job]) -> (Vec<u64>, u64) {
        let inputs = Inputs::new(self);
        let each = jobs.par_iter().map(|j| inputs.job(self, &j.kind)).collect();
        (each, inputs.job(self, &JobKind::SearchIndex))
    }

    /// Every job as its first file and one number for its signature and
    /// files, without building the search index (its files follow from what
    /// it indexes): what `build` compares with the last build to know that
    /// nothing would change.
    pub fn plan(&self) -> Vec<(String, u64)> {
        let inputs = Inputs::new(self);
        self.kinds()
            .par_iter()
            .map(|kind| {
                let mut sig = Sig::new("plan");
                sig.add(&inputs.job(self, kind));
                let first = match kind {
                    JobKind::SearchIndex => format!("{}/index.json", super::search_index::DIR),
                    _ => {
                        let outputs = self.outputs_of(kind);
                        sig.add(&outputs);
                        outputs.into_iter().next().unwrap_or_default()
                    }
                };
                (first, sig.done())
            })
            .collect()
    }
}

/// Which templates each template needs: those whose quoted name it contains
/// (`{% extends "base.html" %}`, `{% include "partials/card.html" %}`), and
/// those that define components, which every template may call.
fn template_hashes(theme: &Theme) -> HashMap<&str, u64> {
    let names: Vec<&str> = theme.templates.keys().map(String::as_str).collect();
    let with_components: Vec<&str> = theme
        .templates
        .iter()
        .filter(|(_, t)| t.contains("{% component") || t.contains("{%- component"))
        .map(|(n, _)| n.as_str())
        .collect();
    let direct: HashMap<&str, Vec<&str>> = theme
        .templates
        .iter()
        .map(|(name, text)| {
            let deps = names
                .iter()
                .copied()
                .filter(|n| {
                    n != name
                        && (text.contains(&format!("\"{n}\"")) || text.contains(&format!("'{n}'")))
                })
                .chain(with_components.iter().copied())
                .collect();
            (name.as_str(), deps)
        })
        .collect();
    names
        .iter()
        .map(|&name| {
            let mut seen = BTreeSet::new();
            let mut todo = vec![name];
            while let Some(n) = todo.pop() {
                if seen.insert(n) {
                    todo.extend(direct.get(n).into_iter().flatten().copied());
                }
            }
            let mut sig = Sig::new("template");
            for n in seen {
                sig.add(n).add(&theme.templates[n]);
            }
            (name, sig.done())
        })
        .collect()
}

impl<'r> Inputs<'r> {
    fn new(r: &'r Renderer) -> Inputs<'r> {
        let site = r.site;
        let mut global = Sig::new("global");
        let view = serde_json::to_string(&context::SiteView::new(site)).unwrap_or_default();
        global.add(&view).add(&site.base_path);
        for (name, asset) in &r.theme.assets {
            global.add(name).add(&asset.out_path);
        }
        // Procedures show on the home page, the catalogue and each other's and
        // their news' pages: any change to one renders everything again.
        // Procedures change rarely; this keeps the signatures simple and safe.
        // (The news naming a procedure are signed where they show: on the
        // procedure's page.)
        for (i, item) in site.items.iter().enumerate() {
            if matches!(item.kind, ItemKind::Procedure(_)) {
                global.add(&i).add(&item.fingerprint).add(&item.path);
                if let Some(&u) = item.units.first() {
                    global.add(&site.units[u].fingerprint);
                }
            }
        }
        let unit: Vec<u64> = site
            .units
            .iter()
            .map(|u| Sig::new("unit").add(&u.fingerprint).add(&u.path).done())
            .collect();
        let lead = |i: usize| site.items[i].units.first().map(|&u| unit[u]);
        let card: Vec<u64> = (0..site.items.len())
            .into_par_iter()
            .map(|i| {
                let item = &site.items[i];
                Sig::new("card")
                    .add(&item.fingerprint)
                    .add(&item.path)
                    .add(&lead(i))
                    .images(site, card_image(item).into_iter())
                    .done()
            })
            .collect();
        let feed: Vec<u64> = (0..site.items.len())
            .into_par_iter()
            .map(|i| {
                let mut sig = Sig::new("feed");
                sig.add(&card[i]);
                for &t in &site.items[i].tags {
                    sig.add(&site.tags[t].name);
                }
                sig.done()
            })
            .collect();
        Inputs {
            site,
            newest: context::site_dc_date(site),
            global: global.done(),
            templates: template_hashes(r.theme),
            unit,
            card,
            feed,
            plan_of: site
                .plans
                .iter()
                .enumerate()
                .map(|(p, x)| (x.item, p))
                .collect(),
        }
    }

    /// A signature seeded with the site-wide values and the job's templates.
    fn start(&self, templates: &[&str]) -> Sig {
        let mut sig = Sig::new("job");
        sig.add(&self.global);
        for t in templates {
            sig.add(t).add(&self.templates.get(t));
        }
        sig
    }

    /// Offline activities as a page lists and counts them: their whole file.
    fn events(&self, sig: &mut Sig, events: &[usize]) {
        sig.add(&events.len());
        for &e in events {
            let e = &self.site.events[e];
            sig.add(&e.key).add(&e.fingerprint);
        }
    }

    fn cards(&self, sig: &mut Sig, items: &[usize]) {
        sig.add(&items.len());
        for &i in items {
            sig.add(&self.card[i]);
        }
    }

    /// What `feeds::render` shows for `items`, and the date an empty feed
    /// shows when it shows none.
    fn feed(&self, sig: &mut Sig, path: &str, title: &str, items: &[usize]) {
        sig.add(path).add(title);
        let mut any = false;
        for i in feeds::selected(self.site, items) {
            sig.add(&self.feed[i]);
            any = true;
        }
        if !any {
            sig.date(Some(feeds::empty_feed_date(self.site)));
        }
    }

    fn job(&self, r: &Renderer, job: &JobKind) -> u64 {
        let site = self.site;
        let per = site.config.paginate_by;
        let page_of = |items_len: usize, page: usize| {
            ((page - 1) * per).min(items_len)..(page * per).min(items_len)
        };
        match job {
            JobKind::Home => {
                let home = Home::of(site);
                let mut sig = self.start(&["index.html"]);
                self.cards(&mut sig, &home.featured);
                self.cards(&mut sig, &home.latest);
                if let Some((par, items)) = &home.par {
                    sig.add(&par.path).add(&par.name);
                    self.cards(&mut sig, items);
                    sig.today(site.now);
                }
                self.cards(&mut sig, home.documents);
                // Active campaigns' banner.
                for p in site.plans.iter() {
                    sig.add(&self.card[p.item]);
                }
                sig.today(site.now);
                sig.done()
            }
            JobKind::Item(i) => {
                let item = &site.items[*i];
                let template = item_template(item);
                let mut sig = self.start(&[&template, "plan.html"]);
                sig.add(&item.fingerprint)
                    .add(&item.path)
                    .body(site, &item.body);
                if let ItemKind::Article(a) = &item.kind {
                    sig.images(site, a.image.iter().chain(&a.gallery));
                }
                // A plan's page lists the items that carry out each activity
                // and the quarters they fall in (which depend on the clock),
                // names units, and links its parent plan.
                if let Some(&p) = self.plan_of.get(i) {
                    let plan = &site.plans[p];
                    sig.today(site.now);
                    sig.add(&site.config.report.public_verdicts);
                    for a in &plan.activities {
                        self.cards(&mut sig, &a.items);
                        self.events(&mut sig, &a.events);
                    }
                    for u in &self.unit {
                        sig.add(u);
                    }
                    let parent = plan
                        .document(&site.items)
                        .and_then(|d| d.parent_plan.as_deref())
                        .map(|k| k.trim_matches('/'));
                    if let Some(k) = parent {
                        for q in site.plans.iter().filter(|q| q.key == k) {
                            sig.add(&self.card[q.item]);
                        }
                    }
                }
                for &u in &item.units {
                    sig.add(&self.unit[u]);
                }
                for &t in &item.tags {
                    sig.add(&site.tags[t].name).add(&site.tags[t].path);
                }
                self.cards(&mut sig, &item.related_documents);
                self.cards(&mut sig, &item.related_procedures);
                match &item.kind {
                    ItemKind::Procedure(_) => {
                        // The news that name it, listed on its page.
                        let news = site.procedures.news.get(i).map_or(&[][..], Vec::as_slice);
                        self.cards(&mut sig, news);
                    }
                    ItemKind::Article(a) => {
                        // `submitted_to` names any unit by id or alias.
                        for s in &a.submitted_to {
                            let unit = site.units.iter().position(|u| {
                                u.unit.id == s.recipient || u.unit.aliases.contains(&s.recipient)
                            });
                            sig.add(&unit.map(|u| self.unit[u]));
                        }
                    }
                    ItemKind::Page(p) if p.template.as_deref() == Some("tiep-can-thong-tin") => {
                        for &d in &site.documents {
                            sig.add(&site.items[d].fingerprint).add(&site.items[d].path);
                        }
                    }
                    _ => {}
                }
                sig.done()
            }
            JobKind::List { spec, page } => {
                let spec = &r.lists[*spec];
                let mut sig = self.start(&["list.html"]);
                sig.add(&spec.path)
                    .add(&spec.title)
                    .add(&spec.description)
                    .add(&spec.trail)
                    .add(&spec.feeds)
                    .add(page)
                    .add(&spec.items.len());
                self.cards(&mut sig, &spec.items[page_of(spec.items.len(), *page)]);
                sig.done()
            }
            JobKind::Documents { page } => {
                let n = site.documents.len();
                let range =
                    ((page - 1) * DOCUMENTS_PER_PAGE).min(n)..(page * DOCUMENTS_PER_PAGE).min(n);
                let mut sig = self.start(&["documents.html"]);
                sig.add(page).add(&n);
                for &d in &site.documents[range] {
                    sig.add(&site.items[d].fingerprint).add(&site.items[d].path);
                }
                sig.done()
            }
            JobKind::Unit { unit, page } => {
                let entry = &site.units[*unit];
                let mut sig = if *page == 1 {
                    self.start(&["unit.html", "rss.xml", "atom.xml"])
                } else {
                    self.start(&["unit.html"])
                };
                sig.add(&self.unit[*unit])
                    .add(page)
                    .add(&entry.items.len())
                    .body(site, &entry.body);
                for u in entry
                    .parent
                    .iter()
                    .chain(&entry.children)
                    .chain(&entry.replaced_by)
                {
                    sig.add(&self.unit[*u]);
                }
                // Every role counts in the lead/coordinating totals.
                for (_, role) in &entry.items {
                    sig.add(&(*role == crate::site::Role::Lead));
                }
                for &(i, role) in &entry.items[page_of(entry.items.len(), *page)] {
                    sig.add(&self.card[i])
                        .add(&(role == crate::site::Role::Lead));
                }
                if *page == 1 {
                    let items: Vec<usize> = entry.items.iter().map(|(i, _)| *i).collect();
                    self.feed(&mut sig, &entry.path, &entry.unit.name, &items);
                }
                sig.done()
            }
            JobKind::UnitsIndex => {
                let mut sig = self.start(&["units.html"]);
                sig.add(&self.newest);
                for (u, entry) in site.units.iter().enumerate() {
                    sig.add(&self.unit[u]).add(&entry.items.len());
                }
                sig.done()
            }
            JobKind::TagsIndex => {
                let mut sig = self.start(&["tags.html"]);
                sig.add(&self.newest);
                for t in site.tags.iter() {
                    sig.add(&t.name).add(&t.path).add(&t.items.len());
                }
                sig.done()
            }
            JobKind::SectionsIndex => {
                let mut sig = self.start(&["sections.html"]);
                sig.add(&self.newest);
                for s in &site.sections {
                    sig.add(&s.path).add(&s.items.len());
                }
                sig.done()
            }
            JobKind::SiteMapHtml => {
                let mut sig = self.start(&["sitemap.html"]);
                sig.add(&self.newest);
                for &i in site.pages.iter().chain(&site.documents) {
                    sig.add(&site.items[i].title).add(&site.items[i].path);
                }
                for (u, entry) in site.units.iter().enumerate().filter(|(_, e)| e.has_page()) {
                    sig.add(&self.unit[u]).add(&entry.path);
                }
                for t in site.tags.iter() {
                    sig.add(&t.name).add(&t.path);
                }
                sig.done()
            }
            JobKind::SearchPage => {
                let mut sig = self.start(&["search.html"]);
                sig.add(&self.newest);
                for item in &site.items {
                    sig.add(crate::render::search_index::search_type(&item.kind).id);
                }
                for (u, entry) in site.units.iter().enumerate() {
                    sig.add(&self.unit[u])
                        .add(&entry.has_page())
                        .add(&entry.items.is_empty());
                }
                for s in &site.sections {
                    sig.add(&s.path).add(&s.name).add(&s.items.len());
                }
                sig.add(&site.documents.len())
                    .add(&site.news.len())
                    .add(&site.procedures.all.len());
                sig.done()
            }
            JobKind::NotFound => self.start(&["404.html"]).done(),
            JobKind::Feeds => {
                let mut sig = self.start(&["rss.xml", "atom.xml"]);
                self.feed(&mut sig, "/", &site.config.name, &super::feed_items(site));
                for s in &site.sections {
                    self.feed(&mut sig, &s.path, &s.name, &s.items);
                }
                sig.done()
            }
            JobKind::SiteMapXml => {
                let mut sig = self.start(&["sitemap.xml"]);
                for item in &site.items {
                    sig.add(&item.path).date(item.updated).date(item.date);
                }
                for (u, _) in site.units.iter().enumerate().filter(|(_, e)| e.has_page()) {
                    sig.add(&self.unit[u]);
                }
                for t in site.tags.iter() {
                    sig.add(&t.path);
                }
                sig.done()
            }
            JobKind::Robots => self.start(&[]).done(),
            JobKind::SearchIndex => {
                // Every item's text and what its record shows: any content
                // edit rebuilds the index.
                let mut sig = self.start(&[]);
                for (i, item) in site.items.iter().enumerate() {
                    sig.add(&self.card[i])
                        .add(&item.fingerprint)
                        .add(&item.par_areas);
                    for &u in &item.units {
                        sig.add(&self.unit[u]);
                    }
                    // A tag is shown by its first spelling on the site.
                    for &t in &item.tags {
                        sig.add(&site.tags[t].name);
                    }
                }
                sig.done()
            }
            JobKind::Par(page) => {
                let mut sig = Sig::new("par");
                sig.add(&format!("{page:?}"));
                match page {
                    par::Page::Index => {
                        // Counts, the plans with their status, the latest news.
                        sig.add(&self.start(&["par.html"]).done());
                        for items in site.par_areas.values().chain(site.indices.values()) {
                            sig.add(&items.len());
                        }
                        sig.add(&site.par_areas.len()).add(&site.indices.len());
                        for p in site.plans.iter() {
                            sig.add(&self.card[p.item]).add(&format!("{:?}", p.status));
                        }
                        self.cards(&mut sig, &par::latest(site));
                    }
                    par::Page::Report => {
                        // Each reported plan's activities, quarter by quarter
                        // (the clock decides which are due), per unit.
                        sig.add(&self.start(&["par-report.html"]).done())
                            .today(site.now);
                        sig.add(&site.config.report.public_verdicts);
                        for p in crate::report::plans_to_report(site, None) {
                            sig.add(&self.card[p.item]);
                            for a in &p.activities {
                                self.cards(&mut sig, &a.items);
                                self.events(&mut sig, &a.events);
                            }
                        }
                        for u in &self.unit {
                            sig.add(u);
                        }
                    }
                    par::Page::Area(..) | par::Page::IndexTag(..) => {
                        sig.add(&self.start(&["par-list.html"]).done());
                        if let Some((_, _, items, n)) = par::list_of(site, page) {
                            sig.add(&items.len());
                            self.cards(&mut sig, &items[page_of(items.len(), n)]);
                        }
                        // The area's scope: the plans' activities in it, their
                        // lead units, and the plans that name it.
                        for &d in &site.documents {
                            sig.add(&self.card[d]);
                        }
                        for p in site.plans.iter() {
                            sig.add(&self.card[p.item]);
                        }
                        for u in &self.unit {
                            sig.add(u);
                        }
                    }
                }
                sig.done()
            }
            JobKind::Procedures(page) => {
                let mut sig = self.start(&["procedures.html", "procedures-az.html"]);
                sig.add(&format!("{page:?}"));
                for u in &self.unit {
                    sig.add(u);
                }
                sig.done()
            }
            JobKind::Asset(name) => {
                let a = &r.theme.assets[name];
                Sig::new("asset").add(&a.out_path).add(&a.bytes).done()
            }
        }
    }
}
