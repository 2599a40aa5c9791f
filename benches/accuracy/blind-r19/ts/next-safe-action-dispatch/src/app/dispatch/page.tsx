import { prisma } from "@/lib/prisma";
import { LiveBoard } from "./LiveBoard";

export const dynamic = "force-dynamic";

export default async function DispatchPage() {
  const [deliveries, drivers] = await Promise.all([
    prisma.delivery.findMany({ where: { status: { not: "delivered" } }, orderBy: { updatedAt: "desc" } }),
    prisma.driver.findMany({ where: { active: true }, select: { id: true, name: true } }),
  ]);
  return (
    <main>
      <h1>Dispatch</h1>
      <LiveBoard
        initial={deliveries.map((d) => ({ id: d.id, address: d.address, status: d.status, driverId: d.driverId }))}
        drivers={drivers}
      />
    </main>
  );
}
