"""The import-linter contracts that `make test` runs catch an import against the layers, on a copy of the code."""

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
CONTRACTS = {contract["id"]: contract["name"] for contract in CONFIG["contracts"]}


def _python_files_only(folder, names):
    return [name for name in names if name == "__pycache__" or (Path(folder, name).is_file() and name[-3:] != ".py")]


@pytest.fixture
def project_copy(tmp_path):
    """The root packages' Python files and pyproject.toml in a scratch folder: tests break the copy, never the tree."""
    assert LINT_IMPORTS.exists(), "import-linter is missing: install requirements-dev.txt"
    for package in CONFIG["root_packages"]:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=_python_files_only)
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    return tmp_path


def lint_imports(folder):
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    result = subprocess.run(
        [LINT_IMPORTS, "--no-cache"], cwd=folder, env=env, capture_output=True, text=True, timeout=120
    )
    # Long contract names wrap at the terminal's width.
    return result.returncode, " ".join((result.stdout + result.stderr).split())


def test_the_code_as_it_is_keeps_every_contract(project_copy):
    status, output = lint_imports(project_copy)
    assert status == 0, output
    for name in CONTRACTS.values():
        assert f"{name} KEPT" in output


@pytest.mark.parametrize(
    ("module", "offending_import", "contract"),
    [
        # core, at the bottom, reaching up to search
        ("marketplace/core/offending.py", "import search.forms", "layers"),
        # the directory and guidance are siblings that know nothing of each other
        ("providers/offending.py", "from home.models import Topic", "layers"),
        # reviews may read the directory's models and services, never its views
        ("reviews/offending.py", "from providers.views import public", "leaves"),
        # an app using a demo builder
        ("search/offending.py", "from marketplace import demo", "demo-apart"),
    ],
)
def test_an_import_against_the_layers_fails_naming_the_contract(project_copy, module, offending_import, contract):
    (project_copy / module).write_text(offending_import + "\n")

    status, output = lint_imports(project_copy)

    assert status != 0
    assert f"{CONTRACTS[contract]} BROKEN" in output
    assert module.removesuffix(".py").replace("/", ".") in output
