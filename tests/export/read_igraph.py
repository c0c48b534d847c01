"""Reads a GraphML file with python-igraph and prints it as JSON for export_test.

Usage: read_igraph.py FILE.graphml
Output: {"directed": bool, "nodes": [{attr: value}], "edges": [{"source": id,
         "target": id, "attrs": {...}}]} where ids are the GraphML node ids
(igraph keeps them in the vertex attribute "id"). igraph returns every number as
a float; floats are printed with repr, which round-trips exactly.
"""
import json
import sys

import igraph

g = igraph.Graph.Read_GraphML(sys.argv[1])
ids = g.vs["id"] if "id" in g.vs.attributes() else [str(v.index) for v in g.vs]


def clean(attrs):
    # igraph fills attributes a node or edge lacks with "" (None or NaN for numbers).
    return {k: v for k, v in attrs.items() if v is not None and v == v and v != ""}


out = {
    "directed": g.is_directed(),
    "nodes": [clean(v.attributes()) for v in g.vs],
    "edges": [{"source": ids[e.source], "target": ids[e.target], "attrs": clean(e.attributes())}
              for e in g.es],
}
json.dump(out, sys.stdout, ensure_ascii=True)
