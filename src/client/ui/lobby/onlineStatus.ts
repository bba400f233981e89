/**
 * A small notice over an online game: shown while the socket is connecting or lost
 * (socket.io reconnects by itself and the seat is kept), when the server refused
 * something this device sent, and when an action made offline could not be sent before
 * its step ended. It sits outside the screen's root, so the game screen redraws without
 * touching it.
 */
import type { UnsentAction } from '../../net/remoteMatch.js';
import { LOBBY } from '../../../view/text/en-lobby.js';
import { el } from '../screenDom.js';
import './lobby.css';

export class OnlineStatus {
  private readonly element = el('div', { class: 'notice online-status', role: 'status', 'data-testid': 'online-status', hidden: true });
  private wasConnected = false;

  constructor(parent: HTMLElement) {
    parent.append(this.element);
  }

  update(connected: boolean, refused: string | null, unsent: UnsentAction | null = null): void {
    this.wasConnected ||= connected;
    const lost = !connected && this.wasConnected;
    const text = refused
      ? LOBBY.refusedByServer(refused)
      : lost
        ? LOBBY.connectionLost
        : unsent
          ? LOBBY.unsent(unsent.type, unsent.round)
          : connected
            ? null
            : LOBBY.connecting;
    this.element.hidden = text === null;
    this.element.classList.toggle('notice-problem', refused !== null || lost || unsent !== null);
    if (this.element.textContent !== (text ?? '')) this.element.textContent = text ?? '';
  }

  remove(): void {
    this.element.remove();
  }
}
