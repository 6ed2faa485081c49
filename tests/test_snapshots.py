"""Spec drift: committed clients must match their specs, and surface changes must be accepted."""

from __future__ import annotations

import re
import shutil
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

import pytest

from generator.cli import main
from generator.output.write import read_tree
from tests.conftest import GENERATED, SPECS


def _snapshot(root: Path) -> dict[str, str]:
    return {str(k): v for k, v in read_tree(root).items()}


@pytest.fixture
def workspace(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of specs/ and generated/ to change freely."""
    specs, out = tmp_path / "specs", tmp_path / "generated"
    shutil.copytree(SPECS, specs)
    shutil.copytree(GENERATED, out, ignore=shutil.ignore_patterns("__pycache__"))
    return specs, out


def test_committed_clients_and_surfaces_are_up_to_date(capsys: pytest.CaptureFixture[str]) -> None:
    before = _snapshot(GENERATED)
    code = main(["check", "--specs", str(SPECS), "--out", str(GENERATED)])
    assert code == 0, capsys.readouterr().out
    assert _snapshot(GENERATED) == before


def test_spec_change_without_regeneration_is_reported(
    workspace: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    specs, out = workspace
    spec = specs / "imprint" / "openapi.yaml"
    spec.write_text(
        spec.read_text().replace(
            "        ssn4:\n",
            "        nickname:\n          type: string\n        ssn4:\n",
        )
    )
    before = _snapshot(out), _snapshot(specs)
    assert main(["check", "--specs", str(specs), "--out", str(out)]) == 1
    report = capsys.readouterr().out
    assert f"imprint: {out}/imprint is out of date with its spec; run `make generate`" in report
    assert f"  changed: {out}/imprint/models/customer.py" in report
    assert "+    nickname: str | MISSING = MISSING" in report
    # Every changed file's diff, not only the first one's.
    assert report.count("(committed)") == report.count("  changed: ") > 1
    assert "run `make accept-surface VENDOR=imprint`" in report
    assert "+  nickname: string (optional)" in report
    assert "loyaltydog" not in report
    assert (_snapshot(out), _snapshot(specs)) == before  # check writes nothing


def test_regenerated_but_unaccepted_surface_is_reported(
    workspace: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    specs, out = workspace
    overlay = specs / "loyaltydog" / "overlay.yaml"
    overlay.write_text(
        overlay.read_text().replace("x-python-name: update_customer", "x-python-name: put_customer")
    )
    assert main(["generate", "--specs", str(specs), "--out", str(out), "loyaltydog"]) == 0
    assert (
        f"{out}/loyaltydog: the spec's surface changed; review it with `make check`, then "
        "`make accept-surface VENDOR=loyaltydog`"
    ) in capsys.readouterr().out
    assert main(["check", "--specs", str(specs), "--out", str(out)]) == 1
    report = capsys.readouterr().out
    assert "out of date" not in report
    assert "loyaltydog: the spec's surface changed" in report
    assert "+operation customers.put_customer: PUT" in report
    assert main(["accept-surface", "--specs", str(specs), "loyaltydog"]) == 0
    assert main(["check", "--specs", str(specs), "--out", str(out)]) == 0


def test_a_file_black_would_change_fails_the_check_as_the_generators_bug(
    workspace: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """black is the standard that formatting, ruff's alone, meets (issue 29)."""
    from generator.output import format as formatting

    formatted_by_ruff = formatting._ruff_format

    def unlike_black(files: Mapping[PurePosixPath, str]) -> dict[PurePosixPath, str]:
        # Three blank lines where black keeps two.
        return {
            path: text + ("\n\n\n# the end\n" if path.name == "_client.py" else "")
            for path, text in formatted_by_ruff(files).items()
        }

    monkeypatch.setattr(formatting, "_ruff_format", unlike_black)
    specs, out = workspace
    (out / "loyaltylion" / formatting.FORMATTED_NAME).unlink()  # else kept, not formatted
    assert main(["check", "--specs", str(specs), "--out", str(out), "loyaltylion"]) == 3
    assert (
        "internal error (a bug in the generator): NotBlack: black would change 1 generated "
        "file(s), which ruff's formatter laid out otherwise: generated/loyaltylion/_client.py;"
    ) in capsys.readouterr().err


def test_generation_is_byte_for_byte_reproducible(tmp_path: Path) -> None:
    for name in ("a", "b"):
        assert main(["generate", "--specs", str(SPECS), "--out", str(tmp_path / name)]) == 0
    first, second = _snapshot(tmp_path / "a"), _snapshot(tmp_path / "b")
    assert first == second
    assert first == _snapshot(GENERATED)


def test_failed_run_leaves_generated_exactly_as_it_was(workspace: tuple[Path, Path]) -> None:
    specs, out = workspace
    (specs / "imprint" / "openapi.yaml").write_text("openapi: 3.1.0\ninfo: [\n")
    before = _snapshot(out)
    assert main(["generate", "--specs", str(specs), "--out", str(out)]) == 1
    assert _snapshot(out) == before
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in GENERATED.iterdir())


