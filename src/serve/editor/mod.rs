//! The browser editor at `/_bien-tap/`: staff list, write and save content
//! through forms instead of YAML, on the same origin as the preview.
//!
//! Safety, in the order a request meets it: the server's access check
//! (`Host`, token beyond loopback: `super::access`); on every request that
//! writes, the page's per-session token and a same-origin check (`allowed`),
//! else 403 and nothing written; file names checked and resolved only inside
//! `content/` and `static/` with no symlink on the way (`paths.rs`); the
//! edited file validated by the pipeline (`Site::build` over the site with
//! the edited file in memory) before anything is written; a file changed on
//! disk since the form was opened is never overwritten; writes go to a
//! temporary file renamed into place.

pub mod fields;
pub mod html;
mod list;
pub mod paths;
pub mod splice;

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde_yaml::Value;

use crate::config::SiteConfig;
use crate::diagnostics::Diagnostic;
use crate::options::Options;
use crate::serve::access;
use crate::serve::http::plain;
use crate::{markdown, pipeline, vi};
use fields::Field;
use html::FormView;
use splice::Parts;

/// A picture or attachment may be this large.
pub const MAX_UPLOAD: usize = 10 * 1024 * 1024;
/// Uploads per run of `serve`.
const MAX_UPLOADS: usize = 500;
/// A content file the editor opens may be this large.
const MAX_FILE: u64 = 4 * 1024 * 1024;

const CSS: &str = include_str!("assets/editor.css");
const JS: &str = include_str!("assets/editor.js");

/// The editor of one site.
pub struct Editor {
    /// The site folder, symlinks resolved.
    root: PathBuf,
    opts: Options,
    /// The per-session token every writing request must carry.
    csrf: String,
    uploads: AtomicUsize,
}

impl Editor {
    /// `None` if the system cannot make a random token.
    pub fn new(opts: &Options) -> Option<Editor> {
        Some(Editor {
            root: opts.root.clone(),
            opts: opts.clone(),
            csrf: access::random_token()?,
            uploads: AtomicUsize::new(0),
        })
    }

    fn now(&self) -> chrono::DateTime<chrono::FixedOffset> {
        pipeline::now(&self.opts)
    }

    /// The site path prefix (`/canhvinh`, or empty).
    fn base_path(&self) -> String {
        let url = self.opts.base_url.clone().unwrap_or_default();
        let after_scheme = url.split_once("://").map(|(_, r)| r).unwrap_or(&url);
        match after_scheme.split_once('/') {
            Some((_, p)) => format!("/{}", p.trim_end_matches('/'))
                .trim_end_matches('/')
                .to_string(),
            None => String::new(),
        }
    }

    /// A writing request carries this session's token and comes from a
    /// page of this server (Origin, or Sec-Fetch-Site when Origin is absent).
    fn allowed(&self, headers: &HeaderMap, token: Option<&str>) -> bool {
        let text = |n: header::HeaderName| headers.get(n).and_then(|v| v.to_str().ok());
        let token_ok = token.is_some_and(|t| access::same(t, &self.csrf));
        let host = text(header::HOST).unwrap_or("");
        let origin_ok = match text(header::ORIGIN) {
            Some(o) => !host.is_empty() && o == format!("http://{host}"),
            None => {
                headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) == Some("same-origin")
            }
        };
        token_ok && origin_ok
    }

    /// Problems of `rel` with `text` in place of the file: the whole site is
    /// loaded and modelled with the edited file in memory, so references to
    /// units, plans and documents are checked as a build would.
    fn validate(&self, rel: &str, text: &str) -> Vec<Diagnostic> {
        let key = rel.trim_end_matches(".md");
        let diags = match pipeline::check_edit(&self.opts, key, text) {
            Ok(d) => d,
            Err(config) => return config,
        };
        // This file's problems (the rest of the site is not the form's).
        let file = PathBuf::from("content").join(rel);
        let mut out: Vec<Diagnostic> = diags
            .into_iter()
            .filter(|d| d.file.as_deref() == Some(file.as_path()))
            .collect();
        crate::diagnostics::sort(&mut out);
        out
    }
}

