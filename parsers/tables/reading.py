"""Shared state of one document's table reading: tokens, the cells found, warnings, provenance."""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from parsers.conventions import Canonical, canonicalise
from parsers.extracted import Extracted
from parsers.model import Cell, Warning_, Where
from parsers.tables.align import Fit
from parsers.tables.heading_beside import label_rest
from parsers.tables.run_splits import count_space_amount
from parsers.tables.templates import REVIEW_TABLE, RowDef
from parsers.tables.tokenizer import tokenize
from parsers.tables.tokens import (
    COL,
    COMPACT,
    END,
    GLUED,
    IS_BLANK_MARKER,
    IS_LABELISH,
    IS_NUMBER,
    IS_VALUE,
    LINE,
    OCR_RAW,
    SPACED,
    START,
    TABBED,
    TEXT,
    Token,
    number_value,
    token,
)


@functools.lru_cache(maxsize=512)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


# What a pattern needs to be searched for across labels joined by newlines (``Reading.first_index``) and find
# every label it finds alone: no assertion that could look past a label's ends (lookarounds, \A \Z \b \B).
_LOOKS_AROUND = re.compile(r"\(\?<?[=!]|\\[AZbB]")
_COMPACT = operator.itemgetter(COMPACT)
_IS_LABELISH = operator.itemgetter(IS_LABELISH)
_IS_VALUE = operator.itemgetter(IS_VALUE)
_LINE = operator.itemgetter(LINE)
_TABBED = operator.itemgetter(TABBED)
_FIRST = operator.itemgetter(0)


@functools.lru_cache(maxsize=512)
def _compiled_across(pattern: str) -> re.Pattern[str] | None:
    """``pattern`` for a search across labels joined by newlines (``^``/``$`` at each label's ends); None when
    it cannot be searched that way."""
    if _LOOKS_AROUND.search(pattern):
        return None
    return re.compile(pattern, re.MULTILINE)


# a row's numbering; OCR may drop the dot after a digit (``4 无正当理由…``, compact ``4无正当理由…``)
_NUMBERED = re.compile(
    r"^(?:\(?[一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、]|\d(?=[\u4e00-\u9fff]))"
)
GLUED_RE = re.compile(r"^(?P<label>.*?[^\d\s.,])(?P<num>\d[\d,]*(?:\.\d+)?)$")


_new_object = object.__new__
_bisect_right = bisect.bisect_right
_NO_SPAN: dict[str, None] = dict.fromkeys(("page", "table", "row", "col", "box", "read_as"))


def new_where(
    offset: int,
    end: int,
    page: int | None = None,
    table: int | None = None,
    row: int | None = None,
    col: int | None = None,
    box: tuple[float, float, float, float] | None = None,
) -> Where:
    """``Where(offset, end, page, table, row, col, box)``, made without the frozen dataclass's ``__init__``
    (eight ``object.__setattr__`` calls: a third of the time a cell's recording took). The same object:
    equal, same hash and JSON (tests/test_parse_shortcuts.py holds it to ``Where``'s fields)."""
    w = _new_object(Where)
    w.__dict__.update(offset=offset, end=end, page=page, table=table, row=row, col=col, box=box, read_as=None)
    return w


@dataclass
class Found:
    index: int  # token index of the label
    glued: Token | None  # a number glued to the end of the label, split off


