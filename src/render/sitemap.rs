//! `sitemap.xml` for search engines and the HTML site map (`/so-do-trang/`)
//! that the law asks a state site to offer its readers.

use serde::Serialize;

use super::context::{self, Link};
use super::{Output, Renderer};
use crate::diagnostics::Diagnostic;

#[derive(Serialize)]
struct Url {
    loc: String,
    lastmod: Option<String>,
}

/// Every HTML page except pager pages 2…n and the 404 page.
pub fn xml(r: &Renderer) -> Result<Vec<Output>, Diagnostic> {
    let site = r.site();
    let mut urls: Vec<Url> = [
        "/",
        "/tin-tuc/",
        "/van-ban/",
        "/don-vi/",
        "/tu-khoa/",
        "/chuyen-muc/",
        "/so-do-trang/",
    ]
    .iter()
    .map(|p| Url {
        loc: site.permalink(p),
        lastmod: None,
    })
    .collect();
    for item in &site.items {
        let lastmod = item.updated.or(item.date).map(|d| d.0.to_rfc3339());
        urls.push(Url {
            loc: site.permalink(&item.path),
            lastmod,
        });
    }
    urls.extend(site.units.iter().filter(|u| u.has_page()).map(|u| Url {
        loc: site.permalink(&u.path),
        lastmod: None,
    }));
    urls.extend(site.sections.iter().map(|s| Url {
        loc: site.permalink(&s.path),
        lastmod: None,
    }));
    urls.extend(super::procedures::paths(site).iter().map(|p| Url {
        loc: site.permalink(p),
        lastmod: None,
    }));
    urls.extend(super::par::paths().iter().map(|p| Url {
        loc: site.permalink(p),
        lastmod: None,
    }));
    urls.extend(site.tags.iter().map(|t| Url {
        loc: site.permalink(&t.path),
        lastmod: None,
    }));
    urls.sort_by(|a, b| a.loc.cmp(&b.loc));
    let mut ctx = r.context("/sitemap.xml", "sitemap", &[]);
    ctx.insert("urls", &urls);
    Ok(vec![r.render_template(
        "sitemap.xml",
        "/sitemap.xml",
        &ctx,
    )?])
}

/// The HTML site map: menu, pages, sections, units, documents, tags.
pub fn html(r: &Renderer) -> Result<Vec<Output>, Diagnostic> {
    let site = r.site();
    let link = |name: &str, path: &str| Link {
        name: name.to_string(),
        href: site.href(path),
    };
    let pages: Vec<Link> = site
        .pages
        .iter()
        .map(|&i| link(&site.items[i].title, &site.items[i].path))
        .collect();
    let sections: Vec<Link> = site
        .sections
        .iter()
        .map(|s| link(&s.name, &s.path))
        .collect();
    let units: Vec<Link> = site
        .units
        .iter()
        .filter(|u| u.has_page())
        .map(|u| link(&u.unit.name, &u.path))
        .collect();
    let documents: Vec<Link> = site
        .documents
        .iter()
        .map(|&i| link(&site.items[i].title, &site.items[i].path))
        .collect();
    let tags: Vec<Link> = site.tags.iter().map(|t| link(&t.name, &t.path)).collect();
    let procedure_fields: Vec<Link> = site
        .procedures
        .fields
        .iter()
        .map(|g| link(&format!("Lĩnh vực {}", g.name), &g.path))
        .collect();
    let mut ctx = r.context(
        "/so-do-trang/",
        "Sơ đồ trang",
        &[("Sơ đồ trang", "/so-do-trang/")],
    );
    ctx.insert("pages", &pages);
    ctx.insert("sections", &sections);
    if let Some(d) = context::site_dc_date(site) {
        ctx.insert("dc_date", &d);
    }
    ctx.insert("units", &units);
    ctx.insert("documents", &documents);
    ctx.insert("tags", &tags);
    if !procedure_fields.is_empty() {
        ctx.insert(
            "procedures",
            &link(
                "Thủ tục hành chính",
                super::procedures::paths(site)[0].as_str(),
            ),
        );
        ctx.insert("procedure_fields", &procedure_fields);
    }
    Ok(vec![r.render_template(
        "sitemap.html",
        "/so-do-trang/",
        &ctx,
    )?])
}
