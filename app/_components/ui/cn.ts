type ClassValue = string | false | null | undefined;

/**
 * Joins class names, skipping falsy ones. There is no conflict resolution (no
 * tailwind-merge): a caller's class adds to a component's classes, it does not replace one.
 */
export function cn(...classes: ClassValue[]): string {
  return classes.filter(Boolean).join(' ');
}
