module.exports = {
  branches: ["main"],
  plugins: [
    "@semantic-release/commit-analyzer",
    "@semantic-release/release-notes-generator",
    ["@acme/semantic-release-ledger", { service: "checkout-api", slackChannel: "#releases" }],
  ],
};
