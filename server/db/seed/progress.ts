/** Console progress for long database work, in German as the product speaks German first. */
export interface Progress {
  step(n: number, label: string): void;
  /** Progress within a step; `what` names the unit, e.g. "Flurstücke zugeschnitten". */
  detail(done: number, total: number, what?: string): void;
  done(message: string): void;
}

const fmt = new Intl.NumberFormat('de-DE');

/** Progress lines like "Erstelle Datenbank … 3/5 Flurstücke (Demo-Daten) … 12.000/20.000". */
export function consoleProgress(total: number, write: (line: string) => void = (l) => console.log(l)): Progress {
  let current = '';
  let lastDetail = 0;
  return {
    step(n, label) {
      current = `Erstelle Datenbank … ${n}/${total} ${label}`;
      lastDetail = 0;
      write(current);
    },
    detail(done, all, what = '') {
      const now = Date.now();
      if (done < all && now - lastDetail < 1000) return;
      lastDetail = now;
      write(`${current} … ${fmt.format(Math.round(done))}/${fmt.format(Math.round(all))} ${what}`.trimEnd());
    },
    done(message) {
      write(message);
    },
  };
}
