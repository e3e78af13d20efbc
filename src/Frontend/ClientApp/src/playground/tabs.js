// The file tabs above the editor: one per file of the program, the main file first and fixed,
// a × on every other, and "+" with an inline name field to add one. The strip scrolls sideways on
// its own so a long list never widens the page (a phone).
import { nameProblem } from "./files.js";

/**
 * Wires the tab strip in `ui` (tabs, add, form, name, cancel, message) to the callbacks:
 * `select(index)`, `add(name)`, `remove(index)`; `program()` answers the program shown.
 * Returns `render()`, to call whenever the program or its open file changed.
 */
export function createTabs(ui, { program, select, add, remove }) {
  function showMessage(text) {
    ui.message.textContent = text ?? "";
    ui.message.hidden = !text;
  }

  function closeForm() {
    ui.form.hidden = true;
    ui.name.value = "";
    showMessage(null);
  }

  function tab(file, index, selected) {
    const item = document.createElement("div");
    item.className = "tab";
    item.setAttribute("role", "presentation");
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = file.name;
    button.title = file.name;
    button.dataset.testid = "file-tab";
    button.setAttribute("role", "tab");
    button.setAttribute("aria-selected", String(selected));
    button.addEventListener("click", () => select(index));
    item.append(button);
    if (index > 0) {
      const close = document.createElement("button");
      close.type = "button";
      close.className = "remove";
      close.textContent = "×";
      close.title = `Remove ${file.name}`;
      close.setAttribute("aria-label", close.title);
      close.dataset.testid = "remove-file";
      close.addEventListener("click", () => remove(index));
      item.append(close);
    }
    return item;
  }

  function render() {
    const { files, selected } = program();
    ui.tabs.replaceChildren(...files.map((file, index) => tab(file, index, index === selected)));
    ui.tabs.children[selected]?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }

  ui.add.addEventListener("click", () => {
    ui.form.hidden = false;
    ui.name.focus();
  });
  ui.form.addEventListener("submit", event => {
    event.preventDefault();
    // Spaces around a name are a slip of the keyboard, not part of it.
    const name = ui.name.value.trim();
    if (!program()) return; // the languages have not loaded yet: there is no program to add to
    const problem = nameProblem(program(), name);
    if (problem) {
      showMessage(problem);
      ui.name.focus();
      return;
    }
    closeForm();
    add(name);
  });
  ui.cancel.addEventListener("click", () => closeForm());
  ui.name.addEventListener("keydown", event => {
    if (event.key === "Escape") closeForm();
  });
  return render;
}
