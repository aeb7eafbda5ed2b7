//! The small holes of issue 14 (item 8) and bounded raw HTML (item 5).

mod common;

use common::{Fixture, article, stderr};

/// Build a fixture that must fail; its stderr.
fn fails(f: &Fixture) -> String {
    let o = f.build();
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

#[test]
fn a_long_slug_fails_at_its_line_not_in_the_staging_folder() {
    let f = Fixture::new();
    let slug = "a".repeat(5_000);
    f.write(
        "content/tin-tuc/2026/03/dai.md",
        &article("Dài", "2026-03-01", &format!("slug: {slug}\n")),
    );
    let err = fails(&f);
    assert!(err.contains("lỗi[E014]"), "{err}");
    assert!(err.contains("dài 5000 ký tự; tối đa 100 ký tự"), "{err}");
    assert!(
        err.contains("--> content/tin-tuc/2026/03/dai.md:7:"),
        "{err}"
    );
    assert!(!err.contains("staging"), "{err}");
    assert!(!err.contains("E001"), "{err}");
}

#[test]
fn new_unit_does_not_talk_of_a_status_it_has_not() {
    let f = Fixture::new();
    let o = f.run(&["new", "don-vi", "Tổ công nghệ số"]);
    let said = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!said.contains("status"), "{said}");
    assert!(said.contains("content/don-vi/to-cong-nghe-so.md"), "{said}");
    let o = f.run(&["new", "tin-tuc", "Tin mới"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("`status: draft`"));
}

#[test]
fn rss_descriptions_reach_readers_as_text() {
    let f = Fixture::new();
    f.write(
        "content/tin-tuc/2026/03/the.md",
        &article(
            "Thẻ",
            "2026-03-01T08:00:00+07:00",
            "summary: \"Dùng thẻ <script>alert(1)</script> & <b>đậm</b>\"\n",
        ),
    );
    f.build_ok();
    let rss = f.read("rss.xml");
    // Escaped twice: XML gives the reader `&lt;script&gt;`, which as HTML is text.
    assert!(
        rss.contains("<description>Dùng thẻ &amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt; &amp;amp; &amp;lt;b&amp;gt;đậm&amp;lt;/b&amp;gt;</description>"),
        "{rss}"
    );
    // Atom says its summary is text: escaped once.
    let atom = f.read("atom.xml");
    assert!(atom.contains("<summary>Dùng thẻ &lt;script&gt;"), "{atom}");
}

#[test]
fn deeply_nested_raw_html_is_refused_at_its_line() {
    let f = Fixture::new();
    let body = format!(
        "Đoạn mở đầu.\n\n{}x{}\n",
        "<div>".repeat(350_000),
        "</div>".repeat(350_000)
    );
    let text = article("Sâu", "2026-03-01T08:00:00+07:00", "") + &body;
    f.write("content/tin-tuc/2026/03/sau.md", &text);
    let err = fails(&f);
    assert!(
        err.contains("lỗi[E109]: HTML viết trong bài lồng quá sâu (quá 100 lớp thẻ)"),
        "{err}"
    );
    // The article's front matter is 7 lines, its first body line 8, the divs on 11.
    assert!(
        err.contains("--> content/tin-tuc/2026/03/sau.md:11"),
        "{err}"
    );
    // The line is not quoted: it is megabytes long.
    assert!(err.len() < 2_000, "{} bytes", err.len());
}

#[test]
fn html_nested_within_the_limit_builds() {
    let f = Fixture::new();
    // Sloppy but real: paragraphs and list items left open do not add up.
    let body = format!(
        "{}\n\n<ul>{}</ul>\n\n{}x{}\n",
        "<p>một đoạn ".repeat(500),
        "<li>mục ".repeat(500),
        "<div>".repeat(90),
        "</div>".repeat(90)
    );
    let text = article("Vừa", "2026-03-01T08:00:00+07:00", "") + &body;
    f.write("content/tin-tuc/2026/03/vua.md", &text);
    f.build_ok();
}
