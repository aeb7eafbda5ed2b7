//! MODEL: the whole site, built once from the loaded content — published items,
//! units, sections, tags and PAR areas — with every cross-reference resolved,
//! every URL assigned and everything sorted.
//!
//! Rendering only reads this; nothing here touches the disk.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime as ChronoDateTime, FixedOffset};
use rayon::prelude::*;

use crate::body_cache::{self, BodyCache};
use crate::config::SiteConfig;
use crate::content::types::{DateTime, Image};
use crate::content::{Article, Content, Document, Loaded, Page, Procedure, Unit};
use crate::diagnostics::{Diagnostic, closest};
use crate::markdown::{self, Rendered};
use crate::vi;
use crate::vocab::{Index, ParArea, Status};

pub mod events;
pub mod patch;
pub mod plans;
pub mod procedures;

/// What a build may publish, and when "now" is. The clock is injectable so
/// scheduled posts can be tested (and previewed) deterministically.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub drafts: bool,
    pub now: ChronoDateTime<FixedOffset>,
    /// Bodies rendered by earlier builds (`serve` keeps one across rebuilds).
    pub bodies: Option<Arc<BodyCache>>,
}

/// Top-level path segments the generator uses itself; a static page cannot
/// take them.
pub const RESERVED: &[&str] = &[
    "tin-tuc",
    "chuyen-muc",
    "don-vi",
    "tu-khoa",
    "van-ban",
    "so-do-trang",
    "static",
    "files",
    "thu-tuc-hanh-chinh",
    "cai-cach-hanh-chinh",
    "ke-hoach",
    "tim-kiem",
    "trang",
    "404",
];

/// A unit's part in an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Cơ quan chủ trì: the first unit listed.
    Lead,
    /// Cơ quan phối hợp.
    Coordinating,
}

#[derive(Debug, Clone)]
pub enum ItemKind {
    Article(Article),
    Page(Page),
    Document(Document),
    Procedure(Procedure),
}

/// A published article, page or document.
#[derive(Debug, Clone)]
pub struct Item {
    pub key: String,
    pub source: PathBuf,
    /// Site path, `/tin-tuc/slug/`.
    pub path: String,
    pub title: String,
    pub summary: String,
    pub date: Option<DateTime>,
    pub updated: Option<DateTime>,
    /// Indices into `Site::units`; the first is the lead unit.
    pub units: Vec<usize>,
    pub par_areas: Vec<ParArea>,
    /// Indices into `Site::tags`.
    pub tags: Vec<usize>,
    /// Indices into `Site::items` of the documents this item refers to.
    pub related_documents: Vec<usize>,
    /// Indices into `Site::items` of the procedures an article names.
    pub related_procedures: Vec<usize>,
    pub body: Arc<Rendered>,
    /// Changes whenever the source file's text does (see `body_cache`).
    pub fingerprint: u64,
    pub kind: ItemKind,
    /// The source file's text, to point at lines in checks after rendering.
    pub text: std::sync::Arc<str>,
}

impl Item {
    pub fn is_article(&self) -> bool {
        matches!(self.kind, ItemKind::Article(_))
    }
    pub fn is_document(&self) -> bool {
        matches!(self.kind, ItemKind::Document(_))
    }
    pub fn featured(&self) -> bool {
        matches!(&self.kind, ItemKind::Article(a) if a.featured)
    }
}

#[derive(Debug, Clone)]
pub struct UnitEntry {
    pub unit: Unit,
    pub source: PathBuf,
    pub path: String,
    pub body: Arc<Rendered>,
    /// Changes whenever the source file's text does.
    pub fingerprint: u64,
    /// Items the unit leads or coordinates, newest first.
    pub items: Vec<(usize, Role)>,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    pub replaced_by: Option<usize>,
    /// The unit file's text, to point at lines in later checks.
    pub text: std::sync::Arc<str>,
}

impl UnitEntry {
    /// An error at `field` (and `value` inside it) of the unit's file.
    fn error_at(
        &self,
        code: &'static str,
        field: &str,
        value: Option<&str>,
        message: String,
    ) -> Diagnostic {
        let (line, col) = crate::content::front_matter::split(&self.text)
            .map(|d| d.locate(field, value))
            .unwrap_or((1, 1));
        Diagnostic::error(code, message)
            .in_file(&self.source)
            .at(&self.text, line, col)
            .field(field)
    }

    /// Whether the unit gets its own page (`show_page`, default: internal units).
    pub fn has_page(&self) -> bool {
        self.unit.show_page.unwrap_or(!self.unit.external)
    }
}

