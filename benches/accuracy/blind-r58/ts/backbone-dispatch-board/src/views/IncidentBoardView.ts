import Backbone from 'backbone';
import type { Channel } from 'pusher-js';
import { IncidentCollection, type Incident } from '../models';
import { channelName, realtime, type IncidentEvent } from '../realtime';
import { IncidentRowView } from './IncidentRowView';

/**
 * Board for one region. Created by the router on every region switch; the
 * previous board is removed first, which unsubscribes its channel and stops
 * its clock. The Pusher connection itself is shared (see realtime.ts).
 */
export class IncidentBoardView extends Backbone.View {
  private readonly incidents: IncidentCollection;
  private readonly rows = new Map<string, IncidentRowView>();
  private readonly channel: Channel;
  private readonly clock: number;

  constructor(private readonly region: string) {
    super({ tagName: 'section', className: 'board' });
    this.incidents = new IncidentCollection([], region);
    this.listenTo(this.incidents, 'add', this.addRow);
    this.listenTo(this.incidents, 'sort reset', this.reorder);

    this.channel = realtime().subscribe(channelName(region));
    this.channel.bind('incident.updated', this.onIncidentEvent, this);

    // Re-render ages every 30 s.
    this.clock = window.setInterval(() => this.rows.forEach((row) => row.render()), 30_000);

    this.incidents.fetch();
  }

  private onIncidentEvent(event: IncidentEvent): void {
    this.incidents.applyUpdate(event);
    this.incidents.sort();
  }

  private addRow(incident: Incident): void {
    const row = new IncidentRowView({ model: incident });
    this.rows.set(incident.id as string, row);
    this.listenTo(incident, 'remove', () => this.rows.delete(incident.id as string));
    this.reorder();
  }

  private reorder(): void {
    const list = this.$('ul.incidents');
    this.incidents.each((incident) => {
      const row = this.rows.get(incident.id as string);
      if (row) list.append(row.render().el);
    });
  }

  render(): this {
    this.$el.html(`<h2>${this.region}</h2><ul class="incidents"></ul>`);
    this.reorder();
    return this;
  }

  remove(): this {
    window.clearInterval(this.clock);
    this.channel.unbind('incident.updated', this.onIncidentEvent, this);
    realtime().unsubscribe(channelName(this.region));
    this.rows.forEach((row) => row.remove());
    this.rows.clear();
    return super.remove();
  }
}
