//! `site.yaml` → `SiteConfig`: the site's identity, the legally required
//! footer facts, menus, sections and build settings.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::content::front_matter::Document;
use crate::content::types::{Contact, Date, Person, Url};
use crate::diagnostics::Diagnostic;

/// A news section (chuyên mục), configurable per site.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SectionConfig {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
}

/// Update deadlines that `check` warns about (domain-notes §1.4). The
/// numbers of the repealed NĐ 43/2011 are the defaults most sites still follow.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Deadlines {
    /// A document should be online within this many working days of its issue date.
    #[serde(default = "default_document_working_days")]
    pub document_working_days: u32,
    /// Section id → days without a new item before the section counts as stale.
    #[serde(default)]
    pub sections: std::collections::BTreeMap<String, u32>,
}

fn default_document_working_days() -> u32 {
    2
}

impl Default for Deadlines {
    fn default() -> Self {
        Deadlines {
            document_working_days: default_document_working_days(),
            sections: Default::default(),
        }
    }
}

/// A main-menu entry. `url` is a site path such as `/tin-tuc/`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MenuItem {
    pub name: String,
    pub url: Url,
}

/// Where citizens send phản ánh, kiến nghị.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Pakn {
    pub agency: String,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub url: Option<Url>,
}

/// A campaign the home page announces in its banner while it runs
/// (a contest, a month of online services, …).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Campaign {
    pub title: String,
    /// Where the banner leads: a site path or a full address.
    pub url: Url,
    pub text: Option<String>,
    /// First and last day of the banner (both included); open-ended if absent.
    pub from: Option<Date>,
    pub until: Option<Date>,
}

