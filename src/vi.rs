//! Vietnamese text: NFC normalization, slugs, search folding, collation and the
//! administrative date formats.
//!
//! Everything that depends on Vietnamese rules lives here so that the rest of the
//! pipeline never has to know that `đ` has no Unicode decomposition or that
//! code-point order puts `Đà Nẵng` after `Zalo`.

use std::cmp::Ordering;
use std::sync::OnceLock;

use chrono::{DateTime, Datelike, FixedOffset};
use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};
use unicode_normalization::{UnicodeNormalization, is_nfc_quick};

/// Vietnam is UTC+07:00 all year (no DST), so a fixed offset is exact.
pub fn tz() -> FixedOffset {
    // 7 * 3600 is always in range; `east_opt` only fails beyond ±24 h.
    FixedOffset::east_opt(7 * 3600).unwrap_or_else(|| unreachable!())
}

/// Whether `s` is already NFC (fast path for the common case).
pub fn is_nfc(s: &str) -> bool {
    matches!(
        is_nfc_quick(s.chars()),
        unicode_normalization::IsNormalized::Yes
    ) || s.nfc().eq(s.chars())
}

/// NFC-normalize a string.
pub fn nfc(s: &str) -> String {
    s.nfc().collect()
}

/// URL slug: lowercase ASCII words joined by `-`. `đ`/`Đ` become `d`
/// (deunicode handles them, unlike "NFD and strip marks").
pub fn slugify(s: &str) -> String {
    // Most inputs are file names that already are slugs: skip the transliteration.
    let b = s.as_bytes();
    let plain = b
        .iter()
        .all(|&c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-');
    if plain && !s.starts_with('-') && !s.ends_with('-') && !s.contains("--") {
        return s.to_string();
    }
    let ascii = deunicode::deunicode(s);
    let mut out = String::with_capacity(ascii.len());
    let mut dash = false;
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
    }
    out
}

/// Whether `s` is already a well-formed slug (what `slugify` would produce).
pub fn is_slug(s: &str) -> bool {
    !s.is_empty() && slugify(s) == s
}

/// Search/comparison folding: drop tone and vowel marks, `đ`→`d`, lowercase,
/// collapse whitespace. "Hoà" and "Hòa" fold to the same string.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        let c = match c {
            'đ' | 'Đ' => 'd',
            c => c,
        };
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// The five tone marks as Unicode combining characters, with the VNI digit
/// that names each (sắc 1, huyền 2, hỏi 3, ngã 4, nặng 5).
const TONES: [(char, char); 5] = [
    ('\u{301}', '1'),
    ('\u{300}', '2'),
    ('\u{309}', '3'),
    ('\u{303}', '4'),
    ('\u{323}', '5'),
];

/// A word's spelling with its diacritics, but independent of where the tone
/// mark was placed: lowercase, vowel marks and `đ` kept, tones moved to the
/// end as VNI digits after `~`. "Hoà" and "hòa" both give `hoa~2`; "đường"
/// gives `đương~2` and "dương" gives `dương`, so the two stay apart where
/// `fold` makes them equal. Search uses it to rank a query typed with
/// diacritics above words that only match once folded.
pub fn tone_key(word: &str) -> String {
    let mut base = String::with_capacity(word.len());
    let mut tones = String::new();
    for c in word.nfd() {
        match TONES.iter().find(|(mark, _)| *mark == c) {
            Some((_, digit)) => tones.push(*digit),
            None => base.extend(c.to_lowercase()),
        }
    }
    let mut key: String = base.nfc().collect();
    if !tones.is_empty() {
        key.push('~');
        key.push_str(&tones);
    }
    key
}

fn collator() -> Option<&'static CollatorBorrowed<'static>> {
    static COLLATOR: OnceLock<Option<CollatorBorrowed<'static>>> = OnceLock::new();
    COLLATOR
        .get_or_init(|| {
            let locale = icu_locale_core::locale!("vi");
            Collator::try_new(locale.into(), CollatorOptions::default()).ok()
        })
        .as_ref()
}

/// Compare two strings in Vietnamese alphabetical order (CLDR `vi`):
/// a ă â b c d đ e ê … with tones ordered after the base letter.
pub fn compare(a: &str, b: &str) -> Ordering {
    match collator() {
        Some(c) => c.compare(a, b),
        // The collation data is compiled in; this is only a safety net.
        None => fold(a).cmp(&fold(b)).then_with(|| a.cmp(b)),
    }
}

