//! Pictures written in a Markdown body, shown like those of front matter.
//!
//! The Markdown stage writes each picture as a plain lazy `<img>` and lists
//! its path (`markdown::Rendered::images`); the images stage makes variants of
//! those it can scale. Here, per page, each such `<img>` with variants becomes
//! the `<picture>` of the theme's `partials/picture.html`: WebP first when it
//! is lighter, `srcset` and `sizes`, `width`/`height` against layout shift.
//! Doing it here, not in the Markdown stage, keeps a rendered body a function
//! of its text alone, which is what `body_cache` keys it by.

use std::borrow::Cow;
use std::fmt::Write;

use crate::images::Responsive;
use crate::markdown::{Rendered, escape_attribute, escape_url};
use crate::site::Site;

/// What a body picture takes of the page's width: the text column (`.prose`,
/// 46rem) on wide screens, all of it on phones, as an article's lead picture.
const SIZES: &str = "(min-width: 48rem) 46rem, 100vw";

/// Attributes the Markdown stage gives a picture (`markdown::image_tag`). An
/// `<img>` with any other (raw HTML with a `class`, a `width`…) is left as
/// its writer made it.
const OURS: &[&str] = &["src", "alt", "title", "loading", "decoding"];

/// The pictures of a body that have variants: source path → variants.
pub(crate) fn catalogued<'s>(
    site: &'s Site,
    body: &'s Rendered,
) -> impl Iterator<Item = (&'s str, &'s Responsive)> {
    body.images
        .iter()
        .filter_map(|src| Some((src.as_str(), site.images.get(src)?)))
}

/// The body's HTML with every picture that has variants made responsive;
/// the body itself when it has none.
pub(crate) fn html<'b>(site: &Site, body: &'b Rendered) -> Cow<'b, str> {
    // Each picture by the `src` the Markdown stage wrote for it.
    let wanted: Vec<(String, &Responsive)> = catalogued(site, body)
        .map(|(src, r)| (crate::html::unescape(&escape_url(&site.href(src))), r))
        .collect();
    if wanted.is_empty() {
        return Cow::Borrowed(&body.html);
    }
    let html = body.html.as_str();
    let mut out = String::with_capacity(html.len() + 600 * wanted.len());
    let mut copied = 0;
    let mut from = 0;
    while let Some(found) = html[from..].find("<img") {
        let start = from + found;
        let Some(tag) = Img::parse(&html[start..]) else {
            from = start + "<img".len();
            continue;
        };
        let end = start + tag.len;
        from = end;
        if !tag.ours() {
            continue;
        }
        let src = tag.get("src").map(crate::html::unescape);
        let Some((_, r)) = wanted.iter().find(|(w, _)| Some(w) == src.as_ref()) else {
            continue;
        };
        out.push_str(&html[copied..start]);
        picture(
            &mut out,
            site,
            r,
            tag.get("alt").unwrap_or(""),
            tag.get("title"),
        );
        copied = end;
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// An `<img>` tag found in a body's HTML.
struct Img<'h> {
    /// Name and value as written (still escaped).
    attributes: Vec<(&'h str, &'h str)>,
    /// Whether every value is in double quotes, as pulldown-cmark and the
    /// sanitizer write them: only then can a value be copied as it is.
    double_quoted: bool,
    /// Length of the tag in bytes, `<` to `>`.
    len: usize,
}

impl<'h> Img<'h> {
    /// The `<img …>` tag at the start of `s`; `None` if it is not one.
    fn parse(s: &'h str) -> Option<Img<'h>> {
        let b = s.as_bytes();
        let mut i = "<img".len();
        if !b.get(i)?.is_ascii_whitespace() {
            return None;
        }
        let mut img = Img {
            attributes: Vec::new(),
            double_quoted: true,
            len: 0,
        };
        loop {
            while b.get(i)?.is_ascii_whitespace() {
                i += 1;
            }
            match (b[i], b.get(i + 1)) {
                (b'>', _) => {
                    img.len = i + 1;
                    return Some(img);
                }
                (b'/', Some(&b'>')) => {
                    img.len = i + 2;
                    return Some(img);
                }
                _ => {}
            }
            let name_start = i;
            while b
                .get(i)
                .is_some_and(|c| !c.is_ascii_whitespace() && !b"=>/".contains(c))
            {
                i += 1;
            }
            if i == name_start {
                return None;
            }
            let name = &s[name_start..i];
            if b.get(i) != Some(&b'=') {
                img.attributes.push((name, ""));
                continue;
            }
            i += 1;
            let value = match *b.get(i)? {
                q @ (b'"' | b'\'') => {
                    img.double_quoted &= q == b'"';
                    let end = i + 1 + s[i + 1..].find(q as char)?;
                    let v = &s[i + 1..end];
                    i = end + 1;
                    v
                }
                _ => {
                    img.double_quoted = false;
                    let start = i;
                    while b
                        .get(i)
                        .is_some_and(|c| !c.is_ascii_whitespace() && *c != b'>')
                    {
                        i += 1;
                    }
                    &s[start..i]
                }
            };
            img.attributes.push((name, value));
        }
    }

    fn get(&self, name: &str) -> Option<&'h str> {
        self.attributes
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| *v)
    }

    /// Whether it is a picture as the Markdown stage writes it.
    fn ours(&self) -> bool {
        self.double_quoted
            && self
                .attributes
                .iter()
                .all(|(n, _)| OURS.iter().any(|o| o.eq_ignore_ascii_case(n)))
    }
}

/// The markup of `partials/picture.html` for a body picture; `alt` and
/// `title` as they were written in the `<img>` (escaped, double-quoted).
fn picture(out: &mut String, site: &Site, r: &Responsive, alt: &str, title: Option<&str>) {
    let escaped = escape_attribute;
    out.push_str("<picture>");
    if !r.webp.is_empty() {
        let _ = write!(
            out,
            r#"<source type="image/webp" srcset="{}" sizes="{SIZES}">"#,
            escaped(&super::context::srcset(site, &r.webp))
        );
    }
    let _ = write!(
        out,
        r#"<img src="{}" srcset="{}" sizes="{SIZES}" width="{}" height="{}" alt="{alt}""#,
        escaped(&site.href(&format!("/{}", r.largest().path))),
        escaped(&super::context::srcset(site, &r.fallback)),
        r.width,
        r.height,
    );
    if let Some(title) = title {
        let _ = write!(out, r#" title="{title}""#);
    }
    out.push_str(r#" loading="lazy" decoding="async"></picture>"#);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn img_tags_are_read_as_the_markdown_stage_and_the_sanitizer_write_them() {
        let t = Img::parse(r#"<img src="/a.jpg" alt="x > y" loading="lazy" decoding="async">…"#)
            .unwrap();
        assert_eq!(t.get("alt"), Some("x > y"));
        assert!(t.ours());
        assert_eq!(
            t.len,
            r#"<img src="/a.jpg" alt="x > y" loading="lazy" decoding="async">"#.len()
        );
        let t = Img::parse(r#"<img src="/a.jpg" class="to" />"#).unwrap();
        assert!(!t.ours());
        assert!(!Img::parse("<img src='/a.jpg' alt=x>").unwrap().ours());
        assert!(Img::parse("<imgx>").is_none());
        assert!(Img::parse(r#"<img src="/a.jpg"#).is_none());
    }
}
