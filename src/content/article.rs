//! News article (tin bài, `content/tin-tuc/YYYY/MM/<slug>.md`).

use serde::{Deserialize, Serialize};

use super::front_matter::Document;
use super::types::{Attachment, Date, DateTime, Image, Media, ProcedureCode, Submission};
use crate::diagnostics::Diagnostic;
use crate::vocab::{ArticleKind, Channel, Index, MediaKind, ParArea, Status};

/// The section whose items are evidence for PAR reporting.
pub const PAR_SECTION: &str = "cai-cach-hanh-chinh";

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    pub title: String,
    pub slug: Option<String>,
    pub summary: Option<String>,
    pub units: Vec<String>,
    #[serde(default)]
    pub par_areas: Vec<ParArea>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub status: Status,
    pub published_at: DateTime,
    pub updated_at: Option<DateTime>,
    pub expires_at: Option<DateTime>,
    pub creator: Option<String>,
    pub kind: ArticleKind,
    pub sections: Vec<String>,
    pub event_date: Option<Date>,
    pub location: Option<String>,
    #[serde(default)]
    pub author: Vec<String>,
    pub source: Option<String>,
    pub image: Option<Image>,
    #[serde(default)]
    pub gallery: Vec<Image>,
    #[serde(default)]
    pub media: Vec<Media>,
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    #[serde(default)]
    pub indices: Vec<Index>,
    #[serde(default)]
    pub plan_activities: Vec<String>,
    #[serde(default)]
    pub related_procedures: Vec<ProcedureCode>,
    #[serde(default)]
    pub related_documents: Vec<String>,
    #[serde(default)]
    pub channels: Vec<Channel>,
    #[serde(default)]
    pub submitted_to: Vec<Submission>,
    #[serde(default)]
    pub featured: bool,
    pub reporting_period: Option<String>,
}

impl Article {
    /// Checks that need only this file.
    pub fn validate(&self, doc: &Document) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        if self.units.is_empty() {
            let (line, col) = doc.locate("units", None);
            out.push(
                Diagnostic::error(
                    "E006",
                    "tin bài phải có ít nhất một đơn vị (đơn vị đầu tiên là cơ quan chủ trì)",
                )
                .at(doc.text, line, col)
                .field("units"),
            );
        }
        if self.sections.is_empty() {
            let (line, col) = doc.locate("sections", None);
            out.push(
                Diagnostic::error("E006", "tin bài phải thuộc ít nhất một chuyên mục")
                    .at(doc.text, line, col)
                    .field("sections"),
            );
        }
        if self.sections.iter().any(|s| s == PAR_SECTION) && self.par_areas.is_empty() {
            let (line, col) = doc.locate("sections", Some(PAR_SECTION));
            out.push(
                Diagnostic::error("E019", "tin thuộc chuyên mục Cải cách hành chính phải ghi lĩnh vực cải cách hành chính")
                    .at(doc.text, line, col)
                    .field("par_areas")
                    .hint("thêm ví dụ `par_areas: [thu_tuc_hanh_chinh]`; các giá trị: chi_dao_dieu_hanh, the_che, thu_tuc_hanh_chinh, to_chuc_bo_may, che_do_cong_vu, tai_chinh_cong, chinh_quyen_so"),
            );
        }
        if let Some(p) = &self.reporting_period {
            let ok = p.len() == 7
                && p[..4].chars().all(|c| c.is_ascii_digit())
                && &p[4..6] == "-Q"
                && matches!(&p[6..], "1" | "2" | "3" | "4");
            if !ok {
                let (line, col) = doc.locate("reporting_period", None);
                out.push(
                    Diagnostic::error("E008", format!("kỳ báo cáo `{p}` không hợp lệ"))
                        .at(doc.text, line, col)
                        .field("reporting_period")
                        .hint("viết dạng `2026-Q2` (năm, `-Q`, quý 1–4)"),
                );
            }
        }
        if self.kind == ArticleKind::Infographic {
            let described = self.image.iter().chain(self.gallery.iter()).any(|i| {
                i.long_description
                    .as_deref()
                    .is_some_and(|t| !t.trim().is_empty())
            });
            if !described {
                let (line, col) = doc.locate("image", None);
                out.push(
                    Diagnostic::warning(
                        "W060",
                        "infographic chưa có nội dung bằng chữ cho người không xem được ảnh",
                    )
                    .at(doc.text, line, col)
                    .field("image")
                    .hint("thêm `long_description:` vào `image`, ghi lại đầy đủ các ý, số liệu trong ảnh"),
                );
            }
        }
        for m in &self.media {
            if m.kind == MediaKind::Video
                && !crate::media::is_local(&m.url)
                && crate::media::embed(&m.url).is_none()
            {
                let (line, col) = doc.locate("media", Some(&m.url));
                out.push(
                    Diagnostic::warning(
                        "W061",
                        format!("không nhúng được video từ `{}`; trang chỉ hiện liên kết", m.url),
                    )
                    .at(doc.text, line, col)
                    .field("media")
                    .hint("dùng địa chỉ video YouTube, TikTok hoặc Facebook (ví dụ https://www.youtube.com/watch?v=…), hoặc tệp /files/….mp4"),
                );
            }
            if m.transcript
                .as_deref()
                .map(str::trim)
                .unwrap_or("")
                .is_empty()
            {
                let (line, col) = doc.locate("media", Some(&m.url));
                out.push(
                    Diagnostic::warning(
                        "W004",
                        "video/âm thanh chưa có bản ghi lời (transcript) cho người không nghe được",
                    )
                    .at(doc.text, line, col)
                    .field("media"),
                );
            }
        }
        out
    }
}
