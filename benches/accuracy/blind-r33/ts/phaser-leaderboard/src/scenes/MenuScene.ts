import Phaser from "phaser";
import type { RealtimeChannel } from "@supabase/supabase-js";
import { supabase, topScores, type ScoreRow } from "../services/supabase";

export class MenuScene extends Phaser.Scene {
  private board?: Phaser.GameObjects.Text;
  private channel?: RealtimeChannel;

  constructor() {
    super("menu");
  }

  create() {
    this.add.text(40, 30, "SKYHOP — press SPACE", { fontSize: "32px" });
    this.board = this.add.text(40, 100, "loading…", { fontSize: "18px" });
    void this.refresh();

    this.channel = supabase
      .channel("scores-feed")
      .on("postgres_changes", { event: "INSERT", schema: "public", table: "scores" }, () => {
        void this.refresh();
      })
      .subscribe();

    this.input.keyboard?.once("keydown-SPACE", () => this.scene.start("run"));

    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      if (this.channel) void supabase.removeChannel(this.channel);
      this.channel = undefined;
    });
  }

  private async refresh() {
    const rows: ScoreRow[] = await topScores();
    this.board?.setText(rows.map((r, i) => `${i + 1}. ${r.player}  ${r.score}`).join("\n"));
  }
}
