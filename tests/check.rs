//! `trangxa check`: links in the rendered output, unsafe content, and the
//! messages staff get for them.

mod common;

use common::{Fixture, article, stderr};

fn check_fails(f: &Fixture) -> String {
    let out = f.run(&["check"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(!f.root().join("public").exists(), "check must not write");
    err
}

#[test]
fn a_broken_link_in_a_body_is_reported_at_its_line() {
    let f = Fixture::new();
    f.write(
        "content/tin-tuc/2026/03/a.md",
        &article("A", "2026-03-01T08:00:00+07:00", "").replace(
            "Nội dung của bài A.",
            "Đoạn một.\n\nXem [đơn vị](/don-vi/phong-kinh-tee/) và [mục](#khong-co).\n\n## Có thật\n\n[đúng](#co-that)",
        ),
    );
    let err = check_fails(&f);
    assert!(
        err.contains("liên kết `/don-vi/phong-kinh-tee/` không dẫn tới"),
        "{err}"
    );
    assert!(err.contains("content/tin-tuc/2026/03/a.md:10:14"), "{err}");
    assert!(
        err.contains("có phải bạn muốn viết `/don-vi/phong-kinh-te/`?"),
        "{err}"
    );
    assert!(
        err.contains("không có mục `#khong-co` trong trang") && err.contains("a.md:10:48"),
        "{err}"
    );
    assert!(
        !err.contains("không có mục `#co-that`") && err.contains("các mục trong trang: #co-that"),
        "an existing heading anchor is fine: {err}"
    );
}

#[test]
fn a_menu_entry_to_a_missing_page_is_reported_once_at_site_yaml() {
    let f = Fixture::new();
    f.write(
        "site.yaml",
        &format!(
            "{}  - {{name: Liên hệ, url: /lien-he/}}\n",
            common::SITE_YAML
        ),
    );
    let err = check_fails(&f);
    assert_eq!(err.matches("/lien-he/").count(), 1, "{err}");
    assert!(
        err.contains("mục menu `Liên hệ` trỏ tới `/lien-he/`") && err.contains("--> site.yaml"),
        "{err}"
    );
    f.write(
        "content/trang/lien-he.md",
        "---\ntitle: Liên hệ\n---\nĐịa chỉ.\n",
    );
    assert!(f.run(&["check"]).status.success());
}

#[test]
fn raw_html_is_sanitized_unless_the_site_allows_it() {
    let f = Fixture::new();
    let body = "Chào <script>alert('x')</script><b>bạn</b> <img src=x onerror=alert(1) alt=\"\">\n\n[bấm](javascript:alert(1))";
    f.write(
        "content/tin-tuc/2026/03/a.md",
        &article("A", "2026-03-01T08:00:00+07:00", "").replace("Nội dung của bài A.", body),
    );
    f.build_ok();
    let html = f.read("tin-tuc/a/index.html");
    let main = &html[html.find("<main").unwrap()..];
    assert!(
        !main.contains("<script") && !main.contains("onerror") && !main.contains("javascript:"),
        "{main}"
    );
    assert!(main.contains("<b>bạn</b>"));
    f.write(
        "site.yaml",
        &format!("{}raw_html: allow\n", common::SITE_YAML),
    );
    f.write_bytes("static/x", b"x");
    f.build_ok();
    assert!(
        f.read("tin-tuc/a/index.html")
            .contains("<script>alert('x')</script>")
    );
}

#[test]
fn unsafe_urls_in_front_matter_are_errors() {
    let f = Fixture::new();
    f.write(
        "content/tin-tuc/2026/03/a.md",
        &article(
            "A",
            "2026-03-01T08:00:00+07:00",
            "media: [{kind: video, url: \"javascript:alert(1)\", transcript: Lời}]\n",
        ),
    );
    let err = check_fails(&f);
    assert!(
        err.contains("lỗi[E026]: địa chỉ `javascript:alert(1)` không được phép")
            && err.contains("(trường `media[0].url`)"),
        "{err}"
    );
}

#[test]
fn everything_from_front_matter_is_escaped() {
    let f = Fixture::new();
    f.write(
        "content/don-vi/xau.md",
        "---\nid: xau\nname: \"Đơn vị <script>alert(1)</script>\"\nkind: nhom\nhead: {name: \"<img src=x onerror=alert(2)>\", position: Trưởng}\n---\n",
    );
    f.write(
        "content/tin-tuc/2026/03/a.md",
        &article(
            "A",
            "2026-03-01T08:00:00+07:00",
            "units: [xau]\ntags: [\"<svg onload=alert(3)>\"]\nlocation: \"<i>thôn</i>\"\n",
        )
        .replace("units: [phong-kinh-te]\n", ""),
    );
    f.build_ok();
    for page in [
        "tin-tuc/a/index.html",
        "don-vi/xau/index.html",
        "don-vi/index.html",
        "tu-khoa/index.html",
    ] {
        let html = f.read(page);
        for bad in [
            "<script>alert(1)",
            "<img src=x onerror",
            "<svg onload",
            "<i>thôn</i>",
        ] {
            assert!(!html.contains(bad), "{page} contains {bad}");
        }
    }
    assert!(
        f.read("tin-tuc/a/index.html")
            .contains("Đơn vị &lt;script&gt;")
    );
}

#[test]
fn json_format_for_editors_and_ci() {
    let f = Fixture::new();
    let text = article("A", "2026-03-01T08:00:00+07:00", "")
        .replace("[phong-kinh-te]", "[phong-kinh-tee]");
    f.write("content/tin-tuc/2026/03/a.md", &text);
    let out = f.run(&["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("stdout is one JSON document");
    assert_eq!(v["ok"], false);
    assert_eq!(v["errors"], 1);
    let d = &v["diagnostics"][0];
    assert_eq!(d["code"], "E010");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["file"], "content/tin-tuc/2026/03/a.md");
    assert_eq!(d["line"], 5);
    assert_eq!(d["field"], "units");
    assert!(d["hint"].as_str().unwrap().contains("phong-kinh-te"));
    f.write("content/tin-tuc/2026/03/a.md", &text.replace("tee", "te"));
    let ok = f.run(&["check", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&ok.stdout).unwrap();
    assert_eq!(v["ok"], true);
    assert!(v["pages"].as_u64().unwrap() > 5);
}

#[test]
fn lang_en_shows_messages_labels_and_summaries_in_english() {
    let f = Fixture::new();
    let text = article("A", "2026-03-01T08:00:00+07:00", "")
        .replace("[phong-kinh-te]", "[phong-kinh-tee]");
    f.write("content/tin-tuc/2026/03/a.md", &text);
    let out = f.run(&["build", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    for expected in [
        "error[E010]: there is no unit `phong-kinh-tee` (field `units`)",
        "--> content/tin-tuc/2026/03/a.md:5:",
        "= hint: did you mean `phong-kinh-te`? The units are listed in content/don-vi/",
        "The site was not built; the previous output folder is left as it was: 1 error, 0 warnings.",
    ] {
        assert!(err.contains(expected), "`{expected}` missing:\n{err}");
    }
    let json = f.run(&["check", "--format", "json", "--lang", "en"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(
        v["diagnostics"][0]["message"],
        "there is no unit `phong-kinh-tee`"
    );
    assert_eq!(v["diagnostics"][0]["code"], "E010");

    f.write("content/tin-tuc/2026/03/a.md", &text.replace("tee", "te"));
    let ok = f.run(&["check", "--lang", "en"]);
    let said = String::from_utf8_lossy(&ok.stdout);
    assert!(ok.status.success());
    assert!(
        said.starts_with("Check complete: ")
            && said.contains("valid pages, no errors; 0 warnings ("),
        "{said}"
    );
    let built = f.run(&["build", "--lang", "en"]);
    let said = String::from_utf8_lossy(&built.stdout);
    assert!(
        said.starts_with("Built ") && said.contains("/public/ in "),
        "{said}"
    );
    // Vietnamese stays the default.
    let vi = f.run(&["check"]);
    assert!(String::from_utf8_lossy(&vi.stdout).starts_with("Kiểm tra xong: "));
}

#[test]
fn text_pasted_from_legacy_encodings_is_flagged() {
    let f = Fixture::new();
    f.write(
        "content/tin-tuc/2026/03/a.md",
        &article("A", "2026-03-01T08:00:00+07:00", "")
            .replace("Nội dung của bài A.", "Thñ tôc hµnh chÝnh cÊp x·"),
    );
    let out = f.run(&["check"]);
    assert!(out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("cảnh báo[W010]") && err.contains("TCVN3/VNI") && err.contains("a.md:8:1"),
        "{err}"
    );
}

#[test]
fn late_documents_and_stale_sections_are_warned_about() {
    let f = Fixture::new();
    f.write(
        "site.yaml",
        &format!(
            "{}deadlines:\n  sections: {{tin-tuc: 30, thong-bao: 60}}\n",
            common::SITE_YAML
        ),
    );
    f.write(
        "content/tin-tuc/2026/03/a.md",
        &article("A", "2026-03-01T08:00:00+07:00", ""),
    );
    f.write_bytes("static/files/qd.pdf", b"%PDF");
    f.write(
        "content/van-ban/2026/12-qd-ubnd.md",
        "---\ndoc_type: quyet_dinh\nnumber: \"12\"\nsymbol: QĐ-UBND\nabstract: Quyết định thử\nissuer: UBND xã\nissuer_level: xa\nissued_date: 2026-03-02\nlegal_status: con_hieu_luc\nunits: [phong-kinh-te]\nsigner: {name: A, position: Chủ tịch}\nfiles: [{path: /files/qd.pdf, label: PDF}]\npublished_at: 2026-03-10T08:00:00+07:00\n---\n",
    );
    let out = f.run(&["check"]);
    assert!(out.status.success(), "warnings only");
    let err = stderr(&out);
    assert!(
        err.contains(
            "văn bản được đăng sau 6 ngày làm việc kể từ ngày ban hành (quy định: không quá 2 ngày)"
        ),
        "{err}"
    );
    assert!(err.contains("12-qd-ubnd.md:13:1"), "{err}");
    assert!(
        err.contains(
            "chuyên mục `Tin tức - Sự kiện` chưa được cập nhật: tin mới nhất đăng ngày 01/03/2026"
        ),
        "{err}"
    );
    assert!(
        err.contains("chuyên mục `Thông báo` chưa được cập nhật: chưa có tin nào"),
        "{err}"
    );
}

/// A tiny HTTP server on loopback: `/ok` 200, `/head-refused` 405 on HEAD
/// but 200 on GET, `/slow` answers after 3 s, anything else 404.
fn serve_loopback() -> u16 {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(50) {
            let Ok(mut s) = stream else { continue };
            std::thread::spawn(move || {
                let mut buf = [0u8; 2048];
                let n = s.read(&mut buf).unwrap_or(0);
                let req = String::from_utf8_lossy(&buf[..n]).to_string();
                let (method, path) = {
                    let mut it = req.split_whitespace();
                    (
                        it.next().unwrap_or("").to_string(),
                        it.next().unwrap_or("").to_string(),
                    )
                };
                let status = match (method.as_str(), path.as_str()) {
                    (_, "/ok") => "200 OK",
                    ("HEAD", "/head-refused") => "405 Method Not Allowed",
                    ("GET", "/head-refused") => "200 OK",
                    (_, "/slow") => {
                        std::thread::sleep(std::time::Duration::from_secs(3));
                        "200 OK"
                    }
                    _ => "404 Not Found",
                };
                let _ = write!(
                    s,
                    "HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                );
            });
        }
    });
    port
}

#[test]
fn external_links_are_checked_only_when_asked_and_all_failures_listed() {
    let port = serve_loopback();
    let f = Fixture::new();
    let body = format!(
        "[tốt](http://127.0.0.1:{port}/ok) [head](http://127.0.0.1:{port}/head-refused)\n\n[mất](http://127.0.0.1:{port}/mat)\n\n[chậm](http://127.0.0.1:{port}/slow)\n"
    );
    f.write(
        "content/tin-tuc/2026/03/a.md",
        &article("A", "2026-03-01T08:00:00+07:00", "").replace("Nội dung của bài A.", &body),
    );
    assert!(
        f.run(&["check"]).status.success(),
        "external links are not fetched without --external"
    );
    let out = f.run(&["check", "--external", "--timeout", "1"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!(
            "liên kết ngoài `http://127.0.0.1:{port}/mat` không mở được: máy chủ trả lời mã 404"
        )),
        "{err}"
    );
    assert!(err.contains("a.md:10:"), "{err}");
    assert!(
        err.contains("/slow` không mở được: hết thời gian chờ"),
        "{err}"
    );
    assert!(
        !err.contains("/ok`") && !err.contains("/head-refused`"),
        "{err}"
    );
}
