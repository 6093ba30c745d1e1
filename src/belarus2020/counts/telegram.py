"""Reading the Telegram channel exports: checked copies, Minsk time, sentences, dates in words.

The exports (@pressmvd, the Interior Ministry's press secretary; @viasna96, Human Rights
Centre Viasna) are byte-for-byte copies of files in a public repository, kept outside the
project in the shared folder (see `paths.telegram_dir` and the exports' PROVENANCE.md). Each
copy is checked against the SHA-256 recorded here before anything is read from it, so a
count always comes from the text that was reviewed. The export's clock is UTC-4: Minsk
(UTC+3) is the export's `date` plus seven hours, and every calendar day is assigned in
Minsk time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from belarus2020.data import paths

REPOSITORY = "https://github.com/katrinakeegan/belarus-protests"
COMMIT = "eb9a6d19c534d381372649336cd3dbc2d43c624a"
MINSK_OFFSET = dt.timedelta(hours=7)  # the export's `date` is UTC-4; Minsk is UTC+3


@dataclass(frozen=True)
class Export:
    """One channel's export: the file name we read and the copy it must be."""

    channel: str  # as in a figure's locator: "@pressmvd message 2047"
    file: str
    sha256: str
    language: str  # ISO 639-1 code of most posts

    @property
    def url(self) -> str:
        """The file in the repository at the commit it was copied from (sources.csv `url`)."""
        return f"{REPOSITORY}/blob/{COMMIT}/raw_data_json/{self.file}"


PRESSMVD = Export("pressmvd", "pressmvd.json",
                  "fd5578199a3b0b8fb8f5f2088e5b74113f066a3f7f3c1afbcebdd2a39cc3c318", "ru")
VIASNA = Export("viasna96", "viasna96.json",
                "93cc817aae3dd96a96b1293d6869306624d94729b4b139ebadb07c3b81016455", "be")


EXPORTS = (PRESSMVD, VIASNA)
RAW_URL = f"https://raw.githubusercontent.com/katrinakeegan/belarus-protests/{COMMIT}/raw_data_json"
HOW_TO_GET = (f"put the exports in {paths.SHARED_NAME}/sources/telegram/ (or set {paths.SHARED_ENV} to a folder "
              "holding sources/telegram/), or run `make sources`, which downloads them at the pinned commit")


def exports_present() -> bool:
    return all(export_path(e).is_file() for e in EXPORTS)


def download(base_url: str = RAW_URL) -> list[str]:
    """Fetch each export from the public repository at the pinned commit into the shared folder,
    keeping a file only if its SHA-256 is the one recorded here. Returns the files written."""
    import urllib.request

    written = []
    for export in EXPORTS:
        path = export_path(export)
        if path.is_file() and hashlib.sha256(path.read_bytes()).hexdigest() == export.sha256:
            continue
        with urllib.request.urlopen(f"{base_url}/{export.file}", timeout=60) as response:
            content = response.read()
        digest = hashlib.sha256(content).hexdigest()
        if digest != export.sha256:
            raise ExportError(f"{base_url}/{export.file} has SHA-256 {digest}, not the recorded {export.sha256}: "
                              "nothing was written")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        written.append(paths.relative(path))
    return written


class ExportError(RuntimeError):
    """An export is missing or is not the copy the project was checked against."""


@dataclass(frozen=True)
class Message:
    id: int
    posted: dt.datetime  # Minsk time
    text: str


def export_path(export: Export) -> Path:
    """Where the raw export is expected, in the shared folder."""
    return paths.telegram_dir() / export.file


