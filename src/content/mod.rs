//! LOAD: walk `content/`, read each file (UTF-8, NFC), split its front matter
//! and deserialize it into the typed struct its folder calls for.
//!
//! Every problem becomes a diagnostic and loading goes on, so one run reports
//! every broken file, not just the first.

pub mod article;
pub mod document;
pub mod event;
pub mod front_matter;
pub mod page;
pub mod plan;
pub mod procedure;
pub mod types;
pub mod unit;
pub mod yaml_hints;

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::de::DeserializeOwned;
use walkdir::WalkDir;

use crate::diagnostics::Diagnostic;
use crate::vi;

pub use article::Article;
pub use document::Document;
pub use event::Event;
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
    pub text: std::sync::Arc<str>,
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

    pub fn warning_at(
        &self,
        code: &'static str,
        field: &str,
        value: Option<&str>,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            severity: crate::diagnostics::Severity::Warning,
            ..self.error_at(code, field, value, message)
        }
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
    /// Offline activities (`content/hoat-dong/`).
    pub events: Vec<Loaded<Event>>,
    /// Files that failed to load. They still exist for what other files say
    /// about them: one broken unit file is one error, not one more in every
    /// file that names the unit.
    pub broken: Vec<Loaded<Broken>>,
}

/// What can be told of a content file that failed to load: the names other
/// files may call it by, read line by line from whatever of its front matter
/// still reads (`id`, `name`, `short_name`, `aliases`, `code`). Its key (the
/// file name) names it in any case.
#[derive(Debug, Clone, Default)]
pub struct Broken {
    pub names: Vec<String>,
}

impl Broken {
    /// Salvage the names of a file whose front matter does not parse.
    fn salvage(text: &str) -> Broken {
        let yaml = front_matter::split(text).map(|d| d.yaml).unwrap_or("");
        let lines: Vec<&str> = yaml.lines().collect();
        let mut names = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            let Some((key, _)) = line.split_once(':') else {
                continue;
            };
            if !["id", "name", "short_name", "aliases", "code"].contains(&key) {
                continue;
            }
            // The key's line and the indented lines under it, alone.
            let mut chunk = String::from(*line);
            for next in &lines[i + 1..] {
                if !next.starts_with([' ', '-']) {
                    break;
                }
                chunk.push('\n');
                chunk.push_str(next);
            }
            match serde_yaml::from_str::<serde_yaml::Value>(&chunk) {
                Ok(serde_yaml::Value::Mapping(m)) => {
                    for v in m.values() {
                        match v {
                            serde_yaml::Value::Sequence(items) => names.extend(
                                items.iter().filter_map(|x| x.as_str().map(str::to_string)),
                            ),
                            other => names.extend(other.as_str().map(str::to_string)),
                        }
                    }
                }
                _ => continue,
            }
        }
        Broken { names }
    }
}

/// The names, keys and procedure codes of the files that failed to load.
#[derive(Debug, Default, Clone)]
pub struct BrokenIndex {
    /// Unit ids and names, folded.
    units: std::collections::HashSet<String>,
    /// Content keys (`van-ban/2025/135-kh-ubnd`, `ke-hoach/…`).
    keys: std::collections::HashSet<String>,
    /// Procedure codes.
    codes: std::collections::HashSet<String>,
}

impl BrokenIndex {
    pub fn new(broken: &[Loaded<Broken>]) -> BrokenIndex {
        let mut index = BrokenIndex::default();
        for b in broken {
            index.keys.insert(b.key.clone());
            let stem = b.stem().to_string();
            if b.key.starts_with("don-vi/") {
                index.units.insert(vi::fold(&stem));
                index.units.extend(b.meta.names.iter().map(|n| vi::fold(n)));
            } else if b.key.starts_with("thu-tuc/") {
                index.codes.insert(stem);
                index
                    .codes
                    .extend(b.meta.names.iter().map(|n| n.trim().to_string()));
            }
        }
        index
    }

    /// A unit written as id, name or alias of a unit file that failed to load.
    pub fn unit(&self, name: &str) -> bool {
        !self.units.is_empty() && self.units.contains(&vi::fold(name))
    }

    /// A content key (`van-ban/…`, `ke-hoach/…`) of a file that failed to load.
    pub fn key(&self, key: &str) -> bool {
        self.keys.contains(key.trim().trim_matches('/'))
    }

    /// The code of a procedure file that failed to load.
    pub fn code(&self, code: &str) -> bool {
        self.codes.contains(code.trim())
    }
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
    Event,
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
            "hoat-dong" => Some(Kind::Event),
            _ => None,
        }
    }
}

