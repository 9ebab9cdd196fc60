import { Command, Option } from 'commander';
import { secretFromEnv } from '../../core/config.js';
import { ingestMqtt, type MqttIngestResult, type StreamEvent, type StreamProgress } from '../../jobs/ingest-mqtt.js';
import { integerOption, runCommand, type CommonFlags } from '../common.js';
import type { Output } from '../output.js';

interface MqttFlags extends CommonFlags {
  readonly url: string;
  readonly topic?: string;
  readonly clientId?: string;
  readonly username?: string;
  readonly passwordEnv?: string;
  readonly batch?: number;
  readonly flushMs?: number;
  readonly maxMessages?: number;
  readonly duration?: number;
  readonly statsSeconds: number;
  // Options of `gridlens ingest` that apply to MQTT too:
  readonly timeZone?: string;
  readonly interval?: number;
  readonly timestampAt?: string;
  readonly registerMeters?: boolean;
  readonly allowNegativeImport?: boolean;
}

const inherited = `
Options of gridlens ingest that apply (give them before or after "mqtt"):
  --db PATH, --json, --lang zh-CN|en, --time-zone ZONE (timestamps without an offset),
  --interval MINUTES, --timestamp-at start|end, --register-meters, --allow-negative-import`;

/** Rejects printed per throughput interval; the rest are counted (all are in quarantine). */
const REJECTS_PER_INTERVAL = 10;

/** `gridlens ingest mqtt`: live readings until Ctrl-C / SIGTERM, --max-messages or --duration. */
export function ingestMqttCommand(): Command {
  return new Command('mqtt')
    .description('subscribe to live meter readings on an MQTT broker (QoS 1, persistent session) and store them until stopped')
    .requiredOption('--url <url>', 'broker URL, e.g. mqtt://127.0.0.1:1883')
    .option('--topic <filter>', 'topic filter whose + level is the meter number (default gridlens/meters/+/readings)')
    .option('--client-id <id>', 'fixed client id of the persistent session (default gridlens-ingest)')
    .option('--username <user>', 'broker user name')
    .option('--password-env <var>', 'environment variable that holds the broker password (never put it on the command line)')
    .option('--batch <messages>', 'write a batch every N messages (default 2000)', integerOption(1, 30_000))
    .option('--flush-ms <ms>', 'write a batch at the latest T ms after its first message (default 250)', integerOption(1, 600_000))
    .addOption(new Option('--max-messages <n>', 'stop after N messages').argParser(integerOption(1, Number.MAX_SAFE_INTEGER)).conflicts('duration'))
    .addOption(new Option('--duration <seconds>', 'stop after S seconds').argParser(integerOption(1, 31_536_000)))
    .option('--stats-seconds <s>', 'print throughput on stderr every S seconds', integerOption(1, 3_600), 5)
    .addHelpText('after', inherited)
    .action((_options: unknown, command: Command) => {
      const flags = command.optsWithGlobals<MqttFlags>();
      return runCommand(flags, async ({ config, out }) => {
        const controller = new AbortController();
        const log = new StreamLog(out, flags.statsSeconds);
        const stop = () => { log.say('ingest.mqtt.stopping'); controller.abort(); };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        try {
          const result = await ingestMqtt(config, {
            options: optionsOf(flags), maxMessages: flags.maxMessages, durationSeconds: flags.duration, allowNegativeImport: flags.allowNegativeImport,
          }, { signal: controller.signal, onProgress: (p) => log.progress(p), onEvent: (e) => log.event(e) });
          log.close();
          out.result(result, () => summaryLines(result, out));
        } finally {
          log.close();
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
        }
      });
    });
}

