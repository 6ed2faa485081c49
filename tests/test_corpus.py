"""The largest public specs we may redistribute (tests/corpus/README.md): each generates a
client that passes mypy --strict and ruff, groups its operations into resources, and makes a
call over HTTP with the model its response names."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import ROOT

# Generating and type-checking real specs: slow (`pytest -m "not slow"` leaves them out).
pytestmark = pytest.mark.slow

# CORPUS_DIR=../shared/corpus (make corpus-check) runs the same tests on all six specs.
CORPUS = Path(os.environ.get("CORPUS_DIR") or Path(__file__).parent / "corpus").resolve()
SPECS = sorted(p for p in CORPUS.iterdir() if p.suffix in (".json", ".yaml"))

# Per spec: the client's class and arguments, a call, the request it must send (method, URL,
# body), the JSON the test server answers with, and what the script prints of the result.
CALLS = {
    "stripe": (
        "StripeClient(bearer_auth='sk_test', {http})",
        # Form-encoded, nested fields in brackets, as Stripe reads them.
        "client.customers.post(body={'email': 'ann@example.com', 'metadata': {'plan': 'pro'},"
        " 'expand': ['tax']})",
        "POST https://api.stripe.com/v1/customers"
        " email=ann%40example.com&metadata%5Bplan%5D=pro&expand%5B0%5D=tax",
        {"id": "cus_1", "object": "customer", "created": 1, "livemode": False},
        "Customer cus_1",
        "result.id",
    ),
    "github": (
        "GitHubClient({http})",
        "client.repos.get('octo', 'hello')",
        "GET https://api.github.com/repos/octo/hello",
        None,  # GITHUB_REPOSITORY
        "FullRepository Hello-World",
        "result.name",
    ),
    "twilio": (
        "TwilioClient(account_sid_auth_token=('AC1', 'token'), {http})",
        "client.account.fetch('AC0123456789abcdef0123456789abcdef')",
        "GET https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef.json",
        {"sid": "AC0123456789abcdef0123456789abcdef", "status": "active"},
        "ApiV2010Account <AccountEnumStatus.ACTIVE: 'active'>",
        "repr(result.status)",
    ),
    "asana": (
        "AsanaClient(personal_access_token='t', {http})",
        "client.users.get_user('me')",
        "GET https://app.asana.com/api/1.0/users/me",
        {"data": {"gid": "1", "name": "Ann"}},
        "GetUserResponse Ann",
        "result.data.name",
    ),
    "plaid": (
        "PlaidClient(client_id='c', secret='s', {http})",
        "client.categories.get(body={})",
        "POST https://production.plaid.com/categories/get {}",
        {"categories": [], "request_id": "r1"},
        "CategoriesGetResponse r1",
        "result.request_id.root",
    ),
    "box": (
        # OAuth 2 has no client support yet: the token goes in as a header.
        "BoxClient(default_headers={{'Authorization': 'Bearer t'}}, {http})",
        "client.users.get_me()",
        "GET https://api.box.com/2.0/users/me",
        {"id": "1", "type": "user", "name": "Ann"},
        "UserFull Ann",
        "result.name",
    ),
}

SCRIPT = """
import json, httpx
import {vendor}
from {vendor} import *

seen = []
def reply(request):
    seen.append(" ".join(filter(None, [request.method, str(request.url), request.content.decode()])))
    return httpx.Response(200, json={body})

