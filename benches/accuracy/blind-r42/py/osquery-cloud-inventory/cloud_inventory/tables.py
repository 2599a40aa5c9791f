import functools
import os

import boto3
import osquery

from .cmdb import fetch_assets, open_inventory_db

REGION = os.environ.get("AWS_REGION", "eu-central-1")


@functools.lru_cache(maxsize=1)
def _sts():
    return boto3.client("sts", region_name=REGION)


def _constraint(context, column):
    """Pull an equality constraint out of the osquery query context, if any."""
    for entry in (context or {}).get("constraints", []):
        if entry.get("name") != column:
            continue
        for item in entry.get("list", []):
            if item.get("op") == 2:  # EQUALS
                return item.get("expr")
    return None


@osquery.register_plugin
class AwsIdentityTable(osquery.TablePlugin):
    def name(self):
        return "aws_identity"

    def columns(self):
        return [
            osquery.TableColumn(name="account", type=osquery.STRING),
            osquery.TableColumn(name="arn", type=osquery.STRING),
            osquery.TableColumn(name="user_id", type=osquery.STRING),
        ]

    def generate(self, context):
        ident = _sts().get_caller_identity()
        return [{"account": ident["Account"], "arn": ident["Arn"], "user_id": ident["UserId"]}]


@osquery.register_plugin
class Ec2InstancesTable(osquery.TablePlugin):
    def name(self):
        return "aws_ec2_instances"

    def columns(self):
        return [
            osquery.TableColumn(name="instance_id", type=osquery.STRING),
            osquery.TableColumn(name="instance_type", type=osquery.STRING),
            osquery.TableColumn(name="state", type=osquery.STRING),
            osquery.TableColumn(name="private_ip", type=osquery.STRING),
            osquery.TableColumn(name="name", type=osquery.STRING),
        ]

    def generate(self, context):
        ec2 = boto3.client("ec2", region_name=REGION)
        rows = []
        for page in ec2.get_paginator("describe_instances").paginate():
            for reservation in page["Reservations"]:
                for inst in reservation["Instances"]:
                    tags = {t["Key"]: t["Value"] for t in inst.get("Tags", [])}
                    rows.append(
                        {
                            "instance_id": inst["InstanceId"],
                            "instance_type": inst["InstanceType"],
                            "state": inst["State"]["Name"],
                            "private_ip": inst.get("PrivateIpAddress", ""),
                            "name": tags.get("Name", ""),
                        }
                    )
        return rows


@osquery.register_plugin
class CmdbAssetsTable(osquery.TablePlugin):
    def name(self):
        return "cmdb_assets"

    def columns(self):
        return [
            osquery.TableColumn(name="hostname", type=osquery.STRING),
            osquery.TableColumn(name="team", type=osquery.STRING),
            osquery.TableColumn(name="owner", type=osquery.STRING),
            osquery.TableColumn(name="tier", type=osquery.INTEGER),
            osquery.TableColumn(name="os", type=osquery.STRING),
        ]

    def generate(self, context):
        team = _constraint(context, "team")
        conn = open_inventory_db()
        try:
            assets = fetch_assets(conn, team)
        finally:
            conn.close()
        return [{**row, "tier": str(row["tier"])} for row in assets]