@dataclass
class Reading:
    extracted: Extracted
    norm: str | None = None  # the normalised text, when the caller already has it
    canonical: Canonical | None = None  # the text in the canonical (TAB) convention, when the caller has it
    text: str = field(init=False)
    tokens: list[Token] = field(init=False)
    cells: dict[str, Cell] = field(default_factory=dict)
    warnings: list[Warning_] = field(default_factory=list)
    # the cells of each row whose number the identities leave open (``ambiguous_value``): row → keys
    disputed: dict[str, list[str]] = field(default_factory=dict)
    # each ``ambiguous_value`` warning made, with its parts (the tied readings, the tie-break's reading), for the
    # step that settles the row's cells after the tables are read to word it anew (:meth:`say_disputed`)
    disputed_said: list[tuple[Warning_, str, str]] = field(default_factory=list)
    # of each row's tied cells, those the tied readings give two numbers or more (a blank not counted): row → keys
    disputed_numbers: dict[str, list[str]] = field(default_factory=dict)
    # the cells of each row short of cells whose readings the identities like alike differ in (``ambiguous``, a
    # 0 against a blank too): row → keys; its other cells are the same in every such reading
    open_cells: dict[str, list[str]] = field(default_factory=dict)
    # the values dropped from each row read among more values than its cells (``extra_values``): row → their texts
    dropped: dict[str, list[str]] = field(default_factory=dict)
    # table 三's rows read by their values' total from a run of box text's values (``extra_in_boxes.put_label_fit``),
    # to be left blank once the table's identities are checked: row → the run's texts
    chosen: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.canonical is None:
            self.canonical = canonicalise(self.extracted.text)
        canon = self.canonical
        self.text = canon.text  # the text the tokens' offsets point into
        self.tokens = tokenize(canon.text, self.norm if canon.identity else None)
        self._spans = self.extracted.spans
        self._span_starts = list(map(_FIRST, self._spans))  # each span's start (its first field), in C
        self._spans_ordered: bool | None = None  # the spans' starts in order (see ``put_cells``), once asked
        self._span_hint = -1  # the span of the last cell ``put_cells`` recorded
        # the canonical text is the original (offsets need no mapping): asked for every cell recorded
        self._identity = canon.identity
        # the tokens on TAB lines are the document's own table cells (``Extracted.grid``, the text as its reader
        # wrote it): see ``exact``
        self._grid = self.extracted.grid and self._identity
        # indexes of the tokens that can be row labels: every label search walks only these
        self._labels = list(itertools.compress(itertools.count(), map(_IS_LABELISH, self.tokens)))
        self._blob: tuple[str, list[int], list[str]] | None = None  # see ``_label_blob``
        self._header_lines: set[int] | None = None
        self._last_label: dict[int, int] = {}  # a TAB line's last label's offset (see ``placeholder``)
        self._line_counts: dict[str, int] | None = None  # how often each whole line is printed (running heads)
        self._token_lines = set(map(_LINE, self.tokens))
        self._value_only_lines: set[int] | None = None  # lines that print values only (see ``_joins``)
        self._value_lines: set[int] | None = None  # lines that print a value
        self._join_cache: dict[int, list[tuple[str, str, bool]]] = {}
        self._glued_cache: dict[int, tuple[str, re.Match[str]] | None] = {}

    # ------------------------------------------------------------ provenance
    def where(self, tok: Token) -> Where:
        if self._identity:
            start, end = tok[START], tok[END]
        else:
            assert self.canonical is not None
            start = self.canonical.to_original(tok[START])
            end = start + (tok[END] - tok[START])
        return self._where_at(start, end)

    def _where_at(self, start: int, end: int) -> Where:
        """``Where(start, end, …)`` with the fields of the reader's cell (span) that holds ``start``, if any
        (``new_where`` inlined: every cell comes here), its fields written into its ``__dict__`` in their order:
        the frozen dataclass's ``__init__`` sets each with ``object.__setattr__``, and a dict of keywords merged
        into it cost a third more."""
        # the last span that starts at or before ``start`` (bisect): it holds ``start`` when it ends after it
        i = _bisect_right(self._span_starts, start) - 1
        w = _new_object(Where)
        d = w.__dict__
        d["offset"] = start
        d["end"] = end
        if i >= 0 and start < (span := self._spans[i])[1]:
            _, _, d["page"], d["table"], d["row"], d["col"], d["box"] = span  # a Span's fields, unpacked in C
        else:
            d["page"] = d["table"] = d["row"] = d["col"] = d["box"] = None
        d["read_as"] = None
        return w

    def spans_ordered(self) -> bool:
        """The reader's spans start in order (every reader writes them so): a span found to hold an offset by
        its own start and the next one's is the one ``bisect`` finds."""
        if self._spans_ordered is None:
            starts = self._span_starts
            self._spans_ordered = starts == sorted(starts)  # in C: a sorted list is sorted in one pass
        return self._spans_ordered

    # ------------------------------------------------------------ exact cells
    def exact(self, tok: Token) -> bool:
        """Whether token ``tok`` is in a cell of the document's own table: a TAB row its reader took from a grid
        (``Extracted.grid``: an HTML ``<table>``, a DOCX/DOC/WPS table, a sheet), the text read as written. Such a
        cell holds its number whole (no narrow column breaks it over lines) and the lines beside its row are other
        rows: the readers of narrow print's pieces have nothing to read there."""
        return self._grid and bool(tok[TABBED])

    def exact_cells(self, toks: Sequence[Token]) -> bool:
        """Whether ``toks`` (one or more) are all cells of the document's own table (:meth:`exact`): a row's label
        and its values, or table 四's values (its label is the section's heading, a line of text)."""
        return self._grid and bool(toks) and all(map(_TABBED, toks))

    # ------------------------------------------------------------ finding labels
    def _label_indexes(self, start: int, end: int | None) -> list[int]:
        stop = len(self.tokens) if end is None else min(end, len(self.tokens))
        lo = bisect.bisect_left(self._labels, start)
        hi = bisect.bisect_left(self._labels, stop)
        return self._labels[lo:hi]

    def find(self, row: RowDef, start: int, end: int | None = None) -> Found | None:
        tokens, glued_at, joins_at, labels = self.tokens, self._glued_cache, self._join_cache, self._labels
        # the labels from ``start`` to ``end`` (``_label_indexes`` without its copy: a row is most often found at
        # the first label, and the copy runs to the end of the document)
        stop = len(tokens) if end is None else min(end, len(tokens))
        for k in range(bisect.bisect_left(labels, start), bisect.bisect_left(labels, stop)):
            i = labels[k]
            tok = tokens[i]
            if i not in glued_at:  # a number glued to the label's end, split off (once per token)
                # (a label that ends in neither a digit nor a comma has none: most labels, not asked of the regex,
                # whose lazy label part tried every split of the text)
                text = tok[TEXT]
                m = GLUED_RE.match(text) if text[-1:].isdecimal() or text[-1:] == "," else None
                glued_at[i] = ("".join(m.group("label").split()), m) if m else None
            split = glued_at[i]
            if split is not None and row.matches(split[0]):
                m = split[1]
                num_at = tok[START] + m.start("num")
                glued = token(m.group("num"), num_at, tok[END], tok[LINE], tok[COL], tok[TABBED], split=True)
                return Found(i, glued)
            if row.matches(tok[COMPACT]):
                return Found(i, None)
            joins = joins_at.get(i)
            if (joins is None or joins) and self.matches_wrapped(row, i):
                return Found(i, None)
        return None

    def _values_on_line(self, i: int) -> int:
        """The values after token ``i`` on its line (the tokens walked by index: a slice of them to the document's
        end, copied for each call, cost more than the walk)."""
        tokens = self.tokens
        line = tokens[i][LINE]
        n = 0
        for k in range(i + 1, len(tokens)):
            t = tokens[k]
            if t[LINE] != line:
                break
            if t[IS_VALUE]:
                n += 1
        return n

    def placeholder(self, tok: Token) -> bool:
        """A dash on a header line (labels, no numbers), or in a TAB row's cell before its label (the label
        columns, ``| - | （五）不予处理 | 66 |``): a converter's placeholder for an empty cell, not a blank value."""
        if not tok[IS_BLANK_MARKER]:
            return False
        if self._header_lines is None:
            numbers: set[int] = set()
            labels: set[int] = set()
            last_label: dict[int, int] = {}
            for t in self.tokens:
                if t[IS_NUMBER]:
                    numbers.add(t[LINE])
                elif t[IS_LABELISH] and not t[IS_BLANK_MARKER]:
                    labels.add(t[LINE])
                    if t[TABBED]:
                        last_label[t[LINE]] = t[START]
            self._header_lines = labels - numbers
            self._last_label = last_label
        return tok[LINE] in self._header_lines or (tok[TABBED] and tok[START] < self._last_label.get(tok[LINE], -1))

    def row_like(self, i: int, *, same_line: bool = False, lines: int = 2) -> bool:
        """A label with a value after it on its line or within the next ``lines`` (a table row, not a header;
        the line between may hold the legacy table's unit)."""
        tokens = self.tokens
        last = tokens[i][LINE] + (0 if same_line else lines)
        for k in range(i + 1, min(i + 30, len(tokens))):  # not a slice: most rows answer at their next token
            t = tokens[k]
            if t[LINE] > last:
                return False
            if t[IS_VALUE]:
                return True
        return False

    def matches_wrapped(self, row: RowDef, i: int) -> bool:
        """A label wrapped onto the next line (``…参加新闻发布`` / ``会次数``) matches when joined."""
        for joined, fragment, across in self._joins(i):
            if row.matches(joined):
                # the fragment alone is the label, unless this token is the label's numbered head (``1.本机关`` /
                # ``不掌握相``: OCR and layout text print a row's cells on its first line), or the row's values
                # are printed between this token and the fragment (``3.补正`` / ``0 0 0`` / ``后申请内容仍不明确``)
                return not row.matches(fragment) or across or self._numbered_head(i)
        return False

    def wrapped_may_match(self, rx: re.Pattern[str], i: int) -> bool:
        """False when no label wrapped from token ``i`` (see :meth:`matches_wrapped`) matches ``rx``: with
        :func:`parsers.tables.templates.union`, no row of a table matches it wrapped."""
        return any(rx.search(joined) for joined, _, _ in self._joins(i))

    def _numbered_head(self, i: int) -> bool:
        tok = self.tokens[i]
        return len(tok[COMPACT]) <= 8 and bool(_NUMBERED.match(tok[COMPACT])) and self.row_like(i, same_line=True)

    def _joins(self, i: int) -> list[tuple[str, str, bool]]:
        """Token ``i`` joined with the fragments on the lines after it, one more each time (cached): the joined
        text, the last fragment, and whether a line of values only was passed over to reach it."""
        cached = self._join_cache.get(i)
        if cached is not None:
            return cached
        out: list[tuple[str, str, bool]] = []
        self._join_cache[i] = out
        tok = self.tokens[i]
        if not 2 <= len(tok[COMPACT]) <= 24:
            return out  # a unit (件, 次), or a whole line of text: not the start of a wrapped label
        if self._running_head(tok):
            return out  # a page's running head, printed on every page: not a label
        joined = tok[COMPACT]
        line = tok[LINE]
        last = tok  # the label's last fragment joined so far
        window = self.tokens[i + 1 : i + 24]
        # a label whose lines print no values may have them printed between two of its lines (see below)
        centred = self._values_on_line(i) == 0
        across = False  # a line of values only passed over
        for k, t in enumerate(window):
            if t[LINE] == line or not t[IS_LABELISH] or count_space_amount(t[TEXT]):
                continue  # (a count and an amount in one cell: a value, never a label's fragment)
            if tok[COL] and t[COL] < tok[COL] and t[LINE] == line + 1:
                # a label in the second column of a laid-out row (``(四)无法提供 | 1.本机关``): its continuation
                # is the fragment in the same column on the next line, when there is one
                same = next(
                    (u for u in window[k:] if u[LINE] == t[LINE] and u[COL] == tok[COL] and u[IS_LABELISH]), None
                )
                if same is not None:
                    t = same
            elif not tok[TABBED]:
                # laid-out text: of the fragments on that line, the one nearest below the label (``（三）不予``
                # ``1.属于国`` / ``公开`` ``家秘密``: the group heading's rest comes first)
                here = self._column(tok[START] + len(tok[TEXT]) - len(tok[TEXT].split()[-1]))  # its last part's
                same_line = [u for u in window[k:] if u[LINE] == t[LINE] and u[IS_LABELISH]]
                if len(same_line) > 1:
                    t = min(same_line, key=lambda u: abs(self._column(u[START]) - here))
            if self._below_another(last, t):
                break
            between = line + 1 in self._token_lines and not (centred and self._values_only(line + 1, i + 1 + k))
            if t[LINE] > line + 1 and (t[LINE] > line + 2 or between):
                # not the next line (a blank line between is passed over, and so is one line of values only
                # when the label's lines so far print none: a label cell of several lines prints its row's values,
                # centred, between two of them: ``行政事业性`` / ``44.9`` / ``收费``, ``其他对`` / ``外管理`` /
                # ``900 30 0`` / ``服务事`` / ``项``)
                break
            if len(t[COMPACT]) > 12 or _NUMBERED.match(t[COMPACT]):
                break  # not a fragment: a long label, or the next numbered row
            piece = label_rest(tok[TEXT], t[TEXT]) or t[COMPACT]  # a group heading's rest beside it set aside
            joined += piece
            across = across or (t[LINE] == line + 2 and self._values_only(line + 1, i + 1 + k))
            centred = centred and t[LINE] == line + 1 and t[LINE] not in self.value_lines()
            line = t[LINE]
            last = t
            out.append((joined, piece, across))
            if len(joined) > 40 or len(out) == 4:
                break
        return out

    def _below_another(self, last: Token, t: Token) -> bool:
        """Whether fragment ``t`` of laid-out text stands nearer below another label fragment of ``last``'s line than
        below ``last`` (columns of their starts): a table whose labels print in two columns (a group heading's
        cell beside its rows' labels: ``（三）   1.属于国家秘`` / ``不予公      密`` / `` 开    2.其他法律行`` /
        ``政法规禁``) wraps each column's label under itself, so ``t`` continues the other column's label, not
        ``last``'s (joined, the group heading would read ``（三）不予公开政法规禁止公开``: 2.其他法律行政法规禁止公开's
        row found at （三））.

        A grid's rows (TAB lines) say it by their columns: ``t`` in another cell than ``last``, under a label cell of
        ``last``'s line in ``t``'s column (pymupdf4llm's layout grid, a group heading's cell beside its row's label:
        ``|（四）<br>无法提|1.本机关不掌握<br>相关政府信息|`` / ``|供|2.没有现成信息<br>|`` / ``||需要另行制作|``:
        需要另行制作 continues 2.没有现成信息, and （四）无法提供 joined to it was taken for that row's label)."""
        if (
            t[TABBED]
            and last[TABBED]
            and t[COL] != last[COL]
            and self._tab_line(last)
            and self._tab_line(t)
            and any(u[COL] == t[COL] and u[IS_LABELISH] and u[TEXT] for u in self.line_tokens(last[LINE]))
        ):
            return True
        here = self._column(t[START])
        mine = abs(self._column(last[START]) - here)
        return any(
            u[START] != last[START] and u[IS_LABELISH] and abs(self._column(u[START]) - here) < mine
            for u in self.line_tokens(last[LINE])
        )

    def _tab_line(self, tok: Token) -> bool:
        """Whether ``tok``'s line prints TAB cells (a grid's row: its cells' numbers are the grid's columns), not
        cells a layout text's runs of spaces part (numbered on each line from its first: no column of the page)."""
        text = self.text
        start = text.rfind("\n", 0, tok[START]) + 1
        end = text.find("\n", tok[START])
        return "\t" in text[start : end if end >= 0 else len(text)]

    def _values_only(self, line: int, before: int) -> bool:
        """Whether text line ``line`` (its tokens before token ``before``) prints values only
        (:meth:`value_only_lines`), or values and empty TAB fields, one value a cell (a pipe row's empty cells:
        markitdown's text of a PDF prints a row's values in a pipe row between its label's lines, ``行政许`` /
        ``| | | 493 | | 0 | | 20675 |`` / ``可``)."""
        if line in self.value_only_lines():
            return True
        on = [t for t in self.tokens[max(0, before - 40) : before] if t[LINE] == line]
        if len(on) == 1 and count_space_amount(on[0][TEXT]):
            # 政府集中采购's count and amount in one cell (pdfplumber: ``政府集中`` / ``0 0.5万元`` / ``采购``)
            return True
        if not (any(t[IS_VALUE] for t in on) and all(t[IS_VALUE] or not t[TEXT] for t in on)):
            return False
        # one value a cell: a cell of several (``| 13 4 | 0 0 |``: columns the converter merged) leaves the row to
        # the readings of merged columns
        cols = [t[COL] for t in on if t[TEXT]]
        return len(cols) == len(set(cols))

    def _column(self, offset: int) -> int:
        """The column of a text offset within its line."""
        return offset - self.text.rfind("\n", 0, offset)

    def value_lines(self) -> set[int]:
        """The lines that print a value (a number or an explicit blank)."""
        if self._value_lines is None:
            self._value_lines = {t[LINE] for t in self.tokens if t[IS_VALUE]}
        return self._value_lines

    def value_only_lines(self) -> set[int]:
        """The lines whose every token is a value (a number or an explicit blank)."""
        if self._value_only_lines is None:
            # the lines with a token less those with a token that is no value (in C: a loop over the tokens cost
            # as much as tokenising a line)
            not_value = itertools.compress(map(_LINE, self.tokens), map(operator.not_, map(_IS_VALUE, self.tokens)))
            self._value_only_lines = self._token_lines.difference(not_value)
        return self._value_only_lines

    def _running_head(self, tok: Token) -> bool:
        """A line printed the same on three pages or more (a running head: the report's title). Asked only of
        label tokens (by :meth:`_joins`): every token printed the same as a label is a label too, so only the
        labels are counted."""
        if self._line_counts is None:
            counts: dict[str, int] = {}
            tokens = self.tokens
            for i in self._labels:
                t = tokens[i]
                if t[COL] == 0 and len(t[COMPACT]) >= 8:
                    counts[t[COMPACT]] = counts.get(t[COMPACT], 0) + 1
            self._line_counts = counts
        return len(tok[COMPACT]) >= 8 and self._line_counts.get(tok[COMPACT], 0) >= 3

    def first_index(self, pattern: str, start: int = 0, end: int | None = None) -> int | None:
        """The first label token from ``start`` (up to ``end``) that ``pattern`` is found in."""
        rx = _compiled(pattern)
        labels = self._labels
        lo = bisect.bisect_left(labels, start)
        hi = bisect.bisect_left(labels, len(self.tokens) if end is None else min(end, len(self.tokens)))
        across = _compiled_across(pattern)
        if across is None or hi - lo < 8:  # a short stretch: each label asked in turn
            tokens = self.tokens
            for k in range(lo, hi):
                if rx.search(tokens[labels[k]][COMPACT]):
                    return labels[k]
            return None
        # one search through the labels' texts joined by newlines: where it finds something, that label is
        # asked alone (a match may run across the join); where it finds nothing, no label holds a match
        blob, at, compacts = self._label_blob()
        pos, endpos = at[lo], at[hi] - 1
        while pos < endpos and (m := across.search(blob, pos, endpos)) is not None:
            k = bisect.bisect_right(at, m.start()) - 1
            if rx.search(compacts[k]):
                return labels[k]
            pos = at[k + 1]
        return None

    def _label_blob(self) -> tuple[str, list[int], list[str]]:
        """The label tokens' compact texts joined by newlines, where each starts in it, and the texts."""
        if self._blob is None:
            compacts = list(map(_COMPACT, map(self.tokens.__getitem__, self._labels)))
            # where label k starts: the lengths of those before it, plus a newline after each
            at = list(map(operator.add, itertools.accumulate(map(len, compacts), initial=0), itertools.count()))
            self._blob = ("\n".join(compacts), at, compacts)
        return self._blob

    def line_tokens(self, line: int) -> list[Token]:
        """The tokens of text line ``line`` (the tokens run in line order: two bisections, not a pass)."""
        tokens = self.tokens
        return tokens[bisect.bisect_left(tokens, line, key=_LINE) : bisect.bisect_right(tokens, line, key=_LINE)]

    def printed(self, line: int) -> list[Token]:
        """The tokens of text line ``line`` that print something (a Markdown row's empty cells set aside)."""
        return [t for t in self.line_tokens(line) if t[TEXT]]

    def line_after(self, index: int) -> list[Token]:
        """The cells that follow token ``index`` on its own TAB line."""
        tokens = self.tokens
        tok = tokens[index]
        if not tok[TABBED]:
            return []
        # the tokens run in line order: the line's end found by bisection (in C), not by a loop over its cells
        return tokens[index + 1 : _bisect_right(tokens, tok[LINE], index + 1, key=_LINE)]

    # ------------------------------------------------------------ recording
    def put(self, key: str, tok: Token | None, *, blank_where: Token | None = None) -> None:
        if key in self.cells:
            self.warn("duplicate_cell", f"{key} read twice; the first reading is kept", key, tok)
            return
        if tok is None:
            where = self.where(blank_where) if blank_where is not None else None
            self.cells[key] = Cell(key, None, "", where)
        else:
            self.cells[key] = Cell(
                key, number_value(tok[TEXT]), tok[OCR_RAW] or tok[SPACED] or tok[TEXT], self.where(tok)
            )
            if tok[SPACED] is not None:
                self.warn(
                    "spaced_number",
                    f"{key}: {tok[SPACED]!r} read as {tok[TEXT]} (one number, "
                    + (
                        "a space after its thousands separator)"
                        if ", " in tok[SPACED]
                        else "spaces around its decimal point)"
                    ),
                    key,
                    tok,
                )
            if tok[GLUED]:
                row = key.rsplit("/", 1)[0]
                self.warn("glued_number", f"{row}: number {tok[TEXT]} printed against the row label", row, tok)
            if tok[OCR_RAW] is not None:
                self.warn(
                    "ocr_digit",
                    f"{key}: {tok[OCR_RAW]!r} read as {tok[TEXT]} (letters OCR confuses with digits)"
                    if tok[OCR_RAW] != tok[TEXT]
                    else f"{key}: {tok[TEXT]} printed against a table rule (| or a brace), read without it, not as a 1",
                    key,
                    tok,
                )

    def put_cells(self, keys: Sequence[str], toks: Sequence[Token | None], label: Token) -> None:
        """``put(key, tok, blank_where=label)`` for each key and token, a plain value recorded in place (every
        cell of a table comes here), its ``Where`` made here as :meth:`_where_at` makes it when the canonical text
        is the original (no call to :meth:`where` and :meth:`_where_at` per cell)."""
        cells = self.cells
        identity, spans, span_starts = self._identity, self._spans, self._span_starts
        n_spans = len(span_starts)
        # where the last cell's span was: a row's cells are most often in the spans that follow it
        hint = self._span_hint if self.spans_ordered() else -2
        # the module's names the loop calls, held in locals (a compiled module looks a global name up in a dict
        # each time); ``number_value`` is called by its name (a compiled call, not one through an object)
        new_object, cell_type, where_type = _new_object, Cell, Where
        bisect_right = _bisect_right
        for key, tok in zip(keys, toks, strict=True):
            if tok is None or key in cells:
                self.put(key, tok, blank_where=label)
                continue
            t: Token = tok  # compiled: the token's fields taken out of the tuple once, not at each test below
            if t[SPACED] is not None or t[GLUED] or t[OCR_RAW] is not None:
                self.put(key, t, blank_where=label)
                continue
            # ``Cell(key, value, raw, where)`` without the call to the dataclass's ``__init__``: its fields set in
            # their order on a new object (the same Cell: tests/test_parse_cuts.py)
            text = t[TEXT]
            cell = new_object(cell_type)
            cell.key = key
            cell.value = number_value(text)
            cell.raw = text
            if identity:
                start = t[START]
                # the last span that starts at or before ``start``: the span after the last cell's when it starts
                # at or before ``start`` and the next one after it (the spans in order: what bisect finds), else
                # searched
                i = hint + 1
                if not (
                    hint >= -1
                    and i < n_spans
                    and span_starts[i] <= start
                    and (i + 1 == n_spans or start < span_starts[i + 1])
                ):
                    i = bisect_right(span_starts, start) - 1
                if hint >= -1:
                    hint = i
                w = new_object(where_type)
                d = w.__dict__
                d["offset"] = start
                d["end"] = t[END]
                if i >= 0 and start < (span := spans[i])[1]:
                    _, _, d["page"], d["table"], d["row"], d["col"], d["box"] = span
                else:
                    d["page"] = d["table"] = d["row"] = d["col"] = d["box"] = None
                d["read_as"] = None
                cell.where = w
            else:
                cell.where = self.where(t)
            cells[key] = cell
        if hint >= -1:
            self._span_hint = hint

    def put_fit(self, keys: Sequence[str], fit: Fit, label: Token, table: str) -> None:
        self.put_cells(keys, fit.tokens, label)
        if fit.how in ("positional", "exact") and not fit.disputed and not fit.ambiguous:
            return  # nothing to report (most rows: the row's name below is for the warnings)
        row = keys[0].rsplit("/", 1)[0]
        if fit.how == "dropped":
            raw = ", ".join(t[TEXT] for t in fit.dropped)
            self.dropped[row] = [t[TEXT] for t in fit.dropped]
            self.warn(
                "extra_values",
                f"{row}: {len(fit.dropped)} value(s) more than columns; dropped {raw} "
                "(the reading that satisfies the table's identities)",
                row,
                fit.dropped[0],
            )
        elif fit.how == "padded":
            blanks = [
                k.rsplit("/", 1)[1] for k, t in zip(keys, fit.tokens, strict=True) if t is None or not t[IS_NUMBER]
            ]
            self.warn("missing_cell", f"{row}: fewer values than columns; blank: {', '.join(blanks)}", row, label)
        elif fit.how in ("split", "merged"):
            self.warn(
                "split_number" if fit.how == "split" else "merged_digits",
                f"{row}: {fit.guess} (the only reading that satisfies the table's identities: a guess)",
                row,
                next((t for t in fit.tokens if t is not None), label),
            )
        elif fit.how == "rules":
            self.warn("rule_glued", f"{row}: {fit.guess} (a guess)", row, next((t for t in fit.tokens if t), label))
        elif fit.how == "short":
            self.warn("missing_cell", f"{row}: no values found; all cells blank", row, label)
        if fit.disputed:
            self.warn_disputed(row, keys, fit, label)
        elif fit.ambiguous:
            if fit.how == "padded":
                self.open_cells[row] = [keys[i] for i in fit.open]
            self.warn("ambiguous", f"{row}: several readings fit the identities equally well", row, label)

    def warn_disputed(self, row: str, keys: Sequence[str], fit: Fit, label: Token) -> None:
        """``ambiguous_value``: readings the identities like as much put a number in other columns; the
        tie-break chose, and a person must look (review required). The step that later leaves the row's cells blank
        (``text_layer.blank_disputed``) words it anew from the same parts (:meth:`say_disputed`)."""
        shown = "; ".join(
            f"{keys[i][len(row) + 1 :]}: " + " or ".join("blank" if v is None else str(v) for v in _ordered(values))
            for i, values in sorted(fit.disputed.items())
        )
        read = ", ".join(
            f"{keys[i][len(row) + 1 :]} {'blank' if (t := fit.tokens[i]) is None else t[TEXT]}"
            for i in sorted(fit.disputed)
        )
        self.disputed[row] = [keys[i] for i in sorted(fit.disputed)]
        self.disputed_numbers[row] = [
            keys[i] for i, values in sorted(fit.disputed.items()) if len({v for v in values if v is not None}) > 1
        ]
        # a scan's table 四: its tied cells are left blank once the tables are read (text_layer.blank_disputed), so
        # the warning says so here, where it is made, and names the reading they are not given
        said = DISPUTED_BLANK_SCAN if self.extracted.ocr and row == REVIEW_TABLE else DISPUTED_READ
        self.warn("ambiguous_value", _disputed_message(row, shown, read, said), row, label)
        self.disputed_said.append((self.warnings[-1], shown, read))

    def say_disputed(self, row: str, said: str) -> None:
        """``row``'s ``ambiguous_value`` warnings worded anew by the step that settles its cells after the tables are
        read, from the parts each was made of (its tied readings, the tie-break's reading): ``said`` (one of the
        ``DISPUTED_*`` phrases) what became of the cells."""
        for w, shown, read in self.disputed_said:
            if w.key == row:
                w.message = _disputed_message(row, shown, read, said)

    def warn(
        self, code: str, message: str, key: str | None = None, tok: Token | None = None, rows: tuple[str, ...] = ()
    ) -> None:
        self.warnings.append(Warning_(code, message, key, self.where(tok) if tok is not None else None, rows))

    def get(self, key: str) -> int | float | None:
        cell = self.cells.get(key)
        return cell.value if cell else None


