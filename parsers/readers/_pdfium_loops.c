/* The per-glyph and per-object loops of parsers/readers/pdfium_page.py in C (issue 13).
 *
 * Each PDFium call made through ctypes costs about 4,000 instructions of libffi and ctypes on top of PDFium's own
 * work, and a page makes several per glyph. These two functions make the same calls, in the same order and with
 * the same arguments, through PDFium's own function pointers (their addresses come from pypdfium2's loaded
 * library, see bind(): no PDFium header, no linking), and build the same Python values as the Python loops they
 * stand for (pdfium_page._read_chars_by_call and pdfium_page._objects_by_call), which run wherever this module is
 * not built; tests/test_pdfium_loops.py holds the two to each other on real PDFs.
 *
 * Arithmetic is double precision, operation for operation as in the Python code, without contraction into fused
 * multiply-adds (scripts/build_native.py compiles it with -ffp-contract=off), so every float is the one Python
 * computes.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

typedef struct { float a, b, c, d, e, f; } fs_matrix;   /* FS_MATRIX */
typedef struct { float left, top, right, bottom; } fs_rectf; /* FS_RECTF */

typedef void *(*get_text_object_t)(void *, int);
typedef int (*char_origin_t)(void *, int, double *, double *);
typedef int (*text_matrix_t)(void *, int, fs_matrix *);
typedef int (*loose_box_t)(void *, int, fs_rectf *);
typedef int (*char_box_t)(void *, int, double *, double *, double *, double *);
typedef int (*font_size_t)(void *, float *);
typedef void *(*text_font_t)(void *);
typedef int (*glyph_width_t)(void *, unsigned int, float, float *);
typedef int (*count_objects_t)(void *);
typedef void *(*page_object_t)(void *, int);
typedef void *(*form_object_t)(void *, unsigned long);
typedef int (*object_type_t)(void *);
typedef int (*object_matrix_t)(void *, fs_matrix *);
typedef void *(*path_segment_t)(void *, int);
typedef int (*segment_point_t)(void *, float *, float *);
typedef int (*segment_int_t)(void *);

/* the functions, in the order bind() takes their addresses (pdfium_page._NATIVE_FUNCTIONS) */
enum {
    F_TEXT_OBJECT, F_CHAR_ORIGIN, F_TEXT_MATRIX, F_LOOSE_BOX, F_CHAR_BOX, F_FONT_SIZE, F_TEXT_FONT, F_GLYPH_WIDTH,
    F_COUNT_OBJECTS, F_PAGE_OBJECT, F_FORM_COUNT, F_FORM_OBJECT, F_OBJECT_TYPE, F_OBJECT_MATRIX,
    F_COUNT_SEGMENTS, F_SEGMENT, F_SEGMENT_POINT, F_SEGMENT_TYPE, F_SEGMENT_CLOSE,
    F_COUNT
};
static void *fns[F_COUNT];

#define OBJ_PATH 2
#define OBJ_IMAGE 3
#define OBJ_FORM 5

static PyObject *
bind(PyObject *self, PyObject *args)
{
    PyObject *seq;
    if (!PyArg_ParseTuple(args, "O!", &PyTuple_Type, &seq))
        return NULL;
    if (PyTuple_GET_SIZE(seq) != F_COUNT) {
        PyErr_Format(PyExc_ValueError, "bind() takes %d function addresses", F_COUNT);
        return NULL;
    }
    void *got[F_COUNT];
    for (Py_ssize_t k = 0; k < F_COUNT; k++) {
        got[k] = PyLong_AsVoidPtr(PyTuple_GET_ITEM(seq, k));
        if (got[k] == NULL) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_ValueError, "a NULL function address");
            return NULL;
        }
    }
    memcpy(fns, got, sizeof fns);
    Py_RETURN_NONE;
}

static int
bound(void)
{
    if (fns[0] == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "bind() the PDFium functions first");
        return 0;
    }
    return 1;
}

/* max(x, y) as Python's: the first of the two unless the second is greater */
static inline double
py_max(double x, double y)
{
    return y > x ? y : x;
}

