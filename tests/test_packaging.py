"""An installed newswatch shadows nothing and is shadowed by nothing.

The wheel is built from this checkout and installed into a fresh virtualenv beside a
distribution whose top-level packages carry the names of our stage folders (as PyPI's
``notifiers`` and ``schemas`` do); then every newswatch module and theirs are imported
side by side.
"""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
STAGES = ("schemas", "kafkaio", "telemetry", "producers", "streams", "notifiers")

IMPORT_ALL = """
import importlib, pkgutil
import newswatch
names = [m.name for m in pkgutil.walk_packages(newswatch.__path__, "newswatch.")
         if not m.name.endswith("__main__")]
for name in names:
    importlib.import_module(name)
for stage in STAGES:
    namesake = importlib.import_module(stage)
    assert getattr(namesake, "NAMESAKE", False), namesake.__file__
    ours = importlib.import_module("newswatch." + stage)
    assert not hasattr(ours, "NAMESAKE"), ours.__file__
print(len(names))
"""


def _install_namesakes(python: Path) -> None:
    """Packages named like our stages, written into site-packages as another
    distribution's files would be."""
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path("
                           "'purelib'))"], check=True, capture_output=True, text=True).stdout
    for stage in STAGES:
        package = Path(site.strip()) / stage
        package.mkdir()
        (package / "__init__.py").write_text("NAMESAKE = True\n")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w",
                    str(out), str(ROOT)], check=True, timeout=300)
    [built] = out.glob("newswatch-*.whl")
    return built


def test_wheel_holds_one_top_level_package(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")}
    assert tops == {"newswatch"}
    for stage in STAGES:
        assert f"newswatch/{stage}/__init__.py" in names, stage
    assert "newswatch/data/kafka-pom.xml" in names


def test_installed_beside_same_named_distributions(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    _install_namesakes(python)
    # Our own dependencies from the project's environment (already resolved and tested).
    requirements = subprocess.run([sys.executable, "-m", "pip", "freeze", "--exclude-editable"],
                                  check=True, capture_output=True, text=True).stdout
    (tmp_path / "req.txt").write_text(requirements)
    subprocess.run([*pip, "-r", str(tmp_path / "req.txt")], check=True, timeout=600)
    subprocess.run([*pip, "--no-deps", str(wheel)], check=True, timeout=300)
    script = f"STAGES = {STAGES!r}\n{IMPORT_ALL}"
    done = subprocess.run([str(python), "-c", script], cwd=tmp_path, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert int(done.stdout.strip()) > 80
