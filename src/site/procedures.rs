//! The procedure catalogue in the model: each record's checks that need the
//! whole site (its field, its replacement, duplicate codes), and the groupings
//! the catalogue pages show — by field, by online level, by implementing
//! agency — in Vietnamese alphabetical order.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use crate::content::{Loaded, Procedure};
use crate::diagnostics::{Diagnostic, Severity, closest};
use crate::site::{Item, ItemKind};
use crate::vi;
use crate::vocab::OnlineLevel;

/// Where the catalogue lives.
pub const ROOT: &str = "/thu-tuc-hanh-chinh/";

/// Site path of a procedure's page. The code, not the title, makes the URL:
/// titles change when the national record is revised, codes do not.
pub fn path_of(code: &str) -> String {
    format!("{ROOT}{code}/")
}

/// A group of procedures with its own catalogue page.
#[derive(Debug, Clone)]
pub struct Group {
    pub name: String,
    pub slug: String,
    pub path: String,
    /// Procedures in force first, then replaced or abolished ones; each part
    /// in Vietnamese alphabetical order of title.
    pub items: Vec<usize>,
}

impl Group {
    /// Procedures citizens can still use.
    pub fn in_force(&self, items: &[Arc<Item>]) -> usize {
        self.items
            .iter()
            .filter(|&&i| procedure(&items[i]).is_some_and(|p| p.legal_status.in_force()))
            .count()
    }
}

/// Every published procedure, grouped the ways the catalogue offers.
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    /// All procedure items, in force first, in Vietnamese alphabetical order.
    pub all: Vec<usize>,
    pub fields: Vec<Group>,
    pub levels: Vec<(OnlineLevel, Group)>,
    pub agencies: Vec<Group>,
    /// Code → item index.
    pub by_code: BTreeMap<String, usize>,
    /// Procedure item → the news items that name it, newest first.
    pub news: HashMap<usize, Vec<usize>>,
}

pub fn procedure(item: &Item) -> Option<&Procedure> {
    match &item.kind {
        ItemKind::Procedure(p) => Some(p),
        _ => None,
    }
}

/// Every procedure code on disk (published or not), with whether it is shown.
pub fn known_codes(
    procedures: &[Loaded<Procedure>],
    visible: impl Fn(&Procedure) -> bool,
) -> BTreeMap<String, bool> {
    let mut out = BTreeMap::new();
    for p in procedures {
        *out.entry(p.meta.code.0.clone()).or_insert(false) |= visible(&p.meta);
    }
    out
}

/// Two files may not describe the same procedure.
pub fn check_duplicates(procedures: &[Loaded<Procedure>]) -> Vec<Diagnostic> {
    let mut first: BTreeMap<&str, &Loaded<Procedure>> = BTreeMap::new();
    let mut out = Vec::new();
    for p in procedures {
        let code = p.meta.code.0.as_str();
        match first.get(code) {
            Some(other) => out.push(
                p.error_at(
                    "E031",
                    "code",
                    Some(code),
                    format!(
                        "mã thủ tục `{code}` trùng với tệp {}",
                        other.source.display()
                    ),
                )
                .hint("mỗi thủ tục chỉ có một tệp; gộp hai tệp hoặc sửa mã bị chép nhầm"),
            ),
            None => {
                first.insert(code, p);
            }
        }
    }
    out
}

/// Checks of one record against the rest of the site. Returns the record
/// with its field spelled as `site.yaml` spells it.
pub fn check(
    l: &Loaded<Procedure>,
    fields: &[String],
    codes: &BTreeMap<String, bool>,
    diags: &mut Vec<Diagnostic>,
) -> Procedure {
    let mut p = l.meta.clone();
    let folded = vi::fold(&p.field);
    match fields.iter().find(|f| vi::fold(f) == folded) {
        Some(f) => p.field = f.clone(),
        None => {
            // `procedure_fields: [Đăng ký, quản lý cư trú]`: an unquoted comma
            // in site.yaml made two fields of one.
            let split = fields
                .windows(2)
                .map(|w| format!("{}, {}", w[0], w[1]))
                .find(|joined| vi::fold(joined) == folded);
            let hint = match closest(&p.field, fields.iter().map(String::as_str)) {
                _ if split.is_some() => format!(
                    "dấu phẩy trong danh sách `procedure_fields` của site.yaml đã tách lĩnh vực này làm hai: viết `\"{}\"` (trong dấu nháy kép)",
                    split.as_deref().unwrap_or_default()
                ),
                Some(c) => format!("có phải bạn muốn viết `{c}`?"),
                None => format!(
                    "các lĩnh vực: {}; thêm lĩnh vực mới vào `procedure_fields` trong site.yaml",
                    fields.join("; ")
                ),
            };
            diags.push(
                l.error_at(
                    "E034",
                    "field",
                    Some(&p.field),
                    format!("không có lĩnh vực `{}` trong danh mục thủ tục", p.field),
                )
                .hint(hint),
            );
        }
    }
    if let Some(r) = &p.replaced_by
        && !codes.get(&r.0).copied().unwrap_or(false)
    {
        diags.push(Diagnostic {
            severity: Severity::Warning,
            ..l.error_at(
                "W033",
                "replaced_by",
                Some(&r.0),
                format!(
                    "thủ tục thay thế `{}` chưa được đăng trên trang nên không có liên kết",
                    r.0
                ),
            )
            .hint(format!("thêm tệp content/thu-tuc/{}.md", r.0))
        });
    }
    p
}

