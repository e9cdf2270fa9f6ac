"""The ``bilat`` command end to end: demo, ingest, extract, facts, docs, show, search."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bilat.cli import EXIT_SKIPPED, app

runner = CliRunner()
README = Path(__file__).resolve().parent.parent / "README.md"
ARTICLE = (
    "Товарооборот Башкортостана и Казахстана\n\n"
    "За 2023 год товарооборот Башкортостана и Казахстана вырос до 451,7 млн "
    "долларов; экспорт республики составил 372,5 млн долларов, а импорт — 79,2 млн "
    "долларов.\n"
)


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("demo") / "demo.db")
    code, output = run("demo", "--db", db)
    assert code == 0, output
    return db


def test_demo_prints_a_summary(demo_db: str) -> None:
    code, output = run("demo", "--db", demo_db)  # a second run adds nothing
    assert code == 0
    assert "17 already stored" in output
    assert "nothing new" in output
    assert "документы" in output and "trade" in output


def test_facts_filters_and_formats(demo_db: str) -> None:
    code, output = run("facts", "--db", demo_db, "--type", "trade", "--format", "jsonl")
    rows = [json.loads(line) for line in output.splitlines()]
    assert code == 0 and rows
    assert {r["type"] for r in rows} == {"trade"}
    assert all(r["evidence"]["text"] and r["source"] for r in rows)
    pair = rows[0]["parties"]
    code, output = run("facts", "--db", demo_db, "--pair", *pair, "--format", "csv")
    lines = output.splitlines()
    assert lines[0].startswith("id,doc_id,doc_name,doc_date,source,url,type,indicator")
    assert len(lines) >= 2
    code, output = run("facts", "--db", demo_db, "--year", "1990")
    assert "фактов: 0" in output
    code, output = run("facts", "--db", demo_db, "--limit", "3")
    assert "фактов: 3" in output and "3 фактов" not in output  # no broken agreement


def test_facts_refuses_what_it_cannot_filter_by(demo_db: str, tmp_path: Path) -> None:
    """No silent empty answer: a bogus type, an unknown party and a mistyped --db fail
    with what went wrong; party names work as well as codes."""
    code, output = run("facts", "--db", demo_db, "--type", "bogus")
    assert code != 0 and "unknown fact type 'bogus'" in output
    code, by_name = run(
        "facts", "--db", demo_db, "--pair", "Казахстан", "Башкортостан", "--format", "jsonl"
    )
    _, by_code = run("facts", "--db", demo_db, "--pair", "KZ", "RU-BA", "--format", "jsonl")
    assert code == 0 and by_name == by_code and by_code
    result = runner.invoke(app, ["facts", "--db", demo_db, "--pair", "Нарния", "KZ"])
    assert result.exit_code != 0 and "Нарния" in str(result.exception)
    typo = tmp_path / "typo.db"
    result = runner.invoke(app, ["facts", "--db", str(typo)])
    assert result.exit_code != 0 and "no such database" in str(result.exception)
    assert not typo.exists()


def test_serve_refuses_a_busy_port(demo_db: str) -> None:
    """A port in use is an error with a non-zero exit, not a log line and exit 0."""
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code, output = run("serve", "--db", demo_db, "--port", str(port))
    assert code != 0 and f"cannot listen on 127.0.0.1:{port}" in output


def test_extract_reads_a_url(tmp_path: Path) -> None:
    """`extract http://…` fetches the page (a Path argument used to fold "//" and report a
    missing file); a local server stands in for the site."""
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # keep the command's output clean
            pass

    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    handler = functools.partial(Quiet, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/article.txt"
        code, output = run("extract", url)
    finally:
        server.shutdown()
        server.server_close()
    facts = [f for line in output.splitlines() for f in json.loads(line)["facts"]]
    assert code == 0 and any(f["type"] == "trade" for f in facts), output


def test_docs_show_and_search(demo_db: str) -> None:
    code, output = run("docs", "--db", demo_db, "--format", "jsonl")
    documents = [json.loads(line) for line in output.splitlines()]
    assert code == 0 and len(documents) == 17
    doc_id = max(documents, key=lambda d: d["n_facts"])["id"]
    code, output = run("show", doc_id[:8], "--db", demo_db)
    assert code == 0 and "факты" in output
    code, output = run("show", "ffffffffffff", "--db", demo_db)
    assert code != 0
    code, output = run("search", "товарооборот Казахстан", "--db", demo_db)
    assert code == 0 and "nothing found" not in output


def test_people_across_documents(demo_db: str) -> None:
    code, output = run("people", "--db", demo_db, "--json")
    rows = [json.loads(line) for line in output.splitlines()]
    assert code == 0 and rows
    assert all(r["name"] and r["documents"] for r in rows)


def test_ingest_twice_adds_nothing(tmp_path: Path) -> None:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "x.db")
    code, output = run("ingest", str(tmp_path / "news"), "--db", db)
    assert code == 0 and "1 added" in output
    code, output = run("ingest", str(tmp_path / "news"), "--db", db)
    assert code == 0 and "0 added" in output and "1 already stored" in output


def test_curate_lists_decisions_whose_fact_is_gone(tmp_path: Path) -> None:
    """A decision outlives its fact, and `bilat curate --orphaned` names it, rather than
    letting it land on another fact of the sentence."""
    from sqlalchemy import delete

    from bilat.store import Store
    from bilat.store.schema import facts

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "x.db")
    assert run("ingest", str(tmp_path / "a.txt"), "--db", db)[0] == 0
    rows = [
        json.loads(line) for line in run("facts", "--db", db, "--format", "jsonl")[1].splitlines()
    ]
    [imported] = [r for r in rows if r.get("indicator") == "import"]
    code, output = run(
        "curate", imported["id"], "--reject", "--by", "Анна", "--why", "дубль", "--db", db
    )
    assert code == 0, output
    assert "no orphaned decisions" in run("curate", "--orphaned", "--db", db)[1]
    with Store(db) as store, store.engine.begin() as conn:  # a re-extraction loses the figure
        conn.execute(delete(facts).where(facts.c.id == imported["id"]))
    code, output = run("curate", "--orphaned", "--db", db)
    assert code == 0 and "1 orphaned" in output
    assert imported["id"] in output and "reject" in output and "Анна" in output


def test_ingest_reports_bad_inputs_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    db = str(tmp_path / "x.db")
    result = runner.invoke(
        app,
        [
            "ingest",
            str(tmp_path / "good.txt"),
            str(tmp_path / "empty.txt"),
            str(tmp_path / "binary.txt"),
            str(tmp_path / "missing.txt"),
            "--db",
            db,
        ],
    )
    assert result.exit_code == EXIT_SKIPPED
    assert "1 added" in result.output
    for name in ("empty.txt", "binary.txt", "missing.txt"):
        assert name in result.output


def test_extract_prints_the_eval_format(tmp_path: Path) -> None:
    path = tmp_path / "001_article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code, output = run("extract", str(path), "--format", "jsonl")
    (record,) = [json.loads(line) for line in output.splitlines()]
    assert code == 0
    assert set(record) == {"id", "source", "doc_date", "facts"}
    assert record["id"] == "001_article.txt"
    trade = [f for f in record["facts"] if f["type"] == "trade"]
    assert {(f["indicator"], f["value"]) for f in trade} == {
        ("turnover", 451.7e6),
        ("export", 372.5e6),
        ("import", 79.2e6),
    }
    for fact in trade:
        evidence = fact["evidence"]
        assert ARTICLE[evidence["start"] : evidence["end"]] == evidence["text"]


def test_extract_table_and_explain(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code, output = run("extract", str(path), "--format", "table")
    assert code == 0 and "turnover" in output
    code, output = run("extract", str(path), "--explain")
    assert code == 0 and "rule: trade.export" in output and "экспорт" in output


def test_every_command_is_in_the_readme() -> None:
    readme = README.read_text(encoding="utf-8")
    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    missing = [name for name in names if f"bilat {name}" not in readme]
    assert not missing, f"commands missing from README: {missing}"


PUBLIC = {
    "__version__",
    "read",
    "read_many",
    "demo_path",
    "analyse",
    "find_mentions",
    "resolve",
    "extract",
    "Store",
    "process",
    "ingest",
    "Document",
    "Analysis",
    "Fact",
    "Actor",
    "BilatError",
    "SourceError",
    "ExtractionError",
    "StoreError",
    "NotFoundError",
    "RequestError",
}


def test_public_surface(tmp_path: Path) -> None:
    """Each public name is there and is bilat's own, and together they do what the package
    promises: read an article, store it and its facts (not merely import)."""
    import bilat

    assert set(bilat.__all__) == PUBLIC
    for name in PUBLIC - {"__version__"}:
        value = getattr(bilat, name)
        assert callable(value) and value.__module__.startswith("bilat."), name
    assert all(issubclass(getattr(bilat, n), bilat.BilatError) for n in PUBLIC if "Error" in n)
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    [document] = bilat.read(article)
    assert isinstance(document, bilat.Document)
    with bilat.Store(str(tmp_path / "x.db")) as store:
        report = bilat.ingest([article], store)
        assert (report.added, report.skipped) == (1, [])
        assert store.count_facts() == {"trade": report.facts} and report.facts >= 3


def test_the_package_docstring_example_runs() -> None:
    """``bilat.extract(bilat.analyse(document))`` works though ``bilat.extract`` is also a
    subpackage that any import of it binds on ``bilat``."""
    import bilat
    import bilat.extract  # binds the subpackage on bilat, as any import of it does
    from bilat.model import Document

    document = Document(
        text="Товарооборот России и Казахстана в 2024 году вырос на 4%.",
        source="test",
        name="test",
        kind="txt",
        date="2025-01-10",
    )
    facts = bilat.extract(bilat.analyse(document))
    assert [f.type for f in facts] == ["change"]


def _telegram_export(folder: Path, channel_id: int = 1000000042) -> Path:
    """A channel's export with one message holding the article."""
    export = {
        "name": "Деловой канал",
        "type": "public_channel",
        "id": channel_id,
        "messages": [{"id": 17, "type": "message", "date": "2025-02-03T10:00:00", "text": ARTICLE}],
    }
    path = folder / "result.json"
    path.write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
    return path


