"""The Interior Ministry's daily counts, read by code from its Telegram channel (@pressmvd).

Every morning in Aug-Sep 2020 the ministry posted two nationwide numbers for the day (or
night) before: people detained ("задержаны N") and people placed in custody pending court
("до рассмотрения в суде ... водворены M"). They count different things, and the custody
count is a subset of the same day's detentions, so they are kept as two measures
(`detained_daily`, `custody_daily`) and never added.

The extractor reads every sentence with a passive detention or custody verb and a number
that is not a date, a time or an age, and sorts it into one of three piles, so that nothing
is dropped silently:

- `counts`: a nationwide count, dated and read (the measure, the Minsk day or night it
  refers to, the number phrase read into an interval, and the verbatim sentence);
- `skipped`: a count for a city or region, or a sub-count inside a nationwide sentence
  ("из них в Минске – более 500", "из них 3 студента");
- `refused`: a count whose scope, day or number the words do not settle.

The rules (the codebook's "Counts read from the Telegram exports" restates them):

- Measure: `custody_daily` when the sentence says "до рассмотрения в суде" or "водворен*",
  else `detained_daily`.
- Scope: the sentence, without its sub-counts, names a place (Minsk, the capital, a region,
  a city): regional, skipped. Otherwise nationwide when it or the message before it says
  "по стране", "в стране", "республик*" or the sentence opens with "Всего"; else refused.
- Day, from the words, in Minsk time: (1) the sentence's own date words; else (2) the
  message's first date words (its lead, as "Вчера, 2 сентября, в стране ..."); where both
  are given, they must name the same (first) day. Date words
  are a night ("в ночь с 9 по 10 августа", "с 12 на 13 августа": the night that began on
  the first date), a date ("22 августа"), "вчера" (the Minsk day before the post), and
  "за прошедшие сутки" / "в течение прошедших суток" (the day before, if posted before
  14:00 Minsk; the ministry's daily summaries came out between 10:00 and 13:00). "Вчера"
  with a date must agree with the post's day. Nothing else dates a count: refused.
- Number: read by `telegram_counts.read_count_phrase`, exactly or refused. A count that is
  refused or skipped without a recognised phrase is kept as its bare numbers, never its sentence.
"""

from __future__ import annotations

import datetime as dt
import re

from belarus2020.counts import telegram
from belarus2020.counts.telegram_counts import COUNT_NOUNS, HEDGES, Count, Extraction, Left, hedge_left_behind, read_count_phrase

MEASURES = ("detained_daily", "custody_daily")  # what the extractor reads, and all it reads
RELATIVE_CUTOFF = dt.time(14, 0)  # a "past day" post after this is not the morning summary

_VERB = re.compile(r"(?<![а-яё])(?:задержан[оаы]?|водворен[оаы]?)(?![а-яё])", re.IGNORECASE)
_CUSTODY = re.compile(r"до рассмотрения в суде|водворен", re.IGNORECASE)
_PLACE = re.compile(
    r"минск|столиц|брест|витебск|гомел|гродн|могил|област|район|регион|город|(?<!\d\s)\bг\.|жлобин|пинск|"
    r"баранович|полоцк|бобруйск|молодечн|борисов|солигорск|мозыр|орш[аеи]|жодин|жабинк|лид[аеы]\b",
    re.IGNORECASE)
_NATIONWIDE = re.compile(r"по стране|в стране|стран[аыеу]\b|республик", re.IGNORECASE)
_HEDGE = HEDGES["ru"]
# A number as written, whole ("1 500", "3 тысяч", "двух тысяч", "тысячи") or not ("1,5 тыс.", which
# the reader refuses), never starting inside another number.
_QUANTITY = (r"(?<![\d.,])(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+(?:[.,]\d+)?|[а-яё]+\s+тысяч[аи]?|тысяч[аи]?)"
             r"(?:\s*(?:тысяч[аи]?|тыс\.))?")
_COUNT = re.compile(
    rf"(?P<phrase>(?:{_HEDGE}\s+)?{_QUANTITY}\s+(?:{COUNT_NOUNS['ru']}))(?![а-яё])"
    rf"|водворен[оаы]?\s+(?P<bare>(?:{_HEDGE}\s+)?\d+)(?=\s*[.,;]|\s*$)", re.IGNORECASE)
_SUBCOUNT = re.compile(r"\([^()]*\d[^()]*\)|,?\s*из них\b.*$", re.IGNORECASE)

_NIGHT = re.compile(rf"(?:в ночь )?с (\d{{1,2}}) (?:по|на) (\d{{1,2}}) ({telegram.MONTH})", re.IGNORECASE)
_DATE = re.compile(rf"(?<!накануне )(?<!\d)(\d{{1,2}}) ({telegram.MONTH})", re.IGNORECASE)
_YESTERDAY = re.compile(r"вчера(?:,?\s+(\d{1,2}) (" + telegram.MONTH + "))?", re.IGNORECASE)
_PAST_DAY = re.compile(r"(?:за|в течение) (?:прошедш|истекш)(?:ие|их) сут(?:ки|ок)", re.IGNORECASE)


