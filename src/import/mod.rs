//! `trangxa import thu-tuc FILE`: procedure records from a spreadsheet (CSV
//! or XLSX) into `content/thu-tuc/<code>.md`.
//!
//! Each row stands alone: a row with a problem writes nothing and the others
//! still go through. A record that already exists gets the fields the sheet
//! governs and keeps everything else — its hand-written body, and details the
//! sheet has no column for (form links, notes, FAQ). Files are replaced
//! atomically, so an interrupted import never leaves half a file. Every row is
//! checked the way `build` checks it, so an import never writes a file the
//! next build rejects.

pub mod columns;
pub mod sheet;

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde_yaml::{Mapping, Value};

use crate::config::SiteConfig;
use crate::content::{Procedure, front_matter};
use crate::diagnostics::{Diagnostic, Lang, closest};
use crate::vi;
use columns::{Cells, Col, Layout, Record};

/// Row problems the report lists before it only counts them.
pub const MAX_LISTED: usize = 50;

/// What happened to one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Created,
    Updated,
    Unchanged,
    Rejected,
}

impl Outcome {
    fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Outcome::Created, Lang::Vi) => "tạo mới",
            (Outcome::Updated, Lang::Vi) => "cập nhật",
            (Outcome::Unchanged, Lang::Vi) => "không đổi",
            (Outcome::Rejected, Lang::Vi) => "từ chối",
            (Outcome::Created, Lang::En) => "created",
            (Outcome::Updated, Lang::En) => "updated",
            (Outcome::Unchanged, Lang::En) => "unchanged",
            (Outcome::Rejected, Lang::En) => "rejected",
        }
    }
}

#[derive(Debug, Clone)]
pub struct RowReport {
    /// Spreadsheet row number.
    pub row: usize,
    pub code: Option<String>,
    pub title: Option<String>,
    /// The file written or compared, relative to the site root.
    pub path: Option<PathBuf>,
    pub outcome: Outcome,
    /// Why a row was rejected.
    pub problems: Vec<Diagnostic>,
}

/// The result of an import: one line per row, and warnings about the sheet.
#[derive(Debug, Clone)]
pub struct Report {
    pub file: PathBuf,
    pub sheet: Option<String>,
    pub rows: Vec<RowReport>,
    /// Blank rows between records, skipped.
    pub empty_rows: Vec<usize>,
    pub warnings: Vec<Diagnostic>,
}

impl Report {
    pub fn count(&self, outcome: Outcome) -> usize {
        self.rows.iter().filter(|r| r.outcome == outcome).count()
    }

    /// The report in `lang`, row problems included (the sheet's warnings
    /// are the caller's to print).
    pub fn display(&self, lang: Lang) -> Shown<'_> {
        Shown { report: self, lang }
    }
}

