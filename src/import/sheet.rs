//! Read a spreadsheet (CSV or XLSX) into rows of text cells that remember
//! where they came from, so every problem can name the row and column a
//! person sees in their spreadsheet program.

use std::path::Path;

use calamine::{Data, Reader};

use crate::diagnostics::Diagnostic;
use crate::vi;

/// One row of cells, as text (NFC, `\r\n` → `\n`, trimmed).
#[derive(Debug, Clone)]
pub struct Row {
    /// 1-based row number as a spreadsheet program shows it.
    pub number: usize,
    pub cells: Vec<String>,
}

impl Row {
    pub fn is_empty(&self) -> bool {
        self.cells.iter().all(|c| c.is_empty())
    }
}

/// A sheet: the header row and the data rows below it.
#[derive(Debug, Clone)]
pub struct Sheet {
    /// The worksheet's name, for XLSX; shown in messages.
    pub name: Option<String>,
    /// 0-based index of the sheet's first column (XLSX ranges may not start at A).
    pub first_column: usize,
    pub header: Row,
    pub rows: Vec<Row>,
}

/// Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA.
pub fn column_letter(mut index: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

fn clean(s: &str) -> String {
    vi::nfc(s.replace("\r\n", "\n").replace('\r', "\n").trim())
}

fn file_error(file: &Path, message: String, hint: &str) -> Diagnostic {
    Diagnostic::error("E037", message)
        .in_file(file)
        .hint(hint.to_string())
}

/// Read `file` by its extension.
pub fn read(file: &Path) -> Result<Sheet, Diagnostic> {
    let ext = file
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let (name, first_column, rows) = match ext.as_str() {
        "csv" => (None, 0, read_csv(file)?),
        "xlsx" | "xlsm" | "xls" | "ods" => read_workbook(file)?,
        _ => {
            return Err(file_error(
                file,
                format!("không đọc được tệp `.{ext}`: chỉ nhận bảng tính .csv hoặc .xlsx"),
                "trong Excel chọn Lưu thành (Save As) → Sổ làm việc Excel (.xlsx) hoặc CSV UTF-8",
            ));
        }
    };
    let mut rows = rows.into_iter().skip_while(Row::is_empty);
    let Some(header) = rows.next() else {
        return Err(file_error(
            file,
            "bảng tính trống: không có dòng tiêu đề cột".into(),
            "dòng đầu tiên ghi tên các cột, ví dụ `Mã thủ tục`, `Tên thủ tục`, `Lĩnh vực` (xem README)",
        ));
    };
    let mut rows: Vec<Row> = rows.collect();
    // Empty rows after the last record are formatting, not data.
    while rows.last().is_some_and(Row::is_empty) {
        rows.pop();
    }
    Ok(Sheet {
        name,
        first_column,
        header,
        rows,
    })
}

fn read_csv(file: &Path) -> Result<Vec<Row>, Diagnostic> {
    let bytes = std::fs::read(file).map_err(|e| {
        file_error(
            file,
            format!("không đọc được tệp: {e}"),
            "kiểm tra đường dẫn tệp",
        )
    })?;
    let text = String::from_utf8(bytes).map_err(|_| {
        file_error(
            file,
            "tệp CSV không ở bảng mã UTF-8 (có thể được lưu bằng Windows-1258 hoặc TCVN3)".into(),
            "trong Excel chọn Lưu thành (Save As) → CSV UTF-8 (phân cách bằng dấu phẩy)",
        )
    })?;
    // One kind of line end, so byte positions and blank-line counts agree.
    let text = text
        .strip_prefix('\u{feff}')
        .unwrap_or(&text)
        .replace("\r\n", "\n");
    // Excel set to Vietnamese writes `;` between cells; count on the header line.
    let first_line = text.lines().next().unwrap_or("");
    let delimiter = if first_line.matches(';').count() > first_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    // Row numbers as a spreadsheet program shows them: one per record, plus
    // the blank lines the reader skips (a cell's own line breaks don't count).
    let mut number = 0;
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| p.line() as usize);
            let mut d = file_error(
                file,
                format!("tệp CSV viết sai: {e}"),
                "kiểm tra dấu nháy kép `\"` trong ô: mỗi ô mở bằng `\"` phải đóng bằng `\"`",
            );
            d.line = line;
            d
        })?;
        let start = record.position().map(|p| p.byte() as usize).unwrap_or(0);
        let blank = text
            .get(start..)
            .unwrap_or("")
            .split('\n')
            .take_while(|l| l.is_empty())
            .count();
        number += 1 + blank;
        rows.push(Row {
            number,
            cells: record.iter().map(clean).collect(),
        });
    }
    Ok(rows)
}

/// Dates typed into a cell arrive as day counts; write them as ISO dates.
fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) => clean(s),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "có" } else { "không" }.to_string(),
        Data::DateTime(dt) => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{d:02}")
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => clean(s),
    }
}

fn read_workbook(file: &Path) -> Result<(Option<String>, usize, Vec<Row>), Diagnostic> {
    let mut book = calamine::open_workbook_auto(file).map_err(|e| {
        file_error(
            file,
            format!("không mở được bảng tính: {e}"),
            "mở tệp bằng Excel hoặc LibreOffice và lưu lại dạng .xlsx",
        )
    })?;
    let name = book.sheet_names().first().cloned();
    let range = match book.worksheet_range_at(0) {
        Some(Ok(r)) => r,
        Some(Err(e)) => {
            return Err(file_error(
                file,
                format!("không đọc được trang tính đầu tiên: {e}"),
                "mở tệp bằng Excel hoặc LibreOffice và lưu lại dạng .xlsx",
            ));
        }
        None => {
            return Err(file_error(
                file,
                "bảng tính không có trang tính nào".into(),
                "đặt danh sách thủ tục ở trang tính đầu tiên",
            ));
        }
    };
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let rows = range
        .rows()
        .enumerate()
        .map(|(i, cells)| Row {
            number: row0 as usize + i + 1,
            cells: cells.iter().map(cell_text).collect(),
        })
        .collect();
    Ok((name, col0 as usize, rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_follow_spreadsheets() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }
}
