-- 0003_generation.sql: a generation number that changes with every commit of
-- documents, so that files derived from the store (the graph snapshot next to it,
-- DB_PATH.graph) can tell whether they are still current.
--
-- Applied after 0002 by store/store.cc, which then sets PRAGMA user_version = 3.
--
-- One row. Store::AddDocument adds one for every document it stores, inside the
-- transaction that stores it (a batch, or its own outside a batch), so a
-- rolled-back batch leaves it as it was. It starts at a random value below 2^48
-- rather than 0: a database deleted and rebuilt in the same place then does not
-- take up the numbers of the old one, and a snapshot left over from it is not
-- mistaken for current.
CREATE TABLE meta (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  generation INTEGER NOT NULL
);
INSERT INTO meta (id, generation) VALUES (1, random() & 281474976710655);
