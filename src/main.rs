//! The `trangxa` command line: parse arguments, call the library, print, exit.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{DateTime, FixedOffset};
use clap::{Parser, Subcommand};

use trangxa::diagnostics::{Diagnostic, Severity};

/// mimalloc: a rebuild of a 10,000-page site allocates and frees hundreds of
/// thousands of small strings, and glibc's allocator took a third of the time
/// of `serve`'s incremental rebuilds.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "trangxa",
    version,
    about = "Tạo trang thông tin điện tử xã từ các tệp Markdown"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args)]
struct SiteArgs {
    /// Thư mục của trang (nơi có site.yaml)
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Đăng cả các bài `status: draft` và bài hẹn giờ
    #[arg(long)]
    drafts: bool,
    /// Thay base_url của site.yaml (ví dụ https://example.gov.vn/canhvinh/)
    #[arg(long)]
    base_url: Option<String>,
    /// Coi thời điểm này là "bây giờ" (xem trước bài hẹn giờ), ví dụ 2026-12-01T08:00:00+07:00
    #[arg(long, value_parser = parse_now)]
    now: Option<DateTime<FixedOffset>>,
    /// Cách in kết quả: text (cho người đọc) hoặc json (cho trình soạn thảo, CI)
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Xây dựng trang vào thư mục public/
    Build {
        #[command(flatten)]
        site: SiteArgs,
        /// Thư mục xuất bản (mặc định: public, tính từ --root)
        #[arg(long, short, default_value = "public")]
        output: PathBuf,
    },
    /// Xem trước trang trên trình duyệt; tự dựng lại và tải lại khi tệp thay đổi
    Serve {
        #[command(flatten)]
        site: SiteArgs,
        /// Địa chỉ lắng nghe (0.0.0.0: cho cả máy khác trong mạng xem)
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Cổng (0: để hệ thống chọn một cổng trống)
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Mở trang trong trình duyệt
        #[arg(long)]
        open: bool,
    },
    /// Kiểm tra toàn bộ nội dung như khi xây dựng, nhưng không ghi gì
    Check {
        #[command(flatten)]
        site: SiteArgs,
        /// Kiểm tra cả liên kết tới trang web khác (cần mạng)
        #[arg(long)]
        external: bool,
        /// Thời gian chờ mỗi liên kết ngoài, tính bằng giây
        #[arg(long, default_value_t = 10)]
        timeout: u64,
    },
    /// Nhập dữ liệu từ bảng tính: trangxa import thu-tuc danh-sach.xlsx
    Import {
        #[command(subcommand)]
        what: ImportKind,
    },
    /// Báo cáo kết quả tuyên truyền theo quý của các kế hoạch: trangxa report --quarter 2026-Q2
    Report {
        /// Thư mục của trang (nơi có site.yaml)
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Coi thời điểm này là "bây giờ", ví dụ 2026-12-01T08:00:00+07:00
        #[arg(long, value_parser = parse_now)]
        now: Option<DateTime<FixedOffset>>,
        /// Mã kế hoạch, ví dụ ke-hoach/2026/tuyen-truyen-cchc (mặc định: mọi kế hoạch có chế độ báo cáo)
        #[arg(long)]
        plan: Option<String>,
        /// Quý báo cáo, ví dụ 2026-Q2 (mặc định: quý hiện tại)
        #[arg(long)]
        quarter: Option<String>,
        /// Định dạng: table (bảng trên màn hình), csv (danh sách tài liệu kiểm chứng), markdown
        #[arg(long, default_value = "table", value_parser = ["table", "csv", "markdown"])]
        format: String,
    },
    /// Tạo tệp nội dung mới: trangxa new tin-tuc "Tiêu đề"
    New {
        /// Loại nội dung: tin-tuc, trang, van-ban, don-vi
        kind: String,
        /// Tiêu đề (tên tệp được tạo từ tiêu đề, bỏ dấu)
        title: String,
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

#[derive(Subcommand)]
enum ImportKind {
    /// Thủ tục hành chính từ tệp .csv hoặc .xlsx vào content/thu-tuc/
    ThuTuc {
        /// Bảng tính, dòng đầu là tên cột (xem README)
        file: PathBuf,
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

fn parse_now(s: &str) -> Result<DateTime<FixedOffset>, String> {
    trangxa::content::types::DateTime::parse(s).map(|d| d.0)
}

fn print_diagnostics(diags: &[Diagnostic]) {
    for d in diags {
        eprintln!("{d}\n");
    }
}

fn seconds(d: std::time::Duration) -> String {
    format!("{:.2}", d.as_secs_f64()).replace('.', ",")
}

fn options(site: SiteArgs) -> trangxa::Options {
    let mut o = trangxa::Options::new(site.root);
    o.drafts = site.drafts;
    o.base_url = site.base_url;
    o.now = site.now;
    o
}

/// Print the outcome of `build` or `check` and choose the exit code.
fn report(
    result: Result<trangxa::Report, Vec<Diagnostic>>,
    format: Format,
    success: impl Fn(&trangxa::Report) -> String,
    failure: &str,
) -> ExitCode {
    let (ok, diags) = match &result {
        Ok(r) => (true, r.diagnostics.as_slice()),
        Err(d) => (false, d.as_slice()),
    };
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diags.len() - errors;
    if format == Format::Json {
        let summary = serde_json::json!({
            "ok": ok,
            "errors": errors,
            "warnings": warnings,
            "pages": result.as_ref().map(|r| r.pages).ok(),
            "files": result.as_ref().map(|r| r.files).ok(),
            "elapsed_ms": result.as_ref().map(|r| r.elapsed.as_millis() as u64).ok(),
            "diagnostics": diags,
        });
        println!("{summary:#}");
    } else {
        print_diagnostics(diags);
        match &result {
            Ok(r) => println!("{}", success(r)),
            Err(_) => eprintln!("{failure}: {errors} lỗi, {warnings} cảnh báo."),
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build { site, output } => {
            let format = site.format;
            let mut opts = options(site);
            opts.output = output;
            let shown = opts.output.display().to_string();
            report(
                trangxa::build(&opts),
                format,
                |r| {
                    format!(
                        "Đã xây dựng {} trang ({} tệp) vào {shown}/ trong {} giây; {} cảnh báo.",
                        trangxa::vi::number(r.pages),
                        trangxa::vi::number(r.files),
                        seconds(r.elapsed),
                        r.diagnostics.len()
                    )
                },
                "Không xây dựng được trang; thư mục xuất bản cũ được giữ nguyên",
            )
        }
        Command::Check {
            site,
            external,
            timeout,
        } => {
            let format = site.format;
            let mut opts = options(site);
            opts.external = external.then(|| std::time::Duration::from_secs(timeout.max(1)));
            report(
                trangxa::check(&opts),
                format,
                |r| {
                    format!(
                        "Kiểm tra xong: {} trang hợp lệ, không có lỗi; {} cảnh báo ({} giây).",
                        trangxa::vi::number(r.pages),
                        r.diagnostics.len(),
                        seconds(r.elapsed)
                    )
                },
                "Kiểm tra thấy lỗi",
            )
        }
        Command::Import {
            what: ImportKind::ThuTuc { file, root },
        } => {
            let today = chrono::Utc::now()
                .with_timezone(&trangxa::vi::tz())
                .date_naive();
            match trangxa::import::procedures(&root, &file, today) {
                Ok(report) => {
                    print_diagnostics(&report.warnings);
                    // A closed pipe (`| head`) is not an import failure.
                    let _ = write!(std::io::stdout(), "{report}");
                    if report.count(trangxa::import::Outcome::Rejected) > 0 {
                        ExitCode::FAILURE
                    } else {
                        ExitCode::SUCCESS
                    }
                }
                Err(d) => {
                    print_diagnostics(&d);
                    eprintln!("Không nhập được bảng tính; không có tệp nào được ghi.");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Serve {
            site,
            bind,
            port,
            open,
        } => {
            let opts = trangxa::serve::ServeOptions {
                site: options(site),
                bind,
                port,
                open,
            };
            match trangxa::serve::run(opts) {
                Ok(()) => ExitCode::SUCCESS,
                Err(d) => {
                    print_diagnostics(&d);
                    ExitCode::FAILURE
                }
            }
        }
        Command::Report {
            root,
            now,
            plan,
            quarter,
            format,
        } => {
            let format = trangxa::report::format::Format::parse(&format)
                .unwrap_or(trangxa::report::format::Format::Table);
            let mut opts = trangxa::Options::new(root);
            opts.now = now;
            match trangxa::report(&opts, plan.as_deref(), quarter.as_deref(), format) {
                Ok(text) => {
                    // A closed pipe (`| head`) is not a failure.
                    let _ = write!(std::io::stdout(), "{text}");
                    ExitCode::SUCCESS
                }
                Err(d) => {
                    print_diagnostics(&d);
                    eprintln!("Không lập được báo cáo.");
                    ExitCode::FAILURE
                }
            }
        }
        Command::New { kind, title, root } => {
            let now = chrono::Utc::now().with_timezone(&trangxa::vi::tz());
            match trangxa::scaffold::new_content(&root, &kind, &title, now) {
                Ok(path) => {
                    println!(
                        "Đã tạo {}. Mở tệp, điền thông tin, rồi đổi `status: draft` thành `status: published` để đăng.",
                        path.display()
                    );
                    ExitCode::SUCCESS
                }
                Err(d) => {
                    print_diagnostics(&[d]);
                    ExitCode::FAILURE
                }
            }
        }
    }
}
