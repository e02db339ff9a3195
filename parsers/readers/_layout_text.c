/* The text side of parsers/readers/pdf_layout.py in C (issue 13), without a Python tuple or list per glyph: a ruled
 * table's cell texts (Table.extract with cell_text), the glyphs outside every table (pdf._outside), the page's text
 * lines (text_lines) and its fake bold (has_duplicates).
 *
 * The same comparisons in the same order and the same float operations as the Python (built with
 * -ffp-contract=off): a row's glyphs by their centres, each cell's glyphs clustered by their top (3 pt, chained),
 * each line sorted left to right (stably), cut into words at spaces, steps back, gaps and jumps over 3 pt; words
 * joined by a space, lines by a newline, ligatures spelt out by the same str.translate table.
 *
 * Where a value is not one this covers (a glyph not a tuple of a str and floats, a coordinate that is NaN, a cell
 * that is not four finite floats, a centre not a float), each function returns None and pdf_layout runs its Python;
 * a cell whose line of tops spans more than the tolerance is read by the Python cell_text passed in (which reads
 * it word by word). tests/test_layout_text.py holds the two to each other.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define TOL 3.0
#define F_TEXT 0
#define F_X0 1
#define F_X1 2
#define F_TOP 3
#define F_BOTTOM 4

static PyObject *SPACE, *NEWLINE, *EMPTY;

typedef struct {
    double x0, x1, top;
    PyObject *text; /* borrowed */
    Py_ssize_t pos; /* the glyph's place in its given order: the stable sorts' tie-break */
    Py_ssize_t cid; /* its cluster of tops */
} glyph_t;

static int
by_top(const void *p, const void *q)
{
    const glyph_t *a = p, *b = q;
    if (a->top < b->top)
        return -1;
    if (a->top > b->top)
        return 1;
    return (a->pos > b->pos) - (a->pos < b->pos);
}

static int
by_line_x0(const void *p, const void *q)
{
    const glyph_t *a = p, *b = q;
    if (a->cid != b->cid)
        return (a->cid > b->cid) - (a->cid < b->cid);
    if (a->x0 < b->x0)
        return -1;
    if (a->x0 > b->x0)
        return 1;
    return (a->pos > b->pos) - (a->pos < b->pos);
}

static int
by_ssize(const void *p, const void *q)
{
    Py_ssize_t a = *(const Py_ssize_t *)p, b = *(const Py_ssize_t *)q;
    return (a > b) - (a < b);
}

/* 1: the glyph's text and coordinates read into *g; 0: a glyph this does not cover */
static int
read_glyph(PyObject *c, glyph_t *g)
{
    if (!PyTuple_CheckExact(c) || PyTuple_GET_SIZE(c) <= F_BOTTOM)
        return 0;
    PyObject *t = PyTuple_GET_ITEM(c, F_TEXT), *x0 = PyTuple_GET_ITEM(c, F_X0), *x1 = PyTuple_GET_ITEM(c, F_X1),
             *top = PyTuple_GET_ITEM(c, F_TOP);
    if (!PyUnicode_CheckExact(t) || !PyFloat_CheckExact(x0) || !PyFloat_CheckExact(x1) || !PyFloat_CheckExact(top))
        return 0;
    g->text = t;
    g->x0 = PyFloat_AS_DOUBLE(x0);
    g->x1 = PyFloat_AS_DOUBLE(x1);
    g->top = PyFloat_AS_DOUBLE(top);
    return !isnan(g->x0) && !isnan(g->top); /* the sorts' order of a NaN is Python's own */
}

/* a glyph of one whitespace character (pdf_layout._WHITESPACE: str.isspace() up to U+3000, the last) */
static int
is_space(PyObject *t)
{
    return PyUnicode_GET_LENGTH(t) == 1 && Py_UNICODE_ISSPACE(PyUnicode_READ_CHAR(t, 0));
}

