//! `trangxa build` on fixture sites: the HTML, feeds and files a user gets.

mod common;

use common::{Fixture, article, broken_links, links, tree};

#[test]
fn article_page_shows_units_dates_and_escapes_front_matter() {
    let f = Fixture::new();
    f.write(
        "content/tin-tuc/2026/02/dang-ky.md",
        &article(
            "Đăng ký <script>alert(1)</script> khai sinh",
            "2026-02-05T08:30:00+07:00",
            "units: [phong-kinh-te, Phòng VHXH]\ntags: [\"<b>đường</b>\"]\nsummary: \"Tóm tắt & <i>chú ý</i>\"\n",
        )
        .replace("units: [phong-kinh-te]\n", ""),
    );
    f.build_ok();
    let html = f.read("tin-tuc/dang-ky/index.html");
    assert!(html.contains("<html lang=\"vi\">"));
    assert!(
        html.contains("Đăng ký &lt;script&gt;alert(1)&lt;&#x2F;script&gt; khai sinh")
            || html.contains("Đăng ký &lt;script&gt;alert(1)&lt;/script&gt; khai sinh"),
        "{html}"
    );
    assert!(
        !html.contains("<script>alert"),
        "front matter must be escaped"
    );
    assert!(!html.contains("<b>đường</b>") && !html.contains("<i>chú ý</i>"));
    // Administrative long date and the time, in Vietnam time.
    assert!(html.contains("ngày 05 tháng 02 năm 2026, 08:30"), "{html}");
    assert!(html.contains("datetime=\"2026-02-05T08:30:00+07:00\""));
    // Lead unit first, coordinating unit (given by alias) after.
    let lead = html
        .find("<dt>Cơ quan chủ trì</dt>")
        .expect("lead unit label");
    let coord = html
        .find("<dt>Cơ quan phối hợp</dt>")
        .expect("coordinating unit label");
    let kt = html
        .find("<a href=\"/don-vi/phong-kinh-te/\">Phòng Kinh tế</a>")
        .unwrap();
    let vh = html
        .find("<a href=\"/don-vi/phong-van-hoa-xa-hoi/\">Phòng Văn hóa - Xã hội</a>")
        .unwrap();
    assert!(lead < kt && kt < coord && coord < vh);
    // The tag page slug drops diacritics and đ.
    assert!(f.public("tu-khoa/b-duong-b/index.html").is_file());
    // Dublin Core and Open Graph metadata.
    assert!(html.contains("<meta name=\"DC.creator\" content=\"Phòng Kinh tế\">"));
    assert!(html.contains("<meta property=\"og:type\" content=\"article\">"));
}

#[test]
fn unit_page_lists_what_it_leads_and_coordinates_newest_first_with_feeds() {
    let f = Fixture::new();
    for m in 1..=12 {
        let units = if m % 2 == 0 {
            "units: [phong-van-hoa-xa-hoi, phong-kinh-te]\n"
        } else {
            ""
        };
        let text = article(
            &format!("Tin số {m}"),
            &format!("2026-01-{m:02}T08:00:00+07:00"),
            units,
        );
        let text = if units.is_empty() {
            text
        } else {
            text.replace("units: [phong-kinh-te]\n", "")
        };
        f.write(&format!("content/tin-tuc/2026/01/tin-so-{m}.md"), &text);
    }
    f.build_ok();
    let page1 = f.read("don-vi/phong-kinh-te/index.html");
    assert!(page1.contains("Trần Thị Bình"), "head of unit is shown");
    assert!(page1.contains("Chủ trì 6, phối hợp 6"), "{page1}");
    let t12 = page1.find(">Tin số 12</a>").unwrap();
    let t11 = page1.find(">Tin số 11</a>").unwrap();
    assert!(t12 < t11, "newest first");
    assert!(page1.contains("<span class=\"role\">Phối hợp</span>"));
    // 12 items, 10 per page.
    let page2 = f.read("don-vi/phong-kinh-te/trang/2/index.html");
    assert!(
        page2.contains(">Tin số 1</a>") && page2.contains(">Tin số 2</a>"),
        "{page2}"
    );
    assert!(!page1.contains(">Tin số 1</a>"));
    assert!(!f.public("don-vi/phong-kinh-te/trang/3/index.html").exists());
    let rss = f.read("don-vi/phong-kinh-te/rss.xml");
    assert_eq!(rss.matches("<item>").count(), 12);
    assert!(
        f.read("don-vi/phong-kinh-te/atom.xml")
            .contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"")
    );
    // A unit without a page of its own gets no page and no link.
    assert!(!f.public("don-vi/bao-gia-lai/index.html").exists());
    let index = f.read("don-vi/index.html");
    assert!(index.contains("Báo Gia Lai") && !index.contains("/don-vi/bao-gia-lai/"));
}

