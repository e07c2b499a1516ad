import { GroupCommitter } from '../../bot/src/platform/group-commit';

interface Write {
  readonly key: string;
  readonly value: number;
}

/** A committer whose commits the test releases one at a time, recording each group. */
function controlled(fits: (group: readonly Write[], item: Write) => boolean) {
  const groups: Write[][] = [];
  const releases: ((fail?: Error) => void)[] = [];
  const committer = new GroupCommitter<Write, string>(
    (items) =>
      new Promise((resolve, reject) => {
        groups.push([...items]);
        releases.push((fail) =>
          fail ? reject(fail) : resolve(items.map((item) => `${item.key}=${item.value}`)),
        );
      }),
    fits,
  );
  const release = async (fail?: Error): Promise<void> => {
    await new Promise((resolve) => setImmediate(resolve));
    const next = releases.shift();
    if (!next) throw new Error('no commit is waiting');
    next(fail);
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { committer, groups, release };
}

const onePerKey = (group: readonly Write[], item: Write): boolean =>
  group.length < 3 && group.every((other) => other.key !== item.key);

describe('group commit', () => {
  it('sends what queued during a commit together in the next one, within the limits', async () => {
    const { committer, groups, release } = controlled(onePerKey);
    const results = [
      committer.submit({ key: 'a', value: 1 }),
      committer.submit({ key: 'b', value: 1 }),
      committer.submit({ key: 'c', value: 1 }),
      committer.submit({ key: 'd', value: 1 }),
      committer.submit({ key: 'e', value: 1 }),
    ];
    await release();
    await release();
    await release();
    expect(groups.map((group) => group.map((item) => item.key))).toEqual([['a'], ['b', 'c', 'd'], ['e']]);
    expect(await Promise.all(results)).toEqual(['a=1', 'b=1', 'c=1', 'd=1', 'e=1']);
    expect(committer.idle).toBe(true);
  });

  it('keeps one key’s writes in order, one per group, while others go ahead', async () => {
    const { committer, groups, release } = controlled(onePerKey);
    const first = committer.submit({ key: 'x', value: 0 });
    const second = committer.submit({ key: 'a', value: 1 });
    const third = committer.submit({ key: 'a', value: 2 });
    const other = committer.submit({ key: 'b', value: 1 });
    await release();
    await release();
    await release();
    expect(groups.map((group) => group.map((item) => `${item.key}${item.value}`))).toEqual([
      ['x0'],
      ['a1', 'b1'],
      ['a2'],
    ]);
    expect(await Promise.all([first, second, third, other])).toEqual(['x=0', 'a=1', 'a=2', 'b=1']);
  });

  it('a failed commit fails only its own group; the queue goes on', async () => {
    const { committer, release } = controlled(onePerKey);
    const first = committer.submit({ key: 'a', value: 1 });
    const later = committer.submit({ key: 'b', value: 1 });
    await release(new Error('storage is down'));
    await expect(first).rejects.toThrow('storage is down');
    await release();
    expect(await later).toBe('b=1');
  });
});
