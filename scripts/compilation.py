#!/usr/bin/env python3
"""Builds an article compilation (issue 12, item 10) with exact gold.

A compilation is what tools that fetch a day's paper deliver: one PDF of the
day's articles set one after another on plain A4 pages. This script lays
one out from a JSON of articles, prints it with headless Chromium and reads
it back with pdftotext (reading order and -layout), mutool and pdfminer
(pdf2txt):

  * a table of contents: the heading 目录, then one line per article (its
    title, its page number in this PDF);
  * per article: the title in a large bold font (a long title on two lines,
    broken where the JSON breaks it), the author line with the name spaced
    out (`洪　勇`, letter-spaced), the source line
    (`《人民日报》（2025年10月20日 第 02 版）`), sometimes a highlights box
    (`亮点` and two or three bullet lines), then the indented body;
  * a footer `第 N 页` on every page, and page breaks wherever the text
    falls, inside articles.

Usage:

    python3 scripts/compilation.py ARTICLES.json OUTDIR [--keep-work]

ARTICLES.json:

    {"paper": "人民日报", "date": "2025年10月20日",
     "style": {"body_pt": 11.5, "author_spacing": "0.4em", "toc": false,
               "running_head": "…", "author_below": true, "author_label": "作者：",
               "source_format": "dash", "para_gap": "0.6em"} (all optional: no contents page, a
               running head on every page, the author line under the source
               line, a label before it, `来源：人民日报 2025-10-20 第02版`,
               space between paragraphs),
     "articles": [{"title": ["line", "second line if wrapped"],
                   "authors": ["洪勇", "李建华"], "role": "本报记者" | null,
                   "page": 2, "highlights": ["…", "…"] | absent,
                   "no_source": true | absent (printed without a source line),
                   "paragraphs": ["…", "…"]}]}

OUTDIR gets pdftotext.txt, pdftotext-layout.txt, mutool.txt, pdfminer.txt
and gold.json (the format of ../shared/layoutgen/README.md: articles with
headline_lines, byline, dateline (null), paragraphs, plus `source` (the
source line as printed), `page` (the print page it names; the PDF page for an article
without a source line) and `captions`
(the highlights box: `亮点` and each bullet as printed); extras are the
table of contents, the footers and running heads). With --keep-work, edition.html and edition.pdf stay in
OUTDIR/work/.

Needs only Python's standard library, and the programs chromium, pdftotext,
pdfinfo, mutool and pdf2txt. Fonts: only /usr/share/fonts/truetype (never
Noto CJK, which Chromium embeds as Type 3 fonts).
"""

import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

TOOLS = ("chromium", "pdftotext", "pdfinfo", "mutool", "pdf2txt")

CSS = """
@page { size: A4; margin: 22mm 20mm 24mm 20mm;
        @bottom-center { content: "第 " counter(page) " 页";
                         font: 10pt "WenQuanYi Zen Hei"; } }
body { font-family: "AR PL UMing CN", "WenQuanYi Zen Hei"; font-size: 12pt;
       line-height: 1.6; margin: 0; }
.toc h1 { font: bold 20pt "WenQuanYi Zen Hei"; text-align: center; letter-spacing: 1em;
          margin: 0 0 8mm 0; }
.toc p { display: flex; justify-content: space-between; margin: 0 0 2mm 0;
         font-size: 11pt; }
.toc { break-after: page; }
.art { margin-top: 10mm; }
.art:first-of-type { margin-top: 0; }
h2 { font: bold 21pt/1.35 "WenQuanYi Zen Hei"; margin: 0 0 4mm 0; text-align: center; }
.author { text-align: center; letter-spacing: 0.6em; font-family: "AR PL UKai CN";
          margin: 0 0 1mm 0; }
.source { text-align: center; font-size: 10.5pt; margin: 0 0 4mm 0; }
.box { border: 1px solid #444; padding: 2mm 5mm; margin: 0 8mm 4mm 8mm;
       font-family: "AR PL UKai CN"; font-size: 11pt; }
.box .head { font-weight: bold; margin: 0 0 1mm 0; }
.box p { margin: 0; }
.body p { text-indent: 2em; text-align: justify; margin: 0; }
"""


