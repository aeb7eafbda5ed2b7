//! What `trangxa report` needs beyond the model: the period the command line
//! asks for, the reports of the plans it names, and writing a file without
//! losing one the officer edited.

use chrono::NaiveDate;

use super::{Period, Quarter, Report, build, period, plans_to_report, today, window_of};
use crate::site::Site;
use crate::vocab::ReportWindow;

/// What `trangxa report` was asked for: which period.
#[derive(Debug, Clone, Default)]
pub struct PeriodArgs {
    pub quarter: Option<String>,
    pub half: Option<String>,
    pub year: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// The period the command line asks for under a plan's window (the running
/// quarter when it asks for none).
pub fn resolve_period(
    args: &PeriodArgs,
    window: ReportWindow,
    today: NaiveDate,
) -> Result<Period, crate::diagnostics::Diagnostic> {
    use crate::diagnostics::Diagnostic;
    let bad = |s: &str, hint: &'static str| {
        Diagnostic::error("E089", format!("kỳ báo cáo `{s}` không hợp lệ")).hint(hint)
    };
    if let Some(s) = &args.quarter {
        return period::parse_quarter(s, window)
            .ok_or_else(|| bad(s, "viết dạng `2026-Q2` (năm, `-Q`, quý 1–4)"));
    }
    if let Some(s) = &args.half {
        return period::parse_half(s, window).ok_or_else(|| {
            bad(
                s,
                "viết `--half 2026-H1` (6 tháng đầu năm) hoặc `--half 2026-H2` (6 tháng cuối năm)",
            )
        });
    }
    if let Some(s) = &args.year {
        return s
            .trim()
            .parse()
            .ok()
            .and_then(|y| Period::year(y, window))
            .ok_or_else(|| bad(s, "viết năm, ví dụ `--year 2026`"));
    }
    if args.from.is_some() || args.to.is_some() {
        let day = |s: &Option<String>| -> Result<NaiveDate, Diagnostic> {
            let s = s.as_deref().unwrap_or("");
            period::parse_day(s).ok_or_else(|| {
                bad(
                    s,
                    "dùng cả `--from` và `--to`, mỗi ngày viết dạng `2026-07-01` hoặc `01/07/2026`",
                )
            })
        };
        let (from, to) = (day(&args.from)?, day(&args.to)?);
        return Period::range(from, to).ok_or_else(|| {
            Diagnostic::error(
                "E163",
                format!(
                    "ngày bắt đầu {} sau ngày kết thúc {}",
                    from.format("%d/%m/%Y"),
                    to.format("%d/%m/%Y")
                ),
            )
            .hint("đổi chỗ `--from` và `--to`")
        });
    }
    let q = Quarter::containing(today, window).ok_or_else(|| {
        Diagnostic::error("E089", "không xác định được quý hiện tại")
            .hint("ghi rõ `--quarter 2026-Q2`")
    })?;
    Period::quarter(q.year, q.q, window).ok_or_else(|| {
        Diagnostic::error("E089", "không xác định được quý hiện tại")
            .hint("ghi rõ `--quarter 2026-Q2`")
    })
}

/// The reports `trangxa report` prints: every reporting plan (or the one asked
/// for) over the period asked for.
pub fn reports(
    site: &Site,
    plan: Option<&str>,
    args: &PeriodArgs,
) -> Result<Vec<Report>, crate::diagnostics::Diagnostic> {
    use crate::diagnostics::{Diagnostic, closest};
    let plans = plans_to_report(site, plan);
    if plans.is_empty() {
        let keys: Vec<&str> = site.plans.iter().map(|p| p.key.as_str()).collect();
        let problem = match plan {
            Some(k) => Diagnostic::error("E088", format!("không có kế hoạch `{k}`")),
            None => Diagnostic::error(
                "E088",
                "chưa có kế hoạch nào có chế độ báo cáo (`reporting`) trong content/ke-hoach/",
            ),
        };
        let hint = match plan.and_then(|k| closest(k, keys.iter().copied())) {
            Some(c) => format!("có phải bạn muốn viết `--plan {c}`?"),
            None if keys.is_empty() => {
                "thêm kế hoạch vào content/ke-hoach/<năm>/ với `reporting: {cadence: hang_quy}`"
                    .into()
            }
            None => format!("các kế hoạch: {}", keys.join(", ")),
        };
        return Err(problem.hint(hint));
    }
    plans
        .into_iter()
        .map(|p| {
            let period = resolve_period(args, window_of(site, p), today(site))?;
            Ok(build(site, p, &period))
        })
        .collect()
}

/// Write an exported report to `path`, atomically, never over an existing
/// file unless `force`: the officer may have filled in the narrative of last
/// run's Word file, and losing that is worse than asking for another name.
pub fn save(
    path: &std::path::Path,
    bytes: &[u8],
    force: bool,
) -> Result<(), crate::diagnostics::Diagnostic> {
    use crate::diagnostics::Diagnostic;
    use std::io::Write;
    let failed = |e: std::io::Error| {
        Diagnostic::error(
            "E167",
            format!("không ghi được tệp `{}`: {e}", path.display()),
        )
        .hint(
            "kiểm tra thư mục có tồn tại và được phép ghi, tệp không đang mở trong Word hoặc Excel",
        )
    };
    if path.exists() && !force {
        return Err(Diagnostic::error(
            "E168",
            format!(
                "tệp `{}` đã có; không ghi đè để giữ nội dung đã sửa trong tệp",
                path.display()
            ),
        )
        .hint("đặt tên tệp khác cho `--output`, hoặc thêm `--force` để thay tệp cũ"));
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => std::path::Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = std::fs::File::create(&tmp).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(failed(e));
    }
    // Without `force`, a hard link fails if the name was taken meanwhile;
    // with it (or where links are not supported), a rename replaces it.
    let placed = if force {
        std::fs::rename(&tmp, path)
    } else {
        match std::fs::hard_link(&tmp, path) {
            Ok(()) => std::fs::remove_file(&tmp),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                let _ = std::fs::remove_file(&tmp);
                return Err(Diagnostic::error(
                    "E168",
                    format!(
                        "tệp `{}` đã có; không ghi đè để giữ nội dung đã sửa trong tệp",
                        path.display()
                    ),
                )
                .hint("đặt tên tệp khác cho `--output`, hoặc thêm `--force` để thay tệp cũ"));
            }
            Err(_) => std::fs::rename(&tmp, path),
        }
    };
    placed.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        failed(e)
    })
}
