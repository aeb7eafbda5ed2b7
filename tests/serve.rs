//! `trangxa serve` as a user meets it: the real binary on a free port, real
//! HTTP requests, files edited on disk and the change observed over HTTP
//! (with bounded waits, never fixed sleeps).

mod common;

use std::io::Write;
use std::net::TcpStream;
use std::time::{Duration, Instant};

use common::serve::{Serve, WAIT};
use common::{Fixture, article};

/// The stylesheet a page links to.
fn stylesheet_href(html: &str) -> String {
    html.split("rel=\"stylesheet\" href=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the page links a stylesheet")
        .to_string()
}

fn site() -> Fixture {
    let f = Fixture::new();
    f.write(
        "content/trang/gioi-thieu.md",
        "---\ntitle: Giới thiệu\n---\nXã Thử Nghiệm.\n",
    );
    for n in 1..=3 {
        f.write(
            &format!("content/tin-tuc/2026/11/bai-{n}.md"),
            &article(
                &format!("Bài số {n}"),
                &format!("2026-11-0{n}T08:00:00+07:00"),
                "",
            ),
        );
    }
    f
}

#[test]
fn serves_from_memory_with_utf8_types_the_reload_script_and_the_sites_404() {
    let f = site();
    f.write("public/production.txt", "bản đang chạy thật");
    let s = Serve::start(&f, &[]);
    let home = s.get("/");
    assert_eq!(home.status, 200);
    assert!(
        home.headers
            .contains("content-type: text/html; charset=utf-8"),
        "{}",
        home.headers
    );
    assert!(home.body.contains("Bài số 3") && home.body.contains("/__trangxa/events"));
    let rss = s.get("/rss.xml");
    assert!(rss.headers.contains("application/rss+xml; charset=utf-8"));
    assert!(
        !rss.body.contains("__trangxa"),
        "only HTML pages get the script"
    );
    let css_href = stylesheet_href(&home.body);
    assert!(s.get(&css_href).headers.contains("text/css; charset=utf-8"));
    let missing = s.get("/khong-co-trang-nay/");
    assert_eq!(missing.status, 404);
    assert!(
        missing.body.contains("<h1>Không tìm thấy trang</h1>"),
        "the site's own 404 page"
    );
    let moved = s.get("/tin-tuc");
    assert_eq!(moved.status, 301);
    assert!(moved.headers.contains("location: /tin-tuc/"));
    // The production folder is never touched.
    let public: Vec<_> = std::fs::read_dir(f.root().join("public"))
        .unwrap()
        .collect();
    assert_eq!(public.len(), 1);
    assert_eq!(
        std::fs::read_to_string(f.public("production.txt")).unwrap(),
        "bản đang chạy thật"
    );
}

