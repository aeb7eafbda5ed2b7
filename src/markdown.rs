//! Markdown → HTML, a pure function: tables, footnotes, strikethrough, task
//! lists, heading ids (Vietnamese slugs), and site-absolute links that follow
//! the base URL's sub-path.
//!
//! Pictures come out as `<img … loading="lazy" decoding="async">`, and their
//! site paths are listed in `Rendered::images`: the images stage makes their
//! variants and the renderer turns each one it has variants for into a
//! `<picture>` (`render::body_images`). The HTML here never depends on those
//! variants, so a body can be cached by its text alone.
//!
//! Raw HTML in a body is sanitized by default (ammonia): content comes from many
//! hands, and a stray `<script>` or `javascript:` link must never reach a
//! citizen's browser. A site that trusts its writers may allow it in site.yaml.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};
use pulldown_cmark_escape::{escape_href, escape_html};
use serde::Serialize;
use std::collections::HashSet;

/// What to do with raw HTML written in Markdown bodies (`raw_html` in site.yaml).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RawHtml {
    /// Keep safe tags and attributes, drop scripts, event handlers and unsafe URLs.
    #[default]
    Sanitize,
    /// Trust the writers: pass raw HTML through unchanged.
    Allow,
}

/// URL schemes a link in content may use when sanitizing.
fn safe_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    match lower.find(':') {
        Some(i)
            if lower[..i]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)) =>
        {
            matches!(&lower[..i], "http" | "https" | "mailto" | "tel")
        }
        _ => true, // a path or fragment
    }
}

/// How deep raw HTML in a body may nest. Parsing and sanitizing HTML costs
/// time that grows with the square of its depth (350,000 nested `<div>`
/// took minutes); real bodies stay under a few dozen.
pub const MAX_HTML_DEPTH: usize = 100;

/// Elements that never hold others (no end tag).
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Elements whose end tag may be left out: a second one closes the first.
const SELF_CLOSING_SIBLINGS: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "thead", "tbody", "tfoot", "rt", "rp",
];

/// The first place raw HTML in `body` nests deeper than `MAX_HTML_DEPTH`:
/// (0-based line in the body, depth), found in one pass over the text, before
/// any HTML parser sees it. Tags are counted as a browser would nest them,
/// closely enough: void elements hold nothing, an end tag closes what it
/// matches, a `<p>` or `<li>` closes the one still open before it.
pub fn html_too_deep(body: &str) -> Option<(usize, usize)> {
    let bytes = body.as_bytes();
    let mut open: Vec<&str> = Vec::new();
    let mut i = 0;
    let mut next_gt = Some(0);
    while let Some(off) = bytes[i..].iter().position(|&b| b == b'<') {
        let start = i + off;
        i = start + 1;
        let closing = bytes.get(i) == Some(&b'/');
        let name_start = if closing { i + 1 } else { i };
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            continue;
        }
        let name = &body[name_start..name_start + name_len];
        let name_lower = name.to_ascii_lowercase();
        // The next `>` is looked up once for all the tags before it, so a
        // body of `<a<a<a…` costs one pass too.
        if next_gt.is_some_and(|g| g < name_start) {
            next_gt = bytes[name_start..]
                .iter()
                .position(|&b| b == b'>')
                .map(|p| name_start + p);
        }
        let self_closed = next_gt.is_some_and(|g| g > name_start && bytes[g - 1] == b'/');
        if closing {
            if let Some(pos) = open.iter().rposition(|o| o.eq_ignore_ascii_case(name)) {
                open.truncate(pos);
            }
            continue;
        }
        if VOID.contains(&name_lower.as_str()) || self_closed {
            continue;
        }
        if SELF_CLOSING_SIBLINGS.contains(&name_lower.as_str())
            && open.last().is_some_and(|o| o.eq_ignore_ascii_case(name))
        {
            open.pop();
        }
        open.push(name);
        if open.len() > MAX_HTML_DEPTH {
            let line = bytes[..start].iter().filter(|&&b| b == b'\n').count();
            return Some((line, open.len()));
        }
    }
    None
}