#[derive(Debug, Clone)]
pub struct SectionEntry {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub path: String,
    pub items: Vec<usize>,
}

#[derive(Debug, Clone)]
pub struct TagEntry {
    pub name: String,
    pub slug: String,
    pub path: String,
    pub items: Vec<usize>,
}

/// The typed model of the whole site.
///
/// Items and the larger lists are shared (`Arc`) so that a copy of the model
/// is cheap: `serve` hands one to the search index's thread and patches its
/// own after an edit (`patch`).
#[derive(Debug, Clone)]
pub struct Site {
    pub config: SiteConfig,
    /// "" or "/canhvinh": prefix of every site path in links.
    pub base_path: String,
    pub now: DateTime,
    /// Sorted in Vietnamese alphabetical order of their names.
    pub units: Arc<[UnitEntry]>,
    /// Newest first; undated items (pages) last.
    pub items: Vec<Arc<Item>>,
    pub sections: Vec<SectionEntry>,
    /// Sorted in Vietnamese alphabetical order.
    pub tags: Arc<[TagEntry]>,
    pub par_areas: BTreeMap<ParArea, Vec<usize>>,
    /// Articles and documents by the PAR index they serve, in item order.
    pub indices: BTreeMap<Index, Vec<usize>>,
    /// Articles, newest first.
    pub news: Vec<usize>,
    /// Documents, newest issue date first.
    pub documents: Vec<usize>,
    /// Static pages by `order`, then title.
    pub pages: Vec<usize>,
    /// Administrative procedures, grouped for the catalogue.
    pub procedures: Arc<procedures::Catalogue>,
    /// Responsive variants of the images items show (filled by `images`).
    pub images: crate::responsive::Catalog,
    /// Plans and campaigns (`content/ke-hoach/`), in item order.
    pub plans: Arc<[plans::PlanEntry]>,
    /// Offline activities (`content/hoat-dong/`), newest first.
    pub events: Arc<[events::EventEntry]>,
}

/// Resolves a unit written as id, alias, name or short name.
struct UnitResolver {
    by_id: HashMap<String, usize>,
    by_folded: HashMap<String, usize>,
    /// Every id, name and alias with its unit, for suggestions.
    candidates: Vec<(String, usize)>,
    ids: Vec<String>,
    names: Vec<String>,
    /// Files that failed to load: a reference to one is not a second error.
    broken: crate::content::BrokenIndex,
}

impl UnitResolver {
    fn new(units: &[UnitEntry], broken: crate::content::BrokenIndex) -> Self {
        let mut by_id = HashMap::new();
        let mut by_folded = HashMap::new();
        let mut candidates = Vec::new();
        for (i, u) in units.iter().enumerate() {
            by_id.insert(u.unit.id.clone(), i);
            candidates.push((u.unit.id.clone(), i));
            let names = std::iter::once(&u.unit.name)
                .chain(u.unit.short_name.iter())
                .chain(u.unit.aliases.iter());
            for n in names {
                by_folded.entry(vi::fold(n)).or_insert(i);
                candidates.push((n.clone(), i));
            }
        }
        let ids = units.iter().map(|u| u.unit.id.clone()).collect();
        let names = units.iter().map(|u| u.unit.name.clone()).collect();
        UnitResolver {
            by_id,
            by_folded,
            candidates,
            ids,
            names,
            broken,
        }
    }

    /// A unit no file defines, not even one that failed to load.
    fn missing(&self, s: &str) -> bool {
        self.resolve(s).is_none() && !self.broken.unit(s)
    }

    fn resolve(&self, s: &str) -> Option<usize> {
        self.by_id
            .get(s.trim())
            .or_else(|| self.by_folded.get(&vi::fold(s)))
            .copied()
    }

    fn suggest(&self, s: &str) -> String {
        let best = closest(s, self.candidates.iter().map(|(n, _)| n.as_str()))
            .and_then(|n| self.candidates.iter().find(|(c, _)| c == n))
            .map(|(_, i)| &self.ids[*i]);
        match best {
            Some(c) => format!("có phải bạn muốn viết `{c}`? Danh sách đơn vị ở content/don-vi/"),
            None => {
                "dùng mã đơn vị (tên tệp trong content/don-vi/), tên hoặc tên gọi khác của đơn vị"
                    .to_string()
            }
        }
    }
}

/// Convert a `/files/...` path from front matter into a static file key.
fn static_key(path: &str) -> Option<&str> {
    path.strip_prefix('/')
}

