// The overview tab: the cluster's cards, the charts (Chart.js, bundled from npm), the latency table,
// the maintenance switch and the warm pools' sizes.
import {
  Chart, LineController, LineElement, PointElement, BarController, BarElement, DoughnutController, ArcElement,
  CategoryScale, LinearScale, Legend, Tooltip, Filler,
} from "chart.js";
import { ApiError, call } from "./api.js";
import { $, button, cell, confirmAction, ms, time, toast } from "./ui.js";

Chart.register(LineController, LineElement, PointElement, BarController, BarElement, DoughnutController, ArcElement,
  CategoryScale, LinearScale, Legend, Tooltip, Filler);

// ---- charts ----

const chartDefaults = { animation: false, responsive: true, maintainAspectRatio: false };
const throughputChart = new Chart($("chart-throughput"), {
  type: "line",
  data: { labels: [], datasets: [
    { label: "accepted", data: [], borderColor: "#2a9d55", pointRadius: 0, tension: 0.25 },
    { label: "completed", data: [], borderColor: "#2f6fde", backgroundColor: "rgba(47,111,222,.15)", fill: true, pointRadius: 0, tension: 0.25 },
    { label: "internal errors", data: [], borderColor: "#d33", pointRadius: 0 },
  ] },
  options: { ...chartDefaults, scales: { y: { beginAtZero: true, ticks: { precision: 0 } }, x: { ticks: { maxTicksLimit: 6 } } } },
});
const latencyChart = new Chart($("chart-latency"), {
  type: "bar",
  data: { labels: ["queue wait", "run time"], datasets: [
    { label: "p50", data: [], backgroundColor: "#7fb3ff" },
    { label: "p95", data: [], backgroundColor: "#2f6fde" },
    { label: "p99", data: [], backgroundColor: "#173b7a" },
  ] },
  options: { ...chartDefaults, scales: { y: { beginAtZero: true } } },
});
const palette = { Accepted: "#2a9d55", WrongAnswer: "#e0a100", CompilationError: "#8a5cd1", RuntimeError: "#e06c00",
  TimeLimitExceeded: "#c0392b", MemoryLimitExceeded: "#8e44ad", OutputLimitExceeded: "#16a085", InternalError: "#d33", Cancelled: "#888" };
const verdictChart = new Chart($("chart-verdicts"), {
  type: "doughnut",
  data: { labels: [], datasets: [{ data: [], backgroundColor: [] }] },
  options: { ...chartDefaults, plugins: { legend: { position: "right", labels: { boxWidth: 12 } } } },
});

// ---- the live snapshot's overview ----

export function renderOverview(o) {
  $("silos-up").textContent = o.silos.up;
  $("silos-other").textContent = `${o.silos.draining} draining · ${o.silos.suspect} suspect · ${o.silos.dead} dead`;
  $("accepted-rate").textContent = o.acceptedPerSecond.toFixed(2);
  $("throughput").textContent = o.completedPerSecond.toFixed(2);
  $("completed-count").textContent = o.completed;
  $("window-label").textContent = `last ${Math.round(o.windowSeconds / 60)} min`;
  const queued = Object.entries(o.queueDepth);
  $("queue-total").textContent = queued.reduce((n, [, c]) => n + c, 0);
  $("queue-by-language").textContent = queued.map(([l, c]) => `${l} ${c}`).join(" · ") || "empty";
  $("error-rate").textContent = `${(o.errorRate * 100).toFixed(1)} %`;
  const banner = $("maintenance-banner");
  banner.hidden = !o.maintenance;
  banner.textContent = o.maintenance ? `Maintenance mode: ${o.maintenance}` : "";
  $("maintenance-toggle").textContent = o.maintenance ? "Turn off" : "Turn on";
  $("maintenance-toggle").dataset.on = o.maintenance ? "true" : "false";

  throughputChart.data.labels = o.throughput.map(p => time(p.at));
  throughputChart.data.datasets[0].data = o.throughput.map(p => p.accepted);
  throughputChart.data.datasets[1].data = o.throughput.map(p => p.completed);
  throughputChart.data.datasets[2].data = o.throughput.map(p => p.errors);
  throughputChart.update();
  latencyChart.data.datasets.forEach((d, i) => {
    const key = ["p50", "p95", "p99"][i];
    d.data = [o.queueWait[key], o.runTime[key]];
  });
  latencyChart.update();
  const verdicts = Object.entries(o.verdicts);
  verdictChart.data.labels = verdicts.map(([v]) => v);
  verdictChart.data.datasets[0].data = verdicts.map(([, c]) => c);
  verdictChart.data.datasets[0].backgroundColor = verdicts.map(([v]) => palette[v] || "#999");
  verdictChart.update();

  const rows = $("latency-rows");
  rows.replaceChildren(...[["Queue wait", o.queueWait], ["Run time", o.runTime]].map(([name, p]) => {
    const tr = document.createElement("tr");
    tr.append(cell("", name), cell("p50", ms(p.p50)), cell("p95", ms(p.p95)), cell("p99", ms(p.p99)), cell("n", p.count));
    return tr;
  }));
}

// ---- pools and maintenance ----

export async function loadPools() {
  try {
    const pools = await call("pools");
    $("pool-rows").replaceChildren(...pools.map(p => {
      const tr = document.createElement("tr");
      const form = document.createElement("form");
      form.className = "inline";
      const input = document.createElement("input");
      input.type = "number";
      input.min = 0;
      input.max = p.max;
      input.value = p.minWarm ?? "";
      input.placeholder = "default";
      input.dataset.testid = `pool-size-${p.language}`;
      form.append(input, button("Apply", () => form.requestSubmit(), `pool-apply-${p.language}`));
      form.addEventListener("submit", async e => {
        e.preventDefault();
        try {
          if (input.value === "") await call(`pools/${encodeURIComponent(p.language)}`, { method: "DELETE" });
          else await call(`pools/${encodeURIComponent(p.language)}`, { method: "PUT", body: JSON.stringify({ minWarm: Number(input.value) }) });
          toast(`Warm size of ${p.language} set`);
        } catch (err) {
          toast(err.message, true);
        }
      });
      tr.append(cell("Language", p.language), cell("Warm now (all silos)", p.warm), cell("Busy", p.busy), cell("Max per silo", p.max), cell("Warm size per silo", form));
      return tr;
    }));
  } catch (e) {
    if (!(e instanceof ApiError)) toast(e.message, true);
  }
}

$("maintenance-form").addEventListener("submit", async e => {
  e.preventDefault();
  const on = $("maintenance-toggle").dataset.on !== "true";
  const message = $("maintenance-message").value.trim();
  if (!(await confirmAction(on ? `Put the cluster in maintenance? New submissions get 503 with: “${message}”` : "Leave maintenance mode?"))) return;
  try {
    await call("maintenance", { method: "PUT", body: JSON.stringify({ enabled: on, message: on ? message : null }) });
    toast(on ? "Maintenance mode on" : "Maintenance mode off");
  } catch (err) {
    toast(err.message, true);
  }
});
