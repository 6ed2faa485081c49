"""Each vendor's client as a wheel built offline by the pinned backend, installed in a fresh
virtual environment (no access to ours), imported and called over real HTTP: once with the
newest httpx and pydantic its pyproject.toml allows, and one client installed from its
directory (`pip install ./generated/<vendor>`) instead; once with the oldest. In both, the
client of tests/fixtures/pagination walks a list over pages (the runtime's pagination, which
no vendor here uses). And one client built from a git repository by subdirectory, as its
README offers."""

from __future__ import annotations

import importlib.metadata
import json
import shutil
import subprocess
import sys
import tomllib
import venv
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from packaging.version import Version

from generator.cli import main
from generator.render.client import DEPENDENCIES
from tests.conftest import GENERATED, ROOT, VENDORS
from tests.faultserver import Answer, FaultServer
from tests.pageserver import PageServer

pytestmark = pytest.mark.slow
_PIP = (sys.executable, "-m", "pip")

# One call of each vendor's client, as the raw response (the server answers `{}`).
SCRIPT = """
import importlib, importlib.metadata, json, sys
import httpx, pydantic

base = sys.argv[1]
calls = {
    "capillary": lambda m: m.CapillaryClient(basic_auth=("till", "pw"), base_url=base)
        .customers.with_raw_response.update_customer("1", source="INSTORE", body={}),
    "imprint": lambda m: m.ImprintClient(bearer_auth="key", base_url=base)
        .customers.with_raw_response.update_customer("c1", body={}),
    "loyaltydog": lambda m: m.LoyaltyDogClient(bearer_auth="jwt", base_url=base)
        .customers.with_raw_response.update_customer("p1", "c1", body={}),
    "loyaltylion": lambda m: m.LoyaltyLionClient(program_api_key="key", base_url=base)
        .customers.with_raw_response.update_customer("m1", body={"customer": {}}),
}
found = {"httpx": httpx.__version__, "pydantic": pydantic.VERSION}
for vendor in json.loads(sys.argv[2]):
    module = importlib.import_module(vendor)
    found[vendor] = {
        "file": module.__file__,
        "version": importlib.metadata.version(f"{vendor}-client"),
        "status": calls[vendor](module).status_code,
    }
import pager

with pager.PagerClient(base_url=sys.argv[3]) as client:
    found["pager"] = [item.id for item in client.items.list_by_link_header(limit=3)]
print(json.dumps(found))
"""


@pytest.fixture(scope="module")
def wheels(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [*_PIP, "wheel", "--quiet", "--no-deps", "--no-build-isolation", "--wheel-dir", str(out)]
        + [str(GENERATED / vendor) for vendor in VENDORS],
        check=True,
        capture_output=True,
    )
    return sorted(out.glob("*.whl"))


