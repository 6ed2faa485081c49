"""Each vendor's generated client on the wire (httpx.MockTransport): what it sends and parses."""

from __future__ import annotations

import base64
import inspect
import json
import traceback
from collections.abc import Callable
from typing import Any, ClassVar

import capillary
import httpx
import imprint
import loyaltydog
import loyaltylion
import pytest

Handler = Callable[[httpx.Request], httpx.Response]


def transport(status: int = 200, body: Any = None) -> tuple[list[httpx.Request], httpx.Client]:
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(status, json={} if body is None else body)

    return seen, httpx.Client(transport=httpx.MockTransport(handle))


class TestLoyaltyDog:
    def client(self, status: int = 200, body: Any = None) -> tuple[list[httpx.Request], Any]:
        seen, http = transport(status, body)
        return seen, loyaltydog.LoyaltyDogClient(bearer_auth="jwt", http_client=http)

    def test_unset_points_default_never_reaches_the_wire(self) -> None:
        seen, client = self.client()
        client.customers.update_customer(
            "p1", "c1", body=loyaltydog.models.UpdateCustomerPayload(firstName="Ann")
        )
        assert json.loads(seen[0].content) == {"firstName": "Ann"}

    def test_explicit_zero_and_null_are_sent(self) -> None:
        seen, client = self.client()
        payload = loyaltydog.models.UpdateCustomerPayload(points=0, email=None)
        client.customers.update_customer("p1", "c1", body=payload)
        assert json.loads(seen[0].content) == {"points": 0, "email": None}

    def test_a_misspelt_field_is_a_type_error_naming_the_field(self) -> None:
        with pytest.raises(TypeError) as caught:
            loyaltydog.models.UpdateCustomerPayload(firstname="Ann")  # type: ignore[call-arg]
        assert "unexpected keyword argument 'firstname'; did you mean 'firstName'?" in str(
            caught.value
        )

    def test_non_nullable_field_refuses_none(self) -> None:
        with pytest.raises(ValueError):
            loyaltydog.models.UpdateCustomerPayload(points=None)  # type: ignore[arg-type]

    def test_one_authorization_header_and_no_authorization_argument(self) -> None:
        seen, client = self.client()
        assert "authorization" not in inspect.signature(client.customers.update_customer).parameters
        client.customers.update_customer("p1", "c1", body={})
        assert seen[0].headers.get_list("authorization") == ["Bearer jwt"]

    def test_422_carries_the_parsed_validation_error(self) -> None:
        detail = {
            "detail": [{"loc": ["body", "points"], "msg": "not an int", "type": "int_parsing"}]
        }
        _, client = self.client(422, detail)
        with pytest.raises(loyaltydog.UnprocessableEntityError) as caught:
            client.customers.update_customer("p1", "c1", body={"points": "x"})
        assert caught.value.error.detail[0].msg == "not an int"


