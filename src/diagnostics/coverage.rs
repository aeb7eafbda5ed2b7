//! The test that every diagnostic code in `src/` has English.
//!
//! The corpus and the fixture hook (`tests/common`) catch an untranslated
//! message only when a test happens to produce it. This test reads the source
//! instead: for every code literal (`"E010"`, `"W013"`), the Vietnamese string
//! literals of the same statement (the message and its hints) are turned into
//! sample messages, each `format!` placeholder written as `x`, and each must
//! have an English template that leaves no Vietnamese outside backticks. A
//! code with no message next to it anywhere fails too, so a new code cannot
//! slip through by building its message elsewhere.

use std::path::Path;

use super::en::TEMPLATES;
use super::template::Table;

/// Messages put together from pieces the scan cannot see whole (a verb or a
/// noun passed in by the caller): the literal as written in the source, and
/// every message it makes.
const ASSEMBLED: &[(&str, &[&str])] = &[
    (
        "không {what} `{}`: {e}",
        &[
            "không tạo được thư mục `public`: x",
            "không đổi tên được thư mục `public`: x",
            "không thay được thư mục `public`: x",
            "không ghi được tệp `public/index.html`: x",
            "không sao chép được tệp `public/files/a.pdf`: x",
            "không đọc được thư mục `public`: x",
            "không tạo được tệp `.public.lock`: x",
            "không khóa được tệp `.public.lock`: x",
        ],
    ),
    (
        "thiếu {what}",
        &[
            "thiếu mã thủ tục",
            "thiếu tên thủ tục",
            "thiếu lĩnh vực",
            "thiếu trình tự thực hiện",
            "thiếu đối tượng thực hiện",
            "thiếu cơ quan thực hiện",
            "thiếu kết quả thực hiện",
            "thiếu mức độ dịch vụ công trực tuyến",
        ],
    ),
    (
        "{what} `{v}` không hợp lệ",
        &[
            "mã thủ tục `1.00119` không hợp lệ",
            "mã thủ tục thay thế `1.00119` không hợp lệ",
        ],
    ),
];

/// Codes used only where the message is written apart from the code, so the
/// scan cannot pair them: `front_matter::code_for` picks the code from serde's
/// error and `humanize` writes the message. The bad-input corpus covers them.
/// E026 is the `content::types::Url` rule's, read in the same place.
const CHOSEN_APART: &[&str] = &["E005", "E007", "E009", "E026"];

/// A token of Rust source that matters here.
#[derive(Debug)]
enum Tok {
    /// A string literal, unescaped, and whether it is `format!`'s first argument.
    Str {
        text: String,
        format: bool,
        line: usize,
    },
    Open,
    Close {
        brace: bool,
    },
    Semi,
}

/// String literals and brackets of `src`, comments and char literals skipped.
fn lex(src: &str) -> Vec<Tok> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut line = 1;
    let mut i = 0;
    // Whether the literal at `start` is `format!`'s first argument.
    let after_format = |chars: &[char], start: usize| -> bool {
        let before = chars[..start]
            .iter()
            .rev()
            .skip_while(|c| c.is_whitespace())
            .take(8)
            .collect::<String>();
        before == "(!tamrof"
    };
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\n' => {
                line += 1;
                i += 1;
            }
            '/' if chars.get(i + 1) == Some(&'/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            'r' if chars.get(i + 1) == Some(&'#') && chars.get(i + 2) == Some(&'"') => {
                let start = i;
                i += 3;
                let mut text = String::new();
                while i < chars.len() && !(chars[i] == '"' && chars.get(i + 1) == Some(&'#')) {
                    if chars[i] == '\n' {
                        line += 1;
                    }
                    text.push(chars[i]);
                    i += 1;
                }
                i += 2;
                let format = after_format(&chars, start);
                out.push(Tok::Str { text, format, line });
            }
            '\'' => {
                // A char literal ('x', '\n', '\'') or a lifetime ('a).
                if chars.get(i + 1) == Some(&'\\') {
                    i += 3;
                    while i < chars.len() && chars[i] != '\'' {
                        i += 1;
                    }
                    i += 1;
                } else if chars.get(i + 2) == Some(&'\'') {
                    i += 3;
                } else {
                    i += 1;
                }
            }
            '"' => {
                let start = i;
                let first_line = line;
                i += 1;
                let mut text = String::new();
                while i < chars.len() && chars[i] != '"' {
                    if chars[i] == '\\' {
                        i += 1;
                        match chars.get(i) {
                            Some('n') => text.push('\n'),
                            Some('t') => text.push('\t'),
                            Some('\n') => {
                                // A line continuation: the next line's indent goes too.
                                line += 1;
                                while chars.get(i + 1).is_some_and(|c| c.is_whitespace()) {
                                    if chars[i + 1] == '\n' {
                                        line += 1;
                                    }
                                    i += 1;
                                }
                            }
                            Some(&c) => text.push(c),
                            None => {}
                        }
                    } else {
                        if chars[i] == '\n' {
                            line += 1;
                        }
                        text.push(chars[i]);
                    }
                    i += 1;
                }
                i += 1;
                let format = after_format(&chars, start);
                out.push(Tok::Str {
                    text,
                    format,
                    line: first_line,
                });
            }
            '(' | '[' | '{' => {
                out.push(Tok::Open);
                i += 1;
            }
            ')' | ']' | '}' => {
                out.push(Tok::Close { brace: c == '}' });
                i += 1;
            }
            ';' => {
                out.push(Tok::Semi);
                i += 1;
            }
            _ => i += 1,
        }
    }
    out
}

