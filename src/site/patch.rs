//! An edit applied to a built model, for `serve`.
//!
//! Most saves while writing change an item's text: its body, its title or
//! summary. That changes what the item shows, not where the site puts it: its
//! URL, dates, units, tags, sections, plan activities and visibility stay, so
//! every list, taxonomy and cross-reference of the model stays too. `patch`
//! replaces such items in place instead of building the model again, which
//! reads every item (a tenth of a second at 10,000 items, on every save).
//!
//! Anything else is not patched, and the caller builds the model again: a new,
//! deleted or renamed file, a unit, a procedure, a front matter edit beyond the
//! title and summary (a page's title orders the pages, so it counts), a file
//! the model warned about (the warning's line may have moved), or a clock that
//! has passed a publication or expiry time or midnight since the model was
//! built (`next_change`). The result must be what `Site::build` gives for the
//! same files: `tests/serve_incremental.rs` checks that over random edits.

use std::sync::Arc;

use chrono::{DateTime as ChronoDateTime, Days, FixedOffset};
use serde::Serialize;

use super::{BuildOptions, Item, ItemKind, Site, body_image_errors, summary_of};
use crate::body_cache;
use crate::content::{Content, Loaded, by_key};
use crate::diagnostics::Diagnostic;
use crate::vi;

/// Items rebuilt by `Site::patch`, to put in place with `Site::apply`.
pub struct Patch {
    items: Vec<(usize, Item)>,
    now: ChronoDateTime<FixedOffset>,
}

impl Site {
    /// The items of `keys` rebuilt from `content`, when the edit leaves the
    /// rest of the model as it is; `None` when the model must be built again.
    /// `warned` are the model's warnings, `Err` the new file's errors.
    pub fn patch(
        &self,
        content: &Content,
        keys: &[String],
        warned: &[Diagnostic],
        opts: &BuildOptions,
    ) -> Option<Result<Patch, Vec<Diagnostic>>> {
        let mut items = Vec::with_capacity(keys.len());
        let mut errors = Vec::new();
        for key in keys {
            let i = self.items.iter().position(|x| &x.key == key)?;
            let old = &self.items[i];
            if warned.iter().any(|d| d.file.as_ref() == Some(&old.source)) {
                return None;
            }
            let item = match &old.kind {
                ItemKind::Article(m) => {
                    let l = by_key(&content.articles, key)?;
                    same_but(m, &l.meta, &["title", "summary"])?;
                    let title = l.meta.title.clone();
                    let summary = l.meta.summary.as_deref();
                    self.rebuilt(
                        old,
                        l,
                        title,
                        summary,
                        ItemKind::Article(l.meta.clone()),
                        opts,
                    )
                }
                ItemKind::Page(m) => {
                    let l = by_key(&content.pages, key)?;
                    same_but(m, &l.meta, &["summary"])?;
                    let title = l.meta.title.clone();
                    let summary = l.meta.summary.as_deref();
                    self.rebuilt(old, l, title, summary, ItemKind::Page(l.meta.clone()), opts)
                }
                ItemKind::Document(m) => {
                    let l = by_key(&content.documents, key)?;
                    same_but(m, &l.meta, &["title", "summary"])?;
                    let title = l.meta.display_title();
                    let summary = Some(l.meta.summary.as_deref().unwrap_or(&l.meta.abstract_));
                    let kind = ItemKind::Document(l.meta.clone());
                    self.rebuilt(old, l, title, summary, kind, opts)
                }
                ItemKind::Procedure(_) => return None,
            };
            match item {
                Ok(item) => items.push((i, item)),
                Err(e) => errors.extend(e),
            }
        }
        if !errors.is_empty() {
            return Some(Err(errors));
        }
        Some(Ok(Patch {
            items,
            now: opts.now,
        }))
    }

    /// Put the items of `patch` in place.
    pub fn apply(&mut self, patch: Patch) {
        for (i, item) in patch.items {
            self.items[i] = Arc::new(item);
        }
        self.now = crate::content::types::DateTime(patch.now);
    }

