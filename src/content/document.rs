//! Document (văn bản, `content/van-ban/<year>/<number>-<symbol>.md`), with the
//! metadata the law asks a state site to show: số ký hiệu, ngày ban hành,
//! trích yếu, loại, cơ quan ban hành, ngày hiệu lực, tệp.

use serde::{Deserialize, Serialize};

use super::front_matter::Document as Source;
use super::plan::{Activity, Period, Reporting, Target, locate_activity};
use super::types::{
    Attachment, CommentPeriod, Date, DateTime, Disclosure, LegalRef, PartialDate, Signer,
};
use crate::diagnostics::{Diagnostic, closest};
use crate::vocab::{
    CampaignKind, DocType, Index, IssuerLevel, LegalStatus, ParArea, Status, TimeframeKind,
};

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

/// A plan's own checks live with the document (not in `plan`), so that
/// `plan` holds only the plan fields' types and the two modules do not import
/// each other.
impl Document {
    /// Whether the front matter carries any plan field.
    pub fn has_plan_fields(&self) -> bool {
        self.year.is_some()
            || self.period.is_some()
            || self.parent_plan.is_some()
            || self.campaign_kind.is_some()
            || self.reporting.is_some()
            || !self.targets.is_empty()
            || !self.activities.is_empty()
            || self.appendix_title.is_some()
    }

    /// Checks of a plan that need only its file.
    pub fn validate_plan(&self, doc: &Source) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let err = |code: &'static str, (line, col): (usize, usize), field: &str, msg: String| {
            Diagnostic::error(code, msg)
                .at(doc.text, line, col)
                .field(field)
        };
        if !matches!(
            self.doc_type,
            DocType::KeHoach | DocType::ChuongTrinh | DocType::DeAn
        ) {
            out.push(
                err("E080", doc.locate("doc_type", None), "doc_type",
                    format!("tệp trong content/ke-hoach/ phải là kế hoạch, chương trình hoặc đề án, không phải `{}`", self.doc_type.id()))
                    .hint("viết `doc_type: ke_hoach` (hoặc chuong_trinh, de_an); văn bản khác đặt trong content/van-ban/"),
            );
        }
        for (field, missing) in [
            ("year", self.year.is_none()),
            ("campaign_kind", self.campaign_kind.is_none()),
        ] {
            if missing {
                out.push(
                    err("E006", doc.locate(field, None), field, format!("kế hoạch phải có trường `{field}`"))
                        .hint(if field == "year" {
                            "ví dụ `year: 2026` (năm thực hiện)"
                        } else {
                            "ví dụ `campaign_kind: tuyen_truyen` (tuyen_truyen, cai_cach_hanh_chinh, chuyen_doi_so, khac)"
                        }),
                );
            }
        }
        if let Some(p) = &self.period
            && p.to < p.from
        {
            out.push(
                    err("E081", doc.locate("period", None), "period",
                        format!("thời gian thực hiện kết thúc ({}) trước khi bắt đầu ({})",
                            p.to.0.format("%d/%m/%Y"), p.from.0.format("%d/%m/%Y")))
                        .hint("kiểm tra lại `period: {from: …, to: …}`: `from` là ngày bắt đầu, `to` là ngày kết thúc"),
                );
        }
        let numbers: Vec<&str> = self.activities.iter().map(|a| a.item_no.trim()).collect();
        for (i, a) in self.activities.iter().enumerate() {
            let no = a.item_no.trim();
            let at = |field: &str, value: Option<&str>| locate_activity(doc, no, field, value);
            if no.is_empty() {
                out.push(
                    err(
                        "E006",
                        doc.locate("activities", None),
                        "activities",
                        "hoạt động thiếu số thứ tự `item_no`".into(),
                    )
                    .hint("ví dụ `item_no: \"4.2\"` (đặt trong dấu nháy)"),
                );
                continue;
            }
            if numbers[..i].contains(&no) {
                out.push(
                    err(
                        "E082",
                        at("item_no", None),
                        "activities",
                        format!("số thứ tự `{no}` bị trùng trong danh mục hoạt động"),
                    )
                    .hint("mỗi hoạt động một số thứ tự riêng, ví dụ 4.1, 4.2, 4.3"),
                );
            }
            if let Some(parent) = a.parent.as_deref().map(str::trim) {
                if parent == no || !numbers.contains(&parent) {
                    let hint = match closest(parent, numbers.iter().copied().filter(|n| *n != no)) {
                        Some(c) => format!("có phải bạn muốn viết `parent: \"{c}\"`?"),
                        None => format!("các số thứ tự có trong kế hoạch: {}", numbers.join(", ")),
                    };
                    out.push(
                        err("E083", at("parent", Some(parent)), "activities",
                            format!("hoạt động {no} thuộc mục `{parent}` nhưng kế hoạch không có mục này"))
                            .hint(hint),
                    );
                }
            } else if !a.inherit.is_empty() {
                out.push(
                    err("E083", at("inherit", None), "activities",
                        format!("hoạt động {no} dùng chung ô với mục cha (`inherit`) nhưng không ghi `parent`"))
                        .hint(format!("thêm `parent: \"{}\"`", no.rsplit_once('.').map_or(no, |(p, _)| p))),
                );
            }
            if a.lead_units.is_empty() && a.lead_note.as_deref().is_none_or(|n| n.trim().is_empty())
            {
                out.push(
                    err("E084", at("item_no", None), "activities",
                        format!("hoạt động {no} chưa có cơ quan chủ trì"))
                        .hint("thêm `lead_units: [mã đơn vị]`; nếu cơ quan chủ trì không phải một đơn vị cụ thể, ghi `lead_note:`"),
                );
            }
            if let Some(tf) = &a.timeframe {
                let need = match tf.kind {
                    TimeframeKind::DinhKy if tf.cadence.is_none() => Some((
                        "cadence",
                        "hoạt động định kỳ phải ghi chu kỳ `cadence` (hang_thang, hang_quy, sau_thang, hang_nam)",
                    )),
                    TimeframeKind::Khoang if tf.from.is_none() || tf.to.is_none() => Some((
                        "from",
                        "hoạt động trong một khoảng thời gian phải ghi `from` và `to`",
                    )),
                    TimeframeKind::Moc if tf.to.is_none() => {
                        Some(("to", "hoạt động có mốc thời gian phải ghi hạn `to`"))
                    }
                    _ => None,
                };
                if let Some((field, msg)) = need {
                    out.push(err("E085", at("timeframe", None), "activities", format!("hoạt động {no}: {msg}"))
                        .hint(format!("ví dụ `timeframe: {{kind: dinh_ky, cadence: hang_quy, text: Định kỳ 01 lần/quý}}` (thiếu `{field}`)")));
                }
                if let (Some(f), Some(t)) = (tf.from, tf.to)
                    && t < f
                {
                    out.push(err(
                        "E081",
                        at("timeframe", None),
                        "activities",
                        format!("hoạt động {no}: thời gian kết thúc trước khi bắt đầu"),
                    ));
                }
            }
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
