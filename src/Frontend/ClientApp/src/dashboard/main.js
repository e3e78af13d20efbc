// The operators' dashboard: a live view of the cluster fed by the admin API's server-sent events,
// lists paged on the server, and the operator actions. Every URL is relative to the page, so the
// dashboard works behind a path prefix (an ingress serving it at /coderun/dashboard/).
import "./dashboard.css";
import {
  Chart, LineController, LineElement, PointElement, BarController, BarElement, DoughnutController, ArcElement,
  CategoryScale, LinearScale, Legend, Tooltip, Filler,
} from "chart.js";

Chart.register(LineController, LineElement, PointElement, BarController, BarElement, DoughnutController, ArcElement,
  CategoryScale, LinearScale, Legend, Tooltip, Filler);

const api = new URL("../api/v1/admin/", location.href);
const keyStorage = "coderun.apiKey";
const pageSize = 25;
const $ = id => document.getElementById(id);

// ---- talking to the admin API ----

function headers(extra = {}) {
  const key = sessionStorage.getItem(keyStorage);
  return key ? { ...extra, "X-Api-Key": key } : extra;
}

class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
  }
}

async function call(path, options = {}) {
  const response = await fetch(new URL(path, api), {
    ...options,
    headers: headers(options.body ? { "content-type": "application/json" } : {}),
  });
  if (response.status === 401 || response.status === 403) askForKey();
  if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
  return response.status === 204 ? null : response.json();
}

function askForKey() {
  const dialog = $("key-dialog");
  if (!dialog.open) dialog.showModal();
}

$("key-button").addEventListener("click", askForKey);
$("key-dialog").addEventListener("close", () => {
  if ($("key-dialog").returnValue !== "ok") return;
  sessionStorage.setItem(keyStorage, $("key-input").value.trim());
  $("key-input").value = "";
  restartStream();
  refreshTab();
});

function confirmAction(text) {
  return new Promise(resolve => {
    const dialog = $("confirm");
    $("confirm-text").textContent = text;
    dialog.addEventListener("close", () => resolve(dialog.returnValue === "ok"), { once: true });
    dialog.showModal();
  });
}

let toastTimer;
function toast(text, bad = false) {
  const el = $("toast");
  el.textContent = text;
  el.classList.toggle("bad", bad);
  el.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (el.hidden = true), 4000);
}

// ---- formatting ----

const ms = v => (v == null ? "–" : v < 1000 ? `${Math.round(v)} ms` : `${(v / 1000).toFixed(2)} s`);
const bytes = v => (v >= 1 << 30 ? `${(v / (1 << 30)).toFixed(1)} GiB` : `${(v / (1 << 20)).toFixed(0)} MiB`);
const duration = s => (s < 60 ? `${Math.round(s)} s` : s < 3600 ? `${Math.floor(s / 60)} min` : `${(s / 3600).toFixed(1)} h`);
const time = iso => new Date(iso).toLocaleTimeString();
const short = id => (id ? id.toString().slice(0, 8) : "–");

function cell(label, content, testid) {
  const td = document.createElement("td");
  td.dataset.label = label;
  if (testid) td.dataset.testid = testid;
  if (content instanceof Node) td.append(content);
  else td.textContent = content ?? "–";
  return td;
}

function button(text, onClick, testid, kind) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = text;
  if (testid) b.dataset.testid = testid;
  if (kind) b.className = kind;
  b.addEventListener("click", onClick);
  return b;
}

// ---- charts (Chart.js, bundled from npm) ----

