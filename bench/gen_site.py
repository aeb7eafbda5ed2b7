#!/usr/bin/env python3
"""Generate a large commune site for benchmarks: realistic Vietnamese news and
documents in trangxa's content format.

    python3 bench/gen_site.py --pages 10000 --out /tmp/site-10k

The output is deterministic for a given --seed. The corpus (what the site says)
is built first as plain records by `make_corpus`, and a writer turns it into one
generator's format (`write_trangxa`), so a writer for another generator can be
added beside it and fed the same corpus for a fair comparison.

The generated site reuses the sample site's `site.yaml`, units (`content/don-vi`),
static pages (`content/trang`) and theme, copied from the repository, so every
unit and link the articles use resolves.
"""

import argparse
import datetime as dt
import random
import shutil
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# Units of the sample site (content/don-vi): id, name. External units last.
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

SECTIONS = [
    "tin-tuc", "hoat-dong-hdnd-ubnd", "cai-cach-hanh-chinh", "chuyen-doi-so",
    "tuyen-truyen-phap-luat", "kinh-te", "van-hoa-xa-hoi", "quoc-phong-an-ninh",
    "thong-bao", "chi-dao-dieu-hanh",
]
PAR_AREAS = [
    "chi_dao_dieu_hanh", "the_che", "thu_tuc_hanh_chinh", "to_chuc_bo_may",
    "che_do_cong_vu", "tai_chinh_cong", "chinh_quyen_so",
]
ARTICLE_KINDS = ["tin", "tin", "tin", "tin_ngan", "bai_viet", "thong_bao"]

VILLAGES = [
    "thôn Tăng Lợi", "thôn Hiệp Hội", "làng Hà Rơn", "thôn Chánh Thắng",
    "làng Kon Mọc", "thôn Thủ Thiện", "thôn Vinh Quang", "làng Đắk Pơ",
]
ACTIONS = [
    "triển khai", "tổ chức", "hướng dẫn", "tuyên truyền", "kiểm tra",
    "tổng kết", "sơ kết", "phát động", "ra quân", "đẩy mạnh",
]
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
]
HEADINGS = [
    "Kết quả đạt được", "Một số khó khăn, vướng mắc", "Nhiệm vụ thời gian tới",
    "Nội dung chủ yếu", "Ý kiến của người dân", "Tổ chức thực hiện",
]
DOC_TYPES = [
    ("quyet_dinh", "QĐ-UBND", "Quyết định"), ("ke_hoach", "KH-UBND", "Kế hoạch"),
    ("thong_bao", "TB-UBND", "Thông báo"), ("bao_cao", "BC-UBND", "Báo cáo"),
    ("cong_van", "UBND-VP", "Công văn"),
]
DOC_SUBJECTS = [
    "về việc triển khai {t} trên địa bàn xã năm {y}",
    "ban hành kế hoạch {t} năm {y}",
    "kết quả thực hiện {t} quý {q} năm {y}",
    "về việc kiện toàn Ban chỉ đạo {t} xã",
    "về việc tổ chức hội nghị sơ kết {t}",
]


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


@dataclass
class Article:
    slug: str
    title: str
    summary: str
    published_at: dt.datetime
    kind: str
    sections: list
    units: list
    par_areas: list
    tags: list
    body: str
    featured: bool = False


@dataclass
class Doc:
    year: int
    number: int
    doc_type: str
    symbol: str
    abstract: str
    issued: dt.date
    units: list
    tags: list
    body: str


@dataclass
class Corpus:
    articles: list = field(default_factory=list)
    documents: list = field(default_factory=list)


def paragraph(rng: random.Random) -> str:
    return " ".join(rng.sample(SENTENCES, rng.randint(2, 4)))


def body(rng: random.Random, units: list, place: str) -> str:
    unit_id, unit_name = units[0]
    parts = [
        f"Ngày {rng.randint(1, 28)}, [{unit_name}](/don-vi/{unit_id}/) phối hợp với {place} "
        + paragraph(rng)
    ]
    for heading in rng.sample(HEADINGS, rng.randint(1, 3)):
        parts.append(f"## {heading}")
        parts.append(paragraph(rng))
        if rng.random() < 0.3:
            parts.append("\n".join(f"- {s}" for s in rng.sample(SENTENCES, 3)))
        if rng.random() < 0.1:
            parts.append(
                "| Nội dung | Kết quả |\n|---|---|\n"
                + "\n".join(f"| {h} | {rng.randint(50, 100)}% |" for h in rng.sample(HEADINGS, 3))
            )
    return "\n\n".join(parts) + "\n"


