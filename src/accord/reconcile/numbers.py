"""Numbers in running news text, normalised to comparable intervals.

``"one thousand prisoners"`` and ``"1,000 prisoners"`` are both 1000 prisoners; ``"one hour and
40 minutes"`` is 100 minutes; ``"less than two hours"`` is the open interval (0, 120) minutes.
Two quantities are compared only when they count the same thing (the same noun, or both are
durations), and they agree when their intervals overlap.

Hand-written on purpose: number-word libraries (number-parser, text2num) turn a bare phrase into
a value, but none finds quantities in running text together with their counted noun, duration
sums and comparative hedges, which is what reconciliation compares; the word walk below does all
three in one pass and the number names themselves live in ``data/reconcile_numbers.tsv``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from accord.months import MONTH_NUMBERS
from accord.reconcile.lexicon import (
    comparatives,
    count_stopwords,
    noun_classes,
    number_words,
    time_units,
)

_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?(?:st|nd|rd|th)?|[A-Za-z]+(?:'[a-z]+)?|[-–]|\S")
_MONTHS = frozenset(MONTH_NUMBERS)  # full names and abbreviations: "5 Dec" counts nothing
DURATION = "min"  # the unit every duration is converted to
PERCENT = "percent"  # "52%", "52 per cent" and "52 percent" are one unit


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number found in text: an interval ``[low, high]`` of ``unit`` (``"min"`` for durations).

    Open bounds come from comparatives: "less than 2 hours" is ``low=0, high=120, high_open``.
    ``start``/``end`` are character offsets of the whole phrase in the text searched.
    """

    start: int
    end: int
    text: str
    low: float
    high: float
    unit: str
    low_open: bool = False
    high_open: bool = False
    noun: str = ""  # the counted noun phrase as written ("fishing boats"), for display
    change: bool = False  # the size of a change ("jumped 28 percent"), not a level

    def with_noun(self, unit: str, noun: str, *, change: bool = False) -> Quantity:
        """The same quantity counting ``unit`` (a lemma), shown with ``noun`` as written."""
        return Quantity(
            self.start,
            self.end,
            self.text,
            self.low,
            self.high,
            unit,
            self.low_open,
            self.high_open,
            noun,
            change,
        )

    @property
    def is_duration(self) -> bool:
        return self.unit == DURATION

    def describe(self) -> str:
        """A short human form: ``1,000 prisoner``, ``<2 h``, ``100 min``, ``>3 year``."""
        scale, unit = _display_unit(self)
        unit = unit if self.is_duration or not self.noun else self.noun
        low, high = self.low / scale, self.high / scale
        if self.low == self.high:
            return f"{_fmt(low)} {unit}"
        if self.low == 0:
            return f"{'<' if self.high_open else '≤'}{_fmt(high)} {unit}"
        if math.isinf(self.high):
            return f"{'>' if self.low_open else '≥'}{_fmt(low)} {unit}"
        return f"{_fmt(low)}–{_fmt(high)} {unit}"


DAY = 1440.0
_DISPLAY = ((525600.0, "year"), (43200.0, "month"), (DAY, "day"), (60.0, "h"))


def _display_unit(q: Quantity) -> tuple[float, str]:
    """Durations are shown in the largest unit that divides both bounds evenly (hours only
    below a day), else, when they are a day or longer or a range, in the largest unit they
    both reach ("nearly a week" is "5.95–7 day", not "8,568–10,080 min"); "100 min" stays."""
    if not q.is_duration:
        return 1.0, q.unit
    bounds = [b for b in (q.low, q.high) if b and math.isfinite(b)]
    if not bounds:
        return 1.0, DURATION
    for scale, name in _DISPLAY:  # hours only below a day: "almost two years" is no hours
        if all(_whole(b / scale) for b in bounds) and (scale >= DAY or max(bounds) < DAY):
            return scale, name
    for scale, name in _DISPLAY:  # an approximate range: "about three hours" is 2.70–3.30 h
        if (scale >= DAY or q.low != q.high) and min(bounds) >= scale:
            return scale, name
    return 1.0, DURATION


def _whole(value: float) -> bool:
    """Whether a value is a whole number of units, up to float error ("roughly 40 days" is
    36–44 days)."""
    return value >= 1 and abs(value - round(value)) < 1e-6


def _fmt(value: float) -> str:
    value = round(value, 2)  # 110.0000001 minutes is 110
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


@dataclass(slots=True)
class _Tok:
    text: str
    low: str
    start: int
    end: int


