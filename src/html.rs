//! HTML text helpers shared by the stages that read what was rendered: the
//! renderer (pictures in a body) and the link check. A leaf module, so that
//! neither borrows from the other.

/// Decode the few entities our templates and pulldown-cmark write in attributes.
pub fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&#x2F;", "/")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    #[test]
    fn entities_of_attributes_are_decoded_once() {
        assert_eq!(
            super::unescape("/a?b=1&amp;c=&quot;x&quot;"),
            "/a?b=1&c=\"x\""
        );
        assert_eq!(super::unescape("&amp;lt;"), "&lt;");
    }
}
