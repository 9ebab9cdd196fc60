import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';

/**
 * The local Mosquitto the MQTT tests run against (127.0.0.1:1883, started by `.ci/run` in CI), and
 * how to restart it mid-test: stop with SIGTERM (it saves its persistent sessions), start again
 * with the system config.
 */
export const BROKER_URL = 'mqtt://127.0.0.1:1883';
const CONF = '/etc/mosquitto/mosquitto.conf';
const PID_FILE = '/run/mosquitto/mosquitto.pid';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether something accepts TCP connections on 127.0.0.1:1883. */
export function brokerListening(timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port: 1883 });
    const done = (up: boolean) => { socket.destroy(); resolve(up); };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

const isMosquitto = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'mosquitto';
  } catch {
    return false;
  }
};

/** The pid of the broker on 1883: its pid file, else the one mosquitto started with the system config. */
function brokerPid(): number {
  try {
    const pid = Number(readFileSync(PID_FILE, 'utf8').trim());
    if (pid > 0 && isMosquitto(pid)) return pid;
  } catch { /* no pid file */ }
  let pids: number[] = [];
  try {
    pids = execFileSync('pgrep', ['-x', 'mosquitto'], { encoding: 'utf8' }).trim().split('\n').map(Number);
  } catch { /* none running */ }
  const withConf = pids.filter((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(CONF));
  const pid = withConf.length === 1 ? withConf[0] : pids.length === 1 ? pids[0] : 0;
  if (!pid) throw new Error(`cannot tell which mosquitto listens on 1883 (pgrep -x mosquitto: ${pids.join(', ') || 'none'})`);
  return pid;
}

/** Stops the broker with SIGTERM and waits until the port is closed and the process gone. */
export async function stopBroker(): Promise<void> {
  const pid = brokerPid();
  process.kill(pid, 'SIGTERM');
  await waitFor('mosquitto to stop', async () => !isMosquitto(pid) && !(await brokerListening(200)));
}

/** Starts the broker with the system config unless one is listening; waits until it accepts connections. */
export async function startBroker(): Promise<void> {
  if (await brokerListening(200)) return;
  execFileSync('mosquitto', ['-d', '-c', CONF]);
  await waitFor('mosquitto to listen on 1883', () => brokerListening(200));
}
