package dev.reckon.adapter.kms.aws;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.IncorrectKeyException;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.ReEncryptRequest;
import software.amazon.awssdk.services.kms.model.ReEncryptResponse;

/**
 * An in-process stand-in for AWS KMS behind the SDK's own {@link KmsClient} interface, for tests in
 * this module and in others (through the test jar). Nothing leaves the process.
 *
 * <p>What it fakes, for symmetric encryption keys only:
 *
 * <ul>
 *   <li>{@code GenerateDataKey}, {@code Decrypt} and {@code ReEncrypt}. Every other operation
 *       throws {@link UnsupportedOperationException} (the SDK interface's default).
 *   <li>Keys named by key ARN, with aliases ({@code alias/NAME} and alias ARNs) for {@code
 *       GenerateDataKey} and the destination of {@code ReEncrypt}, as in KMS. Each key has versions
 *       of AES-256 material. {@link #rotate} adds a version that wraps from then on, and older
 *       versions stay to unwrap what they wrapped, as KMS key rotation does.
 *   <li>A ciphertext blob is a header naming the key ARN and version, a 12-byte IV, and the
 *       AES-256-GCM encryption of the data key. The associated data is the header followed by a
 *       canonical encoding of the encryption context (entries sorted by key), so a different
 *       context, key or version fails with {@link InvalidCiphertextException}.
 *   <li>A pinned {@code KeyId} that names another key than the blob's fails with {@link
 *       IncorrectKeyException}. A disabled key fails with {@link DisabledException}, a key
 *       scheduled for deletion with {@link KmsInvalidStateException}, an unknown key with {@link
 *       NotFoundException}.
 *   <li>Injected failures: {@link #throttleNextCalls} and {@link #failNextCall} throw before a call
 *       does anything.
 * </ul>
 *
 * <p>It does not fake key policies, grants, IAM, quotas, multi-Region keys, or the real blob
 * format. Every plaintext data key it returns is kept in {@link #plaintextsReturned()}: the array
 * in the response is that same array, so a test can check the caller zeroed it.
 */
public final class FakeKms implements KmsClient {

  public static final String ACCOUNT_ID = "111122223333";
  public static final String DEFAULT_REGION = "eu-west-1";

  private static final byte[] BLOB_MAGIC = {'F', 'K', 'M', 'S'};
  private static final int KEY_BYTES = 32;
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final String region;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, FakeKey> keys = new LinkedHashMap<>();
  private final Map<String, String> aliases = new HashMap<>();
  private final List<SdkRequest> requests = new ArrayList<>();
  private final List<byte[]> plaintextsReturned = new ArrayList<>();
  private final Deque<RuntimeException> injectedFailures = new ArrayDeque<>();
  private int requestIds;

  /** Creates a fake KMS of region {@value #DEFAULT_REGION} with no keys. */
  public FakeKms() {
    this(DEFAULT_REGION);
  }

  public FakeKms(String region) {
    this.region = region;
  }

  // ---- Setting up keys ----

  /** Creates an enabled key with one version of material and returns its key ARN. */
  public synchronized String newKey() {
    String arn = "arn:aws:kms:" + region + ":" + ACCOUNT_ID + ":key/" + UUID.randomUUID();
    FakeKey key = new FakeKey();
    key.versions.add(randomMaterial());
    keys.put(arn, key);
    return arn;
  }

  /** Makes {@code aliasName} ({@code alias/NAME}) point to the key {@code keyArn}. */
  public synchronized void addAlias(String aliasName, String keyArn) {
    requireKey(keyArn);
    if (!aliasName.startsWith("alias/")) {
      throw new IllegalArgumentException(
          "alias name must start with alias/ (was " + aliasName + ")");
    }
    aliases.put(aliasName, keyArn);
  }

  /** Returns the alias ARN of {@code aliasName} in this fake's region and account. */
  public String aliasArn(String aliasName) {
    return "arn:aws:kms:" + region + ":" + ACCOUNT_ID + ":" + aliasName;
  }

