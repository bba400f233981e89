/**
 * The debrief. Everything here is public once the game is over (the result reveals
 * the agendas), so it is drawn from any seat's view: who won or who started the war,
 * what each power secretly wanted, how the tracks and the key relations moved round
 * by round, and what really happened after each headline.
 */
import { catalog } from '../../game/catalog.js';
import { POWERS, type PowerId } from '../../game/powers.js';
import type { FinalResult, RoundRecord, SeatView } from '../../game/types.js';
import type { Scenario } from '../../scenario/schema.js';
import { optionLabel, roundDate } from '../../view/names.js';
import { POWER_STYLE } from '../../view/palette.js';
import { POWER_NAME } from '../../view/text/en.js';
import { historyCharts, type PairGroup } from '../../view/historyModel.js';
import { END } from '../../view/text/en-screens.js';
import type { EndScreenProps } from './contracts.js';
import { historyChartsSection } from './historyCharts.js';
import { el, powerSwatch } from './screenDom.js';

/** The relations the article's two triangles are made of, and the line between the two giants. */
const KEY_PAIRS: readonly PairGroup[] = [
  { label: END.northTriangle, pairs: [['CHN', 'PRK'], ['RUS', 'PRK'], ['CHN', 'RUS']] },
  { label: END.southTriangle, pairs: [['USA', 'JPN'], ['USA', 'KOR'], ['JPN', 'KOR']] },
  { label: END.acrossBlocs, pairs: [['CHN', 'USA']] },
];


export function renderEndScreen(root: HTMLElement, props: EndScreenProps): void {
  const { match } = props;
  const humans = match.humans;
  // Each seat's client hears of the end in turn, so take the first view that has the result (people's seats first).
  const view = [...humans, ...POWERS].map((p) => match.view(p)).find((v) => v.result);
  const result = view?.result;
  if (!view || !result) throw new Error('the end screen needs a finished game');
  const sc = match.scenario;

  const newGame = el('button', { type: 'button', class: 'button primary big', 'data-testid': 'new-game' }, END.newGame);
  newGame.addEventListener('click', () => props.onNewGame());
  const rules = el('button', { type: 'button', class: 'button', 'data-testid': 'open-rules' }, END.rules);
  rules.addEventListener('click', () => props.onRules());

  root.replaceChildren(
    el(
      'main',
      { class: 'screen end-screen', 'data-testid': 'end-screen' },
      el(
        'header',
        { class: 'end-header' },
        el('h1', { tabindex: '-1' }, result.war ? END.warTitle : END.title),
        verdict(result),
        el('div', { class: 'actions' }, newGame, rules),
        props.seed ? seedLine(props.seed) : null,
      ),
      ranking(result, humans),
      agendas(sc, view, result),
      historyChartsSection(historyCharts(sc, view.history, KEY_PAIRS), { title: END.chartsTitle, relationsTitle: END.relationsTitle }),
      headlines(sc, view.history),
    ),
  );
  root.ownerDocument.title = `${result.war ? END.warTitle : END.title} — Triangles`;
  // The screen changed under the person's feet: put them at its top.
  root.querySelector<HTMLElement>('h1')?.focus();
}

/** The seed, to be copied and typed into a new game's start screen to replay this one. */
function seedLine(seed: string): HTMLElement {
  const input = el('input', { id: 'end-seed', class: 'text-input seed-value', type: 'text', readonly: true, value: seed, 'data-testid': 'end-seed', 'aria-describedby': 'end-seed-hint' });
  const status = el('span', { class: 'hint', role: 'status' });
  const copy = el('button', { type: 'button', class: 'button', 'data-testid': 'copy-seed' }, END.copySeed);
  // The clipboard API exists only on secure pages (not a server reached by its LAN address): then the seed is selected for the keyboard.
  const selected = () => {
    input.select();
    status.textContent = END.seedSelected;
  };
  copy.addEventListener('click', () => {
    if (!navigator.clipboard) return selected();
    navigator.clipboard.writeText(seed).then(() => (status.textContent = END.seedCopied), selected);
  });
  return el(
    'div',
    { class: 'end-seed' },
    el('label', { for: 'end-seed' }, END.seedLabel),
    el('div', { class: 'seed-row' }, input, copy, status),
    el('p', { id: 'end-seed-hint', class: 'hint' }, END.seedHint),
  );
}

function verdict(result: FinalResult): HTMLElement {
  if (result.war) {
    const culprit = result.war.culprit ? POWER_NAME[result.war.culprit] : null;
    return el('div', { class: 'war-banner', role: 'alert' }, el('p', {}, END.war(result.war.round, culprit)), el('p', {}, END.noWinnerWar));
  }
  const top = result.ranking[0];
  return el('p', { class: 'verdict' }, result.winner && top ? END.winner(POWER_NAME[result.winner], top.vp) : END.tie);
}

