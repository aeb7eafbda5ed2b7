//! Live reload: every open page keeps a server-sent-events connection to
//! `/__trangxa/events`; after a rebuild the server tells it to reload, to swap
//! a stylesheet in place, or to show (or clear) the error overlay.
//!
//! The small script doing this is added to HTML responses by `serve` only: it
//! is never part of the built site.

use std::sync::Mutex;

use tokio::sync::mpsc::{
    UnboundedReceiver as Receiver, UnboundedSender as Sender, unbounded_channel as channel,
};

use crate::diagnostics::{Diagnostic, Lang, Severity};

/// The URL path of the event stream.
pub const EVENTS_PATH: &str = "/__trangxa/events";

/// The script every served HTML page gets. Event names: `hello` (the build
/// number, on connect: a page older than the current build reloads), `reload`,
/// `css` (JSON pairs of old and new stylesheet URLs), `problem` (overlay HTML,
/// escaped by the server), `ok` (no more errors).
const SCRIPT: &str = r#"<script>
(function () {
  if (!window.EventSource) return;
  var built = null;
  var es = new EventSource("/__trangxa/events");
  function overlay(html) {
    var o = document.getElementById("trangxa-overlay");
    if (!html) { if (o) o.remove(); return; }
    if (!o) {
      o = document.createElement("div");
      o.id = "trangxa-overlay";
      document.body.appendChild(o);
    }
    o.innerHTML = html;
  }
  es.addEventListener("hello", function (e) {
    if (built !== null && built !== e.data) location.reload();
    built = e.data;
  });
  es.addEventListener("reload", function () { location.reload(); });
  es.addEventListener("css", function (e) {
    var swaps = JSON.parse(e.data);
    document.querySelectorAll('link[rel="stylesheet"]').forEach(function (l) {
      swaps.forEach(function (s) {
        if (l.getAttribute("href") === s[0]) l.setAttribute("href", s[1]);
      });
    });
  });
  es.addEventListener("problem", function (e) { overlay(e.data); });
  es.addEventListener("ok", function () { overlay(null); });
})();
</script>
"#;

/// Escape text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The error overlay: every diagnostic as the terminal prints it, escaped
/// (a message may quote front matter, which anyone can write). Errors come
/// first, so the first one is on the first screen of a 360 px phone; the
/// warnings are folded under them.
pub fn overlay_html(diags: &[Diagnostic], lang: Lang) -> String {
    let (errors, warnings): (Vec<&Diagnostic>, Vec<&Diagnostic>) =
        diags.iter().partition(|d| d.severity == Severity::Error);
    let mut html = String::from(
        "<div role=\"alert\" style=\"position:fixed;inset:0;z-index:2147483647;overflow:auto;\
         background:rgba(20,20,20,.94);color:#fff;padding:.75rem;font:14px/1.45 monospace\">",
    );
    html.push_str(&format!(
        "<p style=\"font:bold 15px/1.35 sans-serif;color:#ff8080;margin:0 0 .75rem\">{}</p>",
        escape(&crate::summary::overlay(lang, errors.len()))
    ));
    let shown = |d: &Diagnostic, color: &str| {
        format!(
            "<pre style=\"white-space:pre-wrap;overflow-wrap:anywhere;margin:0 0 .75rem;color:{color}\">{}</pre>",
            escape(&d.localized(lang).display(lang).to_string())
        )
    };
    for d in &errors {
        html.push_str(&shown(d, "#ffd0d0"));
    }
    if !warnings.is_empty() {
        html.push_str(&format!(
            "<details><summary style=\"cursor:pointer;color:#ffe9a8;font:bold 14px sans-serif;margin:0 0 .75rem\">{}</summary>",
            escape(&crate::summary::overlay_warnings(lang, warnings.len()))
        ));
        for d in &warnings {
            html.push_str(&shown(d, "#ffe9a8"));
        }
        html.push_str("</details>");
    }
    html.push_str("</div>");
    html
}

