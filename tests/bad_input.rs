//! Bad input: every case gives an error naming the file, the line and the
//! field in plain words, exit code 1, never a panic, and `public/` untouched.

mod common;

use common::{Fixture, article, stderr};

const FILE: &str = "content/tin-tuc/2026/03/bai.md";

/// Build a fixture whose previous `public/` holds a marker; insist the build
/// fails cleanly and leaves it; return stderr.
fn fails(f: &Fixture) -> String {
    std::fs::create_dir_all(f.public("")).unwrap();
    std::fs::write(f.public("marker.txt"), "old site").unwrap();
    let out = f.build();
    let err = stderr(&out);
    assert_eq!(
        out.status.code(),
        Some(1),
        "expected exit code 1, got {:?}\n{err}",
        out.status.code()
    );
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(
        std::fs::read_to_string(f.public("marker.txt")).unwrap(),
        "old site",
        "public/ was touched"
    );
    assert!(!f.public("index.html").exists(), "public/ was touched");
    err
}

fn with_article(text: &str) -> Fixture {
    let f = Fixture::new();
    f.write(FILE, text);
    f
}

#[test]
fn malformed_yaml() {
    let err = fails(&with_article(
        "---\ntitle: Bài: có dấu hai chấm\nunits: [phong-kinh-te\n---\nNội dung\n",
    ));
    assert!(err.contains("content/tin-tuc/2026/03/bai.md:"), "{err}");
    assert!(
        err.contains("lỗi[E121]: giá trị có dấu `:`")
            && err.contains("sửa dòng này thành `title: \"Bài: có dấu hai chấm\"`"),
        "{err}"
    );
}

#[test]
fn missing_required_field() {
    let text = article("Bài", "2026-03-01T08:00:00+07:00", "").replace("kind: tin\n", "");
    let err = fails(&with_article(&text));
    assert!(err.contains("thiếu trường bắt buộc `kind`"), "{err}");
    assert!(
        err.contains("--> content/tin-tuc/2026/03/bai.md:2"),
        "{err}"
    );
}

#[test]
fn wrong_type() {
    let err = fails(&with_article(&article(
        "Bài",
        "2026-03-01T08:00:00+07:00",
        "featured: có\n",
    )));
    assert!(err.contains("sai kiểu dữ liệu"), "{err}");
    assert!(err.contains("(trường `featured`)"), "{err}");
    assert!(err.contains("bai.md:7:"), "{err}");
}

#[test]
fn unknown_unit_names_the_closest_known_unit() {
    let text = article("Bài", "2026-03-01T08:00:00+07:00", "")
        .replace("[phong-kinh-te]", "[phong-kinh-tee]");
    let err = fails(&with_article(&text));
    assert!(err.contains("không có đơn vị `phong-kinh-tee`"), "{err}");
    assert!(err.contains("bai.md:5:"), "{err}");
    assert!(err.contains("(trường `units`)"));
    assert!(
        err.contains("có phải bạn muốn viết `phong-kinh-te`?"),
        "{err}"
    );
}

#[test]
fn impossible_date() {
    let err = fails(&with_article(&article(
        "Bài",
        "2026-02-30T08:00:00+07:00",
        "",
    )));
    assert!(
        err.contains("không có thật") || err.contains("không hợp lệ"),
        "{err}"
    );
    assert!(err.contains("(trường `published_at`)"), "{err}");
    assert!(err.contains("bai.md:6:"), "{err}");
}

#[test]
fn two_items_with_the_same_url_after_slugging() {
    let f = Fixture::new();
    f.write(
        "content/tin-tuc/2026/03/hoa-binh.md",
        &article("Hòa bình", "2026-03-01T08:00:00+07:00", ""),
    );
    f.write(
        "content/tin-tuc/2026/04/hoa-binh.md",
        &article("Hoà bình", "2026-04-01T08:00:00+07:00", ""),
    );
    let err = fails(&f);
    assert!(err.contains("cùng đường dẫn `/tin-tuc/hoa-binh/`"), "{err}");
    assert!(
        err.contains("content/tin-tuc/2026/03/hoa-binh.md")
            && err.contains("content/tin-tuc/2026/04/hoa-binh.md"),
        "{err}"
    );
}

#[test]
fn file_that_is_not_utf8() {
    let f = Fixture::new();
    // "Thông báo" in Windows-1258-ish bytes: not UTF-8.
    f.write_bytes(FILE, b"---\ntitle: Th\xf4ng b\xe1o\n---\n");
    let err = fails(&f);
    assert!(err.contains("không phải văn bản UTF-8"), "{err}");
    assert!(err.contains("bai.md:2"), "{err}");
}

#[test]
fn empty_file() {
    let err = fails(&with_article(""));
    assert!(err.contains("tệp trống"), "{err}");
    assert!(err.contains("content/tin-tuc/2026/03/bai.md"), "{err}");
}

#[test]
fn front_matter_without_closing_fence() {
    let err = fails(&with_article("---\ntitle: Bài\nkind: tin\n\nNội dung\n"));
    assert!(err.contains("không có dòng `---` đóng lại"), "{err}");
    assert!(err.contains("bai.md:1:1"), "{err}");
}

#[test]
fn misspelt_key_is_reported_with_a_suggestion() {
    let err = fails(&with_article(&article(
        "Bài",
        "2026-03-01T08:00:00+07:00",
        "sumary: Tóm tắt\n",
    )));
    assert!(err.contains("trường `sumary` không được hỗ trợ"), "{err}");
    assert!(err.contains("có phải bạn muốn viết `summary`?"), "{err}");
    assert!(err.contains("bai.md:7:"), "{err}");
}

