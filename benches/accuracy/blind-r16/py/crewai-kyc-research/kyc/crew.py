from crewai import Agent, Crew, Process, Task

from kyc.tools import BeneficialOwnersTool, CompanyRegistryTool, SanctionsPathTool, search_filings


def build_crew() -> Crew:
    researcher = Agent(
        role="KYC researcher",
        goal="Collect ownership, registry and filing facts about {company_id}",
        backstory="You work in the onboarding compliance team of a payments company.",
        tools=[CompanyRegistryTool(), BeneficialOwnersTool(), search_filings],
        allow_delegation=False,
    )
    analyst = Agent(
        role="Sanctions analyst",
        goal="Decide whether {company_id} is exposed to sanctioned parties",
        backstory="You write short, sourced risk memos.",
        tools=[SanctionsPathTool()],
        allow_delegation=False,
    )
    research = Task(
        description="Research company {company_id} ({company_name}).",
        expected_output="Bullet list of facts with sources.",
        agent=researcher,
    )
    memo = Task(
        description="Write a risk memo for {company_id} using the research.",
        expected_output="A risk rating (low/medium/high) and a 5-line justification.",
        agent=analyst,
        context=[research],
    )
    return Crew(agents=[researcher, analyst], tasks=[research, memo], process=Process.sequential)
