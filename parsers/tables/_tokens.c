/* The line loop of parsers/tables/tokenizer.py's tokenize in C (issue 13): the text's lines found in place, and the
 * tokens of its two common kinds of line made here, without a Python string per line or per TAB cell before the
 * token's own text:
 *
 * - a TAB row (the tables of HTML, DOCX, XLSX and ruled PDF pages): _tokenize_tabbed's cells, blank, a label, or
 *   a number alone; a cell that holds more (a label with numbers, a number with its unit) goes to the Python
 *   _split_trailing_numbers passed in;
 * - a plain line that ends in no number (nor, with a space in it, in a unit or a dash): one token of the line
 *   stripped.
 *
 * Every other line goes whole to the Python passed in (line_fn: tokenizer.py's _tokenize_text_line, the body of the
 * Python loop): a line that prints one of the text's confusable letters (OCR's reading of a digit), one that
 * starts with a digit and holds no space and no TAB (a row of numbers with rule marks between), one with a full
 * stop after a space or a TAB (a lone 。 between numbers), a line laid out by runs of spaces, one that ends in a
 * number or starts with one (or a sign), one of spaces only. A line of the text that printed no-break spaces alone
 * (nbsp_lines) is one blank cell.
 *
 * The same tests as the Python, character for character: str.isdigit is Py_UNICODE_ISDIGIT, str.strip's
 * whitespace Py_UNICODE_ISSPACE; a token's derived fields come from the Python cache (``_DERIVED``) or its
 * function (``derived_fields``), as in the Python. tests/test_tokens_native.py holds the two to each other.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

#define N_FIELDS 15
#define N_DERIVED 5
#define MAX_WIDE 32 /* confusable letters beyond ASCII (the Python's list holds five) */

static PyObject *EMPTY;         /* "" */
static PyObject *BLANK_DERIVED; /* ("", False, False, False, False): a blank cell's derived fields */

/* _UNIT_LAST: the units a plain line may end in after a space (then it is a label, its number and its unit) */
static const Py_UCS4 UNIT_LAST[] = {0x5143, 0x4EF6, 0x9879, 0x4E2A, 0x6B21, 0x4EBA,
                                    0x6761, 0x5BB6, 0x573A, 0x671F, 0x7BC7, 0x4EFD};
#define FULL_STOP 0x3002      /* 。 */
#define FULL_SEMICOLON 0xFF1B /* ； */
#define CACHED_MAX 40         /* tokens.derived_fields caches the derived fields of texts this long at most */
#define LABEL_MAX 80          /* tokens.LABEL_MAX */
/* str.isspace of one character: no character past U+3000 (the ideographic space) is whitespace to Python
 * (tests/test_tokens_native.py checks it on the Unicode database at hand) */
#define LAST_SPACE 0x3000
#define IS_SPACE(c) ((c) <= LAST_SPACE && Py_UNICODE_ISSPACE(c))

typedef struct {
    int kind;
    const void *data;
    unsigned char ascii[128]; /* the confusable letters the text prints, ASCII ones */
    Py_UCS4 wide[MAX_WIDE];   /* … and the others */
    int n_wide;
    PyObject *tokens, *cache, *derived_fn, *split_fn, *line_fn, *norm;
} state_t;

#define CH(s, i) PyUnicode_READ((s)->kind, (s)->data, (i))

/* DASH_LAST: the dashes (and the slash) a plain line with a space may end in (maybe a row, a dash among its values) */
static int
is_dash_last(Py_UCS4 c)
{
    return c == 0x2014 || c == 0x2013 || c == 0xFF0D || c == 0x2015 || c == '-' || c == '/';
}

static int
is_unit_last(Py_UCS4 c)
{
    for (size_t k = 0; k < sizeof(UNIT_LAST) / sizeof(UNIT_LAST[0]); k++)
        if (UNIT_LAST[k] == c)
            return 1;
    return 0;
}

static int
is_present(const state_t *s, Py_UCS4 c)
{
    if (c < 128)
        return s->ascii[c];
    for (int k = 0; k < s->n_wide; k++)
        if (s->wide[k] == c)
            return 1;
    return 0;
}

