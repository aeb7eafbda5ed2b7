//! The procedure catalogue's pages: one page per procedure (the whole national
//! record), the catalogue grouped by field, one static page per field, per
//! online level and per implementing agency (the filters that work without
//! JavaScript), and an A–Z index.

use serde::Serialize;
use tera::Context;

use super::context::{self, Card, Link};
use super::{Output, Renderer};
use crate::content::Procedure;
use crate::content::procedure::{DossierCase, ProcedureChannel};
use crate::content::types::{Date, LegalRef};
use crate::diagnostics::Diagnostic;
use crate::site::procedures::{Group, ROOT, procedure};
use crate::site::{Item, Site};
use crate::vi;
use crate::vocab::{OnlineLevel, ProcedureStatus};

const TITLE: &str = "Thủ tục hành chính";

/// One catalogue page to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    Index,
    Field(usize),
    Level(usize),
    Agency(usize),
    AToZ,
}

/// Every catalogue page of the site. The catalogue itself always exists: the
/// default menu leads there, and even empty it tells where to ask.
pub fn jobs(site: &Site) -> Vec<Page> {
    let c = &site.procedures;
    if c.all.is_empty() {
        return vec![Page::Index];
    }
    let mut jobs = vec![Page::Index, Page::AToZ];
    jobs.extend((0..c.fields.len()).map(Page::Field));
    jobs.extend((0..c.levels.len()).map(Page::Level));
    jobs.extend((0..c.agencies.len()).map(Page::Agency));
    jobs
}

/// The site path a catalogue page is written to.
pub fn page_path(site: &Site, page: &Page) -> String {
    let c = &site.procedures;
    match page {
        Page::Index => ROOT.to_string(),
        Page::AToZ => format!("{ROOT}a-z/"),
        Page::Field(i) => c.fields[*i].path.clone(),
        Page::Level(i) => c.levels[*i].1.path.clone(),
        Page::Agency(i) => c.agencies[*i].path.clone(),
    }
}

/// Every catalogue path, for the sitemaps.
pub fn paths(site: &Site) -> Vec<String> {
    let c = &site.procedures;
    if c.all.is_empty() {
        return vec![ROOT.to_string()];
    }
    let mut out = vec![ROOT.to_string(), format!("{ROOT}a-z/")];
    out.extend(c.fields.iter().map(|g| g.path.clone()));
    out.extend(c.levels.iter().map(|(_, g)| g.path.clone()));
    out.extend(c.agencies.iter().map(|g| g.path.clone()));
    out
}

/// The replacement of a procedure that is no longer in force.
#[derive(Serialize)]
struct Replacement {
    code: String,
    title: Option<String>,
    href: Option<String>,
}

fn replacement(site: &Site, p: &Procedure) -> Option<Replacement> {
    let code = p.replaced_by.as_ref()?;
    let target = site
        .procedures
        .by_code
        .get(&code.0)
        .map(|&i| &site.items[i]);
    Some(Replacement {
        code: code.0.clone(),
        title: target.map(|t| t.title.clone()),
        href: target.map(|t| site.href(&t.path)),
    })
}

/// A procedure as a row of the catalogue.
#[derive(Serialize)]
struct Row<'a> {
    code: &'a str,
    title: &'a str,
    href: String,
    field: &'a str,
    field_slug: String,
    online: OnlineLevel,
    agency: &'a str,
    agency_slug: String,
    status: ProcedureStatus,
    in_force: bool,
    replaced_by: Option<Replacement>,
    /// Folded title, code (with and without its dot) and keywords, which the
    /// filter script matches typed text against.
    search: String,
}

fn row<'a>(site: &'a Site, item: &'a Item) -> Option<Row<'a>> {
    let p = procedure(item)?;
    let code = p.code.0.as_str();
    let mut search = vi::fold(&item.title);
    for extra in [code, &code.replace('.', "")]
        .into_iter()
        .chain(p.keywords.iter().map(String::as_str))
    {
        search.push(' ');
        search.push_str(&vi::fold(extra));
    }
    Some(Row {
        code,
        title: &item.title,
        href: site.href(&item.path),
        field: &p.field,
        field_slug: vi::slugify(&p.field),
        online: p.online_level,
        agency: p.implementing_agency.trim(),
        agency_slug: vi::slugify(&p.implementing_agency),
        status: p.legal_status,
        in_force: p.legal_status.in_force(),
        replaced_by: replacement(site, p),
        search,
    })
}

