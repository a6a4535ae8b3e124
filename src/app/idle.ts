// Work for when the page is idle (after the first paint), without holding up input or frames.

/**
 * Run `task` in an idle callback, or after `timeoutMs` at the latest: a busy page (a pan or zoom redraws every
 * frame) is rarely idle. Without requestIdleCallback, a short timer stands in.
 */
export function whenIdle(task: (deadline?: IdleDeadline) => void, timeoutMs: number): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: timeoutMs });
  else setTimeout(task, Math.min(timeoutMs, 200));
}
