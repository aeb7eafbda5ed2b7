//! The procedure catalogue on fixture sites: the page a citizen reads and
//! prints, the catalogue with and without JavaScript, and every bad record.

mod common;

use common::{Fixture, article, broken_links, stderr};

/// A complete, valid record; tests change one line with `set`.
fn procedure(code: &str, title: &str) -> String {
    format!(
        "---
code: \"{code}\"
title: \"{title}\"
levels: [cap_xa]
field: Hộ tịch
steps:
  - \"Bước 1: Nộp hồ sơ tại Bộ phận Một cửa.\"
  - \"Bước 2: Nhận kết quả.\"
channels:
  - method: truc_tiep
    processing_time: {{text: 03 ngày làm việc, amount: 3, unit: ngay_lam_viec}}
    fees:
      - {{kind: le_phi, text: \"Lệ phí : 8.000 Đồng/bản\", exemptions: \"Miễn đối với người thuộc hộ nghèo, người khuyết tật\"}}
dossier:
  - case: \"Trường hợp nộp trực tiếp\"
    sets: 1
    items:
      - {{name: Tờ khai theo mẫu, originals: 1, copies: 0, form: {{name: Mẫu tờ khai, url: \"https://csdl.example.gov.vn/mau.docx\"}}}}
      - {{name: Giấy tờ tùy thân, present_only: true}}
applicants: [Công dân Việt Nam]
implementing_agency: Ủy ban nhân dân cấp xã
receiving_address: Bộ phận Một cửa, thôn 1
results: [Giấy xác nhận (bản chính)]
legal_basis: [{{number: 60/2014/QH13, title: Luật Hộ tịch, issued_date: 2014-11-20, issuer: Quốc hội}}]
requirements: \"Người yêu cầu phải có mặt.\"
online_level: khong
units: [uy-ban]
legal_status: con_hieu_luc
source: {{kind: dvcqg_doc, retrieved_at: 2026-11-20, verified: true}}
---
Hướng dẫn thêm về {title}.
"
    )
}

/// Replace the line `key: …` of a front matter.
fn set(text: &str, key: &str, line: &str) -> String {
    let prefix = format!("{key}:");
    let mut found = false;
    let out: Vec<String> = text
        .lines()
        .map(|l| {
            if l.starts_with(&prefix) {
                found = true;
                line.to_string()
            } else {
                l.to_string()
            }
        })
        .collect();
    assert!(found, "no `{key}:` line");
    out.join("\n") + "\n"
}

const PAKN: &str = "pakn: {agency: Trung tâm Phục vụ hành chính công xã Thử Nghiệm, phone: 0256 222 222, email: pakn@thunghiem.gov.vn}\n";

fn site() -> Fixture {
    let f = Fixture::new();
    f.write("site.yaml", &format!("{}{PAKN}", common::SITE_YAML));
    f.write(
        "content/don-vi/cong-an-xa.md",
        "---\nid: cong-an-xa\nname: Công an xã Thử Nghiệm\nkind: nganh_doc\nexternal: true\n---\n",
    );
    f
}

fn pos(html: &str, needle: &str) -> usize {
    html.find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not in page:\n{html}"))
}

#[test]
fn procedure_page_shows_the_whole_record_in_the_national_order() {
    let f = site();
    f.write(
        "content/thu-tuc/1.001193.md",
        &set(
            &set(
                &procedure("1.001193", "Đăng ký khai sinh"),
                "online_level",
                "online_level: toan_trinh",
            ),
            "units",
            "units: [uy-ban, cong-an-xa]",
        )
        .replace(
            "legal_status:",
            "online_url: https://dichvucong.gov.vn/nop?ma=1.001193\nlegal_status:",
        ),
    );
    f.write(
        "content/tin-tuc/2026/03/khai-sinh.md",
        &article(
            "Hướng dẫn đăng ký khai sinh",
            "2026-03-01T08:00:00+07:00",
            "related_procedures: [\"1.001193\"]\n",
        ),
    );
    f.build_ok();
    let html = f.read("thu-tuc-hanh-chinh/1.001193/index.html");
    // The national record's order.
    let order = [
        "<th scope=\"row\">Mã thủ tục</th>",
        "<th scope=\"row\">Tên thủ tục</th>",
        "<th scope=\"row\">Cấp thực hiện</th>",
        "<th scope=\"row\">Lĩnh vực</th>",
        "Trình tự thực hiện</h2>",
        "Cách thức thực hiện</h2>",
        "Thành phần hồ sơ</h2>",
        "Đối tượng thực hiện</th>",
        "Cơ quan thực hiện</th>",
        "Địa chỉ tiếp nhận hồ sơ</th>",
        "Kết quả thực hiện</th>",
        "Căn cứ pháp lý</h2>",
        "Yêu cầu, điều kiện thực hiện</h2>",
    ];
    for pair in order.windows(2) {
        assert!(pos(&html, pair[0]) < pos(&html, pair[1]), "{pair:?}");
    }
    // Fees and exemptions verbatim, side by side; time as published.
    assert!(html.contains("Lệ phí : 8.000 Đồng/bản"), "{html}");
    assert!(html.contains("Miễn, giảm: Miễn đối với người thuộc hộ nghèo, người khuyết tật"));
    assert!(html.contains("<td data-label=\"Thời hạn giải quyết\">03 ngày làm việc</td>"));
    // Steps numbered once: the record's "Bước N:" becomes the list's number.
    let steps = &html[pos(&html, "<ol class=\"steps\">")..];
    let steps = &steps[..pos(steps, "</ol>")];
    assert_eq!(
        steps,
        "<ol class=\"steps\"><li>Nộp hồ sơ tại Bộ phận Một cửa.</li><li>Nhận kết quả.</li>"
    );
    // The dossier is a checklist with labelled tick boxes and quantities.
    assert!(html.contains(
        "<input type=\"checkbox\" id=\"giay-to-1-1\"> <label for=\"giay-to-1-1\">Tờ khai theo mẫu</label>"
    ));
    assert!(html.contains("Bản chính: 1 – Bản sao: 0"));
    assert!(html.contains("Xuất trình"));
    assert!(
        html.contains("<h3>Trường hợp nộp trực tiếp</h3>")
            && html.contains("Số lượng hồ sơ: 1 bộ.")
    );
    assert!(
        html.contains("<a href=\"https://csdl.example.gov.vn/mau.docx\">Tải mẫu: Mẫu tờ khai</a>")
    );
    // A prominent online action, the address, the PAKN block, related news.
    assert!(html.contains(
        "<a class=\"button\" href=\"https://dichvucong.gov.vn/nop?ma=1.001193\">Nộp hồ sơ trực tuyến</a>"
    ));
    assert!(html.contains("Bộ phận Một cửa, thôn 1"));
    assert!(html.contains("Phản ánh, kiến nghị</h2>"));
    assert!(html.contains("Trung tâm Phục vụ hành chính công xã Thử Nghiệm"));
    assert!(html.contains("<a href=\"tel:0256222222\">0256 222 222</a>"));
    assert!(html.contains("<a href=\"/tin-tuc/khai-sinh/\">Hướng dẫn đăng ký khai sinh</a>"));
    assert!(
        html.contains("Hướng dẫn thêm về Đăng ký khai sinh."),
        "the body is shown"
    );
    // An external unit (no page of its own) is named without a link.
    assert!(html.contains("<li>Công an xã Thử Nghiệm</li>"), "{html}");
    // Breadcrumbs lead back to the catalogue and the field.
    assert!(html.contains("<a href=\"/thu-tuc-hanh-chinh/linh-vuc/ho-tich/\">Hộ tịch</a>"));
    // The news item links back to the procedure.
    let news = f.read("tin-tuc/khai-sinh/index.html");
    assert!(
        news.contains(
            "<a href=\"/thu-tuc-hanh-chinh/1.001193/\">Đăng ký khai sinh</a> (mã 1.001193)"
        )
    );
}

#[test]
fn apply_online_leads_to_the_procedure_on_the_portal() {
    let f = Fixture::new();
    f.write(
        "site.yaml",
        &format!(
            "{}dvc_urls:\n  national: https://dichvucong.gov.vn/\n  procedure: \"https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc={{code}}\"\n",
            common::SITE_YAML
        ),
    );
    let online = |code: &str, url: &str| {
        set(
            &procedure(code, "Đăng ký khai sinh"),
            "online_level",
            &format!("online_level: mot_phan\nonline_url: {url}"),
        )
    };
    // The portal's home page gives way to the procedure's own page…
    f.write(
        "content/thu-tuc/1.001193.md",
        &online("1.001193", "https://dichvucong.gov.vn/"),
    );
    // …an address that names the procedure is kept.
    f.write(
        "content/thu-tuc/1.000656.md",
        &online(
            "1.000656",
            "https://dichvucong.gialai.gov.vn/nop?ma=1.000656",
        ),
    );
    f.build_ok();
    assert!(f.read("thu-tuc-hanh-chinh/1.001193/index.html").contains(
        "<a class=\"button\" href=\"https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.001193\">Nộp hồ sơ trực tuyến</a>"
    ));
    assert!(f.read("thu-tuc-hanh-chinh/1.000656/index.html").contains(
        "<a class=\"button\" href=\"https://dichvucong.gialai.gov.vn/nop?ma=1.000656\">Nộp hồ sơ trực tuyến</a>"
    ));
    // Codes are labelled as codes, and the level reads as a sentence.
    let az = f.read("thu-tuc-hanh-chinh/a-z/index.html");
    assert!(az.contains("<span>Mã thủ tục 1.001193</span>"), "{az}");
    assert!(az.contains(">Trực tuyến một phần</span>"), "{az}");
    assert!(!az.contains("Trực tuyến: "), "{az}");

    // Without the pattern, the officer learns which buttons lead nowhere useful.
    f.write(
        "site.yaml",
        &format!(
            "{}dvc_urls: {{national: https://dichvucong.gov.vn/}}\n",
            common::SITE_YAML
        ),
    );
    let out = f.run(&["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("cảnh báo[W185]") && err.contains("(1.001193)"),
        "{err}"
    );
}

#[test]
fn a_fully_online_procedure_that_asks_the_citizen_to_come_is_flagged() {
    let f = site();
    let text = set(
        &set(
            &procedure("2.000815", "Chứng thực bản sao từ bản chính"),
            "online_level",
            "online_level: toan_trinh\nonline_url: https://dichvucong.gov.vn/nop?ma=2.000815",
        ),
        "  - \"Bước 2",
        "  - \"Bước 2: Người yêu cầu xuất trình bản chính tại Bộ phận Một cửa.\"",
    );
    f.write("content/thu-tuc/2.000815.md", &text);
    let out = f.run(&["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("cảnh báo[W183]: thủ tục ghi mức độ trực tuyến toàn trình nhưng bước 2 yêu cầu người dân đến trực tiếp"),
        "{err}"
    );
    assert!(err.contains("content/thu-tuc/2.000815.md:8:"), "{err}");
    // Marked "một phần", it is consistent and nothing is said.
    f.write(
        "content/thu-tuc/2.000815.md",
        &text.replace("online_level: toan_trinh", "online_level: mot_phan"),
    );
    let out = f.run(&["build"]);
    assert!(!stderr(&out).contains("W183"), "{}", stderr(&out));
}

#[test]
fn the_page_prints_as_an_a4_checklist() {
    let f = site();
    f.write(
        "content/thu-tuc/1.001193.md",
        &procedure("1.001193", "Đăng ký khai sinh"),
    );
    f.build_ok();
    let html = f.read("thu-tuc-hanh-chinh/1.001193/index.html");
    let css_href = html
        .split("<link rel=\"stylesheet\" href=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap();
    let css = f.read(css_href.trim_start_matches('/'));
    let print = &css[css.find("@page { size: A4").expect("an A4 print rule")..];
    // Menus, footer, the online button and the long sections stay off paper.
    let hidden_in_print = css.split("@media print").skip(1).any(|block| {
        let rule = block.split("@media").next().unwrap_or("");
        (rule.contains(".site-header nav") || rule.contains(".main-nav"))
            && rule.contains(".site-footer")
            && rule.contains("display: none")
    });
    assert!(hidden_in_print, "menus and footer are hidden in print");
    assert!(print.contains(".no-print, .cta, .toc"));
    assert!(print.contains(".print-only { display: block; }"));
    // What the checklist keeps: papers, time and fees, address and result.
    for keep in [
        "id=\"ho-so\"",
        "id=\"cach-thuc\"",
        "Địa chỉ tiếp nhận hồ sơ",
    ] {
        let at = pos(&html, keep);
        let before = &html[..at];
        let tag_start = before.rfind('<').unwrap();
        assert!(
            !html[tag_start..at + keep.len()].contains("no-print"),
            "{keep} must print"
        );
    }
    assert!(html.contains("<section id=\"trinh-tu\" class=\"no-print\""));
    assert!(html.contains("<section id=\"can-cu\" class=\"no-print\""));
    assert!(html.contains("<p class=\"print-only\">In từ https://thunghiem.gialai.gov.vn/thu-tuc-hanh-chinh/1.001193/</p>"));
}

#[test]
fn catalogue_is_grouped_by_field_in_vietnamese_order_with_filter_pages() {
    let f = site();
    let fields = [
        (
            "1.000001",
            "Đăng ký khai tử",
            "Hộ tịch",
            "khong",
            "Ủy ban nhân dân cấp xã",
        ),
        (
            "1.000002",
            "Ấp trứng thử",
            "Đất đai",
            "khong",
            "Ủy ban nhân dân cấp xã",
        ),
        (
            "1.000003",
            "Chứng thực chữ ký",
            "Chứng thực",
            "khong",
            "Ủy ban nhân dân cấp xã",
        ),
        (
            "1.000004",
            "Đăng ký thường trú",
            "Đăng ký, quản lý cư trú",
            "toan_trinh",
            "Công an cấp xã",
        ),
        (
            "1.000005",
            "An táng",
            "Hộ tịch",
            "mot_phan",
            "Ủy ban nhân dân cấp xã",
        ),
        (
            "1.000006",
            "Xác nhận khuyết tật",
            "Bảo trợ xã hội",
            "khong",
            "Ủy ban nhân dân cấp xã",
        ),
    ];
    for (code, title, field, online, agency) in fields {
        let mut text = set(
            &procedure(code, title),
            "field",
            &format!("field: \"{field}\""),
        );
        text = set(&text, "online_level", &format!("online_level: {online}"));
        text = set(
            &text,
            "implementing_agency",
            &format!("implementing_agency: {agency}"),
        );
        if online != "khong" {
            text = text.replace(
                "legal_status:",
                "online_url: https://dichvucong.gov.vn/\nlegal_status:",
            );
        }
        f.write(&format!("content/thu-tuc/{code}.md"), &text);
    }
    f.build_ok();
    let html = f.read("thu-tuc-hanh-chinh/index.html");
    // Vietnamese order: B, C, Đ (after D), H — not code-point order.
    let headings = [
        "id=\"h-linh-vuc-bao-tro-xa-hoi\"",
        "id=\"h-linh-vuc-chung-thuc\"",
        "id=\"h-linh-vuc-dang-ky-quan-ly-cu-tru\"",
        "id=\"h-linh-vuc-dat-dai\"",
        "id=\"h-linh-vuc-ho-tich\"",
    ];
    for pair in headings.windows(2) {
        assert!(pos(&html, pair[0]) < pos(&html, pair[1]), "{pair:?}");
    }
    assert!(html.contains("<a href=\"/thu-tuc-hanh-chinh/linh-vuc/ho-tich/\">Hộ tịch</a> <span class=\"count\">(2 thủ tục)</span>"));
    // Within a field: Vietnamese alphabetical order of titles.
    assert!(pos(&html, ">An táng<") < pos(&html, ">Đăng ký khai tử<"));
    // Without JavaScript: every filter is a static page with counts.
    assert!(html.contains("<a href=\"/thu-tuc-hanh-chinh/linh-vuc/dat-dai/\">Đất đai (1)</a>"));
    assert!(
        html.contains("<a href=\"/thu-tuc-hanh-chinh/truc-tuyen/toan-trinh/\">Toàn trình (1)</a>")
    );
    assert!(html.contains(
        "<a href=\"/thu-tuc-hanh-chinh/co-quan/cong-an-cap-xa/\">Công an cấp xã (1)</a>"
    ));
    let field = f.read("thu-tuc-hanh-chinh/linh-vuc/ho-tich/index.html");
    assert!(field.contains("<h1>Lĩnh vực Hộ tịch</h1>"));
    assert!(field.contains(">An táng<") && !field.contains(">Chứng thực chữ ký<"));
    assert!(field.contains("aria-current=\"page\">Hộ tịch (2)</a>"));
    let level = f.read("thu-tuc-hanh-chinh/truc-tuyen/mot-phan/index.html");
    assert!(level.contains(">An táng<") && !level.contains(">Đăng ký khai tử<"));
    let agency = f.read("thu-tuc-hanh-chinh/co-quan/cong-an-cap-xa/index.html");
    assert!(agency.contains(">Đăng ký thường trú<") && !agency.contains(">An táng<"));
    // A–Z: letters in Vietnamese order, Â/Đ as letters of their own.
    let az = f.read("thu-tuc-hanh-chinh/a-z/index.html");
    let letters = [
        "href=\"#chu-a\">A<",
        "href=\"#chu-aa\">Â<",
        "href=\"#chu-c\">C<",
        "href=\"#chu-dd\">Đ<",
        "href=\"#chu-x\">X<",
    ];
    for pair in letters.windows(2) {
        assert!(pos(&az, pair[0]) < pos(&az, pair[1]), "{pair:?}");
    }
    assert!(az.contains("<section class=\"proc-group\" id=\"chu-dd\""));
    // The catalogue is in the menu, the home page, both site maps.
    let home = f.read("index.html");
    assert!(home.contains("<a href=\"/thu-tuc-hanh-chinh/\">Thủ tục hành chính</a>"));
    assert!(home.contains("<form action=\"/thu-tuc-hanh-chinh/\" method=\"get\" role=\"search\">"));
    assert!(home.contains("<input type=\"search\" id=\"tim-thu-tuc\" name=\"q\""));
    let map = f.read("so-do-trang/index.html");
    assert!(map.contains("<a href=\"/thu-tuc-hanh-chinh/linh-vuc/dat-dai/\">Lĩnh vực Đất đai</a>"));
    let xml = f.read("sitemap.xml");
    for p in [
        "thu-tuc-hanh-chinh/",
        "thu-tuc-hanh-chinh/1.000004/",
        "thu-tuc-hanh-chinh/linh-vuc/ho-tich/",
        "thu-tuc-hanh-chinh/a-z/",
    ] {
        assert!(
            xml.contains(&format!("<loc>https://thunghiem.gialai.gov.vn/{p}</loc>")),
            "{p}"
        );
    }
    // (The fixture has no Giới thiệu/Liên hệ pages; the menu's other links are its own business.)
    let broken: Vec<_> = broken_links(&f.public(""), "")
        .into_iter()
        .filter(|(_, l)| l.starts_with("/thu-tuc-hanh-chinh/"))
        .collect();
    assert!(broken.is_empty(), "{broken:?}");
}

#[test]
fn catalogue_works_without_javascript_and_filters_with_it() {
    let f = site();
    f.write(
        "content/thu-tuc/1.001193.md",
        &procedure("1.001193", "Đăng ký khai sinh"),
    );
    f.build_ok();
    let html = f.read("thu-tuc-hanh-chinh/index.html");
    // Without JS: every row is in the HTML, visible; the JS-only form is hidden.
    assert!(html.contains(
        "<a class=\"proc-title\" href=\"/thu-tuc-hanh-chinh/1.001193/\">Đăng ký khai sinh</a>"
    ));
    assert!(!html.contains("<li class=\"proc\" hidden"));
    assert!(
        html.contains("<form class=\"proc-filter\" id=\"loc-thu-tuc\" role=\"search\" hidden>")
    );
    // Each row carries what the script filters on: folded text, code with and without the dot.
    assert!(html.contains("data-field=\"ho-tich\" data-online=\"khong\" data-agency=\"uy-ban-nhan-dan-cap-xa\" data-search=\"dang ky khai sinh 1.001193 1001193\""));
    // The script is small, deferred, and only on catalogue pages.
    let src = html
        .split("<script src=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .find(|s| s.contains("thu-tuc"))
        .expect("the filter script on the catalogue");
    assert!(html.contains(&format!("<script src=\"{src}\" defer></script>")));
    let js = f.read(src.trim_start_matches('/'));
    assert!(
        js.len() < 6000,
        "the filter script stays small: {} bytes",
        js.len()
    );
    for needle in [
        "form.hidden = false",
        "normalize(\"NFD\")",
        "[đĐ]",
        "data",
        "URLSearchParams",
    ] {
        assert!(js.contains(needle), "{needle}");
    }
    let page = f.read("thu-tuc-hanh-chinh/1.001193/index.html");
    assert!(
        !page.contains("thu-tuc."),
        "the catalogue's filter script stays off record pages"
    );
}

#[test]
fn replaced_and_abolished_procedures_are_marked_and_link_to_their_replacement() {
    let f = site();
    f.write(
        "content/thu-tuc/1.001193.md",
        &procedure("1.001193", "Đăng ký khai sinh"),
    );
    f.write(
        "content/thu-tuc/1.001640.md",
        &set(
            &procedure("1.001640", "Đăng ký khai sinh (mẫu cũ)"),
            "legal_status",
            "legal_status: da_thay_the\nreplaced_by: \"1.001193\"",
        ),
    );
    f.write(
        "content/thu-tuc/1.000100.md",
        &set(
            &procedure("1.000100", "Cấp giấy cũ"),
            "legal_status",
            "legal_status: da_bai_bo",
        ),
    );
    f.build_ok();
    let html = f.read("thu-tuc-hanh-chinh/index.html");
    assert!(
        html.contains("<span class=\"count\">(1 thủ tục, 2 không còn áp dụng)</span>"),
        "{html}"
    );
    assert!(html.contains("<span class=\"badge status\">Đã được thay thế</span> Thay thế bằng <a href=\"/thu-tuc-hanh-chinh/1.001193/\">1.001193 — Đăng ký khai sinh</a>"));
    assert!(html.contains("<span class=\"badge status\">Đã bãi bỏ</span>"));
    // Current procedures come first.
    assert!(pos(&html, ">Đăng ký khai sinh</a>") < pos(&html, ">Cấp giấy cũ</a>"));
    let old = f.read("thu-tuc-hanh-chinh/1.001640/index.html");
    assert!(old.contains("Thủ tục này đã được thay thế, không còn áp dụng. Thay thế bằng thủ tục <a href=\"/thu-tuc-hanh-chinh/1.001193/\">"));
    assert!(!old.contains("Nộp hồ sơ trực tuyến</a>"));
}

#[test]
fn the_sample_site_has_a_real_catalogue() {
    let root = common::repo_root();
    let out = tempfile::tempdir().unwrap();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_trangxa"))
        .args(["build", "--now", "2026-11-27T12:00:00+07:00", "--root"])
        .arg(&root)
        .arg("--output")
        .arg(out.path().join("public"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let html =
        std::fs::read_to_string(out.path().join("public/thu-tuc-hanh-chinh/index.html")).unwrap();
    let codes = html.matches("<li class=\"proc").count();
    assert!(codes >= 12, "the sample catalogue lists {codes} procedures");
    for (code, field) in [
        ("1.001193", "ho-tich"),
        ("2.000815", "chung-thuc"),
        ("1.004222", "dang-ky-quan-ly-cu-tru"),
        ("1.012812", "dat-dai"),
        ("1.001699", "bao-tro-xa-hoi"),
    ] {
        assert!(
            out.path()
                .join(format!("public/thu-tuc-hanh-chinh/{code}/index.html"))
                .is_file(),
            "{code}"
        );
        assert!(html.contains(&format!("data-field=\"{field}\"")), "{field}");
    }
    // Unverified records are flagged at every build, never hidden.
    assert!(stderr(&o).contains("cảnh báo[W031]"));
    // Every sample record is complete as the national record lays it out:
    // type, competent authority, fees as amounts or as the law words them,
    // a deep link to the portal, and its form as a small Word file.
    let mut forms = 0;
    for e in std::fs::read_dir(root.join("content/thu-tuc"))
        .unwrap()
        .flatten()
    {
        let code = e.path().file_stem().unwrap().to_string_lossy().to_string();
        let page = std::fs::read_to_string(
            out.path()
                .join(format!("public/thu-tuc-hanh-chinh/{code}/index.html")),
        )
        .unwrap();
        for row in [
            "Loại thủ tục</th>",
            "Cơ quan có thẩm quyền</th>",
            "Phí, lệ phí",
        ] {
            assert!(page.contains(row), "{code}: no {row}");
        }
        assert!(
            !page.contains("Theo Thông tư số"),
            "{code}: a fee without its amount"
        );
        if page.contains("Nộp hồ sơ trực tuyến</a>") {
            assert!(
                page.contains(&format!("ma_thu_tuc={code}\">Nộp hồ sơ trực tuyến</a>")),
                "{code}"
            );
        }
        for (at, _) in page.match_indices("href=\"/files/mau/") {
            let href = &page[at + 6..];
            let href = &href[..href.find('"').unwrap()];
            let file = root.join("static").join(href.trim_start_matches('/'));
            let bytes = std::fs::read(&file).unwrap_or_else(|_| panic!("{code}: {href}"));
            assert!(
                bytes.starts_with(b"PK") && bytes.len() < 30_000,
                "{href}: not a small DOCX"
            );
            forms += 1;
        }
    }
    assert!(forms >= 10, "{forms} form links");
    let ho_tich = std::fs::read_to_string(
        out.path()
            .join("public/thu-tuc-hanh-chinh/1.001193/index.html"),
    )
    .unwrap();
    assert!(ho_tich.contains("Số quyết định công bố</th>"));
    assert!(ho_tich.contains("Tải mẫu: Tờ khai đăng ký khai sinh (DOCX)</a>"));
}

// ---- Bad input: error naming file, line, field; exit 1; public/ untouched.

fn fails(f: &Fixture) -> String {
    std::fs::create_dir_all(f.public("")).unwrap();
    std::fs::write(f.public("marker.txt"), "old site").unwrap();
    let out = f.build();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(
        std::fs::read_to_string(f.public("marker.txt")).unwrap(),
        "old site"
    );
    assert!(!f.public("index.html").exists());
    err
}

fn with_procedure(rel: &str, text: &str) -> Fixture {
    let f = site();
    f.write(rel, text);
    f
}

const FILE: &str = "content/thu-tuc/1.001193.md";

#[test]
fn bad_code() {
    let text = set(&procedure("1.001193", "A"), "code", "code: \"1.00119\"");
    let err = fails(&with_procedure(FILE, &text));
    assert!(err.contains("mã thủ tục `1.00119` không hợp lệ"), "{err}");
    assert!(err.contains("--> content/thu-tuc/1.001193.md:2:"), "{err}");
}

#[test]
fn file_named_after_another_code() {
    let err = fails(&with_procedure(
        "content/thu-tuc/1.000894.md",
        &procedure("1.001193", "A"),
    ));
    assert!(err.contains("lỗi[E030]"), "{err}");
    assert!(err.contains("--> content/thu-tuc/1.000894.md:2:"), "{err}");
    assert!(err.contains("đổi tên tệp thành `1.001193.md`"), "{err}");
}

#[test]
fn duplicate_code() {
    let f = with_procedure(FILE, &procedure("1.001193", "A"));
    f.write(
        "content/thu-tuc/cu/1.001193.md",
        &procedure("1.001193", "B"),
    );
    let err = fails(&f);
    assert!(
        err.contains("lỗi[E031]: mã thủ tục `1.001193` trùng với tệp content/thu-tuc/"),
        "{err}"
    );
    assert!(
        err.contains("content/thu-tuc/cu/1.001193.md") && err.contains(":2:"),
        "{err}"
    );
}

#[test]
fn unknown_field_gets_a_suggestion() {
    let text = set(&procedure("1.001193", "A"), "field", "field: Hộ tịt");
    let err = fails(&with_procedure(FILE, &text));
    assert!(
        err.contains("lỗi[E034]: không có lĩnh vực `Hộ tịt`"),
        "{err}"
    );
    assert!(err.contains("--> content/thu-tuc/1.001193.md:5:8"), "{err}");
    assert!(err.contains("có phải bạn muốn viết `Hộ tịch`?"), "{err}");
}

#[test]
fn a_field_split_by_a_comma_in_site_yaml_is_named_as_such() {
    let text = set(
        &procedure("1.001193", "A"),
        "field",
        "field: \"Đăng ký, quản lý cư trú\"",
    );
    let f = with_procedure(FILE, &text);
    f.write(
        "site.yaml",
        &format!(
            "{}{PAKN}procedure_fields: [Hộ tịch, Đăng ký, quản lý cư trú]\n",
            common::SITE_YAML
        ),
    );
    let err = fails(&f);
    assert!(
        err.contains("dấu phẩy trong danh sách `procedure_fields` của site.yaml đã tách lĩnh vực này làm hai: viết `\"Đăng ký, quản lý cư trú\"`"),
        "{err}"
    );
}

#[test]
fn unknown_front_matter_key() {
    let text = procedure("1.001193", "A").replace("levels:", "linh_vuc: Hộ tịch\nlevels:");
    let err = fails(&with_procedure(FILE, &text));
    assert!(err.contains("trường `linh_vuc` không được hỗ trợ"), "{err}");
    assert!(err.contains("--> content/thu-tuc/1.001193.md:4:"), "{err}");
}

#[test]
fn unknown_online_level() {
    let text = set(
        &procedure("1.001193", "A"),
        "online_level",
        "online_level: toan_phan",
    );
    let err = fails(&with_procedure(FILE, &text));
    assert!(err.contains("giá trị `toan_phan` không hợp lệ"), "{err}");
    assert!(err.contains("toan_trinh, mot_phan, khong"), "{err}");
    assert!(err.contains("content/thu-tuc/1.001193.md:"), "{err}");
}

#[test]
fn online_level_without_url() {
    let text = set(
        &procedure("1.001193", "A"),
        "online_level",
        "online_level: mot_phan",
    );
    let err = fails(&with_procedure(FILE, &text));
    assert!(err.contains("lỗi[E032]"), "{err}");
    assert!(err.contains("(`online_url`)"), "{err}");
    let line = procedure("1.001193", "A")
        .lines()
        .position(|l| l.starts_with("online_level"))
        .unwrap()
        + 1;
    assert!(
        err.contains(&format!("--> content/thu-tuc/1.001193.md:{line}:")),
        "{err}"
    );
}

#[test]
fn replaced_without_replacement_and_empty_required_lists() {
    let text = set(
        &set(
            &procedure("1.001193", "A"),
            "legal_status",
            "legal_status: da_thay_the",
        ),
        "results",
        "results: []",
    );
    let err = fails(&with_procedure(FILE, &text));
    assert!(
        err.contains("lỗi[E033]: thủ tục đã được thay thế phải ghi thủ tục thay thế"),
        "{err}"
    );
    assert!(
        err.contains("lỗi[E006]: thủ tục hành chính phải có `results`"),
        "{err}"
    );
}

#[test]
fn article_naming_an_unknown_procedure() {
    let f = with_procedure(FILE, &procedure("1.001193", "A"));
    f.write(
        "content/tin-tuc/2026/03/bai.md",
        &article(
            "Bài",
            "2026-03-01T08:00:00+07:00",
            "related_procedures: [\"1.001194\"]\n",
        ),
    );
    let err = fails(&f);
    assert!(
        err.contains("lỗi[E036]: không có thủ tục mã `1.001194` trên trang"),
        "{err}"
    );
    assert!(
        err.contains("--> content/tin-tuc/2026/03/bai.md:7:"),
        "{err}"
    );
    assert!(err.contains("có phải bạn muốn viết `1.001193`?"), "{err}");
}

#[test]
fn incomplete_or_unverified_sources_warn_but_build() {
    let text = set(
        &procedure("1.001193", "A"),
        "source",
        "source: {kind: dvcqg_html, retrieved_at: 2026-11-20, verified: false}",
    );
    let f = with_procedure(FILE, &text);
    let err = f.build_ok();
    assert!(err.contains("cảnh báo[W030]"), "{err}");
    assert!(
        err.contains("cảnh báo[W031]: thủ tục 1.001193 chưa được đối chiếu"),
        "{err}"
    );
}