impl Site {
    /// Build the model. Returns `None` when there are errors (all reported).
    pub fn build(
        config: SiteConfig,
        content: &Content,
        static_files: &BTreeSet<String>,
        opts: &BuildOptions,
    ) -> (Option<Site>, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let base_path = config.base_path();
        let raw_html = config.raw_html;
        let now = DateTime(opts.now);
        let bodies = opts.bodies.as_deref();

        // Units, sorted in Vietnamese order; duplicate ids or aliases are errors.
        let mut units: Vec<UnitEntry> = content
            .units
            .par_iter()
            .map(|l| {
                let (rendered, fingerprint) =
                    body_cache::render(bodies, &l.key, &l.text, &base_path, raw_html, || {
                        l.body().0
                    });
                UnitEntry {
                    path: format!("/don-vi/{}/", l.meta.id),
                    unit: l.meta.clone(),
                    source: l.source.clone(),
                    body: rendered,
                    fingerprint,
                    items: Vec::new(),
                    parent: None,
                    children: Vec::new(),
                    replaced_by: None,
                    text: l.text.clone(),
                }
            })
            .collect();
        units.sort_by(|a, b| {
            vi::compare(&a.unit.name, &b.unit.name).then_with(|| a.unit.id.cmp(&b.unit.id))
        });
        {
            let mut seen_id: HashMap<&str, &PathBuf> = HashMap::new();
            let mut seen_name: HashMap<String, (&str, &PathBuf)> = HashMap::new();
            for u in &units {
                if let Some(first) = seen_id.insert(&u.unit.id, &u.source) {
                    diags.push(u.error_at(
                        "E015",
                        "id",
                        None,
                        format!("mã đơn vị `{}` bị trùng với {}", u.unit.id, first.display()),
                    ));
                }
                for alias in &u.unit.aliases {
                    let key = vi::fold(alias);
                    match seen_name.get(&key) {
                        Some((other, file)) if *other != u.unit.id.as_str() => diags.push(
                            u.error_at(
                                "E015",
                                "aliases",
                                Some(alias),
                                format!(
                                    "tên gọi khác `{alias}` đã dùng cho đơn vị `{other}` ({})",
                                    file.display()
                                ),
                            )
                            .hint("mỗi tên gọi khác chỉ được trỏ tới một đơn vị"),
                        ),
                        _ => {
                            seen_name.insert(key, (&u.unit.id, &u.source));
                        }
                    }
                }
            }
        }
        let resolver = UnitResolver::new(&units, crate::content::BrokenIndex::new(&content.broken));
        for i in 0..units.len() {
            let (parent, replaced) = (
                units[i].unit.parent.clone(),
                units[i].unit.replaced_by.clone(),
            );
            for (field, value) in [("parent", parent), ("replaced_by", replaced)] {
                let Some(value) = value else { continue };
                match resolver.resolve(&value) {
                    Some(j) if field == "parent" => {
                        units[i].parent = Some(j);
                        units[j].children.push(i);
                    }
                    Some(j) => units[i].replaced_by = Some(j),
                    None if resolver.broken.unit(&value) => {}
                    None => diags.push(
                        units[i]
                            .error_at(
                                "E010",
                                field,
                                Some(&value),
                                format!("không có đơn vị `{value}`"),
                            )
                            .hint(resolver.suggest(&value)),
                    ),
                }
            }
        }

        // Which items are published now.
        let visible = |status: Status, published: Option<&DateTime>, expires: Option<&DateTime>| {
            let status_ok = match status {
                Status::Draft => opts.drafts,
                Status::Published | Status::Archived => true,
            };
            let started = published.is_none_or(|p| p.0 <= opts.now || opts.drafts);
            let not_expired = expires.is_none_or(|e| e.0 > opts.now);
            status_ok && started && not_expired
        };

        let section_ids: Vec<&str> = config.sections.iter().map(|s| s.id.as_str()).collect();
        let all_documents: HashMap<String, bool> = content
            .documents
            .iter()
            .map(|d| {
                (
                    d.key.clone(),
                    visible(
                        d.meta.status,
                        d.meta.published_at.as_ref(),
                        d.meta.expires_at.as_ref(),
                    ),
                )
            })
            .collect();

        let procedure_codes =
            procedures::known_codes(&content.procedures, |p| visible(p.status, None, None));
        diags.extend(procedures::check_duplicates(&content.procedures));

        // Items: pending form, with unit names still unresolved.
        struct Pending<'c> {
            key: String,
            source: PathBuf,
            text: &'c std::sync::Arc<str>,
            path: String,
            title: String,
            summary: Option<String>,
            date: Option<DateTime>,
            updated: Option<DateTime>,
            units: Vec<String>,
            par_areas: Vec<ParArea>,
            /// Spelling and slug of each tag.
            tags: Vec<(String, String)>,
            related: Vec<(String, &'static str)>,
            /// Procedure codes an article names.
            procedures: Vec<String>,
            kind: ItemKind,
        }

        let plan_index = plans::PlanIndex::new(&content.documents);
        let plan_sources: Vec<&Loaded<Document>> = content
            .documents
            .iter()
            .filter(|d| d.key.starts_with("ke-hoach/"))
            .collect();
        let mut slugs: HashMap<String, String> = HashMap::new();
        let mut pending: Vec<Pending> = Vec::with_capacity(
            content.articles.len() + content.pages.len() + content.documents.len(),
        );
        for a in &content.articles {
            let m = &a.meta;
            if !visible(m.status, Some(&m.published_at), m.expires_at.as_ref()) {
                continue;
            }
            let err = |s: &str, msg: String| {
                a.error_at("E014", "slug", Some(s), msg)
                    .hint(format!("viết `slug: {}`", vi::slugify(s)))
            };
            let slug = check_slug(m.slug.as_ref(), a.stem(), &err, &mut diags);
            for s in &m.sections {
                if !section_ids.contains(&s.as_str()) {
                    let hint = match closest(s, section_ids.iter().copied()) {
                        Some(c) => format!(
                            "có phải bạn muốn viết `{c}`? Các chuyên mục: {}",
                            section_ids.join(", ")
                        ),
                        None => format!("các chuyên mục: {}", section_ids.join(", ")),
                    };
                    diags.push(
                        a.error_at(
                            "E011",
                            "sections",
                            Some(s),
                            format!("không có chuyên mục `{s}`"),
                        )
                        .hint(hint),
                    );
                }
            }
            plan_index.check(&a, &m.plan_activities, &resolver.broken, &mut diags);
            for sub in &m.submitted_to {
                if resolver.missing(&sub.recipient) {
                    diags.push(
                        a.error_at(
                            "E010",
                            "submitted_to",
                            Some(&sub.recipient),
                            format!("không có đơn vị `{}`", sub.recipient),
                        )
                        .hint(resolver.suggest(&sub.recipient)),
                    );
                }
            }
            let mut files: Vec<(&str, &str)> = Vec::new();
            if let Some(img) = &m.image {
                files.push(("image", img.src.as_str()));
            }
            files.extend(
                m.gallery
                    .iter()
                    .map(|g: &Image| ("gallery", g.src.as_str())),
            );
            files.extend(
                m.attachments
                    .iter()
                    .map(|f| ("attachments", f.path.as_str())),
            );
            files.extend(m.media.iter().map(|x| ("media", x.url.as_str())));
            for (field, path) in files {
                check_file(&a, field, path, static_files, &mut diags);
            }
            for img in m.image.iter().chain(m.gallery.iter()) {
                if img.alt.trim().is_empty() {
                    diags.push(
                        a.error_at(
                            "E020",
                            field_of_image(m, img),
                            Some(&img.src),
                            "ảnh thiếu mô tả (alt) cho người khiếm thị",
                        )
                        .hint("viết `alt: ` mô tả ngắn nội dung ảnh"),
                    );
                }
            }
            pending.push(Pending {
                key: a.key.clone(),
                source: a.source.clone(),
                text: &a.text,
                path: format!("/tin-tuc/{slug}/"),
                title: m.title.clone(),
                summary: m.summary.clone(),
                date: Some(m.published_at),
                updated: m.updated_at,
                units: m.units.clone(),
                par_areas: m.par_areas.clone(),
                tags: tag_slugs(&m.tags, &mut slugs),
                related: m
                    .related_documents
                    .iter()
                    .map(|d| (d.clone(), "related_documents"))
                    .collect(),
                procedures: m.related_procedures.iter().map(|c| c.0.clone()).collect(),
                kind: ItemKind::Article(a.meta.clone()),
            });
        }

        for p in &content.pages {
            let m = &p.meta;
            if !visible(m.status, m.published_at.as_ref(), m.expires_at.as_ref()) {
                continue;
            }
            let err = |s: &str, msg: String| {
                p.error_at("E014", "slug", Some(s), msg)
                    .hint(format!("viết `slug: {}`", vi::slugify(s)))
            };
            let slug = check_slug(m.slug.as_ref(), p.stem(), &err, &mut diags);
            if RESERVED.contains(&slug.as_str()) {
                diags.push(
                    p.error_at(
                        "E012",
                        "slug",
                        None,
                        format!("đường dẫn `/{slug}/` đã được dùng cho một mục của trang"),
                    )
                    .hint(format!("đặt `slug:` khác, ví dụ `slug: {slug}-xa`")),
                );
            }
            pending.push(Pending {
                key: p.key.clone(),
                source: p.source.clone(),
                text: &p.text,
                path: format!("/{slug}/"),
                title: m.title.clone(),
                summary: m.summary.clone(),
                date: m.published_at,
                updated: m.updated_at,
                units: m.units.clone(),
                par_areas: Vec::new(),
                tags: Vec::new(),
                related: Vec::new(),
                procedures: Vec::new(),
                kind: ItemKind::Page(p.meta.clone()),
            });
        }

        for d in &content.documents {
            let m = &d.meta;
            if !visible(m.status, m.published_at.as_ref(), m.expires_at.as_ref()) {
                continue;
            }
            let err = |s: &str, msg: String| {
                d.error_at("E014", "slug", Some(s), msg)
                    .hint(format!("viết `slug: {}`", vi::slugify(s)))
            };
            let slug = check_slug(m.slug.as_ref(), d.stem(), &err, &mut diags);
            // van-ban/<year>/<stem> → /van-ban/<year>/<slug>/
            let parent: Vec<String> = d.key.split('/').map(vi::slugify).collect();
            let dir = parent[..parent.len().saturating_sub(1)].join("/");
            for f in &m.files {
                check_file(&d, "files", &f.path, static_files, &mut diags);
            }
            let date = m.published_at.or_else(|| {
                m.issued_date
                    .and_then(|p| p.full())
                    .map(|x| DateTime(x.at_midnight()))
            });
            let related = m
                .implements
                .iter()
                .map(|x| (x.clone(), "implements"))
                .chain(m.amends.iter().map(|x| (x.clone(), "amends")))
                .chain(m.replaces.iter().map(|x| (x.clone(), "replaces")))
                .collect();
            pending.push(Pending {
                key: d.key.clone(),
                source: d.source.clone(),
                text: &d.text,
                path: format!("/{dir}/{slug}/"),
                title: m.display_title(),
                summary: m.summary.clone().or_else(|| Some(m.abstract_.clone())),
                date,
                updated: m.updated_at,
                units: m.units.clone(),
                par_areas: m.par_areas.clone(),
                tags: tag_slugs(&m.tags, &mut slugs),
                related,
                procedures: Vec::new(),
                kind: ItemKind::Document(d.meta.clone()),
            });
        }

        for l in &content.procedures {
            let m = &l.meta;
            if !visible(m.status, None, None) {
                continue;
            }
            let meta = procedures::check(l, &config.procedure_fields, &procedure_codes, &mut diags);
            for form in m.forms() {
                if let Some(file) = &form.file {
                    check_file(l, "dossier", file, static_files, &mut diags);
                }
            }
            let updated = m
                .updated_at
                .or_else(|| m.posted_at.map(|d| DateTime(d.at_midnight())));
            pending.push(Pending {
                key: l.key.clone(),
                source: l.source.clone(),
                text: &l.text,
                path: procedures::path_of(&m.code.0),
                title: m.title.clone(),
                summary: m.description.clone(),
                date: None,
                updated,
                units: m.units.clone(),
                par_areas: m.par_areas.clone(),
                tags: Vec::new(),
                related: Vec::new(),
                procedures: Vec::new(),
                kind: ItemKind::Procedure(meta),
            });
        }

        // Two items may not share a URL (e.g. titles that differ only by tone marks).
        {
            let mut by_path: BTreeMap<&str, &PathBuf> = BTreeMap::new();
            for p in &pending {
                if let Some(first) = by_path.insert(&p.path, &p.source) {
                    let doc = crate::content::front_matter::split(p.text).ok();
                    let (line, col) = doc
                        .as_ref()
                        .map(|d| d.locate("title", None))
                        .unwrap_or((1, 1));
                    diags.push(
                        Diagnostic::error(
                            "E012",
                            format!(
                                "hai bài có cùng đường dẫn `{}`: tệp này và {}",
                                p.path,
                                first.display()
                            ),
                        )
                        .in_file(&p.source)
                        .at(p.text, line, col)
                        .field("slug")
                        .hint("đổi tên một trong hai tệp, hoặc thêm `slug: ...` khác nhau"),
                    );
                }
            }
        }

        // Sort: newest first, undated last, then by key for determinism.
        // Sorting positions, not the large records, keeps this cheap at
        // 10,000 items (serve runs it on every change).
        let mut order: Vec<usize> = (0..pending.len()).collect();
        order.sort_by(|&a, &b| {
            let (a, b) = (&pending[a], &pending[b]);
            b.date.cmp(&a.date).then_with(|| a.key.cmp(&b.key))
        });
        let mut slots: Vec<Option<Pending>> = pending.into_iter().map(Some).collect();
        let pending: Vec<Pending> = order.iter().filter_map(|&i| slots[i].take()).collect();
        let key_index: HashMap<String, usize> = pending
            .iter()
            .enumerate()
            .map(|(i, p)| (p.key.clone(), i))
            .collect();
        let procedure_index: HashMap<String, usize> = pending
            .iter()
            .enumerate()
            .filter_map(|(i, p)| match &p.kind {
                ItemKind::Procedure(m) => Some((m.code.0.clone(), i)),
                _ => None,
            })
            .collect();

        // Tags: one entry per slug, named by its first spelling in sorted order.
        let mut tag_names: BTreeMap<String, String> = BTreeMap::new();
        for p in &pending {
            for (t, slug) in &p.tags {
                if slug.is_empty() {
                    continue;
                }
                tag_names
                    .entry(slug.clone())
                    .or_insert_with(|| t.trim().to_string());
            }
        }
        let mut tags: Vec<TagEntry> = tag_names
            .into_iter()
            .map(|(slug, name)| TagEntry {
                path: format!("/tu-khoa/{slug}/"),
                name,
                slug,
                items: Vec::new(),
            })
            .collect();
        tags.sort_by(|a, b| vi::compare(&a.name, &b.name).then_with(|| a.slug.cmp(&b.slug)));
        let tag_index: HashMap<String, usize> = tags
            .iter()
            .enumerate()
            .map(|(i, t)| (t.slug.clone(), i))
            .collect();

        // Resolve references and render bodies (in parallel).
        let resolved: Vec<(Item, Vec<Diagnostic>)> = pending
            .into_par_iter()
            .map(|p| {
                let mut d = Vec::new();
                // Split the file only when needed: for an error, or a body not in the cache.
                let doc = std::cell::OnceCell::new();
                let doc = || doc.get_or_init(|| crate::content::front_matter::split(p.text).ok());
                let at = |code: &'static str, field: &str, value: &str, msg: String| {
                    let (line, col) = doc().as_ref().map(|x| x.locate(field, Some(value))).unwrap_or((1, 1));
                    Diagnostic::error(code, msg).in_file(&p.source).at(p.text, line, col).field(field)
                };
                let mut unit_ids = Vec::new();
                for u in &p.units {
                    match resolver.resolve(u) {
                        Some(i) if !unit_ids.contains(&i) => unit_ids.push(i),
                        Some(_) => {}
                        None if resolver.broken.unit(u) => {}
                        None => d.push(at("E010", "units", u, format!("không có đơn vị `{u}`")).hint(resolver.suggest(u))),
                    }
                }
                let mut related_documents = Vec::new();
                for (r, field) in &p.related {
                    let r = r.trim_matches('/');
                    match (key_index.get(r), all_documents.get(r)) {
                        (Some(&i), _) => related_documents.push(i),
                        _ if resolver.broken.key(r) => {}
                        (None, Some(false)) => d.push(Diagnostic {
                            severity: crate::diagnostics::Severity::Warning,
                            code: "W008",
                            ..at("W008", field, r, format!("văn bản `{r}` chưa được đăng nên không có liên kết"))
                        }),
                        _ => d.push(
                            at("E013", field, r, format!("không có văn bản `{r}`"))
                                .hint(match closest(r, all_documents.keys().map(String::as_str)) {
                                    Some(c) => format!("có phải bạn muốn viết `{c}`?"),
                                    None => "viết đường dẫn tệp trong content/ (không có .md), ví dụ `van-ban/2025/135-kh-ubnd`".into(),
                                }),
                        ),
                    }
                }
                let mut related_procedures = Vec::new();
                for code in p.procedures.iter().filter(|c| !resolver.broken.code(c)) {
                    let found = procedures::resolve_related(code, &procedure_codes, &procedure_index, |c, msg| {
                        at(c, "related_procedures", code, msg)
                    });
                    match found {
                        Ok(Some(i)) if !related_procedures.contains(&i) => related_procedures.push(i),
                        Ok(_) => {}
                        Err(e) => d.push(e),
                    }
                }
                let (rendered, fingerprint) = body_cache::render(bodies, &p.key, p.text, &base_path, raw_html, || {
                    doc().as_ref().map(|x| x.body).unwrap_or("")
                });
                d.extend(body_image_errors(&p.source, p.text, &rendered));
                let summary = summary_of(p.summary.as_deref(), &rendered);
                let mut tag_ids: Vec<usize> =
                    p.tags.iter().filter_map(|(_, slug)| tag_index.get(slug).copied()).collect();
                tag_ids.sort_unstable();
                tag_ids.dedup();
                let item = Item {
                    key: p.key,
                    source: p.source,
                    path: p.path,
                    title: p.title,
                    summary,
                    date: p.date,
                    updated: p.updated,
                    units: unit_ids,
                    par_areas: p.par_areas,
                    tags: tag_ids,
                    related_documents,
                    related_procedures,
                    body: rendered,
                    fingerprint,
                    kind: p.kind,
                    text: p.text.clone(),
                };
                (item, d)
            })
            .collect();
        let mut items = Vec::with_capacity(resolved.len());
        for (item, d) in resolved {
            diags.extend(d);
            items.push(Arc::new(item));
        }
        let mut plans = plans::build(
            &plan_sources,
            &items,
            &key_index,
            &resolver,
            opts.now,
            &mut diags,
        );
        let events = events::build(
            &content.events,
            &resolver,
            &plan_index,
            static_files,
            &mut diags,
        );
        events::link(&mut plans, &events);

