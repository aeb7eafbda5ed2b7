//! RENDER: `Site` + `Theme` → the list of files to write. No IO here.
//!
//! Every output is a `Job`; jobs render in parallel (rayon) and the result is
//! sorted by path, so the output does not depend on thread timing. Jobs can be
//! listed with the files they write and a signature of what they show
//! (`signature.rs`), so `serve` renders again only the jobs whose inputs changed.

mod body_images;
pub mod context;
mod disclosures;
pub mod feeds;
pub mod par;
pub mod procedures;
pub mod search_index;
pub mod search_page;
pub mod search_text;
mod signature;
pub mod sitemap;

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Kwargs, State, Tera};

use crate::diagnostics::Diagnostic;
use crate::paths::output_file;
use crate::site::{ItemKind, Site};
use crate::theme::Theme;
use context::{Card, RoleCard, SiteView};

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// Relative to the output folder, `/`-separated: `tin-tuc/abc/index.html`.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// How many documents one page of the document table shows.
const DOCUMENTS_PER_PAGE: usize = 50;

/// A paginated list: which items, at which path, with which heading.
#[derive(Debug, Clone)]
struct ListSpec {
    /// Site path of page 1, `/tin-tuc/`.
    path: String,
    title: String,
    description: Option<String>,
    items: Vec<usize>,
    trail: Vec<(String, String)>,
    feeds: Option<(String, String)>,
}

/// One piece of rendering work: a page, or a few files rendered together
/// (a unit's first page and its feeds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    kind: JobKind,
    /// The files it writes, relative to the output folder.
    outputs: Vec<String>,
}

impl Job {
    /// The files this job writes (`tin-tuc/abc/index.html`), known before rendering.
    pub fn outputs(&self) -> &[String] {
        &self.outputs
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum JobKind {
    Home,
    Item(usize),
    List { spec: usize, page: usize },
    Documents { page: usize },
    Unit { unit: usize, page: usize },
    UnitsIndex,
    TagsIndex,
    SectionsIndex,
    SiteMapHtml,
    SearchPage,
    SearchIndex,
    NotFound,
    Feeds,
    SiteMapXml,
    Robots,
    Asset(String),
    Procedures(procedures::Page),
    Par(par::Page),
}

/// The renderer for one build: Tera with the theme's templates and filters.
pub struct Renderer<'a> {
    tera: Tera,
    site: &'a Site,
    theme: &'a Theme,
    lists: Vec<ListSpec>,
    /// The search index files, built once: the job lists them before it
    /// renders them, and building the index is not cheap. Their paths stay;
    /// the files are handed over when the job renders (and built again only if
    /// it renders twice).
    search: std::sync::OnceLock<(Vec<String>, std::sync::Mutex<Option<Vec<Output>>>)>,
}

fn template_error(name: &str, e: &tera::Error) -> Diagnostic {
    let mut msg = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        source = s.source();
    }
    Diagnostic::error("E017", format!("lỗi mẫu giao diện `{name}`: {msg}"))
        .in_file(format!("themes/…/templates/{name}"))
}

