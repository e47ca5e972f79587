// Where in a scenario or rubric file something is: a path of keys, and a finding at one.
export type Path = readonly PropertyKey[];

/** A problem a check found, at a path in the data; the file layer adds the file and line. */
export interface PathIssue {
  path: Path;
  message: string;
}

/** `questions[2].followUps[0].targets` */
export function formatPath(path: Path): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}
