const SemanticReleaseError = require("@semantic-release/error");
const { withLedger } = require("./lib/ledger");
const { announce } = require("./lib/announce");

// semantic-release calls each lifecycle step once per `semantic-release` run
// (one CI job per push to a release branch).

async function verifyConditions(pluginConfig, { env, logger }) {
  if (!env.LEDGER_DATABASE_URL) {
    throw new SemanticReleaseError("LEDGER_DATABASE_URL is not set", "ENOLEDGERURL");
  }
  await withLedger(env.LEDGER_DATABASE_URL, async (client) => {
    await client.query("SELECT 1 FROM releases LIMIT 1");
  });
  logger.log("Deploy ledger reachable");
}

async function publish(pluginConfig, { env, nextRelease, options, logger }) {
  const service = pluginConfig.service || options.repositoryUrl;
  await withLedger(env.LEDGER_DATABASE_URL, async (client) => {
    await client.query(
      `INSERT INTO releases (service, version, git_tag, git_head, channel, notes)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (service, version) DO NOTHING`,
      [service, nextRelease.version, nextRelease.gitTag, nextRelease.gitHead, nextRelease.channel || "latest", nextRelease.notes],
    );
  });
  logger.log("Recorded %s@%s in the deploy ledger", service, nextRelease.version);
  return { name: "deploy ledger", url: `${env.LEDGER_UI_URL || ""}/releases/${encodeURIComponent(service)}` };
}

async function success(pluginConfig, { env, nextRelease, logger }) {
  if (!env.SLACK_BOT_TOKEN || !pluginConfig.slackChannel) return;
  await announce(env.SLACK_BOT_TOKEN, pluginConfig.slackChannel, pluginConfig.service, nextRelease);
  logger.log("Announced release in %s", pluginConfig.slackChannel);
}

async function fail(pluginConfig, { env, errors, logger }) {
  if (!env.LEDGER_DATABASE_URL) return;
  await withLedger(env.LEDGER_DATABASE_URL, async (client) => {
    await client.query("INSERT INTO release_failures (service, messages) VALUES ($1, $2)", [
      pluginConfig.service,
      errors.map((e) => e.message),
    ]);
  });
  logger.error("Recorded failed release attempt");
}

module.exports = { verifyConditions, publish, success, fail };
