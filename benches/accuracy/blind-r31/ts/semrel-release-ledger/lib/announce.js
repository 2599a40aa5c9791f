const { WebClient } = require("@slack/web-api");

async function announce(token, channel, service, nextRelease) {
  const slack = new WebClient(token);
  await slack.chat.postMessage({
    channel,
    text: `:rocket: ${service} ${nextRelease.version} released`,
    blocks: [
      { type: "header", text: { type: "plain_text", text: `${service} ${nextRelease.version}` } },
      { type: "section", text: { type: "mrkdwn", text: nextRelease.notes.slice(0, 2900) } },
    ],
  });
}

module.exports = { announce };
