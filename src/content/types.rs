//! Value types shared by several content types (content-model.md §1): dates in
//! Vietnam time, files, images, people, contacts, legal citations.
//!
//! Dates validate while they are deserialized, so an impossible date
//! ("2026-02-30") is reported by the YAML layer with its line and column.

use std::fmt;

use chrono::{DateTime as ChronoDateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone};
use serde::de::{self, Deserializer, Visitor};
use serde::ser::{SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};

use crate::vi;
use crate::vocab::{DisclosureForm, FileFormat, MediaKind, SignAuthority};

/// Deserialize any YAML scalar as its text, then parse it with `parse`.
fn scalar<'de, D, T>(
    d: D,
    expecting: &'static str,
    parse: fn(&str) -> Result<T, String>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    struct V<T> {
        expecting: &'static str,
        parse: fn(&str) -> Result<T, String>,
    }
    impl<T> Visitor<'_> for V<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str(self.expecting)
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
            (self.parse)(v.trim()).map_err(E::custom)
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<T, E> {
            self.visit_str(&v.to_string())
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<T, E> {
            self.visit_str(&v.to_string())
        }
    }
    d.deserialize_str(V { expecting, parse })
}

fn parse_naive_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| {
        if s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-' {
            format!("ngày `{s}` không có thật trên lịch")
        } else {
            format!("ngày `{s}` không đúng dạng NĂM-THÁNG-NGÀY, ví dụ 2026-11-27")
        }
    })
}

/// A calendar day (`YYYY-MM-DD`), taken as midnight in Vietnam.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date(pub NaiveDate);

impl Date {
    pub fn at_midnight(self) -> ChronoDateTime<FixedOffset> {
        let naive = self.0.and_hms_opt(0, 0, 0).unwrap_or_default();
        vi::tz().from_utc_datetime(&(naive - chrono::Duration::hours(7)))
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        scalar(d, "một ngày dạng 2026-11-27", |s| {
            parse_naive_date(s).map(Date)
        })
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let dt = self.at_midnight();
        let mut st = s.serialize_struct("Date", 3)?;
        st.serialize_field("iso", &self.0.format("%Y-%m-%d").to_string())?;
        st.serialize_field("short", &vi::date_short(&dt))?;
        st.serialize_field("long", &vi::date_long(&dt))?;
        st.end()
    }
}

/// A moment in time. Without an offset it is Vietnam time (+07:00), never UTC:
/// that is how peers shift posts by seven hours. A bare date means midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct DateTime(pub ChronoDateTime<FixedOffset>);

impl DateTime {
    pub fn parse(s: &str) -> Result<DateTime, String> {
        if let Ok(dt) = ChronoDateTime::parse_from_rfc3339(s) {
            return Ok(DateTime(dt.with_timezone(&vi::tz())));
        }
        for fmt in [
            "%Y-%m-%dT%H:%M:%S",
            "%Y-%m-%d %H:%M:%S",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M",
        ] {
            if let Ok(naive) = NaiveDateTime::parse_from_str(s, fmt) {
                return vi::tz()
                    .from_local_datetime(&naive)
                    .single()
                    .map(DateTime)
                    .ok_or_else(|| format!("thời điểm `{s}` không hợp lệ"));
            }
        }
        if s.len() <= 10 {
            return parse_naive_date(s).map(|d| DateTime(Date(d).at_midnight()));
        }
        // Right shape, impossible day ("2026-02-30T08:00"): say so, not "wrong format".
        if let Some(Err(e)) = s.get(..10).map(parse_naive_date) {
            if e.contains("không có thật") {
                return Err(e);
            }
        }
        Err(format!(
            "thời điểm `{s}` không đúng dạng; hãy viết 2026-11-27T08:30:00+07:00 hoặc 2026-11-27 08:30"
        ))
    }
}

impl<'de> Deserialize<'de> for DateTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        scalar(
            d,
            "thời điểm dạng 2026-11-27T08:30:00+07:00",
            DateTime::parse,
        )
    }
}

