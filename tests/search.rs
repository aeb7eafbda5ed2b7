//! Search: the index a build writes, the search page, and the browser's
//! search code (run under Node, and in headless Chromium on the sample site).

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use common::{Fixture, article, repo_root};
use serde_json::Value;
use trangxa::render::search_text::tokens;
use trangxa::vi;

/// Run a script of tests/tools with Node, JSON in and out.
fn node(args: &[&str], input: &Value) -> Value {
    let mut child = Command::new("node")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("`node` is needed for the search tests (CI installs Node)");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.to_string().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "node {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn tool(name: &str) -> String {
    repo_root()
        .join("tests/tools")
        .join(name)
        .to_string_lossy()
        .to_string()
}

/// A site whose items tell the ranking rules apart.
fn ranking_site() -> Fixture {
    let f = Fixture::new();
    let put = |rel: &str, title: &str, date: &str, extra: &str, body: &str| {
        let text = article(title, date, extra);
        let text = match text.rfind("---\n") {
            Some(i) => format!("{}---\n{body}\n", &text[..i]),
            None => text,
        };
        f.write(&format!("content/tin-tuc/2026/03/{rel}.md"), &text);
    };
    put(
        "tin-giao-thong",
        "Tin giao thông",
        "2026-03-01T08:00:00+07:00",
        "",
        "Tuyến đường bê tông liên thôn đã sửa xong.",
    );
    put(
        "gap-mat",
        "Gặp mặt gia đình ông Dương Văn Lâm",
        "2026-03-02T08:00:00+07:00",
        "",
        "Ông Dương là cựu chiến binh của xã.",
    );
    put(
        "huong-dan-khai-sinh",
        "Hướng dẫn đăng ký khai sinh trực tuyến",
        "2026-03-03T08:00:00+07:00",
        "",
        "Người dân nộp hồ sơ thủ tục mã 1.001193 qua Cổng Dịch vụ công.",
    );
    put(
        "hoi-nghi",
        "Hội nghị tổng kết năm",
        "2026-03-04T08:00:00+07:00",
        "",
        "Hội nghị nhắc người dân đến đăng ký khai sinh cho trẻ đúng hạn.",
    );
    put(
        "chi-thuy",
        "Chị Lê Thị Thúy nhận giấy khen",
        "2026-03-05T08:00:00+07:00",
        "",
        "Chị Thúy ở thôn Hoà Bình.",
    );
    put(
        "ba-thuy",
        "Bà Phạm Thị Thuý được khen thưởng",
        "2026-03-06T08:00:00+07:00",
        "",
        "Bà Thuý ở thôn Hòa Bình.",
    );
    put(
        "tin-nhap",
        "Bản nháp bí mật về đăng ký khai sinh",
        "2026-03-07T08:00:00+07:00",
        "status: draft\n",
        "Chưa được đăng.",
    );
    f.write(
        "content/van-ban/2025/135-kh-ubnd.md",
        "---\ndoc_type: ke_hoach\nnumber: \"135\"\nsymbol: KH-UBND\nabstract: Cải cách hành chính năm 2026\nissuer: Ủy ban nhân dân xã\nissuer_level: xa\nissued_date: 2025-12-31\nlegal_status: con_hieu_luc\nunits: [phong-van-hoa-xa-hoi]\nsigner: {name: Nguyễn Văn An, position: Chủ tịch}\n---\nNội dung kế hoạch.\n",
    );
    f.write(
        "content/thu-tuc/1.001193.md",
        "---\ncode: \"1.001193\"\ntitle: Đăng ký khai sinh\nlevels: [cap_xa]\nfield: Hộ tịch\nsteps: [\"Nộp tờ khai tại Bộ phận Một cửa.\"]\nchannels:\n  - method: truc_tiep\n    processing_time: {text: Trong ngày, amount: 1, unit: ngay_lam_viec}\ndossier:\n  - items: [{name: Tờ khai đăng ký khai sinh, originals: 1}]\napplicants: [Công dân Việt Nam]\nimplementing_agency: Ủy ban nhân dân cấp xã\nresults: [Giấy khai sinh]\nlegal_basis: [{number: 60/2014/QH13, title: Luật Hộ tịch, issued_date: 2014-11-20, issuer: Quốc hội}]\nonline_level: khong\nunits: [uy-ban]\nlegal_status: con_hieu_luc\nsource: {kind: dvcqg_doc, retrieved_at: 2026-11-20, verified: true}\n---\n",
    );
    f.write(
        "content/trang/gioi-thieu.md",
        "---\ntitle: Giới thiệu\n---\nXã nằm bên quốc lộ.\n",
    );
    f
}

