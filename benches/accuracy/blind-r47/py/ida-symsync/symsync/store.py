import os

import ida_nalt
from pymongo import MongoClient

MONGO_URI = os.environ.get("SYMSYNC_MONGO_URI", "mongodb://symsync.re.internal:27017/?replicaSet=rs0")


def get_collection():
    client = MongoClient(MONGO_URI, serverSelectionTimeoutMS=3000, appname="ida-symsync")
    return client["symsync"]["names"]


def binary_key():
    digest = ida_nalt.retrieve_input_file_sha256()
    return digest.hex() if digest else ida_nalt.get_root_filename()
