import postgres from "postgres";

export const sql = postgres(process.env.DATABASE_URL ?? "postgres://ops@localhost:5432/warehouse", {
  max: 5,
  idle_timeout: 30,
});
