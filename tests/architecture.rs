//! The shape of `src/`: no import cycle between top-level modules, and no
//! stage importing from a later one.
//!
//! A cycle makes every change to one module a change to the other, and a
//! stage reaching into a later one (the model into the images stage, the
//! renderer into the link check) hides a second pipeline inside the first.
//! Shared helpers belong in small leaf modules that come before both.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every top-level module of the crate, in pipeline order: a module may use
/// only the modules listed before it.
const ORDER: &[&str] = &[
    // Leaves: no stage of their own.
    "vi",
    "diagnostics",
    "timing",
    "vocab",
    "html",
    "paths",
    "markdown",
    "media",
    "options",
    "statics",
    "summary",
    // LOAD
    "content",
    "config",
    "theme",
    "body_cache",
    // MODEL, and what reads only the model
    "responsive",
    "site",
    "report",
    // IMAGES, RENDER, VERIFY, WRITE
    "images",
    "render",
    "check",
    "output",
    "build_state",
    // The one pipeline, and the commands over it
    "pipeline",
    "serve",
    "import",
    "scaffold",
    "init",
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The top-level module a file of `src/` belongs to (`render/par.rs` → `render`).
fn module_of(rel: &Path) -> Option<String> {
    let first = rel
        .components()
        .next()?
        .as_os_str()
        .to_string_lossy()
        .to_string();
    let name = first.strip_suffix(".rs").unwrap_or(&first).to_string();
    (name != "lib" && name != "main").then_some(name)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The code of a file without comments and string literals (a doc comment
/// that names `crate::render` is not an import).
fn code_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i..].starts_with(b"//") {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if b[i..].starts_with(b"/*") {
            i += 2;
            while i < b.len() && !b[i..].starts_with(b"*/") {
                i += 1;
            }
            i += 2;
        } else if b[i] == b'"' {
            // A raw string's `#` delimiters are rare enough in this code base
            // that a plain scan to the closing quote is enough.
            i += 1;
            while i < b.len() && b[i] != b'"' {
                if b[i] == b'\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
        } else if b[i] == b'\'' && i + 2 < b.len() && (b[i + 2] == b'\'' || b[i + 1] == b'\\') {
            // A char literal ('"', '\''), not a lifetime.
            i += 1;
            while i < b.len() && b[i] != b'\'' {
                if b[i] == b'\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
        } else {
            out.push(b[i] as char);
            i += 1;
        }
    }
    out
}

/// Names re-exported at the crate root (`pub use options::Options;`), so a
/// `crate::Options` is counted as a use of `options`.
fn root_reexports() -> BTreeMap<String, String> {
    let lib = std::fs::read_to_string(src().join("lib.rs")).unwrap();
    let mut out = BTreeMap::new();
    for line in lib.lines() {
        let Some(rest) = line.trim().strip_prefix("pub use ") else {
            continue;
        };
        let rest = rest.trim_end_matches(';');
        let Some((module, names)) = rest.split_once("::") else {
            continue;
        };
        for name in names.trim_matches(|c| c == '{' || c == '}').split(',') {
            let name = name.trim().rsplit("::").next().unwrap_or("").trim();
            if !name.is_empty() {
                out.insert(name.to_string(), module.to_string());
            }
        }
    }
    out
}

/// The first path segment after each `crate::` in `code`, with the names of
/// a grouped `use crate::{a, b::c}`.
fn crate_paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // `mycrate::`, not the crate root
        }
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for part in group[..end].split(',') {
                let head = part.trim().split("::").next().unwrap_or("").trim();
                if !head.is_empty() {
                    out.push(head.to_string());
                }
            }
        } else {
            let head: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            out.push(head);
        }
    }
    out
}

/// Module → the other top-level modules it uses, with a file that does.
fn graph() -> BTreeMap<String, BTreeMap<String, PathBuf>> {
    let reexports = root_reexports();
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let mut edges: BTreeMap<String, BTreeMap<String, PathBuf>> = BTreeMap::new();
    for file in files {
        let rel = file.strip_prefix(src()).unwrap().to_path_buf();
        let Some(module) = module_of(&rel) else {
            continue;
        };
        let code = code_only(&std::fs::read_to_string(&file).unwrap());
        let targets = edges.entry(module.clone()).or_default();
        for head in crate_paths(&code) {
            let target = reexports.get(&head).cloned().unwrap_or(head);
            if target != module && !target.is_empty() {
                targets.entry(target).or_insert_with(|| rel.clone());
            }
        }
    }
    edges
}

#[test]
fn the_parser_sees_grouped_and_inline_paths_but_not_comments() {
    let code = code_only(
        "use crate::{site::Site, vi};\n// crate::render\nlet x = crate::images::Variant; let s = \"crate::check\";",
    );
    assert_eq!(crate_paths(&code), ["site", "vi", "images"]);
}

#[test]
fn every_module_is_in_the_declared_order() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let modules: BTreeSet<String> = files
        .iter()
        .filter_map(|f| module_of(f.strip_prefix(src()).unwrap()))
        .collect();
    let missing: Vec<&String> = modules
        .iter()
        .filter(|m| !ORDER.contains(&m.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "add {missing:?} to ORDER in tests/architecture.rs, after every module it uses"
    );
}

#[test]
fn no_module_imports_from_a_later_stage() {
    let rank = |m: &str| ORDER.iter().position(|o| *o == m);
    let mut wrong = Vec::new();
    for (module, targets) in graph() {
        let Some(r) = rank(&module) else { continue };
        for (target, file) in targets {
            match rank(&target) {
                Some(t) if t < r => {}
                Some(_) => wrong.push(format!(
                    "{module} uses the later {target} (in src/{})",
                    file.display()
                )),
                // An item of the crate root itself: the root holds only the
                // commands, which come after every stage.
                None => wrong.push(format!(
                    "{module} uses `crate::{target}` of the crate root (in src/{})",
                    file.display()
                )),
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn no_import_cycle_between_top_level_modules() {
    let g = graph();
    // Depth-first search for a back edge; report the cycle it closes.
    fn visit(
        m: &str,
        g: &BTreeMap<String, BTreeMap<String, PathBuf>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|s| s == m) {
            let mut cycle = stack[at..].to_vec();
            cycle.push(m.to_string());
            return Some(cycle);
        }
        if !done.insert(m.to_string()) {
            return None;
        }
        stack.push(m.to_string());
        for next in g.get(m).into_iter().flat_map(|t| t.keys()) {
            if let Some(c) = visit(next, g, stack, done) {
                return Some(c);
            }
        }
        stack.pop();
        None
    }
    let mut done = BTreeSet::new();
    for m in g.keys() {
        if let Some(cycle) = visit(m, &g, &mut Vec::new(), &mut done) {
            panic!("import cycle: {}", cycle.join(" → "));
        }
    }
}
