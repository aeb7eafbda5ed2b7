//! The editor's pages. Everything shown is escaped here (titles, values and
//! messages come from files anyone can write); the pages need no script to
//! list, open and save, the script (`assets/editor.js`) adds the live
//! preview, the toolbar and picture upload.

use super::fields::{Choices, Field, Widget};
use crate::diagnostics::{Diagnostic, Lang};
use crate::serve::reload::escape;

/// The frame of every editor page.
pub fn page(title: &str, csrf: &str, main: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta name=\"trangxa-csrf\" content=\"{csrf}\">\n<title>{t} – Biên tập</title>\n\
<link rel=\"stylesheet\" href=\"/_bien-tap/tai-nguyen/editor.css\">\n\
<script src=\"/_bien-tap/tai-nguyen/editor.js\" defer></script>\n</head>\n<body>\n\
<a class=\"skip\" href=\"#chinh\">Bỏ qua, tới nội dung chính</a>\n\
<header class=\"top\"><nav aria-label=\"Biên tập\"><a href=\"/_bien-tap/\">Danh sách nội dung</a> \
<a href=\"/\">Xem trang</a></nav></header>\n\
<main id=\"chinh\" tabindex=\"-1\">\n{main}</main>\n</body>\n</html>\n",
        csrf = escape(csrf),
        t = escape(title),
    )
}

/// One row of the content list.
pub struct Row {
    /// Content-relative path (`tin-tuc/2026/03/a.md`).
    pub rel: String,
    pub title: String,
    pub unit: String,
    pub status: String,
    /// `2026-03`, or empty.
    pub month: String,
    pub broken: bool,
}

/// A month as staff write it: `2026-03` → `03/2026` (the list keeps
/// `2026-03`, which sorts, only when it is checked to be that shape).
pub fn month_label(month: &str) -> String {
    match (month.get(..4), month.get(5..)) {
        (Some(year), Some(m)) if month.len() == 7 => format!("{m}/{year}"),
        _ => month.to_string(),
    }
}

/// The kinds of content, by folder, with the label of their list and of
/// their "new" link: the one list of the folders the editor works in
/// (`paths` refuses any other).
pub const KINDS: &[(&str, &str, &str)] = &[
    ("tin-tuc", "Tin bài", "Tin bài mới"),
    ("van-ban", "Văn bản", "Văn bản mới"),
    ("thu-tuc", "Thủ tục hành chính", "Thủ tục mới"),
    ("ke-hoach", "Kế hoạch", "Kế hoạch mới"),
    ("hoat-dong", "Hoạt động", "Hoạt động mới"),
    ("don-vi", "Đơn vị", "Đơn vị mới"),
    ("trang", "Trang", "Trang mới"),
];

/// What the list is filtered by.
#[derive(Debug, Default, serde::Deserialize)]
pub struct Filters {
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub loai: String,
    #[serde(default)]
    pub don_vi: String,
    #[serde(default)]
    pub trang_thai: String,
    #[serde(default)]
    pub thang: String,
}

fn options(list: &[(String, String)], chosen: &str, empty: &str) -> String {
    let mut s = format!("<option value=\"\">{}</option>", escape(empty));
    for (id, label) in list {
        s.push_str(&format!(
            "<option value=\"{}\"{}>{}</option>",
            escape(id),
            if id == chosen { " selected" } else { "" },
            escape(label)
        ));
    }
    s
}

fn status_label(id: &str) -> &str {
    crate::vocab::Status::ALL
        .iter()
        .find(|s| s.id() == id)
        .map(|s| s.label())
        .unwrap_or(id)
}

