import { sources, CompleteOption, CompleteResult, ISource } from "coc.nvim";
import type { JiraClient } from "./jira";

const KEY_PREFIX = /^[A-Za-z][A-Za-z0-9]*-?\d*$/;

/**
 * Completion source. doComplete runs on (almost) every keystroke in
 * gitcommit/markdown buffers, so it only reuses the shared JiraClient and a
 * small in-memory cache of recent results.
 */
export function createIssueSource(jira: JiraClient) {
  const recent = new Map<string, { at: number; items: CompleteResult["items"] }>();

  const source: ISource = {
    name: "jira",
    shortcut: "JIRA",
    filetypes: ["gitcommit", "markdown"],
    priority: 90,
    triggerCharacters: [],
    doComplete: async (opt: CompleteOption): Promise<CompleteResult | null> => {
      const input = opt.input ?? "";
      if (input.length < 2 || !KEY_PREFIX.test(input)) return null;

      const hit = recent.get(input);
      if (hit && Date.now() - hit.at < 30_000) return { items: hit.items };

      const issues = await jira.search(input, 15);
      const items = issues.map((i) => ({
        word: i.key,
        abbr: `${i.key} ${i.summary}`.slice(0, 60),
        menu: `[${i.status}]`,
        info: i.summary,
      }));
      recent.set(input, { at: Date.now(), items });
      if (recent.size > 200) recent.delete(recent.keys().next().value as string);
      return { items };
    },
  };

  return sources.createSource(source);
}
