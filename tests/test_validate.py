"""Validation: the seed defects with their locations, and a corpus of bad specs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.core.errors import SpecError
from generator.spec.load import load_document
from generator.spec.validate import validate_document
from tests.conftest import SPECS

BAD = Path(__file__).parent / "fixtures" / "bad"
BAD_SPECS = {
    p.stem: p for p in [*BAD.glob("*.yaml"), *BAD.glob("*.json")] if not p.stem.endswith(".overlay")
}
BAD_CASES = sorted(BAD_SPECS)


def _published(vendor: str) -> list[str]:
    """Diagnostics for the vendor's spec as published, without our overlay."""
    document = load_document(SPECS / vendor / "openapi.yaml", f"specs/{vendor}/openapi.yaml")
    try:
        _, found = validate_document(document, f"specs/{vendor}/overlay.yaml")
    except SpecError as exc:
        found = exc.diagnostics
    return [d.format() for d in found]


def test_loyaltylion_both_mapping_entries_reported_with_locations() -> None:
    assert _published("loyaltylion") == [
        "specs/loyaltylion/openapi.yaml:259:25: error[discriminator-mapping-not-string]: "
        "discriminator mapping 'points' is {'$ref': '#/components/schemas/TierEligibilityPoints'}; "
        "OpenAPI requires a schema name or reference string\n"
        "  at: /components/schemas/CustomersUpdateCustomerResponseBody/properties/customer/properties/tier_eligibility/anyOf/0/discriminator/mapping/points\n"
        "  hint: replace it with the reference string in specs/loyaltylion/overlay.yaml",
        "specs/loyaltylion/openapi.yaml:261:25: error[discriminator-mapping-not-string]: "
        "discriminator mapping 'spend' is {'$ref': '#/components/schemas/TierEligibilitySpend'}; "
        "OpenAPI requires a schema name or reference string\n"
        "  at: /components/schemas/CustomersUpdateCustomerResponseBody/properties/customer/properties/tier_eligibility/anyOf/0/discriminator/mapping/spend\n"
        "  hint: replace it with the reference string in specs/loyaltylion/overlay.yaml",
    ]


def test_imprint_undefined_basic_auth_reported() -> None:
    assert _published("imprint") == [
        "specs/imprint/openapi.yaml:9:16: error[undefined-security-scheme]: security requires "
        "'basicAuth', which components.securitySchemes does not define\n"
        "  at: /security/0/basicAuth\n"
        "  hint: define it in specs/imprint/overlay.yaml, or remove the requirement there"
    ]


def test_loyaltydog_authorization_header_parameter_reported() -> None:
    found = _published("loyaltydog")
    assert found[0] == (
        "specs/loyaltydog/openapi.yaml:64:11: warning[ignored-header-parameter]: header parameter "
        "'authorization' is ignored (OpenAPI: Accept, Content-Type and Authorization are set by the "
        "client)\n"
        "  at: /paths/~1v2~1loyalty~1programs~1{programId}~1customers~1{customerId}/put/parameters/2\n"
        "  hint: remove it in specs/loyaltydog/overlay.yaml"
    )
    assert len(found) == 2 and "unknown-format" in found[1]


@pytest.mark.parametrize("vendor", ["loyaltydog", "loyaltylion", "imprint", "capillary"])
def test_overlaid_specs_are_valid(vendor: str) -> None:
    assert main(["validate", "--specs", str(SPECS), vendor]) == 0


def _bad_case_workspace(case: str, tmp_path: Path) -> tuple[Path, Path]:
    """specs/<case>/ holding the case's spec (and overlay), and where to generate."""
    specs = tmp_path / "specs"
    (specs / case).mkdir(parents=True)
    spec = BAD_SPECS[case]
    shutil.copy(spec, specs / case / f"openapi{spec.suffix}")
    if (BAD / f"{case}.overlay.yaml").exists():
        shutil.copy(BAD / f"{case}.overlay.yaml", specs / case / "overlay.yaml")
    return specs, tmp_path / "generated"


@pytest.mark.parametrize("case", BAD_CASES)
def test_bad_spec_gives_exact_diagnostics_and_exit_1(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    specs, out = _bad_case_workspace(case, tmp_path)
    # --strict: a case whose problems are warnings must fail too, with the same messages.
    assert main(["generate", "--strict", "--specs", str(specs), "--out", str(out)]) == 1
    expected = (BAD / f"{case}.expected.txt").read_text(encoding="utf-8")
    assert capsys.readouterr().err == expected
    assert not out.exists()


@pytest.mark.parametrize("case", BAD_CASES)
def test_bad_spec_validated_while_the_models_render_elsewhere_gives_the_same_diagnostics(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # As on two cores: the client is built, and the models rendered by another process,
    # before openapi-spec-validator answers, even from a document it rejects.
    from generator import pipeline

    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 2)
    specs, out = _bad_case_workspace(case, tmp_path)
    assert main(["generate", "--strict", "--specs", str(specs), "--out", str(out)]) == 1
    expected = (BAD / f"{case}.expected.txt").read_text(encoding="utf-8")
    assert capsys.readouterr().err == expected
    assert not out.exists()


def test_every_bad_case_has_expected_output() -> None:
    assert (
        sorted(p.name.removesuffix(".expected.txt") for p in BAD.glob("*.expected.txt"))
        == BAD_CASES
    )
    assert len(BAD_CASES) >= 40


# Cases whose every diagnostic is a reading (readings.RULES): without --strict they give a client.
READABLE = [
    "bare_verb_operation_ids",
    "dangling_discriminator_mapping",
    "default_not_its_format",
    "default_violates_its_schema",
    "discriminator_not_objects",
    "duplicate_enum_values",
    "media_types_and_servers",
    "number_as_string",
    "openapi30_with_31_keywords",
    "openapi31_with_30_exclusive_bounds",
    "operation_ids_around_path",
    "operation_ids_differ_in_spelling",
    "pattern_dialect",
    "query_in_path",
    "required_empty",
    "required_undefined_property",
    "server_placeholder",
    "unknown_fields_31",
    "yaml_line_separator",
    "yaml_tab_line",
    "yaml_value_scalar",
]


@pytest.mark.parametrize("case", READABLE)
def test_a_spec_with_a_clear_reading_gives_a_client_with_located_warnings(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    specs, out = _bad_case_workspace(case, tmp_path)
    # --verbose: every warning in full, as --strict prints every error.
    assert main(["generate", "--verbose", "--specs", str(specs), "--out", str(out)]) == 0
    expected = (BAD / f"{case}.expected.txt").read_text(encoding="utf-8").splitlines()[:-1]
    warnings = capsys.readouterr().err.splitlines()
    assert warnings == [line.replace(": error[", ": warning[", 1) for line in expected]
    assert (out / case / "__init__.py").is_file()