/// The home of the editor: content by kind, with search and filters.
pub fn list(
    rows_by_kind: &[(&str, Vec<&Row>)],
    f: &Filters,
    units: &[(String, String)],
    months: &[(String, String)],
    creatable: &[&str],
) -> String {
    let kinds: Vec<(String, String)> = KINDS
        .iter()
        .map(|(k, l, _)| (k.to_string(), l.to_string()))
        .collect();
    let statuses: Vec<(String, String)> = crate::vocab::Status::ALL
        .iter()
        .map(|s| (s.id().to_string(), s.label().to_string()))
        .collect();
    let mut m = String::from("<h1>Nội dung của trang</h1>\n<p class=\"new\">");
    for (folder, _, new) in KINDS {
        if creatable.contains(folder) {
            m.push_str(&format!(
                "<a class=\"button\" href=\"/_bien-tap/moi?loai={folder}\">{}</a> ",
                escape(new)
            ));
        }
    }
    m.push_str(
        "</p>\n<form class=\"filters\" method=\"get\" action=\"/_bien-tap/\" role=\"search\">\n",
    );
    m.push_str(&format!(
        "<p><label for=\"q\">Tìm theo tiêu đề</label><input id=\"q\" name=\"q\" type=\"search\" value=\"{}\"></p>\n",
        escape(&f.q)
    ));
    for (id, label, list, chosen, empty) in [
        ("loai", "Loại", &kinds, &f.loai, "Mọi loại"),
        ("don_vi", "Đơn vị", &units.to_vec(), &f.don_vi, "Mọi đơn vị"),
        (
            "trang_thai",
            "Trạng thái",
            &statuses,
            &f.trang_thai,
            "Mọi trạng thái",
        ),
        ("thang", "Tháng", &months.to_vec(), &f.thang, "Mọi tháng"),
    ] {
        m.push_str(&format!(
            "<p><label for=\"{id}\">{label}</label><select id=\"{id}\" name=\"{id}\">{}</select></p>\n",
            options(list, chosen, empty)
        ));
    }
    m.push_str("<p><button type=\"submit\">Lọc</button></p>\n</form>\n");
    let total: usize = rows_by_kind.iter().map(|(_, r)| r.len()).sum();
    m.push_str(&format!("<p role=\"status\">{total} mục.</p>\n"));
    for (folder, rows) in rows_by_kind {
        let label = KINDS
            .iter()
            .find(|(k, _, _)| k == folder)
            .map(|(_, l, _)| *l)
            .unwrap_or(folder);
        m.push_str(&format!(
            "<section aria-labelledby=\"k-{folder}\"><h2 id=\"k-{folder}\">{} ({})</h2>\n",
            escape(label),
            rows.len()
        ));
        if rows.is_empty() {
            m.push_str("<p>Không có mục nào.</p></section>\n");
            continue;
        }
        m.push_str("<ul class=\"entries\">\n");
        for r in rows {
            let mut meta = Vec::new();
            if !r.unit.is_empty() {
                meta.push(escape(&r.unit));
            }
            if !r.status.is_empty() {
                meta.push(escape(status_label(&r.status)));
            }
            if !r.month.is_empty() {
                meta.push(escape(&month_label(&r.month)));
            }
            if r.broken {
                meta.push("<strong class=\"bad\">có lỗi</strong>".into());
            }
            m.push_str(&format!(
                "<li><a href=\"/_bien-tap/sua?tep={}\">{}</a> <span class=\"meta\">{}</span></li>\n",
                escape(&url_encode(&r.rel)),
                escape(&r.title),
                meta.join(" · ")
            ));
        }
        m.push_str("</ul></section>\n");
    }
    m
}

/// Percent-encode a query value.
pub fn url_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_./~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// What a form page shows.
pub struct FormView<'a> {
    pub heading: String,
    pub folder: &'a str,
    /// The file, when it exists.
    pub rel: Option<&'a str>,
    /// Hash of the file as opened (refuses a save over a later change).
    pub base: &'a str,
    pub csrf: &'a str,
    /// The fields, or `None` to edit the front matter as text.
    pub fields: Option<&'a [Field]>,
    pub value: &'a dyn Fn(&Field) -> Vec<String>,
    pub raw_yaml: &'a str,
    pub body: &'a str,
    pub diags: &'a [Diagnostic],
    pub units: &'a [(String, String)],
    pub sections: &'a [(String, String)],
    /// Plan appendix rows: (`ke-hoach/2026/x#4.2`, label).
    pub activities: &'a [(String, String)],
    /// Procedures (code, "code — title") and documents (key, title).
    pub procedures: &'a [(String, String)],
    pub documents: &'a [(String, String)],
    /// The procedure fields (lĩnh vực) of `site.yaml`.
    pub procedure_fields: &'a [(String, String)],
    pub words: &'a [String],
    pub notice: Option<&'a str>,
    pub view_url: Option<&'a str>,
    /// The file on disk and what this save would have written.
    pub conflict: Option<(&'a str, &'a str)>,
}

