//! One URL rule for every URL field (issue 14, item 3): http, https,
//! mailto, tel and paths of the site; `javascript:` and its disguises are
//! refused by `build` and `check` at the file and line that wrote them.

mod common;

use common::{Fixture, SITE_YAML, stderr};
use trangxa::config::SiteConfig;

/// The disguises a hostile link takes.
const HOSTILE: &[&str] = &[
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "  javascript:alert(1)",
    "\\u0001javascript:alert(1)",
    "java\\tscript:alert(1)",
    "javascript&#58;alert(1)",
    "javascript&colon;alert(1)",
    "file:///etc/passwd",
];

/// Every URL-typed field of `site.yaml`, as a line to add to the fixture's,
/// with `{}` where the address goes (`menu` replaces the fixture's menu).
const SITE_FIELDS: &[(&str, &str)] = &[
    ("menu[].url", "menu:\n  - {name: Trang chủ, url: \"{}\"}\n"),
    (
        "campaign.url",
        "campaign: {title: Tháng dịch vụ công, url: \"{}\"}\n",
    ),
    ("pakn.url", "pakn: {agency: UBND xã, url: \"{}\"}\n"),
    ("province_portal_url", "province_portal_url: \"{}\"\n"),
    ("dvc_urls.national", "dvc_urls: {national: \"{}\"}\n"),
    (
        "dvc_urls.province",
        "dvc_urls: {national: \"https://dichvucong.gov.vn/\", province: \"{}\"}\n",
    ),
    (
        "dvc_urls.procedure",
        "dvc_urls: {national: \"https://dichvucong.gov.vn/\", procedure: \"{}\"}\n",
    ),
    ("feedback_endpoint", "feedback_endpoint: \"{}\"\n"),
];

/// Every URL-typed field of content: (field, file, text with `{}`, the line
/// the address is written on).
const CONTENT_FIELDS: &[(&str, &str, &str, usize)] = &[
    (
        "procedure decisions[].url",
        "content/thu-tuc/1.000001.md",
        "---\ncode: \"1.000001\"\ndecisions:\n  - number: 1/QĐ\n    url: \"{}\"\n---\n",
        5,
    ),
    (
        "procedure legal_basis[].url",
        "content/thu-tuc/1.000002.md",
        "---\ncode: \"1.000002\"\nlegal_basis:\n  - {number: 60/2014/QH13, url: \"{}\"}\n---\n",
        4,
    ),
    (
        "procedure source.url",
        "content/thu-tuc/1.000003.md",
        "---\ncode: \"1.000003\"\nsource:\n  kind: dvcqg_doc\n  url: \"{}\"\n---\n",
        5,
    ),
    (
        "procedure online_url",
        "content/thu-tuc/1.000004.md",
        "---\ncode: \"1.000004\"\nonline_url: \"{}\"\n---\n",
        3,
    ),
    (
        "procedure dvcqg_url",
        "content/thu-tuc/1.000005.md",
        "---\ncode: \"1.000005\"\ndvcqg_url: \"{}\"\n---\n",
        3,
    ),
    (
        "procedure dossier[].items[].form.url",
        "content/thu-tuc/1.000006.md",
        "---\ncode: \"1.000006\"\ndossier:\n  - case: Trực tiếp\n    items:\n      - name: Tờ khai\n        form: {name: Mẫu, url: \"{}\"}\n---\n",
        7,
    ),
    (
        "procedure channels[].fees[].legal_ref.url",
        "content/thu-tuc/1.000007.md",
        "---\ncode: \"1.000007\"\nchannels:\n  - method: truc_tiep\n    processing_time: {text: 3 ngày}\n    fees:\n      - kind: le_phi\n        text: 8.000 đồng\n        legal_ref: {number: 1/TT, url: \"{}\"}\n---\n",
        9,
    ),
    (
        "article media[].url",
        "content/tin-tuc/2026/03/video.md",
        "---\ntitle: Video\nmedia:\n  - kind: video\n    url: \"{}\"\n---\n",
        5,
    ),
    (
        "document based_on[].url",
        "content/van-ban/2026/1-qd.md",
        "---\nbased_on:\n  - {number: 1/QĐ, url: \"{}\"}\n---\n",
        3,
    ),
    (
        "unit legal_basis[].url",
        "content/don-vi/to-cong-tac.md",
        "---\nid: to-cong-tac\nlegal_basis:\n  - {number: 1/QĐ, url: \"{}\"}\n---\n",
        4,
    ),
];

