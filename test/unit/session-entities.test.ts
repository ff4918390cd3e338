import { Api } from 'telegram';
import { returnBigInt } from 'telegram/Helpers';
import { companionSession } from '../../src/account/session-store';

/**
 * gramjs's in-memory session adds a row for every user in every reply and push that lists users,
 * without de-duplicating: with one business bot connected, account.getConnectedBots alone added
 * about 2,900 rows a day, each scanned one by one on a lookup. The companion's session keeps one
 * row per id, the newest.
 */
const botUser = (id: number, hash: number) => new Api.User({ id: returnBigInt(id), accessHash: returnBigInt(hash), bot: true, firstName: `bot${id}`, username: `b${id}_bot` });
const reply = (users: Api.User[]) => new Api.account.ConnectedBots({ connectedBots: [], users });

describe('the companion session keeps one entity row per id', () => {
  it('10,000 reads listing the same two bots leave two rows, with the newest access hash', () => {
    const session = companionSession('');
    for (let i = 0; i < 10_000; i++) session.processEntities(reply([botUser(901, 1000 + i), botUser(902, 7)]));
    const rows = [...(session as unknown as { _entities: Set<unknown[]> })._entities];
    expect(rows).toHaveLength(2);
    expect(session.getEntityRowsById('901')?.map(String)).toEqual(['901', String(1000 + 9_999)]);
  });

  it('distinct ids are all kept and found', () => {
    const session = companionSession('');
    session.processEntities(reply(Array.from({ length: 50 }, (_, i) => botUser(1000 + i, i))));
    session.processEntities(reply(Array.from({ length: 50 }, (_, i) => botUser(1000 + i, i))));
    expect((session as unknown as { _entities: Set<unknown[]> })._entities.size).toBe(50);
    expect(session.getEntityRowsById('1049')?.map(String)).toEqual(['1049', '49']);
  });
});
