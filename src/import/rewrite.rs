//! Write changed front matter back into the text a person wrote.
//!
//! Re-serialising the whole mapping would drop every comment and reflow
//! every field. Instead the old YAML is cut into its top-level entries, each
//! with the comment lines above it; an entry whose value is unchanged is
//! copied byte for byte, a changed one is written anew with the comments it
//! held kept just above it, and a new one goes after the entry that
//! precedes it in the record. No comment is ever dropped.

use serde_yaml::{Mapping, Value};

/// One top-level entry of the old YAML.
struct Entry<'a> {
    key: String,
    /// Comment and blank lines above the key line.
    leading: Vec<&'a str>,
    /// The key line and everything indented under it.
    body: Vec<&'a str>,
}

/// `new` written over `old_yaml` (which parses to `old`), or `None` when the
/// old text is laid out in a way this cannot follow (then the caller writes
/// the mapping whole, with `comments` of the old text above it).
pub fn rewrite(old_yaml: &str, old: &Mapping, new: &Mapping) -> Option<String> {
    let (entries, trailing) = entries(old_yaml)?;
    let keys: Vec<&str> = entries.iter().map(|e| e.key.as_str()).collect();
    let old_keys: Vec<&str> = old.keys().filter_map(Value::as_str).collect();
    if keys != old_keys || old_keys.len() != old.len() {
        return None;
    }
    let mut out = String::new();
    // New keys go after the key that precedes them in `new`.
    let mut pending: Vec<(&str, &Value)> = Vec::new();
    let mut after: Vec<(Option<&str>, &str, &Value)> = Vec::new();
    let mut last_old: Option<&str> = None;
    for (k, v) in new {
        let k = k.as_str()?;
        if old.contains_key(k) {
            last_old = Some(k);
        } else {
            after.push((last_old, k, v));
        }
    }
    pending.extend(
        after
            .iter()
            .filter(|(a, ..)| a.is_none())
            .map(|(_, k, v)| (*k, *v)),
    );
    for (k, v) in pending {
        out.push_str(&entry(k, v)?);
    }
    for e in &entries {
        for l in &e.leading {
            out.push_str(l);
        }
        match new.get(e.key.as_str()) {
            Some(v) if old.get(e.key.as_str()) == Some(v) => {
                e.body.iter().for_each(|l| out.push_str(l));
            }
            v => {
                for c in comments(&e.body) {
                    out.push_str(&c);
                    out.push('\n');
                }
                if let Some(v) = v {
                    out.push_str(&entry(&e.key, v)?);
                }
            }
        }
        for (_, k, v) in after.iter().filter(|(a, ..)| *a == Some(e.key.as_str())) {
            out.push_str(&entry(k, v)?);
        }
    }
    trailing.iter().for_each(|l| out.push_str(l));
    Some(out)
}

/// Every comment of `yaml`, as whole lines, for the fallback.
pub fn all_comments(yaml: &str) -> Vec<String> {
    let lines: Vec<&str> = yaml.split_inclusive('\n').collect();
    comments(&lines)
}

/// `key: value` as block YAML.
fn entry(k: &str, v: &Value) -> Option<String> {
    let mut m = Mapping::new();
    m.insert(Value::String(k.to_string()), v.clone());
    serde_yaml::to_string(&Value::Mapping(m)).ok()
}

fn is_comment_or_blank(line: &str) -> bool {
    let t = line.trim();
    t.is_empty() || t.starts_with('#')
}

/// The key of a top-level line (`key: …`), if it is one.
fn top_key(line: &str) -> Option<String> {
    let first = line.chars().next()?;
    if first.is_whitespace()
        || matches!(
            first,
            '#' | '-' | '?' | '{' | '[' | '&' | '*' | '!' | '|' | '>' | '%' | '@' | '`'
        )
    {
        return None;
    }
    let (key, _) = line.split_once(':')?;
    match first {
        '\'' | '"' => serde_yaml::from_str::<String>(key.trim()).ok(),
        _ => Some(key.trim_end().to_string()),
    }
}

