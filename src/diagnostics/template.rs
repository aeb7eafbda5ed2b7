//! Message templates: the small pattern language the translation table is
//! written in, and the matcher that turns a message into its translation.
//!
//! Messages are built in Vietnamese with `format!`, so a translation cannot
//! be looked up by the whole text: the variable parts (a value, a path, a
//! count, an error from the system) must be found and carried over.
//!
//! A *source* template is a message with its variable parts marked:
//! - `{}` a part the message shows between backticks (what the user wrote: a
//!   value, a path, a field name). It never spans a backtick and is copied
//!   unchanged.
//! - `{*}` any other variable part (a number, a list, a nested message, an
//!   error from the system). It is translated in turn if a template matches it
//!   whole, so a message built from pieces is translated piece by piece.
//! - `{,}` a list joined by `, ` whose items are translated one by one (the
//!   quarters a warning names). Its items hold no `, ` of their own.
//! - `{{` and `}}` are literal braces.
//!
//! Matching tries the shortest fill of each part first and backtracks to the
//! next place the following literal text occurs. When several templates
//! match, the one with the most literal text (the most specific) wins.
//!
//! A *target* template uses `{}` for the next part in order and `{0}`, `{1}`…
//! for a part by number (counted from 0), as Rust's `format!` does, so a
//! translation may reorder them.

/// One parsed piece of a template.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Text(String),
    /// Source `{}`: a backticked part.
    Tick,
    /// Source `{*}`: any text.
    Any,
    /// Source `{,}`: a list joined by ", ".
    List,
    /// Target `{}` or `{n}`: the n-th part.
    Part(usize),
}

/// A template split into literal text (braces unescaped) and `{…}` slots.
enum Token {
    Text(String),
    Slot(String),
}

fn tokens(template: &str) -> Result<Vec<Token>, String> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut rest = template;
    while let Some(c) = rest.chars().next() {
        if let Some(r) = rest.strip_prefix("{{") {
            text.push('{');
            rest = r;
        } else if let Some(r) = rest.strip_prefix("}}") {
            text.push('}');
            rest = r;
        } else if c == '{' {
            let end = rest
                .find('}')
                .ok_or_else(|| format!("unclosed `{{` in {template:?}"))?;
            if !text.is_empty() {
                out.push(Token::Text(std::mem::take(&mut text)));
            }
            out.push(Token::Slot(rest[1..end].to_string()));
            rest = &rest[end + 1..];
        } else if c == '}' {
            return Err(format!("lone `}}` in {template:?} (write `}}}}`)"));
        } else {
            text.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    if !text.is_empty() {
        out.push(Token::Text(text));
    }
    Ok(out)
}

/// One captured part of a message: its text, and what kind of part it is
/// (`Tick` is the user's own, `Any` and `List` are translated in turn).
type Capture<'t> = (&'t str, Piece);

/// A parsed source template.
#[derive(Debug)]
pub struct Source {
    pieces: Vec<Piece>,
    /// Characters of literal text: how specific the template is.
    literal: usize,
}

impl Source {
    pub fn parse(template: &str) -> Result<Source, String> {
        let mut pieces = Vec::new();
        for t in tokens(template)? {
            pieces.push(match t {
                Token::Text(s) => Piece::Text(s),
                Token::Slot(s) if s.is_empty() => Piece::Tick,
                Token::Slot(s) if s == "*" => Piece::Any,
                Token::Slot(s) if s == "," => Piece::List,
                Token::Slot(s) => {
                    return Err(format!(
                        "`{{{s}}}` in source template {template:?}: use `{{}}`, `{{*}}` or `{{,}}`"
                    ));
                }
            });
        }
        if pieces
            .windows(2)
            .any(|w| !matches!(w[0], Piece::Text(_)) && !matches!(w[1], Piece::Text(_)))
        {
            return Err(format!(
                "two parts with no text between them in {template:?}: the split is ambiguous"
            ));
        }
        let literal = pieces
            .iter()
            .map(|p| match p {
                Piece::Text(s) => s.chars().count(),
                _ => 0,
            })
            .sum();
        if literal == 0 {
            return Err(format!("template {template:?} has no text of its own"));
        }
        Ok(Source { pieces, literal })
    }

