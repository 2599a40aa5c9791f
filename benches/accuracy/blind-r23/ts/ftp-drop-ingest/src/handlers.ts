import path from 'node:path';
import fs from 'node:fs';
import argon2 from 'argon2';
import { Upload } from '@aws-sdk/lib-storage';
import type { FtpConnection } from 'ftp-srv';
import type { Clients } from './clients';

type Supplier = { _id: string; login: string; passwordHash: string; active: boolean; prefix: string };

const DROP_ROOT = process.env.DROP_ROOT ?? '/srv/ftp-drop';
const BUCKET = process.env.PRICE_LIST_BUCKET ?? 'acme-supplier-price-lists';

// Built once in main(); the returned callbacks run per FTP login / per upload.
export function makeHandlers({ mongo, s3 }: Clients) {
  const suppliers = mongo.db('procurement').collection<Supplier>('suppliers');
  const uploads = mongo.db('procurement').collection('price_list_uploads');

  async function archiveUpload(supplier: Supplier, localPath: string) {
    const key = `${supplier.prefix}/${new Date().toISOString().slice(0, 10)}/${path.basename(localPath)}`;
    // lib-storage Upload is one multipart upload operation on the shared S3 client
    const upload = new Upload({
      client: s3,
      params: { Bucket: BUCKET, Key: key, Body: fs.createReadStream(localPath) },
      queueSize: 3,
      partSize: 8 * 1024 * 1024,
    });
    await upload.done();

    const session = mongo.startSession();
    try {
      await session.withTransaction(async () => {
        await uploads.insertOne(
          { supplierId: supplier._id, key, bytes: fs.statSync(localPath).size, at: new Date(), status: 'pending' },
          { session },
        );
        await suppliers.updateOne({ _id: supplier._id }, { $set: { lastUploadAt: new Date() } }, { session });
      });
    } finally {
      await session.endSession();
    }
    await fs.promises.unlink(localPath);
  }

  async function onLogin(
    data: { connection: FtpConnection; username: string; password: string },
    resolve: (config: { root: string }) => void,
    reject: (err: Error) => void,
  ) {
    const supplier = await suppliers.findOne({ login: data.username.toLowerCase() });
    if (!supplier || !supplier.active || !(await argon2.verify(supplier.passwordHash, data.password))) {
      return reject(new Error('invalid credentials'));
    }

    const root = path.join(DROP_ROOT, supplier.prefix);
    await fs.promises.mkdir(root, { recursive: true });

    data.connection.on('STOR', (error: Error | null, fileName: string) => {
      if (error) return;
      archiveUpload(supplier, fileName).catch((err) =>
        console.error(`archiving ${fileName} for ${supplier.login} failed`, err),
      );
    });

    resolve({ root });
  }

  return { onLogin };
}
