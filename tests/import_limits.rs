//! Spreadsheet limits (issue 14, item 4): a hostile sheet is refused with
//! the limit it breaks, before it costs memory, and nothing is written.
//!
//! How fast and how small: `bench/` has no figure for these; measured by
//! hand with `/usr/bin/time -v` on the files these tests write (see the
//! commit message).

mod common;

use std::io::Write;
use std::path::Path;
use std::process::Output;

use common::{Fixture, stderr};

/// Write a minimal XLSX (inline strings, no styles) whose first sheet's
/// `<sheetData>` is `rows`, and whose dimension claims `dimension`.
fn xlsx(path: &Path, dimension: &str, rows: &mut dyn FnMut(&mut dyn Write)) {
    use zip::write::SimpleFileOptions;
    let file = std::fs::File::create(path).unwrap();
    let mut z = zip::ZipWriter::new(file);
    let opts = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let parts: [(&str, &str); 4] = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Thủ tục" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
    ];
    for (name, text) in parts {
        z.start_file(name, opts).unwrap();
        z.write_all(text.as_bytes()).unwrap();
    }
    z.start_file("xl/worksheets/sheet1.xml", opts).unwrap();
    write!(
        z,
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="{dimension}"/><sheetData>"#
    )
    .unwrap();
    rows(&mut z);
    z.write_all(b"</sheetData></worksheet>").unwrap();
    z.finish().unwrap();
}

fn cell(at: &str, text: &str) -> String {
    format!(r#"<c r="{at}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

fn import(f: &Fixture, file: &str) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_trangxa"))
        .args(["import", "thu-tuc"])
        .arg(f.root().join(file))
        .arg("--root")
        .arg(f.root())
        .output()
        .unwrap()
}

/// The import failed on a limit and wrote nothing.
fn refused(f: &Fixture, file: &str, what: &str) -> String {
    let o = import(f, file);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        err.contains("lỗi[E108]: bảng tính vượt giới hạn: "),
        "{err}"
    );
    assert!(err.contains(what), "expected `{what}`:\n{err}");
    assert!(
        !f.root().join("content/thu-tuc").exists(),
        "files were written"
    );
    err
}

#[test]
fn cells_at_a1_and_xfd1048576_are_refused_without_allocating_the_grid() {
    let f = Fixture::new();
    let path = f.root().join("hai-o.xlsx");
    xlsx(&path, "A1:XFD1048576", &mut |w| {
        write!(w, "<row r=\"1\">{}</row>", cell("A1", "Mã thủ tục")).unwrap();
        write!(w, "<row r=\"1048576\">{}</row>", cell("XFD1048576", "x")).unwrap();
    });
    assert!(std::fs::metadata(&path).unwrap().len() < 4096);
    refused(&f, "hai-o.xlsx", "dòng 1048576 vượt quá");
}

#[test]
fn a_cell_far_to_the_right_is_refused_by_the_column_limit() {
    let f = Fixture::new();
    let path = f.root().join("rong.xlsx");
    xlsx(&path, "A1:XFD1", &mut |w| {
        write!(
            w,
            "<row r=\"1\">{}{}</row>",
            cell("A1", "Mã"),
            cell("XFD1", "x")
        )
        .unwrap();
    });
    refused(&f, "rong.xlsx", "quá 200 cột (có ô ở cột XFD)");
}

#[test]
fn a_sheet_of_a_million_rows_is_refused_at_the_row_limit() {
    let f = Fixture::new();
    let path = f.root().join("trieu-dong.xlsx");
    xlsx(&path, "A1:B1048575", &mut |w| {
        write!(w, "<row r=\"1\">{}</row>", cell("A1", "Mã thủ tục")).unwrap();
        for r in 2..=1_048_575u32 {
            write!(w, "<row r=\"{r}\"><c r=\"A{r}\"><v>{r}</v></c></row>").unwrap();
        }
    });
    let err = refused(
        &f,
        "trieu-dong.xlsx",
        "quá 5.000 dòng dữ liệu (dòng 5002 vượt quá)",
    );
    // One error, not a line per row.
    assert!(err.len() < 2_000, "{} bytes of output", err.len());
}

