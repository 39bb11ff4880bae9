"""Property-based fuzzing of every view: whatever anyone sends (hostile parameters, forms, URL arguments, methods),
as anyone (anonymous, or signed in as the role the view is for), the answer is a page or a redirect, never a server
error, and markup sent in never comes back unescaped.

About ten thousand cases per run; the count and the server errors met are printed in the test summary (with -v,
per view). FUZZ_SCALE=0.1 runs a tenth of them, for a quick look while changing a view.
"""

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from . import engine
from .targets import ALLOWED, ALLOWED_ADMIN_PREFIX, PROJECT_MODULES, TARGETS

pytestmark = pytest.mark.django_db

MIN_CASES = 10_000
SCALE = float(os.environ.get("FUZZ_SCALE", "1"))  # e.g. FUZZ_SCALE=0.1 for a quick local run


def _needs_entry(key, route, module):
    if key in ALLOWED:
        return False
    return not (route.startswith(ALLOWED_ADMIN_PREFIX) and not module.startswith(PROJECT_MODULES))


def test_every_view_has_a_fuzz_entry():
    fuzzed = {target.name for target in TARGETS}
    served = {key for key, route, module, _positional in engine.url_patterns() if _needs_entry(key, route, module)}

    assert served - fuzzed == set(), "add these views to tests/unit/fuzz/targets.py (or to ALLOWED, with a reason)"
    assert fuzzed - served == set(), "these fuzz entries name no view the site serves"


def test_the_budget_is_ten_thousand_cases():
    assert sum(target.examples for target in TARGETS) >= MIN_CASES


@pytest.mark.parametrize("target", TARGETS, ids=str)
def test_no_input_gives_a_server_error(world, target):
    positional = target.name in engine.positional_names()
    fields = {}  # role -> (field names, file field names) from the page as that role sees it
    for role in target.roles:
        if "POST" not in target.methods:
            fields[role] = (set(), set())
            continue
        path = engine.real_path(target, world, positional)
        response = engine.send(world, target, role, "GET", path, [])
        engine.check(response, f"GET {path} as {role}")
        fields[role] = engine.page_fields(response.content.decode(errors="replace"))

    roles = st.sampled_from(target.roles)
    methods = st.sampled_from(target.methods * 4 + engine.METHODS_ALWAYS)
    paths = engine.url_for(target, world, positional)
    queries = engine.query_pairs(target)

    @settings(
        max_examples=max(1, round(target.examples * SCALE)),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )
    @given(data=st.data())
    def case(data):
        role = data.draw(roles, label="role")
        method = data.draw(methods, label="method")
        path = data.draw(paths, label="path")
        pairs = data.draw(queries, label="query")
        body = None
        if method in ("POST", "PUT"):
            baseline = target.form(world, role) if target.form else {}
            names, file_names = fields[role]
            body = data.draw(engine.form_body(baseline, names, file_names), label="body")
        response = engine.send(world, target, role, method, path, pairs, body)
        engine.check(response, f"{method} {path} as {role}")

    case()
