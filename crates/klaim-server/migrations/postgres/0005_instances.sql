-- Which server process reserved an upload, so that another can tell an upload under way from one
-- that died with its server (src/instance.rs). A process is alive while it holds the session
-- advisory lock (class 19275, its id). Same tables and columns as ../sqlite/0005_instances.sql.

-- One row per server process started; ids are never reused.
CREATE TABLE server_instances (
    id BIGSERIAL PRIMARY KEY,
    started_at BIGINT NOT NULL
);

-- NULL for reservations made before this migration: they count as dead.
ALTER TABLE documents ADD COLUMN instance_id BIGINT;