    /// How many parts the template captures.
    #[cfg(test)]
    pub fn parts(&self) -> usize {
        self.pieces
            .iter()
            .filter(|p| matches!(p, Piece::Tick | Piece::Any | Piece::List))
            .count()
    }

    /// The parts of `text` if the template matches it whole, with their kind.
    fn captures<'t>(&self, text: &'t str) -> Option<Vec<Capture<'t>>> {
        // Cheap rejection before backtracking: every literal must occur.
        let all_there = self.pieces.iter().all(|p| match p {
            Piece::Text(s) => text.contains(s.as_str()),
            _ => true,
        });
        if !all_there {
            return None;
        }
        let mut caps = Vec::new();
        matches(&self.pieces, text, &mut caps).then_some(caps)
    }

    /// A message this template matches, with every part written as `x`.
    #[cfg(test)]
    pub fn sample(&self) -> String {
        self.pieces
            .iter()
            .map(|p| match p {
                Piece::Text(s) => s.as_str(),
                _ => "x",
            })
            .collect()
    }
}

fn matches<'t>(pieces: &[Piece], text: &'t str, caps: &mut Vec<Capture<'t>>) -> bool {
    let Some((first, rest)) = pieces.split_first() else {
        return text.is_empty();
    };
    match first {
        Piece::Text(s) => text
            .strip_prefix(s.as_str())
            .is_some_and(|after| matches(rest, after, caps)),
        Piece::Tick | Piece::Any | Piece::List => {
            // Ends to try, shortest first: where the next literal occurs, or
            // the end of the text when the part is last.
            let ends: Vec<usize> = match rest.first() {
                Some(Piece::Text(next)) => {
                    text.match_indices(next.as_str()).map(|(i, _)| i).collect()
                }
                _ => vec![text.len()],
            };
            for end in ends {
                let part = &text[..end];
                if *first == Piece::Tick && part.contains('`') {
                    break;
                }
                caps.push((part, first.clone()));
                if matches(rest, &text[end..], caps) {
                    return true;
                }
                caps.pop();
            }
            false
        }
        Piece::Part(_) => false,
    }
}

/// A parsed target template.
#[derive(Debug)]
pub struct Target {
    pieces: Vec<Piece>,
}

impl Target {
    pub fn parse(template: &str) -> Result<Target, String> {
        let mut next = 0;
        let mut pieces = Vec::new();
        for t in tokens(template)? {
            pieces.push(match t {
                Token::Text(s) => Piece::Text(s),
                Token::Slot(s) if s.is_empty() => {
                    next += 1;
                    Piece::Part(next - 1)
                }
                Token::Slot(s) => match s.parse() {
                    Ok(n) => Piece::Part(n),
                    Err(_) => {
                        return Err(format!(
                            "`{{{s}}}` in target template {template:?}: use `{{}}` or `{{0}}`, `{{1}}`…"
                        ));
                    }
                },
            });
        }
        Ok(Target { pieces })
    }

    /// The part numbers the template uses.
    #[cfg(test)]
    pub fn uses(&self) -> Vec<usize> {
        self.pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Part(n) => Some(*n),
                _ => None,
            })
            .collect()
    }
}

/// Pairs of parsed templates, source language to target language.
#[derive(Debug, Default)]
pub struct Table {
    entries: Vec<(Source, Target)>,
}

impl Table {
    /// Parse every pair; a pair that does not parse is left out (the table's
    /// unit tests insist there are none).
    pub fn new(pairs: &[(&str, &str)]) -> Table {
        let entries = pairs
            .iter()
            .filter_map(|(s, t)| Some((Source::parse(s).ok()?, Target::parse(t).ok()?)))
            .collect();
        Table { entries }
    }

    /// The translation of `text`, or `None` when no template matches it.
    pub fn translate(&self, text: &str) -> Option<String> {
        let mut best: Option<(&Source, &Target, Vec<Capture>)> = None;
        for (source, target) in &self.entries {
            if best.as_ref().is_some_and(|b| b.0.literal >= source.literal) {
                continue;
            }
            if let Some(caps) = source.captures(text) {
                best = Some((source, target, caps));
            }
        }
        let (_, target, caps) = best?;
        let mut out = String::new();
        for piece in &target.pieces {
            match piece {
                Piece::Text(s) => out.push_str(s),
                // Parts are shorter than `text` (a template has text of its
                // own), so this recursion ends.
                Piece::Part(n) => match caps.get(*n) {
                    Some((part, Piece::Any)) => out.push_str(&self.translate_or_keep(part)),
                    Some((part, Piece::List)) => {
                        let items: Vec<String> = part
                            .split(", ")
                            .map(|item| self.translate_or_keep(item))
                            .collect();
                        out.push_str(&items.join(", "));
                    }
                    Some((part, _)) => out.push_str(part),
                    None => {}
                },
                _ => {}
            }
        }
        Some(out)
    }