/* read_chars(tp, text, check_unmapped, height, shown, infos, by_key, make_info, read_info, not_upright, chars,
 *            skipped) -> the count of unmapped glyphs
 *
 * pdfium_page._read_chars_by_call's loop over the characters of ``text`` (the text page's, one per index):
 * ``infos`` (text object -> TextInfo) and ``by_key`` (the key of a TextInfo -> it) are _Infos' dicts, filled as
 * _Infos.read fills them; ``make_info(key)`` makes and keeps a new key's TextInfo (_Infos.make), and
 * ``read_info(obj, i)`` is _Infos.read itself, called where PDFium fails to give a matrix or a size (it raises
 * Unsupported). Glyphs go to ``chars`` as Char tuples, glyphs not set upright to ``skipped``. */
static PyObject *
read_chars(PyObject *self, PyObject *args)
{
    void *tp;
    PyObject *tp_obj, *text, *shown, *infos, *by_key, *make_info, *read_info, *not_upright, *chars, *skipped;
    int check_unmapped;
    double height;
    if (!PyArg_ParseTuple(args, "OUpdOO!O!OOOO!O!", &tp_obj, &text, &check_unmapped, &height, &shown,
                          &PyDict_Type, &infos, &PyDict_Type, &by_key, &make_info, &read_info, &not_upright,
                          &PyList_Type, &chars, &PyList_Type, &skipped))
        return NULL;
    if (!bound())
        return NULL;
    tp = PyLong_AsVoidPtr(tp_obj);
    if (tp == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_ValueError, "a NULL PDFium handle");
        return NULL;
    }
    int is_shown = shown != Py_None;
    double sa = 1.0, sb = 0.0, sc = 0.0, sd = 1.0, se = 0.0, sf = 0.0;
    if (is_shown && !PyArg_ParseTuple(shown, "dddddd", &sa, &sb, &sc, &sd, &se, &sf))
        return NULL;

    get_text_object_t text_object = (get_text_object_t)fns[F_TEXT_OBJECT];
    char_origin_t char_origin = (char_origin_t)fns[F_CHAR_ORIGIN];
    text_matrix_t text_matrix = (text_matrix_t)fns[F_TEXT_MATRIX];
    loose_box_t loose_box = (loose_box_t)fns[F_LOOSE_BOX];
    char_box_t char_box = (char_box_t)fns[F_CHAR_BOX];
    font_size_t font_size_of = (font_size_t)fns[F_FONT_SIZE];
    text_font_t text_font = (text_font_t)fns[F_TEXT_FONT];
    glyph_width_t glyph_width = (glyph_width_t)fns[F_GLYPH_WIDTH];

    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    long unmapped = 0;

    /* the loop's state, as in Python: ``last`` the last text object, ``info`` its TextInfo (borrowed: the dicts
     * hold it), ``widths`` its dict of advance widths; the measuring buffers live for the page */
    void *last = NULL;
    PyObject *info = NULL, *widths = NULL, *size_obj = NULL, *font_obj = NULL;
    double size = 0.0, descent = 0.0;
    int turned = 0;
    double ox = 0.0, oy = 0.0;
    fs_rectf rect = {0.0f, 0.0f, 0.0f, 0.0f};
    double ink[4] = {0.0, 0.0, 0.0, 0.0}; /* left, right, bottom, top */
    float width = 0.0f;
    fs_matrix m;
    float fsize;
    /* the last key looked up in by_key, and its TextInfo (borrowed: by_key holds it): consecutive text objects
     * mostly share font, size and matrix, and an equal key finds the same TextInfo in by_key */
    int have_prev = 0;
    void *prev_font = NULL;
    double prev[5] = {0.0, 0.0, 0.0, 0.0, 0.0};
    PyObject *prev_info = NULL;

    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        void *obj = text_object(tp, (int)i);
        if (obj != last) {
            if (obj == NULL)
                continue; /* generated by PDFium (an inferred space or line break) */
            last = obj;
            PyObject *key_obj = PyLong_FromVoidPtr(obj);
            if (key_obj == NULL)
                return NULL;
            info = PyDict_GetItemWithError(infos, key_obj);
            if (info == NULL) {
                if (PyErr_Occurred()) {
                    Py_DECREF(key_obj);
                    return NULL;
                }
                /* _Infos.read: the object's matrix on the page (forms applied), its size and font */
                if (!text_matrix(tp, (int)i, &m) || !font_size_of(obj, &fsize)) {
                    PyObject *got = PyObject_CallFunction(read_info, "Nn", key_obj, i);
                    if (got == NULL)
                        return NULL;
                    Py_DECREF(got);
                    PyErr_SetString(PyExc_RuntimeError, "_Infos.read did not raise where PDFium failed");
                    return NULL;
                }
                double a = m.a, b = m.b, cc = m.c, d = m.d;
                if (is_shown) {
                    double a2 = a * sa + b * sc, b2 = a * sb + b * sd;
                    double c2 = cc * sa + d * sc, d2 = cc * sb + d * sd;
                    a = a2, b = b2, cc = c2, d = d2;
                }
                void *font = text_font(obj);
                if (have_prev && font == prev_font && (double)fsize == prev[0] && a == prev[1] && b == prev[2]
                    && cc == prev[3] && d == prev[4]) {
                    info = prev_info;
                    goto found;
                }
                PyObject *key = Py_BuildValue("(Nddddd)", PyLong_FromVoidPtr(font), (double)fsize, a, b, cc, d);
                if (key == NULL) {
                    Py_DECREF(key_obj);
                    return NULL;
                }
                info = PyDict_GetItemWithError(by_key, key);
                if (info == NULL) {
                    if (PyErr_Occurred()) {
                        Py_DECREF(key);
                        Py_DECREF(key_obj);
                        return NULL;
                    }
                    PyObject *made = PyObject_CallOneArg(make_info, key); /* kept in by_key by make_info */
                    if (made == NULL) {
                        Py_DECREF(key);
                        Py_DECREF(key_obj);
                        return NULL;
                    }
                    Py_DECREF(made);
                    info = PyDict_GetItemWithError(by_key, key);
                    if (info == NULL) {
                        if (!PyErr_Occurred())
                            PyErr_SetString(PyExc_RuntimeError, "make_info did not keep the TextInfo");
                        Py_DECREF(key);
                        Py_DECREF(key_obj);
                        return NULL;
                    }
                }
                Py_DECREF(key);
                have_prev = 1;
                prev_font = font;
                prev[0] = (double)fsize, prev[1] = a, prev[2] = b, prev[3] = cc, prev[4] = d;
                prev_info = info;
            found:
                if (PyDict_SetItem(infos, key_obj, info) < 0) {
                    Py_DECREF(key_obj);
                    return NULL;
                }
            }
            Py_DECREF(key_obj);
            if (!PyTuple_Check(info) || PyTuple_GET_SIZE(info) != 6) {
                PyErr_SetString(PyExc_TypeError, "a TextInfo is a tuple of 6");
                return NULL;
            }
            size_obj = PyTuple_GET_ITEM(info, 0);
            descent = PyFloat_AsDouble(PyTuple_GET_ITEM(info, 3));
            size = PyFloat_AsDouble(size_obj);
            font_obj = PyTuple_GET_ITEM(info, 4);
            widths = PyTuple_GET_ITEM(info, 5);
            if (PyErr_Occurred())
                return NULL;
            if (!PyDict_Check(widths)) {
                PyErr_SetString(PyExc_TypeError, "a TextInfo's widths are a dict");
                return NULL;
            }
            turned = info == not_upright;
        }
        PyObject *ch = PyUnicode_FromOrdinal(c);
        if (ch == NULL)
            return NULL;
        if (turned) { /* a watermark, a vertical label: set aside */
            int r = PyList_Append(skipped, ch);
            Py_DECREF(ch);
            if (r < 0)
                return NULL;
            continue;
        }
        if (check_unmapped && (c == 0 || c == 0xFFFD || c == 0xFFFE || c == 0xFFFF)) {
            unmapped++;
            Py_DECREF(ch);
            continue;
        }
        if (info == NULL) { /* the page's first character generated by PDFium: Python's assertion */
            Py_DECREF(ch);
            PyErr_SetString(PyExc_AssertionError, "a glyph before any text object");
            return NULL;
        }
        char_origin(tp, (int)i, &ox, &oy); /* as in Python, a failure leaves the last origin */
        double x0, y;
        if (!is_shown) {
            x0 = ox;
            y = oy;
        } else {
            x0 = sa * ox + sc * oy + se;
            y = sb * ox + sd * oy + sf;
        }
        double adv;
        PyObject *known = PyDict_GetItemWithError(widths, ch);
        if (known != NULL) {
            adv = PyFloat_AsDouble(known);
            if (adv == -1.0 && PyErr_Occurred()) {
                Py_DECREF(ch);
                return NULL;
            }
        } else {
            if (PyErr_Occurred()) {
                Py_DECREF(ch);
                return NULL;
            }
            /* pdfium_page._advance */
            loose_box(tp, (int)i, &rect);
            char_box(tp, (int)i, &ink[0], &ink[1], &ink[2], &ink[3]);
            double right, ink_right;
            if (!is_shown) {
                right = rect.right;
                ink_right = ink[1];
            } else {
                right = py_max(sa * (double)rect.left, sa * (double)rect.right)
                        + py_max(sc * (double)rect.bottom, sc * (double)rect.top) + se;
                ink_right = py_max(sa * ink[0], sa * ink[1]) + py_max(sc * ink[2], sc * ink[3]) + se;
            }
            if (ink_right < right - 1e-3 || Py_UNICODE_ISSPACE(c)) {
                adv = right - x0;
            } else {
                double width_scale = PyFloat_AsDouble(PyTuple_GET_ITEM(info, 1));
                double fs = PyFloat_AsDouble(PyTuple_GET_ITEM(info, 2));
                void *font = PyLong_AsVoidPtr(font_obj);
                if (PyErr_Occurred()) {
                    Py_DECREF(ch);
                    return NULL;
                }
                if (font != NULL && glyph_width(font, (unsigned int)c, (float)fs, &width) && width > 0)
                    adv = (double)width * width_scale / fs;
                else
                    adv = right - x0;
            }
            PyObject *adv_obj = PyFloat_FromDouble(adv);
            if (adv_obj == NULL || PyDict_SetItem(widths, ch, adv_obj) < 0) {
                Py_XDECREF(adv_obj);
                Py_DECREF(ch);
                return NULL;
            }
            Py_DECREF(adv_obj);
        }
        double bottom = height - y + descent;
        PyObject *glyph = PyTuple_New(7);
        if (glyph == NULL) {
            Py_DECREF(ch);
            return NULL;
        }
        PyTuple_SET_ITEM(glyph, 0, ch); /* the tuple takes the reference */
        PyObject *v1 = PyFloat_FromDouble(x0), *v2 = PyFloat_FromDouble(x0 + adv);
        PyObject *v3 = PyFloat_FromDouble(bottom - size), *v4 = PyFloat_FromDouble(bottom);
        PyTuple_SET_ITEM(glyph, 1, v1);
        PyTuple_SET_ITEM(glyph, 2, v2);
        PyTuple_SET_ITEM(glyph, 3, v3);
        PyTuple_SET_ITEM(glyph, 4, v4);
        Py_INCREF(size_obj);
        PyTuple_SET_ITEM(glyph, 5, size_obj);
        Py_INCREF(font_obj);
        PyTuple_SET_ITEM(glyph, 6, font_obj);
        if (!v1 || !v2 || !v3 || !v4) {
            Py_DECREF(glyph);
            return NULL;
        }
        int r = PyList_Append(chars, glyph);
        Py_DECREF(glyph);
        if (r < 0)
            return NULL;
    }
    return PyLong_FromLong(unmapped);
}