impl Serialize for DateTime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("DateTime", 6)?;
        st.serialize_field("iso", &self.0.to_rfc3339())?;
        st.serialize_field("day", &self.0.format("%Y-%m-%d").to_string())?;
        st.serialize_field("short", &vi::date_short(&self.0))?;
        st.serialize_field("long", &vi::date_long(&self.0))?;
        st.serialize_field("time", &vi::time_short(&self.0))?;
        st.serialize_field("rfc2822", &self.0.to_rfc2822())?;
        st.end()
    }
}

/// An address a reader can follow from the site: `http:`, `https:`,
/// `mailto:`, `tel:`, or a path on the site (`/thu-tuc/`, `#muc-1`).
///
/// Every URL-typed field of content and `site.yaml` has this type, so no
/// field can forget the rule: a `javascript:`, `data:` or `vbscript:` link is
/// refused while the YAML is read, at its line, whatever its case, leading
/// spaces or control characters, or HTML entities (`javascript&#58;…`).
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Url(String);

/// The schemes a link may use; anything else is refused.
const URL_SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];

impl Url {
    /// Check `s` against the one URL rule.
    pub fn parse(s: &str) -> Result<Url, String> {
        let refused = || {
            format!(
                "địa chỉ `{}` không được phép: chỉ dùng địa chỉ bắt đầu bằng https://, http://, mailto:, tel: hoặc đường dẫn trong trang bắt đầu bằng /",
                s.escape_default()
            )
        };
        if s.chars().any(char::is_control) {
            return Err(refused());
        }
        // Browsers read the scheme up to the first `:`; a `&` before any
        // path could be an entity (`&#58;`, `&colon;`) read as one.
        let head = s.split(['/', '?', '#']).next().unwrap_or("");
        if head.contains('&') {
            return Err(refused());
        }
        let allowed = match head.split_once(':') {
            Some((scheme, _)) => URL_SCHEMES.contains(&scheme.to_ascii_lowercase().as_str()),
            // Without a scheme, a path from the site's root or an anchor:
            // `//host` leaves the site without saying how, and a relative
            // path means something else on every page.
            None => (s.starts_with('/') && !s.starts_with("//")) || s.starts_with('#'),
        };
        if allowed {
            Ok(Url(s.to_string()))
        } else {
            Err(refused())
        }
    }

    /// A path of the site written in the code (a default menu entry).
    pub(crate) fn site_path(path: &'static str) -> Url {
        debug_assert!(path.starts_with('/'));
        Url(path.to_string())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Url {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Url {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Url {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        scalar(d, "một địa chỉ web", Url::parse)
    }
}

/// A date whose day or month may be blank, as in drafts ("ngày   tháng 3 năm 2026").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl PartialDate {
    fn parse(s: &str) -> Result<PartialDate, String> {
        let bad = || format!("ngày `{s}` không hợp lệ; hãy viết 2026-03-15, 2026-03 hoặc 2026");
        let parts: Vec<&str> = s.split('-').collect();
        match parts.as_slice() {
            [y] if y.len() == 4 => Ok(PartialDate {
                year: y.parse().map_err(|_| bad())?,
                month: None,
                day: None,
            }),
            [y, m] if y.len() == 4 => {
                let month: u32 = m.parse().map_err(|_| bad())?;
                if !(1..=12).contains(&month) {
                    return Err(bad());
                }
                Ok(PartialDate {
                    year: y.parse().map_err(|_| bad())?,
                    month: Some(month),
                    day: None,
                })
            }
            [_, _, _] => {
                let d = parse_naive_date(s)?;
                use chrono::Datelike;
                Ok(PartialDate {
                    year: d.year(),
                    month: Some(d.month()),
                    day: Some(d.day()),
                })
            }
            _ => Err(bad()),
        }
    }

    pub fn full(&self) -> Option<Date> {
        NaiveDate::from_ymd_opt(self.year, self.month?, self.day?).map(Date)
    }

    /// `2026-03-15`, `2026-03` or `2026`: as precise as the date is known.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{}-{m:02}", self.year),
            _ => self.year.to_string(),
        }
    }

