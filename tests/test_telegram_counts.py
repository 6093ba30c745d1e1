"""Counts read by code from the Telegram exports: our committed extract (data/telegram/) is what
the extractors read in the exports, message by message, wherever the exports are here; the
ministry's counts square with the curated figures; nothing of Viasna's carries a name; and the
extractors' rules (day, measure, scope, number) hold on small made-up messages."""

import dataclasses
import datetime as dt
import hashlib
import json
import re

import pytest

from belarus2020.writing import telegram_numbers
from belarus2020.counts import ministry_counts, telegram, telegram_counts, telegram_extract, viasna_counts
from belarus2020.data.problems import DataError
from belarus2020.data import datasets, paths
from belarus2020.counts.telegram import Message

MEASURES = ministry_counts.MEASURES


# --- our extract, and the real exports where they are here ------------------------------------

@pytest.fixture(scope="module")
def pressmvd():
    return telegram_extract.load(telegram.PRESSMVD.channel)


@pytest.fixture(scope="module")
def viasna():
    return telegram_extract.load(telegram.VIASNA.channel)


def test_the_extract_is_what_the_extractors_read_in_the_exports(telegram_exports):
    problems = telegram_extract.verify()
    assert not problems, "\n".join(problems)


def test_the_extract_lists_every_message_it_read(pressmvd, viasna):
    assert pressmvd.messages_read > len({c.message_id for c in pressmvd.counts}) > 0
    assert viasna.messages_read > len({c.message_id for c in viasna.counts}) > 0


@pytest.fixture(scope="module")
def curation():
    return datasets.load_figures(), datasets.load_sources(), datasets.load_telegram_left_out()


@pytest.mark.parametrize("export", [telegram.PRESSMVD, telegram.VIASNA], ids=lambda e: e.channel)
def test_recorded_hash_is_the_one_the_copy_came_with(export, telegram_exports):
    sums = (paths.telegram_dir() / "SHA256SUMS").read_text(encoding="utf-8").split()
    assert sums[sums.index(export.file) - 1] == export.sha256


@pytest.mark.parametrize("export", [telegram.PRESSMVD, telegram.VIASNA], ids=lambda e: e.channel)
def test_each_export_is_a_source_row(export, curation):
    _, sources, _ = curation
    assert (sources["url"] == export.url).sum() == 1


def test_ministry_counts_square_with_the_curated_figures(pressmvd, curation):
    figures, sources, left_out = curation
    curated = telegram_counts.curated(figures, sources, telegram.PRESSMVD.url, MEASURES)
    assert len(curated) > 0 and len(pressmvd.counts) > 0
    problems = telegram_counts.review(pressmvd, curated, left_out, exhaustive=True)
    assert not problems, "\n".join(problems)


def test_viasna_counts_square_with_the_curated_figures(viasna, curation):
    figures, sources, left_out = curation
    curated = telegram_counts.curated(figures, sources, telegram.VIASNA.url, MEASURES)
    problems = telegram_counts.review(viasna, curated, left_out, exhaustive=False)
    assert not problems, "\n".join(problems)


def test_curated_ministry_excerpts_stand_in_their_messages(curation, telegram_exports):
    figures, sources, _ = curation
    texts = {m.id: m.text for m in telegram.read_export(telegram.PRESSMVD)}
    rows = figures[figures["source_id"].isin(sources.loc[sources["url"] == telegram.PRESSMVD.url, "source_id"])]
    assert len(rows) > 0
    for row in rows.itertuples():
        message = int(re.fullmatch(r"@pressmvd message (\d+)", row.locator)[1])
        assert row.excerpt in texts[message], row.figure_id


NAME_PAIR = re.compile(r"\b[А-ЯЁІЎ][а-яёіў'’]+\s+[А-ЯЁІЎ][а-яёіў'’]+")


def _strings(record) -> list[str]:
    return [v for v in dataclasses.asdict(record).values() if isinstance(v, str)]


def test_the_name_detector_sees_a_name():
    assert NAME_PAIR.search("Сярод іх: Арлоў Аляксей, затрыманы 29 жніўня")


def test_no_row_of_the_extract_carries_a_name():
    with open(telegram_extract.counts_file(), encoding="utf-8") as f:
        text = f.read()
    for line in text.splitlines()[1:]:
        assert not NAME_PAIR.search(line), line
    with open(telegram_extract.messages_file(), encoding="utf-8") as f:
        assert f.readline().strip() == ",".join(telegram_extract.MESSAGE_COLUMNS)  # ids, times and hashes: no text


