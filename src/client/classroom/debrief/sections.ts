/** The debrief's sections from its model (debriefModel.ts): outcome, timeline, questions, participation. */
import type { DebriefModel, DebriefRoundModel } from '../../../view/debriefModel.js';
import { POWER_STYLE } from '../../../view/palette.js';
import { DEBRIEF } from '../../../view/text/en-debrief.js';
import { sentences } from '../../ui/game/dom.js';
import { el, powerSwatch } from '../../ui/screenDom.js';
import type { PowerId } from '../../../game/powers.js';

const section = (id: string, title: string, ...children: (Node | null)[]) =>
  el('section', { class: 'panel debrief-section', id, 'aria-labelledby': `${id}-title`, 'data-testid': id }, el('h2', { id: `${id}-title` }, title), ...children);

/** A table in a box of its own that scrolls sideways on a narrow screen. */
const scrolling = (table: HTMLElement) => el('div', { class: 'table-scroll' }, table);

const powerLabel = (power: PowerId, name: string) => el('span', { class: 'power-label' }, powerSwatch(POWER_STYLE[power], 16), ` ${name}`);

export function outcomeSection(outcome: DebriefModel['outcome']): HTMLElement {
  if (!outcome) return section('debrief-outcome', DEBRIEF.outcomeTitle, el('p', { class: 'hint' }, DEBRIEF.notOver));
  return section(
    'debrief-outcome',
    DEBRIEF.outcomeTitle,
    el('p', { class: 'verdict' }, outcome.verdict),
    scrolling(el(
      'table',
      { class: 'ranking debrief-ranking' },
      el(
        'thead',
        {},
        el('tr', {}, ...[DEBRIEF.place, DEBRIEF.power, DEBRIEF.points, DEBRIEF.agenda].map((h, i) => el('th', { scope: 'col', class: i === 2 ? 'num' : undefined }, h))),
      ),
      el(
        'tbody',
        {},
        ...outcome.rows.map((row) =>
          el(
            'tr',
            { 'data-power': row.power },
            el('td', {}, String(row.place)),
            el('th', { scope: 'row' }, powerLabel(row.power, row.name)),
            el('td', { class: 'num' }, String(row.vp)),
            el('td', {}, el('strong', {}, row.agendaTitle), ` — ${row.agendaResult}`, el('br'), el('span', { class: 'hint' }, row.agendaText)),
          ),
        ),
      ),
    )),
  );
}

function labelled(label: string, body: Node | null): HTMLElement | null {
  return body ? el('div', { class: 'debrief-part' }, el('h4', {}, label), body) : null;
}

function roundArticle(round: DebriefRoundModel): HTMLElement {
  return el(
    'article',
    { class: 'debrief-round', 'data-round': String(round.round) },
    el(
      'h3',
      {},
      el('span', { class: 'round-tag' }, round.heading),
      ' ',
      round.headline.title,
      round.headline.injected ? el('span', { class: 'badge debrief-injected' }, DEBRIEF.injectedHeadline) : null,
    ),
    round.crisis ? el('p', { class: 'debrief-crisis' }, el('strong', {}, `${DEBRIEF.crisis}: `), round.crisis.title) : null,
    ...round.decisions.map((d) => labelled(d.heading, sentences(d.lines))),
    labelled(
      DEBRIEF.orders,
      el(
        'ul',
        { class: 'debrief-orders' },
        ...round.powers.map((p) =>
          el(
            'li',
            { 'data-power': p.power },
            powerLabel(p.power, p.name),
            ': ',
            p.orders.length ? p.orders.join(' · ') : DEBRIEF.noOrders,
            p.scored ? el('span', { class: 'debrief-scored' }, ` (${p.scored})`) : null,
          ),
        ),
      ),
    ),
    labelled(DEBRIEF.injects, sentences(round.injects)),
    labelled(DEBRIEF.adjudications, sentences(round.adjudications)),
    labelled(DEBRIEF.changes, round.changes.length ? sentences(round.changes, 'debrief-changes') : el('p', {}, DEBRIEF.noChanges)),
    round.events.length ? el('details', { class: 'debrief-events' }, el('summary', {}, DEBRIEF.events), sentences(round.events)) : null,
    labelled(DEBRIEF.happened, round.headline.history ? el('p', {}, round.headline.history) : null),
    labelled(DEBRIEF.crisisHappened, round.crisis?.history ? el('p', {}, round.crisis.history) : null),
    labelled(DEBRIEF.question, round.headline.question ? el('p', { class: 'question' }, round.headline.question) : null),
  );
}

export function timelineSection(rounds: readonly DebriefRoundModel[]): HTMLElement {
  return section('debrief-timeline', DEBRIEF.timelineTitle, ...(rounds.length ? rounds.map(roundArticle) : [el('p', { class: 'hint' }, DEBRIEF.noRoundsYet)]));
}

export function questionsSection(questions: DebriefModel['questions']): HTMLElement | null {
  if (!questions.length) return null;
  return section(
    'debrief-questions',
    DEBRIEF.questionsTitle,
    el('ol', {}, ...questions.map((q) => el('li', {}, el('strong', {}, q.title), el('br'), q.question))),
  );
}

export function participationSection(rows: DebriefModel['participation']): HTMLElement {
  return section(
    'debrief-participation',
    DEBRIEF.participationTitle,
    scrolling(el(
      'table',
      { class: 'ranking' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, DEBRIEF.power), ...[DEBRIEF.members, DEBRIEF.ordersSubmitted, DEBRIEF.messages].map((h) => el('th', { scope: 'col', class: 'num' }, h)))),
      el(
        'tbody',
        {},
        ...rows.map((row) =>
          el(
            'tr',
            { 'data-power': row.power },
            el('th', { scope: 'row' }, powerLabel(row.power, row.name)),
            el('td', { class: 'num' }, row.members),
            el('td', { class: 'num' }, String(row.orders)),
            el('td', { class: 'num' }, String(row.messages)),
          ),
        ),
      ),
    )),
  );
}
