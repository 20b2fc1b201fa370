import { apiGet } from '../api.js';
import { ErrorBox, Loading, ScrollTable, SeverityBadge, StatusBadge } from '../components.js';
import { driftName, formatTime, SEVERITY_RANK } from '../format.js';
import { html, useEffect, useState } from '../html.js';
import { driftHref } from '../route-state.js';
import { DriftFilters, FILTER_KEYS, goList, listState } from './drift-filters.js';

const COLUMNS = [
  { key: 'name', label: 'Resource', value: (d) => driftName(d) },
  { key: 'severity', label: 'Severity', value: (d) => SEVERITY_RANK[d.severity] },
  { key: 'status', label: 'Status', value: (d) => d.status },
  { key: 'kind', label: 'Kind', value: (d) => d.kind },
  { key: 'type', label: 'Type', value: (d) => d.type },
  { key: 'category', label: 'Category', value: (d) => d.category },
  { key: 'provider', label: 'Provider', value: (d) => d.provider },
  { key: 'target', label: 'Target', value: (d) => d.target },
  { key: 'changed', label: 'Last changed', value: (d) => d.lastChangedAt },
];

function matches(d, q) {
  if (!q) return true;
  const needle = q.toLowerCase();
  return [d.id, d.address, d.resourceId, d.identity].some((v) => v?.toLowerCase().includes(needle));
}

function sorted(items, state) {
  const col = COLUMNS.find((c) => c.key === state.sort);
  if (!col) return items;
  const sign = state.dir === 'asc' ? 1 : -1;
  return [...items].sort((a, b) => {
    const x = col.value(a);
    const y = col.value(b);
    return (x < y ? -1 : x > y ? 1 : 0) * sign;
  });
}

function SortHeader({ col, state }) {
  const active = state.sort === col.key;
  const dir = active ? state.dir || 'desc' : 'none';
  const next = active && dir === 'desc' ? 'asc' : 'desc';
  const ariaSort = dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none';
  return html`<th scope="col" aria-sort=${ariaSort}>
    <button type="button" class="sort" onClick=${() => goList({ ...state, sort: col.key, dir: next })}>
      ${col.label}<span aria-hidden="true">${dir === 'asc' ? ' ▲' : dir === 'desc' ? ' ▼' : ''}</span>
    </button>
  </th>`;
}

/** Drift list: filters in the URL, cursor pagination, client-side sort and id/address search. */
export function DriftList({ params }) {
  const state = listState(params);
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, state[k]]));
  const fetchKey = JSON.stringify(filters);
  const [page, setPage] = useState({
    key: '',
    items: [],
    cursor: undefined,
    loading: true,
    error: undefined,
  });

  const load = (cursor, previous) => {
    setPage({ ...previous, loading: true, error: undefined });
    apiGet('/drifts', { ...filters, limit: '50', cursor }).then(
      (res) =>
        setPage((p) =>
          p.key === fetchKey
            ? {
                key: fetchKey,
                items: [...previous.items, ...res.items],
                cursor: res.nextCursor,
                loading: false,
              }
            : p,
        ),
      (error) => setPage((p) => (p.key === fetchKey ? { ...p, loading: false, error } : p)),
    );
  };
  useEffect(() => load(undefined, { key: fetchKey, items: [], cursor: undefined }), [fetchKey]);

  const shown = sorted(
    page.items.filter((d) => matches(d, state.q)),
    state,
  );
  return html`
    <h1>Drift</h1>
    <${DriftFilters} key=${JSON.stringify(state)} state=${state} />
    <${ErrorBox} error=${page.error} />
    <p class="muted" role="status">
      ${page.loading && page.items.length === 0 ? 'Loading…' : `${shown.length} of ${page.items.length} loaded drift shown${page.cursor ? '; more available' : ''}.`}
    </p>
    ${
      shown.length > 0 &&
      html`<${ScrollTable} label="Drift list">
      <table class="drifts">
        <thead><tr>${COLUMNS.map((c) => html`<${SortHeader} key=${c.key} col=${c} state=${state} />`)}</tr></thead>
        <tbody>
          ${shown.map(
            (d) => html`<tr key=${d.id}>
              <th scope="row" class="col-name"><a href=${driftHref(d.id)}>${driftName(d)}</a></th>
              <td class="col-severity"><${SeverityBadge} severity=${d.severity} /></td>
              <td class="col-status"><${StatusBadge} status=${d.status} /></td>
              <td class="col-kind">${d.kind}</td>
              <td class="col-type">${d.type}</td>
              <td class="col-category">${d.category}</td>
              <td class="col-provider">${d.provider}</td>
              <td class="col-target">${d.target}</td>
              <td class="col-changed">${formatTime(d.lastChangedAt)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    <//>`
    }
    ${page.loading && page.items.length > 0 && html`<${Loading} what="more drift" />`}
    ${
      page.cursor &&
      !page.loading &&
      html`<button type="button" class="load-more" onClick=${() => load(page.cursor, page)}>Load more</button>`
    }`;
}
