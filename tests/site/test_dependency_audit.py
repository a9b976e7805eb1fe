"""The dependency audit's fallback (scripts/audit_pins.py): a pin at its
project's newest release is checked against that release's vulnerabilities;
an older pin is named as not checked, never passed as safe."""

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "audit_pins.py"


def load():
    spec = importlib.util.spec_from_file_location("audit_pins", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_vulnerable_newest_pin_fails_and_an_older_pin_is_named_unchecked(tmp_path, capsys):
    audit = load()
    documents = {
        "safe-lib": {"info": {"version": "1.0"}, "vulnerabilities": []},
        "bad-lib": {
            "info": {"version": "2.0"},
            "vulnerabilities": [{"id": "PYSEC-0000-1", "fixed_in": ["2.1"]}],
        },
        "old-lib": {"info": {"version": "4.0"}, "vulnerabilities": []},
    }
    audit.project = documents.__getitem__
    lock = tmp_path / "requirements.lock"
    lock.write_text("safe-lib==1.0 \\\n    --hash=sha256:00\nold-lib==3.9\n")
    assert audit.main([str(lock)]) == 0
    out = capsys.readouterr().out
    assert "1 of 2 pins checked" in out and "old-lib==3.9 (newest is 4.0)" in out

    lock.write_text("bad-lib==2.0\n")
    assert audit.main([str(lock)]) == 1
    assert "VULNERABLE bad-lib==2.0: PYSEC-0000-1 (fixed in 2.1)" in capsys.readouterr().out
