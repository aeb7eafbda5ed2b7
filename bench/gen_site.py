#!/usr/bin/env python3
"""Generate a large commune site for benchmarks, in trangxa's format and, with
--hugo, the same content as a Hugo site.

    python3 bench/gen_site.py --pages 10000 --out /tmp/site-10k --hugo /tmp/hugo-10k
    python3 bench/gen_site.py --pages 2000 --out bench/out/site-2000 --mix news=80,documents=20

The site is the sample site of this repository (site.yaml, theme, and every
content file: units, static pages, news, procedures, the plan and the document,
so that every link they hold resolves) plus `--pages` generated items. The
default mix is the one of issue 9: 70 % news, 20 % administrative procedures,
10 % plans; `--mix` takes other shares, and `documents` (legal documents, each
with a PDF) as a fourth kind. Bodies are about 600 words of Vietnamese drawn
from the sample site's own sentences and from sentences written for this
script, with names, places, procedure codes and document numbers that the
search benchmark (bench/search.sh) queries; some bodies hold a table, some
link to a unit, another news item or a procedure. Units, tags, sections and
PAR areas are the taxonomies. The output is deterministic for a given --seed
(and a given sample site).

How the two formats stay the same: the trangxa site is written first (the
corpus, `make_corpus`, then `write_trangxa`); `write_hugo` then reads every
content file of it back and writes it for Hugo with the same Markdown body and
the same front matter, adding only what Hugo needs (`url`, `title` of
documents, `date`, `draft`). Hugo's taxonomies are named like trangxa's fields
(`units`, `tags`, `sections`, `par_areas`), so the front matter needs no
renaming. The Hugo layouts live in bench/hugo/ (see bench/README.md).

Both sites get `expected-pages.txt`: the URL path of every content page
(published items and units), which bench/run.sh checks in both outputs.
"""

import argparse
import datetime as dt
import json
import random
import re
import shutil
import unicodedata
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HUGO_THEME = Path(__file__).resolve().parent / "hugo"

DEFAULT_MIX = "news=70,procedures=20,plans=10"
KINDS = ("news", "procedures", "plans", "documents")

