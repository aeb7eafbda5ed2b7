//! The search index: every published item, cut into tokens at build time and
//! written as small JSON files that `search.js` fetches only when a query
//! needs them, so a 10,000-page site searches as fast as a small one.
//!
//! Files under `/tim-kiem/chi-muc/`:
//! - `index.json` — loaded with the search page: the version, the result
//!   types and units for the filters, the shard list, and each item's type and
//!   units (a few bytes an item).
//! - `w/<prefix>.json` — postings of every word or code whose folded form
//!   starts with the prefix (`w/kh.json` holds `khai`, `khanh`, …). A prefix
//!   that would make a large file is split one letter further.
//! - `b/<prefix>.json` — the same for pairs of adjacent words (`dang ky`),
//!   which rank a phrase above its words found apart.
//! - `d/<n>.json` — what a result shows for item n: title, link, type, date,
//!   unit, number, summary and plain text for the snippet. Fetched only for
//!   the results on screen.
//!
//! A token is stored under its folded form (`duong`), with one postings list
//! per spelling (`vi::tone_key`: `đương~2`, `dương`), so that a query without
//! diacritics finds every spelling and a query with them ranks its own first.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;

use rayon::prelude::*;
use serde::Serialize;

use super::Output;
use super::context::kind_of;
use super::search_text::{pairs, tokens};
use crate::site::{Item, ItemKind, Site};
use crate::vi;

/// Where the index lives in the output, relative to the site root.
pub const DIR: &str = "tim-kiem/chi-muc";

/// Shards are cut so that none holds much more than this many bytes of
/// postings (about 8 KB once gzipped), unless one token alone is larger.
const SHARD_BYTES: usize = 24_000;
/// A shard key is at most this many characters long.
const MAX_SHARD_KEY: usize = 8;
/// The snippet text of one item stops near this many characters; every
/// word is indexed all the same.
const SNIPPET_TEXT_CHARS: usize = 10_000;

/// Where a token was found. The browser weighs title matches above summary,
/// summary above body, and body above metadata (unit names, PAR areas).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Meta = 0,
    Body = 1,
    Summary = 2,
    Title = 3,
}

/// A broad kind of result, for the type filter and the result's label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct SearchType {
    /// Position in the filter's list.
    pub rank: u8,
    pub id: &'static str,
    pub label: &'static str,
}

/// The result type of an item. A new kind of item is one line here (the
/// gap in `rank` leaves room for kế hoạch).
pub fn search_type(kind: &ItemKind) -> SearchType {
    let t = |rank, id, label| SearchType { rank, id, label };
    match kind {
        ItemKind::Article(_) => t(0, "tin-bai", "Tin bài"),
        ItemKind::Procedure(_) => t(1, "thu-tuc", "Thủ tục hành chính"),
        ItemKind::Document(_) => t(2, "van-ban", "Văn bản"),
        ItemKind::Page(_) => t(4, "trang", "Trang"),
    }
}

/// What the index knows about one item.
#[derive(Debug, Clone)]
pub struct Record {
    pub kind: SearchType,
    /// The finer label: "Thông báo", "Kế hoạch", …
    pub label: String,
    pub title: String,
    pub href: String,
    /// "10/04/2026".
    pub date: Option<String>,
    /// Indices into `Site::units`; the first is the lead unit.
    pub units: Vec<usize>,
    /// Document number ("135/KH-UBND") or procedure code, shown as typed.
    pub number: Option<String>,
    /// What `number` is: "Số" of a document, "Mã thủ tục" of a procedure.
    pub number_label: &'static str,
    pub summary: String,
    /// The body as plain text.
    pub text: String,
    /// Every searchable text, with the field it counts as.
    pub fields: Vec<(Field, String)>,
}

