-- Documents, claims, their attachments and the claims' status history. Same tables and columns as
-- ../postgres/0003_claims.sql. Ids of documents and claims are the UUIDs the app made (lower
-- case), so a retried upload or submission names the same row. Instants are Unix seconds.

-- A document row exists from the first byte of its upload: 'uploading' reserves the id for one
-- account (the object is written under the id only by that upload), 'stored' once every check
-- passed. A failed upload removes its row and its object; `started_at` lets a retry take over a
-- reservation whose upload died with its server.
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('uploading', 'stored')),
    -- Lower-case hex: the declared hash while uploading, the verified one once stored.
    sha256 TEXT NOT NULL,
    file_type TEXT CHECK (file_type IN ('jpeg', 'png', 'pdf', 'bmp')),
    bytes INTEGER,
    started_at INTEGER NOT NULL,
    uploaded_at INTEGER,
    CHECK ((state = 'stored') = (uploaded_at IS NOT NULL AND file_type IS NOT NULL AND bytes IS NOT NULL))
);
CREATE INDEX documents_account ON documents (account_id, uploaded_at);

-- participant_id is the member the claim is about (the deceased on a death claim), the
-- claimant is the signed-in person who made it. open_key is 'participant:programme:reason' while
-- the claim is open and NULL once it is closed: its UNIQUE constraint is the rule "one open claim
-- per participant, programme and reason", kept even by two requests at the same instant.
-- content_hash is the SHA-256 of the submission's canonical JSON (idempotent retries). The
-- estimate is kept as the rules computed it on submission.
CREATE TABLE claims (
    id TEXT PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    account_id INTEGER NOT NULL REFERENCES accounts (id),
    participant_id INTEGER NOT NULL REFERENCES registry_participants (id),
    claimant_participant_id INTEGER NOT NULL REFERENCES registry_participants (id),
    programme TEXT NOT NULL CHECK (programme IN ('jht', 'jkp', 'jkm', 'jkk', 'jp')),
    reason TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN
        ('submitted', 'verifying', 'needs_action', 'approved', 'rejected', 'paying', 'paid')),
    open_key TEXT UNIQUE,
    content_hash TEXT NOT NULL,
    rules_version TEXT NOT NULL,
    answers TEXT NOT NULL,
    estimate_lump_sum INTEGER NOT NULL,
    estimate_monthly INTEGER,
    estimate_months INTEGER,
    estimate_total INTEGER,
    estimate_tax INTEGER NOT NULL,
    estimate_explanation_id TEXT NOT NULL,
    estimate_explanation_en TEXT NOT NULL,
    decision_due_on TEXT NOT NULL,
    submitted_at INTEGER NOT NULL,
    CHECK ((open_key IS NULL) = (status IN ('rejected', 'paid')))
);
CREATE INDEX claims_account ON claims (account_id, submitted_at);
CREATE INDEX claims_participant ON claims (participant_id);

CREATE TABLE claim_documents (
    claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    document_id TEXT NOT NULL REFERENCES documents (id),
    seq INTEGER NOT NULL,
    PRIMARY KEY (claim_id, document_id)
);
CREATE INDEX claim_documents_document ON claim_documents (document_id);

-- Every status a claim took: when, by whom (NULL for the system) and why.
CREATE TABLE claim_status_history (
    id INTEGER PRIMARY KEY,
    claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    status TEXT NOT NULL CHECK (status IN
        ('submitted', 'verifying', 'needs_action', 'approved', 'rejected', 'paying', 'paid')),
    at INTEGER NOT NULL,
    by_account INTEGER REFERENCES accounts (id),
    reason TEXT
);
CREATE INDEX claim_status_history_claim ON claim_status_history (claim_id, id);