/* _derive's fields of a text longer than the cache keeps (_derived: 40 characters; it then caches nothing) that
 * holds a character no number is made of (_NUMBER_RE: a decimal digit, + - , .): not a number, not a blank marker
 * (two characters at most), not 无; its compact text (without Python's whitespace) a possible label when it is not
 * empty, 80 characters at most and holds no 。 nor ；. A new reference; None (a new reference) when the text is
 * not such, NULL on an error. */
static PyObject *
long_derived(PyObject *text)
{
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), kept = 0;
    Py_UCS4 maxchar = 0;
    int other = 0, stop = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (!other && !(Py_UNICODE_ISDECIMAL(c) || c == '+' || c == '-' || c == ',' || c == '.'))
            other = 1;
        if (IS_SPACE(c))
            continue;
        kept++;
        if (c > maxchar)
            maxchar = c;
        if (c == FULL_STOP || c == FULL_SEMICOLON)
            stop = 1;
    }
    if (!other)
        Py_RETURN_NONE;
    PyObject *compact;
    if (kept == n) {
        Py_INCREF(text);
        compact = text;
    }
    else {
        compact = PyUnicode_New(kept, maxchar);
        if (compact == NULL)
            return NULL;
        int ckind = PyUnicode_KIND(compact);
        void *cdata = PyUnicode_DATA(compact);
        Py_ssize_t k = 0;
        for (Py_ssize_t i = 0; i < n; i++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, i);
            if (!IS_SPACE(c))
                PyUnicode_WRITE(ckind, cdata, k++, c);
        }
    }
    PyObject *labelish = (kept > 0 && kept <= LABEL_MAX && !stop) ? Py_True : Py_False;
    PyObject *d = PyTuple_Pack(5, compact, Py_False, Py_False, Py_False, labelish);
    Py_DECREF(compact);
    return d;
}

/* the derived fields of ``text`` (a new reference): the cache's, else the Python function's (in C for a long text
 * that is no number) */
static PyObject *
derived_of(state_t *s, PyObject *text)
{
    PyObject *d = PyDict_GetItemWithError(s->cache, text);
    if (d != NULL) {
        Py_INCREF(d);
    }
    else {
        if (PyErr_Occurred())
            return NULL;
        d = PyUnicode_GET_LENGTH(text) > CACHED_MAX ? long_derived(text) : NULL;
        if (d == Py_None) {
            Py_DECREF(d);
            d = NULL;
        }
        else if (d == NULL && PyErr_Occurred())
            return NULL;
        if (d == NULL)
            d = PyObject_CallOneArg(s->derived_fn, text);
        if (d == NULL)
            return NULL;
    }
    if (!PyTuple_CheckExact(d) || PyTuple_GET_SIZE(d) != N_DERIVED) {
        Py_DECREF(d);
        PyErr_SetString(PyExc_TypeError, "a token's derived fields are a tuple of five");
        return NULL;
    }
    return d;
}

/* appends (text, start, end, line, col, tabbed, False, None, False, None, *derived) */
static int
append_token(state_t *s, PyObject *text, Py_ssize_t start, Py_ssize_t end, Py_ssize_t line, Py_ssize_t col,
             int tabbed, PyObject *derived)
{
    PyObject *t = PyTuple_New(N_FIELDS);
    if (t == NULL)
        return -1;
    PyObject *nums[4] = {PyLong_FromSsize_t(start), PyLong_FromSsize_t(end), PyLong_FromSsize_t(line),
                         PyLong_FromSsize_t(col)};
    for (int k = 0; k < 4; k++) {
        if (nums[k] == NULL) {
            for (int j = 0; j < 4; j++)
                Py_XDECREF(nums[j]);
            Py_DECREF(t);
            return -1;
        }
    }
    Py_INCREF(text);
    PyTuple_SET_ITEM(t, 0, text);
    for (int k = 0; k < 4; k++)
        PyTuple_SET_ITEM(t, 1 + k, nums[k]);
    PyObject *flag = tabbed ? Py_True : Py_False;
    Py_INCREF(flag);
    PyTuple_SET_ITEM(t, 5, flag);
    Py_INCREF(Py_False);
    PyTuple_SET_ITEM(t, 6, Py_False);
    Py_INCREF(Py_None);
    PyTuple_SET_ITEM(t, 7, Py_None);
    Py_INCREF(Py_False);
    PyTuple_SET_ITEM(t, 8, Py_False);
    Py_INCREF(Py_None);
    PyTuple_SET_ITEM(t, 9, Py_None);
    for (int k = 0; k < N_DERIVED; k++) {
        PyObject *v = PyTuple_GET_ITEM(derived, k);
        Py_INCREF(v);
        PyTuple_SET_ITEM(t, 10 + k, v);
    }
    int r = PyList_Append(s->tokens, t);
    Py_DECREF(t);
    return r;
}

