def render_label(doc) -> bytes:
    lines = [f"RETURN {doc.name}", f"Customer: {doc.customer_name}"]
    return ("\n".join(lines)).encode()
