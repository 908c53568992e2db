"""One real Label Studio server for the session (tests/helpers/labelstudio_server.py), a fresh server project
per test. Without .venv-ls the tests are skipped here and fail under CI (CI=true), where ./dev test made it."""
import itertools
import os

import pytest

from tests.helpers.labelstudio_server import LS_BIN, labelstudio_server

_titles = itertools.count(1)


@pytest.fixture(scope="session")
def ls_server(tmp_path_factory):
    if not LS_BIN.exists():
        message = f"no Label Studio at {LS_BIN}: ./dev test makes .venv-ls (constraints-labelstudio.txt)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    with labelstudio_server(tmp_path_factory.mktemp("labelstudio")) as server:
        yield server


@pytest.fixture(scope="session")
def second_user(ls_server) -> dict:
    """A second Label Studio user, made through the API: {"id", "email"}."""
    made = ls_server.api("POST", "/api/users", {"email": "second@example.com", "username": "second@example.com",
                                                 "password": "second-password-1"})
    return {"id": made["id"], "email": made["email"]}


@pytest.fixture
def title():
    """A server project of its own for each test."""
    return f"sync-test-{next(_titles)}"