/// A group of rows under its heading.
#[derive(Serialize)]
struct GroupView<'a> {
    name: &'a str,
    slug: &'a str,
    href: String,
    in_force: usize,
    total: usize,
    rows: Vec<Row<'a>>,
}

/// A filter choice: a link to its static page, with its count.
#[derive(Serialize)]
struct Choice<'a> {
    id: &'a str,
    name: &'a str,
    href: String,
    count: usize,
}

fn choices<'a>(
    site: &'a Site,
    groups: impl Iterator<Item = (&'a str, &'a Group)>,
) -> Vec<Choice<'a>> {
    groups
        .map(|(id, g)| Choice {
            id,
            name: &g.name,
            href: site.href(&g.path),
            count: g.in_force(&site.items),
        })
        .collect()
}

/// `items` (a subset of the catalogue) grouped by field, fields in order.
fn by_field<'a>(site: &'a Site, items: &[usize]) -> Vec<GroupView<'a>> {
    site.procedures
        .fields
        .iter()
        .filter_map(|g| {
            let members: Vec<usize> = g
                .items
                .iter()
                .copied()
                .filter(|i| items.contains(i))
                .collect();
            if members.is_empty() {
                return None;
            }
            let rows: Vec<Row> = members
                .iter()
                .filter_map(|&i| row(site, &site.items[i]))
                .collect();
            Some(GroupView {
                name: &g.name,
                slug: &g.slug,
                href: site.href(&g.path),
                in_force: rows.iter().filter(|r| r.in_force).count(),
                total: rows.len(),
                rows,
            })
        })
        .collect()
}

/// Filter links shared by every catalogue page.
fn filters(r: &Renderer, ctx: &mut Context) {
    let site = r.site();
    let c = &site.procedures;
    if let Some(d) = context::newest_dc_date(c.all.iter().map(|&i| &*site.items[i])) {
        ctx.insert("dc_date", &d);
    }
    ctx.insert(
        "fields",
        &choices(site, c.fields.iter().map(|g| (g.slug.as_str(), g))),
    );
    ctx.insert(
        "levels",
        &choices(site, c.levels.iter().map(|(l, g)| (l.id(), g))),
    );
    ctx.insert(
        "agencies",
        &choices(site, c.agencies.iter().map(|g| (g.slug.as_str(), g))),
    );
    ctx.insert("catalogue_href", &site.href(ROOT));
    ctx.insert("az_href", &site.href(&format!("{ROOT}a-z/")));
    ctx.insert(
        "in_force",
        &c.all
            .iter()
            .filter(|&&i| procedure(&site.items[i]).is_some_and(|p| p.legal_status.in_force()))
            .count(),
    );
    ctx.insert("total", &c.all.len());
}

/// The A–Z index: letters in Vietnamese order, each with its procedures.
#[derive(Serialize)]
struct Letter<'a> {
    letter: String,
    anchor: String,
    rows: Vec<Row<'a>>,
}

/// An HTML id for a letter, spelt the Telex way (ă = aw, đ = dd), so A, Ă
/// and Â get different anchors that people can still read.
fn letter_anchor(letter: &str) -> String {
    let telex: String = letter
        .chars()
        .flat_map(|c| {
            let s: &str = match c {
                'Ă' => "aw",
                'Â' => "aa",
                'Đ' => "dd",
                'Ê' => "ee",
                'Ô' => "oo",
                'Ơ' => "ow",
                'Ư' => "uw",
                _ => "",
            };
            if s.is_empty() {
                vi::slugify(&c.to_string()).chars().collect::<Vec<_>>()
            } else {
                s.chars().collect()
            }
        })
        .collect();
    format!("chu-{telex}")
}

fn a_to_z(site: &Site) -> Vec<Letter<'_>> {
    let mut items: Vec<usize> = site.procedures.all.clone();
    items.sort_by(|&a, &b| vi::compare(&site.items[a].title, &site.items[b].title));
    let mut letters: Vec<Letter> = Vec::new();
    for i in items {
        let item = &site.items[i];
        let letter = vi::initial(&item.title).unwrap_or_else(|| "#".into());
        let Some(r) = row(site, item) else { continue };
        match letters.iter_mut().find(|l| l.letter == letter) {
            Some(l) => l.rows.push(r),
            None => letters.push(Letter {
                anchor: letter_anchor(&letter),
                letter,
                rows: vec![r],
            }),
        }
    }
    letters.sort_by(|a, b| vi::compare(&a.letter, &b.letter));
    letters
}

