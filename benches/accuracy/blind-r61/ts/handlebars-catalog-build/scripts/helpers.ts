import Handlebars from 'handlebars';

// Helpers are registered once when this module is imported. Handlebars calls them
// synchronously during every template render; they never touch the database.
export function registerHelpers(locale: string, messages: Record<string, string>): void {
  const money = new Map<string, Intl.NumberFormat>();

  Handlebars.registerHelper('formatPrice', (cents: number, currency: string) => {
    let fmt = money.get(currency);
    if (!fmt) {
      fmt = new Intl.NumberFormat(locale, { style: 'currency', currency });
      money.set(currency, fmt);
    }
    return fmt.format(cents / 100);
  });

  Handlebars.registerHelper('stockBadge', (stock: number) => {
    const cls = stock > 10 ? 'in-stock' : stock > 0 ? 'low-stock' : 'sold-out';
    const label = messages[`stock.${cls}`] ?? cls;
    return new Handlebars.SafeString(`<span class="badge ${cls}">${Handlebars.escapeExpression(label)}</span>`);
  });

  Handlebars.registerHelper('t', (key: string) => messages[key] ?? key);
}
