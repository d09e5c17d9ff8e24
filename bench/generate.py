"""Write a synthetic budget proposal of a given number of entries.

The proposals look like `proposal.budsjett`, scaled up: chapters for service
areas (the seven built-in ones, then declared ones, as a state budget has
ministries), each a section with an introduction, operating items with four
years, half-year starts, ramps, permanent and one-off changes, trials, kroner
amounts and `?`, investments, verbal directives with prose, and coverage:
cuts, efficiency demands, draws on and allocations to the fund, borrowing,
offsets, funding links and reallocations from pots. About a quarter of the
entries carry prose with figures in the Norwegian style, and some lines carry
comments. Every entry has its own name.

Entries are the `item`, `invest`, `cover`, `allocate`, `draw` and `loan`
lines; links, directives, pots and sections come on top, in the proportions of
a real proposal (about one link and one directive to every ten entries).

    python bench/generate.py 10000 -o bench/data/proposal-10000.budsjett

The output depends only on the number of entries and the seed.
"""

from __future__ import annotations

import argparse
import random
import sys
from decimal import Decimal

YEARS = (2020, 2021, 2022, 2023)
FUND = "Disposisjonsfondet"
BUILTIN_AREAS = ("oppvekst", "arbeid", "helse", "kultur", "miljø", "areal", "finans")
DECLARED_AREAS = (
    ("byutvikling", "Byutvikling"), ("kirke", "Kirke og gravplass"), ("havn", "Havn og sjø"),
    ("beredskap", "Brann og beredskap"), ("digital", "Digitalisering"), ("bolig", "Kommunale boliger"),
    ("eiendom", "Eiendom og bygg"), ("vann", "Vann og avløp"), ("klima", "Klima og miljø"),
    ("frivillighet", "Frivillighet"), ("integrering", "Integrering"), ("næring", "Næring og innovasjon"),
)
ENTRIES_PER_CHAPTER = 60

TOPICS = (
    "Toppet bemanning i barnehage", "Skolehelsetjenesten", "Styrke laget rundt elevene", "Kulturskolen",
    "Fritidsklubber", "Uteseksjonen", "Individuell jobbstøtte", "Grunnbemanning i eldreomsorgen",
    "Fysioterapeuter på sykehjem", "Kompetanseløft fastleger", "Frivilligsentraler", "Nærmiljøanlegg",
    "Sykkelveier", "Kollektivtilbud", "Klimamillion til frivilligheten", "Gratis SFO",
    "Barnevernet", "Aktivitetstilbud for eldre", "Ungdomsklubber", "Bibliotekene", "Turstier",
    "Svømmeopplæring", "Lærlingplasser", "Helsestasjon for ungdom", "Rusomsorg", "Boligsosialt arbeid",
)
PLACES = (
    "Byåsen", "Heimdal", "Lerkendal", "Midtbyen", "Østbyen", "Saupstad", "Ranheim", "Moholt",
    "Tiller", "Kattem", "Lade", "Charlottenlund", "Klæbu", "Ila", "Nardo", "Stavne",
)
COVER_TOPICS = (
    "Redusert innkjøp", "Redusert innleie av arbeidskraft", "Effektivisering", "Reduserte reiseutgifter",
    "Revidert skatteprognose", "Utsatt oppstart", "Redusert konsulentbruk", "Samordnet drift",
)
INVEST_TOPICS = ("Skolebygg", "Barnehagebygg", "Idrettshall", "Omsorgsboliger", "Svømmeanlegg", "Veiutbygging")
DIRECTIVE_TOPICS = (
    "Utredning av bostøtte", "Åpningstider servicekontor", "Ingen nedbemanning", "Sak om arealregnskap",
    "Rekkefølge for utbygging", "Tegnspråkklubb", "Evaluering av prøveprosjekt", "Ny fast stilling",
)
PROSE = (
    "De rødgrønne vil styrke {topic} i {place}.",
    "Tiltaket gir bedre tjenester og mer tid til hver enkelt innbygger.",
    "Vi forventer at dette gir reduserte utgifter på sikt, og ber om en evaluering.",
    "Arbeidet skal skje i tett samarbeid med frivilligheten og de ansattes organisasjoner.",
    "Dette er en viktig satsing for en god oppvekst og en trygg alderdom i hele byen.",
)


