export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  ratio?: number;
  target?: string;
}

export function printFigures(title: string, figures: Figure[]): void {
  process.stdout.write(`\n${title}\n`);
  for (const f of figures) {
    const base = f.baseline ? `   baseline ${f.baseline.name}: ${f.baseline.value.toFixed(2)}` : '';
    const ratio = f.ratio !== undefined ? `   ratio ${f.ratio.toFixed(2)}` : '';
    const target = f.target ? `   target ${f.target}` : '';
    process.stdout.write(
      `  ${f.name.padEnd(34)} ${f.value.toFixed(2).padStart(12)} ${f.unit}${base}${ratio}${target}\n`,
    );
  }
}
