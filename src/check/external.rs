//! `check --external`: every link to another site, fetched once.
//!
//! Hosts are checked in parallel but each host one request at a time, so a
//! commune site never floods a ministry's server; every failure of the run
//! is listed together.

use std::collections::BTreeMap;
use std::time::Duration;

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::site::Site;

/// How many hosts are checked at the same time.
const PARALLEL_HOSTS: usize = 8;

/// The result of fetching one URL, when it failed.
fn fetch(agent: &ureq::Agent, url: &str) -> Result<(), String> {
    let status = |r: Result<ureq::http::Response<ureq::Body>, ureq::Error>| match r {
        Ok(resp) => Ok(resp.status().as_u16()),
        Err(ureq::Error::Timeout(_)) => Err("hết thời gian chờ".to_string()),
        Err(e) => Err(e.to_string()),
    };
    // Some servers refuse HEAD; ask again with GET before calling it broken.
    let code = match status(agent.head(url).call())? {
        405 | 501 | 403 => status(agent.get(url).call())?,
        c => c,
    };
    if code < 400 {
        Ok(())
    } else {
        Err(format!("máy chủ trả lời mã {code}"))
    }
}

fn host_of(url: &str) -> &str {
    let rest = url.split_once("://").map(|x| x.1).unwrap_or(url);
    rest.split(['/', '?', '#']).next().unwrap_or(rest)
}

/// Check every external http(s) link of the rendered pages.
pub fn links(site: &Site, index: &super::LinkIndex, timeout: Duration) -> Vec<Diagnostic> {
    // URL → pages it appears on.
    let mut urls: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for p in index.pages() {
        for url in &p.urls {
            if url.starts_with("http://") || url.starts_with("https://") {
                urls.entry(url.split('#').next().unwrap_or(url).to_string())
                    .or_default()
                    .push(&p.page);
            }
        }
    }
    let mut by_host: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for url in urls.keys() {
        by_host.entry(host_of(url)).or_default().push(url);
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .http_status_as_error(false)
        .max_redirects(5)
        .user_agent(concat!("trangxa-link-check/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(PARALLEL_HOSTS)
        .build();
    let check_all = || -> Vec<(String, String)> {
        by_host
            .par_iter()
            .flat_map_iter(|(_, list)| {
                list.iter()
                    .filter_map(|u| fetch(&agent, u).err().map(|e| (u.to_string(), e)))
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    let mut failures = match pool {
        Ok(p) => p.install(check_all),
        Err(_) => check_all(),
    };
    failures.sort();
    let by_output: std::collections::HashMap<String, usize> = site
        .items
        .iter()
        .enumerate()
        .map(|(i, it)| (crate::paths::output_file(&it.path), i))
        .collect();
    failures
        .into_iter()
        .map(|(url, why)| {
            let pages = &urls[&url];
            let found = pages.iter().find_map(|p| {
                let item = &site.items[*by_output.get(*p)?];
                super::find_in_source(&item.text, &url).map(|(l, c)| (item, l, c))
            });
            let d = Diagnostic::error(
                "E028",
                format!("liên kết ngoài `{url}` không mở được: {why}"),
            );
            match found {
                Some((item, line, col)) => d.in_file(&item.source).at(&item.text, line, col),
                None => d.hint(format!("ở {} trang, ví dụ `{}`", pages.len(), pages[0])),
            }
        })
        .collect()
}
