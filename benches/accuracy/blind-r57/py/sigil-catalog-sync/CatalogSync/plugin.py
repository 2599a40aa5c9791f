#!/usr/bin/env python3
"""CatalogSync - Sigil output plugin.

Run from Sigil's Plugins menu on a finished EPUB.  Reads the OPF metadata
and every text file, then updates the press catalog.
"""
import sys
import xml.etree.ElementTree as ET

import catalog

DC = "{http://purl.org/dc/elements/1.1/}"
OPF = "{http://www.idpf.org/2007/opf}"


def read_metadata(bk):
    root = ET.fromstring(bk.getmetadataxml())
    isbn = None
    for ident in root.iter(DC + "identifier"):
        value = (ident.text or "").strip().replace("-", "")
        if value.lower().startswith("urn:isbn:"):
            value = value[9:]
        if value.isdigit() and len(value) == 13:
            isbn = value
            break
    cover_id = None
    for meta in root.iter(OPF + "meta"):
        if meta.get("name") == "cover":
            cover_id = meta.get("content")
    return {
        "isbn": isbn,
        "title": (root.findtext(DC + "title") or "").strip(),
        "authors": [c.text.strip() for c in root.iter(DC + "creator") if c.text],
        "language": (root.findtext(DC + "language") or "und").strip(),
        "cover_id": cover_id,
    }


def run(bk):
    prefs = bk.getPrefs()
    prefs.defaults["db_name"] = "catalog"
    prefs.defaults["s3_region"] = "eu-west-1"
    prefs.defaults["cover_bucket"] = "northwind-covers"
    for key in ("db_host", "db_user", "db_password"):
        if not prefs.get(key):
            print("CatalogSync: set %r in the plugin preferences (CatalogSync.json)" % key)
            return -1

    meta = read_metadata(bk)
    if not meta["isbn"]:
        print("CatalogSync: no 13-digit ISBN in dc:identifier, nothing synced")
        return -1

    chapters = [(href, catalog.word_count(bk.readfile(file_id)))
                for file_id, href in bk.text_iter()]

    conn = catalog.open_catalog(prefs)
    s3 = catalog.open_cover_store(prefs)
    try:
        with conn:
            with conn.cursor() as cur:
                title_id = catalog.save_title(cur, meta, chapters)
        if meta["cover_id"]:
            s3.put_object(
                Bucket=prefs["cover_bucket"],
                Key="covers/%s/%s" % (meta["isbn"], bk.id_to_href(meta["cover_id"]).split("/")[-1]),
                Body=bk.readfile(meta["cover_id"]),
                ContentType=bk.id_to_mime(meta["cover_id"]),
            )
    finally:
        conn.close()
        s3.close()

    print("CatalogSync: title %d (%s) synced, %d chapters, %d words"
          % (title_id, meta["isbn"], len(chapters), sum(w for _, w in chapters)))
    return 0


def main():
    print("CatalogSync is a Sigil plugin; run it from Sigil's Plugins menu.")
    return -1


if __name__ == "__main__":
    sys.exit(main())
