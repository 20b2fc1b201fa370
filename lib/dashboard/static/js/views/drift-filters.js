import { PROVIDERS, SEVERITIES, STATUSES } from '../format.js';
import { html } from '../html.js';
import { href } from '../route-state.js';

/** Query parameters the API filters on (the search box and sort stay in the browser). */
export const FILTER_KEYS = ['status', 'target', 'provider', 'scope', 'type', 'category', 'severity'];
const STATE_KEYS = [...FILTER_KEYS, 'q', 'sort', 'dir'];

/** The list state from the URL: filters, search, sort. */
export function listState(params) {
  const state = {};
  for (const k of STATE_KEYS) state[k] = params.get(k) ?? '';
  return state;
}

/** Navigates to the list with this state (the URL is the state, so it can be shared). */
export function goList(state) {
  location.hash = href('/drifts', state);
}

function Select({ name, label, options, value, anyLabel }) {
  const id = `f-${name}`;
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <select id=${id} name=${name}>
      <option value="" selected=${value === ''}>${anyLabel}</option>
      ${options.map((o) => html`<option key=${o} value=${o} selected=${o === value}>${o}</option>`)}
    </select>
  </div>`;
}

function Text({ name, label, value, placeholder, type = 'text' }) {
  const id = `f-${name}`;
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <input id=${id} name=${name} type=${type} defaultValue=${value} placeholder=${placeholder} autocomplete="off" />
  </div>`;
}

/** Filter and search form, uncontrolled and re-created per URL state; submitting it updates the URL. */
export function DriftFilters({ state }) {
  const submit = (e) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const next = { sort: state.sort, dir: state.dir };
    for (const k of [...FILTER_KEYS, 'q']) next[k] = String(data.get(k) ?? '').trim();
    goList(next);
  };
  return html`<form class="filters" role="search" aria-label="Filter drift" onSubmit=${submit}>
    <${Text} name="q" label="Search id or address" value=${state.q} placeholder="aws_security_group.web" type="search" />
    <${Select} name="status" label="Status" options=${STATUSES} value=${state.status} anyLabel="any status" />
    <${Select} name="severity" label="Minimum severity" options=${SEVERITIES} value=${state.severity} anyLabel="any severity" />
    <${Select} name="provider" label="Provider" options=${PROVIDERS} value=${state.provider} anyLabel="any provider" />
    <${Text} name="category" label="Category" value=${state.category} placeholder="SecurityChange" />
    <${Text} name="type" label="Type" value=${state.type} placeholder="aws_s3_bucket" />
    <${Text} name="scope" label="Scope" value=${state.scope} placeholder="aws:123456789012:eu-west-1" />
    <${Text} name="target" label="Target" value=${state.target} placeholder="default" />
    <div class="actions">
      <button type="submit">Apply filters</button>
      <a class="button secondary" href="#/drifts">Clear</a>
    </div>
  </form>`;
}
