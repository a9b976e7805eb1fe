import json
import subprocess
import sys


def sangam(env, *args):
    return subprocess.run(
        [sys.executable, "-m", "sangam.site.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_collectstatic_with_the_production_storage_writes_the_manifest(production_env, tmp_path):
    result = sangam(production_env, "collectstatic", "--no-input")
    assert result.returncode == 0, result.stderr
    manifest = json.loads((tmp_path / "static" / "staticfiles.json").read_text())
    # The vendored map and the site's own styles are served under hashed names.
    assert manifest["paths"]["vendor/leaflet/leaflet.js"] != "vendor/leaflet/leaflet.js"
    assert "sangam/sangam.css" in manifest["paths"]


def test_no_shipped_static_file_points_at_a_file_that_is_not_shipped():
    from django.conf import settings

    static = settings.BASE_DIR / "static"
    for path in static.rglob("*.js"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("//# sourceMappingURL="):
                target = path.parent / line.split("=", 1)[1].strip()
                assert target.exists(), f"{path.relative_to(static)} points at {target.name}"


def test_the_deploy_check_fails_until_collectstatic_has_run(production_env):
    before = sangam(production_env, "check", "--deploy")
    assert before.returncode != 0
    assert "sangam.E020" in before.stderr
    assert sangam(production_env, "collectstatic", "--no-input").returncode == 0
    after = sangam(production_env, "check", "--deploy")
    assert after.returncode == 0, after.stderr
