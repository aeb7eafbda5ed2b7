//! The report as text: an aligned table for the terminal, Markdown to paste
//! into the quarterly report, or CSV of the evidence list for a spreadsheet.

use super::{PlanReport, QuarterReport};

/// Output formats of `trangxa report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Csv,
    Markdown,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "table" => Some(Format::Table),
            "csv" => Some(Format::Csv),
            "markdown" | "md" => Some(Format::Markdown),
            _ => None,
        }
    }
}

/// A titled table: header and rows of cells.
struct Table {
    title: String,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

fn tables(plan: &PlanReport, q: &QuarterReport) -> Vec<Table> {
    let n = plan
        .quarters
        .iter()
        .position(|x| *x == q.quarter)
        .unwrap_or(0);
    let activities = Table {
        title: format!(
            "Kết quả thực hiện các hoạt động ({} trên {} hoạt động được đánh giá đạt)",
            q.met, q.evaluated
        ),
        header: [
            "TT",
            "Nhiệm vụ",
            "Cơ quan chủ trì",
            "Thời gian thực hiện",
            "Yêu cầu",
            "Số tin, bài",
            "Kết quả",
        ]
        .map(String::from)
        .to_vec(),
        rows: plan
            .activities
            .iter()
            .map(|a| {
                let c = &a.cells[n];
                vec![
                    a.item_no.clone(),
                    a.task.clone(),
                    a.lead.clone(),
                    a.timeframe.clone(),
                    c.requirement.clone(),
                    c.count.to_string(),
                    c.verdict_label.to_string(),
                ]
            })
            .collect(),
    };
    let mut header = vec!["Đơn vị".to_string(), "Tổng số".to_string()];
    header.extend(q.par_areas.iter().map(|s| s.to_string()));
    header.extend(q.kinds.iter().map(|s| s.to_string()));
    header.extend(q.channels.iter().map(|s| format!("Kênh: {s}")));
    let units = Table {
        title: "Số tin, bài theo đơn vị chủ trì, lĩnh vực cải cách hành chính, thể loại và kênh"
            .into(),
        header,
        rows: q
            .units
            .iter()
            .map(|u| {
                let mut r = vec![u.unit.clone(), u.total.to_string()];
                r.extend(
                    u.par_areas
                        .iter()
                        .chain(&u.kinds)
                        .chain(&u.channels)
                        .map(usize::to_string),
                );
                r
            })
            .collect(),
    };
    let evidence = Table {
        title: "Danh sách tài liệu kiểm chứng".into(),
        header: evidence_header(),
        rows: q.evidence.iter().map(evidence_row).collect(),
    };
    vec![activities, units, evidence]
}

fn evidence_header() -> Vec<String> {
    [
        "Ngày đăng",
        "Tiêu đề",
        "Đường dẫn",
        "Đơn vị",
        "Lĩnh vực CCHC",
        "Thể loại",
        "Kênh",
        "Hoạt động",
    ]
    .map(String::from)
    .to_vec()
}

fn evidence_row(e: &super::Evidence) -> Vec<String> {
    vec![
        e.date.clone(),
        e.title.clone(),
        e.url.clone(),
        e.units.join("; "),
        e.par_areas.join("; "),
        e.kind.to_string(),
        e.channels.join("; "),
        if e.from_lead {
            e.activity.clone()
        } else {
            format!("{} (không do cơ quan chủ trì)", e.activity)
        },
    ]
}

fn heading(plan: &PlanReport, q: &QuarterReport) -> (String, String) {
    (
        format!("BÁO CÁO KẾT QUẢ TUYÊN TRUYỀN: {}", plan.title),
        format!(
            "{} ({}){}",
            q.label,
            q.range,
            if q.ended {
                ""
            } else {
                ", kỳ đang diễn ra"
            }
        ),
    )
}

/// Print the report of one quarter of one plan.
pub fn render(plan: &PlanReport, q: &QuarterReport, format: Format) -> String {
    match format {
        Format::Csv => csv(plan, q),
        Format::Markdown => markdown(plan, q),
        Format::Table => text(plan, q),
    }
}

/// A CSV cell a spreadsheet program will not run: text starting with `=`,
/// `+`, `-`, `@`, a tab or a carriage return is read by Excel and
/// LibreOffice as a formula (`=HYPERLINK(…)` in a title), so it gets a
/// leading `'`, which they show as text.
pub fn csv_cell(s: &str) -> std::borrow::Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}").into()
    } else {
        s.into()
    }
}

fn csv(plan: &PlanReport, q: &QuarterReport) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["Kế hoạch".to_string(), "Kỳ báo cáo".to_string()];
    header.extend(evidence_header());
    // Writing to memory cannot fail; a failed row would only be left out.
    let _ = w.write_record(header.iter().map(|c| csv_cell(c).into_owned()));
    for e in &q.evidence {
        let mut row = vec![plan.key.clone(), q.id.clone()];
        row.extend(evidence_row(e));
        let _ = w.write_record(row.iter().map(|c| csv_cell(c).into_owned()));
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn markdown(plan: &PlanReport, q: &QuarterReport) -> String {
    let (title, period) = heading(plan, q);
    let mut out = format!("# {title}\n\nKỳ báo cáo: {period}\n");
    for t in tables(plan, q) {
        out.push_str(&format!("\n## {}\n\n", t.title));
        if t.rows.is_empty() {
            out.push_str("Không có tin, bài nào trong kỳ.\n");
            continue;
        }
        let line = |cells: &[String]| {
            format!(
                "| {} |\n",
                cells
                    .iter()
                    .map(|c| md_cell(c))
                    .collect::<Vec<_>>()
                    .join(" | ")
            )
        };
        out.push_str(&line(&t.header));
        out.push_str(&format!("|{}\n", "---|".repeat(t.header.len())));
        for r in &t.rows {
            out.push_str(&line(r));
        }
    }
    out
}

fn text(plan: &PlanReport, q: &QuarterReport) -> String {
    const MAX: usize = 48;
    let clip = |s: &str| {
        if s.chars().count() > MAX {
            format!("{}…", s.chars().take(MAX - 1).collect::<String>())
        } else {
            s.to_string()
        }
    };
    let (title, period) = heading(plan, q);
    let mut out = format!("{title}\nKỳ báo cáo: {period}\n");
    for t in tables(plan, q) {
        out.push_str(&format!("\n{}\n", t.title));
        if t.rows.is_empty() {
            out.push_str("  Không có tin, bài nào trong kỳ.\n");
            continue;
        }
        let rows: Vec<Vec<String>> = std::iter::once(&t.header)
            .chain(&t.rows)
            .map(|r| r.iter().map(|c| clip(c)).collect())
            .collect();
        let widths: Vec<usize> = (0..t.header.len())
            .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
            .collect();
        for (n, r) in rows.iter().enumerate() {
            let cells: Vec<String> = r
                .iter()
                .zip(&widths)
                .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
                .collect();
            out.push_str(&format!("  {}\n", cells.join("  ").trim_end()));
            if n == 0 {
                let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
                out.push_str(&format!("  {}\n", rule.join("  ")));
            }
        }
    }
    out
}
