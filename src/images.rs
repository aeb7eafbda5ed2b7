//! IMAGES: responsive variants of the pictures pages show, made between
//! MODEL and RENDER so templates only print what is already decided.
//!
//! Each JPEG or PNG under `static/` that an article uses as `image` or in its
//! `gallery`, or that a body shows (`![Mô tả](/files/anh.jpg)` in an article,
//! page, document or unit), is scaled to a few widths (`WIDTHS`). The
//! fallback keeps the source's kind: JPEG for photos, PNG for infographics
//! and charts, whose text must stay sharp (a scaled-down graphic goes out as
//! a fine JPEG when that is lighter, since scaling loses a PNG's palette). A
//! WebP version is added only when it is smaller: the `image` crate's WebP
//! encoder is lossless, which beats PNG on flat graphics by a third but loses
//! to a JPEG photo several times over (so photos skip it) and to a
//! well-optimised palette PNG: each graphic is measured instead of guessed.
//!
//! Encoding is the slowest part of a build, so results are cached in
//! `.cache/images/` at the site root, keyed by a hash of the source bytes and
//! the encoder settings: a rebuild only reads files. The output names carry
//! the same hash (`static/img/3f2a9c1b4e7d8a90-800.webp`), so servers may cache
//! them forever. After a successful `build`, entries no picture of the site
//! uses any more are removed (`prune`), so the cache does not grow with every
//! replaced photo.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::SystemTime;

use fast_image_resize::{IntoImageView, Resizer, images::Image as Buffer};
use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use image::codecs::webp::WebPEncoder;
use image::{DynamicImage, ExtendedColorType, ImageEncoder};
use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::markdown;
pub use crate::responsive::{Catalog, Responsive, Variant};
use crate::site::{ItemKind, Site};
use crate::statics::StaticFile;

/// Widths made for every image (never wider than the source): list
/// thumbnails, phones, tablets, desktops and sharing previews.
pub const WIDTHS: &[u32] = &[240, 480, 800, 1200];
/// Part of every cache key and output name: change it when the encoding
/// changes, so no browser keeps an old file under a name it cached forever.
const SETTINGS: &str = "trangxa-images-3;jpeg-q80;graphic-jpeg-q80;png-best;webp-lossless";
const JPEG_QUALITY: u8 = 80;
/// A scaled-down graphic may go out as JPEG when that is lighter than PNG
/// (scaling turns a palette PNG into millions of colours); a higher quality
/// keeps its lettering clean.
const GRAPHIC_JPEG_QUALITY: u8 = 80;
/// Larger sources are refused rather than risk a build running out of memory.
const MAX_PIXELS: u64 = 50_000_000;

/// The result of the stage: the catalogue for templates, the files to copy
/// into the output (from the cache), and any problem with a source.
#[derive(Debug, Default)]
pub struct Processed {
    pub catalog: Catalog,
    pub files: Vec<StaticFile>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Whether a path names a raster image this stage can scale.
fn is_scalable(src: &str) -> bool {
    let lower = src.to_ascii_lowercase();
    src.starts_with('/')
        && !src.starts_with("//")
        && [".jpg", ".jpeg", ".png"].iter().any(|e| lower.ends_with(e))
}

/// Where a picture is first named, for an error about it.
struct Named<'s> {
    /// The content file.
    file: &'s Path,
    place: Place<'s>,
}

enum Place<'s> {
    /// A front matter field (`image`, `gallery`).
    Field(&'static str),
    /// The body of the file with this text.
    Body(&'s str),
}

/// Every scalable picture the site shows, by source path, with where it is
/// first named: front matter first, then bodies (of items, and of units that
/// have a page).
fn sources(site: &Site) -> BTreeMap<&str, Named<'_>> {
    let mut out = BTreeMap::new();
    for item in &site.items {
        let ItemKind::Article(a) = &item.kind else {
            continue;
        };
        let named = a
            .image
            .iter()
            .map(|i| (i, "image"))
            .chain(a.gallery.iter().map(|i| (i, "gallery")));
        for (img, field) in named {
            if is_scalable(&img.src) {
                out.entry(img.src.as_str()).or_insert(Named {
                    file: &item.source,
                    place: Place::Field(field),
                });
            }
        }
    }
    let bodies = site
        .items
        .iter()
        .map(|i| (&i.source, &i.text, &i.body))
        .chain(
            site.units
                .iter()
                .filter(|u| u.has_page())
                .map(|u| (&u.source, &u.text, &u.body)),
        );
    for (file, text, body) in bodies {
        for src in body.images.iter().filter(|s| is_scalable(s)) {
            out.entry(src.as_str()).or_insert(Named {
                file,
                place: Place::Body(text),
            });
        }
    }
    out
}

