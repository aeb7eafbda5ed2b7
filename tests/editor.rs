//! The browser editor (`/_bien-tap/`) over HTTP, as a browser and as an
//! attacker would use it: the real `trangxa serve`, forms read from the HTML
//! the editor sends and posted back, files checked on disk.

mod common;

use std::path::Path;

use common::serve::{Response, Serve, sample_site};

const TOKEN_NAME: &str = "trangxa-csrf";

/// Undo the editor's HTML escaping.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    let end = tag[at..].find('"')? + at;
    Some(unescape(&tag[at..end]))
}

fn has_flag(tag: &str, flag: &str) -> bool {
    tag.split([' ', '>']).any(|w| w == flag)
}

/// The pairs a browser would submit for the page's editor form, in order.
fn form_fields(html: &str) -> Vec<(String, String)> {
    let start = html.find("<form method=\"post\"").expect("an editor form");
    let end = html[start..].find("</form>").unwrap() + start;
    let form = &html[start..end];
    let mut out = Vec::new();
    let mut rest = form;
    while let Some(lt) = rest.find('<') {
        rest = &rest[lt..];
        let tag_end = rest.find('>').unwrap() + 1;
        let tag = &rest[..tag_end];
        if tag.starts_with("<input") {
            if let Some(name) = attr(tag, "name") {
                let kind = attr(tag, "type").unwrap_or_default();
                let value = attr(tag, "value").unwrap_or_default();
                if kind != "checkbox" || has_flag(tag, "checked") {
                    out.push((name, value));
                }
            }
        } else if tag.starts_with("<textarea") {
            let name = attr(tag, "name").unwrap();
            let close = rest.find("</textarea>").unwrap();
            let inner = &rest[tag_end..close];
            // The HTML parser drops one newline right after the start tag.
            let inner = inner.strip_prefix('\n').unwrap_or(inner);
            out.push((name, unescape(inner)));
            rest = &rest[close..];
            continue;
        } else if tag.starts_with("<select") {
            let name = attr(tag, "name").unwrap();
            let close = rest.find("</select>").unwrap();
            let options = &rest[tag_end..close];
            let chosen = options
                .split("<option")
                .find(|o| o.contains(" selected>"))
                .and_then(|o| attr(o, "value"))
                .unwrap_or_default();
            out.push((name, chosen));
            rest = &rest[close..];
            continue;
        }
        rest = &rest[tag_end..];
    }
    out
}

