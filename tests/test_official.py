"""Official statistics beside the news: header maps, cells, bad rows, idempotent import, the
comparison and its flag, the CLI and the pair page. Every table here is written for these
tests; the figures are made up."""

from __future__ import annotations

import json
import sqlite3
import warnings
from pathlib import Path

import pytest
from sqlalchemy import select, text, update
from typer.testing import CliRunner

from bilat.cli import EXIT_SKIPPED, app
from bilat.errors import SourceError
from bilat.kb import official
from bilat.kb.official import cells
from bilat.kb.official.cells import BadCell
from bilat.kb.official.compare import Comparison, NewsFigure, compare
from bilat.kb.official.records import OfficialFigure
from bilat.store import Store, schema
from bilat.web import create_app

with warnings.catch_warnings():  # starlette asks for httpx2, which bilat does not ship
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

runner = CliRunner()

CANONICAL = """reporter,partner,year,months,indicator,value,currency
RU-BA,KZ,2024,,turnover,415300000,USD
RU-BA,KZ,2024,9,export,250000000.5,usd
KAZ,UZB,2023,12,импорт,1200000000,USD
"""
COMTRADE = """typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,reporterISO,\
reporterDesc,flowCode,flowDesc,partnerCode,partnerISO,partnerDesc,cmdCode,cmdDesc,primaryValue
C,A,20230101,2023,52,2023,398,KAZ,Kazakhstan,X,Export,860,UZB,Uzbekistan,TOTAL,All,2400000000
C,A,20230101,2023,52,2023,398,KAZ,Kazakhstan,M,Import,860,UZB,Uzbekistan,TOTAL,All,1300000000
C,A,20230101,2023,52,2023,860,UZB,Uzbekistan,M,Import,398,KAZ,Kazakhstan,TOTAL,All,2350000000
C,A,20230101,2023,52,2023,398,KAZ,Kazakhstan,X,Export,860,UZB,Uzbekistan,27,Fuels,90000000
C,M,20230301,2023,3,202303,398,KAZ,Kazakhstan,X,Export,860,UZB,Uzbekistan,TOTAL,All,200000000
C,A,20230101,2023,52,2023,398,KAZ,Kazakhstan,RX,Re-export,860,UZB,Uzbekistan,TOTAL,All,5000000
C,A,20230101,2023,52,2023,398,KAZ,Kazakhstan,X,Export,0,W00,World,TOTAL,All,78000000000
"""
NATIONAL = """Регион;Страна;Год;Период;Товарооборот;Экспорт;Импорт
Республика Башкортостан;Казахстан;2024;январь-сентябрь;310 450,5;262 100;48 350,5
Республика Башкортостан;Казахстан;2024;январь – декабрь;415 300;;
KZ-AKT;Оренбургская область;2023;I полугодие;;120 000;
"""


def write(tmp_path: Path, name: str, content: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode(encoding))
    return path


def keyed(figures: tuple[OfficialFigure, ...]) -> set[tuple[object, ...]]:
    return {
        (f.reporter, f.partner, f.indicator, f.year, f.months, f.value, f.currency) for f in figures
    }


# -- header maps ----------------------------------------------------------------------------


def test_bilat_s_own_columns(tmp_path: Path) -> None:
    table = official.read_table(write(tmp_path, "own.csv", CANONICAL))
    assert table.layout == "bilat" and table.bad == ()
    assert keyed(table.figures) == {
        ("RU-BA", "KZ", "turnover", 2024, None, 415300000.0, "USD"),
        ("RU-BA", "KZ", "export", 2024, 9, 250000000.5, "USD"),
        ("KZ", "UZ", "import", 2023, None, 1200000000.0, "USD"),  # 12 months: the year
    }
    assert {f.source for f in table.figures} == {"own.csv"}


