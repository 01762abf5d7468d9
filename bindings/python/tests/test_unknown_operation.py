"""An operation `call` does not know is a typed error, never a default result (issue 21)."""

import pytest

import lemniscaat


@pytest.mark.parametrize("operation", ["nope", "", "Entitlement", "ledgerStatements"])
def test_an_unknown_operation_is_an_input_error_naming_the_known_ones(operation):
    with pytest.raises(lemniscaat.InputError) as e:
        lemniscaat.call(operation, "{}")
    err = e.value
    assert err.code == "INVALID_VALUE"
    assert err.path == ""
    assert f"unknown operation '{operation}'" in err.message_en
    assert f"onbekende bewerking '{operation}'" in err.message_nl
    assert "entitlement" in err.message_en and "rule_sets" in err.message_nl
