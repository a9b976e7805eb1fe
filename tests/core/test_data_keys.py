"""The data keys: random, in a file outside the repository, never derived
from anything in the code; production takes them from the environment only."""

import base64
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

from sangam.core import crypto

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def no_keys(monkeypatch, tmp_path):
    """The environment gives no keys; the key file is in a fresh folder."""
    monkeypatch.delenv("SANGAM_DATA_KEYS")
    monkeypatch.delenv("SANGAM_BLIND_INDEX_KEY")
    path = tmp_path / "config" / "sangam" / "keys"
    monkeypatch.setenv("SANGAM_KEY_FILE", str(path))
    crypto.forget_keys()
    yield path
    monkeypatch.undo()
    crypto.forget_keys()


def test_without_keys_nothing_is_encrypted_with_a_key_from_the_code(no_keys):
    with pytest.raises(ImproperlyConfigured, match="sangam keys init"):
        crypto.encrypt("Synthetic Name", "cases.survivor.name")
    with pytest.raises(ImproperlyConfigured):
        crypto.token_digest("synthetic")
    from sangam.core.checks import data_keys_configured

    assert [e.id for e in data_keys_configured(None)] == ["sangam.E001"]


def test_keys_init_writes_random_keys_once_to_a_private_file(no_keys, capsys):
    call_command("keys", "init")
    assert "generated new random keys" in capsys.readouterr().out
    assert no_keys.stat().st_mode & 0o777 == 0o600
    assert no_keys.parent.stat().st_mode & 0o777 == 0o700
    first = no_keys.read_text()
    token = crypto.encrypt("Synthetic Name", "cases.survivor.name")
    assert crypto.decrypt(token, "cases.survivor.name") == "Synthetic Name"
    call_command("keys", "init")  # a second run keeps the keys the data is encrypted with
    assert no_keys.read_text() == first
    assert crypto.new_keys() != crypto.new_keys()


def test_a_key_file_others_can_read_is_refused(no_keys):
    call_command("keys", "init")
    no_keys.chmod(0o644)
    crypto.forget_keys()
    with pytest.raises(ImproperlyConfigured, match="readable by others"):
        crypto.data_keys()


def test_the_key_file_is_refused_inside_the_repository(no_keys, monkeypatch):
    from django.core.management.base import CommandError

    monkeypatch.setenv("SANGAM_KEY_FILE", str(REPO / "var" / "keys"))
    with pytest.raises(CommandError, match="outside the repository"):
        call_command("keys", "init")
    assert not (REPO / "var" / "keys").exists()


def env_without_keys(tmp_path, **extra):
    env = {k: v for k, v in os.environ.items() if k not in crypto.KEY_NAMES}
    env.pop("SANGAM_KEY_FILE", None)
    env.pop("XDG_CONFIG_HOME", None)
    env.pop("DATABASE_URL", None)
    env.update(HOME=str(tmp_path), SANGAM_VAR_DIR=str(tmp_path / "var"), **extra)
    env["DJANGO_SETTINGS_MODULE"] = "sangam.site.settings"
    return env


def sangam(*args, env):
    return subprocess.run(
        [sys.executable, "-m", "sangam.site.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
    )


def test_make_runs_first_start_makes_the_key_file_in_the_users_config_and_says_so(tmp_path):
    assert "keys init" in (REPO / "scripts" / "run").read_text()
    env = env_without_keys(tmp_path)
    refused = sangam("check", env=env)
    assert refused.returncode != 0 and "sangam keys init" in refused.stderr
    made = sangam("keys", "init", env=env)
    path = tmp_path / ".config" / "sangam" / "keys"
    assert made.returncode == 0, made.stderr
    assert str(path) in made.stdout and "Back it up" in made.stdout
    assert path.stat().st_mode & 0o777 == 0o600
    assert sangam("check", env=env).returncode == 0


def test_production_refuses_to_start_without_keys_in_its_environment(tmp_path):
    env = env_without_keys(
        tmp_path,
        SANGAM_ENV="production",
        SANGAM_SECRET_KEY="k3y-" + "x9Q!z7#Lm2$Vb8&Rt5" * 4,
        SANGAM_ALLOWED_HOSTS="sangam.example.org",
    )
    # A development key file on the machine is not used in production.
    path = tmp_path / ".config" / "sangam" / "keys"
    path.parent.mkdir(parents=True)
    path.write_text(crypto.new_keys())
    result = sangam("check", env=env)
    assert result.returncode != 0
    assert "SANGAM_DATA_KEYS is required in production" in result.stderr
    env["SANGAM_DATA_KEYS"] = "k1:" + base64.b64encode(os.urandom(32)).decode()
    env["SANGAM_BLIND_INDEX_KEY"] = base64.b64encode(os.urandom(32)).decode()
    assert sangam("check", env=env).returncode == 0
