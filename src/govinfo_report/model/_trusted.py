"""Making model objects from values already checked (private: for the JSON loader only).

Every public way of making a model object (the classes' constructors, :func:`attrs.evolve`,
:func:`~govinfo_report.model.from_cells`) checks every value, at every level. The JSON
loader's fast path (``formats.json._fast``) checks a document's values itself, once, with
the same rules (and gives up on anything it does not accept, for the slow path to name),
so checking them again in each of the 50-odd objects of a report would be paid twice.
:func:`maker` makes an object without that second check, and only for a class whose
construction checks each field on its own and nothing across fields
(:func:`~govinfo_report.model._fields.checks_fields_only`): a class with a rule across
its fields (``Requests``: the 勾稽关系; ``AnnualReport``: its identity) is always made
through its constructor, so those rules run on every path.

Nothing outside the loader may use this: an object made from unchecked values would break
the model's promise that an object that exists is sound.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar, cast

import attrs

from govinfo_report.model._fields import checks_fields_only

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["maker", "slot_setters", "unfrozen_twin"]

T = TypeVar("T")


def slot_setters(cls: type) -> tuple[Callable[[object, object], None], ...]:
    """The setter of each field's slot, in field order, for code that makes ``cls`` unchecked.

    ``obj = object.__new__(cls)`` then ``setter(obj, value)`` for each field makes an object
    unchecked. Raises ``TypeError`` for a class whose construction checks more than each
    field alone.
    """
    if not checks_fields_only(cls):
        msg = f"{cls.__name__} checks rules across its fields: make it with its constructor"
        raise TypeError(msg)
    setters = []
    for field in attrs.fields(cast("type[attrs.AttrsInstance]", cls)):
        slot = cls.__dict__.get(field.name)
        if slot is None or not hasattr(slot, "__set__"):
            msg = f"{cls.__name__}.{field.name} is not a slot"
            raise TypeError(msg)
        setters.append(slot.__set__)
    return tuple(setters)


def unfrozen_twin(cls: type) -> type:
    """A class laid out as ``cls`` (its bases, the same slots), but not frozen.

    An object of the twin takes its field values by plain assignment (``obj.name = value``,
    which the interpreter does without a call, where a slot's setter is a call each), then
    becomes a ``cls`` by ``obj.__class__ = cls``, which Python allows between classes of the
    same layout: the JSON loader's generated hooks make objects so. Raises ``TypeError`` for
    a class whose construction checks more than each field alone, or whose layout the twin
    cannot share (a class with a ``__weakref__`` slot: the model's classes have none).
    """
    slot_setters(cls)  # the same conditions
    fields = attrs.fields(cast("type[attrs.AttrsInstance]", cls))
    twin = type(f"_Unfrozen{cls.__name__}", cls.__bases__, {"__slots__": vars(cls)["__slots__"]})
    probe: Any = object.__new__(twin)
    for i, field in enumerate(fields):
        setattr(probe, field.name, i)
    probe.__class__ = cls  # a TypeError if the layouts differ
    return twin


def maker(cls: type[T]) -> Callable[..., T]:
    """A function making ``cls`` from its field values, positionally in field order, unchecked.

    Raises ``TypeError`` for a class whose construction checks more than each field alone.
    The function makes an object of the class's :func:`unfrozen_twin`, sets its fields and
    makes it a ``cls``: no validator, converter or ``__attrs_post_init__`` runs.
    """
    twin = unfrozen_twin(cls)
    names = [field.name for field in attrs.fields(cast("type[attrs.AttrsInstance]", cls))]
    namespace: dict[str, Any] = {"new": object.__new__, "cls": cls, "twin": twin}
    arguments = ", ".join(f"v{i}" for i in range(len(names)))
    body = "".join(f"    self.{name} = v{i}\n" for i, name in enumerate(names))
    source = (
        f"def make({arguments}):\n    self = new(twin)\n{body}"
        "    self.__class__ = cls\n    return self\n"
    )
    filename = f"<govinfo_report trusted maker of {cls.__qualname__}>"
    exec(compile(source, filename, "exec"), namespace)  # noqa: S102 - generated from field names
    make: Callable[..., T] = namespace["make"]
    return make