#[test]
fn units_and_tags_are_sorted_in_vietnamese_order() {
    let f = Fixture::new();
    f.write(
        "content/tin-tuc/2026/03/a.md",
        &article(
            "A",
            "2026-03-01T08:00:00+07:00",
            "tags: [Zalo, đường làng, dịch vụ công, ánh sáng, an ninh]\n",
        ),
    );
    f.build_ok();
    let html = f.read("don-vi/index.html");
    let units = &html[html.find("<main").unwrap()..];
    let order: Vec<usize> = [
        "Báo Gia Lai",
        "Dân vận",
        "Đoàn Thanh niên",
        "Phòng Kinh tế",
        "Phòng Văn hóa - Xã hội",
        "Ủy ban nhân dân xã",
    ]
    .iter()
    .map(|n| units.find(n).unwrap_or_else(|| panic!("{n} missing")))
    .collect();
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "units not in Vietnamese order: {order:?}"
    );
    let html = f.read("tu-khoa/index.html");
    let tags = &html[html.find("<main").unwrap()..];
    let order: Vec<usize> = ["an ninh", "ánh sáng", "dịch vụ công", "đường làng", "Zalo"]
        .iter()
        .map(|n| tags.find(n).unwrap())
        .collect();
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "tags not in Vietnamese order"
    );
}

#[test]
fn drafts_scheduled_and_expired_items_are_left_out() {
    let f = Fixture::new();
    f.write(
        "content/tin-tuc/2026/11/nhap.md",
        &article("Bản nháp", "2026-11-01T08:00:00+07:00", "status: draft\n"),
    );
    f.write(
        "content/tin-tuc/2026/12/hen-gio.md",
        &article("Hẹn giờ", "2026-12-01T08:00:00+07:00", ""),
    );
    f.write(
        "content/tin-tuc/2026/10/het-han.md",
        &article(
            "Hết hạn",
            "2026-10-01T08:00:00+07:00",
            "expires_at: 2026-11-20T00:00:00+07:00\n",
        ),
    );
    f.write(
        "content/tin-tuc/2026/10/dang.md",
        &article("Đang đăng", "2026-10-02T08:00:00+07:00", ""),
    );
    f.build_ok();
    assert!(f.public("tin-tuc/dang/index.html").is_file());
    for gone in ["nhap", "hen-gio", "het-han"] {
        assert!(
            !f.public(&format!("tin-tuc/{gone}/index.html")).exists(),
            "{gone} must not be published"
        );
    }
    assert!(!f.read("rss.xml").contains("Hẹn giờ"));
    // The clock is injectable: at the scheduled time the post appears.
    let out = f.run(&["build", "--now", "2026-12-01T08:00:00+07:00"]);
    assert!(out.status.success());
    assert!(f.public("tin-tuc/hen-gio/index.html").is_file());
    assert!(!f.public("tin-tuc/nhap/index.html").exists());
    // --drafts shows drafts.
    assert!(f.run(&["build", "--drafts"]).status.success());
    assert!(f.public("tin-tuc/nhap/index.html").is_file());
}

#[test]
fn dates_without_offset_are_vietnam_time() {
    let f = Fixture::new();
    // 23:30 in Vietnam is 16:30 UTC the same day; read as UTC it would shift the day.
    f.write(
        "content/tin-tuc/2026/05/muon.md",
        &article("Muộn", "\"2026-05-20T23:30:00\"", ""),
    );
    f.build_ok();
    let html = f.read("tin-tuc/muon/index.html");
    assert!(
        html.contains("datetime=\"2026-05-20T23:30:00+07:00\""),
        "{html}"
    );
    assert!(html.contains("ngày 20 tháng 5 năm 2026, 23:30"));
    assert!(
        f.read("rss.xml")
            .contains("<pubDate>Wed, 20 May 2026 23:30:00 +0700</pubDate>")
    );
}

