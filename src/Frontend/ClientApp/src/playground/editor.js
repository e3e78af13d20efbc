// The code editor: CodeMirror 6 with its basic setup and the One Dark theme (the page is dark),
// syntax highlighting per language (lezer grammars where CodeMirror has one, its legacy stream
// modes for Go, Ruby and shell), Tab to indent (Escape then Tab leaves the editor, CodeMirror's
// accessible default) and Ctrl/Cmd+Enter to run.
import { basicSetup } from "codemirror";
import { EditorView, keymap } from "@codemirror/view";
import { Compartment, EditorState } from "@codemirror/state";
import { indentWithTab } from "@codemirror/commands";
import { StreamLanguage } from "@codemirror/language";
import { oneDark } from "@codemirror/theme-one-dark";
// Grammars load when their language is first picked (esbuild splits each into a chunk of its own):
// the page starts without the ~300 KB of grammars it may never need.
const syntaxes = {
  python: () => import("@codemirror/lang-python").then(m => m.python()),
  javascript: () => import("@codemirror/lang-javascript").then(m => m.javascript()),
  c: () => import("@codemirror/lang-cpp").then(m => m.cpp()),
  cpp: () => import("@codemirror/lang-cpp").then(m => m.cpp()),
  java: () => import("@codemirror/lang-java").then(m => m.java()),
  go: () => import("@codemirror/legacy-modes/mode/go").then(m => StreamLanguage.define(m.go)),
  ruby: () => import("@codemirror/legacy-modes/mode/ruby").then(m => StreamLanguage.define(m.ruby)),
  bash: () => import("@codemirror/legacy-modes/mode/shell").then(m => StreamLanguage.define(m.shell)),
};

export function createEditor(parent, { onRun }) {
  const syntax = new Compartment();
  let picks = 0;
  let highlighting = [];
  const stateOf = doc => EditorState.create({
    doc,
    extensions: [
      keymap.of([{ key: "Mod-Enter", run: () => { onRun(); return true; } }, indentWithTab]),
      basicSetup,
      oneDark,
      syntax.of(highlighting),
      EditorView.contentAttributes.of({ "aria-label": "Program source", "data-testid": "code" }),
    ],
  });
  const view = new EditorView({ parent, state: stateOf("") });
  return {
    view,
    get text() {
      return view.state.doc.toString();
    },
    /** Shows `value` as a new document: another file's, so undo must not step back into the file shown before. */
    open(value) {
      view.setState(stateOf(value));
    },
    focus() {
      view.focus();
    },
    /** Highlights in the syntax of `id` once its grammar has loaded; a later pick wins over an earlier one still loading. */
    async setLanguage(id) {
      const pick = ++picks;
      let extension = [];
      try {
        extension = (await syntaxes[id]?.()) ?? [];
      } catch {
        // the chunk did not load (offline): plain text is still editable
      }
      if (pick !== picks) return;
      highlighting = extension;
      view.dispatch({ effects: syntax.reconfigure(extension) });
    },
  };
}
