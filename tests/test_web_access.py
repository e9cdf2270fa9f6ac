"""Who may write through the dashboard, request size limits, and hostile query strings."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from test_web_api import TestClient, sample_store
from typer.testing import CliRunner

from bilat.cli import app as cli
from bilat.store import Store
from bilat.web import api, create_app, digest_pages, pages
from bilat.web.access import MAX_BODY_BYTES, MAX_QUERY_BYTES, Access, refusal_to_serve

TOKEN = "s3cret-token"
CONFIRM = {"action": "confirm", "by": "Анна", "why": "сверено"}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    opened = sample_store(tmp_path_factory.mktemp("access") / "web.db")
    yield opened
    opened.close()


def client(store: Store, **access: Any) -> TestClient:
    return TestClient(create_app(store, access=Access(**access)), base_url="http://127.0.0.1:8000")


def a_fact(store: Store) -> str:
    return str(client(store).get("/api/facts").json()["facts"][0]["id"])


def curation_url(store: Store) -> str:
    return f"/api/fact/{a_fact(store)}/curation"


def decisions(store: Store, url: str) -> int:
    fact_id = url.split("/")[3]
    return len(client(store).get(f"/api/fact/{fact_id}").json()["decisions"])


# -- writes need the token ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("access", "headers"),
    [
        ({}, {}),  # an app made without a token takes no write from anyone
        ({}, {"Authorization": f"Bearer {TOKEN}"}),
        ({"token": TOKEN}, {}),
        ({"token": TOKEN}, {"Authorization": "Bearer wrong"}),
        ({"token": TOKEN}, {"X-Bilat-Token": TOKEN[:-1]}),
        ({"token": TOKEN}, {"Cookie": "bilat_token=wrong"}),
        ({"token": TOKEN, "read_only": True}, {"Authorization": f"Bearer {TOKEN}"}),
    ],
)
def test_a_write_without_the_right_token_is_refused(
    store: Store, access: dict[str, Any], headers: dict[str, str]
) -> None:
    url = curation_url(store)
    before = decisions(store, url)
    response = client(store, **access).post(url, json=CONFIRM, headers=headers)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "write_refused"
    assert decisions(store, url) == before


def test_read_only_says_so(store: Store) -> None:
    response = client(store, token=TOKEN, read_only=True).post(
        curation_url(store), json=CONFIRM, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert "read-only" in response.json()["error"]["message"]


@pytest.mark.parametrize(
    "headers",
    [
        {"Authorization": f"Bearer {TOKEN}"},
        {"X-Bilat-Token": TOKEN},
        {"Cookie": f"bilat_token={TOKEN}", "Origin": "http://127.0.0.1:8000"},
    ],
)
def test_a_write_with_the_token_lands(store: Store, headers: dict[str, str]) -> None:
    url = curation_url(store)
    before = decisions(store, url)
    response = client(store, token=TOKEN).post(url, json=CONFIRM, headers=headers)
    assert response.status_code == 200, response.text
    assert decisions(store, url) == before + 1


@pytest.mark.parametrize(
    "sender",
    [
        {"Origin": "http://evil.example"},
        {"Origin": "http://127.0.0.1:9999"},  # another port is another origin
        {"Origin": "null"},
        {"Referer": "http://evil.example/page"},
    ],
)
def test_a_write_from_another_site_is_refused_even_with_the_cookie(
    store: Store, sender: dict[str, str]
) -> None:
    headers = {"Cookie": f"bilat_token={TOKEN}"} | sender
    url = curation_url(store)
    before = decisions(store, url)
    response = client(store, token=TOKEN).post(url, json=CONFIRM, headers=headers)
    assert response.status_code == 403
    assert "another site" in response.json()["error"]["message"]
    assert decisions(store, url) == before


def test_the_printed_url_gives_the_browser_its_token_once(store: Store) -> None:
    browser = client(store, token=TOKEN)
    response = browser.get(f"/facts?type=trade&token={TOKEN}", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/facts?type=trade"  # the token leaves the address
    cookie = response.headers["set-cookie"]
    assert f"bilat_token={TOKEN}" in cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert browser.cookies.get("bilat_token") == TOKEN
    page = browser.get("/facts?type=trade").text
    assert "<body data-write>" in page


def test_a_wrong_token_in_the_url_gives_no_cookie(store: Store) -> None:
    browser = client(store, token=TOKEN)
    response = browser.get("/facts?token=guess", follow_redirects=False)
    assert response.status_code == 200
    assert "set-cookie" not in response.headers
    assert "<body>" in response.text


def test_pages_offer_curation_only_to_who_may_write(store: Store) -> None:
    fact_page = f"/fact/{a_fact(store)}"
    reader = client(store, token=TOKEN).get(fact_page).text
    writer = client(store, token=TOKEN).get(fact_page, headers={"X-Bilat-Token": TOKEN}).text
    read_only = client(store, token=TOKEN, read_only=True)
    frozen = read_only.get(fact_page, headers={"X-Bilat-Token": TOKEN}).text
    assert "<body>" in reader and "<body>" in frozen
    assert "<body data-write>" in writer


# -- sizes --------------------------------------------------------------------------------------


def test_a_huge_body_answers_413_before_it_is_read(store: Store) -> None:
    body = b'{"action": "confirm", "by": "' + b"x" * (MAX_BODY_BYTES + 1) + b'"}'
    response = client(store, token=TOKEN).post(
        curation_url(store),
        content=body,
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
    )
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "body_too_large"


def test_a_huge_body_sent_in_chunks_answers_413(store: Store) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"action": "confirm", "by": "'
        for _ in range(MAX_BODY_BYTES // 1024 + 2):
            yield b"x" * 1024
        yield b'"}'

    response = client(store, token=TOKEN).post(
        curation_url(store),
        content=chunks(),
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
    )
    assert response.status_code == 413


def test_a_huge_query_string_answers_414(store: Store) -> None:
    response = client(store).get("/api/search", params={"q": "а" * MAX_QUERY_BYTES})
    assert response.status_code == 414
    assert client(store).get("/api/search", params={"q": "товарооборот"}).status_code == 200


# -- injection strings in every parameter -------------------------------------------------------

INJECTIONS = [
    "' OR '1'='1",
    "1; DROP TABLE facts; --",
    "'; UPDATE facts SET data = '{}'; --",
    '" OR 1=1 --',
    "2024) OR (1=1",
    "KZ') UNION SELECT sql FROM sqlite_master --",
    "%' AND 1=0 UNION SELECT NULL --",
    "товарооборот\x00",
    "*",
    "%",
    'NEAR("a" "b")',
    "\\",
    "../../etc/passwd",
]
# A route's answer to nonsense: its page or an empty one, or a clear refusal; never a 500
# (the test client raises the server's exception).
ANSWERS = (200, 400, 404, 422)
ROUTERS = (api.router, digest_pages.api, pages.router, digest_pages.pages)


def query_names(dependant: Dependant) -> list[str]:
    """Every query parameter a route reads, those of its dependencies (filters) included."""
    return [p.name for p in dependant.query_params] + [
        name for inner in dependant.dependencies for name in query_names(inner)
    ]


def get_routes() -> dict[str, tuple[list[str], list[str]]]:
    """Every GET route the app serves: its query and its path parameters."""
    return {
        route.path: (
            sorted(set(query_names(route.dependant))),
            [p.name for p in route.dependant.path_params],
        )
        for router in ROUTERS
        for route in router.routes
        if isinstance(route, APIRoute) and "GET" in route.methods
    }


def fingerprint(store: Store) -> dict[str, Any]:
    """The schema, and the rows of every table, of the store's file."""
    with sqlite3.connect(store.engine.url.database or "") as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        rows = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
        schema = sorted(conn.execute("SELECT type, name, sql FROM sqlite_master"))
    return {"schema": schema, "rows": rows}