fn sanitizer() -> &'static ammonia::Builder<'static> {
    static BUILDER: std::sync::OnceLock<ammonia::Builder<'static>> = std::sync::OnceLock::new();
    BUILDER.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        // Heading ids, footnote classes and task-list checkboxes are ours.
        b.add_generic_attributes(["id", "class", "tabindex", "role", "aria-label"]);
        b.add_tags(["input"]);
        b.add_tag_attributes("input", ["type", "checked", "disabled"]);
        // Pictures load lazily (see `image_tag`).
        b.add_tag_attributes("img", ["loading", "decoding"]);
        // A body cell names its column, for the phone's card layout.
        b.add_tag_attributes("td", ["data-label"]);
        b.url_schemes(["http", "https", "mailto", "tel"].into_iter().collect());
        b
    })
}

/// A heading, for a table of contents.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// The result of rendering one body.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub headings: Vec<Heading>,
    /// Text of the first paragraph, for a derived summary.
    pub first_paragraph: String,
    /// Every site-absolute link or image path (before the base path is added),
    /// for checks.
    pub internal_links: Vec<String>,
    /// What a reader sees, as plain text: one line per block, for the search
    /// index and its snippets.
    pub text: String,
    /// Images written without a description (`![](anh.jpg)`), as written.
    pub images_without_alt: Vec<String>,
    /// Site-absolute paths of the pictures (`![Mô tả](/files/anh.jpg)`), as
    /// written (before the base path), once each, in order: what the images
    /// stage makes variants of.
    pub images: Vec<String>,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

fn level_num(l: HeadingLevel) -> u8 {
    match l {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Whether a link is a path on this site (`/van-ban/…`, not `//host/…`).
fn is_site_path(url: &str) -> bool {
    url.starts_with('/') && !url.starts_with("//")
}

/// Prefix a site-absolute path (`/van-ban/…`) with the base path (`/canhvinh`).
fn rebase<'a>(url: CowStr<'a>, base_path: &str, links: &mut Vec<String>) -> CowStr<'a> {
    if is_site_path(&url) {
        links.push(url.to_string());
        if !base_path.is_empty() {
            return CowStr::from(format!("{base_path}{url}"));
        }
    }
    url
}

/// Separate blocks (and table cells) in the plain text, so that words of two
/// blocks never run together.
fn end_block(end: &TagEnd, text: &mut String) {
    let sep = match end {
        TagEnd::Paragraph
        | TagEnd::Heading(_)
        | TagEnd::Item
        | TagEnd::CodeBlock
        | TagEnd::TableRow
        | TagEnd::TableHead
        | TagEnd::FootnoteDefinition => '\n',
        TagEnd::TableCell => ' ',
        _ => return,
    };
    if !text.is_empty() && !text.ends_with(['\n', ' ']) {
        text.push(sep);
    } else if sep == '\n' && text.ends_with(' ') {
        text.pop();
        text.push('\n');
    }
}

/// Render a Markdown body, sanitizing raw HTML.
pub fn render(markdown: &str, base_path: &str) -> Rendered {
    render_with(markdown, base_path, RawHtml::Sanitize)
}