/// The searchable record of an item.
pub fn record(site: &Site, item: &Item) -> Record {
    let (_, label) = kind_of(item);
    let kind = search_type(&item.kind);
    let mut fields = vec![
        (Field::Title, item.title.clone()),
        (Field::Summary, item.summary.clone()),
        (Field::Body, item.body.text.clone()),
        (Field::Meta, format!("{} {label}", kind.label)),
    ];
    for &t in &item.tags {
        fields.push((Field::Summary, site.tags[t].name.clone()));
    }
    for &u in &item.units {
        let unit = &site.units[u].unit;
        fields.push((Field::Meta, unit.name.clone()));
        fields.extend(unit.short_name.iter().map(|s| (Field::Meta, s.clone())));
    }
    for pa in &item.par_areas {
        fields.push((Field::Meta, pa.label().to_string()));
    }
    let mut number = None;
    let mut number_label = "Số";
    let mut text = item.body.text.clone();
    match &item.kind {
        ItemKind::Article(a) => {
            fields.extend(
                a.related_procedures
                    .iter()
                    .map(|c| (Field::Summary, c.0.clone())),
            );
            fields.extend(a.location.iter().map(|l| (Field::Meta, l.clone())));
            fields.extend(a.author.iter().map(|x| (Field::Meta, x.clone())));
        }
        ItemKind::Document(d) => {
            let n = d.full_number();
            fields.push((Field::Title, n.clone()));
            number = Some(n);
            fields.push((Field::Summary, d.abstract_.clone()));
            fields.push((Field::Meta, d.issuer.clone()));
            fields.extend(d.signer.iter().map(|s| (Field::Meta, s.name.clone())));
            fields.extend(d.fields.iter().map(|f| (Field::Meta, f.clone())));
            for b in &d.based_on {
                fields.push((Field::Meta, b.number.clone()));
                fields.extend(b.title.iter().map(|t| (Field::Meta, t.clone())));
            }
        }
        ItemKind::Procedure(p) => {
            // The code is found as typed, and so are the words people use for it.
            fields.push((Field::Title, p.code.0.clone()));
            number = Some(p.code.0.clone());
            number_label = "Mã thủ tục";
            fields.extend(p.local_code.iter().map(|c| (Field::Title, c.clone())));
            fields.extend(p.keywords.iter().map(|k| (Field::Summary, k.clone())));
            fields.extend(p.description.iter().map(|d| (Field::Summary, d.clone())));
            let body = p
                .steps
                .iter()
                .chain(&p.results)
                .chain(&p.applicants)
                .chain(p.requirements.iter())
                .chain(p.dossier.iter().flat_map(|c| c.case.iter()))
                .chain(
                    p.dossier
                        .iter()
                        .flat_map(|c| c.items.iter().map(|i| &i.name)),
                );
            for t in body {
                // Shown in snippets too: a procedure's page is mostly these.
                text.push_str(t);
                text.push('\n');
                fields.push((Field::Body, t.clone()));
            }
            fields.push((Field::Meta, p.field.clone()));
            fields.push((Field::Meta, p.implementing_agency.clone()));
            for b in p.decisions.iter().chain(&p.legal_basis) {
                fields.push((Field::Meta, b.number.clone()));
            }
        }
        ItemKind::Page(_) => {}
    }
    Record {
        kind,
        label,
        title: item.title.clone(),
        href: site.href(&item.path),
        date: item.date.map(|d| vi::date_short(&d.0)),
        units: item.units.clone(),
        number,
        number_label,
        summary: item.summary.clone(),
        text,
        fields,
    }
}

/// Folded form → spelling → (best field, occurrences). Hashed: the order
/// only matters once the shard files are written, and they sort.
pub type TokenMap = HashMap<String, HashMap<String, (Field, u32)>>;

/// One item's tokens: single words and codes, and pairs of adjacent words
/// (`"dang ky"` → `"đăng ký"`), which let a query typed without diacritics
/// rank the phrase it means above pages that only hold its words apart.
#[derive(Debug, Default)]
pub struct ItemTokens {
    pub words: TokenMap,
    pub pairs: TokenMap,
}

fn count(map: &mut TokenMap, folded: &str, key: &str, field: Field) {
    // Look up before inserting: most tokens are seen again, and a lookup by
    // `&str` allocates nothing.
    let spellings = match map.get_mut(folded) {
        Some(s) => s,
        None => map.entry(folded.to_string()).or_default(),
    };
    let e = match spellings.get_mut(key) {
        Some(e) => e,
        None => spellings.entry(key.to_string()).or_insert((field, 0)),
    };
    e.0 = e.0.max(field);
    e.1 += 1;
}

