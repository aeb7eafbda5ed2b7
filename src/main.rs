//! The `trangxa` command line: parse arguments, call the library, print, exit.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{DateTime, FixedOffset};
use clap::{Parser, Subcommand};

use trangxa::diagnostics::{Diagnostic, Severity};

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
    /// Kiểm tra toàn bộ nội dung như khi xây dựng, nhưng không ghi gì
    Check {
        #[command(flatten)]
        site: SiteArgs,
    },
    /// Báo cáo kết quả tuyên truyền theo quý của các kế hoạch: trangxa report --quarter 2026-Q2
    Report {
        #[command(flatten)]
        site: SiteArgs,
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
    /// Nhập dữ liệu từ bảng tính: trangxa import thu-tuc danh-sach.xlsx
    Import {
        #[command(subcommand)]
        what: ImportKind,
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

fn fail(diags: &[Diagnostic]) -> ExitCode {
    print_diagnostics(diags);
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diags.len() - errors;
    eprintln!(
        "Không xây dựng được trang: {errors} lỗi, {warnings} cảnh báo. Thư mục xuất bản cũ được giữ nguyên."
    );
    ExitCode::FAILURE
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build { site, output } => {
            let mut opts = options(site);
            opts.output = output;
            let shown = opts.output.display().to_string();
            match trangxa::build(&opts) {
                Ok(r) => {
                    print_diagnostics(&r.diagnostics);
                    println!(
                        "Đã xây dựng {} trang ({} tệp) vào {shown}/ trong {} giây; {} cảnh báo.",
                        trangxa::vi::number(r.pages),
                        trangxa::vi::number(r.files),
                        seconds(r.elapsed),
                        r.diagnostics.len()
                    );
                    ExitCode::SUCCESS
                }
                Err(d) => fail(&d),
            }
        }
        Command::Check { site } => match trangxa::check(&options(site)) {
            Ok(r) => {
                print_diagnostics(&r.diagnostics);
                println!(
                    "Kiểm tra xong: {} trang hợp lệ, không có lỗi; {} cảnh báo ({} giây).",
                    trangxa::vi::number(r.pages),
                    r.diagnostics.len(),
                    seconds(r.elapsed)
                );
                ExitCode::SUCCESS
            }
            Err(d) => {
                print_diagnostics(&d);
                let errors = d.iter().filter(|x| x.is_error()).count();
                eprintln!("Kiểm tra thấy {errors} lỗi, {} cảnh báo.", d.len() - errors);
                ExitCode::FAILURE
            }
        },
        Command::Report {
            site,
            plan,
            quarter,
            format,
        } => {
            let format = trangxa::report::format::Format::parse(&format)
                .unwrap_or(trangxa::report::format::Format::Table);
            match trangxa::report(&options(site), plan.as_deref(), quarter.as_deref(), format) {
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
