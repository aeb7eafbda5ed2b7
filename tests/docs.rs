//! The handbook in `docs/` and the README: every field of every kind of
//! content and of site.yaml is documented with its values, and no link leads
//! out of the repository (a clone must be complete on its own).

use std::path::PathBuf;

use serde::de::DeserializeOwned;
use trangxa::config::{
    Campaign, Deadlines, DvcUrls, MenuItem, Pakn, ReportSettings, SectionConfig, SiteConfig,
};
use trangxa::content::plan::{Activity, Period, Reporting, Target, Timeframe};
use trangxa::content::procedure::{
    DossierCase, DossierItem, Faq, Fee, Form, ProcedureChannel, ProcessingTime, SourceInfo,
};
use trangxa::content::types::{
    Attachment, CommentPeriod, Contact, Disclosure, Image, LegalRef, Media, Person, Signer,
    Submission,
};
use trangxa::content::{Article, Document, Event, Page, Procedure, Unit};
use trangxa::vocab;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The README and every page of the handbook.
fn pages() -> Vec<(String, String)> {
    let mut out = vec![("README.md".to_string(), read("README.md"))];
    let mut docs: Vec<_> = std::fs::read_dir(root().join("docs"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".md"))
        .collect();
    docs.sort();
    for n in docs {
        let rel = format!("docs/{n}");
        out.push((rel.clone(), read(&rel)));
    }
    out
}

/// The text outside fenced code blocks and inline code.
fn prose(text: &str) -> String {
    let mut out = String::new();
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if !fenced {
            let unticked: String = line.split('`').step_by(2).collect::<Vec<_>>().join(" ");
            out.push_str(&unticked);
            out.push('\n');
        }
    }
    out
}

/// Targets of Markdown links `[..](target)`, autolinks `<scheme:…>` and HTML `href`/`src`.
fn links(text: &str) -> Vec<String> {
    let text = prose(text);
    let mut out = Vec::new();
    let mut rest = text.as_str();
    while let Some(i) = rest.find("](") {
        rest = &rest[i + 2..];
        if let Some(end) = rest.find(')') {
            out.push(rest[..end].trim().to_string());
        }
    }
    for open in ["<http", "<mailto:", "href=\"", "src=\""] {
        let mut rest = text.as_str();
        while let Some(i) = rest.find(open) {
            rest = &rest[i + open.len()..];
            let end = rest.find(['>', '"']).unwrap_or(rest.len());
            out.push(format!(
                "{}{}",
                open.trim_start_matches(['<'])
                    .trim_end_matches('"')
                    .trim_end_matches("href=")
                    .trim_end_matches("src="),
                &rest[..end]
            ));
        }
    }
    out
}

#[test]
fn readme_and_docs_link_only_to_files_in_the_repository() {
    let repo = root().canonicalize().unwrap();
    let mut bad = Vec::new();
    let mut count = 0;
    for (page, text) in pages() {
        let dir = root().join(&page).parent().unwrap().to_path_buf();
        for link in links(&text) {
            count += 1;
            let target = link.split('#').next().unwrap_or("");
            let outside = link.contains("://")
                || link.starts_with("//")
                || link.starts_with("mailto:")
                || link.starts_with("http")
                || link.starts_with('/');
            let resolved = (!outside && !target.is_empty())
                .then(|| dir.join(target).canonicalize().ok())
                .flatten();
            let ok =
                !outside && (target.is_empty() || resolved.is_some_and(|p| p.starts_with(&repo)));
            if !ok {
                bad.push(format!("{page}: {link}"));
            }
        }
        // A path named in the text, even as code, must not point out of the
        // repository either (`../shared/design/…` is dead in a clone).
        for word in text.split(|c: char| c.is_whitespace() || "`()[]<>\"'".contains(c)) {
            if word.starts_with("../") {
                let inside = dir
                    .join(word.trim_end_matches(['.', ',', ';', ':']))
                    .canonicalize()
                    .is_ok_and(|p| p.starts_with(&repo));
                if !inside {
                    bad.push(format!("{page}: {word}"));
                }
            }
        }
    }
    assert!(count > 20, "links found: {count}");
    assert!(
        bad.is_empty(),
        "links leaving the repository or to no file:\n{}",
        bad.join("\n")
    );
    // The check itself catches what it is for.
    assert_eq!(
        links("[ghi chú](../shared/design/content-model.md) `[x](http://a)`"),
        ["../shared/design/content-model.md"]
    );
}

