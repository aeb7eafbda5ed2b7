//! Small serialisable views of the site model, one shape per page kind.
//!
//! A template gets the page it shows and the few lists on it, never the whole
//! site: serializing the site into every page is what makes peers slow at
//! 10,000 pages. Dates arrive pre-formatted the Vietnamese way, links with the
//! base path already applied.

use std::borrow::Cow;

use serde::Serialize;

use crate::config::{MenuItem, SiteConfig};
use crate::content::types::DateTime;
use crate::content::{Article, Document, Page};
use crate::markdown::Heading;
use crate::site::{Item, ItemKind, Role, Site, UnitEntry};
use crate::vocab::ParArea;

/// Site-wide values, the same on every page (Tera's global context).
#[derive(Serialize)]
pub struct SiteView<'a> {
    #[serde(flatten)]
    pub config: &'a SiteConfig,
    pub home: String,
    pub year: String,
    pub menu: Vec<MenuView>,
    pub feeds: FeedLinks,
    pub generator: &'static str,
    /// The access-to-information page (Luật TCTT; NĐ 13/2018 Điều 5), which
    /// every page's footer links when the site has one.
    pub access_href: Option<String>,
}

/// Where the access-to-information page is published.
pub const ACCESS_PATH: &str = "/tiep-can-thong-tin/";

#[derive(Serialize)]
pub struct MenuView {
    pub name: String,
    pub path: String,
    pub href: String,
}

#[derive(Serialize, Clone)]
pub struct FeedLinks {
    pub rss: String,
    pub atom: String,
}

impl<'a> SiteView<'a> {
    pub fn new(site: &'a Site) -> Self {
        let menu = site
            .config
            .menu
            .iter()
            .map(|MenuItem { name, url }| MenuView {
                name: name.clone(),
                path: url.to_string(),
                href: if url.starts_with('/') {
                    site.href(url)
                } else {
                    url.to_string()
                },
            })
            .collect();
        SiteView {
            config: &site.config,
            home: site.href("/"),
            year: site.now.0.format("%Y").to_string(),
            menu,
            feeds: FeedLinks {
                rss: site.href("/rss.xml"),
                atom: site.href("/atom.xml"),
            },
            generator: concat!("trangxa ", env!("CARGO_PKG_VERSION")),
            access_href: site
                .items
                .iter()
                .any(|i| i.path == ACCESS_PATH)
                .then(|| site.href(ACCESS_PATH)),
        }
    }
}

/// The menu entry a page belongs under: the longest menu path that prefixes
/// it. The home entry (`/`) prefixes everything, so it counts only for home.
pub fn active_menu(site: &Site, path: &str) -> String {
    site.config
        .menu
        .iter()
        .map(|m| m.url.as_str())
        .filter(|u| u.starts_with('/') && path.starts_with(u) && (*u != "/" || path == "/"))
        .max_by_key(|u| u.len())
        .unwrap_or("")
        .to_string()
}

#[derive(Serialize, Clone)]
pub struct Crumb {
    pub name: String,
    pub href: String,
}

pub fn crumbs(site: &Site, trail: &[(&str, &str)]) -> Vec<Crumb> {
    std::iter::once(("Trang chủ", "/"))
        .chain(trail.iter().copied())
        .map(|(name, path)| Crumb {
            name: name.to_string(),
            href: site.href(path),
        })
        .collect()
}

/// A unit as a link; `href` is absent for units without a page of their own.
#[derive(Serialize, Clone)]
pub struct UnitLink {
    pub id: String,
    pub name: String,
    pub href: Option<String>,
    pub role: Option<Role>,
}

pub fn unit_link(site: &Site, u: usize, role: Option<Role>) -> UnitLink {
    let e = &site.units[u];
    UnitLink {
        id: e.unit.id.clone(),
        name: e.unit.name.clone(),
        href: e.has_page().then(|| site.href(&e.path)),
        role,
    }
}

#[derive(Serialize, Clone)]
pub struct Link {
    pub name: String,
    pub href: String,
}

/// An item as it appears in a list.
#[derive(Serialize, Clone)]
pub struct Card {
    pub title: String,
    pub href: String,
    pub summary: String,
    pub date: Option<DateTime>,
    /// "article", "document" or "page".
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// "Tin", "Kế hoạch", …
    pub kind_label: String,
    pub lead_unit: Option<UnitLink>,
    pub number: Option<String>,
    pub featured: bool,
    /// An article's picture, shown small beside it in lists.
    pub image: Option<ImageView>,
}

