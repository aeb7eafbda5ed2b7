//! The preview's HTTP layer, on axum and tokio: GET and HEAD of the site held
//! in memory, the site's static files, the live-reload event stream, and the
//! editor's routes (`super::editor`), all behind the access check
//! (`super::access`: the `Host` header, and a token beyond loopback).
//!
//! It never builds a file system path from a URL: a request path is decoded,
//! checked, and looked up in the map of built files or of listed static files;
//! a static file is served only if its real path (symlinks resolved) is still
//! inside `static/` (or, for a picture variant, the image cache). Pages and event streams do not share a limit: streams
//! are counted on their own (a semaphore), so open tabs can never make a page
//! wait, and a stream's slot is given back as soon as its connection closes.

use std::collections::HashMap;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::{Arc, RwLock};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Router;
use axum::body::{Body, Bytes as BodyBytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, mpsc::UnboundedReceiver};
use tower_http::compression::CompressionLayer;

use super::access::{Access, Granted, Presented, Refusal};
use super::rebuild::Bytes;
use super::reload::{self, Hub};

/// What the server serves, swapped by the rebuild loop.
#[derive(Default)]
pub struct Served {
    /// Built files: output path (`tin-tuc/a/index.html`) → bytes.
    pub files: HashMap<String, Bytes>,
    /// Static files: output path → source file.
    pub statics: HashMap<String, PathBuf>,
    /// The site path prefix from `base_url` (`/canhvinh`, or empty).
    pub base_path: String,
    /// The body of the status endpoint: what `build --format json` prints
    /// for the site as it is now (`super::status_body`).
    pub status: String,
}

/// Path of the build-status endpoint (JSON), for tools and tests.
pub const STATUS_PATH: &str = "/__trangxa/status";

/// Open live-reload streams at most (one per open tab). Further streams are
/// refused (the page then simply does not reload by itself); pages are
/// never refused because of streams.
const MAX_STREAMS: usize = 1024;

/// A comment line on idle streams, so proxies and browsers keep them open.
const PING: Duration = Duration::from_secs(15);

pub struct Server {
    pub served: Arc<RwLock<Served>>,
    pub hub: Arc<Hub>,
    /// `static/` and the image cache (picture variants), symlinks resolved:
    /// nothing outside them is ever served.
    pub static_roots: Vec<PathBuf>,
    pub access: Access,
    streams: Arc<Semaphore>,
}

impl Server {
    pub fn new(
        served: Arc<RwLock<Served>>,
        hub: Arc<Hub>,
        static_roots: Vec<PathBuf>,
        access: Access,
    ) -> Server {
        Server {
            served,
            hub,
            static_roots,
            access,
            streams: Arc::new(Semaphore::new(MAX_STREAMS)),
        }
    }

    /// Open live-reload streams now.
    pub fn open_streams(&self) -> usize {
        MAX_STREAMS - self.streams.available_permits()
    }
}

/// The whole application: `extra` (the editor) and the site, behind the
/// access check, with compressed responses where the client asks for them.
pub fn router(server: Arc<Server>, extra: Router) -> Router {
    extra
        .merge(Router::new().fallback(site).with_state(server.clone()))
        .layer(CompressionLayer::new())
        .layer(middleware::from_fn_with_state(server, guard))
}

/// Serve `app` on `listener` until the process ends (blocks the thread).
pub fn run(app: Router, listener: std::net::TcpListener) -> std::io::Result<()> {
    use axum::serve::ListenerExt;
    listener.set_nonblocking(true)?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("trangxa-http")
        .enable_all()
        .build()?;
    rt.block_on(async move {
        // The head and the body go out as separate writes: without this,
        // the body's last segment can wait for the browser's acknowledgement.
        let listener = tokio::net::TcpListener::from_std(listener)?.tap_io(|tcp| {
            let _ = tcp.set_nodelay(true);
        });
        axum::serve(listener, app).await
    })
}

/// The access check (`Host`, token) before anything else, and the headers
/// every answer carries.
async fn guard(State(server): State<Arc<Server>>, req: Request, next: Next) -> Response {
    let granted = {
        let header_str = |name| {
            req.headers()
                .get(name)
                .and_then(|v: &HeaderValue| v.to_str().ok())
        };
        server.access.check(&Presented {
            host: header_str(header::HOST).or(req.uri().authority().map(|a| a.as_str())),
            query: req.uri().query(),
            cookie: header_str(header::COOKIE),
        })
    };
    let mut response = match granted {
        Err(Refusal::Host) => plain(
            StatusCode::MISDIRECTED_REQUEST,
            "Địa chỉ (Host) không phải của máy chủ xem trước này.\n",
        ),
        Err(Refusal::Token) => plain(
            StatusCode::UNAUTHORIZED,
            "Cần mã truy cập: mở đúng địa chỉ có `?token=…` mà lệnh `trangxa serve` đã in ra.\n",
        ),
        Ok(g) => {
            let mut r = next.run(req).await;
            if let Granted::SetCookie(c) = g
                && let Ok(v) = HeaderValue::from_str(&c)
            {
                r.headers_mut().append(header::SET_COOKIE, v);
            }
            r
        }
    };
    let h = response.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

/// A short plain-text answer.
pub fn plain(status: StatusCode, text: &str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        text.to_string(),
    )
        .into_response()
}

