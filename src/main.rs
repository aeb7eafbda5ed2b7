//! The `trangxa` command line: parse arguments, call the library, print, exit.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{DateTime, FixedOffset};
use clap::builder::TypedValueParser;
use clap::{Parser, Subcommand};

use trangxa::diagnostics::{Diagnostic, Lang, Severity};
use trangxa::summary;

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
    /// Ngôn ngữ của thông báo lỗi và kết quả: vi (tiếng Việt) hoặc en (English)
    #[arg(
        long,
        global = true,
        default_value = "vi",
        value_parser = clap::builder::PossibleValuesParser::new(["vi", "en"])
            .try_map(|s| s.parse::<Lang>()),
    )]
    lang: Lang,
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
    #[arg(long)]
    now: Option<String>,
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
        /// Mã truy cập (bắt buộc khi --bind khác 127.0.0.1; không ghi thì tự tạo và in ra)
        #[arg(long)]
        token: Option<String>,
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
        #[arg(long)]
        now: Option<String>,
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

/// `--now`, parsed once the language of the error is known; a bad value
/// ends the program the way clap ends it for other bad options.
fn parse_now(s: &str, lang: Lang) -> DateTime<FixedOffset> {
    match trangxa::content::types::DateTime::parse(s) {
        Ok(d) => d.0,
        Err(e) => {
            use clap::CommandFactory;
            Cli::command()
                .error(
                    clap::error::ErrorKind::ValueValidation,
                    format!("--now: {}", lang.text(&e)),
                )
                .exit()
        }
    }
}

/// Print problems in `lang`, messages and labels both.
fn print_diagnostics(diags: &[Diagnostic], lang: Lang) {
    for d in diags {
        eprintln!("{}\n", d.localized(lang).display(lang));
    }
}

fn options(site: SiteArgs, lang: Lang) -> trangxa::Options {
    let mut o = trangxa::Options::new(site.root);
    o.drafts = site.drafts;
    o.base_url = site.base_url;
    o.now = site.now.map(|s| parse_now(&s, lang));
    o
}

/// Print the outcome of `build` (`building`) or `check` and choose the exit code.
fn report(
    result: Result<trangxa::Report, Vec<Diagnostic>>,
    format: Format,
    lang: Lang,
    building: bool,
    success: impl Fn(&trangxa::Report) -> String,
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
        let localized: Vec<Diagnostic> = diags.iter().map(|d| d.localized(lang)).collect();
        let summary = serde_json::json!({
            "ok": ok,
            "errors": errors,
            "warnings": warnings,
            "pages": result.as_ref().map(|r| r.pages).ok(),
            "files": result.as_ref().map(|r| r.files).ok(),
            "elapsed_ms": result.as_ref().map(|r| r.elapsed.as_millis() as u64).ok(),
            "diagnostics": localized,
        });
        println!("{summary:#}");
    } else {
        print_diagnostics(diags, lang);
        match &result {
            Ok(r) => println!("{}", success(r)),
            Err(_) => eprintln!("{}", summary::failed(lang, building, errors, warnings)),
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
    let lang = cli.lang;
    match cli.command {
        Command::Build { site, output } => {
            let format = site.format;
            let mut opts = options(site, lang);
            opts.output = output;
            let shown = opts.output.display().to_string();
            report(trangxa::build(&opts), format, lang, true, |r| {
                summary::built(
                    lang,
                    r.pages,
                    r.files,
                    &shown,
                    r.elapsed,
                    r.diagnostics.len(),
                )
            })
        }
        Command::Check {
            site,
            external,
            timeout,
        } => {
            let format = site.format;
            let mut opts = options(site, lang);
            opts.external = external.then(|| std::time::Duration::from_secs(timeout.max(1)));
            report(trangxa::check(&opts), format, lang, false, |r| {
                summary::checked(lang, r.pages, r.diagnostics.len(), r.elapsed)
            })
        }
        Command::Import {
            what: ImportKind::ThuTuc { file, root },
        } => {
            let today = chrono::Utc::now()
                .with_timezone(&trangxa::vi::tz())
                .date_naive();
            match trangxa::import::procedures(&root, &file, today) {
                Ok(report) => {
                    print_diagnostics(&report.warnings, lang);
                    // A closed pipe (`| head`) is not an import failure.
                    let _ = write!(std::io::stdout(), "{}", report.display(lang));
                    if report.count(trangxa::import::Outcome::Rejected) > 0 {
                        ExitCode::FAILURE
                    } else {
                        ExitCode::SUCCESS
                    }
                }
                Err(d) => {
                    print_diagnostics(&d, lang);
                    eprintln!("{}", summary::import_failed(lang));
                    ExitCode::FAILURE
                }
            }
        }
        Command::Serve {
            site,
            bind,
            port,
            open,
            token,
        } => {
            let opts = trangxa::serve::ServeOptions {
                site: options(site, lang),
                bind,
                port,
                open,
                lang,
                token,
            };
            match trangxa::serve::run(opts) {
                Ok(()) => ExitCode::SUCCESS,
                Err(d) => {
                    print_diagnostics(&d, lang);
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
            opts.now = now.map(|s| parse_now(&s, lang));
            match trangxa::report(&opts, plan.as_deref(), quarter.as_deref(), format) {
                Ok(text) => {
                    // A closed pipe (`| head`) is not a failure.
                    let _ = write!(std::io::stdout(), "{text}");
                    ExitCode::SUCCESS
                }
                Err(d) => {
                    print_diagnostics(&d, lang);
                    eprintln!("{}", summary::report_failed(lang));
                    ExitCode::FAILURE
                }
            }
        }
        Command::New { kind, title, root } => {
            let now = chrono::Utc::now().with_timezone(&trangxa::vi::tz());
            match trangxa::scaffold::new_content(&root, &kind, &title, now) {
                Ok(path) => {
                    println!("{}", summary::created(lang, &path));
                    ExitCode::SUCCESS
                }
                Err(d) => {
                    print_diagnostics(&[d], lang);
                    ExitCode::FAILURE
                }
            }
        }
    }
}
