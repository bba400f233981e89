/**
 * The chat panel of an online game or a classroom exercise: the reader's conversations
 * (the public one; in an exercise its team's; one with each other power; Control has
 * every one, grouped, and a spectator only the public one), each with its count of
 * unread lines and a mark when Control has muted it; the open conversation's lines
 * with who wrote them and when; and a text box that sends on Enter. Control writes
 * public statements only, and mutes or unmutes the open conversation. The server's
 * refusals are said in words under the box.
 *
 * Built once per match and kept across redraws of the screen; new lines are appended,
 * so the live region announces only them. The conversations come from the server with
 * the history (chatModel's ChatLog), so the tabs are drawn again when they change.
 */
import { CHAT_MAX_LENGTH, CONTROL, type ChatChannel, type ChatLine, type ChatReader, type ChatRefusal } from '../../../view/chatProtocol.js';
import { pairOf, targetOf, teamOf } from '../../../view/chatModel.js';
import { POWER_STYLE } from '../../../view/palette.js';
import { CHAT } from '../../../view/text/en-chat.js';
import { POWER_NAME } from '../../../view/text/en.js';
import type { PowerId } from '../../../game/powers.js';
import { ChatClient, type ChatSeat, type ChatSocket } from '../../net/chatClient.js';
import { el, powerSwatch } from '../screenDom.js';
import { panel } from './dom.js';

interface Tab {
  button: HTMLButtonElement;
  badge: HTMLElement;
  mutedTag: HTMLElement;
}

/**
 * A seat's chat on the match's socket: the client and its panel, made together so that
 * no line can arrive before the panel is there to show it.
 */
export function openChat(socket: ChatSocket, matchID: string, seat: ChatSeat | null, chatOn: boolean): { panel: ChatPanel; stop(): void } {
  let panel: ChatPanel | null = null;
  const client = new ChatClient(socket, matchID, seat, { onLines: () => panel?.update(), onRefused: (why) => panel?.refused(why) });
  panel = new ChatPanel(client, chatOn);
  return { panel, stop: () => client.stop() };
}

export class ChatPanel {
  readonly element: HTMLElement;
  private readonly reader: ChatReader;
  private readonly tabs = new Map<ChatChannel, Tab>();
  private readonly tabBox = el('div', { class: 'chat-channels', role: 'group', 'aria-label': CHAT.channels });
  /** The conversations the tabs were drawn for. */
  private drawn = '';
  private readonly list: HTMLOListElement;
  private readonly hint: HTMLElement;
  private readonly input: HTMLInputElement | null = null;
  private readonly sendButton: HTMLButtonElement | null = null;
  private readonly muteButton: HTMLButtonElement | null = null;
  private readonly inputLabel = el('label', { for: 'chat-input', class: 'visually-hidden' });
  /** Why the open conversation cannot be written in now (muted, Control reading, chat off). */
  private readonly status = el('p', { class: 'hint chat-status', 'data-testid': 'chat-status', id: 'chat-status' });
  private readonly error = el('p', { class: 'field-error chat-error', role: 'alert', 'data-testid': 'chat-error' });
  /** Control's list of the fifteen pairs. */
  private pairPicker: HTMLSelectElement | null = null;
  private open: ChatChannel = 'public';
  private shown = new Set<number>();
  /** The last line sent, put back in the box if the server refuses it. */
  private lastSent = '';