  /** Adds a version of key material to {@code keyArn} and returns its number (the first is 1). */
  public synchronized int rotate(String keyArn) {
    FakeKey key = requireKey(keyArn);
    key.versions.add(randomMaterial());
    return key.versions.size();
  }

  public synchronized void disable(String keyArn) {
    requireKey(keyArn).state = KeyState.DISABLED;
  }

  public synchronized void enable(String keyArn) {
    requireKey(keyArn).state = KeyState.ENABLED;
  }

  public synchronized void scheduleDeletion(String keyArn) {
    requireKey(keyArn).state = KeyState.PENDING_DELETION;
  }

  // ---- Injecting failures ----

  /** Makes the next {@code count} calls fail as KMS does when it throttles. */
  public synchronized void throttleNextCalls(int count) {
    for (int i = 0; i < count; i++) {
      injectedFailures.add(
          serviceError(KmsException.builder(), "ThrottlingException", 400, "Rate exceeded"));
    }
  }

  /** Makes the next call throw {@code failure} before it does anything. */
  public synchronized void failNextCall(RuntimeException failure) {
    injectedFailures.add(failure);
  }

  // ---- Inspecting calls ----

  /** Returns the number of calls received, including failed and injected-failure calls. */
  public synchronized int callCount() {
    return requests.size();
  }

  /** Returns the requests received, in order. */
  public synchronized List<SdkRequest> requests() {
    return List.copyOf(requests);
  }

  /** Returns the plaintext data key arrays handed out in responses, not copies, in order. */
  public synchronized List<byte[]> plaintextsReturned() {
    return List.copyOf(plaintextsReturned);
  }

  /** Returns the key material version a blob from this fake was made with. */
  public static int versionOf(byte[] blob) {
    return parseBlob(blob).version;
  }

  /** Returns the key ARN a blob from this fake names. */
  public static String keyArnOf(byte[] blob) {
    return parseBlob(blob).keyArn;
  }

  // ---- KmsClient ----

  @Override
  public synchronized GenerateDataKeyResponse generateDataKey(GenerateDataKeyRequest request) {
    begin(request);
    boolean aes256 =
        request.keySpec() == DataKeySpec.AES_256
            ? request.numberOfBytes() == null
            : request.keySpec() == null
                && Integer.valueOf(KEY_BYTES).equals(request.numberOfBytes());
    if (!aes256) {
      throw validationError("fake KMS generates 256-bit data keys only");
    }
    String keyArn = resolveForEncryption(request.keyId());

    byte[] dataKey = new byte[KEY_BYTES];
    random.nextBytes(dataKey);
    byte[] blob = seal(keyArn, dataKey, request.encryptionContext());
    plaintextsReturned.add(dataKey);
    return GenerateDataKeyResponse.builder()
        .keyId(keyArn)
        .ciphertextBlob(SdkBytes.fromByteArray(blob))
        .plaintext(SdkBytes.fromByteArrayUnsafe(dataKey))
        .build();
  }

  @Override
  public synchronized DecryptResponse decrypt(DecryptRequest request) {
    begin(request);
    requireSymmetricDefault(request.encryptionAlgorithm());
    byte[] blob = request.ciphertextBlob() == null ? null : request.ciphertextBlob().asByteArray();
    Opened opened = open(blob, request.keyId(), request.encryptionContext());

    plaintextsReturned.add(opened.dataKey);
    return DecryptResponse.builder()
        .keyId(opened.keyArn)
        .plaintext(SdkBytes.fromByteArrayUnsafe(opened.dataKey))
        .encryptionAlgorithm(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT)
        .build();
  }