/// The date Dublin Core's `DC.date` gives for an item (TT 22/2013 Phụ lục,
/// metadata of an e-information page): the day it was published, else the
/// day its record says it applies from or was issued, else its last update.
pub fn dc_date(item: &Item) -> Option<String> {
    let day = |d: &crate::content::types::DateTime| d.0.format("%Y-%m-%d").to_string();
    let own = match &item.kind {
        ItemKind::Procedure(p) => p
            .posted_at
            .or(p.effective_from)
            .map(|d| d.0.format("%Y-%m-%d").to_string()),
        ItemKind::Document(d) => item
            .date
            .as_ref()
            .map(day)
            .or_else(|| d.issued_date.map(|x| x.iso())),
        _ => None,
    };
    own.or_else(|| item.date.as_ref().map(day))
        .or_else(|| item.updated.as_ref().map(day))
        .or_else(|| match &item.kind {
            ItemKind::Procedure(p) => Some(p.source.retrieved_at.0.format("%Y-%m-%d").to_string()),
            _ => None,
        })
}

/// The newest `DC.date` of the whole site: the date of the pages that lead to
/// everything (site map, search, the indexes of units, tags and sections).
pub fn site_dc_date(site: &Site) -> Option<String> {
    newest_dc_date(site.items.iter().map(|i| &**i))
}

/// The newest `DC.date` of the items a list page shows.
pub fn newest_dc_date<'a>(items: impl IntoIterator<Item = &'a Item>) -> Option<String> {
    items.into_iter().filter_map(dc_date).max()
}

pub fn kind_of(item: &Item) -> (&'static str, String) {
    match &item.kind {
        ItemKind::Article(a) => ("article", a.kind.label().to_string()),
        ItemKind::Document(d) => ("document", d.doc_type.label().to_string()),
        ItemKind::Page(_) => ("page", "Trang".to_string()),
        ItemKind::Procedure(_) => ("procedure", "Thủ tục hành chính".to_string()),
    }
}

pub fn card(site: &Site, item: &Item) -> Card {
    let (kind, kind_label) = kind_of(item);
    Card {
        title: item.title.clone(),
        href: site.href(&item.path),
        summary: item.summary.clone(),
        date: item.date,
        kind,
        kind_label,
        lead_unit: item
            .units
            .first()
            .map(|&u| unit_link(site, u, Some(Role::Lead))),
        number: match &item.kind {
            ItemKind::Document(d) => Some(d.full_number()),
            ItemKind::Procedure(p) => Some(p.code.0.clone()),
            _ => None,
        },
        featured: item.featured(),
        image: match &item.kind {
            ItemKind::Article(a) => a.image.as_ref().map(|i| image_view(site, i)),
            _ => None,
        },
    }
}

/// A document as a row of the legally required table.
#[derive(Serialize, Clone)]
pub struct DocRow<'a> {
    pub href: String,
    pub number: String,
    pub doc: &'a Document,
    pub files: Vec<FileLink>,
    /// The signature block, line by line (`Signer::block`).
    pub signature: Vec<String>,
}

#[derive(Serialize, Clone)]
pub struct FileLink {
    pub label: String,
    pub href: String,
    pub format: &'static str,
    pub signed: bool,
}

pub fn doc_row<'a>(site: &Site, item: &Item, doc: &'a Document) -> DocRow<'a> {
    DocRow {
        href: site.href(&item.path),
        number: doc.full_number(),
        doc,
        files: doc.files.iter().map(|f| file_link(site, f)).collect(),
        signature: doc.signer.as_ref().map(|s| s.block()).unwrap_or_default(),
    }
}

/// A downloadable file as a link with its format.
pub fn file_link(site: &Site, f: &crate::content::types::Attachment) -> FileLink {
    FileLink {
        label: f.label.clone(),
        href: link(site, &f.path),
        format: f
            .format
            .unwrap_or_else(|| crate::vocab::FileFormat::from_path(&f.path))
            .label(),
        signed: f.signed,
    }
}

/// A path from content as a link: site paths get the base path.
pub fn link(site: &Site, path: &str) -> String {
    if path.starts_with('/') && !path.starts_with("//") {
        site.href(path)
    } else {
        path.to_string()
    }
}

