import datetime as dt
import json
import logging

from cliff.command import Command

from opsctl.clients import connect_mongo, neo4j_driver

DEPS_QUERY = """
MATCH (s:Service)-[d:DEPENDS_ON]->(t:Service)
WHERE $team IS NULL OR s.team = $team
RETURN s.name AS source, t.name AS target, d.protocol AS protocol
"""


class GraphExport(Command):
    """Dump the dependency graph as JSON edges."""

    log = logging.getLogger(__name__)

    def get_parser(self, prog_name):
        parser = super().get_parser(prog_name)
        parser.add_argument("--team", default=None)
        parser.add_argument("--out", default="-")
        return parser

    def take_action(self, parsed_args):
        with neo4j_driver() as driver:
            records, _, _ = driver.execute_query(
                DEPS_QUERY, team=parsed_args.team, database_="ops"
            )
        edges = [dict(r) for r in records]
        payload = json.dumps(edges, indent=2)
        if parsed_args.out == "-":
            self.app.stdout.write(payload + "\n")
        else:
            with open(parsed_args.out, "w") as fh:
                fh.write(payload)
        self.log.info("exported %d edges", len(edges))


class EventsPrune(Command):
    """Delete deploy events older than N days."""

    log = logging.getLogger(__name__)

    def get_parser(self, prog_name):
        parser = super().get_parser(prog_name)
        parser.add_argument("--days", type=int, default=180)
        parser.add_argument("--dry-run", action="store_true")
        return parser

    def take_action(self, parsed_args):
        cutoff = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=parsed_args.days)
        client = connect_mongo()
        try:
            events = client["ops"]["deploy_events"]
            query = {"created_at": {"$lt": cutoff}}
            if parsed_args.dry_run:
                self.log.info("would delete %d events", events.count_documents(query))
                return
            result = events.delete_many(query)
            self.log.info("deleted %d events older than %s", result.deleted_count, cutoff.date())
        finally:
            client.close()
