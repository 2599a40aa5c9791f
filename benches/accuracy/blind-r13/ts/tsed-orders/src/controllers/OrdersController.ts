import {Controller} from "@tsed/di";
import {BadRequest, NotFound} from "@tsed/exceptions";
import {BodyParams, PathParams} from "@tsed/platform-params";
import {Get, Post, Returns} from "@tsed/schema";
import type {RowDataPacket, ResultSetHeader} from "mysql2/promise";
import {pool} from "../db/pool";

interface OrderRow extends RowDataPacket {
  id: number;
  status: string;
  total_cents: number;
  customer_id: number;
}

@Controller("/orders")
export class OrdersController {
  @Get("/:id")
  @Returns(200)
  async get(@PathParams("id") id: number) {
    const [rows] = await pool.query<OrderRow[]>("SELECT * FROM orders WHERE id = ?", [id]);
    if (!rows.length) {
      throw new NotFound("Order not found");
    }
    return rows[0];
  }

  @Post("/:id/cancel")
  @Returns(200)
  async cancel(@PathParams("id") id: number, @BodyParams("reason") reason: string) {
    const conn = await pool.getConnection();
    await conn.beginTransaction();

    const [rows] = await conn.query<OrderRow[]>(
      "SELECT id, status, total_cents, customer_id FROM orders WHERE id = ? FOR UPDATE",
      [id]
    );
    if (!rows.length) {
      throw new NotFound("Order not found");
    }
    if (rows[0].status === "shipped") {
      throw new BadRequest("Order already shipped");
    }

    await conn.query<ResultSetHeader>("UPDATE orders SET status = 'cancelled', cancel_reason = ? WHERE id = ?", [
      reason,
      id
    ]);
    await conn.query<ResultSetHeader>(
      "INSERT INTO store_credit (customer_id, amount_cents, source_order) VALUES (?, ?, ?)",
      [rows[0].customer_id, rows[0].total_cents, id]
    );
    await conn.commit();
    conn.release();

    return {id, status: "cancelled"};
  }

  @Post("/:id/notes")
  @Returns(201)
  async addNote(@PathParams("id") id: number, @BodyParams("text") text: string) {
    const conn = await pool.getConnection();
    try {
      await conn.query("INSERT INTO order_notes (order_id, body) VALUES (?, ?)", [id, text]);
      return {ok: true};
    } finally {
      conn.release();
    }
  }
}