def test_facts_csv_holds_numbers_codes_ids_and_links(tmp_path: Path) -> None:
    """CSV is for spreadsheets: raw numbers and ISO codes, the fact id that `curate`
    takes, and the message link rather than the export file's path."""
    import csv
    import io

    db = str(tmp_path / "x.db")
    code, output = run("ingest", str(_telegram_export(tmp_path)), "--db", db)
    assert code == 0, output
    code, output = run("facts", "--db", db, "--type", "trade", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(output)))
    assert code == 0 and rows, output
    export = next(r for r in rows if r["indicator"] == "export")
    assert float(export["value"]) == 372.5e6 and export["currency"] == "USD"
    assert export["parties"].split() == ["KZ", "RU-BA"]
    assert (export["exporter"], export["year"]) == ("RU-BA", "2023")
    assert export["url"] == "https://t.me/c/1000000042/17"
    assert len(export["id"]) == 16
    code, output = run("curate", export["id"][:8], "--confirm", "--by", "Анна", "--db", db)
    assert code == 0 and f"confirm {export['id']}" in output, output
    code, output = run("curate", "zz", "--confirm", "--by", "Анна", "--db", db)
    assert code != 0


def test_explain_names_people_organizations_and_sectors() -> None:
    """`extract --explain` says who and what, not a bare type name ("person")."""
    from bilat.sources import demo_path

    demo = demo_path()
    code, output = run(
        "extract",
        str(demo / "006_kazakhstan_azerbaijan.txt"),
        str(demo / "003_kazakhstan_uzbekistan.txt"),
        "--explain",
    )
    heads = [line for line in output.splitlines() if line and not line.startswith(" ")]
    assert code == 0
    assert any(h.startswith("персона: Нуржан Искаков, заместитель министра") for h in heads), heads
    assert any(h.startswith("организация: Сырдарья") for h in heads), heads
    assert any(h.startswith("отрасль: транспорт") for h in heads), heads
    assert not [h for h in heads if h.split()[0] in ("person", "organization", "sector")]


