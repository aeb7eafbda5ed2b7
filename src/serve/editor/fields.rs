//! The editor's forms, from one definition per kind of content: each field
//! says which front matter key it edits, its Vietnamese label and its widget.
//! The same list draws the form (`html.rs`), reads a file into form values,
//! turns the submitted form back into front matter values, and decides the
//! canonical order of keys in a new file. Values themselves are checked by
//! the pipeline (`Site::build`), never here: one set of rules for `build`,
//! `check` and the editor.

use chrono::NaiveDateTime;
use serde_yaml::{Mapping, Value};

use crate::vocab;

/// Where a pick-list's choices come from.
#[derive(Debug, Clone, Copy)]
pub enum Choices {
    /// A controlled vocabulary of `vocab.rs`: (id, label) pairs.
    Vocab(fn() -> Vec<(&'static str, &'static str)>),
    /// The site's units (`content/don-vi/`).
    Units,
    /// The site's sections (`site.yaml`).
    Sections,
    /// The rows of the plans' appendix tables (`ke-hoach/…#4.2`).
    PlanActivities,
    /// The site's procedures, by code.
    Procedures,
    /// The site's documents and plans, by key (`van-ban/2025/135-kh-ubnd`).
    Documents,
    /// The procedure fields (lĩnh vực) of `site.yaml`.
    ProcedureFields,
}

#[derive(Debug, Clone, Copy)]
pub enum Widget {
    Text,
    LongText,
    /// One value from a list (`<select>`).
    Select(Choices),
    /// Any number of values from a list (checkboxes).
    Checks(Choices),
    /// Free words separated by commas, with the site's words suggested.
    Words,
    /// Date and time, stored in +07:00.
    DateTime,
    Date,
    Bool,
    /// The first of `units`: the lead unit.
    LeadUnit,
    /// The rest of `units`.
    PartnerUnits,
    /// `image:` as a picture upload with its description (alt).
    Image,
    /// A mapping shown as one text box per listed part (sub-key, label);
    /// its other parts are kept as written.
    Parts(&'static [(&'static str, &'static str)]),
    /// A list of texts, one per line (a procedure's steps).
    Lines,
    /// A nested part the form cannot draw field by field (a procedure's
    /// channels with their fees), shown as its own YAML lines exactly as the
    /// file has them. Unchanged, its lines are kept byte for byte; changed,
    /// the lines typed replace the key's lines (`Parts::set_raw`), so an
    /// edited fee changes that fee's lines and nothing else.
    Yaml,
}

/// The parts of an `image:` the form shows.
const IMAGE_PARTS: &[(&str, &str)] = &[
    ("src", "Đường dẫn ảnh"),
    ("alt", "Mô tả ảnh (cho người khiếm thị)"),
];

impl Widget {
    /// The sub-keys of a mapping widget.
    pub fn parts(self) -> Option<&'static [(&'static str, &'static str)]> {
        match self {
            Widget::Image => Some(IMAGE_PARTS),
            Widget::Parts(p) => Some(p),
            _ => None,
        }
    }
}

/// The form control name of a part of a mapping field (`image_alt`).
pub fn part_name(field: &Field, sub: &str) -> String {
    format!("{}_{sub}", field.name)
}

/// One field of a form.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// The front matter key it edits.
    pub key: &'static str,
    /// The form control's name (unique within the form).
    pub name: &'static str,
    pub label: &'static str,
    pub help: &'static str,
    pub widget: Widget,
    /// Kept as an empty value rather than removed when left empty, so the
    /// pipeline reports it at its field.
    pub required: bool,
}

macro_rules! choices {
    ($t:ty) => {{
        fn list() -> Vec<(&'static str, &'static str)> {
            <$t>::ALL.iter().map(|v| (v.id(), v.label())).collect()
        }
        Choices::Vocab(list)
    }};
}

const fn f(
    key: &'static str,
    name: &'static str,
    label: &'static str,
    widget: Widget,
    required: bool,
    help: &'static str,
) -> Field {
    Field {
        key,
        name,
        label,
        help,
        widget,
        required,
    }
}