thread_local! {
    /// Word → (folded form, spelling key). A site's text repeats a few
    /// thousand Vietnamese syllables millions of times; decomposing each
    /// occurrence again was most of the index's build time.
    static FORMS: std::cell::RefCell<HashMap<String, (std::rc::Rc<str>, std::rc::Rc<str>)>> =
        std::cell::RefCell::new(HashMap::default());
}

/// Beyond this many distinct words a thread forgets what it memoised (codes
/// and numbers make the vocabulary of a large site open-ended).
const FORMS_MEMO_MAX: usize = 200_000;

fn forms(word: &str) -> (std::rc::Rc<str>, std::rc::Rc<str>) {
    FORMS.with(|memo| {
        let mut memo = memo.borrow_mut();
        if let Some(f) = memo.get(word) {
            return f.clone();
        }
        if memo.len() >= FORMS_MEMO_MAX {
            memo.clear();
        }
        let f: (std::rc::Rc<str>, std::rc::Rc<str>) =
            (vi::fold(word).into(), vi::tone_key(word).into());
        memo.insert(word.to_string(), f.clone());
        f
    })
}

/// Cut a record's fields into tokens.
pub fn item_tokens(r: &Record) -> ItemTokens {
    let mut out = ItemTokens::default();
    let (mut folded, mut key) = (String::new(), String::new());
    for (field, text) in &r.fields {
        let toks = tokens(text);
        // Forms of the words (not codes) by where they start, for the pairs.
        let mut word_forms = HashMap::default();
        for t in &toks {
            let (f, k) = forms(t.text);
            if !f.is_empty() {
                count(&mut out.words, &f, &k, *field);
            }
            if !t.code {
                word_forms.insert(t.start, (f, k));
            }
        }
        for (a, b) in pairs(text, &toks) {
            let (Some((fa, ka)), Some((fb, kb))) =
                (word_forms.get(&a.start), word_forms.get(&b.start))
            else {
                continue;
            };
            folded.clear();
            key.clear();
            for (buf, x, y) in [(&mut folded, fa, fb), (&mut key, ka, kb)] {
                buf.push_str(x);
                buf.push(' ');
                buf.push_str(y);
            }
            count(&mut out.pairs, &folded, &key, *field);
        }
    }
    out
}

/// Occurrences in 2 bits: 1, 2–3, 4–7, 8 or more.
fn tf_bucket(n: u32) -> u32 {
    match n {
        0 | 1 => 0,
        2..=3 => 1,
        4..=7 => 2,
        _ => 3,
    }
}

/// The items one spelling occurs in. Each posting is one number: the gap
/// from the previous item (from 0 for the first) × 16 + field × 4 +
/// occurrence bucket, so a list of every item is mostly two-digit numbers,
/// which gzip packs tightly.
#[derive(Default)]
struct Postings {
    postings: Vec<u32>,
    last: u32,
}

/// Spelling (`vi::tone_key`) → postings.
/// Hashed while the index is built; written in sorted order (`Flat`).
type Spellings = HashMap<String, Postings>;