/// One parsed content file, of whichever type its folder says.
#[derive(Debug, Clone)]
pub enum Entry {
    Unit(Loaded<Unit>),
    Article(Loaded<Article>),
    Page(Loaded<Page>),
    Document(Loaded<Document>),
    Procedure(Loaded<Procedure>),
    Event(Loaded<Event>),
    /// A file of a known type that failed to load.
    Broken(Loaded<Broken>),
}

impl Entry {
    pub fn key(&self) -> &str {
        match self {
            Entry::Unit(l) => &l.key,
            Entry::Article(l) => &l.key,
            Entry::Page(l) => &l.key,
            Entry::Document(l) => &l.key,
            Entry::Procedure(l) => &l.key,
            Entry::Event(l) => &l.key,
            Entry::Broken(l) => &l.key,
        }
    }

    pub fn is_broken(&self) -> bool {
        matches!(self, Entry::Broken(_))
    }
}

/// Insert or replace `l` in a list kept sorted by key.
fn upsert<T>(list: &mut Vec<Loaded<T>>, l: Loaded<T>) {
    match list.binary_search_by(|x| x.key.as_str().cmp(&l.key)) {
        Ok(i) => list[i] = l,
        Err(i) => list.insert(i, l),
    }
}

/// The file of `key` in a list kept sorted by key.
pub fn by_key<'a, T>(list: &'a [Loaded<T>], key: &str) -> Option<&'a Loaded<T>> {
    list.binary_search_by(|x| x.key.as_str().cmp(key))
        .ok()
        .map(|i| &list[i])
}

fn remove_key<T>(list: &mut Vec<Loaded<T>>, key: &str) -> bool {
    match list.binary_search_by(|x| x.key.as_str().cmp(key)) {
        Ok(i) => {
            list.remove(i);
            true
        }
        Err(_) => false,
    }
}

impl Content {
    /// Add a file, replacing the one with the same key: how `serve` takes in
    /// an edited file without reloading the others.
    pub fn insert(&mut self, entry: Entry) {
        match entry {
            Entry::Unit(l) => upsert(&mut self.units, l),
            Entry::Article(l) => upsert(&mut self.articles, l),
            Entry::Page(l) => upsert(&mut self.pages, l),
            Entry::Document(l) => upsert(&mut self.documents, l),
            Entry::Procedure(l) => upsert(&mut self.procedures, l),
            Entry::Event(l) => upsert(&mut self.events, l),
            Entry::Broken(l) => upsert(&mut self.broken, l),
        }
    }

    /// Forget the file with this key (it was deleted or renamed away).
    pub fn remove(&mut self, key: &str) -> bool {
        remove_key(&mut self.units, key)
            || remove_key(&mut self.articles, key)
            || remove_key(&mut self.pages, key)
            || remove_key(&mut self.documents, key)
            || remove_key(&mut self.procedures, key)
            || remove_key(&mut self.events, key)
            || remove_key(&mut self.broken, key)
    }

    /// Add one file given as bytes, as if it were `content/<key>.md` (the
    /// first segment of `key` chooses its type). For tools and fuzzing;
    /// the site loader reads files itself.
    pub fn add_bytes(&mut self, key: &str, bytes: Vec<u8>) -> Vec<Diagnostic> {
        let folder = key.split('/').next().unwrap_or("");
        let Some(kind) = Kind::from_folder(folder) else {
            return vec![Diagnostic::error(
                "E001",
                format!("không có loại nội dung `{folder}`"),
            )];
        };
        let rel = PathBuf::from(format!("content/{key}.md"));
        let (entry, diags) = parse_bytes(&rel, key, kind, bytes);
        if let Some(e) = entry {
            self.insert(e);
        }
        diags
    }
}

/// Files an editor leaves behind while saving; never content.
pub fn is_editor_temp(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || name.starts_with('#')
        || name.ends_with(".swp")
        || name.ends_with(".tmp")
}

/// Every file (and symlink) under `dir`, which lies inside `root/content`,
/// sorted by path; unreadable folders become diagnostics.
pub fn files_under(dir: &Path) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut diags = Vec::new();
    for entry in WalkDir::new(dir).sort_by_file_name() {
        match entry {
            Ok(e) if !e.file_type().is_dir() => files.push(e.into_path()),
            Ok(_) => {}
            Err(e) => diags.push(Diagnostic::error("E001", format!("không đọc được: {e}"))),
        }
    }
    (files, diags)
}