fn typed(ctype: &'static str, body: Vec<u8>) -> Response {
    ([(header::CONTENT_TYPE, ctype)], body).into_response()
}

/// The built site, its static files, the event stream and the status.
async fn site(State(server): State<Arc<Server>>, req: Request) -> Response {
    if req.method() != Method::GET && req.method() != Method::HEAD {
        return (
            StatusCode::METHOD_NOT_ALLOWED,
            [(header::ALLOW, "GET, HEAD")],
        )
            .into_response();
    }
    let Some(path) = decode_path(req.uri().path()) else {
        return plain(StatusCode::BAD_REQUEST, "bad path\n");
    };
    if path == reload::EVENTS_PATH {
        return events(&server);
    }
    if path == STATUS_PATH {
        // Build's JSON for the site as it is now, and the open streams.
        let status = server
            .served
            .read()
            .map(|s| s.status.clone())
            .unwrap_or_default();
        let mut json: serde_json::Value =
            serde_json::from_str(&status).unwrap_or_else(|_| serde_json::json!({}));
        json["streams"] = server.open_streams().into();
        let mut body = json.to_string();
        body.push('\n');
        return typed("application/json; charset=utf-8", body.into_bytes());
    }
    match lookup(&server, &path) {
        Found::File(rel, bytes) => {
            let ctype = content_type(&rel);
            if ctype.starts_with("text/html") {
                typed(
                    ctype,
                    reload::inject(&bytes, server.hub.overlay().as_deref()),
                )
            } else {
                typed(ctype, bytes.as_ref().clone())
            }
        }
        Found::Static(rel, source) => send_static(&server, &rel, source, req).await,
        Found::Redirect(to) => {
            (StatusCode::MOVED_PERMANENTLY, [(header::LOCATION, to)]).into_response()
        }
        Found::Nothing => not_found(&server),
    }
}

fn lookup(server: &Server, path: &str) -> Found {
    let Ok(served) = server.served.read() else {
        return Found::Nothing;
    };
    let base = served.base_path.as_str();
    let inner = if base.is_empty() {
        Some(path)
    } else if path == base || path == "/" {
        return Found::Redirect(format!("{base}/"));
    } else {
        path.strip_prefix(base).filter(|p| p.starts_with('/'))
    };
    let Some(inner) = inner else {
        return Found::Nothing;
    };
    let rel = &inner[1..];
    let file = if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_string()
    };
    if let Some(b) = served.files.get(&file) {
        return Found::File(file, b.clone());
    }
    if let Some(src) = served.statics.get(&file) {
        return Found::Static(file, src.clone());
    }
    if !rel.is_empty()
        && !rel.ends_with('/')
        && served.files.contains_key(&format!("{rel}/index.html"))
    {
        return Found::Redirect(format!("{path}/"));
    }
    Found::Nothing
}

/// A listed static file, streamed (with ranges) by tower-http.
async fn send_static(server: &Server, rel: &str, source: PathBuf, req: Request) -> Response {
    // The list holds no symlinks, but a folder may have been swapped for
    // one since: resolve the real path and insist it is inside static/.
    let real = match std::fs::canonicalize(&source) {
        Ok(r) if server.static_roots.iter().any(|d| r.starts_with(d)) && r.is_file() => r,
        _ => return not_found(server),
    };
    let mut file = tower_http::services::ServeFile::new(real);
    match file.try_call(req).await {
        Ok(r) if r.status().is_success() || r.status() == StatusCode::NOT_MODIFIED => {
            let mut r = r.map(Body::new);
            r.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static(content_type(rel)),
            );
            r
        }
        Ok(r) if r.status() == StatusCode::RANGE_NOT_SATISFIABLE => r.map(Body::new),
        _ => not_found(server),
    }
}

fn not_found(server: &Server) -> Response {
    let page = server
        .served
        .read()
        .ok()
        .and_then(|s| s.files.get("404.html").cloned());
    let overlay = server.hub.overlay();
    let body = match page {
        Some(p) => reload::inject(&p, overlay.as_deref()),
        None => reload::inject(
            "<!DOCTYPE html><html lang=\"vi\"><meta charset=\"utf-8\"><title>Không tìm thấy trang</title><body><h1>Không tìm thấy trang</h1></body></html>".as_bytes(),
            overlay.as_deref(),
        ),
    };
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response()
}

/// A live-reload stream, if a slot is free.
fn events(server: &Server) -> Response {
    let Ok(permit) = server.streams.clone().try_acquire_owned() else {
        return plain(
            StatusCode::SERVICE_UNAVAILABLE,
            "too many live-reload streams\n",
        );
    };
    let stream = EventStream {
        rx: server.hub.subscribe(),
        ping: tokio::time::interval_at(tokio::time::Instant::now() + PING, PING),
        _slot: permit,
    };
    (
        [(header::CONTENT_TYPE, "text/event-stream; charset=utf-8")],
        Body::from_stream(stream),
    )
        .into_response()
}