def _num(value: Decimal) -> str:
    """An amount as the language writes it: 3.5, 7, -45."""
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _words(value: Decimal) -> str:
    """An amount as the prose writes it: 3,5 millioner, 1 million."""
    return _num(value).replace(".", ",") + (" million" if value == 1 else " millioner")


def _prose(lines: list[str], indent: str = "  ") -> list[str]:
    return [f'{indent}text """'] + [f"{indent}  {ln}" for ln in lines] + [f'{indent}"""']


class _Writer:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.out: list[str] = []
        self.used: dict[str, int] = {}  # base name -> how many have it
        self.spend = {y: Decimal(0) for y in YEARS}  # known figures per year, to balance the whole
        self.cover = {y: Decimal(0) for y in YEARS}

    def name(self, topics: tuple[str, ...]) -> str:
        rng = self.rng
        base = f"{rng.choice(topics)} – {rng.choice(PLACES)}"
        n = self.used[base] = self.used.get(base, 0) + 1
        return base if n == 1 else f"{base} {n}"

    def amount(self, low: int, high: int) -> Decimal:
        return Decimal(self.rng.randint(low * 10, high * 10)) / 10

    def count(self, side: dict[int, Decimal], amounts: dict[int, Decimal | None]) -> None:
        for y, v in amounts.items():
            if v is not None:
                side[y] += v

    def comment(self, text: str) -> None:
        self.out.append(f"# {text}")

    def item(self, area: str) -> tuple[str, dict[int, Decimal | None]]:
        rng, out = self.rng, self.out
        name = self.name(TOPICS)
        a = self.amount(1, 20)
        shape = rng.random()
        attrs: list[str] = []
        prose: list[str] = []
        if shape < 0.2:  # half-year start, full effect from the next year
            amounts = {2020: a, 2021: a * 2, 2022: a * 2, 2023: a * 2}
            written = f"2020={_num(a)} 2021..2023={_num(a * 2)}"
            attrs = [f"heading {_num(a)}", "halfyear", "permanent"]
            prose = [f"Vi setter av {_words(a)} (halvårseffekt) i 2020, økende til {_words(a * 2)} fra 2021."]
        elif shape < 0.35:  # a ramp
            b = a + self.amount(1, 20)
            amounts = {2020: a, 2021: b, 2022: b, 2023: b}
            written = f"2020={_num(a)} 2021={_num(b)} 2022={_num(b)} 2023={_num(b)}"
            attrs = [f"heading {_num(a)}", "ramp"]
            prose = [f"{_words(a)} i 2020 økende til {_words(b)} i 2021, og videre i hele perioden."]
        elif shape < 0.6:  # permanent, the same every year
            amounts = dict.fromkeys(YEARS, a)
            written = f"2020..2023={_num(a)}"
            attrs = ["permanent"]
            prose = [f"Vi styrker satsingen med {_words(a)} fra 2020."]
        elif shape < 0.72:  # a trial over two years
            amounts = {2020: a, 2021: a}
            written = f"2020={_num(a)} 2021={_num(a)}"
            attrs = ["trial", f"evaluate 2021-{rng.randint(1, 12):02d}", "until 2021"]
            prose = [f"Et prøveprosjekt med {_words(a)} i 2020 og 2021, som evalueres før videreføring."]
        elif shape < 0.82:  # one-off
            amounts = {2020: a}
            written = f"2020={_num(a)}"
            attrs = [f"heading {_num(a)}", "oneoff"]
            prose = [f"Det settes av {_words(a)} i 2020 som en engangsbevilgning."]
        elif shape < 0.84:  # kroner, as a document that counts in kroner writes it
            kr = rng.randint(1, 9) * 100_000
            amounts = dict.fromkeys(YEARS, Decimal(kr) / 1_000_000)
            written = f"2020..2023={kr // 1000} 000 kr"
            attrs = ["permanent"]
            prose = [f"Vi setter av {kr // 1000} 000 kroner hvert år i perioden."]
        else:  # later years named without a figure
            amounts = {2020: a, 2021: a, 2022: None, 2023: None}
            written = f"2020..2021={_num(a)} 2022=? 2023=?"
            attrs = [f"heading {_num(a)}"]
            prose = [f"{_words(a)} i 2020 og 2021; for resten av perioden kommer vi tilbake i revidert budsjett."]
        self.count(self.spend, amounts)
        if rng.random() < 0.1:
            self.comment("The heading's amount is the 2020 figure; later years as the prose names them.")
        out.append(f'item "{name}" {area} {written}')
        if rng.random() < 0.6:
            out.append("  " + " ".join(attrs))
        if rng.random() < 0.3:
            topic, _, place = name.partition(" – ")
            out.extend(_prose(prose + [rng.choice(PROSE).format(topic=topic.lower(), place=place)]
                              + ([rng.choice(PROSE[1:])] if rng.random() < 0.5 else [])))
        return name, amounts

    def saving(self, area: str, measure: str, amounts: dict[int, Decimal | None]) -> str:
        """A cut that a measure causes (fewer substitutes where staffing is topped): half of it, in its years."""
        name = self.name(("Redusert vikarinnleie", "Redusert sykefravær", "Færre kjøpte plasser"))
        half = {y: (v / 2).quantize(Decimal("0.1")) for y, v in amounts.items() if v is not None}
        self.out.append(f'cover "{name}" {area} ' + " ".join(f"{y}={_num(v)}" for y, v in half.items()))
        self.out.append(f'offset "{measure}" <-> "{name}"')
        self.count(self.cover, half)
        return name

    def invest(self, area: str) -> None:
        name = self.name(INVEST_TOPICS)
        a, b = self.amount(10, 200), self.amount(10, 200)
        if self.rng.random() < 0.3:
            self.out.append(f'invest "{name}" {area} 2022=? 2023=?')
            self.out.extend(_prose(["Det settes av oppstartsmidler i 2022 og 2023."]))
        else:
            self.out.append(f'invest "{name}" {area} 2021={_num(a)} 2022={_num(b)}')

    def cover_line(self, area: str | None) -> tuple[str, dict[int, Decimal | None]]:
        rng, out = self.rng, self.out
        name = self.name(COVER_TOPICS)
        a = self.amount(1, 15)
        where = f" {area}" if area else ""
        shape = rng.random()
        amounts: dict[int, Decimal | None]
        if shape < 0.5:
            amounts = dict.fromkeys(YEARS, a)
            out.append(f'cover "{name}"{where} 2020..2023={_num(a)}')
        elif shape < 0.75:
            b = a * 2
            amounts = {2020: a, 2021: None, 2022: None, 2023: b}
            out.append(f'cover "{name}"{where} 2020={_num(a)} 2021..2022=? 2023={_num(b)}')
            out.append("  ramp" + (" exempt oppvekst helse" if rng.random() < 0.3 else ""))
            out.extend(_prose([f"Vi reduserer budsjettet med {_words(a)} i 2020 økende til {_words(b)} i 2023."]))
        elif shape < 0.9:
            amounts = {2021: a, 2022: a, 2023: a}
            out.append(f'cover "{name}"{where} 2021..2023={_num(a)}')
            out.append("  permanent")
        else:
            amounts = {}
            out.append(f'cover "{name}"{where} ?')
        self.count(self.cover, amounts)
        return name, amounts

    def funds(self, source: str, available: Decimal | None, use: tuple[str, dict[int, Decimal | None]]) -> None:
        """A coverage line paying for a use, with what it promises in 2020: no more than it has, nor than the use costs."""
        target, cost = use
        if available is None or cost.get(2020) is None:
            return
        promised = (min(available, cost[2020]) / 2).quantize(Decimal("0.1"))
        if promised > 0:
            self.out.append(f'funds "{source}" -> "{target}" 2020={_num(promised)}')

    def directive(self, area: str, pot: str | None) -> None:
        rng = self.rng
        name = self.name(DIRECTIVE_TOPICS)
        roll = rng.random()
        if roll < 0.6 or (roll < 0.9 and pot is None):  # orders a report or a case
            cost = "cost none"
        elif roll < 0.9:  # pays for itself from a pot in the base budget
            cost = rng.choice(["cost ?", f"cost {_num(self.amount(1, 9))}"]) + f' funded-by "{pot}"'
        else:  # commits to a cost that nothing pays for, as some directives do
            cost = "cost ?"
        self.out.append(f'directive "{name}" {area} {cost}')
        if rng.random() < 0.7:
            self.out.extend(_prose(["De rødgrønne ber kommunedirektøren legge fram en sak om dette i løpet av 2020.",
                                    rng.choice(PROSE[1:])]))


