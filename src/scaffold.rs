//! `trangxa new`: create a well-named content file with a front matter
//! template that the staff only have to fill in.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, FixedOffset};

use crate::diagnostics::Diagnostic;
use crate::vi;

/// The kinds of content `new` can create, by their folder name.
pub const KINDS: &[&str] = &["tin-tuc", "trang", "van-ban", "don-vi"];

/// YAML-quote a title so `:` or `#` in it cannot break the front matter.
/// Whether a new file of `kind` starts as `status: draft` (units have no status).
pub fn starts_as_draft(kind: &str) -> bool {
    kind != "don-vi"
}

fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Create the file and return its path (relative to `root`).
pub fn new_content(
    root: &Path,
    kind: &str,
    title: &str,
    now: DateTime<FixedOffset>,
) -> Result<PathBuf, Diagnostic> {
    let title = vi::nfc(title.trim());
    let slug = vi::slugify(&title);
    if slug.is_empty() {
        return Err(
            Diagnostic::error("E022", "tiêu đề cần có ít nhất một chữ hoặc số")
                .hint("ví dụ: trangxa new tin-tuc \"Hướng dẫn nộp hồ sơ trực tuyến\""),
        );
    }
    let slug: String = slug
        .chars()
        .take(80)
        .collect::<String>()
        .trim_end_matches('-')
        .to_string();
    let stamp = now.format("%Y-%m-%dT%H:%M:00+07:00");
    let (rel, text) = match kind {
        "tin-tuc" => (
            PathBuf::from(format!(
                "content/tin-tuc/{}/{:02}/{slug}.md",
                now.year(),
                now.month()
            )),
            format!(
                "---\n\
title: {title}\n\
summary: \"\"                       # Tóm tắt 1–2 câu, hiện ở danh sách tin\n\
kind: tin                           # tin, tin_ngan, bai_viet, thong_bao, infographic, video, phong_su, anh, an_pham, guong_dien_hinh, hoi_dap\n\
sections: [tin-tuc]                 # chuyên mục; thêm cai-cach-hanh-chinh nếu là tin CCHC\n\
units: [phong-van-hoa-xa-hoi]       # đơn vị đầu tiên là cơ quan chủ trì, các đơn vị sau là phối hợp\n\
par_areas: []                       # lĩnh vực CCHC: chi_dao_dieu_hanh, the_che, thu_tuc_hanh_chinh, to_chuc_bo_may, che_do_cong_vu, tai_chinh_cong, chinh_quyen_so\n\
tags: []\n\
published_at: {stamp}\n\
status: draft                       # đổi thành published để đăng\n\
---\n\
\n\
Viết nội dung bài ở đây.\n",
                title = quote(&title)
            ),
        ),
        "trang" => (
            PathBuf::from(format!("content/trang/{slug}.md")),
            format!(
                "---\ntitle: {}\nsummary: \"\"\nstatus: draft                       # đổi thành published để đăng\n---\n\nViết nội dung trang ở đây.\n",
                quote(&title)
            ),
        ),
        "van-ban" => (
            PathBuf::from(format!("content/van-ban/{}/{slug}.md", now.year())),
            format!(
                "---\n\
doc_type: ke_hoach                  # quyet_dinh, ke_hoach, thong_bao, bao_cao, cong_van, …\n\
number: \"\"                          # Số, ví dụ \"135\"\n\
symbol: KH-UBND                     # Ký hiệu\n\
abstract: {title}\n\
issuer: Ủy ban nhân dân xã Canh Vinh\n\
issuer_level: xa\n\
issued_date: {day}\n\
legal_status: con_hieu_luc          # du_thao nếu là dự thảo\n\
units: [van-phong-hdnd-ubnd]\n\
signer: {{name: \"\", position: Chủ tịch, authority: tm, on_behalf_of: ỦY BAN NHÂN DÂN}}\n\
files: []                           # ví dụ [{{path: /files/van-ban/{year}/ten-tep.pdf, label: Bản PDF}}]\n\
status: draft                       # đổi thành published để đăng\n\
---\n",
                title = quote(&title),
                day = now.format("%Y-%m-%d"),
                year = now.year()
            ),
        ),
        "don-vi" => (
            PathBuf::from(format!("content/don-vi/{slug}.md")),
            format!(
                "---\nid: {slug}\nname: {}\nkind: co_quan_chuyen_mon           # chinh_quyen, co_quan_chuyen_mon, to_chuc_hanh_chinh, don_vi_su_nghiep, nganh_doc, cap_tren, co_quan_bao_chi, dia_ban, nhom\naliases: []\ncontact: {{address: \"\", phone: \"\", email: \"\"}}\n---\n\nChức năng, nhiệm vụ của đơn vị.\n",
                quote(&title)
            ),
        ),
        other => {
            return Err(
                Diagnostic::error("E022", format!("không có loại nội dung `{other}`"))
                    .hint(format!("các loại: {}", KINDS.join(", "))),
            );
        }
    };
    let path = root.join(&rel);
    if path.exists() {
        return Err(Diagnostic::error(
            "E022",
            format!("tệp `{}` đã có; không ghi đè", rel.display()),
        )
        .hint("đặt tiêu đề khác, hoặc mở tệp đó để sửa"));
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| {
            Diagnostic::error(
                "E001",
                format!("không tạo được thư mục `{}`: {e}", dir.display()),
            )
        })?;
    }
    std::fs::write(&path, text).map_err(|e| {
        Diagnostic::error("E001", format!("không ghi được `{}`: {e}", rel.display()))
    })?;
    Ok(rel)
}
