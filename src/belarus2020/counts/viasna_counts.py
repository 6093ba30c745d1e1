"""Viasna's running counts on its Telegram channel (@viasna96), as far as code can read them honestly.

Viasna counted detainees by name: its posts give the number of detainees whose names it
knew at the time of posting ("Па стане на 12.00 10 жніўня "Вясне" вядома пра як мінімум 300
затрыманых па Беларусі за 9 жніўня"), a floor that grew as lists were completed, and they
publish the lists themselves. So the extractor reads only that one kind of sentence, and
keeps only numbers: message id, posting time, the day counted and the number phrase. It
never keeps a sentence, because the sentences around the counts name detainees.

Rules:
- A count: a sentence that says Viasna knows ("вядома", "вядомы") a number of detainees
  ("N затрыманых", "N прозвішчаў затрыманых"). Other counts in the channel (reports from
  the scene, counts quoted from others, weekly reviews) are not read.
- Scope: nationwide when the sentence says "па Беларусі", "па краіне", "краіны" or "у
  сталіцы і рэгіёнах"; regional (skipped) when it names a place; otherwise refused.
- Day, in Minsk time, from the sentence's own words only: "за 9 жніўня" / "на працягу 9
  жніўня" (that day), "учора" (the day before the post), "сёння" (the post's day). "Па стане
  на ..." is the time of the count, not its day. No such words, or two days: refused.
- Number: read by `telegram_counts.read_count_phrase`, exactly or refused.
"""

from __future__ import annotations

import datetime as dt
import re

from belarus2020.counts import telegram
from belarus2020.counts.telegram_counts import HEDGES, Count, Extraction, Left, hedge_left_behind, read_count_phrase

CHANNEL = telegram.VIASNA.channel
MEASURE = "detained_daily"

_KNOWN = re.compile(r"вядом", re.IGNORECASE)
_COUNT = re.compile(
    rf"(?P<phrase>(?:{HEDGES['be']}\s+)?(?:пра\s+)?(?<![\d.,])(?:\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+|\d+(?:[.,]\d+)?))"
    rf"\s+(?:прозв\w*\s+)?затрыманых(?P<rest>[^,;\d]*)", re.IGNORECASE)
_NATIONWIDE = re.compile(r"па беларусі|па краіне|краіны|у сталіцы і рэгіёнах", re.IGNORECASE)
_PLACE = re.compile(r"мінск|сталіц|рэгіён|гомел|брэст|берас|гродн|віцебск|магілё|горад", re.IGNORECASE)
_DAY = re.compile(rf"(?:за|на працягу) (\d{{1,2}}) ({telegram.MONTH})|(учора)|(сёння)", re.IGNORECASE)


def extract(messages: list[telegram.Message]) -> Extraction:
    """Viasna's nationwide running counts of named detainees, dated; numbers only."""
    result = Extraction(CHANNEL, messages_read=len(messages))
    for message in messages:
        for sentence in telegram.sentences(message.text):
            if _KNOWN.search(sentence) and "затрыманых" in sentence.lower():
                _read_sentence(message, sentence, result)
    return result


def _read_sentence(message: telegram.Message, sentence: str, result: Extraction) -> None:
    found = list(_COUNT.finditer(sentence))
    if not found:
        numbers = "; ".join(telegram.count_numbers(sentence))
        if numbers:
            result.refused.append(Left(CHANNEL, message.id, MEASURE, numbers, "no count of detainees recognised"))
        return
    for match in found:
        phrase = match["phrase"]
        if not _NATIONWIDE.search(sentence):
            place = _PLACE.search(match["rest"]) or _PLACE.search(sentence)
            if place:
                result.skipped.append(Left(CHANNEL, message.id, MEASURE, phrase, "regional: names a place"))
            else:
                result.refused.append(Left(CHANNEL, message.id, MEASURE, phrase, "scope not stated"))
            continue
        hedge = hedge_left_behind(sentence[:match.start("phrase")], telegram.VIASNA.language)
        if hedge:
            result.refused.append(Left(CHANNEL, message.id, MEASURE, phrase, f"{hedge!r} before the number may hedge it"))
            continue
        try:
            day = _day(sentence, message.posted)
            estimate = read_count_phrase(phrase, telegram.VIASNA.language)
        except ValueError as error:
            result.refused.append(Left(CHANNEL, message.id, MEASURE, phrase, str(error)))
            continue
        result.counts.append(Count(CHANNEL, message.id, message.posted, MEASURE, day, day, phrase, estimate, None))


def _day(sentence: str, posted: dt.datetime) -> dt.date:
    days = set()
    for m in _DAY.finditer(sentence):
        if m[1]:
            days.add(telegram.day_in_month(m[1], m[2], posted))
        else:
            days.add(posted.date() - dt.timedelta(days=1) if m[3] else posted.date())
    if len(days) != 1:
        raise ValueError("no words date the count" if not days else "the words name different days")
    return days.pop()
