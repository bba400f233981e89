/**
 * The chat panel of an online game: the public conversation and one with each other
 * power (a spectator has only the public one and cannot write), each with its count
 * of unread lines; the open conversation's lines with who wrote them and when; and a
 * text box that sends on Enter. The server's refusals are said in words under it.
 *
 * Built once per match and kept across redraws of the game screen; new lines are
 * appended, so the live region announces only them.
 */
import { CHAT_MAX_LENGTH, type ChatChannel, type ChatLine } from '../../../view/chatProtocol.js';
import { chatChannels, refusalDetail, refusalKind, targetOf } from '../../../view/chatModel.js';
import { POWER_STYLE } from '../../../view/palette.js';
import { CHAT } from '../../../view/text/en-chat.js';
import { POWER_NAME } from '../../../view/text/en.js';
import type { PowerId } from '../../../game/powers.js';
import type { ChatClient } from '../../net/chatClient.js';
import { el, powerSwatch } from '../screenDom.js';
import { panel } from './dom.js';

export class ChatPanel {
  readonly element: HTMLElement;
  private readonly me: PowerId | null;
  private readonly tabs = new Map<ChatChannel, { button: HTMLButtonElement; badge: HTMLElement }>();
  private readonly list: HTMLOListElement;
  private readonly hint: HTMLElement;
  private readonly input: HTMLInputElement | null = null;
  private readonly inputLabel = el('label', { for: 'chat-input', class: 'visually-hidden' });
  private readonly error = el('p', { class: 'field-error chat-error', role: 'alert', 'data-testid': 'chat-error' });
  private open: ChatChannel = 'public';
  private shown = new Set<number>();
  /** The last line sent, put back in the box if the server refuses it. */
  private lastSent = '';

  constructor(
    private readonly chat: ChatClient,
    chatOn: boolean,
  ) {
    this.me = chat.me;
    const tabs = el('div', { class: 'chat-channels', role: 'group', 'aria-label': CHAT.channels });
    for (const channel of chatChannels(this.me)) {
      const badge = el('span', { class: 'chat-badge', hidden: true });
      const button = el('button', { type: 'button', class: 'button chat-channel', 'data-testid': 'chat-channel', 'data-channel': channel }, ...this.channelLabel(channel), badge);
      button.addEventListener('click', () => this.show(channel));
      tabs.append(button);
      this.tabs.set(channel, { button, badge });
    }
    this.hint = el('p', { class: 'hint chat-hint', id: 'chat-hint' });
    this.list = el('ol', { class: 'chat-lines', 'data-testid': 'chat-lines', 'aria-live': 'polite', 'aria-relevant': 'additions', tabindex: '0', 'aria-describedby': 'chat-hint' });

    let writing: HTMLElement;
    if (this.me) {
      const input = el('input', {
        id: 'chat-input',
        type: 'text',
        class: 'text-input chat-input',
        'data-testid': 'chat-input',
        autocomplete: 'off',
        maxlength: String(CHAT_MAX_LENGTH),
        'aria-describedby': 'chat-limit chat-error-line',
        disabled: !chatOn,
      });
      this.input = input;
      this.error.id = 'chat-error-line';
      const send = el('button', { type: 'submit', class: 'button primary', 'data-testid': 'chat-send', disabled: !chatOn }, CHAT.send);
      const form = el(
        'form',
        { class: 'chat-form', novalidate: true },
        this.inputLabel,
        el('div', { class: 'chat-row' }, input, send),
        el('p', { id: 'chat-limit', class: 'hint' }, chatOn ? CHAT.hint(CHAT_MAX_LENGTH) : CHAT.offNote),
        this.error,
      );
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        this.send();
      });
      writing = form;
    } else writing = el('div', {}, el('p', { class: 'hint', 'data-testid': 'chat-spectator' }, CHAT.spectatorNote), this.error);

    this.element = panel('chat', CHAT.title, { class: 'chat-panel', 'data-testid': 'chat' }, tabs, this.hint, this.list, writing);
    this.show('public');
  }

  /** Lines arrived: append those of the open conversation, count the others. */
  update(): void {
    for (const line of this.chat.log.lines(this.open)) if (!this.shown.has(line.seq)) this.append(line);
    this.chat.log.markRead(this.open);
    this.list.scrollTop = this.list.scrollHeight;
    for (const [channel, { badge, button }] of this.tabs) {
      const count = this.chat.log.unread(channel);
      badge.hidden = count === 0;
      badge.textContent = count ? CHAT.unread(count) : '';
      if (count) badge.setAttribute('aria-label', CHAT.unreadLabel(count));
      else badge.removeAttribute('aria-label');
      button.classList.toggle('has-unread', count > 0);
    }
  }

  refused(reason: string): void {
    const kind = refusalKind(reason);
    const words = kind === 'tooLong' ? CHAT.refused.tooLong(CHAT_MAX_LENGTH) : kind === 'other' ? CHAT.refused.other(refusalDetail(reason)) : CHAT.refused[kind];
    this.error.textContent = words;
    if (this.input && this.input.value === '') this.input.value = this.lastSent;
  }

  private show(channel: ChatChannel): void {
    this.open = channel;
    for (const [c, { button }] of this.tabs) button.setAttribute('aria-pressed', String(c === channel));
    const other = channel === 'public' ? null : this.other(channel);
    this.hint.textContent = other ? CHAT.privateHint(POWER_NAME[other]) : CHAT.publicHint;
    this.list.setAttribute('aria-label', other ? POWER_NAME[other] : CHAT.public);
    this.inputLabel.textContent = CHAT.inputLabel(other ? POWER_NAME[other] : CHAT.public);
    // A new conversation is not news: fill the list outside the live region's notice.
    this.list.removeAttribute('aria-live');
    this.list.replaceChildren();
    this.shown = new Set();
    this.update();
    if (!this.shown.size) this.list.append(el('li', { class: 'hint chat-empty' }, CHAT.empty));
    this.list.setAttribute('aria-live', 'polite');
  }

  private append(line: ChatLine): void {
    this.list.querySelector('.chat-empty')?.remove();
    this.shown.add(line.seq);
    const when = new Date(line.at);
    const from = CHAT.author(POWER_NAME[line.from], line.from === this.me);
    this.list.append(
      el(
        'li',
        { class: `chat-line${line.from === this.me ? ' mine' : ''}`, 'data-testid': 'chat-line', 'data-from': line.from },
        el('span', { class: 'chat-meta' }, powerSwatch(POWER_STYLE[line.from], 12), ' ', el('strong', {}, from), ', ', el('time', { datetime: when.toISOString() }, CHAT.time(when))),
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
    this.chat.send(targetOf(this.open, this.me!), text);
    input.value = '';
    input.focus();
  }

  private channelLabel(channel: ChatChannel): Node[] {
    if (channel === 'public') return [document.createTextNode(CHAT.public)];
    const other = this.other(channel);
    return [powerSwatch(POWER_STYLE[other], 12), document.createTextNode(` ${POWER_NAME[other]}`)];
  }

  private other(channel: ChatChannel): PowerId {
    return targetOf(channel, this.me!) as PowerId;
  }
}
