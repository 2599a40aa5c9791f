#!/usr/bin/env python3
"""Inkscape effect: publish every swatch rectangle (id starting with 'sw-') of the
current drawing to the brand palette DB and upload the palette JSON to S3.

Inkscape starts this script as a fresh process each time the effect is applied."""
import json
import os

import boto3
import inkex
import psycopg
from inkex import Rectangle

UPSERT = """
INSERT INTO swatches (palette, name, hex, updated_by)
VALUES (%s, %s, %s, %s)
ON CONFLICT (palette, name) DO UPDATE SET hex = EXCLUDED.hex, updated_by = EXCLUDED.updated_by
"""


class PublishSwatches(inkex.EffectExtension):
    def add_arguments(self, pars):
        pars.add_argument("--palette", default="spring-2025")
        pars.add_argument("--bucket", default="brand-assets-prod")
        pars.add_argument("--selected_only", type=inkex.Boolean, default=False)

    def _swatches(self):
        nodes = self.svg.selection.values() if self.options.selected_only else self.svg.descendants()
        for node in nodes:
            if not isinstance(node, Rectangle):
                continue
            node_id = node.get("id") or ""
            if not node_id.startswith("sw-"):
                continue
            fill = node.style.get("fill")
            if not fill or fill == "none":
                continue
            yield node_id[3:], str(inkex.Color(fill).to_rgb())

    def effect(self):
        swatches = dict(self._swatches())
        if not swatches:
            inkex.errormsg("No swatch rectangles (id 'sw-…') found.")
            return

        user = os.environ.get("USER", "inkscape")
        with psycopg.connect(os.environ["BRAND_DB_URL"], connect_timeout=5) as conn:
            with conn.cursor() as cur:
                for name, hex_value in swatches.items():
                    cur.execute(UPSERT, (self.options.palette, name, hex_value, user))

        s3 = boto3.client("s3")
        s3.put_object(
            Bucket=self.options.bucket,
            Key=f"palettes/{self.options.palette}.json",
            Body=json.dumps(swatches, indent=2).encode("utf-8"),
            ContentType="application/json",
            CacheControl="max-age=300",
        )
        inkex.errormsg(f"Published {len(swatches)} swatches to palette '{self.options.palette}'.")


if __name__ == "__main__":
    PublishSwatches().run()
