//! The spreadsheet layout of a procedure record: which Vietnamese column
//! header fills which front matter field, and how each cell is read.
//!
//! Headers are matched without regard to case, tone marks or punctuation
//! ("Mã thủ tục", "MA THU TUC"), in any order. Cells that hold lists take one
//! entry per line (Alt+Enter in Excel); a line break in a single-value cell is
//! an error, because it usually means text was pasted from somewhere else.

use serde_yaml::{Mapping, Value};

use super::sheet::{Row, Sheet, column_letter};
use crate::content::types::ProcedureCode;
use crate::diagnostics::{Diagnostic, Severity, closest};
use crate::vi;
use crate::vocab::{FeeKind, Level, OnlineLevel, ProcedureStatus, SourceKind, SubmitMethod};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Col {
    Code,
    LocalCode,
    Title,
    Decisions,
    Levels,
    ProcedureType,
    Field,
    Steps,
    Time(SubmitMethod),
    Fees(SubmitMethod),
    Exemptions,
    Dossier,
    Applicants,
    Agency,
    Competent,
    Address,
    Delegated,
    Coordinating,
    Results,
    LegalBasis,
    Requirements,
    Keywords,
    Description,
    Online,
    OnlineUrl,
    DvcqgUrl,
    Units,
    LegalStatus,
    ReplacedBy,
    EffectiveFrom,
    PostedAt,
    SourceKind,
    SourceUrl,
    RetrievedAt,
    Verified,
    VerifiedBy,
}

/// One column of the layout.
pub struct Spec {
    pub col: Col,
    pub header: &'static str,
    pub required: bool,
    /// Whether the cell may hold several lines.
    pub multiline: bool,
}

const fn spec(col: Col, header: &'static str, required: bool, multiline: bool) -> Spec {
    Spec {
        col,
        header,
        required,
        multiline,
    }
}

use SubmitMethod::{BuuChinh, TrucTiep, TrucTuyen};

/// Every column, in the order of the national record (the README's table).
pub const COLUMNS: &[Spec] = &[
    spec(Col::Code, "Mã thủ tục", true, false),
    spec(Col::LocalCode, "Mã thủ tục tại địa phương", false, false),
    spec(Col::Title, "Tên thủ tục", true, false),
    spec(Col::Decisions, "Quyết định công bố", false, true),
    spec(Col::Levels, "Cấp thực hiện", true, true),
    spec(Col::ProcedureType, "Loại thủ tục", false, false),
    spec(Col::Field, "Lĩnh vực", true, false),
    spec(Col::Steps, "Trình tự thực hiện", true, true),
    spec(
        Col::Time(TrucTiep),
        "Trực tiếp: thời hạn giải quyết",
        false,
        false,
    ),
    spec(Col::Fees(TrucTiep), "Trực tiếp: phí, lệ phí", false, true),
    spec(
        Col::Time(TrucTuyen),
        "Trực tuyến: thời hạn giải quyết",
        false,
        false,
    ),
    spec(Col::Fees(TrucTuyen), "Trực tuyến: phí, lệ phí", false, true),
    spec(
        Col::Time(BuuChinh),
        "Bưu chính: thời hạn giải quyết",
        false,
        false,
    ),
    spec(Col::Fees(BuuChinh), "Bưu chính: phí, lệ phí", false, true),
    spec(Col::Exemptions, "Miễn, giảm phí, lệ phí", false, true),
    spec(Col::Dossier, "Thành phần hồ sơ", true, true),
    spec(Col::Applicants, "Đối tượng thực hiện", true, true),
    spec(Col::Agency, "Cơ quan thực hiện", true, false),
    spec(Col::Competent, "Cơ quan có thẩm quyền", false, false),
    spec(Col::Address, "Địa chỉ tiếp nhận hồ sơ", false, true),
    spec(Col::Delegated, "Cơ quan được ủy quyền", false, false),
    spec(Col::Coordinating, "Cơ quan phối hợp", false, false),
    spec(Col::Results, "Kết quả thực hiện", true, true),
    spec(Col::LegalBasis, "Căn cứ pháp lý", true, true),
    spec(
        Col::Requirements,
        "Yêu cầu, điều kiện thực hiện",
        false,
        true,
    ),
    spec(Col::Keywords, "Từ khóa", false, true),
    spec(Col::Description, "Mô tả", false, true),
    spec(Col::Online, "Mức độ dịch vụ công trực tuyến", true, false),
    spec(Col::OnlineUrl, "Địa chỉ nộp trực tuyến", false, false),
    spec(
        Col::DvcqgUrl,
        "Địa chỉ trên Cổng Dịch vụ công quốc gia",
        false,
        false,
    ),
    spec(Col::Units, "Đơn vị tiếp nhận, giải quyết", true, true),
    spec(Col::LegalStatus, "Tình trạng", false, false),
    spec(Col::ReplacedBy, "Thay thế bằng thủ tục", false, false),
    spec(Col::EffectiveFrom, "Ngày áp dụng", false, false),
    spec(Col::PostedAt, "Ngày công khai", false, false),
    spec(Col::SourceKind, "Nguồn dữ liệu", false, false),
    spec(Col::SourceUrl, "Địa chỉ nguồn", false, false),
    spec(Col::RetrievedAt, "Ngày lấy dữ liệu", false, false),
    spec(Col::Verified, "Đã đối chiếu", false, false),
    spec(Col::VerifiedBy, "Người đối chiếu", false, false),
];

