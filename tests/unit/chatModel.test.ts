/** The chat as a reader sees it: conversations, who reads which, order, unread counts, mutes, a team device's own lines. */
import { describe, expect, it } from 'vitest';
import { PAIRS, POWERS } from '../../src/game/powers.js';
import { CONTROL, type ChatChannel, type ChatLine } from '../../src/view/chatProtocol.js';
import { ChatLog, channelOf, chatChannels, isChatChannel, mayRead, targetOf } from '../../src/view/chatModel.js';

const line = (seq: number, channel: ChatLine['channel'], from: ChatLine['from'], text = `line ${seq}`): ChatLine => ({ seq, channel, from, author: null, text, at: 0 });

describe('chat model', () => {
  it('gives a seat the public conversation and one with each other power, named as the server names them', () => {
    expect(chatChannels('RUS', false)).toEqual(['public', 'CHN+RUS', 'RUS+PRK', 'RUS+USA', 'RUS+JPN', 'RUS+KOR']);
    expect(chatChannels(null, false)).toEqual(['public']);
    expect(targetOf('CHN+RUS', 'RUS')).toBe('CHN');
    expect(targetOf('public', 'RUS')).toBe('all');
    expect(channelOf('RUS', 'CHN')).toBe('CHN+RUS');
  });

  it('gives a seat its team channel only in an exercise, and Control every channel but a voice only in public', () => {
    expect(chatChannels('RUS', true)).toEqual(['public', 'team:RUS', 'CHN+RUS', 'RUS+PRK', 'RUS+USA', 'RUS+JPN', 'RUS+KOR']);
    expect(chatChannels(null, true)).toEqual(['public']);
    const control = chatChannels(CONTROL, true);
    expect(control).toHaveLength(1 + POWERS.length + PAIRS.length);
    expect(new Set(control).size).toBe(control.length);
    expect(control.every(isChatChannel)).toBe(true);
    expect(targetOf('team:RUS', 'RUS')).toBe('team');
    expect(channelOf('RUS', 'team')).toBe('team:RUS');
    expect(targetOf('public', CONTROL)).toBe('all');
    expect(targetOf('team:RUS', CONTROL)).toBeNull();
    expect(targetOf('CHN+RUS', CONTROL)).toBeNull();
    expect(targetOf('public', null)).toBeNull();
  });

  it('lets a team read its own channel and its pairs, Control everything, a spectator only the public one', () => {
    const everyChannel = chatChannels(CONTROL, true);
    for (const power of POWERS) {
      const readable = everyChannel.filter((c) => mayRead(c, power));
      expect(readable, power).toEqual(chatChannels(power, true));
    }
    expect(everyChannel.filter((c) => mayRead(c, null))).toEqual(['public']);
    expect(everyChannel.every((c) => mayRead(c, CONTROL))).toBe(true);
    expect(mayRead('team:CHN', 'RUS')).toBe(false);
    expect(mayRead('CHN+PRK', 'RUS')).toBe(false);
  });

  it('accepts only channel names the server makes', () => {
    for (const bad of ['RUS+CHN', 'CHN+CHN', 'team:XXX', 'team:', 'CHN', 'CHN+RUS+PRK', '', 42, null, 'team:CHN ']) expect(isChatChannel(bad), String(bad)).toBe(false);
    expect(isChatChannel('public')).toBe(true);
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

  it('takes the conversations and mutes from the server and says whether they changed', () => {
    const log = new ChatLog('KOR');
    expect(log.teams).toBe(false);
    const channels = chatChannels('KOR', true);
    expect(log.reset(channels, ['public'])).toBe(true);
    expect(log.reset(channels, ['public'])).toBe(false);
    expect(log.channels).toEqual(channels);
    expect(log.teams).toBe(true);
    expect(log.isMuted('public')).toBe(true);
    expect(log.setMuted(['public'])).toBe(false);
    expect(log.setMuted(['team:KOR' as ChatChannel])).toBe(true);
    expect(log.isMuted('public')).toBe(false);
    expect(log.isMuted('team:KOR')).toBe(true);
  });

  it('in an exercise, counts a teammate\'s lines as someone else\'s: only what this device sent is its own', () => {
    const log = new ChatLog('JPN');
    log.reset(chatChannels('JPN', true), []);
    log.sending('team:JPN', 'my idea');
    log.add([line(1, 'team:JPN', 'JPN', 'a teammate'), line(2, 'team:JPN', 'JPN', 'my idea'), line(3, 'public', 'JPN', 'my idea')]);
    expect(log.lines('team:JPN').map((l) => log.isMine(l))).toEqual([false, true]);
    expect(log.isMine(log.lines('public')[0]!)).toBe(false);
    expect(log.unread('team:JPN')).toBe(1);
    expect(log.unread('public')).toBe(1);
    // Control is one person: its statements are its own, in the history after a reload too.
    const control = new ChatLog(CONTROL);
    control.reset(chatChannels(CONTROL, true), []);
    control.add([line(4, 'public', CONTROL), line(5, 'public', 'JPN')]);
    expect(control.lines('public').map((l) => control.isMine(l))).toEqual([true, false]);
    // Outside an exercise the seat is one person: every line of the power is theirs.
    const solo = new ChatLog('JPN');
    solo.add([line(1, 'public', 'JPN')]);
    expect(solo.isMine(solo.lines('public')[0]!)).toBe(true);
  });
});
