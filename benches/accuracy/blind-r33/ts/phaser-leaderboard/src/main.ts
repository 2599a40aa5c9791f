import Phaser from "phaser";
import { MenuScene } from "./scenes/MenuScene";
import { RunScene } from "./scenes/RunScene";

new Phaser.Game({
  type: Phaser.AUTO,
  parent: "game",
  width: 960,
  height: 540,
  physics: { default: "arcade", arcade: { gravity: { x: 0, y: 900 } } },
  scene: [MenuScene, RunScene],
});