fn diag_text(d: &Diagnostic) -> String {
    let d = d.localized(Lang::Vi);
    let mut s = format!("{} [{}]", d.message, d.code);
    if let Some(line) = d.line {
        s = format!("dòng {line}: {s}");
    }
    if let Some(h) = &d.hint {
        s.push_str(&format!(" — {h}"));
    }
    s
}

/// The first form control of a front matter key (for the summary's links).
fn anchor_of(fields: Option<&[Field]>, key: Option<&str>) -> String {
    let field = key.and_then(|k| fields?.iter().find(|f| f.key == k));
    match field {
        Some(f) if matches!(f.widget, Widget::Image) => "f-image_alt".into(),
        Some(f) => format!("f-{}", f.name),
        None => "f-noi_dung".into(),
    }
}

pub fn form(v: &FormView) -> String {
    let mut m = format!("<h1>{}</h1>\n", escape(&v.heading));
    if let Some(n) = v.notice {
        m.push_str(&format!(
            "<p class=\"notice\" role=\"status\">{}",
            escape(n)
        ));
        if let Some(u) = v.view_url {
            m.push_str(&format!(
                " <a href=\"{}\">Xem bài trên trang xem trước</a>",
                escape(u)
            ));
        }
        m.push_str("</p>\n");
    }
    let mut sorted: Vec<&Diagnostic> = v.diags.iter().collect();
    sorted.sort_by_key(|d| !d.is_error());
    if !sorted.is_empty() {
        let errors = sorted.iter().filter(|d| d.is_error()).count();
        m.push_str(&format!(
            "<div class=\"summary\" role=\"alert\" tabindex=\"-1\" id=\"tom-tat-loi\"><h2>{}</h2><ul>\n",
            if errors > 0 {
                format!("Chưa lưu: {errors} lỗi cần sửa")
            } else {
                "Đã lưu, có điều nên xem lại".to_string()
            }
        ));
        for d in &sorted {
            m.push_str(&format!(
                "<li class=\"{}\"><a href=\"#{}\">{}</a></li>\n",
                if d.is_error() { "error" } else { "warning" },
                anchor_of(v.fields, d.field.as_deref()),
                escape(&diag_text(d))
            ));
        }
        m.push_str("</ul></div>\n");
    }
    if let Some((disk, ours)) = v.conflict {
        m.push_str(
            "<div class=\"summary\" role=\"alert\"><h2>Tệp đã bị sửa ở nơi khác sau khi bạn mở</h2>\
<p>Chưa lưu gì. Dưới đây là cả hai bản: chép phần cần giữ, rồi mở lại tệp để sửa tiếp.</p>\n",
        );
        m.push_str(&format!(
            "<h3>Bản đang có trên máy</h3><pre class=\"version\" tabindex=\"0\">{}</pre>\n<h3>Bản của bạn (chưa lưu)</h3><pre class=\"version\" tabindex=\"0\">{}</pre></div>\n",
            escape(disk),
            escape(ours)
        ));
    }
    m.push_str("<form method=\"post\" action=\"/_bien-tap/luu\" class=\"editor\" novalidate>\n");
    m.push_str(&format!(
        "<input type=\"hidden\" name=\"_csrf\" value=\"{}\">\n<input type=\"hidden\" name=\"loai\" value=\"{}\">\n<input type=\"hidden\" name=\"tep\" value=\"{}\">\n<input type=\"hidden\" name=\"goc\" value=\"{}\">\n",
        escape(v.csrf),
        escape(v.folder),
        escape(v.rel.unwrap_or("")),
        escape(v.base)
    ));
    if !v.words.is_empty() {
        m.push_str("<datalist id=\"tu-khoa\">");
        for w in v.words {
            m.push_str(&format!("<option value=\"{}\">", escape(w)));
        }
        m.push_str("</datalist>\n");
    }
    match v.fields {
        Some(fields) => {
            for f in fields {
                let problems: Vec<&&Diagnostic> = sorted
                    .iter()
                    .filter(|d| {
                        d.field.as_deref() == Some(f.key)
                            && fields.iter().find(|g| g.key == f.key).map(|g| g.name)
                                == Some(f.name)
                    })
                    .collect();
                m.push_str(&field_html(f, &(v.value)(f), &problems, v));
            }
        }
        None => {
            let problems: Vec<&&Diagnostic> = sorted.iter().filter(|d| d.field.is_some()).collect();
            m.push_str(&format!(
                "<div class=\"field\"><label for=\"f-front_matter\">Thông tin của tệp (YAML)</label>\
<p class=\"help\" id=\"h-front_matter\">Loại nội dung này chưa có biểu mẫu riêng: sửa trực tiếp các dòng “tên: giá trị”.</p>{}\
<textarea id=\"f-front_matter\" name=\"front_matter\" rows=\"16\" spellcheck=\"false\" aria-describedby=\"h-front_matter\">\n{}</textarea></div>\n",
                errors_html("front_matter", &problems),
                escape(v.raw_yaml)
            ));
        }
    }
    let body_problems: Vec<&&Diagnostic> = sorted
        .iter()
        .filter(|d| d.field.is_none() && d.line.is_some())
        .collect();
    m.push_str(&format!(
        "<div class=\"field body\"><label for=\"f-noi_dung\">Nội dung</label>\
<p class=\"help\" id=\"h-noi_dung\">Viết theo Markdown: ## Tiêu đề mục, **chữ đậm**, - gạch đầu dòng, [chữ](địa chỉ).</p>{}\
<div class=\"toolbar\" role=\"toolbar\" aria-label=\"Định dạng nội dung\" hidden>\
<button type=\"button\" data-md=\"heading\">Tiêu đề mục</button>\
<button type=\"button\" data-md=\"bold\">Đậm</button>\
<button type=\"button\" data-md=\"list\">Danh sách</button>\
<button type=\"button\" data-md=\"link\">Liên kết</button>\
<button type=\"button\" data-md=\"table\">Bảng</button>\
<button type=\"button\" data-md=\"picture\">Ảnh</button></div>\
<p class=\"upload\" hidden><label for=\"f-attachment\">Đính kèm tệp PDF, Word, Excel vào nội dung</label>\
<input id=\"f-attachment\" type=\"file\" accept=\".pdf,.docx,.xlsx,application/pdf\"></p>\
<p id=\"attach-status\" role=\"status\"></p>\
<div class=\"split\"><textarea id=\"f-noi_dung\" name=\"noi_dung\" rows=\"20\" aria-describedby=\"h-noi_dung\">\n{}</textarea>\
<section class=\"preview\" aria-labelledby=\"xt\" hidden><h2 id=\"xt\">Xem trước nội dung</h2><div id=\"xem-truoc\" aria-live=\"polite\"></div></section></div></div>\n",
        errors_html("noi_dung", &body_problems),
        escape(v.body)
    ));
    m.push_str("<p class=\"actions\"><button type=\"submit\" class=\"primary\">Lưu</button> <a href=\"/_bien-tap/\">Quay lại danh sách</a></p>\n</form>\n");
    m
}

