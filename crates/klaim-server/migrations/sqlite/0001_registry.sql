-- The participant registry: the stand-in for BPJS Ketenagakerjaan's member data, loaded by
-- `klaim-server registry import` (docs/registry-csv.md). Same tables and columns as
-- ../postgres/0001_registry.sql; portable types (src/db.rs): dates 'YYYY-MM-DD' and months
-- 'YYYY-MM' as text, rupiah as integers, flags as 0/1, fixed choices as text with a CHECK.

CREATE TABLE registry_participants (
    id INTEGER PRIMARY KEY,
    nik TEXT NOT NULL UNIQUE,
    full_name TEXT NOT NULL,
    birth_date TEXT NOT NULL,
    sex TEXT NOT NULL CHECK (sex IN ('male', 'female')),
    nationality TEXT NOT NULL CHECK (nationality IN ('wni', 'wna')),
    deceased_on TEXT,
    phone TEXT,
    email TEXT,
    jkn_enrolled INTEGER NOT NULL CHECK (jkn_enrolled IN (0, 1))
);

-- Several per person (one per employer); seq 1 is the primary one, into which balances merge.
CREATE TABLE registry_kpj_numbers (
    id INTEGER PRIMARY KEY,
    participant_id INTEGER NOT NULL REFERENCES registry_participants (id) ON DELETE CASCADE,
    kpj TEXT NOT NULL UNIQUE,
    seq INTEGER NOT NULL CHECK (seq >= 1),
    jht_balance INTEGER NOT NULL CHECK (jht_balance >= 0),
    jht_balance_on TEXT NOT NULL,
    UNIQUE (participant_id, seq)
);

-- membership: whether the employer has deactivated it yet (claims wait for 'non_active').
CREATE TABLE registry_employments (
    id INTEGER PRIMARY KEY,
    kpj_id INTEGER NOT NULL REFERENCES registry_kpj_numbers (id) ON DELETE CASCADE,
    employer TEXT NOT NULL,
    started_on TEXT NOT NULL,
    ended_on TEXT,
    end_reason TEXT NOT NULL CHECK (end_reason IN
        ('still_active', 'resigned', 'dismissed', 'contract_ended', 'retired', 'died')),
    membership TEXT NOT NULL CHECK (membership IN ('active', 'non_active')),
    CHECK ((end_reason = 'still_active') = (ended_on IS NULL))
);
CREATE INDEX registry_employments_kpj ON registry_employments (kpj_id);

CREATE TABLE registry_wages (
    kpj_id INTEGER NOT NULL REFERENCES registry_kpj_numbers (id) ON DELETE CASCADE,
    month TEXT NOT NULL,
    wage INTEGER NOT NULL CHECK (wage >= 0),
    PRIMARY KEY (kpj_id, month)
);

-- One row per month paid, so rules can count "12 of the last 24, the last 6 in a row".
CREATE TABLE registry_contributions (
    kpj_id INTEGER NOT NULL REFERENCES registry_kpj_numbers (id) ON DELETE CASCADE,
    programme TEXT NOT NULL CHECK (programme IN ('jp', 'jkp')),
    month TEXT NOT NULL,
    PRIMARY KEY (kpj_id, programme, month)
);

-- holder_name stands in for the bank's account-name inquiry.
CREATE TABLE registry_bank_accounts (
    id INTEGER PRIMARY KEY,
    participant_id INTEGER NOT NULL REFERENCES registry_participants (id) ON DELETE CASCADE,
    bank_code TEXT NOT NULL,
    account_number TEXT NOT NULL,
    holder_name TEXT NOT NULL,
    UNIQUE (participant_id, bank_code, account_number)
);

-- Family as the civil registry knows it (the KK): heirs of deceased members.
CREATE TABLE registry_family_members (
    id INTEGER PRIMARY KEY,
    participant_id INTEGER NOT NULL REFERENCES registry_participants (id) ON DELETE CASCADE,
    relation TEXT NOT NULL CHECK (relation IN
        ('spouse', 'child', 'parent', 'sibling', 'grandparent', 'grandchild', 'parent_in_law')),
    full_name TEXT NOT NULL,
    nik TEXT,
    birth_date TEXT NOT NULL
);
CREATE INDEX registry_family_members_participant ON registry_family_members (participant_id);
