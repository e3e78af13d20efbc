// The operators' dashboard: a live view of the cluster fed by the admin API's server-sent events,
// lists paged on the server, and the operator actions. Every URL is relative to the page, so the
// dashboard works behind a path prefix (an ingress serving it at /coderun/dashboard/).
import "./dashboard.css";
import { setupKeyDialog } from "./api.js";
import { following, loadLogs } from "./logs.js";
import { loadPools, renderOverview } from "./overview.js";
import { loadSandboxes, reloadSandboxes } from "./sandboxes.js";
import { renderSilos } from "./silos.js";
import { loadSubmissions, reloadSubmissions, siloChoices } from "./submissions.js";
import { restartStream, startStream } from "./stream.js";

let lastSnapshot = null;

function render(snapshot) {
  lastSnapshot = snapshot;
  renderOverview(snapshot.overview);
  renderSilos(snapshot.silos);
  siloChoices(snapshot.silos);
}

setupKeyDialog(() => {
  restartStream();
  refreshTab();
});

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

// Lists refresh the page they show while their tab is open (never in the background).
setInterval(() => {
  if (document.hidden) return;
  if (activeTab === "logs" && following()) loadLogs();
  if (activeTab === "overview" && lastSnapshot && !document.activeElement?.matches("#pool-rows input")) loadPools();
  if (activeTab === "submissions") reloadSubmissions();
  if (activeTab === "sandboxes") reloadSandboxes();
}, 3000);

startStream(render);
loadPools();