/// Tin bài (`content/tin-tuc/`).
pub const ARTICLE: &[Field] = &[
    f("title", "title", "Tiêu đề", Widget::Text, true, ""),
    f(
        "summary",
        "summary",
        "Tóm tắt",
        Widget::LongText,
        false,
        "Một hai câu, hiện dưới tiêu đề và trong danh sách tin.",
    ),
    f(
        "units",
        "lead_unit",
        "Đơn vị chủ trì",
        Widget::LeadUnit,
        true,
        "",
    ),
    f(
        "units",
        "partner_units",
        "Đơn vị phối hợp",
        Widget::PartnerUnits,
        true,
        "",
    ),
    f(
        "sections",
        "sections",
        "Chuyên mục",
        Widget::Checks(Choices::Sections),
        true,
        "",
    ),
    f(
        "par_areas",
        "par_areas",
        "Lĩnh vực cải cách hành chính",
        Widget::Checks(choices!(vocab::ParArea)),
        false,
        "Bắt buộc với tin thuộc chuyên mục Cải cách hành chính.",
    ),
    f(
        "tags",
        "tags",
        "Từ khóa",
        Widget::Words,
        false,
        "Ngăn cách bằng dấu phẩy.",
    ),
    f(
        "status",
        "status",
        "Trạng thái",
        Widget::Select(choices!(vocab::Status)),
        false,
        "Muốn hẹn giờ đăng: chọn “Đã đăng” và đặt ngày đăng trong tương lai.",
    ),
    f(
        "published_at",
        "published_at",
        "Ngày đăng",
        Widget::DateTime,
        true,
        "Giờ Việt Nam (UTC+7).",
    ),
    f(
        "kind",
        "kind",
        "Thể loại",
        Widget::Select(choices!(vocab::ArticleKind)),
        true,
        "",
    ),
    f(
        "event_date",
        "event_date",
        "Ngày diễn ra sự kiện",
        Widget::Date,
        false,
        "",
    ),
    f("location", "location", "Địa điểm", Widget::Text, false, ""),
    f(
        "author",
        "author",
        "Tác giả",
        Widget::Words,
        false,
        "Ngăn cách bằng dấu phẩy.",
    ),
    f(
        "image",
        "image",
        "Ảnh đại diện",
        Widget::Image,
        false,
        "JPEG, PNG hoặc WebP, tối đa 10 MB. Phải có mô tả ảnh cho người khiếm thị.",
    ),
    f(
        "indices",
        "indices",
        "Chỉ số đánh giá",
        Widget::Checks(choices!(vocab::Index)),
        false,
        "",
    ),
    f(
        "channels",
        "channels",
        "Kênh đăng tải",
        Widget::Checks(choices!(vocab::Channel)),
        false,
        "",
    ),
    f(
        "related_procedures",
        "related_procedures",
        "Thủ tục hành chính liên quan",
        Widget::Checks(Choices::Procedures),
        false,
        "",
    ),
    f(
        "related_documents",
        "related_documents",
        "Văn bản liên quan",
        Widget::Checks(Choices::Documents),
        false,
        "",
    ),
    f(
        "plan_activities",
        "plan_activities",
        "Hoạt động của kế hoạch mà bài thực hiện",
        Widget::Checks(Choices::PlanActivities),
        false,
        "Các dòng trong phụ lục kế hoạch; dùng cho báo cáo kết quả tuyên truyền theo quý.",
    ),
    f(
        "featured",
        "featured",
        "Tin nổi bật",
        Widget::Bool,
        false,
        "Hiện ở đầu trang chủ.",
    ),
];

/// Trang (`content/trang/`).
pub const PAGE: &[Field] = &[
    f("title", "title", "Tiêu đề", Widget::Text, true, ""),
    f("summary", "summary", "Tóm tắt", Widget::LongText, false, ""),
    f(
        "status",
        "status",
        "Trạng thái",
        Widget::Select(choices!(vocab::Status)),
        false,
        "",
    ),
    f(
        "order",
        "order",
        "Thứ tự",
        Widget::Text,
        false,
        "Số nhỏ đứng trước trong danh sách trang.",
    ),
];