def test_nothing_read_from_viasna_carries_a_name_or_a_sentence(viasna):
    records = viasna.counts + viasna.skipped + viasna.refused
    assert len(viasna.counts) > 0 and len(records) > len(viasna.counts)
    for record in records:
        assert getattr(record, "sentence", None) is None
        for text in _strings(record):
            assert not NAME_PAIR.search(text), record
        assert re.fullmatch(r"[^\d]{0,20}[\d\ufe0f\u20e3 ;]+", record.phrase), record


# --- the exports are the copies the project was checked against ------------------------------

def _export(tmp_path, monkeypatch, messages):
    """A made-up export in a scratch shared folder, and its Export record."""
    monkeypatch.setenv(paths.SHARED_ENV, str(tmp_path))
    folder = tmp_path / "sources" / "telegram"
    folder.mkdir(parents=True)
    content = json.dumps({"name": "test", "type": "public_channel", "id": 1, "messages": messages},
                         ensure_ascii=False).encode("utf-8")
    (folder / "test.json").write_bytes(content)
    return telegram.Export("test", "test.json", hashlib.sha256(content).hexdigest(), "ru")


@pytest.fixture
def made_up_extract(tmp_path, monkeypatch):
    """A made-up @pressmvd export in a scratch shared folder, our extract written from it into a
    scratch data/, and the extract module pointed at both."""
    posts = [{"id": 7, "type": "message", "date": "2020-09-06T03:34:28",
              "text": "Всего вчера в республике задержаны 633 человека. Из них в Минске – 500 человек."},
             {"id": 8, "type": "message", "date": "2020-09-06T05:00:00", "text": "Пресс-служба на связи."}]
    export = _export(tmp_path / "shared", monkeypatch, posts)
    export = dataclasses.replace(export, channel="pressmvd")
    monkeypatch.setattr(telegram_extract, "EXPORTS", {"pressmvd": export})
    monkeypatch.setattr(paths, "DATA", tmp_path / "data")
    monkeypatch.setattr(paths, "ROOT", tmp_path)
    (tmp_path / "data").mkdir()
    assert telegram_extract.write() == ["data/telegram/messages.csv", "data/telegram/counts.csv"]
    return tmp_path / "data" / "telegram"


def test_the_extract_reads_back_as_the_extractor_sorted_it(made_up_extract):
    loaded = telegram_extract.load("pressmvd")
    assert loaded.messages_read == 2
    assert [(c.message_id, c.phrase, c.estimate.low, c.period_start) for c in loaded.counts] == [
        (7, "633 человека", 633, dt.date(2020, 9, 5))]
    assert loaded.counts[0].sentence.startswith("Всего вчера в республике задержаны 633")
    assert telegram_extract.verify() == []
    assert telegram_extract.write() == []  # unchanged exports write nothing


def test_a_message_whose_text_changed_is_named(made_up_extract):
    messages = made_up_extract / "messages.csv"
    text = messages.read_text(encoding="utf-8")
    digest = telegram_extract.text_sha256("Пресс-служба на связи.")
    messages.write_text(text.replace(digest, "0" * 64), encoding="utf-8")
    problems = telegram_extract.verify()
    assert len(problems) == 1 and "@pressmvd message 8 differs from the export in text_sha256" in problems[0]


def test_a_count_edited_by_hand_is_named(made_up_extract):
    counts = made_up_extract / "counts.csv"
    counts.write_text(counts.read_text(encoding="utf-8").replace("633 человека,", "634 человека,", 1), encoding="utf-8")
    problems = telegram_extract.verify()
    assert len(problems) == 2  # the row the exports do not give, and the row they give that is missing
    assert any("'634 человека'" in p and "not what the extractor reads" in p for p in problems)
    assert any("'633 человека'" in p and "which the extract lacks" in p for p in problems)


def test_a_broken_extract_row_is_refused_with_file_row_and_column(made_up_extract):
    counts = made_up_extract / "counts.csv"
    counts.write_text(counts.read_text(encoding="utf-8").replace(",count,", ",counted,", 1), encoding="utf-8")
    with pytest.raises(DataError) as error:
        telegram_extract.load("pressmvd")
    assert "data/telegram/counts.csv, row 2, column 'pile': 'counted' is not one of count, skipped, refused" in str(error.value)


def test_the_exports_are_kept_only_with_their_recorded_hash(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.SHARED_ENV, str(tmp_path / "shared"))
    served = tmp_path / "served"
    served.mkdir()
    for export in telegram.EXPORTS:
        (served / export.file).write_bytes(b"{}")
    with pytest.raises(telegram.ExportError, match="nothing was written"):
        telegram.download(served.as_uri())
    assert not telegram.exports_present()


