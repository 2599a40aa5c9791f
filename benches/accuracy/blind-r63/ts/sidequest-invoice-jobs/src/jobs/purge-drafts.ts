import { Job } from "sidequest";
import { pool } from "../db.js";

export class PurgeDraftsJob extends Job {
  async run(olderThanDays: number) {
    const client = await pool.connect();
    try {
      await client.query("begin");
      const { rowCount } = await client.query(
        "delete from invoices where status = 'draft' and updated_at < now() - make_interval(days => $1)",
        [olderThanDays]
      );
      await client.query("commit");
      return { purged: rowCount ?? 0 };
    } catch (err) {
      await client.query("rollback");
      throw err;
    } finally {
      client.release();
    }
  }
}
