"""A real Label Studio server for the sync tests and benchmarks/sync_speed.py: the pinned one in .venv-ls
(made by ./dev test, constraints-labelstudio.txt), started on 127.0.0.1 with a temporary data folder and a
user made by environment variables, stopped when done."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

LS_BIN = Path(__file__).resolve().parents[2] / ".venv-ls" / "bin" / "label-studio"
USER, PASSWORD, TOKEN = "owner@example.com", "owner-password-1", "0123456789abcdef0123456789abcdef01234567"
START_SECONDS = 180  # its first start migrates a new database: about a minute on 2 shared cores


class Server:
    def __init__(self, url: str, token: str, log: Path):
        self.url, self.token, self.log = url, token, log

    def api(self, method: str, path: str, body=None, token: str | None = None):
        """One call as the given user (default: the owner), the answer parsed from JSON."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.url + path, data=data, method=method, headers={
            "Authorization": f"Token {token or self.token}", "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as answer:
            raw = answer.read()
        return json.loads(raw) if raw else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/api/version", timeout=2) as answer:
            return answer.status == 200
    except OSError:
        return False


@contextmanager
def labelstudio_server(data_dir: Path):
    """Start Label Studio in `data_dir`, wait until it answers, yield a Server, stop it at the end."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "LABEL_STUDIO_USERNAME": USER, "LABEL_STUDIO_PASSWORD": PASSWORD,
           "LABEL_STUDIO_USER_TOKEN": TOKEN, "LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN": "true",
           "LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK": "true", "LABEL_STUDIO_BASE_DATA_DIR": str(data_dir),
           "SENTRY_DSN": "", "FRONTEND_SENTRY_DSN": "", "COLLECT_ANALYTICS": "false", "LOG_LEVEL": "WARNING"}
    log = data_dir / "server.log"
    with open(log, "wb") as out:
        process = subprocess.Popen([str(LS_BIN), "start", "--host", "127.0.0.1", "--port", str(port),
                                    "--data-dir", str(data_dir), "--no-browser"],
                                   stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    try:
        deadline = time.monotonic() + START_SECONDS
        while not _answers(url):
            if process.poll() is not None:
                raise RuntimeError(f"label-studio exited ({process.returncode}) before answering; see {log}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"label-studio did not answer on {url} within {START_SECONDS} s; see {log}")
            time.sleep(0.5)
        yield Server(url, TOKEN, log)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
