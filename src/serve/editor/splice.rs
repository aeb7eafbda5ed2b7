//! Change a content file's front matter one top-level key at a time.
//!
//! The editor never re-serializes a whole file: a key whose value the form
//! left as it was keeps its lines byte for byte, and so do comments and the
//! keys the form does not know. Only a changed key's lines are replaced, by
//! the canonical layout (`render_entry`); a new key goes after the keys that
//! come before it in the form's order. So opening a file and saving it
//! unchanged leaves its bytes identical.

use serde_yaml::Value;

/// A content file cut into front matter lines and body.
#[derive(Debug, Clone)]
pub struct Parts {
    /// Everything up to and including the opening fence (`---\n`, with a BOM).
    pub head: String,
    /// Front matter lines, each with its line end.
    pub lines: Vec<String>,
    /// The closing fence line, with its line end.
    pub fence: String,
    pub body: String,
}

impl Parts {
    /// `None` when the file has no front matter fences.
    pub fn parse(text: &str) -> Option<Parts> {
        let mut pieces = text.split_inclusive('\n');
        let first = pieces.next()?;
        if first.trim_start_matches('\u{feff}').trim_end() != "---" {
            return None;
        }
        let mut lines = Vec::new();
        let mut consumed = first.len();
        for line in pieces {
            consumed += line.len();
            if line.trim_end() == "---" {
                return Some(Parts {
                    head: first.to_string(),
                    lines,
                    fence: line.to_string(),
                    body: text[consumed..].to_string(),
                });
            }
            lines.push(line.to_string());
        }
        None
    }

    /// A new file in the canonical layout.
    pub fn new_file(entries: &[(String, Value)], body: &str) -> Parts {
        let mut lines = Vec::new();
        for (k, v) in entries {
            lines.extend(render_entry(k, v));
        }
        Parts {
            head: "---\n".into(),
            lines,
            fence: "---\n".into(),
            body: body.to_string(),
        }
    }

    pub fn text(&self) -> String {
        let mut s = self.head.clone();
        for l in &self.lines {
            s.push_str(l);
        }
        s.push_str(&self.fence);
        s.push_str(&self.body);
        s
    }

    /// The front matter as YAML text.
    pub fn yaml(&self) -> String {
        self.lines.concat()
    }

