//! `trangxa new`: create a well-named content file with a front matter
//! template that the staff only have to fill in.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, FixedOffset};

use crate::diagnostics::Diagnostic;
use crate::vi;

/// The kinds of content `new` can create, by their folder name.
pub const KINDS: &[&str] = &[
    "tin-tuc",
    "trang",
    "van-ban",
    "ke-hoach",
    "thu-tuc",
    "don-vi",
    "hoat-dong",
];

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
    // The site's own name for the issuer and its first procedure field:
    // nothing of the sample commune goes into another commune's files.
    let config = crate::config::SiteConfig::load(root).ok();
    let owner = config
        .as_ref()
        .map_or("Ủy ban nhân dân xã".to_string(), |c| c.owner.clone());
    if kind == "thu-tuc" {
        let field = config
            .as_ref()
            .and_then(|c| c.procedure_fields.first().cloned())
            .unwrap_or_else(|| "Hộ tịch".into());
        return procedure(root, &title, &field, now);
    }
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
issuer: {owner}\n\
issuer_level: xa\n\
issued_date: {day}\n\
legal_status: con_hieu_luc          # du_thao nếu là dự thảo\n\
units: [van-phong-hdnd-ubnd]\n\
signer: {{name: \"\", position: Chủ tịch, authority: tm, on_behalf_of: ỦY BAN NHÂN DÂN}}\n\
files: []                           # ví dụ [{{path: /files/van-ban/{year}/ten-tep.pdf, label: Bản PDF}}]\n\
status: draft                       # đổi thành published để đăng\n\
---\n",
                title = quote(&title),
                owner = quote(&owner),
                day = now.format("%Y-%m-%d"),
                year = now.year()
            ),
        ),
        "ke-hoach" => (
            PathBuf::from(format!("content/ke-hoach/{}/{slug}.md", now.year())),
            format!(
                r#"---
doc_type: ke_hoach
number: ""                          # Số, ví dụ "12"
symbol: KH-UBND
abstract: {title}
issuer: {owner}
issuer_level: xa
issued_date: {day}
legal_status: du_thao               # con_hieu_luc khi đã ban hành
units: [phong-van-hoa-xa-hoi]       # đơn vị chủ trì
year: {year}
period:
  from: {year}-01-01
  to: {year}-12-31
campaign_kind: tuyen_truyen         # tuyen_truyen, cai_cach_hanh_chinh, chuyen_doi_so, khac
# Danh mục hoạt động (Phụ lục): mỗi hoạt động một mục, đánh số 1, 2, 3…
activities:
  - item_no: "1"
    task: "(Đang cập nhật)"         # nội dung hoạt động
    lead_units: [phong-van-hoa-xa-hoi]
    timeframe:
      kind: thuong_xuyen            # thuong_xuyen, dinh_ky, moc, khoang
      text: Thường xuyên
status: draft                       # đổi thành published để đăng
---

Nội dung kế hoạch: mục đích, yêu cầu; nội dung, hình thức; kinh phí; tổ chức thực hiện.
"#,
                title = quote(&title),
                owner = quote(&owner),
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
        // An offline activity: counted only once `plan_activities` names what
        // it carries out, so a half-filled file changes no report.
        "hoat-dong" => (
            PathBuf::from(format!("content/hoat-dong/{}/{slug}.md", now.year())),
            format!(
                "---\n\
title: {title}\n\
kind: hoi_nghi                      # hoi_nghi, phat_thanh, toa_dam, pano_ap_phich, cuoc_thi, tap_huan, doi_thoai, khac\n\
date: {day}                    # ngày diễn ra; thêm end_date: nếu kéo dài nhiều ngày\n\
units: [phong-van-hoa-xa-hoi]       # đơn vị đầu tiên là cơ quan chủ trì, các đơn vị sau là phối hợp\n\
plan_activities: []                 # nhiệm vụ của kế hoạch, ví dụ [ke-hoach/{year}/tuyen-truyen-cchc#1]; chưa ghi thì chưa được tính\n\
location: \"\"\n\
# participants: 50                  # số người tham dự\n\
# broadcasts: 12                    # số lượt phát, số pano, áp phích\n\
evidence: []                        # ảnh, biên bản PDF, ví dụ [{{path: /files/{year}/bien-ban.pdf, label: Biên bản}}]\n\
public: true                        # false: chỉ tính trong báo cáo, không hiện trên trang\n\
summary: \"\"\n\
---\n\
\n\
Ghi chú thêm (không đăng lên trang).\n",
                title = quote(&title),
                day = now.format("%Y-%m-%d"),
                year = now.year()
            ),
        ),
        other => {
            return Err(
                Diagnostic::error("E022", format!("không có loại nội dung `{other}`"))
                    .hint(format!("các loại: {}", KINDS.join(", "))),
            );
        }
    };
    write_new(root, rel, &text)
}

/// A procedure record to fill in: `title` starts with its national code
/// ("1.001193 Đăng ký khai sinh"), which names the file.
fn procedure(
    root: &Path,
    title: &str,
    field: &str,
    now: DateTime<FixedOffset>,
) -> Result<PathBuf, Diagnostic> {
    let (code, name) = title.split_once(' ').unwrap_or((title, ""));
    let code = match crate::content::types::ProcedureCode::parse(code) {
        Ok(c) if !name.trim().is_empty() => c.0,
        _ => {
            return Err(Diagnostic::error(
                "E143",
                "thủ tục hành chính cần mã và tên: mã của Cơ sở dữ liệu quốc gia rồi đến tên thủ tục",
            )
            .hint("ví dụ: `trangxa new thu-tuc \"1.001193 Đăng ký khai sinh\"`; nhiều thủ tục thì dùng `trangxa import thu-tuc`"));
        }
    };
    let text = format!(
        r#"---
code: '{code}'
title: {title}
levels: [cap_xa]
field: {field}                      # một lĩnh vực trong procedure_fields của site.yaml
steps:
  - "Bước 1: (Đang cập nhật)"
channels:
  - method: truc_tiep               # truc_tiep, truc_tuyen, buu_chinh
    processing_time:
      text: "(Đang cập nhật)"       # ví dụ "03 ngày làm việc"
    fees:
      - kind: le_phi                # le_phi hoặc phi
        text: "Lệ phí: (Đang cập nhật)"
dossier:
  - items:
      - name: "(Đang cập nhật)"     # mỗi giấy tờ một mục
        originals: 1
    sets: 1
applicants:
  - Công dân Việt Nam
implementing_agency: Ủy ban nhân dân cấp xã
results:
  - "(Đang cập nhật)"
legal_basis:
  - number: "(Đang cập nhật)"       # số ký hiệu, ví dụ 60/2014/QH13
online_level: khong                 # khong, mot_phan, toan_trinh (khi có, thêm online_url)
units: [trung-tam-phuc-vu-hanh-chinh-cong]
legal_status: con_hieu_luc
source:
  kind: thu_cong
  retrieved_at: {day}
  verified: false
status: draft                       # đổi thành published để đăng
---
"#,
        title = quote(name.trim()),
        field = quote(field),
        day = now.format("%Y-%m-%d"),
    );
    write_new(
        root,
        PathBuf::from(format!("content/thu-tuc/{code}.md")),
        &text,
    )
}

/// Write a new file, never over an existing one.
fn write_new(root: &Path, rel: PathBuf, text: &str) -> Result<PathBuf, Diagnostic> {
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
