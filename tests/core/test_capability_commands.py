"""Each capability's batch work is one command with subcommands; the old
command names still work for one release and say where they moved."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


def test_a_subcommand_runs_with_its_own_options(db):
    out = StringIO()
    call_command("prevention", "checkins", "--no-email", stdout=out)
    assert "alerts raised" in out.getvalue()


def test_an_old_command_name_still_works_and_says_where_it_moved(db):
    out, err = StringIO(), StringIO()
    call_command("checkins", "--no-email", stdout=out, stderr=err)
    assert "alerts raised" in out.getvalue()
    assert "sangam prevention checkins" in err.getvalue()


def test_a_subcommand_refuses_bad_input_with_a_clear_error(db):
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("prevention", "checkins", "--date", "yesterday")


def test_an_unknown_verb_is_refused():
    with pytest.raises(CommandError):
        call_command("matching", "explode")