/// The error of a site without its `content/` folder (a command run in the
/// wrong folder), or `None` when the folder is there. Every command that
/// reads content reports it this one way.
pub fn missing_folder(root: &Path) -> Option<Diagnostic> {
    let content_dir = root.join("content");
    if content_dir.is_dir() {
        return None;
    }
    Some(
        Diagnostic::error(
            "E001",
            format!(
                "không tìm thấy thư mục nội dung `{}`",
                content_dir.display()
            ),
        )
        .hint("chạy lệnh trong thư mục của trang (nơi có site.yaml), hoặc dùng `--root THƯ_MỤC`"),
    )
}

/// Load every content file under `root/content`.
pub fn load(root: &Path) -> (Content, Vec<Diagnostic>) {
    let content_dir = root.join("content");
    if let Some(d) = missing_folder(root) {
        return (Content::default(), vec![d]);
    }
    let (files, mut diags) = files_under(&content_dir);
    let results: Vec<(Option<Entry>, Vec<Diagnostic>)> =
        files.par_iter().map(|path| load_file(root, path)).collect();
    let mut content = Content::default();
    for (entry, file_diags) in results {
        diags.extend(file_diags);
        if let Some(e) = entry {
            content.insert(e);
        }
    }
    (content, diags)
}

/// Decide what a path under `content/` is (editor leftovers: nothing; a
/// symlink, a non-Markdown file or a file outside the known folders: a
/// warning) and parse it if it is content.
pub fn load_file(root: &Path, path: &Path) -> (Option<Entry>, Vec<Diagnostic>) {
    let content_dir = root.join("content");
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    if is_editor_temp(&name) {
        return (None, Vec::new());
    }
    let rel = path.strip_prefix(root).unwrap_or(path).to_path_buf();
    let meta = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) => {
            let d = Diagnostic::error("E001", format!("không đọc được tệp: {e}")).in_file(&rel);
            return (None, vec![d]);
        }
    };
    if meta.file_type().is_symlink() {
        let d = Diagnostic::warning(
            "W005",
            "bỏ qua liên kết tượng trưng (symlink) trong thư mục nội dung",
        )
        .in_file(&rel);
        return (None, vec![d]);
    }
    if meta.is_dir() {
        return (None, Vec::new());
    }
    if path.extension().and_then(|e| e.to_str()) != Some("md") {
        let d = Diagnostic::warning(
            "W006",
            "bỏ qua tệp không phải Markdown (.md) trong thư mục nội dung",
        )
        .in_file(&rel)
        .hint("tệp đính kèm và ảnh đặt trong thư mục static/files/");
        return (None, vec![d]);
    }
    let in_content = path.strip_prefix(&content_dir).unwrap_or(path);
    let folder = in_content
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy().to_string());
    match folder.as_deref().and_then(Kind::from_folder) {
        Some(kind) if in_content.components().count() > 1 => parse_file(path, rel, in_content, kind),
        _ => (
            None,
            vec![
                Diagnostic::warning("W007", "tệp nằm ngoài các thư mục nội dung được hỗ trợ nên không được đăng")
                    .in_file(&rel)
                    .hint("đặt tệp vào content/tin-tuc/, content/trang/, content/van-ban/, content/ke-hoach/, content/thu-tuc/, content/hoat-dong/ hoặc content/don-vi/"),
            ],
        ),
    }
}

fn parse_file(
    path: &Path,
    rel: PathBuf,
    in_content: &Path,
    kind: Kind,
) -> (Option<Entry>, Vec<Diagnostic>) {
    let key = crate::paths::slashed(&in_content.with_extension(""));
    // A content file is a few KB; a huge one is a mistake (a pasted binary) and
    // would make every later stage slow.
    const MAX_FILE: u64 = 4 * 1024 * 1024;
    if let Ok(meta) = std::fs::metadata(path) {
        if meta.len() > MAX_FILE {
            let d = Diagnostic::error(
                "E027",
                format!("tệp quá lớn ({} KB); giới hạn là 4 MB", meta.len() / 1024),
            )
            .in_file(&rel)
            .hint("đặt tệp đính kèm lớn vào static/files/ và liên kết tới nó");
            return (None, vec![d]);
        }
    }
    match std::fs::read(path) {
        Ok(bytes) => parse_bytes(&rel, &key, kind, bytes),
        Err(e) => (
            None,
            vec![Diagnostic::error("E001", format!("không đọc được tệp: {e}")).in_file(&rel)],
        ),
    }
}

