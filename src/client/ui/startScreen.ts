/**
 * The start screen: what the game is, a saved game to continue (or a broken one to
 * discard), the way to online play, and the choices a new game on this device needs —
 * scenario, power, people on this device, bots, seed and the short form.
 */
import { BOT_LEVELS, isBotLevel, type BotLevel } from '../../bots/levels.js';
import { POWERS, type PowerId } from '../../game/powers.js';
import type { Scenario } from '../../scenario/schema.js';
import { POWER_STYLE } from '../../view/palette.js';
import { POWER_NAME } from '../../view/text/en.js';
import { START, listNames, savedWhen } from '../../view/text/en-screens.js';
import { LOBBY } from '../../view/text/en-lobby.js';
import { CONTROL_ENTRY } from '../../view/text/en-control.js';
import { newExerciseLink } from '../classroom/controlToken.js';
import type { SavedGame } from '../save.js';
import { isValidSeed } from '../seed.js';
import type { StartScreenProps } from './contracts.js';
import { el, powerSwatch } from './screenDom.js';
import { exerciseEntry } from '../classroom/team/joinEntry.js';

interface Choices {
  scenario: string;
  power: PowerId;
  /** Extra people on this device, besides `power`. */
  hotseat: Set<PowerId>;
  seed: string;
  short: boolean;
  bots: BotLevel;
}

export function renderStartScreen(root: HTMLElement, props: StartScreenProps): void {
  const first = props.scenarios[0];
  if (!first) throw new Error('no scenario to start');
  const choices: Choices = { scenario: first.id, power: POWERS[0], hotseat: new Set(), seed: props.seed.seed ?? '', short: false, bots: 'normal' };

  const draw = (focusId?: string) => {
    const scenario = props.scenarios.find((s) => s.id === choices.scenario) ?? first;
    root.replaceChildren(
      el(
        'main',
        { class: 'screen start-screen' },
        intro(props),
        savedPanel(props),
        // The other ways to play, side by side above the solo game's form: one row, not three.
        el('div', { class: 'start-entries' }, onlinePanel(props), classroomPanel(), exerciseEntry()),
        form(props, scenario, choices, draw),
      ),
    );
    if (focusId) root.ownerDocument.getElementById(focusId)?.focus();
  };
  draw();
  root.ownerDocument.title = START.title;
  // Coming back from a game, the focused element is gone: start keyboard and screen-reader users at the top.
  root.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
}

function intro(props: StartScreenProps): HTMLElement {
  const rules = el('button', { type: 'button', class: 'button link-button', 'data-testid': 'open-rules' }, START.rules);
  rules.addEventListener('click', () => props.onRules());
  return el(
    'header',
    { class: 'start-intro' },
    el('h1', { tabindex: '-1' }, START.title),
    el('p', { class: 'tagline' }, START.tagline),
    el('p', { class: 'pitch' }, START.pitch),
    rules,
  );
}

function savedPanel(props: StartScreenProps): HTMLElement | null {
  const saved = props.saved;
  if (saved.kind === 'none') return null;
  if (saved.kind === 'bad') {
    const discard = el('button', { type: 'button', class: 'button', 'data-testid': 'discard-save' }, START.discard);
    discard.addEventListener('click', () => props.onDiscardSave());
    return el(
      'section',
      { class: 'panel notice notice-problem', role: 'alert' },
      el('p', {}, saved.problem === 'version' ? START.savedOld : START.savedCorrupt),
      discard,
    );
  }
  const resume = el('button', { type: 'button', class: 'button primary', 'data-testid': 'resume-game' }, START.resume);
  resume.addEventListener('click', () => props.onResume(saved.save));
  return el(
    'section',
    { class: 'panel saved-game', 'aria-labelledby': 'saved-title' },
    el('h2', { id: 'saved-title' }, START.savedTitle),
    el('p', {}, savedDetail(saved.save)),
    el('div', { class: 'actions' }, resume, el('span', { class: 'hint' }, START.savedReplaced)),
  );
}

