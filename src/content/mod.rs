//! LOAD: walk `content/`, read each file (UTF-8, NFC), split its front matter
//! and deserialize it into the typed struct its folder calls for.
//!
//! Every problem becomes a diagnostic and loading goes on, so one run reports
//! every broken file, not just the first.

pub mod article;
pub mod document;
pub mod front_matter;
pub mod page;
pub mod plan;
pub mod procedure;
pub mod types;
pub mod unit;

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::de::DeserializeOwned;
use walkdir::WalkDir;

use crate::diagnostics::Diagnostic;
use crate::vi;

pub use article::Article;
pub use document::Document;
pub use page::Page;
pub use procedure::Procedure;
pub use unit::Unit;

/// One loaded content file.
#[derive(Debug, Clone)]
pub struct Loaded<T> {
    /// Content-relative id without extension: `tin-tuc/2026/03/abc`,
    /// `van-ban/2025/135-kh-ubnd`. Cross-references use it.
    pub key: String,
    /// Path for messages, relative to the site root: `content/tin-tuc/…`.
    pub source: PathBuf,
    /// The whole NFC text, kept to point at lines in later diagnostics.
    pub text: String,
    pub meta: T,
}

impl<T> Loaded<T> {
    /// The file's front matter view, for locating fields.
    pub fn doc(&self) -> front_matter::Document<'_> {
        front_matter::split(&self.text).unwrap_or(front_matter::Document {
            text: &self.text,
            yaml: "",
            yaml_line: 1,
            body: "",
            body_line: 1,
        })
    }

    /// The Markdown body and the file line it starts on.
    pub fn body(&self) -> (&str, usize) {
        let d = self.doc();
        (d.body, d.body_line)
    }

    /// The last path segment (file stem).
    pub fn stem(&self) -> &str {
        self.key.rsplit('/').next().unwrap_or(&self.key)
    }

    /// An error at `field` (and `value` inside it) of this file.
    pub fn error_at(
        &self,
        code: &'static str,
        field: &str,
        value: Option<&str>,
        message: impl Into<String>,
    ) -> Diagnostic {
        let (line, col) = self.doc().locate(field, value);
        Diagnostic::error(code, message)
            .in_file(&self.source)
            .at(&self.text, line, col)
            .field(field)
    }
}

/// Everything under `content/`, by type, in a stable order (sorted by key).
#[derive(Debug, Default)]
pub struct Content {
    pub units: Vec<Loaded<Unit>>,
    pub articles: Vec<Loaded<Article>>,
    pub pages: Vec<Loaded<Page>>,
    pub documents: Vec<Loaded<Document>>,
    pub procedures: Vec<Loaded<Procedure>>,
}

/// Which content type a file is, from its top folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Unit,
    Article,
    Page,
    Document,
    Plan,
    Procedure,
}

impl Kind {
    fn from_folder(folder: &str) -> Option<Kind> {
        match folder {
            "don-vi" => Some(Kind::Unit),
            "tin-tuc" => Some(Kind::Article),
            "trang" => Some(Kind::Page),
            "van-ban" => Some(Kind::Document),
            "ke-hoach" => Some(Kind::Plan),
            "thu-tuc" => Some(Kind::Procedure),
            _ => None,
        }
    }
}

enum Parsed {
    Unit(Loaded<Unit>),
    Article(Loaded<Article>),
    Page(Loaded<Page>),
    Document(Loaded<Document>),
    Procedure(Loaded<Procedure>),
}

/// Files an editor leaves behind while saving; never content.
fn is_editor_temp(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || name.starts_with('#')
        || name.ends_with(".swp")
        || name.ends_with(".tmp")
}

