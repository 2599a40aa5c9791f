import Phaser from "phaser";
import { submitScores, type ScoreRow } from "../services/supabase";

export class RunScene extends Phaser.Scene {
  private player!: Phaser.Types.Physics.Arcade.SpriteWithDynamicBody;
  private score = 0;
  private pending: ScoreRow[] = [];
  private readonly onBlur = () => this.scene.pause();

  constructor() {
    super("run");
  }

  create() {
    this.score = 0;
    this.player = this.physics.add.sprite(120, 300, "__WHITE").setDisplaySize(24, 24);
    this.player.setCollideWorldBounds(true);
    this.input.on("pointerdown", () => this.player.setVelocityY(-420));

    // batched upload: the per-frame update never touches the network
    this.time.addEvent({ delay: 5_000, loop: true, callback: () => void this.flush() });

    window.addEventListener("blur", this.onBlur);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      window.removeEventListener("blur", this.onBlur);
      void this.flush();
    });
  }

  update(_time: number, delta: number) {
    this.score += Math.floor(delta / 16);
    if (this.player.body.blocked.down) {
      this.pending.push({ player: localStorage.getItem("nick") ?? "anon", score: this.score });
      this.scene.start("menu");
    }
  }

  private async flush() {
    const batch = this.pending.splice(0, this.pending.length);
    try {
      await submitScores(batch);
    } catch (err) {
      console.warn("score upload failed, will retry", err);
      this.pending.unshift(...batch);
    }
  }
}