class TestLoyaltyLion:
    CUSTOMER: ClassVar[dict[str, Any]] = {
        "id": 1, "merchant_id": "m1", "email": "Foo@Example.COM", "points_approved": 1,
        "points_pending": 0, "points_spent": 0, "properties": {}, "metadata": {},
        "rewards_claimed": 0, "rewards_used": None, "blocked": False, "guest": False,
        "enrolled": True, "enrolled_at": None, "referral_id": None, "referred_by": None,
        "loyalty_tier_membership": None, "insights_segment": "Big Spender", "birthday": None,
        "referral_url": "https://r", "receipt_upload_url": None,
        "created_at": "2025-01-01", "updated_at": "2025-01-02",
        "tier_eligibility": {
            "kind": "spend", "valid_until": "2026-01-01T00:00:00Z",
            "tier_spend": {"now": {"amount": 9.9, "formatted": "$9.90"}, "at_expiration": None},
            "spend_needed_for_renewal": None, "spend_needed_for_upgrade": None,
            "upgrade_tier": None, "forecasted_tier": None,
        },
    }  # fmt: skip

    def test_response_parsed_discriminated_and_tolerant(self) -> None:
        _, http = transport(200, {"customer": self.CUSTOMER})
        client = loyaltylion.LoyaltyLionClient(program_api_key="key", http_client=http)
        result = client.customers.update_customer("m1", body={"customer": {"blocked": True}})
        customer = result.customer
        assert isinstance(customer.tier_eligibility, loyaltylion.models.TierEligibilitySpend)
        assert customer.tier_eligibility.tier_spend.now.formatted == "$9.90"
        assert customer.insights_segment == "Big Spender"  # a segment added after generation
        assert customer.email == "Foo@Example.COM"  # not normalised

    def test_a_tier_kind_added_later_is_kept_as_its_raw_data(self) -> None:
        tier = {"kind": "visits", "visits_needed": 3}
        _, http = transport(200, {"customer": {**self.CUSTOMER, "tier_eligibility": tier}})
        client = loyaltylion.LoyaltyLionClient(program_api_key="key", http_client=http)
        result = client.customers.update_customer("m1", body={"customer": {}})
        assert result.customer.tier_eligibility == tier

    def test_a_response_off_its_schema_names_each_field(self) -> None:
        customer = {k: v for k, v in self.CUSTOMER.items() if k != "id"}
        _, http = transport(200, {"customer": {**customer, "points_approved": "many"}})
        client = loyaltylion.LoyaltyLionClient(program_api_key="key", http_client=http)
        with pytest.raises(loyaltylion.APIResponseValidationError) as caught:
            client.customers.update_customer("m1", body={"customer": {}})
        message = str(caught.value)
        assert "customer.id: Field required, got nothing" in message, message
        assert "customer.points_approved: Input should be a valid number" in message, message
        assert "got 'many'" in message

    def test_a_field_added_later_is_kept_although_the_spec_forbids_extras(self) -> None:
        customer = {**self.CUSTOMER, "nickname": "Ann"}
        _, http = transport(200, {"customer": customer, "meta": {"v": 2}})
        client = loyaltylion.LoyaltyLionClient(program_api_key="key", http_client=http)
        result = client.customers.update_customer("m1", body={"customer": {}})
        assert result.customer.model_extra == {"nickname": "Ann"}
        assert result.model_extra == {"meta": {"v": 2}}

    def test_a_field_the_request_schema_forbids_is_refused_before_sending(self) -> None:
        seen, http = transport(200, {"customer": self.CUSTOMER})
        client = loyaltylion.LoyaltyLionClient(program_api_key="key", http_client=http)
        with pytest.raises(TypeError, match=r"unexpected keyword argument 'email'"):
            loyaltylion.models.CustomersUpdateCustomerRequestBody(
                customer=loyaltylion.models.CustomersUpdateCustomerRequestBodyCustomer(
                    blocked=True, email="a@b.c"
                )
            )
        # A nested mapping is read as data; the field it names is refused when sent.
        body = loyaltylion.models.CustomersUpdateCustomerRequestBody(
            customer={"blocked": True, "email": "a@b.c"}
        )
        with pytest.raises(ValueError, match=r"body\.customer .*'email', which its schema forbids"):
            client.customers.update_customer("m1", body=body)
        assert seen == []
        # A plain mapping is sent as given: the caller chose to bypass the models.
        client.customers.update_customer("m1", body={"customer": {"email": "a@b.c"}})
        assert json.loads(seen[0].content) == {"customer": {"email": "a@b.c"}}

    def test_deprecated_basic_scheme_is_used_when_it_is_the_only_credential(self) -> None:
        seen, http = transport(200, {"customer": self.CUSTOMER})
        client = loyaltylion.LoyaltyLionClient(
            site_token_secret=("token", "secret"), http_client=http
        )
        client.customers.update_customer("m/1", body={"customer": {}})
        assert (
            seen[0].headers["authorization"]
            == "Basic " + base64.b64encode(b"token:secret").decode()
        )
        assert seen[0].url.raw_path == b"/v2/customers/m%2F1"

    def test_typed_error_per_documented_status(self) -> None:
        _, http = transport(404, {"error": "Customer not found"})
        client = loyaltylion.LoyaltyLionClient(program_api_key="key", http_client=http)
        with pytest.raises(loyaltylion.NotFoundError) as caught:
            client.customers.update_customer("m1", body={"customer": {}})
        assert caught.value.error == loyaltylion.models.UpdateCustomerNotFoundError(
            error="Customer not found"
        )


class TestImprint:
    def test_unknown_status_value_is_kept(self) -> None:
        _, http = transport(200, {"id": "c1", "statuses": {"Card": "FROZEN", "Other": "OPEN"}})
        client = imprint.ImprintClient(bearer_auth="key", http_client=http)
        customer = client.customers.update_customer(
            "c1", body=imprint.models.UpdateCustomerRequest(first_name="J")
        )
        assert customer.statuses == {
            "Card": "FROZEN",
            "Other": imprint.models.CustomerProgramStatus.OPEN,
        }

    def test_basic_auth_defined_by_overlay(self) -> None:
        seen, http = transport(200, {"id": "c1"})
        imprint.ImprintClient(basic_auth=("u", "p"), http_client=http).customers.update_customer(
            "c1", body={}
        )
        assert seen[0].headers["authorization"].startswith("Basic ")

    def test_error_bodies(self) -> None:
        _, http = transport(
            400, {"error": "Bad Request", "details": ["email: invalid"], "status": 400}
        )
        client = imprint.ImprintClient(bearer_auth="key", http_client=http)
        with pytest.raises(imprint.BadRequestError) as caught:
            client.customers.update_customer("c1", body={"email": "nope"})
        assert caught.value.error.details == ["email: invalid"]