#[test]
fn unknown_section_and_enum_values_get_suggestions() {
    let text = article("Bài", "2026-03-01T08:00:00+07:00", "")
        .replace("sections: [tin-tuc]", "sections: [cai-cach-hanh-chin]");
    let err = fails(&with_article(&text));
    assert!(
        err.contains("không có chuyên mục `cai-cach-hanh-chin`")
            && err.contains("`cai-cach-hanh-chinh`"),
        "{err}"
    );
    let err = fails(&with_article(
        &article("Bài", "2026-03-01T08:00:00+07:00", "").replace("kind: tin", "kind: tinn"),
    ));
    assert!(
        err.contains("giá trị `tinn` không hợp lệ") && err.contains("có phải bạn muốn viết `tin`?"),
        "{err}"
    );
}

#[test]
fn every_error_of_a_run_is_reported() {
    let f = Fixture::new();
    f.write("content/tin-tuc/2026/03/a.md", "");
    f.write(
        "content/tin-tuc/2026/03/b.md",
        &article("B", "2026-13-01", ""),
    );
    f.write(
        "content/tin-tuc/2026/03/c.md",
        &article("C", "2026-03-01T08:00:00+07:00", "").replace("phong-kinh-te", "khong-co"),
    );
    f.write(
        "content/don-vi/loi.md",
        "---\nid: Lỗi Đơn Vị\nname: X\nkind: nhom\n---\n",
    );
    let err = fails(&f);
    for file in ["a.md", "b.md", "c.md", "content/don-vi/loi.md"] {
        assert!(err.contains(file), "{file} not reported:\n{err}");
    }
    assert!(err.contains("4 lỗi"), "{err}");
}

#[test]
fn cai_cach_hanh_chinh_items_need_a_par_area() {
    let text = article("Bài", "2026-03-01T08:00:00+07:00", "")
        .replace("sections: [tin-tuc]", "sections: [cai-cach-hanh-chinh]");
    let err = fails(&with_article(&text));
    assert!(
        err.contains("phải ghi lĩnh vực cải cách hành chính")
            && err.contains("(trường `par_areas`)"),
        "{err}"
    );
}

#[test]
fn references_to_missing_documents_and_files() {
    let err = fails(&with_article(&article(
        "Bài",
        "2026-03-01T08:00:00+07:00",
        "related_documents: [van-ban/2025/khong-co]\nimage: {src: /files/anh.jpg, alt: Ảnh}\n",
    )));
    assert!(
        err.contains("không có văn bản `van-ban/2025/khong-co`"),
        "{err}"
    );
    assert!(err.contains("không tìm thấy tệp `/files/anh.jpg`"), "{err}");
}

#[test]
fn image_without_alt_text_is_an_error() {
    let f = with_article(&article(
        "Bài",
        "2026-03-01T08:00:00+07:00",
        "image: {src: /files/anh.jpg}\n",
    ));
    f.write_bytes("static/files/anh.jpg", b"\xff\xd8");
    let err = fails(&f);
    assert!(err.contains("thiếu trường bắt buộc `alt`"), "{err}");
    let f = with_article(&article(
        "Bài",
        "2026-03-01T08:00:00+07:00",
        "image: {src: /files/anh.jpg, alt: \" \"}\n",
    ));
    f.write_bytes("static/files/anh.jpg", b"\xff\xd8");
    assert!(fails(&f).contains("ảnh thiếu mô tả (alt)"));
}

#[test]
fn unsafe_slugs_cannot_leave_the_output_folder() {
    for slug in ["../../etc", "/tmp/x", "a\\\\b", "..", "Tin Tức"] {
        let f = with_article(&article(
            "Bài",
            "2026-03-01T08:00:00+07:00",
            &format!("slug: \"{slug}\"\n"),
        ));
        let err = fails(&f);
        assert!(err.contains("(trường `slug`)"), "{slug}: {err}");
        assert!(!f.root().parent().unwrap().join("etc").exists());
    }
}

#[test]
fn a_page_cannot_take_a_generated_path() {
    let f = Fixture::new();
    f.write("content/trang/tin-tuc.md", "---\ntitle: Tin tức\n---\n");
    assert!(fails(&f).contains("đường dẫn `/tin-tuc/` đã được dùng"));
}

#[test]
fn output_folder_that_would_destroy_the_sources_is_refused() {
    let f = Fixture::new();
    for bad in [".", "content", "themes"] {
        let out = f.run(&["build", "--output", &f.root().join(bad).to_string_lossy()]);
        assert_eq!(out.status.code(), Some(1), "{bad}");
        assert!(stderr(&out).contains("không thể ghi trang vào"), "{bad}");
        assert!(f.root().join("content/don-vi/phong-kinh-te.md").is_file());
    }
}

#[test]
fn hostile_yaml_does_not_crash_or_hang() {
    let bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n---\n";
    let deep = format!(
        "---\ntitle: {}x{}\n---\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    for text in [
        bomb.to_string(),
        deep,
        "---\n\0\0\0\n---\n".into(),
        "---\n- a\n- b\n---\n".into(),
        "---\n---\n".into(),
    ] {
        fails(&with_article(&text));
    }
}

#[test]
fn broken_site_yaml_is_reported_with_its_line() {
    let f = Fixture::new();
    f.write(
        "site.yaml",
        &common::SITE_YAML.replace("paginate_by: 10", "paginate_by: mười"),
    );
    let err = fails(&f);
    assert!(err.contains("site.yaml:9:1"), "{err}");
    assert!(
        err.contains("lỗi[E128]: trường `paginate_by` cần một số"),
        "{err}"
    );
}
