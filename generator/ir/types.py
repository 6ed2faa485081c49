"""The IR's values: frozen dataclasses, all a renderer reads (build_ir makes them)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..core.errors import Diagnostic, SourceRef
from ..core.names import Identifier, PyCode, py_str
from ..spec.media import Kind

Location = Literal["path", "query", "header", "cookie"]
AuthKind = Literal["bearer", "basic", "api_key", "oauth2"]
PaginationStyle = Literal["cursor", "next_url", "offset", "page"]
PaginationSource = Literal["body", "header", "last_item", ""]


@dataclass(frozen=True, slots=True)
class OAuthFlows:
    """What an OAuth 2.0 scheme gives the client: its token URLs ('' where the spec has none),
    the scopes the operations require, and the client's arguments (client id, secret and
    refresh token)."""

    token_url: str  # the clientCredentials flow's
    refresh_url: str
    scopes: tuple[str, ...]
    auth_method: str  # how the client authenticates to them: client_secret_basic or _post
    arguments: tuple[Identifier, Identifier, Identifier]


@dataclass(frozen=True, slots=True)
class SecurityScheme:
    wire_name: str
    py_name: Identifier
    kind: AuthKind
    description: str
    api_key_name: str = ""
    api_key_location: str = ""
    password_hash: str = ""
    oauth: OAuthFlows | None = None

    @property
    def arguments(self) -> tuple[Identifier, ...]:
        """The client's arguments for it."""
        return self.oauth.arguments if self.oauth is not None else (self.py_name,)


@dataclass(frozen=True, slots=True)
class Parameter:
    wire_name: str
    py_name: Identifier
    location: Location
    required: bool
    annotation: PyCode
    description: str
    default_doc: str
    where: SourceRef
    # A tuple of the values it may take, for a runtime check; empty when any value of its type is.
    allowed: PyCode
    # How the value is serialised (runtime/parameters.py), the spec's or the location's default.
    style: str = "form"
    explode: bool = True

    @property
    def styled(self) -> bool:
        """Whether the runtime must be told its style: it is not its location's default."""
        default = ("form", True) if self.location == "query" else ("simple", False)
        return (self.style, self.explode) != default


@dataclass(frozen=True, slots=True)
class ServerVariable:
    """A variable of a server URL (`https://{host}`), a client argument."""

    wire_name: str
    py_name: Identifier
    default: str
    enum: tuple[str, ...]
    description: str
    # A placeholder the URL holds without declaring it (readings.py): no default to fall
    # back on, so every client must be given it.
    required: bool = False


@dataclass(frozen=True, slots=True)
class BodyEncoding:
    """One media type a request body may be sent as (runtime/content.py's Encoding)."""

    media_type: str
    kind: Kind
    annotation: PyCode  # what the caller passes, without the plain-mapping alternative
    accepts_mapping: bool  # a plain mapping is accepted too, and sent as given
    # form: the properties in style deepObject (Stripe, Twilio).
    deep_objects: tuple[str, ...] = ()
    # multipart: the parts the spec's encoding object gives a contentType.
    part_types: tuple[tuple[str, str], ...] = ()

    @property
    def is_plain_json(self) -> bool:
        """What the runtime sends when told nothing."""
        return self.kind == "json" and self.media_type == "application/json"


@dataclass(frozen=True, slots=True)
class RequestBody:
    encodings: tuple[BodyEncoding, ...]  # the one sent by default first
    required: bool
    description: str

    @property
    def annotation(self) -> PyCode:
        members = list(dict.fromkeys(e.annotation for e in self.encodings))
        if any(e.accepts_mapping for e in self.encodings) and "dict[str, Any]" not in members:
            members.append(PyCode("Mapping[str, Any]"))
        return PyCode(" | ".join(members))

    @property
    def media_type(self) -> str:
        return self.encodings[0].media_type

    @property
    def content_types(self) -> tuple[str, ...]:
        """The media types the caller may choose between (content_type=), when several."""
        return tuple(e.media_type for e in self.encodings) if len(self.encodings) > 1 else ()

    @property
    def content_type_annotation(self) -> PyCode:
        """What content_type= takes: a ``Literal`` of ``content_types``."""
        return PyCode(f"Literal[{', '.join(py_str(t) for t in self.content_types)}]")

    @property
    def plain_json(self) -> bool:
        return len(self.encodings) == 1 and self.encodings[0].is_plain_json


@dataclass(frozen=True, slots=True)
class Response:
    status: str
    code: int
    description: str
    annotation: PyCode | None
    is_success: bool
    exception: Identifier


