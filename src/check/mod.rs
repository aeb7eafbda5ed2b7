//! Checks over the rendered output: every internal `href`/`src` must lead to a
//! generated page, file or anchor — including links written in templates.
//!
//! Peers only check links written in their own link syntax; a commune site's
//! staff paste plain paths, so the rendered HTML is what gets checked. A broken
//! link in a content file is reported at its line there; one that comes from a
//! template is reported once, with how many pages carry it.

pub mod external;
pub mod law;
pub mod staff;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::html::unescape;
use crate::paths::output_file;
use crate::site::Site;

/// Strings shared by many pages (menu, footer and unit links, template
/// ids), stored once: the link facts of a 10,000-page site stay small.
#[derive(Default)]
pub struct Interner {
    strings: Mutex<HashSet<Arc<str>>>,
}

impl Interner {
    fn get(&self, s: &str) -> Arc<str> {
        let mut set = match self.strings.lock() {
            Ok(set) => set,
            Err(poisoned) => poisoned.into_inner(),
        };
        if let Some(found) = set.get(s) {
            return found.clone();
        }
        let new: Arc<str> = Arc::from(s);
        set.insert(new.clone());
        new
    }
}

/// What the link checks need of one rendered page: its anchors and the
/// links it holds. Taken while the page is rendered, so the page itself
/// can be written out and dropped.
pub struct PageLinks {
    pub page: String,
    ids: HashSet<Arc<str>>,
    /// Every `href`/`src` value, once each, unescaped.
    urls: Vec<Arc<str>>,
    /// Links to a place on the page itself (`#a`) that it does not have:
    /// they depend on nothing else, so they are found once, here.
    broken_here: Vec<Arc<str>>,
}

/// The anchors and links of an HTML file; `None` for other files.
pub fn page_links(path: &str, bytes: &[u8], strings: &Interner) -> Option<PageLinks> {
    if !path.ends_with(".html") {
        return None;
    }
    let html = std::str::from_utf8(bytes).ok()?;
    let ids: HashSet<Arc<str>> = attributes(html, &["id"])
        .into_iter()
        .map(|v| strings.get(&unescape(v)))
        .collect();
    let mut urls: Vec<Arc<str>> = attributes(html, &["href", "src"])
        .into_iter()
        .map(|v| strings.get(&unescape(v)))
        .collect();
    urls.sort_unstable();
    urls.dedup();
    let broken_here = urls
        .iter()
        .filter(|u| on_page(u))
        .filter(|u| {
            let anchor = u.trim().split_once('#').map(|(_, a)| a).unwrap_or("");
            !anchor.is_empty() && !ids.contains(anchor)
        })
        .cloned()
        .collect();
    Some(PageLinks {
        page: path.to_string(),
        ids,
        urls,
        broken_here,
    })
}

/// A link to the page it is on (`#a`, `?q`, empty).
fn on_page(url: &str) -> bool {
    url.trim().split(['#', '?']).next().unwrap_or("").is_empty()
}

/// Values of the double-quoted attributes `names` in `html`. The generator
/// writes every attribute in double quotes (Tera and pulldown-cmark both do).
fn attributes<'h>(html: &'h str, names: &[&str]) -> Vec<&'h str> {
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    for name in names {
        let pat = format!("{name}=\"");
        let mut from = 0;
        while let Some(i) = html[from..].find(&pat) {
            let start = from + i;
            let value_start = start + pat.len();
            from = value_start;
            // The attribute name must start after whitespace (not `data-href=`).
            if start == 0 || !bytes[start - 1].is_ascii_whitespace() {
                continue;
            }
            if let Some(end) = html[value_start..].find('"') {
                out.push(&html[value_start..value_start + end]);
                from = value_start + end;
            }
        }
    }
    out
}

/// What `LinkIndex::replace` replaced: each page's facts before, if any.
pub struct Undo(Vec<(String, Option<PageLinks>)>);

/// The link facts of every page of the site, kept between builds: `build`
/// fills it once, `serve` replaces the pages each rebuild renders again.
/// Where a link without an anchor leads depends only on which files exist,
/// so it is judged once, when first seen, and again only when the set of
/// files changes; a link with an anchor (rare) is judged on every check, as
/// the page it names may have changed. A check after an edit thus costs what
/// the edit changed, not the size of the site.
#[derive(Default)]
pub struct LinkIndex {
    strings: Interner,
    pages: BTreeMap<String, PageLinks>,
    /// Every link that leads off its page, from any page (it may name links
    /// no page holds any more: those are dropped when found broken).
    distinct: HashSet<Arc<str>>,
    /// Links without an anchor added since the last check, to judge.
    fresh: Vec<Arc<str>>,
    /// Links without an anchor judged broken.
    broken: HashSet<Arc<str>>,
    /// Links with an anchor.
    anchored: HashSet<Arc<str>>,
}