/// The full view of one item's own page.
#[derive(Serialize)]
pub struct ItemPage<'a> {
    pub title: &'a str,
    pub href: String,
    pub permalink: String,
    pub summary: &'a str,
    pub date: Option<DateTime>,
    pub updated: Option<DateTime>,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub kind_label: String,
    pub units: Vec<UnitLink>,
    pub par_areas: &'a [ParArea],
    pub tags: Vec<Link>,
    /// The body, its pictures made responsive (`body_images`).
    pub content: Cow<'a, str>,
    pub headings: &'a [Heading],
    pub related_documents: Vec<Card>,
    /// Procedures an article names (`related_procedures`).
    pub related_procedures: Vec<Card>,
    pub article: Option<&'a Article>,
    pub document: Option<DocRow<'a>>,
    pub page: Option<&'a Page>,
    /// Resolved `submitted_to` recipients, `attachments`, images.
    pub submitted_to: Vec<Submitted>,
    pub attachments: Vec<FileLink>,
    pub image: Option<ImageView>,
    pub gallery: Vec<ImageView>,
    pub media: Vec<MediaView>,
}

/// A video or audio item. A platform video is a link that turns into the
/// player on click (`embed`); a file of the site plays in the browser's own
/// player.
#[derive(Serialize)]
pub struct MediaView {
    /// "video" or "audio".
    pub kind: &'static str,
    pub title: String,
    pub href: String,
    /// A file of the site, played by `<video>`/`<audio>`.
    pub file: bool,
    pub mime: Option<&'static str>,
    pub embed: Option<String>,
    pub platform: Option<&'static str>,
    /// The transcript rendered from Markdown.
    pub transcript: Option<String>,
}

fn media_mime(url: &str) -> Option<&'static str> {
    let ext = url.rsplit('.').next()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "mp3" => "audio/mpeg",
        "m4a" => "audio/mp4",
        "ogg" | "oga" | "opus" => "audio/ogg",
        "wav" => "audio/wav",
        "mp4" | "m4v" => "video/mp4",
        "webm" => "video/webm",
        _ => return None,
    })
}

fn media_view(site: &Site, m: &crate::content::types::Media) -> MediaView {
    let embed = crate::media::embed(&m.url);
    let kind = m.kind.id();
    MediaView {
        kind,
        title: m
            .title
            .clone()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| m.kind.label().to_string()),
        href: link(site, &m.url),
        file: crate::media::is_local(&m.url),
        mime: media_mime(&m.url),
        platform: embed.as_ref().map(|e| e.platform.name()),
        embed: embed.map(|e| e.player),
        transcript: m
            .transcript
            .as_deref()
            .filter(|t| !t.trim().is_empty())
            .map(|t| crate::markdown::render(t, &site.base_path).html),
    }
}

#[derive(Serialize)]
pub struct Submitted {
    pub name: String,
    pub href: Option<String>,
    pub date: Option<crate::content::types::Date>,
    pub note: Option<String>,
}

#[derive(Serialize, Clone)]
pub struct ImageView {
    /// The largest fallback variant, or the source itself when not scaled.
    pub src: String,
    /// `src` as an absolute URL, for `og:image`.
    pub url: String,
    pub alt: String,
    pub caption: Option<String>,
    pub credit: Option<String>,
    /// Intrinsic size of `src`, when known: reserves the space before it loads.
    pub width: Option<u32>,
    pub height: Option<u32>,
    /// `srcset` of the fallback (JPEG or PNG) variants.
    pub srcset: Option<String>,
    /// `<source>` elements to offer first (WebP when it is smaller).
    pub sources: Vec<ImageSource>,
    /// `long_description` rendered from Markdown.
    pub long_description: Option<String>,
}

#[derive(Serialize, Clone)]
pub struct ImageSource {
    #[serde(rename = "type")]
    pub mime: &'static str,
    pub srcset: String,
}

