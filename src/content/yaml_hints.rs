//! The mistakes people make writing YAML, explained at their line.
//!
//! The people who write front matter and `site.yaml` are not programmers.
//! When the YAML parser or serde refuses a file, what they are told is in the
//! parser's words (`mapping values are not allowed in this context`), or, worse,
//! about a symptom: an unquoted comma inside `{…}` makes a field out of half a
//! value, and the message is then "field `xã Ia Rsai` is not supported". This
//! module looks at the lines around the error, recognises the mistake that
//! caused it (a comma or a colon that needs quotes, a Tab, an unclosed or
//! typographic quote, `-item` without a space, a key written twice, a list
//! where one value goes or the reverse, a date written day first, a number and
//! text swapped, a field indented wrongly) and says what to change, with the
//! corrected line as the hint.
//!
//! `explain` is called for every error `Document::parse` meets, so front
//! matter and `site.yaml` get the same words; `lint` finds what parses but is
//! not what was meant (text after ` #` dropped, a value wrapped in “ ”).

use crate::diagnostics::Diagnostic;

use super::front_matter::Document;

/// One line of the YAML, as far as these checks need it.
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    /// 1-based line within the YAML.
    no: usize,
    text: &'a str,
    /// Leading spaces (a Tab counts as one character).
    indent: usize,
    /// Whether the line is a list item (`- …`).
    dash: bool,
    /// `key` of `key: value` (after the dash, if any).
    key: Option<&'a str>,
    /// What follows `key:` (or the dash), trimmed, without a comment; may be empty.
    value: &'a str,
    /// Byte offset in `text` of what follows `key:` (or the dash).
    start: usize,
}

impl<'a> Line<'a> {
    fn parse(no: usize, text: &'a str) -> Line<'a> {
        let body = text.trim_start_matches([' ', '\t']);
        let indent = text.len() - body.len();
        let (dash, rest) = match body.strip_prefix("- ") {
            Some(r) => (true, r.trim_start()),
            None if body == "-" => (true, ""),
            None => (false, body),
        };
        let (key, after) = match split_key(rest) {
            Some((k, v)) => (Some(k), v),
            None => (None, rest),
        };
        let raw = after.trim_start();
        let start = text.len() - raw.len();
        Line {
            no,
            text,
            indent,
            dash,
            key,
            start,
            value: strip_comment(raw).trim(),
        }
    }

    /// Blank lines and comments say nothing about structure.
    fn significant(&self) -> bool {
        let t = self.text.trim();
        !t.is_empty() && !t.starts_with('#')
    }

    /// The byte offset in `text` where the value starts.
    fn value_start(&self) -> usize {
        self.start
    }

    /// Everything after the key, comment included.
    fn raw(&self) -> &'a str {
        self.text[self.start..].trim_end()
    }

    /// The line with its value (and any comment after it) replaced.
    fn with_value(&self, value: &str) -> String {
        let head = &self.text[..self.start];
        let sep = if head.ends_with([' ', '\t'])
            || head.is_empty()
            || head.ends_with('-') && self.key.is_none()
        {
            ""
        } else {
            " "
        };
        let tail = if self.raw().starts_with(['"', '\'']) || !self.raw().contains('#') {
            &self.text[(self.start + self.value.len()).min(self.text.len())..]
        } else {
            ""
        };
        format!("{head}{sep}{value}{tail}").trim_end().to_string()
    }
}

/// `key: value` → (`key`, `value`) when the line starts with a plain key.
fn split_key(s: &str) -> Option<(&str, &str)> {
    let colon = s.find(':')?;
    let key = &s[..colon];
    let after = &s[colon + 1..];
    let is_key = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    (is_key && (after.is_empty() || after.starts_with([' ', '\t']))).then_some((key, after))
}

/// A value without a trailing ` # comment` (outside quotes).
fn strip_comment(v: &str) -> &str {
    if v.trim_start().starts_with(['"', '\'']) {
        return v;
    }
    match v.find(" #") {
        Some(i) => &v[..i],
        None if v.trim_start().starts_with('#') => "",
        None => v,
    }
}

fn lines(yaml: &str) -> Vec<Line<'_>> {
    yaml.lines()
        .enumerate()
        .map(|(i, l)| Line::parse(i + 1, l))
        .collect()
}

/// `value` in double quotes, escaped as YAML needs.
fn quoted(value: &str) -> String {
    format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
}

/// What an error is about, as far as the explainer needs it.
pub(crate) struct Failure<'m> {
    /// serde's or the parser's message, without its location.
    pub msg: &'m str,
    /// yaml_serde's path of a nested value (`author[0]`, `contact`).
    pub path: Option<&'m str>,
    /// 1-based line and column within the YAML, if known.
    pub line: Option<usize>,
}

