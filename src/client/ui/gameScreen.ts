/**
 * The game screen for one seat: the map in the centre, the situation on the left
 * (tracks, headline, crisis), the seat's move on the right (decision or order builder,
 * hand, scores, and online the chat), and under the map the theatres in words, the
 * last round's reveal, the relations and the log. A spectator's screen has the same
 * board but no move and no hand: a banner says they are watching.
 *
 * It holds only what the person is in the middle of (the draft orders, the open order
 * kind, the theatre pointed at) and asks the rules everything else: what may be
 * ordered, what may be chosen, whether the orders are acceptable. The draft orders are
 * kept in the browser on each edit (drafts.ts), so a reload during the step gives them
 * back. A classroom team's draft orders are the seat's, shared by its devices: read
 * from the view, saved on each edit, locked in by the captain alone.
 *
 * Online, while the connection is down, the move's buttons say that a move made now
 * waits on this device, and a move made then is shown as not sent yet.
 */
import { stepKey } from '../../game/actions.js';
import type { Action, Order, OrderKind } from '../../game/types.js';
import { buildMapModel } from '../../view/mapModel.js';
import { logLines } from '../../view/logText.js';
import { builderModel, keptDraft, orderText, theatreOrder } from '../../view/orderModel.js';
import { revealModel } from '../../view/revealModel.js';
import { scoreRows, seatModel, watchStatus, type SeatModel } from '../../view/seatModel.js';
import { POWER_NAME, reasonText } from '../../view/text/en.js';
import { MESSAGE, PANEL } from '../../view/text/en-game.js';
import { TEAM_PLAY } from '../../view/text/en-team.js';
import { LazyMap } from '../map/lazyMap.js';
import { mapProbe } from '../testHook.js';
import type { GameScreen, GameScreenProps } from './contracts.js';
import { decisionChoices, decisionMade, decisionQueued, othersDeciding } from './game/decisionPanel.js';
import { PanelSlot, panel } from './game/dom.js';
import { headlinePanel } from './game/headlinePanel.js';
import { handPanel } from './game/handPanel.js';
import { LogPanel } from './game/logPanel.js';
import { objectivesPanel } from './game/objectivesPanel.js';
import { lockedOrders, orderBuilder, queuedOrders, type BuilderActions } from './game/orderBuilder.js';
import { relationsList } from './game/relationsList.js';
import { revealPanel } from './game/revealPanel.js';
import { GameReveal } from './reveal/gameReveal.js';
import { theatreList } from './game/theatreList.js';
import { TopBar } from './game/topBar.js';
import { tracksPanel } from './game/tracksPanel.js';
import { watchingPanel } from './game/watchingPanel.js';
import { el } from './screenDom.js';
import { NextTask } from '../taskQueue.js';
import './game.css';

/** What the person is in the middle of; everything else is read from the view on each redraw. */
interface Draft {
  /** The step these orders belong to: a new orders step starts a new draft. */
  step: string;
  orders: Order[];
  kind: OrderKind | null;
  /** A refusal to show (from the rules, through onAct, or a theatre that cannot be picked). */
  message: string | null;
  /** A team's seat: the shared draft as last read from the view, so another member's edit is taken up once. */
  seen: string;
}

