"""Reads a GraphML file with networkx and prints it as JSON for export_test.

Usage: read_graphml.py FILE.graphml
Output: {"directed": bool, "nodes": {id: {attr: value}},
         "edges": [{"source", "target", "key", "attrs": {...}}]}
Values keep the Python type networkx gave them (int stays int, float stays float);
floats are printed with repr, which round-trips exactly.
"""
import json
import sys

import networkx as nx

g = nx.read_graphml(sys.argv[1], force_multigraph=True)
out = {
    "directed": g.is_directed(),
    "nodes": {n: dict(d) for n, d in g.nodes(data=True)},
    "edges": [{"source": u, "target": v, "key": k, "attrs": dict(d)}
              for u, v, k, d in g.edges(keys=True, data=True)],
}
json.dump(out, sys.stdout, ensure_ascii=True)
