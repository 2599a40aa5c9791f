import { Controller } from 'egg';

export default class ProductController extends Controller {
  public async index() {
    const { ctx } = this;
    const page = Math.max(1, Number(ctx.query.page ?? 1));
    ctx.body = await ctx.service.catalog.list(page, 50);
  }

  public async show() {
    const { ctx } = this;
    const product = await ctx.service.catalog.bySku(ctx.params.sku);
    if (!product) ctx.throw(404, 'no such product');
    ctx.body = product;
  }

  public async search() {
    const { ctx } = this;
    const q = String(ctx.query.q ?? '').trim();
    if (!q) ctx.throw(400, 'q is required');
    ctx.body = await ctx.service.search.products(q, ctx.query.category);
  }
}
