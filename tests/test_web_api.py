"""The web app through FastAPI's TestClient: every page and API route, its JSON shape, its
error shape, and escaping of untrusted article text. ``sample_store`` is shared with
test_web_browser.py."""

from __future__ import annotations

import csv
import html
import io
import re
import threading
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from evidence import at
from pydantic import BaseModel
from sqlalchemy import text as sql_text

from bilat.actors import lookup
from bilat.kb import incremental, whole
from bilat.model import Document, Fact, Mention
from bilat.store import Store
from bilat.web import create_app, schemas
from bilat.web.access import Access

with warnings.catch_warnings():  # starlette asks for httpx2, which bilat does not ship
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

# -- a small corpus, written for these tests --------------------------------------------------

KZ_UZ = (
    "Товарооборот Казахстана и Узбекистана по итогам 2024 года составил 4,4 млрд "
    "долларов. Экспорт Казахстана в Узбекистан достиг 2,6 млрд долларов, импорт — "
    "1,8 млрд долларов. В 2023 году товарооборот составлял 4 млрд долларов, а в 2022 "
    "году — 3,6 млрд долларов. На деловом форуме в Ташкенте министр торговли Казахстана "
    "Арман Шаккалиев сказал: «Мы доведём оборот до 10 млрд долларов к 2030 году». "
    "Стороны подписали дорожную карту промышленной кооперации."
)
REPRINT = "Казахстан и Узбекистан подвели итоги года\n\n" + KZ_UZ + "\n\nИсточник: агентство."
RIVAL = (
    "По данным таможни, товарооборот Казахстана с Узбекистаном в 2024 году составил "
    "3,9 млрд долларов. Основу поставок составили зерно и металлопрокат."
)
HOSTILE = (
    "<script>alert('текст')</script> Товарооборот Казахстана и Китая в 2024 году "
    "составил 44 млрд долларов <img src=x onerror=alert(1)>. Делегации встретились "
    "в Алматы."
)
RU_KZ = (
    "Президенты России и Казахстана провели переговоры в Астане 28 ноября 2024 года. "
    "Товарооборот между странами в 2023 году составил 27,4 млрд долларов. Стороны "
    "договорились построить совместный завод удобрений в Актобе."
)
SCRIPT = "<script>alert('x')</script>"


def trade(
    text: str,
    words: str,
    indicator: str,
    value: float,
    year: int,
    parties: tuple[str, str] = ("KZ", "UZ"),
    **more: Any,
) -> Fact:
    fields = {
        "indicator": indicator,
        "parties": list(parties),
        "value": value,
        "currency": "USD",
        "qualifier": "exact",
        "status": "actual",
        "period": {"year": year, "months": None},
        **more,
    }
    return Fact("trade", fields, at(text, words), 0.9, rule="test.trade")


def other(type: str, source: str, words: str, **fields: Any) -> Fact:
    return Fact(type, fields, at(source, words), 0.8, rule=f"test.{type}")


def kz_uz(text: str) -> list[Fact]:
    minister = {
        "name": "Арман Шаккалиев",
        "role": "министр торговли",
        "organization": None,
        "country": "KZ",
    }
    return [
        trade(text, "4,4", "turnover", 4.4e9, 2024),
        trade(text, "2,6", "export", 2.6e9, 2024, exporter="KZ", importer="UZ"),
        trade(text, "2,6", "import", 1.8e9, 2024, exporter="UZ", importer="KZ"),
        trade(text, "составлял 4", "turnover", 4.0e9, 2023),
        trade(text, "составлял 4", "turnover", 3.6e9, 2022),
        other(
            "change",
            text,
            "4,4",
            indicator="turnover",
            parties=["KZ", "UZ"],
            percent=10.0,
            period={"year": 2024, "months": None},
            base="previous_period",
        ),
        other(
            "event",
            text,
            "форуме",
            kind="forum",
            name="Казахстанско-узбекский форум",
            parties=["KZ", "UZ"],
            place="Ташкент",
            date="2025-02-07",
            participants=[minister],
        ),
        other(
            "quote",
            text,
            "форуме",
            speaker=minister,
            parties=["KZ", "UZ"],
            text="Мы доведём оборот до 10 млрд долларов к 2030 году",
        ),
        other(
            "agreement", text, "дорожную", kind="roadmap", parties=["KZ", "UZ"], date="2025-02-07"
        ),
    ]


def documents() -> list[tuple[Document, list[Fact], list[Mention]]]:
    def doc(text: str, name: str, day: str, title: str) -> Document:
        return Document(
            text=text, source=f"corpus/{name}", name=name, kind="text", title=title, date=day
        )

    hostile_doc = doc(HOSTILE, "hostile.txt", "2025-01-15", f"{SCRIPT} Китай")
    mention = Mention(
        HOSTILE.index("Казахстана"),
        HOSTILE.index("Казахстана") + 10,
        "Казахстана",
        lookup("KZ"),
        "name",
        "Казахстан",
    )
    return [
        (doc(KZ_UZ, "kz_uz.txt", "2025-02-10", "Казахстан и Узбекистан"), kz_uz(KZ_UZ), []),
        (doc(REPRINT, "reprint.txt", "2025-02-11", "Итоги года"), kz_uz(REPRINT), []),
        (
            doc(RIVAL, "rival.txt", "2025-03-01", "Таможня"),
            [trade(RIVAL, "3,9", "turnover", 3.9e9, 2024)],
            [],
        ),
        (
            hostile_doc,
            [
                trade(HOSTILE, "44", "turnover", 44e9, 2024, parties=("KZ", "CN")),
                other(
                    "event",
                    HOSTILE,
                    "Делегации",
                    kind="meeting",
                    parties=["KZ", "CN"],
                    name=f"{SCRIPT}встреча",
                    place="Алматы",
                    date="2025-01",
                ),
            ],
            [mention],
        ),
        (
            doc(RU_KZ, "ru_kz.txt", "2024-11-29", "Россия и Казахстан"),
            [
                other(
                    "event",
                    RU_KZ,
                    "переговоры",
                    kind="negotiations",
                    parties=["RU", "KZ"],
                    place="Астана",
                    date="2024-11-28",
                ),
                trade(RU_KZ, "27,4", "turnover", 27.4e9, 2023, parties=("RU", "KZ")),
                other(
                    "project",
                    RU_KZ,
                    "завод",
                    sector="удобрения",
                    place="Актобе",
                    location="KZ-15",
                    partners=["RU"],
                    status="planned",
                ),
            ],
            [],
        ),
    ]


