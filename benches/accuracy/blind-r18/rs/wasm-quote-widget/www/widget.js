import init, { QuoteApi, fetchNews, pingApi } from "./pkg/wasm_quote_widget.js";

await init();

const api = new QuoteApi(document.currentScript?.dataset.key ?? window.QUOTE_KEY);
const el = document.querySelector("#quote");
const symbol = el.dataset.symbol;

async function tick() {
  const q = await api.quote(symbol);
  el.textContent = `${q.symbol} ${q.price.toFixed(2)} (${q.change_pct.toFixed(2)}%)`;
}

setInterval(tick, 5000);
tick();

document.querySelector("#news-tab").addEventListener("click", async () => {
  const items = await fetchNews(symbol);
  document.querySelector("#news").innerHTML = items
    .map((n) => `<li><a href="${n.url}">${n.title}</a></li>`)
    .join("");
});

setInterval(async () => {
  document.querySelector("#status").className = (await pingApi()) ? "up" : "down";
}, 30000);
