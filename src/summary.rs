//! The sentences commands print about how a run went (counts, times, what to
//! do next), in the language of `--lang`.
//!
//! Problems are `Diagnostic`s, written in Vietnamese and translated by the
//! template table (`diagnostics::en`). These sentences are different: they
//! carry counts that English puts in the plural and numbers that the two
//! languages write differently (1.234,5 against 1,234.5), which a template
//! cannot do, so each one is written out in both languages here.

use std::path::Path;
use std::time::Duration;

use crate::diagnostics::{Diagnostic, Lang, Severity};

/// The counts of a successful run, for `json`.
#[derive(Debug, Clone, Copy)]
pub struct Counts {
    pub pages: usize,
    pub files: usize,
    pub elapsed: Duration,
}

/// A run as JSON, for editors, CI and `serve`'s status endpoint: `build
/// --format json` and `/__trangxa/status` both print this, so a tool reads
/// one shape. `counts` is `None` for a run that failed; the diagnostics are
/// in `lang`.
pub fn json(
    ok: bool,
    counts: Option<Counts>,
    diags: &[Diagnostic],
    lang: Lang,
) -> serde_json::Value {
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let localized: Vec<Diagnostic> = diags.iter().map(|d| d.localized(lang)).collect();
    serde_json::json!({
        "ok": ok,
        "errors": errors,
        "warnings": diags.len() - errors,
        "pages": counts.map(|c| c.pages),
        "files": counts.map(|c| c.files),
        "elapsed_ms": counts.map(|c| c.elapsed.as_millis() as u64),
        "diagnostics": localized,
    })
}

/// A whole number with the thousands separator of `lang`.
pub fn number(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Vi => crate::vi::number(n),
        Lang::En => crate::vi::number(n).replace('.', ","),
    }
}

/// A duration in seconds, two decimals, with the decimal mark of `lang`.
pub fn seconds(d: Duration, lang: Lang) -> String {
    decimal(format!("{:.2}", d.as_secs_f64()), lang)
}

/// A duration in milliseconds, one decimal, with the decimal mark of `lang`.
pub fn millis(d: Duration, lang: Lang) -> String {
    decimal(format!("{:.1}", d.as_secs_f64() * 1000.0), lang)
}

fn decimal(s: String, lang: Lang) -> String {
    match lang {
        Lang::Vi => s.replace('.', ","),
        Lang::En => s,
    }
}

/// "1 warning", "2 warnings" (in Vietnamese the noun does not change).
fn plural(n: usize, noun: &str) -> String {
    match n {
        1 => format!("1 {noun}"),
        _ => format!("{} {noun}s", number(n, Lang::En)),
    }
}

/// `build` succeeded.
pub fn built(
    lang: Lang,
    pages: usize,
    files: usize,
    output: &str,
    elapsed: Duration,
    warnings: usize,
) -> String {
    let time = seconds(elapsed, lang);
    match lang {
        Lang::Vi => format!(
            "Đã xây dựng {} trang ({} tệp) vào {output}/ trong {time} giây; {warnings} cảnh báo.",
            number(pages, lang),
            number(files, lang),
        ),
        Lang::En => format!(
            "Built {} ({}) into {output}/ in {time} s; {}.",
            plural(pages, "page"),
            plural(files, "file"),
            plural(warnings, "warning")
        ),
    }
}

/// `check` found no errors.
pub fn checked(lang: Lang, pages: usize, warnings: usize, elapsed: Duration) -> String {
    let time = seconds(elapsed, lang);
    match lang {
        Lang::Vi => format!(
            "Kiểm tra xong: {} trang hợp lệ, không có lỗi; {warnings} cảnh báo ({time} giây).",
            number(pages, lang)
        ),
        Lang::En => format!(
            "Check complete: {}, no errors; {} ({time} s).",
            plural(pages, "valid page"),
            plural(warnings, "warning")
        ),
    }
}

/// `build` (`building`) or `check` stopped on errors.
pub fn failed(lang: Lang, building: bool, errors: usize, warnings: usize) -> String {
    match (lang, building) {
        (Lang::Vi, true) => format!(
            "Không xây dựng được trang; thư mục xuất bản cũ được giữ nguyên: {errors} lỗi, {warnings} cảnh báo."
        ),
        (Lang::Vi, false) => format!("Kiểm tra thấy lỗi: {errors} lỗi, {warnings} cảnh báo."),
        (Lang::En, true) => format!(
            "The site was not built; the previous output folder is left as it was: {}, {}.",
            plural(errors, "error"),
            plural(warnings, "warning")
        ),
        (Lang::En, false) => format!(
            "The check found errors: {}, {}.",
            plural(errors, "error"),
            plural(warnings, "warning")
        ),
    }
}

/// `import` refused the whole sheet.
pub fn import_failed(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "Không nhập được bảng tính; không có tệp nào được ghi.",
        Lang::En => "The spreadsheet was not imported; no file was written.",
    }
}

