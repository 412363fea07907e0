// A file system for the writer that fails on purpose: the real one, except that writes to the temp files it opens
// stop at a chosen byte, the way a nearly full disk or a misbehaving one does.

import { nodeFs, type WritableHandle, type WriteFs } from '../../../main/files/write-file';

export type Failure =
  /** the write that crosses the offset takes only the bytes before it; the next write fails with ENOSPC (Linux) */
  | 'short'
  /** the write that crosses the offset fails with ENOSPC, writing nothing */
  | 'enospc'
  /** the write that crosses the offset takes the bytes before it; the next one takes none, without an error */
  | 'zero'
  /** the write that crosses the offset takes the bytes before it but says it took them all (the bug this guards) */
  | 'lie'
  /** every write says it took all its bytes, but a byte at the offset is changed on the way */
  | 'corrupt'
  /** every write takes at most `offset` bytes, without an error (a signal, a pipe-like file system) */
  | 'dribble';

export interface FailingFs extends WriteFs {
  /** temp files opened for writing, in order */
  opened: string[];
}

function enospc(): NodeJS.ErrnoException {
  return Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
}

/** `applies` picks the temp files that fail (default: all of them). `linkFails` makes hard links fail with EPERM. */
export function failingFs(
  failure: Failure,
  offset: number,
  options: { applies?: (file: string) => boolean; linkFails?: boolean } = {},
): FailingFs {
  const opened: string[] = [];
  return {
    opened,
    rename: (from, to) => nodeFs.rename(from, to),
    unlink: (file) => nodeFs.unlink(file),
    lstat: (file) => nodeFs.lstat(file),
    link: async (existing, newName) => {
      if (options.linkFails) throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' });
      return nodeFs.link(existing, newName);
    },
    open: async (file, flags, mode) => {
      const real = await nodeFs.open(file, flags, mode);
      if (!flags.startsWith('w')) return real;
      opened.push(file);
      if (options.applies && !options.applies(file)) return real;
      let crossed = false;
      const handle: WritableHandle = {
        read: (b, o, l, p) => real.read(b, o, l, p),
        sync: () => real.sync(),
        stat: () => real.stat(),
        chmod: (m) => real.chmod(m),
        close: () => real.close(),
        async write(buffer, start, length, position) {
          if (failure === 'dribble') return real.write(buffer, start, Math.min(length, offset), position);
          if (failure === 'corrupt') {
            const copy = Buffer.from(buffer.subarray(start, start + length));
            if (offset >= position && offset < position + length) copy[offset - position] ^= 0x20;
            await real.write(copy, 0, length, position);
            return { bytesWritten: length };
          }
          if (crossed) {
            if (failure === 'zero') return { bytesWritten: 0 };
            if (failure !== 'lie') throw enospc();
          }
          if (position + length <= offset) return real.write(buffer, start, length, position);
          crossed = true;
          if (failure === 'enospc') throw enospc();
          const fits = Math.max(0, offset - position);
          if (fits > 0) await real.write(buffer, start, fits, position);
          if (failure === 'lie') return { bytesWritten: length };
          if (fits === 0) {
            if (failure === 'zero') return { bytesWritten: 0 };
            throw enospc();
          }
          return { bytesWritten: fits };
        },
      };
      return handle;
    },
  };
}

export interface PausingFs extends WriteFs {
  /** resolves when the first temp file is about to be opened; the write then waits for release() */
  reached: Promise<void>;
  release(): void;
}

/** The real file system, except that the first save waits, just before writing, until released. */
export function pausingFs(): PausingFs {
  let reached: () => void = () => undefined;
  let release: () => void = () => undefined;
  const reachedPromise = new Promise<void>((resolve) => (reached = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  return {
    reached: reachedPromise,
    release: () => release(),
    rename: (from, to) => nodeFs.rename(from, to),
    unlink: (file) => nodeFs.unlink(file),
    lstat: (file) => nodeFs.lstat(file),
    link: (existing, newName) => nodeFs.link(existing, newName),
    open: async (file, flags, mode) => {
      if (flags.startsWith('w')) {
        reached();
        await released;
      }
      return nodeFs.open(file, flags, mode);
    },
  };
}