    fn translate_or_keep(&self, text: &str) -> String {
        self.translate(text).unwrap_or_else(|| text.to_string())
    }

    /// Source templates in table order, for tests.
    #[cfg(test)]
    pub fn sources(&self) -> impl Iterator<Item = &Source> {
        self.entries.iter().map(|(s, _)| s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(pairs: &[(&str, &str)]) -> Table {
        for (s, t) in pairs {
            Source::parse(s).unwrap();
            Target::parse(t).unwrap();
        }
        Table::new(pairs)
    }

    #[test]
    fn backticked_parts_are_copied() {
        let t = table(&[("không có đơn vị `{}`", "there is no unit `{}`")]);
        assert_eq!(
            t.translate("không có đơn vị `phong-x`").as_deref(),
            Some("there is no unit `phong-x`")
        );
        assert_eq!(t.translate("không có đơn vị `a` và `b`"), None);
        assert_eq!(t.translate("có đơn vị `a`"), None);
    }

    #[test]
    fn any_part_stops_at_the_next_literal_and_backtracks() {
        let t = table(&[("dòng {*}, cột {*} `{}`: {*}", "row {}, column {} `{}`: {}")]);
        assert_eq!(
            t.translate("dòng 3, cột B `Tên, họ`: sai, cột C")
                .as_deref(),
            Some("row 3, column B `Tên, họ`: sai, cột C")
        );
        // The first ", cột " is inside the first part: backtrack past it.
        let t = table(&[("a {*} b {*}.", "{1} then {0}")]);
        assert_eq!(t.translate("a x b y b z.").as_deref(), Some("y b z then x"));
    }

    #[test]
    fn parts_are_reordered_and_nested_messages_translated() {
        let t = table(&[
            ("lỗi ở {*}: {*}", "{1} (at {0})"),
            ("tệp trống", "empty file"),
        ]);
        assert_eq!(
            t.translate("lỗi ở dòng 3: tệp trống").as_deref(),
            Some("empty file (at dòng 3)")
        );
    }

    #[test]
    fn list_items_are_translated_one_by_one() {
        let t = table(&[
            ("trống trong {,}", "empty in {}"),
            ("Quý {*}/{*}", "quarter {}/{}"),
        ]);
        assert_eq!(
            t.translate("trống trong Quý I/2026, Quý II/2026, lạ")
                .as_deref(),
            Some("empty in quarter I/2026, quarter II/2026, lạ")
        );
        assert_eq!(Source::parse("a {,}").unwrap().parts(), 1);
    }

    #[test]
    fn the_most_specific_template_wins() {
        let t = table(&[
            ("không có {*}", "no {}"),
            ("không có đơn vị `{}`", "there is no unit `{}`"),
        ]);
        assert_eq!(
            t.translate("không có đơn vị `x`").as_deref(),
            Some("there is no unit `x`")
        );
        assert_eq!(t.translate("không có gì").as_deref(), Some("no gì"));
    }

    #[test]
    fn braces_are_escaped_by_doubling() {
        let t = table(&[("thêm `{{a: {}}}`", "add `{{a: {}}}`")]);
        assert_eq!(
            t.translate("thêm `{a: 1}`").as_deref(),
            Some("add `{a: 1}`")
        );
    }

    #[test]
    fn bad_templates_are_refused() {
        assert!(Source::parse("a {0} b").is_err());
        assert!(Source::parse("a {}{*}").is_err(), "two parts side by side");
        assert!(Source::parse("a {*}{*}").is_err());
        assert!(Source::parse("{*}").is_err(), "no text of its own");
        assert!(Source::parse("a } b").is_err());
        assert!(Source::parse("a { b").is_err());
        assert!(Target::parse("a {*}").is_err());
        assert!(Target::parse("a {x}").is_err());
        assert_eq!(Target::parse("{1} {} {}").unwrap().uses(), [1, 0, 1]);
    }
}