impl<'a> Renderer<'a> {
    pub fn new(site: &'a Site, theme: &'a Theme) -> Result<Renderer<'a>, Vec<Diagnostic>> {
        let mut tera = Tera::new();
        tera.autoescape_on([".html", ".xml"]);
        let base_path = site.base_path.clone();
        tera.register_filter("link", move |path: &str, _: Kwargs, _: &State| {
            if path.starts_with('/') && !path.starts_with("//") {
                format!("{base_path}{path}")
            } else {
                path.to_string()
            }
        });
        tera.register_filter("urlencode", |s: &str, _: Kwargs, _: &State| {
            crate::media::encode_query_value(s)
        });
        let assets: BTreeMap<String, String> = theme
            .assets
            .iter()
            .map(|(name, a)| (name.clone(), site.href(&format!("/{}", a.out_path))))
            .collect();
        tera.register_function(
            "asset",
            move |kwargs: Kwargs, _: &State| -> tera::TeraResult<String> {
                let name: &str = kwargs.must_get("name")?;
                assets.get(name).cloned().ok_or_else(|| {
                    tera::Error::message(format!("giao diện không có tệp tĩnh `{name}`"))
                })
            },
        );
        let templates: Vec<(&str, &str)> = theme
            .templates
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect();
        tera.add_raw_templates(templates)
            .map_err(|e| vec![template_error("…", &e)])?;
        let view = SiteView::new(site);
        tera.global_context().insert("site", &view);
        let lists = list_specs(site);
        Ok(Renderer {
            tera,
            site,
            theme,
            lists,
            search: std::sync::OnceLock::new(),
        })
    }

    /// The search index files of this site.
    fn search_index(&self) -> &(Vec<String>, std::sync::Mutex<Option<Vec<Output>>>) {
        self.search.get_or_init(|| {
            let files = search_index::outputs(self.site);
            let paths = files.iter().map(|o| o.path.clone()).collect();
            (paths, std::sync::Mutex::new(Some(files)))
        })
    }

    fn take_search_index(&self) -> Vec<Output> {
        let taken = match self.search_index().1.lock() {
            Ok(mut files) => files.take(),
            Err(poisoned) => poisoned.into_inner().take(),
        };
        taken.unwrap_or_else(|| search_index::outputs(self.site))
    }

    /// Every job of the site, each with the files it writes.
    pub fn jobs(&self) -> Vec<Job> {
        self.kinds()
            .into_iter()
            .map(|kind| Job {
                outputs: self.outputs_of(&kind),
                kind,
            })
            .collect()
    }

    /// Every job but the search index, with its files: `serve` builds the
    /// index after the pages, so that the edited page reaches the browser
    /// without waiting for it.
    pub fn jobs_but_search(&self) -> Vec<Job> {
        self.kinds()
            .into_par_iter()
            .filter(|k| !matches!(k, JobKind::SearchIndex))
            .map(|kind| Job {
                outputs: self.outputs_of(&kind),
                kind,
            })
            .collect()
    }

    /// Every job of the site, without its files.
    fn kinds(&self) -> Vec<JobKind> {
        let site = self.site;
        let pages = |n: usize, per: usize| n.div_ceil(per).max(1);
        let per = site.config.paginate_by;
        let mut kinds = vec![
            JobKind::Home,
            JobKind::UnitsIndex,
            JobKind::TagsIndex,
            JobKind::SectionsIndex,
            JobKind::SiteMapHtml,
            JobKind::SearchPage,
            JobKind::SearchIndex,
            JobKind::NotFound,
            JobKind::Feeds,
            JobKind::SiteMapXml,
            JobKind::Robots,
        ];
        kinds.extend((0..site.items.len()).map(JobKind::Item));
        for (i, spec) in self.lists.iter().enumerate() {
            kinds.extend(
                (1..=pages(spec.items.len(), per)).map(|page| JobKind::List { spec: i, page }),
            );
        }
        kinds.extend(
            (1..=pages(site.documents.len(), DOCUMENTS_PER_PAGE))
                .map(|page| JobKind::Documents { page }),
        );
        for (u, entry) in site.units.iter().enumerate().filter(|(_, e)| e.has_page()) {
            kinds.extend(
                (1..=pages(entry.items.len(), per)).map(|page| JobKind::Unit { unit: u, page }),
            );
        }
        kinds.extend(procedures::jobs(site).into_iter().map(JobKind::Procedures));
        kinds.extend(par::jobs(site).into_iter().map(JobKind::Par));
        kinds.extend(self.theme.assets.keys().cloned().map(JobKind::Asset));
        kinds
    }

    /// The files a job writes, from the model alone.
    fn outputs_of(&self, kind: &JobKind) -> Vec<String> {
        let site = self.site;
        let feeds = |path: &str| {
            [
                output_file(&format!("{path}rss.xml")),
                output_file(&format!("{path}atom.xml")),
            ]
        };
        match kind {
            JobKind::Home => vec!["index.html".into()],
            JobKind::Item(i) => vec![output_file(&site.items[*i].path)],
            JobKind::List { spec, page } => {
                vec![output_file(&context::pager_path(
                    &self.lists[*spec].path,
                    *page,
                ))]
            }
            JobKind::Documents { page } => {
                vec![output_file(&context::pager_path("/van-ban/", *page))]
            }
            JobKind::Unit { unit, page } => {
                let path = &site.units[*unit].path;
                let mut out = vec![output_file(&context::pager_path(path, *page))];
                if *page == 1 {
                    out.extend(feeds(path));
                }
                out
            }
            JobKind::UnitsIndex => vec!["don-vi/index.html".into()],
            JobKind::TagsIndex => vec!["tu-khoa/index.html".into()],
            JobKind::SectionsIndex => vec!["chuyen-muc/index.html".into()],
            JobKind::SiteMapHtml => vec!["so-do-trang/index.html".into()],
            JobKind::NotFound => vec!["404.html".into()],
            JobKind::Feeds => {
                let mut out = feeds("/").to_vec();
                for s in &site.sections {
                    out.extend(feeds(&s.path));
                }
                out
            }
            JobKind::SiteMapXml => vec!["sitemap.xml".into()],
            JobKind::Robots => vec!["robots.txt".into()],
            JobKind::Procedures(page) => vec![output_file(&procedures::page_path(site, page))],
            JobKind::Par(page) => vec![output_file(&par::page_path(page))],
            JobKind::SearchPage => vec![output_file(search_page::PATH)],
            JobKind::SearchIndex => self.search_index().0.clone(),
            JobKind::Asset(name) => vec![self.theme.assets[name].out_path.clone()],
        }
    }

    /// Render every output file of the site, with warnings about the result.
    /// Render every job of the site, handing each file to `sink` as soon as
    /// it is made (see `render_each`).
    pub fn render_site<T: Send>(
        &self,
        sink: impl Fn(Output) -> Result<T, Diagnostic> + Sync,
    ) -> Result<Vec<(String, T)>, Vec<Diagnostic>> {
        let mut watch = crate::timing::Stopwatch::start();
        let jobs = self.jobs();
        watch.lap("list jobs");
        let diags = duplicate_outputs(&jobs);
        if !diags.is_empty() {
            return Err(diags);
        }
        self.render_each(&jobs, sink)
    }

    /// Render some jobs (in parallel), sorted by path; every failure is reported.
    pub fn render_jobs(&self, jobs: &[Job]) -> Result<Vec<Output>, Vec<Diagnostic>> {
        let files = self.render_each(jobs, Ok)?;
        Ok(files.into_iter().map(|(_, o)| o).collect())
    }

    /// Render some jobs in parallel and hand each file to `sink` as soon as
    /// it is made: `build` writes it out and keeps only what the link check
    /// needs, so a large site never sits in memory whole. Returns what `sink`
    /// returned for each file, sorted by path; every failure is reported.
    pub fn render_each<T: Send>(
        &self,
        jobs: &[Job],
        sink: impl Fn(Output) -> Result<T, Diagnostic> + Sync,
    ) -> Result<Vec<(String, T)>, Vec<Diagnostic>> {
        let tally = crate::timing::Tally::default();
        let timed = crate::timing::enabled();
        let results: Vec<Result<Vec<(String, T)>, Diagnostic>> = jobs
            .par_iter()
            .map(|j| {
                let started = std::time::Instant::now();
                let out = self.render_job(&j.kind)?;
                if timed {
                    let kind = format!("{:?}", j.kind);
                    let name = kind
                        .split(|c: char| !c.is_alphanumeric())
                        .next()
                        .unwrap_or("");
                    tally.add(name, started);
                }
                debug_assert!(
                    out.iter().map(|o| &o.path).eq(j.outputs.iter()),
                    "{:?} wrote {:?}",
                    j.kind,
                    out.iter().map(|o| &o.path).collect::<Vec<_>>()
                );
                out.into_iter()
                    .map(|o| {
                        let path = o.path.clone();
                        sink(o).map(|t| (path, t))
                    })
                    .collect()
            })
            .collect();
        tally.print("job");
        let mut files = Vec::new();
        let mut diags = Vec::new();
        for r in results {
            match r {
                Ok(o) => files.extend(o),
                Err(d) => diags.push(d),
            }
        }
        if !diags.is_empty() {
            return Err(diags);
        }
        files.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(files)
    }

    fn page(&self, template: &str, path: &str, ctx: &Context) -> Result<Output, Diagnostic> {
        let html = self
            .tera
            .render(template, ctx)
            .map_err(|e| template_error(template, &e))?;
        Ok(Output {
            path: output_file(path),
            bytes: html.into_bytes(),
        })
    }

    fn base_ctx(&self, path: &str, title: &str, trail: &[(&str, &str)]) -> Context {
        let mut ctx = Context::new();
        ctx.insert("current_path", path);
        ctx.insert("active_menu", &context::active_menu(self.site, path));
        ctx.insert("title", title);
        ctx.insert("permalink", &self.site.permalink(path));
        let crumbs = if trail.is_empty() {
            Vec::new()
        } else {
            context::crumbs(self.site, trail)
        };
        ctx.insert("breadcrumbs", &crumbs);
        let config = &self.site.config;
        ctx.insert(
            "description",
            config.description.as_deref().unwrap_or(&config.name),
        );
        ctx.insert("og_type", "website");
        ctx.insert("creator", &config.owner);
        ctx.insert("dc_date", "");
        ctx.insert("og_image", &None::<()>);
        ctx
    }

    fn cards(&self, items: &[usize]) -> Vec<Card> {
        items
            .iter()
            .map(|&i| context::card(self.site, &self.site.items[i]))
            .collect()
    }

    fn render_job(&self, job: &JobKind) -> Result<Vec<Output>, Diagnostic> {
        let site = self.site;
        let per = site.config.paginate_by;
        match job {
            JobKind::Home => {
                let mut ctx = self.base_ctx("/", &site.config.name, &[]);
                let home = Home::of(site);
                ctx.insert("featured", &self.cards(&home.featured));
                ctx.insert("latest", &self.cards(&home.latest));
                if let Some((par, items)) = &home.par {
                    ctx.insert(
                        "par_section",
                        &context::Link {
                            name: par.name.clone(),
                            href: site.href(&par.path),
                        },
                    );
                    ctx.insert("par_latest", &self.cards(items));
                }
                if let Some(c) = site.config.campaign.as_ref() {
                    if c.is_active(&site.now.0) {
                        ctx.insert("campaign", c);
                        ctx.insert("campaign_href", &context::link(site, &c.url));
                    }
                }
                // The procedure catalogue once the site has one in its menu;
                // the national portal until then.
                if let Some(m) = site
                    .config
                    .menu
                    .iter()
                    .find(|m| m.url.as_str() == "/thu-tuc-hanh-chinh/")
                {
                    ctx.insert("procedures_href", &site.href(&m.url));
                }
                ctx.insert("documents", &self.cards(home.documents));
                let shown = home
                    .featured
                    .iter()
                    .chain(&home.latest)
                    .chain(home.documents);
                if let Some(d) = context::newest_dc_date(shown.map(|&i| &*site.items[i])) {
                    ctx.insert("dc_date", &d);
                }
                procedures::home_context(site, &mut ctx);
                ctx.insert("campaigns", &par::active_campaigns(site));
                Ok(vec![self.page("index.html", "/", &ctx)?])
            }
            JobKind::Item(i) => {
                let item = &site.items[*i];
                let view = context::item_page(site, item);
                let template = item_template(item);
                let owned_trail = match &item.kind {
                    ItemKind::Procedure(_) => procedures::trail(site, *i),
                    _ => Vec::new(),
                };
                let template = if site.plans.iter().any(|p| p.item == *i) {
                    "plan.html".to_string()
                } else {
                    template
                };
                let trail: Vec<(&str, &str)> = match &item.kind {
                    ItemKind::Procedure(_) => owned_trail
                        .iter()
                        .map(|(a, b)| (a.as_str(), b.as_str()))
                        .collect(),
                    ItemKind::Article(_) => vec![("Tin tức", "/tin-tuc/")],
                    ItemKind::Document(_) if site.plans.iter().any(|p| p.item == *i) => {
                        vec![(par::TITLE, par::ROOT)]
                    }
                    ItemKind::Document(_) => vec![("Văn bản", "/van-ban/")],
                    ItemKind::Page(_) => vec![],
                };
                let mut trail = trail;
                trail.push((&item.title, &item.path));
                let mut ctx = self.base_ctx(&item.path, &item.title, &trail);
                if !item.summary.is_empty() {
                    ctx.insert("description", &item.summary);
                }
                if !matches!(item.kind, ItemKind::Page(_)) {
                    ctx.insert("og_type", "article");
                }
                if let Some(&lead) = item.units.first() {
                    ctx.insert("creator", &site.units[lead].unit.name);
                }
                if let Some(d) = item.date {
                    ctx.insert("published_time", &d.0.to_rfc3339());
                }
                if let Some(d) = context::dc_date(item) {
                    ctx.insert("dc_date", &d);
                }
                if let Some(img) = &view.image {
                    ctx.insert("og_image", img);
                }
                ctx.insert("page", &view);
                procedures::item_context(site, *i, &mut ctx);
                par::plan_context(site, *i, &mut ctx);
                if let ItemKind::Page(p) = &item.kind {
                    if p.template.as_deref() == Some("tiep-can-thong-tin") {
                        ctx.insert("disclosures", &disclosures::groups(site));
                        // The catalogue changes whenever what it lists does.
                        let listed = site.documents.iter().chain(&site.procedures.all);
                        let newest = context::newest_dc_date(
                            listed
                                .map(|&i| &*site.items[i])
                                .chain(std::iter::once(&**item)),
                        );
                        if let Some(d) = newest {
                            ctx.insert("dc_date", &d);
                        }
                    }
                    if !self.theme.templates.contains_key(&template) {
                        let (line, col) = crate::content::front_matter::split(&item.text)
                            .map(|d| d.locate("template", None))
                            .unwrap_or((1, 1));
                        return Err(Diagnostic::error(
                            "E017",
                            format!("giao diện không có mẫu `{template}`"),
                        )
                        .in_file(&item.source)
                        .at(&item.text, line, col)
                        .field("template")
                        .hint(format!(
                            "các mẫu có sẵn: {}",
                            self.theme
                                .templates
                                .keys()
                                .filter(|k| !k.contains('/'))
                                .cloned()
                                .collect::<Vec<_>>()
                                .join(", ")
                        )));
                    }
                }
                Ok(vec![self.page(&template, &item.path, &ctx)?])
            }
            JobKind::List { spec, page } => {
                let spec = &self.lists[*spec];
                let total = spec.items.len().div_ceil(per).max(1);
                let slice = &spec.items
                    [((page - 1) * per).min(spec.items.len())..(page * per).min(spec.items.len())];
                let path = context::pager_path(&spec.path, *page);
                let trail: Vec<(&str, &str)> = spec
                    .trail
                    .iter()
                    .map(|(a, b)| (a.as_str(), b.as_str()))
                    .collect();
                let mut ctx = self.base_ctx(&path, &spec.title, &trail);
                if let Some(d) = &spec.description {
                    ctx.insert("description", d);
                }
                ctx.insert("list_description", &spec.description);
                ctx.insert("items", &self.cards(slice));
                if let Some(d) = context::newest_dc_date(slice.iter().map(|&i| &*site.items[i])) {
                    ctx.insert("dc_date", &d);
                }
                ctx.insert(
                    "paginator",
                    &context::paginator(site, &spec.path, *page, total, spec.items.len()),
                );
                if let Some((rss, atom)) = &spec.feeds {
                    ctx.insert(
                        "feeds",
                        &context::FeedLinks {
                            rss: site.href(rss),
                            atom: site.href(atom),
                        },
                    );
                }
                Ok(vec![self.page("list.html", &path, &ctx)?])
            }
            JobKind::Documents { page } => {
                let total = site.documents.len().div_ceil(DOCUMENTS_PER_PAGE).max(1);
                let start = ((page - 1) * DOCUMENTS_PER_PAGE).min(site.documents.len());
                let end = (page * DOCUMENTS_PER_PAGE).min(site.documents.len());
                let rows: Vec<_> = site.documents[start..end]
                    .iter()
                    .filter_map(|&i| match &site.items[i].kind {
                        ItemKind::Document(d) => Some(context::doc_row(site, &site.items[i], d)),
                        _ => None,
                    })
                    .collect();
                let path = context::pager_path("/van-ban/", *page);
                let mut ctx = self.base_ctx(&path, "Văn bản", &[("Văn bản", "/van-ban/")]);
                ctx.insert("documents", &rows);
                let shown = site.documents[start..end].iter().map(|&i| &*site.items[i]);
                if let Some(d) = context::newest_dc_date(shown) {
                    ctx.insert("dc_date", &d);
                }
                ctx.insert(
                    "paginator",
                    &context::paginator(site, "/van-ban/", *page, total, site.documents.len()),
                );
                Ok(vec![self.page("documents.html", &path, &ctx)?])
            }
            JobKind::Unit { unit, page } => {
                let entry = &site.units[*unit];
                let total = entry.items.len().div_ceil(per).max(1);
                let slice = &entry.items[((page - 1) * per).min(entry.items.len())
                    ..(page * per).min(entry.items.len())];
                let cards: Vec<RoleCard> = slice
                    .iter()
                    .map(|&(i, role)| RoleCard {
                        card: context::card(site, &site.items[i]),
                        role,
                    })
                    .collect();
                let path = context::pager_path(&entry.path, *page);
                let mut ctx = self.base_ctx(
                    &path,
                    &entry.unit.name,
                    &[("Đơn vị", "/don-vi/"), (&entry.unit.name, &entry.path)],
                );
                ctx.insert("unit", &context::unit_view(site, entry));
                ctx.insert("items", &cards);
                if let Some(d) =
                    context::newest_dc_date(slice.iter().map(|&(i, _)| &*site.items[i]))
                {
                    ctx.insert("dc_date", &d);
                }
                ctx.insert(
                    "paginator",
                    &context::paginator(site, &entry.path, *page, total, entry.items.len()),
                );
                let mut out = vec![self.page("unit.html", &path, &ctx)?];
                if *page == 1 {
                    let items: Vec<usize> = entry.items.iter().map(|(i, _)| *i).collect();
                    out.extend(feeds::render(self, &entry.path, &entry.unit.name, &items)?);
                }
                Ok(out)
            }
            JobKind::UnitsIndex => {
                #[derive(Serialize)]
                struct Row<'a> {
                    unit: &'a crate::content::Unit,
                    href: Option<String>,
                    count: usize,
                }
                let rows: Vec<Row> = site
                    .units
                    .iter()
                    .map(|u| Row {
                        unit: &u.unit,
                        href: u.has_page().then(|| site.href(&u.path)),
                        count: u.items.len(),
                    })
                    .collect();
                let mut ctx =
                    self.base_ctx("/don-vi/", "Các cơ quan, đơn vị", &[("Đơn vị", "/don-vi/")]);
                ctx.insert("units", &rows);
                if let Some(d) = context::site_dc_date(site) {
                    ctx.insert("dc_date", &d);
                }
                Ok(vec![self.page("units.html", "/don-vi/", &ctx)?])
            }
            JobKind::TagsIndex => {
                let tags: Vec<_> = site
                    .tags
                    .iter()
                    .map(|t| serde_json::json!({"name": t.name, "href": site.href(&t.path), "count": t.items.len()}))
                    .collect();
                let mut ctx = self.base_ctx("/tu-khoa/", "Từ khóa", &[("Từ khóa", "/tu-khoa/")]);
                ctx.insert("tags", &tags);
                if let Some(d) = context::site_dc_date(site) {
                    ctx.insert("dc_date", &d);
                }
                Ok(vec![self.page("tags.html", "/tu-khoa/", &ctx)?])
            }
            JobKind::SectionsIndex => {
                let sections: Vec<_> = site
                    .sections
                    .iter()
                    .map(|s| serde_json::json!({"name": s.name, "href": site.href(&s.path), "count": s.items.len(), "description": s.description}))
                    .collect();
                let mut ctx = self.base_ctx(
                    "/chuyen-muc/",
                    "Chuyên mục",
                    &[("Chuyên mục", "/chuyen-muc/")],
                );
                ctx.insert("sections", &sections);
                if let Some(d) = context::site_dc_date(site) {
                    ctx.insert("dc_date", &d);
                }
                Ok(vec![self.page("sections.html", "/chuyen-muc/", &ctx)?])
            }
            JobKind::SiteMapHtml => sitemap::html(self),
            JobKind::SearchPage => search_page::html(self),
            JobKind::SearchIndex => Ok(self.take_search_index()),
            JobKind::NotFound => {
                let ctx = self.base_ctx("/404.html", "Không tìm thấy trang", &[]);
                Ok(vec![self.page("404.html", "/404.html", &ctx)?])
            }
            JobKind::Feeds => {
                let mut out = feeds::render(self, "/", &site.config.name, &feed_items(site))?;
                for s in &site.sections {
                    out.extend(feeds::render(
                        self,
                        &s.path,
                        &format!("{} — {}", s.name, site.config.name),
                        &s.items,
                    )?);
                }
                Ok(out)
            }
            JobKind::SiteMapXml => sitemap::xml(self),
            JobKind::Robots => {
                let body = format!(
                    "User-agent: *\nAllow: /\n\nSitemap: {}\n",
                    site.permalink("/sitemap.xml")
                );
                Ok(vec![Output {
                    path: "robots.txt".into(),
                    bytes: body.into_bytes(),
                }])
            }
            JobKind::Procedures(page) => procedures::render(self, page),
            JobKind::Par(page) => par::render(self, page),
            JobKind::Asset(name) => {
                let a = &self.theme.assets[name];
                Ok(vec![Output {
                    path: a.out_path.clone(),
                    bytes: a.bytes.clone(),
                }])
            }
        }
    }
}