/// A diagnostic at YAML line `no` (column `col`) of `doc`.
fn at(doc: &Document, d: Diagnostic, no: usize, col: usize) -> Diagnostic {
    d.at(doc.text, doc.yaml_line + no - 1, col)
}

/// The corrected line, as the hint says it.
fn fix(line: &str) -> String {
    format!("sửa dòng này thành `{}`", line.trim_end())
}

/// One mistake's check: its diagnostic if the error comes from it.
type Detector = fn(&Document, &[Line], &Failure) -> Option<Diagnostic>;

/// The plain-language diagnostic for a parse or type error, when the mistake
/// behind it is one this module knows.
pub(crate) fn explain(doc: &Document, f: &Failure) -> Option<Diagnostic> {
    let ls = lines(doc.yaml);
    let syntax = is_syntax(f.msg);
    if syntax {
        let upto = f.line.unwrap_or(ls.len()).min(ls.len());
        if let Some(d) = tab(doc, &ls, upto) {
            return Some(d);
        }
    }
    let detectors: [Detector; 10] = [
        no_space_after_colon,
        typographic_quotes,
        unclosed_quote,
        unclosed_bracket,
        colon_or_special,
        comma_in_flow,
        dash_without_space,
        duplicate_key,
        wrong_kind,
        date_day_first,
    ];
    for detect in detectors {
        if let Some(d) = detect(doc, &ls, f) {
            return Some(d);
        }
    }
    indentation(doc, &ls, f)
}

/// Errors of the YAML parser itself (as opposed to serde's about values).
pub(crate) fn is_syntax(msg: &str) -> bool {
    [
        "mapping values are not allowed",
        "did not find expected",
        "found unexpected end of stream",
        "found character that cannot start any token",
        "while scanning",
        "while parsing",
        "block sequence entries are not allowed",
        "found unknown escape character",
        "found a tab character",
        "could not find expected ':'",
    ]
    .iter()
    .any(|p| msg.contains(p))
}

/// The line the error is on, if it is a line of the YAML.
fn error_line<'a>(ls: &[Line<'a>], f: &Failure) -> Option<Line<'a>> {
    let no = f.line?;
    ls.get(no.checked_sub(1)?).copied()
}

/// The last significant line at or before YAML line `no`.
fn significant_before<'a>(ls: &[Line<'a>], no: usize) -> Option<Line<'a>> {
    ls[..no.min(ls.len())]
        .iter()
        .rev()
        .find(|l| l.significant())
        .copied()
}

/// A Tab in the indentation of a line up to `upto`.
fn tab(doc: &Document, ls: &[Line], upto: usize) -> Option<Diagnostic> {
    let l = ls[..upto.max(1).min(ls.len())]
        .iter()
        .chain(ls.iter())
        .find(|l| l.text[..l.indent].contains('\t'))?;
    let fixed = format!(
        "{}{}",
        l.text[..l.indent].replace('\t', "  "),
        &l.text[l.indent..]
    );
    Some(at(
        doc,
        Diagnostic::error(
            "E122",
            "dòng này thụt lề bằng phím Tab; phần thông tin chỉ được thụt lề bằng dấu cách",
        )
        .hint(fix(&fixed)),
        l.no,
        1,
    ))
}

/// `title:Hội nghị`: without a space after the colon the line is not a field.
fn no_space_after_colon(doc: &Document, ls: &[Line], f: &Failure) -> Option<Diagnostic> {
    if !is_syntax(f.msg) {
        return None;
    }
    let last = f.line.unwrap_or(ls.len()).min(ls.len());
    let l = ls[..last].iter().rev().find(|l| {
        let body = &l.text[l.indent..];
        let body = body.strip_prefix("- ").unwrap_or(body);
        let Some(colon) = body.find(':') else {
            return false;
        };
        let key = &body[..colon];
        let next = body[colon + 1..].chars().next();
        l.key.is_none()
            && !key.is_empty()
            && key.chars().all(|c| c.is_ascii_lowercase() || c == '_')
            && next.is_some_and(|c| !c.is_whitespace() && c != '/' && c != ':')
    })?;
    let colon = l.text.find(':')?;
    let fixed = format!("{}: {}", &l.text[..colon], &l.text[colon + 1..]);
    Some(at(
        doc,
        Diagnostic::error("E131", "sau dấu `:` của tên trường phải có một dấu cách")
            .hint(fix(&fixed)),
        l.no,
        l.text[..colon].chars().count() + 1,
    ))
}

