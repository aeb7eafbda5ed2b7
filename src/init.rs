//! `trangxa init DIR --commune … --province …`: a new commune's site.
//!
//! The site is made from templates kept in `src/init/`, not copied from the
//! sample site, so nothing of Canh Vinh (its news, documents, pictures,
//! audio) can reach another commune's pages. It holds what every commune
//! has after the 2025 reorganisation — site.yaml, the eight standard units,
//! the three pages the law requires — and marks each fact only the commune
//! knows with "(Đang cập nhật)" or an empty value, which `init` then lists.
//! The folder is filled in a staging folder next to it and moved into place
//! in one rename, so a failure leaves no half-made site, and an existing
//! folder with anything in it is never touched.

use std::path::Path;

use crate::diagnostics::Diagnostic;
use crate::vi;

/// The site's files: path in the new folder → template.
const FILES: &[(&str, &str)] = &[
    ("site.yaml", include_str!("init/site.yaml")),
    (
        "content/don-vi/ubnd-xa.md",
        include_str!("init/don-vi/ubnd-xa.md"),
    ),
    (
        "content/don-vi/hdnd-xa.md",
        include_str!("init/don-vi/hdnd-xa.md"),
    ),
    (
        "content/don-vi/van-phong-hdnd-ubnd.md",
        include_str!("init/don-vi/van-phong-hdnd-ubnd.md"),
    ),
    (
        "content/don-vi/phong-kinh-te.md",
        include_str!("init/don-vi/phong-kinh-te.md"),
    ),
    (
        "content/don-vi/phong-van-hoa-xa-hoi.md",
        include_str!("init/don-vi/phong-van-hoa-xa-hoi.md"),
    ),
    (
        "content/don-vi/trung-tam-phuc-vu-hanh-chinh-cong.md",
        include_str!("init/don-vi/trung-tam-phuc-vu-hanh-chinh-cong.md"),
    ),
    (
        "content/don-vi/trung-tam-cung-ung-dich-vu-su-nghiep-cong.md",
        include_str!("init/don-vi/trung-tam-cung-ung-dich-vu-su-nghiep-cong.md"),
    ),
    (
        "content/don-vi/cong-an-xa.md",
        include_str!("init/don-vi/cong-an-xa.md"),
    ),
    (
        "content/trang/gioi-thieu.md",
        include_str!("init/trang/gioi-thieu.md"),
    ),
    (
        "content/trang/lien-he.md",
        include_str!("init/trang/lien-he.md"),
    ),
    (
        "content/trang/tiep-can-thong-tin.md",
        include_str!("init/trang/tiep-can-thong-tin.md"),
    ),
];

/// Empty folders staff fill: news, documents, plans, procedures, files.
const FOLDERS: &[&str] = &[
    "content/tin-tuc",
    "content/van-ban",
    "content/ke-hoach",
    "content/thu-tuc",
    "static/files",
];

/// The placeholder staff must replace.
pub const PLACEHOLDER: &str = "(Đang cập nhật)";

/// A commune and its province, as people write them ("Ia Rsai", "Gia Lai").
#[derive(Debug, Clone)]
pub struct Commune {
    pub name: String,
    pub province: String,
}

impl Commune {
    /// Check both names: letters, digits, spaces, `-` and `'` only, so they
    /// go into YAML and Markdown as they are. A leading "xã"/"tỉnh" is
    /// dropped (the templates say it).
    pub fn new(name: &str, province: &str) -> Result<Commune, Diagnostic> {
        Ok(Commune {
            name: clean("--commune", name, &["xã", "phường"])?,
            province: clean("--province", province, &["tỉnh", "thành phố"])?,
        })
    }

    /// `https://<xa>.<tinh>.gov.vn/`, the pattern of Nghị định 224/2026
    /// Điều 11; the real domain is for the province to confirm.
    pub fn base_url(&self) -> String {
        let compact = |s: &str| vi::slugify(s).replace('-', "");
        format!(
            "https://{}.{}.gov.vn/",
            compact(&self.name),
            compact(&self.province)
        )
    }
}

fn clean(option: &str, value: &str, prefixes: &[&str]) -> Result<String, Diagnostic> {
    let v = vi::nfc(value);
    let mut words: Vec<&str> = v.split_whitespace().collect();
    for p in prefixes {
        let n = p.split_whitespace().count();
        if words.len() > n && vi::fold(&words[..n].join(" ")) == vi::fold(p) {
            words.drain(..n);
        }
    }
    let v = words.join(" ");
    let ok = !v.is_empty()
        && v.chars().count() <= 60
        && v.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '\''));
    if ok {
        Ok(v)
    } else {
        Err(
            Diagnostic::error("E141", format!("tên `{value}` của {option} không dùng được"))
                .hint("chỉ ghi tên, bằng chữ, số, dấu cách hoặc dấu `-`, ví dụ --commune \"Ia Rsai\" --province \"Gia Lai\""),
        )
    }
}

