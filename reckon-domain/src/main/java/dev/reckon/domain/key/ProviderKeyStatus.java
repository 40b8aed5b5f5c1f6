package dev.reckon.domain.key;

/** Whether Reckon polls a provider key. */
public enum ProviderKeyStatus {
  /** Polled on schedule. */
  ACTIVE("active"),
  /** The provider rejected the key (401 or 403); polling stops until an admin replaces it. */
  NEEDS_ATTENTION("needs_attention"),
  /** Polling stopped by an admin. */
  PAUSED("paused");

  private final String id;

  ProviderKeyStatus(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static ProviderKeyStatus fromId(String id) {
    for (ProviderKeyStatus status : values()) {
      if (status.id.equals(id)) {
        return status;
      }
    }
    throw new IllegalArgumentException("unknown provider key status '" + id + "'");
  }
}
