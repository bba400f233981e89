/**
 * The debrief, for Control: drawn from the server's debrief of the stored match
 * (asked with the control token this browser keeps), printable, exportable as CSV
 * and JSON, and comparable with parallel groups. While the exercise runs it shows
 * the rounds played so far. Without the token, or with one the server refuses, it says
 * so and shows nothing else.
 */
import type { Scenario } from '../../../scenario/schema.js';
import { debriefModel } from '../../../view/debriefModel.js';
import { CLASSROOM_PROBLEM } from '../../../view/text/en-classroom.js';
import { DEBRIEF } from '../../../view/text/en-debrief.js';
import { exerciseApi, type Debrief } from '../../net/exerciseApi.js';
import { historyChartsSection } from '../../ui/historyCharts.js';
import { el } from '../../ui/screenDom.js';
import { readControlToken } from '../controlToken.js';
import type { ClassroomContext } from '../route.js';
import { compareSection } from './compare.js';
import { exportButtons } from './exports.js';
import { outcomeSection, participationSection, questionsSection, timelineSection } from './sections.js';
import './debrief.css';

export async function openDebrief(context: ClassroomContext): Promise<void> {
  const { root, code, storage } = context;
  root.ownerDocument.title = DEBRIEF.pageTitle(code);
  const screen = el('main', { class: 'screen debrief', 'data-testid': 'debrief', 'aria-busy': 'true' }, el('p', {}, DEBRIEF.loading));
  root.replaceChildren(screen);
  const say = (text: string, testid: string) => {
    screen.removeAttribute('aria-busy');
    screen.replaceChildren(el('h1', {}, DEBRIEF.title), el('p', { class: 'debrief-problem', role: 'alert', 'data-testid': testid }, text));
  };
  const token = readControlToken(storage, code);
  if (!token) return say(DEBRIEF.noToken(code), 'debrief-no-token');

  let scenario: Scenario;
  let debrief: Debrief;
  try {
    // Checked first: the debrief's own answer to a wrong key is a refusal the browser logs as an error.
    if (!(await exerciseApi.opensControl(code, token))) return say(CLASSROOM_PROBLEM.wrongControlKey(code), 'debrief-wrong-token');
    // The debrief of a running exercise is the rounds so far; of a finished one, everything.
    [scenario, debrief] = await Promise.all([exerciseApi.scenario(code), exerciseApi.debrief(code, token, true)]);
  } catch (error) {
    return say((error as Error).message, 'debrief-problem');
  }
  const model = debriefModel(scenario, debrief);
  const partial = !debrief.over;
  screen.removeAttribute('aria-busy');
  const parts = [
    el(
      'header',
      { class: 'debrief-header' },
      el('h1', { tabindex: '-1' }, model.title),
      el('p', { class: 'debrief-subtitle' }, model.subtitle),
      exportButtons(code, token, partial, () => void openDebrief(context)),
      model.partial ? el('p', { class: 'debrief-partial', role: 'status', 'data-testid': 'debrief-partial' }, model.partial) : null,
    ),
    outcomeSection(model.outcome),
    // Charts of a start alone would be single dots: they wait for the first finished round.
    model.rounds.length ? historyChartsSection(model.charts, { title: DEBRIEF.chartsTitle, relationsTitle: DEBRIEF.relationsTitle }) : null,
    timelineSection(model.rounds),
    questionsSection(model.questions),
    participationSection(model.participation),
    compareSection(scenario, debrief, storage),
  ];
  screen.replaceChildren(...parts.filter((part) => part !== null));
  screen.querySelector<HTMLElement>('h1')?.focus();
  // A printed debrief is a handout: every round's events in full.
  // (One handler, however often Refresh redraws the page.)
  window.onbeforeprint = () => screen.querySelectorAll('.debrief-events').forEach((d) => ((d as HTMLDetailsElement).open = true));
}