def test_missing_export_says_where_to_get_it(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.SHARED_ENV, str(tmp_path))
    with pytest.raises(telegram.ExportError) as error:
        telegram.read_export(telegram.PRESSMVD)
    assert "../shared/sources/telegram/pressmvd.json is missing" in str(error.value)
    assert telegram.REPOSITORY in str(error.value) and telegram.COMMIT in str(error.value)


def test_altered_export_is_refused(tmp_path, monkeypatch, telegram_exports):
    original = telegram.export_path(telegram.PRESSMVD).read_bytes()
    monkeypatch.setenv(paths.SHARED_ENV, str(tmp_path))
    (tmp_path / "sources" / "telegram").mkdir(parents=True)
    telegram.export_path(telegram.PRESSMVD).write_bytes(original.replace(b"633", b"634", 1))
    with pytest.raises(telegram.ExportError, match=r"has SHA-256 [0-9a-f]{64}, not the fd5578"):
        telegram.read_export(telegram.PRESSMVD)


def test_a_shared_file_keeps_its_project_name_wherever_the_folder_is(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.SHARED_ENV, str(tmp_path))
    file = tmp_path / "sources" / "telegram" / "pressmvd.json"
    assert paths.relative(file) == "../shared/sources/telegram/pressmvd.json"
    assert paths.from_relative("../shared/sources/telegram/pressmvd.json") == file
    assert paths.relative(paths.DATA / "measures.csv") == "data/measures.csv"
    with pytest.raises(ValueError, match="neither in the project nor in the shared folder"):
        paths.relative(tmp_path.parent / "elsewhere.json")


def test_string_and_entity_texts_read_alike_in_minsk_time(tmp_path, monkeypatch):
    words = "Вчера, 5 сентября, в стране прошли акции. Всего вчера задержан 91 человек."
    export = _export(tmp_path, monkeypatch, [
        {"id": 1, "type": "message", "date": "2020-09-06T03:34:28", "text": words},
        {"id": 2, "type": "message", "date": "2020-09-06T03:34:28",
         "text": [{"type": "hashtag", "text": "Вчера"}, ", 5 сентября, в стране прошли акции. ",
                  {"type": "bold", "text": "Всего вчера задержан 91 человек."}]},
        {"id": 3, "type": "service", "date": "2020-09-06T03:34:28", "text": ""},
    ])
    messages = telegram.read_export(export)
    assert [m.text for m in messages] == [words, words]
    assert messages[0].posted == dt.datetime(2020, 9, 6, 10, 34, 28)
    counts = ministry_counts.extract(messages).counts
    assert [(c.message_id, c.period_start, c.estimate.low) for c in counts] == [
        (1, dt.date(2020, 9, 5), 91), (2, dt.date(2020, 9, 5), 91)]


# --- the ministry's rules, on made-up messages -----------------------------------------------

def post(text, minsk="2020-09-07 10:35", id=100):
    return Message(id, dt.datetime.fromisoformat(minsk), text)


def one(text, **kw):
    return ministry_counts.extract([post(text, **kw)])


def test_yesterday_is_the_minsk_day_before_the_post():
    # the export says 2020-09-06T21:30 (UTC-4): in Minsk it is already 7 Sep, so "вчера" is 6 Sep
    message = Message(100, telegram.minsk_time("2020-09-06T21:30:00"), "Всего вчера по стране задержаны 633 человека.")
    count, = ministry_counts.extract([message]).counts
    assert (count.period_start, count.period_end) == (dt.date(2020, 9, 6), dt.date(2020, 9, 6))


def test_a_night_runs_from_its_evening_to_the_next_morning():
    result = one("В ночь с 9 по 10 августа в стране прошли акции.\n\nВсего по стране было задержано около 3 тысяч "
                 "человек.", minsk="2020-08-10 11:57")
    count, = result.counts
    assert (count.period_start, count.period_end) == (dt.date(2020, 8, 9), dt.date(2020, 8, 10))
    assert (count.phrase, count.estimate.low, count.estimate.high) == ("около 3 тысяч человек", 2500, 3500)


def test_a_date_in_the_sentence_is_the_day_whenever_it_was_posted():
    count, = one("В стране прошли акции. Всего 21 августа задержано 26 граждан.", minsk="2020-08-23 13:08").counts
    assert count.period_start == dt.date(2020, 8, 21)


def test_past_day_in_an_afternoon_post_is_refused():
    result = one("За прошедшие сутки по стране задержано 150 граждан.", minsk="2020-09-27 18:30")
    assert not result.counts
    assert result.refused[0].message_id == 100 and "after the morning summary" in result.refused[0].reason


