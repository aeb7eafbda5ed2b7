//! The report as text and data: a table that fits a 100-column terminal,
//! Markdown to paste, CSV for a spreadsheet, JSON for other tools (its shape
//! is documented in docs/bao-cao.md). Word and Excel are in `docx` and
//! `xlsx`; every format draws on the same `Report` and the same `tables`.

use serde::Serialize;

use super::{ActivityResult, Report};
use crate::diagnostics::Diagnostic;

/// Output formats of `trangxa report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Markdown,
    Csv,
    Json,
    Docx,
    Xlsx,
}

impl Format {
    pub const NAMES: &'static [&'static str] =
        &["table", "markdown", "csv", "json", "docx", "xlsx"];

    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "table" => Some(Format::Table),
            "markdown" | "md" => Some(Format::Markdown),
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            "docx" => Some(Format::Docx),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }

    /// Word and Excel files are binary: they go to `--output`, not the terminal.
    pub fn is_binary(self) -> bool {
        matches!(self, Format::Docx | Format::Xlsx)
    }

    /// One report per file: these formats cannot hold several plans.
    pub fn single_plan(self) -> bool {
        matches!(self, Format::Json | Format::Docx | Format::Xlsx)
    }
}

/// The reports in `format`, as the bytes to print or write.
pub fn render(reports: &[Report], format: Format) -> Result<Vec<u8>, Diagnostic> {
    if format.single_plan() && reports.len() > 1 {
        let keys: Vec<&str> = reports.iter().map(|r| r.plan.key.as_str()).collect();
        return Err(Diagnostic::error(
            "E164",
            format!(
                "có {} kế hoạch cần báo cáo; mỗi tệp chỉ chứa báo cáo của một kế hoạch",
                reports.len()
            ),
        )
        .hint(format!(
            "chọn một kế hoạch bằng `--plan`, ví dụ `--plan {}`",
            keys[0]
        )));
    }
    let Some(first) = reports.first() else {
        return Ok(Vec::new());
    };
    Ok(match format {
        Format::Json => json(first).into_bytes(),
        Format::Docx => super::docx::write(first)?,
        Format::Xlsx => super::xlsx::write(first)?,
        Format::Csv => csv(reports).into_bytes(),
        Format::Markdown => join(reports, markdown).into_bytes(),
        Format::Table => join(reports, table).into_bytes(),
    })
}

fn join(reports: &[Report], f: fn(&Report) -> String) -> String {
    reports.iter().map(f).collect::<Vec<_>>().join("\n")
}

/// A titled table: header and rows of cells.
pub struct Table {
    pub title: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// What the table says when it has no rows.
    pub empty: &'static str,
}

/// "7 (4.1: 2; 4.2: 3; 4.3: 1; 4.4: 1)" for a parent row.
pub fn count_text(a: &ActivityResult) -> String {
    if a.children.is_empty() {
        return a.count.to_string();
    }
    let split: Vec<String> = a
        .children
        .iter()
        .map(|c| format!("{}: {}", c.item_no, c.count))
        .collect();
    format!("{} ({})", a.count, split.join("; "))
}

