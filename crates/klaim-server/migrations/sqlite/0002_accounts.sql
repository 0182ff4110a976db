-- Accounts, sessions, registrations, password resets, rate limits and the notification outbox.
-- Same tables and columns as ../postgres/0002_accounts.sql. Instants are Unix seconds (integers);
-- secrets (session tokens, step tokens, one-time codes) are stored only as SHA-256 hex digests.

CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    role TEXT NOT NULL CHECK (role IN ('participant', 'officer', 'admin')),
    participant_id INTEGER UNIQUE REFERENCES registry_participants (id),
    display_name TEXT NOT NULL,
    -- Sign-in by e-mail: the registry's address for participants, the work address for officers.
    email TEXT,
    password_hash TEXT NOT NULL,
    -- Where codes for this account go: the contact verified at registration.
    contact_channel TEXT CHECK (contact_channel IN ('sms', 'email')),
    created_at INTEGER NOT NULL,
    CHECK ((role = 'participant') = (participant_id IS NOT NULL))
);
CREATE INDEX accounts_email ON accounts (email);

-- A session is the cookie's token (hashed); public_id names it in the session list.
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    public_id TEXT NOT NULL UNIQUE,
    token_hash TEXT NOT NULL UNIQUE,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    device TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_account ON sessions (account_id);

-- A registration between "the registry knows you" and "code verified"; the password is already
-- hashed so that it never waits anywhere in clear text.
CREATE TABLE registrations (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    participant_id INTEGER NOT NULL REFERENCES registry_participants (id) ON DELETE CASCADE,
    password_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    code_channel TEXT CHECK (code_channel IN ('sms', 'email')),
    code_hash TEXT,
    code_expires_at INTEGER,
    code_tries INTEGER NOT NULL DEFAULT 0
);

-- account_id is NULL for a reset asked for an unknown login: it behaves the same (a code that
-- never matches), so the answers do not tell which accounts exist.
CREATE TABLE password_resets (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    account_id INTEGER REFERENCES accounts (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    code_hash TEXT NOT NULL,
    code_expires_at INTEGER NOT NULL,
    code_tries INTEGER NOT NULL DEFAULT 0,
    completed_at INTEGER
);

-- Fixed-window counters; kept in the database so that several server processes share them.
CREATE TABLE rate_limits (
    key TEXT NOT NULL,
    window_start INTEGER NOT NULL,
    hits INTEGER NOT NULL,
    PRIMARY KEY (key, window_start)
);

-- Messages to send. `secret` (the code) and `recipient` are cleared once delivered.
CREATE TABLE notifications (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('registration_code', 'password_reset_code')),
    channel TEXT NOT NULL CHECK (channel IN ('sms', 'email')),
    recipient TEXT NOT NULL,
    recipient_masked TEXT NOT NULL,
    lang TEXT NOT NULL CHECK (lang IN ('id', 'en')),
    secret TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    claimed_at INTEGER,
    sent_at INTEGER,
    attempts INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX notifications_pending ON notifications (sent_at, id);
