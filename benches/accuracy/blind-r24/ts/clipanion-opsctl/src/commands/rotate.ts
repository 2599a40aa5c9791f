import { randomBytes, createHash } from "node:crypto";
import { Command, Option } from "clipanion";
import pg from "pg";

export class RotateKeysCommand extends Command {
  static paths = [["keys", "rotate"]];

  static usage = Command.Usage({
    description: "Rotate a merchant's webhook signing secret",
  });

  merchant = Option.String({ required: true });
  dryRun = Option.Boolean("--dry-run", false);

  async execute(): Promise<number> {
    const client = new pg.Client({
      connectionString: process.env.DATABASE_URL,
      application_name: "opsctl-rotate",
    });
    await client.connect();
    try {
      const secret = `whsec_${randomBytes(24).toString("base64url")}`;
      const fingerprint = createHash("sha256").update(secret).digest("hex").slice(0, 12);

      await client.query("BEGIN");
      const { rowCount } = await client.query(
        `UPDATE webhook_endpoints
            SET previous_secret = secret, secret = $2, rotated_at = now()
          WHERE merchant_id = $1`,
        [this.merchant, secret],
      );
      if (rowCount === 0) {
        await client.query("ROLLBACK");
        this.context.stderr.write(`no webhook endpoints for ${this.merchant}\n`);
        return 1;
      }
      await client.query(this.dryRun ? "ROLLBACK" : "COMMIT");
      this.context.stdout.write(
        `${this.dryRun ? "[dry-run] would rotate" : "rotated"} ${rowCount} endpoint(s), new key ${fingerprint}\n`,
      );
      return 0;
    } finally {
      await client.end();
    }
  }
}