  @Override
  public synchronized ReEncryptResponse reEncrypt(ReEncryptRequest request) {
    begin(request);
    requireSymmetricDefault(request.sourceEncryptionAlgorithm());
    requireSymmetricDefault(request.destinationEncryptionAlgorithm());
    byte[] blob = request.ciphertextBlob() == null ? null : request.ciphertextBlob().asByteArray();
    Opened opened = open(blob, request.sourceKeyId(), request.sourceEncryptionContext());
    try {
      String destination = resolveForEncryption(request.destinationKeyId());
      byte[] rewrapped = seal(destination, opened.dataKey, request.destinationEncryptionContext());
      return ReEncryptResponse.builder()
          .sourceKeyId(opened.keyArn)
          .keyId(destination)
          .ciphertextBlob(SdkBytes.fromByteArray(rewrapped))
          .sourceEncryptionAlgorithm(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT)
          .destinationEncryptionAlgorithm(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT)
          .build();
    } finally {
      Arrays.fill(opened.dataKey, (byte) 0);
    }
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {}

  @Override
  public synchronized String toString() {
    return "FakeKms[region=" + region + ", keys=" + keys.size() + "]";
  }

  // ---- Internals ----

  private void begin(SdkRequest request) {
    requests.add(request);
    RuntimeException injected = injectedFailures.poll();
    if (injected != null) {
      throw injected;
    }
  }

  private String resolveForEncryption(String keyId) {
    if (keyId == null) {
      throw validationError("KeyId is required");
    }
    String keyArn = aliases.getOrDefault(aliasNameOf(keyId), keyId);
    requireUsable(keyArn);
    return keyArn;
  }

  private String aliasNameOf(String keyId) {
    String aliasArnPrefix = "arn:aws:kms:" + region + ":" + ACCOUNT_ID + ":";
    return keyId.startsWith(aliasArnPrefix) ? keyId.substring(aliasArnPrefix.length()) : keyId;
  }

  private Opened open(byte[] blob, String pinnedKeyId, Map<String, String> context) {
    ParsedBlob parsed;
    try {
      parsed = parseBlob(blob);
    } catch (IllegalArgumentException e) {
      throw serviceError(
          InvalidCiphertextException.builder(), "InvalidCiphertextException", 400, "");
    }
    if (pinnedKeyId != null && !parsed.keyArn.equals(pinnedKeyId)) {
      throw serviceError(
          IncorrectKeyException.builder(),
          "IncorrectKeyException",
          400,
          "The key ID in the request does not identify the key that encrypted the ciphertext");
    }
    FakeKey key = keys.get(parsed.keyArn);
    if (key == null || parsed.version < 1 || parsed.version > key.versions.size()) {
      throw serviceError(
          InvalidCiphertextException.builder(), "InvalidCiphertextException", 400, "");
    }
    requireUsable(parsed.keyArn);

    byte[] material = key.versions.get(parsed.version - 1);
    try {
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, material, parsed.iv);
      cipher.updateAAD(parsed.header);
      cipher.updateAAD(canonical(context));
      return new Opened(parsed.keyArn, cipher.doFinal(parsed.ciphertext));
    } catch (GeneralSecurityException e) {
      throw serviceError(
          InvalidCiphertextException.builder(), "InvalidCiphertextException", 400, "");
    }
  }