def name_spaced(name):
    """A two-character name is padded to three: 洪勇 -> 洪　勇."""
    return name[0] + "\u3000" + name[1] if len(name) == 2 else name


def author_line(a, style=None):
    names = "\u3000\u3000".join(name_spaced(n) for n in a["authors"])
    line = (a["role"] + "\u3000" + names) if a.get("role") else names
    return (style or {}).get("author_label", "") + line


def source_line(paper, date, page, style=None):
    if (style or {}).get("source_format") == "dash":
        y, m, d = (int(x) for x in re.findall(r"\d+", date))
        return f"来源：{paper} {y}-{m:02d}-{d:02d} 第{page:02d}版"
    return f"《{paper}》（{date} 第 {page:02d} 版）"


def build_html(spec, toc_pages):
    esc = html.escape
    style = spec.get("style", {})
    css = CSS + (f".body p {{ font-size: {style['body_pt']}pt; }}\n" if "body_pt" in style else "")
    css += f".author {{ letter-spacing: {style['author_spacing']}; }}\n" if "author_spacing" in style else ""
    css += f".body p {{ margin-bottom: {style['para_gap']}; }}\n" if "para_gap" in style else ""
    if "running_head" in style:
        css += ("@page { @top-center { content: \"%s\"; font: 9pt \"WenQuanYi Zen Hei\"; } }\n"
                % style["running_head"])
    out = ['<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">',
           f"<title>{esc(spec['paper'])} {esc(spec['date'])}</title><style>{css}</style></head><body>"]
    if style.get("toc", True):
        out.append('<div class="toc"><h1>目录</h1>')
        for a, n in zip(spec["articles"], toc_pages):
            out.append(f"<p><span>{esc(''.join(a['title']))}</span><span>{n}</span></p>")
        out.append("</div>")
    for a in spec["articles"]:
        out.append('<div class="art">')
        out.append("<h2>" + "<br>".join(esc(t) for t in a["title"]) + "</h2>")
        author = f'<p class="author">{esc(author_line(a, style))}</p>'
        source = f'<p class="source">{esc(source_line(spec["paper"], spec["date"], a["page"], style))}</p>'
        if a.get("no_source"):
            source = ""
        out += [source, author] if style.get("author_below") else [author, source]
        if a.get("highlights"):
            out.append('<div class="box"><p class="head">亮点</p>')
            out += [f"<p>● {esc(h)}</p>" for h in a["highlights"]]
            out.append("</div>")
        out.append('<div class="body">')
        out += [f"<p>{esc(p)}</p>" for p in a["paragraphs"]]
        out.append("</div></div>")
    out.append("</body></html>")
    return "\n".join(out)


def fontconfig(work):
    path = work / "fonts.conf"
    path.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
                    '  <dir>/usr/share/fonts/truetype</dir>\n'
                    f'  <cachedir>{work}/fc-cache</cachedir>\n</fontconfig>\n')
    return path


def render(doc, work):
    html_path = work / "edition.html"
    html_path.write_text(doc, encoding="utf-8")
    pdf = work / "edition.pdf"
    if pdf.exists():
        pdf.unlink()
    profile = tempfile.mkdtemp(prefix="chromium-profile-", dir=work)
    env = dict(os.environ, FONTCONFIG_FILE=str(fontconfig(work)))
    cmd = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={profile}", f"--print-to-pdf={pdf}", "--no-pdf-header-footer",
           html_path.as_uri()]
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    shutil.rmtree(profile, ignore_errors=True)
    if not pdf.exists():
        sys.exit("chromium produced no PDF")
    return pdf


def page_texts(pdf):
    """The PDF's pages as pdftotext reads them, whitespace removed."""
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return [re.sub(r"\s+", "", p) for p in text.split("\f")]


