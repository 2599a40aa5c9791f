import { SQLDatabase } from "encore.dev/storage/sqldb";

// Encore provisions the database and owns the connection pool; this is a
// declaration evaluated once when the service is loaded.
export const db = new SQLDatabase("catalog", {
  migrations: "./migrations",
});
