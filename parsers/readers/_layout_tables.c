/* The ruled-table search of parsers/readers/pdf_layout.py in C (issue 13): table_edges, _intersections, _cells
 * and _tables over a page's ruling, as find_tables_by_python() runs them, in one call.
 *
 * The same comparisons in the same order and the same float operations (built with -ffp-contract=off, so every
 * float is the one Python computes): edges filtered, snapped to their cluster's mean (Python 3.11's sum(): left to
 * right from 0) and joined; crossings within the tolerance; the smallest cell right of and below each crossing;
 * cells sharing a corner, transitively, as tables ordered by their top-left cell. An edge is named by its index
 * where the Python names it by its box: two edges with one box cross the same points, so their sets meet alike.
 *
 * tables() returns None where the ruling holds a value this does not cover (not a float, not finite, beyond 1e12,
 * a negative zero, a container that is not a list or tuple), or on Python 3.12 and later (whose sum() of floats is
 * compensated): pdf_layout then runs its Python. tests/test_layout_tables.py holds the two to each other.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define TOL 3.0
#define LIMIT 1e12

typedef struct { double x0, top, x1, bottom; } box_t;
typedef struct { box_t *a; Py_ssize_t n, cap; } boxes_t;

static int
push_box(boxes_t *v, double x0, double top, double x1, double bottom)
{
    if (v->n == v->cap) {
        Py_ssize_t cap = v->cap ? 2 * v->cap : 64;
        box_t *a = PyMem_Realloc(v->a, (size_t)cap * sizeof(box_t));
        if (a == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        v->a = a;
        v->cap = cap;
    }
    v->a[v->n++] = (box_t){x0, top, x1, bottom};
    return 0;
}

/* 1: a float this covers, in *out; 0: not covered */
static int
num(PyObject *o, double *out)
{
    if (!PyFloat_CheckExact(o))
        return 0;
    double v = PyFloat_AS_DOUBLE(o);
    if (!(fabs(v) <= LIMIT) || (v == 0.0 && signbit(v)))
        return 0;
    *out = v;
    return 1;
}

static int
box4(PyObject *t, double *b)
{
    if (!PyTuple_CheckExact(t) || PyTuple_GET_SIZE(t) != 4)
        return 0;
    for (int k = 0; k < 4; k++)
        if (!num(PyTuple_GET_ITEM(t, k), &b[k]))
            return 0;
    return 1;
}

static int
is_seq(PyObject *o)
{
    return PyList_CheckExact(o) || PyTuple_CheckExact(o);
}

/* ------------------------------------------------------------------------------------------ edges (table_edges) */
typedef struct { double pos; Py_ssize_t idx; Py_ssize_t cid; } item_t;
typedef struct { double key, second; Py_ssize_t seq; box_t b; } rec_t;

static int
by_pos(const void *p, const void *q)
{
    const item_t *a = p, *b = q;
    if (a->pos != b->pos)
        return a->pos < b->pos ? -1 : 1;
    return a->idx < b->idx ? -1 : (a->idx > b->idx);
}

static int
by_cluster(const void *p, const void *q)
{
    const item_t *a = p, *b = q;
    if (a->cid != b->cid)
        return a->cid < b->cid ? -1 : 1;
    return a->idx < b->idx ? -1 : (a->idx > b->idx);
}

static int
by_key(const void *p, const void *q)
{
    const rec_t *a = p, *b = q;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    if (a->second != b->second)
        return a->second < b->second ? -1 : 1;
    return a->seq < b->seq ? -1 : (a->seq > b->seq);
}