/// “ ” typed by a word processor where `"` was meant.
fn typographic_quotes(doc: &Document, ls: &[Line], f: &Failure) -> Option<Diagnostic> {
    if !is_syntax(f.msg) {
        return None;
    }
    let l = error_line(ls, f).filter(|l| l.value.contains(['“', '”']))?;
    let col = l.text[..l.text.find(['“', '”'])?].chars().count() + 1;
    Some(at(
        doc,
        Diagnostic::error(
            "E124",
            "dấu nháy cong `“ ”` không phải dấu nháy của phần thông tin: giá trị có dấu `:` hoặc `#` phải đặt trong dấu nháy thẳng `\"`",
        )
        .hint(fix(&l.with_value(&unwrap_curly(l.value)))),
        l.no,
        col,
    ))
}

/// `“text”` → `"text"`; text with curly quotes inside → the whole in `"…"`.
fn unwrap_curly(value: &str) -> String {
    match value
        .strip_prefix('“')
        .and_then(|v| v.strip_suffix('”'))
        .filter(|v| !v.contains(['“', '”']))
    {
        Some(inner) => quoted(inner),
        None => quoted(value),
    }
}

/// A value opened with `"` or `'` and never closed.
fn unclosed_quote(doc: &Document, ls: &[Line], f: &Failure) -> Option<Diagnostic> {
    if !is_syntax(f.msg) {
        return None;
    }
    let last = f.line.unwrap_or(ls.len()).min(ls.len());
    let l = ls[..last].iter().rev().find(|l| {
        let v = l.value;
        let Some(q) = v.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            return false;
        };
        let rest = &v[1..];
        match q {
            '"' => {
                // An unescaped closing quote anywhere after the first.
                let mut escaped = false;
                !rest.chars().any(|c| {
                    let close = c == '"' && !escaped;
                    escaped = c == '\\' && !escaped;
                    close
                })
            }
            _ => !rest.contains('\''),
        }
    })?;
    let q = &l.value[..1];
    let col = l.text[..l.value_start()].chars().count() + 1;
    Some(at(
        doc,
        Diagnostic::error(
            "E123",
            format!("dấu nháy `{q}` mở ở đầu giá trị nhưng không được đóng lại trên cùng dòng"),
        )
        .hint(fix(&format!("{}{q}", l.text.trim_end()))),
        l.no,
        col,
    ))
}

/// `[` or `{` opened and not closed on its line.
fn unclosed_bracket(doc: &Document, ls: &[Line], f: &Failure) -> Option<Diagnostic> {
    if !is_syntax(f.msg) {
        return None;
    }
    let last = f.line.unwrap_or(ls.len()).min(ls.len());
    let l = ls[..last].iter().rev().find(|l| {
        let depth = |open: char, close: char| {
            l.value.matches(open).count() as isize - l.value.matches(close).count() as isize
        };
        l.value.starts_with(['[', '{']) && (depth('[', ']') > 0 || depth('{', '}') > 0)
    })?;
    let mut closing = String::new();
    let mut stack = Vec::new();
    for c in l.value.chars() {
        match c {
            '[' => stack.push(']'),
            '{' => stack.push('}'),
            ']' | '}' => {
                stack.pop();
            }
            _ => {}
        }
    }
    while let Some(c) = stack.pop() {
        closing.push(c);
    }
    let col = l.text[..l.value_start()].chars().count() + 1;
    Some(at(
        doc,
        Diagnostic::error(
            "E130",
            format!("dấu ngoặc mở ở đầu giá trị chưa được đóng: thiếu `{closing}` ở cuối dòng"),
        )
        .hint(fix(&format!("{}{closing}", l.text.trim_end()))),
        l.no,
        col,
    ))
}

/// A `:` (or `@`, `` ` ``, `%` at the start) in a value that is not quoted; a
/// value starting with `#`, which makes the rest a comment.
fn colon_or_special(doc: &Document, ls: &[Line], f: &Failure) -> Option<Diagnostic> {
    let l = error_line(ls, f)?;
    if f.msg.contains("mapping values are not allowed") {
        let has_colon = l.key.is_some()
            && !l.value.starts_with(['"', '\'', '[', '{'])
            && (l.value.contains(": ") || l.value.ends_with(':'));
        if !has_colon {
            return None;
        }
        let col = l.value_start() + l.value.find(':').unwrap_or(0);
        return Some(at(
            doc,
            Diagnostic::error(
                "E121",
                "giá trị có dấu `:` nên phải đặt cả giá trị trong dấu nháy kép `\"`",
            )
            .hint(fix(&l.with_value(&quoted(l.value)))),
            l.no,
            l.text[..col].chars().count() + 1,
        ));
    }
    if f.msg
        .contains("found character that cannot start any token")
    {
        let raw = l.raw();
        let c = raw.chars().next().filter(|c| "@`%".contains(*c))?;
        return Some(at(
            doc,
            Diagnostic::error(
                "E121",
                format!("giá trị bắt đầu bằng ký tự `{c}` phải đặt trong dấu nháy kép `\"`"),
            )
            .hint(fix(&l.with_value(&quoted(raw)))),
            l.no,
            l.text[..l.value_start()].chars().count() + 1,
        ));
    }
    // `title: #5 …`: the value is a comment, the field empty.
    let got_nothing = f.msg.contains("invalid type: unit value")
        || f.msg.contains("invalid type: null")
        || f.msg.starts_with("missing field");
    let hashed = ls.iter().find(|x| {
        x.key.is_some() && x.value.is_empty() && x.raw().starts_with('#') && x.raw().len() > 1
    });
    if let (true, Some(x)) = (got_nothing, hashed) {
        let raw = x.raw();
        return Some(at(
            doc,
            Diagnostic::error(
                "E121",
                "giá trị bắt đầu bằng `#` bị coi là ghi chú nên trường này bị bỏ trống",
            )
            .hint(fix(&x.with_value(&quoted(raw)))),
            x.no,
            x.text[..x.value_start()].chars().count() + 1,
        ));
    }
    None
}