/// The fields serde knows for `T`, from its "unknown field" error.
fn fields<T: DeserializeOwned>() -> Vec<String> {
    let err = match serde_yaml::from_str::<T>("truong_khong_co: 1") {
        Ok(_) => panic!("a field named truong_khong_co was accepted"),
        Err(e) => e.to_string(),
    };
    let list = err
        .split("expected ")
        .nth(1)
        .unwrap_or_else(|| panic!("no field list in: {err}"));
    list.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

fn assert_documented(doc: &str, all: &[(&str, Vec<String>)]) {
    let text = read(doc);
    for (what, list) in all {
        assert!(!list.is_empty(), "{what}: no fields found");
        let missing: Vec<&String> = list
            .iter()
            .filter(|f| !text.contains(&format!("`{f}`")))
            .collect();
        assert!(
            missing.is_empty(),
            "{doc} does not document {what} fields {missing:?}"
        );
    }
}

#[test]
fn every_field_of_every_kind_is_documented() {
    assert_documented(
        "docs/tin-tuc.md",
        &[
            ("Article", fields::<Article>()),
            ("Image", fields::<Image>()),
            ("Media", fields::<Media>()),
            ("Attachment", fields::<Attachment>()),
            ("Submission", fields::<Submission>()),
        ],
    );
    let plan = [
        "year",
        "period",
        "parent_plan",
        "campaign_kind",
        "reporting",
        "targets",
        "activities",
        "appendix_title",
    ];
    let document: Vec<String> = fields::<Document>()
        .into_iter()
        .filter(|f| !plan.contains(&f.as_str()))
        .collect();
    assert_documented(
        "docs/van-ban.md",
        &[
            ("Document", document),
            ("Signer", fields::<Signer>()),
            ("Disclosure", fields::<Disclosure>()),
            ("CommentPeriod", fields::<CommentPeriod>()),
            ("LegalRef", fields::<LegalRef>()),
        ],
    );
    assert_documented(
        "docs/ke-hoach.md",
        &[
            ("plan", plan.iter().map(|s| s.to_string()).collect()),
            ("Period", fields::<Period>()),
            ("Reporting", fields::<Reporting>()),
            ("Target", fields::<Target>()),
            ("Timeframe", fields::<Timeframe>()),
            ("Activity", fields::<Activity>()),
        ],
    );
    assert_documented(
        "docs/thu-tuc.md",
        &[
            ("Procedure", fields::<Procedure>()),
            ("ProcedureChannel", fields::<ProcedureChannel>()),
            ("ProcessingTime", fields::<ProcessingTime>()),
            ("Fee", fields::<Fee>()),
            ("DossierCase", fields::<DossierCase>()),
            ("DossierItem", fields::<DossierItem>()),
            ("Form", fields::<Form>()),
            ("SourceInfo", fields::<SourceInfo>()),
            ("Faq", fields::<Faq>()),
        ],
    );
    assert_documented(
        "docs/don-vi.md",
        &[("Unit", fields::<Unit>()), ("Contact", fields::<Contact>())],
    );
    assert_documented("docs/trang.md", &[("Page", fields::<Page>())]);
    assert_documented("docs/bao-cao.md", &[("Event", fields::<Event>())]);
    assert_documented(
        "docs/site-yaml.md",
        &[
            ("SiteConfig", fields::<SiteConfig>()),
            ("Person", fields::<Person>()),
            ("Contact", fields::<Contact>()),
            ("Pakn", fields::<Pakn>()),
            ("DvcUrls", fields::<DvcUrls>()),
            ("Campaign", fields::<Campaign>()),
            ("Deadlines", fields::<Deadlines>()),
            ("SectionConfig", fields::<SectionConfig>()),
            ("MenuItem", fields::<MenuItem>()),
            ("ReportSettings", fields::<ReportSettings>()),
        ],
    );
}

#[test]
fn every_value_of_every_list_and_every_section_id_is_documented() {
    let docs: String = pages().into_iter().map(|(_, t)| t).collect();
    let mut missing = Vec::new();
    let mut check = |ids: Vec<&'static str>| {
        for id in ids {
            if !docs.contains(&format!("`{id}`")) {
                missing.push(id);
            }
        }
    };
    macro_rules! ids {
        ($($t:ident),*) => { $( check(vocab::$t::ALL.iter().map(|v| v.id()).collect()); )* };
    }
    ids!(
        ParArea,
        Index,
        UnitKind,
        DocType,
        ArticleKind,
        Channel,
        DisclosureForm,
        Status,
        IssuerLevel,
        LegalStatus,
        SignAuthority,
        FileFormat,
        MediaKind,
        Level,
        OnlineLevel,
        ProactiveLevel,
        ProcedureStatus,
        SubmitMethod,
        TimeUnit,
        FeeKind,
        SourceKind,
        CampaignKind,
        ReportCadence,
        ReportWindow,
        TimeframeKind,
        EventKind,
        Cadence,
        Progress,
        OutputKind,
        Metric,
        TargetPer,
        Inherit
    );
    assert!(missing.is_empty(), "values not in docs/: {missing:?}");
    // The standard sections, as a site without `sections` gets them.
    let config: SiteConfig = serde_yaml::from_str(
        "name: x\nowner: x\nprovince: x\nbase_url: https://x.gov.vn/\nresponsible_person: {name: x, position: x}\ncontact: {}\n",
    )
    .unwrap();
    let sections = read("docs/chuyen-muc.md");
    assert!(config.sections.len() >= 10);
    for s in &config.sections {
        assert!(
            sections.contains(&format!("| `{}` | {} |", s.id, s.name)),
            "section {} missing from docs/chuyen-muc.md",
            s.id
        );
    }
}

#[test]
fn readme_examples_that_may_hold_a_comma_are_in_block_style() {
    // A flow list or map (`[…]`, `{…}`) with a field whose value may hold
    // a comma splits it silently; the examples must not teach that.
    let may_hold_comma = [
        "applicants",
        "results",
        "tags",
        "address",
        "location",
        "steps",
        "functions",
        "exemptions",
        "requirements",
        "aliases",
        "outputs",
        "recipients",
    ];
    for (page, text) in pages() {
        let mut fenced = false;
        for line in text.lines() {
            if line.trim_start().starts_with("```") {
                fenced = !fenced;
                continue;
            }
            let t = line.trim_start().trim_start_matches("- ");
            if !fenced || !(t.contains(": [") || t.contains(": {") || t.contains(", ")) {
                continue;
            }
            if t.starts_with('#') || line.contains("# SAI") {
                continue;
            }
            for f in may_hold_comma {
                let flow = t.starts_with(&format!("{f}: ["))
                    || t.starts_with(&format!("{f}: {{"))
                    || t.contains(&format!("{{{f}: "))
                    || t.contains(&format!(", {f}: "));
                assert!(
                    !flow || page == "docs/quy-tac-viet.md",
                    "{page}: `{f}` written inline: {line}"
                );
            }
        }
    }
}
