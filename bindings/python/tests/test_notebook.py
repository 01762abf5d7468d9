"""examples/analysis.ipynb runs from top to bottom (its code cells, in order, in one namespace)."""

import json
import pathlib
import sys
import types

import pytest

NOTEBOOK = pathlib.Path(__file__).resolve().parents[3] / "examples" / "analysis.ipynb"


def test_notebook_runs(monkeypatch):
    pytest.importorskip("pandas")
    shown = []
    # IPython may be absent: a stand-in display module records what the notebook shows.
    ipy = types.ModuleType("IPython")
    disp = types.ModuleType("IPython.display")
    disp.SVG = lambda data: ("svg", data)
    disp.display = lambda obj: shown.append(obj)
    ipy.display = disp
    monkeypatch.setitem(sys.modules, "IPython", ipy)
    monkeypatch.setitem(sys.modules, "IPython.display", disp)
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    ns: dict = {}
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            exec(compile("".join(cell["source"]), str(NOTEBOOK), "exec"), ns)
    assert len(ns["batch"]) == 30
    assert ns["report"].counts.error == 3
    assert shown and shown[0][1].startswith("<svg")
