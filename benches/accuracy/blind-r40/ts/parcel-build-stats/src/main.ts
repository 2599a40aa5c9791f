const app = document.getElementById("app")!;
app.textContent = "Storefront is loading…";
