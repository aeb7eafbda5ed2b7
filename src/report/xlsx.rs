//! The report as an Excel workbook: one sheet per table (activities, targets,
//! units, evidence), so the officer can sort, filter and merge the figures of
//! several communes. Cells are written as text or numbers, never formulas,
//! so nothing from content is evaluated.

use rust_xlsxwriter::{Format, FormatAlign, Workbook, XlsxError};

use super::Report;
use super::format::tables;
use crate::diagnostics::Diagnostic;

/// Sheet names, in the order of `format::tables` (Excel allows 31 characters).
const SHEETS: [&str; 4] = ["Hoạt động", "Chỉ tiêu", "Đơn vị", "Tài liệu kiểm chứng"];
/// Columns holding counts.
const NUMERIC: [&str; 3] = ["Số sản phẩm", "Yêu cầu trong kỳ", "Đã thực hiện"];

fn build(r: &Report) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let title = Format::new().set_bold().set_font_size(13);
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_background_color("#D9E2F3")
        .set_border(rust_xlsxwriter::FormatBorder::Thin);
    let cell = Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(rust_xlsxwriter::FormatBorder::Thin);
    for (t, name) in tables(r).iter().zip(SHEETS) {
        let ws = wb.add_worksheet();
        ws.set_name(name)?;
        ws.write_string_with_format(0, 0, format!("{} – {}", t.title, r.period.label), &title)?;
        ws.write_string(1, 0, format!("{} ({})", r.plan.title, r.range))?;
        for (c, h) in t.header.iter().enumerate() {
            ws.write_string_with_format(3, c as u16, h, &head)?;
            let widest = t
                .rows
                .iter()
                .map(|row| row[c].chars().count())
                .chain([h.chars().count()])
                .max()
                .unwrap_or(8);
            ws.set_column_width(c as u16, (widest as f64 + 2.0).clamp(8.0, 60.0))?;
        }
        for (n, row) in t.rows.iter().enumerate() {
            let y = 4 + n as u32;
            for (c, v) in row.iter().enumerate() {
                // Counts are numbers, so the sheet can add them up.
                let numeric = NUMERIC.contains(&t.header[c].as_str());
                match v.parse::<f64>() {
                    Ok(x) if numeric => ws.write_number_with_format(y, c as u16, x, &cell)?,
                    _ => ws.write_string_with_format(y, c as u16, v, &cell)?,
                };
            }
        }
        if t.rows.is_empty() {
            ws.write_string(4, 0, t.empty)?;
        }
        ws.set_freeze_panes(4, 0)?;
    }
    wb.save_to_buffer()
}

/// The report as a .xlsx file's bytes.
pub fn write(r: &Report) -> Result<Vec<u8>, Diagnostic> {
    build(r).map_err(|e| {
        Diagnostic::error("E166", format!("không tạo được tệp Excel: {e}"))
            .hint("báo lỗi này cho người quản trị trang kèm lệnh đã chạy")
    })
}
