//! `trangxa import thu-tuc FILE`: procedure records from a spreadsheet (CSV
//! or XLSX) into `content/thu-tuc/<code>.md`.
//!
//! Each row stands alone: a row with a problem writes nothing and the others
//! still go through. A record that already exists gets only what the sheet
//! has columns for (see `merge`): its body, comments, hand-added details and
//! every field without a column stay, and a blank cell never deletes a value
//! unless `--allow-removal` is given. `--dry-run` lists the field-level
//! changes and writes nothing. Changed files are rewritten entry by entry
//! (see `rewrite`) and replaced atomically, so an interrupted import never
//! leaves half a file. Every row is checked the way `build` checks it, so an
//! import never writes a file the next build rejects.

pub mod columns;
mod merge;
mod rewrite;
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
use columns::{Cell, Cells, Col, Layout, Record};
pub use merge::Change;

/// How to import.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Report what would change, write nothing.
    pub dry_run: bool,
    /// Let a blank cell delete the value in the file.
    pub allow_removal: bool,
}

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
    /// The field-level changes made (or, in a dry run, to be made).
    pub changes: Vec<Change>,
    /// Fields left as the file has them because their cell is blank.
    pub kept: Vec<String>,
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
    pub dry_run: bool,
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
            if report.dry_run {
                for c in &r.changes {
                    show_change(f, c, en)?;
                }
            }
            for path in &r.kept {
                if en {
                    writeln!(
                        f,
                        "      kept {path}: the cell is empty but the file has a value (use --allow-removal to delete it)"
                    )?;
                } else {
                    writeln!(
                        f,
                        "      giữ nguyên {path}: ô trống nhưng tệp đang có giá trị (muốn xóa thì thêm --allow-removal)"
                    )?;
                }
            }
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
        if report.dry_run {
            if en {
                writeln!(f, "Dry run: no file was written.")?;
            } else {
                writeln!(f, "Chạy thử (--dry-run): chưa ghi tệp nào.")?;
            }
        }
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

/// One line of a dry run: `~ path: before → after`, `+ path: value`, `- path: value`.
fn show_change(f: &mut fmt::Formatter<'_>, c: &Change, en: bool) -> fmt::Result {
    let none = if en { "(none)" } else { "(trống)" };
    match (&c.before, &c.after) {
        (Some(b), Some(a)) => {
            let (b, a) = around_difference(b, a);
            writeln!(f, "      ~ {}: {b} → {a}", c.path)
        }
        (None, Some(a)) => writeln!(f, "      + {}: {}", c.path, cut(a, 0)),
        (Some(b), None) => writeln!(f, "      - {}: {} → {none}", c.path, cut(b, 0)),
        (None, None) => Ok(()),
    }
}

/// At most 80 characters of `s` from character `from`, with `…` where cut.
fn cut(s: &str, from: usize) -> String {
    const WIDTH: usize = 80;
    let chars: Vec<char> = s.chars().collect();
    let mut out: String = chars.iter().skip(from).take(WIDTH).collect();
    if from > 0 {
        out.insert(0, '…');
    }
    if chars.len() > from + WIDTH {
        out.push('…');
    }
    out
}

/// Two long texts shown from a little before where they first differ, so a
/// changed word late in a paragraph is visible.
fn around_difference(before: &str, after: &str) -> (String, String) {
    let same = before
        .chars()
        .zip(after.chars())
        .take_while(|(x, y)| x == y)
        .count();
    let from = same.saturating_sub(20);
    let from = if from < 30 { 0 } else { from };
    (cut(before, from), cut(after, from))
}

