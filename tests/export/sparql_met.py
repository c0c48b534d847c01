"""Asks a JSON-LD export who met whom, through rdflib's SPARQL engine.

Usage: sparql_met.py FILE.jsonld
Prints one line per meeting: the two attendees' names, sorted, tab-separated.
A meeting is a schema:Event whose additionalType is polgraph's "meet" predicate.
"""
import json
import sys

import rdflib

QUERY = """
PREFIX schema: <http://schema.org/>
SELECT DISTINCT ?a ?b WHERE {
  ?event a schema:Event ;
         schema:additionalType <https://polgraph.example.org/predicate/meet> ;
         schema:attendee ?x, ?y .
  ?x schema:name ?a .
  ?y schema:name ?b .
  FILTER (STR(?a) < STR(?b))
}
"""

g = rdflib.Graph()
with open(sys.argv[1], encoding="utf-8") as f:
    g.parse(data=f.read(), format="json-ld")
rows = sorted((str(a), str(b)) for a, b in g.query(QUERY))
for a, b in rows:
    sys.stdout.buffer.write((a + "\t" + b + "\n").encode("utf-8"))
