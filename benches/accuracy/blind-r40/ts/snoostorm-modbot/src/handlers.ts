import type pg from "pg";
import type Snoowrap from "snoowrap";
import type { Comment, Submission } from "snoowrap";
import { firstMatch } from "./rules.js";

export interface Deps {
  pool: pg.Pool;
  reddit: Snoowrap;
}

/** Built once in main(); the returned closure runs for every new comment. */
export function makeCommentHandler({ pool }: Deps) {
  return async (comment: Comment): Promise<void> => {
    const rule = firstMatch(comment.body);
    if (!rule) return;

    const client = await pool.connect();
    try {
      await client.query("begin");
      const { rows } = await client.query<{ strikes: number }>(
        `insert into strikes (author, subreddit, strikes) values ($1, $2, 1)
         on conflict (author, subreddit) do update set strikes = strikes.strikes + 1
         returning strikes`,
        [comment.author.name, comment.subreddit.display_name],
      );
      await client.query(
        "insert into mod_actions (thing_id, author, rule, action) values ($1, $2, $3, $4)",
        [comment.name, comment.author.name, rule.name, rule.action],
      );
      await client.query("commit");

      if (rule.action === "remove") {
        await comment.remove();
        if (rows[0].strikes >= 3) {
          await comment.reply(`Removed (${rule.name}). Repeated violations may lead to a ban.`);
        }
      } else {
        await comment.report({ reason: `automod: ${rule.name}` });
      }
    } catch (err) {
      await client.query("rollback").catch(() => undefined);
      console.error(`failed to handle ${comment.name}`, err);
    } finally {
      client.release();
    }
  };
}

export function makeSubmissionHandler({ pool }: Deps) {
  return async (post: Submission): Promise<void> => {
    try {
      await pool.query(
        "insert into submissions_seen (thing_id, author, title, created_utc) values ($1, $2, $3, to_timestamp($4)) on conflict do nothing",
        [post.name, post.author.name, post.title, post.created_utc],
      );
    } catch (err) {
      console.error(`failed to record ${post.name}`, err);
    }
  };
}
