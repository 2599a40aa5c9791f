import cassandra from "cassandra-driver";

const contactPoints = (process.env.CASSANDRA_HOSTS ?? "127.0.0.1").split(",");

export const scores = new cassandra.Client({
  contactPoints,
  localDataCenter: process.env.CASSANDRA_DC ?? "dc1",
  keyspace: "leaderboard",
});

export function openArchiveClient(): cassandra.Client {
  return new cassandra.Client({
    contactPoints,
    localDataCenter: process.env.CASSANDRA_DC ?? "dc1",
    keyspace: "leaderboard_archive",
    pooling: { coreConnectionsPerHost: { [cassandra.types.distance.local]: 2 } },
  });
}
