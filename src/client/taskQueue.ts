/**
 * Work put off to a task of its own. The browser draws a frame between two tasks, so
 * splitting one long piece of work (a round resolved, then the screen redrawn, then the
 * map) into tasks keeps each under a frame's 16 ms instead of dropping frames. A
 * MessageChannel runs the task at once, without the 4 ms floor of nested timers.
 */
export class NextTask {
  private readonly channel = new MessageChannel();
  private pending = false;

  /** `run` is called once in the next task, however many times `schedule` is called before it. */
  constructor(run: () => void) {
    this.channel.port1.onmessage = () => {
      this.pending = false;
      run();
    };
  }

  schedule(): void {
    if (this.pending) return;
    this.pending = true;
    this.channel.port2.postMessage(null);
  }

  /** Nothing more will run. */
  close(): void {
    this.channel.port1.close();
  }
}