/// Render a Markdown body with the site's raw-HTML policy.
pub fn render_with(markdown: &str, base_path: &str, raw_html: RawHtml) -> Rendered {
    let mut events: Vec<Event> = Parser::new_ext(markdown, options()).collect();
    let mut out = Rendered::default();
    let mut used: HashSet<String> = HashSet::new();

    // Pass 1: heading ids from their text, unique within the page.
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { level, id, .. }) = &events[i] {
            let level = *level;
            let explicit = id.as_ref().map(|s| s.to_string());
            let mut text = String::new();
            let mut j = i + 1;
            while j < events.len() && !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[j] {
                    text.push_str(t);
                }
                j += 1;
            }
            let base = explicit.unwrap_or_else(|| {
                let s = crate::vi::slugify(&text);
                if s.is_empty() { "muc".to_string() } else { s }
            });
            let mut unique = base.clone();
            let mut n = 1;
            while !used.insert(unique.clone()) {
                n += 1;
                unique = format!("{base}-{n}");
            }
            if let Event::Start(Tag::Heading { id, .. }) = &mut events[i] {
                *id = Some(CowStr::from(unique.clone()));
            }
            out.headings.push(Heading {
                level: level_num(level),
                id: unique,
                text: text.trim().to_string(),
            });
            i = j;
        }
        i += 1;
    }

    // An image's description is the text between its start and end (an
    // image inside a description is part of the text, as pulldown-cmark has it).
    let mut alts: Vec<String> = Vec::new();
    // The picture being read: its path, its description so far, its depth.
    let mut open: Option<(String, String, usize)> = None;
    for ev in &events {
        let Some((src, alt, depth)) = open.as_mut() else {
            if let Event::Start(Tag::Image { dest_url, .. }) = ev {
                let src = dest_url.to_string();
                if is_site_path(&src) && !out.images.contains(&src) {
                    out.images.push(src.clone());
                }
                open = Some((src, String::new(), 1));
            }
            continue;
        };
        match ev {
            Event::Start(_) => *depth += 1,
            Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) => alt.push_str(t),
            Event::SoftBreak | Event::HardBreak => alt.push(' '),
            Event::End(_) => {
                *depth -= 1;
                if *depth == 0 {
                    if alt.trim().is_empty() {
                        out.images_without_alt.push(std::mem::take(src));
                    }
                    alts.push(std::mem::take(alt));
                    open = None;
                }
            }
            _ => {}
        }
    }

    // Pass 2: links, raw HTML, first paragraph.
    let mut in_first_para = false;
    let mut first_para_done = false;
    // Only bodies with raw HTML or unusual link schemes pay for sanitizing.
    let mut unsafe_input = false;
    let events = events.into_iter().map(|ev| match ev {
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            unsafe_input |= !safe_url(&dest_url);
            let dest_url = rebase(dest_url, base_path, &mut out.internal_links);
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            })
        }
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            unsafe_input |= !safe_url(&dest_url);
            let dest_url = rebase(dest_url, base_path, &mut out.internal_links);
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            })
        }
        Event::Start(Tag::Paragraph) => {
            if !first_para_done {
                in_first_para = true;
            }
            ev
        }
        Event::End(TagEnd::Paragraph) => {
            if in_first_para {
                in_first_para = false;
                first_para_done = true;
            }
            end_block(&TagEnd::Paragraph, &mut out.text);
            ev
        }
        Event::Text(ref t) | Event::Code(ref t) => {
            if in_first_para {
                out.first_paragraph.push_str(t);
            }
            out.text.push_str(t);
            ev
        }
        Event::SoftBreak | Event::HardBreak => {
            if in_first_para {
                out.first_paragraph.push(' ');
            }
            out.text.push(' ');
            ev
        }
        Event::End(ref end) => {
            end_block(end, &mut out.text);
            ev
        }
        // Raw HTML is markup, not text a reader searches for.
        Event::Html(_) | Event::InlineHtml(_) => {
            unsafe_input = true;
            ev
        }
        other => other,
    });
    // A wide table scrolls inside its own box instead of widening the page on a
    // phone; the box can take focus, so it scrolls from the keyboard too. A
    // picture becomes one tag of ours (`image_tag`); the events of its
    // description were only needed for the search text.
    let mut alts = alts.into_iter();
    let mut in_image = 0usize;
    let mut wrapped = Vec::new();
    // A table's column names, so each body cell can carry its own
    // (`data-label`): on a phone a row shows as a card of labelled values.
    let mut columns: Vec<String> = Vec::new();
    let mut in_head = false;
    let mut column = 0usize;
    for ev in events {
        if in_image > 0 {
            match ev {
                Event::Start(_) => in_image += 1,
                Event::End(_) => in_image -= 1,
                _ => {}
            }
            continue;
        }
        match ev {
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                let alt = alts.next().unwrap_or_default();
                wrapped.push(Event::InlineHtml(CowStr::from(image_tag(
                    &dest_url, &alt, &title,
                ))));
                in_image = 1;
            }
            Event::Start(Tag::Table(_)) => {
                wrapped.push(Event::Html(CowStr::from(TABLE_BOX)));
                wrapped.push(ev);
                columns.clear();
            }
            Event::Start(Tag::TableHead) => {
                in_head = true;
                wrapped.push(ev);
            }
            Event::End(TagEnd::TableHead) => {
                in_head = false;
                wrapped.push(ev);
            }
            Event::Start(Tag::TableRow) => {
                column = 0;
                wrapped.push(ev);
            }
            Event::Start(Tag::TableCell) if in_head => {
                columns.push(String::new());
                wrapped.push(ev);
            }
            Event::Text(ref t) | Event::Code(ref t) if in_head => {
                if let Some(c) = columns.last_mut() {
                    c.push_str(t);
                }
                wrapped.push(ev);
            }
            // The writer closes the cell as it opened it (`</td>`).
            Event::Start(Tag::TableCell) => {
                let label = columns.get(column).map(|c| c.trim()).unwrap_or("");
                column += 1;
                wrapped.push(Event::InlineHtml(CowStr::from(if label.is_empty() {
                    "<td>".to_string()
                } else {
                    format!("<td data-label=\"{}\">", escape_attribute(label))
                })));
            }
            Event::End(TagEnd::Table) => {
                wrapped.push(ev);
                wrapped.push(Event::Html(CowStr::from("</div>")));
            }
            _ => wrapped.push(ev),
        }
    }
    html::push_html(&mut out.html, wrapped.into_iter());
    if unsafe_input && raw_html == RawHtml::Sanitize {
        out.html = sanitizer().clean(&out.html).to_string();
    }
    out
}

