//! Plans and the quarterly report: the appendix table as the signed document
//! draws it, the cadence rules at quarter boundaries, the report in every
//! format, and bad plans or links. Fixture sites, fixed clock.

mod common;

use common::{Fixture, article, repo_root, stderr};

const PLAN: &str = "content/ke-hoach/2026/kh.md";
const NOW: &str = "2026-11-27T12:00:00+07:00";

/// A plan with a regular task, a quarterly group (4 → 4.1, 4.2 sharing the
/// timeframe and products cells) and calendar quarters.
fn plan(extra_activities: &str, period: &str) -> String {
    format!(
        "---
doc_type: ke_hoach
number: \"12\"
symbol: KH-UBND
abstract: Tuyên truyền cải cách hành chính năm 2026
issuer: Ủy ban nhân dân xã Thử Nghiệm
issuer_level: xa
issued_date: 2026-03-10
legal_status: con_hieu_luc
signer: {{name: Lê Văn Chín, position: Phó Chủ tịch, authority: kt, on_behalf_of: \"ỦY BAN NHÂN DÂN / CHỦ TỊCH\"}}
recipients: [Các cơ quan, đơn vị thuộc xã]
archive_note: \"Lưu: VT, VHXH\"
units: [phong-van-hoa-xa-hoi]
year: 2026
period: {period}
campaign_kind: tuyen_truyen
reporting: {{cadence: hang_quy}}
appendix_title: Danh mục hoạt động trọng tâm
activities:
  - item_no: \"1\"
    task: Tuyên truyền chủ trương, chính sách về cải cách hành chính.
    lead_units: [Phòng VHXH]
    coordinating_units: [Phòng Kinh tế]
    timeframe: {{kind: thuong_xuyen, text: Thường xuyên}}
    outputs: [Hội nghị, Phát thanh trên Đài của xã]
  - item_no: \"4\"
    task: Gửi tin, bài về kết quả cải cách hành chính
    lead_units: [doan-thanh-nien]
    timeframe: {{kind: dinh_ky, cadence: hang_quy, times: 1, text: Định kỳ 01 lần/quý}}
    outputs: [\"Tin ngắn, bài viết, infographic\"]
  - item_no: \"4.1\"
    parent: \"4\"
    task: Về cải cách thể chế
    lead_units: [phong-van-hoa-xa-hoi]
    inherit: [timeframe, outputs, coordinating_units]
  - item_no: \"4.2\"
    parent: \"4\"
    task: Về cải cách tài chính công
    lead_units: [phong-kinh-te]
    lead_note: và các đơn vị liên quan
    inherit: [timeframe, outputs, coordinating_units]
{extra_activities}---
Nội dung kế hoạch.
"
    )
}

fn site_with_plan() -> Fixture {
    let f = Fixture::new();
    f.write(PLAN, &plan("", "{from: 2026-01-01, to: 2026-12-31}"));
    f
}

fn linked(f: &Fixture, slug: &str, title: &str, at: &str, units: &str, activity: &str) {
    f.write(
        &format!("content/tin-tuc/2026/{slug}.md"),
        &article(
            title,
            at,
            &format!("plan_activities: [ke-hoach/2026/kh#{activity}]\nchannels: [website, zalo]\n"),
        )
        .replace("units: [phong-kinh-te]", &format!("units: [{units}]")),
    );
}

#[test]
fn appendix_table_keeps_merged_cells_links_and_items() {
    let f = site_with_plan();
    linked(
        &f,
        "the-che",
        "Tin về thể chế quý hai",
        "2026-05-04T08:00:00+07:00",
        "phong-van-hoa-xa-hoi",
        "4.1",
    );
    f.build_ok();
    let html = f.read("ke-hoach/2026/kh/index.html");
    // 4, 4.1, 4.2 share one timeframe, products and coordinating cell.
    assert_eq!(html.matches("rowspan=\"3\"").count(), 3, "{html}");
    // On a phone the merged cell shows once, in the group's first card,
    // labelled with the rows it covers.
    assert!(
        html.contains("<td rowspan=\"3\" data-label=\"Thời gian thực hiện (chung cho mục 4 đến 4.2)\">Định kỳ 01 lần/quý</td>"),
        "{html}"
    );
    assert_eq!(html.matches("<tr id=\"hoat-dong-").count(), 4);
    // The 4.1 row draws only TT, task and lead: its other cells are merged.
    let row = html
        .split("id=\"hoat-dong-4-1\"")
        .nth(1)
        .unwrap()
        .split("</tr>")
        .next()
        .unwrap();
    assert_eq!(row.matches("<td").count(), 2, "{row}");
    // Units as written in the plan, linked to their pages; the note follows.
    assert!(html.contains("<a href=\"/don-vi/phong-van-hoa-xa-hoi/\">Phòng VHXH</a>"));
    assert!(!html.contains(">phong-kinh-te<"));
    assert!(
        html.contains(
            "<a href=\"/don-vi/phong-kinh-te/\">Phòng Kinh tế</a> và các đơn vị liên quan"
        )
    );
    assert!(html.contains("<ul><li>Hội nghị</li><li>Phát thanh trên Đài của xã</li></ul>"));
    // Under the activity: the item that carries it out and the quarter's verdict.
    let part = html
        .split("id=\"kq-hoat-dong-4-1\"")
        .nth(1)
        .unwrap()
        .split("</section>")
        .next()
        .unwrap();
    assert!(part.contains("Tin về thể chế quý hai"), "{part}");
    // Citizens see what was done, without verdicts (site.yaml does not ask).
    assert!(
        part.contains("Quý II/2026: 1 tin, bài, hoạt động</li>"),
        "{part}"
    );
    assert!(
        part.contains("Quý I/2026: 0 tin, bài, hoạt động</li>"),
        "{part}"
    );
    assert!(
        !html.contains("Chưa đạt") && !html.contains("verdict-"),
        "{part}"
    );
    // The campaign is running on the fixed clock: status and home banner.
    assert!(html.contains("Đang diễn ra"));
    assert!(f.read("index.html").contains("campaign-banner"));
    // The fixture has no static pages, so only its menu entries lead nowhere.
    let broken: Vec<_> = common::broken_links(&f.public(""), "")
        .into_iter()
        .filter(|(_, l)| l != "/gioi-thieu/" && l != "/lien-he/")
        .collect();
    assert!(broken.is_empty(), "{broken:?}");
}

#[test]
fn par_section_pages() {
    let f = site_with_plan();
    f.write(
        "content/tin-tuc/2026/cchc.md",
        &article(
            "Tin cải cách thủ tục",
            "2026-05-04T08:00:00+07:00",
            "par_areas: [thu_tuc_hanh_chinh]\nindices: [sipas]\n",
        )
        .replace("sections: [tin-tuc]", "sections: [cai-cach-hanh-chinh]"),
    );
    f.build_ok();
    let home = f.read("cai-cach-hanh-chinh/index.html");
    for link in [
        "/cai-cach-hanh-chinh/thu-tuc-hanh-chinh/",
        "/cai-cach-hanh-chinh/chinh-quyen-so/",
        "/cai-cach-hanh-chinh/chi-so/sipas/",
        "/cai-cach-hanh-chinh/ket-qua-tuyen-truyen/",
        "/ke-hoach/2026/kh/",
        "/thu-tuc-hanh-chinh/",
    ] {
        assert!(home.contains(&format!("href=\"{link}\"")), "{link}");
    }
    assert!(home.contains("Tin cải cách thủ tục"));
    assert!(
        f.read("cai-cach-hanh-chinh/thu-tuc-hanh-chinh/index.html")
            .contains("Tin cải cách thủ tục")
    );
    assert!(
        f.read("cai-cach-hanh-chinh/chi-so/sipas/index.html")
            .contains("Tin cải cách thủ tục")
    );
    assert!(
        !f.read("cai-cach-hanh-chinh/chi-so/papi/index.html")
            .contains("Tin cải cách thủ tục")
    );
    // The menu entry leads to the section.
    assert!(
        f.read("index.html")
            .contains("href=\"/cai-cach-hanh-chinh/\"")
    );
}

#[test]
fn an_empty_par_area_says_what_it_covers_and_who_leads_it() {
    let f = Fixture::new();
    f.write(
        PLAN,
        &plan("", "{from: 2026-01-01, to: 2026-12-31}").replace(
            "    task: Về cải cách thể chế\n",
            "    task: Về cải cách thể chế\n    par_areas: [the_che]\n",
        ),
    );
    f.build_ok();
    let area = f.read("cai-cach-hanh-chinh/the-che/index.html");
    assert!(
        area.contains("Xây dựng, ban hành văn bản quy phạm pháp luật"),
        "{area}"
    );
    assert!(
        area.contains(
            "<a href=\"/ke-hoach/2026/kh/#hoat-dong-4-1\">Mục 4.1: Về cải cách thể chế</a>"
        ),
        "{area}"
    );
    assert!(
        area.contains(
            "Chủ trì: <a href=\"/don-vi/phong-van-hoa-xa-hoi/\">Phòng Văn hóa - Xã hội</a>"
        ),
        "{area}"
    );
    assert!(area.contains("Kế hoạch liên quan"), "{area}");
    assert!(!area.contains("(0)"));
    // The index counts each entry and steps back the empty ones.
    let index = f.read("cai-cach-hanh-chinh/index.html");
    assert!(
        index.contains("<li class=\"empty\"><a href=\"/cai-cach-hanh-chinh/the-che/\">Cải cách thể chế</a> <span class=\"count\">chưa có tin, bài</span></li>"),
        "{index}"
    );
    assert!(!index.contains("(0)"));
}

#[test]
fn a_draft_plan_is_not_a_running_campaign() {
    let f = Fixture::new();
    let issued = plan("", "{from: 2026-01-01, to: 2026-12-31}");
    let draft = issued
        .replace("number: \"12\"\n", "")
        .replace("legal_status: con_hieu_luc", "legal_status: du_thao");
    f.write(PLAN, &draft);
    f.build_ok();
    let html = f.read("ke-hoach/2026/kh/index.html");
    assert!(html.contains("Dự thảo"));
    assert!(!html.contains("Đang diễn ra"), "{html}");
    assert!(html.contains(
        "Thời gian thực hiện dự kiến: 01/01/2026 – 31/12/2026 (kế hoạch chưa ban hành)."
    ));
    assert!(!f.read("index.html").contains("campaign-banner"));
}

#[test]
fn campaign_status_follows_the_clock() {
    let f = Fixture::new();
    f.write(PLAN, &plan("", "{from: 2026-12-01, to: 2026-12-31}"));
    f.build_ok();
    assert!(
        f.read("ke-hoach/2026/kh/index.html")
            .contains("Sắp diễn ra")
    );
    assert!(!f.read("index.html").contains("campaign-banner"));
    let out = f.run(&["build", "--now", "2027-01-01T00:00:00+07:00"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        f.read("ke-hoach/2026/kh/index.html")
            .contains("Đã kết thúc")
    );
}

#[test]
fn cadence_is_judged_in_vietnam_time_at_quarter_boundaries() {
    let f = site_with_plan();
    // 23:59 on the last day of Q1 in Vietnam is still Q1.
    linked(
        &f,
        "q1",
        "Tin cuối quý một",
        "2026-03-31T23:59:00+07:00",
        "phong-van-hoa-xa-hoi",
        "4.1",
    );
    // 17:30 UTC on 30/9 is 00:30 on 1/10 in Vietnam: Q4, not Q3.
    linked(
        &f,
        "q4",
        "Tin đầu quý bốn",
        "2026-09-30T17:30:00Z",
        "phong-van-hoa-xa-hoi",
        "4.1",
    );
    // Linked, but not from the lead unit of 4.2: does not count.
    linked(
        &f,
        "khac",
        "Tin của đơn vị khác",
        "2026-05-10T08:00:00+07:00",
        "dan-van",
        "4.2",
    );
    let md = |q: &str| {
        let out = f.run(&["report", "--quarter", q, "--format", "markdown"]);
        assert!(out.status.success(), "{}", stderr(&out));
        String::from_utf8(out.stdout).unwrap()
    };
    let q1 = md("2026-Q1");
    assert!(
        q1.contains("| 4.1 | Về cải cách thể chế | Phòng Văn hóa - Xã hội"),
        "{q1}"
    );
    assert!(
        q1.contains("| Định kỳ 01 lần/quý: ≥ 1 sản phẩm trong kỳ | 1 | Đạt |"),
        "{q1}"
    );
    let q3 = md("2026-Q3");
    assert!(
        q3.contains("| Định kỳ 01 lần/quý: ≥ 1 sản phẩm trong kỳ | 0 | Chưa đạt |"),
        "{q3}"
    );
    assert!(!q3.contains("Tin đầu quý bốn"), "{q3}");
    let q4 = md("2026-Q4");
    assert!(q4.contains("Tin đầu quý bốn"), "{q4}");
    let q2 = md("2026-Q2");
    assert!(
        q2.contains("4.2 (không do cơ quan chủ trì, không tính)"),
        "{q2}"
    );
    assert!(q2.contains("| 4.2 | Về cải cách tài chính công | Phòng Kinh tế và các đơn vị liên quan | Định kỳ 01 lần/quý: ≥ 1 sản phẩm trong kỳ | 0 | Chưa đạt |"), "{q2}");
}

#[test]
fn regular_tasks_are_reported_as_done_or_not() {
    let f = site_with_plan();
    linked(
        &f,
        "t4",
        "Tháng tư",
        "2026-04-03T08:00:00+07:00",
        "phong-van-hoa-xa-hoi",
        "1",
    );
    linked(
        &f,
        "t5",
        "Tháng năm",
        "2026-05-03T08:00:00+07:00",
        "phong-van-hoa-xa-hoi",
        "1",
    );
    linked(
        &f,
        "t7",
        "Tháng bảy",
        "2026-07-03T08:00:00+07:00",
        "phong-van-hoa-xa-hoi",
        "1",
    );
    linked(
        &f,
        "t8",
        "Tháng tám",
        "2026-08-03T08:00:00+07:00",
        "phong-van-hoa-xa-hoi",
        "1",
    );
    linked(
        &f,
        "t9",
        "Tháng chín",
        "2026-09-30T23:59:00+07:00",
        "phong-van-hoa-xa-hoi",
        "1",
    );
    let row = |q: &str| {
        let out = f.run(&["report", "--quarter", q, "--format", "markdown"]);
        let text = String::from_utf8(out.stdout).unwrap();
        text.lines()
            .find(|l| l.starts_with("| 1 |"))
            .unwrap()
            .to_string()
    };
    // "Thường xuyên" sets no number: something in the quarter is enough to
    // have done it, and nothing is "chưa có hoạt động", never "chưa đạt".
    assert!(
        row("2026-Q2").ends_with("| 2 | Có hoạt động |"),
        "{}",
        row("2026-Q2")
    );
    assert!(
        row("2026-Q3").ends_with("| 3 | Có hoạt động |"),
        "{}",
        row("2026-Q3")
    );
    assert!(
        row("2026-Q1").ends_with("| 0 | Chưa có hoạt động |"),
        "{}",
        row("2026-Q1")
    );
    // The running quarter is under way whatever it holds so far.
    assert!(
        row("2026-Q4").ends_with("| 0 | Đang thực hiện |"),
        "{}",
        row("2026-Q4")
    );
}

#[test]
fn report_in_text_formats_and_on_the_site() {
    let f = site_with_plan();
    linked(
        &f,
        "tc",
        "Tài chính công quý hai",
        "2026-05-04T08:00:00+07:00",
        "phong-kinh-te",
        "4.2",
    );
    let run = |format: &str| {
        let out = f.run(&[
            "report",
            "--plan",
            "ke-hoach/2026/kh",
            "--quarter",
            "2026-Q2",
            "--format",
            format,
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        String::from_utf8(out.stdout).unwrap()
    };
    let csv = run("csv");
    assert!(
        csv.starts_with('\u{feff}'),
        "Excel needs the BOM to read UTF-8"
    );
    assert!(
        csv.contains("\nNgày,Tiêu đề,Loại,Đơn vị,Hoạt động,Đường dẫn\n04/05/2026,Tài chính công quý hai,Tin,Phòng Kinh tế,4.2,https://thunghiem.gialai.gov.vn/tin-tuc/tc/\n"),
        "{csv}"
    );
    assert!(csv.contains("\n4.2,Về cải cách tài chính công,"), "{csv}");
    let table = run("table");
    assert!(
        table.contains("Kỳ báo cáo: Quý II/2026 (01/04/2026 – 30/06/2026)"),
        "{table}"
    );
    assert!(table.contains("Phòng Kinh tế"), "{table}");
    // Wrapped to a 100-column terminal, nothing cut.
    assert!(table.lines().all(|l| l.chars().count() <= 100), "{table}");
    for word in "Tuyên truyền chủ trương, chính sách về cải cách hành chính.".split(' ')
    {
        assert!(table.contains(word), "{word} missing: {table}");
    }
    assert!(!table.contains('…'), "{table}");
    let md = run("markdown");
    assert!(md.contains("## Danh sách tài liệu kiểm chứng"));
    assert!(
        md.contains("| 04/05/2026 | Tài chính công quý hai |"),
        "{md}"
    );

    f.build_ok();
    let page = f.read("cai-cach-hanh-chinh/ket-qua-tuyen-truyen/index.html");
    // The chart is a list a phone can read: each unit's name in text, its bar
    // and its number.
    let chart = &page[page.find("<figure class=\"chart\"").unwrap()..];
    let chart = &chart[..chart.find("</figure>").unwrap()];
    assert!(
        chart.contains("<span class=\"bar-label\">Phòng Kinh tế</span>"),
        "{chart}"
    );
    assert!(chart.contains("</svg> 1</span>"), "{chart}");
    assert!(page.contains("Tài chính công quý hai"));
    // The chart needs no script: only the site-wide deferred one is there.
    assert!(!page.contains("<script>"), "no inline script for the chart");
}

#[test]
fn bad_report_arguments() {
    let f = site_with_plan();
    let out = f.run(&["report", "--plan", "ke-hoach/2026/kh2"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("có phải bạn muốn viết `--plan ke-hoach/2026/kh`?"),
        "{}",
        stderr(&out)
    );
    let out = f.run(&["report", "--quarter", "2026-Q5"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("E089"), "{}", stderr(&out));
    let en = stderr(&f.run(&["report", "--plan", "ke-hoach/2026/kh2", "--lang", "en"]));
    assert!(
        en.contains("error[E088]: there is no plan `ke-hoach/2026/kh2`")
            && en.contains("hint: did you mean `--plan ke-hoach/2026/kh`?")
            && en.contains("The report was not made."),
        "{en}"
    );
}

#[test]
fn check_warns_about_an_ended_quarter_without_items() {
    let f = site_with_plan();
    let out = f.run(&["check"]);
    assert!(out.status.success());
    let err = stderr(&out);
    assert!(err.contains("W080"), "{err}");
    assert!(
        err.contains("hoạt động 4.1 của kế hoạch `ke-hoach/2026/kh` chưa có kết quả như kế hoạch yêu cầu trong"),
        "{err}"
    );
    // In English, each quarter of the list is translated.
    let en = stderr(&f.run(&["check", "--lang", "en"]));
    assert!(
        en.contains(
            "warning[W080]: activity 4.1 of the plan `ke-hoach/2026/kh` fell short of what the plan asks in quarter "
        ),
        "{en}"
    );
    assert!(!en.contains("Quý"), "{en}");
}

/// Build, insist it fails without touching `public/`, return stderr.
fn fails(f: &Fixture) -> String {
    let out = f.build();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(!f.public("index.html").exists());
    err
}

#[test]
fn news_pointing_to_an_unknown_plan_or_activity() {
    let f = site_with_plan();
    linked(
        &f,
        "a",
        "Tin A",
        "2026-05-04T08:00:00+07:00",
        "phong-kinh-te",
        "4.3",
    );
    let err = fails(&f);
    assert!(
        err.contains("error[E087]") || err.contains("[E087]"),
        "{err}"
    );
    assert!(
        err.contains("kế hoạch `ke-hoach/2026/kh` không có hoạt động số `4.3`"),
        "{err}"
    );
    assert!(err.contains("content/tin-tuc/2026/a.md:"), "{err}");

    let f = site_with_plan();
    f.write(
        "content/tin-tuc/2026/b.md",
        &article(
            "Tin B",
            "2026-05-04T08:00:00+07:00",
            "plan_activities: [ke-hoach/2026/kh3#4.1]\n",
        ),
    );
    let err = fails(&f);
    assert!(
        err.contains("không có kế hoạch `ke-hoach/2026/kh3`"),
        "{err}"
    );
    assert!(
        err.contains("có phải bạn muốn viết `ke-hoach/2026/kh#4.1`?"),
        "{err}"
    );
}

#[test]
fn bad_plans_name_file_line_and_field() {
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "  - {item_no: \"5\", task: Không ai chủ trì}\n",
            "{from: 2026-01-01, to: 2026-12-31}",
            "E084",
            "hoạt động 5 chưa có cơ quan chủ trì",
        ),
        (
            "",
            "{from: 2026-12-31, to: 2026-01-01}",
            "E081",
            "thời gian thực hiện kết thúc (01/01/2026) trước khi bắt đầu (31/12/2026)",
        ),
        (
            "  - {item_no: \"5\", task: X, lead_units: [uy-ban], timeframe: {kind: dinh_ky, cadence: hang_tuan, text: Hằng tuần}}\n",
            "{from: 2026-01-01, to: 2026-12-31}",
            "E008",
            "hang_tuan",
        ),
        (
            "  - {item_no: \"4.1\", task: Trùng, lead_units: [uy-ban]}\n",
            "{from: 2026-01-01, to: 2026-12-31}",
            "E082",
            "số thứ tự `4.1` bị trùng",
        ),
        (
            "  - {item_no: \"5.1\", parent: \"5\", task: X, lead_units: [uy-ban]}\n",
            "{from: 2026-01-01, to: 2026-12-31}",
            "E083",
            "hoạt động 5.1 thuộc mục `5`",
        ),
        (
            "  - {item_no: \"5\", task: X, lead_units: [phong-kinh-tee]}\n",
            "{from: 2026-01-01, to: 2026-12-31}",
            "E010",
            "hoạt động 5: không có đơn vị `phong-kinh-tee`",
        ),
    ];
    for (activity, period, code, message) in cases {
        let f = Fixture::new();
        f.write(PLAN, &plan(activity, period));
        let err = fails(&f);
        assert!(err.contains(code), "{code}: {err}");
        assert!(err.contains(message), "{message}: {err}");
        assert!(err.contains("content/ke-hoach/2026/kh.md:"), "{err}");
    }
    // The unknown unit's line is the activity's own, with a suggestion.
    let f = Fixture::new();
    f.write(
        PLAN,
        &plan(
            "  - {item_no: \"5\", task: X, lead_units: [phong-kinh-tee]}\n",
            "{from: 2026-01-01, to: 2026-12-31}",
        ),
    );
    let err = fails(&f);
    assert!(err.contains("content/ke-hoach/2026/kh.md:42:"), "{err}");
    assert!(err.contains("`phong-kinh-te`"), "{err}");
}

#[test]
fn the_sample_plan_page_and_report() {
    let tmp = tempfile::tempdir().unwrap();
    // A folder of the build's own: an existing empty one would need `--force`.
    let dir = tmp.path().join("public");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_trangxa"))
        .args(["build", "--now", NOW, "--root"])
        .arg(repo_root())
        .arg("--output")
        .arg(&dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let html =
        std::fs::read_to_string(dir.join("ke-hoach/2026/tuyen-truyen-cchc/index.html")).unwrap();
    assert_eq!(html.matches("<tr id=\"hoat-dong-").count(), 11);
    // A draft is not a running campaign.
    assert!(!html.contains("Đang diễn ra"), "a draft shown as running");
    assert!(html.contains("Thời gian thực hiện dự kiến: 01/01/2026 – 31/12/2026"));
    // "Nơi nhận" once, and the signature block as decree 30/2020 lays it out.
    assert_eq!(html.matches("Nơi nhận").count(), 1);
    assert!(
        html.contains("<p class=\"signature\"><strong>TM. ỦY BAN NHÂN DÂN</strong><br><strong>KT. CHỦ TỊCH</strong><br><strong>PHÓ CHỦ TỊCH</strong><br><span class=\"signer-name\">Vũ Trọng Tuyên</span></p>"),
        "{html}"
    );
    let parent = std::fs::read_to_string(dir.join("van-ban/2025/135-kh-ubnd/index.html")).unwrap();
    assert!(
        parent.contains("TM. ỦY BAN NHÂN DÂN<br>CHỦ TỊCH<br>"),
        "135/KH-UBND loses its TM."
    );
    for wording in [
        "Đưa tin, bài viết, hoạt động liên quan đến công tác cải cách hành chính Đài phát thanh",
        "Về nội dung cải cách thể chế",
        "<a href=\"/don-vi/van-phong-hdnd-ubnd/\">Văn phòng HĐND và UBND</a>",
        "<a href=\"/don-vi/phong-kinh-te/\">Phòng Kinh tế</a> và các cơ quan, đơn vị có liên quan đến lĩnh vực mà doanh nghiệp, người dân quan tâm",
        "Các cơ quan, đơn vị liên quan; <a href=\"/don-vi/cac-thon-lang/\">các thôn/làng</a>",
        "<td rowspan=\"5\" data-label=\"Thời gian thực hiện (chung cho mục 4 đến 4.4)\">Định kỳ 01 lần/quý</td>",
        "Kế hoạch hoặc lồng ghép tại các chương trình, hội nghị, hội thảo,.. tại các thôn/làng",
    ] {
        assert!(html.contains(wording), "missing {wording}");
    }
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_trangxa"))
        .args([
            "report",
            "--now",
            NOW,
            "--quarter",
            "2026-Q2",
            "--format",
            "csv",
            "--root",
        ])
        .arg(repo_root())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.lines().count() > 5, "{csv}");
    assert!(csv.contains("\n20/05/2026,"), "{csv}");
}

#[test]
fn long_par_lists_are_cut_into_pages() {
    let f = site_with_plan();
    let per = 10; // the fixture's `paginate_by`
    for n in 0..per + 3 {
        f.write(
            &format!("content/tin-tuc/2026/sipas-{n:02}.md"),
            &article(
                &format!("Tin chỉ số số {n:02}"),
                &format!("2026-05-{:02}T08:00:00+07:00", n + 1),
                "par_areas: [chinh_quyen_so]\nindices: [sipas]\n",
            ),
        );
    }
    f.build_ok();
    for base in [
        "cai-cach-hanh-chinh/chinh-quyen-so/",
        "cai-cach-hanh-chinh/chi-so/sipas/",
    ] {
        let first = f.read(&format!("{base}index.html"));
        let second = f.read(&format!("{base}trang/2/index.html"));
        // Newest first: the three oldest items are on the second page.
        assert!(first.contains("Tin chỉ số số 12") && !first.contains("Tin chỉ số số 02"));
        assert!(second.contains("Tin chỉ số số 00") && second.contains("Tin chỉ số số 02"));
        assert!(!second.contains("Tin chỉ số số 03"), "{base}");
        assert!(
            first.contains(&format!("href=\"/{base}trang/2/\"")),
            "{base}"
        );
        assert!(second.contains("Trang 2/2 (13 mục)"), "{base}");
        assert!(!f.public(&format!("{base}trang/3/index.html")).exists());
    }
}