        if diags.iter().any(Diagnostic::is_error) {
            return (None, diags);
        }

        // Taxonomies: every list below is in item order (newest first).
        let mut sections: Vec<SectionEntry> = config
            .sections
            .iter()
            .map(|s| SectionEntry {
                id: s.id.clone(),
                name: s.name.clone(),
                description: s.description.clone(),
                path: format!("/chuyen-muc/{}/", s.id),
                items: Vec::new(),
            })
            .collect();
        let mut par_areas: BTreeMap<ParArea, Vec<usize>> = BTreeMap::new();
        let mut indices: BTreeMap<Index, Vec<usize>> = BTreeMap::new();
        let (mut news, mut documents, mut pages) = (Vec::new(), Vec::new(), Vec::new());
        for (i, item) in items.iter().enumerate() {
            // Procedures are listed by the catalogue, not among a unit's news.
            let unit_roles = if matches!(item.kind, ItemKind::Procedure(_)) {
                &[][..]
            } else {
                &item.units[..]
            };
            for (pos, &u) in unit_roles.iter().enumerate() {
                units[u].items.push((
                    i,
                    if pos == 0 {
                        Role::Lead
                    } else {
                        Role::Coordinating
                    },
                ));
            }
            for &t in &item.tags {
                tags[t].items.push(i);
            }
            for pa in &item.par_areas {
                par_areas.entry(*pa).or_default().push(i);
            }
            let serves = match &item.kind {
                ItemKind::Article(a) => &a.indices[..],
                ItemKind::Document(d) => &d.indices[..],
                _ => &[],
            };
            for x in serves {
                let list = indices.entry(*x).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
            match &item.kind {
                ItemKind::Article(a) => {
                    news.push(i);
                    for s in &a.sections {
                        if let Some(sec) = sections.iter_mut().find(|x| &x.id == s) {
                            sec.items.push(i);
                        }
                    }
                }
                ItemKind::Document(_) => documents.push(i),
                ItemKind::Page(_) => pages.push(i),
                ItemKind::Procedure(_) => {}
            }
        }
        let doc_sort_key = |i: &usize| match &items[*i].kind {
            ItemKind::Document(d) => d.issued_date.map(|p| p.sort_key()).unwrap_or((0, 0, 0)),
            _ => (0, 0, 0),
        };
        documents.sort_by(|a, b| {
            doc_sort_key(b)
                .cmp(&doc_sort_key(a))
                .then_with(|| items[*a].key.cmp(&items[*b].key))
        });
        let page_order = |i: &usize| match &items[*i].kind {
            ItemKind::Page(p) => p.order.unwrap_or(i64::MAX),
            _ => i64::MAX,
        };
        pages.sort_by(|a, b| {
            page_order(a)
                .cmp(&page_order(b))
                .then_with(|| vi::compare(&items[*a].title, &items[*b].title))
        });

        let procedures = procedures::Catalogue::build(&items, &config.procedure_fields);
        let site = Site {
            config,
            base_path,
            now,
            units: units.into(),
            items,
            sections,
            tags: tags.into(),
            par_areas,
            indices,
            news,
            documents,
            pages,
            procedures: Arc::new(procedures),
            images: Default::default(),
            plans: plans.into(),
            events: events.into(),
        };
        (Some(site), diags)
    }

