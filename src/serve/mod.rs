//! `trangxa serve`: a live preview. The site is built into memory (a
//! production `public/` is never touched), served over HTTP on 127.0.0.1, and
//! rebuilt incrementally on every change to its sources; open pages reload by
//! themselves, and a build error shows as an overlay over the last good site.
//!
//! `rebuild` keeps the site and re-renders what an edit touches, `watch`
//! turns file system events into changed paths, `http` serves (axum on
//! tokio), `access` decides who may ask, `reload` talks to the browser.

pub mod access;
pub mod editor;
pub mod http;
pub mod rebuild;
pub mod reload;
pub mod watch;

use std::collections::HashMap;
use std::io::Write;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use crate::diagnostics::{Diagnostic, Lang};
use crate::options::Options;
use crate::summary;
use http::{Served, Server};
use rebuild::{Delta, Rebuilder};
use reload::Hub;
use watch::{Change, Watcher};

/// How `serve` runs.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// What to build; `base_url` defaults to the served address.
    pub site: Options,
    pub bind: IpAddr,
    /// 0 lets the system choose a free port (printed at start).
    pub port: u16,
    /// Open the site in the default browser once it is served.
    pub open: bool,
    /// The language of what is printed and of the error overlay.
    pub lang: Lang,
    /// The access token; beyond loopback one is generated when not given.
    pub token: Option<String>,
}

/// Run until the process is stopped. Returns only on a setup failure.
pub fn run(opts: ServeOptions) -> Result<(), Vec<Diagnostic>> {
    let mut site_opts = opts.site.clone();
    site_opts.root = std::fs::canonicalize(&site_opts.root).map_err(|e| {
        vec![
            Diagnostic::error(
                "E001",
                format!(
                    "không tìm thấy thư mục trang `{}`: {e}",
                    site_opts.root.display()
                ),
            )
            .hint("dùng `--root THƯ_MỤC` (nơi có site.yaml)"),
        ]
    })?;
    let listener = TcpListener::bind(SocketAddr::new(opts.bind, opts.port)).map_err(|e| {
        vec![
            Diagnostic::error(
                "E040",
                format!("không mở được cổng {} trên {}: {e}", opts.port, opts.bind),
            )
            .hint("cổng có thể đang được chương trình khác dùng: chọn cổng khác với `--port`, ví dụ `--port 1112`"),
        ]
    })?;
    let addr = listener.local_addr().map_err(|e| {
        vec![Diagnostic::error(
            "E040",
            format!("không đọc được địa chỉ máy chủ: {e}"),
        )]
    })?;
    let url = format!("http://{addr}/");
    let token = match (&opts.token, opts.bind.is_loopback()) {
        (Some(t), _) => Some(t.clone()),
        (None, true) => None,
        (None, false) => Some(access::random_token().ok_or_else(|| {
            vec![
                Diagnostic::error(
                    "E040",
                    "không tạo được mã truy cập ngẫu nhiên cho máy chủ xem trước".to_string(),
                )
                .hint("đặt mã bằng `--token MÃ` (ít nhất 16 ký tự khó đoán)"),
            ]
        })?),
    };
    let access = access::Access::new(opts.bind, token.clone());
    let with_token = |u: String| match &token {
        Some(t) => format!("{u}?token={t}"),
        None => u,
    };
    let open_url = with_token(url.clone());
    let editor_url = with_token(format!("{url}_bien-tap/"));
    if !opts.bind.is_loopback() {
        let w = Diagnostic::warning(
            "W040",
            format!(
                "máy chủ xem trước đang mở cho mọi máy trong mạng ({}): ai có địa chỉ kèm mã truy cập đều xem được cả bài nháp và sửa được bài",
                opts.bind
            ),
        )
        .hint("chỉ gửi địa chỉ có mã cho người cần xem, trên mạng tin cậy; bỏ `--bind` để chỉ máy này xem được (127.0.0.1)");
        eprintln!("{}\n", w.localized(opts.lang).display(opts.lang));
    }
    if site_opts.base_url.is_none() {
        site_opts.base_url = Some(url.clone());
    }

    let mut rebuilder = Rebuilder::new(&site_opts);
    let served = Arc::new(RwLock::new(Served::default()));
    let hub = Arc::new(Hub::default());
    // Picture variants are served from the image cache, where the images
    // stage writes them (`images::process`).
    let roots = [
        site_opts.root.join("static"),
        site_opts.root.join(".cache").join("images"),
    ];
    let _ = std::fs::create_dir_all(&roots[1]);
    let roots = roots
        .iter()
        .map(|r| std::fs::canonicalize(r).unwrap_or_else(|_| r.clone()))
        .collect();
    let server = Arc::new(Server::new(served.clone(), hub.clone(), roots, access));
    let editor = editor::Editor::new(&site_opts).ok_or_else(|| {
        vec![Diagnostic::error(
            "E040",
            "không tạo được mã truy cập ngẫu nhiên cho máy chủ xem trước".to_string(),
        )]
    })?;
    let app = http::router(server, editor::router(Arc::new(editor)));

    let lang_for_server = opts.lang;
    let first = rebuilder.rebuild(&[]);
    let mut out = Outlets {
        served,
        hub,
        generation: 0,
        lang: opts.lang,
    };
    out.publish(&rebuilder, first, &[], None);

    std::thread::Builder::new()
        .name("trangxa-accept".into())
        .spawn(move || {
            if let Err(e) = http::run(app, listener) {
                eprintln!("{}", summary::watch_failed(lang_for_server, &e.to_string()));
            }
        })
        .map_err(|e| {
            vec![Diagnostic::error(
                "E040",
                format!("không chạy được máy chủ: {e}"),
            )]
        })?;

    let (tx, rx) = channel();
    let search_tx = tx.clone();
    let mut watcher = Watcher::start(&site_opts.root, tx).map_err(|d| vec![d])?;
    println!("{}", summary::serving(opts.lang, &open_url));
    println!("{}", summary::editor_at(opts.lang, &editor_url));
    let _ = std::io::stdout().flush();
    if opts.open {
        open_browser(&open_url, opts.lang);
    }
    watch_loop(&rx, &search_tx, &mut watcher, &mut rebuilder, &mut out);
    Ok(())
}

