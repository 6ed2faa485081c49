"""The shared runtime, tested once and directly: request building, auth, errors, timeouts."""

from __future__ import annotations

import base64
import json
import logging
from typing import Any

import httpx
import pydantic
import pytest

from generator.runtime import (
    NOT_GIVEN,
    APIConnectionError,
    ApiKeyAuth,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AsyncAPIClient,
    AuthenticationError,
    BadRequestError,
    BasicAuth,
    BearerAuth,
    ConflictError,
    InternalServerError,
    MissingCredentialsError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    SyncAPIClient,
    UnprocessableEntityError,
    md5_password,
    omit,
)
from generator.runtime.client import DEFAULT_TIMEOUT
from generator.runtime.content import Encoding

SECRET = "s3cr3t-token-value"


class Payload(pydantic.BaseModel):
    name: str | pydantic.MISSING | None = pydantic.MISSING  # type: ignore[valid-type]
    points: int = 0


class ErrorBody(pydantic.BaseModel):
    code: int
    message: str


class Recorder:
    def __init__(
        self, status: int = 200, json_body: Any = None, content: bytes | None = None
    ) -> None:
        self.requests: list[httpx.Request] = []
        self.status = status
        self.json_body = {"ok": True} if json_body is None and content is None else json_body
        self.content = content

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.content is not None:
            return httpx.Response(self.status, content=self.content)
        return httpx.Response(self.status, json=self.json_body)

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]


def make_client(recorder: Recorder, **auth: httpx.Auth | None) -> SyncAPIClient:
    return SyncAPIClient(
        base_url="https://api.example.test/base",
        auth=auth,
        user_agent="example-python/1.0",
        http_client=httpx.Client(transport=httpx.MockTransport(recorder)),
        sleep=lambda seconds: None,
    )


def call(client: SyncAPIClient, **overrides: Any) -> Any:
    arguments: dict[str, Any] = {
        "operation": "update_thing",
        "path_params": {"id": "42"},
        "body": omit,
        "cast_to": dict[str, Any],
        "errors": {},
        "security": (),
        "idempotent": True,
    }
    arguments.update(overrides)
    return client.request("PUT", "/things/{id}", **arguments)


def test_only_fields_the_caller_set_are_sent() -> None:
    recorder = Recorder()
    call(make_client(recorder), body=Payload())
    assert json.loads(recorder.last.content) == {}


def test_schema_default_is_not_sent_but_an_explicit_value_is() -> None:
    recorder = Recorder()
    call(make_client(recorder), body=Payload(points=0))
    assert json.loads(recorder.last.content) == {"points": 0}


def test_explicit_none_is_sent_as_null() -> None:
    recorder = Recorder()
    call(make_client(recorder), body=Payload(name=None))
    assert recorder.last.content == b'{"name":null}'


def test_plain_mapping_is_sent_as_given_without_omitted_values() -> None:
    recorder = Recorder()
    call(make_client(recorder), body={"a": 1, "b": omit, "c": None, "nested": [Payload(name="x")]})
    assert json.loads(recorder.last.content) == {"a": 1, "c": None, "nested": [{"name": "x"}]}


def test_form_body_is_encoded_as_stripe_and_twilio_read_it() -> None:
    recorder = Recorder()
    body = {
        "email": "ann@example.com",
        "livemode": False,
        "description": None,
        "skip": omit,
        "tags": ["a", "b"],
        "expand": ["data.customer"],
        "metadata": {"plan": "pro & co"},
        "items": [{"price": "p1", "quantity": 2}],
    }
    form = Encoding("application/x-www-form-urlencoded", "form", deep_objects=("expand",))
    call(make_client(recorder), body=body, encodings=(form,))
    assert recorder.last.headers["content-type"] == "application/x-www-form-urlencoded"
    assert recorder.last.content.decode().split("&") == [
        "email=ann%40example.com",
        "livemode=false",
        "description=",
        "tags=a",
        "tags=b",
        "expand%5B0%5D=data.customer",
        "metadata%5Bplan%5D=pro+%26+co",
        "items%5B0%5D%5Bprice%5D=p1",
        "items%5B0%5D%5Bquantity%5D=2",
    ]