/// A header as compared: folded, punctuation as single spaces.
fn header_key(s: &str) -> String {
    vi::fold(s)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Where each known column is in this sheet.
pub struct Layout {
    /// (column, 0-based cell index).
    found: Vec<(Col, usize)>,
    first_column: usize,
}

impl Layout {
    /// Match the header row. A missing required column or a column written
    /// twice rejects the whole file; an unknown column is a warning.
    pub fn new(
        sheet: &Sheet,
        file: &std::path::Path,
    ) -> Result<(Layout, Vec<Diagnostic>), Vec<Diagnostic>> {
        let mut found: Vec<(Col, usize)> = Vec::new();
        let mut errors = Vec::new();
        let mut warnings = Vec::new();
        let at = |code: &'static str, i: usize, msg: String| {
            let mut d = Diagnostic::error(code, msg).in_file(file);
            d.line = Some(sheet.header.number);
            d.column = Some(sheet.first_column + i + 1);
            d
        };
        for (i, cell) in sheet.header.cells.iter().enumerate() {
            if cell.is_empty() {
                continue;
            }
            let key = header_key(cell);
            let letter = column_letter(sheet.first_column + i);
            match COLUMNS.iter().find(|s| header_key(s.header) == key) {
                Some(s) => {
                    if let Some((_, j)) = found.iter().find(|(c, _)| *c == s.col) {
                        errors.push(
                            at(
                                "E037",
                                i,
                                format!(
                                    "cột {letter} `{cell}` trùng với cột {}",
                                    column_letter(sheet.first_column + j)
                                ),
                            )
                            .hint("xóa hoặc đổi tên một trong hai cột"),
                        );
                    } else {
                        found.push((s.col, i));
                    }
                }
                None => {
                    let hint = match closest(cell, COLUMNS.iter().map(|s| s.header)) {
                        Some(c) => format!("có phải bạn muốn viết `{c}`?"),
                        None => "tên các cột được dùng có trong README, mục Nhập thủ tục".into(),
                    };
                    warnings.push(Diagnostic {
                        severity: Severity::Warning,
                        ..at(
                            "W034",
                            i,
                            format!("cột {letter} `{cell}` không được dùng nên bị bỏ qua"),
                        )
                        .hint(hint)
                    });
                }
            }
        }
        for s in COLUMNS.iter().filter(|s| s.required) {
            if !found.iter().any(|(c, _)| *c == s.col) {
                errors.push(
                    at(
                        "E037",
                        0,
                        format!("bảng tính thiếu cột bắt buộc `{}`", s.header),
                    )
                    .hint(
                        "thêm cột này vào dòng tiêu đề (xem README, mục Nhập thủ tục hành chính)",
                    ),
                );
            }
        }
        if !found.iter().any(|(c, _)| matches!(c, Col::Time(_))) {
            errors.push(
                at("E037", 0, "bảng tính thiếu cột thời hạn giải quyết".into())
                    .hint("thêm ít nhất một cột `Trực tiếp: thời hạn giải quyết`, `Trực tuyến: thời hạn giải quyết` hoặc `Bưu chính: thời hạn giải quyết`"),
            );
        }
        // Report header problems left to right.
        errors.sort_by_key(|d| d.column);
        if errors.is_empty() {
            Ok((
                Layout {
                    found,
                    first_column: sheet.first_column,
                },
                warnings,
            ))
        } else {
            Err(errors)
        }
    }

    pub fn has(&self, col: Col) -> bool {
        self.found.iter().any(|(c, _)| *c == col)
    }
}

/// What one row says about one field.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// The cell's value.
    Set(Value),
    /// The cell is blank: a value already in the file stays unless the
    /// person asks for removals (`--allow-removal`).
    Empty,
    /// No value in the sheet: a new file gets this one, an existing file
    /// keeps its own.
    Default(Value),
}

impl From<Option<Value>> for Cell {
    fn from(v: Option<Value>) -> Cell {
        v.map_or(Cell::Empty, Cell::Set)
    }
}

/// Which of the per-channel columns the sheet has: a channel detail
/// without its column is the file's to keep.
#[derive(Debug, Clone)]
pub struct ChannelColumns {
    /// Methods with a processing time column.
    pub time: Vec<SubmitMethod>,
    /// Methods with a fee column.
    pub fees: Vec<SubmitMethod>,
    pub exemptions: bool,
}

fn methods_with(layout: &Layout, col: fn(SubmitMethod) -> Col) -> Vec<SubmitMethod> {
    SubmitMethod::ALL
        .iter()
        .copied()
        .filter(|m| layout.has(col(*m)))
        .collect()
}