# -- the region-pair dossier (issue 13, point 1) ----------------------------------------------

# A forum of Russia and Kazakhstan held in Уфа, the head of Башкортостан opening it and
# quoted about Казахстан: the extractor writes the forum's parties as RU and KZ and the quote
# with no parties at all, yet both concern the pair KZ – RU-BA.
FORUM = (
    "Башкортостан принял форум России и Казахстана\n\n"
    "В Уфе прошёл XXI Форум межрегионального сотрудничества России и Казахстана. Глава "
    "Башкортостана Ильдар Гарипов открыл пленарное заседание форума.\n\n"
    "— Казахстан остаётся для нашей республики главным партнёром в Центральной Азии, и "
    "мы будем наращивать поставки оборудования, — сказал Ильдар Гарипов.\n\n"
    "По итогам 2024 года товарооборот Башкортостана и Казахстана составил 495,3 млн "
    "долларов.\n"
)


@pytest.fixture(scope="module")
def forum_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("forum")
    (folder / "forum.txt").write_text(FORUM, encoding="utf-8")
    db = str(folder / "forum.db")
    code, output = run("ingest", str(folder / "forum.txt"), "--db", db)
    assert code == 0, output
    return db


def test_the_region_pair_dossier_shows_its_events_people_and_quotes(forum_db: str) -> None:
    code, output = run("dossier", "KZ", "RU-BA", "--json", "--db", forum_db)
    shown = json.loads(output)
    assert code == 0
    [forum] = shown["events"]
    assert forum["fields"]["location"] == "RU-BA" and forum["fields"]["kind"] == "forum"
    [quote] = shown["quotes"]
    assert quote["fields"]["speaker"]["name"] == "Ильдар Гарипов"
    [head] = shown["people"]
    assert (head["name"], head["region"]) == ("Ильдар Гарипов", "RU-BA")
    code, output = run("dossier", "Казахстан", "Башкортостан", "--db", forum_db)
    assert code == 0
    assert "События" in output and "Цитаты" in output and "Ильдар Гарипов" in output


