"""The Telegram extraction as ledger numbers: each count as the channel worded it, and the
extraction's tallies (messages read, counts skipped or refused) on the export's source row."""

from __future__ import annotations

import dataclasses

import pandas as pd

from belarus2020.writing import ledger
from belarus2020.counts.telegram_counts import Extraction


def as_reported(row) -> "ledger.Number":
    """A count (a row of `cited`) as the channel worded it: 'at least 213'; one that figures.csv
    does not carry says so in the ledger."""
    number = ledger.estimate(row)
    if pd.isna(row["figure_ids"]):
        number = dataclasses.replace(number, how="read by code from the export, not in figures.csv: listed with "
                                                 "its reason in data/telegram_left_out.csv")
    return number


def summary_numbers(extraction: Extraction, source) -> dict[str, "ledger.Number"]:
    """The extraction's `summary` as ledger numbers on the export's source row (`source`, from
    sources.csv); a tally of counts skipped or refused names their messages in its `how`."""
    def tally(records, how):
        messages = ", ".join(str(m) for m in sorted({r.message_id for r in records}))
        where = f" (@{extraction.channel} messages {messages})" if messages else ""
        return ledger.amount(len(records), source, operation="count", how=how + where)
    regional = [s for s in extraction.skipped if s.reason.startswith("regional")]
    return {
        "messages read": ledger.amount(extraction.messages_read, source, operation="count",
                                       how=f"messages in the export of @{extraction.channel}, all read by code"),
        "regional counts skipped": tally(regional, "counts for a city or region the code skipped"),
        "sub-counts skipped": tally([s for s in extraction.skipped if s not in regional],
                                    "sub-counts inside a nationwide sentence the code skipped"),
        "counts refused": tally(extraction.refused, "counts the code refused, each listed with its reason in "
                                                    "data/telegram_left_out.csv"),
    }