# what an ``ambiguous_value`` warning says became of the row's tied cells (``{read}``: the tie-break's reading): kept as
# the tie-break read them; left blank on a scan (table 四, as the warning is made; table 三's that the readings give
# different numbers where the tie-break's reading leaves the row's total failing or blank, ``text_layer``); left
# blank in text no OCR read
# (``text_layer.blank_disputed``, which decides it after the tables are read)
DISPUTED_READ = "read as the tie-break chose ({read})"
DISPUTED_BLANK_SCAN = "on a scan table 四's tied cells are left blank (the tie-break would read {read})"
DISPUTED_BLANK_TEXT = "in text no OCR read those cells are left blank (the tie-break's guess would read {read})"
DISPUTED_BLANK_SCAN_ROW = (
    "on a scan a table 三 row's tied cells that the readings give different numbers are left blank where the "
    "tie-break's reading does not make the row's total hold (it would read {read})"
)
DISPUTED_BLANK_OCR_ROW = (
    "in OCR text a table 三 row's tied cells the tie-break reads a number in (not 0) are left blank where its reading "
    "does not make the row's total hold (a cell the readings give different numbers unless every cell is read, a "
    "cell between 自然人 and 总计 they dispute only whether it is read unless the cells the row lacks read as lost 0s "
    "make it hold; it would read {read})"
)


def _disputed_message(row: str, shown: str, read: str, said: str) -> str:
    """An ``ambiguous_value`` warning's words: the row's tied readings (``shown``) and what became of its cells."""
    return f"{row}: readings that fit the identities equally well differ ({shown}); {said.format(read=read)}"


def _ordered(values: set[int | float | None]) -> list[int | float | None]:
    """Values in a stable order for a message: blank first, then by size."""
    return sorted(values, key=lambda v: (v is not None, v or 0))


def original_spans(r: Reading, vals: Sequence[Token]) -> list[tuple[int, int]] | None:
    """The values' offsets in the text as printed (before any rewriting), when they print there as read."""
    assert r.canonical is not None
    canon, text = r.canonical, r.extracted.text
    spans = [(o := canon.to_original(t[START]), o + t[END] - t[START]) for t in vals]
    return None if any(text[a:b] != t[TEXT] for (a, b), t in zip(spans, vals, strict=True)) else spans