# Units of the sample site (content/don-vi): id, name.
UNITS = [
    ("ubnd-xa", "Ủy ban nhân dân xã Canh Vinh"),
    ("hdnd-xa", "Hội đồng nhân dân xã Canh Vinh"),
    ("van-phong-hdnd-ubnd", "Văn phòng HĐND và UBND xã"),
    ("phong-kinh-te", "Phòng Kinh tế"),
    ("phong-van-hoa-xa-hoi", "Phòng Văn hóa - Xã hội"),
    ("trung-tam-phuc-vu-hanh-chinh-cong", "Trung tâm Phục vụ hành chính công xã"),
    ("trung-tam-cung-ung-dich-vu-su-nghiep-cong", "Trung tâm Cung ứng dịch vụ sự nghiệp công xã"),
    ("trung-tam-van-hoa-thong-tin-the-thao", "Trung tâm Văn hóa - Thông tin - Thể thao"),
    ("cac-thon-lang", "Các thôn, làng"),
    ("cong-an-xa", "Công an xã Canh Vinh"),
]
PAR_AREAS = [
    "chi_dao_dieu_hanh", "the_che", "thu_tuc_hanh_chinh", "to_chuc_bo_may",
    "che_do_cong_vu", "tai_chinh_cong", "chinh_quyen_so",
]
ARTICLE_KINDS = ["tin", "tin", "tin", "tin_ngan", "bai_viet", "thong_bao"]
PEOPLE = [
    "Nguyễn Thị Hòa", "Trần Văn Hoà", "Lê Thị Thúy", "Phạm Thị Thuý", "Đỗ Văn Dương",
    "Võ Thị Đường", "Huỳnh Văn Khánh", "Đặng Thị Lụa", "Bùi Văn Quý", "Rơ Châm H'Lan",
    "Siu Đoan", "Ksor Y Nhi", "Đinh Văn Đức", "Dương Thị Lan", "Hồ Văn Thủy",
]
PLACES = [
    "thôn Tăng Lợi", "thôn Hiệp Hội", "làng Hà Rơn", "thôn Chánh Thắng", "làng Kon Mọc",
    "thôn Thủ Thiện", "thôn Vinh Quang", "làng Đắk Pơ", "thôn Hòa Hội", "thôn Hoà Thuận",
    "đường liên thôn Đông Bình", "khu dân cư Dương Liễu",
]
ACTIONS = [
    "triển khai", "tổ chức", "hướng dẫn", "tuyên truyền", "kiểm tra",
    "tổng kết", "sơ kết", "phát động", "ra quân", "đẩy mạnh",
]
# Topic, the section it belongs to.
TOPICS = [
    ("cải cách hành chính", "cai-cach-hanh-chinh"),
    ("chuyển đổi số", "chuyen-doi-so"),
    ("dịch vụ công trực tuyến", "cai-cach-hanh-chinh"),
    ("cấp căn cước và định danh điện tử VNeID", "chuyen-doi-so"),
    ("phòng, chống thiên tai", "quoc-phong-an-ninh"),
    ("xây dựng nông thôn mới", "kinh-te"),
    ("phổ biến, giáo dục pháp luật", "tuyen-truyen-phap-luat"),
    ("bảo hiểm y tế hộ gia đình", "van-hoa-xa-hoi"),
    ("chuyển đổi cơ cấu cây trồng", "kinh-te"),
    ("tiêm chủng mở rộng", "van-hoa-xa-hoi"),
    ("an toàn giao thông", "quoc-phong-an-ninh"),
    ("giảm nghèo bền vững", "kinh-te"),
    ("thanh toán không dùng tiền mặt", "chuyen-doi-so"),
    ("tiếp công dân định kỳ", "chi-dao-dieu-hanh"),
    ("gìn giữ bản sắc văn hóa dân tộc", "van-hoa-xa-hoi"),
    ("tuyển quân năm mới", "quoc-phong-an-ninh"),
    ("đăng ký khai sinh", "cai-cach-hanh-chinh"),
    ("sửa chữa đường giao thông nông thôn", "kinh-te"),
]
TAGS = [
    "cải cách hành chính", "VNeID", "dịch vụ công trực tuyến", "nông thôn mới",
    "đường giao thông", "y tế", "giáo dục", "an ninh trật tự", "Đoàn Thanh niên",
    "Hội Phụ nữ", "đồng bào dân tộc thiểu số", "một cửa", "tiếp dân", "chuyển đổi số",
    "phòng cháy chữa cháy", "bảo hiểm xã hội", "cà phê", "hồ tiêu", "thủy lợi",
]
SENTENCES = [
    "Thực hiện kế hoạch của Ủy ban nhân dân xã, các cơ quan, đơn vị đã chủ động phối hợp với các thôn, làng tổ chức thực hiện nhiệm vụ được giao.",
    "Cán bộ, công chức được phân công trực tiếp xuống địa bàn, hướng dẫn người dân từng bước, giải đáp thắc mắc ngay tại nhà văn hóa thôn.",
    "Qua đó, nhận thức của người dân về quyền và nghĩa vụ của mình được nâng lên rõ rệt; nhiều hộ gia đình đã chủ động tham gia.",
    "Trong quá trình triển khai, một số khó khăn về đường truyền Internet và thiết bị của người dân đã được ghi nhận để kịp thời tháo gỡ.",
    "Ủy ban nhân dân xã đề nghị các cơ quan, đơn vị tiếp tục duy trì, báo cáo kết quả định kỳ hằng tháng về Văn phòng HĐND và UBND xã.",
    "Đến nay, tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn đạt trên 98%, không có hồ sơ trễ hạn phải xin lỗi người dân.",
    "Người dân có thể nộp hồ sơ trực tuyến tại Cổng Dịch vụ công quốc gia hoặc đến trực tiếp Trung tâm Phục vụ hành chính công xã.",
    "Đoàn viên thanh niên tình nguyện hỗ trợ bà con cài đặt ứng dụng, kích hoạt tài khoản định danh điện tử mức độ 2.",
    "Buổi làm việc diễn ra trong không khí cởi mở, thẳng thắn; các ý kiến, kiến nghị của cử tri được ghi nhận đầy đủ.",
    "Chủ tịch Ủy ban nhân dân xã yêu cầu các thôn, làng rà soát, thống kê cụ thể và gửi danh sách về xã trước ngày 25 hằng tháng.",
    "Mô hình đã mang lại hiệu quả kinh tế rõ rệt, thu nhập bình quân của các hộ tham gia tăng từ 15 đến 20% so với cùng kỳ.",
    "Lực lượng Công an xã phối hợp với dân quân tăng cường tuần tra, kiểm soát, bảo đảm an ninh trật tự trên địa bàn.",
    "Các trường học trên địa bàn đã hoàn thành công tác tuyển sinh, bảo đảm 100% trẻ em trong độ tuổi được đến trường.",
    "Hội Nông dân xã phối hợp tổ chức tập huấn kỹ thuật chăm sóc cây cà phê, hồ tiêu theo hướng hữu cơ cho hơn 120 hội viên.",
    "Thời gian tới, xã tiếp tục đẩy mạnh ứng dụng công nghệ thông tin trong hoạt động của các cơ quan, đơn vị.",
    "Kinh phí thực hiện từ nguồn ngân sách xã và nguồn xã hội hóa, bảo đảm công khai, minh bạch theo quy định.",
    "Hội Liên hiệp Phụ nữ xã vận động hội viên tham gia các mô hình tiết kiệm, giúp nhau phát triển kinh tế gia đình.",
    "Trạm Y tế xã duy trì khám, chữa bệnh bảo hiểm y tế, tư vấn chăm sóc sức khỏe ban đầu cho người cao tuổi và trẻ em.",
    "Các tuyến đường nội đồng được bê tông hóa giúp bà con vận chuyển nông sản thuận lợi hơn trong mùa thu hoạch.",
    "Ban Chỉ đạo xã thường xuyên kiểm tra, đôn đốc, kịp thời chấn chỉnh những hạn chế, thiếu sót trong quá trình thực hiện.",
    "Người dân phản ánh, kiến nghị qua đường dây nóng, hộp thư góp ý hoặc trực tiếp tại buổi tiếp công dân định kỳ.",
    "Đài truyền thanh xã phát tin, bài tuyên truyền vào khung giờ sáng và chiều, bằng tiếng Việt và tiếng Bahnar.",
]
HEADINGS = [
    "Kết quả đạt được", "Một số khó khăn, vướng mắc", "Nhiệm vụ thời gian tới",
    "Nội dung chủ yếu", "Ý kiến của người dân", "Tổ chức thực hiện", "Cách thức thực hiện",
    "Những con số nổi bật",
]
PROCEDURE_NAMES = [
    ("Đăng ký khai sinh", "Hộ tịch"), ("Đăng ký kết hôn", "Hộ tịch"),
    ("Đăng ký khai tử", "Hộ tịch"), ("Đăng ký nhận cha, mẹ, con", "Hộ tịch"),
    ("Cấp bản sao trích lục hộ tịch", "Hộ tịch"), ("Thay đổi, cải chính, bổ sung thông tin hộ tịch", "Hộ tịch"),
    ("Chứng thực bản sao từ bản chính", "Chứng thực"), ("Chứng thực chữ ký trong giấy tờ, văn bản", "Chứng thực"),
    ("Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản", "Chứng thực"),
    ("Đăng ký thường trú", "Đăng ký, quản lý cư trú"), ("Đăng ký tạm trú", "Đăng ký, quản lý cư trú"),
    ("Khai báo tạm vắng", "Đăng ký, quản lý cư trú"),
    ("Trợ cấp xã hội hằng tháng đối với người cao tuổi", "Bảo trợ xã hội"),
    ("Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội", "Bảo trợ xã hội"),
    ("Xác định, xác định lại mức độ khuyết tật", "Bảo trợ xã hội"),
    ("Đăng ký biến động quyền sử dụng đất", "Đất đai"), ("Hòa giải tranh chấp đất đai", "Đất đai"),
    ("Giải quyết chế độ ưu đãi đối với người có công", "Người có công"),
    ("Đăng ký việc nuôi con nuôi trong nước", "Nuôi con nuôi"),
    ("Đăng ký thành lập hộ kinh doanh", "Thành lập và hoạt động của hộ kinh doanh"),
    ("Đăng ký thay đổi nội dung đăng ký hộ kinh doanh", "Thành lập và hoạt động của hộ kinh doanh"),
]
LEGAL_REFS = [
    ("60/2014/QH13", "Luật Hộ tịch", "2014-11-20", "Quốc hội"),
    ("123/2015/NĐ-CP", "Quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch", "2015-11-15", "Chính phủ"),
    ("68/2020/QH14", "Luật Cư trú", "2020-11-13", "Quốc hội"),
    ("23/2015/NĐ-CP", "Về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch", "2015-02-16", "Chính phủ"),
    ("20/2021/NĐ-CP", "Quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội", "2021-03-15", "Chính phủ"),
    ("31/2024/QH15", "Luật Đất đai", "2024-01-18", "Quốc hội"),
    ("61/2020/NĐ-CP", "Sửa đổi, bổ sung một số điều của Nghị định số 30/2020/NĐ-CP", "2020-05-29", "Chính phủ"),
]
DOSSIER_ITEMS = [
    "Tờ khai theo mẫu", "Giấy tờ tùy thân của người nộp hồ sơ", "Giấy xác nhận của cơ quan có thẩm quyền",
    "Văn bản ủy quyền, nếu nộp thay", "Bản sao giấy tờ chứng minh nơi cư trú", "Đơn đề nghị có xác nhận của trưởng thôn",
    "Giấy chứng nhận quyền sử dụng đất (bản chính)", "Biên bản hòa giải của thôn, làng",
]
PLAN_TITLES = [
    "Kế hoạch tuyên truyền {t} trên địa bàn xã năm {y}",
    "Kế hoạch triển khai {t} năm {y}",
    "Kế hoạch kiểm tra công tác {t} năm {y}",
    "Kế hoạch thực hiện {t} giai đoạn {y}–{y2}",
]
CAMPAIGN_KINDS = ["tuyen_truyen", "cai_cach_hanh_chinh", "chuyen_doi_so", "khac"]
PLAN_TASKS = [
    "Tuyên truyền các chủ trương, chính sách, pháp luật của Đảng và Nhà nước về {t}.",
    "Tổ chức hội nghị quán triệt, triển khai {t} đến cán bộ, công chức và các thôn, làng.",
    "Đưa tin, bài về kết quả thực hiện {t} trên Trang thông tin điện tử và Đài truyền thanh xã.",
    "Kiểm tra, đôn đốc việc thực hiện {t} tại các cơ quan, đơn vị.",
    "Hướng dẫn người dân thực hiện các thủ tục liên quan đến {t}.",
    "Sơ kết, tổng kết, đánh giá kết quả thực hiện {t}; đề xuất khen thưởng.",
]
DOC_TYPES = [
    ("quyet_dinh", "QĐ-UBND"), ("ke_hoach", "KH-UBND"), ("thong_bao", "TB-UBND"),
    ("bao_cao", "BC-UBND"), ("cong_van", "UBND-VP"),
]
DOC_SUBJECTS = [
    "Về việc triển khai {t} trên địa bàn xã năm {y}",
    "Ban hành kế hoạch {t} năm {y}",
    "Kết quả thực hiện {t} quý {q} năm {y}",
    "Về việc kiện toàn Ban chỉ đạo {t} xã",
    "Về việc tổ chức hội nghị sơ kết {t}",
]
# Generated items are spread over these years, newest first.
FIRST_YEAR, LAST_DAY = 2021, dt.datetime(2026, 11, 20)

