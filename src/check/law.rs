//! What the law asks of the site as a whole and `site.yaml` does not yet give:
//! the EMC monitoring tag every state e-information page carries, the link
//! where citizens rate their satisfaction (NĐ 224/2026 Điều 10), and the deep
//! link to each procedure on the public-service portal. Each is a warning: the
//! site still builds, and the officer learns what to ask for and where it goes.

use crate::diagnostics::Diagnostic;
use crate::render::procedures::is_portal_home;
use crate::site::{ItemKind, Site};

pub fn warnings(site: &Site) -> Vec<Diagnostic> {
    let config = &site.config;
    let mut out = Vec::new();
    let blank = |v: &Option<String>| v.as_deref().is_none_or(|s| s.trim().is_empty());
    if blank(&config.emc_snippet) {
        out.push(
            Diagnostic::warning(
                "W181",
                "trang chưa gắn mã theo dõi của Hệ thống giám sát, đo lường mức độ cung cấp và sử dụng dịch vụ Chính phủ số (EMC)",
            )
            .in_file("site.yaml")
            .field("emc_snippet")
            .hint("đăng ký trang với Cục Chuyển đổi số quốc gia, rồi dán đoạn mã được cấp vào `emc_snippet: '<script …></script>'` trong site.yaml"),
        );
    }
    if config
        .feedback_endpoint
        .as_ref()
        .is_none_or(|u| u.trim().is_empty())
    {
        out.push(
            Diagnostic::warning(
                "W182",
                "trang chưa có đường dẫn để người dân đánh giá mức độ hài lòng (Nghị định 224/2026/NĐ-CP, Điều 10)",
            )
            .in_file("site.yaml")
            .field("feedback_endpoint")
            .hint("thêm `feedback_endpoint: https://…` (trang đánh giá của Cổng Dịch vụ công hoặc của tỉnh) vào site.yaml"),
        );
    }
    let pattern = config
        .dvc_urls
        .as_ref()
        .and_then(|d| d.procedure.as_ref().map(|u| u.as_str()));
    match pattern {
        Some(p) if !p.contains("{code}") => out.push(
            Diagnostic::warning(
                "W184",
                format!("địa chỉ thủ tục trên Cổng Dịch vụ công `{p}` không có chỗ cho mã thủ tục"),
            )
            .in_file("site.yaml")
            .field("dvc_urls")
            .hint("viết `{code}` vào chỗ của mã thủ tục, ví dụ `procedure: https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc={code}`"),
        ),
        Some(_) => {}
        None => {
            // Procedures whose online button would lead to a portal's home page.
            let homes: Vec<&str> = site
                .procedures
                .all
                .iter()
                .filter_map(|&i| match &site.items[i].kind {
                    ItemKind::Procedure(p)
                        if p.legal_status.in_force()
                            && p.online_url.as_deref().is_some_and(is_portal_home) =>
                    {
                        Some(p.code.0.as_str())
                    }
                    _ => None,
                })
                .collect();
            if !homes.is_empty() {
                out.push(
                    Diagnostic::warning(
                        "W185",
                        format!(
                            "nút “Nộp hồ sơ trực tuyến” của {} thủ tục ({}) dẫn đến trang chủ Cổng Dịch vụ công, người dân phải tìm lại thủ tục",
                            homes.len(),
                            homes.join(", ")
                        ),
                    )
                    .in_file("site.yaml")
                    .field("dvc_urls")
                    .hint("thêm vào `dvc_urls` mẫu địa chỉ của một thủ tục, ví dụ `procedure: https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc={code}`"),
                );
            }
        }
    }
    out
}
