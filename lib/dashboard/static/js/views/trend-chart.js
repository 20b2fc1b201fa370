import { html } from '../html.js';

const W = 640;
const H = 220;
const PAD = { left: 36, right: 12, top: 12, bottom: 28 };

function points(series, max) {
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const step = series.length > 1 ? innerW / (series.length - 1) : 0;
  return series
    .map(
      (v, i) => `${(PAD.left + i * step).toFixed(1)},${(PAD.top + innerH - (v / max) * innerH).toFixed(1)}`,
    )
    .join(' ');
}

/** Opened vs resolved drift per day as an inline SVG line chart, with the numbers in a table too. */
export function TrendChart({ trend }) {
  const max = Math.max(1, ...trend.map((d) => Math.max(d.opened, d.resolved)));
  const opened = trend.reduce((n, d) => n + d.opened, 0);
  const resolved = trend.reduce((n, d) => n + d.resolved, 0);
  const innerH = H - PAD.top - PAD.bottom;
  const ticks = [0, Math.ceil(max / 2), max].filter((v, i, a) => a.indexOf(v) === i);
  const step = trend.length > 1 ? (W - PAD.left - PAD.right) / (trend.length - 1) : 0;
  const first = trend[0]?.day ?? '';
  const last = trend[trend.length - 1]?.day ?? '';
  return html`
    <figure class="trend">
      <svg viewBox=${`0 0 ${W} ${H}`} role="img" aria-labelledby="trend-title trend-desc" class="trend-svg">
        <title id="trend-title">Opened vs resolved drift, ${first} to ${last}</title>
        <desc id="trend-desc">${opened} opened and ${resolved} resolved over ${trend.length} days.</desc>
        ${ticks.map(
          (t) => html`<g key=${t}>
            <line class="grid" x1=${PAD.left} x2=${W - PAD.right}
              y1=${PAD.top + innerH - (t / max) * innerH} y2=${PAD.top + innerH - (t / max) * innerH} />
            <text class="axis" x=${PAD.left - 6} y=${PAD.top + innerH - (t / max) * innerH + 4} text-anchor="end">${t}</text>
          </g>`,
        )}
        ${trend.map((d, i) =>
          (trend.length - 1 - i) % 7 === 0
            ? html`<text key=${d.day} class="axis" x=${PAD.left + i * step} y=${H - 8} text-anchor="middle">${d.day.slice(5)}</text>`
            : null,
        )}
        <polyline class="line-opened" fill="none" points=${points(
          trend.map((d) => d.opened),
          max,
        )} />
        <polyline class="line-resolved" fill="none" points=${points(
          trend.map((d) => d.resolved),
          max,
        )} />
      </svg>
      <figcaption>
        <span class="key key-opened">opened (${opened})</span>
        <span class="key key-resolved">resolved (${resolved})</span>
      </figcaption>
      <details>
        <summary>Trend as a table</summary>
        <table class="compact">
          <thead><tr><th scope="col">Day</th><th scope="col">Opened</th><th scope="col">Resolved</th></tr></thead>
          <tbody>
            ${trend.map((d) => html`<tr key=${d.day}><th scope="row">${d.day}</th><td>${d.opened}</td><td>${d.resolved}</td></tr>`)}
          </tbody>
        </table>
      </details>
    </figure>`;
}
