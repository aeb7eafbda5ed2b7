//! The report as a Word file in the administrative layout of Nghị định
//! 30/2020/NĐ-CP (Phụ lục I): Quốc hiệu and Tiêu ngữ beside the issuing body
//! and the number, place and date, the document type and its abstract, the
//! body (I. Kết quả, II. Tồn tại, hạn chế, III. Phương hướng) with the computed
//! tables, Nơi nhận beside the signature block; Times New Roman, A4, the
//! decree's margins.
//!
//! The figures are computed; what only the officer can write (causes,
//! directions) is left as short bracketed placeholders to replace before
//! signing. `docx-rs` writes the package; nothing here touches the disk.

use docx_rs::{
    AlignmentType, Docx, LineSpacing, PageMargin, Paragraph, Run, RunFonts, SpecialIndentType,
    Table, TableCell, TableRow, VAlignType, WidthType,
};

use super::Report;
use super::format::{Table as Grid, tables};
use crate::diagnostics::Diagnostic;

/// A4 in twentieths of a point.
const A4: (u32, u32) = (11906, 16838);
/// Millimetres to twentieths of a point.
fn mm(v: f64) -> i32 {
    (v * 1440.0 / 25.4).round() as i32
}
/// Usable width: A4 less the left (30 mm) and right (15 mm) margins.
fn text_width() -> usize {
    (A4.0 as i32 - mm(30.0) - mm(15.0)) as usize
}

const FONT: &str = "Times New Roman";
/// Sizes in half-points.
const BODY: usize = 28;
const SMALL: usize = 26;
const TABLE: usize = 24;
const NOTE: usize = 22;

fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT)
}

fn run(text: &str, size: usize) -> Run {
    Run::new().add_text(text).size(size).fonts(fonts())
}

fn line(align: AlignmentType, runs: Vec<Run>) -> Paragraph {
    runs.into_iter().fold(
        Paragraph::new()
            .align(align)
            .line_spacing(LineSpacing::new().before(0).after(0)),
        |p, r| p.add_run(r),
    )
}

/// A body paragraph: justified, first line indented, 6 pt after.
fn body(text: &str) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Both)
        .indent(
            None,
            Some(SpecialIndentType::FirstLine(mm(10.0))),
            None,
            None,
        )
        .line_spacing(LineSpacing::new().before(0).after(120).line(276))
        .add_run(run(text, BODY))
}

fn heading(text: &str) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Both)
        .indent(
            None,
            Some(SpecialIndentType::FirstLine(mm(10.0))),
            None,
            None,
        )
        .line_spacing(LineSpacing::new().before(120).after(120))
        .keep_next(true)
        .add_run(run(text, BODY).bold())
}

/// Text the officer replaces before signing.
fn placeholder(text: &str) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Both)
        .indent(
            None,
            Some(SpecialIndentType::FirstLine(mm(10.0))),
            None,
            None,
        )
        .line_spacing(LineSpacing::new().before(120).after(120).line(276))
        .add_run(run(&format!("[{text}]"), BODY).italic().highlight("yellow"))
}

fn cell(paragraphs: Vec<Paragraph>, width: usize) -> TableCell {
    paragraphs
        .into_iter()
        .fold(TableCell::new().width(width, WidthType::Dxa), |c, p| {
            c.add_paragraph(p)
        })
}

/// The two-column block with no borders: issuing body | Quốc hiệu, and
/// Nơi nhận | signature.
fn pair(left: Vec<Paragraph>, right: Vec<Paragraph>, split: f64) -> Table {
    let w = text_width();
    let l = (w as f64 * split) as usize;
    Table::without_borders(vec![TableRow::new(vec![
        cell(left, l).vertical_align(VAlignType::Top),
        cell(right, w - l).vertical_align(VAlignType::Top),
    ])])
    .set_grid(vec![l, w - l])
    .width(w, WidthType::Dxa)
}

/// A computed table with borders, header bold and repeated on each page.
fn grid(t: &Grid, weights: &[usize]) -> Table {
    let w = text_width();
    let total: usize = weights.iter().sum::<usize>().max(1);
    let widths: Vec<usize> = weights.iter().map(|x| w * x / total).collect();
    let para = |s: &str, bold: bool| -> Vec<Paragraph> {
        s.split('\n')
            .map(|l| {
                let r = run(l, TABLE);
                line(AlignmentType::Left, vec![if bold { r.bold() } else { r }])
            })
            .collect()
    };
    let header = TableRow::new(
        t.header
            .iter()
            .zip(&widths)
            .map(|(h, w)| cell(para(h, true), *w).vertical_align(VAlignType::Center))
            .collect(),
    );
    let rows = t.rows.iter().map(|r| {
        TableRow::new(
            r.iter()
                .zip(&widths)
                .map(|(c, w)| cell(para(c, false), *w))
                .collect(),
        )
        .cant_split()
    });
    Table::new(std::iter::once(header).chain(rows).collect())
        .set_grid(widths)
        .width(w, WidthType::Dxa)
}