/// Văn bản (`content/van-ban/`). Signer, legal bases, files and the other
/// structured parts are kept as they are written.
pub const DOCUMENT: &[Field] = &[
    f(
        "doc_type",
        "doc_type",
        "Loại văn bản",
        Widget::Select(choices!(vocab::DocType)),
        true,
        "",
    ),
    f("number", "number", "Số", Widget::Text, false, "Ví dụ 135."),
    f(
        "symbol",
        "symbol",
        "Ký hiệu",
        Widget::Text,
        true,
        "Ví dụ KH-UBND.",
    ),
    f(
        "abstract",
        "abstract",
        "Trích yếu",
        Widget::LongText,
        true,
        "",
    ),
    f(
        "issuer",
        "issuer",
        "Cơ quan ban hành",
        Widget::Text,
        true,
        "",
    ),
    f(
        "issuer_level",
        "issuer_level",
        "Cấp ban hành",
        Widget::Select(choices!(vocab::IssuerLevel)),
        true,
        "",
    ),
    f(
        "issued_date",
        "issued_date",
        "Ngày ban hành",
        Widget::Text,
        false,
        "Dạng 2025-12-31 (hoặc 2025-12 nếu chưa rõ ngày).",
    ),
    f(
        "effective_date",
        "effective_date",
        "Ngày có hiệu lực",
        Widget::Date,
        false,
        "",
    ),
    f(
        "legal_status",
        "legal_status",
        "Tình trạng hiệu lực",
        Widget::Select(choices!(vocab::LegalStatus)),
        true,
        "",
    ),
    f(
        "signer",
        "signer",
        "Người ký",
        Widget::Parts(&[("name", "Họ và tên người ký"), ("position", "Chức vụ")]),
        false,
        "Văn bản đã ban hành phải ghi người ký.",
    ),
    f(
        "units",
        "lead_unit",
        "Đơn vị chủ trì",
        Widget::LeadUnit,
        true,
        "",
    ),
    f(
        "units",
        "partner_units",
        "Đơn vị phối hợp",
        Widget::PartnerUnits,
        true,
        "",
    ),
    f(
        "par_areas",
        "par_areas",
        "Lĩnh vực cải cách hành chính",
        Widget::Checks(choices!(vocab::ParArea)),
        false,
        "",
    ),
    f(
        "tags",
        "tags",
        "Từ khóa",
        Widget::Words,
        false,
        "Ngăn cách bằng dấu phẩy.",
    ),
    f(
        "status",
        "status",
        "Trạng thái",
        Widget::Select(choices!(vocab::Status)),
        false,
        "",
    ),
    f(
        "published_at",
        "published_at",
        "Ngày đăng",
        Widget::DateTime,
        false,
        "Giờ Việt Nam (UTC+7).",
    ),
];

/// Đơn vị (`content/don-vi/`). Leaders, contacts and legal bases are kept
/// as they are written.
pub const UNIT: &[Field] = &[
    f(
        "id",
        "id",
        "Mã đơn vị",
        Widget::Text,
        true,
        "Chữ thường không dấu, nối bằng gạch ngang; trùng tên tệp.",
    ),
    f("name", "name", "Tên đơn vị", Widget::Text, true, ""),
    f(
        "short_name",
        "short_name",
        "Tên ngắn",
        Widget::Text,
        false,
        "",
    ),
    f(
        "aliases",
        "aliases",
        "Tên gọi khác",
        Widget::Words,
        false,
        "Ngăn cách bằng dấu phẩy; bài viết có thể ghi đơn vị bằng các tên này.",
    ),
    f(
        "kind",
        "kind",
        "Loại đơn vị",
        Widget::Select(choices!(vocab::UnitKind)),
        true,
        "",
    ),
    f(
        "parent",
        "parent",
        "Đơn vị cấp trên",
        Widget::Select(Choices::Units),
        false,
        "",
    ),
    f(
        "par_areas",
        "par_areas",
        "Lĩnh vực cải cách hành chính",
        Widget::Checks(choices!(vocab::ParArea)),
        false,
        "",
    ),
    f(
        "external",
        "external",
        "Đơn vị bên ngoài xã",
        Widget::Bool,
        false,
        "",
    ),
    f(
        "order",
        "order",
        "Thứ tự",
        Widget::Text,
        false,
        "Số nhỏ đứng trước trong danh sách đơn vị.",
    ),
];