pub fn router(editor: Arc<Editor>) -> Router {
    Router::new()
        .route(
            "/_bien-tap",
            get(|| async { Redirect::permanent("/_bien-tap/") }),
        )
        .route("/_bien-tap/", get(list::list))
        .route("/_bien-tap/sua", get(edit))
        .route("/_bien-tap/moi", get(new))
        .route("/_bien-tap/luu", post(save))
        .route("/_bien-tap/xem-truoc", post(preview))
        .route(
            "/_bien-tap/tai-len",
            post(upload).layer(DefaultBodyLimit::max(MAX_UPLOAD)),
        )
        .route("/_bien-tap/tai-nguyen/{file}", get(asset))
        .with_state(editor)
}

/// An editor page, with headers that keep it from being framed or from
/// running anything but its own script.
fn html_response(status: StatusCode, body: String) -> Response {
    let mut r = (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; img-src 'self' data: blob:; script-src 'self'; style-src 'self'; \
             frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'",
        ),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    r
}

fn forbidden() -> Response {
    plain(
        StatusCode::FORBIDDEN,
        "Yêu cầu ghi bị từ chối: thiếu mã phiên của trang biên tập hoặc không đến từ trang biên tập. Mở lại trang biên tập rồi thử lại.\n",
    )
}

async fn asset(axum::extract::Path(file): axum::extract::Path<String>) -> Response {
    match file.as_str() {
        "editor.css" => ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], CSS).into_response(),
        "editor.js" => (
            [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
            JS,
        )
            .into_response(),
        _ => plain(StatusCode::NOT_FOUND, "không có tệp này\n"),
    }
}

#[derive(serde::Deserialize)]
struct Open {
    #[serde(default)]
    tep: String,
    #[serde(default)]
    loai: String,
}

/// A file opened in the editor.
struct Opened {
    rel: String,
    bytes: Vec<u8>,
    text: String,
}

fn open_file(ed: &Editor, rel: &str) -> Result<Opened, Response> {
    let path = paths::resolve(&ed.root, rel, paths::Area::Content)
        .map_err(|e| plain(StatusCode::BAD_REQUEST, &format!("{e}\n")))?;
    let meta =
        std::fs::metadata(&path).map_err(|_| plain(StatusCode::NOT_FOUND, "không có tệp này\n"))?;
    if meta.len() > MAX_FILE {
        return Err(plain(
            StatusCode::PAYLOAD_TOO_LARGE,
            "tệp quá lớn để mở trong trình biên tập\n",
        ));
    }
    let bytes =
        std::fs::read(&path).map_err(|_| plain(StatusCode::NOT_FOUND, "không đọc được tệp\n"))?;
    let text = String::from_utf8(bytes.clone()).map_err(|_| {
        plain(
            StatusCode::UNPROCESSABLE_ENTITY,
            "tệp không phải văn bản UTF-8\n",
        )
    })?;
    Ok(Opened {
        rel: rel.to_string(),
        bytes,
        text,
    })
}

fn hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

/// Everything a form page shows besides the values.
struct Page<'a> {
    folder: &'a str,
    rel: Option<&'a str>,
    base: &'a str,
    diags: &'a [Diagnostic],
    notice: Option<&'a str>,
    conflict: Option<(&'a str, &'a str)>,
    status: StatusCode,
}