/* Clusters of tops (cluster_index over the distinct tops, chained at the tolerance), each glyph's in ->cid; the
 * glyphs then ordered by cluster and, within one, by x0 (stable: by their given order). */
static void
order_lines(glyph_t *g, Py_ssize_t n)
{
    qsort(g, (size_t)n, sizeof(glyph_t), by_top);
    Py_ssize_t cid = 0;
    double last = g[0].top;
    g[0].cid = 0;
    for (Py_ssize_t k = 1; k < n; k++) {
        if (g[k].top > last + TOL) /* equal tops (a value repeated) never start a cluster */
            cid++;
        g[k].cid = cid;
        last = g[k].top;
    }
    qsort(g, (size_t)n, sizeof(glyph_t), by_line_x0);
}

/* The pieces (borrowed) joined into one str, ligatures spelt out by the translate table */
static PyObject *
join(PyObject **pieces, Py_ssize_t np, PyObject *ligatures)
{
    if (np == 0)
        return Py_NewRef(EMPTY);
    Py_ssize_t len = 0;
    Py_UCS4 maxchar = 0;
    for (Py_ssize_t k = 0; k < np; k++) {
        len += PyUnicode_GET_LENGTH(pieces[k]);
        Py_UCS4 m = PyUnicode_MAX_CHAR_VALUE(pieces[k]);
        if (m > maxchar)
            maxchar = m;
    }
    PyObject *s = PyUnicode_New(len, maxchar);
    if (s == NULL)
        return NULL;
    Py_ssize_t at = 0;
    for (Py_ssize_t k = 0; k < np; k++) {
        Py_ssize_t m = PyUnicode_GET_LENGTH(pieces[k]);
        if (m && PyUnicode_CopyCharacters(s, at, pieces[k], 0, m) < 0) {
            Py_DECREF(s);
            return NULL;
        }
        at += m;
    }
    if (maxchar >= 0xFB00) { /* pdf_layout.LIGATURES: U+FB00 to U+FB06 */
        int kind = PyUnicode_KIND(s);
        const void *data = PyUnicode_DATA(s);
        for (Py_ssize_t k = 0; k < len; k++) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, k);
            if (ch >= 0xFB00 && ch <= 0xFB06) {
                PyObject *out = PyObject_CallMethod(s, "translate", "O", ligatures);
                Py_DECREF(s);
                return out;
            }
        }
    }
    return s;
}

/* cell_text of the n glyphs in g (read, ->pos set): the text (a new reference), NULL on an error, or
 * Py_None (a new reference) where a line's tops span more than the tolerance (cell_text_by_clusters: the
 * caller runs the Python). pieces holds room for 2 n. */
static PyObject *
cell_text(glyph_t *g, Py_ssize_t n, PyObject **pieces, PyObject *ligatures)
{
    order_lines(g, n);
    for (Py_ssize_t a = 0; a < n;) { /* each line's tops within the tolerance */
        Py_ssize_t b = a;
        double lo = g[a].top, hi = g[a].top;
        while (b < n && g[b].cid == g[a].cid) {
            if (g[b].top < lo)
                lo = g[b].top;
            if (g[b].top > hi)
                hi = g[b].top;
            b++;
        }
        if (hi > lo + TOL)
            Py_RETURN_NONE;
        a = b;
    }
    Py_ssize_t np = 0;
    int lines = 0; /* lines with a word so far */
    for (Py_ssize_t a = 0; a < n;) {
        Py_ssize_t cid = g[a].cid;
        int words = 0, current = 0;
        double px0 = 0.0, px1 = 0.0, ptop = 0.0;
        for (; a < n && g[a].cid == cid; a++) {
            const glyph_t *c = &g[a];
            if (is_space(c->text)) {
                current = 0;
                continue;
            }
            if (!current || c->x0 < px0 || c->x0 > px1 + TOL || fabs(c->top - ptop) > TOL) { /* a new word */
                if (words)
                    pieces[np++] = SPACE;
                else if (lines)
                    pieces[np++] = NEWLINE;
                words++;
                current = 1;
            }
            pieces[np++] = c->text;
            px0 = c->x0;
            px1 = c->x1;
            ptop = c->top;
        }
        if (words)
            lines++;
    }
    return join(pieces, np, ligatures);
}

