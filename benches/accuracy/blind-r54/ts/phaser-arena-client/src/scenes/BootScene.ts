import Phaser from 'phaser';
import { getSocket } from '../net';

export class BootScene extends Phaser.Scene {
  constructor() {
    super('boot');
  }

  preload(): void {
    this.load.image('floor', 'assets/floor.png');
    this.load.spritesheet('ship', 'assets/ship.png', { frameWidth: 32, frameHeight: 32 });
    this.load.audio('hit', 'assets/hit.ogg');
  }

  create(): void {
    const status = this.add
      .text(this.scale.width / 2, this.scale.height / 2, 'Connecting…', { fontSize: '20px' })
      .setOrigin(0.5);

    const socket = getSocket();
    const onConnect = () => {
      socket.off('connect_error', onError);
      this.scene.start('arena', { round: 1 });
    };
    const onError = (err: Error) => {
      status.setText(`Cannot reach server (${err.message}), retrying…`);
    };

    socket.once('connect', onConnect);
    socket.on('connect_error', onError);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      socket.off('connect', onConnect);
      socket.off('connect_error', onError);
    });

    if (socket.connected) {
      onConnect();
    } else {
      socket.connect();
    }
  }
}
