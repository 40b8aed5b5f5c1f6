package dev.reckon.sandbox;

import java.time.Instant;

/**
 * A customer's inference key as the admin API reports it: an id and a name, never a usable secret.
 *
 * @param projectId the project or workspace of the key; null for a key in Anthropic's default
 *     workspace
 * @param hint the redacted value, such as {@code sk-proj-…Ab12}
 * @param owner the member who owns or created the key
 * @param serviceAccount whether an OpenAI service account owns the key (its usage has no user)
 * @param retiredAt when the key stopped working, or null: after it an OpenAI key is deleted and
 *     leaves the lists, while an Anthropic key is archived and stays listed. Its usage stops at
 *     that instant.
 */
record ApiKey(
    String id,
    String name,
    String projectId,
    String hint,
    Instant createdAt,
    Member owner,
    boolean serviceAccount,
    Instant retiredAt) {

  boolean isRetiredAt(Instant now) {
    return retiredAt != null && !retiredAt.isAfter(now);
  }
}