static Py_ssize_t
bisect_left_list(PyObject *keys, double x, int *ok)
{
    Py_ssize_t lo = 0, hi = PyList_GET_SIZE(keys);
    while (lo < hi) {
        Py_ssize_t mid = (lo + hi) / 2;
        PyObject *v = PyList_GET_ITEM(keys, mid);
        if (!PyFloat_CheckExact(v)) {
            *ok = 0;
            return 0;
        }
        if (PyFloat_AS_DOUBLE(v) < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

typedef struct { double x0, top, x1, bottom; } box_t;

static int
read_box(PyObject *t, box_t *b)
{
    if (!PyTuple_CheckExact(t) || PyTuple_GET_SIZE(t) != 4)
        return 0;
    double v[4];
    for (int k = 0; k < 4; k++) {
        PyObject *o = PyTuple_GET_ITEM(t, k);
        if (!PyFloat_CheckExact(o))
            return 0;
        v[k] = PyFloat_AS_DOUBLE(o);
        if (!isfinite(v[k]))
            return 0;
    }
    *b = (box_t){v[0], v[1], v[2], v[3]};
    return 1;
}

/* one row's cells' texts, appended to row_out; 1 done, 0 not covered, -1 error */
static int
extract_row(PyObject *row, PyObject *chars, PyObject *keys, PyObject *order, PyObject *hs, PyObject *vs,
            PyObject *py_cell_text, PyObject *ligatures, box_t *cells, Py_ssize_t *inside, Py_ssize_t *cell_of,
            double *hv_of, double *vv_of, char *cell_mark, glyph_t *g, PyObject **pieces, PyObject *row_out)
{
    Py_ssize_t nslots = PyList_GET_SIZE(row), np = 0, n = PyList_GET_SIZE(chars);
    for (Py_ssize_t s = 0; s < nslots; s++) {
        PyObject *slot = PyList_GET_ITEM(row, s);
        if (slot != Py_None && !read_box(slot, &cells[np++]))
            return 0;
    }
    if (np == 0)
        return 0;
    double x0 = cells[0].x0, top = cells[0].top, x1 = cells[0].x1, bottom = cells[0].bottom;
    for (Py_ssize_t k = 1; k < np; k++) {
        if (cells[k].x0 < x0)
            x0 = cells[k].x0;
        if (cells[k].top < top)
            top = cells[k].top;
        if (cells[k].x1 > x1)
            x1 = cells[k].x1;
        if (cells[k].bottom > bottom)
            bottom = cells[k].bottom;
    }
    int ok = 1;
    Py_ssize_t lo = bisect_left_list(keys, top, &ok), hi = bisect_left_list(keys, bottom, &ok);
    if (!ok || hi > PyList_GET_SIZE(order))
        return 0;
    Py_ssize_t ni = 0;
    for (Py_ssize_t k = lo; k < hi; k++) {
        PyObject *o = PyList_GET_ITEM(order, k);
        if (!PyLong_CheckExact(o))
            return 0;
        Py_ssize_t i = PyLong_AsSsize_t(o);
        if (i < 0 || i >= n || i >= PyList_GET_SIZE(hs) || i >= PyList_GET_SIZE(vs)) {
            PyErr_Clear();
            return 0;
        }
        PyObject *h = PyList_GET_ITEM(hs, i);
        if (!PyFloat_CheckExact(h))
            return 0;
        double hv = PyFloat_AS_DOUBLE(h);
        if (x0 <= hv && hv < x1)
            inside[ni++] = i;
    }
    qsort(inside, (size_t)ni, sizeof(Py_ssize_t), by_ssize);
    int disjoint = 1;
    for (Py_ssize_t k = 0; k + 1 < np; k++)
        if (!(cells[k].x1 <= cells[k + 1].x0))
            disjoint = 0;
    /* each glyph's cell, with disjoint cells (the one found by bisection over their starts); overlapping cells
     * each take every glyph whose centre they hold (cell_of: -2, each cell tests) */
    for (Py_ssize_t k = 0; k < ni; k++) {
        Py_ssize_t i = inside[k];
        PyObject *vo = PyList_GET_ITEM(vs, i);
        if (!PyFloat_CheckExact(vo))
            return 0;
        double h = PyFloat_AS_DOUBLE(PyList_GET_ITEM(hs, i)), v = PyFloat_AS_DOUBLE(vo);
        Py_ssize_t found = -2;
        hv_of[k] = h;
        vv_of[k] = v;
        if (disjoint) {
            found = -1;
            Py_ssize_t a = 0, b = np; /* bisect_right over the cells' starts */
            while (a < b) {
                Py_ssize_t mid = (a + b) / 2;
                if (h < cells[mid].x0)
                    b = mid;
                else
                    a = mid + 1;
            }
            Py_ssize_t c = a - 1;
            if (c >= 0 && cells[c].x0 <= h && h < cells[c].x1 && cells[c].top <= v && v < cells[c].bottom)
                found = c;
        }
        cell_of[k] = found;
    }
    Py_ssize_t c = 0;
    for (Py_ssize_t s = 0; s < nslots; s++) {
        if (PyList_GET_ITEM(row, s) == Py_None) {
            if (PyList_Append(row_out, Py_None) < 0)
                return -1;
            continue;
        }
        const box_t *b = &cells[c];
        Py_ssize_t m = 0;
        for (Py_ssize_t k = 0; k < ni; k++) {
            if (cell_of[k] == -2)
                cell_mark[k] = b->x0 <= hv_of[k] && hv_of[k] < b->x1 && b->top <= vv_of[k] && vv_of[k] < b->bottom;
            else
                cell_mark[k] = cell_of[k] == c;
            if (!cell_mark[k])
                continue;
            if (!read_glyph(PyList_GET_ITEM(chars, inside[k]), &g[m]))
                return 0;
            g[m].pos = m;
            m++;
        }
        c++;
        PyObject *text;
        if (m == 0) {
            text = Py_NewRef(EMPTY);
        } else {
            text = cell_text(g, m, pieces, ligatures);
            if (text == Py_None) { /* a line spanning more than the tolerance: the Python reads it */
                Py_DECREF(text);
                PyObject *mine = PyList_New(m);
                if (mine == NULL)
                    return -1;
                Py_ssize_t j = 0;
                for (Py_ssize_t k = 0; k < ni; k++)
                    if (cell_mark[k])
                        PyList_SET_ITEM(mine, j++, Py_NewRef(PyList_GET_ITEM(chars, inside[k])));
                text = PyObject_CallOneArg(py_cell_text, mine);
                Py_DECREF(mine);
            }
        }
        if (text == NULL)
            return -1;
        int err = PyList_Append(row_out, text);
        Py_DECREF(text);
        if (err < 0)
            return -1;
    }
    return 1;
}

static PyObject *
extract(PyObject *Py_UNUSED(self), PyObject *args)
{
    PyObject *rows, *chars, *keys, *order, *hs, *vs, *py_cell_text, *ligatures;
    if (!PyArg_ParseTuple(args, "OOOOOOOO", &rows, &chars, &keys, &order, &hs, &vs, &py_cell_text, &ligatures))
        return NULL;
    if (!PyList_CheckExact(rows) || !PyList_CheckExact(chars) || !PyList_CheckExact(keys) ||
        !PyList_CheckExact(order) || !PyList_CheckExact(hs) || !PyList_CheckExact(vs))
        Py_RETURN_NONE;
    Py_ssize_t n = PyList_GET_SIZE(chars), width = 0;
    for (Py_ssize_t r = 0; r < PyList_GET_SIZE(rows); r++) {
        PyObject *row = PyList_GET_ITEM(rows, r);
        if (!PyList_CheckExact(row))
            Py_RETURN_NONE;
        if (PyList_GET_SIZE(row) > width)
            width = PyList_GET_SIZE(row);
    }
    box_t *cells = PyMem_Malloc((size_t)(width + 1) * sizeof(box_t));
    Py_ssize_t *inside = PyMem_Malloc((size_t)(2 * n + 1) * sizeof(Py_ssize_t));
    double *centres = PyMem_Malloc((size_t)(2 * n + 1) * sizeof(double));
    char *marks = PyMem_Malloc((size_t)(n + 1));
    glyph_t *g = PyMem_Malloc((size_t)(n + 1) * sizeof(glyph_t));
    PyObject **pieces = PyMem_Malloc((size_t)(2 * n + 1) * sizeof(PyObject *));
    PyObject *out = PyList_New(0);
    if (cells == NULL || inside == NULL || centres == NULL || marks == NULL || g == NULL || pieces == NULL ||
        out == NULL) {
        if (out != NULL)
            PyErr_NoMemory();
        Py_CLEAR(out);
        goto done;
    }
    for (Py_ssize_t r = 0; r < PyList_GET_SIZE(rows); r++) {
        PyObject *row_out = PyList_New(0);
        if (row_out == NULL) {
            Py_CLEAR(out);
            goto done;
        }
        int res = extract_row(PyList_GET_ITEM(rows, r), chars, keys, order, hs, vs, py_cell_text, ligatures, cells,
                              inside, inside + n, centres, centres + n, marks, g, pieces, row_out);
        if (res <= 0 || PyList_Append(out, row_out) < 0) {
            Py_DECREF(row_out);
            Py_CLEAR(out);
            if (res == 0) /* not covered: the Python reads the table */
                out = Py_NewRef(Py_None);
            goto done;
        }
        Py_DECREF(row_out);
    }
done:
    PyMem_Free(cells);
    PyMem_Free(inside);
    PyMem_Free(centres);
    PyMem_Free(marks);
    PyMem_Free(g);
    PyMem_Free(pieces);
    return out;
}

/* pdf._outside: the glyphs whose centre lies outside every box widened by the slack, in order */
static PyObject *
outside(PyObject *Py_UNUSED(self), PyObject *args)
{
    PyObject *chars, *hs, *vs, *boxes;
    double slack;
    if (!PyArg_ParseTuple(args, "OOOOd", &chars, &hs, &vs, &boxes, &slack))
        return NULL;
    if (!PyList_CheckExact(chars) || !PyList_CheckExact(hs) || !PyList_CheckExact(vs) || !PyList_CheckExact(boxes))
        Py_RETURN_NONE;
    Py_ssize_t n = PyList_GET_SIZE(chars), nb = PyList_GET_SIZE(boxes);
    if (PyList_GET_SIZE(hs) != n || PyList_GET_SIZE(vs) != n)
        Py_RETURN_NONE;
    box_t *b = PyMem_Malloc((size_t)(nb + 1) * sizeof(box_t));
    if (b == NULL)
        return PyErr_NoMemory();
    for (Py_ssize_t k = 0; k < nb; k++) {
        box_t raw;
        if (!read_box(PyList_GET_ITEM(boxes, k), &raw)) {
            PyMem_Free(b);
            Py_RETURN_NONE;
        }
        b[k] = (box_t){raw.x0 - slack, raw.top - slack, raw.x1 + slack, raw.bottom + slack};
    }
    PyObject *out = PyList_New(0);
    for (Py_ssize_t i = 0; out != NULL && i < n; i++) {
        PyObject *ho = PyList_GET_ITEM(hs, i), *vo = PyList_GET_ITEM(vs, i);
        if (!PyFloat_CheckExact(ho) || !PyFloat_CheckExact(vo)) {
            Py_DECREF(out);
            PyMem_Free(b);
            Py_RETURN_NONE;
        }
        double h = PyFloat_AS_DOUBLE(ho), v = PyFloat_AS_DOUBLE(vo);
        int in = 0;
        for (Py_ssize_t k = 0; k < nb && !in; k++)
            in = b[k].x0 <= h && h <= b[k].x1 && b[k].top <= v && v <= b[k].bottom;
        if (!in && PyList_Append(out, PyList_GET_ITEM(chars, i)) < 0)
            Py_CLEAR(out);
    }
    PyMem_Free(b);
    return out;
}

/* ---------------------------------------------------------------------------------------- text lines */
typedef struct { double top; Py_ssize_t idx; } wtop_t;

static int
by_wtop(const void *p, const void *q)
{
    const wtop_t *a = p, *b = q;
    if (a->top < b->top)
        return -1;
    if (a->top > b->top)
        return 1;
    return (a->idx > b->idx) - (a->idx < b->idx);
}

static const int LIGATURE_LENGTH[7] = {2, 2, 2, 3, 3, 2, 2}; /* ff fi fl ffi ffl st st: U+FB00 to U+FB06 */

/* how many times text_lines repeats a glyph when the page holds a ligature: len(LIGATURES.get(t, t)) */
static Py_ssize_t
copies(PyObject *t)
{
    if (PyUnicode_GET_LENGTH(t) == 1) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(t, 0);
        if (ch >= 0xFB00 && ch <= 0xFB06)
            return LIGATURE_LENGTH[ch - 0xFB00];
    }
    return PyUnicode_GET_LENGTH(t);
}

/* pdf_layout.text_lines: the page's lines (glyphs clustered by top, words cut as word_glyphs cuts them, words
 * clustered again by their tops and grouped where consecutive), each as (its glyphs, its box) */
static PyObject *
text_lines(PyObject *Py_UNUSED(self), PyObject *chars)
{
    if (!PyList_CheckExact(chars))
        Py_RETURN_NONE;
    Py_ssize_t n = PyList_GET_SIZE(chars);
    if (n == 0)
        return PyList_New(0);
    glyph_t *g = PyMem_Malloc((size_t)n * sizeof(glyph_t));
    Py_ssize_t *word_start = PyMem_Malloc((size_t)(n + 1) * sizeof(Py_ssize_t)); /* words: runs of glyphs */
    Py_ssize_t *word_glyph = PyMem_Malloc((size_t)(n + 1) * sizeof(Py_ssize_t)); /* their glyphs, by sorted rank */
    wtop_t *wtops = PyMem_Malloc((size_t)(n + 1) * sizeof(wtop_t));
    Py_ssize_t *word_cid = PyMem_Malloc((size_t)(n + 1) * sizeof(Py_ssize_t));
    PyObject *out = NULL;
    if (g == NULL || word_start == NULL || word_glyph == NULL || wtops == NULL ||
        word_cid == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    int ligatures = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *c = PyList_GET_ITEM(chars, i);
        if (!read_glyph(c, &g[i]) || !PyFloat_CheckExact(PyTuple_GET_ITEM(c, F_BOTTOM))) {
            out = Py_NewRef(Py_None);
            goto done;
        }
        g[i].pos = i;
        PyObject *t = g[i].text;
        if (PyUnicode_GET_LENGTH(t) == 1) {
            Py_UCS4 ch = PyUnicode_READ_CHAR(t, 0);
            if (ch >= 0xFB00 && ch <= 0xFB06)
                ligatures = 1;
        }
    }
    if (ligatures) /* a glyph of no text is repeated no time: the Python's box of what is left */
        for (Py_ssize_t i = 0; i < n; i++)
            if (PyUnicode_GET_LENGTH(g[i].text) == 0) {
                out = Py_NewRef(Py_None);
                goto done;
            }
    order_lines(g, n);
    /* word_glyphs: each line read left to right */
    Py_ssize_t nw = 0, ng = 0;
    for (Py_ssize_t a = 0; a < n;) {
        Py_ssize_t cid = g[a].cid;
        int current = 0;
        double px0 = 0.0, px1 = 0.0, ptop = 0.0;
        for (; a < n && g[a].cid == cid; a++) {
            const glyph_t *c = &g[a];
            if (is_space(c->text)) {
                current = 0;
                continue;
            }
            if (!current || c->x0 < px0 || c->x0 > px1 + TOL || fabs(c->top - ptop) > TOL) {
                word_start[nw++] = ng;
                current = 1;
            }
            word_glyph[ng++] = a;
            px0 = c->x0;
            px1 = c->x1;
            ptop = c->top;
        }
    }
    word_start[nw] = ng;
    out = PyList_New(0);
    if (out == NULL || nw == 0)
        goto done;
    for (Py_ssize_t w = 0; w < nw; w++) { /* each word's top: its glyphs' least */
        double top = g[word_glyph[word_start[w]]].top;
        for (Py_ssize_t k = word_start[w] + 1; k < word_start[w + 1]; k++)
            if (g[word_glyph[k]].top < top)
                top = g[word_glyph[k]].top;
        wtops[w] = (wtop_t){top, w};
    }
    qsort(wtops, (size_t)nw, sizeof(wtop_t), by_wtop);
    Py_ssize_t cid = 0;
    word_cid[wtops[0].idx] = 0;
    for (Py_ssize_t k = 1; k < nw; k++) {
        if (wtops[k].top > wtops[k - 1].top + TOL)
            cid++;
        word_cid[wtops[k].idx] = cid;
    }
    for (Py_ssize_t w = 0; w < nw;) { /* consecutive words of one cluster: a line */
        Py_ssize_t end = w + 1;
        while (end < nw && word_cid[end] == word_cid[w])
            end++;
        Py_ssize_t first = word_start[w], last = word_start[end], size = 0;
        for (Py_ssize_t k = first; k < last; k++)
            size += ligatures ? copies(g[word_glyph[k]].text) : 1;
        PyObject *line = PyList_New(size);
        if (line == NULL) {
            Py_CLEAR(out);
            goto done;
        }
        Py_ssize_t at = 0;
        const glyph_t *c0 = &g[word_glyph[first]];
        PyObject *c0t = PyList_GET_ITEM(chars, c0->pos);
        double x0 = c0->x0, top = c0->top, x1 = c0->x1, bottom = PyFloat_AS_DOUBLE(PyTuple_GET_ITEM(c0t, F_BOTTOM));
        for (Py_ssize_t k = first; k < last; k++) {
            const glyph_t *c = &g[word_glyph[k]];
            PyObject *tuple = PyList_GET_ITEM(chars, c->pos);
            double b = PyFloat_AS_DOUBLE(PyTuple_GET_ITEM(tuple, F_BOTTOM));
            if (c->x0 < x0)
                x0 = c->x0;
            if (c->top < top)
                top = c->top;
            if (c->x1 > x1)
                x1 = c->x1;
            if (b > bottom)
                bottom = b;
            for (Py_ssize_t r = ligatures ? copies(c->text) : 1; r > 0; r--)
                PyList_SET_ITEM(line, at++, Py_NewRef(tuple));
        }
        PyObject *item = Py_BuildValue("(N(dddd))", line, x0, top, x1, bottom);
        if (item == NULL || PyList_Append(out, item) < 0) {
            Py_XDECREF(item);
            Py_CLEAR(out);
            goto done;
        }
        Py_DECREF(item);
        w = end;
    }
done:
    PyMem_Free(g);
    PyMem_Free(word_start);
    PyMem_Free(word_glyph);
    PyMem_Free(wtops);
    PyMem_Free(word_cid);
    return out;
}

/* ---------------------------------------------------------------------------------------- fake bold */
/* pdf_layout.has_duplicates_by_python: is some glyph printed twice at (almost) the same place, the same text,
 * its left and top within 1 pt once rounded (Python's round(): half to even, nearbyint's default)? 1, 0, or -1
 * where this does not cover a value (a coordinate not finite or beyond 1e15, whose round() is Python's own) */
static PyObject *
has_duplicates(PyObject *Py_UNUSED(self), PyObject *chars)
{
    if (!PyList_CheckExact(chars))
        Py_RETURN_NONE;
    Py_ssize_t n = PyList_GET_SIZE(chars);
    if (n == 0)
        Py_RETURN_FALSE;
    glyph_t *g = PyMem_Malloc((size_t)n * sizeof(glyph_t));
    if (g == NULL)
        return PyErr_NoMemory();
    int found = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!read_glyph(PyList_GET_ITEM(chars, i), &g[i]) || !(fabs(g[i].x0) <= 1e15) || !(fabs(g[i].top) <= 1e15)) {
            PyMem_Free(g);
            Py_RETURN_NONE;
        }
        g[i].pos = i;
    }
    order_lines(g, n);
    for (Py_ssize_t a = 0; a < n && !found;) {
        Py_ssize_t end = a + 1;
        while (end < n && g[end].cid == g[a].cid)
            end++;
        for (Py_ssize_t i = a; i + 1 < end && !found; i++) {
            if (!(2.0 >= g[i + 1].x0 - g[i].x0)) /* a pair starts only where the next glyph is 2 pt away at most */
                continue;
            const glyph_t *c = &g[i];
            int printed = 0; /* c's text is not all whitespace (str.strip()) */
            Py_ssize_t len = PyUnicode_GET_LENGTH(c->text);
            for (Py_ssize_t k = 0; k < len && !printed; k++)
                printed = !Py_UNICODE_ISSPACE(PyUnicode_READ_CHAR(c->text, k));
            if (!printed)
                continue;
            double rx = nearbyint(c->x0), rtop = nearbyint(c->top);
            for (Py_ssize_t j = i + 1; j < end && g[j].x0 - c->x0 <= 2.0; j++) {
                const glyph_t *d = &g[j];
                if (fabs(nearbyint(d->x0) - rx) <= 1 && fabs(nearbyint(d->top) - rtop) <= 1 &&
                    PyUnicode_Compare(d->text, c->text) == 0) {
                    found = 1;
                    break;
                }
            }
        }
        a = end;
    }
    PyMem_Free(g);
    return PyBool_FromLong(found);
}

static PyMethodDef methods[] = {
    {"extract", extract, METH_VARARGS,
     "extract(rows, chars, keys, order, h, v, cell_text, ligatures): Table.extract_by_python's texts of the "
     "table's rows, or None where this does not cover a value."},
    {"outside", outside, METH_VARARGS,
     "outside(chars, h, v, boxes, slack): the glyphs whose centre is outside every box widened by slack, or None "
     "where this does not cover a value."},
    {"text_lines", text_lines, METH_O,
     "text_lines(chars): pdf_layout.text_lines_by_python's lines of the glyphs, or None where this does not cover a "
     "value."},
    {"has_duplicates", has_duplicates, METH_O,
     "has_duplicates(chars): pdf_layout.has_duplicates_by_python of the glyphs, or None where this does not cover a "
     "value."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_layout_text", NULL, -1, methods};

PyMODINIT_FUNC
PyInit__layout_text(void)
{
    SPACE = PyUnicode_InternFromString(" ");
    NEWLINE = PyUnicode_InternFromString("\n");
    EMPTY = PyUnicode_New(0, 0);
    if (SPACE == NULL || NEWLINE == NULL || EMPTY == NULL)
        return NULL;
    return PyModule_Create(&module);
}
