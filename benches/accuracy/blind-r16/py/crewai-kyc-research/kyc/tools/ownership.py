import os
from typing import Type

from crewai.tools import BaseTool
from neo4j import GraphDatabase
from pydantic import BaseModel, Field

driver = GraphDatabase.driver(
    os.environ.get("NEO4J_URI", "neo4j://graph.internal:7687"),
    auth=(os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD", "")),
)


class OwnersInput(BaseModel):
    company_id: str = Field(..., description="Registry id of the company")


class BeneficialOwnersTool(BaseTool):
    name: str = "beneficial_owners"
    description: str = "List natural persons owning more than 25% of a company, directly or indirectly."
    args_schema: Type[BaseModel] = OwnersInput

    def _run(self, company_id: str) -> str:
        records, _, _ = driver.execute_query(
            "MATCH (p:Person)-[o:OWNS*1..4]->(c:Company {id: $id}) "
            "WITH p, reduce(s = 1.0, r IN o | s * r.share) AS share WHERE share > 0.25 "
            "RETURN p.name AS name, share ORDER BY share DESC",
            id=company_id,
            database_="kyc",
        )
        return "\n".join(f"{r['name']}: {r['share']:.0%}" for r in records) or "no owners above 25%"