    /// The line range of top-level `key` (its line and the indented lines
    /// that continue it).
    fn block(&self, key: &str) -> Option<(usize, usize)> {
        let start = self.lines.iter().position(|l| top_key(l) == Some(key))?;
        let mut end = start + 1;
        while end < self.lines.len() {
            let l = &self.lines[end];
            if continues(l) {
                end += 1;
            } else if l.trim().is_empty() {
                // A blank line belongs to the block only if more of it follows.
                let more = self.lines[end..]
                    .iter()
                    .find(|l| !l.trim().is_empty())
                    .is_some_and(|l| continues(l));
                if more {
                    end += 1;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        Some((start, end))
    }

    /// The value of top-level `key` as the file writes it: what follows
    /// `key:` on its line, then the lines that continue it, byte for byte.
    pub fn raw_value(&self, key: &str) -> Option<String> {
        let (start, end) = self.block(key)?;
        let first = &self.lines[start];
        let rest = first.split_once(':').map(|(_, r)| r).unwrap_or("");
        let mut out = if rest.trim().is_empty() {
            String::new()
        } else {
            rest.trim_start_matches([' ', '\t']).to_string()
        };
        for l in &self.lines[start + 1..end] {
            out.push_str(l);
        }
        Some(out)
    }

    /// Replace the lines of top-level `key` by `new_lines` as given (a new
    /// key goes after the last of `before` present, as with `set`).
    pub fn set_raw(&mut self, key: &str, new_lines: Vec<String>, before: &[&str]) {
        if let Some((start, end)) = self.block(key) {
            self.lines.splice(start..end, new_lines);
            return;
        }
        let at = before
            .iter()
            .rev()
            .find_map(|k| self.block(k).map(|(_, end)| end))
            .unwrap_or(0);
        if at > 0 && !self.lines[at - 1].ends_with('\n') {
            self.lines[at - 1].push('\n');
        }
        self.lines.splice(at..at, new_lines);
    }

    /// Set (`Some`) or remove (`None`) top-level `key`. A new key goes after
    /// the last of `before` (keys that precede it in canonical order) present.
    pub fn set(&mut self, key: &str, value: Option<&Value>, before: &[&str]) {
        let new_lines = value.map(|v| render_entry(key, v)).unwrap_or_default();
        if let Some((start, end)) = self.block(key) {
            self.lines.splice(start..end, new_lines);
            return;
        }
        if new_lines.is_empty() {
            return;
        }
        let at = before
            .iter()
            .rev()
            .find_map(|k| self.block(k).map(|(_, end)| end))
            .unwrap_or(0);
        // A front matter without a final line end would glue the new key on.
        if at > 0 && !self.lines[at - 1].ends_with('\n') {
            self.lines[at - 1].push('\n');
        }
        self.lines.splice(at..at, new_lines);
    }
}

/// The key a top-level line starts, if it starts one.
fn top_key(line: &str) -> Option<&str> {
    let first = line.chars().next()?;
    if first.is_whitespace() || matches!(first, '#' | '-' | '"' | '\'') {
        return None;
    }
    let (k, rest) = line.split_once(':')?;
    (rest.is_empty() || rest.starts_with([' ', '\n', '\r', '\t'])).then_some(k.trim_end())
}

/// A line that continues the block above it (indented, or a list item).
fn continues(line: &str) -> bool {
    line.starts_with([' ', '\t']) || line.starts_with("- ") || line.trim_end() == "-"
}

/// `key: value` lines in the canonical layout: scalars plain where YAML reads
/// them back unchanged, else double-quoted; lists of scalars in flow style
/// (`[a, b]`); mappings as indented blocks.
pub fn render_entry(key: &str, v: &Value) -> Vec<String> {
    match v {
        Value::Mapping(m) => {
            let mut out = vec![format!("{key}:\n")];
            for (k, v) in m {
                let k = k.as_str().unwrap_or_default();
                for line in render_entry(k, v) {
                    out.push(format!("  {line}"));
                }
            }
            out
        }
        Value::Sequence(items) if items.iter().all(is_scalar) => {
            let plain: Vec<String> = items.iter().map(|i| scalar(i, true)).collect();
            let flow = format!("{key}: [{}]\n", plain.join(", "));
            // Long lists (a procedure's steps) one item a line, readable.
            if flow.chars().count() <= 80 {
                return vec![flow];
            }
            let mut out = vec![format!("{key}:\n")];
            out.extend(items.iter().map(|i| format!("- {}\n", scalar(i, false))));
            out
        }
        Value::Sequence(items) => {
            let mut out = vec![format!("{key}:\n")];
            for item in items {
                let text = serde_yaml::to_string(item).unwrap_or_default();
                for (i, line) in text.lines().enumerate() {
                    let lead = if i == 0 { "  - " } else { "    " };
                    out.push(format!("{lead}{line}\n"));
                }
            }
            out
        }
        other => vec![format!("{key}: {}\n", scalar(other, false))],
    }
}

fn is_scalar(v: &Value) -> bool {
    !matches!(v, Value::Mapping(_) | Value::Sequence(_) | Value::Tagged(_))
}

/// One scalar as YAML text; `flow` for an item of a `[…]` list.
fn scalar(v: &Value, flow: bool) -> String {
    match v {
        Value::String(s) => {
            let plain_ok = !s.is_empty()
                && s.trim() == s
                && !s.contains(['\n', '\r', '\t', '"', '\''])
                && !s.contains(" #")
                && !s.starts_with('#')
                && (!flow || !s.contains([',', '[', ']', '{', '}']))
                && serde_yaml::from_str::<Value>(&format!("k: {s}\n"))
                    .ok()
                    .and_then(|v| v.get("k").cloned())
                    == Some(Value::String(s.clone()));
            if plain_ok {
                s.clone()
            } else {
                // JSON's string escapes are valid in a YAML double-quoted scalar.
                serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
            }
        }
        Value::Null => "null".into(),
        other => serde_yaml::to_string(other)
            .unwrap_or_default()
            .trim_end()
            .to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "---\ntitle: Bài cũ\n# ghi chú của người viết\nunits: [a, b]\nimage:\n  src: /files/x.jpg\n  alt: Ảnh\n\n  caption: Chú thích\nla: giữ nguyên\n---\nNội dung.\n";

    #[test]
    fn untouched_keys_comments_and_unknown_keys_keep_their_bytes() {
        let mut p = Parts::parse(FILE).unwrap();
        assert_eq!(p.text(), FILE);
        p.set("title", Some(&Value::String("Bài mới: số 1".into())), &[]);
        let out = p.text();
        assert!(
            out.starts_with("---\ntitle: \"Bài mới: số 1\"\n# ghi chú"),
            "{out}"
        );
        assert!(out.contains("la: giữ nguyên\n---\nNội dung.\n"));
        let back: Value = serde_yaml::from_str(&p.yaml()).unwrap();
        assert_eq!(back["title"], Value::String("Bài mới: số 1".into()));
        assert_eq!(back["image"]["caption"], Value::String("Chú thích".into()));
    }

    #[test]
    fn a_nested_value_is_read_and_replaced_as_its_own_lines() {
        let file = "---\ntitle: T\nchannels:\n- method: truc_tiep\n  fees: [] # chưa rõ\n\n# ghi chú\nla: x\n---\n";
        let mut p = Parts::parse(file).unwrap();
        assert_eq!(
            p.raw_value("channels").unwrap(),
            "- method: truc_tiep\n  fees: [] # chưa rõ\n"
        );
        assert_eq!(p.raw_value("title").unwrap(), "T\n");
        p.set_raw(
            "channels",
            vec!["channels:\n".into(), "- method: buu_chinh\n".into()],
            &[],
        );
        assert_eq!(
            p.text(),
            "---\ntitle: T\nchannels:\n- method: buu_chinh\n\n# ghi chú\nla: x\n---\n"
        );
        p.set_raw(
            "dossier",
            vec!["dossier: []\n".into()],
            &["title", "channels"],
        );
        assert!(
            p.text()
                .contains("- method: buu_chinh\ndossier: []\n\n# ghi chú")
        );
    }

    #[test]
    fn a_long_list_of_texts_is_written_one_item_a_line() {
        let steps = Value::Sequence(vec![
            Value::String("Bước 1: Nộp hồ sơ tại Trung tâm Phục vụ hành chính công xã".into()),
            Value::String("Bước 2: Nhận kết quả".into()),
        ]);
        assert_eq!(
            render_entry("steps", &steps),
            [
                "steps:\n",
                "- \"Bước 1: Nộp hồ sơ tại Trung tâm Phục vụ hành chính công xã\"\n",
                "- \"Bước 2: Nhận kết quả\"\n"
            ]
        );
        let short = Value::Sequence(vec![Value::String("a".into())]);
        assert_eq!(render_entry("units", &short), ["units: [a]\n"]);
    }

    #[test]
    fn new_keys_go_after_their_predecessor_and_removed_keys_vanish() {
        let mut p = Parts::parse(FILE).unwrap();
        p.set(
            "summary",
            Some(&Value::String("Tóm tắt".into())),
            &["title"],
        );
        p.set("image", None, &[]);
        let list = Value::Sequence(vec![
            Value::String("x, y".into()),
            Value::String("true".into()),
        ]);
        p.set("tags", Some(&list), &["nothing"]);
        let out = p.text();
        assert!(
            out.starts_with(
                "---\ntags: [\"x, y\", \"true\"]\ntitle: Bài cũ\nsummary: Tóm tắt\n# ghi"
            ),
            "{out}"
        );
        assert!(!out.contains("image") && !out.contains("caption"));
        let back: Value = serde_yaml::from_str(&p.yaml()).unwrap();
        assert_eq!(back["tags"], list);
    }
}
