// Reads a GraphML file with graphology-graphml (the parser Gephi Lite uses) and
// prints it as JSON for export_test:
//   {"type": "directed"|..., "multi": bool,
//    "nodes": {id: {attr: value}}, "edges": [{"source", "target", "attrs": {...}}]}
// Usage: node read_graphml.mjs FILE.graphml
import {readFileSync} from 'node:fs';
import graphology from 'graphology';
import graphml from 'graphology-graphml';

const graph = graphml.parse(graphology.Graph, readFileSync(process.argv[2], 'utf8'));
const out = {type: graph.type, multi: graph.multi, nodes: {}, edges: []};
graph.forEachNode((id, attrs) => { out.nodes[id] = attrs; });
graph.forEachEdge((edge, attrs, source, target) => {
  out.edges.push({source, target, attrs});
});
process.stdout.write(JSON.stringify(out));