def sample_store(path: Path) -> Store:
    store = Store(str(path))
    for document, facts, mentions in documents():
        store.add(document, facts, mentions)
    return store


WRITE_TOKEN = "token-of-the-tests"


def client_for(store: Store) -> TestClient:
    """A client that holds the write token, as a script given it would."""
    app = create_app(store, access=Access(token=WRITE_TOKEN))
    auth = {"Authorization": f"Bearer {WRITE_TOKEN}"}
    return TestClient(app, raise_server_exceptions=True, headers=auth)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    store = sample_store(tmp_path_factory.mktemp("web") / "web.db")
    with client_for(store) as opened:
        yield opened
    store.close()


def test_a_server_shows_why_its_findings_could_not_be_refreshed(tmp_path: Path) -> None:
    store = sample_store(tmp_path / "served.db")
    with TestClient(create_app(store, background=True)) as served:
        assert whole.wait_for_refresh(store, timeout=120)  # the findings computed at start
        assert served.get("/api/overview").json()["refresh_error"] is None
        late, words = "Товарооборот в 2024 году составил 3,9 млрд долларов.", "3,9"
        store.add(
            Document(late, "corpus/late.txt", "late.txt", "text", date="2025-03-01"),
            [trade(late, words, "turnover", 3.9e9, 2024)],
        )
        with store.writing("break the store") as conn:  # the refresh counts pairs over it
            conn.execute(sql_text("DROP TABLE fact_parties"))
        stale = served.get("/api/overview")
        assert stale.status_code == 200, stale.text  # stale; refreshes behind
        assert whole.wait_for_refresh(store, timeout=120)
        shown = served.get("/api/overview").json()["refresh_error"]
        page = served.get("/").text
    assert shown.startswith("findings not refreshed") and "fact_parties" in shown
    assert "Противоречия и проверки не обновились" in page and "fact_parties" in page
    store.close()


