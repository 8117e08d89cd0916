"""A fast check that a text is English, so other languages are skipped with a reason.

legation's lexicons and model are English; running them over Korean or
French text yields garbage events. Function words are the most reliable and
cheapest signal: English prose has about 40% of them, other Latin-script
languages well under 10%, other scripts none. This needs no model download
and costs microseconds per article.
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_ENGLISH_FUNCTION_WORDS = frozenset(
    """a an the and or but if of to in on at by for with from as into about over after
    before between under against during without within than that this these those it its
    is are was were be been being has have had do does did will would shall should can
    could may might must not no he she they we you i his her their our your him them us
    who which what when where while also said says more most other some such only its
    there here up out so""".split()
)
# Function words of the other Latin-script languages news is most often written in.
_OTHER_FUNCTION_WORDS = {
    "French": set("le la les des du et est une pour sur dans au aux qui ne pas avec par ce cette "
                  "sont été il elle ils son sa ses leur a à de en un que".split()),
    "German": set("der die das und ist nicht mit von zu den dem ein eine auf für im sich des auch "
                  "wird wurde sind hat".split()),
    "Spanish": set("el los las del y en por para con una que es se al su sus lo como pero más fue "
                   "ha sido".split()),
    "Portuguese": set("o os as do da dos das em não com uma que para por se ao seu sua foi é".split()),
    "Italian": set("il di che della per non gli una sono del con si al le la nel è".split()),
    "Dutch": set("de het een van en niet op voor met zijn is dat die te bij".split()),
    "Indonesian": set("yang dan di ke dari untuk dengan ini itu tidak akan pada dalam".split()),
}
_ALL_FUNCTION_WORDS = _ENGLISH_FUNCTION_WORDS.union(*_OTHER_FUNCTION_WORDS.values())
# Scripts whose letters, when they dominate a text, settle that it is not English.
_SCRIPT_NAMES = ("HANGUL", "CJK", "HIRAGANA", "KATAKANA", "CYRILLIC", "ARABIC", "HEBREW",
                 "DEVANAGARI", "THAI", "GREEK", "GEORGIAN", "ARMENIAN", "BENGALI", "TAMIL")


def _script(ch: str) -> str | None:
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return None
    for s in _SCRIPT_NAMES:
        if name.startswith(s):
            return s.title()
    return None


def check_english(text: str, sample: int = 4000, min_words: int = 8) -> str | None:
    """Return None if ``text`` reads as English, else a short reason why not."""
    head = text[:sample]
    letters = [c for c in head if c.isalpha()]
    if not letters:
        return "no letters in the text"
    foreign: dict[str, int] = {}
    for c in letters:
        if ord(c) > 0x24F:
            s = _script(c)
            if s:
                foreign[s] = foreign.get(s, 0) + 1
    if foreign:
        script, n = max(foreign.items(), key=lambda kv: kv[1])
        if n / len(letters) > 0.3:
            return f"not English: mostly {script} script"
    found = _WORD.findall(head)
    if len(found) < min_words:
        return None  # too short to judge; let it through
    # names say nothing of the language and fill wire copy ("North Korean leader Kim Jong Un
    # phoned Mexican President Claudia Sheinbaum"): judge the words that are not capitalised
    # names, function words at the start of a sentence included
    words = [w.lower() for w in found if not w[0].isupper() or w.lower() in _ALL_FUNCTION_WORDS]
    if len(words) < min_words:
        return None
    share = sum(w in _ENGLISH_FUNCTION_WORDS for w in words) / len(words)
    other, other_share = max(
        ((lang, sum(w in fw for w in words) / len(words)) for lang, fw in _OTHER_FUNCTION_WORDS.items()),
        key=lambda x: x[1])
    if other_share > max(share, 0.1):
        return f"not English: looks like {other} ({other_share:.0%} {other} function words)"
    # headline-like English has few function words; long foreign prose has almost none
    if share < (0.12 if len(words) >= 30 else 0.05):
        return f"not English: {share:.0%} English function words"
    return None
