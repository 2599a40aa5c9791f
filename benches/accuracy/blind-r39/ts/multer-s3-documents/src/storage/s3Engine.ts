import { randomUUID } from "node:crypto";
import { DeleteObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import type { Request } from "express";
import type { StorageEngine } from "multer";

export interface StoredFile {
  bucket: string;
  key: string;
  size: number;
}

/**
 * multer calls _handleFile once per uploaded file and _removeFile when a
 * request fails half-way. Both reuse the S3Client given to the constructor;
 * Upload / DeleteObjectCommand are per-operation objects, not clients.
 */
export class S3StorageEngine implements StorageEngine {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  _handleFile(
    req: Request,
    file: Express.Multer.File,
    cb: (error?: any, info?: Partial<Express.Multer.File & StoredFile>) => void,
  ): void {
    const tenant = String(req.header("x-tenant-id") ?? "public");
    const key = `${tenant}/${new Date().toISOString().slice(0, 10)}/${randomUUID()}-${file.originalname}`;

    let size = 0;
    file.stream.on("data", (chunk: Buffer) => {
      size += chunk.length;
    });

    const upload = new Upload({
      client: this.s3,
      params: {
        Bucket: this.bucket,
        Key: key,
        Body: file.stream,
        ContentType: file.mimetype,
        ServerSideEncryption: "aws:kms",
      },
      queueSize: 4,
      partSize: 8 * 1024 * 1024,
    });

    upload
      .done()
      .then(() => cb(null, { bucket: this.bucket, key, size }))
      .catch((err) => cb(err));
  }

  _removeFile(
    _req: Request,
    file: Express.Multer.File & Partial<StoredFile>,
    cb: (error: Error | null) => void,
  ): void {
    if (!file.key) return cb(null);
    this.s3
      .send(new DeleteObjectCommand({ Bucket: this.bucket, Key: file.key }))
      .then(() => cb(null))
      .catch((err: Error) => cb(err));
  }
}
