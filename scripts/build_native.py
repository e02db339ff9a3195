"""Compile the parser modules of ``parsers.compiled.MODULES`` with mypyc, and the C extensions of
``parsers.compiled.EXTENSIONS``, into ``.nianbao-native/<key>/``.

``<key>`` hashes the sources as they stand (``parsers.compiled.source_key``): ``import parsers`` loads a build
only when its key is the sources' own, so an edit after a build falls back to pure Python, never to old code.
Run by ``scripts/setup.sh``; run it again after editing a parser module to get the compiled modules back. A
build that fails, or whose modules do not import and parse the rendered seeds, leaves nothing: the parser then
runs as pure Python. Builds of other keys are removed.

    .venv/bin/python scripts/build_native.py           # prints the folder built, or why none
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from parsers import compiled  # noqa: E402

_SMOKE = """
import sys
from pathlib import Path
import parsers
from parsers import compiled
for kind in ("html", "xlsx", "docx"):  # every module of MODULES is imported by one of these kinds' parses
    for p in sorted(Path("tests/fixtures/rendered").glob(f"*.{kind}"))[:2]:
        parsers.parse(p.read_bytes())
from parsers.readers import pdfium_page
for p in sorted(Path("tests/fixtures/rendered").glob("*.pdf"))[:1]:
    parsers.parse(p.read_bytes())
missing = set(compiled.MODULES) - set(compiled.compiled())
missing |= {name for name in compiled.EXTENSIONS if name not in sys.modules}
if pdfium_page.NATIVE is None:
    missing |= set(compiled.EXTENSIONS)
sys.exit(f"not loaded from the build: {sorted(missing)}" if missing else 0)
"""


def _compile(key: str, work: Path) -> None:
    """mypyc over the modules, the C and the libraries in ``work`` (``work/lib`` as the package tree)."""
    from mypyc.build import mypycify
    from setuptools import Extension, setup

    paths = [str(Path(*name.split(".")).with_suffix(".py")) for name in compiled.MODULES]
    modules = mypycify(paths, opt_level="3", group_name=compiled.group_name(key), target_dir=str(work / "c"))
    for name, source in compiled.EXTENSIONS.items():  # plain C (no FMA contraction: the floats Python computes)
        modules.append(Extension(name, [str(compiled.PACKAGE / source)], extra_compile_args=["-ffp-contract=off"]))
    os.chdir(work)  # away from the project's pyproject.toml, which setuptools would read
    try:
        setup(
            name="nianbao-native",
            ext_modules=modules,
            script_args=["-q", "build_ext", "--build-lib", str(work / "lib"), "--build-temp", str(work / "tmp")],
        )
    finally:
        os.chdir(ROOT)


def main() -> int:
    os.chdir(ROOT)  # mypy reads pyproject.toml and finds ``parsers`` from here
    key = compiled.source_key()
    target = compiled.BUILDS / key
    files = compiled.build_files(target, key)
    if all(f.is_file() for f in files.values()):
        print(f"native build up to date: {target}")
        return 0
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="nianbao-native-") as tmp:
        work = Path(tmp)
        try:
            _compile(key, work)
        except (Exception, SystemExit) as e:  # setuptools exits on a compiler error
            print(f"native build failed ({e!r}): the parser runs as pure Python", file=sys.stderr)
            return 1
        staged = compiled.BUILDS / f".{key}.partial"
        shutil.rmtree(staged, ignore_errors=True)
        for name, dest in compiled.build_files(staged, key).items():
            src = work / "lib" / dest.relative_to(staged)
            if not src.is_file():
                print(f"native build failed: {name} not built: the parser runs as pure Python", file=sys.stderr)
                shutil.rmtree(staged, ignore_errors=True)
                return 1
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest)
        shutil.rmtree(target, ignore_errors=True)
        staged.rename(target)
    env = {k: v for k, v in os.environ.items() if k != compiled.PURE_ENV}
    smoke = subprocess.run([sys.executable, "-c", _SMOKE], cwd=ROOT, env=env, capture_output=True, text=True)
    if smoke.returncode != 0:
        shutil.rmtree(target, ignore_errors=True)
        print(f"native build removed, it does not run: {smoke.stderr.strip()[-500:]}", file=sys.stderr)
        return 1
    for old in compiled.BUILDS.iterdir():
        if old != target:
            shutil.rmtree(old, ignore_errors=True)
    modules = f"{len(compiled.MODULES)} modules, {len(compiled.EXTENSIONS)} C"
    print(f"native build: {target} ({modules}, {time.monotonic() - start:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
