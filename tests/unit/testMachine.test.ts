/**
 * npm test's set-up decisions (src/cli/testMachine.ts): from what is on the machine and
 * whether we are root, which commands run by themselves and what a person is told to run.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CHROMIUM_PATH } from '../../src/cli/chromium.js';
import { canRunAll, DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL, explain, planSetup, type Findings } from '../../src/cli/testMachine.js';

/** A machine with everything the tests need, as root with apt-get; each test takes something away. */
function machine(change: (f: Findings) => void = () => undefined): Findings {
  const found: Findings = {
    root: true,
    aptGet: true,
    chromium: { path: DEFAULT_CHROMIUM_PATH, present: true },
    cjkFonts: true,
    postgres: { url: DEFAULT_DATABASE_URL, state: 'ok', detail: '', installed: true },
    redis: { url: DEFAULT_REDIS_URL, answers: true, detail: '', installed: true },
  };
  change(found);
  return found;
}

const commands = (f: Findings) => planSetup(f).steps.flatMap((s) => s.commands);

describe('the test set-up', () => {
  it('does nothing when everything is there', () => {
    expect(planSetup(machine())).toEqual({ steps: [], notes: [] });
    expect(planSetup(machine((f) => (f.root = false)))).toEqual({ steps: [], notes: [] });
  });

  it('on a fresh Debian machine as root: one apt-get update and install, PostgreSQL opened to the tests, Redis started, the database created', () => {
    const fresh = machine((f) => {
      f.chromium.present = false;
      f.cjkFonts = false;
      f.postgres = { ...f.postgres, state: 'down', installed: false, detail: 'connect ECONNREFUSED 127.0.0.1:5432' };
      f.redis = { ...f.redis, answers: false, installed: false, detail: 'ECONNREFUSED' };
    });
    const plan = planSetup(fresh);
    expect(canRunAll(plan, true)).toBe(true);
    expect(commands(fresh)).toEqual([
      'apt-get update',
      'DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium postgresql redis-server fonts-noto-cjk',
      "sed -i '1i host all postgres 127.0.0.1/32 trust' /etc/postgresql/*/main/pg_hba.conf",
      'pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main restart',
      'createdb -h 127.0.0.1 -p 5432 -U postgres test',
      'mkdir -p /var/lib/redis /var/log/redis',
      'redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/tests.log',
    ]);
    // Each start is waited for before the next step (createdb needs PostgreSQL up).
    expect(plan.steps.map((s) => s.waitFor ?? null)).toEqual([null, 'postgres', null, 'redis']);
    expect(plan.steps[0]!.why).toBe('Chromium, PostgreSQL and Redis are not installed');
  });

  it('starts installed services that are down, without apt-get', () => {
    const stopped = machine((f) => {
      f.postgres.state = 'down';
      f.redis.answers = false;
    });
    expect(commands(stopped)).toEqual([
      'pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start',
      'mkdir -p /var/lib/redis /var/log/redis',
      expect.stringMatching(/^redis-server --daemonize yes /),
    ]);
    expect(canRunAll(planSetup(stopped), true)).toBe(true);
  });

  it('creates the missing database even when not root, with the URL the tests use', () => {
    const noDatabase = machine((f) => {
      f.root = false;
      f.postgres = { ...f.postgres, url: 'postgres://tester@db.local:6543/triangles_test', state: 'no-database' };
    });
    const plan = planSetup(noDatabase);
    expect(plan.steps).toEqual([{ why: 'PostgreSQL has no database "triangles_test"', commands: ['createdb -h db.local -p 6543 -U tester triangles_test'], root: false, auto: true }]);
    expect(canRunAll(plan, false)).toBe(true);
  });

  it('when not root, runs nothing and says exactly what to run, through sudo', () => {
    const plain = machine((f) => {
      f.root = false;
      f.chromium.present = false;
      f.redis.answers = false;
    });
    const plan = planSetup(plain);
    expect(canRunAll(plan, false)).toBe(false);
    expect(explain(plan, false)).toBe(
      [
        'npm test needs what this machine lacks:',
        '  - Chromium is not installed',
        '  - Redis does not answer on 127.0.0.1:6379',
        'Run these, then npm test again:',
        '  sudo apt-get update',
        '  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium',
        '  sudo mkdir -p /var/lib/redis /var/log/redis',
        '  sudo redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/tests.log',
      ].join('\n'),
    );
  });

  it("never changes who an existing PostgreSQL lets in: it says how, even as root", () => {
    const refusing = machine((f) => {
      f.postgres = { ...f.postgres, state: 'refused', detail: 'password authentication failed for user "postgres"' };
    });
    const plan = planSetup(refusing);
    expect(canRunAll(plan, true)).toBe(false);
    expect(explain(plan, true)).toContain('does not let user postgres in without a password (password authentication failed for user "postgres")');
    expect(explain(plan, true)).toContain("\n  sed -i '1i host all postgres 127.0.0.1/32 trust' /etc/postgresql/*/main/pg_hba.conf\n");
  });

  it('does not install or start anything for services or a browser the environment points elsewhere', () => {
    const elsewhere = machine((f) => {
      f.chromium = { path: '/opt/chrome/chrome', present: false };
      f.postgres = { ...f.postgres, url: 'postgres://postgres@10.0.0.5:5432/test', state: 'down', installed: false };
      f.redis = { ...f.redis, url: 'redis://10.0.0.5:6379', answers: false, installed: false };
    });
    const plan = planSetup(elsewhere);
    expect(canRunAll(plan, true)).toBe(false);
    expect(commands(elsewhere)).toEqual(['unset CHROMIUM_PATH', 'unset TEST_DATABASE_URL', 'unset TEST_REDIS_URL']);
    expect(plan.steps[1]!.why).toBe('TEST_DATABASE_URL is postgres://postgres@10.0.0.5:5432/test, which does not answer');
  });

  it('installs missing CJK fonts as root, and only notes them otherwise', () => {
    expect(commands(machine((f) => (f.cjkFonts = false)))).toContain('DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends fonts-noto-cjk');
    const plan = planSetup(machine((f) => ((f.cjkFonts = false), (f.root = false))));
    expect(plan.steps).toEqual([]);
    expect(plan.notes).toEqual([expect.stringContaining('apt-get install -y fonts-noto-cjk')]);
  });

  it('without apt-get, lists the packages and says to use the system\'s own package manager', () => {
    const plan = planSetup(machine((f) => ((f.aptGet = false), (f.chromium.present = false))));
    expect(canRunAll(plan, true)).toBe(false);
    expect(explain(plan, true)).toMatch(/apt-get install .* chromium\n.*Note: apt-get is not on this machine/s);
  });
});
