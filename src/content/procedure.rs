//! Administrative procedure (thủ tục hành chính, `content/thu-tuc/<code>.md`).
//!
//! The fields mirror the record of the National Database on administrative
//! procedures (CSDLQG, content-model.md §4) one to one, so a record can be
//! imported from the national export and checked against it. The law asks the
//! commune to post every part of it; fee text, exemptions and requirements are
//! kept verbatim and never shortened.

use serde::{Deserialize, Serialize};

use super::front_matter::Document;
use super::types::{Date, DateTime, LegalRef, ProcedureCode, Url};
use crate::diagnostics::Diagnostic;
use crate::vocab::{
    FeeKind, Level, OnlineLevel, ParArea, ProactiveLevel, ProcedureStatus, SourceKind, Status,
    SubmitMethod, TimeUnit,
};

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Procedure {
    pub code: ProcedureCode,
    pub local_code: Option<String>,
    pub title: String,
    #[serde(default)]
    pub decisions: Vec<LegalRef>,
    pub levels: Vec<Level>,
    pub procedure_type: Option<String>,
    pub field: String,
    pub steps: Vec<String>,
    pub channels: Vec<ProcedureChannel>,
    pub dossier: Vec<DossierCase>,
    pub applicants: Vec<String>,
    pub implementing_agency: String,
    pub competent_authority: Option<String>,
    pub receiving_address: Option<String>,
    pub delegated_agency: Option<String>,
    pub coordinating_agency: Option<String>,
    pub results: Vec<String>,
    pub legal_basis: Vec<LegalRef>,
    pub requirements: Option<String>,
    #[serde(default)]
    pub keywords: Vec<String>,
    pub description: Option<String>,
    pub online_level: OnlineLevel,
    pub proactive_level: Option<ProactiveLevel>,
    pub online_url: Option<Url>,
    pub dvcqg_url: Option<Url>,
    pub units: Vec<String>,
    #[serde(default = "default_par_areas")]
    pub par_areas: Vec<ParArea>,
    pub legal_status: ProcedureStatus,
    pub replaced_by: Option<ProcedureCode>,
    pub effective_from: Option<Date>,
    pub posted_at: Option<Date>,
    pub source: SourceInfo,
    #[serde(default)]
    pub faq: Vec<Faq>,
    /// `draft` keeps a record being prepared off the site.
    #[serde(default)]
    pub status: Status,
    pub updated_at: Option<DateTime>,
}

fn default_par_areas() -> Vec<ParArea> {
    vec![ParArea::ThuTucHanhChinh]
}