    /// `old` with the text of `l`: what `Site::build` makes of the file.
    fn rebuilt<T>(
        &self,
        old: &Item,
        l: &Loaded<T>,
        title: String,
        summary: Option<&str>,
        kind: ItemKind,
        opts: &BuildOptions,
    ) -> Result<Item, Vec<Diagnostic>> {
        let (body, fingerprint) = body_cache::render(
            opts.bodies.as_deref(),
            &l.key,
            &l.text,
            &self.base_path,
            self.config.raw_html,
            || l.body().0,
        );
        let errors = body_image_errors(&l.source, &l.text, &body);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Item {
            title,
            summary: summary_of(summary, &body),
            body,
            fingerprint,
            kind,
            text: l.text.clone(),
            ..old.clone()
        })
    }
}

/// `Some` when `a` and `b` differ at most in the top-level fields `loose`.
/// Compared through serde, so a field added to a type later is compared too.
fn same_but<T: Serialize>(a: &T, b: &T, loose: &[&str]) -> Option<()> {
    let strip = |v: &T| {
        let mut v = serde_json::to_value(v).ok()?;
        let map = v.as_object_mut()?;
        for k in loose {
            map.remove(*k);
        }
        Some(v)
    };
    (strip(a)? == strip(b)?).then_some(())
}

/// The first moment after `now` at which a model built from `content` would
/// differ by the clock alone: an item is published or expires, or the day
/// changes (campaign status, and the date pages are signed with). A patch
/// made before it equals a full build.
pub fn next_change(
    content: &Content,
    now: ChronoDateTime<FixedOffset>,
) -> ChronoDateTime<FixedOffset> {
    let local = now.with_timezone(&vi::tz());
    let midnight = local
        .date_naive()
        .checked_add_days(Days::new(1))
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .and_then(|t| t.and_local_timezone(vi::tz()).single())
        .unwrap_or(local);
    let times = content
        .articles
        .iter()
        .flat_map(|a| [Some(a.meta.published_at), a.meta.expires_at])
        .chain(
            content
                .pages
                .iter()
                .flat_map(|p| [p.meta.published_at, p.meta.expires_at]),
        )
        .chain(
            content
                .documents
                .iter()
                .flat_map(|d| [d.meta.published_at, d.meta.expires_at]),
        )
        .flatten()
        .map(|t| t.0)
        .filter(|t| *t > now);
    times.fold(midnight, |a, t| a.min(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> ChronoDateTime<FixedOffset> {
        ChronoDateTime::parse_from_rfc3339(s).unwrap()
    }

    fn article(published: &str, expires: Option<&str>) -> Vec<u8> {
        let expires = expires
            .map(|e| format!("expires_at: {e}\n"))
            .unwrap_or_default();
        format!(
            "---\ntitle: Bài\nkind: tin\nsections: [tin-tuc]\nunits: [a]\npublished_at: {published}\n{expires}---\nThân bài.\n"
        )
        .into_bytes()
    }

    #[test]
    fn the_clock_changes_the_model_at_the_next_publication_expiry_or_midnight() {
        let now = at("2026-11-27T10:00:00+07:00");
        let mut content = Content::default();
        assert!(
            content
                .add_bytes("tin-tuc/a", article("2026-11-01T08:00:00+07:00", None))
                .is_empty()
        );
        // Nothing scheduled: the next local midnight (campaign status, day).
        assert_eq!(next_change(&content, now), at("2026-11-28T00:00:00+07:00"));
        content.add_bytes("tin-tuc/b", article("2026-11-27T15:30:00+07:00", None));
        assert_eq!(next_change(&content, now), at("2026-11-27T15:30:00+07:00"));
        content.add_bytes(
            "tin-tuc/c",
            article(
                "2026-11-01T08:00:00+07:00",
                Some("2026-11-27T11:00:00+07:00"),
            ),
        );
        assert_eq!(next_change(&content, now), at("2026-11-27T11:00:00+07:00"));
    }

    #[test]
    fn only_the_loose_fields_may_differ() {
        let mut content = Content::default();
        content.add_bytes("tin-tuc/a", article("2026-11-01T08:00:00+07:00", None));
        let a = content.articles[0].meta.clone();
        let mut b = a.clone();
        b.title = "Tên khác".into();
        b.summary = Some("Tóm tắt".into());
        assert!(same_but(&a, &b, &["title", "summary"]).is_some());
        assert!(same_but(&a, &b, &["summary"]).is_none());
        b.tags.push("vneid".into());
        assert!(same_but(&a, &b, &["title", "summary"]).is_none());
    }
}
