#!/usr/bin/env python3
"""pandoc JSON filter for the SRE runbooks.

* ```service-owners``` code blocks become a table of owning team and pager
  rotation, read from the service inventory database;
* links written as [text](jira:OPS-1234) get the issue status appended and
  point at the Jira issue;
* images stored as s3://bucket/key (dashboards screenshots) are replaced by a
  presigned URL valid for a week.

panflute calls ``prepare`` once per document, ``action`` once for every
element of the document tree, and ``finalize`` once at the end.
"""
import os

import boto3
import panflute as pf
import psycopg
import requests

JIRA = os.environ.get("JIRA_URL", "https://acme.atlassian.net")
WEEK = 7 * 24 * 3600


def prepare(doc):
    doc.inventory = psycopg.connect(os.environ["INVENTORY_DSN"], autocommit=True)
    doc.broken = []


def owners_table(elem, doc):
    services = elem.text.split()
    rows = doc.inventory.execute(
        "SELECT service, team, pager_rotation FROM service_owners"
        " WHERE service = ANY(%s) ORDER BY service",
        (services,),
    ).fetchall()
    head = pf.TableHead(pf.TableRow(*[
        pf.TableCell(pf.Plain(pf.Str(title))) for title in ("Service", "Team", "Pager")
    ]))
    body = pf.TableBody(*[
        pf.TableRow(*[pf.TableCell(pf.Plain(pf.Str(str(value)))) for value in row])
        for row in rows
    ])
    return pf.Table(body, head=head)


def action(elem, doc):
    if isinstance(elem, pf.CodeBlock) and "service-owners" in elem.classes:
        return owners_table(elem, doc)

    if isinstance(elem, pf.Link) and elem.url.startswith("jira:"):
        key = elem.url[len("jira:"):]
        jira = requests.Session()
        jira.auth = (os.environ["JIRA_USER"], os.environ["JIRA_TOKEN"])
        resp = jira.get(f"{JIRA}/rest/api/2/issue/{key}", params={"fields": "status,summary"}, timeout=10)
        elem.url = f"{JIRA}/browse/{key}"
        if resp.ok:
            fields = resp.json()["fields"]
            elem.title = fields["summary"]
            elem.content.append(pf.Str(f" ({fields['status']['name']})"))
        else:
            doc.broken.append(key)
        return elem

    if isinstance(elem, pf.Image) and elem.url.startswith("s3://"):
        bucket, _, key = elem.url[len("s3://"):].partition("/")
        s3 = boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-west-1"))
        s3.head_object(Bucket=bucket, Key=key)
        elem.url = s3.generate_presigned_url(
            "get_object", Params={"Bucket": bucket, "Key": key}, ExpiresIn=WEEK
        )
        return elem

    return None


def finalize(doc):
    doc.inventory.close()
    del doc.inventory
    if doc.broken:
        pf.debug(f"runbook_filter: unresolved Jira keys: {', '.join(doc.broken)}")
    del doc.broken


def main(doc=None):
    return pf.run_filter(action, prepare=prepare, finalize=finalize, doc=doc)


if __name__ == "__main__":
    main()