/// Import `file` into the site at `root`. `today` dates records whose sheet
/// has no "Ngày lấy dữ liệu" column. Whole-file problems (unreadable file, a
/// missing column) return `Err` and write nothing.
pub fn procedures(
    root: &Path,
    file: &Path,
    today: chrono::NaiveDate,
    opts: Options,
) -> Result<Report, Vec<Diagnostic>> {
    let config = SiteConfig::load(root)?;
    let content_dir = root.join("content");
    if let Some(d) = crate::content::missing_folder(root) {
        return Err(vec![d]);
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
        dry_run: opts.dry_run,
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
            changes: Vec::new(),
            kept: Vec::new(),
        };
        match record {
            Some(rec) if cells.errors.is_empty() => {
                seen.insert(rec.code.clone(), row.number);
                let rel = existing
                    .get(&rec.code)
                    .cloned()
                    .unwrap_or_else(|| PathBuf::from(format!("content/thu-tuc/{}.md", rec.code)));
                match apply(root, &rel, &rec, &opts) {
                    Ok(a) => {
                        out.outcome = a.outcome;
                        out.changes = a.changes;
                        out.kept = a.kept;
                    }
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
        rec.fields.iter().find_map(|(k, v)| match v {
            Cell::Set(v) if *k == key => Some(v.clone()),
            _ => None,
        })
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

/// What `apply` did or, in a dry run, would do.
struct Applied {
    outcome: Outcome,
    changes: Vec<Change>,
    kept: Vec<String>,
}

/// Write one record: merge, compare, check like `build`, replace atomically.
fn apply(
    root: &Path,
    rel: &Path,
    rec: &Record,
    opts: &Options,
) -> Result<Applied, Vec<Diagnostic>> {
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
    let old = match &old_text {
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
            Some((old, doc))
        }
        None => None,
    };
    let merged = merge::merge(old.as_ref().map(|(m, _)| m), rec, opts.allow_removal);
    let kept = merged.kept;
    let new = merged.front_matter;
    // A new file is all additions: the dry run lists changes to existing ones.
    let changes = match &old {
        Some((m, _)) => merge::changes(m, &new),
        None => Vec::new(),
    };
    if old.as_ref().is_some_and(|(m, _)| *m == new) {
        return Ok(Applied {
            outcome: Outcome::Unchanged,
            changes,
            kept,
        });
    }
    let serialize = |m: &Mapping| {
        serde_yaml::to_string(&Value::Mapping(m.clone())).map_err(|e| {
            fail(
                format!("không tạo được phần thông tin: {e}"),
                "báo lỗi này cho người phát triển",
            )
        })
    };
    let text = match &old {
        Some((old_map, doc)) => {
            let yaml = match rewrite::rewrite(doc.yaml, old_map, &new) {
                Some(y) => y,
                // A layout the rewriter cannot follow: the whole mapping,
                // with the file's comments kept above it.
                None => {
                    let mut y: String = rewrite::all_comments(doc.yaml)
                        .into_iter()
                        .map(|c| c + "\n")
                        .collect();
                    y.push_str(&serialize(&new)?);
                    y
                }
            };
            let start = doc.yaml.as_ptr() as usize - doc.text.as_ptr() as usize;
            let end = start + doc.yaml.len();
            format!("{}{yaml}{}", &doc.text[..start], &doc.text[end..])
        }
        None => format!("---\n{}---\n", serialize(&new)?),
    };
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
    if !opts.dry_run {
        write_atomic(&path, &text).map_err(|e| {
            fail(
                format!("không ghi được tệp: {e}"),
                "kiểm tra quyền ghi thư mục content/thu-tuc/",
            )
        })?;
    }
    let outcome = if old.is_some() {
        Outcome::Updated
    } else {
        Outcome::Created
    };
    Ok(Applied {
        outcome,
        changes,
        kept,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_late_difference_in_a_long_text_is_shown() {
        let before = format!(
            "{} cũ",
            "Bước 4: Chủ tịch Ủy ban nhân dân xã cấp Giấy khai sinh ".repeat(2)
        );
        let after = before.replace(" cũ", " mới");
        let (b, a) = around_difference(&before, &after);
        assert!(b.starts_with('…') && b.ends_with(" cũ"), "{b}");
        assert!(a.ends_with(" mới"), "{a}");
        assert_eq!(
            around_difference("3 ngày", "5 ngày"),
            ("3 ngày".into(), "5 ngày".into())
        );
    }
}
