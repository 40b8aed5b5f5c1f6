package dev.reckon.archfixture.secrets;

import dev.reckon.domain.secret.SecretBytes;

/**
 * A deliberate violation for the architecture tests: a record whose generated {@code toString} and
 * {@code equals} would expose the secret it holds.
 */
record PlantedSecretRecord(String label, SecretBytes key) {}