export function renderGameScreen(root: HTMLElement, props: GameScreenProps): GameScreen {
  const { match, power } = props;
  const watching = props.watching === true;
  const team = props.team ?? null;
  const sc = match.scenario;
  const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

  const top = new TopBar(watching ? null : power, props.onRules, props.onQuit);
  const log = new LogPanel();
  const mapBox = el('div', { class: 'map', 'data-testid': 'map' });
  const slots = {
    tracks: new PanelSlot(),
    headline: new PanelSlot(),
    theatres: new PanelSlot(),
    reveal: new PanelSlot(),
    relations: new PanelSlot(),
    move: new PanelSlot(),
    hand: new PanelSlot(),
    scores: new PanelSlot(),
  };
  const screen = el(
    'main',
    { class: 'game-screen', 'data-testid': 'game-screen', 'data-power': watching ? undefined : power, 'data-watching': watching ? 'true' : undefined },
    top.element,
    el(
      'div',
      { class: 'game-body' },
      el(
        'div',
        { class: 'game-board' },
        el('div', { class: 'game-col game-left' }, slots.tracks.element, slots.headline.element),
        el(
          'div',
          { class: 'game-col game-centre' },
          panel('map', PANEL.map, { class: 'map-panel' }, mapBox),
          slots.theatres.element,
          slots.reveal.element,
          slots.relations.element,
          log.element,
        ),
      ),
      // Online, the chat sits under the move: people talk while they choose. A spectator has no hand.
      el('div', { class: 'game-col game-right' }, team?.panel ?? null, props.timer ?? null, slots.move.element, props.chat ?? null, watching ? null : slots.hand.element, slots.scores.element),
    ),
  );
  root.replaceChildren(screen);

  let draft: Draft = { step: '', orders: [], kind: null, message: null, seen: '' };
  /** The theatre a deploy/withdraw option points at (focus or hover), else the one chosen in the list or on the map. */
  let pointed: string | null = null;
  let selectedTheatre: string | null = null;
  /** Where focus goes after the next redraw, best first (a button that was just removed falls back to the next). */
  let focusNext: string[] = [];
  let view = match.view(power);

  const map = new LazyMap(mapBox, { onSelectTheatre: (id) => chooseTheatre(id), reducedMotion });
  mapProbe.positions = () => {
    const out: Record<string, { x: number; y: number }> = {};
    for (const theatre of sc.theatres) {
      const at = map.screenPositionOf(theatre.id);
      if (at) out[theatre.id] = at;
    }
    return out;
  };

  const picking = (): 'deploy' | 'withdraw' | null =>
    view.step.kind === 'orders' && !view.ready.includes(power) && (draft.kind === 'deploy' || draft.kind === 'withdraw') ? draft.kind : null;

  function act(action: Action): void {
    const refused = props.onAct(action);
    draft.message = refused ? MESSAGE.refused(reasonText(refused)) : null;
    if (refused) return redraw();
    focusNext = ['move-title'];
    // An accepted action may have resolved a whole round in this task: the screen catches up in the next.
    later.schedule();
  }

  /** A team's edit goes to the seat's shared draft; if it is refused, the reason is said and the team's draft shown again. */
  function share(): void {
    const refused = team?.saveDraft([...draft.orders]);
    if (!refused) return;
    draft.message = MESSAGE.refused(reasonText(refused));
    draft.seen = '';
  }

  /** Keep the draft on this device (a team's is kept by the server instead). */
  function keep(): void {
    props.drafts?.write(draft.step, draft.orders);
  }

  function addOrder(order: Order): void {
    const kind = order.kind;
    draft.orders.push(order);
    draft.kind = null;
    draft.message = null;
    pointed = null;
    keep();
    share();
    // A team member who does not lock in has no submit button: the move's heading then.
    focusNext = draft.orders.length >= sc.rules.ordersPerRound ? ['submit', 'move-title'] : [`kind:${kind}`, 'submit', 'move-title'];
    redraw();
  }

  /** A theatre chosen on the map or in the list: picked for the open deploy/withdraw, else highlighted. */
  function chooseTheatre(id: string): void {
    const kind = picking();
    if (kind) {
      const answer = theatreOrder(sc, view, power, draft.orders, kind, id);
      if (!answer) return;
      if ('order' in answer) return addOrder(answer.order);
      draft.message = MESSAGE.refused(answer.reason);
    } else {
      selectedTheatre = selectedTheatre === id ? null : id;
    }
    redraw();
  }

  const builderActions: BuilderActions = {
    onKind: (kind) => {
      draft.kind = kind;
      draft.message = null;
      if (kind) focusNext = [`kind:${kind}`];
      redraw();
      // The forms open under the kind's button: bring them into view on a short screen.
      if (kind) screen.querySelector(`#forms-${kind}`)?.scrollIntoView({ block: 'nearest', behavior: reducedMotion ? 'auto' : 'smooth' });
    },
    onAdd: addOrder,
    onRemove: (index) => {
      draft.orders.splice(index, 1);
      draft.message = null;
      keep();
      share();
      focusNext = [`remove:${index}`, `remove:${index - 1}`, 'kind:engage'];
      redraw();
    },
    onSubmit: () => act({ type: 'orders', orders: [...draft.orders] }),
    onPoint: (theatre) => {
      pointed = theatre;
      map.update(buildMapModel(sc, view, pointed ?? selectedTheatre));
    },
  };

  /** The seat's move for this phase, as a key (what it shows) and a builder. */
  function movePanel(model: SeatModel): { key: unknown; build: () => HTMLElement } {
    const status = model.status;
    const decision = (model.crisis ?? model.headline)?.decision ?? null;
    const captain = team?.captain() ?? null;
    const offline = !match.connected;
    const wrap = (body: HTMLElement) => {
      const section = panel('move', PANEL.yourMove, { class: `move-panel phase-${status.phase}`, 'data-testid': 'move' }, body);
      const title = section.querySelector('h2');
      // The heading takes focus after an action, so keyboard and screen-reader users land on what comes next.
      title?.setAttribute('tabindex', '-1');
      title?.setAttribute('data-focus', 'move-title');
      return section;
    };
    switch (status.phase) {
      case 'orders': {
        const builder = builderModel(sc, view, power, draft.orders, draft.kind);
        const lockedBy = captain === null ? null : TEAM_PLAY.onlyCaptainOrders(captain);
        return {
          key: [status.phase, builder, draft.kind, draft.message, lockedBy, offline],
          build: () => wrap(orderBuilder(builder, draft.kind, draft.message, builderActions, lockedBy, offline)),
        };
      }
      case 'ordersQueued': {
        const queued = match.queued(power);
        const orders = queued?.type === 'orders' ? queued.orders.map((o) => orderText(sc, o)) : [];
        return { key: [status.phase, orders], build: () => wrap(queuedOrders(orders)) };
      }
      case 'ordersLocked': {
        const orders = (view.seats[power]?.orders ?? []).map((o) => orderText(sc, o));
        const waiting = status.waiting.map((p) => POWER_NAME[p]);
        return { key: [status.phase, orders, waiting], build: () => wrap(lockedOrders(orders, waiting)) };
      }
      case 'decisionQueued': {
        const queued = match.queued(power);
        const option = queued?.type === 'decide' ? queued.option : '';
        const label = decision?.options.find((o) => o.id === option)?.label ?? option;
        return { key: [status.phase, label], build: () => wrap(decisionQueued(label)) };
      }
      case 'decide': {
        const chosenBy = captain === null ? null : TEAM_PLAY.onlyCaptainDecides(captain);
        return {
          key: [status.phase, decision, draft.message, chosenBy, offline],
          build: () =>
            wrap(decision ? decisionChoices(decision, draft.message, (option) => act({ type: 'decide', option }), chosenBy, offline) : el('p', {}, status.prompt)),
        };
      }
      case 'decided': {
        const chosen = view.seats[power]?.choice ?? '';
        const label = decision?.options.find((o) => o.id === chosen)?.label ?? chosen;
        return { key: [status.phase, label, status.waitingFor], build: () => wrap(decisionMade(label, status.waitingFor)) };
      }
      case 'othersDeciding': {
        const names = (decision?.powers ?? []).map((p) => POWER_NAME[p]);
        const prompt = decision?.prompt ?? '';
        return { key: [status.phase, names, prompt], build: () => wrap(othersDeciding(names, prompt)) };
      }
      case 'over':
        return { key: [status.phase], build: () => wrap(el('p', {}, status.prompt)) };
    }
  }

  let destroyed = false;
  const later = new NextTask(redraw);
  const mapLater = new NextTask(() => map.update(buildMapModel(sc, view, pointed ?? selectedTheatre)));
  // The round resolving, in the move's place beside the map, when the last power locks in.
  const resolving = props.reveal
    ? new GameReveal({ scenario: sc, reveal: props.reveal, map, reducedMotion, screen, onClosed: () => ((focusNext = ['move-title']), redraw()) })
    : null;
  if (resolving) slots.move.element.before(resolving.element);

  function redraw(): void {
    // An action can end this screen (the controller hands over to the next person) before it returns.
    if (destroyed) return;
    view = match.view(power);
    const step = stepKey(view);
    if (step !== draft.step) {
      // A new step: the last one's draft is done with, and a new orders step starts from
      // the draft kept for it (the page was reloaded during it), or from none. (Only an
      // orders step has a draft; a resumed game may pass a decision before it reaches one.)
      if (draft.orders.length) props.drafts?.write(draft.step, []);
      const kept = props.drafts && view.step.kind === 'orders' ? keptDraft(sc, view, power, props.drafts.read(step)) : [];
      draft = { step, orders: kept, kind: null, message: null, seen: '' };
      pointed = null;
    }
    if (team) {
      // A team's draft is the seat's: any member's edit arrives in the view and replaces what this device shows.
      const shared = view.seats[power]?.draft ?? [];
      const seen = JSON.stringify(shared);
      if (seen !== draft.seen) {
        draft.orders = [...shared];
        draft.seen = seen;
      }
    }
    const model = seatModel(sc, view, power, draft.orders, match.queued(power));
    const active = root.ownerDocument.activeElement;
    const held = active instanceof HTMLElement && screen.contains(active) ? active.dataset.focus : undefined;
    const selected = pointed ?? selectedTheatre;
    const reveal = revealModel(sc, view);
    const key = (...parts: unknown[]) => JSON.stringify(parts);

    const watchingStatus = watching ? watchStatus(sc, view) : null;
    top.update(watchingStatus ?? model.status);
    slots.tracks.show(key(model.tracks), () => tracksPanel(model.tracks));
    slots.headline.show(key(model.headline, model.crisis), () => headlinePanel(model.headline, model.crisis));
    slots.theatres.show(key(model.theatres, selected, picking()), () =>
      theatreList({ theatres: model.theatres, selected, picking: picking(), onChoose: chooseTheatre }),
    );
    slots.reveal.show(key(reveal), () => revealPanel(reveal));
    slots.relations.show(key(model.relations), () => relationsList(model.relations));
    if (watchingStatus) {
      const scores = scoreRows(view, null);
      slots.move.show(key('watching', watchingStatus), () => watchingPanel(watchingStatus));
      slots.scores.show(key(scores), () => objectivesPanel(scores, null, null));
    } else {
      const move = movePanel(model);
      slots.move.show(key(move.key), move.build);
      slots.hand.show(key(model.hand), () => handPanel(model.hand));
      slots.scores.show(key(model.scores, model.objectives, model.agenda), () => objectivesPanel(model.scores, model.objectives, model.agenda));
    }
    log.update(logLines(sc, view.log));
    resolving?.update(view);
    // The panels are drawn first; the map, redrawn on the canvas, follows in a task of its own.
    mapLater.schedule();

    // Focus goes where the action asked, or back to the element the person was on if a redraw replaced it.
    const lost = held !== undefined && !screen.contains(active);
    const wanted = focusNext.length ? focusNext : lost && held ? [held] : [];
    focusNext = [];
    for (const focusKey of wanted) {
      const target = screen.querySelector<HTMLElement>(`[data-focus="${CSS.escape(focusKey)}"]`);
      if (target && !(target instanceof HTMLButtonElement && target.disabled)) {
        target.focus();
        break;
      }
    }
    root.ownerDocument.title = `${model.status.roundLine} — ${model.status.powerName} — Triangles`;
  }

  redraw();
  // Put keyboard users at the seat's move, not at the top of a screen that just replaced another.
  screen.querySelector<HTMLElement>('[data-focus="move-title"]')?.focus({ preventScroll: true });

  return {
    update: redraw,
    destroy() {
      destroyed = true;
      resolving?.destroy();
      later.close();
      mapLater.close();
      map.destroy();
      mapProbe.positions = () => ({});
      screen.remove();
    },
  };
}
