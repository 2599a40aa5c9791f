"""Clients shared by every invocation in this worker process."""
import functools
import os

import requests
from azure.cosmos import CosmosClient
from azure.identity import DefaultAzureCredential
from azure.keyvault.secrets import SecretClient
from azure.storage.blob import BlobServiceClient

credential = DefaultAzureCredential()

cosmos = CosmosClient(os.environ["COSMOS_ENDPOINT"], credential=credential)
orders_container = cosmos.get_database_client("shop").get_container_client("orders")

blob_service = BlobServiceClient(account_url=os.environ["BLOB_ACCOUNT_URL"], credential=credential)

_shipping: requests.Session | None = None


def shipping_http() -> requests.Session:
    global _shipping
    if _shipping is None:
        _shipping = requests.Session()
        _shipping.headers["Ocp-Apim-Subscription-Key"] = os.environ["SHIPPING_API_KEY"]
    return _shipping


@functools.cache
def secrets() -> SecretClient:
    return SecretClient(vault_url=os.environ["KEY_VAULT_URL"], credential=credential)
