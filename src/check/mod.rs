//! Checks over the rendered output: every internal `href`/`src` must lead to a
//! generated page, file or anchor — including links written in templates.
//!
//! Peers only check links written in their own link syntax; a commune site's
//! staff paste plain paths, so the rendered HTML is what gets checked. A broken
//! link in a content file is reported at its line there; one that comes from a
//! template is reported once, with how many pages carry it.

pub mod external;
pub mod law;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
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
}

/// The anchors and links of an HTML file; `None` for other files.
pub fn page_links(path: &str, bytes: &[u8], strings: &Interner) -> Option<PageLinks> {
    if !path.ends_with(".html") {
        return None;
    }
    let html = std::str::from_utf8(bytes).ok()?;
    let ids = attributes(html, &["id"])
        .into_iter()
        .map(|v| strings.get(&unescape(v)))
        .collect();
    let mut urls: Vec<Arc<str>> = attributes(html, &["href", "src"])
        .into_iter()
        .map(|v| strings.get(&unescape(v)))
        .collect();
    urls.sort_unstable();
    urls.dedup();
    Some(PageLinks {
        page: path.to_string(),
        ids,
        urls,
    })
}

/// Decode the few entities our templates and pulldown-cmark write in attributes.
pub(crate) fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&#x2F;", "/")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
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

/// Output file a site path is served from: `/a/` → `a/index.html`.
fn file_for(path: &str) -> String {
    let p = path.trim_start_matches('/');
    if p.is_empty() || p.ends_with('/') {
        format!("{p}index.html")
    } else {
        p.to_string()
    }
}

/// Check every internal link and anchor of the rendered site. `files` are
/// the paths of every generated file (pages, feeds, assets).
pub fn links(
    site: &Site,
    pages: &[PageLinks],
    files: &HashSet<String>,
    static_files: &HashSet<String>,
) -> Vec<Diagnostic> {
    let exists = |f: &str| files.contains(f) || static_files.contains(f);
    let ids: HashMap<&str, &HashSet<Arc<str>>> =
        pages.iter().map(|p| (p.page.as_str(), &p.ids)).collect();

    // A menu entry that leads nowhere is the first thing a citizen clicks; it
    // is reported once, at site.yaml.
    let mut diags = Vec::new();
    let mut menu_urls = HashSet::new();
    for m in site.config.menu.iter().filter(|m| m.url.starts_with('/')) {
        let path = m.url.split('#').next().unwrap_or("/");
        if !exists(&file_for(path)) {
            menu_urls.insert(site.href(&m.url));
            diags.push(
                Diagnostic::error("E025", format!("mục menu `{}` trỏ tới `{}` nhưng trang này không có", m.name, m.url))
                    .in_file("site.yaml")
                    .field("menu")
                    .hint("tạo trang đó (ví dụ trong content/trang/), hoặc sửa đường dẫn trong menu của site.yaml"),
            );
        }
    }

    // Where a link leads does not depend on the page it is on, unless it
    // is only an anchor (`#a`, `?q`): check each distinct link once.
    let check = |url: &str, page: &str| -> bool {
        let url = url.trim();
        if url.is_empty() || url.starts_with("//") || has_scheme(url) || menu_urls.contains(url) {
            return true;
        }
        let (path, anchor) = match url.split_once('#') {
            Some((p, a)) => (p, Some(a)),
            None => (url, None),
        };
        let path = path.split('?').next().unwrap_or("");
        let target = if path.is_empty() {
            Some(page.to_string())
        } else if let Some(inner) = path
            .strip_prefix(&site.base_path)
            .filter(|p| p.starts_with('/'))
        {
            let f = file_for(inner);
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
            return true; // relative links: not written by this generator
        };
        match (target, anchor) {
            (None, _) => false,
            (Some(_), None | Some("")) => true,
            (Some(t), Some(a)) => {
                ids.get(t.as_str()).is_none_or(|set| set.contains(a)) || !t.ends_with(".html")
            }
        }
    };
    let on_page = |url: &str| {
        let path = url.trim().split(['#', '?']).next().unwrap_or("");
        path.is_empty()
    };
    let distinct: HashSet<&Arc<str>> = pages
        .iter()
        .flat_map(|p| &p.urls)
        .filter(|u| !on_page(u))
        .collect();
    let bad: HashSet<&str> = distinct
        .into_par_iter()
        .filter(|u| !check(u, ""))
        .map(|u| &**u)
        .collect();
    let found: Vec<(&str, &str)> = pages
        .par_iter()
        .flat_map_iter(|p| {
            p.urls
                .iter()
                .filter(|u| {
                    if on_page(u) {
                        !check(u, &p.page)
                    } else {
                        bad.contains(&***u)
                    }
                })
                .map(|u| (&**u, p.page.as_str()))
                .collect::<Vec<_>>()
        })
        .collect();
    // Broken link → pages it appears on.
    let mut broken: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for (url, page) in found {
        broken.entry(url.trim().to_string()).or_default().push(page);
    }

    // Attribute each broken link to the content file that writes it, if any.
    let by_output: HashMap<String, usize> = site
        .items
        .iter()
        .enumerate()
        .map(|(i, it)| (file_for(&it.path), i))
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
        assert_eq!(file_for("/"), "index.html");
        assert_eq!(file_for("/tin-tuc/"), "tin-tuc/index.html");
        assert_eq!(file_for("/rss.xml"), "rss.xml");
        assert_eq!(find_in_source("a\nbc /x/", "/x/"), Some((2, 4)));
    }
}