    /// `15/03/2026`, `03/2026` or `2026`, as dates are written on the site.
    pub fn short(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d:02}/{m:02}/{}", self.year),
            (Some(m), None) => format!("{m:02}/{}", self.year),
            _ => self.year.to_string(),
        }
    }

    /// The first moment the date could mean, for sorting.
    pub fn sort_key(&self) -> (i32, u32, u32) {
        (self.year, self.month.unwrap_or(0), self.day.unwrap_or(0))
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        scalar(
            d,
            "một ngày dạng 2026-03-15, 2026-03 hoặc 2026",
            PartialDate::parse,
        )
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("PartialDate", 3)?;
        let iso = self.iso();
        let short = self.short();
        st.serialize_field("iso", &iso)?;
        st.serialize_field("short", &short)?;
        st.serialize_field(
            "long",
            &vi::long_from_parts(self.day, self.month, self.year),
        )?;
        st.end()
    }
}

/// TTHC code from the national database, `^[1-9]\.\d{6}$` ("1.001193").
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct ProcedureCode(pub String);

impl ProcedureCode {
    pub fn parse(s: &str) -> Result<ProcedureCode, String> {
        let b = s.as_bytes();
        let ok = b.len() == 8
            && (b'1'..=b'9').contains(&b[0])
            && b[1] == b'.'
            && b[2..].iter().all(u8::is_ascii_digit);
        if ok {
            Ok(ProcedureCode(s.to_string()))
        } else {
            Err(format!(
                "mã thủ tục `{s}` không hợp lệ; mã có dạng 1.001193 (một chữ số, dấu chấm, sáu chữ số) — hãy đặt trong dấu nháy: \"1.001193\""
            ))
        }
    }
}

impl<'de> Deserialize<'de> for ProcedureCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = ProcedureCode;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("mã thủ tục dạng \"1.001193\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<ProcedureCode, E> {
                ProcedureCode::parse(v.trim()).map_err(E::custom)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<ProcedureCode, E> {
                // An unquoted 1.001193 may reach us as a float; its digits survive.
                ProcedureCode::parse(&format!("{v:.6}")).map_err(E::custom)
            }
        }
        d.deserialize_str(V)
    }
}

/// A downloadable file.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Attachment {
    pub path: String,
    pub label: String,
    pub format: Option<FileFormat>,
    #[serde(default)]
    pub signed: bool,
    pub sha256: Option<String>,
    #[serde(default)]
    pub primary: bool,
}

/// An illustration; `alt` is required for readers who cannot see it.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Image {
    pub src: String,
    pub alt: String,
    pub caption: Option<String>,
    pub credit: Option<String>,
    /// Everything an infographic or chart says, in words (Markdown), for
    /// readers who cannot see it; `alt` stays a one-line summary.
    pub long_description: Option<String>,
}

/// A named official.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub name: String,
    pub position: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub photo: Option<Image>,
    pub bio: Option<String>,
    pub duties: Option<String>,
    pub order: Option<i64>,
}

/// Contact details.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub address: Option<String>,
    pub phone: Option<String>,
    pub fax: Option<String>,
    pub email: Option<String>,
    pub hours: Option<String>,
}

/// A citation of a legal or administrative document.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LegalRef {
    pub number: String,
    pub title: Option<String>,
    pub issued_date: Option<Date>,
    pub issuer: Option<String>,
    pub article: Option<String>,
    pub url: Option<Url>,
    #[serde(rename = "ref")]
    pub doc_ref: Option<String>,
}

/// Who signed a document.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Signer {
    pub name: String,
    pub position: String,
    pub authority: Option<SignAuthority>,
    pub on_behalf_of: Option<String>,
}

