"""The three descriptions of the environment agree: pyproject.toml, requirements.lock, environment.yml."""

import re
import tomllib

import yaml

from belarus2020.data import paths


def canonical(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def pyproject_packages():
    project = tomllib.loads((paths.ROOT / "pyproject.toml").read_text())["project"]
    names = project["dependencies"] + [d for group in project["optional-dependencies"].values() for d in group]
    return {canonical(re.split(r"[<>=!~;\[ ]", d)[0]) for d in names}


def lock_versions():
    pins = re.findall(r"^([A-Za-z0-9_.\-]+)==([^\s;\\]+)", (paths.ROOT / "requirements.lock").read_text(), re.M)
    return {canonical(name): version for name, version in pins}


def conda_packages():
    """The spec, its pins {package: version} (conda's and those of its pip section), and the pip section."""
    spec = yaml.safe_load((paths.ROOT / "environment.yml").read_text())
    conda = [d for d in spec["dependencies"] if isinstance(d, str)]
    pip = next(d["pip"] for d in spec["dependencies"] if isinstance(d, dict))
    pins = dict(d.split("=", 1) for d in conda if "=" in d)
    pins.update(d.split("==", 1) for d in pip if "==" in d)  # packages conda-forge does not carry
    return spec, {canonical(k): v for k, v in pins.items()}, pip


def test_every_top_level_package_is_pinned_in_the_lock():
    lock = lock_versions()
    missing = pyproject_packages() - set(lock)
    assert not missing, f"in pyproject.toml but not in requirements.lock: {missing} (run make lock)"


def test_environment_yml_lists_the_same_packages_at_the_lock_versions():
    spec, pins, pip = conda_packages()
    pins.pop("python")
    assert set(pins) == pyproject_packages()
    lock = lock_versions()
    assert {name: lock[name] for name in pins} == pins


def test_environment_yml_is_conda_forge_python_311_and_installs_the_package():
    spec, pins, pip = conda_packages()
    assert spec["channels"][0] == "conda-forge"
    assert pins["python"] == "3.11"
    assert "-e ." in pip


def test_lock_covers_every_platform():
    text = (paths.ROOT / "requirements.lock").read_text()
    assert "--universal" in text and "--generate-hashes" in text
    assert re.search(r"^appnope==.*sys_platform == 'darwin'", text, re.M)  # a macOS-only dependency
    assert all("--hash=sha256:" in block for block in re.split(r"\n(?=\S)", text) if "==" in block)
