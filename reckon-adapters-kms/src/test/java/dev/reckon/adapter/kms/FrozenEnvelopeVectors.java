package dev.reckon.adapter.kms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.shared.ProviderKeyId;
import dev.reckon.ports.out.KeyBinding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Test-only envelope format version 1 vectors, made from fixed fake keys and fixed IVs, and the
 * fake master key file that opens them.
 *
 * <p>The committed copies live in {@code src/test/resources/envelope-v1/}. The generator encodes
 * the envelope layout itself instead of calling {@link Envelope}, so the vectors pin the format
 * independently of the code under test. See the README in that folder for how to regenerate them.
 */
public final class FrozenEnvelopeVectors {

  public static final String RESOURCE_DIRECTORY = "envelope-v1";
  public static final String VECTORS_FILE = "vectors.json";
  public static final String MASTER_KEY_FILE = "test-master-key";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HexFormat HEX = HexFormat.of();
  private static final Map<Integer, String> MASTER_KEYS =
      Map.of(1, "FAKE-test-only-master-key-ver-01", 2, "FAKE-test-only-master-key-ver-02");
  private static final OrgId OTHER_ORG = OrgId.parse("9b2f6c1e-5d4a-4e8b-8c7d-000000000099");
  private static final ProviderKeyId OTHER_KEY_ID =
      ProviderKeyId.parse("3c4d5e6f-7a8b-4c9d-8e0f-000000000099");

  private static final List<Input> INPUTS =
      List.of(
          new Input(
              "openai-v1",
              "0f8fad5b-d9cb-469f-a165-708677289501",
              "6a1b2c3d-4e5f-4a6b-9c7d-000000000001",
              Provider.OPENAI,
              "sk-admin-FAKE-frozen-vector-0001-abcd",
              1,
              "FAKE-test-only-data-key-vector-1",
              "a0a1a2a3a4a5a6a7a8a9aa01",
              "b0b1b2b3b4b5b6b7b8b9ba01"),
          new Input(
              "anthropic-v1",
              "0f8fad5b-d9cb-469f-a165-708677289501",
              "6a1b2c3d-4e5f-4a6b-9c7d-000000000002",
              Provider.ANTHROPIC,
              "sk-ant-admin01-FAKE-frozen-vector-0002-wxyz",
              1,
              "FAKE-test-only-data-key-vector-2",
              "a0a1a2a3a4a5a6a7a8a9aa02",
              "b0b1b2b3b4b5b6b7b8b9ba02"),
          new Input(
              "openai-v2-long-key",
              "1e2d3c4b-5a69-4788-96a5-b4c3d2e1f003",
              "6a1b2c3d-4e5f-4a6b-9c7d-000000000003",
              Provider.OPENAI,
              "sk-admin-FAKE-" + "frozen-vector-0003-".repeat(8) + "long",
              2,
              "FAKE-test-only-data-key-vector-3",
              "a0a1a2a3a4a5a6a7a8a9aa03",
              "b0b1b2b3b4b5b6b7b8b9ba03"),
          new Input(
              "anthropic-v2",
              "1e2d3c4b-5a69-4788-96a5-b4c3d2e1f003",
              "6a1b2c3d-4e5f-4a6b-9c7d-000000000004",
              Provider.ANTHROPIC,
              "sk-ant-admin01-FAKE-frozen-vector-0004-sandbox",
              2,
              "FAKE-test-only-data-key-vector-4",
              "a0a1a2a3a4a5a6a7a8a9aa04",
              "b0b1b2b3b4b5b6b7b8b9ba04"));

  private FrozenEnvelopeVectors() {}

  /** A vector that must open to {@code plaintext} under its binding. */
  public record Vector(
      String name,
      KeyBinding binding,
      String plaintext,
      String masterKeyId,
      byte[] dataKey,
      byte[] wrapIv,
      byte[] payloadIv,
      byte[] envelope) {}

  /** An envelope that must fail to open under {@code binding} with exactly {@code message}. */
  public record MustFail(String name, KeyBinding binding, byte[] envelope, String message) {}

  private record Input(
      String name,
      String orgId,
      String keyId,
      Provider provider,
      String plaintext,
      int masterKeyVersion,
      String dataKey,
      String wrapIv,
      String payloadIv) {

    KeyBinding binding() {
      return new KeyBinding(OrgId.parse(orgId), ProviderKeyId.parse(keyId), provider);
    }
  }

  /** Writes the vectors and the master key file into {@code directory}. */
  public static void writeTo(Path directory) throws IOException, GeneralSecurityException {
    Files.createDirectories(directory);
    Files.writeString(directory.resolve(MASTER_KEY_FILE), masterKeyFileText());
    String json = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(generate()) + "\n";
    Files.writeString(directory.resolve(VECTORS_FILE), json);
  }