/// A comma inside `{…}` (or in a `{…}` inside `[…]`) that splits a value:
/// serde then reports the second half as an unknown field.
fn comma_in_flow(doc: &Document, ls: &[Line], f: &Failure) -> Option<Diagnostic> {
    let stray = f.msg.strip_prefix("unknown field `")?.split('`').next()?;
    let candidates = error_line(ls, f).into_iter().chain(ls.iter().copied());
    for l in candidates {
        if !l.text.contains('{') {
            continue;
        }
        let Some(pos) = find_after_comma(l.text, stray) else {
            continue;
        };
        let fixed = quote_split_value(l.text, pos)?;
        let col = l.text[..pos].chars().count() + 1;
        return Some(at(
            doc,
            Diagnostic::error(
                "E120",
                format!(
                    "dấu phẩy trong `{{…}}` đã tách giá trị làm đôi (`{stray}` bị hiểu thành tên trường): giá trị có dấu phẩy phải đặt trong dấu nháy kép `\"`"
                ),
            )
            .hint(fix(&fixed)),
            l.no,
            col,
        ));
    }
    None
}

/// Where `word` stands right after a comma, not followed by `:`.
fn find_after_comma(text: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = text[from..].find(word).map(|i| i + from) {
        let before = text[..i].trim_end();
        let after = text[i + word.len()..].trim_start();
        if before.ends_with(',') && !after.starts_with(':') {
            return Some(i);
        }
        from = i + word.len();
    }
    None
}

/// The line with the value that a comma at `pos` split put in quotes: from
/// the `key: ` before it to the next `, key:` or closing bracket.
fn quote_split_value(text: &str, pos: usize) -> Option<String> {
    let key_sep = text[..pos].rfind(": ")?;
    let start = key_sep + 2 + (text[key_sep + 2..].len() - text[key_sep + 2..].trim_start().len());
    // Walk the comma-separated pieces after `pos` until one is a `key: …`.
    let mut end = text.len();
    let mut i = pos;
    loop {
        let next_comma = text[i..].find(',').map(|c| c + i);
        let close = text[i..].find(['}', ']']).map(|c| c + i);
        match (next_comma, close) {
            (Some(c), Some(b)) if b < c => {
                end = b;
                break;
            }
            (Some(c), _) => {
                let piece = text[c + 1..].split([',', '}', ']']).next().unwrap_or("");
                if split_key(piece.trim_start()).is_some() {
                    end = c;
                    break;
                }
                i = c + 1;
            }
            (None, Some(b)) => {
                end = b;
                break;
            }
            (None, None) => break,
        }
    }
    let value = text[start..end].trim_end();
    Some(format!(
        "{}{}{}",
        &text[..start],
        quoted(value),
        &text[start + value.len()..]
    ))
}

/// `-item` under a key that wants a list: YAML reads it as text.
fn dash_without_space(doc: &Document, ls: &[Line], f: &Failure) -> Option<Diagnostic> {
    let mentions_dash = f.msg.contains("\"-") || is_syntax(f.msg);
    if !mentions_dash {
        return None;
    }
    let from = f.line.unwrap_or(1).saturating_sub(2);
    // Near the error: serde points at the first item, the parser just after.
    let l = ls[from.min(ls.len())..].iter().take(4).find(|l| {
        let body = &l.text[l.indent..];
        body.starts_with('-')
            && body[1..]
                .chars()
                .next()
                .is_some_and(|c| !c.is_whitespace() && c != '-' && !c.is_ascii_digit())
    })?;
    let fixed = format!("{}- {}", &l.text[..l.indent], &l.text[l.indent + 1..]);
    Some(at(
        doc,
        Diagnostic::error(
            "E125",
            "mục danh sách phải bắt đầu bằng dấu `-` và một dấu cách",
        )
        .hint(fix(&fixed)),
        l.no,
        l.indent + 1,
    ))
}

