import { Provide, Inject } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { GraphService } from './graph.service';
import { ProfileClient } from './profile.client';

// Request-scoped (Midway's default): created for each request, holds only
// references to the singleton clients above.
@Provide()
export class SuggestionService {
  @Inject()
  ctx: Context;

  @Inject()
  graph: GraphService;

  @Inject()
  profiles: ProfileClient;

  async forCurrentUser(limit: number) {
    const userId = this.ctx.get('x-user-id');
    const ranked = await this.graph.suggestions(userId, limit);
    const profiles = await this.profiles.many(ranked.map((r) => r.id));
    const byId = new Map(profiles.map((p) => [p.id, p]));
    return ranked.map((r) => ({ ...byId.get(r.id), mutuals: r.mutuals }));
  }
}
