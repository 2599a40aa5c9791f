import { Pool } from "undici";

export interface JiraSettings {
  baseUrl: string;
  token: string;
  jql: string;
  maxConnections: number;
}

export interface IssueSummary {
  key: string;
  summary: string;
  status: string;
}

/**
 * Thin Jira REST wrapper. Holds one keep-alive pool to the Jira host for the
 * lifetime of the Neovim session; reconfigure() swaps it only when the user
 * edits the jiraKeys.* settings, closing the previous pool first.
 */
export class JiraClient {
  private pool: Pool | undefined;
  private settings: JiraSettings | undefined;

  reconfigure(settings: JiraSettings): void {
    const old = this.pool;
    this.settings = settings;
    this.pool = new Pool(new URL(settings.baseUrl).origin, {
      connections: settings.maxConnections,
      keepAliveTimeout: 60_000,
    });
    if (old) void old.close();
  }

  async search(text: string, limit = 20): Promise<IssueSummary[]> {
    if (!this.pool || !this.settings?.token) return [];
    const jql = text
      ? `(${this.settings.jql}) AND (key = "${text.toUpperCase()}" OR summary ~ "${text.replace(/"/g, "")}*")`
      : this.settings.jql;
    const params = new URLSearchParams({ jql, maxResults: String(limit), fields: "summary,status" });
    const { statusCode, body } = await this.pool.request({
      method: "GET",
      path: `/rest/api/2/search?${params}`,
      headers: { authorization: `Bearer ${this.settings.token}`, accept: "application/json" },
    });
    if (statusCode !== 200) {
      await body.dump();
      return [];
    }
    const data = (await body.json()) as {
      issues: Array<{ key: string; fields: { summary: string; status: { name: string } } }>;
    };
    return data.issues.map((i) => ({ key: i.key, summary: i.fields.summary, status: i.fields.status.name }));
  }

  browseUrl(key: string): string {
    return `${this.settings?.baseUrl ?? ""}/browse/${key}`;
  }

  async dispose(): Promise<void> {
    await this.pool?.close();
    this.pool = undefined;
  }
}