#[test]
fn a_zip_bomb_is_refused_by_its_unpacked_size() {
    let f = Fixture::new();
    let path = f.root().join("bom.xlsx");
    let spaces = vec![b' '; 1024 * 1024];
    xlsx(&path, "A1", &mut |w| {
        w.write_all(cell("A1", "Mã").as_bytes()).unwrap();
        // 120 MB of whitespace between cells: a few hundred KB packed.
        for _ in 0..120 {
            w.write_all(&spaces).unwrap();
        }
    });
    assert!(std::fs::metadata(&path).unwrap().len() < 1024 * 1024);
    refused(&f, "bom.xlsx", "tệp giải nén ra hơn 100 MB");
}

#[test]
fn an_overlong_cell_is_refused_with_its_address() {
    let f = Fixture::new();
    let path = f.root().join("o-dai.xlsx");
    let long = "a".repeat(40_000);
    xlsx(&path, "A1:B2", &mut |w| {
        write!(w, "<row r=\"1\">{}</row>", cell("A1", "Mã")).unwrap();
        write!(w, "<row r=\"2\">{}</row>", cell("B2", &long)).unwrap();
    });
    refused(&f, "o-dai.xlsx", "ô B2 dài 40.000 ký tự");
}

#[test]
fn csv_rows_columns_and_cells_are_bounded_too() {
    let f = Fixture::new();
    let mut rows = String::from("Mã thủ tục,Tên thủ tục\n");
    for i in 0..6_000 {
        rows.push_str(&format!("1.{i:06},Thủ tục {i}\n"));
    }
    f.write("nhieu.csv", &rows);
    refused(
        &f,
        "nhieu.csv",
        "quá 5.000 dòng dữ liệu (dòng 5002 vượt quá)",
    );

    let wide = format!("Mã\n1{}x\n", ",".repeat(300));
    f.write("rong.csv", &wide);
    refused(&f, "rong.csv", "quá 200 cột");

    f.write("dai.csv", &format!("Mã,Tên\n1,{}\n", "b".repeat(40_000)));
    refused(&f, "dai.csv", "ô B2 dài 40.000 ký tự");
}

#[test]
fn the_row_report_lists_fifty_problems_and_counts_the_rest() {
    let f = Fixture::new();
    // The columns the import needs, each row with a code that is no code.
    let header = "Mã thủ tục,Tên thủ tục,Cấp thực hiện,Lĩnh vực,Trình tự thực hiện,Trực tiếp: thời hạn giải quyết,Thành phần hồ sơ,Đối tượng thực hiện,Cơ quan thực hiện,Kết quả thực hiện,Căn cứ pháp lý,Mức độ dịch vụ công trực tuyến,\"Đơn vị tiếp nhận, giải quyết\"\n";
    let mut rows = String::from(header);
    for i in 0..80 {
        rows.push_str(&format!(
            "sai-{i},Thủ tục {i},Cấp xã,Hộ tịch,Bước 1,03 ngày làm việc,Tờ khai,Công dân,UBND xã,Giấy xác nhận,60/2014/QH13,Không,uy-ban\n"
        ));
    }
    f.write("sai.csv", &rows);
    let o = import(&f, "sai.csv");
    let out = String::from_utf8_lossy(&o.stdout).to_string();
    assert_eq!(o.status.code(), Some(1), "{out}{}", stderr(&o));
    let listed = out.matches("lỗi[").count();
    assert_eq!(listed, 50, "{out}");
    assert!(out.contains("lỗi khác không liệt kê"), "{out}");
    // Every row still has its line with its outcome.
    let rejected = out
        .lines()
        .filter(|l| l.trim_start().starts_with("từ chối"))
        .count();
    assert_eq!(rejected, 80, "{out}");
}
