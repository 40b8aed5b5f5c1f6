package dev.reckon.sandbox;

import java.util.Objects;

/**
 * A fake admin key that the sandbox accepts, with the provider organization it reads.
 *
 * <p>The keys are fixtures, not secrets, but {@link #toString()} still shows only the last four
 * characters so that logs of a test look like logs of production.
 *
 * @param provider the provider that accepts the key
 * @param key the full key, for example {@code sk-admin-sandbox-…}
 * @param organizationId the provider's id of the organization
 * @param organizationName the organization's display name
 */
public record SandboxAdminKey(
    SandboxProvider provider, String key, String organizationId, String organizationName) {

  public SandboxAdminKey {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(organizationId, "organizationId");
    Objects.requireNonNull(organizationName, "organizationName");
  }

  /** Returns the key as shown to people: an ellipsis and its last four characters. */
  public String hint() {
    return "…" + key.substring(key.length() - 4);
  }

  @Override
  public String toString() {
    return "SandboxAdminKey[provider="
        + provider.id()
        + ", key="
        + hint()
        + ", organizationId="
        + organizationId
        + ", organizationName="
        + organizationName
        + "]";
  }
}
