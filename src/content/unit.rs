//! Unit (đơn vị, `content/don-vi/<id>.md`): a body that leads or coordinates
//! items. Units are records, not strings: name, head, contact, aliases.

use serde::{Deserialize, Serialize};

use super::types::{Contact, Date, LegalRef, Person};
use crate::diagnostics::Diagnostic;
use crate::vocab::{Channel, ParArea, UnitKind};

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    pub id: String,
    pub name: String,
    pub short_name: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub kind: UnitKind,
    pub parent: Option<String>,
    #[serde(default)]
    pub external: bool,
    #[serde(default)]
    pub legal_basis: Vec<LegalRef>,
    #[serde(default)]
    pub functions: Vec<String>,
    #[serde(default)]
    pub par_areas: Vec<ParArea>,
    pub head: Option<Person>,
    #[serde(default)]
    pub deputies: Vec<Person>,
    #[serde(default)]
    pub members: Vec<Person>,
    pub contact: Option<Contact>,
    #[serde(default)]
    pub information_contact: bool,
    pub order: Option<i64>,
    pub active_from: Option<Date>,
    pub active_until: Option<Date>,
    pub replaced_by: Option<String>,
    pub show_page: Option<bool>,
    /// The channel an item sent to this unit appears on (Báo Gia Lai: `bao_gia_lai`):
    /// how a plan's targets count `submitted_to`.
    pub channel: Option<Channel>,
}

impl Unit {
    /// Checks that need only this file.
    pub fn validate(&self, doc: &super::front_matter::Document) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        if !crate::vi::is_slug(&self.id) {
            let (line, col) = doc.locate("id", Some(&self.id));
            out.push(
                Diagnostic::error(
                    "E014",
                    format!(
                        "mã đơn vị `{}` phải viết thường, không dấu, nối bằng `-`",
                        self.id
                    ),
                )
                .at(doc.text, line, col)
                .field("id")
                .hint(format!("viết `id: {}`", crate::vi::slugify(&self.id))),
            );
        }
        out
    }
}
