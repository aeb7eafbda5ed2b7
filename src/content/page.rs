//! Static page (`content/trang/<slug>.md`): Giới thiệu, Liên hệ, Tiếp cận thông tin…

use serde::{Deserialize, Serialize};

use super::types::DateTime;
use crate::vocab::Status;

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Page {
    pub title: String,
    pub slug: Option<String>,
    pub summary: Option<String>,
    #[serde(default)]
    pub units: Vec<String>,
    #[serde(default)]
    pub status: Status,
    pub published_at: Option<DateTime>,
    pub updated_at: Option<DateTime>,
    pub expires_at: Option<DateTime>,
    /// Position in lists of pages (site map, footer).
    pub order: Option<i64>,
    /// A theme template other than `page.html`, e.g. `tiep-can-thong-tin`.
    pub template: Option<String>,
}