/// The fields one row sets: only those whose column the sheet has.
pub struct Record {
    pub code: String,
    pub title: String,
    /// Top-level front matter fields this sheet governs, in record order.
    pub fields: Vec<(&'static str, Cell)>,
    /// Sub-fields of `source` this sheet governs.
    pub source: Vec<(&'static str, Cell)>,
    pub channel_columns: ChannelColumns,
}

/// Reads one row's cells, collecting every problem of the row.
pub struct Cells<'a> {
    layout: &'a Layout,
    row: &'a Row,
    file: &'a std::path::Path,
    pub errors: Vec<Diagnostic>,
}

fn s(v: impl Into<String>) -> Value {
    Value::String(v.into())
}

fn map(pairs: Vec<(&str, Value)>) -> Value {
    let mut m = Mapping::new();
    for (k, v) in pairs {
        m.insert(s(k), v);
    }
    Value::Mapping(m)
}

/// List entries of a multi-line cell: one per line, bullets dropped.
fn lines(cell: &str) -> Vec<String> {
    cell.lines()
        .map(|l| {
            let l = l.trim();
            ["- ", "+ ", "• ", "* ", "– "]
                .iter()
                .find_map(|b| l.strip_prefix(b))
                .unwrap_or(l)
                .trim()
                .to_string()
        })
        .filter(|l| !l.is_empty())
        .collect()
}

/// Entries of a short list cell: one per line or separated by `;`.
fn items(cell: &str) -> Vec<String> {
    lines(cell)
        .iter()
        .flat_map(|l| l.split(';').map(|x| x.trim().to_string()))
        .filter(|x| !x.is_empty())
        .collect()
}

/// A date written 27/11/2026 or 2026-11-27, as ISO.
fn parse_date(cell: &str) -> Option<String> {
    let c = cell.trim();
    let d = chrono::NaiveDate::parse_from_str(c, "%Y-%m-%d")
        .or_else(|_| chrono::NaiveDate::parse_from_str(c, "%d/%m/%Y"))
        .or_else(|_| chrono::NaiveDate::parse_from_str(c, "%d-%m-%Y"))
        .ok()?;
    Some(d.format("%Y-%m-%d").to_string())
}

/// A vocabulary value written as its id or its Vietnamese label.
fn choose<T: Copy>(
    all: &[T],
    id: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
    cell: &str,
) -> Option<T> {
    let key = header_key(cell);
    all.iter()
        .copied()
        .find(|&v| header_key(id(v)) == key || header_key(label(v)) == key)
}

impl<'a> Cells<'a> {
    pub fn new(layout: &'a Layout, row: &'a Row, file: &'a std::path::Path) -> Cells<'a> {
        Cells {
            layout,
            row,
            file,
            errors: Vec::new(),
        }
    }

    fn index(&self, col: Col) -> Option<usize> {
        self.layout
            .found
            .iter()
            .find(|(c, _)| *c == col)
            .map(|(_, i)| *i)
    }

    /// The cell's text ("" when the column is absent or the row is short).
    fn raw(&self, col: Col) -> &'a str {
        self.index(col)
            .and_then(|i| self.row.cells.get(i))
            .map(String::as_str)
            .unwrap_or("")
    }

    /// An error at this row and `col`, named the way the spreadsheet shows it.
    pub fn error(&mut self, code: &'static str, col: Col, message: String, hint: String) {
        let i = self.index(col).unwrap_or(0);
        let header = COLUMNS
            .iter()
            .find(|s| s.col == col)
            .map(|s| s.header)
            .unwrap_or("");
        let letter = column_letter(self.layout.first_column + i);
        let mut d = Diagnostic::error(
            code,
            format!(
                "dòng {}, cột {letter} `{header}`: {message}",
                self.row.number
            ),
        )
        .in_file(self.file)
        .field(header)
        .hint(hint);
        d.line = Some(self.row.number);
        d.column = Some(self.layout.first_column + i + 1);
        self.errors.push(d);
    }

    /// A single-value cell; a line break in it is an error.
    fn one(&mut self, col: Col) -> Option<String> {
        let v = self.raw(col);
        if v.is_empty() {
            return None;
        }
        let multiline = COLUMNS.iter().any(|s| s.col == col && s.multiline);
        if !multiline && v.contains('\n') {
            self.error(
                "E039",
                col,
                "ô có dấu xuống dòng, nhưng chỉ được ghi một giá trị trên một dòng".into(),
                format!(
                    "nối lại thành một dòng (xóa dấu xuống dòng Alt+Enter): `{}`",
                    v.split_whitespace().collect::<Vec<_>>().join(" ")
                ),
            );
            return None;
        }
        Some(v.to_string())
    }

    fn required(&mut self, col: Col, what: &str) -> Option<String> {
        let v = self.one(col);
        if v.is_none() && !self.raw(col).contains('\n') {
            self.error(
                "E038",
                col,
                format!("thiếu {what}"),
                "ô này bắt buộc phải có nội dung".into(),
            );
        }
        v
    }

    fn list(&mut self, col: Col, what: &str, required: bool) -> Option<Value> {
        let v = lines(self.raw(col));
        if v.is_empty() {
            if required {
                self.error(
                    "E038",
                    col,
                    format!("thiếu {what}"),
                    "mỗi mục một dòng (Alt+Enter để xuống dòng trong ô)".into(),
                );
            }
            return None;
        }
        Some(Value::Sequence(v.into_iter().map(s).collect()))
    }