/// A key written twice in the same group; points at the second.
fn duplicate_key(doc: &Document, ls: &[Line], f: &Failure) -> Option<Diagnostic> {
    let key = f
        .msg
        .strip_prefix("duplicate field `")
        .or_else(|| f.msg.strip_prefix("duplicate entry with key \""))?
        .split(['`', '"'])
        .next()?;
    let level = |l: &Line| l.indent + if l.dash { 2 } else { 0 };
    for (i, first) in ls.iter().enumerate() {
        if first.key != Some(key) {
            continue;
        }
        let own = level(first);
        // Siblings: the lines up to the first one less indented than the key.
        let second = ls[i + 1..]
            .iter()
            .filter(|l| l.significant())
            .take_while(|l| l.indent >= own)
            .find(|l| l.key == Some(key) && !l.dash && l.indent == own);
        if let Some(second) = second {
            return Some(at(
                doc,
                Diagnostic::error(
                    "E126",
                    format!(
                        "trường `{key}` được viết hai lần trong cùng một nhóm (lần đầu ở dòng {})",
                        doc.yaml_line + first.no - 1
                    ),
                )
                .hint("giữ một trong hai dòng (gộp nội dung nếu cần) và xóa dòng kia"),
                second.no,
                second.indent + 1,
            ));
        }
    }
    None
}

/// A list where one value goes and the reverse; text where a number goes
/// and the reverse.
fn wrong_kind(doc: &Document, ls: &[Line], f: &Failure) -> Option<Diagnostic> {
    let rest = f.msg.strip_prefix("invalid type: ")?;
    let (got, expected) = rest.split_once(", expected ")?;
    let l = error_line(ls, f)?;
    // The key's own line: serde may point at the value's first item.
    let keyed = if l.key.is_some() {
        l
    } else {
        ls[..l.no - 1]
            .iter()
            .rev()
            .find(|x| x.key.is_some() && x.indent < l.indent.max(1))
            .copied()?
    };
    let key = keyed.key?;
    // An alias (`*a`) points serde at the line of its anchor, another field.
    let root = f.path.map(|p| p.split(['[', '.']).next().unwrap_or(p));
    if root.is_some_and(|r| r != key) && keyed.indent == 0 {
        return None;
    }
    let wants_list = expected.contains("sequence");
    let wants_number = expected.contains("integer")
        || ["u8", "u16", "u32", "u64", "usize", "i32", "i64", "isize"]
            .iter()
            .any(|t| expected.trim() == *t);
    let wants_text = expected.contains("string") || expected.contains("str ");
    let col = keyed.indent + 1;
    if got == "sequence" && !wants_list {
        let fixed = if keyed.value.starts_with('[') {
            let inner = keyed.value.trim_start_matches('[').trim_end_matches(']');
            keyed.with_value(&quoted(inner.trim()))
        } else {
            keyed.with_value("...")
        };
        return Some(at(
            doc,
            Diagnostic::error(
                "E127",
                format!("trường `{key}` chỉ nhận một giá trị, nhưng đã viết một danh sách"),
            )
            .hint(fix(&fixed)),
            keyed.no,
            col,
        ));
    }
    if got == "map" && wants_text {
        let inner = keyed
            .value
            .trim_start_matches('{')
            .trim_end_matches('}')
            .trim();
        return Some(at(
            doc,
            Diagnostic::error(
                "E127",
                format!("trường `{key}` chỉ nhận một đoạn văn bản, nhưng dấu ngoặc `{{…}}` biến giá trị thành một nhóm trường"),
            )
            .hint(fix(&keyed.with_value(&quoted(inner)))),
            keyed.no,
            col,
        ));
    }
    if got.starts_with("string") && wants_list && !got.starts_with("string \"-") {
        let value = keyed.value.trim_matches(['"', '\'']);
        return Some(at(
            doc,
            Diagnostic::error(
                "E127",
                format!("trường `{key}` cần một danh sách, nhưng đã viết một giá trị"),
            )
            .hint(fix(&keyed.with_value(&format!("[{value}]")))),
            keyed.no,
            col,
        ));
    }
    if got.starts_with("string") && wants_number {
        let digits: String = keyed.value.chars().filter(char::is_ascii_digit).collect();
        let hint = if digits.is_empty() {
            format!("viết một số bằng chữ số, ví dụ `{key}: 1`")
        } else {
            fix(&keyed.with_value(&digits))
        };
        return Some(at(
            doc,
            Diagnostic::error(
                "E128",
                format!("trường `{key}` cần một số (chỉ gồm chữ số, không đặt trong dấu nháy)"),
            )
            .hint(hint),
            keyed.no,
            col,
        ));
    }
    let got_number = got.starts_with("integer") || got.starts_with("floating point");
    if got_number && wants_text {
        return Some(at(
            doc,
            Diagnostic::error(
                "E128",
                format!("trường `{key}` cần văn bản nhưng đã viết một số: đặt số trong dấu nháy kép `\"`"),
            )
            .hint(fix(&keyed.with_value(&quoted(keyed.value)))),
            keyed.no,
            col,
        ));
    }
    None
}