def test_a_servers_first_request_does_not_wait_for_the_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store written without bilat's ingest (or by an older bilat) has no consolidated
    rows yet, and making them takes seconds on a large store: a server answers its first
    overview at once, saying they are on their way, and shows them once made."""
    store = sample_store(tmp_path / "first.db")
    release = threading.Event()
    update = incremental.update

    def slow(*args: Any, **kwargs: Any) -> Any:
        release.wait(60)  # as a large store would keep the refresh busy
        return update(*args, **kwargs)

    monkeypatch.setattr(incremental, "update", slow)
    with TestClient(create_app(store, background=True)) as served:
        first = served.get("/api/overview").json()
        page = served.get("/").text
        waiting = served.get("/api/contradictions").json()
        release.set()
        assert whole.wait_for_refresh(store, timeout=120)
        later = served.get("/api/overview").json()
    store.close()
    assert first["findings_pending"] and first["n_documents"] == len(documents())
    assert first["facts_by_type"]["trade"] > 0  # the counts are there at once
    assert "ещё вычисляются" in page
    assert waiting["findings_pending"] and waiting["contradictions"] == []
    assert not later["findings_pending"] and later["n_contradictions"] >= 1
    assert later["pairs"]


def first_fact(client: TestClient, **filters: Any) -> dict[str, Any]:
    return client.get("/api/facts", params=filters).json()["facts"][0]


# -- every route: status, shape ----------------------------------------------------------------


def hostile_id() -> str:
    return next(d.id for d, _, _ in documents() if d.name == "hostile.txt")


API = [  # (path, model)
    ("/api/overview", schemas.Overview),
    ("/api/pair/KZ/UZ", schemas.PairDossier),
    ("/api/pair/Казахстан/Узбекистан", schemas.PairDossier),
    ("/api/actor/KZ", schemas.ActorProfile),
    ("/api/search?q=товарооборот", schemas.SearchResult),
    ("/api/search?q=", schemas.SearchResult),
    ("/api/consolidated", schemas.ConsolidatedPage),
    ("/api/facts", schemas.FactsPage),
    ("/api/facts?party=KZ&partner=UZ&type=trade&year=2024&limit=3", schemas.FactsPage),
    (
        "/api/ask?q=Какой товарооборот между Казахстаном и Узбекистаном в 2024 году?",
        schemas.AskResult,
    ),
    ("/api/ask?q=", schemas.AskResult),
    ("/api/contradictions", schemas.ContradictionsView),
    ("/api/watch", schemas.WatchView),
]


@pytest.mark.parametrize(("path", "model"), API)
def test_api_routes_return_their_documented_shape(
    client: TestClient, path: str, model: type[BaseModel]
) -> None:
    response = client.get(path)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    model.model_validate(response.json())


def test_document_and_fact_routes(client: TestClient) -> None:
    doc = client.get(f"/api/doc/{hostile_id()}").json()
    schemas.DocumentView.model_validate(doc)
    assert "".join(s["text"] for s in doc["segments"]) == HOSTILE
    fact = client.get(f"/api/fact/{doc['facts'][0]['id']}").json()
    schemas.FactView.model_validate(fact)
    assert fact["fact"]["doc_id"] == hostile_id()


PAGES = [
    "/",
    "/pair/KZ/UZ",
    "/pair/RU/KZ",
    "/actor/KZ",
    "/actor/UZ",
    "/search",
    "/search?q=товарооборот",
    "/facts",
    "/facts?party=KZ&type=trade",
    "/consolidated",
    "/ask",
    "/ask?q=Какой товарооборот между Казахстаном и Узбекистаном в 2017 году?",
    "/contradictions",
    "/watch",
    "/doc/{hostile}",
    "/fact/{fact}",
]


@pytest.mark.parametrize("path", PAGES)
def test_pages_render_with_a_json_twin(client: TestClient, path: str) -> None:
    path = path.format(hostile=hostile_id(), fact=first_fact(client)["id"])
    response = client.get(path)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    twin = "/api/overview" if path == "/" else "/api" + path
    assert client.get(twin).status_code == 200
    assert 'href="/static/style.css"' in response.text
    assert "http://" not in response.text.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_pair_page_has_a_chart_whose_points_open_their_sources(client: TestClient) -> None:
    page = client.get("/pair/KZ/UZ").text
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in page
    assert 'href="#pt-0-2024-0"' in page and 'id="pt-0-2024-0"' in page
    panel = page[page.index('id="pt-0-2024-0"') :]
    assert "по итогам 2024 года составил 4,4 млрд" in panel[:4000]
    assert "Противоречия" in page and "3,9 млрд" in page  # the rival figure, side by side


def test_static_assets_are_served_locally(client: TestClient) -> None:
    for asset in ("/static/style.css", "/static/app.js"):
        response = client.get(asset)
        assert response.status_code == 200 and len(response.text) > 1000
    assert client.get("/docs").status_code == 404  # Swagger UI would need a CDN
    assert client.get("/openapi.json").json()["paths"]["/api/pair/{a}/{b}"]


def test_csv_download(client: TestClient) -> None:
    response = client.get("/api/facts.csv", params={"party": "KZ", "partner": "UZ"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert rows and {"id", "type", "value", "evidence_text", "curation"} <= set(rows[0])
    assert all("UZ" in r["parties"] for r in rows)


# -- escaping ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/doc/{hostile}",
        "/",
        "/pair/KZ/CN",
        "/actor/KZ",
        "/search?q=Китай",
        "/facts?party=CN",
        "/search?q=<script>alert(1)</script>",
        "/ask?q=<script>alert(1)</script>",
    ],
)
def test_article_text_is_escaped(client: TestClient, path: str) -> None:
    page = client.get(path.format(hostile=hostile_id())).text
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    if path.startswith("/doc"):
        assert "&lt;script&gt;alert(&#39;текст&#39;)&lt;/script&gt;" in page
        assert "&lt;img src=x onerror=alert(1)&gt;" in page


# -- errors: one shape ------------------------------------------------------------------------

ERRORS = [
    ("/api/doc/ffffffffffffffff", 404, "not_found"),
    ("/api/pair/KZ/XX", 404, "not_found"),
    ("/api/pair/KZ/Казахстан", 400, "bad_request"),
    ("/api/actor/Атлантида", 404, "not_found"),
    ("/api/fact/0000000000000000", 404, "not_found"),
    ("/api/facts?year=двадцать", 422, "invalid_request"),
    ("/api/facts?limit=100000", 422, "invalid_request"),
    ("/api/no-such-route", 404, "not_found"),
]


@pytest.mark.parametrize(("path", "status", "code"), ERRORS)
def test_api_errors_have_one_shape(client: TestClient, path: str, status: int, code: str) -> None:
    response = client.get(path)
    assert response.status_code == status
    body = schemas.ErrorResponse.model_validate(response.json())
    assert (body.error.status, body.error.code) == (status, code)
    assert body.error.message


def test_pages_show_errors_as_html(client: TestClient) -> None:
    response = client.get("/doc/ffffffffffffffff")
    assert response.status_code == 404
    assert "Не найдено" in response.text and "ffffffffffffffff" in response.text


# -- curation through the API ------------------------------------------------------------------


def test_curation_through_the_api(client: TestClient) -> None:
    fact = first_fact(client, party="RU", type="trade")
    url = f"/api/fact/{fact['id']}/curation"
    response = client.post(url, json={"action": "confirm", "by": "Анна", "why": "сверено"})
    assert response.status_code == 200, response.text
    body = schemas.CurationResult.model_validate(response.json())
    assert body.fact["curation"] == "confirmed"
    assert body.decision["by"] == "Анна"
    corrected = client.post(
        url,
        json={
            "action": "correct",
            "by": "Анна",
            "why": "опечатка",
            "field": "value",
            "value": "27,5e9",
        },
    ).json()
    assert corrected["fact"]["value"] == 27.5e9 and corrected["fact"]["curation"] == "corrected"
    assert len(client.get(f"/api/fact/{fact['id']}").json()["decisions"]) == 2
    dossier = client.get("/api/pair/RU/KZ").json()
    assert dossier["series"][0]["points"][0]["value"] == 27.5e9  # the person's value wins


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"action": "reject", "by": "Анна"}, 400),  # a rejection needs a reason
        ({"action": "correct", "by": "Анна", "why": "x", "field": "colour", "value": 1}, 400),
        ({"action": "approve", "by": "Анна"}, 422),
        ({"action": "confirm"}, 422),
        ({"action": "confirm", "by": "Анна", "extra": 1}, 422),
    ],
)
def test_curation_errors(client: TestClient, body: dict[str, Any], status: int) -> None:
    fact = first_fact(client)
    response = client.post(f"/api/fact/{fact['id']}/curation", json=body)
    assert response.status_code == status
    schemas.ErrorResponse.model_validate(response.json())


def test_curating_an_unknown_fact_is_not_found(client: TestClient) -> None:
    response = client.post(
        "/api/fact/0000000000000000/curation", json={"action": "confirm", "by": "Анна"}
    )
    assert response.status_code == 404


# -- people, organisations and sectors: labels, not type names ----------------------------------

PEOPLE = (
    "Аким Костанайской области Канат Ермеков прибыл в Челябинск. Индустриальный парк "
    "«Сырдарья» примет казахстанские компании. Стороны создадут совместную "
    "логистическую компанию."
)


def people_store(path: Path) -> Store:
    """A store whose one document holds a person, an organisation and a sector fact."""
    store = Store(str(path))
    facts = [
        other(
            "person",
            PEOPLE,
            "Аким",
            name="Канат Ермеков",
            role="Аким Костанайской области",
            roles=["Аким Костанайской области"],
            country="KZ",
            region="KZ-39",
            organization=None,
        ),
        other(
            "organization",
            PEOPLE,
            "Индустриальный",
            name="Сырдарья",
            abbreviation=None,
            country="KZ",
        ),
        other(
            "sector",
            PEOPLE,
            "Стороны",
            sector="transport",
            word="логистическую",
            parties=["KZ", "RU-CHE"],
        ),
    ]
    store.add(
        Document(
            text=PEOPLE,
            source="corpus/people.txt",
            name="people.txt",
            kind="txt",
            title="Аким в Челябинске",
            date="2025-03-01",
        ),
        facts,
    )
    return store


@pytest.fixture(scope="module")
def people_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    store = people_store(tmp_path_factory.mktemp("people") / "web.db")
    with client_for(store) as opened:
        yield opened
    store.close()


def test_people_organizations_and_sectors_have_labels(people_client: TestClient) -> None:
    listed = people_client.get("/api/facts").json()["facts"]
    summaries = {f["type"]: f["summary"] for f in listed}
    assert summaries == {
        "person": "Канат Ермеков, аким Костанайской области",
        "organization": "Сырдарья · Казахстан",
        "sector": "отрасль: транспорт",
    }
    doc_id = listed[0]["doc_id"]
    page = people_client.get(f"/doc/{doc_id}").text
    for label in ("персона", "организация", "отрасль", "Канат Ермеков, аким"):
        assert label in page
    assert "Костанайская область" in people_client.get("/facts?type=person").text


def test_the_type_filter_offers_every_fact_type(people_client: TestClient) -> None:
    from bilat.model import FACT_TYPES

    page = people_client.get("/facts").text
    select = page[page.index('<select name="type">') :]
    select = select[: select.index("</select>")]
    for type in FACT_TYPES:
        assert f'<option value="{type}">' in select
    assert '<option value="person">персона</option>' in select


# -- the region-pair dossier (issue 13, point 1) ----------------------------------------------

UFA = (
    "В Уфе прошёл форум России и Казахстана. Глава Башкортостана Ильдар Гарипов открыл "
    "форум. «Казахстан — наш главный партнёр», — сказал Ильдар Гарипов. Товарооборот "
    "Башкортостана и Казахстана в 2024 году составил 495,3 млн долларов."
)


def ufa_facts() -> list[Fact]:
    """As the extractor writes them: the forum's parties are RU and KZ, held in RU-BA; the
    quote has no parties; only the person fact knows the speaker's region."""
    head = {
        "name": "Ильдар Гарипов",
        "role": "Глава Башкортостана",
        "organization": None,
        "country": "RU",
    }
    return [
        trade(UFA, "495,3", "turnover", 495.3e6, 2024, parties=("KZ", "RU-BA")),
        other(
            "event",
            UFA,
            "форум России",
            kind="forum",
            name="Форум России и Казахстана",
            parties=["KZ", "RU"],
            place="Уфа",
            location="RU-BA",
            date=None,
            participants=[head],
        ),
        other(
            "person",
            UFA,
            "Глава",
            name="Ильдар Гарипов",
            surname="Гарипов",
            first_name="Ильдар",
            role="Глава Башкортостана",
            roles=["Глава Башкортостана"],
            country="RU",
            region="RU-BA",
            aliases=["Ильдар Гарипов"],
        ),
        other(
            "quote", UFA, "главный партнёр", speaker=head, text="Казахстан — наш главный партнёр"
        ),
    ]


