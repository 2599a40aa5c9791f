@0xd3b5f2a8c41e9a07;

interface Telemetry {
  report @0 (device :Text, metric :Text, value :Float64) -> ();
  latest @1 (device :Text, metric :Text) -> (value :Float64, found :Bool);
  search @2 (query :Text, limit :UInt32) -> (devices :List(Text));
}
