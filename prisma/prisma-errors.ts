// Prisma's error classes come from the runtime shared by both generated clients; matching on the code keeps
// these checks independent of which client threw.
const codeOf = (error: unknown): unknown =>
  typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined;

/** A unique index rejected the write. */
export const isUniqueViolation = (error: unknown): boolean => codeOf(error) === 'P2002';

/** An update or delete found no row to act on. */
export const isRecordNotFound = (error: unknown): boolean => codeOf(error) === 'P2025';
