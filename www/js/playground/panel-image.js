/**
 * The playground's panel as one image (Save → Image): the boundary plot, the
 * loss chart below it and a caption of readouts, on white, in the device
 * pixels of the on-screen canvases. The caption's parts are laid out in as
 * many lines as the image's width needs, so none is cut off.
 */

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
const SEPARATOR = "   ·   ";

/**
 * `parts` joined by SEPARATOR into lines no wider than `width` (a part wider than that alone
 * gets a line of its own).
 * @param {CanvasRenderingContext2D} ctx measures with its current font
 * @param {readonly string[]} parts
 * @param {number} width
 */
export function captionLines(ctx, parts, width) {
  const lines = [];
  let line = "";
  for (const part of parts) {
    const joined = line ? line + SEPARATOR + part : part;
    if (line && ctx.measureText(joined).width > width) {
      lines.push(line);
      line = part;
    } else {
      line = joined;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * One canvas with the boundary plot, the loss chart below it and the caption `parts`.
 * @param {HTMLCanvasElement} boundary
 * @param {HTMLCanvasElement} chart
 * @param {readonly string[]} parts
 */
export function composePanel(boundary, chart, parts) {
  const pad = Math.round(12 * (boundary.width / boundary.clientWidth || 1));
  const lineHeight = 2 * pad;
  const width = Math.max(boundary.width, chart.width) + 2 * pad;
  const out = document.createElement("canvas");
  let ctx = out.getContext("2d");
  const font = `${Math.round(lineHeight * 0.6)}px ${FONT}`;
  ctx.font = font;
  const lines = captionLines(ctx, parts, width - 2 * pad);
  out.width = width;
  out.height = boundary.height + chart.height + lines.length * lineHeight + 3 * pad;
  ctx = out.getContext("2d"); // resizing reset its state
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(boundary, pad, pad);
  ctx.drawImage(chart, pad, boundary.height + 2 * pad);
  ctx.fillStyle = "#1c2430";
  ctx.font = font;
  ctx.textBaseline = "middle";
  const top = boundary.height + chart.height + 2 * pad;
  lines.forEach((line, i) => ctx.fillText(line, pad, top + (i + 0.5) * lineHeight, width - 2 * pad));
  return out;
}
