// The playground (index.html at /): pick a language, edit the program's files (one tab each, the
// main file first), run them interactively in the terminal (the session API, a pty) or in batch
// mode with the stdin box (POST api/v1/runs), see the verdict, time and memory, and share them as
// a snippet (?s=ID opens it).
import "@xterm/xterm/css/xterm.css";
import "./playground.css";
import * as api from "./api.js";
import { closeMessage } from "./closeCodes.js";
import { createEditor } from "./editor.js";
import { exampleFor } from "./examples.js";
import * as program from "./files.js";
import { clearResult, showResult } from "./result.js";
import { Session } from "./session.js";
import { createTabs } from "./tabs.js";
import { createTerminal, style } from "./terminal.js";

const $ = id => document.getElementById(id);
const ui = {
  language: $("language"), version: $("language-version"), run: $("run"), runBatch: $("run-batch"), stop: $("stop"), share: $("share"),
  apiKey: $("api-key"), stdin: $("stdin"), status: $("status"), result: $("result"),
  shareBox: $("share-box"), shareLink: $("share-link"), copy: $("copy"),
  files: { tabs: $("file-tabs"), add: $("add-file"), form: $("new-file"), name: $("new-file-name"), cancel: $("new-file-cancel"), message: $("file-message") },
};

const terminal = createTerminal($("terminal"));
const editor = createEditor($("editor"), { onRun: () => runInteractive() });
const languages = new Map();
// Each language's files while the user switches between them, so switching back loses nothing.
const buffers = new Map();
let current = null;
let shown = null; // the current language's program: { files, selected }, the editor holding files[selected]
let running = null; // { session?, stop() }
const renderTabs = createTabs(ui.files, { program: () => shown, select: openFile, add: addFile, remove: removeFile });

function setStatus(text, kind = "") {
  ui.status.textContent = text;
  ui.status.dataset.kind = kind;
}

function setRunning(value) {
  running = value;
  ui.stop.disabled = !value;
  document.body.classList.toggle("running", Boolean(value));
}

/** Writes the editor's text back into the open file: the editor holds the only up-to-date copy while it is open. */
function keepEditorText() {
  if (shown) shown.files[shown.selected].content = editor.text;
}

function showProgram() {
  editor.open(shown.files[shown.selected].content);
  renderTabs();
}

function openFile(index) {
  if (index === shown.selected) return;
  keepEditorText();
  shown.selected = index;
  showProgram();
}

function addFile(name) {
  keepEditorText();
  program.addFile(shown, name);
  showProgram();
  editor.focus();
}

function removeFile(index) {
  keepEditorText();
  program.removeFile(shown, index);
  showProgram();
}

/** Shows the language `id` with its files: `snippetFiles` when given, else those it had, else its example. */
function selectLanguage(id, snippetFiles) {
  keepEditorText();
  current = languages.get(id);
  ui.language.value = id;
  editor.setLanguage(id);
  // Beside the picker, not in it: some versions are long (bash's names its build triple).
  const version = current.version && current.version !== "unknown" ? current.version : "";
  ui.version.textContent = version;
  ui.version.title = version;
  if (snippetFiles) buffers.set(id, program.fromSnippet(snippetFiles));
  if (!buffers.has(id)) buffers.set(id, program.singleFile(current.sourceFile, exampleFor(current)));
  shown = buffers.get(id);
  showProgram();
  try { localStorage.setItem("coderun.language", id); } catch { /* storage disabled */ }
}

/** Every file of the program, the main file (the entry point) first, as the API takes them. */
function files() {
  keepEditorText();
  return shown.files.map(({ name, content }) => ({ name, content }));
}

function writeError(text) {
  terminal.write(`${style.red(text.replaceAll("\n", "\r\n"))}\r\n`);
}

function stopCurrent() {
  running?.stop();
  setRunning(null);
}

function runInteractive() {
  if (!current) return;
  stopCurrent();
  clearResult(ui.result);
  terminal.reset();
  terminal.focus();
  setStatus("connecting…", "busy");
  const session = new Session(api.sessionUrl(),
    { language: current.id, files: files(), args: [], tty: true, cols: terminal.cols, rows: terminal.rows },
    {
      open: () => setStatus("connected", "busy"),
      status: state => setStatus(state, "busy"),
      compile: text => terminal.write(typeof text === "string" ? style.dim(text) : text),
      output: (chunk, stream) => {
        if (stream === "stderr" && typeof chunk === "string") terminal.write(style.red(chunk));
        else terminal.write(chunk);
      },
      exit: result => {
        showResult(ui.result, result);
        setStatus(`finished: ${result.verdict ?? "?"}`, result.verdict === "Accepted" ? "ok" : "bad");
      },
      error: (code, message) => writeError(`\r\n${message || "The session failed."}${code ? ` [${code}]` : ""}`),
      close: (code, reason, { opened, exited }) => {
        if (!exited) {
          writeError(`\r\n${closeMessage(code, reason, opened)}`);
          setStatus(code === 1000 ? "ended" : `closed (${code})`, "bad");
        }
        if (running?.session === session) setRunning(null);
      },
    });
  setRunning({ session, stop: () => session.kill() });
}

