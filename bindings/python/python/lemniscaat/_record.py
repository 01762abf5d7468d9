"""Conversions between Python values and the core's JSON, and ``Record``, the read-only result
with attribute access whose typed subclasses ``types.py`` declares."""

from __future__ import annotations

import datetime as _dt
import json as _json
import math as _math
import numbers as _numbers
import typing
from decimal import Decimal
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Tuple

from .errors import InputError


def _float_like(value: Any) -> bool:
    """A binary floating-point number (``float``, NumPy's floats) or another inexact real: never a
    decimal of the library, which reads exact decimals only."""
    return isinstance(value, _numbers.Real) and not isinstance(value, _numbers.Integral)


def _float_error(value: Any, path: str) -> InputError:
    return InputError(
        "INVALID_DECIMAL",
        path,
        f"{value!r} is a float: pass decimal.Decimal or a string so that nothing is rounded",
        f"{value!r} is een float: geef decimal.Decimal of een tekst zodat niets wordt afgerond",
    )


def _decimal(value: Any) -> Any:
    """A decimal argument for the core's JSON: its text (``Decimal``, ``str``, ``int``). A float
    stays a float, so that the core refuses it with ``INVALID_DECIMAL`` at its path (a JSON number
    with a fraction never becomes a decimal) instead of reading ``str(0.1 + 0.2)``; one that JSON
    cannot carry (NaN, infinity, NumPy's ``float32``) is refused by ``_dumps``."""
    return value if _float_like(value) else _text(value)


def _text(value: Any) -> str:
    """The text of a decimal argument: a ``Decimal`` in positional notation (``str`` would write
    ``Decimal("0.00000001")`` as ``1E-8``, which the core refuses), anything else as ``str``."""
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def _encode(value: Any) -> Any:
    """JSON encoding of Python values: decimals and dates as strings, dataclasses as dicts."""
    if isinstance(value, Decimal):
        return _text(value)
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, _numbers.Integral) and not isinstance(value, bool):
        return int(value)  # NumPy's integers
    if _float_like(value):
        raise _float_error(value, "")
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    raise TypeError(f"cannot encode {type(value).__name__}")


def _float_at(value: Any, path: str = "") -> Optional[Tuple[str, Any]]:
    """The JSON Pointer and the value of the first float in ``value`` that JSON cannot carry as a
    number (NaN, infinity, NumPy's ``float32``), or ``None``."""
    if isinstance(value, Mapping):
        items: Iterable[Tuple[Any, Any]] = value.items()
    elif isinstance(value, (list, tuple)):
        items = enumerate(value)
    elif callable(getattr(value, "to_dict", None)):
        return _float_at(value.to_dict(), path)
    elif _float_like(value) and not (isinstance(value, float) and _math.isfinite(value)):
        return path, value
    else:
        return None
    for k, v in items:
        found = _float_at(v, f"{path}/{str(k).replace('~', '~0').replace('/', '~1')}")
        if found is not None:
            return found
    return None


def _dumps(value: Any) -> str:
    """JSON for the core. Floats that JSON carries go as numbers, which the core refuses wherever
    it reads a decimal (``INVALID_DECIMAL`` at their path); NaN, infinity and other inexact
    numbers are refused here, at their path."""
    try:
        return _json.dumps(value, default=_encode, ensure_ascii=False, allow_nan=False)
    except ValueError as e:  # NaN or infinity (allow_nan=False), or a float-like from _encode
        found = _float_at(value) if isinstance(e, InputError) or "float" in str(e) else None
        if found is None:
            raise
        raise _float_error(found[1], found[0]) from (None if isinstance(e, InputError) else e)