def test_yesterday_with_another_day_is_refused():
    result = one("Вчера, 3 сентября, в стране прошли акции. Всего вчера задержано 26 граждан.", minsk="2020-09-07 10:00")
    assert not result.counts and "not the day before the post" in result.refused[0].reason


def test_a_sentence_dated_apart_from_its_lead_is_refused():
    result = one("Вчера, 6 сентября, в стране прошли акции. Всего 2 сентября задержано 26 граждан.")
    assert not result.counts and "differs from the message's lead" in result.refused[0].reason


def test_a_count_without_date_words_is_refused():
    result = one("В стране прошли акции. За нарушение законодательства задержано 26 граждан.")
    assert not result.counts and result.refused[0].reason == "no words date the count"


def test_custody_and_detained_are_two_measures():
    result = one("Вчера, 6 сентября, в стране прошли акции. 📌Всего вчера задержаны 633 человека. До рассмотрения в "
                 "суде дел по административным правонарушениям в места содержания задержанных водворены 363 человека.")
    assert [(c.measure, c.estimate.low) for c in result.counts] == [("detained_daily", 633), ("custody_daily", 363)]


def test_detained_pending_court_is_custody():
    count, = one("📌Всего за прошедшие сутки по стране задержано свыше 350 человек до рассмотрения в суде дел по "
                 "административным правонарушениям.", minsk="2020-09-28 12:45").counts
    assert (count.measure, count.period_start) == ("custody_daily", dt.date(2020, 9, 27))
    assert (count.estimate.low, count.estimate.high, count.estimate.kind) == (351, None, "lower_bound")


def test_custody_number_without_a_noun():
    count, = one("Вчера, 26 сентября, в стране прошли акции. До рассмотрения в суде в места содержания задержанных "
                 "водворены 116.", minsk="2020-09-27 11:29").counts
    assert (count.measure, count.phrase, count.estimate.low) == ("custody_daily", "116", 116)


def test_regional_counts_are_skipped_and_counted():
    result = one("Вчера, 6 сентября, в стране прошли акции. В Витебске задержано более 10 человек. Всего вчера "
                 "задержано 774 гражданина (из них в Минске – более 500), из них 3 студента.")
    count, = result.counts
    assert count.estimate.low == 774
    assert sorted(s.phrase for s in result.skipped) == ["более 10 человек", "из них 3 студента",
                                                         "из них в Минске – более 500"]
    assert result.summary()["regional counts skipped"] == 2 and result.summary()["sub-counts skipped"] == 1


def test_abbreviated_town_does_not_end_the_sentence():
    count, = one("Вчера, 12 сентября, в стране прошли акции. Всего задержано 114 граждан (из них в г. Минске - 99). "
                 "Водворены 87 человек до рассмотрения в суде.", minsk="2020-09-13 11:38").counts[:1]
    assert count.sentence == "Всего задержано 114 граждан (из них в г. Минске - 99)."


def test_unreadable_number_is_refused_with_its_message():
    result = one("Вчера, 6 сентября, в стране прошли акции. Всего вчера задержано 1,500 человек.", id=4242)
    assert not result.counts  # in Russian a comma before three digits may be a decimal comma: ambiguous
    refused, = result.refused
    assert (refused.message_id, refused.phrase) == (4242, "1,500 человек")
    assert "ambiguous" in refused.reason


def test_a_decimal_comma_with_a_multiplier_reads_exactly():
    result = one("Вчера, 6 сентября, в стране прошли акции. Всего вчера задержано 1,5 тысячи человек.", id=4243)
    assert [(c.estimate.low, c.estimate.high) for c in result.counts] == [(1500, 1500)]


def test_an_unknown_hedge_is_never_dropped():
    result = one("Вчера, 6 сентября, в стране прошли акции. Всего вчера задержано приблизительно 250 человек.")
    assert not result.counts and "'приблизительно' before the number" in result.refused[0].reason


def test_a_count_without_scope_is_refused():
    result = one("Вчера, 6 сентября, прошли акции. За нарушение законодательства задержано 24 гражданина.")
    assert not result.counts and result.refused[0].reason == "scope not stated"


def test_a_year_abbreviated_is_not_a_town():
    count, = one("В ночь с 9 по 10 августа 2020 г. по стране задержано около 3 тысяч человек.",
                 minsk="2020-08-10 11:57").counts
    assert count.estimate.low == 2500


