import { EXIT } from '../errors';
import type { Io } from '../io';
export async function run(_argv: string[], _io: Io): Promise<number> {
  return EXIT.failure;
}
