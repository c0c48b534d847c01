"""Reads the CSV pair of an export with Python's csv module (RFC 4180 dialect) and
prints it as JSON for export_test.

Usage: read_csv.py NODES.csv EDGES.csv
Output: {"nodes": [{column: text}], "edges": [{column: text}]}; every value stays
the exact text of its field, so the test sees what a spreadsheet would.
"""
import csv
import json
import sys


def read(path):
    # newline="" as the csv module requires, so quoted line breaks stay in fields.
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, strict=True))


json.dump({"nodes": read(sys.argv[1]), "edges": read(sys.argv[2])}, sys.stdout,
          ensure_ascii=True)
