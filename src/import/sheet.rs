//! Read a spreadsheet (CSV or XLSX) into rows of text cells that remember
//! where they came from, so every problem can name the row and column a
//! person sees in their spreadsheet program.
//!
//! A spreadsheet comes from anywhere and is read whole before anything is
//! written, so its size is bounded before it costs memory: the file, the
//! total unpacked size of an XLSX (a zip can unpack a thousand times its
//! size), the rows, the columns and each cell. An XLSX is read cell by cell
//! (never through its declared dimension, which a two-cell sheet can set to
//! sixteen thousand columns by a million rows) and reading stops at the
//! first cell over a limit.

use std::path::Path;

use std::collections::BTreeMap;
use std::io::Read;

use calamine::{DataRef, Reader};

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

/// Records below the header: a commune posts a few hundred procedures.
pub const MAX_ROWS: usize = 5_000;
/// Columns: the national export has about forty.
pub const MAX_COLUMNS: usize = 200;
/// Characters in one cell: Excel's own limit.
pub const MAX_CELL_CHARS: usize = 32_767;
/// Bytes of the file as stored.
const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;
/// Bytes of an XLSX once unpacked, all its parts together.
const MAX_UNPACKED_BYTES: u64 = 100 * 1024 * 1024;

/// A limit the sheet goes over, named with the figure.
fn over_limit(file: &Path, what: String, line: Option<usize>) -> Diagnostic {
    let mut d = Diagnostic::error("E108", format!("bảng tính vượt giới hạn: {what}"))
        .in_file(file)
        .hint(
            "chia danh sách thành nhiều tệp nhỏ hơn, hoặc xóa các dòng, cột và ô thừa rồi lưu lại"
                .to_string(),
        );
    d.line = line;
    d
}

fn too_many_rows(file: &Path, line: usize) -> Diagnostic {
    over_limit(
        file,
        format!(
            "quá {} dòng dữ liệu (dòng {line} vượt quá)",
            crate::vi::number(MAX_ROWS)
        ),
        Some(line),
    )
}

fn too_many_columns(file: &Path, line: usize, column: usize) -> Diagnostic {
    over_limit(
        file,
        format!(
            "quá {MAX_COLUMNS} cột (có ô ở cột {})",
            column_letter(column)
        ),
        Some(line),
    )
}

fn cell_too_long(file: &Path, line: usize, column: usize, chars: usize) -> Diagnostic {
    over_limit(
        file,
        format!(
            "ô {}{line} dài {} ký tự, quá {} ký tự",
            column_letter(column),
            crate::vi::number(chars),
            crate::vi::number(MAX_CELL_CHARS)
        ),
        Some(line),
    )
}