def test_form_body_from_a_model_sends_only_what_was_set() -> None:
    recorder = Recorder()
    form = Encoding("application/x-www-form-urlencoded", "form")
    call(make_client(recorder), body=Payload(name="x"), encodings=(form,))
    assert recorder.last.content == b"name=x"


def test_no_body_sends_no_content_type() -> None:
    recorder = Recorder()
    call(make_client(recorder))
    assert recorder.last.content == b""
    assert "content-type" not in recorder.last.headers


@pytest.mark.parametrize(
    ("value", "encoded"),
    [
        ("a/b", "a%2Fb"),
        ("x y", "x%20y"),
        ("../admin", "..%2Fadmin"),
        ("..", "%2E%2E"),
        (".", "%2E"),
        ("...", "%2E%2E%2E"),
        ("ü?#", "%C3%BC%3F%23"),
        (7, "7"),
    ],
)
def test_path_values_are_percent_encoded(value: object, encoded: str) -> None:
    recorder = Recorder()
    call(make_client(recorder), path_params={"id": value})
    assert recorder.last.url.raw_path.decode() == f"/base/things/{encoded}"


def test_empty_path_value_is_refused() -> None:
    with pytest.raises(ValueError, match="must not be empty"):
        call(make_client(Recorder()), path_params={"id": ""})


def test_query_values_use_json_spelling_and_omit_is_dropped() -> None:
    recorder = Recorder()
    call(make_client(recorder), query={"flag": False, "n": 3, "skip": omit, "tags": ["a", "b"]})
    assert recorder.last.url.query.decode() == "flag=false&n=3&tags=a&tags=b"


def test_headers_user_agent_and_extra_headers() -> None:
    recorder = Recorder()
    call(
        make_client(recorder),
        headers={"X-Trace": "t1", "X-None": omit},
        extra_headers={"X-Extra": "e"},
    )
    headers = recorder.last.headers
    assert headers["user-agent"] == "example-python/1.0"
    assert headers["x-trace"] == "t1" and headers["x-extra"] == "e"
    assert "x-none" not in headers


def test_accept_is_what_the_operation_documents_unless_the_caller_says() -> None:
    recorder = Recorder()
    call(make_client(recorder))
    assert recorder.last.headers["accept"] == "application/json"
    call(make_client(recorder), accept="application/pdf, application/json")
    assert recorder.last.headers["accept"] == "application/pdf, application/json"
    client = SyncAPIClient(
        base_url="https://api.example.test",
        auth={},
        user_agent="x",
        default_headers={"accept": "application/vnd.example+json"},
        http_client=httpx.Client(transport=httpx.MockTransport(recorder)),
    )
    call(client, accept="application/pdf")
    assert recorder.last.headers.get_list("accept") == ["application/vnd.example+json"]
    call(client, accept="application/pdf", extra_headers={"Accept": "text/csv"})
    assert recorder.last.headers.get_list("accept") == ["text/csv"]


def test_a_range_media_type_is_sent_as_a_concrete_one() -> None:
    recorder = Recorder()
    anything = Encoding("*/*", "binary")
    call(make_client(recorder), body=b"PK", encodings=(anything,))
    assert recorder.last.headers["content-type"] == "application/octet-stream"
    call(
        make_client(recorder),
        body=b"PK",
        encodings=(anything,),
        extra_headers={"Content-Type": "application/zip"},
    )
    assert recorder.last.headers.get_list("content-type") == ["application/zip"]
    call(make_client(recorder), body={"a": 1}, encodings=(Encoding("*/*", "json"),))
    assert recorder.last.headers["content-type"] == "application/json"


def test_bearer_auth_header() -> None:
    recorder = Recorder()
    call(make_client(recorder, bearer=BearerAuth(SECRET)), security=(("bearer",),))
    assert recorder.last.headers["authorization"] == f"Bearer {SECRET}"