def test_comtrade_csv(tmp_path: Path) -> None:
    """Annual totals are read, in dollars, M and X as import and export; a commodity's row and
    a monthly row are passed over; a re-export and the World are bad rows."""
    table = official.read_table(write(tmp_path, "ct.csv", COMTRADE), source="UN Comtrade")
    assert table.layout == "comtrade"
    assert keyed(table.figures) == {
        ("KZ", "UZ", "export", 2023, None, 2.4e9, "USD"),
        ("KZ", "UZ", "import", 2023, None, 1.3e9, "USD"),
        ("UZ", "KZ", "import", 2023, None, 2.35e9, "USD"),
    }
    assert {f.source for f in table.figures} == {"UN Comtrade"}
    assert table.passed_over == 2
    assert len(table.bad) == 2
    assert table.bad[0].startswith("ct.csv:7: indicator 'RX'")
    assert table.bad[1].startswith("ct.csv:8: unknown party 'W00'")


def test_national_office_table_in_cp1251_thousands_and_wide(tmp_path: Path) -> None:
    path = write(tmp_path, "stat.csv", NATIONAL, encoding="cp1251")
    table = official.read_table(path)
    assert table.layout == "national" and table.bad == ()
    assert keyed(table.figures) == {
        ("RU-BA", "KZ", "turnover", 2024, 9, 310450500.0, "USD"),
        ("RU-BA", "KZ", "export", 2024, 9, 262100000.0, "USD"),
        ("RU-BA", "KZ", "import", 2024, 9, 48350500.0, "USD"),
        ("RU-BA", "KZ", "turnover", 2024, None, 415300000.0, "USD"),
        ("KZ-15", "RU-ORE", "export", 2023, 6, 120000000.0, "USD"),  # KZ-AKT's new code
    }


def test_a_unit_column_gives_scale_and_currency(tmp_path: Path) -> None:
    content = "Регион;Страна;Год;Экспорт;Единица\nОмская область;Беларусь;2024;1,5;млрд руб.\n"
    [figure] = official.read_table(write(tmp_path, "u.csv", content)).figures
    assert (figure.reporter, figure.partner, figure.value, figure.currency) == (
        "RU-OMS",
        "BY",
        1.5e9,
        "RUB",
    )


def test_a_user_s_map(tmp_path: Path) -> None:
    header_map = {
        "name": "таможня",
        "columns": {
            "reporter": "Отчёт",
            "partner": ["Партнёр", "Страна"],
            "year": "Г",
            "indicator": "Поток",
            "value": "Сумма",
        },
        "codes": {"ЭК": "export", "ИМ": "import"},
        "fixed": {"currency": "RUB"},
        "scale": 1000000,
    }
    map_path = write(tmp_path, "map.json", json.dumps(header_map, ensure_ascii=False))
    content = "Отчёт,Страна,Г,Поток,Сумма\nRU-CHE,KZ-39,2024,ЭК,12.5\nRU-CHE,KZ-39,2024,XX,1\n"
    table = official.read_table(
        write(tmp_path, "t.csv", content), given=official.load_map(map_path)
    )
    assert table.layout == "таможня"
    assert keyed(table.figures) == {("RU-CHE", "KZ-39", "export", 2024, None, 12.5e6, "RUB")}
    assert table.bad == (
        "t.csv:3: indicator 'XX': expected one of turnover, export, import, ЭК, ИМ",
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "cannot read the header map"),
        ("[1, 2]", "a header map is a JSON object"),
        ('{"columns": {"reporter": "a"}, "colour": 1}', "unknown keys \\['colour'\\]"),
        ('{"columns": {"reporter": "a", "partner": "b"}}', "no column for year"),
        ('{"columns": {"reporter": "a", "partner": "b", "year": "y", "value": "v"}}', "no value"),
        (
            '{"columns": {"reporter": "a", "partner": "b", "year": "y", "indicator": "i", '
            '"value": "v"}}',
            "no currency",
        ),
    ],
)
def test_a_bad_map_is_refused_in_one_line(tmp_path: Path, content: str, message: str) -> None:
    with pytest.raises(SourceError, match=message):
        official.load_map(write(tmp_path, "bad.json", content))


def test_a_header_of_no_known_layout_names_what_was_expected(tmp_path: Path) -> None:
    path = write(tmp_path, "x.csv", "country,amount\nKZ,1\n")
    with pytest.raises(SourceError, match=r"x\.csv: the header \(country, amount\) fits no"):
        official.read_table(path)


