import fs from "node:fs";
import net from "node:net";

// The server's memory as the kernel sees it (issue 13): the process listening on a port, its resident set
// (VmRSS) sampled while a request runs, and a raw client that sends a body a byte at a time.

/** Inodes of the sockets listening on `port` (IPv4 and IPv6). */
function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  const hex = port.toString(16).toUpperCase().padStart(4, "0");
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!fs.existsSync(file)) continue;
    for (const line of fs.readFileSync(file, "utf8").split("\n").slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length > 9 && f[1].endsWith(`:${hex}`) && f[3] === "0A") inodes.add(f[9]);
    }
  }
  return inodes;
}

/** The pid of the process that listens on `port`, or null. */
export function listeningPid(port: number): number | null {
  const inodes = listeningInodes(port);
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    let fds: string[];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m && inodes.has(m[1])) return Number(pid);
      } catch {
        // fd closed meanwhile
      }
    }
  }
  return null;
}

/** VmRSS and VmHWM of a process, in MB. */
export function memoryMb(pid: number): { rss: number; hwm: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? 0);
  return { rss: kb("VmRSS") / 1024, hwm: kb("VmHWM") / 1024 };
}

/** Runs `fn` while sampling the process's RSS every 20 ms; returns its result, the RSS before and the peak. */
export async function withPeakRss<T>(pid: number, fn: () => Promise<T>): Promise<{ result: T; idleMb: number; peakMb: number }> {
  const idleMb = memoryMb(pid).rss;
  let peakMb = idleMb;
  const timer = setInterval(() => {
    try {
      peakMb = Math.max(peakMb, memoryMb(pid).rss);
    } catch {
      // the process is gone: the caller's liveness check says so
    }
  }, 20);
  try {
    const result = await fn();
    peakMb = Math.max(peakMb, memoryMb(pid).rss);
    return { result, idleMb, peakMb };
  } finally {
    clearInterval(timer);
  }
}

export interface SlowAnswer {
  status: number | null;
  body: string;
  ms: number;
  bytesSent: number;
}

/**
 * A request whose body (declared `contentLength` bytes) is sent one byte every `intervalMs`, until the
 * server answers or closes, or `giveUpMs` passes (then the client closes).
 */
export function slowRequest(url: string, head: string, contentLength: number, intervalMs: number, giveUpMs: number): Promise<SlowAnswer> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const started = Date.now();
    let data = "";
    let sent = 0;
    const socket = net.connect(Number(u.port), u.hostname);
    const finish = () => {
      clearInterval(drip);
      clearTimeout(giveUp);
      socket.destroy();
      const m = /^HTTP\/1\.1 (\d{3})/.exec(data);
      resolve({ status: m ? Number(m[1]) : null, body: data.slice(data.indexOf("\r\n\r\n") + 4), ms: Date.now() - started, bytesSent: sent });
    };
    socket.write(`${head}Content-Length: ${contentLength}\r\nConnection: close\r\n\r\n`);
    const drip = setInterval(() => {
      if (sent < contentLength && socket.writable) {
        socket.write("a");
        sent++;
      }
    }, intervalMs);
    const giveUp = setTimeout(finish, giveUpMs);
    socket.on("data", (d) => {
      data += d.toString("utf8");
      if (/\r\n\r\n/.test(data)) setTimeout(finish, 200); // the answer's head is in; its short body follows
    });
    socket.on("close", finish);
    socket.on("error", finish);
  });
}