class Record(Mapping[str, Any]):
    """A result of the library: a read-only mapping with attribute access.

    The classes of ``lemniscaat.types`` declare each field's type; a field reads as that type
    (a nested result as its class, a decimal as ``Decimal``, a date as ``date``).
    ``to_dict()`` gives plain Python values (``Decimal``, ``date``); ``to_json()`` the core's
    JSON (decimals as strings)."""

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[str, Any]) -> None:
        object.__setattr__(self, "_data", dict(data))

    def _field(self, name: str) -> Any:
        hint = _hints(type(self)).get(name)
        if name not in self._data:
            if hint is not None and _optional(hint):
                return None  # a field the library leaves out when it has no value
            raise KeyError(name)
        return _typed(self._data[name], hint)

    def __getattr__(self, name: str) -> Any:
        try:
            return self._field(name)
        except KeyError:
            raise AttributeError(f"{type(self).__name__} has no field {name!r}") from None

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("results are read-only")

    def __getitem__(self, key: str) -> Any:
        return self._field(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __dir__(self) -> List[str]:
        return sorted(set(super().__dir__()) | set(self._data))

    def __repr__(self) -> str:
        inner = ", ".join(f"{k}={v!r}" for k, v in list(self._data.items())[:6])
        more = ", ..." if len(self._data) > 6 else ""
        return f"{type(self).__name__}({inner}{more})"

    def to_dict(self) -> Dict[str, Any]:
        """The result as plain Python values (a deep copy)."""
        return dict(_plain(self._data))

    def to_json(self) -> str:
        """The result as JSON (decimals and dates as strings)."""
        return _dumps(self._data)


def _plain(v: Any) -> Any:
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_plain(x) for x in v]
    return v


_HINTS: Dict[type, Dict[str, Any]] = {}


def _hints(cls: type) -> Dict[str, Any]:
    """The declared field types of a result class (none for ``Record`` itself)."""
    found = _HINTS.get(cls)
    if found is None:
        found = {k: v for k, v in typing.get_type_hints(cls).items() if not k.startswith("_")}
        _HINTS[cls] = found
    return found


def _optional(hint: Any) -> bool:
    return typing.get_origin(hint) is typing.Union and type(None) in typing.get_args(hint)


def _tags(cls: type) -> Dict[str, Any]:
    """The fields of a variant of a tagged union with their one value (``kind: Literal["rule"]``)."""
    return {
        k: typing.get_args(h)[0]
        for k, h in _hints(cls).items()
        if typing.get_origin(h) is typing.Literal and len(typing.get_args(h)) == 1
    }


def _typed(v: Any, hint: Any) -> Any:
    """A value of the core as its declared type: a dict as its result class (the variant of a
    union whose tag it carries), a list of two as a tuple, a decimal or date string as ``Decimal``
    or ``date``; an undeclared dict as a ``Record``."""
    if v is None:
        return None
    if hint is None or hint is Any:
        return Record(v) if isinstance(v, dict) else [_typed(x, None) for x in v] if isinstance(v, list) else v
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if isinstance(hint, type):
        if issubclass(hint, Record):
            return hint(v) if isinstance(v, dict) else v
        if hint is Decimal and isinstance(v, str):
            return Decimal(v)
        if hint is _dt.date and isinstance(v, str):
            return _dt.date.fromisoformat(v)
        return v
    if origin is list and isinstance(v, list):
        return [_typed(x, args[0]) for x in v]
    if origin is tuple and isinstance(v, (list, tuple)):
        return tuple(_typed(x, a) for x, a in zip(v, args))
    if origin is dict and isinstance(v, dict):
        return {k: _typed(x, args[1]) for k, x in v.items()}
    if origin is typing.Union:
        for a in args:
            if isinstance(a, type) and issubclass(a, Record):
                if isinstance(v, dict) and all(v.get(k) == t for k, t in _tags(a).items()):
                    return a(v)
            elif a is not type(None) and _fits(v, a):
                return _typed(v, a)
    return v


def _fits(v: Any, hint: Any) -> bool:
    """Whether a value of the core is of the shape of a member of a union."""
    origin = typing.get_origin(hint) or hint
    if origin is typing.Literal:
        return v in typing.get_args(hint)
    if origin is Decimal or origin is _dt.date:
        return isinstance(v, (origin, str))
    return isinstance(origin, type) and isinstance(v, origin)
