import Phaser from 'phaser';
import { disconnectSocket, getSocket } from './net';
import { ArenaScene } from './scenes/ArenaScene';
import { BootScene } from './scenes/BootScene';

const game = new Phaser.Game({
  type: Phaser.AUTO,
  parent: 'game',
  width: 960,
  height: 640,
  backgroundColor: '#101418',
  physics: { default: 'arcade' },
  scale: {
    mode: Phaser.Scale.FIT,
    autoCenter: Phaser.Scale.CENTER_BOTH,
  },
  scene: [BootScene, ArenaScene],
});

const onVisibility = () => {
  if (document.hidden) {
    game.loop.sleep();
  } else {
    game.loop.wake();
  }
};
document.addEventListener('visibilitychange', onVisibility);

getSocket().on('disconnect', (reason) => {
  if (reason === 'io server disconnect') {
    game.scene.getScenes(true).forEach((s) => s.scene.stop());
    game.scene.start('boot');
  }
});

window.addEventListener('beforeunload', () => {
  document.removeEventListener('visibilitychange', onVisibility);
  disconnectSocket();
  game.destroy(true);
});

if (import.meta.hot) {
  import.meta.hot.dispose(() => {
    document.removeEventListener('visibilitychange', onVisibility);
    disconnectSocket();
    game.destroy(true);
  });
}
