/**
 * Keeps a loss surface's window still while training. The first surface of a
 * kind (and the first after a reset) is fitted by the core; its centre and
 * half-width are then pinned and passed back with every request, and dropped
 * — so the core fits a new window — only when the current point comes near
 * the edge. "pca" (whose axes turn with the path) and "line" are always fitted.
 */

/** Kinds whose window can stay put. */
const PINNABLE = new Set(["weights2d", "random"]);
/** Re-fit once the current point is past this fraction of the half-width. */
const EDGE = 0.9;

export class SurfaceWindow {
  constructor() {
    this.pinned = null;
  }

  /** Forget the window (a new session). */
  reset() {
    this.pinned = null;
  }

  /** The `lossSurface` request for `kind` (and `unit`) at `res` nodes per axis. */
  request(kind, unit, res) {
    const req = { kind, res, unit };
    const p = this.pinned;
    if (p && p.kind === kind && p.unit === unit) {
      req.center = [...p.center];
      req.span = p.span;
    }
    return req;
  }

  /** Pin the window of a surface just computed, unless its current point is near the edge. */
  update(surface, unit) {
    if (!PINNABLE.has(surface.kind)) {
      this.pinned = null;
      return;
    }
    const [x0, x1] = surface.xRange;
    const [y0, y1] = surface.yRange;
    const center = [(x0 + x1) / 2, (y0 + y1) / 2];
    const span = (x1 - x0) / 2;
    const [a, b] = surface.currentPoint;
    const inside = Math.abs(a - center[0]) <= EDGE * span && Math.abs(b - center[1]) <= EDGE * span;
    this.pinned = inside ? { kind: surface.kind, unit, center, span } : null;
  }

  /** True when the next request lets the core fit the window. */
  get fitting() {
    return this.pinned === null;
  }
}
