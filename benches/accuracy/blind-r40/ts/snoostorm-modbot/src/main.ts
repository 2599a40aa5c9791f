import Snoowrap from "snoowrap";
import { CommentStream, SubmissionStream } from "snoostorm";
import { createPoolWithRetry } from "./db.js";
import { makeCommentHandler, makeSubmissionHandler } from "./handlers.js";

async function main(): Promise<void> {
  const reddit = new Snoowrap({
    userAgent: "node:modbot-cozyplaces:v1.2.0 (by /u/cozyplaces_mods)",
    clientId: process.env.REDDIT_CLIENT_ID!,
    clientSecret: process.env.REDDIT_CLIENT_SECRET!,
    refreshToken: process.env.REDDIT_REFRESH_TOKEN!,
  });
  reddit.config({ requestDelay: 1100, continueAfterRatelimitError: true });

  const pool = await createPoolWithRetry(process.env.DATABASE_URL!);
  const deps = { pool, reddit };

  const subreddit = process.env.SUBREDDIT ?? "cozyplaces";
  const comments = new CommentStream(reddit, { subreddit, limit: 25, pollTime: 5000 });
  const submissions = new SubmissionStream(reddit, { subreddit, limit: 10, pollTime: 15000 });

  // snoostorm polls and emits "item" for each new comment / post
  comments.on("item", makeCommentHandler(deps));
  submissions.on("item", makeSubmissionHandler(deps));

  const stop = async () => {
    comments.end();
    submissions.end();
    await pool.end();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