  private byte[] seal(String keyArn, byte[] dataKey, Map<String, String> context) {
    FakeKey key = keys.get(keyArn);
    int version = key.versions.size();
    byte[] header = header(keyArn, version);
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key.versions.get(version - 1), iv);
      cipher.updateAAD(header);
      cipher.updateAAD(canonical(context));
      byte[] ciphertext = cipher.doFinal(dataKey);
      ByteArrayOutputStream blob = new ByteArrayOutputStream();
      blob.writeBytes(header);
      blob.writeBytes(iv);
      blob.writeBytes(ciphertext);
      return blob.toByteArray();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("fake KMS could not encrypt", e);
    }
  }

  private void requireUsable(String keyArn) {
    FakeKey key = keys.get(keyArn);
    if (key == null) {
      throw serviceError(NotFoundException.builder(), "NotFoundException", 400, "Key not found");
    }
    switch (key.state) {
      case DISABLED ->
          throw serviceError(DisabledException.builder(), "DisabledException", 400, "disabled");
      case PENDING_DELETION ->
          throw serviceError(
              KmsInvalidStateException.builder(),
              "KMSInvalidStateException",
              400,
              "pending deletion");
      case ENABLED -> {}
    }
  }

  private FakeKey requireKey(String keyArn) {
    FakeKey key = keys.get(keyArn);
    if (key == null) {
      throw new IllegalArgumentException("fake KMS has no key " + keyArn);
    }
    return key;
  }

  private void requireSymmetricDefault(EncryptionAlgorithmSpec algorithm) {
    if (algorithm != null && algorithm != EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT) {
      throw validationError("fake KMS supports SYMMETRIC_DEFAULT only");
    }
  }

  private byte[] randomMaterial() {
    byte[] material = new byte[KEY_BYTES];
    random.nextBytes(material);
    return material;
  }

  private AwsServiceException validationError(String message) {
    return serviceError(KmsException.builder(), "ValidationException", 400, message);
  }

  private AwsServiceException serviceError(
      AwsServiceException.Builder builder, String code, int status, String message) {
    String requestId = "fake-request-" + (++requestIds);
    return builder
        .message(message)
        .statusCode(status)
        .requestId(requestId)
        .awsErrorDetails(
            AwsErrorDetails.builder()
                .errorCode(code)
                .errorMessage(message)
                .serviceName("Kms")
                .build())
        .build();
  }

  private static Cipher cipher(int mode, byte[] material, byte[] iv)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, new SecretKeySpec(material, "AES"), new GCMParameterSpec(TAG_BITS, iv));
    return cipher;
  }

  /** Magic, 2-byte key ARN length, key ARN, 4-byte version. */
  private static byte[] header(String keyArn, int version) {
    byte[] arn = keyArn.getBytes(StandardCharsets.UTF_8);
    ByteBuffer header = ByteBuffer.allocate(BLOB_MAGIC.length + 2 + arn.length + 4);
    header.put(BLOB_MAGIC).putShort((short) arn.length).put(arn).putInt(version);
    return header.array();
  }

  private static ParsedBlob parseBlob(byte[] blob) {
    if (blob == null) {
      throw new IllegalArgumentException("no blob");
    }
    ByteBuffer in = ByteBuffer.wrap(blob);
    try {
      byte[] magic = new byte[BLOB_MAGIC.length];
      in.get(magic);
      if (!Arrays.equals(magic, BLOB_MAGIC)) {
        throw new IllegalArgumentException("not a fake KMS blob");
      }
      byte[] arn = new byte[Short.toUnsignedInt(in.getShort())];
      in.get(arn);
      int version = in.getInt();
      byte[] header = Arrays.copyOf(blob, in.position());
      byte[] iv = new byte[IV_BYTES];
      in.get(iv);
      byte[] ciphertext = new byte[in.remaining()];
      in.get(ciphertext);
      return new ParsedBlob(
          new String(arn, StandardCharsets.UTF_8), version, header, iv, ciphertext);
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("truncated fake KMS blob", e);
    }
  }

  /**
   * Encodes a context canonically: entries sorted by key, each key and value behind a 4-byte
   * length. A null or empty context encodes as no entries, as KMS treats them alike.
   */
  private static byte[] canonical(Map<String, String> context) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (context == null) {
      return out.toByteArray();
    }
    for (Map.Entry<String, String> entry : new TreeMap<>(context).entrySet()) {
      writeField(out, entry.getKey());
      writeField(out, entry.getValue());
    }
    return out.toByteArray();
  }

  private static void writeField(ByteArrayOutputStream out, String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    out.writeBytes(ByteBuffer.allocate(4).putInt(utf8.length).array());
    out.writeBytes(utf8);
  }

  private enum KeyState {
    ENABLED,
    DISABLED,
    PENDING_DELETION
  }

  private static final class FakeKey {
    final List<byte[]> versions = new ArrayList<>();
    KeyState state = KeyState.ENABLED;
  }

  private record ParsedBlob(
      String keyArn, int version, byte[] header, byte[] iv, byte[] ciphertext) {}

  private record Opened(String keyArn, byte[] dataKey) {}
}