@pytest.fixture(scope="module")
def pager_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel of a client whose lists page (tests/test_pagination.py's)."""
    root = tmp_path_factory.mktemp("pager")
    (root / "specs" / "pager").mkdir(parents=True)
    shutil.copy(
        ROOT / "tests" / "fixtures" / "pagination" / "openapi.yaml", root / "specs" / "pager"
    )
    assert main(["generate", "--specs", str(root / "specs"), "--out", str(root / "generated")]) == 0
    wheel_dir, package = root / "wheel", root / "generated" / "pager"
    build = ["wheel", "--quiet", "--no-deps", "--no-build-isolation", "--wheel-dir"]
    subprocess.run([*_PIP, *build, str(wheel_dir), str(package)], check=True, capture_output=True)
    (wheel,) = wheel_dir.glob("*.whl")
    return wheel


@pytest.fixture(scope="module")
def pages() -> Iterator[PageServer]:
    server = PageServer()
    yield server
    server.close()


@pytest.fixture(scope="module")
def server() -> Iterator[FaultServer]:
    server = FaultServer()
    yield server
    server.stop()


def _lowest() -> dict[str, Version]:
    """The lowest release each requirement allows: ``httpx>=0.27,<1`` -> 0.27."""
    found = {}
    for requirement in DEPENDENCIES:
        name, _, bounds = requirement.partition(">=")
        found[name] = Version(bounds.split(",")[0])
    return found


@pytest.mark.parametrize("pins", ["newest", "oldest"])
def test_each_client_installs_imports_and_calls(
    pins: str,
    wheels: list[Path],
    pager_wheel: Path,
    server: FaultServer,
    pages: PageServer,
    tmp_path: Path,
) -> None:
    assert [w.name.split("_client-")[0] for w in wheels] == VENDORS
    environment = tmp_path / "venv"
    venv.create(environment, system_site_packages=False, with_pip=False)
    python = environment / "bin" / "python"
    lowest = _lowest()
    requirements = [f"{n}=={v}" for n, v in lowest.items()] if pins == "oldest" else []
    packages: list[Path] = [*wheels, pager_wheel]
    if pins == "newest":
        # pip builds it with the backend its pyproject.toml pins, fetched from the index (in a
        # build environment of its own: one is enough, the others are built alike).
        packages[0] = GENERATED / VENDORS[0]
    # Our pip installs into it (faster than a pip of its own); it may download from the index.
    subprocess.run(
        [*_PIP, "--python", str(python), "install", "--quiet"]
        + [str(p) for p in packages]
        + requirements,
        check=True,
        capture_output=True,
    )
    server.reset(Answer(200, {}))
    pages_url = f"http://127.0.0.1:{pages.port}"
    # -I: neither PYTHONPATH nor the user's site: only what the environment holds.
    ran = subprocess.run(
        [str(python), "-I", "-c", SCRIPT, server.base_url, json.dumps(VENDORS), pages_url],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert ran.returncode == 0, ran.stderr
    found = json.loads(ran.stdout)
    installed = {name: Version(found[name]) for name in lowest}
    if pins == "oldest":
        assert installed == lowest
    else:
        # At least the releases the rest of the suite runs with (requirements.lock).
        assert all(installed[n] >= Version(importlib.metadata.version(n)) for n in lowest)
    for vendor in VENDORS:
        project = tomllib.loads((GENERATED / vendor / "pyproject.toml").read_text())["project"]
        assert found[vendor]["version"] == project["version"]
        assert found[vendor]["status"] == 200
        assert found[vendor]["file"].startswith(str(environment))
    assert len(server.seen) == len(VENDORS)
    assert found["pager"] == [f"i{n}" for n in range(7)]  # three pages, by the Link header


def test_a_client_installs_from_git_by_subdirectory(wheels: list[Path], tmp_path: Path) -> None:
    """What the per-vendor README offers, an install from git by subdirectory
    (``git+<repository>@<commit>#subdirectory=generated/<vendor>``), here from a repository
    made on disk, without network: pip builds the same wheel as from the directory. (The
    README's ``<name> @ git+https://...`` form needs a host, which a file URL lacks.)"""
    vendor = VENDORS[0]
    repository = tmp_path / "repository"
    shutil.copytree(GENERATED / vendor, repository / "generated" / vendor)
    git = ["git", "-C", str(repository), "-c", "user.name=t", "-c", "user.email=t@example.com"]
    for command in (["init", "--quiet"], ["add", "."], ["commit", "--quiet", "-m", "client"]):
        subprocess.run([*git, *command], check=True, capture_output=True)
    commit = subprocess.run(
        [*git, "rev-parse", "HEAD"], check=True, capture_output=True, text=True
    ).stdout.strip()
    url = f"git+file://{repository}@{commit}#subdirectory=generated/{vendor}"
    out = tmp_path / "wheel"
    subprocess.run(
        [
            *_PIP,
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-index",
            "--no-build-isolation",
            "--no-cache-dir",
            "--wheel-dir",
            str(out),
            url,
        ],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("*.whl")
    (expected,) = [w for w in wheels if w.name.startswith(f"{vendor}_client-")]
    assert built.name == expected.name  # the same name and version
    with zipfile.ZipFile(built) as got, zipfile.ZipFile(expected) as want:
        assert sorted(got.namelist()) == sorted(want.namelist())
        assert f"{vendor}/__init__.py" in got.namelist()
        assert all(got.read(name) == want.read(name) for name in want.namelist())