/// Thủ tục hành chính (`content/thu-tuc/<code>.md`), in the order of the
/// national record. Channels (with their fees, kept verbatim), the dossier
/// and the legal basis are nested lists of records: each is shown as its own
/// YAML lines, kept byte for byte unless changed. Keys the form does not
/// show (decisions, FAQ, source…) are kept as written.
pub const PROCEDURE: &[Field] = &[
    f(
        "code",
        "code",
        "Mã thủ tục",
        Widget::Text,
        true,
        "Mã trên Cơ sở dữ liệu quốc gia về thủ tục hành chính, ví dụ 1.000656; trùng tên tệp.",
    ),
    f("title", "title", "Tên thủ tục", Widget::Text, true, ""),
    f(
        "levels",
        "levels",
        "Cấp thực hiện",
        Widget::Checks(choices!(vocab::Level)),
        true,
        "",
    ),
    f(
        "field",
        "field",
        "Lĩnh vực",
        Widget::Select(Choices::ProcedureFields),
        true,
        "Danh sách lĩnh vực lấy từ procedure_fields trong site.yaml.",
    ),
    f(
        "steps",
        "steps",
        "Trình tự thực hiện",
        Widget::Lines,
        true,
        "Mỗi bước một dòng, ví dụ “Bước 1: …”.",
    ),
    f(
        "channels",
        "channels",
        "Cách thức thực hiện (thời hạn giải quyết, phí, lệ phí) — dạng YAML",
        Widget::Yaml,
        true,
        "Mỗi cách nộp một mục “- method:” (truc_tiep: trực tiếp, truc_tuyen: trực tuyến, buu_chinh: qua bưu chính),          với processing_time.text (thời hạn, ghi nguyên văn) và fees: mỗi khoản có kind (le_phi: lệ phí, phi: phí),          text (ghi nguyên văn) và exemptions (đối tượng miễn, giảm). Giữ nguyên thụt lề.",
    ),
    f(
        "dossier",
        "dossier",
        "Thành phần hồ sơ — dạng YAML",
        Widget::Yaml,
        true,
        "Mỗi trường hợp một mục “- items:”; mỗi giấy tờ có name (tên), originals (số bản chính), copies (số bản sao),          present_only: true (chỉ xuất trình), optional: true (không bắt buộc), form (mẫu đơn: name và file). Giữ nguyên thụt lề.",
    ),
    f(
        "applicants",
        "applicants",
        "Đối tượng thực hiện",
        Widget::Lines,
        true,
        "Mỗi đối tượng một dòng.",
    ),
    f(
        "implementing_agency",
        "implementing_agency",
        "Cơ quan thực hiện",
        Widget::Text,
        true,
        "",
    ),
    f(
        "receiving_address",
        "receiving_address",
        "Địa chỉ tiếp nhận hồ sơ",
        Widget::Text,
        false,
        "",
    ),
    f(
        "results",
        "results",
        "Kết quả thực hiện",
        Widget::Lines,
        true,
        "Mỗi kết quả một dòng.",
    ),
    f(
        "legal_basis",
        "legal_basis",
        "Căn cứ pháp lý — dạng YAML",
        Widget::Yaml,
        true,
        "Mỗi văn bản một mục “- number:” với number (số ký hiệu), title (trích yếu), issued_date (ngày ban hành, dạng 2025-01-09), issuer (cơ quan ban hành).",
    ),
    f(
        "online_level",
        "online_level",
        "Mức độ dịch vụ công trực tuyến",
        Widget::Select(choices!(vocab::OnlineLevel)),
        true,
        "",
    ),
    f(
        "online_url",
        "online_url",
        "Địa chỉ nộp hồ sơ trực tuyến",
        Widget::Text,
        false,
        "Ví dụ https://dichvucong.gov.vn/…",
    ),
    f(
        "units",
        "units",
        "Đơn vị tiếp nhận, giải quyết",
        Widget::Checks(Choices::Units),
        true,
        "",
    ),
    f(
        "legal_status",
        "legal_status",
        "Tình trạng hiệu lực",
        Widget::Select(choices!(vocab::ProcedureStatus)),
        true,
        "",
    ),
    f(
        "source",
        "source",
        "Nguồn dữ liệu — dạng YAML",
        Widget::Yaml,
        true,
        "kind: thu_cong (cán bộ nhập), qd_cong_bo (quyết định công bố), dvcqg_html hoặc dvcqg_doc (Cổng Dịch vụ công quốc gia);          retrieved_at: ngày lấy dữ liệu; verified: true khi đã đối chiếu với bản công bố.",
    ),
];

