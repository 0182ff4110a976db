-- Following a claim to payment: the steps' details on the status history, the claim's open items
-- and outcome, the audit trail, in-app notifications, claim-status messages in the outbox and
-- the NIK of staff (so that an officer never decides a claim about themselves). Same tables and
-- columns as ../postgres/0004_follow_up.sql.

-- Who took each step (actor: claimant, officer or system; by_account is NULL for the system) and
-- what came with it (detail: the step's JSON, e.g. the reopened items or the transfer
-- reference). The first row of a claim (its submission) has no step.
ALTER TABLE claim_status_history ADD COLUMN step TEXT;
ALTER TABLE claim_status_history ADD COLUMN actor TEXT NOT NULL DEFAULT 'claimant'
    CHECK (actor IN ('claimant', 'officer', 'system'));
ALTER TABLE claim_status_history ADD COLUMN detail TEXT;

-- The history is append-only: nothing may change or remove a recorded step.
CREATE TRIGGER claim_status_history_no_update BEFORE UPDATE ON claim_status_history
BEGIN SELECT RAISE(ABORT, 'claim_status_history is append-only'); END;
CREATE TRIGGER claim_status_history_no_delete BEFORE DELETE ON claim_status_history
BEGIN SELECT RAISE(ABORT, 'claim_status_history is append-only'); END;

-- The claim's current state beyond its status. open_items: JSON list of reopened items while
-- needs_action. version grows with every change: the ETag of the claim's view.
ALTER TABLE claims ADD COLUMN open_items TEXT;
ALTER TABLE claims ADD COLUMN note TEXT;
ALTER TABLE claims ADD COLUMN approved_amount INTEGER;
ALTER TABLE claims ADD COLUMN approval_justification TEXT;
ALTER TABLE claims ADD COLUMN auto_approved INTEGER NOT NULL DEFAULT 0;
ALTER TABLE claims ADD COLUMN rejection TEXT;
ALTER TABLE claims ADD COLUMN transfer_reference TEXT;
ALTER TABLE claims ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE claims ADD COLUMN updated_at INTEGER;
CREATE INDEX claims_queue ON claims (status, decision_due_on);

-- Every officer's view of a claim or its documents and every step, append-only. account_id and
-- role are NULL for the system.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    account_id INTEGER REFERENCES accounts (id),
    role TEXT CHECK (role IN ('participant', 'officer', 'admin')),
    action TEXT NOT NULL CHECK (action IN ('viewed_claim', 'viewed_document', 'transition')),
    claim_id TEXT NOT NULL REFERENCES claims (id),
    subject TEXT
);
CREATE INDEX audit_log_claim ON audit_log (claim_id, id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- In-app notifications: one per status change, for the claimant's account.
CREATE TABLE inbox (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    claim_id TEXT NOT NULL REFERENCES claims (id),
    status TEXT NOT NULL CHECK (status IN
        ('submitted', 'verifying', 'needs_action', 'approved', 'rejected', 'paying', 'paid')),
    created_at INTEGER NOT NULL,
    read_at INTEGER
);
CREATE INDEX inbox_account ON inbox (account_id, id);

-- The outbox takes claim-status messages too: they carry no secret. Retries back off
-- (next_attempt_at); a message that keeps failing is given up (gave_up_at) with its last error.
-- SQLite cannot change a CHECK in place, so the table is rebuilt.
CREATE TABLE notifications_new (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('registration_code', 'password_reset_code', 'claim_status')),
    channel TEXT NOT NULL CHECK (channel IN ('sms', 'email')),
    recipient TEXT NOT NULL,
    recipient_masked TEXT NOT NULL,
    lang TEXT NOT NULL CHECK (lang IN ('id', 'en')),
    secret TEXT,
    created_at INTEGER NOT NULL,
    claimed_at INTEGER,
    sent_at INTEGER,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    gave_up_at INTEGER
);
INSERT INTO notifications_new
    (id, kind, channel, recipient, recipient_masked, lang, secret, created_at, claimed_at,
     sent_at, attempts)
SELECT id, kind, channel, recipient, recipient_masked, lang, secret, created_at, claimed_at,
       sent_at, attempts
FROM notifications;
DROP TABLE notifications;
ALTER TABLE notifications_new RENAME TO notifications;
CREATE INDEX notifications_pending ON notifications (sent_at, next_attempt_at, id);

-- Staff are members too: with their NIK on file, their own claims (or claims about them) are
-- never theirs to decide.
ALTER TABLE accounts ADD COLUMN staff_nik TEXT;