fn caption(text: &str) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Center)
        .line_spacing(LineSpacing::new().before(120).after(60))
        .keep_next(true)
        .add_run(run(text, SMALL).bold())
}

fn upper(s: &str) -> String {
    s.to_uppercase()
}

/// Quốc hiệu, Tiêu ngữ, the issuing body, number, place and date.
fn top(r: &Report) -> Table {
    let name = upper(&r.issuer.name);
    // "ỦY BAN NHÂN DÂN XÃ CANH VINH" is written on two lines: the body type,
    // then the commune.
    let (first, second) = match name.find(" XÃ ").or_else(|| name.find(" PHƯỜNG ")) {
        Some(i) => (name[..i].to_string(), name[i + 1..].to_string()),
        None => (name.clone(), String::new()),
    };
    let mut left = vec![line(AlignmentType::Center, vec![run(&first, SMALL).bold()])];
    if !second.is_empty() {
        left.push(line(
            AlignmentType::Center,
            vec![run(&second, SMALL).bold().underline("single")],
        ));
    }
    left.push(Paragraph::new().add_run(run("", SMALL)));
    left.push(line(
        AlignmentType::Center,
        vec![run("Số:        /BC-UBND", SMALL)],
    ));
    let right = vec![
        line(
            AlignmentType::Center,
            vec![run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 24).bold()],
        ),
        line(
            AlignmentType::Center,
            vec![
                run("Độc lập - Tự do - Hạnh phúc", SMALL)
                    .bold()
                    .underline("single"),
            ],
        ),
        Paragraph::new().add_run(run("", SMALL)),
        line(
            AlignmentType::Center,
            vec![run(&format!("{}, {}", r.issuer.place, r.issued_on), BODY).italic()],
        ),
    ];
    pair(left, right, 0.38)
}

/// The body of section I: what was done, with the computed tables.
fn results(r: &Report, mut doc: Docx) -> Docx {
    let (met, judged) = r.met();
    let active = r
        .activities
        .iter()
        .filter(|a| a.depth == 0 && a.count > 0)
        .count();
    let top_level = r.activities.iter().filter(|a| a.depth == 0).count();
    doc = doc
        .add_paragraph(heading("I. KẾT QUẢ THỰC HIỆN"))
        .add_paragraph(heading("1. Công tác chỉ đạo, triển khai"))
        .add_paragraph(placeholder(
            "Nêu các văn bản chỉ đạo, hướng dẫn, đôn đốc công tác tuyên truyền cải cách hành chính đã ban hành trong kỳ",
        ))
        .add_paragraph(heading("2. Kết quả thực hiện các hoạt động tuyên truyền"))
        .add_paragraph(body(&format!(
            "Trong kỳ, các cơ quan, đơn vị đã thực hiện {} tin, bài đăng trên Trang thông tin điện tử xã và {} hoạt động tuyên truyền khác (hội nghị, phát thanh, pano, cuộc thi, đối thoại, ...); {}/{} nhiệm vụ của Kế hoạch có sản phẩm trong kỳ; {}/{} nhiệm vụ, chỉ tiêu có yêu cầu số lượng đạt yêu cầu. Kết quả cụ thể từng nhiệm vụ như sau:",
            r.articles, r.events, active, top_level, met, judged
        )));
    let t = tables(r);
    doc = doc
        .add_paragraph(caption(&format!("Bảng 1. {}", t[0].title)))
        .add_table(grid(&t[0], &[6, 30, 16, 16, 10, 10]));
    if !r.targets.is_empty() {
        doc = doc
            .add_paragraph(heading("3. Thực hiện chỉ tiêu của Kế hoạch"))
            .add_paragraph(caption(&format!("Bảng 2. {}", t[1].title)))
            .add_table(grid(&t[1], &[46, 14, 14, 14]));
    }
    doc = doc
        .add_paragraph(heading(&format!(
            "{}. Kết quả theo cơ quan, đơn vị chủ trì",
            if r.targets.is_empty() { 3 } else { 4 }
        )))
        .add_paragraph(caption(&format!(
            "Bảng {}. {}",
            if r.targets.is_empty() { 2 } else { 3 },
            t[2].title
        )))
        .add_table(grid(&t[2], &[70, 20]));
    doc.add_paragraph(placeholder(
        "Đánh giá chung về hiệu quả, mô hình, cách làm hay trong công tác tuyên truyền của kỳ",
    ))
}

