from azure.cosmos import CosmosClient
from azure.storage.blob import BlobServiceClient

from . import config


def readings_container():
    client = CosmosClient(config.COSMOS_URL, credential=config.COSMOS_KEY)
    return client.get_database_client("metering").get_container_client("readings")


def attachments_service() -> BlobServiceClient:
    return BlobServiceClient.from_connection_string(config.ATTACHMENTS_CONN)
