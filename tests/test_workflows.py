"""The Pages workflow publishes only what passed the whole suite, with the least rights,
through actions pinned by commit."""

from __future__ import annotations

import re

import yaml

from support.site import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
PAGES = WORKFLOWS / "pages.yml"


def _load(path):
    workflow = yaml.safe_load(path.read_text("utf-8"))
    workflow["on"] = workflow.get("on", workflow.pop(True, None))
    return workflow


def _needs(job) -> set[str]:
    needs = job.get("needs", [])
    return {needs} if isinstance(needs, str) else set(needs)


def _ancestors(jobs, name) -> set[str]:
    seen, todo = set(), list(_needs(jobs[name]))
    while todo:
        job = todo.pop()
        if job not in seen:
            seen.add(job)
            todo += _needs(jobs[job])
    return seen


def test_deploy_comes_only_after_the_whole_suite_passed_in_the_same_run():
    workflow = _load(PAGES)
    jobs = workflow["jobs"]
    deploy = [
        n for n, j in jobs.items() if any(s.get("uses", "").startswith("actions/deploy-pages@") for s in j["steps"])
    ]
    assert deploy == ["deploy"]
    tests = [n for n, j in jobs.items() if any(s.get("run", "").strip() == "make test" for s in j["steps"])]
    assert tests == ["test"]
    assert "test" in _ancestors(jobs, "deploy") and "build" in _ancestors(jobs, "deploy")
    upload = [
        n
        for n, j in jobs.items()
        if any(s.get("uses", "").startswith("actions/upload-pages-artifact@") for s in j["steps"])
    ]
    assert upload == ["build"] and "test" in _ancestors(jobs, "build")
    # No job of the chain may run when the tests did not pass.
    for name in _ancestors(jobs, "deploy") | {"deploy"}:
        assert "always()" not in str(jobs[name].get("if", "")) and "failure()" not in str(jobs[name].get("if", ""))
    assert "main" in workflow["on"]["push"]["branches"]


def test_pull_requests_run_the_tests_but_never_publish():
    workflow = _load(PAGES)
    assert "pull_request" in workflow["on"]
    assert "if" not in workflow["jobs"]["test"]
    condition = workflow["jobs"]["address"]["if"]
    assert "github.event_name != 'pull_request'" in condition and "refs/heads/main" in condition


def test_pages_rights_only_on_the_deploy_job():
    workflow = _load(PAGES)
    assert workflow["permissions"] == {}
    for name, job in workflow["jobs"].items():
        rights = job.get("permissions", {})
        assert isinstance(rights, dict), f"{name}: permissions must be listed"
        if name == "deploy":
            assert rights == {"pages": "write", "id-token": "write"}
            assert job["environment"]["name"] == "github-pages"
        else:
            assert "id-token" not in rights and rights.get("pages") in (None, "read"), f"{name}: {rights}"
            assert all(v in ("read", "none") for v in rights.values()), f"{name}: {rights}"
    # Only the job that runs nothing but configure-pages may read Pages settings.
    assert [s.get("uses", "").split("@")[0] for s in workflow["jobs"]["address"]["steps"]] == [
        "actions/configure-pages"
    ]


def test_the_published_build_uses_the_pages_address_through_make_pages():
    build = _load(PAGES)["jobs"]["build"]
    steps = [s for s in build["steps"] if "make pages" in s.get("run", "")]
    assert len(steps) == 1
    assert steps[0]["env"]["SITE_URL"] == "${{ needs.address.outputs.base_url }}/"


def test_every_action_is_pinned_by_full_commit_with_its_tag():
    uses = 0
    for path in sorted(WORKFLOWS.glob("*.y*ml")):
        for line in path.read_text("utf-8").splitlines():
            match = re.search(r"uses:\s*(\S+)(.*)", line)
            if not match or line.lstrip().startswith("#"):
                continue
            uses += 1
            action, rest = match.groups()
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", action), (
                f"{path.name}: {action} is not pinned by commit"
            )
            assert re.fullmatch(r"\s+#\s*v\d+(\.\d+)*", rest), f"{path.name}: {action} has no tag comment"
    assert uses >= 6


def test_checkouts_keep_no_credentials():
    for path in sorted(WORKFLOWS.glob("*.y*ml")):
        for job in _load(path)["jobs"].values():
            for step in job["steps"]:
                if step.get("uses", "").startswith("actions/checkout@"):
                    assert step.get("with", {}).get("persist-credentials") is False


def test_one_run_per_branch_at_a_time_the_newest_winning():
    """Two pushes in a row: the older run is cancelled, so it cannot deploy after the newer one."""
    workflow = _load(PAGES)
    concurrency = workflow.get("concurrency") or {}
    assert "${{ github.ref }}" in str(concurrency.get("group", "")), "the group must be per branch"
    assert concurrency.get("cancel-in-progress") is True
    # No job of the build-and-deploy chain leaves the run's group for one that would let two runs overlap.
    jobs = workflow["jobs"]
    for name in _ancestors(jobs, "deploy"):
        assert "concurrency" not in jobs[name], f"{name} has a concurrency group of its own"