#[test]
fn edits_new_files_renames_and_deletions_are_served() {
    let f = site();
    let s = Serve::start(&f, &[]);
    // Edit: a new title shows on the page and in the list.
    f.write(
        "content/tin-tuc/2026/11/bai-1.md",
        &article(
            "Bài số 1 đã sửa",
            "2026-11-01T08:00:00+07:00",
            "slug: bai-so-1\n",
        ),
    );
    s.wait_for("/tin-tuc/bai-so-1/", |r| {
        r.status == 200 && r.body.contains("Bài số 1 đã sửa")
    });
    s.wait_for("/tin-tuc/", |r| r.body.contains("Bài số 1 đã sửa"));
    assert_eq!(s.get("/tin-tuc/bai-1/").status, 404);
    // A new file.
    f.write(
        "content/tin-tuc/2026/11/bai-moi.md",
        &article("Bài mới đăng", "2026-11-20T08:00:00+07:00", ""),
    );
    s.wait_for("/tin-tuc/bai-moi/", |r| r.status == 200);
    s.wait_for("/", |r| r.body.contains("Bài mới đăng"));
    // The search index follows (built after the pages, in the background).
    s.wait_for("/tim-kiem/chi-muc/index.json", |r| {
        r.body.contains("\"count\":5")
    });
    // A save by rename (vim, VS Code): temp file, then rename over the original.
    let target = f.root().join("content/tin-tuc/2026/11/bai-2.md");
    let tmp = f.root().join("content/tin-tuc/2026/11/.bai-2.md.tmp");
    std::fs::write(
        &tmp,
        article("Bài hai lưu kiểu đổi tên", "2026-11-02T08:00:00+07:00", ""),
    )
    .unwrap();
    std::fs::rename(&tmp, &target).unwrap();
    s.wait_for("/tin-tuc/bai-2/", |r| {
        r.body.contains("Bài hai lưu kiểu đổi tên")
    });
    // A rename: the old URL goes, the new one comes.
    std::fs::rename(&target, f.root().join("content/tin-tuc/2026/11/bai-hai.md")).unwrap();
    s.wait_for("/tin-tuc/bai-hai/", |r| r.status == 200);
    s.wait_for("/tin-tuc/bai-2/", |r| r.status == 404);
    // A new folder with a file in it, then the folder deleted.
    f.write(
        "content/tin-tuc/2025/12/bai-cu.md",
        &article("Bài năm cũ", "2025-12-01T08:00:00+07:00", ""),
    );
    s.wait_for("/tin-tuc/bai-cu/", |r| r.status == 200);
    std::fs::remove_dir_all(f.root().join("content/tin-tuc/2025")).unwrap();
    s.wait_for("/tin-tuc/bai-cu/", |r| r.status == 404);
    // A deletion.
    std::fs::remove_file(f.root().join("content/tin-tuc/2026/11/bai-moi.md")).unwrap();
    s.wait_for("/tin-tuc/bai-moi/", |r| r.status == 404);
    s.wait_for("/", |r| !r.body.contains("Bài mới đăng"));
    assert!(s.status_ok());
}

#[test]
fn a_broken_file_keeps_the_last_good_site_and_shows_the_error_until_fixed() {
    let f = site();
    let s = Serve::start(&f, &[]);
    let rel = "content/tin-tuc/2026/11/bai-3.md";
    let good = std::fs::read_to_string(f.root().join(rel)).unwrap();
    f.write(
        rel,
        &good.replace(
            "units: [phong-kinh-te]",
            "units: [\"<script>alert(1)</script>\"]",
        ),
    );
    let page = s.wait_for("/tin-tuc/bai-3/", |r| r.body.contains("trangxa-overlay\">"));
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("Bài số 3"),
        "the last good page is still served"
    );
    assert!(
        page.body.contains("content/tin-tuc/2026/11/bai-3.md:5"),
        "file and line in the overlay"
    );
    assert!(
        page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "escaped"
    );
    assert!(!page.body.contains("<script>alert(1)"));
    assert!(!s.status_ok());
    let stderr = s.stderr.lock().unwrap().clone();
    assert!(
        stderr.contains("lỗi[E010]") && stderr.contains("bai-3.md:5"),
        "{stderr}"
    );
    // Fixing the file clears the overlay.
    f.write(rel, &good);
    s.wait_for("/tin-tuc/bai-3/", |r| {
        !r.body.contains("trangxa-overlay\">")
    });
    assert!(s.status_ok());
}

#[test]
fn the_browser_is_told_to_reload_or_to_swap_only_the_stylesheet() {
    let f = site();
    let s = Serve::start(&f, &[]);
    let events = s.events();
    assert!(
        events
            .recv_timeout(WAIT)
            .unwrap()
            .starts_with("event: hello")
    );
    let stylesheet = || stylesheet_href(&s.get("/").body);
    let old = stylesheet();
    let css = f.root().join("themes/default/static/style.css");
    let text = std::fs::read_to_string(&css).unwrap();
    std::fs::write(&css, format!("{text}\n.moi {{ color: red; }}\n")).unwrap();
    let e = events.recv_timeout(WAIT).unwrap();
    assert!(e.starts_with("event: css") && e.contains(&old), "{e}");
    let new = stylesheet();
    assert_ne!(old, new);
    assert!(e.contains(&new), "{e}");
    assert!(s.get(&new).body.contains(".moi { color: red; }"));
    // A content edit reloads.
    f.write(
        "content/tin-tuc/2026/11/bai-1.md",
        &article("Bài một mới", "2026-11-01T08:00:00+07:00", ""),
    );
    let e = events.recv_timeout(WAIT).unwrap();
    assert!(e.starts_with("event: reload"), "{e}");
}

