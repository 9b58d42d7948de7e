"""Reads our exports with independent readers and compares them with
`incidents list --json`: Python's csv module for the CSV files (BOM included),
openpyxl for the workbook. Exits non-zero with a message on any difference.

usage: check_exports.py LIST_JSON INCIDENTS_CSV EVENTS_CSV XLSX
"""
import csv
import datetime
import json
import sys

import openpyxl

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def fail(message):
    print(f"check_exports: {message}", file=sys.stderr)
    sys.exit(1)


def expect(got, want, where):
    if got != want:
        fail(f"{where}: got {got!r}, want {want!r}")


def as_text(cell):
    """A CSV text cell as our export wrote it, without the neutralising quote."""
    if cell.startswith("'") and cell[1:].startswith(FORMULA_START):
        return cell[1:]
    return cell


def main(list_json, incidents_csv, events_csv, xlsx_path):
    with open(list_json, encoding="utf-8") as f:
        incidents = json.load(f)
    by_id = {i["id"]: i for i in incidents}

    with open(incidents_csv, "rb") as f:
        raw = f.read()
    if not raw.startswith(b"\xef\xbb\xbf"):
        fail("the incidents CSV has no UTF-8 BOM")
    # RFC 4180 records end in CRLF (line breaks inside quoted cells may not).
    if not raw.endswith(b"\r\n") or raw.count(b"\r\n") < len(incidents) + 1:
        fail("records are not CRLF-terminated")

    # utf-8-sig drops the BOM, as Excel does.
    with open(incidents_csv, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    expect(len(rows), len(incidents), "incidents CSV rows")
    for row in rows:
        want = by_id[int(row["id"])]
        for key in ("company", "title", "status"):
            expect(as_text(row[key]), want[key], f"incident {want['id']} {key}")
            if want[key].startswith(FORMULA_START) and not row[key].startswith("'"):
                fail(f"incident {want['id']} {key} is not neutralised: {row[key]!r}")
        for key in ("records_affected", "users_affected"):
            expect(row[key], "" if want[key] is None else str(want[key]), f"incident {want['id']} {key}")
        dates = [e["date"] for e in want["events"]]
        expect(row["first_event"], dates[0] if dates else "", f"incident {want['id']} first_event")
        expect(row["latest_event"], max(dates) if dates else "", f"incident {want['id']} latest_event")
        expect(row["source_urls"].split("\n") if row["source_urls"] else [],
               [s["url"] for s in want["sources"]], f"incident {want['id']} sources")

    with open(events_csv, encoding="utf-8-sig", newline="") as f:
        events = list(csv.DictReader(f))
    want_events = [(i["id"], e) for i in incidents for e in i["events"]]
    got_events = [r for r in events if r["event_kind"]]
    expect(len(got_events), len(want_events), "events CSV rows")
    for row, (iid, e) in zip(got_events, want_events):
        expect(int(row["incident_id"]), iid, "event incident id")
        expect(row["event_date"], e["date"], f"event {e['id']} date")
        expect(row["event_kind"], e["kind"], f"event {e['id']} kind")
        expect(row["regulator"], e["regulator"] or "", f"event {e['id']} regulator")
        if e["amount"] is not None:
            expect(float(row["amount"]), float(e["amount"]), f"event {e['id']} amount")

    book = openpyxl.load_workbook(xlsx_path)
    expect(book.sheetnames, ["Incidents", "Events"], "sheets")
    sheet = book["Incidents"]
    header = [c.value for c in sheet[1]]
    if sheet.freeze_panes != "A2":
        fail(f"header row is not frozen: {sheet.freeze_panes}")
    if not sheet.auto_filter.ref:
        fail("no autofilter on the Incidents sheet")
    if not sheet.cell(1, 1).font.bold:
        fail("header is not bold")
    col = {name: i + 1 for i, name in enumerate(header)}
    expect(sheet.max_row - 1, len(incidents), "Incidents sheet rows")
    for r in range(2, sheet.max_row + 1):
        iid = sheet.cell(r, col["id"]).value
        want = by_id[int(iid)]
        for key in ("company", "title"):
            cell = sheet.cell(r, col[key])
            expect(cell.value, want[key], f"xlsx incident {iid} {key}")
            if cell.data_type != "s":
                fail(f"xlsx incident {iid} {key} is not a text cell ({cell.data_type})")
        for key in ("records_affected", "users_affected"):
            cell = sheet.cell(r, col[key])
            expect(cell.value, want[key], f"xlsx incident {iid} {key}")
            if want[key] is not None and cell.data_type != "n":
                fail(f"xlsx incident {iid} {key} is not a number")
        dates = [e["date"] for e in want["events"]]
        first = sheet.cell(r, col["first_event"]).value
        if dates:
            if len(dates[0]) == 10:
                if not isinstance(first, datetime.datetime):
                    fail(f"xlsx incident {iid} first_event {first!r} is not a date")
                expect(first.date().isoformat(), dates[0], f"xlsx incident {iid} first_event")
            else:
                expect(first, dates[0], f"xlsx incident {iid} first_event (text)")
    events_sheet = book["Events"]
    expect(events_sheet.max_row - 1, len(want_events), "Events sheet rows")
    print(f"check_exports: {len(incidents)} incidents and {len(want_events)} events agree")


if __name__ == "__main__":
    if len(sys.argv) != 5:
        fail(__doc__)
    main(*sys.argv[1:])
