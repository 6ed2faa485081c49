"""Breaking changes accepted on purpose: each entry names a rule id and a place, with a reason.

allow:
  - rule: request-property-removed
    vendor: loyaltydog
    operation: PUT /v2/loyalty/programs/{programId}/customers/{customerId}
    location: "request body: phone"        # or: fingerprint: 1a2b3c4d5e6f
    reason: LoyaltyDog dropped phone updates on 2026-11-01; callers were migrated.

deprecation:
  minimum-days:          # deprecation to sunset, per x-stability-level (these are the defaults)
    beta: 31
    stable: 180

An entry with an operation and a location, or a place's fingerprint, accepts that one place of
a finding; a finding's own fingerprint accepts all of it, wherever its change reaches.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, replace
from pathlib import Path

from ..core.errors import Diagnostic, Severity, SpecError
from ..spec.load import load_document
from .findings import Finding, Place
from .lifecycle import DEFAULT_MINIMUM_DAYS, STABILITY, Policy
from .rules import RULES

ALLOWLIST_NAME = "spec-diff-allowlist.yaml"


@dataclass(frozen=True, slots=True)
class Entry:
    rule: str
    vendor: str
    operation: str
    location: str
    fingerprint: str
    reason: str

    def covers(self, finding: Finding) -> bool:
        """The whole finding: by its fingerprint."""
        return (
            (finding.rule_id, finding.vendor) == (self.rule, self.vendor)
            and bool(self.fingerprint)
            and finding.fingerprint == self.fingerprint
        )

    def covers_place(self, finding: Finding, place: Place) -> bool:
        """One place of a finding: by its operation and location, or its fingerprint."""
        if (finding.rule_id, finding.vendor) != (self.rule, self.vendor):
            return False
        if self.fingerprint:
            return finding.place_fingerprint(place) == self.fingerprint
        return place.operation == self.operation and place.location == self.location


def load_allowlist(path: Path, display: str) -> tuple[Entry, ...]:
    if not path.exists():
        return ()
    document = load_document(path, display)
    raw = document.data.get("allow") if isinstance(document.data, dict) else None
    problems: list[Diagnostic] = []
    entries = []
    for index, item in enumerate(raw if isinstance(raw, list) else []):
        where = document.where(f"/allow/{index}")
        if not isinstance(item, dict):
            problems.append(
                Diagnostic("allowlist-invalid", Severity.ERROR, "an entry must be a mapping", where)
            )
            continue
        entry = Entry(
            *(
                str(item.get(k, "") or "")
                for k in ("rule", "vendor", "operation", "location", "fingerprint", "reason")
            )
        )
        if entry.rule not in RULES:
            close = difflib.get_close_matches(entry.rule, sorted(RULES), n=1, cutoff=0.7)
            problems.append(
                Diagnostic(
                    "allowlist-unknown-rule",
                    Severity.ERROR,
                    f"unknown rule id {entry.rule!r}",
                    where,
                    f"did you mean {close[0]!r}?" if close else "",
                )
            )
        if not entry.reason.strip():
            problems.append(
                Diagnostic(
                    "allowlist-no-reason", Severity.ERROR, "every entry needs a reason", where
                )
            )
        if not entry.vendor or not (entry.fingerprint or entry.location):
            problems.append(
                Diagnostic(
                    "allowlist-no-location",
                    Severity.ERROR,
                    "an entry names a vendor and a location (operation and location) or a fingerprint",
                    where,
                )
            )
        entries.append(entry)
    if raw is not None and not isinstance(raw, list):
        problems.append(
            Diagnostic(
                "allowlist-invalid",
                Severity.ERROR,
                "`allow` must be a list",
                document.where("/allow"),
            )
        )
    if problems:
        raise SpecError(problems)
    return tuple(entries)


def load_policy(path: Path, display: str) -> Policy:
    """The deprecation policy of the allowlist file: minimum days per stability level."""
    if not path.exists():
        return Policy()
    document = load_document(path, display)
    section = document.data.get("deprecation") if isinstance(document.data, dict) else None
    if section is None:
        return Policy()
    days = section.get("minimum-days") if isinstance(section, dict) else None
    minimum = dict(DEFAULT_MINIMUM_DAYS)
    problems = []
    if not isinstance(days, dict):
        problems.append(
            Diagnostic(
                "allowlist-invalid",
                Severity.ERROR,
                "`deprecation` holds `minimum-days`: a mapping of stability level to days",
                document.where("/deprecation"),
            )
        )
    else:
        for level, value in days.items():
            if level not in STABILITY or isinstance(value, bool) or not isinstance(value, int):
                problems.append(
                    Diagnostic(
                        "allowlist-invalid",
                        Severity.ERROR,
                        f"minimum-days maps a stability level ({', '.join(STABILITY)}) to a "
                        f"whole number of days, not {level!r}: {value!r}",
                        document.where(f"/deprecation/minimum-days/{level}"),
                    )
                )
            else:
                minimum[level] = value
    if problems:
        raise SpecError(problems)
    return Policy(minimum_days=minimum)


def apply_allowlist(findings: list[Finding], entries: tuple[Entry, ...]) -> list[Finding]:
    """Each place an entry covers carries its reason; a finding whose every place is covered
    (or that an entry names by the finding's fingerprint) is allowlisted."""
    result = []
    for finding in findings:
        whole = next((e for e in entries if e.covers(finding)), None)
        places = []
        for place in finding.places:
            entry = whole or next((e for e in entries if e.covers_place(finding, place)), None)
            places.append(replace(place, allowlisted=entry.reason) if entry else place)
        reasons = dict.fromkeys(p.allowlisted for p in places)
        accepted = "; ".join(reasons) if all(reasons) else ""
        result.append(replace(finding, places=tuple(places), allowlisted=accepted))
    return result
