import { CONTEXT, Inject, Injectable, Scope } from "graphql-modules";
import { MongoClient, type Collection } from "mongodb";
import type { AppContext } from "../../context";

export interface Product {
  _id: string;
  shopId: string;
  title: string;
  priceCents: number;
  tags: string[];
}

@Injectable({ scope: Scope.Operation })
export class CatalogStore {
  private readonly products: Collection<Product>;

  constructor(@Inject(CONTEXT) private readonly ctx: AppContext) {
    const client = new MongoClient(process.env.MONGO_URL ?? "mongodb://localhost:27017", {
      appName: `catalog-${ctx.shopId}`,
    });
    this.products = client.db("shop").collection<Product>("products");
  }

  byId(id: string) {
    return this.products.findOne({ _id: id, shopId: this.ctx.shopId });
  }

  search(term: string, limit: number) {
    return this.products
      .find({ shopId: this.ctx.shopId, $text: { $search: term } })
      .limit(Math.min(limit, 50))
      .toArray();
  }
}
