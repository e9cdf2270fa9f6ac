"""Investments: who invests how much where — "инвестиции казахстанских компаний в экономику
области составили 120 млн долларов", "вложит 50 млрд рублей в строительство завода".
"""

from __future__ import annotations

from bilat.extract.context import DocContext
from bilat.extract.economy.attributes import period_fields, status_of
from bilat.extract.economy.cues import INVESTMENT_WORDS
from bilat.extract.figures import Figure, Scan
from bilat.model import Fact
from bilat.schemas import InvestmentFields

# Words that make a money figure an investment when they stand in its clause.
# "стоимость" alone is the price of anything (a ticket, a lot at auction), so it does
# not make an investment.
STRONG_WORDS = INVESTMENT_WORDS - {
    "бюджет",
    "грант",
    "контракт",
    "кредит",
    "заём",
    "заем",
    "стоимость",
    "финансирование",
}
CONFIDENCE = 0.7


def extract(ctx: DocContext, scans: list[Scan]) -> list[Fact]:
    facts = []
    for scan in scans:
        moneys = [f for f in scan.figures if f.kind == "money" and f.money and f.money.currency]
        for n, figure in enumerate(moneys):
            clause_start = moneys[n - 1].last + 1 if n else 0
            fact = _investment_fact(ctx, scan, figure, clause_start)
            if fact:
                facts.append(fact)
    return facts


def _investment_fact(ctx: DocContext, scan: Scan, figure: Figure, clause_start: int) -> Fact | None:
    window = range(max(0, clause_start), min(len(scan.tokens), figure.last + 6))
    cue = next((i for i in window if scan.tokens[i].lemma in STRONG_WORDS), None)
    if cue is None:
        return None
    investor = next((p.code for p in scan.parties if p.role in {"adjective", "from"}), None)
    recipient = next((p.code for p in scan.parties if p.role == "to"), None)
    if recipient is None:
        recipient = next((p.code for p in scan.parties if p.code != investor), None)
    status = status_of(scan, clause_start, figure.first)
    fields: InvestmentFields = {
        "value": figure.value,
        "currency": figure.money.currency if figure.money else None,
        "parties": [code for code in (investor, recipient) if code],
        "investor": investor,
        "recipient": recipient,
        "project": _project(scan, cue),
        "status": "planned" if status != "actual" else "actual",
        "period": period_fields(ctx, next((p for p in scan.periods if p.role != "base"), None)),
    }
    if not fields["parties"]:
        return None
    return Fact(
        "investment",
        fields,
        scan.evidence(),
        CONFIDENCE,
        rule="investment.money",
        trace=(f"cue={scan.tokens[cue].text}",),
    )


def _project(scan: Scan, cue: int) -> str | None:
    """ "в строительство завода", "проекта по выпуску…": the noun group after the cue."""
    tokens = scan.tokens
    for i in range(cue + 1, min(len(tokens), cue + 8)):
        if tokens[i].lemma in {
            "строительство",
            "создание",
            "проект",
            "модернизация",
            "производство",
            "завод",
            "комбинат",
        }:
            words = [t.text for t in tokens[i : i + 4] if t.pos not in {"PUNCT"}]
            return " ".join(words)
    return None