def read_export(export: Export) -> list[Message]:
    """The channel's text messages, in export order, after checking the file's SHA-256."""
    path = export_path(export)
    name = paths.relative(path)
    where = (f"get raw_data_json/{export.file} from {REPOSITORY} at commit {COMMIT} and put it at "
             f"{name} (or set {paths.SHARED_ENV} to a folder holding sources/telegram/{export.file})")
    if not path.is_file():
        raise ExportError(f"{name} is missing: {where}")
    content = paths.record_read(path).read_bytes()
    digest = hashlib.sha256(content).hexdigest()
    if digest != export.sha256:
        raise ExportError(f"{name} has SHA-256 {digest}, not the {export.sha256} of the copy the "
                          f"project was checked against: {where}")
    document = json.loads(content)
    return [Message(m["id"], minsk_time(m["date"]), text_of(m["text"]))
            for m in document["messages"] if m.get("type") == "message"]


def minsk_time(date: str) -> dt.datetime:
    """The export's timestamp ('2020-08-10T04:57:47', UTC-4) as Minsk time."""
    return dt.datetime.fromisoformat(date) + MINSK_OFFSET


def text_of(text: str | list) -> str:
    """A message's text: the export gives a string, or a list of strings and entities ({'text': ...})."""
    if isinstance(text, str):
        return text
    return "".join(part if isinstance(part, str) else part["text"] for part in text)


# A full stop after one of these, or after a single capital (an initial), does not end a sentence.
_ABBREVIATIONS = {"г", "гг", "ул", "пл", "пр", "пр-т", "им", "обл", "тыс", "млн", "руб", "ст", "ч",
                  "арт", "д", "вул", "р-н", "в", "кв"}
_SENTENCE_END = re.compile(r"[.!?…]+(?=\s)")


def sentences(text: str) -> list[str]:
    """The text's sentences, stripped, each one a verbatim slice of the text.

    Lines always end a sentence; a full stop ends one unless it closes an abbreviation such
    as "г." (город) or an initial ("Я. Коласа").
    """
    found = []
    for line in text.splitlines():
        start = 0
        for end in _SENTENCE_END.finditer(line):
            word = re.search(r"([\w-]+)$", line[start:end.start()])
            if end.group() == "." and word and (word[1].lower() in _ABBREVIATIONS
                                                  or (len(word[1]) == 1 and word[1].isupper())):
                continue
            found.append(line[start:end.end()].strip())
            start = end.end()
        found.append(line[start:].strip())
    return [s for s in found if s]


MONTHS = {
    **{name: n for n, name in enumerate(
        ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
         "октября", "ноября", "декабря"], 1)},
    **{name: n for n, name in enumerate(
        ["студзеня", "лютага", "сакавіка", "красавіка", "траўня", "чэрвеня", "ліпеня", "жніўня",
         "верасня", "кастрычніка", "лістапада", "снежня"], 1)},
}
MONTH = "(?:" + "|".join(MONTHS) + ")"
# "9 и 10 августа", "9-13 августа", "28, 29 і 30 жніўня": dates, never counts
DATES = re.compile(rf"\b\d{{1,2}}(?:\s*(?:-|–|—|,|и|і|по)\s*\d{{1,2}})*\s+{MONTH}\b", re.IGNORECASE)
# Nor are ages ("23-летний", "21-гадовага"), ordinals ("11-ого"), times ("22.00", "16:30"), numbers ("№49").
_NOT_COUNTS = re.compile(r"\d+\s*-\s*[^\W\d_]+|\d{1,2}[.:]\d{2}|№\s*\d+")
_NUMBERS = re.compile(r"\d[\d\ufe0f\u20e3]*|тысяч", re.IGNORECASE)


def count_numbers(text: str) -> list[str]:
    """The numbers in `text` that could be counts ('6', '1️⃣2️⃣0️⃣', 'тысяч'): not dates, times, ages or ordinals."""
    return _NUMBERS.findall(_NOT_COUNTS.sub(" ", DATES.sub(" ", text)))


def day_in_month(day: str, month: str, posted: dt.datetime) -> dt.date:
    """'28', 'августа' in a post of 29 Aug 2020 -> 2020-08-28 (the year is the post's)."""
    return dt.date(posted.year, MONTHS[month.lower()], int(day))
