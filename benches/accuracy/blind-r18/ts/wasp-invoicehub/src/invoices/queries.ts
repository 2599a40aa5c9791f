import { HttpError } from "wasp/server";
import type { GetInvoices, SearchInvoices } from "wasp/server/operations";
import type { Invoice } from "wasp/entities";
import { searchClientFor } from "../server/search";

export const getInvoices: GetInvoices<void, Invoice[]> = async (_args, context) => {
  if (!context.user?.organizationId) throw new HttpError(401);
  // context.entities.* is the Prisma client Wasp builds once per server.
  return context.entities.Invoice.findMany({
    where: { organizationId: context.user.organizationId },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
};

type SearchHit = { id: number; number: string; customerName: string };

export const searchInvoices: SearchInvoices<{ q: string }, SearchHit[]> = async ({ q }, context) => {
  if (!context.user?.organizationId) throw new HttpError(401);
  const org = await context.entities.Organization.findUniqueOrThrow({
    where: { id: context.user.organizationId },
    select: { id: true, searchHost: true, searchApiKey: true },
  });

  const res = await searchClientFor(org)
    .collections<SearchHit>("invoices")
    .documents()
    .search({ q, query_by: "number,customerName", per_page: 20 });
  return (res.hits ?? []).map((h) => h.document);
};
