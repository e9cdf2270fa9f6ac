"""The digest of a pair (``bilat digest``, /digest): what is new in a period, on the demo
corpus and one more article of the project's own, dated before the demo's, that gives
Башкортостан–Казахстан's turnover of 2023 for the 2024 figure to be compared with."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from bilat.cli import app
from bilat.kb.digest import Digest, Period, PeriodError, digest
from bilat.store import Store
from bilat.web import digest as files

runner = CliRunner()

# Written for this test; the figures are made up, as the demo corpus's are.
EARLIER = """Башкортостан подвёл итоги торговли с Казахстаном за 2023 год
12 февраля 2024

Министерство внешнеэкономических связей Республики Башкортостан сообщило, что в 2023 году \
товарооборот республики с Казахстаном составил 367,2 млн долларов. Казахстан по-прежнему \
входит в число главных торговых партнёров региона.
"""
A4_POINTS = (595.3, 841.9)  # 210 × 297 mm: an A4 page rendered at 72 dpi, in pixels


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("digest")
    db = str(folder / "demo.db")
    code, output = run("demo", "--db", db)
    assert code == 0, output
    article = folder / "ba_kz_2023.txt"
    article.write_text(EARLIER, encoding="utf-8")
    code, output = run("ingest", str(article), "--db", db)
    assert code == 0 and "1 added" in output, output
    return db


@pytest.fixture
def store(demo_db: str) -> Iterator[Store]:
    with Store(demo_db, create=False) as opened:
        yield opened


def ba_kz(store: Store, since: str = "2024-11-01", until: str | None = None) -> Digest:
    return digest(store, "KZ", "RU-BA", Period.parse(since, until))


# -- the period --------------------------------------------------------------------------------

PERIODS = [  # (since, until, expected since, expected until)
    ("2024-11-01", None, "2024-11-01", None),
    ("2024-11", "2024-11", "2024-11-01", "2024-11-30"),
    ("2024", "2024", "2024-01-01", "2024-12-31"),
    ("2024-02", "2024-02", "2024-02-01", "2024-02-29"),
    (" 2024-11-01 ", "", "2024-11-01", None),
]


@pytest.mark.parametrize(("since", "until", "first", "last"), PERIODS)
def test_a_period_reads_days_months_and_years(
    since: str, until: str | None, first: str, last: str | None
) -> None:
    assert Period.parse(since, until) == Period(first, last)


@pytest.mark.parametrize(
    ("since", "until", "message"),
    [
        ("2024-13-01", None, "since '2024-13-01' is no date"),
        ("2024-11-01", "2024-02-30", "until '2024-02-30' is no date"),
        ("1.11.2024", None, "expected a day such as 2024-11-01"),
        ("2024-11-01", "2024-10-31", "ends (2024-10-31) before it starts (2024-11-01)"),
    ],
)
def test_a_bad_period_says_what_was_expected(since: str, until: str | None, message: str) -> None:
    with pytest.raises(PeriodError, match=message.replace("(", r"\(").replace(")", r"\)")):
        Period.parse(since, until)


def test_without_a_start_the_period_is_the_last_week() -> None:
    from datetime import date

    assert Period.parse(None, today=date(2025, 3, 14)) == Period("2025-03-08", None)


def test_an_undated_document_is_in_no_period_and_a_partial_date_is_its_first_day() -> None:
    period = Period.parse("2024-11-01", "2024-11-30")
    assert [period.holds(d) for d in (None, "", "2024-11", "2024-11-30", "2024-12-01")] == [
        False,
        False,
        True,
        True,
        False,
    ]
    assert period.before("2024-10-31") and not period.before(None)


# -- what the digest holds ---------------------------------------------------------------------


def test_a_figure_has_its_source_and_its_change_against_the_year_before(store: Store) -> None:
    found = ba_kz(store)
    turnover = next(f for f in found.figures if f.line == "turnover")
    assert (turnover.year, turnover.months, turnover.value) == (2024, None, 412.7e6)
    assert [s.document.name for s in turnover.sources] == ["001_bashkortostan_aktobe.txt"]
    assert turnover.sources[0].document.date == "2025-02-14"
    assert "412,7 млн долларов" in turnover.sources[0].evidence
    assert turnover.previous is not None and turnover.previous.year == 2023
    assert turnover.previous.value == 367.2e6
    assert turnover.change_percent == pytest.approx(12.39, abs=0.01)
    assert turnover.stated == (12.4,)  # "увеличившись на 12,4%": the source agrees
    # beside the official figure of the demo's sample table
    assert turnover.official is not None and turnover.official.official is not None
    assert turnover.official.official.value == 415.3e6 and not turnover.official.flagged


def test_the_flagged_official_difference_comes_with_the_figure(store: Store) -> None:
    found = ba_kz(store)
    imports = next(f for f in found.figures if f.line == "KZ→RU-BA")
    assert imports.value == 61.7e6 and imports.previous is None
    assert imports.official is not None and imports.official.flagged
    assert round(imports.official.difference_percent or 0, 1) == -14.1


def test_the_period_leaves_out_an_older_document(store: Store) -> None:
    found = ba_kz(store)
    assert [d.name for d in found.documents] == ["001_bashkortostan_aktobe.txt"]
    assert found.n_before == 1  # the article of 2024-02-12
    assert all((f.year, f.line) != (2023, "turnover") for f in found.figures)
    # and the week of that article holds it alone, with no 2024 figure
    earlier = ba_kz(store, "2024-02-10", "2024-02-16")
    assert [d.name for d in earlier.documents] == ["ba_kz_2023.txt"]
    assert [(f.line, f.year, f.value) for f in earlier.figures] == [("turnover", 2023, 367.2e6)]
    assert earlier.sections["events"] == () and earlier.people == []


def test_events_quotes_and_people_of_the_period(store: Store) -> None:
    found = ba_kz(store)
    assert [e.text for e in found.sections["events"]] == ["встреча · Уфа · 2025-02-14"]
    assert [e.text for e in found.sections["growth"]] == [
        "товарооборот за 2024 год: изменение на 12,4 %"
    ]
    assert len(found.sections["quotes"]) == 2
    assert {p["name"] for p in found.people} == {"Айдар Мустафин", "Ерлан Бекмуратов"}


def test_an_undated_document_is_named_not_counted(store: Store) -> None:
    found = digest(store, "KZ", "RU-ORE", Period.parse("2020-01-01"))
    assert [d.name for d in found.undated] == ["009_orenburg_aktobe.txt"]
    assert found.figures == () and found.documents == ()
    assert "009_orenburg_aktobe.txt" in files.undated_note(found.to_json())


def test_a_telegram_source_has_its_channel_and_message_link(store: Store) -> None:
    found = digest(store, "Оренбургская область", "Узбекистан", Period.parse("2025-03-01"))
    (export,) = found.figures
    assert (export.line, export.value) == ("RU-ORE→UZ", 96e6)
    (source,) = export.sources
    assert source.document.url == "https://t.me/c/1000000001/3"
    assert source.document.outlet == "Евразийский деловой вестник (демо)"


# -- the files ---------------------------------------------------------------------------------


def test_markdown_lists_the_figure_with_change_official_and_source(store: Store) -> None:
    text = files.markdown(ba_kz(store).to_json())
    assert text.startswith("# Казахстан — Республика Башкортостан: что нового с 01.11.2024\n")
    row = next(line for line in text.splitlines() if line.startswith("| товарооборот | 2024 "))
    assert "412,7 млн долларов" in row and "+12,4 % к 2023 (367,2 млн долларов)" in row
    assert "415,3 млн долларов (official_sample.csv)" in row and "−0,6 %" in row
    assert "−14,1 % ⚑ расходится" in text
    assert "— 001_bashkortostan_aktobe.txt, 14.02.2025" in text
    assert "## События" in text and "## Люди" in text


def test_html_is_one_self_contained_file(store: Store) -> None:
    page = files.html(ba_kz(store).to_json())
    assert page.startswith("<!doctype html>") and "<style>" in page
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in page  # the chart, inline
    assert "412,7 млн долларов" in page and "+12,4 % к 2023" in page
    # nothing to fetch: no stylesheet, script or image from anywhere, no dashboard link
    for needle in ("<link", "<script", "<img", 'src="', "/static/", 'href="/'):
        assert needle not in page, needle


def _weasyprint_or_skip() -> None:
    try:
        import weasyprint  # noqa: F401
    except ImportError:
        pytest.skip("needs WeasyPrint for the PDF: pip install 'bilat[pdf]'")
    except OSError as error:  # the package is there, Pango is not
        pytest.skip(f"needs Pango for WeasyPrint: apt-get install libpango-1.0-0 ({error})")


def test_the_pdf_page_is_a4_and_drawn(store: Store, tmp_path: Path) -> None:
    _weasyprint_or_skip()
    pdfium = pytest.importorskip("pypdfium2", reason="renders the PDF: pip install pypdfium2")
    document = pdfium.PdfDocument(files.pdf(ba_kz(store).to_json()))
    try:
        page = document[0]
        image = page.render(scale=1).to_pil().convert("L")
        textpage = page.get_textpage()
        text = textpage.get_text_range()
        textpage.close()
        page.close()
    finally:
        document.close()
    image.save(tmp_path / "digest_page1.png")
    assert image.size == pytest.approx(A4_POINTS, abs=1)
    inked = sum(image.histogram()[:200])  # pixels darker than a light grey
    assert inked > image.size[0] * image.size[1] * 0.02, "the first page is (nearly) blank"
    assert "412,7 млн долларов" in text and "Казахстан" in text


# -- the command -------------------------------------------------------------------------------


def test_the_command_writes_each_format(demo_db: str, tmp_path: Path) -> None:
    code, output = run("digest", "--pair", "KZ", "RU-BA", "--since", "2024-11-01", "--db", demo_db)
    assert code == 0, output
    assert "+12,4 % к 2023 (367,2 млн долларов)" in output
    formats = ["md", "html"] + (["pdf"] if _has_weasyprint() else [])
    for format in formats:
        out = tmp_path / f"digest.{format}"
        args = ["digest", "--pair", "KZ", "RU-BA", "--since", "2024-11-01", "-f", format]
        code, output = run(*args, "--out", str(out), "--db", demo_db)
        assert code == 0, output
        assert "3 figures, 1 documents" in output
        head = out.read_bytes()[:15]
        assert head.startswith({"md": b"# ", "html": b"<!doctype", "pdf": b"%PDF-"}[format])


def _has_weasyprint() -> bool:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


def bilat(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", "from bilat.cli import main; main()", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--pair", "KZ", "XX"), "error: unknown actor code 'XX'"),
        (("--pair", "KZ", "KZ"), "error: a pair needs two different parties: got KZ twice"),
        (("--pair", "KZ", "RU-BA", "--since", "2024-13-01"), "error: since '2024-13-01' is no"),
        (("--pair", "KZ", "RU-BA", "--until", "31.12.2024"), "error: until '31.12.2024' is no"),
        (("--pair", "KZ", "RU-BA", "-f", "docx"), "error: --format docx: expected md, html"),
        (("--pair", "KZ", "RU-BA", "-f", "pdf"), "error: --format pdf needs --out FILE"),
    ],
)
def test_a_bad_request_is_one_line_and_fails(
    demo_db: str, args: tuple[str, ...], message: str
) -> None:
    done = bilat("digest", *args, "--db", demo_db)
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(message), done.stderr


# -- the dashboard's JSON twin and files -------------------------------------------------------

QUERY: list[tuple[str, str]] = [("pair", "KZ"), ("pair", "RU-BA"), ("since", "2024-11-01")]


@pytest.fixture
def client(store: Store) -> Any:
    testclient = pytest.importorskip("fastapi.testclient")
    from bilat.web import create_app

    return testclient.TestClient(create_app(store))


def test_the_json_twin_and_the_files(client: Any) -> None:
    from bilat.web.digest_pages import DigestView

    answer = client.get("/api/digest", params=QUERY)
    assert answer.status_code == 200
    data = DigestView.model_validate(answer.json())
    assert data.figures[0]["change_percent"] == 12.4 and data.n_before == 1
    page = client.get("/digest", params=QUERY)
    assert page.status_code == 200 and "+12,4 % к 2023" in page.text
    assert "/api/digest.pdf?pair=KZ&amp;pair=RU-BA&amp;since=2024-11-01" in page.text
    mailed = client.get("/api/digest.html", params=QUERY)
    assert mailed.headers["content-disposition"].endswith('"digest_KZ_RU-BA_2024-11-01.html"')
    assert "default-src 'none'" in mailed.headers["content-security-policy"]
    assert "более ранних: 1" in client.get("/api/digest.md", params=QUERY).text
    assert "что нового за неделю" in client.get("/pair/KZ/RU-BA").text


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ([("pair", "KZ")], 400, "a digest needs two parties"),
        ([("pair", "KZ"), ("pair", "XX")], 404, "unknown actor code 'XX'"),
        ([*QUERY[:2], ("since", "2024-02-30")], 400, "since '2024-02-30' is no date"),
    ],
)
def test_a_bad_request_has_the_one_error_shape(
    client: Any, query: list[tuple[str, str]], status: int, message: str
) -> None:
    answer = client.get("/api/digest", params=query)
    assert answer.status_code == status
    assert message in answer.json()["error"]["message"]
