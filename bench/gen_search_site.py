#!/usr/bin/env python3
"""Generate a commune site of N pages for the search benchmarks.

    bench/gen_search_site.py --pages 2000 --out bench/out/site-2000

The text is realistic Vietnamese: sentences are drawn from the sample site's
own articles (content/ in this repository) and mixed with names, places,
procedures and document numbers that exercise the search: people called
Hòa / Hoà / Thúy / Thuý / Dương, streets (đường), procedure codes
(1.001193), document numbers (135/KH-UBND). About 80 % of the pages are
news articles, the rest documents; the sample site's units, static pages and
procedures are copied as they are. The same arguments always give the same
files.
"""

import argparse
import random
import re
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

SECTIONS = [
    "tin-tuc", "hoat-dong-hdnd-ubnd", "cai-cach-hanh-chinh", "chuyen-doi-so",
    "tuyen-truyen-phap-luat", "kinh-te", "van-hoa-xa-hoi", "quoc-phong-an-ninh",
    "thong-bao", "chi-dao-dieu-hanh",
]
UNITS = [
    "ubnd-xa", "van-phong-hdnd-ubnd", "phong-kinh-te", "phong-van-hoa-xa-hoi",
    "trung-tam-phuc-vu-hanh-chinh-cong", "cong-an-xa",
    "trung-tam-cung-ung-dich-vu-su-nghiep-cong", "cac-thon-lang",
]
PAR = ["chi_dao_dieu_hanh", "the_che", "thu_tuc_hanh_chinh", "to_chuc_bo_may",
       "che_do_cong_vu", "tai_chinh_cong", "chinh_quyen_so"]
KINDS = ["tin", "tin", "tin", "bai_viet", "thong_bao", "tin_ngan", "hoi_dap"]
# Procedures: those of the sample site (content/thu-tuc/), which the
# generated site copies, so that `related_procedures` resolve.
PROCEDURES = []
for _p in sorted((REPO / "content" / "thu-tuc").glob("*.md")):
    _fm = _p.read_text(encoding="utf-8").split("---", 2)[1]
    _code = re.search(r"^code:\s*[\"']?([0-9.]+)", _fm, re.M).group(1)
    _title = re.search(r"^title:\s*[\"']?(.+?)[\"']?\s*$", _fm, re.M).group(1)
    PROCEDURES.append((_code, _title))
PEOPLE = [
    "Nguyễn Thị Hòa", "Trần Văn Hoà", "Lê Thị Thúy", "Phạm Thị Thuý", "Đỗ Văn Dương",
    "Võ Thị Đường", "Huỳnh Văn Khánh", "Đặng Thị Lụa", "Bùi Văn Quý", "Rơ Châm H'Lan",
    "Siu Đoan", "Ksor Y Nhi", "Đinh Văn Đức", "Dương Thị Lan", "Hồ Văn Thủy",
]
PLACES = [
    "thôn Tăng Lợi", "thôn Hòa Hội", "thôn Hoà Thuận", "làng Đê Kơ", "thôn Thủy Lộc",
    "thôn An Dưỡng", "đường liên thôn Đông Bình", "khu dân cư Dương Liễu", "thôn Đường Cái",
    "làng Plei Thơ", "thôn Vĩnh Thuận", "thôn Thanh Lương",
]
TOPICS = [
    "cải cách hành chính", "chuyển đổi số", "dịch vụ công trực tuyến", "tiếp công dân",
    "phòng, chống thiên tai", "bảo hiểm y tế", "xây dựng nông thôn mới", "an toàn giao thông",
    "phổ biến, giáo dục pháp luật", "thanh toán không dùng tiền mặt", "đăng ký khai sinh",
    "cấp căn cước", "trợ giúp pháp lý", "vệ sinh môi trường", "phòng cháy, chữa cháy",
    "sửa chữa đường giao thông", "bình đẳng giới", "hỗ trợ hộ nghèo", "tiêm chủng mở rộng",
]
TITLE_PATTERNS = [
    "{unit} triển khai công tác {topic} tại {place}",
    "Tăng cường {topic} trên địa bàn xã năm {year}",
    "Hội nghị sơ kết {topic} 6 tháng đầu năm {year}",
    "Hướng dẫn người dân thực hiện thủ tục {proc}",
    "Kết quả thực hiện {topic} quý {quarter} năm {year}",
    "{place}: ra quân {topic}",
    "Thông báo về việc tiếp nhận hồ sơ {proc} trực tuyến",
    "Đối thoại với người dân {place} về {topic}",
    "Ông {person} được khen thưởng vì thành tích trong {topic}",
    "Hỏi - đáp về {topic}",
]
DOC_TYPES = [
    ("ke_hoach", "KH-UBND", "Kế hoạch {topic} năm {year}"),
    ("quyet_dinh", "QĐ-UBND", "Quyết định ban hành Quy chế {topic}"),
    ("thong_bao", "TB-UBND", "Thông báo kết luận của Chủ tịch UBND xã về {topic}"),
    ("bao_cao", "BC-UBND", "Báo cáo kết quả {topic} năm {year}"),
    ("cong_van", "UBND-VP", "Về việc tăng cường {topic}"),
]