fn form_page(
    ed: &Editor,
    p: Page,
    value: &dyn Fn(&Field) -> Vec<String>,
    raw_yaml: &str,
    body: &str,
) -> Response {
    let scan = list::scan(ed);
    let config = SiteConfig::load(&ed.root).ok();
    let sections: Vec<(String, String)> = config
        .iter()
        .flat_map(|c| c.sections.iter())
        .map(|s| (s.id.clone(), s.name.clone()))
        .collect();
    let procedure_fields: Vec<(String, String)> = config
        .iter()
        .flat_map(|c| c.procedure_fields.iter())
        .map(|f| (f.clone(), f.clone()))
        .collect();
    let fields = fields::form_of(p.folder);
    let label = html::KINDS
        .iter()
        .find(|(k, _, _)| *k == p.folder)
        .map(|(_, l, _)| *l)
        .unwrap_or("Nội dung");
    // Named by what the form shows first (title, name, abstract), else the file.
    let shown = fields
        .and_then(|ff| {
            ff.iter()
                .find(|f| ["title", "name", "abstract"].contains(&f.key))
        })
        .and_then(|f| value(f).into_iter().next())
        .filter(|t| !t.is_empty());
    let title = match p.rel {
        Some(rel) => format!(
            "Sửa {}: {}",
            label.to_lowercase(),
            shown.as_deref().unwrap_or(rel)
        ),
        None => html::KINDS
            .iter()
            .find(|(k, _, _)| *k == p.folder)
            .map(|(_, _, n)| n.to_string())
            .unwrap_or_default(),
    };
    let view_url = p.rel.and_then(|rel| view_url(ed, rel));
    let view = FormView {
        heading: title.clone(),
        folder: p.folder,
        rel: p.rel,
        base: p.base,
        csrf: &ed.csrf,
        fields,
        value,
        raw_yaml,
        body,
        diags: p.diags,
        units: &scan.units,
        sections: &sections,
        activities: &scan.activities,
        procedures: &scan.procedures,
        procedure_fields: &procedure_fields,
        documents: &scan.documents,
        words: &scan.words,
        notice: p.notice,
        view_url: view_url.as_deref(),
        conflict: p.conflict,
    };
    html_response(p.status, html::page(&title, &ed.csrf, &html::form(&view)))
}

/// Where the preview shows a file (articles and pages).
fn view_url(ed: &Editor, rel: &str) -> Option<String> {
    let text =
        std::fs::read_to_string(paths::resolve(&ed.root, rel, paths::Area::Content).ok()?).ok()?;
    let fm: Value = serde_yaml::from_str(&Parts::parse(&text)?.yaml()).ok()?;
    let stem = rel.rsplit('/').next()?.trim_end_matches(".md");
    let slug = fm.get("slug").and_then(Value::as_str).unwrap_or(stem);
    let base = ed.base_path();
    match rel.split('/').next()? {
        "tin-tuc" => Some(format!("{base}/tin-tuc/{slug}/")),
        "trang" => Some(format!("{base}/{slug}/")),
        _ => None,
    }
}

async fn edit(State(ed): State<Arc<Editor>>, Query(o): Query<Open>) -> Response {
    tokio::task::spawn_blocking(move || {
        let file = match open_file(&ed, &o.tep) {
            Ok(f) => f,
            Err(r) => return r,
        };
        let folder = file.rel.split('/').next().unwrap_or("").to_string();
        let parts = Parts::parse(&file.text);
        let fm: Option<Value> = parts
            .as_ref()
            .and_then(|p| serde_yaml::from_str(&p.yaml()).ok());
        let (raw_yaml, body) = match &parts {
            Some(p) => (p.yaml(), p.body.clone()),
            None => (String::new(), file.text.clone()),
        };
        let base = hash(&file.bytes);
        let diags = ed.validate(&file.rel, &file.text);
        // A file whose front matter the form cannot read opens as text.
        let folder_for_form = if fm.is_some() { folder.as_str() } else { "" };
        let fm = fm.unwrap_or(Value::Null);
        let value = |f: &Field| shown(f, &fm, parts.as_ref());
        form_page(
            &ed,
            Page {
                folder: folder_for_form,
                rel: Some(&file.rel),
                base: &base,
                diags: &diags,
                notice: None,
                conflict: None,
                status: StatusCode::OK,
            },
            &value,
            &raw_yaml,
            &body,
        )
    })
    .await
    .unwrap_or_else(|_| plain(StatusCode::INTERNAL_SERVER_ERROR, "lỗi\n"))
}

