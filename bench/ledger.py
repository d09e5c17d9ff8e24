"""Write a beancount ledger with a given number of transactions: the baseline.

`bean-check` on this ledger is the peer that `budsjett-lint` is measured
against. The ledger looks like a municipality's books over the plan years:
accounts opened once, then transactions in date order with two or three
postings (one left for beancount to interpolate), payees and narrations in
Norwegian, some tags, links and metadata, and a balance assertion on the bank
account at the start of every month, which `bean-check` verifies.

    python bench/ledger.py 10000 -o bench/data/ledger-10000.beancount

The output depends only on the number of transactions and the seed.
"""

from __future__ import annotations

import argparse
import datetime
import random
import sys
from decimal import Decimal

EXPENSES = (
    "Oppvekst:Barnehage", "Oppvekst:Skole", "Oppvekst:Kulturskole", "Arbeid:Sosialhjelp", "Arbeid:Barnevern",
    "Helse:Sykehjem", "Helse:Hjemmetjenester", "Helse:Fastleger", "Kultur:Idrett", "Kultur:Bibliotek",
    "Miljo:Klima", "Areal:Samferdsel", "Areal:Vedlikehold", "Finans:Renter", "Finans:Avdrag",
)
INCOME = ("Skatt", "Rammetilskudd", "Eiendomsskatt", "Gebyrer")
PAYEES = ("Trondheim kommune", "Statens vegvesen", "Skatteetaten", "KLP", "Trøndelag fylkeskommune",
          "Leverandør AS", "Bygg og Anlegg AS", "Kulturhuset", "Sykehjemmet Byåsen", "Barnehagen Lade")
NARRATIONS = ("Lønn", "Innkjøp", "Husleie", "Vedlikehold", "Tilskudd", "Refusjon", "Driftsmidler", "Avdrag")
START = datetime.date(2020, 1, 1)
DAYS = 4 * 365


def generate(transactions: int, seed: int = 2020) -> str:
    rng = random.Random(seed)
    out = [
        f"; A synthetic ledger of {transactions} transactions (bench/ledger.py, seed {seed}).",
        'option "title" "Syntetisk kommuneregnskap"',
        'option "operating_currency" "NOK"',
        "",
        "2019-12-31 open Assets:Bank NOK",
        "2019-12-31 open Liabilities:Lan NOK",
        "2019-12-31 open Equity:Apning NOK",
    ]
    out += [f"2019-12-31 open Expenses:{e} NOK" for e in EXPENSES]
    out += [f"2019-12-31 open Income:{i} NOK" for i in INCOME]
    out.append("")
    dates = sorted(START + datetime.timedelta(days=rng.randrange(DAYS)) for _ in range(transactions))
    bank = Decimal(0)
    month = None
    for n, date in enumerate(dates):
        if (date.year, date.month) != month:
            month = (date.year, date.month)
            out += [f"{date.replace(day=1)} balance Assets:Bank {bank:.2f} NOK", ""]
        amount = Decimal(rng.randint(100, 5_000_000)) / 100
        payee, narration = rng.choice(PAYEES), rng.choice(NARRATIONS)
        tags = " #prosjekt-" + str(rng.randint(1, 40)) if rng.random() < 0.1 else ""
        links = f" ^faktura-{n}" if rng.random() < 0.05 else ""
        out.append(f'{date} * "{payee}" "{narration} {n}"{tags}{links}')
        if rng.random() < 0.2:
            out.append(f'  bilag: "{n:07d}"')
        if rng.random() < 0.3:  # income into the bank
            out.append(f"  Assets:Bank  {amount:.2f} NOK")
            out.append(f"  Income:{rng.choice(INCOME)}")
            bank += amount
        elif rng.random() < 0.15:  # a cost split over two areas and the loan
            part = (amount / 2).quantize(Decimal("0.01"))
            out.append(f"  Expenses:{rng.choice(EXPENSES)}  {part:.2f} NOK")
            out.append(f"  Liabilities:Lan  {amount - part:.2f} NOK")
            out.append("  Assets:Bank")
            bank -= amount
        else:
            out.append(f"  Expenses:{rng.choice(EXPENSES)}  {amount:.2f} NOK")
            out.append("  Assets:Bank")
            bank -= amount
        out.append("")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("transactions", type=int, help="the number of transactions")
    p.add_argument("--seed", type=int, default=2020, help="the random seed (default: 2020)")
    p.add_argument("-o", "--output", help="write here instead of to standard output")
    args = p.parse_args(argv)
    text = generate(args.transactions, args.seed)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as fh:
            fh.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