#[test]
fn nothing_outside_the_site_is_served() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "MẬT KHẨU").unwrap();
    let f = site();
    f.write("static/files/ok.txt", "tệp công khai");
    f.write("bi-mat.txt", "MẬT KHẨU");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(
            outside.path().join("secret.txt"),
            f.root().join("static/files/link.txt"),
        )
        .unwrap();
        std::os::unix::fs::symlink(outside.path(), f.root().join("static/ngoai")).unwrap();
    }
    let s = Serve::start(&f, &[]);
    let ok = s.get("/files/ok.txt");
    assert_eq!(ok.status, 200);
    assert!(ok.headers.contains("text/plain; charset=utf-8") && ok.body.contains("tệp công khai"));
    let root = f.root().display().to_string();
    let secret = outside.path().join("secret.txt").display().to_string();
    for target in [
        "/../bi-mat.txt",
        "/files/../../bi-mat.txt",
        "/%2e%2e/bi-mat.txt",
        "/%2E%2E%2Fbi-mat.txt",
        "/files/%2e%2e/%2e%2e/bi-mat.txt",
        "/..%5cbi-mat.txt",
        "/files\\..\\..\\bi-mat.txt",
        "/bi-mat.txt",
        "/site.yaml",
        "/content/tin-tuc/2026/11/bai-1.md",
        "//etc/passwd",
        &format!("/{root}/bi-mat.txt"),
        &secret,
        "/files/ok.txt%00.html",
        "/files/link.txt",
        "/ngoai/secret.txt",
        "/static/ngoai/secret.txt",
    ] {
        let r = s.get(target);
        assert!(r.status == 400 || r.status == 404, "{target}: {}", r.status);
        assert!(!r.body.contains("MẬT KHẨU"), "{target} leaked a file");
    }
}

#[test]
fn a_burst_of_changes_and_a_deleted_folder_do_not_stop_the_server() {
    let f = site();
    let s = Serve::start(&f, &[]);
    let dir = f.root().join("content/tin-tuc/2024/05");
    std::fs::create_dir_all(&dir).unwrap();
    for n in 0..1000 {
        std::fs::write(
            dir.join(format!("bai-loat-{}.md", n % 200)),
            article(&format!("Bài loạt {n}"), "2024-05-01T08:00:00+07:00", ""),
        )
        .unwrap();
    }
    s.wait_for("/tin-tuc/bai-loat-199/", |r| {
        r.body.contains("Bài loạt 999")
    });
    std::fs::remove_dir_all(f.root().join("content/tin-tuc")).unwrap();
    s.wait_for("/tin-tuc/bai-loat-199/", |r| r.status == 404);
    s.wait_for("/", |r| r.status == 200 && !r.body.contains("Bài số 1"));
    // Even the whole content folder gone: an error, the last good site stays.
    std::fs::remove_dir_all(f.root().join("content")).unwrap();
    s.wait_for("/__trangxa/status", |r| r.body.contains("\"ok\":false"));
    assert_eq!(s.get("/").status, 200);
    // And it comes back.
    f.write("content/don-vi/phong-kinh-te.md", common::UNITS[0].1);
    for (id, text) in &common::UNITS[1..] {
        f.write(&format!("content/don-vi/{id}.md"), text);
    }
    f.write(
        "content/tin-tuc/2026/bai-lai.md",
        &article("Bài trở lại", "2026-11-10T08:00:00+07:00", ""),
    );
    s.wait_for("/tin-tuc/bai-lai/", |r| r.status == 200);
    assert!(s.status_ok());
}

#[test]
fn binding_to_every_address_warns_loudly() {
    let f = site();
    let s = Serve::start(&f, &["--bind", "0.0.0.0"]);
    let start = Instant::now();
    while !s.stderr.lock().unwrap().contains("W040") {
        assert!(start.elapsed() < WAIT, "no warning");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(s.stderr.lock().unwrap().contains("127.0.0.1"));
}

#[test]
fn a_port_in_use_is_a_clear_error() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let f = site();
    let out = f.run(&["serve", "--port", &port]);
    assert_eq!(out.status.code(), Some(1));
    let err = common::stderr(&out);
    assert!(err.contains("E040") && err.contains("--port"), "{err}");
    let en = common::stderr(&f.run(&["serve", "--port", &port, "--lang", "en"]));
    assert!(
        en.contains(&format!(
            "error[E040]: cannot open port {port} on 127.0.0.1: "
        )) && en.contains("hint: another program may be using the port"),
        "{en}"
    );
}