fn encode(pairs: &[(String, String)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", pct(k), pct(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn pct(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

fn set(pairs: &mut Vec<(String, String)>, name: &str, value: &str) {
    pairs.retain(|(k, _)| k != name);
    pairs.push((name.to_string(), value.to_string()));
}

/// A request from the editor's own page (same origin), with extra headers.
fn post(s: &Serve, path: &str, ctype: &str, body: &[u8], extra: &str) -> Response {
    let mut raw = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nOrigin: http://{addr}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n{extra}Connection: close\r\n\r\n",
        body.len(),
        addr = s.addr
    )
    .into_bytes();
    raw.extend_from_slice(body);
    s.request_bytes(&raw)
}

fn csrf(html: &str) -> String {
    let key = format!("name=\"{TOKEN_NAME}\" content=\"");
    let at = html.find(&key).expect("the page carries its token") + key.len();
    html[at..].split('"').next().unwrap().to_string()
}

fn open(s: &Serve, rel: &str) -> Response {
    let r = s.get(&format!("/_bien-tap/sua?tep={}", pct(rel)));
    assert_eq!(r.status, 200, "{rel}: {}", r.body);
    r
}

/// A file of the site (not of its output).
fn src(f: &common::Fixture, rel: &str) -> String {
    std::fs::read_to_string(f.root().join(rel)).unwrap()
}

fn content_files(root: &Path) -> Vec<String> {
    common::tree(&root.join("content"))
        .into_iter()
        .map(|(p, _)| p)
        .filter(|p| p.ends_with(".md"))
        .collect()
}

#[test]
fn opening_and_saving_every_sample_file_unchanged_keeps_its_bytes() {
    let f = sample_site();
    let s = Serve::start(&f, &[]);
    let files = content_files(f.root());
    assert!(files.len() > 40, "{files:?}");
    for rel in &files {
        let before = std::fs::read(f.root().join("content").join(rel)).unwrap();
        let page = open(&s, rel);
        let fields = form_fields(&page.body);
        let r = post(
            &s,
            "/_bien-tap/luu",
            "application/x-www-form-urlencoded",
            encode(&fields).as_bytes(),
            "",
        );
        assert_eq!(r.status, 200, "{rel}: {}", r.body);
        let after = std::fs::read(f.root().join("content").join(rel)).unwrap();
        assert!(
            before == after,
            "{rel} changed:\n{}",
            String::from_utf8_lossy(&after)
        );
    }
    // The list names every file by its title and links to it.
    let list = s.get("/_bien-tap/");
    assert_eq!(list.status, 200);
    for rel in &files {
        assert!(
            list.body.contains(&format!("sua?tep={rel}\"")),
            "{rel} is not listed"
        );
    }
    for kind in [
        "Tin bài",
        "Văn bản",
        "Thủ tục hành chính",
        "Kế hoạch",
        "Hoạt động",
        "Đơn vị",
        "Trang",
    ] {
        assert!(list.body.contains(&format!(">{kind} (")), "{kind}");
    }
    // Months as staff write them, in the rows as in the filter.
    assert!(list.body.contains("11/2026"), "no month 11/2026");
    assert!(!list.body.contains("· 2026-11"), "a month shown as 2026-11");
}

#[test]
fn a_write_without_the_pages_token_or_from_another_site_is_refused_and_writes_nothing() {
    let f = sample_site();
    let s = Serve::start(&f, &[]);
    let rel = "trang/gioi-thieu.md";
    let before = common::tree(f.root());
    let page = open(&s, rel);
    let token = csrf(&page.body);
    let mut fields = form_fields(&page.body);
    set(&mut fields, "title", "Bị sửa trộm");
    let body = |t: Option<&str>| {
        let mut p = fields.clone();
        p.retain(|(k, _)| k != "_csrf");
        if let Some(t) = t {
            p.push(("_csrf".into(), t.into()));
        }
        encode(&p)
    };
    let form = "application/x-www-form-urlencoded";
    let no_origin = |b: &str| {
        s.request(&format!(
            "POST /_bien-tap/luu HTTP/1.1\r\nHost: {}\r\nContent-Type: {form}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{b}",
            s.addr,
            b.len()
        ))
    };
    let from = |origin: &str, b: &str| {
        s.request(&format!(
            "POST /_bien-tap/luu HTTP/1.1\r\nHost: {}\r\nOrigin: {origin}\r\nContent-Type: {form}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{b}",
            s.addr,
            b.len()
        ))
    };
    let refused = [
        post(&s, "/_bien-tap/luu", form, body(None).as_bytes(), ""),
        post(&s, "/_bien-tap/luu", form, body(Some("sai")).as_bytes(), ""),
        post(&s, "/_bien-tap/luu", form, b"", ""),
        from("http://evil.example", &body(Some(&token))),
        from("null", &body(Some(&token))),
        no_origin(&body(Some(&token))),
        post(
            &s,
            "/_bien-tap/tai-len?ten=a.png",
            "image/png",
            b"\x89PNG\r\n\x1a\n....",
            "",
        ),
        post(&s, "/_bien-tap/xem-truoc", "text/plain", b"# x", ""),
    ];
    for (i, r) in refused.iter().enumerate() {
        assert_eq!(r.status, 403, "request {i}: {}", r.body);
    }
    assert!(common::tree(f.root()) == before, "something was written");
    // The same save from the page itself goes through.
    let r = post(
        &s,
        "/_bien-tap/luu",
        form,
        body(Some(&token)).as_bytes(),
        "",
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(src(&f, "content/trang/gioi-thieu.md").contains("title: Bị sửa trộm\n"));
}

#[test]
fn beyond_loopback_without_the_token_the_editor_answers_nothing() {
    let f = sample_site();
    let s = Serve::start(&f, &["--bind", "0.0.0.0"]);
    let port = s.addr.rsplit(':').next().unwrap();
    for (method, path) in [
        ("GET", "/_bien-tap/"),
        ("GET", "/_bien-tap/sua?tep=trang/gioi-thieu.md"),
        ("GET", "/_bien-tap/moi?loai=tin-tuc"),
        ("POST", "/_bien-tap/luu"),
        ("POST", "/_bien-tap/tai-len?ten=a.png"),
    ] {
        let r = s.request(&format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: http://127.0.0.1:{port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        ));
        assert!(
            r.status == 401 || r.status == 403,
            "{method} {path}: {}",
            r.status
        );
        assert!(!r.body.contains("Giới thiệu") && !r.body.contains(TOKEN_NAME));
    }
}

#[test]
fn names_that_leave_the_site_are_refused_by_the_editor() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("bi-mat.md"),
        "---\ntitle: MẬT KHẨU\n---\n",
    )
    .unwrap();
    let f = sample_site();
    f.write("bi-mat.md", "---\ntitle: MẬT KHẨU\n---\n");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(
            outside.path().join("bi-mat.md"),
            f.root().join("content/trang/lien-ket.md"),
        )
        .unwrap();
        std::os::unix::fs::symlink(outside.path(), f.root().join("content/trang/ngoai")).unwrap();
    }
    let s = Serve::start(&f, &[]);
    let secret = outside.path().join("bi-mat.md").display().to_string();
    for tep in [
        "../bi-mat.md",
        "trang/../../bi-mat.md",
        "..%2Fbi-mat.md",
        "trang%2F..%2F..%2Fbi-mat.md",
        &pct(&secret),
        "trang\\..\\..\\bi-mat.md",
        "C:/bi-mat.md",
        "trang/lien-ket.md",
        "trang/ngoai/bi-mat.md",
        "../site.yaml",
    ] {
        let r = s.get(&format!("/_bien-tap/sua?tep={tep}"));
        assert!(r.status == 400 || r.status == 404, "{tep}: {}", r.status);
        assert!(!r.body.contains("MẬT KHẨU"), "{tep} leaked");
    }
    // A save aimed outside: refused, nothing written anywhere.
    let page = s.get("/_bien-tap/moi?loai=tin-tuc");
    let mut fields = form_fields(&page.body);
    let before = common::tree(f.root());
    for tep in [
        "../bi-mat.md",
        "trang/lien-ket.md",
        "trang/ngoai/bi-mat.md",
        "/tmp/x.md",
    ] {
        set(&mut fields, "tep", tep);
        set(&mut fields, "title", "Ghi đè");
        let r = post(
            &s,
            "/_bien-tap/luu",
            "application/x-www-form-urlencoded",
            encode(&fields).as_bytes(),
            "",
        );
        assert!(r.status == 400 || r.status == 404, "{tep}: {}", r.status);
    }
    assert!(common::tree(f.root()) == before, "something was written");
    assert_eq!(
        std::fs::read_to_string(outside.path().join("bi-mat.md")).unwrap(),
        "---\ntitle: MẬT KHẨU\n---\n"
    );
    // An upload's name cannot choose its folder.
    let token = csrf(&page.body);
    let r = post(
        &s,
        "/_bien-tap/tai-len?ten=..%2F..%2F..%2Fcontent%2Fanh.png",
        "image/png",
        b"\x89PNG\r\n\x1a\nnot really a png",
        &format!("X-Trangxa-Csrf: {token}\r\n"),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("\"/files/2026/11/anh.png\""), "{}", r.body);
    assert!(f.root().join("static/files/2026/11/anh.png").is_file());
    assert!(!f.root().join("content/anh.png").exists());
}

