import { PreparingClient } from './preparing-client.js';

describe('PreparingClient connection errors', () => {
  it('survives an error emitted while nobody holds it (a backend terminated between hand-overs)', () => {
    const client = new PreparingClient({ connectionString: 'postgres://nobody@127.0.0.1:1/none' });
    const err = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    // An EventEmitter throws an 'error' event that has no listener: that would be an uncaught exception.
    expect(() => client.emit('error', err)).not.toThrow();
  });

  it('still tells the listeners the pool and TypeORM attach', () => {
    const client = new PreparingClient();
    const seen: unknown[] = [];
    client.on('error', (e) => seen.push(e));
    const err = new Error('Connection terminated unexpectedly');
    client.emit('error', err);
    expect(seen).toEqual([err]);
  });
});
