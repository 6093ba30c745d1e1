"""Our privacy-safe extract of the Telegram exports: what the notebooks read instead of the exports.

The raw exports name detainees, so they stay outside the repository (`paths.telegram_dir`).
What the analysis needs from them is committed in `data/telegram/`:

- `messages.csv`: every text message of each export, by channel, id and Minsk posting time,
  with the SHA-256 of its text, and nothing of the text itself;
- `counts.csv`: every count the channel's extractor met, in the pile it was sorted into
  (count, skipped, refused), with the number phrase, the day it refers to, the reason it was
  left out, and, for counts taken from the Interior Ministry's channel only, the verbatim
  sentence that carries the count (never a sentence of Viasna's, whose posts name people).

`write` makes both files from the exports (`python -m belarus2020 extract`); `load` reads them
back as the extractor's piles; `verify` runs the extractor on the exports again and names every
message and count where the committed extract differs. The build and the tests verify wherever
the exports are present, and say once that they could not where they are not.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from collections import Counter
from pathlib import Path

from belarus2020.counts import ministry_counts, telegram, viasna_counts
from belarus2020.counts.telegram_counts import Count, Extraction, Left, read_count_phrase
from belarus2020.data import paths
from belarus2020.data.problems import DataError, Problem



def messages_file() -> Path:
    return paths.DATA / "telegram" / "messages.csv"


def counts_file() -> Path:
    return paths.DATA / "telegram" / "counts.csv"


MESSAGE_COLUMNS = ["channel", "message_id", "posted", "text_sha256"]
COUNT_COLUMNS = ["channel", "message_id", "pile", "measure", "period_start", "period_end", "phrase", "reason",
                 "sentence"]
EXPORTS = {e.channel: e for e in (telegram.PRESSMVD, telegram.VIASNA)}
EXTRACTORS = {telegram.PRESSMVD.channel: ministry_counts.extract, telegram.VIASNA.channel: viasna_counts.extract}
PILES = ("count", "skipped", "refused")


def text_sha256(text: str) -> str:
    """The SHA-256 of a message's text as UTF-8: what ties a committed row to its message."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def rows_from_exports() -> tuple[list[dict], list[dict]]:
    """The rows of messages.csv and counts.csv, made from the exports by the extractors."""
    messages, counts = [], []
    for channel, export in EXPORTS.items():
        read = telegram.read_export(export)
        messages += [{"channel": channel, "message_id": str(m.id), "posted": f"{m.posted:%Y-%m-%dT%H:%M:%S}",
                      "text_sha256": text_sha256(m.text)} for m in read]
        extraction = EXTRACTORS[channel](read)
        counts += [_count_row(c) for c in extraction.counts]
        counts += [_left_row(s, "skipped") for s in extraction.skipped]
        counts += [_left_row(r, "refused") for r in extraction.refused]
    order = {pile: i for i, pile in enumerate(PILES)}
    counts.sort(key=lambda r: (r["channel"], int(r["message_id"]), order[r["pile"]]))  # stable within a message
    return messages, counts


def _count_row(count: Count) -> dict:
    return {"channel": count.channel, "message_id": str(count.message_id), "pile": "count", "measure": count.measure,
            "period_start": count.period_start.isoformat(), "period_end": count.period_end.isoformat(),
            "phrase": count.phrase, "reason": "", "sentence": count.sentence or ""}


def _left_row(left: Left, pile: str) -> dict:
    return {"channel": left.channel, "message_id": str(left.message_id), "pile": pile, "measure": left.measure,
            "period_start": "", "period_end": "", "phrase": left.phrase, "reason": left.reason, "sentence": ""}


