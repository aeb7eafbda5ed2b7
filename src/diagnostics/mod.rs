//! One `Diagnostic` type for every problem the pipeline finds, and its printing.
//!
//! Errors are data: stages collect diagnostics instead of stopping at the first,
//! and the CLI decides how to show them. The people who read these are not
//! programmers, so every message says where (file, line, column), what is wrong in
//! plain Vietnamese, and, where possible, what to write instead.
//!
//! Messages are written in Vietnamese only; `localized` translates them on the
//! way out (`--lang en`) with the template table in `en.rs`, so the many places
//! that find problems never deal with languages.

#[cfg(test)]
mod coverage;
mod en;
mod template;

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::OnceLock;

/// The language diagnostics and the CLI's summaries are shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Lang, String> {
        match s {
            "vi" => Ok(Lang::Vi),
            "en" => Ok(Lang::En),
            other => Err(format!("unknown language `{other}` (vi, en)")),
        }
    }
}

/// The words around a message.
#[derive(Debug)]
pub struct Labels {
    pub error: &'static str,
    pub warning: &'static str,
    pub field: &'static str,
    pub hint: &'static str,
}

impl Lang {
    pub fn labels(self) -> &'static Labels {
        match self {
            Lang::Vi => &Labels {
                error: "lỗi",
                warning: "cảnh báo",
                field: "trường",
                hint: "gợi ý",
            },
            Lang::En => &Labels {
                error: "error",
                warning: "warning",
                field: "field",
                hint: "hint",
            },
        }
    }

    /// A message or hint written in Vietnamese, in this language. Text no
    /// template matches is returned as it is.
    pub fn text(self, vietnamese: &str) -> String {
        match self {
            Lang::Vi => vietnamese.to_string(),
            Lang::En => english()
                .translate(vietnamese)
                .unwrap_or_else(|| vietnamese.to_string()),
        }
    }
}

fn english() -> &'static template::Table {
    static TABLE: OnceLock<template::Table> = OnceLock::new();
    TABLE.get_or_init(|| template::Table::new(en::TEMPLATES))
}

/// How bad a problem is. Errors stop the build; warnings are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// A problem with a location. Serializes to the `--format json` shape.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable code such as `E010`, for documentation and tooling.
    pub code: &'static str,
    /// File the problem is in, relative to the site root where possible.
    pub file: Option<PathBuf>,
    /// 1-based line and column.
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// The front matter field concerned, if any.
    pub field: Option<String>,
    pub message: String,
    /// What to do about it ("có phải bạn muốn viết `phong-kinh-te`?").
    pub hint: Option<String>,
    /// The offending source line, shown with a marker under the column.
    pub source_line: Option<String>,
}

impl Diagnostic {
    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            file: None,
            line: None,
            column: None,
            field: None,
            message: message.into(),
            hint: None,
            source_line: None,
        }
    }

    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, message)
        }
    }

    pub fn in_file(mut self, file: impl AsRef<Path>) -> Self {
        self.file = Some(file.as_ref().to_path_buf());
        self
    }

    /// Set the position and copy the source line out of `text` for display.
    pub fn at(mut self, text: &str, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column.max(1));
        self.source_line = text
            .lines()
            .nth(line.saturating_sub(1))
            .map(|l| l.trim_end().to_string());
        self
    }

    pub fn field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The same diagnostic with its message and hint in `lang`.
    pub fn localized(&self, lang: Lang) -> Diagnostic {
        Diagnostic {
            message: lang.text(&self.message),
            hint: self.hint.as_deref().map(|h| lang.text(h)),
            ..self.clone()
        }
    }

    /// Shown with the labels ("error", "hint", …) of `lang`; the message is
    /// shown as it is, so localize it first.
    pub fn display(&self, lang: Lang) -> Shown<'_> {
        Shown { diag: self, lang }
    }
}