def ufa_mentions() -> list[Mention]:
    def named(word: str, code: str) -> Mention:
        start = UFA.index(word)
        return Mention(start, start + len(word), word, lookup(code), "name", word)

    return [
        named("Уфе", "RU-BA"),
        named("России", "RU"),
        named("Казахстана", "KZ"),
        named("Башкортостана", "RU-BA"),
        named("Казахстан —", "KZ"),
    ]


@pytest.fixture(scope="module")
def ufa_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    store = Store(str(tmp_path_factory.mktemp("ufa") / "ufa.db"))
    store.add(
        Document(
            text=UFA,
            source="corpus/ufa.txt",
            name="ufa.txt",
            kind="text",
            title="Форум в Уфе",
            date="2024-11-29",
        ),
        ufa_facts(),
        ufa_mentions(),
    )
    with client_for(store) as opened:
        yield opened
    store.close()


def test_a_region_pair_gets_the_events_quotes_and_people_that_concern_it(
    ufa_client: TestClient,
) -> None:
    shown = ufa_client.get("/api/pair/KZ/RU-BA").json()
    assert [e["fields"]["name"] for e in shown["events"]] == ["Форум России и Казахстана"]
    assert [q["fields"]["text"] for q in shown["quotes"]] == ["Казахстан — наш главный партнёр"]
    assert [(p["name"], p["region"]) for p in shown["people"]] == [("Ильдар Гарипов", "RU-BA")]
    page = ufa_client.get("/pair/KZ/RU-BA").text
    assert "Форум России и Казахстана" in page and "наш главный партнёр" in page
    assert "Ильдар Гарипов" in page and "(Республика Башкортостан)</span>" in page
    # the pair of a country with its own region is no pair to reach
    assert ufa_client.get("/api/pair/RU/RU-BA").json()["events"] == []


