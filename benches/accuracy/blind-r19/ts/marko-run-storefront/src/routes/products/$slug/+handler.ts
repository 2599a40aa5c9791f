import { productBySlug } from "../../../lib/db";

export const GET: MarkoRun.Handler = async (context, next) => {
  const product = await productBySlug(context.params.slug);
  if (!product) {
    return new Response("Not found", { status: 404 });
  }
  context.product = product;
  return next();
};

declare global {
  namespace MarkoRun {
    interface Context {
      product?: import("../../../lib/db").Product;
    }
  }
}
