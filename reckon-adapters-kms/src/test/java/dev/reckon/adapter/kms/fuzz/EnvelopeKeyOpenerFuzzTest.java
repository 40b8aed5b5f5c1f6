package dev.reckon.adapter.kms.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.reckon.adapter.kms.FrozenEnvelopeVectors;
import dev.reckon.adapter.kms.TestKeys;
import dev.reckon.adapter.kms.local.LocalMasterKeyFile;
import dev.reckon.adapter.kms.opening.EnvelopeKeyOpener;
import dev.reckon.adapter.kms.opening.LocalMasterKeyUnwrapper;
import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.ports.out.SealedKey;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes {@link EnvelopeKeyOpener#open} with arbitrary bytes, through a {@link
 * LocalMasterKeyUnwrapper} over the fake master key file of the frozen vectors. Every record is
 * opened under the binding of the frozen vector {@code openai-v1}.
 *
 * <p>Opening must throw {@link dev.reckon.ports.out.UnableToOpenKeyException} with one of its fixed
 * messages, or return the vector's plaintext, and only for the vector's exact bytes. Its allocation
 * must stay within a bound set by the input length.
 *
 * <p>A plain {@code mvn test} runs the fuzz test once on an empty input and once on each seed in
 * {@code src/test/resources/dev/reckon/adapter/kms/fuzz/EnvelopeKeyOpenerFuzzTestInputs/}. The
 * README in {@code src/test/resources/dev/reckon/adapter/kms/fuzz/} shows how to fuzz with {@code
 * JAZZER_FUZZ=1}.
 */
class EnvelopeKeyOpenerFuzzTest {

  /**
   * Copies of the input: the record's bytes, the decoded fields and their defensive copies, the
   * fields the opener takes from the envelope, the cipher's buffer and the plaintext.
   */
  private static final int ALLOCATED_BYTES_PER_INPUT_BYTE = 8;

  /** Allowance for a cipher per AES-GCM operation, the context, and a thrown exception. */
  private static final long ALLOCATED_BYTES_CONSTANT = 48 * 1024;

  private static final String OPENS = "opens";

  @TempDir static Path directory;

  private static LocalMasterKeyFile keyFile;
  private static EnvelopeKeyOpener opener;
  private static FrozenEnvelopeVectors.Vector openable;

  @BeforeAll
  static void loadFrozenTestMasterKey() throws IOException {
    keyFile =
        LocalMasterKeyFile.openOrCreate(FrozenEnvelopeVectors.copyMasterKeyFile(directory), false);
    opener = new EnvelopeKeyOpener(new LocalMasterKeyUnwrapper(keyFile));
    openable =
        FrozenEnvelopeVectors.loadVectors().stream()
            .filter(vector -> vector.name().equals("openai-v1"))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("frozen vector openai-v1 is missing"));
  }

  @AfterAll
  static void closeTestMasterKey() {
    keyFile.close();
  }

  @FuzzTest
  void openFailsOnlyCleanly(byte[] sealed) {
    SealedKey record = new SealedKey(sealed);
    long maxBytes =
        ALLOCATED_BYTES_PER_INPUT_BYTE * (long) sealed.length + ALLOCATED_BYTES_CONSTANT;

    MeasuredCall<SecretBytes> call =
        MeasuredCall.runWithin(maxBytes, () -> opener.open(record, openable.binding()));

    if (call.rejection() != null) {
      assertThat(RejectionMessages.OPEN).contains(call.rejection().getMessage());
      return;
    }
    try (SecretBytes plaintext = call.value()) {
      assertThat(sealed).as("the only record that opens").isEqualTo(openable.envelope());
      assertThat(TestKeys.utf8(plaintext)).isEqualTo(openable.plaintext());
    }
  }

  @Test
  void seedsHaveTheirNamedOutcome() {
    Map<String, String> expected =
        Map.ofEntries(
            Map.entry("valid-openai-v1", OPENS),
            Map.entry("other-row-anthropic-v1", RejectionMessages.WRAPPED_KEY_REJECTED),
            Map.entry("other-row-openai-v2", RejectionMessages.WRAPPED_KEY_REJECTED),
            Map.entry("wrapped-key-swapped", RejectionMessages.WRAPPED_KEY_REJECTED),
            Map.entry("tag-altered", RejectionMessages.PAYLOAD_REJECTED),
            Map.entry("unknown-master-key-v3", RejectionMessages.UNKNOWN_MASTER_KEY),
            Map.entry("master-key-id-leading-zero", RejectionMessages.UNKNOWN_MASTER_KEY),
            Map.entry("wrapped-key-59-bytes", RejectionMessages.WRAPPED_KEY_NOT_60_BYTES),
            Map.entry("truncated-in-wrapped-key", RejectionMessages.TRUNCATED),
            Map.entry("wrapped-length-65535", RejectionMessages.INVALID_WRAPPED_KEY_LENGTH),
            Map.entry("unknown-format-02", RejectionMessages.UNKNOWN_FORMAT));
    Map<String, byte[]> seeds = SeedInputs.read(getClass(), "openFailsOnlyCleanly");

    assertThat(seeds).containsKeys(expected.keySet().toArray(String[]::new));
    expected.forEach(
        (name, outcome) -> assertThat(outcomeOf(seeds.get(name))).as(name).isEqualTo(outcome));
  }

  private static String outcomeOf(byte[] sealed) {
    MeasuredCall<SecretBytes> call =
        MeasuredCall.runWithin(
            Long.MAX_VALUE, () -> opener.open(new SealedKey(sealed), openable.binding()));
    if (call.rejection() != null) {
      return call.rejection().getMessage();
    }
    call.value().close();
    return OPENS;
  }
}