# A one-page blank PDF, standing in for the signed scan of each document.
MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def slugify(text: str) -> str:
    """The same rule as trangxa's `vi::slugify`: no diacritics, đ→d, dashes."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    out, dash = [], False
    for c in text:
        if c.isascii() and c.isalnum():
            out.append(c)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


# ---------------------------------------------------------------------------
# Front matter: a small YAML writer (stdlib only). Scalars are written as JSON
# strings and numbers, which YAML reads as the same values.


def _scalar(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    return json.dumps(str(v), ensure_ascii=False)


def _is_flat(v) -> bool:
    return not isinstance(v, (list, dict))


def yaml_lines(obj: dict, indent: str = "") -> list:
    lines = []
    for key, v in obj.items():
        if v is None:
            continue
        if isinstance(v, dict):
            lines.append(f"{indent}{key}:")
            lines += yaml_lines(v, indent + "  ")
        elif isinstance(v, list) and all(_is_flat(x) for x in v):
            flow = [_scalar(x) for x in v]
            if sum(map(len, flow)) <= 80:
                lines.append(f"{indent}{key}: [" + ", ".join(flow) + "]")
            else:
                lines.append(f"{indent}{key}:")
                lines += [f"{indent}  - {x}" for x in flow]
        elif isinstance(v, list):
            lines.append(f"{indent}{key}:")
            for x in v:
                sub = yaml_lines(x, indent + "    ")
                lines.append(f"{indent}  - " + sub[0].lstrip())
                lines += sub[1:]
        else:
            lines.append(f"{indent}{key}: {_scalar(v)}")
    return lines


def front_matter(meta: dict, body: str) -> str:
    return "---\n" + "\n".join(yaml_lines(meta)) + "\n---\n" + body


# ---------------------------------------------------------------------------
# The corpus: every generated item as a content path, front matter and body.


@dataclass
class Item:
    kind: str  # news, procedures, plans, documents
    rel: str  # path under content/, without `.md`
    url: str  # its page on both sites
    title: str
    meta: dict  # trangxa front matter, in writing order
    body: str = ""


def sample_sentences() -> list:
    """Sentences of the sample site's content (front matter and Markdown
    syntax removed): real wording of a commune's site."""
    out = []
    for path in sorted((REPO / "content").rglob("*.md")):
        parts = path.read_text(encoding="utf-8").split("---", 2)
        body = parts[2] if len(parts) == 3 else parts[0]
        for line in body.splitlines():
            if line.lstrip().startswith(("|", "#")):  # table rows, headings
                continue
            line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)
            line = re.sub(r"[*_`>\\]", " ", line)
            for s in re.split(r"(?<=[.!?])\s+", line.strip(" -\t")):
                s = " ".join(s.split()).rstrip(";:,.")
                if 8 <= len(s.split()) <= 60 and s[0].isupper() and not s.startswith(("Số:", "Lưu:")):
                    out.append(s + ".")
    return out


