"""Test settings: the real settings with a fast password hasher, tasks run
immediately, and uploads in a temporary directory."""

import base64
import os
import tempfile
from pathlib import Path

os.environ.setdefault("SANGAM_VAR_DIR", tempfile.mkdtemp(prefix="sangam-test-"))
# Keys of this test run only (inherited by the commands tests start); the
# developer's own key file is never read.
os.environ.setdefault("SANGAM_DATA_KEYS", "test:" + base64.b64encode(os.urandom(32)).decode())
os.environ.setdefault("SANGAM_BLIND_INDEX_KEY", base64.b64encode(os.urandom(32)).decode())
os.environ.setdefault("SANGAM_KEY_FILE", str(Path(os.environ["SANGAM_VAR_DIR"]) / "no-key-file"))
# The audit chain's key: random per run (commands run in subprocesses inherit it).
os.environ.setdefault("SANGAM_AUDIT_KEY", base64.b64encode(os.urandom(32)).decode())

from sangam.site.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
VAR_DIR = Path(os.environ["SANGAM_VAR_DIR"])
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405 (whitenoise warns otherwise)
# Production marks session activity once a minute; saving on every request
# keeps query counts per request constant in tests (test_login checks the
# once-a-minute mark with this off).
SESSION_SAVE_EVERY_REQUEST = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    # The login race tests meet 30 concurrent attempts at a barrier in one
    # process, each holding its connection; a gunicorn worker has only
    # SANGAM_WEB_THREADS (2) at a time, so production keeps its small pool.
    DATABASES["default"]["OPTIONS"]["pool"]["max_size"] = 32  # noqa: F405