/* edges of one direction, snapped and joined, appended to out */
static int
snap_join(const boxes_t *in, int horizontal, boxes_t *out)
{
    Py_ssize_t n = in->n;
    if (n == 0)
        return 0;
    item_t *items = PyMem_Malloc((size_t)n * sizeof(item_t));
    rec_t *recs = PyMem_Malloc((size_t)n * sizeof(rec_t));
    if (items == NULL || recs == NULL) {
        PyMem_Free(items);
        PyMem_Free(recs);
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        items[i].pos = horizontal ? in->a[i].top : in->a[i].x0;
        items[i].idx = i;
    }
    /* cluster(): distinct positions in order, a new cluster past the last one + the tolerance; the items of a
     * cluster in their given order */
    qsort(items, (size_t)n, sizeof(item_t), by_pos);
    Py_ssize_t cid = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (i > 0 && items[i].pos > items[i - 1].pos + TOL)
            cid++;
        items[i].cid = cid;
    }
    qsort(items, (size_t)n, sizeof(item_t), by_cluster);
    Py_ssize_t seq = 0;
    for (Py_ssize_t s = 0; s < n;) {
        Py_ssize_t e = s;
        double sum = 0.0;
        while (e < n && items[e].cid == items[s].cid) {
            sum += items[e].pos;
            e++;
        }
        double avg = sum / (double)(e - s);
        for (Py_ssize_t k = s; k < e; k++) {
            box_t b = in->a[items[k].idx];
            rec_t *r = &recs[seq];
            if (horizontal) {
                double shift = avg - b.top;
                r->b = (box_t){b.x0, b.top + shift, b.x1, b.bottom + shift};
                r->key = r->b.top;
                r->second = r->b.x0;
            }
            else {
                double shift = avg - b.x0;
                r->b = (box_t){b.x0 + shift, b.top, b.x1 + shift, b.bottom};
                r->key = r->b.x0;
                r->second = r->b.top;
            }
            r->seq = seq++;
        }
        s = e;
    }
    /* by snapped position, then along the edge, then as they came: the collinear runs to join */
    qsort(recs, (size_t)n, sizeof(rec_t), by_key);
    int failed = 0;
    for (Py_ssize_t s = 0; s < n && !failed;) {
        Py_ssize_t e = s + 1;
        while (e < n && recs[e].key == recs[s].key)
            e++;
        box_t c = recs[s].b;
        for (Py_ssize_t k = s + 1; k < e; k++) {
            box_t b = recs[k].b;
            if (horizontal) {
                if (b.x0 <= c.x1 + TOL) {
                    if (b.x1 > c.x1)
                        c.x1 = b.x1;
                    continue;
                }
            }
            else if (b.top <= c.bottom + TOL) {
                if (b.bottom > c.bottom)
                    c.bottom = b.bottom;
                continue;
            }
            if ((horizontal ? c.x1 - c.x0 : c.bottom - c.top) >= TOL && push_box(out, c.x0, c.top, c.x1, c.bottom)) {
                failed = 1;
                break;
            }
            c = b;
        }
        if (!failed && (horizontal ? c.x1 - c.x0 : c.bottom - c.top) >= TOL &&
            push_box(out, c.x0, c.top, c.x1, c.bottom))
            failed = 1;
        s = e;
    }
    PyMem_Free(items);
    PyMem_Free(recs);
    return failed ? -1 : 0;
}

/* the page's ruling as table_edges() takes it; 1: read, 0: not covered, -1: error */
static int
read_ruling(PyObject *lines, PyObject *rects, PyObject *curves, boxes_t *hs, boxes_t *vs)
{
    if (!is_seq(lines) || !is_seq(rects) || !is_seq(curves))
        return 0;
    double b[4];
    Py_ssize_t n = PySequence_Fast_GET_SIZE(lines);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!box4(PySequence_Fast_GET_ITEM(lines, i), b))
            return 0;
        double x0 = b[0], top = b[1], x1 = b[2], bottom = b[3];
        if (top == bottom) {
            if (x1 - x0 >= 1 && push_box(hs, x0, top, x1, bottom))
                return -1;
        }
        else if (bottom - top >= 1 && push_box(vs, x0, top, x1, bottom))
            return -1;
    }
    n = PySequence_Fast_GET_SIZE(rects);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!box4(PySequence_Fast_GET_ITEM(rects, i), b))
            return 0;
        double x0 = b[0], top = b[1], x1 = b[2], bottom = b[3];
        if (x1 - x0 >= 1 && (push_box(hs, x0, top, x1, top) || push_box(hs, x0, bottom, x1, bottom)))
            return -1;
        if (bottom - top >= 1 && (push_box(vs, x0, top, x0, bottom) || push_box(vs, x1, top, x1, bottom)))
            return -1;
    }
    n = PySequence_Fast_GET_SIZE(curves);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *pts = PySequence_Fast_GET_ITEM(curves, i);
        if (!is_seq(pts))
            return 0;
        Py_ssize_t m = PySequence_Fast_GET_SIZE(pts);
        double ax = 0, ay = 0;
        for (Py_ssize_t k = 0; k < m; k++) {
            PyObject *p = PySequence_Fast_GET_ITEM(pts, k);
            double bx, by;
            if (!PyTuple_CheckExact(p) || PyTuple_GET_SIZE(p) != 2 || !num(PyTuple_GET_ITEM(p, 0), &bx) ||
                !num(PyTuple_GET_ITEM(p, 1), &by))
                return 0;
            if (k > 0) {
                if (ax == bx) {
                    double lo = by < ay ? by : ay, hi = by > ay ? by : ay;
                    if (hi - lo >= 1 && push_box(vs, ax, lo, ax, hi))
                        return -1;
                }
                else if (ay == by) {
                    double lo = bx < ax ? bx : ax, hi = bx > ax ? bx : ax;
                    if (hi - lo >= 1 && push_box(hs, lo, ay, hi, ay))
                        return -1;
                }
            }
            ax = bx;
            ay = by;
        }
    }
    return 1;
}