/// How long saves must pause before the search index is built again.
const SEARCH_AFTER_QUIET: Duration = Duration::from_millis(300);

/// Let the calling thread run only on a core nothing else wants. The search
/// index takes seconds of CPU on a large site; on two cores it would halve
/// the speed of the rebuild that the next save starts, which the writer is
/// waiting for, while nobody waits for the index.
fn run_when_idle() {
    #[cfg(target_os = "linux")]
    {
        let param = libc::sched_param { sched_priority: 0 };
        // SAFETY: plain system call on the calling thread (pid 0) with a
        // valid parameter; failure only leaves the priority as it was.
        unsafe {
            libc::sched_setscheduler(0, libc::SCHED_IDLE, &param);
        }
    }
}

/// Wait for changes, gather a burst into one batch, rebuild, publish.
fn watch_loop(
    rx: &Receiver<Change>,
    search_tx: &Sender<Change>,
    watcher: &mut Watcher,
    rebuilder: &mut Rebuilder,
    out: &mut Outlets,
) {
    // At most one search index is built at a time, in the background; one
    // made stale by a later edit is dropped when it arrives.
    let mut search_running = false;
    loop {
        // The index is started once saves pause, so that a run of quick
        // saves is not slowed by indexes that the next save makes stale.
        let first = if !search_running && rebuilder.search_pending() {
            match rx.recv_timeout(SEARCH_AFTER_QUIET) {
                Ok(c) => c,
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                    if let Some(job) = rebuilder.take_search_job() {
                        let tx = search_tx.clone();
                        let started = std::thread::Builder::new()
                            .name("trangxa-search".into())
                            .spawn(move || {
                                run_when_idle();
                                let _ = tx.send(Change::Search(job.run()));
                            });
                        search_running = started.is_ok();
                    }
                    continue;
                }
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
            }
        } else {
            match rx.recv() {
                Ok(c) => c,
                Err(_) => break,
            }
        };
        let mut paths = Vec::new();
        let mut everything = false;
        let mut searches = Vec::new();
        let mut take = |c: Change, paths: &mut Vec<PathBuf>| match c {
            Change::Paths(p) => paths.extend(p),
            Change::Everything => everything = true,
            Change::Failed(msg) => eprintln!("{}", summary::watch_failed(out.lang, &msg)),
            Change::Search(built) => searches.push(built),
        };
        take(first, &mut paths);
        // A burst (a checkout, a copied folder) arrives in several batches:
        // take in whatever is already waiting, so it costs one rebuild.
        while let Ok(c) = rx.recv_timeout(Duration::from_millis(1)) {
            take(c, &mut paths);
        }
        for built in searches {
            search_running = false;
            if let Some(delta) = rebuilder.apply_search(built) {
                out.publish_search(rebuilder, delta);
            }
        }
        paths.sort();
        paths.dedup();
        if watcher.touches_roots(&paths) {
            watcher.refresh();
            everything = true;
        }
        if paths.is_empty() && !everything {
            continue;
        }
        let old_css = rebuilder.stylesheets().clone();
        let result = if everything {
            rebuilder.rebuild_everything()
        } else {
            rebuilder.rebuild(&paths)
        };
        let swaps = css_swaps(rebuilder, &old_css);
        out.publish(rebuilder, result, &paths, Some(&swaps));
    }
}

