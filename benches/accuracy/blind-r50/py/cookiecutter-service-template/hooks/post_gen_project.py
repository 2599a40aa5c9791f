"""Runs once, in its own interpreter, after the project has been generated:
registers the service in the catalog DB and creates its ECR repository."""
import os
import subprocess
import sys

import boto3
import psycopg2

SLUG = "{{ cookiecutter.project_slug }}"
TEAM = "{{ cookiecutter.owner_team }}"
TIER = int("{{ cookiecutter.tier }}")
REGION = "{{ cookiecutter.aws_region }}"
CATALOG_DSN = os.environ.get("CATALOG_DSN", "host=catalog-db.internal dbname=catalog")


def register_service(conn) -> None:
    with conn, conn.cursor() as cur:
        cur.execute(
            "INSERT INTO services (slug, owner_team, tier, region, created_at) "
            "VALUES (%s, %s, %s, %s, now())",
            (SLUG, TEAM, TIER, REGION),
        )


def create_repository(ecr) -> str:
    try:
        resp = ecr.create_repository(
            repositoryName=f"services/{SLUG}",
            imageScanningConfiguration={"scanOnPush": True},
            tags=[{"Key": "team", "Value": TEAM}],
        )
        return resp["repository"]["repositoryUri"]
    except ecr.exceptions.RepositoryAlreadyExistsException:
        resp = ecr.describe_repositories(repositoryNames=[f"services/{SLUG}"])
        return resp["repositories"][0]["repositoryUri"]


def main() -> int:
    conn = psycopg2.connect(CATALOG_DSN, connect_timeout=10)
    ecr = boto3.client("ecr", region_name=REGION)
    try:
        register_service(conn)
        uri = create_repository(ecr)
    finally:
        ecr.close()
        conn.close()
    os.makedirs("deploy", exist_ok=True)
    with open("deploy/image.txt", "w", encoding="utf-8") as fh:
        fh.write(uri + "\n")
    subprocess.run(["git", "init", "--quiet"], check=True)
    print(f"{SLUG}: registered (tier {TIER}), image repository {uri}")
    return 0


sys.exit(main())
