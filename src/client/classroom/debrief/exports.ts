/**
 * The debrief's exports: print (the page's print stylesheet makes it a handout), and
 * the server's CSV and JSON, fetched with the control token in a header (never in an
 * address, where it would land in logs and history) and saved through a Blob link.
 */
import { DEBRIEF } from '../../../view/text/en-debrief.js';
import { exerciseApi } from '../../net/exerciseApi.js';
import { button } from '../../ui/game/dom.js';
import { el } from '../../ui/screenDom.js';

export function exportButtons(code: string, token: string, partial: boolean, onRefresh: () => void): HTMLElement {
  const problem = el('p', { class: 'debrief-problem', role: 'alert', 'data-testid': 'export-problem' });
  const download = (format: 'csv' | 'json') => {
    problem.textContent = '';
    void save(code, token, format, partial).catch((error: Error) => (problem.textContent = DEBRIEF.downloadFailed(error.message)));
  };
  return el(
    'div',
    { class: 'debrief-actions no-print' },
    button({ focus: 'print', testid: 'debrief-print', className: 'primary', onClick: () => window.print() }, DEBRIEF.print),
    button({ focus: 'csv', testid: 'debrief-csv', onClick: () => download('csv') }, DEBRIEF.downloadCsv),
    button({ focus: 'json', testid: 'debrief-json', onClick: () => download('json') }, DEBRIEF.downloadJson),
    partial ? button({ focus: 'refresh', testid: 'debrief-refresh', onClick: onRefresh }, DEBRIEF.refresh) : null,
    problem,
  );
}

async function save(code: string, token: string, format: 'csv' | 'json', partial: boolean): Promise<void> {
  const response = await fetch(exerciseApi.exportPath(code, format, partial), { headers: exerciseApi.exportHeaders(token) });
  if (!response.ok) {
    const said = (await response.json().catch(() => null)) as { error?: string } | null;
    throw new Error(said?.error ?? response.statusText);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = el('a', { href: url, download: `debrief-${code}.${format}`, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked a moment later: some browsers read the Blob after the click has returned.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