/// The tables every format shows, in order: activities, targets, units, evidence.
pub fn tables(r: &Report) -> Vec<Table> {
    let (met, judged) = r.met();
    let activities = Table {
        title: format!(
            "Kết quả thực hiện các hoạt động ({met}/{judged} hoạt động, chỉ tiêu có yêu cầu số lượng đạt)"
        ),
        header: [
            "TT",
            "Nhiệm vụ",
            "Cơ quan chủ trì",
            "Yêu cầu",
            "Số sản phẩm",
            "Kết quả",
        ]
        .map(String::from)
        .to_vec(),
        rows: r
            .activities
            .iter()
            .map(|a| {
                vec![
                    a.item_no.clone(),
                    a.task.clone(),
                    a.lead.clone(),
                    if a.timeframe.is_empty() {
                        a.requirement.clone()
                    } else {
                        format!("{}: {}", a.timeframe, a.requirement)
                    },
                    count_text(a),
                    a.status_label.to_string(),
                ]
            })
            .collect(),
        empty: "Kế hoạch không có hoạt động nào.",
    };
    let targets = Table {
        title: "Thực hiện chỉ tiêu".into(),
        header: ["Chỉ tiêu", "Yêu cầu trong kỳ", "Đã thực hiện", "Kết quả"]
            .map(String::from)
            .to_vec(),
        rows: r
            .targets
            .iter()
            .map(|t| {
                vec![
                    t.description.clone(),
                    t.required.to_string(),
                    t.count.to_string(),
                    t.status_label.to_string(),
                ]
            })
            .collect(),
        empty: "Kế hoạch không đặt chỉ tiêu.",
    };
    let units = Table {
        title: "Số tin, bài và hoạt động theo đơn vị chủ trì".into(),
        header: ["Đơn vị", "Số sản phẩm"].map(String::from).to_vec(),
        rows: r
            .units
            .iter()
            .map(|u| vec![u.name.clone(), u.count.to_string()])
            .collect(),
        empty: "Không có đơn vị nào.",
    };
    let evidence = Table {
        title: "Danh sách tài liệu kiểm chứng".into(),
        header: evidence_header(),
        rows: r.evidence.iter().map(evidence_row).collect(),
        empty: "Không có tin, bài hay hoạt động nào trong kỳ.",
    };
    vec![activities, targets, units, evidence]
}

fn evidence_header() -> Vec<String> {
    [
        "Ngày",
        "Tiêu đề",
        "Loại",
        "Đơn vị",
        "Hoạt động",
        "Đường dẫn",
    ]
    .map(String::from)
    .to_vec()
}

fn evidence_row(e: &super::Evidence) -> Vec<String> {
    let mut activities = e.activities.join(", ");
    if !e.counted {
        activities.push_str(" (không do cơ quan chủ trì, không tính)");
    }
    let mut url = e.url.clone();
    for f in &e.files {
        url.push_str(&format!("\n{}: {}", f.label, f.url));
    }
    vec![
        e.date_text.clone(),
        e.title.clone(),
        e.kind_label.to_string(),
        e.units.join("; "),
        activities,
        url,
    ]
}

fn heading(r: &Report) -> String {
    format!(
        "BÁO CÁO KẾT QUẢ TUYÊN TRUYỀN {}\n{}\nKỳ báo cáo: {} ({}){}",
        r.period.label.to_uppercase(),
        r.plan.title,
        r.period.label,
        r.range,
        if r.ended {
            ""
        } else {
            ", kỳ đang diễn ra"
        }
    )
}

