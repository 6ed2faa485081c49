"""Every operation of every vendor, through the generated sync and async clients, against Prism.

Prism implements each spec independently of our generator: it validates our
requests (parameters, body, credentials) and answers with the spec's examples
or data generated from its schemas, which our clients must parse.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from tests.conftest import VENDORS, PrismServer

pytestmark = pytest.mark.prism


@dataclass(frozen=True)
class Case:
    vendor: str
    client: str
    credentials: dict[str, Any]
    operation: str
    args: tuple[Any, ...]
    valid: Callable[[Any], dict[str, Any]]  # models module -> keyword arguments
    invalid: dict[str, Any]
    error: str
    check_success: Callable[[Any, Any], None]
    check_error: Callable[[Any, Any], None]


def _is_instance(name: str) -> Callable[[Any, Any], None]:
    def check(models: Any, value: Any) -> None:
        assert isinstance(value, getattr(models, name)), value

    return check


def _is_dict(models: Any, value: Any) -> None:
    assert isinstance(value, dict)


def _capillary_code(models: Any, exc: Any) -> None:
    assert isinstance(exc.error, models.ErrorEnvelope)
    assert exc.error.errors[0].code == 8015


CASES = [
    Case(
        "loyaltydog",
        "LoyaltyDogClient",
        {"bearer_auth": "test-jwt"},
        "update_customer",
        ("5eb7cf5a86d9755df3a6c593", "5eb7cf5a86d9755df3a6c594"),
        lambda m: {"body": m.UpdateCustomerPayload(firstName="Ann", points=5)},
        {"body": {"points": "five"}},
        "UnprocessableEntityError",
        _is_dict,
        lambda m, exc: _is_instance("HTTPValidationError")(m, exc.error),
    ),
    Case(
        "loyaltylion",
        "LoyaltyLionClient",
        {"program_api_key": "test-key"},
        "update_customer",
        ("merchant-42",),
        lambda m: {
            "body": m.CustomersUpdateCustomerRequestBody(
                customer=m.CustomersUpdateCustomerRequestBodyCustomer(blocked=True)
            )
        },
        {"body": {"customer": {"blocked": "yes"}}},
        "BadRequestError",
        _is_instance("CustomersUpdateCustomerResponseBody"),
        lambda m, exc: _is_instance("ClientErrorBadRequest")(m, exc.error),
    ),
    Case(
        "imprint",
        "ImprintClient",
        {"bearer_auth": "test-key"},
        "update_customer",
        ("BBB815E9-F654-438D-9AD3-3F7BB8136FC0",),
        lambda m: {"body": m.UpdateCustomerRequest(first_name="John", phone="+14155552671")},
        {"body": {"phone": "not a phone"}},
        "BadRequestError",
        _is_instance("Customer"),
        lambda m, exc: _is_instance("InvalidRequestError")(m, exc.error),
    ),
    Case(
        "capillary",
        "CapillaryClient",
        {"basic_auth": ("till-1", "Pass123")},
        "update_customer",
        ("171891944",),
        lambda m: {
            "source": "INSTORE",
            "use_async": False,
            "body": m.CustomerUpdate(profiles=[m.Profile(firstName="Tom", lastName="Sawyer")]),
        },
        {"source": "INSTORE", "body": {"profiles": "Tom"}},
        "BadRequestError",
        _is_instance("CustomerUpdateResult"),
        _capillary_code,
    ),
    Case(
        "capillary",
        "CapillaryClient",
        {"o_auth_token": "test-token"},
        "update_customer_by_identifier",
        (),
        lambda m: {
            "source": "INSTORE",
            "identifier_name": "mobile",
            "identifier_value": "919999000001",
            "body": m.CustomerUpdateByIdentifier(loyaltyInfo=m.LoyaltyInfo(loyaltyType="loyalty")),
        },
        {
            "source": "INSTORE",
            "identifier_name": "mobile",
            "identifier_value": "1",
            "body": {"profiles": 3},
        },
        "BadRequestError",
        _is_instance("CustomerUpdateResult"),
        _capillary_code,
    ),
]


def test_every_operation_has_a_case() -> None:
    operations = set()
    for vendor in VENDORS:
        client = getattr(importlib.import_module(vendor), f"{_client_name(vendor)}Client")()
        operations |= {
            (vendor, name)
            for name, value in vars(type(client.customers)).items()
            if callable(value) and not name.startswith("_")
        }
    assert operations == {(c.vendor, c.operation) for c in CASES}


def _client_name(vendor: str) -> str:
    return next(c.client for c in CASES if c.vendor == vendor).removesuffix("Client")


def _ids(case: Case) -> str:
    return f"{case.vendor}.{case.operation}"


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_sync_valid_call_succeeds(case: Case, prism: Callable[[str], PrismServer]) -> None:
    package = importlib.import_module(case.vendor)
    server = prism(case.vendor)
    with getattr(package, case.client)(base_url=server.base_url, **case.credentials) as client:
        result = getattr(client.customers, case.operation)(*case.args, **case.valid(package.models))
    case.check_success(package.models, result)


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_sync_invalid_body_raises_typed_error(
    case: Case, prism: Callable[[str], PrismServer]
) -> None:
    package = importlib.import_module(case.vendor)
    server = prism(case.vendor)
    client = getattr(package, case.client)(base_url=server.base_url, **case.credentials)
    with client, pytest.raises(getattr(package, case.error)) as caught:
        getattr(client.customers, case.operation)(*case.args, **case.invalid)
    case.check_error(package.models, caught.value)


@pytest.mark.anyio
@pytest.mark.parametrize("case", CASES, ids=_ids)
async def test_async_valid_call_succeeds(case: Case, prism: Callable[[str], PrismServer]) -> None:
    package = importlib.import_module(case.vendor)
    server = prism(case.vendor)
    async with getattr(package, f"Async{case.client}")(
        base_url=server.base_url, **case.credentials
    ) as client:
        result = await getattr(client.customers, case.operation)(
            *case.args, **case.valid(package.models)
        )
    case.check_success(package.models, result)


@pytest.mark.anyio
@pytest.mark.parametrize("case", CASES, ids=_ids)
async def test_async_invalid_body_raises_typed_error(
    case: Case, prism: Callable[[str], PrismServer]
) -> None:
    package = importlib.import_module(case.vendor)
    server = prism(case.vendor)
    async with getattr(package, f"Async{case.client}")(
        base_url=server.base_url, **case.credentials
    ) as client:
        with pytest.raises(getattr(package, case.error)) as caught:
            await getattr(client.customers, case.operation)(*case.args, **case.invalid)
    case.check_error(package.models, caught.value)


def test_prism_rejects_a_call_without_credentials(prism: Callable[[str], PrismServer]) -> None:
    """Imprint's basicAuth is defined by our overlay, so Prism enforces auth instead of ignoring it."""
    import httpx

    server = prism("imprint")
    response = httpx.post(f"{server.base_url}/v2/customers/abc", json={"first_name": "x"})
    assert response.status_code == 401
