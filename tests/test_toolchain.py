"""The build runs on ProperDocs, not MkDocs, from pinned and hashed packages only."""

from __future__ import annotations

import importlib.metadata
import re

import pytest

from support.site import ROOT

REQUIREMENTS = ROOT / "requirements"


def test_mkdocs_is_not_installed_and_properdocs_serves_its_imports():
    with pytest.raises(importlib.metadata.PackageNotFoundError):
        importlib.metadata.distribution("mkdocs")
    import mkdocs
    import properdocs

    assert mkdocs is properdocs
    assert importlib.metadata.version("properdocs") == "1.6.7"


def test_the_i18n_plugin_still_knows_the_search_languages_of_both_builds():
    """The fallback behind the one known toolchain warning (support.site.KNOWN_TOOLCHAIN_WARNINGS)."""
    from mkdocs_static_i18n.reconfigure import LUNR_LANGUAGES

    assert {"zh", "en"} <= set(LUNR_LANGUAGES)


@pytest.mark.parametrize("name", ["site.txt", "dev.txt", "build.txt"])
def test_every_locked_package_is_pinned_and_hashed(name):
    text = (REQUIREMENTS / name).read_text("utf-8")
    requirements = re.split(
        r"\n(?=\S)", "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    )
    requirements = [r for r in requirements if r.strip()]
    assert requirements
    for requirement in requirements:
        head = requirement.split()[0]
        assert re.fullmatch(r"[a-z0-9._-]+==[^\s\\]+", head), head
        assert "--hash=sha256:" in requirement, f"{name}: {head} has no hash"
    names = {r.split("==")[0] for r in requirements}
    assert "mkdocs" not in names
    assert "properdocs" in names or name == "build.txt"


def test_dev_pins_the_site_packages_exactly_as_site_does():
    def pins(name):
        return {
            line.split()[0]
            for line in (REQUIREMENTS / name).read_text("utf-8").splitlines()
            if "==" in line and not line.startswith(" ")
        }

    assert pins("site.txt") <= pins("dev.txt")


def test_every_pip_install_requires_hashes():
    """Makefile and workflows: no `pip install` without --require-hashes, no unpinned upgrade."""
    texts = {"Makefile": (ROOT / "Makefile").read_text("utf-8")}
    for workflow in (ROOT / ".github" / "workflows").glob("*.yml"):
        texts[workflow.name] = workflow.read_text("utf-8")
    texts[".ci/run"] = (ROOT / ".ci" / "run").read_text("utf-8")
    seen = 0
    for name, text in texts.items():
        for line in text.splitlines():
            if re.search(r"\bpip install\b", line) and not line.lstrip().startswith("#"):
                seen += 1
                assert "--require-hashes" in line or "$(PIP_INSTALL)" in line, f"{name}: {line.strip()}"
                assert "--upgrade" not in line, f"{name}: {line.strip()}"
    assert "PIP_INSTALL := " in texts["Makefile"] and seen


def _pip_installs() -> list[tuple[str, str]]:
    """Every `pip install` line of the Makefile (PIP_INSTALL expanded), the workflows and .ci/run."""
    makefile = (ROOT / "Makefile").read_text("utf-8")
    pip_install = re.search(r"^PIP_INSTALL := (.*)$", makefile, re.M).group(1)
    texts = {"Makefile": makefile.replace("$(PIP_INSTALL)", pip_install)}
    for workflow in (ROOT / ".github" / "workflows").glob("*.yml"):
        texts[workflow.name] = workflow.read_text("utf-8")
    texts[".ci/run"] = (ROOT / ".ci" / "run").read_text("utf-8")
    return [
        (name, line.strip())
        for name, text in texts.items()
        for line in text.splitlines()
        if re.search(r"\bpip install\b", line) and not line.lstrip().startswith(("#", "PIP_INSTALL"))
    ]


def _locked(name: str) -> set[str]:
    text = (REQUIREMENTS / name).read_text("utf-8")
    return {line.split("==")[0] for line in text.splitlines() if "==" in line and not line.startswith((" ", "#"))}


def test_installing_the_lock_builds_nothing_with_tools_it_fetches_itself():
    """Issue 18: pip installs wheels only (--only-binary :all:); a package let through as
    source (--no-binary) is built without isolation, from the pinned, hashed build.txt
    installed first, so that pip never fetches unpinned setuptools, wheel or packaging."""
    installs = _pip_installs()
    assert installs
    build_tools_installed = False
    for name, line in installs:
        assert "--only-binary :all:" in line, f"{name}: {line}"
        sources = re.findall(r"--no-binary[= ](\S+)", line)
        if "requirements/build.txt" in line:
            assert not sources, f"{name}: build tools come as wheels: {line}"
            build_tools_installed = True
            continue
        if sources:
            assert "--no-build-isolation" in line, f"{name}: {line}"
            assert build_tools_installed, f"{name}: builds {sources} before installing requirements/build.txt"
            assert ":all:" not in sources, f"{name}: {line}"
    assert {"setuptools"} <= _locked("build.txt")


def test_the_site_needs_no_source_distribution():
    """Only the test comparison's jieba is built from source, never a package of the site."""
    let_through = {s for _, line in _pip_installs() for s in re.findall(r"--no-binary[= ](\S+)", line)}
    assert let_through <= {"jieba"}
    assert not let_through & _locked("site.txt")


def test_no_command_still_runs_mkdocs():
    texts = [(ROOT / "Makefile").read_text("utf-8"), (ROOT / ".ci" / "run").read_text("utf-8")]
    texts += [w.read_text("utf-8") for w in (ROOT / ".github" / "workflows").glob("*.yml")]
    for text in texts:
        for line in text.splitlines():
            assert not re.search(r"(^|[\s/])mkdocs (build|serve|gh-deploy)\b", line), line


def test_the_nu_checker_is_pinned_with_its_hash_and_installed_without_scripts():
    import json

    lock = json.loads((ROOT / "tools" / "vnu" / "package-lock.json").read_text("utf-8"))
    entry = lock["packages"]["node_modules/vnu-jar"]
    assert entry["version"] == "26.9.27" and entry["integrity"].startswith("sha512-")
    makefile = (ROOT / "Makefile").read_text("utf-8")
    assert "npm ci --prefix tools/vnu --ignore-scripts" in makefile
    assert re.search(r"^test: .*\$\(VNU_JAR\)", makefile, re.M)