#[test]
fn build_output_never_contains_the_reload_script() {
    let f = site();
    f.build_ok();
    for (path, bytes) in common::tree(&f.root().join("public")) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("__trangxa") && !text.contains("EventSource"),
            "{path}"
        );
    }
}

#[test]
fn open_live_reload_streams_never_starve_pages_and_closed_ones_are_noticed_at_once() {
    let f = site();
    let s = Serve::start(&f, &[]);
    let mut streams = Vec::new();
    for _ in 0..200 {
        let mut c = TcpStream::connect(&s.addr).unwrap();
        write!(
            c,
            "GET /__trangxa/events HTTP/1.1\r\nHost: localhost\r\n\r\n"
        )
        .unwrap();
        streams.push(c);
    }
    s.wait_for("/__trangxa/status", |r| r.body.contains("\"streams\":200"));
    for _ in 0..20 {
        assert_eq!(s.get("/").status, 200);
        assert_eq!(s.get("/tin-tuc/").status, 200);
    }
    // The tabs close: their slots come back without waiting for a ping.
    let closed = Instant::now();
    drop(streams);
    s.wait_for("/__trangxa/status", |r| r.body.contains("\"streams\":0"));
    assert!(closed.elapsed() < Duration::from_secs(5));
    assert_eq!(s.get("/").status, 200);
}

#[test]
fn a_foreign_host_header_is_refused() {
    let f = site();
    let s = Serve::start(&f, &[]);
    let port = s.addr.rsplit(':').next().unwrap().to_string();
    for host in [
        "evil.example",
        &format!("evil.example:{port}"),
        "127.0.0.1.evil.example",
    ] {
        let r = s.request(&format!(
            "GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        ));
        assert!(r.status == 421 || r.status == 403, "{host}: {}", r.status);
        assert!(!r.body.contains("Bài số 1"), "{host} read the site");
    }
    for host in [
        "localhost",
        &format!("127.0.0.1:{port}"),
        &format!("localhost:{port}"),
    ] {
        let r = s.request(&format!(
            "GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        ));
        assert_eq!(r.status, 200, "{host}");
    }
}

#[test]
fn beyond_loopback_nothing_answers_without_the_token() {
    let f = site();
    let s = Serve::start(
        &f,
        &["--bind", "0.0.0.0", "--token", "ma-bi-mat-0123456789"],
    );
    let port = s.addr.rsplit(':').next().unwrap().to_string();
    let ask = |target: &str, cookie: &str| {
        s.request(&format!(
            "GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{cookie}Connection: close\r\n\r\n"
        ))
    };
    for target in ["/", "/tin-tuc/", "/_bien-tap/", "/__trangxa/events"] {
        let r = ask(target, "");
        assert_eq!(r.status, 401, "{target}");
        assert!(!r.body.contains("Bài số 1"));
        assert_eq!(
            ask(&format!("{target}?token=sai"), "").status,
            401,
            "{target}"
        );
    }
    let first = ask("/?token=ma-bi-mat-0123456789", "");
    assert_eq!(first.status, 200);
    assert!(
        first
            .headers
            .contains("set-cookie: trangxa_token=ma-bi-mat-0123456789"),
        "{}",
        first.headers
    );
    assert!(first.headers.contains("httponly"));
    let later = ask(
        "/tin-tuc/",
        "Cookie: trangxa_token=ma-bi-mat-0123456789\r\n",
    );
    assert_eq!(later.status, 200);
}

#[test]
fn beyond_loopback_a_token_is_made_and_printed_in_the_address() {
    let f = site();
    let s = Serve::start(&f, &["--bind", "0.0.0.0"]);
    let (hostport, query) = s
        .printed
        .split_once("/?token=")
        .expect("a token in the address");
    assert!(query.len() >= 32, "{query}");
    let port = hostport.rsplit(':').next().unwrap();
    let r = s.request(&format!(
        "GET /?token={query} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    ));
    assert_eq!(r.status, 200);
    let r = s.request(&format!(
        "GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    ));
    assert_eq!(r.status, 401);
}