/// Load every content file under `root/content`.
pub fn load(root: &Path) -> (Content, Vec<Diagnostic>) {
    let content_dir = root.join("content");
    let mut diags = Vec::new();
    let mut files: Vec<(PathBuf, Kind)> = Vec::new();
    if !content_dir.is_dir() {
        diags.push(
            Diagnostic::error(
                "E001",
                format!(
                    "không tìm thấy thư mục nội dung `{}`",
                    content_dir.display()
                ),
            )
            .hint(
                "chạy lệnh trong thư mục của trang (nơi có site.yaml), hoặc dùng `--root THƯ_MỤC`",
            ),
        );
        return (Content::default(), diags);
    }
    for entry in WalkDir::new(&content_dir).sort_by_file_name() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                diags.push(Diagnostic::error("E001", format!("không đọc được: {e}")));
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy();
        let rel = entry
            .path()
            .strip_prefix(root)
            .unwrap_or(entry.path())
            .to_path_buf();
        if is_editor_temp(&name) || entry.file_type().is_dir() {
            continue;
        }
        if entry.path_is_symlink() {
            diags.push(
                Diagnostic::warning(
                    "W005",
                    "bỏ qua liên kết tượng trưng (symlink) trong thư mục nội dung",
                )
                .in_file(&rel),
            );
            continue;
        }
        if entry.path().extension().and_then(|e| e.to_str()) != Some("md") {
            diags.push(
                Diagnostic::warning(
                    "W006",
                    "bỏ qua tệp không phải Markdown (.md) trong thư mục nội dung",
                )
                .in_file(&rel)
                .hint("tệp đính kèm và ảnh đặt trong thư mục static/files/"),
            );
            continue;
        }
        let in_content = entry
            .path()
            .strip_prefix(&content_dir)
            .unwrap_or(entry.path());
        let folder = in_content
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy().to_string());
        match folder.as_deref().and_then(Kind::from_folder) {
            Some(kind) if in_content.components().count() > 1 => files.push((entry.path().to_path_buf(), kind)),
            _ => diags.push(
                Diagnostic::warning("W007", "tệp nằm ngoài các thư mục nội dung được hỗ trợ nên không được đăng")
                    .in_file(&rel)
                    .hint("đặt tệp vào content/tin-tuc/, content/trang/, content/van-ban/, content/ke-hoach/, content/thu-tuc/ hoặc content/don-vi/"),
            ),
        }
    }

    let results: Vec<(Option<Parsed>, Vec<Diagnostic>)> = files
        .par_iter()
        .map(|(path, kind)| load_file(root, &content_dir, path, *kind))
        .collect();

    let mut content = Content::default();
    for (parsed, file_diags) in results {
        diags.extend(file_diags);
        match parsed {
            Some(Parsed::Unit(u)) => content.units.push(u),
            Some(Parsed::Article(a)) => content.articles.push(a),
            Some(Parsed::Page(p)) => content.pages.push(p),
            Some(Parsed::Document(d)) => content.documents.push(d),
            Some(Parsed::Procedure(p)) => content.procedures.push(p),
            None => {}
        }
    }
    (content, diags)
}