def make_corpus(pages: int, seed: int) -> Corpus:
    """`pages` content items: about 90% news articles, 10% documents."""
    rng = random.Random(seed)
    corpus = Corpus()
    n_docs = pages // 10
    n_articles = pages - n_docs
    start = dt.datetime(2026, 11, 20, 8, 0)
    seen = set()
    for i in range(n_articles):
        # Newest first, about three a day going back in time, in office hours.
        day = start.replace(hour=0) - dt.timedelta(days=i // 3)
        when = day + dt.timedelta(hours=rng.randint(7, 16), minutes=rng.choice([0, 15, 30, 45]))
        topic, section = rng.choice(TOPICS)
        place = rng.choice(VILLAGES)
        units = rng.sample(UNITS[:9], rng.randint(1, 3))
        title = f"{units[0][1]} {rng.choice(ACTIONS)} {topic} tại {place}"
        slug = slugify(title)
        if slug in seen:
            title = f"{title} (đợt {i})"
            slug = slugify(title)
        seen.add(slug)
        sections = [section] + (["tin-tuc"] if section != "tin-tuc" else [])
        par = rng.sample(PAR_AREAS, rng.randint(1, 2)) if "cai-cach-hanh-chinh" in sections else []
        corpus.articles.append(Article(
            slug=slug,
            title=title,
            summary=f"{units[0][1]} {rng.choice(ACTIONS)} {topic}; " + rng.choice(SENTENCES)[:-1].lower() + ".",
            published_at=when,
            kind=rng.choice(ARTICLE_KINDS),
            sections=sections,
            units=units,
            par_areas=par,
            tags=rng.sample(TAGS, rng.randint(1, 3)),
            body=body(rng, units, place),
            featured=i % 97 == 0,
        ))
    for i in range(n_docs):
        year = 2026 - i // 300
        doc_type, symbol, _ = rng.choice(DOC_TYPES)
        topic, _ = rng.choice(TOPICS)
        abstract = rng.choice(DOC_SUBJECTS).format(t=topic, y=year, q=rng.randint(1, 4))
        abstract = abstract[0].upper() + abstract[1:]
        units = rng.sample(UNITS[:9], rng.randint(1, 2))
        corpus.documents.append(Doc(
            year=year,
            number=i % 300 + 1,
            doc_type=doc_type,
            symbol=symbol,
            abstract=abstract,
            issued=dt.date(year, 1, 1) + dt.timedelta(days=(i * 7) % 330),
            units=units,
            tags=rng.sample(TAGS, 1),
            body=paragraph(rng) + "\n\n## Tổ chức thực hiện\n\n" + paragraph(rng) + "\n",
        ))
    return corpus


def yaml_list(xs) -> str:
    return "[" + ", ".join(xs) + "]"


def write_trangxa(corpus: Corpus, out: Path) -> None:
    """Write the corpus as a trangxa site (with the sample's config, units, pages, theme)."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    shutil.copy(REPO / "site.yaml", out / "site.yaml")
    shutil.copytree(REPO / "themes", out / "themes")
    shutil.copytree(REPO / "content" / "don-vi", out / "content" / "don-vi")
    shutil.copytree(REPO / "content" / "trang", out / "content" / "trang")
    for a in corpus.articles:
        folder = out / "content" / "tin-tuc" / f"{a.published_at:%Y}" / f"{a.published_at:%m}"
        folder.mkdir(parents=True, exist_ok=True)
        lines = [
            "---",
            f'title: "{a.title}"',
            f'summary: "{a.summary}"',
            f"kind: {a.kind}",
            f"sections: {yaml_list(a.sections)}",
            f"units: {yaml_list(u for u, _ in a.units)}",
        ]
        if a.par_areas:
            lines.append(f"par_areas: {yaml_list(a.par_areas)}")
        lines += [
            f"tags: {yaml_list(a.tags)}",
            f"published_at: {a.published_at:%Y-%m-%dT%H:%M:00}+07:00",
            "status: published",
        ]
        if a.featured:
            lines.append("featured: true")
        lines.append("---")
        (folder / f"{a.slug}.md").write_text("\n".join(lines) + "\n" + a.body, encoding="utf-8")
    for d in corpus.documents:
        stem = f"{d.number}-{d.symbol.lower()}"
        folder = out / "content" / "van-ban" / str(d.year)
        folder.mkdir(parents=True, exist_ok=True)
        text = "\n".join([
            "---",
            f"doc_type: {d.doc_type}",
            f'number: "{d.number}"',
            f"symbol: {d.symbol}",
            f'abstract: "{d.abstract}"',
            "issuer: Ủy ban nhân dân xã Canh Vinh",
            "issuer_level: xa",
            f"issued_date: {d.issued:%Y-%m-%d}",
            f"effective_date: {d.issued:%Y-%m-%d}",
            "legal_status: con_hieu_luc",
            f"units: {yaml_list(u for u, _ in d.units)}",
            f"tags: {yaml_list(d.tags)}",
            "signer: {name: Nguyễn Văn An, position: Chủ tịch, authority: tm, on_behalf_of: ỦY BAN NHÂN DÂN}",
            f"files: [{{path: /files/van-ban/{d.year}/{stem}.pdf, label: Bản PDF, signed: true}}]",
            "---",
        ]) + "\n" + d.body
        (folder / f"{stem}.md").write_text(text, encoding="utf-8")
        files = out / "static" / "files" / "van-ban" / str(d.year)
        files.mkdir(parents=True, exist_ok=True)
        (files / f"{stem}.pdf").write_bytes(MINIMAL_PDF)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--pages", type=int, required=True, help="number of articles and documents")
    p.add_argument("--out", type=Path, required=True, help="folder to create (replaced if it exists)")
    p.add_argument("--seed", type=int, default=1, help="random seed (same seed, same site)")
    args = p.parse_args()
    corpus = make_corpus(args.pages, args.seed)
    write_trangxa(corpus, args.out)
    print(f"{len(corpus.articles)} articles, {len(corpus.documents)} documents in {args.out}")


if __name__ == "__main__":
    main()