/// A `srcset` value of `variants` (site paths with the base path).
pub(crate) fn srcset(site: &Site, variants: &[crate::images::Variant]) -> String {
    variants
        .iter()
        .map(|v| format!("{} {}w", site.href(&format!("/{}", v.path)), v.width))
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn image_view(site: &Site, i: &crate::content::types::Image) -> ImageView {
    let long_description = i
        .long_description
        .as_deref()
        .filter(|t| !t.trim().is_empty())
        .map(|t| crate::markdown::render(t, &site.base_path).html);
    let (src, width, height, srcset_attr, sources) = match site.images.get(&i.src) {
        Some(r) => {
            let largest = format!("/{}", r.largest().path);
            let sources = if r.webp.is_empty() {
                Vec::new()
            } else {
                vec![ImageSource {
                    mime: "image/webp",
                    srcset: srcset(site, &r.webp),
                }]
            };
            (
                largest,
                Some(r.width),
                Some(r.height),
                Some(srcset(site, &r.fallback)),
                sources,
            )
        }
        None => (i.src.clone(), None, None, None, Vec::new()),
    };
    ImageView {
        url: if src.starts_with('/') && !src.starts_with("//") {
            site.permalink(&src)
        } else {
            src.clone()
        },
        src: link(site, &src),
        alt: i.alt.clone(),
        caption: i.caption.clone(),
        credit: i.credit.clone(),
        width,
        height,
        srcset: srcset_attr,
        sources,
        long_description,
    }
}

pub fn item_page<'a>(site: &'a Site, item: &'a Item) -> ItemPage<'a> {
    let (kind, kind_label) = kind_of(item);
    let units = item
        .units
        .iter()
        .enumerate()
        .map(|(pos, &u)| {
            unit_link(
                site,
                u,
                Some(if pos == 0 {
                    Role::Lead
                } else {
                    Role::Coordinating
                }),
            )
        })
        .collect();
    let tags = item
        .tags
        .iter()
        .map(|&t| Link {
            name: site.tags[t].name.clone(),
            href: site.href(&site.tags[t].path),
        })
        .collect();
    let related_documents = item
        .related_documents
        .iter()
        .map(|&i| card(site, &site.items[i]))
        .collect();
    let related_procedures = item
        .related_procedures
        .iter()
        .map(|&i| card(site, &site.items[i]))
        .collect();
    let (article, document, page) = match &item.kind {
        ItemKind::Article(a) => (Some(a), None, None),
        ItemKind::Document(d) => (None, Some(doc_row(site, item, d)), None),
        ItemKind::Page(p) => (None, None, Some(p)),
        ItemKind::Procedure(_) => (None, None, None),
    };
    let submitted_to = article
        .map(|a| {
            a.submitted_to
                .iter()
                .map(|s| {
                    let unit = site.units.iter().position(|u| {
                        u.unit.id == s.recipient || u.unit.aliases.contains(&s.recipient)
                    });
                    let link = unit.map(|u| unit_link(site, u, None));
                    Submitted {
                        name: link
                            .as_ref()
                            .map(|l| l.name.clone())
                            .unwrap_or_else(|| s.recipient.clone()),
                        href: link.and_then(|l| l.href),
                        date: s.date,
                        note: s.note.clone(),
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let attachments = article
        .map(|a| a.attachments.iter().map(|f| file_link(site, f)).collect())
        .unwrap_or_default();
    ItemPage {
        title: &item.title,
        href: site.href(&item.path),
        permalink: site.permalink(&item.path),
        summary: &item.summary,
        date: item.date,
        updated: item.updated,
        kind,
        kind_label,
        units,
        par_areas: &item.par_areas,
        tags,
        content: super::body_images::html(site, &item.body),
        headings: &item.body.headings,
        related_documents,
        related_procedures,
        article,
        document,
        page,
        submitted_to,
        attachments,
        image: article
            .and_then(|a| a.image.as_ref())
            .map(|i| image_view(site, i)),
        gallery: article
            .map(|a| a.gallery.iter().map(|i| image_view(site, i)).collect())
            .unwrap_or_default(),
        media: article
            .map(|a| a.media.iter().map(|m| media_view(site, m)).collect())
            .unwrap_or_default(),
    }
}

/// Page numbers for a paginated list. Page 1 lives at the list's path,
/// page n at `<path>trang/<n>/`.
#[derive(Serialize, Clone)]
pub struct Paginator {
    pub current: usize,
    pub total: usize,
    pub prev: Option<String>,
    pub next: Option<String>,
    pub pages: Vec<PageLink>,
    pub total_items: usize,
}

#[derive(Serialize, Clone)]
pub struct PageLink {
    pub number: usize,
    pub href: String,
    pub current: bool,
    /// Pages left out here (shown as "…").
    pub gap: bool,
}

/// Pages linked on either side of the current one. Linking every page from
/// every page made a 700-page news list 36 MB of pager links (the cost grew
/// with the square of the list) and a wall of numbers on a phone; the first
/// and last page and the neighbours are what a reader uses.
const PAGER_NEIGHBOURS: usize = 2;

/// Page numbers a pager shows: the first, the last and the neighbours of
/// `current`; `None` for a run of pages left out (a run of one is shown).
fn pager_numbers(current: usize, total: usize) -> Vec<Option<usize>> {
    let near = |n: usize| n.abs_diff(current) <= PAGER_NEIGHBOURS;
    let shown = |n: usize| n == 1 || n == total || near(n);
    let mut out = Vec::new();
    let mut n = 1;
    while n <= total {
        if shown(n) || (shown(n - 1) && n < total && shown(n + 1)) {
            out.push(Some(n));
            n += 1;
        } else {
            out.push(None);
            while n <= total && !shown(n) {
                n += 1;
            }
        }
    }
    out
}

/// Site path of page `n` of a list at `base`.
pub fn pager_path(base: &str, n: usize) -> String {
    if n <= 1 {
        base.to_string()
    } else {
        format!("{base}trang/{n}/")
    }
}

pub fn paginator(
    site: &Site,
    base: &str,
    current: usize,
    total: usize,
    total_items: usize,
) -> Paginator {
    let href = |n: usize| site.href(&pager_path(base, n));
    Paginator {
        current,
        total,
        prev: (current > 1).then(|| href(current - 1)),
        next: (current < total).then(|| href(current + 1)),
        pages: pager_numbers(current, total)
            .into_iter()
            .map(|n| match n {
                Some(n) => PageLink {
                    number: n,
                    href: href(n),
                    current: n == current,
                    gap: false,
                },
                None => PageLink {
                    number: 0,
                    href: String::new(),
                    current: false,
                    gap: true,
                },
            })
            .collect(),
        total_items,
    }
}

/// A unit's own page.
#[derive(Serialize)]
pub struct UnitView<'a> {
    pub unit: &'a crate::content::Unit,
    pub href: String,
    /// The body, its pictures made responsive (`body_images`).
    pub content: Cow<'a, str>,
    pub parent: Option<UnitLink>,
    pub children: Vec<UnitLink>,
    pub replaced_by: Option<UnitLink>,
    pub feeds: FeedLinks,
    pub lead_count: usize,
    pub coordinating_count: usize,
}

pub fn unit_view<'a>(site: &'a Site, entry: &'a UnitEntry) -> UnitView<'a> {
    UnitView {
        unit: &entry.unit,
        href: site.href(&entry.path),
        content: super::body_images::html(site, &entry.body),
        parent: entry.parent.map(|p| unit_link(site, p, None)),
        children: entry
            .children
            .iter()
            .map(|&c| unit_link(site, c, None))
            .collect(),
        replaced_by: entry.replaced_by.map(|p| unit_link(site, p, None)),
        feeds: FeedLinks {
            rss: site.href(&format!("{}rss.xml", entry.path)),
            atom: site.href(&format!("{}atom.xml", entry.path)),
        },
        lead_count: entry.items.iter().filter(|(_, r)| *r == Role::Lead).count(),
        coordinating_count: entry
            .items
            .iter()
            .filter(|(_, r)| *r == Role::Coordinating)
            .count(),
    }
}

/// A card with the unit's role in it, for unit pages.
#[derive(Serialize)]
pub struct RoleCard {
    #[serde(flatten)]
    pub card: Card,
    pub role: Role,
}

#[cfg(test)]
mod pager_tests {
    use super::pager_numbers;

    fn show(current: usize, total: usize) -> String {
        pager_numbers(current, total)
            .iter()
            .map(|n| n.map_or("…".to_string(), |n| n.to_string()))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn a_pager_shows_the_ends_and_the_neighbours() {
        assert_eq!(show(1, 1), "1");
        assert_eq!(show(1, 5), "1 2 3 4 5");
        assert_eq!(show(1, 702), "1 2 3 … 702");
        assert_eq!(show(350, 702), "1 … 348 349 350 351 352 … 702");
        assert_eq!(show(702, 702), "1 … 700 701 702");
        // A gap of one page shows the page instead.
        assert_eq!(show(5, 9), "1 2 3 4 5 6 7 8 9");
        assert_eq!(show(6, 12), "1 … 4 5 6 7 8 … 12");
    }
}