#[test]
fn a_save_over_a_file_changed_on_disk_is_refused_with_both_versions_shown() {
    let f = sample_site();
    let s = Serve::start(&f, &[]);
    let rel = "trang/lien-he.md";
    let page = open(&s, rel);
    let mut fields = form_fields(&page.body);
    set(&mut fields, "title", "Liên hệ (bản trên trình duyệt)");
    // Someone else saves the file meanwhile.
    let theirs =
        src(&f, "content/trang/lien-he.md").replace("title:", "# sửa bằng Notepad\ntitle:");
    f.write("content/trang/lien-he.md", &theirs);
    let r = post(
        &s,
        "/_bien-tap/luu",
        "application/x-www-form-urlencoded",
        encode(&fields).as_bytes(),
        "",
    );
    assert_eq!(r.status, 409, "{}", r.body);
    assert_eq!(
        src(&f, "content/trang/lien-he.md"),
        theirs,
        "their version is kept"
    );
    assert!(
        r.body.contains("# sửa bằng Notepad"),
        "the version on disk is shown"
    );
    assert!(
        r.body.contains("Liên hệ (bản trên trình duyệt)"),
        "ours is shown too"
    );
}

#[test]
fn a_new_article_is_checked_by_the_pipeline_then_written_in_the_canonical_layout_and_served() {
    let f = sample_site();
    let s = Serve::start(&f, &[]);
    let page = s.get("/_bien-tap/moi?loai=tin-tuc");
    assert_eq!(page.status, 200);
    for label in [
        "Tiêu đề",
        "Tóm tắt",
        "Đơn vị chủ trì",
        "Đơn vị phối hợp",
        "Chuyên mục",
        "Lĩnh vực cải cách hành chính",
        "Nội dung",
        "Trạng thái",
    ] {
        assert!(page.body.contains(&format!(">{label}</")), "{label}");
    }
    assert!(page.body.contains(">Lưu</button>"));
    assert!(
        page.body
            .contains("<select id=\"f-lead_unit\" name=\"lead_unit\"")
    );
    let token = csrf(&page.body);
    // A picture first.
    let png = std::fs::read(
        common::repo_root().join("static/files/2026/11/4-buoc-nop-ho-so-truc-tuyen.png"),
    )
    .unwrap();
    let up = post(
        &s,
        "/_bien-tap/tai-len?ten=Ảnh%20Hội%20nghị.PNG",
        "image/png",
        &png,
        &format!("X-Trangxa-Csrf: {token}\r\n"),
    );
    assert_eq!(up.status, 200, "{}", up.body);
    assert!(
        up.body.contains("\"/files/2026/11/anh-hoi-nghi.png\""),
        "{}",
        up.body
    );
    let not_picture = post(
        &s,
        "/_bien-tap/tai-len?ten=a.jpg",
        "image/jpeg",
        b"<svg onload=alert(1)>",
        &format!("X-Trangxa-Csrf: {token}\r\n"),
    );
    assert_eq!(not_picture.status, 415);
    let pdf_as_picture = post(
        &s,
        "/_bien-tap/tai-len?loai=anh&ten=a.pdf",
        "application/pdf",
        b"%PDF-1.7\n",
        &format!("X-Trangxa-Csrf: {token}\r\n"),
    );
    assert_eq!(pdf_as_picture.status, 415);
    let pdf = post(
        &s,
        "/_bien-tap/tai-len?ten=Kế%20hoạch.pdf",
        "application/pdf",
        b"%PDF-1.7\n",
        &format!("X-Trangxa-Csrf: {token}\r\n"),
    );
    assert!(
        pdf.body.contains("\"/files/2026/11/ke-hoach.pdf\""),
        "{}",
        pdf.body
    );

    let mut fields = form_fields(&page.body);
    set(
        &mut fields,
        "title",
        "Hội nghị triển khai <kế hoạch> năm 2027",
    );
    set(&mut fields, "lead_unit", "phong-van-hoa-xa-hoi");
    fields.push(("partner_units".into(), "cong-an-xa".into()));
    fields.push(("sections".into(), "tin-tuc".into()));
    set(&mut fields, "status", "published");
    set(&mut fields, "published_at", "2026-11-20T08:30");
    set(&mut fields, "image_src", "/files/2026/11/anh-hoi-nghi.png");
    set(&mut fields, "image_alt", "");
    assert!(
        page.body
            .contains("value=\"ke-hoach/2026/tuyen-truyen-cchc#4.2\""),
        "the plan's rows are offered"
    );
    fields.push((
        "plan_activities".into(),
        "ke-hoach/2026/tuyen-truyen-cchc#7".into(),
    ));
    set(
        &mut fields,
        "noi_dung",
        "Sáng 20/11, xã tổ chức hội nghị.\r\n\r\n## Nội dung chính\r\n",
    );
    let form = "application/x-www-form-urlencoded";
    // Without a description of the picture: an error at its field, nothing written.
    let before = common::tree(&f.root().join("content"));
    let r = post(&s, "/_bien-tap/luu", form, encode(&fields).as_bytes(), "");
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("ảnh thiếu mô tả (alt)"), "{}", r.body);
    assert!(
        r.body.contains("id=\"e-image\""),
        "the error is next to the picture"
    );
    assert!(
        r.body.contains("Hội nghị triển khai &lt;kế hoạch&gt;"),
        "what was typed is kept, escaped"
    );
    assert!(common::tree(&f.root().join("content")) == before);

    set(&mut fields, "image_alt", "Quang cảnh hội nghị");
    let r = post(&s, "/_bien-tap/luu", form, encode(&fields).as_bytes(), "");
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("Đã lưu"), "{}", r.body);
    let rel = "content/tin-tuc/2026/11/hoi-nghi-trien-khai-ke-hoach-nam-2027.md";
    assert_eq!(
        src(&f, rel),
        "---\ntitle: Hội nghị triển khai <kế hoạch> năm 2027\nunits: [phong-van-hoa-xa-hoi, cong-an-xa]\nsections: [tin-tuc]\nstatus: published\npublished_at: 2026-11-20T08:30:00+07:00\nkind: tin\nimage:\n  src: /files/2026/11/anh-hoi-nghi.png\n  alt: Quang cảnh hội nghị\nplan_activities: [ke-hoach/2026/tuyen-truyen-cchc#7]\n---\nSáng 20/11, xã tổ chức hội nghị.\n\n## Nội dung chính\n"
    );
    s.wait_for("/tin-tuc/hoi-nghi-trien-khai-ke-hoach-nam-2027/", |r| {
        r.status == 200
            && r.body
                .contains("Hội nghị triển khai &lt;kế hoạch&gt; năm 2027")
    });
    // The live preview is the site's Markdown, sanitized.
    let p = post(
        &s,
        "/_bien-tap/xem-truoc",
        "text/plain",
        "## Mục\n<script>alert(1)</script>".as_bytes(),
        &format!("X-Trangxa-Csrf: {token}\r\n"),
    );
    assert_eq!(p.status, 200);
    assert!(
        p.body.contains("<h2") && p.body.contains("Mục") && !p.body.contains("<script>"),
        "{}",
        p.body
    );
}

