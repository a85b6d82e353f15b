// The shape every benchmark reports. `ratio` compares `value` with the figure named in `baseline`.
export type Figure = {
  name: string;
  value: number;
  unit: string;
  ratio?: number;
  baseline?: string;
};

/** What a `*.bench.ts` module default-exports. */
export type Bench = () => Promise<Figure[]>;
