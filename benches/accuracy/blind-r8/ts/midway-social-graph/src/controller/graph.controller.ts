import { Controller, Get, Post, Inject, Query, Param } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { GraphService } from '../service/graph.service';
import { SuggestionService } from '../service/suggestion.service';

@Controller('/graph')
export class GraphController {
  @Inject()
  ctx: Context;

  @Inject()
  graph: GraphService;

  @Inject()
  suggestionService: SuggestionService;

  @Post('/follow/:userId')
  async follow(@Param('userId') userId: string) {
    await this.graph.follow(this.ctx.get('x-user-id'), userId);
    this.ctx.status = 204;
  }

  @Get('/suggestions')
  async suggestions(@Query('limit') limit = '10') {
    return this.suggestionService.forCurrentUser(Math.min(Number(limit) || 10, 50));
  }
}
