"""The deprecation policy read from the allowlist file, and sunset dates as specs write them."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from generator.diff.allowlist import load_policy
from generator.diff.lifecycle import DEFAULT_MINIMUM_DAYS, sunset_of
from generator.errors import SpecError


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