    fn text(&mut self, col: Col) -> Option<Value> {
        self.one(col).map(s)
    }

    fn date(&mut self, col: Col) -> Option<Value> {
        let v = self.one(col)?;
        match parse_date(&v) {
            Some(d) => Some(s(d)),
            None => {
                self.error(
                    "E038",
                    col,
                    format!("ngày `{v}` không hợp lệ"),
                    "viết ngày dạng 27/11/2026 hoặc 2026-11-27".into(),
                );
                None
            }
        }
    }

    fn code(&mut self, col: Col, what: &str) -> Option<String> {
        let v = self.one(col)?;
        match ProcedureCode::parse(&v) {
            Ok(c) => Some(c.0),
            Err(_) => {
                self.error(
                    "E038",
                    col,
                    format!("{what} `{v}` không hợp lệ"),
                    "mã có dạng 1.001193 (một chữ số, dấu chấm, sáu chữ số); nếu Excel bỏ số 0 ở cuối, định dạng ô là Văn bản (Text)".into(),
                );
                None
            }
        }
    }

    fn url(&mut self, col: Col) -> Option<Value> {
        let v = self.one(col)?;
        if crate::content::procedure::is_link(&v) {
            Some(s(v))
        } else {
            self.error(
                "E038",
                col,
                format!("`{v}` không phải địa chỉ web"),
                "viết địa chỉ đầy đủ, bắt đầu bằng https://".into(),
            );
            None
        }
    }

    fn vocab<T: Copy>(
        &mut self,
        col: Col,
        all: &[T],
        id: fn(T) -> &'static str,
        label: fn(T) -> &'static str,
        value: &str,
    ) -> Option<T> {
        let found = choose(all, id, label, value);
        if found.is_none() {
            let labels: Vec<&str> = all.iter().map(|&v| label(v)).collect();
            let hint = match closest(value, labels.iter().copied()) {
                Some(c) => format!(
                    "có phải bạn muốn viết `{c}`? Các giá trị: {}",
                    labels.join("; ")
                ),
                None => format!("các giá trị: {}", labels.join("; ")),
            };
            self.error("E038", col, format!("giá trị `{value}` không hợp lệ"), hint);
        }
        found
    }

    /// Legal citations, one per line: `Số ký hiệu | Trích yếu | Ngày ban hành | Cơ quan ban hành`.
    fn legal_refs(&mut self, col: Col, required: bool) -> Option<Value> {
        let mut out = Vec::new();
        for line in lines(self.raw(col)) {
            let parts: Vec<&str> = line.split('|').map(str::trim).collect();
            let mut pairs = vec![("number", s(parts[0]))];
            if let Some(t) = parts.get(1).filter(|t| !t.is_empty()) {
                pairs.push(("title", s(*t)));
            }
            if let Some(d) = parts.get(2).filter(|t| !t.is_empty()) {
                match parse_date(d) {
                    Some(d) => pairs.push(("issued_date", s(d))),
                    None => self.error(
                        "E038",
                        col,
                        format!("ngày ban hành `{d}` của `{}` không hợp lệ", parts[0]),
                        "mỗi dòng: Số ký hiệu | Trích yếu | Ngày ban hành (27/11/2026) | Cơ quan ban hành".into(),
                    ),
                }
            }
            if let Some(i) = parts.get(3).filter(|t| !t.is_empty()) {
                pairs.push(("issuer", s(*i)));
            }
            if parts[0].is_empty() {
                self.error(
                    "E038",
                    col,
                    format!("dòng `{line}` thiếu số ký hiệu văn bản"),
                    "mỗi dòng: Số ký hiệu | Trích yếu | Ngày ban hành | Cơ quan ban hành".into(),
                );
                continue;
            }
            out.push(map(pairs));
        }
        if out.is_empty() {
            if required {
                self.error(
                    "E038",
                    col,
                    "thiếu căn cứ pháp lý".into(),
                    "mỗi văn bản một dòng: Số ký hiệu | Trích yếu | Ngày ban hành | Cơ quan ban hành".into(),
                );
            }
            return None;
        }
        Some(Value::Sequence(out))
    }