/// The form of a content folder; `None`: the file is edited as text.
pub fn form_of(folder: &str) -> Option<&'static [Field]> {
    match folder {
        "tin-tuc" => Some(ARTICLE),
        "trang" => Some(PAGE),
        "van-ban" => Some(DOCUMENT),
        "don-vi" => Some(UNIT),
        "thu-tuc" => Some(PROCEDURE),
        _ => None,
    }
}

/// The kinds a new file can be started for in the editor (those with a form).
pub const CREATABLE: &[&str] = &["tin-tuc", "van-ban", "thu-tuc", "don-vi", "trang"];

/// A submitted form: every (name, value) pair in order.
pub type Submitted = [(String, String)];

fn all<'a>(form: &'a Submitted, name: &str) -> impl Iterator<Item = &'a str> {
    form.iter()
        .filter(move |(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

fn one<'a>(form: &'a Submitted, name: &str) -> &'a str {
    all(form, name).next().unwrap_or("")
}

/// A text from a form: browsers send line ends as CRLF.
pub fn from_browser(s: &str) -> String {
    s.replace("\r\n", "\n")
}

/// The non-empty lines of a box, spaces tidied as `values` shows them.
fn lines(s: &str) -> Vec<String> {
    s.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect()
}

fn as_text(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => b.to_string(),
        _ => String::new(),
    }
}

fn as_list(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Sequence(items)) => items.iter().map(|i| as_text(Some(i))).collect(),
        Some(Value::String(s)) if !s.is_empty() => vec![s.clone()],
        _ => Vec::new(),
    }
}

/// `2026-03-24T16:00:00+07:00` → `2026-03-24T16:00` (what a
/// `datetime-local` input shows), in +07:00.
pub fn to_local_input(s: &str) -> String {
    match crate::content::types::DateTime::parse(s) {
        Ok(d) => {
            let local = d.0.with_timezone(&crate::vi::tz());
            if local.format("%S").to_string() == "00" {
                local.format("%Y-%m-%dT%H:%M").to_string()
            } else {
                local.format("%Y-%m-%dT%H:%M:%S").to_string()
            }
        }
        Err(_) => s.to_string(),
    }
}

/// `2026-03-24T16:00` from the browser → `2026-03-24T16:00:00+07:00`;
/// anything else is kept for the pipeline to report.
fn from_local_input(s: &str) -> String {
    let s = s.trim();
    for fmt in ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, fmt) {
            return t.format("%Y-%m-%dT%H:%M:%S+07:00").to_string();
        }
    }
    s.to_string()
}

/// The form values of `field` in front matter `fm`, as the form shows them.
pub fn values(field: &Field, fm: &Value) -> Vec<String> {
    let v = fm.get(field.key);
    let out = match field.widget {
        Widget::Text | Widget::LongText | Widget::Select(_) | Widget::Date => {
            vec![as_text(v).trim().to_string()]
        }
        Widget::DateTime => vec![to_local_input(&as_text(v))],
        Widget::Checks(_) => as_list(v),
        Widget::Words => vec![as_list(v).join(", ")],
        Widget::Bool => vec![if v == Some(&Value::Bool(true)) {
            "true".into()
        } else {
            String::new()
        }],
        Widget::LeadUnit => vec![as_list(v).into_iter().next().unwrap_or_default()],
        Widget::PartnerUnits => as_list(v).into_iter().skip(1).collect(),
        // One item a line: an item written over several lines is shown on
        // one (the same words), so a save that changes nothing keeps it.
        Widget::Lines => vec![
            as_list(v)
                .iter()
                .map(|i| i.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|i| !i.is_empty())
                .collect::<Vec<_>>()
                .join("\n"),
        ],
        // Only a file's own lines show it faithfully (`raw_value`); this is
        // the value's YAML, for a new file's defaults and for comparing.
        Widget::Yaml => vec![match v {
            None | Some(Value::Null) => String::new(),
            Some(v) => serde_yaml::to_string(v).unwrap_or_default(),
        }],
        Widget::Image | Widget::Parts(_) => {
            let m = v.cloned().unwrap_or(Value::Null);
            // Every part always, by position: the form shows each in its box.
            return field
                .widget
                .parts()
                .unwrap_or_default()
                .iter()
                .map(|(sub, _)| as_text(m.get(*sub)))
                .collect();
        }
    };
    out.into_iter().filter(|s| !s.is_empty()).collect()
}