# -- cells ----------------------------------------------------------------------------------

PARTIES = [
    ("KZ", "KZ"),
    ("kz", "KZ"),
    ("KAZ", "KZ"),
    ("RU-BA", "RU-BA"),
    ("KZ-AKT", "KZ-15"),
    ("Kazakhstan", "KZ"),
    ("Russian Federation", "RU"),
    ("Республика Башкортостан", "RU-BA"),
    ("Актюбинская область", "KZ-15"),
    ("Узбекистан", "UZ"),
]


@pytest.mark.parametrize(("cell", "code"), PARTIES)
def test_parties_resolve_to_bilat_s_codes(cell: str, code: str) -> None:
    assert cells.party(cell) == code


@pytest.mark.parametrize("cell", ["", "W00", "World", "Атлантида"])
def test_an_unknown_party_is_a_bad_cell(cell: str) -> None:
    with pytest.raises(BadCell, match="party"):
        cells.party(cell)


MONTHS = [
    ("", None),
    ("12", None),
    ("9", 9),
    ("январь-сентябрь", 9),
    ("Январь – июнь", 6),
    ("январь", 1),
    ("январь-май", 5),
    ("9 месяцев", 9),
    ("I полугодие", 6),
    ("I квартал", 3),
    ("январь-декабрь", None),
]


@pytest.mark.parametrize(("cell", "months"), MONTHS)
def test_periods_are_months_from_january(cell: str, months: int | None) -> None:
    assert cells.months(cell) == months


@pytest.mark.parametrize("cell", ["апрель-июнь", "II квартал", "13", "весна"])
def test_a_period_not_from_january_is_a_bad_cell(cell: str) -> None:
    with pytest.raises(BadCell, match="period"):
        cells.months(cell)


@pytest.mark.parametrize(
    ("cell", "value"),
    [("412700000", 412700000.0), ("412 700,5", 412700.5), ("1,234.5", 1234.5), ("0", 0.0)],
)
def test_numbers(cell: str, value: float) -> None:
    assert cells.number(cell) == value


@pytest.mark.parametrize("cell", ["-5", "abc", "nan", "1.2.3"])
def test_a_bad_number_is_a_bad_cell(cell: str) -> None:
    with pytest.raises(BadCell, match="value"):
        cells.number(cell)


@pytest.mark.parametrize(
    ("cell", "unit"),
    [
        ("тыс. долл. США", (1e3, "USD")),
        ("млн руб.", (1e6, "RUB")),
        ("USD", (1.0, "USD")),
        ("thousand USD", (1e3, "USD")),
    ],
)
def test_units(cell: str, unit: tuple[float, str]) -> None:
    assert cells.unit(cell) == unit


# -- importing --------------------------------------------------------------------------------

BAD_ROWS = """reporter,partner,year,months,indicator,value,currency
RU-BA,KZ,2024,,turnover,415300000,USD
RU-BA,Атлантида,2024,,turnover,1,USD
RU-BA,KZ,24,,export,1,USD
RU-BA,KZ,2024,,export,,USD
RU-BA,KZ,2024,,export,1,ZZZ
RU-BA,RU-BA,2024,,export,1,USD
RU-BA,KZ,2024,,export,348900000,USD
RU-BA,KZ,2024,,export,348000000,USD
"""


def test_bad_rows_get_a_line_each_and_the_rest_is_imported(tmp_path: Path) -> None:
    with Store(str(tmp_path / "s.db")) as store:
        report = official.import_table(store, write(tmp_path, "bad.csv", BAD_ROWS))
        assert [line.split(": ")[0:2] for line in report.bad] == [
            ["bad.csv:3", "unknown party 'Атлантида'"],
            ["bad.csv:4", "year '24'"],
            ["bad.csv:5", "no value"],
            ["bad.csv:6", "currency 'ZZZ'"],
            ["bad.csv:7", "reporter and partner are both RU-BA"],
            ["bad.csv:9", "export RU-BA–KZ for this period is on line 8 with another value"],
        ]
        assert (report.saved.added, report.saved.revised) == (2, 0)
        assert {(f.indicator, f.value) for f in official.stored(store)} == {
            ("turnover", 415300000.0),
            ("export", 348900000.0),
        }


