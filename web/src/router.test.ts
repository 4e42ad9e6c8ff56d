import { describe, expect, it } from 'vitest';
import { matchPath } from './router';

describe('matchPath', () => {
  it('matches parameters and nothing else', () => {
    expect(matchPath('/', '/')).toEqual({});
    expect(matchPath('/angebote/:id', '/angebote/sg-off-0001')).toEqual({ id: 'sg-off-0001' });
    expect(matchPath('/angebote/:id', '/angebote/a%20b')).toEqual({ id: 'a b' });
    expect(matchPath('/angebote/:id', '/angebote')).toBeNull();
    expect(matchPath('/beratung', '/traeger')).toBeNull();
  });
});
