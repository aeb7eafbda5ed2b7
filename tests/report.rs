//! The communication report an officer signs and sends (issue 17): the
//! sample site's figures against the acceptance rules, offline activities,
//! targets through `submitted_to`, evidence without duplicates, periods, the
//! JSON shape, and the exports read back by real tools — the Word file by
//! python-docx and LibreOffice, the workbook by calamine.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use common::{Fixture, article, repo_root, stderr};

const NOW: &str = "2026-11-27T12:00:00+07:00";
const STATUSES: [&str; 5] = [
    "dat",
    "chua_dat",
    "dang_thuc_hien",
    "co_hoat_dong",
    "chua_co_hoat_dong",
];

/// `trangxa report` on the sample site at the fixed clock.
fn sample(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_trangxa"))
        .arg("report")
        .args(args)
        .args(["--now", NOW, "--root"])
        .arg(repo_root())
        .output()
        .unwrap()
}

fn sample_json(quarter: &str) -> serde_json::Value {
    let out = sample(&["--quarter", quarter, "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn keys(v: &serde_json::Value) -> BTreeSet<&str> {
    v.as_object().unwrap().keys().map(String::as_str).collect()
}

fn set<'a>(k: &[&'a str]) -> BTreeSet<&'a str> {
    k.iter().copied().collect()
}

#[test]
fn sample_quarter_three_meets_the_acceptance_rules() {
    let j = sample_json("2026-Q3");
    assert_eq!(
        j["period"],
        serde_json::json!({"from": "2026-06-15", "to": "2026-09-14", "label": "Quý III/2026"})
    );
    let acts = j["activities"].as_array().unwrap();
    let count = |no: &str| {
        acts.iter().find(|a| a["item_no"] == no).unwrap()["count"]
            .as_u64()
            .unwrap()
    };
    let four = acts.iter().find(|a| a["item_no"] == "4").unwrap();
    let subs: u64 = ["4.1", "4.2", "4.3", "4.4"].iter().map(|n| count(n)).sum();
    assert_eq!(four["count"].as_u64().unwrap(), subs);
    assert!(subs > 0, "the sample has items for 4.x in Q3");
    let split: Vec<&str> = four["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["item_no"].as_str().unwrap())
        .collect();
    assert_eq!(split, ["4.1", "4.2", "4.3", "4.4"]);
    for a in acts {
        let status = a["status"].as_str().unwrap();
        assert!(STATUSES.contains(&status), "{status}");
        if a["timeframe"] == "Thường xuyên" && a["count"].as_u64().unwrap() > 0 {
            assert_ne!(status, "chua_dat", "{a}");
            assert_eq!(status, "co_hoat_dong", "{a}");
        }
    }
    let urls: Vec<&str> = j["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["url"].as_str().unwrap())
        .collect();
    let distinct: BTreeSet<&str> = urls.iter().copied().collect();
    assert_eq!(
        urls.len(),
        distinct.len(),
        "an evidence URL twice: {urls:?}"
    );
    // The plan's targets (§V.6) are counted through `submitted_to`.
    for t in j["targets"].as_array().unwrap() {
        assert_eq!(t["status"], "dat", "{t}");
        assert_eq!(t["count"], 1, "{t}");
    }
}

#[test]
fn the_json_has_exactly_the_documented_shape() {
    let j = sample_json("2026-Q2");
    assert_eq!(
        keys(&j),
        set(&[
            "plan",
            "period",
            "activities",
            "units",
            "evidence",
            "targets"
        ])
    );
    assert_eq!(keys(&j["plan"]), set(&["key", "title", "url"]));
    assert_eq!(keys(&j["period"]), set(&["from", "to", "label"]));
    for a in j["activities"].as_array().unwrap() {
        assert_eq!(
            keys(a),
            set(&[
                "item_no",
                "task",
                "lead_units",
                "timeframe",
                "count",
                "children",
                "status"
            ])
        );
    }
    for u in j["units"].as_array().unwrap() {
        assert_eq!(keys(u), set(&["id", "name", "count"]));
    }
    for e in j["evidence"].as_array().unwrap() {
        assert_eq!(
            keys(e),
            set(&["url", "title", "date", "kind", "units", "activities"])
        );
    }
    for t in j["targets"].as_array().unwrap() {
        assert_eq!(
            keys(t),
            set(&[
                "unit", "metric", "per", "value", "channel", "activity", "required", "count",
                "status"
            ])
        );
    }
}

#[test]
fn offline_activities_of_the_sample_are_counted_in_some_quarter() {
    let mut offline = 0;
    for q in ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"] {
        let j = sample_json(q);
        offline += j["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| {
                let url = e["url"].as_str().unwrap();
                url.contains("#hd-") || url.starts_with("content/hoat-dong/")
            })
            .count();
    }
    assert!(offline >= 4, "{offline}");
}