/// Form values put in a form where equal means unchanged: a set of
/// checkboxes comes back in the order of the list, not of the file.
pub fn comparable(field: &Field, mut values: Vec<String>) -> Vec<String> {
    if matches!(field.widget, Widget::Checks(_) | Widget::PartnerUnits) {
        values.sort();
    }
    if matches!(field.widget, Widget::Yaml) {
        // Equal as values, whatever the layout; text that is not YAML stays
        // as typed, so it differs and goes to the pipeline, which reports it.
        values = values
            .into_iter()
            .map(|t| match serde_yaml::from_str::<Value>(&t) {
                Ok(Value::Null) => String::new(),
                Ok(v) => serde_yaml::to_string(&v).unwrap_or(t),
                Err(_) => t,
            })
            .filter(|t| !t.is_empty())
            .collect();
    }
    values
}

/// The text of a `Yaml` field as its file has it: the lines of its key
/// after `key:` (or what follows `key:` on its line), byte for byte.
pub fn raw_value(field: &Field, parts: &super::splice::Parts) -> Vec<String> {
    let raw = parts.raw_value(field.key).unwrap_or_default();
    if raw.trim().is_empty() {
        Vec::new()
    } else {
        vec![raw]
    }
}

/// The lines a submitted `Yaml` field puts in the file for its key, or
/// `None` to remove the key.
pub fn raw_lines(field: &Field, form: &Submitted) -> Option<Vec<String>> {
    let text = from_browser(one(form, field.name));
    if text.trim().is_empty() {
        return None;
    }
    let text = text.trim_start_matches('\n');
    let first = text.lines().next().unwrap_or("");
    // A block (list items, indented lines) goes under `key:`; a one-line
    // value (`[]`, a flow list) goes after it.
    let block = text.trim_end().contains('\n')
        || first.starts_with([' ', '\t'])
        || first.starts_with("- ")
        || first.trim() == "-";
    // A mapping typed flush left is indented under its key; list items
    // and lines already indented are kept as typed.
    let indent = if first.starts_with([' ', '\t', '-']) {
        ""
    } else {
        "  "
    };
    let mut lines: Vec<String> = if block {
        let mut l = vec![format!("{}:\n", field.key)];
        l.extend(text.split_inclusive('\n').map(|line| {
            if line.trim().is_empty() {
                line.to_string()
            } else {
                format!("{indent}{line}")
            }
        }));
        l
    } else {
        vec![format!("{}: {}\n", field.key, text.trim())]
    };
    if let Some(last) = lines.last_mut()
        && !last.ends_with('\n')
    {
        last.push('\n');
    }
    Some(lines)
}

