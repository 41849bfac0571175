/**
 * "1 day", "10 days": English counts with the right noun form instead of "day(s)". Chinese needs
 * none ("10 天"). The count may come from evidence or template values as a string; a missing one
 * reads "?" with the plural noun.
 */
export const plural = (n: unknown, one: string, many = `${one}s`): string => {
  const shown = n === undefined || n === null || n === '' ? '?' : String(n);
  return `${shown} ${Number(shown) === 1 ? one : many}`;
};
