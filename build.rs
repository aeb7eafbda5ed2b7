//! Embeds the default theme (`themes/default/`) in the binary, so a site
//! folder needs no theme of its own and one `trangxa` file is all a commune
//! installs. The list of files is generated here rather than written by
//! hand, so a template or stylesheet added to the theme is embedded without
//! touching the code; `rerun-if-changed` on the folder makes cargo rebuild
//! when any file in it is added, changed or removed.

use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        // Editor swap files and the like are never part of the theme.
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        if path.is_dir() {
            files(&path, out);
        } else if path.is_file() {
            out.push(path);
        }
    }
}

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let theme = manifest.join("themes").join("default");
    println!("cargo::rerun-if-changed=themes/default");
    let mut found = Vec::new();
    files(&theme, &mut found);
    found.sort();
    let mut code = String::from(
        "/// The default theme's files: path under `themes/default/` → bytes.\npub static FILES: &[(&str, &[u8])] = &[\n",
    );
    for path in found {
        let rel = path
            .strip_prefix(&theme)
            .expect("found under the theme")
            .components()
            .map(|c| c.as_os_str().to_string_lossy().to_string())
            .collect::<Vec<_>>()
            .join("/");
        code.push_str(&format!(
            "    ({rel:?}, include_bytes!({:?})),\n",
            path.display().to_string()
        ));
    }
    code.push_str("];\n");
    let out =
        PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo")).join("embedded_theme.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}
