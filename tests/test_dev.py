"""The README's commands behave: `dev.py serve` stops with its server, and its log is not noise."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time

import pytest

from conftest import ROOT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGINT])
def test_serve_stops_its_server_when_stopped(how, tmp_path):
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "dev.py", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                                cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 120
            while not listening(port):
                assert proc.poll() is None, log.read_text()
                assert time.monotonic() < deadline, "serve did not start in 120 s:\n" + log.read_text()
                time.sleep(0.5)
            proc.send_signal(how)  # `kill PID`, or Ctrl-C sent to dev.py alone
            proc.wait(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
    deadline = time.monotonic() + 10
    while listening(port) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not listening(port), "mkdocs serve outlived dev.py"
    text = log.read_text()
    assert "Serving on" in text
    for noise in ("Custom loader activated", "Found local Python module", "Found external Python module"):
        assert noise not in text, f"the serve log still says {noise!r}"
