//! How a row of the sheet meets the file already on disk.
//!
//! The sheet governs only what it has columns for, and a blank cell is not a
//! request to delete: a value a person wrote stays unless they ask for
//! removals. Everything else in the file — form links, notes, FAQ, per-fee
//! amounts, exemptions without their column, channels without their
//! columns, fields this importer has never heard of — is carried over
//! untouched. Lists the sheet governs (steps, dossier papers, legal
//! citations) take the sheet's entries, each keeping the hand-added details
//! of the old entry it matches.

use serde_yaml::{Mapping, Value};

use super::columns::{Cell, ChannelColumns, Record};
use crate::vocab::SubmitMethod;

/// The merged front matter and the values kept over a blank cell, as field
/// paths (`description`, `channels[truc_tuyen].fees`).
pub struct Merged {
    pub front_matter: Mapping,
    pub kept: Vec<String>,
}

/// Apply `rec` to the file's front matter `old` (`None` for a new file).
pub fn merge(old: Option<&Mapping>, rec: &Record, allow_removal: bool) -> Merged {
    let mut m = Merger {
        allow_removal,
        kept: Vec::new(),
    };
    let mut out = old.cloned().unwrap_or_default();
    for (k, cell) in &rec.fields {
        if *k == "channels" {
            let new = match cell {
                Cell::Set(v) => v.as_sequence().map(Vec::as_slice).unwrap_or_default(),
                _ => &[],
            };
            let merged = m.channels(out.get(*k), new, &rec.channel_columns);
            set(&mut out, k, merged);
            continue;
        }
        let value = match cell {
            Cell::Set(v) => Some(match out.get(*k) {
                Some(o) => carry_list(k, v, o),
                None => v.clone(),
            }),
            Cell::Default(v) => Some(out.get(*k).cloned().unwrap_or_else(|| v.clone())),
            Cell::Empty => m.blank(out.get(*k), k.to_string()),
        };
        set(&mut out, k, value);
    }
    let old_source = out.get("source").and_then(Value::as_mapping).cloned();
    let mut source = old_source.clone().unwrap_or_default();
    for (k, cell) in &rec.source {
        let value = match cell {
            Cell::Set(v) => Some(v.clone()),
            Cell::Default(v) => Some(source.get(*k).cloned().unwrap_or_else(|| v.clone())),
            Cell::Empty => m.blank(source.get(*k), format!("source.{k}")),
        };
        set(&mut source, k, value);
    }
    out.insert(s("source"), Value::Mapping(source));
    Merged {
        front_matter: out,
        kept: m.kept,
    }
}

fn s(k: &str) -> Value {
    Value::String(k.to_string())
}

/// Set or remove `k`, keeping its place among the keys.
fn set(m: &mut Mapping, k: &str, v: Option<Value>) {
    match v {
        Some(v) => {
            m.insert(s(k), v);
        }
        None => {
            m.shift_remove(k);
        }
    }
}

/// Whether a value says something (an empty list or string does not).
fn filled(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::String(t) => !t.trim().is_empty(),
        Value::Sequence(l) => !l.is_empty(),
        Value::Mapping(m) => !m.is_empty(),
        _ => true,
    }
}

struct Merger {
    allow_removal: bool,
    kept: Vec<String>,
}

impl Merger {
    /// A blank cell over `old`: keep a filled value (and say so) unless
    /// removals are allowed.
    fn blank(&mut self, old: Option<&Value>, path: String) -> Option<Value> {
        match old {
            Some(v) if filled(v) && !self.allow_removal => {
                self.kept.push(path);
                Some(v.clone())
            }
            _ => None,
        }
    }

    /// "Cách thức thực hiện", channel by channel. A channel whose time
    /// column the sheet lacks is the file's; within a channel, fees follow
    /// their column and exemptions theirs.
    fn channels(
        &mut self,
        old: Option<&Value>,
        new: &[Value],
        cols: &ChannelColumns,
    ) -> Option<Value> {
        let old: &[Value] = old
            .and_then(Value::as_sequence)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let find = |list: &[Value], m: SubmitMethod| {
            list.iter()
                .find(|c| c.get("method").and_then(Value::as_str) == Some(m.id()))
                .cloned()
        };
        let mut out = Vec::new();
        for method in SubmitMethod::ALL.iter().copied() {
            let before = find(old, method);
            let path = format!("channels[{}]", method.id());
            let channel = if !cols.time.contains(&method) {
                before
            } else {
                match find(new, method) {
                    Some(n) => Some(self.channel(before.as_ref(), n, method, cols, &path)),
                    None => self.blank(before.as_ref(), path),
                }
            };
            out.extend(channel);
        }
        // Entries whose method the importer does not know stay as written.
        out.extend(
            old.iter()
                .filter(|c| {
                    !SubmitMethod::ALL
                        .iter()
                        .any(|m| c.get("method").and_then(Value::as_str) == Some(m.id()))
                })
                .cloned(),
        );
        (!out.is_empty()).then_some(Value::Sequence(out))
    }

