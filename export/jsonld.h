// JSON-LD export: the graph as linked data with an inline @context (no remote
// context), schema.org types for actors, each aggregated relation reified as its
// own node (Event with attendees for meetings, Action with agent/object otherwise)
// carrying its predicate, CAMEO code, weight, dates and evidence documents.
#pragma once

#include <ostream>

#include "core/status.h"
#include "export/view.h"
#include "graph/knowledge_graph.h"

namespace polgraph::exporter {

// The @context is schemas/jsonld_context.json (compiled in), inlined so that
// offline processors need no remote context; terms map to http://schema.org/.
//
// Actors are schema.org Person, Organization (also for Group), Country, Place
// (Location) or Thing (Concept), with the exact polgraph type in kg:actorType and
// `sameAs` wd:<Qid> when a lexicon entry gave the actor a Wikidata id. The graph
// does not record which organisations are parties or state bodies, so a rule on
// the label decides: an Organization whose label has the word Party (or Partei,
// Parti, Partido, Partito, Partij, Partia, Partiya) is ["PoliticalParty",
// "Organization"]; else one whose label has a government phrase (Ministry,
// Department, Government, Parliament, Senate, Kremlin, White House, Armed Forces,
// Central Bank, Supreme Court, ...; the list is in jsonld.cc) is a
// GovernmentOrganization. Parties without the word (Likud, Fidesz) stay
// Organization.
//
// Each relation is its own node: meetings (predicates meet, talks, hold_talks,
// negotiate, or CAMEO 040/044/046) are an Event with both actors as `attendee`
// and startDate/endDate; every other relation is an Action with `agent` (the
// subject) and `object` and startTime/endTime. Both carry additionalType
// kg:predicate/<predicate>, the predicate, CAMEO code, mean Goldstein score,
// weight and counts, kg:firstSeen/lastSeen, the max confidence and
// prov:wasDerivedFrom the NewsArticle nodes of the documents of the evidence the
// graph keeps for the relation (the first few, not necessarily all doc_count).
// IRIs are minted under https://polgraph.example.org/ (prefix "kg:") from
// percent-encoded ids: kg:actor/<id>, kg:relation/<subject>/<predicate>/<object>,
// kg:predicate/<predicate>, kg:doc/<document id>. Returns IoError when the stream
// fails.
Status WriteJsonld(const ExportView& view, std::ostream& out);
// The whole graph.
Status WriteJsonld(const graph::KnowledgeGraph& kg, std::ostream& out);

}  // namespace polgraph::exporter