/// `report` could not be made.
pub fn report_failed(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "Không lập được báo cáo.",
        Lang::En => "The report was not made.",
    }
}

/// `trangxa new hoat-dong`: an offline activity has no draft status; it
/// counts once it names its plan activities.
pub fn created_event(lang: Lang, path: &Path) -> String {
    let path = path.display();
    match lang {
        Lang::Vi => format!(
            "Đã tạo {path}. Mở tệp, điền thông tin và `plan_activities` để hoạt động được tính trong báo cáo."
        ),
        Lang::En => format!(
            "Created {path}. Open the file and fill in the fields and `plan_activities` so the report counts the activity."
        ),
    }
}

/// `trangxa report --output`: where the file went.
/// A Word file has passages to fill in before it is signed.
pub fn report_written(lang: Lang, path: &Path, to_sign: bool) -> String {
    let path = path.display();
    match (lang, to_sign) {
        (Lang::Vi, true) => format!(
            "Đã ghi báo cáo vào {path}. Mở tệp, điền các đoạn trong ngoặc vuông, rồi trình ký."
        ),
        (Lang::Vi, false) => format!("Đã ghi báo cáo vào {path}."),
        (Lang::En, true) => format!(
            "Wrote the report to {path}. Open it, fill in the bracketed passages, then send it for signature."
        ),
        (Lang::En, false) => format!("Wrote the report to {path}."),
    }
}

/// `new` wrote a file.
pub fn created(lang: Lang, path: &Path, draft: bool) -> String {
    let path = path.display();
    match (lang, draft) {
        (Lang::Vi, true) => format!(
            "Đã tạo {path}. Mở tệp, điền thông tin, rồi đổi `status: draft` thành `status: published` để đăng."
        ),
        (Lang::En, true) => format!(
            "Created {path}. Open the file, fill in the fields, then change `status: draft` to `status: published` to publish it."
        ),
        (Lang::Vi, false) => {
            format!("Đã tạo {path}. Mở tệp và điền thông tin; trang được đăng ở lần dựng tới.")
        }
        (Lang::En, false) => format!(
            "Created {path}. Open the file and fill in the fields; it is published at the next build."
        ),
    }
}

/// `build` waits for another build into the same output folder.
pub fn waiting(lang: Lang, output: &Path) -> String {
    let output = output.display();
    match lang {
        Lang::Vi => format!(
            "Đang chờ một lần dựng trang khác ghi xong vào {output} (hai lần dựng không ghi cùng lúc)…"
        ),
        Lang::En => format!(
            "Waiting for another build to finish writing {output} (two builds never write at once)…"
        ),
    }
}

/// `serve` is up.
pub fn serving(lang: Lang, url: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "Đang phục vụ tại {url}\nTrang tự dựng lại khi tệp thay đổi. Nhấn Ctrl+C để dừng."
        ),
        Lang::En => format!(
            "Serving at {url}\nThe site is rebuilt when a file changes. Press Ctrl+C to stop."
        ),
    }
}

/// Where the browser editor of `serve` is.
pub fn editor_at(lang: Lang, url: &str) -> String {
    match lang {
        Lang::Vi => format!("Viết và sửa bài trên trình duyệt: {url}"),
        Lang::En => format!("Write and edit content in the browser: {url}"),
    }
}

/// What triggered a rebuild: nothing (the first build) or the changed files.
pub fn changes(lang: Lang, changed: &[String]) -> String {
    match (changed, lang) {
        ([], Lang::Vi) => "Dựng lần đầu".to_string(),
        ([], Lang::En) => "First build".to_string(),
        ([one], _) => one.clone(),
        ([a, b], _) => format!("{a}, {b}"),
        ([a, rest @ ..], Lang::Vi) => format!("{a} và {} tệp khác", rest.len()),
        ([a, rest @ ..], Lang::En) => format!("{a} and {}", plural(rest.len(), "other file")),
    }
}

/// A full (first) build in `serve`.
pub fn served_build(
    lang: Lang,
    clock: &str,
    files: usize,
    items: usize,
    took: Duration,
    warnings: usize,
) -> String {
    let ms = millis(took, lang);
    match lang {
        Lang::Vi => format!(
            "[{clock}] Đã dựng {} tệp ({} mục) trong {ms} ms; {warnings} cảnh báo.",
            number(files, lang),
            number(items, lang)
        ),
        Lang::En => format!(
            "[{clock}] Built {} ({}) in {ms} ms; {}.",
            plural(files, "file"),
            plural(items, "item"),
            plural(warnings, "warning")
        ),
    }
}

/// The search index, built after the pages of a rebuild in `serve`.
pub fn search_refreshed(lang: Lang, clock: &str, files: usize, took: Duration) -> String {
    let ms = millis(took, lang);
    match lang {
        Lang::Vi => format!(
            "[{clock}] Đã cập nhật chỉ mục tìm kiếm ({} tệp đổi) trong {ms} ms.",
            number(files, lang)
        ),
        Lang::En => format!(
            "[{clock}] Updated the search index ({} changed) in {ms} ms.",
            plural(files, "file")
        ),
    }
}