def test_a_region_profile_gets_its_people_and_event_partners(ufa_client: TestClient) -> None:
    shown = ufa_client.get("/api/actor/RU-BA").json()
    assert [p["code"] for p in shown["by_events"]] == ["KZ"]  # RU is its own country
    assert [p["name"] for p in shown["people"]] == ["Ильдар Гарипов"]
    assert "Ильдар Гарипов" in ufa_client.get("/actor/RU-BA").text


def test_a_region_profile_lists_the_events_and_quotes_that_reach_it(
    ufa_client: TestClient,
) -> None:
    """The forum of RU and KZ was held in Уфа and its head spoke there: the actor page of
    RU-BA lists both, though neither names RU-BA among its parties (issue 13, point 1)."""
    shown = ufa_client.get("/api/actor/RU-BA").json()
    assert [e["fields"]["name"] for e in shown["events"]] == ["Форум России и Казахстана"]
    assert [q["fields"]["text"] for q in shown["quotes"]] == ["Казахстан — наш главный партнёр"]
    assert (shown["n_events"], shown["n_quotes"]) == (1, 1)
    page = ufa_client.get("/actor/RU-BA").text
    assert "Форум России и Казахстана" in page and "Казахстан — наш главный партнёр" in page


# -- ask: rivals and English (issue 13, point 4) ----------------------------------------------


def test_ask_shows_the_rival_figure_with_its_sources(client: TestClient) -> None:
    question = "Какой товарооборот между Казахстаном и Узбекистаном в 2024 году?"
    shown = client.get("/api/ask", params={"q": question}).json()
    assert shown["found"] and "источники расходятся" in shown["text"]
    [rival] = shown["rivals"]
    assert rival["value"] == 3.9e9
    assert [s["doc_name"] for s in rival["sources"]] == ["rival.txt"]
    page = client.get("/ask", params={"q": question}).text
    assert "Другие источники называют" in page and "rival.txt" in page


def test_ask_in_english_through_the_api(client: TestClient) -> None:
    shown = client.get(
        "/api/ask", params={"q": "What was the trade between Kazakhstan and Uzbekistan in 2024?"}
    ).json()
    assert shown["found"] and shown["understood"]["parties"] == ["KZ", "UZ"]


# -- the explorer: sort, text, dates ------------------------------------------------------------