/// A picture as every body shows it: loaded lazily and decoded off the main
/// thread, so a long article costs a phone only the pictures scrolled to.
/// Escaped the way pulldown-cmark escapes its own `<img>`.
fn image_tag(src: &str, alt: &str, title: &str) -> String {
    let title = if title.is_empty() {
        String::new()
    } else {
        format!(" title=\"{}\"", escape_attribute(title))
    };
    format!(
        r#"<img src="{}" alt="{}"{title} loading="lazy" decoding="async">"#,
        escape_url(src),
        escape_attribute(alt)
    )
}

/// `text` escaped for an attribute value in double quotes.
pub(crate) fn escape_attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Writing into a String cannot fail.
    let _ = escape_html(&mut out, text);
    out
}

/// A URL as pulldown-cmark writes it in `href`/`src` (percent-encoded
/// outside ASCII, escaped for the attribute).
pub(crate) fn escape_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    // Writing into a String cannot fail.
    let _ = escape_href(&mut out, url);
    out
}

const TABLE_BOX: &str = r#"<div class="table-wrap" tabindex="0" role="region" aria-label="Bảng, vuốt ngang để xem hết">"#;

/// Line and column (from 1) of the first picture `![…](src…` in a file's
/// text, for errors about it; the file's start when it cannot be found.
pub fn image_position(text: &str, src: &str) -> (usize, usize) {
    let needle = format!("]({src}");
    text.lines()
        .enumerate()
        .find_map(|(n, l)| {
            let at = l.find(&needle)?;
            let start = l[..at].rfind("![").unwrap_or(0);
            Some((n + 1, l[..start].chars().count() + 1))
        })
        .unwrap_or((1, 1))
}

