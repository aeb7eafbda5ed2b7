//! The home of the editor: every content file by kind, with search and
//! filters, read straight from the files (broken ones included, so they can
//! be opened and fixed); and what the forms offer from the site (units,
//! tags, plan rows, procedures, documents).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_yaml::Value;

use super::html::{self, Row};
use super::splice::Parts;
use super::{Editor, fields, html_response, paths};
use crate::serve::http::plain;
use crate::{content, markdown, vi};

/// What the list and the forms need to know about the site.
pub(super) struct Scan {
    pub(super) rows: Vec<Row>,
    /// (id, name) of every unit, by name.
    pub(super) units: Vec<(String, String)>,
    /// Tags used on the site.
    pub(super) words: Vec<String>,
    /// Rows of the plans' appendix tables, as `plan_activities` names them.
    pub(super) activities: Vec<(String, String)>,
    pub(super) procedures: Vec<(String, String)>,
    pub(super) documents: Vec<(String, String)>,
}

fn text_of(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        _ => String::new(),
    }
}

/// Read every content file's front matter (broken files too: they are
/// listed so they can be opened and fixed).
pub(super) fn scan(ed: &Editor) -> Scan {
    let content_dir = ed.root.join("content");
    let (files, _) = content::files_under(&content_dir);
    let mut rows = Vec::new();
    let mut units = Vec::new();
    let mut words = BTreeSet::new();
    let mut activities = Vec::new();
    let mut procedures = Vec::new();
    let mut documents = Vec::new();
    for path in files {
        let Ok(rel) = path.strip_prefix(&content_dir) else {
            continue;
        };
        let rel = rel.to_string_lossy().replace('\\', "/");
        let name = rel.rsplit('/').next().unwrap_or("");
        if !rel.ends_with(".md") || content::is_editor_temp(name) || paths::check_rel(&rel).is_err()
        {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let fm: Option<Value> =
            Parts::parse(&text).and_then(|p| serde_yaml::from_str(&p.yaml()).ok());
        let get = |k: &str| text_of(fm.as_ref().and_then(|v| v.get(k)));
        let folder = rel.split('/').next().unwrap_or("").to_string();
        let title = [get("title"), get("name"), get("abstract")]
            .into_iter()
            .find(|t| !t.is_empty())
            .unwrap_or_else(|| name.trim_end_matches(".md").to_string());
        if folder == "don-vi" && !get("id").is_empty() {
            units.push((get("id"), get("name")));
        }
        let unit = fm
            .as_ref()
            .and_then(|v| v.get("units"))
            .and_then(|u| u.get(0))
            .map(|u| text_of(Some(u)))
            .unwrap_or_default();
        if folder == "ke-hoach"
            && let Some(Value::Sequence(rows)) = fm.as_ref().and_then(|v| v.get("activities"))
        {
            let plan = rel.trim_end_matches(".md");
            for row in rows {
                let no = text_of(row.get("item_no"));
                let task = markdown::truncate_words(&text_of(row.get("task")), 110);
                if !no.is_empty() {
                    activities.push((format!("{plan}#{no}"), format!("{title} — {no}. {task}")));
                }
            }
        }
        if folder == "thu-tuc" && !get("code").is_empty() {
            procedures.push((get("code"), format!("{} — {title}", get("code"))));
        }
        if folder == "van-ban" || folder == "ke-hoach" {
            documents.push((rel.trim_end_matches(".md").to_string(), title.clone()));
        }
        if let Some(Value::Sequence(tags)) = fm.as_ref().and_then(|v| v.get("tags")) {
            words.extend(tags.iter().filter_map(|t| t.as_str().map(str::to_string)));
        }
        let date = [get("published_at"), get("issued_on")]
            .into_iter()
            .find(|d| d.len() >= 7)
            .unwrap_or_default();
        rows.push(Row {
            rel: rel.clone(),
            title,
            unit,
            status: get("status"),
            // `2026-03` only: anyone can write anything in a date field.
            month: date
                .get(..7)
                .filter(|m| {
                    m.bytes().enumerate().all(|(i, b)| {
                        if i == 4 {
                            b == b'-'
                        } else {
                            b.is_ascii_digit()
                        }
                    })
                })
                .unwrap_or("")
                .to_string(),
            broken: fm.is_none(),
        });
    }
    units.sort_by(|a, b| vi::compare(&a.1, &b.1));
    Scan {
        rows,
        units,
        words: words.into_iter().collect(),
        activities,
        procedures,
        documents,
    }
}

pub(super) async fn list(
    State(ed): State<Arc<Editor>>,
    Query(f): Query<html::Filters>,
) -> Response {
    let s = tokio::task::spawn_blocking(move || {
        let scan = scan(&ed);
        let unit_name: BTreeMap<&str, &str> = scan
            .units
            .iter()
            .map(|(i, n)| (i.as_str(), n.as_str()))
            .collect();
        let q = vi::fold(f.q.trim());
        let mut months: Vec<(String, String)> = scan
            .rows
            .iter()
            .filter(|r| !r.month.is_empty())
            .map(|r| (r.month.clone(), html::month_label(&r.month)))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .rev()
            .collect();
        months.dedup();
        let keep = |r: &&Row| {
            (q.is_empty() || vi::fold(&r.title).contains(&q))
                && (f.loai.is_empty() || r.rel.starts_with(&format!("{}/", f.loai)))
                && (f.don_vi.is_empty() || r.unit == f.don_vi)
                && (f.trang_thai.is_empty() || r.status == f.trang_thai)
                && (f.thang.is_empty() || r.month == f.thang)
        };
        let mut shown: Vec<Row> = Vec::new();
        for r in scan.rows.iter().filter(keep) {
            shown.push(Row {
                rel: r.rel.clone(),
                title: r.title.clone(),
                unit: unit_name
                    .get(r.unit.as_str())
                    .map(|n| n.to_string())
                    .unwrap_or_else(|| r.unit.clone()),
                status: r.status.clone(),
                month: r.month.clone(),
                broken: r.broken,
            });
        }
        let by_kind: Vec<(&str, Vec<&Row>)> = html::KINDS
            .iter()
            .filter(|(k, _, _)| f.loai.is_empty() || f.loai == *k)
            .map(|(k, _, _)| {
                let mut rows: Vec<&Row> = shown
                    .iter()
                    .filter(|r| r.rel.starts_with(&format!("{k}/")))
                    .collect();
                // Newest first, then by title.
                rows.sort_by(|a, b| {
                    b.month
                        .cmp(&a.month)
                        .then_with(|| vi::compare(&a.title, &b.title))
                });
                (*k, rows)
            })
            .collect();
        let creatable: Vec<&str> = html::KINDS
            .iter()
            .map(|(k, _, _)| *k)
            .filter(|k| fields::CREATABLE.contains(k))
            .collect();
        let main = html::list(&by_kind, &f, &scan.units, &months, &creatable);
        html::page("Nội dung của trang", &ed.csrf, &main)
    })
    .await;
    match s {
        Ok(body) => html_response(StatusCode::OK, body),
        Err(_) => plain(StatusCode::INTERNAL_SERVER_ERROR, "lỗi khi đọc nội dung\n"),
    }
}
