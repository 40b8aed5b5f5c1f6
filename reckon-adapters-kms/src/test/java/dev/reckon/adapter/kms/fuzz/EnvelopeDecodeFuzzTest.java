package dev.reckon.adapter.kms.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.reckon.adapter.kms.Envelope;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes {@link Envelope#decode} with arbitrary bytes. Decoding must return an envelope that
 * encodes back to the same bytes, or throw {@link dev.reckon.ports.out.UnableToOpenKeyException}
 * with one of its fixed messages. Its allocation must stay within a bound set by the input length,
 * whatever the length fields declare.
 *
 * <p>A plain {@code mvn test} runs the fuzz test once on an empty input and once on each seed in
 * {@code src/test/resources/dev/reckon/adapter/kms/fuzz/EnvelopeDecodeFuzzTestInputs/}. The README
 * in {@code src/test/resources/dev/reckon/adapter/kms/fuzz/} shows how to fuzz with {@code
 * JAZZER_FUZZ=1}.
 */
class EnvelopeDecodeFuzzTest {

  /** Decoding copies each field twice: once when reading it and once in the constructor. */
  private static final int ALLOCATED_BYTES_PER_INPUT_BYTE = 2;

  /** Allowance for objects, the key id's decoder and string, and an exception's stack trace. */
  private static final long ALLOCATED_BYTES_CONSTANT = 16 * 1024;

  private static final String DECODES = "decodes";

  @FuzzTest
  void decodeFailsOnlyCleanly(byte[] sealed) {
    long maxBytes =
        ALLOCATED_BYTES_PER_INPUT_BYTE * (long) sealed.length + ALLOCATED_BYTES_CONSTANT;

    MeasuredCall<Envelope> call = MeasuredCall.runWithin(maxBytes, () -> Envelope.decode(sealed));

    if (call.rejection() != null) {
      assertThat(RejectionMessages.DECODE).contains(call.rejection().getMessage());
    } else {
      assertThat(call.value().encode()).as("re-encoded envelope").isEqualTo(sealed);
    }
  }

  @Test
  void seedsHaveTheirNamedOutcome() {
    Map<String, String> expected =
        Map.ofEntries(
            Map.entry("valid-openai-v1", DECODES),
            Map.entry("valid-openai-v2-long-key", DECODES),
            Map.entry("truncated-in-wrapped-key", RejectionMessages.TRUNCATED),
            Map.entry("truncated-before-tag", RejectionMessages.TRUNCATED),
            Map.entry("unknown-format-02", RejectionMessages.UNKNOWN_FORMAT),
            Map.entry("unknown-format-ff", RejectionMessages.UNKNOWN_FORMAT),
            Map.entry("key-id-length-zero", RejectionMessages.INVALID_MASTER_KEY_ID),
            Map.entry("key-id-length-255-short-body", RejectionMessages.TRUNCATED),
            Map.entry("key-id-not-utf8", RejectionMessages.INVALID_MASTER_KEY_ID),
            Map.entry("wrapped-length-zero", RejectionMessages.INVALID_WRAPPED_KEY_LENGTH),
            Map.entry("wrapped-length-4097", RejectionMessages.INVALID_WRAPPED_KEY_LENGTH),
            Map.entry("wrapped-length-65535", RejectionMessages.INVALID_WRAPPED_KEY_LENGTH),
            Map.entry("wrapped-length-4096-short-body", RejectionMessages.TRUNCATED));
    Map<String, byte[]> seeds = SeedInputs.read(getClass(), "decodeFailsOnlyCleanly");

    assertThat(seeds).containsKeys(expected.keySet().toArray(String[]::new));
    expected.forEach(
        (name, outcome) -> assertThat(outcomeOf(seeds.get(name))).as(name).isEqualTo(outcome));
  }

  private static String outcomeOf(byte[] sealed) {
    MeasuredCall<Envelope> call =
        MeasuredCall.runWithin(Long.MAX_VALUE, () -> Envelope.decode(sealed));
    return call.rejection() == null ? DECODES : call.rejection().getMessage();
  }
}
