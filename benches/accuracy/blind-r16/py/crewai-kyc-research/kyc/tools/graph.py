import os
from typing import Type

from crewai.tools import BaseTool
from neo4j import GraphDatabase
from pydantic import BaseModel, Field

NEO4J_URI = os.environ.get("NEO4J_URI", "neo4j://graph.internal:7687")
_graph = GraphDatabase.driver(
    NEO4J_URI, auth=(os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD", ""))
)


class SanctionsInput(BaseModel):
    company_id: str = Field(..., description="Registry id of the company")


class SanctionsPathTool(BaseTool):
    name: str = "sanctions_path"
    description: str = "Find the shortest ownership path from a company to any sanctioned entity."
    args_schema: Type[BaseModel] = SanctionsInput

    def _run(self, company_id: str) -> str:
        with _graph.session(database="kyc") as session:
            record = session.run(
                "MATCH (c:Company {id: $id}), (s:Sanctioned), "
                "p = shortestPath((c)-[:OWNS|CONTROLS*..6]-(s)) RETURN [n IN nodes(p) | n.name] AS path",
                id=company_id,
            ).single()
        return " -> ".join(record["path"]) if record else "no path to a sanctioned entity"
