//! A small HTTP/1.1 server for the preview: GET and HEAD of the site held in
//! memory, the site's static files, and the live-reload event stream.
//!
//! It never builds a file system path from a URL: a request path is decoded,
//! checked, and looked up in the map of built files or of listed static files;
//! a static file is served only if its real path (symlinks resolved) is still
//! inside `static/` (or, for a picture variant, the image cache folder). One thread per connection, a bounded number of them.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::RecvTimeoutError;
use std::sync::{Arc, RwLock};
use std::time::Duration;

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

const MAX_CONNECTIONS: usize = 128;
const MAX_HEADER_BYTES: usize = 16 * 1024;

pub struct Server {
    pub served: Arc<RwLock<Served>>,
    pub hub: Arc<Hub>,
    /// `static/` and the image cache with symlinks resolved: nothing outside
    /// them is ever served.
    pub static_roots: Vec<PathBuf>,
    active: AtomicUsize,
}

impl Server {
    pub fn new(served: Arc<RwLock<Served>>, hub: Arc<Hub>, static_roots: Vec<PathBuf>) -> Server {
        Server {
            served,
            hub,
            static_roots,
            active: AtomicUsize::new(0),
        }
    }

    /// Accept connections until the process ends.
    pub fn run(self: Arc<Self>, listener: TcpListener) {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            if self.active.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
                self.active.fetch_sub(1, Ordering::SeqCst);
                let _ = respond(
                    &mut stream,
                    503,
                    "text/plain; charset=utf-8",
                    b"busy\n",
                    false,
                );
                continue;
            }
            let server = self.clone();
            let spawned = std::thread::Builder::new()
                .name("trangxa-http".into())
                .spawn(move || {
                    let _ = server.handle(stream);
                    server.active.fetch_sub(1, Ordering::SeqCst);
                });
            if spawned.is_err() {
                self.active.fetch_sub(1, Ordering::SeqCst);
            }
        }
    }

    fn handle(&self, mut stream: TcpStream) -> std::io::Result<()> {
        // The head and the body go out as two writes: without this, the body's
        // last segment can wait for the browser to acknowledge the head.
        stream.set_nodelay(true)?;
        stream.set_read_timeout(Some(Duration::from_secs(10)))?;
        stream.set_write_timeout(Some(Duration::from_secs(10)))?;
        let request = match read_request(&stream) {
            Ok(r) => r,
            Err(status) => {
                return respond(&mut stream, status, "text/plain; charset=utf-8", b"", false);
            }
        };
        let head = request.method == "HEAD";
        if request.method != "GET" && !head {
            return stream.write_all(
                b"HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            );
        }
        let path = match decode_path(&request.target) {
            Some(p) => p,
            None => {
                return respond(
                    &mut stream,
                    400,
                    "text/plain; charset=utf-8",
                    b"bad path\n",
                    head,
                );
            }
        };
        if path == reload::EVENTS_PATH {
            return self.events(stream);
        }
        if path == STATUS_PATH {
            let body = self
                .served
                .read()
                .map(|s| s.status.clone())
                .unwrap_or_default();
            return respond(
                &mut stream,
                200,
                "application/json; charset=utf-8",
                body.as_bytes(),
                head,
            );
        }
        match self.lookup(&path) {
            Found::File(rel, bytes) => {
                let ctype = content_type(&rel);
                if ctype.starts_with("text/html") {
                    let page = reload::inject(&bytes, self.hub.overlay().as_deref());
                    respond(&mut stream, 200, ctype, &page, head)
                } else {
                    respond(&mut stream, 200, ctype, &bytes, head)
                }
            }
            Found::Static(rel, source) => self.send_static(&mut stream, &rel, &source, head),
            Found::Redirect(to) => {
                let msg = format!(
                    "HTTP/1.1 301 Moved Permanently\r\nLocation: {to}\r\nContent-Length: 0\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n"
                );
                stream.write_all(msg.as_bytes())
            }
            Found::Nothing => self.not_found(&mut stream, head),
        }
    }

    fn lookup(&self, path: &str) -> Found {
        let Ok(served) = self.served.read() else {
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

    fn send_static(
        &self,
        stream: &mut TcpStream,
        rel: &str,
        source: &Path,
        head: bool,
    ) -> std::io::Result<()> {
        // The list holds no symlinks, but a folder may have been swapped for
        // one since: resolve the real path and insist it is inside static/.
        let real = match std::fs::canonicalize(source) {
            Ok(r) if self.static_roots.iter().any(|d| r.starts_with(d)) && r.is_file() => r,
            _ => return self.not_found(stream, head),
        };
        let Ok(mut file) = std::fs::File::open(&real) else {
            return self.not_found(stream, head);
        };
        let len = file.metadata().map(|m| m.len()).unwrap_or(0);
        write_head(stream, 200, content_type(rel), len)?;
        if !head {
            std::io::copy(&mut Read::by_ref(&mut file).take(len), stream)?;
        }
        stream.flush()
    }

    fn not_found(&self, stream: &mut TcpStream, head: bool) -> std::io::Result<()> {
        let page = self
            .served
            .read()
            .ok()
            .and_then(|s| s.files.get("404.html").cloned());
        let body = match page {
            Some(p) => reload::inject(&p, self.hub.overlay().as_deref()),
            None => reload::inject(
                "<!DOCTYPE html><html lang=\"vi\"><meta charset=\"utf-8\"><title>Không tìm thấy trang</title><body><h1>Không tìm thấy trang</h1></body></html>".as_bytes(),
                self.hub.overlay().as_deref(),
            ),
        };
        respond(stream, 404, "text/html; charset=utf-8", &body, head)
    }

    /// Hold the connection open and forward live-reload events; a comment
    /// line every 15 seconds finds closed connections.
    fn events(&self, mut stream: TcpStream) -> std::io::Result<()> {
        stream.write_all(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n",
        )?;
        stream.flush()?;
        let rx = self.hub.subscribe();
        loop {
            let msg = match rx.recv_timeout(Duration::from_secs(15)) {
                Ok(m) => m,
                Err(RecvTimeoutError::Timeout) => ": ping\n\n".to_string(),
                Err(RecvTimeoutError::Disconnected) => return Ok(()),
            };
            stream.write_all(msg.as_bytes())?;
            stream.flush()?;
        }
    }
}

enum Found {
    File(String, Bytes),
    Static(String, PathBuf),
    Redirect(String),
    Nothing,
}

struct Request {
    method: String,
    target: String,
}

/// Read the request line and headers (bounded in size and time).
fn read_request(stream: &TcpStream) -> Result<Request, u16> {
    let mut reader = BufReader::new(stream.take(MAX_HEADER_BYTES as u64));
    let mut line = String::new();
    reader.read_line(&mut line).map_err(|_| 400u16)?;
    let mut parts = line.split_whitespace();
    let (Some(method), Some(target), Some(version)) = (parts.next(), parts.next(), parts.next())
    else {
        return Err(400);
    };
    if !version.starts_with("HTTP/1.") {
        return Err(505);
    }
    let request = Request {
        method: method.to_string(),
        target: target.to_string(),
    };
    // Skip the headers; a request without their end is too large or cut off.
    loop {
        let mut h = String::new();
        match reader.read_line(&mut h) {
            Ok(0) => return Err(431),
            Ok(_) if h == "\r\n" || h == "\n" => return Ok(request),
            Ok(_) => {}
            Err(_) => return Err(400),
        }
    }
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

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "Error",
    }
}

fn write_head(stream: &mut TcpStream, status: u16, ctype: &str, len: u64) -> std::io::Result<()> {
    let head = format!(
        "HTTP/1.1 {status} {}\r\nContent-Type: {ctype}\r\nContent-Length: {len}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        reason(status)
    );
    stream.write_all(head.as_bytes())
}

fn respond(
    stream: &mut TcpStream,
    status: u16,
    ctype: &str,
    body: &[u8],
    head: bool,
) -> std::io::Result<()> {
    write_head(stream, status, ctype, body.len() as u64)?;
    if !head {
        stream.write_all(body)?;
    }
    stream.flush()
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