static int
append_blank(state_t *s, Py_ssize_t at, Py_ssize_t line, Py_ssize_t col)
{
    return append_token(s, EMPTY, at, at, line, col, 1, BLANK_DERIVED);
}

/* the tokens of a result list of the Python (split_fn's), appended */
static int
extend(state_t *s, PyObject *found)
{
    if (found == NULL)
        return -1;
    if (!PyList_CheckExact(found)) {
        Py_DECREF(found);
        PyErr_SetString(PyExc_TypeError, "_split_trailing_numbers returns a list");
        return -1;
    }
    Py_ssize_t n = PyList_GET_SIZE(s->tokens);
    int r = PyList_SetSlice(s->tokens, n, n, found);
    Py_DECREF(found);
    return r;
}

/* [*l, *r) of the text stripped as str.strip strips (Py_UNICODE_ISSPACE at both ends): 0 when nothing is left */
static int
trim(const state_t *s, Py_ssize_t *l, Py_ssize_t *r)
{
    while (*l < *r && Py_UNICODE_ISSPACE(CH(s, *l)))
        (*l)++;
    if (*l == *r)
        return 0;
    while (Py_UNICODE_ISSPACE(CH(s, *r - 1)))
        (*r)--;
    return 1;
}

/* a token's text, [l, r) of the text (trimmed, not empty), and its derived fields in *derived: two new
 * references, NULL (and *derived NULL) on an error */
static PyObject *
text_of(state_t *s, Py_ssize_t l, Py_ssize_t r, PyObject **derived)
{
    *derived = NULL;
    PyObject *text = PyUnicode_Substring(s->norm, l, r);
    if (text == NULL)
        return NULL;
    *derived = derived_of(s, text);
    if (*derived == NULL) {
        Py_DECREF(text);
        return NULL;
    }
    return text;
}

/* _tokenize_tabbed: the cells of the TAB row [a, b) of the text, line ``lineno`` */
static int
tabbed_row(state_t *s, Py_ssize_t a, Py_ssize_t b, Py_ssize_t lineno)
{
    Py_ssize_t cell = a, col = 0;
    for (;; col++) {
        Py_ssize_t end = cell;
        while (end < b && CH(s, end) != '\t')
            end++;
        Py_ssize_t l = cell, r = end;
        if (!trim(s, &l, &r)) { /* a blank cell is a real (blank) cell, at the cell's end */
            if (append_blank(s, end, lineno, col) < 0)
                return -1;
        }
        else {
            PyObject *derived;
            PyObject *text = text_of(s, l, r, &derived);
            if (text == NULL)
                return -1;
            int last_digit = Py_UNICODE_ISDIGIT(CH(s, r - 1));
            int ok;
            if (last_digit || Py_UNICODE_ISDIGIT(CH(s, l))) {
                int number = PyObject_IsTrue(PyTuple_GET_ITEM(derived, 1));
                if (number < 0) {
                    Py_DECREF(derived);
                    Py_DECREF(text);
                    return -1;
                }
                if (!number || !last_digit) { /* not a number alone: a label with numbers, … */
                    Py_DECREF(derived);
                    PyObject *args[5] = {text, NULL, NULL, NULL, Py_True};
                    args[1] = PyLong_FromSsize_t(l);
                    args[2] = PyLong_FromSsize_t(lineno);
                    args[3] = PyLong_FromSsize_t(col);
                    PyObject *found = NULL;
                    if (args[1] != NULL && args[2] != NULL && args[3] != NULL)
                        found = PyObject_Vectorcall(s->split_fn, args, 5, NULL);
                    Py_XDECREF(args[1]);
                    Py_XDECREF(args[2]);
                    Py_XDECREF(args[3]);
                    Py_DECREF(text);
                    if (extend(s, found) < 0)
                        return -1;
                    goto next;
                }
            }
            ok = append_token(s, text, l, r, lineno, col, 1, derived);
            Py_DECREF(derived);
            Py_DECREF(text);
            if (ok < 0)
                return -1;
        }
    next:
        if (end >= b)
            return 0;
        cell = end + 1;
    }
}

