/**
 * What keeps the lab's point on the first screen: the settings beyond the
 * toolbar are folded behind a disclosure button, and on a narrow screen (where
 * CSS puts both panels in one place) a switch shows one side at a time; its
 * right-hand button is named after what the right side compares the raw
 * inputs with.
 */

/**
 * Wire a disclosure button (`aria-expanded`, `aria-controls`) to the region it shows and hides.
 * @param {HTMLButtonElement} button
 * @returns {{ open: () => void }} opens the region (e.g. to show a field marked invalid)
 */
export function startFold(button) {
  const region = document.getElementById(button.getAttribute("aria-controls"));
  const show = (open) => {
    region.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
  };
  button.addEventListener("click", () => show(region.hidden));
  return { open: () => show(true) };
}

/**
 * Wire the side switch: each button (`data-show` = a side's id) shows its panel, written as
 * `data-shown` on the panels' container, which CSS reads on a narrow screen.
 * @param {HTMLElement} group the switch's buttons
 * @param {HTMLElement} container the panels
 */
export function startSideSwitch(group, container) {
  const buttons = /** @type {HTMLButtonElement[]} */ ([...group.querySelectorAll("button[data-show]")]);
  for (const button of buttons) {
    button.addEventListener("click", () => {
      container.dataset.shown = button.dataset.show;
      for (const b of buttons) b.setAttribute("aria-pressed", String(b === button));
    });
  }
}

/**
 * Name the switch's button of the right side (`data-compared`) after `side`, and keep that side
 * shown if it was.
 * @param {HTMLElement} group the switch's buttons
 * @param {HTMLElement} container the panels
 * @param {{ id: string, title: string }} side
 */
export function nameComparedSide(group, container, side) {
  const button = /** @type {HTMLButtonElement} */ (group.querySelector("button[data-compared]"));
  if (container.dataset.shown === button.dataset.show) container.dataset.shown = side.id;
  button.dataset.show = side.id;
  button.setAttribute("aria-controls", `panel-${side.id}`);
  button.textContent = side.title;
}