    /// A site path as a link: `/tin-tuc/x/` → `/canhvinh/tin-tuc/x/`.
    pub fn href(&self, path: &str) -> String {
        format!("{}{}", self.base_path, path)
    }

    /// A site path as an absolute URL, for feeds, sitemaps and sharing.
    pub fn permalink(&self, path: &str) -> String {
        format!("{}{}", self.config.base_origin_and_path(), path)
    }
}

/// What a card shows under the title: the `summary` written, or the start of
/// the body's first paragraph.
fn summary_of(written: Option<&str>, body: &Rendered) -> String {
    written
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .unwrap_or_else(|| markdown::truncate_words(&body.first_paragraph, 220))
}

/// E020 for each image of the body without a description, at its line.
fn body_image_errors(source: &std::path::Path, text: &str, body: &Rendered) -> Vec<Diagnostic> {
    body.images_without_alt
        .iter()
        .map(|src| {
            let (line, col) = markdown::image_position(text, src);
            Diagnostic::error(
                "E020",
                "ảnh trong bài thiếu mô tả (alt) cho người khiếm thị",
            )
            .in_file(source)
            .at(text, line, col)
            .hint(format!(
                "viết mô tả ngắn nội dung ảnh trong ngoặc vuông: `![Mô tả ảnh]({src})`"
            ))
        })
        .collect()
}

