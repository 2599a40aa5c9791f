import { prisma } from "@/lib/prisma";
import { LiveStatus, OnlineIndicator } from "@/components/LiveStatus";
import { createInvoice, sendReminder } from "./actions";

export default async function InvoicesPage() {
  const invoices = await prisma.invoice.findMany({ orderBy: { createdAt: "desc" }, take: 50 });
  return (
    <main>
      <OnlineIndicator />
      <form action={createInvoice}>
        <input name="customerId" required />
        <input name="amount" type="number" step="0.01" required />
        <input name="dueDate" type="date" required />
        <button type="submit">Create</button>
      </form>
      <ul>
        {invoices.map((inv) => (
          <li key={inv.id}>
            {inv.number} — {(inv.amount / 100).toFixed(2)} <LiveStatus invoiceId={inv.id} initial={inv.status} />
            <form action={sendReminder.bind(null, inv.id)}>
              <button type="submit">Remind</button>
            </form>
          </li>
        ))}
      </ul>
    </main>
  );
}
