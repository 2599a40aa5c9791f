import { App, PluginSettingTab, Setting } from "obsidian";
import type S3BackupPlugin from "./main";

export interface S3BackupSettings {
  endpoint: string;
  region: string;
  bucket: string;
  prefix: string;
  accessKeyId: string;
  secretAccessKey: string;
  flushSeconds: number;
}

export const DEFAULT_SETTINGS: S3BackupSettings = {
  endpoint: "",
  region: "us-east-1",
  bucket: "",
  prefix: "vault/",
  accessKeyId: "",
  secretAccessKey: "",
  flushSeconds: 60,
};

export class S3BackupSettingTab extends PluginSettingTab {
  constructor(app: App, private plugin: S3BackupPlugin) {
    super(app, plugin);
  }

  display(): void {
    const { containerEl } = this;
    containerEl.empty();
    containerEl.createEl("p", { text: "Connection changes take effect after reloading the plugin." });

    const text = (name: string, key: keyof S3BackupSettings, secret = false) =>
      new Setting(containerEl).setName(name).addText((t) => {
        if (secret) t.inputEl.type = "password";
        t.setValue(String(this.plugin.settings[key])).onChange(async (v) => {
          (this.plugin.settings as unknown as Record<string, string>)[key] = v;
          await this.plugin.saveSettings();
        });
      });

    text("Endpoint", "endpoint");
    text("Region", "region");
    text("Bucket", "bucket");
    text("Key prefix", "prefix");
    text("Access key ID", "accessKeyId");
    text("Secret access key", "secretAccessKey", true);
  }
}
