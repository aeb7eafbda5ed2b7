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

/// One token of a text: a slice of it, where it starts (in bytes), and
/// whether it is a whole code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    pub start: usize,
    pub code: bool,
}

impl Token<'_> {
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }
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
        push_run(text, start, end, &mut out);
    }
    out
}

fn push_run<'a>(text: &'a str, start: usize, end: usize, out: &mut Vec<Token<'a>>) {
    let run = &text[start..end];
    let trimmed = run.trim_matches(is_joiner);
    let offset = start + (run.len() - run.trim_start_matches(is_joiner).len());
    let words: Vec<(usize, &str)> = trimmed
        .split(is_joiner)
        .scan(offset, |at, w| {
            let here = *at;
            *at += w.len() + 1;
            Some((here, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    if words.len() > 1
        && trimmed.chars().any(char::is_numeric)
        && trimmed.chars().count() <= MAX_CODE_CHARS
    {
        out.push(Token {
            text: trimmed,
            start: offset,
            code: true,
        });
    }
    out.extend(words.into_iter().map(|(start, text)| Token {
        text,
        start,
        code: false,
    }));
}

/// Two words next to each other, apart only by spaces or joiners on one
/// line ("đăng ký", "KH-UBND"): a phrase the ranking rewards.
pub fn adjacent(text: &str, a: &Token, b: &Token) -> bool {
    !a.code
        && !b.code
        && a.end() <= b.start
        && text[a.end()..b.start]
            .chars()
            .all(|c| (c.is_whitespace() && c != '\n') || is_joiner(c))
}

/// The pairs of adjacent words of a text, in order.
pub fn pairs<'a>(text: &str, toks: &[Token<'a>]) -> Vec<(Token<'a>, Token<'a>)> {
    let words: Vec<&Token> = toks.iter().filter(|t| !t.code).collect();
    words
        .windows(2)
        .filter(|w| adjacent(text, w[0], w[1]))
        .map(|w| (*w[0], *w[1]))
        .collect()
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
    fn offsets_point_into_the_text() {
        let text = "Số: 135/KH-UBND, ngày";
        for t in tokens(text) {
            assert_eq!(&text[t.start..t.end()], t.text);
        }
    }

    #[test]
    fn adjacent_words_make_pairs_but_not_across_punctuation() {
        let text = "đăng ký khai sinh, kết hôn; KH-UBND\nmới";
        let toks = tokens(text);
        let shown: Vec<String> = pairs(text, &toks)
            .into_iter()
            .map(|(a, b)| format!("{} {}", a.text, b.text))
            .collect();
        assert_eq!(
            shown,
            ["đăng ký", "ký khai", "khai sinh", "kết hôn", "KH UBND"]
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
