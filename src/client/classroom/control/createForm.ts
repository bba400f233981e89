/**
 * Control's create-exercise form: a shipped scenario or the teacher's own file (checked
 * by the server the moment it is chosen, every problem listed with its line and
 * column), rounds, the orders timer, chat, team size, which powers teams play, the
 * bots' level and an optional seed. Each field says what is wrong with it, in place.
 */
import { BOT_LEVELS, isBotLevel } from '../../../bots/levels.js';
import { MAX_TIMER_SECONDS } from '../../../game/clock.js';
import { POWERS } from '../../../game/powers.js';
import { POWER_STYLE } from '../../../view/palette.js';
import { POWER_NAME } from '../../../view/text/en.js';
import { CREATE } from '../../../view/text/en-control.js';
import { START } from '../../../view/text/en-screens.js';
import type { CreateExercise, ScenarioProblem } from '../../net/exerciseApi.js';
import type { ScenarioSummary } from '../../net/lobbyApi.js';
import { isValidSeed } from '../../seed.js';
import { formError, lobbyHeader } from '../../ui/lobby/lobbyDom.js';
import { el, powerSwatch } from '../../ui/screenDom.js';
import { teacherGuideButton } from '../teacherGuide.js';
import { EXERCISE_LIMITS } from '../../../view/settingsLimits.js';

const OWN_FILE = '';

export interface CreateFormProps {
  /** The server's scenarios, or why they could not be fetched. */
  scenarios: ScenarioSummary[] | { problem: string };
  checkScenario(yaml: string): Promise<{ ok: boolean; problems: ScenarioProblem[]; message?: string }>;
  onCreate(request: CreateExercise): Promise<void>;
  onBack(): void;
}

/** The file Control chose, once the server has checked it. */
type OwnFile = { state: 'none' } | { state: 'checking' } | { state: 'ok'; yaml: string } | { state: 'bad' };

