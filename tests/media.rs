//! Pictures, video and audio in articles: responsive images made at build
//! time and cached, click-to-load videos, audio with its transcript, and the
//! sharing metadata that goes with them.

mod common;

use common::{Fixture, article, photo, stderr};
use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use image::{ImageEncoder, Rgb, RgbImage};

/// A chart-like graphic: flat blocks of colour, saved as a plain PNG.
fn chart(w: u32, h: u32) -> Vec<u8> {
    let img = RgbImage::from_fn(w, h, |x, y| {
        if y < h / 5 {
            Rgb([163, 21, 21])
        } else if (x / 100 + y / 80) % 2 == 0 {
            Rgb([243, 245, 247])
        } else {
            Rgb([11, 79, 156])
        }
    });
    let mut out = Vec::new();
    PngEncoder::new_with_quality(&mut out, CompressionType::Fast, FilterType::NoFilter)
        .write_image(img.as_raw(), w, h, image::ExtendedColorType::Rgb8)
        .unwrap();
    out
}

fn with_images(front: &str) -> Fixture {
    let f = Fixture::new();
    f.write_bytes("static/files/anh/hoi-nghi.jpg", &photo(1280, 800));
    f.write_bytes("static/files/anh/bieu-do.png", &chart(640, 480));
    f.write(
        "content/tin-tuc/2026/11/hoi-nghi.md",
        &article("Hội nghị triển khai", "2026-11-20T08:00:00+07:00", front),
    );
    f
}

const PHOTO: &str = "image: {src: /files/anh/hoi-nghi.jpg, alt: Quang cảnh hội nghị, caption: Hội nghị sáng 20/11}\n";

