CREATE TABLE account (
    id          UUID PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    currency    CHAR(3) NOT NULL,
    allow_negative BOOLEAN NOT NULL DEFAULT false
);

CREATE TABLE journal_entry (
    id          UUID PRIMARY KEY,
    external_ref TEXT NOT NULL UNIQUE,
    posted_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE posting (
    entry_id    UUID NOT NULL REFERENCES journal_entry(id),
    account_id  UUID NOT NULL REFERENCES account(id),
    amount_minor BIGINT NOT NULL,
    PRIMARY KEY (entry_id, account_id)
);
