// A real SMTP server in the test process (smtp-server), reading what it receives with
// mailparser: mail tests read the messages a mail server was given, nothing less.
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

export interface Received {
  envelopeTo: string[];
  parsed: ParsedMail;
  raw: string;
}

export class TestMailServer {
  readonly received: Received[] = [];
  /** Addresses the server refuses at RCPT TO with 550. */
  readonly refuse = new Set<string>();
  #server: SMTPServer | undefined;
  port = 0;

  #make() {
    return new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        if (this.refuse.has(address.address.toLowerCase()))
          return callback(Object.assign(new Error('5.1.1 No such mailbox here'), { responseCode: 550 }));
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          simpleParser(raw)
            .then((parsed) => {
              this.received.push({
                envelopeTo: session.envelope.rcptTo.map((to) => to.address.toLowerCase()),
                parsed,
                raw,
              });
              callback();
            })
            .catch(callback);
        });
      },
    });
  }

  /** Starts listening (again on the same port after a stop, when it had one). */
  async start(): Promise<this> {
    const server = this.#make();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.#server = server;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string): Received[] {
    return this.received.filter((mail) => mail.envelopeTo.includes(address.toLowerCase()));
  }

  /** Waits until `count` messages have arrived. */
  async waitFor(count: number, timeoutMs = 20_000): Promise<Received[]> {
    const until = Date.now() + timeoutMs;
    while (this.received.length < count) {
      if (Date.now() > until) throw new Error(`Only ${this.received.length} of ${count} messages arrived`);
      await delay(20);
    }
    return this.received;
  }
}

/** A port nobody listens on (yet): a server "down" from the start. */
export async function freePort(): Promise<number> {
  const server = await new TestMailServer().start();
  const port = server.port;
  await server.stop();
  return port;
}