/// A report and the language to show it in.
pub struct Shown<'a> {
    report: &'a Report,
    lang: Lang,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.display(Lang::Vi).fmt(f)
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (lang, labels) = (self.lang, self.lang.labels());
        let en = lang == Lang::En;
        let report = self.report;
        let row = if en { "row" } else { "dòng" };
        if en {
            write!(f, "Importing procedures from {}", report.file.display())?;
        } else {
            write!(f, "Nhập thủ tục hành chính từ {}", report.file.display())?;
        }
        if let Some(s) = &report.sheet {
            if en {
                write!(f, " (sheet `{s}`)")?;
            } else {
                write!(f, " (trang tính `{s}`)")?;
            }
        }
        writeln!(f, ":")?;
        // A sheet with thousands of bad rows must not print thousands of
        // screens: the first problems are listed, the rest counted.
        let mut listed = 0;
        for r in &report.rows {
            write!(f, "  {:<10} {row} {:<4}", r.outcome.label(lang), r.row)?;
            if let Some(c) = &r.code {
                write!(f, " {c}")?;
            }
            if let Some(t) = &r.title {
                write!(f, " {t}")?;
            }
            if let Some(p) = r.path.as_ref().filter(|_| r.outcome != Outcome::Rejected) {
                write!(f, " → {}", p.display())?;
            }
            writeln!(f)?;
            for d in r.problems.iter().map(|d| d.localized(lang)) {
                listed += 1;
                if listed > MAX_LISTED {
                    continue;
                }
                writeln!(f, "      {}[{}]: {}", labels.error, d.code, d.message)?;
                if let Some(h) = &d.hint {
                    writeln!(f, "        {}: {h}", labels.hint)?;
                }
            }
        }
        for n in &report.empty_rows {
            if en {
                writeln!(f, "  {:<10} {row} {n:<4} (empty row)", "skipped")?;
            } else {
                writeln!(f, "  {:<10} {row} {n:<4} (dòng trống)", "bỏ qua")?;
            }
        }
        if listed > MAX_LISTED {
            let more = listed - MAX_LISTED;
            if en {
                writeln!(
                    f,
                    "  … and {more} more problems not listed; correct the ones above and import again to see the rest."
                )?;
            } else {
                writeln!(
                    f,
                    "  … và {more} lỗi khác không liệt kê; sửa các lỗi trên rồi nhập lại để xem tiếp."
                )?;
            }
        }
        let counts = [
            Outcome::Created,
            Outcome::Updated,
            Outcome::Unchanged,
            Outcome::Rejected,
        ]
        .map(|o| format!("{} {}", report.count(o), o.label(lang)))
        .join(", ");
        let rejected = report.count(Outcome::Rejected) > 0;
        if en {
            writeln!(f, "Result: {counts}.")?;
            if rejected {
                writeln!(
                    f,
                    "Rejected rows wrote nothing; correct the spreadsheet and import it again (rows already imported will show as unchanged)."
                )?;
            }
        } else {
            writeln!(f, "Kết quả: {counts}.")?;
            if rejected {
                writeln!(
                    f,
                    "Các dòng bị từ chối không ghi gì; sửa bảng tính rồi nhập lại (các dòng đã nhập sẽ báo không đổi)."
                )?;
            }
        }
        Ok(())
    }
}

/// Import `file` into the site at `root`. `today` dates records whose sheet
/// has no "Ngày lấy dữ liệu" column. Whole-file problems (unreadable file, a
/// missing column) return `Err` and write nothing.
pub fn procedures(
    root: &Path,
    file: &Path,
    today: chrono::NaiveDate,
) -> Result<Report, Vec<Diagnostic>> {
    let config = SiteConfig::load(root)?;
    let content_dir = root.join("content");
    if !content_dir.is_dir() {
        return Err(vec![
            Diagnostic::error(
                "E037",
                format!(
                    "không tìm thấy thư mục nội dung `{}`",
                    content_dir.display()
                ),
            )
            .hint(
                "chạy lệnh trong thư mục của trang (nơi có site.yaml), hoặc dùng `--root THƯ_MỤC`",
            ),
        ]);
    }
    let sheet = sheet::read(file).map_err(|d| vec![d])?;
    let (layout, warnings) = Layout::new(&sheet, file)?;
    let units = known_units(root);
    let existing = existing_files(&content_dir.join("thu-tuc"));
    let today = today.format("%Y-%m-%d").to_string();

    let mut report = Report {
        file: file.to_path_buf(),
        sheet: sheet.name.clone(),
        rows: Vec::new(),
        empty_rows: Vec::new(),
        warnings,
    };
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for row in &sheet.rows {
        if row.is_empty() {
            report.empty_rows.push(row.number);
            continue;
        }
        let mut cells = Cells::new(&layout, row, file);
        let record = columns::record(&mut cells, &today);
        if let Some(rec) = &record {
            check_site(&mut cells, rec, &config, &units, &seen, &layout);
        }
        let mut out = RowReport {
            row: row.number,
            code: record.as_ref().map(|r| r.code.clone()),
            title: record.as_ref().map(|r| r.title.clone()),
            path: None,
            outcome: Outcome::Rejected,
            problems: Vec::new(),
        };
        match record {
            Some(rec) if cells.errors.is_empty() => {
                seen.insert(rec.code.clone(), row.number);
                let rel = existing
                    .get(&rec.code)
                    .cloned()
                    .unwrap_or_else(|| PathBuf::from(format!("content/thu-tuc/{}.md", rec.code)));
                match apply(root, &rel, &rec, &today) {
                    Ok(o) => out.outcome = o,
                    Err(d) => out.problems = d,
                }
                out.path = Some(rel);
            }
            _ => out.problems = cells.errors,
        }
        report.rows.push(out);
    }
    Ok(report)
}