pub fn render(r: &Renderer, page: &Page) -> Result<Vec<Output>, Diagnostic> {
    let site = r.site();
    let c = &site.procedures;
    let catalogue = (TITLE, ROOT);
    let (group, kind, current, heading): (Option<&Group>, &str, &str, String) = match page {
        Page::Index => (None, "index", "", TITLE.to_string()),
        Page::AToZ => {
            let path = format!("{ROOT}a-z/");
            let title = "Thủ tục hành chính theo thứ tự A–Z";
            let mut ctx = r.context(&path, title, &[catalogue, (title, &path)]);
            filters(r, &mut ctx);
            ctx.insert("letters", &a_to_z(site));
            return Ok(vec![r.render_template(
                "procedures-az.html",
                &path,
                &ctx,
            )?]);
        }
        Page::Field(i) => {
            let g = &c.fields[*i];
            (Some(g), "field", &g.slug, format!("Lĩnh vực {}", g.name))
        }
        Page::Level(i) => {
            let (level, g) = &c.levels[*i];
            let heading = match level {
                OnlineLevel::Khong => "Thủ tục chưa có dịch vụ công trực tuyến".to_string(),
                l => format!("Dịch vụ công trực tuyến {}", l.label().to_lowercase()),
            };
            (Some(g), "level", level.id(), heading)
        }
        Page::Agency(i) => {
            let g = &c.agencies[*i];
            (
                Some(g),
                "agency",
                &g.slug,
                format!("Cơ quan thực hiện: {}", g.name),
            )
        }
    };
    let path = group.map(|g| g.path.as_str()).unwrap_or(ROOT);
    let trail: Vec<(&str, &str)> = match group {
        Some(g) => vec![catalogue, (&heading, &g.path)],
        None => vec![catalogue],
    };
    let mut ctx = r.context(path, &heading, &trail);
    ctx.insert(
        "description",
        &format!(
            "Danh mục thủ tục hành chính của {}: thành phần hồ sơ, thời hạn, phí, lệ phí, nơi nộp và nộp hồ sơ trực tuyến.",
            site.config.owner
        ),
    );
    filters(r, &mut ctx);
    ctx.insert("kind", kind);
    ctx.insert("current", current);
    let members = group
        .map(|g| g.items.clone())
        .unwrap_or_else(|| c.all.clone());
    ctx.insert("groups", &by_field(site, &members));
    Ok(vec![r.render_template("procedures.html", path, &ctx)?])
}

/// A form to download, with its link resolved.
#[derive(Serialize)]
struct FormView<'a> {
    name: &'a str,
    href: String,
    /// "DOCX", "PDF": what a file of this site opens with.
    format: Option<&'static str>,
}

#[derive(Serialize)]
struct DossierItemView<'a> {
    /// HTML id of the item's tick box.
    id: String,
    name: &'a str,
    originals: Option<u32>,
    copies: Option<u32>,
    present_only: bool,
    optional: bool,
    note: Option<&'a str>,
    forms: Vec<FormView<'a>>,
}

#[derive(Serialize)]
struct DossierCaseView<'a> {
    case: Option<&'a str>,
    sets: Option<u32>,
    items: Vec<DossierItemView<'a>>,
}

fn dossier<'a>(site: &Site, cases: &'a [DossierCase]) -> Vec<DossierCaseView<'a>> {
    cases
        .iter()
        .enumerate()
        .map(|(ci, c)| DossierCaseView {
            case: c.case.as_deref(),
            sets: c.sets,
            items: c
                .items
                .iter()
                .enumerate()
                .map(|(ii, it)| {
                    let forms = it
                        .form
                        .iter()
                        .flat_map(|f| {
                            [f.file.as_deref(), f.url.as_deref()]
                                .into_iter()
                                .flatten()
                                .map(|href| FormView {
                                    name: &f.name,
                                    href: context::link(site, href),
                                    format: href
                                        .starts_with('/')
                                        .then(|| crate::vocab::FileFormat::from_path(href).label()),
                                })
                        })
                        .collect();
                    DossierItemView {
                        id: format!("giay-to-{}-{}", ci + 1, ii + 1),
                        name: &it.name,
                        originals: it.originals,
                        copies: it.copies,
                        present_only: it.present_only,
                        optional: it.optional,
                        note: it.note.as_deref(),
                        forms,
                    }
                })
                .collect(),
        })
        .collect()
}

