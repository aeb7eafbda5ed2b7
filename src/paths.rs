//! Where a site path is written: one rule for the renderer (which file a page
//! goes to), the link check (which file a link leads to) and `serve` (which
//! file answers a request). A leaf module, so they cannot drift apart.

/// Site path → output file: `/tin-tuc/a/` → `tin-tuc/a/index.html`,
/// `/rss.xml` → `rss.xml`.
pub fn output_file(path: &str) -> String {
    let path = path.strip_prefix('/').unwrap_or(path);
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    }
}

/// A relative file system path as a site path, `/`-separated on every
/// system (`files\\a.pdf` on Windows is `files/a.pdf`): how static, theme and
/// content files are named by their place in their folder.
pub fn slashed(rel: &std::path::Path) -> String {
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    #[test]
    fn folders_are_served_by_their_index() {
        assert_eq!(super::output_file("/"), "index.html");
        assert_eq!(super::output_file("/tin-tuc/a/"), "tin-tuc/a/index.html");
        assert_eq!(super::output_file("/rss.xml"), "rss.xml");
        assert_eq!(super::output_file("files/a.pdf"), "files/a.pdf");
    }

    #[test]
    fn paths_are_slashed_on_every_system() {
        let p: std::path::PathBuf = ["files", "2026", "a.pdf"].iter().collect();
        assert_eq!(super::slashed(&p), "files/2026/a.pdf");
    }
}