function onlinePanel(props: StartScreenProps): HTMLElement {
  const button = el('button', { type: 'button', class: 'button primary', 'data-testid': 'play-online' }, LOBBY.enterLobby);
  button.addEventListener('click', () => props.onOnline());
  return el('section', { class: 'panel online-entry', 'aria-labelledby': 'online-title' }, el('div', {}, el('h2', { id: 'online-title' }, LOBBY.playOnline), el('p', {}, LOBBY.playOnlineHint)), button);
}

/** Control's pages are their own address, loaded only when opened. */
function classroomPanel(): HTMLElement {
  return el(
    'section',
    { class: 'panel online-entry', 'aria-labelledby': 'classroom-title' },
    el('div', {}, el('h2', { id: 'classroom-title' }, CONTROL_ENTRY.title), el('p', {}, CONTROL_ENTRY.hint)),
    el('a', { class: 'button', href: newExerciseLink(), 'data-testid': 'run-exercise' }, CONTROL_ENTRY.link),
  );
}

function savedDetail(save: SavedGame): string {
  return START.savedDetail(savedWhen(new Date(save.savedAt)), listNames(save.setup.humans.map((p) => POWER_NAME[p])));
}

function form(props: StartScreenProps, scenario: Scenario, choices: Choices, redraw: (focusId?: string) => void): HTMLFormElement {
  const seedInput = el('input', {
    id: 'start-seed',
    name: 'seed',
    type: 'text',
    class: 'text-input',
    'data-testid': 'start-seed',
    autocomplete: 'off',
    spellcheck: 'false',
    maxlength: '64',
    'aria-describedby': 'seed-hint seed-error',
    value: choices.seed,
  });
  const seedError = el('p', { id: 'seed-error', class: 'field-error', 'aria-live': 'polite' });
  const checkSeed = (): boolean => {
    const ok = choices.seed === '' || isValidSeed(choices.seed);
    seedError.textContent = ok ? '' : START.seedInvalid;
    seedInput.setAttribute('aria-invalid', String(!ok));
    return ok;
  };
  seedInput.addEventListener('input', () => {
    choices.seed = seedInput.value.trim();
    checkSeed();
  });
  checkSeed();

  const start = el('button', { type: 'submit', class: 'button primary big', 'data-testid': 'start-game' }, START.start);
  const node = el(
    'form',
    { class: 'start-form', 'data-testid': 'start-form', novalidate: true, 'aria-label': START.start },
    props.seed.error !== null ? el('p', { class: 'notice', role: 'status' }, START.seedFromLinkInvalid(props.seed.error)) : null,
    scenarioField(props.scenarios, choices, redraw),
    powerField(scenario, choices, redraw),
    hotseatField(choices),
    el(
      'div',
      { class: 'field-row' },
      el(
        'div',
        { class: 'field' },
        el('label', { for: 'bot-level' }, START.botLabel),
        botSelect(choices),
        el('p', { id: 'bot-note', class: 'hint' }, START.botNote),
      ),
      el(
        'div',
        { class: 'field' },
        el('label', { for: 'start-seed' }, START.seedLabel),
        seedInput,
        el('p', { id: 'seed-hint', class: 'hint' }, START.seedHint),
        seedError,
      ),
    ),
    scenario.shortRounds !== undefined ? shortField(scenario.shortRounds, choices) : null,
    el('div', { class: 'actions' }, start),
  );
  node.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!checkSeed()) {
      seedInput.focus();
      return;
    }
    const extras = POWERS.filter((p) => p !== choices.power && choices.hotseat.has(p));
    props.onStart({
      scenario: scenario.id,
      humans: [choices.power, ...extras],
      botLevel: choices.bots,
      ...(choices.seed ? { seed: choices.seed } : {}),
      ...(choices.short && scenario.shortRounds !== undefined ? { rounds: scenario.shortRounds } : {}),
    });
  });
  return node;
}