def path_values(store: Store) -> dict[str, str]:
    fact = client(store).get("/api/facts").json()["facts"][0]
    return {
        "a": "KZ",
        "b": "UZ",
        "code": "KZ",
        "doc_id": fact["doc_id"],
        "fact_id": fact["id"],
        "format": "md",
    }


def test_every_get_route_is_tried() -> None:
    served = set(create_app(Store(":memory:")).openapi()["paths"])
    assert served - set(get_routes()) == {"/api/fact/{fact_id}/curation"}  # the one POST
    assert {"/", "/facts", "/search", "/pair/{a}/{b}", "/digest"} <= set(get_routes())  # pages


@pytest.mark.parametrize("route", sorted(get_routes()))
def test_injection_strings_in_every_parameter_are_only_text(store: Store, route: str) -> None:
    query, path_params = get_routes()[route]
    values = path_values(store)
    reader = client(store)
    base: dict[str, str | list[str]] = {"pair": ["KZ", "UZ"]} if "pair" in query else {}
    assert reader.get(route.format(**values), params=base).status_code == 200
    before = fingerprint(store)
    for attack in INJECTIONS:
        for name in query:
            given = [base["pair"][0], attack] if name == "pair" else attack
            response = reader.get(route.format(**values), params={**base, name: given})
            assert response.status_code in ANSWERS, (name, attack, response.text[:200])
        for name in path_params:
            url = route.format(**(values | {name: quote(attack, safe="")}))
            response = reader.get(url, params=base)
            assert response.status_code in ANSWERS, (name, attack, response.text[:200])
    assert fingerprint(store) == before