#[test]
fn a_changed_field_rewrites_only_its_own_lines() {
    let f = sample_site();
    let rel = "content/van-ban/2025/135-kh-ubnd.md";
    let original = src(&f, rel);
    let with_comment = original.replace(
        "issuer_level: xa\n",
        "issuer_level: xa\n# ghi chú: đã đối chiếu bản giấy\n",
    );
    f.write(rel, &with_comment);
    let s = Serve::start(&f, &[]);
    let page = open(&s, "van-ban/2025/135-kh-ubnd.md");
    assert!(page.body.contains(">Trích yếu</label>"));
    let mut fields = form_fields(&page.body);
    set(
        &mut fields,
        "abstract",
        "Kế hoạch cải cách hành chính năm 2026: bản sửa",
    );
    set(&mut fields, "number", "136");
    let r = post(
        &s,
        "/_bien-tap/luu",
        "application/x-www-form-urlencoded",
        encode(&fields).as_bytes(),
        "",
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let expected = with_comment
        .replace("number: \"135\"\n", "number: \"136\"\n")
        .replace(
            "abstract: Ban hành kế hoạch cải cách hành chính xã Canh Vinh năm 2026\n",
            "abstract: \"Kế hoạch cải cách hành chính năm 2026: bản sửa\"\n",
        );
    assert_ne!(expected, with_comment);
    assert_eq!(src(&f, rel), expected);
}

#[test]
fn a_broken_file_is_listed_opens_as_text_and_can_be_fixed() {
    let f = sample_site();
    let rel = "content/tin-tuc/2026/11/bai-hong.md";
    f.write(
        rel,
        "---\ntitle: Bài hỏng\nunits: [phong-van-hoa-xa-hoi\n---\nNội dung.\n",
    );
    f.write(
        "content/tin-tuc/2026/11/ngay-la.md",
        "---\ntitle: Ngày lạ\npublished_at: \"20ế6-11-01\"\n---\n",
    );
    let s = Serve::start(&f, &[]);
    let list = s.get("/_bien-tap/?loai=tin-tuc");
    assert_eq!(list.status, 200);
    assert!(list.body.contains(">bai-hong</a>") || list.body.contains(">Bài hỏng</a>"));
    assert!(list.body.contains("có lỗi"));
    assert!(list.body.contains(">Ngày lạ</a>"));
    let page = open(&s, "tin-tuc/2026/11/bai-hong.md");
    assert!(page.body.contains("name=\"front_matter\""), "opens as text");
    let mut fields = form_fields(&page.body);
    let fixed_yaml = "title: Bài hỏng\nunits: [phong-van-hoa-xa-hoi]\nkind: tin\nsections: [tin-tuc]\npublished_at: 2026-11-02T08:00:00+07:00\n";
    set(&mut fields, "front_matter", fixed_yaml);
    let r = post(
        &s,
        "/_bien-tap/luu",
        "application/x-www-form-urlencoded",
        encode(&fields).as_bytes(),
        "",
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(src(&f, rel), format!("---\n{fixed_yaml}---\nNội dung.\n"));
}

#[test]
fn units_and_documents_are_started_from_their_forms_and_named_by_id_or_number() {
    let f = sample_site();
    let s = Serve::start(&f, &[]);
    let form = "application/x-www-form-urlencoded";
    let list = s.get("/_bien-tap/");
    for new in ["Tin bài mới", "Văn bản mới", "Đơn vị mới", "Trang mới"] {
        assert!(list.body.contains(&format!(">{new}</a>")), "{new}");
    }
    let page = s.get("/_bien-tap/moi?loai=don-vi");
    assert_eq!(page.status, 200);
    let mut fields = form_fields(&page.body);
    set(&mut fields, "id", "to-cong-nghe-so");
    set(&mut fields, "name", "Tổ Công nghệ số cộng đồng");
    set(&mut fields, "kind", "nhom");
    let r = post(&s, "/_bien-tap/luu", form, encode(&fields).as_bytes(), "");
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(
        src(&f, "content/don-vi/to-cong-nghe-so.md"),
        "---\nid: to-cong-nghe-so\nname: Tổ Công nghệ số cộng đồng\nkind: nhom\n---\n"
    );
    // The same id again: refused, the first file kept.
    let r = post(&s, "/_bien-tap/luu", form, encode(&fields).as_bytes(), "");
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("đã có tệp"), "{}", r.body);

    let page = s.get("/_bien-tap/moi?loai=van-ban");
    let mut fields = form_fields(&page.body);
    set(&mut fields, "doc_type", "thong_bao");
    set(&mut fields, "number", "12");
    set(&mut fields, "symbol", "TB-UBND");
    set(
        &mut fields,
        "abstract",
        "Lịch tiếp công dân tháng 12 năm 2026",
    );
    set(&mut fields, "issuer", "Ủy ban nhân dân xã Canh Vinh");
    set(&mut fields, "issued_date", "2026-11-25");
    set(&mut fields, "lead_unit", "van-phong-hdnd-ubnd");
    set(&mut fields, "signer_name", "Nguyễn Văn An");
    set(&mut fields, "signer_position", "Chủ tịch");
    set(&mut fields, "status", "published");
    let r = post(&s, "/_bien-tap/luu", form, encode(&fields).as_bytes(), "");
    assert_eq!(r.status, 200, "{}", r.body);
    let text = src(&f, "content/van-ban/2026/12-tb-ubnd.md");
    assert!(
        text.starts_with("---\ndoc_type: thong_bao\nnumber: \"12\"\nsymbol: TB-UBND\nabstract: Lịch tiếp công dân tháng 12 năm 2026\n"),
        "{text}"
    );
    assert!(
        text.contains("\nsigner:\n  name: Nguyễn Văn An\n  position: Chủ tịch\n"),
        "{text}"
    );
}

#[test]
fn a_fee_edited_in_the_procedure_form_changes_only_that_fees_lines() {
    let f = sample_site();
    let rel = "content/thu-tuc/1.000656.md";
    let original = src(&f, rel);
    let s = Serve::start(&f, &[]);
    let page = open(&s, "thu-tuc/1.000656.md");
    assert_eq!(page.status, 200);
    for label in [
        "Mã thủ tục",
        "Lĩnh vực",
        "Trình tự thực hiện",
        "Cách thức thực hiện (thời hạn giải quyết, phí, lệ phí) — dạng YAML",
        "Thành phần hồ sơ — dạng YAML",
        "Căn cứ pháp lý — dạng YAML",
        "Mức độ dịch vụ công trực tuyến",
    ] {
        assert!(page.body.contains(&format!(">{label}</")), "{label}");
    }
    assert!(
        !page.body.contains("name=\"front_matter\""),
        "a procedure opens as a form, not as raw YAML"
    );
    // The field is a pick-list of site.yaml's procedure_fields.
    assert!(page.body.contains("<select id=\"f-field\" name=\"field\""));
    let mut fields = form_fields(&page.body);
    let channels = fields
        .iter()
        .find(|(n, _)| n == "channels")
        .map(|(_, v)| v.clone())
        .unwrap();
    // The box shows the file's own lines, fees verbatim.
    assert!(
        original.contains(&format!("\nchannels:\n{channels}")),
        "{channels}"
    );
    let old_fee = "    text: 'Lệ phí: Miễn lệ phí đăng ký khai tử đúng hạn'\n";
    let new_fee = "    text: 'Lệ phí: 8.000 đồng/trường hợp đăng ký quá hạn'\n";
    let at = channels.find(old_fee).unwrap();
    let edited = format!(
        "{}{new_fee}{}",
        &channels[..at],
        &channels[at + old_fee.len()..]
    );
    set(&mut fields, "channels", &edited.replace('\n', "\r\n"));
    let r = post(
        &s,
        "/_bien-tap/luu",
        "application/x-www-form-urlencoded",
        encode(&fields).as_bytes(),
        "",
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let at = original.find(old_fee).unwrap();
    let expected = format!(
        "{}{new_fee}{}",
        &original[..at],
        &original[at + old_fee.len()..]
    );
    assert_eq!(src(&f, rel), expected);
}

#[test]
fn a_new_procedure_made_through_the_form_is_checked_named_by_its_code_and_built() {
    let f = sample_site();
    let s = Serve::start(&f, &[]);
    let list = s.get("/_bien-tap/");
    assert!(list.body.contains(">Thủ tục mới</a>"));
    let page = s.get("/_bien-tap/moi?loai=thu-tuc");
    assert_eq!(page.status, 200);
    let mut fields = form_fields(&page.body);
    set(&mut fields, "code", "2.000986");
    set(&mut fields, "title", "Xác nhận thông tin hộ tịch");
    set(&mut fields, "field", "Hộ tịch");
    set(
        &mut fields,
        "steps",
        "Bước 1: Nộp hồ sơ tại Trung tâm Phục vụ hành chính công xã.\r\nBước 2: Công chức tư pháp - hộ tịch kiểm tra và cấp văn bản xác nhận.\r\n",
    );
    let channels = fields
        .iter()
        .find(|(n, _)| n == "channels")
        .map(|(_, v)| v.clone())
        .unwrap();
    set(
        &mut fields,
        "channels",
        &channels
            .replacen("text: ''", "text: 03 ngày làm việc", 1)
            .replacen("text: ''", "text: 'Lệ phí: 15.000 đồng'", 1),
    );
    let dossier = fields
        .iter()
        .find(|(n, _)| n == "dossier")
        .map(|(_, v)| v.clone())
        .unwrap();
    set(
        &mut fields,
        "dossier",
        &dossier.replace(
            "name: ''",
            "name: Tờ khai đề nghị xác nhận thông tin hộ tịch",
        ),
    );
    set(&mut fields, "applicants", "Công dân Việt Nam");
    set(&mut fields, "implementing_agency", "Ủy ban nhân dân cấp xã");
    set(&mut fields, "results", "Văn bản xác nhận thông tin hộ tịch");
    set(
        &mut fields,
        "legal_basis",
        "- number: 60/2014/QH13\n  title: Luật Hộ tịch\n  issued_date: 2014-11-20\n  issuer: Quốc hội\n",
    );
    fields.push(("units".into(), "van-phong-hdnd-ubnd".into()));
    let form = "application/x-www-form-urlencoded";
    // Without its legal basis: refused at its field, nothing written.
    let mut missing = fields.clone();
    set(&mut missing, "legal_basis", "");
    let before = common::tree(&f.root().join("content"));
    let r = post(&s, "/_bien-tap/luu", form, encode(&missing).as_bytes(), "");
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(common::tree(&f.root().join("content")) == before);

    let r = post(&s, "/_bien-tap/luu", form, encode(&fields).as_bytes(), "");
    assert_eq!(r.status, 200, "{}", r.body);
    let text = src(&f, "content/thu-tuc/2.000986.md");
    assert!(
        text.starts_with("---\ncode: \"2.000986\"\ntitle: Xác nhận thông tin hộ tịch\nlevels: [cap_xa]\nfield: Hộ tịch\nsteps:\n- \"Bước 1: Nộp hồ sơ"),
        "{text}"
    );
    assert!(
        text.contains("\nchannels:\n- method: truc_tiep\n  processing_time:\n    text: 03 ngày làm việc\n  fees:\n  - kind: le_phi\n    text: 'Lệ phí: 15.000 đồng'\n"),
        "{text}"
    );
    assert!(text.contains("\nunits: [van-phong-hdnd-ubnd]\n"), "{text}");
    s.wait_for("/thu-tuc-hanh-chinh/a-z/", |r| {
        r.status == 200 && r.body.contains("Xác nhận thông tin hộ tịch")
    });
}
