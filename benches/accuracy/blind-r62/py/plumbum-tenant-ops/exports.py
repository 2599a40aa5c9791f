import boto3


class RegionalS3:
    """Tenants live in several AWS regions; keep one S3 client per region."""

    def __init__(self):
        self._clients = {}

    def client(self, region):
        if region not in self._clients:
            self._clients[region] = boto3.client("s3", region_name=region)
        return self._clients[region]