/// What an incremental rebuild in `serve` did.
pub struct Rebuilt<'a> {
    pub clock: &'a str,
    /// What triggered it (`changes`).
    pub what: &'a str,
    pub rendered: usize,
    pub items: usize,
    pub took: Duration,
    /// Output paths written, sorted.
    pub written: &'a [&'a str],
    pub removed: usize,
    pub css_only: bool,
}

pub fn rebuilt(lang: Lang, r: &Rebuilt) -> String {
    let ms = millis(r.took, lang);
    let shown = match (r.written.len(), lang) {
        (0, _) => String::new(),
        (1..=6, _) => format!(": {}", r.written.join(", ")),
        (n, Lang::Vi) => format!(": {}, … và {} tệp khác", r.written[..5].join(", "), n - 5),
        (n, Lang::En) => format!(
            ": {}, … and {}",
            r.written[..5].join(", "),
            plural(n - 5, "other file")
        ),
    };
    let (clock, what) = (r.clock, r.what);
    match lang {
        Lang::Vi => format!(
            "[{clock}] {what} → dựng lại {}/{} mục trong {ms} ms; {} tệp thay đổi, {} tệp bỏ{}{shown}",
            r.rendered,
            number(r.items, lang),
            r.written.len(),
            r.removed,
            if r.css_only {
                " (chỉ đổi CSS: trình duyệt thay bảng kiểu, không tải lại)"
            } else {
                ""
            },
        ),
        Lang::En => format!(
            "[{clock}] {what} → rebuilt {}/{} items in {ms} ms; {} changed, {} removed{}{shown}",
            r.rendered,
            number(r.items, lang),
            plural(r.written.len(), "file"),
            plural(r.removed, "file"),
            if r.css_only {
                " (CSS only: the browser swaps the stylesheet without reloading)"
            } else {
                ""
            },
        ),
    }
}

/// A rebuild in `serve` failed; the last good build stays served.
pub fn serve_failed(lang: Lang, clock: &str, what: &str, errors: usize) -> String {
    match lang {
        Lang::Vi => format!(
            "[{clock}] {what} → {errors} lỗi; vẫn phục vụ bản dựng tốt gần nhất. Sửa tệp và lưu lại để dựng lại."
        ),
        Lang::En => format!(
            "[{clock}] {what} → {}; still serving the last good build. Correct the file and save it to rebuild.",
            plural(errors, "error")
        ),
    }
}

/// The headline of the error overlay in the browser.
pub fn overlay(lang: Lang, errors: usize) -> String {
    match lang {
        Lang::Vi => format!(
            "Không dựng lại được trang: {errors} lỗi. Trình duyệt đang hiển thị bản dựng tốt gần nhất; sửa tệp và lưu lại, trang sẽ tự cập nhật."
        ),
        Lang::En => format!(
            "The site could not be rebuilt: {}. The browser shows the last good build; correct the file and save it, and the page updates itself.",
            plural(errors, "error")
        ),
    }
}

/// The fold of the error overlay that holds the warnings.
pub fn overlay_warnings(lang: Lang, warnings: usize) -> String {
    match lang {
        Lang::Vi => format!("{warnings} cảnh báo (bấm để xem)"),
        Lang::En => format!("{} (select to show)", plural(warnings, "warning")),
    }
}

/// The file watcher reported a problem (the server keeps running).
pub fn watch_failed(lang: Lang, msg: &str) -> String {
    match lang {
        Lang::Vi => format!("Lỗi theo dõi thay đổi: {msg}"),
        Lang::En => format!("Error while watching for changes: {msg}"),
    }
}

/// `serve --open` could not start a browser.
pub fn browser_failed(lang: Lang, error: &str, url: &str) -> String {
    match lang {
        Lang::Vi => format!("Không mở được trình duyệt ({error}); hãy mở {url}"),
        Lang::En => format!("Could not open a browser ({error}); open {url}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_plurals_follow_the_language() {
        let t = Duration::from_millis(1234);
        assert_eq!(
            built(Lang::Vi, 1234, 1, "public", t, 0),
            "Đã xây dựng 1.234 trang (1 tệp) vào public/ trong 1,23 giây; 0 cảnh báo."
        );
        assert_eq!(
            built(Lang::En, 1234, 1, "public", t, 0),
            "Built 1,234 pages (1 file) into public/ in 1.23 s; 0 warnings."
        );
        assert_eq!(
            failed(Lang::En, false, 1, 2),
            "The check found errors: 1 error, 2 warnings."
        );
        let files = ["a".to_string(), "b".into(), "c".into()];
        assert_eq!(changes(Lang::En, &files), "a and 2 other files");
        assert_eq!(changes(Lang::Vi, &files), "a và 2 tệp khác");
    }
}