fn check_file_size(file: &Path) -> Result<(), Diagnostic> {
    let len = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    if len > MAX_FILE_BYTES {
        return Err(over_limit(
            file,
            format!(
                "tệp nặng {} MB, quá {} MB",
                len / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            None,
        ));
    }
    Ok(())
}

/// Unpack every part of an XLSX into nothing, counting: a zip bomb is
/// refused before the reader holds any of it. The sizes the zip declares
/// are checked first, then the bytes that really come out (a zip can lie).
fn check_unpacked_size(file: &Path) -> Result<(), Diagnostic> {
    let unreadable = |e: String| {
        file_error(
            file,
            format!("không mở được bảng tính: {e}"),
            "mở tệp bằng Excel hoặc LibreOffice và lưu lại dạng .xlsx",
        )
    };
    let too_big = || {
        over_limit(
            file,
            format!(
                "tệp giải nén ra hơn {} MB",
                MAX_UNPACKED_BYTES / (1024 * 1024)
            ),
            None,
        )
    };
    let f = std::fs::File::open(file).map_err(|e| unreadable(e.to_string()))?;
    let mut zip =
        zip::ZipArchive::new(std::io::BufReader::new(f)).map_err(|e| unreadable(e.to_string()))?;
    let mut declared = 0u64;
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(|e| unreadable(e.to_string()))?;
        declared = declared.saturating_add(entry.size());
    }
    if declared > MAX_UNPACKED_BYTES {
        return Err(too_big());
    }
    let mut unpacked = 0u64;
    for i in 0..zip.len() {
        let entry = zip.by_index(i).map_err(|e| unreadable(e.to_string()))?;
        let left = MAX_UNPACKED_BYTES - unpacked;
        let n = std::io::copy(&mut entry.take(left + 1), &mut std::io::sink())
            .map_err(|e| unreadable(e.to_string()))?;
        if n > left {
            return Err(too_big());
        }
        unpacked += n;
    }
    Ok(())
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
        "xlsx" | "xlsm" => read_workbook(file)?,
        _ => {
            return Err(file_error(
                file,
                format!("không đọc được tệp `.{ext}`: chỉ nhận bảng tính .csv hoặc .xlsx"),
                // .xls and .ods are read whole by their readers, so no limit
                // could stop a hostile one in time.
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
    check_file_size(file)?;
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
    let mut first = None;
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
        let row = Row {
            number,
            cells: record.iter().map(clean).collect(),
        };
        check_row(file, &row, &mut first)?;
        rows.push(row);
    }
    Ok(rows)
}

/// The limits a CSV row must keep; `first` is the first row with text (the
/// header), from which the records are counted.
fn check_row(file: &Path, row: &Row, first: &mut Option<usize>) -> Result<(), Diagnostic> {
    if row.is_empty() {
        return Ok(());
    }
    let header = *first.get_or_insert(row.number);
    if row.number > header + MAX_ROWS {
        return Err(too_many_rows(file, row.number));
    }
    if let Some(last) = row.cells.iter().rposition(|c| !c.is_empty()) {
        if last >= MAX_COLUMNS {
            return Err(too_many_columns(file, row.number, last));
        }
    }
    match row
        .cells
        .iter()
        .enumerate()
        .find(|(_, c)| c.chars().count() > MAX_CELL_CHARS)
    {
        Some((col, c)) => Err(cell_too_long(file, row.number, col, c.chars().count())),
        None => Ok(()),
    }
}

/// Dates typed into a cell arrive as day counts; write them as ISO dates.
fn cell_text(d: &DataRef) -> String {
    match d {
        DataRef::Empty | DataRef::Error(_) => String::new(),
        DataRef::String(s) => clean(s),
        DataRef::SharedString(s) => clean(s),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        DataRef::Float(f) => f.to_string(),
        DataRef::Bool(b) => if *b { "có" } else { "không" }.to_string(),
        DataRef::DateTime(dt) => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{d:02}")
        }
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => clean(s),
    }
}

/// The first sheet's cells that hold something, by row then column
/// (0-based), read one by one up to the limits.
fn workbook_cells(
    file: &Path,
) -> Result<(Option<String>, BTreeMap<u32, BTreeMap<u32, String>>), Diagnostic> {
    let unreadable = |e: String| {
        file_error(
            file,
            format!("không đọc được trang tính đầu tiên: {e}"),
            "mở tệp bằng Excel hoặc LibreOffice và lưu lại dạng .xlsx",
        )
    };
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(file).map_err(|e| {
        file_error(
            file,
            format!("không mở được bảng tính: {e}"),
            "mở tệp bằng Excel hoặc LibreOffice và lưu lại dạng .xlsx",
        )
    })?;
    let Some(name) = book.sheet_names().first().cloned() else {
        return Err(file_error(
            file,
            "bảng tính không có trang tính nào".into(),
            "đặt danh sách thủ tục ở trang tính đầu tiên",
        ));
    };
    let mut reader = book
        .worksheet_cells_reader(&name)
        .map_err(|e| unreadable(e.to_string()))?;
    let mut cells: BTreeMap<u32, BTreeMap<u32, String>> = BTreeMap::new();
    let mut first_row = None;
    while let Some(cell) = reader.next_cell().map_err(|e| unreadable(e.to_string()))? {
        let text = cell_text(cell.get_value());
        if text.is_empty() {
            continue;
        }
        let (row, col) = cell.get_position();
        let line = row as usize + 1;
        let header = *first_row.get_or_insert(row) as usize + 1;
        if line > header + MAX_ROWS || line < header {
            return Err(too_many_rows(file, line.max(header)));
        }
        if col as usize >= MAX_COLUMNS {
            return Err(too_many_columns(file, line, col as usize));
        }
        let chars = text.chars().count();
        if chars > MAX_CELL_CHARS {
            return Err(cell_too_long(file, line, col as usize, chars));
        }
        cells.entry(row).or_default().insert(col, text);
    }
    Ok((Some(name), cells))
}

fn read_workbook(file: &Path) -> Result<(Option<String>, usize, Vec<Row>), Diagnostic> {
    check_file_size(file)?;
    check_unpacked_size(file)?;
    let (name, cells) = workbook_cells(file)?;
    let col0 = cells
        .values()
        .filter_map(|r| r.keys().next())
        .min()
        .copied()
        .unwrap_or(0);
    let width = cells
        .values()
        .filter_map(|r| r.keys().next_back())
        .max()
        .map_or(0, |last| last - col0 + 1) as usize;
    let (Some(&top), Some(&bottom)) = (cells.keys().next(), cells.keys().next_back()) else {
        return Ok((name, 0, Vec::new()));
    };
    // Every row between the first and the last, blank ones included: the
    // import reports blank rows between records. Both ends are bounded above.
    let rows = (top..=bottom)
        .map(|r| {
            let mut row = vec![String::new(); width];
            if let Some(present) = cells.get(&r) {
                for (c, text) in present {
                    row[(c - col0) as usize] = text.clone();
                }
            }
            Row {
                number: r as usize + 1,
                cells: row,
            }
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