def listed(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    response = client.get("/api/facts", params=params)
    assert response.status_code == 200, response.text
    return response.json()["facts"]


def test_facts_sort_by_any_column_both_ways(client: TestClient) -> None:
    up = [f["value"] for f in listed(client, type="trade", sort="value")]
    assert up == sorted(up) and up[0] == 1.8e9
    down = [f["value"] for f in listed(client, type="trade", sort="-value")]
    assert down == sorted(down, reverse=True) and down[0] == 44e9
    names = [f["doc_name"] for f in listed(client, sort="source")]
    assert names == sorted(names) and names[0] == "hostile.txt"
    years = [f["period"]["year"] for f in listed(client, type="trade", sort="-year")]
    assert years == sorted(years, reverse=True)
    dates = [f["doc_date"] for f in listed(client, sort="date")]
    assert dates == sorted(dates)


def test_the_explorer_headers_sort_and_sort_back(client: TestClient) -> None:
    page = client.get("/facts", params={"type": "trade", "sort": "value"}).text
    assert 'href="/facts?type=trade&amp;sort=-value"' in page  # sorted up: the link sorts down
    assert 'href="/facts?type=trade&amp;sort=year"' in page
    assert "Значение ▲" in page
    cells = page.split('<td class="num')
    assert cells[1].startswith(' nowrap">2024</td>')
    assert cells[2].startswith('">1,8 млрд долларов</td>')


def test_the_explorer_shows_an_event_s_date_as_its_period(client: TestClient) -> None:
    """An event's period cell is its date; a fact with neither leaves the cell empty, not
    '?' (what to build: explorer layout)."""

    def periods(type: str) -> list[str]:
        rows = client.get("/facts", params={"type": type}).text.split('<tr id="fact-')[1:]
        return [re.search(r'<td class="num[^"]*">(.*?)</td>', row, re.S)[1] for row in rows]

    assert "2025-02-07" in periods("event")
    projects = periods("project")
    assert projects and set(projects) == {""}


def test_the_explorer_shows_the_years_a_roadmap_spans(tmp_path: Path) -> None:
    """A roadmap for 2023–2024 shows those years in the period cell, as its summary says."""
    text = "Стороны подписали дорожную карту на 2023–2024 годы."
    store = Store(str(tmp_path / "roadmap.db"))
    roadmap = other(
        "agreement",
        text,
        "дорожную карту",
        kind="roadmap",
        parties=["KZ", "RU-BA"],
        period={"from_year": 2023, "to_year": 2024},
    )
    store.add(Document(text, "corpus/r.txt", "r.txt", "text", date="2023-05-02"), [roadmap])
    with client_for(store) as served:
        page = served.get("/facts", params={"type": "agreement"}).text
    store.close()
    assert re.search(r'<td class="num[^"]*">2023–2024</td>', page)


def test_an_unknown_sort_is_refused_in_the_one_error_shape(client: TestClient) -> None:
    response = client.get("/api/facts", params={"sort": "colour"})
    assert response.status_code == 422
    assert "sort" in response.json()["error"]["message"]


def test_the_text_filter_finds_words_in_any_case(client: TestClient) -> None:
    for words in ("по данным таможни", "ТАМОЖНИ", "Таможни"):
        found = listed(client, q=words)
        assert [f["doc_name"] for f in found] == ["rival.txt"], words
    assert listed(client, q="100%_") == []  # LIKE's wildcards are plain characters


def test_a_range_of_publication_dates(client: TestClient) -> None:
    names = {f["doc_name"] for f in listed(client, since="2025-02-11", until="2025-03", limit=500)}
    assert names == {"reprint.txt", "rival.txt"}
    names = {f["doc_name"] for f in listed(client, until="2025-02-10", limit=500)}
    assert names == {"kz_uz.txt", "hostile.txt", "ru_kz.txt"}
    assert {f["doc_name"] for f in listed(client, since="2025", until="2025")} >= {"rival.txt"}
    page = client.get("/facts", params={"since": "2025-02-11", "until": "2025-03"}).text
    assert 'name="since" value="2025-02-11"' in page and 'name="until" value="2025-03"' in page


@pytest.mark.parametrize("bad", [{"since": "2025-02-30"}, {"until": "2025-13"}, {"since": "вчера"}])
def test_a_date_that_does_not_exist_is_refused(client: TestClient, bad: dict[str, str]) -> None:
    response = client.get("/api/facts", params=bad)
    assert response.status_code in (400, 422)
    assert response.json()["error"]["message"]


def test_the_explorer_reads_party_names_as_the_cli_does(client: TestClient) -> None:
    """ "Казахстан" and "Узбекистан" select the facts of KZ and UZ, as `bilat facts --pair`
    reads them, instead of no facts at all (issue 13, point 11)."""
    by_code = client.get("/api/facts", params={"party": "KZ", "partner": "UZ"}).json()
    by_name = client.get("/api/facts", params={"party": "Казахстан", "partner": "узбекистан"})
    assert by_code["total"] > 0
    assert by_name.json()["total"] == by_code["total"]
    assert by_name.json()["filters"] == {"party": "KZ", "partner": "UZ"}


@pytest.mark.parametrize(
    ("query", "named"),
    [({"type": "bogus"}, "type='bogus'"), ({"party": "Нарния"}, "party='Нарния'")],
)
def test_an_unknown_type_or_party_is_refused_not_answered_with_nothing(
    client: TestClient, query: dict[str, str], named: str
) -> None:
    for path in ("/api/facts", "/api/consolidated", "/facts"):
        response = client.get(path, params=query)
        assert response.status_code == 400, (path, response.text)
        assert named in html.unescape(response.text)
    assert client.get("/api/facts", params=query).json()["error"]["code"] == "bad_request"


# -- the explorer: facets -------------------------------------------------------------------------


def test_facets_count_the_matching_facts_by_type_pair_year_and_source(client: TestClient) -> None:
    page = client.get("/api/facts", params={"party": "KZ"}).json()
    facets = page["facets"]
    assert set(facets) == {"type", "pair", "year", "source"}
    types = {v["value"]: v["count"] for v in facets["type"]}
    assert types["trade"] == 13 and sum(types.values()) == page["total"]
    assert {"KZ UZ", "CN KZ", "KZ RU"} <= {v["value"] for v in facets["pair"]}
    assert facets["year"][0]["value"] == "2024"
    assert {v["label"] for v in facets["source"][:2]} == {"Казахстан и Узбекистан", "Итоги года"}
    assert [v["count"] for v in facets["source"]][:2] == [9, 9]
    for name, values in facets.items():
        for value in values:  # following a value gives as many facts as it counts
            total = client.get("/api/facts", params=value["filters"]).json()["total"]
            assert total >= value["count"] if name == "pair" else total == value["count"]
            assert "KZ" in (value["filters"]["party"], value["filters"].get("partner"))


def test_a_country_and_its_own_region_are_no_pair_facet(tmp_path: Path) -> None:
    """A project of Казахстан and Башкортостан in Костанай is stored with KZ and KZ-39 as
    its first two parties; no pair facet names the pair KZ–KZ-39 (issue 13, point 6)."""
    text = "Башкирская компания построит в Костанае завод вместе с казахстанскими партнёрами."
    store = Store(str(tmp_path / "project.db"))
    project = other(
        "project", text, "завод", partners=["RU-BA", "KZ"], location="KZ-39", place="Костанай"
    )
    store.add(Document(text, "corpus/p.txt", "p.txt", "text", date="2025-01-10"), [project])
    pair = {"party": "KZ", "partner": "RU-BA"}
    with client_for(store) as served:
        shown = served.get("/api/facts", params=pair).json()
        whole = served.get("/api/consolidated", params=pair).json()
    store.close()
    assert shown["total"] == 1
    assert [v["value"] for v in shown["facets"]["pair"]] == []
    assert [v["value"] for v in whole["facets"]["pair"]] == ["KZ RU-BA"]  # it has all three


def test_a_selected_facet_value_drops_its_filter(client: TestClient) -> None:
    facets = client.get(
        "/api/facts", params={"type": "trade", "year": "2024", "sort": "value"}
    ).json()["facets"]
    [trade] = facets["type"]
    assert trade["selected"] and trade["filters"] == {"year": 2024, "sort": "value"}
    chosen = [v for v in facets["year"] if v["selected"]]
    assert chosen[0]["filters"] == {"type": "trade", "sort": "value"}
    page = client.get("/facts", params={"type": "trade"}).text
    assert 'data-facet="pair"' in page and "/facts?type=trade&amp;party=KZ&amp;partner=UZ" in page


def test_facts_sort_by_their_curation_both_ways(tmp_path: Path) -> None:
    """The reviewer's decision sorts as the other text columns do, on the server, over every
    matching fact; facts no one reviewed come last either way."""
    store = sample_store(tmp_path / "curated.db")
    with client_for(store) as opened:
        newest_first = listed(opened, type="trade")
        unreviewed = listed(opened, type="trade", sort="curation")
        assert [f["id"] for f in unreviewed] == [f["id"] for f in newest_first]
        correction = {"field": "value", "value": "2,7e9"}
        decisions = {  # the oldest fact confirmed, the newest rejected: not the default order
            newest_first[-1]["id"]: {"action": "confirm", "by": "Анна"},
            newest_first[0]["id"]: {"action": "reject", "by": "Анна", "why": "перепечатка"},
            newest_first[2]["id"]: {"action": "correct", "by": "Анна", "why": "опечатка"}
            | correction,
        }
        for fact_id, body in decisions.items():
            assert opened.post(f"/api/fact/{fact_id}/curation", json=body).status_code == 200
        up = [f["curation"] for f in listed(opened, type="trade", sort="curation", limit=3)]
        down = [f["curation"] for f in listed(opened, type="trade", sort="-curation")]
        page = opened.get("/facts", params={"sort": "curation"}).text
    store.close()
    assert up == ["confirmed", "corrected", "rejected"]
    assert down[:3] == ["rejected", "corrected", "confirmed"]
    assert down[3:] == [None] * (len(newest_first) - 3)
    assert 'href="/facts?sort=-curation"' in page and "Проверка ▲" in page


def test_sorted_by_value_dollars_come_before_roubles(tmp_path: Path) -> None:
    """Without exchange rates 48 billion roubles cannot rank above 35 billion dollars."""
    text = "Товарооборот составил 48 млрд рублей, а в долларах — 35 млрд. Экспорт — 1 млрд."
    store = Store(str(tmp_path / "money.db"))
    store.add(
        Document(text=text, source="m.txt", name="m.txt", kind="text"),
        [
            trade(text, "48", "turnover", 48e9, 2023, currency="RUB"),
            trade(text, "35", "turnover", 35e9, 2024),
            trade(text, "Экспорт", "export", 1e9, 2024),
        ],
    )
    with client_for(store) as opened:
        down = [(f["currency"], f["value"]) for f in listed(opened, sort="-value")]
        up = [(f["currency"], f["value"]) for f in listed(opened, sort="value")]
    store.close()
    assert down == [("USD", 35e9), ("USD", 1e9), ("RUB", 48e9)]
    assert up == [("USD", 1e9), ("USD", 35e9), ("RUB", 48e9)]


# -- exports: every matching fact, not a page of them --------------------------------------------

MANY = 620  # more than a page of the explorer (views.MAX_PAGE)


def test_the_csv_download_holds_every_matching_fact(tmp_path: Path) -> None:
    text = "Товарооборот Казахстана и Узбекистана составил 4,4 млрд долларов."
    store = Store(str(tmp_path / "many.db"))
    store.add(
        Document(text=text, source="many.txt", name="many.txt", kind="text"),
        [trade(text, "4,4", "turnover", 1e6 * (n + 1), 2000 + n % 25) for n in range(MANY)],
    )
    with client_for(store) as opened:
        everything = list(csv.DictReader(io.StringIO(opened.get("/api/facts.csv").text)))
        sorted_rows = list(
            csv.DictReader(
                io.StringIO(
                    opened.get("/api/facts.csv", params={"sort": "-value", "year": 2001}).text
                )
            )
        )
        capped = opened.get("/api/facts.csv", params={"limit": 3}).text
        nothing = opened.get("/api/facts.csv", params={"year": 1990}).text
    store.close()
    assert len(everything) == MANY and len({r["id"] for r in everything}) == MANY
    values = [float(r["value"]) for r in sorted_rows]
    assert len(values) == MANY // 25 + 1 and values == sorted(values, reverse=True)
    assert len(capped.strip().splitlines()) == 4  # the header and three facts
    assert nothing.strip().splitlines()[0].startswith("id,doc_id")


def test_the_explorer_downloads_its_selection_not_its_page(client: TestClient) -> None:
    page = client.get("/facts", params={"party": "KZ", "limit": 2, "offset": 2}).text
    assert 'href="/api/facts.csv?party=KZ"' in page


# -- the consolidated facts as a table ------------------------------------------------------------


def test_consolidated_facts_as_a_table(client: TestClient) -> None:
    response = client.get(
        "/api/consolidated", params={"party": "KZ", "partner": "UZ", "type": "trade"}
    )
    assert response.status_code == 200, response.text
    page = schemas.ConsolidatedPage.model_validate(response.json())
    turnover_2024 = [
        c for c in page.facts if c["fields"]["indicator"] == "turnover" and c["year"] == 2024
    ]
    # 4,4 from an article and its reprint (one independent source); 3,9 from customs
    assert sorted((c["value"], c["n_sources"], c["independent"]) for c in turnover_2024) == [
        (3.9e9, 1, 1),
        (4.4e9, 2, 1),
    ]
    assert {c["standing"] for c in turnover_2024} == {"disputed"}
    assert {v.value for v in page.facets["standing"]} >= {"disputed", "agreed"}
    down = client.get("/api/consolidated", params={"type": "trade", "sort": "-value"}).json()
    values = [c["value"] for c in down["facts"]]
    assert values[0] == 44e9 and values == sorted(values, reverse=True)
    disputed = client.get("/api/consolidated", params={"standing": "disputed"}).json()
    assert disputed["total"] == 2 and {c["standing"] for c in disputed["facts"]} == {"disputed"}
    assert client.get("/api/consolidated", params={"sort": "colour"}).status_code == 422


def test_the_consolidated_page_and_its_csv(client: TestClient) -> None:
    page = client.get("/consolidated", params={"type": "trade"}).text
    assert "▼" not in page and "▲" not in page  # no sort asked: none is marked
    assert 'href="/consolidated?type=trade&amp;sort=-sources"' in page  # most sources first
    page = client.get("/consolidated", params={"type": "trade", "sort": "-sources"}).text
    assert "Сводные факты" in page and "Источников ▼" in page
    assert 'href="/consolidated?type=trade&amp;sort=sources"' in page
    assert "перепечатка" in page and "reprint.txt" in page
    rows = list(
        csv.DictReader(
            io.StringIO(
                client.get("/api/consolidated.csv", params={"party": "KZ", "partner": "UZ"}).text
            )
        )
    )
    assert {r["standing"] for r in rows} >= {"disputed", "agreed"}
    assert any(r["doc_ids"].count(" ") == 1 for r in rows)  # two documents, one figure


def test_consolidated_values_sort_within_their_currency_or_unit(client: TestClient) -> None:
    for sort in ("value", "-value"):
        rows = client.get("/api/consolidated", params={"sort": sort}).json()["facts"]
        measures = [
            ("USD" if r["fields"].get("currency") == "USD" else "other")
            for r in rows
            if r["value"] is not None
        ]
        assert measures == sorted(measures, key=lambda m: m != "USD"), sort


# -- search: reprints grouped, matched words marked ---------------------------------------------


def test_search_groups_reprints_and_marks_the_matched_words(client: TestClient) -> None:
    found = client.get("/api/search", params={"q": "товарооборот Узбекистан"}).json()
    names = [h["name"] for h in found["hits"]]
    assert found["n_documents"] == len(names) + 1
    [article] = [h for h in found["hits"] if h["name"] in ("kz_uz.txt", "reprint.txt")]
    assert [r["name"] for r in article["reprints"]] == [
        {"kz_uz.txt": "reprint.txt", "reprint.txt": "kz_uz.txt"}[article["name"]]
    ]
    words = [article["snippet"][start:end] for start, end in article["marks"]]
    assert "Товарооборот" in words and "Узбекистана" in words  # any form of the words
    assert "Казахстана" not in words
    page = client.get("/search", params={"q": "товарооборот Узбекистан"}).text
    assert "<mark>Узбекистана</mark>" in page and "перепечатки: 1" in page


def test_search_marks_escape_the_snippet(client: TestClient) -> None:
    page = client.get("/search", params={"q": "Китай"}).text
    assert "<mark>Китая</mark>" in page and "<script>alert" not in page


# -- the pair dossier as OEC shows a pair: balance, flows, rank -----------------------------------


def test_a_pair_has_its_trade_balance_from_the_first_side(client: TestClient) -> None:
    kz_uz = client.get("/api/pair/KZ/UZ").json()
    assert kz_uz["balance"] == [
        {
            "year": 2024,
            "months": None,
            "export": 2.6e9,
            "import": 1.8e9,
            "balance": pytest.approx(0.8e9),
            "currency": "USD",
        }
    ]
    [uz_kz] = client.get("/api/pair/UZ/KZ").json()["balance"]
    assert (uz_kz["export"], uz_kz["import"]) == (1.8e9, 2.6e9)
    assert uz_kz["balance"] == pytest.approx(-0.8e9)
    assert client.get("/api/pair/RU/KZ").json()["balance"] == []  # no flows, no balance


def test_a_pair_says_where_each_side_stands_among_the_others_partners(client: TestClient) -> None:
    kz_side, uz_side = client.get("/api/pair/KZ/UZ").json()["ranks"]
    # KZ's partners by latest turnover: China 44 bn, Russia 27 bn, then Uzbekistan
    assert (kz_side["actor"]["code"], kz_side["partner"]["code"]) == ("KZ", "UZ")
    assert (kz_side["by_turnover"], kz_side["n_with_turnover"]) == (3, 3)
    assert kz_side["by_facts"] == 1  # but the partner KZ has most facts with
    assert (uz_side["by_turnover"], uz_side["n_with_turnover"]) == (1, 1)
    page = client.get("/pair/KZ/UZ").text
    ranks = page[page.index('id="ranks"') :]
    assert "<td>3-й из 3</td>" in ranks[: ranks.index("</table>")]


def test_the_pair_page_draws_flows_stacked_and_the_balance(client: TestClient) -> None:
    page = client.get("/pair/KZ/UZ").text
    assert 'aria-label="Экспорт и импорт по годам' in page
    assert 'aria-label="Сальдо торговли' in page
    flows = page[page.index('aria-label="Экспорт и импорт по годам') :]
    flows = flows[: flows.index("</svg>")]
    assert flows.count('class="bar') == 2  # one year: the export and the import on it
    assert "+800 млн" in page  # the balance, signed
