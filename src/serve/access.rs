//! Who may talk to the preview server.
//!
//! Two rules, checked before any handler runs:
//! - the `Host` header must name this server (`127.0.0.1`, `localhost`,
//!   `[::1]`, the `--bind` address; with an unspecified bind such as
//!   `0.0.0.0`, any IP literal or this machine's own name). A page on another
//!   site that points a name of its own at 127.0.0.1 (DNS rebinding) sends its
//!   own name and is refused, so it can neither read the preview nor write
//!   through the editor.
//! - beyond loopback, a secret token: given once in the address (`?token=`),
//!   then kept in a same-site, HTTP-only cookie. Without it every request,
//!   the editor's included, answers 401.

use std::net::IpAddr;

/// The cookie that carries the access token after the first visit.
pub const TOKEN_COOKIE: &str = "trangxa_token";

/// The access rules of one running server.
#[derive(Debug, Clone)]
pub struct Access {
    bind: IpAddr,
    /// Names (lower case, IPv6 in brackets) a `Host` header may give.
    names: Vec<String>,
    /// Required beyond loopback.
    token: Option<String>,
}

/// Why a request is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// No or a foreign `Host` (421 Misdirected Request).
    Host,
    /// The access token is missing or wrong (401).
    Token,
}

/// What a request brought for the access check.
pub struct Presented<'a> {
    pub host: Option<&'a str>,
    pub query: Option<&'a str>,
    pub cookie: Option<&'a str>,
}

/// The outcome of a passed check.
#[derive(Debug, PartialEq, Eq)]
pub enum Granted {
    Yes,
    /// The token came in the address: set the cookie so later requests
    /// (the page's stylesheets, the editor's saves) carry it.
    SetCookie(String),
}

impl Access {
    pub fn new(bind: IpAddr, token: Option<String>) -> Access {
        let mut names: Vec<String> = vec!["localhost".into(), "127.0.0.1".into(), "[::1]".into()];
        names.push(host_form(bind));
        if bind.is_unspecified() {
            for name in machine_names() {
                names.push(name.to_ascii_lowercase());
            }
        }
        names.sort();
        names.dedup();
        Access { bind, names, token }
    }

    /// The token to print in the address, if one is required.
    pub fn token(&self) -> Option<&str> {
        self.token.as_deref()
    }

    pub fn check(&self, p: &Presented) -> Result<Granted, Refusal> {
        let host = p.host.map(strip_port).ok_or(Refusal::Host)?;
        let host = host.to_ascii_lowercase();
        let known =
            self.names.contains(&host) || (self.bind.is_unspecified() && is_ip_literal(&host));
        if !known {
            return Err(Refusal::Host);
        }
        let Some(token) = &self.token else {
            return Ok(Granted::Yes);
        };
        if let Some(t) = p.cookie.and_then(|c| cookie_value(c, TOKEN_COOKIE))
            && same(t, token)
        {
            return Ok(Granted::Yes);
        }
        let in_query = p
            .query
            .into_iter()
            .flat_map(|q| q.split('&'))
            .any(|kv| kv.strip_prefix("token=").is_some_and(|t| same(t, token)));
        if in_query {
            return Ok(Granted::SetCookie(format!(
                "{TOKEN_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict"
            )));
        }
        Err(Refusal::Token)
    }
}

/// A fresh random token (hex); `None` only if the system has no randomness.
pub fn random_token() -> Option<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).ok()?;
    Some(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Compare secrets without stopping at the first different byte.
pub fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// The value of cookie `name` in a `Cookie` header.
pub fn cookie_value<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header.split(';').find_map(|kv| {
        let (k, v) = kv.trim().split_once('=')?;
        (k == name).then_some(v)
    })
}

/// An address as a `Host` header writes it (IPv6 in brackets).
fn host_form(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => format!("[{v6}]"),
    }
}

/// `Host` without its port.
fn strip_port(host: &str) -> &str {
    let host = host.trim();
    if host.starts_with('[') {
        return match host.find(']') {
            Some(end) => &host[..=end],
            None => host,
        };
    }
    match host.rsplit_once(':') {
        Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => host,
    }
}

/// An IP address written out: a browser sends it only when the address
/// itself was typed, never for a site's own domain name.
fn is_ip_literal(host: &str) -> bool {
    if let Some(inner) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        return inner.parse::<std::net::Ipv6Addr>().is_ok();
    }
    host.parse::<std::net::Ipv4Addr>().is_ok()
}

/// This machine's names, as another machine in the office network may type
/// them (`hostname`, `hostname.local`).
fn machine_names() -> Vec<String> {
    let mut out = Vec::new();
    let name = hostname();
    if let Some(n) = name.filter(|n| !n.is_empty()) {
        out.push(format!("{n}.local"));
        out.push(n);
    }
    out
}

#[cfg(unix)]
fn hostname() -> Option<String> {
    let mut buf = [0u8; 256];
    // SAFETY: the buffer is valid for its length; the call writes at most
    // that many bytes and the result is read up to the first NUL.
    let rc = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) };
    if rc != 0 {
        return None;
    }
    let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    String::from_utf8(buf[..end].to_vec()).ok()
}

#[cfg(not(unix))]
fn hostname() -> Option<String> {
    std::env::var("COMPUTERNAME").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ask(
        a: &Access,
        host: &str,
        query: Option<&str>,
        cookie: Option<&str>,
    ) -> Result<Granted, Refusal> {
        a.check(&Presented {
            host: Some(host),
            query,
            cookie,
        })
    }

    #[test]
    fn only_this_servers_names_pass() {
        let a = Access::new("127.0.0.1".parse().unwrap(), None);
        for ok in ["127.0.0.1:1111", "localhost:1111", "LOCALHOST", "[::1]:80"] {
            assert_eq!(ask(&a, ok, None, None), Ok(Granted::Yes), "{ok}");
        }
        for bad in [
            "evil.example",
            "evil.example:1111",
            "127.0.0.1.evil.example",
            "10.0.0.5:1111",
            "",
        ] {
            assert_eq!(ask(&a, bad, None, None), Err(Refusal::Host), "{bad}");
        }
        assert_eq!(
            a.check(&Presented {
                host: None,
                query: None,
                cookie: None
            }),
            Err(Refusal::Host)
        );
    }

    #[test]
    fn beyond_loopback_the_token_is_needed_once_then_a_cookie_carries_it() {
        let a = Access::new("0.0.0.0".parse().unwrap(), Some("abc123".into()));
        assert_eq!(
            ask(&a, "192.168.1.20:1111", None, None),
            Err(Refusal::Token)
        );
        assert_eq!(
            ask(&a, "evil.example", Some("token=abc123"), None),
            Err(Refusal::Host)
        );
        assert_eq!(
            ask(&a, "192.168.1.20:1111", Some("token=wrong1"), None),
            Err(Refusal::Token)
        );
        let set = ask(&a, "192.168.1.20:1111", Some("x=1&token=abc123"), None);
        assert!(
            matches!(set, Ok(Granted::SetCookie(c)) if c.contains("trangxa_token=abc123") && c.contains("HttpOnly"))
        );
        assert_eq!(
            ask(
                &a,
                "[fe80::1]:1111",
                None,
                Some("a=b; trangxa_token=abc123")
            ),
            Ok(Granted::Yes)
        );
    }
}
