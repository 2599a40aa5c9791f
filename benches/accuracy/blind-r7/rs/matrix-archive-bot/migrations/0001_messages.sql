CREATE TABLE IF NOT EXISTS messages (
    event_id TEXT PRIMARY KEY,
    room_id  TEXT NOT NULL,
    sender   TEXT NOT NULL,
    body     TEXT NOT NULL,
    ts       INTEGER NOT NULL
);
