#!/usr/bin/env python3
"""Hostile inputs: how long trangxa takes to refuse (or build) them, and how
much memory it uses (issue 14's acceptance figures).

    cargo build --release && python3 bench/hostile.py [--bin target/release/trangxa]

Writes its files under a temporary folder: the sample site with one extra
article at a time, and spreadsheets written with Python's zipfile. Prints one
line per case: exit code, wall time and peak memory (GNU time).
"""

import argparse
import glob
import os
import shutil
import subprocess
import tempfile
import zipfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

PARTS = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
}


def xlsx(path, dimension, rows):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in PARTS.items():
            z.writestr(name, text)
        with z.open("xl/worksheets/sheet1.xml", "w") as w:
            w.write(
                f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="{dimension}"/><sheetData>'.encode()
            )
            for chunk in rows():
                w.write(chunk.encode())
            w.write(b"</sheetData></worksheet>")


def header_cell():
    return '<row r="1"><c r="A1" t="inlineStr"><is><t>Mã thủ tục</t></is></c></row>'


def run(label, args):
    fmt = "%e %M"
    out = subprocess.run(
        ["/usr/bin/time", "-f", fmt] + args, capture_output=True, text=True
    )
    secs, kb = out.stderr.strip().splitlines()[-1].split()
    print(f"| {label} | {out.returncode} | {secs} s | {int(kb) // 1024} MB |")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(REPO, "target/release/trangxa"))
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="trangxa-hostile-")
    site = os.path.join(tmp, "site")
    os.makedirs(site)
    for part in ["site.yaml", "content", "themes", "static"]:
        src = os.path.join(REPO, part)
        if os.path.isdir(src):
            shutil.copytree(src, os.path.join(site, part))
        elif os.path.exists(src):
            shutil.copy(src, site)
    unit = os.path.basename(sorted(glob.glob(os.path.join(site, "content/don-vi/*.md")))[0])[:-3]
    head = f'---\ntitle: "Thử"\nkind: tin\nsections: [tin-tuc]\nunits: [{unit}]\npublished_at: 2026-03-01T08:00:00+07:00\n---\nMở đầu.\n\n'
    article = os.path.join(site, "content/tin-tuc/2026/03/thu.md")
    os.makedirs(os.path.dirname(article), exist_ok=True)
    print("| case | exit | time | max RSS |\n|---|---|---|---|")
    run("sample site, check", [a.bin, "check", "--root", site])

    with open(article, "w") as f:
        f.write(head + "<div>" * 350_000 + "x" + "</div>" * 350_000 + "\n")
    run("350,000 nested <div> (3.5 MB), check", [a.bin, "check", "--root", site])

    block = "<div>" * 100 + "x" + "</div>" * 100 + "\n"
    with open(article, "w") as f:
        f.write(head + block * (3_900_000 // len(block)))
    run("3.9 MB of <div> nested 100 deep, check", [a.bin, "check", "--root", site])
    os.remove(article)

    two = os.path.join(tmp, "two.xlsx")
    xlsx(
        two,
        "A1:XFD1048576",
        lambda: [header_cell(), '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'],
    )
    run("XLSX, cells at A1 and XFD1048576, import", [a.bin, "import", "thu-tuc", two, "--root", site])

    million = os.path.join(tmp, "million.xlsx")
    xlsx(
        million,
        "A1:A1048575",
        lambda: [header_cell()] + [f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>' for r in range(2, 1_048_576)],
    )
    run("XLSX, 1,048,575 rows, import", [a.bin, "import", "thu-tuc", million, "--root", site])

    bomb = os.path.join(tmp, "bomb.xlsx")
    xlsx(bomb, "A1", lambda: [header_cell()] + [" " * (1 << 20)] * 1024)
    run("XLSX, 1 GiB of whitespace (~1 MB packed), import", [a.bin, "import", "thu-tuc", bomb, "--root", site])
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
