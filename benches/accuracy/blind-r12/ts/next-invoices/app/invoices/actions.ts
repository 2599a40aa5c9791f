"use server";

import { revalidatePath } from "next/cache";
import { createClient } from "redis";
import { prisma } from "@/lib/prisma";
import clientPromise from "@/lib/mongo";

export async function createInvoice(formData: FormData) {
  const amount = Math.round(Number(formData.get("amount")) * 100);
  const invoice = await prisma.invoice.create({
    data: {
      customerId: String(formData.get("customerId")),
      number: `INV-${Date.now()}`,
      amount,
      dueDate: new Date(String(formData.get("dueDate"))),
    },
  });
  const mongo = await clientPromise;
  await mongo.db("audit").collection("events").insertOne({
    type: "invoice.created",
    invoiceId: invoice.id,
    at: new Date(),
  });
  revalidatePath("/invoices");
}

export async function sendReminder(invoiceId: string) {
  const invoice = await prisma.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
  const redis = createClient({ url: process.env.REDIS_URL });
  await redis.connect();
  await redis.xAdd("reminders", "*", {
    invoiceId: invoice.id,
    customerId: invoice.customerId,
    amount: String(invoice.amount),
  });
  await prisma.invoice.update({ where: { id: invoiceId }, data: { status: "reminded" } });
  revalidatePath(`/invoices/${invoiceId}`);
}
