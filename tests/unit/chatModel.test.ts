/** The chat as a reader sees it: conversations, order, unread counts, refusals in kinds. */
import { describe, expect, it } from 'vitest';
import type { ChatLine } from '../../src/view/chatProtocol.js';
import { isChatRefusal } from '../../src/view/chatProtocol.js';
import { ChatLog, chatChannels, refusalDetail, refusalKind, targetOf } from '../../src/view/chatModel.js';

const line = (seq: number, channel: ChatLine['channel'], from: ChatLine['from'], text = `line ${seq}`): ChatLine => ({ seq, channel, from, text, at: 0 });

describe('chat model', () => {
  it('gives a seat the public conversation and one with each other power, named as the server names them', () => {
    expect(chatChannels('RUS')).toEqual(['public', 'CHN+RUS', 'RUS+PRK', 'RUS+USA', 'RUS+JPN', 'RUS+KOR']);
    expect(chatChannels(null)).toEqual(['public']);
    expect(targetOf('CHN+RUS', 'RUS')).toBe('CHN');
    expect(targetOf('public', 'RUS')).toBe('all');
  });

  it('keeps lines once each, in order, and counts others\' unread lines per conversation', () => {
    const log = new ChatLog('CHN');
    expect(log.add([line(2, 'public', 'USA'), line(1, 'public', 'CHN')])).toBe(true);
    expect(log.add([line(2, 'public', 'USA')])).toBe(false);
    log.add([line(3, 'CHN+RUS', 'RUS')]);
    expect(log.lines('public').map((l) => l.seq)).toEqual([1, 2]);
    expect(log.unread('public')).toBe(1);
    expect(log.unread('CHN+RUS')).toBe(1);
    log.markRead('public');
    expect(log.unread('public')).toBe(0);
    log.add([line(4, 'public', 'CHN')]);
    expect(log.unread('public')).toBe(0);
  });

  it('tells chat refusals apart and sorts them by what the person can do', () => {
    expect(isChatRefusal('chat refused: the host has turned chat off')).toBe(true);
    expect(isChatRefusal('chat join refused: no match')).toBe(true);
    expect(isChatRefusal('move refused: not your seat')).toBe(false);
    expect(refusalKind('chat refused: the host has turned chat off')).toBe('off');
    expect(refusalKind('chat refused: the text is too long (501 characters, at most 500)')).toBe('tooLong');
    expect(refusalKind('chat refused: too many messages, wait a moment')).toBe('tooFast');
    expect(refusalKind('chat refused: the text is empty')).toBe('other');
    expect(refusalDetail('chat join refused: no match with code X')).toBe('no match with code X');
  });
});