/// What `process` made of each source file, kept by `serve` between
/// rebuilds: a rebuild then neither reads nor hashes a picture whose file is
/// unchanged (same size and modification time). A build starts with an empty
/// one.
#[derive(Default)]
pub struct Memo {
    made: Mutex<HashMap<PathBuf, Made>>,
}

/// A source file's stamp and what was made of it.
type Made = (
    (SystemTime, u64),
    Result<(Responsive, Vec<PathBuf>), String>,
);

impl Memo {
    fn made(&self, file: &Path, cache: &Path) -> Result<(Responsive, Vec<PathBuf>), String> {
        let stamp = std::fs::metadata(file)
            .ok()
            .and_then(|m| Some((m.modified().ok()?, m.len())));
        let lock = || self.made.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(stamp) = stamp
            && let Some((s, r)) = lock().get(file)
            && *s == stamp
        {
            return r.clone();
        }
        let r = responsive(file, cache);
        if let Some(stamp) = stamp {
            lock().insert(file.to_path_buf(), (stamp, r.clone()));
        }
        r
    }

    /// Forget the files no picture of the site uses any more.
    fn keep(&self, used: &HashSet<&Path>) {
        let mut made = self.made.lock().unwrap_or_else(|p| p.into_inner());
        made.retain(|f, _| used.contains(f.as_path()));
    }
}

/// Make (or take from the cache) the variants of every picture the site
/// shows. Only files of `statics` are read: a picture a body names that is
/// not there stays a plain link, for the link check to report.
pub fn process(root: &Path, site: &Site, statics: &[StaticFile], memo: &Memo) -> Processed {
    let cache = root.join(".cache").join("images");
    let on_disk: HashMap<&str, &Path> = statics
        .iter()
        .map(|s| (s.rel.as_str(), s.source.as_path()))
        .collect();
    let wanted: Vec<(&str, &Path, Named)> = sources(site)
        .into_iter()
        .filter_map(|(src, named)| Some((src, *on_disk.get(&src[1..])?, named)))
        .collect();
    let results: Vec<(String, Result<(Responsive, Vec<PathBuf>), Diagnostic>)> = wanted
        .par_iter()
        .map(|(src, file, named)| {
            let r = memo.made(file, &cache).map_err(|msg| {
                let d = Diagnostic::error("E060", format!("không xử lý được ảnh `{src}`: {msg}"))
                    .in_file(named.file)
                    .hint("lưu lại ảnh dạng JPEG (ảnh chụp) hoặc PNG (đồ họa), rộng không quá vài nghìn điểm ảnh");
                match named.place {
                    Place::Field(field) => d.field(field),
                    Place::Body(text) => {
                        let (line, col) = markdown::image_position(text, src);
                        d.at(text, line, col)
                    }
                }
            });
            (src.to_string(), r)
        })
        .collect();
    memo.keep(&wanted.iter().map(|(_, file, _)| *file).collect());
    let mut out = Processed::default();
    let mut files: BTreeMap<String, PathBuf> = BTreeMap::new();
    for (src, r) in results {
        match r {
            Ok((resp, cached)) => {
                let variants = resp.fallback.iter().chain(resp.webp.iter());
                for (v, source) in variants.zip(cached) {
                    files.insert(v.path.clone(), source);
                }
                out.catalog.insert(src, resp);
            }
            Err(d) => out.diagnostics.push(d),
        }
    }
    out.files = files
        .into_iter()
        .map(|(rel, source)| StaticFile { source, rel })
        .collect();
    out
}

/// The cache key a variant or manifest file name starts with
/// (`3f2a9c1b4e7d8a90-800.jpg`, `3f2a9c1b4e7d8a90.json`, or a temporary
/// `3f2a9c1b4e7d8a90-800.tmp-123`).
fn key_of(file_name: &str) -> &str {
    file_name.split(['-', '.']).next().unwrap_or(file_name)
}

