/**
 * The browser side of the GraphiQL explorer served at GET /graphql (src/http/explorer.route.ts).
 * Bundled by scripts/build-explorer.ts (vite) into dist/explorer/assets/, served from the app's own
 * origin under a Content-Security-Policy that allows no other origin: no CDN, no web fonts, no
 * inline script or style. The page's settings (endpoint, example query, the development
 * Authorization header) come from a JSON data block the server writes into the page.
 */
import { explorerPlugin } from '@graphiql/plugin-explorer';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { headerFreeStorage } from './storage.js';
import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';
import './explorer.css';

/** What the server writes into `<script type="application/json" id="explorer-config">`. */
interface ExplorerPageConfig {
  /** Same-origin path of the GraphQL endpoint ("/graphql"). */
  endpoint: string;
  /** The example operation shown in the first tab. */
  query: string;
  /** Its variables (JSON text). */
  variables: string;
  /** Headers editor contents (JSON text): the development Authorization header, or "". */
  headers: string;
}

function readConfig(): ExplorerPageConfig {
  const text = document.getElementById('explorer-config')?.textContent;
  if (!text) throw new Error('explorer-config data block missing');
  return JSON.parse(text) as ExplorerPageConfig;
}

/** True when GraphiQL has no saved tabs yet (its localStorage key "graphiql:tabState"). */
function firstVisit(): boolean {
  try {
    return window.localStorage.getItem('graphiql:tabState') === null;
  } catch {
    return true; // storage disabled: GraphiQL keeps nothing either
  }
}

const config = readConfig();
// GraphiQL fills the variables editor from the `variables` prop only (not from defaultTabs): give the
// example on the first visit, and leave a returning developer's saved tabs alone.
const example = firstVisit() ? { query: config.query, variables: config.variables } : {};
// Same-origin fetch (connect-src 'self'); no subscriptions URL, so no WebSocket is opened.
const fetcher = createGraphiQLFetcher({ url: new URL(config.endpoint, window.location.href).toString() });
const explorer = explorerPlugin({ showAttribution: false });
const headers = config.headers || undefined;
// Keeps the token out of the browser's storage (GraphiQL's history would save it).
const storage = headerFreeStorage(config.headers) ?? undefined;

const root = document.getElementById('explorer-root');
if (!root) throw new Error('#explorer-root missing');
createRoot(root).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      storage={storage}
      plugins={[explorer]}
      defaultTabs={[{ query: config.query, variables: config.variables, headers }]}
      defaultQuery={config.query}
      {...example}
      // Applied to the headers editor on every load and to new tabs; never written to localStorage.
      headers={headers}
      defaultHeaders={headers}
      shouldPersistHeaders={false}
      showPersistHeadersSettings={false}
      defaultEditorToolsVisibility={headers ? 'headers' : 'variables'}
    />
  </StrictMode>,
);
