package dev.reckon.adapter.kms.fuzz;

import java.util.Set;

/**
 * The fixed messages of {@link dev.reckon.ports.out.UnableToOpenKeyException} on the local master
 * key's opening path. They are written out here rather than read from the production constants, so
 * that a changed or new message fails the fuzz tests.
 */
final class RejectionMessages {

  static final String TRUNCATED = "sealed key is truncated";
  static final String UNKNOWN_FORMAT = "sealed key has an unknown format version";
  static final String INVALID_MASTER_KEY_ID = "sealed key has an invalid master key id";
  static final String INVALID_WRAPPED_KEY_LENGTH =
      "sealed key has an invalid wrapped data key length";

  static final String UNKNOWN_MASTER_KEY = "sealed key names an unknown master key";
  static final String WRAPPED_KEY_NOT_60_BYTES = "wrapped data key has an invalid length";
  static final String WRAPPED_KEY_REJECTED = "wrapped data key failed authentication";
  static final String PAYLOAD_REJECTED = "sealed key failed authentication";

  /** Messages of {@link dev.reckon.adapter.kms.Envelope#decode}. */
  static final Set<String> DECODE =
      Set.of(TRUNCATED, UNKNOWN_FORMAT, INVALID_MASTER_KEY_ID, INVALID_WRAPPED_KEY_LENGTH);

  /** Messages after decoding succeeded: the local unwrapper's and the payload decryption's. */
  static final Set<String> AFTER_DECODE =
      Set.of(UNKNOWN_MASTER_KEY, WRAPPED_KEY_NOT_60_BYTES, WRAPPED_KEY_REJECTED, PAYLOAD_REJECTED);

  /** Every message that opening with the local master key can throw. */
  static final Set<String> OPEN =
      Set.of(
          TRUNCATED,
          UNKNOWN_FORMAT,
          INVALID_MASTER_KEY_ID,
          INVALID_WRAPPED_KEY_LENGTH,
          UNKNOWN_MASTER_KEY,
          WRAPPED_KEY_NOT_60_BYTES,
          WRAPPED_KEY_REJECTED,
          PAYLOAD_REJECTED);

  private RejectionMessages() {}
}