def test_basic_auth_with_md5_password_hash() -> None:
    recorder = Recorder()
    client = make_client(recorder, basic=BasicAuth("store123", "Pass123", password_hash="md5"))
    call(client, security=(("basic",),))
    # md5("Pass123"); Capillary's docs print bdc87b9c..., which is not its MD5 (DECISIONS.md, D12).
    expected = base64.b64encode(b"store123:2f23fa3579f3f75175793649115c1b25").decode()
    assert recorder.last.headers["authorization"] == f"Basic {expected}"
    assert md5_password("Pass123") == "2f23fa3579f3f75175793649115c1b25"


def test_api_key_in_header_and_query() -> None:
    recorder = Recorder()
    client = make_client(
        recorder,
        header=ApiKeyAuth("k1", name="X-Key", location="header"),
        query=ApiKeyAuth("k2", name="key", location="query"),
    )
    call(client, security=(("header", "query"),))
    assert recorder.last.headers["x-key"] == "k1"
    assert recorder.last.url.params["key"] == "k2"


def test_first_alternative_with_credentials_is_used() -> None:
    recorder = Recorder()
    client = make_client(recorder, basic=BasicAuth("u", "p"), bearer=None)
    call(client, security=(("bearer",), ("basic",)))
    assert recorder.last.headers["authorization"].startswith("Basic ")


def test_missing_credentials_raise_before_sending() -> None:
    recorder = Recorder()
    with pytest.raises(MissingCredentialsError, match="bearer or basic"):
        call(make_client(recorder), security=(("bearer",), ("basic",)))
    assert recorder.requests == []


def test_anonymous_alternative_sends_no_credentials() -> None:
    recorder = Recorder()
    call(make_client(recorder), security=(("bearer",), ()))
    assert "authorization" not in recorder.last.headers


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (422, UnprocessableEntityError),
        (429, RateLimitError),
        (500, InternalServerError),
        (503, InternalServerError),
        (418, APIStatusError),
    ],
)
def test_status_maps_to_typed_error_with_parsed_body(
    status: int, error: type[APIStatusError]
) -> None:
    recorder = Recorder(status, {"code": 8015, "message": "Customer not found"})
    with pytest.raises(error) as caught:
        call(make_client(recorder), errors={status: ErrorBody})
    assert type(caught.value) is error
    assert caught.value.status_code == status
    assert caught.value.body == {"code": 8015, "message": "Customer not found"}
    assert caught.value.error == ErrorBody(code=8015, message="Customer not found")
    assert caught.value.response.status_code == status


def test_undocumented_or_mismatched_error_body_leaves_error_none() -> None:
    recorder = Recorder(404, content=b"<html>not found</html>")
    with pytest.raises(NotFoundError) as caught:
        call(make_client(recorder), errors={404: ErrorBody})
    assert caught.value.error is None
    assert caught.value.body == "<html>not found</html>"


def test_success_body_is_validated_against_its_model() -> None:
    recorder = Recorder(200, {"code": "not a number", "message": "x"})
    with pytest.raises(APIResponseValidationError, match="does not match"):
        call(make_client(recorder), cast_to=ErrorBody)


def test_success_body_is_parsed() -> None:
    recorder = Recorder(200, {"code": 1, "message": "ok"})
    assert call(make_client(recorder), cast_to=ErrorBody) == ErrorBody(code=1, message="ok")


def test_default_timeout_and_per_call_override() -> None:
    recorder = Recorder()
    client = make_client(recorder)
    assert client.timeout == DEFAULT_TIMEOUT == httpx.Timeout(30.0, connect=5.0)
    call(client)
    assert recorder.last.extensions["timeout"] == DEFAULT_TIMEOUT.as_dict()
    call(client, timeout=2.5)
    assert recorder.last.extensions["timeout"] == httpx.Timeout(2.5).as_dict()
    call(client, timeout=NOT_GIVEN)
    assert recorder.last.extensions["timeout"] == DEFAULT_TIMEOUT.as_dict()


