import type { PropsWithChildren } from "@kitajs/html";

export function Layout({ title, children }: PropsWithChildren<{ title: string }>) {
  return (
    <>
      {"<!doctype html>"}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <title safe>{title}</title>
          <link rel="stylesheet" href="/static/catalog.css" />
        </head>
        <body>
          <header>
            <form action="/search" method="get">
              <input type="search" name="q" placeholder="Search products" />
            </form>
          </header>
          <main>{children}</main>
        </body>
      </html>
    </>
  );
}