const chartDefaults = { animation: false, responsive: true, maintainAspectRatio: false };
const throughputChart = new Chart($("chart-throughput"), {
  type: "line",
  data: { labels: [], datasets: [
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

// ---- the live snapshot ----

let lastSnapshot = null;

function render(snapshot) {
  lastSnapshot = snapshot;
  const o = snapshot.overview;
  $("silos-up").textContent = o.silos.up;
  $("silos-other").textContent = `${o.silos.draining} draining · ${o.silos.suspect} suspect · ${o.silos.dead} dead`;
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
  throughputChart.data.datasets[0].data = o.throughput.map(p => p.completed);
  throughputChart.data.datasets[1].data = o.throughput.map(p => p.errors);
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
  renderSilos(snapshot.silos);
  siloChoices(snapshot.silos);
}

// The submissions' silo filter offers the silos the cluster knows (ids are long; names are not unique over time).
function siloChoices(silos) {
  const select = $("submission-silo");
  const known = new Set([...select.options].map(o => o.value));
  for (const s of silos) {
    if (known.has(s.siloId)) continue;
    const option = document.createElement("option");
    option.value = s.siloId;
    option.textContent = `${s.siloName} (${time(s.startedAt)})`;
    select.append(option);
  }
}

function renderSilos(silos) {
  $("silo-rows").replaceChildren(...silos.filter(s => s.state !== "Left" && s.state !== "Dead" || s.heartbeatAgeSeconds < 600).map(s => {
    const tr = document.createElement("tr");
    tr.dataset.testid = "silo-row";
    tr.dataset.siloName = s.siloName;
    tr.dataset.state = s.state;
    const sandboxes = Object.entries(s.languages)
      .map(([l, x]) => `${l} ${x.warm}/${x.busy}/${x.creating}/${x.retiring}`).join(" · ") || "–";
    const state = document.createElement("span");
    state.className = `state ${s.state.toLowerCase()}`;
    state.textContent = s.state;
    const actions = document.createElement("span");
    if (s.state === "Up" || s.state === "Suspect")
      actions.append(button("Drain", () => drain(s, true), "drain-button", "danger"));
    else if (s.state === "Draining")
      actions.append(button("Resume", () => drain(s, false), "resume-button"));
    tr.append(
      cell("Silo", s.siloName, "silo-name"), cell("State", state, "silo-state"), cell("Uptime", duration(s.uptimeSeconds)),
      cell("CPU", `${s.cpuPercent.toFixed(1)} %`), cell("Memory", bytes(s.memoryBytes)), cell("Sandboxes", sandboxes),
      cell("Claims/s", s.claimsPerSecond.toFixed(2), "silo-claims"), cell("Heartbeat", `${s.heartbeatAgeSeconds.toFixed(1)} s ago`), cell("", actions));
    return tr;
  }));
}

async function drain(silo, on) {
  const text = on
    ? `Drain ${silo.siloName}? It stops claiming new submissions; what runs there finishes.`
    : `Resume ${silo.siloName}? It claims submissions again.`;
  if (!(await confirmAction(text))) return;
  try {
    await call(`silos/${encodeURIComponent(silo.siloId)}/drain`, { method: on ? "POST" : "DELETE" });
    toast(on ? `${silo.siloName} is draining` : `${silo.siloName} resumed`);
  } catch (e) {
    toast(e.message, true);
  }
}

// Server-sent events through fetch (EventSource cannot send the key header); reconnects with backoff.
let streamAbort = null;
async function stream() {
  let delay = 1000;
  while (true) {
    streamAbort = new AbortController();
    try {
      const response = await fetch(new URL("stream", api), { headers: headers({ accept: "text/event-stream" }), signal: streamAbort.signal });
      if (response.status === 401 || response.status === 403) {
        $("live-status").textContent = "needs an operator key";
        askForKey();
        return;
      }
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      $("live-status").textContent = "live";
      $("live-status").classList.add("on");
      delay = 1000;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      while (true) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = event.split("\n").filter(l => l.startsWith("data:")).map(l => l.slice(5).trimStart()).join("\n");
          if (data) render(JSON.parse(data));
        }
      }
    } catch (e) {
      if (e.name === "AbortError") return;
    }
    $("live-status").textContent = "reconnecting…";
    $("live-status").classList.remove("on");
    await new Promise(r => setTimeout(r, delay));
    delay = Math.min(delay * 2, 15000);
  }
}

function restartStream() {
  streamAbort?.abort();
  stream();
}

// ---- tabs: a list is fetched only while its tab is shown ----

let activeTab = "overview";
document.querySelectorAll("#tabs button").forEach(b => b.addEventListener("click", () => {
  activeTab = b.dataset.tab;
  document.querySelectorAll("#tabs button").forEach(x => x.classList.toggle("active", x === b));
  document.querySelectorAll("main > section").forEach(s => (s.hidden = s.id !== activeTab));
  refreshTab();
}));

function refreshTab() {
  if (activeTab === "overview") loadPools();
  if (activeTab === "sandboxes") loadSandboxes();
  if (activeTab === "submissions") loadSubmissions();
  if (activeTab === "logs") loadLogs();
}

function formQuery(form, offset) {
  const query = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (v && k !== "follow") query.set(k, v);
  if (offset != null) {
    query.set("offset", offset);
    query.set("limit", pageSize);
  }
  return query;
}

function pager(element, page, load) {
  const first = page.total === 0 ? 0 : page.offset + 1;
  const last = page.offset + page.items.length;
  const label = document.createElement("span");
  label.textContent = `${first}–${last} of ${page.total}`;
  const previous = button("‹ Newer", () => load(Math.max(0, page.offset - page.limit)), "page-previous");
  previous.disabled = page.offset === 0;
  const next = button("Older ›", () => load(page.offset + page.limit), "page-next");
  next.disabled = last >= page.total;
  element.replaceChildren(previous, label, next);
}

// ---- pools and maintenance ----

async function loadPools() {
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

// ---- sandboxes ----

let sandboxOffset = 0;
async function loadSandboxes(offset = 0) {
  sandboxOffset = offset;
  try {
    const page = await call(`sandboxes?${formQuery($("sandbox-filters"), offset)}`);
    $("sandbox-rows").replaceChildren(...page.items.map(s => {
      const tr = document.createElement("tr");
      tr.dataset.testid = "sandbox-row";
      const age = (Date.now() - new Date(s.createdAt)) / 1000;
      tr.append(cell("Sandbox", short(s.id)), cell("Silo", s.siloName), cell("Language", s.language), cell("State", s.state),
        cell("Age", duration(age)), cell("Runs", s.runsServed), cell("Last verdict", s.lastVerdict), cell("Runtime", s.runtime));
      return tr;
    }));
    pager($("sandbox-pager"), page, loadSandboxes);
    if (page.unreachable?.length) toast(`No answer from ${page.unreachable.join(", ")}`, true);
  } catch (e) {
    toast(e.message, true);
  }
}
$("sandbox-filters").addEventListener("submit", e => { e.preventDefault(); loadSandboxes(); });

// ---- submissions ----

for (const v of ["Accepted", "WrongAnswer", "CompilationError", "RuntimeError", "TimeLimitExceeded", "MemoryLimitExceeded", "OutputLimitExceeded", "InternalError", "Cancelled"]) {
  const option = document.createElement("option");
  option.textContent = v;
  document.querySelector("#submission-filters select[name=verdict]").append(option);
}

let submissionOffset = 0;
async function loadSubmissions(offset = 0) {
  submissionOffset = offset;
  try {
    const page = await call(`submissions?${formQuery($("submission-filters"), offset)}`);
    $("submission-rows").replaceChildren(...page.items.map(s => {
      const tr = document.createElement("tr");
      tr.dataset.testid = "submission-row";
      tr.className = "clickable";
      tr.addEventListener("click", () => showSubmission(s.id));
      tr.append(cell("Submission", short(s.id)), cell("Language", s.language), cell("Status", s.status), cell("Verdict", s.verdict),
        cell("Silo", s.siloId ? s.siloId.split("@")[0] : "–"), cell("Queue wait", ms(s.queueWaitMs)), cell("Run time", ms(s.runTimeMs)), cell("Created", time(s.createdAt)));
      return tr;
    }));
    pager($("submission-pager"), page, loadSubmissions);
  } catch (e) {
    toast(e.message, true);
  }
}
$("submission-filters").addEventListener("submit", e => { e.preventDefault(); loadSubmissions(); });

function lifecycleStep(text) {
  const li = document.createElement("li");
  li.textContent = text;
  return li;
}

async function showSubmission(id) {
  const panel = $("submission-detail");
  try {
    const detail = await call(`submissions/${id}`);
    const s = detail.submission;
    const heading = document.createElement("h3");
    heading.textContent = `Submission ${s.id}`;
    const facts = document.createElement("p");
    facts.textContent = `${s.language} · ${s.status}${s.verdict ? ` · ${s.verdict}` : ""} · attempts ${s.attempts} · queue wait ${ms(s.queueWaitMs)} · run time ${ms(s.runTimeMs)}`;
    const steps = document.createElement("ol");
    steps.className = "lifecycle";
    steps.dataset.testid = "lifecycle";
    const d = detail.document;
    for (const step of detail.lifecycle) {
      // The sandbox's own steps sit between the last claim and the completion: compiled, then ran.
      if (step.kind === "Completed" && d.verdict) {
        if (d.compileTimeMs != null) steps.append(lifecycleStep(`compiled in ${ms(d.compileTimeMs)}`));
        if (d.verdict !== "CompilationError" && d.wallTimeMs != null)
          steps.append(lifecycleStep(`ran in ${ms(d.wallTimeMs)} wall, ${ms(d.cpuTimeMs)} CPU, ${bytes(d.memoryBytes)} → ${d.verdict}`));
      }
      steps.append(lifecycleStep(`${new Date(step.at).toLocaleTimeString()} · ${step.kind}${step.siloId ? ` by ${step.siloId}` : ""} (attempt ${step.attempt})${step.detail ? ` · ${step.detail}` : ""}`));
    }
    const output = document.createElement("pre");
    output.textContent = detail.document.stdout || detail.document.message || "";
    const close = button("Close", () => (panel.hidden = true));
    const children = [heading, facts, steps, output, close];
    if (s.status !== "Completed") {
      children.push(button("Cancel submission", async () => {
        if (!(await confirmAction(`Cancel submission ${s.id}?`))) return;
        try {
          await call(`submissions/${s.id}`, { method: "DELETE" });
          toast("Cancel requested");
          showSubmission(s.id);
        } catch (e) {
          toast(e.message, true);
        }
      }, "cancel-submission", "danger"));
    }
    panel.replaceChildren(...children);
    panel.hidden = false;
    panel.scrollIntoView({ block: "nearest" });
  } catch (e) {
    toast(e.message, true);
  }
}

// ---- logs: polled while the tab is shown and "follow" is on ----

async function loadLogs() {
  try {
    const page = await call(`logs?${formQuery($("log-filters"))}`);
    $("log-lines").replaceChildren(...page.items.map(e => {
      const li = document.createElement("li");
      li.className = `level-${e.level.toLowerCase()}`;
      li.textContent = `${new Date(e.at).toLocaleTimeString()} ${e.level.slice(0, 4).toUpperCase()} [${e.source}] ${e.message}${e.exception ? ` — ${e.exception}` : ""}`;
      return li;
    }));
  } catch (e) {
    toast(e.message, true);
  }
}
$("log-filters").addEventListener("input", () => loadLogs());
$("log-filters").addEventListener("submit", e => e.preventDefault());
// Lists refresh the page they show while their tab is open (never in the background).
setInterval(() => {
  if (document.hidden) return;
  if (activeTab === "logs" && new FormData($("log-filters")).get("follow")) loadLogs();
  if (activeTab === "overview" && lastSnapshot && !document.activeElement?.matches("#pool-rows input")) loadPools();
  if (activeTab === "submissions") loadSubmissions(submissionOffset);
  if (activeTab === "sandboxes") loadSandboxes(sandboxOffset);
}, 3000);

stream();
loadPools();