    fn channel(
        &mut self,
        old: Option<&Value>,
        mut new: Value,
        method: SubmitMethod,
        cols: &ChannelColumns,
        path: &str,
    ) -> Value {
        let Some(old) = old.and_then(Value::as_mapping) else {
            return new;
        };
        let Some(n) = new.as_mapping_mut() else {
            return new;
        };
        // The time: the sheet's text; a hand-typed amount survives only
        // while the text it was read from is unchanged.
        if let (Some(ot), Some(nt)) = (
            old.get("processing_time").and_then(Value::as_mapping),
            n.get_mut("processing_time").and_then(Value::as_mapping_mut),
        ) && ot.get("text") == nt.get("text")
        {
            for (k, v) in ot {
                if !nt.contains_key(k) {
                    nt.insert(k.clone(), v.clone());
                }
            }
        }
        let old_fees: &[Value] = old
            .get("fees")
            .and_then(Value::as_sequence)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let fees = if cols.fees.contains(&method) {
            let new_fees: Vec<Value> = n
                .get("fees")
                .and_then(Value::as_sequence)
                .cloned()
                .unwrap_or_default();
            if new_fees.is_empty() {
                self.blank(old.get("fees"), format!("{path}.fees"))
                    .and_then(|v| v.as_sequence().cloned())
                    .unwrap_or_default()
            } else {
                let mut fees = new_fees;
                for (i, f) in fees.iter_mut().enumerate() {
                    if let Some(o) = matching_fee(old_fees, f, i) {
                        carry_keys(f, o, &["kind", "text", "exemptions"]);
                    }
                }
                fees
            }
        } else {
            old_fees.to_vec()
        };
        let fees = self.exemptions(fees, old_fees, n.get("fees"), cols.exemptions, path);
        if fees.is_empty() {
            n.shift_remove("fees");
        } else {
            n.insert(s("fees"), Value::Sequence(fees));
        }
        // Other details of the channel (a description) are the file's.
        for (k, v) in old {
            if !n.contains_key(k) && k.as_str() != Some("fees") {
                n.insert(k.clone(), v.clone());
            }
        }
        new
    }

    /// Exemptions of each fee: the sheet's when it has the column and says
    /// something, otherwise the old fee's.
    fn exemptions(
        &mut self,
        mut fees: Vec<Value>,
        old_fees: &[Value],
        sheet_fees: Option<&Value>,
        governed: bool,
        path: &str,
    ) -> Vec<Value> {
        let sheet_fees: &[Value] = sheet_fees
            .and_then(Value::as_sequence)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let from_sheet = sheet_fees.iter().find_map(|f| f.get("exemptions")).cloned();
        // The sheet attaches exemptions to its fees: without fees of its own
        // in this channel, it says nothing about them.
        let governed = governed && !sheet_fees.is_empty();
        for (i, f) in fees.iter_mut().enumerate() {
            let old = matching_fee(old_fees, f, i)
                .and_then(|o| o.get("exemptions"))
                .cloned();
            let value = match (&from_sheet, governed) {
                (Some(e), true) => Some(e.clone()),
                (None, true) => {
                    self.blank(old.as_ref(), format!("{path}.fees[{}].exemptions", i + 1))
                }
                (_, false) => old,
            };
            if let Some(m) = f.as_mapping_mut() {
                set(m, "exemptions", value);
            }
        }
        fees
    }
}

/// The old fee `new` replaces: same text, else same kind, else same place.
fn matching_fee<'a>(old: &'a [Value], new: &Value, i: usize) -> Option<&'a Value> {
    old.iter()
        .find(|o| o.get("text") == new.get("text"))
        .or_else(|| old.iter().find(|o| o.get("kind") == new.get("kind")))
        .or_else(|| old.get(i))
}

/// Copy the keys of `old` that `new` lacks, except `owned` ones (the
/// sheet's to set or leave out).
fn carry_keys(new: &mut Value, old: &Value, owned: &[&str]) {
    let (Some(n), Some(o)) = (new.as_mapping_mut(), old.as_mapping()) else {
        return;
    };
    for (k, v) in o {
        let governed = k.as_str().is_some_and(|k| owned.contains(&k));
        if !governed && !n.contains_key(k) {
            n.insert(k.clone(), v.clone());
        }
    }
}

/// A list the sheet governs, each entry keeping the hand-added details of
/// the old entry it matches (by its id key, else by place).
fn carry_entries(
    new: &mut Value,
    old: &Value,
    id: &str,
    owned: &[&str],
    inner: Option<(&str, &str, &[&str])>,
) {
    let (Some(new), Some(old)) = (new.as_sequence_mut(), old.as_sequence()) else {
        return;
    };
    let by_id: Vec<Option<&Value>> = new
        .iter()
        .map(|n| {
            old.iter()
                .find(|o| o.get(id).is_some() && o.get(id) == n.get(id))
        })
        .collect();
    for (i, n) in new.iter_mut().enumerate() {
        // An entry renamed in the sheet still matches its old place, unless
        // that old entry was matched by name elsewhere.
        let o = by_id[i].or_else(|| {
            old.get(i)
                .filter(|o| !by_id.iter().flatten().any(|m| std::ptr::eq(*m, *o)))
        });
        let Some(o) = o else { continue };
        if let Some((list, inner_id, inner_owned)) = inner
            && let (Some(nl), Some(ol)) = (n.get_mut(list), o.get(list))
        {
            carry_entries(nl, ol, inner_id, inner_owned, None);
        }
        carry_keys(n, o, owned);
    }
}