def test_the_region_profile_shows_its_partners_and_people(forum_db: str) -> None:
    from bilat import kb
    from bilat.store import Store

    with Store(forum_db, create=False) as store:
        profile = kb.profile(store, "RU-BA")
    assert [p["code"] for p in profile["by_events"]] == ["KZ"]  # not RU, its own country
    assert [p["name"] for p in profile["people"]] == ["Ильдар Гарипов"]


# -- the pair dossier's balance and rank, as its page shows them (issue 13) ---------------------

# Башкортостан trades with Узбекистан more than with Казахстан: Казахстан is its second partner.
UZ_ARTICLE = (
    "Товарооборот Башкортостана и Узбекистана\n\n"
    "За 2023 год товарооборот Башкортостана и Узбекистана составил 612,4 млн долларов.\n"
)


def test_the_dossier_prints_the_balance_and_the_rank_among_partners(tmp_path: Path) -> None:
    for name, text in (("kz.txt", ARTICLE), ("uz.txt", UZ_ARTICLE)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = str(tmp_path / "pair.db")
    assert run("ingest", str(tmp_path), "--db", db)[0] == 0
    code, output = run("dossier", "Башкортостан", "Казахстан", "--db", db)
    assert code == 0, output
    lines = output.splitlines()
    # the republic's exports 372,5 against its imports 79,2: a surplus, signed
    [year] = [line for line in lines if "+293,3 млн долларов" in line]
    assert "2023" in year and "372,5 млн долларов" in year and "79,2 млн долларов" in year
    assert "экспорт: Республика Башкортостан → Казахстан" in " ".join(output.split())
    assert "Место среди партнёров" in output
    # its partners by turnover: Узбекистан 612,4 млн, then Казахстан 451,7 млн
    assert any(line.startswith("│ Республика") and "2-й из 2" in line for line in lines)
    assert any(line.startswith("│ Казахстан") and "1-й из 1" in line for line in lines)
    shown = json.loads(run("dossier", "RU-BA", "KZ", "--json", "--db", db)[1])
    assert shown["balance"][0]["balance"] == pytest.approx(293.3e6)
    assert [r["by_turnover"] for r in shown["ranks"]] == [2, 1]


def test_a_list_of_file_names_is_no_article(tmp_path: Path) -> None:
    """A folder's index of its files (or a list of URLs) is reported, not stored as news."""
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "news" / "files.txt").write_text(
        "a.txt\n2024/bashkortostan_kazakhstan_trade.txt\nomsk-pavlodar.html\nnews_0017.json\n",
        encoding="utf-8",
    )
    (tmp_path / "news" / "links.txt").write_text(
        "https://example.org/news/1\nhttps://example.org/news/2\n", encoding="utf-8"
    )
    db = str(tmp_path / "x.db")
    code, output = run("ingest", str(tmp_path / "news"), "--db", db)
    assert code == EXIT_SKIPPED and "1 added" in output, output
    assert "files.txt: a list of file names" in " ".join(output.split())
    assert "pass it with --urls" in " ".join(output.split())
    code, output = run("docs", "--db", db, "--format", "jsonl")
    assert [json.loads(line)["name"] for line in output.splitlines()] == ["a.txt"]