/// The letter a title files under in an A–Z index: its first letter,
/// uppercase, without tone but with its own vowel marks, since ă, â, đ, ê, ô,
/// ơ and ư are letters of the alphabet ("Ủy" → "U", "Đăng" → "Đ").
pub fn initial(s: &str) -> Option<String> {
    let first = s.trim_start().chars().find(|c| c.is_alphanumeric())?;
    let toneless: String = first
        .to_string()
        .nfd()
        .filter(|c| !matches!(c, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}'))
        .collect();
    Some(toneless.nfc().flat_map(char::to_uppercase).collect())
}

/// "27/11/2026" — the short form used in lists and tables.
pub fn date_short(d: &DateTime<FixedOffset>) -> String {
    format!("{:02}/{:02}/{}", d.day(), d.month(), d.year())
}

/// "ngày 05 tháng 02 năm 2026" — the administrative form of Nghị định 30/2020:
/// the day always has two digits, the month only for January and February.
pub fn date_long(d: &DateTime<FixedOffset>) -> String {
    long_from_parts(Some(d.day()), Some(d.month()), d.year())
}

/// The long form for partial dates ("tháng 3 năm 2026", "năm 2026").
pub fn long_from_parts(day: Option<u32>, month: Option<u32>, year: i32) -> String {
    let month_txt = |m: u32| {
        if m <= 2 {
            format!("{m:02}")
        } else {
            m.to_string()
        }
    };
    match (day, month) {
        (Some(d), Some(m)) => format!("ngày {d:02} tháng {} năm {year}", month_txt(m)),
        (None, Some(m)) => format!("tháng {} năm {year}", month_txt(m)),
        _ => format!("năm {year}"),
    }
}

/// Time of day as "09:15".
pub fn time_short(d: &DateTime<FixedOffset>) -> String {
    d.format("%H:%M").to_string()
}

/// Latin-1 characters that Vietnamese text never uses but text converted from
/// the legacy TCVN3 (.VnTime) and VNI fonts is full of: "Thñ tôc", "hoµ",
/// "Coäng hoøa".
fn legacy_char(c: char) -> bool {
    matches!(
        c,
        'Ä' | 'Å'
            | 'Æ'
            | 'Ç'
            | 'Ë'
            | 'Î'
            | 'Ï'
            | 'Ð'
            | 'Ñ'
            | 'Ö'
            | 'Ø'
            | 'Û'
            | 'Ü'
            | 'Þ'
            | 'ß'
            | 'ä'
            | 'å'
            | 'æ'
            | 'ç'
            | 'ë'
            | 'î'
            | 'ï'
            | 'ð'
            | 'ñ'
            | 'ö'
            | 'ø'
            | 'û'
            | 'ü'
            | 'þ'
            | 'ÿ'
            | 'µ'
            | '·'
            | '¸'
            | '¹'
            | 'º'
            | '¼'
            | '½'
            | '¾'
            | '¿'
            | '¬'
            | '¶'
            | '¢'
            | '¤'
            | '¥'
            | '¦'
            | '¨'
            | 'ª'
            | '¯'
            | '±'
            | '²'
            | '³'
            | '´'
    )
}

/// If `text` looks pasted from a legacy TCVN3/VNI document, the 1-based
/// (line, column) and text of the first suspicious word. Two or more such
/// words are needed, so a foreign name like "Müller" passes.
pub fn legacy_encoding(text: &str) -> Option<(usize, usize, String)> {
    let mut first = None;
    let mut count = 0;
    for (line_no, line) in text.lines().enumerate() {
        let mut col = 1;
        for word in line.split(' ') {
            let suspicious =
                word.chars().any(legacy_char) && word.chars().any(|c| c.is_ascii_alphabetic());
            if suspicious {
                count += 1;
                first.get_or_insert((line_no + 1, col, word.to_string()));
            }
            col += word.chars().count() + 1;
        }
    }
    if count >= 2 { first } else { None }
}

/// Format a count the Vietnamese way: "1.234" (dot as thousands separator).
pub fn number(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// Whether a value is a placeholder left for later ("(Đang cập nhật)",
/// "Chưa có", "…", "xxx"), not the fact itself.
pub fn is_placeholder(s: &str) -> bool {
    let f = fold(s.trim());
    let f =
        f.trim_matches(|c: char| c == '(' || c == ')' || c == '[' || c == ']' || c.is_whitespace());
    const PHRASES: &[&str] = &[
        "dang cap nhat",
        "chua cap nhat",
        "se cap nhat",
        "cap nhat sau",
        "bo sung sau",
        "dang bo sung",
        "chua co",
        "chua co thong tin",
        "tbd",
        "todo",
        "n/a",
    ];
    PHRASES
        .iter()
        .any(|p| f == *p || (f.starts_with(p) && f.len() < p.len() + 4))
        || (!f.is_empty() && f.chars().all(|c| ".…-_?x*".contains(c)))
}

/// Whether a title of several Vietnamese-looking words was typed without
/// any diacritics ("Hoi nghi tong ket cong tac nam 2026"). Every word must
/// read as a Vietnamese syllable (acronyms and numbers aside), and at least
/// three must, so English and names of two words are left alone.
pub fn lacks_diacritics(title: &str) -> bool {
    if !title.is_ascii() {
        return false;
    }
    let mut syllables = 0;
    for word in title.split(|c: char| !c.is_ascii_alphanumeric()) {
        if word.is_empty()
            || word.chars().any(|c| c.is_ascii_digit())
            || (word.len() > 1 && word.chars().all(|c| c.is_ascii_uppercase()))
        {
            continue;
        }
        if !is_bare_syllable(&word.to_ascii_lowercase()) {
            return false;
        }
        syllables += 1;
    }
    syllables >= 3
}

/// A Vietnamese syllable written without diacritics: onset, one to three
/// vowels, coda.
fn is_bare_syllable(w: &str) -> bool {
    const ONSETS: &[&str] = &[
        "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "g", "h",
        "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
    ];
    const CODAS: &[&str] = &["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];
    ONSETS.iter().filter(|o| w.starts_with(*o)).any(|o| {
        let rest = &w[o.len()..];
        let vowels = rest.len()
            - rest
                .trim_start_matches(['a', 'e', 'i', 'o', 'u', 'y'])
                .len();
        (1..=3).contains(&vowels) && CODAS.contains(&&rest[vowels..])
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn slug_drops_diacritics_and_d_stroke() {
        assert_eq!(slugify("Đăng ký khai sinh"), "dang-ky-khai-sinh");
        assert_eq!(slugify("Văn phòng HĐND và UBND"), "van-phong-hdnd-va-ubnd");
        // decomposed input gives the same slug
        assert_eq!(slugify(&"Đường Hoà".nfd().collect::<String>()), "duong-hoa");
        assert_eq!(slugify("  --Hỏi - đáp!! "), "hoi-dap");
        assert!(is_slug("tin-tuc-2026"));
        assert!(!is_slug("../etc"));
        assert!(!is_slug("Tin"));
    }

    #[test]
    fn fold_matches_tone_placement_and_d() {
        assert_eq!(fold("Hoà"), fold("Hòa"));
        assert_eq!(fold("Đường  Thuý"), "duong thuy");
        assert_eq!(fold("ĐĂNG KÝ"), "dang ky");
    }

    #[test]
    fn initials_keep_vowel_marks_and_drop_tones() {
        assert_eq!(initial("Ủy ban").as_deref(), Some("U"));
        assert_eq!(initial("đăng ký").as_deref(), Some("Đ"));
        assert_eq!(initial("Ấp").as_deref(), Some("Â"));
        assert_eq!(initial("Ờ").as_deref(), Some("Ơ"));
        assert_eq!(initial(" “Chứng thực”").as_deref(), Some("C"));
        assert_eq!(initial("…"), None);
    }

    #[test]
    fn tone_key_ignores_tone_placement_but_not_diacritics() {
        assert_eq!(tone_key("Hoà"), "hoa~2");
        assert_eq!(tone_key("hòa"), "hoa~2");
        assert_eq!(tone_key("thuý"), tone_key("THÚY"));
        assert_eq!(tone_key("đường"), "đương~2");
        assert_eq!(tone_key("dương"), "dương");
        assert_ne!(tone_key("đường"), tone_key("dương"));
        assert_eq!(tone_key("135/KH-UBND"), "135/kh-ubnd");
    }

    #[test]
    fn vietnamese_collation_is_not_code_point_order() {
        let mut v = vec!["Đà Nẵng", "Dương", "Zalo", "Ánh", "Bình", "An", "Ăn"];
        v.sort_by(|a, b| compare(a, b));
        assert_eq!(v, ["An", "Ánh", "Ăn", "Bình", "Dương", "Đà Nẵng", "Zalo"]);
    }

    #[test]
    fn legacy_encodings_are_recognised() {
        let tcvn3 = "---\ntitle: A\n---\nCéng hoµ x· héi chñ nghÜa ViÖt Nam\n";
        assert_eq!(
            legacy_encoding(tcvn3).map(|x| (x.0, x.2)),
            Some((4, "hoµ".to_string()))
        );
        assert!(legacy_encoding("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam").is_some());
        assert!(legacy_encoding("Cộng hòa xã hội chủ nghĩa Việt Nam, ông Müller").is_none());
        assert!(legacy_encoding("Thñ tôc hµnh chÝnh").is_some());
    }

    #[test]
    fn administrative_dates() {
        let d = tz().with_ymd_and_hms(2026, 2, 5, 8, 0, 0).unwrap();
        assert_eq!(date_short(&d), "05/02/2026");
        assert_eq!(date_long(&d), "ngày 05 tháng 02 năm 2026");
        let d = tz().with_ymd_and_hms(2026, 11, 27, 8, 0, 0).unwrap();
        assert_eq!(date_long(&d), "ngày 27 tháng 11 năm 2026");
        assert_eq!(long_from_parts(None, Some(3), 2026), "tháng 3 năm 2026");
        assert_eq!(number(1234567), "1.234.567");
    }
}
