import { apiGet, driftPath } from '../api.js';
import { ErrorBox, Loading, useLoad } from '../components.js';
import { formatTime } from '../format.js';
import { html, useState } from '../html.js';
import { scanHref } from '../route-state.js';

function Event({ e }) {
  return html`<li class=${`event event-${e.type}`}>
    <p class="event-head"><strong>${e.type.replaceAll('_', ' ')}</strong> <time datetime=${e.at}>${formatTime(e.at)}</time></p>
    <p class="event-body">
      status ${e.status}, severity ${e.severity}
      ${e.actor ? html`, by ${e.actor}` : null}
      ${e.resolution ? html`, ${e.resolution.replaceAll('_', ' ')}` : null}
      ${e.changes ? html`, ${e.changes.length} attribute change${e.changes.length === 1 ? '' : 's'}` : null}
      ${e.scanId ? html` (scan <a href=${scanHref(e.scanId)}>${e.scanId.slice(0, 8)}</a>)` : null}
    </p>
    ${e.reason ? html`<p class="event-reason">Reason: ${e.reason}</p>` : null}
  </li>`;
}

/** The drift's transitions, newest first, with "Load more" over the history cursor. */
export function HistoryTimeline({ id, version }) {
  const [more, setMore] = useState({ items: [], cursor: undefined, error: undefined });
  const first = useLoad(() => {
    setMore({ items: [], cursor: undefined, error: undefined });
    return apiGet(driftPath(id, '/history'), { limit: '50' });
  }, `${id}#${version}`);
  if (first.error) return html`<${ErrorBox} error=${first.error} />`;
  if (first.loading || !first.data) return html`<${Loading} what="history" />`;
  const items = [...first.data.items, ...more.items];
  const cursor = more.items.length > 0 ? more.cursor : first.data.nextCursor;
  const loadMore = () =>
    apiGet(driftPath(id, '/history'), { limit: '50', cursor }).then(
      (res) => setMore({ items: [...more.items, ...res.items], cursor: res.nextCursor, error: undefined }),
      (error) => setMore({ ...more, error }),
    );
  return html`
    <ol class="timeline">${items.map((e) => html`<${Event} key=${e.eventId} e=${e} />`)}</ol>
    <${ErrorBox} error=${more.error} />
    ${cursor ? html`<button type="button" class="load-more" onClick=${loadMore}>Load more history</button>` : null}`;
}