/// A diagnostic and the language of its labels, for printing.
pub struct Shown<'a> {
    diag: &'a Diagnostic,
    lang: Lang,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.display(Lang::Vi).fmt(f)
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let labels = self.lang.labels();
        let d = self.diag;
        let kind = match d.severity {
            Severity::Error => labels.error,
            Severity::Warning => labels.warning,
        };
        write!(f, "{kind}[{}]: {}", d.code, d.message)?;
        if let Some(field) = &d.field {
            write!(f, " ({} `{field}`)", labels.field)?;
        }
        let gutter = " ".repeat(d.line.map(|l| l.to_string().len()).unwrap_or(1));
        if let Some(file) = &d.file {
            write!(f, "\n{gutter}--> {}", file.display())?;
            if let Some(line) = d.line {
                write!(f, ":{line}")?;
                if let Some(col) = d.column {
                    write!(f, ":{col}")?;
                }
            }
        }
        if let (Some(src), Some(line)) = (&d.source_line, d.line) {
            let num = line.to_string();
            let pad = " ".repeat(num.len());
            write!(f, "\n {pad} |\n {num} | {src}")?;
            if let Some(col) = d.column {
                // Column counts characters; the marker goes under that character.
                let before: String = src.chars().take(col - 1).collect();
                let indent: String = before
                    .chars()
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                write!(f, "\n {pad} | {indent}^")?;
            }
        }
        if let Some(hint) = &d.hint {
            write!(f, "\n   = {}: {hint}", labels.hint)?;
        }
        Ok(())
    }
}

/// Sort for display: every error before any warning (the first thing a
/// person reads is what stops the build, wherever it is shown), then by file
/// and line.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        (a.severity, &a.file, a.line, a.column, &a.message)
            .cmp(&(b.severity, &b.file, b.line, b.column, &b.message))
    });
}

/// The known value closest to `input`, if it is close enough to be a likely typo.
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let folded = crate::vi::fold(input);
    candidates
        .into_iter()
        .map(|c| {
            (
                strsim::normalized_levenshtein(&folded, &crate::vi::fold(c)),
                c,
            )
        })
        .filter(|(score, _)| *score >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_has_location_marker_and_hint() {
        let text = "---\ntitle: A\nunits: [phong-kinh-tee]\n---\n";
        let d = Diagnostic::error("E010", "không có đơn vị `phong-kinh-tee`")
            .in_file("content/tin-tuc/a.md")
            .at(text, 3, 9)
            .field("units")
            .hint("có phải bạn muốn viết `phong-kinh-te`?");
        let s = d.to_string();
        assert!(s.contains("lỗi[E010]"), "{s}");
        assert!(s.contains("content/tin-tuc/a.md:3:9"), "{s}");
        assert!(s.contains("3 | units: [phong-kinh-tee]"), "{s}");
        assert!(s.contains("  |         ^"), "{s}");
        assert!(s.contains("gợi ý: có phải"), "{s}");
    }

    #[test]
    fn english_translates_message_and_hint_and_labels() {
        let d = Diagnostic::error("E010", "không có đơn vị `phòng-kinh-tee`")
            .in_file("content/tin-tuc/a.md")
            .field("units")
            .hint("có phải bạn muốn viết `phong-kinh-te`?");
        let en = d.localized(Lang::En);
        assert_eq!(en.message, "there is no unit `phòng-kinh-tee`");
        assert_eq!(en.hint.as_deref(), Some("did you mean `phong-kinh-te`?"));
        assert_eq!((en.code, &en.field, &en.file), (d.code, &d.field, &d.file));
        let s = en.display(Lang::En).to_string();
        assert!(s.starts_with("error[E010]: there is no unit"), "{s}");
        assert!(s.contains("(field `units`)"), "{s}");
        assert!(s.contains("= hint: did you mean"), "{s}");
        // Vietnamese is the default, and unknown text is left alone.
        assert_eq!(d.localized(Lang::Vi), d);
        assert_eq!(Lang::En.text("E999 something new"), "E999 something new");
    }

    #[test]
    fn nested_messages_are_translated_piece_by_piece() {
        assert_eq!(
            Lang::En.text(
                "sai kiểu dữ liệu: cần một danh sách, ví dụ `[a, b]` hoặc mỗi mục một dòng bắt đầu bằng `- `, nhưng đã viết string \"dịch vụ công\""
            ),
            "wrong kind of value: expected a list, for example `[a, b]`, or one item per line starting with `- `, but found the text `dịch vụ công`"
        );
        assert_eq!(
            Lang::En.text("dòng 4, cột C `Lĩnh vực`: thiếu lĩnh vực"),
            "row 4, column C `Lĩnh vực`: the procedure field is missing"
        );
    }

    #[test]
    fn closest_ignores_diacritics_and_rejects_far_values() {
        let units = ["phong-kinh-te", "phong-van-hoa-xa-hoi"];
        assert_eq!(closest("phong-kinh-tee", units), Some("phong-kinh-te"));
        assert_eq!(closest("zzz", units), None);
    }
}