/// The top-level entries, and comment lines after the last one.
fn entries(yaml: &str) -> Option<(Vec<Entry<'_>>, Vec<&str>)> {
    let mut out: Vec<Entry> = Vec::new();
    let mut held: Vec<&str> = Vec::new();
    for line in yaml.split_inclusive('\n') {
        if let Some(key) = top_key(line) {
            out.push(Entry {
                key,
                leading: std::mem::take(&mut held),
                body: vec![line],
            });
        } else if is_comment_or_blank(line) && !line.starts_with([' ', '\t']) {
            // A comment at the margin belongs to what follows it.
            held.push(line);
        } else {
            let e = out.last_mut()?;
            e.body.append(&mut held);
            e.body.push(line);
        }
    }
    Some((out, held))
}

/// The comments within `lines`: whole comment lines and the `# …` end of a
/// line, outside quotes and block scalars, re-indented to the margin.
fn comments(lines: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    // Indentation of the line that opened a block scalar (`|`, `>`).
    let mut scalar: Option<usize> = None;
    for line in lines {
        let indent = line.len() - line.trim_start().len();
        let t = line.trim();
        if let Some(i) = scalar {
            if t.is_empty() || indent > i {
                continue;
            }
            scalar = None;
        }
        if t.starts_with('#') {
            out.push(t.to_string());
            continue;
        }
        let (code, comment) = split_comment(t);
        if let Some(c) = comment {
            out.push(c.to_string());
        }
        let code = code.trim_end();
        if code.ends_with(['|', '>'])
            || code.ends_with("|-")
            || code.ends_with(">-")
            || code.ends_with("|+")
            || code.ends_with(">+")
        {
            scalar = Some(indent);
        }
    }
    out
}

/// A line's text and its trailing comment: a `#` after a space, outside
/// quotes.
fn split_comment(line: &str) -> (&str, Option<&str>) {
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            // A quote opens a quoted scalar only where one may start.
            None if (c == '\'' || c == '"') && (i == 0 || " :[{,".contains(prev)) => {
                quote = Some(c)
            }
            None if c == '#' && prev.is_whitespace() => return (&line[..i], Some(&line[i..])),
            None => {}
        }
        prev = c;
    }
    (line, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(y: &str) -> Mapping {
        serde_yaml::from_str(y).unwrap()
    }

    #[test]
    fn unchanged_entries_and_every_comment_survive() {
        let old = "# Hồ sơ nhập tay\ntitle: Cũ # tên cũ\nlevels:\n- cap_xa\n# ghi chú giữa\nfaq:\n- q: Hỏi?\n  a: Đáp. # trả lời\ndescription: |\n  Mục #1 của mô tả\n";
        let mut new = map(old);
        new.insert("title".into(), "Mới".into());
        new.insert("field".into(), "Hộ tịch".into());
        let text = rewrite(old, &map(old), &new).unwrap();
        assert_eq!(
            text,
            "# Hồ sơ nhập tay\n# tên cũ\ntitle: Mới\nlevels:\n- cap_xa\n# ghi chú giữa\nfaq:\n- q: Hỏi?\n  a: Đáp. # trả lời\ndescription: |\n  Mục #1 của mô tả\nfield: Hộ tịch\n"
        );
        assert_eq!(map(&text), new);
    }

    #[test]
    fn comments_inside_a_replaced_entry_move_above_it() {
        let old = "channels:\n# trực tiếp\n- method: truc_tiep # tại xã\n  processing_time: {text: '1 ngày # nhanh'}\n";
        let mut new = map(old);
        new.insert("channels".into(), Value::Sequence(vec![]));
        let text = rewrite(old, &map(old), &new).unwrap();
        assert_eq!(text, "# trực tiếp\n# tại xã\nchannels: []\n");
    }

    #[test]
    fn a_layout_it_cannot_follow_is_left_to_the_caller_with_its_comments() {
        let old = "{title: Cũ, field: Hộ tịch} # viết gọn\n";
        let mut new = map(old);
        new.insert("title".into(), "Mới".into());
        assert_eq!(rewrite(old, &map(old), &new), None);
        assert_eq!(all_comments(old), ["# viết gọn"]);
    }
}
