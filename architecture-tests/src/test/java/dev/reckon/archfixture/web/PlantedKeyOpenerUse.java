package dev.reckon.archfixture.web;

import dev.reckon.ports.out.KeyOpener;
import dev.reckon.ports.out.SealedKey;

/**
 * A deliberate violation for the architecture tests: web-tier code that opens a sealed key. It
 * lives outside the real web package so only the test that expects the failure imports it.
 */
final class PlantedKeyOpenerUse {

  private final KeyOpener opener;

  PlantedKeyOpenerUse(KeyOpener opener) {
    this.opener = opener;
  }

  int openedLength(SealedKey sealed) {
    return opener.open(sealed, null).length();
  }
}
