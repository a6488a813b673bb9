/**
 * What the saved views and the analyst's notes share: a collection kept in an IndexedDB database
 * of its own and shared with the app's other tabs through a BroadcastChannel. Where the browser
 * refuses IndexedDB (private browsing) or a write fails (quota), the collection lives in this
 * page for the rest of the session and `notKept` says why. Plain TypeScript with a subscribe and
 * a getter, so React reads it through useSyncExternalStore.
 */
import type { Message } from '../domain/message';

/** What a kept collection needs of its database: to be closed. */
interface Closable {
  close(): void;
}

export abstract class KeptCollection<Db extends Closable, Value> {
  private readonly listeners = new Set<() => void>();
  private channel: BroadcastChannel | null = null;
  private reason: Message | null = null;
  private db: Db | null = null;

  /** `changed` is what a tab posts on the channel when it changed the collection. */
  protected constructor(
    protected value: Value,
    private readonly changed: string,
  ) {}

  /**
   * Opens the database and reads the collection. Never rejects: where IndexedDB is refused, the
   * collection is kept in this page only, and `notKept` is `refused(error)`.
   */
  protected async start(
    openDatabase: () => Promise<Db>,
    channelName: string,
    refused: (error: unknown) => Message,
  ): Promise<void> {
    try {
      this.db = await openDatabase();
    } catch (error) {
      this.reason = refused(error);
      return;
    }
    if (typeof BroadcastChannel !== 'undefined') {
      this.channel = new BroadcastChannel(channelName);
      this.channel.onmessage = (event: MessageEvent) => {
        if ((event.data as { kind?: unknown } | null)?.kind === this.changed) void this.read();
      };
    }
    try {
      await this.read();
    } catch (error) {
      this.giveUp(refused(error));
    }
  }

  /** Calls `listener` after each change of the collection or of `notKept`; returns the unsubscribe. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Why the collection lasts only as long as this page, or null while the browser keeps it. */
  get notKept(): Message | null {
    return this.reason;
  }

  /** Stops listening to the other tabs and closes the database. */
  close(): void {
    this.channel?.close();
    this.channel = null;
    this.db?.close();
  }

  /**
   * Writes a change to IndexedDB and reads the collection back; when the write fails (quota, or
   * the browser withdrew storage), nothing of it was kept (one transaction): the change is applied
   * to this page's collection instead, as is every change for the rest of the session, and
   * `notKept` is `notKept(error)`.
   */
  protected async keep(
    write: (db: Db) => Promise<unknown>,
    apply: (value: Value) => Value,
    notKept: (error: unknown) => Message,
  ): Promise<void> {
    if (this.db) {
      try {
        await write(this.db);
        await this.read();
        this.channel?.postMessage({ kind: this.changed });
        return;
      } catch (error) {
        this.giveUp(notKept(error));
      }
    }
    this.show(apply(this.value));
  }

  /** Reads the collection from the database (there is one) and shows it. */
  protected abstract reload(db: Db): Promise<void>;

  /** The collection as it is shown: a new value each time, so that a reader sees the change. */
  protected abstract arrange(value: Value): Value;

  protected show(value: Value): void {
    this.value = this.arrange(value);
    for (const listener of this.listeners) listener();
  }

  private async read(): Promise<void> {
    if (this.db) await this.reload(this.db);
  }

  private giveUp(reason: Message): void {
    this.close();
    this.db = null;
    this.reason = reason;
    this.show(this.value);
  }
}