/// Checks that need the site: the field and units exist, no code twice.
fn check_site(
    cells: &mut Cells,
    rec: &Record,
    config: &SiteConfig,
    units: &HashSet<String>,
    seen: &BTreeMap<String, usize>,
    layout: &Layout,
) {
    if let Some(first) = seen.get(&rec.code) {
        cells.error(
            "E038",
            Col::Code,
            format!("mã thủ tục `{}` đã có ở dòng {first}", rec.code),
            "mỗi thủ tục chỉ ghi một dòng; xóa dòng trùng hoặc sửa mã bị chép nhầm".into(),
        );
    }
    let value = |key: &str| {
        rec.fields
            .iter()
            .find(|(k, _)| *k == key)
            .and_then(|(_, v)| v.clone())
    };
    if let Some(Value::String(field)) = value("field") {
        let folded = vi::fold(&field);
        if !config
            .procedure_fields
            .iter()
            .any(|f| vi::fold(f) == folded)
        {
            let hint = match closest(&field, config.procedure_fields.iter().map(String::as_str)) {
                Some(c) => format!("có phải bạn muốn viết `{c}`?"),
                None => format!(
                    "các lĩnh vực: {}; thêm lĩnh vực mới vào `procedure_fields` trong site.yaml",
                    config.procedure_fields.join("; ")
                ),
            };
            cells.error(
                "E038",
                Col::Field,
                format!("không có lĩnh vực `{field}` trong danh mục thủ tục"),
                hint,
            );
        }
    }
    if layout.has(Col::Units)
        && let Some(Value::Sequence(list)) = value("units")
    {
        for u in list.iter().filter_map(Value::as_str) {
            if !units.contains(&vi::fold(u)) {
                cells.error(
                    "E038",
                    Col::Units,
                    format!("không có đơn vị `{u}`"),
                    "ghi mã đơn vị (tên tệp trong content/don-vi/), tên hoặc tên gọi khác của đơn vị".into(),
                );
            }
        }
    }
}