/// One row of "Cách thức thực hiện": how to submit, how long, what it costs.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ProcedureChannel {
    pub method: SubmitMethod,
    pub processing_time: ProcessingTime,
    /// Empty means the record states no fee, not that it is free.
    #[serde(default)]
    pub fees: Vec<Fee>,
    pub description: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ProcessingTime {
    /// Verbatim, e.g. "07 ngày làm việc".
    pub text: String,
    pub amount: Option<f64>,
    pub unit: Option<TimeUnit>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Fee {
    pub kind: FeeKind,
    /// Verbatim, e.g. "Lệ phí : 0 Đồng".
    pub text: String,
    pub amount_vnd: Option<u64>,
    /// Verbatim; shown wherever `text` is.
    pub exemptions: Option<String>,
    pub legal_ref: Option<LegalRef>,
}

/// One "trường hợp" of "Thành phần hồ sơ".
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DossierCase {
    pub case: Option<String>,
    pub items: Vec<DossierItem>,
    pub sets: Option<u32>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DossierItem {
    pub name: String,
    pub originals: Option<u32>,
    pub copies: Option<u32>,
    #[serde(default)]
    pub present_only: bool,
    #[serde(default)]
    pub optional: bool,
    pub form: Option<Form>,
    pub note: Option<String>,
}

/// A form (mẫu đơn, tờ khai): a file on this site and/or a link to the
/// national database's copy, which has the same legal value (NĐ 63/2010 Điều 25).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Form {
    pub name: String,
    pub file: Option<String>,
    pub url: Option<Url>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SourceInfo {
    pub kind: SourceKind,
    pub url: Option<Url>,
    pub retrieved_at: Date,
    pub verified: bool,
    pub verified_by: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Faq {
    pub q: String,
    pub a: String,
}

/// Whether a link written in front matter can be followed: an absolute web
/// address or a path on this site.
pub fn is_link(s: &str) -> bool {
    let s = s.trim();
    s.starts_with("https://") || s.starts_with("http://") || s.starts_with('/')
}

/// A step without the "Bước N:" its text starts with when copied from the
/// national record, so the page numbers each step once. `n` counts from 1; a
/// number that does not match the step's place is kept as written.
pub fn step_text(step: &str, n: usize) -> &str {
    let t = step.trim_start();
    let Some(rest) = t.strip_prefix("Bước ").or_else(|| t.strip_prefix("bước ")) else {
        return step;
    };
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || rest[..digits].parse::<usize>().ok() != Some(n) {
        return step;
    }
    let after = rest[digits..].trim_start();
    match after.strip_prefix([':', '.', '-', '–', ')']) {
        Some(text) if !text.trim().is_empty() => text.trim_start(),
        _ => step,
    }
}

/// Words of a step that ask the citizen to come in person (folded, without
/// diacritics): a fully online procedure cannot have such a step.
const IN_PERSON: &[&str] = &[
    "xuat trinh",
    "co mat",
    "truc tiep den",
    "den tru so",
    "den trung tam",
    "den bo phan",
    "den nhan ket qua truc tiep",
];

impl Procedure {
    /// The first step that asks the citizen to come in person, with its
    /// number (from 1) and the words that say so.
    pub fn in_person_step(&self) -> Option<(usize, &str, &'static str)> {
        self.steps.iter().enumerate().find_map(|(i, s)| {
            let folded = crate::vi::fold(s);
            IN_PERSON
                .iter()
                .find(|w| folded.contains(*w))
                .map(|w| (i + 1, s.as_str(), *w))
        })
    }

    /// The forms to download, in dossier order.
    pub fn forms(&self) -> impl Iterator<Item = &Form> {
        self.dossier
            .iter()
            .flat_map(|c| c.items.iter())
            .filter_map(|i| i.form.as_ref())
    }

    /// Checks that need only this file. `stem` is the file name without `.md`.
    pub fn validate(&self, doc: &Document, stem: &str) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let at = |code: &'static str, field: &str, value: Option<&str>, msg: String| {
            let (line, col) = doc.locate(field, value);
            Diagnostic::error(code, msg)
                .at(doc.text, line, col)
                .field(field)
        };
        let code = &self.code.0;
        if stem != code {
            out.push(
                at(
                    "E030",
                    "code",
                    Some(code),
                    format!("tệp thủ tục `{stem}.md` phải mang tên theo mã thủ tục `{code}`"),
                )
                .hint(format!(
                    "đổi tên tệp thành `{code}.md`, hoặc sửa `code:` nếu mã bị chép nhầm"
                )),
            );
        }
        let lists: [(&str, bool, &str); 8] = [
            ("levels", self.levels.is_empty(), "`levels: [cap_xa]`"),
            (
                "steps",
                self.steps.is_empty(),
                "mỗi bước một dòng bắt đầu bằng `- `",
            ),
            (
                "channels",
                self.channels.is_empty(),
                "ít nhất một cách thức nộp (trực tiếp, trực tuyến hoặc bưu chính) với thời hạn giải quyết",
            ),
            (
                "dossier",
                self.dossier.iter().all(|c| c.items.is_empty()),
                "liệt kê các giấy tờ phải nộp trong `dossier: [{items: [...]}]`",
            ),
            (
                "applicants",
                self.applicants.is_empty(),
                "ví dụ `applicants: [Công dân Việt Nam]`",
            ),
            (
                "results",
                self.results.is_empty(),
                "ví dụ `results: [Giấy khai sinh (bản chính)]`",
            ),
            (
                "legal_basis",
                self.legal_basis.is_empty(),
                "ví dụ `legal_basis: [{number: 60/2014/QH13, title: Luật Hộ tịch}]`",
            ),
            (
                "units",
                self.units.is_empty(),
                "đơn vị tiếp nhận, giải quyết, ví dụ `units: [trung-tam-phuc-vu-hanh-chinh-cong]`",
            ),
        ];
        for (field, empty, hint) in lists {
            if empty {
                out.push(
                    at(
                        "E006",
                        field,
                        None,
                        format!("thủ tục hành chính phải có `{field}` (không được để trống)"),
                    )
                    .hint(hint.to_string()),
                );
            }
        }
        for (field, value) in [
            ("title", &self.title),
            ("field", &self.field),
            ("implementing_agency", &self.implementing_agency),
        ] {
            if value.trim().is_empty() {
                out.push(at(
                    "E006",
                    field,
                    None,
                    format!("thủ tục hành chính phải có `{field}` (không được để trống)"),
                ));
            }
        }
        let online_url = self.online_url.as_deref().map(str::trim).unwrap_or("");
        if self.online_level != OnlineLevel::Khong && online_url.is_empty() {
            out.push(
                at(
                    "E032",
                    "online_level",
                    Some(self.online_level.id()),
                    format!(
                        "thủ tục có mức độ trực tuyến `{}` phải có địa chỉ nộp hồ sơ trực tuyến (`online_url`)",
                        self.online_level.id()
                    ),
                )
                .field("online_url")
                .hint("thêm `online_url: https://dichvucong.gov.vn/…` (địa chỉ nộp hồ sơ của thủ tục), hoặc ghi `online_level: khong`"),
            );
        }
        for (field, url) in [
            ("online_url", self.online_url.as_deref()),
            ("dvcqg_url", self.dvcqg_url.as_deref()),
        ] {
            if let Some(u) = url.filter(|u| !u.trim().is_empty() && !is_link(u)) {
                out.push(
                    at(
                        "E032",
                        field,
                        Some(u),
                        format!("`{u}` không phải địa chỉ web"),
                    )
                    .hint("viết địa chỉ đầy đủ, bắt đầu bằng https://"),
                );
            }
        }
        match (&self.legal_status, &self.replaced_by) {
            (ProcedureStatus::DaThayThe, None) => out.push(
                at(
                    "E033",
                    "legal_status",
                    Some("da_thay_the"),
                    "thủ tục đã được thay thế phải ghi thủ tục thay thế (`replaced_by`)".into(),
                )
                .field("replaced_by")
                .hint("thêm `replaced_by: \"1.001193\"` (mã thủ tục mới, trong dấu nháy)"),
            ),
            (_, Some(r)) if r == &self.code => out.push(at(
                "E033",
                "replaced_by",
                Some(&r.0),
                "thủ tục không thể được thay thế bằng chính nó".into(),
            )),
            _ => {}
        }
        let warn = |code: &'static str, value: &str, msg: String, hint: &str| Diagnostic {
            severity: crate::diagnostics::Severity::Warning,
            ..at(code, "source", Some(value), msg).hint(hint.to_string())
        };
        if self.online_level == OnlineLevel::ToanTrinh
            && let Some((n, step, _)) = self.in_person_step()
        {
            let (line, col) = doc.locate("steps", Some(step));
            out.push(
                    Diagnostic::warning(
                        "W183",
                        format!("thủ tục ghi mức độ trực tuyến toàn trình nhưng bước {n} yêu cầu người dân đến trực tiếp"),
                    )
                    .at(doc.text, line, col)
                    .field("steps")
                    .hint("dịch vụ toàn trình không bắt người dân đến nơi tiếp nhận; nếu đúng là phải đến, ghi `online_level: mot_phan`, nếu không, sửa lại bước này"),
                );
        }
        if self.source.kind == SourceKind::DvcqgHtml {
            out.push(warn(
                "W030",
                "dvcqg_html",
                "dữ liệu lấy từ trang web Cổng Dịch vụ công quốc gia thường thiếu căn cứ pháp lý, kết quả, đối tượng và trường hợp miễn, giảm phí".into(),
                "đối chiếu với tệp ChiTietTTHC (.doc) tải từ Cổng rồi ghi `source: {kind: dvcqg_doc, …}`",
            ));
        }
        if !self.source.verified {
            out.push(warn(
                "W031",
                "verified",
                format!("thủ tục {code} chưa được đối chiếu với Cơ sở dữ liệu quốc gia về thủ tục hành chính"),
                "đối chiếu từng trường (nhất là phí, lệ phí và thời hạn) với bản công bố, rồi ghi `verified: true` và `verified_by`",
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::step_text;

    #[test]
    fn a_step_number_written_in_the_text_is_taken_off_once() {
        assert_eq!(step_text("Bước 1: Nộp hồ sơ.", 1), "Nộp hồ sơ.");
        assert_eq!(step_text("Bước 12. Trả kết quả", 12), "Trả kết quả");
        assert_eq!(step_text("  bước 2 - Kiểm tra", 2), "Kiểm tra");
        // A number out of place, or no text after it, is kept as written.
        assert_eq!(step_text("Bước 3: Nộp hồ sơ.", 1), "Bước 3: Nộp hồ sơ.");
        assert_eq!(step_text("Bước 1:", 1), "Bước 1:");
        assert_eq!(step_text("Bước đầu tiên: nộp", 1), "Bước đầu tiên: nộp");
        assert_eq!(step_text("Nộp hồ sơ", 1), "Nộp hồ sơ");
    }
}