/// `20/11/2026` where `2026-11-20` goes.
fn date_day_first(doc: &Document, ls: &[Line], f: &Failure) -> Option<Diagnostic> {
    let written = ["ngày `", "thời điểm `"]
        .iter()
        .find_map(|p| f.msg.strip_prefix(p))?
        .split('`')
        .next()?;
    let (date, time) = match written.split_once([' ', 'T']) {
        Some((d, t)) => (d, Some(t.trim())),
        None => (written, None),
    };
    let parts: Vec<&str> = date.split(['/', '.', '-']).collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    let (d, m, y) = (
        d.parse::<u32>().ok()?,
        m.parse::<u32>().ok()?,
        y.parse::<i32>().ok()?,
    );
    if !(1000..=9999).contains(&y) {
        return None;
    }
    let day = chrono::NaiveDate::from_ymd_opt(y, m, d)?;
    let iso = match time.filter(|t| !t.is_empty()) {
        Some(t) => format!("{} {t}", day.format("%Y-%m-%d")),
        None => day.format("%Y-%m-%d").to_string(),
    };
    let l = error_line(ls, f)
        .filter(|l| l.text.contains(written))
        .or_else(|| ls.iter().find(|l| l.text.contains(written)).copied())?;
    let fixed = l.text.replacen(written, &iso, 1);
    let col = l.text[..l.text.find(written)?].chars().count() + 1;
    Some(at(
        doc,
        Diagnostic::error(
            "E009",
            format!("ngày `{written}` viết theo thứ tự ngày/tháng/năm; phần thông tin cần NĂM-THÁNG-NGÀY"),
        )
        .hint(fix(&fixed)),
        l.no,
        col,
    ))
}

/// A nested field indented like its parent, or not like its siblings.
fn indentation(doc: &Document, ls: &[Line], f: &Failure) -> Option<Diagnostic> {
    let report = |l: &Line, indent: usize| {
        let fixed = format!("{}{}", " ".repeat(indent), &l.text[l.indent..]);
        Some(at(
            doc,
            Diagnostic::error(
                "E129",
                "dòng này thụt lề sai: các trường con phải thụt vào dưới trường cha, và các trường cùng nhóm phải thẳng hàng với nhau",
            )
            .hint(fix(&fixed)),
            l.no,
            l.indent + 1,
        ))
    };
    // `parent:` with nothing under it, then its fields at its own indentation:
    // serde sees an empty parent and unknown (or missing) fields.
    let named = f
        .msg
        .strip_prefix("unknown field `")
        .or_else(|| f.msg.strip_prefix("missing field `"))
        .and_then(|m| m.split('`').next());
    let empty_parent =
        f.msg.contains("invalid type: unit value") || f.msg.contains("invalid type: null");
    let parent_line = error_line(ls, f).filter(|l| l.key.is_some() && l.value.is_empty());
    if let (true, Some(parent)) = (f.msg.starts_with("missing field"), parent_line) {
        let child = ls[parent.no..].iter().find(|x| x.significant()).copied()?;
        if child.key.is_some() && child.indent == parent.indent && child.dash == parent.dash {
            return report(&child, parent.indent + 2);
        }
    }
    if f.msg.starts_with("unknown field") || empty_parent {
        let l = error_line(ls, f)?;
        let (parent, child) = if empty_parent {
            let next = ls[l.no..].iter().find(|x| x.significant()).copied()?;
            (l, next)
        } else {
            (significant_before(ls, l.no - 1)?, l)
        };
        let orphan = parent.key.is_some()
            && parent.value.is_empty()
            && child.key.is_some()
            && child.indent == parent.indent
            && child.dash == parent.dash;
        if orphan {
            return report(&child, parent.indent + 2);
        }
        return None;
    }
    // A sibling indented more or less than the others.
    if let (true, Some(field)) = (f.msg.starts_with("missing field"), named) {
        let l = ls.iter().find(|l| l.key == Some(field) && !l.dash)?;
        let prev = significant_before(ls, l.no - 1)?;
        let sibling_indent = prev.indent + if prev.dash { 2 } else { 0 };
        if prev.indent > 0
            && l.indent != sibling_indent
            && prev.key.is_some()
            && !prev.value.is_empty()
        {
            return report(l, sibling_indent);
        }
        return None;
    }
    if is_syntax(f.msg) {
        let l = error_line(ls, f)?;
        let prev = significant_before(ls, l.no - 1)?;
        let sibling_indent = prev.indent + if prev.dash { 2 } else { 0 };
        let more = l.indent > sibling_indent && !prev.value.is_empty() && l.key.is_some();
        let less = l.indent < sibling_indent && l.indent > 0 && !l.dash;
        if more || less {
            // Line up with the nearest earlier line of a plausible depth.
            let target = if more {
                sibling_indent
            } else {
                ls[..l.no - 1]
                    .iter()
                    .rev()
                    .filter(|x| x.significant() && x.key.is_some() && !x.dash)
                    .map(|x| x.indent)
                    .find(|&i| i < l.indent)
                    .map(|i| if i == 0 { sibling_indent } else { i })
                    .unwrap_or(sibling_indent)
            };
            return report(&l, target);
        }
    }
    None
}

