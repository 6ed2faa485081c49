"""The deprecation policy read from the allowlist file, and sunset dates as specs write them."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from generator.core.errors import SpecError
from generator.diff import assess
from generator.diff.allowlist import load_policy
from generator.diff.lifecycle import DEFAULT_MINIMUM_DAYS, sunset_of
from tests.diff.test_rules import BASE, CASES, POLICY, _apply


def test_minimum_days_come_from_the_allowlist_file(tmp_path: Path) -> None:
    path = tmp_path / "allow.yaml"
    path.write_text("allow: []\ndeprecation:\n  minimum-days: {beta: 14, stable: 90}\n")
    policy = load_policy(path, "allow.yaml")
    assert policy.minimum_days == {"draft": 0, "alpha": 0, "beta": 14, "stable": 90}
    assert load_policy(tmp_path / "absent.yaml", "absent.yaml").minimum_days == dict(
        DEFAULT_MINIMUM_DAYS
    )


def test_a_bad_minimum_is_a_located_error(tmp_path: Path) -> None:
    path = tmp_path / "allow.yaml"
    path.write_text("deprecation:\n  minimum-days:\n    stable: soon\n    gamma: 3\n")
    with pytest.raises(SpecError) as caught:
        load_policy(path, "allow.yaml")
    assert [d.format().splitlines()[0] for d in caught.value.diagnostics] == [
        "allow.yaml:3:13: error[allowlist-invalid]: minimum-days maps a stability level "
        "(draft, alpha, beta, stable) to a whole number of days, not 'stable': 'soon'",
        "allow.yaml:4:12: error[allowlist-invalid]: minimum-days maps a stability level "
        "(draft, alpha, beta, stable) to a whole number of days, not 'gamma': 3",
    ]


@pytest.mark.parametrize(
    ("node", "expected"),
    [
        ({"x-sunset": "2027-03-01"}, datetime.date(2027, 3, 1)),
        ({"x-sunset": "2027-03-01T00:00:00Z"}, datetime.date(2027, 3, 1)),
        ({"x-sunset": datetime.date(2027, 3, 1)}, datetime.date(2027, 3, 1)),
        (
            {
                "responses": {
                    "200": {"headers": {"Sunset": {"example": "Mon, 01 Mar 2027 00:00:00 GMT"}}}
                }
            },
            datetime.date(2027, 3, 1),
        ),
        (
            {"responses": {"200": {"headers": {"sunset": {"schema": {"default": "2027-03-01"}}}}}},
            datetime.date(2027, 3, 1),
        ),
        ({"x-sunset": "next spring"}, None),
        ({"deprecated": True}, None),
    ],
)
def test_sunset_dates_as_specs_write_them(node: dict[str, object], expected: object) -> None:
    assert sunset_of(node) == expected


def test_an_unreadable_sunset_is_named_in_the_deprecation() -> None:
    from generator.diff.lifecycle import sunset_text

    assert sunset_text({"deprecated": True, "x-sunset": "next spring"}) == (
        "its x-sunset 'next spring' is not a date, so no sunset date"
    )
    assert sunset_text({"deprecated": True}) == "no sunset date given"
    assert sunset_text({"x-sunset": "2027-01-02"}) == "sunset 2027-01-02"


@pytest.mark.parametrize(
    ("case", "message"),
    [
        (
            "stability-level-invalid-in-the-base",
            "x-stability-level experimental in the base revision is not one of draft, alpha, "
            "beta, stable; read as stable",
        ),
        (
            "stability-level-invalid-on-both-sides-is-named-once",
            "x-stability-level experimental in the revision is not one of draft, alpha, beta, "
            "stable; read as stable",
        ),
        (
            "sunset-invalid-in-the-base",
            "the deprecated endpoint's x-sunset 'next spring' in the base revision is not a "
            "date; read as no sunset date",
        ),
        (
            "parameter-sunset-invalid-in-the-base",
            "the deprecated parameter dryRun's x-sunset 'soon' in the base revision is not a "
            "date; read as no sunset date",
        ),
        (
            "deprecated-endpoint-removed-with-an-unreadable-sunset",
            "the endpoint was removed; it was deprecated, but its sunset date (its x-sunset "
            "'next spring' is not a date) had not passed",
        ),
    ],
)
def test_a_value_the_policy_cannot_read_is_named_on_its_side(case: str, message: str) -> None:
    base = _apply(BASE, CASES[case].get("base", []))
    revision = _apply(BASE, CASES[case].get("revision", []))
    _, findings = assess(base, revision, "v", policy=POLICY)
    (named,) = [f for f in findings if f.message == message]
    # The finding points at the side the value is on (a removal's: the base).
    side = dict(named.args).get("side", "base revision")
    assert (named.first.base if side == "base revision" else named.first.revision) is not None
