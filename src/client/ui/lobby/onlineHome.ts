/**
 * "Play online": create a match, join one by its code, or pick a public match that is
 * waiting for players. What the server answers (or that it cannot be reached) is said
 * in words next to the form it is about.
 */
import { POWER_NAME } from '../../../view/text/en.js';
import { LOBBY } from '../../../view/text/en-lobby.js';
import type { CreateMatch, PublicMatch, ScenarioSummary } from '../../net/lobbyApi.js';
import { el } from '../screenDom.js';
import { createForm } from './createForm.js';
import { formError, lobbyHeader } from './lobbyDom.js';
import './lobby.css';

export interface OnlineHomeProps {
  /** The server's scenarios, or why they could not be fetched. */
  scenarios: ScenarioSummary[] | { problem: string };
  /** A problem to show on arrival (a bad link, a lost seat). */
  notice: string | null;
  onCreate(request: CreateMatch): Promise<void>;
  /** Look a code up; rejects with words for the person when there is no such match. */
  onOpen(code: string): Promise<void>;
  listMatches(): Promise<PublicMatch[]>;
  onBack(): void;
}

export function renderOnlineHome(root: HTMLElement, props: OnlineHomeProps): void {
  const scenarios = props.scenarios;
  const create = Array.isArray(scenarios)
    ? createForm(scenarios, props.onCreate)
    : el('section', { class: 'panel notice notice-problem', role: 'alert' }, el('p', {}, scenarios.problem));
  root.replaceChildren(
    el(
      'main',
      { class: 'screen lobby-screen', 'data-testid': 'online-home' },
      lobbyHeader(LOBBY.title, { label: LOBBY.back, onBack: props.onBack }),
      el('p', { class: 'pitch' }, LOBBY.intro),
      props.notice ? el('p', { class: 'notice notice-problem', role: 'alert', 'data-testid': 'lobby-notice' }, props.notice) : null,
      el('div', { class: 'lobby-columns' }, create, el('div', {}, joinForm(props.onOpen), publicList(props))),
    ),
  );
  root.ownerDocument.title = `${LOBBY.title} — Triangles`;
  root.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
}

function joinForm(onOpen: (code: string) => Promise<void>): HTMLFormElement {
  const input = el('input', {
    id: 'join-code',
    name: 'code',
    type: 'text',
    class: 'text-input code-input',
    'data-testid': 'join-code',
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
    maxlength: '12',
    'aria-describedby': 'join-hint join-error',
  });
  const error = formError('join-error');
  const submit = el('button', { type: 'submit', class: 'button primary', 'data-testid': 'join-submit' }, LOBBY.join);
  const form = el(
    'form',
    { class: 'panel lobby-form', 'data-testid': 'join-form', novalidate: true, 'aria-labelledby': 'join-title' },
    el('h2', { id: 'join-title' }, LOBBY.joinTitle),
    el('div', { class: 'field' }, el('label', { for: 'join-code' }, LOBBY.codeLabel), input, el('p', { id: 'join-hint', class: 'hint' }, LOBBY.codeHint), error.element),
    el('div', { class: 'actions' }, submit),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const code = input.value.trim();
    const fail = (message: string) => {
      error.show(message);
      input.setAttribute('aria-invalid', 'true');
      submit.disabled = false;
      input.focus();
    };
    if (!code) return fail(LOBBY.codeMissing);
    error.show(null);
    input.removeAttribute('aria-invalid');
    submit.disabled = true;
    onOpen(code).catch((problem: Error) => fail(problem.message));
  });
  return form;
}

function publicList(props: OnlineHomeProps): HTMLElement {
  const body = el('div', { 'aria-live': 'polite' }, el('p', { class: 'hint' }, LOBBY.listLoading));
  const refresh = el('button', { type: 'button', class: 'button', 'data-testid': 'refresh-matches' }, LOBBY.refresh);
  const load = () => {
    refresh.disabled = true;
    props
      .listMatches()
      .then((matches) => body.replaceChildren(matches.length ? matchList(matches, props) : el('p', { class: 'hint' }, LOBBY.listEmpty)))
      .catch((problem: Error) => body.replaceChildren(el('p', { class: 'field-error', role: 'alert' }, problem.message)))
      .finally(() => {
        refresh.disabled = false;
      });
  };
  refresh.addEventListener('click', load);
  load();
  return el(
    'section',
    { class: 'panel', 'data-testid': 'public-matches', 'aria-labelledby': 'list-title' },
    el('h2', { id: 'list-title' }, LOBBY.listTitle),
    body,
    el('div', { class: 'actions' }, refresh),
  );
}

function matchList(matches: PublicMatch[], props: OnlineHomeProps): HTMLElement {
  return el(
    'ul',
    { class: 'match-list' },
    ...matches.map((match) => {
      const open = match.seats.filter((s) => s.kind === 'open' && s.name === null);
      const scenario = Array.isArray(props.scenarios) ? (props.scenarios.find((s) => s.id === match.scenario)?.title ?? match.scenario) : match.scenario;
      const button = el('button', { type: 'button', class: 'button', 'data-testid': 'open-match', 'data-code': match.matchID }, LOBBY.open(match.matchID));
      const error = formError(`open-error-${match.matchID}`);
      button.addEventListener('click', () => void props.onOpen(match.matchID).catch((problem: Error) => error.show(problem.message)));
      return el(
        'li',
        {},
        el('span', { class: 'match-entry' }, el('strong', {}, LOBBY.listEntry(scenario, open.length)), el('span', { class: 'hint' }, open.map((s) => POWER_NAME[s.power]).join(', '))),
        button,
        error.element,
      );
    }),
  );
}