/// The words for a parser message no detector explained: what it means for
/// the line it points at.
pub(crate) fn meaning(msg: &str) -> String {
    let m = if msg.contains("mapping values are not allowed") {
        "có một dấu `:` ở chỗ không được có (trong giá trị chưa đặt trong dấu nháy, hoặc ở dòng thụt lề sai)"
    } else if msg.contains("found unexpected end of stream") {
        "phần thông tin đã hết mà một dấu nháy hoặc dấu ngoặc vẫn chưa được đóng"
    } else if msg.contains("did not find expected key") {
        "dòng này không thẳng hàng với các trường cùng nhóm"
    } else if msg.contains("did not find expected '-' indicator") {
        "các mục của danh sách phải thẳng hàng và bắt đầu bằng `- `"
    } else if msg.contains("did not find expected ',' or ']'")
        || msg.contains("did not find expected ',' or '}'")
    {
        "dấu ngoặc `[` hoặc `{` mở nhưng không được đóng trên cùng dòng"
    } else if msg.contains("block sequence entries are not allowed") {
        "có `- ` ngay sau tên trường trên cùng dòng; xuống dòng rồi mới viết `- `"
    } else if msg.contains("found character that cannot start any token") {
        "giá trị bắt đầu bằng một ký tự đặc biệt; đặt giá trị trong dấu nháy kép"
    } else if msg.contains("found unknown escape character") {
        "dấu `\\` trong dấu nháy kép phải viết hai lần `\\\\`, hoặc dùng dấu nháy đơn `'`"
    } else {
        return format!("trình đọc YAML báo `{msg}`");
    };
    m.to_string()
}

