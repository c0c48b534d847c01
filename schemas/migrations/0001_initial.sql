-- 0001_initial.sql: the first polgraph schema.
--
-- Applied once, inside one transaction, by store/store.cc, which then sets
-- PRAGMA user_version = 1. Never edit a migration that has shipped: add
-- 0002_*.sql instead, so databases written by older builds upgrade in place.
--
-- Every table has an INTEGER PRIMARY KEY `id` (an alias of SQLite's rowid);
-- other tables refer to rows by that integer, never by the text ids, so that
-- renaming or merging keeps references stable and joins stay cheap.
-- Spans (start_byte, end_byte) are half-open byte offsets into documents.text.
-- Booleans are INTEGER 0/1. Missing text is '' rather than NULL, so readers
-- need no NULL checks; the one NULL that carries meaning is relations.goldstein.

-- One article, as ingest produced it. A document is stored once: a second
-- document with the same doc_id or the same content_hash is a duplicate.
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL UNIQUE,        -- Document::id: JSONL id or the path as given
  content_hash TEXT NOT NULL UNIQUE,  -- ContentHash(title + "\n\n" + text), 16 hex digits
  source TEXT NOT NULL,               -- the input path as given, or "-" for stdin
  line INTEGER NOT NULL,              -- 1-based JSONL line, 0 for whole files
  format TEXT NOT NULL,               -- "txt", "html" or "jsonl"
  title TEXT NOT NULL,
  date TEXT NOT NULL,                 -- YYYY-MM-DD or ''
  url TEXT NOT NULL,
  publisher TEXT NOT NULL,
  -- Unknown JSONL fields: a JSON object whose values are copied verbatim from
  -- the input, so nothing the publisher sent is lost or re-encoded.
  metadata_json TEXT NOT NULL DEFAULT '{}',
  text TEXT NOT NULL,                 -- body text that every span points into
  ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))  -- UTC
);

-- One actor, merged across documents by entity_id. The label only ever grows
-- to a longer (more complete) name; every surface form lives in aliases.
CREATE TABLE entities (
  id INTEGER PRIMARY KEY,
  entity_id TEXT NOT NULL UNIQUE,     -- "<type>:<normalized key>", e.g. "person:vladimir putin"
  label TEXT NOT NULL,                -- longest label seen, e.g. "Vladimir Putin"
  type TEXT NOT NULL                  -- ActorTypeName(); the first type seen is kept
    CHECK (type IN ('Person', 'Organization', 'Country', 'Location', 'Group', 'Concept')),
  country TEXT NOT NULL DEFAULT ''    -- ISO 3166-1 alpha-3, '' when unknown
);

-- Every surface form an actor was written as, with how often it was seen.
-- Merging adds rows and increments counts; it never overwrites a form.
CREATE TABLE aliases (
  entity INTEGER NOT NULL REFERENCES entities (id),
  alias TEXT NOT NULL,
  count INTEGER NOT NULL CHECK (count > 0),  -- non-pronoun mentions, at least 1 per form
  PRIMARY KEY (entity, alias)
) WITHOUT ROWID;

-- One occurrence of an actor in a document's text.
CREATE TABLE mentions (
  id INTEGER PRIMARY KEY,
  document INTEGER NOT NULL REFERENCES documents (id),
  entity INTEGER NOT NULL REFERENCES entities (id),
  sentence INTEGER NOT NULL,          -- 0-based sentence index
  start_byte INTEGER NOT NULL,
  end_byte INTEGER NOT NULL,
  text TEXT NOT NULL,                 -- the surface text of the span
  pronoun INTEGER NOT NULL CHECK (pronoun IN (0, 1))  -- "he", "they" resolved to the entity
);
CREATE INDEX mentions_by_entity ON mentions (entity);
CREATE INDEX mentions_by_document ON mentions (document);

-- One extracted relation with its provenance: which document, which sentence
-- (evidence and its byte span), which words triggered it and which extractor.
CREATE TABLE relations (
  id INTEGER PRIMARY KEY,
  document INTEGER NOT NULL REFERENCES documents (id),
  sentence INTEGER NOT NULL,          -- 0-based sentence index
  start_byte INTEGER NOT NULL,        -- span of the evidence sentence
  end_byte INTEGER NOT NULL,
  evidence TEXT NOT NULL,             -- the sentence text
  subject INTEGER NOT NULL REFERENCES entities (id),
  object INTEGER NOT NULL REFERENCES entities (id),
  subject_surface TEXT NOT NULL,      -- how this sentence wrote the subject, e.g. "Putin"
  object_surface TEXT NOT NULL,
  predicate TEXT NOT NULL,            -- lower_snake_case, e.g. "impose_sanctions"
  kind TEXT NOT NULL CHECK (kind IN ('event', 'affiliation')),
  cameo TEXT NOT NULL,                -- CAMEO code, '' for affiliations
  goldstein REAL,                     -- NULL when the relation has no Goldstein score
  negated INTEGER NOT NULL CHECK (negated IN (0, 1)),
  hypothetical INTEGER NOT NULL CHECK (hypothetical IN (0, 1)),
  date TEXT NOT NULL,                 -- YYYY-MM-DD or ''
  confidence REAL NOT NULL,           -- 0..1
  trigger_text TEXT NOT NULL,         -- Relation::trigger; TRIGGER is an SQL keyword
  extractor TEXT NOT NULL             -- extractor name and version, e.g. "pattern-1"
);
-- The graph and query layers look relations up by either actor and by predicate.
CREATE INDEX relations_by_subject ON relations (subject);
CREATE INDEX relations_by_object ON relations (object);
CREATE INDEX relations_by_predicate ON relations (predicate);
CREATE INDEX relations_by_document ON relations (document);