fn errors_html(name: &str, problems: &[&&Diagnostic]) -> String {
    if problems.is_empty() {
        return String::new();
    }
    let mut s = format!("<ul class=\"problems\" id=\"e-{name}\">");
    for d in problems {
        s.push_str(&format!(
            "<li class=\"{}\">{}{}</li>",
            if d.is_error() { "error" } else { "warning" },
            if d.is_error() { "Lỗi: " } else { "Lưu ý: " },
            escape(&diag_text(d))
        ));
    }
    s.push_str("</ul>");
    s
}

fn choices(c: Choices, v: &FormView) -> Vec<(String, String)> {
    match c {
        Choices::Vocab(list) => list()
            .into_iter()
            .map(|(id, l)| (id.to_string(), l.to_string()))
            .collect(),
        Choices::Units => v.units.to_vec(),
        Choices::Sections => v.sections.to_vec(),
        Choices::PlanActivities => v.activities.to_vec(),
        Choices::Procedures => v.procedures.to_vec(),
        Choices::Documents => v.documents.to_vec(),
        Choices::ProcedureFields => v.procedure_fields.to_vec(),
    }
}

/// One field: label, help, its problems, the control.
fn field_html(f: &Field, values: &[String], problems: &[&&Diagnostic], v: &FormView) -> String {
    let name = f.name;
    let id = format!("f-{name}");
    let mut described = Vec::new();
    if !f.help.is_empty() {
        described.push(format!("h-{name}"));
    }
    if !problems.is_empty() {
        described.push(format!("e-{name}"));
    }
    let aria = format!(
        "{}{}",
        if described.is_empty() {
            String::new()
        } else {
            format!(" aria-describedby=\"{}\"", described.join(" "))
        },
        if problems.iter().any(|d| d.is_error()) {
            " aria-invalid=\"true\""
        } else {
            ""
        }
    );
    let help = if f.help.is_empty() {
        String::new()
    } else {
        format!("<p class=\"help\" id=\"h-{name}\">{}</p>", escape(f.help))
    };
    let errs = errors_html(name, problems);
    let first = values.first().map(String::as_str).unwrap_or("");
    let label = escape(f.label);
    let simple = |control: String| {
        format!(
            "<div class=\"field\"><label for=\"{id}\">{label}</label>{help}{errs}{control}</div>\n"
        )
    };
    match f.widget {
        Widget::Text => simple(format!(
            "<input id=\"{id}\" name=\"{name}\" type=\"text\" value=\"{}\"{aria}>",
            escape(first)
        )),
        Widget::LongText => simple(format!(
            "<textarea id=\"{id}\" name=\"{name}\" rows=\"3\"{aria}>\n{}</textarea>",
            escape(first)
        )),
        Widget::Lines => simple(format!(
            "<textarea id=\"{id}\" name=\"{name}\" rows=\"{}\"{aria}>\n{}</textarea>",
            (first.lines().count() + 1).clamp(3, 12),
            escape(first)
        )),
        // Monospaced, not spell-checked, tall enough for the whole part.
        Widget::Yaml => simple(format!(
            "<textarea id=\"{id}\" name=\"{name}\" class=\"yaml\" spellcheck=\"false\" rows=\"{}\"{aria}>\n{}</textarea>",
            (first.lines().count() + 1).clamp(4, 30),
            escape(first)
        )),
        Widget::Words => simple(format!(
            "<input id=\"{id}\" name=\"{name}\" type=\"text\" list=\"tu-khoa\" value=\"{}\"{aria}>",
            escape(first)
        )),
        // A stored value the picker cannot show (a partial date, a typo) is
        // shown as text: a picker would drop it and the save would lose it.
        Widget::DateTime => simple(format!(
            "<input id=\"{id}\" name=\"{name}\" type=\"{}\" step=\"1\" value=\"{}\"{aria}>",
            picker_or_text(
                first,
                "datetime-local",
                &["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"]
            ),
            escape(first)
        )),
        Widget::Date => simple(format!(
            "<input id=\"{id}\" name=\"{name}\" type=\"{}\" value=\"{}\"{aria}>",
            picker_or_text(first, "date", &["%Y-%m-%d"]),
            escape(first)
        )),
        Widget::Bool => format!(
            "<div class=\"field check\">{help}{errs}<input id=\"{id}\" name=\"{name}\" type=\"checkbox\" value=\"true\"{}{aria}> <label for=\"{id}\">{label}</label></div>\n",
            if first == "true" { " checked" } else { "" }
        ),
        Widget::Select(c) => simple(select(&id, name, &choices(c, v), first, &aria)),
        Widget::LeadUnit => simple(select(&id, name, v.units, first, &aria)),
        Widget::Checks(c) => checks(f, &choices(c, v), values, &help, &errs, &aria),
        Widget::PartnerUnits => checks(f, v.units, values, &help, &errs, &aria),
        Widget::Image => image(f, values, &help, &errs, &aria),
        Widget::Parts(parts) => {
            let mut s = format!(
                "<fieldset class=\"field parts\" id=\"f-{name}\" tabindex=\"-1\"{}><legend>{label}</legend>{help}{errs}",
                aria.replace(" aria-invalid=\"true\"", "")
            );
            for (i, (sub, sub_label)) in parts.iter().enumerate() {
                let control = super::fields::part_name(f, sub);
                s.push_str(&format!(
                    "<p><label for=\"f-{control}\">{}</label><input id=\"f-{control}\" name=\"{control}\" type=\"text\" value=\"{}\"></p>",
                    escape(sub_label),
                    escape(values.get(i).map(String::as_str).unwrap_or(""))
                ));
            }
            s.push_str("</fieldset>\n");
            s
        }
    }
}