/// The template of an item's own page.
fn item_template(item: &crate::site::Item) -> String {
    match &item.kind {
        ItemKind::Procedure(_) => "procedure.html".into(),
        ItemKind::Article(_) => "article.html".into(),
        ItemKind::Document(_) => "document.html".into(),
        ItemKind::Page(p) => p
            .template
            .as_ref()
            .map(|t| format!("{}.html", t.trim_end_matches(".html")))
            .unwrap_or_else(|| "page.html".into()),
    }
}

/// What the home page shows, chosen once for rendering and signing alike.
struct Home<'s> {
    featured: Vec<usize>,
    latest: Vec<usize>,
    par: Option<(&'s crate::site::SectionEntry, Vec<usize>)>,
    documents: &'s [usize],
}

impl<'s> Home<'s> {
    /// Featured news, PAR first (administrative reform is what the commune is
    /// scored on), then the latest PAR news and the latest news; no item
    /// shows twice on the page.
    fn of(site: &'s Site) -> Home<'s> {
        let par = site
            .sections
            .iter()
            .find(|s| s.id == crate::content::article::PAR_SECTION);
        let is_par = |i: &usize| par.is_some_and(|p| p.items.contains(i));
        let mut featured: Vec<usize> = site
            .news
            .iter()
            .copied()
            .filter(|&i| site.items[i].featured())
            .collect();
        featured.sort_by_key(|i| !is_par(i));
        featured.truncate(3);
        let par = par.map(|p| {
            let items: Vec<usize> = p
                .items
                .iter()
                .copied()
                .filter(|i| !featured.contains(i))
                .take(4)
                .collect();
            (p, items)
        });
        let shown: Vec<usize> = featured
            .iter()
            .chain(par.iter().flat_map(|(_, items)| items.iter()))
            .copied()
            .collect();
        let latest = site
            .news
            .iter()
            .copied()
            .filter(|i| !shown.contains(i))
            .take(site.config.paginate_by)
            .collect();
        Home {
            featured,
            latest,
            par,
            documents: &site.documents[..site.documents.len().min(5)],
        }
    }
}

/// Two jobs writing the same file (a page slug equal to a generated path).
pub fn duplicate_outputs(jobs: &[Job]) -> Vec<Diagnostic> {
    let mut all: Vec<&str> = jobs
        .iter()
        .flat_map(|j| j.outputs.iter().map(String::as_str))
        .collect();
    all.sort_unstable();
    let mut diags = Vec::new();
    for pair in all.windows(2) {
        if pair[0] == pair[1] {
            diags.push(
                Diagnostic::error("E012", format!("hai trang cùng ghi vào `{}`", pair[0]))
                    .hint("đổi `slug:` của một trang tĩnh hoặc bài viết để đường dẫn khác nhau"),
            );
        }
    }
    diags
}

/// Dated items for the site feed: articles and documents, newest first.
fn feed_items(site: &Site) -> Vec<usize> {
    (0..site.items.len())
        .filter(|&i| {
            site.items[i].date.is_some() && !matches!(site.items[i].kind, ItemKind::Page(_))
        })
        .collect()
}

fn list_specs(site: &Site) -> Vec<ListSpec> {
    let mut lists = vec![ListSpec {
        path: "/tin-tuc/".into(),
        title: "Tin tức".into(),
        description: None,
        items: site.news.clone(),
        trail: vec![("Tin tức".into(), "/tin-tuc/".into())],
        feeds: Some(("/rss.xml".into(), "/atom.xml".into())),
    }];
    for s in &site.sections {
        lists.push(ListSpec {
            path: s.path.clone(),
            title: s.name.clone(),
            description: s.description.clone(),
            items: s.items.clone(),
            trail: vec![
                ("Chuyên mục".into(), "/chuyen-muc/".into()),
                (s.name.clone(), s.path.clone()),
            ],
            feeds: Some((format!("{}rss.xml", s.path), format!("{}atom.xml", s.path))),
        });
    }
    for t in site.tags.iter() {
        lists.push(ListSpec {
            path: t.path.clone(),
            title: format!("Từ khóa: {}", t.name),
            description: None,
            items: t.items.clone(),
            trail: vec![
                ("Từ khóa".into(), "/tu-khoa/".into()),
                (t.name.clone(), t.path.clone()),
            ],
            feeds: None,
        });
    }
    lists
}

impl Renderer<'_> {
    pub(crate) fn site(&self) -> &Site {
        self.site
    }
    pub(crate) fn render_template(
        &self,
        template: &str,
        path: &str,
        ctx: &Context,
    ) -> Result<Output, Diagnostic> {
        self.page(template, path, ctx)
    }
    pub(crate) fn context(&self, path: &str, title: &str, trail: &[(&str, &str)]) -> Context {
        self.base_ctx(path, title, trail)
    }
}