@dataclass(frozen=True, slots=True)
class Pagination:
    """How a list operation's pages lead to the next (runtime/pagination.py's Pagination):
    from the operation's or the document's ``x-pagination``, or a reading of its shape."""

    style: PaginationStyle
    item_annotation: PyCode  # what iterating the result yields
    items: tuple[str, ...]  # keys from the body to the list; () the body is the list
    param: str  # the parameter the next request sets (cursor, offset, page); "" for next_url
    param_in: Literal["query", "header"]
    size_param: str
    source: PaginationSource  # where the cursor or next URL is read
    at: tuple[str, ...]  # its keys in the body or the last item; a header: (name,)
    has_more: tuple[str, ...]
    total: tuple[str, ...]
    total_pages: tuple[str, ...]
    first_page: int
    # The rule id of the reading that chose it; "" where x-pagination declares it.
    reading: str
    where: SourceRef

    @property
    def summary(self) -> str:
        """How the pages follow one another, in the terms of x-pagination (for warnings)."""
        parts = [f"items {_shown(self.items) if self.items else 'the body'}"]
        if self.source == "header":
            header = self.at[0]
            link = header.lower() == "link"
            source = "the `Link` header's next link" if link else f"the {header} header"
        elif self.source == "last_item":
            source = f"the last item's {_shown(self.at)}"
        else:
            source = f"the body's {_shown(self.at)}"
        if self.style == "cursor":
            parts.append(f"`{self.param}` = {source}")
        elif self.style == "next_url":
            parts.append(f"the next page at {source}")
        elif self.style == "offset":
            parts.append(f"`{self.param}` + the items so far")
        else:
            parts.append(f"`{self.param}` + 1")
        if self.has_more:
            parts.append(f"while {_shown(self.has_more)} is true")
        if self.total:
            parts.append(f"total {_shown(self.total)}")
        if self.total_pages:
            parts.append(f"pages {_shown(self.total_pages)}")
        if self.size_param:
            parts.append(f"size `{self.size_param}`")
        return ", ".join(parts)

    @property
    def arguments(self) -> tuple[PyCode, ...]:
        """The runtime's ``Pagination(...)`` arguments, one a line; defaults left out."""
        found: list[str] = [py_str(self.style)]
        for name, keys in (
            ("items", self.items),
            ("at", self.at),
            ("has_more", self.has_more),
            ("total", self.total),
            ("total_pages", self.total_pages),
        ):
            if keys:
                inside = ", ".join(py_str(k) for k in keys)
                found.append(f"{name}=({inside}{',' if len(keys) == 1 else ''})")
        for name, text in (
            ("param", self.param),
            ("size_param", self.size_param),
            ("source", self.source),
        ):
            if text:
                found.append(f"{name}={py_str(text)}")
        if self.param_in != "query":
            found.append(f"param_in={py_str(self.param_in)}")
        if self.first_page != 1:
            found.append(f"first_page={self.first_page}")
        return tuple(PyCode(a) for a in found)


def _shown(keys: tuple[str, ...]) -> str:
    """Keys as the JSON pointer x-pagination writes them."""
    return "/" + "/".join(k.replace("~", "~0").replace("/", "~1") for k in keys)


@dataclass(frozen=True, slots=True)
class Operation:
    wire_name: str
    py_name: Identifier  # the method's name in its resource
    full_name: Identifier  # unique in the client; model names start with it
    method: str
    path: str
    summary: str
    description: str
    deprecated: bool
    # Safe to repeat: from the method, or the operation's x-idempotent extension.
    idempotent: bool
    # The wire name of the idempotency-key header the operation declares, if any.
    idempotency_header: str
    parameters: tuple[Parameter, ...]
    request_body: RequestBody | None
    responses: tuple[Response, ...]
    return_annotation: PyCode
    security: tuple[tuple[str, ...], ...]
    where: SourceRef
    # The Accept header: the media types its responses document, JSON first.
    accept: str = "application/json"
    # Its own server (path- or operation-level servers), when not the client's.
    server: str = ""
    # Set for a list whose result iterates every page (ir/pagination.py).
    pagination: Pagination | None = None

    @property
    def result_annotation(self) -> PyCode:
        """What the sync method returns: the response's value, or the list's first page."""
        if self.pagination is None:
            return self.return_annotation
        return PyCode(f"SyncPage[{self.pagination.item_annotation}]")

    @property
    def path_parameters(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == "path")

    @property
    def keyword_parameters(self) -> tuple[Parameter, ...]:
        """Required ones first, so the signature reads in order of importance."""
        rest = [p for p in self.parameters if p.location != "path"]
        return tuple(sorted(rest, key=lambda p: not p.required))

    def located(self, location: str) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == location)

    @property
    def styled_parameters(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.styled)

    @property
    def retry_needs_consent(self) -> bool:
        """Repeating it could apply it twice, so retries after sending need the caller's consent."""
        return not self.idempotent and not self.idempotency_header

    @property
    def error_responses(self) -> tuple[Response, ...]:
        return tuple(r for r in self.responses if not r.is_success)

    @property
    def code_annotations(self) -> tuple[PyCode, ...]:
        """Every annotation the method's code (not its docstring) contains."""
        body = (self.request_body.annotation,) if self.request_body else ()
        item = (self.pagination.item_annotation,) if self.pagination else ()
        return (
            *(p.annotation for p in self.parameters),
            *body,
            *item,
            self.return_annotation,
            *(r.annotation for r in self.documented_errors if r.annotation),
        )

    @property
    def documented_errors(self) -> tuple[Response, ...]:
        return tuple(r for r in self.error_responses if r.annotation is not None and r.code)


