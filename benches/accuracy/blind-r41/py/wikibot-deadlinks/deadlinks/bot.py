"""Tag dead external links with {{Dead link}} or replace them with an archive URL.

Usage:  deadlinks -cat:"Articles with bare URLs" -ns:0 -summary:"..."
"""
import mwparserfromhell
import pywikibot
from pywikibot import pagegenerators
from pywikibot.bot import ConfigParserBot, ExistingPageBot, SingleSiteBot

from deadlinks import store
from deadlinks.linkcheck import is_dead, wayback_snapshot

DEFAULT_SUMMARY = "Bot: marking dead external links / adding archive links"


class DeadLinkBot(ConfigParserBot, SingleSiteBot, ExistingPageBot):
    use_redirects = False
    update_options = {
        "summary": DEFAULT_SUMMARY,
        "max_links": 25,
    }

    def treat_page(self) -> None:
        page = self.current_page
        code = mwparserfromhell.parse(page.text)
        archive = store.archive_collection()
        changed = False

        for link in code.filter_external_links()[: self.opt.max_links]:
            url = str(link.url)
            if not url.startswith("http") or not is_dead(url):
                continue
            snapshot = wayback_snapshot(url)
            store.remember(archive, url, snapshot, page.title())
            if snapshot:
                code.replace(link, f"[{snapshot} {link.title or url}] (archived)")
            else:
                code.insert_after(link, "{{Dead link|bot=DeadLinksBot}}")
            changed = True

        if changed:
            self.put_current(str(code), summary=self.opt.summary)


def main(*args: str) -> None:
    options = {}
    local_args = pywikibot.handle_args(args)
    gen_factory = pagegenerators.GeneratorFactory()
    local_args = gen_factory.handle_args(local_args)

    for arg in local_args:
        opt, _, value = arg.partition(":")
        if opt == "-summary":
            options["summary"] = value
        elif opt == "-max":
            options["max_links"] = int(value)

    gen = gen_factory.getCombinedGenerator(preload=True)
    if not gen:
        pywikibot.bot.suggest_help(missing_generator=True)
        return
    DeadLinkBot(generator=gen, **options).run()


if __name__ == "__main__":
    main()