def test_importing_again_adds_nothing_and_a_revision_replaces(tmp_path: Path) -> None:
    path = write(tmp_path, "own.csv", CANONICAL)
    with Store(str(tmp_path / "s.db")) as store:
        first = official.import_table(store, path)
        again = official.import_table(store, path)
        assert (first.saved.added, again.saved.added, again.saved.unchanged) == (3, 0, 3)
        assert len(official.stored(store)) == 3
        write(tmp_path, "own.csv", CANONICAL.replace("415300000", "416000000"))
        revised = official.import_table(store, path)
        assert (revised.saved.added, revised.saved.revised, revised.saved.unchanged) == (0, 1, 2)
        figures = official.stored(store, ("KZ", "RU-BA"))
        assert {f.value for f in figures if f.indicator == "turnover"} == {416000000.0}
        assert len(official.stored(store)) == 3
        other = official.import_table(store, path, source="другой источник")
        assert other.saved.added == 3 and len(official.stored(store)) == 6


def test_a_file_that_cannot_be_read_stores_nothing(tmp_path: Path) -> None:
    with Store(str(tmp_path / "s.db")) as store:
        with pytest.raises(SourceError, match="fits no known layout"):
            official.import_table(store, write(tmp_path, "x.csv", "a,b\n1,2\n"))
        with pytest.raises(SourceError, match="empty file"):
            official.import_table(store, write(tmp_path, "e.csv", ""))
        assert official.stored(store) == []


def test_a_version_2_store_gets_the_official_table(tmp_path: Path) -> None:
    url = str(tmp_path / "v2.db")
    with Store(url) as store, store.engine.begin() as conn:
        conn.execute(text("DROP TABLE official_figures"))
        conn.execute(
            update(schema.meta).where(schema.meta.c.key == "schema_version").values(value="2")
        )
    with Store(url) as store:
        with store.reading("read the version") as conn:
            version = conn.execute(
                select(schema.meta.c.value).where(schema.meta.c.key == "schema_version")
            ).scalar_one()
        assert version == str(schema.SCHEMA_VERSION) and official.stored(store) == []
        official.import_table(store, write(tmp_path, "own.csv", CANONICAL))
        assert len(official.stored(store)) == 3


# -- the comparison -------------------------------------------------------------------------


def news(line: str, value: float, year: int = 2024, months: int | None = None) -> NewsFigure:
    return NewsFigure(line=line, year=year, months=months, value=value, currency="USD")


def stated(
    reporter: str,
    partner: str,
    indicator: str,
    value: float,
    year: int = 2024,
    months: int | None = None,
    currency: str = "USD",
    source: str = "стат",
) -> OfficialFigure:
    return OfficialFigure(source, reporter, partner, indicator, year, months, value, currency)


# (news figure, official figure, difference in percent or None when not compared, flagged)
CASES: list[tuple[NewsFigure, OfficialFigure, float | None, bool]] = [
    # a reporter's export is the flow reporter → partner
    (news("RU-BA→KZ", 351e6), stated("RU-BA", "KZ", "export", 348.9e6), 0.6, False),
    # its import is the flow partner → reporter
    (news("KZ→RU-BA", 61.7e6), stated("RU-BA", "KZ", "import", 71.8e6), -14.1, True),
    # and never the other way round
    (news("RU-BA→KZ", 351e6), stated("RU-BA", "KZ", "import", 351e6), None, False),
    (news("KZ→RU-BA", 61.7e6), stated("RU-BA", "KZ", "export", 61.7e6), None, False),
    # a turnover is the same whoever reports it
    (news("turnover", 412.7e6), stated("RU-BA", "KZ", "turnover", 415.3e6), -0.6, False),
    (news("turnover", 412.7e6), stated("KZ", "RU-BA", "turnover", 415.3e6), -0.6, False),
    # over the official by more than the threshold: flagged
    (
        news("turnover", 3.1e9, months=9),
        stated("KZ", "UZ", "turnover", 2.7e9, months=9),
        14.8,
        True,
    ),
    # exactly at the threshold is not over it
    (news("turnover", 110.0), stated("KZ", "UZ", "turnover", 100.0), 10.0, False),
    # another period, another currency: no counterpart
    (news("turnover", 3.1e9, months=9), stated("KZ", "UZ", "turnover", 3.1e9), None, False),
    (news("turnover", 3.1e9), stated("KZ", "UZ", "turnover", 3.1e9, currency="RUB"), None, False),
    (news("turnover", 3.1e9), stated("KZ", "UZ", "turnover", 3.1e9, year=2023), None, False),
    # an official zero gives no percent
    (news("turnover", 5.0), stated("KZ", "UZ", "turnover", 0.0), None, False),
]