#[test]
fn search_page_has_a_labelled_field_a_get_form_and_a_fallback_without_js() {
    let f = ranking_site();
    f.build_ok();
    let html = f.read("tim-kiem/index.html");
    let main = html.find("<main").unwrap();
    let main_end = html.find("</main>").unwrap();
    let field = html
        .find(r#"<input type="search" id="tk-q" name="q""#)
        .expect("a search field");
    assert!(
        main < field && field < main_end,
        "the field is inside <main>"
    );
    assert!(html.contains(r#"<label for="tk-q">"#));
    assert!(html.contains(r#"action="/tim-kiem/" method="get""#));
    assert!(html.contains(r#"data-index="/tim-kiem/chi-muc/""#));
    assert!(html.contains(r#"role="status" aria-live="polite""#));
    // Filters, labelled, with the types and units that have items.
    assert!(html.contains(r#"<label for="tk-loai">Loại</label>"#));
    assert!(html.contains(r#"<option value="van-ban">Văn bản</option>"#));
    assert!(html.contains(r#"<option value="phong-kinh-te">Phòng Kinh tế</option>"#));
    assert!(
        !html.contains(r#"<option value="dan-van">"#),
        "a unit without items is no filter"
    );
    // One small deferred script, from the site itself.
    let script = html
        .find("<script defer src=\"/static/search.")
        .expect("deferred search script");
    assert!(html[script..].starts_with("<script defer src=\"/static/search."));
    assert_eq!(html.matches("/static/search.").count(), 1);
    assert!(
        html.split("<script")
            .skip(1)
            .all(|t| t.contains(" defer") && t.contains("src=\"/static/"))
    );
    // Without JavaScript: a notice and the ways in.
    assert!(html.contains("Chức năng tìm kiếm cần JavaScript"));
    for href in [
        "/thu-tuc-hanh-chinh/a-z/",
        "/van-ban/",
        "/tin-tuc/",
        "/chuyen-muc/cai-cach-hanh-chinh/",
        "/don-vi/phong-kinh-te/",
        "/so-do-trang/",
    ] {
        assert!(html.contains(&format!("href=\"{href}\"")), "{href}");
    }
    // Every other page has the header box, a GET form that works as a link.
    let home = f.read("index.html");
    assert!(home.contains(
        r#"<form class="header-search" role="search" action="/tim-kiem/" method="get">"#
    ));
    assert!(home.contains(r#"<label for="header-q" class="visually-hidden">"#));
    assert!(home.contains(r#"<input type="search" id="header-q" name="q""#));
    assert!(
        !html.contains("header-q"),
        "one search field on the search page"
    );
}

#[test]
fn search_page_and_index_follow_a_sub_path() {
    let f = ranking_site();
    let out = f.run(&["build", "--base-url", "https://gialai.gov.vn/thunghiem/"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let html = f.read("tim-kiem/index.html");
    assert!(html.contains(r#"action="/thunghiem/tim-kiem/""#));
    assert!(html.contains(r#"data-index="/thunghiem/tim-kiem/chi-muc/""#));
    let item: Value = serde_json::from_str(&f.read("tim-kiem/chi-muc/d/0.json")).unwrap();
    assert!(
        item["href"].as_str().unwrap().starts_with("/thunghiem/"),
        "{item}"
    );
}

fn read_json(f: &Fixture, rel: &str) -> Value {
    serde_json::from_str(&f.read(&format!("tim-kiem/chi-muc/{rel}"))).unwrap()
}

#[test]
fn index_holds_every_published_item_with_its_facts_and_no_draft() {
    let f = ranking_site();
    f.build_ok();
    let index = read_json(&f, "index.json");
    // Six articles, one document, one page, one procedure; the draft is
    // left out.
    assert_eq!(index["count"], 9);
    let items: Vec<Value> = (0..9)
        .map(|n| read_json(&f, &format!("d/{n}.json")))
        .collect();
    assert!(!f.public("tim-kiem/chi-muc/d/9.json").exists());
    let titles: Vec<&str> = items.iter().map(|i| i["title"].as_str().unwrap()).collect();
    assert!(titles.contains(&"Hướng dẫn đăng ký khai sinh trực tuyến"));
    assert!(!titles.iter().any(|t| t.contains("nháp")));
    let doc = items
        .iter()
        .find(|i| i["type"] == "Văn bản")
        .expect("the document");
    assert_eq!(doc["number"], "135/KH-UBND");
    assert_eq!(doc["label"], "Kế hoạch");
    assert_eq!(doc["date"], "31/12/2025");
    assert_eq!(doc["unit"], "Phòng Văn hóa - Xã hội");
    let page = items.iter().find(|i| i["type"] == "Trang").unwrap();
    assert_eq!(page["text"], "Xã nằm bên quốc lộ.\n");
    // The filters know each item's type and units.
    let types: Vec<&str> = index["types"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t[0].as_str().unwrap())
        .collect();
    assert_eq!(types, ["tin-bai", "thu-tuc", "van-ban", "trang"]);
    let proc = items
        .iter()
        .find(|i| i["type"] == "Thủ tục hành chính")
        .unwrap();
    assert_eq!(proc["number"], "1.001193");
    // A result labels a code as a code, a document's number as a number.
    assert_eq!(proc["number_label"], "Mã thủ tục");
    assert_eq!(doc["number_label"], "Số");
    let n = items.iter().position(|i| i["type"] == "Văn bản").unwrap();
    assert_eq!(index["item_types"][n], 2);
    // Words are stored folded, with each spelling apart.
    let shards = index["word_shards"].as_array().unwrap();
    let key = shards
        .iter()
        .filter_map(Value::as_str)
        .filter(|k| "duong".starts_with(k))
        .max_by_key(|k| k.len())
        .unwrap();
    let shard = read_json(&f, &format!("w/{key}.json"));
    let spellings: Vec<&str> = shard["duong"]
        .as_array()
        .unwrap()
        .iter()
        .step_by(2)
        .map(|s| s.as_str().unwrap())
        .collect();
    assert_eq!(spellings, ["dương", "đương~2"]);
    // A document number is one token, as typed.
    let all: String = common::tree(&f.public("tim-kiem/chi-muc/w"))
        .into_iter()
        .map(|(_, b)| String::from_utf8(b).unwrap())
        .collect();
    assert!(all.contains("\"135/kh-ubnd\""), "code token");
    assert!(all.contains("\"1.001193\""), "procedure code token");
    assert!(!all.contains("\"nhap\""), "no token of the draft");
}

#[test]
fn index_is_byte_identical_across_builds() {
    let f = ranking_site();
    f.build_ok();
    let first = common::tree(&f.public("tim-kiem"));
    std::fs::remove_dir_all(f.public("")).unwrap();
    f.build_ok();
    let second = common::tree(&f.public("tim-kiem"));
    assert!(first.len() > 10);
    assert!(first == second, "the index differs between two builds");
}

/// Every line of the sample content, and strings chosen to trip a port.
fn agreement_strings() -> Vec<String> {
    let mut out: Vec<String> = [
        "Đường",
        "HOÀ",
        "hòa",
        "Thuý",
        "thúy",
        "ĐĂNG KÝ",
        "  nhiều   khoảng\ttrắng \n",
        "İstanbul",
        "Straße",
        "ﬁ",
        "Ǆ",
        "ΣΑΣ",
        "Ω",
        "cafe\u{301}",
        "a\u{323}\u{302}",
        "x\u{301}y",
        "👍 số 1",
        "nbsp\u{a0}giữa",
        "em\u{2003}space",
        "zero\u{200b}width",
        "bom\u{feff}x",
        "135/KH-UBND",
        "1.001193",
        "30/2020/NĐ-CP",
        "H'Lan",
        "Ksor Y Nhi",
        "--1.2--",
        "a_b-1",
        "v.v.",
        "1..2",
        "2026-04-10T09:15",
        "COVID-19",
        "Ⅻ ½ ²",
        "ǅemal",
        "ﬀ",
        "ᾼ",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for (_, bytes) in common::tree(&repo_root().join("content")) {
        let text = String::from_utf8(bytes).unwrap();
        out.extend(
            text.lines()
                .filter(|l| !l.trim().is_empty())
                .map(String::from),
        );
    }
    out
}

#[test]
fn javascript_folds_and_cuts_text_exactly_like_the_rust_side() {
    let strings = agreement_strings();
    let js = node(
        &[&tool("search_node.js"), "fold"],
        &serde_json::json!(strings),
    );
    let js = js.as_array().unwrap();
    assert_eq!(js.len(), strings.len());
    let mut disagreements = Vec::new();
    for (s, j) in strings.iter().zip(js) {
        let rust_tokens: Vec<Value> = tokens(&vi::nfc(s))
            .into_iter()
            .map(|t| serde_json::json!([t.text, t.code]))
            .collect();
        let js_tokens = j["tokens"].as_array().unwrap();
        if j["fold"] != vi::fold(s) || j["key"] != vi::tone_key(s) || *js_tokens != rust_tokens {
            disagreements.push(format!(
                "{s:?}: rust fold {:?} key {:?} tokens {rust_tokens:?}; js {j}",
                vi::fold(s),
                vi::tone_key(s)
            ));
        }
    }
    assert!(
        disagreements.is_empty(),
        "{} of {} strings differ:\n{}",
        disagreements.len(),
        strings.len(),
        disagreements.join("\n")
    );
}

/// Search the built index under Node: the titles of each query's results.
fn search(f: &Fixture, queries: &[Value]) -> Vec<Value> {
    let dir = f.public("tim-kiem/chi-muc");
    let out = node(
        &[&tool("search_node.js"), "query", &dir.to_string_lossy()],
        &Value::Array(queries.to_vec()),
    );
    out.as_array().unwrap().clone()
}

fn titles(result: &Value) -> Vec<String> {
    result["titles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn vietnamese_queries_find_and_rank_what_they_must() {
    let f = ranking_site();
    f.build_ok();
    const ROAD: &str = "Tin giao thông";
    const NAME: &str = "Gặp mặt gia đình ông Dương Văn Lâm";
    const BIRTH: &str = "Hướng dẫn đăng ký khai sinh trực tuyến";
    const MEETING: &str = "Hội nghị tổng kết năm";
    const THUY1: &str = "Chị Lê Thị Thúy nhận giấy khen";
    const THUY2: &str = "Bà Phạm Thị Thuý được khen thưởng";
    const PLAN: &str = "Kế hoạch số 135/KH-UBND: Cải cách hành chính năm 2026";
    const PROC: &str = "Đăng ký khai sinh";
    // (query, filter type, results that must be there in this order (others
    //  may come between), results that must be there, results that must not)
    let table: &[(&str, &str, &[&str], &[&str], &[&str])] = &[
        // Without diacritics, every spelling; đ matches d.
        ("duong ", "", &[], &[ROAD, NAME], &[BIRTH]),
        // With them, the exact spelling first, even from the body.
        ("đường ", "", &[ROAD, NAME], &[], &[]),
        ("dương ", "", &[NAME, ROAD], &[], &[]),
        // Title above body; no result without the words.
        (
            "dang ky khai sinh ",
            "",
            &[BIRTH, MEETING],
            &[],
            &[ROAD, NAME, THUY1],
        ),
        ("đăng ký khai sinh", "", &[BIRTH, MEETING], &[], &[ROAD]),
        // Tone placement does not matter.
        ("thuý ", "", &[], &[THUY1, THUY2], &[ROAD]),
        ("thúy ", "", &[], &[THUY1, THUY2], &[]),
        ("THUY ", "", &[], &[THUY1, THUY2], &[]),
        ("Hoà Bình", "", &[], &[THUY1, THUY2], &[]),
        ("hòa bình ", "", &[], &[THUY1, THUY2], &[]),
        // Codes and numbers as typed, and by their parts.
        // The procedure by its code, then the article that names it.
        ("1.001193", "", &[PROC, BIRTH], &[], &[MEETING, PLAN]),
        ("135/KH-UBND", "", &[PLAN], &[], &[BIRTH]),
        ("135/kh-ubnd ", "", &[PLAN], &[], &[]),
        ("135/KH", "", &[PLAN], &[], &[]),
        ("KH-UBND ", "", &[PLAN], &[], &[]),
        // Prefixes while typing.
        ("khai si", "", &[BIRTH, MEETING], &[], &[ROAD]),
        ("1.0011", "", &[PROC, BIRTH], &[], &[]),
        ("đăng k", "", &[BIRTH], &[MEETING], &[ROAD]),
        // Filters.
        ("cai cach", "van-ban", &[PLAN], &[], &[]),
        ("", "van-ban", &[PLAN], &[], &[BIRTH]),
        ("khai sinh", "thu-tuc", &[PROC], &[], &[BIRTH, MEETING]),
        // The draft is not published, so not found.
        (
            "bí mật ",
            "",
            &[],
            &[],
            &["Bản nháp bí mật về đăng ký khai sinh"],
        ),
    ];
    let queries: Vec<Value> = table
        .iter()
        .map(|(q, t, ..)| serde_json::json!({"q": q, "type": t}))
        .collect();
    let results = search(&f, &queries);
    let mut failures = Vec::new();
    for ((q, _, first, has, not), r) in table.iter().zip(&results) {
        let got = titles(r);
        let at = |t: &str| got.iter().position(|g| g == t);
        let in_order = first.iter().map(|t| at(t)).collect::<Option<Vec<_>>>();
        let ok = in_order.is_some_and(|p| p.windows(2).all(|w| w[0] < w[1]))
            && has.iter().all(|h| at(h).is_some())
            && not.iter().all(|n| at(n).is_none());
        if !ok {
            failures.push(format!("{q:?} → {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn snippets_mark_the_matched_words() {
    let f = ranking_site();
    f.build_ok();
    let r = search(
        &f,
        &[
            serde_json::json!({"q": "hoi nghi dang ky khai sinh "}),
            serde_json::json!({"q": "1.001193", "type": "tin-bai"}),
        ],
    );
    assert_eq!(
        r[0]["snippet"],
        "<mark>Hội</mark> <mark>nghị</mark> nhắc người dân đến <mark>đăng</mark> <mark>ký</mark> <mark>khai</mark> <mark>sinh</mark> cho trẻ đúng hạn."
    );
    assert_eq!(
        r[1]["snippet"],
        "Người dân nộp hồ sơ thủ tục mã <mark>1.001193</mark> qua Cổng Dịch vụ công."
    );
}

fn chromium() -> Option<&'static str> {
    let path = "/usr/bin/chromium";
    if Path::new(path).exists() {
        return Some(path);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI must install Debian's chromium (.ci/run does)"
    );
    eprintln!("skipping the browser test: no {path} on this machine");
    None
}

/// The sample site, plus one article with markup in its title.
fn sample_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["content", "themes", "static"] {
        for (rel, bytes) in common::tree(&repo_root().join(sub)) {
            let p = dir.path().join(sub).join(rel);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, bytes).unwrap();
        }
    }
    std::fs::copy(repo_root().join("site.yaml"), dir.path().join("site.yaml")).unwrap();
    std::fs::write(
        dir.path().join("content/tin-tuc/2026/11/canh-bao.md"),
        article(
            "Cảnh báo <img src=x onerror=alert(1)> <b>lừa đảo</b> khai sinh",
            "2026-11-20T08:00:00+07:00",
            "units: [cong-an-xa]\n",
        )
        .replace("units: [phong-kinh-te]\n", ""),
    )
    .unwrap();
    dir
}

#[test]
fn browser_typing_on_the_sample_site_shows_ranked_highlighted_results() {
    if chromium().is_none() {
        return;
    }
    let site = sample_site();
    let out = Command::new(env!("CARGO_BIN_EXE_trangxa"))
        .args(["build", "--now", "2026-11-27T12:00:00+07:00", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", common::stderr(&out));
    let public = site.path().join("public");
    let r = node(
        &[&tool("search_browser.js"), &public.to_string_lossy()],
        &serde_json::json!([]),
    );
    assert_eq!(r["errors"], serde_json::json!([]), "no script error");
    assert_eq!(r["no_js_notice_hidden"], true);
    assert_eq!(r["browse_shown"], true);
    assert_eq!(r["browse_hidden_with_query"], true);
    let q = |query: &str| r["queries"][query].clone();
    let first = |query: &str| titles(&q(query)).first().cloned().unwrap_or_default();
    // With and without diacritics, the article about the procedure first.
    let cu_tru = "Công an xã đẩy mạnh giải quyết thủ tục đăng ký cư trú trực tuyến";
    assert_eq!(first("dang ky cu tru"), cu_tru);
    assert_eq!(first("đăng ký cư trú"), cu_tru);
    assert_eq!(q("dang ky cu tru")["marks"][0], "đăng");
    assert!(
        q("dang ky cu tru")["status"]
            .as_str()
            .unwrap()
            .starts_with("Tìm thấy"),
        "{}",
        q("dang ky cu tru")
    );
    let sorted = |query: &str| {
        let mut t = titles(&q(query));
        t.sort();
        t
    };
    assert!(!sorted("duong").is_empty());
    assert_eq!(sorted("duong"), sorted("đường"));
    assert_eq!(
        first("135/KH-UBND"),
        "Kế hoạch số 135/KH-UBND: Ban hành kế hoạch cải cách hành chính xã Canh Vinh năm 2026"
    );
    assert_eq!(q("135/KH-UBND")["marks"][0], "135/KH-UBND");
    // A procedure by its code, typed as it is printed.
    assert_eq!(first("1.001193"), "Đăng ký khai sinh");
    assert!(
        q("1.001193")["meta"]
            .as_str()
            .unwrap()
            .starts_with("Thủ tục hành chính")
    );
    assert!(
        q("135/KH-UBND")["meta"]
            .as_str()
            .unwrap()
            .contains("Số 135/KH-UBND")
    );
    assert!(
        q("xyzzy")["status"]
            .as_str()
            .unwrap()
            .starts_with("Không tìm thấy"),
        "{}",
        q("xyzzy")
    );
    // Markup in a title is shown as text, never run.
    let hostile = q("lua dao");
    assert_eq!(
        titles(&hostile)[0],
        "Cảnh báo <img src=x onerror=alert(1)> <b>lừa đảo</b> khai sinh"
    );
    assert_eq!(hostile["elements_in_results"], serde_json::json!(["MARK"]));
    // Keyboard, filters, the header box, the announcement.
    assert_eq!(r["focus_after_arrow"], cu_tru);
    let filtered = &r["filtered"];
    assert!(filtered["url"].as_str().unwrap().contains("loai=van-ban"));
    assert!(filtered["meta"].as_str().unwrap().starts_with("Văn bản"));
    assert_eq!(titles(&r["from_header"])[0], cu_tru);
    assert_eq!(r["from_header"]["url"], "/tim-kiem/?q=dang+ky+cu+tru");
    assert!(
        r["announced"].as_str().unwrap().starts_with("Tìm thấy"),
        "{}",
        r["announced"]
    );
}
