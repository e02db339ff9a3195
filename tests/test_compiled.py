"""The mypyc build of the parser modules (``parsers/compiled.py``, ``scripts/build_native.py``): loaded only for
the sources it was built from, off when asked, and the same output as pure Python, document for document."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from parsers import compiled

ROOT = Path(__file__).resolve().parent.parent


def _package(tmp_path: Path) -> Path:
    pkg = tmp_path / "parsers"
    (pkg / "readers").mkdir(parents=True)
    (pkg / "api.py").write_text("VERSION = '1'\n")
    (pkg / "readers" / "html.py").write_text("LIMIT: int = 16\n")
    return pkg


def _fake_build(builds: Path, key: str) -> None:
    for f in compiled.build_files(builds / key, key).values():
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_bytes(b"")


def test_the_key_follows_every_source_of_the_package(tmp_path: Path) -> None:
    pkg = _package(tmp_path)
    key = compiled.source_key(pkg)
    assert compiled.source_key(pkg) == key
    (pkg / "api.py").write_text("VERSION = '2'\n")  # a module not compiled: it may hold a constant inlined
    edited = compiled.source_key(pkg)
    assert edited != key
    (pkg / "readers" / "html.py").rename(pkg / "readers" / "html2.py")
    assert compiled.source_key(pkg) not in (key, edited)


def test_a_build_for_other_sources_is_never_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))  # whatever install() adds goes with the test
    monkeypatch.delenv(compiled.PURE_ENV, raising=False)
    pkg, builds = _package(tmp_path), tmp_path / "builds"
    _fake_build(builds, compiled.source_key(pkg))
    files = compiled.install(builds, pkg)
    assert files and all(str(f).startswith(str(builds / compiled.source_key(pkg))) for f in files.values())
    monkeypatch.setattr(sys, "meta_path", [f for f in sys.meta_path if not isinstance(f, compiled._Finder)])
    (pkg / "readers" / "html.py").write_text("LIMIT: int = 17\n")  # edited after the build
    assert compiled.install(builds, pkg) == {}
    assert not any(isinstance(f, compiled._Finder) for f in sys.meta_path)


def test_a_build_missing_a_module_is_not_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))
    monkeypatch.delenv(compiled.PURE_ENV, raising=False)
    pkg, builds = _package(tmp_path), tmp_path / "builds"
    key = compiled.source_key(pkg)
    _fake_build(builds, key)
    next(iter(compiled.build_files(builds / key, key).values())).unlink()
    assert compiled.install(builds, pkg) == {}


def test_pure_python_when_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))
    pkg, builds = _package(tmp_path), tmp_path / "builds"
    _fake_build(builds, compiled.source_key(pkg))
    monkeypatch.setenv(compiled.PURE_ENV, "1")
    assert compiled.install(builds, pkg) == {}


# Every document kind the compiled modules touch: the HTML fixtures (pages, tables, hostile markup), the
# rendered seeds in each format the parser reads in-process, the text fixtures, and fuzzed pages.
_DUMP = """
import json, sys
from pathlib import Path
sys.path.insert(0, "tests")
import parsers
from parsers import compiled
from conftest import load_script

fixtures = Path("tests/fixtures")
paths = sorted(p for p in fixtures.rglob("*") if p.suffix in (".html", ".htm", ".txt", ".md"))
paths += sorted(p for p in (fixtures / "rendered").iterdir() if p.suffix in (".xlsx", ".xls", ".docx", ".pdf"))
docs = {str(p): p.read_bytes() for p in paths}
fuzz_page = load_script("reader_snapshot").fuzz_page
docs.update({f"fuzz#{seed}": fuzz_page(seed) for seed in range(300)})
# damaged copies of the text fixtures (digits changed, lines joined, split and dropped): the tables' repair paths,
# where the fit of a row's values weighs guesses and table 三 reads around unreadable cells
texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths if p.suffix in (".txt", ".md")]
damaged = load_script("parse_snapshot").damaged_texts(texts, 300, 13)
docs.update({f"damaged/{k:03d}.txt": t.encode("utf-8") for k, t in enumerate(damaged)})
out = {}
for name, data in docs.items():
    try:
        report = parsers.parse(data, name.rsplit("/", 1)[-1] if "#" not in name else "page.html")
        out[name] = json.dumps(report.as_json(), sort_keys=True, ensure_ascii=False, default=str)
    except Exception as e:
        out[name] = f"ERR {type(e).__name__}: {e}"