/// Stylesheet URLs that a CSS-only change renamed (old href → new href).
fn css_swaps(
    rebuilder: &Rebuilder,
    old: &std::collections::BTreeMap<String, String>,
) -> Vec<(String, String)> {
    let base = rebuilder.base_path();
    rebuilder
        .stylesheets()
        .iter()
        .filter_map(|(name, new)| {
            let old = old.get(name)?;
            (old != new).then(|| (format!("{base}/{old}"), format!("{base}/{new}")))
        })
        .collect()
}

/// Where a build's result goes: the served site, the open pages (through the
/// hub) and the terminal, in `lang`.
struct Outlets {
    served: Arc<RwLock<Served>>,
    hub: Arc<Hub>,
    /// Counts published builds, so a page reloads once per build.
    generation: u64,
    lang: Lang,
}

impl Outlets {
    /// Serve a search index built after the pages. Open pages are not
    /// reloaded for it: the search page reads the new index when next used.
    fn publish_search(&mut self, rebuilder: &Rebuilder, delta: Delta) {
        if let Ok(mut s) = self.served.write() {
            s.status = status_body(rebuilder, self.generation, self.lang);
            for (path, bytes) in &delta.written {
                s.files.insert(path.clone(), bytes.clone());
            }
            for path in &delta.removed {
                s.files.remove(path);
            }
        }
        let clock = chrono::Local::now().format("%H:%M:%S").to_string();
        println!(
            "{}",
            summary::search_refreshed(self.lang, &clock, delta.written.len(), delta.elapsed)
        );
        let _ = std::io::stdout().flush();
    }

