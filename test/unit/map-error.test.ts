import { errors } from 'telegram';
import { toAccountError } from '../../src/account/map-error';
import { AccountError } from '../../src/domain/account-error';

const rpc = (message: string, code: number) => errors.RPCMessageToError({ errorMessage: message, errorCode: code } as never, {} as never);

describe('toAccountError', () => {
  it.each([
    ['HASH_INVALID', 400, { kind: 'hash_invalid' }, 'HASH_INVALID'],
    ['FRESH_RESET_AUTHORISATION_FORBIDDEN', 406, { kind: 'too_fresh' }, 'FRESH_RESET_AUTHORISATION_FORBIDDEN'],
    ['FLOOD_WAIT_30', 420, { kind: 'flood_wait', seconds: 30 }, 'FLOOD_WAIT_30'],
    ['FLOOD_PREMIUM_WAIT_7', 420, { kind: 'flood_wait', seconds: 7 }, 'FLOOD_WAIT_7'],
    ['AUTH_KEY_UNREGISTERED', 401, { kind: 'logged_out' }, 'AUTH_KEY_UNREGISTERED'],
    ['SESSION_REVOKED', 401, { kind: 'logged_out' }, 'SESSION_REVOKED'],
    ['USER_DEACTIVATED_BAN', 401, { kind: 'logged_out' }, 'USER_DEACTIVATED_BAN'],
    ['SOMETHING_NEW', 400, { kind: 'other' }, 'SOMETHING_NEW'],
  ])('%s (%i)', (message, code, failure, outcome) => {
    const err = toAccountError(rpc(message, code));
    expect(err).toBeInstanceOf(AccountError);
    expect(err.failure).toEqual(failure);
    expect(err.code).toBe(outcome);
  });

  it('treats any 401 as a logged-out companion', () => {
    expect(toAccountError(rpc('UNHEARD_OF_401', 401)).failure).toEqual({ kind: 'logged_out' });
  });

  it('maps gramjs connection errors to unreachable', () => {
    const err = toAccountError(new Error('Cannot send requests while disconnected. You need to call .connect()'));
    expect(err.failure).toEqual({ kind: 'unreachable' });
    expect(err.code).toBe('NETWORK');
  });

  it('keeps unknown errors visible', () => {
    expect(toAccountError(new TypeError('boom'))).toMatchObject({ code: 'UNKNOWN', failure: { kind: 'other' } });
  });
});