/// An article's `related_procedures`: every code must be a procedure file.
pub fn resolve_related(
    code: &str,
    codes: &BTreeMap<String, bool>,
    by_code: &HashMap<String, usize>,
    at: impl Fn(&'static str, String) -> Diagnostic,
) -> Result<Option<usize>, Diagnostic> {
    match (by_code.get(code), codes.get(code)) {
        (Some(&i), _) => Ok(Some(i)),
        (None, Some(_)) => Err(Diagnostic {
            severity: Severity::Warning,
            ..at(
                "W032",
                format!("thủ tục `{code}` chưa được đăng nên không có liên kết"),
            )
        }),
        (None, None) => {
            let hint = match closest(code, codes.keys().map(String::as_str)) {
                Some(c) => format!("có phải bạn muốn viết `{c}`?"),
                None => "viết mã thủ tục đã có trong content/thu-tuc/, ví dụ \"1.001193\"".into(),
            };
            Err(at("E036", format!("không có thủ tục mã `{code}` trên trang")).hint(hint))
        }
    }
}

fn group(name: &str, prefix: &str, slug: String, items: Vec<usize>) -> Group {
    Group {
        name: name.to_string(),
        path: format!("{ROOT}{prefix}/{slug}/"),
        slug,
        items,
    }
}

impl Catalogue {
    /// Group the procedure items of the (resolved, sorted) item list.
    pub fn build(items: &[Arc<Item>], fields: &[String]) -> Catalogue {
        let mut all: Vec<usize> = (0..items.len())
            .filter(|&i| procedure(&items[i]).is_some())
            .collect();
        let rank = |i: usize| procedure(&items[i]).is_none_or(|p| !p.legal_status.in_force());
        all.sort_by(|&a, &b| {
            rank(a)
                .cmp(&rank(b))
                .then_with(|| vi::compare(&items[a].title, &items[b].title))
                .then_with(|| items[a].key.cmp(&items[b].key))
        });
        let by_code = all
            .iter()
            .filter_map(|&i| procedure(&items[i]).map(|p| (p.code.0.clone(), i)))
            .collect();

        // Fields: in site.yaml's list, shown in Vietnamese order, empty ones left out.
        let mut names: Vec<&String> = fields.iter().collect();
        names.sort_by(|a, b| vi::compare(a, b));
        let fields = names
            .into_iter()
            .map(|f| {
                let members = all
                    .iter()
                    .copied()
                    .filter(|&i| procedure(&items[i]).is_some_and(|p| &p.field == f))
                    .collect();
                group(f, "linh-vuc", vi::slugify(f), members)
            })
            .filter(|g| !g.items.is_empty())
            .collect();

        let levels = OnlineLevel::ALL
            .iter()
            .map(|&level| {
                let members = all
                    .iter()
                    .copied()
                    .filter(|&i| procedure(&items[i]).is_some_and(|p| p.online_level == level))
                    .collect();
                (
                    level,
                    group(
                        level.label(),
                        "truc-tuyen",
                        level.slug().to_string(),
                        members,
                    ),
                )
            })
            .filter(|(_, g)| !g.items.is_empty())
            .collect();

        // Agencies: as written in the records, spelling variants merged.
        let mut agency_names: BTreeMap<String, String> = BTreeMap::new();
        for &i in &all {
            if let Some(p) = procedure(&items[i]) {
                let name = p.implementing_agency.trim();
                agency_names
                    .entry(vi::fold(name))
                    .or_insert_with(|| name.to_string());
            }
        }
        let mut agencies: Vec<Group> = agency_names
            .into_iter()
            .map(|(folded, name)| {
                let members = all
                    .iter()
                    .copied()
                    .filter(|&i| {
                        procedure(&items[i])
                            .is_some_and(|p| vi::fold(&p.implementing_agency) == folded)
                    })
                    .collect();
                group(&name, "co-quan", vi::slugify(&name), members)
            })
            .collect();
        agencies.sort_by(|a, b| vi::compare(&a.name, &b.name));

        // Related news: items are newest first, so each list is too.
        let mut news: HashMap<usize, Vec<usize>> = HashMap::new();
        for (i, item) in items.iter().enumerate() {
            let mut seen = BTreeSet::new();
            for &p in &item.related_procedures {
                if seen.insert(p) {
                    news.entry(p).or_default().push(i);
                }
            }
        }
        Catalogue {
            all,
            fields,
            levels,
            agencies,
            by_code,
            news,
        }
    }

    /// The field group a procedure belongs to.
    pub fn field_of(&self, item: usize) -> Option<&Group> {
        self.fields.iter().find(|g| g.items.contains(&item))
    }
}
