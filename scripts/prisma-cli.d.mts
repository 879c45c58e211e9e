export declare const root: string;
export declare function runPrisma(
  args: string[],
  options?: { env?: Record<string, string>; capture?: boolean },
): { status: number; stdout: string; stderr: string };