fn is_code(s: &str) -> bool {
    s.len() == 4
        && (s.starts_with('E') || s.starts_with('W'))
        && s[1..].chars().all(|c| c.is_ascii_digit())
}

/// Letters with diacritics (À to ỹ): Vietnamese, in these messages.
fn vietnamese(s: &str) -> bool {
    s.chars()
        .any(|c| c.is_alphabetic() && ('\u{C0}'..='\u{1EF9}').contains(&c))
}

/// A message a literal makes: each `format!` placeholder becomes `x`.
fn sample(literal: &str, format: bool) -> String {
    if !format {
        return literal.to_string();
    }
    let mut out = String::new();
    let mut rest = literal;
    while let Some(c) = rest.chars().next() {
        if let Some(r) = rest.strip_prefix("{{") {
            out.push('{');
            rest = r;
        } else if let Some(r) = rest.strip_prefix("}}") {
            out.push('}');
            rest = r;
        } else if c == '{' {
            let end = rest.find('}').unwrap_or(rest.len() - 1);
            out.push('x');
            rest = &rest[end + 1..];
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// The Vietnamese string literals of the statement each code literal is in:
/// (code, file:line, literal, is a format string). A code that is the value
/// of a block (`if … { "E006" } else …`) chooses a code, it does not build a
/// message: it is left out.
fn messages(file: &str, src: &str) -> Vec<(String, String, String, bool)> {
    // Unit tests build messages of their own.
    let src = src.split("#[cfg(test)]\nmod tests").next().unwrap_or(src);
    let toks = lex(src);
    let mut out = Vec::new();
    for (n, t) in toks.iter().enumerate() {
        let Tok::Str { text: code, .. } = t else {
            continue;
        };
        if !is_code(code) {
            continue;
        }
        let mut depth = 0i32;
        let mut found = Vec::new();
        for t in &toks[n + 1..] {
            match t {
                Tok::Open => depth += 1,
                Tok::Close { brace } => {
                    depth -= 1;
                    if *brace && depth < 0 {
                        break;
                    }
                }
                Tok::Semi if depth <= 0 => break,
                Tok::Semi => {}
                Tok::Str { text, .. } if is_code(text) => break,
                Tok::Str { text, format, line } => {
                    if vietnamese(text) {
                        found.push((text.clone(), *format, *line));
                    }
                }
            }
        }
        if found.is_empty() {
            out.push((code.clone(), file.to_string(), String::new(), false));
        }
        for (text, format, line) in found {
            out.push((code.clone(), format!("{file}:{line}"), text, format));
        }
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn every_code_in_the_source_has_english() {
    let table = Table::new(TEMPLATES);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let mut codes = std::collections::BTreeMap::<String, usize>::new();
    let mut failures = Vec::new();
    let mut assembled_seen = std::collections::HashSet::new();
    let untranslated = |message: &str| match table.translate(message) {
        None => true,
        Some(en) => en.split('`').step_by(2).any(vietnamese),
    };
    for path in files {
        let rel = path.strip_prefix(root).unwrap().display().to_string();
        if rel.starts_with("src/diagnostics/") {
            continue;
        }
        let src = std::fs::read_to_string(&path).unwrap();
        for (code, at, literal, format) in messages(&rel, &src) {
            let checked = codes.entry(code.clone()).or_default();
            if literal.is_empty() {
                continue;
            }
            *checked += 1;
            if let Some((_, made)) = ASSEMBLED.iter().find(|(l, _)| *l == literal) {
                assembled_seen.insert(literal.clone());
                for m in made.iter().filter(|m| untranslated(m)) {
                    failures.push(format!("{at}: {code}: {m:?}"));
                }
                continue;
            }
            let message = sample(&literal, format);
            if untranslated(&message) {
                failures.push(format!("{at}: {code}: {message:?}"));
            }
        }
    }
    for (code, checked) in &codes {
        if *checked == 0 && !CHOSEN_APART.contains(&code.as_str()) {
            failures.push(format!(
                "{code}: no message next to the code anywhere; write the message in the same statement as the code"
            ));
        }
    }
    for (literal, _) in ASSEMBLED {
        assert!(
            assembled_seen.contains(*literal),
            "{literal:?} is no longer in the source: remove it from ASSEMBLED"
        );
    }
    assert!(
        codes.len() > 60,
        "the scan found only {} codes",
        codes.len()
    );
    assert!(
        failures.is_empty(),
        "no English template (src/diagnostics/en.rs) for:\n{}",
        failures.join("\n")
    );
}

#[test]
fn the_scan_finds_messages_and_hints_of_a_statement() {
    let src = r#"
fn f() {
    let code = if a { "E006" } else { "E005" };
    out.push(Diagnostic::error("E010", format!("không có đơn vị `{u}`"))
        .hint("có phải bạn muốn viết \
               `x`?"));
}
"#;
    let found = messages("a.rs", src);
    let texts: Vec<(&str, &str, bool)> = found
        .iter()
        .filter(|(_, _, t, _)| !t.is_empty())
        .map(|(c, _, t, f)| (c.as_str(), t.as_str(), *f))
        .collect();
    assert_eq!(
        texts,
        [
            ("E010", "không có đơn vị `{u}`", true),
            ("E010", "có phải bạn muốn viết `x`?", false),
        ]
    );
    assert_eq!(sample("a `{u}` {{b}} {0:?}", true), "a `x` {b} x");
}
