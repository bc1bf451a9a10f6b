#!/usr/bin/env python3
"""The project's commands. Needs only Python 3.11+; creates .venv and installs what it lacks on first use.

    python3 dev.py serve   # the site on http://127.0.0.1:8000 with live reload
    python3 dev.py test    # every test: data, renderers, strict build, content, browser
    python3 dev.py build   # the site into site/ (strict)
    python3 dev.py pdf     # the site, then the whole guide as one PDF in site/ (see README)
    python3 dev.py bench   # build time and Lighthouse scores (needs Node.js and npm for Lighthouse)
    python3 dev.py diagrams  # draw new or changed mermaid diagrams to SVG (docs/assets/diagrams/)
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
REQUIREMENTS = ["requirements.txt", "requirements-test.txt"]
MIN_PYTHON = (3, 11, 5)  # pymdown-extensions 13.1 needs 3.11.5

#: What to install when there is no browser (the browser tests say the same).
INSTALL_BROWSER = (
    "Install one of: Debian/Ubuntu's Chromium package ('sudo apt-get install chromium'; on Ubuntu, where that "
    "is a snap, use the next option), or Playwright's own build, which needs internet: "
    f"'{PY.relative_to(ROOT)} -m playwright install --with-deps chromium'. "
    "Or set CHROMIUM_PATH to a Chromium or Chrome binary."
)

# Environment for every command we run: no Material/MkDocs 2 banner noise.
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}


def say(message: str) -> None:
    print(f"dev.py: {message}", flush=True)


def run(*args: str | Path, check: bool = True) -> int:
    return subprocess.run([str(a) for a in args], cwd=ROOT, env=ENV, check=check).returncode


def ensure_venv() -> None:
    if sys.version_info < MIN_PYTHON:
        sys.exit(f"dev.py: Python {'.'.join(map(str, MIN_PYTHON))} or newer is needed, this is {sys.version.split()[0]}")
    if not PY.exists():
        say(f"creating {VENV.name}/ (first run)")
        try:
            venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
        except Exception as exc:  # Debian without python3-venv lands here
            shutil.rmtree(VENV, ignore_errors=True)
            sys.exit(f"dev.py: could not create a virtual environment ({exc}).\n"
                     "On Debian/Ubuntu install it with: sudo apt-get install python3-venv")
    stamp = VENV / ".requirements.sha256"
    digest = hashlib.sha256(b"".join((ROOT / r).read_bytes() for r in REQUIREMENTS)).hexdigest()
    if not stamp.exists() or stamp.read_text() != digest:
        say("installing pinned requirements into .venv/")
        run(PY, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *sum((["-r", r] for r in REQUIREMENTS), []))
        stamp.write_text(digest)


def ensure_browser() -> None:
    """Browser tests need Chromium: the system's (Debian: apt-get install chromium) or Playwright's own."""
    from_env = os.environ.get("CHROMIUM_PATH")
    if from_env or any(shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")):
        return
    probe = "from playwright.sync_api import sync_playwright as s\nwith s() as p: print(p.chromium.executable_path)"
    out = subprocess.run([str(PY), "-c", probe], capture_output=True, text=True, env=ENV)
    if out.returncode == 0 and Path(out.stdout.strip()).exists():
        return
    say("no Chromium found; asking Playwright to download one (needs internet)")
    if run(PY, "-m", "playwright", "install", "chromium", check=False) != 0:
        say(f"could not get a browser, so the browser tests will fail. {INSTALL_BROWSER}")


def serve(extra: list[str]) -> int:
    """`mkdocs serve` as a child that never outlives us: a signal sent to dev.py (kill, Ctrl-C, a closed
    terminal) is passed on to it, and we wait for it to stop (or stop it) before we exit."""
    ensure_venv()
    child = subprocess.Popen([str(BIN / "mkdocs"), "serve", "--dev-addr", "127.0.0.1:8000", "--livereload", *extra],
                             cwd=ROOT, env=ENV)

    def forward(signum, _frame):
        if child.poll() is None:
            child.send_signal(signum)

    catchable = [signal.SIGINT, signal.SIGTERM] + ([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])
    previous = {s: signal.signal(s, forward) for s in catchable}
    try:
        while True:
            try:
                return child.wait()
            except KeyboardInterrupt:  # only where SIGINT could not be handled above
                forward(signal.SIGINT, None)
    finally:
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
        for s, handler in previous.items():
            signal.signal(s, handler)


def build(extra: list[str]) -> int:
    ensure_venv()
    return run(BIN / "mkdocs", "build", "--strict", *extra, check=False)


def pdf(extra: list[str]) -> int:
    if build([]) != 0:
        return 1
    ensure_browser()
    return run(PY, "tools/make_pdf.py", *extra, check=False)


def test(extra: list[str]) -> int:
    ensure_venv()
    ensure_browser()
    return run(PY, "-m", "pytest", *extra, check=False)


def bench(extra: list[str]) -> int:
    ensure_venv()
    return run(PY, "tools/bench.py", *extra, check=False)


def diagrams(extra: list[str]) -> int:
    ensure_venv()
    ensure_browser()
    return run(PY, "tools/render_diagrams.py", *extra, check=False)


COMMANDS = {"serve": serve, "test": test, "build": build, "pdf": pdf, "bench": bench, "diagrams": diagrams}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(__doc__)
        return 2
    return COMMANDS[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
