-- 0002_wikidata.sql: Wikidata ids on actors; an index for loading the graph.
--
-- Applied after 0001 by store/store.cc, which then sets PRAGMA user_version = 2;
-- a version-1 database is upgraded in place, its rows kept (their wikidata is '').
--
-- A lexicon entry with a Wikidata id anchors an actor's identity across
-- documents: the graph makes one vertex of every entity with the same id, and
-- the store keeps two entities apart when their Wikidata ids (or countries)
-- disagree, even if their names normalise to the same entity_id.
ALTER TABLE entities ADD COLUMN wikidata TEXT NOT NULL DEFAULT '';  -- e.g. 'Q7747', '' when unknown
CREATE INDEX entities_by_wikidata ON entities (wikidata) WHERE wikidata != '';

-- The graph needs only each document's id and date: this index answers that
-- without reading the table, whose pages hold the article texts (store_read.cc).
CREATE INDEX documents_by_doc_id_date ON documents (doc_id, date);
