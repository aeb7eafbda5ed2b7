//! Split a content file into YAML front matter and Markdown body, deserialize
//! the YAML into a typed struct, and map every problem back to a file line.
//!
//! serde's messages are English and programmer-shaped ("invalid type: string,
//! expected a sequence"); they are rewritten into words the commune's staff
//! can act on. `yaml_hints` first looks for the mistake behind the error (a
//! comma or colon that needs quotes, a Tab, a field indented wrongly, …) and
//! gives the corrected line; what it does not recognise is worded here, with
//! the closest valid key or value as a suggestion. `site.yaml` is parsed
//! through the same `Document`, so it gets the same words.

use serde::de::DeserializeOwned;

use crate::diagnostics::{Diagnostic, closest};

/// A content file's text, split at its front matter fences.
#[derive(Debug)]
pub struct Document<'a> {
    /// The whole (NFC) file text, for showing source lines.
    pub text: &'a str,
    /// The YAML between the fences.
    pub yaml: &'a str,
    /// 1-based file line of the first YAML line.
    pub yaml_line: usize,
    /// The Markdown after the closing fence.
    pub body: &'a str,
    /// 1-based file line of the first body line.
    pub body_line: usize,
}

/// Split `text` at `---` fences. The error says what to write.
pub fn split(text: &str) -> Result<Document<'_>, Diagnostic> {
    let text_no_bom = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text_no_bom.trim().is_empty() {
        return Err(Diagnostic::error("E003", "tệp trống: chưa có phần thông tin (front matter) và nội dung")
            .hint("bắt đầu tệp bằng một dòng `---`, các trường như `title: ...`, rồi một dòng `---` và nội dung bài"));
    }
    let mut lines = text_no_bom.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != "---" {
        return Err(Diagnostic::error(
            "E004",
            "tệp phải bắt đầu bằng dòng `---` mở đầu phần thông tin (front matter)",
        )
        .at(text_no_bom, 1, 1)
        .hint("thêm một dòng chỉ có `---` ở đầu tệp"));
    }
    let yaml_start = first.len();
    let mut offset = yaml_start;
    let mut line_no = 1;
    for line in lines {
        line_no += 1;
        if line.trim_end() == "---" {
            let yaml = &text_no_bom[yaml_start..offset];
            let body = &text_no_bom[offset + line.len()..];
            return Ok(Document {
                text: text_no_bom,
                yaml,
                yaml_line: 2,
                body,
                body_line: line_no + 1,
            });
        }
        offset += line.len();
    }
    Err(Diagnostic::error(
        "E004",
        "phần thông tin (front matter) mở bằng `---` ở dòng 1 nhưng không có dòng `---` đóng lại",
    )
    .at(text_no_bom, 1, 1)
    .hint("thêm một dòng chỉ có `---` sau trường cuối cùng, trước nội dung bài"))
}

