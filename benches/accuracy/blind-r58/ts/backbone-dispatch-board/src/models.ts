import Backbone from 'backbone';

export interface IncidentAttrs {
  id: string;
  region: string;
  title: string;
  address: string;
  status: 'open' | 'assigned' | 'en-route' | 'on-scene' | 'closed';
  priority: 1 | 2 | 3;
  unit?: string;
  createdAt: string;
  updatedAt: string;
}

export class Incident extends Backbone.Model<IncidentAttrs> {
  urlRoot = '/api/incidents';

  ageMinutes(now = Date.now()): number {
    return Math.floor((now - Date.parse(this.get('createdAt'))) / 60_000);
  }

  isOverdue(now = Date.now()): boolean {
    const limit = { 1: 8, 2: 20, 3: 60 }[this.get('priority')];
    return this.get('status') === 'open' && this.ageMinutes(now) > limit;
  }
}

export class IncidentCollection extends Backbone.Collection<Incident> {
  constructor(models: IncidentAttrs[] = [], private readonly region: string = '') {
    super(models, { model: Incident } as any);
    this.comparator = (a: Incident, b: Incident) =>
      a.get('priority') - b.get('priority') || Date.parse(a.get('createdAt')) - Date.parse(b.get('createdAt'));
  }

  url(): string {
    return `/api/regions/${encodeURIComponent(this.region)}/incidents?status=active`;
  }

  /** Apply a realtime update; fetches the full incident if it is new. */
  applyUpdate(update: Partial<IncidentAttrs> & { id: string }): void {
    const existing = this.get(update.id);
    if (existing) {
      if (update.status === 'closed') this.remove(existing);
      else existing.set(update);
      return;
    }
    if (update.status !== 'closed') {
      const incident = new Incident({ id: update.id } as IncidentAttrs);
      incident.fetch({ success: (model) => this.add(model) });
    }
  }
}