/// The sheet's value of a list field, with the old entries' extra details.
fn carry_list(key: &str, new: &Value, old: &Value) -> Value {
    let mut v = new.clone();
    match key {
        "dossier" => carry_entries(
            &mut v,
            old,
            "case",
            &["case", "items", "sets"],
            Some((
                "items",
                "name",
                &["name", "originals", "copies", "present_only", "optional"],
            )),
        ),
        // A citation line may give only the number: the rest stays.
        "legal_basis" | "decisions" => carry_entries(&mut v, old, "number", &["number"], None),
        _ => {}
    }
    v
}

/// One field-level difference between two versions of a record.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub path: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// The leaf-level differences from `old` to `new`, in `new`'s order, then
/// removals. List entries are compared by their id (method, case, number,
/// name) where they have one.
pub fn changes(old: &Mapping, new: &Mapping) -> Vec<Change> {
    let mut out = Vec::new();
    diff_maps("", old, new, &mut out);
    out
}

fn join(prefix: &str, k: &str) -> String {
    if prefix.is_empty() {
        k.to_string()
    } else {
        format!("{prefix}.{k}")
    }
}

fn key_text(k: &Value) -> String {
    k.as_str().map(str::to_string).unwrap_or_else(|| show(k))
}

fn diff_maps(prefix: &str, old: &Mapping, new: &Mapping, out: &mut Vec<Change>) {
    for (k, v) in new {
        let path = join(prefix, &key_text(k));
        diff(&path, old.get(k), Some(v), out);
    }
    for (k, v) in old {
        if !new.contains_key(k) {
            diff(&join(prefix, &key_text(k)), Some(v), None, out);
        }
    }
}

/// The id of a list entry, if it has one.
fn entry_id(v: &Value) -> Option<String> {
    ["method", "case", "number", "name", "q", "text"]
        .iter()
        .find_map(|k| v.get(*k).and_then(Value::as_str).map(str::to_string))
}

fn diff(path: &str, old: Option<&Value>, new: Option<&Value>, out: &mut Vec<Change>) {
    if old == new {
        return;
    }
    match (old, new) {
        (Some(Value::Mapping(o)), Some(Value::Mapping(n))) => diff_maps(path, o, n, out),
        (Some(Value::Sequence(o)), Some(Value::Sequence(n)))
            if o.iter()
                .chain(n)
                .all(|e| e.is_mapping() && entry_id(e).is_some()) =>
        {
            let label = |e: &Value| format!("{path}[{}]", entry_id(e).unwrap_or_default());
            for e in n {
                let before = o.iter().find(|x| entry_id(x) == entry_id(e));
                diff(&label(e), before, Some(e), out);
            }
            for e in o
                .iter()
                .filter(|x| !n.iter().any(|e| entry_id(e) == entry_id(x)))
            {
                diff(&label(e), Some(e), None, out);
            }
        }
        // Plain lists (steps, applicants): entry by entry, numbered from 1.
        (Some(Value::Sequence(o)), Some(Value::Sequence(n))) => {
            for i in 0..o.len().max(n.len()) {
                diff(&format!("{path}[{}]", i + 1), o.get(i), n.get(i), out);
            }
        }
        _ => out.push(Change {
            path: path.to_string(),
            before: old.map(show),
            after: new.map(show),
        }),
    }
}

/// A value on one line: text as is, anything else as its YAML with list
/// entries separated by `;` and the layout spaces collapsed.
fn show(v: &Value) -> String {
    match v {
        Value::String(t) => t.clone(),
        _ => serde_yaml::to_string(v)
            .map(|t| {
                t.trim_end()
                    .replace("\n- ", "; ")
                    .trim_start_matches("- ")
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(y: &str) -> Mapping {
        serde_yaml::from_str(y).unwrap()
    }

    #[test]
    fn changes_name_the_entry_that_changed() {
        let old = map(
            "steps: [a, b]\nchannels:\n- method: truc_tiep\n  processing_time: {text: 3 ngày}\nfaq: [{q: Hỏi?, a: Đáp.}]\n",
        );
        let new = map(
            "steps: [a, c, d]\nchannels:\n- method: truc_tiep\n  processing_time: {text: 5 ngày}\n",
        );
        let shown: Vec<(String, Option<String>, Option<String>)> = changes(&old, &new)
            .into_iter()
            .map(|c| (c.path, c.before, c.after))
            .collect();
        let s = |v: &str| Some(v.to_string());
        assert_eq!(
            shown,
            [
                ("steps[2]".into(), s("b"), s("c")),
                ("steps[3]".into(), None, s("d")),
                (
                    "channels[truc_tiep].processing_time.text".into(),
                    s("3 ngày"),
                    s("5 ngày")
                ),
                ("faq".into(), s("q: Hỏi? a: Đáp."), None),
            ]
        );
    }
}
