//! The `trangxa` command line: parse arguments, call the library, print, exit.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{DateTime, FixedOffset};
use clap::builder::TypedValueParser;
use clap::{Parser, Subcommand};

use trangxa::diagnostics::{Diagnostic, Lang, Severity};

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

fn print_diagnostics(diags: &[Diagnostic], lang: Lang) {
    for d in diags {
        eprintln!("{}\n", d.display(lang));
    }
}

fn localized(diags: &[Diagnostic], lang: Lang) -> Vec<Diagnostic> {
    diags.iter().map(|d| d.localized(lang)).collect()
}

fn seconds(d: std::time::Duration, lang: Lang) -> String {
    let s = format!("{:.2}", d.as_secs_f64());
    match lang {
        Lang::Vi => s.replace('.', ","),
        Lang::En => s,
    }
}

fn number(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Vi => trangxa::vi::number(n),
        Lang::En => trangxa::vi::number(n).replace('.', ","),
    }
}

/// "1 warning", "2 warnings" (a Vietnamese noun does not change).
fn plural(n: usize, noun: &str) -> String {
    match n {
        1 => format!("1 {noun}"),
        _ => format!("{} {noun}s", number(n, Lang::En)),
    }
}

fn options(site: SiteArgs, lang: Lang) -> trangxa::Options {
    let mut o = trangxa::Options::new(site.root);
    o.drafts = site.drafts;
    o.base_url = site.base_url;
    o.now = site.now.map(|s| parse_now(&s, lang));
    o
}

/// Print the outcome of `build` or `check` and choose the exit code.
fn report(
    result: Result<trangxa::Report, Vec<Diagnostic>>,
    format: Format,
    lang: Lang,
    success: impl Fn(&trangxa::Report) -> String,
    failure: &str,
) -> ExitCode {
    let (ok, diags) = match &result {
        Ok(r) => (true, localized(&r.diagnostics, lang)),
        Err(d) => (false, localized(d, lang)),
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
        print_diagnostics(&diags, lang);
        match (&result, lang) {
            (Ok(r), _) => println!("{}", success(r)),
            (Err(_), Lang::Vi) => eprintln!("{failure}: {errors} lỗi, {warnings} cảnh báo."),
            (Err(_), Lang::En) => eprintln!(
                "{failure}: {}, {}.",
                plural(errors, "error"),
                plural(warnings, "warning")
            ),
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
            report(
                trangxa::build(&opts),
                format,
                lang,
                |r| match lang {
                    Lang::Vi => format!(
                        "Đã xây dựng {} trang ({} tệp) vào {shown}/ trong {} giây; {} cảnh báo.",
                        number(r.pages, lang),
                        number(r.files, lang),
                        seconds(r.elapsed, lang),
                        r.diagnostics.len()
                    ),
                    Lang::En => format!(
                        "Built {} ({}) into {shown}/ in {} s; {}.",
                        plural(r.pages, "page"),
                        plural(r.files, "file"),
                        seconds(r.elapsed, lang),
                        plural(r.diagnostics.len(), "warning")
                    ),
                },
                match lang {
                    Lang::Vi => "Không xây dựng được trang; thư mục xuất bản cũ được giữ nguyên",
                    Lang::En => {
                        "The site was not built; the previous output folder is left as it was"
                    }
                },
            )
        }
        Command::Check {
            site,
            external,
            timeout,
        } => {
            let format = site.format;
            let mut opts = options(site, lang);
            opts.external = external.then(|| std::time::Duration::from_secs(timeout.max(1)));
            report(
                trangxa::check(&opts),
                format,
                lang,
                |r| match lang {
                    Lang::Vi => format!(
                        "Kiểm tra xong: {} trang hợp lệ, không có lỗi; {} cảnh báo ({} giây).",
                        number(r.pages, lang),
                        r.diagnostics.len(),
                        seconds(r.elapsed, lang)
                    ),
                    Lang::En => format!(
                        "Check complete: {}, no errors; {} ({} s).",
                        plural(r.pages, "valid page"),
                        plural(r.diagnostics.len(), "warning"),
                        seconds(r.elapsed, lang)
                    ),
                },
                match lang {
                    Lang::Vi => "Kiểm tra thấy lỗi",
                    Lang::En => "The check found errors",
                },
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
                    print_diagnostics(&localized(&report.warnings, lang), lang);
                    // A closed pipe (`| head`) is not an import failure.
                    let _ = write!(std::io::stdout(), "{}", report.display(lang));
                    if report.count(trangxa::import::Outcome::Rejected) > 0 {
                        ExitCode::FAILURE
                    } else {
                        ExitCode::SUCCESS
                    }
                }
                Err(d) => {
                    print_diagnostics(&localized(&d, lang), lang);
                    eprintln!(
                        "{}",
                        match lang {
                            Lang::Vi => "Không nhập được bảng tính; không có tệp nào được ghi.",
                            Lang::En => "The spreadsheet was not imported; no file was written.",
                        }
                    );
                    ExitCode::FAILURE
                }
            }
        }
        Command::New { kind, title, root } => {
            let now = chrono::Utc::now().with_timezone(&trangxa::vi::tz());
            match trangxa::scaffold::new_content(&root, &kind, &title, now) {
                Ok(path) => {
                    match lang {
                        Lang::Vi => println!(
                            "Đã tạo {}. Mở tệp, điền thông tin, rồi đổi `status: draft` thành `status: published` để đăng.",
                            path.display()
                        ),
                        Lang::En => println!(
                            "Created {}. Open the file, fill in the fields, then change `status: draft` to `status: published` to publish it.",
                            path.display()
                        ),
                    }
                    ExitCode::SUCCESS
                }
                Err(d) => {
                    print_diagnostics(&[d.localized(lang)], lang);
                    ExitCode::FAILURE
                }
            }
        }
    }
}