fn load_file(
    root: &Path,
    content_dir: &Path,
    path: &Path,
    kind: Kind,
) -> (Option<Parsed>, Vec<Diagnostic>) {
    let rel = path.strip_prefix(root).unwrap_or(path).to_path_buf();
    let key = path
        .strip_prefix(content_dir)
        .unwrap_or(path)
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().to_string())
        .collect::<Vec<_>>()
        .join("/");
    let mut diags = Vec::new();
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            return (
                None,
                vec![Diagnostic::error("E001", format!("không đọc được tệp: {e}")).in_file(&rel)],
            );
        }
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            let d = Diagnostic::error("E002", "tệp không phải văn bản UTF-8 (có thể được lưu bằng bảng mã cũ TCVN3/VNI hoặc Windows-1258)")
                .in_file(&rel)
                .hint("mở tệp trong trình soạn thảo và lưu lại với bảng mã UTF-8 (Unicode)");
            let mut d = d;
            d.line = Some(line);
            return (None, vec![d]);
        }
    };
    let text = if vi::is_nfc(&text) {
        text
    } else {
        diags.push(
            Diagnostic::warning(
                "W001",
                "văn bản chưa ở dạng Unicode dựng sẵn (NFC); trang web dùng bản đã chuẩn hóa",
            )
            .in_file(&rel)
            .hint("lưu tệp bằng bộ gõ Unicode dựng sẵn để tìm kiếm và sắp xếp chính xác"),
        );
        vi::nfc(&text)
    };
    let doc = match front_matter::split(&text) {
        Ok(d) => d,
        Err(d) => {
            diags.push(d.in_file(&rel));
            return (None, diags);
        }
    };
    fn parse<T: DeserializeOwned>(
        doc: &front_matter::Document,
        rel: &Path,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<T> {
        match doc.parse::<T>() {
            Ok(t) => Some(t),
            Err(d) => {
                diags.push(d.in_file(rel));
                None
            }
        }
    }
    fn wrap<T>(key: &str, rel: &Path, text: &str, meta: T) -> Loaded<T> {
        Loaded {
            key: key.to_string(),
            source: rel.to_path_buf(),
            text: text.to_string(),
            meta,
        }
    }
    let parsed = match kind {
        Kind::Unit => parse::<Unit>(&doc, &rel, &mut diags).map(|u| {
            diags.extend(u.validate(&doc).into_iter().map(|d| d.in_file(&rel)));
            Parsed::Unit(wrap(&key, &rel, &text, u))
        }),
        Kind::Article => parse::<Article>(&doc, &rel, &mut diags).map(|a| {
            diags.extend(a.validate(&doc).into_iter().map(|d| d.in_file(&rel)));
            Parsed::Article(wrap(&key, &rel, &text, a))
        }),
        Kind::Page => {
            parse::<Page>(&doc, &rel, &mut diags).map(|p| Parsed::Page(wrap(&key, &rel, &text, p)))
        }
        Kind::Document => parse::<Document>(&doc, &rel, &mut diags).map(|d| {
            diags.extend(d.validate(&doc).into_iter().map(|x| x.in_file(&rel)));
            if d.has_plan_fields() {
                let field = plan::PLAN_FIELDS
                    .iter()
                    .find(|f| doc.yaml.lines().any(|l| l.starts_with(&format!("{f}:"))))
                    .copied()
                    .unwrap_or("activities");
                let (line, col) = doc.locate(field, None);
                diags.push(
                    Diagnostic::error("E086", format!("trường `{field}` chỉ dùng cho kế hoạch, chương trình, đề án"))
                        .in_file(&rel)
                        .at(&text, line, col)
                        .field(field)
                        .hint("chuyển tệp sang content/ke-hoach/<năm>/ để trang hiển thị danh mục hoạt động và theo dõi tiến độ"),
                );
            }
            Parsed::Document(wrap(&key, &rel, &text, d))
        }),
        // A plan is a document with its plan fields filled.
        Kind::Plan => parse::<Document>(&doc, &rel, &mut diags).map(|d| {
            diags.extend(d.validate(&doc).into_iter().map(|x| x.in_file(&rel)));
            diags.extend(d.validate_plan(&doc).into_iter().map(|x| x.in_file(&rel)));
            Parsed::Document(wrap(&key, &rel, &text, d))
        }),
        Kind::Procedure => parse::<Procedure>(&doc, &rel, &mut diags).map(|p| {
            let stem = path.file_stem().map(|s| s.to_string_lossy().to_string());
            let stem = vi::nfc(stem.as_deref().unwrap_or_default());
            diags.extend(p.validate(&doc, &stem).into_iter().map(|x| x.in_file(&rel)));
            Parsed::Procedure(Loaded {
                key: key.clone(),
                source: rel.clone(),
                text: text.clone(),
                meta: p,
            })
        }),
    };
    (parsed, diags)
}