def corpus_sentences():
    """Sentences of the sample site's articles (front matter and Markdown
    syntax removed)."""
    out = []
    for path in sorted((REPO / "content").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        parts = text.split("---", 2)
        body = parts[2] if len(parts) == 3 else text
        body = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", body)
        body = re.sub(r"[*_`#>|\\]", " ", body)
        for line in body.splitlines():
            line = line.strip(" -\t")
            for s in re.split(r"(?<=[.;:!?])\s+", line):
                s = s.strip()
                if len(s.split()) >= 6 and not s.startswith(("Số:", "Lưu:")):
                    out.append(s)
    return out


def yaml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def fill(rng, pattern, year):
    proc = rng.choice(PROCEDURES)
    return pattern.format(
        unit=rng.choice(["UBND xã", "Phòng Văn hóa - Xã hội", "Phòng Kinh tế", "Công an xã",
                         "Trung tâm Phục vụ hành chính công xã", "Đoàn Thanh niên xã"]),
        topic=rng.choice(TOPICS),
        place=rng.choice(PLACES),
        year=year,
        quarter=rng.choice(["I", "II", "III", "IV"]),
        proc=proc[1].lower(),
        person=rng.choice(PEOPLE),
    )


def paragraph(rng, sentences, doc_numbers):
    picked = [rng.choice(sentences) for _ in range(rng.randint(2, 4))]
    extra = rng.random()
    if extra < 0.15:
        code, name = rng.choice(PROCEDURES)
        picked.append(f"Thủ tục {name.lower()} (mã {code}) được tiếp nhận tại Trung tâm Phục vụ hành chính công xã.")
    elif extra < 0.30 and doc_numbers:
        picked.append(f"Thực hiện Kế hoạch số {rng.choice(doc_numbers)} của Ủy ban nhân dân xã.")
    elif extra < 0.45:
        picked.append(f"Bà {rng.choice(PEOPLE)} ở {rng.choice(PLACES)} cho biết người dân rất đồng tình.")
    elif extra < 0.55:
        picked.append(f"Tuyến {rng.choice(['đường', 'đường bê tông', 'đường nội đồng'])} qua {rng.choice(PLACES)} được sửa chữa.")
    return " ".join(picked)


def body(rng, sentences, doc_numbers, paragraphs):
    out = []
    for i in range(paragraphs):
        if i and i % 3 == 0:
            out.append("## " + rng.choice(sentences).split(",")[0].rstrip("."))
        out.append(paragraph(rng, sentences, doc_numbers))
    return "\n\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, required=True, help="items to generate")
    ap.add_argument("--out", type=Path, required=True, help="site folder to (re)create")
    ap.add_argument("--seed", type=int, default=8)
    args = ap.parse_args()

    rng = random.Random(args.seed)
    out = args.out
    if out.exists():
        shutil.rmtree(out)
    (out / "content").mkdir(parents=True)
    shutil.copy(REPO / "site.yaml", out / "site.yaml")
    shutil.copytree(REPO / "themes", out / "themes")
    shutil.copytree(REPO / "content" / "don-vi", out / "content" / "don-vi")
    shutil.copytree(REPO / "content" / "trang", out / "content" / "trang")
    shutil.copytree(REPO / "content" / "thu-tuc", out / "content" / "thu-tuc")
    sentences = corpus_sentences()

    n_docs = max(1, args.pages // 5)
    n_articles = args.pages - n_docs
    doc_numbers = []
    for i in range(n_docs):
        doc_type, symbol, pattern = rng.choice(DOC_TYPES)
        year = 2024 + i * 3 // n_docs
        number = str(i + 1)
        doc_numbers.append(f"{number}/{symbol}")
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        abstract = fill(rng, pattern, year)
        units = rng.sample(UNITS, rng.randint(1, 2))
        path = out / "content" / "van-ban" / str(year) / f"{number}-{symbol.lower()}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            "---\n"
            f"doc_type: {doc_type}\n"
            f"number: {yaml_str(number)}\n"
            f"symbol: {symbol}\n"
            f"abstract: {yaml_str(abstract)}\n"
            "issuer: Ủy ban nhân dân xã Canh Vinh\n"
            "issuer_level: xa\n"
            f"issued_date: {year}-{month:02d}-{day:02d}\n"
            "legal_status: con_hieu_luc\n"
            f"units: [{', '.join(units)}]\n"
            f"par_areas: [{rng.choice(PAR)}]\n"
            f"signer: {{name: {yaml_str(rng.choice(PEOPLE))}, position: Chủ tịch}}\n"
            "---\n" + body(rng, sentences, doc_numbers[:-1], rng.randint(2, 6)),
            encoding="utf-8",
        )

    for i in range(n_articles):
        year = 2024 + i * 3 // n_articles
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        title = fill(rng, rng.choice(TITLE_PATTERNS), year)
        sections = rng.sample(SECTIONS, rng.randint(1, 2))
        units = rng.sample(UNITS, rng.randint(1, 3))
        par = ""
        if "cai-cach-hanh-chinh" in sections:
            par = f"par_areas: [{', '.join(rng.sample(PAR, rng.randint(1, 2)))}]\n"
        procs = ""
        if rng.random() < 0.2:
            procs = f"related_procedures: [\"{rng.choice(PROCEDURES)[0]}\"]\n"
        tags = rng.sample(TOPICS, 2)
        summary = rng.choice(sentences)
        path = out / "content" / "tin-tuc" / str(year) / f"{month:02d}" / f"bai-{i:05d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            "---\n"
            f"title: {yaml_str(title)}\n"
            f"summary: {yaml_str(summary)}\n"
            f"kind: {rng.choice(KINDS)}\n"
            f"sections: [{', '.join(sections)}]\n"
            f"units: [{', '.join(units)}]\n"
            + par + procs +
            f"tags: [{', '.join(yaml_str(t) for t in tags)}]\n"
            f"published_at: {year}-{month:02d}-{day:02d}T{rng.randint(7, 17):02d}:{rng.randint(0, 59):02d}:00+07:00\n"
            "---\n" + body(rng, sentences, doc_numbers, rng.randint(4, 10)),
            encoding="utf-8",
        )
    print(f"{args.pages} items ({n_articles} tin bài, {n_docs} văn bản) in {out}")


if __name__ == "__main__":
    main()
