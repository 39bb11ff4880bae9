"""Hypothesis strategies for hostile input: what probing tools, careless pastes and broken clients send."""

import functools
import io
import string

from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import strategies as st
from PIL import Image

MARKUP = "<script>alert('fuzz')</script>"  # must never come back unescaped in a page

HUGE_INTS = ["9223372036854775808", "-9223372036854775809", "18446744073709551616", "9" * 40, "2147483648"]
NASTY = [
    '"',
    "'",
    "\"'>",
    "\x00",
    "a\x00b",
    "%00",
    "\\",
    "*",
    "(",
    "NEAR(",
    "a AND",
    "-",
    ":",
    "^",
    MARKUP,
    '"><img src=x onerror=alert(1)>',
    "'; DROP TABLE providers_listing; --",
    "{{ 7|add:7 }}",
    "{% now 'Y' %}",
    "\u202eexe.gnp",  # right-to-left override
    "\u200f\u200e\u202a\u202b\u202c\u2066\u2069",
    "\ufeff",
    "\u0000\u0001\u001f\u007f",
    "１２３",
    "٣",
    "☃💩𝔘𝔫𝔦",
    "ਪੰਜਾਬੀ اردو 简体中文",
    "NaN",
    "Infinity",
    "-0",
    "1e309",
    "0x10",
    "1.5",
    " ",
    "",
    "\t\n\r",
    "x" * 300,
    "ab " * 2000,
    "y" * 20_000,
    "../../etc/passwd",
    "javascript:alert(1)",
    "http://evil.example/",
    "//evil.example",
    "person@example.org",
    "Person@Example.ORG ",
    "EH6 5AA",
    "EH6",
    "Edinburgh",
    "on",
    "true",
    "None",
    "[]",
    "{}",
    *HUGE_INTS,
    "0",
    "-1",
    "1",
    "2",
]

# The values that broke the site before, drawn more often than the rest.
CLASSICS = ['"', "'", "\x00", "\"'>", "9223372036854775808", "-9223372036854775809", "\u202e", ""]
classics = st.sampled_from(CLASSICS)
nasty = st.one_of(classics, st.sampled_from(NASTY))
numbers = st.one_of(
    st.sampled_from(HUGE_INTS + ["1e5", "-1.5", "nan", "inf", "3.0", "0.001"]),
    st.integers(-(10**20), 10**20).map(str),
)
# Random unicode, short (long text is a short one repeated: drawing thousands of characters one by one is slow).
short_text = st.text(max_size=24)
text = st.one_of(short_text, short_text.map(lambda item: (item or "x") * 60))
value = st.one_of(classics, nasty, numbers, text)


huge = st.sampled_from(HUGE_INTS)


@functools.cache
def _values(valid):
    if not valid:
        return value
    if all(item.lstrip("-").isdigit() for item in valid):  # ids: numbers no database column can hold are likelier
        return st.one_of(st.sampled_from(valid), huge, value)
    return st.one_of(st.sampled_from(valid), value)


def values(valid=()):
    """One parameter's value: a valid one sometimes (so later checks run), else something hostile."""
    return _values(tuple(str(item) for item in valid))


@functools.cache
def _param_values(valid):
    one = values(valid)
    return st.one_of(one.map(lambda item: [item]), st.lists(one, min_size=2, max_size=4))


def param_values(valid=()):
    """What a parameter carries: usually one value, sometimes the same name repeated with several."""
    return _param_values(tuple(str(item) for item in valid))


JUNK_NAMES = st.one_of(
    st.sampled_from(
        ["page", "id", "pk", "next", "q", "lang", "format", "csrfmiddlewaretoken", "\x00", "a[]", "__proto__"]
    ),
    st.text(alphabet=string.ascii_letters + string.digits + "_-[].", min_size=1, max_size=12),
)


def _png():
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


PNG = _png()
UPLOADS = [
    ("photo.png", PNG, "image/png"),
    ("evidence.pdf", b"%PDF-1.4\n%fuzz\n", "application/pdf"),
    ("evidence.html", b"%PDF-1.4\n<script>alert(1)</script>", "text/html"),
    ("\u202egnp.exe", PNG, "image/png"),
    ("empty.png", b"", "image/png"),
    ("noise.jpg", bytes(range(256)) * 4, "image/jpeg"),
    ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png"),  # a PNG signature with nothing behind it
    ("../../escape.pdf", b"%PDF-1.4\n", "application/pdf"),
    ("a" * 300 + ".pdf", b"%PDF-1.4\n", "application/pdf"),
]
upload = st.sampled_from(UPLOADS).map(lambda item: SimpleUploadedFile(item[0], item[1], content_type=item[2]))
