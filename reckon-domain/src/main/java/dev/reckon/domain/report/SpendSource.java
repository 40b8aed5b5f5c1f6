package dev.reckon.domain.report;

/** Where a dollar figure comes from. Figures of different sources are never added together. */
public enum SpendSource {
  /** Reported by a provider's cost endpoint. */
  BILLED,
  /** Tokens multiplied by a dated price table. */
  ESTIMATED,
  /** A billed figure split across a finer dimension by a recorded method. */
  ALLOCATED
}
