"""Every template's tags are ones Django understands: a `{# #}` comment, `{{ }}` or `{% %}` split over lines is not a
tag to Django, so it is printed on the page as it stands (a comment over two lines showed above every review)."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template.base import Lexer, TokenType

TAG_MARK = re.compile(r"\{[#%{]|[#%}]\}")


def template_files():
    for directory in settings.TEMPLATES[0]["DIRS"]:
        yield from sorted(path for path in Path(directory).rglob("*") if path.suffix in {".html", ".txt", ".xml"})


def leaked_tags(source):
    """(line, text) of each piece of template syntax that Django would print as text, outside {% verbatim %}."""
    leaks = []
    verbatim = False
    for token in Lexer(source).tokenize():
        if token.token_type == TokenType.BLOCK and token.contents.startswith(("verbatim", "endverbatim")):
            verbatim = token.contents.startswith("verbatim")
        elif token.token_type == TokenType.TEXT and not verbatim:
            for found in TAG_MARK.finditer(token.contents):
                leaks.append((token.lineno + token.contents[: found.start()].count("\n"), found.group()))
    return leaks


def test_the_check_finds_a_comment_over_two_lines():
    source = "{% load i18n %}{# One review:\n   its heading levels. #}\n<p>{{ text }}</p>{% if x %}\n{% endif %}"
    assert leaked_tags(source) == [(1, "{#"), (2, "#}")]


def test_the_check_finds_a_variable_and_a_tag_over_two_lines():
    assert leaked_tags("<p>{{ text\n }}</p>{% if x\n %}{% endif %}") == [(1, "{{"), (2, "}}"), (2, "{%"), (3, "%}")]


def test_the_check_accepts_comment_blocks_and_verbatim():
    source = "{% comment %}Over\ntwo lines{% endcomment %}{% verbatim %}{{ as is }}{% endverbatim %}{# one line #}"
    assert leaked_tags(source) == []


@pytest.mark.parametrize("path", list(template_files()), ids=lambda path: str(path.relative_to(settings.BASE_DIR)))
def test_no_template_prints_its_own_syntax(path):
    leaks = leaked_tags(path.read_text(encoding="utf-8"))
    assert not leaks, f"{path}: template syntax that Django prints as text at " + ", ".join(
        f"line {line} ({mark})" for line, mark in leaks
    )
