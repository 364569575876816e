/**
 * Editing the user's points on the decision-boundary plot, while editing is on
 * (the "Add points" toggle, edit-mode.js); otherwise a click or key that would
 * edit changes nothing and is reported to `idle`.
 *
 * Mouse: a click adds a point with the chosen label (Shift: the next class,
 * or the negated value for regression); Alt-click or right-click removes the
 * nearest point, and so does every click in erase mode.
 * Keyboard: the plot is focusable; the arrow keys move a crosshair (with Shift
 * five times as far), Enter or Space adds a point there (Shift: the next
 * label), Delete or Backspace removes the nearest one, Escape hides the
 * crosshair.
 *
 * Points are kept as the core takes them, [x0, y0, label0, …] before the
 * feature distortion; the plot shows them distorted (x·scale + offset).
 */

/** How close (CSS pixels) a click must be to a point to remove it. */
export const PICK_RADIUS_PX = 12;
/** Most points the core takes. */
export const MAX_POINTS = 5000;
/** One arrow-key move, as a fraction of the plotted range. */
const KEY_STEP = 0.02;

/**
 * The feature distortion the plot shows (x·scale + offset): a state's `scale` and `offset`.
 * @typedef {{ scale: readonly number[], offset: readonly number[] }} Distortion
 */

/** A coordinate rounded to 3 decimals (keeps links short; the data domain is about ±6). */
export function roundCoord(v) {
  return Math.round(v * 1000) / 1000;
}

/**
 * Plot coordinates → the core's coordinates before the distortion.
 * @param {readonly number[]} point
 * @param {Distortion} distortion
 */
export function toRaw([x, y], { scale, offset }) {
  return [(x - offset[0]) / scale[0], (y - offset[1]) / scale[1]];
}

/**
 * The core's coordinates → plot coordinates.
 * @param {readonly number[]} point
 * @param {Distortion} distortion
 */
export function toShown([x, y], { scale, offset }) {
  return [x * scale[0] + offset[0], y * scale[1] + offset[1]];
}

/**
 * The core's points → plot coordinates, as `pg.points` gives them.
 * @param {readonly number[]} points
 * @param {Distortion} distortion
 */
export function shownPoints(points, distortion) {
  const out = new Float32Array(points.length);
  for (let i = 0; i + 2 < points.length; i += 3) {
    [out[i], out[i + 1]] = toShown([points[i], points[i + 1]], distortion);
    out[i + 2] = points[i + 2];
  }
  return out;
}

/** Labels after a change of problem type: classes 0/1 ↔ targets −1/+1 (the same colours). */
export function relabel(points, problem) {
  const out = [...points];
  for (let i = 2; i < out.length; i += 3) {
    out[i] = problem === "regression" ? (out[i] === 1 ? 1 : -1) : (out[i] > 0 ? 1 : 0);
  }
  return out;
}

/**
 * Points as the plot shows them ([x, y, label, …], e.g. `pg.points("train")`) → the core's, rounded.
 * @param {ArrayLike<number>} shown
 * @param {Distortion} distortion
 */
export function rawPoints(shown, distortion) {
  const out = [];
  for (let i = 0; i + 2 < shown.length; i += 3) {
    const [x, y] = toRaw([shown[i], shown[i + 1]], distortion);
    out.push(roundCoord(x), roundCoord(y), shown[i + 2]);
  }
  return out;
}

/** Half-width of the data domain the core plots (its DOMAIN). */
const DOMAIN = 6;

/**
 * The plotted box [xmin, xmax, ymin, ymax] of custom points, as the core
 * computes it: the domain ±6 grown to hold every point with a 10% margin, then
 * distorted (for drawing points before there are enough to build a network).
 * @param {readonly number[]} points
 * @param {Distortion} [distortion]
 */
export function customBounds(points, distortion = { scale: [1, 1], offset: [0, 0] }) {
  let reach = DOMAIN;
  for (let i = 0; i < points.length; i++) if (i % 3 !== 2) reach = Math.max(reach, 1.1 * Math.abs(points[i]));
  const [x0, y0] = toShown([-reach, -reach], distortion);
  const [x1, y1] = toShown([reach, reach], distortion);
  return [Math.min(x0, x1), Math.max(x0, x1), Math.min(y0, y1), Math.max(y0, y1)];
}

/** The number of the point (core coordinates) nearest to a canvas position within `radius` px, or -1. */
export function nearestPoint(points, [cx, cy], view, distortion, radius = PICK_RADIUS_PX) {
  let best = -1;
  let bestD = radius * radius;
  for (let i = 0; i + 2 < points.length; i += 3) {
    const [px, py] = view.toCanvas(...toShown([points[i], points[i + 1]], distortion));
    const d = (px - cx) ** 2 + (py - cy) ** 2;
    if (d <= bestD) {
      bestD = d;
      best = i / 3;
    }
  }
  return best;
}