def test_a_new_vendor_is_a_directory_and_a_generate(workspace: tuple[Path, Path]) -> None:
    specs, out = workspace
    (specs / "acme").mkdir()
    (specs / "acme" / "openapi.yaml").write_text(
        "openapi: 3.1.0\ninfo: {title: Acme, version: '1'}\n"
        "servers: [{url: 'https://api.acme.test'}]\n"
        "paths:\n  /ping:\n    get:\n      operationId: ping\n"
        "      responses: {'204': {description: pong}}\n"
    )
    assert main(["generate", "--specs", str(specs), "--out", str(out), "acme"]) == 0
    assert (
        (out / "acme" / "_client.py")
        .read_text()
        .startswith("# Generated from specs/acme/openapi.yaml. Do not edit; run make generate.\n")
    )
    assert (specs / "acme" / "surface.txt").exists()


def test_unchanged_vendors_are_skipped_and_changed_ones_rebuilt(
    workspace: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    specs, out = workspace
    assert main(["generate", "--specs", str(specs), "--out", str(out)]) == 0
    assert capsys.readouterr().out == (
        "up to date (inputs unchanged): capillary, imprint, loyaltydog, loyaltylion\n"
    )
    spec = specs / "imprint" / "openapi.yaml"
    spec.write_text(spec.read_text().replace("title: Public Imprint API", "title: Imprint API"))
    assert main(["generate", "--specs", str(specs), "--out", str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert re.fullmatch(
        rf"{re.escape(str(out))}/imprint: 1 operation\(s\), built in \d+\.\d s", lines[0]
    )
    assert lines[1:] == ["up to date (inputs unchanged): capillary, loyaltydog, loyaltylion"]
    assert "Imprint API" in (out / "imprint" / "_client.py").read_text()


def _loaded_by_a_generation(specs: Path, out: Path, modules: tuple[str, ...]) -> list[str]:
    """Those of ``modules`` that `generate` loads in its own process."""
    import ast
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from generator.cli import main\n"
        f"assert main(['generate', '--specs', {str(specs)!r}, '--out', {str(out)!r}]) == 0\n"
        f"print(sorted(m for m in {modules!r} if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=GENERATED.parent,
        capture_output=True,
        text=True,
        check=True,
    )
    loaded: list[str] = ast.literal_eval(result.stdout.splitlines()[-1])
    return loaded


def test_a_no_op_run_imports_none_of_the_heavy_tools(workspace: tuple[Path, Path]) -> None:
    heavy = ("datamodel_code_generator", "black", "isort", "openapi_spec_validator", "jinja2")
    assert _loaded_by_a_generation(*workspace, heavy) == []


def test_a_spec_without_an_overlay_is_generated_without_the_overlays_jsonpath(
    workspace: tuple[Path, Path],
) -> None:
    """Capillary has no overlay: the JSONPath library (50 ms to import) is not loaded for it;
    Imprint has one, and it is."""
    specs, out = workspace
    for vendor, loaded in (("capillary", []), ("imprint", ["jsonpath"])):
        spec = specs / vendor / "openapi.yaml"
        spec.write_text(spec.read_text() + "# edited\n")
        assert _loaded_by_a_generation(specs, out, ("jsonpath",)) == loaded, vendor


def test_a_generation_imports_no_http_client(workspace: tuple[Path, Path]) -> None:
    """The generator reads the runtime's table of status errors; httpx (and click, which it
    imports) are the clients' and cost 0.1 s before the spec is read."""
    specs, out = workspace
    spec = specs / "imprint" / "openapi.yaml"
    spec.write_text(spec.read_text().replace("title: Public Imprint API", "title: Imprint API"))
    assert _loaded_by_a_generation(specs, out, ("httpx", "click")) == []
    assert "Imprint API" in (out / "imprint" / "_client.py").read_text()