impl LinkIndex {
    /// The link facts of a rendered file (`None` for what is not a page).
    pub fn facts(&self, path: &str, bytes: &[u8]) -> Option<PageLinks> {
        page_links(path, bytes, &self.strings)
    }

    /// Take in the pages of a whole site.
    pub fn insert(&mut self, pages: Vec<PageLinks>) {
        self.pages
            .extend(pages.into_iter().map(|p| (p.page.clone(), p)));
        self.files_changed();
    }

    /// Take in pages rendered again and forget the files `gone`; what they
    /// replaced, for `restore`.
    pub fn replace(&mut self, pages: Vec<PageLinks>, gone: &[String]) -> Undo {
        let mut undo = Undo(Vec::with_capacity(pages.len() + gone.len()));
        for page in gone {
            undo.0.push((page.clone(), self.pages.remove(page)));
        }
        for p in pages {
            for u in p.urls.iter().filter(|u| !on_page(u)) {
                if self.distinct.insert(u.clone()) {
                    self.add(u.clone());
                }
            }
            let path = p.page.clone();
            undo.0.push((path.clone(), self.pages.insert(path, p)));
        }
        undo
    }

    fn add(&mut self, url: Arc<str>) {
        if url.contains('#') {
            self.anchored.insert(url);
        } else {
            self.fresh.push(url);
        }
    }

    /// Put back what `replace` changed (a build that failed).
    pub fn restore(&mut self, undo: Undo) {
        for (path, old) in undo.0.into_iter().rev() {
            match old {
                Some(p) => self.pages.insert(path, p),
                None => self.pages.remove(&path),
            };
        }
    }

    /// Files were added or removed: every link is judged again.
    pub fn files_changed(&mut self) {
        self.distinct = self
            .pages
            .par_iter()
            .flat_map_iter(|(_, p)| p.urls.iter().filter(|u| !on_page(u)).cloned())
            .collect();
        self.broken.clear();
        self.anchored.clear();
        self.fresh.clear();
        let all: Vec<Arc<str>> = self.distinct.iter().cloned().collect();
        for u in all {
            self.add(u);
        }
    }

    /// The pages, by path.
    pub fn pages(&self) -> impl Iterator<Item = &PageLinks> {
        self.pages.values()
    }

    /// Check every internal link and anchor of the rendered site. `exists`
    /// tells whether an output file (page, feed, asset or static file) exists.
    pub fn check(
        &mut self,
        site: &Site,
        exists: &(dyn Fn(&str) -> bool + Sync),
    ) -> Vec<Diagnostic> {
        // A menu entry that leads nowhere is the first thing a citizen clicks;
        // it is reported once, at site.yaml.
        let mut diags = Vec::new();
        let mut menu_urls = HashSet::new();
        for m in site.config.menu.iter().filter(|m| m.url.starts_with('/')) {
            let path = m.url.split('#').next().unwrap_or("/");
            if !exists(&output_file(path)) {
                menu_urls.insert(site.href(&m.url));
                diags.push(
                    Diagnostic::error("E025", format!("mục menu `{}` trỏ tới `{}` nhưng trang này không có", m.name, m.url))
                        .in_file("site.yaml")
                        .field("menu")
                        .hint("tạo trang đó (ví dụ trong content/trang/), hoặc sửa đường dẫn trong menu của site.yaml"),
                );
            }
        }
        let pages = &self.pages;
        let leads = |url: &str| leads_somewhere(site, pages, exists, url);
        let fresh = std::mem::take(&mut self.fresh);
        let newly_broken: Vec<Arc<str>> = fresh.into_par_iter().filter(|u| !leads(u)).collect();
        self.broken.extend(newly_broken);
        let bad: HashSet<&str> = self
            .broken
            .iter()
            .chain(self.anchored.iter().filter(|u| !leads(u)))
            .map(|u| &**u)
            .filter(|u| !menu_urls.contains(*u))
            .collect();
        // Broken link → pages it appears on (the pages' links are searched
        // only when something is broken).
        let mut broken: BTreeMap<String, Vec<&str>> = BTreeMap::new();
        for p in self.pages.values() {
            for u in &p.broken_here {
                broken
                    .entry(u.trim().to_string())
                    .or_default()
                    .push(&p.page);
            }
            if !bad.is_empty() {
                for u in p.urls.iter().filter(|u| bad.contains(&***u)) {
                    broken
                        .entry(u.trim().to_string())
                        .or_default()
                        .push(&p.page);
                }
            }
        }
        // Broken links no page holds any more are forgotten.
        let gone: Vec<String> = bad
            .iter()
            .filter(|u| !broken.contains_key(u.trim()))
            .map(|u| u.to_string())
            .collect();
        diags.extend(attribute(site, broken));
        for u in gone {
            self.distinct.remove(u.as_str());
            self.broken.remove(u.as_str());
            self.anchored.remove(u.as_str());
        }
        diags
    }
}