/* ------------------------------------------------------------------------------------------ crossings */
typedef struct { double a, b; Py_ssize_t idx; } pair_t;
typedef struct { double x, y; Py_ssize_t v, h; } hit_t;
typedef struct { double x, y; Py_ssize_t v_at, v_n, h_at, h_n; } point_t;

static int
by_pair(const void *p, const void *q)
{
    const pair_t *a = p, *b = q;
    if (a->a != b->a)
        return a->a < b->a ? -1 : 1;
    if (a->b != b->b)
        return a->b < b->b ? -1 : 1;
    return a->idx < b->idx ? -1 : (a->idx > b->idx);
}

static int
by_hit(const void *p, const void *q)
{
    const hit_t *a = p, *b = q;
    if (a->x != b->x)
        return a->x < b->x ? -1 : 1;
    if (a->y != b->y)
        return a->y < b->y ? -1 : 1;
    if (a->v != b->v)
        return a->v < b->v ? -1 : 1;
    return a->h < b->h ? -1 : (a->h > b->h);
}

static int
by_ssize(const void *p, const void *q)
{
    Py_ssize_t a = *(const Py_ssize_t *)p, b = *(const Py_ssize_t *)q;
    return a < b ? -1 : (a > b);
}

static int
disjoint(const Py_ssize_t *a, Py_ssize_t na, const Py_ssize_t *b, Py_ssize_t nb)
{
    Py_ssize_t i = 0, j = 0;
    while (i < na && j < nb) {
        if (a[i] == b[j])
            return 0;
        if (a[i] < b[j])
            i++;
        else
            j++;
    }
    return 1;
}

/* ------------------------------------------------------------------------------------------ tables */
typedef struct { double x, y; Py_ssize_t cell; } corner_t;
typedef struct { double top, x0; Py_ssize_t first, at, n; } comp_t;

static int
by_corner(const void *p, const void *q)
{
    const corner_t *a = p, *b = q;
    if (a->x != b->x)
        return a->x < b->x ? -1 : 1;
    if (a->y != b->y)
        return a->y < b->y ? -1 : 1;
    return a->cell < b->cell ? -1 : (a->cell > b->cell);
}

static int
by_comp(const void *p, const void *q)
{
    const comp_t *a = p, *b = q;
    if (a->top != b->top)
        return a->top < b->top ? -1 : 1;
    if (a->x0 != b->x0)
        return a->x0 < b->x0 ? -1 : 1;
    return a->first < b->first ? -1 : (a->first > b->first);
}

static Py_ssize_t
root(Py_ssize_t *parent, Py_ssize_t a)
{
    while (parent[a] != a) {
        parent[a] = parent[parent[a]];
        a = parent[a];
    }
    return a;
}

static PyObject *
float_box(const box_t *c)
{
    return Py_BuildValue("(dddd)", c->x0, c->top, c->x1, c->bottom);
}

