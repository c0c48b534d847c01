// Reads a GEXF file with graphology-gexf (Gephi Lite's parser) and prints it as
// JSON for export_test:
//   {"type": "directed"|..., "multi": bool,
//    "nodes": {id: {label, size, color, attr...}},
//    "edges": [{"source", "target", "attrs": {kind, label, weight, attr...}}]}
// Usage: node read_gexf.mjs FILE.gexf
import {readFileSync} from 'node:fs';
import graphology from 'graphology';
import gexf from 'graphology-gexf';

const graph = gexf.parse(graphology.Graph, readFileSync(process.argv[2], 'utf8'));
const out = {type: graph.type, multi: graph.multi, nodes: {}, edges: []};
graph.forEachNode((id, attrs) => { out.nodes[id] = attrs; });
graph.forEachEdge((edge, attrs, source, target) => {
  out.edges.push({source, target, attrs});
});
process.stdout.write(JSON.stringify(out));