impl Signer {
    /// The signature block as NĐ 30/2020 Phụ lục I lays it out, one line per
    /// entry: the authority ("TM." for a collective body, "KT." for a deputy,
    /// "Q." for an acting head, "TL."/"TUQ." when signing by delegation) before
    /// the body or the head it signs for, then the signer's position in
    /// capitals, then the name. `on_behalf_of` may already carry the
    /// authorities ("TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH"); they are kept, not
    /// added twice.
    pub fn block(&self) -> Vec<String> {
        let mut lines: Vec<String> = self
            .on_behalf_of
            .iter()
            .flat_map(|o| o.split(['/', '\n']))
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect();
        let label = self.authority.map_or("", |a| a.label());
        let labelled = |l: &str| {
            SignAuthority::ALL
                .iter()
                .any(|a| !a.label().is_empty() && l.starts_with(a.label()))
        };
        if !label.is_empty() && !lines.iter().any(|l| l.starts_with(label)) {
            // A collective body is signed for first ("TM. ỦY BAN NHÂN DÂN");
            // a deputy, an acting head or a delegate signs for the head, the
            // last line ("KT. CHỦ TỊCH").
            let at = if self.authority == Some(SignAuthority::Tm) {
                lines.iter().position(|l| !labelled(l))
            } else {
                lines.iter().rposition(|l| !labelled(l))
            };
            if let Some(i) = at {
                lines[i] = format!("{label} {}", lines[i]);
            }
        }
        // Above a head ("KT. CHỦ TỊCH") stands the collective body the head
        // signs for, which always takes "TM.".
        let tm = SignAuthority::Tm.label();
        if lines.len() > 1 && !labelled(&lines[0]) {
            lines[0] = format!("{tm} {}", lines[0]);
        }
        let position = self.position.trim().to_uppercase();
        if !position.is_empty() && lines.last() != Some(&position) {
            lines.push(position);
        }
        lines.push(self.name.trim().to_string());
        lines
    }
}

/// Public-disclosure catalogue entry (NĐ 13/2018 Điều 6; Luật TCTT Điều 18).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Disclosure {
    pub in_catalog: bool,
    pub forms: Vec<DisclosureForm>,
    pub from: Option<Date>,
    pub until: Option<Date>,
    pub note: Option<String>,
}

/// A video or audio item; a transcript serves readers who cannot play it.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Media {
    pub kind: MediaKind,
    pub url: Url,
    pub title: Option<String>,
    pub transcript: Option<String>,
}

/// "Đã gửi đăng tại": where an item was also sent for publication.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Submission {
    pub recipient: String,
    pub date: Option<Date>,
    pub note: Option<String>,
}

