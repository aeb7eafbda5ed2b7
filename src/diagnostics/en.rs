//! English for every message and hint (`--lang en`).
//!
//! Diagnostics are written in Vietnamese where they are found; this table
//! translates them on the way out, so the code that finds problems stays in
//! one language. Each pair is (Vietnamese template, English template) in the
//! notation of `template.rs`: `` `{}` `` is a backticked part copied as is
//! (what the user wrote), `{*}` any other variable part (translated in turn
//! when a template matches it: a nested message, a list of words), `{,}` a
//! list whose items are translated one by one, `{{` `}}` literal braces; the
//! English side takes `{}` for the next part in order or `{0}`, `{1}`… to
//! reorder.
//!
//! Grouped by the module that writes the message. A new message without a
//! pair here is shown in Vietnamese; `coverage.rs` reads the source and fails
//! on it, and the fixture hook (`tests/common`) on any message a test meets.

pub(super) const TEMPLATES: &[(&str, &str)] = &[
    // Shared by several modules.
    ("có phải bạn muốn viết `{}`?", "did you mean `{}`?"),
    ("ví dụ `{}`", "for example `{}`"),
    ("viết `{}`", "write `{}`"),
    ("không có đơn vị `{}`", "there is no unit `{}`"),
    ("giá trị `{}` không hợp lệ", "the value `{}` is not valid"),
    ("`{}` không phải địa chỉ web", "`{}` is not a web address"),
    (
        "viết địa chỉ đầy đủ, bắt đầu bằng https://",
        "write the full address, starting with https://",
    ),
    ("không đọc được tệp: {*}", "cannot read the file: {}"),
    (
        "không tìm thấy thư mục nội dung `{}`",
        "the content folder `{}` was not found",
    ),
    (
        "chạy lệnh trong thư mục của trang (nơi có site.yaml), hoặc dùng `--root THƯ_MỤC`",
        "run the command in the site's folder (where site.yaml is), or use `--root FOLDER`",
    ),
    (
        "không có loại nội dung `{}`",
        "there is no content type `{}`",
    ),
    (
        "không tạo được thư mục `{}`: {*}",
        "cannot create the folder `{}`: {}",
    ),
    (
        "không có lĩnh vực `{}` trong danh mục thủ tục",
        "there is no procedure field `{}` in the procedure catalogue",
    ),
    (
        "các lĩnh vực: {*}; thêm lĩnh vực mới vào `procedure_fields` trong site.yaml",
        "the procedure fields: {}; to add a new one, add it to `procedure_fields` in site.yaml",
    ),
    // config.rs
    ("không đọc được site.yaml: {*}", "cannot read site.yaml: {}"),
    (
        "base_url phải là địa chỉ đầy đủ bắt đầu bằng https://",
        "base_url must be a full address starting with https://",
    ),
    (
        "paginate_by phải lớn hơn 0",
        "paginate_by must be greater than 0",
    ),
    (
        "mã chuyên mục `{}` phải viết thường, không dấu, nối bằng `-`",
        "the section id `{}` must be in lowercase letters without diacritics, with words joined by `-`",
    ),
    // content/mod.rs
    ("không đọc được: {*}", "cannot read: {}"),
    (
        "bỏ qua liên kết tượng trưng (symlink) trong thư mục nội dung",
        "skipped a symbolic link (symlink) in the content folder",
    ),
    (
        "bỏ qua tệp không phải Markdown (.md) trong thư mục nội dung",
        "skipped a file in the content folder that is not Markdown (.md)",
    ),
    (
        "tệp đính kèm và ảnh đặt trong thư mục static/files/",
        "attachments and images go in the folder static/files/",
    ),
    (
        "tệp nằm ngoài các thư mục nội dung được hỗ trợ nên không được đăng",
        "the file is outside the content folders the site knows, so it is not published",
    ),
    (
        "đặt tệp vào content/tin-tuc/, content/trang/, content/van-ban/, content/ke-hoach/, content/thu-tuc/, content/hoat-dong/ hoặc content/don-vi/",
        "put the file in content/tin-tuc/, content/trang/, content/van-ban/, content/ke-hoach/, content/thu-tuc/, content/hoat-dong/ or content/don-vi/",
    ),
    (
        "tệp quá lớn ({*} KB); giới hạn là 4 MB",
        "the file is too large ({} KB); the limit is 4 MB",
    ),
    (
        "đặt tệp đính kèm lớn vào static/files/ và liên kết tới nó",
        "put large attachments in static/files/ and link to them",
    ),
    (
        "tệp không phải văn bản UTF-8 (có thể được lưu bằng bảng mã cũ TCVN3/VNI hoặc Windows-1258)",
        "the file is not UTF-8 text (it may have been saved in an old encoding: TCVN3/VNI or Windows-1258)",
    ),
    (
        "mở tệp trong trình soạn thảo và lưu lại với bảng mã UTF-8 (Unicode)",
        "open the file in a text editor and save it again as UTF-8 (Unicode)",
    ),
    (
        "văn bản chưa ở dạng Unicode dựng sẵn (NFC); trang web dùng bản đã chuẩn hóa",
        "the text is not in precomposed Unicode (NFC); the site uses a normalized copy",
    ),
    (
        "lưu tệp bằng bộ gõ Unicode dựng sẵn để tìm kiếm và sắp xếp chính xác",
        "save the file with a precomposed Unicode input method, so that search and sorting are exact",
    ),
    (
        "văn bản có vẻ được dán từ bảng mã cũ TCVN3/VNI (ví dụ `{}`)",
        "the text seems to be pasted from an old TCVN3/VNI encoding (for example `{}`)",
    ),
    (
        "chuyển văn bản gốc sang Unicode (Unikey: Công cụ chuyển mã, từ TCVN3 hoặc VNI sang Unicode) rồi dán lại",
        "convert the original text to Unicode (in Unikey, the conversion tool `Công cụ chuyển mã`, from TCVN3 or VNI to Unicode), then paste it again",
    ),
    // content/front_matter.rs
    (
        "tệp trống: chưa có phần thông tin (front matter) và nội dung",
        "the file is empty: it has neither front matter nor text",
    ),
    (
        "bắt đầu tệp bằng một dòng `---`, các trường như `title: ...`, rồi một dòng `---` và nội dung bài",
        "start the file with a line `---`, then fields such as `title: ...`, then a line `---` and the text",
    ),
    (
        "tệp phải bắt đầu bằng dòng `---` mở đầu phần thông tin (front matter)",
        "the file must start with a line `---` that opens the front matter",
    ),
    (
        "thêm một dòng chỉ có `---` ở đầu tệp",
        "add a line with only `---` at the top of the file",
    ),
    (
        "phần thông tin (front matter) mở bằng `---` ở dòng 1 nhưng không có dòng `---` đóng lại",
        "the front matter opens with `---` on line 1 but has no closing `---` line",
    ),
    (
        "thêm một dòng chỉ có `---` sau trường cuối cùng, trước nội dung bài",
        "add a line with only `---` after the last field, before the text",
    ),
    (
        "phần thông tin đầu tệp quá dài (giới hạn 256 KB)",
        "the front matter is too long (the limit is 256 KB)",
    ),
    (
        "chuyển nội dung dài xuống phần thân bài, sau dòng `---` thứ hai",
        "move long text into the body, after the second `---` line",
    ),
    (
        "thiếu trường bắt buộc `{}`",
        "the required field `{}` is missing",
    ),
    (
        "thêm một dòng `{}` vào phần thông tin đầu tệp",
        "add a line `{}` to the front matter",
    ),
    (
        "các trường được dùng ở đây: {*}",
        "the fields used here: {}",
    ),
    (
        "trường `{}` không được hỗ trợ",
        "the field `{}` is not used here",
    ),
    (
        "có phải bạn muốn viết `{}`? Các giá trị hợp lệ: {*}",
        "did you mean `{}`? The valid values: {}",
    ),
    ("các giá trị hợp lệ: {*}", "the valid values: {}"),
    (
        "trường `{}` được viết hai lần",
        "the field `{}` is written twice",
    ),
    (
        "giữ lại một dòng, xóa dòng kia",
        "keep one of the lines and delete the other",
    ),
    (
        "sai kiểu dữ liệu: cần {*}, nhưng đã viết {*}",
        "wrong kind of value: expected {}, but found {}",
    ),
    (
        "phần thông tin lồng quá sâu hoặc lặp lại quá nhiều (YAML alias)",
        "the front matter is nested too deeply or repeats too much (YAML aliases)",
    ),
    (
        "viết các giá trị trực tiếp, không dùng `&` và `*`",
        "write the values out directly, without `&` and `*`",
    ),
    (
        "phần thông tin (YAML) viết sai cú pháp: {*}",
        "the front matter (YAML) has a syntax error: {}",
    ),
    (
        "kiểm tra dấu `:` sau tên trường, thụt lề, và đặt văn bản có dấu `:` hoặc `#` trong dấu nháy kép",
        "check the `:` after each field name and the indentation, and put text that contains `:` or `#` in double quotes",
    ),
    // What a field expects, and what was written instead (parts of the
    // message above; the second kind comes from serde).
    (
        "một danh sách, ví dụ `[a, b]` hoặc mỗi mục một dòng bắt đầu bằng `- `",
        "a list, for example `[a, b]`, or one item per line starting with `- `",
    ),
    (
        "`true` (có) hoặc `false` (không)",
        "`true` (yes) or `false` (no)",
    ),
    (
        "một nhóm trường lồng nhau (mỗi dòng `tên: giá trị`, thụt lề)",
        "a group of nested fields (one `name: value` per line, indented)",
    ),
    ("một đoạn văn bản", "text"),
    ("một số nguyên", "a whole number"),
    ("một ngày dạng 2026-11-27", "a date such as 2026-11-27"),
    (
        "thời điểm dạng 2026-11-27T08:30:00+07:00",
        "a date and time such as 2026-11-27T08:30:00+07:00",
    ),
    (
        "một ngày dạng 2026-03-15, 2026-03 hoặc 2026",
        "a date such as 2026-03-15, 2026-03 or 2026",
    ),
    (
        "mã thủ tục dạng \"1.001193\"",
        "a procedure code such as \"1.001193\"",
    ),
    ("string \"{*}\"", "the text `{}`"),
    ("boolean `{}`", "the yes/no value `{}`"),
    ("integer `{}`", "the number `{}`"),
    ("floating point `{}`", "the number `{}`"),
    ("sequence", "a list"),
    ("map", "a group of fields"),
    ("unit value", "an empty value"),
    // content/types.rs
    (
        "ngày `{}` không có thật trên lịch",
        "the date `{}` does not exist on the calendar",
    ),
    (
        "ngày `{}` không đúng dạng NĂM-THÁNG-NGÀY, ví dụ 2026-11-27",
        "the date `{}` is not written as YEAR-MONTH-DAY, for example 2026-11-27",
    ),
    (
        "thời điểm `{}` không hợp lệ",
        "the date and time `{}` is not valid",
    ),
    (
        "thời điểm `{}` không đúng dạng; hãy viết 2026-11-27T08:30:00+07:00 hoặc 2026-11-27 08:30",
        "the date and time `{}` is not written in a known way; write 2026-11-27T08:30:00+07:00 or 2026-11-27 08:30",
    ),
    (
        "ngày `{}` không hợp lệ; hãy viết 2026-03-15, 2026-03 hoặc 2026",
        "the date `{}` is not valid; write 2026-03-15, 2026-03 or 2026",
    ),
    (
        "mã thủ tục `{}` không hợp lệ; mã có dạng 1.001193 (một chữ số, dấu chấm, sáu chữ số) — hãy đặt trong dấu nháy: \"1.001193\"",
        "the procedure code `{}` is not valid; a code looks like 1.001193 (one digit, a dot, six digits) — put it in quotes: \"1.001193\"",
    ),
    // content/article.rs
    (
        "tin bài phải có ít nhất một đơn vị (đơn vị đầu tiên là cơ quan chủ trì)",
        "a news article needs at least one unit (the first unit is the one in charge)",
    ),
    (
        "tin bài phải thuộc ít nhất một chuyên mục",
        "a news article must belong to at least one section",
    ),
    (
        "tin thuộc chuyên mục Cải cách hành chính phải ghi lĩnh vực cải cách hành chính",
        "news in the administrative reform section (`cai-cach-hanh-chinh`) must give its reform areas (`par_areas`)",
    ),
    (
        "thêm ví dụ `{}`; các giá trị: {*}",
        "add, for example, `{}`; the values: {}",
    ),
    (
        "kỳ báo cáo `{}` không hợp lệ",
        "the reporting period `{}` is not valid",
    ),
    (
        "viết dạng `2026-Q2` (năm, `-Q`, quý 1–4)",
        "write it as `2026-Q2` (the year, `-Q`, the quarter 1–4)",
    ),
    (
        "video/âm thanh chưa có bản ghi lời (transcript) cho người không nghe được",
        "the video or audio has no transcript for people who cannot hear it",
    ),
    (
        "infographic chưa có nội dung bằng chữ cho người không xem được ảnh",
        "the infographic has no text version for people who cannot see the image",
    ),
    (
        "thêm `long_description:` vào `image`, ghi lại đầy đủ các ý, số liệu trong ảnh",
        "add `long_description:` under `image`, writing out every point and figure the image shows",
    ),
    (
        "không nhúng được video từ `{}`; trang chỉ hiện liên kết",
        "the video at `{}` cannot be embedded; the page shows only a link to it",
    ),
    (
        "dùng địa chỉ video YouTube, TikTok hoặc Facebook (ví dụ https://www.youtube.com/watch?v=…), hoặc tệp /files/….mp4",
        "use the address of a YouTube, TikTok or Facebook video (for example https://www.youtube.com/watch?v=…), or a file /files/….mp4",
    ),
    // content/document.rs
    (
        "văn bản phải có ít nhất một đơn vị tham mưu",
        "a document needs at least one unit that prepared it",
    ),
    (
        "văn bản đã ban hành phải có số",
        "an issued document must have a number",
    ),
    (
        "ví dụ `number: \"135\"` (đặt trong dấu nháy); nếu là dự thảo, ghi `legal_status: du_thao`",
        "for example `number: \"135\"` (in quotes); if it is a draft, write `legal_status: du_thao`",
    ),
    (
        "văn bản đã ban hành phải có đủ ngày, tháng, năm ban hành",
        "an issued document must have its full date of issue (day, month and year)",
    ),
    (
        "văn bản đã ban hành phải ghi người ký",
        "an issued document must name its signer",
    ),
    (
        "văn bản chưa có tệp để người dân tải về (pháp luật yêu cầu đăng tệp văn bản)",
        "the document has no file for citizens to download (the law requires the document itself to be published)",
    ),
    (
        "thêm `{}` và đặt tệp vào static/files/",
        "add `{}` and put the file in static/files/",
    ),
    // content/procedure.rs
    (
        "tệp thủ tục `{}` phải mang tên theo mã thủ tục `{}`",
        "the procedure file `{}` must be named after the procedure code `{}`",
    ),
    (
        "đổi tên tệp thành `{}`, hoặc sửa `code:` nếu mã bị chép nhầm",
        "rename the file to `{}`, or correct `code:` if the code was copied wrongly",
    ),
    (
        "mỗi bước một dòng bắt đầu bằng `- `",
        "one step per line, starting with `- `",
    ),
    (
        "ít nhất một cách thức nộp (trực tiếp, trực tuyến hoặc bưu chính) với thời hạn giải quyết",
        "at least one way to apply (in person, online or by post) with its processing time",
    ),
    (
        "liệt kê các giấy tờ phải nộp trong `{}`",
        "list the papers to hand in under `{}`",
    ),
    (
        "đơn vị tiếp nhận, giải quyết, ví dụ `{}`",
        "the units that receive and handle the applications, for example `{}`",
    ),
    (
        "thủ tục hành chính phải có `{}` (không được để trống)",
        "an administrative procedure must have `{}` (it may not be empty)",
    ),
    (
        "thủ tục có mức độ trực tuyến `{}` phải có địa chỉ nộp hồ sơ trực tuyến (`online_url`)",
        "a procedure with the online level `{}` must give the address for applying online (`online_url`)",
    ),
    (
        "thêm `online_url: https://dichvucong.gov.vn/…` (địa chỉ nộp hồ sơ của thủ tục), hoặc ghi `online_level: khong`",
        "add `online_url: https://dichvucong.gov.vn/…` (where to apply for this procedure), or write `online_level: khong`",
    ),
    (
        "thủ tục đã được thay thế phải ghi thủ tục thay thế (`replaced_by`)",
        "a replaced procedure must name the procedure that replaces it (`replaced_by`)",
    ),
    (
        "thêm `replaced_by: \"1.001193\"` (mã thủ tục mới, trong dấu nháy)",
        "add `replaced_by: \"1.001193\"` (the new procedure's code, in quotes)",
    ),
    (
        "thủ tục không thể được thay thế bằng chính nó",
        "a procedure cannot be replaced by itself",
    ),
    (
        "dữ liệu lấy từ trang web Cổng Dịch vụ công quốc gia thường thiếu căn cứ pháp lý, kết quả, đối tượng và trường hợp miễn, giảm phí",
        "data taken from the web pages of the National Public Service Portal often lacks the legal basis, the results, the applicants and the fee exemptions",
    ),
    (
        "đối chiếu với tệp ChiTietTTHC (.doc) tải từ Cổng rồi ghi `{}`",
        "check it against the ChiTietTTHC (.doc) file downloaded from the Portal, then write `{}`",
    ),
    (
        "thủ tục {*} chưa được đối chiếu với Cơ sở dữ liệu quốc gia về thủ tục hành chính",
        "procedure {} has not been checked against the National Database on Administrative Procedures",
    ),
    (
        "đối chiếu từng trường (nhất là phí, lệ phí và thời hạn) với bản công bố, rồi ghi `verified: true` và `verified_by`",
        "check every field (above all the fees, charges and processing times) against the published decision, then write `verified: true` and `verified_by`",
    ),
    // content/plan.rs, and the plan fields in content/mod.rs
    (
        "tệp trong content/ke-hoach/ phải là kế hoạch, chương trình hoặc đề án, không phải `{}`",
        "a file in content/ke-hoach/ must be a plan, a programme or a project, not `{}`",
    ),
    (
        "viết `doc_type: ke_hoach` (hoặc chuong_trinh, de_an); văn bản khác đặt trong content/van-ban/",
        "write `doc_type: ke_hoach` (or chuong_trinh, de_an); other documents go in content/van-ban/",
    ),
    (
        "kế hoạch phải có trường `{}`",
        "a plan must have the field `{}`",
    ),
    (
        "ví dụ `year: 2026` (năm thực hiện)",
        "for example `year: 2026` (the year it is carried out)",
    ),
    (
        "ví dụ `campaign_kind: tuyen_truyen` (tuyen_truyen, cai_cach_hanh_chinh, chuyen_doi_so, khac)",
        "for example `campaign_kind: tuyen_truyen` (tuyen_truyen, cai_cach_hanh_chinh, chuyen_doi_so, khac)",
    ),
    (
        "thời gian thực hiện kết thúc ({*}) trước khi bắt đầu ({*})",
        "the plan's period ends ({}) before it begins ({})",
    ),
    (
        "kiểm tra lại `period: {{from: …, to: …}}`: `from` là ngày bắt đầu, `to` là ngày kết thúc",
        "check `period: {{from: …, to: …}}` again: `from` is the first day, `to` the last day",
    ),
    (
        "hoạt động thiếu số thứ tự `item_no`",
        "an activity has no number (`item_no`)",
    ),
    (
        "ví dụ `item_no: \"4.2\"` (đặt trong dấu nháy)",
        "for example `item_no: \"4.2\"` (in quotes)",
    ),
    (
        "số thứ tự `{}` bị trùng trong danh mục hoạt động",
        "the number `{}` is used twice in the list of activities",
    ),
    (
        "mỗi hoạt động một số thứ tự riêng, ví dụ 4.1, 4.2, 4.3",
        "give each activity a number of its own, for example 4.1, 4.2, 4.3",
    ),
    (
        "các số thứ tự có trong kế hoạch: {*}",
        "the numbers in the plan: {}",
    ),
    (
        "hoạt động {*} thuộc mục `{}` nhưng kế hoạch không có mục này",
        "activity {} belongs to item `{}`, but the plan has no such item",
    ),
    (
        "hoạt động {*} dùng chung ô với mục cha (`inherit`) nhưng không ghi `parent`",
        "activity {} shares cells with its parent item (`inherit`) but does not name the parent (`parent`)",
    ),
    ("thêm `{}`", "add `{}`"),
    (
        "hoạt động {*} chưa có cơ quan chủ trì",
        "activity {} has no lead unit",
    ),
    (
        "thêm `lead_units: [mã đơn vị]`; nếu cơ quan chủ trì không phải một đơn vị cụ thể, ghi `lead_note:`",
        "add `lead_units: [unit id]`; if the lead is not one particular unit, write `lead_note:`",
    ),
    ("hoạt động {*}: {*}", "activity {}: {}"),
    (
        "hoạt động định kỳ phải ghi chu kỳ `cadence` (hang_thang, hang_quy, sau_thang, hang_nam)",
        "a recurring activity must give how often it recurs, in `cadence` (hang_thang, hang_quy, sau_thang, hang_nam)",
    ),
    (
        "hoạt động trong một khoảng thời gian phải ghi `from` và `to`",
        "an activity that runs over a period must give `from` and `to`",
    ),
    (
        "hoạt động có mốc thời gian phải ghi hạn `to`",
        "an activity with a deadline must give the date in `to`",
    ),
    (
        "ví dụ `timeframe: {{kind: dinh_ky, cadence: hang_quy, text: Định kỳ 01 lần/quý}}` (thiếu `{}`)",
        "for example `timeframe: {{kind: dinh_ky, cadence: hang_quy, text: Định kỳ 01 lần/quý}}` (`{}` is missing)",
    ),
    (
        "thời gian kết thúc trước khi bắt đầu",
        "it ends before it begins",
    ),
    (
        "trường `{}` chỉ dùng cho kế hoạch, chương trình, đề án",
        "the field `{}` is only for plans, programmes and projects",
    ),
    (
        "chuyển tệp sang content/ke-hoach/<năm>/ để trang hiển thị danh mục hoạt động và theo dõi tiến độ",
        "move the file to content/ke-hoach/<year>/, so that the site shows its activities and follows their progress",
    ),
    // site/plans.rs
    (
        "có phải bạn muốn viết `{}`? Các hoạt động: {*}",
        "did you mean `{}`? The activities: {}",
    ),
    (
        "các hoạt động của kế hoạch: {*}",
        "the plan's activities: {}",
    ),
    (
        "kế hoạch `{}` không có hoạt động số `{}`",
        "the plan `{}` has no activity number `{}`",
    ),
    // report/mod.rs
    (
        "chưa có kế hoạch nào có chế độ báo cáo (`reporting`) trong content/ke-hoach/",
        "no plan in content/ke-hoach/ has a reporting schedule (`reporting`) yet",
    ),
    (
        "thêm kế hoạch vào content/ke-hoach/<năm>/ với `reporting: {{cadence: hang_quy}}`",
        "add a plan in content/ke-hoach/<year>/ with `reporting: {{cadence: hang_quy}}`",
    ),
    ("các kế hoạch: {*}", "the plans: {}"),
    (
        "không xác định được quý hiện tại",
        "the current quarter cannot be worked out",
    ),
    (
        "ghi rõ `--quarter 2026-Q2`",
        "name the quarter, for example `--quarter 2026-Q2`",
    ),
    (
        "hoạt động {*} của kế hoạch `{}` chưa có kết quả như kế hoạch yêu cầu trong {,}",
        "activity {} of the plan `{}` fell short of what the plan asks in {}",
    ),
    (
        "ghi `{}` vào tin, bài hoặc hoạt động (content/hoat-dong/) đã thực hiện hoạt động này",
        "write `{}` in the articles or activities (content/hoat-dong/) that carried out this activity",
    ),
    (
        "viết `--half 2026-H1` (6 tháng đầu năm) hoặc `--half 2026-H2` (6 tháng cuối năm)",
        "write `--half 2026-H1` (first six months) or `--half 2026-H2` (last six months)",
    ),
    (
        "viết năm, ví dụ `--year 2026`",
        "write a year, for example `--year 2026`",
    ),
    (
        "dùng cả `--from` và `--to`, mỗi ngày viết dạng `2026-07-01` hoặc `01/07/2026`",
        "give both `--from` and `--to`, each day written `2026-07-01` or `01/07/2026`",
    ),
    (
        "ngày bắt đầu {*} sau ngày kết thúc {*}",
        "the first day {} is after the last day {}",
    ),
    ("đổi chỗ `--from` và `--to`", "swap `--from` and `--to`"),
    (
        "có {*} kế hoạch cần báo cáo; mỗi tệp chỉ chứa báo cáo của một kế hoạch",
        "{} plans have a report; a file holds the report of one plan",
    ),
    (
        "chọn một kế hoạch bằng `--plan`, ví dụ `{}`",
        "choose one plan with `--plan`, for example `{}`",
    ),
    (
        "không tạo được tệp Word: {*}",
        "the Word file could not be made: {}",
    ),
    (
        "không tạo được tệp Excel: {*}",
        "the Excel file could not be made: {}",
    ),
    (
        "báo lỗi này cho người quản trị trang kèm lệnh đã chạy",
        "report this error to the site's administrator with the command you ran",
    ),
    (
        "kiểm tra thư mục có tồn tại và được phép ghi, tệp không đang mở trong Word hoặc Excel",
        "check that the folder exists and can be written, and that the file is not open in Word or Excel",
    ),
    (
        "tệp `{}` đã có; không ghi đè để giữ nội dung đã sửa trong tệp",
        "the file `{}` exists; it is not overwritten, to keep what was edited in it",
    ),
    (
        "đặt tên tệp khác cho `--output`, hoặc thêm `--force` để thay tệp cũ",
        "give `--output` another name, or add `--force` to replace the old file",
    ),
    (
        "tệp Word, Excel phải ghi ra tệp",
        "a Word or Excel report must be written to a file",
    ),
    (
        "thêm `--output TÊN_TỆP`, ví dụ `--output bao-cao-quy-3.docx`",
        "add `--output FILE_NAME`, for example `--output bao-cao-quy-3.docx`",
    ),
    (
        "chỉ tiêu ghi hoạt động số `{}` nhưng danh mục không có hoạt động này",
        "a target names activity number `{}` but the appendix has no such activity",
    ),
    ("các hoạt động: {*}", "the activities: {}"),
    // content/event.rs
    ("thêm ví dụ `{}`", "add, for example, `{}`"),
    (
        "hoạt động phải có ít nhất một đơn vị (đơn vị đầu tiên là cơ quan chủ trì)",
        "an activity needs at least one unit (the first one leads it)",
    ),
    (
        "ngày kết thúc {*} trước ngày bắt đầu {*}",
        "the last day {} is before the first day {}",
    ),
    (
        "sửa `end_date` thành ngày kết thúc (sau `date`), hoặc bỏ dòng này nếu hoạt động diễn ra trong một ngày",
        "set `end_date` to the last day (after `date`), or remove the line if it took one day",
    ),
    (
        "hoạt động chưa gắn với hoạt động nào của kế hoạch nên không được tính trong báo cáo",
        "the activity is not linked to any activity of a plan, so the report does not count it",
    ),
    ("Quý {*}/{*} ({*})", "quarter {}/{} ({})"),
    (
        "ghi `{}` vào tin, bài đã thực hiện hoạt động này",
        "write `{}` in the news or articles that carried out this activity",
    ),
    // content/unit.rs
    (
        "mã đơn vị `{}` phải viết thường, không dấu, nối bằng `-`",
        "the unit id `{}` must be in lowercase letters without diacritics, with words joined by `-`",
    ),
    // site.rs
    (
        "có phải bạn muốn viết `{}`? Danh sách đơn vị ở content/don-vi/",
        "did you mean `{}`? The units are listed in content/don-vi/",
    ),
    (
        "dùng mã đơn vị (tên tệp trong content/don-vi/), tên hoặc tên gọi khác của đơn vị",
        "use the unit's id (its file name in content/don-vi/), its name or one of its aliases",
    ),
    (
        "mã đơn vị `{}` bị trùng với {*}",
        "the unit id `{}` is also used in {}",
    ),
    (
        "tên gọi khác `{}` đã dùng cho đơn vị `{}` ({*})",
        "the alias `{}` is already used for the unit `{}` ({})",
    ),
    (
        "mỗi tên gọi khác chỉ được trỏ tới một đơn vị",
        "an alias may point to one unit only",
    ),
    (
        "có phải bạn muốn viết `{}`? Các chuyên mục: {*}",
        "did you mean `{}`? The sections: {}",
    ),
    ("các chuyên mục: {*}", "the sections: {}"),
    ("không có chuyên mục `{}`", "there is no section `{}`"),
    ("không có kế hoạch `{}`", "there is no plan `{}`"),
    (
        "viết mã kế hoạch (đường dẫn tệp trong content/, không có .md), dấu `#` và số thứ tự hoạt động, ví dụ `{}`",
        "write the plan's id (its file path in content/, without .md), a `#` and the activity's number, for example `{}`",
    ),
    (
        "`{}` không đúng dạng `<kế hoạch>#<số thứ tự>`",
        "`{}` is not written as `<plan>#<activity number>`",
    ),
    (
        "ảnh thiếu mô tả (alt) cho người khiếm thị",
        "the image has no description (alt) for blind readers",
    ),
    (
        "viết `alt: ` mô tả ngắn nội dung ảnh",
        "write `alt: ` with a short description of what the image shows",
    ),
    (
        "đường dẫn `{}` đã được dùng cho một mục của trang",
        "the path `{}` is already used by a part of the site",
    ),
    (
        "đặt `slug:` khác, ví dụ `{}`",
        "choose another `slug:`, for example `{}`",
    ),
    (
        "hai bài có cùng đường dẫn `{}`: tệp này và {*}",
        "two items have the same path `{}`: this file and {}",
    ),
    (
        "đổi tên một trong hai tệp, hoặc thêm `slug: ...` khác nhau",
        "rename one of the two files, or give them different `slug: ...`",
    ),
    (
        "văn bản `{}` chưa được đăng nên không có liên kết",
        "the document `{}` is not published, so there is no link to it",
    ),
    ("không có văn bản `{}`", "there is no document `{}`"),
    (
        "viết đường dẫn tệp trong content/ (không có .md), ví dụ `{}`",
        "write the file's path in content/ (without .md), for example `{}`",
    ),
    (
        "đường dẫn tệp `{}` không hợp lệ",
        "the file path `{}` is not valid",
    ),
    (
        "viết đường dẫn tới tệp trong static/, ví dụ `{}`, không dùng `..`",
        "write the path of a file in static/, for example `{}`, without `..`",
    ),
    ("không tìm thấy tệp `{}`", "the file `{}` was not found"),
    (
        "đặt tệp vào static/{*}, hoặc sửa lại đường dẫn",
        "put the file at static/{}, or correct the path",
    ),
    (
        "đường dẫn tệp `{}` phải bắt đầu bằng `/`",
        "the file path `{}` must start with `/`",
    ),
    (
        "ví dụ `{}` cho tệp static/files/{*}",
        "for example `{}` for the file static/files/{}",
    ),
    (
        "đường dẫn `{}` chỉ được chứa chữ thường không dấu, số và dấu `-`",
        "the path `{}` may contain only lowercase letters without diacritics, digits and `-`",
    ),
    // site/procedures.rs
    (
        "mã thủ tục `{}` trùng với tệp {*}",
        "the procedure code `{}` is also used in the file {}",
    ),
    (
        "mỗi thủ tục chỉ có một tệp; gộp hai tệp hoặc sửa mã bị chép nhầm",
        "each procedure has one file only; merge the two files, or correct a code that was copied wrongly",
    ),
    (
        "thủ tục thay thế `{}` chưa được đăng trên trang nên không có liên kết",
        "the replacing procedure `{}` is not published on the site, so there is no link to it",
    ),
    (
        "thêm tệp content/thu-tuc/{*}.md",
        "add the file content/thu-tuc/{}.md",
    ),
    (
        "thủ tục `{}` chưa được đăng nên không có liên kết",
        "the procedure `{}` is not published, so there is no link to it",
    ),
    (
        "viết mã thủ tục đã có trong content/thu-tuc/, ví dụ \"1.001193\"",
        "write the code of a procedure in content/thu-tuc/, for example \"1.001193\"",
    ),
    (
        "không có thủ tục mã `{}` trên trang",
        "there is no procedure with the code `{}` on the site",
    ),
    // site.rs: images in the Markdown text
    (
        "ảnh trong bài thiếu mô tả (alt) cho người khiếm thị",
        "an image in the text has no description (alt) for blind readers",
    ),
    (
        "viết mô tả ngắn nội dung ảnh trong ngoặc vuông: `{}`",
        "write a short description of what the image shows between the square brackets: `{}`",
    ),
    // images.rs
    (
        "không xử lý được ảnh `{}`: {*}",
        "cannot process the image `{}`: {}",
    ),
    (
        "lưu lại ảnh dạng JPEG (ảnh chụp) hoặc PNG (đồ họa), rộng không quá vài nghìn điểm ảnh",
        "save the image again as JPEG (for photos) or PNG (for graphics), no more than a few thousand pixels wide",
    ),
    (
        "không tạo được thư mục đệm: {*}",
        "cannot create the cache folder: {}",
    ),
    (
        "không ghi được tệp đệm `{}`: {*}",
        "cannot write the cache file `{}`: {}",
    ),
    (
        "không nhận ra định dạng ảnh",
        "the image format is not recognised",
    ),
    (
        "định dạng {*} chưa được hỗ trợ",
        "the format {} is not supported",
    ),
    ("ảnh hỏng: {*}", "the image is damaged: {}"),
    (
        "ảnh quá lớn ({*}×{*} điểm ảnh)",
        "the image is too large ({}×{} pixels)",
    ),
    (
        "kiểu điểm ảnh không hỗ trợ",
        "the kind of pixels is not supported",
    ),
    ("không mã hóa được ảnh: {*}", "cannot encode the image: {}"),
    (
        "không thu nhỏ được ảnh: {*}",
        "cannot scale the image down: {}",
    ),
    (
        "không mã hóa được ảnh WebP: {*}",
        "cannot encode the WebP image: {}",
    ),
    // serve/
    (
        "không tìm thấy thư mục trang `{}`: {*}",
        "the site folder `{}` was not found: {}",
    ),
    (
        "dùng `--root THƯ_MỤC` (nơi có site.yaml)",
        "use `--root FOLDER` (the folder where site.yaml is)",
    ),
    (
        "không mở được cổng {*} trên {*}: {*}",
        "cannot open port {} on {}: {}",
    ),
    (
        "cổng có thể đang được chương trình khác dùng: chọn cổng khác với `--port`, ví dụ `--port 1112`",
        "another program may be using the port: choose another one with `--port`, for example `--port 1112`",
    ),
    (
        "không đọc được địa chỉ máy chủ: {*}",
        "cannot read the server's address: {}",
    ),
    (
        "không chạy được máy chủ: {*}",
        "cannot start the server: {}",
    ),
    (
        "máy chủ xem trước đang mở cho mọi máy trong mạng ({*}): ai có địa chỉ kèm mã truy cập đều xem được cả bài nháp và sửa được bài",
        "the preview server is open to every computer on the network ({}): anyone who has the address with its access token can see the drafts and edit the content",
    ),
    (
        "không tạo được mã truy cập ngẫu nhiên cho máy chủ xem trước",
        "cannot make a random access token for the preview server",
    ),
    (
        "đặt mã bằng `--token MÃ` (ít nhất 16 ký tự khó đoán)",
        "give one with `--token TOKEN` (at least 16 characters that are hard to guess)",
    ),
    (
        "chỉ gửi địa chỉ có mã cho người cần xem, trên mạng tin cậy; bỏ `--bind` để chỉ máy này xem được (127.0.0.1)",
        "give the address with its token only to those who need it, on a network you trust; leave out `--bind` so that only this computer can see it (127.0.0.1)",
    ),
    (
        "không theo dõi được thay đổi của thư mục trang: {*}",
        "cannot watch the site folder for changes: {}",
    ),
    (
        "trên Linux, có thể cần tăng fs.inotify.max_user_watches (sysctl)",
        "on Linux, fs.inotify.max_user_watches may need to be raised (sysctl)",
    ),
    // init.rs
    (
        "thư mục `{}` đã có nội dung; không ghi đè",
        "the folder `{}` is not empty; nothing was overwritten",
    ),
    (
        "chọn tên thư mục mới, ví dụ `trangxa init trang-xa-moi --commune …`",
        "choose a new folder name, e.g. `trangxa init new-site --commune …`",
    ),
    (
        "tên `{}` của {*} không dùng được",
        "the name `{}` given to {} cannot be used",
    ),
    (
        "chỉ ghi tên, bằng chữ, số, dấu cách hoặc dấu `-`, ví dụ --commune \"Ia Rsai\" --province \"Gia Lai\"",
        "write just the name, in letters, digits, spaces or `-`, e.g. --commune \"Ia Rsai\" --province \"Gia Lai\"",
    ),
    ("chưa ghi `{}`", "`{}` is not given"),
    (
        "ví dụ: trangxa init ia-rsai --commune \"Ia Rsai\" --province \"Gia Lai\"",
        "for example: trangxa init ia-rsai --commune \"Ia Rsai\" --province \"Gia Lai\"",
    ),
    (
        "không tạo được trang mới trong `{}`: {*}",
        "cannot create the new site in `{}`: {}",
    ),
    (
        "kiểm tra quyền ghi và dung lượng còn trống của ổ đĩa",
        "check the write permission and the free space of the disk",
    ),
    // scaffold.rs
    (
        "thủ tục hành chính cần mã và tên: mã của Cơ sở dữ liệu quốc gia rồi đến tên thủ tục",
        "a procedure needs its code and its name: the national database code, then the name",
    ),
    (
        "ví dụ: `trangxa new thu-tuc \"1.001193 Đăng ký khai sinh\"`; nhiều thủ tục thì dùng `trangxa import thu-tuc`",
        "for example: `trangxa new thu-tuc \"1.001193 Đăng ký khai sinh\"`; for many procedures use `trangxa import thu-tuc`",
    ),
    // serve/editor
    (
        "chưa có tiêu đề (hoặc mã): tên tệp được đặt theo đó",
        "there is no title (or id) yet: the file is named after it",
    ),
    (
        "gõ tiêu đề (với đơn vị: mã đơn vị), có ít nhất một chữ hoặc số",
        "type a title (for a unit: its id) with at least one letter or digit",
    ),
    ("đã có tệp `{}`", "the file `{}` already exists"),
    (
        "đổi tiêu đề hoặc mã cho khác đi",
        "choose a different title or id",
    ),
    (
        "tệp đã bị sửa ở nơi khác sau khi bạn mở nên chưa được lưu",
        "the file was changed elsewhere after you opened it, so nothing was saved",
    ),
    (
        "xem hai bản bên dưới, chép phần cần giữ, rồi mở lại tệp",
        "compare the two versions below, copy what you want to keep, then open the file again",
    ),
    (
        "kiểm tra quyền ghi thư mục content/, rồi bấm Lưu lại",
        "check that the content/ folder can be written to, then save again",
    ),
    // theme.rs
    (
        "không tìm thấy giao diện `{}`",
        "the theme `{}` was not found",
    ),
    (
        "xóa trường `theme` trong site.yaml để dùng giao diện có sẵn (default), hoặc tạo thư mục giao diện này",
        "remove the `theme` field from site.yaml to use the built-in theme (default), or create this theme folder",
    ),
    ("không đọc được giao diện: {*}", "cannot read the theme: {}"),
    (
        "mẫu giao diện không phải văn bản UTF-8",
        "the theme template is not UTF-8 text",
    ),
    (
        "lưu lại tệp với bảng mã UTF-8",
        "save the file again in UTF-8",
    ),
    // render/
    (
        "lỗi mẫu giao diện `{}`: {*}",
        "error in the theme template `{}`: {}",
    ),
    (
        "lỗi mẫu giao diện `{}`: {*}giao diện không có tệp tĩnh `{}`{*}",
        "error in the theme template `{}`: {}the theme has no static file `{}`{}",
    ),
    (
        "giao diện không có tệp tĩnh `{}`",
        "the theme has no static file `{}`",
    ),
    (
        "hai trang cùng ghi vào `{}`",
        "two pages are written to the same file `{}`",
    ),
    (
        "đổi `slug:` của một trang tĩnh hoặc bài viết để đường dẫn khác nhau",
        "change the `slug:` of a page or an article so that their paths differ",
    ),
    (
        "giao diện không có mẫu `{}`",
        "the theme has no template `{}`",
    ),
    ("các mẫu có sẵn: {*}", "the templates there are: {}"),
    // check/
    (
        "mục menu `{}` trỏ tới `{}` nhưng trang này không có",
        "the menu entry `{}` points to `{}`, but the site has no such page",
    ),
    (
        "tạo trang đó (ví dụ trong content/trang/), hoặc sửa đường dẫn trong menu của site.yaml",
        "create that page (for example in content/trang/), or correct the path in the menu in site.yaml",
    ),
    (
        "không có mục `{}` trong trang",
        "there is no heading `{}` on the page",
    ),
    (
        "trang này không có tiêu đề mục (##) nào để liên kết tới",
        "this page has no headings (##) to link to",
    ),
    ("các mục trong trang: {*}", "the headings on the page: {}"),
    (
        "liên kết `{}` không dẫn tới trang, tệp hay mục nào của trang web",
        "the link `{}` does not lead to any page, file or heading of the site",
    ),
    (
        "liên kết `{}` (trong mẫu giao diện hoặc phần thông tin, ở {*} trang, ví dụ `{}`) không dẫn tới trang nào",
        "the link `{}` (in a theme template or in front matter, on {} pages, for example `{}`) does not lead to any page",
    ),
    (
        "kiểm tra lại đường dẫn; đường dẫn trong trang bắt đầu bằng `/`, ví dụ `{}`",
        "check the path; paths within the site start with `/`, for example `{}`",
    ),
    (
        "văn bản được đăng sau {*} ngày làm việc kể từ ngày ban hành (quy định: không quá {*} ngày)",
        "the document was published {} working days after it was issued (the rule: no more than {} days)",
    ),
    (
        "hạn cập nhật ghi cho chuyên mục `{}` nhưng không có chuyên mục này",
        "an update deadline is set for the section `{}`, but there is no such section",
    ),
    (
        "chuyên mục `{}` chưa được cập nhật: {*}; hạn là {*} ngày",
        "the section `{}` is out of date: {}; the deadline is {} days",
    ),
    (
        "tin mới nhất đăng ngày {*} ({*} ngày trước)",
        "the latest news was published on {} ({} days ago)",
    ),
    ("chưa có tin nào", "there is no news yet"),
    (
        "đăng tin mới cho chuyên mục, hoặc sửa hạn trong `deadlines.sections` của site.yaml",
        "publish news in this section, or change its deadline in `deadlines.sections` in site.yaml",
    ),
    (
        "liên kết ngoài `{}` không mở được: {*}",
        "the external link `{}` does not open: {}",
    ),
    ("ở {*} trang, ví dụ `{}`", "on {} pages, for example `{}`"),
    ("hết thời gian chờ", "timed out"),
    (
        "máy chủ trả lời mã {*}",
        "the server answered with status {}",
    ),
    // output.rs
    (
        "không đọc được thư mục static: {*}",
        "cannot read the static folder: {}",
    ),
    (
        "bỏ qua liên kết tượng trưng (symlink) trong thư mục static",
        "skipped a symbolic link (symlink) in the static folder",
    ),
    (
        "không thể ghi trang vào `{}`: thư mục này chứa nội dung hoặc mã nguồn của trang",
        "cannot write the site into `{}`: that folder holds the site's content or sources",
    ),
    (
        "chọn một thư mục riêng, ví dụ `{}`",
        "choose a folder of its own, for example `{}`",
    ),
    (
        "không đổi tên được thư mục `{}`: {*}",
        "cannot rename the folder `{}`: {}",
    ),
    (
        "không thay được thư mục `{}`: {*}",
        "cannot replace the folder `{}`: {}",
    ),
    (
        "không ghi được tệp `{}`: {*}",
        "cannot write the file `{}`: {}",
    ),
    (
        "không sao chép được tệp `{}`: {*}",
        "cannot copy the file `{}`: {}",
    ),
    (
        "đường dẫn `{}` nằm ngoài thư mục xuất bản",
        "the path `{}` is outside the output folder",
    ),
    (
        "tệp tĩnh `{}` trùng đường dẫn với một trang của site",
        "the static file `{}` has the same path as a page of the site",
    ),
    // output.rs: what `--output` may replace, builds taking turns (issue 14)
    (
        "`{}` là một tệp, không phải thư mục xuất bản; trangxa không ghi đè lên nó",
        "`{}` is a file, not an output folder; trangxa does not overwrite it",
    ),
    (
        "chọn một thư mục khác cho `--output`, ví dụ `--output public`",
        "choose another folder for `--output`, for example `--output public`",
    ),
    (
        "không thể ghi trang vào `{}`: đây là thư mục gốc của máy hoặc thư mục cá nhân",
        "cannot write the site into `{}`: it is the system's root folder or the home folder",
    ),
    (
        "chọn một thư mục riêng cho trang, ví dụ `--output public`",
        "choose a folder of the site's own, for example `--output public`",
    ),
    (
        "không thể ghi trang vào `{}`: thư mục này chứa kho Git (`.git`)",
        "cannot write the site into `{}`: that folder holds a Git repository (`.git`)",
    ),
    (
        "dựng trang vào một thư mục riêng (ví dụ `--output public`) rồi sao chép nội dung sang kho Git khi xuất bản",
        "build into a folder of its own (for example `--output public`), then copy its contents into the Git repository to publish",
    ),
    (
        "thư mục `{}` đã có sẵn (đang trống) nhưng không do trangxa tạo",
        "the folder `{}` already exists (empty) but was not made by trangxa",
    ),
    (
        "chạy lại với `--force` để trangxa dùng thư mục trống này (thư mục sẽ được thay bằng thư mục mới)",
        "run again with `--force` to let trangxa use this empty folder (it is replaced by a new folder)",
    ),
    (
        "thư mục `{}` có tệp nhưng không do trangxa tạo (thiếu tệp `{}`); trangxa không xóa tệp của bạn",
        "the folder `{}` holds files but was not made by trangxa (no `{}` file); trangxa does not delete your files",
    ),
    (
        "chọn thư mục khác cho `--output`, hoặc tự chuyển các tệp cần giữ ra chỗ khác và xóa thư mục này rồi dựng lại (`--force` chỉ dùng cho thư mục trống)",
        "choose another folder for `--output`, or move the files you keep elsewhere, delete this folder yourself and build again (`--force` only applies to an empty folder)",
    ),
    (
        "một lần dựng trang khác vẫn đang ghi vào `{}` sau {*} phút chờ",
        "another build is still writing into `{}` after {} minutes of waiting",
    ),
    (
        "đợi lần dựng kia xong rồi chạy lại; khóa tự mở khi chương trình trangxa kia kết thúc",
        "wait for the other build to finish, then run again; the lock is released when that trangxa program ends",
    ),
    (
        "thư mục xuất bản `{}` không đầy đủ sau khi ghi: đã ghi {*} tệp nhưng thấy {*} tệp",
        "the output folder `{}` is incomplete after writing: {} files were written but {} are there",
    ),
    (
        "có chương trình khác đang ghi hoặc xóa trong thư mục này; dừng chương trình đó rồi dựng lại",
        "another program is writing or deleting in this folder; stop it and build again",
    ),
    (
        "không đọc được thư mục `{}`: {*}",
        "cannot read the folder `{}`: {}",
    ),
    (
        "không tạo được tệp `{}`: {*}",
        "cannot create the file `{}`: {}",
    ),
    (
        "không khóa được tệp `{}`: {*}",
        "cannot lock the file `{}`: {}",
    ),
    // content/types.rs: the one URL rule (issue 14)
    (
        "địa chỉ `{}` không được phép: chỉ dùng địa chỉ bắt đầu bằng https://, http://, mailto:, tel: hoặc đường dẫn trong trang bắt đầu bằng /",
        "the address `{}` is not allowed: use only addresses starting with https://, http://, mailto:, tel: or a path of the site starting with /",
    ),
    // content/mod.rs: bounded raw HTML (issue 14)
    (
        "HTML viết trong bài lồng quá sâu (quá {*} lớp thẻ)",
        "the HTML written in the body nests too deep (more than {} levels of tags)",
    ),
    (
        "bỏ bớt các thẻ lồng nhau, hoặc viết nội dung bằng Markdown thay cho HTML",
        "remove some of the nested tags, or write the content in Markdown instead of HTML",
    ),
    // site.rs: slug length (issue 14)
    (
        "đường dẫn `{}` dài {*} ký tự; tối đa {*} ký tự",
        "the path `{}` is {} characters long; at most {} characters",
    ),
    (
        "viết một đường dẫn ngắn, ví dụ `{}`",
        "write a short path, for example `{}`",
    ),
    // import/sheet.rs: spreadsheet limits (issue 14)
    (
        "bảng tính vượt giới hạn: {*}",
        "the spreadsheet is over a limit: {}",
    ),
    (
        "quá {*} dòng dữ liệu (dòng {*} vượt quá)",
        "more than {} data rows (row {} is past the limit)",
    ),
    (
        "quá {*} cột (có ô ở cột {*})",
        "more than {} columns (a cell in column {})",
    ),
    (
        "ô {*} dài {*} ký tự, quá {*} ký tự",
        "cell {} is {} characters long, over {} characters",
    ),
    (
        "tệp nặng {*} MB, quá {*} MB",
        "the file is {} MB, over {} MB",
    ),
    (
        "tệp giải nén ra hơn {*} MB",
        "the file unpacks to more than {} MB",
    ),
    (
        "chia danh sách thành nhiều tệp nhỏ hơn, hoặc xóa các dòng, cột và ô thừa rồi lưu lại",
        "split the list into smaller files, or delete the extra rows, columns and cells and save again",
    ),
    // scaffold.rs
    (
        "tiêu đề cần có ít nhất một chữ hoặc số",
        "the title needs at least one letter or digit",
    ),
    (
        "ví dụ: trangxa new tin-tuc \"Hướng dẫn nộp hồ sơ trực tuyến\"",
        "for example: `trangxa new tin-tuc \"Hướng dẫn nộp hồ sơ trực tuyến\"`",
    ),
    ("các loại: {*}", "the types: {}"),
    (
        "tệp `{}` đã có; không ghi đè",
        "the file `{}` already exists; it was not overwritten",
    ),
    (
        "đặt tiêu đề khác, hoặc mở tệp đó để sửa",
        "choose another title, or open that file to edit it",
    ),
    ("không ghi được `{}`: {*}", "cannot write `{}`: {}"),
    // import/mod.rs
    (
        "mã thủ tục `{}` đã có ở dòng {*}",
        "the procedure code `{}` is already on row {}",
    ),
    (
        "mỗi thủ tục chỉ ghi một dòng; xóa dòng trùng hoặc sửa mã bị chép nhầm",
        "each procedure takes one row; delete the repeated row, or correct a code that was copied wrongly",
    ),
    (
        "ghi mã đơn vị (tên tệp trong content/don-vi/), tên hoặc tên gọi khác của đơn vị",
        "write the unit's id (its file name in content/don-vi/), its name or one of its aliases",
    ),
    (
        "không đọc được tệp hiện có: {*}",
        "cannot read the existing file: {}",
    ),
    (
        "kiểm tra quyền đọc tệp",
        "check the permission to read the file",
    ),
    (
        "tệp hiện có viết sai nên không cập nhật được: {*}",
        "the existing file has mistakes, so it cannot be updated: {}",
    ),
    (
        "sửa tệp (chạy `trangxa check` để xem lỗi) rồi nhập lại",
        "correct the file (run `trangxa check` to see the errors), then import again",
    ),
    (
        "không tạo được phần thông tin: {*}",
        "cannot write the front matter: {}",
    ),
    (
        "báo lỗi này cho người phát triển",
        "report this error to the developers",
    ),
    ("không ghi được tệp: {*}", "cannot write the file: {}"),
    (
        "kiểm tra quyền ghi thư mục content/thu-tuc/",
        "check the permission to write to the folder content/thu-tuc/",
    ),
    // import/sheet.rs
    (
        "không đọc được tệp `{}`: chỉ nhận bảng tính .csv hoặc .xlsx",
        "cannot read a `{}` file: only .csv and .xlsx spreadsheets are accepted",
    ),
    (
        "trong Excel chọn Lưu thành (Save As) → Sổ làm việc Excel (.xlsx) hoặc CSV UTF-8",
        "in Excel, choose Save As → Excel Workbook (.xlsx) or CSV UTF-8",
    ),
    (
        "bảng tính trống: không có dòng tiêu đề cột",
        "the spreadsheet is empty: there is no header row",
    ),
    (
        "dòng đầu tiên ghi tên các cột, ví dụ `{}`, `{}`, `{}` (xem README)",
        "the first row holds the column names, for example `{}`, `{}`, `{}` (see the README)",
    ),
    ("kiểm tra đường dẫn tệp", "check the file's path"),
    (
        "tệp CSV không ở bảng mã UTF-8 (có thể được lưu bằng Windows-1258 hoặc TCVN3)",
        "the CSV file is not in UTF-8 (it may have been saved as Windows-1258 or TCVN3)",
    ),
    (
        "trong Excel chọn Lưu thành (Save As) → CSV UTF-8 (phân cách bằng dấu phẩy)",
        "in Excel, choose Save As → CSV UTF-8 (Comma delimited)",
    ),
    ("tệp CSV viết sai: {*}", "the CSV file is malformed: {}"),
    (
        "kiểm tra dấu nháy kép `\"` trong ô: mỗi ô mở bằng `\"` phải đóng bằng `\"`",
        "check the double quotes `\"` in the cells: a cell that opens with `\"` must close with `\"`",
    ),
    (
        "không mở được bảng tính: {*}",
        "cannot open the spreadsheet: {}",
    ),
    (
        "mở tệp bằng Excel hoặc LibreOffice và lưu lại dạng .xlsx",
        "open the file in Excel or LibreOffice and save it again as .xlsx",
    ),
    (
        "không đọc được trang tính đầu tiên: {*}",
        "cannot read the first sheet: {}",
    ),
    (
        "bảng tính không có trang tính nào",
        "the spreadsheet has no sheets",
    ),
    (
        "đặt danh sách thủ tục ở trang tính đầu tiên",
        "put the list of procedures on the first sheet",
    ),
    // import/columns.rs
    (
        "cột {*} `{}` trùng với cột {*}",
        "column {} `{}` repeats column {}",
    ),
    (
        "xóa hoặc đổi tên một trong hai cột",
        "delete or rename one of the two columns",
    ),
    (
        "tên các cột được dùng có trong README, mục Nhập thủ tục",
        "the README lists the column names, in its section on importing procedures",
    ),
    (
        "cột {*} `{}` không được dùng nên bị bỏ qua",
        "column {} `{}` is not one the import uses, so it was skipped",
    ),
    (
        "bảng tính thiếu cột bắt buộc `{}`",
        "the spreadsheet lacks the required column `{}`",
    ),
    (
        "thêm cột này vào dòng tiêu đề (xem README, mục Nhập thủ tục hành chính)",
        "add this column to the header row (see the README, section on importing procedures)",
    ),
    (
        "bảng tính thiếu cột thời hạn giải quyết",
        "the spreadsheet has no processing-time column",
    ),
    (
        "thêm ít nhất một cột `{}`, `{}` hoặc `{}`",
        "add at least one of the columns `{}`, `{}` or `{}`",
    ),
    ("dòng {*}, cột {*} `{}`: {*}", "row {}, column {} `{}`: {}"),
    (
        "ô có dấu xuống dòng, nhưng chỉ được ghi một giá trị trên một dòng",
        "the cell has a line break, but it takes one value on one line",
    ),
    (
        "nối lại thành một dòng (xóa dấu xuống dòng Alt+Enter): `{}`",
        "join it into one line (delete the Alt+Enter line break): `{}`",
    ),
    (
        "ô này bắt buộc phải có nội dung",
        "this cell may not be empty",
    ),
    (
        "mỗi mục một dòng (Alt+Enter để xuống dòng trong ô)",
        "one item per line (Alt+Enter starts a new line in a cell)",
    ),
    ("thiếu mã thủ tục", "the procedure code is missing"),
    ("thiếu tên thủ tục", "the procedure name is missing"),
    ("thiếu lĩnh vực", "the procedure field is missing"),
    ("thiếu trình tự thực hiện", "the steps are missing"),
    ("thiếu đối tượng thực hiện", "the applicants are missing"),
    (
        "thiếu cơ quan thực hiện",
        "the implementing agency is missing",
    ),
    ("thiếu kết quả thực hiện", "the results are missing"),
    (
        "thiếu mức độ dịch vụ công trực tuyến",
        "the online service level is missing",
    ),
    ("thiếu cấp thực hiện", "the administrative level is missing"),
    ("thiếu căn cứ pháp lý", "the legal basis is missing"),
    (
        "thiếu thành phần hồ sơ",
        "the list of papers (dossier) is missing",
    ),
    (
        "thiếu đơn vị tiếp nhận, giải quyết",
        "the units that receive and handle the applications are missing",
    ),
    ("ngày `{}` không hợp lệ", "the date `{}` is not valid"),
    (
        "viết ngày dạng 27/11/2026 hoặc 2026-11-27",
        "write the date as 27/11/2026 or 2026-11-27",
    ),
    (
        "mã thủ tục `{}` không hợp lệ",
        "the procedure code `{}` is not valid",
    ),
    (
        "mã thủ tục thay thế `{}` không hợp lệ",
        "the code of the replacing procedure `{}` is not valid",
    ),
    (
        "mã có dạng 1.001193 (một chữ số, dấu chấm, sáu chữ số); nếu Excel bỏ số 0 ở cuối, định dạng ô là Văn bản (Text)",
        "a code looks like 1.001193 (one digit, a dot, six digits); if Excel drops the zeros at the end, format the cell as Text",
    ),
    (
        "có phải bạn muốn viết `{}`? Các giá trị: {*}",
        "did you mean `{}`? The values: {}",
    ),
    ("các giá trị: {*}", "the values: {}"),
    (
        "ngày ban hành `{}` của `{}` không hợp lệ",
        "the date of issue `{}` of `{}` is not valid",
    ),
    (
        "mỗi dòng: Số ký hiệu | Trích yếu | Ngày ban hành (27/11/2026) | Cơ quan ban hành",
        "one document per line: `Số ký hiệu | Trích yếu | Ngày ban hành (27/11/2026) | Cơ quan ban hành` (number, summary, date of issue, issuing body)",
    ),
    (
        "dòng `{}` thiếu số ký hiệu văn bản",
        "the line `{}` lacks the document's number",
    ),
    (
        "mỗi dòng: Số ký hiệu | Trích yếu | Ngày ban hành | Cơ quan ban hành",
        "one document per line: `Số ký hiệu | Trích yếu | Ngày ban hành | Cơ quan ban hành` (number, summary, date of issue, issuing body)",
    ),
    (
        "mỗi văn bản một dòng: Số ký hiệu | Trích yếu | Ngày ban hành | Cơ quan ban hành",
        "one document per line: `Số ký hiệu | Trích yếu | Ngày ban hành | Cơ quan ban hành` (number, summary, date of issue, issuing body)",
    ),
    (
        "có phí, lệ phí khi nộp {*} nhưng chưa ghi thời hạn giải quyết",
        "there are fees for applying {} but no processing time",
    ),
    ("trực tiếp", "in person"),
    ("trực tuyến", "online"),
    ("dịch vụ bưu chính", "by post"),
    (
        "ghi thời hạn giải quyết, hoặc xóa ô phí, lệ phí nếu không nhận hồ sơ theo cách này",
        "write the processing time, or empty the fees cell if applications are not taken this way",
    ),
    (
        "không rõ `{}` là phí hay lệ phí",
        "it is not clear whether `{}` is a fee (`Phí`) or a charge (`Lệ phí`)",
    ),
    (
        "ghi nguyên văn như bản công bố, bắt đầu bằng `{}` hoặc `{}`, ví dụ `{}`",
        "copy it word for word from the published decision, starting with `{}` or `{}`, for example `{}`",
    ),
    (
        "chưa ghi thời hạn giải quyết cho cách nộp hồ sơ nào",
        "no processing time is given for any way of applying",
    ),
    (
        "ghi thời hạn ở ít nhất một cột: trực tiếp, trực tuyến hoặc bưu chính",
        "write the processing time in at least one column: in person (`Trực tiếp`), online (`Trực tuyến`) or by post (`Bưu chính`)",
    ),
    (
        "không đọc được số bộ hồ sơ trong `{}`",
        "cannot read the number of sets of papers in `{}`",
    ),
    (
        "viết ví dụ `{}` sau danh sách giấy tờ",
        "write, for example, `{}` after the list of papers",
    ),
    (
        "mỗi giấy tờ một dòng (Alt+Enter để xuống dòng trong ô)",
        "one paper per line (Alt+Enter starts a new line in a cell)",
    ),
    (
        "ghi mã thủ tục của Cơ sở dữ liệu quốc gia, ví dụ 1.001193",
        "write the procedure's code in the National Database, for example 1.001193",
    ),
    (
        "thủ tục có mức độ trực tuyến `{}` phải có địa chỉ nộp hồ sơ trực tuyến",
        "a procedure with the online level `{}` must give the address for applying online",
    ),
    (
        "ghi địa chỉ vào cột `{}`, hoặc ghi mức độ `{}`",
        "write the address in the column `{}`, or set the level to `{}`",
    ),
    (
        "ghi mã đơn vị (tên tệp trong content/don-vi/) hoặc tên đơn vị, cách nhau bằng `;`",
        "write the units' ids (file names in content/don-vi/) or names, separated by `;`",
    ),
    (
        "thủ tục đã được thay thế phải ghi mã thủ tục thay thế",
        "a replaced procedure must give the code of the procedure that replaces it",
    ),
    (
        "ghi mã vào cột `{}`, ví dụ 1.001193",
        "write the code in the column `{}`, for example 1.001193",
    ),
    ("không hiểu `{}`", "`{}` is not understood"),
    (
        "ghi `{}` nếu đã đối chiếu với Cơ sở dữ liệu quốc gia, `{}` nếu chưa",
        "write `{}` if it has been checked against the National Database, `{}` if not",
    ),
    // content/yaml_hints.rs, config.rs (required facts), check/staff.rs
    ("sửa dòng này thành `{}`", "change this line to `{}`"),
    (
        "dòng này thụt lề bằng phím Tab; phần thông tin chỉ được thụt lề bằng dấu cách",
        "this line is indented with the Tab key; front matter is indented with spaces only",
    ),
    (
        "dấu nháy cong `“ ”` không phải dấu nháy của phần thông tin: giá trị có dấu `:` hoặc `#` phải đặt trong dấu nháy thẳng `\"`",
        "typographic quotes `“ ”` do not quote anything in front matter: a value with `:` or `#` goes between straight quotes `\"`",
    ),
    (
        "dấu nháy `{}` mở ở đầu giá trị nhưng không được đóng lại trên cùng dòng",
        "the quote `{}` that opens the value is not closed on the same line",
    ),
    (
        "dấu ngoặc mở ở đầu giá trị chưa được đóng: thiếu `{}` ở cuối dòng",
        "the bracket that opens the value is not closed: `{}` is missing at the end of the line",
    ),
    (
        "giá trị có dấu `:` nên phải đặt cả giá trị trong dấu nháy kép `\"`",
        "the value has a `:`, so the whole value must go between double quotes `\"`",
    ),
    (
        "giá trị bắt đầu bằng ký tự `{}` phải đặt trong dấu nháy kép `\"`",
        "a value that starts with `{}` must go between double quotes `\"`",
    ),
    (
        "giá trị bắt đầu bằng `#` bị coi là ghi chú nên trường này bị bỏ trống",
        "a value that starts with `#` is read as a comment, so this field is left empty",
    ),
    (
        "dấu phẩy trong `{{…}}` đã tách giá trị làm đôi (`{}` bị hiểu thành tên trường): giá trị có dấu phẩy phải đặt trong dấu nháy kép `\"`",
        "a comma inside `{{…}}` split the value in two (`{}` was read as a field name): a value with a comma must go between double quotes `\"`",
    ),
    (
        "mục danh sách phải bắt đầu bằng dấu `-` và một dấu cách",
        "a list item must start with `-` and a space",
    ),
    (
        "trường `{}` được viết hai lần trong cùng một nhóm (lần đầu ở dòng {*})",
        "the field `{}` is written twice in the same group (first on line {})",
    ),
    (
        "giữ một trong hai dòng (gộp nội dung nếu cần) và xóa dòng kia",
        "keep one of the two lines (merging what they say if needed) and delete the other",
    ),
    (
        "trường `{}` chỉ nhận một giá trị, nhưng đã viết một danh sách",
        "the field `{}` takes one value, but a list was written",
    ),
    (
        "trường `{}` cần một danh sách, nhưng đã viết một giá trị",
        "the field `{}` takes a list, but a single value was written",
    ),
    (
        "viết một số bằng chữ số, ví dụ `{}`",
        "write a number in digits, for example `{}`",
    ),
    (
        "trường `{}` cần một số (chỉ gồm chữ số, không đặt trong dấu nháy)",
        "the field `{}` takes a number (digits only, not in quotes)",
    ),
    (
        "trường `{}` cần văn bản nhưng đã viết một số: đặt số trong dấu nháy kép `\"`",
        "the field `{}` takes text but a number was written: put the number between double quotes `\"`",
    ),
    (
        "ngày `{}` viết theo thứ tự ngày/tháng/năm; phần thông tin cần NĂM-THÁNG-NGÀY",
        "the date `{}` is written day/month/year; front matter needs YEAR-MONTH-DAY",
    ),
    (
        "dòng này thụt lề sai: các trường con phải thụt vào dưới trường cha, và các trường cùng nhóm phải thẳng hàng với nhau",
        "this line is indented wrongly: a nested field is indented under its parent, and the fields of one group line up with each other",
    ),
    (
        "có một dấu `:` ở chỗ không được có (trong giá trị chưa đặt trong dấu nháy, hoặc ở dòng thụt lề sai)",
        "there is a `:` where none may be (in a value that is not quoted, or on a line indented wrongly)",
    ),
    (
        "phần thông tin đã hết mà một dấu nháy hoặc dấu ngoặc vẫn chưa được đóng",
        "the front matter ends while a quote or a bracket is still open",
    ),
    (
        "dòng này không thẳng hàng với các trường cùng nhóm",
        "this line does not line up with the other fields of its group",
    ),
    (
        "các mục của danh sách phải thẳng hàng và bắt đầu bằng `- `",
        "the items of a list must line up and start with `- `",
    ),
    (
        "dấu ngoặc `[` hoặc `{{` mở nhưng không được đóng trên cùng dòng",
        "a `[` or `{{` is opened but not closed on the same line",
    ),
    (
        "có `- ` ngay sau tên trường trên cùng dòng; xuống dòng rồi mới viết `- `",
        "there is a `- ` right after a field name on the same line; start a new line before `- `",
    ),
    (
        "giá trị bắt đầu bằng một ký tự đặc biệt; đặt giá trị trong dấu nháy kép",
        "the value starts with a special character; put the value between double quotes",
    ),
    (
        "dấu `\\` trong dấu nháy kép phải viết hai lần `\\\\`, hoặc dùng dấu nháy đơn `'`",
        "a `\\` inside double quotes must be written twice `\\\\`, or use single quotes `'`",
    ),
    ("trình đọc YAML báo `{}`", "the YAML reader says `{}`"),
    (
        "phần sau dấu `#` bị bỏ qua vì được hiểu là ghi chú, nên không hiện trên trang",
        "what follows `#` is read as a comment and dropped, so it does not show on the page",
    ),
    (
        "cả giá trị nằm trong dấu nháy cong `“ ”` nên dấu nháy sẽ hiện nguyên văn trên trang",
        "the whole value is in typographic quotes `“ ”`, so the quotes show on the page as written",
    ),
    (
        "trường `{}` vẫn ghi `{}` thay cho thông tin thật; người đọc sẽ thấy đúng như vậy",
        "the field `{}` still says `{}` instead of the real information; readers will see exactly that",
    ),
    (
        "nội dung vẫn ghi `(Đang cập nhật)` thay cho thông tin thật; người đọc sẽ thấy đúng như vậy",
        "the text still says `(Đang cập nhật)` instead of the real facts; readers will see exactly that",
    ),
    (
        "thay `(Đang cập nhật)` bằng thông tin của xã",
        "replace `(Đang cập nhật)` with the commune's facts",
    ),
    (
        "điền thông tin thật: pháp luật yêu cầu trang công khai thông tin này",
        "fill in the real information: the law requires the site to publish it",
    ),
    (
        "chưa có trường `{}`, thông tin pháp luật yêu cầu trang công khai",
        "the field `{}` is missing; the law requires the site to publish it",
    ),
    (
        "thêm dòng `{}` vào nhóm `{}` trong site.yaml",
        "add the line `{}` to the group `{}` in site.yaml",
    ),
    (
        "thêm dòng `{}` vào site.yaml",
        "add the line `{}` to site.yaml",
    ),
    (
        "điền họ tên người giữ chức vụ; nếu chưa có người, xóa mục này",
        "fill in the name of the person holding the post; if there is nobody yet, delete this entry",
    ),
    (
        "tiêu đề `{}` được gõ không dấu",
        "the title `{}` was typed without diacritics",
    ),
    (
        "gõ lại tiêu đề có dấu tiếng Việt (bật bộ gõ Unikey hoặc EVKey, kiểu gõ Telex hoặc VNI)",
        "type the title again with Vietnamese diacritics (turn on the Unikey or EVKey keyboard, Telex or VNI input)",
    ),
    (
        "ảnh `{}` quá lớn ({*} KB, {*}×{*} điểm ảnh): tệp gốc được đăng nguyên như vậy và tải rất chậm trên điện thoại",
        "the picture `{}` is too large ({} KB, {}×{} pixels): the original file is published as it is and loads very slowly on a phone",
    ),
    (
        "thu nhỏ ảnh còn cạnh dài khoảng 1600 điểm ảnh và dưới 1 MB (ví dụ bằng Paint: Resize) rồi chép đè lên tệp này",
        "shrink the picture to about 1600 pixels on its long side and under 1 MB (in Paint: Resize, for example) and copy it over this file",
    ),
    (
        "tệp `{}` không được trang nào dùng nhưng vẫn được đăng lên mạng",
        "the file `{}` is used by no page but is still published",
    ),
    (
        "liên kết tới tệp từ một bài viết, hoặc xóa tệp khỏi static/files/ nếu không cần",
        "link to the file from an article, or delete it from static/files/ if it is not needed",
    ),
    (
        "tệp này là tệp mẫu của trang xã Canh Vinh (hoặc nhắc tới xã Canh Vinh), trong khi site.yaml là của xã khác",
        "this file is a sample file of the Canh Vinh site (or mentions Canh Vinh), while site.yaml is another commune's",
    ),
    (
        "xóa tệp mẫu, hoặc sửa nội dung cho đúng với xã mình",
        "delete the sample file, or change its content to fit your commune",
    ),
    (
        "dấu phẩy trong danh sách `procedure_fields` của site.yaml đã tách lĩnh vực này làm hai: viết `{}` (trong dấu nháy kép)",
        "a comma in the `procedure_fields` list of site.yaml split this procedure field in two: write `{}` (in double quotes)",
    ),
    (
        "sau dấu `:` của tên trường phải có một dấu cách",
        "a field name's `:` must be followed by a space",
    ),
    (
        "trường `{}` chỉ nhận một đoạn văn bản, nhưng dấu ngoặc `{{…}}` biến giá trị thành một nhóm trường",
        "the field `{}` takes one piece of text, but the brackets `{{…}}` make the value a group of fields",
    ),
    (
        "ghi họ tên người ký như trên bản văn bản đã ký",
        "write the signer's name as on the signed document",
    ),
    // Pages the law asks for (content/document.rs, content/procedure.rs, check/law.rs).
    (
        "nội dung văn bản chép lại phần “Nơi nhận” đã ghi ở `recipients`; trang sẽ hiện hai lần",
        "the document's text repeats the recipients block already given in `recipients`; the page would show it twice",
    ),
    (
        "xóa phần “Nơi nhận” và chữ ký ở cuối nội dung: trang tự trình bày chúng từ `recipients`, `archive_note` và `signer` theo Nghị định 30/2020/NĐ-CP",
        "delete the recipients and signature block at the end of the text: the page lays them out from `recipients`, `archive_note` and `signer` as decree 30/2020 requires",
    ),
    (
        "thủ tục ghi mức độ trực tuyến toàn trình nhưng bước {*} yêu cầu người dân đến trực tiếp",
        "the procedure is marked fully online but step {} requires the citizen to come in person",
    ),
    (
        "dịch vụ toàn trình không bắt người dân đến nơi tiếp nhận; nếu đúng là phải đến, ghi `online_level: mot_phan`, nếu không, sửa lại bước này",
        "a fully online service never requires the citizen to come to the office; if they must come, write `online_level: mot_phan`, otherwise correct this step",
    ),
    (
        "trang chưa gắn mã theo dõi của Hệ thống giám sát, đo lường mức độ cung cấp và sử dụng dịch vụ Chính phủ số (EMC)",
        "the site does not carry the tracking tag of the digital government monitoring system (EMC)",
    ),
    (
        "đăng ký trang với Cục Chuyển đổi số quốc gia, rồi dán đoạn mã được cấp vào `emc_snippet: '<script …></script>'` trong site.yaml",
        "register the site with the National Digital Transformation Agency, then paste the tag it gives into `emc_snippet: '<script …></script>'` in site.yaml",
    ),
    (
        "trang chưa có đường dẫn để người dân đánh giá mức độ hài lòng (Nghị định 224/2026/NĐ-CP, Điều 10)",
        "the site has no link where citizens rate their satisfaction (decree 224/2026, article 10)",
    ),
    (
        "thêm `feedback_endpoint: https://…` (trang đánh giá của Cổng Dịch vụ công hoặc của tỉnh) vào site.yaml",
        "add `feedback_endpoint: https://…` (the rating page of the public-service portal or of the province) to site.yaml",
    ),
    (
        "địa chỉ thủ tục trên Cổng Dịch vụ công `{}` không có chỗ cho mã thủ tục",
        "the portal address of a procedure `{}` has no place for the procedure code",
    ),
    (
        "viết `{}` vào chỗ của mã thủ tục, ví dụ `{}`",
        "write `{}` where the procedure code goes, for example `{}`",
    ),
    (
        "nút “Nộp hồ sơ trực tuyến” của {*} thủ tục ({*}) dẫn đến trang chủ Cổng Dịch vụ công, người dân phải tìm lại thủ tục",
        "the \"apply online\" button of {} procedures ({}) leads to the portal's home page, where citizens must look for the procedure again",
    ),
    (
        "thêm vào `dvc_urls` mẫu địa chỉ của một thủ tục, ví dụ `{}`",
        "add to `dvc_urls` the address pattern of one procedure, for example `{}`",
    ),
];

