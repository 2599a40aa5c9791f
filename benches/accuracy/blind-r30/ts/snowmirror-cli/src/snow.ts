import snowflake from "snowflake-sdk";

snowflake.configure({ logLevel: "WARN" });

export function openSnowflake(keepAlive = false): Promise<snowflake.Connection> {
  const conn = snowflake.createConnection({
    account: process.env.SNOWFLAKE_ACCOUNT!,
    username: process.env.SNOWFLAKE_USER!,
    password: process.env.SNOWFLAKE_PASSWORD!,
    warehouse: process.env.SNOWFLAKE_WAREHOUSE ?? "REPORTING_XS",
    database: process.env.SNOWFLAKE_DATABASE ?? "ANALYTICS",
    schema: process.env.SNOWFLAKE_SCHEMA ?? "MARTS",
    clientSessionKeepAlive: keepAlive,
  });
  return new Promise((resolve, reject) => {
    conn.connect((err, c) => (err ? reject(err) : resolve(c)));
  });
}

export function query<T = Record<string, unknown>>(
  conn: snowflake.Connection,
  sqlText: string,
  binds: snowflake.Binds = [],
): Promise<T[]> {
  return new Promise((resolve, reject) => {
    conn.execute({
      sqlText,
      binds,
      complete: (err, _stmt, rows) => (err ? reject(err) : resolve((rows ?? []) as T[])),
    });
  });
}

export function closeSnowflake(conn: snowflake.Connection): Promise<void> {
  return new Promise((resolve, reject) => {
    conn.destroy((err) => (err ? reject(err) : resolve()));
  });
}