def _tokens(text: str) -> list[_Tok]:
    return [_Tok(m.group(), m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _digit_value(tok: _Tok) -> float | None:
    if not tok.text[0].isdigit() or tok.low[-2:] in ("st", "nd", "rd", "th"):
        return None
    try:
        return float(tok.text.replace(",", ""))
    except ValueError:
        return None


def _is_number_word(tok: _Tok) -> bool:
    return tok.low in number_words()


def parse_number_words(words: list[str]) -> float | None:
    """Value of a spelled-out number ("two hundred and fifty" -> 250), or None if not one."""
    lexicon = number_words()
    total = current = 0.0
    seen = False
    for word in words:
        if word in ("and", "-", "–"):
            continue
        if word in ("a", "an") and not seen:
            current, seen = 1.0, True
            continue
        entry = lexicon.get(word)
        if entry is None:
            return None
        value, kind = entry
        if kind == "scale":
            current = (current or 1.0) * value
            if value >= 1000:
                total, current = total + current, 0.0
        else:
            current += value
        seen = True
    return total + current if seen else None


def _number_at(toks: list[_Tok], i: int) -> tuple[float, int] | None:
    """The number starting at token ``i``: (value, index after it)."""
    value = _digit_value(toks[i])
    if value is not None:
        j = i + 1
        if (
            j < len(toks)
            and toks[j].low in number_words()
            and number_words()[toks[j].low][1] == "scale"
        ):
            value *= number_words()[toks[j].low][0]
            j += 1
        return value, j
    if toks[i].low in ("a", "an") and i + 1 < len(toks) and toks[i + 1].low in time_units():
        following = toks[i + 2].low if i + 2 < len(toks) else ""
        if toks[i + 1].low == "second" and following.isalpha() and following not in ("and", "or"):
            return None  # "a second round": an ordinal, not one second
        return 1.0, i + 1  # "less than an hour"
    if not _is_number_word(toks[i]) and not (
        toks[i].low in ("a", "an")
        and i + 1 < len(toks)
        and _is_number_word(toks[i + 1])
        and number_words()[toks[i + 1].low][1] == "scale"
    ):
        return None
    j = i
    words: list[str] = []
    while j < len(toks) and (
        _is_number_word(toks[j])
        or (toks[j].low in ("a", "an") and not words)
        or (
            toks[j].low in ("-", "–", "and")
            and j + 1 < len(toks)
            and _is_number_word(toks[j + 1])
            and not _is_scale_or_unit_break(toks, j)
        )
    ):
        words.append(toks[j].low)
        j += 1
    parsed = parse_number_words(words)
    return (parsed, j) if parsed is not None else None


def _is_scale_or_unit_break(toks: list[_Tok], j: int) -> bool:
    """'and' between two complete numbers of a list ("one, two and three") ends the number."""
    if toks[j].low != "and" or j == 0:
        return False
    before = number_words().get(toks[j - 1].low)
    after = number_words().get(toks[j + 1].low)
    return before is not None and after is not None and before[0] < 20 and after[0] < 20


def _comparative_before(toks: list[_Tok], i: int) -> tuple[str, int] | None:
    """The comparative cue ending right before token ``i``: (kind, index of its first token)."""
    table = comparatives()
    for size in (3, 2, 1):
        if i - size < 0:
            continue
        words = tuple(t.low for t in toks[i - size : i])
        if words in table:
            return table[words], i - size
    return None


def _unit_after(toks: list[_Tok], j: int) -> tuple[str, int] | None:
    """The counted noun after a number (skipping hyphens and one adjective-like word)."""
    k = j
    while k < len(toks) and toks[k].low in ("-", "–"):
        k += 1
    if k < len(toks) and toks[k].text == "%":
        return PERCENT, k + 1
    if k >= len(toks) or not toks[k].text.isalpha():
        return None
    word = toks[k].low
    if word == "per" and k + 1 < len(toks) and toks[k + 1].low == "cent":
        return PERCENT, k + 2  # "52 per cent"
    if word in time_units():
        return DURATION, k + 1
    if word in count_stopwords() or word in number_words() or word in _MONTHS:
        return None
    return _singular(word), k + 1


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _interval(value: float, kind: str | None) -> tuple[float, float, bool, bool]:
    """(low, high, low_open, high_open) for a value under a comparative cue."""
    if kind in ("lt", "le"):
        return 0.0, value, False, kind == "lt"
    if kind in ("gt", "ge"):
        return value, math.inf, kind == "gt", True
    if kind == "approx":
        return value * 0.9, value * 1.1, False, False
    if kind == "approx_lt":
        return value * 0.85, value, False, False
    return value, value, False, False


def _is_date_number(toks: list[_Tok], i: int, value: float) -> bool:
    """Years and days of the month are dates, not quantities ("March 2022", "May 5")."""
    prev = toks[i - 1].low if i else ""
    nxt = toks[i + 1].low if i + 1 < len(toks) else ""
    if prev in _MONTHS or nxt in _MONTHS:
        return True
    return toks[i].text.isdigit() and len(toks[i].text) == 4 and 1800 <= value <= 2100


def _is_clock_time(toks: list[_Tok], i: int) -> bool:
    """A time of day counts nothing: the hour or minutes of "6:41" and "16:05 GMT", and "11
    p.m.", "8 PM" (two reports' times of day are no disagreement about a number)."""

    def text(k: int) -> str:
        return toks[k].low if 0 <= k < len(toks) else ""

    if text(i + 1) == ":" and text(i + 2)[:1].isdigit():
        return True
    if text(i - 1) == ":" and text(i - 2)[:1].isdigit():
        return True
    return text(i + 1) in ("am", "pm") or (
        text(i + 1) in ("a", "p") and text(i + 2) == "." and text(i + 3) == "m"
    )


def _is_age(toks: list[_Tok], j: int) -> bool:
    """Whether the number ending before token ``j`` is an age: "35-year-old", "61 years old"."""
    words = [t.low for t in toks[j : j + 4] if t.low not in ("-", "–")]
    return words[:2] in (["year", "old"], ["years", "old"])


def find_quantities(text: str, *, bare: bool = False) -> list[Quantity]:
    """Every counted or duration quantity in ``text``, left to right; with ``bare``, numbers that
    no unit follows too (``unit`` ""), for a caller that can tell from a parse what they count
    ("the death toll rose to 34")."""
    toks = _tokens(text)
    found: list[Quantity] = []
    i = 0
    while i < len(toks):
        number = _number_at(toks, i)
        if number is None or (
            _digit_value(toks[i]) is not None
            and (_is_date_number(toks, i, number[0]) or _is_clock_time(toks, i))
        ):
            i += 1
            continue
        value, j = number
        if _is_age(toks, j):
            i = j  # "the 35-year-old deputy": an age, and whose the words do not say
            continue
        quantity, j = _complete(text, toks, i, j, value, bare)
        if quantity is not None:
            found.append(quantity)
        i = max(j, i + 1)
    return found


def _complete(
    text: str, toks: list[_Tok], i: int, j: int, value: float, bare: bool = False
) -> tuple[Quantity | None, int]:
    """Attach unit, duration sums ("one hour and 40 minutes") and a comparative to a number."""
    unit = _unit_after(toks, j)
    if unit is None and j + 1 < len(toks) and toks[j].low == "of":
        # "71 of 120 seats": a part counts what its whole counts
        whole = _number_at(toks, j + 1)
        unit = _unit_after(toks, whole[1]) if whole else None
        if unit is None or unit[0] == DURATION:
            return None, j
    if unit is None and bare:
        unit = ("", j)
    if unit is None:
        return None, j
    name, j = unit
    if name == DURATION:
        value *= time_units()[toks[j - 1].low]
        while j + 2 < len(toks) and toks[j].low == "and":
            more = _number_at(toks, j + 1)
            tail = _unit_after(toks, more[1]) if more else None
            if more is None or tail is None or tail[0] != DURATION:
                break
            value += more[0] * time_units()[toks[tail[1] - 1].low]
            j = tail[1]
    cue = _comparative_before(toks, i)
    first = cue[1] if cue else i
    low, high, low_open, high_open = _interval(value, cue[0] if cue else None)
    start, end = toks[first].start, toks[j - 1].end
    return Quantity(start, end, text[start:end], low, high, name, low_open, high_open), j


def kind(unit: str) -> str:
    """The class of a counted noun (``data/reconcile_noun_classes.tsv``), else the noun itself."""
    return noun_classes().get(unit, unit)


def same_kind(a: str, b: str) -> bool:
    """Whether two counted nouns count one kind of thing: the same noun, one class ("protester",
    "demonstrator"), or a class and its refinement ("people" and "protesters"), never two
    refinements ("hostages" and "prisoners")."""
    if a == b:
        return True
    ka, kb = kind(a), kind(b)
    return ka == kb or ka.startswith(kb + ".") or kb.startswith(ka + ".")


def compatible(a: Quantity, b: Quantity) -> bool | None:
    """Whether two quantities can describe the same fact; None when they count different things."""
    if not same_kind(a.unit, b.unit):
        return None
    low, high = max(a.low, b.low), min(a.high, b.high)
    tolerance = 1e-6 * max(1.0, abs(low))
    if low < high - tolerance:
        return True
    if low > high + tolerance:
        return False
    # The intervals touch at one point: they agree only if both include it.
    return not any(
        (q.low_open and math.isclose(q.low, low)) or (q.high_open and math.isclose(q.high, high))
        for q in (a, b)
    )
