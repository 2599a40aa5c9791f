import { Plugin, Setting, showMessage, fetchSyncPost, IWebSocketData } from "siyuan";
import { createClient, SupabaseClient, RealtimeChannel } from "@supabase/supabase-js";

const STORAGE = "config.json";

interface Config {
  url: string;
  anonKey: string;
  workspace: string;
}

interface SharedNoteRow {
  block_id: string;
  workspace: string;
  title: string;
  markdown: string;
  updated_by: string;
  updated_at: string;
}

export default class SupabaseSharePlugin extends Plugin {
  private config: Config = { url: "", anonKey: "", workspace: "default" };
  private supabase: SupabaseClient | null = null;
  private channel: RealtimeChannel | null = null;
  private pending = new Set<string>();
  private flushTimer: ReturnType<typeof setTimeout> | null = null;

  async onload() {
    this.config = { ...this.config, ...((await this.loadData(STORAGE)) ?? {}) };
    this.buildSettings();
    this.addCommand({
      langKey: "shareNow",
      hotkey: "⇧⌘U",
      callback: () => void this.flush(),
    });
    this.eventBus.on("ws-main", this.onWsMain);
    this.connect();
  }

  onunload() {
    this.eventBus.off("ws-main", this.onWsMain);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.disconnect();
  }

  // Only called from onload and after the user saves new credentials.
  private connect() {
    if (!this.config.url || !this.config.anonKey) return;
    this.supabase = createClient(this.config.url, this.config.anonKey, {
      auth: { persistSession: false },
    });
    this.channel = this.supabase
      .channel(`shared-notes:${this.config.workspace}`)
      .on(
        "postgres_changes",
        { event: "UPDATE", schema: "public", table: "shared_notes", filter: `workspace=eq.${this.config.workspace}` },
        (payload) => {
          const row = payload.new as SharedNoteRow;
          showMessage(`“${row.title}” was updated by ${row.updated_by}`, 4000);
        },
      )
      .subscribe();
  }

  private disconnect() {
    if (this.supabase) {
      void this.supabase.removeAllChannels();
    }
    this.channel = null;
    this.supabase = null;
  }

  // Fires for every kernel websocket push, i.e. on every edit transaction.
  private onWsMain = ({ detail }: CustomEvent<IWebSocketData>) => {
    if (detail.cmd !== "transactions" || !Array.isArray(detail.data)) return;
    for (const tx of detail.data) {
      for (const op of tx.doOperations ?? []) {
        if (op.id) this.pending.add(op.id);
      }
    }
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => void this.flush(), 3000);
  };

  private async flush() {
    if (!this.supabase || this.pending.size === 0) return;
    const ids = [...this.pending];
    this.pending.clear();

    const stmt = `SELECT DISTINCT b.root_id FROM blocks b JOIN attributes a ON a.root_id = b.root_id
                  WHERE b.id IN (${ids.map((id) => `'${id.replace(/'/g, "")}'`).join(",")})
                    AND a.name = 'custom-share' AND a.value = 'true'`;
    const roots = await fetchSyncPost("/api/query/sql", { stmt });
    for (const { root_id } of (roots.data ?? []) as Array<{ root_id: string }>) {
      const doc = await fetchSyncPost("/api/export/exportMdContent", { id: root_id });
      const { error } = await this.supabase.from("shared_notes").upsert({
        block_id: root_id,
        workspace: this.config.workspace,
        title: doc.data.hPath.split("/").pop(),
        markdown: doc.data.content,
        updated_by: window.siyuan.user?.userName ?? "local",
        updated_at: new Date().toISOString(),
      });
      if (error) showMessage(`share failed: ${error.message}`, 6000, "error");
    }
  }

  private buildSettings() {
    const inputs: Record<keyof Config, HTMLInputElement> = {
      url: document.createElement("input"),
      anonKey: document.createElement("input"),
      workspace: document.createElement("input"),
    };
    this.setting = new Setting({
      confirmCallback: async () => {
        this.config = { url: inputs.url.value, anonKey: inputs.anonKey.value, workspace: inputs.workspace.value };
        await this.saveData(STORAGE, this.config);
        this.disconnect();
        this.connect();
      },
    });
    for (const key of Object.keys(inputs) as Array<keyof Config>) {
      const el = inputs[key];
      el.className = "b3-text-field fn__block";
      this.setting.addItem({
        title: key,
        createActionElement: () => {
          el.value = this.config[key];
          return el;
        },
      });
    }
  }
}