/// The events for one open page. When the browser goes, hyper drops the
/// response body at once (it reads the connection while it writes), and
/// with it this stream: the hub stops sending to it and the slot is free.
struct EventStream {
    rx: UnboundedReceiver<String>,
    ping: tokio::time::Interval,
    _slot: OwnedSemaphorePermit,
}

impl futures_core::Stream for EventStream {
    type Item = Result<BodyBytes, std::convert::Infallible>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        match self.rx.poll_recv(cx) {
            Poll::Ready(Some(msg)) => return Poll::Ready(Some(Ok(BodyBytes::from(msg)))),
            Poll::Ready(None) => return Poll::Ready(None),
            Poll::Pending => {}
        }
        match self.ping.poll_tick(cx) {
            Poll::Ready(_) => Poll::Ready(Some(Ok(BodyBytes::from_static(b": ping\n\n")))),
            Poll::Pending => Poll::Pending,
        }
    }
}

enum Found {
    File(String, Bytes),
    Static(String, PathBuf),
    Redirect(String),
    Nothing,
}

/// The URL path, percent-decoded and checked: `None` for anything that is not
/// a plain path below the root (no `..` or `.` segments, no backslashes, no
/// NUL or other control characters, valid UTF-8, origin-form).
pub fn decode_path(target: &str) -> Option<String> {
    let raw = target.split(['?', '#']).next().unwrap_or("");
    if !raw.starts_with('/') {
        return None;
    }
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let s = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(s, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    let path = String::from_utf8(out).ok()?;
    let bad_char = path.chars().any(|c| c.is_control() || c == '\\');
    let bad_segment = path.split('/').any(|seg| seg == "." || seg == "..");
    if bad_char || bad_segment || path.starts_with("//") || path.contains(':') {
        return None;
    }
    Some(path)
}

/// The Content-Type for an output path; text types say UTF-8.
pub fn content_type(path: &str) -> &'static str {
    let name = path.rsplit('/').next().unwrap_or(path);
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match (name, ext.as_str()) {
        ("rss.xml", _) => "application/rss+xml; charset=utf-8",
        ("atom.xml", _) => "application/atom+xml; charset=utf-8",
        (_, "html" | "htm") => "text/html; charset=utf-8",
        (_, "css") => "text/css; charset=utf-8",
        (_, "js" | "mjs") => "text/javascript; charset=utf-8",
        (_, "json") => "application/json; charset=utf-8",
        (_, "xml" | "xsl") => "application/xml; charset=utf-8",
        (_, "txt" | "md" | "csv") => "text/plain; charset=utf-8",
        (_, "svg") => "image/svg+xml; charset=utf-8",
        (_, "png") => "image/png",
        (_, "jpg" | "jpeg") => "image/jpeg",
        (_, "gif") => "image/gif",
        (_, "webp") => "image/webp",
        (_, "avif") => "image/avif",
        (_, "ico") => "image/x-icon",
        (_, "pdf") => "application/pdf",
        (_, "woff2") => "font/woff2",
        (_, "woff") => "font/woff",
        (_, "mp3") => "audio/mpeg",
        (_, "mp4") => "video/mp4",
        (_, "webm") => "video/webm",
        (_, "doc") => "application/msword",
        (_, "docx") => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (_, "xls") => "application/vnd.ms-excel",
        (_, "xlsx") => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        (_, "zip") => "application/zip",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traversal_forms_are_refused() {
        for bad in [
            "/../etc/passwd",
            "/a/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc%2Fpasswd",
            "/..%2f..%2fetc/passwd",
            "/a/%2e/b",
            "/..\\etc\\passwd",
            "/%5c..%5cetc",
            "/a%00.html",
            "//etc/passwd",
            "/C:/Windows/win.ini",
            "http://example.com/",
            "etc/passwd",
            "/%zz",
            "/%ff%fe",
        ] {
            assert_eq!(decode_path(bad), None, "{bad}");
        }
        assert_eq!(
            decode_path("/tin-tuc/a/?x=1#y").as_deref(),
            Some("/tin-tuc/a/")
        );
        assert_eq!(
            decode_path("/files/b%E1%BA%A3n.pdf").as_deref(),
            Some("/files/bản.pdf")
        );
    }

    #[test]
    fn text_types_say_utf8() {
        assert_eq!(content_type("a/index.html"), "text/html; charset=utf-8");
        assert_eq!(
            content_type("static/style.0123456789.css"),
            "text/css; charset=utf-8"
        );
        assert_eq!(
            content_type("chuyen-muc/x/rss.xml"),
            "application/rss+xml; charset=utf-8"
        );
        assert_eq!(
            content_type("sitemap.xml"),
            "application/xml; charset=utf-8"
        );
        assert_eq!(content_type("robots.txt"), "text/plain; charset=utf-8");
        assert_eq!(content_type("files/a.PDF"), "application/pdf");
    }
}