fn field_of_image(a: &Article, img: &Image) -> &'static str {
    if a.image.as_ref().is_some_and(|i| std::ptr::eq(i, img)) {
        "image"
    } else {
        "gallery"
    }
}

/// An image or attachment written as a site path must exist under `static/`.
fn check_file<T>(
    l: &Loaded<T>,
    field: &str,
    path: &str,
    static_files: &BTreeSet<String>,
    diags: &mut Vec<Diagnostic>,
) {
    if path.starts_with("https://") || path.starts_with("http://") {
        return;
    }
    if path.contains('\0') || path.split('/').any(|seg| seg == "..") {
        diags.push(
            l.error_at(
                "E016",
                field,
                Some(path),
                format!("đường dẫn tệp `{path}` không hợp lệ"),
            )
            .hint("viết đường dẫn tới tệp trong static/, ví dụ `/files/anh.jpg`, không dùng `..`"),
        );
        return;
    }
    match static_key(path) {
        Some(key) if static_files.contains(key) => {}
        Some(key) => diags.push(
            l.error_at(
                "E016",
                field,
                Some(path),
                format!("không tìm thấy tệp `{path}`"),
            )
            .hint(format!("đặt tệp vào static/{key}, hoặc sửa lại đường dẫn")),
        ),
        None => diags.push(
            l.error_at(
                "E016",
                field,
                Some(path),
                format!("đường dẫn tệp `{path}` phải bắt đầu bằng `/`"),
            )
            .hint(format!("ví dụ `/files/{path}` cho tệp static/files/{path}")),
        ),
    }
}

