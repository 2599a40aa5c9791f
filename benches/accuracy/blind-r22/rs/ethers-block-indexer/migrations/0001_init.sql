CREATE TABLE IF NOT EXISTS blocks (
    number      BIGINT      NOT NULL,
    hash        TEXT        PRIMARY KEY,
    parent_hash TEXT        NOT NULL,
    mined_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE IF NOT EXISTS transfers (
    tx_hash    TEXT    NOT NULL,
    block_hash TEXT    NOT NULL REFERENCES blocks (hash),
    sender     TEXT    NOT NULL,
    recipient  TEXT,
    wei        NUMERIC NOT NULL,
    usd        DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (tx_hash, block_hash)
);
