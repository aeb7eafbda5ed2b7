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
        /// Cho phép dùng một thư mục xuất bản trống có sẵn (không bao giờ xóa thư mục có tệp của bạn)
        #[arg(long)]
        force: bool,
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
    /// Báo cáo kết quả tuyên truyền của kế hoạch: trangxa report --quarter 2026-Q3 --format docx --output bao-cao.docx
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
        /// Quý báo cáo, ví dụ 2026-Q3 (mặc định: quý hiện tại)
        #[arg(long, conflicts_with_all = ["half", "year", "from", "to"])]
        quarter: Option<String>,
        /// Sáu tháng: 2026-H1 (6 tháng đầu năm) hoặc 2026-H2 (6 tháng cuối năm)
        #[arg(long, conflicts_with_all = ["year", "from", "to"])]
        half: Option<String>,
        /// Cả năm, ví dụ 2026
        #[arg(long, conflicts_with_all = ["from", "to"])]
        year: Option<String>,
        /// Từ ngày (dùng cùng --to), ví dụ 2026-07-01 hoặc 01/07/2026
        #[arg(long, requires = "to")]
        from: Option<String>,
        /// Đến ngày (dùng cùng --from)
        #[arg(long, requires = "from")]
        to: Option<String>,
        /// Định dạng: table (bảng trên màn hình), markdown, csv, json, docx (Word), xlsx (Excel)
        #[arg(long, default_value = "table", value_parser = trangxa::report::format::Format::NAMES.to_vec())]
        format: String,
        /// Ghi vào tệp này (bắt buộc với docx và xlsx); không ghi đè tệp đã có
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Cho phép thay tệp --output đã có
        #[arg(long)]
        force: bool,
    },
    /// Tạo trang mới cho một xã: trangxa init ia-rsai --commune "Ia Rsai" --province "Gia Lai"
    Init {
        /// Thư mục sẽ tạo (chưa có, hoặc đang trống)
        dir: PathBuf,
        /// Tên xã, ví dụ "Ia Rsai" (hỏi khi chạy trong cửa sổ lệnh nếu thiếu)
        #[arg(long)]
        commune: Option<String>,
        /// Tên tỉnh, ví dụ "Gia Lai" (hỏi khi chạy trong cửa sổ lệnh nếu thiếu)
        #[arg(long)]
        province: Option<String>,
        /// Chép cả giao diện có sẵn ra themes/default/ để sửa theo ý xã
        #[arg(long)]
        with_theme: bool,
    },
    /// Tạo tệp nội dung mới: trangxa new tin-tuc "Tiêu đề"
    New {
        /// Loại nội dung: tin-tuc, trang, van-ban, ke-hoach, thu-tuc, don-vi, hoat-dong
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
        /// Chỉ in những gì sẽ thay đổi (từng trường của từng thủ tục), không ghi tệp nào
        #[arg(long)]
        dry_run: bool,
        /// Cho phép ô trống xóa giá trị đang có trong tệp (mặc định: giữ nguyên và báo)
        #[arg(long)]
        allow_removal: bool,
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
    o.lang = lang;
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
        let counts = result.as_ref().ok().map(|r| summary::Counts {
            pages: r.pages,
            files: r.files,
            elapsed: r.elapsed,
        });
        let summary = summary::json(ok, counts, diags, lang);
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

/// A value from the option, or asked for when a person is at the terminal.
fn ask(value: Option<String>, option: &str, question: &str) -> Result<String, Diagnostic> {
    use std::io::IsTerminal;
    if let Some(v) = value {
        return Ok(v);
    }
    let missing = || {
        Diagnostic::error("E141", format!("chưa ghi `{option}`"))
            .hint("ví dụ: trangxa init ia-rsai --commune \"Ia Rsai\" --province \"Gia Lai\"")
    };
    if !std::io::stdin().is_terminal() {
        return Err(missing());
    }
    eprint!("{question}: ");
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(_) if !line.trim().is_empty() => Ok(line.trim().to_string()),
        _ => Err(missing()),
    }
}

