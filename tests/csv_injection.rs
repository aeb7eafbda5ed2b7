//! Every CSV trangxa writes keeps formulas out (issue 14, item 7): a title
//! a spreadsheet would run (`=HYPERLINK(…)`) arrives as text.

mod common;

use common::{Fixture, article, stderr};

const PLAN: &str = "---
doc_type: ke_hoach
symbol: KH-UBND
abstract: Tuyên truyền cải cách hành chính năm 2026
issuer: Ủy ban nhân dân xã Thử Nghiệm
issuer_level: xa
issued_date: \"2026-03\"
legal_status: du_thao
units: [phong-van-hoa-xa-hoi]
year: 2026
period: {from: 2026-01-01, to: 2026-12-31}
campaign_kind: tuyen_truyen
reporting: {cadence: hang_quy}
activities:
  - item_no: \"1\"
    task: Tuyên truyền chủ trương, chính sách về cải cách hành chính.
    lead_units: [Phòng VHXH]
    timeframe: {kind: thuong_xuyen, text: Thường xuyên}
    outputs: [Hội nghị]
---
Nội dung kế hoạch.
";

#[test]
fn report_csv_cells_that_start_a_formula_are_written_as_text() {
    let f = Fixture::new();
    f.write("content/ke-hoach/2026/kh.md", PLAN);
    for (slug, title, day) in [
        ("a", "=HYPERLINK(’https://evil.example’;’Bấm vào’)", "04"),
        ("b", "+84 xã viên", "05"),
        ("c", "-1 điểm", "06"),
        ("d", "@SUM(A1)", "07"),
        ("e", "Tin thường", "08"),
    ] {
        f.write(
            &format!("content/tin-tuc/2026/{slug}.md"),
            &article(
                title,
                &format!("2026-05-{day}T08:00:00+07:00"),
                "plan_activities: [ke-hoach/2026/kh#1]\n",
            ),
        );
    }
    let out = f.run(&[
        "report",
        "--plan",
        "ke-hoach/2026/kh",
        "--quarter",
        "2026-Q2",
        "--format",
        "csv",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let csv = String::from_utf8(out.stdout).unwrap();
    // The file holds several tables one after another: every cell is read.
    let cells: Vec<String> = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv.as_bytes())
        .records()
        .flat_map(|r| r.unwrap().iter().map(str::to_string).collect::<Vec<_>>())
        .collect();
    for title in [
        "'=HYPERLINK(’https://evil.example’;’Bấm vào’)",
        "'+84 xã viên",
        "'-1 điểm",
        "'@SUM(A1)",
        "Tin thường",
    ] {
        assert!(cells.iter().any(|c| c == title), "{title} not in {csv}");
    }
    // No cell of the file starts a formula.
    for cell in &cells {
        assert!(
            !cell
                .trim_start_matches('\u{feff}')
                .starts_with(['=', '+', '-', '@', '\t', '\r']),
            "{cell}"
        );
    }
}

#[test]
fn the_cell_rule_covers_tab_and_carriage_return() {
    use trangxa::report::format::neutralise;
    for bad in ["=1+1", "+1", "-1", "@A1", "\tx", "\rx"] {
        assert_eq!(neutralise(bad), format!("'{bad}"));
    }
    for ok in ["Tin", "1-2", "a=b", ""] {
        assert_eq!(neutralise(ok), ok);
    }
}
