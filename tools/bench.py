#!/usr/bin/env python3
"""Speed and page-weight benchmark: `python3 dev.py bench`.

1. Times the full `mkdocs build` (median of several runs) on this machine, and the PDF's printing step.
2. Serves the built site on 127.0.0.1 under site_url's path, gzip-compressed as GitHub Pages serves it,
   and runs Lighthouse (mobile, its default throttling) five times on a home, task, table and two
   diagram pages, reporting the median run's four category scores and every request to a host other
   than 127.0.0.1.

Goals (see README): build under 10 s on 2 cores; performance >= 95 on every page type; accessibility,
best practices and SEO 100; zero third-party requests. This script measures and reports; it does not fail a test run.
Lighthouse comes from the npm registry (pinned below) into bench/node_modules; Chromium from the system.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
LIGHTHOUSE_VERSION = "13.5.0"
PAGES = {
    "home": "",
    "task page": "domain-1/task-1-1/",
    "table page": "reference/services/",
    "diagram page": "reference/inference/",   # its diagram is the first thing under the title
    "data page": "reference/data/",           # diagram in the first screen, then five tables
    "mock exam": "practice/mock-exam/",       # loads the practice module and the whole question bank at once
    "flashcards": "practice/flashcards/",
}
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run " \
    "--disable-background-networking --disable-component-update --disable-sync"
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")

sys.path.insert(0, str(ROOT / "tests"))


def time_builds(runs: int) -> list[float]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", out],
                           cwd=ROOT, env=env, check=True)
            times.append(time.perf_counter() - start)
    return times


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with gzip for text types and a prefix, like GitHub Pages."""

    prefix = "/"

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802
        if not self.path.startswith(self.prefix):
            self.send_error(404)
            return
        local = Path(self.translate_path("/" + self.path[len(self.prefix):].split("?")[0]))
        if local.is_dir():
            local = local / "index.html"
        if not local.is_file():
            self.send_error(404)
            return
        body = local.read_bytes()
        headers = {"Content-Type": self.guess_type(str(local)), "Cache-Control": "max-age=600"}
        if local.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
            buf = io.BytesIO()
            with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=6) as gz:
                gz.write(body)
            body = buf.getvalue()
            headers["Content-Encoding"] = "gzip"
        self.send_response(200)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def lighthouse_bin() -> Path:
    binary = BENCH / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        if not shutil.which("npm"):
            sys.exit("bench: Lighthouse needs Node.js and npm (Debian: apt-get install nodejs npm)")
        BENCH.mkdir(exist_ok=True)
        print(f"bench: installing lighthouse@{LIGHTHOUSE_VERSION} into bench/", flush=True)
        subprocess.run(["npm", "install", "--prefix", str(BENCH), "--no-audit", "--no-fund", "--silent",
                        f"lighthouse@{LIGHTHOUSE_VERSION}"], check=True)
    return binary


def chromium() -> str:
    from conftest import chromium_path

    path = chromium_path()
    if not path:
        sys.exit("bench: no Chromium found (Debian: apt-get install chromium)")
    return path


def run_lighthouse(url: str, out: Path) -> dict:
    env = {**os.environ, "CHROME_PATH": chromium()}
    subprocess.run([str(lighthouse_bin()), url, "--quiet", "--output=json", f"--output-path={out}",
                    f"--chrome-flags={CHROME_FLAGS}", "--only-categories=performance,accessibility,best-practices,seo"],
                   check=True, env=env)
    report = json.loads(out.read_text())
    scores = {k: round(v["score"] * 100) for k, v in report["categories"].items()}
    requests = report["audits"]["network-requests"]["details"]["items"]
    third_party = sorted({r["url"] for r in requests if urlparse(r["url"]).hostname not in ("127.0.0.1", None)
                          and not r["url"].startswith("data:")})
    weight = sum(r.get("transferSize", 0) for r in requests)
    failed = [a["title"] for a in report["audits"].values()
              if a.get("score") is not None and a["score"] < 1 and a.get("scoreDisplayMode") == "binary"]
    metrics = {key: round(report["audits"][audit]["numericValue"], 3 if key == "cls" else None)
               for key, audit in (("fcp_ms", "first-contentful-paint"), ("lcp_ms", "largest-contentful-paint"),
                                  ("tbt_ms", "total-blocking-time"), ("cls", "cumulative-layout-shift"),
                                  ("si_ms", "speed-index"))}
    contrast = [item["node"].get("snippet", "")[:120]
                for item in (report["audits"]["color-contrast"].get("details") or {}).get("items", [])]
    return {"url": url, "scores": scores, "third_party": third_party, "transfer_kb": round(weight / 1024),
            **metrics, "failed_binary_audits": failed, "low_contrast": contrast}