async function runWithStdin() {
  if (!current) return;
  stopCurrent();
  clearResult(ui.result);
  terminal.reset();
  const controller = new AbortController();
  let submissionId = null;
  const handle = {
    stop: () => {
      controller.abort();
      if (submissionId) api.cancelSubmission(submissionId).catch(() => {});
    },
  };
  setRunning(handle);
  setStatus("running…", "busy");
  try {
    let { status, body } = await api.runBatch({ language: current.id, files: files(), stdin: ui.stdin.value }, controller.signal);
    // 202: it took longer than the server waits; follow the submission until it completes.
    if (status === 202) {
      submissionId = body.id;
      while (body.status !== "Completed") {
        await new Promise(resolve => setTimeout(resolve, 500));
        ({ body } = await api.getSubmission(submissionId, controller.signal));
      }
    }
    if (body.compileOutput) terminal.write(style.dim(body.compileOutput));
    if (body.stdout) terminal.write(body.stdout);
    if (body.stderr) terminal.write(style.red(body.stderr));
    showResult(ui.result, body);
    setStatus(`finished: ${body.verdict}`, body.verdict === "Accepted" ? "ok" : "bad");
  } catch (error) {
    if (!controller.signal.aborted) {
      writeError(error.message);
      setStatus("failed", "bad");
    } else if (running === null) {
      // Stopped by the button (a new run would have taken over the terminal by now).
      writeError("Stopped.");
      setStatus("stopped", "bad");
    }
  } finally {
    if (running === handle) setRunning(null);
  }
}

async function share() {
  if (!current) return;
  ui.share.disabled = true;
  try {
    const stdin = ui.stdin.value;
    const { body } = await api.createSnippet({ language: current.id, files: files(), ...(stdin ? { stdin } : {}) });
    // Relative to this page, not the server's idea of its address: right behind a path prefix too.
    const link = new URL(`?s=${encodeURIComponent(body.id)}`, location.href).href;
    history.replaceState(null, "", link);
    ui.shareLink.value = link;
    ui.shareBox.hidden = false;
    ui.shareLink.select();
    setStatus("link ready", "ok");
  } catch (error) {
    writeError(error.message);
    setStatus("sharing failed", "bad");
  } finally {
    ui.share.disabled = false;
  }
}

async function copyLink() {
  ui.shareLink.select();
  try {
    await navigator.clipboard.writeText(ui.shareLink.value);
    ui.copy.textContent = "Copied";
  } catch {
    // No clipboard API (plain http on another host): the link is selected for the user to copy.
    ui.copy.textContent = "Press Ctrl+C";
  }
  setTimeout(() => { ui.copy.textContent = "Copy"; }, 2000);
}

async function loadLanguages() {
  const { body } = await api.getLanguages();
  ui.language.replaceChildren(...body.map(language => {
    languages.set(language.id, language);
    return new Option(language.name, language.id);
  }));
}

/** Lists the languages, then opens the shared snippet (?s=ID) or the last language's example. */
async function load() {
  try {
    await loadLanguages();
  } catch (error) {
    writeError(`Could not list the languages.\n${error.message}`);
    setStatus("not connected", "bad");
    ui.apiKey.closest("details").open = error.status === 401;
    return;
  }
  const snippetId = new URLSearchParams(location.search).get("s");
  if (snippetId) {
    try {
      const { body } = await api.getSnippet(snippetId);
      if (!languages.has(body.language)) throw new Error(`This service does not run ${body.language}.`);
      if (!body.files?.length) throw new Error("The snippet has no files.");
      selectLanguage(body.language, body.files);
      ui.stdin.value = body.stdin ?? "";
      setStatus("shared snippet loaded");
      document.body.dataset.ready = "true";
      return;
    } catch (error) {
      writeError(`Could not open the shared snippet.\n${error.message}`);
    }
  }
  let preferred = null;
  try { preferred = localStorage.getItem("coderun.language"); } catch { /* storage disabled */ }
  selectLanguage(languages.has(preferred) ? preferred : languages.has("python") ? "python" : languages.keys().next().value);
  setStatus("ready");
  // Tests and scripts wait for this: the languages are listed and the editor holds a program.
  document.body.dataset.ready = "true";
}

ui.apiKey.value = api.apiKey();
ui.apiKey.addEventListener("change", () => {
  api.setApiKey(ui.apiKey.value.trim());
  // Refused before for want of a key: try again with it.
  if (languages.size === 0) {
    terminal.reset();
    load();
  }
});
ui.language.addEventListener("change", () => selectLanguage(ui.language.value));
ui.run.addEventListener("click", () => runInteractive());
ui.runBatch.addEventListener("click", () => runWithStdin());
ui.stop.addEventListener("click", () => stopCurrent());
ui.share.addEventListener("click", () => share());
ui.copy.addEventListener("click", () => copyLink());
terminal.onData(data => running?.session?.stdin(data));
terminal.onResize(({ cols, rows }) => running?.session?.resize(cols, rows));
load();