/* the found tables as lists of cells (x0, top, x1, bottom) */
static PyObject *
tables_of(const box_t *cells, Py_ssize_t n)
{
    Py_ssize_t *parent = PyMem_Malloc((size_t)(n ? n : 1) * sizeof(Py_ssize_t));
    corner_t *corners = PyMem_Malloc((size_t)(n ? 4 * n : 1) * sizeof(corner_t));
    comp_t *comps = PyMem_Malloc((size_t)(n ? n : 1) * sizeof(comp_t));
    Py_ssize_t *comp_of = PyMem_Malloc((size_t)(n ? n : 1) * sizeof(Py_ssize_t));
    Py_ssize_t *members = PyMem_Malloc((size_t)(n ? n : 1) * sizeof(Py_ssize_t));
    Py_ssize_t *roots = PyMem_Malloc((size_t)(n ? n : 1) * sizeof(Py_ssize_t));
    PyObject *out = NULL;
    if (!parent || !corners || !comps || !comp_of || !members || !roots) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        parent[i] = i;
        const box_t *c = &cells[i];
        corners[4 * i] = (corner_t){c->x0, c->top, i};
        corners[4 * i + 1] = (corner_t){c->x0, c->bottom, i};
        corners[4 * i + 2] = (corner_t){c->x1, c->top, i};
        corners[4 * i + 3] = (corner_t){c->x1, c->bottom, i};
    }
    qsort(corners, (size_t)(4 * n), sizeof(corner_t), by_corner);
    for (Py_ssize_t k = 1; k < 4 * n; k++)
        if (corners[k].x == corners[k - 1].x && corners[k].y == corners[k - 1].y) {
            Py_ssize_t a = root(parent, corners[k].cell), b = root(parent, corners[k - 1].cell);
            if (a != b)
                parent[a] = b;
        }
    /* components in the order of their first cell, each with its cells in order */
    Py_ssize_t ncomp = 0;
    for (Py_ssize_t i = 0; i < n; i++)
        comp_of[i] = -1;
    for (Py_ssize_t i = 0; i < n; i++)
        roots[i] = root(parent, i);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_ssize_t r = roots[i];
        if (comp_of[r] < 0) {
            comp_of[r] = ncomp;
            comps[ncomp] = (comp_t){cells[i].top, cells[i].x0, i, 0, 0};
            ncomp++;
        }
        comp_t *c = &comps[comp_of[r]];
        c->n++;
        if (cells[i].top < c->top || (cells[i].top == c->top && cells[i].x0 < c->x0)) {
            c->top = cells[i].top;
            c->x0 = cells[i].x0;
        }
    }
    Py_ssize_t at = 0;
    for (Py_ssize_t k = 0; k < ncomp; k++) {
        comps[k].at = at;
        at += comps[k].n;
        comps[k].n = 0;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        comp_t *c = &comps[comp_of[roots[i]]];
        members[c->at + c->n++] = i;
    }
    qsort(comps, (size_t)ncomp, sizeof(comp_t), by_comp);
    out = PyList_New(0);
    if (out == NULL)
        goto done;
    for (Py_ssize_t k = 0; k < ncomp; k++) {
        if (comps[k].n < 2)
            continue;
        PyObject *table = PyList_New(comps[k].n);
        if (table == NULL || PyList_Append(out, table) < 0) {
            Py_XDECREF(table);
            Py_CLEAR(out);
            goto done;
        }
        Py_DECREF(table);
        for (Py_ssize_t j = 0; j < comps[k].n; j++) {
            PyObject *cell = float_box(&cells[members[comps[k].at + j]]);
            if (cell == NULL) {
                Py_CLEAR(out);
                goto done;
            }
            PyList_SET_ITEM(table, j, cell);
        }
    }
done:
    PyMem_Free(parent);
    PyMem_Free(corners);
    PyMem_Free(comps);
    PyMem_Free(comp_of);
    PyMem_Free(members);
    PyMem_Free(roots);
    return out;
}

