import { commands, ExtensionContext, window, workspace, Disposable } from "coc.nvim";
import { JiraClient, JiraSettings } from "./jira";
import { createIssueSource } from "./source";

function readSettings(): JiraSettings {
  const config = workspace.getConfiguration("jiraKeys");
  return {
    baseUrl: config.get<string>("baseUrl", "https://jira.example.com"),
    token: config.get<string>("token", ""),
    jql: config.get<string>("jql", "assignee = currentUser() AND resolution = Unresolved"),
    maxConnections: config.get<number>("maxConnections", 4),
  };
}

// coc.nvim calls activate() once per Neovim session, on the first activation event.
export async function activate(context: ExtensionContext): Promise<void> {
  const jira = new JiraClient();
  jira.reconfigure(readSettings());

  context.subscriptions.push(
    createIssueSource(jira),

    workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration("jiraKeys")) jira.reconfigure(readSettings());
    }),

    commands.registerCommand("jiraKeys.openIssue", async () => {
      const issues = await jira.search("", 30);
      if (issues.length === 0) {
        window.showWarningMessage("No Jira issues match jiraKeys.jql");
        return;
      }
      const idx = await window.showQuickpick(issues.map((i) => `${i.key}  ${i.summary}  (${i.status})`));
      if (idx < 0) return;
      await workspace.nvim.call("coc#ui#open_url", [jira.browseUrl(issues[idx].key)]);
    }),

    Disposable.create(() => {
      void jira.dispose();
    })
  );
}