http = "http_client=httpx.Client(transport=httpx.MockTransport(reply))"
client = eval({construct!r}.format(http=http))
result = {call}
print(seen[0])
print(type(result).__name__, {shown})
"""

# A GitHub full repository has 80 required fields; the script answers with the fields of a
# full-repository example in the spec itself, so that the test does not restate them.
GITHUB_REPOSITORY = (
    """json.load(open({spec!r}))["components"]["examples"]["full-repository"]["value"]"""
)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    for spec in SPECS:
        (root / "specs" / spec.stem).mkdir(parents=True)
        shutil.copy(spec, root / "specs" / spec.stem / f"openapi{spec.suffix}")
    assert main(["generate", "--specs", str(root / "specs"), "--out", str(root / "generated")]) == 0
    shutil.copy(ROOT / "pyproject.toml", root)
    return root / "generated"


def test_corpus_clients_pass_mypy_strict_and_ruff(generated: Path) -> None:
    for command, cwd in (
        (["mypy", "--strict", *(spec.stem for spec in SPECS)], generated),
        (["ruff", "check", "--no-cache", "generated"], generated.parent),
    ):
        result = subprocess.run(
            [sys.executable, "-m", *command], cwd=cwd, capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


@pytest.mark.parametrize("vendor", [spec.stem for spec in SPECS])
def test_corpus_client_calls_an_operation_of_a_resource(generated: Path, vendor: str) -> None:
    construct, call, request, body, printed, shown = CALLS[vendor]
    reply = GITHUB_REPOSITORY.format(spec=str(CORPUS / "github.json")) if body is None else body
    script = SCRIPT.format(vendor=vendor, body=reply, construct=construct, call=call, shown=shown)
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=generated, capture_output=True, text=True, check=False
    )
    assert result.stdout.splitlines() == [request, printed], result.stderr[-3000:]


def test_corpus_operations_are_grouped_into_resources(generated: Path) -> None:
    """Every operation is reachable as client.<resource>.<method>: no resource module holds
    more than a small share of a large API."""
    for spec in SPECS:
        resources = (generated / spec.stem / "resources").glob("*.py")
        methods = {
            p.stem: p.read_text(encoding="utf-8").count("\n    def ")
            for p in resources
            if p.name != "__init__.py"
        }
        assert len(methods) >= 20, spec.stem
        assert max(methods.values()) <= sum(methods.values()) // 4, (spec.stem, methods)


# Uploads and downloads: the body each sends (method, URL, Content-Type, parts in order) and
# what each returns. Files go to the servers the specs name for them.
TRANSFERS = {
    "box": (
        "BoxClient(default_headers={'Authorization': 'Bearer t'}, http_client=http)",
        [
            "client.uploads.post_files_content(body={'attributes': {'name': 'a.txt',"
            " 'parent': {'id': '0'}}, 'file': ('a.txt', b'hello', 'text/plain')})",
            "client.downloads.get_files_id_content('12')",
        ],
        [
            "POST https://upload.box.com/api/2.0/files/content multipart/form-data"
            " attributes,file",
            "GET https://api.box.com/2.0/files/12/content application/octet-stream",
            "bytes",
        ],
    ),
    "stripe": (
        "StripeClient(bearer_auth='sk_test', http_client=http)",
        ["client.files.post(body={'file': b'%PDF', 'purpose': 'dispute_evidence'})"],
        ["POST https://files.stripe.com/v1/files multipart/form-data purpose,file"],
    ),
    "github": (
        "GitHubClient(http_client=http)",
        ["client.repos.upload_release_asset('o', 'r', 1, name='a.zip', body=b'PK')"],
        # `*/*`: the caller names the asset's type in extra_headers, else it is octet-stream.
        [
            "POST https://uploads.github.com/repos/o/r/releases/1/assets?name=a.zip"
            " application/octet-stream"
        ],
    ),
}

TRANSFER_SCRIPT = """
import email.parser, email.policy, httpx
import {vendor}
from {vendor} import *

def reply(request):
    kind = request.headers.get("content-type", "").split(";")[0]
    line = " ".join(filter(None, [request.method, str(request.url), kind]))
    if kind == "multipart/form-data":
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            b"Content-Type: " + request.headers["content-type"].encode() + b"\\r\\n\\r\\n"
            + request.read()
        )
        line += " " + ",".join(p.get_param("name", header="content-disposition")
                               for p in message.iter_parts())
    elif request.method == "GET":
        print(line, request.headers["accept"].split(",")[0])
        return httpx.Response(200, content=b"\\x00\\x01", headers={{"content-type": "application/octet-stream"}})
    print(line)
    return httpx.Response(201, json={{}})

