import Backbone from 'backbone';
import _ from 'underscore';
import type { Incident } from '../models';

const template = _.template(`
  <span class="prio prio-<%- priority %>">P<%- priority %></span>
  <span class="title"><%- title %></span>
  <span class="address"><%- address %></span>
  <span class="status status-<%- status %>"><%- status %></span>
  <span class="unit"><%- unit || '—' %></span>
  <span class="age"><%- age %> min</span>
  <button class="assign" <% if (status !== 'open') { %>disabled<% } %>>Assign</button>
`);

/**
 * One row per incident. render() runs on every attribute change of the model
 * and on every tick of the board's clock; it only rebuilds DOM.
 */
export class IncidentRowView extends Backbone.View<Incident> {
  constructor(options: Backbone.ViewOptions<Incident>) {
    super({ ...options, tagName: 'li', className: 'incident' });
    this.listenTo(this.model, 'change', this.render);
    this.listenTo(this.model, 'remove', this.remove);
  }

  events(): Backbone.EventsHash {
    return { 'click .assign': 'onAssign' };
  }

  render(): this {
    const now = Date.now();
    this.$el.html(template({ ...this.model.toJSON(), age: this.model.ageMinutes(now) }));
    this.$el.toggleClass('overdue', this.model.isOverdue(now));
    return this;
  }

  private onAssign(): void {
    const unit = window.prompt('Assign unit (call sign):');
    if (!unit) return;
    this.model.save({ unit, status: 'assigned' }, { patch: true, wait: true });
  }
}