/* a tuple of ``n`` new references (NULL if any is NULL: the others are released) */
static PyObject *
tuple_of(Py_ssize_t n, PyObject **items)
{
    PyObject *t = PyTuple_New(n);
    int ok = t != NULL;
    for (Py_ssize_t k = 0; k < n; k++)
        ok = ok && items[k] != NULL;
    if (!ok) {
        for (Py_ssize_t k = 0; k < n; k++)
            Py_XDECREF(items[k]);
        Py_XDECREF(t);
        return NULL;
    }
    for (Py_ssize_t k = 0; k < n; k++)
        PyTuple_SET_ITEM(t, k, items[k]);
    return t;
}

/* a page object's matrix as a tuple of six floats, or None where PDFium has none */
static PyObject *
object_matrix(void *obj)
{
    fs_matrix m;
    if (!((object_matrix_t)fns[F_OBJECT_MATRIX])(obj, &m))
        Py_RETURN_NONE;
    PyObject *items[6] = {PyFloat_FromDouble(m.a), PyFloat_FromDouble(m.b), PyFloat_FromDouble(m.c),
                          PyFloat_FromDouble(m.d), PyFloat_FromDouble(m.e), PyFloat_FromDouble(m.f)};
    return tuple_of(6, items);
}

/* a path's segments as pdfium_page.segments_by_call reads them: (x, y, type, closes), four calls each */
static PyObject *
path_segments(void *obj)
{
    int count = ((count_objects_t)fns[F_COUNT_SEGMENTS])(obj);
    path_segment_t segment = (path_segment_t)fns[F_SEGMENT];
    segment_point_t point = (segment_point_t)fns[F_SEGMENT_POINT];
    segment_int_t type = (segment_int_t)fns[F_SEGMENT_TYPE];
    segment_int_t closes = (segment_int_t)fns[F_SEGMENT_CLOSE];
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    for (int k = 0; k < count; k++) {
        float x, y;
        void *seg = segment(obj, k);
        if (seg == NULL || !point(seg, &x, &y))
            continue;
        PyObject *items[4] = {PyFloat_FromDouble(x), PyFloat_FromDouble(y), PyLong_FromLong(type(seg)),
                              PyLong_FromLong(closes(seg))};
        PyObject *item = tuple_of(4, items);
        if (item == NULL || PyList_Append(out, item) < 0) {
            Py_XDECREF(item);
            Py_DECREF(out);
            return NULL;
        }
        Py_DECREF(item);
    }
    return out;
}