@pytest.mark.parametrize(("figure", "official_figure", "percent", "flagged"), CASES)
def test_news_beside_official(
    figure: NewsFigure, official_figure: OfficialFigure, percent: float | None, flagged: bool
) -> None:
    rows = compare([figure], [official_figure])
    [row] = [r for r in rows if r.news is not None]
    found = row.difference_percent
    assert (None if found is None else round(found, 1)) == percent
    assert row.flagged is flagged
    if row.official is None:  # the official figure stands on its own row, uncompared
        [alone] = [r for r in rows if r.news is None]
        assert alone.official == official_figure and alone.difference_percent is None
    else:
        assert rows == [row] and row.official == official_figure


def test_the_threshold_is_the_caller_s() -> None:
    figure, official_figure = news("turnover", 412.7e6), stated("RU-BA", "KZ", "turnover", 400e6)
    assert not compare([figure], [official_figure])[0].flagged  # +3.2 %
    assert compare([figure], [official_figure], threshold=3.0)[0].flagged
    assert compare([figure], [official_figure], threshold=3.0)[0].to_json() == {
        "line": "turnover",
        "label": "товарооборот",
        "year": 2024,
        "months": None,
        "currency": "USD",
        "news": {"value": 412.7e6, "qualifier": None, "fact": "", "n_sources": 0},
        "official": official_figure.to_json(),
        "others": [],
        "difference_percent": 3.2,
        "flagged": True,
    }


def test_rows_without_a_counterpart_and_the_importer_s_report_first() -> None:
    exporter_s = stated("KZ", "UZ", "export", 2.4e9, year=2023)
    importer_s = stated("UZ", "KZ", "import", 2.35e9, year=2023)
    rows = compare(
        [news("KZ→UZ", 2.5e9, year=2023), news("turnover", 4e9, year=2023)],
        [exporter_s, importer_s, stated("KZ", "UZ", "turnover", 4.4e9, year=2022)],
    )
    assert [(r.line, r.year, r.news is not None, r.official is not None) for r in rows] == [
        ("turnover", 2022, False, True),
        ("turnover", 2023, True, False),
        ("KZ→UZ", 2023, True, True),
    ]
    flow = rows[2]
    assert flow.official == importer_s and flow.others == (exporter_s,)
    assert round(flow.difference_percent or 0, 1) == 6.4
    assert isinstance(rows[1], Comparison) and rows[1].difference_percent is None
    assert not rows[1].flagged


# -- the CLI and the web --------------------------------------------------------------------


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("official") / "demo.db")
    code, output = run("demo", "--db", db)
    assert code == 0, output
    assert "8 official figures read (bilat layout): 8 added" in output
    return db


def test_the_demo_dossier_shows_news_beside_official(demo_db: str) -> None:
    code, output = run("dossier", "KZ", "RU-BA", "--db", demo_db)
    assert code == 0, output
    assert "Новости и официальная статистика (порог 10 %)" in output
    flagged = [line for line in output.splitlines() if "% ⚑" in line]
    assert len(flagged) == 1 and "−14,1 % ⚑" in flagged[0]  # KZ → RU-BA: 61,7 against 71,8
    assert "61,7 млн" in flagged[0] and "71,8 млн" in flagged[0]
    assert "−0,6 %" in output and "+0,6 %" in output
    assert "официально: official_sample.csv (RU-BA)" in " ".join(output.split())
    code, output = run("dossier", "KZ", "RU-BA", "--db", demo_db, "--threshold", "0.5")
    assert len([line for line in output.splitlines() if "% ⚑" in line]) == 3
    code, output = run("dossier", "KZ", "RU-BA", "--db", demo_db, "--json")
    found = json.loads(output)["official"]
    assert found["threshold"] == 10.0
    assert [
        (c["line"], c["year"], c["difference_percent"], c["flagged"]) for c in found["comparisons"]
    ] == [
        ("turnover", 2023, None, False),
        ("turnover", 2024, -0.6, False),
        ("KZ→RU-BA", 2024, -14.1, True),
        ("RU-BA→KZ", 2024, 0.6, False),
    ]