/// A spreadsheet treats a cell starting with these as a formula: a title
/// like "=HYPERLINK(…)" from content must stay text.
pub fn neutralise(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// UTF-8 with a byte order mark (Excel reads Vietnamese right only with
/// it), one block per table, every cell neutralised.
fn csv(reports: &[Report]) -> String {
    // Tables of different widths one after another: records vary in length.
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    // Writing to memory cannot fail; a failed row would only be left out.
    for r in reports {
        let _ = w.write_record([
            neutralise(&r.plan.title),
            r.period.label.clone(),
            r.range.clone(),
        ]);
        for t in tables(r) {
            let _ = w.write_record([""]);
            let _ = w.write_record([neutralise(&t.title)]);
            let _ = w.write_record(t.header.iter().map(|c| neutralise(c)));
            for row in &t.rows {
                let _ = w.write_record(row.iter().map(|c| neutralise(c)));
            }
        }
    }
    let _ = w.flush();
    let body = String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default();
    format!("\u{feff}{body}")
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', "<br>")
}

fn markdown(r: &Report) -> String {
    let mut lines = heading(r).lines().map(str::to_string).collect::<Vec<_>>();
    lines[0] = format!("# {}", lines[0]);
    let mut out = lines.join("\n\n") + "\n";
    for t in tables(r) {
        out.push_str(&format!("\n## {}\n\n", t.title));
        if t.rows.is_empty() {
            out.push_str(&format!("{}\n", t.empty));
            continue;
        }
        let line = |cells: &[String]| {
            let cells: Vec<String> = cells.iter().map(|c| md_cell(c)).collect();
            format!("| {} |\n", cells.join(" | "))
        };
        out.push_str(&line(&t.header));
        out.push_str(&format!("|{}\n", "---|".repeat(t.header.len())));
        for row in &t.rows {
            out.push_str(&line(row));
        }
    }
    out
}

/// Terminal width the table fits.
const WIDTH: usize = 100;

/// Break `s` into lines of at most `w` characters, at spaces where it can
/// (a long URL is cut where it must).
pub fn wrap(s: &str, w: usize) -> Vec<String> {
    let w = w.max(1);
    let mut out = Vec::new();
    for para in s.split('\n') {
        let mut line = String::new();
        for word in para.split(' ').filter(|x| !x.is_empty()) {
            let mut word: Vec<char> = word.chars().collect();
            let len = line.chars().count();
            if len > 0 && len + 1 + word.len() <= w {
                line.push(' ');
                line.extend(&word);
                continue;
            }
            if len > 0 {
                out.push(std::mem::take(&mut line));
            }
            while word.len() > w {
                out.push(word.drain(..w).collect());
            }
            line = word.into_iter().collect();
        }
        out.push(line);
    }
    out
}

/// Column widths that fit `WIDTH`: each column keeps room for its longest
/// word (up to 16 characters: a URL is cut anyway), and what is left is
/// shared in proportion to how much more each column would like.
fn widths(t: &Table, indent: usize) -> Vec<usize> {
    let n = t.header.len();
    let cells = |c: usize| {
        std::iter::once(&t.header)
            .chain(&t.rows)
            .map(move |r| r[c].as_str())
    };
    let longest = |c: usize, f: fn(&str) -> Vec<&str>| {
        cells(c)
            .flat_map(f)
            .map(|x| x.chars().count())
            .max()
            .unwrap_or(1)
            .max(1)
    };
    let natural: Vec<usize> = (0..n)
        .map(|c| longest(c, |s| s.split('\n').collect()))
        .collect();
    let budget = WIDTH.saturating_sub(indent + 2 * n.saturating_sub(1));
    if natural.iter().sum::<usize>() <= budget {
        return natural;
    }
    let min: Vec<usize> = (0..n)
        .map(|c| {
            longest(c, |s| s.split([' ', '\n']).collect())
                .clamp(4, 16)
                .min(natural[c])
        })
        .collect();
    let spare = budget.saturating_sub(min.iter().sum());
    let want: Vec<usize> = natural.iter().zip(&min).map(|(n, m)| n - m).collect();
    let total = want.iter().sum::<usize>().max(1);
    min.iter()
        .zip(&want)
        .map(|(m, w)| m + spare * w / total)
        .collect()
}

fn table(r: &Report) -> String {
    let mut out = heading(r) + "\n";
    for t in tables(r) {
        out.push('\n');
        for l in wrap(&t.title, WIDTH) {
            out.push_str(&format!("{l}\n"));
        }
        if t.rows.is_empty() {
            out.push_str(&format!("  {}\n", t.empty));
            continue;
        }
        let w = widths(&t, 2);
        for (n, row) in std::iter::once(&t.header).chain(&t.rows).enumerate() {
            let cells: Vec<Vec<String>> = row.iter().zip(&w).map(|(c, w)| wrap(c, *w)).collect();
            let height = cells.iter().map(Vec::len).max().unwrap_or(1);
            for k in 0..height {
                let parts: Vec<String> = cells
                    .iter()
                    .zip(&w)
                    .map(|(c, w)| {
                        let s = c.get(k).map(String::as_str).unwrap_or("");
                        format!("{s}{}", " ".repeat(w.saturating_sub(s.chars().count())))
                    })
                    .collect();
                out.push_str(&format!("  {}\n", parts.join("  ").trim_end()));
            }
            if n == 0 {
                let rule: Vec<String> = w.iter().map(|w| "─".repeat(*w)).collect();
                out.push_str(&format!("  {}\n", rule.join("  ")));
            }
        }
    }
    out
}

/// The JSON shape (docs/bao-cao.md): only these fields, so other tools can
/// rely on them.
#[derive(Serialize)]
struct Json<'a> {
    plan: JsonPlan<'a>,
    period: &'a super::Period,
    activities: Vec<JsonActivity<'a>>,
    units: Vec<JsonUnit<'a>>,
    evidence: Vec<JsonEvidence<'a>>,
    targets: Vec<JsonTarget<'a>>,
}