/// Remove from the cache every entry no picture of `catalog` uses: called
/// after a successful build, with that build's catalogue, so the cache holds
/// what the next build needs and no more. One listing of the folder; a file
/// that cannot be removed is left for the next build.
pub fn prune(root: &Path, catalog: &Catalog) {
    let cache = root.join(".cache").join("images");
    let used: HashSet<&str> = catalog
        .values()
        .flat_map(|r| r.fallback.iter().chain(r.webp.iter()))
        .map(|v| key_of(v.path.rsplit('/').next().unwrap_or(&v.path)))
        .collect();
    let Ok(entries) = std::fs::read_dir(&cache) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !used.contains(key_of(&name)) && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The variants of one source file and the cache files that hold them (in
/// the order fallback, then WebP).
fn responsive(file: &Path, cache: &Path) -> Result<(Responsive, Vec<PathBuf>), String> {
    let bytes = std::fs::read(file).map_err(|e| e.to_string())?;
    let mut hasher = blake3::Hasher::new();
    hasher.update(SETTINGS.as_bytes());
    hasher.update(&bytes);
    let key = hasher.finalize().to_hex()[..16].to_string();
    let manifest = cache.join(format!("{key}.json"));
    let cached_file = |v: &Variant| cache.join(v.path.rsplit('/').next().unwrap_or(&v.path));
    let listed = |r: &Responsive| -> Vec<PathBuf> {
        r.fallback
            .iter()
            .chain(r.webp.iter())
            .map(cached_file)
            .collect()
    };
    if let Some(r) = std::fs::read(&manifest)
        .ok()
        .and_then(|m| serde_json::from_slice::<Responsive>(&m).ok())
    {
        let files = listed(&r);
        if !r.fallback.is_empty() && files.iter().all(|f| f.is_file()) {
            return Ok((r, files));
        }
    }
    let (r, encoded) = encode(&bytes, &key)?;
    std::fs::create_dir_all(cache).map_err(|e| format!("không tạo được thư mục đệm: {e}"))?;
    let files = listed(&r);
    for (path, data) in files.iter().zip(&encoded) {
        write_atomic(path, data)?;
    }
    let json = serde_json::to_vec_pretty(&r).map_err(|e| e.to_string())?;
    write_atomic(&manifest, &json)?;
    Ok((r, files))
}

/// Write through a temporary name: parallel builds of two sites sharing a
/// cache, or a killed build, never leave half a file under the final name.
fn write_atomic(path: &Path, data: &[u8]) -> Result<(), String> {
    let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
    std::fs::write(&tmp, data)
        .and_then(|_| std::fs::rename(&tmp, path))
        .map_err(|e| format!("không ghi được tệp đệm `{}`: {e}", path.display()))
}

/// The widths to make for a source `width` pixels wide.
fn widths_for(width: u32) -> Vec<u32> {
    let top = width.min(WIDTHS[WIDTHS.len() - 1]);
    let mut w: Vec<u32> = WIDTHS.iter().copied().filter(|&w| w < top).collect();
    w.push(top);
    w
}

/// Decode, scale and encode one source. Returns the description and the
/// encoded bytes in the order fallback, then WebP.
fn encode(bytes: &[u8], key: &str) -> Result<(Responsive, Vec<Vec<u8>>), String> {
    let format =
        image::guess_format(bytes).map_err(|_| "không nhận ra định dạng ảnh".to_string())?;
    let png = match format {
        image::ImageFormat::Png => true,
        image::ImageFormat::Jpeg => false,
        other => return Err(format!("định dạng {other:?} chưa được hỗ trợ")),
    };
    let reader = image::ImageReader::with_format(Cursor::new(bytes), format);
    let (w0, h0) = reader
        .into_dimensions()
        .map_err(|e| format!("ảnh hỏng: {e}"))?;
    if u64::from(w0) * u64::from(h0) > MAX_PIXELS {
        return Err(format!("ảnh quá lớn ({w0}×{h0} điểm ảnh)"));
    }
    let decoded =
        image::load_from_memory_with_format(bytes, format).map_err(|e| format!("ảnh hỏng: {e}"))?;
    // 8-bit RGB, or RGBA when the source has transparency: what the encoders take.
    let source = if decoded.color().has_alpha() {
        DynamicImage::ImageRgba8(decoded.into_rgba8())
    } else {
        DynamicImage::ImageRgb8(decoded.into_rgb8())
    };
    let color: ExtendedColorType = source.color().into();
    let pixel_type = source
        .pixel_type()
        .ok_or_else(|| "kiểu điểm ảnh không hỗ trợ".to_string())?;
    let mut resizer = Resizer::new();
    let has_alpha = source.color().has_alpha();
    let jpeg = |pixels: &[u8], w: u32, h: u32, quality: u8| -> Result<Vec<u8>, String> {
        let mut out = Vec::new();
        JpegEncoder::new_with_quality(&mut out, quality)
            .write_image(pixels, w, h, color)
            .map_err(|e| format!("không mã hóa được ảnh: {e}"))?;
        Ok(out)
    };
    // Narrowest first: (width, height, fallback bytes and extension, WebP bytes).
    let mut encoded: Vec<(u32, u32, (Vec<u8>, &str), Vec<u8>)> = Vec::new();
    for w in widths_for(w0) {
        let h = ((u64::from(h0) * u64::from(w) + u64::from(w0) / 2) / u64::from(w0)).max(1) as u32;
        let pixels: Vec<u8> = if w == w0 {
            source.as_bytes().to_vec()
        } else {
            let mut dst = Buffer::new(w, h, pixel_type);
            resizer
                .resize(&source, &mut dst, None)
                .map_err(|e| format!("không thu nhỏ được ảnh: {e}"))?;
            dst.into_vec()
        };
        let main = if w == w0 {
            // Full size: the author's own file, however well they optimised it.
            (bytes.to_vec(), if png { "png" } else { "jpg" })
        } else if png {
            let mut out = Vec::new();
            PngEncoder::new_with_quality(&mut out, CompressionType::Best, FilterType::Adaptive)
                .write_image(&pixels, w, h, color)
                .map_err(|e| format!("không mã hóa được ảnh: {e}"))?;
            let as_jpeg = if has_alpha {
                None
            } else {
                Some(jpeg(&pixels, w, h, GRAPHIC_JPEG_QUALITY)?)
            };
            match as_jpeg {
                Some(j) if j.len() < out.len() => (j, "jpg"),
                _ => (out, "png"),
            }
        } else {
            (jpeg(&pixels, w, h, JPEG_QUALITY)?, "jpg")
        };
        // A lossless copy of a lossy photo carries all its noise: always
        // several times the JPEG, so it is only tried for PNG sources.
        let mut webp = Vec::new();
        if png {
            WebPEncoder::new_lossless(&mut webp)
                .write_image(&pixels, w, h, color)
                .map_err(|e| format!("không mã hóa được ảnh WebP: {e}"))?;
        }
        encoded.push((w, h, main, webp));
    }
    // A narrower file that is not lighter than a wider one is no use to a
    // phone (a scaled palette PNG can outweigh its source): drop it.
    let mut kept: Vec<(u32, u32, (Vec<u8>, &str), Vec<u8>)> = Vec::new();
    for e in encoded.into_iter().rev() {
        if kept.iter().all(|k| e.2.0.len() < k.2.0.len()) {
            kept.push(e);
        }
    }
    kept.reverse();
    let webp_wins = png
        && kept.iter().map(|e| e.3.len()).sum::<usize>()
            < kept.iter().map(|e| e.2.0.len()).sum::<usize>();
    let variant = |w: u32, ext: &str, bytes: usize| Variant {
        path: format!("static/img/{key}-{w}.{ext}"),
        width: w,
        bytes,
    };
    let (width, height) = kept.last().map(|e| (e.0, e.1)).unwrap_or((w0, h0));
    let mut r = Responsive {
        width,
        height,
        fallback: kept
            .iter()
            .map(|e| variant(e.0, e.2.1, e.2.0.len()))
            .collect(),
        webp: Vec::new(),
    };
    let mut files: Vec<Vec<u8>> = Vec::new();
    let mut webp_files = Vec::new();
    for (w, _, (main, _), webp) in kept {
        files.push(main);
        if webp_wins {
            r.webp.push(variant(w, "webp", webp.len()));
            webp_files.push(webp);
        }
    }
    files.extend(webp_files);
    Ok((r, files))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_never_exceed_the_source() {
        assert_eq!(widths_for(3000), [240, 480, 800, 1200]);
        assert_eq!(widths_for(1000), [240, 480, 800, 1000]);
        assert_eq!(widths_for(480), [240, 480]);
        assert_eq!(widths_for(200), [200]);
    }

    #[test]
    fn only_local_jpeg_and_png_are_scaled() {
        assert!(is_scalable("/files/a.JPG"));
        assert!(is_scalable("/files/b.png"));
        assert!(!is_scalable("/files/c.svg"));
        assert!(!is_scalable("https://example.vn/d.jpg"));
        assert!(!is_scalable("//example.vn/d.jpg"));
    }
}