/// Whether a link that leads off its page reaches a file (and its anchor,
/// if it names one) of the site. Links to other sites, and relative links
/// (not written by this generator), are not this check's business.
fn leads_somewhere(
    site: &Site,
    pages: &BTreeMap<String, PageLinks>,
    exists: &(dyn Fn(&str) -> bool + Sync),
    url: &str,
) -> bool {
    let url = url.trim();
    if url.is_empty() || url.starts_with("//") || has_scheme(url) {
        return true;
    }
    let (path, anchor) = match url.split_once('#') {
        Some((p, a)) => (p, Some(a)),
        None => (url, None),
    };
    let path = path.split('?').next().unwrap_or("");
    let target = if let Some(inner) = path
        .strip_prefix(&site.base_path)
        .filter(|p| p.starts_with('/'))
    {
        let f = output_file(inner);
        if exists(&f) {
            Some(f)
        } else if exists(&format!("{f}/index.html")) {
            Some(format!("{f}/index.html"))
        } else {
            None
        }
    } else if path.starts_with('/') {
        None // outside the site's base path
    } else {
        return true;
    };
    match (target, anchor) {
        (None, _) => false,
        (Some(_), None | Some("")) => true,
        (Some(t), Some(a)) => {
            pages.get(t.as_str()).is_none_or(|p| p.ids.contains(a)) || !t.ends_with(".html")
        }
    }
}

/// One error per broken link: at its line in the content file that writes
/// it, or once for a template with how many pages carry it.
fn attribute(site: &Site, broken: BTreeMap<String, Vec<&str>>) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    // Attribute each broken link to the content file that writes it, if any.
    let by_output: HashMap<String, usize> = site
        .items
        .iter()
        .enumerate()
        .map(|(i, it)| (output_file(&it.path), i))
        .collect();
    for (url, pages) in broken {
        let written = url
            .strip_prefix(&site.base_path)
            .filter(|_| !site.base_path.is_empty())
            .unwrap_or(&url);
        let mut reported = false;
        for page in pages
            .iter()
            .copied()
            .collect::<std::collections::BTreeSet<_>>()
        {
            let Some(&i) = by_output.get(page) else {
                continue;
            };
            let item = &site.items[i];
            if let Some((line, col)) = find_in_source(&item.text, written) {
                let d = if let Some(anchor) = written.strip_prefix('#') {
                    let ids: Vec<&str> = item.body.headings.iter().map(|h| h.id.as_str()).collect();
                    Diagnostic::error("E024", format!("không có mục `#{anchor}` trong trang")).hint(
                        match crate::diagnostics::closest(anchor, ids.iter().copied()) {
                            Some(c) => format!("có phải bạn muốn viết `#{c}`?"),
                            None if ids.is_empty() => {
                                "trang này không có tiêu đề mục (##) nào để liên kết tới".into()
                            }
                            None => format!(
                                "các mục trong trang: {}",
                                ids.iter()
                                    .map(|i| format!("#{i}"))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                        },
                    )
                } else {
                    Diagnostic::error("E023", format!("liên kết `{written}` không dẫn tới trang, tệp hay mục nào của trang web"))
                        .hint(hint_for(site, written))
                };
                diags.push(d.in_file(&item.source).at(&item.text, line, col));
                reported = true;
            }
        }
        if !reported {
            let example = pages.first().copied().unwrap_or("");
            diags.push(
                Diagnostic::error(
                    "E023",
                    format!(
                        "liên kết `{written}` (trong mẫu giao diện hoặc phần thông tin, ở {} trang, ví dụ `{example}`) không dẫn tới trang nào",
                        pages.len()
                    ),
                )
                .hint(hint_for(site, written)),
            );
        }
    }
    diags
}

/// Working days (Monday to Friday) from `from` to `to`. Public holidays are
/// not counted out: the warning errs on the side of staying quiet.
fn working_days_between(from: chrono::NaiveDate, to: chrono::NaiveDate) -> i64 {
    use chrono::Datelike;
    let mut days = 0;
    let mut d = from;
    while d < to {
        d = d.succ_opt().unwrap_or(to);
        if d.weekday().number_from_monday() <= 5 {
            days += 1;
        }
    }
    days
}

