import type { PageContextServer } from 'vike/types';
import { listProducts } from '../../server/db';

export type Data = Awaited<ReturnType<typeof data>>;

export async function data(_pageContext: PageContextServer) {
  const products = await listProducts(100);
  return { products };
}