/// Decode, normalize and parse one content file's bytes. No IO: the loader
/// and the fuzz targets share it. A file that does not load is kept as
/// `Entry::Broken`, so what other files say about it is not reported again.
fn parse_bytes(
    rel: &Path,
    key: &str,
    kind: Kind,
    bytes: Vec<u8>,
) -> (Option<Entry>, Vec<Diagnostic>) {
    let lossy = String::from_utf8_lossy(&bytes).into_owned();
    let (entry, diags) = parse_text(rel, key, kind, bytes);
    match entry {
        Some(e) => (Some(e), diags),
        None if diags.iter().any(Diagnostic::is_error) => {
            let text = vi::nfc(&lossy);
            let broken = Loaded {
                key: key.to_string(),
                source: rel.to_path_buf(),
                meta: Broken::salvage(&text),
                text: text.into(),
            };
            (Some(Entry::Broken(broken)), diags)
        }
        None => (None, diags),
    }
}

fn parse_text(
    rel: &Path,
    key: &str,
    kind: Kind,
    bytes: Vec<u8>,
) -> (Option<Entry>, Vec<Diagnostic>) {
    let rel = rel.to_path_buf();
    let mut diags = Vec::new();
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
    if let Some((line, col, word)) = vi::legacy_encoding(&text) {
        diags.push(
            Diagnostic::warning("W010", format!("văn bản có vẻ được dán từ bảng mã cũ TCVN3/VNI (ví dụ `{word}`)"))
                .in_file(&rel)
                .at(&text, line, col)
                .hint("chuyển văn bản gốc sang Unicode (Unikey: Công cụ chuyển mã, từ TCVN3 hoặc VNI sang Unicode) rồi dán lại"),
        );
    }
    let doc = match front_matter::split(&text) {
        Ok(d) => d,
        Err(d) => {
            diags.push(d.in_file(&rel));
            return (None, diags);
        }
    };
    // Bounded before any HTML parser sees the body (see `markdown::html_too_deep`).
    if let Some((line, _)) = crate::markdown::html_too_deep(doc.body) {
        let mut d = Diagnostic::error(
            "E109",
            format!(
                "HTML viết trong bài lồng quá sâu (quá {} lớp thẻ)",
                crate::markdown::MAX_HTML_DEPTH
            ),
        )
        .in_file(&rel)
        .hint("bỏ bớt các thẻ lồng nhau, hoặc viết nội dung bằng Markdown thay cho HTML");
        // The line only: quoting it could print megabytes of tags.
        d.line = Some(doc.body_line + line);
        diags.push(d);
        return (None, diags);
    }
    fn parse<T: DeserializeOwned>(
        doc: &front_matter::Document,
        rel: &Path,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<T> {
        match doc.parse::<T>() {
            Ok(t) => {
                diags.extend(yaml_hints::lint(doc).into_iter().map(|d| d.in_file(rel)));
                Some(t)
            }
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
            text: text.into(),
            meta,
        }
    }
    let parsed = match kind {
        Kind::Unit => parse::<Unit>(&doc, &rel, &mut diags).map(|u| {
            diags.extend(u.validate(&doc).into_iter().map(|d| d.in_file(&rel)));
            Entry::Unit(wrap(key, &rel, &text, u))
        }),
        Kind::Article => parse::<Article>(&doc, &rel, &mut diags).map(|a| {
            diags.extend(a.validate(&doc).into_iter().map(|d| d.in_file(&rel)));
            Entry::Article(wrap(key, &rel, &text, a))
        }),
        Kind::Page => {
            parse::<Page>(&doc, &rel, &mut diags).map(|p| Entry::Page(wrap(key, &rel, &text, p)))
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
            Entry::Document(wrap(key, &rel, &text, d))
        }),
        // A plan is a document with its plan fields filled.
        Kind::Plan => parse::<Document>(&doc, &rel, &mut diags).map(|d| {
            diags.extend(d.validate(&doc).into_iter().map(|x| x.in_file(&rel)));
            diags.extend(d.validate_plan(&doc).into_iter().map(|x| x.in_file(&rel)));
            Entry::Document(wrap(key, &rel, &text, d))
        }),
        Kind::Procedure => parse::<Procedure>(&doc, &rel, &mut diags).map(|p| {
            let stem = vi::nfc(key.rsplit('/').next().unwrap_or(key));
            diags.extend(p.validate(&doc, &stem).into_iter().map(|x| x.in_file(&rel)));
            Entry::Procedure(wrap(key, &rel, &text, p))
        }),
        Kind::Event => parse::<Event>(&doc, &rel, &mut diags).map(|e| {
            diags.extend(e.validate(&doc).into_iter().map(|x| x.in_file(&rel)));
            Entry::Event(wrap(key, &rel, &text, e))
        }),
    };
    (parsed, diags)
}
