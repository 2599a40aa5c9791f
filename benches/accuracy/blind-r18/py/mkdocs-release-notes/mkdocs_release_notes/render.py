def release_block(release: dict, downloads: int) -> str:
    body = release.get("body") or "_No notes._"
    return (
        f"!!! info \"Latest release: {release['tag_name']}\"\n"
        f"    Published {release['published_at'][:10]} - {downloads:,} downloads in the last 30 days\n\n"
        + "\n".join(f"    {line}" for line in body.splitlines())
        + "\n"
    )
