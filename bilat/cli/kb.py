"""Commands over the knowledge base: dossier, ask, export, curate, people, serve."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from bilat.cli import DEFAULT_DB, DbOption, ThresholdOption, app, console, err
from bilat.cli.official import print_comparisons
from bilat.kb.official.compare import DIFFERENCE_THRESHOLD_PERCENT

Json = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]
# How long the dashboard keeps an idle connection open. uvicorn's 5 s closed connections
# under a loaded server's clients as they sent their next request (benchmarks/load.py, 200
# clients on 2 busy cores: ReadError on 6 requests of 1,769); a browser keeps its own few.
KEEP_ALIVE_S = 30


@app.command()
def dossier(
    a: Annotated[str, typer.Argument(help="A party: code or name (KZ, Казахстан).")],
    b: Annotated[str, typer.Argument(help="The other party.")],
    as_json: Json = False,
    threshold: ThresholdOption = DIFFERENCE_THRESHOLD_PERCENT,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Everything known about a pair, with sources.  Example: bilat dossier KZ UZ"""
    from bilat import kb
    from bilat.store import Store

    with Store(db, create=False) as store:
        found = kb.dossier(store, a, b, threshold)
    if as_json:
        print(json.dumps(found.to_json(), ensure_ascii=False, indent=2))
    else:
        _print_dossier(found)


def _print_dossier(found: Any) -> None:
    from bilat.kb import wording

    console.rule(f"{wording.pair_name(found.a, found.b)} · документов: {found.n_documents}")
    table = Table(title="Торговля по годам")
    for column in ("показатель", "период", "значение", "источников", "независимых"):
        table.add_column(column)
    for series in found.series:
        for p in series.points:
            table.add_row(
                series.label,
                wording.short_period(p.year, p.months),
                wording.money(p.value, series.currency, p.qualifier)
                + (" [red](расходится)[/]" if p.disputed else ""),
                str(len(p.fact.claims)),
                str(p.fact.independent),
            )
    console.print(table)
    print_comparisons(found)
    _print_balance(found)
    _print_ranks(found.ranks)
    for name, items in found.sections.items():
        if items:
            console.print(f"[bold]{wording.SECTIONS.get(name, name)}[/]")
            for item in items:
                console.print(
                    f"  {wording.summary(item.fields, item.type)} "
                    f"[dim](источников: {len(item.claims)})[/]"
                )
    _print_people(found.people)
    for c in found.contradictions:
        console.print(
            f"[red]противоречие ({c.status}):[/] {c.label}: "
            + " или ".join(wording.figure(side.fields, side.type) for side in c.sides)
        )
    for check in found.checks:
        console.print(f"[{'green' if check.ok else 'red'}]{check.label}: {check.message}[/]")


def _print_balance(found: Any) -> None:
    """Exports, imports and the balance by period from the first side's view, as the pair's
    page shows them; the caption says who sells to whom."""
    from bilat.kb import wording

    rows = found.balance()
    if not rows:
        return
    a, b = wording.name(found.a), wording.name(found.b)
    table = Table(
        title=f"Экспорт, импорт и сальдо глазами стороны «{a}»",
        caption=f"экспорт: {a} → {b}; импорт: {b} → {a}; сальдо — экспорт минус импорт",
    )
    table.add_column("период")
    for column in ("экспорт", "импорт", "сальдо"):
        table.add_column(column, justify="right", no_wrap=True)
    for r in rows:
        table.add_row(
            wording.short_period(r.year, r.months),
            wording.money(r.exports, r.currency) if r.exports is not None else "—",
            wording.money(r.imports, r.currency) if r.imports is not None else "—",
            _signed(wording.signed_money(r.balance, r.currency), r.balance),
        )
    console.print(table)


def _signed(text: str, value: float | None) -> Text:
    """A surplus in green, a deficit in red, as on the pair's page."""
    style = "" if value is None else "green" if value >= 0 else "red"
    return Text(text, style=style)


def _print_ranks(ranks: list[dict[str, Any]]) -> None:
    """Where each side stands among the other's partners: "3-й из 5" by turnover and by facts."""
    from bilat.kb import wording

    if not any(r["n_partners"] for r in ranks):
        return  # neither side has partners to rank: the page shows no such section either
    table = Table(title="Место среди партнёров")
    for column in ("сторона", "партнёр", "по товарообороту", "по числу фактов"):
        table.add_column(column)
    for r in ranks:
        table.add_row(
            r["actor"]["name"],
            r["partner"]["name"],
            wording.place(r["by_turnover"], r["n_with_turnover"]) or "нет данных",
            wording.place(r["by_facts"], r["n_partners"]) or "—",
        )
    console.print(table)