CHANNEL = telegram.PRESSMVD.channel


def extract(messages: list[telegram.Message]) -> Extraction:
    """Sort every count in the messages into counts, skipped and refused (see the module's rules)."""
    result = Extraction(CHANNEL, messages_read=len(messages))
    for message in messages:
        for sentence in telegram.sentences(message.text):
            _read_sentence(message, sentence, result)
    return result


def _numbers(text: str) -> str:
    """The numbers in `text` that could be counts, as '6; 14' (empty when there are none)."""
    return "; ".join(telegram.count_numbers(text))


def _read_sentence(message: telegram.Message, sentence: str, result: Extraction) -> None:
    if not _VERB.search(sentence) or not _numbers(sentence):
        return
    measure = "custody_daily" if _CUSTODY.search(sentence) else "detained_daily"
    main = sentence
    for sub in _SUBCOUNT.finditer(sentence):
        if _numbers(sub.group()):
            words = sub.group().strip(" ,.()")
            kind = "regional sub-count" if _PLACE.search(words) else "sub-count of a group"
            result.skipped.append(Left(CHANNEL, message.id, measure, words, f"{kind} inside a nationwide sentence"))
            main = main.replace(sub.group(), " ")
    matches = list(_COUNT.finditer(main))
    found = [m["phrase"] or m["bare"] for m in matches]
    place = _PLACE.search(main)
    if place:
        words = found[0] if len(found) == 1 else _numbers(main)
        result.skipped.append(Left(CHANNEL, message.id, measure, words, f"regional: names a place ({place.group()!r})"))
        return
    if len(found) != 1:
        why = "no count of people recognised" if not found else "more than one count in the sentence"
        result.refused.append(Left(CHANNEL, message.id, measure, _numbers(main), why))
        return
    phrase = found[0]
    hedge = hedge_left_behind(main[:matches[0].start("phrase" if matches[0]["phrase"] else "bare")], "ru")
    if hedge:
        result.refused.append(Left(CHANNEL, message.id, measure, phrase, f"{hedge!r} before the number may hedge it"))
        return
    before = message.text[:message.text.find(sentence)]
    if not (_NATIONWIDE.search(main) or re.match(r"\W*всего\b", main, re.IGNORECASE)
            or _NATIONWIDE.search(before)):
        result.refused.append(Left(CHANNEL, message.id, measure, phrase, "scope not stated"))
        return
    try:
        own, lead = _period(sentence, message), _period(message.text, message, lead=True)
        if not (own or lead):
            raise ValueError("no words date the count")
        if own and lead and own[0] != lead[0]:
            raise ValueError("the sentence's day differs from the message's lead")
        start, end = own or lead
        estimate = read_count_phrase(phrase, telegram.PRESSMVD.language)
    except ValueError as error:
        result.refused.append(Left(CHANNEL, message.id, measure, phrase, str(error)))
        return
    result.counts.append(Count(CHANNEL, message.id, message.posted, measure, start, end, phrase, estimate, sentence))


def _period(text: str, message: telegram.Message, lead: bool = False) -> tuple[dt.date, dt.date] | None:
    """The day or night the date words of `text` name, None when there are none.

    In a sentence, all its date words must name the same day or night; in a message's lead
    (lead=True), its first date words count. Words that cannot date a count (a range of
    days, a "past day" in an afternoon post, "вчера" with another day's date) raise
    ValueError when they are the ones that count.
    """
    posted_day = message.posted.date()
    yesterday = posted_day - dt.timedelta(days=1)
    found: list[tuple[int, tuple[dt.date, dt.date] | str]] = []
    for m in _NIGHT.finditer(text):
        first = telegram.day_in_month(m[1], m[3], message.posted)
        following = first + dt.timedelta(days=1)
        found.append((m.start(), (first, following) if int(m[2]) == following.day
                      else f"{m.group()!r} is a range of days, not a night"))
    text = _NIGHT.sub(lambda m: " " * len(m.group()), text)
    for m in _YESTERDAY.finditer(text):
        named = m[1] and telegram.day_in_month(m[1], m[2], message.posted)
        found.append((m.start(), (yesterday, yesterday) if not named or named == yesterday
                      else f"{m.group()!r} is not the day before the post ({posted_day:%d %b})"))
    text = _YESTERDAY.sub(lambda m: " " * len(m.group()), text)
    for m in _DATE.finditer(text):
        day = telegram.day_in_month(m[1], m[2], message.posted)
        found.append((m.start(), (day, day)))
    for m in _PAST_DAY.finditer(text):
        found.append((m.start(), (yesterday, yesterday) if message.posted.time() < RELATIVE_CUTOFF
                      else f"{m.group()!r} in a post of {message.posted:%H:%M}, after the morning summary"))
    if not found:
        return None
    periods = [found_at[1] for found_at in sorted(found, key=lambda f: f[0])]
    if lead:
        periods = periods[:1]
    for period in periods:
        if isinstance(period, str):
            raise ValueError(period)
    if len(set(periods)) > 1:
        raise ValueError("the sentence's date words name different days")
    return periods[0]
