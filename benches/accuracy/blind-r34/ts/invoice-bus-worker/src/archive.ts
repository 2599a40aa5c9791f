import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';

export class ReceiptArchiver {
  private readonly container: ContainerClient;

  constructor(containerName: string) {
    const service = BlobServiceClient.fromConnectionString(process.env.STORAGE_CONNECTION_STRING!);
    this.container = service.getContainerClient(containerName);
  }

  async archive(invoiceId: string, pdfBase64: string): Promise<string> {
    const blobName = `${new Date().getUTCFullYear()}/${invoiceId}.pdf`;
    const blob = this.container.getBlockBlobClient(blobName);
    const bytes = Buffer.from(pdfBase64, 'base64');
    await blob.uploadData(bytes, { blobHTTPHeaders: { blobContentType: 'application/pdf' } });
    return blob.url;
  }
}
