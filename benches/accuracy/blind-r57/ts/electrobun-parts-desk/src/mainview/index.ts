import { Electroview } from "electrobun/view";
import type { PartsRPC, Part } from "../shared/rpc";

const rpc = Electroview.defineRPC<PartsRPC>({
  maxRequestTime: 10_000,
  handlers: {
    requests: {},
    messages: {
      stockChanged: ({ partId, remaining }) => {
        const cell = document.querySelector<HTMLTableCellElement>(`tr[data-part="${partId}"] td.onhand`);
        if (cell) cell.textContent = String(remaining);
      },
    },
  },
});

const electroview = new Electroview({ rpc });

const search = document.getElementById("search") as HTMLInputElement;
const table = document.getElementById("results") as HTMLTableSectionElement;
const jobRef = document.getElementById("job") as HTMLInputElement;

function renderRows(parts: Part[]): void {
  table.innerHTML = parts
    .map(
      (p) => `<tr data-part="${p.id}">
        <td>${p.partNo}</td><td>${p.description}</td><td>${p.bin}</td>
        <td class="onhand">${p.onHand}</td>
        <td><button data-reserve="${p.id}">Reserve 1</button></td>
      </tr>`,
    )
    .join("");
}

let timer: ReturnType<typeof setTimeout> | undefined;
search.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(async () => {
    const parts = await electroview.rpc!.request.searchParts({ query: search.value });
    renderRows(parts);
  }, 150);
});

table.addEventListener("click", async (ev) => {
  const id = (ev.target as HTMLElement).dataset.reserve;
  if (!id) return;
  const result = await electroview.rpc!.request.reserveStock({
    partId: Number(id),
    qty: 1,
    jobRef: jobRef.value || "UNASSIGNED",
  });
  if (!result.ok) {
    electroview.rpc!.send.logToBun({ msg: `reserve ${id} refused: ${result.reason}` });
    alert(`Cannot reserve: ${result.reason}`);
  }
});