impl Document<'_> {
    /// Deserialize the front matter into `T`.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, Diagnostic> {
        // The YAML parser already bounds recursion depth and alias expansion;
        // a size cap keeps a pasted blob from costing more than it is worth.
        const MAX_YAML: usize = 256 * 1024;
        if self.yaml.len() > MAX_YAML {
            return Err(Diagnostic::error(
                "E027",
                "phần thông tin đầu tệp quá dài (giới hạn 256 KB)",
            )
            .at(self.text, self.yaml_line, 1)
            .hint("chuyển nội dung dài xuống phần thân bài, sau dòng `---` thứ hai"));
        }
        let yaml = if self.yaml.trim().is_empty() {
            "{}"
        } else {
            self.yaml
        };
        serde_yaml::from_str(yaml).map_err(|e| self.translate(&e))
    }

    fn translate(&self, e: &serde_yaml::Error) -> Diagnostic {
        let raw = e.to_string();
        // Drop yaml_serde's own " at line X column Y": we show the location ourselves.
        let raw = raw.split(" at line ").next().unwrap_or(&raw).to_string();
        let (path, msg) = split_path(&raw);
        let failure = super::yaml_hints::Failure {
            msg,
            path: path.as_deref(),
            line: e.location().map(|l| l.line()),
        };
        if let Some(d) = super::yaml_hints::explain(self, &failure) {
            return match path {
                Some(p) => d.field(p),
                None => d,
            };
        }
        let (message, hint) = humanize(msg);
        let mut d = Diagnostic::error(code_for(msg), message);
        if let Some(hint) = hint {
            d = d.hint(hint);
        }
        // The field concerned: yaml_serde's path for nested errors, else the
        // key named in the message (missing, unknown or repeated field).
        let named = ticks(msg).first().map(|s| s.to_string());
        let keyed = msg.starts_with("missing field")
            || msg.starts_with("unknown field")
            || msg.starts_with("duplicate field");
        match (path, named) {
            (Some(path), _) => d = d.field(path),
            (None, Some(key)) if keyed => d = d.field(key),
            _ => {}
        }
        if msg.starts_with("duplicate field") {
            // Point at the second time the key is written.
            if let Some(key) = ticks(msg).first() {
                let prefix = format!("{key}:");
                if let Some(i) = self
                    .yaml
                    .lines()
                    .enumerate()
                    .filter(|(_, l)| l.starts_with(&prefix))
                    .nth(1)
                    .map(|(i, _)| i)
                {
                    return d.at(self.text, self.yaml_line + i, 1);
                }
            }
        }
        match e.location() {
            Some(loc) => d.at(self.text, self.yaml_line + loc.line() - 1, loc.column()),
            None => d.at(self.text, self.yaml_line, 1),
        }
    }

    /// Where a top-level `key` (and optionally one of its values) is written,
    /// as a 1-based (line, column) in the file. Used for problems found after
    /// deserialization, such as an unknown unit.
    pub fn locate(&self, key: &str, value: Option<&str>) -> (usize, usize) {
        let lines: Vec<&str> = self.yaml.lines().collect();
        let prefix = format!("{key}:");
        let Some(start) = lines.iter().position(|l| l.starts_with(&prefix)) else {
            return (self.yaml_line, 1);
        };
        let Some(value) = value else {
            return (self.yaml_line + start, 1);
        };
        // The value may sit on the key's line (flow list) or on the indented
        // lines that follow it (block list), up to the next top-level key.
        for (i, line) in lines.iter().enumerate().skip(start) {
            if i > start && !line.starts_with([' ', '\t', '-']) && !line.trim().is_empty() {
                break;
            }
            let search_from = if i == start { prefix.len() } else { 0 };
            if let Some(pos) = line[search_from..].find(value) {
                let col = line[..search_from + pos].chars().count() + 1;
                return (self.yaml_line + i, col);
            }
        }
        (self.yaml_line + start, 1)
    }
}

fn split_path(raw: &str) -> (Option<String>, &str) {
    // yaml_serde prefixes nested errors with the path: "units[0]: message".
    if let Some((path, msg)) = raw.split_once(": ") {
        let looks_like_path = !path.contains(' ') && !path.is_empty();
        if looks_like_path {
            return (Some(path.to_string()), msg);
        }
    }
    (None, raw)
}

fn code_for(msg: &str) -> &'static str {
    if msg.starts_with("missing field") {
        "E006"
    } else if msg.starts_with("unknown field") {
        "E007"
    } else if msg.starts_with("unknown variant")
        || msg.starts_with("invalid type")
        || msg.starts_with("invalid value")
    {
        "E008"
    } else if msg.starts_with("địa chỉ `") {
        "E026" // content::types::Url
    } else if msg.contains("ngày") || msg.contains("thời điểm") {
        "E009"
    } else if msg.starts_with("duplicate field") {
        "E007"
    } else if msg.contains("mã thủ tục") {
        "E008"
    } else {
        "E005"
    }
}

/// Backticked words in a serde message: "unknown field `titel`, expected one of `title`, …".
fn ticks(msg: &str) -> Vec<&str> {
    msg.split('`').skip(1).step_by(2).collect()
}

fn expected_words(expected: &str) -> String {
    let e = expected.trim();
    let plain = if e.contains("sequence") {
        "một danh sách, ví dụ `[a, b]` hoặc mỗi mục một dòng bắt đầu bằng `- `"
    } else if e.contains("boolean") {
        "`true` (có) hoặc `false` (không)"
    } else if e.contains("map") || e.starts_with("struct") {
        "một nhóm trường lồng nhau (mỗi dòng `tên: giá trị`, thụt lề)"
    } else if e.contains("string") {
        "một đoạn văn bản"
    } else if e.contains("integer") || e.starts_with('u') || e.starts_with('i') {
        "một số nguyên"
    } else {
        e
    };
    plain.to_string()
}

