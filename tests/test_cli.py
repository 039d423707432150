"""The command line: schema export, and start-up errors that name the setting."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from newswatch.cli import main
from newswatch.schemas import Article


def test_schema_export_writes_valid_schemas(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--out", str(tmp_path)]) == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert "article.schema.json" in names and "rules.schema.json" in names
    schema = json.loads((tmp_path / "article.schema.json").read_text())
    jsonschema.validate(json.loads(Article(id="a", title="t").model_dump_json()), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"id": "a"}, schema)  # no title


def test_worker_without_rules_file_names_the_setting(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("NEWSWATCH_RULES", str(tmp_path / "missing.yaml"))
    assert main(["worker"]) == 2
    assert "NEWSWATCH_RULES: rules file not found" in capsys.readouterr().err


def test_bad_setting_exits_2_with_the_variable(monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("NEWSWATCH_KAFKA_BOOTSTRAP", "nohostport")
    assert main(["topics", "create"]) == 2
    assert "NEWSWATCH_KAFKA_BOOTSTRAP" in capsys.readouterr().err
