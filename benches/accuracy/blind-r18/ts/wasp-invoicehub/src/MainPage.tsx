import { useState } from "react";
import { createInvoice, getInvoices, searchInvoices, useQuery } from "wasp/client/operations";

export function MainPage() {
  const { data: invoices, isLoading } = useQuery(getInvoices);
  const [q, setQ] = useState("");
  const { data: hits } = useQuery(searchInvoices, { q }, { enabled: q.length > 1 });

  if (isLoading) return <p>Loading…</p>;
  return (
    <main>
      <input value={q} onChange={(e) => setQ(e.target.value)} placeholder="Search invoices" />
      <ul>
        {(q.length > 1 ? hits ?? [] : invoices ?? []).map((inv: any) => (
          <li key={inv.id}>
            {inv.number} — {inv.customerName}
          </li>
        ))}
      </ul>
      <button onClick={() => createInvoice({ customerName: "New customer", totalCents: 0, currency: "EUR" })}>
        New invoice
      </button>
    </main>
  );
}