class Writer:
    """Writes ~600-word bodies: paragraphs from a pool of sentences, headed
    sections, lists, some tables, links to pages that exist."""

    def __init__(self, rng: random.Random, links: list, procedures: list, doc_numbers: list):
        self.rng = rng
        self.pool = SENTENCES + sample_sentences()
        self.links = links  # (title, url) of pages a body may link to
        self.procedures = procedures  # (code, name)
        self.doc_numbers = doc_numbers

    def sentence(self) -> str:
        rng = self.rng
        r = rng.random()
        if r < 0.06 and self.procedures:
            code, name = rng.choice(self.procedures)
            return f"Thủ tục {name[0].lower() + name[1:]} (mã {code}) được tiếp nhận tại Trung tâm Phục vụ hành chính công xã."
        if r < 0.10 and self.doc_numbers:
            return f"Thực hiện Kế hoạch số {rng.choice(self.doc_numbers)} của Ủy ban nhân dân xã, các đơn vị đã xây dựng kế hoạch chi tiết."
        if r < 0.15:
            return f"Bà {rng.choice(PEOPLE)} ở {rng.choice(PLACES)} cho biết người dân rất đồng tình và mong chính quyền tiếp tục quan tâm."
        if r < 0.18:
            return f"Tuyến {rng.choice(['đường', 'đường bê tông', 'đường nội đồng'])} qua {rng.choice(PLACES)} đã được sửa chữa, nâng cấp."
        return rng.choice(self.pool)

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(3, 5)))

    def table(self) -> str:
        rng = self.rng
        rows = rng.sample(PLACES, rng.randint(3, 6))
        head = "| Thôn, làng | Số hộ tham gia | Tỷ lệ hoàn thành |\n|---|---:|---:|\n"
        return head + "\n".join(f"| {p} | {rng.randint(20, 300)} | {rng.randint(50, 100)}% |" for p in rows)

    def body(self, unit: tuple, place: str, words: int = 600) -> str:
        rng = self.rng
        target = rng.randint(words - 100, words + 100)
        unit_id, unit_name = unit
        parts = [f"Ngày {rng.randint(1, 28)}, [{unit_name}](/don-vi/{unit_id}/) phối hợp với {place} tổ chức thực hiện. " + self.paragraph()]
        count = lambda: sum(len(p.split()) for p in parts)  # noqa: E731
        headings = rng.sample(HEADINGS, len(HEADINGS))
        table_done = rng.random() >= 0.2  # a table in one body of five
        while count() < target:
            parts.append("## " + (headings.pop() if headings else "Thông tin thêm"))
            parts.append(self.paragraph())
            r = rng.random()
            if not table_done:
                parts.append(self.table())
                table_done = True
            elif r < 0.3:
                parts.append("\n".join(f"- {self.sentence()}" for _ in range(3)))
            elif r < 0.5:
                parts.append(self.paragraph())
        if self.links and rng.random() < 0.4:
            title, url = rng.choice(self.links)
            parts.append(f"Xem thêm: [{title}]({url}).")
        return "\n\n".join(parts) + "\n"


