"""`sangam directory import` answers a file it cannot take with a clear
error, never a traceback: NUL characters, lone surrogates, deep nesting."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sangam.directory.models import Organization

ORG = "4ab8b6e2-5d6f-4c2a-9a55-0d7c1f0a0001"


def organization(name):
    return {"id": ORG, "name": name, "description": "Synthetic organization"}


@pytest.mark.parametrize("name", ["Nul\u0000Org (synthetic)", "Lone \ud800 surrogate"])
def test_text_no_database_stores_is_an_error_with_its_place(db, tmp_path, capsys, name):
    path = tmp_path / "d.json"
    path.write_text(json.dumps([organization(name)]), encoding="utf-8")
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("directory", "import", str(path))
    assert "error /0/name: contains a character that is not text" in capsys.readouterr().err
    assert not Organization.objects.exists()


def test_a_deeply_nested_file_is_refused_with_a_clear_error(db, tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(CommandError, match="nested too deeply"):
        call_command("directory", "import", str(path))
    path.write_text("[" * 500 + "]" * 500, encoding="utf-8")
    with pytest.raises(CommandError, match="nested too deeply"):
        call_command("directory", "import", str(path))