/// Comment period of a draft document.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CommentPeriod {
    pub from: Date,
    pub to: Date,
    pub contact: Option<Contact>,
    pub how: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn signer(
        position: &str,
        authority: Option<SignAuthority>,
        on_behalf_of: Option<&str>,
    ) -> Signer {
        Signer {
            name: "Vũ Trọng Tuyên".into(),
            position: position.into(),
            authority,
            on_behalf_of: on_behalf_of.map(Into::into),
        }
    }

    #[test]
    fn signature_blocks_keep_the_authority_as_decree_30_lays_them_out() {
        // The chairman for the People's Committee: "TM." before the body.
        assert_eq!(
            signer("Chủ tịch", Some(SignAuthority::Tm), Some("ỦY BAN NHÂN DÂN")).block(),
            ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Vũ Trọng Tuyên"]
        );
        // A deputy: "KT." before the head, "TM." before the body.
        assert_eq!(
            signer(
                "Phó Chủ tịch",
                Some(SignAuthority::Kt),
                Some("ỦY BAN NHÂN DÂN / CHỦ TỊCH")
            )
            .block(),
            [
                "TM. ỦY BAN NHÂN DÂN",
                "KT. CHỦ TỊCH",
                "PHÓ CHỦ TỊCH",
                "Vũ Trọng Tuyên"
            ]
        );
        // Written out already: kept, not doubled.
        assert_eq!(
            signer(
                "Phó Chủ tịch",
                Some(SignAuthority::Kt),
                Some("TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH")
            )
            .block(),
            [
                "TM. ỦY BAN NHÂN DÂN",
                "KT. CHỦ TỊCH",
                "PHÓ CHỦ TỊCH",
                "Vũ Trọng Tuyên"
            ]
        );
        // An acting head.
        assert_eq!(
            signer("Phó Chủ tịch", Some(SignAuthority::Q), Some("CHỦ TỊCH")).block(),
            ["Q. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Vũ Trọng Tuyên"]
        );
        // A head signing in their own name.
        assert_eq!(
            signer("Chủ tịch", None, None).block(),
            ["CHỦ TỊCH", "Vũ Trọng Tuyên"]
        );
    }

    #[test]
    fn datetime_without_offset_is_vietnam_time() {
        let dt = DateTime::parse("2026-04-10T09:15:00").unwrap();
        assert_eq!(dt.0.to_rfc3339(), "2026-04-10T09:15:00+07:00");
        let utc = DateTime::parse("2026-04-09T20:00:00Z").unwrap();
        assert_eq!(utc.0.to_rfc3339(), "2026-04-10T03:00:00+07:00");
        let day = DateTime::parse("2026-04-10").unwrap();
        assert_eq!(day.0.to_rfc3339(), "2026-04-10T00:00:00+07:00");
    }

    #[test]
    fn impossible_dates_are_rejected_in_words() {
        assert!(
            DateTime::parse("2026-02-30")
                .unwrap_err()
                .contains("không có thật")
        );
        assert!(PartialDate::parse("2026-13").is_err());
        assert_eq!(PartialDate::parse("2026-03").unwrap().month, Some(3));
    }

    #[test]
    fn the_url_rule() {
        for ok in [
            "https://dichvucong.gov.vn/",
            "HTTP://gialai.gov.vn",
            "mailto:ubnd@xa.gov.vn",
            "tel:+84256",
            "/thu-tuc/",
            "#muc-1",
            "/tim-kiem/?q=a:b&c=d",
        ] {
            assert!(Url::parse(ok).is_ok(), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,x",
            "vbscript:x",
            "\u{1}javascript:x",
            "java\tscript:x",
            "javascript&#58;x",
            "javascript&#x3A;x",
            "javascript&colon;x",
            "C:\\Users\\a.pdf",
            "van-ban/2026/",
            "//evil.example/",
        ] {
            assert!(Url::parse(bad).is_err(), "{bad}");
        }
    }

    /// Every field of the schema named like an address has the `Url` type:
    /// a new field typed `String` would bypass the URL rule.
    #[test]
    fn every_url_field_of_the_schema_has_the_url_type() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = vec![dir.join("config.rs")];
        for e in std::fs::read_dir(dir.join("content")).unwrap() {
            files.push(e.unwrap().path());
        }
        let mut seen = 0;
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            for line in text.lines().map(str::trim) {
                let Some((name, ty)) = line.strip_prefix("pub ").and_then(|l| l.split_once(": "))
                else {
                    continue;
                };
                let name = name.to_ascii_lowercase();
                // `base_url` has a stricter rule of its own (a full https:// address).
                if name == "base_url" {
                    continue;
                }
                if name == "url"
                    || name.ends_with("_url")
                    || name.ends_with("_urls")
                    || name.contains("endpoint")
                {
                    seen += 1;
                    let ok = ty.contains("Url") && !ty.contains("String");
                    assert!(ok, "{}: `{line}` must be typed `Url`", file.display());
                }
            }
        }
        assert!(seen >= 12, "only {seen} URL fields found");
    }

    #[test]
    fn procedure_codes() {
        assert!(ProcedureCode::parse("1.001193").is_ok());
        assert!(ProcedureCode::parse("0.001193").is_err());
        assert!(ProcedureCode::parse("1.00119").is_err());
    }
}
