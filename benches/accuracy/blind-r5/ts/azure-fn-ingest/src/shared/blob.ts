import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob'

let container: ContainerClient | undefined

export function getRawContainer(): ContainerClient {
  if (!container) {
    const service = BlobServiceClient.fromConnectionString(process.env.AzureWebJobsStorage!)
    container = service.getContainerClient(process.env.RAW_CONTAINER ?? 'raw-readings')
  }
  return container
}