def lighthouse_pages(site: Path, names: list[str], runs: int, tmp: Path) -> dict:
    """Lighthouse `runs` times on each named page of the served site; reports the median run per page."""
    from conftest import serve_site

    server, base = serve_site(site, GzipHandler)
    results = {}
    for name in names:
        reports = sorted((run_lighthouse(base + PAGES[name], tmp / "report.json") for _ in range(runs)),
                         key=lambda r: r["scores"]["performance"])
        report = reports[len(reports) // 2]
        report["performance_runs"] = [r["scores"]["performance"] for r in reports]
        results[name] = report
        s = report["scores"]
        print(f"lighthouse {name:13} perf {s['performance']:3} (runs {report['performance_runs']})  "
              f"a11y {s['accessibility']:3}  "
              f"best {s['best-practices']:3}  seo {s['seo']:3}  third-party {len(report['third_party'])}  "
              f"{report['transfer_kb']} KB  LCP {report['lcp_ms']} ms  TBT {report['tbt_ms']} ms  "
              f"CLS {report['cls']}", flush=True)
        for title in report["failed_binary_audits"]:
            print(f"    failed audit: {title}")
        for snippet in report["low_contrast"][:3]:
            print(f"    low contrast: {snippet}")
    server.shutdown()
    return results


def time_pdf(site: Path, out: Path) -> dict:
    """The PDF's printing step (what `dev.py pdf` does after the build): seconds, bytes, pages."""
    sys.path.insert(0, str(ROOT / "tools"))
    from make_pdf import make_pdf
    from pypdf import PdfReader

    pdf = make_pdf(site, out)
    pdf["pages"] = len(PdfReader(str(out)).pages)
    print(f"pdf: {pdf['pages']} pages, {pdf['bytes'] / 1e6:.1f} MB, printed in {pdf['seconds']} s "
          f"(after the build)", flush=True)
    return pdf


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="build timings to take (median reported)")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--no-pdf", action="store_true", help="skip timing `dev.py pdf`'s printing step")
    parser.add_argument("--pages", nargs="*", choices=list(PAGES), default=list(PAGES), help="Lighthouse only these")
    parser.add_argument("--lighthouse-runs", type=int, default=5,
                        help="Lighthouse runs per page; the run with the median performance score is reported "
                             "(scores move by several points between runs on a shared machine)")
    args = parser.parse_args()

    times = time_builds(args.runs)
    result: dict = {"cores": os.cpu_count(), "build_seconds": [round(t, 2) for t in times],
                    "build_median_seconds": round(statistics.median(times), 2)}
    print(f"build: median {result['build_median_seconds']} s over {args.runs} runs on {os.cpu_count()} cores "
          f"(goal < 10 s on 2 cores)", flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        # One build serves both Lighthouse and the PDF.
        site = Path(tmp) / "site"
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], cwd=ROOT,
                       env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=True)
        if not args.no_lighthouse:
            result["lighthouse"] = lighthouse_pages(site, args.pages, args.lighthouse_runs, Path(tmp))
        if not args.no_pdf:
            result["pdf"] = time_pdf(site, Path(tmp) / "guide.pdf")

    BENCH.mkdir(exist_ok=True)
    (BENCH / "results.json").write_text(json.dumps(result, indent=2))
    print("bench: results in bench/results.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