extensions = sorted(name for name in compiled.EXTENSIONS if name in sys.modules)
print(json.dumps({"compiled": compiled.compiled(), "extensions": extensions, "reports": out}))
"""


def _dump(pure: bool) -> dict:
    env = {k: v for k, v in os.environ.items() if k != compiled.PURE_ENV}
    if pure:
        env[compiled.PURE_ENV] = "1"
    run = subprocess.run([sys.executable, "-c", _DUMP], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


def test_compiled_and_pure_python_parse_every_fixture_alike() -> None:
    key = compiled.source_key()
    if not all(f.is_file() for f in compiled.build_files(compiled.BUILDS / key, key).values()):
        pytest.skip("no native build for these sources: scripts/build_native.py (scripts/setup.sh runs it)")
    native, pure = _dump(pure=False), _dump(pure=True)
    assert native["compiled"] == list(compiled.MODULES)
    assert native["extensions"] == sorted(compiled.EXTENSIONS)  # every C extension loaded and run
    assert pure["compiled"] == pure["extensions"] == []
    assert len(native["reports"]) > 500
    differ = [name for name, out in pure["reports"].items() if native["reports"].get(name) != out]
    assert native["reports"].keys() == pure["reports"].keys()
    assert differ == []


# ``is`` between two values that are not constants, in the compiled modules, and why each is sound compiled: mypyc
# holds a fixed tuple (a reading of a row, a span of offsets) unboxed and boxes it anew where it goes into a list or a
# call, so two names for one are two objects there (``t is junk`` is False, ``id(t)`` is another object's); a token
# is kept boxed (typed as a named tuple: the last test below), but the rule holds for every value
_IDENTITY_KEPT = {
    "parsers.narrative": {"rx is _ZERO_RECEIVED": "a compiled regex: an object, never unboxed"},
    "parsers.readers.html": {
        "up is container": "lxml elements: objects, never unboxed",
        "up is not table": "lxml elements",
    },
    "parsers.readers.html_stream": {"parent is not cell": "lxml elements: one proxy per node while one is held"},
    "parsers.readers.sheet": {"kind is str": "a cell value's class: a type", "kind is float": "a type"},
    "parsers.zip_members": {"left[0] is data": "bytes: objects, never unboxed"},
}


def _identity_tests(module: str) -> list[str]:
    path = ROOT / (module.replace(".", "/") + ".py")
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "id":
            found.append(ast.unparse(node))
        if isinstance(node, ast.Compare):
            for left, op, right in zip([node.left, *node.comparators], node.ops, node.comparators, strict=False):
                if not isinstance(op, ast.Is | ast.IsNot) or any(isinstance(x, ast.Constant) for x in (left, right)):
                    continue
                if any(isinstance(x, ast.Attribute) and x.attr == "__class__" for x in (left, right)):
                    continue  # a type: an object
                found.append(f"{ast.unparse(left)} {'is' if isinstance(op, ast.Is) else 'is not'} {ast.unparse(right)}")
    return found


@pytest.mark.parametrize("module", compiled.MODULES)
def test_no_compiled_module_compares_values_by_identity(module: str) -> None:
    assert sorted(set(_identity_tests(module)) - set(_IDENTITY_KEPT.get(module, {}))) == []


_BOXED = """
from parsers import compiled
from parsers.extracted import Extracted
from parsers.tables.reading import Reading
from parsers.tables.rows_by_order import _values_between
r = Reading(Extracted("text", "（一）本年新收政府信息公开申请数量\\t1\\t—\\t3\\t\\t5\\t6\\t15\\n说明\\n"))
got = _values_between(r, 0, len(r.tokens))
print(int("parsers.tables.rows_by_order" in compiled.compiled()), len(got), sum(t is u for t in got for u in r.tokens))
"""


def test_a_compiled_module_hands_tokens_on_as_the_same_objects() -> None:
    # mypyc keeps a token a boxed tuple (``tables.tokens.Token`` is typed as a named tuple): a token taken from a list
    # and put into another is that token, not a tuple of fifteen fields unboxed and built anew (a plain fixed tuple
    # type did that for every token a loop over tokens touched: issue 13)
    key = compiled.source_key()
    if not all(f.is_file() for f in compiled.build_files(compiled.BUILDS / key, key).values()):
        pytest.skip("no native build for these sources: scripts/build_native.py (scripts/setup.sh runs it)")
    env = {k: v for k, v in os.environ.items() if k != compiled.PURE_ENV}
    run = subprocess.run([sys.executable, "-c", _BOXED], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert run.stdout.split() == ["1", "6", "6"]  # compiled; the row's six values, each one of the reading's tokens