export function renderCreateForm(root: HTMLElement, props: CreateFormProps): void {
  const shipped = Array.isArray(props.scenarios) ? props.scenarios : [];
  let scenario = shipped[0]?.id ?? OWN_FILE;
  let own: OwnFile = { state: 'none' };

  const maxRounds = () => shipped.find((s) => s.id === scenario)?.rounds ?? EXERCISE_LIMITS.rounds.max;
  const rounds = numberInput('create-rounds', String(Math.min(6, maxRounds())), 'rounds');
  const roundsHint = el('p', { id: 'create-rounds-hint', class: 'hint' }, CREATE.roundsHint(maxRounds()));
  const roundsError = formError('create-rounds-error');

  const timed = el('input', { type: 'checkbox', id: 'create-timed', checked: true, 'data-testid': 'create-timed' });
  const seconds = numberInput('create-seconds', '120', 'seconds');
  const secondsError = formError('create-seconds-error');
  timed.addEventListener('change', () => (seconds.disabled = !timed.checked));

  const chat = el('input', { type: 'checkbox', id: 'create-chat', checked: true, 'data-testid': 'create-chat' });
  const teamSize = numberInput('create-team-size', '5', 'team-size');
  const teamSizeError = formError('create-team-size-error');
  const teams = POWERS.map((power) => ({
    power,
    box: el('input', { type: 'checkbox', id: `create-team-${power}`, value: power, checked: true, 'data-testid': 'create-team', 'data-power': power }),
  }));
  const teamsError = formError('create-teams-error');
  const bots = el(
    'select',
    { id: 'create-bots', class: 'select', 'data-testid': 'create-bots' },
    ...BOT_LEVELS.map((level) => el('option', { value: level, selected: level === 'normal' }, START.botLevels[level])),
  );
  const seed = el('input', { id: 'create-seed', type: 'text', class: 'text-input', autocomplete: 'off', spellcheck: 'false', maxlength: '64', 'aria-describedby': 'create-seed-hint create-seed-error', 'data-testid': 'create-seed' });
  const seedError = formError('create-seed-error');

  const file = el('input', { type: 'file', id: 'create-file', accept: '.yaml,.yml,text/yaml', 'aria-describedby': 'create-file-hint create-file-report', 'data-testid': 'create-file' });
  const fileReport = el('div', { id: 'create-file-report', 'aria-live': 'polite', 'data-testid': 'create-file-report' });
  const fileField = el(
    'div',
    { class: 'field own-file' },
    el('label', { for: 'create-file' }, CREATE.fileLabel),
    file,
    el('p', { id: 'create-file-hint', class: 'hint' }, CREATE.ownFileHint),
    fileReport,
  );

  const choose = (id: string) => {
    scenario = id;
    fileField.hidden = id !== OWN_FILE;
    roundsHint.textContent = CREATE.roundsHint(maxRounds());
  };
  const scenarioField = el(
    'fieldset',
    { class: 'field scenarios' },
    el('legend', {}, CREATE.scenarioLegend),
    Array.isArray(props.scenarios) ? null : el('p', { class: 'field-error', role: 'alert' }, props.scenarios.problem),
    ...[...shipped.map((s) => ({ id: s.id, title: s.title })), { id: OWN_FILE, title: CREATE.ownFile }].map((s) => {
      const input = el('input', { type: 'radio', name: 'scenario', id: `create-scenario-${s.id || 'own'}`, value: s.id, checked: s.id === scenario, 'data-testid': 'create-scenario' });
      input.addEventListener('change', () => choose(s.id));
      return el('label', { class: 'check', for: input.id }, input, ` ${s.title}`);
    }),
    fileField,
  );
  choose(scenario);

  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    own = { state: 'checking' };
    fileReport.replaceChildren(el('p', { class: 'hint' }, CREATE.checking(chosen.name)));
    void checkFile(chosen, props.checkScenario).then((result) => {
      own = result.own;
      fileReport.replaceChildren(...result.report);
    });
  });

  const error = formError('create-error');
  const submit = el('button', { type: 'submit', class: 'button primary big', 'data-testid': 'create-exercise' }, CREATE.create);
  const form = el(
    'form',
    { class: 'panel lobby-form create-exercise', novalidate: true, 'aria-label': CREATE.title, 'data-testid': 'create-exercise-form' },
    scenarioField,
    el('div', { class: 'field' }, el('label', { for: 'create-rounds' }, CREATE.roundsLabel), rounds, roundsHint, roundsError.element),
    el(
      'div',
      { class: 'field' },
      el('label', { class: 'check', for: 'create-timed' }, timed, ` ${CREATE.timerLabel}`),
      el(
        'div',
        { class: 'field sub-field' },
        el('label', { for: 'create-seconds' }, CREATE.timerSecondsLabel),
        seconds,
        el('p', { id: 'create-seconds-hint', class: 'hint' }, CREATE.timerHint(EXERCISE_LIMITS.orderSeconds.min, MAX_TIMER_SECONDS)),
        secondsError.element,
      ),
    ),
    el('div', { class: 'field' }, el('label', { class: 'check', for: 'create-chat' }, chat, ` ${CREATE.chatLabel}`)),
    el('div', { class: 'field' }, el('label', { for: 'create-team-size' }, CREATE.teamSizeLabel), teamSize, el('p', { id: 'create-team-size-hint', class: 'hint' }, CREATE.teamSizeHint(EXERCISE_LIMITS.teamSize.max)), teamSizeError.element),
    el(
      'fieldset',
      { class: 'field', 'aria-describedby': 'create-teams-hint create-teams-error' },
      el('legend', {}, CREATE.teamsLegend),
      el('p', { id: 'create-teams-hint', class: 'hint' }, CREATE.teamsHint),
      el('div', { class: 'hotseat-list' }, ...teams.map(({ power, box }) => el('label', { class: 'check', for: box.id }, box, powerSwatch(POWER_STYLE[power], 18), ` ${POWER_NAME[power]}`))),
      teamsError.element,
    ),
    el('div', { class: 'field' }, el('label', { for: 'create-bots' }, CREATE.botLabel), bots),
    el('div', { class: 'field' }, el('label', { for: 'create-seed' }, CREATE.seedLabel), seed, el('p', { id: 'create-seed-hint', class: 'hint' }, CREATE.seedHint), seedError.element),
    error.element,
    el('div', { class: 'actions' }, submit),
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    /** The fields at fault, in the form's order: focus goes to the first. */
    const problems: HTMLElement[] = [];
    const check = (ok: boolean, input: HTMLElement, show: (message: string | null) => void, message: string) => {
      show(ok ? null : message);
      input.setAttribute('aria-invalid', String(!ok));
      if (!ok) problems.push(input);
    };
    const roundCount = whole(rounds.value);
    check(roundCount !== null && roundCount >= 1 && roundCount <= maxRounds(), rounds, roundsError.show, CREATE.roundsInvalid(maxRounds()));
    const timerSeconds = whole(seconds.value);
    check(!timed.checked || (timerSeconds !== null && timerSeconds >= EXERCISE_LIMITS.orderSeconds.min && timerSeconds <= MAX_TIMER_SECONDS), seconds, secondsError.show, CREATE.timerInvalid(EXERCISE_LIMITS.orderSeconds.min, MAX_TIMER_SECONDS));
    const size = whole(teamSize.value);
    check(size !== null && size >= EXERCISE_LIMITS.teamSize.min && size <= EXERCISE_LIMITS.teamSize.max, teamSize, teamSizeError.show, CREATE.teamSizeInvalid(EXERCISE_LIMITS.teamSize.max));
    const played = teams.filter((t) => t.box.checked).map((t) => t.power);
    check(played.length > 0, teams[0]!.box, teamsError.show, CREATE.teamsNone);
    const seedText = seed.value.trim();
    check(seedText === '' || isValidSeed(seedText), seed, seedError.show, CREATE.seedInvalid);
    const yaml = scenario === OWN_FILE ? (own.state === 'ok' ? own.yaml : null) : undefined;
    error.show(yaml === null ? (own.state === 'bad' ? CREATE.fileUnfit : CREATE.fileMissing) : null);
    if (yaml === null) problems.push(file);
    if (problems.length || yaml === null) return problems[0]!.focus();

    const request: CreateExercise = {
      ...(yaml === undefined ? { scenario } : { scenarioYaml: yaml }),
      rounds: roundCount!,
      orderSeconds: timed.checked ? timerSeconds! : null,
      chat: chat.checked,
      teamSize: size!,
      teams: played,
      bots: isBotLevel(bots.value) ? bots.value : 'normal',
      ...(seedText ? { seed: seedText } : {}),
    };
    submit.disabled = true;
    submit.textContent = CREATE.creating;
    props.onCreate(request).catch((problem: Error) => {
      error.show(problem.message);
      submit.disabled = false;
      submit.textContent = CREATE.create;
      submit.focus();
    });
  });

  root.replaceChildren(
    el(
      'main',
      { class: 'screen lobby-screen control-screen', 'data-testid': 'create-exercise-screen' },
      lobbyHeader(CREATE.title, { label: CREATE.back, onBack: props.onBack }),
      el('p', { class: 'pitch' }, CREATE.intro, ' ', teacherGuideButton()),
      form,
    ),
  );
  root.ownerDocument.title = `${CREATE.title} — Triangles`;
  root.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
}

