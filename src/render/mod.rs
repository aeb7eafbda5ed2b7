//! RENDER: `Site` + `Theme` → the list of files to write. No IO here.
//!
//! Every output is a `Job`; jobs render in parallel (rayon) and the result is
//! sorted by path, so the output does not depend on thread timing.

pub mod context;
pub mod feeds;
pub mod par;
pub mod procedures;
pub mod sitemap;

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Kwargs, State, Tera};

use crate::diagnostics::Diagnostic;
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

#[derive(Debug, Clone)]
enum Job {
    Home,
    Item(usize),
    List { spec: usize, page: usize },
    Documents { page: usize },
    Unit { unit: usize, page: usize },
    UnitsIndex,
    TagsIndex,
    SectionsIndex,
    SiteMapHtml,
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
        })
    }

    fn jobs(&self) -> Vec<Job> {
        let site = self.site;
        let pages = |n: usize, per: usize| n.div_ceil(per).max(1);
        let per = site.config.paginate_by;
        let mut jobs = vec![
            Job::Home,
            Job::UnitsIndex,
            Job::TagsIndex,
            Job::SectionsIndex,
            Job::SiteMapHtml,
            Job::NotFound,
            Job::Feeds,
            Job::SiteMapXml,
            Job::Robots,
        ];
        jobs.extend((0..site.items.len()).map(Job::Item));
        for (i, spec) in self.lists.iter().enumerate() {
            jobs.extend((1..=pages(spec.items.len(), per)).map(|page| Job::List { spec: i, page }));
        }
        jobs.extend(
            (1..=pages(site.documents.len(), DOCUMENTS_PER_PAGE))
                .map(|page| Job::Documents { page }),
        );
        for (u, entry) in site.units.iter().enumerate().filter(|(_, e)| e.has_page()) {
            jobs.extend(
                (1..=pages(entry.items.len(), per)).map(|page| Job::Unit { unit: u, page }),
            );
        }
        jobs.extend(procedures::jobs(site).into_iter().map(Job::Procedures));
        jobs.extend(par::jobs().into_iter().map(Job::Par));
        jobs.extend(self.theme.assets.keys().cloned().map(Job::Asset));
        jobs
    }

    /// Render every output file of the site, with warnings about the result.
    pub fn render_all(&self) -> Result<(Vec<Output>, Vec<Diagnostic>), Vec<Diagnostic>> {
        let results: Vec<Result<Vec<Output>, Diagnostic>> =
            self.jobs().par_iter().map(|j| self.render_job(j)).collect();
        let mut outputs = Vec::new();
        let mut diags = Vec::new();
        for r in results {
            match r {
                Ok(o) => outputs.extend(o),
                Err(d) => diags.push(d),
            }
        }
        outputs.sort_by(|a, b| a.path.cmp(&b.path));
        for pair in outputs.windows(2) {
            if pair[0].path == pair[1].path {
                diags.push(
                    Diagnostic::error("E012", format!("hai trang cùng ghi vào `{}`", pair[0].path))
                        .hint(
                            "đổi `slug:` của một trang tĩnh hoặc bài viết để đường dẫn khác nhau",
                        ),
                );
            }
        }
        if !diags.is_empty() {
            return Err(diags);
        }
        let warnings = self.menu_warnings(&outputs);
        Ok((outputs, warnings))
    }

    /// A menu entry that leads nowhere is the first thing a citizen clicks.
    fn menu_warnings(&self, outputs: &[Output]) -> Vec<Diagnostic> {
        let exists = |path: &str| {
            let file = if path.ends_with('/') {
                format!("{}index.html", &path[1..])
            } else {
                path[1..].to_string()
            };
            outputs
                .binary_search_by(|o| o.path.as_str().cmp(&file))
                .is_ok()
        };
        self.site
            .config
            .menu
            .iter()
            .filter(|m| m.url.starts_with('/') && !exists(m.url.split('#').next().unwrap_or("/")))
            .map(|m| {
                Diagnostic::warning(
                    "W009",
                    format!(
                        "mục menu `{}` trỏ tới `{}` nhưng trang này không có",
                        m.name, m.url
                    ),
                )
                .in_file("site.yaml")
                .field("menu")
                .hint("tạo trang đó trong content/trang/, hoặc sửa đường dẫn trong menu")
            })
            .collect()
    }

    fn page(&self, template: &str, path: &str, ctx: &Context) -> Result<Output, Diagnostic> {
        let html = self
            .tera
            .render(template, ctx)
            .map_err(|e| template_error(template, &e))?;
        let file = if path.ends_with('/') {
            format!("{}index.html", &path[1..])
        } else {
            path[1..].to_string()
        };
        Ok(Output {
            path: file,
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
        ctx
    }

    fn cards(&self, items: &[usize]) -> Vec<Card> {
        items
            .iter()
            .map(|&i| context::card(self.site, &self.site.items[i]))
            .collect()
    }

    fn render_job(&self, job: &Job) -> Result<Vec<Output>, Diagnostic> {
        let site = self.site;
        let per = site.config.paginate_by;
        match job {
            Job::Home => {
                let mut ctx = self.base_ctx("/", &site.config.name, &[]);
                let featured: Vec<usize> = site
                    .news
                    .iter()
                    .copied()
                    .filter(|&i| site.items[i].featured())
                    .take(3)
                    .collect();
                ctx.insert("featured", &self.cards(&featured));
                let latest: Vec<usize> = site
                    .news
                    .iter()
                    .copied()
                    .filter(|i| !featured.contains(i))
                    .take(per)
                    .collect();
                ctx.insert("latest", &self.cards(&latest));
                let par = site
                    .sections
                    .iter()
                    .find(|s| s.id == crate::content::article::PAR_SECTION);
                if let Some(par) = par {
                    ctx.insert(
                        "par_section",
                        &context::Link {
                            name: par.name.clone(),
                            href: site.href(&par.path),
                        },
                    );
                    ctx.insert(
                        "par_latest",
                        &self.cards(&par.items[..par.items.len().min(5)]),
                    );
                }
                ctx.insert(
                    "documents",
                    &self.cards(&site.documents[..site.documents.len().min(5)]),
                );
                procedures::home_context(site, &mut ctx);
                ctx.insert("campaigns", &par::active_campaigns(site));
                Ok(vec![self.page("index.html", "/", &ctx)?])
            }
            Job::Item(i) => {
                let item = &site.items[*i];
                let view = context::item_page(site, item);
                let owned_trail = match &item.kind {
                    ItemKind::Procedure(_) => procedures::trail(site, *i),
                    _ => Vec::new(),
                };
                let (template, trail): (String, Vec<(&str, &str)>) = match &item.kind {
                    ItemKind::Procedure(_) => (
                        "procedure.html".into(),
                        owned_trail
                            .iter()
                            .map(|(a, b)| (a.as_str(), b.as_str()))
                            .collect(),
                    ),
                    ItemKind::Article(_) => ("article.html".into(), vec![("Tin tức", "/tin-tuc/")]),
                    ItemKind::Document(_) if site.plans.iter().any(|p| p.item == *i) => {
                        ("plan.html".into(), vec![(par::TITLE, par::ROOT)])
                    }
                    ItemKind::Document(_) => {
                        ("document.html".into(), vec![("Văn bản", "/van-ban/")])
                    }
                    ItemKind::Page(p) => (
                        p.template
                            .as_ref()
                            .map(|t| format!("{}.html", t.trim_end_matches(".html")))
                            .unwrap_or_else(|| "page.html".into()),
                        vec![],
                    ),
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
                    ctx.insert("dc_date", &d.0.format("%Y-%m-%d").to_string());
                }
                ctx.insert("page", &view);
                procedures::item_context(site, *i, &mut ctx);
                par::plan_context(site, *i, &mut ctx);
                if let ItemKind::Page(p) = &item.kind {
                    if p.template.as_deref() == Some("tiep-can-thong-tin") {
                        ctx.insert("disclosures", &disclosure_rows(site));
                    }
                    if !self.theme.templates.contains_key(&template) {
                        return Err(Diagnostic::error(
                            "E017",
                            format!("giao diện không có mẫu `{template}`"),
                        )
                        .in_file(&item.source)
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
            Job::List { spec, page } => {
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
            Job::Documents { page } => {
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
                ctx.insert(
                    "paginator",
                    &context::paginator(site, "/van-ban/", *page, total, site.documents.len()),
                );
                Ok(vec![self.page("documents.html", &path, &ctx)?])
            }
            Job::Unit { unit, page } => {
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
            Job::UnitsIndex => {
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
                Ok(vec![self.page("units.html", "/don-vi/", &ctx)?])
            }
            Job::TagsIndex => {
                let tags: Vec<_> = site
                    .tags
                    .iter()
                    .map(|t| serde_json::json!({"name": t.name, "href": site.href(&t.path), "count": t.items.len()}))
                    .collect();
                let mut ctx = self.base_ctx("/tu-khoa/", "Từ khóa", &[("Từ khóa", "/tu-khoa/")]);
                ctx.insert("tags", &tags);
                Ok(vec![self.page("tags.html", "/tu-khoa/", &ctx)?])
            }
            Job::SectionsIndex => {
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
                Ok(vec![self.page("sections.html", "/chuyen-muc/", &ctx)?])
            }
            Job::SiteMapHtml => sitemap::html(self),
            Job::NotFound => {
                let ctx = self.base_ctx("/404.html", "Không tìm thấy trang", &[]);
                Ok(vec![self.page("404.html", "/404.html", &ctx)?])
            }
            Job::Feeds => {
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
            Job::SiteMapXml => sitemap::xml(self),
            Job::Robots => {
                let body = format!(
                    "User-agent: *\nAllow: /\n\nSitemap: {}\n",
                    site.permalink("/sitemap.xml")
                );
                Ok(vec![Output {
                    path: "robots.txt".into(),
                    bytes: body.into_bytes(),
                }])
            }
            Job::Procedures(page) => procedures::render(self, page),
            Job::Par(page) => par::render(self, page),
            Job::Asset(name) => {
                let a = &self.theme.assets[name];
                Ok(vec![Output {
                    path: a.out_path.clone(),
                    bytes: a.bytes.clone(),
                }])
            }
        }
    }
}

/// Dated items for the site feed: articles and documents, newest first.
fn feed_items(site: &Site) -> Vec<usize> {
    (0..site.items.len())
        .filter(|&i| {
            site.items[i].date.is_some() && !matches!(site.items[i].kind, ItemKind::Page(_))
        })
        .collect()
}

/// Documents in the public-disclosure catalogue (NĐ 13/2018 Điều 6).
fn disclosure_rows(site: &Site) -> Vec<context::DocRow<'_>> {
    site.documents
        .iter()
        .filter_map(|&i| match &site.items[i].kind {
            ItemKind::Document(d) if d.public_disclosure.as_ref().is_some_and(|p| p.in_catalog) => {
                Some(context::doc_row(site, &site.items[i], d))
            }
            _ => None,
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
    for t in &site.tags {
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

/// Render the site. A convenience over `Renderer`.
pub fn render(
    site: &Site,
    theme: &Theme,
) -> Result<(Vec<Output>, Vec<Diagnostic>), Vec<Diagnostic>> {
    Renderer::new(site, theme)?.render_all()
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