/// The part of a folded token that picks its shard: ASCII letters and
/// digits as they are, anything else as `_` (so file names stay plain).
pub fn shard_form(folded: &str) -> String {
    folded
        .chars()
        .map(|c| {
            if c.is_ascii_lowercase() || c.is_ascii_digit() {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Group tokens into shards: by their first two characters, one more
/// character wherever a group is too large. A token goes to the longest key
/// that starts its shard form (the browser looks it up the same way).
fn shard_keys(sizes: &BTreeMap<String, usize>) -> BTreeMap<String, Vec<String>> {
    fn split(
        key: String,
        members: Vec<(String, String, usize)>,
        out: &mut BTreeMap<String, Vec<String>>,
    ) {
        let total: usize = members.iter().map(|m| m.2).sum();
        let longer = members.iter().any(|m| m.0.len() > key.len());
        if total <= SHARD_BYTES || key.len() >= MAX_SHARD_KEY || !longer {
            out.insert(key, members.into_iter().map(|m| m.1).collect());
            return;
        }
        let mut children: BTreeMap<String, Vec<(String, String, usize)>> = BTreeMap::new();
        for m in members {
            let k = m.0[..m.0.len().min(key.len() + 1)].to_string();
            children.entry(k).or_default().push(m);
        }
        for (k, members) in children {
            split(k, members, out);
        }
    }
    let mut groups: BTreeMap<String, Vec<(String, String, usize)>> = BTreeMap::new();
    for (token, &size) in sizes {
        let form = shard_form(token);
        let key = form[..form.len().min(2)].to_string();
        groups
            .entry(key)
            .or_default()
            .push((form, token.clone(), size));
    }
    let mut out = BTreeMap::new();
    for (k, members) in groups {
        split(k, members, &mut out);
    }
    out
}

#[derive(Serialize)]
struct IndexFile<'a> {
    /// Changes whenever any file of the index does; the browser adds it to
    /// every fetch so a cached shard never meets a newer index.
    version: String,
    count: usize,
    /// `[id, label]` of the result types present, in filter order.
    types: Vec<[&'a str; 2]>,
    /// `[id, name]` of the units that have items, in Vietnamese order.
    units: Vec<[&'a str; 2]>,
    /// Shard keys of single words and codes (`w/<key>.json`) and of word
    /// pairs (`b/<key>.json`).
    word_shards: Vec<String>,
    pair_shards: Vec<String>,
    /// Per item: index into `types`.
    item_types: Vec<usize>,
    /// Per item: indices into `units`, lead unit first.
    item_units: Vec<Vec<usize>>,
}

#[derive(Serialize)]
struct ItemFile<'a> {
    title: &'a str,
    href: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    label: &'a str,
    date: Option<&'a str>,
    unit: Option<&'a str>,
    number: Option<&'a str>,
    number_label: &'a str,
    summary: &'a str,
    text: &'a str,
}

/// Cut `text` near `max` characters, at a space.
fn cap(text: &str, max: usize) -> &str {
    match text.char_indices().nth(max) {
        None => text,
        Some((end, _)) => {
            let cut = text[..end].rfind(char::is_whitespace).unwrap_or(end);
            &text[..cut]
        }
    }
}

fn json<T: Serialize>(path: String, value: &T) -> Output {
    // Serializing plain structs, maps and strings to a Vec cannot fail.
    let bytes = serde_json::to_vec(value).unwrap_or_default();
    Output { path, bytes }
}

/// The result types present on the site, in filter order.
pub fn types_present(site: &Site) -> Vec<SearchType> {
    let mut types: Vec<SearchType> = site.items.iter().map(|i| search_type(&i.kind)).collect();
    types.sort();
    types.dedup();
    types
}

/// Units that lead or coordinate at least one item, in the site's order.
pub fn units_present(site: &Site) -> Vec<usize> {
    (0..site.units.len())
        .filter(|&u| !site.units[u].items.is_empty())
        .collect()
}

/// Folded token → its spellings' postings, while the index is being built
/// (hashed: the sorted order is only needed when the files are written).
type TokenIndex = HashMap<String, Spellings>;

/// Add the tokens of items `first`, `first + 1`, … to `index`.
fn add_postings(index: &mut TokenIndex, first: usize, per_item: Vec<TokenMap>) {
    for (n, toks) in per_item.into_iter().enumerate() {
        let n = (first + n) as u32;
        for (folded, spellings) in toks {
            let entry = index.entry(folded).or_default();
            for (key, (field, count)) in spellings {
                let list = entry.entry(key).or_default();
                let gap = n - list.last;
                list.last = n;
                list.postings
                    .push(gap * 16 + (field as u32) * 4 + tf_bucket(count));
            }
        }
    }
}

/// Items tokenised at once. The tokens of every item of a large site at
/// once took more memory than the rest of the build together; a chunk is
/// tokenised in parallel while the previous one is added to the index.
const TOKEN_CHUNK: usize = 256;

/// The word and pair indexes of every record.
fn token_indexes(records: &[Record]) -> (TokenIndex, TokenIndex) {
    let (mut words, mut pairs) = (TokenIndex::default(), TokenIndex::default());
    let tokenise = |chunk: &[Record]| -> (Vec<TokenMap>, Vec<TokenMap>) {
        chunk
            .par_iter()
            .map(|r| {
                let t = item_tokens(r);
                (t.words, t.pairs)
            })
            .unzip()
    };
    let mut chunks = records.chunks(TOKEN_CHUNK).enumerate();
    let mut ready = chunks.next().map(|(c, chunk)| (c, tokenise(chunk)));
    while let Some((c, (w, p))) = ready.take() {
        let next = chunks.next();
        let first = c * TOKEN_CHUNK;
        let (_, tokenised) = rayon::join(
            || {
                rayon::join(
                    || add_postings(&mut words, first, w),
                    || add_postings(&mut pairs, first, p),
                )
            },
            || next.map(|(c, chunk)| (c, tokenise(chunk))),
        );
        ready = tokenised;
    }
    (words, pairs)
}

/// A token's spellings as one flat JSON array: `[spelling, [postings],
/// spelling, [postings], …]`.
struct Flat<'a>(&'a Spellings);

impl Serialize for Flat<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut spellings: Vec<(&String, &Postings)> = self.0.iter().collect();
        spellings.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let mut seq = s.serialize_seq(Some(spellings.len() * 2))?;
        for (key, p) in spellings {
            seq.serialize_element(key)?;
            seq.serialize_element(&p.postings)?;
        }
        seq.end()
    }
}

/// The shard files of one token index under `DIR/<dir>/`, and their keys.
fn shard_files(dir: &str, index: &TokenIndex) -> (Vec<Output>, Vec<String>) {
    // Rough bytes of each token's postings, to cut shards.
    let sizes: BTreeMap<String, usize> = index
        .iter()
        .map(|(t, sp)| {
            let n: usize = sp
                .iter()
                .map(|(k, p)| k.len() + 4 + p.postings.len() * 3)
                .sum();
            (t.clone(), t.len() + n)
        })
        .collect();
    let shards: Vec<(String, Vec<String>)> = shard_keys(&sizes).into_iter().collect();
    let files = shards
        .par_iter()
        .map(|(key, members)| {
            let body: BTreeMap<&str, Flat> = members
                .iter()
                .filter_map(|t| index.get(t).map(|sp| (t.as_str(), Flat(sp))))
                .collect();
            json(format!("{DIR}/{dir}/{key}.json"), &body)
        })
        .collect();
    (files, shards.into_iter().map(|(k, _)| k).collect())
}

/// Every file of the index, `index.json` first, in a fixed order (the same
/// site gives the same bytes).
pub fn outputs(site: &Site) -> Vec<Output> {
    let mut watch = crate::timing::Stopwatch::start();
    let records: Vec<Record> = site.items.par_iter().map(|i| record(site, i)).collect();
    watch.lap("search records");
    let (words, pairs) = token_indexes(&records);
    watch.lap("search tokens");
    let (mut files, word_shards) = shard_files("w", &words);
    let (pair_files, pair_shards) = shard_files("b", &pairs);
    files.extend(pair_files);
    watch.lap("search shards");

    let types = types_present(site);
    let units = units_present(site);
    let unit_pos: BTreeMap<usize, usize> = units.iter().enumerate().map(|(i, &u)| (u, i)).collect();
    for (n, r) in records.iter().enumerate() {
        let item = ItemFile {
            title: &r.title,
            href: &r.href,
            kind: r.kind.label,
            label: &r.label,
            date: r.date.as_deref(),
            unit: r.units.first().map(|&u| site.units[u].unit.name.as_str()),
            number: r.number.as_deref(),
            number_label: r.number_label,
            summary: &r.summary,
            text: cap(&r.text, SNIPPET_TEXT_CHARS),
        };
        files.push(json(format!("{DIR}/d/{n}.json"), &item));
    }

    watch.lap("search items");
    let mut hasher = blake3::Hasher::new();
    for f in &files {
        hasher.update(f.path.as_bytes());
        hasher.update(&f.bytes);
    }
    let version = hasher.finalize().to_hex()[..12].to_string();
    let head = IndexFile {
        version,
        count: records.len(),
        types: types.iter().map(|t| [t.id, t.label]).collect(),
        units: units
            .iter()
            .map(|&u| {
                [
                    site.units[u].unit.id.as_str(),
                    site.units[u].unit.name.as_str(),
                ]
            })
            .collect(),
        word_shards,
        pair_shards,
        item_types: records
            .iter()
            .map(|r| types.iter().position(|t| *t == r.kind).unwrap_or(0))
            .collect(),
        item_units: records
            .iter()
            .map(|r| {
                r.units
                    .iter()
                    .filter_map(|u| unit_pos.get(u).copied())
                    .collect()
            })
            .collect(),
    };
    // First: a job is known by its first file.
    files.insert(0, json(format!("{DIR}/index.json"), &head));
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(fields: Vec<(Field, &str)>) -> Record {
        Record {
            kind: SearchType {
                rank: 0,
                id: "tin-bai",
                label: "Tin bài",
            },
            label: "Tin".into(),
            title: String::new(),
            href: "/".into(),
            date: None,
            units: vec![],
            number: None,
            number_label: "Số",
            summary: String::new(),
            text: String::new(),
            fields: fields
                .into_iter()
                .map(|(f, t)| (f, t.to_string()))
                .collect(),
        }
    }

    #[test]
    fn tokens_are_folded_with_spellings_apart_and_the_best_field_kept() {
        let t = item_tokens(&record(vec![
            (Field::Title, "Sửa đường Hoà Bình"),
            (
                Field::Body,
                "Đường và dương liễu ở thôn Hòa Bình; đường mới.",
            ),
        ]));
        let duong = &t.words["duong"];
        assert_eq!(duong["đương~2"], (Field::Title, 3));
        assert_eq!(duong["dương"], (Field::Body, 1));
        // Tone placement does not split a spelling.
        assert_eq!(t.words["hoa"]["hoa~2"], (Field::Title, 2));
        assert_eq!(t.pairs["hoa binh"]["hoa~2 binh~2"], (Field::Title, 2));
        assert!(t.pairs.contains_key("sua duong"));
        assert!(
            !t.pairs.contains_key("binh duong"),
            "not across a full stop"
        );
    }

    #[test]
    fn large_prefixes_split_into_longer_shard_keys() {
        let mut sizes = BTreeMap::new();
        sizes.insert("tha".to_string(), SHARD_BYTES);
        sizes.insert("thu".to_string(), SHARD_BYTES);
        sizes.insert("th".to_string(), 10);
        sizes.insert("an".to_string(), 10);
        sizes.insert("135/kh-ubnd".to_string(), 10);
        let keys = shard_keys(&sizes);
        let listed: Vec<(&str, Vec<&str>)> = keys
            .iter()
            .map(|(k, v)| (k.as_str(), v.iter().map(String::as_str).collect()))
            .collect();
        assert_eq!(
            listed,
            [
                ("13", vec!["135/kh-ubnd"]),
                ("an", vec!["an"]),
                ("th", vec!["th"]),
                ("tha", vec!["tha"]),
                ("thu", vec!["thu"]),
            ]
        );
        // One token too large to split stays whole, without looping.
        let mut one = BTreeMap::new();
        one.insert("xa".to_string(), SHARD_BYTES * 10);
        assert_eq!(shard_keys(&one).len(), 1);
    }

    #[test]
    fn postings_pack_gap_field_and_occurrences() {
        let mut toks = TokenMap::default();
        toks.entry("xa".into())
            .or_default()
            .insert("xa~4".into(), (Field::Title, 5));
        let mut items = vec![TokenMap::default(); 8];
        items[3] = toks.clone();
        items[7] = toks;
        let mut index = TokenIndex::default();
        add_postings(&mut index, 0, items);
        let p = &index["xa"]["xa~4"].postings;
        assert_eq!(*p, [3 * 16 + 3 * 4 + 2, 4 * 16 + 3 * 4 + 2]);
        let json = serde_json::to_string(&Flat(&index["xa"])).unwrap();
        assert_eq!(json, "[\"xa~4\",[62,78]]");
    }
}