#[test]
fn news_lists_paginate_and_sections_have_feeds() {
    let f = Fixture::new();
    for i in 1..=25 {
        f.write(
            &format!("content/tin-tuc/2026/06/tin-{i}.md"),
            &article(
                &format!("Tin số {i}"),
                &format!("2026-06-{i:02}T08:00:00+07:00"),
                "",
            ),
        );
    }
    f.build_ok();
    let p1 = f.read("tin-tuc/index.html");
    assert_eq!(p1.matches("class=\"card\"").count(), 10);
    assert!(p1.contains("Tin số 25") && !p1.contains("Tin số 15<"));
    assert!(p1.contains("href=\"/tin-tuc/trang/2/\" rel=\"next\""));
    let p3 = f.read("tin-tuc/trang/3/index.html");
    assert_eq!(p3.matches("class=\"card\"").count(), 5);
    assert!(p3.contains("href=\"/tin-tuc/trang/2/\" rel=\"prev\""));
    assert!(!f.public("tin-tuc/trang/4/index.html").exists());
    assert!(f.public("chuyen-muc/tin-tuc/trang/3/index.html").is_file());
    assert_eq!(
        f.read("chuyen-muc/tin-tuc/rss.xml")
            .matches("<item>")
            .count(),
        20,
        "feed_limit default"
    );
    assert_eq!(f.read("rss.xml").matches("<item>").count(), 20);
}

#[test]
fn documents_table_has_the_columns_the_law_asks_for() {
    let f = Fixture::new();
    f.write_bytes("static/files/kh-135.pdf", b"%PDF-1.4\n");
    f.write(
        "content/van-ban/2025/135-kh-ubnd.md",
        "---\ndoc_type: ke_hoach\nnumber: \"135\"\nsymbol: KH-UBND\nabstract: Kế hoạch cải cách hành chính năm 2026\nissuer: Ủy ban nhân dân xã Thử Nghiệm\nissuer_level: xa\nissued_date: 2025-12-31\neffective_date: 2026-01-01\nlegal_status: con_hieu_luc\nunits: [Phòng VHXH]\nsigner: {name: Nguyễn Văn An, position: Chủ tịch}\nfiles: [{path: /files/kh-135.pdf, label: Bản PDF, signed: true}]\npublic_disclosure: {in_catalog: true, forms: [trang_ttdt], from: 2025-12-31}\n---\nNội dung kế hoạch.\n",
    );
    f.write(
        "content/trang/tiep-can-thong-tin.md",
        "---\ntitle: Tiếp cận thông tin\ntemplate: tiep-can-thong-tin\n---\nHướng dẫn.\n",
    );
    f.build_ok();
    let list = f.read("van-ban/index.html");
    for col in [
        "Số ký hiệu",
        "Ngày ban hành",
        "Trích yếu",
        "Loại",
        "Cơ quan ban hành",
        "Ngày hiệu lực",
        "Tệp",
    ] {
        assert!(
            list.contains(&format!("<th scope=\"col\">{col}</th>")),
            "missing column {col}"
        );
    }
    // Every cell names its column, so a phone shows each row as a card.
    assert!(list.contains("<td data-label=\"Số ký hiệu\">135/KH-UBND</td>"));
    assert!(
        list.contains("<td data-label=\"Ngày ban hành\">31/12/2025</td>")
            && list.contains("<td data-label=\"Ngày hiệu lực\">01/01/2026</td>")
    );
    assert!(list.contains("href=\"/files/kh-135.pdf\""));
    let page = f.read("van-ban/2025/135-kh-ubnd/index.html");
    assert!(page.contains("ngày 31 tháng 12 năm 2025"));
    assert!(
        page.contains("<h1>Kế hoạch số 135/KH-UBND: Kế hoạch cải cách hành chính năm 2026</h1>"),
        "{page}"
    );
    assert!(
        f.public("files/kh-135.pdf").is_file(),
        "static files are copied"
    );
    let tctt = f.read("tiep-can-thong-tin/index.html");
    assert!(
        tctt.contains("Danh mục thông tin phải được công khai") && tctt.contains("135/KH-UBND")
    );
    // The catalogue names each kind the law lists, with when it was published.
    assert_eq!(
        tctt.matches("Danh mục thông tin phải được công khai</h2>")
            .count(),
        1
    );
    for kind in [
        "Kế hoạch, chương trình",
        "Dự toán, quyết toán, công khai ngân sách",
        "Văn bản",
        "Thủ tục hành chính",
    ] {
        assert!(
            tctt.contains(&format!("\">{kind} <span class=\"count\">")),
            "{kind}"
        );
    }
    assert!(
        tctt.contains("<td data-label=\"Thời điểm công khai\">31/12/2025</td>"),
        "{tctt}"
    );
    // Every page's footer leads to it and home; pages carry their Dublin Core date.
    for page in [
        "index.html",
        "van-ban/index.html",
        "van-ban/2025/135-kh-ubnd/index.html",
        "tiep-can-thong-tin/index.html",
    ] {
        let html = f.read(page);
        assert!(
            html.contains("<li><a href=\"/tiep-can-thong-tin/\">Tiếp cận thông tin</a></li>"),
            "{page}"
        );
        assert!(
            html.contains("<li><a href=\"/\">Trang chủ</a></li>"),
            "{page}"
        );
        assert!(
            html.contains("<meta name=\"DC.date\" content=\"20"),
            "{page}"
        );
    }
    assert!(
        page.contains("<meta name=\"DC.date\" content=\"2025-12-31\">"),
        "{page}"
    );
    assert!(
        f.read("index.html")
            .contains("Tiếp cận thông tin: danh mục thông tin công khai")
    );
}

