// What the browser benchmarks measure inside the page: DOM mutations under #desktop, pointermove
// events, requestAnimationFrame timestamps and long tasks, around a pointer gesture.

/** Starts counting in the page: mutations under #desktop, pointermove events, frames, long tasks. */
export function installProbes(page) {
  return page.evaluate(() => {
    const probe = { records: [], moves: 0, frames: [], longTasks: [], running: true };
    window.__probe = probe;
    new MutationObserver((records) => {
      for (const r of records) {
        const t = r.target.nodeType === 1 ? r.target : r.target.parentElement;
        const where = `${t.tagName.toLowerCase()}${t.id ? `#${t.id}` : ''}${t.className && typeof t.className === 'string' ? `.${t.className.trim().split(/\s+/).join('.')}` : ''}`;
        probe.records.push(`${r.type}${r.attributeName ? ` ${r.attributeName}` : ''} on ${where}${r.type === 'childList' ? ` (+${r.addedNodes.length} -${r.removedNodes.length})` : ''}`);
      }
    }).observe(document.getElementById('desktop'), { subtree: true, childList: true, attributes: true, characterData: true });
    document.addEventListener('pointermove', () => { probe.moves += 1; }, { capture: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
    const frame = (time) => {
      probe.frames.push(time);
      if (probe.running) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

export async function collect(page) {
  return page.evaluate(() => {
    const probe = window.__probe;
    probe.running = false;
    return { records: probe.records, moves: probe.moves, frames: probe.frames, longTasks: probe.longTasks };
  });
}

/** Presses at (x, y) and moves the pointer in small steps for `duration` ms (back and forth, so
 *  the window stays on screen), then releases. */
export async function gesture(page, x, y, duration) {
  await page.mouse.move(x, y);
  await page.mouse.down();
  await installProbes(page);
  const start = Date.now();
  let step = 0;
  while (Date.now() - start < duration) {
    const phase = 1 + ((step % 200) < 100 ? step % 100 : 100 - (step % 100)); // never 0: every move moves
    await page.mouse.move(x + phase * 2, y + phase);
    step += 1;
  }
  const result = await collect(page);
  await page.mouse.up();
  return { ...result, sent: step };
}

export const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

export function report(label, { records, moves, sent, frames, longTasks }) {
  const intervals = frames.slice(1).map((time, i) => time - frames[i]);
  const kinds = new Map();
  for (const record of records) kinds.set(record, (kinds.get(record) ?? 0) + 1);
  const perMove = moves ? records.length / moves : 0;
  const p95 = percentile(intervals, 95);
  console.log(`  ${label}: ${sent} moves sent, ${moves} pointermove events, ${frames.length} frames`);
  console.log(`    DOM mutation records per pointer move: ${perMove.toFixed(2)} (target 1${perMove <= 1 ? ' ok' : ' MISSED'}); ${records.length} records:`);
  for (const [kind, count] of [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`      ${String(count).padStart(6)}  ${kind}`);
  console.log(`    frame interval: median ${percentile(intervals, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (target <= 17${p95 <= 17 ? ' ok' : ' MISSED'}), max ${Math.max(0, ...intervals).toFixed(1)} ms`);
  const total = longTasks.reduce((a, b) => a + b, 0);
  console.log(`    long tasks: ${longTasks.length}, total ${Math.round(total)} ms${longTasks.length ? `, longest ${Math.round(Math.max(...longTasks))} ms` : ''} (target none${longTasks.length ? ' MISSED' : ' ok'})`);
}