/// Content published later than the deadlines allow, and sections left
/// without news.
pub fn staleness(site: &Site) -> Vec<Diagnostic> {
    let deadlines = &site.config.deadlines;
    let mut diags = Vec::new();
    for item in &site.items {
        let crate::site::ItemKind::Document(doc) = &item.kind else {
            continue;
        };
        let (Some(issued), Some(published)) = (doc.issued_date.and_then(|d| d.full()), item.date)
        else {
            continue;
        };
        if doc.published_at.is_none() {
            continue;
        }
        let late = working_days_between(issued.0, published.0.date_naive());
        if late > i64::from(deadlines.document_working_days) {
            let (line, col) = crate::content::front_matter::split(&item.text)
                .map(|d| d.locate("published_at", None))
                .unwrap_or((1, 1));
            diags.push(
                Diagnostic::warning(
                    "W011",
                    format!(
                        "văn bản được đăng sau {late} ngày làm việc kể từ ngày ban hành (quy định: không quá {} ngày)",
                        deadlines.document_working_days
                    ),
                )
                .in_file(&item.source)
                .at(&item.text, line, col)
                .field("published_at"),
            );
        }
    }
    for (id, max_days) in &deadlines.sections {
        let Some(section) = site.sections.iter().find(|s| &s.id == id) else {
            diags.push(
                Diagnostic::warning(
                    "W012",
                    format!("hạn cập nhật ghi cho chuyên mục `{id}` nhưng không có chuyên mục này"),
                )
                .in_file("site.yaml")
                .field("deadlines"),
            );
            continue;
        };
        let newest = section.items.first().and_then(|&i| site.items[i].date);
        let age = newest.map(|d| (site.now.0 - d.0).num_days());
        if age.is_none_or(|a| a > i64::from(*max_days)) {
            let since = match (newest, age) {
                (Some(d), Some(a)) => format!(
                    "tin mới nhất đăng ngày {} ({a} ngày trước)",
                    crate::vi::date_short(&d.0)
                ),
                _ => "chưa có tin nào".to_string(),
            };
            diags.push(
                Diagnostic::warning("W013", format!("chuyên mục `{}` chưa được cập nhật: {since}; hạn là {max_days} ngày", section.name))
                    .in_file("site.yaml")
                    .field("deadlines")
                    .hint("đăng tin mới cho chuyên mục, hoặc sửa hạn trong `deadlines.sections` của site.yaml"),
            );
        }
    }
    diags
}

fn has_scheme(url: &str) -> bool {
    match url.find(':') {
        Some(i) => {
            url[..i]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
                && i > 0
        }
        None => false,
    }
}

/// Line and column (1-based) of `needle` in `text`.
fn find_in_source(text: &str, needle: &str) -> Option<(usize, usize)> {
    let pos = text.find(needle)?;
    let line = text[..pos].matches('\n').count() + 1;
    let line_start = text[..pos].rfind('\n').map(|i| i + 1).unwrap_or(0);
    Some((line, text[line_start..pos].chars().count() + 1))
}

fn hint_for(site: &Site, written: &str) -> String {
    let paths = site
        .items
        .iter()
        .map(|i| i.path.as_str())
        .chain(site.units.iter().map(|u| u.path.as_str()));
    match crate::diagnostics::closest(written.split('#').next().unwrap_or(written), paths) {
        Some(p) => format!("có phải bạn muốn viết `{p}`?"),
        None => "kiểm tra lại đường dẫn; đường dẫn trong trang bắt đầu bằng `/`, ví dụ `/don-vi/phong-kinh-te/`".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_are_found_only_as_whole_names() {
        let html = r#"<a href="/a/" data-href="/x/"><img src="/s.png" alt=""><p id="muc-1">"#;
        assert_eq!(attributes(html, &["href", "src"]), ["/a/", "/s.png"]);
        assert_eq!(attributes(html, &["id"]), ["muc-1"]);
    }

    #[test]
    fn working_days_skip_weekends() {
        let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        // Friday 2026-11-27 → Monday 2026-11-30 is one working day.
        assert_eq!(working_days_between(d("2026-11-27"), d("2026-11-30")), 1);
        assert_eq!(working_days_between(d("2026-11-23"), d("2026-11-27")), 4);
        assert_eq!(working_days_between(d("2026-11-27"), d("2026-11-27")), 0);
    }

    #[test]
    fn schemes_and_files() {
        assert!(has_scheme("https://gov.vn"));
        assert!(has_scheme("mailto:a@b.vn"));
        assert!(!has_scheme("/tin-tuc/a:b/"));
        assert_eq!(find_in_source("a\nbc /x/", "/x/"), Some((2, 4)));
    }
}