#[test]
fn base_url_with_a_sub_path_keeps_every_link_working() {
    let f = Fixture::new();
    f.write(
        "content/tin-tuc/2026/03/lien-ket.md",
        &article("Liên kết", "2026-03-01T08:00:00+07:00", "tags: [thử]\n").replace(
            "Nội dung của bài Liên kết.",
            "Xem [đơn vị](/don-vi/phong-kinh-te/) và [trang chủ](/).",
        ),
    );
    f.write(
        "content/trang/gioi-thieu.md",
        "---\ntitle: Giới thiệu\n---\nXã Thử Nghiệm.\n",
    );
    f.write(
        "content/trang/lien-he.md",
        "---\ntitle: Liên hệ\n---\nĐịa chỉ.\n",
    );
    assert!(
        f.run(&["build", "--base-url", "https://gialai.gov.vn/thunghiem"])
            .status
            .success()
    );
    let html = f.read("tin-tuc/lien-ket/index.html");
    assert!(
        html.contains("href=\"/thunghiem/don-vi/phong-kinh-te/\""),
        "{html}"
    );
    assert!(html.contains(
        "<link rel=\"canonical\" href=\"https://gialai.gov.vn/thunghiem/tin-tuc/lien-ket/\">"
    ));
    let css = links(&html)
        .into_iter()
        .find(|l| l.ends_with(".css"))
        .unwrap();
    assert!(
        css.starts_with("/thunghiem/static/style.")
            && css.len() > "/thunghiem/static/style..css".len()
    );
    let broken = broken_links(&f.root().join("public"), "/thunghiem");
    assert!(broken.is_empty(), "broken links: {broken:?}");
    assert!(
        f.read("sitemap.xml")
            .contains("<loc>https://gialai.gov.vn/thunghiem/tin-tuc/lien-ket/</loc>")
    );
    assert!(
        f.read("robots.txt")
            .contains("Sitemap: https://gialai.gov.vn/thunghiem/sitemap.xml")
    );
}

#[test]
fn site_wide_outputs_exist() {
    let f = Fixture::new();
    f.write(
        "content/tin-tuc/2026/03/a.md",
        &article("A", "2026-03-01T08:00:00+07:00", ""),
    );
    f.build_ok();
    for p in [
        "index.html",
        "404.html",
        "robots.txt",
        "sitemap.xml",
        "rss.xml",
        "atom.xml",
        "so-do-trang/index.html",
        "tu-khoa/index.html",
        "chuyen-muc/index.html",
        "van-ban/index.html",
    ] {
        assert!(f.public(p).is_file(), "{p} missing");
    }
    let map = f.read("so-do-trang/index.html");
    assert!(map.contains("Phòng Kinh tế") && map.contains("Tin tức - Sự kiện"));
    let home = f.read("index.html");
    assert!(
        home.contains("<footer")
            && home.contains("Chịu trách nhiệm nội dung: Nguyễn Văn An, Chủ tịch UBND xã.")
    );
    assert!(home.contains("aria-current=\"page\">Trang chủ</a>"));
}