def locate(spec, pages):
    """The 1-based PDF page each article's title starts on (searching on from the previous)."""
    found, at = [], (1 if spec.get("style", {}).get("toc", True) else 0)   # the contents' page
    for a in spec["articles"]:
        key = re.sub(r"\s+", "", a["title"][0])
        while at < len(pages) and key not in pages[at]:
            at += 1
        if at >= len(pages):
            sys.exit(f"title not found in the PDF: {a['title'][0]}")
        found.append(at + 1)
    return found


def gold_of(spec, pages, n_pages):
    style = spec.get("style", {})
    arts = []
    for a in spec["articles"]:
        role = a.get("role")
        arts.append({
            "page": None if a.get("no_source") else a["page"],
            "pdf_page": None,
            "headline_lines": list(a["title"]),
            "headline_roles": ["main"] * len(a["title"]),
            "byline": " ".join(a["authors"]),
            "byline_printed": author_line(a, style),
            "byline_role": role,
            "dateline": None,
            "source": (None if a.get("no_source")
                       else source_line(spec["paper"], spec["date"], a["page"], style)),
            "captions": (["亮点"] + ["● " + h for h in a["highlights"]]) if a.get("highlights") else [],
            "paragraphs": list(a["paragraphs"]),
        })
    for g, p in zip(arts, pages):
        g["pdf_page"] = p
        if g["page"] is None:   # no source line: the page in this PDF
            g["page"] = p
    extras = []
    if style.get("toc", True):
        extras += [{"page": 1, "kind": "toc", "text": "目录"}]
        extras += [{"page": 1, "kind": "toc", "text": f"{''.join(a['title'])} {p}"}
                   for a, p in zip(spec["articles"], pages)]
    extras += [{"page": n, "kind": "folio", "text": f"第 {n} 页"} for n in range(1, n_pages + 1)]
    if "running_head" in style:
        extras += [{"page": n, "kind": "running_head", "text": style["running_head"]}
                   for n in range(1, n_pages + 1)]
    return {"source": "written for newsreader (issue 12, item 10): an article compilation",
            "edition": {"newspaper": spec["paper"], "date": spec["date"], "script": "simp",
                        "kind": "compilation"},
            "pages": [{"number": n, "label": f"第 {n} 页"} for n in range(1, n_pages + 1)],
            "articles": arts, "extras": extras}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("articles")
    ap.add_argument("out")
    ap.add_argument("--keep-work", action="store_true",
                    help="keep edition.html and edition.pdf in OUT/work")
    args = ap.parse_args()
    missing = [t for t in TOOLS if shutil.which(t) is None]
    if missing:
        sys.exit("missing programs: " + ", ".join(missing))
    spec = json.loads(Path(args.articles).read_text(encoding="utf-8"))
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    work = out / "work" if args.keep_work else Path(tempfile.mkdtemp(prefix="compilation-"))
    work.mkdir(parents=True, exist_ok=True)
    # Two passes: the table of contents needs the pages the first print gave.
    pages = ["00"] * len(spec["articles"])
    for _ in range(3):
        pdf = render(build_html(spec, pages), work)
        found = locate(spec, page_texts(pdf))
        if found == pages:
            break
        pages = found
    else:
        sys.exit("the table of contents does not settle")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    n_pages = int(re.search(r"^Pages:\s*(\d+)", info, re.M)[1])
    runs = {"pdftotext.txt": ["pdftotext", "-enc", "UTF-8", str(pdf), str(out / "pdftotext.txt")],
            "pdftotext-layout.txt": ["pdftotext", "-layout", "-enc", "UTF-8", str(pdf),
                                     str(out / "pdftotext-layout.txt")],
            "mutool.txt": ["mutool", "draw", "-q", "-F", "txt", "-o", str(out / "mutool.txt"), str(pdf)],
            "pdfminer.txt": ["pdf2txt", "-o", str(out / "pdfminer.txt"), str(pdf)]}
    for cmd in runs.values():
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    gold = gold_of(spec, pages, n_pages)
    (out / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if not args.keep_work:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{out}: {len(spec['articles'])} articles, {n_pages} pages")


if __name__ == "__main__":
    main()