static Py_ssize_t
bisect_left(const double *a, Py_ssize_t n, double x)
{
    Py_ssize_t lo = 0, hi = n;
    while (lo < hi) {
        Py_ssize_t mid = (lo + hi) / 2;
        if (a[mid] < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static Py_ssize_t
bisect_right(const double *a, Py_ssize_t n, double x)
{
    Py_ssize_t lo = 0, hi = n;
    while (lo < hi) {
        Py_ssize_t mid = (lo + hi) / 2;
        if (x < a[mid])
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

static Py_ssize_t
find_point(const point_t *pts, Py_ssize_t n, double x, double y)
{
    Py_ssize_t lo = 0, hi = n;
    while (lo < hi) {
        Py_ssize_t mid = (lo + hi) / 2;
        if (pts[mid].x < x || (pts[mid].x == x && pts[mid].y < y))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && pts[lo].x == x && pts[lo].y == y ? lo : -1;
}

static PyObject *
tables(PyObject *self, PyObject *args)
{
    PyObject *lines, *rects, *curves;
    if (!PyArg_ParseTuple(args, "OOO", &lines, &rects, &curves))
        return NULL;
#if PY_VERSION_HEX >= 0x030C0000
    Py_RETURN_NONE; /* sum() of floats is compensated from 3.12: the Python reads these */
#endif
    boxes_t raw_h = {0}, raw_v = {0}, hs = {0}, vs = {0}, cells = {0};
    pair_t *order = NULL;
    box_t *sorted_h = NULL, *sorted_v = NULL;
    double *tops = NULL;
    hit_t *hits = NULL;
    point_t *pts = NULL;
    Py_ssize_t *sets = NULL, *rows = NULL, *row_at = NULL, *row_end = NULL, *col_end = NULL;
    PyObject *out = NULL;
    Py_ssize_t nhits = 0, cap_hits = 0;

    int got = read_ruling(lines, rects, curves, &raw_h, &raw_v);
    if (got <= 0) {
        if (got == 0)
            out = Py_NewRef(Py_None);
        goto done;
    }
    if (snap_join(&raw_h, 1, &hs) || snap_join(&raw_v, 0, &vs))
        goto done;
    if (hs.n + vs.n == 0) {
        out = PyList_New(0);
        goto done;
    }
    /* _intersections: upright edges by (x0, top), level ones by (top, x0), each stable */
    Py_ssize_t nh = hs.n, nv = vs.n, most = nh > nv ? nh : nv;
    order = PyMem_Malloc((size_t)(most ? most : 1) * sizeof(pair_t));
    sorted_h = PyMem_Malloc((size_t)(nh ? nh : 1) * sizeof(box_t));
    sorted_v = PyMem_Malloc((size_t)(nv ? nv : 1) * sizeof(box_t));
    tops = PyMem_Malloc((size_t)(nh ? nh : 1) * sizeof(double));
    if (!order || !sorted_h || !sorted_v || !tops) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < nh; i++)
        order[i] = (pair_t){hs.a[i].top, hs.a[i].x0, i};
    qsort(order, (size_t)nh, sizeof(pair_t), by_pair);
    for (Py_ssize_t i = 0; i < nh; i++) {
        sorted_h[i] = hs.a[order[i].idx];
        tops[i] = sorted_h[i].top;
    }
    for (Py_ssize_t i = 0; i < nv; i++)
        order[i] = (pair_t){vs.a[i].x0, vs.a[i].top, i};
    qsort(order, (size_t)nv, sizeof(pair_t), by_pair);
    for (Py_ssize_t i = 0; i < nv; i++)
        sorted_v[i] = vs.a[order[i].idx];
    for (Py_ssize_t i = 0; i < nv; i++) {
        const box_t *v = &sorted_v[i];
        Py_ssize_t lo = bisect_left(tops, nh, v->top - TOL - 1e-6);
        Py_ssize_t hi = bisect_right(tops, nh, v->bottom + TOL + 1e-6);
        double x = v->x0;
        for (Py_ssize_t k = lo; k < hi; k++) {
            const box_t *h = &sorted_h[k];
            if (v->top <= h->top + TOL && v->bottom >= h->top - TOL && h->x0 - TOL <= x && x <= h->x1 + TOL) {
                if (nhits == cap_hits) {
                    cap_hits = cap_hits ? 2 * cap_hits : 256;
                    hit_t *grown = PyMem_Realloc(hits, (size_t)cap_hits * sizeof(hit_t));
                    if (grown == NULL) {
                        PyErr_NoMemory();
                        goto done;
                    }
                    hits = grown;
                }
                hits[nhits++] = (hit_t){x, h->top, i, k};
            }
        }
    }
    if (nhits == 0) {
        out = PyList_New(0);
        goto done;
    }
    qsort(hits, (size_t)nhits, sizeof(hit_t), by_hit);
    /* the crossings, sorted (x, y), each with its upright and level edges as sorted sets of numbers */
    pts = PyMem_Malloc((size_t)nhits * sizeof(point_t));
    sets = PyMem_Malloc((size_t)(2 * nhits) * sizeof(Py_ssize_t));
    if (!pts || !sets) {
        PyErr_NoMemory();
        goto done;
    }
    Py_ssize_t npts = 0, used = 0;
    for (Py_ssize_t s = 0; s < nhits;) {
        Py_ssize_t e = s;
        while (e < nhits && hits[e].x == hits[s].x && hits[e].y == hits[s].y)
            e++;
        point_t *p = &pts[npts++];
        p->x = hits[s].x;
        p->y = hits[s].y;
        p->v_at = used;
        for (Py_ssize_t k = s; k < e; k++)
            if (k == s || hits[k].v != hits[k - 1].v)
                sets[used++] = hits[k].v;
        p->v_n = used - p->v_at;
        p->h_at = used;
        for (Py_ssize_t k = s; k < e; k++)
            sets[used++] = hits[k].h;
        qsort(sets + p->h_at, (size_t)(used - p->h_at), sizeof(Py_ssize_t), by_ssize);
        Py_ssize_t w = p->h_at;
        for (Py_ssize_t k = p->h_at; k < used; k++)
            if (k == p->h_at || sets[k] != sets[w - 1])
                sets[w++] = sets[k];
        used = w;
        p->h_n = used - p->h_at;
        s = e;
    }
    /* _cells: a column's crossings follow one another in the sorted order; a row's, by (y, x) */
    rows = PyMem_Malloc((size_t)npts * sizeof(Py_ssize_t));
    row_at = PyMem_Malloc((size_t)npts * sizeof(Py_ssize_t));
    row_end = PyMem_Malloc((size_t)npts * sizeof(Py_ssize_t));
    col_end = PyMem_Malloc((size_t)npts * sizeof(Py_ssize_t));
    PyMem_Free(order);
    order = PyMem_Malloc((size_t)npts * sizeof(pair_t));
    if (!rows || !row_at || !row_end || !col_end || !order) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = npts - 1; i >= 0; i--)
        col_end[i] = (i + 1 < npts && pts[i + 1].x == pts[i].x) ? col_end[i + 1] : i + 1;
    for (Py_ssize_t i = 0; i < npts; i++)
        order[i] = (pair_t){pts[i].y, pts[i].x, i};
    qsort(order, (size_t)npts, sizeof(pair_t), by_pair);
    for (Py_ssize_t k = 0; k < npts; k++) {
        rows[k] = order[k].idx;
        row_at[order[k].idx] = k;
    }
    for (Py_ssize_t k = npts - 1; k >= 0; k--) {
        Py_ssize_t i = rows[k];
        row_end[i] = (k + 1 < npts && pts[rows[k + 1]].y == pts[i].y) ? row_end[rows[k + 1]] : k + 1;
    }
    for (Py_ssize_t i = 0; i < npts; i++) {
        Py_ssize_t r0 = row_at[i] + 1, r1 = row_end[i];
        if (r0 >= r1)
            continue; /* no crossing to its right: no cell starts here */
        const point_t *pt = &pts[i];
        int found = 0;
        for (Py_ssize_t b = i + 1; b < col_end[i] && !found; b++) {
            const point_t *below = &pts[b];
            if (disjoint(sets + pt->v_at, pt->v_n, sets + below->v_at, below->v_n))
                continue;
            for (Py_ssize_t k = r0; k < r1; k++) {
                const point_t *right = &pts[rows[k]];
                if (disjoint(sets + pt->h_at, pt->h_n, sets + right->h_at, right->h_n))
                    continue;
                Py_ssize_t c = find_point(pts, npts, right->x, below->y);
                if (c >= 0 && !disjoint(sets + pts[c].v_at, pts[c].v_n, sets + right->v_at, right->v_n) &&
                    !disjoint(sets + pts[c].h_at, pts[c].h_n, sets + below->h_at, below->h_n)) {
                    if (push_box(&cells, pt->x, pt->y, right->x, below->y))
                        goto done;
                    found = 1;
                    break;
                }
            }
        }
    }
    out = tables_of(cells.a, cells.n);
done:
    PyMem_Free(raw_h.a);
    PyMem_Free(raw_v.a);
    PyMem_Free(hs.a);
    PyMem_Free(vs.a);
    PyMem_Free(cells.a);
    PyMem_Free(order);
    PyMem_Free(sorted_h);
    PyMem_Free(sorted_v);
    PyMem_Free(tops);
    PyMem_Free(hits);
    PyMem_Free(pts);
    PyMem_Free(sets);
    PyMem_Free(rows);
    PyMem_Free(row_at);
    PyMem_Free(row_end);
    PyMem_Free(col_end);
    return out;
}

static PyMethodDef methods[] = {
    {"tables", tables, METH_VARARGS,
     "tables(lines, rects, curves): the ruled tables' cells as pdf_layout.find_tables_by_python finds them, or None "
     "where this does not cover the ruling."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_layout_tables", NULL, -1, methods};

PyMODINIT_FUNC
PyInit__layout_tables(void)
{
    return PyModule_Create(&module);
}