/// `chosen` in the order of `old` for the values it had, new ones after.
fn keep_order(old: Option<&Value>, chosen: Vec<String>) -> Vec<String> {
    let old = as_list(old);
    let mut out: Vec<String> = old.iter().filter(|o| chosen.contains(o)).cloned().collect();
    for c in chosen {
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

/// The same, from a submitted form.
pub fn submitted(field: &Field, form: &Submitted) -> Vec<String> {
    let out: Vec<String> = match field.widget {
        Widget::Text | Widget::Select(_) | Widget::Date | Widget::LeadUnit => {
            vec![one(form, field.name).trim().to_string()]
        }
        Widget::LongText => vec![from_browser(one(form, field.name)).trim().to_string()],
        Widget::DateTime => {
            let raw = one(form, field.name).trim();
            // Compare as the form shows a stored value (seconds only when set).
            vec![to_local_input(&from_local_input(raw))]
        }
        Widget::Checks(_) | Widget::PartnerUnits => {
            all(form, field.name).map(str::to_string).collect()
        }
        Widget::Words => {
            let words: Vec<&str> = one(form, field.name)
                .split(',')
                .map(str::trim)
                .filter(|w| !w.is_empty())
                .collect();
            vec![words.join(", ")]
        }
        Widget::Bool => vec![if one(form, field.name) == "true" {
            "true".into()
        } else {
            String::new()
        }],
        Widget::Lines => vec![lines(one(form, field.name)).join("\n")],
        // As typed: a refused save shows it again unchanged.
        Widget::Yaml => vec![from_browser(one(form, field.name))],
        Widget::Image | Widget::Parts(_) => {
            return field
                .widget
                .parts()
                .unwrap_or_default()
                .iter()
                .map(|(sub, _)| one(form, &part_name(field, sub)).trim().to_string())
                .collect();
        }
    };
    out.into_iter().filter(|s| !s.is_empty()).collect()
}

/// The new front matter value of `key` from the submitted form (`None`:
/// the key is removed); `old` is the file's value, whose parts the form does
/// not show are kept (an image's caption).
pub fn value_of(
    form_fields: &[Field],
    key: &str,
    form: &Submitted,
    old: Option<&Value>,
) -> Option<Value> {
    let fields: Vec<&Field> = form_fields.iter().filter(|f| f.key == key).collect();
    let first = fields.first()?;
    let required = fields.iter().any(|f| f.required);
    let text = |s: String| (!s.is_empty() || required).then_some(Value::String(s));
    let list = |items: Vec<String>| {
        (!items.is_empty() || required)
            .then(|| Value::Sequence(items.into_iter().map(Value::String).collect()))
    };
    match first.widget {
        Widget::LeadUnit | Widget::PartnerUnits => {
            let lead = one(form, "lead_unit").trim().to_string();
            let old_partners = old.map(|v| {
                Value::Sequence(
                    as_list(Some(v))
                        .into_iter()
                        .skip(1)
                        .map(Value::String)
                        .collect(),
                )
            });
            let partners = keep_order(
                old_partners.as_ref(),
                all(form, "partner_units").map(str::to_string).collect(),
            );
            let mut units: Vec<String> = Vec::new();
            if !lead.is_empty() {
                units.push(lead);
            }
            for p in partners {
                if !units.contains(&p) {
                    units.push(p);
                }
            }
            list(units)
        }
        Widget::Text | Widget::Select(_) | Widget::Date => {
            let s = one(form, first.name).trim().to_string();
            // A number stays a number (`order: 3`).
            if matches!(old, Some(Value::Number(_)))
                && let Ok(n) = s.parse::<i64>()
            {
                return Some(Value::Number(n.into()));
            }
            text(s)
        }
        Widget::LongText => text(from_browser(one(form, first.name)).trim().to_string()),
        Widget::DateTime => {
            let raw = one(form, first.name);
            text(if raw.trim().is_empty() {
                String::new()
            } else {
                from_local_input(raw)
            })
        }
        Widget::Checks(_) => list(keep_order(
            old,
            all(form, first.name).map(str::to_string).collect(),
        )),
        Widget::Words => list(
            one(form, first.name)
                .split(',')
                .map(|w| w.trim().to_string())
                .filter(|w| !w.is_empty())
                .collect(),
        ),
        Widget::Bool => (one(form, first.name) == "true").then_some(Value::Bool(true)),
        Widget::Lines => list(lines(one(form, first.name))),
        // Written as typed (`raw_lines`); this is its parsed value.
        Widget::Yaml => serde_yaml::from_str::<Value>(&from_browser(one(form, first.name)))
            .ok()
            .filter(|v| !v.is_null()),
        Widget::Image | Widget::Parts(_) => {
            let parts = first.widget.parts().unwrap_or_default();
            let given: Vec<(&str, String)> = parts
                .iter()
                .map(|(sub, _)| (*sub, one(form, &part_name(first, sub)).trim().to_string()))
                .collect();
            if given.iter().all(|(_, v)| v.is_empty()) {
                return None;
            }
            let mut m = match old {
                Some(Value::Mapping(m)) => m.clone(),
                _ => Mapping::new(),
            };
            for (sub, v) in given {
                m.insert(Value::String(sub.into()), Value::String(v));
            }
            Some(Value::Mapping(m))
        }
    }
}

/// The keys of a form in canonical order, each once.
pub fn keys(form_fields: &[Field]) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for f in form_fields {
        if !out.contains(&f.key) {
            out.push(f.key);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_the_issue_names_is_in_the_article_form() {
        let labels: Vec<&str> = ARTICLE.iter().map(|f| f.label).collect();
        for l in [
            "Tiêu đề",
            "Tóm tắt",
            "Đơn vị chủ trì",
            "Đơn vị phối hợp",
            "Chuyên mục",
            "Lĩnh vực cải cách hành chính",
            "Trạng thái",
        ] {
            assert!(labels.contains(&l), "{l}");
        }
        let mut names: Vec<&str> = ARTICLE.iter().map(|f| f.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ARTICLE.len(), "control names are unique");
    }

    #[test]
    fn every_form_has_unique_control_names() {
        for form in [ARTICLE, PAGE, DOCUMENT, UNIT, PROCEDURE] {
            let mut names: Vec<&str> = form.iter().map(|f| f.name).collect();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), form.len());
        }
    }

    fn submitted_form(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn a_yaml_part_goes_back_under_its_key_as_typed() {
        let channels = PROCEDURE.iter().find(|f| f.key == "channels").unwrap();
        let typed = "- method: truc_tiep\r\n  fees: []\r\n";
        let lines = raw_lines(channels, &submitted_form(&[("channels", typed)])).unwrap();
        assert_eq!(
            lines,
            ["channels:\n", "- method: truc_tiep\n", "  fees: []\n"]
        );
        // A mapping typed flush left is indented under its key.
        let source = PROCEDURE.iter().find(|f| f.key == "source").unwrap();
        let lines = raw_lines(
            source,
            &submitted_form(&[("source", "kind: thu_cong\nverified: false")]),
        )
        .unwrap();
        assert_eq!(
            lines,
            ["source:\n", "  kind: thu_cong\n", "  verified: false\n"]
        );
        // One line stays on the key's line; an empty box removes the key.
        let lines = raw_lines(channels, &submitted_form(&[("channels", "[]")])).unwrap();
        assert_eq!(lines, ["channels: []\n"]);
        assert!(raw_lines(channels, &submitted_form(&[("channels", " \r\n")])).is_none());
        // Unchanged means equal as values, whatever the layout.
        assert_eq!(
            comparable(channels, vec!["- {method: truc_tiep}\n".into()]),
            comparable(channels, vec!["-   method: truc_tiep\n".into()])
        );
    }

    #[test]
    fn a_step_written_over_several_lines_is_unchanged_by_a_save_that_changes_nothing() {
        let steps = PROCEDURE.iter().find(|f| f.key == "steps").unwrap();
        let fm: Value =
            serde_yaml::from_str("steps:\n- |\n  Bước 1: nộp\n    hồ sơ\n- 'Bước 2: nhận'\n")
                .unwrap();
        let shown = values(steps, &fm);
        assert_eq!(shown, ["Bước 1: nộp hồ sơ\nBước 2: nhận"]);
        let form = submitted_form(&[("steps", &shown[0].replace('\n', "\r\n"))]);
        assert_eq!(submitted(steps, &form), shown);
    }

    #[test]
    fn dates_from_the_browser_are_stored_in_vietnam_time() {
        assert_eq!(
            from_local_input("2026-12-02T09:30"),
            "2026-12-02T09:30:00+07:00"
        );
        assert_eq!(to_local_input("2026-12-02T02:30:00Z"), "2026-12-02T09:30");
        assert_eq!(
            to_local_input("2026-12-02T09:30:15+07:00"),
            "2026-12-02T09:30:15"
        );
    }

    #[test]
    fn units_are_the_lead_then_the_partners_once() {
        let form: Vec<(String, String)> = [
            ("lead_unit", "a"),
            ("partner_units", "b"),
            ("partner_units", "a"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let v = value_of(ARTICLE, "units", &form, None).unwrap();
        assert_eq!(v, serde_yaml::from_str::<Value>("[a, b]").unwrap());
    }
}