/// Rewrite a serde/yaml message in plain Vietnamese, with a hint.
fn humanize(msg: &str) -> (String, Option<String>) {
    let t = ticks(msg);
    if msg.starts_with("missing field") {
        let f = t.first().copied().unwrap_or("?");
        return (
            format!("thiếu trường bắt buộc `{f}`"),
            Some(format!(
                "thêm một dòng `{f}: ...` vào phần thông tin đầu tệp"
            )),
        );
    }
    if msg.starts_with("unknown field") {
        let f = t.first().copied().unwrap_or("?");
        let allowed = &t[1.min(t.len())..];
        let hint = match closest(f, allowed.iter().copied()) {
            Some(c) => format!("có phải bạn muốn viết `{c}`?"),
            None => format!("các trường được dùng ở đây: {}", allowed.join(", ")),
        };
        return (format!("trường `{f}` không được hỗ trợ"), Some(hint));
    }
    if msg.starts_with("unknown variant") {
        let v = t.first().copied().unwrap_or("?");
        let allowed = &t[1.min(t.len())..];
        let hint = match closest(v, allowed.iter().copied()) {
            Some(c) => format!(
                "có phải bạn muốn viết `{c}`? Các giá trị hợp lệ: {}",
                allowed.join(", ")
            ),
            None => format!("các giá trị hợp lệ: {}", allowed.join(", ")),
        };
        return (format!("giá trị `{v}` không hợp lệ"), Some(hint));
    }
    if msg.starts_with("duplicate field") {
        let f = t.first().copied().unwrap_or("?");
        return (
            format!("trường `{f}` được viết hai lần"),
            Some("giữ lại một dòng, xóa dòng kia".into()),
        );
    }
    if let Some(rest) = msg.strip_prefix("invalid type: ") {
        if let Some((got, expected)) = rest.split_once(", expected ") {
            return (
                format!(
                    "sai kiểu dữ liệu: cần {}, nhưng đã viết {}",
                    expected_words(expected),
                    got
                ),
                None,
            );
        }
    }
    if msg.contains("recursion limit") || msg.contains("repetition limit") {
        return (
            "phần thông tin lồng quá sâu hoặc lặp lại quá nhiều (YAML alias)".into(),
            Some("viết các giá trị trực tiếp, không dùng `&` và `*`".into()),
        );
    }
    if super::yaml_hints::is_syntax(msg) {
        return (
            format!(
                "phần thông tin (YAML) viết sai cú pháp: {}",
                super::yaml_hints::meaning(msg)
            ),
            Some("kiểm tra dấu `:` sau tên trường, thụt lề, và đặt văn bản có dấu `:` hoặc `#` trong dấu nháy kép".into()),
        );
    }
    (msg.to_string(), None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct T {
        title: String,
        units: Vec<String>,
        #[serde(default)]
        featured: bool,
    }

    #[test]
    fn split_finds_fences_and_lines() {
        let d = split("---\ntitle: A\n---\nBody\n").unwrap();
        assert_eq!(d.yaml, "title: A\n");
        assert_eq!(d.body, "Body\n");
        assert_eq!(d.body_line, 4);
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        let e = split("---\ntitle: A\nBody\n").unwrap_err();
        assert_eq!(e.code, "E004");
        assert!(e.message.contains("không có dòng `---` đóng lại"));
    }

    #[test]
    fn misspelt_key_gets_a_suggestion_and_line() {
        let text = "---\ntitle: A\nunitz: [x]\n---\n";
        let e = split(text).unwrap().parse::<T>().unwrap_err();
        assert_eq!(e.code, "E007");
        assert_eq!(e.line, Some(3));
        assert_eq!(e.hint.as_deref(), Some("có phải bạn muốn viết `units`?"));
    }

    #[test]
    fn wrong_type_names_the_field_in_plain_words() {
        let text = "---\ntitle: A\nunits: [x]\nfeatured: maybe\n---\n";
        let e = split(text).unwrap().parse::<T>().unwrap_err();
        assert_eq!(e.line, Some(4));
        assert_eq!(e.field.as_deref(), Some("featured"));
        assert!(
            e.message.contains("`true` (có) hoặc `false` (không)"),
            "{}",
            e.message
        );
    }

    #[test]
    fn locate_finds_values_in_flow_and_block_lists() {
        let text = "---\ntitle: A\nunits: [a, phong-x]\ntags:\n  - một\n  - hai\n---\n";
        let d = split(text).unwrap();
        assert_eq!(d.locate("units", Some("phong-x")), (3, 12));
        assert_eq!(d.locate("tags", Some("hai")), (6, 5));
        assert_eq!(d.locate("title", None), (2, 1));
    }
}
