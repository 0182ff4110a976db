-- Which server process reserved an upload, so that another can tell an upload under way from one
-- that died with its server (src/instance.rs). Same tables and columns as
-- ../postgres/0005_instances.sql.

-- One row per server process started; ids are never reused.
CREATE TABLE server_instances (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at INTEGER NOT NULL
);

-- NULL for reservations made before this migration: they count as dead.
ALTER TABLE documents ADD COLUMN instance_id INTEGER;