#[cfg(test)]
mod tests {
    use super::super::template::{Source, Table, Target};
    use super::TEMPLATES;

    #[test]
    fn every_template_parses_and_uses_every_part() {
        for (vi, en) in TEMPLATES {
            let source = Source::parse(vi).unwrap_or_else(|e| panic!("{e}"));
            let target = Target::parse(en).unwrap_or_else(|e| panic!("{e}"));
            let mut used = target.uses();
            used.sort();
            used.dedup();
            let all: Vec<usize> = (0..source.parts()).collect();
            assert_eq!(used, all, "{vi:?} → {en:?} must use each part once or more");
        }
    }

    #[test]
    fn vietnamese_templates_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for (vi, _) in TEMPLATES {
            assert!(seen.insert(vi), "{vi:?} is in the table twice");
        }
    }

    #[test]
    fn each_template_is_the_one_chosen_for_its_own_message() {
        // A message the template was written for must not be taken by a
        // more general (or equally specific) template.
        let table = Table::new(TEMPLATES);
        for ((vi, en), source) in TEMPLATES.iter().zip(table.sources()) {
            let sample = source.sample();
            let alone = Table::new(&[(vi, en)]);
            assert_eq!(
                table.translate(&sample),
                alone.translate(&sample),
                "{sample:?} is translated by another template than {vi:?}"
            );
        }
    }

    #[test]
    fn english_has_no_vietnamese_outside_backticks() {
        // Letters with diacritics (À to ỹ): Vietnamese, in these messages.
        let vietnamese = |c: char| c.is_alphabetic() && ('\u{C0}'..='\u{1EF9}').contains(&c);
        for (_, en) in TEMPLATES {
            let outside: String = en.split('`').step_by(2).collect();
            assert!(!outside.chars().any(vietnamese), "{en:?}");
        }
    }
}
