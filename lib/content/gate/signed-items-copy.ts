/**
 * This page's copy of the background's signed items (lib/signoff/signed-items.ts): a list page
 * publishes by id only those. Read when the page starts and again whenever the list changes in any
 * tab; changed at once by what happens on this page.
 */
export class SignedItemsCopy {
  private signed: ReadonlySet<string> = new Set();
  /** Revoked on this page, until a read of the background's list shows the revocation arrived. */
  private readonly revokedHere = new Set<string>();

  get ids(): ReadonlySet<string> {
    return this.signed;
  }

  /** The background's list as read now; a read made before it took this page's revocation signs nothing again. */
  read(ids: ReadonlySet<string>): void {
    for (const id of this.revokedHere) if (!ids.has(id)) this.revokedHere.delete(id);
    this.signed = new Set([...ids].filter((id) => !this.revokedHere.has(id)));
  }

  /** Items signed off on this page just now (the background stores them too). */
  add(ids: readonly string[]): void {
    for (const id of ids) this.revokedHere.delete(id);
    this.signed = new Set([...this.signed, ...ids]);
  }

  /** Items saved again with unsigned content: they lose their sign-off at once on this page too. */
  revoke(ids: readonly string[]): void {
    for (const id of ids) this.revokedHere.add(id);
    this.signed = new Set([...this.signed].filter((id) => !this.revokedHere.has(id)));
  }
}