async fn new(State(ed): State<Arc<Editor>>, Query(o): Query<Open>) -> Response {
    if !fields::CREATABLE.contains(&o.loai.as_str()) {
        return plain(
            StatusCode::NOT_FOUND,
            "chưa tạo được loại nội dung này trong trình biên tập\n",
        );
    }
    tokio::task::spawn_blocking(move || {
        let now = ed.now().format("%Y-%m-%dT%H:%M:00+07:00").to_string();
        let source = format!(
            "kind: thu_cong\nretrieved_at: {}\nverified: false\n",
            ed.now().format("%Y-%m-%d")
        );
        // What a new item usually is; every value can be changed in the form.
        let defaults: &[(&str, &str)] = match o.loai.as_str() {
            "tin-tuc" => &[("status", "draft"), ("kind", "tin"), ("published_at", &now)],
            "van-ban" => &[
                ("status", "draft"),
                ("issuer_level", "xa"),
                ("legal_status", "con_hieu_luc"),
                ("published_at", &now),
            ],
            "trang" => &[("status", "draft")],
            "thu-tuc" => &[
                ("levels", "[cap_xa]"),
                ("online_level", "khong"),
                ("legal_status", "con_hieu_luc"),
                ("channels", PROCEDURE_CHANNELS),
                ("dossier", PROCEDURE_DOSSIER),
                ("source", &source),
            ],
            _ => &[],
        };
        let mut fm = serde_yaml::Mapping::new();
        for (k, v) in defaults {
            // A default is YAML: a list (`[cap_xa]`) or a nested outline.
            let value = serde_yaml::from_str::<Value>(v)
                .ok()
                .filter(|v| !matches!(v, Value::Null))
                .unwrap_or_else(|| Value::String((*v).into()));
            fm.insert(Value::String((*k).into()), value);
        }
        let fm = Value::Mapping(fm);
        let value = |f: &Field| fields::values(f, &fm);
        form_page(
            &ed,
            Page {
                folder: &o.loai,
                rel: None,
                base: "",
                diags: &[],
                notice: None,
                conflict: None,
                status: StatusCode::OK,
            },
            &value,
            "",
            "",
        )
    })
    .await
    .unwrap_or_else(|_| plain(StatusCode::INTERNAL_SERVER_ERROR, "lỗi\n"))
}

/// The outline of a new procedure's channels: the parts a record has, to fill in.
const PROCEDURE_CHANNELS: &str = "- method: truc_tiep\n  processing_time:\n    text: ''\n  fees:\n  - kind: le_phi\n    text: ''\n";
/// The outline of a new procedure's dossier.
const PROCEDURE_DOSSIER: &str = "- items:\n  - name: ''\n    originals: 1\n    copies: 0\n";

/// What the form shows of a file: its values, and a nested part's own lines.
fn shown(f: &Field, fm: &Value, parts: Option<&Parts>) -> Vec<String> {
    match (f.widget, parts) {
        (fields::Widget::Yaml, Some(p)) => fields::raw_value(f, p),
        _ => fields::values(f, fm),
    }
}

/// The file's new text from the submitted form: only what the form changed.
fn apply(folder: &str, old: Option<&str>, form: &fields::Submitted) -> String {
    let get = |n: &str| {
        form.iter()
            .find(|(k, _)| k == n)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    };
    let mut body = fields::from_browser(get("noi_dung"));
    let form_fields = fields::form_of(folder);
    let old_parts = old.and_then(Parts::parse);
    let old_fm: Option<Value> = old_parts
        .as_ref()
        .and_then(|p| serde_yaml::from_str(&p.yaml()).ok());
    let mut parts = match (old_parts, old) {
        (Some(p), _) => p,
        (None, Some(text)) => Parts {
            head: String::new(),
            lines: Vec::new(),
            fence: String::new(),
            body: text.to_string(),
        },
        (None, None) => Parts::new_file(&[], ""),
    };
    match (form_fields, &old_fm) {
        (Some(ff), fm) if fm.is_some() || old.is_none() => {
            let null = Value::Null;
            let fm = fm.as_ref().unwrap_or(&null);
            let keys = fields::keys(ff);
            for (i, key) in keys.iter().enumerate() {
                let of_key: Vec<&Field> = ff.iter().filter(|f| f.key == *key).collect();
                let before: Vec<Vec<String>> = of_key
                    .iter()
                    .map(|f| fields::comparable(f, fields::values(f, fm)))
                    .collect();
                let after: Vec<Vec<String>> = of_key
                    .iter()
                    .map(|f| fields::comparable(f, fields::submitted(f, form)))
                    .collect();
                let required = of_key.iter().any(|f| f.required);
                let in_new =
                    old.is_none() && (required || after.iter().flatten().any(|v| !v.is_empty()));
                if before != after || in_new {
                    match of_key.first() {
                        Some(f) if matches!(f.widget, fields::Widget::Yaml) => {
                            match fields::raw_lines(f, form) {
                                Some(lines) => parts.set_raw(key, lines, &keys[..i]),
                                None => parts.set(key, None, &keys[..i]),
                            }
                        }
                        _ => {
                            let v = fields::value_of(ff, key, form, fm.get(key));
                            parts.set(key, v.as_ref(), &keys[..i]);
                        }
                    }
                }
            }
        }
        _ => {
            let yaml = fields::from_browser(get("front_matter"));
            if yaml != parts.yaml() {
                let mut lines: Vec<String> =
                    yaml.split_inclusive('\n').map(str::to_string).collect();
                if let Some(last) = lines.last_mut()
                    && !last.ends_with('\n')
                {
                    last.push('\n');
                }
                parts.lines = lines;
                if parts.head.is_empty() {
                    parts.head = "---\n".into();
                    parts.fence = "---\n".into();
                }
            }
        }
    }
    if old.is_none() && !body.is_empty() && !body.ends_with('\n') {
        body.push('\n');
    }
    if body != parts.body {
        parts.body = body;
    }
    parts.text()
}

