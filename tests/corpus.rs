//! The bad-input corpus: `tests/corpus/bad/`, one mistake per file, and the
//! diagnostic each must get (`expected.txt`: file, code, line, field).
//!
//! A file named `<kind>__<name>` is placed where that kind of content lives
//! in a fixture site (`site__*.yaml` replaces site.yaml) and the fixture is
//! checked with `trangxa check --format json`, in Vietnamese and again with
//! `--lang en`: the same diagnostics, and no Vietnamese left in English
//! messages and hints except between backticks (what the user wrote).

mod common;

use std::path::Path;

use common::{Fixture, placement, untranslated};

struct Expect {
    file: String,
    code: String,
    line: Option<u64>,
    field: Option<String>,
}

fn expectations(dir: &Path) -> Vec<Expect> {
    std::fs::read_to_string(dir.join("expected.txt"))
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let parts: Vec<&str> = l.split_whitespace().collect();
            assert_eq!(parts.len(), 4, "bad expectation line: {l}");
            Expect {
                file: parts[0].to_string(),
                code: parts[1].to_string(),
                line: (parts[2] != "-").then(|| parts[2].parse().unwrap()),
                field: (parts[3] != "-").then(|| parts[3].to_string()),
            }
        })
        .collect()
}

/// The exit code and the JSON result in Vietnamese and in English.
fn run_case(dir: &Path, name: &str) -> (Option<i32>, serde_json::Value, serde_json::Value) {
    let f = Fixture::new();
    f.write_bytes("static/files/anh.jpg", b"\xff\xd8\xff");
    f.write_bytes("static/files/qd.pdf", b"%PDF-1.4");
    f.write_bytes(&placement(name), &std::fs::read(dir.join(name)).unwrap());
    let json = |lang: &str| {
        let out = f.run(&["check", "--format", "json", "--lang", lang]);
        let json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "{name}: stdout is not JSON ({e}): {}",
                String::from_utf8_lossy(&out.stderr)
            )
        });
        (out.status.code(), json)
    };
    let (code, vi) = json("vi");
    let (_, en) = json("en");
    (code, vi, en)
}

/// What a diagnostic says apart from its words.
fn shape(json: &serde_json::Value) -> Vec<String> {
    let diags = json["diagnostics"].as_array().cloned().unwrap_or_default();
    diags
        .iter()
        .map(|d| {
            [
                "severity",
                "code",
                "file",
                "line",
                "column",
                "field",
                "source_line",
            ]
            .map(|k| d[k].to_string())
            .join(" ")
        })
        .collect()
}

#[test]
fn every_corpus_file_gets_its_diagnostic() {
    let dir = common::repo_root().join("tests/corpus/bad");
    let expected = expectations(&dir);
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n != "expected.txt")
        .collect();
    files.sort();
    assert!(files.len() >= 40, "the corpus has {} files", files.len());
    let dump = std::env::var_os("DUMP").is_some();
    for f in &files {
        assert!(
            dump || expected.iter().any(|e| &e.file == f),
            "{f} has no expectation in expected.txt"
        );
    }
    let results: Vec<(String, Option<i32>, serde_json::Value, serde_json::Value)> =
        std::thread::scope(|s| {
            let handles: Vec<_> = files
                .chunks(files.len().div_ceil(4))
                .map(|chunk| {
                    let dir = &dir;
                    s.spawn(move || {
                        chunk
                            .iter()
                            .map(|n| {
                                let (code, vi, en) = run_case(dir, n);
                                (n.clone(), code, vi, en)
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap())
                .collect()
        });
    let mut failures = Vec::new();
    for (name, exit, json, english) in &results {
        let diags = json["diagnostics"].as_array().cloned().unwrap_or_default();
        if shape(json) != shape(english) {
            failures.push(format!("{name}: --lang en changes more than the words"));
        }
        for text in untranslated(english) {
            failures.push(format!(
                "{name}: left in Vietnamese under --lang en: {text}"
            ));
        }
        if exit.is_none() || *exit == Some(101) {
            failures.push(format!("{name}: crashed ({exit:?})"));
        }
        let has_error = diags.iter().any(|d| d["severity"] == "error");
        if has_error != (*exit == Some(1)) {
            failures.push(format!(
                "{name}: exit code {exit:?} does not match the diagnostics"
            ));
        }
        for e in expected.iter().filter(|e| &e.file == name) {
            let hit = diags.iter().any(|d| {
                d["code"] == e.code.as_str()
                    && e.line.is_none_or(|l| d["line"] == l)
                    && e.field.as_ref().is_none_or(|f| d["field"] == f.as_str())
                    && (d["file"] == placement(name).as_str() || e.code == "E023")
            });
            if !hit {
                failures.push(format!(
                    "{name}: expected {} at line {:?} field {:?}, got {}",
                    e.code,
                    e.line,
                    e.field,
                    serde_json::to_string(&diags).unwrap()
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} corpus failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