#[derive(Serialize)]
struct JsonPlan<'a> {
    key: &'a str,
    title: &'a str,
    url: &'a str,
}

#[derive(Serialize)]
struct JsonActivity<'a> {
    item_no: &'a str,
    task: &'a str,
    lead_units: &'a [String],
    timeframe: &'a str,
    count: usize,
    children: &'a [super::ChildCount],
    status: super::Status,
}

#[derive(Serialize)]
struct JsonUnit<'a> {
    id: &'a str,
    name: &'a str,
    count: usize,
}

#[derive(Serialize)]
struct JsonEvidence<'a> {
    url: &'a str,
    title: &'a str,
    date: String,
    kind: &'a str,
    units: &'a [String],
    activities: &'a [String],
}

#[derive(Serialize)]
struct JsonTarget<'a> {
    unit: Option<&'a str>,
    metric: &'a str,
    per: &'a str,
    value: u32,
    channel: Option<&'a str>,
    activity: Option<&'a str>,
    required: usize,
    count: usize,
    status: super::Status,
}

fn json(r: &Report) -> String {
    let j = Json {
        plan: JsonPlan {
            key: &r.plan.key,
            title: &r.plan.title,
            url: &r.plan.url,
        },
        period: &r.period,
        activities: r
            .activities
            .iter()
            .map(|a| JsonActivity {
                item_no: &a.item_no,
                task: &a.task,
                lead_units: &a.lead_units,
                timeframe: &a.timeframe,
                count: a.count,
                children: &a.children,
                status: a.status,
            })
            .collect(),
        units: r
            .units
            .iter()
            .map(|u| JsonUnit {
                id: &u.id,
                name: &u.name,
                count: u.count,
            })
            .collect(),
        evidence: r
            .evidence
            .iter()
            .map(|e| JsonEvidence {
                url: &e.url,
                title: &e.title,
                date: e.date.format("%Y-%m-%d").to_string(),
                kind: e.kind,
                units: &e.units,
                activities: &e.activities,
            })
            .collect(),
        targets: r
            .targets
            .iter()
            .map(|t| JsonTarget {
                unit: t.unit.as_deref(),
                metric: t.metric,
                per: t.per,
                value: t.value,
                channel: t.channel,
                activity: t.activity.as_deref(),
                required: t.required,
                count: t.count,
                status: t.status,
            })
            .collect(),
    };
    // Serialising plain structs of strings and numbers cannot fail.
    serde_json::to_string_pretty(&j).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_every_character() {
        let s = "Tuyên truyền các chủ trương, chính sách https://canhvinh.gialai.gov.vn/tin-tuc/rat-dai/";
        let lines = wrap(s, 20);
        assert!(lines.iter().all(|l| l.chars().count() <= 20), "{lines:?}");
        assert_eq!(lines.concat().replace(' ', ""), s.replace(' ', ""));
    }

    #[test]
    fn formulas_are_neutralised() {
        for bad in ["=1+1", "+84", "-x", "@SUM(A1)", "\tx", "\rx"] {
            assert!(neutralise(bad).starts_with('\''), "{bad}");
        }
        assert_eq!(neutralise("Quý III/2026"), "Quý III/2026");
    }
}
