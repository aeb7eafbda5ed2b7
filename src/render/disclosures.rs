//! The catalogue of information that must be published (Luật Tiếp cận thông
//! tin Điều 17–19, NĐ 13/2018 Điều 6), shown on the access-to-information page.
//!
//! The law lists what a commune must publish: its documents and plans, its
//! budget estimates and settlements, and its administrative procedures. Each
//! entry says when it was published ("Thời điểm công khai") and for how long;
//! the catalogue is built from the site itself, so it never falls behind.

use serde::Serialize;

use crate::content::Document;
use crate::content::types::{Date, PartialDate};
use crate::site::{Item, ItemKind, Site};
use crate::vocab::{DisclosureForm, DocType};

/// One kind of information the law names, with its entries.
#[derive(Serialize)]
pub struct Group {
    pub id: &'static str,
    pub title: &'static str,
    /// The second column: a document's "Số, ký hiệu", a procedure's code.
    pub number_label: &'static str,
    pub rows: Vec<Row>,
}

/// One published entry: what it is, where it is, since when and until when.
#[derive(Serialize)]
pub struct Row {
    pub title: String,
    pub href: String,
    /// Number and symbol of a document; the code of a procedure.
    pub number: String,
    pub issued: Option<PartialDate>,
    pub forms: Vec<&'static str>,
    /// "Thời điểm công khai": the date given in the catalogue entry, else the
    /// day the item went up on the site.
    pub from: Option<String>,
    pub until: Option<Date>,
}

/// The catalogue, in the order the law lists its kinds; empty kinds are kept
/// so a reader sees that nothing of that kind has been published yet.
pub fn groups(site: &Site) -> Vec<Group> {
    let mut plans = Vec::new();
    let mut budget = Vec::new();
    let mut documents = Vec::new();
    for &i in &site.documents {
        let item = &site.items[i];
        let ItemKind::Document(d) = &item.kind else {
            continue;
        };
        let Some(p) = d.public_disclosure.as_ref().filter(|p| p.in_catalog) else {
            continue;
        };
        let row = Row {
            title: d.abstract_.clone(),
            href: site.href(&item.path),
            number: d.full_number(),
            issued: d.issued_date,
            forms: p.forms.iter().map(|f| f.label()).collect(),
            // A document posted without a date of its own went up when it
            // was issued (a draft: when it was put out for comment).
            from: p
                .from
                .map(|x| x_short(&x))
                .or_else(|| posted(item))
                .or_else(|| d.issued_date.map(|x| x.short())),
            until: p.until,
        };
        if matches!(d.doc_type, DocType::KeHoach | DocType::ChuongTrinh) {
            plans.push(row);
        } else if is_budget(d) {
            budget.push(row);
        } else {
            documents.push(row);
        }
    }
    let procedures = site
        .procedures
        .all
        .iter()
        .filter_map(|&i| {
            let item = &site.items[i];
            let ItemKind::Procedure(p) = &item.kind else {
                return None;
            };
            p.legal_status.in_force().then(|| Row {
                title: p.title.clone(),
                href: site.href(&item.path),
                number: p.code.0.clone(),
                issued: None,
                forms: vec![DisclosureForm::TrangTtdt.label()],
                from: p.posted_at.map(|x| x_short(&x)).or_else(|| posted(item)),
                until: None,
            })
        })
        .collect();
    vec![
        Group {
            id: "ke-hoach",
            title: "Kế hoạch, chương trình",
            number_label: "Số, ký hiệu",
            rows: plans,
        },
        Group {
            id: "ngan-sach",
            title: "Dự toán, quyết toán, công khai ngân sách",
            number_label: "Số, ký hiệu",
            rows: budget,
        },
        Group {
            id: "van-ban",
            title: "Văn bản",
            number_label: "Số, ký hiệu",
            rows: documents,
        },
        Group {
            id: "thu-tuc",
            title: "Thủ tục hành chính",
            number_label: "Mã thủ tục",
            rows: procedures,
        },
    ]
}

fn x_short(d: &Date) -> String {
    crate::vi::date_short(&d.at_midnight())
}

/// The day an item was published on the site, else last updated.
fn posted(item: &Item) -> Option<String> {
    item.date
        .as_ref()
        .or(item.updated.as_ref())
        .map(|d| crate::vi::date_short(&d.0))
}

/// Budget estimates, settlements and their publication: the law lists them
/// apart (Luật Ngân sách nhà nước Điều 15; Luật TCTT Điều 17 khoản 1 điểm e).
fn is_budget(d: &Document) -> bool {
    d.fields
        .iter()
        .chain(std::iter::once(&d.abstract_))
        .any(|f| {
            let f = crate::vi::fold(f);
            f.contains("ngan sach") || f.contains("du toan") || f.contains("quyet toan")
        })
}