  constructor(
    private readonly chat: ChatClient,
    private readonly chatOn: boolean,
  ) {
    this.reader = chat.reader;
    this.hint = el('p', { class: 'hint chat-hint', id: 'chat-hint' });
    this.list = el('ol', { class: 'chat-lines', 'data-testid': 'chat-lines', 'aria-live': 'polite', 'aria-relevant': 'additions', tabindex: '0', 'aria-describedby': 'chat-hint' });

    let writing: HTMLElement;
    if (this.reader) {
      const input = el('input', {
        id: 'chat-input',
        type: 'text',
        class: 'text-input chat-input',
        'data-testid': 'chat-input',
        autocomplete: 'off',
        maxlength: String(CHAT_MAX_LENGTH),
        'aria-describedby': 'chat-limit chat-status chat-error-line',
      });
      this.input = input;
      this.error.id = 'chat-error-line';
      this.sendButton = el('button', { type: 'submit', class: 'button primary', 'data-testid': 'chat-send' }, CHAT.send);
      const form = el(
        'form',
        { class: 'chat-form', novalidate: true },
        this.inputLabel,
        el('div', { class: 'chat-row' }, input, this.sendButton),
        el('p', { id: 'chat-limit', class: 'hint' }, CHAT.hint(CHAT_MAX_LENGTH)),
        this.status,
        this.error,
      );
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        this.send();
      });
      writing = form;
    } else writing = el('div', {}, el('p', { class: 'hint', 'data-testid': 'chat-spectator' }, CHAT.spectatorNote), this.error);

    const tools: HTMLElement[] = [];
    if (this.reader === CONTROL) {
      const mute = el('button', { type: 'button', class: 'button chat-mute', 'data-testid': 'chat-mute' }, CHAT.mute);
      mute.addEventListener('click', () => this.chat.mute(this.open, !this.chat.log.isMuted(this.open)));
      this.muteButton = mute;
      tools.push(el('div', { class: 'chat-tools' }, mute));
    }

    this.element = panel('chat', CHAT.title, { class: 'chat-panel', 'data-testid': 'chat' }, this.tabBox, this.hint, ...tools, this.list, writing);
    this.drawTabs();
    this.show('public');
  }

  /** Lines, conversations or mutes changed: redraw the tabs if need be, append the open conversation's new lines, count the others. */
  update(): void {
    if (this.chat.log.channels.join() !== this.drawn) {
      // The server's list arrived (a team channel in an exercise): the open conversation's hint may say otherwise now.
      this.drawTabs();
      return this.show(this.chat.log.channels.includes(this.open) ? this.open : 'public');
    }
    for (const line of this.chat.log.lines(this.open)) if (!this.shown.has(line.seq)) this.append(line);
    this.chat.log.markRead(this.open);
    this.list.scrollTop = this.list.scrollHeight;
    for (const [channel, { badge, button, mutedTag }] of this.tabs) {
      const count = this.chat.log.unread(channel);
      badge.hidden = count === 0;
      badge.textContent = count ? CHAT.unread(count) : '';
      if (count) badge.setAttribute('aria-label', CHAT.unreadLabel(count));
      else badge.removeAttribute('aria-label');
      button.classList.toggle('has-unread', count > 0);
      const muted = this.chat.log.isMuted(channel);
      mutedTag.hidden = !muted;
      button.classList.toggle('muted', muted);
    }
    for (const option of this.pairPicker?.options ?? []) {
      const channel = option.value as ChatChannel;
      if (channel) option.textContent = CHAT.pairOption(this.nameOf(channel), this.chat.log.isMuted(channel), this.chat.log.unread(channel));
    }
    this.syncWriting();
  }

  refused(refusal: ChatRefusal): void {
    this.error.textContent = CHAT.refused[refusal.code];
    if (this.input && this.input.value === '') this.input.value = this.lastSent;
  }

  private drawTabs(): void {
    const channels = this.chat.log.channels;
    this.drawn = channels.join();
    this.tabs.clear();
    this.pairPicker = null;
    const tab = (channel: ChatChannel): HTMLButtonElement => {
      const badge = el('span', { class: 'chat-badge', hidden: true });
      const mutedTag = el('span', { class: 'chat-muted-tag', hidden: true }, CHAT.mutedTag);
      const button = el('button', { type: 'button', class: 'button chat-channel', 'data-testid': 'chat-channel', 'data-channel': channel }, ...this.channelLabel(channel), mutedTag, badge);
      button.addEventListener('click', () => this.show(channel));
      this.tabs.set(channel, { button, badge, mutedTag });
      return button;
    };
    if (this.reader !== CONTROL) {
      this.tabBox.replaceChildren(...channels.map(tab));
      return;
    }
    // Control has every conversation: the six teams as buttons, the fifteen pairs in one list, so the lines stay in view.
    const pairs = channels.filter((c) => pairOf(c));
    this.pairPicker = el(
      'select',
      { id: 'chat-pair', class: 'text-input chat-pair', 'data-testid': 'chat-pair' },
      el('option', { value: '', disabled: true }, CHAT.pairChoose),
      ...pairs.map((c) => el('option', { value: c }, this.nameOf(c))),
    );
    this.pairPicker.addEventListener('change', () => this.show(this.pairPicker!.value as ChatChannel));
    this.tabBox.replaceChildren(
      ...channels.filter((c) => c === 'public').map(tab),
      el('div', { class: 'chat-channel-group', role: 'group', 'aria-label': CHAT.teamsHeading }, el('span', { class: 'chat-group-heading', 'aria-hidden': 'true' }, CHAT.teamsHeading), ...channels.filter((c) => teamOf(c)).map(tab)),
      el('div', { class: 'chat-channel-group' }, el('label', { for: 'chat-pair', class: 'chat-group-heading' }, CHAT.pairsHeading), this.pairPicker),
    );
  }

  private show(channel: ChatChannel): void {
    this.open = channel;
    this.markOpen();
    this.hint.textContent = this.hintOf(channel);
    this.list.setAttribute('aria-label', this.nameOf(channel));
    this.inputLabel.textContent = this.reader === CONTROL ? CHAT.statementLabel : CHAT.inputLabel(this.nameOf(channel));
    // A new conversation is not news: fill the list outside the live region's notice.
    this.list.removeAttribute('aria-live');
    this.list.replaceChildren();
    this.shown = new Set();
    this.update();
    if (!this.shown.size) this.list.append(el('li', { class: 'hint chat-empty' }, CHAT.empty));
    this.list.setAttribute('aria-live', 'polite');
  }

  private markOpen(): void {
    for (const [c, { button }] of this.tabs) button.setAttribute('aria-pressed', String(c === this.open));
    if (this.pairPicker) {
      this.pairPicker.value = pairOf(this.open) ? this.open : '';
      this.pairPicker.classList.toggle('open', pairOf(this.open) !== null);
    }
  }

  /** The box is open when this reader may write here now; the status line says why not. */
  private syncWriting(): void {
    if (!this.input) return;
    const control = this.reader === CONTROL;
    const muted = this.chat.log.isMuted(this.open);
    const readOnly = targetOf(this.open, this.reader) === null;
    // Control's statements go out whatever the switches say (the server's rule too).
    const why = readOnly ? CHAT.controlReadOnly : control ? '' : !this.chatOn ? CHAT.offNote : muted ? CHAT.mutedNote : '';
    this.status.textContent = why;
    this.status.hidden = why === '';
    this.input.disabled = why !== '';
    this.sendButton!.disabled = why !== '';
    // The button says what it will do; the tab's "muted" mark says how things are.
    if (this.muteButton) this.muteButton.textContent = muted ? CHAT.unmute : CHAT.mute;
  }

  private append(line: ChatLine): void {
    this.list.querySelector('.chat-empty')?.remove();
    this.shown.add(line.seq);
    const when = new Date(line.at);
    const mine = this.chat.log.isMine(line);
    const author = line.from === CONTROL ? CHAT.control : POWER_NAME[line.from];
    const swatch = line.from === CONTROL ? [] : [powerSwatch(POWER_STYLE[line.from], 12), ' '];
    this.list.append(
      el(
        'li',
        { class: `chat-line${mine ? ' mine' : ''}${line.from === CONTROL ? ' from-control' : ''}`, 'data-testid': 'chat-line', 'data-from': line.from },
        el('span', { class: 'chat-meta' }, ...swatch, el('strong', {}, CHAT.author(author, line.author, mine)), ', ', el('time', { datetime: when.toISOString() }, CHAT.time(when))),
        el('span', { class: 'chat-text' }, line.text),
      ),
    );
  }

  private send(): void {
    const input = this.input!;
    const text = input.value.trim();
    if (!text) {
      this.error.textContent = CHAT.refused.empty;
      return;
    }
    this.error.textContent = '';
    this.lastSent = text;
    this.chat.send(this.open, text);
    input.value = '';
    input.focus();
  }

  private channelLabel(channel: ChatChannel): Node[] {
    if (channel === 'public') return [document.createTextNode(CHAT.public)];
    const team = teamOf(channel);
    if (team) return this.reader === CONTROL ? [swatch(team), document.createTextNode(` ${POWER_NAME[team]}`)] : [document.createTextNode(CHAT.team)];
    const [a, b] = pairOf(channel)!;
    if (this.reader === CONTROL) return [swatch(a), swatch(b), document.createTextNode(` ${CHAT.pair(POWER_NAME[a], POWER_NAME[b])}`)];
    const other = a === this.reader ? b : a;
    return [swatch(other), document.createTextNode(` ${POWER_NAME[other]}`)];
  }

  /** What the list and the box are named for this conversation. */
  private nameOf(channel: ChatChannel): string {
    if (channel === 'public') return CHAT.public;
    const team = teamOf(channel);
    if (team) return this.reader === CONTROL ? POWER_NAME[team] : CHAT.team;
    const [a, b] = pairOf(channel)!;
    if (this.reader === CONTROL) return CHAT.pair(POWER_NAME[a], POWER_NAME[b]);
    return POWER_NAME[a === this.reader ? b : a];
  }

  private hintOf(channel: ChatChannel): string {
    if (channel === 'public') return CHAT.publicHint;
    const team = teamOf(channel);
    if (team) return this.reader === CONTROL ? CHAT.controlTeamHint(POWER_NAME[team]) : CHAT.teamHint;
    const [a, b] = pairOf(channel)!;
    if (this.reader === CONTROL) return CHAT.controlPairHint(POWER_NAME[a], POWER_NAME[b]);
    const other = POWER_NAME[a === this.reader ? b : a];
    return this.chat.log.teams ? CHAT.exercisePrivateHint(other) : CHAT.privateHint(other);
  }
}

function swatch(power: PowerId): SVGSVGElement {
  return powerSwatch(POWER_STYLE[power], 12);
}
