import os

import boto3

BUCKET = os.environ.get("PRINTFARM_TIMELAPSE_BUCKET", "printfarm-timelapses")


def upload_timelapse(node, movie_path):
    s3 = boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-central-1"))
    key = f"{node}/{os.path.basename(movie_path)}"
    s3.upload_file(movie_path, BUCKET, key, ExtraArgs={"ContentType": "video/mp4"})
    return key
