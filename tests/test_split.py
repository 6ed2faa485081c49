"""How the models of one datamodel-code-generator module are shared out among modules, and
which of their imports wait until a value needs them."""

from __future__ import annotations

from generator.render.split import split_modules

HEADER = """from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field
"""


def _holder_and_held(inline: int) -> str:
    """``A`` holds a ``B``, which owns ``inline`` models that only it uses."""
    parts = [HEADER, "class A(BaseModel):\n    b: B | None = None\n"]
    fields = "".join(f"    p{i}: BPart{i} | None = None\n" for i in range(inline))
    parts.append(f"class B(BaseModel):\n{fields or '    x: int | None = None'}\n")
    parts += [f"class BPart{i}(BaseModel):\n    x: int | None = None\n" for i in range(inline)]
    return "\n\n".join(parts)


def _texts(source: str, named: set[str]) -> dict[str, str]:
    return {m.name: m.text for m in split_modules(source, named)}


def test_a_module_that_would_load_many_models_is_imported_when_a_value_needs_it() -> None:
    texts = _texts(_holder_and_held(25), {"A", "B"})
    assert 'B = lazy_model(".b", "B", __package__)' in texts["a"]
    assert "    b: Annotated[B, LAZY] | None = None" in texts["a"]
    assert "    from .b import B\n" in texts["a"]  # under TYPE_CHECKING, for type checkers


def test_a_small_one_is_imported_as_usual() -> None:
    texts = _texts(_holder_and_held(3), {"A", "B"})
    assert "from .b import B\n" in texts["a"]
    assert "lazy_model" not in texts["a"] and "LAZY" not in texts["a"]


def test_models_that_hold_each_other_get_a_module_each() -> None:
    source = HEADER + """

class A(BaseModel):
    b: B | None = None


class B(BaseModel):
    a: list[A] | str | None = None
"""
    texts = _texts(source, {"A", "B"})
    assert sorted(texts) == ["a", "b"]
    assert "    b: Annotated[B, LAZY] | None = None" in texts["a"]
    assert "    a: Annotated[list[A], LAZY] | str | None = None" in texts["b"]


def test_models_needed_while_a_class_is_created_are_imported() -> None:
    # A base class, and a constrained field (pydantic checks the constraint against the
    # type as written), cannot wait; the other side of the cycle does.
    source = HEADER + """

class A(BaseModel):
    b: B | None = None


class B(BaseModel):
    a: Annotated[list[A] | None, Field(min_length=1)] = None


class C(B):
    pass
"""
    texts = _texts(source, {"A", "B", "C"})
    assert sorted(texts) == ["a", "b", "c"]
    assert 'B = lazy_model(".b", "B", __package__)' in texts["a"]
    assert "from .a import A\n" in texts["b"] and "LAZY" not in texts["b"]
    assert "from .b import B\n" in texts["c"]


def test_models_needing_each_other_while_created_share_a_module() -> None:
    source = HEADER + """

class A(BaseModel):
    b: Annotated[list[B] | None, Field(max_length=3)] = None


class B(BaseModel):
    a: Annotated[list[A] | None, Field(min_length=1)] = None
"""
    assert list(_texts(source, {"A", "B"})) == ["a"]


def test_a_string_after_a_definition_stays_with_it_and_one_before_all_is_dropped() -> None:
    # The model tool documents a type alias with a string after it; a string before any
    # definition is a module docstring, which each module writes itself.
    source = '''"""Written by the tool."""

from __future__ import annotations

from typing import TypeAlias

from pydantic import BaseModel


Code: TypeAlias = str
"""A code, as the vendor
spells it."""


class A(BaseModel):
    code: Code | None = None
'''
    modules = split_modules(source, {"A", "Code"})
    texts = {m.name: m.text for m in modules}
    assert texts["code"].endswith(
        'Code: TypeAlias = str\n"""A code, as the vendor\nspells it."""\n'
    )
    assert "Written by the tool" not in "".join(texts.values())
    assert [n for m in modules for n in m.names] == ["A", "Code"]