http = httpx.Client(transport=httpx.MockTransport(reply))
client = {construct}
for call in {calls!r}:
    try:
        result = eval(call)
    except APIResponseValidationError:
        continue  # the answer is not the vendor's: the request is what is checked
    if isinstance(result, bytes):
        print("bytes")
"""


@pytest.mark.parametrize("vendor", sorted(set(TRANSFERS) & {spec.stem for spec in SPECS}))
def test_corpus_uploads_and_downloads_are_typed_and_sent_as_the_spec_says(
    generated: Path, vendor: str
) -> None:
    construct, calls, expected = TRANSFERS[vendor]
    script = TRANSFER_SCRIPT.format(vendor=vendor, construct=construct, calls=calls)
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=generated, capture_output=True, text=True, check=False
    )
    assert result.stdout.splitlines() == expected, result.stdout + result.stderr[-3000:]


# A list of each corpus vendor that pages its own way, walked over three pages of a stub that
# answers as the vendor does: Stripe's `has_more` and `starting_after`, GitHub's `Link` header.
PAGES = {
    "stripe": (
        "StripeClient(bearer_auth='sk_test', http_client=http)",
        "client.customers.get(limit=2)",
        """
items = [{"id": f"cus_{n}", "object": "customer", "created": 1, "livemode": False}
         for n in range(5)]

def answer(request):
    after = request.url.params.get("starting_after")
    start = 0 if after is None else int(after.removeprefix("cus_")) + 1
    size = int(request.url.params["limit"])
    return httpx.Response(200, json={"object": "list", "data": items[start : start + size],
                                     "has_more": start + size < 5, "url": "/v1/customers"})
""",
        "item.id",
        [
            "['cus_0', 'cus_1', 'cus_2', 'cus_3', 'cus_4'] Customer",
            "https://api.stripe.com/v1/customers?limit=2",
            "https://api.stripe.com/v1/customers?limit=2&starting_after=cus_1",
            "https://api.stripe.com/v1/customers?limit=2&starting_after=cus_3",
        ],
    ),
    "github": (
        "GitHubClient(http_client=http)",
        "client.repos.list_tags('octo', 'hello', per_page=2)",
        """
tag = json.load(open({spec!r}))["components"]["examples"]["tag-items"]["value"][0]
items = [{{**tag, "name": f"v{{n}}"}} for n in range(5)]

def answer(request):
    page, size = int(request.url.params.get("page", "1")), int(request.url.params["per_page"])
    start = (page - 1) * size
    link = "https://api.github.com/repositories/1/tags?per_page=2&page=" + str(page + 1)
    headers = {{"Link": f'<{{link}}>; rel="next"'}} if start + size < 5 else {{}}
    return httpx.Response(200, json=items[start : start + size], headers=headers)
""",
        "item.name",
        [
            "['v0', 'v1', 'v2', 'v3', 'v4'] Tag",
            "https://api.github.com/repos/octo/hello/tags?per_page=2",
            "https://api.github.com/repositories/1/tags?per_page=2&page=2",
            "https://api.github.com/repositories/1/tags?per_page=2&page=3",
        ],
    ),
}

PAGES_SCRIPT = """
import json, httpx
import {vendor}
from {vendor} import *
{answer}
seen = []
def reply(request):
    seen.append(str(request.url))
    return answer(request)

http = httpx.Client(transport=httpx.MockTransport(reply))
client = {construct}
page = {call}
names = [{shown} for item in page]
print(names, type(page.items[0]).__name__)
print("\\n".join(seen))
"""


@pytest.mark.parametrize("vendor", sorted(set(PAGES) & {spec.stem for spec in SPECS}))
def test_corpus_list_is_walked_over_three_pages_as_its_vendor_pages(
    generated: Path, vendor: str
) -> None:
    construct, call, answer, shown, expected = PAGES[vendor]
    if vendor == "github":
        answer = answer.format(spec=str(CORPUS / "github.json"))
    script = PAGES_SCRIPT.format(
        vendor=vendor, answer=answer, construct=construct, call=call, shown=shown
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=generated, capture_output=True, text=True, check=False
    )
    assert result.stdout.splitlines() == expected, result.stdout + result.stderr[-3000:]