/// Where a new file goes: its folder, dated for articles, named by its title.
fn new_rel(ed: &Editor, folder: &str, form: &fields::Submitted) -> Result<String, Diagnostic> {
    let get = |n: &str| {
        form.iter()
            .find(|(k, _)| k == n)
            .map(|(_, v)| v.trim())
            .unwrap_or("")
    };
    let year_month = |d: &str| match (d.get(..4), d.get(5..7)) {
        (Some(y), Some(m)) if y.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) => {
            (y.to_string(), m.to_string())
        }
        _ => (
            ed.now().format("%Y").to_string(),
            ed.now().format("%m").to_string(),
        ),
    };
    // Where the file goes and what names it: articles and pages by title,
    // documents by number and symbol (or abstract), units by their id.
    let (dir, source, field) = match folder {
        "tin-tuc" => {
            let (y, m) = year_month(get("published_at"));
            (
                format!("tin-tuc/{y}/{m}"),
                get("title").to_string(),
                "title",
            )
        }
        "van-ban" => {
            let (y, _) = year_month(get("issued_date"));
            let numbered = format!("{} {}", get("number"), get("symbol"));
            let source = if numbered.trim().is_empty() {
                get("abstract").to_string()
            } else {
                numbered
            };
            (format!("van-ban/{y}"), source, "abstract")
        }
        "don-vi" => ("don-vi".to_string(), get("id").to_string(), "id"),
        "thu-tuc" => ("thu-tuc".to_string(), get("code").to_string(), "code"),
        other => (other.to_string(), get("title").to_string(), "title"),
    };
    // A procedure's file is named by its national code as written (`1.000656`).
    let code_like = folder == "thu-tuc"
        && !source.is_empty()
        && source
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
        && !source.starts_with('.');
    let slug: String = if code_like {
        source.clone()
    } else {
        vi::slugify(&source).chars().take(80).collect::<String>()
    };
    let slug = slug.trim_end_matches('-').to_string();
    if slug.is_empty() {
        return Err(Diagnostic::error(
            "E200",
            "chưa có tiêu đề (hoặc mã): tên tệp được đặt theo đó",
        )
        .field(field)
        .hint("gõ tiêu đề (với đơn vị: mã đơn vị), có ít nhất một chữ hoặc số"));
    }
    // A unit's or a procedure's file is named by its id: never another name.
    let tries = if matches!(folder, "don-vi" | "thu-tuc") {
        1
    } else {
        99
    };
    for n in 1..=tries {
        let name = if n == 1 {
            slug.clone()
        } else {
            format!("{slug}-{n}")
        };
        let rel = format!("{dir}/{name}.md");
        let free = paths::resolve(&ed.root, &rel, paths::Area::Content)
            .map(|p| std::fs::symlink_metadata(p).is_err())
            .unwrap_or(false);
        if free {
            return Ok(rel);
        }
    }
    Err(
        Diagnostic::error("E201", format!("đã có tệp `{dir}/{slug}.md`"))
            .field(field)
            .hint("đổi tiêu đề hoặc mã cho khác đi"),
    )
}

