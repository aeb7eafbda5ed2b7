//! The search page, `/tim-kiem/`: a GET form that `search.js` turns into
//! results as you type. Without JavaScript it still offers ways in — the
//! A–Z procedure index, the document list, the topic pages and the units —
//! so it is never blank.

use serde::Serialize;

use super::context::Link;
use super::search_index::{self, DIR};
use super::{Output, Renderer};
use crate::diagnostics::Diagnostic;

/// Site path of the search page.
pub const PATH: &str = "/tim-kiem/";

#[derive(Serialize)]
struct Choice<'a> {
    id: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct Topic<'a> {
    name: &'a str,
    href: String,
    count: usize,
}

pub fn html(r: &Renderer) -> Result<Vec<Output>, Diagnostic> {
    let site = r.site();
    let types: Vec<Choice> = search_index::types_present(site)
        .into_iter()
        .map(|t| Choice {
            id: t.id,
            name: t.label,
        })
        .collect();
    let units: Vec<Choice> = search_index::units_present(site)
        .into_iter()
        .map(|u| Choice {
            id: &site.units[u].unit.id,
            name: &site.units[u].unit.name,
        })
        .collect();
    let sections: Vec<Topic> = site
        .sections
        .iter()
        .map(|s| Topic {
            name: &s.name,
            href: site.href(&s.path),
            count: s.items.len(),
        })
        .collect();
    let unit_pages: Vec<Link> = site
        .units
        .iter()
        .filter(|u| u.has_page())
        .map(|u| Link {
            name: u.unit.name.clone(),
            href: site.href(&u.path),
        })
        .collect();
    let mut ctx = r.context(PATH, "Tìm kiếm", &[("Tìm kiếm", PATH)]);
    if let Some(d) = super::context::site_dc_date(site) {
        ctx.insert("dc_date", &d);
    }
    ctx.insert(
        "description",
        &format!(
            "Tìm tin bài, văn bản và trang của {}, gõ có dấu hoặc không dấu.",
            site.config.name
        ),
    );
    ctx.insert("index_url", &site.href(&format!("/{DIR}/")));
    ctx.insert("types", &types);
    ctx.insert("units", &units);
    ctx.insert("sections", &sections);
    ctx.insert("unit_pages", &unit_pages);
    ctx.insert("document_count", &site.documents.len());
    ctx.insert("news_count", &site.news.len());
    ctx.insert("procedure_count", &site.procedures.all.len());
    ctx.insert(
        "procedures_az",
        &site.href(&format!("{}a-z/", crate::site::procedures::ROOT)),
    );
    Ok(vec![r.render_template("search.html", PATH, &ctx)?])
}