function ranking(result: FinalResult, humans: readonly PowerId[]): HTMLElement {
  return el(
    'section',
    { class: 'panel', 'aria-labelledby': 'ranking-title' },
    el('h2', { id: 'ranking-title' }, END.rankingTitle),
    el(
      'table',
      { class: 'ranking', 'data-testid': 'ranking' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, END.place), el('th', { scope: 'col' }, END.power), el('th', { scope: 'col', class: 'num' }, END.points), el('th', { scope: 'col', class: 'num' }, END.agenda))),
      el(
        'tbody',
        {},
        ...result.ranking.map((row) => {
          const agenda = result.agendas[row.power];
          return el(
            'tr',
            { class: humans.includes(row.power) ? 'is-you' : undefined },
            el('td', {}, String(row.place)),
            el('th', { scope: 'row' }, powerLabel(row.power), humans.includes(row.power) ? el('span', { class: 'you-tag' }, ` (${END.you})`) : null),
            el('td', { class: 'num' }, String(row.vp)),
            el('td', { class: 'num' }, agenda.met ? END.agendaMet(agenda.points) : END.agendaMissed),
          );
        }),
      ),
    ),
  );
}

function agendas(sc: Scenario, view: SeatView, result: FinalResult): HTMLElement {
  const cat = catalog(sc);
  const last = view.history[view.history.length - 1];
  return el(
    'section',
    { class: 'panel', 'aria-labelledby': 'agendas-title' },
    el('h2', { id: 'agendas-title' }, END.agendasTitle),
    el(
      'div',
      { class: 'agenda-grid' },
      ...POWERS.map((p) => {
        const outcome = result.agendas[p];
        const agenda = cat.agenda(outcome.agenda);
        const met = last?.scored[p] ?? [];
        const labels = met.map((id) => sc.powers[p].objectives.find((o) => o.id === id)?.label ?? id);
        return el(
          'article',
          { class: `agenda-card ${outcome.met ? 'met' : 'missed'}`, style: `--power: var(--${p.toLowerCase()})` },
          el('h3', {}, powerLabel(p)),
          el('p', { class: 'agenda-title' }, el('strong', {}, agenda.title), ' — ', el('span', { class: 'badge' }, outcome.met ? END.agendaMet(outcome.points) : END.agendaMissed)),
          el('p', {}, agenda.text),
          // War ends the round before scoring, so its round has no objectives to show.
          last && !result.war ? el('p', { class: 'hint' }, END.objectivesLastRound(last.round), ' ', labels.length ? labels.join('; ') : END.noObjectives) : null,
        );
      }),
    ),
  );
}

function headlines(sc: Scenario, history: readonly RoundRecord[]): HTMLElement {
  const cat = catalog(sc);
  return el(
    'section',
    { class: 'panel', 'aria-labelledby': 'headlines-title' },
    el('h2', { id: 'headlines-title' }, END.headlinesTitle),
    el(
      'ol',
      { class: 'headline-list' },
      ...history.map((record) => {
        const card = cat.headline(record.headline);
        const choices = POWERS.flatMap((p) => {
          const option = record.choices[p];
          if (option === undefined) return [];
          return [el('li', {}, END.chose(POWER_NAME[p], optionLabel(sc, card.id, option)))];
        });
        return el(
          'li',
          { class: 'headline-entry' },
          el(
            'h3',
            {},
            el('span', { class: 'round-tag' }, `${END.roundLong(record.round)} · ${roundDate(sc, record.headline)}`),
            ' ',
            card.title,
            card.hypothetical ? el('span', { class: 'badge' }, END.hypothetical) : null,
          ),
          choices.length ? el('div', {}, el('p', { class: 'label' }, END.choices), el('ul', { class: 'choices' }, ...choices)) : null,
          el('p', { class: 'label' }, END.happened),
          el('p', {}, card.history),
          el('p', { class: 'label' }, END.question),
          el('p', { class: 'question' }, card.question),
          record.crisis ? crisisEntry(sc, record.crisis) : null,
        );
      }),
    ),
  );
}

/** The round's crisis: imagined, so it carries its badge and the closest real event. */
function crisisEntry(sc: Scenario, id: string): HTMLElement {
  const crisis = catalog(sc).crisis(id);
  return el(
    'div',
    { class: 'crisis-entry' },
    el('p', { class: 'label' }, END.crisis),
    el('p', {}, el('strong', {}, crisis.title), crisis.hypothetical ? el('span', { class: 'badge' }, END.hypothetical) : null),
    crisis.history ? el('p', {}, crisis.history) : null,
  );
}

function powerLabel(p: PowerId): HTMLElement {
  return el('span', { class: 'power-label' }, powerSwatch(POWER_STYLE[p], 16), ` ${POWER_NAME[p]}`);
}