def test_ages_dates_and_active_verbs_are_not_counts():
    result = one("Вчера, 6 сентября, в стране задержан 23-летний житель. Сотрудники задержали 5 человек. "
                 "Задержан участник беспорядков 9 и 10 августа в Жлобине.")
    assert not (result.counts or result.skipped or result.refused)


# --- Viasna's rules --------------------------------------------------------------------------

def test_viasna_count_keeps_numbers_and_the_day_only():
    text = ("Па стане на 12.00 10 жніўня \"Вясне\" вядома пра як мінімум 300 затрыманых па Беларусі за 9 жніўня.\n"
            "Сярод іх:\nАрлоў Аляксей\nТаболіч Ігар")
    result = viasna_counts.extract([Message(7, dt.datetime(2020, 8, 10, 11, 59), text)])
    count, = result.counts
    assert (count.phrase, count.period_start, count.sentence) == ("як мінімум 300", dt.date(2020, 8, 9), None)
    assert (count.estimate.low, count.estimate.high) == (300, None)


def test_viasna_count_of_one_city_is_skipped_and_undated_one_refused():
    text = ("Вядомы прозвішчы больш чым 130 затрыманых у Мінску за 9 жніўня. "
            "Па стане на 15.40 нам вядомы прозвшчы больш чым 460 затрыманых па Беларусі.")
    result = viasna_counts.extract([Message(8, dt.datetime(2020, 8, 10, 15, 53), text)])
    assert not result.counts
    assert [s.phrase for s in result.skipped] == ["больш чым 130"]
    assert [(r.phrase, r.reason) for r in result.refused] == [("больш чым 460", "no words date the count")]


# --- reading a phrase ------------------------------------------------------------------------

@pytest.mark.parametrize("phrase, language, low, high", [
    ("около 3 тысяч человек", "ru", 2500, 3500),
    ("более двух тысяч человек", "ru", 2001, None),
    ("более тысячи человек", "ru", 1001, None),
    ("свыше 350 человек", "ru", 351, None),
    ("1 500 человек", "ru", 1500, 1500),
    ("як мінімум 213", "be", 213, None),
    ("больш за 300", "be", 301, None),
])
def test_count_phrases_read_in_their_language_with_the_hedge(phrase, language, low, high):
    estimate = telegram_counts.read_count_phrase(phrase, language)
    assert (estimate.low, estimate.high) == (low, high)


@pytest.mark.parametrize("phrase", ["1,500 человек", "десятки человек", "1️⃣2️⃣0️⃣", "как минимум пра 11"])
def test_count_phrases_that_cannot_be_read_exactly_are_refused(phrase):
    with pytest.raises(ValueError):
        telegram_counts.read_count_phrase(phrase, "ru")


def test_review_names_what_does_not_square(pressmvd, curation):
    figures, sources, left_out = curation
    curated = telegram_counts.curated(figures, sources, telegram.PRESSMVD.url, MEASURES)
    row = curated.iloc[0]
    other = {"detained_daily": "custody_daily", "custody_daily": "detained_daily"}[row["measure"]]
    relabelled = curated.copy()
    relabelled.loc[relabelled["figure_id"] == row["figure_id"], "measure"] = other
    problems = telegram_counts.review(pressmvd, relabelled, left_out)
    assert any(p.startswith(row["figure_id"] + " ") for p in problems)
    assert any(p.startswith(row["locator"] + ": " + row["measure"]) for p in problems)
    stale = left_out.copy()
    stale.loc[len(stale) + 2] = ["pressmvd", "9999", "detained_daily", "5 человек", "made up"]
    assert any("9999" in p for p in telegram_counts.review(pressmvd, curated, stale))


def test_a_count_figures_csv_does_not_carry_stands_on_its_source_and_says_so(viasna, curation):
    figures, sources, _ = curation
    source = sources[sources["url"] == telegram.VIASNA.url].iloc[0]
    rows = telegram_counts.cited(telegram_counts.with_figure_ids(viasna, figures), source["source_id"])
    curated, left = rows[rows["figure_ids"].notna()], rows[rows["figure_ids"].isna()]
    assert len(curated) and len(left)
    assert telegram_numbers.as_reported(curated.iloc[0]).ids == (("figures", curated.iloc[0]["figure_ids"]),)
    uncarried = telegram_numbers.as_reported(left.iloc[0])
    assert uncarried.ids == (("sources", source["source_id"]),) and "not in figures.csv" in uncarried.how
    tally = telegram_numbers.summary_numbers(viasna, source)
    assert tally["counts refused"].value == str(len(viasna.refused))
    assert str(viasna.refused[0].message_id) in tally["counts refused"].how