/* the line [a, b) by the Python (line_fn(tokens, line, pos, lineno)) */
static int
by_python(state_t *s, Py_ssize_t a, Py_ssize_t b, Py_ssize_t lineno)
{
    PyObject *args[4] = {s->tokens, PyUnicode_Substring(s->norm, a, b), PyLong_FromSsize_t(a),
                         PyLong_FromSsize_t(lineno)};
    PyObject *r = NULL;
    if (args[1] != NULL && args[2] != NULL && args[3] != NULL)
        r = PyObject_Vectorcall(s->line_fn, args, 4, NULL);
    Py_XDECREF(args[1]);
    Py_XDECREF(args[2]);
    Py_XDECREF(args[3]);
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    return 0;
}

/* one line [a, b) of the text, not empty */
static int
one_line(state_t *s, Py_ssize_t a, Py_ssize_t b, Py_ssize_t lineno)
{
    int tab = 0, space = 0, double_space = 0;
    Py_UCS4 prev = 0;
    for (Py_ssize_t i = a; i < b; i++) {
        Py_UCS4 c = CH(s, i);
        if (c == '\t')
            tab = 1;
        else if (c == ' ') {
            if (prev == ' ')
                double_space = 1;
            space = 1;
        }
        else if (c == FULL_STOP && (prev == ' ' || prev == '\t'))
            return by_python(s, a, b, lineno); /* a lone 。 between numbers, maybe */
        if (is_present(s, c))
            return by_python(s, a, b, lineno); /* a confusable letter: OCR's reading of a digit, maybe */
        prev = c;
    }
    if (!space && !tab && Py_UNICODE_ISDIGIT(CH(s, a)))
        return by_python(s, a, b, lineno); /* a row of numbers and rule marks, maybe */
    if (tab)
        return tabbed_row(s, a, b, lineno);
    Py_UCS4 last = CH(s, b - 1);
    if (double_space || Py_UNICODE_ISDIGIT(last) || (space && is_unit_last(last)))
        return by_python(s, a, b, lineno);
    if (space && is_dash_last(last))
        return by_python(s, a, b, lineno); /* a row, a dash last among its values, maybe */
    Py_ssize_t l = a, r = b;
    if (!trim(s, &l, &r))
        return by_python(s, a, b, lineno); /* spaces alone */
    Py_UCS4 head = CH(s, l);
    if (Py_UNICODE_ISDIGIT(head) || head == '+' || head == '-')
        return by_python(s, a, b, lineno);
    PyObject *derived;
    PyObject *text = text_of(s, l, r, &derived);
    if (text == NULL)
        return -1;
    int ok = append_token(s, text, l, r, lineno, 0, 0, derived);
    Py_DECREF(derived);
    Py_DECREF(text);
    return ok;
}

static PyObject *
tokenize(PyObject *self, PyObject *args)
{
    state_t s;
    PyObject *present, *nbsp;
    if (!PyArg_ParseTuple(args, "UO!UOO!OOO:tokenize", &s.norm, &PyList_Type, &s.tokens, &present, &nbsp,
                          &PyDict_Type, &s.cache, &s.derived_fn, &s.split_fn, &s.line_fn))
        return NULL;
    if (!PyAnySet_Check(nbsp)) {
        PyErr_SetString(PyExc_TypeError, "nbsp_lines is a set");
        return NULL;
    }
    memset(s.ascii, 0, sizeof(s.ascii));
    s.n_wide = 0;
    for (Py_ssize_t k = 0; k < PyUnicode_GET_LENGTH(present); k++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(present, k);
        if (c < 128)
            s.ascii[c] = 1;
        else if (s.n_wide < MAX_WIDE)
            s.wide[s.n_wide++] = c;
        else {
            PyErr_SetString(PyExc_ValueError, "too many confusable letters");
            return NULL;
        }
    }
    s.kind = PyUnicode_KIND(s.norm);
    s.data = PyUnicode_DATA(s.norm);
    Py_ssize_t n = PyUnicode_GET_LENGTH(s.norm), a = 0, lineno = 0;
    int any_nbsp = PySet_GET_SIZE(nbsp) > 0;
    for (;; lineno++) {
        Py_ssize_t b = a;
        while (b < n && CH(&s, b) != '\n')
            b++;
        if (b > a) {
            int blank = 0;
            if (any_nbsp) {
                PyObject *key = PyLong_FromSsize_t(lineno);
                blank = key == NULL ? -1 : PySet_Contains(nbsp, key);
                Py_XDECREF(key);
            }
            if (blank < 0)
                return NULL;
            if (blank ? append_blank(&s, b, lineno, 0) < 0 : one_line(&s, a, b, lineno) < 0)
                return NULL;
        }
        if (b >= n)
            break;
        a = b + 1;
    }
    Py_RETURN_NONE;
}

