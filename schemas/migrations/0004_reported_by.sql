-- 0004_reported_by.sql: who reported a relation. "Peskov said that Putin met Le
-- Pen" is Putin's meeting as Peskov tells it; analysts weigh a claim by its
-- source, so the source is kept with the relation (Relation::source).
--
-- Applied after 0003 by store/store.cc, which then sets PRAGMA user_version = 4.
--
-- Text columns rather than a reference to entities: the source is provenance, not
-- a party to the relation, and must not become a graph node of its own. NULL when
-- the article states the relation itself.
ALTER TABLE relations ADD COLUMN source_id TEXT;     -- EntityRef::id, e.g. "person:dmitry peskov"
ALTER TABLE relations ADD COLUMN source_label TEXT;  -- EntityRef::label
ALTER TABLE relations ADD COLUMN source_type TEXT;   -- ActorTypeName