/// The standard sections as block YAML, one `id`/`name` pair each.
fn sections() -> String {
    crate::config::default_sections()
        .iter()
        .map(|s| {
            let name = if s.name.contains([',', ':', '#']) {
                format!("\"{}\"", s.name)
            } else {
                s.name.clone()
            };
            format!("  - id: {}\n    name: {name}\n", s.id)
        })
        .collect::<String>()
        .trim_end()
        .to_string()
}

/// One thing staff must still fill in: where, and what the line says now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Todo {
    pub file: String,
    pub line: usize,
    pub text: String,
}

/// What `init` made.
#[derive(Debug, Clone)]
pub struct Created {
    pub files: usize,
    pub todo: Vec<Todo>,
}

/// Lines of `text` that still wait for the commune's facts, each YAML line
/// named by its field path (`responsible_person.name`).
fn todos(file: &str, text: &str) -> Vec<Todo> {
    let mut parent = String::new();
    let mut out = Vec::new();
    for (i, l) in text.lines().enumerate() {
        if !l.starts_with([' ', '-', '#', '|']) && l.trim_end().ends_with(':') {
            parent = l.trim_end().trim_end_matches(':').to_string();
        } else if !l.starts_with(' ') {
            parent.clear();
        }
        let wanted = l.contains(PLACEHOLDER) || l.contains(": \"\"") || l.starts_with("base_url:");
        if l.trim_start().starts_with('#') || !wanted {
            continue;
        }
        let line = l.split(" #").next().unwrap_or(l).trim();
        let text = if l.starts_with(' ') && !parent.is_empty() {
            format!("{parent}.{line}")
        } else if l.starts_with("base_url:") {
            format!("{line} (xác nhận tên miền với tỉnh)")
        } else {
            line.to_string()
        };
        out.push(Todo {
            file: file.to_string(),
            line: i + 1,
            text,
        });
    }
    out
}

/// Make the site in `dir` (created; must not exist or be empty).
pub fn init(dir: &Path, commune: &Commune, with_theme: bool) -> Result<Created, Diagnostic> {
    let shown = dir.display().to_string();
    let refuse = || {
        Diagnostic::error(
            "E140",
            format!("thư mục `{shown}` đã có nội dung; không ghi đè"),
        )
        .hint("chọn tên thư mục mới, ví dụ `trangxa init trang-xa-moi --commune …`")
    };
    match std::fs::read_dir(dir).map(|mut e| e.next().is_some()) {
        Ok(true) => return Err(refuse()),
        Ok(false) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(_) => return Err(refuse()),
    }
    let failed = |e: std::io::Error| {
        Diagnostic::error(
            "E142",
            format!("không tạo được trang mới trong `{shown}`: {e}"),
        )
        .hint("kiểm tra quyền ghi và dung lượng còn trống của ổ đĩa")
    };
    let parent = dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "trang".into());
    std::fs::create_dir_all(parent).map_err(failed)?;
    let staging = parent.join(format!(".{name}.init-{}", std::process::id()));
    let result = fill(&staging, commune, with_theme).and_then(|created| {
        // An empty folder may be there already (made for the purpose).
        if dir.is_dir() {
            std::fs::remove_dir(dir)?;
        }
        std::fs::rename(&staging, dir)?;
        Ok(created)
    });
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    result.map_err(failed)
}

fn fill(root: &Path, commune: &Commune, with_theme: bool) -> std::io::Result<Created> {
    let mut created = Created {
        files: 0,
        todo: Vec::new(),
    };
    for (rel, template) in FILES {
        let text = template
            .replace("@SECTIONS@", &sections())
            .replace("@BASE_URL@", &commune.base_url())
            .replace("@XA@", &commune.name)
            .replace("@TINH@", &commune.province);
        let path = root.join(rel);
        if let Some(p) = path.parent() {
            std::fs::create_dir_all(p)?;
        }
        std::fs::write(&path, &text)?;
        created.files += 1;
        created.todo.extend(todos(rel, &text));
    }
    for f in FOLDERS {
        std::fs::create_dir_all(root.join(f))?;
    }
    if with_theme {
        created.files += crate::theme::copy_out(root)?;
    }
    Ok(created)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_cleaned_and_the_domain_follows_the_pattern() {
        let c = Commune::new(" xã  Ia Rsai ", "tỉnh Gia Lai").unwrap();
        assert_eq!(
            (c.name.as_str(), c.province.as_str()),
            ("Ia Rsai", "Gia Lai")
        );
        assert_eq!(c.base_url(), "https://iarsai.gialai.gov.vn/");
        assert_eq!(
            Commune::new("Đắk Pơ", "Gia Lai").unwrap().base_url(),
            "https://dakpo.gialai.gov.vn/"
        );
        assert!(Commune::new("Ia Rsai: mới", "Gia Lai").is_err());
        assert!(Commune::new("", "Gia Lai").is_err());
    }

    #[test]
    fn no_template_names_the_sample_commune() {
        for (rel, text) in FILES {
            assert!(!vi::fold(text).contains("canh vinh"), "{rel}");
        }
    }
}
