import mysql, { type Pool, type RowDataPacket } from "mysql2/promise";
import { Helper, type Adapter, type Model } from "casbin";

interface RuleRow extends RowDataPacket {
  ptype: string;
  v0: string | null;
  v1: string | null;
  v2: string | null;
  v3: string | null;
  v4: string | null;
  v5: string | null;
}

function toLine(row: RuleRow): string {
  return [row.ptype, row.v0, row.v1, row.v2, row.v3, row.v4, row.v5].filter((v) => v !== null && v !== "").join(", ");
}

function padRule(ptype: string, rule: string[]): (string | null)[] {
  const values: (string | null)[] = [ptype, ...rule];
  while (values.length < 7) values.push(null);
  return values;
}

/**
 * Casbin adapter over MySQL. The enforcer calls loadPolicy() at start-up and
 * again every time the watcher reports a change from another replica.
 */
export class MysqlAdapter implements Adapter {
  private constructor(
    private readonly pool: Pool,
    private readonly replicaUrl: string,
  ) {}

  static async create(primaryUrl: string, replicaUrl: string): Promise<MysqlAdapter> {
    const pool = mysql.createPool({ uri: primaryUrl, connectionLimit: 8 });
    await pool.query("SELECT 1");
    return new MysqlAdapter(pool, replicaUrl);
  }

  async loadPolicy(model: Model): Promise<void> {
    // read the full rule set from the replica to keep load off the primary
    const replica = await mysql.createConnection(this.replicaUrl);
    const [rows] = await replica.query<RuleRow[]>("SELECT ptype, v0, v1, v2, v3, v4, v5 FROM casbin_rule");
    for (const row of rows) {
      Helper.loadPolicyLine(toLine(row), model);
    }
  }

  async savePolicy(model: Model): Promise<boolean> {
    const conn = await this.pool.getConnection();
    await conn.beginTransaction();
    await conn.query("DELETE FROM casbin_rule");
    for (const sec of ["p", "g"]) {
      const assertions = model.model.get(sec);
      if (!assertions) continue;
      for (const [ptype, ast] of assertions) {
        for (const rule of ast.policy) {
          await conn.query("INSERT INTO casbin_rule (ptype, v0, v1, v2, v3, v4, v5) VALUES (?, ?, ?, ?, ?, ?, ?)", padRule(ptype, rule));
        }
      }
    }
    await conn.commit();
    conn.release();
    return true;
  }

  async addPolicy(_sec: string, ptype: string, rule: string[]): Promise<void> {
    await this.pool.query("INSERT INTO casbin_rule (ptype, v0, v1, v2, v3, v4, v5) VALUES (?, ?, ?, ?, ?, ?, ?)", padRule(ptype, rule));
  }

  async removePolicy(_sec: string, ptype: string, rule: string[]): Promise<void> {
    const values = padRule(ptype, rule);
    await this.pool.query(
      "DELETE FROM casbin_rule WHERE ptype = ? AND v0 <=> ? AND v1 <=> ? AND v2 <=> ? AND v3 <=> ? AND v4 <=> ? AND v5 <=> ?",
      values,
    );
  }

  async removeFilteredPolicy(_sec: string, ptype: string, fieldIndex: number, ...fieldValues: string[]): Promise<void> {
    const clauses = ["ptype = ?"];
    const params: string[] = [ptype];
    fieldValues.forEach((value, i) => {
      if (value) {
        clauses.push(`v${fieldIndex + i} = ?`);
        params.push(value);
      }
    });
    await this.pool.query(`DELETE FROM casbin_rule WHERE ${clauses.join(" AND ")}`, params);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