    /// "Cách thức thực hiện": one channel per method whose time is filled.
    fn channels(&mut self) -> Option<Value> {
        let exemptions = self.one(Col::Exemptions).or_else(|| {
            let v = self.raw(Col::Exemptions);
            (!v.is_empty()).then(|| v.to_string())
        });
        let mut out = Vec::new();
        for method in SubmitMethod::ALL.iter().copied() {
            let fees_raw = self.raw(Col::Fees(method));
            let Some(time) = self.one(Col::Time(method)) else {
                if !fees_raw.is_empty() && !self.raw(Col::Time(method)).contains('\n') {
                    self.error(
                        "E038",
                        Col::Time(method),
                        format!(
                            "có phí, lệ phí khi nộp {} nhưng chưa ghi thời hạn giải quyết",
                            method.label().to_lowercase()
                        ),
                        "ghi thời hạn giải quyết, hoặc xóa ô phí, lệ phí nếu không nhận hồ sơ theo cách này".into(),
                    );
                }
                continue;
            };
            let mut fees = Vec::new();
            for line in lines(fees_raw) {
                let folded = vi::fold(&line);
                let kind = if folded.contains("le phi") {
                    FeeKind::LePhi
                } else if folded.contains("phi") {
                    FeeKind::Phi
                } else {
                    self.error(
                        "E038",
                        Col::Fees(method),
                        format!("không rõ `{line}` là phí hay lệ phí"),
                        "ghi nguyên văn như bản công bố, bắt đầu bằng `Lệ phí` hoặc `Phí`, ví dụ `Lệ phí: 20.000 đồng`".into(),
                    );
                    continue;
                };
                let mut pairs = vec![("kind", s(kind.id())), ("text", s(line))];
                if let Some(e) = &exemptions {
                    pairs.push(("exemptions", s(e.clone())));
                }
                fees.push(map(pairs));
            }
            let mut time_pairs = vec![("text", s(time.clone()))];
            if let Some((amount, unit)) = parse_time(&time) {
                if let Some(a) = amount {
                    time_pairs.push(("amount", Value::Number(a.into())));
                }
                time_pairs.push(("unit", s(unit)));
            }
            let mut pairs = vec![
                ("method", s(method.id())),
                ("processing_time", map(time_pairs)),
            ];
            if !fees.is_empty() {
                pairs.push(("fees", Value::Sequence(fees)));
            }
            out.push(map(pairs));
        }
        if out.is_empty() {
            let col = COLUMNS
                .iter()
                .find_map(|s| matches!(s.col, Col::Time(_)).then_some(s.col))
                .filter(|c| self.layout.has(*c))
                .unwrap_or(Col::Code);
            let first = SubmitMethod::ALL
                .iter()
                .map(|m| Col::Time(*m))
                .find(|c| self.layout.has(*c))
                .unwrap_or(col);
            if self.errors.is_empty() {
                self.error(
                    "E038",
                    first,
                    "chưa ghi thời hạn giải quyết cho cách nộp hồ sơ nào".into(),
                    "ghi thời hạn ở ít nhất một cột: trực tiếp, trực tuyến hoặc bưu chính".into(),
                );
            }
            return None;
        }
        Some(Value::Sequence(out))
    }