def _print_people(people: list[dict[str, Any]]) -> None:
    """ "Ильдар Гарипов, Глава Башкортостана (Республика Башкортостан)"."""
    from bilat.kb import wording

    if people:
        console.print("[bold]Люди[/]")
    for p in people:
        where = p.get("region") or p.get("country")
        console.print(
            "  "
            + ", ".join(x for x in (p["name"], p.get("role")) if x)
            + (f" ({wording.name(where)})" if where else ""),
            markup=False,
        )


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="A question in Russian.")],
    as_json: Json = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Answer from the knowledge base, with sources.
    Example: bilat ask "Какой товарооборот между Казахстаном и Узбекистаном в 2017 году?\""""
    from bilat import kb
    from bilat.store import Store

    with Store(db, create=False) as store:
        answer = kb.answer(store, question)
    if as_json:
        print(json.dumps(answer.to_json(), ensure_ascii=False, indent=2))
        return
    console.print(answer.text, style=None if answer.found else "yellow", markup=False)
    for fact in (*answer.facts, *answer.rivals):  # a rival value shows its sentences too
        for source in fact.sources():
            console.print(f"  [dim]{source['doc_name']}:[/] «{source['evidence']['text']}»")


@app.command()
def export(
    what: Annotated[
        str, typer.Option(help="facts, consolidated, documents or curation.")
    ] = "facts",
    format: Annotated[
        str, typer.Option("--format", "-f", help="csv, jsonl, parquet or xlsx (a sheet per type).")
    ] = "csv",
    out: Annotated[Path | None, typer.Option(help="File to write; stdout if not given.")] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Export the knowledge base.  Example: bilat export --what consolidated -f csv --out kb.csv"""
    from bilat import kb
    from bilat.store import Store

    with Store(db, create=False) as store:
        n = kb.export(store, what, format, out)
    if out is not None:
        err.print(f"{n} rows → {out}")


@app.command()
def rebuild(db: DbOption = DEFAULT_DB) -> None:
    """Consolidate the whole store again into the knowledge base's rows (after an upgrade or
    a rule change; ingest and curate keep them current).  Example: bilat rebuild --db bilat.db"""
    from bilat import kb
    from bilat.store import Store

    with Store(db, create=False) as store:
        done = kb.rebuild(store)
    console.print(
        f"{done.documents} documents, {done.decisions} decisions → "
        f"{done.scopes} scopes, {done.keys} consolidated keys → {db}"
    )


@app.command()
def curate(
    fact_id: Annotated[
        str | None,
        typer.Argument(help="The fact's id or its first 6+ digits (bilat facts -f csv)."),
    ] = None,
    confirm: Annotated[bool, typer.Option("--confirm", help="The fact is right.")] = False,
    reject: Annotated[bool, typer.Option("--reject", help="The fact is wrong.")] = False,
    correct: Annotated[str | None, typer.Option("--correct", help="FIELD=VALUE to fix.")] = None,
    by: Annotated[str, typer.Option("--by", help="Who decides.")] = "",
    why: Annotated[str, typer.Option("--why", help="Why.")] = "",
    load: Annotated[
        Path | None,
        typer.Option(
            help="Load decisions exported from another database (--what curation -f jsonl)."
        ),
    ] = None,
    orphaned: Annotated[
        bool,
        typer.Option(
            "--orphaned", help="List decisions whose fact a re-extraction no longer finds."
        ),
    ] = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Confirm, reject or correct a fact.
    Example: bilat curate 3816c4876ae8b1fc --correct value=245.3e6 --by Анна --why опечатка"""
    from bilat import kb
    from bilat.kb.curation import read_log
    from bilat.store import Store

    with Store(db, create=False) as store:
        if orphaned:
            _print_orphans(kb.orphans(store))
            return
        if load is not None:
            console.print(f"{kb.load_curation(store, read_log(str(load)))} decisions loaded")
            return
        action, field, value = _decision(fact_id, confirm, reject, correct)
        decision = kb.curate(store, str(fact_id), action, by=by, why=why, field=field, value=value)
    console.print(f"{decision.action} {decision.fact_id} by {decision.by} at {decision.at}")


