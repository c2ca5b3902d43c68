/** Errors are read by Chinese- and English-speaking analysts alike: say both, Chinese first. */
export function bilingual(zh: string, en: string): string {
  return `${zh}\n${en}`;
}
