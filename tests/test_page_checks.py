"""The pages' Markdown is checked before anything is written (issue 18): well-formed front
matter with a description that is a text, and the same heading ids in every language."""

from __future__ import annotations

import pytest

from support.site import LANGUAGES, copy_project, run_build
from twincity.config.pages import file_name
from twincity.pages.checks import page_problems

GOOD = "---\ndescription: {text}\n---\n\n# Title {{#top}}\n\n## Part {{#part}}\n\nText.\n"


def _docs(tmp_path, **pages_by_language):
    docs = tmp_path / "docs"
    docs.mkdir()
    for index, code in enumerate(LANGUAGES):
        text = pages_by_language.get(code, GOOD.format(text=f"About, in {code}."))
        (docs / file_name("history", code, LANGUAGES[0])).write_text(text, "utf-8")
    return docs


def test_pages_as_written_pass(tmp_path):
    assert page_problems(_docs(tmp_path), LANGUAGES) == []


OTHER = LANGUAGES[-1]
SHOWN = f"docs/{file_name('history', OTHER, LANGUAGES[0])}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An unclosed quote: MkDocs showed the front matter as body text, the page took the site's description.
        (
            '---\ndescription: "About the page\n---\n\n# Title {#top}\n\n## Part {#part}\n',
            "line 2: the front matter is not valid YAML",
        ),
        ("# Title {#top}\n\n## Part {#part}\n", "no front matter"),
        ("---\ntitle: History\n---\n\n# Title {#top}\n\n## Part {#part}\n", "front matter: description: missing"),
        (
            "---\ndescription: [a, b]\n---\n\n# Title {#top}\n\n## Part {#part}\n",
            "description: expected a text, got ['a', 'b']",
        ),
        ("---\ndescription:\n---\n\n# Title {#top}\n\n## Part {#part}\n", "description: expected a text, got None"),
        ("---\ndescription: About\n\n# Title {#top}\n\n## Part {#part}\n", "the front matter is not closed"),
        ("---\n- a list\n---\n\n# Title {#top}\n\n## Part {#part}\n", "must be key: value lines"),
    ],
    ids=["unclosed-quote", "none", "no-description", "list", "empty", "unclosed", "not-a-mapping"],
)
def test_a_front_matter_mistake_names_the_page(tmp_path, text, expected):
    found = page_problems(_docs(tmp_path, **{OTHER: text}), LANGUAGES)
    assert len(found) == 1 and found[0].startswith(f"{SHOWN}: ") and expected in found[0], found


def test_a_heading_id_changed_in_one_language_only_names_both(tmp_path):
    changed = GOOD.format(text="About.").replace("{#part}", "{#parts}")
    found = page_problems(_docs(tmp_path, **{OTHER: changed}), LANGUAGES)
    assert found == [
        f"{SHOWN}: heading ids ({{#…}}) differ from docs/history.md's: missing #part; not in docs/history.md: "
        "#parts (every language of a page gives the same ids, so that links and the language switch keep their anchor)"
    ]


def test_ids_inside_code_are_text(tmp_path):
    with_code = GOOD.format(text="About.") + "\n```markdown\n## Example {#example}\n```\n"
    assert page_problems(_docs(tmp_path, **{OTHER: with_code}), LANGUAGES) == []


def test_a_page_mistake_stops_the_build_before_anything_is_written(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / file_name("history", OTHER, LANGUAGES[0])
    page.write_text(page.read_text("utf-8").replace("description: ", 'description: "', 1), "utf-8")
    result = run_build(project, "--strict")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert f"docs/{page.name}: line 2: the front matter is not valid YAML" in output
    assert not (project / "site" / "index.html").exists()
