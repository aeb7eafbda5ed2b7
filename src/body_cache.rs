//! Markdown bodies rendered by an earlier build of the same site, reused when
//! their source file has not changed.
//!
//! `serve` keeps one cache across rebuilds, so an edit renders one body instead
//! of ten thousand; a plain `build` has none. Each body also gets a fingerprint
//! of its whole source file, which tells the renderer whether a page showing
//! that file needs rendering again.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use crate::markdown::{self, RawHtml, Rendered};

struct Cached {
    /// The whole source text and base path it was rendered from: a hit needs
    /// both to be equal, so a stale entry can never be served. Shared with
    /// the loaded file: an unchanged file is the same allocation, so most
    /// hits compare a pointer, not ten thousand texts.
    text: Arc<str>,
    base_path: String,
    raw_html: RawHtml,
    rendered: Arc<Rendered>,
    fingerprint: u64,
}

/// Rendered bodies by content key (`tin-tuc/2026/03/abc`).
#[derive(Default)]
pub struct BodyCache {
    entries: RwLock<HashMap<String, Cached>>,
}

impl std::fmt::Debug for BodyCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.entries.read().map(|m| m.len()).unwrap_or(0);
        write!(f, "BodyCache({n} bodies)")
    }
}

/// A fingerprint of a source file's text.
pub fn fingerprint(text: &str) -> u64 {
    let hash = blake3::hash(text.as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&hash.as_bytes()[..8]);
    u64::from_le_bytes(first)
}

/// Render the Markdown body of the file `text` (content key `key`), through
/// the cache when there is one. `body` finds the body in `text`, and is only
/// called on a miss. Returns the body and the file's fingerprint.
pub fn render<'t>(
    cache: Option<&BodyCache>,
    key: &str,
    text: &'t Arc<str>,
    base_path: &str,
    raw_html: RawHtml,
    body: impl FnOnce() -> &'t str,
) -> (Arc<Rendered>, u64) {
    let Some(cache) = cache else {
        return (
            Arc::new(markdown::render_with(body(), base_path, raw_html)),
            fingerprint(text),
        );
    };
    if let Ok(map) = cache.entries.read() {
        if let Some(c) = map.get(key) {
            let same = Arc::ptr_eq(&c.text, text) || c.text == *text;
            if same && c.base_path == base_path && c.raw_html == raw_html {
                return (c.rendered.clone(), c.fingerprint);
            }
        }
    }
    let rendered = Arc::new(markdown::render_with(body(), base_path, raw_html));
    let fp = fingerprint(text);
    if let Ok(mut map) = cache.entries.write() {
        map.insert(
            key.to_string(),
            Cached {
                text: text.clone(),
                base_path: base_path.to_string(),
                raw_html,
                rendered: rendered.clone(),
                fingerprint: fp,
            },
        );
    }
    (rendered, fp)
}

impl BodyCache {
    /// Drop the entries of files that no longer exist, so a long session
    /// does not keep every version of a deleted file.
    pub fn retain(&self, keep: impl Fn(&str) -> bool) {
        if let Ok(mut map) = self.entries.write() {
            map.retain(|k, _| keep(k));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hit_needs_the_same_text_and_base_path() {
        let cache = BodyCache::default();
        // Each call gets a text of its own allocation: a hit compares contents.
        let at = |text: &str, base: &str| {
            let text: Arc<str> = Arc::from(text);
            let body = text.find('\n').map_or(text.len(), |n| n + 1);
            render(Some(&cache), "k", &text, base, RawHtml::Sanitize, || {
                &text[body..]
            })
        };
        let (a, fa) = at("x\n*a*", "");
        let (b, fb) = at("x\n*a*", "");
        assert!(Arc::ptr_eq(&a, &b));
        assert_eq!(fa, fb);
        let (c, fc) = at("y\n*a*", "");
        assert!(!Arc::ptr_eq(&a, &c));
        assert_ne!(fa, fc);
        let (d, _) = at("y\n[l](/a/)", "/base");
        assert!(d.html.contains("/base/a/"));
    }
}
