create table if not exists readings (
  id bigserial primary key,
  device_id text not null,
  recorded_at timestamptz not null,
  value double precision not null,
  blob_path text not null
);
create table if not exists daily_rollups (
  device_id text not null,
  day date not null,
  avg_value double precision not null,
  samples integer not null,
  primary key (device_id, day)
);
