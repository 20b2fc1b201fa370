import { formatValue } from '../format.js';
import { html } from '../html.js';

const EMPTY = {
  missing: 'Declared in the state but not found live (in a scope the inventory covers).',
  unmanaged: 'Found live but declared nowhere.',
  changed: 'No attribute changes recorded.',
};

function Value({ value }) {
  const text = formatValue(value);
  return text.includes('\n') ? html`<pre>${text}</pre>` : html`<code>${text}</code>`;
}

/** Desired (state) vs actual (live) per changed attribute; sensitive values arrive as "(sensitive)" and stay so. */
export function ChangesTable({ drift }) {
  if (drift.changes.length === 0) return html`<p class="muted">${EMPTY[drift.kind] ?? EMPTY.changed}</p>`;
  return html`<div class="changes">
    ${drift.changes.map(
      (c) => html`<section class="change" key=${c.path} aria-label=${`Attribute ${c.path}`}>
        <h3 class="path"><code>${c.path}</code>${c.sensitive ? html` <span class="badge warn">sensitive</span>` : null}</h3>
        <div class="sides">
          <div class="side desired"><h4>Desired (state)</h4><${Value} value=${c.desired} /></div>
          <div class="side actual"><h4>Actual (live)</h4><${Value} value=${c.actual} /></div>
        </div>
      </section>`,
    )}
  </div>`;
}