def test_a_pair_without_official_figures_prints_no_comparison(demo_db: str) -> None:
    code, output = run("dossier", "BY", "RU-OMS", "--db", demo_db)
    assert code == 0 and "официальная" not in output


def test_official_list_and_import(demo_db: str, tmp_path: Path) -> None:
    code, output = run(
        "official", "list", "--pair", "Казахстан", "RU-BA", "--db", demo_db, "--json"
    )
    rows = [json.loads(line) for line in output.splitlines()]
    assert code == 0 and len(rows) == 4
    assert {(r["indicator"], r["year"], r["line"]) for r in rows} == {
        ("turnover", 2023, "turnover"),
        ("turnover", 2024, "turnover"),
        ("export", 2024, "RU-BA→KZ"),
        ("import", 2024, "KZ→RU-BA"),
    }
    code, output = run("official", "list", "--db", demo_db)
    assert code == 0 and "Официальные данные: 8" in output
    db = str(tmp_path / "x.db")
    code, output = run("official", "import", str(write(tmp_path, "bad.csv", BAD_ROWS)), "--db", db)
    assert code == EXIT_SKIPPED
    assert "bad row bad.csv:3: unknown party 'Атлантида'" in output
    assert "2 added, 0 revised, 0 already stored; 6 bad rows" in " ".join(output.split())
    missing = runner.invoke(app, ["official", "import", str(tmp_path / "none.csv"), "--db", db])
    assert isinstance(missing.exception, SourceError)
    assert "none.csv: cannot read file" in str(missing.exception)


def test_the_pair_page_and_its_twin(demo_db: str, tmp_path: Path) -> None:
    with Store(demo_db) as store:
        client = TestClient(create_app(store))
        page = client.get("/pair/KZ/RU-BA")
        assert page.status_code == 200
        section = page.text[page.text.index('id="official"') :]
        section = section[: section.index("</section>")]
        assert section.count('class="flagged"') == 1
        assert "−14,1 %" in section and "71,8 млн долларов" in section
        assert 'href="#pt-1-2024-0">61,7 млн долларов</a>' in section
        assert 'class="flagged"' not in client.get("/pair/KZ/RU-BA?threshold=20").text
        twin = client.get("/api/pair/KZ/RU-BA", params={"threshold": 0.5}).json()["official"]
        assert twin["threshold"] == 0.5
        assert [c["flagged"] for c in twin["comparisons"]] == [False, True, True, True]
        assert client.get("/api/pair/KZ/RU-BA?threshold=-1").status_code == 422
        assert 'id="official"' not in client.get("/pair/BY/RU-OMS").text


def test_an_import_refreshes_a_kept_page(tmp_path: Path, demo_db: str) -> None:
    """The server keeps a pair's page until the knowledge base changes; an official
    import is such a change."""
    db = tmp_path / "copy.db"
    with sqlite3.connect(demo_db) as source, sqlite3.connect(db) as copy:
        source.backup(copy)
    with Store(str(db)) as store:
        client = TestClient(create_app(store))
        assert 'class="flagged"' in client.get("/pair/KZ/RU-BA").text
        revised = "reporter,partner,year,months,indicator,value,currency\n" + (
            "RU-BA,KZ,2024,,import,62000000,USD\n"
        )
        official.import_table(store, write(tmp_path, "official_sample.csv", revised))
        assert 'class="flagged"' not in client.get("/pair/KZ/RU-BA").text
