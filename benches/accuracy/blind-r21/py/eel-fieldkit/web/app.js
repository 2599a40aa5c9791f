const $ = (id) => document.getElementById(id);
const status = (msg) => { $("status").textContent = msg; };

async function loadSites() {
  const sites = await eel.list_sites()();
  $("site").innerHTML = sites.map((s) => `<option value="${s.id}">${s.name}</option>`).join("");
}

$("save").addEventListener("click", async () => {
  const res = await eel.save_reading(Number($("site").value), $("metric").value, Number($("value").value))();
  status(res.ok ? "saved" : res.error);
});

$("sync").addEventListener("click", async () => {
  const res = await eel.sync_to_cloud()();
  status(`synced ${res.synced} readings`);
});

$("export").addEventListener("click", async () => {
  status(`uploaded ${await eel.export_report(Number($("site").value))()}`);
});

loadSites();