def test_injection_strings_in_a_decision_are_stored_as_text(store: Store) -> None:
    url = curation_url(store)
    writer = client(store, token=TOKEN)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    before = fingerprint(store)
    for attack in INJECTIONS[:6]:
        decision = {
            "action": "correct",
            "by": attack,
            "why": attack,
            "field": "value",
            "value": attack,
        }
        refused = writer.post(url, json=decision, headers=auth)
        assert refused.status_code in (400, 422), refused.text[:200]  # no number in it
        response = writer.post(
            url, json={"action": "reject", "by": attack, "why": attack}, headers=auth
        )
        assert response.status_code == 200, response.text[:200]
    stored = client(store).get(url.removesuffix("/curation")).json()["decisions"]
    assert [d["by"] for d in stored[-6:]] == INJECTIONS[:6]
    after = fingerprint(store)
    assert after["schema"] == before["schema"]
    machine_output = ("documents", "facts", "fact_parties", "mentions", "actors")
    assert [after["rows"][t] for t in machine_output] == [before["rows"][t] for t in machine_output]


# -- serving ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("host", "token", "read_only", "refused"),
    [
        ("127.0.0.1", None, False, False),
        ("localhost", None, False, False),
        ("::1", None, False, False),
        ("0.0.0.0", None, False, True),
        ("192.168.1.20", None, False, True),
        ("0.0.0.0", "chosen", False, False),
        ("0.0.0.0", None, True, False),
    ],
)
def test_serving_off_this_machine_needs_a_chosen_token(
    host: str, token: str | None, read_only: bool, refused: bool
) -> None:
    assert (refusal_to_serve(host, token, read_only) is not None) == refused


def test_serve_refuses_the_network_without_a_token(tmp_path: Path) -> None:
    Store(str(tmp_path / "empty.db")).close()
    result = CliRunner().invoke(
        cli, ["serve", "--host", "0.0.0.0", "--db", str(tmp_path / "empty.db")], env={}
    )
    assert result.exit_code != 0
    assert "--token" in result.output and "--read-only" in result.output


# -- DNS rebinding: on loopback, the Host must name this dashboard --------------------------------


@pytest.mark.parametrize(
    ("served", "host", "allowed"),
    [
        ("127.0.0.1", "127.0.0.1:8000", True),
        ("127.0.0.1", "localhost:8000", True),
        ("127.0.0.1", "LOCALHOST:8000", True),
        ("127.0.0.1", "[::1]:8000", True),
        ("127.0.0.1", "127.0.0.1", True),
        ("127.0.0.2", "127.0.0.2:8000", True),  # the address served
        ("::1", "[::1]:8000", True),
        ("127.0.0.1", "attacker.example:8000", False),  # a name pointed at 127.0.0.1
        ("127.0.0.1", "attacker.example", False),
        ("127.0.0.1", "127.0.0.2:8000", False),  # not the address served
        ("127.0.0.1", "localhost.attacker.example:8000", False),
        ("127.0.0.1", "localhost:80a", False),
        ("localhost", "attacker.example:8000", False),
        ("0.0.0.0", "attacker.example:8000", True),  # off loopback: the token guards writes
        (None, "attacker.example:8000", True),  # an app made without an address served
    ],
)
def test_on_loopback_a_request_naming_another_host_gets_400(
    store: Store, served: str | None, host: str, allowed: bool
) -> None:
    served_app = client(store, token=TOKEN, host=served)
    read = served_app.get("/api/overview", headers={"Host": host})
    write = served_app.post(
        curation_url(store), json=CONFIRM, headers={"Host": host, "X-Bilat-Token": TOKEN}
    )
    if allowed:
        assert read.status_code == 200 and write.status_code == 200
    else:
        assert read.status_code == write.status_code == 400
        assert read.json()["error"]["code"] == "host_refused"
        assert "127.0.0.1" in read.json()["error"]["message"]


def test_serve_checks_the_host_of_its_address(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`bilat serve` hands the address it serves to the guard."""
    import uvicorn

    served: list[Any] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: served.append(app))
    Store(str(tmp_path / "empty.db")).close()
    result = CliRunner().invoke(
        cli, ["serve", "--db", str(tmp_path / "empty.db"), "--port", "0"], env={}
    )
    assert result.exit_code == 0, result.output
    [app] = served
    with TestClient(app, base_url="http://127.0.0.1:8000") as browser:
        assert browser.get("/api/overview").status_code == 200
        refused = browser.get("/api/overview", headers={"Host": "rebound.example:8000"})
    assert refused.status_code == 400