  /** Builds the vectors document from the fixed inputs. */
  public static ObjectNode generate() throws GeneralSecurityException {
    ObjectNode root = JSON.createObjectNode();
    root.put(
        "description",
        "Test-only envelope format version 1 vectors made from FAKE keys and fixed IVs.");
    root.put("master_key_file", MASTER_KEY_FILE);

    List<Vector> vectors = new ArrayList<>();
    ArrayNode vectorNodes = root.putArray("vectors");
    for (Input input : INPUTS) {
      Vector vector = build(input);
      vectors.add(vector);
      vectorNodes.add(toJson(vector));
    }
    ArrayNode mustFailNodes = root.putArray("must_fail");
    for (MustFail mustFail : mustFail(vectors.get(0), vectors.get(1))) {
      mustFailNodes.add(toJson(mustFail));
    }
    return root;
  }

  /** Returns the text of the fake master key file that contains versions 1 and 2. */
  public static String masterKeyFileText() {
    StringBuilder text =
        new StringBuilder(
            "# FAKE master key file for the frozen envelope test vectors. Test-only.\n"
                + "reckon-local-master-key-file 1\n");
    MASTER_KEYS.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            entry ->
                text.append("v")
                    .append(entry.getKey())
                    .append(' ')
                    .append(HEX.formatHex(ascii(entry.getValue())))
                    .append('\n'));
    return text.toString();
  }

  /** Reads the committed vectors. */
  public static List<Vector> loadVectors() {
    List<Vector> vectors = new ArrayList<>();
    for (JsonNode node : loadCommitted().get("vectors")) {
      vectors.add(
          new Vector(
              node.get("name").asText(),
              bindingOf(node),
              node.get("plaintext").asText(),
              node.get("master_key_id").asText(),
              hex(node, "data_key"),
              hex(node, "wrap_iv"),
              hex(node, "payload_iv"),
              hex(node, "envelope")));
    }
    return vectors;
  }

  /** Reads the committed must-fail cases. */
  public static List<MustFail> loadMustFail() {
    List<MustFail> cases = new ArrayList<>();
    for (JsonNode node : loadCommitted().get("must_fail")) {
      cases.add(
          new MustFail(
              node.get("name").asText(),
              bindingOf(node),
              hex(node, "envelope"),
              node.get("message").asText()));
    }
    return cases;
  }

  /** Reads the committed vectors document as a JSON tree. */
  public static JsonNode loadCommitted() {
    return readJson(VECTORS_FILE);
  }

  /** Returns the committed master key file text. */
  public static String loadCommittedMasterKeyFileText() {
    return new String(readResource(MASTER_KEY_FILE), StandardCharsets.UTF_8);
  }

  /** Copies the committed master key file into {@code directory} with mode 0600. */
  public static Path copyMasterKeyFile(Path directory) throws IOException {
    Path file = directory.resolve(MASTER_KEY_FILE);
    Files.write(file, readResource(MASTER_KEY_FILE));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }

  private static Vector build(Input input) throws GeneralSecurityException {
    KeyBinding binding = input.binding();
    byte[] associatedData = EncryptionContext.forBinding(binding).associatedData();
    byte[] dataKey = ascii(input.dataKey());
    byte[] wrapIv = HEX.parseHex(input.wrapIv());
    byte[] payloadIv = HEX.parseHex(input.payloadIv());

    byte[] masterKey = ascii(MASTER_KEYS.get(input.masterKeyVersion()));
    byte[] wrapped = concat(wrapIv, AesGcm.encrypt(masterKey, wrapIv, dataKey, associatedData));
    byte[] plaintext = input.plaintext().getBytes(StandardCharsets.UTF_8);
    byte[] payload = AesGcm.encrypt(dataKey, payloadIv, plaintext, associatedData);

    String masterKeyId = "local:v" + input.masterKeyVersion();
    byte[] envelope = encodeEnvelope(masterKeyId, wrapped, payloadIv, payload);
    return new Vector(
        input.name(),
        binding,
        input.plaintext(),
        masterKeyId,
        dataKey,
        wrapIv,
        payloadIv,
        envelope);
  }

  private static List<MustFail> mustFail(Vector first, Vector second) {
    // With master key id "local:v1", bytes 10-11 hold the wrapped key length, bytes 12-71 the
    // wrapped key, 72-83 the IV and the ciphertext follows.
    KeyBinding binding = first.binding();
    byte[] wrapped = Arrays.copyOfRange(first.envelope(), 12, 72);
    byte[] otherWrapped = Arrays.copyOfRange(second.envelope(), 12, 72);
    byte[] payload = Arrays.copyOfRange(first.envelope(), 84, first.envelope().length);
    byte[] tagAltered = first.envelope().clone();
    tagAltered[tagAltered.length - 1] ^= 0x01;
    byte[] unknownFormat = first.envelope().clone();
    unknownFormat[0] = 0x02;
    byte[] lengthZero = first.envelope().clone();
    lengthZero[10] = 0;
    lengthZero[11] = 0;
    byte[] lengthOver = first.envelope().clone();
    lengthOver[10] = 0x10;
    lengthOver[11] = 0x01;

    String wrappedRejected = "wrapped data key failed authentication";
    String invalidLength = "sealed key has an invalid wrapped data key length";
    return List.of(
        new MustFail(
            "unknown-format-version",
            binding,
            unknownFormat,
            "sealed key has an unknown format version"),
        new MustFail(
            "truncated", binding, Arrays.copyOf(first.envelope(), 30), "sealed key is truncated"),
        new MustFail("wrapped-key-length-zero", binding, lengthZero, invalidLength),
        new MustFail("wrapped-key-length-4097", binding, lengthOver, invalidLength),
        new MustFail(
            "moved-to-other-org",
            new KeyBinding(OTHER_ORG, binding.keyId(), binding.provider()),
            first.envelope(),
            wrappedRejected),
        new MustFail(
            "moved-to-other-key-id",
            new KeyBinding(binding.orgId(), OTHER_KEY_ID, binding.provider()),
            first.envelope(),
            wrappedRejected),
        new MustFail(
            "moved-to-other-provider",
            new KeyBinding(binding.orgId(), binding.keyId(), Provider.ANTHROPIC),
            first.envelope(),
            wrappedRejected),
        new MustFail(
            "wrapped-key-swapped",
            binding,
            encodeEnvelope("local:v1", otherWrapped, first.payloadIv(), payload),
            wrappedRejected),
        new MustFail(
            "unknown-master-key-version",
            binding,
            encodeEnvelope("local:v3", wrapped, first.payloadIv(), payload),
            "sealed key names an unknown master key"),
        new MustFail("tag-altered", binding, tagAltered, "sealed key failed authentication"));
  }

  /** Encodes format version 1 byte by byte, independently of {@link Envelope#encode()}. */
  private static byte[] encodeEnvelope(
      String masterKeyId, byte[] wrapped, byte[] iv, byte[] ciphertextAndTag) {
    byte[] keyId = ascii(masterKeyId);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x01);
    out.write(keyId.length);
    out.writeBytes(keyId);
    out.write(wrapped.length >> 8);
    out.write(wrapped.length & 0xFF);
    out.writeBytes(wrapped);
    out.writeBytes(iv);
    out.writeBytes(ciphertextAndTag);
    return out.toByteArray();
  }

  private static ObjectNode toJson(Vector vector) {
    ObjectNode node = bindingJson(vector.name(), vector.binding());
    node.put("plaintext", vector.plaintext());
    node.put("master_key_id", vector.masterKeyId());
    node.put("data_key", HEX.formatHex(vector.dataKey()));
    node.put("wrap_iv", HEX.formatHex(vector.wrapIv()));
    node.put("payload_iv", HEX.formatHex(vector.payloadIv()));
    node.put("envelope", HEX.formatHex(vector.envelope()));
    return node;
  }

  private static ObjectNode toJson(MustFail mustFail) {
    ObjectNode node = bindingJson(mustFail.name(), mustFail.binding());
    node.put("envelope", HEX.formatHex(mustFail.envelope()));
    node.put("message", mustFail.message());
    return node;
  }

  private static ObjectNode bindingJson(String name, KeyBinding binding) {
    ObjectNode node = JSON.createObjectNode();
    node.put("name", name);
    node.put("org_id", binding.orgId().toString());
    node.put("provider_key_id", binding.keyId().toString());
    node.put("provider", binding.provider().id());
    return node;
  }

  private static KeyBinding bindingOf(JsonNode node) {
    return new KeyBinding(
        OrgId.parse(node.get("org_id").asText()),
        ProviderKeyId.parse(node.get("provider_key_id").asText()),
        Provider.fromId(node.get("provider").asText()));
  }

  private static byte[] hex(JsonNode node, String field) {
    return HEX.parseHex(node.get(field).asText());
  }

  private static JsonNode readJson(String name) {
    try {
      return JSON.readTree(readResource(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] readResource(String name) {
    String path = "/" + RESOURCE_DIRECTORY + "/" + name;
    try (InputStream in = FrozenEnvelopeVectors.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("test resource " + path + " is missing");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] result = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, result, first.length, second.length);
    return result;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
