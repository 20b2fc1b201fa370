import { apiGet, driftPath } from '../api.js';
import { ErrorBox, Loading, SeverityBadge, StatusBadge, useLoad } from '../components.js';
import { driftName, formatTime } from '../format.js';
import { html, useState } from '../html.js';
import { scanHref } from '../route-state.js';
import { AcknowledgeForm } from './acknowledge-form.js';
import { ApprovalPanel } from './approval-panel.js';
import { ChangesTable } from './changes-table.js';
import { HistoryTimeline } from './history-timeline.js';

function Facts({ d }) {
  const rows = [
    ['Kind', d.kind],
    ['Category', d.category],
    ['Target', d.target],
    ['Provider', d.provider],
    ['Type', d.type],
    ['Native type', d.nativeType],
    ['Scope', d.scope],
    ['Address', d.address],
    ['Resource id', d.resourceId],
    ['First detected', formatTime(d.firstDetectedAt)],
    ['Last changed', formatTime(d.lastChangedAt)],
    [
      'Resolved',
      d.resolvedAt ? `${formatTime(d.resolvedAt)} (${d.resolution?.replaceAll('_', ' ')})` : undefined,
    ],
    ['Reopened', d.reopenCount > 0 ? `${d.reopenCount} time(s)${d.flapping ? ', flapping' : ''}` : undefined],
  ];
  return html`<dl class="facts">
    ${rows.filter(([, v]) => v).map(([k, v]) => html`<div key=${k}><dt>${k}</dt><dd>${v}</dd></div>`)}
    <div><dt>Last scan</dt><dd><a href=${scanHref(d.lastScanId)}>${d.lastScanId}</a></dd></div>
  </dl>`;
}

/** One drift: facts, desired vs actual per attribute, pending remediation approvals, acknowledgement, history. */
export function DriftDetail({ id }) {
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState('');
  const { data, error, loading } = useLoad(() => apiGet(driftPath(id)), `${id}#${version}`);
  if (error)
    return html`<h1>Drift</h1><${ErrorBox} error=${error} /><p><a href="#/drifts">Back to the list</a></p>`;
  if (!data) return html`<h1>Drift</h1><${Loading} what="the drift" />`;
  const d = data;
  const done = (record) => {
    setNotice(`Drift is now ${record.status}.`);
    setVersion((v) => v + 1);
  };
  const decided = (approval) => {
    setNotice(`Remediation ${approval.status}.`);
    setVersion((v) => v + 1);
  };
  return html`
    <p class="crumbs"><a href="#/drifts">Drift</a> / <span>${d.id}</span></p>
    <h1 class="drift-title">${driftName(d)}</h1>
    <p class="badges"><${SeverityBadge} severity=${d.severity} /> <${StatusBadge} status=${d.status} />
      ${d.flapping ? html`<span class="badge warn">flapping</span>` : null}</p>
    <p class="notice" role="status">${notice}${loading ? ' Refreshing…' : ''}</p>
    <${Facts} d=${d} />
    <section aria-labelledby="h-changes"><h2 id="h-changes">Desired vs actual</h2><${ChangesTable} drift=${d} /></section>
    <${ApprovalPanel} drift=${d} version=${version} onDone=${decided} />
    <section aria-labelledby="h-ack"><h2 id="h-ack">Acknowledgement</h2>
      <${AcknowledgeForm} key=${`${d.id}#${d.version}`} drift=${d} onDone=${done} /></section>
    <section aria-labelledby="h-history"><h2 id="h-history">History</h2><${HistoryTimeline} id=${id} version=${version} /></section>`;
}
