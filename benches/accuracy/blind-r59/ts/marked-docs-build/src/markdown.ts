import { Marked, Token, Tokens } from "marked";
import { Agent, request } from "undici";

export interface LinkReport {
  href: string;
  status: number | "error";
  page: string;
}

/**
 * Builds the one Marked instance used for the whole build. The walkTokens hook
 * runs for every token of every page; link checks go through the Agent passed
 * in by the caller and are memoised so each URL is requested once per build.
 */
export function createMarkdown(agent: Agent, broken: LinkReport[]) {
  const checked = new Map<string, Promise<number | "error">>();
  let currentPage = "";

  async function status(href: string): Promise<number | "error"> {
    let pending = checked.get(href);
    if (!pending) {
      pending = request(href, { method: "HEAD", dispatcher: agent, headersTimeout: 8000, maxRedirections: 3 })
        .then(async (res) => {
          await res.body.dump();
          return res.statusCode;
        })
        .catch(() => "error" as const);
      checked.set(href, pending);
    }
    return pending;
  }

  const marked = new Marked({
    async: true,
    gfm: true,
    async walkTokens(token: Token) {
      if (token.type !== "link") return;
      const link = token as Tokens.Link;
      if (!/^https?:\/\//.test(link.href)) return;
      const code = await status(link.href);
      if (code === "error" || code >= 400) {
        broken.push({ href: link.href, status: code, page: currentPage });
        link.title = link.title ?? "This link may be broken";
      }
    },
  });

  return {
    async render(page: string, source: string): Promise<string> {
      currentPage = page;
      return marked.parse(source) as Promise<string>;
    },
  };
}
