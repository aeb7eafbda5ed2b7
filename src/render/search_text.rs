//! How search cuts text into tokens. The browser cuts the query with the same
//! rules (`themes/default/static/search.js`, function `tokens`), and a test
//! runs both on the same strings: an index and a query that disagree on where
//! a word ends find nothing.
//!
//! A token is a *word* (a run of letters, digits and combining marks) or a
//! *code*: a run of words joined by `.`, `/`, `-` or `_` that holds a digit,
//! such as `135/KH-UBND`, `1.001193` or `30/2020/NĐ-CP`. A code is kept whole
//! so it can be found as typed; its words are tokens too, so `KH-UBND` or
//! `135` find it as well.

use unicode_normalization::char::is_combining_mark;

/// Characters that join the parts of a code.
const JOINERS: [char; 4] = ['.', '/', '-', '_'];

/// Longer runs are URLs or noise, not codes anyone types.
pub const MAX_CODE_CHARS: usize = 40;

/// One token of a text: a slice of it, and whether it is a whole code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    pub code: bool,
}

/// Letters, digits and combining marks make up words (Unicode Alphabetic,
/// Number, Mark: the same classes the browser's `\p{…}` uses).
pub fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || c.is_numeric() || is_combining_mark(c)
}

fn is_joiner(c: char) -> bool {
    JOINERS.contains(&c)
}

/// The tokens of an NFC text, in order; a code comes before its words.
pub fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if !is_word_char(c) && !is_joiner(c) {
            chars.next();
            continue;
        }
        // One run of word characters and joiners.
        let mut end = start;
        while let Some(&(i, c)) = chars.peek() {
            if !is_word_char(c) && !is_joiner(c) {
                break;
            }
            end = i + c.len_utf8();
            chars.next();
        }
        push_run(&text[start..end], &mut out);
    }
    out
}

fn push_run<'a>(run: &'a str, out: &mut Vec<Token<'a>>) {
    let trimmed = run.trim_matches(is_joiner);
    let words: Vec<&str> = trimmed.split(is_joiner).filter(|w| !w.is_empty()).collect();
    if words.len() > 1
        && trimmed.chars().any(char::is_numeric)
        && trimmed.chars().count() <= MAX_CODE_CHARS
    {
        out.push(Token {
            text: trimmed,
            code: true,
        });
    }
    out.extend(words.into_iter().map(|text| Token { text, code: false }));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str) -> Vec<String> {
        tokens(text)
            .into_iter()
            .map(|t| {
                if t.code {
                    format!("[{}]", t.text)
                } else {
                    t.text.to_string()
                }
            })
            .collect()
    }

    #[test]
    fn words_split_on_spaces_and_punctuation() {
        assert_eq!(
            show("Đăng ký khai sinh, (kết hôn)… “Hoà”!"),
            ["Đăng", "ký", "khai", "sinh", "kết", "hôn", "Hoà"]
        );
    }

    #[test]
    fn codes_are_kept_whole_and_split_into_words() {
        assert_eq!(
            show("Kế hoạch số 135/KH-UBND."),
            ["Kế", "hoạch", "số", "[135/KH-UBND]", "135", "KH", "UBND"]
        );
        assert_eq!(show("mã 1.001193;"), ["mã", "[1.001193]", "1", "001193"]);
        assert_eq!(
            show("Nghị định 30/2020/NĐ-CP"),
            ["Nghị", "định", "[30/2020/NĐ-CP]", "30", "2020", "NĐ", "CP"]
        );
    }

    #[test]
    fn runs_without_a_digit_or_a_joiner_are_only_words() {
        assert_eq!(show("hành chính-xã"), ["hành", "chính", "xã"]);
        assert_eq!(show("năm 2026."), ["năm", "2026"]);
        assert_eq!(show("--/--"), Vec::<String>::new());
        let long = "a1-".repeat(20);
        assert!(!show(&long).iter().any(|t| t.starts_with('[')));
    }
}
