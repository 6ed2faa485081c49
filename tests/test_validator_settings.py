"""The validator libraries' settings, fixed in generator/spec/validator_settings.py: the same
names and defaults as the libraries' own, the same verdicts, and no pydantic in the command.
Each check runs in a process of its own: which settings a process reads is decided by what
it imported first."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import openapi_schema_validator
import openapi_spec_validator

from tests.test_validate import BAD_SPECS

ROOT = Path(__file__).resolve().parents[1]
LIBRARIES = ("openapi_spec_validator", "openapi_schema_validator")


def _run(code: str) -> object:
    """What ``code`` prints (JSON), run by a fresh interpreter without the libraries' settings
    variables in its environment."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAPI_")}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def _imported_from_settings() -> dict[str, set[str]]:
    """Each library's settings module: the names the two libraries import from it."""
    names: dict[str, set[str]] = {f"{library}.settings": set() for library in LIBRARIES}
    for package in (openapi_spec_validator, openapi_schema_validator):
        for source in Path(package.__file__).parent.rglob("*.py"):
            for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom) and node.module in names:
                    names[node.module].update(alias.name for alias in node.names)
    return names


def test_the_fixed_settings_give_every_name_the_libraries_import_from_theirs() -> None:
    imported = _imported_from_settings()
    assert imported["openapi_spec_validator.settings"] >= {"OpenAPISpecValidatorSettings"}
    assert imported["openapi_schema_validator.settings"] >= {"get_settings"}
    given = _run(
        "import json, sys\n"
        "from generator.spec.validator_settings import fix_validator_settings\n"
        "fix_validator_settings()\n"
        f"print(json.dumps({{m: sorted(vars(sys.modules[m])) for m in {sorted(imported)!r}}}))"
    )
    assert isinstance(given, dict)
    for module, names in imported.items():
        assert names <= set(given[module]), module


def test_the_fixed_settings_are_the_libraries_defaults() -> None:
    settings = (
        "import json\n"
        "from openapi_spec_validator.settings import OpenAPISpecValidatorSettings\n"
        "from openapi_spec_validator.schemas import get_validator_backend\n"
        "from openapi_schema_validator.settings import get_settings\n"
        "spec = OpenAPISpecValidatorSettings()\n"
        "print(json.dumps([spec.resolved_cache_maxsize, get_validator_backend(),\n"
        "    get_settings().compiled_validator_cache_max_size]))"
    )
    fixed = "from generator.spec.validator_settings import fix_validator_settings\n"
    theirs = _run(settings)
    ours = _run(f"{fixed}fix_validator_settings()\n{settings}")
    assert theirs == ours == [128, "jsonschema", 128]


def test_the_command_validates_as_with_the_libraries_settings_and_imports_no_pydantic() -> None:
    validate = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from generator.core.errors import SpecError\n"
        "from generator.spec.load import load_document\n"
        "from generator.spec.validate import validate_document\n"
        "found = {}\n"
        f"for path in {sorted(str(p) for p in BAD_SPECS.values())!r}:\n"
        "    try:\n"
        "        found[path] = [d.format() for d in validate_document(load_document(Path(path)))[1]]\n"
        "    except SpecError as exc:\n"
        "        found[path] = [d.format() for d in exc.diagnostics]\n"
        "print(json.dumps([found, 'pydantic' in sys.modules]))"
    )
    ours = _run(validate)
    # Imported first, the libraries read their own settings (validator_settings leaves them).
    theirs = _run(f"import openapi_spec_validator, openapi_schema_validator\n{validate}")
    assert isinstance(ours, list) and isinstance(theirs, list)
    assert ours[0] == theirs[0]
    # The validator found what only it finds (and so ran), and defaults were checked.
    said = [d for found in ours[0].values() for d in found]
    assert any("error[invalid-openapi]" in d for d in said)
    assert any("error[unknown-field]" in d or "did you mean" in d for d in said)
    assert any("default" in d for d in said)
    assert ours[1] is False and theirs[1] is True
