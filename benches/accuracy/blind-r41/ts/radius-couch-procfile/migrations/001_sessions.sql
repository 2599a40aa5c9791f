CREATE TABLE IF NOT EXISTS radius_sessions (
  session_id   text PRIMARY KEY,
  username     text NOT NULL,
  nas_ip       inet NOT NULL,
  framed_ip    inet,
  started_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL,
  stopped_at   timestamptz,
  input_octets bigint NOT NULL DEFAULT 0,
  output_octets bigint NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS cpe_devices (
  serial    text PRIMARY KEY,
  username  text,
  model     text,
  firmware  text,
  deleted   boolean NOT NULL DEFAULT false,
  couch_rev text NOT NULL
);
