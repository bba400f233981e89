/**
 * Control's token for an exercise, kept in this browser only (never in an address a
 * projector or a shared screen might show). Control's console writes it when the
 * exercise is created or reopened from the private link; the debrief reads it.
 * One key per exercise, so a teacher running parallel groups holds every token.
 */
const key = (code: string) => `triangles.control.${code}`;

export function readControlToken(storage: Storage, code: string): string | null {
  try {
    return storage.getItem(key(code)) || null;
  } catch {
    // Storage a browser refuses (private mode, blocked cookies) holds no token.
    return null;
  }
}

export function writeControlToken(storage: Storage, code: string, token: string): void {
  storage.setItem(key(code), token);
}
