/* global Module */
Module.register("MMM-TransitBoard", {
  defaults: {
    stopId: "",
    apiBase: "https://api.transit.example/v2",
    apiKey: "",
    databaseUrl: "postgres://mirror@localhost/transit",
    updateInterval: 60 * 1000,
    maxRows: 8,
    showHistory: true,
  },

  start() {
    this.departures = [];
    this.history = [];
    this.sendSocketNotification("TRANSIT_CONFIG", this.config);
    if (this.config.showHistory) {
      this.sendSocketNotification("TRANSIT_HISTORY", { stopId: this.config.stopId });
    }
  },

  getStyles() {
    return ["MMM-TransitBoard.css"];
  },

  socketNotificationReceived(notification, payload) {
    if (payload.stopId !== this.config.stopId) return;
    if (notification === "TRANSIT_DEPARTURES") {
      this.departures = payload.departures;
      this.updateDom(300);
    } else if (notification === "TRANSIT_HISTORY") {
      this.history = payload.rows;
      this.updateDom(300);
    }
  },

  getDom() {
    const wrapper = document.createElement("table");
    wrapper.className = "small transitboard";
    if (this.departures.length === 0) {
      wrapper.innerHTML = "<tr><td class='dimmed'>Loading departures…</td></tr>";
      return wrapper;
    }
    for (const d of this.departures) {
      const row = document.createElement("tr");
      const delay = d.delaySeconds > 60 ? ` <span class="delay">+${Math.round(d.delaySeconds / 60)}</span>` : "";
      const avg = this.history.find((h) => h.line === d.line);
      row.innerHTML = `<td class="line">${d.line}</td><td>${d.destination}</td><td class="time">${new Date(
        d.scheduledAt,
      ).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}${delay}</td><td class="dimmed">${
        avg ? `~${Math.round(avg.avg_delay / 60)}m` : ""
      }</td>`;
      wrapper.appendChild(row);
    }
    return wrapper;
  },
});
