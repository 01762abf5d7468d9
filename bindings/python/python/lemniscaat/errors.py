"""The exceptions of lemniscaat: one base class (a ``ValueError``) and one subclass per family.

Every error carries a stable ``code`` (``"INVALID_WTF"``, ...), the JSON Pointer ``path`` of the
offending value, and messages in Dutch and English."""

from __future__ import annotations

__all__ = ["LemniscaatError", "InputError", "RulesError", "LedgerError", "PlanError", "LimitError"]


class LemniscaatError(ValueError):
    """An input the library refuses. ``code`` is stable across versions and languages."""

    code: str
    path: str
    message_en: str
    message_nl: str

    def __init__(self, code: str, path: str, message_en: str, message_nl: str) -> None:
        where = f" at {path}" if path else ""
        super().__init__(f"{code}{where}: {message_en}")
        self.code = code
        self.path = path
        self.message_en = message_en
        self.message_nl = message_nl

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (type(self), (self.code, self.path, self.message_en, self.message_nl))


class InputError(LemniscaatError):
    """Malformed input: JSON, unknown or missing fields, decimals, dates, school years, wtf, ranges."""


class RulesError(LemniscaatError):
    """Rule set selection: ``UNKNOWN_RULE_SET``, ``RULES_NOT_IN_FORCE``."""


class LedgerError(LemniscaatError):
    """A refused ledger event: ``INSUFFICIENT_BALANCE``, ``ASSIGNED_WITHOUT_CONSENT``, ``SAVING_NOT_ALLOWED``."""


class PlanError(LemniscaatError):
    """``ILLEGAL_TRANSITION`` in a plan's lifecycle."""


class LimitError(LemniscaatError):
    """``LIMIT_EXCEEDED``: input beyond the documented size limits."""