/// `trangxa init`: make the site, then say what is left to fill in.
fn init(
    dir: &std::path::Path,
    commune: Option<String>,
    province: Option<String>,
    with_theme: bool,
    lang: Lang,
) -> ExitCode {
    let made = ask(commune, "--commune", "Tên xã (ví dụ Ia Rsai)")
        .and_then(|c| Ok((c, ask(province, "--province", "Tên tỉnh (ví dụ Gia Lai)")?)))
        .and_then(|(c, p)| trangxa::init::Commune::new(&c, &p))
        .and_then(|c| Ok((trangxa::init::init(dir, &c, with_theme)?, c)));
    let (created, commune) = match made {
        Ok(m) => m,
        Err(d) => {
            print_diagnostics(&[d], lang);
            return ExitCode::FAILURE;
        }
    };
    let shown = dir.display();
    let en = lang == Lang::En;
    let mut out = if en {
        format!(
            "Created the site of xã {} in {shown}/ ({} files).\nStill to fill in ({} places):\n",
            commune.name,
            created.files,
            created.todo.len()
        )
    } else {
        format!(
            "Đã tạo trang của xã {} trong {shown}/ ({} tệp).\nCòn phải điền ({} chỗ):\n",
            commune.name,
            created.files,
            created.todo.len()
        )
    };
    for t in &created.todo {
        out.push_str(&format!("  {}:{}  {}\n", t.file, t.line, t.text));
    }
    out.push_str(&if en {
        format!("Next: trangxa serve --root {shown}   (preview; edit and the page reloads)\n      trangxa build --root {shown}   (the site into {shown}/public/)\n")
    } else {
        format!("Tiếp theo: trangxa serve --root {shown}   (xem trước; sửa tệp là trang tự tải lại)\n           trangxa build --root {shown}   (xuất trang vào {shown}/public/)\n")
    });
    let _ = write!(std::io::stdout(), "{out}");
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli.lang;
    match cli.command {
        Command::Build {
            site,
            output,
            force,
        } => {
            let format = site.format;
            let mut opts = options(site, lang);
            opts.output = output;
            opts.force = force;
            // Where the files went, as `build` resolved it (from `--root`).
            let out_dir = opts.output_dir();
            let shown = out_dir
                .strip_prefix(".")
                .unwrap_or(&out_dir)
                .display()
                .to_string();
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
            what:
                ImportKind::ThuTuc {
                    file,
                    root,
                    dry_run,
                    allow_removal,
                },
        } => {
            let opts = trangxa::import::Options {
                dry_run,
                allow_removal,
            };
            let today = chrono::Utc::now()
                .with_timezone(&trangxa::vi::tz())
                .date_naive();
            match trangxa::import::procedures(&root, &file, today, opts) {
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
            half,
            year,
            from,
            to,
            format,
            output,
            force,
        } => {
            use trangxa::report::format::Format;
            let format = Format::parse(&format).unwrap_or(Format::Table);
            let failed = |d: &[Diagnostic]| {
                print_diagnostics(d, lang);
                eprintln!("{}", summary::report_failed(lang));
                ExitCode::FAILURE
            };
            if format.is_binary() && output.is_none() {
                let d = Diagnostic::error("E169", "tệp Word, Excel phải ghi ra tệp")
                    .hint("thêm `--output TÊN_TỆP`, ví dụ `--output bao-cao-quy-3.docx`");
                return failed(&[d]);
            }
            let mut opts = trangxa::Options::new(root);
            opts.now = now.map(|s| parse_now(&s, lang));
            let period = trangxa::report::PeriodArgs {
                quarter,
                half,
                year,
                from,
                to,
            };
            match trangxa::report(&opts, plan.as_deref(), &period, format) {
                Ok(bytes) => match output {
                    Some(path) => match trangxa::report::save(&path, &bytes, force) {
                        Ok(()) => {
                            println!(
                                "{}",
                                summary::report_written(lang, &path, format == Format::Docx)
                            );
                            ExitCode::SUCCESS
                        }
                        Err(d) => failed(&[d]),
                    },
                    None => {
                        // A closed pipe (`| head`) is not a failure.
                        let _ = std::io::stdout().write_all(&bytes);
                        ExitCode::SUCCESS
                    }
                },
                Err(d) => failed(&d),
            }
        }
        Command::Init {
            dir,
            commune,
            province,
            with_theme,
        } => init(&dir, commune, province, with_theme, lang),
        Command::New { kind, title, root } => {
            let now = chrono::Utc::now().with_timezone(&trangxa::vi::tz());
            match trangxa::scaffold::new_content(&root, &kind, &title, now) {
                Ok(path) if kind == "hoat-dong" => {
                    println!("{}", summary::created_event(lang, &path));
                    ExitCode::SUCCESS
                }
                Ok(path) => {
                    let draft = trangxa::scaffold::starts_as_draft(&kind);
                    println!("{}", summary::created(lang, &path, draft));
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