impl Campaign {
    /// Whether the banner shows at `now`.
    pub fn is_active(&self, now: &chrono::DateTime<chrono::FixedOffset>) -> bool {
        let day = now.with_timezone(&crate::vi::tz()).date_naive();
        self.from.is_none_or(|f| f.0 <= day) && self.until.is_none_or(|u| day <= u.0)
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DvcUrls {
    pub national: Url,
    pub province: Option<Url>,
    /// The address of one procedure on the portal, with `{code}` where its
    /// code goes: "Nộp hồ sơ trực tuyến" then leads to the procedure itself.
    pub procedure: Option<Url>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// "Trang thông tin điện tử xã Canh Vinh"
    pub name: String,
    pub short_name: Option<String>,
    pub description: Option<String>,
    /// "Ủy ban nhân dân xã Canh Vinh"
    pub owner: String,
    pub province: String,
    /// Absolute URL, may carry a sub-path: `https://example.gov.vn/canhvinh/`.
    pub base_url: String,
    pub responsible_person: Person,
    pub contact: Contact,
    pub information_contact: Option<Person>,
    pub pakn: Option<Pakn>,
    pub province_portal_url: Option<Url>,
    pub dvc_urls: Option<DvcUrls>,
    /// Trusted HTML from the site's administrator (EMC monitoring tag).
    pub emc_snippet: Option<String>,
    pub feedback_endpoint: Option<Url>,
    pub license: Option<String>,
    pub campaign: Option<Campaign>,
    #[serde(default = "default_sections")]
    pub sections: Vec<SectionConfig>,
    #[serde(default = "default_menu")]
    pub menu: Vec<MenuItem>,
    /// Lĩnh vực of the procedure catalogue, as the national database names
    /// them. A procedure's `field` must be one of them, so a typo cannot
    /// split a field in two.
    #[serde(default = "default_procedure_fields")]
    pub procedure_fields: Vec<String>,
    #[serde(default = "default_paginate_by")]
    pub paginate_by: usize,
    #[serde(default = "default_feed_limit")]
    pub feed_limit: usize,
    #[serde(default = "default_theme")]
    pub theme: String,
    #[serde(default)]
    pub deadlines: Deadlines,
    /// Raw HTML in Markdown bodies: `sanitize` (default) or `allow`.
    #[serde(default)]
    pub raw_html: crate::markdown::RawHtml,
    /// Warnings about the file itself (what parses but reads wrong, what the
    /// law requires and is still a placeholder), reported with the site's.
    #[serde(skip)]
    pub warnings: Vec<Diagnostic>,
    /// The communication report's public page.
    #[serde(default)]
    pub report: ReportSettings,
}

/// `report:` in site.yaml.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ReportSettings {
    /// Show citizens đạt / chưa đạt on the public report page. Off by default:
    /// the page shows what was done; verdicts are for the report to the province.
    #[serde(default)]
    pub public_verdicts: bool,
}

fn default_paginate_by() -> usize {
    10
}
fn default_feed_limit() -> usize {
    20
}
fn default_theme() -> String {
    "default".into()
}

/// The standard news sections (`init` writes them into a new site.yaml).
pub(crate) fn default_sections() -> Vec<SectionConfig> {
    [
        ("tin-tuc", "Tin tức - Sự kiện"),
        ("hoat-dong-hdnd-ubnd", "Hoạt động HĐND - UBND"),
        ("cai-cach-hanh-chinh", "Cải cách hành chính"),
        ("chuyen-doi-so", "Chuyển đổi số"),
        ("tuyen-truyen-phap-luat", "Tuyên truyền, phổ biến pháp luật"),
        ("kinh-te", "Kinh tế"),
        ("van-hoa-xa-hoi", "Văn hóa - Xã hội"),
        ("quoc-phong-an-ninh", "Quốc phòng - An ninh"),
        ("thong-bao", "Thông báo"),
        ("chi-dao-dieu-hanh", "Chỉ đạo - Điều hành"),
    ]
    .into_iter()
    .map(|(id, name)| SectionConfig {
        id: id.into(),
        name: name.into(),
        description: None,
    })
    .collect()
}

fn default_menu() -> Vec<MenuItem> {
    [
        ("Trang chủ", "/"),
        ("Giới thiệu", "/gioi-thieu/"),
        ("Tin tức", "/tin-tuc/"),
        ("Cải cách hành chính", "/cai-cach-hanh-chinh/"),
        ("Thủ tục hành chính", "/thu-tuc-hanh-chinh/"),
        ("Văn bản", "/van-ban/"),
        ("Liên hệ", "/lien-he/"),
    ]
    .into_iter()
    .map(|(name, url)| MenuItem {
        name: name.into(),
        url: Url::site_path(url),
    })
    .collect()
}

/// Fields of the procedures most communes post (CSDLQG names).
fn default_procedure_fields() -> Vec<String> {
    [
        "Bảo trợ xã hội",
        "Chứng thực",
        "Đăng ký, quản lý cư trú",
        "Đất đai",
        "Hộ tịch",
        "Người có công",
        "Nuôi con nuôi",
        "Thành lập và hoạt động của hộ kinh doanh",
        "Thi đua, khen thưởng",
        "Văn hóa cơ sở",
    ]
    .into_iter()
    .map(String::from)
    .collect()
}

impl SiteConfig {
    /// Read and validate `root/site.yaml`.
    pub fn load(root: &Path) -> Result<SiteConfig, Vec<Diagnostic>> {
        let path = root.join("site.yaml");
        let rel = Path::new("site.yaml");
        let text = std::fs::read_to_string(&path).map_err(|e| {
            vec![Diagnostic::error("E018", format!("không đọc được site.yaml: {e}"))
                .in_file(rel)
                .hint("chạy lệnh trong thư mục của trang (nơi có site.yaml), hoặc dùng `--root THƯ_MỤC`")]
        })?;
        SiteConfig::parse(&text)
    }

    /// Parse and validate the text of a `site.yaml`.
    pub fn parse(text: &str) -> Result<SiteConfig, Vec<Diagnostic>> {
        let rel = Path::new("site.yaml");
        let text = crate::vi::nfc(text);
        let doc = Document {
            text: &text,
            yaml: &text,
            yaml_line: 1,
            body: "",
            body_line: 1,
        };
        let mut config: SiteConfig = doc.parse().map_err(|d| vec![d.in_file(rel)])?;
        let mut diags = Vec::new();
        if !(config.base_url.starts_with("http://") || config.base_url.starts_with("https://")) {
            let (line, col) = doc.locate("base_url", None);
            diags.push(
                Diagnostic::error(
                    "E018",
                    "base_url phải là địa chỉ đầy đủ bắt đầu bằng https://",
                )
                .in_file(rel)
                .at(&text, line, col)
                .field("base_url")
                .hint("ví dụ `base_url: https://canhvinh.gialai.gov.vn/`"),
            );
        }
        if config.paginate_by == 0 {
            let (line, col) = doc.locate("paginate_by", None);
            diags.push(
                Diagnostic::error("E018", "paginate_by phải lớn hơn 0")
                    .in_file(rel)
                    .at(&text, line, col)
                    .field("paginate_by"),
            );
        }
        for s in &config.sections {
            if !crate::vi::is_slug(&s.id) {
                let (line, col) = doc.locate("sections", Some(&s.id));
                diags.push(
                    Diagnostic::error(
                        "E014",
                        format!(
                            "mã chuyên mục `{}` phải viết thường, không dấu, nối bằng `-`",
                            s.id
                        ),
                    )
                    .in_file(rel)
                    .at(&text, line, col)
                    .field("sections")
                    .hint(format!("viết `{}`", crate::vi::slugify(&s.id))),
                );
            }
        }
        if !diags.is_empty() {
            return Err(diags);
        }
        config.warnings = crate::content::yaml_hints::lint(&doc)
            .into_iter()
            .chain(config.unfilled(&doc))
            .map(|d| d.in_file(rel))
            .collect();
        if !config.base_url.ends_with('/') {
            config.base_url.push('/');
        }
        Ok(config)
    }

