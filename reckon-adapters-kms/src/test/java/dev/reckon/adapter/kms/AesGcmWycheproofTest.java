package dev.reckon.adapter.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reckon.domain.secret.SecretBytes;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs the Project Wycheproof AES-256-GCM vectors with 96-bit IVs and 128-bit tags. */
class AesGcmWycheproofTest {

  private static final String RESOURCE = "/wycheproof/aes_gcm_256_96_128_test.json";
  private static final HexFormat HEX = HexFormat.of();

  private record Vector(
      int id,
      String comment,
      String result,
      byte[] key,
      byte[] iv,
      byte[] aad,
      byte[] msg,
      byte[] ct,
      byte[] tag) {

    byte[] ciphertextAndTag() {
      byte[] joined = new byte[ct.length + tag.length];
      System.arraycopy(ct, 0, joined, 0, ct.length);
      System.arraycopy(tag, 0, joined, ct.length, tag.length);
      return joined;
    }
  }

  @Test
  void vectorFileHasExpectedCounts() throws IOException {
    List<Vector> vectors = loadVectors();

    long valid = vectors.stream().filter(vector -> vector.result().equals("valid")).count();
    long invalid = vectors.stream().filter(vector -> vector.result().equals("invalid")).count();

    assertThat(vectors).hasSize(66);
    assertThat(valid).isEqualTo(39);
    assertThat(invalid).isEqualTo(27);
  }

  @TestFactory
  Stream<DynamicTest> validVectorsEncryptAndDecrypt() throws IOException {
    return loadVectors().stream()
        .filter(vector -> vector.result().equals("valid"))
        .map(vector -> DynamicTest.dynamicTest(name(vector), () -> checkValid(vector)));
  }

  @TestFactory
  Stream<DynamicTest> invalidVectorsAreRejected() throws IOException {
    return loadVectors().stream()
        .filter(vector -> vector.result().equals("invalid"))
        .map(vector -> DynamicTest.dynamicTest(name(vector), () -> checkInvalid(vector)));
  }

  private static void checkValid(Vector vector) throws GeneralSecurityException {
    byte[] encrypted = AesGcm.encrypt(vector.key(), vector.iv(), vector.msg(), vector.aad());

    SecretBytes decrypted =
        AesGcm.decrypt(vector.key(), vector.iv(), vector.ciphertextAndTag(), vector.aad());

    assertThat(encrypted).isEqualTo(vector.ciphertextAndTag());
    assertThat(decrypted.unsafeRevealBytesWithoutCopy()).isEqualTo(vector.msg());
  }

  private static void checkInvalid(Vector vector) {
    assertThatThrownBy(
            () ->
                AesGcm.decrypt(vector.key(), vector.iv(), vector.ciphertextAndTag(), vector.aad()))
        .isInstanceOf(GeneralSecurityException.class);
  }

  private static String name(Vector vector) {
    return "tcId " + vector.id() + " " + vector.comment();
  }

  private static List<Vector> loadVectors() throws IOException {
    JsonNode root;
    try (InputStream in = AesGcmWycheproofTest.class.getResourceAsStream(RESOURCE)) {
      assertThat(in).as(RESOURCE).isNotNull();
      root = new ObjectMapper().readTree(in);
    }
    List<Vector> vectors = new ArrayList<>();
    for (JsonNode group : root.get("testGroups")) {
      for (JsonNode test : group.get("tests")) {
        vectors.add(
            new Vector(
                test.get("tcId").asInt(),
                test.get("comment").asText(),
                test.get("result").asText(),
                hex(test, "key"),
                hex(test, "iv"),
                hex(test, "aad"),
                hex(test, "msg"),
                hex(test, "ct"),
                hex(test, "tag")));
      }
    }
    return vectors;
  }

  private static byte[] hex(JsonNode test, String field) {
    return HEX.parseHex(test.get(field).asText());
  }
}