function numberInput(id: string, value: string, testid: string): HTMLInputElement {
  return el('input', { id, type: 'number', class: 'text-input number-input', inputmode: 'numeric', step: '1', value, 'aria-describedby': `${id}-hint ${id}-error`, 'data-testid': `create-${testid}` });
}

function whole(text: string): number | null {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : null;
}

/** Read the chosen file and have the server check it: the report lists every problem where it is in the file. */
async function checkFile(
  chosen: File,
  checkScenario: CreateFormProps['checkScenario'],
): Promise<{ own: OwnFile; report: HTMLElement[] }> {
  const yaml = await chosen.text();
  // A file too large is refused by the server with its limit in words.
  try {
    const checked = await checkScenario(yaml);
    if (checked.ok) return { own: { state: 'ok', yaml }, report: [el('p', { class: 'notice', role: 'status' }, CREATE.fileOk(chosen.name))] };
    return {
      own: { state: 'bad' },
      report: [
        el('p', { class: 'field-error', role: 'alert' }, checked.problems.length ? CREATE.fileProblems(chosen.name, checked.problems.length) : (checked.message ?? CREATE.fileUnfit)),
        el(
          'ol',
          { class: 'scenario-problems', 'data-testid': 'scenario-problems' },
          ...checked.problems.map((p) => el('li', {}, el('strong', {}, CREATE.problemAt(p.line, p.col)), p.path ? ` ${p.path}: ` : ' ', p.message)),
        ),
      ],
    };
  } catch (problem) {
    return { own: { state: 'bad' }, report: [el('p', { class: 'field-error', role: 'alert' }, (problem as Error).message)] };
  }
}
