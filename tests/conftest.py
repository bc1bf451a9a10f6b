"""Shared fixtures: one strict build of the real site per test session, a local server, a browser."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the tools import this file too
from dev import INSTALL_BROWSER  # noqa: E402  (what to install when there is no browser)

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
DOCS = ROOT / "docs"

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]



@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A copy of data/ that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def edit(path: Path, change) -> None:
    """Load a YAML data file, let `change` alter it, write it back."""
    rows = yaml.safe_load(path.read_text())
    change(rows)
    path.write_text(yaml.safe_dump(rows, sort_keys=False, allow_unicode=True))


def url_for(target: str) -> str:
    """The renderers' link maker, site-absolute, for tests that render tables without MkDocs."""
    return "/" + target


@dataclass
class Build:
    returncode: int
    output: str
    site: Path

    @property
    def warnings(self) -> list[str]:
        return [line for line in self.output.splitlines() if line.startswith(("WARNING", "ERROR"))]


def mkdocs_build(config: Path, site: Path, cwd: Path | None = None) -> Build:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config), "--site-dir", str(site)],
        cwd=cwd or config.parent,
        capture_output=True,
        text=True,
        env=env,
    )
    return Build(proc.returncode, proc.stdout + proc.stderr, site)


@pytest.fixture(scope="session")
def site_build(tmp_path_factory) -> Build:
    return mkdocs_build(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def site(site_build) -> Path:
    if site_build.returncode != 0:
        pytest.fail("the site did not build:\n" + site_build.output[-3000:])
    return site_build.site


@functools.cache
def mkdocs_config() -> dict:
    """mkdocs.yml's plain values (site_url, site_name, extra…), read once."""
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTagsLoader)


def site_path() -> str:
    """The path part of site_url (GitHub Pages serves the site under it; so do `mkdocs serve` and the tests)."""
    return urlparse(mkdocs_config()["site_url"]).path or "/"


class _IgnoreTagsLoader(yaml.SafeLoader):
    """mkdocs.yml has !!python/name tags; we only want plain values from it."""


_IgnoreTagsLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + path[len(self.prefix):])

    def log_message(self, *args) -> None:  # keep test output clean
        pass


def serve_site(site: Path, handler: type[http.server.SimpleHTTPRequestHandler] = _SiteHandler):
    """Serve a built site on 127.0.0.1 under site_url's path, in a thread; returns (server, base URL).
    The tests, the screenshots, the PDF and the benchmark all serve it this way."""
    prefix = site_path()
    bound = functools.partial(type("Handler", (handler,), {"prefix": prefix}), directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), bound)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{prefix}"


@pytest.fixture(scope="session")
def base_url(site) -> str:
    server, url = serve_site(site)
    yield url
    server.shutdown()


def chromium_path() -> str | None:
    """A system Chromium when present (CI, Debian), else the one Playwright downloaded for a contributor."""
    for candidate in (os.environ.get("CHROMIUM_PATH"), *(shutil.which(n) for n in ("chromium", "chromium-browser"))):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def launch_chromium(playwright):
    """Headless Chromium with our flags: the system's when present, else Playwright's own."""
    path = chromium_path()
    return playwright.chromium.launch(**({"executable_path": path} if path else {}), args=CHROMIUM_FLAGS)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as p:
        try:
            browser = launch_chromium(p)
        except Error as exc:
            pytest.fail(f"no Chromium to run the browser tests ({exc.message.splitlines()[0]}).\n{INSTALL_BROWSER}")
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def pdf(site, browser) -> Path:
    """The whole guide as one PDF, made by the same code as `python3 dev.py pdf`, inside the built site
    (the home page and the Print page link to it there)."""
    sys.path.insert(0, str(ROOT / "tools"))
    from make_pdf import make_pdf, pdf_name

    out = site / pdf_name()
    make_pdf(site, out, browser)
    return out