/// Each tag with its slug; a site uses a few dozen tags thousands of times,
/// so slugs are remembered in `memo`.
fn tag_slugs(tags: &[String], memo: &mut HashMap<String, String>) -> Vec<(String, String)> {
    tags.iter()
        .map(|t| {
            let slug = match memo.get(t) {
                Some(s) => s.clone(),
                None => {
                    let s = vi::slugify(t);
                    memo.insert(t.clone(), s.clone());
                    s
                }
            };
            (t.clone(), slug)
        })
        .collect()
}

/// The longest slug: it becomes a folder name, which systems cap at 255
/// bytes, and an address people read.
const MAX_SLUG: usize = 100;

/// The item's slug: the front matter's if well-formed (else an error), or the
/// file name's.
fn check_slug(
    slug: Option<&String>,
    stem: &str,
    err: &dyn Fn(&str, String) -> Diagnostic,
    diags: &mut Vec<Diagnostic>,
) -> String {
    match slug {
        Some(s) if s.len() > MAX_SLUG => {
            // Cut at a word boundary (slugs are ASCII: any byte is one).
            let mut short = vi::slugify(s);
            let cut = MAX_SLUG.min(short.len());
            let cut = short[..cut].rfind('-').filter(|&i| i > 0).unwrap_or(cut);
            short.truncate(cut);
            let shown: String = s.chars().take(30).collect();
            diags.push(
                err(
                    s,
                    format!(
                        "đường dẫn `{shown}…` dài {} ký tự; tối đa {MAX_SLUG} ký tự",
                        s.chars().count()
                    ),
                )
                .hint(format!("viết một đường dẫn ngắn, ví dụ `slug: {short}`")),
            );
            short
        }
        Some(s) if vi::is_slug(s) => s.clone(),
        Some(s) => {
            diags.push(err(
                s,
                format!("đường dẫn `{s}` chỉ được chứa chữ thường không dấu, số và dấu `-`"),
            ));
            vi::slugify(s)
        }
        None => vi::slugify(stem),
    }
}