#[test]
fn a_photo_gets_scaled_variants_with_its_size_and_sharing_metadata() {
    let f = with_images(PHOTO);
    f.build_ok();
    let html = f.read("tin-tuc/hoi-nghi/index.html");
    let img = &html[html
        .find("<img src=\"/static/img/")
        .expect("scaled lead image")..];
    let img = &img[..img.find('>').unwrap()];
    for w in [240, 480, 800, 1200] {
        assert!(img.contains(&format!("-{w}.jpg {w}w")), "{img}");
    }
    assert!(img.contains(r#"width="1200" height="750""#), "{img}");
    assert!(img.contains(r#"alt="Quang cảnh hội nghị""#));
    assert!(img.contains(r#"sizes="(min-width: 48rem) 46rem, 100vw""#));
    assert!(html.contains("<figcaption>Hội nghị sáng 20/11</figcaption>"));
    // The files exist, at the sizes promised, and are real JPEGs.
    let src = img["<img src=\"".len()..].split('"').next().unwrap();
    let bytes = std::fs::read(f.public(&src[1..])).unwrap();
    let decoded = image::load_from_memory(&bytes).unwrap();
    assert_eq!((decoded.width(), decoded.height()), (1200, 750));
    // Lossless WebP is several times a JPEG photo: not offered.
    assert!(!html.contains("image/webp"), "{img}");
    // Facebook and Zalo show the picture with the link.
    assert!(html.contains(&format!(
        r#"<meta property="og:image" content="https://thunghiem.gialai.gov.vn{src}">"#
    )));
    assert!(html.contains(r#"<meta property="og:image:width" content="1200">"#));
    assert!(html.contains(r#"<meta name="twitter:card" content="summary_large_image">"#));
    // The list shows a small version, loaded lazily.
    let list = f.read("tin-tuc/index.html");
    assert!(list.contains(r#"loading="lazy""#) && list.contains("-240.jpg 240w"));
}

#[test]
fn a_flat_graphic_is_offered_as_webp_first_with_png_fallback() {
    let f = with_images(
        "kind: infographic\nimage:\n  src: /files/anh/bieu-do.png\n  alt: Biểu đồ hồ sơ trực tuyến\n  long_description: |\n    Tỷ lệ hồ sơ **trực tuyến** tăng từ 40% lên 75%.\n"
            .trim_start_matches("kind: infographic\n"),
    );
    let text = std::fs::read_to_string(f.root().join("content/tin-tuc/2026/11/hoi-nghi.md"))
        .unwrap()
        .replace("kind: tin", "kind: infographic");
    f.write("content/tin-tuc/2026/11/hoi-nghi.md", &text);
    let err = f.build_ok();
    assert!(!err.contains("W060"), "{err}");
    let html = f.read("tin-tuc/hoi-nghi/index.html");
    let pic = &html[html.find("<picture>").unwrap()..html.find("</picture>").unwrap()];
    let webp = pic.find(r#"<source type="image/webp" srcset="/static/img/"#);
    let png = pic.find(r#"<img src="/static/img/"#);
    assert!(webp.is_some() && png.is_some() && webp < png, "{pic}");
    assert!(
        pic.contains(".png 640w") && pic.contains(".webp 640w"),
        "{pic}"
    );
    assert!(pic.contains(r#"width="640" height="480""#));
    for f2 in pic.split("/static/img/").skip(1) {
        let name = f2.split([' ', '"']).next().unwrap();
        assert!(f.public(&format!("static/img/{name}")).is_file(), "{name}");
    }
    // The long description is there for readers who cannot see the chart.
    assert!(html.contains("<summary>Nội dung chi tiết của ảnh</summary><p>Tỷ lệ hồ sơ <strong>trực tuyến</strong> tăng từ 40% lên 75%.</p>"), "{html}");
}

#[test]
fn an_infographic_without_its_text_gets_a_warning() {
    let f = with_images("image: {src: /files/anh/bieu-do.png, alt: Biểu đồ}\n");
    let text = std::fs::read_to_string(f.root().join("content/tin-tuc/2026/11/hoi-nghi.md"))
        .unwrap()
        .replace("kind: tin", "kind: infographic");
    f.write("content/tin-tuc/2026/11/hoi-nghi.md", &text);
    let err = f.build_ok();
    assert!(err.contains("cảnh báo[W060]"), "{err}");
    assert!(
        err.contains("content/tin-tuc/2026/11/hoi-nghi.md:"),
        "{err}"
    );
    assert!(err.contains("long_description"), "{err}");
}

#[test]
fn images_are_cached_between_builds() {
    let f = with_images(PHOTO);
    f.build_ok();
    let cache = f.root().join(".cache/images");
    let cached: Vec<_> = std::fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "jpg"))
        .collect();
    assert_eq!(cached.len(), 4, "{cached:?}");
    // Mark a cached variant: a rebuild that really reads the cache publishes
    // the mark instead of encoding the picture again.
    let marked = cached
        .iter()
        .find(|p| p.to_string_lossy().ends_with("-480.jpg"))
        .unwrap();
    std::fs::write(marked, b"cached bytes").unwrap();
    f.build_ok();
    let name = marked.file_name().unwrap().to_string_lossy().to_string();
    assert_eq!(
        std::fs::read(f.public(&format!("static/img/{name}"))).unwrap(),
        b"cached bytes"
    );
    // A changed picture gets new names, so browsers that cached the old one
    // forever still see the change.
    f.write_bytes("static/files/anh/hoi-nghi.jpg", &photo(1000, 700));
    f.build_ok();
    assert!(!f.public(&format!("static/img/{name}")).exists());
}

#[test]
fn a_file_that_is_not_a_picture_is_an_error_naming_the_article() {
    let f = with_images(PHOTO);
    f.write("static/files/anh/hoi-nghi.jpg", "đây không phải là ảnh");
    let out = f.build();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("lỗi[E060]"), "{err}");
    assert!(err.contains("/files/anh/hoi-nghi.jpg"), "{err}");
    assert!(err.contains("content/tin-tuc/2026/11/hoi-nghi.md"), "{err}");
    assert!(err.contains("(trường `image`)"), "{err}");
    assert!(!err.contains("panicked"));
}

#[test]
fn videos_are_links_until_clicked_and_audio_plays_with_its_transcript() {
    let f = Fixture::new();
    f.write_bytes("static/files/ban-tin.mp3", b"ID3 not really audio");
    f.write(
        "content/tin-tuc/2026/11/ban-tin.md",
        &article(
            "Bản tin tuần",
            "2026-11-20T08:00:00+07:00",
            "media:
  - {kind: video, url: \"https://www.youtube.com/watch?v=AbCdEfGhIjK\", title: Phóng sự hội nghị, transcript: Lời phóng sự.}
  - {kind: video, url: \"https://www.tiktok.com/@xa/video/7312345678901234567\", transcript: Lời clip.}
  - {kind: video, url: \"https://vimeo.com/123\", title: Clip khác, transcript: Lời.}
  - {kind: audio, url: /files/ban-tin.mp3, title: Bản tin phát thanh, transcript: \"Kính thưa **bà con**.\"}
",
        ),
    );
    let err = f.build_ok();
    let html = f.read("tin-tuc/ban-tin/index.html");
    // Nothing from a platform is loaded by the page itself.
    assert!(!html.contains("<iframe"), "{html}");
    assert!(html.contains(r#"<a class="video-link" href="https://www.youtube.com/watch?v=AbCdEfGhIjK" data-embed="https://www.youtube-nocookie.com/embed/AbCdEfGhIjK?autoplay=1" data-title="Phóng sự hội nghị"><strong>Phóng sự hội nghị</strong><span class="play">▶ Xem video trên YouTube</span></a>"#), "{html}");
    assert!(html.contains(
        r#"data-embed="https://www.tiktok.com/player/v1/7312345678901234567?autoplay=1""#
    ));
    // A video without a title is named by its kind.
    assert!(html.contains("<h2 id=\"media-2\">Video</h2>"), "{html}");
    // A platform the site cannot embed stays a plain link, with a warning.
    assert!(html.contains(r#"<a class="video-link" href="https://vimeo.com/123"><strong>"#));
    assert!(
        err.contains("cảnh báo[W061]") && err.contains("vimeo.com"),
        "{err}"
    );
    assert!(html.contains(r#"<audio controls preload="none" src="/files/ban-tin.mp3"></audio>"#));
    assert!(
        html.contains("<h3>Bản ghi lời</h3><p>Kính thưa <strong>bà con</strong>.</p>"),
        "{html}"
    );
    // Sharing without tracking scripts.
    assert!(html.contains(r#"<a href="https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fthunghiem.gialai.gov.vn%2Ftin-tuc%2Fban-tin%2F">Facebook</a>"#), "{html}");
    assert!(html.contains(r#"<meta name="twitter:card" content="summary">"#));
    assert!(!html.contains("connect.facebook.net") && !html.contains("zalo.me/plugins"));
}

#[test]
fn a_missing_media_file_is_an_error() {
    let f = Fixture::new();
    f.write(
        "content/tin-tuc/2026/11/ban-tin.md",
        &article(
            "Bản tin tuần",
            "2026-11-20T08:00:00+07:00",
            "media: [{kind: audio, url: /files/khong-co.mp3, transcript: Lời.}]\n",
        ),
    );
    let out = f.build();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("lỗi[E016]") && err.contains("/files/khong-co.mp3"),
        "{err}"
    );
}

#[test]
fn a_picture_in_the_text_without_a_description_is_an_error_at_its_line() {
    let f = Fixture::new();
    f.write_bytes("static/files/anh/hoi-nghi.jpg", &photo(200, 100));
    f.write(
        "content/tin-tuc/2026/11/hoi-nghi.md",
        &format!(
            "{}\nQuang cảnh: ![](/files/anh/hoi-nghi.jpg)\n",
            article("Hội nghị", "2026-11-20T08:00:00+07:00", "")
        ),
    );
    let out = f.build();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("lỗi[E020]: ảnh trong bài thiếu mô tả (alt)"),
        "{err}"
    );
    assert!(
        err.contains("content/tin-tuc/2026/11/hoi-nghi.md:10:13"),
        "{err}"
    );
    assert!(
        err.contains("![Mô tả ảnh](/files/anh/hoi-nghi.jpg)"),
        "{err}"
    );
}

/// Pictures written in the text: a photo, a chart with a title, and a
/// picture from another site.
const BODY: &str = "Quang cảnh hội nghị:\n\n![Quang cảnh \"hội nghị\"](/files/anh/hoi-nghi.jpg)\n\nKết quả: ![Biểu đồ hồ sơ](/files/anh/bieu-do.png \"Số hồ sơ\")\n\n![Bản đồ xã](https://example.vn/ban-do.jpg)\n";
const ARTICLE: &str = "content/tin-tuc/2026/11/hoi-nghi.md";

fn with_pictures_in_the_text() -> Fixture {
    let f = with_images("");
    f.write(
        ARTICLE,
        &format!(
            "{}\n{BODY}",
            article("Hội nghị triển khai", "2026-11-20T08:00:00+07:00", "")
        ),
    );
    f
}

/// The `<picture>…</picture>` whose `<img>` has the description `alt`.
fn picture_of<'h>(html: &'h str, alt: &str) -> &'h str {
    let at = html
        .find(&format!("alt=\"{alt}\""))
        .unwrap_or_else(|| panic!("no picture `{alt}` in {html}"));
    let start = html[..at].rfind("<picture>").expect("in a <picture>");
    let end = at + html[at..].find("</picture>").unwrap() + "</picture>".len();
    assert!(!html[start..at].contains("</picture>"), "{html}");
    &html[start..end]
}

/// The `static/img/` file names a piece of HTML links to.
fn variants(html: &str) -> Vec<String> {
    html.split("/static/img/")
        .skip(1)
        .map(|s| s.split([' ', '"', ',']).next().unwrap().to_string())
        .collect()
}

#[test]
fn pictures_in_the_text_get_variants_like_front_matter_pictures() {
    let f = with_pictures_in_the_text();
    f.write(
        "content/trang/gioi-thieu.md",
        "---\ntitle: Giới thiệu\n---\n![Trụ sở xã](/files/anh/hoi-nghi.jpg)\n",
    );
    let unit = common::UNITS[0].1.replace(
        "Tham mưu về kinh tế.",
        "![Biểu đồ kinh tế](/files/anh/bieu-do.png)",
    );
    f.write("content/don-vi/phong-kinh-te.md", &unit);
    f.build_ok();
    let html = f.read("tin-tuc/hoi-nghi/index.html");

    let photo = picture_of(&html, "Quang cảnh &quot;hội nghị&quot;");
    assert!(
        photo.starts_with(r#"<picture><img src="/static/img/"#),
        "{photo}"
    );
    for w in [240, 480, 800, 1200] {
        assert!(photo.contains(&format!("-{w}.jpg {w}w")), "{photo}");
    }
    assert!(
        photo.contains(r#" sizes="(min-width: 48rem) 46rem, 100vw" width="1200" height="750" "#),
        "{photo}"
    );
    assert!(
        photo.ends_with(r#" loading="lazy" decoding="async"></picture>"#),
        "{photo}"
    );
    // A JPEG photo is not offered as (lossless, heavier) WebP.
    assert!(!photo.contains("image/webp"), "{photo}");
    let largest = photo.split('"').nth(1).unwrap();
    let decoded =
        image::load_from_memory(&std::fs::read(f.public(&largest[1..])).unwrap()).unwrap();
    assert_eq!((decoded.width(), decoded.height()), (1200, 750));

    let chart = picture_of(&html, "Biểu đồ hồ sơ");
    assert!(
        chart.starts_with(r#"<picture><source type="image/webp" srcset="/static/img/"#),
        "{chart}"
    );
    assert!(
        chart.contains(".png 640w") && chart.contains(".webp 640w"),
        "{chart}"
    );
    assert!(
        chart.contains(
            r#"width="640" height="480" alt="Biểu đồ hồ sơ" title="Số hồ sơ" loading="lazy""#
        ),
        "{chart}"
    );
    for name in variants(photo).iter().chain(&variants(chart)) {
        assert!(f.public(&format!("static/img/{name}")).is_file(), "{name}");
    }
    // A picture from another site is left as written, loaded lazily.
    assert!(
        html.contains(r#"<img src="https://example.vn/ban-do.jpg" alt="Bản đồ xã" loading="lazy" decoding="async">"#),
        "{html}"
    );
    assert!(!html.contains("/files/anh/"), "{html}");

    // Pages and units show their pictures the same way.
    let page = f.read("gioi-thieu/index.html");
    assert_eq!(
        variants(picture_of(&page, "Trụ sở xã")),
        variants(photo),
        "{page}"
    );
    let unit = f.read("don-vi/phong-kinh-te/index.html");
    assert_eq!(
        variants(picture_of(&unit, "Biểu đồ kinh tế")),
        variants(chart)
    );
}

#[test]
fn pictures_in_the_text_follow_the_base_path() {
    let f = with_pictures_in_the_text();
    let out = f.run(&["build", "--base-url", "https://example.gov.vn/canhvinh/"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let html = f.read("tin-tuc/hoi-nghi/index.html");
    for alt in ["Quang cảnh &quot;hội nghị&quot;", "Biểu đồ hồ sơ"] {
        let pic = picture_of(&html, alt);
        let urls = pic.split("/static/img/").count() - 1;
        assert!(urls >= 4, "{pic}");
        assert_eq!(pic.matches("/canhvinh/static/img/").count(), urls, "{pic}");
    }
    let broken = common::broken_links(&f.root().join("public"), "/canhvinh");
    assert!(broken.is_empty(), "broken links: {broken:?}");
}

#[test]
fn a_picture_no_longer_shown_leaves_the_cache_after_the_next_good_build() {
    let f = with_pictures_in_the_text();
    f.build_ok();
    let html = f.read("tin-tuc/hoi-nghi/index.html");
    let key_of = |alt: &str| {
        let names = variants(picture_of(&html, alt));
        names[0].split('-').next().unwrap().to_string()
    };
    let (photo, chart) = (
        key_of("Quang cảnh &quot;hội nghị&quot;"),
        key_of("Biểu đồ hồ sơ"),
    );
    let cache = f.root().join(".cache/images");
    let cached = |key: &str| {
        std::fs::read_dir(&cache)
            .unwrap()
            .filter(|e| {
                let name = e.as_ref().unwrap().file_name();
                name.to_string_lossy().starts_with(key)
            })
            .count()
    };
    // Four sizes and the description of the set.
    assert_eq!(cached(&photo), 5);

    // The photo leaves the text of an article that is broken meanwhile: a
    // failed build removes nothing, and neither does `check`.
    let text = std::fs::read_to_string(f.root().join(ARTICLE))
        .unwrap()
        .replace(
            "![Quang cảnh \"hội nghị\"](/files/anh/hoi-nghi.jpg)",
            "Ảnh đã gỡ.",
        );
    f.write(
        ARTICLE,
        &text.replace("units: [phong-kinh-te]", "units: [khong-co]"),
    );
    assert_eq!(f.build().status.code(), Some(1));
    assert_eq!(cached(&photo), 5);
    f.write(ARTICLE, &text);
    assert!(f.run(&["check"]).status.success());
    assert_eq!(cached(&photo), 5);

    f.build_ok();
    assert_eq!(cached(&photo), 0);
    assert!(cached(&chart) > 0);
    assert!(!f.read("tin-tuc/hoi-nghi/index.html").contains(&photo));
    // A build with nothing to do keeps what is used.
    f.build_ok();
    assert!(cached(&chart) > 0);
}

#[test]
fn a_broken_picture_in_the_text_is_an_error_at_its_line() {
    let f = with_pictures_in_the_text();
    f.write("static/files/anh/bieu-do.png", "đây không phải là ảnh");
    let out = f.build();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("lỗi[E060]") && err.contains("/files/anh/bieu-do.png"),
        "{err}"
    );
    assert!(
        err.contains("content/tin-tuc/2026/11/hoi-nghi.md:14:10"),
        "{err}"
    );
}
