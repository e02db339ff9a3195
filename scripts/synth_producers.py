"""The files other programs make of synthetic reports: the attachments organs publish (issue 8).

    .venv/bin/python scripts/synth_reports.py --out /tmp/synth-p --seeds 1160-1179,2500-2519 --kinds html,pdf
    .venv/bin/python scripts/synth_producers.py /tmp/synth-p                  # every producer, every report
    .venv/bin/python scripts/synth_producers.py /tmp/synth-p --kinds doc lo-pdf
    .venv/bin/python scripts/synth_score.py /tmp/synth-p --kind docx --kind lo-pdf

``synth_reports.py`` scores the parser on the portal page (HTML) and on **Chromium's** print of the body. Real
organs publish what Word, WPS and LibreOffice make. For each report of a ``synth_reports.py`` folder this writes,
from the report's print page (``synth_reports.print_page``: the body alone, as the attachment is printed):

- ``docx`` (``<stem>.docx``): LibreOffice Writer's DOCX of the print page (the ``HTML (StarWriter)`` import saved
  as ``MS Word 2007 XML``: ``synth_extractors.make_docx``'s file, shared through its ``.docx/`` cache);
- ``doc`` (``<stem>.doc``): that DOCX saved by Writer as ``MS Word 97`` (the legacy binary);
- ``lo-pdf`` (``<stem>.lo-pdf.pdf``): that DOCX printed by Writer (``writer_pdf_Export``: a word processor's
  print, its own table rules, fonts, line breaks and page breaks inside rows);
- ``lohtml-pdf`` (``<stem>.lohtml-pdf.pdf``): LibreOffice Writer/Web's print of the print page
  (``writer_web_pdf_Export``, as ``build_ocr_text.lo_html_pdf``);
- ``wk-pdf`` (``<stem>.wk-pdf.pdf``): wkhtmltopdf's print of the print page, when wkhtmltopdf is installed;
- ``xlsx`` and ``xls`` (``<stem>.xlsx``, ``<stem>.xls``): LibreOffice Calc's spreadsheet of the print page (the
  ``HTML (StarCalc)`` import: every table and paragraph on one sheet), when Calc is installed
  (``libreoffice-calc-nogui``; ``scripts/setup_corpus.sh`` installs it and wkhtmltopdf).

Each file is added as a kind to the report's gold ``inputs`` so ``scripts/synth_score.py`` scores it per kind and
split (``synth_reports.split_of``). LibreOffice converts a whole folder in one run per producer (a private
profile); files already made are kept (``--force`` remakes them). A producer that is not installed, or makes
nothing for a report, is said and skipped.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

# kind → (file suffix, LibreOffice filter or "" for another program, source: "page" (print page) | "docx")
PRODUCERS: dict[str, tuple[str, str, str]] = {
    "docx": (".docx", "docx:MS Word 2007 XML", "page"),
    "doc": (".doc", "doc:MS Word 97", "docx"),
    "lo-pdf": (".lo-pdf.pdf", "pdf:writer_pdf_Export", "docx"),
    "lohtml-pdf": (".lohtml-pdf.pdf", "pdf:writer_web_pdf_Export", "page"),
    "wk-pdf": (".wk-pdf.pdf", "", "page"),
    "xlsx": (".xlsx", "xlsx:Calc MS Excel 2007 XML", "page"),
    "xls": (".xls", "xls:MS Excel 97", "page"),
}
CALC = ("xlsx", "xls")


def calc_installed() -> bool:
    """Debian's ``libreoffice-calc-nogui`` (``scripts/setup_corpus.sh`` installs it): its library is beside soffice."""
    soffice = shutil.which("soffice")
    if not soffice:
        return False
    program = Path(os.path.realpath(soffice)).parent
    return any(program.glob("libsclo.so"))


def available(kind: str) -> bool:
    if kind == "wk-pdf":
        return shutil.which("wkhtmltopdf") is not None
    if kind in CALC:
        return calc_installed()
    return shutil.which("soffice") is not None


def write_pages(folder: Path, stems: list[str], work: Path) -> dict[str, Path]:
    """stem → the report's print page (the body alone, as ``synth_reports.py`` prints it), under ``work``."""
    from synth_reports import body_html, build, print_page

    pages = {}
    for stem in stems:
        seed = int(json.loads((folder / f"{stem}.json").read_text(encoding="utf-8"))["synth"]["seed"])
        s, m = build(seed)
        page = work / "pages" / f"{stem}.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(print_page(s, m, body_html(s, m)), encoding="utf-8")
        pages[stem] = page
    return pages


