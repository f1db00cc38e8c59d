// What a server type looks like after JSON.stringify: dates become ISO strings. Response types
// are derived from the server's own functions with this, never written by hand.
export type Jsonify<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Jsonify<U>[]
    : T extends object
      ? { [K in keyof T]: Jsonify<T[K]> }
      : T;

/** The JSON a server function resolves to. */
export type ResultOf<F extends (...args: never[]) => unknown> = Jsonify<Awaited<ReturnType<F>>>;
