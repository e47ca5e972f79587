// Lookups by a name read from a file, which may be "constructor" or "toString" as well as any other word.

/** What a record holds under its own key `name`; never what every object inherits. */
export function ownEntry<T>(record: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.hasOwn(record, name) ? record[name] : undefined;
}

/** Whether a record has its own key `name`. */
export function hasEntry(record: Readonly<Record<string, unknown>>, name: string): boolean {
  return Object.hasOwn(record, name);
}
