//! The default theme on fixture sites: what the home page, header and footer
//! give a citizen.

mod common;

use common::{Fixture, SITE_YAML, article};

fn with_config(extra: &str) -> Fixture {
    let f = Fixture::new();
    // A key given in `extra` replaces the fixture's own.
    let base: String = SITE_YAML
        .lines()
        .filter(|l| {
            let key = l.split(':').next().unwrap_or("");
            key.starts_with(' ') || !extra.lines().any(|e| e.starts_with(&format!("{key}:")))
        })
        .map(|l| format!("{l}\n"))
        .collect();
    f.write("site.yaml", &format!("{base}{extra}"));
    f.write(
        "content/tin-tuc/2026/10/cuoc-thi.md",
        &article("Phát động cuộc thi", "2026-10-01T08:00:00+07:00", ""),
    );
    f
}

const CAMPAIGN: &str = "campaign:
  title: Tháng cao điểm dịch vụ công trực tuyến
  url: /tin-tuc/cuoc-thi/
  from: 2026-11-01
  until: 2026-11-30
";

#[test]
fn home_shows_the_campaign_banner_only_while_it_runs() {
    let f = with_config(CAMPAIGN);
    for (now, shown) in [
        ("2026-10-31T23:00:00+07:00", false),
        ("2026-11-01T00:30:00+07:00", true),
        // Days are Vietnamese days: the last day lasts until midnight +07:00.
        ("2026-11-30T23:30:00+07:00", true),
        ("2026-12-01T00:30:00+07:00", false),
    ] {
        let out = f.run(&["build", "--now", now]);
        assert!(out.status.success(), "{}", common::stderr(&out));
        let home = f.read("index.html");
        assert_eq!(
            home.contains("Tháng cao điểm dịch vụ công trực tuyến"),
            shown,
            "at {now}"
        );
        if shown {
            assert!(home.contains(r#"<a href="/tin-tuc/cuoc-thi/">Tháng cao điểm"#));
            assert!(home.contains("Đến hết ngày 30/11/2026."));
        }
    }
}

#[test]
fn procedure_search_leads_to_the_portal_until_the_site_has_a_catalogue() {
    let portal = with_config(
        "dvc_urls: {national: https://dichvucong.gov.vn/, province: https://dichvucong.gialai.gov.vn/}\n",
    );
    // A site whose menu has no catalogue entry.
    portal.write(
        "site.yaml",
        &format!(
            "{}dvc_urls: {{national: https://dichvucong.gov.vn/, province: https://dichvucong.gialai.gov.vn/}}\n",
            SITE_YAML.replace("  - {name: Thủ tục hành chính, url: /thu-tuc-hanh-chinh/}\n", "")
        ),
    );
    portal.build_ok();
    let home = portal.read("index.html");
    assert!(
        home.contains(
            r#"<a href="https://dichvucong.gialai.gov.vn/">Tra cứu thủ tục hành chính<span>Trên Cổng Dịch vụ công tỉnh Gia Lai"#
        ),
        "{home}"
    );

    let own = with_config("dvc_urls: {national: https://dichvucong.gov.vn/}\n");
    own.build();
    let home = own.read("index.html");
    assert!(
        home.contains(r#"<a href="/thu-tuc-hanh-chinh/">Tra cứu thủ tục hành chính"#),
        "{home}"
    );
}

#[test]
fn footer_and_header_carry_what_the_law_asks_for() {
    let f = with_config(
        // The fixture's site.yaml names Lê Thị Cúc as information contact.
        "license: Ghi rõ nguồn khi phát hành lại.\n",
    );
    f.build_ok();
    for page in ["index.html", "tin-tuc/cuoc-thi/index.html", "404.html"] {
        let html = f.read(page);
        // Header: emblem and the body's full name.
        assert!(html.contains(r#"class="emblem""#), "{page}");
        assert!(html.contains("Trang thông tin điện tử xã Thử Nghiệm</span>"));
        // Footer: owner, responsible person, contact, licence.
        assert!(html.contains("Cơ quan chủ quản: Ủy ban nhân dân xã Thử Nghiệm, tỉnh Gia Lai."));
        assert!(html.contains("Chịu trách nhiệm nội dung: Nguyễn Văn An, Chủ tịch UBND xã."));
        assert!(html.contains("Đầu mối cung cấp thông tin: Lê Thị Cúc, Công chức Văn phòng."));
        assert!(html.contains(r#"<a href="tel:0256000000">0256 000 000</a>"#));
        assert!(html.contains(r#"<a href="mailto:ubnd@thunghiem.gov.vn">"#));
        assert!(html.contains("Ghi rõ nguồn khi phát hành lại."));
        // The text-size control is hidden until the script can make it work.
        assert!(
            html.contains(r#"<div class="text-size" role="group" aria-label="Cỡ chữ" hidden>"#)
        );
        assert!(
            html.contains(r#"<script src="/static/site."#) && html.contains(" defer></script>")
        );
    }
    // Pages outside the menu (404, units) do not claim to be the home page.
    for page in ["404.html", "don-vi/index.html"] {
        assert!(
            !f.read(page).contains(r#"aria-current="page">Trang chủ"#),
            "{page}"
        );
    }
    assert!(
        f.read("index.html")
            .contains(r#"aria-current="page">Trang chủ"#)
    );
    // The phone number becomes the home page's hotline.
    assert!(
        f.read("index.html")
            .contains(r#"<p class="hotline"><a href="tel:0256000000">0256 000 000</a></p>"#)
    );
}

#[test]
fn emc_tag_and_satisfaction_rating_come_from_site_yaml() {
    let f = with_config(
        "emc_snippet: '<script src=\"https://emc.example.vn/tracking.js\" async></script>'\nfeedback_endpoint: https://danhgia.example.vn/canhvinh\n",
    );
    f.build_ok();
    for page in ["index.html", "tin-tuc/cuoc-thi/index.html"] {
        let html = f.read(page);
        // The administrator's EMC tag goes in as written, once, before </body>.
        let tag = r#"<script src="https://emc.example.vn/tracking.js" async></script>"#;
        assert_eq!(html.matches(tag).count(), 1, "{page}");
        assert!(html.find(tag) > html.find("</footer>"));
        assert!(html.contains(
            r#"<a href="https://danhgia.example.vn/canhvinh">Đánh giá mức độ hài lòng</a>"#
        ));
    }
    let article = f.read("tin-tuc/cuoc-thi/index.html");
    let share = &article[article.find(r#"<div class="share""#).unwrap()..];
    assert!(share[..share.find("</div>").unwrap()].contains("danhgia.example.vn"));
    // Print carries the address the article came from.
    assert!(article.contains(r#"<p class="print-only">Nguồn: Trang thông tin điện tử xã Thử Nghiệm, https://thunghiem.gialai.gov.vn/tin-tuc/cuoc-thi/</p>"#));
}

/// The same small site, with or without a copy of the theme in the folder.
fn site(with_theme_folder: bool) -> Fixture {
    let f = with_config(CAMPAIGN);
    if !with_theme_folder {
        std::fs::remove_dir_all(f.root().join("themes")).unwrap();
    }
    f
}

#[test]
fn a_site_without_a_theme_folder_builds_the_same_bytes_with_the_embedded_theme() {
    let bare = site(false);
    let copied = site(true);
    bare.build_ok();
    copied.build_ok();
    let (a, b) = (
        common::tree(&bare.root().join("public")),
        common::tree(&copied.root().join("public")),
    );
    assert!(a.iter().any(|(p, _)| p.starts_with("static/style.")));
    assert_eq!(a.len(), b.len());
    for ((pa, ba), (pb, bb)) in a.iter().zip(&b) {
        assert_eq!(pa, pb);
        assert!(ba == bb, "{pa} differs");
    }
}

#[test]
fn a_site_theme_file_replaces_only_its_embedded_counterpart() {
    let f = site(false);
    f.write(
        "themes/default/templates/partials/share.html",
        "<p class=\"chia-se-rieng\">Chia sẻ theo mẫu riêng của xã</p>\n",
    );
    f.write("themes/default/static/extra.css", "p{color:#111}\n");
    f.build_ok();
    let page = f.read("tin-tuc/cuoc-thi/index.html");
    assert!(page.contains("chia-se-rieng"), "the site's partial is used");
    assert!(
        page.contains("/static/style."),
        "the rest is the embedded theme"
    );
    // Another theme name must exist on disk.
    f.write("site.yaml", &format!("{SITE_YAML}theme: xa-rieng\n"));
    let out = f.build();
    assert!(!out.status.success());
    assert!(
        common::stderr(&out).contains("không tìm thấy giao diện `themes/xa-rieng/`"),
        "{}",
        common::stderr(&out)
    );
}

#[test]
fn a_site_without_the_emc_tag_or_the_rating_link_is_told_what_to_add() {
    let f = Fixture::new();
    let bare: String = SITE_YAML
        .lines()
        .filter(|l| !l.starts_with("emc_snippet:") && !l.starts_with("feedback_endpoint:"))
        .map(|l| format!("{l}\n"))
        .collect();
    f.write("site.yaml", &bare);
    let err = f.build_ok();
    assert!(
        err.contains("cảnh báo[W181]: trang chưa gắn mã theo dõi")
            && err.contains("(trường `emc_snippet`)"),
        "{err}"
    );
    assert!(
        err.contains("cảnh báo[W182]: trang chưa có đường dẫn để người dân đánh giá mức độ hài lòng (Nghị định 224/2026/NĐ-CP, Điều 10)"),
        "{err}"
    );
    assert!(err.contains("--> site.yaml"), "{err}");
    // Configured (as the fixture is), nothing is said.
    f.write("site.yaml", SITE_YAML);
    let err = f.build_ok();
    assert!(!err.contains("W181") && !err.contains("W182"), "{err}");
}
