import sharp from 'sharp';
import { Asset } from './models';
import { download, upload } from './s3';

const WIDTHS = [320, 768, 1600];

export async function resizeImage(assetKey: string): Promise<void> {
  const asset = await Asset.findOne({ key: assetKey });
  if (!asset) return;
  try {
    const original = await download(assetKey);
    const variants = [];
    for (const width of WIDTHS) {
      const key = `${assetKey.replace(/\.[^.]+$/, '')}_${width}.webp`;
      const out = await sharp(original).resize({ width, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer();
      await upload(key, out, 'image/webp');
      variants.push({ width, key });
    }
    asset.set({ variants, status: 'ready' });
  } catch (err) {
    asset.set({ status: 'failed' });
    throw err;
  } finally {
    await asset.save();
  }
}

export async function purgeOwner(ownerId: string): Promise<void> {
  await Asset.deleteMany({ ownerId });
}