/// The message every refused address gets.
const REFUSED: &str = "không được phép: chỉ dùng địa chỉ bắt đầu bằng https://";

/// The fixture's site.yaml without the field `line` writes (written last,
/// so its line is known): the menu and what follows it, or the one line of a
/// top-level field the fixture already has.
fn base_for(field: &str, line: &str) -> String {
    if field.starts_with("menu") {
        return SITE_YAML.split("menu:").next().unwrap().to_string();
    }
    let key = format!("{}:", line.split(':').next().unwrap());
    SITE_YAML
        .lines()
        .filter(|l| !l.starts_with(&key))
        .map(|l| format!("{l}\n"))
        .collect()
}

fn fill(template: &str, url: &str) -> String {
    template.replace("{}", url)
}

#[test]
fn every_site_yaml_url_field_refuses_every_disguise_at_its_line() {
    for (field, line) in SITE_FIELDS {
        for url in HOSTILE {
            let base = base_for(field, line);
            let text = format!("{base}{}", fill(line, url));
            let errors = SiteConfig::parse(&text)
                .err()
                .unwrap_or_else(|| panic!("{field}: `{url}` was accepted"));
            let expected_line = base.lines().count() + 1 + usize::from(field.starts_with("menu"));
            assert!(
                errors
                    .iter()
                    .any(|d| d.message.contains(REFUSED) && d.line == Some(expected_line)),
                "{field}: `{url}`: {errors:?}"
            );
        }
    }
}

#[test]
fn safe_addresses_pass_in_every_site_yaml_url_field() {
    for (field, line) in SITE_FIELDS {
        for url in [
            "https://dichvucong.gov.vn/p/home/dvc-trang-chu.html",
            "http://gialai.gov.vn",
            "mailto:ubnd@thunghiem.gov.vn",
            "tel:+842563000000",
            "/thu-tuc-hanh-chinh/",
            "#noi-dung",
        ] {
            let base = base_for(field, line);
            let text = format!("{base}{}", fill(line, url));
            assert!(SiteConfig::parse(&text).is_ok(), "{field}: `{url}` refused");
        }
    }
}

/// The site.yaml fields through the real commands: build and check both fail
/// at `site.yaml:LINE`, and nothing is written.
#[test]
fn build_and_check_refuse_javascript_in_site_yaml() {
    for (field, line) in SITE_FIELDS {
        let f = Fixture::new();
        let base = base_for(field, line);
        f.write(
            "site.yaml",
            &format!("{base}{}", fill(line, "javascript:alert(1)")),
        );
        let expected_line = base.lines().count() + 1 + usize::from(field.starts_with("menu"));
        let at = format!("--> site.yaml:{expected_line}:");
        for cmd in ["build", "check"] {
            let o = f.run(&[cmd]);
            let err = stderr(&o);
            assert_eq!(o.status.code(), Some(1), "{field} {cmd}: {err}");
            assert!(
                err.contains(REFUSED) && err.contains(&at),
                "{field} {cmd}: {err}"
            );
        }
        assert!(!f.public("").exists(), "{field}: build wrote the site");
    }
}

/// The content fields through the real commands: one run reports every
/// file, each at the line of its address; every disguise is refused.
#[test]
fn build_and_check_refuse_every_disguise_in_every_content_url_field() {
    for url in HOSTILE {
        let f = Fixture::new();
        for (_, file, text, _) in CONTENT_FIELDS {
            f.write(file, &fill(text, url));
        }
        for cmd in ["build", "check"] {
            let o = f.run(&[cmd]);
            let err = stderr(&o);
            assert_eq!(o.status.code(), Some(1), "{url} {cmd}: {err}");
            for (field, file, _, line) in CONTENT_FIELDS {
                let at = format!("--> {file}:{line}:");
                let block = err
                    .split("\n\n")
                    .find(|b| b.contains(&at))
                    .unwrap_or_else(|| panic!("{field} ({url}, {cmd}): no error at {at}\n{err}"));
                assert!(block.contains(REFUSED), "{field} ({url}, {cmd}): {block}");
            }
        }
        assert!(!f.public("").exists(), "{url}: build wrote the site");
    }
}
