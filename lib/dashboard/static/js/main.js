import { html, render, useEffect, useRef, useState } from './html.js';
import { isRouteHash, parseHash } from './route-state.js';
import { DriftDetail } from './views/drift-detail.js';
import { DriftList } from './views/drift-list.js';
import { Overview } from './views/overview.js';
import { ScanView } from './views/scan-view.js';

const TITLES = {
  overview: 'Overview',
  drifts: 'Drift',
  drift: 'Drift detail',
  scan: 'Scan',
  notfound: 'Not found',
};

function View({ route }) {
  switch (route.view) {
    case 'overview':
      return html`<${Overview} />`;
    case 'drifts':
      return html`<${DriftList} params=${route.params} />`;
    case 'drift':
      return html`<${DriftDetail} key=${route.id} id=${route.id} />`;
    case 'scan':
      return html`<${ScanView} key=${route.id} id=${route.id} />`;
    default:
      return html`<h1>Not found</h1><p>No such page. <a href="#/">Go to the overview</a>.</p>`;
  }
}

function NavLink({ to, label, current }) {
  return html`<li><a href=${to} aria-current=${current ? 'page' : undefined}>${label}</a></li>`;
}

function App() {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  const main = useRef(null);
  const place = `${route.view}:${route.id ?? ''}`;
  const first = useRef(true);
  useEffect(() => {
    const onHash = () => {
      // In-page anchors (the skip link) are not routes: the current view stays.
      if (isRouteHash(location.hash)) setRoute(parseHash(location.hash));
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    document.title = `${TITLES[route.view]} · driftwatch`;
    // A new page moves focus to its content for keyboard and screen-reader users; filter changes do not.
    if (!first.current) main.current?.focus();
    first.current = false;
  }, [place]);
  return html`
    <header class="top">
      <a class="brand" href="#/">driftwatch</a>
      <nav aria-label="Main">
        <ul>
          <${NavLink} to="#/" label="Overview" current=${route.view === 'overview'} />
          <${NavLink} to="#/drifts?status=active" label="Drift" current=${route.view === 'drifts' || route.view === 'drift'} />
        </ul>
      </nav>
    </header>
    <main id="main" tabindex="-1" ref=${main}><${View} route=${route} /></main>`;
}

const root = document.getElementById('app');
// The static "Loading" line goes; Preact renders into an empty container.
root.textContent = '';
render(html`<${App} />`, root);
