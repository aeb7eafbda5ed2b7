//! A whole page through the pipeline: the fuzzed bytes are an article of a
//! small site, which is modelled, rendered and link-checked. Nothing may
//! panic, and the rendered HTML must never carry a raw `<script` from the
//! input.
#![no_main]

use std::collections::{BTreeSet, HashSet};
use std::sync::OnceLock;

use chrono::TimeZone;
use libfuzzer_sys::fuzz_target;
use trangxa::config::SiteConfig;
use trangxa::content::Content;
use trangxa::site::{BuildOptions, Site};
use trangxa::theme::Theme;

const SITE: &str = "name: Trang thử\nowner: UBND xã Thử\nprovince: Gia Lai\nbase_url: https://thu.gov.vn/xa/\nresponsible_person: {name: A, position: B}\ncontact: {}\nmenu: [{name: Trang chủ, url: /}]\n";
const UNIT: &str = "---\nid: phong-kinh-te\nname: Phòng Kinh tế\naliases: [Phòng KT]\nkind: co_quan_chuyen_mon\n---\nKinh tế.\n";

fn theme() -> &'static Theme {
    static THEME: OnceLock<Theme> = OnceLock::new();
    THEME.get_or_init(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        Theme::load(&root, "default").unwrap_or_default()
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(config) = SiteConfig::parse(SITE) else { return };
    let mut content = Content::default();
    let _ = content.add_bytes("don-vi/phong-kinh-te", UNIT.as_bytes().to_vec());
    let _ = content.add_bytes("tin-tuc/2026/01/bai", data.to_vec());
    let now = trangxa::vi::tz().with_ymd_and_hms(2026, 11, 27, 12, 0, 0).unwrap();
    let opts = BuildOptions { drafts: true, now, bodies: None };
    let (site, _) = Site::build(config, &content, &BTreeSet::new(), &opts);
    let Some(site) = site else { return };
    let Ok((outputs, _)) = trangxa::render::render(&site, theme()) else { return };
    let _ = trangxa::check::links(&site, &outputs, &HashSet::new());
    for o in &outputs {
        if o.path.starts_with("tin-tuc/") && o.path.ends_with(".html") {
            let html = String::from_utf8_lossy(&o.bytes);
            let main = html.split("<main").nth(1).unwrap_or("");
            assert!(!main.contains("<script"), "script from content reached the page");
        }
    }
});
