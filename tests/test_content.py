"""Content checks: the outline is complete on the pages, written sections meet the floor, the catalogues
hold what the exam guide names, and every internal link of the built site resolves."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest

from macros.data import load_catalogue
from macros.sections import WORD_FLOOR, scan_docs

from conftest import DATA, DOCS, ROOT

CAT = load_catalogue(DATA)
SECTIONS = scan_docs(DOCS, {o.id for o in CAT.outline.objectives})

#: Tasks whose every objective must be written. Add a task here when its page is finished.
WRITTEN_TASKS = ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "4.1", "4.2", "4.3"]


def test_every_objective_has_its_section_on_its_task_page():
    for objective in CAT.outline.objectives:
        section = SECTIONS.get(objective.id)
        assert section is not None, f"{objective.id} has no section"
        expected = CAT.outline.task(objective.task_id).page
        assert section.page == expected, f"{objective.id} is on {section.page}, expected {expected}"


def test_sections_appear_in_outline_order():
    for task in CAT.outline.tasks:
        text = (DOCS / task.page).read_text()
        positions = [text.index(f'objective("{o.id}")') for o in task.objectives]
        assert positions == sorted(positions), f"task {task.id}: sections out of order"


@pytest.mark.parametrize("task_id", WRITTEN_TASKS)
def test_finished_tasks_are_written_in_full(task_id):
    for objective in CAT.outline.task(task_id).objectives:
        section = SECTIONS[objective.id]
        assert section.words >= WORD_FLOOR, f"{objective.id}: {section.words} words, floor is {WORD_FLOOR}"
        assert section.has_exam, f"{objective.id}: no 'On the exam' box"
        assert section.aws_sources >= 2, f"{objective.id}: fewer than 2 AWS documentation sources"


@pytest.mark.parametrize("domain", sorted({int(t[0]) for t in WRITTEN_TASKS}))
def test_a_written_domain_teaches_more_than_the_floor(domain):
    """The floor stops a stub; a domain's median section says enough to learn from."""
    words = sorted(SECTIONS[o.id].words for t in CAT.outline.domains[domain - 1].tasks for o in t.objectives)
    assert words[len(words) // 2] >= 250, f"domain {domain}: median section of {words[len(words) // 2]} words"


def test_written_sections_cite_only_https_sources():
    for task in CAT.outline.tasks:
        text = (DOCS / task.page).read_text()
        for url in re.findall(r"\]\((https?://[^)\s]+)\)", text):
            assert url.startswith("https://"), f"{task.page}: insecure link {url}"


def _norm(name: str) -> str:
    name = re.sub(r"\(.*?\)|\[.*?\]", "", name)
    return " ".join(name.replace("–", "-").casefold().split())


def test_services_catalogue_holds_every_in_scope_service():
    listed = [
        line.strip()
        for line in (ROOT / "tests/fixtures/in-scope-services.txt").read_text().splitlines()
        if line.strip() and not line.startswith(("#", "["))
    ]
    assert len(listed) == 88
    known = {}
    for service in CAT.services:
        for name in (service.name, *service.former_names, service.exam_guide_name or service.name):
            known[_norm(name)] = service.id
            for abbreviation in re.findall(r"\((.*?)\)", name):  # "Amazon Elastic Compute Cloud (Amazon EC2)"
                known[_norm(abbreviation)] = service.id
    missing = [name for name in listed if _norm(name) not in known]
    assert missing == [], f"in-scope services without a catalogue entry (by name or former name): {missing}"


REQUIRED_ALGORITHMS = [
    "XGBoost", "Linear Learner", "k-NN", "Factorization Machines", "LightGBM", "CatBoost", "TabTransformer",
    "AutoGluon-Tabular", "DeepAR", "Random Cut Forest", "IP Insights", "K-Means", "PCA", "LDA", "NTM",
    "BlazingText", "Object2Vec", "Sequence-to-Sequence", "Image Classification", "Object Detection",
    "Semantic Segmentation", "Text Classification",
]


def test_every_built_in_algorithm_is_in_the_table():
    names = " | ".join(a.name.casefold() for a in CAT.algorithms)
    missing = [n for n in REQUIRED_ALGORITHMS if n.casefold() not in names]
    assert missing == []
    assert {a.data_type for a in CAT.algorithms} == {"tabular", "text", "image", "time series"}


def test_inference_options_cover_the_exam_guide():
    ids = {o.id for o in CAT.inference}
    assert {"real-time", "serverless", "asynchronous", "batch-transform"} <= ids
    assert {"multi-model", "multi-container", "inference-pipeline", "shadow-variants"} <= ids


def test_ai_services_view_is_a_real_slice():
    ai = [s for s in CAT.services if s.ai_service]
    names = {s.name for s in ai}
    for expected in ("Amazon Rekognition", "Amazon Textract", "Amazon Comprehend", "Amazon Bedrock"):
        assert expected in names
    assert 8 <= len(ai) < len(CAT.services)


# ------------------------------------------------------------------------------------- built-site links


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_internal_link_and_anchor_of_the_built_site_resolves(site, pdf):
    # `pdf` writes the guide's PDF into the site first: the home page and the Print page link to it.
    pages = {p: _parse(p) for p in site.rglob("*.html") if p.name != "404.html"}
    broken = []
    for page, parsed in pages.items():
        base = "file://" + page.as_posix()
        for href in parsed.hrefs:
            if href.startswith(("http://", "https://", "mailto:", "javascript:")) or href.startswith("#__"):
                continue
            target = urlparse(urljoin(base, href))
            path = Path(unquote(target.path))
            if path.is_dir() or not path.suffix:
                path = path / "index.html"
            if path not in pages and not path.exists():
                broken.append(f"{page.relative_to(site)}: {href} (no such file)")
                continue
            anchor = unquote(target.fragment)
            # The print page's plugin renames only heading ids, so links to table rows (#svc-s3) can only
            # land on the right page section there; everywhere else every anchor must exist.
            if page.parent.name == "print_page" and re.search(r"-(svc|algo|inf)-", anchor):
                continue
            if anchor and path in pages and anchor not in pages[path].ids:
                broken.append(f"{page.relative_to(site)}: {href} (no anchor #{anchor})")
    assert broken == [], "\n".join(broken[:40])


def test_objective_anchors_exist_in_the_built_site(site):
    for task in CAT.outline.tasks:
        html = (site / task.page.replace(".md", "/index.html")).read_text()
        for objective in task.objectives:
            assert f'id="{objective.anchor}"' in html, objective.id