/// The full view of a procedure's page.
#[derive(Serialize)]
struct ProcedureView<'a> {
    p: &'a Procedure,
    in_force: bool,
    /// The steps without the "Bước N:" the page's numbered list shows.
    steps: Vec<&'a str>,
    online_url: Option<String>,
    field: Option<Link>,
    agency: Option<Link>,
    /// Where to bring the papers: the record's address, else the lead unit's.
    address: Option<String>,
    channels: &'a [ProcedureChannel],
    /// Whether any channel has a description (else the column is left out).
    channel_notes: bool,
    dossier: Vec<DossierCaseView<'a>>,
    legal_basis: &'a [LegalRef],
    replaced_by: Option<Replacement>,
    news: Vec<Card>,
    retrieved_at: Date,
}

/// What `procedure.html` needs beyond the common item page.
pub fn item_context(site: &Site, index: usize, ctx: &mut Context) {
    let item = &site.items[index];
    let Some(p) = procedure(item) else { return };
    let c = &site.procedures;
    let lead_address = item
        .units
        .first()
        .and_then(|&u| site.units[u].unit.contact.as_ref())
        .and_then(|c| c.address.clone());
    let view = ProcedureView {
        p,
        in_force: p.legal_status.in_force(),
        steps: p
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| crate::content::procedure::step_text(s, i + 1))
            .collect(),
        online_url: online_url(site, p),
        field: c.field_of(index).map(|g| Link {
            name: g.name.clone(),
            href: site.href(&g.path),
        }),
        agency: c
            .agencies
            .iter()
            .find(|g| g.items.contains(&index))
            .map(|g| Link {
                name: g.name.clone(),
                href: site.href(&g.path),
            }),
        address: p
            .receiving_address
            .clone()
            .filter(|a| !a.trim().is_empty())
            .or(lead_address),
        channels: &p.channels,
        channel_notes: p.channels.iter().any(|c| c.description.is_some()),
        dossier: dossier(site, &p.dossier),
        legal_basis: &p.legal_basis,
        replaced_by: replacement(site, p),
        news: c
            .news
            .get(&index)
            .map(|news| {
                news.iter()
                    .map(|&i| context::card(site, &site.items[i]))
                    .collect()
            })
            .unwrap_or_default(),
        retrieved_at: p.source.retrieved_at,
    };
    ctx.insert("procedure", &view);
}

/// Where "Nộp hồ sơ trực tuyến" leads: the record's own address when it names
/// the procedure; else the portal's page for this procedure, from the
/// `dvc_urls.procedure` pattern of site.yaml (`{code}` stands for the code);
/// else whatever address the record gives (a portal's home page).
fn online_url(site: &Site, p: &Procedure) -> Option<String> {
    let own = p
        .online_url
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty());
    let deep = site
        .config
        .dvc_urls
        .as_ref()
        .and_then(|d| d.procedure.as_deref())
        .filter(|pattern| pattern.contains("{code}"))
        .map(|pattern| pattern.replace("{code}", &p.code.0));
    match (own, deep) {
        (Some(u), Some(d)) if is_portal_home(u) => Some(d),
        (Some(u), _) => Some(context::link(site, u)),
        (None, Some(d)) if p.online_level != crate::vocab::OnlineLevel::Khong => Some(d),
        _ => None,
    }
}

/// Whether an address is only a portal's home page (`https://host/`), which
/// leaves the citizen to look for the procedure again.
pub fn is_portal_home(url: &str) -> bool {
    url.split_once("://")
        .is_some_and(|(_, rest)| rest.trim_end_matches('/').find(['/', '?', '#']).is_none())
}

/// The breadcrumb trail of a procedure page: catalogue, then its field.
pub fn trail(site: &Site, index: usize) -> Vec<(String, String)> {
    let mut t = vec![(TITLE.to_string(), ROOT.to_string())];
    if let Some(g) = site.procedures.field_of(index) {
        t.push((g.name.clone(), g.path.clone()));
    }
    t
}

/// The home page's procedure search box and busiest fields.
pub fn home_context(site: &Site, ctx: &mut Context) {
    let c = &site.procedures;
    if c.all.is_empty() {
        return;
    }
    let mut fields = choices(site, c.fields.iter().map(|g| (g.slug.as_str(), g)));
    fields.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| vi::compare(a.name, b.name))
    });
    fields.truncate(6);
    ctx.insert("procedure_fields", &fields);
    ctx.insert("procedures_href", &site.href(ROOT));
    ctx.insert("procedure_count", &c.all.len());
}
