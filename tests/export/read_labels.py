"""Reads the actor labels of an export with a real parser and prints them as JSON
for export_test's hostile-text tests.

Usage: read_labels.py FORMAT FILE [FILE2]
  graphml: ElementTree, the <data key="label"> and <data key="aliases"> of each node
  gexf:    ElementTree, the label attribute of each node
  jsonld:  json (strict), the "name" and "alternateName"s of every actor
  csv:     csv module on FILE (nodes) and FILE2 (edges): Label and aliases columns
Output: {"labels": [...], "aliases": [...], "edges": N}, ASCII-escaped JSON.
"""
import csv
import json
import sys
import xml.etree.ElementTree as ET

# Fields may be as long as an article (a 1 MB single line); the csv module's
# default limit of 128 KiB per field is a guard of its own, not part of RFC 4180.
csv.field_size_limit(sys.maxsize)
fmt, path = sys.argv[1], sys.argv[2]
labels, aliases, edges = [], [], 0
if fmt == "graphml":
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.parse(path).getroot()
    for node in root.iter("{http://graphml.graphdrawing.org/xmlns}node"):
        for data in node.findall("g:data", ns):
            if data.get("key") == "label":
                labels.append(data.text or "")
            elif data.get("key") == "aliases":
                aliases.append(data.text or "")
    edges = len(list(root.iter("{http://graphml.graphdrawing.org/xmlns}edge")))
elif fmt == "gexf":
    root = ET.parse(path).getroot()
    labels = [n.get("label") for n in root.iter("{http://gexf.net/1.3}node")]
    edges = len(list(root.iter("{http://gexf.net/1.3}edge")))
elif fmt == "jsonld":
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    for node in doc["@graph"]:
        if "actorType" in node:
            labels.append(node["name"])
            aliases.append(";".join(node.get("alternateName", [])))
        if "agent" in node or "attendee" in node:
            edges += 1
elif fmt == "csv":
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, strict=True):
            labels.append(row["Label"])
            aliases.append(row["aliases"])
    with open(sys.argv[3], encoding="utf-8", newline="") as f:
        edges = sum(1 for _ in csv.DictReader(f, strict=True))
json.dump({"labels": labels, "aliases": aliases, "edges": edges}, sys.stdout, ensure_ascii=True)
