import Backbone from 'backbone';
import $ from 'jquery';
import { disconnectRealtime } from './realtime';
import { IncidentBoardView } from './views/IncidentBoardView';

/**
 * Router: every navigation to a region builds a new board view and removes
 * the old one. Views share the page-wide realtime connection.
 */
class DispatchRouter extends Backbone.Router {
  private current: IncidentBoardView | null = null;

  constructor() {
    super({
      routes: {
        '': 'home',
        'region/:region': 'showRegion',
      },
    });
  }

  home(): void {
    this.navigate(`region/${localStorage.getItem('dispatch.region') ?? 'north'}`, { trigger: true, replace: true });
  }

  showRegion(region: string): void {
    localStorage.setItem('dispatch.region', region);
    this.current?.remove();
    this.current = new IncidentBoardView(region);
    $('#app').empty().append(this.current.render().el);
    $('nav a').removeClass('active').filter(`[href="#region/${region}"]`).addClass('active');
  }

  shutdown(): void {
    this.current?.remove();
    this.current = null;
  }
}

$(() => {
  const router = new DispatchRouter();
  Backbone.history.start();

  window.addEventListener('pagehide', () => {
    router.shutdown();
    disconnectRealtime();
  });
});
