//! Document (văn bản, `content/van-ban/<year>/<number>-<symbol>.md`), with the
//! metadata the law asks a state site to show: số ký hiệu, ngày ban hành,
//! trích yếu, loại, cơ quan ban hành, ngày hiệu lực, tệp.

use serde::{Deserialize, Serialize};

use super::front_matter::Document as Source;
use super::plan::{Activity, Period, Reporting, Target};
use super::types::{
    Attachment, CommentPeriod, Date, DateTime, Disclosure, LegalRef, PartialDate, Signer,
};
use crate::diagnostics::Diagnostic;
use crate::vocab::{CampaignKind, DocType, Index, IssuerLevel, LegalStatus, ParArea, Status};

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub doc_type: DocType,
    pub number: Option<String>,
    pub symbol: String,
    pub full_number: Option<String>,
    #[serde(rename = "abstract")]
    pub abstract_: String,
    pub title: Option<String>,
    pub slug: Option<String>,
    pub summary: Option<String>,
    pub issuer: String,
    pub issuer_level: IssuerLevel,
    pub place: Option<String>,
    pub issued_date: Option<PartialDate>,
    pub effective_date: Option<Date>,
    pub expiry_date: Option<Date>,
    pub legal_status: LegalStatus,
    #[serde(default)]
    pub is_normative: bool,
    #[serde(default)]
    pub fields: Vec<String>,
    pub units: Vec<String>,
    #[serde(default)]
    pub par_areas: Vec<ParArea>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub status: Status,
    pub published_at: Option<DateTime>,
    pub updated_at: Option<DateTime>,
    pub expires_at: Option<DateTime>,
    pub signer: Option<Signer>,
    #[serde(default)]
    pub based_on: Vec<LegalRef>,
    #[serde(default)]
    pub implements: Vec<String>,
    #[serde(default)]
    pub amends: Vec<String>,
    #[serde(default)]
    pub replaces: Vec<String>,
    #[serde(default)]
    pub recipients: Vec<String>,
    pub archive_note: Option<String>,
    #[serde(default)]
    pub files: Vec<Attachment>,
    pub public_disclosure: Option<Disclosure>,
    pub comment_period: Option<CommentPeriod>,
    /// Chỉ số liên quan (plans name the indices they serve).
    #[serde(default)]
    pub indices: Vec<Index>,
    // Plan fields (content-model.md §6), only in `content/ke-hoach/`.
    pub year: Option<i32>,
    pub period: Option<Period>,
    pub parent_plan: Option<String>,
    pub campaign_kind: Option<CampaignKind>,
    pub reporting: Option<Reporting>,
    #[serde(default)]
    pub targets: Vec<Target>,
    #[serde(default)]
    pub activities: Vec<Activity>,
    /// Heading of the appendix table ("Danh mục các hoạt động …").
    pub appendix_title: Option<String>,
}

impl Document {
    pub fn is_draft_text(&self) -> bool {
        self.legal_status == LegalStatus::DuThao
    }

    /// "135/KH-UBND", or "…/KH-UBND" for a draft without a number.
    pub fn full_number(&self) -> String {
        if let Some(f) = &self.full_number {
            return f.clone();
        }
        match &self.number {
            Some(n) if !n.trim().is_empty() => format!("{}/{}", n.trim(), self.symbol),
            _ => format!("…/{}", self.symbol),
        }
    }

    /// The page title: explicit, or "<Loại> số <số ký hiệu> <trích yếu>".
    pub fn display_title(&self) -> String {
        match &self.title {
            Some(t) => t.clone(),
            None if self.number.is_some() => {
                format!(
                    "{} số {}: {}",
                    self.doc_type.label(),
                    self.full_number(),
                    self.abstract_
                )
            }
            None => format!(
                "Dự thảo {}: {}",
                self.doc_type.label().to_lowercase(),
                self.abstract_
            ),
        }
    }

    /// Checks that need only this file.
    pub fn validate(&self, doc: &Source) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let mut need = |field: &str, message: &str, hint: &str| {
            let (line, col) = doc.locate(field, None);
            out.push(
                Diagnostic::error("E006", message.to_string())
                    .at(doc.text, line, col)
                    .field(field)
                    .hint(hint.to_string()),
            );
        };
        if self.units.is_empty() {
            need(
                "units",
                "văn bản phải có ít nhất một đơn vị tham mưu",
                "ví dụ `units: [phong-van-hoa-xa-hoi]`",
            );
        }
        if !self.is_draft_text() {
            if self
                .number
                .as_deref()
                .map(str::trim)
                .unwrap_or("")
                .is_empty()
                && self.full_number.is_none()
            {
                need(
                    "number",
                    "văn bản đã ban hành phải có số",
                    "ví dụ `number: \"135\"` (đặt trong dấu nháy); nếu là dự thảo, ghi `legal_status: du_thao`",
                );
            }
            if self.issued_date.and_then(|d| d.full()).is_none() {
                need(
                    "issued_date",
                    "văn bản đã ban hành phải có đủ ngày, tháng, năm ban hành",
                    "ví dụ `issued_date: 2025-12-31`",
                );
            }
            if self.signer.is_none() {
                need(
                    "signer",
                    "văn bản đã ban hành phải ghi người ký",
                    "ví dụ `signer: {name: Nguyễn Văn A, position: Chủ tịch}`",
                );
            }
            if self.files.is_empty() {
                let (line, col) = doc.locate("files", None);
                out.push(
                    Diagnostic::warning("W002", "văn bản chưa có tệp để người dân tải về (pháp luật yêu cầu đăng tệp văn bản)")
                        .at(doc.text, line, col)
                        .field("files")
                        .hint("thêm `files: [{path: /files/van-ban/2025/135-kh-ubnd.pdf, label: Bản PDF}]` và đặt tệp vào static/files/"),
                );
            }
        }
        if !self.recipients.is_empty()
            && let Some(n) = doc.body.lines().position(is_recipients_heading)
        {
            out.push(
                    Diagnostic::warning(
                        "W180",
                        "nội dung văn bản chép lại phần “Nơi nhận” đã ghi ở `recipients`; trang sẽ hiện hai lần",
                    )
                    .at(doc.text, doc.body_line + n, 1)
                    .hint("xóa phần “Nơi nhận” và chữ ký ở cuối nội dung: trang tự trình bày chúng từ `recipients`, `archive_note` và `signer` theo Nghị định 30/2020/NĐ-CP"),
                );
        }
        out
    }
}

/// A body line that opens a "Nơi nhận:" block, however it is emphasised.
fn is_recipients_heading(line: &str) -> bool {
    let t = line
        .trim()
        .trim_start_matches('#')
        .trim_matches(|c| c == '*' || c == '_' || c == ' ');
    let t = t
        .trim_end_matches(':')
        .trim_end_matches(['*', '_'])
        .trim_end_matches(':');
    t.eq_ignore_ascii_case("Nơi nhận") || t == "NƠI NHẬN"
}