@dataclass(frozen=True, slots=True)
class ModelField:
    """A property as the spec describes it; nested inline objects appear as dotted paths."""

    path: str
    type: str
    required: bool


@dataclass(frozen=True, slots=True)
class ModelSchema:
    name: Identifier
    schema_json: str  # prepared for datamodel-code-generator
    fields: tuple[ModelField, ...]  # from the spec as written, for the surface snapshot
    where: SourceRef  # the schema, or the operation whose inline schema it is


@dataclass(frozen=True, slots=True)
class WebhookSignature:
    """How deliveries are signed: the x-webhook-signature extension, defaults filled in
    (the runtime's StandardWebhooks or HmacSignature)."""

    scheme: Literal["standard-webhooks", "hmac"]
    tolerance: int
    header: str = ""
    algorithm: str = "sha256"
    encoding: str = "hex"
    prefix: str = ""
    signed: str = "{body}"
    timestamp_header: str = ""

    @property
    def checks_timestamp(self) -> bool:
        return self.scheme == "standard-webhooks" or bool(self.timestamp_header)


@dataclass(frozen=True, slots=True)
class WebhookEvent:
    """One event a vendor sends: a webhook's (or callback's) request body, as a model."""

    label: str  # `webhook pointsEarned`, `callback onPaid of POST /payments`
    key: str  # what unwrap finds it by: its tag's value, else the webhook's name
    model: Identifier
    where: SourceRef


@dataclass(frozen=True, slots=True)
class Webhooks:
    """``client.webhooks``: the signature, and the events told apart by ``tag`` (a property
    whose value each event's payload fixes), or by which model reads the body ("")."""

    signature: WebhookSignature | None
    tag: str
    events: tuple[WebhookEvent, ...]

    @property
    def annotation(self) -> PyCode:
        """What unwrap returns besides raw data: the union of the events' models."""
        models = dict.fromkeys(f"models.{e.model}" for e in self.events)
        return PyCode(" | ".join(models) or "Never")


@dataclass(frozen=True, slots=True)
class Resource:
    """The operations of one tag (or first path segment), reached as ``client.<py_name>``."""

    py_name: Identifier  # the client's attribute and the module's name
    class_name: Identifier  # <Name>Resource; Async<Name>Resource for the async client
    label: str  # the tag or path segment it is named after
    description: str
    operations: tuple[Operation, ...]
    # What its module uses, so that it imports exactly that. Models are referred to as
    # `models.X`, so they load on the first call that needs them, not with the resource.
    uses_models: bool
    typing_imports: tuple[Identifier, ...]
    omit_imports: tuple[Identifier, ...]
    content_imports: tuple[Identifier, ...]  # from the runtime's content module

    @property
    def paginates(self) -> bool:
        return any(op.pagination for op in self.operations)

    @property
    def checks_arguments(self) -> bool:
        return any(p.allowed for op in self.operations for p in op.parameters)

    @property
    def doc(self) -> str:
        if self.description.strip():
            return f"Operations on {self.label}: {self.description}"
        return f"Operations on {self.label}."


@dataclass(frozen=True, slots=True)
class Api:
    vendor: Identifier
    spec_file: str
    client_name: Identifier
    title: str
    description: str
    version: str
    # The package's distribution: its name, and info.version read as a PEP 440 public version.
    distribution: str
    distribution_version: str
    server: str  # the first server's URL, variables as written: https://{host}
    server_variables: tuple[ServerVariable, ...]
    security_schemes: tuple[SecurityScheme, ...]
    operations: tuple[Operation, ...]
    resources: tuple[Resource, ...]
    models: tuple[ModelSchema, ...]
    user_agent: str
    auth_imports: tuple[Identifier, ...]
    exports: tuple[Identifier, ...]
    runtime_exports: tuple[Identifier, ...]
    # Property names that cannot be Python names as they are (non-ASCII: Python NFKC-normalises
    # identifiers, so `ª` would silently become `a`; names that would hide one the model
    # module uses, such as MISSING) and the names models use instead.
    field_names: tuple[tuple[str, Identifier], ...]
    # What the vendor sends: when the spec has webhooks, callbacks or x-webhook-signature.
    webhooks: Webhooks | None = None
    # What building the IR read without the spec saying it (pagination readings).
    warnings: tuple[Diagnostic, ...] = ()

    @property
    def uses_oauth(self) -> bool:
        return any(s.oauth is not None for s in self.security_schemes)

    @property
    def base_url(self) -> str:
        """The server's URL with each variable at its default (a required one as written)."""
        url = self.server
        for variable in self.server_variables:
            if not variable.required:
                url = url.replace("{" + variable.wire_name + "}", variable.default)
        return url