async fn save(State(ed): State<Arc<Editor>>, headers: HeaderMap, body: Bytes) -> Response {
    let form: Vec<(String, String)> = serde_urlencoded::from_bytes(&body).unwrap_or_default();
    let token = form
        .iter()
        .find(|(k, _)| k == "_csrf")
        .map(|(_, v)| v.as_str());
    if !ed.allowed(&headers, token) {
        return forbidden();
    }
    tokio::task::spawn_blocking(move || save_blocking(&ed, &form))
        .await
        .unwrap_or_else(|_| plain(StatusCode::INTERNAL_SERVER_ERROR, "lỗi\n"))
}

fn save_blocking(ed: &Editor, form: &fields::Submitted) -> Response {
    let get = |n: &str| {
        form.iter()
            .find(|(k, _)| k == n)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    };
    let existing = get("tep").to_string();
    // An existing file's form is the one of its folder, whatever was posted;
    // an empty `loai` is a file opened as text.
    let folder = match (get("loai"), existing.split('/').next()) {
        ("", _) => String::new(),
        (_, Some(top)) if !existing.is_empty() => top.to_string(),
        (loai, _) => loai.to_string(),
    };
    let base = get("goc").to_string();
    let show = |rel: Option<&str>,
                base: &str,
                diags: &[Diagnostic],
                notice: Option<&str>,
                conflict: Option<(&str, &str)>,
                status| {
        let value = |f: &Field| fields::submitted(f, form);
        // Values as submitted: nothing typed is lost on a refused save.
        let value_positional = |f: &Field| {
            if fields::form_of(&folder).is_some() {
                value(f)
            } else {
                Vec::new()
            }
        };
        form_page(
            ed,
            Page {
                folder: &folder,
                rel,
                base,
                diags,
                notice,
                conflict,
                status,
            },
            &value_positional,
            &fields::from_browser(get("front_matter")),
            &fields::from_browser(get("noi_dung")),
        )
    };
    let (rel, old) = if existing.is_empty() {
        if !fields::CREATABLE.contains(&folder.as_str()) {
            return plain(StatusCode::BAD_REQUEST, "loại nội dung không hợp lệ\n");
        }
        match new_rel(ed, &folder, form) {
            Ok(rel) => (rel, None),
            Err(d) => return show(None, "", &[d], None, None, StatusCode::UNPROCESSABLE_ENTITY),
        }
    } else {
        match open_file(ed, &existing) {
            Ok(f) => {
                if !access::same(&hash(&f.bytes), &base) {
                    let ours = apply(&folder, Some(&f.text), form);
                    let d = Diagnostic::error(
                        "E202",
                        "tệp đã bị sửa ở nơi khác sau khi bạn mở nên chưa được lưu",
                    )
                    .hint("xem hai bản bên dưới, chép phần cần giữ, rồi mở lại tệp");
                    return show(
                        Some(&existing),
                        &base,
                        &[d],
                        None,
                        Some((&f.text, &ours)),
                        StatusCode::CONFLICT,
                    );
                }
                (existing.clone(), Some(f))
            }
            Err(r) => return r,
        }
    };
    if existing.is_empty() && rel.split('/').next() != Some(folder.as_str()) {
        return plain(StatusCode::BAD_REQUEST, "loại nội dung không hợp lệ\n");
    }
    let text = apply(&folder, old.as_ref().map(|o| o.text.as_str()), form);
    if old.as_ref().is_some_and(|o| o.text == text) {
        let base = hash(text.as_bytes());
        return show(
            Some(&rel),
            &base,
            &[],
            Some("Không có gì thay đổi, tệp giữ nguyên."),
            None,
            StatusCode::OK,
        );
    }
    let diags = ed.validate(&rel, &text);
    if diags.iter().any(Diagnostic::is_error) {
        let rel_shown = old.as_ref().map(|_| rel.as_str());
        return show(
            rel_shown,
            &base,
            &diags,
            None,
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    let written = paths::resolve(&ed.root, &rel, paths::Area::Content)
        .map_err(|e| e.to_string())
        .and_then(|path| {
            let expected = old.as_ref().map(|o| o.bytes.as_slice());
            paths::write_atomic(&path, text.as_bytes(), expected).map_err(|e| e.to_string())
        });
    match written {
        Ok(()) => {
            let clock = ed.now().format("%H:%M").to_string();
            let notice = format!("Đã lưu lúc {clock}. Trang xem trước tự cập nhật sau vài giây.");
            let base = hash(text.as_bytes());
            let fm_ok =
                Parts::parse(&text).and_then(|p| serde_yaml::from_str::<Value>(&p.yaml()).ok());
            let fm = fm_ok.unwrap_or(Value::Null);
            let parts = Parts::parse(&text);
            let value = |f: &Field| shown(f, &fm, parts.as_ref());
            form_page(
                ed,
                Page {
                    folder: &folder,
                    rel: Some(&rel),
                    base: &base,
                    diags: &diags,
                    notice: Some(&notice),
                    conflict: None,
                    status: StatusCode::OK,
                },
                &value,
                &parts.as_ref().map(|p| p.yaml()).unwrap_or_default(),
                &parts.as_ref().map(|p| p.body.clone()).unwrap_or_default(),
            )
        }
        Err(e) => {
            let d = Diagnostic::error("E203", format!("không ghi được tệp: {e}"))
                .hint("kiểm tra quyền ghi thư mục content/, rồi bấm Lưu lại");
            show(
                old.as_ref().map(|_| rel.as_str()),
                &base,
                &[d],
                None,
                None,
                StatusCode::INTERNAL_SERVER_ERROR,
            )
        }
    }
}

/// The body as the site will show it (the site's Markdown pipeline, raw
/// HTML sanitized).
async fn preview(State(ed): State<Arc<Editor>>, headers: HeaderMap, body: Bytes) -> Response {
    let token = headers.get("x-trangxa-csrf").and_then(|v| v.to_str().ok());
    if !ed.allowed(&headers, token) {
        return forbidden();
    }
    let text = fields::from_browser(&String::from_utf8_lossy(&body));
    let base = ed.base_path();
    let html = tokio::task::spawn_blocking(move || markdown::render(&text, &base).html)
        .await
        .unwrap_or_default();
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response()
}

#[derive(serde::Deserialize)]
struct UploadName {
    #[serde(default)]
    ten: String,
    /// `anh`: only a picture will do (the picture of an item).
    #[serde(default)]
    loai: String,
}

/// A picture or an attachment (PDF, DOCX, XLSX), stored under
/// `static/files/<year>/<month>/` with a slug name.
async fn upload(
    State(ed): State<Arc<Editor>>,
    headers: HeaderMap,
    Query(q): Query<UploadName>,
    body: Bytes,
) -> Response {
    let token = headers.get("x-trangxa-csrf").and_then(|v| v.to_str().ok());
    if !ed.allowed(&headers, token) {
        return forbidden();
    }
    if ed.uploads.fetch_add(1, Ordering::SeqCst) >= MAX_UPLOADS {
        return plain(
            StatusCode::TOO_MANY_REQUESTS,
            "Đã tải lên quá nhiều tệp trong phiên này: khởi động lại `trangxa serve`.\n",
        );
    }
    let typed = if q.loai == "anh" {
        paths::picture_type(&body)
    } else {
        paths::upload_type(&body)
    };
    let Some(ext) = typed else {
        return plain(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "Tệp không phải ảnh JPEG, PNG, WebP hay tệp PDF, Word (.docx), Excel (.xlsx) (kiểm tra theo nội dung tệp, không theo tên).\n",
        );
    };
    let now = ed.now();
    tokio::task::spawn_blocking(move || {
        match paths::store_upload(&ed.root, &q.ten, ext, &body, now) {
            Ok(url) => (
                [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
                serde_json::json!({ "url": url }).to_string(),
            )
                .into_response(),
            Err(e) => plain(
                StatusCode::BAD_REQUEST,
                &format!("Không lưu được ảnh: {e}\n"),
            ),
        }
    })
    .await
    .unwrap_or_else(|_| plain(StatusCode::INTERNAL_SERVER_ERROR, "lỗi\n"))
}