function optionsOf(flags: MqttFlags): Record<string, unknown> {
  return {
    url: flags.url, topic: flags.topic, clientId: flags.clientId, username: flags.username,
    password: flags.passwordEnv ? secretFromEnv(flags.passwordEnv) : undefined, batchMessages: flags.batch, flushMs: flags.flushMs,
    timeZone: flags.timeZone, intervalMinutes: flags.interval, timestampAt: flags.timestampAt, registerMeters: flags.registerMeters,
  };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** Connection events, throughput every few seconds and quarantined records, on stderr (stdout keeps the result). */
class StreamLog {
  private last: StreamProgress | undefined;
  private shown: StreamProgress | undefined;
  private rejectsShown = 0;
  private rejectsHidden = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly out: Output, statsSeconds: number) {
    this.timer = setInterval(() => this.tick(), statsSeconds * 1000).unref();
  }

  event(e: StreamEvent): void {
    const t = (key: string, vars?: Record<string, string | number>) => this.line(this.out.t(key, vars));
    if (e.type === 'connected') t('ingest.mqtt.connected', { location: e.location, session: this.out.t(e.sessionPresent ? 'ingest.mqtt.sessionResumed' : 'ingest.mqtt.sessionNew') });
    else if (e.type === 'subscribed') t('ingest.mqtt.subscribed', { topic: e.topic });
    else if (e.type === 'disconnected') t('ingest.mqtt.disconnected', { reason: e.reason });
    else if (e.type === 'reconnecting') t('ingest.mqtt.reconnecting', { seconds: (e.delayMs / 1000).toFixed(1), attempt: e.attempt });
    else t(`ingest.mqtt.${e.type}`);
  }

  progress(p: StreamProgress): void {
    this.last = p;
    for (const r of p.rejects) {
      if (this.rejectsShown >= REJECTS_PER_INTERVAL) { this.rejectsHidden++; continue; }
      this.rejectsShown++;
      this.line(this.out.t('ingest.mqtt.rejected', { where: r.messageId ?? r.line ?? '?', reason: `[${r.code}] ${r.reason}` }));
    }
  }

  say(key: string): void {
    this.line(this.out.t(key));
  }

  close(): void {
    clearInterval(this.timer);
  }

  private tick(): void {
    if (this.rejectsHidden > 0) this.line(this.out.t('ingest.mqtt.moreRejected', { n: this.rejectsHidden }));
    this.rejectsShown = 0;
    this.rejectsHidden = 0;
    const p = this.last;
    if (!p || p === this.shown) return;
    const before = this.shown;
    const dt = p.seconds - (before?.seconds ?? 0);
    const rate = (now: number, then: number) => fmt(dt > 0 ? (now - then) / dt : 0);
    const t = p.totals;
    this.line(this.out.t('ingest.mqtt.rate', {
      seconds: p.seconds.toFixed(0), messages: fmt(t.messages), messageRate: rate(t.messages, before?.totals.messages ?? 0),
      readings: fmt(t.accepted), readingRate: rate(t.accepted, before?.totals.accepted ?? 0), quarantined: fmt(t.quarantined),
      duplicates: fmt(t.duplicates), redelivered: fmt(t.redelivered),
    }));
    this.shown = p;
  }

  private line(text: string): void {
    process.stderr.write(`${text}\n`);
  }
}

export function summaryLines(result: MqttIngestResult, out: Output): string[] {
  const t = result.totals;
  const lines = [out.t('ingest.mqtt.header', { location: result.location }), out.t('ingest.mqtt.total', {
    messages: fmt(t.messages), redelivered: fmt(t.redelivered), read: fmt(t.read), inserted: fmt(t.inserted), duplicates: fmt(t.duplicates),
    superseded: fmt(t.superseded), quarantined: fmt(t.quarantined), batches: fmt(t.batches), seconds: result.seconds.toFixed(1),
    messageRate: fmt(result.messagesPerSecond), readingRate: fmt(result.readingsPerSecond),
  })];
  for (const r of result.rejectSample) lines.push(`  ${r.messageId ?? '?'}: [${r.code}] ${r.reason}`);
  if (t.quarantined > 0) lines.push(out.t('ingest.quarantineHint'));
  return lines;
}
