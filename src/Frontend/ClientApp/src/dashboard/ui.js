// The dashboard's small DOM helpers: element lookup, the toast, the confirm dialog, formatting, table
// cells and buttons, and the filter forms and pagers the server-paged lists share.

export const pageSize = 25;
export const $ = id => document.getElementById(id);

export function confirmAction(text) {
  return new Promise(resolve => {
    const dialog = $("confirm");
    $("confirm-text").textContent = text;
    dialog.addEventListener("close", () => resolve(dialog.returnValue === "ok"), { once: true });
    dialog.showModal();
  });
}

let toastTimer;
export function toast(text, bad = false) {
  const el = $("toast");
  el.textContent = text;
  el.classList.toggle("bad", bad);
  el.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (el.hidden = true), 4000);
}

// ---- formatting ----

export const ms = v => (v == null ? "–" : v < 1000 ? `${Math.round(v)} ms` : `${(v / 1000).toFixed(2)} s`);
export const bytes = v => (v >= 1 << 30 ? `${(v / (1 << 30)).toFixed(1)} GiB` : `${(v / (1 << 20)).toFixed(0)} MiB`);
export const duration = s => (s < 60 ? `${Math.round(s)} s` : s < 3600 ? `${Math.floor(s / 60)} min` : `${(s / 3600).toFixed(1)} h`);
export const time = iso => new Date(iso).toLocaleTimeString();
export const short = id => (id ? id.toString().slice(0, 8) : "–");

export function cell(label, content, testid) {
  const td = document.createElement("td");
  td.dataset.label = label;
  if (testid) td.dataset.testid = testid;
  if (content instanceof Node) td.append(content);
  else td.textContent = content ?? "–";
  return td;
}

export function button(text, onClick, testid, kind) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = text;
  if (testid) b.dataset.testid = testid;
  if (kind) b.className = kind;
  b.addEventListener("click", onClick);
  return b;
}

// ---- the lists' filters and pagers ----

export function formQuery(form, offset) {
  const query = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (v && k !== "follow") query.set(k, v);
  if (offset != null) {
    query.set("offset", offset);
    query.set("limit", pageSize);
  }
  return query;
}

export function pager(element, page, load) {
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
