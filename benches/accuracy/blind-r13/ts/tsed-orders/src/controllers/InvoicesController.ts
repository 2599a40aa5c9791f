import {Controller} from "@tsed/di";
import {NotFound} from "@tsed/exceptions";
import {PathParams, QueryParams} from "@tsed/platform-params";
import {Get, Returns} from "@tsed/schema";
import {GetObjectCommand, S3Client} from "@aws-sdk/client-s3";
import {getSignedUrl} from "@aws-sdk/s3-request-presigner";
import mysql, {RowDataPacket} from "mysql2/promise";
import {pool} from "../db/pool";

interface InvoiceRow extends RowDataPacket {
  id: number;
  order_id: number;
  pdf_key: string;
}

@Controller("/invoices")
export class InvoicesController {
  @Get("/:id/download")
  @Returns(200)
  async download(@PathParams("id") id: number) {
    const [rows] = await pool.query<InvoiceRow[]>("SELECT id, order_id, pdf_key FROM invoices WHERE id = ?", [id]);
    if (!rows.length) {
      throw new NotFound("Invoice not found");
    }

    const s3 = new S3Client({region: process.env.AWS_REGION ?? "eu-west-1"});
    const url = await getSignedUrl(
      s3,
      new GetObjectCommand({Bucket: process.env.INVOICE_BUCKET, Key: rows[0].pdf_key}),
      {expiresIn: 300}
    );
    return {url};
  }

  @Get("/report")
  @Returns(200)
  async monthlyReport(@QueryParams("month") month: string) {
    // heavy aggregate: run it against the read replica
    const replica = await mysql.createConnection({
      host: process.env.MYSQL_REPLICA_HOST,
      user: process.env.MYSQL_USER,
      password: process.env.MYSQL_PASSWORD,
      database: process.env.MYSQL_DATABASE
    });
    try {
      const [rows] = await replica.query<RowDataPacket[]>(
        "SELECT DATE(created_at) AS day, COUNT(*) AS n, SUM(total_cents) AS cents FROM invoices WHERE DATE_FORMAT(created_at, '%Y-%m') = ? GROUP BY day",
        [month]
      );
      return rows;
    } finally {
      await replica.end();
    }
  }
}