def generate(entries: int, seed: int = 2020) -> str:
    """The text of a proposal with `entries` entries."""
    rng = random.Random(seed)
    w = _Writer(rng)
    out = w.out
    out += [
        f"# A synthetic proposal of {entries} entries (bench/generate.py, seed {seed}).",
        'budget "Syntetisk budsjett"',
        '  title "Forslag til budsjett 2020 og økonomiplan 2020-2023"',
        "  period 2020..2023",
        '  base "Kommunedirektørens forslag til budsjett 2020 og økonomiplan 2020-2023"',
        "  unit mill",
        "",
        f'fund "{FUND}" opening 350',
        "",
    ]
    body = max(0, entries - 1)  # the last entry is the balancing coverage
    chapters = max(1, -(-body // ENTRIES_PER_CHAPTER))
    areas = [(a, None) for a in BUILTIN_AREAS] + list(DECLARED_AREAS)
    declared: set[str] = set()
    written = 0
    for chapter in range(chapters):
        area, area_name = areas[chapter % len(areas)]
        if area_name and area not in declared:
            declared.add(area)
            out += [f'area {area} "{area_name}"', ""]
        title = area_name or area.capitalize()
        out += [f'section "{title} {chapter + 1}" {area}']
        out += _prose(["Alle skal ha gode tjenester der de bor, og vi prioriterer tiltak som gir mer",
                       f"fellesskap. Rammen for området økes med {_words(w.amount(5, 50))} i 2020."])
        out.append("")
        pot = None
        if rng.random() < 0.6:
            pot = w.name(("Potten til nærmiljøanlegg", "Midler fra årsoppgjøret", "Ubrukte midler"))
            out += [f'pot "{pot}" {area}', ""]
        chapter_entries = min(ENTRIES_PER_CHAPTER, body - written)
        chapter_items: list[tuple[str, dict[int, Decimal | None]]] = []
        for _ in range(chapter_entries):
            roll = rng.random()
            if roll < 0.58:
                chapter_items.append(w.item(area))
            elif roll < 0.66:
                w.invest(area)
            elif roll < 0.9:
                measure = chapter_items[-1] if chapter_items else None
                if measure and None not in measure[1].values() and rng.random() < 0.15:
                    w.saving(area, *measure)  # a saving caused by the measure just before it
                else:
                    name, amounts = w.cover_line(area if rng.random() < 0.5 else None)
                    if chapter_items and rng.random() < 0.3:
                        w.funds(name, amounts.get(2020), rng.choice(chapter_items))
            elif roll < 0.94:
                a = w.amount(1, 10)
                name = w.name(("Bruk av disposisjonsfond til",))
                out.append(f'draw "{name}" 2020={_num(a)} 2021=? from "{FUND}"')
                w.count(w.cover, {2020: a})
                if chapter_items:
                    w.funds(name, a, rng.choice(chapter_items))
            elif roll < 0.98:
                a = w.amount(1, 15)
                out.append(f'allocate "{w.name(("Avsetning til disposisjonsfondet",))}" 2020={_num(a)} to "{FUND}"')
                w.count(w.spend, {2020: a})
            else:
                out.append(f'loan "{w.name(("Reduserte låneopptak",))}" ? total -{rng.randint(10, 400)} frees')
            if rng.random() < 0.08 and chapter_items:
                w.directive(area, pot)
            out.append("")
        if pot and chapter_items:
            out += [f'reallocate "{pot}" -> "{rng.choice(chapter_items)[0]}"', ""]
        written += chapter_entries
    # The coverage that makes the known figures balance, as the last lines of a proposal do.
    gaps = {y: w.spend[y] - w.cover[y] for y in YEARS}
    out += ['section "Inndekning"', ""]
    out.append('cover "Udisponert reserve" ' + " ".join(f"{y}={_num(gaps[y])}" for y in YEARS))
    out += _prose(["Det som gjenstår av udisponert reserve legges inn i økt driftsramme."])
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("entries", type=int, help="the number of entries")
    p.add_argument("--seed", type=int, default=2020, help="the random seed (default: 2020)")
    p.add_argument("-o", "--output", help="write here instead of to standard output")
    args = p.parse_args(argv)
    text = generate(args.entries, args.seed)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as fh:
            fh.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