/* present(norm, chars): the characters of ``chars`` that ``norm`` prints, in their order in ``chars`` (one pass) */
static PyObject *
present(PyObject *self, PyObject *args)
{
    PyObject *norm, *chars;
    if (!PyArg_ParseTuple(args, "UU:present", &norm, &chars))
        return NULL;
    Py_ssize_t m = PyUnicode_GET_LENGTH(chars);
    if (m > MAX_WIDE) {
        PyErr_SetString(PyExc_ValueError, "too many characters");
        return NULL;
    }
    Py_UCS4 want[MAX_WIDE], last = 0;
    int found[MAX_WIDE] = {0};
    signed char ascii[128];
    memset(ascii, -1, sizeof(ascii));
    for (Py_ssize_t k = 0; k < m; k++) {
        want[k] = PyUnicode_READ_CHAR(chars, k);
        if (want[k] > last)
            last = want[k];
        if (want[k] < 128 && ascii[want[k]] < 0)
            ascii[want[k]] = (signed char)k;
    }
    int kind = PyUnicode_KIND(norm);
    const void *data = PyUnicode_DATA(norm);
    Py_ssize_t n = PyUnicode_GET_LENGTH(norm), left = m;
    for (Py_ssize_t i = 0; i < n && left > 0; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c < 128) {
            if (ascii[c] >= 0 && !found[(int)ascii[c]]) {
                found[(int)ascii[c]] = 1;
                left--;
            }
            continue;
        }
        if (c > last) /* an ideograph, past every character looked for */
            continue;
        for (Py_ssize_t k = 0; k < m; k++) {
            if (want[k] == c && !found[k]) {
                found[k] = 1;
                left--;
            }
        }
    }
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    for (Py_ssize_t k = 0; k < m; k++) {
        if (!found[k])
            continue;
        PyObject *c = PyUnicode_Substring(chars, k, k + 1);
        if (c == NULL || PyList_Append(out, c) < 0) {
            Py_XDECREF(c);
            Py_DECREF(out);
            return NULL;
        }
        Py_DECREF(c);
    }
    return out;
}

static PyMethodDef methods[] = {
    {"present", present, METH_VARARGS,
     "present(norm, chars): the characters of chars that norm prints, in their order in chars (a list of str)."},
    {"tokenize", tokenize, METH_VARARGS,
     "tokenize(norm, tokens, present, nbsp_lines, derived, derived_fn, split_fn, line_fn): the tokens of the "
     "normalised text appended to tokens, as tokenizer.tokenize_by_python makes them (present: the confusable "
     "letters the text prints; nbsp_lines: the lines of no-break spaces alone; derived: the cache of derived "
     "fields, derived_fn its function; split_fn: _split_trailing_numbers; line_fn(tokens, line, pos, lineno): the "
     "Python for any other line)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_tokens", NULL, -1, methods};

PyMODINIT_FUNC
PyInit__tokens(void)
{
    EMPTY = PyUnicode_New(0, 0);
    if (EMPTY == NULL)
        return NULL;
    BLANK_DERIVED = PyTuple_Pack(5, EMPTY, Py_False, Py_False, Py_False, Py_False);
    if (BLANK_DERIVED == NULL)
        return NULL;
    return PyModule_Create(&module);
}
