//! RSS 2.0 and Atom feeds: for the site, each section and each unit.
//!
//! Feeds carry absolute URLs and RFC 2822 / RFC 3339 dates in +07:00; undated
//! items are never silently dropped from a list page, but a feed needs dates,
//! so only dated items (articles, documents) go in.

use serde::Serialize;

use super::{Output, Renderer};
use crate::content::types::DateTime;
use crate::diagnostics::Diagnostic;
use crate::site::{ItemKind, Site};

#[derive(Serialize)]
struct Entry<'a> {
    title: &'a str,
    permalink: String,
    summary: &'a str,
    /// The summary as HTML (escaped once here, once more by the template):
    /// readers take RSS `<description>` as HTML, so a summary that reads
    /// `<script>` must reach them as text, not as a tag.
    description: String,
    content: &'a str,
    date: crate::content::types::DateTime,
    updated: crate::content::types::DateTime,
    author: Option<&'a str>,
    categories: Vec<&'a str>,
}

/// The items a feed of `items` shows: dated ones (a feed needs dates), newest
/// first, at most `feed_limit`.
pub(super) fn selected<'s>(
    site: &'s crate::site::Site,
    items: &'s [usize],
) -> impl Iterator<Item = usize> + 's {
    items
        .iter()
        .copied()
        .filter(|&i| {
            let item = &site.items[i];
            item.date.is_some() && !matches!(item.kind, ItemKind::Page(_))
        })
        .take(site.config.feed_limit)
}

/// Render `rss.xml` and `atom.xml` under `path` for `items` (newest first).
pub fn render(
    r: &Renderer,
    path: &str,
    title: &str,
    items: &[usize],
) -> Result<Vec<Output>, Diagnostic> {
    let site = r.site();
    let entries: Vec<Entry> = selected(site, items)
        .map(|i| &site.items[i])
        .filter_map(|item| {
            let date = item.date?;
            Some(Entry {
                title: &item.title,
                permalink: site.permalink(&item.path),
                summary: &item.summary,
                description: crate::markdown::escape_attribute(&item.summary),
                content: &item.body.html,
                date,
                updated: item.updated.unwrap_or(date),
                author: item
                    .units
                    .first()
                    .map(|&u| site.units[u].unit.name.as_str()),
                categories: item
                    .tags
                    .iter()
                    .map(|&t| site.tags[t].name.as_str())
                    .collect(),
            })
        })
        .collect();
    let updated = entries
        .iter()
        .map(|e| e.updated)
        .max()
        .unwrap_or_else(|| empty_feed_date(site));
    let mut out = Vec::new();
    for (template, file) in [("rss.xml", "rss.xml"), ("atom.xml", "atom.xml")] {
        let feed_path = format!("{path}{file}");
        let mut ctx = r.context(&feed_path, title, &[]);
        ctx.insert("feed_title", title);
        ctx.insert("page_permalink", &site.permalink(path));
        ctx.insert("entries", &entries);
        ctx.insert("updated", &updated);
        out.push(r.render_template(template, &feed_path, &ctx)?);
    }
    Ok(out)
}

/// The date of a feed with no entries: the newest date on the site, else the
/// start of today. Not the build's own second: building again with nothing
/// changed must give the same bytes (and feed readers see no false update).
pub fn empty_feed_date(site: &Site) -> DateTime {
    site.items
        .iter()
        .filter_map(|i| i.updated.max(i.date))
        .max()
        .unwrap_or_else(|| {
            DateTime(crate::content::types::Date(site.now.0.date_naive()).at_midnight())
        })
}