/// What parses but is not what the writer meant: text after ` #` (a YAML
/// comment, dropped) and a whole value in typographic quotes (shown with
/// them). Warnings, at their lines.
pub fn lint(doc: &Document) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut block_scalar: Option<usize> = None;
    for l in lines(doc.yaml) {
        if let Some(indent) = block_scalar {
            if l.text.trim().is_empty() || l.indent > indent {
                continue;
            }
            block_scalar = None;
        }
        if !l.significant() {
            continue;
        }
        let raw = l.raw();
        if raw.starts_with(['|', '>']) {
            block_scalar = Some(l.indent);
            continue;
        }
        if l.key.is_none() && !l.dash {
            continue;
        }
        let quoted_or_flow = raw.starts_with(['"', '\'', '[', '{']);
        let hash_word = raw
            .strip_prefix('#')
            .and_then(|r| r.chars().next())
            .is_some_and(|c| !c.is_whitespace());
        if hash_word && l.key.is_some() {
            out.push(at(
                doc,
                Diagnostic::warning(
                    "W120",
                    "giá trị bắt đầu bằng `#` bị coi là ghi chú nên trường này bị bỏ trống",
                )
                .hint(fix(&l.with_value(&quoted(raw)))),
                l.no,
                l.text[..l.value_start()].chars().count() + 1,
            ));
            continue;
        }
        // `đợt #2` is text the writer meant; `tin   # ghi chú` (a `#` and a
        // space) is a comment, as the README's examples write them.
        let text_hash = raw.match_indices(" #").any(|(i, _)| {
            raw[i + 2..]
                .chars()
                .next()
                .is_some_and(|c| !c.is_whitespace())
        });
        if !quoted_or_flow && text_hash {
            let at_hash = l.value_start() + raw.find('#').unwrap_or(0);
            out.push(at(
                doc,
                Diagnostic::warning(
                    "W120",
                    "phần sau dấu `#` bị bỏ qua vì được hiểu là ghi chú, nên không hiện trên trang",
                )
                .hint(fix(&l.with_value(&quoted(raw)))),
                l.no,
                l.text[..at_hash].chars().count() + 1,
            ));
            continue;
        }
        if l.value.starts_with('“') && l.value.ends_with('”') && l.value.chars().count() > 2 {
            out.push(at(
                doc,
                Diagnostic::warning(
                    "W121",
                    "cả giá trị nằm trong dấu nháy cong `“ ”` nên dấu nháy sẽ hiện nguyên văn trên trang",
                )
                .hint(fix(&l.with_value(&unwrap_curly(l.value)))),
                l.no,
                l.text[..l.value_start()].chars().count() + 1,
            ));
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn doc(yaml: &str) -> Document<'_> {
        Document {
            text: yaml,
            yaml,
            yaml_line: 1,
            body: "",
            body_line: 1,
        }
    }

    #[test]
    fn a_split_value_is_quoted_up_to_the_next_key() {
        let line = "contact: {address: Thôn Quý Đức, xã Ia Rsai, email: a@b.vn}";
        let pos = find_after_comma(line, "xã Ia Rsai").unwrap();
        assert_eq!(
            quote_split_value(line, pos).unwrap(),
            "contact: {address: \"Thôn Quý Đức, xã Ia Rsai\", email: a@b.vn}"
        );
        let last = "  - {name: Văn hóa, xã hội}";
        let pos = find_after_comma(last, "xã hội").unwrap();
        assert_eq!(
            quote_split_value(last, pos).unwrap(),
            "  - {name: \"Văn hóa, xã hội\"}"
        );
    }

    #[test]
    fn lint_skips_block_text_urls_and_quoted_values() {
        let d = doc(
            "a: |\n  Số #5 trong khối\nurl: https://x.vn/#neo\nb: \"x # y\"\nc: Tin số #5\nkind: tin   # tin, tin_ngan\n",
        );
        let w = lint(&d);
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!((w[0].code, w[0].line), ("W120", Some(5)));
        assert_eq!(
            w[0].hint.as_deref(),
            Some("sửa dòng này thành `c: \"Tin số #5\"`")
        );
    }

    #[test]
    fn curly_quotes_around_a_whole_value_are_a_warning_inside_text_they_are_fine() {
        let d = doc("title: “Hội nghị”\nsummary: Phong trào “Bình dân học vụ số”\n");
        let w = lint(&d);
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(
            w[0].hint.as_deref(),
            Some("sửa dòng này thành `title: \"Hội nghị\"`")
        );
    }

    #[test]
    fn unknown_jargon_is_still_quoted_for_the_record() {
        assert_eq!(
            meaning("something new"),
            "trình đọc YAML báo `something new`"
        );
        assert!(meaning("found unexpected end of stream").contains("chưa được đóng"));
    }

    /// Every truncation and every one-line deletion of both bad-input
    /// corpora (shared with config's test of site.yaml).
    pub(crate) fn mangled_mistakes() -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts = Vec::new();
        let files = ["tests/mistakes", "tests/corpus/bad"]
            .iter()
            .flat_map(|d| std::fs::read_dir(root.join(d)).unwrap());
        for e in files {
            let bytes = std::fs::read(e.unwrap().path()).unwrap();
            let text = String::from_utf8_lossy(&bytes).into_owned();
            // Truncations of the small files (a 10 KB nesting bomb would
            // make thousands of slow parses and prove nothing more).
            let step = if text.len() > 2048 { usize::MAX } else { 5 };
            for (i, _) in text.char_indices().step_by(step) {
                texts.push(text[..i].to_string());
            }
            let lines: Vec<&str> = text.lines().collect();
            for skip in 0..lines.len() {
                let mut t: Vec<&str> = lines.clone();
                t.remove(skip);
                texts.push(t.join("\n"));
            }
        }
        texts
    }

    /// Every mangled mistake as front matter: the explainer must never
    /// panic, and what it points at is a line of the file.
    #[test]
    fn mangled_mistakes_never_panic() {
        let texts = mangled_mistakes();
        for t in &texts {
            let in_file = |d: &Diagnostic| {
                if let Some(line) = d.line {
                    assert!(
                        line >= 1 && line <= t.lines().count().max(1) + 1,
                        "{t:?}: {d:?}"
                    );
                }
            };
            if let Ok(doc) = super::super::front_matter::split(t) {
                if let Err(d) = doc.parse::<crate::content::Article>() {
                    in_file(&d);
                }
                lint(&doc).iter().for_each(in_file);
            }
        }
    }
}
