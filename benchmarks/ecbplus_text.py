"""ECB+ tokens back to the text the outlet printed, with each token's place in it.

Shared by ``stories.py`` (which needs the text) and ``ecbplus_entities.py`` (which also needs
where each annotated token lies in it). Not a benchmark of its own.

The CROMER files hold tokens, not text, and the ``ecbplus`` tokeniser (and a few ``ecb``
files) split "5.9", "20,000", "1:30", "11/28/05", "U.S.", "zero-day" and "it's" into
separate tokens, which a plain join turns into "5. 9", "20, 000", "U. S.", "zero - day" and
"it ’ s": text no outlet prints, and a source of number terms ("000", "9"), date forms and
name spellings ("U. S.") that real articles never carry. :func:`pieces` joins them back and
writes punctuation, possessives and quotes the way printed text does, so the benchmarks read
what the outlet wrote. Written here because it undoes one corpus's tokeniser; no library
does that.
"""

from __future__ import annotations

from collections.abc import Sequence

CONTRACTIONS = {"s", "t", "re", "ll", "ve", "d", "m"}
# Tokens written against the word before them ("said ,", "Bush 's"), and characters after
# which the next token follows with no space ("( the", "$ 5").
CLOSING = frozenset([*",.;:!?%)]}", "'s", "n't", "'re", "'ll", "'ve", "'d", "'m"])
OPENING = frozenset("([{$")


def unescape(token: str) -> str:
    """XML entities of a token read with a regular expression (not an XML parser)."""
    return (
        token.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&apos;", "'")
    )


def _joins(prev: str, tok: str, nxt: str, rest: Sequence[str]) -> bool:
    """Whether ``prev tok nxt`` was one token in the outlet's text."""
    lead = len(nxt) - len(nxt.lstrip("0123456789"))  # "12AM", "000ft": a unit may follow
    if prev[-1:].isdigit() and lead and tok in {".", ":", "/"}:
        return True
    if prev[-1:].isdigit() and tok == ",":
        # a thousands separator: "20 , 000", never a date's "May 2 , 2013"
        last_group = prev.replace("/", ",").replace(":", ",").split(",")[-1]
        return lead == 3 and last_group.isdigit() and len(last_group) <= 3
    if tok == "." and len(nxt) == 1 and nxt.isalpha() and list(rest[:1]) == ["."]:
        # "U . S .", "p . m ."
        return all(len(part) == 1 and part.isalpha() for part in prev.split("."))
    if tok == "-":
        # "zero - day", "6.1 - magnitude", "7 - 0", "AK - 47"; a dash before a capital stays
        # a dash ("2013 - Reuters"). The tokens cannot tell a dash before a lower-case word
        # from a hyphen, so "for a while - at least" becomes "while-at" (rare in a sample)
        return prev[-1:].isalnum() and ((nxt.isalpha() and nxt.islower()) or lead > 0)
    if tok in {"'", "’"}:
        return prev.isalpha() and nxt.lower() in CONTRACTIONS
    return False


def glued(tokens: Sequence[str]) -> list[bool]:
    """For each token, whether the tokeniser split it off the word before it (see
    :func:`_joins`): "5 . 9" gives ``[False, True, True]``."""
    out = [False] * len(tokens)
    word = ""  # the previous word as rejoined so far: "20,000" before ", 000" in 1,300,000
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if word and i + 1 < len(tokens) and _joins(word, tok, tokens[i + 1], tokens[i + 2 :]):
            out[i] = out[i + 1] = True
            word += tok + tokens[i + 1]
            i += 2
            continue
        word = tok
        i += 1
    return out


def pieces(tokens: Sequence[str]) -> list[tuple[str, str]]:
    """(separator, surface) for each token of one sentence: ``"".join(sep + surface)`` is the
    sentence as printed, and each token's surface lies right after its separator.

    Rejoined splits get no separator; neither do closing punctuation and endings ("," ")"
    "'s" "n't") nor a token after an opening bracket or "$". The quote tokens `` and '' become
    '"' where they stand before and after a word ("`` Yes ''")."""
    joined = glued(tokens)
    seps: list[str] = []
    for i, tok in enumerate(tokens):
        after_opening = i > 0 and tokens[i - 1][-1:] in OPENING
        seps.append("" if i == 0 or joined[i] or tok in CLOSING or after_opening else " ")
    surfaces = list(tokens)
    for i, tok in enumerate(tokens[:-1]):
        if tok == "``" and seps[i + 1] == " ":
            surfaces[i], seps[i + 1] = '"', ""
    for i, tok in enumerate(tokens):
        if tok == "''" and seps[i] == " ":
            surfaces[i], seps[i] = '"', ""
    return list(zip(seps, surfaces, strict=True))


def detokenize(tokens: Sequence[str]) -> str:
    """One sentence's tokens as printed text (see :func:`pieces`)."""
    return "".join(sep + surface for sep, surface in pieces(tokens))
