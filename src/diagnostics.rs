//! One `Diagnostic` type for every problem the pipeline finds, and its printing.
//!
//! Errors are data: stages collect diagnostics instead of stopping at the first,
//! and the CLI decides how to show them. The people who read these are not
//! programmers, so every message says where (file, line, column), what is wrong in
//! plain Vietnamese, and, where possible, what to write instead.

use std::fmt;
use std::path::{Path, PathBuf};

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
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "lỗi",
            Severity::Warning => "cảnh báo",
        };
        write!(f, "{kind}[{}]: {}", self.code, self.message)?;
        if let Some(field) = &self.field {
            write!(f, " (trường `{field}`)")?;
        }
        let gutter = " ".repeat(self.line.map(|l| l.to_string().len()).unwrap_or(1));
        if let Some(file) = &self.file {
            write!(f, "\n{gutter}--> {}", file.display())?;
            if let Some(line) = self.line {
                write!(f, ":{line}")?;
                if let Some(col) = self.column {
                    write!(f, ":{col}")?;
                }
            }
        }
        if let (Some(src), Some(line)) = (&self.source_line, self.line) {
            let num = line.to_string();
            let pad = " ".repeat(num.len());
            write!(f, "\n {pad} |\n {num} | {src}")?;
            if let Some(col) = self.column {
                // Column counts characters; the marker goes under that character.
                let before: String = src.chars().take(col - 1).collect();
                let indent: String = before
                    .chars()
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                write!(f, "\n {pad} | {indent}^")?;
            }
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n   = gợi ý: {hint}")?;
        }
        Ok(())
    }
}

/// Sort for display: grouped by file, errors before warnings, then by line.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        (&a.file, a.severity, a.line, a.column, &a.message)
            .cmp(&(&b.file, b.severity, b.line, b.column, &b.message))
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
    fn closest_ignores_diacritics_and_rejects_far_values() {
        let units = ["phong-kinh-te", "phong-van-hoa-xa-hoi"];
        assert_eq!(closest("phong-kinh-tee", units), Some("phong-kinh-te"));
        assert_eq!(closest("zzz", units), None);
    }
}