/// Sections II and III: the shortfalls the figures show, then directions.
fn shortfalls(r: &Report, mut doc: Docx) -> Docx {
    doc = doc.add_paragraph(heading("II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN"));
    let short: Vec<String> = r
        .activities
        .iter()
        .filter(|a| a.status.is_shortfall())
        .map(|a| {
            format!(
                "- Nhiệm vụ {} ({}): {}.",
                a.item_no,
                a.lead,
                a.status_label.to_lowercase()
            )
        })
        .chain(
            r.targets
                .iter()
                .filter(|t| t.status.is_shortfall())
                .map(|t| {
                    format!(
                        "- Chỉ tiêu “{}”: thực hiện {}/{}.",
                        t.description, t.count, t.required
                    )
                }),
        )
        .collect();
    if short.is_empty() {
        doc = doc.add_paragraph(body(
            "Các nhiệm vụ có yêu cầu trong kỳ đều có sản phẩm tuyên truyền.",
        ));
    } else {
        doc = doc.add_paragraph(body("Một số nhiệm vụ, chỉ tiêu chưa đạt yêu cầu trong kỳ:"));
        for s in &short {
            doc = doc.add_paragraph(body(s));
        }
    }
    doc = doc
        .add_paragraph(placeholder("Nêu nguyên nhân của tồn tại, hạn chế"))
        .add_paragraph(heading("III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI"));
    if !short.is_empty() {
        doc = doc.add_paragraph(body(
            "Tập trung thực hiện các nhiệm vụ, chỉ tiêu chưa đạt nêu tại mục II; tiếp tục thực hiện các nhiệm vụ thường xuyên theo Kế hoạch.",
        ));
    }
    doc.add_paragraph(placeholder(
        "Nêu nhiệm vụ, giải pháp trọng tâm kỳ tới và đề xuất, kiến nghị (nếu có)",
    ))
}

/// Nơi nhận and the signature block.
fn closing(r: &Report) -> Table {
    let mut left = vec![line(
        AlignmentType::Left,
        vec![run("Nơi nhận:", 24).bold().italic()],
    )];
    for n in &r.issuer.recipients {
        left.push(line(
            AlignmentType::Left,
            vec![run(&format!("- {n};"), NOTE)],
        ));
    }
    left.push(line(AlignmentType::Left, vec![run("- Lưu: VT.", NOTE)]));
    let right = vec![
        line(
            AlignmentType::Center,
            vec![run("TM. ỦY BAN NHÂN DÂN", BODY).bold()],
        ),
        line(AlignmentType::Center, vec![run("CHỦ TỊCH", BODY).bold()]),
        // Room for the signature and seal; the name is typed under it.
        Paragraph::new(),
        Paragraph::new(),
        Paragraph::new(),
        Paragraph::new(),
    ];
    pair(left, right, 0.5)
}

/// The evidence list, as an appendix after the signature.
fn appendix(r: &Report, doc: Docx) -> Docx {
    let t = tables(r);
    doc.add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .page_break_before(true)
            .add_run(run("PHỤ LỤC", BODY).bold()),
    )
    .add_paragraph(line(
        AlignmentType::Center,
        vec![
            run(
                &format!("Danh sách tài liệu kiểm chứng {}", r.period.label),
                BODY,
            )
            .bold(),
        ],
    ))
    .add_paragraph(line(
        AlignmentType::Center,
        vec![
            run(
                &format!("(Kèm theo Báo cáo số        /BC-UBND {})", r.issued_on),
                BODY,
            )
            .italic(),
        ],
    ))
    .add_paragraph(Paragraph::new())
    .add_table(grid(&t[3], &[14, 26, 11, 16, 9, 24]))
}

/// The report as a .docx file's bytes.
pub fn write(r: &Report) -> Result<Vec<u8>, Diagnostic> {
    let mut doc = Docx::new()
        .page_size(A4.0, A4.1)
        .page_margin(
            PageMargin::new()
                .top(mm(20.0))
                .bottom(mm(20.0))
                .left(mm(30.0))
                .right(mm(15.0))
                .header(mm(10.0))
                .footer(mm(10.0)),
        )
        .default_fonts(fonts())
        .default_size(BODY)
        .add_table(top(r))
        .add_paragraph(Paragraph::new())
        .add_paragraph(line(AlignmentType::Center, vec![run("BÁO CÁO", BODY).bold()]))
        .add_paragraph(line(
            AlignmentType::Center,
            vec![run(
                &format!(
                    "Kết quả công tác thông tin, tuyên truyền cải cách hành chính {}",
                    r.period.label
                ),
                BODY,
            )
            .bold()],
        ))
        .add_paragraph(line(AlignmentType::Center, vec![run("_______________", BODY)]))
        .add_paragraph(Paragraph::new())
        .add_paragraph(body(&format!(
            "Thực hiện {}, {} báo cáo kết quả công tác thông tin, tuyên truyền cải cách hành chính {} (từ ngày {} đến ngày {}) như sau:",
            r.plan.basis,
            r.issuer.name,
            r.period.label,
            r.period.from.format("%d/%m/%Y"),
            r.period.to.format("%d/%m/%Y")
        )));
    doc = results(r, doc);
    doc = shortfalls(r, doc);
    doc = doc
        .add_paragraph(body(&format!(
            "Trên đây là báo cáo kết quả công tác thông tin, tuyên truyền cải cách hành chính {} của {}./.",
            r.period.label, r.issuer.name
        )))
        .add_paragraph(Paragraph::new())
        .add_table(closing(r));
    doc = appendix(r, doc);
    let mut out = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut out).map_err(|e| {
        Diagnostic::error("E165", format!("không tạo được tệp Word: {e}"))
            .hint("báo lỗi này cho người quản trị trang kèm lệnh đã chạy")
    })?;
    Ok(out.into_inner())
}
