package dev.reckon.archfixture.secrets;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A deliberate violation for the architecture tests: a secret type that is serializable, compares
 * by content and inherits the default {@code toString}.
 */
final class PlantedLeakySecret implements Serializable {

  private static final long serialVersionUID = 1L;

  private final byte[] bytes;

  PlantedLeakySecret(byte[] bytes) {
    this.bytes = bytes.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PlantedLeakySecret that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }
}