/// Cut `text` to at most `max` characters at a word boundary, adding "…".
pub fn truncate_words(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let mut out = String::new();
    for word in text.split(' ') {
        if out.chars().count() + word.chars().count() + 1 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_and_heading_ids() {
        let r = render(
            "## Đăng ký khai sinh\n\n## Đăng ký khai sinh\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~cũ~~\n\n- [x] xong\n\nChú thích[^1]\n\n[^1]: Nguồn.\n",
            "",
        );
        assert!(
            r.html.contains(r#"<h2 id="dang-ky-khai-sinh">"#),
            "{}",
            r.html
        );
        assert!(r.html.contains(r#"<h2 id="dang-ky-khai-sinh-2">"#));
        assert!(
            r.html
                .contains(r#"<div class="table-wrap" tabindex="0" role="region""#)
                && r.html.contains("<table>")
                && r.html
                    .contains("<td data-label=\"a\">1</td><td data-label=\"b\">2</td>")
                && r.html.contains("</table>\n</div>"),
            "{}",
            r.html
        );
        assert!(r.html.contains("<del>cũ</del>"));
        assert!(r.html.contains(r#"type="checkbox""#));
        assert!(r.html.contains("footnote"));
        assert_eq!(r.headings.len(), 2);
    }

    #[test]
    fn site_links_follow_the_base_path() {
        let r = render(
            "[Kế hoạch](/van-ban/2025/135-kh-ubnd/) và [ngoài](https://gov.vn/)",
            "/canhvinh",
        );
        assert!(
            r.html
                .contains(r#"href="/canhvinh/van-ban/2025/135-kh-ubnd/""#),
            "{}",
            r.html
        );
        assert!(r.html.contains(r#"href="https://gov.vn/""#));
        assert_eq!(r.internal_links, ["/van-ban/2025/135-kh-ubnd/"]);
    }

    #[test]
    fn raw_html_is_sanitized_by_default_and_allowed_on_request() {
        let md = "Xin chào <script>alert(1)</script> <b>đậm</b>\n\n<div onclick=x>y</div>\n\n[đi](https://gov.vn/)\n";
        let r = render(md, "");
        assert!(
            !r.html.contains("<script") && !r.html.contains("alert(1)</"),
            "{}",
            r.html
        );
        assert!(
            !r.html.contains("onclick") && !r.html.contains("javascript:"),
            "{}",
            r.html
        );
        assert!(
            r.html.contains("<b>đậm</b>") && r.html.contains("<div>y</div>"),
            "{}",
            r.html
        );
        assert!(r.html.contains("href=\"https://gov.vn/\""));
        let trusted = render_with(md, "", RawHtml::Allow);
        assert!(trusted.html.contains("<div onclick=x>y</div>"));
    }

    #[test]
    fn javascript_links_are_dropped_even_without_raw_html() {
        let r = render(
            "[bấm](javascript:alert(1)) và [ảnh](data:text/html,x) và [thư](mailto:a@b.vn)",
            "",
        );
        assert!(
            !r.html.contains("javascript:") && !r.html.contains("data:"),
            "{}",
            r.html
        );
        assert!(r.html.contains("mailto:a@b.vn"));
    }

    #[test]
    fn plain_bodies_keep_heading_ids_and_footnotes_after_sanitizing() {
        let r = render(
            "## Mục một\n\nChữ<br>ngắt[^1]\n\n- [x] xong\n\n[^1]: Nguồn.\n",
            "",
        );
        assert!(r.html.contains(r#"<h2 id="muc-mot">"#), "{}", r.html);
        assert!(r.html.contains("footnote-reference"), "{}", r.html);
        assert!(r.html.contains("checkbox"), "{}", r.html);
    }

    #[test]
    fn images_without_a_description_are_reported() {
        let r = render(
            "![Cổng UBND](/files/a.jpg) và ![](/files/b.jpg) ![ ](c.png)",
            "",
        );
        assert_eq!(r.images_without_alt, ["/files/b.jpg", "c.png"]);
    }

    #[test]
    fn pictures_load_lazily_and_site_pictures_are_listed() {
        let md = "Ảnh ![Cổng \"UBND\" *xã*](/files/a.jpg \"Cổng chính\") và ![Bản đồ](https://gis.vn/b.png)\n\n![Lại](/files/a.jpg)\n";
        let r = render(md, "/canhvinh");
        assert!(
            r.html.contains(r#"<img src="/canhvinh/files/a.jpg" alt="Cổng &quot;UBND&quot; xã" title="Cổng chính" loading="lazy" decoding="async">"#),
            "{}",
            r.html
        );
        assert!(
            r.html.contains(
                r#"<img src="https://gis.vn/b.png" alt="Bản đồ" loading="lazy" decoding="async">"#
            ),
            "{}",
            r.html
        );
        assert_eq!(r.images, ["/files/a.jpg"]);
        // The description is still text a reader can search for.
        assert!(r.text.contains("Cổng \"UBND\" xã"), "{}", r.text);
        // Raw HTML sends the body through the sanitizer: the attributes stay.
        let r = render("<b>đậm</b> ![Cổng](/files/a.jpg)", "");
        assert!(
            r.html
                .contains(r#"<img src="/files/a.jpg" alt="Cổng" loading="lazy" decoding="async">"#),
            "{}",
            r.html
        );
    }

    #[test]
    fn first_paragraph_and_truncation() {
        let r = render("# Tiêu đề\n\nĐoạn **đầu** tiên\nnối dòng.\n\nĐoạn hai.", "");
        assert_eq!(r.first_paragraph, "Đoạn đầu tiên nối dòng.");
        assert_eq!(truncate_words("một hai ba bốn", 8), "một hai…");
    }

    #[test]
    fn plain_text_keeps_blocks_and_cells_apart() {
        let r = render(
            "## Hồ sơ\n\nNộp **trực tuyến**\ntại `dichvucong`.\n\n- Tờ khai\n- Giấy tờ\n\n| Mã | Tên |\n|---|---|\n| 1.001193 | Khai sinh |\n\n<b>thô</b>\n",
            "",
        );
        assert_eq!(
            r.text,
            // Raw HTML tags are markup, not words: only the text between them counts.
            "Hồ sơ\nNộp trực tuyến tại dichvucong.\nTờ khai\nGiấy tờ\nMã Tên\n1.001193 Khai sinh\nthô\n"
        );
    }
}