export class PointEditor {
  /**
   * @param {HTMLCanvasElement} canvas the boundary plot
   * @param {import("../views/boundary.js").BoundaryView} view
   * @param {object} hooks
   * @param {() => number[]} hooks.points the points to edit (core coordinates)
   * @param {() => Distortion} hooks.distortion
   * @param {(other: boolean) => number} hooks.label the label a new point gets (`other`: Shift held)
   * @param {() => boolean} hooks.editing true while clicks and keys edit
   * @param {(at: number[]) => void} hooks.idle a click or key at canvas position `at` that would
   *   have edited, with editing off
   * @param {() => boolean} hooks.erasing true in erase mode
   * @param {(points: number[], what: { added?: number[], removed?: number[], at: number[] }) => void} hooks.change
   *   the points after an edit at canvas position `at`
   * @param {(reason: string, at: number[]) => void} hooks.refused nothing changed at `at`, and why
   * @param {() => void} hooks.redraw
   */
  constructor(canvas, view, hooks) {
    this.canvas = canvas;
    this.view = view;
    this.hooks = hooks;
    canvas.tabIndex = 0;
    canvas.classList.add("editable");
    canvas.addEventListener("click", (e) => this.onClick(e));
    canvas.addEventListener("contextmenu", (e) => {
      if (!hooks.editing()) return; // the browser's own menu
      e.preventDefault();
      this.removeNear(this.eventPoint(e), PICK_RADIUS_PX);
    });
    canvas.addEventListener("keydown", (e) => this.onKey(e));
    canvas.addEventListener("blur", () => this.setCursor(null));
  }

  /** Canvas (CSS pixel) position of a mouse event. */
  eventPoint(e) {
    const r = this.canvas.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  }

  onClick(e) {
    const at = this.eventPoint(e);
    if (!this.hooks.editing()) {
      if (this.view.toData(...at)) this.hooks.idle(at);
      return;
    }
    if (e.altKey || this.hooks.erasing()) {
      this.removeNear(at, PICK_RADIUS_PX);
      return;
    }
    const shown = this.view.toData(...at);
    if (shown) this.add(shown, e.shiftKey);
  }

  /** Add a point at `shown` (plot coordinates), with the other label when `other`. */
  add(shown, other) {
    const at = this.view.toCanvas(...shown);
    const points = [...this.hooks.points()];
    if (points.length / 3 >= MAX_POINTS) {
      this.hooks.refused("full", at);
      return;
    }
    const [x, y] = toRaw(shown, this.hooks.distortion());
    const point = [roundCoord(x), roundCoord(y), this.hooks.label(other)];
    points.push(...point);
    this.hooks.change(points, { added: point, at });
  }

  /** Remove the point nearest canvas position `at` within `radius` pixels. */
  removeNear(at, radius) {
    const points = this.hooks.points();
    const i = nearestPoint(points, at, this.view, this.hooks.distortion(), radius);
    if (i < 0) {
      this.hooks.refused("none near", at);
      return;
    }
    const removed = points.slice(i * 3, i * 3 + 3);
    this.hooks.change([...points.slice(0, i * 3), ...points.slice(i * 3 + 3)], { removed, at });
  }

  setCursor(cursor) {
    this.view.cursor = cursor;
    this.hooks.redraw();
  }

  onKey(e) {
    const [xmin, xmax, ymin, ymax] = this.view.bounds;
    const cursor = this.view.cursor ?? [(xmin + xmax) / 2, (ymin + ymax) / 2];
    const k = e.shiftKey ? 5 * KEY_STEP : KEY_STEP;
    const moves = {
      ArrowLeft: [-(xmax - xmin) * k, 0],
      ArrowRight: [(xmax - xmin) * k, 0],
      ArrowUp: [0, (ymax - ymin) * k],
      ArrowDown: [0, -(ymax - ymin) * k],
    };
    if (e.key in moves) {
      const [dx, dy] = moves[e.key];
      this.setCursor([
        Math.min(xmax, Math.max(xmin, cursor[0] + dx)),
        Math.min(ymax, Math.max(ymin, cursor[1] + dy)),
      ]);
    } else if (["Enter", " ", "Delete", "Backspace"].includes(e.key) && !this.hooks.editing()) {
      this.setCursor(cursor);
      this.hooks.idle(this.view.toCanvas(...cursor));
    } else if (e.key === "Enter" || e.key === " ") {
      this.view.cursor = cursor;
      if (this.hooks.erasing()) this.removeNear(this.view.toCanvas(...cursor), 3 * PICK_RADIUS_PX);
      else this.add(cursor, e.shiftKey);
    } else if (e.key === "Delete" || e.key === "Backspace") {
      this.view.cursor = cursor;
      this.removeNear(this.view.toCanvas(...cursor), 3 * PICK_RADIUS_PX);
    } else if (e.key === "Escape") {
      this.setCursor(null);
    } else {
      return;
    }
    e.preventDefault();
    e.stopPropagation(); // Space here adds a point; it must not also start training
  }
}
