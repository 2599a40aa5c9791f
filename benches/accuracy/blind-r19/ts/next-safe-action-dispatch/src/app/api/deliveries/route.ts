import { NextResponse } from "next/server";
import { prisma } from "@/lib/prisma";

export const dynamic = "force-dynamic";

export async function GET() {
  const rows = await prisma.delivery.findMany({
    where: { status: { not: "delivered" } },
    orderBy: { updatedAt: "desc" },
    select: { id: true, address: true, status: true, driverId: true },
  });
  return NextResponse.json(rows);
}
