/**
 * Parallel groups side by side: Control adds the code of another exercise of the same
 * scenario and seed whose token this browser holds, and sees the outcomes in columns.
 */
import type { Scenario } from '../../../scenario/schema.js';
import { compareModel, notComparable } from '../../../view/compareModel.js';
import { DEBRIEF } from '../../../view/text/en-debrief.js';
import { exerciseApi, type Debrief } from '../../net/exerciseApi.js';
import { tidyCode } from '../../net/lobbyApi.js';
import { button } from '../../ui/game/dom.js';
import { el } from '../../ui/screenDom.js';
import { readControlToken } from '../controlToken.js';

export function compareSection(sc: Scenario, base: Debrief, storage: Storage): HTMLElement {
  const others: Debrief[] = [];
  const input = el('input', { id: 'compare-code', type: 'text', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'compare-problem', 'data-testid': 'compare-code' });
  const problem = el('p', { id: 'compare-problem', class: 'debrief-problem', role: 'alert' });
  const table = el('div', { class: 'table-scroll', 'data-testid': 'compare-table' });

  const show = () => {
    if (!others.length) return table.replaceChildren();
    const model = compareModel(sc, [base, ...others]);
    const head = el(
      'tr',
      {},
      el('td', {}),
      ...model.columns.map((c, i) =>
        el(
          'th',
          { scope: 'col' },
          c.heading,
          i > 0
            ? button({ focus: `remove:${c.code}`, className: 'small no-print', attrs: { 'aria-label': DEBRIEF.compareRemove(c.code) }, onClick: () => (others.splice(i - 1, 1), show()) }, '×')
            : null,
        ),
      ),
    );
    const group = (title: string) => el('tr', { class: 'compare-group' }, el('th', { scope: 'colgroup', colspan: String(model.columns.length + 1) }, title));
    table.replaceChildren(
      el(
        'table',
        { class: 'compare' },
        el('thead', {}, head),
        el(
          'tbody',
          {},
          group(DEBRIEF.compareFinalTracks),
          ...model.trackRows.map((t) => el('tr', {}, el('th', { scope: 'row' }, t.name), ...model.columns.map((c) => el('td', { class: 'num' }, c.tracks[t.id])))),
          group(DEBRIEF.compareScores),
          ...model.powerRows.map((p) => el('tr', {}, el('th', { scope: 'row' }, p.name), ...model.columns.map((c) => el('td', { class: 'num' }, String(c.vp[p.power]))))),
          group(DEBRIEF.compareRanking),
          el('tr', {}, el('td', {}), ...model.columns.map((c) => el('td', {}, el('ol', { class: 'compare-ranking' }, ...c.ranking.map((r) => el('li', {}, r)))))),
        ),
      ),
    );
  };

  const add = async () => {
    const code = tidyCode(input.value);
    problem.textContent = '';
    if (!code) return;
    if (code === base.code || others.some((d) => d.code === code)) return void (problem.textContent = DEBRIEF.compareAlready(code));
    const token = readControlToken(storage, code);
    if (!token) return void (problem.textContent = DEBRIEF.compareNoToken(code));
    try {
      const other = await exerciseApi.debrief(code, token, true);
      const why = notComparable(base, other);
      if (why) return void (problem.textContent = why);
      others.push(other);
      input.value = '';
      show();
    } catch (error) {
      problem.textContent = (error as Error).message;
    }
  };

  const form = el(
    'form',
    { class: 'compare-form no-print' },
    el('label', { for: 'compare-code' }, DEBRIEF.compareLabel),
    input,
    el('button', { type: 'submit', class: 'button', 'data-testid': 'compare-add' }, DEBRIEF.compareAdd),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void add();
  });
  return el(
    'section',
    { class: 'panel debrief-section', id: 'debrief-compare', 'aria-labelledby': 'debrief-compare-title', 'data-testid': 'debrief-compare' },
    el('h2', { id: 'debrief-compare-title' }, DEBRIEF.compareTitle),
    el('p', { class: 'hint no-print' }, DEBRIEF.compareHint),
    form,
    problem,
    table,
  );
}