/// Add the live-reload script (and the overlay, while there are errors) to
/// an HTML page, before `</body>`.
pub fn inject(html: &[u8], overlay: Option<&str>) -> Vec<u8> {
    let mut extra = String::new();
    if let Some(o) = overlay {
        extra.push_str("<div id=\"trangxa-overlay\">");
        extra.push_str(o);
        extra.push_str("</div>\n");
    }
    extra.push_str(SCRIPT);
    let at = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + extra.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(extra.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

/// One server-sent event, `data` split over as many `data:` lines as it has.
pub fn event(name: &str, data: &str) -> String {
    let mut s = format!("event: {name}\n");
    for line in data.split('\n') {
        s.push_str("data: ");
        s.push_str(line.trim_end_matches('\r'));
        s.push('\n');
    }
    s.push('\n');
    s
}

/// The open event streams, and what a new one is told first.
#[derive(Default)]
pub struct Hub {
    inner: Mutex<HubState>,
}

#[derive(Default)]
struct HubState {
    clients: Vec<Sender<String>>,
    generation: u64,
    overlay: Option<String>,
}

impl Hub {
    /// A new stream: it first gets the build number and the current errors.
    pub fn subscribe(&self) -> Receiver<String> {
        let (tx, rx) = channel();
        if let Ok(mut s) = self.inner.lock() {
            let _ = tx.send(event("hello", &s.generation.to_string()));
            if let Some(o) = &s.overlay {
                let _ = tx.send(event("problem", o));
            }
            s.clients.push(tx);
        }
        rx
    }

    fn send(&self, msg: &str, update: impl FnOnce(&mut HubState)) {
        if let Ok(mut s) = self.inner.lock() {
            update(&mut s);
            // A closed stream's receiver is gone: sending fails and it is dropped.
            s.clients.retain(|c| c.send(msg.to_string()).is_ok());
        }
    }

    /// A new good build: reload the pages (or only swap stylesheets).
    pub fn built(&self, generation: u64, css_swaps: Option<&[(String, String)]>) {
        let msg = match css_swaps {
            Some(swaps) => event(
                "css",
                &serde_json::to_string(swaps).unwrap_or_else(|_| "[]".into()),
            ),
            None => event("reload", &generation.to_string()),
        };
        self.send(&msg, |s| {
            s.generation = generation;
            s.overlay = None;
        });
    }

    /// A good build that changed nothing a page shows: only clear the overlay.
    pub fn unchanged(&self) {
        let cleared = self
            .inner
            .lock()
            .map(|s| s.overlay.is_some())
            .unwrap_or(false);
        if cleared {
            self.send(&event("ok", ""), |s| s.overlay = None);
        }
    }

    /// A failed build: show its errors on every page.
    pub fn failed(&self, overlay: String) {
        let msg = event("problem", &overlay);
        self.send(&msg, |s| s.overlay = Some(overlay));
    }

    /// The overlay to put into pages served now, if a build has failed.
    pub fn overlay(&self) -> Option<String> {
        self.inner.lock().ok().and_then(|s| s.overlay.clone())
    }

    pub fn generation(&self) -> u64 {
        self.inner.lock().map(|s| s.generation).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlay_escapes_what_files_say() {
        let d = Diagnostic::error("E010", "không có đơn vị `<script>alert(1)</script>`")
            .in_file("content/tin-tuc/a.md");
        let html = overlay_html(std::slice::from_ref(&d), Lang::Vi);
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("content/tin-tuc/a.md"));
        let en = overlay_html(&[d], Lang::En);
        assert!(
            en.contains("The site could not be rebuilt: 1 error."),
            "{en}"
        );
        assert!(
            en.contains("error[E010]: there is no unit `&lt;script&gt;"),
            "{en}"
        );
    }

    #[test]
    fn errors_come_first_and_warnings_are_folded() {
        let w = Diagnostic::warning("W002", "văn bản chưa có tệp").in_file("content/a.md");
        let e = Diagnostic::error("E010", "không có đơn vị `x`").in_file("content/z.md");
        let html = overlay_html(&[w, e], Lang::Vi);
        let error_at = html.find("E010").unwrap();
        let details_at = html.find("<details>").unwrap();
        assert!(error_at < details_at, "{html}");
        assert!(html.find("W002").unwrap() > details_at, "{html}");
        assert!(html.contains("1 cảnh báo (bấm để xem)</summary>"), "{html}");
        // No fold when there is nothing to fold.
        let only = Diagnostic::error("E010", "không có đơn vị `x`");
        assert!(!overlay_html(&[only], Lang::Vi).contains("<details>"));
    }

    #[test]
    fn script_goes_before_the_last_body_end() {
        let page = b"<html><body><p>&lt;/body&gt;</p></body></html>";
        let out = String::from_utf8(inject(page, None)).unwrap();
        assert!(out.ends_with("</script>\n</body></html>"), "{out}");
        assert_eq!(out.matches("EventSource").count(), 2);
    }

    #[test]
    fn multi_line_data_becomes_several_data_lines() {
        assert_eq!(
            event("problem", "a\nb"),
            "event: problem\ndata: a\ndata: b\n\n"
        );
    }

    #[test]
    fn a_new_stream_hears_the_build_number_and_current_errors() {
        let hub = Hub::default();
        hub.built(3, None);
        hub.failed("<p>x</p>".into());
        let rx = hub.subscribe();
        let mut rx = rx;
        assert_eq!(rx.try_recv().unwrap(), "event: hello\ndata: 3\n\n");
        assert!(rx.try_recv().unwrap().starts_with("event: problem"));
        hub.unchanged();
        assert_eq!(rx.try_recv().unwrap(), "event: ok\ndata: \n\n");
    }
}
