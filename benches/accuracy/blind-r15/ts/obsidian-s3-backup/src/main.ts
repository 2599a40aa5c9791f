import { DeleteObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { Notice, Plugin, TAbstractFile, TFile } from "obsidian";
import { DEFAULT_SETTINGS, S3BackupSettingTab, S3BackupSettings } from "./settings";

export default class S3BackupPlugin extends Plugin {
  settings!: S3BackupSettings;
  private s3!: S3Client;
  private dirty = new Set<string>();
  private statusEl!: HTMLElement;

  async onload() {
    await this.loadSettings();
    this.s3 = new S3Client({
      region: this.settings.region,
      endpoint: this.settings.endpoint || undefined,
      forcePathStyle: !!this.settings.endpoint,
      credentials: {
        accessKeyId: this.settings.accessKeyId,
        secretAccessKey: this.settings.secretAccessKey,
      },
    });

    this.statusEl = this.addStatusBarItem();
    this.statusEl.setText("S3: idle");

    this.registerEvent(this.app.vault.on("modify", (file) => this.markDirty(file)));
    this.registerEvent(this.app.vault.on("create", (file) => this.markDirty(file)));
    this.registerEvent(
      this.app.vault.on("delete", (file) => {
        if (file instanceof TFile) void this.remove(file.path);
      }),
    );

    this.registerInterval(
      window.setInterval(() => void this.flush(), this.settings.flushSeconds * 1000),
    );
    this.registerDomEvent(document, "visibilitychange", () => {
      if (document.visibilityState === "hidden") void this.flush();
    });

    this.addCommand({
      id: "backup-now",
      name: "Back up changed notes now",
      callback: () => this.flush(true),
    });
    this.addSettingTab(new S3BackupSettingTab(this.app, this));
  }

  onunload() {
    this.s3?.destroy();
  }

  private markDirty(file: TAbstractFile) {
    if (file instanceof TFile && file.extension === "md") this.dirty.add(file.path);
  }

  private key(path: string) {
    return `${this.settings.prefix}${path}`;
  }

  async flush(manual = false) {
    if (this.dirty.size === 0) {
      if (manual) new Notice("S3 backup: nothing to upload");
      return;
    }
    const paths = [...this.dirty];
    this.dirty.clear();
    this.statusEl.setText(`S3: uploading ${paths.length}`);
    let failed = 0;
    for (const path of paths) {
      const file = this.app.vault.getAbstractFileByPath(path);
      if (!(file instanceof TFile)) continue;
      try {
        const body = await this.app.vault.cachedRead(file);
        await this.s3.send(
          new PutObjectCommand({
            Bucket: this.settings.bucket,
            Key: this.key(path),
            Body: body,
            ContentType: "text/markdown; charset=utf-8",
          }),
        );
      } catch (err) {
        console.error("s3-backup upload", path, err);
        this.dirty.add(path);
        failed++;
      }
    }
    this.statusEl.setText(failed ? `S3: ${failed} failed` : "S3: up to date");
    if (manual) new Notice(`S3 backup: uploaded ${paths.length - failed} notes`);
  }

  private async remove(path: string) {
    this.dirty.delete(path);
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: this.key(path) }));
  }

  async loadSettings() {
    this.settings = Object.assign({}, DEFAULT_SETTINGS, await this.loadData());
  }

  async saveSettings() {
    await this.saveData(this.settings);
  }
}
