"""Checks that every IRI in a JSON-LD file's RDF is absolute http(s) or urn.

Usage: check_iris.py FILE.jsonld
Unlike a regex over N-Quads, this looks at the terms pyld produces, so "<" and ">"
inside literals cannot be mistaken for IRIs. Prints "iris: N bad: [...]" and exits
1 when any IRI is bad. Remote contexts are refused, as offline consumers would.
"""
import json
import re
import sys

from pyld import jsonld


def no_network(url, options=None):
    raise jsonld.JsonLdError("remote context not allowed offline: " + url,
                             "loading document failed")


jsonld.set_document_loader(no_network)
dataset = jsonld.to_rdf(json.load(open(sys.argv[1], encoding="utf-8")))
iris = set()
for quads in dataset.values():
    for quad in quads:
        for part in ("subject", "predicate", "object"):
            term = quad[part]
            if term["type"] == "IRI":
                iris.add(term["value"])
        if quad["object"]["type"] == "literal":
            iris.add(quad["object"]["datatype"])
bad = sorted(i for i in iris if not re.match(r"(https?://|urn:)[^\s<>\"{}|\\^`]*$", i))
print("iris:", len(iris), "bad:", bad)
sys.exit(1 if bad else 0)