def _csv(rows: list[dict], columns: list[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def write() -> list[str]:
    """Write data/telegram/ from the exports; returns the files whose content changed."""
    messages, counts = rows_from_exports()
    messages_file().parent.mkdir(exist_ok=True)
    written = []
    for path, text in ((messages_file(), _csv(messages, MESSAGE_COLUMNS)), (counts_file(), _csv(counts, COUNT_COLUMNS))):
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(paths.relative(path))
    return written


def _read(path: Path, columns: list[str]) -> list[tuple[int, dict]]:
    """The rows of one extract file with their spreadsheet row numbers; a wrong header is refused."""
    name = paths.relative(path)
    with open(paths.record_read(path), newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != columns:
            raise DataError([Problem(name, 1, None, f"the header must be {','.join(columns)}; the extract is written "
                                                    "by `python -m belarus2020 extract`, not by hand")])
        return [(i, row) for i, row in enumerate(reader, start=2)]


def load(channel: str) -> Extraction:
    """The committed extract of one channel, as its extractor's piles; counts read by our parser."""
    export = EXPORTS[channel]
    messages = {row["message_id"]: row for _, row in _read(messages_file(), MESSAGE_COLUMNS) if row["channel"] == channel}
    result = Extraction(channel, messages_read=len(messages))
    problems = []
    for number, row in _read(counts_file(), COUNT_COLUMNS):
        if row["channel"] != channel:
            continue
        where = (paths.relative(counts_file()), number)
        message = messages.get(row["message_id"])
        if message is None:
            problems.append(Problem(*where, "message_id", f"message {row['message_id']} of @{channel} is not in "
                                    f"{paths.relative(messages_file())}: regenerate both with `python -m belarus2020 extract`"))
            continue
        if row["pile"] not in PILES:
            problems.append(Problem(*where, "pile", f"{row['pile']!r} is not one of {', '.join(PILES)}"))
            continue
        if row["pile"] != "count":
            pile = result.skipped if row["pile"] == "skipped" else result.refused
            pile.append(Left(channel, int(row["message_id"]), row["measure"], row["phrase"], row["reason"]))
            continue
        try:
            estimate = read_count_phrase(row["phrase"], export.language)
        except ValueError as error:
            problems.append(Problem(*where, "phrase", f"{row['phrase']!r} cannot be read exactly: {error}"))
            continue
        result.counts.append(Count(
            channel, int(row["message_id"]), dt.datetime.fromisoformat(message["posted"]), row["measure"],
            dt.date.fromisoformat(row["period_start"]), dt.date.fromisoformat(row["period_end"]), row["phrase"],
            estimate, row["sentence"] or None))
    if problems:
        raise DataError(problems)
    return result


def verify() -> list[str]:
    """Every difference between the committed extract and what the extractors read in the exports:
    message by message (id, Minsk time, SHA-256 of the text), then count by count."""
    messages, counts = rows_from_exports()
    fix = "regenerate data/telegram/ with `python -m belarus2020 extract`"
    name = paths.relative(messages_file())
    ours = {(r["channel"], r["message_id"]): r for _, r in _read(messages_file(), MESSAGE_COLUMNS)}
    theirs = {(r["channel"], r["message_id"]): r for r in messages}
    problems = [f"{name}: @{c} message {m} is not in the export; {fix}" for c, m in ours.keys() - theirs.keys()]
    problems += [f"{name}: @{c} message {m} of the export is missing; {fix}" for c, m in theirs.keys() - ours.keys()]
    for c, m in ours.keys() & theirs.keys():
        changed = [col for col in MESSAGE_COLUMNS if ours[c, m][col] != theirs[c, m][col]]
        if changed:
            problems.append(f"{name}: @{c} message {m} differs from the export in {', '.join(changed)}; {fix}")
    name = paths.relative(counts_file())
    committed = Counter(tuple(r.values()) for _, r in _read(counts_file(), COUNT_COLUMNS))
    made = Counter(tuple(r[c] for c in COUNT_COLUMNS) for r in counts)
    problems += [f"{name}: {dict(zip(COUNT_COLUMNS, row))} is not what the extractor reads in the export; {fix}"
                 for row in (committed - made).elements()]
    problems += [f"{name}: the extractor reads {dict(zip(COUNT_COLUMNS, row))}, which the extract lacks; {fix}"
                 for row in (made - committed).elements()]
    return sorted(problems)
