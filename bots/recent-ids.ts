/** Remembers the last `capacity` ids seen, to drop a platform's re-deliveries before they reach core. */
export class RecentIds {
  private readonly ids = new Set<string>();

  constructor(private readonly capacity = 2000) {}

  /** False when the id was seen recently (a duplicate). */
  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.capacity) this.ids.delete(this.ids.values().next().value!);
    return true;
  }

  /** Forgets an id whose handling failed, so the platform's retry is processed. */
  delete(id: string): void {
    this.ids.delete(id);
  }
}