def _raise(exc: Exception) -> Any:
    def handler(request: httpx.Request) -> httpx.Response:
        raise exc

    return handler


def test_transport_failures_become_connection_and_timeout_errors() -> None:
    def client_with(handler: Any) -> SyncAPIClient:
        return SyncAPIClient(
            base_url="https://api.example.test",
            auth={"bearer": BearerAuth(SECRET)},
            user_agent="x",
            http_client=httpx.Client(transport=httpx.MockTransport(handler)),
            sleep=lambda seconds: None,
        )

    with pytest.raises(
        APITimeoutError, match=r"timed out: PUT https://api\.example\.test/things/42"
    ):
        call(client_with(_raise(httpx.ReadTimeout("slow"))), security=(("bearer",),))
    with pytest.raises(APIConnectionError) as caught:
        call(client_with(_raise(httpx.ConnectError("refused"))), security=(("bearer",),))
    assert not isinstance(caught.value, APITimeoutError)
    assert SECRET not in str(caught.value)


def test_no_secret_in_reprs_messages_or_logs(caplog: pytest.LogCaptureFixture) -> None:
    recorder = Recorder(401, {"error": "bad token"})
    client = make_client(recorder, bearer=BearerAuth(SECRET), basic=BasicAuth("user", SECRET))
    caplog.set_level(logging.DEBUG)
    with pytest.raises(AuthenticationError) as caught:
        call(client, security=(("bearer",),))
    texts = [repr(client), repr(client._auth), str(caught.value), repr(caught.value), caplog.text]
    assert caplog.text  # a debug line was logged for the request
    for text in texts:
        assert SECRET not in text
        assert base64.b64encode(f"user:{SECRET}".encode()).decode() not in text


def test_context_manager_closes_own_client_but_not_an_injected_one() -> None:
    injected = httpx.Client(transport=httpx.MockTransport(Recorder()))
    with SyncAPIClient(base_url="https://x.test", auth={}, user_agent="x", http_client=injected):
        pass
    assert not injected.is_closed
    with SyncAPIClient(base_url="https://x.test", auth={}, user_agent="x") as own:
        inner = own._client
    assert inner.is_closed


@pytest.mark.anyio
async def test_async_client_same_behaviour() -> None:
    recorder = Recorder(404, {"code": 1, "message": "missing"})
    client = AsyncAPIClient(
        base_url="https://api.example.test",
        auth={"bearer": BearerAuth(SECRET)},
        user_agent="x",
        http_client=httpx.AsyncClient(transport=httpx.MockTransport(recorder)),
    )
    async with client:
        with pytest.raises(NotFoundError) as caught:
            await client.request(
                "PUT",
                "/things/{id}",
                operation="op",
                path_params={"id": "a/b"},
                body=Payload(name="n"),
                cast_to=None,
                errors={404: ErrorBody},
                security=(("bearer",),),
                idempotent=True,
            )
    assert caught.value.error == ErrorBody(code=1, message="missing")
    assert recorder.last.url.raw_path == b"/things/a%2Fb"
    assert recorder.last.content == b'{"name":"n"}'
    assert recorder.last.headers["authorization"] == f"Bearer {SECRET}"


def test_each_exported_name_loads_from_the_module_that_defines_it() -> None:
    """The package names its parts lazily (issue 29): each name of ``__all__`` is found in the
    module its table gives, and ``dir()`` lists them."""
    import importlib

    from generator import runtime

    assert sorted(runtime._MODULES) == sorted(runtime.__all__)
    for name, module in runtime._MODULES.items():
        defined = importlib.import_module(f"generator.runtime.{module}")
        assert getattr(runtime, name) is getattr(defined, name)
    assert runtime.__dir__() == runtime.__all__
    with pytest.raises(AttributeError, match="has no attribute 'Nothing'"):
        runtime.Nothing  # noqa: B018