    /// Put a build's result in front of the user.
    fn publish(
        &mut self,
        rebuilder: &Rebuilder,
        result: Result<Delta, Vec<Diagnostic>>,
        changed: &[PathBuf],
        swaps: Option<&[(String, String)]>,
    ) {
        let lang = self.lang;
        let root = rebuilder.root();
        let clock = chrono::Local::now().format("%H:%M:%S").to_string();
        let rel = |p: &PathBuf| p.strip_prefix(root).unwrap_or(p).display().to_string();
        let what = summary::changes(lang, &changed.iter().map(rel).collect::<Vec<_>>());
        match result {
            Ok(delta) => {
                for w in &delta.warnings {
                    if changed.is_empty() || mentions(w, changed) {
                        eprintln!("{}\n", w.localized(lang).display(lang));
                    }
                }
                let touched = !delta.written.is_empty()
                    || !delta.removed.is_empty()
                    || delta.statics.is_some();
                if let Ok(mut s) = self.served.write() {
                    for (path, bytes) in &delta.written {
                        s.files.insert(path.clone(), bytes.clone());
                    }
                    for path in &delta.removed {
                        s.files.remove(path);
                    }
                    if let Some(statics) = &delta.statics {
                        s.statics = statics
                            .iter()
                            .map(|f| (f.rel.clone(), f.source.clone()))
                            .collect::<HashMap<_, _>>();
                    }
                    s.base_path = rebuilder.base_path();
                }
                let static_edit = changed
                    .iter()
                    .any(|p| p.components().any(|c| c.as_os_str() == "static"));
                if touched || static_edit {
                    self.generation += 1;
                    let css = swaps.filter(|s| delta.css_only && !s.is_empty());
                    self.hub.built(self.generation, css);
                } else {
                    self.hub.unchanged();
                }
                if changed.is_empty() {
                    println!(
                        "{}",
                        summary::served_build(
                            lang,
                            &clock,
                            delta.written.len(),
                            delta.jobs_total,
                            delta.elapsed,
                            delta.warnings.len()
                        )
                    );
                } else {
                    let mut written: Vec<&str> =
                        delta.written.iter().map(|(p, _)| p.as_str()).collect();
                    written.sort_unstable();
                    let r = summary::Rebuilt {
                        clock: &clock,
                        what: &what,
                        rendered: delta.jobs_rendered,
                        items: delta.jobs_total,
                        took: delta.elapsed,
                        written: &written,
                        removed: delta.removed.len(),
                        css_only: delta.css_only,
                    };
                    println!("{}", summary::rebuilt(lang, &r));
                }
            }
            Err(diags) => {
                // Every error; warnings only about the files just changed.
                for d in diags
                    .iter()
                    .filter(|d| d.is_error() || mentions(d, changed))
                {
                    eprintln!("{}\n", d.localized(lang).display(lang));
                }
                let errors = diags.iter().filter(|d| d.is_error()).count();
                println!("{}", summary::serve_failed(lang, &clock, &what, errors));
                self.hub.failed(reload::overlay_html(&diags, lang));
            }
        }
        if let Ok(mut s) = self.served.write() {
            s.status = status_body(rebuilder, self.generation, lang);
        }
        let _ = std::io::stdout().flush();
    }
}

/// The body of `/__trangxa/status`: the JSON `build --format json` prints,
/// for the site as `rebuilder` last built it, plus the live-reload build
/// number (`generation`). Kept apart from the HTTP layer so any server can
/// answer with it.
pub fn status_body(rebuilder: &Rebuilder, generation: u64, lang: Lang) -> String {
    let mut status = rebuilder.status(lang);
    status["generation"] = generation.into();
    let mut body = status.to_string();
    body.push('\n');
    body
}

/// A warning about one of the changed files (others were printed before).
fn mentions(d: &Diagnostic, changed: &[PathBuf]) -> bool {
    match &d.file {
        Some(f) => changed.iter().any(|c| c.ends_with(f)),
        None => true,
    }
}

fn open_browser(url: &str, lang: Lang) {
    let cmd = if cfg!(target_os = "macos") {
        ("open", vec![url])
    } else if cfg!(windows) {
        ("cmd", vec!["/C", "start", "", url])
    } else {
        ("xdg-open", vec![url])
    };
    if let Err(e) = std::process::Command::new(cmd.0)
        .args(&cmd.1)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
    {
        eprintln!("{}", summary::browser_failed(lang, &e.to_string(), url));
    }
}