/* objects(holder, top) -> [(kind, matrix or None, segments or form handle or None), ...]
 *
 * pdfium_page._objects_by_call: the page objects of ``holder`` (the page if ``top``, else a form XObject) that
 * the walk reads, in content order: paths (with their segments), images and forms (with their handle). Text
 * objects (read from the text page) and objects of other kinds are left out. */
static PyObject *
objects(PyObject *self, PyObject *args)
{
    PyObject *holder_obj;
    int top;
    if (!PyArg_ParseTuple(args, "Op", &holder_obj, &top))
        return NULL;
    if (!bound())
        return NULL;
    void *holder = PyLong_AsVoidPtr(holder_obj);
    if (holder == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_ValueError, "a NULL PDFium handle");
        return NULL;
    }
    int count = top ? ((count_objects_t)fns[F_COUNT_OBJECTS])(holder) : ((count_objects_t)fns[F_FORM_COUNT])(holder);
    object_type_t type_of = (object_type_t)fns[F_OBJECT_TYPE];
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    for (int i = 0; i < count; i++) {
        void *obj = top ? ((page_object_t)fns[F_PAGE_OBJECT])(holder, i)
                        : ((form_object_t)fns[F_FORM_OBJECT])(holder, (unsigned long)i);
        int kind = obj ? type_of(obj) : 0;
        if (kind != OBJ_PATH && kind != OBJ_IMAGE && kind != OBJ_FORM)
            continue;
        PyObject *matrix = object_matrix(obj);
        PyObject *extra;
        if (kind == OBJ_PATH)
            extra = path_segments(obj);
        else if (kind == OBJ_FORM)
            extra = PyLong_FromVoidPtr(obj);
        else {
            extra = Py_None;
            Py_INCREF(extra);
        }
        PyObject *kind_obj = PyLong_FromLong(kind);
        PyObject *item = (kind_obj && matrix && extra) ? PyTuple_Pack(3, kind_obj, matrix, extra) : NULL;
        Py_XDECREF(kind_obj);
        Py_XDECREF(matrix);
        Py_XDECREF(extra);
        if (item == NULL || PyList_Append(out, item) < 0) {
            Py_XDECREF(item);
            Py_DECREF(out);
            return NULL;
        }
        Py_DECREF(item);
    }
    return out;
}

static PyMethodDef methods[] = {
    {"bind", bind, METH_VARARGS, "bind(addresses): PDFium's functions, in pdfium_page._NATIVE_FUNCTIONS' order"},
    {"read_chars", read_chars, METH_VARARGS, "pdfium_page._read_chars_by_call's loop over a text page's glyphs"},
    {"objects", objects, METH_VARARGS, "pdfium_page._objects_by_call: the paths, images and forms of a holder"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "parsers.readers._pdfium_loops", NULL, -1, methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit__pdfium_loops(void)
{
    return PyModule_Create(&module);
}