class TestCapillary:
    def test_error_code_8015_readable_from_the_exception(self) -> None:
        envelope = {
            "warnings": [],
            "errors": [{"status": False, "code": 8015, "message": "Customer not found"}],
        }
        _, http = transport(400, envelope)
        client = capillary.CapillaryClient(basic_auth=("till", "Pass123"), http_client=http)
        with pytest.raises(capillary.BadRequestError) as caught:
            client.customers.update_customer("171891944", source="INSTORE", body={})
        assert caught.value.error.errors[0].code == 8015
        assert caught.value.status_code == 400
        error = caught.value.error_as(capillary.models.ErrorEnvelope)
        assert error is not None and error.errors[0].code == 8015

    def test_a_literal_or_bool_argument_is_checked_before_sending(self) -> None:
        seen, http = transport(200, {"createdId": 1, "warnings": [], "sideEffects": []})
        client = capillary.CapillaryClient(basic_auth=("till", "Pass123"), http_client=http)
        with pytest.raises(ValueError, match=r"source='WECHATT' is not one of the values"):
            client.customers.update_customer("1", source="WECHATT", body={})  # type: ignore[arg-type]
        with pytest.raises(ValueError, match=r"use_async='yes' is not one of the values"):
            client.customers.update_customer(
                "1", source="WECHAT", use_async="yes", body={}  # type: ignore[arg-type]
            )
        assert seen == []
        client.customers.update_customer("1", source="WECHAT", use_async=False, body={})
        assert seen[0].url.params["use_async"] == "false"

    def test_a_wrong_credential_type_is_refused_at_construction_without_showing_it(
        self,
    ) -> None:
        with pytest.raises(TypeError) as caught:
            capillary.CapillaryClient(basic_auth="till:pw")  # type: ignore[arg-type]
        assert str(caught.value) == (
            'basic_auth is a (user name, password) pair of str, as in basic_auth=("till-1", '
            '"secret"); got a str'
        )
        with pytest.raises(TypeError, match=r"o_auth_token is the key as a str, .* got a int"):
            capillary.CapillaryClient(o_auth_token=1234)  # type: ignore[arg-type]

    def test_an_error_prints_under_the_package_with_the_url_as_sent(self) -> None:
        _, http = transport(400, {"warnings": [], "errors": []})
        client = capillary.CapillaryClient(basic_auth=("till", "Pass123"), http_client=http)
        with pytest.raises(capillary.BadRequestError) as caught:
            client.customers.update_customer("a b/c", source="INSTORE", body={})
        printed = "".join(traceback.format_exception_only(caught.value))
        assert printed.startswith(
            "capillary.BadRequestError: 400 Bad Request from PUT "
            "https://eu.api.capillarytech.com/v2/customers/a%20b%2Fc:"
        ), printed

    def test_an_off_spec_error_body_still_raises_the_typed_error(self) -> None:
        _, http = transport(400, ["not", "an", "envelope"])
        client = capillary.CapillaryClient(basic_auth=("till", "Pass123"), http_client=http)
        with pytest.raises(capillary.BadRequestError) as caught:
            client.customers.update_customer("171891944", source="INSTORE", body={})
        assert caught.value.error is None
        assert caught.value.error_as(capillary.models.ErrorEnvelope) is None
        assert caught.value.body == ["not", "an", "envelope"]

    def test_md5_basic_auth_and_query_parameters(self) -> None:
        seen, http = transport(200, {"createdId": 1, "warnings": [], "sideEffects": []})
        client = capillary.CapillaryClient(basic_auth=("till", "Pass123"), http_client=http)
        client.customers.update_customer_by_identifier(
            source="INSTORE",
            identifier_name="mobile",
            identifier_value="+91 999",
            use_async=True,
            body={},
        )
        request = seen[0]
        assert request.url.path == "/v2/customers/lookup"
        assert request.url.params == httpx.QueryParams(
            {
                "source": "INSTORE",
                "identifierName": "mobile",
                "identifierValue": "+91 999",
                "use_async": "true",
            }
        )
        token = base64.b64encode(b"till:2f23fa3579f3f75175793649115c1b25").decode()
        assert request.headers["authorization"] == f"Basic {token}"

    def test_oauth_token_header(self) -> None:
        seen, http = transport(200, {"createdId": 1})
        capillary.CapillaryClient(o_auth_token="tok", http_client=http).customers.update_customer(
            "1", source=capillary.models.Source.WECHAT, account_id="acc", body={}
        )
        assert seen[0].headers["x-cap-api-oauth-token"] == "tok"
        assert "authorization" not in seen[0].headers
        assert seen[0].url.params["source"] == "WECHAT"

    def test_enum_parameters_are_typed(self) -> None:
        annotations = inspect.signature(
            capillary.CapillaryClient(o_auth_token="t").customers.update_customer_by_identifier
        ).parameters
        assert "'cardnumber'" in str(annotations["identifier_name"].annotation)
        assert "Source" in str(annotations["source"].annotation)

    def test_base_url_overridable_and_user_agent(self) -> None:
        seen, http = transport(200, {"createdId": 1})
        client = capillary.CapillaryClient(
            basic_auth=("t", "p"), base_url="https://apac.api.capillarytech.com", http_client=http
        )
        client.customers.update_customer("1", source="INSTORE", body={})
        assert seen[0].url.host == "apac.api.capillarytech.com"
        assert seen[0].headers["user-agent"].startswith("capillary-python/v2")