/// Ids, names and aliases of the site's units, folded.
fn known_units(root: &Path) -> HashSet<String> {
    let (content, _) = crate::content::load(root);
    content
        .units
        .iter()
        .flat_map(|u| {
            let m = &u.meta;
            std::iter::once(&m.id)
                .chain(std::iter::once(&m.name))
                .chain(m.short_name.iter())
                .chain(m.aliases.iter())
                .map(|s| vi::fold(s))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Procedure files already on disk, by code (file names are codes).
fn existing_files(dir: &Path) -> BTreeMap<String, PathBuf> {
    let root = dir.parent().and_then(Path::parent).unwrap_or(dir);
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .filter_map(|e| {
            let code = e.path().file_stem()?.to_string_lossy().to_string();
            let rel = e.path().strip_prefix(root).ok()?.to_path_buf();
            Some((code, rel))
        })
        .collect()
}

fn key(k: &str) -> Value {
    Value::String(k.to_string())
}

/// Keys of list entries that the sheet governs; the rest (a form link, a
/// note, an amount) are carried over from the matching old entry.
fn carry(
    new: &mut Value,
    old: &Value,
    id: &str,
    owned: &[&str],
    inner: Option<(&str, &str, &[&str])>,
) {
    let (Some(new), Some(old)) = (new.as_sequence_mut(), old.as_sequence()) else {
        return;
    };
    for n in new.iter_mut() {
        let Some(nm) = n.as_mapping_mut() else {
            continue;
        };
        let Some(om) = old
            .iter()
            .filter_map(Value::as_mapping)
            .find(|o| o.get(id) == nm.get(id))
        else {
            continue;
        };
        if let Some((list, inner_id, inner_owned)) = inner
            && let (Some(nl), Some(ol)) = (nm.get_mut(list), om.get(list))
        {
            carry(nl, ol, inner_id, inner_owned, None);
        }
        for (k, v) in om {
            let governed = k.as_str().is_some_and(|k| owned.contains(&k));
            if !governed && !nm.contains_key(k) {
                nm.insert(k.clone(), v.clone());
            }
        }
    }
}

/// The record's front matter: the old one with the governed fields replaced.
fn merge(old: Option<&Mapping>, rec: &Record, today: &str) -> Mapping {
    let mut m = old.cloned().unwrap_or_default();
    for (k, v) in &rec.fields {
        match v {
            Some(v) => {
                let mut v = v.clone();
                if let Some(o) = m.get(*k) {
                    match *k {
                        "channels" => carry(
                            &mut v,
                            o,
                            "method",
                            &["method", "processing_time", "fees"],
                            Some(("fees", "text", &["kind", "text", "exemptions"])),
                        ),
                        "dossier" => carry(
                            &mut v,
                            o,
                            "case",
                            &["case", "items", "sets"],
                            Some((
                                "items",
                                "name",
                                &["name", "originals", "copies", "present_only", "optional"],
                            )),
                        ),
                        "legal_basis" | "decisions" => carry(
                            &mut v,
                            o,
                            "number",
                            &["number", "title", "issued_date", "issuer"],
                            None,
                        ),
                        _ => {}
                    }
                }
                m.insert(key(k), v);
            }
            None => {
                m.shift_remove(*k);
            }
        }
    }
    let mut source = match m.get("source") {
        Some(Value::Mapping(s)) => s.clone(),
        _ => Mapping::new(),
    };
    for (k, v) in &rec.source {
        match v {
            Some(v) => {
                source.insert(key(k), v.clone());
            }
            None => {
                source.shift_remove(*k);
            }
        }
    }
    for (k, default) in [
        ("kind", Value::String("thu_cong".into())),
        ("retrieved_at", Value::String(today.into())),
        ("verified", Value::Bool(false)),
    ] {
        if !source.contains_key(k) {
            source.insert(key(k), default);
        }
    }
    m.insert(key("source"), Value::Mapping(source));
    m
}

/// Write one record: compare, check like `build`, replace atomically.
fn apply(root: &Path, rel: &Path, rec: &Record, today: &str) -> Result<Outcome, Vec<Diagnostic>> {
    let path = root.join(rel);
    let fail = |msg: String, hint: &str| {
        vec![
            Diagnostic::error("E037", msg)
                .in_file(rel)
                .hint(hint.to_string()),
        ]
    };
    let old_text = match std::fs::read_to_string(&path) {
        Ok(t) => Some(vi::nfc(&t)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            return Err(fail(
                format!("không đọc được tệp hiện có: {e}"),
                "kiểm tra quyền đọc tệp",
            ));
        }
    };
    let (old, body) = match &old_text {
        Some(t) => {
            let doc = front_matter::split(t).map_err(|d| vec![d.in_file(rel)])?;
            let yaml = if doc.yaml.trim().is_empty() {
                "{}"
            } else {
                doc.yaml
            };
            let old: Mapping = serde_yaml::from_str(yaml).map_err(|e| {
                fail(
                    format!("tệp hiện có viết sai nên không cập nhật được: {e}"),
                    "sửa tệp (chạy `trangxa check` để xem lỗi) rồi nhập lại",
                )
            })?;
            (Some(old), doc.body.to_string())
        }
        None => (None, String::new()),
    };
    let merged = merge(old.as_ref(), rec, today);
    if old.as_ref() == Some(&merged) {
        return Ok(Outcome::Unchanged);
    }
    let yaml = serde_yaml::to_string(&Value::Mapping(merged)).map_err(|e| {
        fail(
            format!("không tạo được phần thông tin: {e}"),
            "báo lỗi này cho người phát triển",
        )
    })?;
    let text = format!("---\n{yaml}---\n{body}");
    // The same checks as `build`: a written file always loads.
    let doc = front_matter::split(&text).map_err(|d| vec![d.in_file(rel)])?;
    let problems: Vec<Diagnostic> = match doc.parse::<Procedure>() {
        Ok(p) => p
            .validate(&doc, &rec.code)
            .into_iter()
            .filter(Diagnostic::is_error)
            .collect(),
        Err(d) => vec![d],
    };
    if !problems.is_empty() {
        return Err(problems.into_iter().map(|d| d.in_file(rel)).collect());
    }
    write_atomic(&path, &text).map_err(|e| {
        fail(
            format!("không ghi được tệp: {e}"),
            "kiểm tra quyền ghi thư mục content/thu-tuc/",
        )
    })?;
    Ok(if old.is_some() {
        Outcome::Updated
    } else {
        Outcome::Created
    })
}

/// Write through a temporary file in the same folder and rename it into
/// place: readers see the old file or the new one, never half of one. The
/// temporary name starts with `.` so the loader skips a leftover.
fn write_atomic(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
