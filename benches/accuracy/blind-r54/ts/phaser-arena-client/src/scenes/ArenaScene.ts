import Phaser from 'phaser';
import { ArenaState, getSocket, RoundOver } from '../net';

export class ArenaScene extends Phaser.Scene {
  private round = 1;
  private ships = new Map<string, Phaser.GameObjects.Sprite>();
  private cursors!: Phaser.Types.Input.Keyboard.CursorKeys;
  private scoreText!: Phaser.GameObjects.Text;

  constructor() {
    super('arena');
  }

  init(data: { round?: number }): void {
    this.round = data.round ?? 1;
    this.ships = new Map();
  }

  create(): void {
    this.add.tileSprite(0, 0, this.scale.width, this.scale.height, 'floor').setOrigin(0);
    this.scoreText = this.add.text(12, 12, `Round ${this.round}`, { fontSize: '16px' });
    this.cursors = this.input.keyboard!.createCursorKeys();

    const socket = getSocket();

    const onState = (state: ArenaState) => this.applyState(state);
    const onRoundOver = (result: RoundOver) => {
      const me = socket.id;
      this.scoreText.setText(result.winnerId === me ? 'You win!' : 'Round over');
      this.time.delayedCall(2000, () => this.scene.restart({ round: result.round + 1 }));
    };
    const onBlur = () => socket.emit('arena:idle');

    socket.on('arena:state', onState);
    socket.once('arena:roundOver', onRoundOver);
    window.addEventListener('blur', onBlur);

    this.time.addEvent({ delay: 50, loop: true, callback: () => this.sendInput() });
    socket.emit('arena:join', { round: this.round });

    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      socket.off('arena:state', onState);
      socket.off('arena:roundOver', onRoundOver);
      window.removeEventListener('blur', onBlur);
      this.ships.clear();
    });
  }

  private sendInput(): void {
    const c = this.cursors;
    getSocket().volatile.emit('arena:input', {
      thrust: c.up.isDown,
      left: c.left.isDown,
      right: c.right.isDown,
      fire: c.space.isDown,
    });
  }

  private applyState(state: ArenaState): void {
    const seen = new Set<string>();
    for (const p of state.players) {
      seen.add(p.id);
      let ship = this.ships.get(p.id);
      if (!ship) {
        ship = this.add.sprite(p.x, p.y, 'ship', p.id === getSocket().id ? 0 : 1);
        this.ships.set(p.id, ship);
      }
      ship.setPosition(p.x, p.y).setRotation(p.angle).setAlpha(p.hp > 0 ? 1 : 0.3);
    }
    for (const [id, ship] of this.ships) {
      if (!seen.has(id)) {
        ship.destroy();
        this.ships.delete(id);
      }
    }
  }
}