def soffice(sources: list[Path], target: str, out: Path, work: Path, infilter: str | None) -> None:
    """One LibreOffice run converting every source (a private profile: no lock shared with other runs)."""
    out.mkdir(parents=True, exist_ok=True)
    cmd = ["soffice", f"-env:UserInstallation=file://{work}/lo-profile", "--headless"]
    if infilter:
        cmd.append(f"--infilter={infilter}")
    cmd += ["--convert-to", target, "--outdir", str(out), *map(str, sources)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=60 + 60 * len(sources))


def wkhtmltopdf(page: Path, pdf: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run(
        ["wkhtmltopdf", "-q", "--encoding", "utf-8", "--page-size", "A4", str(page), str(pdf)],
        env=env, capture_output=True, timeout=180,
    )  # fmt: skip


def produced_name(stem: str, kind: str) -> str:
    return stem + PRODUCERS[kind][0]


def make_kind(folder: Path, kind: str, stems: list[str], pages: dict[str, Path], work: Path) -> list[str]:
    """Make ``kind`` for the stems that lack it; returns the stems that have it afterwards."""
    _, target, source = PRODUCERS[kind]
    todo = [s for s in stems if not (folder / produced_name(s, kind)).exists()]
    if todo:
        out = work / kind
        if kind == "wk-pdf":
            out.mkdir(parents=True, exist_ok=True)
            for stem in todo:
                wkhtmltopdf(pages[stem], out / f"{stem}.pdf")
        elif source == "docx":
            soffice([folder / f"{s}.docx" for s in todo if (folder / f"{s}.docx").exists()], target, out, work, None)
        else:
            infilter = "HTML (StarCalc)" if kind in CALC else "HTML (StarWriter)"
            if kind == "lohtml-pdf":
                infilter = None  # Writer/Web opens .html by itself
            soffice([pages[s] for s in todo], target, out, work, infilter)
        ext = target.split(":")[0] if target else "pdf"
        for stem in todo:
            made = out / f"{stem}.{ext}"
            if made.exists() and made.stat().st_size:
                shutil.move(made, folder / produced_name(stem, kind))
            else:
                print(f"  {kind}: nothing made for {stem}: skipped", file=sys.stderr)
    if kind == "docx":  # synth_extractors.make_docx's cache: the extractors' DOCX conventions read the same file
        cache = folder / ".docx"
        cache.mkdir(exist_ok=True)
        for stem in stems:
            if (folder / f"{stem}.docx").exists() and not (cache / f"{stem}.docx").exists():
                shutil.copyfile(folder / f"{stem}.docx", cache / f"{stem}.docx")
    return [s for s in stems if (folder / produced_name(s, kind)).exists()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path, help="a synth_reports.py folder")
    ap.add_argument("--kinds", nargs="+", default=list(PRODUCERS), choices=list(PRODUCERS))
    ap.add_argument("--stems", nargs="+", default=None, help="only these reports (synth_1160 …)")
    ap.add_argument("--force", action="store_true")
    args = ap.parse_args(argv)
    stems = args.stems or sorted(p.stem for p in args.folder.glob("synth_*.json"))
    kinds = list(args.kinds)
    if any(PRODUCERS[k][2] == "docx" for k in kinds) and "docx" not in kinds:
        kinds.insert(0, "docx")  # doc and lo-pdf are made of the DOCX
    if args.force:
        for stem in stems:
            for kind in kinds:
                (args.folder / produced_name(stem, kind)).unlink(missing_ok=True)
    have: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory(prefix="synth-producers-") as tmp:
        work = Path(tmp)
        pages = write_pages(args.folder, stems, work)
        for kind in kinds:
            if not available(kind):
                print(f"{kind}: its program is not installed: skipped", file=sys.stderr)
                continue
            have[kind] = make_kind(args.folder, kind, stems, pages, work)
            print(f"{kind}: {len(have[kind])}/{len(stems)} reports", file=sys.stderr)
    for stem in stems:
        gold_file = args.folder / f"{stem}.json"
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        gold["inputs"] = {**gold["inputs"], **{k: produced_name(stem, k) for k, ss in have.items() if stem in ss}}
        gold_file.write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(stems)} reports, {len(have)} producers → {args.folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
