// npm install's first step (the `preinstall` script; npm 12 runs it before the
// dependencies, npm 11 after them). Plain Node, no dependencies: nothing is installed
// yet. When better-sqlite3 (the game server's SQLite) is not built, it says that the
// build may compile C++ for about a minute and names the tools that needs and lacks.
// It never fails the install: the build itself does, if it must.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

try {
  const built = new URL('../node_modules/better-sqlite3/build/Release/better_sqlite3.node', import.meta.url);
  if (!existsSync(built)) {
    const tools = ['python3', 'make', 'g++'];
    const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
    const missing = tools.filter((tool) => !dirs.some((dir) => existsSync(join(dir, tool))));
    const lacking = missing.length === 0 ? 'all found' : `missing here: ${missing.join(', ')}; as root: apt-get install -y python3 make g++`;
    console.log(`Note: better-sqlite3 (SQLite) compiles a C++ module when no prebuilt one downloads, about a minute; it needs python3, make and g++ (${lacking}).`);
  }
} catch {
  // A note is not worth a failed install.
}