def test_ingest_progress_has_a_total_and_time_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a terminal the bar counts to a known total ("2/2", not "2/?") and says how long
    is left; the console is a real one, writing to a buffer as to a terminal."""
    import io
    import re

    from rich.console import Console

    from bilat.cli import commands

    screen = io.StringIO()
    monkeypatch.setattr(commands, "err", Console(file=screen, force_terminal=True, width=120))
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "news" / "b.txt").write_text(ARTICLE.replace("2023", "2024"), encoding="utf-8")
    code, output = run("ingest", str(tmp_path / "news"), "--db", str(tmp_path / "x.db"))
    assert code == 0, output
    drawn = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.getvalue())
    assert "2/2" in drawn and "/?" not in drawn
    assert re.search(r"2/2 \d+:\d\d:\d\d left \d+:\d\d:\d\d", drawn), drawn[-300:]


def test_bench_says_what_it_is_doing(tmp_path: Path) -> None:
    """A run of minutes reports each stage on its own line, also when not on a terminal."""
    code, output = run("bench", "--limit", "2", "--shared", str(tmp_path))
    assert code == 0, output
    for stage in ("warming up", "round 1/2: natasha alone", "round 2/2: bilat"):
        assert stage in output, output


def test_a_change_over_several_years_shows_its_span_in_the_facts_table() -> None:
    from bilat.cli.render import fact_cells

    over_four = {
        "type": "change",
        "indicator": "turnover",
        "percent": 65.0,
        "period": {"year": 2024, "months": None},
        "base": 2020,
    }
    assert fact_cells(over_four)["year"] == "2020–2024"
    assert fact_cells(dict(over_four, base="previous_period"))["year"] == "2024"
