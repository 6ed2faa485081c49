"""The client package from Jinja templates; templates receive IR objects only."""

from __future__ import annotations

import hashlib
import io
import re
import tokenize
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

import jinja2

from ..core import names
from ..ir import Api, Resource
from . import reference

if TYPE_CHECKING:
    from .split import ModelModule

TEMPLATE_DIR = Path(__file__).resolve().parents[2] / "templates"


def _finalize(value: object) -> object:
    # Spec text must pass through a names.py filter; a bare str here is a bug, not output.
    if isinstance(value, names.Identifier | names.PyCode | names.Markdown | bool | int):
        return value
    raise TypeError(f"template printed {type(value).__name__} {value!r} without a filter")


def parameter(
    name: str, annotation: names.PyCode, optional: bool = False, indent: int = 8
) -> names.PyCode:
    """``name: annotation``, ``| Omit = omit`` if ``optional``, as black lays it out on its
    own line of a signature (``indent`` deep, a comma after it): an annotation too long for
    the line that is a union goes in parentheses, which ruff's formatter keeps but would not
    add: the generated code must be as black lays it out."""
    if optional:
        annotation = names.PyCode(f"{annotation} | Omit")
    default = " = omit" if optional else ""
    line = f"{name}: {annotation}{default},"
    if indent + len(line) <= names.LINE_LENGTH or not _is_union(annotation):
        return names.PyCode(line[:-1])
    inner = " " * (indent + 4)
    return names.PyCode(f"{name}: (\n{inner}{annotation}\n{' ' * indent}){default}")


def _is_union(annotation: str) -> bool:
    """Whether ``annotation`` has ``|`` outside any brackets (and strings)."""
    depth = 0
    for token in tokenize.generate_tokens(io.StringIO(annotation).readline):
        if token.type == tokenize.OP:
            if token.string in {"(", "[", "{"}:
                depth += 1
            elif token.string in {")", "]", "}"}:
                depth -= 1
            elif token.string == "|" and depth == 0:
                return True
    return False


# A model as a return annotation, ``models.Name``, too long for a signature's last line even
# in parentheses (``) -> (`` then the name, 8 deep): black puts it in parentheses anyway,
# ruff's formatter does not. On a name without a dot they agree, so such a model is returned
# by its bare name, imported for type checkers alone.
_MODEL = re.compile(r"models\.([A-Za-z_][A-Za-z0-9_]*)")


def _bare_model(annotation: str, resource: Resource) -> str | None:
    found = _MODEL.fullmatch(annotation)
    if found is None or 8 + len(annotation) <= names.LINE_LENGTH:
        return None
    # Not a name the module binds itself (its resource classes): that would shadow it.
    taken = (resource.class_name, f"Async{resource.class_name}")
    return None if found[1] in taken else found[1]


def returns(annotation: names.PyCode, resource: Resource) -> names.PyCode:
    """A method's return annotation as its signature gives it (see ``_MODEL``)."""
    return names.PyCode(_bare_model(annotation, resource) or annotation)


def bare_models(resource: Resource) -> list[names.PyCode]:
    """The models ``resource``'s methods return by their bare names, to import."""
    found = (_bare_model(op.result_annotation, resource) for op in resource.operations)
    return [names.PyCode(name) for name in sorted({name for name in found if name})]


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
        finalize=_finalize,
    )
    env.filters.update(
        py_str=names.py_str,
        toml_str=names.toml_str,
        docstring=names.docstring,
        docstring_end=names.docstring_end,
        comment=names.comment,
        md_text=names.md_text,
        md_prose=names.md_prose,
        md_code=names.md_code,
        md_block=names.md_block,
    )
    env.globals.update(
        construct=reference.construct,
        install=reference.install,
        signature=reference.signature,
        example=reference.example,
        parameter=parameter,
        returns=returns,
        bare_models=bare_models,
    )
    return env


_ENV = _environment()


def render_client(api: Api) -> dict[PurePosixPath, str]:
    """The package's ``__init__``, its clients and one module per resource."""
    context = {"api": api}
    files = {
        PurePosixPath("__init__.py"): _ENV.get_template("package_init.py.jinja").render(context),
        PurePosixPath("_client.py"): _ENV.get_template("client.py.jinja").render(context),
        PurePosixPath("resources/__init__.py"): _ENV.get_template("resources_init.py.jinja").render(
            context
        ),
    }
    files[PurePosixPath("README.md")] = _ENV.get_template("reference.md.jinja").render(context)
    resource = _ENV.get_template("resource.py.jinja")
    for item in api.resources:
        files[PurePosixPath(f"resources/{item.py_name}.py")] = resource.render(
            api=api, resource=item
        )
    return files


def render_models_init(api: Api, modules: list[ModelModule]) -> str:
    """``models/__init__``: every model's name, loading its module on first use."""
    exported = names.export_order([n for m in modules for n in m.names])
    return _ENV.get_template("models_init.py.jinja").render(
        api=api, modules=modules, names=exported
    )


# The backend that builds the wheel, pinned as requirements.lock pins it (make dist builds
# offline with the installed one).
BUILD_BACKEND = "hatchling==1.33.0"
# What the clients need: the lowest releases are those the packaging test installs too
# (pydantic exports the MISSING sentinel the models use from 2.14 on).
DEPENDENCIES = ("httpx>=0.27,<1", "pydantic>=2.14,<3")
PYPROJECT = PurePosixPath("pyproject.toml")


def render_pyproject(api: Api, files: Mapping[PurePosixPath, str]) -> str:
    """The package's metadata; its version ends in a digest of ``files``, the package's other
    files (not the generator's records, ``*.sha256``, which change with the generator alone)."""
    digest = hashlib.sha256()
    for path in sorted(files):
        if path.suffix != ".sha256" and path != PYPROJECT:
            digest.update(f"{path}\0{len(files[path].encode())}\0".encode())
            digest.update(files[path].encode())
    return _ENV.get_template("pyproject.toml.jinja").render(
        api=api,
        digest=digest.hexdigest()[:12],
        build_backend=BUILD_BACKEND,
        dependencies=DEPENDENCIES,
    )