def _print_orphans(found: list[Any]) -> None:
    if not found:
        console.print("no orphaned decisions: each finds its fact")
        return
    table = Table(title=f"{len(found)} orphaned: their fact is gone after re-extraction")
    table.add_column("fact", no_wrap=True)  # an id to copy whole
    for column in ("document", "decision", "by", "on", "why"):
        table.add_column(column, overflow="fold")
    for d in found:
        action = f"correct {d.field}={d.value}" if d.action == "correct" else d.action
        table.add_row(d.fact_id, d.doc_id, action, d.by, d.at[:10], d.why)
    console.print(table)


def _decision(
    fact_id: str | None, confirm: bool, reject: bool, correct: str | None
) -> tuple[str, str | None, str | None]:
    chosen = [
        name
        for name, on in (("confirm", confirm), ("reject", reject), ("correct", correct is not None))
        if on
    ]
    if fact_id is None or len(chosen) != 1:
        raise typer.BadParameter(
            "give a fact id and exactly one of --confirm, --reject, --correct FIELD=VALUE"
        )
    if correct is None:
        return chosen[0], None, None
    field, sep, value = correct.partition("=")
    if not sep:
        raise typer.BadParameter(
            f"--correct {correct!r}: expected FIELD=VALUE, e.g. value=26.1e9 or year=2023"
        )
    return "correct", field.strip(), value


@app.command()
def people(
    party: Annotated[str | None, typer.Option(help="Only people tied to this party.")] = None,
    limit: Annotated[int, typer.Option()] = 50,
    as_json: Json = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """People named across documents, merged.  Example: bilat people --party RU-BA"""
    from bilat.kb.people import people as find
    from bilat.store import Store

    with Store(db, create=False) as store:
        found = find(store, party)[:limit]
    if as_json:
        print("".join(json.dumps(p.to_json(), ensure_ascii=False) + "\n" for p in found), end="")
        return
    table = Table(title=f"человек: {len(found)}")  # "2 человек" breaks agreement
    for column in ("имя", "роли", "страна", "документов"):
        table.add_column(column, overflow="fold")
    for p in found:
        table.add_row(
            p.name, "; ".join(p.roles[:3]), " ".join(p.countries + p.regions), str(len(p.documents))
        )
    console.print(table)


@app.command()
def serve(
    host: Annotated[
        str, typer.Option(help="Address to listen on; 127.0.0.1 keeps it to this machine.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    db: DbOption = DEFAULT_DB,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="BILAT_TOKEN",
            help="The token that curation needs; by default a new one is made and printed.",
        ),
    ] = None,
    read_only: Annotated[
        bool, typer.Option("--read-only", help="Serve no write at all, curation included.")
    ] = False,
) -> None:
    """The web dashboard and its JSON API.  Example: bilat serve --db bilat.db --port 8000

    Reading is open to whoever reaches the address; a write needs the token, which the
    printed URL gives a browser once (scripts send 'Authorization: Bearer TOKEN')."""
    import uvicorn

    from bilat import kb
    from bilat.store import Store
    from bilat.web import create_app
    from bilat.web.access import Access, new_token, refusal_to_serve

    refusal = refusal_to_serve(host, token, read_only)
    if refusal:
        raise typer.BadParameter(refusal, param_hint="--host")
    _check_port_free(host, port)
    access = Access(
        token=None if read_only else (token or new_token()), read_only=read_only, host=host
    )
    with Store(db, create=False) as store:
        kb.groups_of(store)  # sign new documents now, not in the first page's request
        where = f"http://{host}:{port}/"
        if access.writable and not token:
            console.print(f"bilat: {where}?token={access.token}  (open this URL to curate)")
        else:
            mode = "read-only" if read_only else "writes need the given token"
            console.print(f"bilat: {where}  ({mode})")
        console.print("JSON: /api/…, OpenAPI: /openapi.json")
        app = create_app(store, background=True, access=access)
        uvicorn.run(app, host=host, port=port, log_level="warning", timeout_keep_alive=KEEP_ALIVE_S)


def _check_port_free(host: str, port: int) -> None:
    """uvicorn logs a busy port and returns, and the command would exit 0: say so first."""
    import socket

    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        try:
            probe.bind((host, port))
        except OSError as error:
            raise typer.BadParameter(
                f"cannot listen on {host}:{port}: {error.strerror}; choose another --port",
                param_hint="--port",
            ) from error