function botSelect(choices: Choices): HTMLElement {
  const select = el(
    'select',
    { id: 'bot-level', name: 'bots', class: 'select', 'aria-describedby': 'bot-note' },
    ...BOT_LEVELS.map((level) => el('option', { value: level, ...(level === choices.bots ? { selected: '' } : {}) }, START.botLevels[level])),
  ) as HTMLSelectElement;
  select.addEventListener('change', () => {
    if (isBotLevel(select.value)) choices.bots = select.value;
  });
  return select;
}

function scenarioField(scenarios: Scenario[], choices: Choices, redraw: (focusId?: string) => void): HTMLElement {
  return el(
    'fieldset',
    { class: 'field scenarios' },
    el('legend', {}, START.scenarioLegend),
    ...scenarios.map((sc) => {
      const id = `scenario-${sc.id}`;
      const input = el('input', { type: 'radio', name: 'scenario', id, value: sc.id, checked: sc.id === choices.scenario });
      input.addEventListener('change', () => {
        choices.scenario = sc.id;
        choices.short = false;
        redraw(id);
      });
      return el(
        'label',
        { class: 'choice-card scenario-card', for: id },
        input,
        el('span', { class: 'choice-body' }, el('strong', { class: 'choice-title' }, sc.title), el('span', { class: 'choice-text' }, sc.summary)),
      );
    }),
  );
}

function powerField(scenario: Scenario, choices: Choices, redraw: (focusId?: string) => void): HTMLElement {
  return el(
    'fieldset',
    { class: 'field powers', 'aria-describedby': 'power-hint' },
    el('legend', {}, START.powerLegend),
    el('p', { id: 'power-hint', class: 'hint' }, START.powerHint),
    el(
      'div',
      { class: 'power-grid' },
      ...POWERS.map((p) => {
        const id = `power-${p}`;
        const input = el('input', { type: 'radio', name: 'power', id, value: p, 'data-testid': 'start-power', checked: p === choices.power });
        input.addEventListener('change', () => {
          choices.power = p;
          choices.hotseat.delete(p);
          redraw(id);
        });
        return el(
          'label',
          { class: 'choice-card power-card', for: id, style: `--power: var(--${p.toLowerCase()})` },
          input,
          powerSwatch(POWER_STYLE[p], 28),
          el(
            'span',
            { class: 'choice-body' },
            el('strong', { class: 'choice-title' }, POWER_NAME[p]),
            el('span', { class: 'choice-text' }, scenario.powers[p].interests),
          ),
        );
      }),
    ),
  );
}

function hotseatField(choices: Choices): HTMLElement {
  return el(
    'fieldset',
    { class: 'field hotseat', 'aria-describedby': 'hotseat-hint' },
    el('legend', {}, START.hotseatLegend),
    el('p', { id: 'hotseat-hint', class: 'hint' }, START.hotseatHint),
    el(
      'div',
      { class: 'hotseat-list' },
      ...POWERS.map((p) => {
        const you = p === choices.power;
        const input = el('input', {
          type: 'checkbox',
          name: 'hotseat',
          id: `hotseat-${p}`,
          value: p,
          'data-testid': 'start-hotseat',
          checked: you || choices.hotseat.has(p),
          disabled: you,
        });
        input.addEventListener('change', () => {
          if (input.checked) choices.hotseat.add(p);
          else choices.hotseat.delete(p);
        });
        return el('label', { class: 'check', for: `hotseat-${p}` }, input, powerSwatch(POWER_STYLE[p], 18), ` ${POWER_NAME[p]}`, you ? el('span', { class: 'hint' }, ` ${START.you}`) : null);
      }),
    ),
  );
}

function shortField(rounds: number, choices: Choices): HTMLElement {
  const input = el('input', { type: 'checkbox', id: 'short-form', name: 'short', checked: choices.short });
  input.addEventListener('change', () => {
    choices.short = input.checked;
  });
  return el('div', { class: 'field' }, el('label', { class: 'check', for: 'short-form' }, input, ` ${START.shortForm(rounds)}`));
}
