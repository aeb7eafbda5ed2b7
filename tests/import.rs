//! `trangxa import thu-tuc`: spreadsheets in, procedure files out, with a
//! report a person can act on and nothing lost on bad rows.

mod common;

use common::{Fixture, stderr};
use std::process::Output;

const HEADER: &[&str] = &[
    "Mã thủ tục",
    "Tên thủ tục",
    "Cấp thực hiện",
    "Lĩnh vực",
    "Trình tự thực hiện",
    "Trực tiếp: thời hạn giải quyết",
    "Trực tiếp: phí, lệ phí",
    "Miễn, giảm phí, lệ phí",
    "Thành phần hồ sơ",
    "Đối tượng thực hiện",
    "Cơ quan thực hiện",
    "Kết quả thực hiện",
    "Căn cứ pháp lý",
    "Mức độ dịch vụ công trực tuyến",
    "Địa chỉ nộp trực tuyến",
    "Đơn vị tiếp nhận, giải quyết",
    "Ngày lấy dữ liệu",
];

/// One valid row; tests change a cell by header.
fn row(code: &str, title: &str) -> Vec<String> {
    [
        code,
        title,
        "Cấp xã",
        "Hộ tịch",
        "Bước 1: Nộp hồ sơ.\nBước 2: Nhận kết quả.",
        "03 ngày làm việc",
        "Lệ phí: 8.000 đồng",
        "Miễn cho người thuộc hộ nghèo",
        "Tờ khai theo mẫu (Bản chính: 1 - Bản sao: 0)\nGiấy tờ tùy thân (xuất trình)",
        "Công dân Việt Nam",
        "Ủy ban nhân dân cấp xã",
        "Giấy xác nhận",
        "60/2014/QH13 | Luật Hộ tịch | 20/11/2014 | Quốc hội",
        "Không",
        "",
        "uy-ban; Phòng VHXH",
        "20/11/2026",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

fn with(mut r: Vec<String>, header: &str, value: &str) -> Vec<String> {
    let i = HEADER.iter().position(|h| *h == header).unwrap();
    r[i] = value.to_string();
    r
}

fn csv(header: &[&str], rows: &[Vec<String>]) -> String {
    let quote = |s: &str| {
        if s.contains([',', '"', '\n']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    let mut out = header
        .iter()
        .map(|h| quote(h))
        .collect::<Vec<_>>()
        .join(",")
        + "\n";
    for r in rows {
        out += &(r.iter().map(|c| quote(c)).collect::<Vec<_>>().join(",") + "\n");
    }
    out
}

fn import(f: &Fixture, file: &str) -> Output {
    import_in(f, file, "vi")
}

fn import_in(f: &Fixture, file: &str, lang: &str) -> Output {
    import_with(f, file, &["--lang", lang])
}

fn import_with(f: &Fixture, file: &str, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_trangxa"))
        .args(["import", "thu-tuc"])
        .arg(f.root().join(file))
        .arg("--root")
        .arg(f.root())
        .args(args)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}

fn content(f: &Fixture, code: &str) -> String {
    std::fs::read_to_string(f.root().join(format!("content/thu-tuc/{code}.md"))).unwrap()
}

fn thu_tuc_files(f: &Fixture) -> Vec<String> {
    let dir = f.root().join("content/thu-tuc");
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.map(|e| e.unwrap().file_name().to_string_lossy().to_string())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

#[test]
fn import_creates_files_that_build_and_a_second_import_changes_nothing() {
    let f = Fixture::new();
    f.write(
        "bang.csv",
        &csv(
            HEADER,
            &[
                row("1.001193", "Đăng ký khai sinh"),
                row("1.000894", "Đăng ký kết hôn"),
            ],
        ),
    );
    let out = import(&f, "bang.csv");
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    let report = stdout(&out);
    assert!(
        report.contains(
            "tạo mới    dòng 2    1.001193 Đăng ký khai sinh → content/thu-tuc/1.001193.md"
        ),
        "{report}"
    );
    assert!(
        report.contains("Kết quả: 2 tạo mới, 0 cập nhật, 0 không đổi, 0 từ chối."),
        "{report}"
    );
    let text = content(&f, "1.001193");
    for line in [
        "code: '1.001193'",
        "- cap_xa",
        "- 'Bước 1: Nộp hồ sơ.'",
        "    text: 03 ngày làm việc",
        "    amount: 3",
        "    unit: ngay_lam_viec",
        "    text: 'Lệ phí: 8.000 đồng'",
        "    exemptions: Miễn cho người thuộc hộ nghèo",
        "  - name: Tờ khai theo mẫu",
        "    originals: 1",
        "    present_only: true",
        "  issued_date: 2014-11-20",
        "online_level: khong",
        "- Phòng VHXH",
        "legal_status: con_hieu_luc",
        "  retrieved_at: 2026-11-20",
        "  verified: false",
    ] {
        assert!(text.contains(line), "`{line}` missing:\n{text}");
    }
    assert_eq!(
        thu_tuc_files(&f),
        ["1.000894.md", "1.001193.md"],
        "no temp files left"
    );
    // The imported files build into the catalogue.
    f.build_ok();
    assert!(
        f.read("thu-tuc-hanh-chinh/index.html")
            .contains(">Đăng ký kết hôn</a>")
    );
    // Importing the same sheet again touches nothing.
    let before = content(&f, "1.001193");
    let again = import(&f, "bang.csv");
    assert!(again.status.success());
    assert!(
        stdout(&again).contains("Kết quả: 0 tạo mới, 0 cập nhật, 2 không đổi, 0 từ chối."),
        "{}",
        stdout(&again)
    );
    assert_eq!(content(&f, "1.001193"), before);
}

#[test]
fn reimport_updates_fields_and_keeps_the_body_and_hand_added_details() {
    let f = Fixture::new();
    f.write(
        "bang.csv",
        &csv(HEADER, &[row("1.001193", "Đăng ký khai sinh")]),
    );
    assert!(import(&f, "bang.csv").status.success());
    // Staff write a body and attach the form to a dossier item by hand.
    let path = f.root().join("content/thu-tuc/1.001193.md");
    let text = content(&f, "1.001193")
        .replace(
            "  - name: Tờ khai theo mẫu\n",
            "  - name: Tờ khai theo mẫu\n    form: {name: Mẫu tờ khai, url: 'https://example.gov.vn/mau.docx'}\n",
        )
        + "## Lưu ý\n\nMang theo bản chính để đối chiếu.\n";
    std::fs::write(&path, &text).unwrap();
    // The national record changes its processing time.
    f.write(
        "bang.csv",
        &csv(
            HEADER,
            &[with(
                row("1.001193", "Đăng ký khai sinh"),
                "Trực tiếp: thời hạn giải quyết",
                "05 ngày làm việc",
            )],
        ),
    );
    let out = import(&f, "bang.csv");
    assert!(
        stdout(&out).contains("cập nhật   dòng 2    1.001193"),
        "{}",
        stdout(&out)
    );
    let new = content(&f, "1.001193");
    assert!(
        new.contains("text: 05 ngày làm việc") && !new.contains("03 ngày làm việc"),
        "{new}"
    );
    assert!(
        new.ends_with("---\n## Lưu ý\n\nMang theo bản chính để đối chiếu.\n"),
        "{new}"
    );
    assert!(
        new.contains("form: {name: Mẫu tờ khai, url: 'https://example.gov.vn/mau.docx'}"),
        "the form link is kept as written:\n{new}"
    );
    f.build_ok();
    assert!(
        f.read("thu-tuc-hanh-chinh/1.001193/index.html")
            .contains("Tải mẫu: Mẫu tờ khai")
    );
}

#[test]
fn rejected_rows_write_nothing_and_the_others_go_through() {
    let f = Fixture::new();
    let rows = [
        row("1.001193", "Đăng ký khai sinh"),
        row("1.00119", "Mã sai"),
        with(row("1.000001", "Lĩnh vực sai"), "Lĩnh vực", "Hộ tịt"),
        with(
            row("1.000002", "Mức độ sai"),
            "Mức độ dịch vụ công trực tuyến",
            "Toàn phần",
        ),
        with(
            row("1.000003", "Thiếu địa chỉ"),
            "Mức độ dịch vụ công trực tuyến",
            "Toàn trình",
        ),
        with(row("1.000004", "Xuống\ndòng"), "Cấp thực hiện", "Cấp xã"),
        row("1.001193", "Trùng mã"),
        with(
            row("1.000005", "Đơn vị sai"),
            "Đơn vị tiếp nhận, giải quyết",
            "phong-kinh-tee",
        ),
        row("1.000894", "Đăng ký kết hôn"),
    ];
    f.write("bang.csv", &csv(HEADER, &rows));
    let out = import(&f, "bang.csv");
    assert_eq!(
        out.status.code(),
        Some(1),
        "a rejected row fails the command"
    );
    let report = stdout(&out);
    for expected in [
        "từ chối    dòng 3",
        "dòng 3, cột A `Mã thủ tục`: mã thủ tục `1.00119` không hợp lệ",
        "dòng 4, cột D `Lĩnh vực`: không có lĩnh vực `Hộ tịt` trong danh mục thủ tục",
        "gợi ý: có phải bạn muốn viết `Hộ tịch`?",
        "dòng 5, cột N `Mức độ dịch vụ công trực tuyến`: giá trị `Toàn phần` không hợp lệ",
        "dòng 6, cột O `Địa chỉ nộp trực tuyến`: thủ tục có mức độ trực tuyến `Toàn trình` phải có địa chỉ nộp hồ sơ trực tuyến",
        "dòng 7, cột B `Tên thủ tục`: ô có dấu xuống dòng",
        "dòng 8, cột A `Mã thủ tục`: mã thủ tục `1.001193` đã có ở dòng 2",
        "dòng 9, cột P `Đơn vị tiếp nhận, giải quyết`: không có đơn vị `phong-kinh-tee`",
        "Kết quả: 2 tạo mới, 0 cập nhật, 0 không đổi, 7 từ chối.",
    ] {
        assert!(report.contains(expected), "`{expected}` missing:\n{report}");
    }
    assert_eq!(thu_tuc_files(&f), ["1.000894.md", "1.001193.md"]);
    assert!(
        content(&f, "1.001193").contains("title: Đăng ký khai sinh"),
        "the first row wins"
    );
}

#[test]
fn the_report_is_in_english_with_lang_en() {
    let f = Fixture::new();
    let mut header = HEADER.to_vec();
    header.push("Ghi chu noi bo");
    let rows = [
        row("1.001193", "Đăng ký khai sinh"),
        row("1.00119", "Mã sai"),
        with(row("1.000001", "Lĩnh vực sai"), "Lĩnh vực", "Hộ tịt"),
        with(
            row("1.000003", "Thiếu địa chỉ"),
            "Mức độ dịch vụ công trực tuyến",
            "Toàn trình",
        ),
        with(row("1.000004", "Xuống\ndòng"), "Cấp thực hiện", "Cấp xã"),
        row("1.001193", "Trùng mã"),
        with(row("1.000006", "Thiếu bước"), "Trình tự thực hiện", ""),
        with(
            row("1.000007", "Phí lạ"),
            "Trực tiếp: phí, lệ phí",
            "Hai mươi nghìn",
        ),
    ];
    let rows: Vec<Vec<String>> = rows
        .into_iter()
        .map(|mut r| {
            r.push(String::new());
            r
        })
        .collect();
    f.write("bang.csv", &csv(&header, &rows));
    let out = import_in(&f, "bang.csv", "en");
    assert_eq!(out.status.code(), Some(1));
    let (report, err) = (stdout(&out), stderr(&out));
    for expected in [
        "created    row 2    1.001193 Đăng ký khai sinh → content/thu-tuc/1.001193.md",
        "rejected   row 3",
        "error[E038]: row 3, column A `Mã thủ tục`: the procedure code `1.00119` is not valid",
        "error[E038]: row 4, column D `Lĩnh vực`: there is no procedure field `Hộ tịt` in the procedure catalogue",
        "hint: did you mean `Hộ tịch`?",
        "row 5, column O `Địa chỉ nộp trực tuyến`: a procedure with the online level `Toàn trình` must give the address for applying online",
        "row 6, column B `Tên thủ tục`: the cell has a line break",
        "row 7, column A `Mã thủ tục`: the procedure code `1.001193` is already on row 2",
        "row 8, column E `Trình tự thực hiện`: the steps are missing",
        "it is not clear whether `Hai mươi nghìn` is a fee (`Phí`) or a charge (`Lệ phí`)",
        "Result: 1 created, 0 updated, 0 unchanged, 7 rejected.",
        "Rejected rows wrote nothing",
    ] {
        assert!(report.contains(expected), "`{expected}` missing:\n{report}");
    }
    assert!(
        err.contains("warning[W034]: column R `Ghi chu noi bo` is not one the import uses"),
        "{err}"
    );
    // Vietnamese only where it quotes the sheet (between backticks).
    let vietnamese = |c: char| c.is_alphabetic() && ('\u{C0}'..='\u{1EF9}').contains(&c);
    for line in report.lines().chain(err.lines()) {
        let line = line.trim_start();
        if line.starts_with("error[") || line.starts_with("warning[") || line.starts_with("hint:") {
            let outside: String = line.split('`').step_by(2).collect();
            assert!(!outside.chars().any(vietnamese), "{line}");
        }
    }
    // The same in Vietnamese, the default.
    let vi = stdout(&import(&f, "bang.csv"));
    assert!(
        vi.contains("Kết quả: 0 tạo mới, 0 cập nhật, 1 không đổi, 7 từ chối."),
        "{vi}"
    );
}

#[test]
fn a_sheet_missing_a_column_writes_nothing() {
    let f = Fixture::new();
    let header: Vec<&str> = HEADER
        .iter()
        .copied()
        .filter(|h| *h != "Lĩnh vực")
        .collect();
    let mut r = row("1.001193", "Đăng ký khai sinh");
    r.remove(3);
    f.write("bang.csv", &csv(&header, &[r]));
    let out = import(&f, "bang.csv");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("lỗi[E037]: bảng tính thiếu cột bắt buộc `Lĩnh vực`"),
        "{err}"
    );
    assert!(
        err.contains("bang.csv:1:"),
        "the header row is named: {err}"
    );
    assert!(err.contains("không có tệp nào được ghi"), "{err}");
    assert!(thu_tuc_files(&f).is_empty());
    let en = stderr(&import_in(&f, "bang.csv", "en"));
    assert!(
        en.contains("error[E037]: the spreadsheet lacks the required column `Lĩnh vực`"),
        "{en}"
    );
    assert!(
        en.contains("The spreadsheet was not imported; no file was written."),
        "{en}"
    );
}

#[test]
fn empty_rows_are_skipped_and_reported() {
    let f = Fixture::new();
    let blank = vec![String::new(); HEADER.len()];
    f.write(
        "bang.csv",
        &csv(
            HEADER,
            &[
                row("1.001193", "A"),
                blank.clone(),
                row("1.000894", "B"),
                blank,
            ],
        ),
    );
    let out = import(&f, "bang.csv");
    assert!(out.status.success(), "{}", stdout(&out));
    let report = stdout(&out);
    assert!(
        report.contains("bỏ qua     dòng 3    (dòng trống)"),
        "{report}"
    );
    assert!(report.contains("tạo mới    dòng 4    1.000894"), "{report}");
    assert!(
        !report.contains("dòng 5"),
        "trailing blank rows are formatting: {report}"
    );
}

#[test]
fn unknown_columns_are_warned_about_with_a_suggestion() {
    let f = Fixture::new();
    let mut header = HEADER.to_vec();
    header.push("Ghi chu noi bo");
    header[1] = "TÊN THỦ TỤC";
    let mut r = row("1.001193", "A");
    r.push("x".into());
    f.write("bang.csv", &csv(&header, &[r]));
    let out = import(&f, "bang.csv");
    assert!(out.status.success());
    assert!(
        stderr(&out)
            .contains("cảnh báo[W034]: cột R `Ghi chu noi bo` không được dùng nên bị bỏ qua"),
        "{}",
        stderr(&out)
    );
    assert!(
        content(&f, "1.001193").contains("title: A"),
        "headers match without case or tone marks"
    );
}

#[test]
fn excel_style_semicolon_csv_and_non_utf8_files() {
    let f = Fixture::new();
    // Excel set to Vietnamese writes `;` between cells.
    let line = |cells: Vec<String>| {
        cells
            .iter()
            .map(|c| format!("\"{c}\""))
            .collect::<Vec<_>>()
            .join(";")
            + "\n"
    };
    let out = line(HEADER.iter().map(|h| h.to_string()).collect()) + &line(row("1.001193", "A"));
    f.write("bang.csv", &out);
    let o = import(&f, "bang.csv");
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    // A Windows-1258 export is refused with the fix.
    f.write_bytes("cu.csv", b"M\xe3 th\xf0 t\xf5c\n");
    let o = import(&f, "cu.csv");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("CSV UTF-8"), "{}", stderr(&o));
}

#[test]
fn the_shipped_samples_import_to_the_embedded_content() {
    // CSV and XLSX samples give the same records as content/thu-tuc/, so a
    // second import of the sample reports every row unchanged.
    for sample in ["thu-tuc-mau.csv", "thu-tuc-mau.xlsx"] {
        let f = Fixture::new();
        let root = common::repo_root();
        std::fs::copy(root.join("site.yaml"), f.root().join("site.yaml")).unwrap();
        for dir in ["content/don-vi", "content/thu-tuc"] {
            for e in std::fs::read_dir(root.join(dir)).unwrap() {
                let e = e.unwrap();
                f.write_bytes(
                    &format!("{dir}/{}", e.file_name().to_string_lossy()),
                    &std::fs::read(e.path()).unwrap(),
                );
            }
        }
        std::fs::copy(root.join("examples").join(sample), f.root().join(sample)).unwrap();
        let out = import(&f, sample);
        assert!(
            out.status.success(),
            "{sample}: {}{}",
            stdout(&out),
            stderr(&out)
        );
        let report = stdout(&out);
        let n = report
            .lines()
            .filter(|l| l.starts_with("  không đổi"))
            .count();
        assert!(n >= 12, "{sample}: {report}");
        assert!(
            report.contains(&format!(
                "Kết quả: 0 tạo mới, 0 cập nhật, {n} không đổi, 0 từ chối."
            )),
            "{sample}: {report}"
        );
        if sample.ends_with("xlsx") {
            assert!(report.contains("(trang tính `Thủ tục`)"), "{report}");
        }
    }
}

/// A fixture with the sample site's units and procedures, each procedure
/// file given what staff add by hand: comments, a FAQ, fee amounts, a
/// channel note, a form link and a note on a paper, a citation's article and
/// link, and the fields the sheet has no column for. Returns the files.
fn sample_site_with_hand_edits() -> (Fixture, Vec<(String, String)>) {
    let f = Fixture::new();
    let root = common::repo_root();
    std::fs::copy(root.join("site.yaml"), f.root().join("site.yaml")).unwrap();
    for dir in ["content/don-vi", "content/thu-tuc"] {
        for e in std::fs::read_dir(root.join(dir)).unwrap() {
            let e = e.unwrap();
            f.write_bytes(
                &format!("{dir}/{}", e.file_name().to_string_lossy()),
                &std::fs::read(e.path()).unwrap(),
            );
        }
    }
    for sample in ["thu-tuc-mau.csv", "thu-tuc-mau.xlsx"] {
        std::fs::copy(root.join("examples").join(sample), f.root().join(sample)).unwrap();
    }
    let mut files = Vec::new();
    for name in thu_tuc_files(&f) {
        let path = f.root().join("content/thu-tuc").join(&name);
        let text = std::fs::read_to_string(&path).unwrap();
        let (yaml, body) = text[4..].split_once("\n---\n").unwrap();
        let mut m: serde_yaml::Mapping = serde_yaml::from_str(yaml).unwrap();
        let y = |s: &str| serde_yaml::from_str::<serde_yaml::Value>(s).unwrap();
        m.insert(
            "faq".into(),
            y("[{q: Có mất phí không?, a: 'Không, trừ khi đăng ký quá hạn.'}]"),
        );
        m.insert("par_areas".into(), y("[thu_tuc_hanh_chinh]"));
        m.insert("updated_at".into(), y("2026-11-20T08:00:00+07:00"));
        for ch in m["channels"].as_sequence_mut().unwrap() {
            ch["description"] = y("Nộp tại quầy số 2");
            for fee in ch
                .get_mut("fees")
                .and_then(|f| f.as_sequence_mut())
                .into_iter()
                .flatten()
            {
                fee["amount_vnd"] = y("8000");
            }
        }
        let item = &mut m["dossier"][0]["items"][0];
        item["form"] = y("{name: Mẫu tờ khai, url: 'https://dichvucong.gov.vn/mau.docx'}");
        item["note"] = y("Cán bộ hướng dẫn điền tại chỗ");
        m["legal_basis"][0]["article"] = y("Điều 16");
        let yaml = serde_yaml::to_string(&m)
            .unwrap()
            .replacen(
                "channels:\n",
                "channels:\n# Cán bộ đã kiểm tra phí ngày 20/11/2026\n",
                1,
            )
            .replacen("title: ", "# Tên theo Quyết định công bố\ntitle: ", 1);
        let text =
            format!("---\n# Hồ sơ do Trung tâm Phục vụ hành chính công rà soát\n{yaml}---\n{body}");
        std::fs::write(&path, &text).unwrap();
        files.push((name, text));
    }
    assert!(files.len() >= 12);
    (f, files)
}

/// Every procedure file is exactly as `files` holds it.
fn assert_untouched(f: &Fixture, files: &[(String, String)], what: &str) {
    for (name, text) in files {
        let now = std::fs::read_to_string(f.root().join("content/thu-tuc").join(name)).unwrap();
        assert_eq!(&now, text, "{what}: {name} changed");
    }
    assert_eq!(
        thu_tuc_files(f),
        files.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>(),
        "{what}: no file added or left behind"
    );
}

/// The sample CSV without the columns named.
fn sample_without(drop: &[&str]) -> String {
    let text =
        std::fs::read_to_string(common::repo_root().join("examples/thu-tuc-mau.csv")).unwrap();
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    let keep: Vec<usize> = (0..header.len())
        .filter(|i| !drop.contains(&header[*i].as_str()))
        .collect();
    let pick = |row: Vec<String>| keep.iter().map(|i| row[*i].clone()).collect::<Vec<_>>();
    let rows: Vec<Vec<String>> = r
        .records()
        .map(|rec| pick(rec.unwrap().iter().map(str::to_string).collect()))
        .collect();
    let header = pick(header);
    csv(
        &header.iter().map(String::as_str).collect::<Vec<_>>(),
        &rows,
    )
}

#[test]
fn reimporting_the_sample_with_any_column_dropped_loses_nothing() {
    let (f, files) = sample_site_with_hand_edits();
    // The whole sheet, twice, as CSV and as XLSX: every hand edit and
    // comment stays, nothing is rewritten.
    for sample in [
        "thu-tuc-mau.csv",
        "thu-tuc-mau.csv",
        "thu-tuc-mau.xlsx",
        "thu-tuc-mau.xlsx",
    ] {
        let out = import(&f, sample);
        assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
        assert!(
            stdout(&out).contains("0 tạo mới, 0 cập nhật"),
            "{}",
            stdout(&out)
        );
        assert_untouched(&f, &files, sample);
    }
    // Each column dropped in turn: what the sheet no longer says is the
    // file's to keep (a required column missing refuses the whole sheet).
    let text = std::fs::read_to_string(f.root().join("thu-tuc-mau.csv")).unwrap();
    let header: Vec<String> = csv::Reader::from_reader(text.as_bytes())
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert!(header.len() >= 25);
    let mut accepted = 0;
    for col in &header {
        f.write("bot-cot.csv", &sample_without(&[col]));
        let out = import(&f, "bot-cot.csv");
        accepted += usize::from(out.status.success());
        assert_untouched(&f, &files, &format!("without `{col}`"));
    }
    // 12 required columns, plus the online address and the three times
    // (their fee columns stay) are refused without.
    assert_eq!(
        accepted,
        header.len() - 16,
        "the optional columns go through"
    );
}

#[test]
fn reimporting_without_exemption_and_online_fee_columns_keeps_fees() {
    let f = Fixture::new();
    let root = common::repo_root();
    std::fs::copy(root.join("site.yaml"), f.root().join("site.yaml")).unwrap();
    for dir in ["content/don-vi", "content/thu-tuc"] {
        for e in std::fs::read_dir(root.join(dir)).unwrap() {
            let e = e.unwrap();
            f.write_bytes(
                &format!("{dir}/{}", e.file_name().to_string_lossy()),
                &std::fs::read(e.path()).unwrap(),
            );
        }
    }
    let before: Vec<(String, String)> = thu_tuc_files(&f)
        .into_iter()
        .map(|n| {
            let t = std::fs::read_to_string(f.root().join("content/thu-tuc").join(&n)).unwrap();
            (n, t)
        })
        .collect();
    assert!(
        before.iter().any(|(_, t)| t.contains("exemptions:")),
        "the sample has exemptions to lose"
    );
    f.write(
        "bang.csv",
        &sample_without(&["Miễn, giảm phí, lệ phí", "Trực tuyến: phí, lệ phí"]),
    );
    let out = import(&f, "bang.csv");
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    assert_untouched(&f, &before, "without exemptions and online fees");
}

#[test]
fn a_blank_cell_keeps_the_value_unless_removal_is_allowed() {
    let f = Fixture::new();
    f.write(
        "bang.csv",
        &csv(HEADER, &[row("1.001193", "Đăng ký khai sinh")]),
    );
    assert!(import(&f, "bang.csv").status.success());
    let first = content(&f, "1.001193");
    let blank = with(
        with(
            row("1.001193", "Đăng ký khai sinh"),
            "Miễn, giảm phí, lệ phí",
            "",
        ),
        "Trực tiếp: phí, lệ phí",
        "",
    );
    f.write("trong.csv", &csv(HEADER, &[blank]));
    let out = import(&f, "trong.csv");
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    let report = stdout(&out);
    assert!(
        report.contains("giữ nguyên channels[truc_tiep].fees: ô trống nhưng tệp đang có giá trị (muốn xóa thì thêm --allow-removal)"),
        "{report}"
    );
    assert!(report.contains("0 cập nhật, 1 không đổi"), "{report}");
    assert_eq!(content(&f, "1.001193"), first);
    // Asked for, the removal happens.
    let out = import_with(&f, "trong.csv", &["--allow-removal"]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    let now = content(&f, "1.001193");
    assert!(
        !now.contains("Lệ phí: 8.000 đồng") && !now.contains("exemptions"),
        "{now}"
    );
}

#[test]
fn dry_run_lists_field_changes_and_writes_nothing_and_comments_survive_an_update() {
    let f = Fixture::new();
    f.write(
        "bang.csv",
        &csv(HEADER, &[row("1.001193", "Đăng ký khai sinh")]),
    );
    assert!(import(&f, "bang.csv").status.success());
    let path = f.root().join("content/thu-tuc/1.001193.md");
    let text = content(&f, "1.001193").replacen(
        "channels:\n",
        "# Thời hạn theo Quyết định 123/QĐ-UBND\nchannels:\n",
        1,
    );
    std::fs::write(&path, &text).unwrap();
    let changed = with(
        row("1.001193", "Đăng ký khai sinh"),
        "Trực tiếp: thời hạn giải quyết",
        "05 ngày làm việc",
    );
    f.write(
        "bang.csv",
        &csv(HEADER, &[with(changed, "Lĩnh vực", "Chứng thực")]),
    );
    let out = import_with(&f, "bang.csv", &["--dry-run"]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    let report = stdout(&out);
    for line in [
        "cập nhật   dòng 2    1.001193",
        "      ~ field: Hộ tịch → Chứng thực",
        "      ~ channels[truc_tiep].processing_time.text: 03 ngày làm việc → 05 ngày làm việc",
        "      ~ channels[truc_tiep].processing_time.amount: 3 → 5",
        "Chạy thử (--dry-run): chưa ghi tệp nào.",
    ] {
        assert!(report.contains(line), "`{line}` missing:\n{report}");
    }
    assert_eq!(content(&f, "1.001193"), text, "a dry run writes nothing");
    let out = import(&f, "bang.csv");
    assert!(out.status.success());
    let now = content(&f, "1.001193");
    assert!(
        now.contains("# Thời hạn theo Quyết định 123/QĐ-UBND\nchannels:\n"),
        "{now}"
    );
    assert!(
        now.contains("05 ngày làm việc") && now.contains("field: Chứng thực"),
        "{now}"
    );
    // Entries the sheet left alone are byte for byte the same.
    let keep = |t: &str| {
        t.split("channels:")
            .nth(1)
            .unwrap()
            .split("applicants:")
            .nth(1)
            .unwrap()
            .to_string()
    };
    assert_eq!(keep(&now), keep(&text));
}

#[test]
fn a_status_back_in_force_flags_the_old_replacement_instead_of_deleting_it() {
    let f = Fixture::new();
    let mut header = HEADER.to_vec();
    header.push("Tình trạng");
    let mut r = row("1.001193", "Đăng ký khai sinh");
    r.push("Đã được thay thế".into());
    f.write("bang.csv", &csv(&header, &[r.clone()]));
    let out = import(&f, "bang.csv");
    assert_eq!(
        out.status.code(),
        Some(1),
        "a replaced record needs its replacement"
    );
    // Written by hand instead, then the sheet says the record is in force.
    let mut r = row("1.001193", "Đăng ký khai sinh");
    r.push("Còn hiệu lực".into());
    f.write("bang.csv", &csv(&header, &[r]));
    assert!(import(&f, "bang.csv").status.success());
    let path = f.root().join("content/thu-tuc/1.001193.md");
    let text = content(&f, "1.001193").replace(
        "legal_status: con_hieu_luc\n",
        "legal_status: da_thay_the\nreplaced_by: '1.000894'\n",
    );
    std::fs::write(&path, &text).unwrap();
    let out = import(&f, "bang.csv");
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    assert!(
        stdout(&out).contains("giữ nguyên replaced_by: ô trống"),
        "{}",
        stdout(&out)
    );
    let now = content(&f, "1.001193");
    assert!(
        now.contains("legal_status: con_hieu_luc") && now.contains("replaced_by: '1.000894'"),
        "{now}"
    );
}