/// A plan under the Ministry's window with a regular task (1), a quarterly
/// group (4 → 4.1, 4.2) and a target: one item a quarter to Báo Gia Lai.
const PLAN: &str = "---
doc_type: ke_hoach
symbol: KH-UBND
full_number: 12/KH-UBND
abstract: Tuyên truyền cải cách hành chính năm 2026
issuer: Ủy ban nhân dân xã Thử Nghiệm
issuer_level: xa
place: Thử Nghiệm
issued_date: \"2026-03\"
legal_status: du_thao
units: [phong-van-hoa-xa-hoi]
year: 2026
campaign_kind: tuyen_truyen
reporting: {cadence: hang_quy, window: bnv_cchc, recipients: [uy-ban, bao-gia-lai]}
targets:
  - {unit: phong-kinh-te, metric: so_tin_bai, per: quy, value: 1, channel: bao_gia_lai}
activities:
  - item_no: \"1\"
    task: Tuyên truyền chủ trương, chính sách về cải cách hành chính
    lead_units: [phong-van-hoa-xa-hoi]
    timeframe: {kind: thuong_xuyen, text: Thường xuyên}
  - item_no: \"4\"
    task: Gửi tin, bài về kết quả cải cách hành chính
    lead_units: [doan-thanh-nien]
    timeframe: {kind: dinh_ky, cadence: hang_quy, times: 1, text: Định kỳ 01 lần/quý}
  - item_no: \"4.1\"
    parent: \"4\"
    task: Về cải cách thể chế
    lead_units: [phong-van-hoa-xa-hoi]
    inherit: [timeframe]
  - item_no: \"4.2\"
    parent: \"4\"
    task: Về cải cách tài chính công
    lead_units: [phong-kinh-te]
    inherit: [timeframe]
---
Nội dung kế hoạch.
";

fn site() -> Fixture {
    let f = Fixture::new();
    f.write("content/ke-hoach/2026/kh.md", PLAN);
    f.write(
        "content/don-vi/bao-gia-lai.md",
        "---\nid: bao-gia-lai\nname: Báo Gia Lai\nkind: co_quan_bao_chi\nexternal: true\nshow_page: false\nchannel: bao_gia_lai\n---\n",
    );
    f
}

fn json(f: &Fixture, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["report", "--format", "json"];
    all.extend(args);
    let out = f.run(&all);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn activity<'a>(j: &'a serde_json::Value, no: &str) -> &'a serde_json::Value {
    j["activities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["item_no"] == no)
        .unwrap()
}

#[test]
fn an_item_serving_two_activities_is_one_line_of_evidence_and_parents_sum() {
    let f = site();
    f.write(
        "content/tin-tuc/2026/a.md",
        &article(
            "Tin hai hoạt động",
            "2026-07-02T08:00:00+07:00",
            "plan_activities: [ke-hoach/2026/kh#4.1, ke-hoach/2026/kh#1]\n",
        )
        .replace(
            "units: [phong-kinh-te]",
            "units: [phong-van-hoa-xa-hoi, phong-kinh-te]",
        ),
    );
    f.write(
        "content/tin-tuc/2026/b.md",
        &article(
            "Tin tài chính",
            "2026-08-02T08:00:00+07:00",
            "plan_activities: [ke-hoach/2026/kh#4.2]\n",
        ),
    );
    let j = json(&f, &["--quarter", "2026-Q3"]);
    let ev = j["evidence"].as_array().unwrap();
    assert_eq!(ev.len(), 2, "{ev:?}");
    assert_eq!(ev[0]["activities"], serde_json::json!(["1", "4.1"]));
    assert_eq!(activity(&j, "4")["count"], 2);
    assert_eq!(
        activity(&j, "4")["children"],
        serde_json::json!([{"item_no": "4.1", "count": 1}, {"item_no": "4.2", "count": 1}])
    );
    assert_eq!(activity(&j, "4")["status"], "dat");
    assert_eq!(activity(&j, "1")["status"], "co_hoat_dong");
    // Units: each item once, under its lead unit.
    let units: Vec<(String, u64)> = j["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            (
                u["id"].as_str().unwrap().to_string(),
                u["count"].as_u64().unwrap(),
            )
        })
        .collect();
    assert!(units.contains(&("phong-kinh-te".into(), 1)), "{units:?}");
    assert!(
        units.contains(&("phong-van-hoa-xa-hoi".into(), 1)),
        "{units:?}"
    );
}