    /// "Thành phần hồ sơ": one paper per line; a line starting with
    /// "Trường hợp" opens a case; "Số lượng hồ sơ: 01 bộ" sets its count;
    /// a paper may end with the national record's quantity,
    /// "(Bản chính: 1 - Bản sao: 0)", "(xuất trình)" or "(nếu có)".
    fn dossier(&mut self) -> Option<Value> {
        let mut cases: Vec<(Option<String>, Vec<Value>, Option<u64>)> = Vec::new();
        for line in lines(self.raw(Col::Dossier)) {
            let folded = vi::fold(&line);
            if folded.starts_with("truong hop") {
                cases.push((
                    Some(line.trim_end_matches(':').trim().to_string()),
                    Vec::new(),
                    None,
                ));
                continue;
            }
            if folded.starts_with("so luong ho so") {
                let n: String = line.chars().filter(char::is_ascii_digit).collect();
                match n.parse::<u64>() {
                    Ok(n) if cases.last().is_some() => {
                        if let Some(c) = cases.last_mut() {
                            c.2 = Some(n);
                        }
                    }
                    _ => self.error(
                        "E038",
                        Col::Dossier,
                        format!("không đọc được số bộ hồ sơ trong `{line}`"),
                        "viết ví dụ `Số lượng hồ sơ: 01 bộ` sau danh sách giấy tờ".into(),
                    ),
                }
                continue;
            }
            if cases.is_empty() {
                cases.push((None, Vec::new(), None));
            }
            let item = dossier_item(&line);
            if let Some(c) = cases.last_mut() {
                c.1.push(item);
            }
        }
        let cases: Vec<Value> = cases
            .into_iter()
            .filter(|c| !c.1.is_empty())
            .map(|(case, items, sets)| {
                let mut pairs = Vec::new();
                if let Some(c) = case {
                    pairs.push(("case", s(c)));
                }
                pairs.push(("items", Value::Sequence(items)));
                if let Some(n) = sets {
                    pairs.push(("sets", Value::Number(n.into())));
                }
                map(pairs)
            })
            .collect();
        if cases.is_empty() {
            self.error(
                "E038",
                Col::Dossier,
                "thiếu thành phần hồ sơ".into(),
                "mỗi giấy tờ một dòng (Alt+Enter để xuống dòng trong ô)".into(),
            );
            return None;
        }
        Some(Value::Sequence(cases))
    }
}

/// "07 ngày làm việc" → (7, ngay_lam_viec); "Trong ngày" → (None, trong_ngay).
fn parse_time(text: &str) -> Option<(Option<u64>, &'static str)> {
    let folded = vi::fold(text);
    if folded == "trong ngay" {
        return Some((None, "trong_ngay"));
    }
    let (num, rest) = folded.split_once(' ')?;
    let n: u64 = num.parse().ok()?;
    let unit = match rest {
        "ngay lam viec" => "ngay_lam_viec",
        "ngay" => "ngay",
        "gio" => "gio",
        _ => return None,
    };
    Some((Some(n), unit))
}

fn dossier_item(line: &str) -> Value {
    let mut name = line.to_string();
    let mut pairs: Vec<(&str, Value)> = Vec::new();
    if let Some(open) = line.rfind('(').filter(|_| line.ends_with(')')) {
        let inner = &line[open + 1..line.len() - 1];
        let mut found: Vec<(&str, Value)> = Vec::new();
        let ok = inner
            .split([';', ',', '–'])
            .flat_map(|p| p.split(" - "))
            .map(|p| vi::fold(p).replace(':', " "))
            .filter(|p| !p.trim().is_empty())
            .all(|p| {
                let words: Vec<&str> = p.split_whitespace().collect();
                let number = words.last().and_then(|w| w.parse::<u64>().ok());
                match (words.as_slice(), number) {
                    (["ban", "chinh", _], Some(n)) => {
                        found.push(("originals", Value::Number(n.into())))
                    }
                    (["ban", "sao", _], Some(n)) => found.push(("copies", Value::Number(n.into()))),
                    (["xuat", "trinh"], _) | (["ban", "chinh", "de", "doi", "chieu"], _) => {
                        found.push(("present_only", Value::Bool(true)))
                    }
                    (["neu", "co"], _) => found.push(("optional", Value::Bool(true))),
                    _ => return false,
                }
                true
            });
        if ok && !found.is_empty() {
            name = line[..open].trim().to_string();
            pairs = found;
        }
    }
    let mut all = vec![("name", s(name))];
    all.extend(pairs);
    map(all)
}

/// Record `key` when the sheet has the column that governs it: the cell's
/// value, or `Empty` when the cell is blank.
fn put(
    fields: &mut Vec<(&'static str, Cell)>,
    layout: &Layout,
    col: Col,
    key: &'static str,
    v: Option<Value>,
) {
    if layout.has(col) {
        fields.push((key, Cell::from(v)));
    }
}

/// Read every governed field of `row`. Errors name the row and column.
pub fn record(cells: &mut Cells, today: &str) -> Option<Record> {
    let layout = cells.layout;
    let mut fields: Vec<(&'static str, Cell)> = Vec::new();
    let (code, title) = identity(cells, &mut fields);
    catalogue(cells, &mut fields);
    online(cells, &mut fields);
    legal_status(cells, &mut fields);
    let source = source(cells, today);
    if !cells.errors.is_empty() {
        return None;
    }
    Some(Record {
        code: code?,
        title: title?,
        fields,
        source,
        channel_columns: ChannelColumns {
            time: methods_with(layout, Col::Time),
            fees: methods_with(layout, Col::Fees),
            exemptions: layout.has(Col::Exemptions),
        },
    })
}

/// Code, local code, title, decisions: what names the record.
fn identity(
    cells: &mut Cells,
    fields: &mut Vec<(&'static str, Cell)>,
) -> (Option<String>, Option<String>) {
    let layout = cells.layout;
    let code = cells.code(Col::Code, "mã thủ tục");
    if code.is_none() && cells.raw(Col::Code).is_empty() {
        cells.error(
            "E038",
            Col::Code,
            "thiếu mã thủ tục".into(),
            "ghi mã thủ tục của Cơ sở dữ liệu quốc gia, ví dụ 1.001193".into(),
        );
    }
    let title = cells.required(Col::Title, "tên thủ tục");
    put(fields, layout, Col::Code, "code", code.clone().map(s));
    let local = cells.text(Col::LocalCode);
    put(fields, layout, Col::LocalCode, "local_code", local);
    put(fields, layout, Col::Title, "title", title.clone().map(s));
    let decisions = cells.legal_refs(Col::Decisions, false);
    put(fields, layout, Col::Decisions, "decisions", decisions);
    (code, title)
}

/// The body of the national record: levels to legal basis.
fn catalogue(cells: &mut Cells, fields: &mut Vec<(&'static str, Cell)>) {
    let layout = cells.layout;
    let levels = cells.levels();
    put(fields, layout, Col::Levels, "levels", levels);
    let kind = cells.text(Col::ProcedureType);
    put(fields, layout, Col::ProcedureType, "procedure_type", kind);
    let field = cells.required(Col::Field, "lĩnh vực").map(s);
    put(fields, layout, Col::Field, "field", field);
    let steps = cells.list(Col::Steps, "trình tự thực hiện", true);
    put(fields, layout, Col::Steps, "steps", steps);
    let channels = cells.channels();
    fields.push(("channels", Cell::from(channels)));
    let dossier = cells.dossier();
    put(fields, layout, Col::Dossier, "dossier", dossier);
    let applicants = cells.list(Col::Applicants, "đối tượng thực hiện", true);
    put(fields, layout, Col::Applicants, "applicants", applicants);
    let agency = cells.required(Col::Agency, "cơ quan thực hiện").map(s);
    put(fields, layout, Col::Agency, "implementing_agency", agency);
    for (col, key) in [
        (Col::Competent, "competent_authority"),
        (Col::Address, "receiving_address"),
        (Col::Delegated, "delegated_agency"),
        (Col::Coordinating, "coordinating_agency"),
    ] {
        let v = cells.text(col);
        put(fields, layout, col, key, v);
    }
    let results = cells.list(Col::Results, "kết quả thực hiện", true);
    put(fields, layout, Col::Results, "results", results);
    let basis = cells.legal_refs(Col::LegalBasis, true);
    put(fields, layout, Col::LegalBasis, "legal_basis", basis);
    let requirements = cells.text(Col::Requirements);
    put(
        fields,
        layout,
        Col::Requirements,
        "requirements",
        requirements,
    );
    let keywords = items(cells.raw(Col::Keywords));
    let keywords =
        (!keywords.is_empty()).then(|| Value::Sequence(keywords.into_iter().map(s).collect()));
    put(fields, layout, Col::Keywords, "keywords", keywords);
    let description = cells.text(Col::Description);
    put(fields, layout, Col::Description, "description", description);
}

/// Online level and addresses, and the units that receive the dossier.
fn online(cells: &mut Cells, fields: &mut Vec<(&'static str, Cell)>) {
    let layout = cells.layout;
    let online = cells.online_level();
    put(
        fields,
        layout,
        Col::Online,
        "online_level",
        online.map(|l| s(l.id())),
    );
    let online_url = cells.url(Col::OnlineUrl);
    if online.is_some_and(|l| l != OnlineLevel::Khong)
        && online_url.is_none()
        && cells.raw(Col::OnlineUrl).is_empty()
    {
        let col = if layout.has(Col::OnlineUrl) {
            Col::OnlineUrl
        } else {
            Col::Online
        };
        cells.error(
            "E038",
            col,
            format!(
                "thủ tục có mức độ trực tuyến `{}` phải có địa chỉ nộp hồ sơ trực tuyến",
                online.map(|l| l.label()).unwrap_or_default()
            ),
            "ghi địa chỉ vào cột `Địa chỉ nộp trực tuyến`, hoặc ghi mức độ `Không`".into(),
        );
    }
    put(fields, layout, Col::OnlineUrl, "online_url", online_url);
    let dvcqg = cells.url(Col::DvcqgUrl);
    put(fields, layout, Col::DvcqgUrl, "dvcqg_url", dvcqg);
    let units = items(cells.raw(Col::Units));
    if units.is_empty() {
        cells.error(
            "E038",
            Col::Units,
            "thiếu đơn vị tiếp nhận, giải quyết".into(),
            "ghi mã đơn vị (tên tệp trong content/don-vi/) hoặc tên đơn vị, cách nhau bằng `;`"
                .into(),
        );
    }
    let units = (!units.is_empty()).then(|| Value::Sequence(units.into_iter().map(s).collect()));
    put(fields, layout, Col::Units, "units", units);
}

/// Legal status, replacement and dates.
fn legal_status(cells: &mut Cells, fields: &mut Vec<(&'static str, Cell)>) {
    let layout = cells.layout;
    let status = match cells.one(Col::LegalStatus) {
        Some(v) => cells.vocab(
            Col::LegalStatus,
            ProcedureStatus::ALL,
            ProcedureStatus::id,
            ProcedureStatus::label,
            &v,
        ),
        None => Some(ProcedureStatus::ConHieuLuc),
    };
    // Without a value, a new record is in force; an existing one keeps its status.
    let cell = match status {
        Some(st) if layout.has(Col::LegalStatus) && !cells.raw(Col::LegalStatus).is_empty() => {
            Cell::Set(s(st.id()))
        }
        _ => Cell::Default(s(ProcedureStatus::ConHieuLuc.id())),
    };
    fields.push(("legal_status", cell));
    let replaced = cells.code(Col::ReplacedBy, "mã thủ tục thay thế");
    if status == Some(ProcedureStatus::DaThayThe)
        && replaced.is_none()
        && cells.raw(Col::ReplacedBy).is_empty()
    {
        let col = if layout.has(Col::ReplacedBy) {
            Col::ReplacedBy
        } else {
            Col::LegalStatus
        };
        cells.error(
            "E038",
            col,
            "thủ tục đã được thay thế phải ghi mã thủ tục thay thế".into(),
            "ghi mã vào cột `Thay thế bằng thủ tục`, ví dụ 1.001193".into(),
        );
    }
    put(
        fields,
        layout,
        Col::ReplacedBy,
        "replaced_by",
        replaced.map(s),
    );
    // A status the sheet sets that has no replacement makes an old
    // `replaced_by` stale: reported as a blank cell, removed on request.
    let in_force = status.is_some_and(|st| st != ProcedureStatus::DaThayThe);
    if !layout.has(Col::ReplacedBy) && in_force && !cells.raw(Col::LegalStatus).is_empty() {
        fields.push(("replaced_by", Cell::Empty));
    }
    for (col, key) in [
        (Col::EffectiveFrom, "effective_from"),
        (Col::PostedAt, "posted_at"),
    ] {
        let v = cells.date(col);
        put(fields, layout, col, key, v);
    }
}

/// Sub-fields of `source`. A blank cell leaves what the file says, and a
/// new file gets the defaults: typed by hand, retrieved today, not verified.
fn source(cells: &mut Cells, today: &str) -> Vec<(&'static str, Cell)> {
    let layout = cells.layout;
    let mut source = Vec::new();
    let kind = match cells.one(Col::SourceKind) {
        Some(v) => cells
            .vocab(
                Col::SourceKind,
                SourceKind::ALL,
                SourceKind::id,
                SourceKind::label,
                &v,
            )
            .map_or(Cell::Empty, |k| Cell::Set(s(k.id()))),
        None => Cell::Default(s(SourceKind::ThuCong.id())),
    };
    source.push(("kind", kind));
    if layout.has(Col::SourceUrl) {
        source.push(("url", Cell::from(cells.url(Col::SourceUrl))));
    }
    let retrieved = cells.date(Col::RetrievedAt);
    source.push((
        "retrieved_at",
        retrieved.map_or_else(|| Cell::Default(s(today)), Cell::Set),
    ));
    let v = cells.one(Col::Verified).unwrap_or_default();
    let verified = match header_key(&v).as_str() {
        "" => Cell::Default(Value::Bool(false)),
        "khong" | "chua" | "false" | "0" | "chua doi chieu" => Cell::Set(Value::Bool(false)),
        "co" | "x" | "true" | "1" | "da doi chieu" | "roi" => Cell::Set(Value::Bool(true)),
        _ => {
            cells.error(
                "E038",
                Col::Verified,
                format!("không hiểu `{v}`"),
                "ghi `Có` nếu đã đối chiếu với Cơ sở dữ liệu quốc gia, `Không` nếu chưa".into(),
            );
            Cell::Empty
        }
    };
    source.push(("verified", verified));
    if layout.has(Col::VerifiedBy) {
        source.push(("verified_by", Cell::from(cells.text(Col::VerifiedBy))));
    }
    source
}

impl Cells<'_> {
    /// "Cấp thực hiện": one or more levels, by id or label.
    fn levels(&mut self) -> Option<Value> {
        let mut out = Vec::new();
        for v in items(self.raw(Col::Levels)) {
            if let Some(l) = self.vocab(Col::Levels, Level::ALL, Level::id, Level::label, &v) {
                out.push(s(l.id()));
            }
        }
        if out.is_empty() && self.raw(Col::Levels).is_empty() {
            self.error(
                "E038",
                Col::Levels,
                "thiếu cấp thực hiện".into(),
                "ví dụ `Cấp xã`".into(),
            );
        }
        (!out.is_empty()).then_some(Value::Sequence(out))
    }

    /// "Mức độ dịch vụ công trực tuyến", with the plain "Không" accepted.
    fn online_level(&mut self) -> Option<OnlineLevel> {
        let v = self.required(Col::Online, "mức độ dịch vụ công trực tuyến")?;
        let aliases = [
            ("khong", OnlineLevel::Khong),
            ("khong truc tuyen", OnlineLevel::Khong),
        ];
        aliases
            .iter()
            .find(|(a, _)| header_key(&v) == *a)
            .map(|(_, l)| *l)
            .or_else(|| {
                self.vocab(
                    Col::Online,
                    OnlineLevel::ALL,
                    OnlineLevel::id,
                    OnlineLevel::label,
                    &v,
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dossier_items_read_the_national_quantity_format() {
        let v = dossier_item("Tờ khai đăng ký khai sinh (Bản chính: 1 - Bản sao: 0)");
        let m = v.as_mapping().unwrap();
        assert_eq!(
            m.get("name").unwrap().as_str(),
            Some("Tờ khai đăng ký khai sinh")
        );
        assert_eq!(m.get("originals").unwrap().as_u64(), Some(1));
        assert_eq!(m.get("copies").unwrap().as_u64(), Some(0));
        let v = dossier_item("Giấy tờ tùy thân (xuất trình)");
        assert_eq!(
            v.as_mapping().unwrap().get("present_only"),
            Some(&Value::Bool(true))
        );
        // A parenthesis that is part of the name stays in the name.
        let v = dossier_item("Giấy chứng sinh (do cơ sở y tế cấp)");
        assert_eq!(
            v.as_mapping().unwrap().get("name").unwrap().as_str(),
            Some("Giấy chứng sinh (do cơ sở y tế cấp)")
        );
    }

    #[test]
    fn times_and_headers() {
        assert_eq!(
            parse_time("07 ngày làm việc"),
            Some((Some(7), "ngay_lam_viec"))
        );
        assert_eq!(parse_time("Trong ngày"), Some((None, "trong_ngay")));
        assert_eq!(parse_time("Ngay sau khi nhận đủ giấy tờ"), None);
        assert_eq!(
            header_key("Trực tiếp - Thời hạn giải quyết"),
            header_key("TRỰC TIẾP: thời hạn giải quyết")
        );
        assert_eq!(parse_date("05/02/2026").as_deref(), Some("2026-02-05"));
    }
}
