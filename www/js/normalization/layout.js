/**
 * What keeps the lab's point on the first screen: the settings beyond the
 * toolbar are folded behind a disclosure button, and on a narrow screen (where
 * CSS puts both panels in one place) a switch shows one side at a time.
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