fn picker_or_text(value: &str, picker: &'static str, formats: &[&str]) -> &'static str {
    let fits = value.is_empty()
        || formats.iter().any(|f| {
            chrono::NaiveDateTime::parse_from_str(value, f).is_ok()
                || chrono::NaiveDate::parse_from_str(value, f).is_ok()
        });
    if fits { picker } else { "text" }
}

fn select(id: &str, name: &str, list: &[(String, String)], chosen: &str, aria: &str) -> String {
    let mut list = list.to_vec();
    // A value the list does not know is still shown (and kept).
    if !chosen.is_empty() && !list.iter().any(|(i, _)| i == chosen) {
        list.push((chosen.to_string(), chosen.to_string()));
    }
    format!(
        "<select id=\"{id}\" name=\"{name}\"{aria}>{}</select>",
        options(&list, chosen, "— Chọn —")
    )
}

fn checks(
    f: &Field,
    list: &[(String, String)],
    chosen: &[String],
    help: &str,
    errs: &str,
    aria: &str,
) -> String {
    let mut list = list.to_vec();
    for c in chosen {
        if !list.iter().any(|(i, _)| i == c) {
            list.push((c.clone(), c.clone()));
        }
    }
    let name = f.name;
    // A group takes no aria-invalid; its messages are linked all the same.
    let aria = aria.replace(" aria-invalid=\"true\"", "");
    let mut s = format!(
        "<fieldset class=\"field checks\" id=\"f-{name}\" tabindex=\"-1\"{aria}><legend>{}</legend>{help}{errs}<div class=\"options\">",
        escape(f.label)
    );
    for (i, (id, label)) in list.iter().enumerate() {
        s.push_str(&format!(
            "<label><input type=\"checkbox\" name=\"{name}\" id=\"f-{name}-{i}\" value=\"{}\"{}> {}</label>",
            escape(id),
            if chosen.contains(id) { " checked" } else { "" },
            escape(label)
        ));
    }
    s.push_str("</div></fieldset>\n");
    s
}

fn image(f: &Field, values: &[String], help: &str, errs: &str, aria: &str) -> String {
    let src = values.first().map(String::as_str).unwrap_or("");
    let alt = values.get(1).map(String::as_str).unwrap_or("");
    let thumb = if src.is_empty() {
        String::new()
    } else {
        format!("<img class=\"thumb\" src=\"{}\" alt=\"\">", escape(src))
    };
    format!(
        "<fieldset class=\"field image\" id=\"f-image\"><legend>{}</legend>{help}{errs}\
<p class=\"upload\" hidden><label for=\"f-image_file\">Chọn ảnh để tải lên</label>\
<input id=\"f-image_file\" type=\"file\" accept=\"image/jpeg,image/png,image/webp\"></p>\
<p id=\"upload-status\" role=\"status\"></p>{thumb}\
<p><label for=\"f-image_src\">Đường dẫn ảnh</label><input id=\"f-image_src\" name=\"image_src\" type=\"text\" value=\"{}\"></p>\
<p><label for=\"f-image_alt\">Mô tả ảnh (cho người khiếm thị)</label><input id=\"f-image_alt\" name=\"image_alt\" type=\"text\" value=\"{}\"{aria}></p>\
</fieldset>\n",
        escape(f.label),
        escape(src),
        escape(alt)
    )
}