    /// The facts the law requires on the site (NĐ 42/2022 Điều 5: who is
    /// responsible, who to contact, a phone number) that are still empty or
    /// a placeholder such as "(Đang cập nhật)": a reader would see them.
    fn unfilled(&self, doc: &Document) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let mut check = |field: &str, key: &str, value: Option<&str>| match value
            .map(str::trim)
            .filter(|v| !v.is_empty())
        {
            Some(v) if crate::vi::is_placeholder(v) => {
                let (line, col) = doc.locate(key, Some(v));
                out.push(
                        Diagnostic::warning(
                            "W122",
                            format!("trường `{field}` vẫn ghi `{v}` thay cho thông tin thật; người đọc sẽ thấy đúng như vậy"),
                        )
                        .at(doc.text, line, col)
                        .field(field)
                        .hint("điền thông tin thật: pháp luật yêu cầu trang công khai thông tin này"),
                    );
            }
            Some(_) => {}
            None => {
                let (line, col) = doc.locate(key, None);
                out.push(
                    Diagnostic::warning(
                        "W123",
                        format!(
                            "chưa có trường `{field}`, thông tin pháp luật yêu cầu trang công khai"
                        ),
                    )
                    .at(doc.text, line, col)
                    .field(field)
                    .hint(match field.split_once('.') {
                        Some((group, name)) => {
                            format!("thêm dòng `  {name}: ...` vào nhóm `{group}:` trong site.yaml")
                        }
                        None => format!("thêm dòng `{field}: ...` vào site.yaml"),
                    }),
                );
            }
        };
        check(
            "responsible_person.name",
            "responsible_person",
            Some(&self.responsible_person.name),
        );
        check(
            "information_contact.name",
            "information_contact",
            Some(
                self.information_contact
                    .as_ref()
                    .map(|p| p.name.as_str())
                    .unwrap_or(""),
            ),
        );
        let phone = self
            .contact
            .phone
            .as_deref()
            .or_else(|| self.information_contact.as_ref()?.phone.as_deref());
        check("contact.phone", "contact", phone);
        out
    }

    /// Override the base URL (e.g. from `--base-url`).
    pub fn set_base_url(&mut self, url: &str) {
        self.base_url = url.to_string();
        if !self.base_url.ends_with('/') {
            self.base_url.push('/');
        }
    }

    /// The path part of `base_url` without its trailing slash: "" or "/canhvinh".
    pub fn base_path(&self) -> String {
        let after_scheme = self
            .base_url
            .split_once("://")
            .map(|x| x.1)
            .unwrap_or(&self.base_url);
        match after_scheme.find('/') {
            Some(i) => after_scheme[i..].trim_end_matches('/').to_string(),
            None => String::new(),
        }
    }

    /// `https://host/sub` without the trailing slash, to prefix site paths.
    pub fn base_origin_and_path(&self) -> &str {
        self.base_url.trim_end_matches('/')
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostics::Diagnostic;

    /// Every mangled mistake of the bad-input corpora as site.yaml: the
    /// explainer never panics, and what it points at is a line of the file.
    #[test]
    fn mangled_mistakes_never_panic_as_site_yaml() {
        for t in crate::content::yaml_hints::tests::mangled_mistakes() {
            let in_file = |d: &Diagnostic| {
                if let Some(line) = d.line {
                    assert!(
                        line >= 1 && line <= t.lines().count().max(1) + 1,
                        "{t:?}: {d:?}"
                    );
                }
            };
            if let Err(ds) = super::SiteConfig::parse(&t) {
                ds.iter().for_each(in_file);
            }
        }
    }
}