def parse_mix(text: str) -> dict:
    shares = {}
    for part in text.split(","):
        name, _, value = part.partition("=")
        if name.strip() not in KINDS or not value.strip().isdigit():
            raise SystemExit(f"--mix: `{part}` is not KIND=PERCENT with KIND one of {', '.join(KINDS)}")
        shares[name.strip()] = int(value)
    if sum(shares.values()) != 100:
        raise SystemExit(f"--mix: the shares add up to {sum(shares.values())}, not 100")
    return shares


def counts(pages: int, shares: dict) -> dict:
    """Items of each kind; rounding leftovers go to news."""
    out = {k: pages * shares.get(k, 0) // 100 for k in KINDS}
    out["news"] += pages - sum(out.values())
    return out


def when(i: int, n: int, rng: random.Random) -> dt.datetime:
    """The i-th of n items spread evenly from LAST_DAY back to FIRST_YEAR, in
    office hours."""
    span = (LAST_DAY - dt.datetime(FIRST_YEAR, 1, 1)).days
    day = LAST_DAY - dt.timedelta(days=span * i // max(n, 1))
    return day.replace(hour=rng.randint(7, 16), minute=rng.choice([0, 15, 30, 45]))


def make_corpus(pages: int, seed: int, mix: str = DEFAULT_MIX) -> list:
    """`pages` generated items in the shares of `mix`, as `Item`s."""
    rng = random.Random(seed)
    n = counts(pages, parse_mix(mix))
    items = []

    # Procedures first: news and bodies mention them. Codes 1.1xxxxx are not
    # used by the sample site's real procedures.
    procedures = []
    for i in range(n["procedures"]):
        name, field = rng.choice(PROCEDURE_NAMES)
        code = f"1.{100000 + i:06d}"
        procedures.append((code, name, field))
    # Documents and plans share one numbering per year, from 200 up (the
    # sample's 135/KH-UBND stays unique).
    numbers = {}

    def number(year: int) -> int:
        numbers[year] = numbers.get(year, 199) + 1
        return numbers[year]

    plans = []
    for i in range(n["plans"]):
        topic, _ = rng.choice(TOPICS)
        year = when(i, n["plans"], rng).year
        title = rng.choice(PLAN_TITLES).format(t=topic, y=year, y2=year + 4)
        plans.append((year, number(year), title, topic))
    docs = []
    for i in range(n["documents"]):
        issued = when(i, n["documents"], rng).date()
        doc_type, symbol = rng.choice(DOC_TYPES)
        topic, _ = rng.choice(TOPICS)
        abstract = rng.choice(DOC_SUBJECTS).format(t=topic, y=issued.year, q=rng.randint(1, 4))
        docs.append((issued, number(issued.year), doc_type, symbol, abstract))
    doc_numbers = [f"{num}/KH-UBND" for _, num, _, _ in plans] + [f"{num}/{s}" for _, num, _, s, _ in docs]

    # News titles and URLs before bodies, so bodies can link to other news.
    news = []
    seen = set()
    for i in range(n["news"]):
        topic, section = rng.choice(TOPICS)
        place = rng.choice(PLACES)
        units = rng.sample(UNITS[:9], rng.randint(1, 3))
        title = f"{units[0][1]} {rng.choice(ACTIONS)} {topic} tại {place}"
        slug = slugify(title)
        if slug in seen:
            title = f"{title} (đợt {i})"
            slug = slugify(title)
        seen.add(slug)
        news.append((title, slug, topic, section, place, units))

    links = [(t, f"/tin-tuc/{s}/") for t, s, *_ in news[:: max(1, len(news) // 200)]]
    links += [(name, f"/thu-tuc-hanh-chinh/{code}/") for code, name, _ in procedures[:50]]
    writer = Writer(rng, links, [(c, name) for c, name, _ in procedures] or [("1.001193", "Đăng ký khai sinh")], doc_numbers)

    for i, (title, slug, topic, section, place, units) in enumerate(news):
        published = when(i, len(news), rng)
        sections = [section] + (["tin-tuc"] if section != "tin-tuc" else [])
        meta = {
            "title": title,
            "summary": f"{units[0][1]} {rng.choice(ACTIONS)} {topic}; " + rng.choice(SENTENCES)[:-1].lower() + ".",
            "kind": rng.choice(ARTICLE_KINDS),
            "sections": sections,
            "units": [u for u, _ in units],
            "par_areas": rng.sample(PAR_AREAS, rng.randint(1, 2)) if "cai-cach-hanh-chinh" in sections else None,
            "tags": rng.sample(TAGS, rng.randint(1, 3)),
            "published_at": f"{published:%Y-%m-%dT%H:%M:00}+07:00",
            "location": place[0].upper() + place[1:] if rng.random() < 0.3 else None,
            "related_procedures": [rng.choice(procedures)[0]] if procedures and rng.random() < 0.1 else None,
            "featured": True if i % 97 == 0 else None,
            "status": "published",
        }
        items.append(Item("news", f"tin-tuc/{published:%Y}/{published:%m}/{slug}", f"/tin-tuc/{slug}/",
                          title, meta, writer.body(units[0], place)))

    for code, name, field in procedures:
        online = rng.choice(["toan_trinh", "toan_trinh", "mot_phan", "khong"])
        methods = ["truc_tiep", "buu_chinh"] + (["truc_tuyen"] if online != "khong" else [])
        days = rng.choice([1, 3, 5, 7, 15])
        fee = rng.choice(["Không", "Lệ phí: 8.000 đồng/bản", "Lệ phí: 10.000 đồng/trường hợp"])
        refs = rng.sample(LEGAL_REFS, rng.randint(1, 3))
        units = ["trung-tam-phuc-vu-hanh-chinh-cong"] + rng.sample(
            ["van-phong-hdnd-ubnd", "phong-van-hoa-xa-hoi", "phong-kinh-te", "cong-an-xa"], 1)
        meta = {
            "code": code,
            "title": name,
            "levels": ["cap_xa"],
            "field": field,
            "steps": [
                "Bước 1: Người yêu cầu nộp hồ sơ tại Trung tâm Phục vụ hành chính công xã hoặc nộp trực tuyến trên Cổng Dịch vụ công quốc gia.",
                "Bước 2: Công chức tiếp nhận kiểm tra hồ sơ; hồ sơ chưa đầy đủ thì hướng dẫn người nộp bổ sung, hoàn thiện.",
                f"Bước 3: Công chức chuyên môn xử lý hồ sơ, trình Chủ tịch Ủy ban nhân dân xã trong {days} ngày làm việc.",
                "Bước 4: Trả kết quả tại Trung tâm Phục vụ hành chính công xã, qua dịch vụ bưu chính hoặc trên tài khoản của người nộp.",
            ],
            "channels": [
                {"method": m, "processing_time": {"text": f"{days:02d} ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"},
                 "fees": [{"kind": "le_phi", "text": fee}]}
                for m in methods
            ],
            "dossier": [{"items": [
                {"name": d, "originals": 1, "copies": rng.randint(0, 1)}
                for d in rng.sample(DOSSIER_ITEMS, rng.randint(2, 5))
            ], "sets": 1}],
            "applicants": ["Công dân Việt Nam", "Người nước ngoài cư trú trên địa bàn xã"][: rng.randint(1, 2)],
            "implementing_agency": "Ủy ban nhân dân cấp xã",
            "receiving_address": "Trung tâm Phục vụ hành chính công xã Canh Vinh, Ủy ban nhân dân xã Canh Vinh, tỉnh Gia Lai",
            "results": [f"Văn bản giải quyết {name[0].lower() + name[1:]}"],
            "legal_basis": [{"number": num, "title": t, "issued_date": d, "issuer": by} for num, t, d, by in refs],
            "requirements": "Người yêu cầu xuất trình giấy tờ tùy thân khi nộp hồ sơ trực tiếp; hồ sơ trực tuyến được ký số hoặc xác thực qua tài khoản định danh điện tử.",
            "keywords": [w.strip() for w in name.lower().split(",")][:2],
            "online_level": online,
            "online_url": "https://dichvucong.gov.vn/" if online != "khong" else None,
            "dvcqg_url": f"https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc={code}",
            "units": units,
            "legal_status": "con_hieu_luc",
            "source": {"kind": "thu_cong", "retrieved_at": "2026-11-20", "verified": True,
                       "verified_by": "Trung tâm Phục vụ hành chính công xã"},
        }
        items.append(Item("procedures", f"thu-tuc/{code}", f"/thu-tuc-hanh-chinh/{code}/", name, meta,
                          writer.body(UNITS[5], rng.choice(PLACES))))

    for year, num, title, topic in plans:
        slug = f"{num}-{slugify(title)}"
        if len(slug) > 80:
            slug = slug[:80].rsplit("-", 1)[0]
        units = rng.sample(UNITS[:8], rng.randint(1, 2))
        areas = rng.sample(PAR_AREAS, rng.randint(1, 2))
        activities = []
        for k, task in enumerate(rng.sample(PLAN_TASKS, rng.randint(3, 6)), start=1):
            quarterly = rng.random() < 0.4
            activities.append({
                "item_no": str(k),
                "task": task.format(t=topic),
                "lead_units": [rng.choice(UNITS[:8])[0]],
                "coordinating_units": ["Các cơ quan, đơn vị", "các thôn, làng"][: rng.randint(1, 2)],
                "timeframe": ({"kind": "dinh_ky", "cadence": "hang_quy", "times": 1, "text": "Định kỳ 01 lần/quý"}
                              if quarterly else {"kind": "thuong_xuyen", "text": "Thường xuyên"}),
                "outputs": ["Tin, bài trên Trang thông tin điện tử xã", "Hội nghị, cuộc họp"][: rng.randint(1, 2)],
                "output_kinds": ["tin_bai", "hoi_nghi"],
                "par_areas": [rng.choice(areas)],
            })
        meta = {
            "doc_type": "ke_hoach",
            "number": str(num),
            "symbol": "KH-UBND",
            "abstract": title,
            "issuer": "Ủy ban nhân dân xã Canh Vinh",
            "issuer_level": "xa",
            "place": "Canh Vinh",
            "issued_date": f"{year}-{rng.randint(1, 3):02d}-{rng.randint(1, 28):02d}",
            "legal_status": "con_hieu_luc",
            "units": [u for u, _ in units],
            "par_areas": areas,
            "tags": rng.sample(TAGS, rng.randint(1, 3)),
            "signer": {"name": rng.choice(PEOPLE), "position": "Chủ tịch", "authority": "tm",
                       "on_behalf_of": "ỦY BAN NHÂN DÂN"},
            "files": [{"path": f"/files/ke-hoach/{year}/{slug}.pdf", "label": "Bản PDF", "signed": True}],
            "summary": f"Kế hoạch số {num}/KH-UBND của Ủy ban nhân dân xã về {topic} năm {year}: mục đích, yêu cầu, nội dung, kinh phí và trách nhiệm của các cơ quan, đơn vị.",
            "year": year,
            "period": {"from": f"{year}-01-01", "to": f"{year}-12-31"},
            "campaign_kind": rng.choice(CAMPAIGN_KINDS),
            "appendix_title": f"Danh mục hoạt động thực hiện {topic} năm {year}",
            "activities": activities,
        }
        items.append(Item("plans", f"ke-hoach/{year}/{slug}", f"/ke-hoach/{year}/{slug}/", title, meta,
                          writer.body(units[0], rng.choice(PLACES))))

    for issued, num, doc_type, symbol, abstract in docs:
        stem = f"{num}-{symbol.lower()}"
        units = rng.sample(UNITS[:9], rng.randint(1, 2))
        meta = {
            "doc_type": doc_type,
            "number": str(num),
            "symbol": symbol,
            "abstract": abstract,
            "issuer": "Ủy ban nhân dân xã Canh Vinh",
            "issuer_level": "xa",
            "issued_date": f"{issued:%Y-%m-%d}",
            "effective_date": f"{issued:%Y-%m-%d}",
            "legal_status": "con_hieu_luc",
            "units": [u for u, _ in units],
            "par_areas": [rng.choice(PAR_AREAS)],
            "tags": rng.sample(TAGS, 1),
            "signer": {"name": rng.choice(PEOPLE), "position": "Chủ tịch", "authority": "tm",
                       "on_behalf_of": "ỦY BAN NHÂN DÂN"},
            "files": [{"path": f"/files/van-ban/{issued.year}/{stem}.pdf", "label": "Bản PDF", "signed": True}],
        }
        items.append(Item("documents", f"van-ban/{issued.year}/{stem}", f"/van-ban/{issued.year}/{stem}/",
                          abstract, meta, writer.body(units[0], rng.choice(PLACES), words=300)))
    return items


# ---------------------------------------------------------------------------
# trangxa


def content_url(rel: str, fm: str):
    """The URL path trangxa gives a content file (`rel` under content/,
    without `.md`), or None for a file that is not a page of its own."""
    parts = rel.split("/")
    slug = re.search(r"^slug:\s*[\"']?([^\"'\n]+)", fm, re.M)
    stem = slug.group(1).strip() if slug else parts[-1]
    top = parts[0]
    if top == "tin-tuc":
        return f"/tin-tuc/{stem}/"
    if top == "thu-tuc":
        return f"/thu-tuc-hanh-chinh/{stem}/"
    if top in ("ke-hoach", "van-ban"):
        return "/" + "/".join(parts[:-1] + [stem]) + "/"
    if top == "trang":
        return f"/{stem}/"
    if top == "don-vi":
        return f"/don-vi/{parts[-1]}/"
    return None


def split(text: str):
    """(front matter, body) of a content file."""
    _, fm, body = text.split("---\n", 2)
    return fm, body


def field(fm: str, key: str):
    """A top-level scalar of front matter, unquoted, or None."""
    m = re.search(rf"^{key}:[ \t]*(.+?)[ \t]*$", fm, re.M)
    if not m:
        return None
    v = m.group(1)
    if v.startswith('"'):
        return json.loads(v)
    if v.startswith("'"):
        return v[1:-1].replace("''", "'")
    return v


def published(rel: str, fm: str) -> bool:
    """Whether trangxa gives the file a page (a unit: unless external or `show_page: false`)."""
    if rel.startswith("don-vi/"):
        show = field(fm, "show_page")
        return show == "true" if show is not None else field(fm, "external") != "true"
    return field(fm, "status") != "draft"


def write_trangxa(items: list, out: Path) -> None:
    """The sample site plus the generated items, and expected-pages.txt."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for name in ["site.yaml", "content", "themes", "static"]:
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, out / name)
        elif src.exists():
            shutil.copy(src, out / name)
    for it in items:
        path = out / "content" / f"{it.rel}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(front_matter(it.meta, it.body), encoding="utf-8")
        for f in it.meta.get("files") or []:
            pdf = out / "static" / f["path"].lstrip("/")
            pdf.parent.mkdir(parents=True, exist_ok=True)
            pdf.write_bytes(MINIMAL_PDF)
    urls = []
    for path in sorted((out / "content").rglob("*.md")):
        rel = path.relative_to(out / "content").with_suffix("").as_posix()
        fm, _ = split(path.read_text(encoding="utf-8"))
        url = content_url(rel, fm)
        if url and published(rel, fm):
            urls.append(url)
    (out / "expected-pages.txt").write_text("\n".join(sorted(urls)) + "\n", encoding="utf-8")


# ---------------------------------------------------------------------------
# Hugo


def vocab_labels() -> dict:
    """`{Vocab: {id: label}}` from src/vocab.rs, and the default sections
    from src/config.rs: the labels trangxa shows, for Hugo's templates."""
    out, current = {}, None
    for line in (REPO / "src" / "vocab.rs").read_text(encoding="utf-8").splitlines():
        if m := re.match(r"^\s{4}(\w+) \{$", line):
            current = out.setdefault(m.group(1), {})
        elif (m := re.match(r'^\s+\w+ = "(\w+)" => "(.*)",$', line)) and current is not None:
            current[m.group(1)] = m.group(2)
    config = (REPO / "src" / "config.rs").read_text(encoding="utf-8")
    block = config[config.index("fn default_sections"):]
    out["Section"] = dict(re.findall(r'\("([a-z-]+)", "([^"]+)"\)', block[: block.index("]")]))
    return out


def unit_index(unit: str, fm: str, body: str) -> str:
    """A unit as the page of its term in Hugo's `units` taxonomy."""
    meta = {"title": field(fm, "name"), "slug": unit}
    return front_matter(meta, body)


def hugo_file(rel: str, fm: str, body: str, url: str) -> str:
    """A trangxa content file for Hugo: the same front matter and body, with
    the URL, a title for documents (which have `abstract`), the date Hugo
    sorts by, and `draft` for trangxa's `status: draft`."""
    extra = {"url": url}
    if field(fm, "title") is None:
        extra["title"] = field(fm, "abstract") or field(fm, "name") or rel
    date = field(fm, "published_at") or field(fm, "issued_date") or field(fm, "updated_at")
    if rel.startswith("thu-tuc/"):
        date = field(fm, "posted_at") or "2026-11-20"
    if date and re.fullmatch(r"\d{4}-\d{2}", date):
        date += "-01"
    if date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        date += "T00:00:00+07:00"
    extra["date"] = date
    if field(fm, "status") == "draft":
        extra["draft"] = True
    return "---\n" + "\n".join(yaml_lines(extra)) + "\n" + fm + "---\n" + body


def write_hugo(trangxa: Path, out: Path) -> None:
    """The trangxa site `trangxa` (written by `write_trangxa`) as a Hugo site
    with the layouts of bench/hugo/."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(HUGO_THEME, out)
    base_url = field((trangxa / "site.yaml").read_text(encoding="utf-8"), "base_url")
    config = (out / "hugo.toml").read_text(encoding="utf-8")
    (out / "hugo.toml").write_text(f'baseURL = "{base_url}"\n' + config, encoding="utf-8")
    data = out / "data"
    data.mkdir(exist_ok=True)
    shutil.copy(trangxa / "site.yaml", data / "site.yaml")
    (data / "vocab.json").write_text(json.dumps(vocab_labels(), ensure_ascii=False, indent=1), encoding="utf-8")
    if (trangxa / "static").exists():
        shutil.copytree(trangxa / "static", out / "static", dirs_exist_ok=True)
    # The theme's CSS, script and images, fingerprinted by Hugo as by trangxa.
    shutil.copytree(trangxa / "themes" / "default" / "static", out / "assets")
    content = out / "content"
    units = {}
    for path in sorted((trangxa / "content").rglob("*.md")):
        rel = path.relative_to(trangxa / "content").with_suffix("").as_posix()
        fm, body = split(path.read_text(encoding="utf-8"))
        if rel.startswith("don-vi/"):
            unit = rel.split("/", 1)[1]
            units[unit] = {"name": field(fm, "name"), "page": published(rel, fm)}
            if not published(rel, fm):
                continue
            dest, text = content / "units" / unit / "_index.md", unit_index(unit, fm, body)
        else:
            url = content_url(rel, fm)
            dest, text = content / f"{rel}.md", hugo_file(rel, fm, body, url)
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(text, encoding="utf-8")
    (data / "units.json").write_text(json.dumps(units, ensure_ascii=False, indent=1), encoding="utf-8")
    # The PAR areas and sections as term pages with trangxa's names.
    labels = vocab_labels()
    for tax, names in [("par_areas", labels["ParArea"]), ("sections", labels["Section"])]:
        for term, name in names.items():
            dest = content / tax / term / "_index.md"
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_text(front_matter({"title": name, "slug": term.replace("_", "-")}, ""), encoding="utf-8")
    shutil.copy(trangxa / "expected-pages.txt", out / "expected-pages.txt")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--pages", type=int, required=True, help="number of generated items")
    p.add_argument("--out", type=Path, required=True, help="trangxa site folder to create (replaced if it exists)")
    p.add_argument("--hugo", type=Path, help="also write the same site for Hugo in this folder")
    p.add_argument("--mix", default=DEFAULT_MIX, help=f"percent of each kind, {', '.join(KINDS)} (default {DEFAULT_MIX})")
    p.add_argument("--seed", type=int, default=1, help="random seed (same seed, same site)")
    args = p.parse_args()
    items = make_corpus(args.pages, args.seed, args.mix)
    write_trangxa(items, args.out)
    if args.hugo:
        write_hugo(args.out, args.hugo)
    by_kind = {k: sum(1 for it in items if it.kind == k) for k in KINDS}
    pages = len((args.out / "expected-pages.txt").read_text(encoding="utf-8").split())
    print(", ".join(f"{v} {k}" for k, v in by_kind.items() if v)
          + f" generated; {pages} content pages expected; in {args.out}" + (f" and {args.hugo}" if args.hugo else ""))


if __name__ == "__main__":
    main()
