import pg from "pg";

/**
 * Plop custom action. Runs once per generator invocation on a developer's
 * machine: opens one connection, writes the catalog entry, and closes it.
 */
export async function registerServiceAction(answers, _config, plop) {
  const name = plop.getHelper("kebabCase")(answers.name);
  const client = new pg.Client({ connectionString: process.env.CATALOG_DATABASE_URL });
  await client.connect();
  try {
    await client.query("begin");
    await client.query(
      "insert into services (name, owner_team, tier, repo_path, created_by) values ($1, $2, $3, $4, current_user)",
      [name, answers.owner, answers.tier, `services/${name}`],
    );
    await client.query(
      "insert into service_oncall (service, rotation) select $1, rotation from teams where slug = $2",
      [name, answers.owner],
    );
    await client.query("commit");
    return `registered ${name} in the service catalog`;
  } catch (err) {
    await client.query("rollback");
    throw err;
  } finally {
    await client.end();
  }
}