#[test]
fn the_sample_site_builds_byte_identically_with_no_broken_links() {
    let root = common::repo_root();
    let out1 = tempfile::tempdir().unwrap();
    let out2 = tempfile::tempdir().unwrap();
    for (out, threads) in [(&out1, "1"), (&out2, "2")] {
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_trangxa"))
            .args(["build", "--now", "2026-11-27T12:00:00+07:00", "--root"])
            .arg(&root)
            .arg("--output")
            .arg(out.path().join("public"))
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    let (a, b) = (
        tree(&out1.path().join("public")),
        tree(&out2.path().join("public")),
    );
    assert!(a.len() > 50, "the sample site has {} files", a.len());
    assert_eq!(a.len(), b.len());
    for ((pa, ba), (pb, bb)) in a.iter().zip(&b) {
        assert_eq!(pa, pb);
        assert!(ba == bb, "{pa} differs between two builds");
    }
    let broken = broken_links(&out1.path().join("public"), "");
    assert!(
        broken.is_empty(),
        "broken links in the sample site: {broken:?}"
    );
}

#[test]
fn new_creates_a_well_named_file_that_builds() {
    let f = Fixture::new();
    let out = f.run(&["new", "tin-tuc", "Đăng ký: khai sinh #1 cho trẻ"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let rel = stdout
        .split_whitespace()
        .nth(2)
        .unwrap()
        .trim_end_matches('.');
    assert!(
        rel.starts_with("content/tin-tuc/") && rel.ends_with("/dang-ky-khai-sinh-1-cho-tre.md"),
        "{stdout}"
    );
    let text = std::fs::read_to_string(f.root().join(rel)).unwrap();
    assert!(text.contains("title: \"Đăng ký: khai sinh #1 cho trẻ\""));
    // Staff fill it in and publish: it builds.
    std::fs::write(
        f.root().join(rel),
        text.replace("status: draft", "status: published"),
    )
    .unwrap();
    let built = f.run(&["build", "--now", "2099-01-01T00:00:00+07:00"]);
    assert!(built.status.success(), "{}", common::stderr(&built));
    assert!(
        f.public("tin-tuc/dang-ky-khai-sinh-1-cho-tre/index.html")
            .is_file()
    );
    // Never overwrites.
    let again = f.run(&["new", "tin-tuc", "Đăng ký: khai sinh #1 cho trẻ"]);
    assert!(!again.status.success());
    assert!(common::stderr(&again).contains("đã có; không ghi đè"));
    // The same in English.
    let en = f.run(&[
        "new",
        "tin-tuc",
        "Đăng ký: khai sinh #1 cho trẻ",
        "--lang",
        "en",
    ]);
    let err = common::stderr(&en);
    assert!(
        err.contains("error[E022]: the file `content/tin-tuc/")
            && err.contains("already exists; it was not overwritten"),
        "{err}"
    );
    let en = f.run(&["new", "trang", "Hỏi đáp", "--lang", "en"]);
    let said = String::from_utf8_lossy(&en.stdout);
    assert!(
        said.starts_with("Created content/trang/hoi-dap.md. Open the file"),
        "{said}"
    );
}

#[test]
fn check_validates_without_writing() {
    let f = Fixture::new();
    f.write(
        "content/tin-tuc/2026/03/a.md",
        &article("A", "2026-03-01T08:00:00+07:00", ""),
    );
    let out = f.run(&["check"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Kiểm tra xong"));
    assert!(!f.root().join("public").exists(), "check must not write");
}

#[test]
fn recipients_written_twice_are_pointed_at() {
    let f = Fixture::new();
    f.write_bytes("static/files/kh-1.pdf", b"%PDF-1.4\n");
    f.write(
        "content/van-ban/2026/1-kh-ubnd.md",
        "---\ndoc_type: ke_hoach\nnumber: \"1\"\nsymbol: KH-UBND\nabstract: Kế hoạch thử\nissuer: Ủy ban nhân dân xã Thử Nghiệm\nissuer_level: xa\nissued_date: 2026-01-05\nlegal_status: con_hieu_luc\nunits: [Phòng VHXH]\nsigner: {name: Nguyễn Văn An, position: Chủ tịch, authority: tm, on_behalf_of: ỦY BAN NHÂN DÂN}\nrecipients: [Như trên]\narchive_note: \"Lưu: VT\"\nfiles: [{path: /files/kh-1.pdf, label: Bản PDF}]\n---\nNội dung.\n\n**Nơi nhận:**\n\n- Như trên;\n",
    );
    let err = f.build_ok();
    assert!(
        err.contains("cảnh báo[W180]") && err.contains("content/van-ban/2026/1-kh-ubnd.md:18:"),
        "{err}"
    );
    let page = f.read("van-ban/2026/1-kh-ubnd/index.html");
    assert!(
        page.contains("<li>Như trên;</li><li>Lưu: VT.</li>"),
        "{page}"
    );
    assert!(page.contains("<strong>TM. ỦY BAN NHÂN DÂN</strong><br><strong>CHỦ TỊCH</strong><br><span class=\"signer-name\">Nguyễn Văn An</span>"), "{page}");
}