#[test]
fn quarters_follow_the_plans_window_and_longer_periods_scale() {
    let f = site();
    // 14/6 is the last day of Q2 under the Ministry's window; 15/6 opens Q3.
    for (slug, day) in [
        ("q2", "2026-06-14T20:00:00+07:00"),
        ("q3", "2026-06-15T07:00:00+07:00"),
    ] {
        f.write(
            &format!("content/tin-tuc/2026/{slug}.md"),
            &article(slug, day, "plan_activities: [ke-hoach/2026/kh#4.2]\n"),
        );
    }
    let q2 = json(&f, &["--quarter", "2026-Q2"]);
    assert_eq!(q2["period"]["from"], "2026-03-15");
    assert_eq!(activity(&q2, "4.2")["count"], 1);
    let q3 = json(&f, &["--quarter", "2026-Q3"]);
    assert_eq!(activity(&q3, "4.2")["count"], 1);
    let h1 = json(&f, &["--half", "2026-H1"]);
    assert_eq!(h1["period"]["label"], "6 tháng đầu năm 2026");
    assert_eq!(h1["period"]["from"], "2025-12-15");
    // One item in six months is short of one a quarter.
    assert_eq!(activity(&h1, "4.2")["status"], "chua_dat");
    let year = json(&f, &["--year", "2026"]);
    assert_eq!(year["period"]["label"], "Năm 2026");
    // The year runs to 14/12 and the clock says 27/11: still under way.
    assert_eq!(activity(&year, "4.2")["status"], "dang_thuc_hien");
    assert_eq!(activity(&year, "4.2")["count"], 2);
    let range = json(&f, &["--from", "01/06/2026", "--to", "2026-06-30"]);
    assert_eq!(
        range["period"]["label"],
        "Từ ngày 01/06/2026 đến ngày 30/06/2026"
    );
    assert_eq!(activity(&range, "4.2")["count"], 2);
    let out = f.run(&["report", "--from", "2026-07-01", "--to", "2026-06-01"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("E163"), "{}", stderr(&out));
}

#[test]
fn offline_activities_count_show_on_the_plan_page_and_stay_internal_when_asked() {
    let f = site();
    f.write_bytes("static/files/bien-ban.pdf", b"%PDF-1.4\n%%EOF\n");
    f.write(
        "content/hoat-dong/2026/phat-thanh.md",
        "---\ntitle: Phát thanh cải cách hành chính quý III\nkind: phat_thanh\ndate: 2026-07-06\nend_date: 2026-09-07\nunits: [phong-van-hoa-xa-hoi]\nplan_activities: [ke-hoach/2026/kh#1]\nchannel: dai_truyen_thanh\nbroadcasts: 18\nevidence: [{path: /files/bien-ban.pdf, label: Lịch phát sóng}]\n---\n",
    );
    f.write(
        "content/hoat-dong/2026/giao-ban.md",
        "---\ntitle: Họp giao ban nội bộ\nkind: hoi_nghi\ndate: 2026-07-20\nunits: [phong-van-hoa-xa-hoi]\nplan_activities: [ke-hoach/2026/kh#1]\nparticipants: 20\npublic: false\n---\n",
    );
    let j = json(&f, &["--quarter", "2026-Q3"]);
    assert_eq!(activity(&j, "1")["count"], 2);
    assert_eq!(activity(&j, "1")["status"], "co_hoat_dong");
    let kinds: Vec<&str> = j["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["phat_thanh", "hoi_nghi"]);
    assert_eq!(
        j["evidence"][0]["url"],
        "https://thunghiem.gialai.gov.vn/ke-hoach/2026/kh/#hd-2026-phat-thanh"
    );
    assert_eq!(
        j["evidence"][1]["url"],
        "content/hoat-dong/2026/giao-ban.md"
    );
    f.build_ok();
    let page = f.read("ke-hoach/2026/kh/index.html");
    assert!(page.contains("<li id=\"hd-2026-phat-thanh\">Phát thanh trên Đài truyền thanh: Phát thanh cải cách hành chính quý III"), "{page}");
    assert!(page.contains("18 lượt phát"), "{page}");
    assert!(
        page.contains("<a href=\"/files/bien-ban.pdf\">Lịch phát sóng</a>"),
        "{page}"
    );
    assert!(
        !page.contains("Họp giao ban nội bộ"),
        "an internal record is not published"
    );
    let report = f.read("cai-cach-hanh-chinh/ket-qua-tuyen-truyen/index.html");
    assert!(report.contains("Phát thanh cải cách hành chính quý III"));
    // Links within the site, so a preview (`serve`) or a copy under another
    // address works too.
    assert!(
        report.contains("<a href=\"/ke-hoach/2026/kh/#hd-2026-phat-thanh\">"),
        "{report}"
    );
    assert!(
        report.contains("<a href=\"/files/bien-ban.pdf\">Lịch phát sóng</a>"),
        "{report}"
    );
    assert!(!report.contains("Họp giao ban nội bộ"));
    // No verdicts for citizens unless site.yaml asks.
    assert!(
        !report.contains("Chưa đạt") && !report.contains("Có hoạt động"),
        "{report}"
    );
    f.write(
        "site.yaml",
        &format!("{}report: {{public_verdicts: true}}\n", common::SITE_YAML),
    );
    f.build_ok();
    let report = f.read("cai-cach-hanh-chinh/ket-qua-tuyen-truyen/index.html");
    assert!(report.contains("verdict-co_hoat_dong"), "{report}");
}

#[test]
fn broken_offline_activities_name_file_and_field() {
    let f = site();
    f.write(
        "content/hoat-dong/2026/x.md",
        "---\ntitle: Đối thoại\nkind: doi_thoai\ndate: 2026-07-06\nend_date: 2026-07-01\nunits: [phong-kinh-tee]\nplan_activities: [ke-hoach/2026/kh#9]\n---\n",
    );
    f.write(
        "content/hoat-dong/2026/y.md",
        "---\ntitle: Tọa đàm\nkind: toa_dam\ndate: 2026-07-06\nunits: [phong-kinh-te]\n---\n",
    );
    let out = f.build();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("E161") && err.contains("content/hoat-dong/2026/x.md:5:"),
        "{err}"
    );
    assert!(
        err.contains("không có đơn vị `phong-kinh-tee`") && err.contains("`phong-kinh-te`"),
        "{err}"
    );
    assert!(
        err.contains("kế hoạch `ke-hoach/2026/kh` không có hoạt động số `9`"),
        "{err}"
    );
    assert!(
        err.contains("W160") && err.contains("content/hoat-dong/2026/y.md"),
        "{err}"
    );
}

#[test]
fn targets_count_items_sent_to_their_channel() {
    let f = site();
    let sent = |slug: &str, at: &str, sent_on: &str| {
        f.write(
            &format!("content/tin-tuc/2026/{slug}.md"),
            &article(
                slug,
                at,
                &format!("submitted_to:\n  - {{recipient: bao-gia-lai, date: {sent_on}}}\n"),
            ),
        );
    };
    // Published in Q2 but sent to the paper in Q3: counts in Q3, when sent.
    sent("gui-bao", "2026-06-10T08:00:00+07:00", "2026-06-20");
    let q2 = json(&f, &["--quarter", "2026-Q2"]);
    assert_eq!(q2["targets"][0]["count"], 0);
    assert_eq!(q2["targets"][0]["status"], "chua_dat");
    let q3 = json(&f, &["--quarter", "2026-Q3"]);
    assert_eq!(q3["targets"][0]["count"], 1);
    assert_eq!(q3["targets"][0]["status"], "dat");
    assert_eq!(q3["targets"][0]["channel"], "bao_gia_lai");
    // The running quarter is under way, not failed.
    let q4 = json(&f, &["--quarter", "2026-Q4"]);
    assert_eq!(q4["targets"][0]["status"], "dang_thuc_hien");
}

/// Text of every paragraph and table cell, the table count, margins and
/// fonts of a .docx, read by python-docx (Debian's, for /usr/bin/python3).
fn read_docx(path: &Path) -> serde_json::Value {
    let script = r#"
import docx, json, sys
d = docx.Document(sys.argv[1])
text = [p.text for p in d.paragraphs]
for t in d.tables:
    for row in t.rows:
        for c in row.cells:
            text.append(c.text)
fonts = set()
sizes = set()
for p in d.paragraphs:
    for r in p.runs:
        if r.text.strip():
            fonts.add(r.font.name)
            sizes.add(r.font.size.pt if r.font.size else 0)
s = d.sections[0]
print(json.dumps({
    "text": "\n".join(text),
    "tables": len(d.tables),
    "fonts": sorted(f or "" for f in fonts),
    "sizes": sorted(sizes),
    "page": [round(s.page_width.mm), round(s.page_height.mm)],
    "margins": [round(x.mm) for x in (s.top_margin, s.bottom_margin, s.left_margin, s.right_margin)],
}))
"#;
    let out = Command::new("/usr/bin/python3")
        .args(["-c", script])
        .arg(path)
        .output()
        .expect("/usr/bin/python3 with python3-docx (Debian) is needed; .ci/run installs it");
    assert!(out.status.success(), "python-docx: {}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn the_word_report_reads_back_and_converts_to_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("bao-cao-quy-3.docx");
    let out = sample(&[
        "--quarter",
        "2026-Q3",
        "--format",
        "docx",
        "--output",
        docx.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let d = read_docx(&docx);
    let text = d["text"].as_str().unwrap();
    for wanted in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "ỦY BAN NHÂN DÂN",
        "Số:",
        "/BC-UBND",
        "Canh Vinh, ngày 27 tháng 11 năm 2026",
        "BÁO CÁO",
        "Quý III/2026",
        "I. KẾT QUẢ THỰC HIỆN",
        "II. TỒN TẠI, HẠN CHẾ",
        "III. PHƯƠNG HƯỚNG",
        "Nơi nhận:",
        "Sở Nội vụ tỉnh Gia Lai",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "4 (4.1: 1; 4.2: 2; 4.3: 1; 4.4: 0)",
        "Hội nghị đối thoại với doanh nghiệp",
    ] {
        assert!(text.contains(wanted), "missing {wanted}");
    }
    assert!(d["tables"].as_u64().unwrap() >= 2, "{d}");
    assert_eq!(d["fonts"], serde_json::json!(["Times New Roman"]));
    // The body in 13–14 pt (the tables' smaller text is inside them).
    assert_eq!(d["sizes"], serde_json::json!([13.0, 14.0]));
    assert_eq!(d["page"], serde_json::json!([210, 297]));
    // Nghị định 30/2020: top and bottom 20–25 mm, left 30–35, right 15–20.
    assert_eq!(d["margins"], serde_json::json!([20, 20, 30, 15]));

    // LibreOffice opens it and makes a PDF (its own profile, so parallel
    // runs do not fight over one).
    let profile = dir.path().join("lo-profile");
    let out = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&docx)
        .output()
        .expect("LibreOffice (libreoffice-writer-nogui) is needed; .ci/run installs it");
    assert!(out.status.success(), "{}", stderr(&out));
    let pdf = std::fs::read(dir.path().join("bao-cao-quy-3.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF"), "not a PDF");
}

#[test]
fn the_workbook_has_a_sheet_per_table_and_the_csv_a_bom() {
    use calamine::{Reader, open_workbook_auto};
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("bao-cao.xlsx");
    let out = sample(&[
        "--quarter",
        "2026-Q3",
        "--format",
        "xlsx",
        "-o",
        xlsx.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut wb = open_workbook_auto(&xlsx).unwrap();
    let names = wb.sheet_names().to_vec();
    assert!(names.len() >= 3, "{names:?}");
    assert_eq!(names[0], "Hoạt động");
    let evidence = wb.worksheet_range("Tài liệu kiểm chứng").unwrap();
    let cells: Vec<String> = evidence.rows().flatten().map(|c| c.to_string()).collect();
    assert!(
        cells
            .iter()
            .any(|c| c.contains("Hội nghị đối thoại với doanh nghiệp")),
        "{cells:?}"
    );
    let units = wb.worksheet_range("Đơn vị").unwrap();
    // Counts are numbers, so a spreadsheet can add them.
    assert!(
        units
            .rows()
            .flatten()
            .any(|c| matches!(c, calamine::Data::Float(_) | calamine::Data::Int(_)))
    );

    let out = sample(&["--quarter", "2026-Q3", "--format", "csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        out.stdout.starts_with(&[0xEF, 0xBB, 0xBF]),
        "CSV without a BOM"
    );
}

#[test]
fn formulas_from_content_stay_text_in_the_csv() {
    let f = site();
    f.write(
        "content/tin-tuc/2026/x.md",
        &article(
            "=1+2 tin",
            "2026-07-02T08:00:00+07:00",
            "plan_activities: [ke-hoach/2026/kh#4.2]\n",
        ),
    );
    let out = f.run(&["report", "--quarter", "2026-Q3", "--format", "csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.contains(",'=1+2 tin,"), "{csv}");
    assert!(!csv.contains(",=1+2"), "{csv}");
}

#[test]
fn an_existing_report_file_is_never_overwritten_unasked() {
    let f = site();
    let path = f.root().join("bao-cao.docx");
    std::fs::write(&path, b"the officer's edited report").unwrap();
    let p = path.to_str().unwrap();
    let out = f.run(&[
        "report",
        "--quarter",
        "2026-Q3",
        "--format",
        "docx",
        "--output",
        p,
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("E168"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read(&path).unwrap(),
        b"the officer's edited report"
    );
    let out = f.run(&[
        "report",
        "--quarter",
        "2026-Q3",
        "--format",
        "docx",
        "--output",
        p,
        "--force",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        std::fs::read(&path).unwrap().starts_with(b"PK"),
        "a .docx is a zip"
    );
    // No temporary file left behind.
    let left: Vec<_> = std::fs::read_dir(f.root())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(left.is_empty());
    // A Word file is not printed to the terminal.
    let out = f.run(&["report", "--format", "xlsx"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("E169"), "{}", stderr(&out));
}

#[test]
fn new_offline_activity_is_a_template_that_counts_only_once_linked() {
    let f = site();
    let out = f.run(&["new", "hoat-dong", "Tọa đàm: dịch vụ công trực tuyến"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let dir = f.root().join("content/hoat-dong");
    let year = std::fs::read_dir(&dir)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let file = year.join("toa-dam-dich-vu-cong-truc-tuyen.md");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.contains("title: \"Tọa đàm: dịch vụ công trực tuyến\""),
        "{text}"
    );
    // Not linked yet: a warning at the field, and nothing counted.
    let out = f.run(&["check"]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("W160") && err.contains("toa-dam-dich-vu-cong-truc-tuyen.md:6:"),
        "{err}"
    );
    std::fs::write(
        &file,
        text.replace(
            "plan_activities: []",
            "plan_activities: [ke-hoach/2026/kh#1]",
        )
        .replace("date: ", "date: 2026-08-01 #"),
    )
    .unwrap();
    let j = json(&f, &["--quarter", "2026-Q3"]);
    assert_eq!(activity(&j, "1")["count"], 1);
    assert_eq!(j["evidence"][0]["kind"], "hoi_nghi");
}

#[test]
fn one_file_holds_one_plan_and_errors_read_in_english() {
    let f = site();
    f.write(
        "content/ke-hoach/2026/kh2.md",
        &PLAN.replace(
            "abstract: Tuyên truyền",
            "abstract: Kế hoạch thứ hai, tuyên truyền",
        ),
    );
    let out = f.run(&["report", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("E164") && err.contains("--plan ke-hoach/2026/kh"),
        "{err}"
    );
    let out = f.run(&["report", "--format", "json", "--plan", "ke-hoach/2026/kh2"]);
    assert!(out.status.success(), "{}", stderr(&out));
    // Text formats hold every plan.
    let out = f.run(&["report", "--format", "markdown"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        String::from_utf8(out.stdout)
            .unwrap()
            .matches("# BÁO CÁO")
            .count(),
        2
    );
    let path = f.root().join("co-san.xlsx");
    std::fs::write(&path, b"x").unwrap();
    let p = path.to_str().unwrap();
    let en = stderr(&f.run(&[
        "report",
        "--plan",
        "ke-hoach/2026/kh",
        "--format",
        "xlsx",
        "-o",
        p,
        "--lang",
        "en",
    ]));
    assert!(
        en.contains("error[E168]: the file `")
            && en.contains("add `--force` to replace the old file"),
        "{en}"
    );
    let en = stderr(&f.run(&["report", "--half", "2026-H3", "--lang", "en"]));
    assert!(
        en.contains("error[E089]") && en.contains("write `--half 2026-H1`"),
        "{en}"
    );
}
