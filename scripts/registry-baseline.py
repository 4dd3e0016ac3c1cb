#!/usr/bin/env python3
"""The obvious alternative to `registry import`: Python's csv module into sqlite3, journal and
sync off, then an index. The benchmark runs it beside ours on the same file."""
import csv
import sqlite3
import sys

database, files = sys.argv[1], sys.argv[2:]
db = sqlite3.connect(database)
db.execute("PRAGMA journal_mode = OFF")
db.execute("PRAGMA synchronous = OFF")
columns = ("seq", "number", "process", "correct", "kind", "country", "latest", "registration_date", "update_date",
           "disposal_date", "expire_date", "address", "address_pref", "address_city", "address_request",
           "address_request_pref", "address_request_city", "kana", "name", "address_inside", "address_inside_pref",
           "address_inside_city", "trade_name", "popular_name")
db.execute("CREATE TABLE registry (%s)" % ", ".join(columns))
insert = "INSERT INTO registry VALUES (%s)" % ", ".join("?" * len(columns))
for path in files:
    with open(path, newline="", encoding="utf-8") as f:
        db.executemany(insert, csv.reader(f))
db.execute("CREATE INDEX registry_number ON registry (number)")
db.commit()
db.close()
